/* abisizes.c: prints the size of each struct include/mplsroute.h defines */
/*
 * usage: abisizes    ("struct NAME SIZE" lines, for abicheck)
 * The list comes from abistructs.h, which testsuite/tools/abistructs.sh
 * writes from the header itself (make does), so a struct added to the
 * header is listed without anyone editing this file.
 */
#include <stdio.h>

#include "mplsroute.h"

#define ABI_TYPE(kind, name) \
	printf("%s %s %zu\n", #kind, #name, sizeof(kind name));

int main(void)
{
#include <abistructs.h>
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
