/* lib/print_61.c: struct mplsroute_route -> Debian iproute2 6.1's route text */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "out.h"

/*
 * iproute2 6.1 prints every field as "word value " (one blank after each,
 * none before), in the order of its JSON: what 4.4 wrote as " table T "
 * is "table T " here.  The route's flags, cache, metrics, pref and
 * ttl-propagate come before the nexthops, each of which shows its device
 * (and, outside MPLS, its weight) followed by a blank.
 */

struct p61 {
	struct mr_out *out;	/* lib/out.h: flushed once a route */
	const char *sl;		/* "\n", or "\\" with -o */
	struct mr_view v;
};

static int show(const struct p61 *p, unsigned int what)
{
	return !!(p->v.show & what);
}

/* "@word@val " with a number */
static void w_u32(struct mr_out *o, const char *word, uint32_t val)
{
	mr_out_str(o, word);
	mr_out_u32(o, val);
	mr_out_char(o, ' ');
}

static void p_prefix(const struct p61 *p, const char *word,
		     const struct mplsroute_addr *a, unsigned int plen)
{
	struct mr_out *o = p->out;

	if (a->family) {
		mr_out_prefix(o, word, a, plen, p->v.host_len);
	} else if (plen) {
		mr_out_str(o, word);
		w_u32(o, "0/", plen);
		if (!*word)
			mr_out_char(o, ' ');	/* 6.1's own double blank */
	} else if (!*word) {
		mr_out_str(o, "default ");
	}
}

static void p_encap(struct mr_out *o, const struct mplsroute_nexthop *nh)
{
	mr_out_str(o, " encap mpls ");
	mr_out_labels_in(o, " ", &nh->encap, " ");
	if (nh->has_encap_ttl)
		w_u32(o, "ttl ", nh->encap_ttl);
}

static void p_via(const struct p61 *p, const struct mplsroute_addr *via)
{
	struct mr_out *o = p->out;
	char buf[MR_ABUF];

	if (!via->family)
		return;
	mr_out_str(o, "via ");
	if (via->family != p->v.rt->family) {
		mr_out_str(o, mr_af_name(via->family, MR_AF_JSON));
		mr_out_char(o, ' ');
	}
	mr_out_word(o, "", mr_addr_fmt(via, buf, sizeof(buf)));
}

static void p_realms(struct mr_out *o, uint32_t flow)
{
	char buf[64];
	uint32_t from = flow >> 16, to = flow & 0xFFFF;

	mr_out_str(o, from ? "realms " : "realm ");
	if (from) {
		mplsroute_realm_n2a(from, buf, sizeof(buf));
		mr_out_str(o, buf);
		mr_out_char(o, '/');
	}
	mplsroute_realm_n2a(to, buf, sizeof(buf));
	mr_out_word(o, "", buf);
}

/* route and nexthop flags, each "name " */
static void p_flags(struct mr_out *o, uint32_t flags)
{
	static const struct { uint32_t flag; const char *name; } fl[] = {
		{ RTNH_F_DEAD, "dead " }, { RTNH_F_ONLINK, "onlink " },
		{ RTNH_F_PERVASIVE, "pervasive " }, { 8, "offload " },
		{ 0x40, "trap " }, { RTM_F_NOTIFY, "notify " },
		{ 0x10, "linkdown " }, { 0x20, "unresolved " },
		{ 0x4000, "rt_offload " }, { 0x8000, "rt_trap " },
		{ 0x20000000, "rt_offload_failed " },
	};
	size_t i;

	for (i = 0; flags && i < sizeof(fl) / sizeof(fl[0]); i++)
		if (flags & fl[i].flag)
			mr_out_str(o, fl[i].name);
}

/* Deleted, type, dst, from, as to, encap, tos, via, dev */
static void p_head(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;
	struct mr_out *o = p->out;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_DELETED))
		mr_out_str(o, "Deleted ");
	if (show(p, MR_SHOW_TYPE)) {
		mplsroute_type_n2a(rt->type, buf, sizeof(buf));
		mr_out_word(o, "", buf);
	}
	p_prefix(p, "", &rt->dst, rt->dst_len);
	p_prefix(p, "from ", &rt->src, rt->src_len);
	if (rt->nh.newdst.n)
		mr_out_labels_in(o, "as to ", &rt->nh.newdst, " ");
	if (rt->nh.encap.n)
		p_encap(o, &rt->nh);
	if (show(p, MR_SHOW_TOS)) {
		mplsroute_dsfield_n2a(rt->tos, buf, sizeof(buf));
		mr_out_word(o, "tos ", buf);
	}
	if (show(p, MR_SHOW_GATEWAY | MR_SHOW_VIA))
		p_via(p, &rt->nh.via);
	if (show(p, MR_SHOW_DEV))
		mr_out_word(o, "dev ",
		      mr_ifname(p->v.o, rt->nh.ifindex, buf, sizeof(buf)));
}

/* table, proto, scope, src, metric, flags, mark, realms, uid */
static void p_middle(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;
	struct mr_out *o = p->out;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_TABLE_ANY)) {
		mplsroute_table_n2a(rt->table_id, buf, sizeof(buf));
		mr_out_word(o, "table ", buf);
	}
	if (show(p, MR_SHOW_PROTO)) {
		mplsroute_proto_n2a(rt->protocol, buf, sizeof(buf));
		mr_out_word(o, "proto ", buf);
	}
	if (show(p, MR_SHOW_SCOPE)) {
		mplsroute_scope_n2a(rt->scope, buf, sizeof(buf));
		mr_out_word(o, "scope ", buf);
	}
	if (show(p, MR_SHOW_PREFSRC))
		mr_out_word(o, "src ", mr_addr_fmt(&rt->prefsrc, buf, sizeof(buf)));
	if (rt->has_priority)
		w_u32(o, "metric ", rt->priority);
	p_flags(o, rt->flags);
	if (rt->mark >= 16) {
		mr_out_str(o, "mark 0x");
		mr_out_hex(o, rt->mark, 0);
		mr_out_char(o, ' ');
	} else if (rt->mark) {
		w_u32(o, "mark ", rt->mark);
	}
	if (show(p, MR_SHOW_REALMS))
		p_realms(o, rt->nh.flow);
	if (rt->has_uid)
		w_u32(o, "uid ", rt->uid);
}

/* a cloned IPv4 route's "cache <FLAGS> " */
static void p_cache_flags(const struct p61 *p)
{
	const struct mr_flag_name *fl = mr_rtcf_names;
	uint32_t flags = p->v.rt->flags & ~0xFFFFu;
	struct mr_out *o = p->out;
	size_t i;

	mr_out_str(o, p->sl);
	mr_out_str(o, "    cache ");
	if (!flags)
		return;
	mr_out_char(o, '<');
	for (i = 0; i < mr_rtcf_nnames; i++) {
		if (!(flags & fl[i].flag))
			continue;
		flags &= ~fl[i].flag;
		mr_out_str(o, fl[i].name);
		mr_out_str(o, flags ? "," : "> ");
	}
	if (flags) {
		mr_out_hex(o, flags, 0);
		mr_out_char(o, '>');
	}
}

/* "@word@val@unit " with a signed number (the cache's seconds) */
static void w_long(struct mr_out *o, const char *word, long val,
		   const char *unit)
{
	mr_out_str(o, word);
	mr_out_s64(o, val);
	mr_out_str(o, unit);
}

static void p_cacheinfo(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;
	struct mr_out *o = p->out;

	if (rt->expires)
		w_long(o, "expires ", p->v.expires, "sec ");
	if (rt->ci_error)
		w_u32(o, "error ", rt->ci_error);
	if (show(p, MR_SHOW_STATS)) {
		if (rt->ci_clntref)
			w_u32(o, "users ", rt->ci_clntref);
		if (rt->ci_used)
			w_u32(o, "used ", rt->ci_used);
		if (rt->ci_lastuse)
			w_long(o, "age ", p->v.age, "sec ");
	}
	if (rt->ci_id) {
		mr_out_str(o, "ipid 0x");
		mr_out_hex(o, rt->ci_id, 4);
		mr_out_char(o, ' ');
	}
	if (rt->ci_ts || rt->ci_tsage) {
		mr_out_str(o, "ts 0x");
		mr_out_hex(o, rt->ci_ts, 0);
		w_long(o, " tsage ", rt->ci_tsage, "sec ");
	}
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

static void p_metric(struct mr_out *o, unsigned int i, uint32_t val,
		     const char *cc_algo)
{
	char buf[32];

	switch (i) {
	case RTAX_FEATURES:
		if (val & RTAX_FEATURE_ECN)
			mr_out_str(o, "ecn ");
		if (val & ~RTAX_FEATURE_ECN) {
			mr_out_str(o, "0x");
			mr_out_hex(o, val, 0);
			mr_out_char(o, ' ');
		}
		break;
	case RTAX_RTT:
	case RTAX_RTTVAR:
	case RTAX_RTO_MIN:
		val = mr_view_metric(i, val);
		if (val >= 1000) {	/* rare: %g stays with stdio */
			snprintf(buf, sizeof(buf), "%gs ", val / 1e3);
			mr_out_str(o, buf);
		} else {
			mr_out_u32(o, val);
			mr_out_str(o, "ms ");
		}
		break;
	case RTAX_CC_ALGO:
		mr_out_word(o, "", cc_algo);
		break;
	default:
		w_u32(o, "", val);
		break;
	}
}

static void p_metrics(const struct p61 *p)
{
	const char *const *names = mr_rtax_names;
	const struct mplsroute_route *rt = p->v.rt;
	struct mr_out *o = p->out;
	unsigned int i;

	for (i = 2; i < 17; i++) {
		if (!(rt->metrics_set & (1u << i)))
			continue;
		if (i == RTAX_HOPLIMIT && (int32_t)rt->metrics[i] == -1)
			continue;
		if (names[i])
			mr_out_word(o, "", names[i]);
		else
			w_u32(o, "metric ", i);
		if (p->v.lock & (1u << i))
			mr_out_str(o, "lock ");
		p_metric(o, i, rt->metrics[i], rt->cc_algo);
	}
}

static void p_nexthop(const struct p61 *p, const struct mplsroute_nexthop *nh)
{
	struct mr_out *o = p->out;
	char buf[MR_ABUF];

	mr_out_str(o, p->sl);
	mr_out_str(o, "\tnexthop ");
	if (nh->encap.n)
		p_encap(o, nh);
	if (nh->newdst.n)
		mr_out_labels_in(o, "as to ", &nh->newdst, " ");
	p_via(p, &nh->via);
	if (nh->has_flow)
		p_realms(o, nh->flow);
	mr_out_word(o, "dev ", mr_ifname(p->v.o, nh->ifindex, buf, sizeof(buf)));
	if (!p->v.mpls) {
		mr_out_str(o, "weight ");
		mr_out_s64(o, nh->hops + 1);
		mr_out_char(o, ' ');
	}
	p_flags(o, nh->flags);
}

static void p_tail(const struct p61 *p)
{
	const struct mplsroute_route *rt = p->v.rt;
	struct mr_out *o = p->out;
	char buf[MR_ABUF];
	unsigned int i;

	p_metrics(p);
	if (show(p, MR_SHOW_IIF))
		mr_out_word(o, "iif ",
			    mr_ifname(p->v.o, rt->iif, buf, sizeof(buf)));
	if (rt->has_pref && mr_pref_name(rt->pref)) {
		mr_out_str(o, "pref ");
		mr_out_str(o, mr_pref_name(rt->pref));
	} else if (rt->has_pref) {
		mr_out_u32(o, rt->pref);
	}
	if (rt->has_ttl_propagate) {
		mr_out_str(o, "ttl-propogate ");
		mr_out_str(o, rt->ttl_propagate ? "enabled" : "disabled");
	}
	for (i = 0; i < rt->nnh && i < MPLSROUTE_MAX_NEXTHOPS; i++)
		p_nexthop(p, &rt->nhs[i]);
	mr_out_char(o, '\n');
}

void mr_print_61(struct mr_out *out, const struct mplsroute_route *rt,
		 const struct mplsroute_print_opts *o)
{
	struct p61 p = { .out = out };

	p.sl = o && o->oneline ? "\\" : "\n";
	mr_view_init(&p.v, rt, o);
	p_head(&p);
	p_middle(&p);
	p_cache(&p);
	p_tail(&p);
}

MR_EXPORT int mplsroute_print_style_a2n(const char *word)
{
	if (word && strcmp(word, "4.4") == 0)
		return MPLSROUTE_STYLE_4_4;
	if (word && strcmp(word, "6.1") == 0)
		return MPLSROUTE_STYLE_6_1;
	return -EINVAL;
}

/* the printer of @style, or NULL */
static mr_printer *printer(int style)
{
	if (style == MPLSROUTE_STYLE_4_4)
		return mr_print_44;
	if (style == MPLSROUTE_STYLE_6_1)
		return mr_print_61;
	return NULL;
}

MR_EXPORT int mplsroute_route_print_style(FILE *f,
					  const struct mplsroute_route *rt,
					  const struct mplsroute_print_opts *o,
					  int style)
{
	mr_printer *pr = printer(style);
	char buf[MR_OUT_BUF];
	struct mr_out out;

	if (!f || !rt || !pr)
		return -EINVAL;
	mr_out_init(&out, f, buf, sizeof(buf));
	pr(&out, rt, o);
	if (mr_out_flush(&out) < 0 || ferror(f))
		return -EIO;
	return 0;
}

MR_EXPORT int mplsroute_route_format(char *buf, size_t size,
				     const struct mplsroute_route *rt,
				     const struct mplsroute_print_opts *o,
				     int style)
{
	mr_printer *pr = printer(style);
	struct mr_out out;

	if (!buf || !rt || !pr || size > INT_MAX)
		return -EINVAL;
	mr_out_init(&out, NULL, buf, size);
	pr(&out, rt, o);
	if (out.err)
		return out.err;	/* -ENOSPC: cut */
	return (int)out.len;
}
