/* iproute_get.c: route get, as iproute2 4.4 does (and `connected`) */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "ipmpls.h"
#include "utils.h"

#define GET_REQ_SIZE	1024	/* 4.4's request buffer */

static int get_print(const struct nlmsghdr *nlh, void *data)
{
	struct ipmpls_ctx *ctx = data;
	struct mplsroute_route *rt;
	struct mplsroute_json j;
	int ret;

	if (nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE)
		return 0;
	rt = mplsroute_route_new();
	if (!rt)
		return -ENOMEM;
	ret = mplsroute_route_decode(nlh, rt);
	if (ret == 0 && ctx->opts->json) {
		mplsroute_json_open(&j, stdout, ctx->opts->pretty);
		ipmpls_print_route(ctx, &j, rt, 0, 0);
		mplsroute_json_close(&j);
	} else if (ret == 0) {
		ipmpls_print_route(ctx, NULL, rt, 0, 0);
	}
	if (ret == 0)
		fflush(stdout);
	mplsroute_route_free(rt);
	return ret < 0 ? -ECANCELED : 0;
}

/* what the first lookup of `get ... connected` answered (4.4 reuses it) */
struct get_answer {
	struct ipmpls_ctx *ctx;
	size_t size;
	char *buf;
};

static int get_keep(const struct nlmsghdr *nlh, void *data)
{
	struct get_answer *a = data;
	size_t len = nlh->nlmsg_len < a->size ? nlh->nlmsg_len : a->size;

	memcpy(a->buf, nlh, len);
	((struct nlmsghdr *)a->buf)->nlmsg_len = (uint32_t)len;
	return get_print(nlh, a->ctx);
}

/*
 * 4.4's `connected`: the answer becomes the next question, its preferred
 * source as RTA_SRC, its gateway (and output/input device unless given)
 * blanked to type 0.  0 or the exit code.
 */
static int get_reask(const struct mplsroute_get_info *gi, struct nlmsghdr *nlh)
{
	struct rtmsg *r = mnl_nlmsg_get_payload(nlh);
	struct nlattr *a, *prefsrc = NULL, *src = NULL, *oif = NULL;
	struct nlattr *gw = NULL, *iif = NULL;

	if (nlh->nlmsg_type != RTM_NEWROUTE) {
		fprintf(stderr, "Not a route?\n");
		return EXIT_BADARG;
	}
	mnl_attr_for_each(a, nlh, sizeof(*r)) {
		switch (mnl_attr_get_type(a)) {
		case RTA_PREFSRC: prefsrc = a; break;
		case RTA_SRC: src = a; break;
		case RTA_OIF: oif = a; break;
		case RTA_GATEWAY: gw = a; break;
		case RTA_IIF: iif = a; break;
		}
	}
	if (prefsrc) {
		prefsrc->nla_type = RTA_SRC;
		r->rtm_src_len = (unsigned char)(8 *
					mnl_attr_get_payload_len(prefsrc));
	} else if (!src) {
		fprintf(stderr, "Failed to connect the route\n");
		return EXIT_BADARG;
	}
	if (!gi->oif && oif)
		oif->nla_type = 0;
	if (gw)
		gw->nla_type = 0;
	if (!gi->iif && iif)
		iif->nla_type = 0;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nlh->nlmsg_type = RTM_GETROUTE;
	return 0;
}

/* the kernel refused @req: its words, and a hint when MPLS is missing */
static int get_failed(struct ipmpls_ctx *ctx, const struct nlmsghdr *req,
		      int ret)
{
	if (ret == -ECANCELED || ret == -ENOMEM) {
		fprintf(stderr, "An error :-)\n");
		return EXIT_BADARG;
	}
	ipmpls_kernel_error(req, ret, mplsroute_sock_errmsg(ctx->sock));
	return EXIT_KERNEL;
}

/* the lookup, twice for `connected` without `from` */
static int get_talk(struct ipmpls_ctx *ctx, struct nlmsghdr *req,
		    const struct mplsroute_get_info *gi)
{
	char ans[GET_REQ_SIZE + 32] __attribute__((aligned(4)));
	struct get_answer a = { .ctx = ctx, .size = sizeof(ans), .buf = ans };
	struct nlmsghdr *nlh = (struct nlmsghdr *)ans;
	int ret;

	if (!gi->connected || gi->from) {
		ret = mplsroute_sock_request(ctx->sock, req, get_print, ctx);
		return ret < 0 ? get_failed(ctx, req, ret) : EXIT_OK;
	}
	memset(ans, 0, sizeof(ans));
	ret = mplsroute_sock_request(ctx->sock, req, get_keep, &a);
	if (ret < 0)
		return get_failed(ctx, req, ret);
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtmsg)))
		return EXIT_BADARG;
	ret = get_reask(gi, nlh);
	if (ret)
		return ret;
	ret = mplsroute_sock_request(ctx->sock, nlh, get_print, ctx);
	return ret < 0 ? get_failed(ctx, nlh, ret) : EXIT_OK;
}

int iproute_get(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	char req[GET_REQ_SIZE] __attribute__((aligned(4)));
	struct mplsroute_get_info gi;
	struct mplsroute_parse_opts o;
	struct mplsroute_error err;
	int ret;

	ipmpls_parse_opts(ctx, &o, RTM_GETROUTE);
	ret = mplsroute_get_parse_args(req, sizeof(req), &gi, argc, argv, &o,
				       &err);
	if (ret < 0)
		return ipmpls_parse_error(ctx, &err);
	return get_talk(ctx, (struct nlmsghdr *)req, &gi);
}
