/* check_batch.c: unit tests for the pipelined batches (lib/batch.c) over the replay transport */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>
#include "mplsroute.h"
#include "sockint.h"
#include "privileged.h"

#define MAXRES 64

static char dir[64];
static int results[MAXRES];
static unsigned long cookies[MAXRES];
static int nres;
static int sends;
static struct mr_transport counting;
static const struct mr_transport *real_tp;

static int count_send(struct mplsroute_sock *s, const void *buf, size_t len)
{
	sends++;
	return real_tp->send(s, buf, len);
}

static void result_cb(const struct nlmsghdr *req, int err, const char *errmsg,
		      unsigned long cookie, void *data)
{
	ck_assert_int_lt(nres, MAXRES);
	ck_assert_uint_eq(req->nlmsg_type, RTM_NEWROUTE);
	results[nres] = err;
	cookies[nres++] = cookie;
}

static int kernel_cb_calls;

static void kernel_cb(const struct nlmsghdr *req, int err, const char *errmsg,
		      unsigned long cookie, void *data)
{
	int *seen = data;

	ck_assert_uint_eq(cookie, (unsigned long)kernel_cb_calls);
	seen[cookie] = err;
	kernel_cb_calls++;
}

static void setup(void)
{
	strcpy(dir, "/tmp/check_batch.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	nres = 0;
	sends = 0;
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *path(const char *name)
{
	static char p[2][128];
	static int i;

	i ^= 1;
	snprintf(p[i], sizeof(p[i]), "%s/%s", dir, name);
	return p[i];
}

/* -f mpls route add LABEL via inet 10.0.0.1 (flags 0x605) into buf */
static struct nlmsghdr *mpls_add(char *buf, uint32_t label)
{
	struct nlmsghdr *nlh;
	/* every caller's buf is 256 bytes: zeroed, as mnl_attr_put leaves
	 * the padding (RTA_VIA's 2 bytes) as it was (valgrind saw them) */
	memset(buf, 0, 256);
	nlh = mnl_nlmsg_put_header(buf);
	struct rtmsg *rtm;
	uint32_t lse = htonl(label << 12 | 1 << 8);
	struct { uint16_t family; uint8_t a[4]; } __attribute__((packed)) via =
		{ AF_INET, { 10, 0, 0, 1 } };

	nlh->nlmsg_type = RTM_NEWROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE |
			   NLM_F_EXCL;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = AF_MPLS;
	rtm->rtm_dst_len = 20;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = RTPROT_BOOT;
	rtm->rtm_type = RTN_UNICAST;
	mnl_attr_put(nlh, RTA_DST, sizeof(lse), &lse);
	mnl_attr_put(nlh, RTA_VIA, sizeof(via), &via);
	return nlh;
}

/* a responses line answering @nlh: an ACK, or the error @err echoing it */
static void answer(FILE *f, const struct nlmsghdr *nlh, int err)
{
	const unsigned char *p = (const void *)nlh;
	uint32_t len = 16 + 4 + (err ? nlh->nlmsg_len : 16), i;
	unsigned char hdr[20];
	struct nlmsghdr *h = (struct nlmsghdr *)hdr;

	memset(hdr, 0, sizeof(hdr));
	h->nlmsg_len = len;
	h->nlmsg_type = NLMSG_ERROR;
	h->nlmsg_flags = err ? 0 : NLM_F_CAPPED;
	memcpy(hdr + 16, &err, 4);
	fprintf(f, "NLMSG_ERROR 0x%x ", h->nlmsg_flags);
	for (i = 0; i < 20; i++)
		fprintf(f, "%02x", hdr[i]);
	for (i = 0; i < (err ? nlh->nlmsg_len : 16); i++)
		fprintf(f, "%02x", (i >= 8 && i < 16) ? 0 : p[i]);
	fputc('\n', f);
}

/* responses for adds of labels[0..n-1]: ACKs, -EEXIST at index @bad */
static void write_responses(const uint32_t *labels, int n, int bad)
{
	FILE *f = fopen(path("responses"), "w");
	char buf[256];
	int i;

	ck_assert_ptr_nonnull(f);
	for (i = 0; i < n; i++)
		answer(f, mpls_add(buf, labels[i]), i == bad ? -EEXIST : 0);
	fclose(f);
}

static struct mplsroute_sock *open_sock(int with_responses)
{
	struct mplsroute_sock *s = NULL;

	ck_assert_int_eq(mplsroute_sock_open_replay(&s, path("record"),
			 with_responses ? path("responses") : NULL), 0);
	real_tp = s->tp;
	counting = *s->tp;
	counting.send = count_send;
	s->tp = &counting;
	return s;
}

/* the record: how many lines, and how many of them are deletes */
static int record_lines(int *dels)
{
	FILE *f = fopen(path("record"), "r");
	char line[1024];
	int n = 0;

	ck_assert_ptr_nonnull(f);
	*dels = 0;
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (!strncmp(line, "RTM_DELROUTE 0x5 ", 17))
			(*dels)++;
	}
	fclose(f);
	return n;
}

START_TEST(window_packs_and_matches)
{
	struct mplsroute_sock *s = open_sock(0);
	struct mplsroute_batch *b = NULL;
	char buf[256];
	int i, dels;

	ck_assert_int_eq(mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 4,
					      result_cb, NULL), 0);
	for (i = 0; i < 10; i++)
		ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 100 + i),
						     i + 1), 0);
	ck_assert_int_eq(sends, 2);		/* two full windows of 4 */
	ck_assert_int_eq(nres, 8);
	ck_assert_int_eq(mplsroute_batch_flush(b), 0);
	ck_assert_int_eq(sends, 3);
	ck_assert_int_eq(nres, 10);
	for (i = 0; i < 10; i++) {
		ck_assert_int_eq(results[i], 0);
		ck_assert_uint_eq(cookies[i], i + 1);
	}
	ck_assert_int_eq(record_lines(&dels), 10);
	ck_assert_int_eq(dels, 0);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/* -EEXIST for the third of five: the fourth and fifth are undone */
START_TEST(stop_undoes_later_adds)
{
	static const uint32_t labels[] = { 100, 101, 102, 103, 104 };
	struct mplsroute_sock *s;
	struct mplsroute_batch *b = NULL;
	char buf[256];
	int i, dels;

	write_responses(labels, 5, 2);
	s = open_sock(1);
	ck_assert_int_eq(mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 16,
					      result_cb, NULL), 0);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, labels[i]),
						     i + 1), 0);
	ck_assert_int_eq(mplsroute_batch_flush(b), -ECANCELED);
	ck_assert_int_eq(sends, 3);		/* the window, two undos */
	ck_assert_int_eq(nres, 5);
	ck_assert_int_eq(results[0], 0);
	ck_assert_int_eq(results[1], 0);
	ck_assert_int_eq(results[2], -EEXIST);
	ck_assert_int_eq(results[3], -ECANCELED);
	ck_assert_int_eq(results[4], -ECANCELED);
	ck_assert_uint_eq(mplsroute_batch_failures(b), 1);
	ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 200), 6),
			 -ECANCELED);
	ck_assert_int_eq(record_lines(&dels), 7);
	ck_assert_int_eq(dels, 2);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/* without STOP (-force): every message is tried, the failure reported */
START_TEST(force_goes_on)
{
	static const uint32_t labels[] = { 100, 101, 102, 103, 104 };
	struct mplsroute_sock *s;
	struct mplsroute_batch *b = NULL;
	char buf[256];
	int i, dels;

	write_responses(labels, 5, 2);
	s = open_sock(1);
	ck_assert_int_eq(mplsroute_batch_open(&b, s, 0, 0, result_cb, NULL), 0);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, labels[i]),
						     i + 1), 0);
	ck_assert_int_eq(mplsroute_batch_flush(b), -ECANCELED);
	ck_assert_int_eq(sends, 1);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(results[i], i == 2 ? -EEXIST : 0);
	ck_assert_int_eq(record_lines(&dels), 5);
	ck_assert_int_eq(dels, 0);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/* batch-error: the same label twice goes alone, and nothing follows it */
START_TEST(same_key_goes_alone)
{
	static const uint32_t labels[] = { 100, 100 };
	struct mplsroute_sock *s;
	struct mplsroute_batch *b = NULL;
	char buf[256];
	int dels;

	write_responses(labels, 2, 1);
	s = open_sock(1);
	ck_assert_int_eq(mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 0,
					      result_cb, NULL), 0);
	ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 100), 1), 0);
	ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 100), 2), 0);
	ck_assert_int_eq(nres, 2);
	ck_assert_int_eq(results[0], 0);
	ck_assert_int_eq(results[1], -EEXIST);
	ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 200), 3),
			 -ECANCELED);
	ck_assert_int_eq(mplsroute_batch_flush(b), -ECANCELED);
	ck_assert_int_eq(sends, 2);
	ck_assert_int_eq(record_lines(&dels), 2);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/* anything but an add drains the window first, then goes alone */
START_TEST(other_messages_drain)
{
	struct mplsroute_sock *s = open_sock(0);
	struct mplsroute_batch *b = NULL;
	char buf[256];
	struct nlmsghdr *nlh;

	ck_assert_int_eq(mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 0,
					      result_cb, NULL), 0);
	ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 100), 1), 0);
	ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 101), 2), 0);
	ck_assert_int_eq(sends, 0);
	nlh = mpls_add(buf, 102);
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_REPLACE |
			   NLM_F_CREATE;
	ck_assert_int_eq(mplsroute_batch_add(b, nlh, 3), 0);
	ck_assert_int_eq(sends, 2);
	ck_assert_int_eq(nres, 3);
	ck_assert_uint_eq(cookies[2], 3);
	ck_assert_int_eq(mplsroute_batch_flush(b), 0);
	ck_assert_int_eq(sends, 2);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/*
 * The host kernel (no MPLS) refuses every AF_MPLS add: 700 results, in
 * order, through windows of 256 received many datagrams at a time.
 */
START_TEST(kernel_results_in_order)
{
	struct mplsroute_sock *s = NULL;
	struct mplsroute_batch *b = NULL;
	static int seen[700];
	char buf[256];
	int i;

	ck_assert_int_eq(mplsroute_sock_open(&s), 0);
	ck_assert_ptr_nonnull(s->tp->recv_many);
	ck_assert_int_eq(mplsroute_batch_open(&b, s, 0, 256, kernel_cb, seen),
			 0);
	for (i = 0; i < 700; i++)
		ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 16 + i),
						     i), 0);
	ck_assert_int_eq(mplsroute_batch_flush(b), -ECANCELED);
	ck_assert_uint_eq(mplsroute_batch_failures(b), 700);
	for (i = 0; i < 700; i++)
		ck_assert_msg(seen[i] == -EOPNOTSUPP || seen[i] == -EAFNOSUPPORT,
			      "message %d: %d", i, seen[i]);
	ck_assert_int_eq(kernel_cb_calls, 700);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

static Suite *batch_suite(void)
{
	Suite *su = suite_create("batch");
	TCase *tc = tcase_create("replay");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, window_packs_and_matches);
	tcase_add_test(tc, stop_undoes_later_adds);
	tcase_add_test(tc, force_goes_on);
	tcase_add_test(tc, same_key_goes_alone);
	tcase_add_test(tc, other_messages_drain);
	suite_add_tcase(su, tc);
	if (unit_privileged("check_batch/kernel")) {
		tc = tcase_create("kernel");
		tcase_add_test(tc, kernel_results_in_order);
		suite_add_tcase(su, tc);
	}
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(batch_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
