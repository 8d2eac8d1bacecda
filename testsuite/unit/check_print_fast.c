/* check_print_fast.c: mplsroute_route_format_msg against decode + format */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>

#include "mplsroute.h"
#include "unit.h"

static int lab_ifname(uint32_t idx, char *buf, size_t len, void *data)
{
	(void)data;
	if (idx == 11 || idx == 12) {
		snprintf(buf, len, "eth%u", idx - 10);
		return 0;
	}
	if (idx == 13) {
		snprintf(buf, len, "veth0-host");
		return 0;
	}
	return -ENODEV;		/* printed "if<N>" */
}

/* ---- messages, built attribute by attribute ---- */

struct msg {
	union {
		struct nlmsghdr nlh;
		uint8_t b[4096];
	} u;
	size_t len;
};

static struct rtmsg *msg_init(struct msg *m, uint16_t type)
{
	struct rtmsg *rtm;

	memset(m->u.b, 0, 64);	/* the headers; the rest is written as built */
	m->u.nlh.nlmsg_type = type;
	m->len = NLMSG_LENGTH(sizeof(*rtm));
	rtm = NLMSG_DATA(&m->u.nlh);
	rtm->rtm_family = AF_MPLS;
	rtm->rtm_dst_len = 20;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = RTPROT_BOOT;
	rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	rtm->rtm_type = RTN_UNICAST;
	m->u.nlh.nlmsg_len = (uint32_t)m->len;
	return rtm;
}

/* an attribute with @nla_len @alen (normally 4 + @n) and @n payload bytes */
static void put_raw(struct msg *m, uint16_t type, uint16_t alen,
		    const void *p, size_t n)
{
	struct nlattr a = { .nla_len = alen, .nla_type = type };

	ck_assert_uint_le(m->len + 4 + n + 3, sizeof(m->u.b));
	memcpy(m->u.b + m->len, &a, 4);
	memcpy(m->u.b + m->len + 4, p, n);
	m->len += (4 + n + 3) & ~(size_t)3;
	m->u.nlh.nlmsg_len = (uint32_t)m->len;
}

static void put(struct msg *m, uint16_t type, const void *p, size_t n)
{
	put_raw(m, type, (uint16_t)(4 + n), p, n);
}

/* a label stack, bottom of stack set on the last */
static void put_labels(struct msg *m, uint16_t type, const uint32_t *l,
		       size_t n)
{
	uint32_t e[40];
	size_t i;

	for (i = 0; i < n; i++)
		e[i] = htonl(l[i] << 12 | (i + 1 == n ? 0x100 : 0));
	put(m, type, e, 4 * n);
}

static void put_label(struct msg *m, uint16_t type, uint32_t l)
{
	put_labels(m, type, &l, 1);
}

static void put_u32(struct msg *m, uint16_t type, uint32_t v)
{
	put(m, type, &v, 4);
}

static void put_via4(struct msg *m, const char *addr)
{
	uint8_t v[6];
	uint16_t fam = AF_INET;

	memcpy(v, &fam, 2);
	ck_assert_int_eq(inet_pton(AF_INET, addr, v + 2), 1);
	put(m, RTA_VIA, v, sizeof(v));
}

/* the bench's route: "L as to L via inet 192.168.30.102 dev eth1" */
static struct rtmsg *bench_route(struct msg *m, uint32_t label)
{
	struct rtmsg *rtm = msg_init(m, RTM_NEWROUTE);

	put_label(m, RTA_DST, label);
	put_label(m, RTA_NEWDST, label);
	put_via4(m, "192.168.30.102");
	put_u32(m, RTA_OIF, 11);
	return rtm;
}

/* ---- the comparison ---- */

static struct mplsroute_print_opts opts = { .ifname = lab_ifname };
static struct mplsroute_route *rt;
static unsigned int taken, declined;

/*
 * format_msg on @nlh; when it takes the message the decoding must succeed,
 * pass a bare show's selector, and print the very same text.  Returns what
 * format_msg returned; *@text (if not NULL) gets the text.
 */
static int same(const struct nlmsghdr *nlh,
		const struct mplsroute_print_opts *o, char *text)
{
	char fast[4096], slow[4096];
	struct mplsroute_filter f;
	int n, m;

	memset(fast, 0x5a, sizeof(fast));
	n = mplsroute_route_format_msg(fast, sizeof(fast), nlh, o,
				       MPLSROUTE_STYLE_4_4);
	if (text)
		*text = 0;
	if (n == -EAGAIN) {
		declined++;
		return n;
	}
	/* plain ifs: each passing ck_assert costs Check a write() */
	if (n <= 0 || (unsigned char)fast[n] != 0x5a)
		ck_abort_msg("format_msg returned %d or wrote past it", n);
	taken++;
	if (mplsroute_route_decode(nlh, rt) != 0)
		ck_abort_msg("format_msg took a route the decoder refuses");
	mplsroute_filter_init(&f);
	if (mplsroute_filter_match(&f, rt) != 1)
		ck_abort_msg("format_msg took a route show would not select");
	m = mplsroute_route_format(slow, sizeof(slow), rt, o,
				   MPLSROUTE_STYLE_4_4);
	if (m != n || memcmp(fast, slow, (size_t)n))
		ck_abort_msg("fast \"%.*s\" slow \"%.*s\"", n, fast, m,
			     slow);
	if (text) {
		memcpy(text, fast, (size_t)n);
		text[n] = 0;
	}
	return n;
}

static void setup(void)
{
	rt = mplsroute_route_new();
	ck_assert_ptr_nonnull(rt);
}

static void teardown(void)
{
	mplsroute_route_free(rt);
}

START_TEST(bench_shape)
{
	struct msg m;
	char t[4096];

	bench_route(&m, 16);
	ck_assert_int_gt(same(&m.u.nlh, &opts, t), 0);
	ck_assert_str_eq(t, "16 as to 16 via inet 192.168.30.102 dev eth1 \n");
	bench_route(&m, 1048575);
	same(&m.u.nlh, NULL, t);	/* no callback: if_indextoname */
	ck_assert_int_eq(strncmp(t, "1048575 as to 1048575 via inet ", 31), 0);
}
END_TEST

/* every label's digits, as printf writes them */
START_TEST(every_label)
{
	char t[256], want[32];
	struct msg m;
	uint32_t l, e;
	int n, w;

	msg_init(&m, RTM_NEWROUTE);
	put_label(&m, RTA_DST, 0);
	for (l = 0; l <= MPLSROUTE_LABEL_MAX; l++) {
		e = htonl(l << 12 | 0x100);	/* the entry rewritten */
		memcpy(m.u.b + m.len - 4, &e, 4);
		n = mplsroute_route_format_msg(t, sizeof(t), &m.u.nlh, &opts,
					       MPLSROUTE_STYLE_4_4);
		w = snprintf(want, sizeof(want), "%u \n", l);
		if (n != w || memcmp(t, want, (size_t)w))
			ck_abort_msg("label %u: \"%.*s\"", l, n, t);
	}
}
END_TEST

/* every word the fast path writes, alone and together */
START_TEST(shapes)
{
	static const uint32_t stack[] = { 100, 200, 300000, 0, 1048575 };
	struct mplsroute_print_opts o = opts;
	struct rtmsg *rtm;
	struct msg m;
	char t[4096];
	uint8_t one;

	rtm = msg_init(&m, RTM_NEWROUTE);	/* pop: label and device */
	put_label(&m, RTA_DST, 210);
	put_u32(&m, RTA_OIF, 13);
	ck_assert_int_gt(same(&m.u.nlh, &o, t), 0);
	ck_assert_str_eq(t, "210 dev veth0-host \n");
	rtm->rtm_dst_len = 19;			/* a prefix length shown */
	rtm->rtm_protocol = RTPROT_STATIC;	/* proto named */
	put_labels(&m, RTA_NEWDST, stack, 5);
	one = 1;
	put(&m, RTA_TTL_PROPAGATE, &one, 1);
	ck_assert_int_gt(same(&m.u.nlh, &o, t), 0);
	ck_assert_str_eq(t, "210/19 as to 100/200/300000/0/1048575 dev "
			 "veth0-host  proto static ttl-propogate enabled\n");
	rtm->rtm_protocol = 201;			/* a number */
	one = 0;
	put(&m, RTA_TTL_PROPAGATE, &one, 1);	/* the last one counts */
	put_u32(&m, RTA_OIF, 77);		/* unknown: if77 */
	ck_assert_int_gt(same(&m.u.nlh, &o, t), 0);
	ck_assert_str_eq(t, "210/19 as to 100/200/300000/0/1048575 dev if77"
			 "  proto 201 ttl-propogate disabled\n");
	o.hide = MPLSROUTE_PRINT_NO_DEV | MPLSROUTE_PRINT_NO_PROTO;
	o.deleted = 1;
	o.oneline = o.stats = 1;
	ck_assert_int_gt(same(&m.u.nlh, &o, t), 0);
	ck_assert_str_eq(t, "Deleted 210/19 as to 100/200/300000/0/1048575 "
			 "ttl-propogate disabled\n");
	m.u.nlh.nlmsg_type = RTM_DELROUTE;
	ck_assert_int_gt(same(&m.u.nlh, &o, NULL), 0);
	rtm = msg_init(&m, RTM_NEWROUTE);	/* device 0, a via, no dev */
	put_label(&m, RTA_DST, 0);
	put_via4(&m, "10.0.0.255");
	put_u32(&m, RTA_OIF, 0);
	ck_assert_int_gt(same(&m.u.nlh, &opts, t), 0);
	ck_assert_str_eq(t, "0 via inet 10.0.0.255 \n");
	rtm->rtm_dst_len = 0;
	ck_assert_int_gt(same(&m.u.nlh, &opts, t), 0);
	ck_assert_str_eq(t, "0/0 via inet 10.0.0.255 \n");
}
END_TEST

/* types it does not know are skipped, as the decoder skips them */
START_TEST(unknown_types)
{
	struct msg m;
	char t[4096];
	uint32_t junk = 0xdeadbeef;

	msg_init(&m, RTM_NEWROUTE);
	put(&m, RTA_UNSPEC, &junk, 4);
	put_label(&m, RTA_DST, 300);
	put(&m, 40, &junk, 3);			/* past the decoder's types */
	put(&m, RTA_EXPIRES, &junk, 4);		/* one it has no rule for */
	put(&m, 0x8000 | 60, &junk, 4);		/* nested flag */
	put_u32(&m, RTA_OIF, 12);
	ck_assert_int_gt(same(&m.u.nlh, &opts, t), 0);
	ck_assert_str_eq(t, "300 dev eth2 \n");
	m.u.nlh.nlmsg_len += 3;		/* a tail too short for a header */
	ck_assert_int_gt(same(&m.u.nlh, &opts, NULL), 0);
}
END_TEST

/* what it leaves to the decoder: everything but the plain shape */
START_TEST(left_to_decoder)
{
	struct mplsroute_print_opts o = opts;
	struct rtmsg *rtm;
	struct msg m;
	uint8_t v6[18] = { 0 }, b[64] = { 0 };
	uint16_t fam = AF_INET6;
	int i;

	for (i = 0; i < 14; i++) {
		rtm = bench_route(&m, 500 + (uint32_t)i);
		switch (i) {
		case 0: rtm->rtm_family = AF_INET; break;
		case 1: rtm->rtm_type = RTN_UNREACHABLE; break;
		case 2: rtm->rtm_table = 100; break;
		case 3: put_u32(&m, RTA_TABLE, 254); break;
		case 4: rtm->rtm_tos = 4; break;
		case 5: rtm->rtm_flags = RTNH_F_LINKDOWN; break;
		case 6: rtm->rtm_flags = RTM_F_CLONED; break;
		case 7: rtm->rtm_scope = RT_SCOPE_LINK; break;
		case 8: rtm->rtm_src_len = 20; break;
		case 9:
			memcpy(v6, &fam, 2);
			v6[17] = 1;
			put(&m, RTA_VIA, v6, sizeof(v6));
			break;
		case 10:
			((struct rtnexthop *)b)->rtnh_len = 8;
			put(&m, RTA_MULTIPATH, b, 8);
			break;
		case 11: put_u32(&m, RTA_PRIORITY, 5); break;
		case 12: m.u.nlh.nlmsg_type = RTM_GETROUTE; break;
		case 13:
			msg_init(&m, RTM_NEWROUTE);	/* no dst */
			put_u32(&m, RTA_OIF, 11);
			break;
		}
		ck_assert_int_eq(same(&m.u.nlh, &o, NULL), -EAGAIN);
	}
	bench_route(&m, 16);
	o.details = 1;
	ck_assert_int_eq(same(&m.u.nlh, &o, NULL), -EAGAIN);
	ck_assert_int_eq(mplsroute_route_format_msg((char *)b, sizeof(b),
			 &m.u.nlh, &opts, MPLSROUTE_STYLE_6_1), -EAGAIN);
}
END_TEST

START_TEST(bad_arguments)
{
	struct msg m;
	char t[256];
	int n;

	bench_route(&m, 16);
	ck_assert_int_eq(mplsroute_route_format_msg(NULL, 10, &m.u.nlh, NULL,
						    0), -EINVAL);
	ck_assert_int_eq(mplsroute_route_format_msg(t, sizeof(t), NULL, NULL,
						    0), -EINVAL);
	ck_assert_int_eq(mplsroute_route_format_msg(t, sizeof(t), &m.u.nlh,
						    NULL, 7), -EINVAL);
	ck_assert_int_eq(mplsroute_route_format_msg(t, (size_t)INT32_MAX + 1,
						    &m.u.nlh, NULL, 0),
			 -EINVAL);
	memset(t, 0x5a, sizeof(t));
	ck_assert_int_eq(mplsroute_route_format_msg(t, 20, &m.u.nlh, &opts,
						    0), -ENOSPC);
	ck_assert_int_eq((unsigned char)t[0], 0x5a);	/* nothing written */
	n = mplsroute_route_format_msg(t, sizeof(t), &m.u.nlh, &opts, 0);
	ck_assert_int_eq(n, 46);
}
END_TEST

/* ---- hostile messages, each ending at a page nobody may read ---- */

static uint8_t *guard;
static size_t page;

static void guard_setup(void)
{
	setup();
	page = (size_t)sysconf(_SC_PAGESIZE);
	guard = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(guard, MAP_FAILED);
	ck_assert_int_eq(mprotect(guard + page, page, PROT_NONE), 0);
}

static void guard_teardown(void)
{
	munmap(guard, 2 * page);
	teardown();
}

/* @m copied so that its nlmsg_len ends at the guard page, then compared */
static int at_edge(const struct msg *m)
{
	size_t n = m->u.nlh.nlmsg_len;
	uint8_t *p = guard + page - n;

	memcpy(p, m->u.b, n);
	return same((const struct nlmsghdr *)p, &opts, NULL);
}

START_TEST(hostile)
{
	static const uint32_t many[31] = { 1 };
	struct msg m;
	uint8_t via[7] = { AF_INET, 0, 1, 2, 3, 4, 5 };
	uint32_t e;

	bench_route(&m, 16);
	m.u.nlh.nlmsg_len -= 2;		/* the device cut short */
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	bench_route(&m, 16);
	put_raw(&m, RTA_OIF, 2, &e, 0);	/* nla_len below its header */
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	bench_route(&m, 16);
	put_raw(&m, 40, 200, &e, 4);	/* longer than what is left */
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	bench_route(&m, 16);
	put(&m, RTA_OIF, &e, 3);	/* bad lengths */
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	bench_route(&m, 16);
	put(&m, RTA_VIA, via, sizeof(via));
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	bench_route(&m, 16);
	e = htonl(16 << 12);		/* no bottom of stack */
	put(&m, RTA_NEWDST, &e, 4);
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	msg_init(&m, RTM_NEWROUTE);
	put(&m, RTA_DST, &e, 4);
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	msg_init(&m, RTM_NEWROUTE);
	put(&m, RTA_DST, via, 6);	/* not whole entries */
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	msg_init(&m, RTM_NEWROUTE);
	put_labels(&m, RTA_DST, many, 31);	/* one label too many */
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
	msg_init(&m, RTM_NEWROUTE);
	put_labels(&m, RTA_DST, many, 30);	/* as many as allowed */
	ck_assert_int_gt(at_edge(&m), 0);
	msg_init(&m, RTM_NEWROUTE);
	m.u.nlh.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg)) - 1;
	ck_assert_int_eq(at_edge(&m), -EAGAIN);	/* a cut rtmsg */
	m.u.nlh.nlmsg_len = NLMSG_HDRLEN;
	ck_assert_int_eq(at_edge(&m), -EAGAIN);
}
END_TEST

/* a tiny generator: random bytes are mostly refused, so mutate routes */
static uint32_t seed = 12345;

static uint32_t rnd(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

static void random_route(struct msg *m)
{
	uint32_t l[4], v;
	struct rtmsg *rtm = msg_init(m, RTM_NEWROUTE);
	unsigned int i, n = rnd(7);
	uint8_t via[8];
	uint16_t fam;

	rtm->rtm_dst_len = (uint8_t)(rnd(4) ? 20 : rnd(256));
	rtm->rtm_protocol = (uint8_t)(rnd(3) ? RTPROT_BOOT : rnd(256));
	for (i = 0; i < n; i++) {
		switch (rnd(8)) {
		case 0: case 1:
			l[0] = rnd(1 << 20);
			l[1] = rnd(1 << 20);
			put_labels(m, rnd(2) ? RTA_DST : RTA_NEWDST, l,
				   1 + rnd(2));
			break;
		case 2:
			fam = rnd(4) ? AF_INET : (uint16_t)rnd(30);
			memcpy(via, &fam, 2);
			v = rnd(UINT32_MAX);
			memcpy(via + 2, &v, 4);
			put(m, RTA_VIA, via, rnd(5) ? 6 : rnd(9));
			break;
		case 3:
			put_u32(m, RTA_OIF, rnd(20));
			break;
		case 4:
			via[0] = (uint8_t)rnd(3);
			put(m, RTA_TTL_PROPAGATE, via, rnd(6) ? 1 : 2);
			break;
		default:
			put(m, (uint16_t)rnd(50), l, rnd(9));
			break;
		}
	}
	if (!rnd(4))	/* a byte flipped somewhere */
		m->u.b[rnd((uint32_t)m->len)] ^= (uint8_t)(1 + rnd(255));
	if (!rnd(8))
		m->u.nlh.nlmsg_len = (uint32_t)m->len;
}

START_TEST(random_routes)
{
	struct msg m;
	int i;

	taken = declined = 0;
	for (i = 0; i < 200000; i++) {
		random_route(&m);
		if (m.u.nlh.nlmsg_len > m.len || m.u.nlh.nlmsg_len < 16)
			continue;	/* a dump checks this much */
		at_edge(&m);
	}
	/* both paths well used, or the generator proves nothing */
	ck_assert_uint_gt(taken, 20000);
	ck_assert_uint_gt(declined, 20000);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("print_fast");
	TCase *tc = tcase_create("format_msg");
	TCase *th = tcase_create("hostile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, bench_shape);
	tcase_add_test(tc, every_label);
	tcase_add_test(tc, shapes);
	tcase_add_test(tc, unknown_types);
	tcase_add_test(tc, left_to_decoder);
	tcase_add_test(tc, bad_arguments);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(th, guard_setup, guard_teardown);
	tcase_add_test(th, hostile);
	tcase_add_test(th, random_routes);
	tcase_set_timeout(th, 60);
	suite_add_tcase(s, th);
	return unit_run(s);
}
