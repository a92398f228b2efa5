import type { Db } from "@/lib/db/types";
import type { FlowDefinition } from "@/lib/flows/definition";
import { Checkpoint, LeaseLost } from "./outcomes";
import { hotQuery } from "./hot-sql";
import { DEFAULT_LEASE_MS, type ExecutionRow } from "./queue";
import { stepRowsParam, toRow, upsertStepRowsSql, type StepRecord } from "./step-log";

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
  /** When a side effect's row started waiting to be written (null: none waits). */
  private unwrittenSince: number | null = null;
  private inErrorBranch = false;
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
   * Renews the lease and writes the step rows recorded so far, in one statement that writes
   * nothing unless the lease is still this run's; throws LeaseLost when it is not. Called
   * before every effect outside Junction, so a worker that stalled past its lease (while
   * another finished the execution) neither repeats a call nor overwrites the log.
   */
  async holdLease(): Promise<void> {
    if (this.options.persist === false) return;
    const [result] = await this.withRows((taken) => {
      const rows = stepRowsParam(taken);
      return this.inErrorBranch
        ? hotQuery<{ held: number }>(this.db, FAILED_AND_LOG, [this.execution.id, rows])
        : hotQuery<{ held: number }>(this.db, LEASE_AND_LOG, [
            this.execution.id,
            this.options.owner,
            (this.options.leaseMs ?? DEFAULT_LEASE_MS) / 1000,
            rows,
          ]);
    });
    if (!result || Number(result.held) === 0) throw new LeaseLost();
  }

  /**
   * From here on the run executes the flow's error branch. This run has just ended the
   * execution as failed, which released the lease; failed is final (no worker claims it
   * again), so the branch's rows and calls are guarded by that state instead: a user who
   * deletes the execution meanwhile stops the branch. The branch runs once, best effort:
   * a crash in the middle of it is not resumed.
   */
  enterErrorBranch(): void {
    this.inErrorBranch = true;
  }

  /** Before a side effect: the lease is still ours, and what happened so far is on disk. */
  async beforeSideEffect(): Promise<void> {
    await this.holdLease();
  }

  /**
   * After a step with an effect outside Junction. Its row is not written at once but with the
   * run's next statement: the lease renewal before the next side effect, a checkpoint, or the
   * final one. Only steps without outside effects (transforms, filters, branches) can come in
   * between, and if they take longer than MAX_UNWRITTEN_MS the row is written before the next
   * step starts (see writeIfOverdue). A crash before the write repeats the call on recovery,
   * with the same idempotency key — as a crash between the call and its row always could.
   */
  sideEffectDone(): void {
    this.unwrittenSince ??= this.options.clock();
  }

  /** Writes a side effect's row when it has waited long enough (called before every step). */
  async writeIfOverdue(): Promise<void> {
    if (this.unwrittenSince !== null && this.options.clock() - this.unwrittenSince > MAX_UNWRITTEN_MS) await this.flush();
  }

  /** Writes the step rows recorded so far (before a checkpoint, or when overdue). */
  async flush(): Promise<void> {
    if (this.pending.length === 0 || this.options.persist === false) return;
    await this.holdLease();
  }

  /**
   * Runs a statement that writes the recorded rows; if it fails (the database, not a lost
   * lease, which writes nothing and is reported by its result), the rows are kept for the
   * next statement instead of being lost with it.
   */
  async withRows<T>(write: (rows: string[]) => Promise<T>): Promise<T> {
    const kept = this.pending.slice();
    const unwrittenSince = this.unwrittenSince;
    try {
      return await write(this.takeRows());
    } catch (error) {
      this.pending.unshift(...kept);
      this.unwrittenSince = unwrittenSince;
      throw error;
    }
  }

  /** Takes the recorded rows, serialized, for a statement that writes them under the lease. */
  takeRows(): string[] {
    this.unwrittenSince = null;
    if (this.options.persist === false) return [];
    return this.pending.splice(0).map((r) => toRow(this.execution.workspaceId, this.execution.id, r, this.secrets));
  }
}

/** How long a side effect's step row may wait for the run's next statement. */
export const MAX_UNWRITTEN_MS = 100;

const LEASE_AND_LOG = `with lease as (
    update executions set lease_until = now() + make_interval(secs => $3::float8)
     where id = $1::uuid and status = 'running' and lease_owner = $2::text returning id),
  written as (${upsertStepRowsSql("$4", "lease")})
  select (select count(*) from lease)::int as held`;

const FAILED_AND_LOG = `with lease as (select id from executions where id = $1::uuid and status = 'failed'),
  written as (${upsertStepRowsSql("$2", "lease")})
  select (select count(*) from lease)::int as held`;
