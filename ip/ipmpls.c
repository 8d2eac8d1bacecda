/* ipmpls.c: main: ip's options, the object table, the socket (kernel/replay) */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ipmpls.h"
#include "utils.h"
#include "ip_compat.h"
#include "ipops.h"

#define NETNS_RUN_DIR	"/var/run/netns"

static const char main_usage[] =
"Usage: ipmpls [ OPTIONS ] OBJECT { COMMAND | help }\n"
"       ipmpls [ -force ] [ -noack ] -batch filename\n"
"where  OBJECT := { route | monitor | netconf | stats | check }\n"
"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
"                    -h[uman-readable] | -iec |\n"
"                    -f[amily] { inet | inet6 | ipx | dnet | mpls | bridge | link } |\n"
"                    -4 | -6 | -I | -D | -B | -M | -0 |\n"
"                    -l[oops] { maximum-addr-flush-attempts } |\n"
"                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
"                    -rc[vbuf] [size] | -n[etns] name | -a[ll] |\n"
"                    -j[son] | -p[retty] | -resync | -noack |\n"
"                    -compat { 4.4 | 6.1 } }\n";

static int usage(void)
{
	fputs(main_usage, stderr);
	return EXIT_USAGE;
}

static int do_help(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	return usage();
}

/* the objects, in ip's order so that abbreviations resolve the same way */
static const struct object {
	const char *word;
	int (*fn)(struct ipmpls_ctx *ctx, int argc, char **argv);
} objects[] = {
	{ "route", do_iproute },
	{ "monitor", do_ipmonitor },
	{ "netconf", do_ipnetconf },
	{ "help", do_help },
	{ "stats", do_ipstats },
	{ "check", do_ipcheck },
};

#if defined(__SANITIZE_ADDRESS__)
#define IPMPLS_FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IPMPLS_FREE_AT_EXIT 1
#endif
#endif
#ifndef IPMPLS_FREE_AT_EXIT
#define IPMPLS_FREE_AT_EXIT 0
#endif

/*
 * The heap in one brk(), never given back: no system calls for it.  For
 * what allocates (batches, dumps, the other objects); a single route add or
 * delete allocates nothing (lib/sock.c) and skips malloc's set-up.
 */
void ipmpls_heap_setup(void)
{
	mallopt(M_TOP_PAD, 1 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

/* run OBJECT COMMAND...: argv[0] is the object word; returns the exit code */
static int do_cmd(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		if (matches(argv[0], objects[i].word))
			continue;
		if (objects[i].fn != do_iproute)
			ipmpls_heap_setup();	/* route: iproute.c decides */
		return objects[i].fn(ctx, argc - 1, argv + 1);
	}
	fprintf(stderr, "Object \"%s\" is unknown, try \"ip help\".\n", argv[0]);
	return EXIT_BADARG;
}

/* -n NAME: enter /var/run/netns/NAME as ip -n does */
int ipmpls_netns_switch(const char *name)
{
	char path[4096];
	int fd, ret = 0;

	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "Cannot open network namespace \"%s\": %s\n",
			name, strerror(errno));
		return -1;
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "setting the network namespace \"%s\" failed: %s\n",
			name, strerror(errno));
		ret = -1;
	}
	close(fd);
	return ret;
}

/* the options that take no value and set a family or a flag */
IP_HOT
static int simple_option(struct ipmpls_opts *o, const char *opt)
{
	static const struct { const char *word; int family; } fams[] = {
		{ "-4", AF_INET }, { "-6", AF_INET6 }, { "-0", AF_PACKET },
		{ "-I", AF_IPX }, { "-D", AF_DECnet }, { "-M", AF_MPLS },
		{ "-B", AF_BRIDGE },
	};
	size_t i;

	for (i = 0; i < sizeof(fams) / sizeof(fams[0]); i++) {
		if (strcmp(opt, fams[i].word) == 0) {
			o->family = fams[i].family;
			return 0;
		}
	}
	if (matches(opt, "-human") == 0 ||
	    matches(opt, "-human-readable") == 0 || matches(opt, "-iec") == 0)
		;	/* accepted: no sizes in route output */
	else if (matches(opt, "-stats") == 0 ||
		 matches(opt, "-statistics") == 0)
		o->stats++;
	else if (matches(opt, "-details") == 0)
		o->details++;
	else if (matches(opt, "-resolve") == 0)
		;	/* accepted: names are not looked up */
	else if (matches(opt, "-oneline") == 0)
		o->oneline++;
	else if (matches(opt, "-timestamp") == 0)
		o->timestamp = 1;	/* `monitor` prints them */
	else if (matches(opt, "-tshort") == 0)
		o->timestamp = 2;
	else
		return -1;
	return 0;
}

/* an option's error about the word at the cursor, as the grammar says it */
static int option_error(int kind, const struct argcur *c, const char *detail)
{
	struct mplsroute_error err;

	mplsroute_error_set(&err, kind, -1, c->argv[0], detail);
	return ipmpls_error(&err);
}

/* an option with a value (cursor on the option); 0, or an exit code */
static int value_option(struct ipmpls_opts *o, const char *opt,
			struct argcur *c)
{
	int net = matches(opt, "-netns") == 0;

	if (arg_next(c))
		return net ? option_error(MPLSROUTE_ERR_INCOMPLETE, c, NULL) :
			     usage();
	if (matches(opt, "-family") == 0) {
		if (strcmp(c->argv[0], "help") == 0)
			return usage();
		o->family = mplsroute_family_a2n(c->argv[0]);
		if (o->family == AF_UNSPEC)
			return option_error(MPLSROUTE_ERR_INVALID, c,
					    "invalid protocol family");
	} else if (matches(opt, "-batch") == 0) {
		o->batch = c->argv[0];
	} else if (net) {
		o->netns = c->argv[0];
		if (ipmpls_netns_switch(o->netns))
			return EXIT_USAGE;
	}
	return 0;
}

/* a whole word as a number below 2^32 (strtoul's bases); 0 or -1 */
static int word_u32(const char *arg, uint32_t *val)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 0);
	if (!*arg || *end || errno || v > UINT32_MAX)
		return -1;
	*val = (uint32_t)v;
	return 0;
}

/* -rcvbuf SIZE (cursor on the option): checked as 4.4 does; the monitor's */
static int rcvbuf_option(struct ipmpls_opts *o, struct argcur *c)
{
	uint32_t size;

	if (arg_next(c))
		return usage();
	if (word_u32(c->argv[0], &size)) {
		fprintf(stderr, "Invalid rcvbuf size '%s'\n", c->argv[0]);
		return EXIT_USAGE;
	}
	o->rcvbuf = size;
	return 0;
}

/*
 * -compat VERSION (cursor on the option) or IPMPLS_COMPAT: the iproute2
 * whose text show, get and monitor print.  0, or the exit code after
 * naming the bad word.
 */
static int compat_option(struct ipmpls_opts *o, struct argcur *c)
{
	if (arg_next(c))
		return option_error(MPLSROUTE_ERR_INCOMPLETE, c, NULL);
	o->style = mplsroute_print_style_a2n(c->argv[0]);
	if (o->style >= 0) {
		o->style_set = 1;
		return 0;
	}
	return option_error(MPLSROUTE_ERR_INVALID, c,
			    "-compat takes 4.4 or 6.1");
}

/* IPMPLS_COMPAT when no -compat was given; unset or empty: 4.4 */
static int compat_env(struct ipmpls_opts *o)
{
	const char *v = getenv("IPMPLS_COMPAT");

	if (o->style_set || !v || !*v)
		return 0;
	o->style = mplsroute_print_style_a2n(v);
	if (o->style >= 0)
		return 0;
	fprintf(stderr, "Error: IPMPLS_COMPAT=\"%s\" is wrong: it takes 4.4 or 6.1\n",
		v);
	return EXIT_USAGE;
}

/* ip's option words in ip's order (so "-f" is -family, not -force) */
enum { OPT_LOOPS, OPT_FAMILY, OPT_SIMPLE, OPT_VERSION, OPT_FORCE, OPT_BATCH,
	OPT_RCVBUF, OPT_HELP, OPT_NETNS, OPT_ALL, OPT_JSON, OPT_PRETTY,
	OPT_RESYNC, OPT_NOACK, OPT_COMPAT };

static int option_kind(const char *opt)
{
	static const struct { const char *word; int kind; } opts[] = {
		{ "-Version", OPT_VERSION }, { "-force", OPT_FORCE },
		{ "-batch", OPT_BATCH }, { "-rcvbuf", OPT_RCVBUF },
		{ "-help", OPT_HELP }, { "-netns", OPT_NETNS },
		{ "-all", OPT_ALL }, { "-json", OPT_JSON },
		{ "-pretty", OPT_PRETTY }, { "-resync", OPT_RESYNC },
		{ "-noack", OPT_NOACK },
	};
	struct ipmpls_opts scratch = { 0 };
	size_t i;

	if (strcmp(opt, "-compat") == 0)
		return OPT_COMPAT;	/* ours: the whole word only */
	if (matches(opt, "-loops") == 0)
		return OPT_LOOPS;
	if (matches(opt, "-family") == 0)
		return OPT_FAMILY;
	if (simple_option(&scratch, opt) == 0)
		return OPT_SIMPLE;
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (matches(opt, opts[i].word) == 0)
			return opts[i].kind;
	return -1;
}

/* -V: one write(), no stdio buffer (whose malloc a -V would set up) */
static int print_version(void)
{
	static const char v[] = "ipmpls utility, libmplsroute "
				MPLSROUTE_VERSION "\n";
	ssize_t n = write(STDOUT_FILENO, v, sizeof(v) - 1);

	(void)n;	/* as printf's result was not looked at */
	return EXIT_OK;
}

/* one option at the cursor: 0 to go on, 1 to stop with *rc, else *rc set */
static int one_option(struct ipmpls_opts *o, struct argcur *c, int *rc)
{
	const char *opt = c->argv[0];

	if (opt[1] == '-')
		opt++;	/* --family is -family */
	switch (option_kind(opt)) {
	case OPT_LOOPS:
		*rc = arg_next(c) ? usage() : 0;
		break;
	case OPT_FAMILY:
	case OPT_BATCH:
	case OPT_NETNS:
		*rc = value_option(o, opt, c);
		break;
	case OPT_SIMPLE:
		*rc = simple_option(o, opt);
		break;
	case OPT_VERSION:
		*rc = print_version();
		return 1;
	case OPT_FORCE:
		o->force++;
		break;
	case OPT_RCVBUF:
		*rc = rcvbuf_option(o, c);
		break;
	case OPT_ALL:
		break;	/* accepted: -all is for `netns exec` */
	case OPT_HELP:
		*rc = usage();
		break;
	case OPT_JSON:
		o->json++;
		break;
	case OPT_PRETTY:
		o->pretty++;
		break;
	case OPT_RESYNC:
		o->resync++;
		break;
	case OPT_NOACK:
		o->noack++;
		break;
	case OPT_COMPAT:
		*rc = compat_option(o, c);
		break;
	default:
		fprintf(stderr, "Option \"%s\" is unknown, try \"ip -help\".\n",
			opt);
		*rc = EXIT_USAGE;
	}
	return *rc ? 1 : 0;
}

/*
 * The options before the object.  The cursor starts at argv[0] (the
 * program) and ends on the last option.  Returns 0 to go on, else 1 with
 * *rc the exit code.
 */
static int parse_options(struct ipmpls_opts *o, struct argcur *c, int *rc)
{
	while (c->argc > 1) {
		const char *opt = c->argv[1];

		if (strcmp(opt, "--") == 0) {
			arg_next(c);
			break;
		}
		if (opt[0] != '-')
			break;
		arg_next(c);
		if (one_option(o, c, rc))
			return 1;
	}
	return 0;
}

/* the kernel's socket, or a recording when IPMPLS_RECORD is set */
static int open_sock(struct mplsroute_sock **s)
{
	const char *record = getenv("IPMPLS_RECORD");
	int ret;

	if (record)
		ret = mplsroute_sock_open_replay(s, record,
						 getenv("IPMPLS_RESPONSES"));
	else
		ret = mplsroute_sock_open(s);
	if (ret < 0) {
		fprintf(stderr, "Cannot open netlink socket: %s\n",
			strerror(-ret));
		return EXIT_BADARG;
	}
	return 0;
}

IP_HOT
int main(int argc, char **argv)
{
	struct ipmpls_opts opts = { .family = AF_UNSPEC };
	struct ipmpls_ctx ctx = { .opts = &opts, .platform_labels = -1 };
	struct argcur c = { .argc = argc, .argv = argv };
	int rc = 0;

	if (parse_options(&opts, &c, &rc))
		return rc;
	rc = compat_env(&opts);
	if (rc)
		return rc;
	ipmpls_errors_style(opts.style);
	if (!opts.batch && c.argc <= 1)
		return usage();
	rc = open_sock(&ctx.sock);
	if (rc)
		return rc;
	ctx.nomemo = getenv("IPMPLS_NOMEMO") != NULL;
	if (opts.batch) {
		ipmpls_heap_setup();
		rc = ipmpls_batch(&ctx, opts.batch);
	} else {
		rc = do_cmd(&ctx, c.argc - 1, c.argv + 1);
	}
	/* the kernel's socket and the route's mapping go with the process:
	 * three system calls fewer (a replay closes its recording; under
	 * AddressSanitizer, whose leak check runs at exit, all is freed) */
	if (IPMPLS_FREE_AT_EXIT || getenv("IPMPLS_RECORD")) {
		mplsroute_sock_close(ctx.sock);
		mplsroute_route_free(ctx.rt);
	}
	return rc;
}
