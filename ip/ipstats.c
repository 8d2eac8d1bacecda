/* ipstats.c: `ipmpls stats show [dev DEV]`: MPLS counters as ip 6.1 */
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "ipops.h"
#include "utils.h"

static const char stats_usage[] =
"Usage: ipmpls stats show [ dev DEV ] [ group afstats [ subgroup mpls ] ]\n"
"       ipmpls stats help\n";

struct st_out {
	struct jw *j;		/* NULL: text */
	int dump;		/* every device: a blank line after each */
};

/* widen @cols to the digits of the values */
static void size_cols(unsigned cols[5], const uint64_t v[5])
{
	unsigned i, len;
	uint64_t x;

	for (i = 0; i < 5; i++) {
		for (len = 1, x = v[i]; x > 9; len++, x /= 10)
			;
		if (len > cols[i])
			cols[i] = len;
	}
}

static void print_row(const unsigned cols[5], const uint64_t v[5], int n)
{
	int i;

	fputs("    ", stdout);
	for (i = 0; i < n; i++)
		printf("%*" PRIu64 " ", (int)cols[i], v[i]);
	putchar('\n');
}

static void stats_text(const struct mplsroute_mpls_stats *st, const char *name)
{
	unsigned cols[5] = { 9, 7, 6, 7, 7 };
	uint64_t rx[5] = { st->rx_bytes, st->rx_packets, st->rx_errors,
			   st->rx_dropped, st->rx_noroute };
	uint64_t tx[5] = { st->tx_bytes, st->tx_packets, st->tx_errors,
			   st->tx_dropped, 0 };

	size_cols(cols, rx);
	size_cols(cols, tx);
	printf("%u: %s: group afstats subgroup mpls\n", st->ifindex, name);
	printf("    RX: %*s %*s %*s %*s %*s\n", (int)cols[0] - 4, "bytes",
	       (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped", (int)cols[4], "noroute");
	print_row(cols, rx, 5);
	printf("    TX: %*s %*s %*s %*s\n", (int)cols[0] - 4, "bytes",
	       (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped");
	print_row(cols, tx, 4);
}

static void stats_json(struct jw *j, const struct mplsroute_mpls_stats *st,
		       const char *name)
{
	jw_obj_open(j, NULL);
	jw_u64(j, "ifindex", st->ifindex);
	jw_str(j, "ifname", name);
	jw_str(j, "group", "afstats");
	jw_str(j, "subgroup", "mpls");
	jw_obj_open(j, "mpls_stats");
	jw_obj_open(j, "rx");
	jw_u64(j, "bytes", st->rx_bytes);
	jw_u64(j, "packets", st->rx_packets);
	jw_u64(j, "errors", st->rx_errors);
	jw_u64(j, "dropped", st->rx_dropped);
	jw_u64(j, "noroute", st->rx_noroute);
	jw_obj_close(j);
	jw_obj_open(j, "tx");
	jw_u64(j, "bytes", st->tx_bytes);
	jw_u64(j, "packets", st->tx_packets);
	jw_u64(j, "errors", st->tx_errors);
	jw_u64(j, "dropped", st->tx_dropped);
	jw_obj_close(j);
	jw_obj_close(j);
	jw_obj_close(j);
}

static int stats_one(const struct mplsroute_mpls_stats *st, void *data)
{
	struct st_out *o = data;
	char name[IF_NAMESIZE + 8];

	if (!if_indextoname(st->ifindex, name))
		snprintf(name, sizeof(name), "if%u", st->ifindex);
	if (o->j) {
		stats_json(o->j, st, name);
		return 0;
	}
	stats_text(st, name);
	if (o->dump)
		putchar('\n');
	return 0;
}

/* group/subgroup WORD (cursor on the keyword): 0 or an exit code */
static int stats_select(struct argcur *c, const char *want)
{
	const char *key = c->argv[0];

	if (arg_next(c))
		return ipmpls_incomplete();
	if (strcmp(c->argv[0], want) == 0)
		return 0;
	fprintf(stderr, "Error: ipmpls shows only \"group afstats subgroup "
		"mpls\", not %s \"%s\".\n", key, c->argv[0]);
	return EXIT_USAGE;
}

/* the words after `show`: sets *ifindex; 0 or an exit code */
static int stats_args(int argc, char **argv, unsigned *ifindex)
{
	struct argcur c = { argc, argv };
	int rc;

	while (c.argc > 0) {
		if (strcmp(c.argv[0], "dev") == 0) {
			if (arg_next(&c))
				return ipmpls_incomplete();
			*ifindex = if_nametoindex(c.argv[0]);
			if (!*ifindex)
				return ipmpls_no_device(c.argv[0]);
		} else if (strcmp(c.argv[0], "group") == 0) {
			rc = stats_select(&c, "afstats");
			if (rc)
				return rc;
		} else if (strcmp(c.argv[0], "subgroup") == 0) {
			rc = stats_select(&c, "mpls");
			if (rc)
				return rc;
		} else {
			fprintf(stderr, "What is \"%s\"?\n%s", c.argv[0],
				stats_usage);
			return EXIT_USAGE;
		}
		if (arg_next(&c))
			break;
	}
	return 0;
}

static int stats_show(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct st_out o = { NULL, 0 };
	struct jw j;
	unsigned ifindex = 0;
	int ret;

	ret = stats_args(argc, argv, &ifindex);
	if (ret)
		return ret;
	o.dump = !ifindex;
	if (ctx->opts->json) {
		jw_init(&j, stdout, ctx->opts->pretty);
		jw_arr_open(&j, NULL);
		o.j = &j;
	}
	ret = mplsroute_stats_dump(ctx->sock, ifindex, stats_one, &o);
	if (o.j) {
		jw_arr_close(&j);
		putchar('\n');
	}
	fflush(stdout);
	if (ret < 0 && ret != -ENOENT) {
		fprintf(stderr, "RTNETLINK answers: %s\n", strerror(-ret));
		return EXIT_KERNEL;
	}
	return EXIT_OK;
}

int do_ipstats(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	if (argc < 1)
		return stats_show(ctx, 0, argv);
	if (matches(argv[0], "show") == 0)
		return stats_show(ctx, argc - 1, argv + 1);
	if (matches(argv[0], "help") == 0) {
		fputs(stats_usage, stderr);
		return EXIT_USAGE;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"ip stats help\".\n",
		argv[0]);
	return EXIT_USAGE;
}
