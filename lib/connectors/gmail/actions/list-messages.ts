import { z } from "zod";
import { defineAction } from "../../define";
import { count, flag } from "../../inputs";

// https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list
export const listMessages = defineAction({
  key: "list_messages",
  name: "List messages",
  description: "List message ids in the mailbox, filtered with Gmail search syntax (e.g. from:billing is:unread).",
  kind: "read",
  docsUrl: "https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list",
  input: z.strictObject({
    q: z.string({ error: "q must be text" }).optional(),
    label_ids: z.array(z.string({ error: "label_ids must be text" })).optional(),
    max_results: count("max_results", 500).optional(),
    page_token: z.string().optional(),
    include_spam_trash: flag("include_spam_trash"),
  }),
  request: (input) => ({
    method: "GET",
    path: "/users/me/messages",
    query: {
      q: input.q,
      labelIds: input.label_ids,
      maxResults: input.max_results ?? 100,
      pageToken: input.page_token,
      includeSpamTrash: input.include_spam_trash,
    },
  }),
  pagination: { style: "cursor", cursorParam: "pageToken", nextCursorPath: "nextPageToken", limitParam: "maxResults", itemsPath: "messages" },
});
