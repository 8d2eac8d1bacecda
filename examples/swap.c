/* examples/swap.c: a daemon's view of libmplsroute: add "IN as OUT via inet ADDR" */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mplsroute.h>

/* usage: swap IN OUT ADDR [RECORD]: with RECORD, write the request there
 * (a replay socket) instead of sending it to the kernel */
int main(int argc, char **argv)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	struct mplsroute_addr via = { .family = AF_INET };
	struct mplsroute_labels out;
	struct mplsroute_sock *s;
	int ret;

	if (argc < 4 || !rt)
		return 255;
	if (mplsroute_route_set_label(rt, strtoul(argv[1], NULL, 0)) < 0 ||
	    mplsroute_labels_parse(&out, argv[2]) < 0 ||
	    mplsroute_nexthop_set_newdst(mplsroute_route_path(rt), &out) < 0 ||
	    inet_pton(AF_INET, argv[3], via.data) != 1 ||
	    mplsroute_nexthop_set_via(mplsroute_route_path(rt), &via) < 0) {
		fprintf(stderr, "swap: bad label or address\n");
		return 1;
	}
	ret = argc > 4 ? mplsroute_sock_open_replay(&s, argv[4], NULL)
		       : mplsroute_sock_open(&s);
	if (ret == 0) {
		ret = mplsroute_route_add(s, rt);
		if (ret < 0 && *mplsroute_sock_errmsg(s))
			fprintf(stderr, "swap: %s\n", mplsroute_sock_errmsg(s));
		mplsroute_sock_close(s);
	}
	if (ret < 0)
		fprintf(stderr, "swap: %s\n", strerror(-ret));
	mplsroute_route_free(rt);
	return ret < 0 ? 2 : 0;
}
