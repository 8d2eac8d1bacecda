/* nlroute.c: N label routes through libnl-route 3, as a daemon would add them */
/*
 * usage: nlroute FIRST-LABEL N GATEWAY DEV
 * Installs "L as L via inet GATEWAY dev DEV" for L = FIRST .. FIRST+N-1 with
 * rtnl_route_add (NLM_F_CREATE|NLM_F_EXCL, one acknowledged request per
 * route: libnl has no pipelined batch).  Exit 0 when every route was added.
 * The route-building part is build_route() alone.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/route.h>
#include <netlink/route/nexthop.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif

/* ---- building: one label route, added on @sk ---- */
static struct nl_addr *mpls_label(uint32_t label)
{
	uint32_t lse = htonl(label << 12 | 1 << 8);	/* bottom of stack */
	struct nl_addr *a = nl_addr_build(AF_MPLS, &lse, sizeof(lse));

	if (a)
		nl_addr_set_prefixlen(a, 20);
	return a;
}

static int build_route(struct nl_sock *sk, struct nl_addr *via, int oif,
		       uint32_t label)
{
	struct rtnl_route *rt = rtnl_route_alloc();
	struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
	struct nl_addr *dst = mpls_label(label);
	struct nl_addr *newdst = mpls_label(label);
	int err = -NLE_NOMEM;

	if (!rt || !nh || !dst || !newdst)
		goto out;
	rtnl_route_set_family(rt, AF_MPLS);
	rtnl_route_set_table(rt, RT_TABLE_MAIN);
	rtnl_route_set_protocol(rt, RTPROT_BOOT);
	rtnl_route_set_scope(rt, RT_SCOPE_UNIVERSE);
	rtnl_route_set_type(rt, RTN_UNICAST);
	err = rtnl_route_set_dst(rt, dst);
	if (err < 0)
		goto out;
	rtnl_route_nh_set_ifindex(nh, oif);
	err = rtnl_route_nh_set_via(nh, via);
	if (err == 0)
		err = rtnl_route_nh_set_newdst(nh, newdst);
	if (err < 0)
		goto out;
	rtnl_route_add_nexthop(rt, nh);
	nh = NULL;	/* the route owns it now */
	err = rtnl_route_add(sk, rt, NLM_F_CREATE | NLM_F_EXCL);
out:
	if (nh)
		rtnl_route_nh_free(nh);
	nl_addr_put(dst);
	nl_addr_put(newdst);
	rtnl_route_put(rt);
	return err;
}
/* ---- end of building ---- */

int main(int argc, char **argv)
{
	struct nl_sock *sk;
	struct nl_addr *via;
	uint32_t first, n, i, gw;
	int oif, err;

	if (argc != 5) {
		fprintf(stderr, "usage: nlroute FIRST-LABEL N GATEWAY DEV\n");
		return 255;
	}
	first = strtoul(argv[1], NULL, 0);
	n = strtoul(argv[2], NULL, 0);
	if (inet_pton(AF_INET, argv[3], &gw) != 1 ||
	    !(oif = (int)if_nametoindex(argv[4]))) {
		fprintf(stderr, "nlroute: bad gateway or device\n");
		return 1;
	}
	sk = nl_socket_alloc();
	via = nl_addr_build(AF_INET, &gw, sizeof(gw));
	if (!sk || !via || nl_connect(sk, NETLINK_ROUTE) < 0) {
		fprintf(stderr, "nlroute: cannot open rtnetlink\n");
		return 1;
	}
	for (i = 0; i < n; i++) {
		err = build_route(sk, via, oif, first + i);
		if (err < 0) {
			fprintf(stderr, "nlroute: label %u: %s\n", first + i,
				nl_geterror(err));
			return 1;
		}
	}
	nl_addr_put(via);
	nl_socket_free(sk);
	return 0;
}
