import { describe, expect, it } from "vitest";
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, pushHistory, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes, and a new edit drops the redo stack", () => {
    let h = createHistory(1);
    h = pushHistory(h, 2);
    h = pushHistory(h, 3);
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(2);
    h = pushHistory(h, 9);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it("merges quick edits of one field into one undo step, but not edits of different fields", () => {
    let h = createHistory("");
    h = pushHistory(h, "a", { group: "url", at: 1000 });
    h = pushHistory(h, "ab", { group: "url", at: 1300 });
    h = pushHistory(h, "abc", { group: "url", at: 1600 });
    expect(undo(h).present).toBe("");
    h = pushHistory(h, "abcd", { group: "name", at: 1700 });
    expect(undo(h).present).toBe("abc");
    h = pushHistory(h, "x", { group: "name", at: 5000 });
    expect(undo(h).present).toBe("abcd");
  });

  it("keeps a bounded past and ignores a no-op", () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = pushHistory(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(pushHistory(h, h.present)).toBe(h);
  });
});
