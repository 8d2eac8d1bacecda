/* iproute.c: "route" subcommands and iproute2 4.4's grammar for route changes */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/mpls.h>

#include <libmnl/libmnl.h>

#include "ipmpls.h"
#include "utils.h"
#include "route_int.h"	/* TRANSITIONAL: until the grammar moves to lib/ */
#include "compat.h"

#define ROUTE_MSG_SIZE	8192

/* what iproute_modify has seen so far: 4.4's *_ok flags and the cursor */
struct rtparse {
	struct mplsroute_route *rt;
	int cmd;
	struct argcur c;
	const char *dev;
	int gw_ok, dst_ok, nhs_ok, scope_ok, table_ok, type_ok, proto_ok;
	uint32_t mxlock;
};

/* the route usage text of iproute2 4.4, word for word */
static const char route_usage[] =
"Usage: ip route { list | flush } SELECTOR\n"
"       ip route save SELECTOR\n"
"       ip route restore\n"
"       ip route showdump\n"
"       ip route get ADDRESS [ from ADDRESS iif STRING ]\n"
"                            [ oif STRING ] [ tos TOS ]\n"
"                            [ mark NUMBER ]\n"
"       ip route { add | del | change | append | replace } ROUTE\n"
"SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n"
"            [ table TABLE_ID ] [ proto RTPROTO ]\n"
"            [ type TYPE ] [ scope SCOPE ]\n"
"ROUTE := NODE_SPEC [ INFO_SPEC ]\n"
"NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n"
"             [ table TABLE_ID ] [ proto RTPROTO ]\n"
"             [ scope SCOPE ] [ metric METRIC ]\n"
"INFO_SPEC := NH OPTIONS FLAGS [ nexthop NH ]...\n"
"NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n"
"\t    [ dev STRING ] [ weight NUMBER ] NHFLAGS\n"
"FAMILY := [ inet | inet6 | ipx | dnet | mpls | bridge | link ]\n"
"OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n"
"           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n"
"           [ window NUMBER] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n"
"           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n"
"           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n"
"           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n"
"           [ pref PREF ]\n"
"TYPE := [ unicast | local | broadcast | multicast | throw |\n"
"          unreachable | prohibit | blackhole | nat ]\n"
"TABLE_ID := [ local | main | default | all | NUMBER ]\n"
"SCOPE := [ host | link | global | NUMBER ]\n"
"NHFLAGS := [ onlink | pervasive ]\n"
"RTPROTO := [ kernel | boot | static | NUMBER ]\n"
"PREF := [ low | medium | high ]\n"
"TIME := NUMBER[s|ms]\n"
"BOOL := [1|0]\n"
"FEATURES := ecn\n"
"ENCAPTYPE := [ mpls | ip | ip6 ]\n"
"ENCAPHDR := [ MPLSLABEL ]\n";

void iproute_usage(FILE *f)
{
	fputs(route_usage, f);
}

static int usage(void)
{
	iproute_usage(stderr);
	return EXIT_USAGE;
}

static const char *cur(const struct rtparse *p)
{
	return p->c.argv[0];
}

/* NEXT_ARG: step to the value of a keyword */
static int next(struct rtparse *p)
{
	return arg_next(&p->c);
}

static void push_attr(struct rtparse *p, uint16_t type)
{
	mplsroute_route_add_attr(p->rt, type);
}

static void push_nh_attr(struct mplsroute_nexthop *nh, uint16_t type)
{
	mplsroute_nexthop_add_attr(nh, type);
}

/*
 * The user gives RTA_* @type again: its earlier value is kept and sent where
 * it was given, as 4.4 sends each occurrence.  0 or an exit code.
 */
static int again(struct rtparse *p, uint16_t type)
{
	if (mplsroute_route_repeat_attr(p->rt, type) == 0)
		return 0;
	fprintf(stderr, "Error: too many repeated keywords.\n");
	return EXIT_BADARG;
}

static int unsupported(const char *word)
{
	fprintf(stderr, "Error: \"%s\" is not supported by ipmpls.\n", word);
	return EXIT_USAGE;
}

/*
 * via [FAMILY] ADDR for the route or a nexthop: the family of the route is
 * taken from it when still unset; same family: RTA_GATEWAY, else RTA_VIA.
 * Returns 0 or an exit code; *type gets the attribute.
 */
static int parse_via(struct rtparse *p, struct mplsroute_addr *via,
		     uint16_t *type)
{
	struct mplsroute_route *rt = p->rt;
	int family;

	if (next(p))
		return incomplete_command();
	family = read_family(cur(p));
	if (family == AF_UNSPEC)
		family = rt->family;
	else if (next(p))
		return incomplete_command();
	if (parse_addr(via, cur(p), family) < 0)
		return addr_expected(family, cur(p));
	if (rt->family == AF_UNSPEC)
		rt->family = via->family;
	*type = via->family == rt->family ? RTA_GATEWAY : RTA_VIA;
	return 0;
}

/* as [to] ADDRESS: an address of the route's family (4.4's get_addr) */
static int parse_as(struct rtparse *p, struct mplsroute_addr *a)
{
	int family = p->rt->family;

	if (next(p))
		return incomplete_command();
	if (strcmp(cur(p), "to") == 0 && next(p))
		return incomplete_command();
	if (parse_addr(a, cur(p), family) < 0)
		return addr_expected(family, cur(p));
	if (p->rt->family == AF_UNSPEC)
		p->rt->family = a->family;
	return 0;
}

/* a nexthop's as (iproute2 4.5): only labels, for an MPLS route */
static int parse_nh_as(struct rtparse *p, struct mplsroute_labels *ls)
{
	struct mplsroute_addr a;
	int ret = parse_as(p, &a);

	if (ret)
		return ret;
	if (a.family != AF_MPLS) {
		fprintf(stderr, "Error: \"as\" needs an MPLS route (-f mpls) rather than \"%s\".\n",
			cur(p));
		return EXIT_BADARG;
	}
	*ls = a.labels;
	return 0;
}

/*
 * encap mpls LABELS [ttl N]: the ttl as current iproute2 reads it (0..255,
 * once).  The cursor stays on the last word used.
 */
static int parse_encap_ttl(struct rtparse *p, struct mplsroute_nexthop *nh)
{
	while (p->c.argc > 1 && strcmp(p->c.argv[1], "ttl") == 0) {
		next(p);
		if (next(p))
			return incomplete_command();
		if (nh->has_encap_ttl)
			return duparg2("ttl", cur(p));
		if (get_u8(&nh->encap_ttl, cur(p), 0))
			return invarg("\"ttl\" value is invalid\n", cur(p));
		nh->has_encap_ttl = 1;
	}
	return 0;
}

/*
 * encap TYPE HDR: only "mpls LABELS [ttl N]".  As the last words of the
 * line (or of a nexthop) it is accepted, unlike 4.4 (see
 * beyond/dev-enc-last).
 */
static int parse_encap(struct rtparse *p, struct mplsroute_nexthop *nh)
{
	struct mplsroute_addr a;
	const char *type;

	if (next(p))
		return incomplete_command();
	type = cur(p);
	if (strcmp(type, "mpls") && strcmp(type, "ip") && strcmp(type, "ip6") &&
	    strcmp(type, "ila"))
		return invarg("\"encap type\" value is invalid\n", type);
	if (next(p))
		return incomplete_command();
	if (strcmp(type, "mpls"))
		return unsupported(type);
	if (parse_addr(&a, cur(p), AF_MPLS) < 0)
		return addr_expected(AF_MPLS, cur(p));
	nh->encap = a.labels;
	nh->has_encap_ttl = 0;
	return parse_encap_ttl(p, nh);
}

static int kw_src(struct rtparse *p)
{
	struct mplsroute_addr a;

	if (next(p))
		return incomplete_command();
	if (parse_addr(&a, cur(p), p->rt->family) < 0)
		return addr_expected(p->rt->family, cur(p));
	if (p->rt->family == AF_UNSPEC)
		p->rt->family = a.family;
	if (again(p, RTA_PREFSRC))
		return EXIT_BADARG;
	p->rt->prefsrc = a;
	push_attr(p, RTA_PREFSRC);
	return 0;
}

/*
 * as [to] ADDRESS: labels for an MPLS route; on an IP route 4.4 sends the
 * address's bytes in RTA_NEWDST all the same (the kernel ignores it there).
 */
static int kw_as(struct rtparse *p)
{
	struct mplsroute_addr a;
	int ret = parse_as(p, &a);

	if (ret)
		return ret;
	if (a.family != AF_MPLS) {
		if (mplsroute_route_put_raw(p->rt, RTA_NEWDST, a.data,
					    a.bytelen) == 0)
			return 0;
		fprintf(stderr, "Error: too many attributes.\n");
		return EXIT_BADARG;
	}
	if (again(p, RTA_NEWDST))
		return EXIT_BADARG;
	p->rt->nh.newdst = a.labels;
	push_attr(p, RTA_NEWDST);
	return 0;
}

static int kw_via(struct rtparse *p)
{
	uint16_t type;
	int ret;

	p->gw_ok = 1;
	if (again(p, RTA_GATEWAY))
		return EXIT_BADARG;
	ret = parse_via(p, &p->rt->nh.via, &type);
	if (ret == 0)
		push_attr(p, type);
	return ret;
}

static int kw_from(struct rtparse *p)
{
	struct mplsroute_addr a;

	if (next(p))
		return incomplete_command();
	if (parse_prefix(&a, cur(p), p->rt->family) < 0)
		return prefix_expected(p->rt->family, cur(p));
	if (p->rt->family == AF_UNSPEC)
		p->rt->family = a.family;
	if (a.bytelen) {
		if (again(p, RTA_SRC))
			return EXIT_BADARG;
		p->rt->src = a;
		push_attr(p, RTA_SRC);
	}
	p->rt->src_len = a.bitlen;
	return 0;
}

static int kw_tos(struct rtparse *p)
{
	uint32_t tos;

	if (next(p))
		return incomplete_command();
	if (mplsroute_dsfield_a2n(&tos, cur(p)) < 0)
		return invarg("\"tos\" value is invalid\n", cur(p));
	p->rt->tos = tos;
	return 0;
}

static int kw_metric(struct rtparse *p)
{
	uint32_t metric;

	if (next(p))
		return incomplete_command();
	if (get_u32(&metric, cur(p), 0))
		return invarg("\"metric\" value is invalid\n", cur(p));
	if (again(p, RTA_PRIORITY))
		return EXIT_BADARG;
	p->rt->priority = metric;
	p->rt->has_priority = 1;
	push_attr(p, RTA_PRIORITY);
	return 0;
}

static int kw_scope(struct rtparse *p)
{
	uint32_t scope;

	if (next(p))
		return incomplete_command();
	if (mplsroute_scope_a2n(&scope, cur(p)) < 0)
		return invarg("invalid \"scope\" value\n", cur(p));
	p->rt->scope = scope;
	p->scope_ok = 1;
	return 0;
}

/* the RTA_METRICS keywords and how each reads its value */
enum { MX_UNSIGNED, MX_HOPLIMIT, MX_RTT, MX_RTTVAR, MX_RTO, MX_FEATURES,
	MX_QUICKACK };

struct metric_kw {
	const char *word;
	int prefix;		/* matched as an abbreviation */
	int rtax;
	int how;
	const char *err;	/* 4.4's invarg text */
};

static const struct metric_kw metric_kws[] = {
	{ "mtu", 0, RTAX_MTU, MX_UNSIGNED, "\"mtu\" value is invalid\n" },
	{ "hoplimit", 0, RTAX_HOPLIMIT, MX_HOPLIMIT, "\"hoplimit\" value is invalid\n" },
	{ "advmss", 0, RTAX_ADVMSS, MX_UNSIGNED, "\"mss\" value is invalid\n" },
	{ "reordering", 1, RTAX_REORDERING, MX_UNSIGNED, "\"reordering\" value is invalid\n" },
	{ "rtt", 0, RTAX_RTT, MX_RTT, "\"rtt\" value is invalid\n" },
	{ "rto_min", 0, RTAX_RTO_MIN, MX_RTO, "\"rto_min\" value is invalid\n" },
	{ "window", 1, RTAX_WINDOW, MX_UNSIGNED, "\"window\" value is invalid\n" },
	{ "cwnd", 1, RTAX_CWND, MX_UNSIGNED, "\"cwnd\" value is invalid\n" },
	{ "initcwnd", 1, RTAX_INITCWND, MX_UNSIGNED, "\"initcwnd\" value is invalid\n" },
	{ "initrwnd", 1, RTAX_INITRWND, MX_UNSIGNED, "\"initrwnd\" value is invalid\n" },
	{ "features", 1, RTAX_FEATURES, MX_FEATURES, "\"features\" value not valid\n" },
	{ "quickack", 1, RTAX_QUICKACK, MX_QUICKACK, "\"quickack\" value is invalid\n" },
	{ "rttvar", 1, RTAX_RTTVAR, MX_RTTVAR, "\"rttvar\" value is invalid\n" },
	{ "ssthresh", 1, RTAX_SSTHRESH, MX_UNSIGNED, "\"ssthresh\" value is invalid\n" },
};

static int metric_value(const struct metric_kw *m, const char *w, uint32_t *v)
{
	int raw = 0;

	switch (m->how) {
	case MX_HOPLIMIT:
		return get_u32(v, w, 0) || *v > 255 ? -1 : 0;
	case MX_RTT:
	case MX_RTTVAR:
		if (get_time_rtt(v, w, &raw))
			return -1;
		if (!raw)
			*v *= m->how == MX_RTT ? 8 : 4;
		return 0;
	case MX_RTO:
		return get_time_rtt(v, w, &raw);
	case MX_FEATURES:
		*v = RTAX_FEATURE_ECN;
		return strcmp(w, "ecn") ? -1 : 0;
	case MX_QUICKACK:
		if (get_u32(v, w, 0))
			return -1;
		if (*v > 1)
			return -2;
		return 0;
	}
	return get_u32(v, w, 0);
}

static int kw_metrics(struct rtparse *p, const struct metric_kw *m)
{
	struct mplsroute_route *rt = p->rt;
	uint32_t v;
	int ret;

	if (next(p))
		return incomplete_command();
	if (m->how == MX_RTO)
		p->mxlock |= 1u << m->rtax;
	else if (m->how != MX_FEATURES && m->how != MX_QUICKACK &&
		 strcmp(cur(p), "lock") == 0) {
		p->mxlock |= 1u << m->rtax;
		if (next(p))
			return incomplete_command();
	}
	ret = metric_value(m, cur(p), &v);
	if (ret == -2)
		return invarg("\"quickack\" value should be 0 or 1\n", cur(p));
	if (ret)
		return invarg(m->err, cur(p));
	if (mplsroute_route_put_metric(rt, m->rtax, &v, 4) < 0) {
		fprintf(stderr, "Error: too many metrics.\n");
		return EXIT_BADARG;
	}
	return 0;
}

/* congctl [lock] NAME: RTAX_CC_ALGO, the name without its NUL, as 4.4 */
static int kw_congctl(struct rtparse *p)
{
	if (next(p))
		return incomplete_command();
	if (strcmp(cur(p), "lock") == 0) {
		p->mxlock |= 1u << RTAX_CC_ALGO;
		if (next(p))
			return incomplete_command();
	}
	if (mplsroute_route_put_metric(p->rt, RTAX_CC_ALGO, cur(p),
				       strlen(cur(p))) < 0) {
		fprintf(stderr, "Error: too many metrics.\n");
		return EXIT_BADARG;
	}
	return 0;
}

static int kw_proto(struct rtparse *p)
{
	uint32_t prot;

	if (next(p))
		return incomplete_command();
	if (mplsroute_proto_a2n(&prot, cur(p)) < 0)
		return invarg("\"protocol\" value is invalid\n", cur(p));
	p->rt->protocol = prot;
	p->proto_ok = 1;
	return 0;
}

static int kw_table(struct rtparse *p)
{
	uint32_t tid;

	if (next(p))
		return incomplete_command();
	if (mplsroute_table_a2n(&tid, cur(p)) < 0)
		return invarg("\"table\" value is invalid\n", cur(p));
	if (again(p, RTA_TABLE))
		return EXIT_BADARG;
	mplsroute_route_set_table(p->rt, tid);
	p->table_ok = 1;
	return 0;
}

static int kw_dev(struct rtparse *p)
{
	if (next(p))
		return incomplete_command();
	p->dev = cur(p);
	return 0;
}

static int kw_pref(struct rtparse *p)
{
	static const char *const prefs[] = { "medium", "high", NULL, "low" };
	uint8_t pref;
	int i;

	if (next(p))
		return incomplete_command();
	for (i = 0; i < 4; i++)
		if (prefs[i] && strcmp(cur(p), prefs[i]) == 0)
			break;
	if (i < 4)
		pref = i;
	else if (get_u8(&pref, cur(p), 0))
		return invarg("\"pref\" value is invalid\n", cur(p));
	if (again(p, RTA_PREF))
		return EXIT_BADARG;
	p->rt->pref = pref;
	p->rt->has_pref = 1;
	push_attr(p, RTA_PREF);
	return 0;
}

static int kw_encap(struct rtparse *p)
{
	int ret = again(p, RTA_ENCAP);

	if (ret == 0)
		ret = parse_encap(p, &p->rt->nh);

	if (ret == 0)
		push_attr(p, RTA_ENCAP);
	return ret;
}

/* ttl-propagate {enabled|disabled}: RTA_TTL_PROPAGATE, current iproute2's */
static int kw_ttl_propagate(struct rtparse *p)
{
	uint8_t on;

	if (next(p))
		return incomplete_command();
	if (matches(cur(p), "enabled") == 0)
		on = 1;
	else if (matches(cur(p), "disabled") == 0)
		on = 0;
	else
		return invarg("\"ttl-propagate\" value is invalid\n", cur(p));
	if (again(p, RTA_TTL_PROPAGATE))
		return EXIT_BADARG;
	p->rt->ttl_propagate = on;
	p->rt->has_ttl_propagate = 1;
	push_attr(p, RTA_TTL_PROPAGATE);
	return 0;
}

/* [to] [TYPE] PREFIX: the destination (4.4's final else) */
static int kw_dst(struct rtparse *p)
{
	struct mplsroute_route *rt = p->rt;
	struct mplsroute_addr dst;
	uint32_t type;
	char c;

	if (strcmp(cur(p), "to") == 0 && next(p))
		return incomplete_command();
	c = cur(p)[0];
	if ((c < '0' || c > '9') && mplsroute_type_a2n(&type, cur(p)) == 0) {
		if (next(p))
			return incomplete_command();
		rt->type = type;
		p->type_ok = 1;
	}
	if (matches(cur(p), "help") == 0)
		return usage();
	if (p->dst_ok)
		return duparg2("to", cur(p));
	if (parse_prefix(&dst, cur(p), rt->family) < 0)
		return prefix_expected(rt->family, cur(p));
	if (rt->family == AF_UNSPEC)
		rt->family = dst.family;
	rt->dst_len = dst.bitlen;
	p->dst_ok = 1;
	if (dst.bytelen) {
		rt->dst = dst;
		push_attr(p, RTA_DST);
	}
	return 0;
}

static int kw_onlink(struct rtparse *p)
{
	p->rt->flags |= RTNH_F_ONLINK;
	return 0;
}

/* realms [FROM/]TO: FROM << 16 | TO, 4.4's get_rt_realms; 0 or exit code */
static int parse_realms(struct rtparse *p, uint32_t *flow)
{
	uint32_t from = 0, to = 0;
	char word[256], *slash;

	if (next(p))
		return incomplete_command();
	if (snprintf(word, sizeof(word), "%s", cur(p)) >= (int)sizeof(word))
		return invarg("\"realm\" value is invalid\n", cur(p));
	slash = strchr(word, '/');
	if (slash) {
		*slash = 0;
		if (mplsroute_realm_a2n(&from, word) < 0)
			return invarg("\"realm\" value is invalid\n", cur(p));
	}
	slash = slash ? slash + 1 : word;
	if (*slash && mplsroute_realm_a2n(&to, slash) < 0)
		return invarg("\"realm\" value is invalid\n", cur(p));
	*flow = from << 16 | to;
	return 0;
}

/* a route's realms: RTA_FLOW in argument order, as 4.4 */
static int kw_realms(struct rtparse *p)
{
	uint32_t flow;
	int ret = parse_realms(p, &flow);

	if (ret)
		return ret;
	if (mplsroute_route_put_raw(p->rt, RTA_FLOW, &flow, 4) < 0) {
		fprintf(stderr, "Error: too many attributes.\n");
		return EXIT_BADARG;
	}
	return 0;
}

static int kw_unsupported(struct rtparse *p)
{
	return unsupported(cur(p));
}

/* the keywords of a route, in 4.4's order (abbreviations resolve by it) */
static const struct route_kw {
	const char *word;
	int prefix;
	int (*fn)(struct rtparse *p);
} route_kws[] = {
	{ "src", 0, kw_src },
	{ "as", 0, kw_as },
	{ "via", 0, kw_via },
	{ "from", 0, kw_from },
	{ "tos", 0, kw_tos },
	{ "dsfield", 1, kw_tos },
	{ "expires", 0, kw_unsupported },
	{ "metric", 1, kw_metric },
	{ "priority", 1, kw_metric },
	{ "preference", 0, kw_metric },
	{ "scope", 0, kw_scope },
	{ NULL, 0, NULL },	/* the metrics, see metric_kws */
	{ "congctl", 1, kw_congctl },
	{ "realms", 1, kw_realms },
	{ "onlink", 0, kw_onlink },
	{ "nexthop", 0, NULL },
	{ "protocol", 1, kw_proto },
	{ "table", 1, kw_table },
	{ "dev", 0, kw_dev },
	{ "oif", 0, kw_dev },
	{ "pref", 1, kw_pref },
	{ "encap", 0, kw_encap },
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
	return prefix ? matches(w, kw) == 0 : strcmp(w, kw) == 0;
}

/* 1 if some metric keyword starts with @c (a table made on first use) */
static int metric_first(unsigned char c)
{
	static unsigned char first[256];
	static int made;
	size_t k;

	if (!made) {
		for (k = 0; k < sizeof(metric_kws) / sizeof(metric_kws[0]); k++)
			first[(unsigned char)metric_kws[k].word[0]] = 1;
		made = 1;
	}
	return first[c];
}

/* the metric keyword @w names (or abbreviates), or NULL */
static const struct metric_kw *metric_kw_find(const char *w)
{
	size_t k;

	if (w[0] && !metric_first((unsigned char)w[0]))
		return NULL;	/* e.g. "dev": no metric starts so */
	for (k = 0; k < sizeof(metric_kws) / sizeof(metric_kws[0]); k++)
		if (word_is(w, metric_kws[k].word, metric_kws[k].prefix))
			return &metric_kws[k];
	return NULL;
}

/*
 * One keyword (or the destination) at the cursor.  Returns 0, an exit
 * code, or -1 at "nexthop" (the rest of the line is nexthops).
 */
static int route_word(struct rtparse *p)
{
	const char *w = cur(p);
	size_t i;

	if (w[0] >= '0' && w[0] <= '9')
		return kw_dst(p);	/* no keyword starts with a digit */
	for (i = 0; i < sizeof(route_kws) / sizeof(route_kws[0]); i++) {
		const struct route_kw *kw = &route_kws[i];

		if (!kw->word) {
			const struct metric_kw *m = metric_kw_find(w);

			if (m)
				return kw_metrics(p, m);
			continue;
		}
		if (!word_is(w, kw->word, kw->prefix))
			continue;
		if (!kw->fn)
			return -1;
		return kw->fn(p);
	}
	return kw_dst(p);
}

/* ---- nexthops ---------------------------------------------------------- */

static int nh_weight(struct rtparse *p, struct mplsroute_nexthop *nh)
{
	uint32_t w;

	if (next(p))
		return incomplete_command();
	if (get_u32(&w, cur(p), 0) || w == 0 || w > 256)
		return invarg("\"weight\" is invalid\n", cur(p));
	nh->hops = w - 1;
	return 0;
}

static int nh_dev(struct rtparse *p, struct mplsroute_nexthop *nh)
{
	if (next(p))
		return incomplete_command();
	nh->ifindex = dev_index(cur(p));
	if (!nh->ifindex) {
		cmd_exits = 1;	/* 4.4's parse_one_nh exits here */
		return no_device(cur(p));
	}
	return 0;
}

/* one nexthop's words; the cursor starts on "nexthop" and ends past them */
static int parse_one_nh(struct rtparse *p, struct mplsroute_nexthop *nh)
{
	uint16_t type;
	int ret;

	while (p->c.argv++, --p->c.argc > 0) {
		const char *w = cur(p);

		if (strcmp(w, "via") == 0) {
			ret = parse_via(p, &nh->via, &type);
			if (ret == 0)
				push_nh_attr(nh, type);
		} else if (strcmp(w, "dev") == 0) {
			ret = nh_dev(p, nh);
		} else if (strcmp(w, "weight") == 0) {
			ret = nh_weight(p, nh);
		} else if (strcmp(w, "onlink") == 0) {
			nh->flags |= RTNH_F_ONLINK;
			ret = 0;
		} else if (matches(w, "realms") == 0) {
			ret = parse_realms(p, &nh->flow);
			if (ret == 0) {
				nh->has_flow = 1;
				push_nh_attr(nh, RTA_FLOW);
			}
		} else if (strcmp(w, "encap") == 0) {
			ret = parse_encap(p, nh);
			if (ret == 0)
				push_nh_attr(nh, RTA_ENCAP);
		} else if (strcmp(w, "as") == 0) {
			ret = parse_nh_as(p, &nh->newdst);
			if (ret == 0)
				push_nh_attr(nh, RTA_NEWDST);
		} else {
			break;
		}
		if (ret)
			return ret;
	}
	return 0;
}

static int parse_nexthops(struct rtparse *p)
{
	struct mplsroute_route *rt = p->rt;
	int ret;

	while (p->c.argc > 0) {
		if (strcmp(cur(p), "nexthop") != 0) {
			fprintf(stderr, "Error: \"nexthop\" or end of line is expected instead of \"%s\"\n",
				cur(p));
			return EXIT_USAGE;
		}
		if (p->c.argc <= 1) {
			fprintf(stderr, "Error: unexpected end of line after \"nexthop\"\n");
			return EXIT_USAGE;
		}
		if (rt->nnh >= MPLSROUTE_MAX_NEXTHOPS) {
			fprintf(stderr, "Error: more than %d nexthops.\n",
				MPLSROUTE_MAX_NEXTHOPS);
			return EXIT_USAGE;
		}
		memset(&rt->nhs[rt->nnh], 0, sizeof(rt->nhs[0]));
		ret = parse_one_nh(p, &rt->nhs[rt->nnh]);
		rt->nnh++;
		if (ret)
			return ret;
	}
	return 0;
}

/* ---- the whole command ------------------------------------------------- */

/* the words before "nexthop" (or the end); 0 or an exit code */
static int parse_route_words(struct rtparse *p)
{
	int ret;

	while (p->c.argc > 0) {
		ret = route_word(p);
		if (ret == -1) {
			p->nhs_ok = 1;
			break;
		}
		if (ret)
			return ret;
		p->c.argc--;
		p->c.argv++;
	}
	if (!p->dst_ok)
		return usage();
	if (p->dev) {
		p->rt->nh.ifindex = dev_index(p->dev);
		if (!p->rt->nh.ifindex)
			return no_device(p->dev);
	}
	if (p->mxlock) {
		p->rt->metrics[RTAX_LOCK] = p->mxlock;
		p->rt->metrics_set |= 1u << RTAX_LOCK;
	}
	if (p->nhs_ok)
		return parse_nexthops(p);
	return 0;
}

/* tell the library's finishing rules what the user gave explicitly */
static void mark_given(const struct rtparse *p)
{
	struct mplsroute_route *rt = p->rt;

	rt->given = (p->table_ok ? MPLSROUTE_GIVEN_TABLE : 0) |
		    (p->scope_ok ? MPLSROUTE_GIVEN_SCOPE : 0) |
		    (p->type_ok ? MPLSROUTE_GIVEN_TYPE : 0) |
		    (p->proto_ok ? MPLSROUTE_GIVEN_PROTO : 0);
}

int iproute_modify(struct ipmpls_ctx *ctx, int cmd, unsigned flags,
		   int argc, char **argv)
{
	struct mplsroute_route rt;
	char buf[ROUTE_MSG_SIZE];
	struct rtparse p = {
		.rt = &rt, .cmd = cmd, .c = { .argc = argc, .argv = argv },
	};
	int ret;

	/* parse_nexthops clears each nhs[i] it fills */
	mplsroute_route_init_head(&rt, cmd);
	rt.family = ctx->opts->family;
	ret = parse_route_words(&p);
	if (ret)
		return ret;
	mark_given(&p);
	mplsroute_route_finish(&rt, cmd);
	ret = mplsroute_route_build(buf, sizeof(buf), &rt, cmd,
				    NLM_F_REQUEST | NLM_F_ACK | flags);
	if (ret < 0) {
		fprintf(stderr, "Error: cannot build the request: %s.\n",
			strerror(-ret));
		return EXIT_BADARG;
	}
	return ipmpls_talk(ctx, (struct nlmsghdr *)buf);
}

/* ---- the subcommands --------------------------------------------------- */

enum { RC_MODIFY, RC_LIST, RC_FLUSH, RC_GET, RC_SAVE, RC_RESTORE, RC_SHOWDUMP,
	RC_HELP };

static const struct route_cmd {
	const char *word;	/* matched as an abbreviation */
	const char *alias;	/* matched exactly (e.g. "chg") */
	int what;
	int cmd;
	unsigned flags;
} route_cmds[] = {
	{ "add", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL },
	{ "change", "chg", RC_MODIFY, RTM_NEWROUTE, NLM_F_REPLACE },
	{ "replace", NULL, RC_MODIFY, RTM_NEWROUTE,
	  NLM_F_CREATE | NLM_F_REPLACE },
	{ "prepend", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_CREATE },
	{ "append", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND },
	{ "test", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_EXCL },
	{ "delete", NULL, RC_MODIFY, RTM_DELROUTE, 0 },
	{ "list", NULL, RC_LIST, 0, 0 },
	{ "show", NULL, RC_LIST, 0, 0 },
	{ "lst", NULL, RC_LIST, 0, 0 },
	{ "get", NULL, RC_GET, 0, 0 },
	{ "flush", NULL, RC_FLUSH, 0, 0 },
	{ "save", NULL, RC_SAVE, 0, 0 },
	{ "restore", NULL, RC_RESTORE, 0, 0 },
	{ "showdump", NULL, RC_SHOWDUMP, 0, 0 },
	{ "help", NULL, RC_HELP, 0, 0 },
};

int do_iproute(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	size_t i;

	if (argc < 1)
		return iproute_list_flush(ctx, 0, 0, argv);
	for (i = 0; i < sizeof(route_cmds) / sizeof(route_cmds[0]); i++) {
		const struct route_cmd *c = &route_cmds[i];

		if (matches(argv[0], c->word) &&
		    (!c->alias || strcmp(argv[0], c->alias)))
			continue;
		switch (c->what) {
		case RC_MODIFY:
			return iproute_modify(ctx, c->cmd, c->flags, argc - 1,
					      argv + 1);
		case RC_LIST:
		case RC_FLUSH:
			return iproute_list_flush(ctx, c->what == RC_FLUSH,
						  argc - 1, argv + 1);
		case RC_GET:
			return iproute_get(ctx, argc - 1, argv + 1);
		case RC_SAVE:
			return iproute_list_flush(ctx, IPROUTE_SAVE, argc - 1,
						  argv + 1);
		case RC_RESTORE:
		case RC_SHOWDUMP:
			return iproute_restore(ctx, c->what == RC_SHOWDUMP);
		default:
			return usage();
		}
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"ip route help\".\n",
		argv[0]);
	return EXIT_USAGE;
}
