/* selector.c: the SELECTOR words of route show/flush/save, through lib/ */
#include "ipmpls.h"
#include "utils.h"

int ipmpls_selector(struct ipmpls_ctx *ctx, int argc, char **argv,
		    struct mplsroute_filter *f, int *family)
{
	struct mplsroute_parse_opts o;
	struct mplsroute_error err;

	ipmpls_parse_opts(ctx, &o, 0);
	if (mplsroute_filter_parse_args(f, family, argc, argv, &o, &err) < 0)
		return ipmpls_parse_error(ctx, &err);
	return EXIT_OK;
}
