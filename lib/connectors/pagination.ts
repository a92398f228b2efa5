import { readPath } from "./paths";
import type { HttpRequest } from "./request";
import type { PaginationSpec } from "./types";

// Following a read action's pages from its declared pagination style: given the request just
// sent and its response, the next request (or undefined at the end). Auth headers carry over;
// a next link on another origin is refused so credentials never follow it.

export interface PageResponse {
  json: unknown;
  headers?: Headers | Record<string, string | undefined>;
}

export function pageItems(spec: PaginationSpec, json: unknown): unknown[] {
  if (spec.style === "none") return Array.isArray(json) ? json : [];
  const items = readPath(json, spec.itemsPath);
  return Array.isArray(items) ? items : [];
}

function linkHeader(headers: PageResponse["headers"]): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get("link") ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === "link");
  return key ? headers[key] : undefined;
}

/** The rel="next" target of an RFC 8288 Link header (URLs may themselves hold commas). */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const [, target, params] of link.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";,]*)"?/i.exec(params)?.[1] ?? "";
    if (rel.split(/\s+/).includes("next")) return target;
  }
  return undefined;
}

function withParam(request: HttpRequest, name: string, value: string | number): HttpRequest {
  const url = new URL(request.url);
  url.searchParams.set(name, String(value));
  return { ...request, url: url.toString() };
}

function withBodyField(request: HttpRequest, name: string, value: unknown): HttpRequest {
  const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
  return { ...request, body: JSON.stringify({ ...body, [name]: value }) };
}

function currentNumber(request: HttpRequest, name: string): number | undefined {
  const raw = new URL(request.url).searchParams.get(name);
  return raw === null || raw === "" ? undefined : Number(raw);
}

export function nextPageRequest(spec: PaginationSpec, previous: HttpRequest, response: PageResponse): HttpRequest | undefined {
  switch (spec.style) {
    case "none":
      return undefined;
    case "cursor": {
      if (spec.hasMorePath && readPath(response.json, spec.hasMorePath) !== true) return undefined;
      const cursor = readPath(response.json, spec.nextCursorPath);
      if ((typeof cursor !== "string" || cursor === "") && typeof cursor !== "number") return undefined;
      return spec.in === "body" ? withBodyField(previous, spec.cursorParam, cursor) : withParam(previous, spec.cursorParam, cursor);
    }
    case "page":
    case "offset": {
      const items = pageItems(spec, response.json);
      const limit = currentNumber(previous, spec.limitParam);
      if (items.length === 0 || (limit !== undefined && items.length < limit)) return undefined;
      if (spec.style === "page") return withParam(previous, spec.pageParam, (currentNumber(previous, spec.pageParam) ?? spec.firstPage) + 1);
      return withParam(previous, spec.offsetParam, (currentNumber(previous, spec.offsetParam) ?? 0) + items.length);
    }
    case "link-header": {
      const target = nextLink(linkHeader(response.headers));
      if (!target) return undefined;
      const next = new URL(target, previous.url);
      if (next.origin !== new URL(previous.url).origin) return undefined;
      return { ...previous, url: next.toString() };
    }
  }
}
