/* check_print_view.c: the one view the text and JSON printers read, and
 * the pref names they share */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "mplsroute.h"
#include "unit.h"
#include "internal.h"

static struct mplsroute_route rt;

/* an IPv6 route with an expiry of 12345 ticks and a last use of 250 */
static void cached6(void)
{
	mr_route_init(&rt, RTM_NEWROUTE);
	rt.family = AF_INET6;
	rt.table_id = RT_TABLE_MAIN;
	rt.has_cacheinfo = 1;
	rt.expires = 12345;
	rt.ci_lastuse = 250;
	rt.ci_used = 1;
}

/* text and JSON of @rt with @o, into @text and @json */
static void print_both(const struct mplsroute_print_opts *o, char *text,
		       char *json, size_t len)
{
	struct mplsroute_json j;
	FILE *f = fmemopen(text, len, "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(mplsroute_route_print(f, &rt, o), 0);
	fclose(f);
	f = fmemopen(json, len, "w");
	ck_assert_ptr_nonnull(f);
	mplsroute_json_open(&j, f, 0);
	ck_assert_int_eq(mplsroute_route_print_json(&j, &rt, o), 0);
	ck_assert_int_eq(mplsroute_json_close(&j), 0);
	fclose(f);
}

/* one HZ rule: the caller's, else sysconf's, in both printers */
START_TEST(test_hz_one_rule)
{
	struct mplsroute_print_opts o = { .stats = 1 };
	char text[512], json[512], want[64];
	long hz = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100;
	struct mr_view v;

	cached6();
	mr_view_init(&v, &rt, &o);
	ck_assert_int_eq(v.hz, hz);
	ck_assert_int_eq(v.expires, 12345 / hz);
	ck_assert_int_eq(v.age, 250 / hz);
	print_both(&o, text, json, sizeof(text));
	snprintf(want, sizeof(want), " expires %ldsec", 12345 / hz);
	ck_assert_msg(strstr(text, want), "%s", text);
	snprintf(want, sizeof(want), "\"expires\":%ld,", 12345 / hz);
	ck_assert_msg(strstr(json, want), "%s", json);
	o.hz = 1000;
	print_both(&o, text, json, sizeof(text));
	ck_assert_msg(strstr(text, " expires 12sec"), "%s", text);
	ck_assert_msg(strstr(json, "\"expires\":12,"), "%s", json);
	ck_assert_msg(strstr(json, "\"age\":0"), "%s", json);
}
END_TEST

/* the selector's hide bits and -d, read from one place */
START_TEST(test_show_bits)
{
	struct mplsroute_print_opts o = { .details = 1 };
	struct mr_view v;

	mr_route_init(&rt, RTM_NEWROUTE);
	rt.family = AF_INET;
	rt.table_id = RT_TABLE_MAIN;
	rt.nh.via.family = AF_INET;
	rt.nh.ifindex = 3;
	mr_view_init(&v, &rt, NULL);
	ck_assert_uint_eq(v.show, MR_SHOW_GATEWAY | MR_SHOW_DEV);
	mr_view_init(&v, &rt, &o);
	ck_assert_uint_eq(v.show, MR_SHOW_GATEWAY | MR_SHOW_DEV |
			  MR_SHOW_TYPE | MR_SHOW_TABLE | MR_SHOW_TABLE_ANY |
			  MR_SHOW_PROTO | MR_SHOW_SCOPE);
	o.hide = MPLSROUTE_PRINT_NO_GATEWAY | MPLSROUTE_PRINT_NO_TABLE |
		 MPLSROUTE_PRINT_NO_DEV;
	mr_view_init(&v, &rt, &o);
	ck_assert_uint_eq(v.show, MR_SHOW_TYPE | MR_SHOW_PROTO |
			  MR_SHOW_SCOPE);
	rt.nh.via.family = AF_INET6;	/* another family's via: shown */
	rt.flags = RTM_F_CLONED;	/* 4.4: no table, proto, scope */
	o.hide = 0;
	mr_view_init(&v, &rt, &o);
	ck_assert_uint_eq(v.show, MR_SHOW_VIA | MR_SHOW_DEV | MR_SHOW_TYPE |
			  MR_SHOW_TABLE_ANY);
}
END_TEST

START_TEST(test_metric_units)
{
	ck_assert_uint_eq(mr_view_metric(RTAX_RTT, 800), 100);
	ck_assert_uint_eq(mr_view_metric(RTAX_RTTVAR, 800), 200);
	ck_assert_uint_eq(mr_view_metric(RTAX_MTU, 800), 800);
}
END_TEST

START_TEST(test_pref_names)
{
	static const struct { const char *word; uint32_t id; } ok[] = {
		{ "low", 3 }, { "medium", 0 }, { "high", 1 }, { "2", 2 },
		{ "0x10", 16 }, { "255", 255 },
	};
	static const char *const bad[] = { "lo", "HIGH", "256", "", "1x" };
	char buf[16];
	uint32_t id;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ck_assert_int_eq(mplsroute_pref_a2n(&id, ok[i].word), 0);
		ck_assert_uint_eq(id, ok[i].id);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_int_eq(mplsroute_pref_a2n(&id, bad[i]), -EINVAL);
	ck_assert_int_eq(mplsroute_pref_n2a(3, buf, sizeof(buf)), 3);
	ck_assert_str_eq(buf, "low");
	ck_assert_int_eq(mplsroute_pref_n2a(2, buf, sizeof(buf)), 1);
	ck_assert_str_eq(buf, "2");
	ck_assert_int_eq(mplsroute_pref_n2a(0, buf, 6), -ENOSPC);
}
END_TEST

/* both printers name a pref from the same table */
START_TEST(test_pref_printed)
{
	char text[512], json[512];

	cached6();
	rt.has_cacheinfo = 0;
	rt.has_pref = 1;
	rt.pref = 3;
	print_both(NULL, text, json, sizeof(text));
	ck_assert_msg(strstr(text, " pref low"), "%s", text);
	ck_assert_msg(strstr(json, "\"pref\":\"low\""), "%s", json);
	rt.pref = 2;
	print_both(NULL, text, json, sizeof(text));
	ck_assert_msg(strstr(text, " pref 2"), "%s", text);
	ck_assert_msg(strstr(json, "\"pref\":2"), "%s", json);
}
END_TEST

static Suite *view_suite(void)
{
	Suite *s = suite_create("print_view");
	TCase *tc = tcase_create("print_view");

	tcase_add_test(tc, test_hz_one_rule);
	tcase_add_test(tc, test_show_bits);
	tcase_add_test(tc, test_metric_units);
	tcase_add_test(tc, test_pref_names);
	tcase_add_test(tc, test_pref_printed);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(view_suite());
}
