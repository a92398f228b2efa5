import { describe, expect, it } from "vitest";
import { getConnector } from "./registry";
import { connectorDefinitionSchema } from "./schema";
import type { ConnectorDefinition } from "./types";

const slack = getConnector("slack")!;

function issues(def: ConnectorDefinition): string[] {
  const result = connectorDefinitionSchema.safeParse(def);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("connectorDefinitionSchema", () => {
  it("catches the mistakes a new connector is likely to make", () => {
    expect(issues({ ...slack, icon: "/connectors/other.svg" })).toEqual(["icon: icon must be /connectors/slack.svg"]);
    expect(issues({ ...slack, hosts: ["api.slack.com"] })).toEqual(["baseUrl: baseUrl host slack.com is not among hosts"]);
    expect(issues({ ...slack, oauth2: undefined })).toEqual(["oauth2: oauth2 settings go with an oauth2 auth type, and only then"]);
    expect(issues({ ...slack, actions: [...slack.actions, slack.actions[0]] })).toEqual(['actions: action "send_message" is declared twice']);
    expect(issues({ ...slack, envCredentials: { authType: "bearer", variables: { token: "SLACK_BOT_TOKEN" } } })).toEqual([
      'envCredentials.variables: "token" is not a field of that auth',
      'envCredentials: required field "bot_token" has no variable',
    ]);
  });

  it("checks that injection templates name real fields", () => {
    const auth = [{ ...slack.auth[0], inject: { in: "header" as const, name: "Authorization", value: "Bearer {token}" } }, slack.auth[1]];
    expect(issues({ ...slack, auth })).toEqual(["auth.0.inject: inject uses {token}, which is not a field"]);
  });

  it("requires read actions to declare pagination", () => {
    const list = slack.actions.find((a) => a.key === "list_channels")!;
    expect(issues({ ...slack, actions: [{ ...list, pagination: undefined }] })).toEqual([
      "actions.0.pagination: read actions declare their pagination (or none)",
    ]);
  });
});
