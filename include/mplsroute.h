/* mplsroute.h: the public API of libmplsroute, the Linux MPLS route library */
#ifndef MPLSROUTE_H
#define MPLSROUTE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

struct nlmsghdr;
struct nlattr;

/*
 * Conventions: every function returns 0 (or a length) on success and a
 * negative errno on failure.  Nothing in the library prints or exits.
 * Buffers belong to the caller; running out of room is -EMSGSIZE.
 */

/* ---- label stacks (lib/label.c) ---------------------------------------- */

#define MPLSROUTE_MAX_LABELS	30	/* the kernel's limit since 4.12 */
#define MPLSROUTE_LABEL_MAX	0xfffff	/* labels are 20 bits */

struct mplsroute_labels {
	uint8_t n;				/* number of labels, 0 = none */
	uint32_t label[MPLSROUTE_MAX_LABELS];	/* top of stack first */
};

/*
 * mplsroute_labels_parse - parse "100/200/300" into a label stack.
 * Each label is a number as iproute2 reads it and < 2^20; the whole word
 * must be consumed.  Returns 0, -EINVAL (not a label stack), -ERANGE (a
 * label >= 2^20) or -E2BIG (more than MPLSROUTE_MAX_LABELS labels).
 */
int mplsroute_labels_parse(struct mplsroute_labels *ls, const char *text);

/*
 * mplsroute_labels_format - write the stack as "100/200" (NUL-terminated;
 * an empty stack gives "").  Returns the length written (without the NUL),
 * -ENOSPC if @len is too small or -EINVAL if ls->n is out of range.
 */
int mplsroute_labels_format(const struct mplsroute_labels *ls, char *buf,
			    size_t len);

/*
 * mplsroute_labels_to_wire - write ls->n label stack entries (4 bytes each,
 * network order, label << 12, bottom-of-stack bit on the last entry only,
 * TC and TTL zero) to @wire.  Returns the number of bytes written (0 for an
 * empty stack), -EMSGSIZE if @len is too small, -ERANGE for a label
 * >= 2^20 or -EINVAL if ls->n is out of range.
 */
int mplsroute_labels_to_wire(const struct mplsroute_labels *ls, void *wire,
			     size_t len);

/*
 * mplsroute_labels_from_wire - read label stack entries, stopping after the
 * one with the bottom-of-stack bit (TC and TTL are ignored).  Returns 0,
 * -EINVAL (len not a multiple of 4, or no bottom-of-stack bit) or -E2BIG
 * (more than MPLSROUTE_MAX_LABELS entries).  @ls is only written on success.
 */
int mplsroute_labels_from_wire(struct mplsroute_labels *ls, const void *wire,
			       size_t len);

/* ---- addresses ----------------------------------------------------------- */

struct mplsroute_addr {
	uint16_t family;	/* AF_INET, AF_INET6, AF_MPLS; 0 = unset */
	uint8_t bytelen;	/* bytes of data used */
	uint8_t bitlen;		/* prefix length for prefixes */
	union {
		uint8_t data[16];
		struct mplsroute_labels labels;	/* AF_MPLS */
	};
};

/* ---- the shared attribute encoders and decoders (lib/attr.c) ----------- */

/*
 * The encoders append at the tail of @nlh (whose buffer is @buflen bytes)
 * with libmnl's bounded putters; padding is zeroed.  When the buffer is too
 * small they return -EMSGSIZE and leave the message as it was.  An empty
 * label stack is -EINVAL.  (Appending to the tail also serves an
 * rtnexthop's attributes inside RTA_MULTIPATH; see mplsroute_route_build.)
 *
 * mplsroute_attr_put_encap - append RTA_ENCAP (nested MPLS_IPTUNNEL_DST)
 * followed by RTA_ENCAP_TYPE (u16 LWTUNNEL_ENCAP_MPLS).  Returns 0,
 * -EMSGSIZE or -EINVAL.
 */
int mplsroute_attr_put_encap(struct nlmsghdr *nlh, size_t buflen,
			     const struct mplsroute_labels *ls);

/* mplsroute_attr_put_newdst - append RTA_NEWDST.  0, -EMSGSIZE or -EINVAL. */
int mplsroute_attr_put_newdst(struct nlmsghdr *nlh, size_t buflen,
			      const struct mplsroute_labels *ls);

/*
 * mplsroute_attr_put_via - append RTA_VIA (u16 family in host order, then
 * 4 or 16 address bytes, or the label stack for AF_MPLS).
 * 0, -EMSGSIZE, or -EAFNOSUPPORT for a family other than inet/inet6/mpls.
 */
int mplsroute_attr_put_via(struct nlmsghdr *nlh, size_t buflen,
			   const struct mplsroute_addr *via);

/*
 * Decoders: each validates the attribute's length and never reads past it
 * (the attribute itself must lie inside the message, as mnl_attr_parse
 * checks).  They return 0 or -EINVAL (malformed), -E2BIG (too many labels).
 * mplsroute_attr_get_encap takes RTA_ENCAP and RTA_ENCAP_TYPE (either may be
 * NULL; no RTA_ENCAP gives an empty stack); an encap type other than MPLS
 * is -EOPNOTSUPP; nested attributes other than MPLS_IPTUNNEL_DST are
 * skipped.  mplsroute_attr_get_via checks the length for inet (4) and inet6
 * (16), reads a label stack for mpls, and copies up to 16 bytes of any
 * other family.
 */
int mplsroute_attr_get_encap(const struct nlattr *encap,
			     const struct nlattr *encap_type,
			     struct mplsroute_labels *ls);
int mplsroute_attr_get_newdst(const struct nlattr *attr,
			      struct mplsroute_labels *ls);
int mplsroute_attr_get_via(const struct nlattr *attr,
			   struct mplsroute_addr *via);


/* ---- routes (lib/route.c builds, lib/dump.c decodes) ------------------- */

#define MPLSROUTE_MAX_NEXTHOPS	32
#define MPLSROUTE_MAX_ATTRS	24

/* One path: a single-path route's own, or one rtnexthop of RTA_MULTIPATH. */
struct mplsroute_nexthop {
	struct mplsroute_addr via;	/* family 0: no via */
	uint32_t ifindex;		/* 0: no device */
	uint8_t flags;			/* RTNH_F_* */
	uint8_t hops;			/* weight - 1 */
	struct mplsroute_labels encap;	/* RTA_ENCAP, n = 0: none */
	struct mplsroute_labels newdst;	/* RTA_NEWDST, n = 0: none */
	uint8_t nattrs;			/* RTA_* types in argument/wire order */
	uint16_t attrs[8];
};

/*
 * A route as the plain struct between parsing, building, decoding and
 * printing.  attrs[] lists the RTA_* types in the order the user gave them
 * (or the kernel sent them): the builder emits them in that order, as
 * iproute2 4.4 does, then RTA_OIF, RTA_METRICS and RTA_MULTIPATH.
 */
struct mplsroute_route {
	/* struct rtmsg */
	uint8_t family;
	uint8_t dst_len;
	uint8_t src_len;
	uint8_t tos;
	uint8_t table;		/* rtm_table; RT_TABLE_UNSPEC when >= 256 */
	uint8_t protocol;
	uint8_t scope;
	uint8_t type;
	uint32_t flags;		/* rtm_flags */

	uint32_t table_id;	/* the full table id (RTA_TABLE or rtm_table) */
	struct mplsroute_addr dst;	/* RTA_DST */
	struct mplsroute_addr src;	/* RTA_SRC */
	struct mplsroute_addr prefsrc;	/* RTA_PREFSRC */
	struct mplsroute_nexthop nh;	/* RTA_GATEWAY/RTA_VIA, RTA_OIF, ... */
	uint32_t priority;	/* RTA_PRIORITY, when has_priority */
	uint8_t has_priority;
	uint8_t pref;		/* RTA_PREF, when has_pref */
	uint8_t has_pref;
	uint32_t iif;		/* RTA_IIF */
	uint32_t metrics[17];	/* RTAX_* values, index = RTAX type */
	uint32_t metrics_set;	/* bit n: metrics[n] present */
	uint32_t expires;	/* from RTA_CACHEINFO (route get) */
	uint8_t has_cacheinfo;

	uint8_t nattrs;
	uint16_t attrs[MPLSROUTE_MAX_ATTRS];

	uint8_t nnh;		/* RTA_MULTIPATH nexthops, 0: single path */
	struct mplsroute_nexthop nhs[MPLSROUTE_MAX_NEXTHOPS];
};

/* ---- route messages (lib/route.c) ---------------------------------------- */
/* (declarations of mplsroute_route_init/_build go here) */

/* ---- names: tables, protocols, scopes, types (lib/names.c) --------------- */
/* (declarations go here) */

/* ---- socket, ACKs, extack, replay, batches (lib/sock.c, lib/replay.c, lib/batch.c) */
/* (declarations go here) */

/* ---- dump and decode (lib/dump.c) ----------------------------------------- */
/* (declarations go here) */

/* ---- printing (lib/print.c) ------------------------------------------------ */
/* (declarations go here) */

#ifdef __cplusplus
}
#endif

#endif /* MPLSROUTE_H */
