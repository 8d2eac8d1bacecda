/* route_patch.c: the words last parsed again, value words replaced */
#include <errno.h>
#include <string.h>
#include <linux/netlink.h>

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

/* read every new word (nothing kept changes yet): 0, or 1 */
static int patch_read(struct mr_memo *m, int n, const int *argi,
		      char *const *words)
{
	struct mr_memo_site *s;
	int k;

	for (k = 0; k < m->nsites; k++)
		m->site[k].changed = 0;
	for (k = 0; k < n; k++) {
		s = site_of(m, argi[k]);
		if (!s || !words[k] || s->changed)
			return 1;
		if (strcmp(words[k], s->text) == 0)
			continue;	/* the same word: nothing to do */
		if (mr_memo_site_reparse(m, s, words[k]))
			return 1;
		s->changed = 1;
		s->word = words[k];
	}
	return 0;
}

MR_EXPORT int mplsroute_route_patch(struct mplsroute_route *rt, int n,
				    const int *argi, char *const *words,
				    uint16_t nlmsg_type, uint16_t nlmsg_flags,
				    const struct nlmsghdr **req)
{
	struct mr_memo *m;
	int k, changed = 0;

	if (!rt || n < 0 || (n && (!argi || !words)) || !req)
		return -EINVAL;
	m = &rt->memo;
	if (!m->valid || !m->req_valid || m->req_type != nlmsg_type ||
	    m->req_flags != nlmsg_flags)
		return 1;
	if (patch_read(m, n, argi, words))
		return 1;
	for (k = 0; k < m->nsites; k++) {
		struct mr_memo_site *s = &m->site[k];

		if (!s->changed)
			continue;
		mr_memo_site_apply(m, s);
		mr_memo_site_apply_rt(rt, s);
		strcpy(s->text, s->word);
		changed++;
	}
	if (changed)
		mr_memo_patch_request(rt, m);
	if (!m->req_valid) {
		mr_memo_forget(rt);	/* rt is right; the request not */
		return 1;
	}
	*req = (const struct nlmsghdr *)m->req;
	return 0;
}
