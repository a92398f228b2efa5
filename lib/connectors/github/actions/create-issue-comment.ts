import { z } from "zod";
import { defineAction } from "../../define";
import { requiredText } from "../../inputs";
import { path } from "../../request";
import { repoCoordinates } from "../repo";

// https://docs.github.com/en/rest/issues/comments#create-an-issue-comment
export const createIssueComment = defineAction({
  key: "create_issue_comment",
  name: "Comment on issue",
  description: "Add a comment to an issue or pull request.",
  kind: "write",
  docsUrl: "https://docs.github.com/en/rest/issues/comments#create-an-issue-comment",
  input: z.strictObject({
    ...repoCoordinates,
    issue_number: z.coerce.number({ error: "issue_number must be a number" }).int().positive("issue_number must be positive"),
    body: requiredText("body").max(65_536, "body must be at most 65536 characters"),
  }),
  request: ({ owner, repo, issue_number, body }) => ({
    method: "POST",
    path: path`/repos/${owner}/${repo}/issues/${issue_number}/comments`,
    body: { json: { body } },
  }),
});
