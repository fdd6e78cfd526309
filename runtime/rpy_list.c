/* Lists: RPython's resizable lists (rpy.h states the contract).
 *
 * A list is a fixed-size rpy_list pointing to an rpy_array whose length
 * is the capacity.  Items are 8 bytes (GC pointers, int64, double) or 1
 * (bool), as rpy_type_table[array tid] says (item_size,
 * items_are_gcptrs); every function works on 64-bit patterns.
 *
 * Item i is slot l->start + i of the array.  start exists for pop(0):
 * rpy_list_delete_from_front removes a first item by zeroing its slot
 * and moving start up, in O(1).  Generated code adds start to an index
 * only for the lists on which the program calls that (the translator
 * knows them); it reads every other list's items from slot 0.  So
 * rpy_list_delete_from_front is the only function here that may make
 * start non-zero.  Every other one keeps it, or resets it to 0 when it
 * moves the items anyway (growth copies them to slot 0 of the new
 * array; clear), and a new list starts at 0.
 *
 * GC discipline, as for generated code:
 *   - Slots outside [start, start + length) are always zero: the
 *     collector traces an array of pointers up to its capacity, and a
 *     dead slot before start would keep an object alive as surely as one
 *     past the end.
 *   - What allocates (new, append, insert, mul, slice, extend, concat,
 *     setslice) keeps its GC arguments in shadow-stack slots meanwhile; an item is
 *     rooted only if it is a GC pointer (an int in a root slot could look
 *     like a nursery address).
 *   - Before GC pointers are stored into an array, one by one or by
 *     memcpy, an array with TRACK_YOUNG_PTRS goes through the write
 *     barrier; so does a list before it gets a new array.  Moving items
 *     within one array (insert, delete, reverse, sort, compaction) needs
 *     no barrier.
 *   - delete, delete_from_front, delslice, clear, reverse, find, count,
 *     eq and sort never allocate from the collector, so they never move
 *     objects (sort malloc's a scratch buffer and raises MemoryError if
 *     it cannot).  sort_keyed allocates only its array of keys and
 *     whatever keyfn does, before it sorts.
 *
 * Growth over-allocates like CPython's list_resize (1/8 extra), so append
 * is amortised O(1); a list whose dead slots before start would hold that
 * much is compacted in place instead (see reserve).  A large array (above
 * the collector's small-object size, malloc'ed) grows in place by realloc
 * (rpy_gc_resize_large), which for big arrays moves pages rather than
 * bytes; that is safe because an items array is only ever pointed to by
 * its list (generated code may keep l->items in a register only between
 * calls, and growth happens inside a call; the runtime's functions reload
 * it after any growth).  Lists never shrink, except
 * that clear() drops the array as CPython does, for a static empty one
 * (no allocation).
 */
#include "rpy.h"
#include "rpy_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arrays and items ------------------------------------------------- */

static inline uint32_t item_size(const rpy_array *a) { return rpy_type_table[a->hdr.tid].item_size; }
static inline bool holds_gcptrs(const rpy_array *a) { return rpy_type_table[a->hdr.tid].items_are_gcptrs != 0; }

static inline uint64_t load(const char *p, uint32_t size) {
    if (size == 1)
        return (unsigned char)*p;
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* A store that needs no barrier: a non-pointer, or one already done. */
static inline void save(char *p, uint32_t size, uint64_t v) {
    if (size == 1)
        *p = (char)v;
    else
        memcpy(p, &v, 8);
}

/* Slot i of an array, whatever list it belongs to. */
static inline char *slot(const rpy_array *a, uint32_t size, int64_t i) { return (char *)a->items + i * size; }
static inline uint64_t get(const rpy_array *a, uint32_t size, int64_t i) { return load(slot(a, size, i), size); }
static inline void put(rpy_array *a, uint32_t size, int64_t i, uint64_t v) { save(slot(a, size, i), size, v); }

/* Item i of a list: slot start + i of its array.  Loops that allocate
 * nothing take `items = rpy_list_item0(l, size)` once and index it. */
static inline char *at(const rpy_list *l, uint32_t size, int64_t i) { return rpy_list_item0(l, size) + i * size; }
static inline uint64_t read_item(const char *items, uint32_t size, int64_t i) { return load(items + i * size, size); }
static inline void write_item(char *items, uint32_t size, int64_t i, uint64_t v) { save(items + i * size, size, v); }

/* Before storing GC pointers into a: one call covers every store up to
 * the next allocation (the collector sets the flag again). */
static inline void before_stores(rpy_array *a) {
    if ((a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS) && holds_gcptrs(a))
        rpy_gc_write_barrier(a);
}

__attribute__((always_inline)) static inline void store(rpy_array *a, int64_t i, uint64_t v) {
    before_stores(a);
    put(a, item_size(a), i, v);
}

static inline void set_items(rpy_list *l, rpy_array *a) {
    if (l->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS)
        rpy_gc_write_barrier(l);
    l->items = a;
}

/* n items from `from` (in any array of dst's kind) to `to` in dst; the
 * ranges may overlap. */
static void copy_items(rpy_array *dst, char *to, const char *from, int64_t n) {
    if (n <= 0)
        return;
    before_stores(dst);
    memmove(to, from, (size_t)n * item_size(dst));
}

/* Zero-capacity arrays (rpy_array without items) for empty lists: never
 * written, moved or freed, so lists share them. */
#define STATIC_FLAGS (RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS)
static struct {
    rpy_hdr hdr;
    int64_t length;
} empty_arrays[] = {
    [RPY_TID_ARRAY_PTR] = {{RPY_TID_ARRAY_PTR, STATIC_FLAGS}, 0},
    [RPY_TID_ARRAY_I64] = {{RPY_TID_ARRAY_I64, STATIC_FLAGS}, 0},
    [RPY_TID_ARRAY_F64] = {{RPY_TID_ARRAY_F64, STATIC_FLAGS}, 0},
    [RPY_TID_ARRAY_U8] = {{RPY_TID_ARRAY_U8, STATIC_FLAGS}, 0},
};

static rpy_array *empty_array(uint32_t tid) {
    bool known = tid >= RPY_TID_ARRAY_PTR && tid <= RPY_TID_ARRAY_U8;
    return known ? (rpy_array *)(void *)&empty_arrays[tid] : NULL;
}

static void *memory_error(void) {
    rpy_raise(RPY_EXC_MEMORY, "");
    return NULL;
}

/* ---- growth ------------------------------------------------------------ */

/* CPython's rule: needed + needed/8 + 6, rounded down to a multiple of 4;
 * byte arrays use the rest of their last word.  An impossible capacity is
 * left to the allocation to refuse with MemoryError. */
static int64_t grown_capacity(int64_t needed, uint32_t size) {
    int64_t cap;
    if (__builtin_add_overflow(needed, (needed >> 3) + 6, &cap))
        return needed;
    cap &= ~(int64_t)3;
    if (size == 1 && cap <= INT64_MAX - 7)
        cap = (cap + 7) & ~(int64_t)7;
    return cap;
}

/* Moves the items down to slot 0 of their array (start 0).  Within one
 * array: no barrier.  Only the slots the items leave need zeroing, those
 * before the old start are zero already, so this is O(length) however
 * far the items had moved up. */
static void compact(rpy_list *l) {
    int64_t s = l->start, n = l->length;
    if (s == 0)
        return;
    rpy_array *a = l->items;
    uint32_t size = item_size(a);
    memmove(a->items, slot(a, size, s), (size_t)n * size);
    int64_t dead = s > n ? s : n;
    memset(slot(a, size, dead), 0, (size_t)(s + n - dead) * size);
    l->start = 0;
}

/* Moves the list's items to slot 0 of a new array with room for `needed`
 * and some to spare.  Roots the list itself and updates *lp (it may have
 * moved); the caller roots whatever else it holds.  Returns the new
 * array, or NULL with MemoryError raised. */
static rpy_array *grow(rpy_list **lp, int64_t needed) {
    rpy_list *l = *lp;
    uint32_t tid = l->items->hdr.tid;
    int64_t cap = grown_capacity(needed, rpy_type_table[tid].item_size);
    /* A large array (malloc'ed, young or old) grows in place, without a
     * copy, as the list holds the only pointer to its array (see the top
     * of the file).  Nothing is collected, so l stays where it is. */
    rpy_array *a = rpy_gc_resize_large(l->items, cap);
    if (a != NULL) {
        set_items(l, a);
        compact(l);
        return a;
    }
    RPY_PUSH_ROOT(l);
    a = rpy_gc_malloc_varsize(tid, cap);
    RPY_POP_ROOT(l);
    *lp = l;
    if (a == NULL)
        return NULL;
    copy_items(a, a->items, rpy_list_item0(l, item_size(a)), l->length);
    set_items(l, a);
    l->start = 0;
    return a;
}

/* Makes room for `total` items from l's start on (l->start may become 0,
 * the array may change; *lp is updated as by grow).
 *
 * When the end of the array is reached with dead slots before start (a
 * queue: pop(0) and append), compacting in place costs the same one move
 * of the items as growing does, so it is chosen whenever it leaves at
 * least the room growth would (total / 8 free slots, CPython's rule):
 * then the next compaction or growth is as far off as after a growth,
 * and appends stay amortised O(1), without allocating or making garbage.
 * A queue of steady length thus settles on one array (grown once at
 * most), compacted every capacity - length appends.  With fewer dead
 * slots than that, compacting could leave too little room and have to
 * be repeated after a few appends: the list grows, which copies the
 * items to slot 0 of the new array. */
static rpy_array *reserve(rpy_list **lp, int64_t total) {
    rpy_list *l = *lp;
    rpy_array *a = l->items;
    if (total <= a->length - l->start)
        return a;
    if (total <= a->length - (total >> 3)) {
        compact(l);
        return a;
    }
    return grow(lp, total);
}

/* reserve() while holding an item, kept (and updated) if a GC pointer. */
static rpy_array *reserve_holding(rpy_list **lp, int64_t total, uint64_t *item) {
    bool is_ptr = holds_gcptrs((*lp)->items);
    if (is_ptr)
        RPY_PUSH_ROOT(*item);
    rpy_array *a = reserve(lp, total);
    if (is_ptr)
        RPY_POP_ROOT(*item);
    return a;
}

/* ---- creating and resizing ------------------------------------------- */

rpy_list *rpy_list_new(uint32_t array_tid, int64_t length, int64_t capacity) {
    if (length < 0 || capacity < 0)
        return memory_error();
    if (capacity < length)
        capacity = length;
    rpy_array *a = capacity == 0 ? empty_array(array_tid) : NULL;
    if (a == NULL && (a = rpy_gc_malloc_varsize(array_tid, capacity)) == NULL)
        return NULL;
    RPY_PUSH_ROOT(a);
    rpy_list *l = rpy_gc_malloc(RPY_TID_LIST);
    RPY_POP_ROOT(a);
    if (l == NULL)
        return NULL;
    l->length = length;
    l->start = 0;
    set_items(l, a);
    return l;
}

__attribute__((noinline)) void rpy_list_append_grow(rpy_list *l, uint64_t item) {
    rpy_array *a = reserve_holding(&l, l->length + 1, &item);
    if (a == NULL)
        return;
    store(a, l->start + l->length, item);
    l->length++;
}

/* An ordinary external definition, like rpy_stack_check: once the runtime
 * is linked into the program as bitcode, always_inline makes the common
 * case a compare, a store and an increment in the caller. */
__attribute__((always_inline)) void rpy_list_append(rpy_list *l, uint64_t item) {
    rpy_array *a = l->items;
    int64_t n = l->length, end = l->start + n;
    if (__builtin_expect(end < a->length, 1)) {
        store(a, end, item);
        l->length = n + 1;
        return;
    }
    rpy_list_append_grow(l, item);
}

void rpy_list_insert(rpy_list *l, int64_t i, uint64_t item) {
    int64_t n = l->length;
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    else if (i > n)
        i = n;
    rpy_array *a = l->items;
    if (n == a->length - l->start && (a = reserve_holding(&l, n + 1, &item)) == NULL)
        return;
    uint32_t size = item_size(a);
    char *p = at(l, size, i);
    memmove(p + size, p, (size_t)(n - i) * size);
    store(a, l->start + i, item);
    l->length = n + 1;
}

void rpy_list_delete(rpy_list *l, int64_t i) {
    uint32_t size = item_size(l->items);
    int64_t n = l->length - 1;
    char *p = at(l, size, i);
    memmove(p, p + size, (size_t)(n - i) * size);
    memset(at(l, size, n), 0, size);
    l->length = n;
}

void rpy_list_delete_from_front(rpy_list *l, int64_t i) {
    uint32_t size = item_size(l->items);
    int64_t n = l->length - 1;
    if (i < l->length / 2) {
        char *first = at(l, size, 0);
        memmove(first + size, first, (size_t)i * size);
        memset(first, 0, size);
        l->start++;
    } else {
        char *p = at(l, size, i);
        memmove(p, p + size, (size_t)(n - i) * size);
        memset(at(l, size, n), 0, size);
    }
    l->length = n;
    if (n == 0) /* the whole array is free again */
        l->start = 0;
}

void rpy_list_clear(rpy_list *l) {
    rpy_array *e = empty_array(l->items->hdr.tid);
    if (e != NULL) {
        l->items = e; /* static, never young: no barrier */
    } else {
        uint32_t size = item_size(l->items);
        memset(rpy_list_item0(l, size), 0, (size_t)l->length * size);
    }
    l->length = 0;
    l->start = 0;
}

void rpy_list_extend(rpy_list *l, rpy_list *other) {
    int64_t n = l->length, m = other->length, total;
    if (m == 0)
        return;
    if (__builtin_add_overflow(n, m, &total)) {
        memory_error();
        return;
    }
    rpy_array *a = l->items;
    if (total > a->length - l->start) {
        RPY_PUSH_ROOT(other);
        a = reserve(&l, total);
        RPY_POP_ROOT(other);
        if (a == NULL)
            return;
    }
    /* other == l is fine: its items are still l's first n, wherever
     * reserve put them. */
    uint32_t size = item_size(a);
    copy_items(a, at(l, size, n), rpy_list_item0(other, size), m);
    l->length = total;
}

/* ---- new lists from old ----------------------------------------------- */

rpy_list *rpy_list_concat(rpy_list *a, rpy_list *b) {
    int64_t total;
    if (__builtin_add_overflow(a->length, b->length, &total))
        return memory_error();
    RPY_PUSH_ROOT(a);
    RPY_PUSH_ROOT(b);
    rpy_list *r = rpy_list_new(a->items->hdr.tid, total, total);
    RPY_POP_ROOT(b);
    RPY_POP_ROOT(a);
    if (r == NULL)
        return NULL;
    rpy_array *d = r->items;
    uint32_t size = item_size(d);
    copy_items(d, d->items, rpy_list_item0(a, size), a->length);
    copy_items(d, slot(d, size, a->length), rpy_list_item0(b, size), b->length);
    return r;
}

rpy_list *rpy_list_mul(rpy_list *l, int64_t n) {
    int64_t len = l->length, total;
    if (n < 0)
        n = 0;
    if (__builtin_mul_overflow(len, n, &total))
        return memory_error();
    RPY_PUSH_ROOT(l);
    rpy_list *r = rpy_list_new(l->items->hdr.tid, total, total);
    RPY_POP_ROOT(l);
    if (r == NULL || total == 0)
        return r;
    /* One copy of l, then the result doubles itself. */
    rpy_array *a = r->items;
    uint32_t size = item_size(a);
    copy_items(a, a->items, rpy_list_item0(l, size), len);
    for (int64_t done = len; done < total;) {
        int64_t k = done < total - done ? done : total - done;
        copy_items(a, slot(a, size, done), a->items, k);
        done += k;
    }
    return r;
}

rpy_list *rpy_list_slice(rpy_list *l, int64_t start, int64_t stop, int64_t step) {
    int64_t n = l->length, count;
    if (!rpy_slice_adjust(n, &start, &stop, &step, &count))
        return NULL;
    RPY_PUSH_ROOT(l);
    rpy_list *r = rpy_list_new(l->items->hdr.tid, count, count);
    RPY_POP_ROOT(l);
    if (r == NULL)
        return NULL;
    rpy_array *dst = r->items;
    uint32_t size = item_size(dst);
    if (step == 1) {
        copy_items(dst, dst->items, at(l, size, start), count);
    } else {
        const char *items = rpy_list_item0(l, size);
        if (count > 0)
            before_stores(dst);
        for (int64_t k = 0; k < count; k++) /* no overflow: inside the list */
            put(dst, size, k, read_item(items, size, start + k * step));
    }
    return r;
}

/* ---- slice assignment and deletion ------------------------------------------ */

/* l[lo:lo + count] = items (the bounds already adjusted): the tail moves
 * to make the range as long as items is. */
static void replace_range(rpy_list *l, int64_t lo, int64_t count, rpy_list *items) {
    int64_t n = l->length, m = items->length, total;
    if (__builtin_add_overflow(n - count, m, &total)) {
        memory_error();
        return;
    }
    rpy_array *a = l->items;
    if (total > a->length - l->start) {
        RPY_PUSH_ROOT(items);
        a = reserve(&l, total);
        RPY_POP_ROOT(items);
        if (a == NULL)
            return;
    }
    uint32_t size = item_size(a);
    char *p = at(l, size, lo);
    memmove(p + m * size, p + count * size, (size_t)(n - lo - count) * size);
    copy_items(a, p, rpy_list_item0(items, size), m);
    if (total < n) /* the slots given up must not keep objects alive */
        memset(at(l, size, total), 0, (size_t)(n - total) * size);
    l->length = total;
}

void rpy_list_setslice(rpy_list *l, int64_t start, int64_t stop, int64_t step, rpy_list *items) {
    int64_t n = l->length, count;
    if (!rpy_slice_adjust(n, &start, &stop, &step, &count))
        return;
    if (step == 1) {
        /* count is 0 when stop <= start: then an insertion at start, as in
         * CPython.  `l[i:j] = l` would read l while moving its items
         * around: copy it first, as CPython does. */
        if (items == l) {
            RPY_PUSH_ROOT(l);
            items = rpy_list_slice(l, INT64_MIN, INT64_MAX, 1);
            RPY_POP_ROOT(l);
            if (items == NULL)
                return;
        }
        replace_range(l, start, count, items);
        return;
    }
    int64_t m = items->length;
    if (m != count) {
        char msg[128];
        snprintf(msg, sizeof msg, "attempt to assign sequence of size %lld to extended slice of size %lld",
                 (long long)m, (long long)count);
        rpy_raise(RPY_EXC_VALUE, msg);
        return;
    }
    if (count == 0)
        return;
    if (items == l) {
        /* Then the slice is all of l, so step is -1 (or l has one item):
         * l[::-1] = l reverses l. */
        if (step < 0)
            rpy_list_reverse(l);
        return;
    }
    /* Nothing allocates here, so one barrier covers every store. */
    uint32_t size = item_size(l->items);
    char *dst = rpy_list_item0(l, size);
    const char *src = rpy_list_item0(items, size);
    before_stores(l->items);
    for (int64_t k = 0; k < count; k++) /* no overflow: inside the list */
        write_item(dst, size, start + k * step, read_item(src, size, k));
}

void rpy_list_delslice(rpy_list *l, int64_t start, int64_t stop, int64_t step) {
    int64_t n = l->length, count;
    if (!rpy_slice_adjust(n, &start, &stop, &step, &count) || count == 0)
        return;
    uint32_t size = item_size(l->items);
    if (step < 0) { /* the same items, taken from the lowest up */
        start += (count - 1) * step;
        step = -step;
    }
    if (step == 1) {
        memmove(at(l, size, start), at(l, size, start + count), (size_t)(n - start - count) * size);
    } else {
        /* Close up the survivors left to right: step - 1 of them between
         * two deleted items, then the tail after the last. */
        int64_t dst = start;
        for (int64_t k = 0; k < count; k++) {
            int64_t from = start + k * step + 1;
            int64_t to = k + 1 < count ? from + step - 1 : n;
            memmove(at(l, size, dst), at(l, size, from), (size_t)(to - from) * size);
            dst += to - from;
        }
    }
    memset(at(l, size, n - count), 0, (size_t)count * size);
    l->length = n - count;
}

/* ---- in place, without allocating --------------------------------------- */

void rpy_list_reverse(rpy_list *l) {
    uint32_t size = item_size(l->items);
    char *items = rpy_list_item0(l, size);
    for (int64_t i = 0, j = l->length - 1; i < j; i++, j--) {
        uint64_t x = read_item(items, size, i);
        write_item(items, size, i, read_item(items, size, j));
        write_item(items, size, j, x);
    }
}

static inline double as_double(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}
static inline rpy_str *as_str(uint64_t bits) { return (rpy_str *)(uintptr_t)bits; }

static inline bool items_equal(uint64_t x, uint64_t y, int32_t eq_kind) {
    switch (eq_kind & 0xff) {
    case RPY_EQ_FLOAT: return as_double(x) == as_double(y);
    case RPY_EQ_STR: return rpy_str_eq(as_str(x), as_str(y));
    case RPY_EQ_LIST: return rpy_list_eq((rpy_list *)(uintptr_t)x, (rpy_list *)(uintptr_t)y, eq_kind >> 8);
    default: return x == y;
    }
}

bool rpy_items_equal(uint64_t x, uint64_t y, int32_t eq_kind) {
    return items_equal(x, y, eq_kind);
}

int64_t rpy_list_find(rpy_list *l, uint64_t item, int32_t eq_kind, int64_t start, int64_t stop) {
    uint32_t size = item_size(l->items);
    const char *items = rpy_list_item0(l, size);
    int64_t n = l->length;
    /* Bounds as list.index takes them: negative ones count from the end. */
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0 && (stop += n) < 0)
        stop = 0;
    if (stop > n)
        stop = n;
    for (int64_t i = start; i < stop; i++)
        if (items_equal(read_item(items, size, i), item, eq_kind))
            return i;
    return -1;
}

int64_t rpy_list_count(rpy_list *l, uint64_t item, int32_t eq_kind) {
    uint32_t size = item_size(l->items);
    const char *items = rpy_list_item0(l, size);
    int64_t count = 0;
    for (int64_t i = 0; i < l->length; i++)
        count += items_equal(read_item(items, size, i), item, eq_kind);
    return count;
}

/* NULL (None) equals only NULL. */
bool rpy_list_eq(rpy_list *a, rpy_list *b, int32_t eq_kind) {
    if (a == NULL || b == NULL)
        return a == b;
    int64_t n = a->length;
    if (n != b->length)
        return false;
    uint32_t size = item_size(a->items);
    const char *x = rpy_list_item0(a, size), *y = rpy_list_item0(b, size);
    if (eq_kind == RPY_EQ_BITS) /* bools are stored as 0 / 1 */
        return memcmp(x, y, (size_t)n * size) == 0;
    for (int64_t i = 0; i < n; i++)
        if (!items_equal(read_item(x, size, i), read_item(y, size, i), eq_kind))
            return false;
    return true;
}

/* `x op y` for two items known to differ (by ==) or of any kind. */
static bool items_ordered(uint64_t x, uint64_t y, int32_t eq_kind, int32_t op) {
    int c;
    switch (eq_kind & 0xff) {
    case RPY_EQ_FLOAT: {
        double a = as_double(x), b = as_double(y);
        switch (op) {
        case RPY_CMP_LT: return a < b;
        case RPY_CMP_LE: return a <= b;
        case RPY_CMP_GT: return a > b;
        default: return a >= b;
        }
    }
    case RPY_EQ_STR: c = rpy_str_cmp(as_str(x), as_str(y)); break;
    case RPY_EQ_LIST:
        return rpy_list_compare((rpy_list *)(uintptr_t)x, (rpy_list *)(uintptr_t)y, eq_kind >> 8, op);
    default: c = (int64_t)x < (int64_t)y ? -1 : (int64_t)x > (int64_t)y; break;
    }
    switch (op) {
    case RPY_CMP_LT: return c < 0;
    case RPY_CMP_LE: return c <= 0;
    case RPY_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

bool rpy_list_compare(rpy_list *a, rpy_list *b, int32_t eq_kind, int32_t op) {
    int64_t n = a->length, m = b->length;
    uint32_t size = item_size(a->items);
    const char *x = rpy_list_item0(a, size), *y = rpy_list_item0(b, size);
    for (int64_t i = 0; i < n && i < m; i++) {
        uint64_t u = read_item(x, size, i), v = read_item(y, size, i);
        if (!items_equal(u, v, eq_kind))
            return items_ordered(u, v, eq_kind, op);
    }
    return items_ordered((uint64_t)n, (uint64_t)m, RPY_EQ_BITS, op);
}

/* ---- sorting ------------------------------------------------------------
 *
 * A bottom-up merge sort of the 8-byte items in place, with a malloc'ed
 * scratch buffer.  `before(x, y)` is a strict order, so equal items are
 * never swapped: stable.  reverse=True uses the opposite strict order,
 * which keeps equal items in their original order as CPython does.
 * Ints compare as signed, floats with <: a NaN is neither before nor after
 * anything, so the order around NaNs is unspecified (and differs from
 * CPython's).  Strings compare by bytes, code point order for UTF-8 (but
 * bytes that are not UTF-8, U+DC80..U+DCFF in Python, sort here above
 * every valid character); None sorts before every string, where CPython
 * raises TypeError.  Byte arrays (bools) are counted instead. */

typedef bool (*before_fn)(uint64_t x, uint64_t y);

static int str_cmp(uint64_t x, uint64_t y) {
    const rpy_str *a = as_str(x), *b = as_str(y);
    if (a == b)
        return 0;
    if (a == NULL || b == NULL)
        return a == NULL ? -1 : 1;
    int64_t n = a->length < b->length ? a->length : b->length;
    int c = memcmp(a->data, b->data, (size_t)n);
    if (c != 0)
        return c;
    return (a->length > b->length) - (a->length < b->length);
}

static bool int_lt(uint64_t x, uint64_t y) { return (int64_t)x < (int64_t)y; }
static bool int_gt(uint64_t x, uint64_t y) { return (int64_t)x > (int64_t)y; }
static bool float_lt(uint64_t x, uint64_t y) { return as_double(x) < as_double(y); }
static bool float_gt(uint64_t x, uint64_t y) { return as_double(x) > as_double(y); }
static bool str_lt(uint64_t x, uint64_t y) { return str_cmp(x, y) < 0; }
static bool str_gt(uint64_t x, uint64_t y) { return str_cmp(x, y) > 0; }

#define RUN 16 /* sorted by insertion before merging */

__attribute__((always_inline)) static inline void insertion_sort(uint64_t *v, int64_t n, before_fn before) {
    for (int64_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        int64_t j = i;
        for (; j > 0 && before(x, v[j - 1]); j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* a[0..na) and b[0..nb), each sorted, into out; a's items win ties. */
__attribute__((always_inline)) static inline void merge(const uint64_t *a, int64_t na, const uint64_t *b, int64_t nb,
                                                        uint64_t *out, before_fn before) {
    int64_t i = 0, j = 0, k = 0;
    if (na > 0 && nb > 0 && before(b[0], a[na - 1])) /* else already in order */
        while (i < na && j < nb)
            out[k++] = before(b[j], a[i]) ? b[j++] : a[i++];
    memcpy(out + k, a + i, (size_t)(na - i) * 8);
    k += na - i;
    memcpy(out + k, b + j, (size_t)(nb - j) * 8);
}

__attribute__((always_inline)) static inline void merge_sort(uint64_t *v, uint64_t *tmp, int64_t n,
                                                             before_fn before) {
    for (int64_t lo = 0; lo < n; lo += RUN)
        insertion_sort(v + lo, n - lo < RUN ? n - lo : RUN, before);
    uint64_t *src = v, *dst = tmp;
    for (int64_t width = RUN; width < n; width *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * width) {
            int64_t mid = n - lo < width ? n : lo + width;
            int64_t hi = n - lo < 2 * width ? n : lo + 2 * width;
            merge(src + lo, mid - lo, src + mid, hi - mid, dst + lo, before);
        }
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, (size_t)n * 8);
}

/* One merge_sort per order, each calling its `before` directly. */
static void sort_words(uint64_t *v, uint64_t *tmp, int64_t n, int32_t eq_kind, bool reverse) {
    switch (eq_kind * 2 + reverse) {
    case RPY_EQ_FLOAT * 2: merge_sort(v, tmp, n, float_lt); break;
    case RPY_EQ_FLOAT * 2 + 1: merge_sort(v, tmp, n, float_gt); break;
    case RPY_EQ_STR * 2: merge_sort(v, tmp, n, str_lt); break;
    case RPY_EQ_STR * 2 + 1: merge_sort(v, tmp, n, str_gt); break;
    case RPY_EQ_BITS * 2 + 1: merge_sort(v, tmp, n, int_gt); break;
    default: merge_sort(v, tmp, n, int_lt); break;
    }
}

static void sort_bytes(unsigned char *p, int64_t n, bool reverse) {
    int64_t counts[256] = {0};
    for (int64_t i = 0; i < n; i++)
        counts[p[i]]++;
    for (int v = 0; v < 256; v++) {
        int b = reverse ? 255 - v : v;
        memset(p, b, (size_t)counts[b]);
        p += counts[b];
    }
}

void rpy_list_sort(rpy_list *l, int32_t eq_kind, bool reverse) {
    int64_t n = l->length;
    if (n < 2)
        return;
    if (item_size(l->items) == 1) {
        sort_bytes((unsigned char *)rpy_list_item0(l, 1), n, reverse);
        return;
    }
    /* Items are 8-aligned (rpy.h), and the build has no strict aliasing. */
    uint64_t *v = (uint64_t *)(void *)rpy_list_item0(l, 8), *tmp = NULL;
    if (n > RUN && (tmp = malloc((size_t)n * 8)) == NULL) {
        memory_error();
        return;
    }
    sort_words(v, tmp, n, eq_kind, reverse);
    free(tmp);
}

/* ---- sorting by keys ----------------------------------------------------
 *
 * l.sort(key=..., reverse=...).  The keys are computed first, one call of
 * keyfn per item in index order, while the list is detached (empty, its
 * array held here), as CPython does: keyfn sees an empty list, and if it
 * changes the list, the sort still completes, drops those changes and
 * raises ValueError "list modified during sort".  Keys that are GC
 * pointers (strings, tuples) wait in a GC array of pointers, rooted with
 * the list and its array across each call, which may collect.
 *
 * Then nothing allocates from the collector, so nothing moves: (key, item)
 * pairs are copied into a malloc'ed buffer and sorted there, and the items
 * are written back in their new order.
 *
 * With a consistent order any stable sort gives the same result.  Floats
 * with NaN do not have one, and then the result depends on exactly which
 * comparisons are made, so the sort is Tim Peters' timsort as CPython 3.11
 * runs it (Objects/listsort.txt: natural runs, a strictly descending run
 * reversed, short runs extended by binary insertion to minrun, powersort's
 * merge policy, merges trimmed by galloping first, then merge_lo/merge_hi
 * with adaptive galloping, min_gallop starting at 7), asking only "a < b?"
 * in the same order, written afresh from that description (3.12 sorts
 * alike; 3.13 finds runs differently, so NaN may land elsewhere there).
 * reverse=True
 * reverses the pairs, sorts ascending and reverses again, as CPython does,
 * which keeps equal keys in their original order.
 *
 * Tuple keys compare as CPython compares tuples of the same length: the
 * first field that is not equal (==: 0.0 == -0.0, NaN equal to nothing)
 * decides by <; all fields equal means equal keys.  (CPython would treat a
 * NaN field as equal when both tuples hold the same float object; unboxed
 * floats have no identity, so here a NaN field always decides, as with
 * distinct NaN objects.)  A None string sorts before every string and a
 * None tuple before every tuple, where CPython raises TypeError. */

typedef struct sort_pair {
    uint64_t key, item;
} sort_pair;

#define MIN_GALLOP 7
#define MAX_PENDING 80 /* run powers strictly increase up the stack */

typedef struct keyed_sort {
    const int32_t *kinds;
    int32_t nkinds;
    int64_t min_gallop;
    sort_pair *tmp; /* n / 2 + 1 pairs: a merge copies the shorter run */
    int npending;
    struct {
        int64_t base, len;
        int power;
    } pending[MAX_PENDING];
} keyed_sort;

typedef bool (*key_lt)(const keyed_sort *s, uint64_t x, uint64_t y);

static bool key_int_lt(const keyed_sort *s, uint64_t x, uint64_t y) {
    (void)s;
    return (int64_t)x < (int64_t)y;
}
static bool key_float_lt(const keyed_sort *s, uint64_t x, uint64_t y) {
    (void)s;
    return as_double(x) < as_double(y);
}
static bool key_str_lt(const keyed_sort *s, uint64_t x, uint64_t y) {
    (void)s;
    return str_cmp(x, y) < 0;
}

/* Field i of a tuple: the header, then 8-byte slots (a bool is the
 * slot's first byte). */
static inline const char *tuple_slot(uint64_t t, int32_t i) {
    return (const char *)(uintptr_t)t + sizeof(rpy_hdr) + 8 * (size_t)i;
}
static inline uint64_t tuple_field(uint64_t t, int32_t i) {
    uint64_t v;
    memcpy(&v, tuple_slot(t, i), 8);
    return v;
}

static bool key_tuple_lt(const keyed_sort *s, uint64_t x, uint64_t y) {
    if (x == 0 || y == 0)
        return x == 0 && y != 0;
    for (int32_t i = 0; i < s->nkinds; i++) {
        uint64_t a = tuple_field(x, i), b = tuple_field(y, i);
        switch (s->kinds[i]) {
        case RPY_SORT_FLOAT:
            if (as_double(a) != as_double(b))
                return as_double(a) < as_double(b);
            break;
        case RPY_SORT_STR: {
            int c = str_cmp(a, b);
            if (c != 0)
                return c < 0;
            break;
        }
        case RPY_SORT_BOOL: {
            unsigned char p = (unsigned char)*tuple_slot(x, i), q = (unsigned char)*tuple_slot(y, i);
            if (p != q)
                return p < q;
            break;
        }
        default:
            if (a != b)
                return (int64_t)a < (int64_t)b;
            break;
        }
    }
    return false;
}

#define LT(x, y) lt(s, (x), (y))

static void reverse_pairs(sort_pair *v, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        sort_pair t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

static inline void move_pairs(sort_pair *dst, const sort_pair *src, int64_t n) {
    memmove(dst, src, (size_t)n * sizeof *dst);
}

/* The length of the run starting at v[0] (n >= 1 pairs available): a
 * non-descending one, or a strictly descending one (*descending set). */
__attribute__((always_inline)) static inline int64_t count_run(const keyed_sort *s, const sort_pair *v, int64_t n,
                                                               bool *descending, key_lt lt) {
    int64_t i = 1;
    *descending = false;
    if (n == 1)
        return 1;
    if (LT(v[1].key, v[0].key)) {
        *descending = true;
        for (i = 2; i < n && LT(v[i].key, v[i - 1].key); i++)
            ;
    } else {
        for (i = 2; i < n && !LT(v[i].key, v[i - 1].key); i++)
            ;
    }
    return i;
}

/* v[0..sorted) is in order; inserts v[sorted..n) one by one, each after
 * the last pair not greater than it (a binary search). */
__attribute__((always_inline)) static inline void binary_insertion(const keyed_sort *s, sort_pair *v, int64_t n,
                                                                   int64_t sorted, key_lt lt) {
    for (int64_t i = sorted == 0 ? 1 : sorted; i < n; i++) {
        sort_pair x = v[i];
        int64_t lo = 0, hi = i;
        while (lo < hi) {
            int64_t mid = lo + ((hi - lo) >> 1);
            if (LT(x.key, v[mid].key))
                hi = mid;
            else
                lo = mid + 1;
        }
        move_pairs(v + lo + 1, v + lo, i - lo);
        v[lo] = x;
    }
}

/* Where key goes in the sorted a[0..n) (n >= 1), searching outwards from
 * a[hint] by offsets 1, 3, 7, ... and then by bisection.  gallop_left:
 * before any pair equal to key (a[k-1] < key <= a[k]); gallop_right:
 * after them (a[k-1] <= key < a[k]). */
__attribute__((always_inline)) static inline int64_t gallop(const keyed_sort *s, uint64_t key, const sort_pair *a,
                                                            int64_t n, int64_t hint, bool right, key_lt lt) {
    /* "key goes after a[i]": a[i] < key, or a[i] <= key for right. */
#define AFTER(i) (right ? !LT(key, a[i].key) : LT(a[i].key, key))
    int64_t below, above; /* key goes after a[below], not after a[above] */
    if (AFTER(hint)) {
        int64_t limit = n - hint, prev = 0, ofs = 1;
        while (ofs < limit && AFTER(hint + ofs)) {
            prev = ofs;
            ofs = 2 * ofs + 1;
        }
        if (ofs > limit)
            ofs = limit;
        below = hint + prev;
        above = hint + ofs;
    } else {
        int64_t limit = hint + 1, prev = 0, ofs = 1;
        while (ofs < limit && !AFTER(hint - ofs)) {
            prev = ofs;
            ofs = 2 * ofs + 1;
        }
        if (ofs > limit)
            ofs = limit;
        below = hint - ofs;
        above = hint - prev;
    }
    /* Bisect (below, above]: after a[below] (or below is -1), not after
     * a[above] (or above is n). */
    below++;
    while (below < above) {
        int64_t mid = below + ((above - below) >> 1);
        if (AFTER(mid))
            below = mid + 1;
        else
            above = mid;
    }
    return above;
#undef AFTER
}

/* Merges the runs a = v[0..na) and b = v[na..na+nb), na <= nb, where b[0]
 * goes before every pair of a and a[na-1] after every pair of b (the
 * caller trimmed both): a goes to the scratch buffer and the merge fills
 * v from the left. */
__attribute__((always_inline)) static inline void merge_low(keyed_sort *s, sort_pair *v, int64_t na, int64_t nb,
                                                            key_lt lt) {
    sort_pair *a = s->tmp; /* a[ia..ia+na) left */
    move_pairs(a, v, na);
    int64_t ia = 0, ib = na, d = 0; /* b is v[ib..ib+nb); d + na == ib */
    v[d++] = v[ib++];
    nb--;
    int64_t min_gallop = s->min_gallop;
    if (nb == 0)
        goto done;
    if (na == 1)
        goto last_a;
    for (;;) {
        int64_t awins = 0, bwins = 0;
        /* One pair at a time, until one run wins min_gallop times in a row. */
        for (;;) {
            if (LT(v[ib].key, a[ia].key)) {
                v[d++] = v[ib++];
                nb--;
                awins = 0;
                if (nb == 0)
                    goto done;
                if (++bwins >= min_gallop)
                    break;
            } else {
                v[d++] = a[ia++];
                na--;
                bwins = 0;
                if (na == 1)
                    goto last_a;
                if (++awins >= min_gallop)
                    break;
            }
        }
        /* Gallop while either run keeps winning by MIN_GALLOP or more. */
        min_gallop++;
        do {
            if (min_gallop > 1)
                min_gallop--;
            s->min_gallop = min_gallop;
            int64_t k = gallop(s, v[ib].key, a + ia, na, 0, true, lt);
            awins = k;
            if (k > 0) {
                move_pairs(v + d, a + ia, k);
                d += k;
                ia += k;
                na -= k;
                if (na == 1)
                    goto last_a;
                if (na == 0) /* only if the order is inconsistent */
                    goto done;
            }
            v[d++] = v[ib++];
            nb--;
            if (nb == 0)
                goto done;
            k = gallop(s, a[ia].key, v + ib, nb, 0, false, lt);
            bwins = k;
            if (k > 0) {
                move_pairs(v + d, v + ib, k);
                d += k;
                ib += k;
                nb -= k;
                if (nb == 0)
                    goto done;
            }
            v[d++] = a[ia++];
            na--;
            if (na == 1)
                goto last_a;
        } while (awins >= MIN_GALLOP || bwins >= MIN_GALLOP);
        min_gallop++; /* leaving gallop mode costs */
        s->min_gallop = min_gallop;
    }
done:
    move_pairs(v + d, a + ia, na);
    return;
last_a: /* a's last pair goes after the rest of b */
    move_pairs(v + d, v + ib, nb);
    v[d + nb] = a[ia];
}

/* As merge_low for na > nb: b goes to the scratch buffer and the merge
 * fills v from the right. */
__attribute__((always_inline)) static inline void merge_high(keyed_sort *s, sort_pair *v, int64_t na, int64_t nb,
                                                             key_lt lt) {
    sort_pair *b = s->tmp; /* b[0..nb) left, the last at ib */
    move_pairs(b, v + na, nb);
    int64_t ia = na - 1, ib = nb - 1, d = na + nb - 1; /* a is v[0..na) */
    v[d--] = v[ia--];
    na--;
    int64_t min_gallop = s->min_gallop;
    if (na == 0)
        goto done;
    if (nb == 1)
        goto first_b;
    for (;;) {
        int64_t awins = 0, bwins = 0;
        for (;;) {
            if (LT(b[ib].key, v[ia].key)) {
                v[d--] = v[ia--];
                na--;
                bwins = 0;
                if (na == 0)
                    goto done;
                if (++awins >= min_gallop)
                    break;
            } else {
                v[d--] = b[ib--];
                nb--;
                awins = 0;
                if (nb == 1)
                    goto first_b;
                if (++bwins >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do {
            if (min_gallop > 1)
                min_gallop--;
            s->min_gallop = min_gallop;
            int64_t k = na - gallop(s, b[ib].key, v, na, na - 1, true, lt);
            awins = k;
            if (k > 0) {
                d -= k;
                ia -= k;
                move_pairs(v + d + 1, v + ia + 1, k);
                na -= k;
                if (na == 0)
                    goto done;
            }
            v[d--] = b[ib--];
            nb--;
            if (nb == 1)
                goto first_b;
            k = nb - gallop(s, v[ia].key, b, nb, nb - 1, false, lt);
            bwins = k;
            if (k > 0) {
                d -= k;
                ib -= k;
                move_pairs(v + d + 1, b + ib + 1, k);
                nb -= k;
                if (nb == 1)
                    goto first_b;
                if (nb == 0) /* only if the order is inconsistent */
                    goto done;
            }
            v[d--] = v[ia--];
            na--;
            if (na == 0)
                goto done;
        } while (awins >= MIN_GALLOP || bwins >= MIN_GALLOP);
        min_gallop++;
        s->min_gallop = min_gallop;
    }
done:
    move_pairs(v + d - (nb - 1), b, nb);
    return;
first_b: /* b's first pair goes before the rest of a */
    d -= na;
    ia -= na;
    move_pairs(v + d + 1, v + ia + 1, na);
    v[d] = b[ib];
}

/* Merges pending runs i and i + 1 (the last two or the two before the
 * last) into run i. */
__attribute__((always_inline)) static inline void merge_at(keyed_sort *s, sort_pair *v, int i, key_lt lt) {
    int64_t base = s->pending[i].base, na = s->pending[i].len, nb = s->pending[i + 1].len;
    sort_pair *a = v + base, *b = a + na;
    s->pending[i].len = na + nb;
    if (i == s->npending - 3)
        s->pending[i + 1] = s->pending[i + 2];
    s->npending--;
    /* a's pairs not after b[0] already are in place, and so are b's not
     * before a's last. */
    int64_t k = gallop(s, b[0].key, a, na, 0, true, lt);
    a += k;
    na -= k;
    if (na == 0)
        return;
    nb = gallop(s, a[na - 1].key, b, nb, nb - 1, false, lt);
    if (nb == 0)
        return;
    if (na <= nb)
        merge_low(s, a, na, nb, lt);
    else
        merge_high(s, a, na, nb, lt);
}

/* One merge_at per order, each calling its `lt` directly; the rest of the
 * sort is inlined into sort_pairs' cases. */
typedef void (*merge_fn)(keyed_sort *s, sort_pair *v, int i);
#define MERGE_AT(name, lt) \
    static void name(keyed_sort *s, sort_pair *v, int i) { merge_at(s, v, i, lt); }
MERGE_AT(merge_at_int, key_int_lt)
MERGE_AT(merge_at_float, key_float_lt)
MERGE_AT(merge_at_str, key_str_lt)
MERGE_AT(merge_at_tuple, key_tuple_lt)
#undef MERGE_AT

/* Powersort's node power of two adjacent runs [s1, s1+n1) and
 * [s1+n1, s1+n1+n2) in a list of n: the first bit where the binary
 * fractions of their midpoints over n differ (computed on doubled
 * midpoints, which stay integers). */
static int run_power(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
    int64_t a = 2 * s1 + n1, b = a + n1 + n2;
    int power = 0;
    for (;;) {
        power++;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            return power;
        }
        a <<= 1;
        b <<= 1;
    }
}

/* The shortest run worth extending to: n itself below 64, else a number
 * in 32..64 such that n / minrun is a power of two or a little less. */
static int64_t min_run(int64_t n) {
    int64_t odd = 0;
    while (n >= 64) {
        odd |= n & 1;
        n >>= 1;
    }
    return n + odd;
}

__attribute__((always_inline)) static inline void timsort(keyed_sort *s, sort_pair *v, int64_t n, key_lt lt,
                                                           merge_fn merge) {
    int64_t minrun = min_run(n), lo = 0;
    s->min_gallop = MIN_GALLOP;
    s->npending = 0;
    while (lo < n) {
        bool descending;
        int64_t run = count_run(s, v + lo, n - lo, &descending, lt);
        if (descending)
            reverse_pairs(v + lo, run);
        if (run < minrun) {
            int64_t force = n - lo < minrun ? n - lo : minrun;
            binary_insertion(s, v + lo, force, run, lt);
            run = force;
        }
        if (s->npending > 0) {
            int top = s->npending - 1;
            int power = run_power(s->pending[top].base, s->pending[top].len, run, n);
            while (s->npending > 1 && s->pending[s->npending - 2].power > power)
                merge(s, v, s->npending - 2);
            s->pending[s->npending - 1].power = power;
        }
        s->pending[s->npending].base = lo;
        s->pending[s->npending].len = run;
        s->npending++;
        lo += run;
    }
    while (s->npending > 1) {
        int i = s->npending - 2;
        if (i > 0 && s->pending[i - 1].len < s->pending[i + 1].len)
            i--;
        merge(s, v, i);
    }
}

#undef LT

static void sort_pairs(keyed_sort *s, sort_pair *v, int64_t n, bool tuple) {
    switch (tuple ? -1 : s->kinds[0]) {
    case -1: timsort(s, v, n, key_tuple_lt, merge_at_tuple); break;
    case RPY_SORT_FLOAT: timsort(s, v, n, key_float_lt, merge_at_float); break;
    case RPY_SORT_STR: timsort(s, v, n, key_str_lt, merge_at_str); break;
    default: timsort(s, v, n, key_int_lt, merge_at_int); break; /* bools as 0 / 1 */
    }
}

void rpy_list_sort_keyed(rpy_list *l, rpy_key_fn keyfn, const int32_t *kinds, int32_t nkinds, bool tuple_key,
                         bool reverse) {
    rpy_list_sort_keyed_env(l, keyfn, NULL, NULL, kinds, nkinds, tuple_key, reverse);
}

void rpy_list_sort_keyed_env(rpy_list *l, rpy_key_fn keyfn, rpy_key_env_fn keyfn_env, void *env,
                             const int32_t *kinds, int32_t nkinds, bool tuple_key, bool reverse) {
    if (keyfn_env != NULL)
        keyfn = NULL;
    bool keyed = keyfn != NULL || keyfn_env != NULL;
    int64_t n = l->length;
    if (n == 0 || (n == 1 && !keyed))
        return;
    bool tuple = tuple_key || nkinds != 1;
    bool gc_keys = tuple || kinds[0] == RPY_SORT_STR;
    /* The pairs, then the merges' scratch space. */
    sort_pair *pairs = NULL;
    if (n <= INT64_MAX / 2 / (int64_t)sizeof(sort_pair))
        pairs = malloc((size_t)(n + n / 2 + 1) * sizeof(sort_pair));
    if (pairs == NULL) {
        memory_error();
        return;
    }

    rpy_array *a = l->items;
    int64_t first = l->start; /* the slot of item 0 in a */
    bool modified = false;
    if (keyed) {
        rpy_array *keys = NULL;
        if (gc_keys) {
            RPY_PUSH_ROOT(l);
            keys = rpy_gc_malloc_varsize(RPY_TID_ARRAY_PTR, n);
            RPY_POP_ROOT(l);
            if (keys == NULL) {
                free(pairs);
                return;
            }
            a = l->items;
        }
        /* Detach the items: l is empty while keyfn runs. */
        rpy_array *empty = empty_array(a->hdr.tid);
        l->items = empty; /* static, never young: no barrier */
        l->length = 0;
        l->start = 0;
        for (int64_t i = 0; i < n; i++) {
            uint64_t item = get(a, item_size(a), first + i);
            RPY_PUSH_ROOT(l);
            RPY_PUSH_ROOT(a);
            RPY_PUSH_ROOT(keys);
            RPY_PUSH_ROOT(env);
            uint64_t key = keyfn_env != NULL ? keyfn_env(item, env) : keyfn(item);
            RPY_POP_ROOT(env);
            RPY_POP_ROOT(keys);
            RPY_POP_ROOT(a);
            RPY_POP_ROOT(l);
            if (rpy_exc_value != NULL) {
                l->length = n;
                set_items(l, a);
                l->start = first;
                free(pairs);
                return;
            }
            if (gc_keys)
                store(keys, i, key); /* keys may be old by now: barrier */
            else
                pairs[i].key = key;
        }
        /* Nothing allocates from here until the end. */
        modified = l->length != 0 || l->items != empty;
        l->length = n;
        set_items(l, a);
        l->start = first;
        if (gc_keys)
            for (int64_t i = 0; i < n; i++)
                pairs[i].key = get(keys, 8, i);
    }
    uint32_t size = item_size(a);
    for (int64_t i = 0; i < n; i++) {
        pairs[i].item = get(a, size, first + i);
        if (!keyed)
            pairs[i].key = pairs[i].item;
        if (!tuple && kinds[0] == RPY_SORT_BOOL) /* one byte */
            pairs[i].key &= 0xff;
    }

    keyed_sort s;
    s.kinds = kinds;
    s.nkinds = nkinds;
    s.tmp = pairs + n;
    if (reverse)
        reverse_pairs(pairs, n);
    sort_pairs(&s, pairs, n, tuple);
    if (reverse)
        reverse_pairs(pairs, n);

    if (size != 1)
        before_stores(a);
    for (int64_t i = 0; i < n; i++)
        put(a, size, first + i, pairs[i].item);
    free(pairs);
    if (modified) /* allocates: last */
        rpy_raise(RPY_EXC_VALUE, "list modified during sort");
}

/* ---- sum, min, max, any, all of a list ------------------------------------- */

int64_t rpy_list_sum_int(rpy_list *l) {
    uint32_t size = item_size(l->items);
    const char *items = rpy_list_item0(l, size);
    uint64_t total = 0; /* wraps around, as int arithmetic does */
    for (int64_t i = 0; i < l->length; i++)
        total += read_item(items, size, i);
    return (int64_t)total;
}

double rpy_list_sum_float(rpy_list *l, double start) {
    const char *items = rpy_list_item0(l, 8);
    double total = start; /* in order, as CPython 3.11's sum() adds */
    for (int64_t i = 0; i < l->length; i++)
        total += as_double(read_item(items, 8, i));
    return total;
}

static bool less(uint64_t a, uint64_t b, int32_t kind) {
    switch (kind) {
    case RPY_SORT_FLOAT: return as_double(a) < as_double(b);
    case RPY_SORT_STR: return rpy_str_cmp(as_str(a), as_str(b)) < 0;
    case RPY_SORT_BOOL: return (a & 0xff) < (b & 0xff);
    default: return (int64_t)a < (int64_t)b;
    }
}

uint64_t rpy_list_minmax(rpy_list *l, int32_t kind, bool max) {
    if (l->length == 0) {
        rpy_raise(RPY_EXC_VALUE, max ? "max() arg is an empty sequence" : "min() arg is an empty sequence");
        return 0;
    }
    uint32_t size = item_size(l->items);
    const char *items = rpy_list_item0(l, size);
    uint64_t best = read_item(items, size, 0);
    /* The first of equal items wins, as in CPython. */
    for (int64_t i = 1; i < l->length; i++) {
        uint64_t x = read_item(items, size, i);
        if (max ? less(best, x, kind) : less(x, best, kind))
            best = x;
    }
    return best;
}

static bool truth(uint64_t x, int32_t kind) {
    switch (kind) {
    case RPY_SORT_FLOAT: return as_double(x) != 0.0;
    case RPY_SORT_STR: return x != 0 && as_str(x)->length != 0;
    case RPY_SORT_BOOL: return (x & 0xff) != 0;
    default: return x != 0; /* ints; pointers (instances, lists) are true unless None */
    }
}

bool rpy_list_any(rpy_list *l, int32_t kind, bool all) {
    uint32_t size = item_size(l->items);
    const char *items = rpy_list_item0(l, size);
    for (int64_t i = 0; i < l->length; i++)
        if (truth(read_item(items, size, i), kind) != all)
            return !all;
    return all;
}
