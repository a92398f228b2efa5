import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { airtable } from "./index";

const connection = { authType: "api_key" as const, credentials: { api_key: "patAbc123.def456" } };
const base = "appAbCdEfGhIjKlMn";

describe("airtable", () => {
  it("list_records reads a table with view, formula, fields and sort", () => {
    const request = buildAction(
      airtable,
      "list_records",
      { base_id: base, table: "Orders 2026", view: "Open", filter_by_formula: "{Paid}=1", fields: ["Name", "Total"], sort: [{ field: "Total", direction: "desc" }] },
      { connection },
    );
    expect(request.method).toBe("GET");
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(`https://api.airtable.com/v0/${base}/Orders%202026`);
    expect([...url.searchParams]).toEqual([
      ["view", "Open"],
      ["filterByFormula", "{Paid}=1"],
      ["fields[]", "Name"],
      ["fields[]", "Total"],
      ["pageSize", "100"],
      ["sort[0][field]", "Total"],
      ["sort[0][direction]", "desc"],
    ]);
    expect(header(request, "Authorization")).toBe("Bearer patAbc123.def456");
  });

  it("create_records posts up to ten records", () => {
    const records = [{ fields: { Name: "Ada" } }, { fields: { Name: "Bob" } }];
    const request = buildAction(airtable, "create_records", { base_id: base, table: "tblXyz", records, typecast: true }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`https://api.airtable.com/v0/${base}/tblXyz`);
    expect(jsonBody(request)).toEqual({ records, typecast: true });
    const eleven = Array.from({ length: 11 }, () => ({ fields: {} }));
    expect(() => buildAction(airtable, "create_records", { base_id: base, table: "t", records: eleven }, { connection })).toThrow(/at most 10/);
  });

  it("declares the webhook MAC with a base64 secret", () => {
    expect(airtable.triggers[0].signature).toMatchObject({ scheme: "generic-hmac", header: "X-Airtable-Content-MAC", prefix: "hmac-sha256=", secretEncoding: "base64" });
  });
});
