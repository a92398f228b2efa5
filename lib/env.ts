import { z } from "zod";
import { parseKeyRing } from "./crypto/key-ring";

// One place that knows every environment variable. `loadEnv()` validates them all at
// start (server and CLI) and names the bad or missing one; nothing else reads
// process.env for configuration.

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const hostPort = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5}|\*)$/;

export const envSchema = z
  .object({
    PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
    HOST: optional(z.string().min(1)).default("127.0.0.1"),
    JUNCTION_DATA_DIR: optional(z.string().min(1)).default(".data"),
    DATABASE_URL: optional(
      z
        .string()
        .url("must be a postgres:// or postgresql:// URL")
        .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// or postgresql:// URL"),
    ),
    JUNCTION_ENCRYPTION_KEYS: optional(
      z.string().superRefine((value, ctx) => {
        // Checked at start so a wrong key never surfaces later as an undecryptable secret.
        try {
          parseKeyRing(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : "is not a valid key ring" });
        }
      }),
    ),
    JUNCTION_OUTBOUND_ALLOW: optional(
      z
        .string()
        .refine(
          (s) => s.split(",").map((p) => p.trim()).filter(Boolean).every((p) => hostPort.test(p)),
          "must be a comma-separated list of host:port entries",
        ),
    ),
    JUNCTION_API_RATE_LIMIT: optional(z.coerce.number().int().min(1).max(1_000_000)).default(600),
    /** How long one run of an execution may go before it checkpoints (below the platform's function limit). */
    JUNCTION_RUN_BUDGET_MS: optional(z.coerce.number().int().min(1000).max(15 * 60_000)).default(50_000),
    /**
     * After accepting a webhook, start its run in this process (`inline`, through after() /
     * waitUntil) or only queue it for `junction worker` or the tick (`queue`), which leaves the
     * web server's CPU to accepting events.
     */
    JUNCTION_WEBHOOK_RUNS: optional(z.enum(["inline", "queue"])).default("inline"),
    CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
    /**
     * `on`: the cron tick and the run kicks do not run executions in their own function but
     * POST each one to /api/internal/executions/{id}/run on this deployment (see fan-out.ts).
     */
    JUNCTION_FANOUT: optional(z.enum(["off", "on"])).default("off"),
    /** Set by Vercel: this deployment's own host name, the base fan-out calls go to. */
    VERCEL_URL: optional(z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, "must be a host name (Vercel sets it)")),
    /** Set by Vercel with Protection Bypass for Automation: lets fan-out calls past Deployment Protection. */
    VERCEL_AUTOMATION_BYPASS_SECRET: optional(z.string().min(1)),
    JUNCTION_PUBLIC_URL: optional(z.string().url("must be an absolute URL")),
    NEXT_PUBLIC_SUPABASE_URL: optional(z.string().url("must be an absolute URL")),
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: optional(z.string().min(1)),
    SUPABASE_SECRET_KEY: optional(z.string().min(1)),
  })
  .superRefine((env, ctx) => {
    if (env.JUNCTION_FANOUT === "on" && !env.CRON_SECRET) {
      ctx.addIssue({ code: "custom", path: ["CRON_SECRET"], message: "is required when JUNCTION_FANOUT=on (the internal run route's secret is derived from it)" });
    }
    if (env.JUNCTION_FANOUT === "on" && !env.VERCEL_URL && !env.JUNCTION_PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["JUNCTION_PUBLIC_URL"], message: "is required when JUNCTION_FANOUT=on outside Vercel (fan-out calls this deployment at that URL)" });
    }
    if (Boolean(env.NEXT_PUBLIC_SUPABASE_URL) !== Boolean(env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: [env.NEXT_PUBLIC_SUPABASE_URL ? "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY" : "NEXT_PUBLIC_SUPABASE_URL"],
        message: "NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY must be set together",
      });
    }
    if (env.NEXT_PUBLIC_SUPABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "is required when Supabase Auth is configured (use the Supabase pooler URL)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      "Invalid environment configuration:\n" +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n") +
        "\nSee .env.example for every variable Junction reads.",
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => ({ variable: String(i.path[0] ?? "environment"), message: i.message })),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function loadEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}

export type RuntimeMode = "embedded" | "server" | "supabase";

export function runtimeMode(env: Env = loadEnv()): RuntimeMode {
  if (env.NEXT_PUBLIC_SUPABASE_URL) return "supabase";
  return env.DATABASE_URL ? "server" : "embedded";
}

export function isSupabaseAuthConfigured(env: Env = loadEnv()): boolean {
  return Boolean(env.NEXT_PUBLIC_SUPABASE_URL && env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY);
}
