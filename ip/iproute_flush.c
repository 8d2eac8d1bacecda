/* iproute_flush.c: route flush, as iproute2 4.4 does (rounds of deletes) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "ipmpls.h"
#include "utils.h"

#define FLUSH_BUF	(64 << 10)	/* deletes per send (4.4: 3584 bytes) */
/*
 * 4.4 gives up when this long has passed since the flush began; a round
 * over a full label table can take longer on a slow machine, so here the
 * clock restarts with each round (a flush still ends when a round takes
 * longer than this, e.g. while routes keep coming back).
 */
#define FLUSH_SECS	30

/* one flush: the selector and the deletes waiting to be sent */
struct flush {
	struct ipmpls_ctx *ctx;
	struct mplsroute_filter f;
	int family;		/* what to dump */
	unsigned int flushed;	/* deletes queued this round */
	size_t flushp;		/* bytes waiting in flushb */
	int send_err;		/* a flush send failed */
	char *flushb;		/* FLUSH_BUF bytes, 4-aligned */
};

/*
 * Sends the queued deletes (4.4's flush_update); 0 or -errno.  During a
 * dump (@check 0) the kernel's errors cannot be read without eating the
 * dump's own messages: they are looked for once the dump is over.
 */
static int flush_send(struct flush *w, int check)
{
	int ret = 0;

	if (w->flushp)
		ret = mplsroute_sock_send_buf(w->ctx->sock, w->flushb,
					      w->flushp);
	if (ret == 0 && check)
		ret = mplsroute_sock_check(w->ctx->sock);
	w->flushp = 0;
	if (ret < 0) {
		fprintf(stderr, "Failed to send flush request: %s\n",
			strerror(-ret));
		w->send_err = 1;
	}
	return ret;
}

/* queues a delete of the route @nlh describes */
static int flush_queue(struct flush *w, const struct nlmsghdr *nlh)
{
	struct nlmsghdr *d;
	size_t at = (w->flushp + 3) & ~(size_t)3;

	if (nlh->nlmsg_len > FLUSH_BUF)
		return 0;
	if (at + nlh->nlmsg_len > FLUSH_BUF) {
		if (flush_send(w, 0) < 0)
			return -1;
		at = 0;
	}
	d = (struct nlmsghdr *)(w->flushb + at);
	memcpy(d, nlh, nlh->nlmsg_len);
	d->nlmsg_type = RTM_DELROUTE;
	d->nlmsg_flags = NLM_F_REQUEST;
	w->flushp = at + nlh->nlmsg_len;
	w->flushed++;
	return 0;
}

static int flush_route(const struct nlmsghdr *nlh,
		       const struct mplsroute_route *rt, void *data)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	struct flush *w = data;

	if (!rt)
		return 0;	/* not decodable */
	if (w->family != AF_UNSPEC && rtm->rtm_family != w->family)
		return 0;	/* a kernel without this family dumps all */
	if (mplsroute_filter_match(&w->f, rt) != 1)
		return 0;
	if (flush_queue(w, nlh) < 0)
		return -ECANCELED;
	if (w->ctx->opts->stats >= 2)
		ipmpls_print_route(w->ctx, NULL, rt,
				   mplsroute_filter_hide(&w->f, rt), 0);
	return 0;
}

/* 4.4's iproute_flush_cache: the IPv4 cache flush knob (errors told) */
static void flush_ipv4_cache(void)
{
	static const char path[] = "/proc/sys/net/ipv4/route/flush";
	FILE *f = fopen(path, "w");

	if (!f) {
		fprintf(stderr, "Cannot open \"%s\": %s\n", path,
			strerror(errno));
		return;
	}
	if (fputs("-1", f) < 0 || fclose(f) != 0)
		fprintf(stderr, "Cannot flush routing cache\n");
}

/* nothing (more) to delete: 4.4's last words with -s */
static int flush_done(struct flush *w, int round)
{
	int stats = w->ctx->opts->stats;

	if (stats && round == 0 && (!w->f.cloned || w->family == AF_INET6))
		printf("Nothing to flush.\n");
	else if (stats)
		printf("*** Flush is complete after %d round%s ***\n",
		       round, round > 1 ? "s" : "");
	fflush(stdout);
	return EXIT_OK;
}

static int do_flush(struct flush *w)
{
	struct ipmpls_ctx *ctx = w->ctx;
	int round = 0, ret, lost = 0;
	time_t start = time(NULL);

	for (;;) {
		w->flushed = 0;
		ret = mplsroute_route_dump(ctx->sock, w->family, flush_route,
					   w);
		ipmpls_dump_intr(ctx, ret);
		if (ret == -ENOBUFS && !w->send_err && ++lost < 10)
			continue;	/* messages lost: dump again */
		if (ret < 0) {
			ctx->exits = 1;
			return ipmpls_dump_failed(ctx, ret, "Flush");
		}
		if (w->flushed == 0)
			return flush_done(w, round);
		round++;
		if (flush_send(w, 1) < 0)
			return EXIT_BADARG;
		if (time(NULL) - start > FLUSH_SECS) {
			printf("\n*** Flush not completed after %ld seconds, %u entries remain ***\n",
			       (long)(time(NULL) - start), w->flushed);
			return EXIT_BADARG;
		}
		start = time(NULL);
		if (ctx->opts->stats) {
			printf("\n*** Round %d, deleting %u entries ***\n",
			       round, w->flushed);
			fflush(stdout);
		}
	}
}

int iproute_flush(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct flush w = { .ctx = ctx };
	int ret;

	if (argc <= 0) {
		fprintf(stderr, "\"ip route flush\" requires arguments.\n");
		return EXIT_BADARG;
	}
	ret = ipmpls_selector(ctx, argc, argv, &w.f, &w.family);
	if (ret)
		return ret;
	ctx->exits = 0;
	w.f.flush = 1;
	if (w.f.cloned && w.family != AF_INET6) {
		flush_ipv4_cache();
		if (ctx->opts->stats)
			printf("*** IPv4 routing cache is flushed.\n");
	}
	if (w.f.cloned && w.family == AF_INET)
		return EXIT_OK;
	w.flushb = aligned_alloc(4, FLUSH_BUF);
	if (!w.flushb) {
		fprintf(stderr, "Out of memory\n");
		return EXIT_BADARG;
	}
	ret = do_flush(&w);
	free(w.flushb);
	return ret;
}
