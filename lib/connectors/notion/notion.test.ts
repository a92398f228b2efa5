import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { notion } from "./index";

const connection = { authType: "api_key" as const, credentials: { api_key: "ntn_1234abcd" } };
const databaseId = "d9824bdc84454327be8b5b47500af6ce";

describe("notion", () => {
  it("create_page posts to /pages with the Notion-Version header", () => {
    const properties = { Name: { title: [{ text: { content: "Order A-1001" } }] } };
    const request = buildAction(notion, "create_page", { database_id: databaseId, properties }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://api.notion.com/v1/pages");
    expect(header(request, "Notion-Version")).toBe("2022-06-28");
    expect(header(request, "Authorization")).toBe("Bearer ntn_1234abcd");
    expect(jsonBody(request)).toEqual({ parent: { database_id: databaseId }, properties });
  });

  it("create_page takes exactly one parent", () => {
    expect(() => buildAction(notion, "create_page", { properties: {} }, { connection })).toThrow(/exactly one of database_id or page_id/);
    expect(() => buildAction(notion, "create_page", { database_id: databaseId, page_id: databaseId, properties: {} }, { connection })).toThrow(
      /exactly one/,
    );
  });

  it("query_database posts the filter and cursor in the body", () => {
    const filter = { property: "Status", status: { equals: "Done" } };
    const request = buildAction(notion, "query_database", { database_id: databaseId, filter, page_size: 25, start_cursor: "c1" }, { connection });
    expect(request.url).toBe(`https://api.notion.com/v1/databases/${databaseId}/query`);
    expect(jsonBody(request)).toEqual({ filter, start_cursor: "c1", page_size: 25 });
  });

  it("asks Notion OAuth for a user-owned token with basic client auth", () => {
    expect(notion.oauth2).toMatchObject({ tokenAuthMethod: "basic", authorizeParams: { owner: "user" }, clientIdEnv: "NOTION_CLIENT_ID" });
  });
});
