/* lib/route_get.c: the route object's getters (built or decoded routes) */
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "internal.h"

MR_EXPORT int mplsroute_route_get_family(const struct mplsroute_route *rt)
{
	return rt->family;
}

MR_EXPORT int mplsroute_route_get_dst(const struct mplsroute_route *rt,
				      struct mplsroute_addr *dst)
{
	if (!rt->dst.family)
		return -ENOENT;
	*dst = rt->dst;
	dst->bitlen = rt->dst_len;
	return 0;
}

MR_EXPORT int mplsroute_route_get_label(const struct mplsroute_route *rt,
					uint32_t *label)
{
	if (rt->family != AF_MPLS || rt->dst.family != AF_MPLS ||
	    rt->dst.labels.n == 0)
		return -ENOENT;
	*label = rt->dst.labels.label[0];
	return 0;
}

MR_EXPORT uint32_t mplsroute_route_get_table(const struct mplsroute_route *rt)
{
	return rt->table_id ? rt->table_id : rt->table;
}

MR_EXPORT int mplsroute_route_get_protocol(const struct mplsroute_route *rt)
{
	return rt->protocol;
}

MR_EXPORT int mplsroute_route_get_scope(const struct mplsroute_route *rt)
{
	return rt->scope;
}

MR_EXPORT int mplsroute_route_get_type(const struct mplsroute_route *rt)
{
	return rt->type;
}

MR_EXPORT int mplsroute_route_get_tos(const struct mplsroute_route *rt)
{
	return rt->tos;
}

MR_EXPORT int mplsroute_route_get_priority(const struct mplsroute_route *rt,
					   uint32_t *metric)
{
	if (!rt->has_priority)
		return -ENOENT;
	*metric = rt->priority;
	return 0;
}

MR_EXPORT int mplsroute_route_get_prefsrc(const struct mplsroute_route *rt,
					  struct mplsroute_addr *a)
{
	if (!rt->prefsrc.family)
		return -ENOENT;
	*a = rt->prefsrc;
	return 0;
}

MR_EXPORT int mplsroute_route_get_ttl_propagate(
	const struct mplsroute_route *rt)
{
	if (!rt->has_ttl_propagate)
		return -ENOENT;
	return rt->ttl_propagate ? 1 : 0;
}

MR_EXPORT int mplsroute_route_get_metric(const struct mplsroute_route *rt,
					 uint16_t rtax, uint32_t *v)
{
	if (rtax >= 17 || rtax == RTAX_CC_ALGO ||
	    !(rt->metrics_set & (1u << rtax)))
		return -ENOENT;
	*v = rt->metrics[rtax];
	return 0;
}

MR_EXPORT unsigned mplsroute_route_nexthop_count(
	const struct mplsroute_route *rt)
{
	return rt->nnh ? rt->nnh : 1;
}

MR_EXPORT const struct mplsroute_nexthop *mplsroute_route_nexthop(
	const struct mplsroute_route *rt, unsigned i)
{
	if (!rt->nnh)
		return i == 0 ? &rt->nh : NULL;
	return i < rt->nnh && i < MPLSROUTE_MAX_NEXTHOPS ? &rt->nhs[i] : NULL;
}

MR_EXPORT int mplsroute_nexthop_get_via(const struct mplsroute_nexthop *nh,
					struct mplsroute_addr *via)
{
	if (!nh->via.family)
		return -ENOENT;
	*via = nh->via;
	return 0;
}

MR_EXPORT uint32_t mplsroute_nexthop_get_oif(
	const struct mplsroute_nexthop *nh)
{
	return nh->ifindex;
}

MR_EXPORT int mplsroute_nexthop_get_newdst(
	const struct mplsroute_nexthop *nh, struct mplsroute_labels *ls)
{
	if (!nh->newdst.n)
		return -ENOENT;
	*ls = nh->newdst;
	return 0;
}

MR_EXPORT int mplsroute_nexthop_get_encap(const struct mplsroute_nexthop *nh,
					  struct mplsroute_labels *ls,
					  int *ttl)
{
	if (!nh->encap.n)
		return -ENOENT;
	*ls = nh->encap;
	if (ttl)
		*ttl = nh->has_encap_ttl ? nh->encap_ttl : -1;
	return 0;
}

MR_EXPORT unsigned mplsroute_nexthop_get_weight(
	const struct mplsroute_nexthop *nh)
{
	return nh->hops + 1u;
}

MR_EXPORT unsigned mplsroute_nexthop_get_flags(
	const struct mplsroute_nexthop *nh)
{
	return nh->flags;
}
