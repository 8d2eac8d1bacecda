/* check_addr.c: lib/addr.c: abbreviations, numbers, families, addresses */
#include <errno.h>
#include <sys/socket.h>
#include "mplsroute.h"
#include "internal.h"
#include "grammar_int.h"
#include "unit.h"

static struct mplsroute_addr a;

START_TEST(test_matches)
{
	ck_assert_int_eq(mplsroute_abbrev("r", "route"), 1);
	ck_assert_int_eq(mplsroute_abbrev("route", "route"), 1);
	ck_assert_int_eq(mplsroute_abbrev("routes", "route"), 0);
	ck_assert_int_eq(mplsroute_abbrev("ru", "route"), 0);
	/* iproute2 lets the empty word match anything */
	ck_assert_int_eq(mplsroute_abbrev("", "add"), 1);
}
END_TEST

START_TEST(test_words_cursor)
{
	char *words[] = { "via", "inet", "1.2.3.4" };
	struct mplsroute_error err;
	struct mr_words w = { .argc = 3, .argv = words, .err = &err };

	ck_assert_int_eq(mr_next(&w), 0);
	ck_assert_str_eq(mr_word(&w), "inet");
	ck_assert_int_eq(mr_need(&w), 0);
	ck_assert_int_eq(w.argi, 2);
	/* no word after the last: "Command line is not complete" about it */
	ck_assert_int_eq(mr_need(&w), -EINVAL);
	ck_assert_str_eq(mr_word(&w), "1.2.3.4");
	ck_assert_int_eq(w.argc, 1);
	ck_assert_int_eq(err.kind, MPLSROUTE_ERR_INCOMPLETE);
	ck_assert_int_eq(err.argi, 2);
	ck_assert_int_eq(err.exits, 1);
	ck_assert_str_eq(err.msg,
		"Command line is not complete. Try option \"help\"\n");
}
END_TEST

START_TEST(test_realms)
{
	uint32_t flow;

	ck_assert_int_eq(mr_realms_parse(&flow, "1/2"), 0);
	ck_assert_uint_eq(flow, 0x10002);
	ck_assert_int_eq(mr_realms_parse(&flow, "7"), 0);
	ck_assert_uint_eq(flow, 7);
	ck_assert_int_eq(mr_realms_parse(&flow, "3/"), 0);
	ck_assert_uint_eq(flow, 0x30000);
	ck_assert_int_eq(mr_realms_parse(&flow, "/"), -1);	/* empty FROM */
	ck_assert_int_eq(mr_realms_parse(&flow, "256"), -1);
	ck_assert_int_eq(mr_realms_parse(&flow, "1/x"), -1);
}
END_TEST

START_TEST(test_families)
{
	ck_assert_int_eq(mplsroute_family_a2n("inet"), AF_INET);
	ck_assert_int_eq(mplsroute_family_a2n("inet6"), AF_INET6);
	ck_assert_int_eq(mplsroute_family_a2n("mpls"), AF_MPLS);
	ck_assert_int_eq(mplsroute_family_a2n("link"), AF_PACKET);
	ck_assert_int_eq(mplsroute_family_a2n("in"), AF_UNSPEC);	/* no abbreviations */
	ck_assert_int_eq(mplsroute_family_a2n("nosuch"), AF_UNSPEC);
	ck_assert_str_eq(mr_af_name(AF_MPLS, MR_AF_CLI), "mpls");
	ck_assert_str_eq(mr_af_name(AF_INET6, MR_AF_CLI), "inet6");
	ck_assert_str_eq(mr_af_name(AF_UNSPEC, MR_AF_CLI), "???");
	ck_assert_str_eq(mr_af_name(AF_PACKET, MR_AF_CLI), "???");
}
END_TEST

START_TEST(test_numbers)
{
	uint32_t v;
	uint8_t b;
	int raw;

	ck_assert_int_eq(mr_get_u32(&v, "10", 0), 0);
	ck_assert_uint_eq(v, 10);
	ck_assert_int_eq(mr_get_u32(&v, "0x10", 0), 0);
	ck_assert_uint_eq(v, 16);
	ck_assert_int_eq(mr_get_u32(&v, "4294967295", 0), 0);
	ck_assert_int_eq(mr_get_u32(&v, "4294967296", 0), -1);
	ck_assert_int_eq(mr_get_u32(&v, "10x", 0), -1);
	ck_assert_int_eq(mr_get_u32(&v, "", 0), -1);
	ck_assert_int_eq(mr_get_u8(&b, "255", 0), 0);
	ck_assert_int_eq(mr_get_u8(&b, "256", 0), -1);
	ck_assert_int_eq(mr_get_time_rtt(&v, "3", &raw), 0);
	ck_assert(v == 3 && raw == 1);
	ck_assert_int_eq(mr_get_time_rtt(&v, "2s", &raw), 0);
	ck_assert(v == 2000 && raw == 0);
	ck_assert_int_eq(mr_get_time_rtt(&v, "1.5sec", &raw), 0);
	ck_assert_uint_eq(v, 1500);
	ck_assert_int_eq(mr_get_time_rtt(&v, "7ms", &raw), 0);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(mr_get_time_rtt(&v, "7min", &raw), -1);
	ck_assert_int_eq(mr_get_time_rtt(&v, "ms", &raw), -1);
}
END_TEST

START_TEST(test_addr_inet)
{
	ck_assert_int_eq(mplsroute_addr_parse(&a, "192.168.30.102", AF_UNSPEC), 0);
	ck_assert_int_eq(a.family, AF_INET);
	ck_assert_int_eq(a.bytelen, 4);
	ck_assert_hex(a.data, 4, "c0a81e66");
	/* 4.4's get_addr_ipv4: fewer parts and other bases are taken */
	ck_assert_int_eq(mplsroute_addr_parse(&a, "10.4", AF_INET), 0);
	ck_assert_hex(a.data, 4, "0a040000");
	ck_assert_int_eq(mplsroute_addr_parse(&a, "0x0a.010.0.1", AF_INET), 0);
	ck_assert_hex(a.data, 4, "0a080001");
	ck_assert_int_eq(mplsroute_addr_parse(&a, "192.168.30.300", AF_INET), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "1.2.3.4.5", AF_INET), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "1.2.3.", AF_INET), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "abc", AF_UNSPEC), -EINVAL);
	/* an inet word where inet6 or mpls is wanted */
	ck_assert_int_eq(mplsroute_addr_parse(&a, "1.2.3.4", AF_INET6), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "192.168.40.102", AF_MPLS), -EINVAL);
}
END_TEST

START_TEST(test_addr_inet6_mpls)
{
	ck_assert_int_eq(mplsroute_addr_parse(&a, "2001:db8:30::102", AF_UNSPEC), 0);
	ck_assert_int_eq(a.family, AF_INET6);
	ck_assert_int_eq(a.bytelen, 16);
	ck_assert_hex(a.data, 16, "20010db8003000000000000000000102");
	ck_assert_int_eq(mplsroute_addr_parse(&a, "2001:db8::1", AF_INET), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "2001:db8:::1", AF_INET6), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "100/200", AF_MPLS), 0);
	ck_assert_int_eq(a.family, AF_MPLS);
	ck_assert_int_eq(a.labels.n, 2);
	ck_assert_int_eq(a.bytelen, 8);
	ck_assert_uint_eq(a.labels.label[1], 200);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "100//200", AF_MPLS), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "1048576", AF_MPLS), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "default", AF_MPLS), -EINVAL);
	ck_assert_int_eq(mplsroute_addr_parse(&a, "default", AF_INET), 0);
	ck_assert_int_eq(a.bytelen, 4);
}
END_TEST

START_TEST(test_prefix)
{
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "10.4.4.0/24", AF_UNSPEC), 0);
	ck_assert(a.family == AF_INET && a.bitlen == 24 && a.bytelen == 4);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "10.4.4.2", AF_UNSPEC), 0);
	ck_assert_int_eq(a.bitlen, 32);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "10.4.4.0/255.255.255.0", AF_INET), 0);
	ck_assert_int_eq(a.bitlen, 24);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "10.4.4.0/255.0.255.0", AF_INET), -EINVAL);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "10.4.4.0/33", AF_UNSPEC), -EINVAL);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "10.4.4.0/", AF_UNSPEC), -EINVAL);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "2001:db8:99::/64", AF_UNSPEC), 0);
	ck_assert(a.family == AF_INET6 && a.bitlen == 64);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "2001:db8:99::/129", AF_UNSPEC), -EINVAL);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "default", AF_UNSPEC), 0);
	ck_assert(a.bytelen == 0 && a.bitlen == 0);
	/* an MPLS label is a 20-bit prefix; "100/20" is what 4.4 sends too */
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "100", AF_MPLS), 0);
	ck_assert(a.family == AF_MPLS && a.bitlen == 20);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "100/20", AF_MPLS), 0);
	ck_assert_int_eq(a.bitlen, 20);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "100/21", AF_MPLS), -EINVAL);
	ck_assert_int_eq(mplsroute_prefix_parse(&a, "default", AF_MPLS), -EINVAL);
}
END_TEST

static Suite *addr_suite(void)
{
	Suite *s = suite_create("addr");
	TCase *tc = tcase_create("addr");

	tcase_add_test(tc, test_matches);
	tcase_add_test(tc, test_words_cursor);
	tcase_add_test(tc, test_realms);
	tcase_add_test(tc, test_families);
	tcase_add_test(tc, test_numbers);
	tcase_add_test(tc, test_addr_inet);
	tcase_add_test(tc, test_addr_inet6_mpls);
	tcase_add_test(tc, test_prefix);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(addr_suite());
}
