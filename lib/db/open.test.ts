import { describe, expect, it } from "vitest";
import { needsUnpreparedStatements, redactUrl } from "./open";

describe("database URLs", () => {
  it("turns prepared statements off for Supabase's transaction pooler", () => {
    expect(needsUnpreparedStatements("postgres://u:p@aws-0-eu-west-1.pooler.supabase.com:6543/postgres")).toBe(true);
    expect(needsUnpreparedStatements("postgres://u:p@db.example.com:6543/app")).toBe(true);
    expect(needsUnpreparedStatements("postgres://u:p@db.example.com:5432/app?pgbouncer=true")).toBe(true);
    expect(needsUnpreparedStatements("postgres://u:p@127.0.0.1:5432/app")).toBe(false);
  });

  it("never shows the password", () => {
    expect(redactUrl("postgres://user:s3cret@db:5432/app")).toBe("postgres://user:***@db:5432/app");
  });
});
