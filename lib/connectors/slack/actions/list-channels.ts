import { z } from "zod";
import { defineAction } from "../../define";
import { count, flag } from "../../inputs";

const channelTypes = ["public_channel", "private_channel", "mpim", "im"] as const;

// https://docs.slack.dev/reference/methods/conversations.list — cursor in response_metadata.
export const listChannels = defineAction({
  key: "list_channels",
  name: "List channels",
  description: "List the workspace's conversations (conversations.list), one page at a time.",
  kind: "read",
  docsUrl: "https://docs.slack.dev/reference/methods/conversations.list",
  input: z.strictObject({
    types: z.array(z.enum(channelTypes, { error: `types must be among ${channelTypes.join(", ")}` })).min(1).optional(),
    exclude_archived: flag("exclude_archived"),
    limit: count("limit", 1000).optional(),
    cursor: z.string().optional(),
  }),
  request: (input) => ({
    method: "GET",
    path: "/conversations.list",
    query: {
      types: (input.types ?? ["public_channel"]).join(","),
      exclude_archived: input.exclude_archived ?? true,
      limit: input.limit ?? 200,
      cursor: input.cursor,
    },
  }),
  pagination: {
    style: "cursor",
    cursorParam: "cursor",
    nextCursorPath: "response_metadata.next_cursor",
    limitParam: "limit",
    itemsPath: "channels",
  },
});
