ALTER TABLE "flow_steps" DROP CONSTRAINT "flow_steps_kind_check";--> statement-breakpoint
ALTER TABLE "executions" ADD COLUMN "run_after" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "execution_steps_execution_step_key" ON "execution_steps" USING btree ("execution_id","step_key");--> statement-breakpoint
ALTER TABLE "flow_steps" ADD CONSTRAINT "flow_steps_kind_check" CHECK ("flow_steps"."kind" in ('action', 'transform', 'filter', 'branch', 'loop', 'delay', 'sync'));