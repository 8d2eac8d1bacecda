/* check_ops.c: unit tests for lib/netconf.c, lib/stats.c and lib/check.c */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/mpls.h>
#include <linux/netconf.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>
#include "mplsroute.h"
#include "unit.h"

static char buf[4096];

START_TEST(test_netconf_request)
{
	/* dump: header + netconfmsg (family mpls), REQUEST|DUMP */
	ck_assert_int_eq(mplsroute_netconf_request(buf, sizeof(buf), 28, 0),
			 20);
	ck_assert_hex(buf, 20, "1400000052000103000000000000000"
		      "01c000000");
	/* one device: NETCONFA_IFINDEX 2, REQUEST only */
	ck_assert_int_eq(mplsroute_netconf_request(buf, sizeof(buf), 28, 2),
			 28);
	ck_assert_hex(buf, 28, "1c0000005200010000000000000000001c000000"
		      "0800010002000000");
	ck_assert_int_eq(mplsroute_netconf_request(buf, 27, 28, 2), -EMSGSIZE);
}
END_TEST

/* a netconf message: @type, ifindex @idx, input @in (-1: no attribute) */
static struct nlmsghdr *netconf_msg(uint16_t type, int32_t idx, int in)
{
	struct nlmsghdr *nlh;
	struct netconfmsg *ncm;

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = type;
	ncm = mnl_nlmsg_put_extra_header(nlh, 4);
	ncm->ncm_family = 28;
	mnl_attr_put_u32(nlh, NETCONFA_IFINDEX, (uint32_t)idx);
	if (in >= 0)
		mnl_attr_put_u32(nlh, NETCONFA_INPUT, (uint32_t)in);
	mnl_attr_put_u32(nlh, 99, 7);	/* unknown: skipped */
	return nlh;
}

START_TEST(test_netconf_decode)
{
	struct mplsroute_netconf nc;
	struct nlmsghdr *nlh;

	nlh = netconf_msg(RTM_NEWNETCONF, 3, 1);
	ck_assert_int_eq(mplsroute_netconf_decode(nlh, &nc), 0);
	ck_assert_int_eq(nc.family, 28);
	ck_assert_int_eq(nc.deleted, 0);
	ck_assert_int_eq(nc.has_ifindex, 1);
	ck_assert_int_eq(nc.ifindex, 3);
	ck_assert_int_eq(nc.input, 1);
	nlh = netconf_msg(RTM_DELNETCONF, NETCONFA_IFINDEX_DEFAULT, -1);
	ck_assert_int_eq(mplsroute_netconf_decode(nlh, &nc), 0);
	ck_assert_int_eq(nc.deleted, 1);
	ck_assert_int_eq(nc.ifindex, -2);
	ck_assert_int_eq(nc.input, -1);
	nlh = netconf_msg(RTM_NEWROUTE, 3, 1);
	ck_assert_int_eq(mplsroute_netconf_decode(nlh, &nc), -EPROTO);
	/* an input attribute of two bytes */
	nlh = netconf_msg(RTM_NEWNETCONF, 3, -1);
	mnl_attr_put_u16(nlh, NETCONFA_INPUT, 1);
	ck_assert_int_eq(mplsroute_netconf_decode(nlh, &nc), -EINVAL);
	nlh->nlmsg_len = 16;
	ck_assert_int_eq(mplsroute_netconf_decode(nlh, &nc), -EBADMSG);
}
END_TEST

START_TEST(test_stats_request)
{
	/* if_stats_msg: ifindex 5, filter_mask IFLA_STATS_AF_SPEC's bit */
	ck_assert_int_eq(mplsroute_stats_request(buf, sizeof(buf), 5), 28);
	ck_assert_hex(buf, 28, "1c0000005e00010000000000000000000000000005"
		      "00000010000000");
	ck_assert_int_eq(mplsroute_stats_request(buf, sizeof(buf), 0), 28);
	ck_assert_int_eq(((struct nlmsghdr *)buf)->nlmsg_flags, 0x301);
}
END_TEST

/* RTM_NEWSTATS for ifindex 4: AF_SPEC { @fam { pad, LINK (@len bytes) } } */
static struct nlmsghdr *stats_msg(uint16_t fam, size_t len)
{
	struct mpls_link_stats ls = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	struct nlmsghdr *nlh;
	struct if_stats_msg *ism;
	struct nlattr *n1, *n2;

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_NEWSTATS;
	ism = mnl_nlmsg_put_extra_header(nlh, sizeof(*ism));
	ism->ifindex = 4;
	n1 = mnl_attr_nest_start(nlh, IFLA_STATS_AF_SPEC);
	n2 = mnl_attr_nest_start(nlh, fam);
	mnl_attr_put(nlh, MPLS_STATS_UNSPEC, 0, NULL);
	mnl_attr_put(nlh, MPLS_STATS_LINK, len, &ls);
	mnl_attr_nest_end(nlh, n2);
	mnl_attr_nest_end(nlh, n1);
	return nlh;
}

START_TEST(test_stats_decode)
{
	struct mplsroute_mpls_stats st;

	ck_assert_int_eq(mplsroute_stats_decode(stats_msg(AF_MPLS,
		sizeof(struct mpls_link_stats)), &st), 0);
	ck_assert_uint_eq(st.ifindex, 4);
	ck_assert_uint_eq(st.rx_packets, 1);
	ck_assert_uint_eq(st.tx_packets, 2);
	ck_assert_uint_eq(st.rx_bytes, 3);
	ck_assert_uint_eq(st.tx_bytes, 4);
	ck_assert_uint_eq(st.rx_errors, 5);
	ck_assert_uint_eq(st.tx_errors, 6);
	ck_assert_uint_eq(st.rx_dropped, 7);
	ck_assert_uint_eq(st.tx_dropped, 8);
	ck_assert_uint_eq(st.rx_noroute, 9);
	ck_assert_int_eq(mplsroute_stats_decode(stats_msg(AF_INET, 72), &st),
			 -ENOENT);
	ck_assert_int_eq(mplsroute_stats_decode(stats_msg(AF_MPLS, 64), &st),
			 -EINVAL);
}
END_TEST

static char dir[64];

/* @rel under dir: a directory (@val NULL) or a file holding @val */
static void put(const char *rel, const char *val)
{
	char p[256], cmd[300];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", dir, rel);
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", p);
	if (val)
		*strrchr(cmd, '/') = '\0', strcat(cmd, "'");
	ck_assert_int_eq(system(cmd), 0);
	if (!val)
		return;
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "%s\n", val);
	fclose(f);
}

/* mplsroute_check on the tree under dir (routes: none) */
static unsigned check(const char *const *devs, unsigned ndevs,
		      struct mplsroute_finding **l)
{
	struct mplsroute_check_opts o = { devs, ndevs, dir, dir };
	struct mplsroute_sock *s;
	char rec[96];
	unsigned n = 99;

	snprintf(rec, sizeof(rec), "%s/record", dir);
	ck_assert_int_eq(mplsroute_sock_open_replay(&s, rec, NULL), 0);
	ck_assert_int_eq(mplsroute_check(s, &o, l, &n), 0);
	mplsroute_sock_close(s);
	return n;
}

START_TEST(test_check_rules)
{
	static const char *const lo[] = { "lo", "nosuchdev0" };
	struct mplsroute_finding *l;
	char cmd[96];

	strcpy(dir, "/tmp/check_ops.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* no net/mpls: mpls_router, and nothing else */
	ck_assert_uint_eq(check(NULL, 0, &l), 1);
	ck_assert_int_eq(l[0].code, MPLSROUTE_CHECK_NO_MPLS_ROUTER);
	ck_assert_int_eq(l[0].severity, MPLSROUTE_CHECK_ERROR);
	ck_assert_str_eq(l[0].fix, "modprobe mpls_router");
	free(l);
	/* platform_labels 0; mpls_iptunnel and mpls_gso missing: warnings */
	put("sys/net/mpls/platform_labels", "0");
	ck_assert_uint_eq(check(NULL, 0, &l), 3);
	ck_assert_int_eq(l[0].code, MPLSROUTE_CHECK_NO_MPLS_IPTUNNEL);
	ck_assert_int_eq(l[0].severity, MPLSROUTE_CHECK_WARNING);
	ck_assert_int_eq(l[1].code, MPLSROUTE_CHECK_NO_MPLS_GSO);
	ck_assert_int_eq(l[2].code, MPLSROUTE_CHECK_PLATFORM_LABELS_ZERO);
	ck_assert_str_eq(l[2].fix,
			 "sysctl -w net.mpls.platform_labels=1048575");
	free(l);
	/* ready; then input off on lo, a device that does not exist */
	put("module/mpls_iptunnel", NULL);
	put("module/mpls_gso", NULL);
	put("sys/net/mpls/platform_labels", "1000");
	ck_assert_uint_eq(check(NULL, 0, &l), 0);
	free(l);
	put("sys/net/mpls/conf/lo/input", "0");
	put("sys/net/ipv4/conf/lo/rp_filter", "1");
	ck_assert_uint_eq(check(lo, 2, &l), 3);
	ck_assert_int_eq(l[0].code, MPLSROUTE_CHECK_INPUT_OFF);
	ck_assert_str_eq(l[0].dev, "lo");
	ck_assert_str_eq(l[0].text, "net.mpls.conf.lo.input is 0: labelled "
			 "packets arriving on lo are dropped");
	ck_assert_str_eq(l[0].fix, "sysctl -w net.mpls.conf.lo.input=1");
	ck_assert_int_eq(l[1].code, MPLSROUTE_CHECK_RP_FILTER_STRICT);
	ck_assert_int_eq(l[1].severity, MPLSROUTE_CHECK_WARNING);
	ck_assert_int_eq(l[2].code, MPLSROUTE_CHECK_NO_DEVICE);
	free(l);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* the dump's answer: 300 as to 310 via inet 10.99.0.1 dev 1 (lo) */
#define VIA_ROUTE "RTM_NEWROUTE 0x2 40000000180002000000000000000000" \
	"1c140000fe03000100000000080001000012c1000800130000136100" \
	"0a00120002000a63000100000800040001000000\n" \
	"NLMSG_DONE 0x2 140000000300020000000000000000000000000000\n"
/* kernel errors for the lookup: -EHOSTUNREACH, -ENETUNREACH */
#define VIA_HOSTUNREACH "NLMSG_ERROR 0x0 24000000020000000000000000000000" \
	"8fffffff2c0000001a0001000000000000000000\n"
#define VIA_NETUNREACH "NLMSG_ERROR 0x0 24000000020000000000000000000000" \
	"9bffffff2c0000001a0001000000000000000000\n"
/* connected answers: 10.99.0.0/24 scope link dev 1, the same on dev 4242 */
#define VIA_ON_LO "RTM_NEWROUTE 0x0 2c000000180000000000000000000000" \
	"02180000fe02fd0100000000080001000a6300000800040001000000\n"
#define VIA_ON_4242 "RTM_NEWROUTE 0x0 2c000000180000000000000000000000" \
	"02180000fe02fd0100000000080001000a6300000800040092100000\n"
/* default via 10.0.0.1 dev 1: a gateway, not the via's link */
#define VIA_GATEWAY "RTM_NEWROUTE 0x0 2c000000180000000000000000000000" \
	"02000000fe03000100000000080005000a0000010800040001000000\n"

/* mplsroute_check on the tree under dir, the kernel answering @resp */
static unsigned check_resp(const char *resp, struct mplsroute_finding **l)
{
	struct mplsroute_check_opts o = { NULL, 0, dir, dir };
	struct mplsroute_sock *s;
	char rec[96], rsp[96];
	unsigned n = 99;
	FILE *f;

	snprintf(rec, sizeof(rec), "%s/record", dir);
	snprintf(rsp, sizeof(rsp), "%s/responses", dir);
	f = fopen(rsp, "w");
	ck_assert_ptr_nonnull(f);
	fputs(resp, f);
	fclose(f);
	ck_assert_int_eq(mplsroute_sock_open_replay(&s, rec, rsp), 0);
	ck_assert_int_eq(mplsroute_check(s, &o, l, &n), 0);
	mplsroute_sock_close(s);
	return n;
}

START_TEST(test_check_via)
{
	struct mplsroute_finding *l;
	char cmd[96];

	strcpy(dir, "/tmp/check_ops.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	put("module/mpls_iptunnel", NULL);
	put("module/mpls_gso", NULL);
	put("sys/net/mpls/platform_labels", "1000");
	put("sys/net/mpls/conf/lo/input", "1");
	/* on lo's link: ready */
	ck_assert_uint_eq(check_resp(VIA_ROUTE VIA_ON_LO, &l), 0);
	free(l);
	/* on no link at all: declare it on lo's */
	ck_assert_uint_eq(check_resp(VIA_ROUTE VIA_HOSTUNREACH VIA_NETUNREACH,
				     &l), 1);
	ck_assert_int_eq(l[0].code, MPLSROUTE_CHECK_VIA_UNREACHABLE);
	ck_assert_int_eq(l[0].severity, MPLSROUTE_CHECK_ERROR);
	ck_assert_str_eq(l[0].dev, "lo");
	ck_assert_int_eq(l[0].label, 300);
	ck_assert_str_eq(l[0].text, "label 300 goes via inet 10.99.0.1 on lo, "
			 "but no connected route puts 10.99.0.1 on the link "
			 "of lo: its packets are dropped");
	ck_assert_str_eq(l[0].fix, "ip route add 10.99.0.1 dev lo");
	free(l);
	/* behind a gateway on lo, on the link of device 4242: go there */
	ck_assert_uint_eq(check_resp(VIA_ROUTE VIA_GATEWAY VIA_ON_4242, &l),
			  1);
	ck_assert_int_eq(l[0].code, MPLSROUTE_CHECK_VIA_UNREACHABLE);
	ck_assert_str_eq(l[0].fix, "ip -f mpls route replace 300 as 310 via "
			 "inet 10.99.0.1 dev if4242");
	free(l);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* a saved stream: rtmon's time, an MPLS route, a link, a deleted route */
static const char stream_hex[] =
	"18000000" "0f000000" "00000000" "00000000" "40e2a069" "d2040000"
	/* RTM_NEWROUTE 300 as to 310 via inet 10.99.0.1 dev 1 */
	"40000000" "18000000" "00000000" "00000000"
	"1c140000fe03000100000000" "080001000012c100" "0800130000136100"
	"0a00120002000a6300010000" "0800040001000000"
	/* RTM_NEWLINK: ifindex 7 "eth7" */
	"2c000000" "10000000" "00000000" "00000000"
	"00000100070000000000000000000000" "090003006574683700000000"
	/* RTM_DELROUTE: the same route */
	"40000000" "19000000" "00000000" "00000000"
	"1c140000fe03000100000000" "080001000012c100" "0800130000136100"
	"0a00120002000a6300010000" "0800040001000000";

struct seen {
	int types[8], n;
	long long sec;
	long usec;
	uint32_t label;
	int deleted;
};

static int seen_cb(const struct mplsroute_event *ev, void *data)
{
	struct seen *s = data;

	if (s->n < 8)
		s->types[s->n++] = ev->type;
	if (ev->type == MPLSROUTE_EV_ROUTE) {
		ck_assert_ptr_nonnull(ev->route);
		ck_assert_int_eq(mplsroute_route_get_label(ev->route,
							   &s->label), 0);
		s->deleted = ev->deleted;
		s->sec = ev->sec;
		s->usec = ev->usec;
	}
	return 0;
}

START_TEST(test_monitor_decode)
{
	unsigned char st[512];
	size_t len = strlen(stream_hex) / 2, used = 99;
	struct seen s;

	memset(&s, 0, sizeof(s));
	ck_assert_uint_le(len, sizeof(st));
	unit_hex2bin(stream_hex, st, sizeof(st));
	ck_assert_int_eq(mplsroute_monitor_decode(st, len, &used, seen_cb, &s),
			 3);	/* the time and two routes; the link: OTHER */
	ck_assert_uint_eq(used, len);
	ck_assert_int_eq(s.n, 4);
	ck_assert_int_eq(s.types[0], MPLSROUTE_EV_TIME);
	ck_assert_int_eq(s.types[1], MPLSROUTE_EV_ROUTE);
	ck_assert_int_eq(s.types[2], MPLSROUTE_EV_OTHER);
	ck_assert_int_eq(s.types[3], MPLSROUTE_EV_ROUTE);
	ck_assert_uint_eq(s.label, 300);
	ck_assert_int_eq(s.deleted, 1);
	ck_assert_int_eq(s.sec, 0x69a0e240);	/* the saved time stays */
	ck_assert_int_eq(s.usec, 1234);
	/* cut inside the second message: only the time, used = 24 */
	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(mplsroute_monitor_decode(st, 24 + 40, &used, seen_cb,
						  &s), 1);
	ck_assert_uint_eq(used, 24);
	/* less than a header: nothing, nothing used */
	ck_assert_int_eq(mplsroute_monitor_decode(st, 10, &used, seen_cb, &s),
			 0);
	ck_assert_uint_eq(used, 0);
	/* a length below the header's: -EBADMSG at its offset */
	st[24] = 8;
	ck_assert_int_eq(mplsroute_monitor_decode(st, len, &used, seen_cb, &s),
			 -EBADMSG);
	ck_assert_uint_eq(used, 24);
	/* a time record without its time */
	st[0] = 16;
	ck_assert_int_eq(mplsroute_monitor_decode(st, 16, &used, seen_cb, &s),
			 -EBADMSG);
	ck_assert_uint_eq(used, 0);
}
END_TEST

static Suite *ops_suite(void)
{
	Suite *s = suite_create("ops");
	TCase *tc = tcase_create("ops");

	tcase_add_test(tc, test_netconf_request);
	tcase_add_test(tc, test_netconf_decode);
	tcase_add_test(tc, test_stats_request);
	tcase_add_test(tc, test_stats_decode);
	tcase_add_test(tc, test_check_rules);
	tcase_add_test(tc, test_monitor_decode);
	tcase_add_test(tc, test_check_via);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(ops_suite());
}
