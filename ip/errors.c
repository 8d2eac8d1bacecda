/* errors.c: a grammar error value -> iproute2 4.4's stderr and exit code */
#include <stdio.h>
#include <string.h>

#include "ipmpls.h"

/* MPLSROUTE_STYLE_*: whose words the errors take (-compat) */
static int err_style;

IP_HOT
void ipmpls_errors_style(int style)
{
	err_style = style;
}

/*
 * iproute2 6.1's words where they differ from 4.4's: "any valid" for the
 * family of an address or prefix the words did not fix (4.4: "???"),
 * "need at least a destination address".
 */
static void err_reword_61(struct mplsroute_error *e)
{
	static const char unspec[] = "Error: ??? ", any[] = "Error: any valid ";
	size_t n = sizeof(unspec) - 1, m = sizeof(any) - 1;

	if ((e->kind == MPLSROUTE_ERR_ADDRESS ||
	     e->kind == MPLSROUTE_ERR_PREFIX) &&
	    strncmp(e->msg, unspec, n) == 0 &&
	    strlen(e->msg) + m - n < sizeof(e->msg)) {
		memmove(e->msg + m, e->msg + n, strlen(e->msg + n) + 1);
		memcpy(e->msg, any, m);
	} else if (strcmp(e->msg, "need at least destination address\n") == 0) {
		snprintf(e->msg, sizeof(e->msg),
			 "need at least a destination address\n");
	}
}

/*
 * 6.1 says more about a device of a nexthop that does not exist, and exits
 * 255 there: "Cannot find device" and "Error: cannot parse nexthop".
 * @argv: the route's words that gave @e.
 */
void ipmpls_error_compat(struct mplsroute_error *e, int argc, char **argv)
{
	int i;

	if (err_style != MPLSROUTE_STYLE_6_1 ||
	    e->kind != MPLSROUTE_ERR_NODEV || e->argi < 0 || e->argi > argc)
		return;
	for (i = 0; i < e->argi; i++) {
		if (strcmp(argv[i], "nexthop") != 0)
			continue;
		snprintf(e->msg, sizeof(e->msg), "Cannot find device \"%s\"\n"
			 "Error: cannot parse nexthop\n", argv[e->argi]);
		e->kind = MPLSROUTE_ERR_NEXTHOP;
		e->exits = 1;
		return;
	}
}

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
	struct mplsroute_error e61;

	if (e->kind == MPLSROUTE_ERR_USAGE) {
		iproute_usage(stderr);
	} else if (err_style == MPLSROUTE_STYLE_6_1) {
		e61 = *e;
		err_reword_61(&e61);
		fputs(e61.msg, stderr);
	} else {
		fputs(e->msg, stderr);
	}
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
