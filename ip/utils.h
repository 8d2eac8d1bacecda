/* utils.h: CLI word helpers: abbreviations, numbers, families, addresses */
#ifndef IPMPLS_UTILS_H
#define IPMPLS_UTILS_H

#include <stdint.h>
#include "mplsroute.h"

/* An argument cursor: the words still to read, the current one first. */
struct argcur {
	int argc;
	char **argv;
};

/* matches - 0 when @word is a prefix of @full (iproute2's matches()). */
int matches(const char *word, const char *full);

/*
 * arg_next - step to the next word.  Returns 0, or -1 when there is none
 * (the cursor then stays on the last word).
 */
int arg_next(struct argcur *c);

/* read_family - AF_* for "inet", "inet6", "mpls", ...; AF_UNSPEC if none. */
int read_family(const char *name);

/* family_name - iproute2's name of a family in messages ("???" if none). */
const char *family_name(int family);

/* get_u32 - a whole word as a number (strtoul @base).  0 or -1. */
int get_u32(uint32_t *val, const char *arg, int base);

/* get_u8 - as get_u32, at most 255.  0 or -1. */
int get_u8(uint8_t *val, const char *arg, int base);

/*
 * get_time_rtt - a time as iproute2 reads it: a number with an optional
 * s/sec/secs or ms/msec/msecs suffix, in ms; *raw = 1 when no suffix.
 * 0 or -1.
 */
int get_time_rtt(uint32_t *val, const char *arg, int *raw);

/*
 * parse_addr - an address of @family (AF_UNSPEC: inet or inet6 by its form)
 * as iproute2 4.4's get_addr_1 reads it: dotted inet with 1 to 4 parts,
 * inet6, an MPLS label stack, "default"/"any"/"all".  0 or -1.
 */
int parse_addr(struct mplsroute_addr *a, const char *arg, int family);

/*
 * parse_prefix - ADDR[/LEN] as iproute2 4.4's get_prefix_1 reads it (the
 * length may also be a dotted netmask; "default" is the zero-length
 * prefix).  a->bitlen is the prefix length.  0 or -1.
 */
int parse_prefix(struct mplsroute_addr *a, const char *arg, int family);

/*
 * The messages.  Each prints iproute2 4.4's words on stderr and returns the
 * exit code iproute2 exits with.
 */
/*
 * Set when iproute2 4.4 would have called exit() for the command (parse
 * errors, a finished `route show`): a batch stops there, even with -force,
 * and exits with the command's code, with no "Command failed" line.
 */
extern int cmd_exits;

int incomplete_command(void);				/* 255 */
int invarg(const char *msg, const char *arg);		/* 255 */
int duparg2(const char *key, const char *arg);		/* 255 */
int addr_expected(int family, const char *arg);		/* 1 */
int prefix_expected(int family, const char *arg);	/* 1 */
int no_device(const char *name);			/* 1 */

/*
 * dev_index - if_nametoindex() remembered for the run, as 4.4's ll_map
 * (a batch looks each device up once).  Returns the index, 0 if none.
 */
unsigned dev_index(const char *name);

#endif
