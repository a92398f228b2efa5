// Typed failures of the outbound client. Each says whether trying again could help
// (`transient`), so the engine decides retries from the type, not from message text.
// Messages are passed through redact() by the client before they leave lib/http and never
// carry a query string, a header value or a response body.

export type OutboundErrorCode =
  | "blocked"
  | "timeout"
  | "response_too_large"
  | "network"
  | "aborted"
  | "too_many_redirects"
  | "invalid_request";

/** Base class of everything outboundFetch() throws (besides a `beforeRequest` hook's own errors). */
export class OutboundError extends Error {
  readonly code: OutboundErrorCode;
  readonly transient: boolean;

  constructor(code: OutboundErrorCode, message: string, transient: boolean) {
    super(message);
    this.name = "OutboundError";
    this.code = code;
    this.transient = transient;
  }
}

/** The SSRF guard refused the target (URL, scheme, userinfo, or resolved address). Never retried. */
export class OutboundBlockedError extends OutboundError {
  /** The resolved or literal address that was refused, when the refusal is about an address. */
  readonly address: string | undefined;
  readonly reason: string;

  constructor(reason: string, details: { host?: string; port?: number; address?: string } = {}) {
    const target = details.host ? `${details.host}${details.port ? `:${details.port}` : ""}` : "the target";
    const where = details.address && details.address !== details.host ? ` (resolved to ${details.address})` : "";
    super("blocked", `Outbound request to ${target}${where} refused: ${reason}`, false);
    this.name = "OutboundBlockedError";
    this.address = details.address;
    this.reason = reason;
  }
}

export type TimeoutPhase = "connect" | "headers" | "body" | "total";

export class OutboundTimeoutError extends OutboundError {
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number;

  constructor(phase: TimeoutPhase, timeoutMs: number, target: string) {
    const what = phase === "connect" ? "connecting to" : "waiting for";
    super("timeout", `Outbound request timed out after ${timeoutMs} ms ${what} ${target}`, true);
    this.name = "OutboundTimeoutError";
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}

/** The response body passed `maxResponseBytes`; reading stopped there. Not transient. */
export class ResponseTooLargeError extends OutboundError {
  readonly limitBytes: number;

  constructor(limitBytes: number, target: string) {
    super("response_too_large", `Response from ${target} is larger than the ${limitBytes}-byte limit`, false);
    this.name = "ResponseTooLargeError";
    this.limitBytes = limitBytes;
  }
}

// A bad certificate will be just as bad on the next try.
const PERMANENT_NETWORK_CODES = /CERT|SELF_SIGNED|ERR_TLS_CERT_ALTNAME|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** Connection refused or reset, DNS failure, TLS failure, protocol error. */
export class OutboundNetworkError extends OutboundError {
  /** The system or undici error code (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…), if any. */
  readonly causeCode: string | undefined;

  constructor(target: string, causeCode: string | undefined, detail: string) {
    const transient = !(causeCode && PERMANENT_NETWORK_CODES.test(causeCode));
    super("network", `Outbound request to ${target} failed: ${detail}${causeCode ? ` (${causeCode})` : ""}`, transient);
    this.name = "OutboundNetworkError";
    this.causeCode = causeCode;
  }
}

/** The caller's AbortSignal fired. Not transient: somebody chose to stop. */
export class OutboundAbortedError extends OutboundError {
  constructor(target: string) {
    super("aborted", `Outbound request to ${target} was aborted`, false);
    this.name = "OutboundAbortedError";
  }
}

export class TooManyRedirectsError extends OutboundError {
  constructor(maxRedirects: number, target: string) {
    super("too_many_redirects", `Outbound request to ${target} followed more than ${maxRedirects} redirects`, false);
    this.name = "TooManyRedirectsError";
  }
}

/** The request itself cannot be sent (bad URL, method, header or option). Not transient. */
export class InvalidOutboundRequestError extends OutboundError {
  constructor(problem: string) {
    super("invalid_request", `Invalid outbound request: ${problem}`, false);
    this.name = "InvalidOutboundRequestError";
  }
}
