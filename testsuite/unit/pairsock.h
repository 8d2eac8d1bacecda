/* pairsock.h: a socket whose "kernel" is a socketpair's peer (tests, fuzz) */
#ifndef UNIT_PAIRSOCK_H
#define UNIT_PAIRSOCK_H

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include "sockint.h"

/*
 * The library's end of an AF_UNIX SOCK_SEQPACKET pair (datagrams keep their
 * bounds, as netlink's).  The test's end reads the requests and writes the
 * answers: any bytes at all.  Each wait for an answer gives up after
 * timeout_ms with -ETIMEDOUT: an answer that never comes is no hang.
 */
struct pairsock {
	int fd;
	int timeout_ms;
};

static int pair_send(struct mplsroute_sock *s, const void *buf, size_t len)
{
	struct pairsock *p = s->priv;
	ssize_t n = send(p->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);

	if (n < 0)
		return errno == EAGAIN ? 0 : -errno;	/* peer not reading */
	return (size_t)n == len ? 0 : -EIO;
}

static ssize_t pair_recv(struct mplsroute_sock *s, void *buf, size_t len,
			 int flags)
{
	struct pairsock *p = s->priv;
	struct pollfd pf = { .fd = p->fd, .events = POLLIN };
	ssize_t n;
	int r;

	r = poll(&pf, 1, flags & MR_RECV_NONBLOCK ? 0 : p->timeout_ms);
	if (r < 0)
		return -errno;
	if (r == 0)
		return flags & MR_RECV_NONBLOCK ? -EAGAIN : -ETIMEDOUT;
	do {
		n = recv(p->fd, buf, len, MSG_DONTWAIT | MSG_TRUNC |
			 (flags & MR_RECV_PEEK ? MSG_PEEK : 0));
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return errno == EWOULDBLOCK ? -EAGAIN : -errno;
	if (n == 0)
		return -ECONNRESET;
	return (size_t)n > len ? -ENOSPC : n;
}

static void pair_close(struct mplsroute_sock *s)
{
	struct pairsock *p = s->priv;

	if (p) {
		close(p->fd);
		free(p);
	}
}

static const struct mr_transport pair_transport = {
	.send = pair_send,
	.recv = pair_recv,
	.close = pair_close,
};

/*
 * pair_open - a socket on one end of a new pair, its next seq @seq + 1;
 * the other end to *@peer.  Returns the socket, NULL on failure.
 */
static inline struct mplsroute_sock *pair_open(int *peer, uint32_t seq,
					       int timeout_ms)
{
	struct mplsroute_sock *s = NULL;
	struct pairsock *p;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) < 0)
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p || mr_sock_alloc(&s, &pair_transport) < 0) {
		free(p);
		close(sv[0]);
		close(sv[1]);
		return NULL;
	}
	p->fd = sv[0];
	p->timeout_ms = timeout_ms;
	s->priv = p;
	s->portid = 0x4d53;
	s->rcvbuf = 1 << 20;
	s->seq = seq;
	s->nack_seq = seq + 1;
	*peer = sv[1];
	return s;
}

/* pair_put - one datagram of @len bytes from the "kernel"; 0 or -1 */
static inline int pair_put(int peer, const void *buf, size_t len)
{
	return send(peer, buf, len, MSG_NOSIGNAL) == (ssize_t)len ? 0 : -1;
}

#endif
