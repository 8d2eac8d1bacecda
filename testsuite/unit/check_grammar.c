/*
 * check_grammar.c: lib/grammar*.c: ip route's words -> a route or an
 * error value.  Runs as any user: device names go through a fake lookup
 * (the golden lab's names and ifindexes), nothing touches the network.
 */
#include <dirent.h>
#include <errno.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "mplsroute.h"
#include "unit.h"

#define MAXW	128

/* the golden lab's devices (testsuite/lab/labns.sh) */
static int fake_ifindex(const char *name, uint32_t *index, void *data)
{
	static const struct { const char *name; uint32_t idx; } devs[] = {
		{ "lo", 1 }, { "eth1", 11 }, { "eth2", 12 },
		{ "veth0-host", 13 }, { "eth1p", 21 }, { "eth2p", 22 },
		{ "veth0", 23 },
	};
	size_t i;

	(*(int *)data)++;
	for (i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
		if (strcmp(devs[i].name, name) == 0) {
			*index = devs[i].idx;
			return 0;
		}
	}
	return -ENODEV;
}

static int lookups;
static struct mplsroute_route *rt;
static struct mplsroute_error err;
static char *words[MAXW];
static int nwords;
static char line[8192];

static void setup(void)
{
	rt = mplsroute_route_new();
	ck_assert_ptr_nonnull(rt);
}

static void teardown(void)
{
	mplsroute_route_free(rt);
}

/* split @text (blanks only) into words[] */
static int split(const char *text)
{
	char *p;

	snprintf(line, sizeof(line), "%s", text);
	nwords = 0;
	for (p = strtok(line, " \t\n"); p && nwords < MAXW;
	     p = strtok(NULL, " \t\n"))
		words[nwords++] = p;
	return nwords;
}

/* parse @text for @type with family @family; returns parse_args' value */
static int parse(const char *text, int family, uint16_t type)
{
	struct mplsroute_parse_opts o = {
		.family = family, .ifindex = fake_ifindex, .data = &lookups,
		.nlmsg_type = type,
	};

	split(text);
	return mplsroute_route_parse_args(rt, nwords, words, &o, &err);
}

/* the request built from the parsed route, as hex */
static const char *request_hex(uint16_t type, uint16_t flags)
{
	static unsigned char buf[8192];
	static char hex[16385];
	int n = mplsroute_route_build(buf, sizeof(buf), rt, type,
				      NLM_F_REQUEST | NLM_F_ACK | flags);

	ck_assert_int_gt(n, 0);
	unit_bin2hex(buf, (size_t)n, hex);
	return hex;
}

START_TEST(test_seed_routes)
{
	/* the seed's six commands: iproute2 4.4's recorded requests */
	ck_assert_int_eq(parse("10.4.4.0/24 encap mpls 100 via inet 192.168.30.102",
			       AF_UNSPEC, RTM_NEWROUTE), 0);
	ck_assert_str_eq(request_hex(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL),
		"4000000018000506000000000000000002180000fe03000100000000080001000a0404000c0016000800010000064100060015000100000008000500c0a81e66");
	ck_assert_int_eq(parse("210 via inet 10.3.3.2 dev veth0-host",
			       AF_MPLS, RTM_NEWROUTE), 0);
	ck_assert_str_eq(request_hex(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL),
		"380000001800050600000000000000001c140000fe0300010000000008000100000d21000a00120002000a0303020000080004000d000000");
	ck_assert_int_eq(parse("100 as 110 via inet 192.168.40.102 dev eth2",
			       AF_MPLS, RTM_NEWROUTE), 0);
	ck_assert_str_eq(request_hex(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL),
		"400000001800050600000000000000001c140000fe030001000000000800010000064100080013000006e1000a0012000200c0a828660000080004000c000000");
}
END_TEST

START_TEST(test_bad_words)
{
	static const struct {
		const char *line;
		int family, ret, kind, argi, exits;
		const char *word, *msg;
	} bad[] = {
		{ "10.4.4.0/24 via", AF_UNSPEC, -EINVAL,
		  MPLSROUTE_ERR_INCOMPLETE, 1, 1, "via",
		  "Command line is not complete. Try option \"help\"\n" },
		{ "10.4.4.0/24 metric x", AF_UNSPEC, -EINVAL,
		  MPLSROUTE_ERR_INVALID, 2, 1, "x",
		  "Error: argument \"x\" is wrong: \"metric\" value is invalid\n\n" },
		{ "10.4.4.0/24 10.5.5.0/24", AF_UNSPEC, -EINVAL,
		  MPLSROUTE_ERR_DUPLICATE, 1, 1, "10.5.5.0/24",
		  "Error: either \"to\" is duplicate, or \"10.5.5.0/24\" is a garbage.\n" },
		{ "100 via inet 1.2.3.400", AF_MPLS, -EINVAL,
		  MPLSROUTE_ERR_ADDRESS, 3, 1, "1.2.3.400",
		  "Error: inet address is expected rather than \"1.2.3.400\".\n" },
		{ "10.4.4.0/33", AF_UNSPEC, -EINVAL,
		  MPLSROUTE_ERR_PREFIX, 0, 1, "10.4.4.0/33",
		  "Error: ??? prefix is expected rather than \"10.4.4.0/33\".\n" },
		{ "1048576 via inet 10.0.0.1", AF_MPLS, -EINVAL,
		  MPLSROUTE_ERR_PREFIX, 0, 1, "1048576",
		  "Error: mpls prefix is expected rather than \"1048576\".\n" },
		{ "10.4.4.0/24 dev nosuchdev", AF_UNSPEC, -ENODEV,
		  MPLSROUTE_ERR_NODEV, 2, 0, "nosuchdev",
		  "Cannot find device \"nosuchdev\"\n" },
		{ "10.4.4.0/24 nexthop dev nosuch", AF_UNSPEC, -ENODEV,
		  MPLSROUTE_ERR_NODEV, 3, 1, "nosuch",
		  "Cannot find device \"nosuch\"\n" },
		{ "help", AF_UNSPEC, -EINVAL, MPLSROUTE_ERR_USAGE, 0, 1,
		  "help", "" },
		{ "via 1.2.3.4", AF_UNSPEC, -EINVAL, MPLSROUTE_ERR_USAGE, 2, 1,
		  NULL, "" },
		{ "10.4.4.0/24 expires 5", AF_UNSPEC, -EOPNOTSUPP,
		  MPLSROUTE_ERR_UNSUPPORTED, 1, 1, "expires",
		  "Error: \"expires\" is not supported by ipmpls.\n" },
		{ "10.4.4.0/24 encap ip 1.2.3.4", AF_UNSPEC, -EOPNOTSUPP,
		  MPLSROUTE_ERR_UNSUPPORTED, 3, 1, "1.2.3.4",
		  "Error: \"ip\" is not supported by ipmpls.\n" },
		{ "10.4.4.0/24 nexthop via 1.2.3.4 garbage", AF_UNSPEC,
		  -EINVAL, MPLSROUTE_ERR_NEXTHOP, 4, 1, "garbage",
		  "Error: \"nexthop\" or end of line is expected instead of \"garbage\"\n" },
		{ "10.4.4.0/24 nexthop", AF_UNSPEC, -EINVAL,
		  MPLSROUTE_ERR_NEXTHOP, 1, 1, "nexthop",
		  "Error: unexpected end of line after \"nexthop\"\n" },
		{ "10.4.4.0/24 nexthop as 100 via 1.2.3.4", AF_UNSPEC,
		  -EINVAL, MPLSROUTE_ERR_CONTEXT, 3, 0, "100",
		  "Error: \"as\" needs an MPLS route (-f mpls) rather than \"100\".\n" },
		{ "10.4.4.0/24 encap mpls 100 ttl 1 ttl 2", AF_UNSPEC,
		  -EINVAL, MPLSROUTE_ERR_DUPLICATE, 7, 1, "2",
		  "Error: either \"ttl\" is duplicate, or \"2\" is a garbage.\n" },
		{ "10.4.4.0/24 quickack 2", AF_UNSPEC, -EINVAL,
		  MPLSROUTE_ERR_INVALID, 2, 1, "2",
		  "Error: argument \"2\" is wrong: \"quickack\" value should be 0 or 1\n\n" },
		{ "100 via inet 10.0.0.1 encap mpls 1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25/26/27/28/29/30/31",
		  AF_MPLS, -EINVAL, MPLSROUTE_ERR_ADDRESS, 6, 1, NULL,
		  "Error: mpls address is expected rather than \"1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25/26/27/28/29/30/31\".\n" },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int ret = parse(bad[i].line, bad[i].family, RTM_NEWROUTE);

		ck_assert_msg(ret == bad[i].ret, "%s: returned %d, want %d",
			      bad[i].line, ret, bad[i].ret);
		ck_assert_msg(err.kind == bad[i].kind, "%s: kind %d, want %d",
			      bad[i].line, err.kind, bad[i].kind);
		ck_assert_msg(err.argi == bad[i].argi, "%s: argi %d, want %d",
			      bad[i].line, err.argi, bad[i].argi);
		ck_assert_msg(err.exits == bad[i].exits, "%s: exits %d",
			      bad[i].line, err.exits);
		if (bad[i].word)
			ck_assert_str_eq(err.word, bad[i].word);
		if (err.argi >= 0)
			ck_assert_ptr_eq(err.word, words[err.argi]);
		ck_assert_str_eq(err.msg, bad[i].msg);
	}
}
END_TEST

START_TEST(test_lookup_replaced)
{
	/* every device name goes through the caller's lookup */
	lookups = 0;
	ck_assert_int_eq(parse("10.6.6.0/24 nexthop via 192.168.30.102 dev eth1 weight 2 nexthop via 192.168.40.102 dev eth2 weight 1",
			       AF_UNSPEC, RTM_NEWROUTE), 0);
	ck_assert_int_eq(lookups, 2);
	/* enc-multipath-weight's recorded request */
	ck_assert_str_eq(request_hex(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL),
		"4800000018000506000000000000000002180000fe03000100000000080001000a06060024000900100000010b00000008000500c0a81e66100000000c00000008000500c0a82866");
	/* "lo" is no device of the host's here: the fake says so */
	ck_assert_int_eq(parse("10.6.6.0/24 dev veth0-host", AF_UNSPEC,
			       RTM_NEWROUTE), 0);
	ck_assert_int_eq(parse("10.6.6.0/24 dev eth9", AF_UNSPEC,
			       RTM_NEWROUTE), -ENODEV);
	ck_assert_int_eq(err.argi, 2);
}
END_TEST

START_TEST(test_delete_defaults)
{
	/* 4.4's starting values for RTM_DELROUTE: protocol 0, scope nowhere,
	 * type 0 (enc-del's recorded request) */
	ck_assert_int_eq(parse("10.4.4.0/24", AF_UNSPEC, RTM_DELROUTE), 0);
	ck_assert_str_eq(request_hex(RTM_DELROUTE, 0),
		"2400000019000500000000000000000002180000fe00ff0000000000080001000a040400");
}
END_TEST

START_TEST(test_repeats_refused_not_dropped)
{
	/* issue 12 #6: 100 metrics; 4.4 sends all; we refuse, naming one */
	char text[2048];
	size_t n = 0;
	int i;

	n += snprintf(text + n, sizeof(text) - n, "10.4.4.0/24");
	for (i = 0; i < 100; i++)
		n += snprintf(text + n, sizeof(text) - n, " metric %d", i);
	ck_assert_int_eq(parse(text, AF_UNSPEC, RTM_NEWROUTE), -E2BIG);
	ck_assert_int_eq(err.kind, MPLSROUTE_ERR_TOO_MANY);
	ck_assert_int_eq(err.exits, 0);
	ck_assert_str_eq(words[err.argi], "metric");
	ck_assert_ptr_nonnull(strstr(err.msg, "\"metric\""));
	/* a few repeats are kept and sent, each where it was given */
	ck_assert_int_eq(parse("10.4.4.0/24 metric 1 metric 2 via 192.168.30.102",
			       AF_UNSPEC, RTM_NEWROUTE), 0);
	/* golden/extra/metric-twice's request */
	ck_assert_str_eq(request_hex(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL),
		"3c00000018000506000000000000000002180000fe03000100000000080001000a0404000800060001000000080006000200000008000500c0a81e66");
}
END_TEST

START_TEST(test_congctl_too_long)
{
	/* issue 12 #7: a long congctl name is said to be too long */
	char text[1024];

	memset(text, 0, sizeof(text));
	strcpy(text, "10.4.4.0/24 congctl ");
	memset(text + strlen(text), 'c', 300);
	ck_assert_int_eq(parse(text, AF_UNSPEC, RTM_NEWROUTE), -EMSGSIZE);
	ck_assert_int_eq(err.kind, MPLSROUTE_ERR_TOO_LONG);
	ck_assert_int_eq(err.argi, 2);
	ck_assert_ptr_null(strstr(err.msg, "too many metrics"));
	ck_assert_ptr_nonnull(strstr(err.msg, "congctl"));
	ck_assert_ptr_nonnull(strstr(err.msg, "too long"));
	/* a name of reasonable length still goes, bytes without the NUL */
	ck_assert_int_eq(parse("10.4.4.0/24 congctl lock cubic", AF_UNSPEC,
			       RTM_NEWROUTE), 0);
}
END_TEST

START_TEST(test_text_entry)
{
	struct mplsroute_parse_opts o = {
		.family = AF_MPLS, .ifindex = fake_ifindex, .data = &lookups,
	};

	ck_assert_int_eq(mplsroute_route_parse_text(rt,
		"  100 as 110 via inet '192.168.40.102' dev eth2\n", &o, &err),
		0);
	ck_assert_str_eq(request_hex(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL),
		"400000001800050600000000000000001c140000fe030001000000000800010000064100080013000006e1000a0012000200c0a828660000080004000c000000");
	ck_assert_int_eq(mplsroute_route_parse_text(rt, "100 as \"110", &o,
						    &err), -EINVAL);
	ck_assert_str_eq(err.msg, "Unterminated quoted string\n");
	ck_assert_int_eq(err.argi, 2);
	ck_assert_int_eq(mplsroute_route_parse_text(rt, "100 via inet x", &o,
						    &err), -EINVAL);
	ck_assert_int_eq(err.argi, 3);
	ck_assert_ptr_null(err.word);
	ck_assert_str_eq(err.msg,
		"Error: inet address is expected rather than \"x\".\n");
}
END_TEST

START_TEST(test_error_set)
{
	ck_assert_int_eq(mplsroute_error_set(&err, MPLSROUTE_ERR_INVALID, 3,
		"x", "invalid protocol family"), -EINVAL);
	ck_assert_str_eq(err.msg,
		"Error: argument \"x\" is wrong: invalid protocol family\n");
	ck_assert_int_eq(mplsroute_error_set(&err, MPLSROUTE_ERR_ADDRESS, 0,
		"x", NULL), -EINVAL);
	ck_assert_str_eq(err.msg,
		"Error: \"x\" may be inet address, but it is not allowed in this context.\n");
	ck_assert_int_eq(mplsroute_error_set(&err, MPLSROUTE_ERR_TOO_LONG, 0,
		NULL, "Error: too long.\n"), -EMSGSIZE);
	ck_assert_int_eq(err.exits, 0);
	ck_assert_str_eq(err.msg, "Error: too long.\n");
}
END_TEST

/* ---- every recorded route change: cases/, beyond/ and golden/extra ---- */

static const struct verb {
	const char *word;
	const char *alias;
	uint16_t type;
	uint16_t flags;
} verbs[] = {	/* ip/iproute.c's table, route changes only */
	{ "add", NULL, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL },
	{ "change", "chg", RTM_NEWROUTE, NLM_F_REPLACE },
	{ "replace", NULL, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE },
	{ "prepend", NULL, RTM_NEWROUTE, NLM_F_CREATE },
	{ "append", NULL, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND },
	{ "test", NULL, RTM_NEWROUTE, NLM_F_EXCL },
	{ "delete", NULL, RTM_DELROUTE, 0 },
	{ "list", NULL, 0, 0 }, { "show", NULL, 0, 0 },
};

/* the first line of DIR/NAME into @buf ("" if none) */
static void read_first(const char *dir, const char *name, char *buf,
		       size_t len)
{
	char path[4096];
	FILE *f;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f)
		return;
	if (!fgets(buf, (int)len, f))
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* the whole of DIR/NAME into @buf ("" if none) */
static void read_all(const char *dir, const char *name, char *buf,
		     size_t len)
{
	char path[4096];
	size_t n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (f) {
		n = fread(buf, 1, len - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
}

/* the options before "route": -f FAMILY, -4, -6, -M; 0 or -1 (others) */
static int case_words(int *first, int *family)
{
	int i = 0;

	*family = AF_UNSPEC;
	while (i < nwords && words[i][0] == '-') {
		if (strcmp(words[i], "-f") == 0 && i + 1 < nwords) {
			*family = mplsroute_family_a2n(words[++i]);
		} else if (strcmp(words[i], "-4") == 0) {
			*family = AF_INET;
		} else if (strcmp(words[i], "-6") == 0) {
			*family = AF_INET6;
		} else if (strcmp(words[i], "-M") == 0) {
			*family = AF_MPLS;
		} else {
			return -1;
		}
		i++;
	}
	if (i + 1 >= nwords || !mplsroute_abbrev(words[i], "route"))
		return -1;
	*first = i + 1;
	return 0;
}

static const struct verb *case_verb(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (mplsroute_abbrev(w, verbs[i].word) ||
		    (verbs[i].alias && strcmp(w, verbs[i].alias) == 0))
			return verbs[i].type ? &verbs[i] : NULL;
	return NULL;
}

/* ipmpls's exit code for an error (ip/errors.c's table) */
static int error_rc(int kind)
{
	switch (kind) {
	case MPLSROUTE_ERR_INCOMPLETE: case MPLSROUTE_ERR_INVALID:
	case MPLSROUTE_ERR_DUPLICATE: case MPLSROUTE_ERR_USAGE:
	case MPLSROUTE_ERR_UNSUPPORTED: case MPLSROUTE_ERR_NEXTHOP:
		return 255;
	}
	return 1;
}

/* zero the padding after each attribute of @a..@end, nested ones too
 * (4.4 left stack bytes there; the kernel ignores them) */
static void zero_padding(unsigned char *a, unsigned char *end, int level)
{
	while (a + 4 <= end) {
		struct nlattr *at = (struct nlattr *)a;
		size_t len = at->nla_len, al = NLA_ALIGN(len);
		uint16_t type = at->nla_type & NLA_TYPE_MASK;

		if (len < 4 || a + len > end)
			return;
		memset(a + len, 0, (size_t)(end - a) < al ? 0 : al - len);
		if (level == 0 && (type == RTA_ENCAP || type == RTA_METRICS))
			zero_padding(a + 4, a + len, 1);
		if (level == 0 && type == RTA_MULTIPATH) {
			unsigned char *nh = a + 4;

			while (nh + sizeof(struct rtnexthop) <= a + len) {
				struct rtnexthop *r = (struct rtnexthop *)nh;

				if (r->rtnh_len < sizeof(*r) ||
				    nh + r->rtnh_len > a + len)
					break;
				zero_padding(nh + sizeof(*r), nh + r->rtnh_len,
					     1);
				nh += RTNH_ALIGN(r->rtnh_len);
			}
		}
		a += al;
	}
}

/* @got and @want (hex route messages) are equal but for padding */
static int same_request(const char *got, const char *want)
{
	static unsigned char g[8192], w[8192];
	int gn = unit_hex2bin(got, g, sizeof(g));
	int wn = unit_hex2bin(want, w, sizeof(w));
	size_t head = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct rtmsg));

	if (gn != wn || gn < (int)head)
		return 0;
	zero_padding(g + head, g + gn, 0);
	zero_padding(w + head, w + wn, 0);
	return memcmp(g, w, (size_t)gn) == 0;
}

static int checked_good, checked_bad;

/* one case: its request's bytes, or its error's words and exit code */
static void check_case(const char *dir)
{
	static char argv[4096], req[16384], stderr_text[8192], rc[16];
	struct mplsroute_parse_opts o = { .ifindex = fake_ifindex,
					  .data = &lookups };
	const struct verb *v;
	char *hex;
	int first, ret;

	read_first(dir, "argv", argv, sizeof(argv));
	read_first(dir, "requests", req, sizeof(req));
	read_all(dir, "stderr", stderr_text, sizeof(stderr_text));
	read_first(dir, "rc", rc, sizeof(rc));
	split(argv);
	if (strchr(argv, '\'') || strchr(argv, '"') ||
	    case_words(&first, &o.family) < 0)
		return;
	v = case_verb(words[first]);
	if (!v)
		return;
	o.nlmsg_type = v->type;
	ret = mplsroute_route_parse_args(rt, nwords - first - 1,
					 words + first + 1, &o, &err);
	if (req[0]) {
		ck_assert_msg(ret == 0, "%s: %s", dir, err.msg);
		hex = strrchr(req, ' ');
		ck_assert_ptr_nonnull(hex);
		ck_assert_msg(same_request(request_hex(v->type, v->flags),
					   hex + 1),
			      "%s: request differs:\n got  %s\n want %s", dir,
			      request_hex(v->type, v->flags), hex + 1);
		checked_good++;
	} else if (ret < 0) {
		ck_assert_msg(error_rc(err.kind) == atoi(rc),
			      "%s: exit %d, recorded %s", dir,
			      error_rc(err.kind), rc);
		if (err.kind != MPLSROUTE_ERR_USAGE)
			ck_assert_msg(strcmp(err.msg, stderr_text) == 0,
				      "%s: said\n%s\nrecorded\n%s", dir,
				      err.msg, stderr_text);
		checked_bad++;
	}
}

static void check_dir(const char *top, const char *sub)
{
	char path[1024], dir[2048];
	struct dirent *d;
	DIR *dp;

	snprintf(path, sizeof(path), "%s/%s", top, sub);
	dp = opendir(path);
	ck_assert_msg(dp != NULL, "cannot open %s", path);
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", path, d->d_name);
		check_case(dir);
	}
	closedir(dp);
}

START_TEST(test_recorded_cases)
{
	const char *top = getenv("TOP") ? getenv("TOP") : ".";

	checked_good = checked_bad = 0;
	check_dir(top, "testsuite/data/iproute2-4.4/cases");
	check_dir(top, "testsuite/data/iproute2-4.4/beyond");
	check_dir(top, "testsuite/golden/extra");
	/* the cases are there: most of them were looked at */
	ck_assert_int_ge(checked_good, 60);
	ck_assert_int_ge(checked_bad, 35);
}
END_TEST

static Suite *grammar_suite(void)
{
	Suite *s = suite_create("grammar");
	TCase *tc = tcase_create("grammar");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_seed_routes);
	tcase_add_test(tc, test_bad_words);
	tcase_add_test(tc, test_lookup_replaced);
	tcase_add_test(tc, test_delete_defaults);
	tcase_add_test(tc, test_repeats_refused_not_dropped);
	tcase_add_test(tc, test_congctl_too_long);
	tcase_add_test(tc, test_text_entry);
	tcase_add_test(tc, test_error_set);
	tcase_add_test(tc, test_recorded_cases);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(grammar_suite());
}
