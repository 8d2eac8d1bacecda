/* lib/check.c: is a namespace ready to forward MPLS?  A list of findings */
#include <errno.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/socket.h>

#include "internal.h"
#include "check_int.h"

#define CK_MAXDEV 64

struct ck {
	const struct mplsroute_check_opts *o;
	struct mplsroute_finding *list;
	unsigned n, cap;
	int nomem;
	unsigned push4, push6, swaps;	/* routes that send labels */
	int64_t max_in;			/* highest label routed, -1: none */
	uint32_t devs[CK_MAXDEV];	/* where labelled packets come back */
	unsigned ndevs;
	struct mr_vias vias;		/* the MPLS routes' IP vias */
};

/* a new finding (text and fix formatted by the caller), NULL on ENOMEM */
static struct mplsroute_finding *ck_add(struct ck *c, int code, int sev,
					const char *dev, int64_t label)
{
	struct mplsroute_finding *f;

	if (c->n == c->cap) {
		unsigned cap = c->cap ? 2 * c->cap : 8;

		f = realloc(c->list, cap * sizeof(*f));
		if (!f) {
			c->nomem = 1;
			return NULL;
		}
		c->list = f;
		c->cap = cap;
	}
	f = &c->list[c->n++];
	memset(f, 0, sizeof(*f));
	f->code = code;
	f->severity = sev;
	snprintf(f->dev, sizeof(f->dev), "%s", dev ? dev : "");
	f->label = label;
	return f;
}

#define CK_SAY(f, field, ...) \
	do { if (f) snprintf((f)->field, sizeof((f)->field), __VA_ARGS__); \
	} while (0)

/* /proc/sys/NAME (dots in a device name become slashes) as a number */
static int ck_sysctl(const struct ck *c, const char *name, long *val)
{
	char path[512];
	FILE *f;
	int ret = 0;

	snprintf(path, sizeof(path), "%s/sys/%s",
		 c->o->proc ? c->o->proc : "/proc", name);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	if (fscanf(f, "%ld", val) != 1)
		ret = -EIO;
	fclose(f);
	return ret;
}

/* a device's sysctl DIR/DEV/LEAF, the device name's dots as slashes */
static int ck_devctl(const struct ck *c, const char *dir, const char *dev,
		     const char *leaf, long *val)
{
	char name[256], d[IF_NAMESIZE + 1];
	size_t i;

	snprintf(d, sizeof(d), "%s", dev);
	for (i = 0; d[i]; i++)
		if (d[i] == '.')
			d[i] = '/';
	snprintf(name, sizeof(name), "%s/%s/%s", dir, d, leaf);
	return ck_sysctl(c, name, val);
}

static int ck_module(const struct ck *c, const char *name)
{
	char path[256];
	struct stat st;

	snprintf(path, sizeof(path), "%s/module/%s",
		 c->o->sys ? c->o->sys : "/sys", name);
	return stat(path, &st) == 0;
}

static void ck_dev(struct ck *c, uint32_t ifindex)
{
	unsigned i;

	if (!ifindex)
		return;
	for (i = 0; i < c->ndevs; i++)
		if (c->devs[i] == ifindex)
			return;
	if (c->ndevs < CK_MAXDEV)
		c->devs[c->ndevs++] = ifindex;
}

/* reserved labels (explicit nulls 0 and 2 aside) in a pushed stack */
static void ck_reserved(struct ck *c, const struct mplsroute_labels *ls)
{
	struct mplsroute_finding *f;
	unsigned i;

	for (i = 0; i < ls->n; i++) {
		if (ls->label[i] >= 16 || ls->label[i] == 0 ||
		    ls->label[i] == 2)
			continue;
		f = ck_add(c, MPLSROUTE_CHECK_RESERVED_LABEL,
			   MPLSROUTE_CHECK_WARNING, NULL, ls->label[i]);
		CK_SAY(f, text, "label %u is reserved (0-15) but a route "
		       "sends it", ls->label[i]);
	}
}

/* one path of a route: push or swap sends labels through its device */
static void ck_path(struct ck *c, int family,
		    const struct mplsroute_nexthop *nh)
{
	if (nh->encap.n) {
		if (family == AF_INET6)
			c->push6++;
		else
			c->push4++;
		ck_dev(c, nh->ifindex);
		ck_reserved(c, &nh->encap);
	}
	if (family == AF_MPLS && nh->newdst.n) {
		c->swaps++;
		ck_dev(c, nh->ifindex);
		ck_reserved(c, &nh->newdst);
	}
}

static int ck_route(const struct nlmsghdr *nlh,
		    const struct mplsroute_route *rt, void *data)
{
	struct ck *c = data;
	unsigned i;

	if (!rt)
		return 0;
	if (mr_vias_note(&c->vias, rt) < 0)
		c->nomem = 1;
	if (rt->family == AF_MPLS && rt->dst.labels.n &&
	    (int64_t)rt->dst.labels.label[0] > c->max_in)
		c->max_in = rt->dst.labels.label[0];
	if (rt->family == AF_MPLS && rt->dst.labels.n &&
	    rt->dst.labels.label[0] < 16) {
		struct mplsroute_finding *f;

		f = ck_add(c, MPLSROUTE_CHECK_RESERVED_LABEL,
			   MPLSROUTE_CHECK_WARNING, NULL,
			   rt->dst.labels.label[0]);
		CK_SAY(f, text, "label %u is reserved (0-15) but routed",
		       rt->dst.labels.label[0]);
	}
	if (!rt->nnh)
		ck_path(c, rt->family, &rt->nh);
	for (i = 0; i < rt->nnh; i++)
		ck_path(c, rt->family, &rt->nhs[i]);
	return 0;
}

/* the modules: mpls_router (else nothing more to check), the others */
static int ck_modules(struct ck *c)
{
	struct mplsroute_finding *f;
	long v;

	if (ck_sysctl(c, "net/mpls/platform_labels", &v) == -ENOENT) {
		f = ck_add(c, MPLSROUTE_CHECK_NO_MPLS_ROUTER,
			   MPLSROUTE_CHECK_ERROR, NULL, -1);
		CK_SAY(f, text, "module mpls_router is not loaded (no net.mpls "
		       "sysctls): the kernel does not forward labels");
		CK_SAY(f, fix, "modprobe mpls_router");
		return 1;
	}
	if (!ck_module(c, "mpls_iptunnel")) {
		f = ck_add(c, MPLSROUTE_CHECK_NO_MPLS_IPTUNNEL,
			   c->push4 + c->push6 ? MPLSROUTE_CHECK_ERROR :
			   MPLSROUTE_CHECK_WARNING, NULL, -1);
		CK_SAY(f, text, "module mpls_iptunnel is not loaded: no push "
		       "route (encap mpls) can be added");
		CK_SAY(f, fix, "modprobe mpls_iptunnel");
	}
	if (!ck_module(c, "mpls_gso")) {
		f = ck_add(c, MPLSROUTE_CHECK_NO_MPLS_GSO,
			   MPLSROUTE_CHECK_WARNING, NULL, -1);
		CK_SAY(f, text, "module mpls_gso is not loaded: large (GSO) "
		       "packets cannot be sent with labels");
		CK_SAY(f, fix, "modprobe mpls_gso");
	}
	return 0;
}

static int ck_platform(struct ck *c)
{
	struct mplsroute_finding *f;
	long v;
	int ret;

	ret = ck_sysctl(c, "net/mpls/platform_labels", &v);
	if (ret < 0)
		return ret;
	if (v == 0) {
		f = ck_add(c, MPLSROUTE_CHECK_PLATFORM_LABELS_ZERO,
			   MPLSROUTE_CHECK_ERROR, NULL, -1);
		CK_SAY(f, text, "net.mpls.platform_labels is 0: the kernel "
		       "holds and forwards no labels");
		CK_SAY(f, fix, "sysctl -w net.mpls.platform_labels=1048575");
	} else if (c->max_in >= v) {
		f = ck_add(c, MPLSROUTE_CHECK_PLATFORM_LABELS_LOW,
			   MPLSROUTE_CHECK_ERROR, NULL, c->max_in);
		CK_SAY(f, text, "net.mpls.platform_labels is %ld: label %lld "
		       "is beyond it", v, (long long)c->max_in);
		CK_SAY(f, fix, "sysctl -w net.mpls.platform_labels=1048575");
	}
	return 0;
}

/* input on device @dev (and, when @rp, its rp_filter) */
static void ck_input(struct ck *c, const char *dev, int rp)
{
	struct mplsroute_finding *f;
	long v, all = 0;

	if (!if_nametoindex(dev)) {
		f = ck_add(c, MPLSROUTE_CHECK_NO_DEVICE, MPLSROUTE_CHECK_ERROR,
			   dev, -1);
		CK_SAY(f, text, "device %s does not exist", dev);
		return;
	}
	if (ck_devctl(c, "net/mpls/conf", dev, "input", &v) < 0 || !v) {
		f = ck_add(c, MPLSROUTE_CHECK_INPUT_OFF, MPLSROUTE_CHECK_ERROR,
			   dev, -1);
		CK_SAY(f, text, "net.mpls.conf.%s.input is 0: labelled "
		       "packets arriving on %s are dropped", dev, dev);
		CK_SAY(f, fix, "sysctl -w net.mpls.conf.%s.input=1", dev);
	}
	if (!rp || ck_devctl(c, "net/ipv4/conf", dev, "rp_filter", &v) < 0)
		return;
	ck_sysctl(c, "net/ipv4/conf/all/rp_filter", &all);
	if ((v > all ? v : all) == 1) {
		f = ck_add(c, MPLSROUTE_CHECK_RP_FILTER_STRICT,
			   MPLSROUTE_CHECK_WARNING, dev, -1);
		CK_SAY(f, text, "strict reverse-path filtering on %s: IP "
		       "packets that arrive there and return over a "
		       "label switched path are dropped", dev);
		CK_SAY(f, fix, "sysctl -w net.ipv4.conf.%s.rp_filter=2", dev);
	}
}

static void ck_devices(struct ck *c)
{
	char name[IF_NAMESIZE];
	unsigned i;

	for (i = 0; i < c->o->ndevs; i++)
		ck_input(c, c->o->devs[i], 1);
	if (c->o->ndevs)
		return;
	for (i = 0; i < c->ndevs; i++)
		if (if_indextoname(c->devs[i], name))
			ck_input(c, name, 1);
}

static void ck_forward(struct ck *c)
{
	struct mplsroute_finding *f;
	long v;

	if (c->push4 && ck_sysctl(c, "net/ipv4/ip_forward", &v) == 0 && !v) {
		f = ck_add(c, MPLSROUTE_CHECK_IP_FORWARD_OFF,
			   MPLSROUTE_CHECK_ERROR, NULL, -1);
		CK_SAY(f, text, "net.ipv4.ip_forward is 0: IPv4 packets are "
		       "not forwarded into the %u push route(s)", c->push4);
		CK_SAY(f, fix, "sysctl -w net.ipv4.ip_forward=1");
	}
	if (c->push6 &&
	    ck_sysctl(c, "net/ipv6/conf/all/forwarding", &v) == 0 && !v) {
		f = ck_add(c, MPLSROUTE_CHECK_IP6_FORWARD_OFF,
			   MPLSROUTE_CHECK_ERROR, NULL, -1);
		CK_SAY(f, text, "net.ipv6.conf.all.forwarding is 0: IPv6 "
		       "packets are not forwarded into the %u push route(s)",
		       c->push6);
		CK_SAY(f, fix, "sysctl -w net.ipv6.conf.all.forwarding=1");
	}
}

/*
 * each MPLS route's inet/inet6 via: a connected route must put it on the
 * link of the route's device (else ARP/ND for it there finds nobody)
 */
static void ck_vias(struct mplsroute_sock *s, struct ck *c)
{
	const struct mr_via_use *u;
	const struct mplsroute_addr *via;
	struct mplsroute_finding *f;
	uint32_t dev, label, good;
	char name[IF_NAMESIZE];
	unsigned i;

	for (i = 0; (u = mr_vias_get(&c->vias, i)); i++) {
		via = mr_via_addr(u, &dev, &label);
		if (mr_via_lookup(s, via, dev, NULL) != 0)
			continue;	/* on the link, or cannot tell */
		if (mr_via_lookup(s, via, 0, &good) != 1)
			good = 0;
		if (!if_indextoname(dev, name))
			snprintf(name, sizeof(name), "if%u", dev);
		f = ck_add(c, MPLSROUTE_CHECK_VIA_UNREACHABLE,
			   MPLSROUTE_CHECK_ERROR, name, label);
		if (f)
			mr_via_say(u, good, f->text, sizeof(f->text), f->fix,
				   sizeof(f->fix));
	}
}

/* what the routes use, dumped again (from scratch) if messages were lost */
static int ck_routes(struct mplsroute_sock *s, struct ck *c)
{
	int ret, tries = 0;

	do {
		c->n = 0;
		c->push4 = c->push6 = c->swaps = 0;
		c->max_in = -1;
		c->ndevs = 0;
		mr_vias_free(&c->vias);
		ret = mplsroute_route_dump(s, AF_UNSPEC, ck_route, c);
	} while (ret == -ENOBUFS && ++tries < 3);
	return ret;
}

MR_EXPORT
int mplsroute_check(struct mplsroute_sock *s,
		    const struct mplsroute_check_opts *o,
		    struct mplsroute_finding **list, unsigned *n)
{
	static const struct mplsroute_check_opts none;
	struct ck c = { .o = o ? o : &none, .max_in = -1 };
	int ret;

	ret = ck_routes(s, &c);
	if (ret < 0)
		goto fail;
	if (!ck_modules(&c)) {
		ret = ck_platform(&c);
		if (ret < 0)
			goto fail;
		ck_forward(&c);
		ck_devices(&c);
		ck_vias(s, &c);
	}
	mr_vias_free(&c.vias);
	if (c.nomem) {
		ret = -ENOMEM;
		goto fail;
	}
	*list = c.list;
	*n = c.n;
	return 0;
fail:
	mr_vias_free(&c.vias);
	free(c.list);
	return ret;
}
