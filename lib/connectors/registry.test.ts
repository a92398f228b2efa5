import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getAction, getConnector, getTrigger, listConnectors } from "./registry";
import { connectorDefinitionSchema } from "./schema";

const here = import.meta.dirname;
const root = join(here, "..", "..");
const folders = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, "index.ts")))
  .map((entry) => entry.name)
  .sort();

describe("connector registry", () => {
  it("registers every connector folder, under its folder name, once", () => {
    const slugs = listConnectors().map((c) => c.slug);
    expect([...slugs].sort()).toEqual(folders);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("includes the built-in catalog", () => {
    for (const slug of ["slack", "github", "stripe", "gmail", "notion", "airtable", "google-sheets", "shopify", "sendgrid", "discord", "http"]) {
      expect(getConnector(slug), slug).toBeDefined();
    }
  });

  it("answers undefined for unknown connectors, actions and triggers", () => {
    expect(getConnector("nope")).toBeUndefined();
    expect(getAction("slack", "nope")).toBeUndefined();
    expect(getAction("nope", "send_message")).toBeUndefined();
    expect(getTrigger("stripe", "nope")).toBeUndefined();
    expect(getAction("slack", "send_message")?.key).toBe("send_message");
  });

  for (const def of listConnectors()) {
    describe(def.slug, () => {
      it("is a valid definition", () => {
        const result = connectorDefinitionSchema.safeParse(def);
        expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
      });

      it("has an icon in public/connectors", () => {
        const file = join(root, "public", def.icon);
        expect(existsSync(file), file).toBe(true);
        expect(readFileSync(file, "utf8")).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      });

      it("is exported by its folder's index.ts", async () => {
        const mod = (await import(`./${def.slug}/index.ts`)) as Record<string, unknown>;
        expect(Object.values(mod)).toContain(def);
      });

      for (const action of def.actions) {
        it(`${action.key}: input rejects an unknown field`, () => {
          const result = action.input.safeParse({ definitely_not_a_field: 1 });
          expect(result.success).toBe(false);
          const codes = result.success ? [] : result.error.issues.map((i) => i.code);
          expect(codes).toContain("unrecognized_keys");
        });
      }
    });
  }
});
