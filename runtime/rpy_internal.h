/* Helpers shared between the runtime's own C files (and its tests).
 * Generated code never calls these; the public ABI is rpy.h. */
#ifndef RPY_INTERNAL_H
#define RPY_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

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

/* --- errors from the system and from UTF-8 (rpy_os.c, rpy_bytes.c) --- */

/* Raises OSError, or the subclass CPython picks for errno e, with
 * CPython's message "[Errno 2] No such file or directory", followed by
 * ": " and repr(path) when path is not NULL (rpy_os.c).  Allocates: the
 * caller holds no other GC pointer. */
void rpy_raise_errno(int e, rpy_str *path);
/* Checks that p[0..n-1] is strict UTF-8, as bytes.decode() wants it, and
 * counts its code points into *nchars.  Returns how many bytes make up
 * whole characters: n, or fewer when !final and p ends inside a
 * character that more bytes could complete (left for the next call, as
 * CPython's incremental decoder keeps them).  An invalid sequence raises
 * UnicodeDecodeError as CPython words it, positions counted from p, and
 * gives -1 (rpy_bytes.c). */
int64_t rpy_utf8_check(const char *p, int64_t n, bool final, int64_t *nchars);

/* --- files (rpy_file.c) ----------------------------------------------- */

/* The size of each read(2) a file object makes, and of its write buffer
 * (CPython's text files read in chunks of this size too, which shows in
 * the positions of decoding errors). */
#define RPY_FILE_BUFFER 8192

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

/* rpy_gc_malloc_varsize for a type without GC pointers whose items the
 * caller writes, every one, before anything reads the object or
 * allocates: the items start as garbage (poison in debug mode). */
void *rpy_gc_malloc_varsize_unfilled(uint32_t tid, int64_t length);
/* A minor collection, followed by a major one if the old generation has
 * grown enough (rpy_gc_collect always does both). */
void rpy_gc_minor_collect(void);
/* True if p points into the nursery (the object may still move).  A young
 * large object (rpy_gc.c) is young too, but never moves: false for it. */
bool rpy_gc_is_young(const void *p);
/* True if p is a young large object: allocated outside the nursery since
 * the last minor collection (for tests). */
bool rpy_gc_is_young_large(const void *p);
/* Grows the varsize object obj (an array) to `length` items in place if
 * it is a large object (malloc'ed, young or old), zeroing the new items; returns its address,
 * which may have changed: the caller must own the only reference to obj
 * (as a list owns its items array) and update it.  NULL when obj is not
 * such an object or memory is short: obj is unchanged, and the caller
 * allocates a new one as usual.  Never collects. */
void *rpy_gc_resize_large(void *obj, int64_t length);
/* Changes at every collection.  Only a collection moves or frees objects,
 * so an address seen in one epoch names the same object until the epoch
 * changes (rpy_str.c caches positions in strings by address). */
uint64_t rpy_gc_epoch(void);

typedef struct rpy_gc_stats {
    uint64_t minor_collections;
    uint64_t major_collections;
    uint64_t bytes_allocated; /* nursery and large objects, since start */
    uint64_t old_bytes;       /* bytes of old-generation objects now */
    uint64_t young_large_bytes; /* bytes of young large objects now */
    uint64_t young_large_limit; /* a minor collection rather than more */
    uint64_t large_freed_young; /* young large objects freed by minor collections */
    uint64_t large_promoted;    /* young large objects that survived one */
    uint64_t heap_bytes;      /* held from malloc: pages (free or not), large objects */
    uint64_t peak_old_bytes;
    uint64_t nursery_size;
    uint64_t prebuilt_roots;  /* prebuilt objects ever written to */
    bool debug;               /* RPY_GC_DEBUG */
} rpy_gc_stats;
void rpy_gc_get_stats(rpy_gc_stats *out);

/* --- lists (rpy_list.c) ---------------------------------------------- */

/* Where item 0 of l is, its items being `size` bytes each: slot
 * l->start of its array (rpy.h).  Item i follows at i * size. */
static inline char *rpy_list_item0(const rpy_list *l, uint32_t size) {
    return l->items->items + l->start * (int64_t)size;
}

/* Item i of l as a 64-bit pattern (a bool's is 0 or 1). */
static inline uint64_t rpy_list_get(const rpy_list *l, int64_t i) {
    uint32_t size = rpy_type_table[l->items->hdr.tid].item_size;
    const char *p = rpy_list_item0(l, size) + i * (int64_t)size;
    if (size == 1)
        return (unsigned char)*p;
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* --- strings (rpy_str.c, rpy_strops.c, rpy_format.c, rpy_unicode.c) --- */

/* Character properties, as CPython 3.11's str methods see each code
 * point (rpy_unicode.c, generated by tools/gen_unicode.py). */
enum {
    RPY_U_ALPHA = 1 << 0,     /* isalpha */
    RPY_U_DECIMAL = 1 << 1,   /* isdecimal */
    RPY_U_DIGIT = 1 << 2,     /* isdigit */
    RPY_U_NUMERIC = 1 << 3,   /* isnumeric */
    RPY_U_SPACE = 1 << 4,     /* isspace: what split() and strip() remove */
    RPY_U_UPPER = 1 << 5,     /* Uppercase */
    RPY_U_LOWER = 1 << 6,     /* Lowercase */
    RPY_U_TITLE = 1 << 7,     /* titlecase letter (gc=Lt) */
    RPY_U_PRINTABLE = 1 << 8, /* isprintable: repr() shows it as is */
    RPY_U_CASED = 1 << 9,     /* for the Final_Sigma rule of lower() */
    RPY_U_CASE_IGNORABLE = 1 << 10,
    RPY_U_SPECIAL_UPPER = 1 << 11, /* upper() gives several code points */
    RPY_U_SPECIAL_LOWER = 1 << 12, /* lower() gives several code points */
    RPY_U_LINEBREAK = 1 << 13,     /* splitlines() splits here */
};
typedef struct rpy_uchar {
    uint16_t flags;
    int32_t lower, upper; /* one-code-point case mappings, as c + delta */
} rpy_uchar;
/* The properties of code point c (any value: non-characters have none). */
const rpy_uchar *rpy_unicode(int32_t c);
/* The UTF-8 of a SPECIAL_UPPER / SPECIAL_LOWER mapping, or NULL. */
const char *rpy_unicode_special(int32_t c, bool upper);

/* Value 0..9 of a Unicode decimal digit, or -1. */
int rpy_digit_value(int32_t c);
/* The UTF-8 bytes of c (0 <= c < 0x110000) into out; returns 1..4.  The
 * code points U+DC80..U+DCFF become the single byte they stand for (see
 * rpy_utf8_next); other surrogates get the three bytes UTF-8 would give
 * them, which decode back as three code points. */
int rpy_utf8_encode(int32_t c, char *out);
/* Code points in p[0..n-1], decoded as rpy_utf8_next does. */
int64_t rpy_utf8_count(const char *p, int64_t n);
/* The start of the code point that ends at byte b of p (0 < b, b a code
 * point boundary). */
int64_t rpy_utf8_prev(const char *p, int64_t b);

/* memcpy(dst, src, n) for the short pieces that join, replace and
 * split copy by the million, most of them a few bytes long: there a call
 * to memcpy costs more than the copy.  Up to 16 bytes take two loads and
 * two stores that may overlap, never outside [0, n). */
static inline void rpy_copy_short(char *dst, const char *src, int64_t n) {
    if (n > 16) {
        memcpy(dst, src, (size_t)n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + n - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
    } else if (n > 0) {
        char a = src[0], b = src[n / 2], c = src[n - 1];
        dst[0] = a;
        dst[n / 2] = b;
        dst[n - 1] = c;
    }
}

/* memcmp(a, b, n) == 0 for the same short strings: words compared as a
 * dict finds its key, by loads that may overlap, never outside [0, n). */
static inline bool rpy_bytes_equal(const char *a, const char *b, int64_t n) {
    if (n > 16)
        return memcmp(a, b, (size_t)n) == 0;
    if (n >= 8) {
        uint64_t a0, a1, b0, b1;
        memcpy(&a0, a, 8);
        memcpy(&b0, b, 8);
        memcpy(&a1, a + n - 8, 8);
        memcpy(&b1, b + n - 8, 8);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (n >= 4) {
        uint32_t a0, a1, b0, b1;
        memcpy(&a0, a, 4);
        memcpy(&b0, b, 4);
        memcpy(&a1, a + n - 4, 4);
        memcpy(&b1, b + n - 4, 4);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

/* A new string of n zeroed bytes said to hold nchars code points (the
 * caller fills it in); n == 0 gives the prebuilt "". */
rpy_str *rpy_str_alloc(int64_t n, int64_t nchars);
/* The same, but the caller writes all n bytes before anything reads the
 * string or allocates: they start as garbage, not zeros. */
rpy_str *rpy_str_alloc_unfilled(int64_t n, int64_t nchars);
/* The prebuilt one-character string for c < 128. */
rpy_str *rpy_str_ascii(int c);
/* Byte offset of code point i of s (0 <= i <= nchars). */
int64_t rpy_str_offset(rpy_str *s, int64_t i);
/* Does a code point of s start at byte off (0 <= off <= length)? */
bool rpy_str_is_boundary(const rpy_str *s, int64_t off);
/* s[b0:b1] by bytes (both boundaries), holding nchars code points;
 * roots s itself. */
rpy_str *rpy_str_bytes_slice(rpy_str *s, int64_t b0, int64_t b1, int64_t nchars);

/* How repr() shows code point c inside quote marks `quote`: writes the
 * escape to out (at most 10 bytes and a NUL) and returns its length, or
 * returns 0 when c appears as itself.  ascii: escape all of non-ASCII. */
int rpy_repr_escape(int32_t c, char quote, bool ascii, char *out);
/* The quote mark repr() puts around these bytes. */
char rpy_repr_quote(const char *p, int64_t n);

/* Builders inside the runtime: storage with the size and alignment that
 * generated code reserves. */
typedef union rpy_builder_space {
    char bytes[RPY_BUILDER_BYTES];
    int64_t align;
} rpy_builder_space;
/* Appends repr(p[0..n-1]) (ascii(): escaping all of non-ASCII). */
void rpy_builder_add_repr(rpy_builder *b, const char *p, int64_t n, bool ascii);

/* --- value descriptors (rpy_repr.c reads them for repr(), rpy_dict.c
 * for tuple keys) ----------------------------------------------------------
 *
 * A descriptor names a value's type (grammar in rpy_repr.c and at
 * rpy_builder_add_value_repr in rpy.h): i f b n s, Lx, Sx, Dkv, and
 * T<n>;x1...xn.  A tuple value is a GC pointer to a header followed by one
 * 8-byte slot per item, whatever the item: item i is at byte offset
 * sizeof(rpy_hdr) + 8 * i, an int or float in its slot's 8 bytes, a bool
 * in the slot's first byte, anything else (str, None, list, tuple...) a
 * pointer. */

/* The end of the descriptor starting at d (just past its last item). */
const char *rpy_desc_skip(const char *d);

/* d points just past a 'T': stores the item count in *n and returns the
 * first item's descriptor. */
/* Root slots on the shadow stack, zeroed, as generated code makes them:
 * what a runtime function holds across something that may collect. */
#define FRAME(f, n)                                                                                                \
    void **f = rpy_shadowstack_top;                                                                                \
    for (int frame_i_ = 0; frame_i_ < (n); frame_i_++)                                                             \
        f[frame_i_] = NULL;                                                                                        \
    rpy_shadowstack_top = f + (n)
#define UNFRAME(f) (rpy_shadowstack_top = (f))

/* Ends a builder whose text cannot be finished because an exception is
 * already set (rpy_builder_finish then returns NULL). */
void rpy_builder_abandon(rpy_builder *b);

/* repr(obj) by __repr__ through dispatch table `table` (the "O<n>;"
 * descriptor): defined by the translated program when it prints
 * containers of instances; NULL with an exception set if the method
 * raised. */
extern rpy_str *rpy_instance_repr(void *obj, int64_t table) __attribute__((weak));

static inline const char *rpy_desc_tuple(const char *d, int64_t *n) {
    int64_t k = 0;
    while (*d != ';')
        k = k * 10 + (*d++ - '0');
    *n = k;
    return d + 1;
}

/* The 64-bit pattern in slot i of the tuple at address t (a bool's slot
 * may hold garbage above its first byte: test `v & 0xff`). */
static inline uint64_t rpy_tuple_item(uint64_t t, int64_t i) {
    const uint64_t *slots = (const uint64_t *)(const void *)((const char *)(uintptr_t)t + sizeof(rpy_hdr));
    return slots[i];
}


/* seq[start:stop:step] on n items, as CPython's PySlice_AdjustIndices:
 * missing bounds come as INT64_MIN / INT64_MAX whatever the step
 * (backwards they mean from the end down to the first item; as in
 * CPython, -step must fit).  Adjusts the three in place and returns the
 * slice's length; false (ValueError raised) for a zero step. */
static inline bool rpy_slice_adjust(int64_t n, int64_t *start, int64_t *stop, int64_t *step,
                                    int64_t *count) {
    if (*step == 0) {
        rpy_raise(RPY_EXC_VALUE, "slice step cannot be zero");
        return false;
    }
    if (*step < 0) {
        if (*start == INT64_MIN)
            *start = INT64_MAX;
        if (*stop == INT64_MAX)
            *stop = INT64_MIN;
        if (*step == INT64_MIN)
            *step = -INT64_MAX;
    }
    int64_t *bounds[2] = {start, stop};
    for (int k = 0; k < 2; k++) {
        int64_t i = *bounds[k];
        if (i < 0)
            i = i + n >= 0 ? i + n : *step < 0 ? -1 : 0;
        else if (i >= n)
            i = *step < 0 ? n - 1 : n;
        *bounds[k] = i;
    }
    *count = 0;
    if (*step > 0 && *start < *stop)
        *count = (*stop - *start - 1) / *step + 1;
    else if (*step < 0 && *stop < *start)
        *count = (*start - *stop - 1) / -*step + 1;
    return true;
}

#endif
