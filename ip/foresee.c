/* foresee.c: adds the kernel is sure to refuse, seen before they are sent */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/mpls_iptunnel.h>
#include <libmnl/libmnl.h>

#include "ipmpls.h"
#include "ip_compat.h"

#define LABEL_FIRST_UNRESERVED	16
#define LABEL_IMPLNULL		3

/*
 * net.mpls.platform_labels of the namespace we run in, read once (the batch
 * runs after the -n switch); 0 when there is no MPLS routing at all.
 */
static unsigned long platform_labels(struct ipmpls_ctx *ctx)
{
	unsigned long n = 0;
	FILE *f;

	if (ctx->platform_labels >= 0)
		return (unsigned long)ctx->platform_labels;
	ctx->platform_labels = 0;
	f = fopen("/proc/sys/net/mpls/platform_labels", "r");
	if (!f)
		return 0;
	if (fscanf(f, "%lu", &n) != 1)
		n = 0;
	fclose(f);
	ctx->platform_labels = (long)n;
	return n;
}

/* label stack entries at @a: 1 if one is the implicit null label */
static int has_implnull(const struct nlattr *a)
{
	const uint32_t *e = mnl_attr_get_payload(a);
	size_t i, n = mnl_attr_get_payload_len(a) / 4;

	for (i = 0; i < n; i++)
		if (ntohl(e[i]) >> 12 == LABEL_IMPLNULL)
			return 1;
	return 0;
}

/* an MPLS route's own label: refused below 16 and from platform_labels up */
static int bad_mpls_dst(struct ipmpls_ctx *ctx, const struct nlattr *a)
{
	uint32_t label;

	if (mnl_attr_get_payload_len(a) < 4)
		return 1;
	label = ntohl(*(const uint32_t *)mnl_attr_get_payload(a)) >> 12;
	return label < LABEL_FIRST_UNRESERVED || label >= platform_labels(ctx);
}

/* RTA_ENCAP's MPLS_IPTUNNEL_DST with the implicit null label */
static int bad_encap(const struct nlattr *encap)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, encap)
		if (mnl_attr_get_type(a) == MPLS_IPTUNNEL_DST &&
		    has_implnull(a))
			return 1;
	return 0;
}

int ipmpls_foresee_refusal(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a;
	int rest;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*rtm)))
		return 0;
	if (rtm->rtm_family == AF_MPLS && platform_labels(ctx) == 0)
		return 1;
	/* mnl_attr_for_each's walk, inline: this runs for every add */
	a = mnl_nlmsg_get_payload_offset(nlh, sizeof(*rtm));
	rest = (int)MNL_ALIGN(nlh->nlmsg_len) -
	       (int)((const char *)a - (const char *)nlh);
	for (; rest >= (int)sizeof(*a) && a->nla_len >= sizeof(*a) &&
	       (int)a->nla_len <= rest;
	     rest -= MNL_ALIGN(a->nla_len),
	     a = (const void *)((const char *)a + MNL_ALIGN(a->nla_len))) {
		switch (a->nla_type & NLA_TYPE_MASK) {
		case RTA_DST:
			if (rtm->rtm_family == AF_MPLS && bad_mpls_dst(ctx, a))
				return 1;
			break;
		case RTA_NEWDST:
			if (has_implnull(a))
				return 1;
			break;
		case RTA_ENCAP:
			if (bad_encap(a))
				return 1;
			break;
		}
	}
	return 0;
}
