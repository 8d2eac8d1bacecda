/* lib/print_json.c: routes as current iproute2's `ip -j route show` JSON */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "out.h"

/*
 * The writer follows iproute2's json_writer: values are separated by
 * ",", and with pretty printing each member starts a new line indented
 * four spaces per level; arrays open with "[ " and close with " ]".
 * The state is @j's; the text goes through @o (lib/out.h), handed to
 * j->f once a call.
 */
struct jw {
	struct mplsroute_json *j;
	struct mr_out o;
	char buf[MR_OUT_BUF];
};

static void jw_start(struct jw *w, struct mplsroute_json *j)
{
	w->j = j;
	mr_out_init(&w->o, j->f, w->buf, sizeof(w->buf));
}

/* hands the text to the stream: 0, or -EIO (this call's or the stream's) */
static int jw_done(struct jw *w)
{
	if (mr_out_flush(&w->o) < 0 || ferror(w->j->f))
		return -EIO;
	return 0;
}

static void j_eol(struct jw *w)
{
	int i;

	if (!w->j->pretty)
		return;
	mr_out_char(&w->o, '\n');
	for (i = 0; i < w->j->depth; i++)
		mr_out_str(&w->o, "    ");
}

static void j_eor(struct jw *w)
{
	if (w->j->sep)
		mr_out_char(&w->o, w->j->sep);
	w->j->sep = ',';
}

static void j_quoted(struct mr_out *o, const char *s)
{
	mr_out_char(o, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			mr_out_char(o, '\\');
			mr_out_char(o, (char)c);
		} else if (c == '\n') {
			mr_out_str(o, "\\n");
		} else if (c == '\t') {
			mr_out_str(o, "\\t");
		} else if (c < 0x20) {
			mr_out_str(o, "\\u");
			mr_out_hex(o, c, 4);
		} else {
			mr_out_char(o, (char)c);
		}
	}
	mr_out_char(o, '"');
}

static void j_name(struct jw *w, const char *name)
{
	j_eor(w);
	j_eol(w);
	w->j->sep = 0;
	j_quoted(&w->o, name);
	mr_out_char(&w->o, ':');
	if (w->j->pretty)
		mr_out_char(&w->o, ' ');
}

static void j_begin(struct jw *w, char c)
{
	j_eor(w);
	mr_out_char(&w->o, c);
	w->j->depth++;
	w->j->sep = 0;
}

static void j_end(struct jw *w, char c)
{
	w->j->depth--;
	if (w->j->sep)
		j_eol(w);
	mr_out_char(&w->o, c);
	w->j->sep = ',';
}

static void j_array_open(struct jw *w, const char *name)
{
	if (name)
		j_name(w, name);
	j_begin(w, '[');
	if (w->j->pretty)
		mr_out_char(&w->o, ' ');
}

static void j_array_close(struct jw *w)
{
	if (w->j->pretty && w->j->sep)
		mr_out_char(&w->o, ' ');
	w->j->sep = 0;
	j_end(w, ']');
}

static void j_str(struct jw *w, const char *name, const char *v)
{
	if (name)
		j_name(w, name);
	j_eor(w);
	j_quoted(&w->o, v);
}

static void j_num(struct jw *w, const char *name, long long v)
{
	j_name(w, name);
	j_eor(w);
	mr_out_s64(&w->o, v);
}

static void j_raw(struct jw *w, const char *name, const char *v)
{
	j_name(w, name);
	j_eor(w);
	mr_out_str(&w->o, v);
}

MR_EXPORT void mplsroute_json_open(struct mplsroute_json *j, FILE *f,
				   int pretty)
{
	struct jw w;

	memset(j, 0, sizeof(*j));
	j->f = f;
	j->pretty = !!pretty;
	jw_start(&w, j);
	j_array_open(&w, NULL);
	jw_done(&w);
}

MR_EXPORT int mplsroute_json_close(struct mplsroute_json *j)
{
	struct jw w;

	jw_start(&w, j);
	j_array_close(&w);
	mr_out_char(&w.o, '\n');
	return jw_done(&w);
}

/* ---- the route's parts ------------------------------------------------ */

/*
 * A string member written in place: the name, then the caller writes the
 * text between the quotes (addresses, labels: nothing to escape).
 */
static struct mr_out *j_vopen(struct jw *w, const char *name)
{
	j_name(w, name);
	j_eor(w);
	mr_out_char(&w->o, '"');
	return &w->o;
}

static void j_vclose(struct jw *w)
{
	mr_out_char(&w->o, '"');
}

static void j_addr(struct jw *w, const char *name,
		   const struct mplsroute_addr *a)
{
	mr_out_addr(j_vopen(w, name), a);
	j_vclose(w);
}

static void j_prefix(struct jw *w, const char *name,
		     const struct mplsroute_addr *a, unsigned int plen,
		     unsigned int hl)
{
	struct mr_out *o;

	if (a->family || plen) {
		o = j_vopen(w, name);
		if (a->family)
			mr_out_addr(o, a);
		else
			mr_out_char(o, '0');
		if (!a->family || plen != hl) {
			mr_out_char(o, '/');
			mr_out_u32(o, plen);
		}
		j_vclose(w);
	} else if (!strcmp(name, "dst")) {
		j_str(w, name, "default");
	}
}

static void j_labels(struct jw *w, const char *name,
		     const struct mplsroute_labels *ls)
{
	if (ls->n > MPLSROUTE_MAX_LABELS)
		return;
	mr_out_labels(j_vopen(w, name), ls);
	j_vclose(w);
}

static void j_encap(struct jw *w,
		    const struct mplsroute_nexthop *nh)
{
	j_str(w, "encap", "mpls");
	j_labels(w, "dst", &nh->encap);
	if (nh->has_encap_ttl)
		j_num(w, "ttl", nh->encap_ttl);
}

static void j_via(struct jw *w, int family,
		  const struct mplsroute_addr *via)
{
	if (!via->family)
		return;
	if (via->family == family) {
		j_addr(w, "gateway", via);
		return;
	}
	j_name(w, "via");
	j_begin(w, '{');
	j_str(w, "family", mr_af_name(via->family, MR_AF_JSON));
	j_addr(w, "host", via);
	j_end(w, '}');
}

static void j_flags(struct jw *w, uint32_t flags)
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

	j_array_open(w, "flags");
	for (i = 0; i < sizeof(fl) / sizeof(fl[0]); i++)
		if (flags & fl[i].flag)
			j_str(w, NULL, fl[i].name);
	j_array_close(w);
}

static int show(const struct mr_view *v, unsigned int what)
{
	return !!(v->show & what);
}

/* type, dst, from, to, encap, tos, gateway/via, dev */
static void j_head(struct jw *w, const struct mr_view *v)
{
	const struct mplsroute_route *rt = v->rt;
	unsigned int hl = v->host_len;
	char buf[MR_ABUF];

	if (show(v, MR_SHOW_DELETED))
		j_raw(w, "deleted", "true");
	if (show(v, MR_SHOW_TYPE)) {
		mplsroute_type_n2a(rt->type, buf, sizeof(buf));
		j_str(w, "type", buf);
	}
	j_prefix(w, "dst", &rt->dst, rt->dst_len, hl);
	j_prefix(w, "from", &rt->src, rt->src_len, hl);
	if (rt->nh.newdst.n)
		j_labels(w, "to", &rt->nh.newdst);
	if (rt->nh.encap.n)
		j_encap(w, &rt->nh);
	if (show(v, MR_SHOW_TOS)) {
		mplsroute_dsfield_n2a(rt->tos, buf, sizeof(buf));
		j_str(w, "tos", buf);
	}
	if (show(v, MR_SHOW_GATEWAY | MR_SHOW_VIA))
		j_via(w, rt->family, &rt->nh.via);
	if (show(v, MR_SHOW_DEV))
		j_str(w, "dev",
		      mr_ifname(v->o, rt->nh.ifindex, buf, sizeof(buf)));
}

/* table, protocol, scope, prefsrc, metric, flags, mark */
static void j_middle(struct jw *w, const struct mr_view *v)
{
	const struct mplsroute_route *rt = v->rt;
	char buf[MR_ABUF];

	if (show(v, MR_SHOW_TABLE_ANY)) {
		mplsroute_table_n2a(rt->table_id, buf, sizeof(buf));
		j_str(w, "table", buf);
	}
	if (show(v, MR_SHOW_PROTO)) {
		mplsroute_proto_n2a(rt->protocol, buf, sizeof(buf));
		j_str(w, "protocol", buf);
	}
	if (show(v, MR_SHOW_SCOPE)) {
		mplsroute_scope_n2a(rt->scope, buf, sizeof(buf));
		j_str(w, "scope", buf);
	}
	if (show(v, MR_SHOW_PREFSRC))
		j_addr(w, "prefsrc", &rt->prefsrc);
	if (rt->has_priority)
		j_num(w, "metric", rt->priority);
	j_flags(w, rt->flags);
	if (rt->mark)
		j_num(w, "mark", rt->mark);
	if (rt->has_uid)
		j_num(w, "uid", rt->uid);
}

/* "cache" (cloned IPv4) and the cache info */
static void j_cache(struct jw *w, const struct mr_view *v)
{
	const struct mr_flag_name *fl = mr_rtcf_names;
	const struct mplsroute_route *rt = v->rt;
	size_t i;

	if (rt->family == AF_INET && v->cloned) {
		j_array_open(w, "cache");
		for (i = 0; i < mr_rtcf_nnames; i++)
			if (rt->flags & fl[i].flag)
				j_str(w, NULL, fl[i].name);
		j_array_close(w);
	}
	if ((rt->family != AF_INET && rt->family != AF_INET6) ||
	    !rt->has_cacheinfo)
		return;
	if (rt->expires)
		j_num(w, "expires", v->expires);
	if (rt->ci_error)
		j_num(w, "error", rt->ci_error);
	if (show(v, MR_SHOW_STATS)) {
		if (rt->ci_clntref)
			j_num(w, "users", rt->ci_clntref);
		if (rt->ci_used)
			j_num(w, "used", rt->ci_used);
		if (rt->ci_lastuse)
			j_num(w, "age", v->age);
	}
}

static void j_metrics(struct jw *w,
		      const struct mplsroute_route *rt)
{
	const char *const *names = mr_rtax_names;
	uint32_t v;
	unsigned int i;

	if (!(rt->metrics_set & ~3u))
		return;
	j_array_open(w, "metrics");
	j_begin(w, '{');
	for (i = 2; i < 17; i++) {
		if (!(rt->metrics_set & (1u << i)) || !names[i] ||
		    i == RTAX_CC_ALGO)
			continue;
		v = rt->metrics[i];
		if (i == RTAX_HOPLIMIT && (int32_t)v == -1)
			continue;
		v = mr_view_metric(i, v);
		if (i == RTAX_FEATURES && (v & RTAX_FEATURE_ECN))
			j_raw(w, "ecn", "null");
		else
			j_num(w, names[i], v);
	}
	j_end(w, '}');
	j_array_close(w);
}

static void j_nexthops(struct jw *w,
		       const struct mplsroute_route *rt,
		       const struct mplsroute_print_opts *o)
{
	const struct mplsroute_nexthop *nh;
	char buf[MR_ABUF];
	unsigned int i;

	j_array_open(w, "nexthops");
	for (i = 0; i < rt->nnh && i < MPLSROUTE_MAX_NEXTHOPS; i++) {
		nh = &rt->nhs[i];
		j_begin(w, '{');
		if (nh->encap.n)
			j_encap(w, nh);
		if (nh->newdst.n)
			j_labels(w, "to", &nh->newdst);
		j_via(w, rt->family, &nh->via);
		j_str(w, "dev", mr_ifname(o, nh->ifindex, buf, sizeof(buf)));
		if (rt->family != AF_MPLS)
			j_num(w, "weight", nh->hops + 1);
		j_flags(w, nh->flags);
		j_end(w, '}');
	}
	j_array_close(w);
}

/* iif, pref, ttl-propogate and the nexthops */
static void j_tail(struct jw *w, const struct mr_view *v)
{
	const struct mplsroute_route *rt = v->rt;
	char buf[MR_ABUF];

	if (show(v, MR_SHOW_IIF))
		j_str(w, "iif", mr_ifname(v->o, rt->iif, buf, sizeof(buf)));
	if (rt->has_pref && mr_pref_name(rt->pref))
		j_str(w, "pref", mr_pref_name(rt->pref));
	else if (rt->has_pref)
		j_num(w, "pref", rt->pref);
	if (rt->has_ttl_propagate)
		j_raw(w, "ttl-propogate", rt->ttl_propagate ? "true" : "false");
	if (rt->nnh)
		j_nexthops(w, rt, v->o);
}

MR_EXPORT int mplsroute_route_print_json(struct mplsroute_json *j,
					 const struct mplsroute_route *rt,
					 const struct mplsroute_print_opts *o)
{
	struct mr_view v;
	struct jw w;

	if (!j || !j->f || !rt)
		return -EINVAL;
	jw_start(&w, j);
	mr_view_init(&v, rt, o);
	j_begin(&w, '{');
	j_head(&w, &v);
	j_middle(&w, &v);
	j_cache(&w, &v);
	j_metrics(&w, rt);
	j_tail(&w, &v);
	j_end(&w, '}');
	return jw_done(&w);
}
