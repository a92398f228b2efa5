-- Row-level security that costs the same for a million rows as for one. The policies used to
-- call junction.has_role(workspace_id, role) for every row they looked at (50-70 µs each:
-- the dashboard's cards spent ~300 ms in it at a million executions). Now each policy asks
-- whether the row's workspace is in the set of the user's workspaces where they hold at
-- least that role; the set does not depend on the row, so PostgreSQL computes it once per
-- statement (an initplan) and checks rows against it with a hash. Same rule, same answers:
-- the isolation tests (lib/db/rls.test.ts) hold both versions to it.

create or replace function junction.workspaces_with_role(minimum text) returns setof uuid
  language sql stable security definer set search_path = ''
as $$
  select m.workspace_id
    from public.workspace_members m
   where m.user_id = (select auth.uid())
     and junction.role_rank(m.role) >= junction.role_rank(minimum)
$$
--> statement-breakpoint
revoke all on function junction.workspaces_with_role(text) from public
--> statement-breakpoint
grant execute on function junction.workspaces_with_role(text) to authenticated, service_role
--> statement-breakpoint
alter policy alerts_delete on public.alerts
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy alerts_insert on public.alerts
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy alerts_select on public.alerts
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy alerts_update on public.alerts
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy api_keys_delete on public.api_keys
  using (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy api_keys_insert on public.api_keys
  with check (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy api_keys_select on public.api_keys
  using (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy api_keys_update on public.api_keys
  using (workspace_id in (select junction.workspaces_with_role('admin'))) with check (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy audit_events_insert on public.audit_events
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy audit_events_select on public.audit_events
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy connections_delete on public.connections
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy connections_insert on public.connections
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy connections_select on public.connections
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy connections_update on public.connections
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy connectors_delete on public.connectors
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy connectors_insert on public.connectors
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy connectors_select on public.connectors
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy connectors_update on public.connectors
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy dedup_keys_delete on public.dedup_keys
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy dedup_keys_insert on public.dedup_keys
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy dedup_keys_select on public.dedup_keys
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy dedup_keys_update on public.dedup_keys
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy execution_steps_delete on public.execution_steps
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy execution_steps_insert on public.execution_steps
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy execution_steps_select on public.execution_steps
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy execution_steps_update on public.execution_steps
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy executions_delete on public.executions
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy executions_insert on public.executions
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy executions_select on public.executions
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy executions_update on public.executions
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flow_hourly_stats_select on public.flow_hourly_stats
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy flow_steps_delete on public.flow_steps
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flow_steps_insert on public.flow_steps
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flow_steps_select on public.flow_steps
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy flow_steps_update on public.flow_steps
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flow_versions_delete on public.flow_versions
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flow_versions_insert on public.flow_versions
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flow_versions_select on public.flow_versions
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy flow_versions_update on public.flow_versions
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flows_delete on public.flows
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flows_insert on public.flows
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy flows_select on public.flows
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy flows_update on public.flows
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy notification_channels_delete on public.notification_channels
  using (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy notification_channels_insert on public.notification_channels
  with check (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy notification_channels_select on public.notification_channels
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy notification_channels_update on public.notification_channels
  using (workspace_id in (select junction.workspaces_with_role('admin'))) with check (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy rate_limit_buckets_select on public.rate_limit_buckets
  using (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy sync_state_delete on public.sync_state
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy sync_state_insert on public.sync_state
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy sync_state_select on public.sync_state
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy sync_state_update on public.sync_state
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy webhook_endpoints_delete on public.webhook_endpoints
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy webhook_endpoints_insert on public.webhook_endpoints
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy webhook_endpoints_select on public.webhook_endpoints
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy webhook_endpoints_update on public.webhook_endpoints
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy webhook_events_delete on public.webhook_events
  using (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy webhook_events_insert on public.webhook_events
  with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy webhook_events_select on public.webhook_events
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy webhook_events_update on public.webhook_events
  using (workspace_id in (select junction.workspaces_with_role('member'))) with check (workspace_id in (select junction.workspaces_with_role('member')))
--> statement-breakpoint
alter policy workspace_members_delete on public.workspace_members
  using (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy workspace_members_insert on public.workspace_members
  with check (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy workspace_members_select on public.workspace_members
  using (workspace_id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy workspace_members_update on public.workspace_members
  using (workspace_id in (select junction.workspaces_with_role('admin'))) with check (workspace_id in (select junction.workspaces_with_role('admin')))
--> statement-breakpoint
alter policy workspaces_delete on public.workspaces
  using (id in (select junction.workspaces_with_role('owner')))
--> statement-breakpoint
alter policy workspaces_select on public.workspaces
  using (id in (select junction.workspaces_with_role('viewer')))
--> statement-breakpoint
alter policy workspaces_update on public.workspaces
  using (id in (select junction.workspaces_with_role('admin'))) with check (id in (select junction.workspaces_with_role('admin')))
