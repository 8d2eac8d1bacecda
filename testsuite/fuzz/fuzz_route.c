/* fuzz_route.c: one route message -> decoder -> text and JSON printers */
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include "internal.h"
#include "fuzz.h"

static int fuzz_ifname(uint32_t ifindex, char *buf, size_t len, void *data)
{
	if (ifindex % 3 == 0)
		return -1;	/* unknown: if<N> */
	snprintf(buf, len, "dev%u", ifindex);
	return 0;
}

static void print_both(const struct mplsroute_route *rt, uint8_t how)
{
	struct mplsroute_print_opts o = {
		.oneline = how & 1, .details = how & 2, .deleted = how & 4,
		.stats = how & 8, .hide = how & 16 ? 0x3ff : 0, .hz = 100,
		.ifname = fuzz_ifname,
	};
	struct mplsroute_json j;

	mplsroute_route_print(fuzz_sink(), rt, &o);
	mplsroute_json_open(&j, fuzz_sink(), how & 32);
	mplsroute_route_print_json(&j, rt, &o);
	mplsroute_json_close(&j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct mplsroute_route *rt;
	struct nlmsghdr *nlh;
	uint32_t len;
	uint8_t how;

	if (size < 1 + NLMSG_HDRLEN)
		return 0;
	if (!rt)
		rt = mplsroute_route_new();
	how = data[0];
	/* a buffer exactly as long as the message: ASan sees any overread */
	nlh = malloc(size - 1);
	if (!nlh || !rt)
		abort();
	memcpy(nlh, data + 1, size - 1);
	/* the socket layer lets through only lengths within the datagram */
	if (!mr_nlmsg_ok(nlh, size - 1) || (how & 64)) {
		len = (uint32_t)(size - 1);
		memcpy(&nlh->nlmsg_len, &len, sizeof(len));
	}
	if (mplsroute_route_decode(nlh, rt) == 0)
		print_both(rt, how);
	free(nlh);
	return 0;
}
