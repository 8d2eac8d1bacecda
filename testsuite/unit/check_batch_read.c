/* check_batch_read.c: ip/batch_read.c: -batch's command lines and words */
#include <errno.h>
#include <time.h>
#include "unit.h"

/* the CLI's reader is not in the library: build it into this test */
#include "../../ip/batch_read.c"

static FILE *in;
static struct batch_reader r;

/* a reader of the @len bytes at @text */
static void open_text(const char *text, size_t len)
{
	in = fmemopen((void *)text, len, "r");
	ck_assert_ptr_nonnull(in);
	batch_reader_init(&r, in, "F");
}

static void done(void)
{
	batch_reader_free(&r);
	fclose(in);
}

/* the next command is @want, ending at physical line @lineno */
static void next_is(const char *want, int lineno)
{
	ck_assert_int_eq(batch_getline(&r), 0);
	ck_assert_str_eq(r.line, want);
	ck_assert_uint_eq(r.len, strlen(want));
	ck_assert_int_eq(r.lineno, lineno);
}

START_TEST(lines_comments_continuations)
{
	static const char t[] =
		"route add 1\n"
		"# a comment \\\n"
		"route add 2 # x \\\n"
		"route \\\n"
		"add \\\n"
		"3\n"
		"a\\\\\n"		/* 4.4: the backslash left joins "" ... */
		"\n"			/* ... and then joins the next line */
		"b\n"
		"last";
	open_text(t, sizeof(t) - 1);
	next_is("route add 1\n", 1);
	next_is("", 2);
	next_is("route add 2 ", 3);
	next_is("route add 3\n", 6);
	next_is("ab\n", 9);
	next_is("last", 10);
	ck_assert_int_eq(batch_getline(&r), -1);
	done();
}
END_TEST

START_TEST(continuation_at_eof)
{
	static const char t[] = "route add 1\nroute add \\\n";

	open_text(t, sizeof(t) - 1);
	next_is("route add 1\n", 1);
	ck_assert_int_eq(batch_getline(&r), -2);
	done();
}
END_TEST

START_TEST(nul_byte)
{
	static const char t[] = "route add 1\nroute\0 add 2\n";

	open_text(t, sizeof(t) - 1);
	next_is("route add 1\n", 1);
	ck_assert_int_eq(batch_getline(&r), -2);
	ck_assert_int_eq(r.lineno, 2);
	done();
}
END_TEST

/* a line longer than BATCH_LINE_MAX, with or without newline, or joined */
START_TEST(too_long)
{
	size_t n = BATCH_LINE_MAX + 10, i;
	char *t = malloc(2 * n);

	ck_assert_ptr_nonnull(t);
	memset(t, 'a', n);
	open_text(t, n);
	ck_assert_int_eq(batch_getline(&r), -2);
	ck_assert_uint_le(r.cap, BATCH_LINE_MAX + 1);
	done();
	/* exactly BATCH_LINE_MAX bytes (newline included) still fit */
	t[BATCH_LINE_MAX - 1] = '\n';
	open_text(t, BATCH_LINE_MAX);
	ck_assert_int_eq(batch_getline(&r), 0);
	ck_assert_uint_eq(r.len, BATCH_LINE_MAX);
	done();
	for (i = 0; i + 5 < 2 * n; i += 5)
		memcpy(t + i, "abc\\\n", 5);
	memcpy(t + i, "x\n", 2);
	open_text(t, i + 2);
	ck_assert_int_eq(batch_getline(&r), -2);
	ck_assert_int_lt(r.lineno, (int)(i / 5));	/* stopped early */
	done();
	free(t);
}
END_TEST

/*
 * Linear continuation lines (issue 12, defect 4): 400k empty ones, then
 * 20k that fill the line close to its limit; time limit: this test's
 * tcase timeout (the quadratic joiner took 24 s for 400k).
 */
START_TEST(continuations_linear)
{
	size_t n = 400000, m = 20000, len = 2 * n + 4 * m + 4, i;
	char *t = malloc(len);
	clock_t c0 = clock();

	ck_assert_ptr_nonnull(t);
	for (i = 0; i < n; i++)
		memcpy(t + 2 * i, "\\\n", 2);
	for (i = 0; i < m; i++)
		memcpy(t + 2 * n + 4 * i, "ab\\\n", 4);
	memcpy(t + 2 * n + 4 * m, "end\n", 4);
	open_text(t, len);
	ck_assert_int_eq(batch_getline(&r), 0);
	ck_assert_uint_eq(r.len, 2 * m + 4);
	ck_assert_int_eq(memcmp(r.line + 2 * m, "end\n", 4), 0);
	ck_assert_int_eq(r.lineno, (int)(n + m + 1));
	done();
	free(t);
	/* CPU time, not wall: a busy machine does not fail it */
	ck_assert_msg(clock() - c0 < 2 * CLOCKS_PER_SEC,
		      "continuations_linear: %ld ms of CPU",
		      (long)((clock() - c0) * 1000 / CLOCKS_PER_SEC));
}
END_TEST

START_TEST(read_error_directory)
{
	in = fopen("/", "r");
	ck_assert_ptr_nonnull(in);
	batch_reader_init(&r, in, "/");
	ck_assert_int_eq(batch_getline(&r), -2);
	ck_assert_int_eq(errno, EISDIR);
	done();
}
END_TEST

START_TEST(words)
{
	char line[] = "  route add 'a b' \"c'd\" e\t\r\n";
	char *argv[8];

	ck_assert_int_eq(makeargs(line, argv, 8), 5);
	ck_assert_str_eq(argv[2], "a b");
	ck_assert_str_eq(argv[3], "c'd");
	ck_assert_str_eq(argv[4], "e");
	ck_assert_ptr_null(argv[5]);
}
END_TEST

START_TEST(words_errors)
{
	char open_quote[] = "route 'add";
	char many[] = "a b c d";
	char *argv[4];

	ck_assert_int_eq(makeargs(open_quote, argv, 4), -1);
	ck_assert_int_eq(makeargs(many, argv, 4), -1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("batch_read");
	TCase *tc = tcase_create("read");

	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, lines_comments_continuations);
	tcase_add_test(tc, continuation_at_eof);
	tcase_add_test(tc, nul_byte);
	tcase_add_test(tc, too_long);
	tcase_add_test(tc, continuations_linear);
	tcase_add_test(tc, read_error_directory);
	tcase_add_test(tc, words);
	tcase_add_test(tc, words_errors);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
