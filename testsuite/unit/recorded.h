/* recorded.h: the requests iproute2 4.4 sent, read for the unit tests */
#ifndef UNIT_RECORDED_H
#define UNIT_RECORDED_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * unit_recorded - the first request line of case @dir (under
 * $TOP/testsuite/data/iproute2-4.4): "NAME FLAGS HEX".  Sets *flags (may
 * be NULL) and returns HEX (a static buffer); fails the test if it cannot.
 */
static inline const char *unit_recorded(const char *dir, unsigned int *flags)
{
	static char line[8192];
	char path[512], name[64];
	const char *top = getenv("TOP");
	unsigned int fl;
	FILE *f;
	int pos = 0;

	snprintf(path, sizeof(path),
		 "%s/testsuite/data/iproute2-4.4/%s/requests",
		 top ? top : ".", dir);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	line[strcspn(line, "\n")] = '\0';
	ck_assert_int_eq(sscanf(line, "%63s %x %n", name, &fl, &pos), 2);
	if (flags)
		*flags = fl;
	return line + pos;
}

#endif
