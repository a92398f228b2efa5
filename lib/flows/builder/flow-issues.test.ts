import { describe, expect, it } from "vitest";
import { getConnector } from "@/lib/connectors/registry";
import type { FlowDefinition, Step } from "@/lib/flows/definition";
import { describeConnector } from "./builder-catalog";
import { builderIssues, issuesByTarget, issuesFromServer, parseIssuePath, referenceIssues, schemaIssues, targetOfPath } from "./flow-issues";

const catalog = [describeConnector(getConnector("http")!), describeConnector(getConnector("slack")!)];
const post = (key: string, input: Record<string, unknown>): Step => ({
  key,
  type: "action",
  connector: "http",
  action: "request",
  connection: null,
  input,
  on_error: "stop",
});
const flow = (steps: Step[]): FlowDefinition => ({ name: "F", description: "", active: false, trigger: { type: "webhook" }, steps, on_error: [] });

describe("flow issues", () => {
  it("ties a path to the step it is in", () => {
    const branch: Step = { key: "split", type: "branch", condition: "true", then: [post("inner", {})], else: [] };
    const f = flow([post("a", {}), branch]);
    expect(targetOfPath(f, ["steps", 1, "then", 0, "input", "url"])).toBe("inner");
    expect(targetOfPath(f, ["steps", 1, "condition"])).toBe("split");
    expect(targetOfPath(f, ["trigger", "cron"])).toBe("trigger");
    expect(targetOfPath(f, ["name"])).toBe("flow");
    expect(parseIssuePath("steps[1].then[0].input.url")).toEqual(["steps", 1, "then", 0, "input", "url"]);
    expect(issuesFromServer(f, [{ path: "steps[1].then[0].connection", message: "no such connection" }])).toEqual([
      { target: "inner", message: "connection: no such connection" },
    ]);
  });

  it("reports required inputs, missing connections and unknown actions on their steps", () => {
    const slack: Step = { key: "notify", type: "action", connector: "slack", action: "send_message", connection: null, input: { channel: "#x" }, on_error: "stop" };
    const ghost: Step = { key: "ghost", type: "action", connector: "nope", action: "x", connection: null, input: {}, on_error: "stop" };
    const issues = builderIssues(flow([post("post", { method: "POST" }), slack, ghost]), catalog);
    expect(issues).toEqual([
      { target: "post", message: "Url is required" },
      { target: "notify", message: "choose a connection" },
      { target: "ghost", message: "choose an app and an action (nope · x is unknown)" },
    ]);
    expect(builderIssues(flow([post("post", { method: "POST", url: "https://x.example.com" })]), catalog)).toEqual([]);
  });

  it("finds references to steps that do not run before", () => {
    const later = post("later", { method: "GET", url: "https://x.example.com" });
    const early = post("early", { method: "POST", url: "https://x.example.com", body: { v: "{{ steps.later.output.id }}", w: "steps.plain is text" } });
    const map: Step = { key: "map", type: "transform", mapping: { fields: { a: "$steps.early.output", b: "steps.map.output" } } };
    expect(referenceIssues(flow([early, later, map]))).toEqual([
      { target: "early", message: 'refers to step "later", which does not run before this one' },
      { target: "map", message: 'refers to step "map", which does not run before this one' },
    ]);
  });

  it("reports schema problems (an empty name, a loop without steps) where they are", () => {
    const loop = { key: "each", type: "loop", items: "x", steps: [], max_iterations: 5 } as unknown as Step;
    const issues = schemaIssues({ ...flow([loop]), name: " " });
    expect(issues.map((i) => i.target).sort()).toEqual(["each", "flow"]);
    expect(issuesByTarget(issues).get("each")).toEqual(["add at least one step inside the loop"]);
    expect(issuesByTarget(issues).get("flow")?.[0]).toMatch(/^name: /);
  });
});
