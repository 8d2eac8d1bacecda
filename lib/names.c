/* lib/names.c: table, protocol, scope, type, dsfield, flag, metric names */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/in_route.h>
#include <linux/rtnetlink.h>

#include "internal.h"

/*
 * iproute2 4.4 keeps one table per kind: built-in names, then the lines of
 * /etc/iproute2/<file> ("ID NAME", ID decimal or 0x hex, '#' comments).
 * Protocols, scopes and dsfields are arrays indexed 0..255, a later line
 * replacing an earlier name; tables are a hash of ids up to 2^32 where
 * later entries shadow earlier ones for the same id.  We keep every kind as
 * a list in insertion order (built-ins first) and resolve as 4.4 does.
 */
struct name_ent {
	uint32_t id;
	char *name;
	unsigned int builtin:1;
};

struct name_tab {
	const char *file;
	int hashed;			/* rt_tables: ids beyond 255 allowed */
	struct name_ent *ent;
	size_t n, cap;
};

enum { K_TABLE, K_PROTO, K_SCOPE, K_DSFIELD, K_REALM, K_MAX };

static struct name_tab tabs[K_MAX] = {
	[K_TABLE] = { .file = "rt_tables", .hashed = 1 },
	[K_PROTO] = { .file = "rt_protos" },
	[K_SCOPE] = { .file = "rt_scopes" },
	[K_DSFIELD] = { .file = "rt_dsfield" },
	[K_REALM] = { .file = "rt_realms" },
};

static const struct { int kind; uint32_t id; const char *name; } builtins[] = {
	{ K_TABLE, 0, "unspec" },
	{ K_TABLE, RT_TABLE_DEFAULT, "default" },
	{ K_TABLE, RT_TABLE_MAIN, "main" },
	{ K_TABLE, RT_TABLE_LOCAL, "local" },
	{ K_PROTO, RTPROT_UNSPEC, "none" },
	{ K_PROTO, RTPROT_REDIRECT, "redirect" },
	{ K_PROTO, RTPROT_KERNEL, "kernel" },
	{ K_PROTO, RTPROT_BOOT, "boot" },
	{ K_PROTO, RTPROT_STATIC, "static" },
	{ K_PROTO, RTPROT_GATED, "gated" },
	{ K_PROTO, RTPROT_RA, "ra" },
	{ K_PROTO, RTPROT_MRT, "mrt" },
	{ K_PROTO, RTPROT_ZEBRA, "zebra" },
	{ K_PROTO, RTPROT_BIRD, "bird" },
	{ K_PROTO, RTPROT_DNROUTED, "dnrouted" },
	{ K_PROTO, RTPROT_XORP, "xorp" },
	{ K_PROTO, RTPROT_NTK, "ntk" },
	{ K_PROTO, RTPROT_DHCP, "dhcp" },
	{ K_SCOPE, RT_SCOPE_UNIVERSE, "global" },
	{ K_SCOPE, RT_SCOPE_NOWHERE, "nowhere" },
	{ K_SCOPE, RT_SCOPE_HOST, "host" },
	{ K_SCOPE, RT_SCOPE_LINK, "link" },
	{ K_SCOPE, RT_SCOPE_SITE, "site" },
	{ K_DSFIELD, 0, "0" },
	{ K_REALM, 0, "unknown" },
};

static const char *const type_names[] = {
	[RTN_UNSPEC] = "none",
	[RTN_UNICAST] = "unicast",
	[RTN_LOCAL] = "local",
	[RTN_BROADCAST] = "broadcast",
	[RTN_ANYCAST] = "anycast",
	[RTN_MULTICAST] = "multicast",
	[RTN_BLACKHOLE] = "blackhole",
	[RTN_UNREACHABLE] = "unreachable",
	[RTN_PROHIBIT] = "prohibit",
	[RTN_THROW] = "throw",
	[RTN_NAT] = "nat",
	[RTN_XRESOLVE] = "xresolve",
};

static pthread_once_t names_once = PTHREAD_ONCE_INIT;
static int names_loaded;

static int tab_add(struct name_tab *t, uint32_t id, const char *name,
		   int builtin)
{
	struct name_ent *e;

	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 32;

		e = realloc(t->ent, cap * sizeof(*e));
		if (!e)
			return -ENOMEM;
		t->ent = e;
		t->cap = cap;
	}
	e = &t->ent[t->n];
	e->id = id;
	e->builtin = builtin;
	e->name = builtin ? (char *)name : strdup(name);
	if (!e->name)
		return -ENOMEM;
	t->n++;
	return 0;
}

static void tab_clear(struct name_tab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!t->ent[i].builtin)
			free(t->ent[i].name);
	free(t->ent);
	t->ent = NULL;
	t->n = t->cap = 0;
}

/* one "ID NAME" line as 4.4 reads it; 1 = entry, 0 = skip, -1 = corrupt */
static int parse_line(char *line, int *id, char *name)
{
	char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '#' || *p == '\n' || *p == 0)
		return 0;
	if (sscanf(p, "0x%x %511s", (unsigned int *)id, name) == 2 ||
	    sscanf(p, "%d %511s", id, name) == 2)
		return 1;
	return -1;
}

/* reads DIR/file into t; a missing file is fine, a corrupt line ends it */
static int tab_load_file(struct name_tab *t, const char *dir)
{
	char path[PATH_MAX], line[512], name[512];
	FILE *fp;
	int id, ret = 0;

	if (snprintf(path, sizeof(path), "%s/%s", dir, t->file) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	fp = fopen(path, "re");
	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp)) {
		int r = parse_line(line, &id, name);

		if (r < 0)
			break;
		if (r == 0 || id < 0 || (!t->hashed && id > 255))
			continue;
		ret = tab_add(t, (uint32_t)id, name, 0);
		if (ret < 0)
			break;
	}
	fclose(fp);
	return ret;
}

MR_EXPORT int mplsroute_names_load(const char *dir)
{
	size_t i;
	int k, ret = 0;

	if (!dir)
		dir = "/etc/iproute2";
	for (k = 0; k < K_MAX; k++)
		tab_clear(&tabs[k]);
	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		ret = tab_add(&tabs[builtins[i].kind], builtins[i].id,
			      builtins[i].name, 1);
		if (ret < 0)
			return ret;
	}
	for (k = 0; k < K_MAX && ret == 0; k++)
		ret = tab_load_file(&tabs[k], dir);
	names_loaded = 1;
	return ret;
}

static void names_default_load(void)
{
	if (!names_loaded)
		mplsroute_names_load(NULL);
}

static struct name_tab *get_tab(int kind)
{
	pthread_once(&names_once, names_default_load);
	return &tabs[kind];
}

/* the newest entry for @id, or NULL */
static const struct name_ent *tab_find_id(const struct name_tab *t,
					  uint32_t id)
{
	size_t i = t->n;

	while (i-- > 0)
		if (t->ent[i].id == id)
			return &t->ent[i];
	return NULL;
}

/*
 * name -> id as 4.4 searches: the arrays by id 0..255 and only each id's
 * current name; the table hash by bucket (id & 255), newest first, any entry.
 */
static int tab_find_name(const struct name_tab *t, const char *name,
			 uint32_t *id)
{
	const struct name_ent *best = NULL;
	size_t i = t->n;

	while (i-- > 0) {
		const struct name_ent *e = &t->ent[i];

		if (strcmp(e->name, name) != 0)
			continue;
		if (!t->hashed && tab_find_id(t, e->id) != e)
			continue;
		if (!best || (e->id & 255) < (best->id & 255))
			best = e;
	}
	if (!best)
		return -ENOENT;
	*id = best->id;
	return 0;
}

static int put_str(char *buf, size_t len, const char *s)
{
	size_t n = strlen(s);

	if (n >= len)
		return -ENOSPC;
	memcpy(buf, s, n + 1);
	return (int)n;
}

static int put_fmt(char *buf, size_t len, const char *fmt, uint32_t v)
{
	int n = snprintf(buf, len, fmt, v);

	if (n < 0 || (size_t)n >= len)
		return -ENOSPC;
	return n;
}

/* strtoul as 4.4 uses it: whole word, value <= max */
static int parse_num(const char *arg, int base, unsigned long max,
		     uint32_t *id)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(arg, &end, base);
	if (end == arg || *end || v > max || errno == ERANGE)
		return -EINVAL;
	*id = (uint32_t)v;
	return 0;
}

static int kind_a2n(int kind, uint32_t *id, const char *arg, int base,
		    unsigned long max)
{
	if (tab_find_name(get_tab(kind), arg, id) == 0)
		return 0;
	return parse_num(arg, base, max, id);
}

static int kind_n2a(int kind, uint32_t id, char *buf, size_t len,
		    const char *fmt)
{
	const struct name_ent *e = tab_find_id(get_tab(kind), id);

	if (e)
		return put_str(buf, len, e->name);
	return put_fmt(buf, len, fmt, id);
}

MR_EXPORT int mplsroute_table_a2n(uint32_t *id, const char *arg)
{
	return kind_a2n(K_TABLE, id, arg, 0, 0xffffffffUL);
}

MR_EXPORT int mplsroute_table_n2a(uint32_t id, char *buf, size_t len)
{
	return kind_n2a(K_TABLE, id, buf, len, "%u");
}

MR_EXPORT int mplsroute_proto_a2n(uint32_t *id, const char *arg)
{
	return kind_a2n(K_PROTO, id, arg, 0, 255);
}

MR_EXPORT int mplsroute_proto_n2a(uint32_t id, char *buf, size_t len)
{
	return kind_n2a(K_PROTO, id, buf, len, "%u");
}

MR_EXPORT int mplsroute_scope_a2n(uint32_t *id, const char *arg)
{
	return kind_a2n(K_SCOPE, id, arg, 0, 255);
}

MR_EXPORT int mplsroute_scope_n2a(uint32_t id, char *buf, size_t len)
{
	return kind_n2a(K_SCOPE, id, buf, len, "%u");
}

MR_EXPORT int mplsroute_dsfield_a2n(uint32_t *id, const char *arg)
{
	return kind_a2n(K_DSFIELD, id, arg, 16, 255);
}

MR_EXPORT int mplsroute_dsfield_n2a(uint32_t id, char *buf, size_t len)
{
	if (id > 255)
		return put_fmt(buf, len, "%u", id);
	return kind_n2a(K_DSFIELD, id, buf, len, "0x%02x");
}

MR_EXPORT int mplsroute_type_a2n(uint32_t *id, const char *arg)
{
	/* 4.4's order: exact words first, then abbreviations */
	static const struct { const char *word; int exact; uint8_t type; }
	words[] = {
		{ "local", 1, RTN_LOCAL },
		{ "nat", 1, RTN_NAT },
		{ "broadcast", 0, RTN_BROADCAST },
		{ "brd", 1, RTN_BROADCAST },
		{ "anycast", 0, RTN_ANYCAST },
		{ "multicast", 0, RTN_MULTICAST },
		{ "prohibit", 0, RTN_PROHIBIT },
		{ "unreachable", 0, RTN_UNREACHABLE },
		{ "blackhole", 0, RTN_BLACKHOLE },
		{ "xresolve", 0, RTN_XRESOLVE },
		{ "unicast", 0, RTN_UNICAST },
		{ "throw", 1, RTN_THROW },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (words[i].exact ? strcmp(arg, words[i].word) == 0 :
				     mplsroute_abbrev(arg, words[i].word)) {
			*id = words[i].type;
			return 0;
		}
	}
	return parse_num(arg, 0, 255, id);
}

MR_EXPORT int mplsroute_type_n2a(uint32_t id, char *buf, size_t len)
{
	if (id < sizeof(type_names) / sizeof(type_names[0]) && type_names[id])
		return put_str(buf, len, type_names[id]);
	return put_fmt(buf, len, "%u", id);
}

MR_EXPORT int mplsroute_realm_a2n(uint32_t *id, const char *arg)
{
	return kind_a2n(K_REALM, id, arg, 0, 255);
}

MR_EXPORT int mplsroute_realm_n2a(uint32_t id, char *buf, size_t len)
{
	return kind_n2a(K_REALM, id, buf, len, "%u");
}

/* RTA_PREF: ICMPV6_ROUTER_PREF_MEDIUM, _HIGH, (invalid), _LOW */
static const char *const pref_names[4] = { "medium", "high", NULL, "low" };

const char *mr_pref_name(uint32_t pref)
{
	return pref < 4 ? pref_names[pref] : NULL;
}

MR_EXPORT int mplsroute_pref_a2n(uint32_t *id, const char *arg)
{
	uint32_t i;

	for (i = 0; i < 4; i++) {
		if (pref_names[i] && strcmp(arg, pref_names[i]) == 0) {
			*id = i;
			return 0;
		}
	}
	return parse_num(arg, 0, 255, id);
}

MR_EXPORT int mplsroute_pref_n2a(uint32_t id, char *buf, size_t len)
{
	const char *name = mr_pref_name(id);

	if (name)
		return put_str(buf, len, name);
	return put_fmt(buf, len, "%u", id);
}

const struct mr_flag_name mr_rtcf_names[] = {
	{ RTCF_LOCAL, "local" }, { RTCF_REJECT, "reject" },
	{ RTCF_MULTICAST, "mc" }, { RTCF_BROADCAST, "brd" },
	{ RTCF_DNAT, "dst-nat" }, { RTCF_SNAT, "src-nat" },
	{ RTCF_MASQ, "masq" }, { RTCF_DIRECTDST, "dst-direct" },
	{ RTCF_DIRECTSRC, "src-direct" },
	{ RTCF_REDIRECTED, "redirected" },
	{ RTCF_DOREDIRECT, "redirect" }, { RTCF_FAST, "fastroute" },
	{ RTCF_NOTIFY, "notify" }, { RTCF_TPROXY, "proxy" },
};

const size_t mr_rtcf_nnames =
	sizeof(mr_rtcf_names) / sizeof(mr_rtcf_names[0]);

const char *const mr_rtax_names[17] = {
	[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window",
	[RTAX_RTT] = "rtt", [RTAX_RTTVAR] = "rttvar",
	[RTAX_SSTHRESH] = "ssthresh", [RTAX_CWND] = "cwnd",
	[RTAX_ADVMSS] = "advmss", [RTAX_REORDERING] = "reordering",
	[RTAX_HOPLIMIT] = "hoplimit", [RTAX_INITCWND] = "initcwnd",
	[RTAX_FEATURES] = "features", [RTAX_RTO_MIN] = "rto_min",
	[RTAX_INITRWND] = "initrwnd", [RTAX_QUICKACK] = "quickack",
	[RTAX_CC_ALGO] = "congctl",
};
