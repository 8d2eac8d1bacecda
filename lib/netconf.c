/* lib/netconf.c: RTM_GETNETCONF requests and RTM_NEWNETCONF decoding */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netconf.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"

MR_EXPORT
int mplsroute_netconf_request(void *buf, size_t len, int family,
			      uint32_t ifindex)
{
	struct nlmsghdr *nlh;
	struct netconfmsg *ncm;
	size_t need = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*ncm));

	if (ifindex)
		need += MNL_ATTR_HDRLEN + sizeof(uint32_t);
	if (!buf || len < need)
		return -EMSGSIZE;
	memset(buf, 0, need);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETNETCONF;
	nlh->nlmsg_flags = NLM_F_REQUEST | (ifindex ? 0 : NLM_F_DUMP);
	ncm = mnl_nlmsg_put_extra_header(nlh, MNL_ALIGN(sizeof(*ncm)));
	ncm->ncm_family = family;
	if (ifindex)
		mnl_attr_put_u32(nlh, NETCONFA_IFINDEX, ifindex);
	return nlh->nlmsg_len;
}

/* one attribute of a netconf message: 0 or -EINVAL */
static int netconf_attr(const struct nlattr *a, struct mplsroute_netconf *nc)
{
	switch (mnl_attr_get_type(a)) {
	case NETCONFA_IFINDEX:
		if (mnl_attr_get_payload_len(a) != 4)
			return -EINVAL;
		nc->has_ifindex = 1;
		nc->ifindex = (int32_t)mnl_attr_get_u32(a);
		break;
	case NETCONFA_INPUT:
		if (mnl_attr_get_payload_len(a) != 4)
			return -EINVAL;
		nc->input = mnl_attr_get_u32(a) != 0;
		break;
	}
	return 0;
}

MR_EXPORT
int mplsroute_netconf_decode(const struct nlmsghdr *nlh,
			     struct mplsroute_netconf *nc)
{
	const struct netconfmsg *ncm;
	const struct nlattr *a;
	size_t off = MNL_ALIGN(sizeof(*ncm));
	int ret;

	if (nlh->nlmsg_type != RTM_NEWNETCONF &&
	    nlh->nlmsg_type != RTM_DELNETCONF)
		return -EPROTO;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(*ncm))
		return -EBADMSG;
	memset(nc, 0, sizeof(*nc));
	nc->input = -1;
	ncm = mnl_nlmsg_get_payload(nlh);
	nc->family = ncm->ncm_family;
	nc->deleted = nlh->nlmsg_type == RTM_DELNETCONF;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + off)
		return 0;
	mnl_attr_for_each(a, nlh, off) {
		ret = netconf_attr(a, nc);
		if (ret < 0)
			return ret;
	}
	return 0;
}

struct nc_dump {
	mplsroute_netconf_cb cb;
	void *data;
};

static int netconf_msg(const struct nlmsghdr *nlh, void *data)
{
	struct nc_dump *d = data;
	struct mplsroute_netconf nc;
	int ret;

	if (nlh->nlmsg_type != RTM_NEWNETCONF)
		return 0;
	ret = mplsroute_netconf_decode(nlh, &nc);
	if (ret < 0)
		return ret;
	return d->cb(&nc, d->data);
}

MR_EXPORT
int mplsroute_netconf_dump(struct mplsroute_sock *s, int family,
			   uint32_t ifindex, mplsroute_netconf_cb cb,
			   void *data)
{
	char buf[64];
	struct nc_dump d = { cb, data };
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	int ret;

	ret = mplsroute_netconf_request(buf, sizeof(buf), family, ifindex);
	if (ret < 0)
		return ret;
	if (ifindex)
		return mplsroute_sock_request(s, nlh, netconf_msg, &d);
	return mplsroute_sock_dump(s, nlh, netconf_msg, &d);
}
