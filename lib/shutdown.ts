// A server's shutdown, for everything in the process that starts work in the background (the
// kicks after a webhook or a manual run, the embedded in-process ticker). Kept on globalThis:
// the production server loads lib/ twice (the CLI through tsx, Next from its build), and a
// shutdown must stop both copies' work.

interface ShutdownState {
  controller: AbortController;
  work: Set<Promise<unknown>>;
}

const KEY = Symbol.for("junction.shutdown");

function state(): ShutdownState {
  const holder = globalThis as unknown as { [KEY]?: ShutdownState };
  return (holder[KEY] ??= { controller: new AbortController(), work: new Set() });
}

/** Aborted once the server is stopping: claim nothing more, start nothing new. */
export function shutdownSignal(): AbortSignal {
  return state().controller.signal;
}

export function isShuttingDown(): boolean {
  return state().controller.signal.aborted;
}

/** Background work a shutdown should wait for; returns the same promise. */
export function trackWork<T>(work: Promise<T>): Promise<T> {
  const { work: set } = state();
  set.add(work);
  const forget = () => set.delete(work);
  work.then(forget, forget);
  return work;
}

/** From now on background work starts nothing new (idempotent). */
export function beginShutdown(): void {
  state().controller.abort();
}

/** Waits for `promise` until `deadline` (ms since epoch); true when it settled in time. */
export async function untilDeadline(promise: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = promise.then(
    () => true,
    () => true,
  );
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the background work still running, until `deadline` (ms since epoch). True when
 * all of it ended; what is still running then keeps its lease and is recovered like a crash's.
 */
export async function settleWork(deadline: number): Promise<boolean> {
  const { work } = state();
  while (work.size > 0) {
    if (!(await untilDeadline(Promise.allSettled([...work]), deadline))) return false;
  }
  return true;
}
