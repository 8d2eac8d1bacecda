/* print_route.c: one route printed with the run's options (-o -d -s -j) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ipmpls.h"
#include "utils.h"

/* as big as the stdout buffer of a dump (ipmpls_stdout_big) */
#define IPMPLS_OUTBUF	(64 << 10)

struct ipmpls_outbuf {
	struct mplsroute_print_opts o;	/* the run's, made once */
	size_t len;
	char buf[IPMPLS_OUTBUF];
};

static void opts_init(struct ipmpls_ctx *ctx, struct mplsroute_print_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->oneline = ctx->opts->oneline;
	o->details = ctx->opts->details;
	o->stats = ctx->opts->stats;
	o->ifname = ipmpls_ifname;
	o->ifname_data = ctx;
}

int ipmpls_out_begin(struct ipmpls_ctx *ctx)
{
	if (ctx->out || ipmpls_stdout_tty())
		return 0;
	ctx->out = malloc(sizeof(*ctx->out));
	if (!ctx->out)
		return -ENOMEM;
	ctx->out->len = 0;
	opts_init(ctx, &ctx->out->o);
	fflush(stdout);		/* what stdio holds goes first */
	return 0;
}

/*
 * The buffer straight to the file (stdio would copy it once more).  A
 * failed write is dropped, as stdio would drop it: `show`'s output errors
 * do not change its exit code (4.4's do not).
 */
static void out_write(struct ipmpls_outbuf *b)
{
	size_t done = 0;
	ssize_t n;

	while (done < b->len) {
		n = write(STDOUT_FILENO, b->buf + done, b->len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	b->len = 0;
}

void ipmpls_out_end(struct ipmpls_ctx *ctx)
{
	if (!ctx->out)
		return;
	out_write(ctx->out);
	free(ctx->out);
	ctx->out = NULL;
}

/* the route's text appended to the buffer; one too long for it is printed
 * alone after what came before */
static int out_route(struct ipmpls_outbuf *b, const struct mplsroute_route *rt,
		     const struct mplsroute_print_opts *o, int style)
{
	int n = mplsroute_route_format(b->buf + b->len, sizeof(b->buf) - b->len,
				       rt, o, style);

	if (n == -ENOSPC) {
		out_write(b);
		n = mplsroute_route_format(b->buf, sizeof(b->buf), rt, o,
					   style);
	}
	if (n == -ENOSPC) {	/* longer than the buffer: through stdio */
		n = mplsroute_route_print_style(stdout, rt, o, style);
		fflush(stdout);
		return n;
	}
	if (n < 0)
		return n;
	b->len += (size_t)n;
	return 0;
}

int ipmpls_print_route(struct ipmpls_ctx *ctx, struct mplsroute_json *json,
		       const struct mplsroute_route *rt, unsigned hide,
		       int deleted)
{
	struct mplsroute_print_opts o;

	if (ctx->out && !json) {
		ctx->out->o.hide = hide;
		ctx->out->o.deleted = deleted;
		return out_route(ctx->out, rt, &ctx->out->o,
				 ctx->opts->style);
	}
	opts_init(ctx, &o);
	o.hide = hide;
	o.deleted = deleted;
	if (json)
		return mplsroute_route_print_json(json, rt, &o);
	return mplsroute_route_print_style(stdout, rt, &o, ctx->opts->style);
}

/* the fast path's text into the dump's buffer, or through stdio */
int ipmpls_print_msg(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh,
		     unsigned hide, int deleted)
{
	struct ipmpls_outbuf *b = ctx->out;
	struct mplsroute_print_opts o;
	int style = ctx->opts->style;
	char t[4096];
	int n;

	if (style != MPLSROUTE_STYLE_4_4)
		return 0;
	if (b) {
		b->o.hide = hide;
		b->o.deleted = deleted;
		n = mplsroute_route_format_msg(b->buf + b->len,
					       sizeof(b->buf) - b->len, nlh,
					       &b->o, style);
		if (n == -ENOSPC) {
			out_write(b);
			n = mplsroute_route_format_msg(b->buf, sizeof(b->buf),
						       nlh, &b->o, style);
		}
		if (n < 0)
			return 0;
		b->len += (size_t)n;
		return 1;
	}
	opts_init(ctx, &o);
	o.hide = hide;
	o.deleted = deleted;
	n = mplsroute_route_format_msg(t, sizeof(t), nlh, &o, style);
	if (n < 0)
		return 0;
	fwrite(t, 1, (size_t)n, stdout);
	return 1;
}
