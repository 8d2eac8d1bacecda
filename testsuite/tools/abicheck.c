/* abicheck.c: compares libmplsroute.so's exports and struct sizes with a baseline */
/*
 * usage: abicheck LIBRARY SIZES BASELINE   compare (make abi-check)
 *        abicheck -p LIBRARY SIZES         print the baseline (abi-update)
 * LIBRARY is a shared object: its exports are read from .dynsym, their
 * version nodes from .gnu.version and .gnu.version_d, its soname from
 * .dynamic, with libelf.  SIZES is what abisizes prints ("struct NAME SIZE"
 * lines; "-": stdin).  The baseline is sorted text, one line each:
 *     NAME NODE [hidden]   an exported symbol (defined, global or weak, not
 *                          hidden), NODE its version node ("-": none),
 *                          "hidden" for a non-default version (NAME@NODE)
 *     soname SONAME
 *     struct NAME SIZE     (or union) a type the public header defines
 * '#' starts a comment line.  Exit 0: the same; 1: different (one line on
 * stderr per difference); 2: a file could not be read or is malformed.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ENT_SYMBOL, ENT_SONAME, ENT_TYPE };

struct ent {
	int kind;
	char *key;	/* the symbol's name, "soname", "struct NAME" */
	char *val;	/* version node ("-": none), soname, size in bytes */
	int hidden;	/* a symbol's non-default version */
	int seen;	/* matched or reported by compare() */
};

struct abi {
	struct ent *e;
	size_t n, cap;
};

/* the version definitions: index (vd_ndx) -> node name */
struct verdefs {
	struct {
		unsigned ndx;
		const char *name;
	} v[64];
	int n;
};

static int abi_add(struct abi *a, int kind, const char *key, const char *val,
		   int hidden)
{
	struct ent *e;

	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 256;

		e = realloc(a->e, cap * sizeof(*e));
		if (!e)
			return -1;
		a->e = e;
		a->cap = cap;
	}
	e = &a->e[a->n];
	e->kind = kind;
	e->key = strdup(key);
	e->val = strdup(val);
	e->hidden = hidden;
	e->seen = 0;
	if (!e->key || !e->val)
		return -1;
	a->n++;
	return 0;
}

static void abi_free(struct abi *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->e[i].key);
		free(a->e[i].val);
	}
	free(a->e);
}

static int ent_cmp(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int r = strcmp(a->key, b->key);

	if (!r)
		r = strcmp(a->val, b->val);
	return r ? r : a->hidden - b->hidden;
}

/* the entry of @a with @kind and @key (and @val unless NULL), -1: none */
static long abi_find(const struct abi *a, int kind, const char *key,
		     const char *val, size_t from)
{
	size_t i;

	for (i = from; i < a->n; i++)
		if (a->e[i].kind == kind && !strcmp(a->e[i].key, key) &&
		    (!val || !strcmp(a->e[i].val, val)))
			return (long)i;
	return -1;
}

static void ent_print(FILE *f, const struct ent *e)
{
	fprintf(f, "%s %s%s\n", e->key, e->val, e->hidden ? " hidden" : "");
}

static const char *verdef_name(const struct verdefs *vd, unsigned ndx)
{
	int i;

	for (i = 0; i < vd->n; i++)
		if (vd->v[i].ndx == ndx)
			return vd->v[i].name;
	return NULL;
}

/* .gnu.version_d: each definition's index and name (its first verdaux) */
static int read_verdefs(Elf *elf, Elf_Scn *scn, struct verdefs *vd)
{
	GElf_Shdr sh;
	GElf_Verdef def;
	GElf_Verdaux aux;
	Elf_Data *d;
	size_t off = 0, i;
	const char *name;

	vd->n = 0;
	if (!scn)
		return 0;
	if (!gelf_getshdr(scn, &sh) || !(d = elf_getdata(scn, NULL)))
		return -1;
	for (i = 0; i < sh.sh_info; i++) {
		if (!gelf_getverdef(d, off, &def) ||
		    !gelf_getverdaux(d, off + def.vd_aux, &aux))
			return -1;
		name = elf_strptr(elf, sh.sh_link, aux.vda_name);
		if (!name || vd->n == (int)(sizeof(vd->v) / sizeof(vd->v[0])))
			return -1;
		vd->v[vd->n].ndx = def.vd_ndx;
		vd->v[vd->n].name = name;
		vd->n++;
		if (!def.vd_next)
			break;
		off += def.vd_next;
	}
	return 0;
}

/* the version node of dynsym entry @i, "-" when it has none */
static const char *sym_node(const struct verdefs *vd, Elf_Data *versym,
			    size_t i, int *hidden)
{
	GElf_Versym vs;

	*hidden = 0;
	if (!versym || !gelf_getversym(versym, (int)i, &vs))
		return "-";
	*hidden = !!(vs & 0x8000);
	vs &= 0x7fff;
	if (vs <= 1)	/* VER_NDX_LOCAL, VER_NDX_GLOBAL */
		return "-";
	return verdef_name(vd, vs);
}

/* is @sym an export: defined, global (or weak), visible, not a node name */
static int is_export(const GElf_Sym *sym, const char *name,
		     const struct verdefs *vd)
{
	int bind = GELF_ST_BIND(sym->st_info);
	int vis = GELF_ST_VISIBILITY(sym->st_other);
	int type = GELF_ST_TYPE(sym->st_info);
	int i;

	if (sym->st_shndx == SHN_UNDEF || !*name)
		return 0;
	if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE)
		return 0;
	if (vis != STV_DEFAULT && vis != STV_PROTECTED)
		return 0;
	if (type == STT_SECTION || type == STT_FILE)
		return 0;
	/* ld defines each version node as an absolute symbol */
	if (sym->st_shndx == SHN_ABS)
		for (i = 0; i < vd->n; i++)
			if (!strcmp(vd->v[i].name, name))
				return 0;
	return 1;
}

static int read_dynsym(Elf *elf, Elf_Scn *scn, Elf_Data *versym,
		       const struct verdefs *vd, struct abi *a)
{
	GElf_Shdr sh;
	GElf_Sym sym;
	Elf_Data *d;
	const char *name, *node;
	size_t i, n;
	int hidden;

	if (!gelf_getshdr(scn, &sh) || !(d = elf_getdata(scn, NULL)) ||
	    !sh.sh_entsize)
		return -1;
	n = sh.sh_size / sh.sh_entsize;
	for (i = 1; i < n; i++) {
		if (!gelf_getsym(d, (int)i, &sym))
			return -1;
		name = elf_strptr(elf, sh.sh_link, sym.st_name);
		if (!name)
			return -1;
		if (!is_export(&sym, name, vd))
			continue;
		node = sym_node(vd, versym, i, &hidden);
		if (!node) {
			fprintf(stderr, "abicheck: %s: its version index has no version definition\n",
				name);
			return -2;
		}
		if (abi_add(a, ENT_SYMBOL, name, node, hidden) < 0)
			return -1;
	}
	return 0;
}

static int read_soname(Elf *elf, Elf_Scn *scn, struct abi *a)
{
	GElf_Shdr sh;
	GElf_Dyn dyn;
	Elf_Data *d;
	const char *name;
	size_t i;

	if (!scn)
		return 0;
	if (!gelf_getshdr(scn, &sh) || !(d = elf_getdata(scn, NULL)) ||
	    !sh.sh_entsize)
		return -1;
	for (i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
		if (!gelf_getdyn(d, (int)i, &dyn))
			return -1;
		if (dyn.d_tag != DT_SONAME)
			continue;
		name = elf_strptr(elf, sh.sh_link, dyn.d_un.d_val);
		return name ? abi_add(a, ENT_SONAME, "soname", name, 0) : -1;
	}
	return 0;
}

/*
 * the exports, their nodes and the soname of the open ELF file @elf; -2:
 * failed and said why, -1: failed (libelf's error or memory)
 */
static int read_elf(Elf *elf, const char *path, struct abi *a)
{
	Elf_Scn *scn = NULL, *dynsym = NULL, *verdef = NULL, *dynamic = NULL;
	Elf_Data *versym = NULL;
	struct verdefs vd;
	GElf_Shdr sh;

	if (elf_kind(elf) != ELF_K_ELF) {
		fprintf(stderr, "abicheck: %s: not an ELF file\n", path);
		return -2;
	}
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &sh))
			return -1;
		if (sh.sh_type == SHT_DYNSYM)
			dynsym = scn;
		else if (sh.sh_type == SHT_GNU_verdef)
			verdef = scn;
		else if (sh.sh_type == SHT_DYNAMIC)
			dynamic = scn;
		else if (sh.sh_type == SHT_GNU_versym &&
			 !(versym = elf_getdata(scn, NULL)))
			return -1;
	}
	if (!dynsym) {
		fprintf(stderr, "abicheck: %s: no .dynsym (not a shared library?)\n",
			path);
		return -2;
	}
	if (read_verdefs(elf, verdef, &vd) < 0)
		return -1;
	return read_dynsym(elf, dynsym, versym, &vd, a) ?:
		read_soname(elf, dynamic, a);
}

static int read_library(const char *path, struct abi *a)
{
	Elf *elf;
	int fd, ret;

	if (elf_version(EV_CURRENT) == EV_NONE) {
		fprintf(stderr, "abicheck: libelf: %s\n", elf_errmsg(-1));
		return -1;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "abicheck: %s: %s\n", path, strerror(errno));
		return -1;
	}
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf) {
		fprintf(stderr, "abicheck: %s: %s\n", path, elf_errmsg(-1));
		close(fd);
		return -1;
	}
	ret = read_elf(elf, path, a);
	if (ret == -1 && elf_errno())
		fprintf(stderr, "abicheck: %s: %s\n", path, elf_errmsg(-1));
	else if (ret == -1)
		fprintf(stderr, "abicheck: %s: cannot read its dynamic symbols, versions or soname (or out of memory)\n",
			path);
	elf_end(elf);
	close(fd);
	return ret;
}

/* one line of a baseline (@types_only: of abisizes' output) into @a */
static int parse_line(char *line, int types_only, struct abi *a)
{
	char *w[4];
	int n = 0;
	char *tok, *save = NULL;

	for (tok = strtok_r(line, " \t\n", &save); tok;
	     tok = strtok_r(NULL, " \t\n", &save)) {
		if (n == 4)
			return -1;
		w[n++] = tok;
	}
	if (n == 3 && (!strcmp(w[0], "struct") || !strcmp(w[0], "union"))) {
		char key[512];

		if (strspn(w[2], "0123456789") != strlen(w[2]) ||
		    snprintf(key, sizeof(key), "%s %s", w[0], w[1]) >=
		    (int)sizeof(key))
			return -1;
		return abi_add(a, ENT_TYPE, key, w[2], 0);
	}
	if (types_only)
		return -1;
	if (n == 2 && !strcmp(w[0], "soname"))
		return abi_add(a, ENT_SONAME, w[0], w[1], 0);
	if (n == 2 || (n == 3 && !strcmp(w[2], "hidden")))
		return abi_add(a, ENT_SYMBOL, w[0], w[1], n == 3);
	return -1;
}

static int read_text(const char *path, int types_only, struct abi *a)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char line[1024];
	int lineno = 0, ret = 0;

	if (!f) {
		fprintf(stderr, "abicheck: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (!ret && fgets(line, sizeof(line), f)) {
		lineno++;
		if (line[0] == '#' || strspn(line, " \t\n") == strlen(line))
			continue;
		if (!strchr(line, '\n') && !feof(f))
			ret = -1;
		else
			ret = parse_line(line, types_only, a);
		if (ret < 0)
			fprintf(stderr, "abicheck: %s:%d: malformed line\n",
				path, lineno);
	}
	if (!ret && ferror(f)) {
		fprintf(stderr, "abicheck: %s: read error\n", path);
		ret = -1;
	}
	if (f != stdin)
		fclose(f);
	return ret;
}

/* "in NODE", "in NODE as a hidden version" or "unversioned" */
static const char *where(const struct ent *e, char *buf, size_t len)
{
	if (!strcmp(e->val, "-"))
		return "unversioned";
	snprintf(buf, len, "in %s%s", e->val,
		 e->hidden ? " as a hidden version" : "");
	return buf;
}

static void say_removed(const struct ent *b)
{
	char w[512];

	if (b->kind == ENT_SYMBOL)
		fprintf(stderr, "abicheck: %s removed (was %s)\n", b->key,
			where(b, w, sizeof(w)));
	else if (b->kind == ENT_TYPE)
		fprintf(stderr, "abicheck: %s removed from the public header (was %s bytes)\n",
			b->key, b->val);
	else
		fprintf(stderr, "abicheck: the library has no soname now (was %s)\n",
			b->val);
}

static void say_changed(const struct ent *b, const struct ent *c)
{
	const char *vb = strcmp(b->val, "-") ? b->val : "none";
	const char *vc = strcmp(c->val, "-") ? c->val : "none";

	if (b->kind == ENT_SYMBOL && !strcmp(b->val, c->val))
		fprintf(stderr, "abicheck: %s: %s is now its %s version\n",
			b->key, vb, c->hidden ? "hidden" : "default");
	else if (b->kind == ENT_SYMBOL)
		fprintf(stderr, "abicheck: %s: version node changed from %s%s to %s%s\n",
			b->key, vb, b->hidden ? " (hidden)" : "",
			vc, c->hidden ? " (hidden)" : "");
	else if (b->kind == ENT_TYPE)
		fprintf(stderr, "abicheck: %s: size changed from %s to %s bytes\n",
			b->key, b->val, c->val);
	else
		fprintf(stderr, "abicheck: soname changed from %s to %s\n",
			b->val, c->val);
}

static void say_new(const struct ent *c, const char *basepath)
{
	char w[512];

	if (c->kind == ENT_SYMBOL)
		fprintf(stderr, "abicheck: %s new (%s): ", c->key,
			where(c, w, sizeof(w)));
	else if (c->kind == ENT_TYPE)
		fprintf(stderr, "abicheck: %s new (%s bytes): ", c->key, c->val);
	else
		fprintf(stderr, "abicheck: soname %s new: ", c->val);
	fprintf(stderr, "add it to %s with make abi-update\n", basepath);
}

/* an unmatched entry of @cur with @b's key and a value @base lacks */
static long replacement(const struct abi *base, const struct abi *cur,
			const struct ent *b)
{
	long c = -1;

	while ((c = abi_find(cur, b->kind, b->key, NULL, c + 1)) >= 0)
		if (!cur->e[c].seen &&
		    abi_find(base, b->kind, b->key, cur->e[c].val, 0) < 0)
			return c;
	return -1;
}

/* prints each difference of @cur from @base, returns how many */
static int compare(const struct abi *base, struct abi *cur,
		   const char *basepath)
{
	const struct ent *b;
	size_t i;
	long c;
	int diffs = 0;

	for (i = 0; i < base->n; i++) {
		b = &base->e[i];
		c = abi_find(cur, b->kind, b->key, b->val, 0);
		if (c >= 0 && cur->e[c].hidden == b->hidden) {
			cur->e[c].seen = 1;
			continue;
		}
		if (c < 0)
			c = replacement(base, cur, b);
		if (c >= 0) {
			cur->e[c].seen = 1;
			say_changed(b, &cur->e[c]);
		} else {
			say_removed(b);
		}
		diffs++;
	}
	for (i = 0; i < cur->n; i++)
		if (!cur->e[i].seen) {
			say_new(&cur->e[i], basepath);
			diffs++;
		}
	return diffs;
}

static void print_baseline(const struct abi *a)
{
	size_t i;

	printf("# libmplsroute.abi: the library's ABI, which make check holds it to\n"
	       "# Written by make abi-update (testsuite/tools/abicheck -p), not by hand.\n"
	       "# NAME NODE [hidden]: an exported symbol and its version node;\n"
	       "# soname SONAME; struct NAME SIZE: a struct of include/mplsroute.h.\n");
	for (i = 0; i < a->n; i++)
		ent_print(stdout, &a->e[i]);
}

static size_t count_kind(const struct abi *a, int kind)
{
	size_t i, n = 0;

	for (i = 0; i < a->n; i++)
		n += a->e[i].kind == kind;
	return n;
}

static int usage(void)
{
	fprintf(stderr, "usage: abicheck LIBRARY SIZES BASELINE\n"
		"       abicheck -p LIBRARY SIZES\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct abi cur = { 0 }, base = { 0 };
	int print = argc > 1 && !strcmp(argv[1], "-p");
	int ret = 2, diffs;

	if (argc != 4)
		return usage();
	argv += print;
	if (read_library(argv[1], &cur) < 0 || read_text(argv[2], 1, &cur) < 0)
		goto out;
	qsort(cur.e, cur.n, sizeof(*cur.e), ent_cmp);
	if (print) {
		print_baseline(&cur);
		ret = fflush(stdout) || ferror(stdout) ? 2 : 0;
		goto out;
	}
	if (read_text(argv[3], 0, &base) < 0)
		goto out;
	qsort(base.e, base.n, sizeof(*base.e), ent_cmp);
	diffs = compare(&base, &cur, argv[3]);
	if (diffs) {
		fprintf(stderr, "abicheck: %s differs from %s in %d place%s; if that is deliberate, run make abi-update and commit %s\n",
			argv[1], argv[3], diffs, diffs > 1 ? "s" : "", argv[3]);
		ret = 1;
	} else {
		printf("abicheck: %s: as in %s (%zu symbols, %zu structs)\n",
		       argv[1], argv[3], count_kind(&cur, ENT_SYMBOL),
		       count_kind(&cur, ENT_TYPE));
		ret = 0;
	}
out:
	abi_free(&cur);
	abi_free(&base);
	return ret;
}
