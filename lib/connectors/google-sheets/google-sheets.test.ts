import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { googleSheets } from "./index";

const connection = { authType: "oauth2" as const, credentials: { access_token: "ya29.token" } };
const id = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

describe("google-sheets", () => {
  it("append_row calls values.append with USER_ENTERED", () => {
    const request = buildAction(googleSheets, "append_row", { spreadsheet_id: id, range: "Orders!A:D", values: ["A-1001", 42.5, true, null] }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`https://sheets.googleapis.com/v4/spreadsheets/${id}/values/Orders!A%3AD:append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS`);
    expect(header(request, "Authorization")).toBe("Bearer ya29.token");
    expect(jsonBody(request)).toEqual({ majorDimension: "ROWS", values: [["A-1001", 42.5, true, null]] });
  });

  it("append_row encodes sheet names with spaces and quotes", () => {
    const request = buildAction(googleSheets, "append_row", { spreadsheet_id: id, range: "'Q3 sales'!A1", values: ["x"], value_input_option: "RAW" }, { connection });
    expect(request.url).toContain("/values/'Q3%20sales'!A1:append?valueInputOption=RAW");
  });

  it("read_range gets the range", () => {
    const request = buildAction(googleSheets, "read_range", { spreadsheet_id: id, range: "Sheet1!A1:C10", value_render_option: "UNFORMATTED_VALUE" }, { connection });
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`https://sheets.googleapis.com/v4/spreadsheets/${id}/values/Sheet1!A1%3AC10?valueRenderOption=UNFORMATTED_VALUE`);
    const action = googleSheets.actions.find((a) => a.key === "read_range")!;
    expect(action.output?.({ range: "Sheet1!A1:C10" })).toEqual({ range: "Sheet1!A1:C10", values: [] });
  });

  it("refuses a spreadsheet id that is not one", () => {
    expect(() => buildAction(googleSheets, "read_range", { spreadsheet_id: "../../drive", range: "A1" }, { connection })).toThrow(/spreadsheet_id/);
  });
});
