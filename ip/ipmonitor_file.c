/* ipmonitor_file.c: `monitor file FILE`: a saved stream (rtmon's), decoded */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "ipops.h"
#include "utils.h"

#define MF_CHUNK	(64 * 1024)
#define MF_MAX		(16 * 1024 * 1024)	/* the longest message */

struct mfile {
	const char *path;
	unsigned char *buf;
	size_t have, cap;
	unsigned long long base;	/* offset in the file of buf[0] */
};

/* room for at least one more chunk; 0 or -ENOMEM / -EFBIG */
static int mf_room(struct mfile *mf)
{
	unsigned char *p;
	size_t cap;

	if (mf->cap - mf->have >= MF_CHUNK / 2)
		return 0;
	cap = mf->cap ? 2 * mf->cap : MF_CHUNK;
	if (cap > MF_MAX + MF_CHUNK)
		return -EFBIG;
	p = realloc(mf->buf, cap);
	if (!p)
		return -ENOMEM;
	mf->buf = p;
	mf->cap = cap;
	return 0;
}

/* decodes what is whole in the buffer; 0, or the exit code after saying why */
static int mf_decode(struct mfile *mf, mplsroute_event_cb cb, void *data)
{
	size_t used;
	int ret;

	ret = mplsroute_monitor_decode(mf->buf, mf->have, &used, cb, data);
	fflush(stdout);
	if (ret == -EBADMSG) {
		fprintf(stderr, "ipmpls: \"%s\": malformed message at byte "
			"%llu\n", mf->path, mf->base + used);
		return EXIT_BADARG;
	}
	if (ret < 0) {
		fprintf(stderr, "ipmpls: \"%s\": %s\n", mf->path,
			strerror(-ret));
		return EXIT_BADARG;
	}
	memmove(mf->buf, mf->buf + used, mf->have - used);
	mf->have -= used;
	mf->base += used;
	return 0;
}

static int mf_loop(struct mfile *mf, FILE *f, mplsroute_event_cb cb,
		   void *data)
{
	size_t n;
	int ret;

	for (;;) {
		ret = mf_room(mf);
		if (ret < 0) {
			fprintf(stderr, "ipmpls: \"%s\": message at byte %llu "
				"too long\n", mf->path, mf->base);
			return EXIT_BADARG;
		}
		n = fread(mf->buf + mf->have, 1, mf->cap - mf->have, f);
		if (n == 0)
			break;
		mf->have += n;
		ret = mf_decode(mf, cb, data);
		if (ret)
			return ret;
	}
	if (ferror(f)) {
		fprintf(stderr, "ipmpls: \"%s\": %s\n", mf->path,
			strerror(errno));
		return EXIT_BADARG;
	}
	if (mf->have) {
		fprintf(stderr, "ipmpls: \"%s\": truncated message at byte "
			"%llu (%zu bytes left)\n", mf->path, mf->base,
			mf->have);
		return EXIT_BADARG;
	}
	return EXIT_OK;
}

int ipmonitor_file(const char *path, mplsroute_event_cb cb, void *data)
{
	struct mfile mf = { .path = path };
	FILE *f = fopen(path, "r");
	int rc;

	if (!f) {
		fprintf(stderr, "Cannot fopen \"%s\": %s\n", path,
			strerror(errno));
		return EXIT_USAGE;
	}
	rc = mf_loop(&mf, f, cb, data);
	fclose(f);
	free(mf.buf);
	return rc;
}

static ssize_t names_find(const struct ipmonitor_names *nm, uint32_t idx)
{
	size_t i;

	for (i = 0; i < nm->n; i++)
		if (nm->v[i].idx == idx)
			return (ssize_t)i;
	return -1;
}

/* IFLA_IFNAME of a link message, or NULL */
static const char *link_name(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(struct ifinfomsg))
		return NULL;
	mnl_attr_for_each(a, nlh, sizeof(struct ifinfomsg))
		if (mnl_attr_get_type(a) == IFLA_IFNAME &&
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
			return mnl_attr_get_str(a);
	return NULL;
}

int ipmonitor_learn(struct ipmonitor_names *nm, const struct nlmsghdr *nlh)
{
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
	const char *name;
	ssize_t i;

	if (nlh->nlmsg_type != RTM_NEWLINK && nlh->nlmsg_type != RTM_DELLINK)
		return 0;
	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*ifi) ||
	    ifi->ifi_index <= 0)
		return 0;
	i = names_find(nm, (uint32_t)ifi->ifi_index);
	if (nlh->nlmsg_type == RTM_DELLINK) {
		if (i >= 0)
			nm->v[i] = nm->v[--nm->n];
		return 0;
	}
	name = link_name(nlh);
	if (!name)
		return 0;
	if (i < 0) {
		if (nm->n == nm->cap) {
			size_t cap = nm->cap ? 2 * nm->cap : 16;
			void *p = realloc(nm->v, cap * sizeof(*nm->v));

			if (!p)
				return -ENOMEM;
			nm->v = p;
			nm->cap = cap;
		}
		i = (ssize_t)nm->n++;
		nm->v[i].idx = (uint32_t)ifi->ifi_index;
	}
	snprintf(nm->v[i].name, sizeof(nm->v[i].name), "%s", name);
	return 0;
}

const char *ipmonitor_name(const struct ipmonitor_names *nm, uint32_t idx)
{
	ssize_t i = names_find(nm, idx);

	return i < 0 ? NULL : nm->v[i].name;
}

void ipmonitor_names_free(struct ipmonitor_names *nm)
{
	free(nm->v);
	nm->v = NULL;
	nm->n = nm->cap = 0;
}
