/* rawdump.c: the ceiling of `route show`: one AF_MPLS route dump, read and dropped */
/*
 * usage: rawdump
 * Sends one RTM_GETROUTE dump request for AF_MPLS and reads every message
 * until NLMSG_DONE: only the netlink headers are looked at (to find the
 * end), no route is decoded, nothing is written.  Exit 0 after NLMSG_DONE,
 * 1 on an error.  With -v: the number of routes on stdout (for checks).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif

/* the kernel fills a dump skb up to 32 KiB when the reader's buffer allows */
static char buf[64 << 10] __attribute__((aligned(4)));

/* walks one datagram; 1: NLMSG_DONE seen, 0: more to come, -1: error */
static int walk(ssize_t n, unsigned long *routes)
{
	struct nlmsghdr *h;

	for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
		if (h->nlmsg_type == NLMSG_DONE)
			return 1;
		if (h->nlmsg_type == NLMSG_ERROR)
			return -1;
		(*routes)++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct {
		struct nlmsghdr h;
		struct rtmsg r;
	} req = {
		.h = {
			.nlmsg_len = sizeof(req),
			.nlmsg_type = RTM_GETROUTE,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
			.nlmsg_seq = 1,
		},
		.r = { .rtm_family = AF_MPLS },
	};
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	unsigned long routes = 0;
	int fd, ret = 0;
	ssize_t n;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    send(fd, &req, sizeof(req), 0) < 0) {
		perror("rawdump");
		return 1;
	}
	while (ret == 0) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0) {
			perror("rawdump: recv");
			return 1;
		}
		ret = walk(n, &routes);
	}
	if (argc > 1 && strcmp(argv[1], "-v") == 0)
		printf("%lu\n", routes);
	close(fd);
	return ret < 0;
}
