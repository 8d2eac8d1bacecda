/* unit.h: small helpers shared by the Check unit tests */
#ifndef UNIT_H
#define UNIT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"

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
