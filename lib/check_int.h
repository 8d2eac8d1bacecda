/* lib/check_int.h: what lib/check.c and lib/check_via.c share */
#ifndef CHECK_INT_H
#define CHECK_INT_H

#include "internal.h"

struct mr_via_use;

/* the (via, device) pairs of the MPLS routes dumped, each once */
struct mr_vias {
	struct mr_via_use *use;
	unsigned n, cap;
};

/* remember @rt's inet/inet6 vias (MPLS routes only); 0 or -ENOMEM */
int mr_vias_note(struct mr_vias *v, const struct mplsroute_route *rt);
void mr_vias_free(struct mr_vias *v);
/* the @i-th pair, NULL past the end */
const struct mr_via_use *mr_vias_get(const struct mr_vias *v, unsigned i);
/* a pair's via, device and the label of the first route using it */
const struct mplsroute_addr *mr_via_addr(const struct mr_via_use *u,
					 uint32_t *ifindex, uint32_t *label);

/*
 * mr_via_lookup - a fibmatch RTM_GETROUTE for @via through @oif (0: any):
 * 1 when the route matched is connected (no gateway; *@dev its device),
 * 0 when it is not or there is none, -errno when it cannot tell
 */
int mr_via_lookup(struct mplsroute_sock *s, const struct mplsroute_addr *via,
		  uint32_t oif, uint32_t *dev);

/* the finding's text and fix for @u; @good: the device the via is on, 0 */
void mr_via_say(const struct mr_via_use *u, uint32_t good, char *text,
		size_t tlen, char *fix, size_t flen);

#endif
