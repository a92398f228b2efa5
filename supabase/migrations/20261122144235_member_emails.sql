-- Members' email addresses live in auth.users, which the authenticated role may not read
-- (on Supabase, nor here). This function gives a member the emails of their own
-- workspace's members and nothing else.
create or replace function junction.workspace_member_emails(ws uuid)
  returns table (user_id uuid, email text)
  language sql stable security definer set search_path = ''
as $$
  select m.user_id, u.email::text
    from public.workspace_members m
    join auth.users u on u.id = m.user_id
   where m.workspace_id = ws and junction.has_role(ws, 'viewer')
$$
--> statement-breakpoint
revoke all on function junction.workspace_member_emails(uuid) from public
--> statement-breakpoint
grant execute on function junction.workspace_member_emails(uuid) to authenticated, service_role
