// What can end a step, in the engine's vocabulary (after trigger.dev and Inngest): a failure
// that retrying cannot fix, one that it may, and the two ways a run stops early on purpose.

export class StepFailure extends Error {
  /** The step's resolved input, when it got that far: logged with the failure (redacted). */
  input?: unknown;

  constructor(
    message: string,
    /** Worth retrying later (network, timeout, 408/425/429/5xx). */
    public readonly transient: boolean,
    public readonly details: { httpStatus?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = "StepFailure";
  }
}

export class NonRetriableError extends StepFailure {
  constructor(message: string, details: { httpStatus?: number } = {}) {
    super(message, false, details);
    this.name = "NonRetriableError";
  }
}

export class RetryAfterError extends StepFailure {
  constructor(message: string, retryAfterMs: number | undefined, details: { httpStatus?: number } = {}) {
    super(message, true, { ...details, retryAfterMs });
    this.name = "RetryAfterError";
  }
}

/** Stop now and run again later from here: the time budget is spent, a delay, a rate limit. */
export class Checkpoint extends Error {
  constructor(
    public readonly reason: string,
    public readonly runAfter: Date | null = null,
  ) {
    super(reason);
    this.name = "Checkpoint";
  }
}

/** A filter step said no: the flow ends here, successfully. */
export class FilteredOut extends Error {
  constructor(public readonly stepKey: string) {
    super(`Stopped by the filter "${stepKey}".`);
    this.name = "FilteredOut";
  }
}

/** This run no longer holds the execution (cancelled, or taken over after its lease ran out). */
export class LeaseLost extends Error {
  constructor() {
    super("The run lost its lease on the execution; it stops without writing anything more.");
    this.name = "LeaseLost";
  }
}
