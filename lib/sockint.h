/* sockint.h: the socket object and transports (sock.c, replay.c, batch.c) */
#ifndef MPLSROUTE_SOCKINT_H
#define MPLSROUTE_SOCKINT_H

#include <stdint.h>
#include <sys/types.h>
#include "internal.h"

#define MR_RXBUF_SIZE	65536	/* above the kernel's 32 KiB dump datagrams */
#define MR_ERRMSG_SIZE	256
#define MR_RECV_NONBLOCK	1
#define MR_RECV_PEEK		2

struct mplsroute_sock;

/* how bytes reach the kernel (or a recording) and come back */
struct mr_transport {
	/* send @len bytes of whole messages; 0 or -errno */
	int (*send)(struct mplsroute_sock *s, const void *buf, size_t len);
	/*
	 * receive one datagram from the kernel into @buf; returns its length,
	 * -EAGAIN when MR_RECV_NONBLOCK and nothing is pending, or -errno.
	 * MR_RECV_PEEK leaves the datagram queued.
	 */
	ssize_t (*recv)(struct mplsroute_sock *s, void *buf, size_t len,
			int flags);
	/*
	 * optional: receive up to @n datagrams (waiting for the first) into
	 * @n slots of @sz bytes at @buf, their lengths into @len; returns how
	 * many, or -errno
	 */
	int (*recv_many)(struct mplsroute_sock *s, char *buf, unsigned n,
			 size_t sz, ssize_t *len);
	void (*close)(struct mplsroute_sock *s);
};

struct mplsroute_sock {
	const struct mr_transport *tp;
	int fd;				/* the kernel's socket; -1: a replay */
	void *priv;			/* the transport's own state */
	uint32_t portid;
	uint32_t seq;			/* last seq given out */
	uint32_t nack_seq;		/* first seq sent without waiting */
	uint32_t wait_seq;		/* the request being waited for */
	int rcvbuf;			/* receive buffer the kernel granted */
	int grown;			/* mr_sock_grow done */
	int dump_intr;
	char errmsg[MR_ERRMSG_SIZE];
	/* the buffers last: mr_sock_alloc zeroes the fields before rx only */
	char rx[MR_RXBUF_SIZE];
	char chk[MR_RXBUF_SIZE];	/* sock_check's: rx may be in use */
};

/* sock.c: the common socket part that transports build on */
int mr_sock_alloc(struct mplsroute_sock **sp, const struct mr_transport *tp);
/* parse an NLMSG_ERROR: its error (<= 0), the extack text to s->errmsg */
int mr_sock_parse_error(struct mplsroute_sock *s, const struct nlmsghdr *nlh);
/* capped ACKs and big buffers, once (batches, dumps, many sends) */
void mr_sock_grow(struct mplsroute_sock *s);
/* stamp seq (and pid) on every message in buf; the first seq is returned */
uint32_t mr_sock_stamp(struct mplsroute_sock *s, void *buf, size_t len);

#endif
