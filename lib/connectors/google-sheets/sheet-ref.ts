import { matching, requiredText } from "../inputs";

// A spreadsheet id (from its URL) and an A1-notation range such as Sheet1!A1:D or 'Q3 sales'!A:C.
export const sheetRef = {
  spreadsheet_id: matching("spreadsheet_id", /^[A-Za-z0-9_-]{20,}$/, "must be the id from the spreadsheet's URL"),
  range: requiredText("range").max(500, "range is too long"),
};
