import { z } from "zod";
import { defineAction } from "../../define";
import { path } from "../../request";
import { sheetRef } from "../sheet-ref";

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()], { error: "each value must be text, a number, true/false or null" });

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/append
export const appendRow = defineAction({
  key: "append_row",
  name: "Append row",
  description: "Add a row after the last row of the table found in the range.",
  kind: "write",
  docsUrl: "https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/append",
  input: z.strictObject({
    ...sheetRef,
    values: z.array(cell, { error: "values must be a list of cell values" }).min(1, "values must hold at least one cell"),
    value_input_option: z.enum(["USER_ENTERED", "RAW"], { error: "value_input_option must be USER_ENTERED or RAW" }).optional(),
    insert_data_option: z.enum(["INSERT_ROWS", "OVERWRITE"], { error: "insert_data_option must be INSERT_ROWS or OVERWRITE" }).optional(),
  }),
  request: (input) => ({
    method: "POST",
    path: path`/spreadsheets/${input.spreadsheet_id}/values/${input.range}:append`,
    query: {
      valueInputOption: input.value_input_option ?? "USER_ENTERED",
      insertDataOption: input.insert_data_option ?? "INSERT_ROWS",
    },
    body: { json: { majorDimension: "ROWS", values: [input.values] } },
  }),
});
