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
 * A fake kernel for the no-ACK windows: it handles each message in order
 * as rtnetlink does: an add of a label in its table fails with -EEXIST
 * (extack "label L exists"), a delete removes the label; it answers a
 * failure always and a success only under NLM_F_ACK, one datagram each.
 * It keeps what was sent: the labels and whether each asked for its ACK.
 */
#define FK_MAX 256
static uint8_t fk_table[1024];
static unsigned char fk_q[FK_MAX][128];
static unsigned fk_qlen[FK_MAX], fk_qn, fk_qhead;
static uint32_t fk_label[FK_MAX];
static int fk_acked[FK_MAX], fk_nsent;

static uint32_t fk_label_of(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct rtmsg))
		if (mnl_attr_get_type(a) == RTA_DST)
			return ntohl(mnl_attr_get_u32(a)) >> 12;
	return 0;
}

static void fk_answer(const struct nlmsghdr *req, int err, uint32_t label)
{
	char buf[128], text[32];
	struct nlmsghdr *nlh;
	struct nlmsgerr *e;

	ck_assert_uint_lt(fk_qn, FK_MAX);
	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED;
	nlh->nlmsg_seq = req->nlmsg_seq;
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	e->error = err;
	e->msg = *req;
	if (err) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		snprintf(text, sizeof(text), "label %u exists", label);
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, text);
	}
	memcpy(fk_q[fk_qn], buf, nlh->nlmsg_len);
	fk_qlen[fk_qn++] = nlh->nlmsg_len;
}

static int fk_send(struct mplsroute_sock *s, const void *buf, size_t len)
{
	const struct nlmsghdr *nlh = buf;
	uint32_t l;
	int err;

	sends++;
	for (; mnl_nlmsg_ok(nlh, (int)len); nlh = mnl_nlmsg_next(nlh, (int *)&len)) {
		l = fk_label_of(nlh);
		ck_assert_uint_lt(l, sizeof(fk_table));
		err = 0;
		if (nlh->nlmsg_type == RTM_NEWROUTE) {
			ck_assert_int_lt(fk_nsent, FK_MAX);
			fk_label[fk_nsent] = l;
			fk_acked[fk_nsent++] = !!(nlh->nlmsg_flags & NLM_F_ACK);
			if (fk_table[l])
				err = -EEXIST;
			fk_table[l] = 1;
		} else if (nlh->nlmsg_type == RTM_DELROUTE) {
			err = fk_table[l] ? 0 : -ESRCH;
			fk_table[l] = 0;
		}
		if (err || (nlh->nlmsg_flags & NLM_F_ACK))
			fk_answer(nlh, err, l);
	}
	return 0;
}

static ssize_t fk_recv(struct mplsroute_sock *s, void *buf, size_t len,
		       int flags)
{
	unsigned n;

	if (fk_qhead == fk_qn)
		return flags & MR_RECV_NONBLOCK ? -EAGAIN : -ENODATA;
	n = fk_qlen[fk_qhead];
	ck_assert_uint_le(n, len);
	memcpy(buf, fk_q[fk_qhead], n);
	if (!(flags & MR_RECV_PEEK) && ++fk_qhead == fk_qn)
		fk_qhead = fk_qn = 0;
	return n;
}

/* the replay transport fk_open replaced: its close frees the replay */
static const struct mr_transport *fk_replay_tp;

static void fk_close(struct mplsroute_sock *s)
{
	if (fk_replay_tp && fk_replay_tp->close)
		fk_replay_tp->close(s);
}

static const struct mr_transport fk_transport = {
	.send = fk_send, .recv = fk_recv, .close = fk_close,
};

static char fk_errmsg[MAXRES][32];

static void fk_cb(const struct nlmsghdr *req, int err, const char *errmsg,
		  unsigned long cookie, void *data)
{
	ck_assert_int_lt(nres, MAXRES);
	results[nres] = err;
	snprintf(fk_errmsg[nres], sizeof(fk_errmsg[nres]), "%s", errmsg);
	cookies[nres++] = cookie;
}

/* a replay socket whose transport is the fake kernel, table empty */
static struct mplsroute_sock *fk_open(void)
{
	struct mplsroute_sock *s = NULL;

	ck_assert_int_eq(mplsroute_sock_open_replay(&s, path("record"), NULL),
			 0);
	fk_replay_tp = s->tp;
	s->tp = &fk_transport;
	memset(fk_table, 0, sizeof(fk_table));
	fk_qn = fk_qhead = 0;
	fk_nsent = 0;
	return s;
}

/* labels first..first+n-1, as lines 10, 11, ... (cookies) */
static void fk_adds(struct mplsroute_batch *b, uint32_t first, int n)
{
	char buf[256];
	int i;

	for (i = 0; i < n; i++)
		ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, first + i),
						     10 + i), 0);
}

/* the labels the fake kernel has, from @first on, as a string of 0s and 1s */
static const char *fk_have(uint32_t first, int n)
{
	static char out[64];
	int i;

	for (i = 0; i < n; i++)
		out[i] = fk_table[first + i] ? '1' : '0';
	out[n] = '\0';
	return out;
}

/* no failure: only the last add of each window asks for its ACK */
START_TEST(noack_barrier_per_window)
{
	struct mplsroute_sock *s = fk_open();
	struct mplsroute_batch *b = NULL;
	int i;

	ck_assert_int_eq(mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 4,
					      fk_cb, NULL), 0);
	ck_assert_int_eq(mplsroute_batch_set_noack(b, 1), 0);
	fk_adds(b, 100, 10);
	ck_assert_int_eq(mplsroute_batch_flush(b), 0);
	ck_assert_int_eq(sends, 3);
	ck_assert_int_eq(fk_nsent, 10);
	for (i = 0; i < 10; i++)
		ck_assert_msg(fk_acked[i] == (i == 3 || i == 7 || i == 9),
			      "add %d: NLM_F_ACK %d", i, fk_acked[i]);
	ck_assert_int_eq(nres, 10);
	for (i = 0; i < 10; i++) {
		ck_assert_int_eq(results[i], 0);
		ck_assert_uint_eq(cookies[i], 10 + i);
	}
	ck_assert_str_eq(fk_have(100, 10), "1111111111");
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/*
 * The 4th of 8 in one no-ACK window fails: its seq maps to its line (13)
 * with the kernel's text, the 4 after it, applied by the kernel, are
 * cancelled and deleted again (STOP); the label that was there stays.
 */
START_TEST(noack_failure_mid_window_stops)
{
	struct mplsroute_sock *s = fk_open();
	struct mplsroute_batch *b = NULL;
	char buf[256];
	int i;

	fk_table[103] = 1;
	ck_assert_int_eq(mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 8,
					      fk_cb, NULL), 0);
	ck_assert_int_eq(mplsroute_batch_set_noack(b, 1), 0);
	fk_adds(b, 100, 8);
	ck_assert_int_eq(mplsroute_batch_flush(b), -ECANCELED);
	ck_assert_int_eq(nres, 8);
	for (i = 0; i < 8; i++) {
		ck_assert_uint_eq(cookies[i], 10 + i);
		ck_assert_int_eq(results[i], i < 3 ? 0 :
				 i == 3 ? -EEXIST : -ECANCELED);
	}
	ck_assert_str_eq(fk_errmsg[3], "label 103 exists");
	ck_assert_uint_eq(mplsroute_batch_failures(b), 1);
	ck_assert_str_eq(fk_have(100, 8), "11110000");
	ck_assert_int_eq(sends, 1 + 4);		/* the window, 4 undos */
	ck_assert_int_eq(mplsroute_batch_add(b, mpls_add(buf, 200), 99),
			 -ECANCELED);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/* -force: two failures in one window (one of them the barrier), in order */
START_TEST(noack_failures_force)
{
	struct mplsroute_sock *s = fk_open();
	struct mplsroute_batch *b = NULL;
	int i;

	fk_table[102] = fk_table[107] = 1;
	ck_assert_int_eq(mplsroute_batch_open(&b, s, 0, 8, fk_cb, NULL), 0);
	ck_assert_int_eq(mplsroute_batch_set_noack(b, 1), 0);
	fk_adds(b, 100, 11);
	ck_assert_int_eq(mplsroute_batch_flush(b), -ECANCELED);
	ck_assert_int_eq(sends, 2);
	ck_assert_int_eq(nres, 11);
	for (i = 0; i < 11; i++) {
		ck_assert_uint_eq(cookies[i], 10 + i);
		ck_assert_int_eq(results[i], i == 2 || i == 7 ? -EEXIST : 0);
	}
	ck_assert_str_eq(fk_errmsg[2], "label 102 exists");
	ck_assert_str_eq(fk_errmsg[7], "label 107 exists");
	ck_assert_str_eq(fk_errmsg[6], "");
	ck_assert_uint_eq(mplsroute_batch_failures(b), 2);
	ck_assert_str_eq(fk_have(100, 11), "11111111111");
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/* with ACKs (the default) every add asks; set_noack waits for a flush */
START_TEST(noack_off_and_busy)
{
	struct mplsroute_sock *s = fk_open();
	struct mplsroute_batch *b = NULL;
	int i;

	ck_assert_int_eq(mplsroute_batch_open(&b, s, MPLSROUTE_BATCH_STOP, 4,
					      fk_cb, NULL), 0);
	fk_adds(b, 100, 2);
	ck_assert_int_eq(mplsroute_batch_set_noack(b, 1), -EBUSY);
	ck_assert_int_eq(mplsroute_batch_flush(b), 0);
	ck_assert_int_eq(mplsroute_batch_set_noack(b, 1), 0);
	fk_adds(b, 102, 2);
	ck_assert_int_eq(mplsroute_batch_flush(b), 0);
	ck_assert_int_eq(mplsroute_batch_set_noack(b, 0), 0);
	fk_adds(b, 104, 2);
	ck_assert_int_eq(mplsroute_batch_flush(b), 0);
	for (i = 0; i < 6; i++)
		ck_assert_msg(fk_acked[i] == (i != 2), "add %d", i);
	ck_assert_int_eq(nres, 6);
	mplsroute_batch_close(b);
	mplsroute_sock_close(s);
}
END_TEST

/*
 * The host kernel (no MPLS) refuses every AF_MPLS add: 700 results, in
 * order, through windows of 256 received many datagrams at a time; with
 * @noack the adds go without ACKs and every failure still comes back by
 * its seq.
 */
static void kernel_in_order(int noack)
{
	struct mplsroute_sock *s = NULL;
	struct mplsroute_batch *b = NULL;
	static int seen[700];
	char buf[256];
	int i;

	kernel_cb_calls = 0;
	memset(seen, 0, sizeof(seen));
	ck_assert_int_eq(mplsroute_sock_open(&s), 0);
	ck_assert_ptr_nonnull(s->tp->recv_many);
	ck_assert_int_eq(mplsroute_batch_open(&b, s, 0, 256, kernel_cb, seen),
			 0);
	ck_assert_int_eq(mplsroute_batch_set_noack(b, noack), 0);
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

START_TEST(kernel_results_in_order)
{
	kernel_in_order(0);
}
END_TEST

START_TEST(kernel_noack_results_in_order)
{
	kernel_in_order(1);
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
	tcase_add_test(tc, noack_barrier_per_window);
	tcase_add_test(tc, noack_failure_mid_window_stops);
	tcase_add_test(tc, noack_failures_force);
	tcase_add_test(tc, noack_off_and_busy);
	suite_add_tcase(su, tc);
	if (unit_privileged("check_batch/kernel")) {
		tc = tcase_create("kernel");
		tcase_add_test(tc, kernel_results_in_order);
		tcase_add_test(tc, kernel_noack_results_in_order);
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
