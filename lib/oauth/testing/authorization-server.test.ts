import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthorizationServer, type TestAuthorizationServer } from "./authorization-server";

let as: TestAuthorizationServer;
beforeAll(async () => {
  as = await startAuthorizationServer({ redirectUris: ["http://127.0.0.1:9/callback"] });
});
afterAll(async () => {
  await as.close();
});

describe("the test authorization server", () => {
  it("completes an authorization code + PKCE grant and refreshes", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const url = new URL(as.authorizeUrl);
    url.search = new URLSearchParams({
      client_id: as.clientId,
      response_type: "code",
      redirect_uri: "http://127.0.0.1:9/callback",
      scope: "openid offline_access",
      state: "xyz",
      code_challenge: challenge,
      code_challenge_method: "S256",
      prompt: "consent",
    }).toString();
    const back = await as.authorize(url.href);
    expect(back.searchParams.get("state")).toBe("xyz");
    const code = back.searchParams.get("code")!;
    const token = await fetch(as.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: "http://127.0.0.1:9/callback",
        client_id: as.clientId,
        client_secret: as.clientSecret,
        code_verifier: verifier,
      }),
    });
    const body = await token.json();
    expect(token.status, JSON.stringify(body)).toBe(200);
    expect(body.refresh_token).toBeTruthy();
  });
});
