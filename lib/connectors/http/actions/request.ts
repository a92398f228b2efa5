import { z } from "zod";
import { defineAction } from "../../define";
import { requiredText } from "../../inputs";
import type { RequestBody } from "../../types";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;
const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const bodyless = new Set(["GET", "HEAD"]);

const target = requiredText("url").refine((v) => v.startsWith("/") || /^https?:\/\/[^\s]+$/i.test(v), {
  message: "url must be an http(s) URL, or a path starting with / under the connection's base URL",
});
const headerValue = z.string({ error: "header values must be text" }).regex(/^[^\r\n\0]*$/, "header values must be a single line");
const queryValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))], {
  error: "query values must be text, numbers, true/false or lists",
});

function encode(body: unknown, type: "json" | "form" | "text", contentType: string | undefined): RequestBody {
  if (type === "form") return { form: body as Record<string, unknown> };
  if (type === "text") return { raw: String(body), contentType: contentType ?? "text/plain; charset=utf-8" };
  return { json: body };
}

// Any REST call. With a connection, a relative url joins its base URL and its auth is attached;
// absolute URLs on other hosts are refused rather than sent with the credentials.
export const request = defineAction({
  key: "request",
  name: "HTTP request",
  description: "Send an HTTP request with a JSON, form or text body and get the response back.",
  kind: "write",
  docsUrl: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods",
  connection: "optional",
  idempotencyHeader: "Idempotency-Key",
  input: z
    .strictObject({
      method: z.enum(methods, { error: `method must be one of ${methods.join(", ")}` }),
      url: target,
      headers: z
        .record(z.string(), headerValue, { error: "headers must be an object of text values" })
        .refine((h) => Object.keys(h).every((name) => TOKEN.test(name)), "header names may only hold letters, digits and !#$%&'*+.^_`|~-")
        .optional(),
      query: z.record(z.string(), queryValue).optional(),
      body: z.unknown().optional(),
      body_type: z.enum(["json", "form", "text"], { error: "body_type must be json, form or text" }).optional(),
      content_type: z.string().regex(/^[\w.+-]+\/[\w.+-]+(?:\s*;[^\r\n]*)?$/, "content_type must be a media type like text/csv").optional(),
    })
    .refine((v) => v.body === undefined || !bodyless.has(v.method), { message: "GET and HEAD requests cannot have a body", path: ["body"] })
    .refine((v) => v.body_type !== "form" || (typeof v.body === "object" && v.body !== null && !Array.isArray(v.body)), {
      message: "a form body must be an object of fields",
      path: ["body"],
    }),
  request: (input) => ({
    method: input.method,
    ...(input.url.startsWith("/") ? { path: input.url } : { url: input.url }),
    headers: input.headers,
    query: input.query,
    body: input.body === undefined ? undefined : encode(input.body, input.body_type ?? "json", input.content_type),
  }),
});
