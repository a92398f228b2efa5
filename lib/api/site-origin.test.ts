import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { originFromHeaders, publicOrigin } from "./site-origin";

const headers = (values: Record<string, string>) => new Headers(values);

afterEach(() => {
  delete process.env.JUNCTION_PUBLIC_URL;
  resetEnvCache();
});

describe("the site's public origin", () => {
  it("is JUNCTION_PUBLIC_URL whenever it is set, without a trailing slash, whatever the request says", () => {
    process.env.JUNCTION_PUBLIC_URL = "https://hub.example.com/";
    resetEnvCache();
    expect(publicOrigin(new Request("http://evil.example/x"))).toBe("https://hub.example.com");
    expect(originFromHeaders(headers({ origin: "https://evil.example", host: "evil.example" }))).toBe("https://hub.example.com");
  });

  it("otherwise comes from the request: its URL in a route, its Origin or host headers in an action", () => {
    expect(publicOrigin(new Request("http://127.0.0.1:4000/api/v1/flows"))).toBe("http://127.0.0.1:4000");
    expect(originFromHeaders(headers({ origin: "https://hub.example.com", host: "hub.example.com" }))).toBe("https://hub.example.com");
    expect(originFromHeaders(headers({ origin: "null", host: "hub.example.com" }))).toBe("https://hub.example.com");
    expect(originFromHeaders(headers({ "x-forwarded-host": "hub.example.com", "x-forwarded-proto": "http", host: "10.0.0.5:3000" }))).toBe(
      "http://hub.example.com",
    );
    expect(originFromHeaders(headers({ host: "localhost:3000" }))).toBe("http://localhost:3000");
    expect(originFromHeaders(headers({ host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(originFromHeaders(headers({}))).toBe("http://127.0.0.1:3000");
  });
});
