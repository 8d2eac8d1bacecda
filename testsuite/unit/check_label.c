/* check_label.c: unit tests for lib/label.c (label text <-> stack <-> wire) */
#include <errno.h>
#include <stdlib.h>
#include "mplsroute.h"
#include "internal.h"
#include "unit.h"

static struct mplsroute_labels ls;

static int parse(const char *s)
{
	memset(&ls, 0xaa, sizeof(ls));
	return mplsroute_labels_parse(&ls, s);
}

START_TEST(test_parse_simple)
{
	ck_assert_int_eq(parse("100"), 0);
	ck_assert_int_eq(ls.n, 1);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_int_eq(parse("100/200/300"), 0);
	ck_assert_int_eq(ls.n, 3);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_uint_eq(ls.label[1], 200);
	ck_assert_uint_eq(ls.label[2], 300);
}
END_TEST

START_TEST(test_parse_range)
{
	ck_assert_int_eq(parse("0"), 0);
	ck_assert_uint_eq(ls.label[0], 0);
	ck_assert_int_eq(parse("1048575"), 0);
	ck_assert_uint_eq(ls.label[0], 1048575);
	ck_assert_int_eq(parse("1048576"), -ERANGE);
	ck_assert_int_eq(parse("100/1048576"), -ERANGE);
	ck_assert_int_eq(parse("0xfffff"), 0);
	ck_assert_uint_eq(ls.label[0], 0xfffff);
	ck_assert_int_eq(parse("0x100000"), -ERANGE);
	ck_assert_int_eq(parse("99999999999999999999999"), -ERANGE);
	/* strtoul takes "-1" as ULONG_MAX: out of range, as in 4.4 */
	ck_assert_int_eq(parse("-1"), -ERANGE);
}
END_TEST

START_TEST(test_parse_bases)
{
	/* iproute2 4.4 reads labels with strtoul(..., 0) */
	ck_assert_int_eq(parse("0x64"), 0);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_int_eq(parse("0X64/010"), 0);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_uint_eq(ls.label[1], 8);	/* octal */
	ck_assert_int_eq(parse("08"), -EINVAL);	/* 8 is no octal digit */
	ck_assert_int_eq(parse("0x"), -EINVAL);
	ck_assert_int_eq(parse("+5"), 0);
	ck_assert_uint_eq(ls.label[0], 5);
}
END_TEST

START_TEST(test_parse_bad_words)
{
	struct mplsroute_labels keep = { 1, { 42 } };

	ck_assert_int_eq(parse(""), -EINVAL);
	ck_assert_int_eq(parse("abc"), -EINVAL);
	ck_assert_int_eq(parse("100//200"), -EINVAL);
	ck_assert_int_eq(parse("100/"), -EINVAL);
	ck_assert_int_eq(parse("/100"), -EINVAL);
	ck_assert_int_eq(parse("100x"), -EINVAL);
	ck_assert_int_eq(parse("100 200"), -EINVAL);
	ck_assert_int_eq(parse("100,200"), -EINVAL);
	ck_assert_int_eq(parse("1.5"), -EINVAL);
	/* a failed parse leaves the stack alone */
	ls = keep;
	ck_assert_int_eq(mplsroute_labels_parse(&ls, "1/x"), -EINVAL);
	ck_assert_int_eq(ls.n, 1);
	ck_assert_uint_eq(ls.label[0], 42);
	ck_assert_int_eq(mplsroute_labels_parse(NULL, "1"), -EINVAL);
	ck_assert_int_eq(mplsroute_labels_parse(&ls, NULL), -EINVAL);
}
END_TEST

/* "1/2/.../n" */
static void make_stack(char *buf, int n)
{
	int i;

	buf[0] = '\0';
	for (i = 1; i <= n; i++)
		sprintf(buf + strlen(buf), "%s%d", i > 1 ? "/" : "", i);
}

START_TEST(test_parse_depth)
{
	char buf[256];

	make_stack(buf, 30);
	ck_assert_int_eq(parse(buf), 0);
	ck_assert_int_eq(ls.n, 30);
	ck_assert_uint_eq(ls.label[29], 30);
	make_stack(buf, 31);
	ck_assert_int_eq(parse(buf), -E2BIG);
	make_stack(buf, 9);	/* 4.4 stopped at 8; we take up to 30 */
	ck_assert_int_eq(parse(buf), 0);
	ck_assert_int_eq(ls.n, 9);
}
END_TEST

START_TEST(test_format)
{
	char buf[64];

	ck_assert_int_eq(parse("100/0x10/0"), 0);
	ck_assert_int_eq(mplsroute_labels_format(&ls, buf, sizeof(buf)), 8);
	ck_assert_str_eq(buf, "100/16/0");
	/* exactly enough room, then one byte short */
	ck_assert_int_eq(mplsroute_labels_format(&ls, buf, 9), 8);
	ck_assert_int_eq(mplsroute_labels_format(&ls, buf, 8), -ENOSPC);
	ck_assert_int_eq(mplsroute_labels_format(&ls, buf, 0), -ENOSPC);
	ls.n = 0;
	ck_assert_int_eq(mplsroute_labels_format(&ls, buf, 1), 0);
	ck_assert_str_eq(buf, "");
	ls.n = MPLSROUTE_MAX_LABELS + 1;
	ck_assert_int_eq(mplsroute_labels_format(&ls, buf, sizeof(buf)),
			 -EINVAL);
}
END_TEST

START_TEST(test_format_roundtrip)
{
	char in[256], out[256];

	make_stack(in, 30);
	ck_assert_int_eq(parse(in), 0);
	ck_assert_int_eq(mplsroute_labels_format(&ls, out, sizeof(out)),
			 (int)strlen(in));
	ck_assert_str_eq(out, in);
}
END_TEST

START_TEST(test_to_wire)
{
	unsigned char w[4 * MPLSROUTE_MAX_LABELS];

	ck_assert_int_eq(parse("100"), 0);
	ck_assert_int_eq(mplsroute_labels_to_wire(&ls, w, sizeof(w)), 4);
	ck_assert_hex(w, 4, "00064100");
	ck_assert_int_eq(parse("100/200"), 0);
	ck_assert_int_eq(mplsroute_labels_to_wire(&ls, w, sizeof(w)), 8);
	/* bottom of stack on the last entry only */
	ck_assert_hex(w, 8, "00064000 000c8100");
	ck_assert_int_eq(parse("1048575/0"), 0);
	ck_assert_int_eq(mplsroute_labels_to_wire(&ls, w, sizeof(w)), 8);
	ck_assert_hex(w, 8, "fffff000 00000100");
	ck_assert_int_eq(mplsroute_labels_to_wire(&ls, w, 7), -EMSGSIZE);
	ls.label[1] = 1048576;
	ck_assert_int_eq(mplsroute_labels_to_wire(&ls, w, sizeof(w)), -ERANGE);
	ls.n = 0;
	ck_assert_int_eq(mplsroute_labels_to_wire(&ls, w, sizeof(w)), 0);
}
END_TEST

START_TEST(test_to_wire_bos_30)
{
	unsigned char w[4 * MPLSROUTE_MAX_LABELS];
	char buf[256];
	int i;

	make_stack(buf, 30);
	ck_assert_int_eq(parse(buf), 0);
	ck_assert_int_eq(mplsroute_labels_to_wire(&ls, w, sizeof(w)), 120);
	for (i = 0; i < 30; i++) {
		ck_assert_int_eq(!!(w[4 * i + 2] & 1), i == 29);
		ck_assert_int_eq(w[4 * i + 3], 0);	/* TTL 0 */
	}
}
END_TEST

START_TEST(test_from_wire)
{
	unsigned char w[256];
	int n;

	n = unit_hex2bin("00064000 000c8100", w, sizeof(w));
	memset(&ls, 0, sizeof(ls));
	ck_assert_int_eq(mplsroute_labels_from_wire(&ls, w, n), 0);
	ck_assert_int_eq(ls.n, 2);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_uint_eq(ls.label[1], 200);
	/* TC and TTL bits are not part of the label */
	n = unit_hex2bin("fffff1ff", w, sizeof(w));
	ck_assert_int_eq(mplsroute_labels_from_wire(&ls, w, n), 0);
	ck_assert_uint_eq(ls.label[0], 1048575);
	/* stops after the bottom of stack */
	n = unit_hex2bin("00064100 000c8100", w, sizeof(w));
	ck_assert_int_eq(mplsroute_labels_from_wire(&ls, w, n), 0);
	ck_assert_int_eq(ls.n, 1);
	/* no bottom of stack, odd length, empty */
	n = unit_hex2bin("00064000", w, sizeof(w));
	ck_assert_int_eq(mplsroute_labels_from_wire(&ls, w, n), -EINVAL);
	ck_assert_int_eq(mplsroute_labels_from_wire(&ls, w, 3), -EINVAL);
	ck_assert_int_eq(mplsroute_labels_from_wire(&ls, w, 0), -EINVAL);
}
END_TEST

START_TEST(test_from_wire_depth)
{
	struct mplsroute_labels big = { 0 };
	unsigned char w[4 * 32];
	int i;

	memset(w, 0, sizeof(w));
	for (i = 0; i < 32; i++)
		w[4 * i + 1] = 0x10;	/* label 1, no BOS */
	w[4 * 30 + 2] |= 1;	/* BOS on the 31st */
	ck_assert_int_eq(mplsroute_labels_from_wire(&big, w, 4 * 31), -E2BIG);
	ck_assert_int_eq(big.n, 0);	/* untouched on failure */
	memset(w, 0, sizeof(w));
	w[4 * 29 + 2] = 1;	/* BOS on the 30th */
	ck_assert_int_eq(mplsroute_labels_from_wire(&big, w, 4 * 30), 0);
	ck_assert_int_eq(big.n, 30);
}
END_TEST

/* mr_strtoul0 reads what strtoul(s, &end, 0) reads, value and end */
START_TEST(test_strtoul0)
{
	static const char *const words[] = {
		"16", "1048575", "1048576", "7/8", "192.168", "0", "00", "010",
		"0x1f", "0X1F", " 5", "+5", "-5", "123456789", "1234567890",
		"99999999999999999999999", "12abc", "", "x", "9", "100000000/1",
	};
	unsigned long want, got;
	char *wend, *gend;
	size_t i;
	int werr;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		errno = 0;
		want = strtoul(words[i], &wend, 0);
		werr = errno;
		errno = 0;
		got = mr_strtoul0(words[i], &gend);
		ck_assert_msg(got == want && gend == wend && errno == werr,
			      "\"%s\": %lu (end %td, errno %d), strtoul %lu "
			      "(end %td, errno %d)", words[i], got,
			      gend - words[i], errno, want, wend - words[i],
			      werr);
	}
}
END_TEST

static Suite *label_suite(void)
{
	Suite *s = suite_create("label");
	TCase *tc = tcase_create("label");

	tcase_add_test(tc, test_parse_simple);
	tcase_add_test(tc, test_strtoul0);
	tcase_add_test(tc, test_parse_range);
	tcase_add_test(tc, test_parse_bases);
	tcase_add_test(tc, test_parse_bad_words);
	tcase_add_test(tc, test_parse_depth);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_format_roundtrip);
	tcase_add_test(tc, test_to_wire);
	tcase_add_test(tc, test_to_wire_bos_30);
	tcase_add_test(tc, test_from_wire);
	tcase_add_test(tc, test_from_wire_depth);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(label_suite());
}
