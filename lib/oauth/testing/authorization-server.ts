import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A real OAuth 2.0 authorization server for tests: panva's oidc-provider (the certified
// implementation) on 127.0.0.1, with one confidential client. `authorize()` plays the user:
// it follows the authorization request through the provider's login and consent screens
// and returns where the provider sends the browser back to (our callback with code and state).

export interface TestAuthorizationServer {
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Token endpoint requests seen, by grant type. */
  tokenRequests: { grant_type: string }[];
  authorize(authorizeUrl: string, login?: string): Promise<URL>;
  /** Revokes every grant of the account, so refresh tokens stop working (invalid_grant). */
  revokeGrants(): Promise<void>;
  close(): Promise<void>;
}

export async function startAuthorizationServer(options: {
  redirectUris: string[];
  accessTokenTtlSeconds?: number;
}): Promise<TestAuthorizationServer> {
  const clientId = "junction-test";
  const clientSecret = "s3cret-client-secret-for-tests-only";
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const grants = new Set<string>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    scopes: ["openid", "offline_access", "read", "write"],
    pkce: { required: () => true },
    ttl: { AccessToken: options.accessTokenTtlSeconds ?? 3600, RefreshToken: 86_400, Grant: 86_400, Session: 86_400, Interaction: 600 },
    issueRefreshToken: () => true,
    rotateRefreshToken: true,
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    cookies: { keys: ["test-cookie-key-not-secret"] },
  });
  provider.on("grant.success", (ctx) => {
    const grantId = (ctx.oidc.entities.Grant as { jti?: string } | undefined)?.jti;
    if (grantId) grants.add(grantId);
  });
  const tokenRequests: { grant_type: string }[] = [];
  provider.use(async (ctx, next) => {
    if (ctx.path === "/token" && ctx.method === "POST") tokenRequests.push({ grant_type: "pending" });
    await next();
    if (ctx.path === "/token" && ctx.oidc?.params?.grant_type) {
      tokenRequests[tokenRequests.length - 1] = { grant_type: String(ctx.oidc.params.grant_type) };
    }
  });
  server.on("request", provider.callback());

  async function authorize(authorizeUrl: string, login = "alice"): Promise<URL> {
    const cookies = new Map<string, string>();
    const remember = (response: Response) => {
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(";");
        const eq = pair.indexOf("=");
        cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    };
    const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let next = new URL(authorizeUrl);
    for (let step = 0; step < 12; step++) {
      if (!next.href.startsWith(issuer)) return next;
      const interaction = /^\/interaction\/([^/]+)$/.exec(next.pathname);
      const response = interaction
        ? await fetch(next, {
            method: "POST",
            redirect: "manual",
            headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(
              (await promptOf(next, cookieHeader())) === "login" ? { prompt: "login", login } : { prompt: "consent" },
            ),
          })
        : await fetch(next, { redirect: "manual", headers: { cookie: cookieHeader() } });
      remember(response);
      const location = response.headers.get("location");
      if (!location) throw new Error(`authorization stopped at ${next.pathname} with ${response.status}: ${await response.text()}`);
      next = new URL(location, next);
    }
    throw new Error("authorization did not finish");
  }

  async function promptOf(interactionUrl: URL, cookie: string): Promise<string> {
    const page = await (await fetch(interactionUrl, { headers: { cookie } })).text();
    return /name="prompt" value="login"/.test(page) ? "login" : "consent";
  }

  return {
    issuer,
    authorizeUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    clientId,
    clientSecret,
    tokenRequests,
    authorize,
    async revokeGrants() {
      for (const id of grants) {
        const grant = await provider.Grant.find(id);
        await grant?.destroy();
        await provider.RefreshToken.adapter.revokeByGrantId(id);
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
