/* lib/print.c: struct mplsroute_route -> iproute2 4.4's `ip route show` text */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/rtnetlink.h>

#include "internal.h"

struct pctx {
	FILE *f;
	const struct mplsroute_route *rt;
	const struct mplsroute_print_opts *o;
	const char *sl;		/* iproute2's _SL_: "\n", or "\\" for -o */
	struct mr_view v;	/* what is shown, in which units */
};

static int show(const struct pctx *p, unsigned int what)
{
	return !!(p->v.show & what);
}

static void print_prefix(const struct pctx *p, const char *word,
			 const struct mplsroute_addr *a, unsigned int plen)
{
	char abuf[MR_ABUF];

	if (a->family) {
		if (plen != p->v.host_len)
			fprintf(p->f, "%s%s/%u ", word,
				mr_addr_fmt(a, abuf, sizeof(abuf)), plen);
		else
			fprintf(p->f, "%s%s ", word,
				mr_addr_fmt(a, abuf, sizeof(abuf)));
	} else if (plen) {
		fprintf(p->f, "%s0/%u ", word, plen);
	} else if (!*word) {
		fprintf(p->f, "default ");
	}
}

static void print_labels(FILE *f, const char *fmt,
			 const struct mplsroute_labels *ls)
{
	char buf[MR_ABUF];

	if (mplsroute_labels_format(ls, buf, sizeof(buf)) < 0)
		return;
	fprintf(f, fmt, buf);
}

/* current iproute2's text: " encap mpls  100/200 ttl 10 " */
static void print_encap(FILE *f, const struct mplsroute_nexthop *nh)
{
	fprintf(f, " encap mpls ");
	print_labels(f, " %s ", &nh->encap);
	if (nh->has_encap_ttl)
		fprintf(f, "ttl %u ", nh->encap_ttl);
}

/* the head: type, dst, src, as to, encap, tos, via, dev */
static void print_head(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_DELETED))
		fprintf(p->f, "Deleted ");
	if (show(p, MR_SHOW_TYPE)) {
		mplsroute_type_n2a(rt->type, buf, sizeof(buf));
		fprintf(p->f, "%s ", buf);
	}
	print_prefix(p, "", &rt->dst, rt->dst_len);
	print_prefix(p, "from ", &rt->src, rt->src_len);
	if (rt->nh.newdst.n)
		print_labels(p->f, "as to %s ", &rt->nh.newdst);
	if (rt->nh.encap.n)
		print_encap(p->f, &rt->nh);
	if (show(p, MR_SHOW_TOS)) {
		mplsroute_dsfield_n2a(rt->tos, buf, sizeof(buf));
		fprintf(p->f, "tos %s ", buf);
	}
	if (show(p, MR_SHOW_GATEWAY))
		fprintf(p->f, "via %s ",
			mr_addr_fmt(&rt->nh.via, buf, sizeof(buf)));
	if (show(p, MR_SHOW_VIA))
		fprintf(p->f, "via %s %s ",
			mr_af_name(rt->nh.via.family, MR_AF_TEXT),
			mr_addr_fmt(&rt->nh.via, buf, sizeof(buf)));
	if (show(p, MR_SHOW_DEV))
		fprintf(p->f, "dev %s ",
			mr_ifname(p->o, rt->nh.ifindex, buf, sizeof(buf)));
}

/* 4.4's "realm TO" or "realms FROM/TO", names from rt_realms */
static void print_realms(FILE *f, uint32_t flow, const char *pre,
			 const char *post)
{
	char buf[64];
	uint32_t from = flow >> 16, to = flow & 0xFFFF;

	fprintf(f, "%srealm%s ", pre, from ? "s" : "");
	if (from) {
		mplsroute_realm_n2a(from, buf, sizeof(buf));
		fprintf(f, "%s/", buf);
	}
	mplsroute_realm_n2a(to, buf, sizeof(buf));
	fprintf(f, "%s%s", buf, post);
}

/* table, proto, scope, src, metric and the flags */
static void print_middle(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_TABLE)) {
		mplsroute_table_n2a(rt->table_id, buf, sizeof(buf));
		fprintf(p->f, " table %s ", buf);
	}
	if (show(p, MR_SHOW_PROTO)) {
		mplsroute_proto_n2a(rt->protocol, buf, sizeof(buf));
		fprintf(p->f, " proto %s ", buf);
	}
	if (show(p, MR_SHOW_SCOPE)) {
		mplsroute_scope_n2a(rt->scope, buf, sizeof(buf));
		fprintf(p->f, " scope %s ", buf);
	}
	if (show(p, MR_SHOW_PREFSRC))
		fprintf(p->f, " src %s ",
			mr_addr_fmt(&rt->prefsrc, buf, sizeof(buf)));
	if (rt->has_priority)
		fprintf(p->f, " metric %u ", rt->priority);
	if (rt->flags & RTNH_F_DEAD)
		fprintf(p->f, "dead ");
	if (rt->flags & RTNH_F_ONLINK)
		fprintf(p->f, "onlink ");
	if (rt->flags & RTNH_F_PERVASIVE)
		fprintf(p->f, "pervasive ");
	if (rt->flags & RTNH_F_OFFLOAD)
		fprintf(p->f, "offload ");
	if (rt->flags & RTM_F_NOTIFY)
		fprintf(p->f, "notify ");
	if (rt->flags & RTNH_F_LINKDOWN)
		fprintf(p->f, "linkdown ");
	if (rt->mark >= 16)
		fprintf(p->f, " mark 0x%x", rt->mark);
	else if (rt->mark)
		fprintf(p->f, " mark %u", rt->mark);
	if (show(p, MR_SHOW_REALMS))
		print_realms(p->f, rt->nh.flow, "", " ");
}

/* expires, error and (with -s) users, used, age, as 4.4 prints them */
static void print_ci_common(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;

	if (rt->expires)
		fprintf(p->f, " expires %dsec", (int)p->v.expires);
	if (rt->ci_error)
		fprintf(p->f, " error %d", (int)rt->ci_error);
	if (!show(p, MR_SHOW_STATS))
		return;
	if (rt->ci_clntref)
		fprintf(p->f, " users %d", (int)rt->ci_clntref);
	if (rt->ci_used)
		fprintf(p->f, " used %d", (int)rt->ci_used);
	if (rt->ci_lastuse)
		fprintf(p->f, " age %dsec", (int)p->v.age);
}

/* the `cache` part of a cloned IPv4 route (route get) */
static void print_cache4(const struct pctx *p)
{
	const struct mr_flag_name *fl = mr_rtcf_names;
	uint32_t flags = p->rt->flags & ~0xFFFFu;
	int first = 1;
	size_t i;

	fprintf(p->f, "%s    cache ", p->sl);
	for (i = 0; i < mr_rtcf_nnames; i++) {
		if (!(flags & fl[i].flag))
			continue;
		flags &= ~fl[i].flag;
		fprintf(p->f, "%s%s%s", first ? "<" : "", fl[i].name,
			flags ? "," : "> ");
		first = 0;
	}
	if (flags)
		fprintf(p->f, "%s%x> ", first ? "<" : "", flags);
	if (!p->rt->has_cacheinfo)
		return;
	print_ci_common(p);
	if (p->rt->ci_id)
		fprintf(p->f, " ipid 0x%04x", p->rt->ci_id);
	if (p->rt->ci_ts || p->rt->ci_tsage)
		fprintf(p->f, " ts 0x%x tsage %dsec", p->rt->ci_ts,
			(int)p->rt->ci_tsage);
}

static void print_cache(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	int cloned = p->v.cloned;

	if (cloned && rt->family == AF_INET) {
		print_cache4(p);
	} else if (rt->family == AF_INET6 && rt->has_cacheinfo &&
		   (cloned || rt->expires)) {
		if (cloned)
			fprintf(p->f, "%s    cache ", p->sl);
		print_ci_common(p);
	} else if (rt->family == AF_INET6 && rt->has_cacheinfo &&
		   rt->ci_error) {
		fprintf(p->f, " error %d", (int)rt->ci_error);
	}
}

static void print_features(FILE *f, uint32_t features)
{
	uint32_t of = features;

	if (features & RTAX_FEATURE_ECN) {
		fprintf(f, " ecn");
		features &= ~RTAX_FEATURE_ECN;
	}
	if (features)
		fprintf(f, " 0x%x", of);
}

static void print_metric(FILE *f, unsigned int i, uint32_t val)
{
	switch (i) {
	case RTAX_FEATURES:
		print_features(f, val);
		break;
	case RTAX_RTT:
	case RTAX_RTTVAR:
	case RTAX_RTO_MIN:
		val = mr_view_metric(i, val);
		if (val >= 1000)
			fprintf(f, " %gs", val / 1e3);
		else
			fprintf(f, " %ums", val);
		break;
	case RTAX_HOPLIMIT:
		if ((int32_t)val == -1)
			val = 0;
		/* fall through */
	default:
		fprintf(f, " %u", val);
		break;
	}
}

static void print_metrics(const struct pctx *p)
{
	const char *const *names = mr_rtax_names;
	const struct mplsroute_route *rt = p->rt;
	uint32_t lock = p->v.lock;
	unsigned int i;

	for (i = 2; i < 17; i++) {
		if (!(rt->metrics_set & (1u << i)))
			continue;
		if (names[i])
			fprintf(p->f, " %s", names[i]);
		else
			fprintf(p->f, " metric %u", i);
		if (lock & (1u << i))
			fprintf(p->f, " lock");
		if (i == RTAX_CC_ALGO)
			fprintf(p->f, " %s", rt->cc_algo);
		else
			print_metric(p->f, i, rt->metrics[i]);
	}
}

/* one rtnexthop: 4.4's text for IP routes, 4.5's for MPLS */
static void print_nexthop(const struct pctx *p,
			  const struct mplsroute_nexthop *nh)
{
	int mpls = p->v.mpls;
	char buf[MR_ABUF];

	fprintf(p->f, "%s\tnexthop", p->sl);
	if (nh->newdst.n)
		print_labels(p->f, " as to %s", &nh->newdst);
	if (nh->encap.n)
		print_encap(p->f, nh);
	if (nh->via.family && nh->via.family == p->rt->family)
		fprintf(p->f, " via %s ",
			mr_addr_fmt(&nh->via, buf, sizeof(buf)));
	else if (nh->via.family)
		fprintf(p->f, "%svia %s %s ", mpls ? " " : "",
			mr_af_name(nh->via.family, MR_AF_TEXT),
			mr_addr_fmt(&nh->via, buf, sizeof(buf)));
	if (nh->has_flow)
		print_realms(p->f, nh->flow, " ", "");
	if (!mpls || nh->ifindex)
		fprintf(p->f, " dev %s",
			mr_ifname(p->o, nh->ifindex, buf, sizeof(buf)));
	if (!mpls)
		fprintf(p->f, " weight %d", nh->hops + 1);
	if (nh->flags & RTNH_F_DEAD)
		fprintf(p->f, " dead");
	if (nh->flags & RTNH_F_ONLINK)
		fprintf(p->f, " onlink");
	if (nh->flags & RTNH_F_PERVASIVE)
		fprintf(p->f, " pervasive");
	if (nh->flags & RTNH_F_LINKDOWN)
		fprintf(p->f, " linkdown");
}

static void print_tail(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	char buf[MR_ABUF];
	unsigned int i;

	print_metrics(p);
	if (show(p, MR_SHOW_IIF))
		fprintf(p->f, " iif %s",
			mr_ifname(p->o, rt->iif, buf, sizeof(buf)));
	/* as current iproute2 prints it, its misspelling included */
	if (rt->has_ttl_propagate)
		fprintf(p->f, "ttl-propogate %s",
			rt->ttl_propagate ? "enabled" : "disabled");
	for (i = 0; i < rt->nnh && i < MPLSROUTE_MAX_NEXTHOPS; i++)
		print_nexthop(p, &rt->nhs[i]);
	if (rt->has_pref) {
		mplsroute_pref_n2a(rt->pref, buf, sizeof(buf));
		fprintf(p->f, " pref %s", buf);
	}
	fprintf(p->f, "\n");
}

MR_EXPORT int mplsroute_route_print(FILE *f, const struct mplsroute_route *rt,
				    const struct mplsroute_print_opts *o)
{
	struct pctx p = { .f = f, .rt = rt, .o = o };

	if (!f || !rt)
		return -EINVAL;
	p.sl = o && o->oneline ? "\\" : "\n";
	mr_view_init(&p.v, rt, o);
	print_head(&p);
	print_middle(&p);
	print_cache(&p);
	print_tail(&p);
	if (ferror(f))
		return -EIO;
	return 0;
}
