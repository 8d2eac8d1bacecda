/* check_record.c: unit tests for lib/record.c (the "NAME FLAGS HEX" lines) */
#include <errno.h>
#include <stdlib.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "internal.h"
#include "unit.h"

/* a recorded request: show-seed-r1's dump request */
#define DUMP_REQ "RTM_GETROUTE 0x301 280000001a0001030000000000000000" \
	"0200000000000000000000000000000008001d0001000000"

/* what mr_rec_write writes for @nlh, in a static buffer */
static const char *written(const struct nlmsghdr *nlh, int *ret)
{
	static char out[1024];
	FILE *f = fmemopen(out, sizeof(out), "w");

	ck_assert_ptr_nonnull(f);
	*ret = mr_rec_write(f, nlh);
	fclose(f);
	return out;
}

START_TEST(test_names)
{
	ck_assert_str_eq(mr_rec_name(RTM_NEWROUTE), "RTM_NEWROUTE");
	ck_assert_str_eq(mr_rec_name(RTM_DELROUTE), "RTM_DELROUTE");
	ck_assert_str_eq(mr_rec_name(RTM_GETROUTE), "RTM_GETROUTE");
	ck_assert_str_eq(mr_rec_name(NLMSG_ERROR), "NLMSG_ERROR");
	ck_assert_str_eq(mr_rec_name(NLMSG_DONE), "NLMSG_DONE");
	ck_assert_ptr_null(mr_rec_name(RTM_GETLINK));
	ck_assert_ptr_null(mr_rec_name(0));
}
END_TEST

START_TEST(test_parse_roundtrip)
{
	unsigned char buf[64];
	struct mr_rec rec;
	long n;
	int ret;

	n = mr_rec_parse(DUMP_REQ "\n", &rec, buf, sizeof(buf));
	ck_assert_int_eq(n, 40);
	ck_assert_str_eq(rec.name, "RTM_GETROUTE");
	ck_assert_uint_eq(rec.flags, 0x301);
	ck_assert_hex(buf, 40, "280000001a0001030000000000000000"
		      "0200000000000000000000000000000008001d0001000000");
	ck_assert_str_eq(written((struct nlmsghdr *)buf, &ret), DUMP_REQ "\n");
	ck_assert_int_eq(ret, 0);
}
END_TEST

/* the writer zeroes seq and pid, and an NLMSG_ERROR's echoed ones */
START_TEST(test_write_zeroes)
{
	struct {
		struct nlmsghdr h;
		struct nlmsgerr e;
	} m;
	int ret;

	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = sizeof(m);
	m.h.nlmsg_type = NLMSG_ERROR;
	m.h.nlmsg_flags = NLM_F_CAPPED;
	m.h.nlmsg_seq = 0x11223344;
	m.h.nlmsg_pid = 0x55667788;
	m.e.error = -EEXIST;
	m.e.msg.nlmsg_len = 0x3c;
	m.e.msg.nlmsg_type = RTM_NEWROUTE;
	m.e.msg.nlmsg_flags = 0x605;
	m.e.msg.nlmsg_seq = 0x99;
	m.e.msg.nlmsg_pid = 0x77;
	ck_assert_str_eq(written(&m.h, &ret),
			 "NLMSG_ERROR 0x100 2400000002000001000000000000000"
			 "0efffffff3c000000180005060000000000000000\n");
	ck_assert_int_eq(ret, 0);
	m.h.nlmsg_type = RTM_GETLINK;
	written(&m.h, &ret);
	ck_assert_int_eq(ret, -ENOENT);
}
END_TEST

/* a buffer too short: the length comes back, nothing past it is written */
START_TEST(test_parse_short_buffer)
{
	unsigned char buf[8];
	struct mr_rec rec;

	memset(buf, 0xaa, sizeof(buf));
	ck_assert_int_eq(mr_rec_parse(DUMP_REQ, &rec, buf, 4), 40);
	ck_assert_hex(buf, 8, "28000000aaaaaaaa");
	ck_assert_int_eq(mr_rec_parse(DUMP_REQ, &rec, NULL, 0), 40);
}
END_TEST

START_TEST(test_parse_malformed)
{
	unsigned char buf[64];
	struct mr_rec rec;

	ck_assert_int_eq(mr_rec_parse("", &rec, buf, sizeof(buf)), 0);
	ck_assert_int_eq(mr_rec_parse(" \t\n", &rec, buf, sizeof(buf)), 0);
	/* a field missing, one too many, odd digits, a bad digit, flags */
	ck_assert_int_eq(mr_rec_parse("RTM_NEWROUTE 0x605", &rec, buf, 64),
			 -EINVAL);
	ck_assert_int_eq(mr_rec_parse("RTM_NEWROUTE 0x605 1c00 x", &rec,
				      buf, 64), -EINVAL);
	ck_assert_int_eq(mr_rec_parse("RTM_NEWROUTE 0x605 1c0", &rec, buf,
				      64), -EINVAL);
	ck_assert_int_eq(mr_rec_parse("RTM_NEWROUTE 0x605 1g00", &rec, buf,
				      64), -EINVAL);
	ck_assert_int_eq(mr_rec_parse("RTM_NEWROUTE 605 1c00", &rec, buf, 64),
			 -EINVAL);
	ck_assert_int_eq(mr_rec_parse("RTM_NEWROUTE 0x1zz 1c00", &rec, buf,
				      64), -EINVAL);
	ck_assert_int_eq(mr_rec_parse("RTM_NEWROUTE 0x10000 1c00", &rec, buf,
				      64), -EINVAL);
	ck_assert_int_eq(mr_rec_parse("A_NAME_OF_THIRTY_TWO_CHARACTERS_ "
				      "0x1 1c00", &rec, buf, 64), -EINVAL);
}
END_TEST

START_TEST(test_hex2bin)
{
	unsigned char b[4];

	ck_assert_int_eq(mr_rec_hex2bin("00064000 000c8100", 17, b, 4), 8);
	ck_assert_hex(b, 4, "00064000");
	ck_assert_int_eq(mr_rec_hex2bin("0A0b", 4, b, 4), 2);
	ck_assert_hex(b, 2, "0a0b");
	ck_assert_int_eq(mr_rec_hex2bin("0 1", 3, b, 4), -EINVAL);
	ck_assert_int_eq(mr_rec_hex2bin("012", 3, b, 4), -EINVAL);
	/* only @n characters are read */
	ck_assert_int_eq(mr_rec_hex2bin("0102zz", 4, b, 4), 2);
	ck_assert_int_eq(unit_hex2bin("0102", b, 1), -1);
}
END_TEST

static Suite *record_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("record");

	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_parse_roundtrip);
	tcase_add_test(tc, test_write_zeroes);
	tcase_add_test(tc, test_parse_short_buffer);
	tcase_add_test(tc, test_parse_malformed);
	tcase_add_test(tc, test_hex2bin);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(record_suite());
}
