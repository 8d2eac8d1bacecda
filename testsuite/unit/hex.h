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

/*
 * unit_rec_next - the next message named @name (NULL: any) of a recording
 * @f ("NAME FLAGS HEX" lines, read by lib/record.c) into @buf; NAME and
 * FLAGS into @rec.  Returns its length, 0 at the end, -1 on a malformed
 * line or one longer than @len.
 */
static inline long unit_rec_next(FILE *f, const char *name,
				 struct mr_rec *rec, void *buf, size_t len)
{
	static char line[140000];
	long n;

	while (fgets(line, sizeof(line), f)) {
		n = mr_rec_parse(line, rec, buf, len);
		if (n < 0 || (size_t)n > len)
			return -1;
		if (n > 0 && (!name || strcmp(rec->name, name) == 0))
			return n;
	}
	return 0;
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
