import { loadEnv, runtimeMode } from "./env";

/**
 * Called once when the Node.js server starts (instrumentation.ts): refuses to start on a
 * bad environment, and in embedded mode opens — creates, migrates, locks — the PGlite
 * database now rather than on the first request, so a locked folder fails at once.
 */
export async function startServer(): Promise<void> {
  try {
    const env = loadEnv();
    if (runtimeMode(env) === "embedded") {
      const { getDatabase } = await import("./db/client");
      const handle = await getDatabase();
      console.log(`[junction] embedded database ready in ${handle.location}`);
      const { startInProcessTicker } = await import("./scheduler/in-process-ticker");
      startInProcessTicker();
    }
  } catch (error) {
    console.error(`[junction] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
