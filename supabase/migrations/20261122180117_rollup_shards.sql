-- One busy flow's finishes used to wait on one rollup row's lock (flow, hour): each hour is
-- now kept as up to 8 rows, picked by the execution id's hash, and readers sum them.
ALTER TABLE "flow_hourly_stats" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "flow_hourly_stats" DROP CONSTRAINT "flow_hourly_stats_flow_id_hour_pk";--> statement-breakpoint
ALTER TABLE "flow_hourly_stats" ADD CONSTRAINT "flow_hourly_stats_flow_id_hour_shard_pk" PRIMARY KEY("flow_id","hour","shard");--> statement-breakpoint
create or replace function junction.count_finished_execution() returns trigger
  language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.flow_hourly_stats as s
    (workspace_id, flow_id, hour, shard, succeeded, failed, cancelled, duration_ms_sum, duration_count, records_processed)
  values (
    new.workspace_id, new.flow_id, date_trunc('hour', coalesce(new.completed_at, now()), 'UTC'),
    hashtext(new.id::text) & 7,
    (new.status = 'succeeded')::int, (new.status = 'failed')::int, (new.status = 'cancelled')::int,
    coalesce(new.duration_ms, 0), (new.duration_ms is not null)::int, new.records_processed)
  on conflict (flow_id, hour, shard) do update set
    succeeded = s.succeeded + excluded.succeeded,
    failed = s.failed + excluded.failed,
    cancelled = s.cancelled + excluded.cancelled,
    duration_ms_sum = s.duration_ms_sum + excluded.duration_ms_sum,
    duration_count = s.duration_count + excluded.duration_count,
    records_processed = s.records_processed + excluded.records_processed;
  return null;
end
$$
