/* route_patch.c: the words last parsed again, value words replaced */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"
#include "grammar_int.h"

/* the memo's site of word @argi, or NULL */
static struct mr_memo_site *site_of(struct mr_memo *m, int argi)
{
	int k;

	for (k = 0; k < m->nsites; k++)
		if (m->site[k].argi == argi)
			return &m->site[k];
	return NULL;
}

MR_EXPORT int mplsroute_route_patch_words(const struct mplsroute_route *rt,
					  int *argi, int max)
{
	const struct mr_memo *m;
	int k;

	if (!rt || max < 0 || (max && !argi))
		return -EINVAL;
	m = &rt->memo;
	if (!m->valid || !m->req_valid)
		return -ENOENT;
	for (k = 0; k < m->nsites && k < max; k++)
		argi[k] = m->site[k].argi;
	return k;
}

/*
 * @word as a plain label (1-9 first, at most 7 digits, below 2^20: what
 * the parse reads to the same value) for a site that holds one label
 * (`as`, `encap mpls`, an MPLS destination): 0 and s->fv, s->fast, s->wlen
 * set, or 1 (the site's own reading then).
 */
static int read_label(struct mr_memo *m, struct mr_memo_site *s,
		      const char *word)
{
	uint32_t v;
	size_t n;

	if (!s->one_label || s->family != AF_MPLS)
		return 1;
	n = mr_memo_plain_label(word, &v);
	if (!n)
		return 1;
	s->fast = 1;
	s->fv = v;
	s->wlen = (uint8_t)n;
	return 0;
}

/*
 * Read every new word into its site (nothing kept changes yet): 0 and the
 * sites to change in @todo (*ntodo of them), or 1.
 */
static int patch_read(struct mr_memo *m, int n, const int *argi,
		      char *const *words, struct mr_memo_site **todo,
		      int *ntodo)
{
	struct mr_memo_site *s;
	unsigned seen = 0, bit;
	int k;

	*ntodo = 0;
	for (k = 0; k < n; k++) {
		/* in the order of the words, as mplsroute_route_patch_words
		 * gave them, they are found at once */
		s = k < m->nsites && m->site[k].argi == argi[k] ?
		    &m->site[k] : site_of(m, argi[k]);
		if (!s || !words[k])
			return 1;
		bit = 1u << (s - m->site);
		if (seen & bit)
			return 1;	/* the same word twice */
		seen |= bit;
		s->word = words[k];
		if (read_label(m, s, words[k]) == 0) {
			todo[(*ntodo)++] = s;
			continue;
		}
		if (strcmp(words[k], s->text) == 0)
			continue;	/* the same word: nothing to do */
		if (mr_memo_site_reparse(m, s, words[k]))
			return 1;
		s->wlen = (uint8_t)strlen(words[k]);
		todo[(*ntodo)++] = s;
	}
	return 0;
}

/* a label site read by read_label into the route, @rt and the request */
static int patch_label(struct mr_memo *m, struct mplsroute_route *rt,
		       struct mr_memo_site *s)
{
	struct mplsroute_route *h = (void *)m->head;
	uint32_t wire;

	if (s->kind == MR_SITE_ENCAP || s->blen != MNL_ATTR_HDRLEN + 4)
		return 1;	/* the attribute is built again */
	if (s->kind == MR_SITE_AS) {
		h->nh.newdst.label[0] = s->fv;
		rt->nh.newdst.label[0] = s->fv;
	} else {
		h->dst.labels.label[0] = s->fv;
		rt->dst.labels.label[0] = s->fv;
	}
	wire = htonl(s->fv << 12 | 0x100);	/* the bottom of the stack */
	memcpy(m->req + s->off + MNL_ATTR_HDRLEN, &wire, 4);
	return 0;
}

/* the sites in @todo that patch_label did not do: built again */
static void patch_rebuild(struct mplsroute_route *rt, struct mr_memo *m,
			  struct mr_memo_site **todo, int ntodo)
{
	int k;

	for (k = 0; k < m->nsites; k++)
		m->site[k].changed = 0;
	for (k = 0; k < ntodo; k++) {
		if (!todo[k])
			continue;
		todo[k]->changed = 1;
		mr_memo_site_apply(m, todo[k]);
		mr_memo_site_apply_rt(rt, todo[k]);
	}
	mr_memo_patch_request(rt, m);
}

MR_EXPORT int mplsroute_route_patch(struct mplsroute_route *rt, int n,
				    const int *argi, char *const *words,
				    uint16_t nlmsg_type, uint16_t nlmsg_flags,
				    const struct nlmsghdr **req)
{
	struct mr_memo_site *todo[MR_MEMO_SITES];
	struct mr_memo *m;
	int k, ntodo, rebuild = 0;

	if (!rt || n < 0 || (n && (!argi || !words)) || !req)
		return -EINVAL;
	m = &rt->memo;
	if (!m->valid || !m->req_valid || m->req_type != nlmsg_type ||
	    m->req_flags != nlmsg_flags || n > MR_MEMO_SITES ||
	    patch_read(m, n, argi, words, todo, &ntodo))
		return 1;
	for (k = 0; k < ntodo; k++) {
		struct mr_memo_site *s = todo[k];

		memcpy(s->text, s->word, (size_t)s->wlen + 1);
		if (s->fast == 1 && patch_label(m, rt, s) == 0)
			todo[k] = NULL;	/* done */
		else
			rebuild = 1;
	}
	if (rebuild)
		patch_rebuild(rt, m, todo, ntodo);
	if (!m->req_valid) {
		mr_memo_forget(rt);	/* rt is right; the request not */
		return 1;
	}
	*req = (const struct nlmsghdr *)m->req;
	return 0;
}
