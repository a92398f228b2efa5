import type { Db } from "@/lib/db/types";
import type { FlowDefinition } from "@/lib/flows/definition";
import { Checkpoint, LeaseLost } from "./outcomes";
import { DEFAULT_LEASE_MS, renewLease, type ExecutionRow } from "./queue";
import { toRow, writeStepRows, type StepRecord } from "./step-log";

// Everything one run of an execution carries: what earlier steps produced (from this run or,
// on a retry, from the stored rows), the expression context, the time budget, the secret
// values to redact, and the step rows waiting to be written.

export interface DoneStep {
  status: string;
  output: unknown;
}

export interface RunOptions {
  /** Who holds the lease (a worker or function id). */
  owner: string;
  /** Stop and re-queue before this much time has passed (the platform's function limit). */
  budgetMs: number;
  clock: () => number;
  /** Extra values templates may read as `env.*`. */
  env?: Record<string, unknown>;
  /** False for a step test: nothing is written to execution_steps. */
  persist?: boolean;
  /** How long a renewed lease lasts. */
  leaseMs?: number;
}

export class RunContext {
  readonly startedAt: number;
  /** Outputs visible to expressions as steps.<key>.output. */
  readonly outputs: Record<string, { output: unknown; status: string }> = Object.create(null);
  /** Secret values used in this run (credentials): redacted from everything stored. */
  readonly secrets: string[] = [];
  private readonly pending: StepRecord[] = [];
  position = 0;
  /** Bound inside a loop iteration. */
  scope: Record<string, unknown> = {};

  constructor(
    readonly db: Db,
    readonly execution: ExecutionRow,
    readonly definition: FlowDefinition,
    readonly done: Map<string, DoneStep>,
    readonly options: RunOptions,
  ) {
    this.startedAt = options.clock();
  }

  now(): Date {
    return new Date(this.options.clock());
  }

  remainingMs(): number {
    return this.options.budgetMs - (this.options.clock() - this.startedAt);
  }

  /** Checkpoints (re-queues the execution) when the budget is spent, before starting a step. */
  checkBudget(): void {
    if (this.remainingMs() <= 0) throw new Checkpoint("The run's time budget is spent; it continues in a new run.");
  }

  /** The data templates are evaluated against. */
  expressionContext(): Record<string, unknown> {
    return {
      trigger: this.execution.triggerPayload,
      steps: this.outputs,
      env: {
        execution_id: this.execution.id,
        flow_id: this.execution.flowId,
        flow_version: this.execution.flowVersion,
        attempt: this.execution.attempt,
        dry_run: this.execution.dryRun,
        ...this.options.env,
      },
      ...this.scope,
    };
  }

  record(step: StepRecord): void {
    this.pending.push(step);
  }

  /** What was recorded and not yet written (a step test reads its result here). */
  recorded(): readonly StepRecord[] {
    return this.pending;
  }

  /**
   * Renews the lease, or throws LeaseLost when this run no longer holds the execution. Called
   * before every effect outside Junction and before writing step rows, so a worker that stalled
   * past its lease (while another finished the execution) neither repeats a call nor
   * overwrites the log.
   */
  async holdLease(): Promise<void> {
    if (this.options.persist === false) return;
    const held = await renewLease(this.db, this.execution.id, this.options.owner, this.options.leaseMs ?? DEFAULT_LEASE_MS);
    if (!held) {
      this.pending.length = 0;
      throw new LeaseLost();
    }
  }

  /** Before a side effect: the lease is still ours, and what happened so far is on disk. */
  async beforeSideEffect(): Promise<void> {
    await this.holdLease();
    await this.write();
  }

  /** Writes the step rows recorded so far (at the end, or before a checkpoint). */
  async flush(): Promise<void> {
    if (this.pending.length === 0 || this.options.persist === false) return;
    await this.holdLease();
    await this.write();
  }

  private async write(): Promise<void> {
    if (this.pending.length === 0 || this.options.persist === false) return;
    const rows = this.pending.splice(0).map((r) => toRow(this.execution.workspaceId, this.execution.id, r, this.secrets));
    await writeStepRows(this.db, rows);
  }
}
