/* lib/af.c: address families: names, host prefix lengths, address text */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>

#include "internal.h"
#include "out.h"

#define ALL (MR_AF_CLI | MR_AF_TEXT | MR_AF_JSON)

static const struct {
	int family;
	const char *name;
	unsigned int sets;	/* the MR_AF_* sets that name it */
} afs[] = {
	/* 4.4's read_family() order */
	{ AF_INET, "inet", ALL },
	{ AF_INET6, "inet6", ALL },
	{ AF_DECnet, "dnet", MR_AF_CLI | MR_AF_TEXT },
	{ AF_PACKET, "link", MR_AF_TEXT | MR_AF_JSON },
	{ AF_IPX, "ipx", MR_AF_CLI | MR_AF_TEXT },
	{ AF_MPLS, "mpls", ALL },
	{ AF_BRIDGE, "bridge", MR_AF_TEXT | MR_AF_JSON },
};

#define NAFS (sizeof(afs) / sizeof(afs[0]))

const char *mr_af_name(int family, unsigned int set)
{
	size_t i;

	for (i = 0; i < NAFS; i++)
		if (afs[i].family == family && (afs[i].sets & set))
			return afs[i].name;
	return "???";
}

MR_HOT
int mr_af_read(const char *name)
{
	size_t i;

	for (i = 0; i < NAFS; i++)
		if (strcmp(name, afs[i].name) == 0)
			return afs[i].family;
	return AF_UNSPEC;
}

unsigned int mr_af_bits(int family)
{
	switch (family) {	/* afs[]'s, without the walk: once a route */
	case AF_INET:
		return 32;
	case AF_INET6:
		return 128;
	case AF_MPLS:
		return 20;
	default:
		return 0;
	}
}

const char *mr_addr_fmt(const struct mplsroute_addr *a, char *buf,
			size_t len)
{
	char tmp[INET_ADDRSTRLEN];
	size_t i, n = 0;

	switch (a->family) {
	case AF_INET:
		n = mr_fmt_ipv4(tmp, a->data);
		if (n >= len)
			break;
		memcpy(buf, tmp, n);
		buf[n] = '\0';
		return buf;
	case AF_INET6:
		if (!inet_ntop(a->family, a->data, buf, (socklen_t)len))
			break;
		return buf;
	case AF_MPLS:
		if (mplsroute_labels_format(&a->labels, buf, len) < 0)
			break;
		return buf;
	case AF_PACKET:
		for (i = 0; i < a->bytelen && n + 4 < len; i++)
			n += (size_t)snprintf(buf + n, len - n, "%s%02x",
					      i ? ":" : "", a->data[i]);
		buf[n] = 0;
		return buf;
	default:
		break;
	}
	return "???";
}

const char *mr_ifname(const struct mplsroute_print_opts *o, uint32_t idx,
		      char *buf, size_t len)
{
	if (idx == 0)
		return "*";
	if (o && o->ifname) {
		if (o->ifname(idx, buf, len, o->ifname_data) == 0)
			return buf;
	} else if (len >= IF_NAMESIZE && if_indextoname(idx, buf)) {
		return buf;
	}
	snprintf(buf, len, "if%u", idx);
	return buf;
}
