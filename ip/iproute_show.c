/* iproute_show.c: route list/show/lst and save: a dump, selected */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "ipmpls.h"
#include "utils.h"

/* one show (or save) pass over a dump */
struct show {
	struct ipmpls_ctx *ctx;
	struct mplsroute_filter f;
	int family;		/* what to dump */
	int save;		/* `route save`: the messages go to stdout */
	struct mplsroute_json *json;	/* -j: JSON instead of text */
	struct mplsroute_route *rt;	/* `show cache`: the decoding */
	int hide_family;	/* the family of hide (filter_hide's) */
	unsigned int hide;
};

/* a route of the dump: printed (or saved) when the selector takes it */
static int show_route(const struct nlmsghdr *nlh,
		      const struct mplsroute_route *rt, void *data)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	struct show *s = data;

	if (!rt)
		return 0;	/* not decodable: 4.4 would print garbage */
	if (s->family != AF_UNSPEC && rtm->rtm_family != s->family)
		return 0;	/* a kernel without this family dumps all */
	if (mplsroute_filter_match(&s->f, rt) != 1)
		return 0;
	if (s->save) {
		if (fwrite(nlh, 1, nlh->nlmsg_len, stdout) != nlh->nlmsg_len)
			return -ECANCELED;
		return 0;
	}
	if (rtm->rtm_family != s->hide_family) {	/* one value a family */
		s->hide = mplsroute_filter_hide(&s->f, rt);
		s->hide_family = rtm->rtm_family;
	}
	ipmpls_print_route(s->ctx, s->json, rt, s->hide, 0);
	return 0;
}

/* `show cache`: 4.4's rtnl_rtcache_request, an rtmsg with RTM_F_CLONED */
static int cache_msg(const struct nlmsghdr *nlh, void *data)
{
	struct show *s = data;

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	if (mplsroute_route_decode(nlh, s->rt) < 0)
		return show_route(nlh, NULL, s);
	return show_route(nlh, s->rt, s);
}

static int cache_dump(struct ipmpls_ctx *ctx, struct show *s)
{
	union {
		struct nlmsghdr nlh;
		char buf[64];
	} req;
	struct rtmsg *r;
	int ret;

	memset(&req, 0, sizeof(req));
	req.nlh.nlmsg_len = NLMSG_LENGTH(sizeof(*r));
	req.nlh.nlmsg_type = RTM_GETROUTE;
	req.nlh.nlmsg_flags = NLM_F_ROOT | NLM_F_REQUEST;
	r = NLMSG_DATA(&req.nlh);
	r->rtm_family = (unsigned char)s->family;
	r->rtm_flags = RTM_F_CLONED;
	s->rt = mplsroute_route_new();
	if (!s->rt)
		return -ENOMEM;
	ret = mplsroute_sock_request(ctx->sock, &req.nlh, cache_msg, s);
	mplsroute_route_free(s->rt);
	return ret;
}

/* the selected dump, shown or saved; 4.4 exits after it */
static int show_dump(struct ipmpls_ctx *ctx, struct show *s)
{
	struct mplsroute_json json;
	int ret;

	ctx->exits = 1;
	ipmpls_stdout_big();
	if (ctx->opts->json) {
		s->json = &json;
		mplsroute_json_open(&json, stdout, ctx->opts->pretty);
	} else if (!s->save) {
		ipmpls_out_begin(ctx);	/* -ENOMEM: route by route */
	}
	if (s->f.cloned)
		ret = cache_dump(ctx, s);
	else
		ret = mplsroute_route_dump(ctx->sock, s->family, show_route, s);
	ipmpls_out_end(ctx);
	if (s->json)
		mplsroute_json_close(&json);
	/* 4.4's save writes each message: a full disk ends it (show's
	 * errors on stdout, as 4.4's, do not count) */
	if ((fflush(stdout) != 0 || ferror(stdout)) && s->save && ret == 0)
		ret = -ECANCELED;
	ipmpls_dump_intr(ctx, ret);
	if (ret < 0)
		return ipmpls_dump_failed(ctx, ret, "Dump");
	return EXIT_OK;
}

int iproute_list(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct show s = { .ctx = ctx, .hide_family = -1 };
	int ret = ipmpls_selector(ctx, argc, argv, &s.f, &s.family);

	return ret ? ret : show_dump(ctx, &s);
}

int iproute_save(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct show s = { .ctx = ctx, .save = 1, .hide_family = -1 };
	int ret = iproute_save_prep();

	if (ret == 0)
		ret = ipmpls_selector(ctx, argc, argv, &s.f, &s.family);
	return ret ? ret : show_dump(ctx, &s);
}
