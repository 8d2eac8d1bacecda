/* route_int.h: the route struct behind the opaque struct mplsroute_route */
#ifndef MPLSROUTE_ROUTE_INT_H
#define MPLSROUTE_ROUTE_INT_H

#include "mplsroute.h"

#define MPLSROUTE_MAX_NEXTHOPS	32
#define MPLSROUTE_MAX_ATTRS	24
#define MPLSROUTE_RAW_MAX	512	/* bytes for repeated attributes */
#define MPLSROUTE_MX_MAX	256	/* bytes of RTA_METRICS as given */
#define MPLSROUTE_ATTR_RAW	0x8000	/* attrs[]: an offset into raw[] */

/* One path: a single-path route's own, or one rtnexthop of RTA_MULTIPATH. */
struct mplsroute_nexthop {
	struct mplsroute_addr via;	/* family 0: no via */
	uint32_t ifindex;		/* 0: no device */
	uint8_t flags;			/* RTNH_F_* */
	uint8_t hops;			/* weight - 1 */
	uint8_t has_flow;		/* RTA_FLOW decoded into flow */
	uint32_t flow;			/* realms: from << 16 | to */
	struct mplsroute_labels encap;	/* RTA_ENCAP, n = 0: none */
	uint8_t encap_ttl;		/* MPLS_IPTUNNEL_TTL if has_encap_ttl */
	uint8_t has_encap_ttl;
	struct mplsroute_labels newdst;	/* RTA_NEWDST, n = 0: none */
	uint8_t nattrs;			/* RTA_* types in argument/wire order */
	uint16_t attrs[8];
	/*
	 * 1: one of nhs[] (its attributes are listed in attrs[] above);
	 * 0: the route's own path, rt->nh, whose attributes the setters
	 * list in the route's attrs[] (lib/route_set.c)
	 */
	uint8_t in_multipath;
};

/*
 * A route as the plain struct between parsing, building, decoding and
 * printing.  attrs[] lists the RTA_* types in the order the user gave them
 * (or the kernel sent them): the builder emits them in that order, as
 * iproute2 4.4 does, then RTA_OIF, RTA_METRICS and RTA_MULTIPATH.
 */
struct mplsroute_route {
	/* struct rtmsg */
	uint8_t family;
	uint8_t dst_len;
	uint8_t src_len;
	uint8_t tos;
	uint8_t table;		/* rtm_table; RT_TABLE_UNSPEC when >= 256 */
	uint8_t protocol;
	uint8_t scope;
	uint8_t type;
	uint32_t flags;		/* rtm_flags */

	uint32_t table_id;	/* the full table id (RTA_TABLE or rtm_table) */
	struct mplsroute_addr dst;	/* RTA_DST */
	struct mplsroute_addr src;	/* RTA_SRC */
	struct mplsroute_addr prefsrc;	/* RTA_PREFSRC */
	struct mplsroute_nexthop nh;	/* RTA_GATEWAY/RTA_VIA, RTA_OIF, ... */
	uint32_t priority;	/* RTA_PRIORITY, when has_priority */
	uint8_t has_priority;
	uint8_t pref;		/* RTA_PREF, when has_pref */
	uint8_t has_pref;
	uint32_t iif;		/* RTA_IIF */
	uint32_t metrics[17];	/* RTAX_* values, index = RTAX type */
	uint32_t metrics_set;	/* bit n: metrics[n] present */
	uint32_t expires;	/* from RTA_CACHEINFO (route get) */
	uint8_t has_cacheinfo;
	/* the rest of RTA_CACHEINFO, as struct rta_cacheinfo has them */
	uint32_t ci_clntref, ci_lastuse, ci_error, ci_used, ci_id;
	uint32_t ci_ts, ci_tsage;
	uint32_t mark;		/* RTA_MARK (route get ... mark N), 0: none */
	uint8_t ttl_propagate;	/* RTA_TTL_PROPAGATE (0 or 1), when */
	uint8_t has_ttl_propagate;	/* has_ttl_propagate */
	uint32_t uid;		/* RTA_UID (route get answers), when has_uid */
	uint8_t has_uid;
	char cc_algo[16];	/* RTAX_CC_ALGO (congctl), when metrics_set */

	uint8_t nattrs;
	uint16_t attrs[MPLSROUTE_MAX_ATTRS];
	uint8_t given;		/* MPLSROUTE_GIVEN_*: set by the user */

	/*
	 * A repeated keyword's earlier values, whole attributes sent at
	 * their place (mplsroute_route_repeat_attr): an attrs[] entry
	 * MPLSROUTE_ATTR_RAW | OFF stands for the u16 length at raw[OFF]
	 * and that many bytes after it.
	 */
	uint16_t rawlen;
	uint8_t raw[MPLSROUTE_RAW_MAX];
	/*
	 * RTA_METRICS as the user gave them, in order, repeats included
	 * (mplsroute_route_put_metric); RTAX_LOCK is added after them.
	 * When mxlen is 0 the builder sends metrics[] instead.
	 */
	uint16_t mxlen;
	uint8_t mx[MPLSROUTE_MX_MAX];

	uint8_t nnh;		/* RTA_MULTIPATH nexthops, 0: single path */
	/* keep nhs[] last: the decoder clears only the fields before it */
	struct mplsroute_nexthop nhs[MPLSROUTE_MAX_NEXTHOPS];
};

/* bits of mplsroute_route.given: what the user gave, so no default applies */
#define MPLSROUTE_GIVEN_TABLE	0x01
#define MPLSROUTE_GIVEN_SCOPE	0x02
#define MPLSROUTE_GIVEN_TYPE	0x04
#define MPLSROUTE_GIVEN_PROTO	0x08

#endif
