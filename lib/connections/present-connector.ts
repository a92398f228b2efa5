import { z } from "zod";
import type { ConnectorDefinition } from "@/lib/connectors/types";
import { isConfiguredByEnvironment, oauthClientFromEnv } from "./environment";
import type { ResolvedConnector } from "./resolve-connector";

export const connectorSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    category: z.string(),
    description: z.string(),
    icon: z.string(),
    docs_url: z.string(),
    custom: z.boolean(),
    configured_by_environment: z.boolean(),
    auth: z.array(
      z.object({
        type: z.string(),
        label: z.string(),
        fields: z.array(
          z.object({
            key: z.string(),
            label: z.string(),
            kind: z.enum(["text", "secret", "url"]),
            required: z.boolean(),
            placeholder: z.string().optional(),
            help: z.string().optional(),
            default: z.string().optional(),
          }),
        ),
      }),
    ),
    oauth: z.object({ available: z.boolean(), reason: z.string().optional() }).nullable(),
    actions: z.array(z.object({ key: z.string(), name: z.string(), description: z.string(), kind: z.enum(["read", "write"]) })),
    triggers: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })),
  })
  .meta({ id: "Connector" });

export type ConnectorResponse = z.infer<typeof connectorSchema>;

function oauthState(def: ConnectorDefinition, custom: boolean): ConnectorResponse["oauth"] {
  if (!def.oauth2) return null;
  if (custom) return { available: true };
  if (oauthClientFromEnv(def)) return { available: true };
  return {
    available: false,
    reason: `Set ${def.oauth2.clientIdEnv} and ${def.oauth2.clientSecretEnv} to connect ${def.name} with OAuth.`,
  };
}

export function presentConnector({ def, custom }: ResolvedConnector): ConnectorResponse {
  return {
    slug: def.slug,
    name: def.name,
    category: def.category,
    description: def.description,
    icon: def.icon,
    docs_url: def.docsUrl,
    custom: Boolean(custom),
    configured_by_environment: isConfiguredByEnvironment(def),
    auth: def.auth.map((a) => ({
      type: a.type,
      label: a.label ?? a.type,
      // What a person types; OAuth token fields are filled by the flow and never listed.
      fields: a.fields.map((f) => ({
        key: f.key,
        label: f.label,
        kind: f.kind,
        required: f.required,
        ...(f.placeholder ? { placeholder: f.placeholder } : {}),
        ...(f.help ? { help: f.help } : {}),
        ...(f.default ? { default: f.default } : {}),
      })),
    })),
    oauth: oauthState(def, Boolean(custom)),
    actions: def.actions.map((a) => ({ key: a.key, name: a.name, description: a.description, kind: a.kind })),
    triggers: def.triggers.map((t) => ({ key: t.key, name: t.name, description: t.description })),
  };
}
