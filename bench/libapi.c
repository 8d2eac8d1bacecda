/* libapi.c: N label routes through libmplsroute's public API, batched */
/*
 * usage: libapi FIRST-LABEL N GATEWAY DEV
 * Installs "L as L via inet GATEWAY dev DEV" for L = FIRST .. FIRST+N-1, the
 * routes of `ipmpls -batch` in bench/guest.sh, the way a daemon would: one
 * route object, one batch (mplsroute_batch_open/_add/_flush), stop at the
 * first failure.  Exit 0 when every route was added.
 *
 * The route-building part is build_route() alone: the route setters
 * and mplsroute_batch_add_route.
 * With LIBAPI_RECORD=FILE in the environment the requests go to a replay
 * socket recording into FILE instead of the kernel (for callgrind: the
 * library's instructions per route, without a kernel).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include <mplsroute.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif

/* what every route shares */
struct job {
	struct mplsroute_addr via;
	uint32_t oif;
	unsigned long failed;
};

/* ---- building (0.2 API): one label route, queued on @b ---- */
static int build_route(struct mplsroute_batch *b, struct mplsroute_route *rt,
		       const struct job *j, uint32_t label)
{
	struct mplsroute_labels out = { .n = 1, .label = { label } };
	struct mplsroute_nexthop *nh;

	mplsroute_route_reset(rt);
	mplsroute_route_set_label(rt, label);
	nh = mplsroute_route_path(rt);
	mplsroute_nexthop_set_newdst(nh, &out);
	mplsroute_nexthop_set_via(nh, &j->via);
	mplsroute_nexthop_set_oif(nh, j->oif);
	return mplsroute_batch_add_route(b, rt, MPLSROUTE_OP_ADD, label);
}
/* ---- end of building ---- */

static void report(const struct nlmsghdr *req, int err, const char *errmsg,
		   unsigned long cookie, void *data)
{
	struct job *j = data;

	(void)req;
	if (err == 0)
		return;
	j->failed++;
	if (err != -ECANCELED)
		fprintf(stderr, "libapi: label %lu: %s\n", cookie,
			*errmsg ? errmsg : strerror(-err));
}

static int run(struct job *j, uint32_t first, uint32_t n)
{
	struct mplsroute_sock *s = NULL;
	struct mplsroute_batch *b = NULL;
	struct mplsroute_route *rt = mplsroute_route_new();
	const char *record = getenv("LIBAPI_RECORD");
	uint32_t i;
	int ret;

	if (!rt)
		ret = -ENOMEM;
	else if (record)
		ret = mplsroute_sock_open_replay(&s, record, NULL);
	else
		ret = mplsroute_sock_open(&s);
	if (ret == 0)
		ret = mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 0,
					   report, j);
	for (i = 0; ret == 0 && i < n; i++)
		ret = build_route(b, rt, j, first + i);
	if (b) {
		int fl = mplsroute_batch_flush(b);

		if (ret == 0)
			ret = fl;
	}
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
	mplsroute_route_free(rt);
	return ret;
}

int main(int argc, char **argv)
{
	struct job j = { .via = { .family = AF_INET, .bytelen = 4 } };
	uint32_t first, n;
	int ret;

	if (argc != 5) {
		fprintf(stderr, "usage: libapi FIRST-LABEL N GATEWAY DEV\n");
		return 255;
	}
	first = strtoul(argv[1], NULL, 0);
	n = strtoul(argv[2], NULL, 0);
	if (inet_pton(AF_INET, argv[3], j.via.data) != 1 ||
	    !(j.oif = if_nametoindex(argv[4]))) {
		fprintf(stderr, "libapi: bad gateway or device\n");
		return 1;
	}
	ret = run(&j, first, n);
	if (ret < 0 && ret != -ECANCELED)
		fprintf(stderr, "libapi: %s\n", strerror(-ret));
	return ret < 0 || j.failed ? 1 : 0;
}
