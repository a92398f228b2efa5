// Credential encryption: AES-256-GCM under a rotating key ring. See ./format.ts for the format.
export type { SecretAad } from "./associated-data";
export { DecryptionError, KeyRingError, type DecryptionFailure } from "./errors";
export { FORMAT_VERSION } from "./format";
export { addKeyToKeyFile, KEY_FILE_NAME, loadKeyRing, type LoadKeyRingOptions } from "./key-file";
export { generateKeyEntry, KEYS_ENV_VAR, parseKeyRing, type KeyRing, type RingKey } from "./key-ring";
export { decryptJson, decryptSecret, encryptSecret, needsRotation, reencrypt } from "./seal";
