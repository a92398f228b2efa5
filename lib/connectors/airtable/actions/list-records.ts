import { z } from "zod";
import { defineAction } from "../../define";
import { count, optionalText } from "../../inputs";
import { path } from "../../request";
import { tableRef } from "../table-ref";

const sortField = z.strictObject({
  field: z.string({ error: "sort field must be text" }),
  direction: z.enum(["asc", "desc"], { error: "sort direction must be asc or desc" }).optional(),
});

// https://airtable.com/developers/web/api/list-records — up to 100 a page, `offset` to continue.
export const listRecords = defineAction({
  key: "list_records",
  name: "List records",
  description: "List a table's records, optionally from a view or filtered by a formula.",
  kind: "read",
  docsUrl: "https://airtable.com/developers/web/api/list-records",
  input: z.strictObject({
    ...tableRef,
    view: optionalText("view"),
    filter_by_formula: optionalText("filter_by_formula"),
    fields: z.array(z.string({ error: "fields must be field names" })).optional(),
    sort: z.array(sortField).optional(),
    max_records: count("max_records", 100_000).optional(),
    page_size: count("page_size", 100).optional(),
    offset: z.string().optional(),
  }),
  request: (input) => {
    const sort: Record<string, string> = {};
    input.sort?.forEach((s, i) => {
      sort[`sort[${i}][field]`] = s.field;
      if (s.direction) sort[`sort[${i}][direction]`] = s.direction;
    });
    return {
      method: "GET",
      path: path`/${input.base_id}/${input.table}`,
      query: {
        view: input.view,
        filterByFormula: input.filter_by_formula,
        "fields[]": input.fields,
        maxRecords: input.max_records,
        pageSize: input.page_size ?? 100,
        offset: input.offset,
        ...sort,
      },
    };
  },
  pagination: { style: "cursor", cursorParam: "offset", nextCursorPath: "offset", limitParam: "pageSize", itemsPath: "records" },
});
