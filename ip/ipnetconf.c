/* ipnetconf.c: `ipmpls netconf [show] [dev DEV]`, as `ip -f mpls netconf` */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <linux/netconf.h>

#include "ipops.h"
#include "utils.h"
#include "ip_compat.h"

static const char netconf_usage[] =
"Usage: ipmpls netconf show [ dev STRING ]\n";

/* the device's name as ip 6.1 prints it: all, default, the name or ifN */
static const char *nc_dev(const struct mplsroute_netconf *nc, char *buf)
{
	if (nc->ifindex == NETCONFA_IFINDEX_ALL)
		return "all";
	if (nc->ifindex == NETCONFA_IFINDEX_DEFAULT)
		return "default";
	if (!if_indextoname((unsigned)nc->ifindex, buf))
		snprintf(buf, IF_NAMESIZE, "if%d", nc->ifindex);
	return buf;
}

void ipnetconf_print(FILE *f, const struct mplsroute_netconf *nc,
		     const char *name)
{
	char buf[IF_NAMESIZE + 8];

	if (nc->deleted)
		fputs("Deleted ", f);
	fprintf(f, "%s ", mplsroute_family_n2a(nc->family));
	if (nc->has_ifindex)
		fprintf(f, "%s ", name ? name : nc_dev(nc, buf));
	if (nc->input >= 0)
		fprintf(f, "input %s ", nc->input ? "on" : "off");
	fputc('\n', f);
}

static void netconf_json(struct jw *j, const struct mplsroute_netconf *nc)
{
	char buf[IF_NAMESIZE + 8];

	jw_obj_open(j, NULL);
	if (nc->deleted)
		jw_bool(j, "deleted", 1);
	jw_str(j, "family", mplsroute_family_n2a(nc->family));
	if (nc->has_ifindex)
		jw_str(j, "interface", nc_dev(nc, buf));
	if (nc->input >= 0)
		jw_bool(j, "input", nc->input);
	jw_obj_close(j);
}

struct nc_out {
	struct jw *j;	/* NULL: text */
};

static int netconf_one(const struct mplsroute_netconf *nc, void *data)
{
	struct nc_out *o = data;

	if (o->j)
		netconf_json(o->j, nc);
	else
		ipnetconf_print(stdout, nc, NULL);
	return 0;
}

static int netconf_show(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct argcur c = { argc, argv };
	struct jw j;
	struct nc_out o = { NULL };
	unsigned ifindex = 0;
	int ret;

	for (; c.argc > 0; c.argc--, c.argv++) {
		if (strcmp(c.argv[0], "dev"))
			continue;	/* ip 6.1 skips other words */
		if (arg_next(&c))
			return ipmpls_incomplete();
		ifindex = if_nametoindex(c.argv[0]);
		if (!ifindex) {
			fprintf(stderr, "Device \"%s\" does not exist.\n",
				c.argv[0]);
			return EXIT_USAGE;
		}
	}
	if (ctx->opts->json) {
		jw_init(&j, stdout, ctx->opts->pretty);
		jw_arr_open(&j, NULL);
		o.j = &j;
	}
	ret = mplsroute_netconf_dump(ctx->sock, AF_MPLS, ifindex,
				     netconf_one, &o);
	if (o.j) {
		jw_arr_close(&j);
		putchar('\n');
	}
	fflush(stdout);
	if (ret < 0) {
		fprintf(stderr, "RTNETLINK answers: %s\n", strerror(-ret));
		return EXIT_KERNEL;
	}
	return EXIT_OK;
}

int do_ipnetconf(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	int fam = ctx->opts->family;

	if (fam != AF_UNSPEC && fam != AF_MPLS) {
		fprintf(stderr, "ipmpls netconf: family \"%s\" is not "
			"supported: mpls only.\n", mplsroute_family_n2a(fam));
		return EXIT_USAGE;
	}
	if (argc < 1)
		return netconf_show(ctx, 0, argv);
	if (matches(argv[0], "show") == 0 || matches(argv[0], "lst") == 0 ||
	    matches(argv[0], "list") == 0)
		return netconf_show(ctx, argc - 1, argv + 1);
	if (matches(argv[0], "help") == 0) {
		fputs(netconf_usage, stderr);
		return EXIT_USAGE;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"ip netconf help\".\n",
		argv[0]);
	return EXIT_USAGE;
}
