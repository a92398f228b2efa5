import { describe, expect, it } from "vitest";
import { compileMapping } from "@/lib/engine/expressions";
import { bareExpression, destinationFor, mappingToRows, newTransform, rowsToMapping, transformLabel } from "./mapping-model";

describe("mapping model", () => {
  it("round-trips stored mappings through rows", () => {
    const stored = {
      fields: {
        id: "trigger.body.id",
        email: { from: "trigger.body.email", transforms: [{ type: "trim" as const }, { type: "lowercase" as const }], required: true },
      },
    };
    const rows = mappingToRows(stored);
    expect(rows).toEqual([
      { destination: "id", from: "trigger.body.id", transforms: [], required: false },
      { destination: "email", from: "trigger.body.email", transforms: [{ type: "trim" }, { type: "lowercase" }], required: true },
    ]);
    expect(rowsToMapping(rows)).toEqual(stored);
  });

  it("drops rows without a destination and strips a whole {{ }} for display", () => {
    expect(rowsToMapping([{ destination: "  ", from: "a", transforms: [], required: false }])).toEqual({ fields: {} });
    expect(mappingToRows({ fields: { a: "{{ trigger.body.a }}" } })[0].from).toBe("trigger.body.a");
    expect(bareExpression("x & y")).toBe("x & y");
  });

  it("makes mappings the engine applies, rules in order", async () => {
    const mapping = rowsToMapping([
      { destination: "email", from: "trigger.body.email", transforms: [newTransform("trim"), newTransform("lowercase")], required: true },
      { destination: "total", from: "trigger.body.total", transforms: [newTransform("number"), newTransform("default", "0")], required: false },
    ]);
    const out = await compileMapping(mapping).apply({ trigger: { body: { email: "  Ada@Example.COM ", total: "12.5" } } });
    expect(out).toEqual({ email: "ada@example.com", total: 12.5 });
  });

  it("names rules and suggests destination names", () => {
    expect(transformLabel(newTransform("default", "n/a"))).toBe('Default: "n/a"');
    expect(transformLabel(newTransform("uppercase"))).toBe("Uppercase");
    expect(destinationFor("trigger.body.user.email", [])).toBe("email");
    expect(destinationFor("trigger.body.user.email", ["email"])).toBe("email_2");
    expect(destinationFor("trigger.body.items[0]", [])).toBe("items0");
  });
});
