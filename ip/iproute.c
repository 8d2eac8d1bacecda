/* iproute.c: the "route" subcommands, in iproute2 4.4's order */
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "ipmpls.h"
#include "utils.h"

/* ---- the subcommands --------------------------------------------------- */

enum { RC_MODIFY, RC_LIST, RC_FLUSH, RC_GET, RC_SAVE, RC_RESTORE, RC_SHOWDUMP,
	RC_HELP };

static const struct route_cmd {
	const char *word;	/* matched as an abbreviation */
	const char *alias;	/* matched exactly (e.g. "chg") */
	int what;
	int cmd;
	unsigned flags;
} route_cmds[] = {
	{ "add", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL },
	{ "change", "chg", RC_MODIFY, RTM_NEWROUTE, NLM_F_REPLACE },
	{ "replace", NULL, RC_MODIFY, RTM_NEWROUTE,
	  NLM_F_CREATE | NLM_F_REPLACE },
	{ "prepend", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_CREATE },
	{ "append", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND },
	{ "test", NULL, RC_MODIFY, RTM_NEWROUTE, NLM_F_EXCL },
	{ "delete", NULL, RC_MODIFY, RTM_DELROUTE, 0 },
	{ "list", NULL, RC_LIST, 0, 0 },
	{ "show", NULL, RC_LIST, 0, 0 },
	{ "lst", NULL, RC_LIST, 0, 0 },
	{ "get", NULL, RC_GET, 0, 0 },
	{ "flush", NULL, RC_FLUSH, 0, 0 },
	{ "save", NULL, RC_SAVE, 0, 0 },
	{ "restore", NULL, RC_RESTORE, 0, 0 },
	{ "showdump", NULL, RC_SHOWDUMP, 0, 0 },
	{ "help", NULL, RC_HELP, 0, 0 },
};

/* one subcommand @c with the words after it */
static int route_cmd(struct ipmpls_ctx *ctx, const struct route_cmd *c,
		     int argc, char **argv)
{
	if (c->what != RC_MODIFY)
		ipmpls_heap_setup();
	switch (c->what) {
	case RC_MODIFY:
		return iproute_modify(ctx, c->cmd, c->flags, argc, argv);
	case RC_LIST:
		return iproute_list(ctx, argc, argv);
	case RC_FLUSH:
		return iproute_flush(ctx, argc, argv);
	case RC_GET:
		return iproute_get(ctx, argc, argv);
	case RC_SAVE:
		return iproute_save(ctx, argc, argv);
	case RC_RESTORE:
	case RC_SHOWDUMP:
		return iproute_restore(ctx, c->what == RC_SHOWDUMP);
	}
	iproute_usage(stderr);
	return EXIT_USAGE;
}

IP_HOT
int do_iproute(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	size_t i;

	if (argc < 1) {
		ipmpls_heap_setup();
		return iproute_list(ctx, 0, argv);
	}
	for (i = 0; i < sizeof(route_cmds) / sizeof(route_cmds[0]); i++) {
		const struct route_cmd *c = &route_cmds[i];

		if (matches(argv[0], c->word) &&
		    (!c->alias || strcmp(argv[0], c->alias)))
			continue;
		return route_cmd(ctx, c, argc - 1, argv + 1);
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"ip route help\".\n",
		argv[0]);
	return EXIT_USAGE;
}
