import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { discord } from "./index";

const token = "MTE2NzA0NTk3NjQ3NjQ4NzY4MA.GxYz12.abcdefghijklmnopqrstuvwxyz0123456789AB";
const connection = { authType: "api_key" as const, credentials: { bot_token: token } };

describe("discord", () => {
  it("send_message posts to the channel with the Bot prefix", () => {
    const request = buildAction(discord, "send_message", { channel_id: "1167045976476487680", content: "Order shipped" }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://discord.com/api/v10/channels/1167045976476487680/messages");
    expect(header(request, "Authorization")).toBe(`Bot ${token}`);
    expect(header(request, "User-Agent")).toMatch(/^DiscordBot \(https:\/\/.+, [\d.]+\)$/);
    expect(jsonBody(request)).toEqual({ content: "Order shipped" });
  });

  it("execute_webhook posts to the webhook URL without any bot credentials", () => {
    const url = "https://discordapp.com/api/webhooks/1167045976476487680/AbCdEf-123_ghIJKLmnopQRstuVWxyz";
    const request = buildAction(discord, "execute_webhook", { webhook_url: url, content: "Hi", username: "Junction" }, { connection });
    expect(request.url).toBe("https://discord.com/api/v10/webhooks/1167045976476487680/AbCdEf-123_ghIJKLmnopQRstuVWxyz?wait=true");
    expect(header(request, "Authorization")).toBeUndefined();
    expect(request.auth).toBeUndefined();
    expect(jsonBody(request)).toEqual({ content: "Hi", username: "Junction" });
  });

  it("execute_webhook only accepts Discord webhook URLs", () => {
    for (const webhook_url of ["https://evil.example/api/webhooks/1167045976476487680/abcdefghijklmnopqrstu", "https://discord.com/api/users/@me"]) {
      expect(() => buildAction(discord, "execute_webhook", { webhook_url, content: "x" })).toThrow(/webhook_url/);
    }
  });
});
