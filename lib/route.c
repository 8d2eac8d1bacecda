/* route.c: struct mplsroute_route -> the RTM_*ROUTE request 4.4 sends */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"

/* the attributes the builder knows, in the order it adds unlisted ones */
static const uint16_t route_order[] = {
	RTA_DST, RTA_SRC, RTA_ENCAP, RTA_GATEWAY, RTA_NEWDST, RTA_PREFSRC,
	RTA_PRIORITY, RTA_TABLE, RTA_PREF, RTA_TTL_PROPAGATE,
};
static const uint16_t nexthop_order[] = {
	RTA_ENCAP, RTA_GATEWAY, RTA_NEWDST, RTA_FLOW,
};

/* 4.4's starting values of a request of @nlmsg_type (the rest is zero) */
static void route_defaults(struct mplsroute_route *rt, uint16_t nlmsg_type)
{
	rt->table = RT_TABLE_MAIN;
	rt->table_id = RT_TABLE_MAIN;
	rt->scope = RT_SCOPE_NOWHERE;
	if (nlmsg_type != RTM_DELROUTE) {
		rt->protocol = RTPROT_BOOT;
		rt->scope = RT_SCOPE_UNIVERSE;
		rt->type = RTN_UNICAST;
	}
}

void mr_route_init(struct mplsroute_route *rt,
				    uint16_t nlmsg_type)
{
	memset(rt, 0, sizeof(*rt));
	route_defaults(rt, nlmsg_type);
}

/* init_head clears up to raw[], then mxlen and nnh: nothing else between */
_Static_assert(offsetof(struct mplsroute_route, mxlen) ==
	       offsetof(struct mplsroute_route, raw) + MPLSROUTE_RAW_MAX &&
	       offsetof(struct mplsroute_route, mx) ==
	       offsetof(struct mplsroute_route, mxlen) + 2 &&
	       offsetof(struct mplsroute_route, nnh) ==
	       offsetof(struct mplsroute_route, mx) + MPLSROUTE_MX_MAX,
	       "mr_route_init_head: the fields after raw[] changed");

MR_HOT
void mr_route_init_head(struct mplsroute_route *rt,
					 uint16_t nlmsg_type)
{
	/* raw[] and mx[] are read only up to rawlen and mxlen */
	memset(rt, 0, offsetof(struct mplsroute_route, raw));
	rt->mxlen = 0;
	rt->nnh = 0;
	route_defaults(rt, nlmsg_type);
}

/* the scope 4.4 picks when none was given; @scope: the starting value */
static uint8_t default_scope(uint8_t type, uint8_t scope, int del,
			     int has_path)
{
	switch (type) {
	case RTN_LOCAL:
	case RTN_NAT:
		return RT_SCOPE_HOST;
	case RTN_BROADCAST:
	case RTN_MULTICAST:
	case RTN_ANYCAST:
		return RT_SCOPE_LINK;
	case RTN_UNICAST:
	case RTN_UNSPEC:
		if (del)
			return RT_SCOPE_NOWHERE;
		if (!has_path)
			return RT_SCOPE_LINK;
		break;
	}
	return scope;
}

/* the types 4.4 puts in table local when no table was given */
static int local_type(uint8_t type)
{
	return type == RTN_LOCAL || type == RTN_BROADCAST ||
	       type == RTN_NAT || type == RTN_ANYCAST;
}

MR_HOT
void mr_route_finish(struct mplsroute_route *rt,
				      uint16_t nlmsg_type)
{
	if (rt->family == AF_UNSPEC)
		rt->family = AF_INET;
	if (!(rt->given & MPLSROUTE_GIVEN_TABLE) && local_type(rt->type))
		rt->table_id = RT_TABLE_LOCAL;
	if (!(rt->given & MPLSROUTE_GIVEN_SCOPE)) {
		if (rt->family == AF_INET6 || rt->family == AF_MPLS)
			rt->scope = RT_SCOPE_UNIVERSE;
		else
			rt->scope = default_scope(rt->type, rt->scope,
					nlmsg_type == RTM_DELROUTE,
					rt->nh.via.family || rt->nnh);
	}
	if (!(rt->given & MPLSROUTE_GIVEN_TYPE) && rt->family == AF_MPLS)
		rt->type = RTN_UNICAST;
	if (rt->table_id)
		rt->table = rt->table_id < 256 ? rt->table_id : RT_TABLE_UNSPEC;
}

void mr_route_head(const struct mplsroute_route *rt, uint16_t nlmsg_type,
		   struct rtmsg *h)
{
	int del = nlmsg_type == RTM_DELROUTE;
	uint8_t fam = rt->family ? rt->family : rt->nh.via.family;
	uint32_t tid;

	memset(h, 0, sizeof(*h));
	h->rtm_family = fam ? fam : AF_INET;
	h->rtm_dst_len = rt->dst_len;
	h->rtm_src_len = rt->src_len;
	h->rtm_tos = rt->tos;
	h->rtm_flags = rt->flags;
	h->rtm_protocol = rt->given & MPLSROUTE_GIVEN_PROTO ? rt->protocol :
			  del ? RTPROT_UNSPEC : RTPROT_BOOT;
	if (rt->given & MPLSROUTE_GIVEN_TYPE)
		h->rtm_type = rt->type;
	else if (!del || h->rtm_family == AF_MPLS)
		h->rtm_type = RTN_UNICAST;
	if (rt->given & MPLSROUTE_GIVEN_TABLE)
		tid = rt->table_id ? rt->table_id : rt->table;
	else
		tid = local_type(h->rtm_type) ? RT_TABLE_LOCAL : RT_TABLE_MAIN;
	h->rtm_table = tid < 256 ? (uint8_t)tid : RT_TABLE_UNSPEC;
	if (rt->given & MPLSROUTE_GIVEN_SCOPE)
		h->rtm_scope = rt->scope;
	else if (h->rtm_family == AF_INET6 || h->rtm_family == AF_MPLS)
		h->rtm_scope = RT_SCOPE_UNIVERSE;
	else
		h->rtm_scope = default_scope(h->rtm_type, del ?
				RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE, del,
				rt->nh.via.family || rt->nnh);
}

/* append @type to @list (of *n, at most @max) unless it is there */
static int list_add(uint16_t *list, uint8_t *n, unsigned int max,
		    uint16_t type)
{
	unsigned int i;

	for (i = 0; i < *n; i++)
		if (list[i] == type)
			return 0;
	if (*n >= max)
		return -E2BIG;
	list[(*n)++] = type;
	return 0;
}

MR_HOT
int mr_route_add_attr(struct mplsroute_route *rt,
				       uint16_t type)
{
	return list_add(rt->attrs, &rt->nattrs, MPLSROUTE_MAX_ATTRS, type);
}

int mr_nexthop_add_attr(struct mplsroute_nexthop *nh,
					 uint16_t type)
{
	return list_add(nh->attrs, &nh->nattrs,
			sizeof(nh->attrs) / sizeof(nh->attrs[0]), type);
}

MR_EXPORT int mplsroute_route_set_table(struct mplsroute_route *rt,
					uint32_t id)
{
	rt->table_id = id;
	rt->table = id < 256 ? id : RT_TABLE_UNSPEC;
	rt->given |= MPLSROUTE_GIVEN_TABLE;
	if (id < 256)
		return 0;
	return mr_route_add_attr(rt, RTA_TABLE);
}

/* true if @type (RTA_GATEWAY and RTA_VIA count as one) is in @list */
static int listed(const uint16_t *list, unsigned int n, uint16_t type)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (list[i] == type)
			return 1;
		if ((type == RTA_GATEWAY || type == RTA_VIA) &&
		    (list[i] == RTA_GATEWAY || list[i] == RTA_VIA))
			return 1;
	}
	return 0;
}

/*
 * The types in @list (of @n) as bits, for route_order's lookups: what
 * listed() answers, RTA_GATEWAY and RTA_VIA as one, without a scan each.
 */
static uint64_t listed_mask(const uint16_t *list, unsigned int n)
{
	const uint64_t via = 1ull << RTA_GATEWAY | 1ull << RTA_VIA;
	uint64_t m = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (list[i] >= 64)
			continue;	/* a raw entry: not in route_order */
		m |= 1ull << list[i];
	}
	return m & via ? m | via : m;
}

/*
 * An address attribute: a label stack for AF_MPLS, else @a->bytelen bytes,
 * or, when @fixed, the family's full length.  Nothing for an empty one.
 */
MR_HOT
static int put_addr(struct nlmsghdr *nlh, size_t len, uint16_t type,
		    const struct mplsroute_addr *a, int fixed)
{
	size_t n = a->bytelen;

	if (a->family == AF_MPLS) {
		uint8_t w[4 * MPLSROUTE_MAX_LABELS];
		int wn;

		wn = mplsroute_labels_to_wire(&a->labels, w, sizeof(w));
		if (wn <= 0)
			return wn;
		return mr_attr_put(nlh, len, type, (size_t)wn, w);
	}
	if (fixed && a->family == AF_INET)
		n = 4;
	else if (fixed && a->family == AF_INET6)
		n = 16;
	if (n > sizeof(a->data))
		return -EINVAL;
	if (n == 0)
		return 0;
	return mr_attr_put(nlh, len, type, n, a->data);
}

/* the via: RTA_GATEWAY in the route's own family, RTA_VIA otherwise */
static int put_via(struct nlmsghdr *nlh, size_t len, uint8_t family,
		   const struct mplsroute_addr *via)
{
	if (!via->family)
		return 0;
	if (via->family == family)
		return put_addr(nlh, len, RTA_GATEWAY, via, 1);
	return mplsroute_attr_put_via(nlh, len, via);
}

/* one attribute that a nexthop can carry; 1 if @type is not one of them */
MR_HOT
static int put_nh_attr(struct nlmsghdr *nlh, size_t len, uint8_t family,
		       const struct mplsroute_nexthop *nh, uint16_t type)
{
	switch (type) {
	case RTA_ENCAP:
		if (!nh->encap.n)
			return 0;
		return mplsroute_attr_put_encap_ttl(nlh, len, &nh->encap,
				nh->has_encap_ttl ? nh->encap_ttl : -1);
	case RTA_GATEWAY:
	case RTA_VIA:
		return put_via(nlh, len, family, &nh->via);
	case RTA_NEWDST:
		if (!nh->newdst.n)
			return 0;
		return mplsroute_attr_put_newdst(nlh, len, &nh->newdst);
	}
	return 1;
}

/* one route attribute of @type; unknown types and absent values: nothing */
MR_HOT
static int put_route_attr(struct nlmsghdr *nlh, size_t len,
			  const struct mplsroute_route *rt, uint8_t family,
			  uint16_t type)
{
	uint32_t tid = rt->table_id ? rt->table_id : rt->table;
	int ret;

	ret = put_nh_attr(nlh, len, family, &rt->nh, type);
	if (ret <= 0)
		return ret;
	switch (type) {
	case RTA_DST:
		return put_addr(nlh, len, RTA_DST, &rt->dst, 0);
	case RTA_SRC:
		return put_addr(nlh, len, RTA_SRC, &rt->src, 0);
	case RTA_PREFSRC:
		if (!rt->prefsrc.family)
			return 0;
		return put_addr(nlh, len, RTA_PREFSRC, &rt->prefsrc, 1);
	case RTA_PRIORITY:
		if (!rt->has_priority)
			return 0;
		return mr_attr_put(nlh, len, RTA_PRIORITY, 4, &rt->priority);
	case RTA_TABLE:
		if (tid < 256)
			return 0;
		return mr_attr_put(nlh, len, RTA_TABLE, 4, &tid);
	case RTA_PREF:
		if (!rt->has_pref)
			return 0;
		return mr_attr_put(nlh, len, RTA_PREF, 1, &rt->pref);
	case RTA_TTL_PROPAGATE:
		if (!rt->has_ttl_propagate)
			return 0;
		return mr_attr_put(nlh, len, RTA_TTL_PROPAGATE, 1,
				   &rt->ttl_propagate);
	}
	return 0;
}

MR_HOT
int mr_route_put_attr(struct nlmsghdr *nlh, size_t len,
		      const struct mplsroute_route *rt, uint16_t type)
{
	return put_route_attr(nlh, len, rt, rt->family, type);
}

/* append @n bytes of whole attributes; 0 or -EMSGSIZE */
static int put_bytes(struct nlmsghdr *nlh, size_t len, const void *p,
		     size_t n)
{
	if (nlh->nlmsg_len + n > len)
		return -EMSGSIZE;
	memcpy(mnl_nlmsg_get_payload_tail(nlh), p, n);
	nlh->nlmsg_len += n;
	return 0;
}

/* attrs[] entry MPLSROUTE_ATTR_RAW | off: the bytes kept in rt->raw */
static int put_raw(struct nlmsghdr *nlh, size_t len,
		   const struct mplsroute_route *rt, uint16_t entry)
{
	size_t off = entry & ~MPLSROUTE_ATTR_RAW;
	uint16_t n;

	if (off + 2 > rt->rawlen || rt->rawlen > MPLSROUTE_RAW_MAX)
		return -EINVAL;
	memcpy(&n, rt->raw + off, 2);
	if (off + 2 + n > rt->rawlen || n % 4)
		return -EINVAL;
	return put_bytes(nlh, len, rt->raw + off + 2, n);
}

/* where @type (RTA_GATEWAY and RTA_VIA as one) is listed, or -1 */
static int listed_at(const struct mplsroute_route *rt, uint16_t type)
{
	unsigned int i;

	for (i = 0; i < rt->nattrs && i < MPLSROUTE_MAX_ATTRS; i++)
		if (listed(&rt->attrs[i], 1, type))
			return (int)i;
	return -1;
}

MR_HOT
int mr_route_repeat_attr(struct mplsroute_route *rt,
					  uint16_t type)
{
	uint32_t scratch[(MNL_NLMSG_HDRLEN + 256) / 4];
	struct nlmsghdr *nlh;
	uint16_t n;
	int at, ret;

	at = listed_at(rt, type);
	if (at < 0)
		return 0;
	nlh = mnl_nlmsg_put_header(scratch);
	ret = put_route_attr(nlh, sizeof(scratch), rt, rt->family,
			     rt->attrs[at]);
	if (ret < 0)
		return ret == -EMSGSIZE ? -EINVAL : ret;
	n = (uint16_t)(nlh->nlmsg_len - MNL_NLMSG_HDRLEN);
	if (rt->rawlen + 2u + n > MPLSROUTE_RAW_MAX)
		return -EMSGSIZE;
	memcpy(rt->raw + rt->rawlen, &n, 2);
	memcpy(rt->raw + rt->rawlen + 2, mnl_nlmsg_get_payload(nlh), n);
	rt->attrs[at] = MPLSROUTE_ATTR_RAW | rt->rawlen;
	rt->rawlen += 2 + n;
	return 0;
}

/* one attribute into rt->raw, behind its u16 length; its offset, or < 0 */
static int raw_add(struct mplsroute_route *rt, uint16_t type,
		   const void *data, size_t len)
{
	uint16_t n = (uint16_t)MNL_ALIGN(MNL_ATTR_HDRLEN + len);
	struct nlattr a;
	int off = rt->rawlen;

	if (len > MPLSROUTE_RAW_MAX || (len && !data))
		return -EINVAL;
	if (rt->rawlen + 2u + n > MPLSROUTE_RAW_MAX)
		return -EMSGSIZE;
	a.nla_len = (uint16_t)(MNL_ATTR_HDRLEN + len);
	a.nla_type = type;
	memset(rt->raw + off, 0, 2u + n);
	memcpy(rt->raw + off, &n, 2);
	memcpy(rt->raw + off + 2, &a, sizeof(a));
	if (len)
		memcpy(rt->raw + off + 2 + MNL_ATTR_HDRLEN, data, len);
	rt->rawlen += 2 + n;
	return off;
}

int mr_route_put_raw(struct mplsroute_route *rt,
				      uint16_t type, const void *data,
				      size_t len)
{
	int off;

	if (rt->nattrs >= MPLSROUTE_MAX_ATTRS)
		return -E2BIG;
	off = raw_add(rt, type, data, len);
	if (off < 0)
		return off;
	rt->attrs[rt->nattrs++] = MPLSROUTE_ATTR_RAW | (uint16_t)off;
	return 0;
}

int mr_route_put_metric(struct mplsroute_route *rt,
					 uint16_t type, const void *data,
					 size_t len)
{
	struct nlattr a;
	size_t need = MNL_ALIGN(MNL_ATTR_HDRLEN + len);

	if (type == RTAX_UNSPEC || type == RTAX_LOCK || (len && !data))
		return -EINVAL;
	if (rt->mxlen + need > MPLSROUTE_MX_MAX)
		return -EMSGSIZE;
	a.nla_len = (uint16_t)(MNL_ATTR_HDRLEN + len);
	a.nla_type = type;
	memset(rt->mx + rt->mxlen, 0, need);
	memcpy(rt->mx + rt->mxlen, &a, sizeof(a));
	if (len)
		memcpy(rt->mx + rt->mxlen + MNL_ATTR_HDRLEN, data, len);
	rt->mxlen += need;
	if (type == RTAX_CC_ALGO) {
		memset(rt->cc_algo, 0, sizeof(rt->cc_algo));
		memcpy(rt->cc_algo, data, len < sizeof(rt->cc_algo) ?
		       len : sizeof(rt->cc_algo) - 1);
		rt->metrics_set |= 1u << type;
	} else if (len == 4 && type < 17) {
		memcpy(&rt->metrics[type], data, 4);
		rt->metrics_set |= 1u << type;
	}
	return 0;
}

/* one attribute of an rtnexthop: those of a path, and realms (RTA_FLOW) */
static int put_rtnh_attr(struct nlmsghdr *nlh, size_t len, uint8_t family,
			 const struct mplsroute_nexthop *nh, uint16_t type)
{
	int ret;

	if (type == RTA_FLOW) {
		if (!nh->has_flow)
			return 0;
		return mr_attr_put(nlh, len, RTA_FLOW, 4, &nh->flow);
	}
	ret = put_nh_attr(nlh, len, family, nh, type);
	return ret > 0 ? 0 : ret;
}

/* a nexthop's attributes: listed ones first, then the rest present */
static int put_nh_attrs(struct nlmsghdr *nlh, size_t len, uint8_t family,
			const struct mplsroute_nexthop *nh)
{
	unsigned int i, n = nh->nattrs;
	int ret;

	if (n > sizeof(nh->attrs) / sizeof(nh->attrs[0]))
		return -EINVAL;
	for (i = 0; i < n; i++) {
		ret = put_rtnh_attr(nlh, len, family, nh, nh->attrs[i]);
		if (ret < 0)
			return ret;
	}
	for (i = 0; i < sizeof(nexthop_order) / sizeof(nexthop_order[0]); i++) {
		if (listed(nh->attrs, n, nexthop_order[i]))
			continue;
		ret = put_rtnh_attr(nlh, len, family, nh, nexthop_order[i]);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* RTA_MULTIPATH: one struct rtnexthop and its attributes per nexthop */
static int put_multipath(struct nlmsghdr *nlh, size_t len,
			 const struct mplsroute_route *rt, uint8_t family)
{
	struct nlattr *nest;
	struct rtnexthop *rtnh;
	unsigned int i;
	char *tail;
	int ret;

	if (rt->nnh > MPLSROUTE_MAX_NEXTHOPS)
		return -EINVAL;
	nest = mr_attr_nest_start(nlh, len, RTA_MULTIPATH);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < rt->nnh; i++) {
		const struct mplsroute_nexthop *nh = &rt->nhs[i];

		if (nlh->nlmsg_len + RTNH_ALIGN(sizeof(*rtnh)) > len)
			return -EMSGSIZE;
		rtnh = mnl_nlmsg_get_payload_tail(nlh);
		memset(rtnh, 0, RTNH_ALIGN(sizeof(*rtnh)));
		rtnh->rtnh_flags = nh->flags;
		rtnh->rtnh_hops = nh->hops;
		rtnh->rtnh_ifindex = (int)nh->ifindex;
		nlh->nlmsg_len += RTNH_ALIGN(sizeof(*rtnh));
		ret = put_nh_attrs(nlh, len, family, nh);
		if (ret < 0)
			return ret;
		tail = mnl_nlmsg_get_payload_tail(nlh);
		rtnh->rtnh_len = (unsigned short)(tail - (char *)rtnh);
	}
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

/* RTAX_LOCK (last, when set), then the end of the RTA_METRICS @nest */
static int put_metrics_end(struct nlmsghdr *nlh, size_t len,
			   const struct mplsroute_route *rt,
			   struct nlattr *nest)
{
	if (rt->metrics_set & (1u << RTAX_LOCK) &&
	    mr_attr_put(nlh, len, RTAX_LOCK, 4, &rt->metrics[RTAX_LOCK]) < 0)
		return -EMSGSIZE;
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

/* RTA_METRICS as the user gave them (rt->mx), then RTAX_LOCK */
static int put_metrics_given(struct nlmsghdr *nlh, size_t len,
			     const struct mplsroute_route *rt)
{
	struct nlattr *nest;

	if (rt->mxlen > MPLSROUTE_MX_MAX || rt->mxlen % 4)
		return -EINVAL;
	nest = mr_attr_nest_start(nlh, len, RTA_METRICS);
	if (!nest || put_bytes(nlh, len, rt->mx, rt->mxlen) < 0)
		return -EMSGSIZE;
	return put_metrics_end(nlh, len, rt, nest);
}

/* RTA_METRICS: each metric set, ascending, RTAX_LOCK last */
static int put_metrics(struct nlmsghdr *nlh, size_t len,
		       const struct mplsroute_route *rt)
{
	struct nlattr *nest;
	unsigned int i;

	if (rt->mxlen)
		return put_metrics_given(nlh, len, rt);
	if (!(rt->metrics_set & ~(1u << RTAX_UNSPEC) & ~(1u << RTAX_CC_ALGO)))
		return 0;
	nest = mr_attr_nest_start(nlh, len, RTA_METRICS);
	if (!nest)
		return -EMSGSIZE;
	for (i = RTAX_LOCK + 1; i < 17; i++) {
		if (i == RTAX_CC_ALGO || !(rt->metrics_set & (1u << i)))
			continue;
		if (mr_attr_put(nlh, len, i, 4, &rt->metrics[i]) < 0)
			return -EMSGSIZE;
	}
	return put_metrics_end(nlh, len, rt, nest);
}

/* everything after the rtmsg, in 4.4's order */
static int put_route_attrs(struct nlmsghdr *nlh, size_t len,
			   const struct mplsroute_route *rt, uint8_t family)
{
	unsigned int i, n = rt->nattrs;
	uint64_t given;
	int ret;

	if (n > MPLSROUTE_MAX_ATTRS)
		return -EINVAL;
	given = listed_mask(rt->attrs, n);
	for (i = 0; i < n; i++) {
		if (rt->attrs[i] & MPLSROUTE_ATTR_RAW)
			ret = put_raw(nlh, len, rt, rt->attrs[i]);
		else
			ret = put_route_attr(nlh, len, rt, family,
					     rt->attrs[i]);
		if (ret < 0)
			return ret;
	}
	for (i = 0; i < sizeof(route_order) / sizeof(route_order[0]); i++) {
		if (given & 1ull << route_order[i])
			continue;
		ret = put_route_attr(nlh, len, rt, family, route_order[i]);
		if (ret < 0)
			return ret;
	}
	if (rt->nh.ifindex &&
	    mr_attr_put(nlh, len, RTA_OIF, 4, &rt->nh.ifindex) < 0)
		return -EMSGSIZE;
	ret = put_metrics(nlh, len, rt);
	if (ret < 0 || !rt->nnh)
		return ret;
	return put_multipath(nlh, len, rt, family);
}

MR_HOT
int mr_route_build(void *buf, size_t len, const struct mplsroute_route *rt,
		   const struct rtmsg *head, uint16_t nlmsg_type,
		   uint16_t nlmsg_flags)
{
	struct nlmsghdr *nlh;
	struct rtmsg *rtm;
	int ret;

	if (len < MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*rtm)))
		return -EMSGSIZE;
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = nlmsg_type;
	nlh->nlmsg_flags = NLM_F_REQUEST | nlmsg_flags;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	*rtm = *head;
	ret = put_route_attrs(nlh, len, rt, head->rtm_family);
	if (ret < 0)
		return ret;
	return (int)nlh->nlmsg_len;
}

MR_HOT
MR_EXPORT int mplsroute_route_build(void *buf, size_t len,
				    const struct mplsroute_route *rt,
				    uint16_t nlmsg_type, uint16_t nlmsg_flags)
{
	struct rtmsg h;
	uint32_t tid;
	int ret;

	if (!buf || !rt)
		return -EINVAL;
	ret = mr_memo_build(buf, len, rt, nlmsg_type, nlmsg_flags);
	if (ret > 0)
		return ret;	/* the line before's request, patched */
	tid = rt->table_id ? rt->table_id : rt->table;
	h.rtm_family = rt->family;
	h.rtm_dst_len = rt->dst_len;
	h.rtm_src_len = rt->src_len;
	h.rtm_tos = rt->tos;
	h.rtm_table = tid < 256 ? (uint8_t)tid : RT_TABLE_UNSPEC;
	h.rtm_protocol = rt->protocol;
	h.rtm_scope = rt->scope;
	h.rtm_type = rt->type;
	h.rtm_flags = rt->flags;
	ret = mr_route_build(buf, len, rt, &h, nlmsg_type, nlmsg_flags);
	if (ret > 0)
		mr_memo_built(buf, len, (struct mplsroute_route *)rt,
			      nlmsg_type, nlmsg_flags);
	return ret;
}

MR_HOT
MR_EXPORT struct mplsroute_route *mplsroute_route_new(void)
{
	/*
	 * a mapping of its own (lib/mem.c), as the socket: no malloc set-up
	 * in a one-route process, and of the 15 KiB only the pages written
	 * are touched (the head, mr_route_init_head: nhs[], raw[] and mx[]
	 * are read only as far as they are filled)
	 */
	struct mplsroute_route *rt = mr_obj_alloc(sizeof(*rt));

	if (!rt) {
		errno = ENOMEM;
		return NULL;
	}
	mr_route_init_head(rt, RTM_NEWROUTE);
	return rt;
}

MR_HOT
MR_EXPORT void mplsroute_route_free(struct mplsroute_route *rt)
{
	mr_obj_free(rt, sizeof(*rt));
}
