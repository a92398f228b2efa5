// The REST API over real HTTP against the running server.
import { describe, expect, test } from "vitest";

import { url } from "./env";

const TIMEOUT_MS = 10_000;

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(url(path), { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`GET ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { response, body: body as Record<string, unknown> };
}

function expectJson(response: Response) {
  expect(response.headers.get("content-type") ?? "").toMatch(/^application\/json\b/);
}

describe("REST API", () => {
  test("GET /api/v1/openapi.json is the OpenAPI 3.1 document, without a key", async () => {
    const { response, body } = await get("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expectJson(response);
    expect(body.openapi).toBe("3.1.0");
    expect(body.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(body.paths as object)).toContain("/api/v1/workspace");
  });

  test("GET /api/v1/workspace without a key is a 401 JSON error", async () => {
    const { response, body } = await get("/api/v1/workspace");
    expect(response.status).toBe(401);
    expectJson(response);
    expect(body).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
    expect(response.headers.get("www-authenticate") ?? "").toMatch(/^Bearer\b/);
  });

  test("GET /api/v1/workspace with a made-up key is a 401 JSON error", async () => {
    const { response, body } = await get("/api/v1/workspace", {
      headers: { Authorization: "Bearer jct_not_a_real_key_0000000000000000" },
    });
    expect(response.status).toBe(401);
    expectJson(response);
    expect(body).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  test("an unknown API route is a 404 JSON error, not the HTML not-found page", async () => {
    const { response, body } = await get("/api/v1/nope");
    expect(response.status).toBe(404);
    expectJson(response);
    expect(body).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
  });
});
