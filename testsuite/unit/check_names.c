/* check_names.c: unit tests for lib/names.c (names <-> numbers) */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mplsroute.h"

/* topdir: made and removed by the parent (unchecked fixture), so that a
 * failing test, which skips its teardown, leaves nothing in /tmp; tmpdir:
 * one fresh directory inside it per test */
static char topdir[64];
static char tmpdir[96];

static void write_file(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void setup_top(void)
{
	strcpy(topdir, "/tmp/check_names.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(topdir));
}

static void teardown_top(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", topdir);
	ck_assert_int_eq(system(cmd), 0);
}

/* an empty directory: built-in names only */
static void setup_builtin(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "%s/t.XXXXXX", topdir);
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	ck_assert_int_eq(mplsroute_names_load(tmpdir), 0);
}

static void teardown(void)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

#define N2A(fn, id, want) do {						\
	char b_[64];							\
	ck_assert_int_eq(fn(id, b_, sizeof(b_)), (int)strlen(want));	\
	ck_assert_str_eq(b_, want);					\
} while (0)

#define A2N(fn, arg, want) do {						\
	uint32_t v_ = 0xdeadbeef;					\
	ck_assert_int_eq(fn(&v_, arg), 0);				\
	ck_assert_uint_eq(v_, want);					\
} while (0)

#define A2N_BAD(fn, arg) do {						\
	uint32_t v_ = 7;						\
	ck_assert_int_eq(fn(&v_, arg), -EINVAL);			\
	ck_assert_uint_eq(v_, 7);					\
} while (0)

START_TEST(builtin_tables)
{
	N2A(mplsroute_table_n2a, 254, "main");
	N2A(mplsroute_table_n2a, 255, "local");
	N2A(mplsroute_table_n2a, 253, "default");
	N2A(mplsroute_table_n2a, 100, "100");
	N2A(mplsroute_table_n2a, 4294967295u, "4294967295");
	A2N(mplsroute_table_a2n, "main", 254);
	A2N(mplsroute_table_a2n, "local", 255);
	A2N(mplsroute_table_a2n, "default", 253);
	A2N(mplsroute_table_a2n, "100", 100);
	A2N(mplsroute_table_a2n, "0x100", 256);
	A2N(mplsroute_table_a2n, "010", 8);
	A2N(mplsroute_table_a2n, "4294967295", 4294967295u);
	A2N_BAD(mplsroute_table_a2n, "4294967296");
	A2N_BAD(mplsroute_table_a2n, "all");
	A2N_BAD(mplsroute_table_a2n, "ma");
	A2N_BAD(mplsroute_table_a2n, "");
	A2N_BAD(mplsroute_table_a2n, "12x");
}
END_TEST

START_TEST(builtin_protos_scopes)
{
	N2A(mplsroute_proto_n2a, 0, "none");
	N2A(mplsroute_proto_n2a, 2, "kernel");
	N2A(mplsroute_proto_n2a, 3, "boot");
	N2A(mplsroute_proto_n2a, 4, "static");
	N2A(mplsroute_proto_n2a, 16, "dhcp");
	N2A(mplsroute_proto_n2a, 42, "42");
	A2N(mplsroute_proto_a2n, "zebra", 11);
	A2N(mplsroute_proto_a2n, "0x10", 16);
	A2N(mplsroute_proto_a2n, "255", 255);
	A2N_BAD(mplsroute_proto_a2n, "256");
	A2N_BAD(mplsroute_proto_a2n, "kern");
	N2A(mplsroute_scope_n2a, 0, "global");
	N2A(mplsroute_scope_n2a, 200, "site");
	N2A(mplsroute_scope_n2a, 253, "link");
	N2A(mplsroute_scope_n2a, 254, "host");
	N2A(mplsroute_scope_n2a, 255, "nowhere");
	N2A(mplsroute_scope_n2a, 7, "7");
	A2N(mplsroute_scope_a2n, "link", 253);
	A2N(mplsroute_scope_a2n, "17", 17);
	A2N_BAD(mplsroute_scope_a2n, "world");
}
END_TEST

START_TEST(types)
{
	N2A(mplsroute_type_n2a, 0, "none");
	N2A(mplsroute_type_n2a, 1, "unicast");
	N2A(mplsroute_type_n2a, 2, "local");
	N2A(mplsroute_type_n2a, 6, "blackhole");
	N2A(mplsroute_type_n2a, 11, "xresolve");
	N2A(mplsroute_type_n2a, 12, "12");
	A2N(mplsroute_type_a2n, "unicast", 1);
	A2N(mplsroute_type_a2n, "uni", 1);
	A2N(mplsroute_type_a2n, "local", 2);
	A2N(mplsroute_type_a2n, "brd", 3);
	A2N(mplsroute_type_a2n, "b", 3);	/* broadcast before blackhole */
	A2N(mplsroute_type_a2n, "black", 6);
	A2N(mplsroute_type_a2n, "unr", 7);
	A2N(mplsroute_type_a2n, "throw", 9);
	A2N(mplsroute_type_a2n, "nat", 10);
	A2N(mplsroute_type_a2n, "5", 5);
	A2N_BAD(mplsroute_type_a2n, "loc");	/* local is exact only */
	A2N_BAD(mplsroute_type_a2n, "thr");
	A2N_BAD(mplsroute_type_a2n, "unicastx");
	A2N_BAD(mplsroute_type_a2n, "256");
}
END_TEST

START_TEST(dsfield)
{
	N2A(mplsroute_dsfield_n2a, 0, "0");
	N2A(mplsroute_dsfield_n2a, 0x6e, "0x6e");
	N2A(mplsroute_dsfield_n2a, 4, "0x04");
	A2N(mplsroute_dsfield_a2n, "10", 0x10);	/* hex by default */
	A2N(mplsroute_dsfield_a2n, "0x28", 0x28);
	A2N(mplsroute_dsfield_a2n, "ff", 255);
	A2N_BAD(mplsroute_dsfield_a2n, "100");
}
END_TEST

START_TEST(small_buffer)
{
	char b[5];	/* 4 bytes offered, then all 5 */

	ck_assert_int_eq(mplsroute_table_n2a(254, b, 4), -ENOSPC);
	ck_assert_int_eq(mplsroute_table_n2a(100, b, 4), 3);
	ck_assert_int_eq(mplsroute_table_n2a(1000, b, 4), -ENOSPC);
	ck_assert_int_eq(mplsroute_type_n2a(1, b, 0), -ENOSPC);
	ck_assert_int_eq(mplsroute_dsfield_n2a(0x6e, b, 4), -ENOSPC);
	ck_assert_int_eq(mplsroute_dsfield_n2a(0x6e, b, sizeof(b)), 4);
}
END_TEST

START_TEST(files)
{
	write_file("rt_tables",
		   "# comment\n"
		   "255\tlocal\n254 main\n\n"
		   "  100 mpls # trailing\n"
		   "0x1000\tbig\n"
		   "356 wrapped\n"
		   "100 mpls2\n");
	write_file("rt_protos", "0 unspec\n2 kern\n42 babel\n");
	write_file("rt_scopes", "0 everywhere\n300 toolarge\n");
	write_file("rt_dsfield", "0x0\tdefault\n0x28 AF11\nbogus line\n0x30 AF12\n");
	ck_assert_int_eq(mplsroute_names_load(tmpdir), 0);

	N2A(mplsroute_table_n2a, 100, "mpls2");	/* the later line wins */
	N2A(mplsroute_table_n2a, 4096, "big");
	N2A(mplsroute_table_n2a, 356, "wrapped");
	N2A(mplsroute_table_n2a, 254, "main");
	A2N(mplsroute_table_a2n, "mpls", 100);	/* shadowed, still known */
	A2N(mplsroute_table_a2n, "big", 4096);
	A2N(mplsroute_table_a2n, "wrapped", 356);
	A2N(mplsroute_table_a2n, "main", 254);

	N2A(mplsroute_proto_n2a, 2, "kern");	/* replaces the built-in */
	N2A(mplsroute_proto_n2a, 0, "unspec");
	N2A(mplsroute_proto_n2a, 42, "babel");
	N2A(mplsroute_proto_n2a, 3, "boot");
	A2N(mplsroute_proto_a2n, "kern", 2);
	A2N_BAD(mplsroute_proto_a2n, "kernel");	/* replaced names are gone */
	A2N(mplsroute_proto_a2n, "babel", 42);

	N2A(mplsroute_scope_n2a, 0, "everywhere");
	N2A(mplsroute_scope_n2a, 44, "44");
	A2N_BAD(mplsroute_scope_a2n, "toolarge");

	N2A(mplsroute_dsfield_n2a, 0x28, "AF11");
	N2A(mplsroute_dsfield_n2a, 0, "default");
	N2A(mplsroute_dsfield_n2a, 0x30, "0x30");	/* after the corrupt line */
	A2N(mplsroute_dsfield_a2n, "AF11", 0x28);

	/* back to built-ins only */
	ck_assert_int_eq(mplsroute_names_load("/nonexistent"), 0);
	N2A(mplsroute_proto_n2a, 2, "kernel");
	N2A(mplsroute_table_n2a, 100, "100");
}
END_TEST

/* realms: built-in "unknown", numbers 0..255 (base 0), rt_realms */
START_TEST(realms)
{
	N2A(mplsroute_realm_n2a, 0, "unknown");
	N2A(mplsroute_realm_n2a, 7, "7");
	A2N(mplsroute_realm_a2n, "unknown", 0);
	A2N(mplsroute_realm_a2n, "0x10", 16);
	A2N(mplsroute_realm_a2n, "255", 255);
	A2N_BAD(mplsroute_realm_a2n, "256");
	A2N_BAD(mplsroute_realm_a2n, "1/2");
	A2N_BAD(mplsroute_realm_a2n, "");
	write_file("rt_realms", "0\tcosmos\n1 inr.ac\n300 toolarge\n");
	ck_assert_int_eq(mplsroute_names_load(tmpdir), 0);
	N2A(mplsroute_realm_n2a, 0, "cosmos");
	N2A(mplsroute_realm_n2a, 1, "inr.ac");
	A2N(mplsroute_realm_a2n, "inr.ac", 1);
	A2N_BAD(mplsroute_realm_a2n, "unknown");	/* replaced */
	A2N_BAD(mplsroute_realm_a2n, "toolarge");
	ck_assert_int_eq(mplsroute_names_load("/nonexistent"), 0);
	N2A(mplsroute_realm_n2a, 0, "unknown");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("names");
	SRunner *sr;
	int failed;

	tcase_add_unchecked_fixture(tc, setup_top, teardown_top);
	tcase_add_checked_fixture(tc, setup_builtin, teardown);
	tcase_add_test(tc, builtin_tables);
	tcase_add_test(tc, builtin_protos_scopes);
	tcase_add_test(tc, types);
	tcase_add_test(tc, dsfield);
	tcase_add_test(tc, small_buffer);
	tcase_add_test(tc, files);
	tcase_add_test(tc, realms);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
