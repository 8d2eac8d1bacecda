/* unit.h: small helpers shared by the Check unit tests */
#ifndef UNIT_H
#define UNIT_H

#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
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

/* compare @len bytes at @got with @hex; fails the test with both in hex */
#define ck_assert_hex(got, len, hex) do {				\
	static unsigned char want_[4096];				\
	static char got_hex_[8193];					\
	int wn_ = unit_hex2bin((hex), want_, sizeof(want_));		\
	ck_assert_int_ge(wn_, 0);					\
	ck_assert_uint_le((size_t)(len), 4096);				\
	unit_bin2hex((got), (size_t)(len), got_hex_);			\
	ck_assert_msg((size_t)wn_ == (size_t)(len) &&			\
		      memcmp(want_, (got), (size_t)(len)) == 0,		\
		      "bytes differ:\n got  %s\n want %s", got_hex_,	\
		      (hex));						\
} while (0)

/* run one suite the usual way; returns the process exit status */
static inline int unit_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
