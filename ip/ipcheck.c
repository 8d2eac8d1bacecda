/* ipcheck.c: `ipmpls check [-n NETNS] [dev DEV]...`: MPLS readiness */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipops.h"
#include "utils.h"

static const char check_usage[] =
"Usage: ipmpls check [ -n NETNS ] [ dev DEV ]...\n";

static const char *const codes[] = {
	[MPLSROUTE_CHECK_NO_MPLS_ROUTER] = "no-mpls-router",
	[MPLSROUTE_CHECK_NO_MPLS_IPTUNNEL] = "no-mpls-iptunnel",
	[MPLSROUTE_CHECK_NO_MPLS_GSO] = "no-mpls-gso",
	[MPLSROUTE_CHECK_PLATFORM_LABELS_ZERO] = "platform-labels-zero",
	[MPLSROUTE_CHECK_PLATFORM_LABELS_LOW] = "platform-labels-low",
	[MPLSROUTE_CHECK_INPUT_OFF] = "input-off",
	[MPLSROUTE_CHECK_NO_DEVICE] = "no-device",
	[MPLSROUTE_CHECK_IP_FORWARD_OFF] = "ip-forward-off",
	[MPLSROUTE_CHECK_IP6_FORWARD_OFF] = "ip6-forward-off",
	[MPLSROUTE_CHECK_RP_FILTER_STRICT] = "rp-filter-strict",
	[MPLSROUTE_CHECK_RESERVED_LABEL] = "reserved-label",
	[MPLSROUTE_CHECK_VIA_UNREACHABLE] = "via-unreachable",
};

struct check_args {
	const char *netns;
	const char *devs[64];
	unsigned ndevs;
};

static int check_parse(struct check_args *a, int argc, char **argv)
{
	struct argcur c = { argc, argv };

	while (c.argc > 0) {
		const char *w = c.argv[0];

		if (matches(w, "help") == 0) {
			fputs(check_usage, stderr);
			return EXIT_USAGE;
		}
		if (strcmp(w, "dev") && strcmp(w, "-n") &&
		    strcmp(w, "netns") && strcmp(w, "-netns")) {
			fprintf(stderr, "What is \"%s\"?\n%s", w, check_usage);
			return EXIT_USAGE;
		}
		if (arg_next(&c))
			return ipmpls_incomplete();
		if (strcmp(w, "dev"))
			a->netns = c.argv[0];
		else if (a->ndevs < sizeof(a->devs) / sizeof(a->devs[0]))
			a->devs[a->ndevs++] = c.argv[0];
		if (arg_next(&c))
			break;
	}
	return 0;
}

static void check_json(const struct mplsroute_finding *l, unsigned n,
		       const char *ns, int ready, int pretty)
{
	struct jw j;
	unsigned i;

	jw_init(&j, stdout, pretty);
	jw_obj_open(&j, NULL);
	if (ns)
		jw_str(&j, "netns", ns);
	jw_bool(&j, "ready", ready);
	jw_arr_open(&j, "findings");
	for (i = 0; i < n; i++) {
		jw_obj_open(&j, NULL);
		jw_str(&j, "code", codes[l[i].code]);
		jw_str(&j, "severity", l[i].severity ==
		       MPLSROUTE_CHECK_ERROR ? "error" : "warning");
		if (l[i].dev[0])
			jw_str(&j, "dev", l[i].dev);
		if (l[i].label >= 0)
			jw_int(&j, "label", l[i].label);
		jw_str(&j, "text", l[i].text);
		if (l[i].fix[0])
			jw_str(&j, "fix", l[i].fix);
		jw_obj_close(&j);
	}
	jw_arr_close(&j);
	jw_obj_close(&j);
	putchar('\n');
}

static void check_text(const struct mplsroute_finding *l, unsigned n,
		       const char *ns, unsigned errors)
{
	const char *p = ns ? ns : "", *sep = ns ? ": " : "";
	unsigned i;

	for (i = 0; i < n; i++) {
		printf("%s%s%s%s\n", p, sep, l[i].severity ==
		       MPLSROUTE_CHECK_ERROR ? "" : "warning: ", l[i].text);
		if (l[i].fix[0])
			printf("    fix: %s%s%s%s\n", ns ? "ip netns exec " : "",
			       p, ns ? " " : "", l[i].fix);
	}
	if (errors)
		printf("%s%snot ready: %u problem%s\n", p, sep, errors,
		       errors > 1 ? "s" : "");
	else
		printf("%s%sready\n", p, sep);
}

int do_ipcheck(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct check_args a = { .netns = ctx->opts->netns };
	struct mplsroute_check_opts o = { 0 };
	struct mplsroute_finding *l;
	struct mplsroute_sock *s = ctx->sock;
	unsigned n, i, errors = 0;
	int rc;

	rc = check_parse(&a, argc, argv);
	if (rc)
		return rc;
	if (a.netns != ctx->opts->netns) {
		if (ipmpls_netns_switch(a.netns))
			return 2;
		rc = mplsroute_sock_open(&s);
		if (rc < 0) {
			fprintf(stderr, "Cannot open netlink socket: %s\n",
				strerror(-rc));
			return 2;
		}
	}
	o.devs = a.devs;
	o.ndevs = a.ndevs;
	rc = mplsroute_check(s, &o, &l, &n);
	if (s != ctx->sock)
		mplsroute_sock_close(s);
	if (rc < 0) {
		fprintf(stderr, "%s%scannot tell: %s\n", a.netns ? a.netns : "",
			a.netns ? ": " : "", strerror(-rc));
		return 2;
	}
	for (i = 0; i < n; i++)
		errors += l[i].severity == MPLSROUTE_CHECK_ERROR;
	if (ctx->opts->json)
		check_json(l, n, a.netns, !errors, ctx->opts->pretty);
	else
		check_text(l, n, a.netns, errors);
	free(l);
	fflush(stdout);
	return errors ? 1 : 0;
}
