import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { SecretAad } from "./associated-data";
import { DecryptionError } from "./errors";
import { generateKeyEntry, parseKeyRing } from "./key-ring";
import { decryptJson, decryptSecret, encryptSecret, needsRotation, reencrypt } from "./seal";

const aad: SecretAad = { table: "connections", rowId: "conn_1", workspaceId: "ws_1" };
const oldEntry = generateKeyEntry("old");
const newEntry = generateKeyEntry("new");
const ring = parseKeyRing(oldEntry);
const rotated = parseKeyRing(`${newEntry},${oldEntry}`);

function decryptError(fn: () => unknown): DecryptionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptionError);
    return error as DecryptionError;
  }
  throw new Error("expected a DecryptionError, got a result");
}

function flipByte(ciphertext: string, part: 2 | 3, index: number): string {
  const parts = ciphertext.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[index] ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips strings, including empty and non-ASCII ones", () => {
    for (const secret of ["sk_live_123", "", "pässwörd 🔑 \u{FEFF}", "x".repeat(10_000)]) {
      expect(decryptSecret(ring, encryptSecret(ring, secret, aad), aad)).toBe(secret);
    }
  });

  it("writes the documented format and never contains the plaintext", () => {
    const ciphertext = encryptSecret(ring, "sk_live_123", aad);
    expect(ciphertext).toMatch(/^jv1\.old\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(Buffer.from(ciphertext.split(".")[3], "base64url")).toHaveLength("sk_live_123".length + 16);
    expect(ciphertext).not.toContain("sk_live");
  });

  it("uses a fresh IV every time", () => {
    const ivs = new Set(Array.from({ length: 200 }, () => encryptSecret(ring, "same", aad).split(".")[2]));
    expect(ivs.size).toBe(200);
  });

  it("detects a flipped bit in every byte of the IV, ciphertext and tag", () => {
    const ciphertext = encryptSecret(ring, "sk_live_123", aad);
    for (let i = 0; i < 12; i++) {
      expect(decryptError(() => decryptSecret(ring, flipByte(ciphertext, 2, i), aad)).reason).toBe("authentication-failed");
    }
    const sealedLength = Buffer.from(ciphertext.split(".")[3], "base64url").length;
    for (let i = 0; i < sealedLength; i++) {
      expect(decryptError(() => decryptSecret(ring, flipByte(ciphertext, 3, i), aad)).reason).toBe("authentication-failed");
    }
  });

  it("rejects a change to any character of the text", () => {
    const ciphertext = encryptSecret(ring, "sk_live_123", aad);
    for (let i = 0; i < ciphertext.length; i++) {
      const replacement = ciphertext[i] === "A" ? "B" : "A";
      const tampered = ciphertext.slice(0, i) + replacement + ciphertext.slice(i + 1);
      decryptError(() => decryptSecret(ring, tampered, aad));
    }
  });

  it("rejects a truncated or extended ciphertext", () => {
    const ciphertext = encryptSecret(ring, "sk_live_123", aad);
    decryptError(() => decryptSecret(ring, ciphertext.slice(0, -1), aad));
    decryptError(() => decryptSecret(ring, ciphertext.slice(0, -4), aad));
    decryptError(() => decryptSecret(ring, `${ciphertext}AAAA`, aad));
  });

  it.each([
    ["table", { ...aad, table: "webhook_endpoints" }],
    ["row id", { ...aad, rowId: "conn_2" }],
    ["workspace", { ...aad, workspaceId: "ws_2" }],
  ])("fails when the %s differs", (_, other) => {
    const error = decryptError(() => decryptSecret(ring, encryptSecret(ring, "sk_live_123", aad), other));
    expect(error.reason).toBe("authentication-failed");
    expect(error.message).toContain("another table, row or workspace");
    expect(error.message).not.toContain("sk_live");
  });

  it("does not let fields slide into each other", () => {
    const a = { table: "t", rowId: "a.b", workspaceId: "c" };
    const b = { table: "t", rowId: "a", workspaceId: "b.c" };
    decryptError(() => decryptSecret(ring, encryptSecret(ring, "s", a), b));
  });

  it("names an unknown key id", () => {
    const other = parseKeyRing(generateKeyEntry("elsewhere"));
    const error = decryptError(() => decryptSecret(ring, encryptSecret(other, "sk_live_123", aad), aad));
    expect(error.reason).toBe("unknown-key");
    expect(error.keyId).toBe("elsewhere");
    expect(error.message).toContain('key id "elsewhere"');
  });

  it("fails authentication under a different key relabelled with a known id", () => {
    const impostor = parseKeyRing(generateKeyEntry("old"));
    const error = decryptError(() => decryptSecret(ring, encryptSecret(impostor, "x", aad), aad));
    expect(error.reason).toBe("authentication-failed");
  });

  it.each([
    ["", "not start"],
    ["sk_live_123", "not start"],
    ["jv2.old.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "not start"],
    ["jv1.old.AAAAAAAAAAAAAAAA", "4 dot-separated parts"],
    ["jv1.Old.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "key id"],
    ["jv1.old.AAAA.AAAAAAAAAAAAAAAAAAAAAA", "IV"],
    ["jv1.old.AAAAAAAAAAAAAAAA.AAAA", "too short"],
    ["jv1.old.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA==", "sealed part"],
  ])("calls %j malformed", (text, detail) => {
    const error = decryptError(() => decryptSecret(ring, text, aad));
    expect(error.reason).toBe("malformed");
    expect(error.message).toContain(detail);
  });

  it("calls a non-string malformed", () => {
    expect(decryptError(() => decryptSecret(ring, null as unknown as string, aad)).reason).toBe("malformed");
  });

  it("refuses empty associated data and unserializable plaintext", () => {
    expect(() => encryptSecret(ring, "s", { ...aad, rowId: "" })).toThrow(/aad.rowId/);
    expect(() => decryptSecret(ring, "jv1.x.y.z", { ...aad, workspaceId: "" })).toThrow(/aad.workspaceId/);
    expect(() => encryptSecret(ring, { n: 1n }, aad)).toThrow(TypeError);
    expect(() => encryptSecret(ring, "\uD800", aad)).toThrow(/well-formed/);
  });
});

describe("decryptJson", () => {
  const credentials = { api_key: "sk_live_123", scopes: ["read"] };

  it("round-trips objects", () => {
    expect(decryptJson(ring, encryptSecret(ring, credentials, aad), aad)).toEqual(credentials);
  });

  it("validates against a schema without echoing values", () => {
    const schema = z.object({ api_key: z.string(), scopes: z.array(z.string()) });
    expect(decryptJson(ring, encryptSecret(ring, credentials, aad), aad, schema)).toEqual(credentials);
    const wrong = encryptSecret(ring, { api_key: 42, scopes: ["sk_live_secret"] }, aad);
    const error = decryptError(() => decryptJson(ring, wrong, aad, z.object({ api_key: z.string(), scopes: z.number() })));
    expect(error.reason).toBe("invalid-json");
    expect(error.message).toContain("api_key, scopes");
    expect(error.message).not.toContain("sk_live_secret");
  });

  it("reports non-JSON without quoting it", () => {
    const error = decryptError(() => decryptJson(ring, encryptSecret(ring, "sk_live_not_json", aad), aad));
    expect(error.reason).toBe("invalid-json");
    expect(error.message).not.toContain("sk_live");
    expect(error.cause).toBeUndefined();
  });
});

describe("rotation", () => {
  it("opens secrets sealed under an older key and seals new ones under the active key", () => {
    const before = encryptSecret(ring, "sk_live_123", aad);
    expect(decryptSecret(rotated, before, aad)).toBe("sk_live_123");
    expect(encryptSecret(rotated, "x", aad)).toMatch(/^jv1\.new\./);
  });

  it("needsRotation is true only for secrets not under the active key", () => {
    expect(needsRotation(rotated, encryptSecret(ring, "s", aad))).toBe(true);
    expect(needsRotation(rotated, encryptSecret(rotated, "s", aad))).toBe(false);
    expect(() => needsRotation(rotated, "garbage")).toThrow(DecryptionError);
  });

  it("reencrypt moves a secret to the active key, keeping plaintext and binding", () => {
    const before = encryptSecret(ring, { api_key: "sk_live_123" }, aad);
    const after = reencrypt(rotated, before, aad);
    expect(after).toMatch(/^jv1\.new\./);
    expect(needsRotation(rotated, after)).toBe(false);
    expect(decryptJson(rotated, after, aad)).toEqual({ api_key: "sk_live_123" });
    // Once the old key is retired, only the re-encrypted copy still opens.
    const retired = parseKeyRing(newEntry);
    expect(decryptSecret(retired, after, aad)).toBe('{"api_key":"sk_live_123"}');
    expect(decryptError(() => decryptSecret(retired, before, aad)).reason).toBe("unknown-key");
    decryptError(() => decryptSecret(rotated, after, { ...aad, rowId: "conn_2" }));
  });

  it("reencrypt refuses a tampered or misplaced secret instead of laundering it", () => {
    const before = encryptSecret(ring, "s", aad);
    decryptError(() => reencrypt(rotated, before, { ...aad, workspaceId: "ws_2" }));
    decryptError(() => reencrypt(rotated, flipByte(before, 3, 0), aad));
  });
});
