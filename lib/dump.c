/* lib/dump.c: route messages -> struct mplsroute_route, and the route dump */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"

#define TB_MAX MR_RTA_MAX	/* attribute types we look at are below this */

/* payload length rules for the attributes we decode; others are skipped */
const struct mr_len_rule mr_rta_policy[MR_RTA_MAX] = {
	[RTA_DST] = { 1, 120 },
	[RTA_SRC] = { 1, 120 },
	[RTA_IIF] = { 4, 4 },
	[RTA_OIF] = { 4, 4 },
	[RTA_GATEWAY] = { 1, 16 },
	[RTA_PRIORITY] = { 4, 4 },
	[RTA_PREFSRC] = { 1, 16 },
	[RTA_METRICS] = { 0, 0xffff },
	[RTA_MULTIPATH] = { 0, 0xffff },
	[RTA_CACHEINFO] = { sizeof(struct rta_cacheinfo), 0xffff },
	[RTA_TABLE] = { 4, 4 },
	[RTA_VIA] = { 2, 2 + 120 },
	[RTA_NEWDST] = { 4, 120 },
	[RTA_PREF] = { 1, 1 },
	[RTA_ENCAP_TYPE] = { 2, 2 },
	[RTA_ENCAP] = { 0, 0xffff },
	[RTA_MARK] = { 4, 4 },
	[RTA_FLOW] = { 4, 4 },
	[RTA_TTL_PROPAGATE] = { 1, 1 },
	[RTA_UID] = { 4, 4 },
};

/*
 * The attributes of a route or a nexthop: by type, and the types in order.
 * tb[T] is set only when bit T of @have is: nothing needs clearing.
 */
struct atab {
	uint32_t have;
	uint8_t n;
	uint8_t order[TB_MAX];	/* the types attrs[] keeps, in wire order */
	const struct nlattr *tb[TB_MAX];
};

/* the attribute of type @type, or NULL */
static inline const struct nlattr *tb(const struct atab *t, unsigned type)
{
	return t->have & (1u << type) ? t->tb[type] : NULL;
}

/* what note_order keeps of each type: always, a route's only, an encap */
#define KEEP_ALL	1
#define KEEP_ROUTE	2
#define KEEP_ENCAP	3
static const uint8_t keep[TB_MAX] = {
	[RTA_DST] = KEEP_ROUTE, [RTA_SRC] = KEEP_ROUTE,
	[RTA_PREFSRC] = KEEP_ROUTE, [RTA_PRIORITY] = KEEP_ROUTE,
	[RTA_TABLE] = KEEP_ROUTE, [RTA_TTL_PROPAGATE] = KEEP_ROUTE,
	[RTA_ENCAP] = KEEP_ENCAP,
	[RTA_GATEWAY] = KEEP_ALL, [RTA_VIA] = KEEP_ALL, [RTA_NEWDST] = KEEP_ALL,
};

/*
 * Fills @t from the attributes in [@p, @p + @len): each must fit (a length
 * from the wire is checked against what is left), known ones must meet
 * their policy, unknown ones are skipped.  t->order lists, in wire order,
 * the types that a route (@route 1) or a nexthop (0) keeps in its attrs[]
 * (note_order).  0 or -EINVAL.
 */
static int attr_table(const void *p, size_t len, struct atab *t, int route)
{
	const struct nlattr *a;
	uint32_t have = 0, bit;
	uint16_t type, plen;
	uint8_t n = 0;

	while (len >= MNL_ATTR_HDRLEN) {
		a = p;
		if (a->nla_len < MNL_ATTR_HDRLEN || a->nla_len > len)
			return -EINVAL;
		type = a->nla_type & NLA_TYPE_MASK;
		plen = (uint16_t)(a->nla_len - MNL_ATTR_HDRLEN);
		if (type < TB_MAX && mr_rta_policy[type].max) {
			if (plen < mr_rta_policy[type].min ||
			    plen > mr_rta_policy[type].max)
				return -EINVAL;
			bit = 1u << type;
			if (!(have & bit) && keep[type] &&
			    (route || keep[type] != KEEP_ROUTE))
				t->order[n++] = (uint8_t)type;
			have |= bit;
			t->tb[type] = a;
		}
		p = mr_attr_next(a, &len);
	}
	t->have = have;
	t->n = n;
	return 0;
}

/* an address of the route's family into a zeroed @out: 4/16 bytes, or a
 * label stack */
static int get_addr(const struct nlattr *a, uint8_t family, uint8_t bitlen,
		    struct mplsroute_addr *out)
{
	const void *p = mnl_attr_get_payload(a);
	size_t len = a->nla_len - MNL_ATTR_HDRLEN;
	int ret;

	if (family == AF_MPLS) {
		ret = mr_labels_decode(&out->labels, p, len);
		if (ret < 0)
			return ret;
	} else {
		if ((family == AF_INET && len != 4) ||
		    (family == AF_INET6 && len != 16) ||
		    len > sizeof(out->data))
			return -EINVAL;
		memcpy(out->data, p, len);
	}
	out->family = family;
	out->bytelen = (uint8_t)len;
	out->bitlen = bitlen;
	return 0;
}

/*
 * Lists in @attrs the types of t->order (RTA_ENCAP only when it was an
 * MPLS encap).
 */
static void note_order(const struct atab *t, int have_encap,
		       uint16_t *attrs, uint8_t *n, size_t max)
{
	size_t i, m = *n;	/* locals: no reloads through the pointers */

	for (i = 0; i < t->n && m < max; i++)
		if (t->order[i] != RTA_ENCAP || have_encap)
			attrs[m++] = t->order[i];
	*n = (uint8_t)m;
}

/* RTA_ENCAP(+TYPE) into @nh */
static int get_encap(const struct atab *t, struct mplsroute_nexthop *nh)
{
	int ret, ttl;

	ret = mplsroute_attr_get_encap_ttl(tb(t, RTA_ENCAP),
					   tb(t, RTA_ENCAP_TYPE),
					   &nh->encap, &ttl);
	if (ret == -EOPNOTSUPP) {	/* not MPLS: not ours */
		nh->encap.n = 0;
		ret = 0;
	} else if (ret == 0 && ttl >= 0) {
		nh->encap_ttl = (uint8_t)ttl;
		nh->has_encap_ttl = 1;
	}
	return ret;
}

/* the parts a route and each of its nexthops share; @nh is zeroed */
static int get_path(const struct atab *t, uint8_t family,
		    struct mplsroute_nexthop *nh)
{
	const struct nlattr *a;
	int ret = 0;

	if ((a = tb(t, RTA_GATEWAY)))
		ret = get_addr(a, family, 0, &nh->via);
	if (ret == 0 && (a = tb(t, RTA_VIA)))
		ret = nh->via.family ? mplsroute_attr_get_via(a, &nh->via) :
				       mr_attr_via(a, &nh->via);
	if (ret == 0 && (a = tb(t, RTA_NEWDST)))
		ret = mr_labels_decode(&nh->newdst, mnl_attr_get_payload(a),
				       a->nla_len - MNL_ATTR_HDRLEN);
	if (ret == 0 && (a = tb(t, RTA_ENCAP)))
		ret = get_encap(t, nh);
	if (ret < 0)
		return ret;
	if ((a = tb(t, RTA_OIF)))
		nh->ifindex = mnl_attr_get_u32(a);
	if ((a = tb(t, RTA_FLOW))) {
		nh->flow = mnl_attr_get_u32(a);
		nh->has_flow = 1;
	}
	return 0;
}

static int get_multipath(const struct nlattr *mp, uint8_t family,
			 struct mplsroute_route *rt)
{
	struct atab t;
	const char *p = mnl_attr_get_payload(mp);
	size_t left = mnl_attr_get_payload_len(mp);
	const struct rtnexthop *rtnh;
	struct mplsroute_nexthop *nh;
	int ret;

	while (left >= sizeof(*rtnh)) {
		rtnh = (const struct rtnexthop *)p;
		if (rtnh->rtnh_len < sizeof(*rtnh) || rtnh->rtnh_len > left)
			return -EINVAL;
		if (rt->nnh == MPLSROUTE_MAX_NEXTHOPS)
			return -E2BIG;
		nh = &rt->nhs[rt->nnh++];
		memset(nh, 0, sizeof(*nh));
		nh->in_multipath = 1;
		nh->flags = rtnh->rtnh_flags;
		nh->hops = rtnh->rtnh_hops;
		nh->ifindex = (uint32_t)rtnh->rtnh_ifindex;
		ret = attr_table(p + sizeof(*rtnh),
				 rtnh->rtnh_len - sizeof(*rtnh), &t, 0);
		if (ret < 0)
			return ret;
		t.have &= ~(1u << RTA_OIF);	/* the rtnexthop's ifindex */
		ret = get_path(&t, family, nh);
		if (ret < 0)
			return ret;
		note_order(&t, nh->encap.n > 0, nh->attrs, &nh->nattrs,
			   sizeof(nh->attrs) / sizeof(nh->attrs[0]));
		if ((size_t)RTNH_ALIGN(rtnh->rtnh_len) >= left)
			break;
		left -= RTNH_ALIGN(rtnh->rtnh_len);
		p += RTNH_ALIGN(rtnh->rtnh_len);
	}
	return 0;
}

/* RTAX_CC_ALGO: a name, NUL-terminated or not, cut to fit rt->cc_algo */
static void get_cc_algo(const struct nlattr *a, struct mplsroute_route *rt)
{
	size_t n = mnl_attr_get_payload_len(a);
	const char *name = mnl_attr_get_payload(a);

	if (n >= sizeof(rt->cc_algo))
		n = sizeof(rt->cc_algo) - 1;
	memcpy(rt->cc_algo, name, n);
	rt->cc_algo[n] = 0;
	rt->cc_algo[strnlen(rt->cc_algo, n)] = 0;
	rt->metrics_set |= 1u << RTAX_CC_ALGO;
}

static int get_metrics(const struct nlattr *m, struct mplsroute_route *rt)
{
	const char *p = mnl_attr_get_payload(m);
	size_t left = mnl_attr_get_payload_len(m);
	const struct nlattr *a;
	uint16_t type;

	while (left >= MNL_ATTR_HDRLEN) {
		a = (const struct nlattr *)p;
		if (!mr_attr_ok(a, left))
			return -EINVAL;
		type = mnl_attr_get_type(a);
		/* RTAX_CC_ALGO is a string; the others are u32 */
		if (type == RTAX_CC_ALGO) {
			get_cc_algo(a, rt);
		} else if (type > 0 && type <= RTAX_MAX && type < 17) {
			if (mnl_attr_get_payload_len(a) != 4)
				return -EINVAL;
			rt->metrics[type] = mnl_attr_get_u32(a);
			rt->metrics_set |= 1u << type;
		}
		p = mr_attr_next(a, &left);
	}
	return 0;
}

/* RTA_CACHEINFO */
static void get_cacheinfo(const struct nlattr *a, struct mplsroute_route *rt)
{
	const struct rta_cacheinfo *ci = mnl_attr_get_payload(a);

	rt->expires = (uint32_t)ci->rta_expires;
	rt->has_cacheinfo = 1;
	rt->ci_clntref = ci->rta_clntref;
	rt->ci_lastuse = ci->rta_lastuse;
	rt->ci_error = ci->rta_error;
	rt->ci_used = ci->rta_used;
	rt->ci_id = ci->rta_id;
	rt->ci_ts = ci->rta_ts;
	rt->ci_tsage = ci->rta_tsage;
}

/* the types get_scalars looks at */
#define SCALARS ((1u << RTA_TABLE) | (1u << RTA_PRIORITY) | (1u << RTA_PREF) | \
		 (1u << RTA_TTL_PROPAGATE) | (1u << RTA_IIF) |		\
		 (1u << RTA_CACHEINFO) | (1u << RTA_MARK) | (1u << RTA_UID) | \
		 (1u << RTA_METRICS) | (1u << RTA_MULTIPATH))

/* the single-value attributes */
static int get_scalars(const struct atab *t, struct mplsroute_route *rt)
{
	const struct nlattr *a;
	int ret = 0;

	if (!(t->have & SCALARS))
		return 0;
	if ((a = tb(t, RTA_TABLE)))
		rt->table_id = mnl_attr_get_u32(a);
	if ((a = tb(t, RTA_PRIORITY))) {
		rt->priority = mnl_attr_get_u32(a);
		rt->has_priority = 1;
	}
	if ((a = tb(t, RTA_PREF))) {
		rt->pref = mnl_attr_get_u8(a);
		rt->has_pref = 1;
	}
	if ((a = tb(t, RTA_TTL_PROPAGATE))) {
		rt->ttl_propagate = mnl_attr_get_u8(a);
		rt->has_ttl_propagate = 1;
	}
	if ((a = tb(t, RTA_IIF)))
		rt->iif = mnl_attr_get_u32(a);
	if ((a = tb(t, RTA_CACHEINFO)))
		get_cacheinfo(a, rt);
	if ((a = tb(t, RTA_MARK)))
		rt->mark = mnl_attr_get_u32(a);
	if ((a = tb(t, RTA_UID))) {
		rt->uid = mnl_attr_get_u32(a);
		rt->has_uid = 1;
	}
	if ((a = tb(t, RTA_METRICS)))
		ret = get_metrics(a, rt);
	if (ret == 0 && (a = tb(t, RTA_MULTIPATH)))
		ret = get_multipath(a, rt->family, rt);
	return ret;
}

static int get_addrs(const struct atab *t, struct mplsroute_route *rt)
{
	const struct nlattr *a;
	int ret = 0;

	if ((a = tb(t, RTA_DST)))
		ret = get_addr(a, rt->family, rt->dst_len, &rt->dst);
	if (ret == 0 && (a = tb(t, RTA_SRC)))
		ret = get_addr(a, rt->family, rt->src_len, &rt->src);
	if (ret == 0 && (a = tb(t, RTA_PREFSRC)))
		ret = get_addr(a, rt->family, 0, &rt->prefsrc);
	return ret;
}

int mr_route_parse(const struct nlmsghdr *nlh,
				    struct mplsroute_route *rt)
{
	struct atab t;
	const struct rtmsg *rtm;
	size_t hdr = MNL_ALIGN(sizeof(*rtm));
	int ret;

	if (!nlh || !rt)
		return -EINVAL;
	if (nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE)
		return -EPROTO;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + hdr)
		return -EBADMSG;
	/*
	 * nhs[] is big and filled as decoded, raw[] and mx[] are read only
	 * up to rawlen and mxlen: clear only the rest, as mr_route_init_head
	 * (whose assertion in lib/route.c pins the layout)
	 */
	memset(rt, 0, offsetof(struct mplsroute_route, raw));
	rt->mxlen = 0;
	rt->nnh = 0;
	rtm = mnl_nlmsg_get_payload(nlh);
	rt->family = rtm->rtm_family;
	rt->dst_len = rtm->rtm_dst_len;
	rt->src_len = rtm->rtm_src_len;
	rt->tos = rtm->rtm_tos;
	rt->table = rtm->rtm_table;
	rt->protocol = rtm->rtm_protocol;
	rt->scope = rtm->rtm_scope;
	rt->type = rtm->rtm_type;
	rt->flags = rtm->rtm_flags;
	rt->table_id = rtm->rtm_table;
	rt->nh.flags = (uint8_t)rtm->rtm_flags;
	ret = attr_table((const char *)rtm + hdr,
			 nlh->nlmsg_len - MNL_NLMSG_HDRLEN - hdr, &t, 1);
	if (ret == 0)
		ret = get_addrs(&t, rt);
	if (ret == 0)
		ret = get_scalars(&t, rt);
	if (ret == 0)
		ret = get_path(&t, rt->family, &rt->nh);
	if (ret == 0)
		note_order(&t, rt->nh.encap.n > 0, rt->attrs, &rt->nattrs,
			   MPLSROUTE_MAX_ATTRS);
	return ret;
}

MR_EXPORT int mplsroute_route_dump_request(void *buf, size_t len, int family)
{
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifi;
	size_t need = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*ifi)) +
		      MNL_ATTR_HDRLEN + 4;

	if (!buf || len < need)
		return -EMSGSIZE;
	memset(buf, 0, need);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = (unsigned char)family;
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_VF);
	return (int)nlh->nlmsg_len;
}

struct dump_ctx {
	mplsroute_route_cb cb;
	void *data;
	struct mplsroute_route rt;	/* one route at a time: flat memory */
};

static int dump_msg(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *d = data;

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	if (mplsroute_route_decode(nlh, &d->rt) < 0)
		return d->cb(nlh, NULL, d->data);
	return d->cb(nlh, &d->rt, d->data);
}

MR_EXPORT int mplsroute_route_dump(struct mplsroute_sock *s, int family,
				   mplsroute_route_cb cb, void *data)
{
	union {
		struct nlmsghdr nlh;
		char buf[64];
	} req;
	struct dump_ctx *d;
	int ret;

	if (!s || !cb)
		return -EINVAL;
	ret = mplsroute_route_dump_request(req.buf, sizeof(req.buf), family);
	if (ret < 0)
		return ret;
	d = calloc(1, sizeof(*d));
	if (!d)
		return -ENOMEM;
	d->cb = cb;
	d->data = data;
	ret = mplsroute_sock_dump(s, &req.nlh, dump_msg, d);
	free(d);
	return ret;
}
