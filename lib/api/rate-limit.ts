import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/lib/db/types";

// A fixed-window counter in Postgres, so that every instance of the app counts together.

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
}

export async function hitRateLimit(
  db: Db,
  input: { workspaceId: string; bucket: string; limit: number; windowMs: number; now?: Date },
): Promise<RateLimitResult> {
  const now = input.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / input.windowMs) * input.windowMs);
  const rows = await queryRows<{ count: number }>(
    db,
    sql`insert into rate_limit_buckets (workspace_id, bucket, window_start, count)
        values (${input.workspaceId}, ${input.bucket}, ${windowStart.toISOString()}, 1)
        on conflict (bucket) do update set
          count = case when rate_limit_buckets.window_start = excluded.window_start
                       then rate_limit_buckets.count + 1 else 1 end,
          window_start = excluded.window_start
        returning count`,
  );
  const count = rows[0].count;
  return {
    allowed: count <= input.limit,
    limit: input.limit,
    remaining: Math.max(0, input.limit - count),
    resetAt: new Date(windowStart.getTime() + input.windowMs),
  };
}
