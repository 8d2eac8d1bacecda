/* lib/monitor.c: a socket on the route and netconf groups, decoded changes */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"

#define MON_BUF	(64 * 1024)
#define MON_TSTAMP	15	/* rtmon's time record (NLMSG_TSTAMP) */

struct mplsroute_monitor {
	struct mnl_socket *nl;
	struct mplsroute_route *rt;
	char buf[MON_BUF];
};

static int mon_join(struct mnl_socket *nl, unsigned groups)
{
	static const struct { unsigned bit; int grp; } map[] = {
		{ MPLSROUTE_MON_ROUTE, RTNLGRP_IPV4_ROUTE },
		{ MPLSROUTE_MON_ROUTE, RTNLGRP_IPV6_ROUTE },
		{ MPLSROUTE_MON_MPLS, RTNLGRP_MPLS_ROUTE },
		{ MPLSROUTE_MON_NETCONF, RTNLGRP_MPLS_NETCONF },
	};
	size_t i;
	int g;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (!(groups & map[i].bit))
			continue;
		g = map[i].grp;
		if (mnl_socket_setsockopt(nl, NETLINK_ADD_MEMBERSHIP, &g,
					  sizeof(g)) < 0)
			return -errno;
	}
	return 0;
}

MR_EXPORT
int mplsroute_monitor_open(struct mplsroute_monitor **mp, unsigned groups,
			   unsigned rcvbuf)
{
	struct mplsroute_monitor *m;
	int fd, size = rcvbuf ? (int)rcvbuf : 8 << 20, ret = -ENOMEM;

	if (!(groups & (MPLSROUTE_MON_ROUTE | MPLSROUTE_MON_MPLS |
			MPLSROUTE_MON_NETCONF)))
		return -EINVAL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->rt = mplsroute_route_new();
	if (!m->rt)
		goto fail;
	m->nl = mnl_socket_open(NETLINK_ROUTE);
	if (!m->nl || mnl_socket_bind(m->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		ret = -errno;
		goto fail;
	}
	fd = mnl_socket_get_fd(m->nl);
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	ret = mon_join(m->nl, groups);
	if (ret < 0)
		goto fail;
	*mp = m;
	return 0;
fail:
	mplsroute_monitor_close(m);
	return ret;
}

MR_EXPORT
int mplsroute_monitor_fd(const struct mplsroute_monitor *m)
{
	return mnl_socket_get_fd(m->nl);
}

/* one message: hand it on if it is a change; 1 handed, 0 not, < 0 stop */
static int mon_msg(struct mplsroute_route *rt, const struct nlmsghdr *nlh,
		   struct mplsroute_event *ev, mplsroute_event_cb cb,
		   void *data)
{
	struct mplsroute_netconf nc;
	int ret;

	switch (nlh->nlmsg_type) {
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		ev->type = MPLSROUTE_EV_ROUTE;
		ev->deleted = nlh->nlmsg_type == RTM_DELROUTE;
		ev->route = mr_route_parse(nlh, rt) ? NULL : rt;
		ev->netconf = NULL;
		break;
	case RTM_NEWNETCONF:
	case RTM_DELNETCONF:
		if (mplsroute_netconf_decode(nlh, &nc) < 0)
			return 0;
		ev->type = MPLSROUTE_EV_NETCONF;
		ev->deleted = nc.deleted;
		ev->route = NULL;
		ev->netconf = &nc;
		break;
	default:
		return 0;
	}
	ev->nlh = nlh;
	ret = cb(ev, data);
	return ret < 0 ? ret : 1;
}

MR_EXPORT
int mplsroute_monitor_read(struct mplsroute_monitor *m, mplsroute_event_cb cb,
			   void *data)
{
	struct mplsroute_event ev = { 0 };
	const struct nlmsghdr *nlh;
	struct timeval tv;
	ssize_t n;
	int ret, len, count = 0;

	n = recv(mnl_socket_get_fd(m->nl), m->buf, sizeof(m->buf), 0);
	if (n < 0)
		return -errno;
	gettimeofday(&tv, NULL);
	ev.sec = tv.tv_sec;
	ev.usec = tv.tv_usec;
	len = (int)n;
	nlh = (const struct nlmsghdr *)m->buf;
	for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
		ret = mon_msg(m->rt, nlh, &ev, cb, data);
		if (ret < 0)
			return ret;
		count += ret;
	}
	return count;
}

/* rtmon's record of when the messages after it were read */
static int mon_tstamp(const struct nlmsghdr *nlh, struct mplsroute_event *ev,
		      mplsroute_event_cb cb, void *data)
{
	const uint32_t *t = mnl_nlmsg_get_payload(nlh);
	int ret;

	if (mnl_nlmsg_get_payload_len(nlh) < 2 * sizeof(uint32_t))
		return -EBADMSG;
	ev->sec = t[0];
	ev->usec = (long)t[1];
	ev->type = MPLSROUTE_EV_TIME;
	ev->deleted = 0;
	ev->nlh = nlh;
	ev->route = NULL;
	ev->netconf = NULL;
	ret = cb(ev, data);
	return ret < 0 ? ret : 1;
}

/* a message that is no change of ours (a link, an address...) */
static int mon_other(const struct nlmsghdr *nlh, struct mplsroute_event *ev,
		     mplsroute_event_cb cb, void *data)
{
	int ret;

	ev->type = MPLSROUTE_EV_OTHER;
	ev->deleted = 0;
	ev->nlh = nlh;
	ev->route = NULL;
	ev->netconf = NULL;
	ret = cb(ev, data);
	return ret < 0 ? ret : 0;
}

MR_EXPORT
int mplsroute_monitor_decode(const void *buf, size_t len, size_t *used,
			     mplsroute_event_cb cb, void *data)
{
	struct mplsroute_event ev = { 0 };
	const unsigned char *p = buf;
	const struct nlmsghdr *nlh;
	struct mplsroute_route *rt;
	size_t off = 0, mlen;
	int ret = 0, count = 0;

	*used = 0;
	rt = mplsroute_route_new();
	if (!rt)
		return -ENOMEM;
	while (len - off >= sizeof(*nlh)) {
		nlh = (const struct nlmsghdr *)(p + off);
		if (nlh->nlmsg_len < sizeof(*nlh)) {
			ret = -EBADMSG;
			break;
		}
		mlen = MNL_ALIGN(nlh->nlmsg_len);
		if (mlen > len - off)
			break;		/* the rest is still to come */
		if (nlh->nlmsg_type == MON_TSTAMP)
			ret = mon_tstamp(nlh, &ev, cb, data);
		else
			ret = mon_msg(rt, nlh, &ev, cb, data);
		if (ret == 0)
			ret = mon_other(nlh, &ev, cb, data);
		if (ret < 0)
			break;
		count += ret;
		off += mlen;
		*used = off;
	}
	mplsroute_route_free(rt);
	return ret < 0 ? ret : count;
}

MR_EXPORT
int mplsroute_monitor_drain(struct mplsroute_monitor *m)
{
	int fd = mnl_socket_get_fd(m->nl), count = 0;
	ssize_t n;

	for (;;) {
		n = recv(fd, m->buf, sizeof(m->buf), MSG_DONTWAIT);
		if (n >= 0) {
			count++;
			continue;
		}
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return count;
		if (errno != ENOBUFS && errno != EINTR)
			return -errno;
	}
}

MR_EXPORT
void mplsroute_monitor_close(struct mplsroute_monitor *m)
{
	if (!m)
		return;
	if (m->nl)
		mnl_socket_close(m->nl);
	mplsroute_route_free(m->rt);
	free(m);
}
