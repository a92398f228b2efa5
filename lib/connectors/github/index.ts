import { oauth2BearerAuth, secretField, tokenAuth } from "../auth-specs";
import { defineConnector } from "../define";
import { JUNCTION_USER_AGENT } from "../user-agent";
import { createIssue } from "./actions/create-issue";
import { createIssueComment } from "./actions/create-issue-comment";
import { listIssues } from "./actions/list-issues";
import { webhook } from "./triggers/webhook";

export const github = defineConnector({
  slug: "github",
  name: "GitHub",
  category: "Developer tools",
  description: "Open and list issues and comment on them in GitHub repositories.",
  icon: "/connectors/github.svg",
  docsUrl: "https://docs.github.com/en/rest",
  auth: [
    tokenAuth("bearer", "Personal access token", [
      secretField("token", "Token", {
        placeholder: "github_pat_…",
        help: "A fine-grained token with Issues read and write on the repositories you use.",
        pattern: "^(gh[pousr]_|github_pat_)[A-Za-z0-9_]+$",
        patternHint: "A GitHub token starts with github_pat_, ghp_ or another gh*_ prefix.",
      }),
    ]),
    oauth2BearerAuth("Sign in with GitHub"),
  ],
  hosts: ["api.github.com"],
  baseUrl: "https://api.github.com",
  // https://docs.github.com/en/rest/about-the-rest-api/api-versions — 2022-11-28 is still the default.
  defaultHeaders: { Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28", "User-Agent": JUNCTION_USER_AGENT },
  validate: { path: "/user", accountLabel: ["login"] },
  errors: { messagePaths: ["message"] },
  rateLimit: { requests: 5000, perSeconds: 3600 },
  // https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
  retryHeaders: [
    { name: "Retry-After", format: "seconds" },
    { name: "X-RateLimit-Reset", format: "epoch-seconds", onlyWhen: { header: "X-RateLimit-Remaining", equals: "0" } },
  ],
  envCredentials: { authType: "bearer", variables: { token: "GITHUB_TOKEN" } },
  // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  oauth2: {
    authorizeUrl: "https://github.com/login/oauth/authorize",
    tokenUrl: "https://github.com/login/oauth/access_token",
    scopes: ["repo"],
    scopeSeparator: " ",
    pkce: true,
    clientIdEnv: "GITHUB_CLIENT_ID",
    clientSecretEnv: "GITHUB_CLIENT_SECRET",
    tokenAuthMethod: "body",
    refresh: false,
    // Without it the token endpoint answers form-encoded.
    tokenRequestHeaders: { Accept: "application/json" },
  },
  actions: [createIssue, listIssues, createIssueComment],
  triggers: [webhook],
});
