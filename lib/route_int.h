/* route_int.h: the route struct behind the opaque struct mplsroute_route */
#ifndef MPLSROUTE_ROUTE_INT_H
#define MPLSROUTE_ROUTE_INT_H

#include "mplsroute.h"
#include "route_memo.h"

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
	 * their place (mr_route_repeat_attr): an attrs[] entry
	 * MPLSROUTE_ATTR_RAW | OFF stands for the u16 length at raw[OFF]
	 * and that many bytes after it.
	 */
	uint16_t rawlen;
	uint8_t raw[MPLSROUTE_RAW_MAX];
	/*
	 * RTA_METRICS as the user gave them, in order, repeats included
	 * (mr_route_put_metric); RTAX_LOCK is added after them.
	 * When mxlen is 0 the builder sends metrics[] instead.
	 */
	uint16_t mxlen;
	uint8_t mx[MPLSROUTE_MX_MAX];

	uint8_t nnh;		/* RTA_MULTIPATH nexthops, 0: single path */
	/* keep nhs[] last: the decoder clears only the fields before it */
	struct mplsroute_nexthop nhs[MPLSROUTE_MAX_NEXTHOPS];
	/* after nhs[]: the decoder and init_head leave it alone (route_memo.c) */
	struct mr_memo memo;
};

/* bits of mplsroute_route.given: what the user gave, so no default applies */
#define MPLSROUTE_GIVEN_TABLE	0x01
#define MPLSROUTE_GIVEN_SCOPE	0x02
#define MPLSROUTE_GIVEN_TYPE	0x04
#define MPLSROUTE_GIVEN_PROTO	0x08

/* the 4.4 request recorder behind the route object and the grammar */


/*
 * mr_route_init - clear @rt and set iproute2 4.4's starting values
 * for a request of @nlmsg_type: table main, scope nowhere; unless it is
 * RTM_DELROUTE also protocol boot, scope universe and type unicast.
 * Returns nothing.
 */
void mr_route_init(struct mplsroute_route *rt, uint16_t nlmsg_type);

/*
 * mr_route_init_head - as mr_route_init, but nhs[] is left
 * as it was (nnh is 0): a caller that adds nexthops clears each nhs[i]
 * before filling it.  Nor are raw[] and mx[] cleared: rawlen and mxlen
 * are 0 and nothing reads past them.  Cheap for one route per line: these
 * arrays are most of the struct.  Returns nothing.
 */
void mr_route_init_head(struct mplsroute_route *rt,
			       uint16_t nlmsg_type);

/*
 * mr_route_finish - apply iproute2 4.4's fix-ups after parsing:
 * family unspec -> inet; without a given table, types local, broadcast,
 * nat and anycast go to table local; without a given scope: inet6 and mpls
 * routes get universe, types local/nat host, broadcast/multicast/anycast
 * link, unicast/unspec nowhere for RTM_DELROUTE, else link when there is
 * neither a via nor nexthops; an mpls route without a given type is
 * unicast.  Also sets rt->table from rt->table_id.  Returns nothing.
 */
void mr_route_finish(struct mplsroute_route *rt, uint16_t nlmsg_type);

/*
 * mr_route_add_attr, mr_nexthop_add_attr - note that the user
 * gave RTA_* @type now (argument order; a type already listed keeps its
 * place).  Returns 0 or -E2BIG when the list is full.
 */
int mr_route_add_attr(struct mplsroute_route *rt, uint16_t type);
int mr_nexthop_add_attr(struct mplsroute_nexthop *nh, uint16_t type);

/*
 * mr_route_repeat_attr - the user gives RTA_* @type again, as in
 * `metric 1 metric 2`: iproute2 4.4 sends every occurrence where it was
 * given.  Encodes @type's current value into rt->raw and puts it in its
 * place in attrs[], so that the caller can set the new value and list
 * @type again.  RTA_GATEWAY and RTA_VIA count as one.  Returns 0 (also
 * when @type is not listed), -EMSGSIZE (raw[] full) or -EINVAL (@type
 * cannot be encoded).
 */
int mr_route_repeat_attr(struct mplsroute_route *rt, uint16_t type);

/*
 * mr_route_put_metric - append RTAX_* @type with @len bytes of
 * @data to the metrics as given (rt->mx, sent in that order inside
 * RTA_METRICS, repeats included, as 4.4 sends them); a 4-byte value of a
 * type below 17 also sets metrics[@type].  RTAX_LOCK is not given here
 * but in metrics[RTAX_LOCK] (it goes last).  Returns 0, -EMSGSIZE (mx[]
 * full) or -EINVAL (@type 0 or RTAX_LOCK).
 */
int mr_route_put_metric(struct mplsroute_route *rt, uint16_t type,
			       const void *data, size_t len);

/*
 * mr_route_put_raw - list attribute @type with @len bytes of @data
 * here in the argument order, to be sent as is: for what the struct has no
 * field for, e.g. RTA_FLOW (realms) or the RTA_NEWDST that 4.4 sends for
 * `as ADDRESS` on an IP route.  Returns 0, -EMSGSIZE (raw[] full), -E2BIG
 * (attrs[] full) or -EINVAL.
 */
int mr_route_put_raw(struct mplsroute_route *rt, uint16_t type,
			    const void *data, size_t len);

/*
 * mr_route_parse - decode an RTM_NEWROUTE or RTM_DELROUTE message
 * into @rt (zeroed first, except rt->nhs[] past the rt->nnh decoded).
 * Every attribute length is checked against the message and against the
 * attribute's expected size; attributes the library does not know are
 * skipped, and so is an encap that is not MPLS.
 * Decoded: the rtmsg fields, RTA_DST/SRC/PREFSRC (label stacks for
 * AF_MPLS), RTA_GATEWAY/RTA_VIA (rt->nh.via), RTA_OIF, RTA_NEWDST,
 * RTA_ENCAP(+TYPE), RTA_PRIORITY, RTA_TABLE (rt->table_id; rtm_table when
 * absent), RTA_METRICS (u32 ones), RTA_MULTIPATH (rt->nhs, each with its
 * own via/newdst/encap and the encap's MPLS_IPTUNNEL_TTL), RTA_PREF,
 * RTA_TTL_PROPAGATE, RTA_IIF, RTA_MARK, RTA_UID and RTA_CACHEINFO;
 * RTAX_CC_ALGO's name goes to rt->cc_algo (its bit set in metrics_set).
 * rt->attrs lists, in wire order, which of RTA_DST, RTA_SRC, RTA_PREFSRC,
 * RTA_PRIORITY, RTA_TABLE, RTA_GATEWAY, RTA_VIA, RTA_NEWDST, RTA_ENCAP and
 * RTA_TTL_PROPAGATE were present (each nexthop's attrs likewise for its
 * own); rt->nh.flags holds rtm_flags' low byte (RTNH_F_*).
 * Returns 0, -EPROTO (not a route message), -EBADMSG (shorter than an
 * rtmsg), -EINVAL (a malformed attribute or label stack) or -E2BIG (more
 * labels or nexthops than the struct holds).
 */
int mr_route_parse(const struct nlmsghdr *nlh,
			  struct mplsroute_route *rt);

/*
 * lib/route.c: one attribute of @rt (RTA_DST, RTA_NEWDST, RTA_GATEWAY or
 * RTA_VIA, RTA_ENCAP...) as the builder writes it, appended to @nlh (of
 * @len bytes).  Returns 0 or -errno.
 */
int mr_route_put_attr(struct nlmsghdr *nlh, size_t len,
		      const struct mplsroute_route *rt, uint16_t type);

/*
 * lib/route_memo.c: the memo of repeated line shapes.
 * mr_memo_parse - @rt as parsing these words would leave it, from the
 * memo: 0, or 1 when it cannot tell (the caller parses).
 * mr_memo_keep - after a successful parse that met the value words @rec
 * (its dev word at @devi, or -1): keep what the next line needs.
 * mr_memo_forget - a failed parse: nothing kept is used again.
 * mr_memo_build - the kept request, if it is @rt's: its length, else 0.
 * mr_memo_built - a request built from @rt: kept if @rt is the memo's.
 */
struct mr_memo_rec;
int mr_memo_parse(struct mplsroute_route *rt, int argc, char *const *argv,
		  const struct mplsroute_parse_opts *o);
void mr_memo_keep(struct mplsroute_route *rt, int argc, char *const *argv,
		  const struct mplsroute_parse_opts *o,
		  const struct mr_memo_rec *rec, int devi);
void mr_memo_forget(struct mplsroute_route *rt);
int mr_memo_build(void *buf, size_t len, const struct mplsroute_route *rt,
		  uint16_t nlmsg_type, uint16_t nlmsg_flags);
void mr_memo_built(const void *buf, size_t len, struct mplsroute_route *rt,
		   uint16_t nlmsg_type, uint16_t nlmsg_flags);

#endif
