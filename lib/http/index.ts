// lib/http — the one outbound HTTP client. See client.ts for what every call gets.
export {
  outboundFetch,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type BeforeRequestHook,
  type OutboundCredentials,
  type OutboundOptions,
  type OutboundRequest,
  type OutboundResponse,
} from "./client";
export { closePooledAgents, KEEP_ALIVE_MS, MAX_CONNECTIONS_PER_ORIGIN, POOL_CONNECT_TIMEOUT_MS } from "./agent-pool";
export {
  InvalidOutboundRequestError,
  OutboundAbortedError,
  OutboundBlockedError,
  OutboundError,
  OutboundNetworkError,
  OutboundTimeoutError,
  ResponseTooLargeError,
  TooManyRedirectsError,
  type OutboundErrorCode,
  type TimeoutPhase,
} from "./errors";
export { checkAddress, type AddressVerdict } from "./address-policy";
export { isAllowed, parseAllowList, type AllowEntry } from "./allow-list";
export { matchesCredentialHost } from "./credential-hosts";
export { redact, REDACTED } from "./redact";
export { isTransientStatus, retryAfterMs, MAX_RETRY_AFTER_MS } from "./retry-after";
export type { QueryParams, QueryValue } from "./request-target";
