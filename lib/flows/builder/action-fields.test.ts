import { describe, expect, it } from "vitest";
import { getConnector } from "@/lib/connectors/registry";
import { describeConnector } from "./builder-catalog";
import { actionFieldsFromSchema, missingRequired } from "./action-fields";

describe("action fields", () => {
  it("turns the HTTP request action's input into a form", () => {
    const http = describeConnector(getConnector("http")!);
    const request = http.actions.find((a) => a.key === "request")!;
    expect(request.connection).toBe("optional");
    const byKey = Object.fromEntries(request.fields.map((f) => [f.key, f]));
    expect(byKey.method).toMatchObject({ control: "select", required: true, options: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] });
    expect(byKey.url).toMatchObject({ control: "text", required: true, label: "Url" });
    expect(byKey.body).toMatchObject({ control: "json", required: false });
    expect(byKey.headers.control).toBe("json");
  });

  it("picks controls for numbers, booleans and unions of strings", () => {
    const fields = actionFieldsFromSchema({
      type: "object",
      properties: { n: { type: "integer" }, b: { type: "boolean" }, s: { anyOf: [{ type: "string" }, { type: "string" }] }, o: { type: ["string", "null"] } },
      required: ["n"],
    });
    expect(fields.map((f) => [f.key, f.control, f.required])).toEqual([
      ["n", "number", true],
      ["b", "boolean", false],
      ["s", "text", false],
      ["o", "text", false],
    ]);
    expect(actionFieldsFromSchema({ type: "string" })).toEqual([]);
  });

  it("finds required fields left empty", () => {
    const fields = actionFieldsFromSchema({ type: "object", properties: { url: { type: "string" }, note: { type: "string" } }, required: ["url"] });
    expect(missingRequired(fields, { url: "  " }).map((f) => f.key)).toEqual(["url"]);
    expect(missingRequired(fields, {})).toHaveLength(1);
    expect(missingRequired(fields, { url: "{{ trigger.body.url }}" })).toEqual([]);
  });
});
