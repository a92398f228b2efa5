import { describe, expect, it } from "vitest";
import { checkAddress } from "./address-policy";

describe("address policy", () => {
  const refused: [string, RegExp][] = [
    ["10.0.0.1", /private/],
    ["10.255.255.255", /private/],
    ["172.16.0.1", /private/],
    ["172.31.255.255", /private/],
    ["192.168.1.1", /private/],
    ["127.0.0.1", /loopback/],
    ["127.255.255.254", /loopback/],
    ["::1", /loopback/],
    ["169.254.0.1", /link-local/],
    ["169.254.169.254", /metadata/],
    ["fe80::1", /link-local/],
    ["febf:ffff::1", /link-local/],
    ["fe80::1%eth0", /link-local/],
    ["100.64.0.1", /carrier-grade NAT/],
    ["100.127.255.255", /carrier-grade NAT/],
    ["100.100.100.200", /carrier-grade NAT/], // Alibaba metadata
    ["0.0.0.0", /unspecified/],
    ["0.1.2.3", /unspecified/],
    ["::", /unspecified/],
    ["224.0.0.1", /multicast/],
    ["239.255.255.250", /multicast/],
    ["ff02::1", /multicast/],
    ["255.255.255.255", /broadcast/],
    ["240.0.0.1", /reserved/],
    ["192.0.0.192", /reserved/], // Oracle metadata
    ["fc00::1", /unique-local/],
    ["fd12:3456::1", /unique-local/],
    ["fd00:ec2::254", /metadata/],
    ["::ffff:127.0.0.1", /IPv4-mapped.*loopback/],
    ["::ffff:7f00:1", /IPv4-mapped.*loopback/],
    ["[::ffff:7f00:1]", /IPv4-mapped.*loopback/],
    ["::ffff:169.254.169.254", /IPv4-mapped.*metadata/],
    ["::ffff:10.0.0.1", /IPv4-mapped.*private/],
    ["::ffff:0:7f00:1", /IPv4-translated.*loopback/],
    ["64:ff9b::7f00:1", /NAT64.*loopback/],
    ["64:ff9b::10.0.0.1", /NAT64.*private/],
    ["64:ff9b::a9fe:a9fe", /NAT64.*metadata/],
    ["64:ff9b:1::1", /local-use NAT64/],
    ["2002:7f00:1::", /6to4.*loopback/],
    ["2002:c0a8:101::1", /6to4.*private/],
    ["2001:0::1", /Teredo/],
    ["::7f00:1", /not a global unicast/], // IPv4-compatible (deprecated) form
    ["fec0::1", /site-local/],
    ["2001:db8::1", /reserved/],
    // Legacy IPv4 spellings, normalized the way the URL parser does.
    ["2130706433", /loopback/],
    ["0x7f.0.0.1", /loopback/],
    ["0x7f000001", /loopback/],
    ["0177.0.0.1", /loopback/],
    ["127.1", /loopback/],
    ["0", /unspecified/],
    // Not an address at all.
    ["localhost", /not an IP address/],
    ["", /not an IP address/],
  ];

  it.each(refused)("refuses %s", (address, reason) => {
    const verdict = checkAddress(address);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toMatch(reason);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.215.14",
    "172.15.255.255", // just outside 172.16/12
    "172.32.0.1",
    "100.63.255.255", // just outside 100.64/10
    "100.128.0.1",
    "192.169.0.1",
    "169.253.255.255",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80e::200e",
    "::ffff:8.8.8.8", // mapped public v4 is the public host
    "64:ff9b::808:808", // NAT64 of a public v4
    "2002:808:808::1", // 6to4 of a public v4
  ])("allows %s", (address) => {
    expect(checkAddress(address).allowed).toBe(true);
  });

  it("reports the canonical address it judged", () => {
    expect(checkAddress("0x7f.0.0.1").address).toBe("127.0.0.1");
    expect(checkAddress("::ffff:127.0.0.1").address).toBe("::ffff:7f00:1");
  });
});
