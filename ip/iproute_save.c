/* iproute_save.c: 4.4's binary route dump: save's magic, restore, showdump */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "ipmpls.h"
#include "utils.h"

#define DUMP_MAGIC	0x45311224u	/* 4.4's route_dump_magic, host order */
#define MSG_MAX		8192		/* 4.4's rtnl_from_file buffer */

int iproute_save_prep(void)
{
	uint32_t magic = DUMP_MAGIC;

	if (isatty(STDOUT_FILENO)) {
		fprintf(stderr, "Not sending a binary stream to stdout\n");
		return EXIT_BADARG;
	}
	if (fwrite(&magic, sizeof(magic), 1, stdout) != 1) {
		fprintf(stderr, "Can't write magic to dump file\n");
		return EXIT_BADARG;
	}
	return EXIT_OK;
}

/* the magic at the head of stdin; 0, or -1 after saying what is wrong */
static int check_magic(void)
{
	uint32_t magic = 0;
	size_t n;

	if (isatty(STDIN_FILENO)) {
		fprintf(stderr, "Can't restore route dump from a terminal\n");
		return -1;
	}
	n = fread(&magic, sizeof(magic), 1, stdin);
	if (magic != DUMP_MAGIC) {
		fprintf(stderr, "Magic mismatch (%d elems, %x magic)\n",
			(int)n, magic);
		return -1;
	}
	return 0;
}

/*
 * The next message of the dump on stdin into @buf (MSG_MAX bytes): 1, 0
 * at the end, -1 after saying what is wrong (4.4's rtnl_from_file).
 */
static int read_msg(char *buf)
{
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	size_t n, body;

	n = fread(buf, 1, sizeof(*h), stdin);
	if (n == 0)
		return 0;
	if (n < sizeof(*h) || h->nlmsg_len < sizeof(*h) ||
	    h->nlmsg_len > MSG_MAX) {
		fprintf(stderr, "!!!malformed message: len=%d @%ld\n",
			(int)h->nlmsg_len, ftell(stdin));
		return -1;
	}
	body = h->nlmsg_len - sizeof(*h);
	n = fread(buf + sizeof(*h), 1, NLMSG_ALIGN(body), stdin);
	if (n < body) {
		fprintf(stderr, "rtnl-from_file: truncated message\n");
		return -1;
	}
	return 1;
}

/* restore: each message back to the kernel, "File exists" let pass */
static int restore_one(struct ipmpls_ctx *ctx, struct nlmsghdr *nlh)
{
	int ret;

	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
	ret = mplsroute_sock_request(ctx->sock, nlh, NULL, NULL);
	if (ret == 0)
		return 0;
	ipmpls_kernel_error(NULL, ret, mplsroute_sock_errmsg(ctx->sock));
	return ret == -EEXIST ? 0 : -1;
}

/* showdump: print as `route show` with an empty selector would */
static int show_one(struct ipmpls_ctx *ctx, struct nlmsghdr *nlh,
		    struct mplsroute_route *rt)
{
	struct mplsroute_filter f;

	/* a plain route passes the filter below; 4.4 hides nothing here */
	if (ipmpls_print_msg(ctx, nlh, 0, nlh->nlmsg_type == RTM_DELROUTE))
		return 0;
	if (mplsroute_route_decode(nlh, rt) < 0)
		return 0;
	mplsroute_filter_init(&f);
	f.table = 0;	/* 4.4's filter is never reset here: all tables */
	if (mplsroute_filter_match(&f, rt) != 1)
		return 0;
	ipmpls_print_route(ctx, NULL, rt, 0,
			   nlh->nlmsg_type == RTM_DELROUTE);
	return 0;
}

int iproute_restore(struct ipmpls_ctx *ctx, int show)
{
	char *buf = NULL;
	struct mplsroute_route *rt = NULL;
	int ret = EXIT_USAGE;

	ctx->exits = 1;	/* 4.4 exits with what restore/showdump return */
	if (check_magic()) {
		if (ctx->opts->style == MPLSROUTE_STYLE_6_1)
			ret = EXIT_BADARG;	/* 6.1 exits 1 there */
		goto out;
	}
	buf = calloc(1, MSG_MAX + 4);
	rt = mplsroute_route_new();
	if (!buf || !rt)
		goto out;
	for (;;) {
		int r = read_msg(buf);

		if (r <= 0) {
			ret = r < 0 ? EXIT_USAGE : EXIT_OK;
			break;
		}
		if (show)
			r = show_one(ctx, (struct nlmsghdr *)buf, rt);
		else
			r = restore_one(ctx, (struct nlmsghdr *)buf);
		if (r < 0)
			break;
	}
	fflush(stdout);
out:
	mplsroute_route_free(rt);
	free(buf);
	return ret;
}
