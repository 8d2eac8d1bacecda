/* print_route.c: one route printed with the run's options (-o -d -s -j) */
#include <stdio.h>

#include "ipmpls.h"
#include "utils.h"

int ipmpls_print_route(struct ipmpls_ctx *ctx, struct mplsroute_json *json,
		       const struct mplsroute_route *rt, unsigned hide,
		       int deleted)
{
	struct mplsroute_print_opts o = { 0 };

	o.oneline = ctx->opts->oneline;
	o.details = ctx->opts->details;
	o.stats = ctx->opts->stats;
	o.ifname = ipmpls_ifname;
	o.ifname_data = ctx;
	o.hide = hide;
	o.deleted = deleted;
	if (json)
		return mplsroute_route_print_json(json, rt, &o);
	return mplsroute_route_print_style(stdout, rt, &o, ctx->opts->style);
}
