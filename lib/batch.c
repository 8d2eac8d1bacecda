/* batch.c: pipelined route adds: windows per sendmsg, ACKs by seq, undo */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>
#include "sockint.h"

#define MR_BATCH_BYTES	(256 << 10)	/* bytes per sendmsg, < the sndbuf */
#define MR_BATCH_MSGMAX	(16 << 10)	/* the largest message taken */
#define MR_BATCH_WINMAX	1024
#define MR_NOACK_WINMAX	4096		/* no-ACK: only failures answer */
#define MR_ACK_COST	2048		/* rcvbuf bytes an ACK may take */
#define MR_BATCH_RXV	128		/* datagrams per recvmmsg */
#define MR_BATCH_RXSZ	2048		/* an ACK's datagram (capped) */

struct mr_entry {
	uint32_t off;		/* in buf */
	uint32_t slot;		/* its key's in keys[] */
	int err;		/* 1: no result yet */
	int undo;		/* applied after a failure: to be deleted */
	unsigned long cookie;
};

/* where the attributes of the last message keyed were (batch_key) */
#define MR_KEY_ATTRS	8
struct mr_key_layout {
	int valid;
	uint32_t len;
	unsigned n;
	uint8_t named;		/* bit i: attribute i names the route */
	uint16_t off[MR_KEY_ATTRS];
	uint32_t hdr[MR_KEY_ATTRS];	/* its nla_len and nla_type */
};

struct mplsroute_batch {
	struct mplsroute_sock *s;
	unsigned flags;
	unsigned window;	/* messages per window with ACKs */
	unsigned window_noack;	/* and without (entries allocated) */
	mplsroute_batch_cb cb;
	void *data;
	char *buf;		/* the window's messages, back to back */
	size_t len;
	char *scratch;		/* one message: a lone send or an undo */
	struct mr_entry *ent;
	unsigned n;
	uint64_t *keys;		/* open addressing, 0 = free */
	unsigned kmask;
	unsigned got, next;	/* results in, results handed out */
	char *rxv;		/* MR_BATCH_RXV datagrams of MR_BATCH_RXSZ */
	ssize_t rxlen[MR_BATCH_RXV];
	int stopped;
	int noack;		/* adds without NLM_F_ACK, the last one a barrier */
	int undo_failed;
	unsigned long failures;
	struct mr_key_layout kl;
};

MR_EXPORT int mplsroute_batch_open(struct mplsroute_batch **bp,
				   struct mplsroute_sock *s, unsigned flags,
				   unsigned window, mplsroute_batch_cb cb,
				   void *data)
{
	struct mplsroute_batch *b;
	unsigned ks = 1, wn = window;

	if (!s)
		return -EINVAL;
	mr_sock_grow(s);	/* the window is sized from its rcvbuf */
	if (!window) {
		window = s->rcvbuf > 0 ? (unsigned)s->rcvbuf / MR_ACK_COST : 16;
		wn = window;
	}
	if (window < 1)
		window = wn = 1;
	if (window > MR_BATCH_WINMAX)
		window = MR_BATCH_WINMAX;
	if (wn > MR_NOACK_WINMAX)
		wn = MR_NOACK_WINMAX;
	while (ks < 2 * wn)
		ks <<= 1;
	b = calloc(1, sizeof(*b));
	if (!b)
		return -ENOMEM;
	b->s = s;
	b->flags = flags;
	b->window = window;
	b->window_noack = wn;
	b->cb = cb;
	b->data = data;
	b->kmask = ks - 1;
	b->buf = malloc(MR_BATCH_BYTES);
	b->scratch = malloc(MR_BATCH_MSGMAX);
	b->ent = calloc(wn, sizeof(*b->ent));
	b->keys = calloc(ks, sizeof(*b->keys));
	b->rxv = malloc(MR_BATCH_RXV * MR_BATCH_RXSZ);
	if (!b->buf || !b->scratch || !b->ent || !b->keys || !b->rxv) {
		mplsroute_batch_close(b);
		return -ENOMEM;
	}
	*bp = b;
	return 0;
}

MR_EXPORT void mplsroute_batch_close(struct mplsroute_batch *b)
{
	if (!b)
		return;
	free(b->buf);
	free(b->scratch);
	free(b->ent);
	free(b->keys);
	free(b->rxv);
	free(b);
}

MR_EXPORT int mplsroute_batch_set_noack(struct mplsroute_batch *b, int on)
{
	if (b->n)
		return -EBUSY;
	b->noack = on != 0;
	return 0;
}

MR_EXPORT unsigned long
mplsroute_batch_failures(const struct mplsroute_batch *b)
{
	return b->failures;
}

/* a route add whose exact inverse is a delete of the same message */
static int batch_pipelined(const struct nlmsghdr *nlh)
{
	unsigned want = NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK;

	return nlh->nlmsg_type == RTM_NEWROUTE &&
	       (nlh->nlmsg_flags & want) == want &&
	       !(nlh->nlmsg_flags & NLM_F_REPLACE) &&
	       nlh->nlmsg_len >= NLMSG_HDRLEN + sizeof(struct rtmsg);
}

/* @n bytes at @p folded into @h, 4 at a time (the tail byte by byte) */
static uint64_t mix(uint64_t h, const unsigned char *p, size_t n)
{
	uint32_t v;

	for (; n >= 4; n -= 4, p += 4) {
		memcpy(&v, p, 4);
		h = (h ^ v) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	while (n--)
		h = (h ^ *p++) * 0x100000001b3ULL;
	return h;
}

/* the hash of @nlh's rtmsg fields that name a route */
static uint64_t key_head(const struct nlmsghdr *nlh)
{
	const struct rtmsg *rtm = NLMSG_DATA(nlh);

	return (0xcbf29ce484222325ULL ^ ((uint32_t)rtm->rtm_family |
		(uint32_t)rtm->rtm_dst_len << 8 |
		(uint32_t)rtm->rtm_tos << 16 |
		(uint32_t)rtm->rtm_table << 24)) * 0x100000001b3ULL;
}

static uint64_t key_attr(uint64_t h, const struct nlattr *a)
{
	return mix(h ^ (uint64_t)(a->nla_type & NLA_TYPE_MASK) << 48,
		   (const unsigned char *)a + MNL_ATTR_HDRLEN,
		   a->nla_len - MNL_ATTR_HDRLEN);
}

/* spread every bit to the low ones, which index the table */
static uint64_t key_end(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h ? h : 1;
}

static int key_named(uint16_t type)
{
	type &= NLA_TYPE_MASK;
	return type == RTA_DST || type == RTA_TABLE || type == RTA_PRIORITY;
}

/*
 * The same hash for a message whose attribute headers are those of the
 * last one walked (a batch of one shape: only values change): 0 and *h,
 * or 1 (walk it).
 */
static int key_again(const struct mr_key_layout *kl,
		     const struct nlmsghdr *nlh, uint64_t *h)
{
	const char *base = (const char *)nlh;
	uint32_t hdr;
	unsigned i;

	if (!kl->valid || kl->len != nlh->nlmsg_len)
		return 1;
	for (i = 0; i < kl->n; i++) {
		memcpy(&hdr, base + kl->off[i], 4);
		if (hdr != kl->hdr[i])
			return 1;
	}
	*h = key_head(nlh);
	for (i = 0; i < kl->n; i++)
		if (kl->named & (1u << i))
			*h = key_attr(*h, (const void *)(base + kl->off[i]));
	return 0;
}

/* a hash of what names a route: family, table, destination, tos, metric */
static uint64_t batch_key(struct mplsroute_batch *b,
			  const struct nlmsghdr *nlh)
{
	struct mr_key_layout *kl = &b->kl;
	const struct nlattr *a;
	uint64_t h;
	int rest;

	if (key_again(kl, nlh, &h) == 0)
		return key_end(h);
	h = key_head(nlh);
	kl->valid = 0;
	kl->n = 0;
	kl->named = 0;
	/* mnl_attr_for_each's walk, inline: this runs for every add */
	a = (const struct nlattr *)((const char *)NLMSG_DATA(nlh) +
				    MNL_ALIGN(sizeof(struct rtmsg)));
	rest = (int)MNL_ALIGN(nlh->nlmsg_len) - MNL_NLMSG_HDRLEN -
	       (int)MNL_ALIGN(sizeof(struct rtmsg));
	while (rest >= (int)sizeof(*a) && a->nla_len >= sizeof(*a) &&
	       (int)a->nla_len <= rest) {
		if (kl->n < MR_KEY_ATTRS) {
			kl->off[kl->n] = (uint16_t)((const char *)a -
						    (const char *)nlh);
			memcpy(&kl->hdr[kl->n], a, 4);
			if (key_named(a->nla_type))
				kl->named |= (uint8_t)(1u << kl->n);
		}
		kl->n++;
		if (key_named(a->nla_type))
			h = key_attr(h, a);
		rest -= MNL_ALIGN(a->nla_len);
		a = (const struct nlattr *)((const char *)a +
					    MNL_ALIGN(a->nla_len));
	}
	/* kept when the walk ended at the end, as it will again */
	kl->valid = kl->n <= MR_KEY_ATTRS && rest < (int)sizeof(*a);
	kl->len = nlh->nlmsg_len;
	return key_end(h);
}

/*
 * 1 if @key is in the window already, else it is added (its slot in
 * *slot) and 0 returned
 */
static int batch_key_seen(struct mplsroute_batch *b, uint64_t key,
			  uint32_t *slot)
{
	unsigned i = (unsigned)key & b->kmask;

	while (b->keys[i]) {
		if (b->keys[i] == key)
			return 1;
		i = (i + 1) & b->kmask;
	}
	b->keys[i] = key;
	*slot = i;
	return 0;
}

static void batch_result(struct mplsroute_batch *b, const struct nlmsghdr *req,
			 int err, const char *errmsg, unsigned long cookie)
{
	if (err < 0 && err != -ECANCELED) {
		b->failures++;
		if (b->flags & MPLSROUTE_BATCH_STOP)
			b->stopped = 1;
	}
	if (b->cb)
		b->cb(req, err, err < 0 ? errmsg : "", cookie, b->data);
}

/* send @nlh alone (a copy) and wait for its result */
static int batch_alone(struct mplsroute_batch *b, const struct nlmsghdr *nlh,
		       unsigned long cookie)
{
	struct nlmsghdr *m = (struct nlmsghdr *)b->scratch;
	int ret;

	memcpy(m, nlh, nlh->nlmsg_len);
	ret = mplsroute_sock_talk(b->s, m, NULL, 0);
	batch_result(b, m, ret, b->s->errmsg, cookie);
	return 0;
}

/* hand entry @i's result to the caller; after a stop it is cancelled */
static void batch_deliver(struct mplsroute_batch *b, unsigned i,
			  const char *errmsg)
{
	struct mr_entry *e = &b->ent[i];
	const struct nlmsghdr *req = (const struct nlmsghdr *)(b->buf + e->off);

	if (b->stopped) {
		e->undo = e->err == 0;
		batch_result(b, req, -ECANCELED, "", e->cookie);
		return;
	}
	batch_result(b, req, e->err, errmsg, e->cookie);
}

/*
 * No-ACK windows: the kernel handles a socket's requests in order and
 * answers only failures and the window's last (acknowledged) add, so an
 * answer for entry @i means that every entry before it without an answer
 * was applied.
 */
static void batch_applied_before(struct mplsroute_batch *b, unsigned i)
{
	unsigned j;

	for (j = b->next; j < i; j++) {
		if (b->ent[j].err == 1) {
			b->ent[j].err = 0;
			b->got++;
		}
	}
}

/*
 * The usual answer: a plain ACK (error 0, no extended-ack text) of the
 * next entry to hand out, while the batch goes on: what
 * mr_sock_parse_error and batch_deliver do with it, in short.
 */
static int batch_ack_ok(struct mplsroute_batch *b, const struct nlmsghdr *nlh)
{
	int err;

	if (b->stopped || (nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(int))
		return 0;
	memcpy(&err, (const char *)nlh + NLMSG_HDRLEN, sizeof(err));
	return err == 0;
}

static void batch_next_ok(struct mplsroute_batch *b, unsigned i)
{
	struct mr_entry *e = &b->ent[i];

	b->s->errmsg[0] = '\0';
	e->err = 0;
	b->got++;
	b->next++;
	if (b->cb)
		b->cb((const struct nlmsghdr *)(b->buf + e->off), 0, "",
		      e->cookie, b->data);
}

/* the results in one datagram of @n bytes at @buf; -EBADMSG if cut */
static int batch_take(struct mplsroute_batch *b, uint32_t first,
		       const char *buf, ssize_t n)
{
	const struct nlmsghdr *nlh;
	size_t rest = n > 0 ? (size_t)n : 0;
	unsigned i, j;

	for (nlh = (const struct nlmsghdr *)buf; mr_nlmsg_ok(nlh, rest);
	     nlh = mr_nlmsg_next(nlh, &rest)) {
		i = nlh->nlmsg_seq - first;
		if (nlh->nlmsg_type != NLMSG_ERROR || i >= b->n ||
		    b->ent[i].err != 1)
			continue;
		if (i == b->next && batch_ack_ok(b, nlh)) {
			batch_next_ok(b, i);	/* the usual answer */
			continue;
		}
		b->ent[i].err = mr_sock_parse_error(b->s, nlh);
		b->got++;
		if (b->noack)
			batch_applied_before(b, i);
		while (b->next < b->n && b->ent[b->next].err != 1) {
			j = b->next++;
			batch_deliver(b, j, j == i ? b->s->errmsg : "");
		}
	}
	return rest ? -EBADMSG : 0;
}

/*
 * A datagram of @n bytes at @d that is one plain ACK of the next entry
 * (what most are): handed out as batch_take would; 1, else 0 (nothing
 * done).
 */
static int batch_lone_ack(struct mplsroute_batch *b, uint32_t first,
			  const char *d, ssize_t n)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)d;

	if (n < (ssize_t)(NLMSG_HDRLEN + sizeof(int)) ||
	    nlh->nlmsg_len != (size_t)n || nlh->nlmsg_type != NLMSG_ERROR ||
	    nlh->nlmsg_seq - first != b->next || b->next >= b->n ||
	    b->ent[b->next].err != 1 || !batch_ack_ok(b, nlh))
		return 0;
	batch_next_ok(b, b->next);
	return 1;
}

/* wait for the ACKs of the window's messages (seqs first...first+n-1) */
static int batch_collect(struct mplsroute_batch *b, uint32_t first)
{
	struct mplsroute_sock *s = b->s;
	unsigned i;
	ssize_t n = 0;
	int k;

	b->got = 0;
	b->next = 0;
	while (b->got < b->n) {
		if (s->tp->recv_many) {
			/* many datagrams per call: each ACK is one */
			k = s->tp->recv_many(s, b->rxv, MR_BATCH_RXV,
					     MR_BATCH_RXSZ, b->rxlen);
			if (k < 0) {
				n = k;
				goto lost;
			}
			for (i = 0; i < (unsigned)k && n == 0; i++) {
				const char *d = b->rxv + i * MR_BATCH_RXSZ;

				if (batch_lone_ack(b, first, d, b->rxlen[i]))
					continue;
				n = batch_take(b, first, d, b->rxlen[i]);
			}
			if (n < 0)
				goto lost;
			continue;
		}
		n = s->tp->recv(s, s->rx, sizeof(s->rx), 0);
		if (n >= 0)
			n = batch_take(b, first, s->rx, n);
		if (n < 0)
			goto lost;
	}
	return 0;
lost:
	/* results lost (e.g. -ENOBUFS): say so for each message left */
	for (i = b->next; i < b->n; i++) {
		if (b->ent[i].err == 1)
			b->ent[i].err = (int)n;
		batch_deliver(b, i, "");
	}
	return (int)n;
}

/* delete, newest first, the adds that were applied after a failure */
static void batch_undo(struct mplsroute_batch *b)
{
	struct nlmsghdr *m = (struct nlmsghdr *)b->scratch;
	const struct nlmsghdr *req;
	unsigned i;
	int ret;

	for (i = b->n; i-- > 0;) {
		if (!b->ent[i].undo)
			continue;
		req = (const struct nlmsghdr *)(b->buf + b->ent[i].off);
		memcpy(m, req, req->nlmsg_len);
		m->nlmsg_type = RTM_DELROUTE;
		m->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
		ret = mplsroute_sock_talk(b->s, m, NULL, 0);
		if (ret < 0 && ret != -ESRCH && ret != -ENOENT)
			b->undo_failed++;
	}
}

/* send the window in one sendmsg and collect every result */
static int batch_send_window(struct mplsroute_batch *b)
{
	uint32_t first = b->s->seq + 1;
	unsigned i;
	int ret;

	if (!b->n)
		return 0;
	for (i = 0; i < b->n; i++) {
		b->ent[i].err = 1;
		b->ent[i].undo = 0;
	}
	if (b->noack)	/* the barrier: its answer comes after all others */
		((struct nlmsghdr *)(b->buf + b->ent[b->n - 1].off))
			->nlmsg_flags |= NLM_F_ACK;
	ret = mplsroute_sock_send_buf(b->s, b->buf, b->len);
	if (ret == 0) {
		ret = batch_collect(b, first);
	} else {
		for (i = 0; i < b->n; i++) {
			b->ent[i].err = ret;
			batch_deliver(b, i, "");
		}
	}
	batch_undo(b);
	for (i = 0; i < b->n; i++)
		b->keys[b->ent[i].slot] = 0;	/* the window's keys only */
	b->n = 0;
	b->len = 0;
	return ret;
}

/* send the window; -ECANCELED if the batch has stopped */
static int batch_drain(struct mplsroute_batch *b)
{
	int ret = batch_send_window(b);

	if (ret < 0)
		return ret;
	return b->stopped ? -ECANCELED : 0;
}

MR_EXPORT int mplsroute_batch_add(struct mplsroute_batch *b,
				  const struct nlmsghdr *nlh,
				  unsigned long cookie)
{
	size_t len = nlh->nlmsg_len, alen = NLMSG_ALIGN(len);
	struct mr_entry *e;
	uint32_t slot;
	int ret;

	if (b->stopped)
		return -ECANCELED;
	if (len < NLMSG_HDRLEN || len > MR_BATCH_MSGMAX)
		return -EMSGSIZE;
	if (!batch_pipelined(nlh)) {
		ret = batch_drain(b);
		return ret < 0 ? ret : batch_alone(b, nlh, cookie);
	}
	if (b->n == (b->noack ? b->window_noack : b->window) ||
	    b->len + alen > MR_BATCH_BYTES) {
		ret = batch_drain(b);
		if (ret < 0)
			return ret;
	}
	if (batch_key_seen(b, batch_key(b, nlh), &slot)) {
		/* the same route twice in a window: keep them in order */
		ret = batch_drain(b);
		return ret < 0 ? ret : batch_alone(b, nlh, cookie);
	}
	e = &b->ent[b->n++];
	e->slot = slot;
	e->off = (uint32_t)b->len;
	e->cookie = cookie;
	memcpy(b->buf + b->len, nlh, len);
	if (alen != len)
		memset(b->buf + b->len + len, 0, alen - len);
	if (b->noack)
		((struct nlmsghdr *)(b->buf + b->len))->nlmsg_flags &=
			~NLM_F_ACK;
	b->len += alen;
	return 0;
}

MR_EXPORT int mplsroute_batch_flush(struct mplsroute_batch *b)
{
	int ret = batch_send_window(b);

	if (ret < 0)
		return ret;
	if (b->undo_failed)
		return -ENOTRECOVERABLE;
	return b->failures ? -ECANCELED : 0;
}
