/* lib/check_via.c: is each MPLS route's inet/inet6 via on its device's link? */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"
#include "check_int.h"

#define VIA_MAX	1024	/* distinct (via, device) pairs looked up */

/* the paths of the first route that uses a (via, device) pair */
struct via_path {
	struct mplsroute_labels newdst;
	struct mplsroute_addr via;
	uint32_t ifindex;
};

struct mr_via_use {
	struct mplsroute_addr via;
	uint32_t ifindex;
	uint32_t label;		/* the first route's label */
	unsigned routes;	/* paths that use the pair */
	unsigned npaths;	/* the first route's paths (1: single path) */
	int multipath;
	struct via_path *paths;
};

static int via_same(const struct mr_via_use *u,
		    const struct mplsroute_nexthop *nh)
{
	return u->ifindex == nh->ifindex && u->via.family == nh->via.family &&
	       memcmp(u->via.data, nh->via.data, nh->via.bytelen) == 0;
}

/* a copy of @rt's paths for the fix; 0 or -ENOMEM */
static int via_keep(struct mr_via_use *u, const struct mplsroute_route *rt)
{
	const struct mplsroute_nexthop *nh;
	unsigned i;

	u->multipath = rt->nnh > 0;
	u->npaths = rt->nnh ? rt->nnh : 1;
	u->paths = calloc(u->npaths, sizeof(*u->paths));
	if (!u->paths)
		return -ENOMEM;
	for (i = 0; i < u->npaths; i++) {
		nh = rt->nnh ? &rt->nhs[i] : &rt->nh;
		u->paths[i].newdst = nh->newdst;
		u->paths[i].via = nh->via;
		u->paths[i].ifindex = nh->ifindex;
	}
	return 0;
}

static int via_note_nh(struct mr_vias *v, const struct mplsroute_route *rt,
		       const struct mplsroute_nexthop *nh)
{
	struct mr_via_use *u;
	unsigned i;

	if ((nh->via.family != AF_INET && nh->via.family != AF_INET6) ||
	    !nh->ifindex)
		return 0;
	for (i = 0; i < v->n; i++)
		if (via_same(&v->use[i], nh)) {
			v->use[i].routes++;
			return 0;
		}
	if (v->n == VIA_MAX)
		return 0;
	if (v->n == v->cap) {
		unsigned cap = v->cap ? 2 * v->cap : 16;

		u = realloc(v->use, cap * sizeof(*u));
		if (!u)
			return -ENOMEM;
		v->use = u;
		v->cap = cap;
	}
	u = &v->use[v->n];
	memset(u, 0, sizeof(*u));
	u->via = nh->via;
	u->ifindex = nh->ifindex;
	u->label = rt->dst.labels.label[0];
	u->routes = 1;
	if (via_keep(u, rt) < 0)
		return -ENOMEM;
	v->n++;
	return 0;
}

int mr_vias_note(struct mr_vias *v, const struct mplsroute_route *rt)
{
	unsigned i;
	int ret = 0;

	if (rt->family != AF_MPLS || !rt->dst.labels.n)
		return 0;
	if (!rt->nnh)
		return via_note_nh(v, rt, &rt->nh);
	for (i = 0; i < rt->nnh && ret == 0; i++)
		ret = via_note_nh(v, rt, &rt->nhs[i]);
	return ret;
}

void mr_vias_free(struct mr_vias *v)
{
	unsigned i;

	for (i = 0; i < v->n; i++)
		free(v->use[i].paths);
	free(v->use);
	memset(v, 0, sizeof(*v));
}

/* the answer to a fibmatch lookup: is it a connected route (no gateway)? */
struct via_answer {
	uint32_t oif;		/* the device asked about, 0: any */
	uint32_t dev;		/* the answer's device when connected */
	int direct;
};

static int via_answer_cb(const struct nlmsghdr *nlh, void *data)
{
	struct via_answer *a = data;
	struct mplsroute_route *rt;
	const struct mplsroute_nexthop *nh;
	unsigned i, n;

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	rt = mplsroute_route_new();
	if (!rt)
		return -ENOMEM;
	if (mr_route_parse(nlh, rt) == 0 &&
	    (rt->type == RTN_UNICAST || rt->type == RTN_LOCAL)) {
		n = rt->nnh ? rt->nnh : 1;
		for (i = 0; i < n; i++) {
			nh = rt->nnh ? &rt->nhs[i] : &rt->nh;
			if (nh->via.family || !nh->ifindex ||
			    (a->oif && nh->ifindex != a->oif))
				continue;
			a->direct = 1;
			a->dev = nh->ifindex;
			break;
		}
	}
	mplsroute_route_free(rt);
	return 0;
}

/*
 * RTM_GETROUTE with RTM_F_FIB_MATCH for @via (through @oif, 0: any): 1 when
 * the route matched is a connected one (no gateway; *@dev its device), 0
 * when not or when there is none, -errno when it cannot tell
 */
int mr_via_lookup(struct mplsroute_sock *s, const struct mplsroute_addr *via,
		  uint32_t oif, uint32_t *dev)
{
	char buf[MNL_NLMSG_HDRLEN + 64] __attribute__((aligned(4)));
	struct via_answer a = { .oif = oif };
	struct nlmsghdr *nlh;
	struct rtmsg *r;
	int ret;

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	r = mnl_nlmsg_put_extra_header(nlh, sizeof(*r));
	r->rtm_family = (unsigned char)via->family;
	r->rtm_dst_len = (unsigned char)(8 * via->bytelen);
	r->rtm_flags = RTM_F_FIB_MATCH;
	mnl_attr_put(nlh, RTA_DST, via->bytelen, via->data);
	if (oif)
		mnl_attr_put_u32(nlh, RTA_OIF, oif);
	ret = mplsroute_sock_request(s, nlh, via_answer_cb, &a);
	if (ret == -EHOSTUNREACH || ret == -ENETUNREACH)
		return 0;
	if (ret < 0)
		return ret;
	if (a.direct && dev)
		*dev = a.dev;
	return a.direct;
}

/* "dev NAME" of @idx, or "if<N>" */
static const char *via_dev(uint32_t idx, uint32_t bad, uint32_t good,
			   char *buf)
{
	if (idx == bad && good)
		idx = good;
	if (!if_indextoname(idx, buf))
		snprintf(buf, IF_NAMESIZE, "if%u", idx);
	return buf;
}

/* the path's words of `ip -f mpls route replace` */
static int via_path_words(char *buf, size_t len, const struct via_path *p,
			  uint32_t bad, uint32_t good)
{
	char lab[16 * MPLSROUTE_MAX_LABELS], addr[64], dev[IF_NAMESIZE + 8];
	int n = 0;

	if (p->newdst.n && mplsroute_labels_format(&p->newdst, lab,
						   sizeof(lab)) >= 0)
		n = snprintf(buf, len, " as %s", lab);
	if ((size_t)n >= len)
		return n;
	return n + snprintf(buf + n, len - n, " via %s %s dev %s",
			    p->via.family == AF_INET6 ? "inet6" : "inet",
			    mr_addr_fmt(&p->via, addr, sizeof(addr)),
			    via_dev(p->ifindex, bad, good, dev));
}

/*
 * what is wrong with @u (the via on the link of no connected route there)
 * and the fix: the route through @good, the device whose link the via is
 * on, or else the via declared on the link of its device
 */
void mr_via_say(const struct mr_via_use *u, uint32_t good, char *text,
		size_t tlen, char *fix, size_t flen)
{
	char addr[64], dev[IF_NAMESIZE + 8], more[48] = "";
	size_t n;
	unsigned i;

	mr_addr_fmt(&u->via, addr, sizeof(addr));
	via_dev(u->ifindex, 0, 0, dev);
	if (u->routes > 1)
		snprintf(more, sizeof(more), " (and %u more path%s)",
			 u->routes - 1, u->routes > 2 ? "s" : "");
	snprintf(text, tlen, "label %u%s goes via %s %s on %s, but no "
		 "connected route puts %s on the link of %s: its packets are "
		 "dropped", u->label, more,
		 u->via.family == AF_INET6 ? "inet6" : "inet", addr, dev, addr,
		 dev);
	if (!good || good == u->ifindex) {
		snprintf(fix, flen, "ip %sroute add %s dev %s",
			 u->via.family == AF_INET6 ? "-6 " : "", addr, dev);
		return;
	}
	n = (size_t)snprintf(fix, flen, "ip -f mpls route replace %u",
			     u->label);
	for (i = 0; i < u->npaths && n < flen; i++) {
		if (u->multipath)
			n += (size_t)snprintf(fix + n, flen - n, " nexthop");
		if (n < flen)
			n += (size_t)via_path_words(fix + n, flen - n,
						    &u->paths[i], u->ifindex,
						    good);
	}
}

const struct mr_via_use *mr_vias_get(const struct mr_vias *v, unsigned i)
{
	return i < v->n ? &v->use[i] : NULL;
}

const struct mplsroute_addr *mr_via_addr(const struct mr_via_use *u,
					 uint32_t *ifindex, uint32_t *label)
{
	*ifindex = u->ifindex;
	*label = u->label;
	return &u->via;
}
