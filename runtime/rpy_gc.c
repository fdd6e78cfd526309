/* The garbage collector: a bump-pointer nursery whose survivors are copied
 * into a non-moving, mark-and-sweep old generation.  rpy.h states the
 * contract with generated code; this header comment says how it is met.
 *
 * Nursery.  One contiguous region.  Allocation bumps gc.nursery_free and
 * zeroes the object; the fast paths below are inlined into generated code
 * (the runtime is linked as bitcode before optimisation).  Objects above
 * gc.large_threshold skip the nursery: they are young large objects.
 *
 * Minor collection.  Roots are the shadow stack, the exception in flight
 * (rpy_exc_value: a handler or a `finally` may allocate before taking
 * it) and the remembered set (old or prebuilt objects that went through
 * the write barrier since the last minor collection).  A reached nursery object is copied into the
 * old generation, and its nursery copy becomes a forwarding marker:
 * GCFLAG_FORWARDED in the header and the new address in the next word.
 * Copies wait on gc.gray until their own fields are scanned, so the walk
 * is iterative.  The copies are scattered over size-class pages, which is
 * why this is a work list and not Cheney's contiguous scan pointer.
 *
 * Young large objects (PyPy's young "rawmalloced" objects).  An object
 * above gc.large_threshold is malloc'ed on its own, as old large objects
 * are, but starts young: it is on the gc.young_large list, its bytes
 * count in gc.young_large_bytes (not in gc.old_bytes), and its header has
 * GCFLAG_YOUNG_LARGE and not TRACK_YOUNG_PTRS.  Without that flag it
 * takes stores without the write barrier, exactly as a nursery object
 * does (generated code and the runtime's C decide by the flag alone), and
 * that is safe for the same reason: the minor collection that finds it
 * alive traces all of it, seeing and updating every pointer stored into
 * it meanwhile.  It never moves.  When minor_visit meets a pointer that
 * is outside the nursery, it asks whether it names a young large object:
 * inside the address range they span (one compare, false when there are
 * none), and in the hash set of their addresses (gc.young_set), never
 * reading the object itself, which for an old object would often be a
 * cache miss.  The first time, GCFLAG_YOUNG_LARGE makes way for
 * TRACK_YOUNG_PTRS and the object waits on gc.gray like a promoted copy;
 * reached again, it has the flag no more and is left alone.  So it is
 * found from any root or object the nursery's objects are found from:
 * the shadow stack, rpy_exc_value, remembered old and prebuilt objects,
 * promoted copies and other young large objects.  After the walk, those
 * that lost the flag join the old large list (their bytes move to
 * gc.old_bytes) and the others are freed: a big temporary costs no major
 * collection.  Old from then on, the survivors carry TRACK_YOUNG_PTRS
 * like every old object.  A minor collection runs before a large
 * allocation that would take gc.young_large_bytes past
 * gc.young_large_limit (YOUNG_LARGE_NURSERIES times the nursery's size),
 * as it runs when the nursery is full.  A major collection always
 * follows a minor one, so it never sees a young large object.
 * rpy_gc_is_young() still means "in the nursery": its callers (dicts
 * keyed by identity) ask whether an address can still change, and a
 * young large object's cannot.
 *
 * Old generation.  Objects up to SMALL_MAX bytes live in PAGE_BYTES pages
 * holding one size class each (multiples of 8), with a free list per
 * class threaded through free slots (tid 0 marks a slot free); bigger ones
 * are malloc'ed one by one and kept on a list.  A major collection marks
 * from the shadow stack, rpy_exc_value and the prebuilt roots, then
 * sweeps every page and the large list.  It runs after a minor collection once the old
 * generation has grown past MAJOR_GROWTH times what the last one left
 * alive (never below MAJOR_FLOOR); the survivors of a minor collection
 * include the young large objects it keeps, so large temporaries that die
 * young never bring a major collection closer.
 *
 * Stress mode (RPY_GC_STRESS=1).  Every allocation collects: a minor
 * collection, and every STRESS_MAJOR_EVERY-th one a major collection
 * too, so that a GC pointer not rooted across an allocation, or an old
 * object that missed the write barrier, breaks at once instead of once
 * in a while.  The inlined fast paths are not changed (generated code has
 * its own copies of them): instead gc.nursery_end, the limit they compare
 * against, is kept equal to gc.nursery_free, so that their compare always
 * fails and every allocation reaches malloc_slow, which collects, takes
 * the object from the empty nursery and moves the limit up behind it.
 * A young large object thus lives until the next allocation.
 *
 * Debug mode (RPY_GC_DEBUG=1).  Freed memory (the nursery after a minor
 * collection, dead old objects, dead young large objects) is poisoned
 * before it is reused or handed back to malloc; before each minor
 * collection every young large object's header and every pointer in it
 * are checked (verify_young_large), and after every collection the heap
 * is walked from the roots (verify_heap): every object reached must have
 * a valid type id, lie outside the nursery, be old (no young large
 * objects are left) and carry TRACK_YOUNG_PTRS unless prebuilt.
 *
 * Heap limit (RPY_GC_MAX=bytes).  gc.old_bytes plus gc.young_large_bytes,
 * the bytes of old objects (small ones at their size class, large ones
 * at their size; not page headers, free slots, empty pages kept for
 * reuse or the nursery) and of young large objects, may not grow past
 * gc.max_bytes through an allocation: when the nursery is full, or before
 * a large object is allocated, room_under_max checks that sum plus the
 * request against the limit, and if it does not fit runs a minor and a
 * major collection (unless one just ran: that leaves no young large
 * objects) and checks again; if it still does not fit, the allocation
 * raises MemoryError.  So garbage never causes MemoryError, only live
 * data does.  A minor collection cannot fail, so promotion may take
 * old_bytes past the limit by up to what one nursery holds (young large
 * objects were counted already); the allocation that collected then
 * fails unless the major collection brings it back under.  (An explicit
 * rpy_gc_minor_collect may overshoot too: the next check sees it.)
 *
 * Resizing (rpy_gc_resize_large).  A large object, young or old, can
 * grow in place: realloc, which for big blocks remaps pages instead of
 * copying bytes.  When the block moves, the collector's own pointers to
 * it follow (the large lists are doubly linked for that; the remembered
 * set, the young set and range), and the caller, which must own the only
 * other pointer (a list its items array), updates that.  It collects
 * nothing, so no other object moves.
 *
 * Not done here: incremental or concurrent marking, card marking for big
 * arrays (a written array is rescanned whole at the next minor
 * collection), finalizers, weak references, threads.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */

#include "rpy.h"
#include "rpy_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define KIB ((size_t)1024)
#define MIB (1024 * KIB)

/* The collector's header flags (inside RPY_GCFLAG_GC_RESERVED). */
enum {
    GCFLAG_FORWARDED = 1u << 2,       /* nursery object already copied */
    GCFLAG_MARKED = 1u << 3,          /* reached by the current major mark */
    GCFLAG_PREBUILT_ROOTED = 1u << 4, /* prebuilt, on gc.prebuilt_roots */
    GCFLAG_VISITED = 1u << 5,         /* seen by verify_heap (debug only) */
    GCFLAG_YOUNG_LARGE = 1u << 6,     /* on gc.young_large, not reached yet */
};

#define NURSERY_DEFAULT (4 * MIB)
#define NURSERY_MIN (1 * KIB)
/* Largest object the inlined fast paths put in the nursery; the slow
 * path's limit (gc.large_threshold) is this or nursery/8, if smaller, so
 * that a tiny nursery does not collect on every medium-sized object. */
#define LARGE_OBJECT_MAX (64 * KIB)
/* Young large objects may add up to this many nurseries before a minor
 * collection frees the dead ones (gc.young_large_limit).  On
 * dict_words.py (a list of 1.5M strings grown by append), 1, 2 and 4
 * gave 10, 8 and 6 major collections and peak RSS 56, 56 and 59 MB. */
#define YOUNG_LARGE_NURSERIES 2
/* Varsize fast path: below this length, length * item_size (a uint32)
 * cannot overflow 64 bits, so the size needs no overflow checks. */
#define FAST_MAX_LENGTH ((uint64_t)1 << 24)
/* malloc'ing more than this is refused up front: it cannot succeed, and
 * sanitizers abort on such requests instead of returning NULL. */
#define OBJECT_MAX ((uint64_t)1 << 39)
#define SMALL_MAX 512
#define N_CLASSES (SMALL_MAX / 8 + 1)
#define PAGE_BYTES (64 * KIB)
#define KEEP_EMPTY_PAGES 16
#define MAJOR_FLOOR (8 * MIB)
#define MAJOR_GROWTH_NUM 9 /* 1.8 = 9 / 5 */
#define MAJOR_GROWTH_DEN 5
/* RPY_GC_STRESS: every this many allocations, a major collection. */
#define STRESS_MAJOR_EVERY 64
#define SHADOW_STACK_BYTES (1024 * MIB)
/* Slots left between rpy_shadowstack_limit and the end of the region: the
 * frames pushed between two stack checks must fit in it. */
#define SHADOW_STACK_MARGIN (1 * MIB)
#define SHADOW_STACK_GUARD (64 * KIB)
/* 0xa5a5a5a5a5a5a5a5 is not a canonical x86-64 or AArch64 user address,
 * and 0xa5a5a5a5 is not a type id, so stale reads fail fast. */
#define POISON 0xa5

void **rpy_shadowstack_top;
void **rpy_shadowstack_base;
void **rpy_shadowstack_limit;

typedef struct ptr_stack {
    void **items;
    size_t len, cap;
} ptr_stack;

/* A page of equal-sized slots.  The 16-byte header keeps slots 8-aligned
 * (malloc returns 16-aligned memory). */
typedef struct page {
    struct page *next;
    uint32_t slot_size;
    uint32_t nslots;
    char slots[];
} page;

/* Header of a malloc'ed large object, young or old; the object follows
 * it (8-aligned, all an object needs).  The lists are doubly linked
 * through `pprev`, the address of the pointer to this header (the
 * previous header's `next`, or the list's head), so that
 * rpy_gc_resize_large can relink a header that realloc moved. */
typedef struct large_obj {
    struct large_obj *next, **pprev;
    size_t size;
} large_obj;

static struct {
    char *nursery_free;
    char *nursery_start;
    char *nursery_end;
    size_t nursery_size;
    size_t large_threshold;
    size_t max_bytes; /* RPY_GC_MAX: limit on old_bytes, 0 for none */

    void *free_lists[N_CLASSES];
    page *pages[N_CLASSES];
    page *empty_pages;
    size_t n_empty_pages;
    large_obj *large;
    /* Young large objects; the addresses they span, young_large_lo up to
     * young_large_lo + young_large_span (0 when there are none); and the
     * set of their addresses (open addressing, linear probing, 0 for a
     * free slot, young_set_cap a power of two, at most half full). */
    large_obj *young_large;
    uintptr_t young_large_lo, young_large_span;
    uintptr_t *young_set;
    size_t young_set_cap, young_set_count;
    unsigned young_set_shift; /* 64 - log2(young_set_cap) */
    size_t young_large_bytes; /* bytes of the objects on young_large */
    size_t young_large_limit; /* a minor collection before going past it */

    ptr_stack remembered;
    ptr_stack prebuilt_roots;
    ptr_stack gray; /* copied or marked objects whose fields are unscanned */

    size_t old_bytes;  /* in old objects */
    size_t heap_bytes; /* held from malloc: pages (used or pooled), large objects */
    size_t major_threshold;
    size_t peak_old_bytes;
    uint64_t minor_collections, major_collections, bytes_allocated;
    uint64_t large_freed_young, large_promoted; /* young large objects */
    uint64_t stress_allocations; /* slow-path allocations in stress mode */
    bool debug, stats, stress;
} gc;

/* An allocation that cannot be satisfied raises MemoryError in the
 * program; the caller sees NULL and checks rpy_exc_value. */
static void *memory_error(void) {
    rpy_raise(RPY_EXC_MEMORY, "");
    return NULL;
}

/* Running out of memory inside a collection (or in the write barrier,
 * which generated code does not check) leaves nothing to unwind to. */
static _Noreturn void out_of_memory(void) {
    rpy_io_flush();
    static const char text[] = "MemoryError\n";
    rpy_fd_write_all(2, text, (int64_t)sizeof text - 1);
    exit(1);
}

/* A broken heap cannot be reported as a Python exception: stop hard, in
 * a way a debugger or a core dump catches. */
static _Noreturn void heap_corrupted(const char *what, const void *obj) {
    rpy_io_flush();
    fprintf(stderr, "rpy gc: heap corrupted: %s (object %p)\n", what, obj);
    abort();
}

__attribute__((noinline)) static void stack_grow(ptr_stack *s) {
    size_t cap = s->cap ? 2 * s->cap : 1024;
    void **items = realloc(s->items, cap * sizeof *items);
    if (items == NULL)
        out_of_memory();
    s->items = items;
    s->cap = cap;
}

static inline void stack_push(ptr_stack *s, void *p) {
    if (s->len == s->cap)
        stack_grow(s);
    s->items[s->len++] = p;
}

/* ---- sizes and tracing ---------------------------------------------- */

static inline size_t round_size(uint64_t n) {
    n = (n + 7) & ~(uint64_t)7;
    return n < 16 ? 16 : (size_t)n;
}

static inline size_t fixed_bytes(const rpy_type_info *t) {
    return round_size(t->fixed_size);
}

/* Only for lengths the object was allocated with, so no overflow. */
static inline size_t varsize_bytes(const rpy_type_info *t, uint64_t length) {
    return round_size((uint64_t)t->items_offset + length * t->item_size + t->extra_bytes);
}

static inline int64_t length_of(const rpy_hdr *h, const rpy_type_info *t) {
    return *(const int64_t *)((const char *)h + t->length_offset);
}

static size_t object_size(const rpy_hdr *h) {
    const rpy_type_info *t = &rpy_type_table[h->tid];
    if (t->item_size == 0)
        return fixed_bytes(t);
    return varsize_bytes(t, (uint64_t)length_of(h, t));
}

static inline bool has_gcptrs(const rpy_hdr *h) {
    const rpy_type_info *t = &rpy_type_table[h->tid];
    return t->n_gcptrs != 0 || t->items_are_gcptrs;
}

/* Always inlined so that every caller gets a copy with its own visit
 * function called directly. */
__attribute__((always_inline)) static inline void trace(rpy_hdr *o, void (*visit)(void **)) {
    const rpy_type_info *t = &rpy_type_table[o->tid];
    char *base = (char *)o;
    for (uint32_t i = 0; i < t->n_gcptrs; i++)
        visit((void **)(base + t->gcptr_offsets[i]));
    if (t->items_are_gcptrs) {
        int64_t n = length_of(o, t);
        void **items = (void **)(base + t->items_offset);
        for (int64_t i = 0; i < n; i++)
            visit(&items[i]);
    }
}

static inline bool in_nursery(const void *p) {
    return (uintptr_t)p - (uintptr_t)gc.nursery_start < gc.nursery_size;
}

/* The roots every collection starts from (prebuilt ones aside). */
__attribute__((always_inline)) static inline void visit_stack_roots(void (*visit)(void **)) {
    for (void **s = rpy_shadowstack_base; s < rpy_shadowstack_top; s++)
        visit(s);
    visit(&rpy_exc_value);
}

static void note_old_size(void) {
    if (gc.old_bytes > gc.peak_old_bytes)
        gc.peak_old_bytes = gc.old_bytes;
}

/* ---- the old generation's memory ------------------------------------ */

static inline void large_push(large_obj **head, large_obj *l) {
    l->next = *head;
    l->pprev = head;
    if (*head != NULL)
        (*head)->pprev = &l->next;
    *head = l;
}

static inline void large_unlink(large_obj *l) {
    *l->pprev = l->next;
    if (l->next != NULL)
        l->next->pprev = l->pprev;
}

/* An old large object (a promoted nursery object above SMALL_MAX); NULL
 * if malloc fails, and the caller decides how bad that is. */
static void *large_alloc(size_t size) {
    large_obj *l = malloc(sizeof(large_obj) + size);
    if (l == NULL)
        return NULL;
    large_push(&gc.large, l);
    l->size = size;
    gc.old_bytes += size;
    gc.heap_bytes += size;
    return l + 1;
}

/* ---- the set of young large objects ---------------------------------- */

static inline size_t young_set_slot(uintptr_t p) {
    return (size_t)(((uint64_t)p * UINT64_C(0x9e3779b97f4a7c15)) >> gc.young_set_shift);
}

/* Is p a young large object?  Only the (small) set is read, never *p:
 * minor_visit asks this of old objects too, and reading their headers
 * would cost a cache miss each. */
static inline bool young_set_contains(const void *p) {
    size_t mask = gc.young_set_cap - 1;
    for (size_t i = young_set_slot((uintptr_t)p);; i = (i + 1) & mask) {
        uintptr_t v = gc.young_set[i];
        if (v == (uintptr_t)p)
            return true;
        if (v == 0)
            return false;
    }
}

static void young_set_put(uintptr_t p) {
    size_t mask = gc.young_set_cap - 1, i = young_set_slot(p);
    while (gc.young_set[i] != 0)
        i = (i + 1) & mask;
    gc.young_set[i] = p;
    gc.young_set_count++;
}

/* Room for one more address; false if the table cannot grow. */
static bool young_set_reserve(void) {
    if (2 * (gc.young_set_count + 1) <= gc.young_set_cap)
        return true;
    size_t old_cap = gc.young_set_cap, cap = old_cap ? 2 * old_cap : 64;
    uintptr_t *old = gc.young_set, *set = calloc(cap, sizeof *set);
    if (set == NULL)
        return false;
    gc.young_set = set;
    gc.young_set_cap = cap;
    gc.young_set_shift = 64 - (unsigned)__builtin_ctzll((unsigned long long)cap);
    gc.young_set_count = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i] != 0)
            young_set_put(old[i]);
    free(old);
    return true;
}

/* Takes p out of the set.  Entries after it in its run of full slots
 * may have probed past it, so they are put in again. */
static void young_set_remove(uintptr_t p) {
    size_t mask = gc.young_set_cap - 1, i = young_set_slot(p);
    while (gc.young_set[i] != p)
        i = (i + 1) & mask;
    gc.young_set[i] = 0;
    gc.young_set_count--;
    for (i = (i + 1) & mask; gc.young_set[i] != 0; i = (i + 1) & mask) {
        uintptr_t q = gc.young_set[i];
        gc.young_set[i] = 0;
        gc.young_set_count--;
        young_set_put(q);
    }
}

/* Widens the range of young large addresses to cover the object at
 * start. */
static void young_range_add(uintptr_t start, size_t size) {
    uintptr_t end = start + size;
    if (gc.young_large_span == 0) {
        gc.young_large_lo = start;
        gc.young_large_span = size;
    } else {
        uintptr_t lo = gc.young_large_lo, hi = lo + gc.young_large_span;
        lo = start < lo ? start : lo;
        hi = end > hi ? end : hi;
        gc.young_large_lo = lo;
        gc.young_large_span = hi - lo;
    }
}

/* A zeroed young large object, flags set; NULL if calloc fails. */
static rpy_hdr *young_large_alloc(size_t size) {
    if (!young_set_reserve())
        return NULL;
    large_obj *l = calloc(1, sizeof(large_obj) + size);
    if (l == NULL)
        return NULL;
    large_push(&gc.young_large, l);
    l->size = size;
    gc.young_large_bytes += size;
    gc.heap_bytes += size;
    uintptr_t start = (uintptr_t)(l + 1);
    young_range_add(start, size);
    young_set_put(start);
    rpy_hdr *h = (rpy_hdr *)(l + 1);
    h->gcflags = GCFLAG_YOUNG_LARGE;
    return h;
}

/* Gives class c a page and returns its first free slot.  The slots are
 * threaded in address order so that objects promoted together stay
 * close together. */
__attribute__((noinline)) static void *refill_class(size_t c) {
    page *pg = gc.empty_pages;
    if (pg != NULL) {
        gc.empty_pages = pg->next;
        gc.n_empty_pages--;
    } else if ((pg = malloc(PAGE_BYTES)) != NULL) {
        gc.heap_bytes += PAGE_BYTES;
    } else {
        out_of_memory();
    }
    size_t size = c * 8;
    pg->slot_size = (uint32_t)size;
    pg->nslots = (uint32_t)((PAGE_BYTES - sizeof(page)) / size);
    pg->next = gc.pages[c];
    gc.pages[c] = pg;
    void *head = NULL;
    for (size_t i = pg->nslots; i-- > 0;) {
        void **slot = (void **)(pg->slots + i * size);
        slot[0] = NULL; /* tid 0: free */
        slot[1] = head;
        head = slot;
    }
    return head;
}

static inline void *old_alloc(size_t size) {
    if (size > SMALL_MAX) {
        void *p = large_alloc(size);
        if (p == NULL)
            out_of_memory();
        return p;
    }
    size_t c = size / 8;
    void **slot = gc.free_lists[c];
    if (slot == NULL)
        slot = refill_class(c);
    gc.free_lists[c] = slot[1];
    gc.old_bytes += size;
    return slot;
}

static void release_page(page *pg) {
    if (gc.n_empty_pages < KEEP_EMPTY_PAGES) {
        pg->next = gc.empty_pages;
        gc.empty_pages = pg;
        gc.n_empty_pages++;
    } else {
        free(pg);
        gc.heap_bytes -= PAGE_BYTES;
    }
}

/* ---- heap verification (RPY_GC_DEBUG) -------------------------------- */

static void check_object(const rpy_hdr *h) {
    if (in_nursery(h))
        heap_corrupted("pointer into the nursery after a collection", h);
    if (h->tid == 0 || h->tid >= rpy_type_count)
        heap_corrupted("invalid type id (freed or stale object?)", h);
}

static void verify_visit(void **slot) {
    rpy_hdr *h = *slot;
    if (h == NULL)
        return;
    check_object(h);
    if (h->gcflags & (RPY_GCFLAG_PREBUILT | GCFLAG_VISITED))
        return;
    if (h->gcflags & GCFLAG_YOUNG_LARGE)
        heap_corrupted("a young large object outlived a minor collection", h);
    if (!(h->gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS))
        heap_corrupted("an old object without TRACK_YOUNG_PTRS after a collection", h);
    h->gcflags |= GCFLAG_VISITED;
    stack_push(&gc.gray, h);
}

static void unvisit(void **slot) {
    rpy_hdr *h = *slot;
    if (h != NULL && (h->gcflags & GCFLAG_VISITED)) {
        h->gcflags &= ~(uint32_t)GCFLAG_VISITED;
        stack_push(&gc.gray, h);
    }
}

static void walk_reachable(void (*visit)(void **)) {
    visit_stack_roots(visit);
    for (size_t i = 0; i < gc.prebuilt_roots.len; i++)
        trace(gc.prebuilt_roots.items[i], visit);
    while (gc.gray.len > 0)
        trace(gc.gray.items[--gc.gray.len], visit);
}

/* Every object reachable from the roots must have a valid type id, lie
 * outside the (now empty) nursery, and be old: tracked, and no young
 * large object left.  The second walk clears the VISITED flags the
 * first one set. */
static void verify_heap(void) {
    if (gc.young_large != NULL || gc.young_large_bytes != 0 || gc.young_large_span != 0 || gc.young_set_count != 0)
        heap_corrupted("young large objects left after a collection", gc.young_large);
    for (size_t i = 0; i < gc.prebuilt_roots.len; i++)
        check_object(gc.prebuilt_roots.items[i]);
    walk_reachable(verify_visit);
    walk_reachable(unvisit);
}

/* Before a minor collection: a pointer in a young large object leads to
 * an object in the used part of the nursery, or outside it, with a valid
 * type id either way (a freed old object is poisoned, a freed young
 * large one too, and under ASan both are out of bounds). */
static void verify_young_visit(void **slot) {
    rpy_hdr *h = *slot;
    if (h == NULL)
        return;
    if (in_nursery(h) && (char *)h >= gc.nursery_free)
        heap_corrupted("pointer to the free part of the nursery in a young large object", h);
    if (h->tid == 0 || h->tid >= rpy_type_count)
        heap_corrupted("invalid type id reached from a young large object", h);
}

/* The list of young large objects agrees with its byte count and range,
 * and every object on it is young, untracked and well typed. */
static void verify_young_large(void) {
    size_t bytes = 0, count = 0;
    uintptr_t lo = gc.young_large_lo, hi = lo + gc.young_large_span;
    for (large_obj *l = gc.young_large; l != NULL; l = l->next, count++) {
        rpy_hdr *h = (rpy_hdr *)(l + 1);
        if (h->tid == 0 || h->tid >= rpy_type_count)
            heap_corrupted("invalid type id in a young large object", h);
        if ((h->gcflags & (GCFLAG_YOUNG_LARGE | RPY_GCFLAG_TRACK_YOUNG_PTRS | RPY_GCFLAG_PREBUILT)) !=
            GCFLAG_YOUNG_LARGE)
            heap_corrupted("bad flags on a young large object", h);
        if (object_size(h) != l->size || (uintptr_t)h < lo || (uintptr_t)h + l->size > hi || !young_set_contains(h))
            heap_corrupted("young large object outside its recorded size, range or set", h);
        bytes += l->size;
        trace(h, verify_young_visit);
    }
    if (bytes != gc.young_large_bytes || count != gc.young_set_count)
        heap_corrupted("young large objects miscounted", gc.young_large);
}

/* ---- minor collection -------------------------------------------------- */

__attribute__((noinline)) static void *promote(rpy_hdr *h) {
    if (h->gcflags & GCFLAG_FORWARDED)
        return ((void **)h)[1];
    if (gc.debug && (h->tid == 0 || h->tid >= rpy_type_count))
        heap_corrupted("invalid type id in the nursery", h);
    size_t size = object_size(h);
    rpy_hdr *copy = old_alloc(size);
    memcpy(copy, h, size);
    copy->gcflags = RPY_GCFLAG_TRACK_YOUNG_PTRS;
    h->gcflags |= GCFLAG_FORWARDED;
    ((void **)h)[1] = copy;
    if (has_gcptrs(copy))
        stack_push(&gc.gray, copy);
    return copy;
}

/* A young large object reached by the minor collection: the first time,
 * it is kept, old from now on, and its fields are scanned later. */
__attribute__((noinline)) static void reach_young_large(rpy_hdr *h) {
    if (!(h->gcflags & GCFLAG_YOUNG_LARGE))
        return;
    h->gcflags = (h->gcflags & ~(uint32_t)GCFLAG_YOUNG_LARGE) | RPY_GCFLAG_TRACK_YOUNG_PTRS;
    if (has_gcptrs(h))
        stack_push(&gc.gray, h);
}

/* What minor_visit compares addresses with.  None of it changes during
 * a minor collection, so it is read once, into a local: were the loops
 * to read gc's fields, the compiler would have to reload them after
 * every store through a slot, which might alias them. */
typedef struct minor_bounds {
    uintptr_t nursery_start, nursery_size;
    uintptr_t young_lo, young_span;
} minor_bounds;

static inline minor_bounds get_minor_bounds(void) {
    return (minor_bounds){(uintptr_t)gc.nursery_start, gc.nursery_size, gc.young_large_lo, gc.young_large_span};
}

/* Inlined into the tracing loops: most fields point to old objects or
 * nothing, and those need no call.  The young large range test is one
 * compare (always false when there are none); the set decides the
 * rest. */
__attribute__((always_inline)) static inline void minor_visit(minor_bounds b, void **slot) {
    uintptr_t p = (uintptr_t)*slot;
    if (p - b.nursery_start < b.nursery_size)
        *slot = promote((rpy_hdr *)p);
    else if (p - b.young_lo < b.young_span && young_set_contains((void *)p))
        reach_young_large((rpy_hdr *)p);
}

/* trace(o, minor_visit), with the bounds passed along. */
__attribute__((always_inline)) static inline void minor_trace(minor_bounds b, rpy_hdr *o) {
    const rpy_type_info *t = &rpy_type_table[o->tid];
    char *base = (char *)o;
    for (uint32_t i = 0; i < t->n_gcptrs; i++)
        minor_visit(b, (void **)(base + t->gcptr_offsets[i]));
    if (t->items_are_gcptrs) {
        int64_t n = length_of(o, t);
        void **items = (void **)(base + t->items_offset);
        for (int64_t i = 0; i < n; i++)
            minor_visit(b, &items[i]);
    }
}

/* After the walk: the young large objects reached become old, the others
 * are freed. */
static void sweep_young_large(void) {
    large_obj *l = gc.young_large;
    while (l != NULL) {
        large_obj *next = l->next;
        rpy_hdr *h = (rpy_hdr *)(l + 1);
        if (h->gcflags & GCFLAG_YOUNG_LARGE) {
            gc.heap_bytes -= l->size;
            gc.large_freed_young++;
            if (gc.debug)
                memset(h, POISON, l->size);
            free(l);
        } else {
            large_push(&gc.large, l);
            gc.old_bytes += l->size;
            gc.large_promoted++;
        }
        l = next;
    }
    gc.young_large = NULL;
    gc.young_large_bytes = 0;
    gc.young_large_lo = 0;
    gc.young_large_span = 0;
    if (gc.young_set_count != 0) {
        memset(gc.young_set, 0, gc.young_set_cap * sizeof *gc.young_set);
        gc.young_set_count = 0;
    }
}

/* Nursery zeroing.  The fast paths zero each object as they allocate it,
 * rather than a memset of the used nursery after each minor collection:
 * that touches the memory twice, and measured slower.  Runtime and
 * benchmark linked as bitcode and optimised together (clang-19 -O2,
 * 4 MiB nursery, 5 runs each, user seconds):
 *   400M 32-byte objects, chains of 16:      1.16-1.21 here, 1.46-1.52 memset
 *   200M arrays of 0..15 pointers:           1.21-1.59 here, 1.39-1.61 memset
 *   binary trees of depth 10, 400M nodes:    3.34-3.73 here, 3.58-3.91 memset
 * So debug mode is free to poison the nursery after collecting: the part
 * used since the last time, the rest being poisoned already (rpy_gc_init
 * poisons it all), which keeps RPY_GC_STRESS plus RPY_GC_DEBUG from
 * writing the whole nursery at every allocation. */
static void reset_nursery(void) {
    size_t used = (size_t)(gc.nursery_free - gc.nursery_start);
    gc.bytes_allocated += used;
    if (gc.debug)
        memset(gc.nursery_start, POISON, used);
    gc.nursery_free = gc.nursery_start;
    if (gc.stress) /* the fast paths must keep failing */
        gc.nursery_end = gc.nursery_start;
}

static void minor_collection(void) {
    if (gc.debug)
        verify_young_large();
    minor_bounds b = get_minor_bounds();
    /* visit_stack_roots, with the bounds passed along. */
    for (void **s = rpy_shadowstack_base; s < rpy_shadowstack_top; s++)
        minor_visit(b, s);
    minor_visit(b, &rpy_exc_value);
    for (size_t i = 0; i < gc.remembered.len; i++) {
        rpy_hdr *o = gc.remembered.items[i];
        minor_trace(b, o);
        o->gcflags |= RPY_GCFLAG_TRACK_YOUNG_PTRS;
    }
    gc.remembered.len = 0;
    while (gc.gray.len > 0)
        minor_trace(b, gc.gray.items[--gc.gray.len]);
    sweep_young_large();
    reset_nursery();
    gc.minor_collections++;
    note_old_size();
    if (gc.debug)
        verify_heap();
}

/* ---- major collection -------------------------------------------------- */

/* Prebuilt objects are neither marked nor traced: those ever written to
 * are on gc.prebuilt_roots, and the others point only to static data. */
static void mark_visit(void **slot) {
    rpy_hdr *h = *slot;
    if (h == NULL || (h->gcflags & (RPY_GCFLAG_PREBUILT | GCFLAG_MARKED)))
        return;
    h->gcflags |= GCFLAG_MARKED;
    if (has_gcptrs(h))
        stack_push(&gc.gray, h);
}

/* Rebuilds each class's free list from scratch and hands fully empty
 * pages back.  Slots are walked backwards so the list ends up in address
 * order within a page. */
static void sweep_pages(void) {
    for (size_t c = 2; c < N_CLASSES; c++) {
        void *head = NULL;
        page **link = &gc.pages[c];
        while (*link != NULL) {
            page *pg = *link;
            size_t size = pg->slot_size;
            void *head_before = head;
            size_t live = 0;
            for (size_t i = pg->nslots; i-- > 0;) {
                rpy_hdr *h = (rpy_hdr *)(pg->slots + i * size);
                if (h->tid != 0) {
                    if (h->gcflags & GCFLAG_MARKED) {
                        h->gcflags &= ~(uint32_t)GCFLAG_MARKED;
                        live++;
                        continue;
                    }
                    gc.old_bytes -= size;
                    if (gc.debug)
                        memset(h, POISON, size);
                    h->tid = 0;
                    h->gcflags = 0;
                }
                ((void **)h)[1] = head;
                head = h;
            }
            if (live == 0) {
                head = head_before;
                *link = pg->next;
                release_page(pg);
            } else {
                link = &pg->next;
            }
        }
        gc.free_lists[c] = head;
    }
}

static void sweep_large(void) {
    large_obj **link = &gc.large;
    while (*link != NULL) {
        large_obj *l = *link;
        rpy_hdr *h = (rpy_hdr *)(l + 1);
        if (h->gcflags & GCFLAG_MARKED) {
            h->gcflags &= ~(uint32_t)GCFLAG_MARKED;
            link = &l->next;
        } else {
            large_unlink(l);
            gc.old_bytes -= l->size;
            gc.heap_bytes -= l->size;
            if (gc.debug)
                memset(h, POISON, l->size);
            free(l);
        }
    }
}

/* Must follow a minor collection: the nursery is empty, and so are the
 * remembered set and the young large list. */
static void major_collection(void) {
    if (gc.debug && (gc.young_large != NULL || gc.remembered.len != 0 || gc.nursery_free != gc.nursery_start))
        heap_corrupted("a major collection without a minor one first", gc.young_large);
    visit_stack_roots(mark_visit);
    for (size_t i = 0; i < gc.prebuilt_roots.len; i++)
        trace(gc.prebuilt_roots.items[i], mark_visit);
    while (gc.gray.len > 0)
        trace(gc.gray.items[--gc.gray.len], mark_visit);
    sweep_pages();
    sweep_large();
    size_t next = gc.old_bytes / MAJOR_GROWTH_DEN * MAJOR_GROWTH_NUM;
    gc.major_threshold = next > MAJOR_FLOOR ? next : MAJOR_FLOOR;
    gc.major_collections++;
    if (gc.debug)
        verify_heap();
}

static void collect_nursery(void) {
    minor_collection();
    if (gc.old_bytes > gc.major_threshold)
        major_collection();
}

/* RPY_GC_STRESS: the collection before each allocation. */
static void stress_collection(void) {
    if (++gc.stress_allocations % STRESS_MAJOR_EVERY == 0) {
        minor_collection();
        major_collection();
    } else {
        collect_nursery();
    }
}

/* RPY_GC_MAX: may the old generation and the young large objects take
 * size more bytes?  If not at first, a full collection runs, unless a
 * major one already ran since gc.major_collections was `majors` (it
 * followed a minor collection, and nothing was allocated since), and the
 * answer is what is left after it.  False means MemoryError. */
static bool room_under_max(size_t size, uint64_t majors) {
    if (gc.max_bytes == 0 || gc.old_bytes + gc.young_large_bytes + size <= gc.max_bytes)
        return true;
    if (size > gc.max_bytes) /* no collection can help */
        return false;
    if (gc.major_collections == majors) {
        minor_collection();
        major_collection();
    }
    return gc.old_bytes + gc.young_large_bytes + size <= gc.max_bytes;
}

/* ---- allocation ---------------------------------------------------- */

static void *alloc_large_young(size_t size) {
    uint64_t majors = gc.major_collections;
    if (gc.stress) {
        stress_collection();
    } else if (gc.young_large != NULL && gc.young_large_bytes + size > gc.young_large_limit) {
        /* The young large objects are the nursery's overflow: when they
         * add up to their limit, a minor collection frees the dead ones
         * (and promotes the others, which may start a major collection:
         * a program that allocates only large objects for a while still
         * gets them). */
        collect_nursery();
    }
    if (!room_under_max(size, majors))
        return memory_error();
    rpy_hdr *h = young_large_alloc(size);
    if (h == NULL) { /* perhaps garbage holds the memory */
        minor_collection();
        major_collection();
        h = young_large_alloc(size);
    }
    if (h == NULL)
        return memory_error();
    gc.bytes_allocated += size;
    return h;
}

__attribute__((noinline)) static void *malloc_slow(uint32_t tid, size_t size) {
    rpy_hdr *h;
    if (size > gc.large_threshold) {
        h = alloc_large_young(size);
        if (h == NULL)
            return NULL;
    } else {
        /* In stress mode nursery_end == nursery_free: always true. */
        if (gc.stress || size > (size_t)(gc.nursery_end - gc.nursery_free)) {
            uint64_t majors = gc.major_collections;
            if (gc.stress)
                stress_collection();
            else
                collect_nursery();
            /* The nursery is empty now, so the object fits in it. */
            if (!room_under_max(size, majors))
                return memory_error();
        }
        h = (rpy_hdr *)gc.nursery_free;
        gc.nursery_free += size;
        if (gc.stress)
            gc.nursery_end = gc.nursery_free;
        memset(h, 0, size);
    }
    h->tid = tid;
    return h;
}

__attribute__((noinline)) static void *malloc_varsize_slow(uint32_t tid, int64_t length) {
    const rpy_type_info *t = &rpy_type_table[tid];
    uint64_t n;
    if (length < 0 || __builtin_mul_overflow((uint64_t)length, (uint64_t)t->item_size, &n) ||
        __builtin_add_overflow(n, (uint64_t)t->items_offset + t->extra_bytes, &n) || n > OBJECT_MAX)
        return memory_error();
    char *p = malloc_slow(tid, round_size(n));
    if (p != NULL)
        *(int64_t *)(p + t->length_offset) = length;
    return p;
}

/* The fast paths are ordinary external definitions, like rpy_stack_check:
 * once the runtime bitcode is linked into the program, always_inline
 * turns each call into a bump and a compare (the table lookups fold away
 * for a constant tid).  They know nothing of RPY_GC_STRESS or RPY_GC_MAX:
 * stress mode makes the compare fail by keeping gc.nursery_end at
 * gc.nursery_free, and the heap limit is only checked where the old
 * generation grows, on the slow path. */
__attribute__((always_inline)) void *rpy_gc_malloc(uint32_t tid) {
    size_t size = fixed_bytes(&rpy_type_table[tid]);
    char *p = gc.nursery_free;
    if (__builtin_expect(size <= (size_t)(gc.nursery_end - p), 1)) {
        gc.nursery_free = p + size;
        memset(p, 0, size);
        ((rpy_hdr *)p)->tid = tid;
        return p;
    }
    return malloc_slow(tid, size);
}

__attribute__((always_inline)) void *rpy_gc_malloc_varsize(uint32_t tid, int64_t length) {
    const rpy_type_info *t = &rpy_type_table[tid];
    /* The unsigned compare also sends negative lengths to the slow path. */
    if (__builtin_expect((uint64_t)length < FAST_MAX_LENGTH, 1)) {
        size_t size = varsize_bytes(t, (uint64_t)length);
        char *p = gc.nursery_free;
        if (__builtin_expect(size <= LARGE_OBJECT_MAX && size <= (size_t)(gc.nursery_end - p), 1)) {
            gc.nursery_free = p + size;
            memset(p, 0, size);
            ((rpy_hdr *)p)->tid = tid;
            *(int64_t *)(p + t->length_offset) = length;
            return p;
        }
    }
    return malloc_varsize_slow(tid, length);
}

/* rpy_gc_malloc_varsize without zeroing the items, for types without GC
 * pointers whose caller writes every item before anything reads them or
 * allocates (strings being built): zeroing them first would write each
 * byte twice.  The fixed part and the last word (the extra bytes and the
 * padding) are zeroed as usual.  The slow path zeroes everything. */
__attribute__((always_inline)) void *rpy_gc_malloc_varsize_unfilled(uint32_t tid, int64_t length) {
    const rpy_type_info *t = &rpy_type_table[tid];
    if (__builtin_expect((uint64_t)length < FAST_MAX_LENGTH, 1)) {
        size_t size = varsize_bytes(t, (uint64_t)length);
        char *p = gc.nursery_free;
        if (__builtin_expect(size <= LARGE_OBJECT_MAX && size <= (size_t)(gc.nursery_end - p), 1)) {
            gc.nursery_free = p + size;
            memset(p, 0, t->items_offset);
            memset(p + size - 8, 0, 8); /* size >= 16: inside the object */
            ((rpy_hdr *)p)->tid = tid;
            *(int64_t *)(p + t->length_offset) = length;
            return p;
        }
    }
    return malloc_varsize_slow(tid, length);
}

void rpy_gc_write_barrier(void *obj) {
    rpy_hdr *h = obj;
    if (gc.debug && (in_nursery(h) || (h->gcflags & GCFLAG_YOUNG_LARGE) || h->tid == 0 || h->tid >= rpy_type_count))
        heap_corrupted("write barrier on a young or invalid object", h);
    h->gcflags &= ~(uint32_t)RPY_GCFLAG_TRACK_YOUNG_PTRS;
    stack_push(&gc.remembered, h);
    if ((h->gcflags & (RPY_GCFLAG_PREBUILT | GCFLAG_PREBUILT_ROOTED)) == RPY_GCFLAG_PREBUILT) {
        h->gcflags |= GCFLAG_PREBUILT_ROOTED;
        stack_push(&gc.prebuilt_roots, h);
    }
}

/* Grows a large array in place: realloc, which for big blocks glibc
 * does with mremap, moving no bytes, where the caller's alternative (a
 * new array and a copy) touches every byte twice and leaves the old
 * array behind as garbage.  The object may move, and then every pointer
 * to its old address is stale: the collector's own ones are fixed here
 * (the large lists, through pprev; for an old object, the remembered set,
 * which holds it when its TRACK_YOUNG_PTRS flag is clear; for a young
 * one, the set and range of young large addresses), and the caller must
 * hold the only other one.  Nothing is collected, so no other object
 * moves.  The young large limit is not checked: growing in place makes
 * no garbage for a minor collection to free.  NULL, leaving the object as
 * it was, when it is not a large varsize object (young or old), the heap
 * limit would be passed, or realloc fails: the caller then allocates as
 * usual (which raises MemoryError when it must). */
void *rpy_gc_resize_large(void *obj, int64_t length) {
    rpy_hdr *h = obj;
    uintptr_t old_address = (uintptr_t)obj;
    if (in_nursery(h) || (h->gcflags & RPY_GCFLAG_PREBUILT))
        return NULL;
    bool young = (h->gcflags & GCFLAG_YOUNG_LARGE) != 0;
    const rpy_type_info *t = &rpy_type_table[h->tid];
    if (t->item_size == 0 || length < length_of(h, t))
        return NULL;
    size_t old_size = object_size(h);
    uint64_t n;
    /* Old objects up to SMALL_MAX live in pages; young ones are all
     * malloc'ed. */
    if ((!young && old_size <= SMALL_MAX) || __builtin_mul_overflow((uint64_t)length, (uint64_t)t->item_size, &n) ||
        __builtin_add_overflow(n, (uint64_t)t->items_offset + t->extra_bytes, &n) || n > OBJECT_MAX)
        return NULL;
    size_t size = round_size(n), grown = size - old_size;
    if (gc.max_bytes != 0 && gc.old_bytes + gc.young_large_bytes + grown > gc.max_bytes)
        return NULL;
    large_obj *l = (large_obj *)(void *)h - 1, *moved = realloc(l, sizeof(large_obj) + size);
    if (moved == NULL)
        return NULL;
    rpy_hdr *nh = (rpy_hdr *)(moved + 1);
    memset((char *)nh + old_size, 0, grown);
    *(int64_t *)((char *)nh + t->length_offset) = length;
    moved->size = size;
    gc.heap_bytes += grown;
    if (young) {
        gc.young_large_bytes += grown;
        if (moved != l) {
            young_set_remove(old_address);
            young_set_put((uintptr_t)nh);
        }
        young_range_add((uintptr_t)nh, size);
    } else {
        gc.old_bytes += grown;
        note_old_size();
    }
    if (moved != l) {
        *moved->pprev = moved;
        if (moved->next != NULL)
            moved->next->pprev = &moved->next;
        if (!young && !(nh->gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS)) {
            /* Most likely written to lately: search from the top. */
            for (size_t i = gc.remembered.len; i-- > 0;)
                if ((uintptr_t)gc.remembered.items[i] == old_address) {
                    gc.remembered.items[i] = nh;
                    break;
                }
        }
    }
    return nh;
}

void rpy_gc_collect(void) {
    minor_collection();
    major_collection();
}

void rpy_gc_minor_collect(void) { collect_nursery(); }

bool rpy_gc_is_young(const void *p) { return in_nursery(p); }

bool rpy_gc_is_young_large(const void *p) { return gc.young_set_count != 0 && young_set_contains(p); }

uint64_t rpy_gc_epoch(void) { return gc.minor_collections; }

void rpy_gc_get_stats(rpy_gc_stats *out) {
    out->minor_collections = gc.minor_collections;
    out->major_collections = gc.major_collections;
    out->bytes_allocated = gc.bytes_allocated + (uint64_t)(gc.nursery_free - gc.nursery_start);
    out->old_bytes = gc.old_bytes;
    out->young_large_bytes = gc.young_large_bytes;
    out->young_large_limit = gc.young_large_limit;
    out->large_freed_young = gc.large_freed_young;
    out->large_promoted = gc.large_promoted;
    out->heap_bytes = gc.heap_bytes;
    out->peak_old_bytes = gc.peak_old_bytes;
    out->nursery_size = gc.nursery_size;
    out->prebuilt_roots = gc.prebuilt_roots.len;
    out->debug = gc.debug;
}

/* ---- start-up ------------------------------------------------------ */

static bool env_flag(const char *name) {
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

static size_t nursery_size_from_env(void) {
    const char *v = getenv("RPY_GC_NURSERY");
    if (v == NULL || v[0] == '\0')
        return NURSERY_DEFAULT;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    if (*end != '\0' || v[0] < '0' || v[0] > '9' || n < NURSERY_MIN || n > OBJECT_MAX) {
        fprintf(stderr, "RPY_GC_NURSERY must be a number of bytes, at least %zu: '%s'\n", NURSERY_MIN, v);
        exit(2);
    }
    return (size_t)(n + 7) & ~(size_t)7;
}

/* RPY_GC_MAX: a positive number of bytes, optionally followed by K, M or
 * G (either case; powers of 1024).  Unset or empty: no limit (0). */
static size_t max_bytes_from_env(void) {
    const char *v = getenv("RPY_GC_MAX");
    if (v == NULL || v[0] == '\0')
        return 0;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    bool ok = v[0] >= '0' && v[0] <= '9' && errno == 0 && n > 0;
    unsigned shift = 0;
    switch (*end) {
    case 'k':
    case 'K':
        shift = 10;
        end++;
        break;
    case 'm':
    case 'M':
        shift = 20;
        end++;
        break;
    case 'g':
    case 'G':
        shift = 30;
        end++;
        break;
    default:
        break;
    }
    if (!ok || *end != '\0' || n > (SIZE_MAX >> shift)) {
        fprintf(stderr, "RPY_GC_MAX must be a positive number of bytes, optionally followed by K, M or G: '%s'\n", v);
        exit(2);
    }
    return (size_t)n << shift;
}

static void *map_region(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        out_of_memory();
    return p;
}

static void print_stats(void) {
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    fprintf(stderr,
            "gc: %llu minor collections, %llu major collections\n"
            "gc: %llu bytes allocated, peak old generation %llu bytes\n"
            "gc: %llu large objects freed young, %llu promoted\n",
            (unsigned long long)s.minor_collections, (unsigned long long)s.major_collections,
            (unsigned long long)s.bytes_allocated, (unsigned long long)s.peak_old_bytes,
            (unsigned long long)s.large_freed_young, (unsigned long long)s.large_promoted);
}

void rpy_gc_init(void) {
    gc.debug = env_flag("RPY_GC_DEBUG");
    gc.stats = env_flag("RPY_GC_STATS");
    gc.stress = env_flag("RPY_GC_STRESS");
    gc.max_bytes = max_bytes_from_env();
    size_t n = nursery_size_from_env();
    gc.nursery_start = map_region(n);
    gc.nursery_size = n;
    gc.nursery_end = gc.nursery_start + n;
    gc.nursery_free = gc.nursery_start;
    if (gc.stress)
        gc.nursery_end = gc.nursery_start;
    gc.large_threshold = n / 8 < LARGE_OBJECT_MAX ? n / 8 : LARGE_OBJECT_MAX;
    gc.young_large_limit = YOUNG_LARGE_NURSERIES * n;
    gc.major_threshold = MAJOR_FLOOR;
    if (gc.debug)
        memset(gc.nursery_start, POISON, n);

    /* The guard pages catch a frame that pushes past the margin before
     * its stack check runs. */
    char *ss = map_region(SHADOW_STACK_BYTES + SHADOW_STACK_GUARD);
    if (mprotect(ss + SHADOW_STACK_BYTES, SHADOW_STACK_GUARD, PROT_NONE) != 0)
        out_of_memory();
    rpy_shadowstack_base = rpy_shadowstack_top = (void **)ss;
    rpy_shadowstack_limit = (void **)(ss + SHADOW_STACK_BYTES - SHADOW_STACK_MARGIN);

    if (gc.stats)
        atexit(print_stats);
}
