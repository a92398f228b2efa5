import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, runtimeMode } from "./env";

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems.map((p) => p.variable);
  }
}

describe("environment", () => {
  it("has defaults for embedded mode", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", JUNCTION_DATA_DIR: ".data", JUNCTION_API_RATE_LIMIT: 600, JUNCTION_WEBHOOK_RUNS: "inline" });
    expect(runtimeMode(env)).toBe("embedded");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names each bad variable", () => {
    expect(problems({ PORT: "70000" })).toEqual(["PORT"]);
    expect(problems({ DATABASE_URL: "mysql://x/y" })).toEqual(["DATABASE_URL"]);
    expect(problems({ JUNCTION_OUTBOUND_ALLOW: "127.0.0.1:8080,nonsense" })).toEqual(["JUNCTION_OUTBOUND_ALLOW"]);
    expect(problems({ CRON_SECRET: "short" })).toEqual(["CRON_SECRET"]);
    expect(problems({ JUNCTION_WEBHOOK_RUNS: "later" })).toEqual(["JUNCTION_WEBHOOK_RUNS"]);
    expect(problems({ JUNCTION_ENCRYPTION_KEYS: "k1:c2hvcnQ=" })).toEqual(["JUNCTION_ENCRYPTION_KEYS"]);
    expect(problems({ NEXT_PUBLIC_SUPABASE_URL: "https://x.supabase.co", DATABASE_URL: "postgres://h/db" })).toEqual([
      "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY",
    ]);
  });

  it("accepts a key ring of 32-byte keys and never echoes a bad key", () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 7 + 3) % 256)).toString("base64");
    expect(parseEnv({ JUNCTION_ENCRYPTION_KEYS: `k2:${key},k1:${key.replace(/^./, "A")}` }).JUNCTION_ENCRYPTION_KEYS).toBeDefined();
    try {
      parseEnv({ JUNCTION_ENCRYPTION_KEYS: "k1:c2VjcmV0LWJ1dC1zaG9ydA==" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain("JUNCTION_ENCRYPTION_KEYS");
      expect((error as Error).message).not.toContain("c2VjcmV0LWJ1dC1zaG9ydA");
    }
  });

  it("requires a database URL with Supabase Auth", () => {
    expect(
      problems({ NEXT_PUBLIC_SUPABASE_URL: "https://x.supabase.co", NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x" }),
    ).toEqual(["DATABASE_URL"]);
  });

  it("fan-out is off by default and, when on, needs CRON_SECRET and a base URL", () => {
    expect(parseEnv({}).JUNCTION_FANOUT).toBe("off");
    expect(problems({ JUNCTION_FANOUT: "1" })).toEqual(["JUNCTION_FANOUT"]);
    expect(problems({ JUNCTION_FANOUT: "on" })).toEqual(["CRON_SECRET", "JUNCTION_PUBLIC_URL"]);
    const secret = "a-cron-secret-of-32-characters!!";
    expect(problems({ JUNCTION_FANOUT: "on", CRON_SECRET: secret, VERCEL_URL: "hub-abc123.vercel.app" })).toEqual([]);
    expect(problems({ JUNCTION_FANOUT: "on", CRON_SECRET: secret, JUNCTION_PUBLIC_URL: "https://hub.example.com" })).toEqual([]);
    expect(problems({ VERCEL_URL: "https://hub.vercel.app/" })).toEqual(["VERCEL_URL"]);
  });

  it("says which mode the variables select", () => {
    expect(runtimeMode(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/app" }))).toBe("server");
    expect(
      runtimeMode(
        parseEnv({
          DATABASE_URL: "postgres://u:p@aws-0-eu.pooler.supabase.com:6543/postgres",
          NEXT_PUBLIC_SUPABASE_URL: "https://x.supabase.co",
          NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x",
        }),
      ),
    ).toBe("supabase");
  });

  it("the message lists every problem and points at .env.example", () => {
    try {
      parseEnv({ PORT: "x", CRON_SECRET: "1" });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT: .*\n.*CRON_SECRET: /);
      expect((error as Error).message).toContain(".env.example");
    }
  });
});
