import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { slack } from "./index";

const connection = { authType: "bearer" as const, credentials: { bot_token: "xoxb-123-456-abc" } };

describe("slack", () => {
  it("send_message posts JSON to chat.postMessage with the bot token", () => {
    const request = buildAction(slack, "send_message", { channel: "C0123", text: "Deployed ✅" }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://slack.com/api/chat.postMessage");
    expect(header(request, "Authorization")).toBe("Bearer xoxb-123-456-abc");
    expect(header(request, "Content-Type")).toBe("application/json; charset=utf-8");
    expect(jsonBody(request)).toEqual({ channel: "C0123", text: "Deployed ✅" });
  });

  it("send_message needs text or blocks and a valid thread timestamp", () => {
    expect(() => buildAction(slack, "send_message", { channel: "C0123" }, { connection })).toThrow("input.text: text or blocks is required");
    expect(() => buildAction(slack, "send_message", { channel: "C1", text: "x", thread_ts: "yesterday" }, { connection })).toThrow(/thread_ts/);
  });

  it("list_channels pages with a cursor", () => {
    const request = buildAction(slack, "list_channels", { types: ["public_channel", "private_channel"], limit: "100", cursor: "dXNlcjpVMDYx" }, { connection });
    expect(request.method).toBe("GET");
    expect(request.url).toBe(
      "https://slack.com/api/conversations.list?types=public_channel%2Cprivate_channel&exclude_archived=true&limit=100&cursor=dXNlcjpVMDYx",
    );
    expect(request.body).toBeUndefined();
  });

  it("uses an OAuth access token the same way", () => {
    const request = buildAction(slack, "list_channels", {}, { connection: { authType: "oauth2", credentials: { access_token: "xoxb-oauth" } } });
    expect(header(request, "Authorization")).toBe("Bearer xoxb-oauth");
  });

  it("declares the Events API signature and handshake", () => {
    const events = slack.triggers[0];
    expect(events.signature).toMatchObject({ scheme: "slack", header: "X-Slack-Signature", timestampHeader: "X-Slack-Request-Timestamp", prefix: "v0=" });
    expect(events.eventId).toEqual({ path: "event_id" });
    expect(events.handshake).toEqual({ when: { path: "type", equals: "url_verification" }, respondWith: { path: "challenge" } });
  });
});
