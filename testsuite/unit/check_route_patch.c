/* check_route_patch.c: lib/route_patch.c: the words last parsed again with
 * new values give the request a fresh parse gives; anything else says 1 */
#include <errno.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include "mplsroute.h"
#include "unit.h"

#define ADD	(NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)

static int test_ifindex(const char *name, uint32_t *idx, void *data)
{
	(void)data;
	if (strcmp(name, "eth1") != 0)
		return -ENODEV;
	*idx = 7;
	return 0;
}

/* @line split at blanks into @argv (in @copy) */
static int split(char *copy, size_t len, const char *line, char **argv)
{
	char *tok, *save;
	int argc = 0;

	snprintf(copy, len, "%s", line);
	for (tok = strtok_r(copy, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	return argc;
}

/* parse and build @line into @rt: the request's length */
static int parse_build(struct mplsroute_route *rt, const char *line,
		       int family, unsigned char *buf, size_t len)
{
	struct mplsroute_parse_opts o = { .family = family,
					  .ifindex = test_ifindex,
					  .nlmsg_type = RTM_NEWROUTE };
	static char copy[512];
	char *argv[64];
	int argc = split(copy, sizeof(copy), line, argv);

	if (mplsroute_route_parse_args(rt, argc, argv, &o, NULL) < 0)
		return -1;
	return mplsroute_route_build(buf, len, rt, RTM_NEWROUTE, ADD);
}

/* @line's request from a fresh route */
static int fresh(const char *line, int family, unsigned char *buf,
		 size_t len)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	int ret;

	ck_assert_ptr_nonnull(rt);
	ret = parse_build(rt, line, family, buf, len);
	mplsroute_route_free(rt);
	return ret;
}

/* patch @rt's last words with @n words: the request must be @want's */
static void patch_is(struct mplsroute_route *rt, int n, const int *argi,
		     const char *const *words, const char *want, int family)
{
	unsigned char b[1024], c[1024];
	const struct nlmsghdr *req = NULL;
	int len;

	ck_assert_int_eq(mplsroute_route_patch(rt, n, argi, (char **)words,
					       RTM_NEWROUTE, ADD, &req), 0);
	ck_assert_ptr_nonnull(req);
	len = fresh(want, family, b, sizeof(b));
	ck_assert_int_gt(len, 0);
	ck_assert_uint_eq(req->nlmsg_len, (unsigned)len);
	ck_assert(memcmp(req, b, (size_t)len) == 0);
	/* and the route object is that route: it builds the same again */
	ck_assert_int_eq(mplsroute_route_build(c, sizeof(c), rt, RTM_NEWROUTE,
					       ADD), len);
	ck_assert(memcmp(c, b, (size_t)len) == 0);
}

START_TEST(test_words)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	unsigned char buf[1024];
	int argi[8];

	/* nothing parsed yet, then parsed but not built */
	ck_assert_int_eq(mplsroute_route_patch_words(rt, argi, 8), -ENOENT);
	ck_assert_int_eq(mplsroute_route_patch_words(NULL, argi, 8), -EINVAL);
	ck_assert_int_gt(parse_build(rt, "16 as 17 via inet 10.0.0.1 dev eth1",
				     AF_MPLS, buf, sizeof(buf)), 0);
	ck_assert_int_eq(mplsroute_route_patch_words(rt, argi, 8), 3);
	ck_assert_int_eq(argi[0], 0);	/* 16 */
	ck_assert_int_eq(argi[1], 2);	/* 17 */
	ck_assert_int_eq(argi[2], 5);	/* 10.0.0.1 */
	ck_assert_int_eq(mplsroute_route_patch_words(rt, argi, 1), 1);
	/* a multipath route is not kept */
	ck_assert_int_gt(parse_build(rt, "16 nexthop via inet 10.0.0.1 dev eth1",
				     AF_MPLS, buf, sizeof(buf)), 0);
	ck_assert_int_eq(mplsroute_route_patch_words(rt, argi, 8), -ENOENT);
	mplsroute_route_free(rt);
}
END_TEST

START_TEST(test_patch)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	unsigned char buf[1024];
	static const int a01[] = { 0, 2 }, a2[] = { 5 }, a0[] = { 0 };
	static const char *const w1[] = { "99", "100" };
	static const char *const w2[] = { "192.168.7.200" };
	static const char *const w3[] = { "1048575" };
	static const char *const w4[] = { "0x20" };	/* hex: parsed */

	ck_assert_int_gt(parse_build(rt, "16 as 17 via inet 10.0.0.1 dev eth1",
				     AF_MPLS, buf, sizeof(buf)), 0);
	patch_is(rt, 2, a01, w1, "99 as 100 via inet 10.0.0.1 dev eth1",
		 AF_MPLS);
	patch_is(rt, 1, a2, w2, "99 as 100 via inet 192.168.7.200 dev eth1",
		 AF_MPLS);
	patch_is(rt, 1, a0, w3,
		 "1048575 as 100 via inet 192.168.7.200 dev eth1", AF_MPLS);
	patch_is(rt, 1, a0, w4, "32 as 100 via inet 192.168.7.200 dev eth1",
		 AF_MPLS);
	patch_is(rt, 0, NULL, NULL,
		 "32 as 100 via inet 192.168.7.200 dev eth1", AF_MPLS);
	mplsroute_route_free(rt);
}
END_TEST

START_TEST(test_shapes)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	unsigned char buf[1024];
	static const int a0[] = { 0 }, a2[] = { 2 }, a3[] = { 3 };
	static const char *const stack[] = { "100/200" };
	static const char *const dst[] = { "10.9.8.0/24" };
	static const char *const lab[] = { "300" };

	/* a label stack as `as`, then another stack of the same depth */
	ck_assert_int_gt(parse_build(rt, "16 as 1/2 via inet 10.0.0.1 dev eth1",
				     AF_MPLS, buf, sizeof(buf)), 0);
	patch_is(rt, 1, a2, stack, "16 as 100/200 via inet 10.0.0.1 dev eth1",
		 AF_MPLS);
	/* an IP route: its prefix and its encap label */
	ck_assert_int_gt(parse_build(rt, "10.1.1.0/24 encap mpls 5 via inet "
				     "10.0.0.1 dev eth1", AF_UNSPEC, buf,
				     sizeof(buf)), 0);
	patch_is(rt, 1, a0, dst, "10.9.8.0/24 encap mpls 5 via inet 10.0.0.1 "
		 "dev eth1", AF_UNSPEC);
	patch_is(rt, 1, a3, lab, "10.9.8.0/24 encap mpls 300 via inet 10.0.0.1 "
		 "dev eth1", AF_UNSPEC);
	mplsroute_route_free(rt);
}
END_TEST

/* what only a full parse can tell: 1, and the route and request as before */
START_TEST(test_refused)
{
	struct mplsroute_route *rt = mplsroute_route_new();
	unsigned char buf[1024], before[1024];
	const struct nlmsghdr *req = NULL;
	static const int a0[] = { 0 }, a1[] = { 1 }, a02[] = { 0, 2 },
			 a00[] = { 0, 0 };
	static const char *const bad[][2] = {
		{ "1048576", "17" }, { "16x", "17" }, { "17", "1/2" },
		{ "17", "abc" }, { "10.0.0.1", "17" }, { "17", "" },
	};
	static const char *const two[] = { "18", "19" };
	static const char *const as[] = { "as" };
	unsigned i;
	int len;

	len = parse_build(rt, "16 as 17 via inet 10.0.0.1 dev eth1", AF_MPLS,
			  before, sizeof(before));
	ck_assert_int_gt(len, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_int_eq(mplsroute_route_patch(rt, 2, a02,
				(char **)bad[i], RTM_NEWROUTE, ADD, &req), 1);
	/* no value word; the same word twice; another type or flags */
	ck_assert_int_eq(mplsroute_route_patch(rt, 1, a1, (char **)as,
					       RTM_NEWROUTE, ADD, &req), 1);
	ck_assert_int_eq(mplsroute_route_patch(rt, 2, a00, (char **)two,
					       RTM_NEWROUTE, ADD, &req), 1);
	ck_assert_int_eq(mplsroute_route_patch(rt, 1, a0, (char **)two,
					       RTM_DELROUTE, ADD, &req), 1);
	ck_assert_int_eq(mplsroute_route_patch(rt, 1, a0, (char **)two,
					       RTM_NEWROUTE, NLM_F_REQUEST, &req),
			 1);
	ck_assert_int_eq(mplsroute_route_patch(rt, 1, a0, (char **)two,
					       RTM_NEWROUTE, ADD, NULL), -EINVAL);
	/* nothing changed: the request is the one before */
	ck_assert_int_eq(mplsroute_route_build(buf, sizeof(buf), rt,
					       RTM_NEWROUTE, ADD), len);
	ck_assert(memcmp(buf, before, (size_t)len) == 0);
	mplsroute_route_reset(rt);
	ck_assert_int_eq(mplsroute_route_patch(rt, 1, a0, (char **)two,
					       RTM_NEWROUTE, ADD, &req), 1);
	mplsroute_route_free(rt);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("route_patch");
	TCase *tc = tcase_create("route_patch");

	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_patch);
	tcase_add_test(tc, test_shapes);
	tcase_add_test(tc, test_refused);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
