import { defineTrigger } from "../../define";

// https://docs.slack.dev/authentication/verifying-requests-from-slack — v0 HMAC over
// "v0:{timestamp}:{body}", 5 minute window; the Events API first sends a url_verification.
export const events = defineTrigger({
  key: "events",
  name: "Event received",
  description: "Runs for each Events API event (messages, mentions, reactions…) sent to the flow's webhook URL.",
  docsUrl: "https://docs.slack.dev/apis/events-api/",
  signature: {
    scheme: "slack",
    header: "X-Slack-Signature",
    timestampHeader: "X-Slack-Request-Timestamp",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "v0=",
    toleranceSeconds: 300,
  },
  eventId: { path: "event_id" },
  eventType: { path: "event.type" },
  handshake: { when: { path: "type", equals: "url_verification" }, respondWith: { path: "challenge" } },
  sample: {
    token: "deprecated-verification-token",
    team_id: "T0001",
    api_app_id: "A0001",
    type: "event_callback",
    event_id: "Ev0001",
    event_time: 1767225600,
    event: { type: "message", channel: "C0001", user: "U0001", text: "Order #1042 shipped", ts: "1767225600.000100" },
  },
});
