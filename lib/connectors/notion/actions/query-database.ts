import { z } from "zod";
import { defineAction } from "../../define";
import { count, jsonObject } from "../../inputs";
import { path } from "../../request";
import { notionId } from "../ids";

// https://developers.notion.com/reference/post-database-query — with Notion-Version 2022-06-28;
// the cursor travels in the JSON body.
export const queryDatabase = defineAction({
  key: "query_database",
  name: "Query database",
  description: "List a database's pages matching a filter, in the given sort order.",
  kind: "read",
  docsUrl: "https://developers.notion.com/reference/post-database-query",
  input: z.strictObject({
    database_id: notionId("database_id"),
    filter: jsonObject("filter").optional(),
    sorts: z.array(jsonObject("each sort"), { error: "sorts must be a list of sort objects" }).optional(),
    page_size: count("page_size", 100).optional(),
    start_cursor: z.string().optional(),
  }),
  request: ({ database_id, page_size, ...query }) => ({
    method: "POST",
    path: path`/databases/${database_id}/query`,
    body: { json: { ...query, page_size: page_size ?? 100 } },
  }),
  pagination: {
    style: "cursor",
    in: "body",
    cursorParam: "start_cursor",
    nextCursorPath: "next_cursor",
    hasMorePath: "has_more",
    limitParam: "page_size",
    itemsPath: "results",
  },
});
