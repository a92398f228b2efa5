import { z } from "zod";
import { defineAction } from "../../define";
import { emailAddress, flag, jsonObject, optionalText } from "../../inputs";

// https://shopify.dev/docs/api/admin-rest/latest/resources/customer#post-customers
export const createCustomer = defineAction({
  key: "create_customer",
  name: "Create customer",
  description: "Create a customer; Shopify needs at least an email, a phone or a name.",
  kind: "write",
  docsUrl: "https://shopify.dev/docs/api/admin-rest/latest/resources/customer#post-customers",
  input: z
    .strictObject({
      email: emailAddress("email").optional(),
      phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "phone must be in E.164 form, like +15555550123").optional(),
      first_name: optionalText("first_name"),
      last_name: optionalText("last_name"),
      tags: optionalText("tags"),
      note: optionalText("note"),
      verified_email: flag("verified_email"),
      send_email_invite: flag("send_email_invite"),
      addresses: z.array(jsonObject("each address")).optional(),
    })
    .refine((c) => Boolean(c.email || c.phone || c.first_name || c.last_name), {
      message: "give at least an email, a phone or a name",
      path: ["email"],
    }),
  request: (customer) => ({ method: "POST", path: "/customers.json", body: { json: { customer } } }),
  output: (json) => (json && typeof json === "object" && "customer" in json ? json.customer : json),
});
