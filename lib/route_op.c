/* lib/route_op.c: route object -> request (add, replace, del...), sent */
#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "internal.h"

/* a request's room: 32 nexthops of 30-label encaps and swaps fit */
#define MR_REQ_MAX	16384

/* ip route add/change/replace/prepend/append/test/del: 4.4's type, flags */
static const struct {
	uint16_t type;
	uint16_t flags;
} ops[] = {
	[MPLSROUTE_OP_ADD] = { RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL },
	[MPLSROUTE_OP_CHANGE] = { RTM_NEWROUTE, NLM_F_REPLACE },
	[MPLSROUTE_OP_REPLACE] = { RTM_NEWROUTE,
				   NLM_F_CREATE | NLM_F_REPLACE },
	[MPLSROUTE_OP_PREPEND] = { RTM_NEWROUTE, NLM_F_CREATE },
	[MPLSROUTE_OP_APPEND] = { RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND },
	[MPLSROUTE_OP_TEST] = { RTM_NEWROUTE, NLM_F_EXCL },
	[MPLSROUTE_OP_DEL] = { RTM_DELROUTE, 0 },
};

MR_EXPORT int mplsroute_route_request(void *buf, size_t len,
				      const struct mplsroute_route *rt,
				      enum mplsroute_op op)
{
	struct rtmsg h;

	if (!buf || !rt || (unsigned)op >= sizeof(ops) / sizeof(ops[0]))
		return -EINVAL;
	mr_route_head(rt, ops[op].type, &h);
	return mr_route_build(buf, len, rt, &h, ops[op].type,
			      NLM_F_ACK | ops[op].flags);
}

MR_EXPORT int mplsroute_route_apply(struct mplsroute_sock *s,
				    const struct mplsroute_route *rt,
				    enum mplsroute_op op)
{
	union {
		struct nlmsghdr nlh;
		char buf[MR_REQ_MAX];
	} u;
	int ret;

	if (!s)
		return -EINVAL;
	ret = mplsroute_route_request(u.buf, sizeof(u.buf), rt, op);
	if (ret < 0)
		return ret;
	return mplsroute_sock_request(s, &u.nlh, NULL, NULL);
}

MR_EXPORT int mplsroute_route_add(struct mplsroute_sock *s,
				  const struct mplsroute_route *rt)
{
	return mplsroute_route_apply(s, rt, MPLSROUTE_OP_ADD);
}

MR_EXPORT int mplsroute_route_replace(struct mplsroute_sock *s,
				      const struct mplsroute_route *rt)
{
	return mplsroute_route_apply(s, rt, MPLSROUTE_OP_REPLACE);
}

MR_EXPORT int mplsroute_route_del(struct mplsroute_sock *s,
				  const struct mplsroute_route *rt)
{
	return mplsroute_route_apply(s, rt, MPLSROUTE_OP_DEL);
}

MR_EXPORT int mplsroute_batch_add_route(struct mplsroute_batch *b,
					const struct mplsroute_route *rt,
					enum mplsroute_op op,
					unsigned long cookie)
{
	union {
		struct nlmsghdr nlh;
		char buf[MR_REQ_MAX];
	} u;
	int ret;

	if (!b)
		return -EINVAL;
	ret = mplsroute_route_request(u.buf, sizeof(u.buf), rt, op);
	if (ret < 0)
		return ret;
	return mplsroute_batch_add(b, &u.nlh, cookie);
}

MR_EXPORT int mplsroute_route_decode(const struct nlmsghdr *nlh,
				     struct mplsroute_route *rt)
{
	int ret = mr_route_parse(nlh, rt);

	if (ret < 0)
		return ret;
	/* what was decoded is what a request of it sends again */
	rt->given = MPLSROUTE_GIVEN_TABLE | MPLSROUTE_GIVEN_SCOPE |
		    MPLSROUTE_GIVEN_TYPE | MPLSROUTE_GIVEN_PROTO;
	return 0;
}
