/* fuzz_sock.c: dump, talk, check and batch fed any kernel answers */
/*
 * The answers come through a socketpair (testsuite/unit/pairsock.h).
 * Input: a mode byte, then datagrams as [u16 length, little-endian][bytes].
 * Mode bits 0-1: 0 a route dump (routes printed), 1 a talk (an add),
 * 2 a batch of three adds, 3 a send without ACK then sock_check and a dump;
 * bit 2: seqs set to the request's (+ the message's own seq & 3);
 * bit 3: the batch stops at the first failure.
 */
#include <string.h>
#include <linux/rtnetlink.h>
#include "mplsroute.h"
#include "pairsock.h"
#include "fuzz.h"

#define SEQ 1000

/* -f mpls route add 100 as 110 via inet 192.168.40.102 */
static const uint8_t add100[56] = {
	0x38, 0, 0, 0, 0x18, 0, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0,
	0x1c, 0x14, 0, 0, 0xfe, 0x03, 0, 0x01, 0, 0, 0, 0,
	0x08, 0, 0x01, 0, 0, 0x06, 0x41, 0,		/* RTA_DST 100 */
	0x08, 0, 0x13, 0, 0, 0x06, 0xe1, 0,		/* RTA_NEWDST 110 */
	0x0a, 0, 0x12, 0, 0x02, 0, 0xc0, 0xa8, 0x28, 0x66, 0, 0,
};

static int print_cb(const struct nlmsghdr *nlh,
		    const struct mplsroute_route *rt, void *data)
{
	struct mplsroute_json j;

	if (!rt)
		return 0;
	mplsroute_route_print(fuzz_sink(), rt, NULL);
	mplsroute_json_open(&j, fuzz_sink(), 0);
	mplsroute_route_print_json(&j, rt, NULL);
	mplsroute_json_close(&j);
	return 0;
}

static void batch_cb(const struct nlmsghdr *req, int err, const char *msg,
		     unsigned long cookie, void *data)
{
	FUZZ_ASSERT(err <= 0 && err >= -4095);
	FUZZ_ASSERT(msg != NULL && strlen(msg) < MR_ERRMSG_SIZE);
}

/* give the messages of a datagram seqs the requests will look for */
static void fix_seqs(uint8_t *p, size_t left)
{
	uint32_t seq;

	while (mr_nlmsg_ok(p, left)) {
		memcpy(&seq, p + 8, 4);
		seq = SEQ + 1 + (seq & 3);
		memcpy(p + 8, &seq, 4);
		p = mr_nlmsg_next(p, &left);
	}
}

/* the datagrams of the input to @peer; 0, or -1 if the input is bad */
static int feed(int peer, const uint8_t *data, size_t size, int fix)
{
	static uint8_t dg[65536];
	size_t len;

	while (size >= 2) {
		len = data[0] | (size_t)data[1] << 8;
		data += 2;
		size -= 2;
		if (len > size || len == 0)
			return -1;
		memcpy(dg, data, len);
		if (fix)
			fix_seqs(dg, len);
		if (pair_put(peer, dg, len) < 0)
			return -1;
		data += len;
		size -= len;
	}
	return 0;
}

static void run_batch(struct mplsroute_sock *s, int stop)
{
	struct mplsroute_batch *b;
	uint8_t req[sizeof(add100)];
	int i, ret;

	if (mplsroute_batch_open(&b, s, stop ? MPLSROUTE_BATCH_STOP : 0, 0,
				 batch_cb, NULL) < 0)
		return;
	for (i = 0; i < 3; i++) {
		memcpy(req, add100, sizeof(req));
		req[34] += (uint8_t)(i << 4);	/* labels 100, 101, 102 */
		ret = mplsroute_batch_add(b, (struct nlmsghdr *)req, i);
		if (ret < 0)
			break;
	}
	ret = mplsroute_batch_flush(b);
	FUZZ_ASSERT(ret <= 0);
	mplsroute_batch_close(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mplsroute_sock *s;
	uint8_t req[sizeof(add100)];
	char err[64];
	int peer, ret;

	if (size < 1 || size > 65536)
		return 0;
	s = pair_open(&peer, SEQ, 0);	/* nothing more queued: -ETIMEDOUT */
	if (!s)
		abort();
	if (feed(peer, data + 1, size - 1, data[0] & 4) < 0)
		goto out;
	memcpy(req, add100, sizeof(req));
	switch (data[0] & 3) {
	case 0:
		ret = mplsroute_route_dump(s, AF_MPLS, print_cb, NULL);
		break;
	case 1:
		ret = mplsroute_sock_talk(s, (struct nlmsghdr *)req, err,
					  sizeof(err));
		FUZZ_ASSERT(strlen(err) < sizeof(err));
		break;
	case 2:
		run_batch(s, data[0] & 8);
		ret = 0;
		break;
	default:
		((struct nlmsghdr *)req)->nlmsg_flags &= ~NLM_F_ACK;
		ret = mplsroute_sock_send(s, (struct nlmsghdr *)req);
		if (ret == 0)
			ret = mplsroute_sock_check(s);
		if (ret == 0)
			ret = mplsroute_route_dump(s, AF_MPLS, print_cb, NULL);
		break;
	}
	FUZZ_ASSERT(ret <= 0);
	FUZZ_ASSERT(strlen(mplsroute_sock_errmsg(s)) < MR_ERRMSG_SIZE);
out:
	mplsroute_sock_close(s);
	close(peer);
	return 0;
}
