import { z } from "zod";
import { defineAction } from "../../define";
import { count } from "../../inputs";
import { path } from "../../request";
import { repoCoordinates } from "../repo";

// https://docs.github.com/en/rest/issues/issues#list-repository-issues — pages via the Link header.
export const listIssues = defineAction({
  key: "list_issues",
  name: "List issues",
  description: "List a repository's issues (pull requests are included, as GitHub returns them).",
  kind: "read",
  docsUrl: "https://docs.github.com/en/rest/issues/issues#list-repository-issues",
  input: z.strictObject({
    ...repoCoordinates,
    state: z.enum(["open", "closed", "all"], { error: "state must be open, closed or all" }).optional(),
    labels: z.array(z.string()).optional(),
    since: z.iso.datetime({ error: "since must be an ISO 8601 timestamp" }).optional(),
    sort: z.enum(["created", "updated", "comments"], { error: "sort must be created, updated or comments" }).optional(),
    direction: z.enum(["asc", "desc"], { error: "direction must be asc or desc" }).optional(),
    per_page: count("per_page", 100).optional(),
    page: count("page", 100_000).optional(),
  }),
  request: ({ owner, repo, labels, per_page, ...filters }) => ({
    method: "GET",
    path: path`/repos/${owner}/${repo}/issues`,
    query: { ...filters, labels: labels?.join(","), per_page: per_page ?? 30 },
  }),
  pagination: { style: "link-header", limitParam: "per_page", itemsPath: "" },
});
