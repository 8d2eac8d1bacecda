/* lib/print.c: struct mplsroute_route -> iproute2 4.4's `ip route show` text */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "out.h"

/* the text goes to @out (lib/out.h), handed to the stream once a route */
struct pctx {
	struct mr_out *out;
	const struct mplsroute_route *rt;
	const struct mplsroute_print_opts *o;
	const char *sl;		/* iproute2's _SL_: "\n", or "\\" for -o */
	struct mr_view v;	/* what is shown, in which units */
};

static int show(const struct pctx *p, unsigned int what)
{
	return !!(p->v.show & what);
}

static void word_u32(struct mr_out *o, const char *word, uint32_t val)
{
	mr_out_str(o, word);
	mr_out_u32(o, val);
}

static void word_int(struct mr_out *o, const char *word, int val)
{
	mr_out_str(o, word);
	mr_out_s64(o, val);
}

static void print_prefix(const struct pctx *p, const char *word,
			 const struct mplsroute_addr *a, unsigned int plen)
{
	struct mr_out *o = p->out;

	if (a->family) {
		mr_out_prefix(o, word, a, plen, p->v.host_len);
	} else if (plen) {
		mr_out_str(o, word);
		word_u32(o, "0/", plen);
		mr_out_char(o, ' ');
	} else if (!*word) {
		mr_out_str(o, "default ");
	}
}

/* current iproute2's text: " encap mpls  100/200 ttl 10 " */
static void print_encap(struct mr_out *o, const struct mplsroute_nexthop *nh)
{
	mr_out_str(o, " encap mpls ");
	mr_out_labels_in(o, " ", &nh->encap, " ");
	if (nh->has_encap_ttl) {
		word_u32(o, "ttl ", nh->encap_ttl);
		mr_out_char(o, ' ');
	}
}

static void print_via(struct mr_out *o, const char *word,
		      const struct mplsroute_addr *via)
{
	mr_out_str(o, word);
	if (via->family == AF_INET) {	/* the common one: a literal */
		mr_out_str(o, "inet ");
	} else {
		mr_out_str(o, mr_af_name(via->family, MR_AF_TEXT));
		mr_out_char(o, ' ');
	}
	mr_out_addr(o, via);
	mr_out_char(o, ' ');
}

/* the head: type, dst, src, as to, encap, tos, via, dev */
static void print_head(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	struct mr_out *o = p->out;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_DELETED))
		mr_out_str(o, "Deleted ");
	if (show(p, MR_SHOW_TYPE)) {
		mplsroute_type_n2a(rt->type, buf, sizeof(buf));
		mr_out_word(o, "", buf);
	}
	print_prefix(p, "", &rt->dst, rt->dst_len);
	print_prefix(p, "from ", &rt->src, rt->src_len);
	if (rt->nh.newdst.n)
		mr_out_labels_in(o, "as to ", &rt->nh.newdst, " ");
	if (rt->nh.encap.n)
		print_encap(o, &rt->nh);
	if (show(p, MR_SHOW_TOS)) {
		mplsroute_dsfield_n2a(rt->tos, buf, sizeof(buf));
		mr_out_word(o, "tos ", buf);
	}
	if (show(p, MR_SHOW_GATEWAY)) {
		mr_out_str(o, "via ");
		mr_out_addr(o, &rt->nh.via);
		mr_out_char(o, ' ');
	}
	if (show(p, MR_SHOW_VIA))
		print_via(o, "via ", &rt->nh.via);
	if (show(p, MR_SHOW_DEV))
		mr_out_word(o, "dev ",
			 mr_ifname(p->o, rt->nh.ifindex, buf, sizeof(buf)));
}

/* 4.4's "realm TO" or "realms FROM/TO", names from rt_realms */
static void print_realms(struct mr_out *o, uint32_t flow, const char *pre,
			 const char *post)
{
	char buf[64];
	uint32_t from = flow >> 16, to = flow & 0xFFFF;

	mr_out_str(o, pre);
	mr_out_str(o, from ? "realms " : "realm ");
	if (from) {
		mplsroute_realm_n2a(from, buf, sizeof(buf));
		mr_out_str(o, buf);
		mr_out_char(o, '/');
	}
	mplsroute_realm_n2a(to, buf, sizeof(buf));
	mr_out_str(o, buf);
	mr_out_str(o, post);
}

/* the flags after the metric: "dead onlink ..." */
static void print_rtm_flags(struct mr_out *o, uint32_t flags)
{
	if (flags & RTNH_F_DEAD)
		mr_out_str(o, "dead ");
	if (flags & RTNH_F_ONLINK)
		mr_out_str(o, "onlink ");
	if (flags & RTNH_F_PERVASIVE)
		mr_out_str(o, "pervasive ");
	if (flags & RTNH_F_OFFLOAD)
		mr_out_str(o, "offload ");
	if (flags & RTM_F_NOTIFY)
		mr_out_str(o, "notify ");
	if (flags & RTNH_F_LINKDOWN)
		mr_out_str(o, "linkdown ");
}

/* table, proto, scope, src, metric and the flags */
static void print_middle(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	struct mr_out *o = p->out;
	char buf[MR_ABUF];

	if (show(p, MR_SHOW_TABLE)) {
		mplsroute_table_n2a(rt->table_id, buf, sizeof(buf));
		mr_out_word(o, " table ", buf);
	}
	if (show(p, MR_SHOW_PROTO)) {
		mplsroute_proto_n2a(rt->protocol, buf, sizeof(buf));
		mr_out_word(o, " proto ", buf);
	}
	if (show(p, MR_SHOW_SCOPE)) {
		mplsroute_scope_n2a(rt->scope, buf, sizeof(buf));
		mr_out_word(o, " scope ", buf);
	}
	if (show(p, MR_SHOW_PREFSRC)) {
		mr_out_str(o, " src ");
		mr_out_addr(o, &rt->prefsrc);
		mr_out_char(o, ' ');
	}
	if (rt->has_priority) {
		word_u32(o, " metric ", rt->priority);
		mr_out_char(o, ' ');
	}
	print_rtm_flags(o, rt->flags);
	if (rt->mark >= 16) {
		mr_out_str(o, " mark 0x");
		mr_out_hex(o, rt->mark, 0);
	} else if (rt->mark) {
		word_u32(o, " mark ", rt->mark);
	}
	if (show(p, MR_SHOW_REALMS))
		print_realms(o, rt->nh.flow, "", " ");
}

/* expires, error and (with -s) users, used, age, as 4.4 prints them */
static void print_ci_common(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	struct mr_out *o = p->out;

	if (rt->expires) {
		word_int(o, " expires ", (int)p->v.expires);
		mr_out_str(o, "sec");
	}
	if (rt->ci_error)
		word_int(o, " error ", (int)rt->ci_error);
	if (!show(p, MR_SHOW_STATS))
		return;
	if (rt->ci_clntref)
		word_int(o, " users ", (int)rt->ci_clntref);
	if (rt->ci_used)
		word_int(o, " used ", (int)rt->ci_used);
	if (rt->ci_lastuse) {
		word_int(o, " age ", (int)p->v.age);
		mr_out_str(o, "sec");
	}
}

/* the `cache` part of a cloned IPv4 route (route get) */
static void print_cache4(const struct pctx *p)
{
	const struct mr_flag_name *fl = mr_rtcf_names;
	uint32_t flags = p->rt->flags & ~0xFFFFu;
	struct mr_out *o = p->out;
	int first = 1;
	size_t i;

	mr_out_str(o, p->sl);
	mr_out_str(o, "    cache ");
	for (i = 0; i < mr_rtcf_nnames; i++) {
		if (!(flags & fl[i].flag))
			continue;
		flags &= ~fl[i].flag;
		mr_out_str(o, first ? "<" : "");
		mr_out_str(o, fl[i].name);
		mr_out_str(o, flags ? "," : "> ");
		first = 0;
	}
	if (flags) {
		mr_out_str(o, first ? "<" : "");
		mr_out_hex(o, flags, 0);
		mr_out_str(o, "> ");
	}
	if (!p->rt->has_cacheinfo)
		return;
	print_ci_common(p);
	if (p->rt->ci_id) {
		mr_out_str(o, " ipid 0x");
		mr_out_hex(o, p->rt->ci_id, 4);
	}
	if (p->rt->ci_ts || p->rt->ci_tsage) {
		mr_out_str(o, " ts 0x");
		mr_out_hex(o, p->rt->ci_ts, 0);
		word_int(o, " tsage ", (int)p->rt->ci_tsage);
		mr_out_str(o, "sec");
	}
}

static void print_cache(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	int cloned = p->v.cloned;

	if (cloned && rt->family == AF_INET) {
		print_cache4(p);
	} else if (rt->family == AF_INET6 && rt->has_cacheinfo &&
		   (cloned || rt->expires)) {
		if (cloned) {
			mr_out_str(p->out, p->sl);
			mr_out_str(p->out, "    cache ");
		}
		print_ci_common(p);
	} else if (rt->family == AF_INET6 && rt->has_cacheinfo &&
		   rt->ci_error) {
		word_int(p->out, " error ", (int)rt->ci_error);
	}
}

static void print_features(struct mr_out *o, uint32_t features)
{
	uint32_t of = features;

	if (features & RTAX_FEATURE_ECN) {
		mr_out_str(o, " ecn");
		features &= ~RTAX_FEATURE_ECN;
	}
	if (features) {
		mr_out_str(o, " 0x");
		mr_out_hex(o, of, 0);
	}
}

static void print_metric(struct mr_out *o, unsigned int i, uint32_t val)
{
	char buf[32];

	switch (i) {
	case RTAX_FEATURES:
		print_features(o, val);
		break;
	case RTAX_RTT:
	case RTAX_RTTVAR:
	case RTAX_RTO_MIN:
		val = mr_view_metric(i, val);
		if (val >= 1000) {	/* rare: %g stays with stdio */
			snprintf(buf, sizeof(buf), " %gs", val / 1e3);
			mr_out_str(o, buf);
		} else {
			word_u32(o, " ", val);
			mr_out_str(o, "ms");
		}
		break;
	case RTAX_HOPLIMIT:
		if ((int32_t)val == -1)
			val = 0;
		/* fall through */
	default:
		word_u32(o, " ", val);
		break;
	}
}

static void print_metrics(const struct pctx *p)
{
	const char *const *names = mr_rtax_names;
	const struct mplsroute_route *rt = p->rt;
	struct mr_out *o = p->out;
	uint32_t lock = p->v.lock;
	unsigned int i;

	if (!(rt->metrics_set & ~3u))
		return;
	for (i = 2; i < 17; i++) {
		if (!(rt->metrics_set & (1u << i)))
			continue;
		if (names[i]) {
			mr_out_char(o, ' ');
			mr_out_str(o, names[i]);
		} else {
			word_u32(o, " metric ", i);
		}
		if (lock & (1u << i))
			mr_out_str(o, " lock");
		if (i == RTAX_CC_ALGO) {
			mr_out_char(o, ' ');
			mr_out_str(o, rt->cc_algo);
		} else {
			print_metric(o, i, rt->metrics[i]);
		}
	}
}

static void print_nh_flags(struct mr_out *o, uint8_t flags)
{
	if (flags & RTNH_F_DEAD)
		mr_out_str(o, " dead");
	if (flags & RTNH_F_ONLINK)
		mr_out_str(o, " onlink");
	if (flags & RTNH_F_PERVASIVE)
		mr_out_str(o, " pervasive");
	if (flags & RTNH_F_LINKDOWN)
		mr_out_str(o, " linkdown");
}

/* one rtnexthop: 4.4's text for IP routes, 4.5's for MPLS */
static void print_nexthop(const struct pctx *p,
			  const struct mplsroute_nexthop *nh)
{
	struct mr_out *o = p->out;
	int mpls = p->v.mpls;
	char buf[MR_ABUF];

	mr_out_str(o, p->sl);
	mr_out_str(o, "\tnexthop");
	if (nh->newdst.n)
		mr_out_labels_in(o, " as to ", &nh->newdst, "");
	if (nh->encap.n)
		print_encap(o, nh);
	if (nh->via.family && nh->via.family == p->rt->family) {
		mr_out_str(o, " via ");
		mr_out_addr(o, &nh->via);
		mr_out_char(o, ' ');
	} else if (nh->via.family) {
		print_via(o, mpls ? " via " : "via ", &nh->via);
	}
	if (nh->has_flow)
		print_realms(o, nh->flow, " ", "");
	if (!mpls || nh->ifindex) {
		mr_out_str(o, " dev ");
		mr_out_str(o, mr_ifname(p->o, nh->ifindex, buf, sizeof(buf)));
	}
	if (!mpls)
		word_int(o, " weight ", nh->hops + 1);
	print_nh_flags(o, nh->flags);
}

static void print_tail(const struct pctx *p)
{
	const struct mplsroute_route *rt = p->rt;
	struct mr_out *o = p->out;
	char buf[MR_ABUF];
	unsigned int i;

	print_metrics(p);
	if (show(p, MR_SHOW_IIF)) {
		mr_out_str(o, " iif ");
		mr_out_str(o, mr_ifname(p->o, rt->iif, buf, sizeof(buf)));
	}
	/* as current iproute2 prints it, its misspelling included */
	if (rt->has_ttl_propagate) {
		mr_out_str(o, "ttl-propogate ");
		mr_out_str(o, rt->ttl_propagate ? "enabled" : "disabled");
	}
	for (i = 0; i < rt->nnh && i < MPLSROUTE_MAX_NEXTHOPS; i++)
		print_nexthop(p, &rt->nhs[i]);
	if (rt->has_pref) {
		mplsroute_pref_n2a(rt->pref, buf, sizeof(buf));
		mr_out_str(o, " pref ");
		mr_out_str(o, buf);
	}
	mr_out_char(o, '\n');
}

void mr_print_44(struct mr_out *out, const struct mplsroute_route *rt,
		 const struct mplsroute_print_opts *o)
{
	struct pctx p = { .rt = rt, .o = o, .out = out };

	p.sl = o && o->oneline ? "\\" : "\n";
	mr_view_init(&p.v, rt, o);
	print_head(&p);
	print_middle(&p);
	print_cache(&p);
	print_tail(&p);
}

MR_EXPORT int mplsroute_route_print(FILE *f, const struct mplsroute_route *rt,
				    const struct mplsroute_print_opts *o)
{
	return mplsroute_route_print_style(f, rt, o, MPLSROUTE_STYLE_4_4);
}
