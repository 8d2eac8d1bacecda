/*
 * check_selector.c: lib/selector.c and lib/selector_get.c: the words of
 * `route show/flush/save` -> a filter, of `route get` -> its request.
 * Runs as any user: device names go through a fake lookup.
 */
#include <errno.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "mplsroute.h"
#include "unit.h"

#define MAXW	256

static int fake_ifindex(const char *name, uint32_t *index, void *data)
{
	if (strcmp(name, "eth1") == 0)
		*index = 11;
	else if (strcmp(name, "veth0-host") == 0)
		*index = 13;
	else
		return -ENODEV;
	return 0;
}

static char *words[MAXW];
static int nwords;
static char line[8192];
static struct mplsroute_error err;
static struct mplsroute_filter f;
static int family;

static int split(const char *text)
{
	char *p;

	snprintf(line, sizeof(line), "%s", text);
	nwords = 0;
	for (p = strtok(line, " "); p && nwords < MAXW; p = strtok(NULL, " "))
		words[nwords++] = p;
	return nwords;
}

static int sel(const char *text, int fam)
{
	struct mplsroute_parse_opts o = { .family = fam,
					  .ifindex = fake_ifindex };

	split(text);
	return mplsroute_filter_parse_args(&f, &family, nwords, words, &o,
					   &err);
}

START_TEST(test_filter_words)
{
	ck_assert_int_eq(sel("", AF_MPLS), 0);
	ck_assert_uint_eq(f.table, RT_TABLE_MAIN);
	ck_assert_int_eq(family, AF_MPLS);
	ck_assert_int_eq(sel("table all proto static dev eth1", AF_UNSPEC), 0);
	ck_assert_uint_eq(f.table, 0);
	ck_assert(f.protocol == RTPROT_STATIC && f.protocolmask == 0xff);
	ck_assert(f.oif == 11 && f.oifmask);
	ck_assert_int_eq(family, AF_UNSPEC);
	/* a table named without a family dumps inet, as 4.4 */
	ck_assert_int_eq(sel("table 100", AF_UNSPEC), 0);
	ck_assert_int_eq(family, AF_INET);
	ck_assert_int_eq(sel("root 10.0.0.0/8 match 10.4.0.0/16", AF_INET), 0);
	ck_assert(f.rdst.bitlen == 8 && f.mdst.bitlen == 16);
	ck_assert_int_eq(sel("10.4.4.0/24", AF_INET), 0);	/* exact */
	ck_assert(f.rdst.bitlen == 24 && f.mdst.bitlen == 24);
	ck_assert_int_eq(sel("realms 1/", AF_INET), 0);
	ck_assert(f.realm == 0x10000 && f.realmmask == 0xffff0000u);
	ck_assert_int_eq(sel("cache", AF_INET), 0);
	ck_assert_int_eq(f.cloned, 1);
	ck_assert_int_eq(sel("scope all type unicast", AF_INET), 0);
	ck_assert(f.scopemask == 0 && f.type == RTN_UNICAST && f.typemask);
}
END_TEST

START_TEST(test_filter_errors)
{
	ck_assert_int_eq(sel("table nosuch", AF_INET), -EINVAL);
	ck_assert_int_eq(err.kind, MPLSROUTE_ERR_INVALID);
	ck_assert_int_eq(err.argi, 1);
	ck_assert_str_eq(err.msg,
		"Error: argument \"nosuch\" is wrong: table id value is invalid\n\n");
	ck_assert_int_eq(sel("dev eth9", AF_INET), -ENODEV);
	ck_assert(err.kind == MPLSROUTE_ERR_NODEV && err.argi == 1 &&
		  err.exits == 0);
	ck_assert_str_eq(err.word, "eth9");
	ck_assert_int_eq(sel("proto", AF_INET), -EINVAL);
	ck_assert(err.kind == MPLSROUTE_ERR_INCOMPLETE && err.argi == 0);
	ck_assert_int_eq(sel("table help", AF_INET), -EINVAL);
	ck_assert_int_eq(err.kind, MPLSROUTE_ERR_USAGE);
	ck_assert_int_eq(sel("via inet nope", AF_UNSPEC), -EINVAL);
	ck_assert_int_eq(err.argi, 2);
	ck_assert_str_eq(err.msg,
		"Error: inet prefix is expected rather than \"nope\".\n");
	ck_assert_int_eq(sel("realms x/y", AF_INET), -EINVAL);
	ck_assert_str_eq(err.msg,
		"Error: argument \"x/y\" is wrong: invalid realms\n\n");
}
END_TEST

static unsigned char buf[1024];
static struct mplsroute_get_info gi;

static int get(const char *text, int fam, size_t len)
{
	struct mplsroute_parse_opts o = { .family = fam,
					  .ifindex = fake_ifindex };

	split(text);
	return mplsroute_get_parse_args(buf, len, &gi, nwords, words, &o,
					&err);
}

START_TEST(test_get_request)
{
	char hex[2049];
	int n;

	/* show-get's recorded request: route get 10.4.4.2 */
	n = get("10.4.4.2", AF_UNSPEC, sizeof(buf));
	ck_assert_int_eq(n, 36);
	unit_bin2hex(buf, (size_t)n, hex);
	ck_assert_str_eq(hex,
		"240000001a0001000000000000000000022000000000000000100000080001000a040402");
	n = get("10.4.4.2 from 10.3.3.1 oif eth1 connected", AF_UNSPEC,
		sizeof(buf));
	ck_assert_int_gt(n, 36);
	ck_assert(gi.connected && gi.from && gi.oif == 11 && gi.iif == 0);
}
END_TEST

START_TEST(test_get_errors)
{
	char text[4096];
	size_t k = 0;
	int i;

	ck_assert_int_eq(get("from 1.2.3.4", AF_UNSPEC, sizeof(buf)), -EINVAL);
	ck_assert_int_eq(err.kind, MPLSROUTE_ERR_MISSING);
	ck_assert_int_eq(err.exits, 1);
	ck_assert_str_eq(err.msg, "need at least destination address\n");
	ck_assert_int_eq(get("10.4.4.2 iif eth9", AF_UNSPEC, sizeof(buf)),
			 -ENODEV);
	ck_assert_int_eq(err.argi, 2);
	/* issue 12 #5: more words than the request holds: a clear error */
	for (i = 0; i < 130; i++)
		k += snprintf(text + k, sizeof(text) - k, "%s10.0.0.%d",
			      i ? " " : "", i + 1);
	ck_assert_int_eq(get(text, AF_UNSPEC, sizeof(buf)), -EMSGSIZE);
	ck_assert_int_eq(err.kind, MPLSROUTE_ERR_TOO_LONG);
	ck_assert_int_eq(err.argi, 124);	/* 28 + 125 * 8 > 1024 */
	ck_assert_str_eq(err.word, "10.0.0.125");
	ck_assert_str_eq(err.msg,
		"Error: the request is too long (1024 bytes) for \"10.0.0.125\".\n");
}
END_TEST

/* issue 9: fibmatch and as [to] LABELS, the requests ip 6.1 sent */
START_TEST(test_get_mpls)
{
	char hex[2049];
	int n;

	/* golden/extra/get-mpls-fibmatch: RTM_F_FIB_MATCH, the label */
	n = get("fibmatch 100", AF_MPLS, sizeof(buf));
	ck_assert_int_eq(n, 36);
	unit_bin2hex(buf, (size_t)n, hex);
	ck_assert_str_eq(hex,
		"240000001a00010000000000000000001c14000000000000002000000800010000064100");
	/* get-mpls-fibmatch-after: the same, the word after the label */
	ck_assert_int_eq(get("100 fib", AF_MPLS, sizeof(buf)), 36);
	unit_bin2hex(buf, 36, hex + 100);
	ck_assert_str_eq(hex, hex + 100);
	/* get-mpls-as-stack: RTA_NEWDST 16/17 first (word order) */
	n = get("as 16/17 300", AF_MPLS, sizeof(buf));
	ck_assert_int_eq(n, 48);
	unit_bin2hex(buf, (size_t)n, hex);
	ck_assert_str_eq(hex,
		"300000001a00010000000000000000001c14000000000000000000000c0013000001000000011100080001000012c100");
	/* get-mpls-as-to: as to 500 */
	n = get("as to 500 300", AF_MPLS, sizeof(buf));
	ck_assert_int_eq(n, 44);
	unit_bin2hex(buf, (size_t)n, hex);
	ck_assert_str_eq(hex,
		"2c0000001a00010000000000000000001c140000000000000000000008001300001f4100080001000012c100");
	/* err-get-as, err-get-as-end: 6.1's words */
	ck_assert_int_eq(get("as to 1x 300", AF_MPLS, sizeof(buf)), -EINVAL);
	ck_assert_int_eq(err.argi, 2);
	ck_assert_str_eq(err.msg,
		"Error: mpls address is expected rather than \"1x\".\n");
	ck_assert_int_eq(get("as to", AF_MPLS, sizeof(buf)), -EINVAL);
	ck_assert_str_eq(err.msg,
		"Command line is not complete. Try option \"help\"\n");
	ck_assert_int_eq(get("as 300", AF_MPLS, sizeof(buf)), -EINVAL);
	ck_assert_str_eq(err.msg, "need at least destination address\n");
}
END_TEST

static Suite *selector_suite(void)
{
	Suite *s = suite_create("selector");
	TCase *tc = tcase_create("selector");

	tcase_add_test(tc, test_filter_words);
	tcase_add_test(tc, test_filter_errors);
	tcase_add_test(tc, test_get_request);
	tcase_add_test(tc, test_get_errors);
	tcase_add_test(tc, test_get_mpls);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(selector_suite());
}
