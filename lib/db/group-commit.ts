// Group commit: many small writes that arrive together are sent as one statement, so that
// PostgreSQL pays for one round trip, one plan and one commit per batch instead of per write,
// and fifty concurrent requests do not become fifty backends fighting over two cores.
//
// Nothing waits for a timer. A write that arrives when fewer than `maxInFlight` batches are
// running is sent at once, alone; writes that arrive while batches run are sent together as
// soon as one finishes. So an idle server answers as fast as before and a busy one batches by
// itself. Each write gets its own result, and only once its batch committed.
//
// Two writes with the same `conflictKey` are never in flight together: the later one waits
// until the earlier one's batch committed, and then sees it (one statement cannot claim the
// same unique key twice, and a statement running beside another that claims it would wait
// for it and still not see it). If a batch fails, each of its writes is sent again alone, so
// one bad write fails only itself and a batch-wide error (a deadlock between servers) costs a
// retry, not a loss.

export interface GroupCommitOptions<T, R> {
  /** Stores the items in one statement; answers one result per item, in order. */
  run(items: T[]): Promise<R[]>;
  /** Items that may not share a batch have the same key. */
  conflictKey(item: T): string;
  /** Bytes an item adds to a batch (its body); a batch stops growing at `maxBytes`. */
  size(item: T): number;
  maxItems: number;
  maxBytes: number;
  maxInFlight: number;
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface GroupCommit<T, R> {
  write(item: T): Promise<R>;
  /** Batches sent and items written so far (for benchmarks and tests). */
  stats(): { batches: number; items: number; largest: number };
  /** Writes not yet answered: waiting for a batch or in one that is running. */
  pending(): number;
}

export function createGroupCommit<T, R>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  let queue: Pending<T, R>[] = [];
  let inFlight = 0;
  const busyKeys = new Set<string>();
  const counts = { batches: 0, items: 0, largest: 0 };

  function take(): Pending<T, R>[] {
    const batch: Pending<T, R>[] = [];
    const rest: Pending<T, R>[] = [];
    let bytes = 0;
    for (const pending of queue) {
      const key = options.conflictKey(pending.item);
      const size = options.size(pending.item);
      const fits = batch.length < options.maxItems && (batch.length === 0 || bytes + size <= options.maxBytes);
      if (fits && !busyKeys.has(key)) {
        batch.push(pending);
        busyKeys.add(key);
        bytes += size;
      } else {
        rest.push(pending);
      }
    }
    queue = rest;
    return batch;
  }

  type Outcome = { ok: true; value: R } | { ok: false; error: unknown };

  /** Each item's outcome; never throws. */
  async function send(items: T[]): Promise<Outcome[]> {
    counts.batches += 1;
    counts.items += items.length;
    counts.largest = Math.max(counts.largest, items.length);
    try {
      const results = await options.run(items);
      if (results.length !== items.length) throw new Error(`group commit: ${results.length} results for ${items.length} items`);
      return results.map((value) => ({ ok: true, value }));
    } catch (error) {
      if (items.length === 1) return [{ ok: false, error }];
      // Nothing of a failed statement was stored: each item is tried again on its own.
      return (await Promise.all(items.map((item) => send([item])))).flat();
    }
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = take();
      // Every waiting write conflicts with one in flight: the next batch to finish sends them.
      if (batch.length === 0) return;
      inFlight += 1;
      void send(batch.map((p) => p.item)).then((outcomes) => {
        // The slot and the keys are free before anyone hears back, so a writer that awaits
        // its answer and writes again finds them free.
        inFlight -= 1;
        for (const pending of batch) busyKeys.delete(options.conflictKey(pending.item));
        batch.forEach((pending, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        });
        pump();
      });
    }
  }

  return {
    write(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    stats: () => ({ ...counts }),
    pending: () => queue.length + busyKeys.size,
  };
}
