/* fuzz_showdump.c: any bytes as a saved dump: route showdump and restore */
/*
 * Input: a mode byte (bit 0: restore, sending each message to a socketpair
 * "kernel" that never answers; bits 1-3: -o, -d, -s), then the file that
 * `ip route showdump`/`restore` reads on stdin (the magic is put first
 * when bit 4 is clear, so that most inputs get past it).
 */
#include <string.h>
#include "mplsroute.h"
#include "pairsock.h"
#include "fuzz.h"
#include "../../ip/iproute_save.c"
#include "../../ip/talk.c"
#include "../../ip/print_route.c"
#include "../../ip/foresee.c"
#include "../../ip/utils.c"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t buf[65536 + 4];
	struct ipmpls_opts opts = { 0 };
	struct ipmpls_ctx ctx = { .opts = &opts };
	FILE *in, *out = stdout, *err = stderr, *oldin = stdin;
	uint32_t magic = DUMP_MAGIC;
	size_t n = 0;
	int peer;

	if (size < 1 || size > 65536)
		return 0;
	if (!(data[0] & 16)) {
		memcpy(buf, &magic, 4);
		n = 4;
	}
	memcpy(buf + n, data + 1, size - 1);
	n += size - 1;
	in = fmemopen(buf, n ? n : 1, "r");
	ctx.sock = pair_open(&peer, 1000, 0);
	if (!in || !ctx.sock)
		abort();
	opts.oneline = data[0] & 2;
	opts.details = data[0] & 4;
	opts.stats = data[0] & 8;
	stdin = in;
	stdout = fuzz_sink();
	stderr = fuzz_sink();
	iproute_restore(&ctx, !(data[0] & 1));
	stdin = oldin;
	stdout = out;
	stderr = err;
	fclose(in);
	mplsroute_sock_close(ctx.sock);
	close(peer);
	return 0;
}
