/* ipmpls.h: what the parts of the ipmpls command share */
#ifndef IPMPLS_H
#define IPMPLS_H

#include <net/if.h>
#include "mplsroute.h"

/* on the one-route path (one process per route): lib/internal.h's MR_HOT */
#define IP_HOT __attribute__((hot))

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
	int noack;		/* -noack: a batch's adds without NLM_F_ACK */
	unsigned rcvbuf;	/* -rcvbuf SIZE: the monitor's buffer (0: 8 MiB) */
	const char *batch;	/* -batch FILE */
	const char *netns;	/* -n / -netns NAME */
	int style;		/* -compat / IPMPLS_COMPAT: MPLSROUTE_STYLE_* */
	int style_set;		/* -compat given (it wins over the variable) */
};

#define IPMPLS_CACHE	16

/* names <-> ifindexes remembered for the run, as 4.4's ll_map */
struct ipmpls_names {
	struct { char name[IF_NAMESIZE]; unsigned idx; } dev[IPMPLS_CACHE];
	unsigned ndev;
	struct { unsigned idx; char name[IF_NAMESIZE]; } ifn[IPMPLS_CACHE];
	unsigned nextifn;
};

/* the run's context: the options, the open socket, what a command says */
struct ipmpls_outbuf;

struct ipmpls_ctx {
	struct ipmpls_opts *opts;
	struct mplsroute_sock *sock;
	const char *batch_file;	/* set while running a batch */
	int batch_line;
	struct mplsroute_batch *batch;	/* set while a batch pipelines */
	/*
	 * Set by a command after which iproute2 4.4 would have called exit()
	 * (parse errors, a finished `route show`): a batch stops there, even
	 * with -force, and exits with the command's code, with no "Command
	 * failed" line.
	 */
	int exits;
	/* set: a route change's parse error goes here instead of stderr */
	struct mplsroute_error *held;
	struct mplsroute_route *rt;	/* reused by each route change */
	int nomemo;	/* IPMPLS_NOMEMO: each line parsed in full (tests) */
	long platform_labels;		/* ip/foresee.c: -1 until read */
	/* the batch line whose route add was built last (iproute_modify),
	 * with the flags it was built with: ip/ipbatch.c's fast path */
	int built_line;
	uint16_t built_flags;
	struct ipmpls_names names;
	struct ipmpls_outbuf *out;	/* ipmpls_out_begin's, or NULL */
};

/*
 * The route subcommands.  Each takes the words after the subcommand name
 * and returns the process exit code (EXIT_*); they print iproute2's
 * messages themselves.
 */
int do_iproute(struct ipmpls_ctx *ctx, int argc, char **argv);
							/* ip/iproute.c */
int iproute_modify(struct ipmpls_ctx *ctx, int cmd, unsigned flags,
		   int argc, char **argv);	/* ip/iproute_modify.c */
int iproute_list(struct ipmpls_ctx *ctx, int argc, char **argv);
						/* ip/iproute_show.c */
int iproute_flush(struct ipmpls_ctx *ctx, int argc, char **argv);
						/* ip/iproute_flush.c */
int iproute_get(struct ipmpls_ctx *ctx, int argc, char **argv);
						/* ip/iproute_get.c */
/*
 * ip/iproute_save.c, 4.4's binary route dump: `route save SELECTOR`
 * writes the magic and the selected routes' messages to stdout (no
 * terminal); iproute_restore reads a dump from stdin and sends each route
 * back to the kernel, or with @show prints them (EXIT_OK, or EXIT_USAGE on
 * a bad dump or a refusal other than "File exists").
 */
int iproute_save(struct ipmpls_ctx *ctx, int argc, char **argv);
						/* ip/iproute_show.c */
int iproute_save_prep(void);	/* the magic on stdout: EXIT_OK or 1 */
int iproute_restore(struct ipmpls_ctx *ctx, int show);

/* ip/iproute_usage.c: the route usage text of iproute2 4.4 */
void iproute_usage(FILE *f);

/*
 * ip/selector.c: the words of show/flush/save into @f and *family (the
 * family to dump); 0, or the exit code after saying what is wrong.
 */
int ipmpls_selector(struct ipmpls_ctx *ctx, int argc, char **argv,
		    struct mplsroute_filter *f, int *family);

/*
 * ip/print_route.c: print @rt as `ip route show` does with the run's
 * options (-o -d -s -j), hiding what @hide says; @json: the open JSON
 * array, NULL for text.  Returns what the library's printer returns.
 */
int ipmpls_print_route(struct ipmpls_ctx *ctx, struct mplsroute_json *json,
		       const struct mplsroute_route *rt, unsigned hide,
		       int deleted);
/*
 * ip/print_route.c: the route message @nlh printed as ipmpls_print_route
 * would print its decoding in text, straight from the message when the
 * library can (mplsroute_route_format_msg: plain label routes, 4.4's
 * text).  Returns 1 when printed, 0 when the caller must decode it and
 * call ipmpls_print_route (nothing was printed).
 */
int ipmpls_print_msg(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh,
		     unsigned hide, int deleted);
/*
 * A dump's text routes gathered in one buffer (ctx->out) and handed to
 * stdout when it is full, instead of one fwrite a route: begun only when
 * stdout is not a terminal (a terminal sees each line as it comes).
 * ipmpls_out_end writes what is left; call it before anything else
 * writes to stdout.  Returns 0 or -ENOMEM (then routes print one by one).
 */
int ipmpls_out_begin(struct ipmpls_ctx *ctx);
void ipmpls_out_end(struct ipmpls_ctx *ctx);

/*
 * ip/errors.c: a grammar error as iproute2 4.4 says it.  ipmpls_error
 * prints it (MPLSROUTE_ERR_USAGE: the route usage) and returns the exit
 * code; ipmpls_error_status only returns the code.
 */
int ipmpls_error(const struct mplsroute_error *e);
int ipmpls_error_status(const struct mplsroute_error *e);
/* ... and ipmpls_parse_error reports it for a command: printed or held
 * (ctx->held), ctx->exits set; returns the exit code */
int ipmpls_parse_error(struct ipmpls_ctx *ctx, const struct mplsroute_error *e);
/* 4.4's "Command line is not complete" and "Cannot find device", printed;
 * each returns the exit code (for the objects without a library grammar) */
int ipmpls_incomplete(void);
int ipmpls_no_device(const char *name);
/*
 * -compat: ipmpls_errors_style makes the errors take @style's words
 * (MPLSROUTE_STYLE_*); ipmpls_error_compat rewrites @e, an error of the
 * route words @argv, where that iproute2 says more (6.1: a nexthop's
 * missing device).
 */
void ipmpls_errors_style(int style);
void ipmpls_error_compat(struct mplsroute_error *e, int argc, char **argv);

/*
 * ip/talk.c: send a built request.  Alone: wait for the kernel's answer and
 * on a refusal print iproute2's words and return EXIT_KERNEL.  In a batch
 * (ctx->batch): queue it in the pipeline; its result is reported when it
 * comes.  Returns an EXIT_* code.
 */
int ipmpls_talk(struct ipmpls_ctx *ctx, struct nlmsghdr *nlh);
/*
 * ... and the batch's part of it: @nlh queued in ctx->batch (a copy);
 * ipmpls_batch_queue with @alone given (ipmpls_foresee_refusal's answer)
 */
int ipmpls_batch_talk(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh);
int ipmpls_batch_queue(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh,
		       int alone);

/*
 * ip/talk.c, iproute2's words for a kernel refusal @err of @req (NULL:
 * none): "Error: <extack>." or "RTNETLINK answers: <strerror>", plus a
 * line naming a missing MPLS module.  The one place of that wording.
 */
void ipmpls_kernel_error(const struct nlmsghdr *req, int err,
			 const char *errmsg);

/*
 * ip/talk.c: a dump that failed with @ret: 4.4's words ("... terminated",
 * @what "Dump" or "Flush"); returns the exit code.  ipmpls_dump_intr says
 * "Dump was interrupted..." when the finished dump (@ret 0) had
 * NLM_F_DUMP_INTR.
 */
int ipmpls_dump_failed(struct ipmpls_ctx *ctx, int ret, const char *what);
void ipmpls_dump_intr(struct ipmpls_ctx *ctx, int ret);

/*
 * ip/ipbatch.c: run the commands of FILE ("-": stdin) as ip -batch does,
 * route adds pipelined.  Returns EXIT_OK, or 1 if a command failed.
 */
int ipmpls_batch(struct ipmpls_ctx *ctx, const char *file);
/* malloc's settings for commands that allocate much (ip/ipmpls.c) */
void ipmpls_heap_setup(void);

/*
 * ipmpls_foresee_refusal - 1 if the kernel is sure to refuse the add @nlh
 * (an MPLS label below 16 or from net.mpls.platform_labels up, no MPLS
 * routing, the implicit null label in a stack), else 0.  Such an add goes
 * alone in a batch, so that nothing after it is sent when it fails, as
 * with 4.4's one-by-one batch.  (ip/foresee.c)
 */
int ipmpls_foresee_refusal(struct ipmpls_ctx *ctx, const struct nlmsghdr *nlh);

/*
 * ipmpls_foresee_same - the same answer for a request whose attributes lie
 * where those of the request of the last call with @fl did (the batch's
 * patched lines: only values change): only the attributes foresee reads
 * are looked at.  @fl starts zeroed (valid 0); any other request makes it
 * look at all again.
 */
#define FORESEE_ATTRS	4
struct foresee_layout {
	int valid;
	uint32_t len;		/* the request's length */
	uint8_t family;
	int n;
	uint16_t off[FORESEE_ATTRS];	/* RTA_DST, RTA_NEWDST, RTA_ENCAP */
};
int ipmpls_foresee_same(struct ipmpls_ctx *ctx, struct foresee_layout *fl,
			const struct nlmsghdr *nlh);

#endif
