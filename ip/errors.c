/* errors.c: a grammar error value -> iproute2 4.4's stderr and exit code */
#include <stdio.h>

#include "ipmpls.h"

int ipmpls_error_status(const struct mplsroute_error *e)
{
	switch (e->kind) {
	case MPLSROUTE_ERR_NONE:
		return EXIT_OK;
	case MPLSROUTE_ERR_INCOMPLETE:
	case MPLSROUTE_ERR_INVALID:
	case MPLSROUTE_ERR_DUPLICATE:
	case MPLSROUTE_ERR_USAGE:
	case MPLSROUTE_ERR_UNSUPPORTED:
	case MPLSROUTE_ERR_NEXTHOP:
		return EXIT_USAGE;	/* 4.4's exit(-1) */
	}
	return EXIT_BADARG;	/* addresses, devices, too many... */
}

int ipmpls_error(const struct mplsroute_error *e)
{
	if (e->kind == MPLSROUTE_ERR_USAGE)
		iproute_usage(stderr);
	else
		fputs(e->msg, stderr);
	return ipmpls_error_status(e);
}

int ipmpls_parse_error(struct ipmpls_ctx *ctx, const struct mplsroute_error *e)
{
	ctx->exits = e->exits;
	if (ctx->held) {
		*ctx->held = *e;
		return ipmpls_error_status(e);
	}
	return ipmpls_error(e);
}

int ipmpls_incomplete(void)
{
	struct mplsroute_error e;

	mplsroute_error_set(&e, MPLSROUTE_ERR_INCOMPLETE, -1, NULL, NULL);
	return ipmpls_error(&e);
}

int ipmpls_no_device(const char *name)
{
	struct mplsroute_error e;

	mplsroute_error_set(&e, MPLSROUTE_ERR_NODEV, -1, name, NULL);
	return ipmpls_error(&e);
}
