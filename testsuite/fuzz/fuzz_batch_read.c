/* fuzz_batch_read.c: any bytes as a -batch file: lines, then words */
#include "fuzz.h"
#include "../../ip/batch_read.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *quiet;
	struct batch_reader r;
	char *argv[100];
	FILE *in, *err = stderr;
	int ret, argc, i;

	if (size == 0)
		return 0;
	if (!quiet)
		quiet = fopen("/dev/null", "w");
	in = fmemopen((void *)data, size, "r");
	if (!in || !quiet)
		abort();
	stderr = quiet;	/* the reader's messages (not the sanitizers') */
	batch_reader_init(&r, in, "fuzz");
	while ((ret = batch_getline(&r)) == 0) {
		FUZZ_ASSERT(r.len == strlen(r.line));
		FUZZ_ASSERT(r.len <= BATCH_LINE_MAX);
		FUZZ_ASSERT(r.lineno >= 1);
		argc = makeargs(r.line, argv, 100);
		FUZZ_ASSERT(argc < 100);
		for (i = 0; i < argc; i++)
			FUZZ_ASSERT(argv[i] != NULL);
		if (argc >= 0)
			FUZZ_ASSERT(argv[argc] == NULL);
	}
	FUZZ_ASSERT(ret == -1 || ret == -2);
	stderr = err;
	batch_reader_free(&r);
	fclose(in);
	return 0;
}
