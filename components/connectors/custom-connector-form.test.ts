import { describe, expect, it } from "vitest";
import { customConnectorSchema } from "@/lib/connections/custom-connector";
import { customConnectorInputFromForm, splitScopes } from "./custom-connector-form";

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

describe("customConnectorInputFromForm", () => {
  it("reads a bearer connector that the schema accepts", () => {
    const input = customConnectorInputFromForm(
      form({ name: " E2E API ", description: "", base_url: "http://127.0.0.1:4000", auth_type: "bearer", validate_path: "/me" }),
    );
    expect(input).toEqual({ name: "E2E API", base_url: "http://127.0.0.1:4000", auth_type: "bearer", validate_path: "/me" });
    expect(customConnectorSchema.safeParse(input).success).toBe(true);
  });

  it("keeps the header name only for API key auth", () => {
    const fields = { name: "A", base_url: "https://a.example.com", header_name: "X-Token" };
    expect(customConnectorInputFromForm(form({ ...fields, auth_type: "api_key" }))).toMatchObject({ header_name: "X-Token" });
    expect(customConnectorInputFromForm(form({ ...fields, auth_type: "bearer" }))).not.toHaveProperty("header_name");
  });

  it("nests the OAuth app, splits scopes and keeps the client secret as typed", () => {
    const input = customConnectorInputFromForm(
      form({
        name: "Acme",
        base_url: "https://api.acme.test",
        auth_type: "oauth2",
        "oauth2.authorize_url": "https://acme.test/authorize",
        "oauth2.token_url": "https://acme.test/token",
        "oauth2.scopes": "read, write  admin",
        "oauth2.client_id": " abc ",
        "oauth2.client_secret": " s3cret ",
      }),
    );
    expect(input.oauth2).toEqual({
      authorize_url: "https://acme.test/authorize",
      token_url: "https://acme.test/token",
      scopes: ["read", "write", "admin"],
      client_id: "abc",
      client_secret: " s3cret ",
    });
    expect(customConnectorSchema.safeParse(input).success).toBe(true);
  });

  it("drops OAuth fields for other auth types, and leaves empty ones out so the schema names them", () => {
    expect(customConnectorInputFromForm(form({ auth_type: "none", "oauth2.client_id": "x" }))).toEqual({ auth_type: "none" });
    const input = customConnectorInputFromForm(form({ name: "B", base_url: "https://b.test", auth_type: "oauth2" }));
    expect(input.oauth2).toEqual({});
    const result = customConnectorSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["oauth2", "authorize_url"]);
  });

  it("splits scopes on spaces and commas", () => {
    expect(splitScopes(" a,b  c,,d ")).toEqual(["a", "b", "c", "d"]);
    expect(splitScopes("")).toEqual([]);
  });
});
