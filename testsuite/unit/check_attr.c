/* check_attr.c: unit tests for lib/attr.c (RTA_ENCAP, RTA_NEWDST, RTA_VIA) */
#include <errno.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>
#include "mplsroute.h"
#include "unit.h"
#include "compat.h"

static unsigned char buf[1024];

/* an empty RTM_NEWROUTE (header + rtmsg) at the start of buf */
static struct nlmsghdr *new_msg(void)
{
	struct nlmsghdr *nlh;

	memset(buf, 0xee, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_NEWROUTE;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct rtmsg));
	return nlh;
}

#define HDR	(sizeof(struct nlmsghdr) + sizeof(struct rtmsg))

static struct mplsroute_labels stack(const char *s)
{
	struct mplsroute_labels ls;

	ck_assert_int_eq(mplsroute_labels_parse(&ls, s), 0);
	return ls;
}

/* the attributes appended after the rtmsg */
#define ck_assert_attrs(nlh, hex) \
	ck_assert_hex(buf + HDR, (nlh)->nlmsg_len - HDR, hex)

START_TEST(test_put_encap)
{
	struct nlmsghdr *nlh = new_msg();
	struct mplsroute_labels ls = stack("100");

	ck_assert_int_eq(mplsroute_attr_put_encap(nlh, sizeof(buf), &ls), 0);
	/* as in the dump case enc-4 */
	ck_assert_attrs(nlh, "0c001600 08000100 00064100 06001500 01000000");
	nlh = new_msg();
	ls = stack("100/200");
	ck_assert_int_eq(mplsroute_attr_put_encap(nlh, sizeof(buf), &ls), 0);
	ck_assert_attrs(nlh, "10001600 0c000100 00064000 000c8100"
			     "06001500 01000000");
}
END_TEST

START_TEST(test_put_newdst)
{
	struct nlmsghdr *nlh = new_msg();
	struct mplsroute_labels ls = stack("110");

	ck_assert_int_eq(mplsroute_attr_put_newdst(nlh, sizeof(buf), &ls), 0);
	ck_assert_attrs(nlh, "08001300 0006e100");
}
END_TEST

START_TEST(test_put_via)
{
	struct nlmsghdr *nlh = new_msg();
	struct mplsroute_addr via = { .family = AF_INET, .bytelen = 4 };

	inet_pton(AF_INET, "192.168.40.102", via.data);
	ck_assert_int_eq(mplsroute_attr_put_via(nlh, sizeof(buf), &via), 0);
	/* the wire form in the dumps, padding zeroed */
	ck_assert_attrs(nlh, "0a001200 0200c0a8 28660000");

	nlh = new_msg();
	via.family = AF_INET6;
	via.bytelen = 16;
	inet_pton(AF_INET6, "2001:db8:30::102", via.data);
	ck_assert_int_eq(mplsroute_attr_put_via(nlh, sizeof(buf), &via), 0);
	ck_assert_attrs(nlh, "16001200 0a0020010db800300000000000000000"
			     "01020000");

	nlh = new_msg();
	via.family = AF_MPLS;
	via.labels = stack("16");
	ck_assert_int_eq(mplsroute_attr_put_via(nlh, sizeof(buf), &via), 0);
	ck_assert_attrs(nlh, "0a001200 1c000001 01000000");

	nlh = new_msg();
	via.family = AF_PACKET;
	ck_assert_int_eq(mplsroute_attr_put_via(nlh, sizeof(buf), &via),
			 -EAFNOSUPPORT);
	ck_assert_uint_eq(nlh->nlmsg_len, HDR);
}
END_TEST

START_TEST(test_put_empty_stack)
{
	struct nlmsghdr *nlh = new_msg();
	struct mplsroute_labels ls = { 0 };
	struct mplsroute_addr via = { .family = AF_MPLS };

	ck_assert_int_eq(mplsroute_attr_put_encap(nlh, sizeof(buf), &ls),
			 -EINVAL);
	ck_assert_int_eq(mplsroute_attr_put_newdst(nlh, sizeof(buf), &ls),
			 -EINVAL);
	ck_assert_int_eq(mplsroute_attr_put_via(nlh, sizeof(buf), &via),
			 -EINVAL);
	ck_assert_uint_eq(nlh->nlmsg_len, HDR);
}
END_TEST

/* one encoder call on a fresh message with a buffer of @room bytes */
static int put_one(int which, size_t room, struct nlmsghdr **out)
{
	struct mplsroute_labels ls = stack("100/200/300");
	struct mplsroute_addr via = { .family = AF_INET6, .bytelen = 16 };
	struct nlmsghdr *nlh = new_msg();

	*out = nlh;
	switch (which) {
	case 0:
		return mplsroute_attr_put_encap(nlh, room, &ls);
	case 1:
		return mplsroute_attr_put_newdst(nlh, room, &ls);
	default:
		return mplsroute_attr_put_via(nlh, room, &via);
	}
}

START_TEST(test_put_too_small)
{
	unsigned char before[HDR];
	struct nlmsghdr *nlh;
	size_t need, room;
	int ret;

	/* find the size that fits, then try every smaller buffer */
	ck_assert_int_eq(put_one(_i, sizeof(buf), &nlh), 0);
	need = nlh->nlmsg_len;
	ck_assert_uint_gt(need, HDR);
	for (room = HDR; room < need; room++) {
		new_msg();
		memcpy(before, buf, HDR);
		ret = put_one(_i, room, &nlh);
		ck_assert_int_eq(ret, -EMSGSIZE);
		/* no half attribute: the message is as it was */
		ck_assert_uint_eq(nlh->nlmsg_len, HDR);
		ck_assert_int_eq(memcmp(before, buf, HDR), 0);
	}
	ck_assert_int_eq(put_one(_i, need, &nlh), 0);
	ck_assert_uint_eq(nlh->nlmsg_len, need);
}
END_TEST

/* the attribute at the start of @hex, copied into an aligned buffer */
static const struct nlattr *attr_from(const char *hex)
{
	static uint32_t abuf[256];

	memset(abuf, 0, sizeof(abuf));
	ck_assert_int_gt(unit_hex2bin(hex, abuf, sizeof(abuf)), 0);
	return (const struct nlattr *)abuf;
}

static const struct nlattr *attr_from2(const char *hex)
{
	static uint32_t abuf2[64];

	memset(abuf2, 0, sizeof(abuf2));
	ck_assert_int_gt(unit_hex2bin(hex, abuf2, sizeof(abuf2)), 0);
	return (const struct nlattr *)abuf2;
}

START_TEST(test_get_encap)
{
	struct mplsroute_labels ls = { 0 };
	const struct nlattr *e, *t;

	e = attr_from("10001600 0c000100 00064000 000c8100");
	t = attr_from2("06001500 01000000");
	ck_assert_int_eq(mplsroute_attr_get_encap(e, t, &ls), 0);
	ck_assert_int_eq(ls.n, 2);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_uint_eq(ls.label[1], 200);
	/* no type given: still MPLS; an unknown nested attribute (TTL) */
	e = attr_from("14001600 05000200 40000000 08000100 00064100");
	ck_assert_int_eq(mplsroute_attr_get_encap(e, NULL, &ls), 0);
	ck_assert_int_eq(ls.n, 1);
	ck_assert_uint_eq(ls.label[0], 100);
	/* no RTA_ENCAP at all: an empty stack */
	ck_assert_int_eq(mplsroute_attr_get_encap(NULL, t, &ls), 0);
	ck_assert_int_eq(ls.n, 0);
}
END_TEST

START_TEST(test_get_encap_bad)
{
	struct mplsroute_labels ls = { 0 };
	const struct nlattr *e;

	e = attr_from("0c001600 08000100 00064100");
	/* LWTUNNEL_ENCAP_IP is not ours */
	ck_assert_int_eq(mplsroute_attr_get_encap(e,
			 attr_from2("06001500 02000000"), &ls), -EOPNOTSUPP);
	/* an encap type with no room for its u16 */
	ck_assert_int_eq(mplsroute_attr_get_encap(e,
			 attr_from2("05001500 01000000"), &ls), -EINVAL);
	/* the nested DST claims more than the nest holds */
	e = attr_from("0c001600 0c000100 00064100 00000000");
	ck_assert_int_eq(mplsroute_attr_get_encap(e, NULL, &ls), -EINVAL);
	/* a nest with no DST */
	e = attr_from("0c001600 08000200 40000000");
	ck_assert_int_eq(mplsroute_attr_get_encap(e, NULL, &ls), -EINVAL);
	/* DST without bottom of stack, DST of 3 bytes */
	e = attr_from("0c001600 08000100 00064000");
	ck_assert_int_eq(mplsroute_attr_get_encap(e, NULL, &ls), -EINVAL);
	e = attr_from("0c001600 07000100 00064100");
	ck_assert_int_eq(mplsroute_attr_get_encap(e, NULL, &ls), -EINVAL);
	/* a nest shorter than an attribute header */
	e = attr_from("02001600");
	ck_assert_int_eq(mplsroute_attr_get_encap(e, NULL, &ls), -EINVAL);
}
END_TEST

/* encap mpls LABELS ttl N: MPLS_IPTUNNEL_TTL after the labels in the nest */
START_TEST(test_put_encap_ttl)
{
	struct nlmsghdr *nlh = new_msg();
	struct mplsroute_labels ls = stack("100");

	/* as Debian's ip 6.1 sent `encap mpls 100 ttl 10` (NLA_F_NESTED
	 * aside) */
	ck_assert_int_eq(mplsroute_attr_put_encap_ttl(nlh, sizeof(buf), &ls,
						      10), 0);
	ck_assert_attrs(nlh, "14001600 08000100 00064100 05000200 0a000000"
			     "06001500 01000000");
	nlh = new_msg();
	ls = stack("100/200");
	ck_assert_int_eq(mplsroute_attr_put_encap_ttl(nlh, sizeof(buf), &ls,
						      0), 0);
	ck_assert_attrs(nlh, "18001600 0c000100 00064000 000c8100"
			     "05000200 00000000 06001500 01000000");
	/* no ttl: the bytes of mplsroute_attr_put_encap */
	nlh = new_msg();
	ck_assert_int_eq(mplsroute_attr_put_encap_ttl(nlh, sizeof(buf), &ls,
						      -1), 0);
	ck_assert_attrs(nlh, "10001600 0c000100 00064000 000c8100"
			     "06001500 01000000");
	/* 256 does not fit a u8; nothing is written */
	nlh = new_msg();
	ck_assert_int_eq(mplsroute_attr_put_encap_ttl(nlh, sizeof(buf), &ls,
						      256), -ERANGE);
	ck_assert_uint_eq(nlh->nlmsg_len, HDR);
}
END_TEST

/* every buffer too small for the ttl encap leaves the message as it was */
START_TEST(test_put_encap_ttl_small)
{
	struct mplsroute_labels ls = stack("100/200");
	struct nlmsghdr *nlh;
	size_t room, need = HDR + 32;

	for (room = HDR; room < need; room++) {
		nlh = new_msg();
		ck_assert_int_eq(mplsroute_attr_put_encap_ttl(nlh, room, &ls,
							      5), -EMSGSIZE);
		ck_assert_uint_eq(nlh->nlmsg_len, HDR);
	}
	nlh = new_msg();
	ck_assert_int_eq(mplsroute_attr_put_encap_ttl(nlh, need, &ls, 5), 0);
	ck_assert_uint_eq(nlh->nlmsg_len, need);
}
END_TEST

START_TEST(test_get_encap_ttl)
{
	struct mplsroute_labels ls = { 0 };
	const struct nlattr *e, *t;
	int ttl = 99;

	/* the kernel's answer for `encap mpls 100 ttl 10` (UML 6.1 dump) */
	e = attr_from("14001600 08000100 00064100 05000200 0a000000");
	t = attr_from2("06001500 01000000");
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(e, t, &ls, &ttl), 0);
	ck_assert_int_eq(ls.n, 1);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_int_eq(ttl, 10);
	/* ttl 0 is a value, not "none" */
	e = attr_from("14001600 05000200 00000000 08000100 00064100");
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(e, t, &ls, &ttl), 0);
	ck_assert_int_eq(ttl, 0);
	/* no TTL: -1 */
	e = attr_from("0c001600 08000100 00064100");
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(e, t, &ls, &ttl), 0);
	ck_assert_int_eq(ttl, -1);
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(NULL, t, &ls, &ttl), 0);
	ck_assert_int_eq(ttl, -1);
	/* a TTL of 4 bytes is malformed; *ttl is left alone */
	ttl = 77;
	e = attr_from("14001600 08000100 00064100 08000200 0a000000");
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(e, t, &ls, &ttl),
			 -EINVAL);
	ck_assert_int_eq(ttl, 77);
	/* a TTL with an empty payload */
	e = attr_from("10001600 08000100 00064100 04000200");
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(e, t, &ls, &ttl),
			 -EINVAL);
	/* a TTL with no DST */
	e = attr_from("0c001600 05000200 0a000000");
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(e, t, &ls, &ttl),
			 -EINVAL);
	ck_assert_int_eq(mplsroute_attr_get_encap_ttl(e, t, &ls, NULL),
			 -EINVAL);
}
END_TEST

START_TEST(test_get_newdst)
{
	struct mplsroute_labels ls = { 0 };

	ck_assert_int_eq(mplsroute_attr_get_newdst(
			 attr_from("08001300 0006e100"), &ls), 0);
	ck_assert_int_eq(ls.n, 1);
	ck_assert_uint_eq(ls.label[0], 110);
	ck_assert_int_eq(mplsroute_attr_get_newdst(
			 attr_from("07001300 0006e100"), &ls), -EINVAL);
	ck_assert_int_eq(mplsroute_attr_get_newdst(
			 attr_from("04001300"), &ls), -EINVAL);
	ck_assert_int_eq(mplsroute_attr_get_newdst(
			 attr_from("03001300"), &ls), -EINVAL);
	ck_assert_int_eq(mplsroute_attr_get_newdst(NULL, &ls), -EINVAL);
}
END_TEST

START_TEST(test_get_via)
{
	struct mplsroute_addr via;

	ck_assert_int_eq(mplsroute_attr_get_via(
			 attr_from("0a001200 0200c0a8 28660000"), &via), 0);
	ck_assert_int_eq(via.family, AF_INET);
	ck_assert_int_eq(via.bytelen, 4);
	ck_assert_hex(via.data, 4, "c0a82866");
	ck_assert_int_eq(mplsroute_attr_get_via(
			 attr_from("16001200 0a0020010db8003000000000"
				   "0000000001020000"), &via), 0);
	ck_assert_int_eq(via.family, AF_INET6);
	ck_assert_int_eq(via.bytelen, 16);
	ck_assert_hex(via.data, 16, "20010db8003000000000000000000102");
	ck_assert_int_eq(mplsroute_attr_get_via(
			 attr_from("0a001200 1c000001 01000000"), &via), 0);
	ck_assert_int_eq(via.family, AF_MPLS);
	ck_assert_int_eq(via.labels.n, 1);
	ck_assert_uint_eq(via.labels.label[0], 16);
}
END_TEST

static int get_via(const char *hex)
{
	struct mplsroute_addr via;

	return mplsroute_attr_get_via(attr_from(hex), &via);
}

START_TEST(test_get_via_bad)
{
	/* inet with 3 or 5 bytes, inet6 with 4 */
	ck_assert_int_eq(get_via("09001200 0200c0a8 28000000"), -EINVAL);
	ck_assert_int_eq(get_via("0b001200 0200c0a8 28660100"), -EINVAL);
	ck_assert_int_eq(get_via("0a001200 0a00c0a8 28660000"), -EINVAL);
	/* no room for the family */
	ck_assert_int_eq(get_via("05001200 02000000"), -EINVAL);
	/* mpls without bottom of stack */
	ck_assert_int_eq(get_via("0a001200 1c000001 00000000"), -EINVAL);
	/* another family: more than 16 bytes */
	ck_assert_int_eq(get_via("18001200 11000000000000000000000000"
				 "000000000000000000"), -EINVAL);
}
END_TEST

START_TEST(test_roundtrip)
{
	struct mplsroute_labels in = stack("1/2/3/4/5/6/7/8/9/1048575"), out;
	struct nlmsghdr *nlh = new_msg();
	const struct nlattr *a;

	ck_assert_int_eq(mplsroute_attr_put_newdst(nlh, sizeof(buf), &in), 0);
	a = (const struct nlattr *)(buf + HDR);
	ck_assert_int_eq(mplsroute_attr_get_newdst(a, &out), 0);
	ck_assert_int_eq(out.n, 10);
	ck_assert_int_eq(memcmp(in.label, out.label, 10 * 4), 0);
}
END_TEST

/* a copy of @a in a heap block of exactly @len bytes, nla_len = @len */
static struct nlattr *cut(const struct nlattr *a, size_t len)
{
	struct nlattr *c = malloc(len);

	ck_assert_ptr_nonnull(c);
	memcpy(c, a, len);
	c->nla_len = (uint16_t)len;
	return c;
}

START_TEST(test_get_truncated)
{
	struct mplsroute_labels in = stack("100/200/300"), ls;
	struct mplsroute_addr via = { .family = AF_INET6, .bytelen = 16 };
	struct nlmsghdr *nlh;
	const struct nlattr *a;
	struct nlattr *c;
	size_t full, len;
	int ret;

	/* every shortened copy of a valid attribute is refused, and (under
	 * the sanitizer build) never read past its end */
	nlh = new_msg();
	ck_assert_int_eq(mplsroute_attr_put_encap(nlh, sizeof(buf), &in), 0);
	a = (const struct nlattr *)(buf + HDR);
	full = a->nla_len;
	for (len = MNL_ATTR_HDRLEN; len < full; len++) {
		c = cut(a, len);
		ret = mplsroute_attr_get_encap(c, NULL, &ls);
		free(c);
		ck_assert_int_eq(ret, -EINVAL);
	}
	nlh = new_msg();
	ck_assert_int_eq(mplsroute_attr_put_newdst(nlh, sizeof(buf), &in), 0);
	full = a->nla_len;
	for (len = MNL_ATTR_HDRLEN; len < full; len++) {
		c = cut(a, len);
		ret = mplsroute_attr_get_newdst(c, &ls);
		free(c);
		ck_assert_int_eq(ret, -EINVAL);
	}
	nlh = new_msg();
	ck_assert_int_eq(mplsroute_attr_put_via(nlh, sizeof(buf), &via), 0);
	full = a->nla_len;
	for (len = MNL_ATTR_HDRLEN; len < full; len++) {
		c = cut(a, len);
		ret = mplsroute_attr_get_via(c, &via);
		free(c);
		ck_assert_int_eq(ret, -EINVAL);
	}
}
END_TEST

static Suite *attr_suite(void)
{
	Suite *s = suite_create("attr");
	TCase *tc = tcase_create("attr");

	tcase_add_test(tc, test_put_encap);
	tcase_add_test(tc, test_put_newdst);
	tcase_add_test(tc, test_put_via);
	tcase_add_test(tc, test_put_empty_stack);
	tcase_add_loop_test(tc, test_put_too_small, 0, 3);
	tcase_add_test(tc, test_get_encap);
	tcase_add_test(tc, test_get_encap_bad);
	tcase_add_test(tc, test_get_newdst);
	tcase_add_test(tc, test_get_via);
	tcase_add_test(tc, test_get_via_bad);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_get_truncated);
	tcase_add_test(tc, test_put_encap_ttl);
	tcase_add_test(tc, test_put_encap_ttl_small);
	tcase_add_test(tc, test_get_encap_ttl);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(attr_suite());
}
