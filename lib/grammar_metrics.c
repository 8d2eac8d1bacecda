/* grammar_metrics.c: a route's RTA_METRICS words (mtu ... congctl) */
#include <errno.h>
#include <string.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"
#include "grammar_int.h"

/* how each metric keyword reads its value */
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

#define N_METRIC_KWS (sizeof(metric_kws) / sizeof(metric_kws[0]))

/* the letters the metric keywords start with (a word of another letter,
 * e.g. "dev", skips the table) */
static int metric_first(unsigned char c)
{
	return c && strchr("mharwcifqs", c) != NULL;
}

/* the metric keyword @w names (or abbreviates), or NULL */
static const struct metric_kw *metric_kw_find(const char *w)
{
	size_t k;

	if (w[0] && !metric_first((unsigned char)w[0]))
		return NULL;
	for (k = 0; k < N_METRIC_KWS; k++) {
		const struct metric_kw *m = &metric_kws[k];

		if (w[0] && w[0] != m->word[0])
			continue;
		if (m->prefix ? mplsroute_abbrev(w, m->word) :
				strcmp(w, m->word) == 0)
			return m;
	}
	return NULL;
}

/* @m's value in @w; 0, -1 (invalid), -2 (quickack above 1) */
static int metric_value(const struct metric_kw *m, const char *w, uint32_t *v)
{
	int raw = 0;

	switch (m->how) {
	case MX_HOPLIMIT:
		return mr_get_u32(v, w, 0) || *v > 255 ? -1 : 0;
	case MX_RTT:
	case MX_RTTVAR:
		if (mr_get_time_rtt(v, w, &raw))
			return -1;
		if (!raw)
			*v *= m->how == MX_RTT ? 8 : 4;
		return 0;
	case MX_RTO:
		return mr_get_time_rtt(v, w, &raw);
	case MX_FEATURES:
		*v = RTAX_FEATURE_ECN;
		return strcmp(w, "ecn") ? -1 : 0;
	case MX_QUICKACK:
		if (mr_get_u32(v, w, 0))
			return -1;
		return *v > 1 ? -2 : 0;
	}
	return mr_get_u32(v, w, 0);
}

/* RTA_METRICS is full: say which word found no room */
static int metrics_full(struct mr_rp *p)
{
	return mr_rp_too_many(p, "metrics");
}

/* [lock] before the value: RTAX_LOCK's bit; 0 or -errno */
static int metric_lock(struct mr_rp *p, int rtax)
{
	if (strcmp(mr_word(&p->w), "lock"))
		return 0;
	p->mxlock |= 1u << rtax;
	return mr_need(&p->w);
}

MR_HOT
int mr_kw_metric_any(struct mr_rp *p)
{
	const struct metric_kw *m = metric_kw_find(mr_word(&p->w));
	uint32_t v;
	int ret;

	if (!m)
		return 1;
	ret = mr_need(&p->w);
	if (ret)
		return ret;
	if (m->how == MX_RTO)
		p->mxlock |= 1u << m->rtax;
	else if (m->how != MX_FEATURES && m->how != MX_QUICKACK &&
		 (ret = metric_lock(p, m->rtax)))
		return ret;
	ret = metric_value(m, mr_word(&p->w), &v);
	if (ret == -2)
		return mr_err_invarg(&p->w,
				     "\"quickack\" value should be 0 or 1\n");
	if (ret)
		return mr_err_invarg(&p->w, m->err);
	if (mr_route_put_metric(p->rt, m->rtax, &v, 4) < 0)
		return metrics_full(p);
	return 0;
}

/* congctl [lock] NAME: RTAX_CC_ALGO, the name without its NUL, as 4.4 */
int mr_kw_congctl(struct mr_rp *p)
{
	size_t n, most = MPLSROUTE_MX_MAX - MNL_ATTR_HDRLEN;
	int ret = mr_need(&p->w);

	if (ret == 0)
		ret = metric_lock(p, RTAX_CC_ALGO);
	if (ret)
		return ret;
	n = strlen(mr_word(&p->w));
	if (n > most)
		return mr_err_fmt(&p->w, MPLSROUTE_ERR_TOO_LONG, 0,
				  "Error: the \"congctl\" name \"%.32s%s\" is too long (%zu bytes, at most %zu).\n",
				  mr_word(&p->w), n > 32 ? "..." : "", n, most);
	if (mr_route_put_metric(p->rt, RTAX_CC_ALGO, mr_word(&p->w),
				       n) < 0)
		return metrics_full(p);
	return 0;
}
