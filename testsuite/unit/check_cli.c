/* check_cli.c: ip/utils.c: abbreviations, numbers, families, addresses */
#include <errno.h>
#include <sys/socket.h>
#include "mplsroute.h"
#include "unit.h"

/* the CLI's helpers are not in the library: build them into this test */
#include "../../ip/utils.c"

static struct mplsroute_addr a;

START_TEST(test_matches)
{
	ck_assert_int_eq(matches("r", "route"), 0);
	ck_assert_int_eq(matches("route", "route"), 0);
	ck_assert_int_ne(matches("routes", "route"), 0);
	ck_assert_int_ne(matches("ru", "route"), 0);
	/* iproute2 lets the empty word match anything */
	ck_assert_int_eq(matches("", "add"), 0);
}
END_TEST

START_TEST(test_arg_next)
{
	char *words[] = { "via", "inet", "1.2.3.4" };
	struct argcur c = { 3, words };

	ck_assert_int_eq(arg_next(&c), 0);
	ck_assert_str_eq(c.argv[0], "inet");
	ck_assert_int_eq(arg_next(&c), 0);
	ck_assert_int_eq(arg_next(&c), -1);
	ck_assert_str_eq(c.argv[0], "1.2.3.4");
	ck_assert_int_eq(c.argc, 1);
}
END_TEST

START_TEST(test_families)
{
	ck_assert_int_eq(read_family("inet"), AF_INET);
	ck_assert_int_eq(read_family("inet6"), AF_INET6);
	ck_assert_int_eq(read_family("mpls"), AF_MPLS);
	ck_assert_int_eq(read_family("link"), AF_PACKET);
	ck_assert_int_eq(read_family("in"), AF_UNSPEC);	/* no abbreviations */
	ck_assert_int_eq(read_family("nosuch"), AF_UNSPEC);
	ck_assert_str_eq(family_name(AF_MPLS), "mpls");
	ck_assert_str_eq(family_name(AF_INET6), "inet6");
	ck_assert_str_eq(family_name(AF_UNSPEC), "???");
	ck_assert_str_eq(family_name(AF_PACKET), "???");
}
END_TEST

START_TEST(test_numbers)
{
	uint32_t v;
	uint8_t b;
	int raw;

	ck_assert_int_eq(get_u32(&v, "10", 0), 0);
	ck_assert_uint_eq(v, 10);
	ck_assert_int_eq(get_u32(&v, "0x10", 0), 0);
	ck_assert_uint_eq(v, 16);
	ck_assert_int_eq(get_u32(&v, "4294967295", 0), 0);
	ck_assert_int_eq(get_u32(&v, "4294967296", 0), -1);
	ck_assert_int_eq(get_u32(&v, "10x", 0), -1);
	ck_assert_int_eq(get_u32(&v, "", 0), -1);
	ck_assert_int_eq(get_u8(&b, "255", 0), 0);
	ck_assert_int_eq(get_u8(&b, "256", 0), -1);
	ck_assert_int_eq(get_time_rtt(&v, "3", &raw), 0);
	ck_assert(v == 3 && raw == 1);
	ck_assert_int_eq(get_time_rtt(&v, "2s", &raw), 0);
	ck_assert(v == 2000 && raw == 0);
	ck_assert_int_eq(get_time_rtt(&v, "1.5sec", &raw), 0);
	ck_assert_uint_eq(v, 1500);
	ck_assert_int_eq(get_time_rtt(&v, "7ms", &raw), 0);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(get_time_rtt(&v, "7min", &raw), -1);
	ck_assert_int_eq(get_time_rtt(&v, "ms", &raw), -1);
}
END_TEST

START_TEST(test_addr_inet)
{
	ck_assert_int_eq(parse_addr(&a, "192.168.30.102", AF_UNSPEC), 0);
	ck_assert_int_eq(a.family, AF_INET);
	ck_assert_int_eq(a.bytelen, 4);
	ck_assert_hex(a.data, 4, "c0a81e66");
	/* 4.4's get_addr_ipv4: fewer parts and other bases are taken */
	ck_assert_int_eq(parse_addr(&a, "10.4", AF_INET), 0);
	ck_assert_hex(a.data, 4, "0a040000");
	ck_assert_int_eq(parse_addr(&a, "0x0a.010.0.1", AF_INET), 0);
	ck_assert_hex(a.data, 4, "0a080001");
	ck_assert_int_eq(parse_addr(&a, "192.168.30.300", AF_INET), -1);
	ck_assert_int_eq(parse_addr(&a, "1.2.3.4.5", AF_INET), -1);
	ck_assert_int_eq(parse_addr(&a, "1.2.3.", AF_INET), -1);
	ck_assert_int_eq(parse_addr(&a, "abc", AF_UNSPEC), -1);
	/* an inet word where inet6 or mpls is wanted */
	ck_assert_int_eq(parse_addr(&a, "1.2.3.4", AF_INET6), -1);
	ck_assert_int_eq(parse_addr(&a, "192.168.40.102", AF_MPLS), -1);
}
END_TEST

START_TEST(test_addr_inet6_mpls)
{
	ck_assert_int_eq(parse_addr(&a, "2001:db8:30::102", AF_UNSPEC), 0);
	ck_assert_int_eq(a.family, AF_INET6);
	ck_assert_int_eq(a.bytelen, 16);
	ck_assert_hex(a.data, 16, "20010db8003000000000000000000102");
	ck_assert_int_eq(parse_addr(&a, "2001:db8::1", AF_INET), -1);
	ck_assert_int_eq(parse_addr(&a, "2001:db8:::1", AF_INET6), -1);
	ck_assert_int_eq(parse_addr(&a, "100/200", AF_MPLS), 0);
	ck_assert_int_eq(a.family, AF_MPLS);
	ck_assert_int_eq(a.labels.n, 2);
	ck_assert_int_eq(a.bytelen, 8);
	ck_assert_uint_eq(a.labels.label[1], 200);
	ck_assert_int_eq(parse_addr(&a, "100//200", AF_MPLS), -1);
	ck_assert_int_eq(parse_addr(&a, "1048576", AF_MPLS), -1);
	ck_assert_int_eq(parse_addr(&a, "default", AF_MPLS), -1);
	ck_assert_int_eq(parse_addr(&a, "default", AF_INET), 0);
	ck_assert_int_eq(a.bytelen, 4);
}
END_TEST

START_TEST(test_prefix)
{
	ck_assert_int_eq(parse_prefix(&a, "10.4.4.0/24", AF_UNSPEC), 0);
	ck_assert(a.family == AF_INET && a.bitlen == 24 && a.bytelen == 4);
	ck_assert_int_eq(parse_prefix(&a, "10.4.4.2", AF_UNSPEC), 0);
	ck_assert_int_eq(a.bitlen, 32);
	ck_assert_int_eq(parse_prefix(&a, "10.4.4.0/255.255.255.0", AF_INET), 0);
	ck_assert_int_eq(a.bitlen, 24);
	ck_assert_int_eq(parse_prefix(&a, "10.4.4.0/255.0.255.0", AF_INET), -1);
	ck_assert_int_eq(parse_prefix(&a, "10.4.4.0/33", AF_UNSPEC), -1);
	ck_assert_int_eq(parse_prefix(&a, "10.4.4.0/", AF_UNSPEC), -1);
	ck_assert_int_eq(parse_prefix(&a, "2001:db8:99::/64", AF_UNSPEC), 0);
	ck_assert(a.family == AF_INET6 && a.bitlen == 64);
	ck_assert_int_eq(parse_prefix(&a, "2001:db8:99::/129", AF_UNSPEC), -1);
	ck_assert_int_eq(parse_prefix(&a, "default", AF_UNSPEC), 0);
	ck_assert(a.bytelen == 0 && a.bitlen == 0);
	/* an MPLS label is a 20-bit prefix; "100/20" is what 4.4 sends too */
	ck_assert_int_eq(parse_prefix(&a, "100", AF_MPLS), 0);
	ck_assert(a.family == AF_MPLS && a.bitlen == 20);
	ck_assert_int_eq(parse_prefix(&a, "100/20", AF_MPLS), 0);
	ck_assert_int_eq(a.bitlen, 20);
	ck_assert_int_eq(parse_prefix(&a, "100/21", AF_MPLS), -1);
	ck_assert_int_eq(parse_prefix(&a, "default", AF_MPLS), -1);
}
END_TEST

static Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_add_test(tc, test_matches);
	tcase_add_test(tc, test_arg_next);
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
	return unit_run(cli_suite());
}
