/* utils.h: CLI word helpers: abbreviations, the cursor, device names */
#ifndef IPMPLS_UTILS_H
#define IPMPLS_UTILS_H

#include <stdint.h>
#include "ipmpls.h"

/* An argument cursor: the words still to read, the current one first. */
struct argcur {
	int argc;
	char **argv;
};

/* matches - 0 when @word abbreviates @full (iproute2's matches()) */
static inline int matches(const char *word, const char *full)
{
	return mplsroute_abbrev(word, full) ? 0 : -1;
}

/*
 * arg_next - step to the next word.  Returns 0, or -1 when there is none
 * (the cursor then stays on the last word).
 */
int arg_next(struct argcur *c);


/*
 * ipmpls_parse_opts - the grammar's options for a command of @nlmsg_type:
 * the -f family, device names looked up through the run's cache.
 */
void ipmpls_parse_opts(struct ipmpls_ctx *ctx, struct mplsroute_parse_opts *o,
		       uint16_t nlmsg_type);

/*
 * ipmpls_ifname - ifindex -> name for the printers, remembering the last
 * answers (@data: the ctx): a dump of a big table names the same few
 * devices again and again.  0 or -errno.
 */
int ipmpls_ifname(uint32_t idx, char *buf, size_t len, void *data);

/*
 * ipmpls_stdout_big - from now on stdout goes out 64 KiB a write(2)
 * instead of stdio's st_blksize (4 KiB), unless it is a terminal (line
 * buffered, as it was): a dump of 100k routes then costs ~70 writes, not
 * ~1,200.  What was buffered is flushed first.  Returns nothing.
 */
void ipmpls_stdout_big(void);
/* whether stdout is a terminal (asked once a run): 1 or 0 */
int ipmpls_stdout_tty(void);

#endif
