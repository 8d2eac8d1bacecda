/* lib/filter.c: the routes `ip route show/flush` selects, 4.4's rules */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "internal.h"

MR_EXPORT void mplsroute_filter_init(struct mplsroute_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->table = RT_TABLE_MAIN;
	f->rdst.bitlen = f->mdst.bitlen = -1;
	f->rsrc.bitlen = f->msrc.bitlen = -1;
	f->rvia.bitlen = f->rprefsrc.bitlen = -1;
}

/* the address as the bytes 4.4 compares: raw, or the top label's entry */
static void addr_bytes(const struct mplsroute_addr *a, uint8_t out[16])
{
	uint32_t l;

	memset(out, 0, 16);
	if (a->family == AF_MPLS) {
		if (!a->labels.n)
			return;
		l = a->labels.label[0] << 12;
		out[0] = (uint8_t)(l >> 24);
		out[1] = (uint8_t)(l >> 16);
		out[2] = (uint8_t)(l >> 8);
		return;
	}
	memcpy(out, a->data, a->bytelen < 16 ? a->bytelen : 16);
}

/* 4.4's inet_addr_match: 0 when the first @bits bits agree */
static int addr_match(const struct mplsroute_addr *a,
		      const struct mplsroute_addr *b, int bits)
{
	uint8_t x[16], y[16];
	int bytes, rest;

	if (bits < 0)
		return 0;
	addr_bytes(a, x);
	addr_bytes(b, y);
	if (bits > 128)
		bits = 128;
	bytes = bits / 8;
	rest = bits % 8;
	if (memcmp(x, y, (size_t)bytes))
		return -1;
	if (rest && ((x[bytes] ^ y[bytes]) & (0xff << (8 - rest)) & 0xff))
		return -1;
	return 0;
}

/* table, cloned and the rtmsg masks */
static int match_head(struct mplsroute_filter *f,
		      const struct mplsroute_route *rt)
{
	int cloned = !!(rt->flags & RTM_F_CLONED);

	if (rt->family == AF_INET6 && rt->table_id != RT_TABLE_MAIN)
		f->ip6_multiple_tables = 1;
	if (f->cloned != 2 && f->cloned == !cloned)
		return 0;
	if (rt->family == AF_INET6 && !f->ip6_multiple_tables) {
		if (f->table == RT_TABLE_LOCAL && rt->type != RTN_LOCAL)
			return 0;
		if (f->table == RT_TABLE_MAIN && rt->type == RTN_LOCAL)
			return 0;
		if (f->table && f->table != RT_TABLE_LOCAL &&
		    f->table != RT_TABLE_MAIN)
			return 0;
	} else if (f->table && f->table != rt->table_id) {
		return 0;
	}
	if ((f->protocol ^ rt->protocol) & f->protocolmask)
		return 0;
	if ((f->scope ^ rt->scope) & f->scopemask)
		return 0;
	if ((f->type ^ rt->type) & f->typemask)
		return 0;
	if ((f->tos ^ rt->tos) & f->tosmask)
		return 0;
	return 1;
}

/* root (r*) wants a route at least as long; match (m*) at most as long */
static int match_prefixes(const struct mplsroute_filter *f,
			  const struct mplsroute_route *rt)
{
	struct mplsroute_addr dst, src;

	if (!(f->rdst.addr.family | f->mdst.addr.family |
	      f->rsrc.addr.family | f->msrc.addr.family))
		return 1;	/* no prefix asked for: no copies */
	dst = rt->dst;
	src = rt->src;
	dst.family = src.family = rt->family;
	if (f->rdst.addr.family && (rt->family != f->rdst.addr.family ||
	    f->rdst.bitlen > rt->dst_len))
		return 0;
	if (f->mdst.addr.family && (rt->family != f->mdst.addr.family ||
	    (f->mdst.bitlen >= 0 && f->mdst.bitlen < rt->dst_len)))
		return 0;
	if (f->rsrc.addr.family && (rt->family != f->rsrc.addr.family ||
	    f->rsrc.bitlen > rt->src_len))
		return 0;
	if (f->msrc.addr.family && (rt->family != f->msrc.addr.family ||
	    (f->msrc.bitlen >= 0 && f->msrc.bitlen < rt->src_len)))
		return 0;
	if (f->rdst.addr.family && addr_match(&dst, &f->rdst.addr,
					      f->rdst.bitlen))
		return 0;
	if (f->mdst.addr.family && f->mdst.bitlen >= 0 &&
	    addr_match(&dst, &f->mdst.addr, rt->dst_len))
		return 0;
	if (f->rsrc.addr.family && addr_match(&src, &f->rsrc.addr,
					      f->rsrc.bitlen))
		return 0;
	if (f->msrc.addr.family && f->msrc.bitlen >= 0 &&
	    addr_match(&src, &f->msrc.addr, rt->src_len))
		return 0;
	return 1;
}

/* via, src, devices */
static int match_rest(const struct mplsroute_filter *f,
		      const struct mplsroute_route *rt)
{
	int vfam = rt->nh.via.family ? rt->nh.via.family : rt->family;

	if (f->rvia.addr.family) {
		if (vfam != f->rvia.addr.family)
			return 0;
		if (f->rvia.bitlen > 0 &&
		    addr_match(&rt->nh.via, &f->rvia.addr, f->rvia.bitlen))
			return 0;
	}
	if (f->rprefsrc.addr.family) {
		if (rt->family != f->rprefsrc.addr.family)
			return 0;
		if (f->rprefsrc.bitlen > 0 &&
		    addr_match(&rt->prefsrc, &f->rprefsrc.addr,
			       f->rprefsrc.bitlen))
			return 0;
	}
	if (f->realmmask &&
	    ((rt->nh.has_flow ? rt->nh.flow : 0) ^ f->realm) & f->realmmask)
		return 0;
	if (f->iifmask && f->iif != rt->iif)
		return 0;
	if (f->oifmask && f->oif != rt->nh.ifindex)
		return 0;
	if (f->flush && rt->family == AF_INET6 && rt->dst_len == 0 &&
	    rt->type == RTN_UNREACHABLE && rt->has_priority &&
	    rt->priority == 0xffffffffu)
		return 0;
	return 1;
}

MR_EXPORT int mplsroute_filter_match(struct mplsroute_filter *f,
				     const struct mplsroute_route *rt)
{
	if (!f || !rt)
		return -EINVAL;
	return match_head(f, rt) && match_prefixes(f, rt) &&
	       match_rest(f, rt);
}

MR_EXPORT unsigned int mplsroute_filter_hide(const struct mplsroute_filter *f,
					     const struct mplsroute_route *rt)
{
	unsigned int hide = 0;
	int hl = (int)mr_af_bits(rt->family);

	if (f->oifmask)
		hide |= MPLSROUTE_PRINT_NO_DEV;
	if (f->iifmask)
		hide |= MPLSROUTE_PRINT_NO_IIF;
	if (f->realmmask == 0xffffffffu)
		hide |= MPLSROUTE_PRINT_NO_REALMS;
	if (f->table)
		hide |= MPLSROUTE_PRINT_NO_TABLE;
	if (f->protocolmask == 0xff)
		hide |= MPLSROUTE_PRINT_NO_PROTO;
	if (f->scopemask == 0xff)
		hide |= MPLSROUTE_PRINT_NO_SCOPE;
	if (f->type)
		hide |= MPLSROUTE_PRINT_NO_TYPE;
	if (f->tosmask == 0xff)
		hide |= MPLSROUTE_PRINT_NO_TOS;
	if (f->rvia.bitlen == hl)
		hide |= MPLSROUTE_PRINT_NO_GATEWAY;
	if (f->rprefsrc.bitlen == hl)
		hide |= MPLSROUTE_PRINT_NO_PREFSRC;
	return hide;
}
