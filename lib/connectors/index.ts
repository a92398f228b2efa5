// lib/connectors — the connector catalog: definitions as data plus small hooks, and the pure
// helpers the engine, the API and the UI use to work with any of them. See README.md.
export { getAction, getConnector, getTrigger, listConnectors } from "./registry";
export { applyAuth, credentialHosts, hostMatches, isCredentialHost, type AppliedAuth } from "./auth";
export { authFields, credentialSchema, credentialsFromEnv, findAuth, oauthTokenFields, parseCredentials } from "./credentials";
export {
  buildRequest,
  encodeForm,
  path,
  prepareAction,
  resolveBaseUrl,
  splitAuth,
  type AppliedCredentials,
  type Connection,
  type HttpRequest,
  type PreparedAction,
} from "./request";
export { buildValidationRequest, interpretValidationResponse, type ValidationOutcome } from "./validation";
export { nextLink, nextPageRequest, pageItems, type PageResponse } from "./pagination";
export { bodyReportsFailure, errorMessage, isTransientStatus, retryAfterMs } from "./responses";
export { readPath } from "./paths";
export { connectorDefinitionSchema } from "./schema";
export type * from "./types";
export { authTypes, connectorCategories, signatureSchemes } from "./types";
