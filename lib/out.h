/* out.h: the printers' output buffer: text appended without stdio */
#ifndef MPLSROUTE_OUT_H
#define MPLSROUTE_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mplsroute.h"

/*
 * A printer formats into a caller-owned buffer (usually on its stack) and
 * hands it to the stream with one fwrite() each time the buffer fills and
 * once at the end (mr_out_flush).  Whatever else writes to the same stream
 * must come after mr_out_flush, so the order on the stream stays the order
 * of the calls.  Without a stream (@f NULL) the buffer is a string builder:
 * what does not fit is dropped and mr_out_flush returns -ENOSPC.
 *
 *	char b[MR_OUT_BUF];
 *	struct mr_out o;
 *
 *	mr_out_init(&o, f, b, sizeof(b));
 *	mr_out_str(&o, "metric ");
 *	mr_out_u32(&o, rt->priority);
 *	ret = mr_out_flush(&o);		(0, or -EIO after a failed fwrite)
 */
#define MR_OUT_BUF 2048	/* a route line, usually; longer ones flush early */

struct mr_out {
	FILE *f;		/* the stream, or NULL: a bounded string */
	char *buf;
	size_t len;		/* bytes in buf */
	size_t size;		/* buf's size */
	int err;		/* 0, -EIO (a short fwrite) or -ENOSPC */
};

void mr_out_init(struct mr_out *o, FILE *f, char *buf, size_t size);
/* writes the buffer to the stream (one fwrite) and empties it; returns 0,
 * or the first error seen (-EIO: the write failed or the stream has its
 * error flag; -ENOSPC for a string that was cut) */
int mr_out_flush(struct mr_out *o);
/* the slow path of mr_out_mem: fill, flush, go on (or cut a string) */
void mr_out_spill(struct mr_out *o, const char *s, size_t n);

static inline void mr_out_mem(struct mr_out *o, const char *s, size_t n)
{
	if (n <= o->size - o->len) {
		memcpy(o->buf + o->len, s, n);
		o->len += n;
	} else {
		mr_out_spill(o, s, n);
	}
}

/* a NUL-terminated string (a literal's length is known when compiled) */
static inline void mr_out_str(struct mr_out *o, const char *s)
{
	mr_out_mem(o, s, strlen(s));
}

static inline void mr_out_char(struct mr_out *o, char c)
{
	if (o->len < o->size)
		o->buf[o->len++] = c;
	else
		mr_out_spill(o, &c, 1);
}

/* "@word@val ": most of a route's words come this way */
static inline void mr_out_word(struct mr_out *o, const char *word,
			       const char *val)
{
	mr_out_str(o, word);
	mr_out_str(o, val);
	mr_out_char(o, ' ');
}

/* printf's %u, %llu, %d/%lld, %x and %0<width>x (width <= 16) */
void mr_out_u32(struct mr_out *o, uint32_t v);
void mr_out_u64(struct mr_out *o, uint64_t v);
void mr_out_s64(struct mr_out *o, int64_t v);
void mr_out_hex(struct mr_out *o, uint64_t v, unsigned int width);
/* a label stack as "100/200" (mplsroute_labels_format's text) */
void mr_out_labels(struct mr_out *o, const struct mplsroute_labels *ls);
/* @pre, the stack as mr_out_labels writes it, @post; nothing for a stack
 * that cannot be written */
static inline void mr_out_labels_in(struct mr_out *o, const char *pre,
				    const struct mplsroute_labels *ls,
				    const char *post)
{
	if (ls->n > MPLSROUTE_MAX_LABELS)
		return;
	mr_out_str(o, pre);
	mr_out_labels(o, ls);
	mr_out_str(o, post);
}
/* an address as mr_addr_fmt writes it ("???" when it cannot) */
void mr_out_addr(struct mr_out *o, const struct mplsroute_addr *a);
/* "@word@a/@plen " ("/@plen" left out when it is @host_len) */
void mr_out_prefix(struct mr_out *o, const char *word,
		   const struct mplsroute_addr *a, unsigned int plen,
		   unsigned int host_len);

/* "00", "01" .. "99": the two digits of n at mr_digit_pairs + 2 * n */
extern const char mr_digit_pairs[201];

/*
 * The digits of @v in decimal at @p (no NUL), at most 20; returns how many.
 * The building block for callers that fill their own buffers.
 */
size_t mr_fmt_u64(char *p, uint64_t v);
size_t mr_fmt_u32(char *p, uint32_t v);
/* an IPv4 address (4 bytes, network order) as inet_ntop writes it, no NUL;
 * returns the length (at most 15); @p must have room for 15 bytes */
size_t mr_fmt_ipv4(char *p, const uint8_t *a);

#endif
