import { z } from "zod";
import { defineAction } from "../../define";
import { listParams, listPagination } from "../list-params";

// https://docs.stripe.com/api/charges/list
export const listCharges = defineAction({
  key: "list_charges",
  name: "List charges",
  description: "List charges, newest first, optionally for one customer or since a time.",
  kind: "read",
  docsUrl: "https://docs.stripe.com/api/charges/list",
  input: z.strictObject({
    customer: z.string().regex(/^cus_[A-Za-z0-9]+$/, "customer must be a customer id (cus_…)").optional(),
    created_gte: z.coerce.number({ error: "created_gte must be a Unix timestamp" }).int().nonnegative().optional(),
    ...listParams,
  }),
  request: ({ created_gte, limit, ...params }) => ({
    method: "GET",
    path: "/charges",
    query: { ...params, limit: limit ?? 25, "created[gte]": created_gte },
  }),
  pagination: listPagination,
});
