/* grammar_text.c: a route as one line of text, split as ip's batch does */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "grammar_int.h"

#define TEXT_MAXARGS	100	/* as ip's batch */

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* one word at *cp (quoted or not), NUL-terminated in place; 0 or -1 */
static int split_word(char **cp, char **word)
{
	char *p = *cp, quote;

	if (*p == '\'' || *p == '"') {
		quote = *p++;
		*word = p;
		p = strchr(p, quote);
		if (!p)
			return -1;
	} else {
		*word = p;
		while (*p && !is_blank(*p))
			p++;
	}
	if (*p)
		*p++ = '\0';
	while (is_blank(*p))
		p++;
	*cp = p;
	return 0;
}

/* @line's words into @argv; their number, or < 0 with @err filled */
static int split(char *line, char **argv, struct mplsroute_error *err)
{
	char *cp = line;
	int argc = 0;

	while (is_blank(*cp))
		cp++;
	while (*cp) {
		if (argc >= TEXT_MAXARGS - 1)
			return mplsroute_error_set(err, MPLSROUTE_ERR_TOO_MANY,
				argc, NULL, "Too many arguments to command\n");
		if (split_word(&cp, &argv[argc]) < 0) {
			mplsroute_error_set(err, MPLSROUTE_ERR_INVALID, argc,
					    NULL, NULL);
			strcpy(err->msg, "Unterminated quoted string\n");
			return -EINVAL;
		}
		argc++;
	}
	argv[argc] = NULL;
	return argc;
}

MR_EXPORT int mplsroute_route_parse_text(struct mplsroute_route *rt,
					 const char *text,
					 const struct mplsroute_parse_opts *o,
					 struct mplsroute_error *err)
{
	struct mplsroute_error scratch;
	char *line, *argv[TEXT_MAXARGS];
	int argc, ret;

	if (!err)
		err = &scratch;
	mr_err_clear(err);
	if (!text || !rt)
		return -EINVAL;
	line = strdup(text);
	if (!line)
		return -ENOMEM;
	argc = split(line, argv, err);
	ret = argc < 0 ? argc : mplsroute_route_parse_args(rt, argc, argv,
							   o, err);
	err->word = NULL;	/* it pointed into our copy */
	free(line);
	return ret;
}
