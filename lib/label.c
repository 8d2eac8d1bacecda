/* label.c: MPLS label stacks: text <-> struct mplsroute_labels <-> wire */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "internal.h"
#include "out.h"

#define LSE_LABEL_SHIFT	12
#define LSE_BOS		0x100u

/*
 * strtoul(@s, @endp, 0), the numbers of every batch line: a plain decimal
 * (a digit 1-9 first, at most 9 digits, so no overflow and errno as it
 * was) is read here, anything else (0x.., 0.., blanks, signs, long) by
 * strtoul.  Returns the value.
 */
MR_HOT
unsigned long mr_strtoul0(const char *s, char **endp)
{
	const char *p = s;
	unsigned long v = 0;

	if (*p < '1' || *p > '9')
		return strtoul(s, endp, 0);
	while (*p >= '0' && *p <= '9' && p - s < 9)
		v = v * 10 + (unsigned long)(*p++ - '0');
	if (*p >= '0' && *p <= '9')
		return strtoul(s, endp, 0);
	*endp = (char *)p;
	return v;
}

/*
 * One label as iproute2 4.4 reads it: strtoul() with base 0, so "0x64" is
 * hex, "010" is octal, and the number must be followed by '/' or the end.
 * Returns 0 and sets *endp, -EINVAL or -ERANGE.
 */
static int parse_one(const char *s, uint32_t *label, const char **endp)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = mr_strtoul0(s, &end);
	if (end == s)
		return -EINVAL;
	if (errno == ERANGE || v > MPLSROUTE_LABEL_MAX)
		return -ERANGE;
	if (*end != '\0' && *end != '/')
		return -EINVAL;
	*label = (uint32_t)v;
	*endp = end;
	return 0;
}

MR_HOT
MR_EXPORT int mplsroute_labels_parse(struct mplsroute_labels *ls,
				     const char *text)
{
	uint32_t label[MPLSROUTE_MAX_LABELS];	/* only n of them written */
	const char *p = text;
	unsigned n = 0;
	int ret;

	if (!ls || !text)
		return -EINVAL;
	for (;;) {
		if (n == MPLSROUTE_MAX_LABELS)
			return -E2BIG;
		ret = parse_one(p, &label[n], &p);
		if (ret < 0)
			return ret;
		n++;
		if (*p == '\0')
			break;
		p++;	/* the '/' */
	}
	memset(ls, 0, sizeof(*ls));
	ls->n = (uint8_t)n;
	memcpy(ls->label, label, 4 * n);
	return 0;
}

MR_EXPORT int mplsroute_labels_format(const struct mplsroute_labels *ls,
				      char *buf, size_t len)
{
	char t[24];
	size_t used = 0, n;
	unsigned int i;

	if (!ls || ls->n > MPLSROUTE_MAX_LABELS)
		return -EINVAL;
	if (!buf || len == 0)
		return -ENOSPC;
	buf[0] = '\0';
	for (i = 0; i < ls->n; i++) {
		n = 0;
		if (i)
			t[n++] = '/';
		n += mr_fmt_u64(t + n, ls->label[i]);
		if (n >= len - used)
			return -ENOSPC;	/* buf holds the labels that fit */
		memcpy(buf + used, t, n);
		used += n;
		buf[used] = '\0';
	}
	return (int)used;
}

MR_HOT
MR_EXPORT int mplsroute_labels_to_wire(const struct mplsroute_labels *ls,
				       void *wire, size_t len)
{
	uint8_t *out = wire;
	uint32_t entry;
	unsigned int i;

	if (!ls || ls->n > MPLSROUTE_MAX_LABELS)
		return -EINVAL;
	if (len < (size_t)ls->n * 4)
		return -EMSGSIZE;
	for (i = 0; i < ls->n; i++) {
		if (ls->label[i] > MPLSROUTE_LABEL_MAX)
			return -ERANGE;
		entry = ls->label[i] << LSE_LABEL_SHIFT;
		if (i == (unsigned int)ls->n - 1)
			entry |= LSE_BOS;
		entry = htonl(entry);
		memcpy(out + 4 * i, &entry, 4);
	}
	return ls->n * 4;
}

int mr_labels_decode(struct mplsroute_labels *ls, const void *wire,
		     size_t len)
{
	const uint8_t *in = wire;
	size_t i, nent = len / 4;
	uint32_t entry;

	if ((!wire && len) || len % 4)
		return -EINVAL;
	/* the bottom of the stack first (byte 2's low bit): nothing is
	 * written for a stack that is refused */
	for (i = 0; i < nent && i < MPLSROUTE_MAX_LABELS; i++)
		if (in[4 * i + 2] & (LSE_BOS >> 8))
			break;
	if (i == nent || i == MPLSROUTE_MAX_LABELS)
		return nent > MPLSROUTE_MAX_LABELS ? -E2BIG : -EINVAL;
	nent = i + 1;
	for (i = 0; i < nent; i++) {
		memcpy(&entry, in + 4 * i, 4);
		ls->label[i] = ntohl(entry) >> LSE_LABEL_SHIFT;
	}
	ls->n = (uint8_t)nent;
	return 0;
}

MR_EXPORT int mplsroute_labels_from_wire(struct mplsroute_labels *ls,
					 const void *wire, size_t len)
{
	int ret;

	if (!ls)
		return -EINVAL;
	ret = mr_labels_decode(ls, wire, len);
	if (ret == 0)	/* as a whole struct: the unused labels are 0 */
		memset(ls->label + ls->n, 0,
		       (MPLSROUTE_MAX_LABELS - ls->n) * sizeof(ls->label[0]));
	return ret;
}
