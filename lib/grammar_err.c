/* grammar_err.c: the grammar's error values, with iproute2 4.4's words */
#include <errno.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "internal.h"
#include "grammar_int.h"

/* the -errno a parser returns with an error of @kind */
static int kind_errno(int kind)
{
	switch (kind) {
	case MPLSROUTE_ERR_NODEV:
		return -ENODEV;
	case MPLSROUTE_ERR_UNSUPPORTED:
		return -EOPNOTSUPP;
	case MPLSROUTE_ERR_TOO_MANY:
		return -E2BIG;
	case MPLSROUTE_ERR_TOO_LONG:
		return -EMSGSIZE;
	}
	return -EINVAL;
}

/* does 4.4 end the process after an error of @kind (unless told)? */
static int kind_exits(int kind)
{
	switch (kind) {
	case MPLSROUTE_ERR_INCOMPLETE:
	case MPLSROUTE_ERR_INVALID:
	case MPLSROUTE_ERR_DUPLICATE:
	case MPLSROUTE_ERR_ADDRESS:
	case MPLSROUTE_ERR_PREFIX:
	case MPLSROUTE_ERR_USAGE:
	case MPLSROUTE_ERR_UNSUPPORTED:
	case MPLSROUTE_ERR_NEXTHOP:
	case MPLSROUTE_ERR_MISSING:
		return 1;
	}
	return 0;
}

/* the message; one too long for msg[] ends in "...\n" */
static void err_vfill(struct mplsroute_error *e, const char *fmt, va_list ap)
{
	size_t n = sizeof(e->msg);

	if (vsnprintf(e->msg, n, fmt, ap) >= (int)n)
		memcpy(e->msg + n - 5, "...\n", 5);
}

static void err_fill(struct mplsroute_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void err_fill(struct mplsroute_error *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vfill(e, fmt, ap);
	va_end(ap);
}

/* 4.4's get_addr/get_prefix: @what "address" or "prefix" */
static void expected(struct mplsroute_error *e, const char *family,
		     const char *what, const char *word)
{
	if (!family)
		err_fill(e, "Error: \"%s\" may be inet %s, but it is not allowed in this context.\n",
			 word, what);
	else
		err_fill(e, "Error: %s %s is expected rather than \"%s\".\n",
			 family, what, word);
}

MR_EXPORT int mplsroute_error_set(struct mplsroute_error *e, int kind,
				  int argi, const char *word,
				  const char *detail)
{
	const char *w = word ? word : "";
	const char *d = detail ? detail : "";

	e->kind = kind;
	e->argi = argi;
	e->word = word;
	e->exits = kind_exits(kind);
	switch (kind) {
	case MPLSROUTE_ERR_INCOMPLETE:
		err_fill(e, "Command line is not complete. Try option \"help\"\n");
		break;
	case MPLSROUTE_ERR_INVALID:
		err_fill(e, "Error: argument \"%s\" is wrong: %s\n", w, d);
		break;
	case MPLSROUTE_ERR_DUPLICATE:
		err_fill(e, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n",
			 d, w);
		break;
	case MPLSROUTE_ERR_ADDRESS:
		expected(e, detail, "address", w);
		break;
	case MPLSROUTE_ERR_PREFIX:
		expected(e, detail, "prefix", w);
		break;
	case MPLSROUTE_ERR_NODEV:
		err_fill(e, "Cannot find device \"%s\"\n", w);
		break;
	case MPLSROUTE_ERR_USAGE:
		e->msg[0] = '\0';
		break;
	default:
		err_fill(e, "%s", d);
	}
	return kind_errno(kind);
}

/* the error value's starting state: no error */
MR_HOT
void mr_err_clear(struct mplsroute_error *e)
{
	e->kind = MPLSROUTE_ERR_NONE;
	e->argi = -1;
	e->word = NULL;
	e->exits = 0;
	e->msg[0] = '\0';
}

static int here(struct mr_words *w, int kind, const char *detail)
{
	return mplsroute_error_set(w->err, kind, w->argi, mr_word(w), detail);
}

int mr_err_incomplete(struct mr_words *w)
{
	return here(w, MPLSROUTE_ERR_INCOMPLETE, NULL);
}

int mr_err_invarg(struct mr_words *w, const char *why)
{
	return here(w, MPLSROUTE_ERR_INVALID, why);
}

int mr_err_duparg(struct mr_words *w, const char *key)
{
	return here(w, MPLSROUTE_ERR_DUPLICATE, key);
}

/* 4.4 names the family in these messages; link (AF_PACKET) has its own */
static const char *expect_family(int family)
{
	return family == AF_PACKET ? NULL : mr_af_name(family, MR_AF_CLI);
}

int mr_err_addr(struct mr_words *w, int family)
{
	return here(w, MPLSROUTE_ERR_ADDRESS, expect_family(family));
}

int mr_err_prefix(struct mr_words *w, int family)
{
	return here(w, MPLSROUTE_ERR_PREFIX, expect_family(family));
}

int mr_err_usage(struct mr_words *w)
{
	return here(w, MPLSROUTE_ERR_USAGE, NULL);
}

int mr_err_nodev(struct mr_words *w, int argi, const char *name, int exits)
{
	int ret = mplsroute_error_set(w->err, MPLSROUTE_ERR_NODEV, argi, name,
				      NULL);

	w->err->exits = exits;
	return ret;
}

int mr_err_fmt(struct mr_words *w, int kind, int exits, const char *fmt, ...)
{
	va_list ap;
	int ret = here(w, kind, NULL);

	va_start(ap, fmt);
	err_vfill(w->err, fmt, ap);
	va_end(ap);
	w->err->exits = exits;
	return ret;
}

MR_HOT
int mr_need(struct mr_words *w)
{
	return mr_next(w) ? mr_err_incomplete(w) : 0;
}

MR_HOT
uint32_t mr_ifindex(const struct mr_words *w, const char *name)
{
	uint32_t idx = 0;

	if (w->o && w->o->ifindex)
		return w->o->ifindex(name, &idx, w->o->data) < 0 ? 0 : idx;
	return if_nametoindex(name);
}
