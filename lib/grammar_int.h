/* grammar_int.h: what the ip grammar's files in lib/ share */
#ifndef MPLSROUTE_GRAMMAR_INT_H
#define MPLSROUTE_GRAMMAR_INT_H

#include <stdint.h>
#include "mplsroute.h"

/* lib/addr.c: ip's number words; each 0 or -1 */
int mr_get_u32(uint32_t *val, const char *arg, int base);
int mr_get_u8(uint8_t *val, const char *arg, int base);
/*
 * a time as iproute2 reads it: a number with an optional s/sec/secs or
 * ms/msec/msecs suffix, in ms; *raw = 1 when no suffix
 */
int mr_get_time_rtt(uint32_t *val, const char *arg, int *raw);
/* realms [FROM/]TO as 4.4's get_rt_realms: FROM << 16 | TO; 0 or -1 */
int mr_realms_parse(uint32_t *flow, const char *arg);

/* the words still to read (the current one first) and where we are */
struct mr_words {
	int argc;
	char *const *argv;
	int argi;		/* index of argv[0] in the caller's argv */
	const struct mplsroute_parse_opts *o;
	struct mplsroute_error *err;
};

/* the current word */
static inline const char *mr_word(const struct mr_words *w)
{
	return w->argv[0];
}

/* NEXT_ARG: step to the next word; 0, or -1 when there is none (the
 * cursor then stays on the last word) */
static inline int mr_next(struct mr_words *w)
{
	if (w->argc <= 1)
		return -1;
	w->argc--;
	w->argv++;
	w->argi++;
	return 0;
}

/* step past the current word (it may be the last) */
static inline void mr_skip(struct mr_words *w)
{
	w->argc--;
	w->argv++;
	w->argi++;
}

/*
 * lib/grammar_err.c: fill w->err for the current word (4.4's message) and
 * return the kind's -errno.  mr_err_nodev names @name at @argi.
 */
int mr_err_incomplete(struct mr_words *w);
int mr_err_invarg(struct mr_words *w, const char *why);
int mr_err_duparg(struct mr_words *w, const char *key);
int mr_err_addr(struct mr_words *w, int family);
int mr_err_prefix(struct mr_words *w, int family);
int mr_err_usage(struct mr_words *w);
int mr_err_nodev(struct mr_words *w, int argi, const char *name, int exits);
/* any other kind: @fmt's text (printf) about the current word */
int mr_err_fmt(struct mr_words *w, int kind, int exits, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* no error yet: kind NONE, argi -1, no word, empty message */
void mr_err_clear(struct mplsroute_error *e);
/* NEXT_ARG or "Command line is not complete"; 0 or -EINVAL */
int mr_need(struct mr_words *w);
/* @name's ifindex through w->o's lookup (if_nametoindex without); 0: none */
uint32_t mr_ifindex(const struct mr_words *w, const char *name);

#endif

/* ---- the route grammar (lib/grammar.c, grammar_nh.c, grammar_metrics.c) */

#include "route_memo.h"

struct mplsroute_route;
struct mplsroute_nexthop;

/* what the route parser has seen so far: 4.4's *_ok flags */
struct mr_rp {
	struct mr_words w;
	struct mplsroute_route *rt;
	const char *dev;	/* dev/oif NAME, looked up at the end */
	int devi;
	int dst_ok, nhs_ok, scope_ok, table_ok, type_ok, proto_ok;
	uint32_t mxlock;	/* RTAX_LOCK bits */
	const char *kw;		/* the keyword being read, and its index */
	int kwi;
	struct mr_memo_rec rec;	/* the value words met (route_memo.c) */
};

/*
 * The current word is a value of MR_SITE_@kind, read with @family: the
 * memo of lib/route_memo.c may read it again alone in the next line.
 */
void mr_rp_site(struct mr_rp *p, int kind, int family);

/* the route has no room for the keyword p->kw (@what: "attributes"...):
 * a TOO_MANY error naming it */
int mr_rp_too_many(struct mr_rp *p, const char *what);
/* list RTA_* @type in argument order; 0 or TOO_MANY */
int mr_rp_push(struct mr_rp *p, uint16_t type);
/* @type given again: its earlier value is kept where it was; 0 or error */
int mr_rp_again(struct mr_rp *p, uint16_t type);
/* lib/grammar_nh.c */
int mr_kw_via(struct mr_rp *p);
int mr_kw_as(struct mr_rp *p);
int mr_kw_encap(struct mr_rp *p);
int mr_kw_realms(struct mr_rp *p);
int mr_parse_nexthops(struct mr_rp *p);
/* lib/grammar_metrics.c: a metric keyword at the cursor (1: not one) */
int mr_kw_metric_any(struct mr_rp *p);
int mr_kw_congctl(struct mr_rp *p);
