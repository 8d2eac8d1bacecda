/* route_memo.c: a line like the one before: re-read its values, patch */
#include <stddef.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"
#include "grammar_int.h"

#define HEAD_LEN	offsetof(struct mplsroute_route, raw)

_Static_assert(offsetof(struct mplsroute_route, raw) <= MR_MEMO_HEAD,
	       "route_memo: MR_MEMO_HEAD is smaller than the route's head");
_Static_assert(MR_MEMO_MX == MPLSROUTE_MX_MAX, "route_memo: mx[] size");

/* the memo's copy of a field of the route (head holds rt up to raw[]) */
#define HEAD_FIELD(m, field) \
	((void *)((m)->head + offsetof(struct mplsroute_route, field)))

/* the field of the route a value word of @kind went to */
static struct mplsroute_addr *site_addr(struct mr_memo *m, int kind)
{
	switch (kind) {
	case MR_SITE_DST:
		return HEAD_FIELD(m, dst);
	case MR_SITE_VIA:
		return HEAD_FIELD(m, nh.via);
	}
	return NULL;
}

static struct mplsroute_labels *site_labels(struct mr_memo *m, int kind)
{
	switch (kind) {
	case MR_SITE_AS:
		return HEAD_FIELD(m, nh.newdst);
	case MR_SITE_ENCAP:
		return HEAD_FIELD(m, nh.encap);
	}
	return NULL;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The plain words of a batch, read here as the parse functions would read
 * them: a label (1-9 first, at most 7 digits, below 2^20) read with
 * AF_MPLS, or a dotted quad of plain decimals (no leading 0) read with
 * AF_INET or AF_UNSPEC.  0 and s->fv set (s->fast: 1 label, 2 IPv4), or
 * 1: the parse function reads it.
 */
static int site_fast(struct mr_memo_site *s, const char *word)
{
	const char *p = word;
	uint32_t v = 0, part;
	int i;

	if (s->family == AF_MPLS) {
		if (!mr_memo_plain_label(word, &v))
			return 1;
		s->fast = 1;
		s->fv = v;
		return 0;
	}
	if (s->family != AF_INET && s->family != AF_UNSPEC)
		return 1;
	for (i = 0; i < 4; i++) {
		const char *q = p;

		for (part = 0; is_digit(*p) && p - q < 3; p++)
			part = part * 10 + (uint32_t)(*p - '0');
		if (p == q || part > 255 || (*q == '0' && p - q > 1) ||
		    *p != (i == 3 ? '\0' : '.'))
			return 1;
		p += i < 3;
		v = v << 8 | part;
	}
	s->fast = 2;
	s->fv = v;
	return 0;
}

/* a fast read of a site of @old's shape (1 label; IPv4): 0 if it fits */
static int fast_fits(const struct mr_memo_site *s,
		     const struct mplsroute_addr *old,
		     const struct mplsroute_labels *ls)
{
	if (ls)
		return s->fast == 1 && ls->n == 1 ? 0 : 1;
	if (s->fast == 1)
		return old->family != AF_MPLS || old->bytelen != 4 ||
		       old->bitlen != 20 || old->labels.n != 1 ||
		       s->kind != MR_SITE_DST;
	return old->family != AF_INET || old->bytelen != 4 ||
	       old->bitlen != 0xff || s->kind != MR_SITE_VIA;
}

/*
 * Read @word as the grammar's site of @s read the word there, into s->val
 * (or s->fv, s->fast): 0 if it parses to the shape of the value kept
 * (then only the value differs in the route and in the request), else 1.
 */
int mr_memo_site_reparse(struct mr_memo *m, struct mr_memo_site *s,
			 const char *word)
{
	struct mplsroute_addr *a = &s->val, *old = site_addr(m, s->kind);
	struct mplsroute_labels *ls = site_labels(m, s->kind);
	int ret;

	s->fast = 0;
	if (!is_digit(word[0]) || strlen(word) >= sizeof(s->text))
		return 1;	/* a keyword, "to", a name...: the grammar */
	if (site_fast(s, word) == 0) {
		if (fast_fits(s, old, ls) == 0)
			return 0;
		s->fast = 0;
	}
	if (s->kind == MR_SITE_DST)
		ret = mplsroute_prefix_parse(a, word, s->family);
	else
		ret = mplsroute_addr_parse(a, word, s->family);
	if (ret < 0)
		return 1;	/* the parse says what is wrong */
	if (ls)
		return a->family != AF_MPLS || a->labels.n != ls->n;
	return a->family != old->family || a->bytelen != old->bytelen ||
	       a->bitlen != old->bitlen ||
	       (a->family == AF_MPLS && a->labels.n != old->labels.n);
}

/* s->val (or s->fv) into the route's head at @base (the memo's or rt) */
static void site_apply_at(uint8_t *base, const struct mr_memo_site *s)
{
	struct mplsroute_labels *ls = NULL;
	struct mplsroute_addr *a = NULL;
	uint32_t be;

	if (s->kind == MR_SITE_AS)
		ls = (void *)(base + offsetof(struct mplsroute_route,
					      nh.newdst));
	else if (s->kind == MR_SITE_ENCAP)
		ls = (void *)(base + offsetof(struct mplsroute_route,
					      nh.encap));
	else
		a = (void *)(base + (s->kind == MR_SITE_DST ?
			offsetof(struct mplsroute_route, dst) :
			offsetof(struct mplsroute_route, nh.via)));
	if (s->fast == 1) {
		(ls ? ls : &a->labels)->label[0] = s->fv;
	} else if (s->fast == 2) {
		be = htonl(s->fv);
		memcpy(a->data, &be, 4);
	} else if (ls) {
		memcpy(ls, &s->val.labels, sizeof(*ls));
	} else {
		memcpy(a, &s->val, sizeof(s->val));
	}
}

/* s's new value into the route kept */
void mr_memo_site_apply(struct mr_memo *m, const struct mr_memo_site *s)
{
	site_apply_at(m->head, s);
}

/* and into @rt (which holds what the memo holds) */
void mr_memo_site_apply_rt(struct mplsroute_route *rt,
			   const struct mr_memo_site *s)
{
	site_apply_at((uint8_t *)rt, s);
}

/* the words that are no value word: the same as the line kept */
static int same_words(const struct mr_memo *m, int argc, char *const *argv)
{
	int i, k = 0;

	for (i = 0; i < argc; i++) {
		if (k < m->nsites && m->site[k].argi == i) {
			k++;
			continue;
		}
		if (strcmp(argv[i], m->text + m->woff[i]))
			return 0;
	}
	return 1;
}

/* a fast site's value straight into the request kept; 1 if not so */
static int patch_fast(struct mr_memo *m, const struct mr_memo_site *s)
{
	uint32_t v;
	size_t at = s->off + MNL_ATTR_HDRLEN;

	if (s->fast == 1 && (s->kind == MR_SITE_AS || s->kind == MR_SITE_DST) &&
	    s->blen == MNL_ATTR_HDRLEN + 4) {
		v = htonl(s->fv << 12 | 0x100);	/* label, bottom of stack */
	} else if (s->fast == 2 && s->attr == RTA_GATEWAY &&
		   s->blen == MNL_ATTR_HDRLEN + 4) {
		v = htonl(s->fv);
	} else if (s->fast == 2 && s->attr == RTA_VIA &&
		   s->blen == MNL_ATTR_HDRLEN + 2 + 4) {
		v = htonl(s->fv);
		at += 2;	/* after the family */
	} else {
		return 1;
	}
	memcpy(m->req + at, &v, 4);
	return 0;
}

/* the request kept, with the changed values' attributes built anew */
void mr_memo_patch_request(struct mplsroute_route *rt, struct mr_memo *m)
{
	uint32_t scratch[(MNL_NLMSG_HDRLEN + 256) / 4];
	struct nlmsghdr *nlh;
	int k;

	for (k = 0; k < m->nsites && m->req_valid; k++) {
		struct mr_memo_site *s = &m->site[k];

		if (!s->changed || (s->fast && patch_fast(m, s) == 0))
			continue;
		if (s->kind == MR_SITE_AS || (s->kind == MR_SITE_DST &&
		    site_addr(m, s->kind)->family == AF_MPLS)) {
			/* a bare label stack, as put_addr writes it (the
			 * value is in the memo's head already) */
			if (mplsroute_labels_to_wire(s->kind == MR_SITE_AS ?
					site_labels(m, s->kind) :
					&site_addr(m, s->kind)->labels,
					m->req + s->off + MNL_ATTR_HDRLEN,
					s->blen - MNL_ATTR_HDRLEN) !=
			    (int)(s->blen - MNL_ATTR_HDRLEN))
				m->req_valid = 0;
			continue;
		}
		nlh = mnl_nlmsg_put_header(scratch);
		if (mr_route_put_attr(nlh, sizeof(scratch), rt, s->attr) < 0 ||
		    nlh->nlmsg_len - MNL_NLMSG_HDRLEN != s->blen) {
			m->req_valid = 0;	/* built in full */
			break;
		}
		memcpy(m->req + s->off, mnl_nlmsg_get_payload(nlh), s->blen);
	}
}

MR_HOT
int mr_memo_parse(struct mplsroute_route *rt, int argc, char *const *argv,
		  const struct mplsroute_parse_opts *o)
{
	struct mr_memo *m = &rt->memo;
	struct mr_words w = { .o = o };
	int k, n = 0;

	if (!m->valid || !o || argc != m->argc ||
	    memcmp(o, &m->o, sizeof(*o)) || !same_words(m, argc, argv))
		return 1;
	for (k = 0; k < m->nsites; k++) {
		struct mr_memo_site *s = &m->site[k];

		s->changed = strcmp(argv[s->argi], s->text) != 0;
		if (s->changed &&
		    mr_memo_site_reparse(m, s, argv[s->argi]))
			return 1;
		n += s->changed;
	}
	if (m->devi >= 0 && mr_ifindex(&w, argv[m->devi]) !=
	    ((struct mplsroute_nexthop *)HEAD_FIELD(m, nh))->ifindex)
		return 1;	/* the device is not what it was */
	for (k = 0; k < m->nsites && n; k++) {
		if (!m->site[k].changed)
			continue;
		mr_memo_site_apply(m, &m->site[k]);
		strcpy(m->site[k].text, argv[m->site[k].argi]);
	}
	memcpy(rt, m->head, HEAD_LEN);
	rt->mxlen = m->mxlen;
	memcpy(rt->mx, m->mx, m->mxlen);
	rt->nnh = 0;
	if (n)
		mr_memo_patch_request(rt, m);
	return 0;
}

void mr_memo_forget(struct mplsroute_route *rt)
{
	rt->memo.valid = 0;
	rt->memo.req_valid = 0;
}

/* the index in @rec of the value word at @argi, or -1 */
static int rec_site(const struct mr_memo_rec *rec, int argi)
{
	int k;

	for (k = 0; k < rec->n; k++)
		if (rec->site[k].argi == argi)
			return k;
	return -1;
}

/* the line's words into the memo (value words into their sites); 0 or 1 */
static int keep_words(struct mr_memo *m, int argc, char *const *argv,
		      const struct mr_memo_rec *rec)
{
	size_t at = 0, n;
	int i, k;

	m->nsites = 0;
	for (i = 0; i < argc; i++) {
		n = strlen(argv[i]) + 1;
		k = rec_site(rec, i);
		if (k >= 0) {
			struct mr_memo_site *s = &m->site[m->nsites++];

			if (n > sizeof(s->text))
				return 1;
			memcpy(s->text, argv[i], n);
			s->argi = i;
			s->kind = rec->site[k].kind;
			s->family = rec->site[k].family;
			continue;
		}
		if (at + n > sizeof(m->text))
			return 1;
		memcpy(m->text + at, argv[i], n);
		m->woff[i] = (uint16_t)at;
		at += n;
	}
	return 0;
}

MR_HOT
void mr_memo_keep(struct mplsroute_route *rt, int argc, char *const *argv,
		  const struct mplsroute_parse_opts *o,
		  const struct mr_memo_rec *rec, int devi)
{
	struct mr_memo *m = &rt->memo;

	mr_memo_forget(rt);
	if (!o || rec->n < 0 || argc > MR_MEMO_WORDS || rt->nnh ||
	    rt->rawlen || rt->mxlen > sizeof(m->mx))
		return;
	if (keep_words(m, argc, argv, rec))
		return;
	m->o = *o;
	m->argc = argc;
	m->devi = devi;
	memcpy(m->head, rt, HEAD_LEN);
	m->mxlen = rt->mxlen;
	memcpy(m->mx, rt->mx, rt->mxlen);
	m->valid = 1;
}

/* @rt is the route kept: the request kept is its build */
MR_HOT
static int is_kept(const struct mplsroute_route *rt, const struct mr_memo *m)
{
	return rt->nnh == 0 && rt->rawlen == 0 && rt->mxlen == m->mxlen &&
	       memcmp(rt, m->head, HEAD_LEN) == 0 &&
	       memcmp(rt->mx, m->mx, m->mxlen) == 0;
}

MR_HOT
int mr_memo_build(void *buf, size_t len, const struct mplsroute_route *rt,
		  uint16_t nlmsg_type, uint16_t nlmsg_flags)
{
	const struct mr_memo *m = &rt->memo;

	if (!m->valid || !m->req_valid || nlmsg_type != m->req_type ||
	    nlmsg_flags != m->req_flags || len < m->req_buflen ||
	    !is_kept(rt, m))
		return 0;
	memcpy(buf, m->req, m->req_len);
	return (int)m->req_len;
}

/*
 * Where the builder wrote site @s's attribute (RTA_ENCAP: and the
 * RTA_ENCAP_TYPE after it) in the request kept: the only attribute of its
 * type, and the bytes from there are the ones the builder gives for it.
 * 0, or 1 if not found so.
 */
MR_HOT
static int locate_site(const struct mplsroute_route *rt,
		       struct mr_memo *m, struct mr_memo_site *s)
{
	uint32_t scratch[(MNL_NLMSG_HDRLEN + 256) / 4];
	const struct nlmsghdr *req = (const struct nlmsghdr *)m->req;
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(scratch);
	const struct nlattr *a, *e = mnl_nlmsg_get_payload(nlh);
	int found = 0;

	s->attr = s->kind == MR_SITE_DST ? RTA_DST :
		  s->kind == MR_SITE_AS ? RTA_NEWDST :
		  s->kind == MR_SITE_ENCAP ? RTA_ENCAP : RTA_GATEWAY;
	if (mr_route_put_attr(nlh, sizeof(scratch), rt, s->attr) < 0 ||
	    nlh->nlmsg_len == MNL_NLMSG_HDRLEN)
		return 1;
	s->attr = mnl_attr_get_type(e);	/* RTA_GATEWAY or RTA_VIA */
	s->blen = nlh->nlmsg_len - MNL_NLMSG_HDRLEN;
	mnl_attr_for_each(a, req, sizeof(struct rtmsg)) {
		if (mnl_attr_get_type(a) != s->attr)
			continue;
		s->off = (uint32_t)((const char *)a - (const char *)req);
		if (found++ || s->off + s->blen > m->req_len ||
		    memcmp(a, e, s->blen))
			return 1;
	}
	return found != 1;
}

/* site @s's value kept is a single label (the shape patches keep) */
static int one_label(struct mr_memo *m, const struct mr_memo_site *s)
{
	const struct mplsroute_labels *ls = site_labels(m, s->kind);
	const struct mplsroute_addr *a = site_addr(m, s->kind);

	if (ls)
		return ls->n == 1;
	return s->kind == MR_SITE_DST && a->family == AF_MPLS &&
	       a->bytelen == 4 && a->bitlen == 20 && a->labels.n == 1;
}

MR_HOT
void mr_memo_built(const void *buf, size_t len, struct mplsroute_route *rt,
		   uint16_t nlmsg_type, uint16_t nlmsg_flags)
{
	struct mr_memo *m = &rt->memo;
	const struct nlmsghdr *nlh = buf;
	int k;

	m->req_valid = 0;
	if (!m->valid || nlh->nlmsg_len > sizeof(m->req) || !is_kept(rt, m))
		return;
	memcpy(m->req, buf, nlh->nlmsg_len);
	m->req_len = nlh->nlmsg_len;
	m->req_type = nlmsg_type;
	m->req_flags = nlmsg_flags;
	m->req_buflen = len;
	for (k = 0; k < m->nsites; k++) {
		if (locate_site(rt, m, &m->site[k]))
			return;
		m->site[k].one_label = one_label(m, &m->site[k]);
	}
	m->req_valid = 1;
}
