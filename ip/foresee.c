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
	const unsigned char *e = (const unsigned char *)a + NLA_HDRLEN;
	size_t i, n = (a->nla_len - NLA_HDRLEN) / 4;
	uint32_t v;

	for (i = 0; i < n; i++) {
		memcpy(&v, e + 4 * i, 4);
		if (ntohl(v) >> 12 == LABEL_IMPLNULL)
			return 1;
	}
	return 0;
}

/* an MPLS route's own label: refused below 16 and from platform_labels up */
static int bad_mpls_dst(struct ipmpls_ctx *ctx, const struct nlattr *a)
{
	uint32_t label;

	if (a->nla_len < NLA_HDRLEN + 4)
		return 1;
	memcpy(&label, (const unsigned char *)a + NLA_HDRLEN, 4);
	label = ntohl(label) >> 12;
	return label < LABEL_FIRST_UNRESERVED ||
	       label >= (unsigned long)ctx->platform_labels;
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

/* the attribute at @a of an add (of @family): is it one foresee refuses? */
static inline int bad_attr(struct ipmpls_ctx *ctx, int family,
			   const struct nlattr *a)
{
	switch (a->nla_type & NLA_TYPE_MASK) {
	case RTA_DST:
		return family == AF_MPLS && bad_mpls_dst(ctx, a);
	case RTA_NEWDST:
		return has_implnull(a);
	case RTA_ENCAP:
		return bad_encap(a);
	}
	return 0;
}

/* the walk over @nlh's attributes (mnl_attr_for_each's, inline: it runs
 * for every add): the first, whether one is whole, the next */
static const struct nlattr *attr_first(const struct nlmsghdr *nlh, int *rest)
{
	const char *a = (const char *)NLMSG_DATA(nlh) +
			NLMSG_ALIGN(sizeof(struct rtmsg));

	*rest = (int)NLMSG_ALIGN(nlh->nlmsg_len) -
		(int)(a - (const char *)nlh);
	return (const struct nlattr *)a;
}

static int attr_whole(const struct nlattr *a, int rest)
{
	return rest >= (int)sizeof(*a) && a->nla_len >= sizeof(*a) &&
	       (int)a->nla_len <= rest;
}

static const struct nlattr *attr_next(const struct nlattr *a, int *rest)
{
	*rest -= NLA_ALIGN(a->nla_len);
	return (const void *)((const char *)a + NLA_ALIGN(a->nla_len));
}

/* @fl: where @nlh's attributes that foresee reads are (0), or 1 */
static int layout_keep(struct foresee_layout *fl, const struct nlmsghdr *nlh)
{
	const struct rtmsg *rtm = NLMSG_DATA(nlh);
	const struct nlattr *a;
	int rest;

	fl->valid = 0;
	fl->n = 0;
	for (a = attr_first(nlh, &rest); attr_whole(a, rest);
	     a = attr_next(a, &rest)) {
		uint16_t t = a->nla_type & NLA_TYPE_MASK;

		if (t != RTA_DST && t != RTA_NEWDST && t != RTA_ENCAP)
			continue;
		if (fl->n == FORESEE_ATTRS)
			return 1;
		fl->off[fl->n++] = (uint16_t)((const char *)a -
					      (const char *)nlh);
	}
	fl->len = nlh->nlmsg_len;
	fl->family = rtm->rtm_family;
	fl->valid = 1;
	return 0;
}

int ipmpls_foresee_same(struct ipmpls_ctx *ctx, struct foresee_layout *fl,
			const struct nlmsghdr *nlh)
{
	int i;

	if (!fl->valid || fl->len != nlh->nlmsg_len) {
		i = ipmpls_foresee_refusal(ctx, nlh);	/* platform_labels */
		if (nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(struct rtmsg)))
			layout_keep(fl, nlh);
		return i;
	}
	if (fl->family == AF_MPLS && ctx->platform_labels == 0)
		return 1;
	for (i = 0; i < fl->n; i++)
		if (bad_attr(ctx, fl->family,
			     (const void *)((const char *)nlh + fl->off[i])))
			return 1;
	return 0;
}

int ipmpls_foresee_refusal(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh)
{
	const struct rtmsg *rtm = NLMSG_DATA(nlh);
	const struct nlattr *a;
	int rest;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*rtm)))
		return 0;
	if (rtm->rtm_family == AF_MPLS && (ctx->platform_labels == 0 ||
	    (ctx->platform_labels < 0 && platform_labels(ctx) == 0)))
		return 1;	/* bad_mpls_dst reads ctx->platform_labels */
	for (a = attr_first(nlh, &rest); attr_whole(a, rest);
	     a = attr_next(a, &rest))
		if (bad_attr(ctx, rtm->rtm_family, a))
			return 1;
	return 0;
}
