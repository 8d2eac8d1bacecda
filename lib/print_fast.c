/* lib/print_fast.c: a plain MPLS route's message straight to 4.4's text */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "out.h"

/*
 * The shape a dump of label routes is made of: one path (label, "as to",
 * an IPv4 via, a device), the main table, no flags.  Everything else goes
 * through mplsroute_route_decode and the printer of lib/print.c, which
 * write the same text; the unit tests compare both on every shape.
 */
#define FAST_TYPES ((1u << RTA_DST) | (1u << RTA_NEWDST) | (1u << RTA_VIA) | \
		    (1u << RTA_OIF) | (1u << RTA_TTL_PROPAGATE))

/* the attributes of a plain route, pointing into its message */
struct fast {
	uint32_t have;			/* bit T: a[T] is set */
	const uint8_t *a[MR_RTA_MAX];	/* the last payload of each type */
	uint16_t len[MR_RTA_MAX];	/* its length */
};

/* the rtmsg of a route lib/print.c would print with no optional word */
static int fast_head(const struct rtmsg *rtm,
		     const struct mplsroute_print_opts *o)
{
	return rtm->rtm_family == AF_MPLS && rtm->rtm_type == RTN_UNICAST &&
	       rtm->rtm_table == RT_TABLE_MAIN && !rtm->rtm_tos &&
	       !rtm->rtm_flags && rtm->rtm_scope == RT_SCOPE_UNIVERSE &&
	       !rtm->rtm_src_len && !(o && o->details);
}

/*
 * The attributes, walked as lib/dump.c's decoder walks them: each must
 * fit, the types it decodes must meet mr_rta_policy, the last of a type
 * counts, the others are skipped.  0, or -EAGAIN for a message with a
 * type outside FAST_TYPES or one the decoder would refuse.
 */
static int fast_attrs(const uint8_t *p, size_t len, struct fast *f)
{
	const uint8_t *end = p + len;
	struct mr_len_rule rule;
	struct nlattr a;
	uint32_t have = 0;
	uint16_t type, plen;
	ptrdiff_t step;

	while (end - p >= MR_NLA_HDRLEN) {
		memcpy(&a, p, sizeof(a));	/* one load for both fields */
		if (a.nla_len < MR_NLA_HDRLEN || a.nla_len > end - p)
			return -EAGAIN;
		type = a.nla_type & NLA_TYPE_MASK;
		if (type < MR_RTA_MAX && (rule = mr_rta_policy[type]).max) {
			plen = (uint16_t)(a.nla_len - MR_NLA_HDRLEN);
			if (!(FAST_TYPES & (1u << type)) || plen < rule.min ||
			    plen > rule.max)
				return -EAGAIN;
			have |= 1u << type;
			f->a[type] = p + MR_NLA_HDRLEN;
			f->len[type] = plen;
		}
		step = (a.nla_len + 3u) & ~3u;
		if (step >= end - p)
			break;	/* the last one (its padding may be cut) */
		p += step;
	}
	f->have = have;
	return 0;
}

/* the entries of a label stack down to its bottom one, as
 * mr_labels_decode takes them; 0 for a stack it refuses */
static unsigned int fast_stack(const uint8_t *in, size_t len)
{
	size_t i, n = len / 4;

	if (len % 4)
		return 0;
	for (i = 0; i < n && i < MPLSROUTE_MAX_LABELS; i++)
		if (in[4 * i + 2] & 1)	/* the bottom of stack bit */
			return (unsigned int)i + 1;
	return 0;
}

/* two digits of @v < 100 at @p (a leading one too) */
static inline char *put2(char *p, uint32_t v)
{
	memcpy(p, mr_digit_pairs + 2 * v, 2);
	return p + 2;
}

/* the first digits of a number: one for @v < 10, else two */
static inline char *put_head(char *p, uint32_t v)
{
	if (v < 10) {
		*p = (char)('0' + v);
		return p + 1;
	}
	return put2(p, v);
}

/* a label (below 2^20: at most 7 digits) in decimal at @p, no NUL */
static char *put_label(char *p, uint32_t v)
{
	uint32_t r;

	if (v < 100)
		return put_head(p, v);
	if (v < 10000)
		return put2(put_head(p, v / 100), v % 100);
	if (v < 1000000) {
		r = v % 10000;
		p = put_head(p, v / 10000);
	} else {
		r = v % 1000000;
		*p++ = (char)('0' + v / 1000000);
		p = put2(p, r / 10000);
		r %= 10000;
	}
	return put2(put2(p, r / 100), r % 100);
}

/* the stack's @n labels as "100/200" at @p; returns the end */
static char *put_stack(char *p, const uint8_t *in, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++, in += 4) {
		if (i)
			*p++ = '/';
		p = put_label(p, (uint32_t)in[0] << 12 |
				 (uint32_t)in[1] << 4 | (uint32_t)in[2] >> 4);
	}
	return p;
}

static char *put_lit(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}
#define PUT(p, lit) put_lit(p, lit, sizeof(lit) - 1)

/* the words of a plain route: what is printed, measured before writing */
struct words {
	unsigned int ndst, nnew;	/* labels of dst and "as to" */
	const uint8_t *via;		/* an IPv4 via, or NULL */
	const char *dev, *proto;	/* or NULL */
	size_t devlen, protolen;
	int ttl;			/* ttl-propagate: -1 none, 0, 1 */
};

/* the words of @f; 0, or -EAGAIN when the decoder would refuse a stack
 * or the via is not IPv4 */
static int fast_words(const struct fast *f, const struct rtmsg *rtm,
		      const struct mplsroute_print_opts *o, struct words *w,
		      char *devbuf, char *protobuf)
{
	unsigned int hide = o ? o->hide : 0;
	uint32_t idx;
	uint16_t fam;

	if (!(f->have & (1u << RTA_DST)))
		return -EAGAIN;
	w->ndst = fast_stack(f->a[RTA_DST], f->len[RTA_DST]);
	w->nnew = 0;
	if (f->have & (1u << RTA_NEWDST))
		w->nnew = fast_stack(f->a[RTA_NEWDST], f->len[RTA_NEWDST]);
	if (!w->ndst || (!w->nnew && (f->have & (1u << RTA_NEWDST))))
		return -EAGAIN;
	w->via = NULL;
	if (f->have & (1u << RTA_VIA)) {
		memcpy(&fam, f->a[RTA_VIA], 2);
		if (fam != AF_INET || f->len[RTA_VIA] != 2 + 4)
			return -EAGAIN;
		w->via = f->a[RTA_VIA] + 2;
	}
	w->dev = w->proto = NULL;
	w->devlen = w->protolen = 0;
	if ((f->have & (1u << RTA_OIF)) && !(hide & MPLSROUTE_PRINT_NO_DEV)) {
		memcpy(&idx, f->a[RTA_OIF], 4);
		if (idx) {
			w->dev = mr_ifname(o, idx, devbuf, MR_ABUF);
			w->devlen = strlen(w->dev);
		}
	}
	if (rtm->rtm_protocol != RTPROT_BOOT &&
	    !(hide & MPLSROUTE_PRINT_NO_PROTO)) {
		mplsroute_proto_n2a(rtm->rtm_protocol, protobuf, MR_ABUF);
		w->proto = protobuf;
		w->protolen = strlen(protobuf);
	}
	w->ttl = -1;
	if (f->have & (1u << RTA_TTL_PROPAGATE))
		w->ttl = !!f->a[RTA_TTL_PROPAGATE][0];
	return 0;
}

/* the most bytes the text of @w takes: a label is 7 digits and a '/' */
static size_t words_room(const struct words *w)
{
	return sizeof("Deleted ") + 8 * w->ndst + sizeof("/255 ") +
	       sizeof("as to ") + 8 * w->nnew + sizeof("via inet ") + 16 +
	       sizeof("dev ") + w->devlen + sizeof(" proto ") + w->protolen +
	       sizeof("ttl-propogate disabled\n");
}

/* the text as lib/print.c's print_head, print_middle and print_tail
 * write it for such a route */
static size_t put_words(char *buf, const struct words *w,
			const struct fast *f, const struct rtmsg *rtm,
			const struct mplsroute_print_opts *o)
{
	char *p = buf;

	if (o && o->deleted)
		p = PUT(p, "Deleted ");
	p = put_stack(p, f->a[RTA_DST], w->ndst);
	if (rtm->rtm_dst_len != 20) {
		*p++ = '/';
		p += mr_fmt_u32(p, rtm->rtm_dst_len);
	}
	*p++ = ' ';
	if (w->nnew) {
		p = PUT(p, "as to ");
		p = put_stack(p, f->a[RTA_NEWDST], w->nnew);
		*p++ = ' ';
	}
	if (w->via) {
		p = PUT(p, "via inet ");
		p += mr_fmt_ipv4(p, w->via);
		*p++ = ' ';
	}
	if (w->dev) {
		p = PUT(p, "dev ");
		p = put_lit(p, w->dev, w->devlen);
		*p++ = ' ';
	}
	if (w->proto) {
		p = PUT(p, " proto ");
		p = put_lit(p, w->proto, w->protolen);
		*p++ = ' ';
	}
	if (w->ttl == 1)
		p = PUT(p, "ttl-propogate enabled");
	else if (w->ttl == 0)
		p = PUT(p, "ttl-propogate disabled");
	*p++ = '\n';
	return (size_t)(p - buf);
}

MR_EXPORT int mplsroute_route_format_msg(char *buf, size_t size,
					 const struct nlmsghdr *nlh,
					 const struct mplsroute_print_opts *o,
					 int style)
{
	size_t hdr = MR_NLMSG_HDRLEN + ((sizeof(struct rtmsg) + 3) & ~3u);
	char devbuf[MR_ABUF], protobuf[MR_ABUF];
	const struct rtmsg *rtm;
	struct words w;
	struct fast f;

	if (!buf || !nlh || size > INT_MAX ||
	    (style != MPLSROUTE_STYLE_4_4 && style != MPLSROUTE_STYLE_6_1))
		return -EINVAL;
	if (style != MPLSROUTE_STYLE_4_4 || nlh->nlmsg_len < hdr ||
	    (nlh->nlmsg_type != RTM_NEWROUTE &&
	     nlh->nlmsg_type != RTM_DELROUTE))
		return -EAGAIN;
	rtm = (const struct rtmsg *)((const char *)nlh + MR_NLMSG_HDRLEN);
	if (!fast_head(rtm, o) ||
	    fast_attrs((const uint8_t *)nlh + hdr, nlh->nlmsg_len - hdr, &f) ||
	    fast_words(&f, rtm, o, &w, devbuf, protobuf))
		return -EAGAIN;
	if (words_room(&w) > size)
		return -ENOSPC;
	return (int)put_words(buf, &w, &f, rtm, o);
}
