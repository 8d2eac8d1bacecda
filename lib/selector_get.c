/* selector_get.c: the words of `ip route get` -> its RTM_GETROUTE request */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"
#include "grammar_int.h"

struct getreq {
	struct mr_words w;
	struct nlmsghdr *nlh;
	size_t size;
	struct rtmsg *r;
	struct mplsroute_get_info *gi;
	const char *idev, *odev;
	int idevi, odevi, marki;
	const char *markw;
	uint32_t mark;
};

/* the request has no room for what the word at @argi (@word) adds */
static int too_long(struct getreq *g, int argi, const char *word)
{
	int ret = mplsroute_error_set(g->w.err, MPLSROUTE_ERR_TOO_LONG, argi,
				      word, NULL);

	snprintf(g->w.err->msg, sizeof(g->w.err->msg),
		 "Error: the request is too long (%zu bytes) for \"%.64s%s\".\n",
		 g->size, word, strlen(word) > 64 ? "..." : "");
	return ret;
}

/*
 * @a as attribute @type (labels in wire form, other families as their
 * bytes); the request takes @a's family if it has none.  0, or -EMSGSIZE
 * when the request is full.
 */
static int put_addr(struct getreq *g, const struct mplsroute_addr *a,
		    uint16_t type)
{
	unsigned char wire[4 * MPLSROUTE_MAX_LABELS];
	const void *data = wire;
	int len;

	if (g->r->rtm_family == AF_UNSPEC)
		g->r->rtm_family = (unsigned char)a->family;
	if (a->family == AF_MPLS) {
		len = mplsroute_labels_to_wire(&a->labels, wire, sizeof(wire));
	} else {
		len = a->bytelen;
		data = a->data;
	}
	if (len > 0 && !mnl_attr_put_check(g->nlh, g->size, type,
					   (size_t)len, data))
		return -EMSGSIZE;
	return 0;
}

/* appends RTA_DST/RTA_SRC for a `get` address; 0 or -errno */
static int get_addr_attr(struct getreq *g, int src)
{
	const char *arg = mr_word(&g->w);
	struct mplsroute_addr a;

	if (mplsroute_prefix_parse(&a, arg, g->r->rtm_family) < 0)
		return mr_err_prefix(&g->w, g->r->rtm_family);
	if (put_addr(g, &a, src ? RTA_SRC : RTA_DST) < 0)
		return too_long(g, g->w.argi, arg);
	if (src)
		g->r->rtm_src_len = a.bitlen;
	else
		g->r->rtm_dst_len = a.bitlen;
	return 0;
}

/*
 * as [to] LABELS (current iproute2): RTA_NEWDST, the labels below the one
 * looked up (they choose among a multipath route's nexthops).  Another
 * family's address goes as its bytes, as iproute2 6.1 sends it.
 */
static int get_as(struct getreq *g)
{
	struct mplsroute_addr a;

	if (mr_need(&g->w))
		return -EINVAL;
	if (strcmp(mr_word(&g->w), "to") == 0 && mr_need(&g->w))
		return -EINVAL;
	if (mplsroute_addr_parse(&a, mr_word(&g->w), g->r->rtm_family) < 0)
		return mr_err_addr(&g->w, g->r->rtm_family);
	if (put_addr(g, &a, RTA_NEWDST) < 0)
		return too_long(g, g->w.argi, mr_word(&g->w));
	return 0;
}

/* iif/oif/dev/mark NAME: remembered, looked up at the end */
static void get_dev_word(struct getreq *g, const char *w)
{
	if (w[0] == 'i') {
		g->idev = mr_word(&g->w);
		g->idevi = g->w.argi;
	} else if (w[0] == 'm') {
		(void)mr_get_u32(&g->mark, mr_word(&g->w), 0);
		g->marki = g->w.argi;
		g->markw = mr_word(&g->w);
	} else {
		g->odev = mr_word(&g->w);
		g->odevi = g->w.argi;
	}
}

static int get_word(struct getreq *g)
{
	const char *w = mr_word(&g->w);
	uint32_t v;

	if (strcmp(w, "tos") == 0 || mplsroute_abbrev(w, "dsfield")) {
		if (mr_need(&g->w))
			return -EINVAL;
		if (mplsroute_dsfield_a2n(&v, mr_word(&g->w)))
			return mr_err_invarg(&g->w, "TOS value is invalid\n");
		g->r->rtm_tos = (unsigned char)v;
	} else if (mplsroute_abbrev(w, "from")) {
		if (mr_need(&g->w))
			return -EINVAL;
		if (mplsroute_abbrev(mr_word(&g->w), "help"))
			return mr_err_usage(&g->w);
		g->gi->from = 1;
		return get_addr_attr(g, 1);
	} else if (mplsroute_abbrev(w, "iif") || mplsroute_abbrev(w, "mark") ||
		   mplsroute_abbrev(w, "oif") || strcmp(w, "dev") == 0) {
		if (mr_need(&g->w))
			return -EINVAL;
		get_dev_word(g, w);
	} else if (mplsroute_abbrev(w, "notify")) {
		g->r->rtm_flags |= RTM_F_NOTIFY;
	} else if (mplsroute_abbrev(w, "connected")) {
		g->gi->connected = 1;
	} else if (mplsroute_abbrev(w, "fibmatch")) {
		g->r->rtm_flags |= RTM_F_FIB_MATCH;
	} else if (strcmp(w, "as") == 0) {
		return get_as(g);
	} else {
		if (strcmp(w, "to") == 0 && mr_need(&g->w))
			return -EINVAL;
		if (mplsroute_abbrev(mr_word(&g->w), "help"))
			return mr_err_usage(&g->w);
		return get_addr_attr(g, 0);
	}
	return 0;
}

/* RTA_IIF/RTA_OIF for a device given by name; 0 or -errno */
static int get_dev_attr(struct getreq *g, const char *name, int argi,
			uint16_t type, uint32_t *given)
{
	uint32_t idx;

	if (!name)
		return 0;
	idx = mr_ifindex(&g->w, name);
	if (!idx)
		return mr_err_nodev(&g->w, argi, name, 0);
	if (!mnl_attr_put_u32_check(g->nlh, g->size, type, idx))
		return too_long(g, argi, name);
	*given = idx;
	return 0;
}

/* after the words: the devices, the mark, the family's defaults */
static int get_end(struct getreq *g)
{
	struct mplsroute_get_info *gi = g->gi;
	int ret;

	if (g->r->rtm_dst_len == 0)
		return mr_err_fmt(&g->w, MPLSROUTE_ERR_MISSING, 1,
				  "need at least destination address\n");
	ret = get_dev_attr(g, g->idev, g->idevi, RTA_IIF, &gi->iif);
	if (ret == 0)
		ret = get_dev_attr(g, g->odev, g->odevi, RTA_OIF, &gi->oif);
	if (ret)
		return ret;
	if (g->mark && !mnl_attr_put_u32_check(g->nlh, g->size, RTA_MARK,
					       g->mark))
		return too_long(g, g->marki, g->markw);
	if (g->r->rtm_family == AF_UNSPEC)
		g->r->rtm_family = AF_INET;
	/* 4.4 asks for the table's answer; current iproute2 not for MPLS */
	if (g->r->rtm_family != AF_MPLS)
		g->r->rtm_flags |= RTM_F_LOOKUP_TABLE;
	return (int)g->nlh->nlmsg_len;
}

MR_EXPORT int mplsroute_get_parse_args(void *buf, size_t len,
				       struct mplsroute_get_info *gi,
				       int argc, char *const *argv,
				       const struct mplsroute_parse_opts *o,
				       struct mplsroute_error *err)
{
	struct mplsroute_error scratch;
	struct getreq g = {
		.w = { .argc = argc, .argv = argv, .o = o,
		       .err = err ? err : &scratch },
		.size = len, .gi = gi,
	};
	int ret;

	mr_err_clear(g.w.err);
	if (!buf || !gi || argc < 0 || (argc && !argv) ||
	    len < MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct rtmsg)))
		return -EINVAL;
	memset(gi, 0, sizeof(*gi));
	memset(buf, 0, MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct rtmsg)));
	g.nlh = mnl_nlmsg_put_header(buf);
	g.nlh->nlmsg_type = RTM_GETROUTE;
	g.nlh->nlmsg_flags = NLM_F_REQUEST;
	g.r = mnl_nlmsg_put_extra_header(g.nlh, sizeof(struct rtmsg));
	g.r->rtm_family = (unsigned char)(o ? o->family : AF_UNSPEC);
	for (; g.w.argc > 0; mr_skip(&g.w)) {
		ret = get_word(&g);
		if (ret)
			return ret;
	}
	return get_end(&g);
}
