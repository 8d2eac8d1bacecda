/* nlcmp.c: compares two request files ("NAME FLAGS HEX" lines), padding aside */
/*
 * usage: nlcmp EXPECTED ACTUAL
 * Each line is one netlink message as the reference dumps write it.  The
 * messages are compared byte for byte except for attribute padding (the
 * bytes between an attribute's length and its 4-byte aligned end), which is
 * masked in both, also inside RTA_METRICS, RTA_ENCAP and RTA_MULTIPATH (and
 * the nests inside its rtnexthops).  A missing file counts as empty.
 * Exit 0: the same; 1: different (the first difference is printed on
 * stdout); 2: a file could not be read or a line is malformed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "internal.h"	/* mr_rec_*: the recordings' line format */

#define MAXLINES 4096


struct msg {
	char name[32];
	unsigned long flags;
	unsigned char *data;
	size_t len;
};

struct msgfile {
	struct msg m[MAXLINES];
	int n;
};

static int parse_line(struct msg *m, const char *line)
{
	struct mr_rec rec;
	long n;

	n = mr_rec_parse(line, &rec, NULL, 0);
	if (n <= 0)
		return -EINVAL;
	m->data = malloc(n);
	if (!m->data)
		return -ENOMEM;
	mr_rec_parse(line, &rec, m->data, n);
	m->len = (size_t)n;
	snprintf(m->name, sizeof(m->name), "%s", rec.name);
	m->flags = rec.flags;
	return 0;
}

static int read_file(struct msgfile *f, const char *path)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *fp;
	int ret = 0, lineno = 0;

	f->n = 0;
	fp = fopen(path, "r");
	if (!fp)
		return errno == ENOENT ? 0 : -errno;
	while (getline(&line, &cap, fp) >= 0) {
		lineno++;
		if (strspn(line, " \t\r\n") == strlen(line))
			continue;
		if (f->n == MAXLINES) {
			ret = -E2BIG;
			break;
		}
		ret = parse_line(&f->m[f->n], line);
		if (ret < 0) {
			fprintf(stderr, "nlcmp: %s:%d: malformed line\n", path,
				lineno);
			break;
		}
		f->n++;
	}
	free(line);
	fclose(fp);
	return ret;
}

static uint16_t get16(const unsigned char *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

/*
 * Zero the padding of the attributes in p[0..len).  Returns 0 when the area
 * is exactly a sequence of well-formed attributes, -1 otherwise (then
 * what follows the bad attribute is not masked).
 */
static int mask_attrs(unsigned char *p, size_t len, int depth);

static int mask_nexthops(unsigned char *p, size_t len, int depth)
{
	size_t off = 0;

	while (off + 8 <= len) {
		size_t nl = get16(p + off);

		if (nl < 8 || off + nl > len)
			return -1;
		if (mask_attrs(p + off + 8, nl - 8, depth + 1) < 0)
			return -1;
		off += (nl + 3) & ~3u;
		if (off > len)
			return -1;
	}
	return off == len ? 0 : -1;
}

static int mask_attrs(unsigned char *p, size_t len, int depth)
{
	size_t off = 0;

	if (depth > 4)
		return 0;
	while (off + 4 <= len) {
		size_t al = get16(p + off);
		uint16_t type = get16(p + off + 2) & 0x3fff;
		size_t end = (al + 3) & ~3u;

		if (al < 4 || off + al > len)
			return -1;
		if (off + end > len)
			end = len - off; /* the last one may lack its pad */
		memset(p + off + al, 0, end - al);
		if (depth == 0 && type == RTA_MULTIPATH)
			mask_nexthops(p + off + 4, al - 4, depth);
		else if (depth == 0 && type == RTA_METRICS)
			mask_attrs(p + off + 4, al - 4, depth + 1);
		else if (type == RTA_ENCAP)
			mask_attrs(p + off + 4, al - 4, depth + 1);
		off += end;
	}
	return off == len ? 0 : -1;
}

/* mask a whole message: nlmsghdr, then rtmsg (12) or a 16-byte header */
static void mask_msg(struct msg *m)
{
	unsigned char *copy;

	if (m->len < 16)
		return;
	copy = malloc(m->len);
	if (!copy)
		return;
	memcpy(copy, m->data, m->len);
	if (m->len >= 28 && mask_attrs(copy + 28, m->len - 28, 0) == 0)
		memcpy(m->data, copy, m->len);
	else if (m->len >= 32)
		mask_attrs(m->data + 32, m->len - 32, 0);
	free(copy);
}

static void print_hex(const char *what, const struct msg *m)
{
	size_t i;

	printf("  %s %s 0x%lx ", what, m->name, m->flags);
	for (i = 0; i < m->len; i++)
		printf("%02x", m->data[i]);
	printf("\n");
}

static int compare(struct msgfile *a, struct msgfile *b)
{
	int i;

	for (i = 0; i < a->n && i < b->n; i++) {
		struct msg *x = &a->m[i], *y = &b->m[i];
		size_t k;

		mask_msg(x);
		mask_msg(y);
		if (strcmp(x->name, y->name) || x->flags != y->flags ||
		    x->len != y->len || memcmp(x->data, y->data, x->len)) {
			for (k = 0; k < x->len && k < y->len; k++)
				if (x->data[k] != y->data[k])
					break;
			printf("request %d differs (first at byte %zu):\n",
			       i + 1, k);
			print_hex("want", x);
			print_hex("got ", y);
			return 1;
		}
	}
	if (a->n != b->n) {
		printf("%d requests expected, %d sent\n", a->n, b->n);
		if (i < a->n)
			print_hex("missing", &a->m[i]);
		else
			print_hex("extra", &b->m[i]);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct msgfile a, b;
	int ret;

	if (argc != 3) {
		fprintf(stderr, "usage: nlcmp EXPECTED ACTUAL\n");
		return 2;
	}
	ret = read_file(&a, argv[1]);
	if (ret == 0)
		ret = read_file(&b, argv[2]);
	if (ret < 0) {
		fprintf(stderr, "nlcmp: %s\n", strerror(-ret));
		return 2;
	}
	return compare(&a, &b);
}
