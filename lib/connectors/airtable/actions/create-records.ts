import { z } from "zod";
import { defineAction } from "../../define";
import { flag, jsonObject } from "../../inputs";
import { path } from "../../request";
import { tableRef } from "../table-ref";

// https://airtable.com/developers/web/api/create-records — at most 10 records a request.
export const createRecords = defineAction({
  key: "create_records",
  name: "Create records",
  description: "Create up to 10 records in a table; typecast converts text to the field types.",
  kind: "write",
  docsUrl: "https://airtable.com/developers/web/api/create-records",
  input: z.strictObject({
    ...tableRef,
    records: z
      .array(z.strictObject({ fields: jsonObject("fields") }), { error: "records must be a list of {\"fields\": {…}}" })
      .min(1, "records must hold at least one record")
      .max(10, "records can hold at most 10 records"),
    typecast: flag("typecast"),
  }),
  request: ({ base_id, table, ...body }) => ({ method: "POST", path: path`/${base_id}/${table}`, body: { json: body } }),
});
