/* sock.c: the NETLINK_ROUTE socket: seq numbers, ACKs, extack, dumps */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include "sockint.h"

#define MR_SNDBUF	(1 << 20)
#define MR_RCVBUF	(4 << 20)

/*
 * The socket object (128 KiB of buffers) is a mapping of its own, not
 * malloc's: a process that adds one route then never sets up malloc (its
 * code pages, getrandom, brk), and of the zero pages only those written
 * are touched (a page fault each, which a one-route process pays for:
 * user-mode Linux traps every one)
 */
MR_HOT
int mr_sock_alloc(struct mplsroute_sock **sp, const struct mr_transport *tp)
{
	struct mplsroute_sock *s;

	s = mr_obj_alloc(sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->tp = tp;
	s->fd = -1;
	/* any start will do (a socket's seqs are its own): no time() call,
	 * a system call where there is no vDSO (user-mode Linux) */
	s->seq = (uint32_t)((uintptr_t)s >> 4);
	s->nack_seq = s->seq + 1;
	*sp = s;
	return 0;
}

/* copy the NLMSGERR_ATTR_MSG among the TLVs at @p (@len bytes) to errmsg */
static void sock_parse_tlvs(struct mplsroute_sock *s, const char *p,
			    size_t len)
{
	const struct nlattr *a;
	size_t alen, n;

	while (mr_attr_ok(p, len)) {
		a = (const struct nlattr *)p;
		alen = a->nla_len;
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG) {
			n = strnlen(p + sizeof(*a), alen - sizeof(*a));
			if (n >= sizeof(s->errmsg))
				n = sizeof(s->errmsg) - 1;
			memcpy(s->errmsg, p + sizeof(*a), n);
			s->errmsg[n] = '\0';
			while (n > 0 && s->errmsg[n - 1] == '\n')
				s->errmsg[--n] = '\0';
		}
		p = mr_attr_next(p, &len);
	}
}

/* the kernel's errors are -1..-4095; anything else is not one (-EPROTO) */
static int sock_errno(int32_t err)
{
	if (err == 0 || (err < 0 && err >= -4095))
		return err;
	return -EPROTO;
}

/* the error of an NLMSG_ERROR or NLMSG_DONE, its extack text to s->errmsg */
MR_HOT
int mr_sock_parse_error(struct mplsroute_sock *s, const struct nlmsghdr *nlh)
{
	const char *pl = (const char *)nlh + NLMSG_HDRLEN;
	size_t plen, off;
	int err;

	s->errmsg[0] = '\0';
	if (nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(int))
		return nlh->nlmsg_type == NLMSG_DONE ? 0 : -EBADMSG;
	plen = nlh->nlmsg_len - NLMSG_HDRLEN;
	memcpy(&err, pl, sizeof(err));
	err = sock_errno(err);
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return err;
	off = sizeof(int);
	if (nlh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsghdr *orig;

		if (plen < sizeof(struct nlmsgerr))
			return err;
		orig = (const struct nlmsghdr *)(pl + sizeof(int));
		if (nlh->nlmsg_flags & NLM_F_CAPPED)
			off += NLMSG_HDRLEN;
		else
			off += ((size_t)orig->nlmsg_len + 3) & ~(size_t)3;
	}
	if (off < plen)
		sock_parse_tlvs(s, pl + off, plen - off);
	return err;
}

MR_HOT
uint32_t mr_sock_stamp(struct mplsroute_sock *s, void *buf, size_t len)
{
	struct nlmsghdr *nlh = buf;
	uint32_t first = s->seq + 1;

	while (mr_nlmsg_ok(nlh, len)) {
		nlh->nlmsg_seq = ++s->seq;
		nlh->nlmsg_pid = 0;
		nlh = mr_nlmsg_next(nlh, &len);
	}
	return first;
}

/* ---- the kernel transport ---------------------------------------------- */

MR_HOT
static int kern_send(struct mplsroute_sock *s, const void *buf, size_t len)
{
	static const struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	ssize_t n = sendto(s->fd, buf, len, 0, (const struct sockaddr *)&kernel,
			   sizeof(kernel));

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

MR_HOT
static ssize_t kern_recv(struct mplsroute_sock *s, void *buf, size_t len,
			 int flags)
{
	struct sockaddr_nl addr;
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = {
		.msg_name = &addr, .msg_namelen = sizeof(addr),
		.msg_iov = &iov, .msg_iovlen = 1,
	};
	ssize_t n;

	for (;;) {
		msg.msg_namelen = sizeof(addr);
		n = recvmsg(s->fd, &msg,
			    (flags & MR_RECV_NONBLOCK ? MSG_DONTWAIT : 0) |
			    (flags & MR_RECV_PEEK ? MSG_PEEK : 0));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno == EWOULDBLOCK ? -EAGAIN : -errno;
		}
		if (msg.msg_flags & MSG_TRUNC)
			return -ENOSPC;
		if (msg.msg_namelen == sizeof(addr) && addr.nl_pid == 0)
			return n;
		/* not from the kernel: ignore it (dropping a peeked one) */
		if (flags & MR_RECV_PEEK)
			recv(s->fd, buf, 0, MSG_DONTWAIT);
	}
}

static int kern_recv_many(struct mplsroute_sock *s, char *buf, unsigned n,
			  size_t sz, ssize_t *len)
{
	struct mmsghdr mv[n];
	struct iovec iov[n];
	struct sockaddr_nl addr[n];
	unsigned i, k = 0;
	int got;

	for (i = 0; i < n; i++) {
		iov[i].iov_base = buf + i * sz;
		iov[i].iov_len = sz;
		memset(&mv[i], 0, sizeof(mv[i]));
		mv[i].msg_hdr.msg_name = &addr[i];
		mv[i].msg_hdr.msg_namelen = sizeof(addr[i]);
		mv[i].msg_hdr.msg_iov = &iov[i];
		mv[i].msg_hdr.msg_iovlen = 1;
	}
	do {
		got = recvmmsg(s->fd, mv, n,
			       MSG_WAITFORONE, NULL);
	} while (got < 0 && errno == EINTR);
	if (got < 0)
		return -errno;
	for (i = 0; i < (unsigned)got; i++) {
		if (mv[i].msg_hdr.msg_flags & MSG_TRUNC)
			return -ENOSPC;
		if (addr[i].nl_pid != 0)
			continue;	/* not from the kernel */
		if (k != i)
			memmove(buf + k * sz, buf + i * sz, mv[i].msg_len);
		len[k++] = mv[i].msg_len;
	}
	return (int)k;
}

MR_HOT
static void kern_close(struct mplsroute_sock *s)
{
	if (s->fd >= 0)
		close(s->fd);
}

static const struct mr_transport kern_transport = {
	.send = kern_send,
	.recv = kern_recv,
	.recv_many = kern_recv_many,
	.close = kern_close,
};

/*
 * What many messages in flight need: capped ACKs and big buffers (forced
 * when root).  Done once, by the first batch, dump or multi-message send,
 * so that a single request costs no system call it does not need.
 */
void mr_sock_grow(struct mplsroute_sock *s)
{
	int fd, one = 1, sz;
	socklen_t l = sizeof(sz);

	if (s->grown || s->fd < 0)
		return;
	s->grown = 1;
	fd = s->fd;
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	sz = MR_SNDBUF;
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sz, sizeof(sz)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	sz = MR_RCVBUF;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, &l) == 0)
		s->rcvbuf = sz;
}

/*
 * The socket is bound by the kernel at its first send (autobind), which
 * saves bind() and libmnl's getsockname(); nothing here needs the port id.
 * A plain socket, not libmnl's mnl_socket_open(), which would calloc() the
 * first heap block of a one-route process (libmnl builds the messages).
 */
MR_HOT
MR_EXPORT int mplsroute_sock_open(struct mplsroute_sock **sp)
{
	struct mplsroute_sock *s = NULL;
	int ret, one = 1;

	ret = mr_sock_alloc(&s, &kern_transport);
	if (ret < 0)
		return ret;
	s->fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (s->fd < 0) {
		ret = -errno;
		goto out;
	}
	setsockopt(s->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	*sp = s;
	return 0;
out:
	mplsroute_sock_close(s);
	return ret;
}

MR_HOT
MR_EXPORT void mplsroute_sock_close(struct mplsroute_sock *s)
{
	if (!s)
		return;
	if (s->tp && s->tp->close)
		s->tp->close(s);
	mr_obj_free(s, sizeof(*s));
}

/* ---- requests ------------------------------------------------------------ */

/*
 * One message for request @seq: > 0 go on, 0 the request is complete,
 * < 0 an error (the kernel's or the callback's).
 */
MR_HOT
static int sock_one(struct mplsroute_sock *s, const struct nlmsghdr *nlh,
		    unsigned reqflags, mplsroute_msg_cb cb, void *data)
{
	int ret;

	switch (nlh->nlmsg_type) {
	case NLMSG_NOOP:
	case NLMSG_OVERRUN:
		return 1;
	case NLMSG_ERROR:
	case NLMSG_DONE:
		return mr_sock_parse_error(s, nlh);
	}
	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		s->dump_intr = 1;
	if (cb) {
		ret = cb(nlh, data);
		if (ret < 0)
			return ret;
	}
	if (!(nlh->nlmsg_flags & NLM_F_MULTI) && !(reqflags & NLM_F_ACK))
		return 0;
	return 1;
}

/* receive until request @seq is complete */
MR_HOT
static int sock_wait(struct mplsroute_sock *s, uint32_t seq, unsigned reqflags,
		     mplsroute_msg_cb cb, void *data)
{
	const struct nlmsghdr *nlh;
	ssize_t n;
	size_t rest;
	int ret;

	for (;;) {
		n = s->tp->recv(s, s->rx, sizeof(s->rx), 0);
		if (n < 0)
			return (int)n;
		rest = (size_t)n;
		for (nlh = (const struct nlmsghdr *)s->rx;
		     mr_nlmsg_ok(nlh, rest);
		     nlh = mr_nlmsg_next(nlh, &rest)) {
			if (nlh->nlmsg_seq != seq)
				continue;
			ret = sock_one(s, nlh, reqflags, cb, data);
			if (ret <= 0)
				return ret;
		}
		if (rest)
			return -EBADMSG;	/* a broken or cut message */
	}
}

MR_HOT
MR_EXPORT int mplsroute_sock_request(struct mplsroute_sock *s,
				     struct nlmsghdr *nlh,
				     mplsroute_msg_cb cb, void *data)
{
	uint32_t seq;
	int ret;

	s->errmsg[0] = '\0';
	if (nlh->nlmsg_len > MR_SNDBUF / 2)
		return -EMSGSIZE;
	if (nlh->nlmsg_len < NLMSG_HDRLEN)
		return -EINVAL;
	nlh->nlmsg_flags |= NLM_F_REQUEST;
	if (nlh->nlmsg_len > MR_RXBUF_SIZE / 2)
		mr_sock_grow(s);	/* an error's echo: capped */
	seq = mr_sock_stamp(s, nlh, nlh->nlmsg_len);
	s->wait_seq = seq;
	ret = s->tp->send(s, nlh, nlh->nlmsg_len);
	if (ret < 0)
		return ret;
	return sock_wait(s, seq, nlh->nlmsg_flags, cb, data);
}

MR_HOT
MR_EXPORT int mplsroute_sock_talk(struct mplsroute_sock *s,
				  struct nlmsghdr *nlh,
				  char *errmsg, size_t errlen)
{
	int ret;

	if (nlh->nlmsg_flags & NLM_F_ACK)
		ret = mplsroute_sock_request(s, nlh, NULL, NULL);
	else
		ret = mplsroute_sock_send(s, nlh);
	if (errmsg && errlen) {
		strncpy(errmsg, ret < 0 ? s->errmsg : "", errlen - 1);
		errmsg[errlen - 1] = '\0';
	}
	return ret;
}

MR_EXPORT int mplsroute_sock_dump(struct mplsroute_sock *s,
				  struct nlmsghdr *req,
				  mplsroute_msg_cb cb, void *data)
{
	s->dump_intr = 0;
	mr_sock_grow(s);
	req->nlmsg_flags |= NLM_F_DUMP;
	return mplsroute_sock_request(s, req, cb, data);
}

MR_EXPORT int mplsroute_sock_send_buf(struct mplsroute_sock *s, void *buf,
				      size_t len)
{
	const struct nlmsghdr *nlh = buf;
	size_t rest = len;

	if (len > MR_SNDBUF / 2)
		return -EMSGSIZE;
	while (mr_nlmsg_ok(nlh, rest))
		nlh = mr_nlmsg_next(nlh, &rest);
	if (rest != 0 || len == 0)
		return -EINVAL;
	if (len > ((const struct nlmsghdr *)buf)->nlmsg_len)
		mr_sock_grow(s);	/* many in flight */
	mr_sock_stamp(s, buf, len);
	return s->tp->send(s, buf, len);
}

MR_EXPORT int mplsroute_sock_send(struct mplsroute_sock *s,
				  struct nlmsghdr *nlh)
{
	nlh->nlmsg_flags |= NLM_F_REQUEST;
	return mplsroute_sock_send_buf(s, nlh, nlh->nlmsg_len);
}

/*
 * A peeked datagram: 1 if it holds only NLMSG_ERRORs for seqs sent without
 * waiting (it is then ours to take), with *err the first error among them.
 */
static int sock_check_one(struct mplsroute_sock *s, ssize_t n, int *err)
{
	const struct nlmsghdr *nlh;
	size_t rest = (size_t)n;
	int e;

	*err = 0;
	for (nlh = (const struct nlmsghdr *)s->chk; mr_nlmsg_ok(nlh, rest);
	     nlh = mr_nlmsg_next(nlh, &rest)) {
		if (nlh->nlmsg_type != NLMSG_ERROR ||
		    nlh->nlmsg_seq == s->wait_seq ||
		    (int32_t)(nlh->nlmsg_seq - s->nack_seq) < 0 ||
		    (int32_t)(s->seq - nlh->nlmsg_seq) < 0)
			return 0;
		e = mr_sock_parse_error(s, nlh);
		if (e < 0 && *err == 0)
			*err = e;
	}
	return rest == 0;
}

/*
 * As iproute2's send-check: look at what is pending without taking it;
 * only errors (or ACKs) for the messages sent without waiting are taken.
 * Anything else (e.g. the rest of a dump being walked) stays queued.
 */
MR_EXPORT int mplsroute_sock_check(struct mplsroute_sock *s)
{
	ssize_t n;
	int ret = 0;

	s->errmsg[0] = '\0';
	for (;;) {
		n = s->tp->recv(s, s->chk, sizeof(s->chk),
				MR_RECV_NONBLOCK | MR_RECV_PEEK);
		if (n == -EAGAIN)
			break;
		if (n < 0) {
			ret = (int)n;
			break;
		}
		if (!sock_check_one(s, n, &ret))
			break;
		s->tp->recv(s, s->chk, sizeof(s->chk), MR_RECV_NONBLOCK);
		if (ret < 0)
			break;
	}
	return ret;
}

MR_EXPORT const char *mplsroute_sock_errmsg(const struct mplsroute_sock *s)
{
	return s->errmsg;
}

MR_EXPORT int mplsroute_sock_dump_interrupted(const struct mplsroute_sock *s)
{
	return s->dump_intr;
}

MR_HOT
MR_EXPORT int mplsroute_sock_fd(const struct mplsroute_sock *s)
{
	return s->fd;
}
