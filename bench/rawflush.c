/* rawflush.c: the ceiling of `route flush`: one dump, then deletes packed into big sends */
/*
 * usage: rawflush [ack]
 * Dumps the AF_MPLS routes once (RTM_GETROUTE), keeping every route message
 * as an RTM_DELROUTE request (the bytes `ipmpls route flush` sends back),
 * then sends them back to back, 256 KiB per sendmsg.  With "ack" each
 * request asks for an ACK (1024 requests per sendmsg, as the receive buffer
 * holds their ACKs) and the ACKs are drained with recvmmsg; a failed delete
 * is an error.  Nothing is decoded beyond the netlink headers, nothing
 * printed.  Exit 0 or 1.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif
#define CHUNK (256 << 10)
#define ACK_WINDOW 1024

static int want_ack;
static char rx[64 << 10] __attribute__((aligned(4)));

/* the deletes, back to back */
static struct {
	char *p;
	size_t len, cap;
	unsigned long n;
} del;

/* appends one route message as a delete; 0 or -1 */
static int keep(const struct nlmsghdr *h)
{
	struct nlmsghdr *d;
	size_t sz = NLMSG_ALIGN(h->nlmsg_len);

	if (del.len + sz > del.cap) {
		del.cap = del.cap ? del.cap * 2 : (1 << 20);
		del.p = realloc(del.p, del.cap);
		if (!del.p)
			return -1;
	}
	d = (struct nlmsghdr *)(del.p + del.len);
	memcpy(d, h, h->nlmsg_len);
	d->nlmsg_type = RTM_DELROUTE;
	d->nlmsg_flags = NLM_F_REQUEST | (want_ack ? NLM_F_ACK : 0);
	d->nlmsg_seq = del.n + 2;
	del.len += sz;
	del.n++;
	return 0;
}

/* reads the dump; 0 or -1 */
static int dump(int fd)
{
	struct {
		struct nlmsghdr h;
		struct rtmsg r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = RTM_GETROUTE,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		       .nlmsg_seq = 1 },
		.r = { .rtm_family = AF_MPLS },
	};
	struct nlmsghdr *h;
	ssize_t n;

	if (send(fd, &req, sizeof(req), 0) < 0)
		return -1;
	for (;;) {
		n = recv(fd, rx, sizeof(rx), 0);
		if (n <= 0)
			return -1;
		for (h = (struct nlmsghdr *)rx; NLMSG_OK(h, n);
		     h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE)
				return 0;
			if (h->nlmsg_type != RTM_NEWROUTE || keep(h) < 0)
				return -1;
		}
	}
}

/* takes @n ACKs, many datagrams per call; 0 or -1 (also for a failure) */
static int drain(int fd, unsigned n)
{
	static char ack[128][512];
	struct mmsghdr mv[128];
	struct iovec iov[128];
	struct nlmsghdr *h;
	unsigned i, want;
	int got;

	while (n) {
		want = n < 128 ? n : 128;
		memset(mv, 0, sizeof(mv[0]) * want);
		for (i = 0; i < want; i++) {
			iov[i].iov_base = ack[i];
			iov[i].iov_len = sizeof(ack[i]);
			mv[i].msg_hdr.msg_iov = &iov[i];
			mv[i].msg_hdr.msg_iovlen = 1;
		}
		got = recvmmsg(fd, mv, want, MSG_WAITFORONE, NULL);
		if (got <= 0)
			return -1;
		for (i = 0; i < (unsigned)got; i++) {
			h = (struct nlmsghdr *)ack[i];
			if (h->nlmsg_type == NLMSG_ERROR &&
			    ((struct nlmsgerr *)NLMSG_DATA(h))->error)
				return -1;
		}
		n -= got;
	}
	return 0;
}

/* sends the deletes; 0 or -1 */
static int send_all(int fd)
{
	size_t at = 0, len, sz;
	unsigned inbuf;
	struct nlmsghdr *h;

	while (at < del.len) {
		len = 0;
		inbuf = 0;
		while (at + len < del.len &&
		       (!want_ack || inbuf < ACK_WINDOW)) {
			h = (struct nlmsghdr *)(del.p + at + len);
			sz = NLMSG_ALIGN(h->nlmsg_len);
			if (len + sz > CHUNK)
				break;
			len += sz;
			inbuf++;
		}
		if (send(fd, del.p + at, len, 0) != (ssize_t)len)
			return -1;
		if (want_ack && drain(fd, inbuf) < 0)
			return -1;
		at += len;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd, sz = 4 << 20;

	want_ack = argc > 1 && strcmp(argv[1], "ack") == 0;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("rawflush: socket");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz));
	if (dump(fd) < 0) {
		perror("rawflush: dump");
		return 1;
	}
	if (send_all(fd) < 0) {
		perror("rawflush: delete");
		return 1;
	}
	free(del.p);
	close(fd);
	return 0;
}
