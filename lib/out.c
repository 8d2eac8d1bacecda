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

size_t mr_fmt_u64(char *p, uint64_t v)
{
	char t[20];
	size_t n = sizeof(t);

	do {
		t[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(p, t + n, sizeof(t) - n);
	return sizeof(t) - n;
}

/* 32-bit division is cheaper: the common case */
static size_t fmt_u32(char *p, uint32_t v)
{
	char t[10];
	size_t n = sizeof(t);

	do {
		t[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(p, t + n, sizeof(t) - n);
	return sizeof(t) - n;
}

void mr_out_u32(struct mr_out *o, uint32_t v)
{
	char t[10];

	if (o->size - o->len >= sizeof(t))
		o->len += fmt_u32(o->buf + o->len, v);
	else
		mr_out_mem(o, t, fmt_u32(t, v));
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

size_t mr_fmt_ipv4(char *p, const uint8_t *a)
{
	size_t n = 0;
	unsigned int i, v;

	for (i = 0; i < 4; i++) {
		if (i)
			p[n++] = '.';
		v = a[i];
		if (v >= 100) {
			p[n++] = (char)('0' + v / 100);
			v %= 100;
			p[n++] = (char)('0' + v / 10);
		} else if (v >= 10) {
			p[n++] = (char)('0' + v / 10);
		}
		p[n++] = (char)('0' + v % 10);
	}
	return n;
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
