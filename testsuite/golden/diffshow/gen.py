#!/usr/bin/env python3
# testsuite/golden/diffshow/gen.py: random route dumps as replay answers
# usage: gen.py SEED COUNT OUTDIR [MAX] COUNT files OUTDIR/dNNNN of 1 to MAX
#                                     (39) routes (seeded: the same dumps on
#                                     every run)
#        gen.py -bench N IFINDEX      N routes "L as L via inet
#                                     192.168.30.102 dev IFINDEX" on stdout
# Each file is what IPMPLS_RESPONSES replays to a dump: RTM_NEWROUTE lines
# (lib/record.c's "NAME FLAGS HEX") and NLMSG_DONE.  The routes mix inet,
# inet6 and mpls with the attributes the printers know (vias, labels,
# encap, multipath, metrics, cache info, marks, realms...), odd rtmsg
# values, and now and then a malformed message.
import random
import struct
import sys

AF_INET, AF_INET6, AF_MPLS, AF_PACKET = 2, 10, 28, 17
RTA = dict(DST=1, SRC=2, IIF=3, OIF=4, GATEWAY=5, PRIORITY=6, PREFSRC=7,
           METRICS=8, MULTIPATH=9, FLOW=11, CACHEINFO=12, TABLE=15,
           MARK=16, VIA=18, NEWDST=19, PREF=20, ENCAP_TYPE=21, ENCAP=22,
           UID=25, TTL_PROPAGATE=26)
IFINDEX = (11, 11, 11, 12, 13, 1, 777)


def attr(t, payload):
    n = 4 + len(payload)
    return struct.pack("=HH", n, t) + payload + b"\0" * (-n % 4)


def labels(ls, ttl=0):
    out = b""
    for i, l in enumerate(ls):
        bos = 1 if i == len(ls) - 1 else 0
        out += struct.pack(">I", (l << 12) | (bos << 8) | ttl)
    return out


def rlabel(r):
    return r.choice((r.randrange(16, 1048576), r.randrange(0, 16),
                     r.randrange(16, 100000), 1048575))


def rstack(r):
    return [rlabel(r) for _ in range(r.choice((1, 1, 1, 2, 3, 8)))]


def raddr(r, fam):
    if fam == AF_INET:
        return bytes(r.choice((0, 1, 10, 100, 192, 255, r.randrange(256)))
                     for _ in range(4))
    if fam == AF_INET6:
        kind = r.randrange(4)
        if kind == 0:
            return b"\xfe\x80" + b"\0" * 12 + bytes([0, r.randrange(256)])
        if kind == 1:
            return b"\0" * 10 + b"\xff\xff" + bytes(r.randrange(256)
                                                    for _ in range(4))
        if kind == 2:
            return b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\x01"
        return bytes(r.randrange(256) for _ in range(16))
    return labels(rstack(r))


def via(r, fam):
    vf = r.choice((AF_INET, AF_INET, AF_INET6, AF_PACKET)
                  if fam == AF_MPLS else (AF_INET, AF_INET6))
    if vf == AF_PACKET:
        return attr(RTA["VIA"], struct.pack("=H", vf) +
                    bytes(r.randrange(256) for _ in range(6)))
    return attr(RTA["VIA"], struct.pack("=H", vf) + raddr(r, vf))


def encap(r):
    inner = attr(1, labels(rstack(r)))
    if r.random() < 0.3:
        inner += attr(2, bytes([r.randrange(256)]))
    return attr(RTA["ENCAP_TYPE"], struct.pack("=H", 1)) + \
        attr(RTA["ENCAP"] | 0x8000 * r.randrange(2), inner)


def path(r, fam):
    """the attributes of one path (route or rtnexthop)"""
    out = []
    if fam == AF_MPLS and r.random() < 0.6:
        out.append(attr(RTA["NEWDST"], labels(rstack(r))))
    if fam != AF_MPLS and r.random() < 0.3:
        out.append(encap(r))
    if r.random() < 0.8:
        if fam == AF_MPLS or r.random() < 0.3:
            out.append(via(r, fam))
        else:
            out.append(attr(RTA["GATEWAY"], raddr(r, fam)))
    if fam != AF_MPLS and r.random() < 0.1:
        out.append(attr(RTA["FLOW"], struct.pack(
            "=I", r.choice((5, 0x30004, 0x10000)))))
    r.shuffle(out)
    return out


def metrics(r):
    out = b""
    for t in r.sample(range(1, 18), r.randrange(1, 5)):
        if t == 16:
            out += attr(t, r.choice((b"cubic\0", b"reno", b"x" * 20)))
        else:
            out += attr(t, struct.pack("=I", r.choice(
                (0, 1, 4, 1400, 8000, 0xffffffff, r.randrange(1 << 32)))))
    return attr(RTA["METRICS"], out)


def multipath(r, fam):
    out = b""
    for _ in range(r.randrange(1, 5)):
        body = b"".join(path(r, fam))
        out += struct.pack("=HBBi", 8 + len(body),
                           r.choice((0, 0, 1, 4, 16)), r.randrange(4),
                           r.choice(IFINDEX)) + body
    return attr(RTA["MULTIPATH"], out)


def extras(r, fam, a):
    if r.random() < 0.3:
        a.append(attr(RTA["PRIORITY"], struct.pack("=I", r.choice(
            (0, 1, 20, 1024, 0xffffffff)))))
    if r.random() < 0.2:
        a.append(attr(RTA["TABLE"], struct.pack("=I", r.choice(
            (254, 255, 100, 253, 1000, 0)))))
    if fam != AF_MPLS and r.random() < 0.15:
        a.append(attr(RTA["PREFSRC"], raddr(r, fam)))
    if fam == AF_INET6 and r.random() < 0.3:
        a.append(attr(RTA["PREF"], bytes([r.choice((0, 1, 3, 7))])))
    if fam == AF_MPLS and r.random() < 0.2:
        a.append(attr(RTA["TTL_PROPAGATE"], bytes([r.randrange(2)])))
    if r.random() < 0.1:
        a.append(metrics(r))
    if r.random() < 0.08:
        a.append(attr(RTA["CACHEINFO"], struct.pack(
            "=IIiIIIII", r.randrange(3), r.choice((0, 250, 12345)),
            r.choice((0, 0, 500, -100)), r.choice((0, 0, 113)),
            r.randrange(3), r.choice((0, 0x1234)), r.choice((0, 7)),
            r.choice((0, 3)))))
    if r.random() < 0.05:
        a.append(attr(RTA["MARK"], struct.pack("=I", r.choice(
            (5, 16, 0xbeef)))))
    if r.random() < 0.05:
        a.append(attr(RTA["IIF"], struct.pack("=I", r.choice(IFINDEX))))
    if r.random() < 0.05:
        a.append(attr(RTA["UID"], struct.pack("=I", 1000)))


def route(r, fam):
    hb = {AF_INET: 32, AF_INET6: 128, AF_MPLS: 20}[fam]
    a = []
    dlen = hb if fam == AF_MPLS else r.choice((0, 8, 24, hb, hb))
    if dlen or r.random() < 0.2:
        a.append(attr(RTA["DST"], labels([rlabel(r)]) if fam == AF_MPLS
                      else raddr(r, fam)))
    slen = 0
    if fam != AF_MPLS and r.random() < 0.05:
        slen = r.choice((0, 16, hb))
        a.append(attr(RTA["SRC"], raddr(r, fam)))
    if r.random() < 0.15:
        a.append(multipath(r, fam))
    else:
        a += path(r, fam)
        if r.random() < 0.85:
            a.append(attr(RTA["OIF"], struct.pack("=I", r.choice(IFINDEX))))
    extras(r, fam, a)
    r.shuffle(a)
    flags = r.choice((0, 0, 0, 0x200, 0x1, 0x4, 0x10, 0x100, 0x40))
    rtm = struct.pack("=BBBBBBBBI", fam, dlen, slen,
                      r.choice((0, 0, 0, 0x10, 0xb8)),
                      r.choice((254, 254, 255, 100, 252)),
                      r.choice((3, 3, 4, 2, 186, 16, 99)),
                      r.choice((0, 0, 253, 254, 200)),
                      r.choice((1, 1, 1, 2, 3, 6, 7, 9)), flags)
    body = rtm + b"".join(a)
    if r.random() < 0.01 and len(body) > 20:	# malformed now and then
        body = body[:-r.randrange(1, 4)]
    return body


def msg(t, flags, body):
    return struct.pack("=IHHII", 16 + len(body), t, flags, 0, 0) + body


def line(name, m):
    return "%s 0x%x %s\n" % (name, struct.unpack_from("=H", m, 6)[0],
                             m.hex())


def done():
    return line("NLMSG_DONE", msg(3, 2, struct.pack("=i", 0)))


def dump(r, most):
    fams = r.choice(((AF_MPLS,), (AF_INET,), (AF_INET6,),
                     (AF_MPLS, AF_INET, AF_INET6)))
    out = []
    for _ in range(r.randrange(1, most + 1)):
        out.append(line("RTM_NEWROUTE", msg(24, 2, route(r, r.choice(fams)))))
    return "".join(out) + done()


def bench(n, ifindex):
    w = sys.stdout.write
    for lab in range(16, 16 + n):
        body = struct.pack("=BBBBBBBBI", AF_MPLS, 20, 0, 0, 254, 3, 0, 1, 0)
        body += attr(RTA["NEWDST"], labels([lab]))
        body += attr(RTA["VIA"], struct.pack("=H", AF_INET) +
                     bytes((192, 168, 30, 102)))
        body += attr(RTA["OIF"], struct.pack("=I", ifindex))
        body += attr(RTA["DST"], labels([lab]))
        w(line("RTM_NEWROUTE", msg(24, 2, body)))
    w(done())


def main():
    if sys.argv[1] == "-bench":
        bench(int(sys.argv[2]), int(sys.argv[3]))
        return
    seed, count, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    most = int(sys.argv[4]) if len(sys.argv) > 4 else 39
    for i in range(count):
        r = random.Random(seed * 100003 + i)
        with open("%s/d%04d" % (outdir, i), "w") as f:
            f.write(dump(r, most))


main()
