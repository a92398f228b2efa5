// Undo/redo over whole values (the flow definition is small and immutable). Edits with the same
// `group` made close together (typing in one field) merge into one undo step.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastGroup?: string;
  lastAt?: number;
}

export const HISTORY_LIMIT = 100;
const MERGE_MS = 1000;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function pushHistory<T>(history: History<T>, next: T, options: { group?: string; at?: number } = {}): History<T> {
  if (Object.is(next, history.present)) return history;
  const at = options.at ?? Date.now();
  const merge =
    options.group !== undefined &&
    options.group === history.lastGroup &&
    history.lastAt !== undefined &&
    at - history.lastAt < MERGE_MS &&
    history.past.length > 0;
  const past = merge ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastGroup: options.group, lastAt: at };
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: history.past[history.past.length - 1],
    future: [history.present, ...history.future],
  };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: history.future[0], future: history.future.slice(1) };
}

export const canUndo = (history: History<unknown>) => history.past.length > 0;
export const canRedo = (history: History<unknown>) => history.future.length > 0;
