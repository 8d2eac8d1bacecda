/* replay.c: a socket transport: records requests, answers from a recording */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>
#include "sockint.h"

struct replay {
	FILE *rec;		/* requests go here */
	FILE *resp;		/* answers come from here; NULL: none */
	char *line;		/* getline's buffer */
	size_t linecap;
	unsigned char *next;	/* the next response, decoded; NULL at EOF */
	size_t nextcap;
	int have_next;		/* next[] holds an unconsumed response */
	unsigned char *q;	/* answers waiting to be received */
	size_t qlen, qhead, qcap;
};

/* decode "NAME FLAGS HEX" into r->next; 1 done, 0 EOF, -errno */
static int replay_read(struct replay *r)
{
	struct mr_rec rec;
	long n;

	do {
		if (getline(&r->line, &r->linecap, r->resp) < 0)
			return 0;
		n = mr_rec_parse(r->line, &rec, r->next, r->nextcap);
	} while (n == 0);	/* blank lines are skipped */
	if (n > 0 && (size_t)n > r->nextcap) {
		unsigned char *p = realloc(r->next, n);

		if (!p)
			return -ENOMEM;
		r->next = p;
		r->nextcap = n;
		n = mr_rec_parse(r->line, &rec, r->next, r->nextcap);
	}
	if (n < (long)NLMSG_HDRLEN)
		return -EBADMSG;
	if (((struct nlmsghdr *)r->next)->nlmsg_len != (size_t)n)
		return -EBADMSG;
	return 1;
}

/* the next response, or NULL when there is none */
static struct nlmsghdr *replay_peek(struct replay *r)
{
	if (!r->resp)
		return NULL;
	if (!r->have_next && replay_read(r) == 1)
		r->have_next = 1;
	return r->have_next ? (struct nlmsghdr *)r->next : NULL;
}

/* queue @nlh as an answer to request @req (seq and pid copied) */
static int replay_queue(struct mplsroute_sock *s, const struct nlmsghdr *nlh,
			const struct nlmsghdr *req)
{
	struct replay *r = s->priv;
	struct nlmsghdr *a;
	size_t need = NLMSG_ALIGN(nlh->nlmsg_len);

	if (r->qhead == r->qlen)
		r->qhead = r->qlen = 0;
	if (r->qlen + need > r->qcap) {
		size_t cap = (r->qlen + need) * 2;
		unsigned char *p = realloc(r->q, cap);

		if (!p)
			return -ENOMEM;
		r->q = p;
		r->qcap = cap;
	}
	a = (struct nlmsghdr *)(r->q + r->qlen);
	memset(a, 0, need);
	memcpy(a, nlh, nlh->nlmsg_len);
	a->nlmsg_seq = req->nlmsg_seq;
	a->nlmsg_pid = s->portid;
	if (a->nlmsg_type == NLMSG_ERROR &&
	    a->nlmsg_len >= NLMSG_HDRLEN + sizeof(struct nlmsgerr)) {
		struct nlmsgerr *e = mnl_nlmsg_get_payload(a);

		e->msg.nlmsg_seq = req->nlmsg_seq;
		e->msg.nlmsg_pid = s->portid;
	}
	r->qlen += need;
	return 0;
}

/* queue a made-up answer: an ACK (capped, as the kernel's) or NLMSG_DONE */
static int replay_synth(struct mplsroute_sock *s, const struct nlmsghdr *req,
			uint16_t type)
{
	union {
		struct nlmsghdr h;
		unsigned char b[NLMSG_HDRLEN + sizeof(struct nlmsgerr)];
	} m;
	struct nlmsgerr *e = (struct nlmsgerr *)(m.b + NLMSG_HDRLEN);

	memset(&m, 0, sizeof(m));
	m.h.nlmsg_type = type;
	if (type == NLMSG_DONE) {
		m.h.nlmsg_len = NLMSG_HDRLEN + sizeof(int);
		m.h.nlmsg_flags = NLM_F_MULTI;
	} else {
		m.h.nlmsg_len = sizeof(m.b);
		m.h.nlmsg_flags = NLM_F_CAPPED;
		e->msg = *req;
	}
	return replay_queue(s, &m.h, req);
}

static int replay_take(struct mplsroute_sock *s, const struct nlmsghdr *req)
{
	struct replay *r = s->priv;
	int ret = replay_queue(s, (struct nlmsghdr *)r->next, req);

	r->have_next = 0;
	return ret;
}

/* a dump's answer: responses up to NLMSG_DONE or NLMSG_ERROR */
static int replay_answer_dump(struct mplsroute_sock *s,
			      const struct nlmsghdr *req)
{
	struct nlmsghdr *nx;
	uint16_t type;
	int ret;

	for (;;) {
		nx = replay_peek(s->priv);
		if (!nx)
			return replay_synth(s, req, NLMSG_DONE);
		type = nx->nlmsg_type;
		ret = replay_take(s, req);
		if (ret < 0 || type == NLMSG_DONE || type == NLMSG_ERROR)
			return ret;
	}
}

/* whether the NLMSG_ERROR @e echoes a request of @req's type */
static int replay_echoes(const struct nlmsghdr *e, const struct nlmsghdr *req)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(e);

	if (e->nlmsg_len < NLMSG_HDRLEN + sizeof(*err))
		return 0;
	return err->msg.nlmsg_type == req->nlmsg_type && err->error != 0;
}

static int replay_answer(struct mplsroute_sock *s, const struct nlmsghdr *req)
{
	struct nlmsghdr *nx;
	int ret, acked = 0;
	uint16_t t = req->nlmsg_type;
	int get = t >= RTM_BASE && (t - RTM_BASE) % 4 == 2;

	/* either NLM_F_DUMP bit makes a dump, as in rtnetlink */
	if (get && (req->nlmsg_flags & NLM_F_DUMP))
		return replay_answer_dump(s, req);
	nx = replay_peek(s->priv);
	if (get && nx && nx->nlmsg_type != NLMSG_ERROR &&
	    nx->nlmsg_type != NLMSG_DONE) {
		ret = replay_take(s, req);
		if (ret < 0)
			return ret;
		nx = replay_peek(s->priv);
	}
	if (nx && nx->nlmsg_type == NLMSG_ERROR &&
	    ((req->nlmsg_flags & NLM_F_ACK) || replay_echoes(nx, req))) {
		ret = replay_take(s, req);
		if (ret < 0)
			return ret;
		acked = 1;
	}
	if (!acked && (req->nlmsg_flags & NLM_F_ACK))
		return replay_synth(s, req, NLMSG_ERROR);
	return 0;
}

static int replay_send(struct mplsroute_sock *s, const void *buf, size_t len)
{
	struct replay *r = s->priv;
	const struct nlmsghdr *nlh = buf;
	size_t rest = len;
	int ret = 0;

	while (ret == 0 && mr_nlmsg_ok(nlh, rest)) {
		if (nlh->nlmsg_type >= RTM_BASE)	/* route messages */
			mr_rec_write(r->rec, nlh);
		ret = replay_answer(s, nlh);
		nlh = mr_nlmsg_next(nlh, &rest);
	}
	if (fflush(r->rec) != 0 && ret == 0)
		ret = -EIO;
	return ret;
}

/* hand out whole queued messages, as many as fit */
static ssize_t replay_recv(struct mplsroute_sock *s, void *buf, size_t len,
			   int flags)
{
	struct replay *r = s->priv;
	size_t n = 0, m;
	const struct nlmsghdr *nlh;

	if (r->qhead == r->qlen)
		return flags & MR_RECV_NONBLOCK ? -EAGAIN : -ENODATA;
	while (r->qhead + n < r->qlen) {
		nlh = (const struct nlmsghdr *)(r->q + r->qhead + n);
		m = NLMSG_ALIGN(nlh->nlmsg_len);
		if (n + m > len)
			break;
		n += m;
	}
	if (n == 0)
		return -ENOSPC;
	memcpy(buf, r->q + r->qhead, n);
	if (!(flags & MR_RECV_PEEK))
		r->qhead += n;
	return (ssize_t)n;
}

static void replay_close(struct mplsroute_sock *s)
{
	struct replay *r = s->priv;

	if (!r)
		return;
	if (r->rec)
		fclose(r->rec);
	if (r->resp)
		fclose(r->resp);
	free(r->line);
	free(r->next);
	free(r->q);
	free(r);
}

static const struct mr_transport replay_transport = {
	.send = replay_send,
	.recv = replay_recv,
	.close = replay_close,
};

MR_EXPORT int mplsroute_sock_open_replay(struct mplsroute_sock **sp,
					 const char *record_path,
					 const char *responses_path)
{
	struct mplsroute_sock *s = NULL;
	struct replay *r;
	int ret;

	ret = mr_sock_alloc(&s, &replay_transport);
	if (ret < 0)
		return ret;
	r = calloc(1, sizeof(*r));
	if (!r) {
		ret = -ENOMEM;
		goto out;
	}
	s->priv = r;
	s->portid = 0x4d52;	/* any non-zero port id */
	s->rcvbuf = 4 << 20;
	r->rec = fopen(record_path, "a");
	if (!r->rec) {
		ret = -errno;
		goto out;
	}
	if (responses_path && *responses_path)
		r->resp = fopen(responses_path, "r");	/* missing: none */
	*sp = s;
	return 0;
out:
	mplsroute_sock_close(s);
	return ret;
}
