import { z } from "zod";
import { count } from "../inputs";
import type { PaginationSpec } from "../types";

// Stripe's list endpoints share their paging: limit plus starting_after = the last object's id.
// https://docs.stripe.com/api/pagination
export const listParams = {
  limit: count("limit", 100).optional(),
  starting_after: z.string().regex(/^[a-z]+_[A-Za-z0-9]+$/, "starting_after must be a Stripe object id").optional(),
  ending_before: z.string().regex(/^[a-z]+_[A-Za-z0-9]+$/, "ending_before must be a Stripe object id").optional(),
};

export const listPagination: PaginationSpec = {
  style: "cursor",
  cursorParam: "starting_after",
  nextCursorPath: "data.-1.id",
  hasMorePath: "has_more",
  limitParam: "limit",
  itemsPath: "data",
};
