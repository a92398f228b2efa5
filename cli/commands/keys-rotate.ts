import { addKeyToKeyFile, parseKeyRing } from "@/lib/crypto";
import { getKeyRing, resetKeyRing } from "@/lib/crypto/runtime";
import { connect, databaseTarget } from "@/lib/db/client";
import { rotateSecrets } from "@/lib/db/queries/secret-columns";
import { loadEnv } from "@/lib/env";
import type { Command } from "../command";

export const keysRotateCommand: Command = {
  name: "keys rotate",
  summary: "Re-encrypt every stored secret under the active encryption key",
  usage:
    "junction keys rotate\n\n" +
    "With JUNCTION_ENCRYPTION_KEYS set: put the new key first in the list (keep the old ones\n" +
    "after it), deploy, then run this to move every secret to the new key; afterwards the old\n" +
    "keys may be removed. In embedded mode (the key file in JUNCTION_DATA_DIR) a new key is\n" +
    "generated and put on top of the file first. Safe to run while the app serves requests\n" +
    "(on PostgreSQL); safe to run again.",
  options: {},
  async run(_values, io) {
    const env = loadEnv();
    const handle = await connect(databaseTarget());
    try {
      if (!env.JUNCTION_ENCRYPTION_KEYS) {
        await getKeyRing(); // creates the key file on a fresh install
        const id = await addKeyToKeyFile(env.JUNCTION_DATA_DIR);
        resetKeyRing();
        io.err(`Generated key "${id}" and made it the active key.`);
      } else {
        io.err(`Active key: "${parseKeyRing(env.JUNCTION_ENCRYPTION_KEYS).active.id}".`);
      }
      const ring = await getKeyRing();
      const report = await rotateSecrets(handle.db, ring);
      io.err(`Re-encrypted ${report.reencrypted} secret(s); ${report.alreadyCurrent} were already under the active key.`);
      io.out(String(report.reencrypted));
      return 0;
    } finally {
      await handle.close();
    }
  },
};
