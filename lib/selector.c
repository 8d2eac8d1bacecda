/* selector.c: the words of `ip route show/flush/save` -> a route filter */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "grammar_int.h"

/* what the words select */
struct sel {
	struct mr_words w;
	struct mplsroute_filter *f;
	int family;		/* what to dump */
	const char *idev, *odev;
	int idevi, odevi;
};

/* a prefix word into @p; 0 or -errno */
static int sel_prefix(struct sel *s, struct mplsroute_prefix *p, int family)
{
	if (mplsroute_prefix_parse(&p->addr, mr_word(&s->w), family) < 0)
		return mr_err_prefix(&s->w, family);
	p->bitlen = p->addr.bitlen;
	if (!p->addr.family)
		p->bitlen = 0;
	return 0;
}

static int sel_table(struct sel *s, const char *arg)
{
	uint32_t id;

	if (mplsroute_table_a2n(&id, arg) == 0)
		s->f->table = id;
	else if (strcmp(arg, "all") == 0)
		s->f->table = 0;
	else if (strcmp(arg, "cache") == 0)
		s->f->cloned = 1;
	else if (strcmp(arg, "help") == 0)
		return mr_err_usage(&s->w);
	else
		return mr_err_invarg(&s->w, "table id value is invalid\n");
	return 0;
}

/* proto/scope: a name or number, or "all"; sets *v and *mask */
static int sel_all(struct sel *s, int (*a2n)(uint32_t *, const char *),
		   uint8_t *v, uint8_t *mask, uint8_t all, const char *why)
{
	uint32_t n;

	*mask = 0xff;
	if (a2n(&n, mr_word(&s->w))) {
		if (strcmp(mr_word(&s->w), "all"))
			return mr_err_invarg(&s->w, why);
		n = all;
		*mask = 0;
	}
	*v = (uint8_t)n;
	return 0;
}

/* type/tos: a name or number */
static int sel_one(struct sel *s, int (*a2n)(uint32_t *, const char *),
		   uint8_t *v, uint8_t *mask, const char *why)
{
	uint32_t n;

	if (a2n(&n, mr_word(&s->w)))
		return mr_err_invarg(&s->w, why);
	*mask = 0xff;
	*v = (uint8_t)n;
	return 0;
}

/* [to|from] [root|match|exact] PREFIX */
static int sel_dst_src(struct sel *s, int src)
{
	struct mplsroute_prefix *r = src ? &s->f->rsrc : &s->f->rdst;
	struct mplsroute_prefix *m = src ? &s->f->msrc : &s->f->mdst;
	int ret;

	if (!src && mplsroute_abbrev(mr_word(&s->w), "to") &&
	    (ret = mr_need(&s->w)))
		return ret;
	if (mplsroute_abbrev(mr_word(&s->w), "root"))
		return mr_need(&s->w) ? -EINVAL : sel_prefix(s, r, s->family);
	if (mplsroute_abbrev(mr_word(&s->w), "match"))
		return mr_need(&s->w) ? -EINVAL : sel_prefix(s, m, s->family);
	if (mplsroute_abbrev(mr_word(&s->w), "exact") &&
	    (ret = mr_need(&s->w)))
		return ret;
	ret = sel_prefix(s, m, s->family);
	if (ret == 0)
		*r = *m;
	return ret;
}

static int sel_via(struct sel *s)
{
	int family;

	if (mr_need(&s->w))
		return -EINVAL;
	family = mplsroute_family_a2n(mr_word(&s->w));
	if (family == AF_UNSPEC)
		family = s->family;
	else if (mr_need(&s->w))
		return -EINVAL;
	return sel_prefix(s, &s->f->rvia, family);
}

/* realms [FROM/]TO, and the bits 4.4 then compares */
static int sel_realms(struct sel *s)
{
	const char *arg = mr_word(&s->w), *slash = strchr(arg, '/');
	struct mplsroute_filter *f = s->f;
	size_t n = strlen(arg);

	if (mr_realms_parse(&f->realm, arg) < 0)
		return mr_err_invarg(&s->w, "invalid realms\n");
	f->realmmask = ~0u;
	if ((f->realm & 0xFFFF) == 0 && n && arg[n - 1] == '/')
		f->realmmask &= ~0xFFFFu;
	if ((f->realm & 0xFFFF0000u) == 0 && (!slash || arg[0] == '/'))
		f->realmmask &= ~0xFFFF0000u;
	return 0;
}

/* the keywords that take a value (the cursor moves on to it first) */
static int takes_value(const char *w)
{
	return mplsroute_abbrev(w, "table") || mplsroute_abbrev(w, "protocol") ||
	       mplsroute_abbrev(w, "scope") || mplsroute_abbrev(w, "type") ||
	       strcmp(w, "tos") == 0 || mplsroute_abbrev(w, "dsfield") ||
	       strcmp(w, "dev") == 0 || strcmp(w, "oif") == 0 ||
	       strcmp(w, "iif") == 0 || strcmp(w, "mark") == 0 ||
	       strcmp(w, "src") == 0 || mplsroute_abbrev(w, "realms") ||
	       mplsroute_abbrev(w, "from");
}

/* a keyword of the fields: 1 if @w is none of them */
static int sel_field(struct sel *s, const char *w)
{
	struct mplsroute_filter *f = s->f;

	if (mplsroute_abbrev(w, "table"))
		return sel_table(s, mr_word(&s->w));
	if (strcmp(w, "tos") == 0 || mplsroute_abbrev(w, "dsfield"))
		return sel_one(s, mplsroute_dsfield_a2n, &f->tos, &f->tosmask,
			       "TOS value is invalid\n");
	if (mplsroute_abbrev(w, "protocol"))
		return sel_all(s, mplsroute_proto_a2n, &f->protocol,
			       &f->protocolmask, 0, "invalid \"protocol\"\n");
	if (mplsroute_abbrev(w, "scope"))
		return sel_all(s, mplsroute_scope_a2n, &f->scope,
			       &f->scopemask, RT_SCOPE_NOWHERE,
			       "invalid \"scope\"\n");
	if (mplsroute_abbrev(w, "type"))
		return sel_one(s, mplsroute_type_a2n, &f->type, &f->typemask,
			       "node type value is invalid\n");
	return 1;
}

/* one selector word (and its argument); 0 or -errno */
static int sel_word(struct sel *s)
{
	const char *w = mr_word(&s->w);
	int ret;

	if (takes_value(w) && (ret = mr_need(&s->w)))
		return ret;
	ret = sel_field(s, w);
	if (ret != 1)
		return ret;
	if (mplsroute_abbrev(w, "cached") || mplsroute_abbrev(w, "cloned")) {
		s->f->cloned = 1;
	} else if (strcmp(w, "dev") == 0 || strcmp(w, "oif") == 0) {
		s->odev = mr_word(&s->w);
		s->odevi = s->w.argi;
	} else if (strcmp(w, "iif") == 0) {
		s->idev = mr_word(&s->w);
		s->idevi = s->w.argi;
	} else if (strcmp(w, "mark") == 0) {
		;	/* read and not used, as in 4.4 */
	} else if (strcmp(w, "via") == 0) {
		return sel_via(s);
	} else if (strcmp(w, "src") == 0) {
		return sel_prefix(s, &s->f->rprefsrc, s->family);
	} else if (mplsroute_abbrev(w, "realms")) {
		return sel_realms(s);
	} else if (mplsroute_abbrev(w, "from")) {
		return sel_dst_src(s, 1);
	} else {
		return sel_dst_src(s, 0);
	}
	return 0;
}

static int sel_devices(struct sel *s)
{
	struct mplsroute_filter *f = s->f;

	if (s->idev) {
		f->iif = mr_ifindex(&s->w, s->idev);
		if (!f->iif)
			return mr_err_nodev(&s->w, s->idevi, s->idev, 0);
		f->iifmask = 1;
	}
	if (s->odev) {
		f->oif = mr_ifindex(&s->w, s->odev);
		if (!f->oif)
			return mr_err_nodev(&s->w, s->odevi, s->odev, 0);
		f->oifmask = 1;
	}
	return 0;
}

MR_EXPORT int mplsroute_filter_parse_args(struct mplsroute_filter *f,
					  int *family, int argc,
					  char *const *argv,
					  const struct mplsroute_parse_opts *o,
					  struct mplsroute_error *err)
{
	struct mplsroute_error scratch;
	struct sel s = {
		.w = { .argc = argc, .argv = argv, .o = o,
		       .err = err ? err : &scratch },
		.f = f,
		.family = o ? o->family : AF_UNSPEC,
	};
	int ret;

	mr_err_clear(s.w.err);
	if (!f || argc < 0 || (argc && !argv))
		return -EINVAL;
	mplsroute_filter_init(f);
	while (s.w.argc > 0) {
		ret = sel_word(&s);
		if (ret)
			return ret;
		mr_skip(&s.w);
	}
	if (s.family == AF_UNSPEC && f->table)
		s.family = AF_INET;
	if (family)
		*family = s.family;
	return sel_devices(&s);
}
