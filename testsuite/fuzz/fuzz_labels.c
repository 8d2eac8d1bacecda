/* fuzz_labels.c: label stacks: text -> stack -> text, wire -> stack -> wire */
#include <string.h>
#include "mplsroute.h"
#include "fuzz.h"

static void same_stack(const struct mplsroute_labels *a,
		       const struct mplsroute_labels *b)
{
	FUZZ_ASSERT(a->n == b->n);
	FUZZ_ASSERT(!memcmp(a->label, b->label, a->n * sizeof(a->label[0])));
}

/* a parsed or decoded stack survives format/parse and to/from wire */
static void round_trips(const struct mplsroute_labels *ls)
{
	struct mplsroute_labels back;
	char text[MPLSROUTE_MAX_LABELS * 8 + 1];
	unsigned char wire[MPLSROUTE_MAX_LABELS * 4];
	int n;

	n = mplsroute_labels_format(ls, text, sizeof(text));
	FUZZ_ASSERT(n >= 0 && (size_t)n == strlen(text));
	if (ls->n == 0)
		return;
	FUZZ_ASSERT(mplsroute_labels_parse(&back, text) == 0);
	same_stack(ls, &back);
	n = mplsroute_labels_to_wire(ls, wire, sizeof(wire));
	FUZZ_ASSERT(n == 4 * ls->n);
	FUZZ_ASSERT(mplsroute_labels_from_wire(&back, wire, (size_t)n) == 0);
	same_stack(ls, &back);
	/* one byte short: refused, nothing written past it */
	FUZZ_ASSERT(mplsroute_labels_to_wire(ls, wire, (size_t)n - 1) < 0);
	FUZZ_ASSERT(mplsroute_labels_format(ls, text, 1) < 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mplsroute_labels ls;
	char text[512];

	if (size < 1)
		return 0;
	if (data[0] & 1) {	/* the rest as wire label stack entries */
		if (mplsroute_labels_from_wire(&ls, data + 1, size - 1) == 0)
			round_trips(&ls);
		return 0;
	}
	if (size - 1 >= sizeof(text))
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	if (mplsroute_labels_parse(&ls, text) == 0)
		round_trips(&ls);
	return 0;
}
