/* iproute_show.c: route list/show/lst, flush and get, as iproute2 4.4 does */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <net/if.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "ipmpls.h"
#include "utils.h"
#include "route_int.h"	/* TRANSITIONAL: until the grammar moves to lib/ */
#include "compat.h"

#define FLUSH_BUF	(64 << 10)	/* deletes per send (4.4: 3584 bytes) */
/*
 * 4.4 gives up when this long has passed since the flush began; a round
 * over a full label table can take longer on a slow machine, so here the
 * clock restarts with each round (a flush still ends when a round takes
 * longer than this, e.g. while routes keep coming back).
 */
#define FLUSH_SECS	30

/* what the words of `route show/flush` select */
struct sel {
	struct mplsroute_filter f;
	int family;		/* what to dump */
	const char *idev, *odev;
};

/* one show or flush pass over a dump */
struct walk {
	struct ipmpls_ctx *ctx;
	struct sel *sel;
	int flush;
	int save;		/* `route save`: the messages go to stdout */
	unsigned int flushed;	/* deletes queued this round */
	size_t flushp;		/* bytes waiting in flushb */
	int send_err;		/* a flush send failed */
	struct mplsroute_json *json;	/* -j: JSON instead of text */
	char flushb[FLUSH_BUF] __attribute__((aligned(4)));
};

static int next_word(struct argcur *c)
{
	return arg_next(c) ? incomplete_command() : 0;
}

/* a prefix word into @p; 0 or iproute2's exit code */
static int sel_prefix(struct mplsroute_prefix *p, const char *arg, int family)
{
	if (parse_prefix(&p->addr, arg, family) < 0)
		return prefix_expected(family, arg);
	p->bitlen = p->addr.bitlen;
	if (!p->addr.family)
		p->bitlen = 0;
	return 0;
}

static int sel_table(struct sel *s, const char *arg)
{
	uint32_t id;

	if (mplsroute_table_a2n(&id, arg) == 0) {
		s->f.table = id;
	} else if (strcmp(arg, "all") == 0) {
		s->f.table = 0;
	} else if (strcmp(arg, "cache") == 0) {
		s->f.cloned = 1;
	} else if (strcmp(arg, "help") == 0) {
		iproute_usage(stderr);
		return EXIT_USAGE;
	} else {
		return invarg("table id value is invalid\n", arg);
	}
	return 0;
}

/* proto/scope/type/tos: a name or number, and "all" for proto and scope */
static int sel_field(struct sel *s, const char *key, const char *arg)
{
	uint32_t v = 0;

	if (key[0] == 'p') {
		s->f.protocolmask = 0xff;
		if (mplsroute_proto_a2n(&v, arg)) {
			if (strcmp(arg, "all"))
				return invarg("invalid \"protocol\"\n", arg);
			v = 0;
			s->f.protocolmask = 0;
		}
		s->f.protocol = (uint8_t)v;
	} else if (key[0] == 's') {
		s->f.scopemask = 0xff;
		if (mplsroute_scope_a2n(&v, arg)) {
			if (strcmp(arg, "all"))
				return invarg("invalid \"scope\"\n", arg);
			v = RT_SCOPE_NOWHERE;
			s->f.scopemask = 0;
		}
		s->f.scope = (uint8_t)v;
	} else if (key[0] == 't' && key[1] == 'y') {
		if (mplsroute_type_a2n(&v, arg))
			return invarg("node type value is invalid\n", arg);
		s->f.typemask = 0xff;
		s->f.type = (uint8_t)v;
	} else {
		if (mplsroute_dsfield_a2n(&v, arg))
			return invarg("TOS value is invalid\n", arg);
		s->f.tosmask = 0xff;
		s->f.tos = (uint8_t)v;
	}
	return 0;
}

/* [to|from] [root|match|exact] PREFIX */
static int sel_dst_src(struct sel *s, struct argcur *c, int src)
{
	struct mplsroute_prefix *r = src ? &s->f.rsrc : &s->f.rdst;
	struct mplsroute_prefix *m = src ? &s->f.msrc : &s->f.mdst;
	int ret;

	if (!src && matches(c->argv[0], "to") == 0 && (ret = next_word(c)))
		return ret;
	if (matches(c->argv[0], "root") == 0) {
		if ((ret = next_word(c)))
			return ret;
		return sel_prefix(r, c->argv[0], s->family);
	}
	if (matches(c->argv[0], "match") == 0) {
		if ((ret = next_word(c)))
			return ret;
		return sel_prefix(m, c->argv[0], s->family);
	}
	if (matches(c->argv[0], "exact") == 0 && (ret = next_word(c)))
		return ret;
	ret = sel_prefix(m, c->argv[0], s->family);
	if (ret == 0)
		*r = *m;
	return ret;
}

static int sel_via(struct sel *s, struct argcur *c)
{
	int family, ret;

	if ((ret = next_word(c)))
		return ret;
	family = read_family(c->argv[0]);
	if (family == AF_UNSPEC)
		family = s->family;
	else if ((ret = next_word(c)))
		return ret;
	return sel_prefix(&s->f.rvia, c->argv[0], family);
}

/* realms [FROM/]TO as 4.4's get_rt_realms, and the bits it then compares */
static int sel_realms(struct sel *s, const char *arg)
{
	const char *slash = strchr(arg, '/'), *to = arg;
	uint32_t from_id = 0, to_id = 0;
	char buf[64];
	size_t n = strlen(arg);

	if (slash) {
		if ((size_t)(slash - arg) >= sizeof(buf))
			return invarg("invalid realms\n", arg);
		memcpy(buf, arg, (size_t)(slash - arg));
		buf[slash - arg] = '\0';
		if (mplsroute_realm_a2n(&from_id, buf))
			return invarg("invalid realms\n", arg);
		to = slash + 1;
	}
	if (*to && mplsroute_realm_a2n(&to_id, to))
		return invarg("invalid realms\n", arg);
	s->f.realm = from_id << 16 | to_id;
	s->f.realmmask = ~0u;
	if ((s->f.realm & 0xFFFF) == 0 && n && arg[n - 1] == '/')
		s->f.realmmask &= ~0xFFFFu;
	if ((s->f.realm & 0xFFFF0000u) == 0 && (!slash || arg[0] == '/'))
		s->f.realmmask &= ~0xFFFF0000u;
	return 0;
}

/* one selector word (and its argument); 0 or the exit code */
static int sel_word(struct sel *s, struct argcur *c)
{
	const char *w = c->argv[0];
	uint32_t mark;
	int ret;

	if (matches(w, "table") == 0 || matches(w, "protocol") == 0 ||
	    matches(w, "scope") == 0 || matches(w, "type") == 0 ||
	    strcmp(w, "tos") == 0 || matches(w, "dsfield") == 0 ||
	    strcmp(w, "dev") == 0 || strcmp(w, "oif") == 0 ||
	    strcmp(w, "iif") == 0 || strcmp(w, "mark") == 0 ||
	    strcmp(w, "src") == 0 || matches(w, "realms") == 0 ||
	    matches(w, "from") == 0) {
		if ((ret = next_word(c)))
			return ret;
	}
	if (matches(w, "table") == 0)
		return sel_table(s, c->argv[0]);
	if (matches(w, "cached") == 0 || matches(w, "cloned") == 0) {
		s->f.cloned = 1;
		return 0;
	}
	if (strcmp(w, "tos") == 0 || matches(w, "dsfield") == 0)
		return sel_field(s, "tos", c->argv[0]);
	if (matches(w, "protocol") == 0 || matches(w, "scope") == 0 ||
	    matches(w, "type") == 0)
		return sel_field(s, w[0] == 't' ? "type" : w, c->argv[0]);
	if (strcmp(w, "dev") == 0 || strcmp(w, "oif") == 0)
		s->odev = c->argv[0];
	else if (strcmp(w, "iif") == 0)
		s->idev = c->argv[0];
	else if (strcmp(w, "mark") == 0)
		(void)get_u32(&mark, c->argv[0], 0);
	else if (strcmp(w, "via") == 0)
		return sel_via(s, c);
	else if (strcmp(w, "src") == 0)
		return sel_prefix(&s->f.rprefsrc, c->argv[0], s->family);
	else if (matches(w, "realms") == 0)
		return sel_realms(s, c->argv[0]);
	else if (matches(w, "from") == 0)
		return sel_dst_src(s, c, 1);
	else
		return sel_dst_src(s, c, 0);
	return 0;
}

static int sel_devices(struct sel *s)
{
	if (s->idev) {
		s->f.iif = if_nametoindex(s->idev);
		if (!s->f.iif)
			return no_device(s->idev);
		s->f.iifmask = 1;
	}
	if (s->odev) {
		s->f.oif = if_nametoindex(s->odev);
		if (!s->f.oif)
			return no_device(s->odev);
		s->f.oifmask = 1;
	}
	return 0;
}

static int sel_parse(struct sel *s, struct ipmpls_ctx *ctx, int argc,
		     char **argv)
{
	struct argcur c = { .argc = argc, .argv = argv };
	int ret;

	mplsroute_filter_init(&s->f);
	s->family = ctx->opts->family;
	while (c.argc > 0) {
		ret = sel_word(s, &c);
		if (ret)
			return ret;
		c.argc--;
		c.argv++;
	}
	if (s->family == AF_UNSPEC && s->f.table)
		s->family = AF_INET;
	return sel_devices(s);
}

/*
 * Sends the queued deletes (4.4's flush_update); 0 or -errno.  During a
 * dump (@check 0) the kernel's errors cannot be read without eating the
 * dump's own messages: they are looked for once the dump is over.
 */
static int flush_send(struct walk *w, int check)
{
	int ret = 0;

	if (w->flushp)
		ret = mplsroute_sock_send_buf(w->ctx->sock, w->flushb,
					      w->flushp);
	if (ret == 0 && check)
		ret = mplsroute_sock_check(w->ctx->sock);
	w->flushp = 0;
	if (ret < 0) {
		fprintf(stderr, "Failed to send flush request: %s\n",
			strerror(-ret));
		w->send_err = 1;
	}
	return ret;
}

/* queues a delete of the route @nlh describes */
static int flush_queue(struct walk *w, const struct nlmsghdr *nlh)
{
	struct nlmsghdr *d;
	size_t at = (w->flushp + 3) & ~(size_t)3;

	if (nlh->nlmsg_len > sizeof(w->flushb))
		return 0;
	if (at + nlh->nlmsg_len > sizeof(w->flushb)) {
		if (flush_send(w, 0) < 0)
			return -1;
		at = 0;
	}
	d = (struct nlmsghdr *)(w->flushb + at);
	memcpy(d, nlh, nlh->nlmsg_len);
	d->nlmsg_type = RTM_DELROUTE;
	d->nlmsg_flags = NLM_F_REQUEST;
	w->flushp = at + nlh->nlmsg_len;
	w->flushed++;
	return 0;
}

/*
 * ifindex -> name for the printer, remembering the last answers: a dump
 * of a big table names the same few devices again and again.
 */
static int cached_ifname(uint32_t idx, char *buf, size_t len, void *data)
{
	static struct { uint32_t idx; char name[IF_NAMESIZE]; } cache[16];
	static unsigned int next;
	unsigned int i;

	(void)data;
	for (i = 0; i < 16; i++) {
		if (cache[i].idx == idx && idx) {
			snprintf(buf, len, "%s", cache[i].name);
			return 0;
		}
	}
	if (!if_indextoname(idx, cache[next].name))
		return -errno;
	cache[next].idx = idx;
	snprintf(buf, len, "%s", cache[next].name);
	next = (next + 1) % 16;
	return 0;
}

static int walk_route(const struct nlmsghdr *nlh,
		      const struct mplsroute_route *rt, void *data)
{
	struct walk *w = data;
	struct mplsroute_print_opts o = { 0 };

	if (!rt)
		return 0;	/* not decodable: 4.4 would print garbage */
	if (w->sel->family != AF_UNSPEC && rt->family != w->sel->family)
		return 0;	/* a kernel without this family dumps all */
	if (mplsroute_filter_match(&w->sel->f, rt) != 1)
		return 0;
	if (w->save) {
		if (fwrite(nlh, 1, nlh->nlmsg_len, stdout) != nlh->nlmsg_len)
			return -ECANCELED;
		return 0;
	}
	if (w->flush) {
		if (flush_queue(w, nlh) < 0)
			return -ECANCELED;
		if (w->ctx->opts->stats < 2)
			return 0;
	}
	o.oneline = w->ctx->opts->oneline;
	o.details = w->ctx->opts->details;
	o.stats = w->ctx->opts->stats;
	o.ifname = cached_ifname;
	o.hide = mplsroute_filter_hide(&w->sel->f, rt);
	if (w->json)
		mplsroute_route_print_json(w->json, rt, &o);
	else
		mplsroute_route_print(stdout, rt, &o);
	return 0;
}

/* `show cache`: 4.4's rtnl_rtcache_request, an rtmsg with RTM_F_CLONED */
struct cache_walk {
	struct walk *w;
	struct mplsroute_route rt;
};

static int cache_msg(const struct nlmsghdr *nlh, void *data)
{
	struct cache_walk *c = data;

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	if (mplsroute_route_parse(nlh, &c->rt) < 0)
		return walk_route(nlh, NULL, c->w);
	return walk_route(nlh, &c->rt, c->w);
}

static int cache_dump(struct ipmpls_ctx *ctx, struct walk *w)
{
	static struct cache_walk c;	/* a route is big: not on the stack */
	union {
		struct nlmsghdr nlh;
		char buf[64];
	} req;
	struct rtmsg *r;

	memset(&req, 0, sizeof(req));
	req.nlh.nlmsg_len = NLMSG_LENGTH(sizeof(*r));
	req.nlh.nlmsg_type = RTM_GETROUTE;
	req.nlh.nlmsg_flags = NLM_F_ROOT | NLM_F_REQUEST;
	r = NLMSG_DATA(&req.nlh);
	r->rtm_family = (unsigned char)w->sel->family;
	r->rtm_flags = RTM_F_CLONED;
	c.w = w;
	return mplsroute_sock_request(ctx->sock, &req.nlh, cache_msg, &c);
}

/* 4.4's iproute_flush_cache: the IPv4 cache flush knob (errors told) */
static void flush_ipv4_cache(void)
{
	static const char path[] = "/proc/sys/net/ipv4/route/flush";
	FILE *f = fopen(path, "w");

	if (!f) {
		fprintf(stderr, "Cannot open \"%s\": %s\n", path,
			strerror(errno));
		return;
	}
	if (fputs("-1", f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "Cannot flush routing cache\n");
		return;
	}
}

/* 4.4's rtnl_dump_filter says when the kernel flagged NLM_F_DUMP_INTR */
static void dump_intr_note(struct ipmpls_ctx *ctx, int ret)
{
	if (ret == 0 && mplsroute_sock_dump_interrupted(ctx->sock))
		fprintf(stderr,
			"Dump was interrupted and may be inconsistent.\n");
}

/* a failed dump: 4.4's words; returns the exit code */
static int dump_failed(struct ipmpls_ctx *ctx, int ret, const char *what)
{
	const char *msg = mplsroute_sock_errmsg(ctx->sock);

	if (ret == -ENOBUFS)
		fprintf(stderr, "netlink receive error %s (%d)\n",
			strerror(-ret), -ret);
	else if (ret != -ECANCELED && msg && *msg)
		fprintf(stderr, "Error: %s.\n", msg);
	else if (ret != -ECANCELED)
		fprintf(stderr, "RTNETLINK answers: %s\n", strerror(-ret));
	fprintf(stderr, "%s terminated\n", what);
	return EXIT_BADARG;
}

static int do_flush(struct ipmpls_ctx *ctx, struct walk *w)
{
	int round = 0, stats = ctx->opts->stats, ret, lost = 0;
	time_t start = time(NULL);

	for (;;) {
		w->flushed = 0;
		ret = mplsroute_route_dump(ctx->sock, w->sel->family,
					   walk_route, w);
		dump_intr_note(ctx, ret);
		if (ret == -ENOBUFS && !w->send_err && ++lost < 10)
			continue;	/* messages lost: dump again */
		if (ret < 0) {
			cmd_exits = 1;
			return dump_failed(ctx, ret, "Flush");
		}
		if (w->flushed == 0) {
			if (stats && round == 0 && (!w->sel->f.cloned ||
						    w->sel->family == AF_INET6))
				printf("Nothing to flush.\n");
			else if (stats)
				printf("*** Flush is complete after %d round%s ***\n",
				       round, round > 1 ? "s" : "");
			fflush(stdout);
			return EXIT_OK;
		}
		round++;
		if (flush_send(w, 1) < 0)
			return EXIT_BADARG;
		if (time(NULL) - start > FLUSH_SECS) {
			printf("\n*** Flush not completed after %ld seconds, %u entries remain ***\n",
			       (long)(time(NULL) - start), w->flushed);
			return EXIT_BADARG;
		}
		start = time(NULL);
		if (stats) {
			printf("\n*** Round %d, deleting %u entries ***\n",
			       round, w->flushed);
			fflush(stdout);
		}
	}
}

int iproute_list_flush(struct ipmpls_ctx *ctx, int flush, int argc,
		       char **argv)
{
	static struct walk w;	/* the flush buffer is big: not on the stack */
	struct mplsroute_json json;
	struct sel s;
	int ret;

	if (flush == IPROUTE_SAVE) {
		ret = iproute_save_prep();
		if (ret)
			return ret;
	} else if (flush && argc <= 0) {
		fprintf(stderr, "\"ip route flush\" requires arguments.\n");
		return EXIT_BADARG;
	}
	memset(&s, 0, sizeof(s));
	ret = sel_parse(&s, ctx, argc, argv);
	if (ret)
		return ret;
	cmd_exits = !flush || flush == IPROUTE_SAVE;	/* 4.4 exits after */
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.sel = &s;
	w.save = flush == IPROUTE_SAVE;
	w.flush = flush && !w.save;
	flush = w.flush;
	if (flush) {
		s.f.flush = 1;
		if (s.f.cloned && s.family != AF_INET6) {
			flush_ipv4_cache();
			if (ctx->opts->stats)
				printf("*** IPv4 routing cache is flushed.\n");
		}
		if (s.f.cloned && s.family == AF_INET)
			return EXIT_OK;
		return do_flush(ctx, &w);
	}
	if (ctx->opts->json) {
		w.json = &json;
		mplsroute_json_open(&json, stdout, ctx->opts->pretty);
	}
	if (s.f.cloned)
		ret = cache_dump(ctx, &w);
	else
		ret = mplsroute_route_dump(ctx->sock, s.family, walk_route,
					   &w);
	if (w.json)
		mplsroute_json_close(&json);
	fflush(stdout);
	dump_intr_note(ctx, ret);
	if (ret < 0)
		return dump_failed(ctx, ret, "Dump");
	return EXIT_OK;
}

/* ---- route get ---------------------------------------------------------- */

struct getreq {
	struct nlmsghdr *nlh;
	size_t size;
	struct rtmsg *r;
	const char *idev, *odev;
	uint32_t mark;
	int have_dst;
	int connected, from_ok;
};

/* appends RTA_DST/RTA_SRC for a `get` address; 0 or the exit code */
static int get_addr_attr(struct getreq *g, const char *arg, int src)
{
	struct mplsroute_addr a;
	unsigned char wire[4 * MPLSROUTE_MAX_LABELS];
	int len;

	if (parse_prefix(&a, arg, g->r->rtm_family) < 0)
		return prefix_expected(g->r->rtm_family, arg);
	if (g->r->rtm_family == AF_UNSPEC)
		g->r->rtm_family = (unsigned char)a.family;
	if (a.family == AF_MPLS)
		len = mplsroute_labels_to_wire(&a.labels, wire, sizeof(wire));
	else
		len = a.bytelen;
	if (a.family != AF_MPLS && len > 0)
		memcpy(wire, a.data, (size_t)len);
	if (len > 0 && !mnl_attr_put_check(g->nlh, g->size,
					   src ? RTA_SRC : RTA_DST,
					   (size_t)len, wire))
		return EXIT_BADARG;
	if (src)
		g->r->rtm_src_len = a.bitlen;
	else
		g->r->rtm_dst_len = a.bitlen;
	return 0;
}

static int get_word(struct getreq *g, struct argcur *c)
{
	const char *w = c->argv[0];
	uint32_t v;
	int ret;

	if (strcmp(w, "tos") == 0 || matches(w, "dsfield") == 0) {
		if ((ret = next_word(c)))
			return ret;
		if (mplsroute_dsfield_a2n(&v, c->argv[0]))
			return invarg("TOS value is invalid\n", c->argv[0]);
		g->r->rtm_tos = (unsigned char)v;
	} else if (matches(w, "from") == 0) {
		if ((ret = next_word(c)))
			return ret;
		if (matches(c->argv[0], "help") == 0)
			goto usage;
		g->from_ok = 1;
		return get_addr_attr(g, c->argv[0], 1);
	} else if (matches(w, "iif") == 0 || matches(w, "mark") == 0 ||
		   matches(w, "oif") == 0 || strcmp(w, "dev") == 0) {
		if ((ret = next_word(c)))
			return ret;
		if (w[0] == 'i')
			g->idev = c->argv[0];
		else if (w[0] == 'm')
			(void)get_u32(&g->mark, c->argv[0], 0);
		else
			g->odev = c->argv[0];
	} else if (matches(w, "notify") == 0) {
		g->r->rtm_flags |= RTM_F_NOTIFY;
	} else if (matches(w, "connected") == 0) {
		g->connected = 1;
	} else {
		if (strcmp(w, "to") == 0 && (ret = next_word(c)))
			return ret;
		if (matches(c->argv[0], "help") == 0)
			goto usage;
		return get_addr_attr(g, c->argv[0], 0);
	}
	return 0;
usage:
	iproute_usage(stderr);
	return EXIT_USAGE;
}

static int get_dev_attr(struct getreq *g, const char *name, uint16_t type)
{
	unsigned int idx;

	if (!name)
		return 0;
	idx = if_nametoindex(name);
	if (!idx)
		return no_device(name);
	if (!mnl_attr_put_u32_check(g->nlh, g->size, type, idx))
		return EXIT_BADARG;
	return 0;
}

static int get_print(const struct nlmsghdr *nlh, void *data)
{
	struct ipmpls_ctx *ctx = data;
	struct mplsroute_print_opts o = { 0 };
	struct mplsroute_route *rt;
	int ret;

	if (nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE)
		return 0;
	rt = calloc(1, sizeof(*rt));
	if (!rt)
		return -ENOMEM;
	ret = mplsroute_route_parse(nlh, rt);
	if (ret == 0) {
		o.oneline = ctx->opts->oneline;
		o.details = ctx->opts->details;
		o.stats = ctx->opts->stats;
		o.ifname = cached_ifname;
		if (ctx->opts->json) {
			struct mplsroute_json j;

			mplsroute_json_open(&j, stdout, ctx->opts->pretty);
			mplsroute_route_print_json(&j, rt, &o);
			mplsroute_json_close(&j);
		} else {
			mplsroute_route_print(stdout, rt, &o);
		}
		fflush(stdout);
	}
	free(rt);
	return ret < 0 ? -ECANCELED : 0;
}

/* what the first lookup of `get ... connected` answered (4.4 reuses it) */
struct get_answer {
	struct ipmpls_ctx *ctx;
	size_t size;
	char *buf;
};

static int get_keep(const struct nlmsghdr *nlh, void *data)
{
	struct get_answer *a = data;
	size_t len = nlh->nlmsg_len < a->size ? nlh->nlmsg_len : a->size;

	memcpy(a->buf, nlh, len);
	((struct nlmsghdr *)a->buf)->nlmsg_len = (uint32_t)len;
	return get_print(nlh, a->ctx);
}

/*
 * 4.4's `connected`: the answer becomes the next question, its preferred
 * source as RTA_SRC, its gateway (and output/input device unless given)
 * blanked to type 0.  0 or the exit code.
 */
static int get_reask(struct getreq *g, struct nlmsghdr *nlh)
{
	struct rtmsg *r = mnl_nlmsg_get_payload(nlh);
	struct nlattr *a, *prefsrc = NULL, *src = NULL, *oif = NULL;
	struct nlattr *gw = NULL, *iif = NULL;

	if (nlh->nlmsg_type != RTM_NEWROUTE) {
		fprintf(stderr, "Not a route?\n");
		return EXIT_BADARG;
	}
	mnl_attr_for_each(a, nlh, sizeof(*r)) {
		switch (mnl_attr_get_type(a)) {
		case RTA_PREFSRC: prefsrc = a; break;
		case RTA_SRC: src = a; break;
		case RTA_OIF: oif = a; break;
		case RTA_GATEWAY: gw = a; break;
		case RTA_IIF: iif = a; break;
		}
	}
	if (prefsrc) {
		prefsrc->nla_type = RTA_SRC;
		r->rtm_src_len = (unsigned char)(8 *
					mnl_attr_get_payload_len(prefsrc));
	} else if (!src) {
		fprintf(stderr, "Failed to connect the route\n");
		return EXIT_BADARG;
	}
	if (!g->odev && oif)
		oif->nla_type = 0;
	if (gw)
		gw->nla_type = 0;
	if (!g->idev && iif)
		iif->nla_type = 0;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nlh->nlmsg_type = RTM_GETROUTE;
	return 0;
}

/* the kernel refused @req: its words, and a hint when MPLS is missing */
static int get_failed(struct ipmpls_ctx *ctx, const struct nlmsghdr *req,
		      int ret)
{
	if (ret == -ECANCELED || ret == -ENOMEM) {
		fprintf(stderr, "An error :-)\n");
		return EXIT_BADARG;
	}
	ipmpls_kernel_error(req, ret, mplsroute_sock_errmsg(ctx->sock));
	return EXIT_KERNEL;
}

/* the lookup, twice for `connected` without `from` */
static int get_talk(struct ipmpls_ctx *ctx, struct getreq *g)
{
	static char ans[1024 + 32] __attribute__((aligned(4)));
	struct get_answer a = { .ctx = ctx, .size = sizeof(ans), .buf = ans };
	struct nlmsghdr *nlh = (struct nlmsghdr *)ans;
	int ret;

	if (!g->connected || g->from_ok) {
		ret = mplsroute_sock_request(ctx->sock, g->nlh, get_print, ctx);
		return ret < 0 ? get_failed(ctx, g->nlh, ret) : EXIT_OK;
	}
	memset(ans, 0, sizeof(ans));
	ret = mplsroute_sock_request(ctx->sock, g->nlh, get_keep, &a);
	if (ret < 0)
		return get_failed(ctx, g->nlh, ret);
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtmsg)))
		return EXIT_BADARG;
	ret = get_reask(g, nlh);
	if (ret)
		return ret;
	ret = mplsroute_sock_request(ctx->sock, nlh, get_print, ctx);
	return ret < 0 ? get_failed(ctx, nlh, ret) : EXIT_OK;
}

int iproute_get(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	union {
		struct nlmsghdr nlh;
		char buf[1024];
	} req;
	struct argcur c = { .argc = argc, .argv = argv };
	struct getreq g = { .nlh = &req.nlh, .size = sizeof(req) };
	int ret;

	memset(&req, 0, sizeof(req));
	g.nlh = mnl_nlmsg_put_header(req.buf);
	g.nlh->nlmsg_type = RTM_GETROUTE;
	g.nlh->nlmsg_flags = NLM_F_REQUEST;
	g.r = mnl_nlmsg_put_extra_header(g.nlh, sizeof(struct rtmsg));
	g.r->rtm_family = (unsigned char)ctx->opts->family;
	for (; c.argc > 0; c.argc--, c.argv++) {
		ret = get_word(&g, &c);
		if (ret)
			return ret;
	}
	if (g.r->rtm_dst_len == 0) {
		cmd_exits = 1;
		fprintf(stderr, "need at least destination address\n");
		return EXIT_BADARG;
	}
	ret = get_dev_attr(&g, g.idev, RTA_IIF);
	if (!ret)
		ret = get_dev_attr(&g, g.odev, RTA_OIF);
	if (ret)
		return ret;
	if (g.mark && !mnl_attr_put_u32_check(g.nlh, g.size, RTA_MARK, g.mark))
		return EXIT_BADARG;
	if (g.r->rtm_family == AF_UNSPEC)
		g.r->rtm_family = AF_INET;
	/* 4.4 asks for the table's answer; current iproute2 not for MPLS */
	if (g.r->rtm_family != AF_MPLS)
		g.r->rtm_flags |= RTM_F_LOOKUP_TABLE;
	return get_talk(ctx, &g);
}
