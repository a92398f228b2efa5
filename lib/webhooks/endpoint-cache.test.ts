import { describe, expect, it } from "vitest";
import { cachedEndpoint, cachedEndpointCount, forgetEndpoint, rememberEndpoint, type CachedEndpoint } from "./endpoint-cache";

const endpoint = (id: string): CachedEndpoint => ({
  endpointId: id,
  workspaceId: "w",
  flowId: "f",
  flowName: "Flow",
  flowActive: true,
  signatureScheme: "none",
  signingSecretEnc: null,
  config: {},
  touchedAt: 0,
});

describe("endpoint cache", () => {
  it("forgets an entry after 30 seconds or when told to", () => {
    rememberEndpoint("h1", endpoint("e1"), 1_000);
    expect(cachedEndpoint("h1", 30_999)?.endpointId).toBe("e1");
    expect(cachedEndpoint("h1", 31_000)).toBeUndefined();
    rememberEndpoint("h1", endpoint("e1"), 1_000);
    forgetEndpoint("h1");
    expect(cachedEndpoint("h1", 1_001)).toBeUndefined();
  });

  it("holds at most 1,000 entries, dropping the oldest first", () => {
    for (let i = 0; i < 1_005; i++) rememberEndpoint(`k${i}`, endpoint(`e${i}`), 0);
    expect(cachedEndpointCount()).toBe(1_000);
    expect(cachedEndpoint("k0", 1)).toBeUndefined();
    expect(cachedEndpoint("k4", 1)).toBeUndefined();
    expect(cachedEndpoint("k5", 1)?.endpointId).toBe("e5");
    expect(cachedEndpoint("k1004", 1)?.endpointId).toBe("e1004");
  });
});
