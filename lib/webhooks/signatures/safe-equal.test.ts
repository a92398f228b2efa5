import * as crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { anySafeEqual, safeEqual } from "./safe-equal";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

describe("safeEqual", () => {
  afterEach(() => vi.mocked(crypto.timingSafeEqual).mockClear());

  it("compares equal-length digests with crypto.timingSafeEqual", () => {
    expect(safeEqual(Buffer.from("abcd"), Buffer.from("abcd"))).toBe(true);
    expect(safeEqual(Buffer.from("abcd"), Buffer.from("abce"))).toBe(false);
    expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(2);
  });

  it("refuses a different length without throwing", () => {
    expect(safeEqual(Buffer.from("abc"), Buffer.from("abcd"))).toBe(false);
    expect(crypto.timingSafeEqual).not.toHaveBeenCalled();
  });

  it("compares every candidate, and matches when any one does", () => {
    const expected = Buffer.from("abcd");
    expect(anySafeEqual([expected, Buffer.from("wxyz"), Buffer.from("efgh")], expected)).toBe(true);
    expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(3);
    expect(anySafeEqual([Buffer.from("wxyz")], expected)).toBe(false);
  });
});
