/* Helpers shared between the runtime's own C files (and its tests).
 * Generated code never calls these; the public ABI is rpy.h. */
#ifndef RPY_INTERNAL_H
#define RPY_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "rpy.h"

/* Write out whatever rpy_write_* has buffered (rpy_io.c). */
void rpy_io_flush(void);
/* write(2) all of p[0..n-1] to fd, retrying short writes and EINTR;
 * gives up silently on other errors (there is nowhere to report them). */
void rpy_fd_write_all(int fd, const char *p, int64_t n);

/* Longest output of rpy_format_float, including the NUL. */
#define RPY_FLOAT_REPR_MAX 32
/* repr(x) as CPython prints it, NUL-terminated; returns the length. */
int rpy_format_float(double x, char *buf);

/* Decode one code point from p[0..avail-1] (avail >= 1), storing the
 * number of bytes used in *len.  Bytes that do not start a well-formed
 * UTF-8 sequence decode one at a time to U+DC80..U+DCFF, which is what
 * Python's surrogateescape gives for the same bytes in argv (rpy_str.c). */
int32_t rpy_utf8_next(const unsigned char *p, int64_t avail, int *len);

/* Preallocates the MemoryError instance (rpy_exc.c); after rpy_gc_init. */
void rpy_exc_init(void);

/* --- the collector (rpy_gc.c) ---------------------------------------- */

/* rpy_stack_check() reports RecursionError once rpy_shadowstack_top is
 * above this (NULL until rpy_gc_init, which never fires). */
extern void **rpy_shadowstack_limit;

/* Runtime C code that allocates while holding GC pointers must keep them
 * where the collector can see and update them, exactly as generated code
 * does:
 *
 *     RPY_PUSH_ROOT(s);
 *     rpy_str *r = rpy_gc_malloc_varsize(RPY_TID_STR, n);
 *     RPY_POP_ROOT(s);   // s may have moved: reloaded from the slot
 *
 * Pops must mirror pushes in reverse order, also on the way out after an
 * allocation failed (NULL, with MemoryError in rpy_exc_value). */
#define RPY_PUSH_ROOT(p) (*rpy_shadowstack_top++ = (void *)(p))
#define RPY_POP_ROOT(p) ((p) = (__typeof__(p))*--rpy_shadowstack_top)

/* A minor collection, followed by a major one if the old generation has
 * grown enough (rpy_gc_collect always does both). */
void rpy_gc_minor_collect(void);
/* True if p points into the nursery (the object may still move). */
bool rpy_gc_is_young(const void *p);

typedef struct rpy_gc_stats {
    uint64_t minor_collections;
    uint64_t major_collections;
    uint64_t bytes_allocated; /* nursery and large objects, since start */
    uint64_t old_bytes;       /* bytes of old-generation objects now */
    uint64_t heap_bytes;      /* old-generation memory held, free or not */
    uint64_t peak_old_bytes;
    uint64_t nursery_size;
    uint64_t prebuilt_roots;  /* prebuilt objects ever written to */
    bool debug;               /* RPY_GC_DEBUG */
} rpy_gc_stats;
void rpy_gc_get_stats(rpy_gc_stats *out);

#endif
