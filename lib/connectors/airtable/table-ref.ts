import { matching, requiredText } from "../inputs";

// A base id (app…) and a table id (tbl…) or name.
export const tableRef = {
  base_id: matching("base_id", /^app[A-Za-z0-9]{14}$/, "must be a base id like appXXXXXXXXXXXXXX"),
  table: requiredText("table").max(255, "table is too long"),
};
