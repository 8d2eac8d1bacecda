/* ipbatch.c: -batch FILE: ip's grammar, each line via do_iproute, pipelined */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_read.h"
#include "ipmpls.h"
#include "utils.h"

#define BATCH_MAXARGS	100	/* as ip's batch */
#define BATCH_INBUF	(1 << 16)	/* stdio buffer of the batch file */

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
 * An add, with its parse error held back: when it fails before it is sent
 * (a bad word), the adds still in the window go first, so that an earlier
 * line's refusal is reported before it, and without -force stops the
 * batch before this line, as 4.4 (which had sent them one by one) did.
 */
static int batch_add_held(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct mplsroute_error err = { .kind = MPLSROUTE_ERR_NONE };
	int rc;

	ctx->held = &err;
	rc = do_iproute(ctx, argc, argv);
	ctx->held = NULL;
	if (rc == EXIT_OK && !ctx->exits && err.kind == MPLSROUTE_ERR_NONE)
		return rc;	/* the usual line: nothing said */
	mplsroute_batch_flush(ctx->batch);
	if (!ctx->opts->force && mplsroute_batch_failures(ctx->batch)) {
		ctx->exits = 0;	/* 4.4 never read this line */
		return EXIT_OK;
	}
	if (err.kind != MPLSROUTE_ERR_NONE)
		ipmpls_error(&err);
	return rc;
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

/* the lines of @in, until the end or (without -force) the first failure */
static int batch_run(struct ipmpls_ctx *ctx, FILE *in, const char *name,
		     int *exited)
{
	struct batch_reader rd;
	char *argv[BATCH_MAXARGS];
	int argc, rc, ret = EXIT_OK, got;
	int force = ctx->opts->force;

	batch_reader_init(&rd, in, name);
	while ((got = batch_getline(&rd)) == 0) {
		int lineno = rd.lineno;

		argc = makeargs(rd.line, argv, BATCH_MAXARGS);
		if (argc == 0)
			continue;
		ctx->batch_line = lineno;
		rc = argc < 0 ? EXIT_BADARG : batch_cmd(ctx, argc, argv);
		if (argc > 0 && (ctx->exits || rc == EXIT_USAGE)) {
			*exited = 1;	/* 4.4 exit()ed in this command */
			ret = rc;
			break;
		}
		if (rc != EXIT_OK) {
			fprintf(stderr, "Command failed %s:%d\n", name, lineno);
			ret = EXIT_BADARG;
			if (!force)
				break;
		}
		if (!force && mplsroute_batch_failures(ctx->batch))
			break;
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
