/* internal.h: helpers shared inside lib/, never exported */
#ifndef MPLSROUTE_INTERNAL_H
#define MPLSROUTE_INTERNAL_H

#include "mplsroute.h"

/* marks a function as part of the public API (everything else is hidden) */
#define MR_EXPORT __attribute__((visibility("default")))

#endif
