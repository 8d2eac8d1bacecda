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
	struct mplsroute_route *rt;	/* each message's decoding */
	int hide_family;	/* the family of hide (filter_hide's) */
	unsigned int hide;
	int plain;	/* text, no selector: plain routes skip the decoding */
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

/*
 * A message of the dump: decoded, selected and printed; with no selector,
 * once a route of its family has printed (hide known), a plain route is
 * printed straight from the message (all of them pass that selector).
 */
static int show_msg(const struct nlmsghdr *nlh, void *data)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	struct show *s = data;

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	if (s->plain && nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(*rtm)) &&
	    rtm->rtm_family == s->hide_family &&
	    ipmpls_print_msg(s->ctx, nlh, s->hide, 0))
		return 0;
	if (mplsroute_route_decode(nlh, s->rt) < 0)
		return show_route(nlh, NULL, s);
	return show_route(nlh, s->rt, s);
}

/* 1 if @f is the selector of a bare `route show` */
static int plain_selector(const struct mplsroute_filter *f)
{
	struct mplsroute_filter d;

	mplsroute_filter_init(&d);
	return !memcmp(f, &d, sizeof(d));
}

/* the dump (4.4's rtnl_wilddump_request), each message to show_msg */
static int route_dump(struct ipmpls_ctx *ctx, struct show *s)
{
	union {
		struct nlmsghdr nlh;
		char buf[64];
	} req;
	int ret;

	ret = mplsroute_route_dump_request(req.buf, sizeof(req.buf),
					   s->family);
	if (ret < 0)
		return ret;
	return mplsroute_sock_dump(ctx->sock, &req.nlh, show_msg, s);
}

static int cache_dump(struct ipmpls_ctx *ctx, struct show *s)
{
	union {
		struct nlmsghdr nlh;
		char buf[64];
	} req;
	struct rtmsg *r;

	memset(&req, 0, sizeof(req));
	req.nlh.nlmsg_len = NLMSG_LENGTH(sizeof(*r));
	req.nlh.nlmsg_type = RTM_GETROUTE;
	req.nlh.nlmsg_flags = NLM_F_ROOT | NLM_F_REQUEST;
	r = NLMSG_DATA(&req.nlh);
	r->rtm_family = (unsigned char)s->family;
	r->rtm_flags = RTM_F_CLONED;
	return mplsroute_sock_request(ctx->sock, &req.nlh, show_msg, s);
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
	s->plain = !s->save && !s->json && plain_selector(&s->f);
	s->rt = mplsroute_route_new();
	if (!s->rt)
		ret = -ENOMEM;
	else if (s->f.cloned)
		ret = cache_dump(ctx, s);
	else
		ret = route_dump(ctx, s);
	mplsroute_route_free(s->rt);
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
