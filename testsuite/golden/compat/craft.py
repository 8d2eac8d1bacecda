#!/usr/bin/env python3
"""testsuite/golden/compat/craft.py: route messages no golden case has.

Writes crafted/NAME in the responses format (NAME FLAGS HEX, one message a
line), routes whose fields only a hand-made answer shows (a dst length
without address, mark, uid, realms, route and nexthop flags, metrics in
every unit, cache info, pref, types and tables), so that record.sh has
ip 6.1 print them too.  Run it from anywhere; the files are committed.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def attr(t, payload):
    n = 4 + len(payload)
    return struct.pack("=HH", n, t) + payload + b"\0" * ((4 - n % 4) % 4)


def u32(t, v):
    return attr(t, struct.pack("=I", v))


def ip4(s):
    return bytes(int(x) for x in s.split("."))


def ip6(s):
    import ipaddress
    return ipaddress.IPv6Address(s).packed


def mpls(*labels):
    out = b""
    for i, l in enumerate(labels):
        out += struct.pack(">I", (l << 12) | (0x100 if i == len(labels) - 1 else 0))
    return out


def route(fam, dlen, attrs, slen=0, tos=0, table=254, proto=3, scope=0,
          rtype=1, flags=0, msgtype=24):
    body = struct.pack("=BBBBBBBBI", fam, dlen, slen, tos, table, proto,
                       scope, rtype, flags) + b"".join(attrs)
    return struct.pack("=IHHII", 16 + len(body), msgtype, 2, 0, 0) + body


def rtnh(ifindex, attrs=b"", flags=0, hops=0):
    return struct.pack("=HBBi", 8 + len(attrs), flags, hops, ifindex) + attrs


RTA_DST, RTA_SRC, RTA_IIF, RTA_OIF, RTA_GATEWAY, RTA_PRIORITY = 1, 2, 3, 4, 5, 6
RTA_PREFSRC, RTA_METRICS, RTA_MULTIPATH, RTA_FLOW, RTA_CACHEINFO = 7, 8, 9, 11, 12
RTA_TABLE, RTA_MARK, RTA_VIA, RTA_NEWDST, RTA_PREF = 15, 16, 18, 19, 20
RTA_ENCAP_TYPE, RTA_ENCAP, RTA_TTL_PROPAGATE, RTA_UID = 21, 22, 26, 25
AF_INET, AF_INET6, AF_MPLS = 2, 10, 28

cases = {
    "dstlen-noaddr": [route(AF_INET, 24, [u32(RTA_OIF, 11)]),
                      route(AF_INET, 8, [u32(RTA_OIF, 12)], slen=16)],
    "fields": [route(AF_INET, 24, [
        attr(RTA_DST, ip4("10.4.4.0")), u32(RTA_PRIORITY, 10),
        attr(RTA_PREFSRC, ip4("192.168.30.101")),
        attr(RTA_GATEWAY, ip4("192.168.30.102")), u32(RTA_OIF, 11),
        u32(RTA_MARK, 5), u32(RTA_FLOW, 0x00030005), u32(RTA_UID, 1000)],
        flags=0x4 | 0x10 | 0x4000),
        route(AF_INET, 24, [attr(RTA_DST, ip4("10.5.5.0")),
                            u32(RTA_OIF, 12), u32(RTA_MARK, 300),
                            u32(RTA_FLOW, 7)], flags=0x1 | 0x2 | 0x8)],
    "metrics": [route(AF_INET, 24, [
        attr(RTA_DST, ip4("10.4.4.0")), u32(RTA_OIF, 11),
        attr(RTA_METRICS, u32(1, 1 << 2) + u32(2, 1400) + u32(3, 10) +
             u32(4, 8000) + u32(5, 400) + u32(10, 0xffffffff) +
             u32(12, 0x11) + u32(13, 30) + u32(14, 1) + u32(15, 7) +
             attr(16, b"cubic\0"))]),
        route(AF_INET, 24, [
            attr(RTA_DST, ip4("10.5.5.0")), u32(RTA_OIF, 11),
            attr(RTA_METRICS, u32(4, 80) + u32(10, 64) + u32(12, 1500) +
                 u32(9, 3))])],
    "types-tables": [
        route(AF_INET, 24, [attr(RTA_DST, ip4("10.9.9.0")),
                            u32(RTA_TABLE, 1000)], table=252, rtype=7,
              scope=254, tos=0x10, proto=4),
        route(AF_INET, 32, [attr(RTA_DST, ip4("10.9.9.1")),
                            attr(RTA_SRC, ip4("10.1.0.0")),
                            u32(RTA_IIF, 13), u32(RTA_OIF, 11)],
              slen=16, table=100, proto=42, scope=253, rtype=2),
        route(AF_INET, 0, [u32(RTA_OIF, 12),
                           attr(RTA_GATEWAY, ip4("192.168.40.102"))],
              table=255, rtype=3, scope=254)],
    "ipv6-cache": [
        route(AF_INET6, 64, [attr(RTA_DST, ip6("2001:db8:9::")),
                             u32(RTA_OIF, 11), u32(RTA_PRIORITY, 1024),
                             attr(RTA_CACHEINFO, struct.pack(
                                 "=IIiIIIII", 2, 300, 0, 50000, 4, 0, 0, 0)),
                             attr(RTA_PREF, b"\x01")]),
        route(AF_INET6, 64, [attr(RTA_DST, ip6("2001:db8:8::")),
                             u32(RTA_OIF, 12), u32(RTA_PRIORITY, 1024),
                             attr(RTA_CACHEINFO, struct.pack(
                                 "=IIiIIIII", 0, 0, -113, 0, 0, 0, 0, 0)),
                             attr(RTA_PREF, b"\x02")])],
    "multipath-mixed": [
        route(AF_INET, 24, [attr(RTA_DST, ip4("10.6.6.0")),
                            attr(RTA_MULTIPATH,
                                 rtnh(11, attr(RTA_GATEWAY, ip4("192.168.30.102")) +
                                      u32(RTA_FLOW, 0x00010002), flags=0x10, hops=4) +
                                 rtnh(12, attr(RTA_ENCAP_TYPE, struct.pack("=H", 1)) +
                                      attr(RTA_ENCAP, attr(1, mpls(100, 200))) +
                                      attr(RTA_GATEWAY, ip4("192.168.40.102")), flags=0x4))]),
        route(AF_MPLS, 20, [attr(RTA_DST, mpls(400)),
                            attr(RTA_TTL_PROPAGATE, b"\x01"),
                            attr(RTA_MULTIPATH,
                                 rtnh(11, attr(RTA_NEWDST, mpls(500, 600)) +
                                      attr(RTA_VIA, struct.pack("=H", AF_INET6) +
                                           ip6("2001:db8:30::102")), flags=0x1) +
                                 rtnh(0, attr(RTA_VIA, struct.pack("=H", AF_INET) +
                                              ip4("192.168.40.102"))))],
              table=0, proto=4)],
}

os.makedirs(os.path.join(HERE, "crafted"), exist_ok=True)
for name, msgs in cases.items():
    with open(os.path.join(HERE, "crafted", name), "w") as f:
        for m in msgs:
            f.write("RTM_NEWROUTE 0x2 %s\n" % m.hex())
