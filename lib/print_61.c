/* lib/print_61.c: struct mplsroute_route -> Debian iproute2 6.1's route text */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/rtnetlink.h>

#include "internal.h"

/*
 * iproute2 6.1 prints every field as "word value " (one blank after each,
 * none before), in the order of its JSON: what 4.4 wrote as " table T "
 * is "table T " here.  The route's flags, cache, metrics, pref and
 * ttl-propagate come before the nexthops, each of which shows its device
 * (and, outside MPLS, its weight) followed by a blank.
 */

struct p61 {
	FILE *f;
	const char *sl;		/* "\n", or "\\" with -o */
	struct mr_view v;
};

static int show(const struct p61 *p, unsigned int what)
{
	return !!(p->v.show & what);
}

static void p_prefix(const struct p61 *p, const char *word,
		     const struct mplsroute_addr *a, unsigned int plen)
{
	char abuf[MR_ABUF];

	if (a->family && plen != p->v.host_len)
		fprintf(p->f, "%s%s/%u ", word,
			mr_addr_fmt(a, abuf, sizeof(abuf)), plen);
	else if (a->family)
		fprintf(p->f, "%s%s ", word,
			mr_addr_fmt(a, abuf, sizeof(abuf)));
	else if (plen && *word)
		fprintf(p->f, "%s0/%u ", word, plen);
	else if (plen)
		fprintf(p->f, "0/%u  ", plen);	/* 6.1's own double blank */
	else if (!*word)
		fprintf(p->f, "default ");
}

static void p_labels(FILE *f, const char *fmt,
		     const struct mplsroute_labels *ls)
{
	char buf[MR_ABUF];

	if (mplsroute_labels_format(ls, buf, sizeof(buf)) >= 0)
		fprintf(f, fmt, buf);
}

static void p_encap(FILE *f, const struct mplsroute_nexthop *nh)
{
	fprintf(f, " encap mpls ");
	p_labels(f, " %s ", &nh->encap);
	if (nh->has_encap_ttl)
		fprintf(f, "ttl %u ", nh->encap_ttl);
}

static void p_via(const struct p61 *p, const struct mplsroute_addr *via)
{
	char buf[MR_ABUF];

	if (!via->family)
		return;
	if (via->family == p->v.rt->family)
		fprintf(p->f, "via %s ", mr_addr_fmt(via, buf, sizeof(buf)));
	else
		fprintf(p->f, "via %s %s ", mr_af_name(via->family, MR_AF_JSON),
			mr_addr_fmt(via, buf, sizeof(buf)));
}

static void p_realms(FILE *f, uint32_t flow)
{
	char buf[64];
	uint32_t from = flow >> 16, to = flow & 0xFFFF;

	fprintf(f, "realm%s ", from ? "s" : "");
	if (from) {
		mplsroute_realm_n2a(from, buf, sizeof(buf));
		fprintf(f, "%s/", buf);
	}
	mplsroute_realm_n2a(to, buf, sizeof(buf));
	fprintf(f, "%s ", buf);
}

/* route and nexthop flags, each "name " */
static void p_flags(FILE *f, uint32_t flags)
{
	static const struct { uint32_t flag; const char *name; } fl[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" }, { 8, "offload" },
		{ 0x40, "trap" }, { RTM_F_NOTIFY, "notify" },
		{ 0x10, "linkdown" }, { 0x20, "unresolved" },
		{ 0x4000, "rt_offload" }, { 0x8000, "rt_trap" },
		{ 0x20000000, "rt_offload_failed" },
	};
	size_t i;

	for (i = 0; i < sizeof(fl) / sizeof(fl[0]); i++)
		if (flags & fl[i].flag)
			fprintf(f, "%s ", fl[i].name);
}

/* Deleted, type, dst, from, as to, encap, tos, via, dev */
static void p_head(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_DELETED))
		fprintf(p->f, "Deleted ");
	if (show(p, MR_SHOW_TYPE)) {
		mplsroute_type_n2a(rt->type, buf, sizeof(buf));
		fprintf(p->f, "%s ", buf);
	}
	p_prefix(p, "", &rt->dst, rt->dst_len);
	p_prefix(p, "from ", &rt->src, rt->src_len);
	if (rt->nh.newdst.n)
		p_labels(p->f, "as to %s ", &rt->nh.newdst);
	if (rt->nh.encap.n)
		p_encap(p->f, &rt->nh);
	if (show(p, MR_SHOW_TOS)) {
		mplsroute_dsfield_n2a(rt->tos, buf, sizeof(buf));
		fprintf(p->f, "tos %s ", buf);
	}
	if (show(p, MR_SHOW_GATEWAY | MR_SHOW_VIA))
		p_via(p, &rt->nh.via);
	if (show(p, MR_SHOW_DEV))
		fprintf(p->f, "dev %s ",
			mr_ifname(p->v.o, rt->nh.ifindex, buf, sizeof(buf)));
}

/* table, proto, scope, src, metric, flags, mark, realms, uid */
static void p_middle(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_TABLE_ANY)) {
		mplsroute_table_n2a(rt->table_id, buf, sizeof(buf));
		fprintf(p->f, "table %s ", buf);
	}
	if (show(p, MR_SHOW_PROTO)) {
		mplsroute_proto_n2a(rt->protocol, buf, sizeof(buf));
		fprintf(p->f, "proto %s ", buf);
	}
	if (show(p, MR_SHOW_SCOPE)) {
		mplsroute_scope_n2a(rt->scope, buf, sizeof(buf));
		fprintf(p->f, "scope %s ", buf);
	}
	if (show(p, MR_SHOW_PREFSRC))
		fprintf(p->f, "src %s ",
			mr_addr_fmt(&rt->prefsrc, buf, sizeof(buf)));
	if (rt->has_priority)
		fprintf(p->f, "metric %u ", rt->priority);
	p_flags(p->f, rt->flags);
	if (rt->mark >= 16)
		fprintf(p->f, "mark 0x%x ", rt->mark);
	else if (rt->mark)
		fprintf(p->f, "mark %u ", rt->mark);
	if (show(p, MR_SHOW_REALMS))
		p_realms(p->f, rt->nh.flow);
	if (rt->has_uid)
		fprintf(p->f, "uid %u ", rt->uid);
}

/* a cloned IPv4 route's "cache <FLAGS> " */
static void p_cache_flags(const struct p61 *p)
{
	const struct mr_flag_name *fl = mr_rtcf_names;
	uint32_t flags = p->v.rt->flags & ~0xFFFFu;
	size_t i;

	fprintf(p->f, "%s    cache ", p->sl);
	if (!flags)
		return;
	putc('<', p->f);
	for (i = 0; i < mr_rtcf_nnames; i++) {
		if (!(flags & fl[i].flag))
			continue;
		flags &= ~fl[i].flag;
		fprintf(p->f, "%s%s", fl[i].name, flags ? "," : "> ");
	}
	if (flags)
		fprintf(p->f, "%x>", flags);
}

static void p_cacheinfo(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;

	if (rt->expires)
		fprintf(p->f, "expires %ldsec ", p->v.expires);
	if (rt->ci_error)
		fprintf(p->f, "error %u ", rt->ci_error);
	if (show(p, MR_SHOW_STATS)) {
		if (rt->ci_clntref)
			fprintf(p->f, "users %u ", rt->ci_clntref);
		if (rt->ci_used)
			fprintf(p->f, "used %u ", rt->ci_used);
		if (rt->ci_lastuse)
			fprintf(p->f, "age %ldsec ", p->v.age);
	}
	if (rt->ci_id)
		fprintf(p->f, "ipid 0x%04x ", rt->ci_id);
	if (rt->ci_ts || rt->ci_tsage)
		fprintf(p->f, "ts 0x%x tsage %usec ", rt->ci_ts, rt->ci_tsage);
}

static void p_cache(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;

	if (rt->family == AF_INET && p->v.cloned)
		p_cache_flags(p);
	if ((rt->family == AF_INET || rt->family == AF_INET6) &&
	    rt->has_cacheinfo)
		p_cacheinfo(p);
}

static void p_metric(FILE *f, unsigned int i, uint32_t val,
		     const char *cc_algo)
{
	switch (i) {
	case RTAX_FEATURES:
		if (val & RTAX_FEATURE_ECN)
			fprintf(f, "ecn ");
		if (val & ~RTAX_FEATURE_ECN)
			fprintf(f, "%#x ", val);
		break;
	case RTAX_RTT:
	case RTAX_RTTVAR:
	case RTAX_RTO_MIN:
		val = mr_view_metric(i, val);
		if (val >= 1000)
			fprintf(f, "%gs ", val / 1e3);
		else
			fprintf(f, "%ums ", val);
		break;
	case RTAX_CC_ALGO:
		fprintf(f, "%s ", cc_algo);
		break;
	default:
		fprintf(f, "%u ", val);
		break;
	}
}

static void p_metrics(const struct p61 *p)
{
	const char *const *names = mr_rtax_names;
	const struct mplsroute_route *rt = p->v.rt;
	unsigned int i;

	for (i = 2; i < 17; i++) {
		if (!(rt->metrics_set & (1u << i)))
			continue;
		if (i == RTAX_HOPLIMIT && (int32_t)rt->metrics[i] == -1)
			continue;
		if (names[i])
			fprintf(p->f, "%s ", names[i]);
		else
			fprintf(p->f, "metric %u ", i);
		if (p->v.lock & (1u << i))
			fprintf(p->f, "lock ");
		p_metric(p->f, i, rt->metrics[i], rt->cc_algo);
	}
}

static void p_nexthop(const struct p61 *p, const struct mplsroute_nexthop *nh)
{
	char buf[MR_ABUF];

	fprintf(p->f, "%s\tnexthop ", p->sl);
	if (nh->encap.n)
		p_encap(p->f, nh);
	if (nh->newdst.n)
		p_labels(p->f, "as to %s ", &nh->newdst);
	p_via(p, &nh->via);
	if (nh->has_flow)
		p_realms(p->f, nh->flow);
	fprintf(p->f, "dev %s ",
		mr_ifname(p->v.o, nh->ifindex, buf, sizeof(buf)));
	if (!p->v.mpls)
		fprintf(p->f, "weight %d ", nh->hops + 1);
	p_flags(p->f, nh->flags);
}

static void p_tail(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;
	char buf[MR_ABUF];
	unsigned int i;

	p_metrics(p);
	if (show(p, MR_SHOW_IIF))
		fprintf(p->f, "iif %s ",
			mr_ifname(p->v.o, rt->iif, buf, sizeof(buf)));
	if (rt->has_pref && mr_pref_name(rt->pref))
		fprintf(p->f, "pref %s", mr_pref_name(rt->pref));
	else if (rt->has_pref)
		fprintf(p->f, "%u", rt->pref);
	if (rt->has_ttl_propagate)
		fprintf(p->f, "ttl-propogate %s",
			rt->ttl_propagate ? "enabled" : "disabled");
	for (i = 0; i < rt->nnh && i < MPLSROUTE_MAX_NEXTHOPS; i++)
		p_nexthop(p, &rt->nhs[i]);
	putc('\n', p->f);
}

static int print_61(FILE *f, const struct mplsroute_route *rt,
		    const struct mplsroute_print_opts *o)
{
	struct p61 p = { .f = f };

	p.sl = o && o->oneline ? "\\" : "\n";
	mr_view_init(&p.v, rt, o);
	p_head(&p);
	p_middle(&p);
	p_cache(&p);
	p_tail(&p);
	return ferror(f) ? -EIO : 0;
}

MR_EXPORT int mplsroute_print_style_a2n(const char *word)
{
	if (word && strcmp(word, "4.4") == 0)
		return MPLSROUTE_STYLE_4_4;
	if (word && strcmp(word, "6.1") == 0)
		return MPLSROUTE_STYLE_6_1;
	return -EINVAL;
}

MR_EXPORT int mplsroute_route_print_style(FILE *f,
					  const struct mplsroute_route *rt,
					  const struct mplsroute_print_opts *o,
					  int style)
{
	if (!f || !rt)
		return -EINVAL;
	if (style == MPLSROUTE_STYLE_4_4)
		return mplsroute_route_print(f, rt, o);
	if (style == MPLSROUTE_STYLE_6_1)
		return print_61(f, rt, o);
	return -EINVAL;
}
