import {
  InvalidOutboundRequestError,
  OutboundAbortedError,
  OutboundError,
  OutboundNetworkError,
  OutboundTimeoutError,
} from "./errors";
import { redact } from "./redact";

// The one place a failure inside the client becomes a typed OutboundError with a redacted
// message. Raw causes are not attached: their messages and stacks are not ours to trust.

export type FailureContext = {
  target: string;
  timedOut: boolean;
  aborted: boolean;
  timeoutMs: number;
  connectTimeoutMs: number;
  secrets: readonly string[];
};

const DETAILS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  EPIPE: "connection closed while sending",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "temporary DNS failure",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed unexpectedly",
  UND_ERR_CLOSED: "connection closed unexpectedly",
};

export function toOutboundError(error: unknown, ctx: FailureContext): OutboundError {
  return redactError(classify(error, ctx), ctx.secrets);
}

function classify(error: unknown, ctx: FailureContext): OutboundError {
  const own = chain(error).find((e): e is OutboundError => e instanceof OutboundError);
  if (own) return own;
  // Our deadline and the caller's signal abort the same request; the deadline explains it.
  if (ctx.timedOut) return new OutboundTimeoutError("total", ctx.timeoutMs, ctx.target);
  if (ctx.aborted) return new OutboundAbortedError(ctx.target);

  const code = errorCode(error);
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return new OutboundTimeoutError("connect", ctx.connectTimeoutMs, ctx.target);
    case "UND_ERR_HEADERS_TIMEOUT":
      return new OutboundTimeoutError("headers", ctx.timeoutMs, ctx.target);
    case "UND_ERR_BODY_TIMEOUT":
      return new OutboundTimeoutError("body", ctx.timeoutMs, ctx.target);
    case "UND_ERR_INVALID_ARG":
    case "UND_ERR_NOT_SUPPORTED":
    case "ERR_INVALID_CHAR":
    case "ERR_INVALID_HTTP_TOKEN":
      return new InvalidOutboundRequestError(messageOf(error));
  }
  return new OutboundNetworkError(ctx.target, code, (code && DETAILS[code]) ?? messageOf(error));
}

export function redactError<E extends Error>(error: E, secrets: readonly string[]): E {
  error.message = redact(error.message, secrets);
  if (error.stack) error.stack = redact(error.stack, secrets);
  return error;
}

/** The error and its causes, outermost first (undici wraps socket errors). */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = error; e && typeof e === "object" && out.length < 5; e = (e as { cause?: unknown }).cause) out.push(e);
  return out;
}

/** The innermost string code: ECONNRESET rather than the UND_ERR_SOCKET wrapping it. */
function errorCode(error: unknown): string | undefined {
  const codes = chain(error)
    .map((e) => (e as { code?: unknown }).code)
    .filter((c): c is string => typeof c === "string");
  return codes.at(-1);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
