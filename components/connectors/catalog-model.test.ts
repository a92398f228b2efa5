import { describe, expect, it } from "vitest";
import {
  ALL_CATEGORIES,
  authBadges,
  categoriesOf,
  filterConnectors,
  stateLabel,
  stateOf,
  summarizeConnections,
} from "./catalog-model";

const catalog = [
  { slug: "slack", name: "Slack", description: "Post messages to channels.", category: "Communication" },
  { slug: "stripe", name: "Stripe", description: "Payments, customers and refunds.", category: "Payments" },
  { slug: "github", name: "GitHub", description: "Issues and pull requests.", category: "Developer tools" },
  { slug: "discord", name: "Discord", description: "Send messages to a channel.", category: "Communication" },
];

describe("summarizeConnections", () => {
  it("counts live connections per connector and flags any invalid or expired one", () => {
    const states = summarizeConnections([
      { connector: "slack", status: "active" },
      { connector: "slack", status: "active" },
      { connector: "stripe", status: "active" },
      { connector: "stripe", status: "expired" },
      { connector: "github", status: "invalid" },
    ]);
    expect(stateOf(states, "slack")).toEqual({ kind: "connected", count: 2 });
    expect(stateOf(states, "stripe")).toEqual({ kind: "error", count: 2, failing: 1 });
    expect(stateOf(states, "github")).toEqual({ kind: "error", count: 1, failing: 1 });
    expect(stateOf(states, "discord")).toEqual({ kind: "not_connected" });
  });

  it("ignores revoked connections", () => {
    const states = summarizeConnections([
      { connector: "slack", status: "revoked" },
      { connector: "stripe", status: "revoked" },
      { connector: "stripe", status: "active" },
    ]);
    expect(stateOf(states, "slack")).toEqual({ kind: "not_connected" });
    expect(stateOf(states, "stripe")).toEqual({ kind: "connected", count: 1 });
  });

  it("labels each state as the card shows it", () => {
    expect(stateLabel({ kind: "not_connected" })).toBe("Not connected");
    expect(stateLabel({ kind: "connected", count: 3 })).toBe("Connected (3)");
    expect(stateLabel({ kind: "error", count: 2, failing: 1 })).toBe("Error");
  });
});

describe("filterConnectors", () => {
  const names = (list: { name: string }[]) => list.map((c) => c.name);

  it("returns everything, in order, for an empty query and every category", () => {
    expect(names(filterConnectors(catalog, "", ALL_CATEGORIES))).toEqual(["Slack", "Stripe", "GitHub", "Discord"]);
    expect(names(filterConnectors(catalog, "   ", ALL_CATEGORIES))).toHaveLength(4);
  });

  it("matches name, slug, description and category in any case", () => {
    expect(names(filterConnectors(catalog, "STRI", ALL_CATEGORIES))).toEqual(["Stripe"]);
    expect(names(filterConnectors(catalog, "pull requests", ALL_CATEGORIES))).toEqual(["GitHub"]);
    expect(names(filterConnectors(catalog, "payments", ALL_CATEGORIES))).toEqual(["Stripe"]);
    expect(names(filterConnectors(catalog, "messages", ALL_CATEGORIES))).toEqual(["Slack", "Discord"]);
  });

  it("needs every word to match, anywhere", () => {
    expect(names(filterConnectors(catalog, "channel discord", ALL_CATEGORIES))).toEqual(["Discord"]);
    expect(names(filterConnectors(catalog, "slack refunds", ALL_CATEGORIES))).toEqual([]);
  });

  it("narrows to a category, combined with the query", () => {
    expect(names(filterConnectors(catalog, "", "Communication"))).toEqual(["Slack", "Discord"]);
    expect(names(filterConnectors(catalog, "slack", "Communication"))).toEqual(["Slack"]);
    expect(names(filterConnectors(catalog, "slack", "Payments"))).toEqual([]);
  });
});

describe("categoriesOf / authBadges", () => {
  it("lists each category once, alphabetically", () => {
    expect(categoriesOf(catalog)).toEqual(["Communication", "Developer tools", "Payments"]);
  });

  it("names each auth type once", () => {
    expect(authBadges([{ type: "api_key" }, { type: "oauth2" }])).toEqual(["API key", "OAuth"]);
    expect(authBadges([{ type: "none" }, { type: "api_key" }, { type: "bearer" }, { type: "basic" }])).toEqual([
      "No auth",
      "API key",
      "Token",
      "Basic auth",
    ]);
    expect(authBadges([{ type: "api_key" }, { type: "api_key" }])).toEqual(["API key"]);
  });
});
