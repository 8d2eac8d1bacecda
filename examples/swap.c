/* examples/swap.c: a daemon's view of libmplsroute: add "100 as 110 via inet ADDR" */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <mplsroute.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif

/* usage: swap IN OUT ADDR [RECORD]: with RECORD, write the request there
 * (a replay socket) instead of sending it to the kernel */
int main(int argc, char **argv)
{
	static struct mplsroute_route rt;	/* large: keep it off the stack */
	struct mplsroute_sock *s = NULL;
	char buf[1024], err[256];
	int len, ret;

	if (argc < 4)
		return 255;
	mplsroute_route_init(&rt, RTM_NEWROUTE);
	rt.family = AF_MPLS;
	rt.dst_len = 20;
	rt.dst.family = AF_MPLS;
	if (mplsroute_labels_parse(&rt.dst.labels, argv[1]) < 0 ||
	    mplsroute_labels_parse(&rt.nh.newdst, argv[2]) < 0 ||
	    inet_pton(AF_INET, argv[3], rt.nh.via.data) != 1) {
		fprintf(stderr, "swap: bad label or address\n");
		return 1;
	}
	rt.nh.via.family = AF_INET;
	rt.nh.via.bytelen = 4;
	/* the attributes in the order `ip` would send them */
	mplsroute_route_add_attr(&rt, RTA_DST);
	mplsroute_route_add_attr(&rt, RTA_NEWDST);
	mplsroute_route_add_attr(&rt, RTA_VIA);
	mplsroute_route_finish(&rt, RTM_NEWROUTE);

	len = mplsroute_route_build(buf, sizeof(buf), &rt, RTM_NEWROUTE,
				    NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
	if (len < 0)
		return 1;
	ret = argc > 4 ? mplsroute_sock_open_replay(&s, argv[4], NULL)
		       : mplsroute_sock_open(&s);
	if (ret < 0) {
		fprintf(stderr, "swap: socket: %s\n", strerror(-ret));
		return 2;
	}
	ret = mplsroute_sock_talk(s, (struct nlmsghdr *)buf, err, sizeof(err));
	if (ret < 0)
		fprintf(stderr, "swap: %s\n", err[0] ? err : strerror(-ret));
	mplsroute_sock_close(s);
	return ret < 0 ? 2 : 0;
}
