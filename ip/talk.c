/* talk.c: sending a request, alone or into the batch pipeline; ip's errors */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/lwtunnel.h>
#include <libmnl/libmnl.h>

#include "ipmpls.h"
#include "ip_compat.h"

static int is_mpls_encap(const struct nlattr *a)
{
	return mnl_attr_get_type(a) == RTA_ENCAP_TYPE &&
	       mnl_attr_get_payload_len(a) >= sizeof(uint16_t) &&
	       mnl_attr_get_u16(a) == LWTUNNEL_ENCAP_MPLS;
}

/* 1 if the attributes at @a (@len bytes) hold RTA_ENCAP_TYPE MPLS */
static int attrs_have_mpls_encap(const struct nlattr *a, int len)
{
	while (mnl_attr_ok(a, len)) {
		if (is_mpls_encap(a))
			return 1;
		len -= MNL_ALIGN(a->nla_len);
		a = mnl_attr_next(a);
	}
	return 0;
}

/* whether a route request uses MPLS encap, here or in a nexthop */
static int req_has_mpls_encap(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;
	const struct rtnexthop *nh;
	int rest;

	mnl_attr_for_each(a, nlh, sizeof(struct rtmsg)) {
		if (is_mpls_encap(a))
			return 1;
		if (mnl_attr_get_type(a) != RTA_MULTIPATH)
			continue;
		nh = mnl_attr_get_payload(a);
		rest = mnl_attr_get_payload_len(a);
		while (rest >= (int)sizeof(*nh) &&
		       nh->rtnh_len >= sizeof(*nh) && nh->rtnh_len <= rest) {
			if (attrs_have_mpls_encap((const void *)RTNH_DATA(nh),
						  nh->rtnh_len - sizeof(*nh)))
				return 1;
			rest -= RTNH_ALIGN(nh->rtnh_len);
			nh = RTNH_NEXT(nh);
		}
	}
	return 0;
}

/* a plain line when the kernel lacks MPLS for what @req asked */
static void missing_mpls_hint(const struct nlmsghdr *req, int err)
{
	const struct rtmsg *rtm;

	if (err != -EAFNOSUPPORT && err != -EOPNOTSUPP &&
	    err != -EPROTONOSUPPORT)
		return;
	if (!req || req->nlmsg_len < NLMSG_HDRLEN + sizeof(*rtm) ||
	    req->nlmsg_type < RTM_NEWROUTE || req->nlmsg_type > RTM_GETROUTE)
		return;
	rtm = mnl_nlmsg_get_payload(req);
	if (rtm->rtm_family == AF_MPLS)
		fprintf(stderr, "This kernel has no MPLS routing: load the "
			"mpls_router module (CONFIG_MPLS_ROUTING).\n");
	else if (req_has_mpls_encap(req))
		fprintf(stderr, "This kernel has no MPLS encapsulation: load "
			"the mpls_iptunnel module (CONFIG_MPLS_IPTUNNEL).\n");
}

void ipmpls_kernel_error(const struct nlmsghdr *req, int err,
			 const char *errmsg)
{
	size_t n = errmsg ? strlen(errmsg) : 0;

	if (n)
		fprintf(stderr, "Error: %s%s\n", errmsg,
			errmsg[n - 1] == '.' ? "" : ".");
	else
		fprintf(stderr, "RTNETLINK answers: %s\n", strerror(-err));
	missing_mpls_hint(req, err);
}

int ipmpls_dump_failed(struct ipmpls_ctx *ctx, int ret, const char *what)
{
	if (ret == -ENOBUFS)
		fprintf(stderr, "netlink receive error %s (%d)\n",
			strerror(-ret), -ret);
	else if (ret != -ECANCELED)
		ipmpls_kernel_error(NULL, ret,
				    mplsroute_sock_errmsg(ctx->sock));
	fprintf(stderr, "%s terminated\n", what);
	return EXIT_BADARG;
}

void ipmpls_dump_intr(struct ipmpls_ctx *ctx, int ret)
{
	if (ret == 0 && mplsroute_sock_dump_interrupted(ctx->sock))
		fprintf(stderr,
			"Dump was interrupted and may be inconsistent.\n");
}

/*
 * Into the batch: the result is reported later, by the batch's callback.
 * An add the kernel is sure to refuse goes alone, after the window, and is
 * answered before the next line is read.
 */
int ipmpls_batch_queue(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh,
		       int alone)
{
	int ret;

	if (alone)
		mplsroute_batch_flush(ctx->batch);
	ret = mplsroute_batch_add(ctx->batch, nlh,
				  (unsigned long)ctx->batch_line);
	if (ret == 0 && alone)
		ret = mplsroute_batch_flush(ctx->batch);
	if (ret == 0 || ret == -ECANCELED)
		return EXIT_OK;
	if (ret < 0 && alone && mplsroute_batch_failures(ctx->batch))
		return EXIT_OK;	/* the kernel's refusal, reported */
	/* an earlier line's refusal is told first, and stops the batch */
	mplsroute_batch_flush(ctx->batch);
	if (!ctx->opts->force && mplsroute_batch_failures(ctx->batch))
		return EXIT_OK;
	ipmpls_kernel_error(nlh, ret, "");
	return EXIT_KERNEL;
}

int ipmpls_batch_talk(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh)
{
	return ipmpls_batch_queue(ctx, nlh, ipmpls_foresee_refusal(ctx, nlh));
}

IP_HOT
int ipmpls_talk(struct ipmpls_ctx *ctx, struct nlmsghdr *nlh)
{
	char errmsg[256];
	int ret;

	if (ctx->batch)
		return ipmpls_batch_talk(ctx, nlh);
	ret = mplsroute_sock_talk(ctx->sock, nlh, errmsg, sizeof(errmsg));
	if (ret == 0)
		return EXIT_OK;
	ipmpls_kernel_error(nlh, ret, errmsg);
	return EXIT_KERNEL;
}
