/* lib/print_json.c: routes as current iproute2's `ip -j route show` JSON */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/rtnetlink.h>

#include "internal.h"

/*
 * The writer follows iproute2's json_writer: values are separated by
 * ",", and with pretty printing each member starts a new line indented
 * four spaces per level; arrays open with "[ " and close with " ]".
 */
static void j_eol(struct mplsroute_json *j)
{
	int i;

	if (!j->pretty)
		return;
	putc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("    ", j->f);
}

static void j_eor(struct mplsroute_json *j)
{
	if (j->sep)
		putc(j->sep, j->f);
	j->sep = ',';
}

static void j_quoted(struct mplsroute_json *j, const char *s)
{
	putc('"', j->f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(j->f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", j->f);
		else if (c == '\t')
			fputs("\\t", j->f);
		else if (c < 0x20)
			fprintf(j->f, "\\u%04x", c);
		else
			putc(c, j->f);
	}
	putc('"', j->f);
}

static void j_name(struct mplsroute_json *j, const char *name)
{
	j_eor(j);
	j_eol(j);
	j->sep = 0;
	j_quoted(j, name);
	putc(':', j->f);
	if (j->pretty)
		putc(' ', j->f);
}

static void j_begin(struct mplsroute_json *j, int c)
{
	j_eor(j);
	putc(c, j->f);
	j->depth++;
	j->sep = 0;
}

static void j_end(struct mplsroute_json *j, int c)
{
	j->depth--;
	if (j->sep)
		j_eol(j);
	putc(c, j->f);
	j->sep = ',';
}

static void j_array_open(struct mplsroute_json *j, const char *name)
{
	if (name)
		j_name(j, name);
	j_begin(j, '[');
	if (j->pretty)
		putc(' ', j->f);
}

static void j_array_close(struct mplsroute_json *j)
{
	if (j->pretty && j->sep)
		putc(' ', j->f);
	j->sep = 0;
	j_end(j, ']');
}

static void j_str(struct mplsroute_json *j, const char *name, const char *v)
{
	if (name)
		j_name(j, name);
	j_eor(j);
	j_quoted(j, v);
}

static void j_num(struct mplsroute_json *j, const char *name, long long v)
{
	j_name(j, name);
	j_eor(j);
	fprintf(j->f, "%lld", v);
}

static void j_raw(struct mplsroute_json *j, const char *name, const char *v)
{
	j_name(j, name);
	j_eor(j);
	fputs(v, j->f);
}

MR_EXPORT void mplsroute_json_open(struct mplsroute_json *j, FILE *f,
				   int pretty)
{
	memset(j, 0, sizeof(*j));
	j->f = f;
	j->pretty = !!pretty;
	j_array_open(j, NULL);
}

MR_EXPORT int mplsroute_json_close(struct mplsroute_json *j)
{
	j_array_close(j);
	putc('\n', j->f);
	return ferror(j->f) ? -EIO : 0;
}

/* ---- the route's parts ------------------------------------------------ */

static void j_prefix(struct mplsroute_json *j, const char *name,
		     const struct mplsroute_addr *a, unsigned int plen,
		     unsigned int hl)
{
	char abuf[MR_ABUF], b[MR_ABUF + 8];

	if (a->family && plen != hl) {
		snprintf(b, sizeof(b), "%s/%u",
			 mr_addr_fmt(a, abuf, sizeof(abuf)), plen);
		j_str(j, name, b);
	} else if (a->family) {
		j_str(j, name, mr_addr_fmt(a, abuf, sizeof(abuf)));
	} else if (plen) {
		snprintf(b, sizeof(b), "0/%u", plen);
		j_str(j, name, b);
	} else if (!strcmp(name, "dst")) {
		j_str(j, name, "default");
	}
}

static void j_labels(struct mplsroute_json *j, const char *name,
		     const struct mplsroute_labels *ls)
{
	char buf[MR_ABUF];

	if (mplsroute_labels_format(ls, buf, sizeof(buf)) >= 0)
		j_str(j, name, buf);
}

static void j_encap(struct mplsroute_json *j,
		    const struct mplsroute_nexthop *nh)
{
	j_str(j, "encap", "mpls");
	j_labels(j, "dst", &nh->encap);
	if (nh->has_encap_ttl)
		j_num(j, "ttl", nh->encap_ttl);
}

static void j_via(struct mplsroute_json *j, int family,
		  const struct mplsroute_addr *via)
{
	char buf[MR_ABUF];

	if (!via->family)
		return;
	if (via->family == family) {
		j_str(j, "gateway", mr_addr_fmt(via, buf, sizeof(buf)));
		return;
	}
	j_name(j, "via");
	j_begin(j, '{');
	j_str(j, "family", mr_af_name(via->family, MR_AF_JSON));
	j_str(j, "host", mr_addr_fmt(via, buf, sizeof(buf)));
	j_end(j, '}');
}

static void j_flags(struct mplsroute_json *j, uint32_t flags)
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

	j_array_open(j, "flags");
	for (i = 0; i < sizeof(fl) / sizeof(fl[0]); i++)
		if (flags & fl[i].flag)
			j_str(j, NULL, fl[i].name);
	j_array_close(j);
}

static int show(const struct mr_view *v, unsigned int what)
{
	return !!(v->show & what);
}

/* type, dst, from, to, encap, tos, gateway/via, dev */
static void j_head(struct mplsroute_json *j, const struct mr_view *v)
{
	const struct mplsroute_route *rt = v->rt;
	unsigned int hl = v->host_len;
	char buf[MR_ABUF];

	if (show(v, MR_SHOW_DELETED))
		j_raw(j, "deleted", "true");
	if (show(v, MR_SHOW_TYPE)) {
		mplsroute_type_n2a(rt->type, buf, sizeof(buf));
		j_str(j, "type", buf);
	}
	j_prefix(j, "dst", &rt->dst, rt->dst_len, hl);
	j_prefix(j, "from", &rt->src, rt->src_len, hl);
	if (rt->nh.newdst.n)
		j_labels(j, "to", &rt->nh.newdst);
	if (rt->nh.encap.n)
		j_encap(j, &rt->nh);
	if (show(v, MR_SHOW_TOS)) {
		mplsroute_dsfield_n2a(rt->tos, buf, sizeof(buf));
		j_str(j, "tos", buf);
	}
	if (show(v, MR_SHOW_GATEWAY | MR_SHOW_VIA))
		j_via(j, rt->family, &rt->nh.via);
	if (show(v, MR_SHOW_DEV))
		j_str(j, "dev",
		      mr_ifname(v->o, rt->nh.ifindex, buf, sizeof(buf)));
}

/* table, protocol, scope, prefsrc, metric, flags, mark */
static void j_middle(struct mplsroute_json *j, const struct mr_view *v)
{
	const struct mplsroute_route *rt = v->rt;
	char buf[MR_ABUF];

	if (show(v, MR_SHOW_TABLE_ANY)) {
		mplsroute_table_n2a(rt->table_id, buf, sizeof(buf));
		j_str(j, "table", buf);
	}
	if (show(v, MR_SHOW_PROTO)) {
		mplsroute_proto_n2a(rt->protocol, buf, sizeof(buf));
		j_str(j, "protocol", buf);
	}
	if (show(v, MR_SHOW_SCOPE)) {
		mplsroute_scope_n2a(rt->scope, buf, sizeof(buf));
		j_str(j, "scope", buf);
	}
	if (show(v, MR_SHOW_PREFSRC))
		j_str(j, "prefsrc",
		      mr_addr_fmt(&rt->prefsrc, buf, sizeof(buf)));
	if (rt->has_priority)
		j_num(j, "metric", rt->priority);
	j_flags(j, rt->flags);
	if (rt->mark)
		j_num(j, "mark", rt->mark);
	if (rt->has_uid)
		j_num(j, "uid", rt->uid);
}

/* "cache" (cloned IPv4) and the cache info */
static void j_cache(struct mplsroute_json *j, const struct mr_view *v)
{
	const struct mr_flag_name *fl = mr_rtcf_names;
	const struct mplsroute_route *rt = v->rt;
	size_t i;

	if (rt->family == AF_INET && v->cloned) {
		j_array_open(j, "cache");
		for (i = 0; i < mr_rtcf_nnames; i++)
			if (rt->flags & fl[i].flag)
				j_str(j, NULL, fl[i].name);
		j_array_close(j);
	}
	if ((rt->family != AF_INET && rt->family != AF_INET6) ||
	    !rt->has_cacheinfo)
		return;
	if (rt->expires)
		j_num(j, "expires", v->expires);
	if (rt->ci_error)
		j_num(j, "error", rt->ci_error);
	if (show(v, MR_SHOW_STATS)) {
		if (rt->ci_clntref)
			j_num(j, "users", rt->ci_clntref);
		if (rt->ci_used)
			j_num(j, "used", rt->ci_used);
		if (rt->ci_lastuse)
			j_num(j, "age", v->age);
	}
}

static void j_metrics(struct mplsroute_json *j,
		      const struct mplsroute_route *rt)
{
	const char *const *names = mr_rtax_names;
	uint32_t v;
	unsigned int i;

	if (!(rt->metrics_set & ~3u))
		return;
	j_array_open(j, "metrics");
	j_begin(j, '{');
	for (i = 2; i < 17; i++) {
		if (!(rt->metrics_set & (1u << i)) || !names[i] ||
		    i == RTAX_CC_ALGO)
			continue;
		v = rt->metrics[i];
		if (i == RTAX_HOPLIMIT && (int32_t)v == -1)
			continue;
		v = mr_view_metric(i, v);
		if (i == RTAX_FEATURES && (v & RTAX_FEATURE_ECN))
			j_raw(j, "ecn", "null");
		else
			j_num(j, names[i], v);
	}
	j_end(j, '}');
	j_array_close(j);
}

static void j_nexthops(struct mplsroute_json *j,
		       const struct mplsroute_route *rt,
		       const struct mplsroute_print_opts *o)
{
	const struct mplsroute_nexthop *nh;
	char buf[MR_ABUF];
	unsigned int i;

	j_array_open(j, "nexthops");
	for (i = 0; i < rt->nnh && i < MPLSROUTE_MAX_NEXTHOPS; i++) {
		nh = &rt->nhs[i];
		j_begin(j, '{');
		if (nh->encap.n)
			j_encap(j, nh);
		if (nh->newdst.n)
			j_labels(j, "to", &nh->newdst);
		j_via(j, rt->family, &nh->via);
		j_str(j, "dev", mr_ifname(o, nh->ifindex, buf, sizeof(buf)));
		if (rt->family != AF_MPLS)
			j_num(j, "weight", nh->hops + 1);
		j_flags(j, nh->flags);
		j_end(j, '}');
	}
	j_array_close(j);
}

MR_EXPORT int mplsroute_route_print_json(struct mplsroute_json *j,
					 const struct mplsroute_route *rt,
					 const struct mplsroute_print_opts *o)
{
	struct mr_view v;
	char buf[MR_ABUF];

	if (!j || !j->f || !rt)
		return -EINVAL;
	mr_view_init(&v, rt, o);
	j_begin(j, '{');
	j_head(j, &v);
	j_middle(j, &v);
	j_cache(j, &v);
	j_metrics(j, rt);
	if (show(&v, MR_SHOW_IIF))
		j_str(j, "iif", mr_ifname(o, rt->iif, buf, sizeof(buf)));
	if (rt->has_pref && mr_pref_name(rt->pref))
		j_str(j, "pref", mr_pref_name(rt->pref));
	else if (rt->has_pref)
		j_num(j, "pref", rt->pref);
	if (rt->has_ttl_propagate)
		j_raw(j, "ttl-propogate", rt->ttl_propagate ? "true" : "false");
	if (rt->nnh)
		j_nexthops(j, rt, o);
	j_end(j, '}');
	return ferror(j->f) ? -EIO : 0;
}
