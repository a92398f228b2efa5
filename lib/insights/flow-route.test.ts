import { describe, expect, it } from "vitest";
import { flowRoute, type RouteStep } from "./flow-route";

const step = (position: number, kind: string, connector: string | null, arm: string | null = null): RouteStep => ({ position, kind, connector, arm });

describe("flowRoute", () => {
  it("a webhook signed by Stripe posting to Slack and Notion reads stripe → slack, notion", () => {
    const route = flowRoute({ type: "webhook", signature: { scheme: "stripe" } }, [
      step(2, "action", "notion"),
      step(0, "transform", null),
      step(1, "action", "slack"),
      step(3, "action", "slack"),
    ]);
    expect(route).toEqual({ source: { kind: "connector", slug: "stripe" }, destinations: ["slack", "notion"] });
  });

  it("an unsigned or generically signed webhook is the webhook itself", () => {
    expect(flowRoute({ type: "webhook" }, [step(0, "action", "http")]).source).toEqual({ kind: "trigger", type: "webhook" });
    expect(flowRoute({ type: "webhook", signature: { scheme: "generic-hmac" } }, []).source).toEqual({ kind: "trigger", type: "webhook" });
  });

  it("a sync reads from its source connector and writes to its destination", () => {
    const route = flowRoute({ type: "schedule", cron: "0 * * * *" }, [
      step(0, "sync", "airtable"),
      step(1, "sync", "google-sheets", "destination"),
    ]);
    expect(route).toEqual({ source: { kind: "connector", slug: "airtable" }, destinations: ["google-sheets"] });
  });

  it("schedules and manual triggers without connectors name the trigger; nothing is written without actions", () => {
    expect(flowRoute({ type: "schedule" }, [step(0, "filter", null)])).toEqual({ source: { kind: "trigger", type: "schedule" }, destinations: [] });
    expect(flowRoute({ type: "manual" }, []).source).toEqual({ kind: "trigger", type: "manual" });
    expect(flowRoute(null, []).source).toEqual({ kind: "trigger", type: "manual" });
  });
});
