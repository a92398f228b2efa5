import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { KeyRingError } from "./errors";
import { generateKeyEntry, parseKeyRing } from "./key-ring";

const key = randomBytes(32);
const b64 = key.toString("base64");

function keyRingError(value: string): KeyRingError {
  try {
    parseKeyRing(value);
  } catch (error) {
    expect(error).toBeInstanceOf(KeyRingError);
    return error as KeyRingError;
  }
  throw new Error("expected a KeyRingError");
}

describe("parseKeyRing", () => {
  it("accepts base64, unpadded base64url and hex keys; the first is active", () => {
    const url = randomBytes(32).toString("base64url");
    const hex = randomBytes(32).toString("hex");
    const ring = parseKeyRing(` k1:${b64} , k-2:${url},k_3:${hex.toUpperCase()}`);
    expect(ring.active.id).toBe("k1");
    expect([...ring.keys.keys()]).toEqual(["k1", "k-2", "k_3"]);
    expect(ring.active.secret.export().equals(key)).toBe(true);
    expect(ring.keys.get("k_3")?.secret.export().toString("hex")).toBe(hex);
  });

  it("keeps key material out of inspect and JSON", () => {
    const ring = parseKeyRing(`k1:${b64}`);
    expect(inspect(ring, { depth: 10 })).not.toContain(b64.slice(0, 12));
    expect(JSON.stringify(ring)).not.toContain(b64.slice(0, 12));
  });

  it("generates entries it can parse", () => {
    const entry = generateKeyEntry("fresh");
    expect(parseKeyRing(entry).active.id).toBe("fresh");
    expect(generateKeyEntry("fresh")).not.toBe(entry);
    expect(() => generateKeyEntry("Bad Id")).toThrow(TypeError);
  });

  const short = randomBytes(31).toString("base64");
  const long = randomBytes(48).toString("hex");
  const notBase64 = `${b64.slice(0, 20)}!${b64.slice(21)}`;
  const strayBits = `${b64.slice(0, 42)}${b64[42] === "B" ? "C" : "B"}=`;
  const cases: [string, string, RegExp, string[]][] = [
    ["empty", "  ", /JUNCTION_ENCRYPTION_KEYS is empty/, []],
    ["wrong length", `k1:${b64},k2:${short}`, /entry 2 \(key id "k2"\).*31 bytes.*exactly 32/, [short]],
    ["wrong hex length", `k1:${long}`, /entry 1 \(key id "k1"\).*looks like hex but has 96 characters; it must be exactly 64/, [long]],
    ["bad base64", `k1:${notBase64}`, /entry 1 \(key id "k1"\).*neither valid base64 nor 64 hex/, [notBase64]],
    ["non-canonical base64", `k1:${strayBits}`, /neither valid base64/, [strayBits]],
    ["empty entry", `k1:${b64},,k3:${b64}`, /entry 2 is empty/, [b64]],
    ["trailing comma", `k1:${b64},`, /entry 2 is empty/, [b64]],
    ["missing key id", b64, /entry 1 has no key id/, [b64]],
    ["invalid key id", `${b64.slice(0, 10)}:${b64}`, /entry 1 has an invalid key id/, [b64, b64.slice(0, 10)]],
    ["upper-case key id", `Prod:${b64}`, /entry 1 has an invalid key id/, [b64]],
    ["key id too long", `${"a".repeat(33)}:${b64}`, /invalid key id/, [b64]],
    ["missing key", "k1:", /entry 1 \(key id "k1"\) has nothing after/, []],
    ["duplicate id", `k1:${b64},k2:${randomBytes(32).toString("base64")},k1:${b64}`, /entry 1 and .*entry 3 both use key id "k1"/, [b64]],
    ["constant key", `k1:${Buffer.alloc(32, 7).toString("base64")}`, /not random/, []],
  ];

  it.each(cases)("explains %s without printing key material", (_, value, message, secrets) => {
    const error = keyRingError(value);
    expect(error.message).toMatch(message);
    expect(error.message).toContain("JUNCTION_ENCRYPTION_KEYS");
    expect(error.source).toBe("JUNCTION_ENCRYPTION_KEYS");
    for (const secret of secrets) expect(error.message).not.toContain(secret.slice(0, 12));
  });
});
