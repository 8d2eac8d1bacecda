/* lib/print_view.c: what the text and JSON printers show of a route */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "internal.h"

/* clock ticks a second: the caller's, else the system's, else 100 */
static long view_hz(const struct mplsroute_print_opts *o)
{
	long hz = o && o->hz > 0 ? o->hz : sysconf(_SC_CLK_TCK);

	return hz > 0 ? hz : 100;
}

/* what the selector hides (o->hide) and -d shows, as bits MR_SHOW_* */
static unsigned int view_show(const struct mplsroute_route *rt,
			      const struct mplsroute_print_opts *o)
{
	unsigned int hide = o ? o->hide : 0, s = 0;
	int details = o && o->details;
	int table = rt->table_id != RT_TABLE_MAIN || details;

#define SHOW(bit, cond, no) do {				\
		if ((cond) && !(hide & (no)))			\
			s |= (bit);				\
	} while (0)
	SHOW(MR_SHOW_TYPE, rt->type != RTN_UNICAST || details,
	     MPLSROUTE_PRINT_NO_TYPE);
	SHOW(MR_SHOW_TABLE, table && !(rt->flags & RTM_F_CLONED),
	     MPLSROUTE_PRINT_NO_TABLE);
	SHOW(MR_SHOW_TABLE_ANY, table && rt->table_id,
	     MPLSROUTE_PRINT_NO_TABLE);
	SHOW(MR_SHOW_PROTO, (rt->protocol != RTPROT_BOOT || details) &&
	     !(rt->flags & RTM_F_CLONED), MPLSROUTE_PRINT_NO_PROTO);
	SHOW(MR_SHOW_SCOPE, (rt->scope != RT_SCOPE_UNIVERSE || details) &&
	     !(rt->flags & RTM_F_CLONED), MPLSROUTE_PRINT_NO_SCOPE);
	SHOW(MR_SHOW_TOS, rt->tos, MPLSROUTE_PRINT_NO_TOS);
	SHOW(MR_SHOW_GATEWAY, rt->nh.via.family &&
	     rt->nh.via.family == rt->family, MPLSROUTE_PRINT_NO_GATEWAY);
	SHOW(MR_SHOW_VIA, rt->nh.via.family &&
	     rt->nh.via.family != rt->family, 0);
	SHOW(MR_SHOW_DEV, rt->nh.ifindex, MPLSROUTE_PRINT_NO_DEV);
	SHOW(MR_SHOW_PREFSRC, rt->prefsrc.family, MPLSROUTE_PRINT_NO_PREFSRC);
	SHOW(MR_SHOW_IIF, rt->iif, MPLSROUTE_PRINT_NO_IIF);
	SHOW(MR_SHOW_REALMS, rt->nh.has_flow, MPLSROUTE_PRINT_NO_REALMS);
	SHOW(MR_SHOW_STATS, o && o->stats, 0);
	SHOW(MR_SHOW_DELETED, o && o->deleted, 0);
#undef SHOW
	return s;
}

void mr_view_init(struct mr_view *v, const struct mplsroute_route *rt,
		  const struct mplsroute_print_opts *o)
{
	v->rt = rt;
	v->o = o;
	v->show = view_show(rt, o);
	v->host_len = mr_af_bits(rt->family);
	v->mpls = rt->family == AF_MPLS;
	v->cloned = !!(rt->flags & RTM_F_CLONED);
	v->hz = 0;
	v->expires = 0;
	v->age = 0;
	v->lock = 0;
	if (rt->expires || rt->ci_lastuse) {	/* sysconf only when needed */
		v->hz = view_hz(o);
		v->expires = (int32_t)rt->expires / v->hz;
		v->age = (long)(rt->ci_lastuse / (uint32_t)v->hz);
	}
	if (rt->metrics_set & (1u << RTAX_LOCK))
		v->lock = rt->metrics[RTAX_LOCK];
}

uint32_t mr_view_metric(unsigned int rtax, uint32_t val)
{
	if (rtax == RTAX_RTT)
		return val / 8;
	if (rtax == RTAX_RTTVAR)
		return val / 4;
	return val;
}
