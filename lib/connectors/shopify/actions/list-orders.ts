import { z } from "zod";
import { defineAction } from "../../define";
import { count } from "../../inputs";

// https://shopify.dev/docs/api/admin-rest/latest/resources/order#get-orders — cursor pages through
// the Link header (page_info); the next link already carries the filters.
export const listOrders = defineAction({
  key: "list_orders",
  name: "List orders",
  description: "List the shop's orders, newest first, optionally since an order id or a date.",
  kind: "read",
  docsUrl: "https://shopify.dev/docs/api/admin-rest/latest/resources/order#get-orders",
  input: z.strictObject({
    status: z.enum(["open", "closed", "cancelled", "any"], { error: "status must be open, closed, cancelled or any" }).optional(),
    financial_status: z
      .enum(["authorized", "pending", "paid", "partially_paid", "refunded", "voided", "partially_refunded", "unpaid", "any"], {
        error: "financial_status is not a Shopify financial status",
      })
      .optional(),
    since_id: z.coerce.number({ error: "since_id must be an order id" }).int().positive().optional(),
    created_at_min: z.iso.datetime({ offset: true, error: "created_at_min must be an ISO 8601 timestamp" }).optional(),
    limit: count("limit", 250).optional(),
  }),
  request: (input) => ({ method: "GET", path: "/orders.json", query: { ...input, status: input.status ?? "any", limit: input.limit ?? 50 } }),
  pagination: { style: "link-header", limitParam: "limit", itemsPath: "orders" },
});
