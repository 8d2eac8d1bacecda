/* internal.h: helpers shared inside lib/, never exported */
#ifndef MPLSROUTE_INTERNAL_H
#define MPLSROUTE_INTERNAL_H

#include "mplsroute.h"

/* marks a function as part of the public API (everything else is hidden) */
#define MR_EXPORT __attribute__((visibility("default")))

struct nlmsghdr;
struct nlattr;

/* lib/attr.c: bounded putters that zero padding; 0/-EMSGSIZE, NULL */
int mr_attr_put(struct nlmsghdr *nlh, size_t buflen, uint16_t type,
		size_t len, const void *data);
struct nlattr *mr_attr_nest_start(struct nlmsghdr *nlh, size_t buflen,
				  uint16_t type);

#endif
