/* check_sock.c: unit tests for the socket layer (lib/sock.c) and the replay transport (lib/replay.c) */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>
#include "mplsroute.h"
#include "sockint.h"
#include "privileged.h"
#include "hex.h"

/* the mpls-exists request: -f mpls route add 100 as 110 via inet 192.168.40.102 */
static const char add100[] =
	"380000001800050600000000000000001c140000fe03000100000000080001"
	"0000064100080013000006e1000a0012000200c0a828660000";

/* topdir: made and removed by the parent (unchecked fixture), so that a
 * failing test, which skips its teardown, leaves nothing in /tmp; dir: one
 * fresh directory inside it per test */
static char topdir[64];
static char dir[96];

/* @hex into @buf (@len bytes): the message's length */
static size_t unhex(void *buf, size_t len, const char *hex)
{
	int n = unit_hex2bin(hex, buf, len);

	ck_assert_int_gt(n, 0);
	return (size_t)n;
}

static void setup_top(void)
{
	strcpy(topdir, "/tmp/check_sock.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(topdir));
}

static void teardown_top(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", topdir);
	ck_assert_int_eq(system(cmd), 0);
}

static void setup(void)
{
	snprintf(dir, sizeof(dir), "%s/t.XXXXXX", topdir);
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static char *path(const char *name)
{
	static char p[2][160];
	static int i;

	i ^= 1;
	snprintf(p[i], sizeof(p[i]), "%s/%s", dir, name);
	return p[i];
}

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(path(name), "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *name)
{
	static char buf[8192];
	FILE *f = fopen(path(name), "r");
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static struct mplsroute_sock *open_replay(const char *responses)
{
	struct mplsroute_sock *s = NULL;

	if (responses)
		write_file("responses", responses);
	ck_assert_int_eq(mplsroute_sock_open_replay(&s, path("record"),
			 responses ? path("responses") : NULL), 0);
	return s;
}

START_TEST(replay_ack_and_record)
{
	struct mplsroute_sock *s = open_replay(NULL);
	char buf[256], err[64] = "x";
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

	unhex(buf, sizeof(buf), add100);
	nlh->nlmsg_seq = 77;
	nlh->nlmsg_pid = 99;
	ck_assert_int_eq(mplsroute_sock_talk(s, nlh, err, sizeof(err)), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_ne(nlh->nlmsg_seq, 77);
	mplsroute_sock_close(s);
	ck_assert_str_eq(read_file("record"),
			 "RTM_NEWROUTE 0x605 380000001800050600000000000000001c140000"
			 "fe030001000000000800010000064100080013000006e1000a0012000200"
			 "c0a828660000\n");
}
END_TEST

START_TEST(replay_error)
{
	struct mplsroute_sock *s = open_replay(
		"NLMSG_ERROR 0x0 4c000000020000000000000000000000efffffff"
		"380000001800050600000000000000001c140000fe030001000000000800"
		"010000064100080013000006e1000a0012000200c0a828660000\n");
	char buf[256], err[64];

	unhex(buf, sizeof(buf), add100);
	ck_assert_int_eq(mplsroute_sock_talk(s, (struct nlmsghdr *)buf, err,
					     sizeof(err)), -EEXIST);
	ck_assert_str_eq(err, "");
	/* the recording is used up: the next ACK is made up */
	ck_assert_int_eq(mplsroute_sock_talk(s, (struct nlmsghdr *)buf, err,
					     sizeof(err)), 0);
	mplsroute_sock_close(s);
}
END_TEST

/* an NLMSG_ERROR (capped) with an NLMSGERR_ATTR_MSG "bad label" */
START_TEST(replay_extack)
{
	struct mplsroute_sock *s = open_replay(
		"NLMSG_ERROR 0x300 "
		"34000000020000030000000000000000"	/* len 52, ERROR, CAPPED|TLVS */
		"eaffffff"				/* -22 */
		"38000000180005060000000000000000"	/* echoed header */
		"0e000100626164206c6162656c000000\n");
	char buf[256], err[64];

	unhex(buf, sizeof(buf), add100);
	ck_assert_int_eq(mplsroute_sock_talk(s, (struct nlmsghdr *)buf, err,
					     sizeof(err)), -EINVAL);
	ck_assert_str_eq(err, "bad label");
	ck_assert_str_eq(mplsroute_sock_errmsg(s), "bad label");
	mplsroute_sock_close(s);
}
END_TEST

static int count_cb(const struct nlmsghdr *nlh, void *data)
{
	int *n = data;

	ck_assert_uint_eq(nlh->nlmsg_type, RTM_NEWROUTE);
	(*n)++;
	return 0;
}

/* flush-mpls-dev: dump, a delete without ACK, dump again */
START_TEST(replay_dump)
{
	static const char get[] = "280000001a00010300000000000000001c000000"
		"00000000000000000000000008001d0001000000";
	static const char del[] = "400000001900010000000000000000001c140000"
		"fe030001000000000800010000064100080013000006e1000a0012000200"
		"c0a828660000080004000c000000";
	struct mplsroute_sock *s = open_replay(
		"RTM_NEWROUTE 0x2 400000001800020000000000000000001c140000fe03"
		"0001000000000800010000064100080013000006e1000a0012000200c0a8"
		"28660000080004000c000000\n"
		"RTM_NEWROUTE 0x2 400000001800020000000000000000001c140000fe03"
		"00010000000008000100000c810008001300000d21000a0012000200c0a8"
		"1e660000080004000b000000\n"
		"NLMSG_DONE 0x2 1400000003000200000000000000000000000000\n"
		"RTM_NEWROUTE 0x2 400000001800020000000000000000001c140000fe03"
		"00010000000008000100000c810008001300000d21000a0012000200c0a8"
		"1e660000080004000b000000\n"
		"NLMSG_DONE 0x2 1400000003000200000000000000000000000000\n");
	char buf[256];
	int n = 0;

	unhex(buf, sizeof(buf), get);
	((struct nlmsghdr *)buf)->nlmsg_flags = NLM_F_REQUEST;
	ck_assert_int_eq(mplsroute_sock_dump(s, (struct nlmsghdr *)buf,
					     count_cb, &n), 0);
	ck_assert_int_eq(n, 2);
	unhex(buf, sizeof(buf), del);
	ck_assert_int_eq(mplsroute_sock_send(s, (struct nlmsghdr *)buf), 0);
	ck_assert_int_eq(mplsroute_sock_check(s), 0);
	unhex(buf, sizeof(buf), get);
	n = 0;
	ck_assert_int_eq(mplsroute_sock_dump(s, (struct nlmsghdr *)buf,
					     count_cb, &n), 0);
	ck_assert_int_eq(n, 1);
	mplsroute_sock_close(s);
	ck_assert_str_eq(read_file("record"),
			 "RTM_GETROUTE 0x301 280000001a00010300000000000000001c000000"
			 "00000000000000000000000008001d0001000000\n"
			 "RTM_DELROUTE 0x1 400000001900010000000000000000001c140000"
			 "fe030001000000000800010000064100080013000006e1000a0012000200"
			 "c0a828660000080004000c000000\n"
			 "RTM_GETROUTE 0x301 280000001a00010300000000000000001c000000"
			 "00000000000000000000000008001d0001000000\n");
}
END_TEST

/* a dump whose answer is an error; a no-ACK delete that the kernel refused */
START_TEST(replay_dump_error_and_check)
{
	struct mplsroute_sock *s = open_replay(
		"NLMSG_DONE 0x202 20000000030002020000000000000000"
		"a1ffffff" "0c0001006e6f206d706c7300\n"	/* -95 "no mpls" */
		"NLMSG_ERROR 0x0 4c000000020000000000000000000000fdffffff"
		"380000001900010000000000000000001c140000fe030001000000000800"
		"010000064100080013000006e1000a0012000200c0a828660000\n");
	char buf[256];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

	memset(buf, 0, sizeof(buf));
	nlh->nlmsg_len = NLMSG_HDRLEN + sizeof(struct rtmsg);
	nlh->nlmsg_type = RTM_GETROUTE;
	ck_assert_int_eq(mplsroute_sock_dump(s, nlh, NULL, NULL), -EOPNOTSUPP);
	ck_assert_str_eq(mplsroute_sock_errmsg(s), "no mpls");
	unhex(buf, sizeof(buf), add100);
	nlh->nlmsg_type = RTM_DELROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	ck_assert_int_eq(mplsroute_sock_send(s, nlh), 0);
	ck_assert_int_eq(mplsroute_sock_check(s), -ESRCH);
	ck_assert_int_eq(mplsroute_sock_check(s), 0);
	mplsroute_sock_close(s);
}
END_TEST

/* several messages in one send: each recorded, each ACKed with its seq */
START_TEST(replay_send_buf)
{
	struct mplsroute_sock *s = open_replay(NULL);
	char buf[512];
	size_t n = unhex(buf, sizeof(buf), add100);
	struct nlmsghdr *a = (struct nlmsghdr *)buf;
	struct nlmsghdr *b = (struct nlmsghdr *)(buf + n);
	ssize_t got;
	uint32_t sa, sb;

	memcpy(buf + n, buf, n);
	ck_assert_int_eq(mplsroute_sock_send_buf(s, buf, n * 2), 0);
	sa = a->nlmsg_seq;
	sb = b->nlmsg_seq;
	ck_assert_uint_eq(sb, sa + 1);
	got = s->tp->recv(s, s->rx, sizeof(s->rx), 1);
	ck_assert_int_eq(got, 2 * 36);
	a = (struct nlmsghdr *)s->rx;
	b = (struct nlmsghdr *)(s->rx + 36);
	ck_assert_uint_eq(a->nlmsg_type, NLMSG_ERROR);
	ck_assert_uint_eq(a->nlmsg_seq, sa);
	ck_assert_uint_eq(b->nlmsg_seq, sb);
	ck_assert_int_eq(s->tp->recv(s, s->rx, sizeof(s->rx), 1), -EAGAIN);
	ck_assert_int_eq(mplsroute_sock_send_buf(s, buf, n + 3), -EINVAL);
	mplsroute_sock_close(s);
}
END_TEST

/* a transport that hands out one message per datagram, as a kernel may */
static const struct mr_transport *inner_tp;
static struct mr_transport small_tp;

static ssize_t small_recv(struct mplsroute_sock *s, void *buf, size_t len,
			  int flags)
{
	return inner_tp->recv(s, buf, len < 72 ? len : 72, flags);
}

struct flush_walk {
	struct mplsroute_sock *s;
	int routes;
};

/* as a flush does: a delete sent from inside the dump, then a check */
static int flush_cb(const struct nlmsghdr *nlh, void *data)
{
	struct flush_walk *w = data;
	char buf[256];

	memcpy(buf, nlh, nlh->nlmsg_len);
	((struct nlmsghdr *)buf)->nlmsg_type = RTM_DELROUTE;
	((struct nlmsghdr *)buf)->nlmsg_flags = NLM_F_REQUEST;
	ck_assert_int_eq(mplsroute_sock_send(w->s, (struct nlmsghdr *)buf), 0);
	ck_assert_int_eq(mplsroute_sock_check(w->s), 0);
	w->routes++;
	return 0;
}

/* mplsroute_sock_check inside a dump leaves the dump's messages alone */
START_TEST(replay_check_inside_dump)
{
	static const char route[] = "RTM_NEWROUTE 0x2 3800000018000200000000"
		"00000000001c140000fe030001000000000800010000064100080013000006"
		"e1000a0012000200c0a828660000\n";
	char resp[1024], buf[64];
	struct mplsroute_sock *s;
	struct flush_walk w = { 0 };
	struct nlmsghdr *nlh;

	snprintf(resp, sizeof(resp), "%s%s%s%s", route, route, route,
		 "NLMSG_DONE 0x2 1400000003000200000000000000000000000000\n");
	s = open_replay(resp);
	inner_tp = s->tp;
	small_tp = *s->tp;
	small_tp.recv = small_recv;
	s->tp = &small_tp;
	w.s = s;
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETROUTE;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct rtmsg));
	ck_assert_int_eq(mplsroute_sock_dump(s, nlh, flush_cb, &w), 0);
	ck_assert_int_eq(w.routes, 3);
	mplsroute_sock_close(s);
}
END_TEST

/* ---- the real kernel socket (the host kernel: NETLINK_ROUTE, no MPLS) -- */

static int link_cb(const struct nlmsghdr *nlh, void *data)
{
	int *n = data;

	if (nlh->nlmsg_type == RTM_NEWLINK)
		(*n)++;
	return 0;
}

static int stop_cb(const struct nlmsghdr *nlh, void *data)
{
	return -ECANCELED;
}

START_TEST(kernel_dump_links)
{
	struct mplsroute_sock *s = NULL;
	char buf[64];
	struct nlmsghdr *nlh;
	int n = 0;

	ck_assert_int_eq(mplsroute_sock_open(&s), 0);
	ck_assert_int_ge(mplsroute_sock_fd(s), 0);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETLINK;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct rtgenmsg));
	ck_assert_int_eq(mplsroute_sock_dump(s, nlh, link_cb, &n), 0);
	ck_assert_int_ge(n, 1);			/* lo at least */
	/* a callback's error stops the dump; the leftovers are ignored later */
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETLINK;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct rtgenmsg));
	ck_assert_int_eq(mplsroute_sock_dump(s, nlh, stop_cb, NULL),
			 -ECANCELED);
	n = 0;
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETLINK;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct rtgenmsg));
	ck_assert_int_eq(mplsroute_sock_dump(s, nlh, link_cb, &n), 0);
	ck_assert_int_ge(n, 1);
	mplsroute_sock_close(s);
}
END_TEST

/* a kernel without MPLS refuses an AF_MPLS route; stale errors are skipped */
START_TEST(kernel_no_mpls)
{
	struct mplsroute_sock *s = NULL;
	char buf[256];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	int ret;

	ck_assert_int_eq(mplsroute_sock_open(&s), 0);
	unhex(buf, sizeof(buf), add100);
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL;
	ck_assert_int_eq(mplsroute_sock_send(s, nlh), 0);  /* error left queued */
	unhex(buf, sizeof(buf), add100);
	ret = mplsroute_sock_talk(s, nlh, NULL, 0);
	ck_assert_msg(ret == -EAFNOSUPPORT || ret == -EOPNOTSUPP,
		      "got %d", ret);
	/* the queued error of the first send was not for the talk's seq */
	ck_assert_int_eq(mplsroute_sock_check(s), 0);
	mplsroute_sock_close(s);
}
END_TEST

/* a datagram from another user socket, with our next seq, is ignored */
START_TEST(kernel_ignores_userspace)
{
	struct mplsroute_sock *s = NULL;
	struct mnl_socket *fake;
	char buf[256], fb[64];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf, *f;
	struct nlmsgerr *e;
	struct sockaddr_nl to = { .nl_family = AF_NETLINK };
	int ret;

	ck_assert_int_eq(mplsroute_sock_open(&s), 0);
	fake = mnl_socket_open(NETLINK_ROUTE);
	ck_assert_ptr_nonnull(fake);
	ck_assert_int_eq(mnl_socket_bind(fake, 0, MNL_SOCKET_AUTOPID), 0);
	f = mnl_nlmsg_put_header(fb);
	f->nlmsg_type = NLMSG_ERROR;
	f->nlmsg_seq = s->seq + 1;
	e = mnl_nlmsg_put_extra_header(f, sizeof(*e));
	e->error = -EPERM;
	to.nl_pid = s->portid;
	ck_assert_int_eq(sendto(mnl_socket_get_fd(fake), f, f->nlmsg_len, 0,
				(struct sockaddr *)&to, sizeof(to)),
			 f->nlmsg_len);
	unhex(buf, sizeof(buf), add100);
	ret = mplsroute_sock_talk(s, nlh, NULL, 0);
	ck_assert_msg(ret == -EAFNOSUPPORT || ret == -EOPNOTSUPP,
		      "got %d (the fake -EPERM is %d)", ret, -EPERM);
	mnl_socket_close(fake);
	mplsroute_sock_close(s);
}
END_TEST

static Suite *sock_suite(void)
{
	Suite *su = suite_create("sock");
	TCase *tc = tcase_create("replay");

	tcase_add_unchecked_fixture(tc, setup_top, teardown_top);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, replay_ack_and_record);
	tcase_add_test(tc, replay_error);
	tcase_add_test(tc, replay_extack);
	tcase_add_test(tc, replay_dump);
	tcase_add_test(tc, replay_dump_error_and_check);
	tcase_add_test(tc, replay_send_buf);
	tcase_add_test(tc, replay_check_inside_dump);
	suite_add_tcase(su, tc);
	tc = tcase_create("kernel");
	tcase_add_test(tc, kernel_dump_links);	/* a dump: no privilege */
	if (unit_privileged("check_sock/kernel-routes")) {
		tcase_add_test(tc, kernel_no_mpls);
		tcase_add_test(tc, kernel_ignores_userspace);
	}
	suite_add_tcase(su, tc);
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(sock_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
