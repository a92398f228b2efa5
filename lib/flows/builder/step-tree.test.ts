import { describe, expect, it } from "vitest";
import type { FlowDefinition, Step } from "@/lib/flows/definition";
import { enclosingLoops, findStep, insertStep, listOf, moveStep, placesOf, removeStep, replaceStep, stepsBefore, uniqueKey } from "./step-tree";

const a: Step = { key: "a", type: "delay", seconds: 1 };
const inner: Step = { key: "inner", type: "filter", condition: "true" };
const loop: Step = { key: "each", type: "loop", items: "trigger.body.items", steps: [inner], max_iterations: 10 };
const branch: Step = { key: "split", type: "branch", condition: "true", then: [loop], else: [] };
const z: Step = { key: "z", type: "delay", seconds: 2 };
const flow: Pick<FlowDefinition, "steps"> = { steps: [a, branch, z] };

describe("step tree", () => {
  it("lists every step in document order with its list and index", () => {
    expect(placesOf(flow).map((p) => `${p.list}:${p.index}:${p.step.key}`)).toEqual([
      "steps:0:a",
      "steps:1:split",
      "split.then:0:each",
      "each.steps:0:inner",
      "steps:2:z",
    ]);
    expect(listOf(flow, "each.steps")).toEqual([inner]);
    expect(listOf(flow, "split.else")).toEqual([]);
    expect(listOf(flow, "nope.then")).toEqual([]);
  });

  it("inserts into nested lists without touching the original", () => {
    const added: Step = { key: "b", type: "delay", seconds: 3 };
    const next = insertStep(flow, "split.else", 0, added);
    expect(findStep(next, "b")).toMatchObject({ list: "split.else", index: 0 });
    expect(findStep(flow, "b")).toBeUndefined();
    const first = insertStep(flow, "steps", 0, added);
    expect(first.steps.map((s) => s.key)).toEqual(["b", "a", "split", "z"]);
  });

  it("removes, replaces and moves steps where they are", () => {
    expect(placesOf(removeStep(flow, "inner")).map((p) => p.step.key)).toEqual(["a", "split", "each", "z"]);
    expect(placesOf(removeStep(flow, "split")).map((p) => p.step.key)).toEqual(["a", "z"]);
    const renamed = replaceStep(flow, "inner", { ...inner, key: "check" } as Step);
    expect(findStep(renamed, "check")?.list).toBe("each.steps");
    expect(moveStep(flow, "z", -1).steps.map((s) => s.key)).toEqual(["a", "z", "split"]);
    expect(moveStep(flow, "a", -1)).toEqual(flow);
  });

  it("knows which steps run before a step and which loops enclose it", () => {
    expect(stepsBefore(flow, "inner").map((s) => s.key)).toEqual(["a"]);
    expect(stepsBefore(flow, "z").map((s) => s.key)).toEqual(["a", "split"]);
    expect(enclosingLoops(flow, "inner")).toEqual(["each"]);
    expect(enclosingLoops(flow, "z")).toEqual([]);
  });

  it("makes keys no step uses", () => {
    expect(uniqueKey(flow, "HTTP request")).toBe("http_request");
    expect(uniqueKey(flow, "a")).toBe("a_2");
    expect(uniqueKey(flow, "123")).toBe("step");
  });
});
