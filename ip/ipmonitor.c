/* ipmonitor.c: `ipmpls monitor [all|route|mpls|netconf] [file FILE]` */
#include <errno.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "ipops.h"
#include "utils.h"
#include "ip_compat.h"

static const char monitor_usage[] =
"Usage: ipmpls monitor [ all | OBJECTS ] [ file FILE ]\n"
"OBJECTS :=  { route | mpls | netconf }\n"
"route: IPv4, IPv6 and MPLS routes (-4, -6, -f mpls: only those);\n"
"mpls: MPLS routes; netconf: MPLS input on/off.  Options: -t, -ts, -j,\n"
"-resync (dump the routes again after the kernel dropped changes).\n"
"file FILE: the changes saved in FILE (rtmon file FILE) instead.\n";

struct mon {
	struct ipmpls_ctx *ctx;
	unsigned groups;		/* MPLSROUTE_MON_* */
	const char *file;		/* monitor file FILE */
	struct ipmonitor_names names;	/* learnt from the file's links */
	struct mplsroute_filter filter;
};

static volatile sig_atomic_t mon_stop;

static void mon_signal(int sig)
{
	mon_stop = 1;
}

/* -t and -ts: the timestamp before each change, as ip 6.1 prints it */
static void mon_stamp(const struct ipmpls_opts *o, long long sec, long usec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char buf[64];

	if (!o->timestamp)
		return;
	localtime_r(&t, &tm);
	if (o->timestamp > 1) {
		strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
		printf("[%s.%06ld] ", buf, usec);
		return;
	}
	asctime_r(&tm, buf);
	buf[strcspn(buf, "\n")] = '\0';
	printf("Timestamp: %s %ld usec\n", buf, usec);
}

/* does the route belong to what we listen to? */
static int mon_wants(const struct mon *m, const struct nlmsghdr *nlh)
{
	const struct rtmsg *r = NLMSG_DATA(nlh);
	int fam = r->rtm_family;
	int want = m->ctx->opts->family;

	if (want != AF_UNSPEC && fam != want)
		return 0;
	if (fam == AF_MPLS)
		return !!(m->groups & MPLSROUTE_MON_MPLS);
	return !!(m->groups & MPLSROUTE_MON_ROUTE);
}

/* a file's device names first (as ip learns them), then the system's */
static int mon_ifname(uint32_t idx, char *buf, size_t len, void *data)
{
	const char *name = ipmonitor_name(data, idx);

	if (!name)
		return if_indextoname(idx, buf) ? 0 : -errno;
	snprintf(buf, len, "%s", name);
	return 0;
}

static void mon_route(struct mon *m, const struct mplsroute_route *rt,
		      int deleted)
{
	struct mplsroute_print_opts po = { 0 };
	struct mplsroute_json j;

	po.oneline = m->ctx->opts->oneline;
	po.details = m->ctx->opts->details;
	po.deleted = deleted;
	po.hide = mplsroute_filter_hide(&m->filter, rt);
	if (m->file) {
		po.ifname = mon_ifname;
		po.ifname_data = &m->names;
	}
	if (m->ctx->opts->json) {
		mplsroute_json_open(&j, stdout, m->ctx->opts->pretty);
		mplsroute_route_print_json(&j, rt, &po);
		mplsroute_json_close(&j);
		return;
	}
	mplsroute_route_print_style(stdout, rt, &po, m->ctx->opts->style);
}

/* a saved stream's time record, as ip 6.1 prints it (text only) */
static void mon_saved_time(const struct mon *m, long long sec, long usec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char buf[64];

	if (m->ctx->opts->json)
		return;
	localtime_r(&t, &tm);
	asctime_r(&tm, buf);
	buf[strcspn(buf, "\n")] = '\0';
	printf("Timestamp: %s %lu us\n", buf, (unsigned long)usec);
}

/* a netconf device's name learnt from a saved stream, or NULL */
static const char *mon_ncname(const struct mon *m,
			      const struct mplsroute_netconf *nc)
{
	return ipmonitor_name(&m->names, (uint32_t)nc->ifindex);
}

static int mon_event(const struct mplsroute_event *ev, void *data)
{
	struct mon *m = data;
	struct jw j;

	if (ev->type == MPLSROUTE_EV_TIME) {
		mon_saved_time(m, ev->sec, ev->usec);
		return 0;
	}
	if (ev->type == MPLSROUTE_EV_OTHER)
		return ipmonitor_learn(&m->names, ev->nlh);
	if (ev->type == MPLSROUTE_EV_NETCONF) {
		if (ev->netconf->family != AF_MPLS)
			return 0;
		mon_stamp(m->ctx->opts, ev->sec, ev->usec);
		if (!m->ctx->opts->json) {
			ipnetconf_print(stdout, ev->netconf, mon_ncname(m,
					ev->netconf));
			return 0;
		}
		jw_init(&j, stdout, m->ctx->opts->pretty);
		jw_obj_open(&j, NULL);
		if (ev->deleted)
			jw_bool(&j, "deleted", 1);
		jw_str(&j, "family", "mpls");
		jw_int(&j, "ifindex", ev->netconf->ifindex);
		if (ev->netconf->input >= 0)
			jw_bool(&j, "input", ev->netconf->input);
		jw_obj_close(&j);
		putchar('\n');
		return 0;
	}
	if (!ev->route || !mon_wants(m, ev->nlh) ||
	    mplsroute_filter_match(&m->filter, ev->route) != 1)
		return 0;
	mon_stamp(m->ctx->opts, ev->sec, ev->usec);
	mon_route(m, ev->route, ev->deleted);
	return 0;
}

static int mon_dumped(const struct nlmsghdr *nlh,
		      const struct mplsroute_route *rt, void *data)
{
	struct mon *m = data;

	if (rt && mon_wants(m, nlh) &&
	    mplsroute_filter_match(&m->filter, rt) == 1)
		mon_route(m, rt, 0);
	return 0;
}

/* after ENOBUFS: "Resync", then the table as it is now (routes only) */
static int mon_resync(struct mon *m)
{
	int ret, tries = 0;

	if (!(m->groups & (MPLSROUTE_MON_ROUTE | MPLSROUTE_MON_MPLS)))
		return 0;
	do {
		printf("Resync\n");
		mplsroute_filter_init(&m->filter);
		m->filter.table = 0;
		ret = mplsroute_route_dump(m->ctx->sock, AF_UNSPEC,
					   mon_dumped, m);
	} while (ret == -ENOBUFS && ++tries < 5);
	fflush(stdout);
	if (ret < 0)
		fprintf(stderr, "ipmpls: the resync dump failed: %s\n",
			strerror(-ret));
	return ret;
}

/* the words after `monitor`: sets m->groups; 0 or an exit code */
static int mon_args(struct mon *m, int argc, char **argv)
{
	int fam = m->ctx->opts->family;
	unsigned route = fam == AF_MPLS ? MPLSROUTE_MON_MPLS :
		fam == AF_UNSPEC ? MPLSROUTE_MON_ROUTE | MPLSROUTE_MON_MPLS :
		MPLSROUTE_MON_ROUTE;

	for (; argc > 0; argc--, argv++) {
		if (matches(argv[0], "file") == 0) {
			if (argc < 2) {
				fprintf(stderr, "Command line is not complete."
					" Try option \"help\"\n");
				return EXIT_USAGE;
			}
			m->file = *++argv;
			argc--;
		} else if (matches(argv[0], "all") == 0) {
			m->groups |= route | MPLSROUTE_MON_NETCONF;
		} else if (matches(argv[0], "route") == 0) {
			m->groups |= route;
		} else if (strcmp(argv[0], "mpls") == 0) {
			m->groups |= MPLSROUTE_MON_MPLS;
		} else if (matches(argv[0], "netconf") == 0) {
			m->groups |= MPLSROUTE_MON_NETCONF;
		} else if (matches(argv[0], "help") == 0) {
			fputs(monitor_usage, stderr);
			return EXIT_USAGE;
		} else {
			fprintf(stderr, "Argument \"%s\" is unknown, try "
				"\"ip monitor help\".\n", argv[0]);
			return EXIT_USAGE;
		}
	}
	if (!m->groups)
		m->groups = route | MPLSROUTE_MON_NETCONF;
	if (fam == AF_INET || fam == AF_INET6)
		m->groups &= ~MPLSROUTE_MON_NETCONF;
	return 0;
}

/* flush stdout when no more changes are waiting */
static void mon_flush(struct mplsroute_monitor *mon)
{
	struct pollfd p = { mplsroute_monitor_fd(mon), POLLIN, 0 };

	if (poll(&p, 1, 0) <= 0)
		fflush(stdout);
}

static int mon_loop(struct mon *m, struct mplsroute_monitor *mon)
{
	int ret;

	while (!mon_stop) {
		ret = mplsroute_monitor_read(mon, mon_event, m);
		if (ret == -EINTR)
			continue;
		if (ret == -ENOBUFS) {
			fflush(stdout);
			fprintf(stderr, "netlink receive error %s (%d)\n",
				strerror(ENOBUFS), ENOBUFS);
			if (!m->ctx->opts->resync)
				continue;
			if (mplsroute_monitor_drain(mon) < 0 ||
			    mon_resync(m) < 0)
				return EXIT_KERNEL;
			continue;
		}
		if (ret < 0) {
			fflush(stdout);
			fprintf(stderr, "netlink receive error %s (%d)\n",
				strerror(-ret), -ret);
			return EXIT_BADARG;
		}
		mon_flush(mon);
	}
	fflush(stdout);
	return EXIT_OK;
}

int do_ipmonitor(struct ipmpls_ctx *ctx, int argc, char **argv)
{
	struct mon m = { .ctx = ctx };
	struct mplsroute_monitor *mon;
	struct sigaction sa;
	int rc;

	rc = mon_args(&m, argc, argv);
	if (rc)
		return rc;
	mplsroute_filter_init(&m.filter);
	m.filter.table = 0;
	if (m.file) {
		rc = ipmonitor_file(m.file, mon_event, &m);
		ipmonitor_names_free(&m.names);
		return rc;
	}
	rc = mplsroute_monitor_open(&mon, m.groups, ctx->opts->rcvbuf);
	if (rc < 0) {
		fprintf(stderr, "Cannot open netlink socket: %s\n",
			strerror(-rc));
		return EXIT_BADARG;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = mon_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	rc = mon_loop(&m, mon);
	mplsroute_monitor_close(mon);
	return rc;
}
