/* hex.h: hex text <-> bytes, for the unit tests and testsuite/tools */
#ifndef UNIT_HEX_H
#define UNIT_HEX_H

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* hex digit value or -1 */
static inline int unit_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * unit_hex2bin - decode @hex (spaces allowed between bytes) into @out.
 * Returns the number of bytes, or -1 on a bad digit or if @len is short.
 */
static inline int unit_hex2bin(const char *hex, void *out, size_t len)
{
	unsigned char *o = out;
	size_t n = 0;
	int hi, lo;

	while (*hex) {
		if (isspace((unsigned char)*hex)) {
			hex++;
			continue;
		}
		hi = unit_hexval(hex[0]);
		lo = hex[1] ? unit_hexval(hex[1]) : -1;
		if (hi < 0 || lo < 0 || n >= len)
			return -1;
		o[n++] = (unsigned char)(hi << 4 | lo);
		hex += 2;
	}
	return (int)n;
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
