/* check_print_61.c: the iproute2 6.1 text printer and its style words */
#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "mplsroute.h"
#include "unit.h"
#include "route_int.h"
#include "compat.h"

/* @rt printed in @style into a string (free() it); *ret the result */
static char *print_in(const struct mplsroute_route *rt, int style, int *ret,
		      int oneline)
{
	struct mplsroute_print_opts o = { .oneline = oneline };
	char *got = NULL;
	size_t glen = 0;
	FILE *out = open_memstream(&got, &glen);

	ck_assert_ptr_nonnull(out);
	*ret = mplsroute_route_print_style(out, rt, &o, style);
	fclose(out);
	return got;
}

/* 10.4.4.0/24 table 100 proto static via 192.168.30.102 dev if99 metric 7 */
static void parse_route(struct mplsroute_route *rt)
{
	unsigned char msg[256];

	ck_assert_int_gt(unit_hex2bin("44000000180002000000000000000000"
				      "02180000640400010000000008000f0064000000"
				      "080001000a040400"
				      "08000500c0a81e66"
				      "0800040063000000"
				      "0800060007000000",
				      msg, sizeof(msg)), 0);
	ck_assert_int_eq(mr_route_parse((struct nlmsghdr *)msg, rt), 0);
}

START_TEST(style_words)
{
	ck_assert_int_eq(mplsroute_print_style_a2n("4.4"), MPLSROUTE_STYLE_4_4);
	ck_assert_int_eq(mplsroute_print_style_a2n("6.1"), MPLSROUTE_STYLE_6_1);
	ck_assert_int_eq(mplsroute_print_style_a2n("6.10"), -EINVAL);
	ck_assert_int_eq(mplsroute_print_style_a2n("6"), -EINVAL);
	ck_assert_int_eq(mplsroute_print_style_a2n(""), -EINVAL);
	ck_assert_int_eq(mplsroute_print_style_a2n(NULL), -EINVAL);
}
END_TEST

/* an unknown style, no stream, no route: -EINVAL and nothing written */
START_TEST(bad_args)
{
	struct mplsroute_route rt;
	char *got;
	int ret;

	parse_route(&rt);
	got = print_in(&rt, 2, &ret, 0);
	ck_assert_int_eq(ret, -EINVAL);
	ck_assert_str_eq(got, "");
	free(got);
	got = print_in(&rt, -1, &ret, 0);
	ck_assert_int_eq(ret, -EINVAL);
	free(got);
	ck_assert_int_eq(mplsroute_route_print_style(NULL, &rt, NULL, 1),
			 -EINVAL);
	ck_assert_int_eq(mplsroute_route_print_style(stdout, NULL, NULL, 1),
			 -EINVAL);
}
END_TEST

/* 4.4 is mplsroute_route_print's text; 6.1 spaces the same fields once */
START_TEST(both_styles)
{
	struct mplsroute_route rt;
	char *s44, *s61, *ref = NULL;
	size_t rlen = 0;
	FILE *out = open_memstream(&ref, &rlen);
	int ret;

	parse_route(&rt);
	ck_assert_int_eq(mplsroute_route_print(out, &rt, NULL), 0);
	fclose(out);
	s44 = print_in(&rt, MPLSROUTE_STYLE_4_4, &ret, 0);
	ck_assert_int_eq(ret, 0);
	ck_assert_str_eq(s44, ref);
	ck_assert_msg(strstr(s44, "  table 100  proto static  metric 7"),
		      "%s", s44);
	s61 = print_in(&rt, MPLSROUTE_STYLE_6_1, &ret, 0);
	ck_assert_int_eq(ret, 0);
	ck_assert_str_eq(s61, "10.4.4.0/24 via 192.168.30.102 dev if99 "
			 "table 100 proto static metric 7 \n");
	free(ref);
	free(s44);
	free(s61);
}
END_TEST

/* nexthops: each with its dev (and weight outside MPLS), -o's blank */
START_TEST(nexthops_oneline)
{
	struct mplsroute_route rt;
	char *got;
	int ret;

	parse_route(&rt);
	rt.nnh = 2;
	memset(rt.nhs, 0, 2 * sizeof(rt.nhs[0]));
	rt.nhs[0].ifindex = 99;
	rt.nhs[1].ifindex = 98;
	rt.nhs[1].hops = 2;
	rt.nhs[1].flags = RTNH_F_LINKDOWN;
	got = print_in(&rt, MPLSROUTE_STYLE_6_1, &ret, 1);
	ck_assert_int_eq(ret, 0);
	ck_assert_msg(strstr(got, "metric 7 \\\tnexthop dev if99 weight 1 "
			     "\\\tnexthop dev if98 weight 3 linkdown \n"),
		      "%s", got);
	free(got);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("print_61");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, style_words);
	tcase_add_test(tc, bad_args);
	tcase_add_test(tc, both_styles);
	tcase_add_test(tc, nexthops_oneline);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
