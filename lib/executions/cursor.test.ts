import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const cursor = { at: "2026-11-22T17:02:49.123456Z", id: "0b8e6c1e-3a4f-4c1e-9d2a-6f1e2d3c4b5a" };

describe("execution list cursors", () => {
  it("round-trip (created_at to the microsecond, id) through an opaque URL-safe string", () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text).not.toContain(cursor.id);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it("refuse anything this list did not make", () => {
    const wrap = (s: string) => Buffer.from(s, "utf8").toString("base64url");
    expect(decodeCursor("")).toBeNull();
    expect(decodeCursor("not a cursor!")).toBeNull();
    expect(decodeCursor(wrap(`2026-11-22T17:02:49.123Z|${cursor.id}`)), "milliseconds only").toBeNull();
    expect(decodeCursor(wrap(`2026-11-22T17:02:49.123456Z|nope`))).toBeNull();
    expect(decodeCursor(wrap(`2026-11-22T17:02:49.123456Z|${cursor.id}|x`))).toBeNull();
    expect(decodeCursor(wrap(`2026-13-45T17:02:49.123456Z|${cursor.id}`)), "no such date").toBeNull();
    expect(decodeCursor("A".repeat(200))).toBeNull();
  });
});
