import { describe, expect, it } from "vitest";
import { nextLink, nextPageRequest, pageItems } from "./pagination";
import type { HttpRequest } from "./request";

const get = (url: string): HttpRequest => ({ method: "GET", url, headers: { Authorization: "Bearer t" } });

describe("nextPageRequest", () => {
  it("follows a cursor in the query and stops on an empty cursor", () => {
    const spec = { style: "cursor", cursorParam: "cursor", nextCursorPath: "response_metadata.next_cursor", itemsPath: "channels" } as const;
    const next = nextPageRequest(spec, get("https://slack.com/api/conversations.list?limit=2"), {
      json: { channels: [1, 2], response_metadata: { next_cursor: "abc=" } },
    });
    expect(next?.url).toBe("https://slack.com/api/conversations.list?limit=2&cursor=abc%3D");
    expect(next?.headers.Authorization).toBe("Bearer t");
    expect(nextPageRequest(spec, next!, { json: { channels: [], response_metadata: { next_cursor: "" } } })).toBeUndefined();
  });

  it("uses the last item's id and has_more (Stripe)", () => {
    const spec = { style: "cursor", cursorParam: "starting_after", nextCursorPath: "data.-1.id", hasMorePath: "has_more", itemsPath: "data" } as const;
    const previous = get("https://api.stripe.com/v1/charges?limit=2");
    expect(nextPageRequest(spec, previous, { json: { data: [{ id: "ch_1" }, { id: "ch_2" }], has_more: true } })?.url).toBe(
      "https://api.stripe.com/v1/charges?limit=2&starting_after=ch_2",
    );
    expect(nextPageRequest(spec, previous, { json: { data: [{ id: "ch_3" }], has_more: false } })).toBeUndefined();
  });

  it("puts a body cursor in the JSON body (Notion)", () => {
    const spec = { style: "cursor", in: "body", cursorParam: "start_cursor", nextCursorPath: "next_cursor", hasMorePath: "has_more", itemsPath: "results" } as const;
    const previous: HttpRequest = { method: "POST", url: "https://api.notion.com/v1/databases/x/query", headers: {}, body: '{"page_size":10}' };
    const next = nextPageRequest(spec, previous, { json: { results: [], has_more: true, next_cursor: "c2" } });
    expect(JSON.parse(next!.body!)).toEqual({ page_size: 10, start_cursor: "c2" });
  });

  it("follows a same-origin Link header, never another origin", () => {
    const spec = { style: "link-header", itemsPath: "orders" } as const;
    const previous = get("https://acme.myshopify.com/admin/api/2026-07/orders.json?limit=50");
    const link = '<https://acme.myshopify.com/admin/api/2026-07/orders.json?limit=50&page_info=abc,def>; rel="next", <https://acme.myshopify.com/x>; rel="previous"';
    expect(nextPageRequest(spec, previous, { json: {}, headers: new Headers({ link }) })?.url).toBe(
      "https://acme.myshopify.com/admin/api/2026-07/orders.json?limit=50&page_info=abc,def",
    );
    expect(nextPageRequest(spec, previous, { json: {}, headers: { Link: '<https://evil.example/steal>; rel="next"' } })).toBeUndefined();
    expect(nextPageRequest(spec, previous, { json: {}, headers: {} })).toBeUndefined();
  });

  it("counts pages and offsets until a short page", () => {
    const page = { style: "page", pageParam: "page", firstPage: 1, limitParam: "per_page", itemsPath: "" } as const;
    expect(nextPageRequest(page, get("https://x.test/a?per_page=2"), { json: [1, 2] })?.url).toBe("https://x.test/a?per_page=2&page=2");
    expect(nextPageRequest(page, get("https://x.test/a?per_page=2&page=2"), { json: [1] })).toBeUndefined();
    const offset = { style: "offset", offsetParam: "offset", limitParam: "limit", itemsPath: "items" } as const;
    expect(nextPageRequest(offset, get("https://x.test/a?limit=2&offset=4"), { json: { items: [1, 2] } })?.url).toBe("https://x.test/a?limit=2&offset=6");
  });

  it("reads page items", () => {
    expect(pageItems({ style: "link-header", itemsPath: "" }, [1, 2])).toEqual([1, 2]);
    expect(pageItems({ style: "cursor", cursorParam: "c", nextCursorPath: "n", itemsPath: "data" }, { data: "nope" })).toEqual([]);
  });

  it("parses rel lists in Link headers", () => {
    expect(nextLink('<https://a.test/2>; rel="prev next"')).toBe("https://a.test/2");
    expect(nextLink("<https://a.test/1>; rel=first")).toBeUndefined();
  });
});
