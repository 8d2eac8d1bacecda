/* batch_fast.h: -batch's lines like the one before, matched byte by byte */
#ifndef IPMPLS_BATCH_FAST_H
#define IPMPLS_BATCH_FAST_H

#include <stddef.h>
#include <stdint.h>

#define BF_TEXT		256	/* the longest line kept, '\n' included */
#define BF_SITES	4	/* value words (mplsroute_route_patch_words) */
#define BF_WORD		48	/* a new value word's bytes, NUL included */
#define BF_SKIP		2	/* "route add" before the library's words */

/*
 * The last line, when it was one physical line of plain words (no quote,
 * backslash, '#', tab, CR or control byte; single blanks; a newline at the
 * end) and a route add whose request the library can patch: its bytes and
 * where its value words are.  A new line that has the same bytes outside
 * those words (each still one plain word) is that line with new values.
 */
struct batch_fast {
	int valid;
	size_t len;
	char text[BF_TEXT];
	int nsites;
	uint16_t soff[BF_SITES], slen[BF_SITES];	/* in text */
	int argi[BF_SITES];	/* the library's word index */
	/* the new line's changed value words, set by batch_fast_match */
	int nchanged;
	int cargi[BF_SITES];
	int csite[BF_SITES];	/* which value word each is */
	char *cword[BF_SITES];	/* in the new line, NUL-terminated there */
	char *cend[BF_SITES];	/* the NUL, and the byte it replaced */
	char sep[BF_SITES];
	int inplace;		/* text is the new line already */
	uint16_t nsoff[BF_SITES], nslen[BF_SITES];
	/* per 8 bytes of text: 0xff at a value word's bytes, which words */
	uint64_t smask[BF_TEXT / 8];
	uint8_t sbits[BF_TEXT / 8];
	uint64_t tmask;		/* the same for the last 8 bytes */
	uint8_t tbits;
};

/*
 * batch_fast_learn - keep the line of @len bytes at @line (read whole,
 * before it was split into words) whose value words are @argi[0..n-1]
 * (the library's indexes: the line's words from BF_SKIP on).  Returns 0,
 * or -1 when the line is not plain enough (then bf->valid is 0).
 */
int batch_fast_learn(struct batch_fast *bf, const char *line, size_t len,
		     const int *argi, int n);

/*
 * batch_fast_match - whether the line of @len bytes at @p (its '\n'
 * included) is the line kept with other value words: 0 and the changed
 * words in bf->cargi/cword, NUL-terminated in place (put the line back
 * with batch_fast_restore before anything else reads it), or -1 (the
 * line as it was; bf->valid is then to be cleared: the line kept may
 * have been changed).
 */
int batch_fast_match(struct batch_fast *bf, char *p, size_t len);

/* batch_fast_restore - the bytes batch_fast_match made NULs put back */
void batch_fast_restore(struct batch_fast *bf);

/* batch_fast_take - the line matched last is now the line kept */
void batch_fast_take(struct batch_fast *bf, const char *p, size_t len);

#endif
