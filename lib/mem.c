/* mem.c: the big objects (socket, route): zeroed mappings of their own */
#include <stdlib.h>
#include <sys/mman.h>

#include "internal.h"

/*
 * Built with AddressSanitizer (the sanitize group, the fuzzers) the objects
 * come from calloc, so that the sanitizer sees every access to them;
 * otherwise from mmap: a process that adds one route then never sets up
 * malloc, and of the zero pages only those written are touched.
 */
#if defined(__SANITIZE_ADDRESS__)
#define MR_MEM_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MR_MEM_MALLOC 1
#endif
#endif

MR_HOT
void *mr_obj_alloc(size_t size)
{
#ifdef MR_MEM_MALLOC
	return calloc(1, size);
#else
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
#endif
}

MR_HOT
void mr_obj_free(void *p, size_t size)
{
	if (!p)
		return;
#ifdef MR_MEM_MALLOC
	(void)size;
	free(p);
#else
	munmap(p, size);
#endif
}
