/* examples/seed.c: the seed's MPLS routes (r1, r2, r3) through libmplsroute */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include <mplsroute.h>

/* "PREFIX/PLEN" or an in-label IN; then "as AS", "encap mpls PUSH", via, dev */
static const struct seed {
	const char *router, *prefix;
	int plen;
	unsigned int in, as, push;
	const char *via, *dev;
} seed[] = {
	{ "r1", "10.4.4.0", 24, 0, 0, 100, "192.168.30.102", NULL },
	{ "r1", NULL, 0, 210, 0, 0, "10.3.3.2", "veth0-host" },	/* pop */
	{ "r2", NULL, 0, 100, 110, 0, "192.168.40.102", NULL },	/* swap */
	{ "r2", NULL, 0, 200, 210, 0, "192.168.30.101", NULL },
	{ "r3", "10.3.3.0", 24, 0, 0, 200, "192.168.40.101", NULL },
	{ "r3", NULL, 0, 110, 0, 0, "10.4.4.2", "veth0-host" },
};

static int add(struct mplsroute_sock *s, struct mplsroute_route *rt,
	       const struct seed *r)
{
	struct mplsroute_nexthop *nh = mplsroute_route_path(rt);
	struct mplsroute_addr a = { .family = AF_INET, .bitlen = r->plen };
	struct mplsroute_labels ls = { 1, { r->as ? r->as : r->push } };
	unsigned int dev = r->dev ? if_nametoindex(r->dev) : 0;

	if (r->dev && !dev)
		return -ENODEV;
	mplsroute_route_reset(rt);
	if (r->prefix && inet_pton(AF_INET, r->prefix, a.data) == 1)
		mplsroute_route_set_dst(rt, &a);
	else
		mplsroute_route_set_label(rt, r->in);
	if (r->as)
		mplsroute_nexthop_set_newdst(nh, &ls);
	if (r->push)
		mplsroute_nexthop_set_encap(nh, &ls, -1);
	inet_pton(AF_INET, r->via, a.data);
	mplsroute_nexthop_set_via(nh, &a);
	mplsroute_nexthop_set_oif(nh, dev);
	return mplsroute_route_add(s, rt);
}

/* usage: seed r1|r2|r3 [RECORD]: with RECORD, write the requests there
 * (a replay socket) instead of sending them to the kernel */
int main(int argc, char **argv)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	struct mplsroute_sock *s = NULL;
	unsigned int i, n = 0;
	int ret;

	if (argc < 2 || !rt)
		return 255;
	ret = argc > 2 ? mplsroute_sock_open_replay(&s, argv[2], NULL)
		       : mplsroute_sock_open(&s);
	for (i = 0; ret == 0 && i < sizeof(seed) / sizeof(seed[0]); i++)
		if (strcmp(seed[i].router, argv[1]) == 0 && ++n)
			ret = add(s, rt, &seed[i]);
	if (ret < 0)
		fprintf(stderr, "seed: %s: %s\n", argv[1],
			s && *mplsroute_sock_errmsg(s) ?
			mplsroute_sock_errmsg(s) : strerror(-ret));
	mplsroute_sock_close(s);
	mplsroute_route_free(rt);
	return ret < 0 ? 2 : n ? 0 : 1;
}
