/* fuzz.h: shared by the fuzz targets (libFuzzer entry points, sinks) */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a check that the fuzzer reports as a crash */
#define FUZZ_ASSERT(c) do {						\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: FUZZ_ASSERT(%s) failed\n",	\
			__FILE__, __LINE__, #c);			\
		abort();						\
	}								\
} while (0)

/* where printers write: /dev/null, opened once */
static inline FILE *fuzz_sink(void)
{
	static FILE *f;

	if (!f)
		f = fopen("/dev/null", "w");
	if (!f)
		abort();
	return f;
}

#ifdef FUZZ_STANDALONE
/* without libFuzzer: run the target on each file named (reproducers) */
int main(int argc, char **argv)
{
	static uint8_t buf[1 << 20];
	size_t n;
	FILE *f;
	int i;

	for (i = 1; i < argc; i++) {
		f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
	}
	return 0;
}
#endif

#endif
