/* utils.c: CLI word helpers: the cursor, device names cached */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/ioctl.h>

#include "ipmpls.h"
#include "utils.h"

IP_HOT
int arg_next(struct argcur *c)
{
	if (c->argc <= 1)
		return -1;
	c->argc--;
	c->argv++;
	return 0;
}

/*
 * @name's ifindex (0: none), asked through the open route socket when
 * there is one: if_nametoindex() would open and close a socket of its own
 */
static unsigned name_to_index(struct ipmpls_ctx *ctx, const char *name)
{
	int fd = ctx->sock ? mplsroute_sock_fd(ctx->sock) : -1;
	struct ifreq ifr;

	if (fd < 0)
		return if_nametoindex(name);
	if (strlen(name) >= IF_NAMESIZE)
		return 0;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, name);
	if (ioctl(fd, SIOCGIFINDEX, &ifr) < 0)
		return 0;
	return (unsigned)ifr.ifr_ifindex;
}

/* the ifindex of a name remembered for the run (a batch looks each device up
 * once); 0, or -ENODEV */
IP_HOT
static int cached_ifindex(const char *name, uint32_t *index, void *data)
{
	struct ipmpls_names *n = &((struct ipmpls_ctx *)data)->names;
	unsigned i, idx;

	for (i = 0; i < n->ndev; i++) {
		if (strncmp(n->dev[i].name, name, IF_NAMESIZE) == 0) {
			*index = n->dev[i].idx;
			return 0;
		}
	}
	idx = name_to_index(data, name);
	if (!idx)
		return -ENODEV;
	if (strlen(name) < IF_NAMESIZE) {
		i = n->ndev < IPMPLS_CACHE ? n->ndev++ : idx % IPMPLS_CACHE;
		strcpy(n->dev[i].name, name);
		n->dev[i].idx = idx;
	}
	*index = idx;
	return 0;
}

IP_HOT
void ipmpls_parse_opts(struct ipmpls_ctx *ctx, struct mplsroute_parse_opts *o,
		       uint16_t nlmsg_type)
{
	memset(o, 0, sizeof(*o));
	o->family = ctx->opts->family;
	o->ifindex = cached_ifindex;
	o->data = ctx;
	o->nlmsg_type = nlmsg_type;
}

/* snprintf(@buf, @len, "%s", @name) without stdio: a route show's hot path */
static void put_name(char *buf, size_t len, const char *name)
{
	size_t n = strlen(name);

	if (!len)
		return;
	if (n >= len)
		n = len - 1;
	memcpy(buf, name, n);
	buf[n] = '\0';
}

int ipmpls_ifname(uint32_t idx, char *buf, size_t len, void *data)
{
	struct ipmpls_names *n = &((struct ipmpls_ctx *)data)->names;
	unsigned int i;

	for (i = 0; i < IPMPLS_CACHE; i++) {
		if (n->ifn[i].idx != idx || !idx)
			continue;
		if (len >= IF_NAMESIZE)	/* the name and its NUL, no strlen */
			memcpy(buf, n->ifn[i].name, IF_NAMESIZE);
		else
			put_name(buf, len, n->ifn[i].name);
		return 0;
	}
	i = n->nextifn;
	if (!if_indextoname(idx, n->ifn[i].name))
		return -errno;
	n->ifn[i].idx = idx;
	put_name(buf, len, n->ifn[i].name);
	n->nextifn = (i + 1) % IPMPLS_CACHE;
	return 0;
}

int ipmpls_stdout_tty(void)
{
	static int tty = -1;

	if (tty < 0)
		tty = isatty(STDOUT_FILENO);
	return tty;
}

void ipmpls_stdout_big(void)
{
	static char buf[64 << 10];
	static int done;

	if (done)
		return;
	done = 1;
	if (ipmpls_stdout_tty())
		return;
	fflush(stdout);
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
}
