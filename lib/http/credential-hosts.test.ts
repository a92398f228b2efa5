import { describe, expect, it } from "vitest";
import { matchesCredentialHost } from "./credential-hosts";

describe("credential hosts", () => {
  it("matches exact hosts, ignoring case and a trailing dot", () => {
    expect(matchesCredentialHost("api.example.com", ["api.example.com"])).toBe(true);
    expect(matchesCredentialHost("API.Example.COM.", ["api.example.com"])).toBe(true);
    expect(matchesCredentialHost("127.0.0.1", ["127.0.0.1"])).toBe(true);
    expect(matchesCredentialHost("[::1]", ["::1"])).toBe(true);
  });

  it("never matches look-alikes", () => {
    const declared = ["api.example.com"];
    expect(matchesCredentialHost("api.example.com.evil.com", declared)).toBe(false);
    expect(matchesCredentialHost("evil.com", declared)).toBe(false);
    expect(matchesCredentialHost("xapi.example.com", declared)).toBe(false);
    expect(matchesCredentialHost("api.example.co", declared)).toBe(false);
    expect(matchesCredentialHost("example.com", declared)).toBe(false);
    expect(matchesCredentialHost("sub.api.example.com", declared)).toBe(false);
    // What a URL with userinfo resolves to: the host after the @.
    expect(matchesCredentialHost(new URL("https://api.example.com@evil.com/").hostname, declared)).toBe(false);
  });

  it("matches wildcard subdomains on whole labels, not the apex", () => {
    const declared = ["*.myshopify.com"];
    expect(matchesCredentialHost("shop.myshopify.com", declared)).toBe(true);
    expect(matchesCredentialHost("a.b.myshopify.com", declared)).toBe(true);
    expect(matchesCredentialHost("myshopify.com", declared)).toBe(false);
    expect(matchesCredentialHost("evilmyshopify.com", declared)).toBe(false);
    expect(matchesCredentialHost("shop.myshopify.com.evil.com", declared)).toBe(false);
  });

  it("treats unusable declarations as matching nothing", () => {
    for (const pattern of ["*", "*.com", "*.0.1", "https://api.example.com", "api.example.com:443", "api.*.com", "", "a..b"]) {
      expect(matchesCredentialHost("api.example.com", [pattern]), pattern).toBe(false);
      expect(matchesCredentialHost("127.0.0.1", [pattern]), pattern).toBe(false);
    }
  });

  it("compares internationalized names in their ASCII form", () => {
    expect(matchesCredentialHost(new URL("https://bücher.example/").hostname, ["bücher.example"])).toBe(true);
    expect(matchesCredentialHost(new URL("https://shop.bücher.example/").hostname, ["*.bücher.example"])).toBe(true);
  });
});
