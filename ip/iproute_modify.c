/* iproute_modify.c: route add/change/replace/prepend/append/test/delete */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "ipmpls.h"
#include "utils.h"

#define ROUTE_MSG_SIZE	8192
/* a request on the stack: the common one fits (an 8 KiB frame would put
 * the functions below it on stack pages of their own: a page fault each) */
#define ROUTE_MSG_SMALL	1024

/* the request could not be built from a parsed route: say why */
static int build_failed(struct ipmpls_ctx *ctx, int ret)
{
	struct mplsroute_error err;
	char msg[128];

	snprintf(msg, sizeof(msg), "Error: cannot build the request: %s.\n",
		 strerror(-ret));
	mplsroute_error_set(&err, ret == -EMSGSIZE ? MPLSROUTE_ERR_TOO_LONG :
			    MPLSROUTE_ERR_CONTEXT, -1, NULL, msg);
	return ipmpls_parse_error(ctx, &err);
}

/* the request did not fit in ROUTE_MSG_SMALL bytes: again, in a big buffer */
static int modify_big(struct ipmpls_ctx *ctx, int cmd, unsigned flags)
{
	void *buf = malloc(ROUTE_MSG_SIZE);
	int ret;

	if (!buf) {
		fprintf(stderr, "Out of memory\n");
		return EXIT_BADARG;
	}
	ret = mplsroute_route_build(buf, ROUTE_MSG_SIZE, ctx->rt, cmd,
				    NLM_F_REQUEST | NLM_F_ACK | flags);
	if (ret < 0)
		ret = build_failed(ctx, ret);
	else
		ret = ipmpls_talk(ctx, buf);
	free(buf);
	return ret;
}

IP_HOT
int iproute_modify(struct ipmpls_ctx *ctx, int cmd, unsigned flags,
		   int argc, char **argv)
{
	char buf[ROUTE_MSG_SMALL] __attribute__((aligned(4)));
	struct mplsroute_parse_opts o;
	struct mplsroute_error err;
	int ret;

	if (!ctx->rt) {
		ctx->rt = mplsroute_route_new();
		if (!ctx->rt) {
			fprintf(stderr, "Out of memory\n");
			return EXIT_BADARG;
		}
	}
	if (ctx->nomemo)
		mplsroute_route_reset(ctx->rt);	/* the library forgets */
	ipmpls_parse_opts(ctx, &o, cmd);
	ret = mplsroute_route_parse_args(ctx->rt, argc, argv, &o, &err);
	if (ret < 0) {
		ipmpls_error_compat(&err, argc, argv);
		return ipmpls_parse_error(ctx, &err);
	}
	ret = mplsroute_route_build(buf, sizeof(buf), ctx->rt, cmd,
				    NLM_F_REQUEST | NLM_F_ACK | flags);
	if (ret == -EMSGSIZE)
		return modify_big(ctx, cmd, flags);
	if (ret < 0)
		return build_failed(ctx, ret);
	if (ctx->batch && cmd == RTM_NEWROUTE) {
		ctx->built_line = ctx->batch_line;
		ctx->built_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	}
	return ipmpls_talk(ctx, (struct nlmsghdr *)buf);
}
