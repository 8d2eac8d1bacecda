/* grammar_nh.c: a route's paths: via, as, encap, realms and nexthops */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "grammar_int.h"

/*
 * via [FAMILY] ADDR for the route or a nexthop: the family of the route is
 * taken from it when still unset; same family: RTA_GATEWAY, else RTA_VIA.
 * Returns 0 or -errno; *type gets the attribute.
 */
MR_HOT
static int parse_via(struct mr_rp *p, struct mplsroute_addr *via,
		     uint16_t *type)
{
	struct mplsroute_route *rt = p->rt;
	int family, ret = mr_need(&p->w);

	if (ret)
		return ret;
	family = mplsroute_family_a2n(mr_word(&p->w));
	if (family == AF_UNSPEC)
		family = rt->family;
	else if ((ret = mr_need(&p->w)))
		return ret;
	if (mplsroute_addr_parse(via, mr_word(&p->w), family) < 0)
		return mr_err_addr(&p->w, family);
	if (via == &rt->nh.via)
		mr_rp_site(p, MR_SITE_VIA, family);
	if (rt->family == AF_UNSPEC)
		rt->family = via->family;
	*type = via->family == rt->family ? RTA_GATEWAY : RTA_VIA;
	return 0;
}

MR_HOT
int mr_kw_via(struct mr_rp *p)
{
	uint16_t type;
	int ret = mr_rp_again(p, RTA_GATEWAY);

	if (ret == 0)
		ret = parse_via(p, &p->rt->nh.via, &type);
	if (ret == 0)
		ret = mr_rp_push(p, type);
	return ret;
}

/* as [to] ADDRESS: an address of the route's family (4.4's get_addr) */
MR_HOT
static int parse_as(struct mr_rp *p, struct mplsroute_addr *a)
{
	int family = p->rt->family, ret = mr_need(&p->w);

	if (ret)
		return ret;
	if (strcmp(mr_word(&p->w), "to") == 0 && (ret = mr_need(&p->w)))
		return ret;
	if (mplsroute_addr_parse(a, mr_word(&p->w), family) < 0)
		return mr_err_addr(&p->w, family);
	if (p->rt->family == AF_UNSPEC)
		p->rt->family = a->family;
	return 0;
}

/*
 * as [to] ADDRESS: labels for an MPLS route; on an IP route 4.4 sends the
 * address's bytes in RTA_NEWDST all the same (the kernel ignores it there).
 */
MR_HOT
int mr_kw_as(struct mr_rp *p)
{
	struct mplsroute_addr a;
	int family = p->rt->family, ret = parse_as(p, &a);

	if (ret)
		return ret;
	if (a.family != AF_MPLS) {
		if (mr_route_put_raw(p->rt, RTA_NEWDST, a.data,
					    a.bytelen) == 0)
			return 0;
		return mr_rp_too_many(p, "attributes");
	}
	ret = mr_rp_again(p, RTA_NEWDST);
	if (ret)
		return ret;
	p->rt->nh.newdst = a.labels;
	mr_rp_site(p, MR_SITE_AS, family);
	return mr_rp_push(p, RTA_NEWDST);
}

/* a nexthop's as (iproute2 4.5): only labels, for an MPLS route */
static int parse_nh_as(struct mr_rp *p, struct mplsroute_labels *ls)
{
	struct mplsroute_addr a;
	int ret = parse_as(p, &a);

	if (ret)
		return ret;
	if (a.family != AF_MPLS)
		return mr_err_fmt(&p->w, MPLSROUTE_ERR_CONTEXT, 0,
				  "Error: \"as\" needs an MPLS route (-f mpls) rather than \"%s\".\n",
				  mr_word(&p->w));
	*ls = a.labels;
	return 0;
}

/*
 * encap mpls LABELS [ttl N]: the ttl as current iproute2 reads it (0..255,
 * once).  The cursor stays on the last word used.
 */
static int parse_encap_ttl(struct mr_rp *p, struct mplsroute_nexthop *nh)
{
	while (p->w.argc > 1 && strcmp(p->w.argv[1], "ttl") == 0) {
		mr_next(&p->w);
		if (mr_need(&p->w))
			return -EINVAL;
		if (nh->has_encap_ttl)
			return mr_err_duparg(&p->w, "ttl");
		if (mr_get_u8(&nh->encap_ttl, mr_word(&p->w), 0))
			return mr_err_invarg(&p->w,
					     "\"ttl\" value is invalid\n");
		nh->has_encap_ttl = 1;
	}
	return 0;
}

/*
 * encap TYPE HDR: only "mpls LABELS [ttl N]".  As the last words of the
 * line (or of a nexthop) it is accepted, unlike 4.4 (see
 * beyond/dev-enc-last).
 */
MR_HOT
static int parse_encap(struct mr_rp *p, struct mplsroute_nexthop *nh)
{
	struct mplsroute_addr a;
	const char *type;

	if (mr_need(&p->w))
		return -EINVAL;
	type = mr_word(&p->w);
	if (strcmp(type, "mpls") && strcmp(type, "ip") && strcmp(type, "ip6") &&
	    strcmp(type, "ila"))
		return mr_err_invarg(&p->w, "\"encap type\" value is invalid\n");
	if (mr_need(&p->w))
		return -EINVAL;
	if (strcmp(type, "mpls"))
		return mr_err_fmt(&p->w, MPLSROUTE_ERR_UNSUPPORTED, 1,
				  "Error: \"%s\" is not supported by ipmpls.\n",
				  type);
	if (mplsroute_addr_parse(&a, mr_word(&p->w), AF_MPLS) < 0)
		return mr_err_addr(&p->w, AF_MPLS);
	if (nh == &p->rt->nh)
		mr_rp_site(p, MR_SITE_ENCAP, AF_MPLS);
	nh->encap = a.labels;
	nh->has_encap_ttl = 0;
	return parse_encap_ttl(p, nh);
}

MR_HOT
int mr_kw_encap(struct mr_rp *p)
{
	int ret = mr_rp_again(p, RTA_ENCAP);

	if (ret == 0)
		ret = parse_encap(p, &p->rt->nh);
	if (ret == 0)
		ret = mr_rp_push(p, RTA_ENCAP);
	return ret;
}

/* realms [FROM/]TO: FROM << 16 | TO; 0 or 4.4's invarg */
static int parse_realms(struct mr_rp *p, uint32_t *flow)
{
	if (mr_need(&p->w))
		return -EINVAL;
	if (mr_realms_parse(flow, mr_word(&p->w)) < 0)
		return mr_err_invarg(&p->w, "\"realm\" value is invalid\n");
	return 0;
}

/* a route's realms: RTA_FLOW in argument order, as 4.4 */
int mr_kw_realms(struct mr_rp *p)
{
	uint32_t flow;
	int ret = parse_realms(p, &flow);

	if (ret)
		return ret;
	if (mr_route_put_raw(p->rt, RTA_FLOW, &flow, 4) < 0)
		return mr_rp_too_many(p, "attributes");
	return 0;
}

/* ---- nexthops ---------------------------------------------------------- */

static int nh_weight(struct mr_rp *p, struct mplsroute_nexthop *nh)
{
	uint32_t w;

	if (mr_need(&p->w))
		return -EINVAL;
	if (mr_get_u32(&w, mr_word(&p->w), 0) || w == 0 || w > 256)
		return mr_err_invarg(&p->w, "\"weight\" is invalid\n");
	nh->hops = w - 1;
	return 0;
}

static int nh_dev(struct mr_rp *p, struct mplsroute_nexthop *nh)
{
	if (mr_need(&p->w))
		return -EINVAL;
	nh->ifindex = mr_ifindex(&p->w, mr_word(&p->w));
	if (!nh->ifindex)	/* 4.4's parse_one_nh exits here */
		return mr_err_nodev(&p->w, p->w.argi, mr_word(&p->w), 1);
	return 0;
}

/* list @type in @nh's order; 0 or TOO_MANY */
static int nh_push(struct mr_rp *p, struct mplsroute_nexthop *nh,
		   uint16_t type)
{
	if (mr_nexthop_add_attr(nh, type) == 0)
		return 0;
	return mr_rp_too_many(p, "attributes in a nexthop");
}

/* one word of a nexthop; 0, -errno, or 1: not a nexthop word */
static int nh_word(struct mr_rp *p, struct mplsroute_nexthop *nh)
{
	const char *w = mr_word(&p->w);
	uint16_t type;
	int ret;

	p->kw = w;
	p->kwi = p->w.argi;
	if (strcmp(w, "via") == 0) {
		ret = parse_via(p, &nh->via, &type);
		return ret ? ret : nh_push(p, nh, type);
	}
	if (strcmp(w, "dev") == 0)
		return nh_dev(p, nh);
	if (strcmp(w, "weight") == 0)
		return nh_weight(p, nh);
	if (strcmp(w, "onlink") == 0) {
		nh->flags |= RTNH_F_ONLINK;
		return 0;
	}
	if (mplsroute_abbrev(w, "realms")) {
		ret = parse_realms(p, &nh->flow);
		nh->has_flow = ret == 0;
		return ret ? ret : nh_push(p, nh, RTA_FLOW);
	}
	if (strcmp(w, "encap") == 0) {
		ret = parse_encap(p, nh);
		return ret ? ret : nh_push(p, nh, RTA_ENCAP);
	}
	if (strcmp(w, "as") == 0) {
		ret = parse_nh_as(p, &nh->newdst);
		return ret ? ret : nh_push(p, nh, RTA_NEWDST);
	}
	return 1;
}

/* one nexthop's words; the cursor starts on "nexthop" and ends past them */
static int parse_one_nh(struct mr_rp *p, struct mplsroute_nexthop *nh)
{
	int ret;

	for (;;) {
		mr_skip(&p->w);
		if (p->w.argc <= 0)
			return 0;
		ret = nh_word(p, nh);
		if (ret)
			return ret == 1 ? 0 : ret;
	}
}

/* is the cursor on a nexthop that can be read?  0 or -errno */
static int nh_start(struct mr_rp *p)
{
	if (strcmp(mr_word(&p->w), "nexthop") != 0)
		return mr_err_fmt(&p->w, MPLSROUTE_ERR_NEXTHOP, 1,
				  "Error: \"nexthop\" or end of line is expected instead of \"%s\"\n",
				  mr_word(&p->w));
	if (p->w.argc <= 1)
		return mr_err_fmt(&p->w, MPLSROUTE_ERR_NEXTHOP, 1,
				  "Error: unexpected end of line after \"nexthop\"\n");
	if (p->rt->nnh >= MPLSROUTE_MAX_NEXTHOPS)
		return mr_err_fmt(&p->w, MPLSROUTE_ERR_NEXTHOP, 1,
				  "Error: more than %d nexthops.\n",
				  MPLSROUTE_MAX_NEXTHOPS);
	return 0;
}

int mr_parse_nexthops(struct mr_rp *p)
{
	struct mplsroute_route *rt = p->rt;
	int ret;

	while (p->w.argc > 0) {
		ret = nh_start(p);
		if (ret)
			return ret;
		memset(&rt->nhs[rt->nnh], 0, sizeof(rt->nhs[0]));
		ret = parse_one_nh(p, &rt->nhs[rt->nnh]);
		rt->nnh++;
		if (ret)
			return ret;
	}
	return 0;
}
