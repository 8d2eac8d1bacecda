/* nlmon_dump.c: runs a command, capturing its route netlink traffic (nlmon) */
/*
 * usage: nlmon_dump [-N NETNS] [-q REQFILE] [-a ANSFILE] IFNAME --
 *        COMMAND [ARGS...]
 *
 * Binds a packet socket to the nlmon device IFNAME (in the network namespace
 * NETNS, as "ip netns" names it, or else in the current one), runs COMMAND
 * with our stdin, stdout and stderr, waits for it, then writes what was
 * captured in the reference dumps' form (lib/record.c), one message a line,
 * "NAME FLAGS HEX", with nlmsg_seq and nlmsg_pid zeroed (in an NLMSG_ERROR
 * also those of the echoed request):
 *   REQFILE: the RTM_NEWROUTE, RTM_DELROUTE and RTM_GETROUTE requests;
 *   ANSFILE: the kernel's answers to them (NLMSG_ERROR, RTM_NEWROUTE parts
 *            of a dump, NLMSG_DONE), matched by sequence number.
 * Exits with COMMAND's exit code (128 + signal when killed, 127 when it
 * cannot be run), or 125 when the capture itself failed or lost frames.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"	/* mr_rec_*: the recordings' line format */

#define FRAME_MAX	(1 << 20)
#define SEQ_MAX		65536
#define EXIT_CAPTURE	125

struct capture {
	FILE *req;
	FILE *ans;
	unsigned nseq;
	uint32_t seq[SEQ_MAX];	/* sequence numbers of the route requests */
	int overflow;
};

static int is_route_type(uint16_t type)
{
	return type == RTM_NEWROUTE || type == RTM_DELROUTE ||
	       type == RTM_GETROUTE;
}

static int seq_known(const struct capture *cap, uint32_t seq)
{
	unsigned i;

	for (i = 0; i < cap->nseq; i++)
		if (cap->seq[i] == seq)
			return 1;
	return 0;
}

/* handle_msg - sort one message into requests, answers or nothing */
static void handle_msg(struct capture *cap, const struct nlmsghdr *nlh)
{
	if (nlh->nlmsg_flags & NLM_F_REQUEST) {
		if (!is_route_type(nlh->nlmsg_type))
			return;
		if (cap->nseq < SEQ_MAX)
			cap->seq[cap->nseq++] = nlh->nlmsg_seq;
		else
			cap->overflow = 1;
		if (cap->req)
			mr_rec_write(cap->req, nlh);
		return;
	}
	if (!cap->ans || !mr_rec_name(nlh->nlmsg_type) ||
	    nlh->nlmsg_type == RTM_DELROUTE || nlh->nlmsg_type == RTM_GETROUTE)
		return;
	if (seq_known(cap, nlh->nlmsg_seq))
		mr_rec_write(cap->ans, nlh);
}

/* handle_frame - walk the netlink messages of one captured frame */
static void handle_frame(struct capture *cap, const unsigned char *buf,
			 size_t len)
{
	while (len >= sizeof(struct nlmsghdr)) {
		const struct nlmsghdr *nlh = (const struct nlmsghdr *)buf;
		size_t step;

		if (nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len > len)
			return;
		handle_msg(cap, nlh);
		step = NLMSG_ALIGN(nlh->nlmsg_len);
		if (step >= len)
			return;
		buf += step;
		len -= step;
	}
}

static int open_capture(const char *ifname)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	int size = 64 << 20;
	int fd;

	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = if_nametoindex(ifname);
	if (!sll.sll_ifindex) {
		fprintf(stderr, "nlmon_dump: no device \"%s\"\n", ifname);
		return -1;
	}
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
	if (fd < 0) {
		perror("nlmon_dump: socket(AF_PACKET)");
		return -1;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		perror("nlmon_dump: bind");
		close(fd);
		return -1;
	}
	return fd;
}

/* drain - read every queued frame; returns 0 or -1 on a lost frame */
static int drain(int fd, struct capture *cap)
{
	static unsigned char buf[FRAME_MAX];
	struct tpacket_stats st;
	socklen_t sl = sizeof(st);
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	while (poll(&pfd, 1, 50) > 0) {
		struct sockaddr_ll from;
		socklen_t fl = sizeof(from);
		ssize_t n;

		n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT | MSG_TRUNC,
			     (struct sockaddr *)&from, &fl);
		if (n < 0)
			break;
		if (n > (ssize_t)sizeof(buf)) {
			fprintf(stderr, "nlmon_dump: frame of %zd bytes\n", n);
			return -1;
		}
		if (from.sll_protocol == htons(NETLINK_ROUTE))
			handle_frame(cap, buf, n);
	}
	if (getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &sl) == 0 &&
	    st.tp_drops) {
		fprintf(stderr, "nlmon_dump: %u frames lost\n", st.tp_drops);
		return -1;
	}
	return cap->overflow ? -1 : 0;
}

static int run(char **argv)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		perror("nlmon_dump: fork");
		return EXIT_CAPTURE;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "nlmon_dump: cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return EXIT_CAPTURE;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* enter_netns - join the network namespace /run/netns/NAME; 0 or -1 */
static int enter_netns(const char *name)
{
	char path[256];
	int fd, ret;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "nlmon_dump: %s: %s\n", path, strerror(errno));
		return -1;
	}
	ret = setns(fd, CLONE_NEWNET);
	if (ret)
		perror("nlmon_dump: setns");
	close(fd);
	return ret;
}

static FILE *open_out(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		fprintf(stderr, "nlmon_dump: %s: %s\n", path, strerror(errno));
	return f;
}

int main(int argc, char **argv)
{
	static struct capture cap;
	const char *reqpath = NULL, *anspath = NULL;
	int fd, rc, opt;

	while ((opt = getopt(argc, argv, "+N:q:a:")) != -1) {
		if (opt == 'N') {
			if (enter_netns(optarg))
				return EXIT_CAPTURE;
		} else if (opt == 'q')
			reqpath = optarg;
		else if (opt == 'a')
			anspath = optarg;
		else
			goto usage;
	}
	if (argc - optind < 3 || strcmp(argv[optind + 1], "--"))
		goto usage;
	if ((reqpath && !(cap.req = open_out(reqpath))) ||
	    (anspath && !(cap.ans = open_out(anspath))))
		return EXIT_CAPTURE;
	fd = open_capture(argv[optind]);
	if (fd < 0)
		return EXIT_CAPTURE;
	rc = run(argv + optind + 2);
	if (drain(fd, &cap))
		rc = EXIT_CAPTURE;
	close(fd);
	if ((cap.req && fclose(cap.req)) || (cap.ans && fclose(cap.ans)))
		rc = EXIT_CAPTURE;
	return rc;
usage:
	fprintf(stderr, "usage: nlmon_dump [-N NETNS] [-q REQFILE] "
		"[-a ANSFILE] IFNAME -- COMMAND [ARGS...]\n");
	return EXIT_CAPTURE;
}
