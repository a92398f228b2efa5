export { signatureHeaders, verifySignature } from "./verify-signature";
export type { HeaderInput, VerifyInput, VerifyResult } from "./types";
