import { createHash, timingSafeEqual } from "node:crypto";

// The bearer secrets a deployment's own callers send (Vercel Cron to the tick, the fan-out to
// the internal run route). Compared as fixed-length digests in constant time: no length leak,
// no early exit.

const digest = (s: string) => createHash("sha256").update(s).digest();

/** "ok" when the request carries `Authorization: Bearer <secret>`; "missing" without a bearer token; "wrong" otherwise. */
export function checkBearerSecret(request: Request, secret: string): "ok" | "missing" | "wrong" {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return "missing";
  return timingSafeEqual(digest(match[1]), digest(secret)) ? "ok" : "wrong";
}
