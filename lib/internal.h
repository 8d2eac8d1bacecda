/* internal.h: helpers shared inside lib/, never exported */
#ifndef MPLSROUTE_INTERNAL_H
#define MPLSROUTE_INTERNAL_H

#include "mplsroute.h"
#include "compat.h"
#include "route_int.h"

/* marks a function as part of the public API (everything else is hidden) */
#define MR_EXPORT __attribute__((visibility("default")))

struct nlmsghdr;
struct nlattr;

/*
 * Walking messages and attributes from the wire: every length is taken as
 * unsigned and checked against what is left (libmnl's mnl_nlmsg_ok and
 * mnl_attr_ok compare as int, which lets a length of 2^31 or more through).
 */
#define MR_NLMSG_HDRLEN	16	/* sizeof(struct nlmsghdr) */
#define MR_NLA_HDRLEN	4	/* sizeof(struct nlattr) */

/* 1 if a whole message (header included) starts at @p within @left bytes */
static inline int mr_nlmsg_ok(const void *p, size_t left)
{
	uint32_t len;

	if (left < MR_NLMSG_HDRLEN)
		return 0;
	__builtin_memcpy(&len, p, sizeof(len));	/* nlmsg_len */
	return len >= MR_NLMSG_HDRLEN && len <= left;
}

/* the message after the (ok) one at @p; *@left shrinks, to 0 past the end */
static inline void *mr_nlmsg_next(const void *p, size_t *left)
{
	uint32_t len;
	size_t step;

	__builtin_memcpy(&len, p, sizeof(len));
	step = ((size_t)len + 3) & ~(size_t)3;
	if (step > *left)
		step = *left;
	*left -= step;
	return (char *)p + step;
}

/* 1 if a whole attribute (header included) starts at @p within @left */
static inline int mr_attr_ok(const void *p, size_t left)
{
	uint16_t len;

	if (left < MR_NLA_HDRLEN)
		return 0;
	__builtin_memcpy(&len, p, sizeof(len));	/* nla_len */
	return len >= MR_NLA_HDRLEN && len <= left;
}

/* the attribute after the (ok) one at @p; *@left shrinks, to 0 at the end */
static inline const void *mr_attr_next(const void *p, size_t *left)
{
	uint16_t len;
	size_t step;

	__builtin_memcpy(&len, p, sizeof(len));
	step = ((size_t)len + 3) & ~(size_t)3;
	if (step > *left)
		step = *left;
	*left -= step;
	return (const char *)p + step;
}

/* lib/attr.c: bounded putters that zero padding; 0/-EMSGSIZE, NULL */
int mr_attr_put(struct nlmsghdr *nlh, size_t buflen, uint16_t type,
		size_t len, const void *data);
struct nlattr *mr_attr_nest_start(struct nlmsghdr *nlh, size_t buflen,
				  uint16_t type);


/* lib/af.c: address families, shared by the printers, the filter and ip/ */
#define MR_AF_CLI	1	/* 4.4's family_name(), as ip/ quotes it */
#define MR_AF_TEXT	2	/* the names the 4.4 text printer gives a via */
#define MR_AF_JSON	4	/* current iproute2's family_name() (JSON) */

/* room for an address or a 30-label stack as text */
#define MR_ABUF 512

/* the name of @family in the set @set, or "???" */
const char *mr_af_name(int family, unsigned int set);
/* the family named exactly @name (4.4's read_family), or AF_UNSPEC */
int mr_af_read(const char *name);
/* a host prefix's length in bits: 32, 128, 20 (MPLS), else 0 */
unsigned int mr_af_bits(int family);
/* @a as 4.4's rt_addr_n2a writes it, in @buf; "???" if it cannot */
const char *mr_addr_fmt(const struct mplsroute_addr *a, char *buf,
			size_t len);
/* the name of interface @idx ("*" for 0, "if<N>" if unknown), in @buf
 * (at least IF_NAMESIZE), through @o's ifname callback when it has one */
const char *mr_ifname(const struct mplsroute_print_opts *o, uint32_t idx,
		      char *buf, size_t len);

/* lib/label.c: strtoul(@s, @endp, 0), plain decimals read without libc */
unsigned long mr_strtoul0(const char *s, char **endp);

/* lib/names.c: the cache flags (RTCF_*) by name, in iproute2's order */
struct mr_flag_name {
	uint32_t flag;
	const char *name;
};
extern const struct mr_flag_name mr_rtcf_names[];
extern const size_t mr_rtcf_nnames;
/* lib/names.c: the metrics (RTAX_*) by name, NULL where none, for 0..16 */
extern const char *const mr_rtax_names[17];

#endif
