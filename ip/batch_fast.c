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
	bf->valid = 1;
	return 0;
}

/*
 * Value word @k of the new line at @p + @pos: unchanged, or a plain word
 * (copied).  Its length, or 0 if it is none.
 */
static size_t match_site(struct batch_fast *bf, int k, const char *p,
			 size_t pos)
{
	const char *old = bf->text + bf->soff[k];
	size_t n = bf->slen[k], e = pos;

	if (memcmp(p + pos, old, n) == 0 && !plain[(unsigned char)p[pos + n]])
		return n;	/* the same word (what ends it is checked next) */
	while (plain[(unsigned char)p[e]])
		e++;	/* stops at the '\n' at the latest */
	n = e - pos;
	if (n == 0 || n >= BF_WORD)
		return 0;
	memcpy(bf->wbuf[bf->nchanged], p + pos, n);
	bf->wbuf[bf->nchanged][n] = '\0';
	bf->cword[bf->nchanged] = bf->wbuf[bf->nchanged];
	bf->cargi[bf->nchanged++] = bf->argi[k];
	return n;
}

int batch_fast_match(struct batch_fast *bf, const char *p, size_t len)
{
	size_t pos = 0, at = 0, n, fix;
	int k;

	bf->nchanged = 0;
	if (len > BF_TEXT)
		return -1;
	for (k = 0; k < bf->nsites; k++) {
		fix = bf->soff[k] - at;	/* the bytes before word k */
		if (pos + fix > len || memcmp(p + pos, bf->text + at, fix))
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
	if (pos + fix != len || memcmp(p + pos, bf->text + at, fix))
		return -1;
	return 0;
}

void batch_fast_take(struct batch_fast *bf, const char *p, size_t len)
{
	int k;

	memcpy(bf->text, p, len);
	bf->len = len;
	for (k = 0; k < bf->nsites; k++) {
		bf->soff[k] = bf->nsoff[k];
		bf->slen[k] = bf->nslen[k];
	}
}
