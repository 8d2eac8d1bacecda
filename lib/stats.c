/* lib/stats.c: RTM_GETSTATS for the per-device MPLS counters */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/mpls.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"

MR_EXPORT
int mplsroute_stats_request(void *buf, size_t len, uint32_t ifindex)
{
	struct nlmsghdr *nlh;
	struct if_stats_msg *ism;
	size_t need = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*ism));

	if (!buf || len < need)
		return -EMSGSIZE;
	memset(buf, 0, need);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETSTATS;
	nlh->nlmsg_flags = NLM_F_REQUEST | (ifindex ? 0 : NLM_F_DUMP);
	ism = mnl_nlmsg_put_extra_header(nlh, MNL_ALIGN(sizeof(*ism)));
	ism->ifindex = ifindex;
	ism->filter_mask = IFLA_STATS_FILTER_BIT(IFLA_STATS_AF_SPEC);
	return nlh->nlmsg_len;
}

/* the attribute of @type inside @nest, NULL when none */
static const struct nlattr *nested(const struct nlattr *nest, uint16_t type)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest)
		if (mnl_attr_get_type(a) == type)
			return a;
	return NULL;
}

static void stats_copy(struct mplsroute_mpls_stats *st, const void *p)
{
	struct mpls_link_stats ls;

	memcpy(&ls, p, sizeof(ls));
	st->rx_packets = ls.rx_packets;
	st->tx_packets = ls.tx_packets;
	st->rx_bytes = ls.rx_bytes;
	st->tx_bytes = ls.tx_bytes;
	st->rx_errors = ls.rx_errors;
	st->tx_errors = ls.tx_errors;
	st->rx_dropped = ls.rx_dropped;
	st->tx_dropped = ls.tx_dropped;
	st->rx_noroute = ls.rx_noroute;
}

MR_EXPORT
int mplsroute_stats_decode(const struct nlmsghdr *nlh,
			   struct mplsroute_mpls_stats *st)
{
	const struct if_stats_msg *ism;
	const struct nlattr *a, *af = NULL, *mpls, *link;

	if (nlh->nlmsg_type != RTM_NEWSTATS)
		return -EPROTO;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*ism)))
		return -EBADMSG;
	ism = mnl_nlmsg_get_payload(nlh);
	memset(st, 0, sizeof(*st));
	st->ifindex = ism->ifindex;
	mnl_attr_for_each(a, nlh, MNL_ALIGN(sizeof(*ism)))
		if (mnl_attr_get_type(a) == IFLA_STATS_AF_SPEC)
			af = a;
	if (!af)
		return -ENOENT;
	mpls = nested(af, AF_MPLS);
	if (!mpls)
		return -ENOENT;
	link = nested(mpls, MPLS_STATS_LINK);
	if (!link)
		return -ENOENT;
	if (mnl_attr_get_payload_len(link) < sizeof(struct mpls_link_stats))
		return -EINVAL;
	stats_copy(st, mnl_attr_get_payload(link));
	return 0;
}

struct st_dump {
	mplsroute_stats_cb cb;
	void *data;
	int seen;
};

static int stats_msg(const struct nlmsghdr *nlh, void *data)
{
	struct st_dump *d = data;
	struct mplsroute_mpls_stats st;
	int ret;

	if (nlh->nlmsg_type != RTM_NEWSTATS)
		return 0;
	ret = mplsroute_stats_decode(nlh, &st);
	if (ret == -ENOENT)
		return 0;
	if (ret < 0)
		return ret;
	d->seen++;
	return d->cb(&st, d->data);
}

MR_EXPORT
int mplsroute_stats_dump(struct mplsroute_sock *s, uint32_t ifindex,
			 mplsroute_stats_cb cb, void *data)
{
	char buf[64];
	struct st_dump d = { cb, data, 0 };
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	int ret;

	ret = mplsroute_stats_request(buf, sizeof(buf), ifindex);
	if (ret < 0)
		return ret;
	if (!ifindex)
		return mplsroute_sock_dump(s, nlh, stats_msg, &d);
	ret = mplsroute_sock_request(s, nlh, stats_msg, &d);
	if (ret == 0 && !d.seen)
		ret = -ENOENT;
	return ret;
}
