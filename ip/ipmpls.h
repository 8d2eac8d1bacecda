/* ipmpls.h: what the parts of the ipmpls command share */
#ifndef IPMPLS_H
#define IPMPLS_H

#include "mplsroute.h"

/* iproute2's exit codes */
#define EXIT_OK		0
#define EXIT_BADARG	1	/* bad argument, unknown device, ... */
#define EXIT_KERNEL	2	/* the kernel refused the request */
#define EXIT_USAGE	255	/* usage errors (iproute2's exit(-1)) */

/* the global options, parsed once by main (ip/ipmpls.c) */
struct ipmpls_opts {
	int family;		/* AF_UNSPEC, AF_INET, AF_INET6 or AF_MPLS */
	int oneline;		/* -o */
	int details;		/* -d */
	int stats;		/* -s */
	int numeric;		/* -N, numeric output (not used; -n is netns) */
	int force;		/* -force */
	int json;		/* -j */
	int pretty;		/* -p */
	int timestamp;		/* -t: 1, -ts: 2 (monitor) */
	int resync;		/* -resync: monitor dumps again after ENOBUFS */
	unsigned rcvbuf;	/* -rcvbuf SIZE: the monitor's buffer (0: 8 MiB) */
	const char *batch;	/* -batch FILE */
	const char *netns;	/* -n / -netns NAME */
};

/* one command's context: the options and the open socket */
struct ipmpls_ctx {
	struct ipmpls_opts *opts;
	struct mplsroute_sock *sock;
	const char *batch_file;	/* set while running a batch */
	int batch_line;
	struct mplsroute_batch *batch;	/* set while a batch pipelines */
};

/*
 * The route subcommands.  Each takes the words after the subcommand name
 * and returns the process exit code (EXIT_*); they print iproute2's
 * messages themselves.
 */
int iproute_modify(struct ipmpls_ctx *ctx, int cmd, unsigned flags,
		   int argc, char **argv);		/* ip/iproute.c */
int iproute_list_flush(struct ipmpls_ctx *ctx, int flush,
		       int argc, char **argv);		/* ip/iproute_show.c */
#define IPROUTE_SAVE	2	/* iproute_list_flush's flush: `route save` */
int iproute_get(struct ipmpls_ctx *ctx, int argc, char **argv);
							/* ip/iproute_show.c */
int do_iproute(struct ipmpls_ctx *ctx, int argc, char **argv);
							/* ip/iproute.c */
void iproute_usage(FILE *f);				/* ip/iproute.c */

/*
 * ip/iproute_save.c, 4.4's binary route dump: iproute_save_prep checks
 * that stdout is no terminal and writes the magic (EXIT_OK or
 * EXIT_BADARG); iproute_restore reads a dump from stdin and sends each
 * route back to the kernel, or with @show prints them (EXIT_OK, or
 * EXIT_USAGE on a bad dump or a refusal other than "File exists").
 */
int iproute_save_prep(void);
int iproute_restore(struct ipmpls_ctx *ctx, int show);

/*
 * ip/talk.c: send a built request.  Alone: wait for the kernel's answer and
 * on a refusal print iproute2's words ("Error: <extack>." or "RTNETLINK
 * answers: <strerror>", plus a line naming a missing MPLS module) and return
 * EXIT_KERNEL.  In a batch (ctx->batch): queue it in the pipeline; its
 * result is reported when it comes.  Returns an EXIT_* code.
 */
int ipmpls_talk(struct ipmpls_ctx *ctx, struct nlmsghdr *nlh);

/* ip/talk.c: print the kernel's refusal @err of @req as iproute2 does */
void ipmpls_kernel_error(const struct nlmsghdr *req, int err,
			 const char *errmsg);

/*
 * ip/ipbatch.c: run the commands of FILE ("-": stdin) as ip -batch does,
 * route adds pipelined.  Returns EXIT_OK, or 1 if a command failed.
 */
int ipmpls_batch(struct ipmpls_ctx *ctx, const char *file);

/*
 * ipmpls_foresee_refusal - 1 if the kernel is sure to refuse the add @nlh
 * (an MPLS label below 16 or from net.mpls.platform_labels up, no MPLS
 * routing, the implicit null label in a stack), else 0.  Such an add goes
 * alone in a batch, so that nothing after it is sent when it fails, as
 * with 4.4's one-by-one batch.  (ip/foresee.c)
 */
int ipmpls_foresee_refusal(const struct nlmsghdr *nlh);

#endif
