import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Browser and HTTP tests against a real production server, `junction start` (see e2e/global-setup.ts).
// Run with `npm run e2e` after `npm run build`. The server is shared, so files run one at a time.
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    pool: "forks",
    // A browser test does several navigations; each wait inside is bounded on its own.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Teardown stops the server: SIGTERM, then SIGKILL after 5 s.
    teardownTimeout: 20_000,
  },
});
