-- Audit events are written by the application in the same transaction as the change; a
-- user's (or their API key's) rows must carry that user's own id, so nobody — even through
-- Supabase's Data API — can write an event in someone else's name. System events (the
-- engine, the CLI) are written by the table owner, outside RLS.
alter policy audit_events_insert on public.audit_events
  with check (workspace_id in (select junction.workspaces_with_role('member')) and actor_user_id = (select auth.uid()))
