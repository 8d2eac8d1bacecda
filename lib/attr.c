/* attr.c: the shared RTA_ENCAP/RTA_NEWDST/RTA_VIA encoders and decoders */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <linux/lwtunnel.h>
#include <linux/mpls_iptunnel.h>
#include <libmnl/libmnl.h>

#include "internal.h"

#define WIRE_MAX	(MPLSROUTE_MAX_LABELS * 4)

/* 2 bytes of family, then the address or the label stack */
struct via_wire {
	uint16_t family;
	uint8_t addr[WIRE_MAX];
} __attribute__((packed));

/*
 * mr_attr_put - mnl_attr_put_check() that also zeroes the padding (libmnl
 * 1.0.4 leaves it as it was).  Returns 0 or -EMSGSIZE.
 */
MR_HOT
int mr_attr_put(struct nlmsghdr *nlh, size_t buflen, uint16_t type,
		size_t len, const void *data)
{
	struct nlattr *attr;
	char *payload;

	/* mnl_attr_put_check's test and writes, inline: every attribute */
	if (nlh->nlmsg_len + MNL_ATTR_HDRLEN + MNL_ALIGN(len) > buflen)
		return -EMSGSIZE;
	attr = (struct nlattr *)((char *)nlh + MNL_ALIGN(nlh->nlmsg_len));
	attr->nla_type = type;
	attr->nla_len = (uint16_t)(MNL_ATTR_HDRLEN + len);
	payload = (char *)attr + MNL_ATTR_HDRLEN;
	if (len)
		memcpy(payload, data, len);
	if (MNL_ALIGN(len) != len)
		memset(payload + len, 0, MNL_ALIGN(len) - len);
	nlh->nlmsg_len += MNL_ALIGN(MNL_ATTR_HDRLEN + len);
	return 0;
}

/*
 * mr_attr_nest_start - start a nest without NLA_F_NESTED in its type, as
 * iproute2 sends RTA_ENCAP and RTA_MULTIPATH.  NULL when out of room.
 */
struct nlattr *mr_attr_nest_start(struct nlmsghdr *nlh, size_t buflen,
				  uint16_t type)
{
	struct nlattr *nest = mnl_attr_nest_start_check(nlh, buflen, type);

	if (nest)
		nest->nla_type = type;
	return nest;
}

/* label stack -> wire; an empty stack is not a valid attribute */
static int stack_wire(const struct mplsroute_labels *ls, uint8_t *wire)
{
	if (!ls || ls->n == 0)
		return -EINVAL;
	return mplsroute_labels_to_wire(ls, wire, WIRE_MAX);
}

MR_EXPORT int mplsroute_attr_put_encap(struct nlmsghdr *nlh, size_t buflen,
				       const struct mplsroute_labels *ls)
{
	return mplsroute_attr_put_encap_ttl(nlh, buflen, ls, -1);
}

MR_HOT
MR_EXPORT int mplsroute_attr_put_encap_ttl(struct nlmsghdr *nlh,
					   size_t buflen,
					   const struct mplsroute_labels *ls,
					   int ttl)
{
	uint32_t start_len = nlh->nlmsg_len;
	uint16_t type = LWTUNNEL_ENCAP_MPLS;
	uint8_t wire[WIRE_MAX], ttl8;
	struct nlattr *nest;
	int len;

	if (ttl > 255)
		return -ERANGE;
	len = stack_wire(ls, wire);
	if (len < 0)
		return len;
	nest = mr_attr_nest_start(nlh, buflen, RTA_ENCAP);
	if (!nest)
		goto full;
	if (mr_attr_put(nlh, buflen, MPLS_IPTUNNEL_DST, len, wire) < 0)
		goto full;
	ttl8 = (uint8_t)ttl;
	if (ttl >= 0 &&
	    mr_attr_put(nlh, buflen, MPLS_IPTUNNEL_TTL, 1, &ttl8) < 0)
		goto full;
	mnl_attr_nest_end(nlh, nest);
	if (mr_attr_put(nlh, buflen, RTA_ENCAP_TYPE, 2, &type) < 0)
		goto full;
	return 0;
full:
	nlh->nlmsg_len = start_len;
	return -EMSGSIZE;
}

MR_HOT
MR_EXPORT int mplsroute_attr_put_newdst(struct nlmsghdr *nlh, size_t buflen,
					const struct mplsroute_labels *ls)
{
	uint8_t wire[WIRE_MAX];
	int len;

	len = stack_wire(ls, wire);
	if (len < 0)
		return len;
	return mr_attr_put(nlh, buflen, RTA_NEWDST, len, wire);
}

/* the address bytes of @a: 4, 16 or the label stack; -EAFNOSUPPORT else */
static int addr_wire(const struct mplsroute_addr *a, uint8_t *out)
{
	switch (a->family) {
	case AF_INET:
		memcpy(out, a->data, 4);
		return 4;
	case AF_INET6:
		memcpy(out, a->data, 16);
		return 16;
	case AF_MPLS:
		return stack_wire(&a->labels, out);
	default:
		return -EAFNOSUPPORT;
	}
}

MR_HOT
MR_EXPORT int mplsroute_attr_put_via(struct nlmsghdr *nlh, size_t buflen,
				     const struct mplsroute_addr *via)
{
	struct via_wire w;
	int len;

	if (!via)
		return -EINVAL;
	memset(&w, 0, sizeof(w));
	len = addr_wire(via, w.addr);
	if (len < 0)
		return len;
	w.family = via->family;
	return mr_attr_put(nlh, buflen, RTA_VIA, 2 + (size_t)len, &w);
}

MR_EXPORT int mplsroute_attr_get_encap(const struct nlattr *encap,
				       const struct nlattr *encap_type,
				       struct mplsroute_labels *ls)
{
	int ttl;

	return mplsroute_attr_get_encap_ttl(encap, encap_type, ls, &ttl);
}

/* MPLS_IPTUNNEL_TTL: one byte; 0 or -EINVAL */
static int get_ttl(const struct nlattr *a, int *ttl)
{
	if (mnl_attr_get_payload_len(a) != 1)
		return -EINVAL;
	*ttl = mnl_attr_get_u8(a);
	return 0;
}

MR_EXPORT int mplsroute_attr_get_encap_ttl(const struct nlattr *encap,
					   const struct nlattr *encap_type,
					   struct mplsroute_labels *ls,
					   int *ttl)
{
	const struct nlattr *a;
	const char *p;
	int found = 0, left, ret, t = -1;

	if (!ls || !ttl)
		return -EINVAL;
	if (encap_type) {
		if (mnl_attr_get_len(encap_type) < MNL_ATTR_HDRLEN + 2)
			return -EINVAL;
		if (mnl_attr_get_u16(encap_type) != LWTUNNEL_ENCAP_MPLS)
			return -EOPNOTSUPP;
	}
	if (!encap) {
		ls->n = 0;
		*ttl = -1;
		return 0;
	}
	if (mnl_attr_get_len(encap) < MNL_ATTR_HDRLEN)
		return -EINVAL;
	p = mnl_attr_get_payload(encap);
	left = mnl_attr_get_payload_len(encap);
	while (left >= (int)MNL_ATTR_HDRLEN) {
		a = (const struct nlattr *)p;
		if (!mnl_attr_ok(a, left))
			return -EINVAL;
		if (mnl_attr_get_type(a) == MPLS_IPTUNNEL_DST) {
			ret = mplsroute_labels_from_wire(ls,
					mnl_attr_get_payload(a),
					mnl_attr_get_payload_len(a));
			if (ret < 0)
				return ret;
			found = 1;
		} else if (mnl_attr_get_type(a) == MPLS_IPTUNNEL_TTL) {
			ret = get_ttl(a, &t);
			if (ret < 0)
				return ret;
		}	/* others are skipped */
		left -= MNL_ALIGN(a->nla_len);
		p += MNL_ALIGN(a->nla_len);
	}
	if (!found)
		return -EINVAL;
	*ttl = t;
	return 0;
}

MR_EXPORT int mplsroute_attr_get_newdst(const struct nlattr *attr,
					struct mplsroute_labels *ls)
{
	if (!attr || !ls || mnl_attr_get_len(attr) < MNL_ATTR_HDRLEN)
		return -EINVAL;
	return mplsroute_labels_from_wire(ls, mnl_attr_get_payload(attr),
					  mnl_attr_get_payload_len(attr));
}

/* fill @via (zeroed) from @len address bytes of family @family */
static int via_fill(struct mplsroute_addr *via, uint16_t family,
		    const uint8_t *p, size_t len)
{
	int ret;

	switch (family) {
	case AF_INET:
	case AF_INET6:
		if (len != (family == AF_INET ? 4u : 16u))
			return -EINVAL;
		break;
	case AF_MPLS:
		ret = mr_labels_decode(&via->labels, p, len);
		if (ret < 0)
			return ret;
		via->family = family;
		via->bytelen = (uint8_t)len;
		via->bitlen = 20;
		return 0;
	default:
		if (len > sizeof(via->data))
			return -EINVAL;
		break;
	}
	memcpy(via->data, p, len);
	via->family = family;
	via->bytelen = (uint8_t)len;
	via->bitlen = (uint8_t)(len * 8);
	return 0;
}

int mr_attr_via(const struct nlattr *attr, struct mplsroute_addr *via)
{
	const uint8_t *p;
	uint16_t family;
	size_t len;

	len = mnl_attr_get_payload_len(attr);
	if (len < 2)
		return -EINVAL;
	p = mnl_attr_get_payload(attr);
	memcpy(&family, p, 2);
	return via_fill(via, family, p + 2, len - 2);
}

MR_EXPORT int mplsroute_attr_get_via(const struct nlattr *attr,
				     struct mplsroute_addr *via)
{
	if (!attr || !via || mnl_attr_get_len(attr) < MNL_ATTR_HDRLEN)
		return -EINVAL;
	memset(via, 0, sizeof(*via));
	return mr_attr_via(attr, via);
}
