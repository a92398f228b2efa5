import { describe, expect, it } from "vitest";
import { getConnector } from "./registry";
import { buildValidationRequest, interpretValidationResponse } from "./validation";

const get = (slug: string) => getConnector(slug)!;

describe("buildValidationRequest", () => {
  it("builds each connector's cheap call with its auth", () => {
    expect(buildValidationRequest(get("slack"), "bearer", { bot_token: "xoxb-1-a" })).toMatchObject({
      method: "POST",
      url: "https://slack.com/api/auth.test",
      headers: { Authorization: "Bearer xoxb-1-a" },
    });
    expect(buildValidationRequest(get("github"), "bearer", { token: "ghp_abc" })).toMatchObject({
      method: "GET",
      url: "https://api.github.com/user",
    });
    expect(buildValidationRequest(get("shopify"), "api_key", { shop: "acme", access_token: "shpat_abc" })?.url).toBe(
      "https://acme.myshopify.com/admin/api/2026-07/shop.json",
    );
    expect(buildValidationRequest(get("google-sheets"), "oauth2", { access_token: "ya29.x" })?.url).toBe(
      "https://www.googleapis.com/oauth2/v3/userinfo",
    );
  });

  it("is undefined when the connector declares no check", () => {
    expect(buildValidationRequest(get("http"), "none", { base_url: "https://api.example.com" })).toBeUndefined();
  });
});

describe("interpretValidationResponse", () => {
  it("reads the account label", () => {
    expect(interpretValidationResponse(get("slack"), 200, { ok: true, team: "Acme", team_id: "T1" })).toEqual({ ok: true, accountLabel: "Acme" });
    expect(interpretValidationResponse(get("github"), 200, { login: "octo" })).toEqual({ ok: true, accountLabel: "octo" });
    expect(interpretValidationResponse(get("sendgrid"), 200, { scopes: [] })).toEqual({ ok: true });
  });

  it("treats 401 and 403 as invalid, with the service's message", () => {
    expect(interpretValidationResponse(get("github"), 401, { message: "Bad credentials" })).toEqual({
      ok: false,
      reason: "invalid",
      message: "GitHub rejected these credentials (HTTP 401): Bad credentials.",
    });
    expect(interpretValidationResponse(get("stripe"), 403, { error: { message: "no access" } })).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("treats 429 and 5xx (and a rate-limited 403) as transient", () => {
    expect(interpretValidationResponse(get("notion"), 429, {})).toMatchObject({ ok: false, reason: "transient" });
    expect(interpretValidationResponse(get("airtable"), 503, null)).toMatchObject({ ok: false, reason: "transient" });
    expect(
      interpretValidationResponse(get("github"), 403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "9999999999" }),
    ).toMatchObject({ ok: false, reason: "transient" });
  });

  it("reads a failure in a 200 body (Slack)", () => {
    expect(interpretValidationResponse(get("slack"), 200, { ok: false, error: "invalid_auth" })).toEqual({
      ok: false,
      reason: "invalid",
      message: "Slack rejected these credentials: invalid_auth",
    });
  });

  it("treats other unexpected statuses as invalid", () => {
    expect(interpretValidationResponse(get("shopify"), 404, { errors: "Not Found" })).toMatchObject({ ok: false, reason: "invalid" });
  });
});
