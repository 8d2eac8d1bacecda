/* check_memo.c: lib/route_memo.c: a line like the one before is patched,
 * and gives the request a fresh parse gives; anything else is parsed */
#include <errno.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include "mplsroute.h"
#include "unit.h"
#include "route_int.h"

#define ADD	(NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)
#define POISON	0x55	/* a tos no line gives: seen only after a memo hit */

static int ifindex_calls;

/* "eth1" is 7, "eth2" 8 until renumber is set, then 9 */
static int renumber;

static int test_ifindex(const char *name, uint32_t *idx, void *data)
{
	(void)data;
	ifindex_calls++;
	if (strcmp(name, "eth1") == 0)
		*idx = 7;
	else if (strcmp(name, "eth2") == 0)
		*idx = renumber ? 9 : 8;
	else
		return -ENODEV;
	return 0;
}

static void opts(struct mplsroute_parse_opts *o, int family, uint16_t type)
{
	memset(o, 0, sizeof(*o));
	o->family = family;
	o->ifindex = test_ifindex;
	o->nlmsg_type = type;
}

/* split @line into words (in a copy) and parse it into @rt */
static int parse(struct mplsroute_route *rt, const char *line, int family,
		 struct mplsroute_error *err)
{
	static char copy[512];
	char *argv[64], *tok, *save;
	struct mplsroute_parse_opts o;
	int argc = 0;

	snprintf(copy, sizeof(copy), "%s", line);
	for (tok = strtok_r(copy, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	opts(&o, family, RTM_NEWROUTE);
	return mplsroute_route_parse_args(rt, argc, argv, &o, err);
}

/* the request of @line from a fresh route (no memo) into @buf */
static int fresh(const char *line, int family, unsigned char *buf,
		 size_t len, struct mplsroute_error *err)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	int ret;

	ck_assert_ptr_nonnull(rt);
	ret = parse(rt, line, family, err);
	if (ret == 0)
		ret = mplsroute_route_build(buf, len, rt, RTM_NEWROUTE, ADD);
	mplsroute_route_free(rt);
	return ret;
}

/* parse and build @line with @rt (memo kept) and fresh: the same result */
static int same_as_fresh(struct mplsroute_route *rt, const char *line,
			 int family)
{
	unsigned char a[1024], b[1024];
	struct mplsroute_error ea, eb;
	int ra, rb;

	ra = parse(rt, line, family, &ea);
	if (ra == 0)
		ra = mplsroute_route_build(a, sizeof(a), rt, RTM_NEWROUTE, ADD);
	rb = fresh(line, family, b, sizeof(b), &eb);
	ck_assert_msg(ra == rb, "%s: %d vs %d", line, ra, rb);
	if (ra > 0)
		ck_assert_msg(memcmp(a, b, (size_t)ra) == 0, "%s: bytes", line);
	else
		ck_assert_str_eq(ea.msg, eb.msg);
	return ra;
}

/* parse @line after poisoning the kept route: 1 if the memo served it */
static int hit(struct mplsroute_route *rt, const char *line, int family)
{
	struct mplsroute_error err;

	if (!rt->memo.valid)
		return 0;
	rt->memo.head[offsetof(struct mplsroute_route, tos)] = POISON;
	ck_assert_int_eq(parse(rt, line, family, &err), 0);
	if (rt->tos != POISON)
		return 0;
	rt->memo.head[offsetof(struct mplsroute_route, tos)] = 0;
	rt->tos = 0;
	return 1;
}

START_TEST(test_hits)
{
	static const char *const lines[][2] = {
		{ "16 as 17 via inet 10.0.0.1 dev eth1",
		  "18 as 1048575 via inet 10.0.0.200 dev eth1" },
		{ "16 as 100/200 via inet6 fe80::1 dev eth2",
		  "99999 as 300/400 via inet6 fe80::1 dev eth2" },
		{ "16 as 17 via inet 10.0.0.1 dev eth1 metric 5",
		  "20 as 21 via inet 10.0.0.9 dev eth1 metric 5" },
	};
	struct mplsroute_route *rt = mplsroute_route_new();
	unsigned i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		ck_assert_int_gt(same_as_fresh(rt, lines[i][0], AF_MPLS), 0);
		ck_assert_msg(hit(rt, lines[i][1], AF_MPLS), "%s", lines[i][1]);
		mplsroute_route_reset(rt);	/* forgets: a full parse */
		ck_assert_int_gt(same_as_fresh(rt, lines[i][0], AF_MPLS), 0);
		ck_assert_int_gt(same_as_fresh(rt, lines[i][1], AF_MPLS), 0);
		ck_assert_int_gt(same_as_fresh(rt, lines[i][0], AF_MPLS), 0);
	}
	mplsroute_route_free(rt);
}
END_TEST

START_TEST(test_ip_encap)
{
	struct mplsroute_route *rt = mplsroute_route_new();

	ck_assert_int_gt(same_as_fresh(rt,
		"10.4.4.0/24 encap mpls 100 via inet 192.168.30.102 dev eth1",
		AF_UNSPEC), 0);
	ck_assert(hit(rt,
		"10.4.5.0/24 encap mpls 101 via inet 192.168.30.103 dev eth1",
		AF_UNSPEC));
	ck_assert_int_gt(same_as_fresh(rt,
		"10.4.6.0/24 encap mpls 102 via inet 192.168.30.104 dev eth1",
		AF_UNSPEC), 0);
	/* another prefix length, another stack depth: parsed in full */
	ck_assert_int_gt(same_as_fresh(rt,
		"10.4.6.0/23 encap mpls 102 via inet 192.168.30.104 dev eth1",
		AF_UNSPEC), 0);
	ck_assert(!hit(rt,
		"10.4.6.0/23 encap mpls 102/7 via inet 192.168.30.104 dev eth1",
		AF_UNSPEC));
	mplsroute_route_free(rt);
}
END_TEST

/* what must not be served by the memo is not, and errors are the parse's */
START_TEST(test_misses)
{
	static const char *const after[] = {
		"17 as 18/19 via inet 10.0.0.1 dev eth1",	/* deeper */
		"17 as 18 via inet6 fe80::1 dev eth1",		/* family */
		"17 as 18 via inet 10.0.0.1 dev eth2",		/* device */
		"17 as 18 via inet 10.0.0.1 dev eth1 onlink",	/* words */
		"17 as to 18 via inet 10.0.0.1 dev eth1",
		"0x11 as 18 via inet 10.0.0.1 dev eth1",	/* hex: parse */
	};
	static const char *const bad[] = {
		"17 as 1048576 via inet 10.0.0.1 dev eth1",
		"17 as 18 via inet 10.0.0.256 dev eth1",
		"17 as 18a via inet 10.0.0.1 dev eth1",
		"1x as 18 via inet 10.0.0.1 dev eth1",
		"17 as 18 via inet 10.0.0.1 dev eth9",
		"17 as 18 via inet 10.0.0.1 dev eth1 metric",
	};
	const char *first = "16 as 17 via inet 10.0.0.1 dev eth1";
	struct mplsroute_route *rt = mplsroute_route_new();
	unsigned i;

	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++) {
		ck_assert_int_gt(same_as_fresh(rt, first, AF_MPLS), 0);
		ck_assert_int_gt(same_as_fresh(rt, after[i], AF_MPLS), 0);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_gt(same_as_fresh(rt, first, AF_MPLS), 0);
		ck_assert_int_lt(same_as_fresh(rt, bad[i], AF_MPLS), 0);
		ck_assert(!rt->memo.valid);	/* an error forgets */
	}
	/* a device renumbered between two lines: looked up again */
	ck_assert_int_gt(same_as_fresh(rt, "16 as 17 via inet 10.0.0.1 dev eth2",
				       AF_MPLS), 0);
	renumber = 1;
	ck_assert(!hit(rt, "18 as 17 via inet 10.0.0.1 dev eth2", AF_MPLS));
	ck_assert_int_eq(rt->nh.ifindex, 9);
	renumber = 0;
	mplsroute_route_free(rt);
}
END_TEST

/* a setter between parse and build, or between two parses */
START_TEST(test_changed_between)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	struct mplsroute_route *ref = mplsroute_route_new();
	unsigned char a[1024], b[1024];
	struct mplsroute_error err;
	int na, nb;

	ck_assert_int_gt(same_as_fresh(rt, "16 as 17 via inet 10.0.0.1 dev eth1",
				       AF_MPLS), 0);
	ck_assert_int_eq(parse(rt, "18 as 19 via inet 10.0.0.1 dev eth1",
			       AF_MPLS, &err), 0);
	ck_assert_int_eq(mplsroute_route_set_priority(rt, 77), 0);
	na = mplsroute_route_build(a, sizeof(a), rt, RTM_NEWROUTE, ADD);
	ck_assert_int_eq(parse(ref, "18 as 19 via inet 10.0.0.1 dev eth1",
			       AF_MPLS, &err), 0);
	ck_assert_int_eq(mplsroute_route_set_priority(ref, 77), 0);
	nb = mplsroute_route_build(b, sizeof(b), ref, RTM_NEWROUTE, ADD);
	ck_assert_int_gt(na, 0);
	ck_assert_int_eq(na, nb);
	ck_assert(memcmp(a, b, (size_t)na) == 0);
	/* the setter's value is gone after the next line, as after a parse */
	ck_assert_int_gt(same_as_fresh(rt, "20 as 21 via inet 10.0.0.1 dev eth1",
				       AF_MPLS), 0);
	/* other flags, another type: built in full */
	na = mplsroute_route_build(a, sizeof(a), rt, RTM_NEWROUTE,
				   NLM_F_REQUEST | NLM_F_ACK | NLM_F_REPLACE);
	ck_assert_int_gt(na, 0);
	ck_assert_uint_eq(((struct nlmsghdr *)a)->nlmsg_flags,
			  NLM_F_REQUEST | NLM_F_ACK | NLM_F_REPLACE);
	na = mplsroute_route_build(a, 20, rt, RTM_NEWROUTE, ADD);
	ck_assert_int_eq(na, -EMSGSIZE);
	mplsroute_route_free(rt);
	mplsroute_route_free(ref);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("memo");
	TCase *tc = tcase_create("memo");

	tcase_add_test(tc, test_hits);
	tcase_add_test(tc, test_ip_encap);
	tcase_add_test(tc, test_misses);
	tcase_add_test(tc, test_changed_between);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
