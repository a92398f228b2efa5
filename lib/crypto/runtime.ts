import { loadEnv } from "@/lib/env";
import { loadKeyRing } from "./key-file";
import type { KeyRing } from "./key-ring";

// The process's key ring, loaded once from JUNCTION_ENCRYPTION_KEYS or, in embedded mode,
// the key file in the data folder (generated on first use). The promise is cached so that
// concurrent first callers share one load, and dropped on failure so a later call retries.

const GLOBAL_KEY = Symbol.for("junction.keyRing");
type Holder = { [GLOBAL_KEY]?: Promise<KeyRing> };
const holder = globalThis as unknown as Holder;

export function getKeyRing(): Promise<KeyRing> {
  let promise = holder[GLOBAL_KEY];
  if (!promise) {
    const env = loadEnv();
    promise = loadKeyRing({ envValue: env.JUNCTION_ENCRYPTION_KEYS, dataDir: env.JUNCTION_DATA_DIR });
    holder[GLOBAL_KEY] = promise;
    promise.catch(() => {
      if (holder[GLOBAL_KEY] === promise) delete holder[GLOBAL_KEY];
    });
  }
  return promise;
}

/** Tests and `keys rotate` replace the ring after changing it. */
export function resetKeyRing(): void {
  delete holder[GLOBAL_KEY];
}
