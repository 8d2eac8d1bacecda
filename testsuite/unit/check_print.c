/* check_print.c: the printers fed the recorded answers of the show cases */
#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "mplsroute.h"
#include "unit.h"
#include "route_int.h"
#include "compat.h"
#include <linux/in_route.h>

#define DATA "testsuite/data/iproute2-4.4"

/* the reference lab's devices */
static int lab_ifname(uint32_t idx, char *buf, size_t len, void *data)
{
	static const struct { uint32_t idx; const char *name; } devs[] = {
		{ 1, "lo" }, { 11, "eth1" }, { 12, "eth2" },
		{ 13, "veth0-host" }, { 21, "eth1p" }, { 22, "eth2p" },
		{ 23, "veth0" },
	};
	size_t i;

	(void)data;
	for (i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
		if (devs[i].idx == idx) {
			snprintf(buf, len, "%s", devs[i].name);
			return 0;
		}
	}
	return -ENODEV;
}

/* how each case's argv selects: what ip/ would put in the filter */
struct pcase {
	const char *name;
	int family;		/* what `route show` dumps */
	uint32_t table;		/* 254 unless `table` */
	uint32_t oif;		/* `dev` */
	int oneline;
	int get;		/* route get: print the first answer */
};

static const struct pcase cases[] = {
	{ "cases/show-M-list-table", AF_MPLS, 254, 0, 0, 0 },
	{ "cases/show-empty-mpls", AF_MPLS, 254, 0, 0, 0 },
	{ "cases/show-enc-dev", AF_INET, 254, 0, 0, 0 },
	{ "cases/show-enc6", AF_INET6, 254, 0, 0, 0 },
	{ "cases/show-filter-dev", AF_INET, 254, 12, 0, 0 },
	{ "cases/show-get", AF_INET, 0, 0, 0, 1 },
	{ "cases/show-list", AF_MPLS, 254, 0, 0, 0 },
	{ "cases/show-metric", AF_INET, 254, 0, 0, 0 },
	{ "cases/show-multipath", AF_INET, 254, 0, 0, 0 },
	{ "cases/show-oneline", AF_INET, 254, 0, 1, 0 },
	{ "cases/show-pop-dev", AF_MPLS, 254, 0, 0, 0 },
	{ "cases/show-replaced-mpls", AF_MPLS, 254, 0, 0, 0 },
	{ "cases/show-seed-r1", AF_INET, 254, 0, 0, 0 },
	{ "cases/show-seed-r1-mpls", AF_MPLS, 254, 0, 0, 0 },
	{ "cases/show-seed-r2", AF_MPLS, 254, 0, 0, 0 },
	{ "cases/show-stack", AF_INET, 254, 0, 0, 0 },
	{ "cases/show-table", AF_INET, 100, 0, 0, 0 },
	{ "cases/show-via6", AF_MPLS, 254, 0, 0, 0 },
};

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *m;
	int c;

	if (!f)
		return strdup("");
	m = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(m);
	while ((c = fgetc(f)) != EOF)
		fputc(c, m);
	fclose(f);
	fclose(m);
	return buf;
}

/*
 * mplsroute_route_format: in both styles the text mplsroute_route_print_style
 * prints, exactly as long; one byte short is -ENOSPC
 */
static void check_format(const struct mplsroute_route *rt,
			 const struct mplsroute_print_opts *o)
{
	static char buf[8192];
	char *want = NULL;
	size_t wlen = 0;
	FILE *m;
	int style, n;

	for (style = MPLSROUTE_STYLE_4_4; style <= MPLSROUTE_STYLE_6_1;
	     style++) {
		m = open_memstream(&want, &wlen);
		ck_assert_int_eq(mplsroute_route_print_style(m, rt, o, style),
				 0);
		fclose(m);
		n = mplsroute_route_format(buf, sizeof(buf), rt, o, style);
		ck_assert_int_eq(n, (int)wlen);
		ck_assert(memcmp(buf, want, wlen) == 0);
		ck_assert_int_eq(mplsroute_route_format(buf, wlen, rt, o,
							style), (int)wlen);
		ck_assert_int_eq(mplsroute_route_format(buf, wlen - 1, rt, o,
							style), -ENOSPC);
		free(want);
		want = NULL;
	}
	ck_assert_int_eq(mplsroute_route_format(buf, sizeof(buf), rt, o, 7),
			 -EINVAL);
	ck_assert_int_eq(mplsroute_route_format(NULL, 1, rt, o, 0), -EINVAL);
}

/* prints one RTM_NEWROUTE through parse, filter and print */
static void print_line(const struct pcase *pc, struct mplsroute_filter *flt,
		       const void *msg, FILE *out)
{
	struct mplsroute_print_opts o = {
		.oneline = pc->oneline, .ifname = lab_ifname,
	};
	struct mplsroute_route *rt = calloc(1, sizeof(*rt));

	ck_assert_ptr_nonnull(rt);
	ck_assert_int_eq(mr_route_parse((const struct nlmsghdr *)msg,
					       rt), 0);
	if (mplsroute_filter_match(flt, rt) == 1) {
		o.hide = mplsroute_filter_hide(flt, rt);
		ck_assert_int_eq(mplsroute_route_print(out, rt, &o), 0);
		check_format(rt, &o);
	}
	free(rt);
}

static void run_case(const struct pcase *pc)
{
	static unsigned char msg[65536];
	char path[256];
	struct mplsroute_filter flt;
	struct mr_rec rec;
	long n;
	char *got = NULL, *want;
	size_t glen = 0;
	FILE *resp, *out;

	mplsroute_filter_init(&flt);
	flt.table = pc->table;
	if (pc->oif) {
		flt.oif = pc->oif;
		flt.oifmask = 1;
	}
	if (pc->get)
		flt.cloned = 2;
	snprintf(path, sizeof(path), DATA "/%s/responses", pc->name);
	resp = fopen(path, "r");
	ck_assert_msg(resp != NULL, "%s: %s", path, strerror(errno));
	out = open_memstream(&got, &glen);
	while ((n = unit_rec_next(resp, "RTM_NEWROUTE", &rec, msg,
				  sizeof(msg))) > 0) {
		print_line(pc, &flt, msg, out);
		if (pc->get)
			break;
	}
	ck_assert_int_ge(n, 0);
	fclose(resp);
	fclose(out);
	snprintf(path, sizeof(path), DATA "/%s/stdout", pc->name);
	want = slurp(path);
	ck_assert_msg(strcmp(got, want) == 0, "%s:\n--- got\n%s--- want\n%s",
		      pc->name, got, want);
	free(got);
	free(want);
}

START_TEST(show_cases)
{
	run_case(&cases[_i]);
}
END_TEST

/*
 * -j and -j -p: the same answers printed as JSON, compared with what
 * current iproute2 (Debian's 6.1) printed for the same routes on the MPLS
 * kernel (testsuite/unit/json/CASE.json and .pretty).
 */
static void run_json(const struct pcase *pc, int pretty)
{
	char path[256];
	static unsigned char msg[65536];
	struct mr_rec rec;
	long n;
	struct mplsroute_print_opts o = { .ifname = lab_ifname };
	struct mplsroute_route *rt = calloc(1, sizeof(*rt));
	struct mplsroute_filter flt;
	struct mplsroute_json j;
	char *got = NULL, *want;
	size_t glen = 0;
	FILE *resp, *out;

	ck_assert_ptr_nonnull(rt);
	mplsroute_filter_init(&flt);
	flt.table = pc->table;
	flt.oif = pc->oif;
	flt.oifmask = pc->oif != 0;
	snprintf(path, sizeof(path), DATA "/%s/responses", pc->name);
	resp = fopen(path, "r");
	ck_assert_ptr_nonnull(resp);
	out = open_memstream(&got, &glen);
	mplsroute_json_open(&j, out, pretty);
	while ((n = unit_rec_next(resp, "RTM_NEWROUTE", &rec, msg,
				  sizeof(msg))) > 0) {
		ck_assert_int_eq(mr_route_parse((struct nlmsghdr *)msg,
						       rt), 0);
		if (mplsroute_filter_match(&flt, rt) != 1)
			continue;
		o.hide = mplsroute_filter_hide(&flt, rt);
		ck_assert_int_eq(mplsroute_route_print_json(&j, rt, &o), 0);
	}
	ck_assert_int_ge(n, 0);
	ck_assert_int_eq(mplsroute_json_close(&j), 0);
	fclose(resp);
	fclose(out);
	snprintf(path, sizeof(path), "testsuite/unit/json/%s.%s",
		 strchr(pc->name, '/') + 1, pretty ? "pretty" : "json");
	want = slurp(path);
	ck_assert_msg(*want, "%s: missing", path);
	ck_assert_msg(strcmp(got, want) == 0, "%s:\n--- got\n%s--- want\n%s",
		      path, got, want);
	free(got);
	free(want);
	free(rt);
}

static const char *const json_cases[] = {
	"cases/show-M-list-table", "cases/show-enc-dev", "cases/show-enc6",
	"cases/show-filter-dev", "cases/show-metric", "cases/show-multipath",
	"cases/show-pop-dev", "cases/show-seed-r2", "cases/show-stack",
	"cases/show-table", "cases/show-via6",
};

START_TEST(json_cases_test)
{
	const char *n = json_cases[_i / 2];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (strcmp(cases[i].name, n) == 0)
			break;
	ck_assert_uint_lt(i, sizeof(cases) / sizeof(cases[0]));
	run_json(&cases[i], _i % 2);
}
END_TEST

/* the empty dump, and JSON's escapes */
START_TEST(json_empty)
{
	struct mplsroute_json j;
	char *got = NULL;
	size_t glen = 0;
	FILE *out = open_memstream(&got, &glen);

	mplsroute_json_open(&j, out, 0);
	ck_assert_int_eq(mplsroute_json_close(&j), 0);
	mplsroute_json_open(&j, out, 1);
	ck_assert_int_eq(mplsroute_json_close(&j), 0);
	fclose(out);
	ck_assert_str_eq(got, "[]\n[ ]\n");
	free(got);
	ck_assert_int_eq(mplsroute_route_print_json(NULL, NULL, NULL),
			 -EINVAL);
}
END_TEST

/* prints one hand-made message with default options */
static void expect_print(const char *hex, const char *want)
{
	unsigned char msg[1024];
	struct mplsroute_print_opts o = { .ifname = lab_ifname };
	struct mplsroute_route rt;
	char *got = NULL;
	size_t glen = 0;
	FILE *out;

	ck_assert_int_gt(unit_hex2bin(hex, msg, sizeof(msg)), 0);
	ck_assert_int_eq(mr_route_parse((struct nlmsghdr *)msg, &rt), 0);
	out = open_memstream(&got, &glen);
	ck_assert_int_eq(mplsroute_route_print(out, &rt, &o), 0);
	fclose(out);
	ck_assert_str_eq(got, want);
	free(got);
}

/*
 * beyond/dev-show-mpls-multipath(-pop): 100 with two nexthops, each with
 * RTA_NEWDST and RTA_VIA; 101 with RTA_VIA only (as the kernel sends them).
 */
START_TEST(mpls_multipath)
{
	expect_print("60000000180002000000000000000000"
		     "1c140000fe030001" "00000000"
		     "0800010000064100"
		     "3c000900"
		     "1c0000000b000000" "08001300000c8100"
		     "0a0012000200c0a81e660000"
		     "1c0000000c000000" "080013000012c100"
		     "0a0012000200c0a828660000",
		     "100 \n"
		     "\tnexthop as to 200 via inet 192.168.30.102  dev eth1\n"
		     "\tnexthop as to 300 via inet 192.168.40.102  dev eth2\n");
	expect_print("50000000180002000000000000000000"
		     "1c140000fe030001" "00000000"
		     "0800010000065100"
		     "2c000900"
		     "140000000b000000"
		     "0a0012000200c0a81e660000"
		     "140000000c000000"
		     "0a0012000200c0a828660000",
		     "101 \n"
		     "\tnexthop via inet 192.168.30.102  dev eth1\n"
		     "\tnexthop via inet 192.168.40.102  dev eth2\n");
}
END_TEST

/* beyond/dev-get-mpls: the answer printed with its tos */
START_TEST(mpls_get_tos)
{
	expect_print("40000000180000000000000000000000"
		     "1c14006efe030001" "00000000"
		     "0800010000064100"
		     "080013000006e100"
		     "0a0012000200c0a828660000"
		     "080004000c000000",
		     "100 as to 110 tos 0x6e via inet 192.168.40.102 "
		     "dev eth2 \n");
}
END_TEST

/* 10.4.4.0/24 table 100 proto static via 192.168.30.102 dev if99, parsed */
static void parse_if99(struct mplsroute_route *rt)
{
	unsigned char msg[256];

	ck_assert_int_gt(unit_hex2bin("3c000000180002000000000000000000"
				      "02180000640400010000000008000f0064000000"
				      "080001000a040400"
				      "08000500c0a81e66"
				      "0800040063000000",
				      msg, sizeof(msg)), 0);
	ck_assert_int_eq(mr_route_parse((struct nlmsghdr *)msg, rt), 0);
}

/* @rt as text, then as JSON, with default options; free() the result */
static char *print_both(const struct mplsroute_route *rt)
{
	struct mplsroute_print_opts o = { .ifname = lab_ifname };
	struct mplsroute_json j;
	char *got = NULL;
	size_t glen = 0;
	FILE *out = open_memstream(&got, &glen);

	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(mplsroute_route_print(out, rt, &o), 0);
	mplsroute_json_open(&j, out, 0);
	ck_assert_int_eq(mplsroute_route_print_json(&j, rt, &o), 0);
	ck_assert_int_eq(mplsroute_json_close(&j), 0);
	fclose(out);
	return got;
}

/* a cloned IPv4 route's cache flags, by name in iproute2's order, an
 * unknown one in hex (text) */
START_TEST(cache_flags)
{
	struct mplsroute_route rt;
	char *got;

	parse_if99(&rt);
	rt.flags |= RTM_F_CLONED | RTCF_LOCAL | RTCF_NOTIFY | 0x100000;
	got = print_both(&rt);
	ck_assert_msg(strstr(got, "\n    cache <local,notify,100000> "), "%s",
		      got);
	ck_assert_msg(strstr(got, "\"cache\":[\"local\",\"notify\"]"),
		      "%s", got);
	free(got);
}
END_TEST

/* metric names from the one table: text names congctl, JSON leaves it out
 * (as before the table was shared) */
START_TEST(metric_names)
{
	struct mplsroute_route rt;
	char *got;

	parse_if99(&rt);
	rt.metrics_set |= 1u << RTAX_MTU | 1u << RTAX_QUICKACK |
			  1u << RTAX_CC_ALGO;
	rt.metrics[RTAX_MTU] = 1400;
	rt.metrics[RTAX_QUICKACK] = 1;
	strcpy(rt.cc_algo, "cubic");
	got = print_both(&rt);
	ck_assert_msg(strstr(got, " mtu 1400 quickack 1 congctl cubic"),
		      "%s", got);
	ck_assert_msg(strstr(got, "\"metrics\":[{\"mtu\":1400,"
			      "\"quickack\":1}]"), "%s", got);
	ck_assert_msg(!strstr(got, "\"congctl\""), "%s", got);
	free(got);
}
END_TEST

START_TEST(details_and_names)
{
	struct mplsroute_print_opts o = { .ifname = lab_ifname,
					  .details = 1 };
	struct mplsroute_route rt;
	char *got = NULL;
	size_t glen = 0;
	FILE *out;

	parse_if99(&rt);
	out = open_memstream(&got, &glen);
	ck_assert_int_eq(mplsroute_route_print(out, &rt, &o), 0);
	o.details = 0;
	o.oneline = 1;
	o.hide = MPLSROUTE_PRINT_NO_DEV | MPLSROUTE_PRINT_NO_GATEWAY;
	ck_assert_int_eq(mplsroute_route_print(out, &rt, &o), 0);
	fclose(out);
	ck_assert_str_eq(got,
		"unicast 10.4.4.0/24 via 192.168.30.102 dev if99  table 100 "
		" proto static  scope global \n"
		"10.4.4.0/24  table 100  proto static \n");
	free(got);
	ck_assert_int_eq(mplsroute_route_print(NULL, &rt, &o), -EINVAL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("print");
	TCase *tc = tcase_create("print");

	/* the built-in names, whatever this machine's /etc/iproute2 says */
	mplsroute_names_load("/nonexistent");
	tcase_add_loop_test(tc, show_cases, 0,
			    sizeof(cases) / sizeof(cases[0]));
	tcase_add_loop_test(tc, json_cases_test, 0,
			    2 * sizeof(json_cases) / sizeof(json_cases[0]));
	tcase_add_test(tc, json_empty);
	tcase_add_test(tc, mpls_multipath);
	tcase_add_test(tc, mpls_get_tos);
	tcase_add_test(tc, details_and_names);
	tcase_add_test(tc, cache_flags);
	tcase_add_test(tc, metric_names);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
