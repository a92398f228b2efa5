import { z } from "zod";
import { defineAction } from "../../define";
import { emailAddress } from "../../inputs";
import { listParams, listPagination } from "../list-params";

// https://docs.stripe.com/api/customers/list
export const listCustomers = defineAction({
  key: "list_customers",
  name: "List customers",
  description: "List customers, newest first, optionally those with one email address.",
  kind: "read",
  docsUrl: "https://docs.stripe.com/api/customers/list",
  input: z.strictObject({ email: emailAddress("email").optional(), ...listParams }),
  request: ({ limit, ...params }) => ({ method: "GET", path: "/customers", query: { ...params, limit: limit ?? 25 } }),
  pagination: listPagination,
});
