/* check_af.c: unit tests for lib/af.c (family names, lengths, address text) */
#include <errno.h>
#include <net/if.h>
#include <sys/socket.h>

#include "unit.h"
#include "internal.h"

START_TEST(names_per_set)
{
	/* 4.4's family_name(): no link, no bridge */
	ck_assert_str_eq(mr_af_name(AF_INET, MR_AF_CLI), "inet");
	ck_assert_str_eq(mr_af_name(AF_DECnet, MR_AF_CLI), "dnet");
	ck_assert_str_eq(mr_af_name(AF_IPX, MR_AF_CLI), "ipx");
	ck_assert_str_eq(mr_af_name(AF_PACKET, MR_AF_CLI), "???");
	ck_assert_str_eq(mr_af_name(AF_BRIDGE, MR_AF_CLI), "???");
	/* the text printer's vias: all seven */
	ck_assert_str_eq(mr_af_name(AF_DECnet, MR_AF_TEXT), "dnet");
	ck_assert_str_eq(mr_af_name(AF_PACKET, MR_AF_TEXT), "link");
	ck_assert_str_eq(mr_af_name(AF_BRIDGE, MR_AF_TEXT), "bridge");
	ck_assert_str_eq(mr_af_name(AF_MPLS, MR_AF_TEXT), "mpls");
	/* current iproute2 (JSON): no dnet, no ipx */
	ck_assert_str_eq(mr_af_name(AF_DECnet, MR_AF_JSON), "???");
	ck_assert_str_eq(mr_af_name(AF_IPX, MR_AF_JSON), "???");
	ck_assert_str_eq(mr_af_name(AF_PACKET, MR_AF_JSON), "link");
	ck_assert_str_eq(mr_af_name(AF_INET6, MR_AF_JSON), "inet6");
	ck_assert_str_eq(mr_af_name(AF_UNSPEC, MR_AF_TEXT), "???");
}
END_TEST

START_TEST(read_and_bits)
{
	ck_assert_int_eq(mr_af_read("inet6"), AF_INET6);
	ck_assert_int_eq(mr_af_read("dnet"), AF_DECnet);
	ck_assert_int_eq(mr_af_read("bridge"), AF_BRIDGE);
	ck_assert_int_eq(mr_af_read("mpl"), AF_UNSPEC);
	ck_assert_int_eq(mr_af_read(""), AF_UNSPEC);
	ck_assert_uint_eq(mr_af_bits(AF_INET), 32);
	ck_assert_uint_eq(mr_af_bits(AF_INET6), 128);
	ck_assert_uint_eq(mr_af_bits(AF_MPLS), 20);
	ck_assert_uint_eq(mr_af_bits(AF_PACKET), 0);
	ck_assert_uint_eq(mr_af_bits(AF_UNSPEC), 0);
}
END_TEST

START_TEST(addr_text)
{
	struct mplsroute_addr a = { .family = AF_INET, .bytelen = 4,
				    .data = { 10, 1, 2, 3 } };
	char buf[64];

	ck_assert_str_eq(mr_addr_fmt(&a, buf, sizeof(buf)), "10.1.2.3");
	ck_assert_str_eq(mr_addr_fmt(&a, buf, 4), "???");
	a.family = AF_PACKET;
	a.bytelen = 3;
	a.data[0] = 0x02;
	ck_assert_str_eq(mr_addr_fmt(&a, buf, sizeof(buf)), "02:01:02");
	a.family = AF_MPLS;
	a.labels.n = 2;
	a.labels.label[0] = 100;
	a.labels.label[1] = 200;
	ck_assert_str_eq(mr_addr_fmt(&a, buf, sizeof(buf)), "100/200");
	a.family = AF_DECnet;
	ck_assert_str_eq(mr_addr_fmt(&a, buf, sizeof(buf)), "???");
}
END_TEST

static int name_of(uint32_t idx, char *buf, size_t len, void *data)
{
	if (idx != 7)
		return -ENODEV;
	snprintf(buf, len, "%s", (const char *)data);
	return 0;
}

START_TEST(ifnames)
{
	struct mplsroute_print_opts o = { .ifname = name_of,
					  .ifname_data = "eth7" };
	char buf[IF_NAMESIZE];

	ck_assert_str_eq(mr_ifname(&o, 0, buf, sizeof(buf)), "*");
	ck_assert_str_eq(mr_ifname(&o, 7, buf, sizeof(buf)), "eth7");
	ck_assert_str_eq(mr_ifname(&o, 8, buf, sizeof(buf)), "if8");
	/* no callback: the system's name, else if<N> */
	ck_assert_str_eq(mr_ifname(NULL, 1, buf, sizeof(buf)), "lo");
	ck_assert_str_eq(mr_ifname(NULL, 999999, buf, sizeof(buf)),
			 "if999999");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("af");
	TCase *tc = tcase_create("af");

	tcase_add_test(tc, names_per_set);
	tcase_add_test(tc, read_and_bits);
	tcase_add_test(tc, addr_text);
	tcase_add_test(tc, ifnames);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
