import { describe, expect, it } from "vitest";
import { channelCreateSchema } from "@/lib/alerts/channels";
import { channelInputFromForm } from "./channel-form-model";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("channelInputFromForm", () => {
  it("keeps only the chosen kind's fields, trimmed", () => {
    const input = channelInputFromForm(
      form({ kind: "slack", name: " Ops ", webhook_url: " https://hooks.slack.com/services/T/B/x ", sendgrid_api_key: "SG.a.b" }),
    );
    expect(input).toEqual({ kind: "slack", name: "Ops", webhook_url: "https://hooks.slack.com/services/T/B/x" });
    expect(channelCreateSchema.safeParse(input).success).toBe(true);
  });

  it("splits the email recipients into a list the schema accepts", () => {
    const input = channelInputFromForm(
      form({ kind: "email", name: "Mail", sendgrid_api_key: "SG.abc.def", from: "a@example.com", to: "b@example.com, c@example.com;d@example.com" }),
    );
    expect(input.to).toEqual(["b@example.com", "c@example.com", "d@example.com"]);
    expect(channelCreateSchema.safeParse(input).success).toBe(true);
  });

  it("leaves an unknown kind for the schema to refuse", () => {
    const input = channelInputFromForm(form({ kind: "pager", name: "x", url: "https://example.com" }));
    expect(input).toEqual({ kind: "pager", name: "x" });
    expect(channelCreateSchema.safeParse(input).success).toBe(false);
  });

  it("a Discord URL under the Slack kind is refused by the schema", () => {
    const input = channelInputFromForm(form({ kind: "slack", name: "x", webhook_url: "https://discord.com/api/webhooks/1/abc" }));
    expect(channelCreateSchema.safeParse(input).success).toBe(false);
  });
});
