/* lib/out.c: the printers' output buffer: numbers, labels, addresses */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "internal.h"
#include "out.h"

void mr_out_init(struct mr_out *o, FILE *f, char *buf, size_t size)
{
	o->f = f;
	o->buf = buf;
	o->len = 0;
	o->size = size;
	o->err = 0;
}

int mr_out_flush(struct mr_out *o)
{
	if (!o->f)
		return o->err;
	/* glibc's fwrite can report a failed write as done: ferror tells */
	if (o->len && (fwrite(o->buf, 1, o->len, o->f) != o->len ||
		       ferror(o->f)) && !o->err)
		o->err = -EIO;
	o->len = 0;
	return o->err;
}

void mr_out_spill(struct mr_out *o, const char *s, size_t n)
{
	size_t room;

	for (;;) {
		room = o->size - o->len;
		if (n < room)
			room = n;
		memcpy(o->buf + o->len, s, room);
		o->len += room;
		s += room;
		n -= room;
		if (!n)
			return;
		if (!o->f) {
			o->err = -ENOSPC;	/* a string: the rest is cut */
			return;
		}
		mr_out_flush(o);
	}
}

/* "00".."99": two digits a division (lib/out.h) */
const char mr_digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233"
	"34353637383940414243444546474849505152535455565758596061626364656667"
	"6869707172737475767778798081828384858687888990919293949596979899";

/* the digits of @v ending just before @end; returns where they start */
static char *digits32(char *end, uint32_t v)
{
	while (v >= 100) {
		end -= 2;
		memcpy(end, mr_digit_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		end -= 2;
		memcpy(end, mr_digit_pairs + 2 * v, 2);
	} else {
		*--end = (char)('0' + v);
	}
	return end;
}

size_t mr_fmt_u64(char *p, uint64_t v)
{
	char t[20], *s;
	size_t n;

	if (v <= UINT32_MAX)
		return mr_fmt_u32(p, (uint32_t)v);
	s = t + sizeof(t);
	while (v > UINT32_MAX) {	/* 8 digits at a time, zero-padded */
		char *e = s - 8;

		s = digits32(s, (uint32_t)(v % 100000000u));
		while (s > e)
			*--s = '0';
		v /= 100000000u;
	}
	s = digits32(s, (uint32_t)v);
	n = (size_t)(t + sizeof(t) - s);
	memcpy(p, s, n);
	return n;
}

size_t mr_fmt_u32(char *p, uint32_t v)
{
	size_t n;

	/* the number's length first: the digits go straight to @p */
	if (v < 10) {
		*p = (char)('0' + v);
		return 1;
	}
	n = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 :
	    v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 :
	    v < 1000000000 ? 9 : 10;
	digits32(p + n, v);
	return n;
}

void mr_out_u32(struct mr_out *o, uint32_t v)
{
	char t[10];

	if (o->size - o->len >= sizeof(t))
		o->len += mr_fmt_u32(o->buf + o->len, v);
	else
		mr_out_mem(o, t, mr_fmt_u32(t, v));
}

void mr_out_u64(struct mr_out *o, uint64_t v)
{
	char t[20];

	mr_out_mem(o, t, mr_fmt_u64(t, v));
}

void mr_out_s64(struct mr_out *o, int64_t v)
{
	char t[21];
	size_t n = 0;

	if (v < 0)
		t[n++] = '-';
	/* -(v + 1) + 1: INT64_MIN's magnitude without overflow */
	n += mr_fmt_u64(t + n, v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v);
	mr_out_mem(o, t, n);
}

void mr_out_hex(struct mr_out *o, uint64_t v, unsigned int width)
{
	static const char digits[] = "0123456789abcdef";
	char t[16];
	size_t n = sizeof(t);

	if (width > sizeof(t))
		width = sizeof(t);
	do {
		t[--n] = digits[v & 15];
		v >>= 4;
	} while (v);
	while (sizeof(t) - n < width)
		t[--n] = '0';
	mr_out_mem(o, t + n, sizeof(t) - n);
}

void mr_out_labels(struct mr_out *o, const struct mplsroute_labels *ls)
{
	unsigned int i;

	if (ls->n > MPLSROUTE_MAX_LABELS)
		return;
	for (i = 0; i < ls->n; i++) {
		if (i)
			mr_out_char(o, '/');
		mr_out_u32(o, ls->label[i]);
	}
}

/* every byte value's digits (unused ones 0) and their count */
#define OCT_C0(x) ('0' + ((x) < 10 ? (x) : (x) < 100 ? (x) / 10 :	\
			  (x) / 100))
#define OCT_C1(x) ((x) < 10 ? 0 :					\
		   '0' + ((x) < 100 ? (x) % 10 : (x) / 10 % 10))
#define OCT_C2(x) ((x) < 100 ? 0 : '0' + (x) % 10)
#define OCT_N(x) ((x) < 10 ? 1 : (x) < 100 ? 2 : 3)
#define OCT(x) { OCT_C0(x), OCT_C1(x), OCT_C2(x), OCT_N(x) }
#define OCT4(x) OCT(x), OCT((x) + 1), OCT((x) + 2), OCT((x) + 3)
#define OCT16(x) OCT4(x), OCT4((x) + 4), OCT4((x) + 8), OCT4((x) + 12)
#define OCT64(x) OCT16(x), OCT16((x) + 16), OCT16((x) + 32), OCT16((x) + 48)
static const char octets[256][4] = {
	OCT64(0), OCT64(64), OCT64(128), OCT64(192)
};

size_t mr_fmt_ipv4(char *p, const uint8_t *a)
{
	size_t n;

	/* three digits copied, the count advanced: the next octet's dot
	 * overwrites what was not a digit */
	memcpy(p, octets[a[0]], 3);
	n = (size_t)octets[a[0]][3];
	p[n++] = '.';
	memcpy(p + n, octets[a[1]], 3);
	n += (size_t)octets[a[1]][3];
	p[n++] = '.';
	memcpy(p + n, octets[a[2]], 3);
	n += (size_t)octets[a[2]][3];
	p[n++] = '.';
	memcpy(p + n, octets[a[3]], 3);
	return n + (size_t)octets[a[3]][3];
}

/* AF_PACKET: the bytes as 4.4 writes them, "00:1b:..." */
static void out_ll(struct mr_out *o, const struct mplsroute_addr *a)
{
	unsigned int i;

	for (i = 0; i < a->bytelen; i++) {
		if (i)
			mr_out_char(o, ':');
		mr_out_hex(o, a->data[i], 2);
	}
}

void mr_out_addr(struct mr_out *o, const struct mplsroute_addr *a)
{
	char t[INET6_ADDRSTRLEN];

	switch (a->family) {
	case AF_INET:
		if (o->size - o->len >= INET_ADDRSTRLEN)
			o->len += mr_fmt_ipv4(o->buf + o->len, a->data);
		else
			mr_out_mem(o, t, mr_fmt_ipv4(t, a->data));
		return;
	case AF_INET6:
		if (!inet_ntop(AF_INET6, a->data, t, sizeof(t)))
			break;
		mr_out_str(o, t);
		return;
	case AF_MPLS:
		if (a->labels.n > MPLSROUTE_MAX_LABELS)
			break;
		mr_out_labels(o, &a->labels);
		return;
	case AF_PACKET:
		out_ll(o, a);
		return;
	default:
		break;
	}
	mr_out_str(o, "???");
}

void mr_out_prefix(struct mr_out *o, const char *word,
		   const struct mplsroute_addr *a, unsigned int plen,
		   unsigned int host_len)
{
	mr_out_str(o, word);
	mr_out_addr(o, a);
	if (plen != host_len) {
		mr_out_char(o, '/');
		mr_out_u32(o, plen);
	}
	mr_out_char(o, ' ');
}
