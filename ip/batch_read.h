/* batch_read.h: -batch FILE's reader: command lines and their words */
#ifndef IPMPLS_BATCH_READ_H
#define IPMPLS_BATCH_READ_H

#include <stddef.h>
#include <stdio.h>

#define BATCH_LINE_MAX	(64 << 10)	/* bytes in a command, joined */

/* the command lines of a file, one at a time, in one bounded buffer */
struct batch_reader {
	FILE *in;
	const char *name;	/* the file's name, for errors */
	char *line;		/* the command read last */
	size_t len, cap;
	int lineno;		/* the last physical line read */
	char *rbuf;		/* bytes read ahead, BATCH_READ_CHUNK */
	size_t rpos, rlen;
};

#define BATCH_READ_CHUNK	(64 << 10)

void batch_reader_init(struct batch_reader *r, FILE *in, const char *name);
void batch_reader_free(struct batch_reader *r);

/*
 * batch_getline - the next command in r->line: a line without its
 * comment ('#' to the end), with the lines a backslash-newline joins to it,
 * as ip's getcmdline.  Returns 0, -1 at the end, or -2 on an error said on
 * stderr (a read error, a line over BATCH_LINE_MAX bytes or with a NUL
 * byte, a continuation at the end of the file).
 */
int batch_getline(struct batch_reader *r);

/*
 * makeargs - split @line into words in place, as ip's makeargs: blanks
 * separate words, a word that starts with ' or " runs to the same quote.
 * Returns the number of words (argv ends with NULL), or -1 (said on stderr).
 */
int makeargs(char *line, char **argv, int maxargs);

#endif
