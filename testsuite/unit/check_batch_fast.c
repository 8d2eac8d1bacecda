/* check_batch_fast.c: ip/batch_fast.c: a line like the one kept, byte by
 * byte: only its value words may differ, each still one plain word */
#include "unit.h"

/* the CLI's matcher is not in the library: build it into this test */
#include "../../ip/batch_fast.c"

static struct batch_fast bf;
static char line[512];

/* keep @text with value words @argi (library indexes) */
static int learn(const char *text, const int *argi, int n)
{
	return batch_fast_learn(&bf, text, strlen(text), argi, n);
}

/* match @text (copied: the matcher writes NULs in it): 0 or -1 */
static int match(const char *text)
{
	snprintf(line, sizeof(line), "%s", text);
	return batch_fast_match(&bf, line, strlen(line));
}

static const int sites[] = { 0, 2, 5 };	/* 16, 17, 10.0.0.1 */
#define L0 "route add 16 as 17 via inet 10.0.0.1 dev eth1\n"

START_TEST(test_learn)
{
	ck_assert_int_eq(learn(L0, sites, 3), 0);
	ck_assert_int_eq(bf.nsites, 3);
	ck_assert_int_eq(bf.soff[0], 10);
	ck_assert_int_eq(bf.slen[1], 2);
	/* not plain: no newline, double blank, tab, quote, comment, CR */
	ck_assert_int_eq(learn("route add 16 as 17", sites, 2), -1);
	ck_assert_int_eq(bf.valid, 0);
	ck_assert_int_eq(learn("route add 16  as 17\n", sites, 2), -1);
	ck_assert_int_eq(learn("route add 16\tas 17\n", sites, 2), -1);
	ck_assert_int_eq(learn("route add \"16\" as 17\n", sites, 2), -1);
	ck_assert_int_eq(learn("route add 16 as 17 #\n", sites, 2), -1);
	ck_assert_int_eq(learn("route add 16 as 17\r\n", sites, 2), -1);
	ck_assert_int_eq(learn(" route add 16 as 17\n", sites, 2), -1);
	ck_assert_int_eq(learn("route add 16 as 17 \n", sites, 2), -1);
	/* a value word past the end */
	ck_assert_int_eq(learn("route add 16\n", sites, 2), -1);
}
END_TEST

START_TEST(test_match)
{
	ck_assert_int_eq(learn(L0, sites, 3), 0);
	/* the same line: nothing changed */
	ck_assert_int_eq(match(L0), 0);
	ck_assert_int_eq(bf.nchanged, 0);
	batch_fast_restore(&bf);
	batch_fast_take(&bf, line, strlen(line));
	/* same length, new values */
	ck_assert_int_eq(match("route add 18 as 19 via inet 10.0.0.1 dev eth1\n"),
			 0);
	ck_assert_int_eq(bf.nchanged, 2);
	ck_assert_int_eq(bf.cargi[0], 0);
	ck_assert_str_eq(bf.cword[0], "18");
	ck_assert_str_eq(bf.cword[1], "19");
	batch_fast_restore(&bf);
	ck_assert_str_eq(line, "route add 18 as 19 via inet 10.0.0.1 dev eth1\n");
	batch_fast_take(&bf, line, strlen(line));
	ck_assert(memcmp(bf.text, line, bf.len) == 0);
	/* words grow: 99 -> 100 */
	ck_assert_int_eq(match("route add 100 as 19 via inet 10.0.0.200 dev eth1\n"),
			 0);
	ck_assert_int_eq(bf.nchanged, 2);
	ck_assert_str_eq(bf.cword[0], "100");
	ck_assert_str_eq(bf.cword[1], "10.0.0.200");
	batch_fast_restore(&bf);
	batch_fast_take(&bf, line, strlen(line));
	ck_assert_int_eq(bf.soff[2], 29);
	ck_assert_int_eq(bf.slen[2], 10);
	ck_assert_int_eq(match("route add 101 as 19 via inet 10.0.0.200 dev eth1\n"),
			 0);
	ck_assert_int_eq(bf.nchanged, 1);
	batch_fast_restore(&bf);
}
END_TEST

START_TEST(test_nomatch)
{
	static const char *const lines[] = {
		"route add 18 as 19 via inet 10.0.0.1 dev eth2\n",	/* dev */
		"route add 18 as 19 via inet 10.0.0.1 oif eth1\n",
		"route add 18 as 19 via inet 10.0.0.1 dev eth1",	/* no \n */
		"route add 18 as 19 via inet 10.0.0.1 dev eth1 \n",
		"route add 18 as 19 via inet 10.0.0.1 dev eth1\r\n",
		"route add 18  as 19 via inet 10.0.0.1 dev eth1\n",
		"route add 18\tas 19 via inet 10.0.0.1 dev eth1\n",
		"route add \"1 as 19 via inet 10.0.0.1 dev eth1\n",
		"route add 1# as 19 via inet 10.0.0.1 dev eth1\n",
		"route add 1\\ as 19 via inet 10.0.0.1 dev eth1\n",
		"route add 1' as 19 via inet 10.0.0.1 dev eth1\n",
		"route add 1 8 as 19 via inet 10.0.0.1 dev eth1\n",
		"route add 18 as 19 via inet 10.0.0.1 dev eth1 metric 5\n",
		"route add 18 as\n",
		"route add 18 as 19 via inet 10.0.0.1 dev eth1 # c\n",
		"route add 18\n",
	};
	unsigned i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		ck_assert_int_eq(learn(L0, sites, 3), 0);
		ck_assert_msg(match(lines[i]) == -1, "%s", lines[i]);
		ck_assert_str_eq(line, lines[i]);	/* as it was */
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("batch_fast");
	TCase *tc = tcase_create("batch_fast");

	tcase_add_test(tc, test_learn);
	tcase_add_test(tc, test_match);
	tcase_add_test(tc, test_nomatch);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
