import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/", "/"],
    ["/flows", "/flows"],
    ["/flows/123?tab=runs#step-2", "/flows/123?tab=runs#step-2"],
    ["/connections/new?connector=stripe&x=%2F%2Fy", "/connections/new?connector=stripe&x=%2F%2Fy"],
    ["/a/../flows", "/flows"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.com"],
    ["protocol-relative with path", "//evil.com/flows"],
    ["absolute https", "https://evil.com"],
    ["absolute http to our own looking host", "http://localhost:3000/flows"],
    ["javascript scheme", "javascript:alert(1)"],
    ["data scheme", "data:text/html,<script>alert(1)</script>"],
    ["backslash", "/\\evil.com"],
    ["double backslash", "\\\\evil.com"],
    ["tab between slashes", "/\t/evil.com"],
    ["newline between slashes", "/\n/evil.com"],
    ["dot segment collapsing into //", "/.//evil.com"],
    ["parent segment collapsing into //", "/x/..//evil.com"],
    ["relative path", "flows"],
    ["empty", ""],
    ["whitespace first", " /flows"],
    ["over-long", "/" + "a".repeat(3000)],
  ])("refuses %s", (_name, input) => {
    expect(safeNextPath(input)).toBe("/");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(["/flows"])).toBe("/");
    expect(safeNextPath("https://evil.com", "/home")).toBe("/home");
  });
});
