/* grammar.c: iproute2 4.4's `ip route add/del/...` words -> a route */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "grammar_int.h"

int mr_rp_too_many(struct mr_rp *p, const char *what)
{
	int ret = mr_err_fmt(&p->w, MPLSROUTE_ERR_TOO_MANY, 0,
			     "Error: too many %s: no room for \"%s\" again.\n",
			     what, p->kw);

	p->w.err->argi = p->kwi;	/* the keyword, not its value */
	p->w.err->word = p->kw;
	return ret;
}

MR_HOT
void mr_rp_site(struct mr_rp *p, int kind, int family)
{
	struct mr_memo_rec *r = &p->rec;
	const char *w = mr_word(&p->w);
	int k;

	if (r->n < 0 || w[0] < '0' || w[0] > '9')
		return;	/* not a number: compared whole in the next line */
	for (k = 0; k < r->n; k++)
		if (r->site[k].kind == kind)
			break;
	if (k < r->n || r->n == MR_MEMO_SITES) {
		r->n = -1;	/* twice: the first value is kept elsewhere */
		return;
	}
	r->site[k].argi = p->w.argi;
	r->site[k].kind = kind;
	r->site[k].family = family;
	r->n++;
}

MR_HOT
int mr_rp_push(struct mr_rp *p, uint16_t type)
{
	if (mr_route_add_attr(p->rt, type) == 0)
		return 0;
	return mr_rp_too_many(p, "attributes");
}

MR_HOT
int mr_rp_again(struct mr_rp *p, uint16_t type)
{
	if (mr_route_repeat_attr(p->rt, type) == 0)
		return 0;
	return mr_rp_too_many(p, "repeated keywords");
}

static int kw_src(struct mr_rp *p)
{
	struct mplsroute_addr a;
	int ret = mr_need(&p->w);

	if (ret)
		return ret;
	if (mplsroute_addr_parse(&a, mr_word(&p->w), p->rt->family) < 0)
		return mr_err_addr(&p->w, p->rt->family);
	if (p->rt->family == AF_UNSPEC)
		p->rt->family = a.family;
	ret = mr_rp_again(p, RTA_PREFSRC);
	if (ret)
		return ret;
	p->rt->prefsrc = a;
	return mr_rp_push(p, RTA_PREFSRC);
}

static int kw_from(struct mr_rp *p)
{
	struct mplsroute_addr a;
	int ret = mr_need(&p->w);

	if (ret)
		return ret;
	if (mplsroute_prefix_parse(&a, mr_word(&p->w), p->rt->family) < 0)
		return mr_err_prefix(&p->w, p->rt->family);
	if (p->rt->family == AF_UNSPEC)
		p->rt->family = a.family;
	if (a.bytelen) {
		ret = mr_rp_again(p, RTA_SRC);
		if (ret)
			return ret;
		p->rt->src = a;
		ret = mr_rp_push(p, RTA_SRC);
	}
	p->rt->src_len = a.bitlen;
	return ret;
}

/* a word naming a number through @a2n into *v; 0 or 4.4's invarg */
static int kw_num(struct mr_rp *p, int (*a2n)(uint32_t *, const char *),
		  uint32_t *v, const char *why)
{
	int ret = mr_need(&p->w);

	if (ret)
		return ret;
	if (a2n(v, mr_word(&p->w)) < 0)
		return mr_err_invarg(&p->w, why);
	return 0;
}

static int kw_tos(struct mr_rp *p)
{
	uint32_t tos;
	int ret = kw_num(p, mplsroute_dsfield_a2n, &tos,
			 "\"tos\" value is invalid\n");

	if (ret == 0)
		p->rt->tos = tos;
	return ret;
}

static int u32_a2n(uint32_t *v, const char *arg)
{
	return mr_get_u32(v, arg, 0);
}

static int kw_metric(struct mr_rp *p)
{
	uint32_t metric;
	int ret = kw_num(p, u32_a2n, &metric, "\"metric\" value is invalid\n");

	if (ret == 0)
		ret = mr_rp_again(p, RTA_PRIORITY);
	if (ret)
		return ret;
	p->rt->priority = metric;
	p->rt->has_priority = 1;
	return mr_rp_push(p, RTA_PRIORITY);
}

static int kw_scope(struct mr_rp *p)
{
	uint32_t scope;
	int ret = kw_num(p, mplsroute_scope_a2n, &scope,
			 "invalid \"scope\" value\n");

	if (ret == 0) {
		p->rt->scope = scope;
		p->scope_ok = 1;
	}
	return ret;
}

static int kw_proto(struct mr_rp *p)
{
	uint32_t prot;
	int ret = kw_num(p, mplsroute_proto_a2n, &prot,
			 "\"protocol\" value is invalid\n");

	if (ret == 0) {
		p->rt->protocol = prot;
		p->proto_ok = 1;
	}
	return ret;
}

static int kw_table(struct mr_rp *p)
{
	uint32_t tid;
	int ret = kw_num(p, mplsroute_table_a2n, &tid,
			 "\"table\" value is invalid\n");

	if (ret == 0)
		ret = mr_rp_again(p, RTA_TABLE);
	if (ret)
		return ret;
	p->table_ok = 1;
	if (mplsroute_route_set_table(p->rt, tid) < 0)
		return mr_rp_push(p, RTA_TABLE);	/* says it is full */
	return 0;
}

MR_HOT
static int kw_dev(struct mr_rp *p)
{
	int ret = mr_need(&p->w);

	if (ret == 0) {
		p->dev = mr_word(&p->w);
		p->devi = p->w.argi;
	}
	return ret;
}

static int kw_pref(struct mr_rp *p)
{
	uint32_t pref = 0;
	int ret = kw_num(p, mplsroute_pref_a2n, &pref, "\"pref\" value is invalid\n");

	if (ret == 0)
		ret = mr_rp_again(p, RTA_PREF);
	if (ret)
		return ret;
	p->rt->pref = pref;
	p->rt->has_pref = 1;
	return mr_rp_push(p, RTA_PREF);
}

/* ttl-propagate {enabled|disabled}: RTA_TTL_PROPAGATE, current iproute2's */
static int kw_ttl_propagate(struct mr_rp *p)
{
	const char *v;
	uint8_t on;
	int ret = mr_need(&p->w);

	if (ret)
		return ret;
	v = mr_word(&p->w);
	if (mplsroute_abbrev(v, "enabled"))
		on = 1;
	else if (mplsroute_abbrev(v, "disabled"))
		on = 0;
	else
		return mr_err_invarg(&p->w,
				     "\"ttl-propagate\" value is invalid\n");
	ret = mr_rp_again(p, RTA_TTL_PROPAGATE);
	if (ret)
		return ret;
	p->rt->ttl_propagate = on;
	p->rt->has_ttl_propagate = 1;
	return mr_rp_push(p, RTA_TTL_PROPAGATE);
}

/* [to] [TYPE] PREFIX: the destination (4.4's final else) */
MR_HOT
static int kw_dst(struct mr_rp *p)
{
	struct mplsroute_route *rt = p->rt;
	struct mplsroute_addr dst;
	uint32_t type;
	char c;

	if (strcmp(mr_word(&p->w), "to") == 0 && mr_need(&p->w))
		return -EINVAL;
	c = mr_word(&p->w)[0];
	if ((c < '0' || c > '9') &&
	    mplsroute_type_a2n(&type, mr_word(&p->w)) == 0) {
		if (mr_need(&p->w))
			return -EINVAL;
		rt->type = type;
		p->type_ok = 1;
	}
	if (mplsroute_abbrev(mr_word(&p->w), "help"))
		return mr_err_usage(&p->w);
	if (p->dst_ok)
		return mr_err_duparg(&p->w, "to");
	if (mplsroute_prefix_parse(&dst, mr_word(&p->w), rt->family) < 0)
		return mr_err_prefix(&p->w, rt->family);
	if (dst.bytelen)
		mr_rp_site(p, MR_SITE_DST, rt->family);
	if (rt->family == AF_UNSPEC)
		rt->family = dst.family;
	rt->dst_len = dst.bitlen;
	p->dst_ok = 1;
	if (!dst.bytelen)
		return 0;
	rt->dst = dst;
	return mr_rp_push(p, RTA_DST);
}

static int kw_onlink(struct mr_rp *p)
{
	p->rt->flags |= RTNH_F_ONLINK;
	return 0;
}

static int kw_unsupported(struct mr_rp *p)
{
	return mr_err_fmt(&p->w, MPLSROUTE_ERR_UNSUPPORTED, 1,
			  "Error: \"%s\" is not supported by ipmpls.\n",
			  mr_word(&p->w));
}

/* the keywords of a route, in 4.4's order (abbreviations resolve by it) */
static const struct route_kw {
	const char *word;
	int prefix;
	int (*fn)(struct mr_rp *p);
} route_kws[] = {
	{ "src", 0, kw_src },
	{ "as", 0, mr_kw_as },
	{ "via", 0, mr_kw_via },
	{ "from", 0, kw_from },
	{ "tos", 0, kw_tos },
	{ "dsfield", 1, kw_tos },
	{ "expires", 0, kw_unsupported },
	{ "metric", 1, kw_metric },
	{ "priority", 1, kw_metric },
	{ "preference", 0, kw_metric },
	{ "scope", 0, kw_scope },
	{ NULL, 0, mr_kw_metric_any },	/* the metrics: grammar_metrics.c */
	{ "congctl", 1, mr_kw_congctl },
	{ "realms", 1, mr_kw_realms },
	{ "onlink", 0, kw_onlink },
	{ "nexthop", 0, NULL },
	{ "protocol", 1, kw_proto },
	{ "table", 1, kw_table },
	{ "dev", 0, kw_dev },
	{ "oif", 0, kw_dev },
	{ "pref", 1, kw_pref },
	{ "encap", 0, mr_kw_encap },
	{ "ttl-propagate", 0, kw_ttl_propagate },
};

/*
 * @w is keyword @kw (or, with @prefix, abbreviates it).  A word that is
 * not empty names @kw only if their first letters agree: that test first,
 * as most words (numbers, addresses) are no keyword.
 */
static int word_is(const char *w, const char *kw, int prefix)
{
	if (w[0] && w[0] != kw[0])
		return 0;
	return prefix ? mplsroute_abbrev(w, kw) : strcmp(w, kw) == 0;
}

/*
 * One keyword (or the destination) at the cursor.  Returns 0, -errno, or
 * 1 at "nexthop" (the rest of the line is nexthops).
 */
static int route_word(struct mr_rp *p)
{
	const char *w = mr_word(&p->w);
	size_t i;
	int ret;

	p->kw = w;
	p->kwi = p->w.argi;
	if (w[0] >= '0' && w[0] <= '9')
		return kw_dst(p);	/* no keyword starts with a digit */
	for (i = 0; i < sizeof(route_kws) / sizeof(route_kws[0]); i++) {
		const struct route_kw *kw = &route_kws[i];

		if (!kw->word) {
			ret = kw->fn(p);
			if (ret != 1)
				return ret;
			continue;
		}
		if (!word_is(w, kw->word, kw->prefix))
			continue;
		if (!kw->fn)
			return 1;
		return kw->fn(p);
	}
	return kw_dst(p);
}

/* what the words left to be done at their end; 0 or -errno */
static int route_words_end(struct mr_rp *p)
{
	if (!p->dst_ok)
		return mr_err_usage(&p->w);
	if (p->dev) {
		p->rt->nh.ifindex = mr_ifindex(&p->w, p->dev);
		if (!p->rt->nh.ifindex)
			return mr_err_nodev(&p->w, p->devi, p->dev, 0);
	}
	if (p->mxlock) {
		p->rt->metrics[RTAX_LOCK] = p->mxlock;
		p->rt->metrics_set |= 1u << RTAX_LOCK;
	}
	return 0;
}

/* the words before "nexthop" (or the end), then the nexthops */
static int parse_route_words(struct mr_rp *p)
{
	int ret;

	while (p->w.argc > 0) {
		ret = route_word(p);
		if (ret == 1) {
			p->nhs_ok = 1;
			break;
		}
		if (ret)
			return ret;
		mr_skip(&p->w);
	}
	ret = route_words_end(p);
	if (ret == 0 && p->nhs_ok)
		ret = mr_parse_nexthops(p);
	return ret;
}

MR_HOT
MR_EXPORT int mplsroute_route_parse_args(struct mplsroute_route *rt,
					 int argc, char *const *argv,
					 const struct mplsroute_parse_opts *o,
					 struct mplsroute_error *err)
{
	struct mplsroute_error scratch;
	uint16_t type = o && o->nlmsg_type ? o->nlmsg_type : RTM_NEWROUTE;
	struct mr_rp p = {
		.w = { .argc = argc, .argv = argv, .o = o,
		       .err = err ? err : &scratch },
		.rt = rt,
	};
	int ret;

	mr_err_clear(p.w.err);
	if (!rt || argc < 0 || (argc && !argv))
		return -EINVAL;
	if (mr_memo_parse(rt, argc, argv, o) == 0)
		return 0;	/* the line before's route, new values */
	/* mr_parse_nexthops clears each nhs[i] it fills */
	mr_route_init_head(rt, type);
	rt->family = o ? o->family : AF_UNSPEC;
	ret = parse_route_words(&p);
	if (ret) {
		mr_memo_forget(rt);
		return ret;
	}
	rt->given = (p.table_ok ? MPLSROUTE_GIVEN_TABLE : 0) |
		    (p.scope_ok ? MPLSROUTE_GIVEN_SCOPE : 0) |
		    (p.type_ok ? MPLSROUTE_GIVEN_TYPE : 0) |
		    (p.proto_ok ? MPLSROUTE_GIVEN_PROTO : 0);
	mr_route_finish(rt, type);
	mr_memo_keep(rt, argc, argv, o, &p.rec, p.dev ? p.devi : -1);
	return 0;
}
