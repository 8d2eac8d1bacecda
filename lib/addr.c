/* addr.c: ip's words: abbreviations, numbers, times, addresses, prefixes */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "internal.h"
#include "grammar_int.h"

MR_HOT
MR_EXPORT int mplsroute_abbrev(const char *word, const char *keyword)
{
	/* one pass, no strlen: called for most words of every line */
	while (*word && *word == *keyword) {
		word++;
		keyword++;
	}
	return !*word;
}

MR_HOT
MR_EXPORT int mplsroute_family_a2n(const char *name)
{
	return mr_af_read(name);
}

MR_EXPORT const char *mplsroute_family_n2a(int family)
{
	return mr_af_name(family, MR_AF_CLI);
}

MR_HOT
int mr_get_u32(uint32_t *val, const char *arg, int base)
{
	unsigned long res;
	char *end;

	if (!arg || !*arg)
		return -1;
	errno = 0;
	res = strtoul(arg, &end, base);
	if (end == arg || *end || errno == ERANGE || res > 0xffffffffUL)
		return -1;
	*val = res;
	return 0;
}

int mr_get_u8(uint8_t *val, const char *arg, int base)
{
	uint32_t v;

	if (mr_get_u32(&v, arg, base) || v > 255)
		return -1;
	*val = v;
	return 0;
}

static int time_suffix(const char *p, double *t)
{
	static const char *const secs[] = { "s", "sec", "secs" };
	static const char *const msecs[] = { "ms", "msec", "msecs" };
	size_t i;

	for (i = 0; i < 3; i++) {
		if (strcasecmp(p, secs[i]) == 0) {
			*t *= 1000;
			return 0;
		}
		if (strcasecmp(p, msecs[i]) == 0)
			return 0;
	}
	return -1;
}

int mr_get_time_rtt(uint32_t *val, const char *arg, int *raw)
{
	double t;
	char *p;

	if (strchr(arg, '.')) {
		t = strtod(arg, &p);
		if (t < 0.0 || t == HUGE_VAL)
			return -1;
	} else {
		unsigned long res = strtoul(arg, &p, 0);

		if (res > UINT_MAX)
			return -1;
		t = res;
	}
	if (p == arg)
		return -1;
	*raw = 1;
	if (*p) {
		*raw = 0;
		if (time_suffix(p, &t))
			return -1;
	}
	if (t > UINT_MAX)
		return -1;
	*val = t;
	return 0;
}

int mr_realms_parse(uint32_t *flow, const char *arg)
{
	const char *slash = strchr(arg, '/'), *to = arg;
	uint32_t from_id = 0, to_id = 0;
	char buf[256];

	if (slash) {
		if ((size_t)(slash - arg) >= sizeof(buf))
			return -1;
		memcpy(buf, arg, (size_t)(slash - arg));
		buf[slash - arg] = '\0';
		if (mplsroute_realm_a2n(&from_id, buf))
			return -1;
		to = slash + 1;
	}
	if (*to && mplsroute_realm_a2n(&to_id, to))
		return -1;
	*flow = from_id << 16 | to_id;
	return 0;
}

/* 4.4's get_addr_ipv4: 1 to 4 dot-separated numbers (strtoul base 0) */
static int parse_inet(uint8_t *ap, const char *cp)
{
	int i;

	for (i = 0; i < 4; i++) {
		unsigned long n;
		char *end;

		n = mr_strtoul0(cp, &end);
		if (n > 255 || end == cp)
			return -1;
		ap[i] = n;
		if (*end == '\0')
			return 0;
		if (i == 3 || *end != '.')
			return -1;
		cp = end + 1;
	}
	return -1;
}

static int is_any(const char *arg)
{
	if (arg[0] != 'd' && arg[0] != 'a')
		return 0;	/* the usual case, cheaply */
	return strcmp(arg, "default") == 0 || strcmp(arg, "all") == 0 ||
	       strcmp(arg, "any") == 0;
}

static int parse_mpls(struct mplsroute_addr *a, const char *arg)
{
	a->family = AF_MPLS;
	if (mplsroute_labels_parse(&a->labels, arg) < 0)
		return -EINVAL;
	a->bytelen = 4 * a->labels.n;
	a->bitlen = 20;
	return 0;
}

MR_HOT
MR_EXPORT int mplsroute_addr_parse(struct mplsroute_addr *a, const char *arg,
				   int family)
{
	memset(a, 0, sizeof(*a));
	if (!arg)
		return -EINVAL;
	if (is_any(arg)) {
		if (family == AF_DECnet || family == AF_MPLS)
			return -EINVAL;
		a->family = family;
		a->bytelen = family == AF_INET6 ? 16 : 4;
		a->bitlen = 0xff;
		return 0;
	}
	if (strchr(arg, ':')) {
		a->family = AF_INET6;
		if (family != AF_UNSPEC && family != AF_INET6)
			return -EINVAL;
		if (inet_pton(AF_INET6, arg, a->data) <= 0)
			return -EINVAL;
		a->bytelen = 16;
		a->bitlen = 0xff;
		return 0;
	}
	if (family == AF_MPLS)
		return parse_mpls(a, arg);
	a->family = AF_INET;
	if (family != AF_UNSPEC && family != AF_INET)
		return -EINVAL;
	if (parse_inet(a->data, arg) < 0)
		return -EINVAL;
	a->bytelen = 4;
	a->bitlen = 0xff;
	return 0;
}

/* a dotted netmask's prefix length: contiguous ones only */
static int mask_bits(const char *arg, unsigned *plen)
{
	struct mplsroute_addr m;
	uint32_t mask, host;
	unsigned bits = 0;

	if (mplsroute_addr_parse(&m, arg, AF_INET) < 0)
		return -1;
	mask = (uint32_t)m.data[0] << 24 | m.data[1] << 16 |
	       m.data[2] << 8 | m.data[3];
	host = ~mask;
	if (host & (host + 1))
		return -1;	/* not 1...10...0 */
	while (mask) {
		bits++;
		mask <<= 1;
	}
	*plen = bits;
	return 0;
}

static unsigned full_bitlen(int family)
{
	switch (family) {
	case AF_INET6:
		return 128;
	case AF_DECnet:
		return 16;
	case AF_MPLS:
		return 20;
	}
	return 32;
}

MR_HOT
MR_EXPORT int mplsroute_prefix_parse(struct mplsroute_addr *a,
				     const char *arg, int family)
{
	char word[256];
	const char *slash;
	uint32_t plen;
	unsigned mplen;

	memset(a, 0, sizeof(*a));
	if (!arg)
		return -EINVAL;
	if (is_any(arg)) {
		if (family == AF_DECnet || family == AF_MPLS)
			return -EINVAL;
		a->family = family;
		return 0;
	}
	if (strlen(arg) >= sizeof(word))
		return -EINVAL;
	slash = strchr(arg, '/');
	if (slash) {	/* the address alone, in a copy */
		memcpy(word, arg, (size_t)(slash - arg));
		word[slash - arg] = '\0';
		arg = word;
	}
	if (mplsroute_addr_parse(a, arg, family) < 0)
		return -EINVAL;
	a->bitlen = full_bitlen(a->family);
	if (!slash)
		return 0;
	if (mr_get_u32(&plen, slash + 1, 0) == 0)
		mplen = plen;
	else if (mask_bits(slash + 1, &mplen) < 0)
		return -EINVAL;
	if (mplen > a->bitlen)
		return -EINVAL;
	a->bitlen = mplen;
	return 0;
}
