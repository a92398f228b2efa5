import { z } from "zod";
import { defineAction } from "../../define";
import { emailAddress, optionalText, textMap } from "../../inputs";

// https://docs.stripe.com/api/customers/create — form-encoded; metadata as metadata[key]=value.
// https://docs.stripe.com/api/idempotent_requests
export const createCustomer = defineAction({
  key: "create_customer",
  name: "Create customer",
  description: "Create a customer. Retries reuse the step's idempotency key, so one customer is created.",
  kind: "write",
  docsUrl: "https://docs.stripe.com/api/customers/create",
  input: z.strictObject({
    email: emailAddress("email").optional(),
    name: optionalText("name"),
    phone: optionalText("phone"),
    description: optionalText("description"),
    metadata: textMap("metadata")
      .refine((m) => Object.keys(m).length <= 50, "metadata can hold at most 50 keys")
      .refine((m) => Object.keys(m).every((k) => k.length <= 40 && !/[[\]]/.test(k)), "metadata keys must be at most 40 characters, without brackets")
      .optional(),
  }),
  request: (input) => ({ method: "POST", path: "/customers", body: { form: input } }),
  idempotencyHeader: "Idempotency-Key",
});
