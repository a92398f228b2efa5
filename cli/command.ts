import { parseArgs, type ParseArgsConfig } from "node:util";
import type { CliIo } from "./io";
import { UsageError } from "./io";

export interface Command {
  /** The words that select it, e.g. "api-key create". */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** How many positional arguments it takes (default none). */
  positionals?: number;
  run(values: Record<string, string | boolean | undefined>, io: CliIo, positionals: string[]): Promise<number>;
}

export function parseCommandArgs(
  command: Command,
  args: string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    const allowed = command.positionals ?? 0;
    if (positionals.length > allowed) throw new UsageError(`unexpected argument "${positionals[allowed]}"`);
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value.trim();
}
