/* ipbatch.c: -batch FILE: ip's grammar, each line via do_iproute, pipelined */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "batch_fast.h"
#include "batch_read.h"
#include "ipmpls.h"
#include "utils.h"

#define BATCH_MAXARGS	100	/* as ip's batch */
#define BATCH_INBUF	(1 << 16)	/* stdio buffer of the batch file */
#define BATCH_ADD_FLAGS	(NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)

/* the result of a pipelined (or lone) message: report a failure */
static void batch_report(const struct nlmsghdr *req, int err,
			 const char *errmsg, unsigned long line, void *data)
{
	if (err == 0 || err == -ECANCELED)
		return;
	ipmpls_kernel_error(req, err, errmsg);
	fprintf(stderr, "Command failed %s:%lu\n", (const char *)data, line);
}

/*
 * An add's result @rc (@err: its parse error held back, or NULL).  When it
 * failed before it was sent (a bad word), the adds still in the window go
 * first, so that an earlier line's refusal is reported before it, and
 * without -force stops the batch before this line, as 4.4 (which had sent
 * them one by one) did.
 */
static int batch_add_done(struct ipmpls_ctx *ctx, int rc,
			  const struct mplsroute_error *err)
{
	int said = err && err->kind != MPLSROUTE_ERR_NONE;

	if (rc == EXIT_OK && !ctx->exits && !said)
		return rc;	/* the usual line: nothing said */
	mplsroute_batch_flush(ctx->batch);
	if (!ctx->opts->force && mplsroute_batch_failures(ctx->batch)) {
		ctx->exits = 0;	/* 4.4 never read this line */
		return EXIT_OK;
	}
	if (said)
		ipmpls_error(err);
	return rc;
}

/* an add, its parse error held back (batch_add_done) */
static int batch_add_held(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct mplsroute_error err = { .kind = MPLSROUTE_ERR_NONE };
	int rc;

	ctx->held = &err;
	rc = do_iproute(ctx, argc, argv);
	ctx->held = NULL;
	return batch_add_done(ctx, rc, &err);
}

/* one command line: OBJECT COMMAND ...; returns its exit code */
static int batch_cmd(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	int add;

	ctx->exits = 0;
	if (matches(argv[0], "route")) {
		fprintf(stderr, "Object \"%s\" is unknown, try \"ip help\".\n",
			argv[0]);
		return EXIT_BADARG;
	}
	/* only adds join the window: anything else sees the kernel's state */
	add = argc >= 2 && matches(argv[1], "add") == 0;
	if (!add)
		mplsroute_batch_flush(ctx->batch);
	if (!ctx->opts->force && mplsroute_batch_failures(ctx->batch))
		return EXIT_OK;	/* reported: the batch stops */
	if (add)
		return batch_add_held(ctx, argc - 1, argv + 1);
	return do_iproute(ctx, argc - 1, argv + 1);
}

/*
 * The next line, if it is the last route add's line with new values (and
 * read ahead whole): its request patched and queued as batch_cmd would
 * have; 1 and its exit code in *rc, or 0 (nothing read).
 */
static int batch_fast_line(struct ipmpls_ctx *ctx, struct batch_reader *rd,
			   struct batch_fast *bf, struct foresee_layout *fl,
			   int *rc)
{
	char *p = rd->rbuf + rd->rpos, *nl;
	const struct nlmsghdr *req;
	size_t len;
	int ret;

	if (!bf->valid || rd->rpos == rd->rlen)
		return 0;
	/* as long as the line kept (most are): its newline is the first
	 * if the match holds (no other byte it compares is one) */
	len = bf->len;
	if (rd->rlen - rd->rpos < len || p[len - 1] != '\n' ||
	    batch_fast_match(bf, p, len) < 0) {
		nl = memchr(p, '\n', rd->rlen - rd->rpos);
		if (!nl)
			return 0;
		len = (size_t)(nl - p) + 1;
		if (batch_fast_match(bf, p, len) < 0)
			return 0;
	}
	ret = mplsroute_route_patch(ctx->rt, bf->nchanged, bf->cargi,
				    bf->cword, RTM_NEWROUTE, ctx->built_flags,
				    &req);
	batch_fast_restore(bf);
	if (ret != 0)
		return 0;
	batch_fast_take(bf, p, len);
	rd->rpos += len;
	ctx->batch_line = ++rd->lineno;
	ctx->exits = 0;
	*rc = batch_add_done(ctx, ipmpls_batch_queue(ctx, req,
			     ipmpls_foresee_same(ctx, fl, req)), NULL);
	return 1;
}

/*
 * After a line read in full (@len bytes at @line, kept before it was split
 * into words, or NULL): keep it for batch_fast_line if it was one plain
 * route add whose request the library can patch.
 */
static void batch_fast_keep(struct ipmpls_ctx *ctx, struct batch_fast *bf,
			    const char *line, size_t len, int lineno)
{
	int argi[BF_SITES], n;

	if (!line || ctx->nomemo || ctx->built_line != lineno ||
	    ctx->built_flags != BATCH_ADD_FLAGS)
		return;
	n = mplsroute_route_patch_words(ctx->rt, argi, BF_SITES);
	if (n >= 0)
		batch_fast_learn(bf, line, len, argi, n);
}

/* after line @lineno's command (exit code @rc): 1 if the batch stops */
static int batch_stops(struct ipmpls_ctx *ctx, int rc, int words,
		       const char *name, int lineno, int *ret, int *exited)
{
	if (words > 0 && (ctx->exits || rc == EXIT_USAGE)) {
		*exited = 1;	/* 4.4 exit()ed in this command */
		*ret = rc;
		return 1;
	}
	if (rc != EXIT_OK) {
		fprintf(stderr, "Command failed %s:%d\n", name, lineno);
		*ret = EXIT_BADARG;
		if (!ctx->opts->force)
			return 1;
	}
	return !ctx->opts->force && mplsroute_batch_failures(ctx->batch);
}

/* the lines of @in, until the end or (without -force) the first failure */
static int batch_run(struct ipmpls_ctx *ctx, FILE *in, const char *name,
		     int *exited)
{
	struct batch_fast bf;
	struct foresee_layout fl = { .valid = 0 };
	struct batch_reader rd;
	char *argv[BATCH_MAXARGS], *raw;
	int argc, rc, ret = EXIT_OK, got = 0, lineno;

	batch_reader_init(&rd, in, name);
	bf.valid = 0;
	for (;;) {
		if (batch_fast_line(ctx, &rd, &bf, &fl, &rc)) {
			if ((rc != EXIT_OK || ctx->exits ||
			     mplsroute_batch_failures(ctx->batch)) &&
			    batch_stops(ctx, rc, 1, name, rd.lineno, &ret,
					exited))
				break;
			continue;
		}
		bf.valid = 0;
		fl.valid = 0;	/* the next fast request: another shape */
		lineno = rd.lineno;
		got = batch_getline(&rd);
		if (got != 0)
			break;
		/* one physical line, whole: kept before makeargs splits it */
		raw = rd.lineno == lineno + 1 && rd.len <= BF_TEXT ?
		      memcpy(bf.text, rd.line, rd.len) : NULL;
		lineno = rd.lineno;
		argc = makeargs(rd.line, argv, BATCH_MAXARGS);
		if (argc == 0)
			continue;
		ctx->batch_line = lineno;
		rc = argc < 0 ? EXIT_BADARG : batch_cmd(ctx, argc, argv);
		if (batch_stops(ctx, rc, argc, name, lineno, &ret, exited))
			break;
		batch_fast_keep(ctx, &bf, raw, rd.len, lineno);
	}
	if (got < -1)
		ret = EXIT_BADARG;	/* the file could not be read on */
	batch_reader_free(&rd);
	return ret;
}

int ipmpls_batch(struct ipmpls_ctx *ctx, const char *name)
{
	struct mplsroute_batch *b = NULL;
	char *inbuf = NULL;
	FILE *in = stdin;
	int ret, err, exited = 0;

	if (strcmp(name, "-") != 0) {
		in = fopen(name, "r");
		if (!in) {
			fprintf(stderr, "Cannot open file \"%s\" for reading: %s\n",
				name, strerror(errno));
			return EXIT_BADARG;
		}
	}
	inbuf = malloc(BATCH_INBUF);
	if (inbuf)
		setvbuf(in, inbuf, _IOFBF, BATCH_INBUF);	/* few reads */
	err = mplsroute_batch_open(&b, ctx->sock, ctx->opts->force ? 0 :
				   MPLSROUTE_BATCH_STOP, 0, batch_report,
				   (void *)name);
	if (err < 0) {
		fprintf(stderr, "Cannot open rtnetlink\n");
		ret = EXIT_BADARG;
		goto out;
	}
	if (ctx->opts->noack)
		mplsroute_batch_set_noack(b, 1);	/* nothing queued yet */
	ctx->batch = b;
	ctx->batch_file = name;
	ret = batch_run(ctx, in, name, &exited);
	err = mplsroute_batch_flush(b);
	if (err == -ENOTRECOVERABLE)
		fprintf(stderr, "Some routes added after the failed line "
			"could not be removed again\n");
	else if (err < 0 && err != -ECANCELED)
		ipmpls_kernel_error(NULL, err, "");
	/* 4.4 got to an exit() only past failures it was forced over */
	if ((err < 0 || mplsroute_batch_failures(b)) &&
	    (!exited || !ctx->opts->force))
		ret = EXIT_BADARG;
	ctx->batch = NULL;
	mplsroute_batch_close(b);
out:
	if (in != stdin) {
		fclose(in);
		free(inbuf);
	}	/* else stdin keeps inbuf for the rest of the run */
	return ret;
}
