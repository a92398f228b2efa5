import { DatabaseLockedError } from "@/lib/db/pglite-lock";
import { NotMigratedError } from "@/lib/db/client";
import { EnvError } from "@/lib/env";
import { parseCommandArgs, type Command } from "./command";
import { apiKeyCreateCommand } from "./commands/api-key-create";
import { checkEnvCommand } from "./commands/check-env";
import { flowsExportCommand, flowsImportCommand } from "./commands/flows-transfer";
import { keysRotateCommand } from "./commands/keys-rotate";
import { migrateCommand } from "./commands/migrate";
import { startCommand } from "./commands/start";
import { tickCommand } from "./commands/tick";
import { workerCommand } from "./commands/worker";
import { workspaceCreateCommand } from "./commands/workspace-create";
import { processIo, UsageError, type CliIo } from "./io";

export const commands: Command[] = [
  migrateCommand,
  workspaceCreateCommand,
  apiKeyCreateCommand,
  keysRotateCommand,
  flowsImportCommand,
  flowsExportCommand,
  checkEnvCommand,
  startCommand,
  tickCommand,
  workerCommand,
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "junction — the Junction integration hub's command line",
    "",
    "Usage: junction <command> [options]   (junction <command> --help for its options)",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "It uses the same database as the server: DATABASE_URL, or the embedded one in",
    "JUNCTION_DATA_DIR (.data) — which only one process may open, so stop the server first.",
  ].join("\n");
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const command of commands) {
    const words = command.name.split(" ");
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return null;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 wrong usage). */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.out(overview());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`junction: unknown command "${argv.join(" ")}"\n\n${overview()}`);
    return 2;
  }
  const { command, rest } = found;
  try {
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}`);
      return 0;
    }
    return await command.run(values, io, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`junction ${command.name}: ${error.message}\n\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof EnvError || error instanceof DatabaseLockedError || error instanceof NotMigratedError) {
      io.err(`junction ${command.name}: ${error.message}`);
      return 1;
    }
    io.err(`junction ${command.name}: failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
