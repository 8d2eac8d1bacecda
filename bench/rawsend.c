/* rawsend.c: the benchmark's ceiling: N MPLS route adds packed back to back, no per-message wait */
/* usage: rawsend FIRST-LABEL N GATEWAY DEV [ack]  (ack: ask for ACKs and drain them per send) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif
#define CHUNK (256 << 10)

/* "route add L as L via inet GW dev DEV", the bytes ipmpls sends, no ACK */
static int want_ack;

static size_t put_route(char *buf, uint32_t label, uint32_t gw, uint32_t oif)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct rtmsg *rtm;
	uint32_t lse = htonl(label << 12 | 1 << 8);
	unsigned char via[6] = { AF_INET & 0xff, AF_INET >> 8 };

	memcpy(via + 2, &gw, 4);
	nlh->nlmsg_type = RTM_NEWROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL |
			   (want_ack ? NLM_F_ACK : 0);
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = AF_MPLS;
	rtm->rtm_dst_len = 20;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = RTPROT_BOOT;
	rtm->rtm_type = RTN_UNICAST;
	mnl_attr_put(nlh, RTA_DST, 4, &lse);
	mnl_attr_put(nlh, RTA_NEWDST, 4, &lse);
	mnl_attr_put(nlh, RTA_VIA, sizeof(via), via);
	mnl_attr_put_u32(nlh, RTA_OIF, oif);
	return NLMSG_ALIGN(nlh->nlmsg_len);
}

/* with ACKs: take @n of them, many datagrams per call; 0 or -1 */
static int drain(struct mnl_socket *nl, unsigned n)
{
	static char rx[128][256];
	struct mmsghdr mv[128];
	struct iovec iov[128];
	unsigned i, want;
	int got;

	while (n) {
		want = n < 128 ? n : 128;
		for (i = 0; i < want; i++) {
			iov[i].iov_base = rx[i];
			iov[i].iov_len = sizeof(rx[i]);
			memset(&mv[i], 0, sizeof(mv[i]));
			mv[i].msg_hdr.msg_iov = &iov[i];
			mv[i].msg_hdr.msg_iovlen = 1;
		}
		got = recvmmsg(mnl_socket_get_fd(nl), mv, want,
			       MSG_WAITFORONE, NULL);
		if (got <= 0)
			return -1;
		n -= got;
	}
	return 0;
}

/* send @len bytes holding @n messages; 0 or -1 */
static int flush_buf(struct mnl_socket *nl, char *buf, size_t len, unsigned n)
{
	if (mnl_socket_sendto(nl, buf, len) < 0) {
		perror("rawsend: send");
		return -1;
	}
	if (want_ack && drain(nl, n) < 0) {
		perror("rawsend: recv");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct mnl_socket *nl;
	static char buf[CHUNK];
	uint32_t first, n, i, gw, oif;
	size_t len = 0;
	unsigned inbuf = 0;
	int sz = 4 << 20;

	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: rawsend FIRST-LABEL N GATEWAY DEV [ack]\n");
		return 255;
	}
	want_ack = argc == 6 && strcmp(argv[5], "ack") == 0;
	first = strtoul(argv[1], NULL, 0);
	n = strtoul(argv[2], NULL, 0);
	if (inet_pton(AF_INET, argv[3], &gw) != 1 ||
	    !(oif = if_nametoindex(argv[4]))) {
		fprintf(stderr, "rawsend: bad gateway or device\n");
		return 1;
	}
	nl = mnl_socket_open(NETLINK_ROUTE);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("rawsend: socket");
		return 1;
	}
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_SNDBUFFORCE, &sz,
		   sizeof(sz));
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_RCVBUFFORCE, &sz,
		   sizeof(sz));
	for (i = 0; i < n; i++) {
		/* with ACKs: 1024 per send, as the receive buffer holds them */
		if (len + 128 > sizeof(buf) || (want_ack && inbuf == 1024)) {
			if (flush_buf(nl, buf, len, inbuf) < 0)
				return 1;
			len = 0;
			inbuf = 0;
		}
		len += put_route(buf + len, first + i, gw, oif);
		inbuf++;
	}
	if (len && flush_buf(nl, buf, len, inbuf) < 0)
		return 1;
	mnl_socket_close(nl);
	return 0;
}
