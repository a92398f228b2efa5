// What a command may touch of the outside world, so tests can run commands in-process.
export interface CliIo {
  /** The command's result (a key, an id): the only thing printed on stdout. */
  out(line: string): void;
  /** Progress and errors, on stderr. */
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A mistake in how the command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
