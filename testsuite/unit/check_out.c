/* check_out.c: unit tests for lib/out.c (the printers' output buffer) */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include "mplsroute.h"
#include "internal.h"
#include "out.h"
#include "unit.h"

/* a stream that records each write it gets (unbuffered: one per fwrite) */
struct sink {
	char data[65536];
	size_t len;
	size_t calls;
	size_t sizes[4096];
	int fail;		/* every write fails with ENOSPC */
};

static ssize_t sink_write(void *c, const char *buf, size_t n)
{
	struct sink *s = c;

	if (s->fail) {
		errno = ENOSPC;
		return -1;
	}
	ck_assert_uint_le(s->len + n, sizeof(s->data));
	memcpy(s->data + s->len, buf, n);
	s->len += n;
	if (s->calls < sizeof(s->sizes) / sizeof(s->sizes[0]))
		s->sizes[s->calls] = n;
	s->calls++;
	return (ssize_t)n;
}

static FILE *sink_open(struct sink *s)
{
	cookie_io_functions_t io = { .write = sink_write };
	FILE *f;

	memset(s, 0, sizeof(*s));
	f = fopencookie(s, "w", io);
	ck_assert_ptr_nonnull(f);
	setvbuf(f, NULL, _IONBF, 0);
	return f;
}

/* a string builder of @size bytes: what @fill writes, as text */
static char sbuf[256];
static struct mr_out so;
static char sres[512];

static const char *text(void)
{
	ck_assert_int_eq(mr_out_flush(&so), 0);
	memcpy(sres, so.buf, so.len);
	sres[so.len] = '\0';
	mr_out_init(&so, NULL, sbuf, sizeof(sbuf));
	return sres;
}

static void setup(void)
{
	mr_out_init(&so, NULL, sbuf, sizeof(sbuf));
}

START_TEST(test_u32_boundaries)
{
	static const uint32_t v[] = {
		0, 1, 9, 10, 11, 99, 100, 999, 1000, 65535, 65536, 999999999,
		1000000000, 2147483647, 2147483648u, 4294967294u, UINT32_MAX,
	};
	char want[32];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "%u", v[i]);
		mr_out_u32(&so, v[i]);
		ck_assert_str_eq(text(), want);
	}
}
END_TEST

START_TEST(test_u64_s64_boundaries)
{
	static const int64_t s[] = {
		INT64_MIN, INT64_MIN + 1, -4294967296LL, INT32_MIN, -10, -9,
		-1, 0, 1, 9, 10, INT32_MAX, 4294967295LL, INT64_MAX,
	};
	char want[32];
	size_t i;

	mr_out_u64(&so, 0);
	ck_assert_str_eq(text(), "0");
	mr_out_u64(&so, UINT64_MAX);
	ck_assert_str_eq(text(), "18446744073709551615");
	mr_out_u64(&so, 10000000000000000000u);
	ck_assert_str_eq(text(), "10000000000000000000");
	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		snprintf(want, sizeof(want), "%" PRId64, s[i]);
		mr_out_s64(&so, s[i]);
		ck_assert_str_eq(text(), want);
	}
}
END_TEST

START_TEST(test_hex)
{
	static const uint32_t v[] = { 0, 1, 0xf, 0x10, 0xabc, 0xffff, 0x10000,
				      0xdeadbeef, UINT32_MAX };
	char want[32], got[32];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "%x|%04x|%02x", v[i], v[i],
			 v[i]);
		mr_out_hex(&so, v[i], 0);
		mr_out_char(&so, '|');
		mr_out_hex(&so, v[i], 4);
		mr_out_char(&so, '|');
		mr_out_hex(&so, v[i], 2);
		snprintf(got, sizeof(got), "%s", text());
		ck_assert_str_eq(got, want);
	}
	mr_out_hex(&so, UINT64_MAX, 0);
	ck_assert_str_eq(text(), "ffffffffffffffff");
	mr_out_hex(&so, 5, 99);	/* a width past 16 is 16 */
	ck_assert_str_eq(text(), "0000000000000005");
}
END_TEST

START_TEST(test_ipv4_as_inet_ntop)
{
	uint8_t a[4];
	char want[INET_ADDRSTRLEN], got[INET_ADDRSTRLEN];
	unsigned int i, k;

	for (i = 0; i < 20000; i++) {
		/* every octet value in every position, then mixes */
		for (k = 0; k < 4; k++)
			a[k] = (uint8_t)(i < 1024 ? (i + k * 64) :
					 (i * 2654435761u) >> (8 * k));
		ck_assert_ptr_nonnull(inet_ntop(AF_INET, a, want,
						sizeof(want)));
		got[mr_fmt_ipv4(got, a)] = '\0';
		ck_assert_str_eq(got, want);
	}
}
END_TEST

START_TEST(test_addr)
{
	struct mplsroute_addr a = { .family = AF_INET6 };
	char want[INET6_ADDRSTRLEN];

	inet_pton(AF_INET6, "2001:db8::ffff:1.2.3.4", a.data);
	inet_ntop(AF_INET6, a.data, want, sizeof(want));
	mr_out_addr(&so, &a);
	ck_assert_str_eq(text(), want);
	memset(&a, 0, sizeof(a));
	a.family = AF_INET;
	memcpy(a.data, "\xff\xff\xff\xff", 4);
	mr_out_addr(&so, &a);
	ck_assert_str_eq(text(), "255.255.255.255");
	memset(&a, 0, sizeof(a));
	a.family = AF_MPLS;
	a.labels.n = 2;
	a.labels.label[0] = 0;
	a.labels.label[1] = MPLSROUTE_LABEL_MAX;
	mr_out_addr(&so, &a);
	ck_assert_str_eq(text(), "0/1048575");
	a.labels.n = MPLSROUTE_MAX_LABELS + 1;
	mr_out_addr(&so, &a);
	ck_assert_str_eq(text(), "???");
	memset(&a, 0, sizeof(a));
	a.family = AF_PACKET;
	a.bytelen = 3;
	memcpy(a.data, "\x00\x1b\xff", 3);
	mr_out_addr(&so, &a);
	ck_assert_str_eq(text(), "00:1b:ff");
	a.family = 99;
	mr_out_addr(&so, &a);
	ck_assert_str_eq(text(), "???");
}
END_TEST

START_TEST(test_labels_as_format)
{
	struct mplsroute_labels ls = { 0 };
	char want[MR_ABUF];
	unsigned int i;

	for (i = 0; i <= MPLSROUTE_MAX_LABELS; i++) {
		ck_assert_int_ge(mplsroute_labels_format(&ls, want,
							 sizeof(want)), 0);
		mr_out_labels(&so, &ls);
		ck_assert_str_eq(text(), want);
		if (i < MPLSROUTE_MAX_LABELS)
			ls.label[ls.n++] = i * 37449 % (MPLSROUTE_LABEL_MAX + 1);
	}
	ls.n = MPLSROUTE_MAX_LABELS + 1;	/* not a stack: nothing */
	mr_out_labels(&so, &ls);
	ck_assert_str_eq(text(), "");
}
END_TEST

/*
 * Every buffer size from 1 to 40 bytes, text with numbers straddling the
 * flush points: the stream gets the same bytes as one snprintf, in writes
 * of exactly the buffer's size but the last.
 */
START_TEST(test_flush_points)
{
	static struct sink s;
	char want[4096], buf[64];
	struct mr_out o;
	size_t size, i, n = 0;
	FILE *f;

	for (i = 0; i < 60; i++)
		n += (size_t)snprintf(want + n, sizeof(want) - n,
				      "via %u.%u %x/%s ", (unsigned)i,
				      UINT32_MAX - (unsigned)i,
				      (unsigned)i * 4099, "dev eth1");
	for (size = 1; size <= 40; size++) {
		f = sink_open(&s);
		mr_out_init(&o, f, buf, size);
		for (i = 0; i < 60; i++) {
			mr_out_str(&o, "via ");
			mr_out_u32(&o, (uint32_t)i);
			mr_out_char(&o, '.');
			mr_out_u32(&o, UINT32_MAX - (uint32_t)i);
			mr_out_char(&o, ' ');
			mr_out_hex(&o, i * 4099, 0);
			mr_out_mem(&o, "/dev eth1 ", 10);
		}
		ck_assert_int_eq(mr_out_flush(&o), 0);
		ck_assert_int_eq(mr_out_flush(&o), 0);	/* nothing more */
		fclose(f);
		ck_assert_uint_eq(s.len, n);
		ck_assert(memcmp(s.data, want, n) == 0);
		ck_assert_uint_eq(s.calls, (n + size - 1) / size);
		for (i = 0; i + 1 < s.calls; i++)
			ck_assert_uint_eq(s.sizes[i], size);
	}
}
END_TEST

/* one fwrite a buffer: a route's text arrives in one write */
START_TEST(test_one_write_per_buffer)
{
	static struct sink s;
	char buf[MR_OUT_BUF];
	struct mr_out o;
	FILE *f = sink_open(&s);

	mr_out_init(&o, f, buf, sizeof(buf));
	mr_out_str(&o, "16 as to 17 via inet 192.168.30.102 dev eth1 ");
	mr_out_char(&o, '\n');
	ck_assert_uint_eq(s.calls, 0);	/* nothing before the flush */
	ck_assert_int_eq(mr_out_flush(&o), 0);
	ck_assert_uint_eq(s.calls, 1);
	ck_assert_uint_eq(s.sizes[0], 46);
	fclose(f);
}
END_TEST

START_TEST(test_write_error)
{
	static struct sink s;
	char buf[8];
	struct mr_out o;
	FILE *f = sink_open(&s);

	s.fail = 1;
	mr_out_init(&o, f, buf, sizeof(buf));
	mr_out_str(&o, "abc");
	ck_assert_int_eq(mr_out_flush(&o), -EIO);
	/* a spill that fails goes on, the error stays */
	mr_out_str(&o, "0123456789abcdef");
	ck_assert_int_eq(o.err, -EIO);
	ck_assert_int_eq(mr_out_flush(&o), -EIO);
	ck_assert(ferror(f));
	fclose(f);

	f = fopen("/dev/full", "w");
	ck_assert_ptr_nonnull(f);
	setvbuf(f, NULL, _IONBF, 0);
	mr_out_init(&o, f, buf, sizeof(buf));
	mr_out_u32(&o, UINT32_MAX);
	ck_assert_int_eq(mr_out_flush(&o), -EIO);
	fclose(f);
}
END_TEST

/* without a stream: a bounded string, cut with -ENOSPC */
START_TEST(test_string_cut)
{
	char buf[6];
	struct mr_out o;

	mr_out_init(&o, NULL, buf, sizeof(buf));
	mr_out_str(&o, "abcd");
	ck_assert_int_eq(mr_out_flush(&o), 0);
	mr_out_u32(&o, 12345);	/* 2 bytes fit */
	ck_assert_int_eq(mr_out_flush(&o), -ENOSPC);
	ck_assert_uint_eq(o.len, 6);
	ck_assert(memcmp(buf, "abcd12", 6) == 0);
	mr_out_char(&o, 'x');
	ck_assert_uint_eq(o.len, 6);
	ck_assert_int_eq(o.err, -ENOSPC);
}
END_TEST

/* the route printer reports a stream that fails */
START_TEST(test_print_error)
{
	static struct sink s;
	struct mplsroute_route *rt = mplsroute_route_new();
	FILE *f = sink_open(&s);

	ck_assert_ptr_nonnull(rt);
	ck_assert_int_eq(mplsroute_route_print(f, rt, NULL), 0);
	ck_assert_uint_eq(s.calls, 1);
	ck_assert_str_eq(s.data, "default \n");
	s.fail = 1;
	ck_assert_int_eq(mplsroute_route_print(f, rt, NULL), -EIO);
	fclose(f);
	mplsroute_route_free(rt);
}
END_TEST

static Suite *out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_u32_boundaries);
	tcase_add_test(tc, test_u64_s64_boundaries);
	tcase_add_test(tc, test_hex);
	tcase_add_test(tc, test_ipv4_as_inet_ntop);
	tcase_add_test(tc, test_addr);
	tcase_add_test(tc, test_labels_as_format);
	tcase_add_test(tc, test_flush_points);
	tcase_add_test(tc, test_one_write_per_buffer);
	tcase_add_test(tc, test_write_error);
	tcase_add_test(tc, test_string_cut);
	tcase_add_test(tc, test_print_error);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return unit_run(out_suite());
}
