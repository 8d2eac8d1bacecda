/* rawflush.c: the ceiling of `route flush`: one dump, its routes deleted in big sends */
/*
 * usage: rawflush [ack]
 * Dumps the AF_MPLS routes once (RTM_GETROUTE) and turns every route
 * message into an RTM_DELROUTE request (the bytes `ipmpls route flush`
 * sends back), packed back to back into one 256 KiB buffer that is sent on
 * a second socket whenever it is full, while the dump goes on (as ipmpls
 * does: dumping first and deleting after was 1.2x-1.8x slower in the lab,
 * the copy of the whole table being paged in by UML).  With "ack" each
 * request asks for an ACK, 1024 requests per sendmsg, and the ACKs are
 * drained with recvmmsg after each send; without, the delete socket is
 * checked for an error at the end.  A failed delete is an error.  Nothing
 * is decoded beyond the netlink headers, nothing printed.  Exit 0 or 1.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif
#ifndef CHUNK
#define CHUNK (256 << 10)
#endif
#define ACK_WINDOW 1024

static int want_ack;
static char out[CHUNK] __attribute__((aligned(4)));
static size_t outlen;
static unsigned outn;
static unsigned long seq = 1;
static char rx[64 << 10] __attribute__((aligned(4)));

/* takes @n ACKs on @fd, many datagrams per call; 0 or -1 (also a failure) */
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
			if (h->nlmsg_type != NLMSG_ERROR ||
			    ((struct nlmsgerr *)NLMSG_DATA(h))->error)
				return -1;
		}
		n -= got;
	}
	return 0;
}

/* sends the queued deletes on @fd (and takes their ACKs); 0 or -1 */
static int send_out(int fd)
{
	if (outlen && send(fd, out, outlen, 0) != (ssize_t)outlen)
		return -1;
	if (want_ack && drain(fd, outn) < 0)
		return -1;
	outlen = 0;
	outn = 0;
	return 0;
}

/* queues a delete of the route in @h, to go on @fd; 0 or -1 */
static int queue(int fd, const struct nlmsghdr *h)
{
	struct nlmsghdr *d;
	size_t sz = NLMSG_ALIGN(h->nlmsg_len);

	if (outlen + sz > sizeof(out) || (want_ack && outn == ACK_WINDOW))
		if (send_out(fd) < 0)
			return -1;
	d = (struct nlmsghdr *)(out + outlen);
	memcpy(d, h, h->nlmsg_len);
	d->nlmsg_type = RTM_DELROUTE;
	d->nlmsg_flags = NLM_F_REQUEST | (want_ack ? NLM_F_ACK : 0);
	d->nlmsg_seq = ++seq;
	outlen += sz;
	outn++;
	return 0;
}

/* reads the dump on @dfd, deleting on @sfd as it goes; 0 or -1 */
static int run(int dfd, int sfd)
{
	struct nlmsghdr *h;
	ssize_t n;

	for (;;) {
		n = recv(dfd, rx, sizeof(rx), 0);
		if (n <= 0)
			return -1;
		for (h = (struct nlmsghdr *)rx; NLMSG_OK(h, n);
		     h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE)
				return send_out(sfd);
			if (h->nlmsg_type != RTM_NEWROUTE || queue(sfd, h) < 0)
				return -1;
		}
	}
}

/* a bound NETLINK_ROUTE socket with 4 MiB buffers, or -1 */
static int nl_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd, sz = 4 << 20;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz));
	return fd;
}

int main(int argc, char **argv)
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
	int dfd, sfd;

	want_ack = argc > 1 && strcmp(argv[1], "ack") == 0;
	dfd = nl_open();
	sfd = nl_open();
	if (dfd < 0 || sfd < 0) {
		perror("rawflush: socket");
		return 1;
	}
	if (send(dfd, &req, sizeof(req), 0) < 0 || run(dfd, sfd) < 0) {
		perror("rawflush");
		return 1;
	}
	/* without ACKs, only a failure answers */
	if (!want_ack && recv(sfd, rx, sizeof(rx), MSG_DONTWAIT) >= 0) {
		fprintf(stderr, "rawflush: a delete failed\n");
		return 1;
	}
	close(dfd);
	close(sfd);
	return 0;
}
