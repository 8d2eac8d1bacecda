/* batch_read.c: -batch FILE's reader: bounded, linear command lines, words */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch_read.h"

void batch_reader_init(struct batch_reader *r, FILE *in, const char *name)
{
	memset(r, 0, sizeof(*r));
	r->in = in;
	r->name = name;
}

void batch_reader_free(struct batch_reader *r)
{
	free(r->line);
	free(r->rbuf);
	r->rbuf = NULL;
	r->rpos = r->rlen = 0;
	r->line = NULL;
	r->len = r->cap = 0;
}

/* room for @n more bytes and the NUL; 0 or -1 (said on stderr) */
static int batch_room(struct batch_reader *r, size_t n)
{
	size_t cap;
	char *p;

	if (r->len + n < r->cap)
		return 0;
	if (r->len + n > BATCH_LINE_MAX) {
		fprintf(stderr, "%s:%d: line too long\n", r->name, r->lineno);
		return -1;
	}
	cap = r->cap ? 2 * r->cap : 256;
	while (cap <= r->len + n)
		cap *= 2;
	if (cap > BATCH_LINE_MAX + 1)
		cap = BATCH_LINE_MAX + 1;
	p = realloc(r->line, cap);
	if (!p) {
		fprintf(stderr, "Out of memory\n");
		return -1;
	}
	r->line = p;
	r->cap = cap;
	return 0;
}

/* read the next chunk ahead: its size, 0 at the end, -1 (said on stderr) */
static int batch_fill(struct batch_reader *r)
{
	if (!r->rbuf) {
		r->rbuf = malloc(BATCH_READ_CHUNK);
		if (!r->rbuf) {
			fprintf(stderr, "Out of memory\n");
			return -1;
		}
	}
	r->rpos = 0;
	r->rlen = fread(r->rbuf, 1, BATCH_READ_CHUNK, r->in);
	if (r->rlen == 0 && ferror(r->in)) {
		fprintf(stderr, "Cannot read file \"%s\": %s\n", r->name,
			strerror(errno));
		return -1;
	}
	return (int)r->rlen;
}

/*
 * Take up to the next newline (included) of the bytes read ahead into
 * r->line: 1 when the newline was taken, 0 if more is to come, -1 (said):
 * a NUL byte, or the line would pass BATCH_LINE_MAX bytes (a NUL up to
 * the first byte too many is told first, as when read byte by byte).
 */
static int batch_take(struct batch_reader *r)
{
	const char *p = r->rbuf + r->rpos;
	size_t n = r->rlen - r->rpos, take, room, scan;
	const char *nl = memchr(p, '\n', n);

	take = nl ? (size_t)(nl - p) + 1 : n;
	room = r->len < BATCH_LINE_MAX ? BATCH_LINE_MAX - r->len : 0;
	scan = take < room + 1 ? take : room + 1;
	if (memchr(p, '\0', scan)) {
		fprintf(stderr, "%s:%d: NUL byte in line\n", r->name,
			r->lineno);
		return -1;
	}
	if (batch_room(r, take) < 0)
		return -1;
	memcpy(r->line + r->len, p, take);
	r->len += take;
	r->rpos += take;
	return nl != NULL;
}

/*
 * Append one physical line (its '\n' included) to r->line, cutting its
 * comment.  Returns 1, 0 at the end of the file, or -1 (said on stderr).
 */
static int batch_phys(struct batch_reader *r)
{
	size_t start = r->len;
	char *cp;
	int ret;

	for (;;) {
		if (r->rpos == r->rlen) {
			ret = batch_fill(r);
			if (ret <= 0) {
				if (ret < 0)
					return -1;
				break;
			}
		}
		if (r->len == start)
			r->lineno++;
		ret = batch_take(r);
		if (ret < 0)
			return -1;
		if (ret)
			break;
	}
	if (r->len == start)
		return 0;
	r->line[r->len] = '\0';
	cp = memchr(r->line + start, '#', r->len - start);
	if (cp) {
		*cp = '\0';
		r->len = (size_t)(cp - r->line);
	}
	return 1;
}

/*
 * 4.4 looks for the first backslash-newline of the whole joined line; with
 * no NUL in it and the comments cut, a newline can only be the last byte,
 * so looking at the end after each line is the same, in linear time.
 */
int batch_getline(struct batch_reader *r)
{
	int ret;

	r->len = 0;
	ret = batch_phys(r);
	if (ret <= 0)
		return ret < 0 ? -2 : -1;
	while (r->len >= 2 && r->line[r->len - 1] == '\n' &&
	       r->line[r->len - 2] == '\\') {
		r->len -= 2;
		r->line[r->len] = '\0';
		ret = batch_phys(r);
		if (ret < 0)
			return -2;
		if (ret == 0) {
			fprintf(stderr, "Missing continuation line\n");
			return -2;
		}
	}
	return 0;
}

/* ip's blanks between words: " \t\r\n" */
static const unsigned char blank[256] = {
	[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1,
};

/* the characters that end an unquoted word: a blank or the end */
static const unsigned char word_end[256] = {
	['\0'] = 1, [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1,
};

static char *skip_blanks(char *cp)
{
	while (blank[(unsigned char)*cp])
		cp++;
	return cp;
}

int makeargs(char *line, char **argv, int maxargs)
{
	char *cp = skip_blanks(line);
	int argc = 0;
	char quote;

	while (*cp) {
		if (argc >= maxargs - 1) {
			fprintf(stderr, "Too many arguments to command\n");
			return -1;
		}
		if (*cp == '\'' || *cp == '"') {
			quote = *cp++;
			argv[argc++] = cp;
			cp = strchr(cp, quote);
			if (!cp) {
				fprintf(stderr, "Unterminated quoted string\n");
				return -1;
			}
		} else {
			argv[argc++] = cp;
			while (!word_end[(unsigned char)*cp])
				cp++;
			if (!*cp)
				break;
		}
		*cp++ = '\0';
		cp = skip_blanks(cp);
	}
	argv[argc] = NULL;
	return argc;
}
