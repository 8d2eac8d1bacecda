/* check_hostile.c: hostile kernel answers (sock.c, batch.c, dump.c) */
#include <check.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "mplsroute.h"
#include "sockint.h"
#include "hex.h"
#include "pairsock.h"

#define SEQ	1000	/* the socket's next request gets SEQ + 1 */
#define WAIT_MS	1000	/* an answer that does not come: -ETIMEDOUT */

/* a dumped route: 100 as 110 via inet 192.168.40.102 */
static const char route100[] =
	"400000001800020000000000000000001c140000fe030001000000000800"
	"010000064100080013000006e1000a0012000200c0a828660000080004000c000000";

/* the request of -f mpls route add 100 as 110 via inet 192.168.40.102 */
static const char add100[] =
	"380000001800050600000000000000001c140000fe03000100000000080001"
	"0000064100080013000006e1000a0012000200c0a828660000";

static size_t unhex(void *buf, size_t len, const char *hex)
{
	int n = unit_hex2bin(hex, buf, len);

	ck_assert_int_gt(n, 0);
	return (size_t)n;
}

static void set_u32(void *buf, size_t off, uint32_t v)
{
	memcpy((char *)buf + off, &v, sizeof(v));
}

static int routes;

static int count_cb(const struct nlmsghdr *nlh,
		    const struct mplsroute_route *rt, void *data)
{
	routes++;
	return 0;
}

/* a route dump over a pair whose "kernel" said @len bytes at @buf first */
static int dump_after(const void *buf, size_t len)
{
	struct mplsroute_sock *s;
	int peer, ret;

	s = pair_open(&peer, SEQ, WAIT_MS);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(pair_put(peer, buf, len), 0);
	routes = 0;
	ret = mplsroute_route_dump(s, AF_MPLS, count_cb, NULL);
	mplsroute_sock_close(s);
	close(peer);
	return ret;
}

/* issue 12, defect 1: the 19-byte datagram (a header of length ~1 GB) */
START_TEST(dump_19_bytes)
{
	static const unsigned char dgram[19] = {
		0xda, 0x84, 0x00, 0x3f, 0x68, 0xe0, 0xfe, 0x7f, 0x00, 0x00,
		0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x00,
	};

	ck_assert_int_eq(dump_after(dgram, sizeof(dgram)), -EBADMSG);
	ck_assert_int_eq(routes, 0);
}
END_TEST

/* a dumped route whose nlmsg_len says 2^31 + its length, or wraps back */
START_TEST(dump_len_2g)
{
	static const uint32_t lens[] = { 0x80000040, 0xfffffff0, 0xffffffff,
					 0x41 };
	char buf[256];
	size_t n;
	unsigned i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		n = unhex(buf, sizeof(buf), route100);
		set_u32(buf, 0, lens[i]);
		set_u32(buf, 8, SEQ + 1);
		ck_assert_int_eq(dump_after(buf, n), -EBADMSG);
		ck_assert_int_eq(routes, 0);
	}
}
END_TEST

/* a good route, then a cut one in the same datagram */
START_TEST(dump_truncated)
{
	char buf[256];
	size_t n = unhex(buf, sizeof(buf), route100);

	set_u32(buf, 8, SEQ + 1);
	memcpy(buf + n, buf, n);
	ck_assert_int_eq(dump_after(buf, n + n / 2), -EBADMSG);
	ck_assert_int_eq(routes, 1);
}
END_TEST

/* the whole send path: a request header of 2^31 bytes is refused */
START_TEST(send_buf_len_2g)
{
	static const uint32_t lens[] = { 0x80000010, 0xfffffff0, 0xfffffffc };
	struct mplsroute_sock *s;
	char buf[64];
	unsigned i;
	int peer;

	s = pair_open(&peer, SEQ, WAIT_MS);
	ck_assert_ptr_nonnull(s);
	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		memset(buf, 0, sizeof(buf));
		set_u32(buf, 0, lens[i]);
		ck_assert_int_eq(mplsroute_sock_send_buf(s, buf, 32), -EINVAL);
		ck_assert_int_eq(mplsroute_sock_send_buf(s, buf, 16), -EINVAL);
	}
	mplsroute_sock_close(s);
	close(peer);
}
END_TEST

/* an NLMSG_ERROR for add100, error @err, extack "bad label", 2 lengths */
static size_t error_msg(char *buf, int32_t err, uint32_t len)
{
	size_t n = unhex(buf, 256,
		"34000000020000030000000000000000"	/* CAPPED|ACK_TLVS */
		"eaffffff"
		"38000000180005060000000000000000"
		"0e000100626164206c6162656c000000");

	set_u32(buf, 0, len ? len : (uint32_t)n);
	set_u32(buf, 8, SEQ + 1);
	set_u32(buf, 16, (uint32_t)err);
	return n;
}

/* talk add100 over a pair whose "kernel" answers @len bytes at @ans */
static int talk_after(const void *ans, size_t len, char *errmsg)
{
	struct mplsroute_sock *s;
	char req[256];
	int peer, ret;

	s = pair_open(&peer, SEQ, WAIT_MS);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(pair_put(peer, ans, len), 0);
	unhex(req, sizeof(req), add100);
	ret = mplsroute_sock_talk(s, (struct nlmsghdr *)req, errmsg, 64);
	mplsroute_sock_close(s);
	close(peer);
	return ret;
}

/* defect 1 in the extended-ack parser: an error message of 2^31 bytes */
START_TEST(extack_len_2g)
{
	char buf[256], err[64];
	size_t n;

	n = error_msg(buf, -EINVAL, 0);
	ck_assert_int_eq(talk_after(buf, n, err), -EINVAL);
	ck_assert_str_eq(err, "bad label");
	n = error_msg(buf, -EINVAL, 0x80000034);
	ck_assert_int_eq(talk_after(buf, n, err), -EBADMSG);
	n = error_msg(buf, -EINVAL, 0xfffffffc);
	ck_assert_int_eq(talk_after(buf, n, err), -EBADMSG);
}
END_TEST

/* defect 2: an error outside -4095..-1 is no errno: -EPROTO */
START_TEST(error_out_of_range)
{
	static const struct { int32_t err; int want; } t[] = {
		{ INT_MIN, -EPROTO }, { 5, -EPROTO }, { INT_MAX, -EPROTO },
		{ -4096, -EPROTO }, { -4095, -4095 }, { -1, -1 },
		{ -EEXIST, -EEXIST }, { 0, 0 },
	};
	char buf[256], err[64];
	unsigned i;
	size_t n;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n = error_msg(buf, t[i].err, 0);
		ck_assert_int_eq(talk_after(buf, n, err), t[i].want);
	}
}
END_TEST

/* the same through a dump's NLMSG_DONE */
START_TEST(done_out_of_range)
{
	char buf[64];

	memset(buf, 0, sizeof(buf));
	set_u32(buf, 0, 20);
	buf[4] = NLMSG_DONE;
	set_u32(buf, 8, SEQ + 1);
	set_u32(buf, 16, (uint32_t)INT_MIN);
	ck_assert_int_eq(dump_after(buf, 20), -EPROTO);
}
END_TEST

/* an ACK that never comes: a bounded wait, not a hang */
START_TEST(ack_never_comes)
{
	struct mplsroute_sock *s;
	char req[256];
	int peer;

	s = pair_open(&peer, SEQ, 200);
	ck_assert_ptr_nonnull(s);
	unhex(req, sizeof(req), add100);
	ck_assert_int_eq(mplsroute_sock_talk(s, (struct nlmsghdr *)req,
					     NULL, 0), -ETIMEDOUT);
	mplsroute_sock_close(s);
	close(peer);
}
END_TEST

/* answers for another port or an older request are not ours: skipped */
START_TEST(foreign_and_stale_skipped)
{
	char buf[512], err[64];
	size_t n, m;

	n = error_msg(buf, -EEXIST, 0);
	set_u32(buf, 8, SEQ);			/* stale seq */
	m = error_msg(buf + n, -ENOENT, 0);
	set_u32(buf + n, 8, SEQ - 7);		/* older still */
	n += m;
	m = error_msg(buf + n, -EINVAL, 0);	/* ours */
	n += m;
	ck_assert_int_eq(talk_after(buf, n, err), -EINVAL);
}
END_TEST

static int batch_err;

static void batch_cb(const struct nlmsghdr *req, int err, const char *msg,
		     unsigned long cookie, void *data)
{
	batch_err = err;
}

/* defect 1 in the batch's ACK reader: an ACK of 2^31 bytes is no ACK */
START_TEST(batch_ack_len_2g)
{
	struct mplsroute_sock *s;
	struct mplsroute_batch *b;
	char req[256], ack[64];
	int peer;

	s = pair_open(&peer, SEQ, WAIT_MS);
	ck_assert_ptr_nonnull(s);
	memset(ack, 0, sizeof(ack));
	set_u32(ack, 0, 0x80000024);
	ack[4] = NLMSG_ERROR;
	set_u32(ack, 8, SEQ + 1);
	ck_assert_int_eq(pair_put(peer, ack, 36), 0);
	ck_assert_int_eq(mplsroute_batch_open(&b, s, 0, 0, batch_cb, NULL), 0);
	unhex(req, sizeof(req), add100);
	batch_err = 1;
	ck_assert_int_eq(mplsroute_batch_add(b, (struct nlmsghdr *)req, 1), 0);
	ck_assert_int_eq(mplsroute_batch_flush(b), -EBADMSG);
	ck_assert_int_eq(batch_err, -EBADMSG);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
	close(peer);
}
END_TEST

/* a request whose own header says 2^31 bytes is not sent (any transport) */
START_TEST(request_len_2g)
{
	struct mplsroute_sock *s;
	char req[256];
	int peer;

	s = pair_open(&peer, SEQ, WAIT_MS);
	ck_assert_ptr_nonnull(s);
	unhex(req, sizeof(req), add100);
	set_u32(req, 0, 0x80000038);
	ck_assert_int_eq(mplsroute_sock_talk(s, (struct nlmsghdr *)req,
					     NULL, 0), -EMSGSIZE);
	set_u32(req, 0, 8);
	ck_assert_int_eq(mplsroute_sock_talk(s, (struct nlmsghdr *)req,
					     NULL, 0), -EINVAL);
	mplsroute_sock_close(s);
	close(peer);
}
END_TEST

static int alarm_fd;

/* a signal in the middle of recvmsg; it asks the kernel for an ACK, so
 * that the interrupted wait has something to receive when it goes on */
static void on_alarm(int sig)
{
	struct nlmsghdr req = {
		.nlmsg_len = sizeof(req), .nlmsg_type = NLMSG_NOOP,
		.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK, .nlmsg_seq = 77,
	};
	struct sockaddr_nl k = { .nl_family = AF_NETLINK };

	sendto(alarm_fd, &req, sizeof(req), 0, (struct sockaddr *)&k,
	       sizeof(k));
}

/* EINTR on the kernel socket's recv: the wait goes on, nothing is lost */
START_TEST(kernel_recv_eintr)
{
	struct sigaction sa;
	struct itimerval it = { .it_value = { 0, 100000 } };
	struct mplsroute_sock *s = NULL;
	const struct nlmsghdr *nlh;
	ssize_t n;

	if (mplsroute_sock_open(&s) < 0)
		return;		/* no netlink here: nothing to test */
	alarm_fd = mplsroute_sock_fd(s);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: recvmsg gets EINTR */
	ck_assert_int_eq(sigaction(SIGALRM, &sa, NULL), 0);
	ck_assert_int_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
	n = s->tp->recv(s, s->rx, sizeof(s->rx), 0);
	ck_assert_int_ge(n, (ssize_t)NLMSG_HDRLEN);
	nlh = (const struct nlmsghdr *)s->rx;
	ck_assert_uint_eq(nlh->nlmsg_type, NLMSG_ERROR);
	ck_assert_uint_eq(nlh->nlmsg_seq, 77);
	mplsroute_sock_close(s);
}
END_TEST

static Suite *hostile_suite(void)
{
	Suite *su = suite_create("hostile");
	TCase *tc = tcase_create("wire");

	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, dump_19_bytes);
	tcase_add_test(tc, dump_len_2g);
	tcase_add_test(tc, dump_truncated);
	tcase_add_test(tc, send_buf_len_2g);
	tcase_add_test(tc, extack_len_2g);
	tcase_add_test(tc, error_out_of_range);
	tcase_add_test(tc, done_out_of_range);
	tcase_add_test(tc, ack_never_comes);
	tcase_add_test(tc, foreign_and_stale_skipped);
	tcase_add_test(tc, batch_ack_len_2g);
	tcase_add_test(tc, request_len_2g);
	suite_add_tcase(su, tc);
	tc = tcase_create("kernel");
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, kernel_recv_eintr);
	suite_add_tcase(su, tc);
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(hostile_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
