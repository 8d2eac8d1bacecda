/* recorded.h: the requests iproute2 4.4 sent, read for the unit tests */
#ifndef UNIT_RECORDED_H
#define UNIT_RECORDED_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "hex.h"

/*
 * unit_recorded - the first request line of case @dir (under
 * $TOP/testsuite/data/iproute2-4.4): "NAME FLAGS HEX".  Sets *flags (may
 * be NULL) and returns HEX (a static buffer); fails the test if it cannot.
 */
static inline const char *unit_recorded(const char *dir, unsigned int *flags)
{
	static char line[8192], hex[8193];
	static unsigned char msg[4096];
	char path[512];
	const char *top = getenv("TOP");
	struct mr_rec rec;
	FILE *f;
	long n;

	snprintf(path, sizeof(path),
		 "%s/testsuite/data/iproute2-4.4/%s/requests",
		 top ? top : ".", dir);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	n = mr_rec_parse(line, &rec, msg, sizeof(msg));
	ck_assert_int_gt(n, 0);
	ck_assert_int_le(n, sizeof(msg));
	if (flags)
		*flags = (unsigned int)rec.flags;
	unit_bin2hex(msg, (size_t)n, hex);
	return hex;
}

#endif
