import { z } from "zod";
import { defineAction } from "../../define";
import { optionalText, requiredText } from "../../inputs";
import { path } from "../../request";
import { repoCoordinates } from "../repo";

// https://docs.github.com/en/rest/issues/issues#create-an-issue
export const createIssue = defineAction({
  key: "create_issue",
  name: "Create issue",
  description: "Open an issue in a repository.",
  kind: "write",
  docsUrl: "https://docs.github.com/en/rest/issues/issues#create-an-issue",
  input: z.strictObject({
    ...repoCoordinates,
    title: requiredText("title").max(256, "title must be at most 256 characters"),
    body: optionalText("body"),
    labels: z.array(requiredText("each label")).optional(),
    assignees: z.array(requiredText("each assignee")).optional(),
    milestone: z.number({ error: "milestone must be a milestone number" }).int().positive().optional(),
  }),
  request: ({ owner, repo, ...issue }) => ({ method: "POST", path: path`/repos/${owner}/${repo}/issues`, body: { json: issue } }),
});
