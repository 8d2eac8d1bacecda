/* ipjson.c: a small JSON writer laid out as iproute2 lays it out */
#include <stdio.h>
#include <inttypes.h>

#include "ipops.h"

void jw_init(struct jw *j, FILE *f, int pretty)
{
	j->f = f;
	j->pretty = pretty;
	j->depth = 0;
	j->sep = '\0';
}

/* the separator owed before the next member */
static void jw_eor(struct jw *j)
{
	if (j->sep)
		putc(j->sep, j->f);
	j->sep = ',';
}

static void jw_eol(struct jw *j)
{
	int i;

	if (!j->pretty)
		return;
	putc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("    ", j->f);
}

static void jw_quoted(struct jw *j, const char *s)
{
	putc('"', j->f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putc('\\', j->f);
		if ((unsigned char)*s < 0x20)
			fprintf(j->f, "\\u%04x", *s);
		else
			putc(*s, j->f);
	}
	putc('"', j->f);
}

/* a member's name (or, in an array, the separator) */
static void jw_name(struct jw *j, const char *name)
{
	jw_eor(j);
	if (!name)
		return;
	jw_eol(j);
	j->sep = '\0';
	jw_quoted(j, name);
	putc(':', j->f);
	if (j->pretty)
		putc(' ', j->f);
	j->sep = ',';
}

static void jw_begin(struct jw *j, const char *name, int c)
{
	if (name) {
		jw_name(j, name);
		j->sep = '\0';
	} else {
		jw_eor(j);
	}
	putc(c, j->f);
	j->depth++;
	j->sep = '\0';
}

static void jw_end(struct jw *j, int c)
{
	j->depth--;
	if (j->sep)
		jw_eol(j);
	putc(c, j->f);
	j->sep = ',';
}

void jw_obj_open(struct jw *j, const char *name)
{
	jw_begin(j, name, '{');
}

void jw_obj_close(struct jw *j)
{
	jw_end(j, '}');
}

void jw_arr_open(struct jw *j, const char *name)
{
	jw_begin(j, name, '[');
	if (j->pretty)
		putc(' ', j->f);
}

void jw_arr_close(struct jw *j)
{
	if (j->pretty && j->sep)
		putc(' ', j->f);
	j->sep = '\0';
	jw_end(j, ']');
}

void jw_str(struct jw *j, const char *name, const char *val)
{
	jw_name(j, name);
	jw_quoted(j, val);
}

void jw_u64(struct jw *j, const char *name, uint64_t val)
{
	jw_name(j, name);
	fprintf(j->f, "%" PRIu64, val);
}

void jw_int(struct jw *j, const char *name, long long val)
{
	jw_name(j, name);
	fprintf(j->f, "%lld", val);
}

void jw_bool(struct jw *j, const char *name, int val)
{
	jw_name(j, name);
	fputs(val ? "true" : "false", j->f);
}
