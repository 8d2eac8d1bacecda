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

/*
 * mplsroute_attr_put_encap_ttl - as mplsroute_attr_put_encap, with
 * MPLS_IPTUNNEL_TTL (u8 @ttl) after MPLS_IPTUNNEL_DST inside RTA_ENCAP, as
 * current iproute2 sends `encap mpls LABELS ttl N`; @ttl < 0: none (the
 * same bytes as mplsroute_attr_put_encap).  Returns 0, -EMSGSIZE, -EINVAL
 * (empty stack) or -ERANGE (@ttl > 255).
 */
int mplsroute_attr_put_encap_ttl(struct nlmsghdr *nlh, size_t buflen,
				 const struct mplsroute_labels *ls, int ttl);

/*
 * mplsroute_attr_put_newdst - append RTA_NEWDST.  Returns 0, -EMSGSIZE or
 * -EINVAL.
 */
int mplsroute_attr_put_newdst(struct nlmsghdr *nlh, size_t buflen,
			      const struct mplsroute_labels *ls);

/*
 * mplsroute_attr_put_via - append RTA_VIA (u16 family in host order, then
 * 4 or 16 address bytes, or the label stack for AF_MPLS).  Returns 0,
 * -EMSGSIZE, or -EAFNOSUPPORT for a family other than inet/inet6/mpls.
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
/*
 * mplsroute_attr_get_encap_ttl - as mplsroute_attr_get_encap, and sets *ttl
 * to MPLS_IPTUNNEL_TTL (0..255), or -1 when the encap has none.  A TTL
 * attribute whose payload is not one byte is -EINVAL.  Returns as
 * mplsroute_attr_get_encap; *ttl is set only on success.
 */
int mplsroute_attr_get_encap_ttl(const struct nlattr *encap,
				 const struct nlattr *encap_type,
				 struct mplsroute_labels *ls, int *ttl);
int mplsroute_attr_get_newdst(const struct nlattr *attr,
			      struct mplsroute_labels *ls);
int mplsroute_attr_get_via(const struct nlattr *attr,
			   struct mplsroute_addr *via);


/* ---- routes (lib/route.c builds, lib/dump.c decodes) ------------------- */

/*
 * A route (and each of its paths) is an opaque object: made with
 * mplsroute_route_new, freed with mplsroute_route_free.
 */
struct mplsroute_route;
struct mplsroute_nexthop;

/*
 * mplsroute_route_new - a new, empty route.  Returns it, or NULL with errno
 * ENOMEM.  Each route is a memory mapping of its own (15 KiB, touched only
 * as far as it is filled): new and free are a system call each, so keep a
 * route and mplsroute_route_reset it rather than make one per message.
 */
struct mplsroute_route *mplsroute_route_new(void);

/* mplsroute_route_free - free @rt (NULL is fine).  Returns nothing. */
void mplsroute_route_free(struct mplsroute_route *rt);

/*
 * mplsroute_route_reset - make @rt empty again, as mplsroute_route_new
 * gives it (cheap: the nexthops are cleared as they are added).  NULL is
 * fine.  Returns nothing.
 */
void mplsroute_route_reset(struct mplsroute_route *rt);

/* ---- the route object: setters (lib/route_set.c) ------------------------- */

/*
 * A route is filled through setters; its attributes go on the wire in the
 * order their setters were first called (as ip sends them in argument
 * order); setting a value again replaces it in place.  What is not set
 * takes iproute2 4.4's defaults for the request it goes into (see
 * mplsroute_route_request), so one route serves an add and a del.
 * Unless said otherwise each setter returns 0, -EINVAL (a bad value),
 * -ERANGE (a label or number out of range), -E2BIG (too many labels or
 * attributes) or -EAFNOSUPPORT (a family other than inet, inet6, mpls).
 *
 * mplsroute_route_set_family - AF_INET, AF_INET6 or AF_MPLS.  Without it
 * the family is the destination's, else the via's, else AF_INET.
 */
int mplsroute_route_set_family(struct mplsroute_route *rt, int family);

/*
 * mplsroute_route_set_dst - the destination @prefix: rtm_dst_len is its
 * bitlen (inet/inet6; for AF_MPLS a label stack, length 20), bytelen is
 * completed for inet/inet6 when 0 with a bitlen (a bytelen and bitlen of 0
 * is "default": no RTA_DST).  Sets the route's family when unset; a
 * different family set before is -EAFNOSUPPORT.  Returns 0 or -errno.
 */
int mplsroute_route_set_dst(struct mplsroute_route *rt,
			    const struct mplsroute_addr *prefix);

/*
 * mplsroute_route_set_label - the MPLS in-label: family mpls, dst /20.
 * Returns 0, -ERANGE (not below 2^20) or -EAFNOSUPPORT.
 */
int mplsroute_route_set_label(struct mplsroute_route *rt, uint32_t label);

/*
 * mplsroute_route_set_protocol, _set_scope, _set_type, _set_tos - the
 * rtmsg fields (RTPROT_*, RT_SCOPE_*, RTN_*, tos); given, they replace
 * 4.4's defaults.  Return 0.
 */
int mplsroute_route_set_protocol(struct mplsroute_route *rt, uint8_t proto);
int mplsroute_route_set_scope(struct mplsroute_route *rt, uint8_t scope);
int mplsroute_route_set_type(struct mplsroute_route *rt, uint8_t type);
int mplsroute_route_set_tos(struct mplsroute_route *rt, uint8_t tos);

/* mplsroute_route_set_priority - RTA_PRIORITY ("metric N").  Returns 0. */
int mplsroute_route_set_priority(struct mplsroute_route *rt, uint32_t metric);

/*
 * mplsroute_route_set_prefsrc - RTA_PREFSRC ("src ADDR"), inet/inet6.
 * Returns 0 or -errno.
 */
int mplsroute_route_set_prefsrc(struct mplsroute_route *rt,
				const struct mplsroute_addr *a);

/*
 * mplsroute_route_set_ttl_propagate - RTA_TTL_PROPAGATE, @enabled 1 or 0.
 * Returns 0 or -EINVAL.
 */
int mplsroute_route_set_ttl_propagate(struct mplsroute_route *rt,
				      int enabled);

/*
 * mplsroute_route_set_metric - RTAX_* @rtax (1..16, not RTAX_CC_ALGO) in
 * RTA_METRICS, in first-set order; RTAX_LOCK (a bit mask) goes last.
 * Returns 0, -EINVAL (@rtax) or -EMSGSIZE (too many metrics).
 */
int mplsroute_route_set_metric(struct mplsroute_route *rt, uint16_t rtax,
			       uint32_t value);

/*
 * mplsroute_route_path - the route's single path (via, dev, as, encap),
 * valid as long as @rt.  Returns it (NULL for a NULL @rt).
 */
struct mplsroute_nexthop *mplsroute_route_path(struct mplsroute_route *rt);

/*
 * mplsroute_route_add_nexthop - a new, empty nexthop of RTA_MULTIPATH
 * (weight 1).  Returns it, or NULL with errno E2BIG when the route has
 * its 32 nexthops.
 */
struct mplsroute_nexthop *mplsroute_route_add_nexthop(
	struct mplsroute_route *rt);

/*
 * mplsroute_nexthop_set_via - "via [FAMILY] ADDR": RTA_GATEWAY when its
 * family is the route's, else RTA_VIA (inet, inet6, or mpls labels).
 * Returns 0 or -errno.
 */
int mplsroute_nexthop_set_via(struct mplsroute_nexthop *nh,
			      const struct mplsroute_addr *via);

/* mplsroute_nexthop_set_oif - the device ("dev"), 0: none.  Returns 0. */
int mplsroute_nexthop_set_oif(struct mplsroute_nexthop *nh, uint32_t ifindex);

/*
 * mplsroute_nexthop_set_newdst - "as LABELS" (swap), RTA_NEWDST.  Returns
 * 0, -EINVAL (no labels), -ERANGE or -E2BIG.
 */
int mplsroute_nexthop_set_newdst(struct mplsroute_nexthop *nh,
				 const struct mplsroute_labels *ls);

/*
 * mplsroute_nexthop_set_encap - "encap mpls LABELS [ttl N]" (push):
 * RTA_ENCAP + RTA_ENCAP_TYPE; @ttl 0..255, or -1 for none.  Returns 0,
 * -EINVAL (no labels), -ERANGE (a label, or @ttl) or -E2BIG.
 */
int mplsroute_nexthop_set_encap(struct mplsroute_nexthop *nh,
				const struct mplsroute_labels *ls, int ttl);

/*
 * mplsroute_nexthop_set_weight - "weight N", 1..256.  Returns 0 or
 * -ERANGE.
 */
int mplsroute_nexthop_set_weight(struct mplsroute_nexthop *nh,
				 unsigned weight);

/*
 * mplsroute_nexthop_set_flags - RTNH_F_* (e.g. RTNH_F_ONLINK, "onlink"):
 * the rtnexthop's flags, for the single path rtm_flags' low byte.
 * Returns 0, or -EINVAL for @rtnh_flags above 0xff.
 */
int mplsroute_nexthop_set_flags(struct mplsroute_nexthop *nh,
				unsigned rtnh_flags);

/* ---- the route object: getters (lib/route_get.c) ------------------------- */

/*
 * Built and decoded routes are read the same way.  A new route reads as
 * 4.4's starting values of an add (table main, protocol boot, scope
 * universe, type unicast) until set; a decoded one as the kernel sent it.
 */
/* mplsroute_route_get_family - returns the family (0: unset). */
int mplsroute_route_get_family(const struct mplsroute_route *rt);
/*
 * mplsroute_route_get_dst - the destination (bitlen: the prefix length).
 * Returns 0, or -ENOENT when there is none (e.g. a decoded default route).
 */
int mplsroute_route_get_dst(const struct mplsroute_route *rt,
			    struct mplsroute_addr *dst);
/*
 * mplsroute_route_get_label - an MPLS route's in-label (the first label of
 * its destination).  Returns 0, or -ENOENT for a route that is not MPLS.
 */
int mplsroute_route_get_label(const struct mplsroute_route *rt,
			      uint32_t *label);
/* mplsroute_route_get_table - returns the table id (RTA_TABLE or rtm). */
uint32_t mplsroute_route_get_table(const struct mplsroute_route *rt);
/* returns rtm_protocol, rtm_scope, rtm_type, rtm_tos */
int mplsroute_route_get_protocol(const struct mplsroute_route *rt);
int mplsroute_route_get_scope(const struct mplsroute_route *rt);
int mplsroute_route_get_type(const struct mplsroute_route *rt);
int mplsroute_route_get_tos(const struct mplsroute_route *rt);
/* mplsroute_route_get_priority - returns 0, or -ENOENT (none). */
int mplsroute_route_get_priority(const struct mplsroute_route *rt,
				 uint32_t *metric);
/* mplsroute_route_get_prefsrc - returns 0, or -ENOENT (none). */
int mplsroute_route_get_prefsrc(const struct mplsroute_route *rt,
				struct mplsroute_addr *a);
/* mplsroute_route_get_ttl_propagate - returns 1, 0, or -ENOENT (none). */
int mplsroute_route_get_ttl_propagate(const struct mplsroute_route *rt);
/*
 * mplsroute_route_get_metric - RTAX_* @rtax's u32 value (RTAX_LOCK too).
 * Returns 0, or -ENOENT (not set, or RTAX_CC_ALGO).
 */
int mplsroute_route_get_metric(const struct mplsroute_route *rt,
			       uint16_t rtax, uint32_t *v);
/*
 * mplsroute_route_nexthop_count - returns 1 for a single path, N for a
 * multipath route.
 */
unsigned mplsroute_route_nexthop_count(const struct mplsroute_route *rt);
/*
 * mplsroute_route_nexthop - returns path @i (0 .. count - 1; 0 is the
 * single path of a route without RTA_MULTIPATH), NULL past the end.
 */
const struct mplsroute_nexthop *mplsroute_route_nexthop(
	const struct mplsroute_route *rt, unsigned i);
/* mplsroute_nexthop_get_via - returns 0, or -ENOENT (none). */
int mplsroute_nexthop_get_via(const struct mplsroute_nexthop *nh,
			      struct mplsroute_addr *via);
/* mplsroute_nexthop_get_oif - returns the ifindex (0: none). */
uint32_t mplsroute_nexthop_get_oif(const struct mplsroute_nexthop *nh);
/* mplsroute_nexthop_get_newdst - returns 0, or -ENOENT (no swap). */
int mplsroute_nexthop_get_newdst(const struct mplsroute_nexthop *nh,
				 struct mplsroute_labels *ls);
/*
 * mplsroute_nexthop_get_encap - the pushed labels; *ttl (may be NULL)
 * gets the encap's ttl or -1.  Returns 0, or -ENOENT (no MPLS encap).
 */
int mplsroute_nexthop_get_encap(const struct mplsroute_nexthop *nh,
				struct mplsroute_labels *ls, int *ttl);
/* mplsroute_nexthop_get_weight - returns the weight (1..256). */
unsigned mplsroute_nexthop_get_weight(const struct mplsroute_nexthop *nh);
/* mplsroute_nexthop_get_flags - returns the RTNH_F_* flags. */
unsigned mplsroute_nexthop_get_flags(const struct mplsroute_nexthop *nh);

/* ---- the route object: requests (lib/route_op.c) ------------------------- */

struct mplsroute_sock;
struct mplsroute_batch;

/*
 * What a request does: ip route add / change / replace / prepend /
 * append / test / del, with the nlmsg type and flags iproute2 4.4 uses
 * (NLM_F_ACK included).
 */
enum mplsroute_op {
	MPLSROUTE_OP_ADD,	/* RTM_NEWROUTE, CREATE|EXCL */
	MPLSROUTE_OP_CHANGE,	/* RTM_NEWROUTE, REPLACE */
	MPLSROUTE_OP_REPLACE,	/* RTM_NEWROUTE, CREATE|REPLACE */
	MPLSROUTE_OP_PREPEND,	/* RTM_NEWROUTE, CREATE */
	MPLSROUTE_OP_APPEND,	/* RTM_NEWROUTE, CREATE|APPEND */
	MPLSROUTE_OP_TEST,	/* RTM_NEWROUTE, EXCL */
	MPLSROUTE_OP_DEL,	/* RTM_DELROUTE */
};

/*
 * mplsroute_route_request - write into @buf (@len bytes) the message
 * iproute2 4.4 sends for @rt and @op (seq and pid 0).  What was not set
 * takes 4.4's defaults for that op: family inet, table main (local for
 * types local, broadcast, nat, anycast), protocol boot (del: none), type
 * unicast (an IP del: none), scope universe for inet6 and mpls, else as
 * 4.4 picks it from the type, the op and whether there is a via.
 * Returns the message length, -EMSGSIZE (@buf too small) or -EINVAL.
 */
int mplsroute_route_request(void *buf, size_t len,
			    const struct mplsroute_route *rt,
			    enum mplsroute_op op);

/*
 * mplsroute_route_apply - send @rt's request for @op on @s and wait for
 * the kernel's answer.  Returns 0 or the kernel's -errno (its text:
 * mplsroute_sock_errmsg), or another -errno (socket, request).
 */
int mplsroute_route_apply(struct mplsroute_sock *s,
			  const struct mplsroute_route *rt,
			  enum mplsroute_op op);

/*
 * mplsroute_route_add, _replace, _del - mplsroute_route_apply with
 * MPLSROUTE_OP_ADD, _REPLACE, _DEL.  Each returns what it returns.
 */
int mplsroute_route_add(struct mplsroute_sock *s,
			const struct mplsroute_route *rt);
int mplsroute_route_replace(struct mplsroute_sock *s,
			    const struct mplsroute_route *rt);
int mplsroute_route_del(struct mplsroute_sock *s,
			const struct mplsroute_route *rt);

/*
 * mplsroute_batch_add_route - queue @rt's request for @op on batch @b
 * (see mplsroute_batch_add; adds are pipelined).  Returns what
 * mplsroute_batch_add returns, or the request's -EINVAL / -EMSGSIZE.
 */
int mplsroute_batch_add_route(struct mplsroute_batch *b,
			      const struct mplsroute_route *rt,
			      enum mplsroute_op op, unsigned long cookie);

/*
 * mplsroute_route_decode - decode an RTM_NEWROUTE or RTM_DELROUTE message
 * into @rt, to be read with the getters.  Every attribute length is
 * checked against the message and the attribute's expected size;
 * attributes the library does not know are skipped, and so is an encap
 * that is not MPLS.  The decoded table, protocol, scope and type count as
 * set, so that a request of @rt sends them again.  Returns 0, -EPROTO (not
 * a route message), -EBADMSG (shorter than an rtmsg), -EINVAL (a malformed
 * attribute or label stack) or -E2BIG (more labels or nexthops than a
 * route holds).
 */
int mplsroute_route_decode(const struct nlmsghdr *nlh,
			   struct mplsroute_route *rt);

/* ---- route messages (lib/route.c) ---------------------------------------- */
/*
 * mplsroute_route_set_table - set the table as "table ID" does: rtm_table
 * is @id below 256, else RT_TABLE_UNSPEC and RTA_TABLE is listed.
 * Returns 0 or -E2BIG (attribute list full).
 */
int mplsroute_route_set_table(struct mplsroute_route *rt, uint32_t id);

/*
 * mplsroute_route_build - write the request iproute2 4.4 sends for @rt into
 * @buf (@len bytes): a netlink header of @nlmsg_type with flags
 * NLM_F_REQUEST | @nlmsg_flags (add NLM_F_ACK to get an answer), seq and
 * pid 0, then struct rtmsg from @rt (rtm_table from rt->table_id, or
 * rt->table when table_id is 0), then the attributes: first in rt->attrs[]
 * order (entries MPLSROUTE_ATTR_RAW | OFF: the bytes kept in rt->raw;
 * RTA_DST, RTA_SRC, RTA_ENCAP + RTA_ENCAP_TYPE, RTA_GATEWAY or
 * RTA_VIA, RTA_NEWDST, RTA_PREFSRC, RTA_PRIORITY, RTA_TABLE (id >= 256
 * only), RTA_PREF, RTA_TTL_PROPAGATE; unknown types are skipped), then
 * those of the same set present in @rt but not listed, in that order (an
 * encap with has_encap_ttl carries MPLS_IPTUNNEL_TTL after its labels),
 * then RTA_OIF (nh.ifindex),
 * RTA_METRICS (rt->mx as given, else metrics_set ascending; RTAX_LOCK
 * last; RTAX_CC_ALGO only from rt->mx) and RTA_MULTIPATH (nhs[]: each
 * rtnexthop with flags, hops, ifindex and its attributes in the same way,
 * RTA_FLOW for has_flow included).  A via of the route's family is
 * sent as RTA_GATEWAY, any other as RTA_VIA.  Padding is zeroed.  Call
 * mr_route_finish first.  Returns the message length,
 * -EMSGSIZE (buffer too small) or -EINVAL / -EAFNOSUPPORT (@rt holds
 * something that cannot be encoded).  After mplsroute_route_parse_args
 * the request is also kept in @rt, for the next line (see there): do not
 * build the same parsed route from two threads at once.
 */
int mplsroute_route_build(void *buf, size_t len,
			  const struct mplsroute_route *rt,
			  uint16_t nlmsg_type, uint16_t nlmsg_flags);


/* ---- names: tables, protocols, scopes, types (lib/names.c) --------------- */

/*
 * Names as iproute2 4.4 knows them: built-in names (tables default, main,
 * local and unspec; protocols none, redirect, kernel, boot, static, gated,
 * ra, mrt, zebra, bird, dnrouted, xorp, ntk, dhcp; scopes global, site,
 * link, host, nowhere; dsfield 0 is "0"), then the lines of the files
 * rt_tables, rt_protos, rt_scopes and rt_dsfield in /etc/iproute2, a later
 * line taking precedence for a number.  The files are read once, on first
 * use.
 *
 * mplsroute_names_load - (re)read the files from @dir (NULL: /etc/iproute2)
 * on top of the built-in names.  A missing file is not an error; a corrupt
 * line ends that file, as in 4.4.  Not safe while other threads use the
 * names.  Returns 0, -ENOMEM or -ENAMETOOLONG.
 */
int mplsroute_names_load(const char *dir);

/*
 * The a2n functions turn a word into a number: a name, else a number as
 * iproute2 4.4 reads it (strtoul base 0, whole word; dsfields base 16).
 * Tables take 0..2^32-1, the others 0..255.  Route types take 4.4's words
 * and abbreviations (unicast, local, broadcast/brd, anycast, multicast,
 * blackhole, unreachable, prohibit, throw, nat, xresolve).
 * Each returns 0 and sets *id, or -EINVAL (not a name nor a number in range).
 */
int mplsroute_table_a2n(uint32_t *id, const char *arg);
int mplsroute_proto_a2n(uint32_t *id, const char *arg);
int mplsroute_scope_a2n(uint32_t *id, const char *arg);
int mplsroute_type_a2n(uint32_t *id, const char *arg);
int mplsroute_dsfield_a2n(uint32_t *id, const char *arg);

/*
 * The n2a functions write the name of @id (NUL-terminated) to @buf, or the
 * number when there is no name: decimal, dsfields as 0x%02x.  Each returns
 * the length written (without the NUL) or -ENOSPC if @len is too small.
 */
int mplsroute_table_n2a(uint32_t id, char *buf, size_t len);
int mplsroute_proto_n2a(uint32_t id, char *buf, size_t len);
int mplsroute_scope_n2a(uint32_t id, char *buf, size_t len);
int mplsroute_type_n2a(uint32_t id, char *buf, size_t len);
int mplsroute_dsfield_n2a(uint32_t id, char *buf, size_t len);

/*
 * Realms (RTA_FLOW), as 4.4's rtnl_rtrealm_*: built-in name unknown (0),
 * then /etc/iproute2/rt_realms; numbers 0..255, base 0.
 * mplsroute_realm_a2n returns 0 and sets *id, or -EINVAL;
 * mplsroute_realm_n2a returns the length written or -ENOSPC.
 */
int mplsroute_realm_a2n(uint32_t *id, const char *arg);
int mplsroute_realm_n2a(uint32_t id, char *buf, size_t len);

/*
 * Route preferences (RTA_PREF, IPv6), as ip's "pref": low (3), medium
 * (0), high (1).  mplsroute_pref_a2n takes those words (exactly) or a
 * number 0..255 (base 0) and returns 0 and sets *id, or -EINVAL;
 * mplsroute_pref_n2a writes the name or the number and returns the length
 * written or -ENOSPC.
 */
int mplsroute_pref_a2n(uint32_t *id, const char *arg);
int mplsroute_pref_n2a(uint32_t id, char *buf, size_t len);

/* ---- socket, replay, batches (lib/sock.c, lib/replay.c, lib/batch.c) ---- */

/* A NETLINK_ROUTE socket, or a replay of a recording (see _open_replay). */
struct mplsroute_sock;

/* called for each reply to a request; return 0 to go on, < 0 to stop */
typedef int (*mplsroute_msg_cb)(const struct nlmsghdr *nlh, void *data);

/*
 * mplsroute_sock_open - open a NETLINK_ROUTE socket with NETLINK_EXT_ACK on
 * (where the kernel has it); the kernel binds it at the first send.  The
 * first batch, dump or multi-message send also turns NETLINK_CAP_ACK on
 * and makes its buffers large.  Returns 0 and sets *sp, or -errno.
 */
int mplsroute_sock_open(struct mplsroute_sock **sp);

/*
 * mplsroute_sock_open_replay - a socket that talks to a recording instead of
 * the kernel.  Every message sent of type RTM_NEWROUTE, RTM_DELROUTE or
 * RTM_GETROUTE is appended to @record_path as a line "NAME FLAGS HEX" (the
 * message with nlmsg_seq and nlmsg_pid zeroed).  Answers come, in order,
 * from @responses_path (same format); each gets the seq of the request it
 * answers.  With no responses (NULL or a missing file) every request that
 * wants an ACK gets success and a dump gets just NLMSG_DONE.
 * Returns 0 and sets *sp, or -errno (the record file cannot be opened...).
 */
int mplsroute_sock_open_replay(struct mplsroute_sock **sp,
			       const char *record_path,
			       const char *responses_path);

/* mplsroute_sock_close - close the socket (NULL is fine).  Returns nothing. */
void mplsroute_sock_close(struct mplsroute_sock *s);

/*
 * mplsroute_sock_talk - send @nlh (its seq and pid are set here) and, when it
 * has NLM_F_ACK, wait for the kernel's answer.  Returns 0 or the kernel's
 * -errno; the kernel's extended-ack text, if any, is copied to @errmsg
 * ("" when none; @errmsg may be NULL).  Other -errno for socket failures.
 */
int mplsroute_sock_talk(struct mplsroute_sock *s, struct nlmsghdr *nlh,
			char *errmsg, size_t errlen);

/*
 * mplsroute_sock_request - send @nlh and hand every reply for it to @cb
 * (may be NULL) until the request is complete: NLMSG_DONE for a dump or a
 * multi-part answer, the ACK when NLM_F_ACK is set, else the first reply
 * (e.g. the answer of a non-dump RTM_GETROUTE).  Returns 0, @cb's negative
 * value, the kernel's -errno (text: mplsroute_sock_errmsg), or -ENOBUFS when
 * the socket lost messages (the caller may retry the whole request).
 */
int mplsroute_sock_request(struct mplsroute_sock *s, struct nlmsghdr *nlh,
			   mplsroute_msg_cb cb, void *data);

/*
 * mplsroute_sock_dump - send the dump request @req (NLM_F_DUMP is added) and
 * call @cb for every message until NLMSG_DONE.  Messages are processed as
 * they arrive: memory does not grow with the table.  Returns 0, @cb's
 * negative value, the kernel's -errno (text: mplsroute_sock_errmsg) or
 * -ENOBUFS (messages were lost; retry the dump).
 */
int mplsroute_sock_dump(struct mplsroute_sock *s, struct nlmsghdr *req,
			mplsroute_msg_cb cb, void *data);

/*
 * mplsroute_sock_send - send @nlh without waiting for anything (its seq and
 * pid are set here).  Errors the kernel reports later are found with
 * mplsroute_sock_check.  Returns 0 or -errno.
 */
int mplsroute_sock_send(struct mplsroute_sock *s, struct nlmsghdr *nlh);

/*
 * mplsroute_sock_send_buf - send @len bytes holding several netlink
 * messages back to back in one sendmsg (each one gets its own seq), without
 * waiting.  Returns 0, -EINVAL (not whole messages) or -errno.
 */
int mplsroute_sock_send_buf(struct mplsroute_sock *s, void *buf, size_t len);

/*
 * mplsroute_sock_check - look, without blocking, for an error the kernel
 * sent for messages given to mplsroute_sock_send/_send_buf.  Returns 0 when
 * none is pending, else the first one's -errno (text:
 * mplsroute_sock_errmsg).
 */
int mplsroute_sock_check(struct mplsroute_sock *s);

/*
 * mplsroute_sock_errmsg - returns the extended-ack text of the last kernel
 * error (talk, request, dump or check); "" when the kernel sent none.  The
 * string belongs to the socket and stays valid until its next call.
 */
const char *mplsroute_sock_errmsg(const struct mplsroute_sock *s);

/*
 * mplsroute_sock_dump_interrupted - returns 1 if the last dump had
 * NLM_F_DUMP_INTR set (the table changed during the dump), else 0.
 */
int mplsroute_sock_dump_interrupted(const struct mplsroute_sock *s);

/*
 * mplsroute_sock_fd - returns the socket's file descriptor (-1 for a
 * replay).
 */
int mplsroute_sock_fd(const struct mplsroute_sock *s);

/*
 * Batches: many requests per sendmsg, ACKs matched by sequence number.
 * Route adds (RTM_NEWROUTE with NLM_F_CREATE|NLM_F_EXCL|NLM_F_ACK) are
 * packed into a window that is sent in one sendmsg; any other message, or
 * an add whose key (family, table, destination, tos, metric) is already in
 * the window, first sends and drains the window, then goes alone.  Each
 * message's result reaches the callback once, in order.
 */
struct mplsroute_batch;

/*
 * Result of one message: @err is 0, the kernel's -errno (@errmsg its
 * extended-ack text, "" when none) or -ECANCELED for a message after a
 * failure in MPLSROUTE_BATCH_STOP mode (it was undone or never applied).
 * @cookie is the caller's value given to mplsroute_batch_add.
 */
typedef void (*mplsroute_batch_cb)(const struct nlmsghdr *req, int err,
				   const char *errmsg, unsigned long cookie,
				   void *data);

/* stop at the first failure; undo the adds after it that the kernel applied */
#define MPLSROUTE_BATCH_STOP	0x1

/*
 * mplsroute_batch_open - a batch on @s.  @window: messages per sendmsg
 * (0: sized from the socket's receive buffer, at most 1024).  @cb may be
 * NULL.  Returns 0 and sets *bp, or -ENOMEM / -EINVAL.
 */
int mplsroute_batch_open(struct mplsroute_batch **bp, struct mplsroute_sock *s,
			 unsigned flags, unsigned window,
			 mplsroute_batch_cb cb, void *data);

/*
 * mplsroute_batch_add - queue a copy of @nlh (its seq is set when sent).
 * Returns 0, -ECANCELED once a STOP batch has failed (nothing is queued),
 * -EMSGSIZE for a message too big for the window, or a socket -errno.
 * Kernel errors are not returned here: they reach the callback.
 */
int mplsroute_batch_add(struct mplsroute_batch *b, const struct nlmsghdr *nlh,
			unsigned long cookie);

/*
 * mplsroute_batch_flush - send what is queued and wait for every result.
 * Returns 0 when every message so far succeeded, -ECANCELED after a failure
 * (the callback had the details), -ENOTRECOVERABLE if an undo failed, or a
 * socket -errno (results lost, e.g. -ENOBUFS).
 */
int mplsroute_batch_flush(struct mplsroute_batch *b);

/*
 * mplsroute_batch_set_noack - @on non-zero: the pipelined adds go without
 * NLM_F_ACK, except the last of each window, whose answer (the kernel
 * handles a socket's requests in order) says that every add before it
 * without an error answer was applied; the kernel still answers each
 * failure, so results, the callback, MPLSROUTE_BATCH_STOP and its undo
 * are as with ACKs.  Windows may then hold up to 4096 adds (with @window 0:
 * as many as the receive buffer has room for failures).  The requests
 * differ from iproute2 4.4's only in that flag.  @on 0: every message
 * asks for its ACK again (the default).  Returns 0, or -EBUSY while adds
 * are queued (call mplsroute_batch_flush first).
 */
int mplsroute_batch_set_noack(struct mplsroute_batch *b, int on);

/* mplsroute_batch_failures - how many messages failed so far.  Returns it. */
unsigned long mplsroute_batch_failures(const struct mplsroute_batch *b);

/*
 * mplsroute_batch_close - free the batch.  Messages still queued are dropped
 * without being sent: call mplsroute_batch_flush first.  Returns nothing.
 */
void mplsroute_batch_close(struct mplsroute_batch *b);

/* ---- dump and decode (lib/dump.c, lib/filter.c) -------------------------- */

struct mplsroute_sock;

/*
 * mplsroute_route_dump_request - write the dump request iproute2 4.4 sends
 * for `ip route show`: RTM_GETROUTE, NLM_F_REQUEST|NLM_F_DUMP, a 16-byte
 * ifinfomsg with @family and IFLA_EXT_MASK = RTEXT_FILTER_VF (40 bytes).
 * Returns the message length or -EMSGSIZE.
 */
int mplsroute_route_dump_request(void *buf, size_t len, int family);

/*
 * Called for every route of a dump with the message and its decoding;
 * @rt is NULL when the message could not be decoded.  Both are valid only
 * during the call.  Return 0 to go on, < 0 to stop the dump.
 */
typedef int (*mplsroute_route_cb)(const struct nlmsghdr *nlh,
				  const struct mplsroute_route *rt,
				  void *data);

/*
 * mplsroute_route_dump - dump the routes of @family (AF_UNSPEC: all) on @s
 * and call @cb for each as it arrives, decoded by mplsroute_route_decode
 * (read it with the getters); memory does not grow with the table.
 * Returns 0, @cb's negative value, -ENOMEM, or what mplsroute_sock_dump
 * returns (the kernel's -errno, -ENOBUFS when messages were lost).
 */
int mplsroute_route_dump(struct mplsroute_sock *s, int family,
			 mplsroute_route_cb cb, void *data);

/*
 * Route selection for show/flush/get (lib/filter.c), iproute2 4.4's rules.
 * A prefix selector: addr.family 0 = unused; bitlen its length (-1: unset).
 */
struct mplsroute_prefix {
	struct mplsroute_addr addr;
	int bitlen;
};

struct mplsroute_filter {
	uint32_t table;		/* 0: every table (table all) */
	int cloned;		/* 0: no cloned routes, 1: only them, 2: all */
	int flush;		/* selecting for a flush */
	uint8_t protocol, protocolmask;	/* mask 0xff: must equal */
	uint8_t scope, scopemask;
	uint8_t type, typemask;
	uint8_t tos, tosmask;
	uint32_t iif, oif;
	int iifmask, oifmask;	/* non-zero: must equal */
	struct mplsroute_prefix rdst, mdst, rsrc, msrc;	/* root/match */
	struct mplsroute_prefix rvia, rprefsrc;
	int ip6_multiple_tables;	/* state kept across one dump */
	uint32_t realm, realmmask;	/* realms FROM/TO: RTA_FLOW bits */
};

/*
 * mplsroute_filter_init - the selector of a bare `ip route show`: table
 * main, no cloned routes, nothing else fixed.  Returns nothing.
 */
void mplsroute_filter_init(struct mplsroute_filter *f);

/*
 * mplsroute_filter_match - does @rt pass @f?  Call it for every route of a
 * dump in order (IPv6's main/local split depends on what came before).
 * Returns 1 (print or flush it), 0 (skip it) or -EINVAL.
 */
int mplsroute_filter_match(struct mplsroute_filter *f,
			   const struct mplsroute_route *rt);

/*
 * mplsroute_filter_hide - the MPLSROUTE_PRINT_NO_* flags 4.4 applies when
 * printing @rt under @f (a selector that fixes a field hides it).
 * Returns the flags.
 */
unsigned int mplsroute_filter_hide(const struct mplsroute_filter *f,
				   const struct mplsroute_route *rt);

/* ---- the ip route grammar (lib/addr.c, lib/grammar*.c, lib/selector*.c) */

/*
 * iproute2 4.4's words, as library functions: a command line's words in,
 * a route (or a filter, or a `route get` request) out, or an error value
 * that says which word, what kind of error and iproute2 4.4's message.
 * Nothing is printed; device names go through a lookup the caller can
 * replace (so that the grammar runs without root and without a network).
 */

/*
 * mplsroute_abbrev - iproute2's matches(): returns 1 if @word is @keyword
 * or abbreviates it (the empty word abbreviates anything), else 0.
 */
int mplsroute_abbrev(const char *word, const char *keyword);

/*
 * mplsroute_family_a2n - returns the AF_* a family word names exactly
 * ("inet", "inet6", "mpls", "link", "ipx", "dnet", "bridge"), or AF_UNSPEC.
 */
int mplsroute_family_a2n(const char *name);

/*
 * mplsroute_family_n2a - returns the word iproute2 4.4 names @family by
 * in its messages ("inet", "inet6", "mpls", ...), or "???".
 */
const char *mplsroute_family_n2a(int family);

/*
 * mplsroute_addr_parse - an address of @family (AF_UNSPEC: inet or inet6
 * by its form) as iproute2 4.4's get_addr reads it: dotted inet with 1 to
 * 4 parts, inet6, an MPLS label stack (AF_MPLS), "default"/"any"/"all"
 * (bitlen 0xff, bytes zero).  Returns 0 or -EINVAL.
 */
int mplsroute_addr_parse(struct mplsroute_addr *a, const char *text,
			 int family);

/*
 * mplsroute_prefix_parse - ADDR[/LEN] as 4.4's get_prefix reads it (LEN
 * may be a dotted netmask; "default"/"any"/"all" is the zero-length
 * prefix).  a->bitlen is the prefix length.  Returns 0 or -EINVAL.
 */
int mplsroute_prefix_parse(struct mplsroute_addr *a, const char *text,
			   int family);

/* what went wrong (mplsroute_error.kind) */
enum mplsroute_err_kind {
	MPLSROUTE_ERR_NONE = 0,
	MPLSROUTE_ERR_INCOMPLETE,	/* a keyword without its value */
	MPLSROUTE_ERR_INVALID,		/* a value its keyword does not take */
	MPLSROUTE_ERR_DUPLICATE,	/* given twice, or a garbage word */
	MPLSROUTE_ERR_ADDRESS,		/* an address was expected */
	MPLSROUTE_ERR_PREFIX,		/* a prefix was expected */
	MPLSROUTE_ERR_NODEV,		/* no device of that name */
	MPLSROUTE_ERR_USAGE,		/* "help", or no destination: usage */
	MPLSROUTE_ERR_UNSUPPORTED,	/* a keyword this library does not do */
	MPLSROUTE_ERR_TOO_MANY,		/* more repeats or metrics than fit */
	MPLSROUTE_ERR_TOO_LONG,		/* a word or request too long */
	MPLSROUTE_ERR_NEXTHOP,		/* "nexthop" expected, empty, too many */
	MPLSROUTE_ERR_CONTEXT,		/* a word not allowed here */
	MPLSROUTE_ERR_MISSING,		/* a word that must be given is not */
};

#define MPLSROUTE_ERR_MSG_MAX	1024

struct mplsroute_error {
	int kind;		/* MPLSROUTE_ERR_* */
	int argi;		/* index of the bad word in argv, -1: none */
	const char *word;	/* that word (points into argv), NULL: none */
	int exits;		/* 4.4 exit()s here (a batch stops there) */
	/*
	 * iproute2 4.4's stderr text for it, newlines included ("" for
	 * MPLSROUTE_ERR_USAGE: the caller prints its usage); a text longer
	 * than the array ends in "...\n"
	 */
	char msg[MPLSROUTE_ERR_MSG_MAX];
};

struct mplsroute_parse_opts {
	int family;	/* -f: AF_UNSPEC (from the words), AF_INET... */
	/* @name's ifindex into *index: 0, or < 0 when there is none.
	 * NULL: if_nametoindex. */
	int (*ifindex)(const char *name, uint32_t *index, void *data);
	void *data;
	/* the request the route is for: RTM_NEWROUTE (0 too) or
	 * RTM_DELROUTE (4.4's starting values differ) */
	uint16_t nlmsg_type;
};

/*
 * mplsroute_error_set - fill @err with @kind's 4.4 message about @word
 * (at @argi): INCOMPLETE ("Command line is not complete..."), INVALID
 * (@detail: the reason, as 4.4's invarg), DUPLICATE (@detail: the key,
 * as duparg2), ADDRESS and PREFIX (@detail: the family's name; NULL for
 * 4.4's "not allowed in this context"), NODEV, USAGE (no text); any other
 * kind takes @detail as the whole message.  exits is 4.4's for the kind.
 * Returns the kind's -errno: -ENODEV, -EOPNOTSUPP (UNSUPPORTED), -E2BIG
 * (TOO_MANY), -EMSGSIZE (TOO_LONG), else -EINVAL.
 */
int mplsroute_error_set(struct mplsroute_error *err, int kind, int argi,
			const char *word, const char *detail);

/*
 * mplsroute_route_parse_args - the words after `ip route add` (or del,
 * change...): iproute2 4.4's route grammar and abbreviations (NODE_SPEC,
 * INFO_SPEC, metrics, nexthops, encap mpls [ttl N], ttl-propagate,
 * realms...) into @rt, with 4.4's starting values and fix-ups for
 * @o->nlmsg_type, ready for mplsroute_route_build.  A repeated keyword is
 * kept, as 4.4 sends it again.  @o and @err may be NULL.  Returns 0, or
 * -errno with @err filled: -EINVAL, -ENODEV, -EOPNOTSUPP, -E2BIG (more
 * repeats or metrics than a route holds), -EMSGSIZE.
 * Cheap for a batch: @rt remembers the last line parsed without error and
 * the request built from it; a line that differs only in numeric label or
 * address values of the same shape is read by re-parsing just those words
 * (the result and any error are those of a full parse).
 * mplsroute_route_reset() forgets it.
 */
int mplsroute_route_parse_args(struct mplsroute_route *rt, int argc,
			       char *const *argv,
			       const struct mplsroute_parse_opts *o,
			       struct mplsroute_error *err);

/*
 * mplsroute_route_parse_text - as mplsroute_route_parse_args, on one line
 * of text split into words as ip's batch does (blanks between words, a
 * word in '...' or "..." runs to the same quote; at most 100 words).  A
 * line that cannot be split is MPLSROUTE_ERR_INVALID ("Unterminated quoted
 * string") or TOO_MANY ("Too many arguments to command"); argi counts the
 * words and word is NULL (the words were a copy).  Returns as
 * mplsroute_route_parse_args, or -ENOMEM.
 */
int mplsroute_route_parse_text(struct mplsroute_route *rt, const char *text,
			       const struct mplsroute_parse_opts *o,
			       struct mplsroute_error *err);

/*
 * Many lines of one shape (a batch: "add 16 as 16 via inet 10.0.0.1 dev
 * eth1", then 17, 18...): after mplsroute_route_parse_args and
 * mplsroute_route_build of one line, the next such line's request is the
 * last one with its values patched, without reading the other words again.
 *
 * mplsroute_route_patch_words - the value words of the words last parsed
 * into @rt, those mplsroute_route_patch can replace: numbers given as a
 * destination, as `as [to]` labels, as the path's via address and as its
 * `encap mpls` labels (at most 4; a name or a keyword is no value word).
 * Their indexes in the words go to @argi (at most @max of them).  Returns
 * how many, -ENOENT when there is nothing to patch (the words could not
 * be kept, the last parse failed, or no request was built since), or
 * -EINVAL.
 */
int mplsroute_route_patch_words(const struct mplsroute_route *rt, int *argi,
				int max);

/*
 * mplsroute_route_patch - the words last parsed into @rt again, each
 * value word @argi[k] (an index from mplsroute_route_patch_words) now
 * @words[k] (k < @n; the others as they were), read as the parse reads
 * it: @rt becomes the route the parse would give, and the request last
 * built from it (mplsroute_route_build with @nlmsg_type and the same
 * @nlmsg_flags) is patched to match; *@req points to it, inside @rt,
 * valid until the next call on @rt (hand it to mplsroute_batch_add).
 * The parse's options are those of the last parse, and the device is not
 * looked up again.  Call it only on what the last parse, build or patch
 * left in @rt (no setter since).  Returns 0; 1 when only a full parse can
 * tell (a word is no value word, reads to another shape: another family,
 * length or number of labels, or is refused: the parse says why; then
 * call mplsroute_route_parse_args, which sets everything again); -EINVAL.
 */
int mplsroute_route_patch(struct mplsroute_route *rt, int n, const int *argi,
			  char *const *words, uint16_t nlmsg_type,
			  uint16_t nlmsg_flags, const struct nlmsghdr **req);

/*
 * mplsroute_filter_parse_args - the words after `ip route show` (or flush,
 * save): 4.4's SELECTOR (root/match/exact PREFIX, table, proto, scope,
 * type, tos, dev/oif, iif, via, src, realms, from, cache...) into @f
 * (mplsroute_filter_init first).  *@family (may be NULL) gets the family
 * to dump: @o->family, or AF_INET when a table is named without one.
 * Returns 0, or -errno with @err filled (-EINVAL, -ENODEV).
 */
int mplsroute_filter_parse_args(struct mplsroute_filter *f, int *family,
				int argc, char *const *argv,
				const struct mplsroute_parse_opts *o,
				struct mplsroute_error *err);

/* what else the words of `ip route get` asked for */
struct mplsroute_get_info {
	int connected;		/* "connected": ask again with the answer */
	int from;		/* "from ADDRESS" given */
	uint32_t iif, oif;	/* the devices given (0: none) */
};

/*
 * mplsroute_get_parse_args - the words after `ip route get` into the
 * RTM_GETROUTE request 4.4 sends (NLM_F_REQUEST; RTA_DST/RTA_SRC in word
 * order, then RTA_IIF, RTA_OIF, RTA_MARK), in @buf (@len bytes).  Also
 * current iproute2's words: `fibmatch` (RTM_F_FIB_MATCH in rtm_flags: the
 * whole route matched) and `as [to] LABELS` (RTA_NEWDST in word order: the
 * labels below, which choose a multipath route's nexthop).  Returns
 * the request's length, or -errno with @err filled: -EINVAL (4.4's errors,
 * "need at least destination address"), -ENODEV, -EMSGSIZE (the words
 * do not fit in @len: TOO_LONG, naming the word).
 */
int mplsroute_get_parse_args(void *buf, size_t len,
			     struct mplsroute_get_info *gi, int argc,
			     char *const *argv,
			     const struct mplsroute_parse_opts *o,
			     struct mplsroute_error *err);

/* ---- printing (lib/print.c, lib/print_json.c) ---------------------------- */

/* parts iproute2 4.4 leaves out when the selector already fixes them */
#define MPLSROUTE_PRINT_NO_DEV		0x001	/* dev/oif given */
#define MPLSROUTE_PRINT_NO_TABLE	0x002	/* a table other than all */
#define MPLSROUTE_PRINT_NO_PROTO	0x004	/* proto given */
#define MPLSROUTE_PRINT_NO_SCOPE	0x008	/* scope given */
#define MPLSROUTE_PRINT_NO_TYPE		0x010	/* type given */
#define MPLSROUTE_PRINT_NO_TOS		0x020	/* tos given */
#define MPLSROUTE_PRINT_NO_GATEWAY	0x040	/* via given, full length */
#define MPLSROUTE_PRINT_NO_PREFSRC	0x080	/* src given, full length */
#define MPLSROUTE_PRINT_NO_IIF		0x100	/* iif given */
#define MPLSROUTE_PRINT_NO_REALMS	0x200	/* realms FROM/TO given */

struct mplsroute_print_opts {
	int oneline;		/* -o: "\\" instead of newlines inside a route */
	int details;		/* -d: type, table, proto and scope always */
	int deleted;		/* start with "Deleted " (a RTM_DELROUTE) */
	unsigned int hide;	/* MPLSROUTE_PRINT_NO_* */
	long hz;		/* clock ticks a second (expiry); 0: sysconf */
	int stats;		/* -s: a cache entry's users, used and age */
	/*
	 * ifindex -> name into @buf; return 0, or < 0 for "unknown" (printed
	 * as if<N>).  NULL: if_indextoname.
	 */
	int (*ifname)(uint32_t ifindex, char *buf, size_t len, void *data);
	void *ifname_data;
};

/*
 * mplsroute_route_print - print @rt to @f as iproute2 4.4's `ip route show`
 * does, byte for byte (its double and trailing spaces included), with
 * names from mplsroute_*_n2a; MPLS multipath routes as iproute2 4.5 and
 * later print them (per-nexthop "as to", no weight).  @o may be NULL.
 * Returns 0, -EINVAL (no @f or @rt) or -EIO (the stream reported an error).
 */
int mplsroute_route_print(FILE *f, const struct mplsroute_route *rt,
			  const struct mplsroute_print_opts *o);

/*
 * Which iproute2's text mplsroute_route_print_style writes.  4.4 is
 * mplsroute_route_print's (the default everywhere); 6.1 is Debian
 * bookworm's iproute2 6.1 `ip route show`, byte for byte: one blank after
 * each field ("table 100 proto static ", not " table 100  proto static "),
 * "realm", "metric" and the flags as it writes them, the flags, cache,
 * metrics, pref and ttl-propagate before the nexthops, and every nexthop
 * with its "dev NAME " (IP nexthops "weight N ") and a blank before -o's
 * backslash.
 */
#define MPLSROUTE_STYLE_4_4	0
#define MPLSROUTE_STYLE_6_1	1

/*
 * mplsroute_print_style_a2n - the style named @word: "4.4" or "6.1" (the
 * iproute2 versions).  Returns MPLSROUTE_STYLE_*, or -EINVAL for any other
 * word (NULL too).
 */
int mplsroute_print_style_a2n(const char *word);

/*
 * mplsroute_route_print_style - print @rt to @f as mplsroute_route_print
 * does, in the text of @style (MPLSROUTE_STYLE_*).  @o may be NULL.
 * Returns 0, -EINVAL (no @f or @rt, an unknown @style) or -EIO (the
 * stream reported an error).
 */
int mplsroute_route_print_style(FILE *f, const struct mplsroute_route *rt,
				const struct mplsroute_print_opts *o,
				int style);

/*
 * mplsroute_route_format - the text mplsroute_route_print_style would
 * print, into @buf (@size bytes, no NUL added): for a caller that gathers
 * many routes in its own buffer and writes it once (ipmpls's `show`).
 * Returns the text's length (<= @size), -ENOSPC when it does not fit
 * (@buf then holds a cut text: print the route again into a bigger
 * buffer), or -EINVAL (no @buf or @rt, an unknown @style, @size above
 * INT_MAX).  Names come from @o->ifname as when printing.
 */
int mplsroute_route_format(char *buf, size_t size,
			   const struct mplsroute_route *rt,
			   const struct mplsroute_print_opts *o, int style);

/*
 * mplsroute_route_format_msg - the text mplsroute_route_format would write
 * for the route message @nlh once decoded (mplsroute_route_decode), made
 * straight from the message: the fast path of a dump's printer.  It takes
 * only the plain label routes a dump is mostly made of (AF_MPLS, unicast,
 * the main table, no flags, not cloned, one path: label, "as to", an IPv4
 * via, a device, ttl-propagate) in @style MPLSROUTE_STYLE_4_4 without
 * @o->details: each of them passes the selector of a bare `route show`.
 * Returns the text's length, -EAGAIN for any other message (decode it and
 * call mplsroute_route_format: nothing was written), -ENOSPC when @size
 * may be too small for the text (nothing was written), or -EINVAL (no
 * @buf or @nlh, an unknown @style, @size above INT_MAX).
 */
int mplsroute_route_format_msg(char *buf, size_t size,
			       const struct nlmsghdr *nlh,
			       const struct mplsroute_print_opts *o,
			       int style);

/*
 * JSON as current iproute2 prints routes with -j (and -p): an array of one
 * object per route, keys in its order ("dst", "to", "encap"/"dst",
 * "gateway" or "via" {"family", "host"}, "dev", ..., "flags", "nexthops").
 * Open the array, print each route, close it (which ends the line).
 */
struct mplsroute_json {
	FILE *f;
	int pretty;		/* -p: one member a line, 4-space indents */
	int depth;
	char sep;
};

/* mplsroute_json_open - start the array on @f.  Returns nothing. */
void mplsroute_json_open(struct mplsroute_json *j, FILE *f, int pretty);

/*
 * mplsroute_route_print_json - one route as a JSON object, with the same
 * options as mplsroute_route_print (oneline does not apply).  Returns 0,
 * -EINVAL or -EIO (the stream reported an error).
 */
int mplsroute_route_print_json(struct mplsroute_json *j,
			       const struct mplsroute_route *rt,
			       const struct mplsroute_print_opts *o);

/* mplsroute_json_close - end the array and the line.  Returns 0 or -EIO. */
int mplsroute_json_close(struct mplsroute_json *j);

/* ---- operator tools: netconf, MPLS statistics, monitor, check ---------- */
/* (lib/netconf.c, lib/stats.c, lib/monitor.c, lib/check.c) */

/*
 * A device's MPLS configuration as RTM_NEWNETCONF / RTM_DELNETCONF carry it.
 * ifindex: NETCONFA_IFINDEX (-1 all, -2 default); has_ifindex 0 when the
 * message had none.  input: NETCONFA_INPUT 1/0, -1 when absent.
 */
struct mplsroute_netconf {
	int family;		/* ncm_family */
	int deleted;		/* 1 for RTM_DELNETCONF */
	int has_ifindex;
	int32_t ifindex;
	int input;
};

/*
 * mplsroute_netconf_request - write RTM_GETNETCONF for @family into @buf:
 * with @ifindex 0 a dump request (struct netconfmsg, NLM_F_DUMP, as
 * iproute2 6.1 sends it), else a request for that one device
 * (NETCONFA_IFINDEX).  Returns the message length or -EMSGSIZE.
 */
int mplsroute_netconf_request(void *buf, size_t len, int family,
			      uint32_t ifindex);

/*
 * mplsroute_netconf_decode - decode an RTM_NEWNETCONF or RTM_DELNETCONF
 * message into @nc.  Unknown attributes are skipped.  Returns 0, -EPROTO
 * (another message type), -EBADMSG (too short) or -EINVAL (an attribute
 * of the wrong size).
 */
int mplsroute_netconf_decode(const struct nlmsghdr *nlh,
			     struct mplsroute_netconf *nc);

/* called for each decoded netconf message; return 0 to go on, < 0 to stop */
typedef int (*mplsroute_netconf_cb)(const struct mplsroute_netconf *nc,
				    void *data);

/*
 * mplsroute_netconf_dump - the netconf of every device of @family (@ifindex
 * 0), or of device @ifindex alone, handed to @cb.  Returns 0, @cb's negative
 * value, the kernel's -errno (text: mplsroute_sock_errmsg) or a decode
 * error.
 */
int mplsroute_netconf_dump(struct mplsroute_sock *s, int family,
			   uint32_t ifindex, mplsroute_netconf_cb cb,
			   void *data);

/* a device's MPLS counters (struct mpls_link_stats, MPLS_STATS_LINK) */
struct mplsroute_mpls_stats {
	uint32_t ifindex;
	uint64_t rx_packets, tx_packets;
	uint64_t rx_bytes, tx_bytes;
	uint64_t rx_errors, tx_errors;
	uint64_t rx_dropped, tx_dropped;
	uint64_t rx_noroute;
};

/*
 * mplsroute_stats_request - write RTM_GETSTATS asking for
 * IFLA_STATS_AF_SPEC only: a dump of every device when @ifindex is 0, else
 * for that device.  Returns the message length or -EMSGSIZE.
 */
int mplsroute_stats_request(void *buf, size_t len, uint32_t ifindex);

/*
 * mplsroute_stats_decode - read the MPLS counters of an RTM_NEWSTATS
 * message (IFLA_STATS_AF_SPEC / AF_MPLS / MPLS_STATS_LINK).  Returns 0,
 * -ENOENT (the device has no MPLS counters), -EPROTO (not RTM_NEWSTATS),
 * -EBADMSG (too short) or -EINVAL (a malformed attribute).
 */
int mplsroute_stats_decode(const struct nlmsghdr *nlh,
			   struct mplsroute_mpls_stats *st);

/* called for each device with MPLS counters; 0 to go on, < 0 to stop */
typedef int (*mplsroute_stats_cb)(const struct mplsroute_mpls_stats *st,
				  void *data);

/*
 * mplsroute_stats_dump - the MPLS counters of every device (@ifindex 0;
 * devices without MPLS counters are skipped) or of device @ifindex, handed
 * to @cb.  Returns 0, @cb's negative value, -ENOENT (@ifindex has no MPLS
 * counters), the kernel's -errno or a decode error.
 */
int mplsroute_stats_dump(struct mplsroute_sock *s, uint32_t ifindex,
			 mplsroute_stats_cb cb, void *data);

/* the groups a monitor listens to (mplsroute_monitor_open) */
#define MPLSROUTE_MON_ROUTE	0x1	/* IPv4 and IPv6 routes */
#define MPLSROUTE_MON_MPLS	0x2	/* MPLS routes */
#define MPLSROUTE_MON_NETCONF	0x4	/* MPLS netconf (input on/off) */

struct mplsroute_monitor;

#define MPLSROUTE_EV_ROUTE	1
#define MPLSROUTE_EV_NETCONF	2
#define MPLSROUTE_EV_TIME	3	/* a saved stream's NLMSG_TSTAMP */
#define MPLSROUTE_EV_OTHER	4	/* a saved stream's other messages */

/*
 * One change.  @nlh is the message; @route (MPLSROUTE_EV_ROUTE) or
 * @netconf (MPLSROUTE_EV_NETCONF) its decoding (@route is NULL when the
 * route could not be decoded).  @deleted: RTM_DELROUTE / RTM_DELNETCONF.
 * @sec and @usec: when the message was read (gettimeofday).  Everything
 * is valid only during the callback.
 */
struct mplsroute_event {
	int type;
	int deleted;
	const struct nlmsghdr *nlh;
	const struct mplsroute_route *route;
	const struct mplsroute_netconf *netconf;
	long long sec;
	long usec;
};

typedef int (*mplsroute_event_cb)(const struct mplsroute_event *ev,
				  void *data);

/*
 * mplsroute_monitor_open - a NETLINK_ROUTE socket that joins the groups
 * MPLSROUTE_MON_* in @groups, with a large receive buffer (@rcvbuf bytes,
 * 0: 8 MiB; forced past rmem_max when allowed).  Returns 0 and sets *mp,
 * -EINVAL (no group) or -errno.
 */
int mplsroute_monitor_open(struct mplsroute_monitor **mp, unsigned groups,
			   unsigned rcvbuf);

/* mplsroute_monitor_fd - returns the socket's descriptor (for poll). */
int mplsroute_monitor_fd(const struct mplsroute_monitor *m);

/*
 * mplsroute_monitor_read - wait for and read one batch of messages and hand
 * each route or netconf change to @cb, in the kernel's order.  Returns the
 * number of changes handed on, @cb's negative value, -ENOBUFS when the
 * kernel dropped changes because the socket's buffer was full (the socket
 * stays usable: the changes after the loss follow; to resynchronise call
 * mplsroute_monitor_drain, then dump the table), -EINTR, or -errno.
 */
int mplsroute_monitor_read(struct mplsroute_monitor *m, mplsroute_event_cb cb,
			   void *data);

/*
 * mplsroute_monitor_drain - after -ENOBUFS, throw away the changes still
 * queued (a dump made next supersedes them) until the queue is empty: only
 * then does the kernel report a new loss, so that a change lost during the
 * dump that follows is reported by another -ENOBUFS instead of missed.
 * Returns the number of messages thrown away or -errno.
 */
int mplsroute_monitor_drain(struct mplsroute_monitor *m);

/*
 * mplsroute_monitor_decode - the changes in a saved stream of netlink
 * messages (what `rtmon file FILE` writes: each message whole, padded to 4
 * bytes, NLMSG_TSTAMP records between them), @len bytes at @buf, handed to
 * @cb as mplsroute_monitor_read hands them: route and netconf changes, and
 * each NLMSG_TSTAMP (type 15) as an MPLSROUTE_EV_TIME event whose @sec and
 * @usec are the saved time (they stay on the changes after it).  Every other
 * message (links, addresses..., and a route or netconf message that could
 * not be decoded) comes as MPLSROUTE_EV_OTHER with only @nlh, and does not
 * count among the events returned.  *@used gets the bytes of the whole
 * messages decoded: a message cut at the end of @buf is left for the next
 * call (with the rest of the stream after it); at the end of the stream,
 * *@used < @len means the stream is truncated.  Returns the number of
 * events handed on, @cb's negative value, -EBADMSG (a message shorter than
 * its header, or an NLMSG_TSTAMP without its time: *@used is its offset)
 * or -ENOMEM.
 */
int mplsroute_monitor_decode(const void *buf, size_t len, size_t *used,
			     mplsroute_event_cb cb, void *data);

/* mplsroute_monitor_close - close it (NULL is fine).  Returns nothing. */
void mplsroute_monitor_close(struct mplsroute_monitor *m);

/* what `mplsroute_check` found; the codes are stable */
enum mplsroute_check_code {
	MPLSROUTE_CHECK_NO_MPLS_ROUTER = 1,	/* no net.mpls sysctls */
	MPLSROUTE_CHECK_NO_MPLS_IPTUNNEL,	/* push routes impossible */
	MPLSROUTE_CHECK_NO_MPLS_GSO,		/* large packets */
	MPLSROUTE_CHECK_PLATFORM_LABELS_ZERO,
	MPLSROUTE_CHECK_PLATFORM_LABELS_LOW,	/* below a label in use */
	MPLSROUTE_CHECK_INPUT_OFF,		/* net.mpls.conf.DEV.input 0 */
	MPLSROUTE_CHECK_NO_DEVICE,		/* a device asked for is absent */
	MPLSROUTE_CHECK_IP_FORWARD_OFF,
	MPLSROUTE_CHECK_IP6_FORWARD_OFF,
	MPLSROUTE_CHECK_RP_FILTER_STRICT,
	MPLSROUTE_CHECK_RESERVED_LABEL,		/* 0-15 in a route */
	MPLSROUTE_CHECK_VIA_UNREACHABLE,	/* via off its device's link */
};

#define MPLSROUTE_CHECK_ERROR	2	/* the router cannot forward as set up */
#define MPLSROUTE_CHECK_WARNING	1	/* worth knowing; not a blocker */

struct mplsroute_finding {
	int code;		/* enum mplsroute_check_code */
	int severity;		/* MPLSROUTE_CHECK_ERROR or _WARNING */
	char dev[16];		/* the device concerned, "" when none */
	int64_t label;		/* the label concerned, -1 when none */
	char text[192];		/* what is wrong, in one sentence */
	char fix[160];		/* the command that fixes it, "" when none */
};

struct mplsroute_check_opts {
	const char *const *devs;	/* devices where labels arrive; */
	unsigned ndevs;			/* 0: the devices of push/swap routes */
	const char *proc;		/* NULL: "/proc" */
	const char *sys;		/* NULL: "/sys" */
};

/*
 * mplsroute_check - is this network namespace ready to forward MPLS?  Reads
 * the net.mpls / net.ipv4 / net.ipv6 sysctls under @o->proc/sys, the
 * modules under @o->sys/module, and the routes (dumped on @s), and lists
 * what stands in the way, each finding with the command that fixes it.
 * The rules: no /proc/sys/net/mpls (mpls_router); mpls_iptunnel not loaded
 * (an error when push routes would need it, else a warning); mpls_gso not
 * loaded (warning); platform_labels 0, or not above the highest label
 * routed; input off on each device of @o->devs, or else on every device
 * that a push (encap mpls) or swap (as) route sends through, since the
 * peer there sends labelled packets back (symmetric paths); ip_forward
 * (IPv4, IPv6) off while push routes of that family exist; strict
 * rp_filter (1) on those devices (warning); reserved labels (0-15) routed
 * or pushed, explicit nulls (0, 2) aside (warning); an MPLS route's inet or
 * inet6 via that no connected route puts on the link of the route's device
 * (a RTM_GETROUTE with RTM_F_FIB_MATCH for the via through that device
 * finds no route, or one with a gateway; one finding per via and device,
 * the fix: the route through the device whose link has the via, or else
 * the via declared on the link with `ip route add VIA dev DEV`; error).
 * *@list (free with
 * free()) gets *@n findings.  Returns 0 (the list may hold only warnings:
 * ready), or -errno when it cannot tell (no list then).
 */
int mplsroute_check(struct mplsroute_sock *s,
		    const struct mplsroute_check_opts *o,
		    struct mplsroute_finding **list, unsigned *n);

#ifdef __cplusplus
}
#endif

#endif /* MPLSROUTE_H */
