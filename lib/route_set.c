/* lib/route_set.c: the route object's setters (first-set order on the wire) */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"

/* the route whose own path @nh is (nh->in_multipath is 0) */
static struct mplsroute_route *path_route(struct mplsroute_nexthop *nh)
{
	return (struct mplsroute_route *)((char *)nh -
		offsetof(struct mplsroute_route, nh));
}

/* list @type where @nh's attributes go: the route's list for its path */
static int nh_list(struct mplsroute_nexthop *nh, uint16_t type)
{
	if (nh->in_multipath)
		return mr_nexthop_add_attr(nh, type);
	return mr_route_add_attr(path_route(nh), type);
}

/* a label stack: 1..MPLSROUTE_MAX_LABELS labels of 20 bits; 0 or -errno */
static int check_labels(const struct mplsroute_labels *ls)
{
	unsigned int i;

	if (!ls || ls->n == 0)
		return -EINVAL;
	if (ls->n > MPLSROUTE_MAX_LABELS)
		return -E2BIG;
	for (i = 0; i < ls->n; i++)
		if (ls->label[i] > MPLSROUTE_LABEL_MAX)
			return -ERANGE;
	return 0;
}

/*
 * @in checked and completed into @out: inet/inet6 take their full length
 * (a prefix keeps a bytelen of 0 with bitlen 0: "default"), mpls its
 * stack's.  @prefix: bitlen is a prefix length.  0 or -errno.
 */
static int addr_norm(struct mplsroute_addr *out,
		     const struct mplsroute_addr *in, int prefix)
{
	unsigned int bytes, bits;
	int ret;

	if (!in)
		return -EINVAL;
	*out = *in;
	if (in->family == AF_MPLS) {
		ret = check_labels(&in->labels);
		if (ret < 0)
			return ret;
		out->bytelen = (uint8_t)(4 * in->labels.n);
		out->bitlen = 20;
		return 0;
	}
	if (in->family != AF_INET && in->family != AF_INET6)
		return -EAFNOSUPPORT;
	bytes = in->family == AF_INET ? 4 : 16;
	bits = 8 * bytes;
	if (!prefix) {
		out->bytelen = (uint8_t)bytes;
		out->bitlen = (uint8_t)bits;
		return 0;
	}
	if (in->bitlen > bits || in->bytelen > bytes)
		return -EINVAL;
	if (in->bitlen && !in->bytelen)
		out->bytelen = (uint8_t)bytes;
	return 0;
}

MR_EXPORT void mplsroute_route_reset(struct mplsroute_route *rt)
{
	if (rt) {
		mr_route_init_head(rt, RTM_NEWROUTE);
		mr_memo_forget(rt);
	}
}

MR_EXPORT int mplsroute_route_set_family(struct mplsroute_route *rt,
					 int family)
{
	if (family != AF_INET && family != AF_INET6 && family != AF_MPLS)
		return -EAFNOSUPPORT;
	rt->family = (uint8_t)family;
	return 0;
}

MR_EXPORT int mplsroute_route_set_dst(struct mplsroute_route *rt,
				      const struct mplsroute_addr *prefix)
{
	struct mplsroute_addr a;
	int ret = addr_norm(&a, prefix, 1);

	if (ret < 0)
		return ret;
	if (rt->family && rt->family != a.family)
		return -EAFNOSUPPORT;
	ret = mr_route_add_attr(rt, RTA_DST);
	if (ret < 0)
		return ret;
	rt->family = (uint8_t)a.family;
	rt->dst = a;
	rt->dst_len = a.bitlen;
	return 0;
}

MR_EXPORT int mplsroute_route_set_label(struct mplsroute_route *rt,
					uint32_t label)
{
	struct mplsroute_addr a = { .family = AF_MPLS };

	if (label > MPLSROUTE_LABEL_MAX)
		return -ERANGE;
	a.labels.n = 1;
	a.labels.label[0] = label;
	rt->family = AF_MPLS;
	return mplsroute_route_set_dst(rt, &a);
}

MR_EXPORT int mplsroute_route_set_protocol(struct mplsroute_route *rt,
					   uint8_t proto)
{
	rt->protocol = proto;
	rt->given |= MPLSROUTE_GIVEN_PROTO;
	return 0;
}

MR_EXPORT int mplsroute_route_set_scope(struct mplsroute_route *rt,
					uint8_t scope)
{
	rt->scope = scope;
	rt->given |= MPLSROUTE_GIVEN_SCOPE;
	return 0;
}

MR_EXPORT int mplsroute_route_set_type(struct mplsroute_route *rt,
				       uint8_t type)
{
	rt->type = type;
	rt->given |= MPLSROUTE_GIVEN_TYPE;
	return 0;
}

MR_EXPORT int mplsroute_route_set_tos(struct mplsroute_route *rt,
				      uint8_t tos)
{
	rt->tos = tos;
	return 0;
}

MR_EXPORT int mplsroute_route_set_priority(struct mplsroute_route *rt,
					   uint32_t metric)
{
	int ret = mr_route_add_attr(rt, RTA_PRIORITY);

	if (ret < 0)
		return ret;
	rt->priority = metric;
	rt->has_priority = 1;
	return 0;
}

MR_EXPORT int mplsroute_route_set_prefsrc(struct mplsroute_route *rt,
					  const struct mplsroute_addr *a)
{
	struct mplsroute_addr n;
	int ret = addr_norm(&n, a, 0);

	if (ret == 0)
		ret = mr_route_add_attr(rt, RTA_PREFSRC);
	if (ret < 0)
		return ret;
	rt->prefsrc = n;
	return 0;
}

MR_EXPORT int mplsroute_route_set_ttl_propagate(struct mplsroute_route *rt,
						int enabled)
{
	int ret;

	if (enabled != 0 && enabled != 1)
		return -EINVAL;
	ret = mr_route_add_attr(rt, RTA_TTL_PROPAGATE);
	if (ret < 0)
		return ret;
	rt->ttl_propagate = (uint8_t)enabled;
	rt->has_ttl_propagate = 1;
	return 0;
}

/* the u32 metric @rtax in rt->mx, or NULL */
static uint8_t *mx_find(struct mplsroute_route *rt, uint16_t rtax)
{
	unsigned int off = 0;
	struct nlattr a;

	while (off + MNL_ATTR_HDRLEN <= rt->mxlen) {
		memcpy(&a, rt->mx + off, sizeof(a));
		if (a.nla_len < MNL_ATTR_HDRLEN)
			return NULL;
		if (a.nla_type == rtax && a.nla_len == MNL_ATTR_HDRLEN + 4)
			return rt->mx + off + MNL_ATTR_HDRLEN;
		off += MNL_ALIGN(a.nla_len);
	}
	return NULL;
}

MR_EXPORT int mplsroute_route_set_metric(struct mplsroute_route *rt,
					 uint16_t rtax, uint32_t value)
{
	uint8_t *p;

	if (rtax == RTAX_UNSPEC || rtax >= 17 || rtax == RTAX_CC_ALGO)
		return -EINVAL;
	if (rtax == RTAX_LOCK) {	/* sent last, as 4.4 does */
		rt->metrics[RTAX_LOCK] = value;
		rt->metrics_set |= 1u << RTAX_LOCK;
		return 0;
	}
	p = mx_find(rt, rtax);
	if (!p)
		return mr_route_put_metric(rt, rtax, &value, 4);
	memcpy(p, &value, 4);
	rt->metrics[rtax] = value;
	return 0;
}

MR_EXPORT struct mplsroute_nexthop *mplsroute_route_path(
	struct mplsroute_route *rt)
{
	return rt ? &rt->nh : NULL;
}

MR_EXPORT struct mplsroute_nexthop *mplsroute_route_add_nexthop(
	struct mplsroute_route *rt)
{
	struct mplsroute_nexthop *nh;

	if (rt->nnh >= MPLSROUTE_MAX_NEXTHOPS) {
		errno = E2BIG;
		return NULL;
	}
	nh = &rt->nhs[rt->nnh++];
	memset(nh, 0, sizeof(*nh));
	nh->in_multipath = 1;
	return nh;
}

MR_EXPORT int mplsroute_nexthop_set_via(struct mplsroute_nexthop *nh,
					const struct mplsroute_addr *via)
{
	struct mplsroute_addr a;
	int ret = addr_norm(&a, via, 0);

	if (ret == 0)
		ret = nh_list(nh, RTA_GATEWAY);
	if (ret < 0)
		return ret;
	nh->via = a;
	return 0;
}

MR_EXPORT int mplsroute_nexthop_set_oif(struct mplsroute_nexthop *nh,
					uint32_t ifindex)
{
	nh->ifindex = ifindex;
	return 0;
}

MR_EXPORT int mplsroute_nexthop_set_newdst(struct mplsroute_nexthop *nh,
					   const struct mplsroute_labels *ls)
{
	int ret = check_labels(ls);

	if (ret == 0)
		ret = nh_list(nh, RTA_NEWDST);
	if (ret < 0)
		return ret;
	nh->newdst = *ls;
	return 0;
}

MR_EXPORT int mplsroute_nexthop_set_encap(struct mplsroute_nexthop *nh,
					  const struct mplsroute_labels *ls,
					  int ttl)
{
	int ret = check_labels(ls);

	if (ret == 0 && ttl > 255)
		ret = -ERANGE;
	if (ret == 0)
		ret = nh_list(nh, RTA_ENCAP);
	if (ret < 0)
		return ret;
	nh->encap = *ls;
	nh->has_encap_ttl = ttl >= 0;
	nh->encap_ttl = ttl >= 0 ? (uint8_t)ttl : 0;
	return 0;
}

MR_EXPORT int mplsroute_nexthop_set_weight(struct mplsroute_nexthop *nh,
					   unsigned weight)
{
	if (weight < 1 || weight > 256)
		return -ERANGE;
	nh->hops = (uint8_t)(weight - 1);
	return 0;
}

MR_EXPORT int mplsroute_nexthop_set_flags(struct mplsroute_nexthop *nh,
					  unsigned rtnh_flags)
{
	struct mplsroute_route *rt;

	if (rtnh_flags > 0xff)
		return -EINVAL;
	nh->flags = (uint8_t)rtnh_flags;
	if (!nh->in_multipath) {	/* a single path's go in rtm_flags */
		rt = path_route(nh);
		rt->flags = (rt->flags & ~0xffu) | rtnh_flags;
	}
	return 0;
}
