// Runs once when the server starts: refuse to start on a bad environment, and in embedded
// mode open (create, migrate, lock) the PGlite database now rather than on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { loadEnv, runtimeMode } = await import("./lib/env");
  try {
    const env = loadEnv();
    if (runtimeMode(env) === "embedded") {
      const { getDatabase } = await import("./lib/db/client");
      const handle = await getDatabase();
      console.log(`[junction] embedded database ready in ${handle.location}`);
    }
  } catch (error) {
    console.error(`[junction] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
