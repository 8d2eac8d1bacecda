/* batch_fast.c: -batch's lines like the one before, matched byte by byte */
#include <string.h>

#include "batch_fast.h"

/*
 * The bytes of a plain word: not a blank of ip's makeargs (" \t\r\n"), no
 * other control byte, no quote (a word starting with one is quoted), no
 * backslash (a continuation) and no '#' (a comment).
 */
static const unsigned char plain[256] = {
	['!'] = 1,			/* then '"' and '#' */
	['$' ... '&'] = 1,		/* then '\'' */
	['(' ... '['] = 1,		/* then '\\' */
	[']' ... '~'] = 1,
	[0x80 ... 0xff] = 1,
};

/* 8 and 4 bytes at @a and @b: the same? */
static inline int same8(const char *a, const char *b)
{
	uint64_t x, y;

	memcpy(&x, a, 8);
	memcpy(&y, b, 8);
	return x == y;
}

static inline int same4(const char *a, const char *b)
{
	uint32_t x, y;

	memcpy(&x, a, 4);
	memcpy(&y, b, 4);
	return x == y;
}

/* @n bytes at @a and @b the same: the short runs of a line, no call */
static int same(const char *a, const char *b, size_t n)
{
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8)
			if (!same8(a + i, b + i))
				return 0;
		return same8(a + n - 8, b + n - 8);
	}
	if (n >= 4)
		return same4(a, b) && same4(a + n - 4, b + n - 4);
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* the words of @line: their offsets and lengths; the count, or -1 */
static int split_words(const char *line, size_t len, uint16_t *off,
		       uint16_t *wlen, int max)
{
	size_t i = 0, start;
	int n = 0;

	if (len < 2 || len > BF_TEXT || line[len - 1] != '\n')
		return -1;
	while (i < len - 1) {
		start = i;
		while (plain[(unsigned char)line[i]])
			i++;
		if (i == start || n == max)
			return -1;	/* an empty word: a blank too many */
		off[n] = (uint16_t)start;
		wlen[n++] = (uint16_t)(i - start);
		if (i == len - 1)
			break;
		if (line[i] != ' ' || ++i == len - 1)
			return -1;	/* a special byte, a blank at the end */
	}
	return n;
}

/* where the value words of the line kept are, 8 bytes at a time */
static void set_masks(struct batch_fast *bf)
{
	unsigned char *m = (unsigned char *)bf->smask;
	size_t i, nb = (bf->len + 7) / 8;
	int k;

	memset(bf->smask, 0, nb * 8);
	memset(bf->sbits, 0, nb);
	for (k = 0; k < bf->nsites; k++) {
		for (i = bf->soff[k]; i < (size_t)bf->soff[k] + bf->slen[k];
		     i++) {
			m[i] = 0xff;
			bf->sbits[i / 8] |= (uint8_t)(1u << k);
		}
	}
	bf->tmask = 0;
	bf->tbits = 0;
	if (bf->len >= 8) {
		memcpy(&bf->tmask, m + bf->len - 8, 8);
		bf->tbits = bf->sbits[(bf->len - 8) / 8] |
			    bf->sbits[(bf->len - 1) / 8];
	}
}

int batch_fast_learn(struct batch_fast *bf, const char *line, size_t len,
		     const int *argi, int n)
{
	uint16_t off[BF_TEXT / 2], wlen[BF_TEXT / 2];
	int nw, k, w;

	bf->valid = 0;
	if (n < 0 || n > BF_SITES)
		return -1;
	nw = split_words(line, len, off, wlen, BF_TEXT / 2);
	if (nw < 0)
		return -1;
	for (k = 0; k < n; k++) {
		w = argi[k] + BF_SKIP;
		if (argi[k] < 0 || w >= nw || (k && argi[k] <= argi[k - 1]) ||
		    wlen[w] >= BF_WORD)
			return -1;
		bf->soff[k] = off[w];
		bf->slen[k] = wlen[w];
		bf->argi[k] = argi[k];
	}
	if (line != bf->text)
		memcpy(bf->text, line, len);
	bf->len = len;
	bf->nsites = n;
	set_masks(bf);
	bf->valid = 1;
	return 0;
}

static void put_site(struct batch_fast *bf, int k, char *p, size_t pos,
		     size_t n);

/*
 * Value word @k of the new line at @p + @pos: unchanged, or a plain word
 * (put_site).  Its length, or 0 if it is none.
 */
static size_t match_site(struct batch_fast *bf, int k, char *p, size_t pos)
{
	const char *old = bf->text + bf->soff[k];
	size_t n = bf->slen[k], e = pos;

	if (same(p + pos, old, n) && !plain[(unsigned char)p[pos + n]])
		return n;	/* the same word (its end: checked next) */
	while (plain[(unsigned char)p[e]])
		e++;	/* stops at the '\n' at the latest */
	n = e - pos;
	if (n == 0 || n >= BF_WORD)
		return 0;
	put_site(bf, k, p, pos, n);
	return n;
}

/*
 * The changed bytes @d (0xff each) of the line's 8 bytes at @p: plain?
 * (outside value words they are not changed: batch_fast_match checked)
 */
static int plain_bytes(const char *p, uint64_t d)
{
	int i;

	while (d) {	/* a changed byte, its index in memory order */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		i = __builtin_clzll(d) / 8;
		d &= ~(0xff00000000000000ULL >> (8 * i));
#else
		i = __builtin_ctzll(d) / 8;
		d &= ~(0xffULL << (8 * i));
#endif
		if (!plain[(unsigned char)p[i]])
			return 0;
	}
	return 1;
}

static void put_site(struct batch_fast *bf, int k, char *p, size_t pos,
		     size_t n)
{
	int c = bf->nchanged++;

	bf->cword[c] = p + pos;
	bf->cend[c] = p + pos + n;
	bf->csite[c] = k;
	bf->cargi[c] = bf->argi[k];
}

/* the changed words NUL-terminated in place (as makeargs does), or back */
static void terminate(struct batch_fast *bf)
{
	int c;

	for (c = 0; c < bf->nchanged; c++) {
		bf->sep[c] = *bf->cend[c];
		*bf->cend[c] = '\0';
	}
}

void batch_fast_restore(struct batch_fast *bf)
{
	int c;

	for (c = 0; c < bf->nchanged; c++)
		*bf->cend[c] = bf->sep[c];
}

/*
 * A line of the length of the one kept: the bytes that differ must all be
 * in value words (8 bytes at a time), and plain; then the words are where
 * they were.  0 (the line kept is the new one already), or -1.
 */
static int match_same_len(struct batch_fast *bf, char *p)
{
	size_t b, nb = bf->len / 8, nd = 0;
	uint16_t diff[BF_TEXT / 8];
	unsigned bits = 0;
	uint64_t x, y;
	int k;

	for (b = 0; b < nb; b++) {
		memcpy(&x, p + 8 * b, 8);
		memcpy(&y, bf->text + 8 * b, 8);
		if (x == y)
			continue;
		if (((x ^ y) & ~bf->smask[b]) ||
		    !plain_bytes(p + 8 * b, x ^ y))
			return -1;
		bits |= bf->sbits[b];
		diff[nd++] = (uint16_t)b;
	}
	b = bf->len - 8;	/* the last 8 bytes, over the last block */
	memcpy(&x, p + b, 8);
	memcpy(&y, bf->text + b, 8);
	if (x != y) {
		if (((x ^ y) & ~bf->tmask) || !plain_bytes(p + b, x ^ y))
			return -1;
		bits |= bf->tbits;
		memcpy(bf->text + b, &x, 8);
	}
	for (b = 0; b < nd; b++)
		memcpy(bf->text + 8 * diff[b], p + 8 * diff[b], 8);
	for (k = 0; k < bf->nsites; k++) {
		bf->nsoff[k] = bf->soff[k];
		bf->nslen[k] = bf->slen[k];
		if (bits & (1u << k))
			put_site(bf, k, p, bf->soff[k], bf->slen[k]);
	}
	return 0;
}

/* the words of the new line, one by one: 0, or -1 */
static int match_walk(struct batch_fast *bf, char *p, size_t len)
{
	size_t pos = 0, at = 0, n, fix;
	int k;

	for (k = 0; k < bf->nsites; k++) {
		fix = bf->soff[k] - at;	/* the bytes before word k */
		if (pos + fix > len || !same(p + pos, bf->text + at, fix))
			return -1;
		pos += fix;
		/* the '\n' at p[len - 1] ends every word before len */
		if (pos + bf->slen[k] >= len)
			return -1;
		n = match_site(bf, k, p, pos);
		if (!n)
			return -1;
		bf->nsoff[k] = (uint16_t)pos;
		bf->nslen[k] = (uint16_t)n;
		pos += n;
		at = bf->soff[k] + bf->slen[k];
	}
	fix = bf->len - at;
	if (pos + fix != len || !same(p + pos, bf->text + at, fix))
		return -1;
	return 0;
}

int batch_fast_match(struct batch_fast *bf, char *p, size_t len)
{
	bf->nchanged = 0;
	bf->inplace = 0;
	if (len > BF_TEXT)
		return -1;
	if (len == bf->len && len >= 8 && match_same_len(bf, p) == 0) {
		bf->inplace = 1;	/* the line kept is this one */
	} else {
		bf->nchanged = 0;
		if (match_walk(bf, p, len) < 0)
			return -1;
	}
	terminate(bf);
	return 0;
}

void batch_fast_take(struct batch_fast *bf, const char *p, size_t len)
{
	int k;

	if (bf->inplace)
		return;
	memcpy(bf->text, p, len);
	bf->len = len;
	for (k = 0; k < bf->nsites; k++) {
		bf->soff[k] = bf->nsoff[k];
		bf->slen[k] = bf->nslen[k];
	}
	set_masks(bf);
}
