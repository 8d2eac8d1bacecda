/* internal.h: helpers shared inside lib/, never exported */
#ifndef MPLSROUTE_INTERNAL_H
#define MPLSROUTE_INTERNAL_H

#include "mplsroute.h"
#include "compat.h"
#include "route_int.h"

/* marks a function as part of the public API (everything else is hidden) */
#define MR_EXPORT __attribute__((visibility("default")))

/*
 * marks a function that one route add or delete runs (a process per route,
 * as scripts call ip): GCC puts these together (.text.hot), so that such a
 * process touches a few pages of text, not most of them (each page touched
 * is a page fault: a trap, which user-mode Linux pays dearly)
 */
#define MR_HOT __attribute__((hot))

struct nlmsghdr;
struct nlattr;
struct rtmsg;

/*
 * lib/mem.c: a zeroed object of @size bytes (a mapping of its own; calloc
 * under AddressSanitizer) or NULL; mr_obj_free takes the same @size
 */
void *mr_obj_alloc(size_t size);
void mr_obj_free(void *p, size_t size);

/*
 * lib/route.c: the rtmsg a request of @nlmsg_type carries for @rt: what
 * was given (rt->given), else 4.4's defaults (its init + finish rules)
 */
void mr_route_head(const struct mplsroute_route *rt, uint16_t nlmsg_type,
		   struct rtmsg *h);
/* lib/route.c: the request for @rt with the header @head; length or < 0 */
int mr_route_build(void *buf, size_t len, const struct mplsroute_route *rt,
		   const struct rtmsg *head, uint16_t nlmsg_type,
		   uint16_t nlmsg_flags);

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

/*
 * lib/label.c: mplsroute_labels_from_wire into @ls without clearing the
 * labels past ls->n (a decoder whose struct is zeroed already); on an
 * error ls->n is unchanged.  0, -EINVAL or -E2BIG.
 */
int mr_labels_decode(struct mplsroute_labels *ls, const void *wire,
		     size_t len);
/* lib/attr.c: mplsroute_attr_get_via into a zeroed @via, @attr's length
 * checked already (it fits its message).  0 or -EINVAL. */
int mr_attr_via(const struct nlattr *attr, struct mplsroute_addr *via);

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

/*
 * lib/dump.c: the payload lengths (min, max) the route decoder accepts for
 * each attribute type below MR_RTA_MAX; max 0: a type it skips (as it skips
 * the types from MR_RTA_MAX on).  lib/print_fast.c keeps to the same rules.
 */
#define MR_RTA_MAX 32
struct mr_len_rule {
	uint16_t min, max;
};
extern const struct mr_len_rule mr_rta_policy[MR_RTA_MAX];

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


/* lib/names.c: the name of an RTA_PREF value, or NULL */
const char *mr_pref_name(uint32_t pref);

/*
 * lib/print_view.c: one decoded view of a route for the text and JSON
 * printers: what is shown (the selector's hide bits, -d, -s) and in which
 * units.  MR_SHOW_TABLE is 4.4's text rule (no table for a cloned route),
 * MR_SHOW_TABLE_ANY current iproute2's (JSON: cloned too, not table 0).
 */
#define MR_SHOW_TYPE		0x0001
#define MR_SHOW_TABLE		0x0002
#define MR_SHOW_TABLE_ANY	0x0004
#define MR_SHOW_PROTO		0x0008
#define MR_SHOW_SCOPE		0x0010
#define MR_SHOW_TOS		0x0020
#define MR_SHOW_GATEWAY		0x0040	/* a via of the route's family */
#define MR_SHOW_VIA		0x0080	/* a via of another family */
#define MR_SHOW_DEV		0x0100
#define MR_SHOW_PREFSRC		0x0200
#define MR_SHOW_IIF		0x0400
#define MR_SHOW_REALMS		0x0800
#define MR_SHOW_STATS		0x1000	/* -s: users, used, age */
#define MR_SHOW_DELETED		0x2000

struct mr_out;
/* the route printers (lib/print.c: 4.4's text, lib/print_61.c: 6.1's)
 * append a route's text to @out (lib/out.h) */
typedef void mr_printer(struct mr_out *out, const struct mplsroute_route *rt,
			const struct mplsroute_print_opts *o);
mr_printer mr_print_44, mr_print_61;

struct mr_view {
	const struct mplsroute_route *rt;
	const struct mplsroute_print_opts *o;
	unsigned int show;	/* MR_SHOW_* */
	unsigned int host_len;	/* a host prefix's length: no "/N" */
	int mpls;		/* an MPLS route */
	int cloned;		/* RTM_F_CLONED */
	long hz;		/* clock ticks a second: o->hz, sysconf, 100;
				 * 0 when the route has no expiry nor age */
	long expires;		/* RTA_CACHEINFO's expiry in seconds */
	long age;		/* its last use in seconds */
	uint32_t lock;		/* RTAX_LOCK's bits */
};

void mr_view_init(struct mr_view *v, const struct mplsroute_route *rt,
		  const struct mplsroute_print_opts *o);
/* a metric's value in the units printed (rtt: /8, rttvar: /4) */
uint32_t mr_view_metric(unsigned int rtax, uint32_t val);

/* lib/record.c: the recordings' line format "NAME FLAGS HEX" (seq and pid
 * zeroed; testsuite/data/iproute2-4.4/README.md), its only reader and writer */
struct mr_rec {
	char name[32];		/* NAME as written */
	unsigned long flags;	/* FLAGS */
};
/* the NAME of a message type (the route types, NLMSG_ERROR, NLMSG_DONE),
 * NULL for the others */
const char *mr_rec_name(uint16_t type);
/* @nlh as one line on @f; 0, -ENOENT (a type without a NAME), -EIO */
int mr_rec_write(FILE *f, const struct nlmsghdr *nlh);
/* one line: NAME and FLAGS into @rec, HEX decoded into @buf as far as @len
 * allows; returns HEX's length in bytes (more than @len: decode again into
 * a buffer that long), 0 for a blank line, -EINVAL for a malformed one */
long mr_rec_parse(const char *line, struct mr_rec *rec, void *buf,
		  size_t len);
/* @n characters of hex digits (white space allowed between bytes) into
 * @out as far as @len allows; the number of bytes or -EINVAL */
long mr_rec_hex2bin(const char *hex, size_t n, void *out, size_t len);

#endif
