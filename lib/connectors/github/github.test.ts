import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { github } from "./index";

const connection = { authType: "bearer" as const, credentials: { token: "github_pat_11ABC" } };

describe("github", () => {
  it("create_issue posts to the repository with the versioned headers", () => {
    const request = buildAction(github, "create_issue", { owner: "acme", repo: "shop.web", title: "Bug", body: "Steps…", labels: ["bug"] }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://api.github.com/repos/acme/shop.web/issues");
    expect(header(request, "Accept")).toBe("application/vnd.github+json");
    expect(header(request, "X-GitHub-Api-Version")).toBe("2022-11-28");
    expect(header(request, "User-Agent")).toMatch(/^Junction\//);
    expect(header(request, "Authorization")).toBe("Bearer github_pat_11ABC");
    expect(jsonBody(request)).toEqual({ title: "Bug", body: "Steps…", labels: ["bug"] });
  });

  it("refuses repository names that would change the path", () => {
    expect(() => buildAction(github, "create_issue", { owner: "acme", repo: "..", title: "x" }, { connection })).toThrow();
    expect(() => buildAction(github, "create_issue", { owner: "acme/x", repo: "r", title: "x" }, { connection })).toThrow(/input\.owner/);
  });

  it("list_issues filters in the query and pages by Link header", () => {
    const request = buildAction(github, "list_issues", { owner: "acme", repo: "shop", state: "all", labels: ["bug", "p1"], per_page: 50 }, { connection });
    expect(request.method).toBe("GET");
    expect(request.url).toBe("https://api.github.com/repos/acme/shop/issues?state=all&labels=bug%2Cp1&per_page=50");
    expect(github.actions.find((a) => a.key === "list_issues")?.pagination).toEqual({ style: "link-header", limitParam: "per_page", itemsPath: "" });
  });

  it("create_issue_comment posts the body to the issue's comments", () => {
    const request = buildAction(github, "create_issue_comment", { owner: "acme", repo: "shop", issue_number: "42", body: "Fixed in #43" }, { connection });
    expect(request.url).toBe("https://api.github.com/repos/acme/shop/issues/42/comments");
    expect(jsonBody(request)).toEqual({ body: "Fixed in #43" });
  });

  it("declares the webhook signature and delivery id", () => {
    expect(github.triggers[0]).toMatchObject({
      signature: { scheme: "github", header: "X-Hub-Signature-256", prefix: "sha256=" },
      eventId: { header: "X-GitHub-Delivery" },
      eventType: { header: "X-GitHub-Event" },
    });
  });
});
