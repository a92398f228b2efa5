import { defineConnector } from "../define";
import { googleApi } from "../google";
import { listMessages } from "./actions/list-messages";
import { sendEmail } from "./actions/send-email";

// No webhook trigger: Gmail pushes changes through Cloud Pub/Sub, not a signed webhook.
export const gmail = defineConnector({
  slug: "gmail",
  name: "Gmail",
  category: "Email",
  description: "Send email from a Gmail or Google Workspace mailbox and list its messages.",
  icon: "/connectors/gmail.svg",
  docsUrl: "https://developers.google.com/workspace/gmail/api/reference/rest",
  ...googleApi(["https://www.googleapis.com/auth/gmail.send", "https://www.googleapis.com/auth/gmail.readonly"]),
  hosts: ["gmail.googleapis.com"],
  baseUrl: "https://gmail.googleapis.com/gmail/v1",
  // https://developers.google.com/workspace/gmail/api/reference/rest/v1/users/getProfile
  validate: { path: "/users/me/profile", accountLabel: ["emailAddress"] },
  // https://developers.google.com/workspace/gmail/api/reference/quota — 250 units/user/s; a send costs 100.
  rateLimit: { requests: 2, perSeconds: 1 },
  actions: [sendEmail, listMessages],
  triggers: [],
});
