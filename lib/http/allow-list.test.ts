import { describe, expect, it } from "vitest";
import { isAllowed, parseAllowList } from "./allow-list";

describe("outbound allow-list", () => {
  it("parses the env form and the array form alike", () => {
    expect(parseAllowList("127.0.0.1:8080, Fake.Internal:443 ,")).toEqual([
      { host: "127.0.0.1", port: 8080 },
      { host: "fake.internal", port: 443 },
    ]);
    expect(parseAllowList(["[::1]:9000", "db.local:*"])).toEqual([
      { host: "::1", port: 9000 },
      { host: "db.local", port: "*" },
    ]);
    expect(parseAllowList(undefined)).toEqual([]);
    expect(parseAllowList("")).toEqual([]);
  });

  it("rejects malformed entries", () => {
    expect(() => parseAllowList(["127.0.0.1"])).toThrow(/host:port/);
    expect(() => parseAllowList(["127.0.0.1:0"])).toThrow(/host:port/);
    expect(() => parseAllowList(["127.0.0.1:70000"])).toThrow(/host:port/);
    expect(() => parseAllowList(["http://127.0.0.1:80"])).toThrow(/host:port/);
  });

  it("opens exactly the listed host:port pairs", () => {
    const entries = parseAllowList(["127.0.0.1:8080", "[::1]:9000", "fake.internal:*"]);
    expect(isAllowed(entries, "127.0.0.1", 8080)).toBe(true);
    expect(isAllowed(entries, "127.0.0.1", 8081)).toBe(false);
    expect(isAllowed(entries, "127.0.0.2", 8080)).toBe(false);
    expect(isAllowed(entries, "[::1]", 9000)).toBe(true);
    expect(isAllowed(entries, "0:0::1", 9000)).toBe(true);
    expect(isAllowed(entries, "::ffff:127.0.0.1", 8080)).toBe(false);
    expect(isAllowed(entries, "FAKE.internal.", 1234)).toBe(true);
    expect(isAllowed(entries, "evil.fake.internal", 1234)).toBe(false);
    expect(isAllowed([], "127.0.0.1", 8080)).toBe(false);
  });
});
