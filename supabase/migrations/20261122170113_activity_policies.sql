-- Row-level security for the audit log and the hourly execution rollup, and the trigger
-- that keeps the rollup.

-- The audit log is read by members and above; rows are written by the application in the
-- same transaction as the change they record, and are never changed afterwards.
create policy audit_events_select on public.audit_events for select to authenticated
  using (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint
create policy audit_events_insert on public.audit_events for insert to authenticated
  with check (junction.has_role(workspace_id, 'member'))
--> statement-breakpoint

-- The rollup is read by anyone in the workspace and written only by the trigger below.
create policy flow_hourly_stats_select on public.flow_hourly_stats for select to authenticated
  using (junction.has_role(workspace_id, 'viewer'))
--> statement-breakpoint

-- Counts an execution into its flow's hour (UTC) when it reaches a final status (succeeded,
-- failed, cancelled), whoever moved it there: the engine, a cancel through the API, a bulk
-- insert. Dry runs are not counted. Security definer: a user's cancel must be counted
-- although users cannot write the rollup themselves. (Migration rollup_shards replaces it
-- with a version that spreads each hour over 8 rows.) The triggers' WHEN clauses keep the
-- function out of the hot paths that do not finish anything (a webhook's queued insert, a
-- claim, a lease renewal).
create or replace function junction.count_finished_execution() returns trigger
  language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.flow_hourly_stats as s
    (workspace_id, flow_id, hour, succeeded, failed, cancelled, duration_ms_sum, duration_count, records_processed)
  values (
    new.workspace_id, new.flow_id, date_trunc('hour', coalesce(new.completed_at, now()), 'UTC'),
    (new.status = 'succeeded')::int, (new.status = 'failed')::int, (new.status = 'cancelled')::int,
    coalesce(new.duration_ms, 0), (new.duration_ms is not null)::int, new.records_processed)
  on conflict (flow_id, hour) do update set
    succeeded = s.succeeded + excluded.succeeded,
    failed = s.failed + excluded.failed,
    cancelled = s.cancelled + excluded.cancelled,
    duration_ms_sum = s.duration_ms_sum + excluded.duration_ms_sum,
    duration_count = s.duration_count + excluded.duration_count,
    records_processed = s.records_processed + excluded.records_processed;
  return null;
end
$$
--> statement-breakpoint
revoke all on function junction.count_finished_execution() from public
--> statement-breakpoint
create trigger executions_count_finished_insert
  after insert on public.executions
  for each row when (new.status in ('succeeded', 'failed', 'cancelled') and not new.dry_run)
  execute function junction.count_finished_execution()
--> statement-breakpoint
create trigger executions_count_finished_update
  after update of status on public.executions
  for each row when (new.status in ('succeeded', 'failed', 'cancelled') and not new.dry_run
                     and old.status is distinct from new.status)
  execute function junction.count_finished_execution()
