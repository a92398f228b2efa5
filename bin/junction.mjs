#!/usr/bin/env node
// The `junction` command. The CLI is TypeScript sharing lib/ with the app; tsx loads it
// (with the tsconfig path aliases) without a separate build step.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
register({ tsconfig: join(root, "tsconfig.json") });
// `junction start` runs Next in this process. Next sets up the Node environment it relies on
// (AsyncLocalStorage and friends) before anything else loads, as its own `next start` does;
// the CLI's modules reach next/server, so that must happen first.
if (process.argv[2] === "start") await import("next/dist/server/node-environment.js");
const { runCli } = await import("../cli/main.ts");
const code = await runCli(process.argv.slice(2));
// Close stdout/stderr cleanly before exiting so piped output is never cut short.
process.exitCode = code;
