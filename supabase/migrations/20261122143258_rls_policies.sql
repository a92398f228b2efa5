-- Row-level security for every table: a user sees and changes only the rows of the
-- workspaces they are a member of, as far as their role allows (viewer < member < admin <
-- owner). Membership is checked by security-definer helpers so that the policy on
-- workspace_members does not recurse into itself. Server-side system work (the engine,
-- the tick, ingest) connects as the table owner and is not subject to these policies.

create schema if not exists junction
--> statement-breakpoint
create or replace function junction.role_rank(role text) returns integer
  language sql immutable set search_path = ''
as $$
  select case role when 'owner' then 3 when 'admin' then 2 when 'member' then 1 when 'viewer' then 0 end
$$
--> statement-breakpoint
create or replace function junction.has_role(ws uuid, minimum text) returns boolean
  language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select junction.role_rank(m.role) >= junction.role_rank(minimum)
       from public.workspace_members m
      where m.workspace_id = ws and m.user_id = (select auth.uid())),
    false)
$$
--> statement-breakpoint
revoke all on function junction.has_role(uuid, text) from public
--> statement-breakpoint
grant usage on schema junction to authenticated, service_role
--> statement-breakpoint
grant execute on function junction.has_role(uuid, text) to authenticated, service_role
--> statement-breakpoint
grant execute on function junction.role_rank(text) to authenticated, service_role
--> statement-breakpoint
grant select, insert, update, delete on all tables in schema public to authenticated, service_role
--> statement-breakpoint
alter default privileges in schema public grant select, insert, update, delete on tables to authenticated, service_role
--> statement-breakpoint

-- Workspaces are created by the server (with their first owner) rather than by a user's
-- own INSERT, so there is no insert policy here.
create policy workspaces_select on public.workspaces for select to authenticated
  using (junction.has_role(id, 'viewer'))
--> statement-breakpoint
create policy workspaces_update on public.workspaces for update to authenticated
  using (junction.has_role(id, 'admin')) with check (junction.has_role(id, 'admin'))
--> statement-breakpoint
create policy workspaces_delete on public.workspaces for delete to authenticated
  using (junction.has_role(id, 'owner'))
--> statement-breakpoint

-- Members: everyone in a workspace sees who else is in it; admins manage membership.
create policy workspace_members_select on public.workspace_members for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy workspace_members_insert on public.workspace_members for insert to authenticated
  with check (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy workspace_members_update on public.workspace_members for update to authenticated
  using (junction.has_role(workspace_id, 'admin')) with check (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy workspace_members_delete on public.workspace_members for delete to authenticated
  using (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint

-- API keys and notification channels hold or lead to secrets: admins only.
create policy api_keys_select on public.api_keys for select to authenticated
  using (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy api_keys_insert on public.api_keys for insert to authenticated
  with check (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy api_keys_update on public.api_keys for update to authenticated
  using (junction.has_role(workspace_id, 'admin')) with check (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy api_keys_delete on public.api_keys for delete to authenticated
  using (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy notification_channels_select on public.notification_channels for select to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy notification_channels_insert on public.notification_channels for insert to authenticated
  with check (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy notification_channels_update on public.notification_channels for update to authenticated
  using (junction.has_role(workspace_id, 'admin')) with check (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint
create policy notification_channels_delete on public.notification_channels for delete to authenticated
  using (junction.has_role(workspace_id, 'admin'))
--> statement-breakpoint

-- Everything else: viewers read, members write.
create policy connectors_select on public.connectors for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy connectors_insert on public.connectors for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy connectors_update on public.connectors for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy connectors_delete on public.connectors for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy connections_select on public.connections for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy connections_insert on public.connections for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy connections_update on public.connections for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy connections_delete on public.connections for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flows_select on public.flows for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy flows_insert on public.flows for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flows_update on public.flows for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flows_delete on public.flows for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flow_versions_select on public.flow_versions for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy flow_versions_insert on public.flow_versions for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flow_versions_update on public.flow_versions for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flow_versions_delete on public.flow_versions for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flow_steps_select on public.flow_steps for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy flow_steps_insert on public.flow_steps for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flow_steps_update on public.flow_steps for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy flow_steps_delete on public.flow_steps for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy webhook_endpoints_select on public.webhook_endpoints for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy webhook_endpoints_insert on public.webhook_endpoints for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy webhook_endpoints_update on public.webhook_endpoints for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy webhook_endpoints_delete on public.webhook_endpoints for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy webhook_events_select on public.webhook_events for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy webhook_events_insert on public.webhook_events for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy webhook_events_update on public.webhook_events for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy webhook_events_delete on public.webhook_events for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy executions_select on public.executions for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy executions_insert on public.executions for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy executions_update on public.executions for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy executions_delete on public.executions for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy execution_steps_select on public.execution_steps for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy execution_steps_insert on public.execution_steps for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy execution_steps_update on public.execution_steps for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy execution_steps_delete on public.execution_steps for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy sync_state_select on public.sync_state for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy sync_state_insert on public.sync_state for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy sync_state_update on public.sync_state for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy sync_state_delete on public.sync_state for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy dedup_keys_select on public.dedup_keys for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy dedup_keys_insert on public.dedup_keys for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy dedup_keys_update on public.dedup_keys for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy dedup_keys_delete on public.dedup_keys for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy alerts_select on public.alerts for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint
create policy alerts_insert on public.alerts for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy alerts_update on public.alerts for update to authenticated
  using (junction.has_role(workspace_id, 'member')) with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy alerts_delete on public.alerts for delete to authenticated
  using (junction.has_role(workspace_id, 'member'))

--> statement-breakpoint

-- Rate-limit counters are written by the server only; admins may look at them.
create policy rate_limit_buckets_select on public.rate_limit_buckets for select to authenticated
  using (junction.has_role(workspace_id, 'admin'))
