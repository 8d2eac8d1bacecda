/* route_memo.h: the last parsed line's shape, to patch the next alike one */
#ifndef MPLSROUTE_ROUTE_MEMO_H
#define MPLSROUTE_ROUTE_MEMO_H

#include <stdint.h>
#include "mplsroute.h"

#define MR_MEMO_SITES	4	/* value words that may differ: one per kind */
#define MR_MEMO_WORDS	48	/* words of a line kept */
#define MR_MEMO_TEXT	512	/* their bytes, NULs included */
#define MR_MEMO_SITE_TEXT 48	/* a value word's bytes, NUL included */
#define MR_MEMO_HEAD	1280	/* >= offsetof(struct mplsroute_route, raw) */
#define MR_MEMO_REQ	512	/* the largest request kept */
#define MR_MEMO_MX	256	/* = MPLSROUTE_MX_MAX */

/* the kinds of value words, each parsed by its own site of the grammar */
enum {
	MR_SITE_DST = 1,	/* the destination prefix (kw_dst) */
	MR_SITE_AS,		/* as [to] LABELS of an MPLS route */
	MR_SITE_VIA,		/* via [FAMILY] ADDR of the route's own path */
	MR_SITE_ENCAP,		/* encap mpls LABELS of the route's own path */
};

/* one value word: where it was, how it was read, where it went */
struct mr_memo_site {
	int argi;		/* its index in the line's words */
	int kind;		/* MR_SITE_* */
	int family;		/* the family its parse function was given */
	uint16_t attr;		/* the request's attribute (RTA_*) */
	uint32_t off;		/* its offset in the request kept */
	uint32_t blen;		/* the bytes the builder writes for it */
	char text[MR_MEMO_SITE_TEXT];
	struct mplsroute_addr val;	/* the new value, while patching */
	int fast;		/* or: 1 a label in fv, 2 an IPv4 address */
	uint32_t fv;
	int changed;
	const char *word;	/* its new word (lib/route_patch.c) */
	uint8_t wlen;		/* its length */
	int one_label;		/* the value kept: one label (route_patch.c) */
};

/*
 * The memo of a route object: the words of the last line parsed without
 * error, the route that parse left (rt's fields up to raw[], and mx[]),
 * and the request built from exactly that route.  A line whose words are
 * the same except value words that parse to the same shape (family,
 * length, number of labels) is that route with those values replaced.
 */
struct mr_memo {
	int valid;		/* words, opts and head describe a parse */
	int req_valid;		/* req is the build of head */
	struct mplsroute_parse_opts o;
	int argc;
	uint16_t woff[MR_MEMO_WORDS];	/* word i at text + woff[i] */
	char text[MR_MEMO_TEXT];
	int nsites;
	struct mr_memo_site site[MR_MEMO_SITES];
	int devi;		/* the dev word's index, or -1 */
	uint16_t mxlen;
	uint8_t mx[MR_MEMO_MX];
	uint16_t req_type, req_flags;
	size_t req_buflen;	/* the buffer size it was built into */
	uint32_t req_len;
	uint8_t req[MR_MEMO_REQ] __attribute__((aligned(8)));
	uint8_t head[MR_MEMO_HEAD] __attribute__((aligned(8)));
};

/* the value words one parse met (kept in struct mr_rp while parsing) */
struct mr_memo_rec {
	int n;			/* -1: this line cannot be memoized */
	struct {
		int argi, kind, family;
	} site[MR_MEMO_SITES];
};

/*
 * lib/route_memo.c, for lib/route_patch.c: a site's new value from @word
 * (0, or 1: not of the shape kept), into the memo's route, into @rt (which
 * holds the memo's route), and the request kept patched for the sites
 * marked changed (m->req_valid cleared when it cannot be).
 */
/*
 * @word as a plain label: 1-9 first, at most 7 digits, at most
 * MPLSROUTE_LABEL_MAX (what the parse reads to the same value): its
 * length and *@v, or 0 for anything else (the parse then reads it)
 */
static inline size_t mr_memo_plain_label(const char *word, uint32_t *v)
{
	uint32_t d;
	size_t n = 0;

	if (word[0] < '1' || word[0] > '9')
		return 0;
	*v = 0;
	while ((d = (uint32_t)(unsigned char)word[n] - '0') <= 9) {
		*v = *v * 10 + d;	/* past 7 digits: refused below */
		n++;
	}
	return word[n] || n > 7 || *v > MPLSROUTE_LABEL_MAX ? 0 : n;
}

struct mr_memo;
struct mplsroute_route;
int mr_memo_site_reparse(struct mr_memo *m, struct mr_memo_site *s,
			 const char *word);
void mr_memo_site_apply(struct mr_memo *m, const struct mr_memo_site *s);
void mr_memo_site_apply_rt(struct mplsroute_route *rt,
			   const struct mr_memo_site *s);
void mr_memo_patch_request(struct mplsroute_route *rt, struct mr_memo *m);

#endif
