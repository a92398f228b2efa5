import { describe, expect, it } from "vitest";
import type { FlowDefinition, Step } from "@/lib/flows/definition";
import { fieldsOf, insertAt, pathSegment, pickerGroups, toTemplate } from "./data-picker";

const map: Step = { key: "map", type: "transform", mapping: { fields: { email: "x", "customer.name": "y" } } };
const post: Step = { key: "post", type: "action", connector: "http", action: "request", connection: null, input: {}, on_error: "stop" };
const inner: Step = { key: "inner", type: "delay", seconds: 1 };
const loop: Step = { key: "each", type: "loop", items: "trigger.body.items", steps: [inner], max_iterations: 5 };
const flow: Pick<FlowDefinition, "steps" | "trigger"> = { trigger: { type: "webhook" }, steps: [map, post, loop] };

describe("data picker", () => {
  it("lists a sample's fields with jsonata paths, quoting odd names and showing arrays' first item", () => {
    const fields = fieldsOf({ id: 7, user: { email: "a@b.c", "first-name": "Ada" }, items: [{ sku: "X" }] }, "trigger.body");
    expect(fields.map((f) => [f.path, f.preview])).toEqual([
      ["trigger.body.id", "7"],
      ["trigger.body.user", "2 fields"],
      ["trigger.body.user.email", "a@b.c"],
      ["trigger.body.user.`first-name`", "Ada"],
      ["trigger.body.items", "1 item"],
      ["trigger.body.items[0]", "1 fields"],
      ["trigger.body.items[0].sku", "X"],
    ]);
    expect(fields[2].depth).toBe(1);
    expect(pathSegment("a b")).toBe("`a b`");
  });

  it("offers the trigger, enclosing loops and earlier steps, nearest first", () => {
    const groups = pickerGroups(flow, "inner", { id: 1 }, { post: { status: 201, body: { ok: true } } });
    expect(groups.map((g) => g.id)).toEqual(["trigger", "loop:each", "step:post", "step:map"]);
    expect(groups[2].fields.map((f) => f.path)).toContain("steps.post.output.body.ok");
    // A transform step's fields are known from its mapping before it is tested.
    expect(groups[3].fields.map((f) => f.path)).toEqual(["steps.map.output.email", "steps.map.output.customer", "steps.map.output.customer.name"]);
  });

  it("says how to get fields when there is no sample or test output", () => {
    const groups = pickerGroups(flow, "post", undefined, {});
    expect(groups[0].fields).toEqual([]);
    expect(groups[0].hint).toMatch(/No sample yet/);
    expect(pickerGroups({ ...flow, steps: [post, map] }, "map", {}, {})[1]).toMatchObject({ id: "step:post", fields: [], hint: "Test this step to see its fields." });
    expect(pickerGroups(flow, null, { a: 1 }, {}).map((g) => g.id)).toEqual(["trigger"]);
  });

  it("inserts a placeholder at the caret", () => {
    expect(toTemplate("trigger.body.id")).toBe("{{ trigger.body.id }}");
    expect(insertAt("Order  paid", "{{ x }}", 6, 6)).toEqual({ value: "Order {{ x }} paid", caret: 13 });
    expect(insertAt("abc", "Z", 1, 3)).toEqual({ value: "aZ", caret: 2 });
    expect(insertAt("abc", "Z", null, null)).toEqual({ value: "abcZ", caret: 4 });
  });
});
