/* check_route_api.c: the route object (setters, getters, requests) against
 * the recorded requests, through the public header only */
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <linux/lwtunnel.h>
#include <libmnl/libmnl.h>
#include "mplsroute.h"
#include "unit.h"
#include "recorded.h"

#ifndef AF_MPLS
#define AF_MPLS 28
#endif

static unsigned char buf[16384];
static struct mplsroute_route *rt;

static void setup(void)
{
	rt = mplsroute_route_new();
	ck_assert_ptr_nonnull(rt);
}

static void teardown(void)
{
	mplsroute_route_free(rt);
	rt = NULL;
}

/* ---- values as a daemon has them ---- */

static struct mplsroute_addr v4(const char *s, int plen)
{
	struct mplsroute_addr a = { .family = AF_INET };

	ck_assert_int_eq(inet_pton(AF_INET, s, a.data), 1);
	a.bitlen = (uint8_t)plen;	/* bytelen is completed by set_dst */
	return a;
}

static struct mplsroute_addr v6(const char *s, int plen)
{
	struct mplsroute_addr a = { .family = AF_INET6 };

	ck_assert_int_eq(inet_pton(AF_INET6, s, a.data), 1);
	a.bitlen = (uint8_t)plen;
	return a;
}

static struct mplsroute_labels stack(const char *s)
{
	struct mplsroute_labels ls;

	ck_assert_int_eq(mplsroute_labels_parse(&ls, s), 0);
	return ls;
}

static struct mplsroute_nexthop *path(void)
{
	return mplsroute_route_path(rt);
}

static void dst(struct mplsroute_addr a)
{
	ck_assert_int_eq(mplsroute_route_set_dst(rt, &a), 0);
}

static void label(uint32_t l)
{
	ck_assert_int_eq(mplsroute_route_set_label(rt, l), 0);
}

static void via(struct mplsroute_nexthop *nh, struct mplsroute_addr a)
{
	ck_assert_int_eq(mplsroute_nexthop_set_via(nh, &a), 0);
}

static void as(struct mplsroute_nexthop *nh, const char *s)
{
	struct mplsroute_labels ls = stack(s);

	ck_assert_int_eq(mplsroute_nexthop_set_newdst(nh, &ls), 0);
}

static void encap(struct mplsroute_nexthop *nh, const char *s, int ttl)
{
	struct mplsroute_labels ls = stack(s);

	ck_assert_int_eq(mplsroute_nexthop_set_encap(nh, &ls, ttl), 0);
}

static void dev(struct mplsroute_nexthop *nh, uint32_t ifindex)
{
	ck_assert_int_eq(mplsroute_nexthop_set_oif(nh, ifindex), 0);
}

/* "nexthop [encap mpls E] [as A] via GW dev IFINDEX weight W" */
static void nexthop(const char *e, const char *a, struct mplsroute_addr gw,
		    uint32_t ifindex, unsigned weight)
{
	struct mplsroute_nexthop *nh = mplsroute_route_add_nexthop(rt);

	ck_assert_ptr_nonnull(nh);
	if (e)
		encap(nh, e, -1);
	if (a)
		as(nh, a);
	via(nh, gw);
	dev(nh, ifindex);
	ck_assert_int_eq(mplsroute_nexthop_set_weight(nh, weight), 0);
}

/* ---- the seed's six routes (README "Using ipmpls") ---- */

/* r1: route add 10.4.4.0/24 encap mpls 100 via inet 192.168.30.102 */
static void seed_r1_encap(void)
{
	dst(v4("10.4.4.0", 24));
	encap(path(), "100", -1);
	via(path(), v4("192.168.30.102", 32));
}

/* r1: -f mpls route add 210 via inet 10.3.3.2 dev veth0-host (13) */
static void seed_r1_pop(void)
{
	label(210);
	via(path(), v4("10.3.3.2", 32));
	dev(path(), 13);
}

/* r2: -f mpls route add 100 as 110 via inet 192.168.40.102 */
static void seed_r2_swap1(void)
{
	label(100);
	as(path(), "110");
	via(path(), v4("192.168.40.102", 32));
}

/* r2: -f mpls route add 200 as 210 via inet 192.168.30.101 */
static void seed_r2_swap2(void)
{
	label(200);
	as(path(), "210");
	via(path(), v4("192.168.30.101", 32));
}

/* r3: route add 10.3.3.0/24 encap mpls 200 via inet 192.168.40.101 */
static void seed_r3_encap(void)
{
	dst(v4("10.3.3.0", 24));
	encap(path(), "200", -1);
	via(path(), v4("192.168.40.101", 32));
}

/* r3: -f mpls route add 110 via inet 10.4.4.2 dev veth0-host (13) */
static void seed_r3_pop(void)
{
	label(110);
	via(path(), v4("10.4.4.2", 32));
	dev(path(), 13);
}

/* ---- more of ip's words ---- */

/* enc-multipath-weight: route add 10.6.6.0/24 nexthop via 192.168.30.102
 * dev eth1 weight 2 nexthop via 192.168.40.102 dev eth2 weight 1 */
static void enc_multipath_weight(void)
{
	dst(v4("10.6.6.0", 24));
	nexthop(NULL, NULL, v4("192.168.30.102", 32), 11, 2);
	nexthop(NULL, NULL, v4("192.168.40.102", 32), 12, 1);
}

/* enc-multipath: nexthop encap mpls 100 via ... nexthop encap mpls 200 */
static void enc_multipath(void)
{
	dst(v4("10.6.6.0", 24));
	nexthop("100", NULL, v4("192.168.30.102", 32), 11, 1);
	nexthop("200", NULL, v4("192.168.40.102", 32), 12, 1);
}

/* beyond/dev-mpls-multipath: -f mpls route add 100 nexthop as 200 via ... */
static void mpls_multipath(void)
{
	label(100);
	nexthop(NULL, "200", v4("192.168.30.102", 32), 11, 1);
	nexthop(NULL, "300", v4("192.168.40.102", 32), 12, 1);
}

/* extra/encap-ttl: ... encap mpls 100 ttl 10 via inet ... dev eth1 */
static void encap_ttl(void)
{
	dst(v4("10.4.4.0", 24));
	encap(path(), "100", 10);
	via(path(), v4("192.168.30.102", 32));
	dev(path(), 11);
}

/* extra/encap-ttl-nexthop: nexthop encap mpls 100 ttl 7 via ... */
static void encap_ttl_nexthop(void)
{
	struct mplsroute_nexthop *nh;

	dst(v4("10.4.4.0", 24));
	nh = mplsroute_route_add_nexthop(rt);
	encap(nh, "100", 7);
	via(nh, v4("192.168.30.102", 32));
	dev(nh, 11);
	nexthop(NULL, NULL, v4("192.168.40.102", 32), 12, 1);
}

/* extra/ttl-prop-enabled: 100 as 200 via ... dev eth1 ttl-propagate enabled */
static void ttl_prop_enabled(void)
{
	label(100);
	as(path(), "200");
	via(path(), v4("192.168.30.102", 32));
	dev(path(), 11);
	ck_assert_int_eq(mplsroute_route_set_ttl_propagate(rt, 1), 0);
}

/* extra/ttl-prop-disabled: 101 ttl-propagate disabled via ... dev eth2 */
static void ttl_prop_disabled(void)
{
	label(101);
	ck_assert_int_eq(mplsroute_route_set_ttl_propagate(rt, 0), 0);
	via(path(), v4("192.168.40.102", 32));
	dev(path(), 12);
}

/* enc-table: ... via inet 192.168.30.102 table 100 */
static void enc_table(void)
{
	seed_r1_encap();
	ck_assert_int_eq(mplsroute_route_set_table(rt, 100), 0);
}

/* enc-proto: ... via inet 192.168.30.102 proto static */
static void enc_proto(void)
{
	seed_r1_encap();
	ck_assert_int_eq(mplsroute_route_set_protocol(rt, RTPROT_STATIC), 0);
}

/* enc-metric: ... via inet 192.168.30.102 metric 10 */
static void enc_metric(void)
{
	seed_r1_encap();
	ck_assert_int_eq(mplsroute_route_set_priority(rt, 10), 0);
}

/* mpls-table: -f mpls route add 100 as 110 via inet ... table main */
static void mpls_table(void)
{
	seed_r2_swap1();
	ck_assert_int_eq(mplsroute_route_set_table(rt, RT_TABLE_MAIN), 0);
}

/* mpls-via6: -f mpls route add 300 as 310 via inet6 2001:db8:30::102 dev
 * eth1 */
static void mpls_via6(void)
{
	label(300);
	as(path(), "310");
	via(path(), v6("2001:db8:30::102", 128));
	dev(path(), 11);
}

/* enc6-via6: -6 route add 2001:db8:99::/64 encap mpls 300 via ... eth1 */
static void enc6_via6(void)
{
	dst(v6("2001:db8:99::", 64));
	encap(path(), "300", -1);
	via(path(), v6("2001:db8:30::102", 128));
	dev(path(), 11);
}

/* enc-default: route add default encap mpls 100 via inet 192.168.30.102 */
static void enc_default(void)
{
	dst(v4("0.0.0.0", 0));
	encap(path(), "100", -1);
	via(path(), v4("192.168.30.102", 32));
}

/* mpls-del: -f mpls route del 100; enc-del: route del 10.4.4.0/24 */
static void mpls_del(void)
{
	label(100);
}

static void enc_del(void)
{
	dst(v4("10.4.4.0", 24));
}

/* beyond/dev-enc-last-dev: ... via ... dev eth1 encap mpls 100/200 */
static void enc_last_dev(void)
{
	dst(v4("10.4.4.0", 24));
	via(path(), v4("192.168.30.102", 32));
	dev(path(), 11);
	encap(path(), "100/200", -1);
}

struct rcase {
	const char *dir;	/* under testsuite/data/iproute2-4.4 */
	void (*fill)(void);
	enum mplsroute_op op;
	int pad_at;	/* a pad byte the recording has garbage in, or -1 */
};

#define EXTRA "../../golden/extra/"

static const struct rcase cases[] = {
	{ "cases/seed-r1-encap", seed_r1_encap, MPLSROUTE_OP_ADD, -1 },
	{ "cases/seed-r1-pop", seed_r1_pop, MPLSROUTE_OP_ADD, -1 },
	{ "cases/seed-r2-swap1", seed_r2_swap1, MPLSROUTE_OP_ADD, -1 },
	{ "cases/seed-r2-swap2", seed_r2_swap2, MPLSROUTE_OP_ADD, -1 },
	{ "cases/seed-r3-encap", seed_r3_encap, MPLSROUTE_OP_ADD, -1 },
	{ "cases/seed-r3-pop", seed_r3_pop, MPLSROUTE_OP_ADD, -1 },
	{ "cases/enc-replace", seed_r1_encap, MPLSROUTE_OP_REPLACE, -1 },
	{ "cases/enc-append", seed_r1_encap, MPLSROUTE_OP_APPEND, -1 },
	{ EXTRA "cmd-test", seed_r1_encap, MPLSROUTE_OP_TEST, -1 },
	{ EXTRA "cmd-prepend", seed_r1_encap, MPLSROUTE_OP_PREPEND, -1 },
	{ "cases/mpls-del", mpls_del, MPLSROUTE_OP_DEL, -1 },
	{ "cases/enc-del", enc_del, MPLSROUTE_OP_DEL, -1 },
	{ "cases/enc-multipath-weight", enc_multipath_weight,
	  MPLSROUTE_OP_ADD, -1 },
	/* 4.4 left a stack byte in the second nexthop's RTA_ENCAP_TYPE pad */
	{ "cases/enc-multipath", enc_multipath, MPLSROUTE_OP_ADD, 103 },
	{ "beyond/dev-mpls-multipath", mpls_multipath, MPLSROUTE_OP_ADD, -1 },
	{ EXTRA "encap-ttl", encap_ttl, MPLSROUTE_OP_ADD, -1 },
	{ EXTRA "encap-ttl-nexthop", encap_ttl_nexthop, MPLSROUTE_OP_ADD, -1 },
	{ EXTRA "ttl-prop-enabled", ttl_prop_enabled, MPLSROUTE_OP_ADD, -1 },
	{ EXTRA "ttl-prop-disabled", ttl_prop_disabled, MPLSROUTE_OP_ADD, -1 },
	{ "cases/enc-table", enc_table, MPLSROUTE_OP_ADD, -1 },
	{ "cases/enc-proto", enc_proto, MPLSROUTE_OP_ADD, -1 },
	{ "cases/enc-metric", enc_metric, MPLSROUTE_OP_ADD, -1 },
	{ "cases/mpls-table", mpls_table, MPLSROUTE_OP_ADD, -1 },
	{ "cases/mpls-via6", mpls_via6, MPLSROUTE_OP_ADD, -1 },
	{ "cases/enc6-via6", enc6_via6, MPLSROUTE_OP_ADD, -1 },
	{ "cases/enc-default", enc_default, MPLSROUTE_OP_ADD, -1 },
	{ "beyond/dev-enc-last-dev", enc_last_dev, MPLSROUTE_OP_ADD, -1 },
};

#define NCASES ((int)(sizeof(cases) / sizeof(cases[0])))

/* the request of case @c, compared with its recording; its length */
static int request_matches(const struct rcase *c)
{
	unsigned char want[4096];
	const char *hex = unit_recorded(c->dir, NULL);
	int n, wn;

	memset(buf, 0xee, sizeof(buf));
	n = mplsroute_route_request(buf, sizeof(buf), rt, c->op);
	ck_assert_int_gt(n, 0);
	wn = unit_hex2bin(hex, want, sizeof(want));
	ck_assert_int_eq(n, wn);
	if (c->pad_at >= 0) {
		/* the recording's garbage pad byte: ours is zero */
		ck_assert_int_eq(buf[c->pad_at], 0);
		buf[c->pad_at] = want[c->pad_at];
	}
	ck_assert_hex(buf, n, hex);
	return n;
}

START_TEST(test_recorded)
{
	cases[_i].fill();
	request_matches(&cases[_i]);
}
END_TEST

/* reset gives a route that builds the same as a new one */
START_TEST(test_reset_reuse)
{
	seed_r3_encap();
	ck_assert_int_eq(mplsroute_route_set_protocol(rt, RTPROT_STATIC), 0);
	ck_assert_int_eq(mplsroute_route_set_table(rt, 1000), 0);
	mplsroute_route_add_nexthop(rt);
	mplsroute_route_reset(rt);
	ck_assert_uint_eq(mplsroute_route_nexthop_count(rt), 1);
	ck_assert_int_eq(mplsroute_route_get_family(rt), 0);
	cases[_i].fill();
	request_matches(&cases[_i]);
}
END_TEST

/* decode(request(rt)) reads back through the getters as it was set */
START_TEST(test_roundtrip_seed)
{
	struct mplsroute_route *back = mplsroute_route_new();
	const struct mplsroute_nexthop *nh;
	struct mplsroute_labels ls;
	struct mplsroute_addr a;
	uint32_t l;
	int ttl = 0;

	seed_r1_encap();
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), rt,
						 MPLSROUTE_OP_ADD), 0);
	ck_assert_int_eq(mplsroute_route_decode((struct nlmsghdr *)buf, back),
			 0);
	ck_assert_int_eq(mplsroute_route_get_family(back), AF_INET);
	ck_assert_int_eq(mplsroute_route_get_dst(back, &a), 0);
	ck_assert_int_eq(a.bitlen, 24);
	ck_assert_int_eq(memcmp(a.data, "\x0a\x04\x04\x00", 4), 0);
	ck_assert_int_eq(mplsroute_route_get_label(back, &l), -ENOENT);
	ck_assert_uint_eq(mplsroute_route_get_table(back), RT_TABLE_MAIN);
	ck_assert_int_eq(mplsroute_route_get_protocol(back), RTPROT_BOOT);
	ck_assert_int_eq(mplsroute_route_get_scope(back), RT_SCOPE_UNIVERSE);
	ck_assert_int_eq(mplsroute_route_get_type(back), RTN_UNICAST);
	ck_assert_int_eq(mplsroute_route_get_priority(back, &l), -ENOENT);
	ck_assert_int_eq(mplsroute_route_get_ttl_propagate(back), -ENOENT);
	ck_assert_uint_eq(mplsroute_route_nexthop_count(back), 1);
	nh = mplsroute_route_nexthop(back, 0);
	ck_assert_ptr_nonnull(nh);
	ck_assert_ptr_null(mplsroute_route_nexthop(back, 1));
	ck_assert_int_eq(mplsroute_nexthop_get_encap(nh, &ls, &ttl), 0);
	ck_assert_int_eq(ls.n, 1);
	ck_assert_uint_eq(ls.label[0], 100);
	ck_assert_int_eq(ttl, -1);
	ck_assert_int_eq(mplsroute_nexthop_get_newdst(nh, &ls), -ENOENT);
	ck_assert_int_eq(mplsroute_nexthop_get_via(nh, &a), 0);
	ck_assert_int_eq(a.family, AF_INET);
	ck_assert_int_eq(memcmp(a.data, "\xc0\xa8\x1e\x66", 4), 0);
	ck_assert_uint_eq(mplsroute_nexthop_get_oif(nh), 0);
	mplsroute_route_free(back);
}
END_TEST

/* an MPLS swap with everything: label, as, via inet6, dev, table, proto,
 * metric, ttl-propagate, mtu; read back after decoding */
START_TEST(test_roundtrip_mpls)
{
	struct mplsroute_route *back = mplsroute_route_new();
	const struct mplsroute_nexthop *nh;
	struct mplsroute_labels ls;
	struct mplsroute_addr a;
	uint32_t v;

	mpls_via6();
	ck_assert_int_eq(mplsroute_route_set_table(rt, 1000), 0);
	ck_assert_int_eq(mplsroute_route_set_protocol(rt, RTPROT_STATIC), 0);
	ck_assert_int_eq(mplsroute_route_set_priority(rt, 7), 0);
	ck_assert_int_eq(mplsroute_route_set_ttl_propagate(rt, 0), 0);
	ck_assert_int_eq(mplsroute_route_set_metric(rt, RTAX_MTU, 1400), 0);
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), rt,
						 MPLSROUTE_OP_REPLACE), 0);
	ck_assert_int_eq(mplsroute_route_decode((struct nlmsghdr *)buf, back),
			 0);
	ck_assert_int_eq(mplsroute_route_get_family(back), AF_MPLS);
	ck_assert_int_eq(mplsroute_route_get_label(back, &v), 0);
	ck_assert_uint_eq(v, 300);
	ck_assert_int_eq(mplsroute_route_get_dst(back, &a), 0);
	ck_assert_int_eq(a.bitlen, 20);
	ck_assert_uint_eq(mplsroute_route_get_table(back), 1000);
	ck_assert_int_eq(mplsroute_route_get_protocol(back), RTPROT_STATIC);
	ck_assert_int_eq(mplsroute_route_get_priority(back, &v), 0);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(mplsroute_route_get_ttl_propagate(back), 0);
	ck_assert_int_eq(mplsroute_route_get_metric(back, RTAX_MTU, &v), 0);
	ck_assert_uint_eq(v, 1400);
	ck_assert_int_eq(mplsroute_route_get_metric(back, RTAX_ADVMSS, &v),
			 -ENOENT);
	nh = mplsroute_route_nexthop(back, 0);
	ck_assert_int_eq(mplsroute_nexthop_get_newdst(nh, &ls), 0);
	ck_assert_uint_eq(ls.label[0], 310);
	ck_assert_int_eq(mplsroute_nexthop_get_via(nh, &a), 0);
	ck_assert_int_eq(a.family, AF_INET6);
	ck_assert_uint_eq(mplsroute_nexthop_get_oif(nh), 11);
	ck_assert_int_eq(mplsroute_nexthop_get_encap(nh, &ls, NULL), -ENOENT);
	mplsroute_route_free(back);
}
END_TEST

/* multipath with weights and an encap ttl, read back nexthop by nexthop */
START_TEST(test_roundtrip_multipath)
{
	struct mplsroute_route *back = mplsroute_route_new();
	const struct mplsroute_nexthop *nh;
	struct mplsroute_labels ls;
	int ttl;

	encap_ttl_nexthop();
	ck_assert_int_eq(mplsroute_nexthop_set_weight(
		(struct mplsroute_nexthop *)mplsroute_route_nexthop(rt, 1),
		5), 0);
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), rt,
						 MPLSROUTE_OP_ADD), 0);
	ck_assert_int_eq(mplsroute_route_decode((struct nlmsghdr *)buf, back),
			 0);
	ck_assert_uint_eq(mplsroute_route_nexthop_count(back), 2);
	nh = mplsroute_route_nexthop(back, 0);
	ck_assert_int_eq(mplsroute_nexthop_get_encap(nh, &ls, &ttl), 0);
	ck_assert_int_eq(ttl, 7);
	ck_assert_uint_eq(mplsroute_nexthop_get_weight(nh), 1);
	ck_assert_uint_eq(mplsroute_nexthop_get_oif(nh), 11);
	nh = mplsroute_route_nexthop(back, 1);
	ck_assert_uint_eq(mplsroute_nexthop_get_weight(nh), 5);
	ck_assert_uint_eq(mplsroute_nexthop_get_oif(nh), 12);
	ck_assert_int_eq(mplsroute_nexthop_get_encap(nh, &ls, &ttl), -ENOENT);
	ck_assert_ptr_null(mplsroute_route_nexthop(back, 2));
	/* the decoded route requests the same bytes again */
	ck_assert_int_eq(mplsroute_route_request(buf + 8192, 8192, back,
			 MPLSROUTE_OP_ADD),
			 (int)((struct nlmsghdr *)buf)->nlmsg_len);
	ck_assert_int_eq(memcmp(buf, buf + 8192,
				((struct nlmsghdr *)buf)->nlmsg_len), 0);
	mplsroute_route_free(back);
}
END_TEST

/* setting again replaces in place: the wire order is the first-set one */
START_TEST(test_set_again)
{
	static const struct rcase c = { "cases/seed-r2-swap1", NULL,
					MPLSROUTE_OP_ADD, -1 };
	struct mplsroute_addr a = v4("1.2.3.4", 32);

	label(999);
	as(path(), "555");
	via(path(), a);
	seed_r2_swap1();	/* label 100, as 110, via: the same places */
	request_matches(&c);
}
END_TEST

/* metrics in first-set order, a value set again in place, lock last */
START_TEST(test_metrics)
{
	uint32_t v;
	int n;

	seed_r1_encap();
	ck_assert_int_eq(mplsroute_route_set_metric(rt, RTAX_ADVMSS, 1), 0);
	ck_assert_int_eq(mplsroute_route_set_metric(rt, RTAX_LOCK,
						    1u << RTAX_MTU), 0);
	ck_assert_int_eq(mplsroute_route_set_metric(rt, RTAX_MTU, 1400), 0);
	ck_assert_int_eq(mplsroute_route_set_metric(rt, RTAX_ADVMSS, 1300), 0);
	ck_assert_int_eq(mplsroute_route_set_metric(rt, 0, 1), -EINVAL);
	ck_assert_int_eq(mplsroute_route_set_metric(rt, RTAX_CC_ALGO, 1),
			 -EINVAL);
	ck_assert_int_eq(mplsroute_route_get_metric(rt, RTAX_ADVMSS, &v), 0);
	ck_assert_uint_eq(v, 1300);
	n = mplsroute_route_request(buf, sizeof(buf), rt, MPLSROUTE_OP_ADD);
	ck_assert_int_eq(n, 0x40 + 28);
	/* RTA_METRICS { ADVMSS 1300, MTU 1400, LOCK 1 << MTU } at the end */
	ck_assert_hex(buf + 0x40, 28, "1c000800" "08000800" "14050000"
		      "08000200" "78050000" "08000100" "04000000");
}
END_TEST

/* the defaults follow the op: one route object serves add and del */
START_TEST(test_defaults_by_op)
{
	const struct rtmsg *rtm = (const void *)(buf + 16);

	enc_del();
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), rt,
						 MPLSROUTE_OP_ADD), 0);
	ck_assert_int_eq(rtm->rtm_protocol, RTPROT_BOOT);
	ck_assert_int_eq(rtm->rtm_scope, RT_SCOPE_LINK);	/* no via */
	ck_assert_int_eq(rtm->rtm_type, RTN_UNICAST);
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), rt,
						 MPLSROUTE_OP_DEL), 0);
	ck_assert_int_eq(rtm->rtm_protocol, 0);
	ck_assert_int_eq(rtm->rtm_scope, RT_SCOPE_NOWHERE);
	ck_assert_int_eq(rtm->rtm_type, RTN_UNSPEC);
	ck_assert_int_eq(rtm->rtm_table, RT_TABLE_MAIN);
	ck_assert_int_eq(mplsroute_route_set_type(rt, RTN_LOCAL), 0);
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), rt,
						 MPLSROUTE_OP_ADD), 0);
	ck_assert_int_eq(rtm->rtm_table, RT_TABLE_LOCAL);
	ck_assert_int_eq(rtm->rtm_scope, RT_SCOPE_HOST);
	ck_assert_int_eq(mplsroute_route_set_scope(rt, RT_SCOPE_LINK), 0);
	ck_assert_int_eq(mplsroute_route_set_tos(rt, 0x10), 0);
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), rt,
						 MPLSROUTE_OP_DEL), 0);
	ck_assert_int_eq(rtm->rtm_scope, RT_SCOPE_LINK);
	ck_assert_int_eq(rtm->rtm_tos, 0x10);
	ck_assert_int_eq(rtm->rtm_type, RTN_LOCAL);
}
END_TEST

/* a via with no family set: the route takes it (RTA_GATEWAY), flags */
START_TEST(test_via_family_flags)
{
	const struct rtmsg *rtm = (const void *)(buf + 16);
	struct mplsroute_addr a = v4("10.0.0.1", 32);
	int n;

	via(path(), a);
	ck_assert_int_eq(mplsroute_nexthop_set_flags(path(), RTNH_F_ONLINK),
			 0);
	ck_assert_int_eq(mplsroute_nexthop_set_flags(path(), 0x100), -EINVAL);
	n = mplsroute_route_request(buf, sizeof(buf), rt, MPLSROUTE_OP_ADD);
	ck_assert_int_eq(n, 16 + 12 + 8);
	ck_assert_int_eq(rtm->rtm_family, AF_INET);
	ck_assert_uint_eq(rtm->rtm_flags, RTNH_F_ONLINK);
	ck_assert_hex(buf + 28, 8, "08000500" "0a000001");
	ck_assert_uint_eq(mplsroute_nexthop_get_flags(path()), RTNH_F_ONLINK);
}
END_TEST

/* bad values are refused and change nothing */
START_TEST(test_bad_values)
{
	struct mplsroute_labels ls = { .n = 0 };
	struct mplsroute_addr a = v6("2001:db8::", 64);
	struct mplsroute_addr bad = { .family = AF_PACKET };
	int i;

	ck_assert_int_eq(mplsroute_route_set_label(rt, 1u << 20), -ERANGE);
	ck_assert_int_eq(mplsroute_route_set_family(rt, AF_PACKET),
			 -EAFNOSUPPORT);
	ck_assert_int_eq(mplsroute_route_set_dst(rt, &bad), -EAFNOSUPPORT);
	ck_assert_int_eq(mplsroute_route_set_dst(rt, NULL), -EINVAL);
	a.bitlen = 129;
	ck_assert_int_eq(mplsroute_route_set_dst(rt, &a), -EINVAL);
	label(100);
	a.bitlen = 64;
	ck_assert_int_eq(mplsroute_route_set_dst(rt, &a), -EAFNOSUPPORT);
	ck_assert_int_eq(mplsroute_nexthop_set_newdst(path(), &ls), -EINVAL);
	ls.n = MPLSROUTE_MAX_LABELS + 1;
	ck_assert_int_eq(mplsroute_nexthop_set_encap(path(), &ls, -1), -E2BIG);
	ls = stack("100");
	ls.label[0] = 1u << 20;
	ck_assert_int_eq(mplsroute_nexthop_set_newdst(path(), &ls), -ERANGE);
	ls = stack("100");
	ck_assert_int_eq(mplsroute_nexthop_set_encap(path(), &ls, 256),
			 -ERANGE);
	ck_assert_int_eq(mplsroute_nexthop_set_weight(path(), 0), -ERANGE);
	ck_assert_int_eq(mplsroute_nexthop_set_weight(path(), 257), -ERANGE);
	ck_assert_int_eq(mplsroute_route_set_ttl_propagate(rt, 2), -EINVAL);
	ck_assert_int_eq(mplsroute_route_request(buf, sizeof(buf), rt,
						 (enum mplsroute_op)99),
			 -EINVAL);
	ck_assert_int_eq(mplsroute_route_request(buf, 20, rt,
						 MPLSROUTE_OP_ADD), -EMSGSIZE);
	/* still "-f mpls route del 100" */
	request_matches(&cases[10]);
	for (i = 0; i < 32; i++)
		ck_assert_ptr_nonnull(mplsroute_route_add_nexthop(rt));
	errno = 0;
	ck_assert_ptr_null(mplsroute_route_add_nexthop(rt));
	ck_assert_int_eq(errno, E2BIG);
}
END_TEST

/* apply through a replay socket: the recorded bytes, and 0 */
START_TEST(test_apply_replay)
{
	char path[] = "/tmp/check_route_api.XXXXXX";
	char line[4096], want[4096];
	struct mplsroute_sock *s;
	FILE *f;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(mplsroute_sock_open_replay(&s, path, NULL), 0);
	seed_r2_swap2();
	ck_assert_int_eq(mplsroute_route_add(s, rt), 0);
	ck_assert_int_eq(mplsroute_route_replace(s, rt), 0);
	ck_assert_int_eq(mplsroute_route_del(s, rt), 0);
	mplsroute_sock_close(s);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	snprintf(want, sizeof(want), "RTM_NEWROUTE 0x605 %s\n",
		 unit_recorded("cases/seed-r2-swap2", NULL));
	ck_assert_str_eq(line, want);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	ck_assert_int_eq(strncmp(line, "RTM_NEWROUTE 0x505 ", 19), 0);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	ck_assert_int_eq(strncmp(line, "RTM_DELROUTE 0x5 ", 17), 0);
	fclose(f);
	unlink(path);
}
END_TEST

/* a dump's routes are read with the getters, and deleted as they are */
static int seen_cb(const struct nlmsghdr *nlh,
		   const struct mplsroute_route *r, void *data)
{
	static const uint32_t in[] = { 100, 200 }, out[] = { 110, 210 };
	static const uint32_t oif[] = { 12, 11 };
	const struct mplsroute_nexthop *nh;
	struct mplsroute_labels ls;
	struct mplsroute_addr a;
	unsigned int *n = data;
	const struct rtmsg *rtm = (const void *)(buf + 16);
	uint32_t l;

	ck_assert_ptr_nonnull(r);
	ck_assert_uint_lt(*n, 2);
	ck_assert_int_eq(mplsroute_route_get_label(r, &l), 0);
	ck_assert_uint_eq(l, in[*n]);
	ck_assert_uint_eq(mplsroute_route_nexthop_count(r), 1);
	nh = mplsroute_route_nexthop(r, 0);
	ck_assert_int_eq(mplsroute_nexthop_get_newdst(nh, &ls), 0);
	ck_assert_uint_eq(ls.label[0], out[*n]);
	ck_assert_int_eq(mplsroute_nexthop_get_via(nh, &a), 0);
	ck_assert_int_eq(a.family, AF_INET);
	ck_assert_uint_eq(mplsroute_nexthop_get_oif(nh), oif[*n]);
	ck_assert_int_eq(mplsroute_route_get_protocol(r), RTPROT_BOOT);
	/* the del of a decoded route carries its protocol, scope and type */
	ck_assert_int_gt(mplsroute_route_request(buf, sizeof(buf), r,
						 MPLSROUTE_OP_DEL), 0);
	ck_assert_int_eq(rtm->rtm_protocol, RTPROT_BOOT);
	ck_assert_int_eq(rtm->rtm_type, RTN_UNICAST);
	ck_assert_int_eq(rtm->rtm_table, RT_TABLE_MAIN);
	(void)nlh;
	(*n)++;
	return 0;
}

START_TEST(test_dump_getters)
{
	char path[512];
	const char *top = getenv("TOP");
	struct mplsroute_sock *s;
	unsigned int n = 0;

	snprintf(path, sizeof(path), "%s/testsuite/data/iproute2-4.4/cases/"
		 "show-seed-r2/responses", top ? top : ".");
	ck_assert_int_eq(mplsroute_sock_open_replay(&s, "/dev/null", path), 0);
	ck_assert_int_eq(mplsroute_route_dump(s, AF_MPLS, seen_cb, &n), 0);
	ck_assert_uint_eq(n, 2);
	mplsroute_sock_close(s);
}
END_TEST

static Suite *route_api_suite(void)
{
	Suite *s = suite_create("route_api");
	TCase *tc = tcase_create("route_api");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_recorded, 0, NCASES);
	tcase_add_loop_test(tc, test_reset_reuse, 0, NCASES);
	tcase_add_test(tc, test_roundtrip_seed);
	tcase_add_test(tc, test_roundtrip_mpls);
	tcase_add_test(tc, test_roundtrip_multipath);
	tcase_add_test(tc, test_set_again);
	tcase_add_test(tc, test_metrics);
	tcase_add_test(tc, test_defaults_by_op);
	tcase_add_test(tc, test_via_family_flags);
	tcase_add_test(tc, test_bad_values);
	tcase_add_test(tc, test_apply_replay);
	tcase_add_test(tc, test_dump_getters);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(route_api_suite());
}
