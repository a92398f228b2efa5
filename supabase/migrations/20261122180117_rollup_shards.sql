ALTER TABLE "flow_hourly_stats" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "flow_hourly_stats" DROP CONSTRAINT "flow_hourly_stats_flow_id_hour_pk";--> statement-breakpoint
ALTER TABLE "flow_hourly_stats" ADD CONSTRAINT "flow_hourly_stats_flow_id_hour_shard_pk" PRIMARY KEY("flow_id","hour","shard");
