/* record.c: the recordings' line format "NAME FLAGS HEX" (one owner) */
/*
 * One netlink message a line: its type's name, its nlmsg_flags in hex and
 * the whole message in hex, nlmsg_seq and nlmsg_pid zeroed (in an
 * NLMSG_ERROR also those of the echoed request header), as the reference
 * dumps write it (testsuite/data/iproute2-4.4/README.md).  Written by the
 * replay socket (replay.c) and the lab's capture (testsuite/tools/
 * nlmon_dump), read by the replay socket, testsuite/tools/nlcmp and the
 * unit tests.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "internal.h"

const char *mr_rec_name(uint16_t type)
{
	switch (type) {
	case RTM_NEWROUTE: return "RTM_NEWROUTE";
	case RTM_DELROUTE: return "RTM_DELROUTE";
	case RTM_GETROUTE: return "RTM_GETROUTE";
	case NLMSG_ERROR: return "NLMSG_ERROR";
	case NLMSG_DONE: return "NLMSG_DONE";
	}
	return NULL;
}

/* whether byte @i of a message @type, @len long, is written as zero */
static int rec_zeroed(uint16_t type, uint32_t len, uint32_t i)
{
	const uint32_t echo = NLMSG_HDRLEN + sizeof(int);

	if (i >= 8 && i < 16)	/* nlmsg_seq, nlmsg_pid */
		return 1;
	/* an NLMSG_ERROR echoes the request's header after the error code */
	return type == NLMSG_ERROR &&
	       len >= NLMSG_LENGTH(sizeof(struct nlmsgerr)) &&
	       i >= echo + 8 && i < echo + 16;
}

int mr_rec_write(FILE *f, const struct nlmsghdr *nlh)
{
	const unsigned char *p = (const unsigned char *)nlh;
	const char *name = mr_rec_name(nlh->nlmsg_type);
	uint32_t i;

	if (!name)
		return -ENOENT;
	fprintf(f, "%s 0x%x ", name, nlh->nlmsg_flags);
	for (i = 0; i < nlh->nlmsg_len; i++)
		fprintf(f, "%02x", rec_zeroed(nlh->nlmsg_type,
					      nlh->nlmsg_len, i) ? 0 : p[i]);
	fputc('\n', f);
	return ferror(f) ? -EIO : 0;
}

static int rec_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int rec_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

long mr_rec_hex2bin(const char *hex, size_t n, void *out, size_t len)
{
	unsigned char *o = out;
	size_t i = 0, k = 0;
	int hi, lo;

	while (i < n) {
		if (rec_space((unsigned char)hex[i])) {
			i++;
			continue;
		}
		hi = rec_hexval((unsigned char)hex[i]);
		lo = i + 1 < n ? rec_hexval((unsigned char)hex[i + 1]) : -1;
		if (hi < 0 || lo < 0)
			return -EINVAL;
		if (k < len)
			o[k] = (unsigned char)(hi << 4 | lo);
		k++;
		i += 2;
	}
	return (long)k;
}

/* the next field of @s: its start (NULL: none), its length in *@n */
static const char *rec_field(const char *s, size_t *n)
{
	while (rec_space((unsigned char)*s))
		s++;
	*n = 0;
	if (!*s)
		return NULL;
	while (s[*n] && !rec_space((unsigned char)s[*n]))
		(*n)++;
	return s;
}

long mr_rec_parse(const char *line, struct mr_rec *rec, void *buf,
		  size_t len)
{
	const char *name, *flags, *hex, *rest;
	size_t nn, nf, nh, nr;
	char *end;

	name = rec_field(line, &nn);
	if (!name)
		return 0;
	flags = rec_field(name + nn, &nf);
	hex = flags ? rec_field(flags + nf, &nh) : NULL;
	if (!hex || nn >= sizeof(rec->name) || nh % 2 ||
	    nf < 3 || strncmp(flags, "0x", 2))
		return -EINVAL;
	rest = rec_field(hex + nh, &nr);
	if (rest)
		return -EINVAL;
	memcpy(rec->name, name, nn);
	rec->name[nn] = '\0';
	errno = 0;
	rec->flags = strtoul(flags, &end, 16);
	if (errno || end != flags + nf || rec->flags > 0xffff)
		return -EINVAL;
	return mr_rec_hex2bin(hex, nh, buf, len);
}
