/* hex.h: hex text <-> bytes, for the unit tests */
#ifndef UNIT_HEX_H
#define UNIT_HEX_H

#include <stdio.h>
#include <string.h>

#include "internal.h"	/* mr_rec_hex2bin */

/*
 * unit_hex2bin - decode @hex (spaces allowed between bytes) into @out, with
 * the recordings' own reader (lib/record.c).
 * Returns the number of bytes, or -1 on a bad digit or if @len is short.
 */
static inline int unit_hex2bin(const char *hex, void *out, size_t len)
{
	long n = mr_rec_hex2bin(hex, strlen(hex), out, len);

	return n < 0 || (size_t)n > len ? -1 : (int)n;
}

/* unit_bin2hex - @len bytes as lower-case hex into @out (2 * len + 1) */
static inline void unit_bin2hex(const void *bin, size_t len, char *out)
{
	const unsigned char *b = bin;
	size_t i;

	for (i = 0; i < len; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
	out[2 * len] = '\0';
}

#endif
