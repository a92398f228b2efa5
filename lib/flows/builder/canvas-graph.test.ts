import { describe, expect, it } from "vitest";
import type { Step } from "@/lib/flows/definition";
import { definitionToGraph, NODE_HEIGHT } from "./canvas-graph";

const delay = (key: string): Step => ({ key, type: "delay", seconds: 1 });

describe("definitionToGraph", () => {
  it("draws an empty flow as the trigger and an add placeholder", () => {
    const graph = definitionToGraph({ steps: [] });
    expect(graph.nodes.map((n) => n.kind)).toEqual(["trigger", "end"]);
    expect(graph.nodes[1].insert).toEqual({ list: "steps", index: 0 });
    expect(graph.edges).toEqual([{ id: "trigger->end", source: "trigger", target: "end", insert: { list: "steps", index: 0 } }]);
  });

  it("connects steps top to bottom, each edge inserting where it sits", () => {
    const graph = definitionToGraph({ steps: [delay("a"), delay("b")] });
    const ys = graph.nodes.map((n) => n.y);
    expect([...ys].sort((x, y) => x - y)).toEqual(ys);
    expect(graph.edges.map((e) => [e.id, e.insert?.index ?? null])).toEqual([
      ["trigger->a", 0],
      ["a->b", 1],
      ["b->end", 2],
    ]);
    expect(graph.nodes.find((n) => n.id === "end")?.insert).toEqual({ list: "steps", index: 2 });
  });

  it("puts a branch's arms side by side and joins them before the next step", () => {
    const branch: Step = { key: "split", type: "branch", condition: "true", then: [delay("yes")], else: [] };
    const graph = definitionToGraph({ steps: [branch, delay("after")] });
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const yes = byId.get("yes")!;
    const empty = byId.get("split.else__empty")!;
    expect(yes.y).toBe(empty.y);
    expect(yes.x).toBeLessThan(empty.x);
    expect(empty.insert).toEqual({ list: "split.else", index: 0 });
    const join = byId.get("split__join")!;
    expect(join.y).toBeGreaterThan(yes.y + NODE_HEIGHT);
    expect(byId.get("after")!.y).toBeGreaterThan(join.y);
    const edges = new Map(graph.edges.map((e) => [e.id, e]));
    expect(edges.get("split->yes")).toMatchObject({ label: "then", insert: { list: "split.then", index: 0 } });
    expect(edges.get("yes->split__join")?.insert).toEqual({ list: "split.then", index: 1 });
    expect(edges.get("split->split.else__empty")).toMatchObject({ label: "else" });
    expect(edges.get("split->split.else__empty")?.insert).toBeUndefined();
    expect(edges.get("split__join->after")?.insert).toEqual({ list: "steps", index: 1 });
  });

  it("draws a loop's body under it, indented", () => {
    const loop: Step = { key: "each", type: "loop", items: "trigger.body.items", steps: [delay("inside")], max_iterations: 5 };
    const graph = definitionToGraph({ steps: [loop] });
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get("inside")!.x).toBeGreaterThan(byId.get("each")!.x);
    expect(graph.edges.find((e) => e.id === "each->inside")).toMatchObject({ label: "each item", insert: { list: "each.steps", index: 0 } });
    expect(graph.edges.find((e) => e.id === "each__join->end")).toBeDefined();
  });
});
