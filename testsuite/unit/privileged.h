/* privileged.h: unit tests that need the host kernel's CAP_NET_ADMIN */
#ifndef UNIT_PRIVILEGED_H
#define UNIT_PRIVILEGED_H

#include <check.h>
#include <stdio.h>
#include <string.h>

/*
 * unit_net_admin - 1 if this process has CAP_NET_ADMIN (bit 12 of CapEff
 * in /proc/self/status), else 0: without it the kernel refuses route
 * requests with EPERM before looking at them (fakeroot's uid 0 has none).
 */
static inline int unit_net_admin(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	unsigned long long caps = 0;
	char line[256];

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &caps) == 1)
			break;
	fclose(f);
	return (caps >> 12) & 1;
}

/*
 * unit_privileged - 1 when the tests that ask the host kernel to change
 * routes may run; else prints "SKIP NAME: why" (a line testsuite/run.sh
 * counts) and returns 0.
 */
static inline int unit_privileged(const char *name)
{
	if (unit_net_admin())
		return 1;
	printf("SKIP %s: no CAP_NET_ADMIN (not root): the kernel answers EPERM\n",
	       name);
	fflush(stdout);
	return 0;
}

#endif
