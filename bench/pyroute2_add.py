#!/usr/bin/python3
# bench/pyroute2_add.py: N label routes through pyroute2, as a daemon would add them
# usage: pyroute2_add.py FIRST-LABEL N GATEWAY DEV
# Installs "L as L via inet GATEWAY dev DEV" for L = FIRST .. FIRST+N-1 with
# IPRoute().route('add', ...) (NLM_F_CREATE|NLM_F_EXCL, one acknowledged
# request per route).  Exit 0 when every route was added.
import socket
import sys

from pyroute2 import IPRoute

AF_MPLS = getattr(socket, "AF_MPLS", 28)


def main(argv):
    if len(argv) != 5:
        sys.stderr.write("usage: pyroute2_add.py FIRST-LABEL N GATEWAY DEV\n")
        return 255
    first, n, gw, dev = int(argv[1], 0), int(argv[2], 0), argv[3], argv[4]
    with IPRoute() as ipr:
        oif = socket.if_nametoindex(dev)
        via = {"family": socket.AF_INET, "addr": gw}
        boot = 3  # RTPROT_BOOT, as ip and ipmpls send
        # ---- building: one label route ----
        for label in range(first, first + n):
            ipr.route("add", family=AF_MPLS, dst=label, newdst=[label],
                      via=via, oif=oif, proto=boot)
        # ---- end of building ----
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
