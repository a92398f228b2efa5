import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit";

// The batching itself, with a runner that records what it was sent. That the batches are
// stored right (one statement, each delivery answered for itself) is tested on the real
// database in lib/webhooks/store-events.test.ts.

interface Item {
  key: string;
  bytes?: number;
  fail?: boolean;
}

function harness(options: { maxItems?: number; maxBytes?: number; maxInFlight?: number } = {}) {
  const sent: string[][] = [];
  const gates: (() => void)[] = [];
  const group = createGroupCommit<Item, string>({
    async run(items) {
      sent.push(items.map((i) => i.key));
      await new Promise<void>((resolve) => gates.push(resolve));
      if (items.some((i) => i.fail)) throw new Error(`bad item in ${items.map((i) => i.key).join(",")}`);
      return items.map((i) => `stored ${i.key}`);
    },
    conflictKey: (i) => i.key.split("#")[0],
    size: (i) => i.bytes ?? 1,
    maxItems: options.maxItems ?? 64,
    maxBytes: options.maxBytes ?? 1_000,
    maxInFlight: options.maxInFlight ?? 2,
  });
  /** Lets every batch running now finish. */
  const release = async () => {
    for (const open of gates.splice(0)) open();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { group, sent, release };
}

describe("group commit", () => {
  it("sends a write at once and alone when nothing is running", async () => {
    const { group, sent, release } = harness();
    const answer = group.write({ key: "a" });
    expect(sent).toEqual([["a"]]);
    await release();
    await expect(answer).resolves.toBe("stored a");
    expect(group.stats()).toEqual({ batches: 1, items: 1, largest: 1 });
  });

  it("sends what arrives while batches run together, as soon as one finishes", async () => {
    const { group, sent, release } = harness({ maxInFlight: 2 });
    const answers = ["a", "b", "c", "d", "e"].map((key) => group.write({ key }));
    expect(sent).toEqual([["a"], ["b"]]);
    await release();
    expect(sent).toEqual([["a"], ["b"], ["c", "d", "e"]]);
    await release();
    expect(await Promise.all(answers)).toEqual(["stored a", "stored b", "stored c", "stored d", "stored e"]);
  });

  it("never has two writes with the same key in flight: the later waits for the earlier to finish", async () => {
    const { group, sent, release } = harness({ maxInFlight: 2 });
    const answers = [group.write({ key: "k#1" }), group.write({ key: "k#2" }), group.write({ key: "x" }), group.write({ key: "k#3" })];
    expect(sent).toEqual([["k#1"], ["x"]]);
    await release();
    expect(sent.slice(2)).toEqual([["k#2"]]);
    await release();
    expect(sent.slice(3)).toEqual([["k#3"]]);
    await release();
    expect(await Promise.all(answers)).toEqual(["stored k#1", "stored k#2", "stored x", "stored k#3"]);
  });

  it("caps a batch by items and by bytes, but always sends a write bigger than the cap", async () => {
    const { group, sent, release } = harness({ maxInFlight: 1, maxItems: 3, maxBytes: 11 });
    const answers = [
      group.write({ key: "first" }),
      ...["a", "b", "c", "d"].map((key) => group.write({ key })),
      group.write({ key: "big", bytes: 50 }),
      group.write({ key: "small", bytes: 5 }),
      group.write({ key: "fits", bytes: 5 }),
    ];
    await release();
    expect(sent[1]).toEqual(["a", "b", "c"]);
    await release();
    expect(sent[2]).toEqual(["d", "small", "fits"]);
    await release();
    expect(sent[3]).toEqual(["big"]);
    await release();
    expect(await Promise.all(answers)).toHaveLength(8);
  });

  it("sends each write of a failed batch again alone, so only the bad one fails", async () => {
    const { group, sent, release } = harness({ maxInFlight: 1 });
    const first = group.write({ key: "first" });
    const good = group.write({ key: "good" });
    const bad = group.write({ key: "bad", fail: true });
    const also = group.write({ key: "also" });
    const failed = bad.catch((error: Error) => error.message);
    await release();
    expect(sent[1]).toEqual(["good", "bad", "also"]);
    await release();
    expect(sent.slice(2)).toEqual([["good"], ["bad"], ["also"]]);
    await release();
    await expect(first).resolves.toBe("stored first");
    await expect(good).resolves.toBe("stored good");
    await expect(also).resolves.toBe("stored also");
    expect(await failed).toBe("bad item in bad");
  });

  it("counts the writes not yet answered, waiting or in a running batch", async () => {
    const { group, release } = harness({ maxInFlight: 1 });
    expect(group.pending()).toBe(0);
    const answers = ["a", "b", "c"].map((key) => group.write({ key }));
    expect(group.pending()).toBe(3);
    await release();
    expect(group.pending()).toBe(2);
    await release();
    expect(group.pending()).toBe(0);
    await Promise.all(answers);
  });

  it("fails a write whose batch answered the wrong number of results", async () => {
    const group = createGroupCommit<Item, string>({
      run: async () => [],
      conflictKey: (i) => i.key,
      size: () => 1,
      maxItems: 8,
      maxBytes: 100,
      maxInFlight: 1,
    });
    await expect(group.write({ key: "a" })).rejects.toThrow("0 results for 1 items");
  });
});
