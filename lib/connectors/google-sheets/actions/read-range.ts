import { z } from "zod";
import { defineAction } from "../../define";
import { readPath } from "../../paths";
import { path } from "../../request";
import { sheetRef } from "../sheet-ref";

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/get
export const readRange = defineAction({
  key: "read_range",
  name: "Read range",
  description: "Read the values of a range, row by row.",
  kind: "read",
  docsUrl: "https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/get",
  input: z.strictObject({
    ...sheetRef,
    major_dimension: z.enum(["ROWS", "COLUMNS"], { error: "major_dimension must be ROWS or COLUMNS" }).optional(),
    value_render_option: z
      .enum(["FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"], { error: "value_render_option must be FORMATTED_VALUE, UNFORMATTED_VALUE or FORMULA" })
      .optional(),
  }),
  request: (input) => ({
    method: "GET",
    path: path`/spreadsheets/${input.spreadsheet_id}/values/${input.range}`,
    query: { majorDimension: input.major_dimension, valueRenderOption: input.value_render_option },
  }),
  // Sheets leaves `values` out for an empty range; steps can rely on it being a list.
  output: (json) => ({ ...(typeof json === "object" ? json : {}), values: readPath(json, "values") ?? [] }),
  pagination: { style: "none" },
});
