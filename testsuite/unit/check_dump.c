/* check_dump.c: lib/dump.c (decoder, dump request, dump API), lib/filter.c */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "mplsroute.h"
#include "unit.h"
#include "route_int.h"
#include "compat.h"

#define DATA "testsuite/data/iproute2-4.4/cases"

/* flush-mpls-dev: 100 as to 110 via inet 192.168.40.102 dev eth2 */
#define MPLS_SWAP "400000001800020000000000000000001c140000fe030001000000000800" \
	"010000064100080013000006e1000a0012000200c0a82866000008000400" \
	"0c000000"
/* show-get: the cloned answer, with RTA_UID (25), unknown to us */
#define GET4 "8400000018000000000000000000000002200000fe000001000200000800" \
	"0f00fe000000080001000a040402080004000b0000000c00160008000100" \
	"00064100060015000100000008000700c0a81e6508000500c0a81e660800" \
	"19000000000024000c000200000000000000000000000000000000000000" \
	"000000000000000000000000"
/* show-multipath: 10.6.6.0/24, two nexthops with encap */
#define MPATH4 "7800000018000200000000000000000002180000fe03000100000000" \
	"08000f00fe000000080001000a0606004c000900240000000b00000008000500" \
	"c0a81e660c00160008000100000641000600150001000000240000000c000000" \
	"08000500c0a828660c00160008000100000c81000600150001000000"

static unsigned char msg[4096];

/* a whole small file as a string (the caller frees it) */
static char *slurp_file(const char *path)
{
	char *buf = calloc(1, 4096);
	FILE *f = fopen(path, "r");

	ck_assert_ptr_nonnull(buf);
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_gt(fread(buf, 1, 4095, f), 0);
	fclose(f);
	return buf;
}
static struct mplsroute_route rt;

static struct nlmsghdr *load(const char *hex)
{
	int n = unit_hex2bin(hex, msg, sizeof(msg));

	ck_assert_int_gt(n, 0);
	return (struct nlmsghdr *)msg;
}

static int parse(const char *hex)
{
	return mr_route_parse(load(hex), &rt);
}

START_TEST(request_bytes)
{
	static const struct { int family; const char *hex; } want[] = {
		{ AF_INET, "280000001a0001030000000000000000020000000000000000"
			   "0000000000000008001d0001000000" },
		{ AF_INET6, "280000001a00010300000000000000000a000000000000000"
			    "00000000000000008001d0001000000" },
		{ AF_MPLS, "280000001a00010300000000000000001c0000000000000000"
			   "0000000000000008001d0001000000" },
	};
	unsigned char buf[64];
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		memset(buf, 0xaa, sizeof(buf));
		ck_assert_int_eq(mplsroute_route_dump_request(buf,
				sizeof(buf), want[i].family), 40);
		ck_assert_hex(buf, 40, want[i].hex);
	}
	ck_assert_int_eq(mplsroute_route_dump_request(buf, 39, AF_INET),
			 -EMSGSIZE);
	ck_assert_int_eq(mplsroute_route_dump_request(NULL, 64, AF_INET),
			 -EMSGSIZE);
}
END_TEST

START_TEST(parse_mpls_swap)
{
	ck_assert_int_eq(parse(MPLS_SWAP), 0);
	ck_assert_uint_eq(rt.family, AF_MPLS);
	ck_assert_uint_eq(rt.dst_len, 20);
	ck_assert_uint_eq(rt.table_id, 254);
	ck_assert_uint_eq(rt.protocol, RTPROT_BOOT);
	ck_assert_uint_eq(rt.type, RTN_UNICAST);
	ck_assert_uint_eq(rt.dst.family, AF_MPLS);
	ck_assert_uint_eq(rt.dst.labels.n, 1);
	ck_assert_uint_eq(rt.dst.labels.label[0], 100);
	ck_assert_uint_eq(rt.nh.newdst.n, 1);
	ck_assert_uint_eq(rt.nh.newdst.label[0], 110);
	ck_assert_uint_eq(rt.nh.via.family, AF_INET);
	ck_assert_hex(rt.nh.via.data, 4, "c0a82866");
	ck_assert_uint_eq(rt.nh.ifindex, 12);
	ck_assert_uint_eq(rt.nnh, 0);
	ck_assert_uint_eq(rt.nattrs, 3);
	ck_assert_uint_eq(rt.attrs[0], RTA_DST);
	ck_assert_uint_eq(rt.attrs[1], RTA_NEWDST);
	ck_assert_uint_eq(rt.attrs[2], RTA_VIA);
}
END_TEST

START_TEST(parse_get_answer)
{
	ck_assert_int_eq(parse(GET4), 0);
	ck_assert_uint_eq(rt.flags, RTM_F_CLONED);
	ck_assert_uint_eq(rt.dst_len, 32);
	ck_assert_hex(rt.dst.data, 4, "0a040402");
	ck_assert_uint_eq(rt.nh.encap.n, 1);
	ck_assert_uint_eq(rt.nh.encap.label[0], 100);
	ck_assert_uint_eq(rt.nh.via.family, AF_INET);
	ck_assert_hex(rt.nh.via.data, 4, "c0a81e66");
	ck_assert_uint_eq(rt.prefsrc.family, AF_INET);
	ck_assert_hex(rt.prefsrc.data, 4, "c0a81e65");
	ck_assert_uint_eq(rt.nh.ifindex, 11);
	ck_assert_uint_eq(rt.has_cacheinfo, 1);
	ck_assert_uint_eq(rt.has_priority, 0);
}
END_TEST

START_TEST(parse_multipath)
{
	ck_assert_int_eq(parse(MPATH4), 0);
	ck_assert_uint_eq(rt.nnh, 2);
	ck_assert_uint_eq(rt.nhs[0].ifindex, 11);
	ck_assert_uint_eq(rt.nhs[1].ifindex, 12);
	ck_assert_uint_eq(rt.nhs[0].hops, 0);
	ck_assert_uint_eq(rt.nhs[0].encap.label[0], 100);
	ck_assert_uint_eq(rt.nhs[1].encap.label[0], 200);
	ck_assert_hex(rt.nhs[1].via.data, 4, "c0a82866");
	ck_assert_uint_eq(rt.nhs[0].nattrs, 2);
	ck_assert_uint_eq(rt.nhs[0].attrs[0], RTA_GATEWAY);
	ck_assert_uint_eq(rt.nhs[0].attrs[1], RTA_ENCAP);
	ck_assert_uint_eq(rt.nh.ifindex, 0);
}
END_TEST

/* the IPv6 answers: pref, priority, cacheinfo */
START_TEST(parse_ipv6)
{
	ck_assert_int_eq(parse("740000001800020000000000000000000a400000fe02000100000000"
			       "08000f00fe0000001400010020010db8003000000000000000000000"
			       "0800060000010000080004000b00000024000c000000000000000000"
			       "00000000000000000000000000000000000000000000000005001400"
			       "00000000"), 0);
	ck_assert_uint_eq(rt.family, AF_INET6);
	ck_assert_uint_eq(rt.dst_len, 64);
	ck_assert_uint_eq(rt.has_priority, 1);
	ck_assert_uint_eq(rt.priority, 256);
	ck_assert_uint_eq(rt.has_pref, 1);
	ck_assert_uint_eq(rt.pref, 0);
	ck_assert_uint_eq(rt.protocol, RTPROT_KERNEL);
}
END_TEST

/* a copy of MPLS_SWAP with @len and the byte at @off replaced */
static struct nlmsghdr *patched(size_t off, uint8_t val)
{
	struct nlmsghdr *nlh = load(MPLS_SWAP);

	msg[off] = val;
	return nlh;
}

START_TEST(malformed)
{
	struct nlmsghdr *nlh;

	/* shorter than an rtmsg */
	nlh = load(MPLS_SWAP);
	nlh->nlmsg_len = 16 + 8;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EBADMSG);
	/* not a route */
	nlh = load(MPLS_SWAP);
	nlh->nlmsg_type = RTM_NEWLINK;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EPROTO);
	/* the message ends inside RTA_VIA: its length overruns */
	nlh = load(MPLS_SWAP);
	nlh->nlmsg_len = 16 + 12 + 8 + 8 + 6;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EINVAL);
	/* RTA_DST's rta_len below the header size */
	ck_assert_int_eq(mr_route_parse(patched(28, 3), &rt), -EINVAL);
	/* RTA_DST's rta_len far beyond the message */
	ck_assert_int_eq(mr_route_parse(patched(28, 0xf0), &rt),
			 -EINVAL);
	/* label without bottom of stack in RTA_DST */
	ck_assert_int_eq(mr_route_parse(patched(34, 0x40), &rt),
			 -EINVAL);
	/* ... and in RTA_NEWDST */
	ck_assert_int_eq(mr_route_parse(patched(42, 0xe0), &rt),
			 -EINVAL);
	/* RTA_OIF with a 2-byte payload */
	ck_assert_int_eq(mr_route_parse(patched(56, 6), &rt), -EINVAL);
	ck_assert_int_eq(mr_route_parse(NULL, &rt), -EINVAL);
}
END_TEST

START_TEST(malformed_nests)
{
	struct nlmsghdr *nlh;

	/* first rtnexthop longer than RTA_MULTIPATH */
	nlh = load(MPATH4);
	msg[16 + 12 + 16 + 4] = 0x50;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EINVAL);
	/* rtnexthop shorter than its own header */
	nlh = load(MPATH4);
	msg[16 + 12 + 16 + 4] = 4;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EINVAL);
	/* the nested MPLS_IPTUNNEL_DST overruns its RTA_ENCAP */
	nlh = load(MPATH4);
	msg[16 + 12 + 16 + 4 + 8 + 8 + 4] = 0x20;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EINVAL);
	/* RTA_ENCAP_TYPE of 3 bytes */
	nlh = load(GET4);
	msg[16 + 12 + 8 + 8 + 8 + 12] = 7;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EINVAL);
	/* IPv4 RTA_DST of 3 bytes */
	nlh = load(GET4);
	msg[16 + 12 + 8] = 7;
	ck_assert_int_eq(mr_route_parse(nlh, &rt), -EINVAL);
}
END_TEST

/* unknown attributes, wherever they are, change nothing */
START_TEST(unknown_skipped)
{
	struct mplsroute_route plain;

	ck_assert_int_eq(parse(MPLS_SWAP), 0);
	plain = rt;
	/* the same message with two unknown attributes added */
	load(MPLS_SWAP);
	memcpy(msg + 0x40, "\x0c\x00\xc8\x00\x01\x02\x03\x04\x05\x06\x07\x08"
	       "\x05\x00\x2a\x00\x01\x00\x00\x00", 20);
	((struct nlmsghdr *)msg)->nlmsg_len = 0x40 + 20;
	ck_assert_int_eq(mr_route_parse((struct nlmsghdr *)msg, &rt),
			 0);
	ck_assert_mem_eq(&rt, &plain, sizeof(rt));
	/* an encap that is not MPLS is skipped too */
	load(GET4);
	msg[16 + 12 + 8 + 8 + 8 + 12 + 4] = 2;	/* LWTUNNEL_ENCAP_IP */
	ck_assert_int_eq(mr_route_parse((struct nlmsghdr *)msg, &rt),
			 0);
	ck_assert_uint_eq(rt.nh.encap.n, 0);
	ck_assert_uint_eq(rt.nh.ifindex, 11);
}
END_TEST

/* ---- the dump API over a replayed recording ------------------------------ */

struct counter {
	int routes, undecoded, stop_at;
};

static int count_cb(const struct nlmsghdr *nlh,
		    const struct mplsroute_route *r, void *data)
{
	struct counter *c = data;

	ck_assert_uint_eq(nlh->nlmsg_type, RTM_NEWROUTE);
	if (!r)
		c->undecoded++;
	else
		c->routes++;
	if (c->stop_at && c->routes == c->stop_at)
		return -EINTR;
	return 0;
}

static int dump_file(const char *responses, struct counter *c,
		     const char *record)
{
	struct mplsroute_sock *s;
	int ret;

	unlink(record);
	ck_assert_int_eq(mplsroute_sock_open_replay(&s, record, responses), 0);
	ret = mplsroute_route_dump(s, AF_INET, count_cb, c);
	mplsroute_sock_close(s);
	return ret;
}

START_TEST(dump_replay)
{
	struct counter c = { 0 };
	char line[256], *want;
	FILE *f;

	ck_assert_int_eq(dump_file(DATA "/show-enc-dev/responses", &c,
				   "/tmp/check_dump.rec"), 0);
	ck_assert_int_eq(c.routes, 14);
	ck_assert_int_eq(c.undecoded, 0);
	f = fopen("/tmp/check_dump.rec", "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	want = slurp_file(DATA "/show-enc-dev/requests");
	ck_assert_str_eq(line, want);
	free(want);
	/* a callback's error stops the dump and comes back */
	memset(&c, 0, sizeof(c));
	c.stop_at = 3;
	ck_assert_int_eq(dump_file(DATA "/show-enc-dev/responses", &c,
				   "/tmp/check_dump.rec"), -EINTR);
	ck_assert_int_eq(c.routes, 3);
	unlink("/tmp/check_dump.rec");
}
END_TEST

/* a malformed route in a dump reaches the callback undecoded */
START_TEST(dump_undecodable)
{
	const char *path = "/tmp/check_dump.resp";
	struct counter c = { 0 };
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "RTM_NEWROUTE 0x2 %s\n", MPATH4);
	/* RTA_DST 3 bytes long for IPv4 */
	fprintf(f, "RTM_NEWROUTE 0x2 2c00000018000200000000000000000002180000"
		"fe0300010000000008000f00fe000000070001000a060600\n");
	fprintf(f, "NLMSG_DONE 0x2 1400000003000200000000000000000000000000\n");
	fclose(f);
	ck_assert_int_eq(dump_file(path, &c, "/tmp/check_dump.rec"), 0);
	ck_assert_int_eq(c.routes, 1);
	ck_assert_int_eq(c.undecoded, 1);
	unlink(path);
	unlink("/tmp/check_dump.rec");
}
END_TEST

/*
 * Mutated answers: every recorded RTM_NEWROUTE of a few cases with bytes
 * changed at random (fixed seed) must decode or fail with a documented
 * error, and what decodes must print; the sanitizer run checks that no
 * byte outside the message is read.
 */
START_TEST(mutated_messages)
{
	static const char *const files[] = {
		DATA "/show-multipath/responses", DATA "/show-enc6/responses",
		DATA "/show-seed-r2/responses", DATA "/show-get/responses",
		DATA "/show-via6/responses",
	};
	unsigned char orig[4096], *m;
	struct mr_rec rec;
	struct mplsroute_print_opts o = { 0 };
	struct mplsroute_json j;
	unsigned int seed = 12345, k, done = 0;
	size_t i;
	FILE *out = fopen("/dev/null", "w");
	int n, r;

	ck_assert_ptr_nonnull(out);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		FILE *f = fopen(files[i], "r");

		ck_assert_ptr_nonnull(f);
		while ((n = unit_rec_next(f, "RTM_NEWROUTE", &rec, orig,
					  sizeof(orig))) > 0) {
			ck_assert_int_gt(n, 16);
			for (k = 0; k < 400; k++) {
				/* an exact-size copy: ASan sees overreads */
				m = malloc((size_t)n);
				memcpy(m, orig, (size_t)n);
				m[16 + rand_r(&seed) % (n - 16)] =
					(unsigned char)rand_r(&seed);
				if (k & 1)
					m[16 + rand_r(&seed) % (n - 16)] ^=
						(unsigned char)(1u << (k % 8));
				r = mr_route_parse((void *)m, &rt);
				ck_assert_msg(r == 0 || r == -EINVAL ||
					      r == -E2BIG || r == -EOPNOTSUPP ||
					      r == -ERANGE,
					      "parse returned %d", r);
				if (r == 0) {
					ck_assert_int_eq(mplsroute_route_print(
						out, &rt, &o), 0);
					mplsroute_json_open(&j, out, k & 2);
					mplsroute_route_print_json(&j, &rt, &o);
					mplsroute_json_close(&j);
					done++;
				}
				free(m);
			}
		}
		ck_assert_int_eq(n, 0);	/* the end, not a bad line */
		fclose(f);
	}
	fclose(out);
	ck_assert_uint_gt(done, 100);	/* many still decode and print */
}
END_TEST

/* ---- the filter -------------------------------------------------------- */

static int match(struct mplsroute_filter *f, const char *hex)
{
	ck_assert_int_eq(parse(hex), 0);
	return mplsroute_filter_match(f, &rt);
}

#define LOCAL4 "3c00000018000200000000000000000002200000ff02fe020000000008" \
	"000f00ff000000080001000a030301080007000a030301080004000d000000"

START_TEST(filter_tables)
{
	struct mplsroute_filter f;

	mplsroute_filter_init(&f);
	ck_assert_int_eq(match(&f, MPATH4), 1);
	ck_assert_int_eq(match(&f, LOCAL4), 0);		/* local table */
	ck_assert_int_eq(match(&f, GET4), 0);		/* cloned */
	f.table = 0;
	ck_assert_int_eq(match(&f, LOCAL4), 1);
	f.table = 255;
	ck_assert_int_eq(match(&f, LOCAL4), 1);
	ck_assert_int_eq(match(&f, MPATH4), 0);
	f.cloned = 2;
	f.table = 0;
	ck_assert_int_eq(match(&f, GET4), 1);
	f.cloned = 1;
	ck_assert_int_eq(match(&f, MPATH4), 0);
	ck_assert_int_eq(mplsroute_filter_match(NULL, &rt), -EINVAL);
}
END_TEST

START_TEST(filter_fields)
{
	struct mplsroute_filter f;

	mplsroute_filter_init(&f);
	f.oif = 12;
	f.oifmask = 1;
	ck_assert_int_eq(match(&f, MPLS_SWAP), 1);
	ck_assert_uint_eq(mplsroute_filter_hide(&f, &rt),
			  MPLSROUTE_PRINT_NO_DEV | MPLSROUTE_PRINT_NO_TABLE);
	f.oif = 11;
	ck_assert_int_eq(match(&f, MPLS_SWAP), 0);
	mplsroute_filter_init(&f);
	f.protocol = RTPROT_KERNEL;
	f.protocolmask = 0xff;
	ck_assert_int_eq(match(&f, MPLS_SWAP), 0);
	f.protocol = RTPROT_BOOT;
	ck_assert_int_eq(match(&f, MPLS_SWAP), 1);
	ck_assert_uint_eq(mplsroute_filter_hide(&f, &rt) &
			  MPLSROUTE_PRINT_NO_PROTO, MPLSROUTE_PRINT_NO_PROTO);
	f.scope = RT_SCOPE_LINK;
	f.scopemask = 0xff;
	ck_assert_int_eq(match(&f, MPLS_SWAP), 0);
}
END_TEST

/* root: the route is inside the prefix; match: the prefix is inside it */
START_TEST(filter_prefixes)
{
	struct mplsroute_filter f;

	mplsroute_filter_init(&f);
	f.rdst.addr.family = AF_INET;
	f.rdst.addr.bytelen = 4;
	memcpy(f.rdst.addr.data, "\x0a\x00\x00\x00", 4);
	f.rdst.bitlen = 8;		/* root 10.0.0.0/8 */
	ck_assert_int_eq(match(&f, MPATH4), 1);
	f.rdst.bitlen = 28;		/* root 10.0.0.0/28: too long */
	ck_assert_int_eq(match(&f, MPATH4), 0);
	mplsroute_filter_init(&f);
	f.mdst.addr.family = AF_INET;
	f.mdst.addr.bytelen = 4;
	memcpy(f.mdst.addr.data, "\x0a\x06\x06\x07", 4);
	f.mdst.bitlen = 32;		/* match 10.6.6.7 */
	ck_assert_int_eq(match(&f, MPATH4), 1);
	memcpy(f.mdst.addr.data, "\x0a\x06\x07\x07", 4);
	ck_assert_int_eq(match(&f, MPATH4), 0);
	/* exact MPLS label: both root and match */
	mplsroute_filter_init(&f);
	f.mdst.addr.family = AF_MPLS;
	f.mdst.addr.labels.n = 1;
	f.mdst.addr.labels.label[0] = 100;
	f.mdst.bitlen = 20;
	f.rdst = f.mdst;
	ck_assert_int_eq(match(&f, MPLS_SWAP), 1);
	f.mdst.addr.labels.label[0] = f.rdst.addr.labels.label[0] = 101;
	ck_assert_int_eq(match(&f, MPLS_SWAP), 0);
	ck_assert_int_eq(match(&f, MPATH4), 0);	/* other family */
}
END_TEST

/* IPv6: main and local split by type until a route of another table */
START_TEST(filter_ipv6_tables)
{
	static const char *local6 =
		"740000001800020000000000000000000a800000ff020002000000000800"
		"0f00ff0000001400010020010db800300000000000000000010108000600"
		"00000000080004000b00000024000c000000000000000000000000000000"
		"0000000000000000000000000000000000000500140000000000";
	struct mplsroute_filter f;

	mplsroute_filter_init(&f);
	ck_assert_int_eq(match(&f, local6), 0);
	ck_assert_int_eq(f.ip6_multiple_tables, 1);
	f.table = 255;
	ck_assert_int_eq(match(&f, local6), 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("dump");
	TCase *tc = tcase_create("decode");
	TCase *tf = tcase_create("filter");

	tcase_add_test(tc, request_bytes);
	tcase_add_test(tc, parse_mpls_swap);
	tcase_add_test(tc, parse_get_answer);
	tcase_add_test(tc, parse_multipath);
	tcase_add_test(tc, parse_ipv6);
	tcase_add_test(tc, malformed);
	tcase_add_test(tc, malformed_nests);
	tcase_add_test(tc, unknown_skipped);
	tcase_add_test(tc, dump_replay);
	tcase_add_test(tc, dump_undecodable);
	tcase_add_test(tc, mutated_messages);
	suite_add_tcase(s, tc);
	tcase_add_test(tf, filter_tables);
	tcase_add_test(tf, filter_fields);
	tcase_add_test(tf, filter_prefixes);
	tcase_add_test(tf, filter_ipv6_tables);
	suite_add_tcase(s, tf);
	return unit_run(s);
}
