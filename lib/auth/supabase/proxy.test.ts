import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { resetEnvCache } from "@/lib/env";
import { isPublicPath, signInUrl, updateSession } from "./proxy";

describe("isPublicPath", () => {
  it.each([
    "/sign-in",
    "/sign-in/",
    "/sign-up",
    "/auth/confirm",
    "/auth/error",
    "/auth",
    "/api/v1/flows",
    "/api/webhooks/abc123",
    "/api/cron/tick",
    "/api",
    "/_next/static/chunks/app.js",
    "/_next/image",
    "/favicon.ico",
    "/robots.txt",
    "/connectors/stripe.svg",
    "/fonts/inter.woff2",
    "/site.webmanifest",
  ])("lets %s through", (path) => {
    expect(isPublicPath(path)).toBe(true);
  });

  it.each([
    "/",
    "/flows",
    "/flows/123",
    "/connections/new",
    "/settings/api-keys",
    // look-alikes of public prefixes are still protected
    "/sign-in-help",
    "/sign-upgrade",
    "/authors",
    "/apis",
    "/api-keys",
    "/_nextish",
    // a dot in a page path is not a static file
    "/flows/export.json",
    "/runs/v1.2",
  ])("protects %s", (path) => {
    expect(isPublicPath(path)).toBe(false);
  });
});

describe("signInUrl", () => {
  it("remembers the path and query the visitor asked for", () => {
    const url = signInUrl(new NextRequest("https://hub.example.com/flows/1?tab=runs"));
    expect(url.origin).toBe("https://hub.example.com");
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("next")).toBe("/flows/1?tab=runs");
  });

  it("leaves next out for the home page", () => {
    expect(signInUrl(new NextRequest("https://hub.example.com/")).href).toBe("https://hub.example.com/sign-in");
  });
});

describe("updateSession without a session cookie", () => {
  // No cookie means no session to refresh, so the Supabase client never goes to the network;
  // the URL points at a closed port in case it ever tried.
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.NEXT_PUBLIC_SUPABASE_URL = "http://127.0.0.1:9";
    process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = "sb_publishable_test";
    process.env.DATABASE_URL = "postgres://localhost:5432/junction";
    resetEnvCache();
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("redirects a protected page to /sign-in with next", async () => {
    const response = await updateSession(new NextRequest("https://hub.example.com/flows?tab=all"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe("/flows?tab=all");
  });

  it("passes API requests through so the API can answer 401 itself", async () => {
    const response = await updateSession(new NextRequest("https://hub.example.com/api/v1/flows"));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("passes the sign-in page through", async () => {
    const response = await updateSession(new NextRequest("https://hub.example.com/sign-in?next=%2Fflows"));
    expect(response.headers.get("location")).toBeNull();
  });
});

describe("the root proxy in local mode", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("lets every request through untouched", async () => {
    delete process.env.NEXT_PUBLIC_SUPABASE_URL;
    delete process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
    resetEnvCache();
    const { proxy } = await import("@/proxy");
    const response = await proxy(new NextRequest("https://hub.example.com/flows"));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
