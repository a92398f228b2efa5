import { describe, expect, it } from "vitest";
import {
  connectionInputFromForm,
  credentialInputName,
  defaultAuthType,
  inputTypeFor,
  isFieldInvalid,
  oauthStartHref,
} from "./connect-form-model";

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("connectionInputFromForm", () => {
  it("nests credentials and leaves empty fields out", () => {
    const input = connectionInputFromForm(
      form([
        ["connector", "http"],
        ["name", "Internal API"],
        ["auth_type", "api_key"],
        [credentialInputName("base_url"), "https://api.example.com"],
        [credentialInputName("header_name"), ""],
        [credentialInputName("api_key"), "k-123"],
      ]),
    );
    expect(input).toEqual({
      connector: "http",
      name: "Internal API",
      auth_type: "api_key",
      credentials: { base_url: "https://api.example.com", api_key: "k-123" },
    });
  });

  it("omits an empty auth type so the service picks the default, and ignores other fields", () => {
    const input = connectionInputFromForm(form([["connector", "stripe"], ["name", "Live"], ["auth_type", ""], ["extra", "x"]]));
    expect(input).toEqual({ connector: "stripe", name: "Live", credentials: {} });
  });

  it("ignores files and a bare prefix", () => {
    const fd = form([["connector", "stripe"], ["credentials.", "x"]]);
    fd.append("credentials.api_key", new Blob(["secret"]));
    expect(connectionInputFromForm(fd)).toEqual({ connector: "stripe", name: "", credentials: {} });
  });
});

describe("form helpers", () => {
  it("maps field kinds to input types", () => {
    expect(inputTypeFor("secret")).toBe("password");
    expect(inputTypeFor("url")).toBe("url");
    expect(inputTypeFor("text")).toBe("text");
  });

  it("starts with the first typed auth type, else OAuth", () => {
    expect(defaultAuthType([{ type: "oauth2" }, { type: "api_key" }, { type: "bearer" }])).toBe("api_key");
    expect(defaultAuthType([{ type: "oauth2" }])).toBe("oauth2");
    expect(defaultAuthType([])).toBeUndefined();
  });

  it("builds the OAuth start link with the name and typed fields, encoded", () => {
    expect(oauthStartHref("gmail", "  Sales inbox ")).toBe("/api/oauth/gmail/start?name=Sales+inbox");
    expect(oauthStartHref("shopify", "Shop & co", { shop: "acme", empty: " ", name: "ignored" })).toBe(
      "/api/oauth/shopify/start?name=Shop+%26+co&shop=acme",
    );
  });

  it("marks the input an error names; a bare `credentials` error marks the secrets", () => {
    expect(isFieldInvalid("credentials.token", "credentials.token", "secret")).toBe(true);
    expect(isFieldInvalid("credentials", "credentials.token", "secret")).toBe(true);
    expect(isFieldInvalid("credentials", "credentials.base_url", "url")).toBe(false);
    expect(isFieldInvalid("name", "credentials.token", "secret")).toBe(false);
    expect(isFieldInvalid(undefined, "name")).toBe(false);
  });
});
