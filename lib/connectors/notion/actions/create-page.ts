import { z } from "zod";
import { defineAction } from "../../define";
import { jsonObject } from "../../inputs";
import { notionId } from "../ids";

// https://developers.notion.com/reference/post-page
export const createPage = defineAction({
  key: "create_page",
  name: "Create page",
  description: "Create a page in a database (with its property values) or under another page.",
  kind: "write",
  docsUrl: "https://developers.notion.com/reference/post-page",
  input: z
    .strictObject({
      database_id: notionId("database_id").optional(),
      page_id: notionId("page_id").optional(),
      properties: jsonObject("properties"),
      children: z.array(jsonObject("each block"), { error: "children must be a list of block objects" }).max(100).optional(),
      icon: jsonObject("icon").optional(),
      cover: jsonObject("cover").optional(),
    })
    .refine((v) => Boolean(v.database_id) !== Boolean(v.page_id), { message: "give exactly one of database_id or page_id", path: ["database_id"] }),
  request: ({ database_id, page_id, ...page }) => ({
    method: "POST",
    path: "/pages",
    body: { json: { parent: database_id ? { database_id } : { page_id }, ...page } },
  }),
});
