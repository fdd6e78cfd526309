/* Internal to the hash tables, rpy_dict.c (dicts, and sets of instances)
 * and rpy_set.c (the other sets): array access, and hashing and
 * comparing keys of each rpy_key_kind.  See rpy_dict.c for the layout
 * of a dict and rpy_set.c for a set's. */
#ifndef RPY_HASHTABLE_H
#define RPY_HASHTABLE_H

#include "rpy.h"
#include "rpy_internal.h"

#include <string.h>

/* ---- arrays ---------------------------------------------------------------- */

static inline uint32_t item_size(const rpy_array *a) { return rpy_type_table[a->hdr.tid].item_size; }
static inline bool holds_gcptrs(const rpy_array *a) { return rpy_type_table[a->hdr.tid].items_are_gcptrs != 0; }
static inline bool tid_holds_gcptrs(uint32_t tid) { return rpy_type_table[tid].items_are_gcptrs != 0; }
static inline int64_t *words(const rpy_array *a) { return (int64_t *)(void *)a->items; }

static inline uint64_t get(const rpy_array *a, uint32_t size, int64_t i) {
    if (size == 1)
        return (unsigned char)a->items[i];
    uint64_t v;
    memcpy(&v, a->items + i * 8, 8);
    return v;
}

static inline void put(rpy_array *a, uint32_t size, int64_t i, uint64_t v) {
    if (size == 1)
        a->items[i] = (char)v;
    else
        memcpy(a->items + i * 8, &v, 8);
}

/* One call covers every store into a up to the next allocation. */
static inline void before_stores(rpy_array *a) {
    if (a != NULL && (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS) && holds_gcptrs(a))
        rpy_gc_write_barrier(a);
}

static inline void before_dict_stores(rpy_dict *d) {
    if (d->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS)
        rpy_gc_write_barrier(d);
}

static inline double as_double(uint64_t bits) {
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}
static inline rpy_str *as_str(uint64_t bits) { return (rpy_str *)(uintptr_t)bits; }


/* A shared, never written array of capacity 0 (rpy_dict.c). */
rpy_array *rpy_empty_array(uint32_t tid);

static inline void *memory_error(void) {
    rpy_raise(RPY_EXC_MEMORY, "");
    return NULL;
}

/* ---- hashing and comparing keys -------------------------------------------- */

/* Objects are at least 16 bytes, so the address's low 4 bits carry
 * little: rotated out of the way, objects allocated one after the other
 * (the usual case, in the nursery and in the old generation's pages)
 * fall in consecutive slots, which keeps a big table's accesses
 * cache-friendly.  Scrambling the bits instead measured 5 to 10 times
 * slower for a 2M-entry dict; the perturbation brings in the high bits
 * when addresses collide modulo the table size. */
static inline int64_t identity_hash(uint64_t p) {
    int64_t h = (int64_t)(p >> 4 | p << 60);
    return h == RPY_DICT_DELETED ? 0 : h;
}

/* A real hash must never be the DELETED marker. */
static inline int64_t not_deleted(int64_t h) { return h == RPY_DICT_DELETED ? h + 1 : h; }

__attribute__((noinline)) static int64_t str_hash_slow(rpy_str *s) { return not_deleted(rpy_str_hash(s)); }

/* The cached hash is the fast path of a dict of words: one load and one
 * test (0 is "not computed yet"; INT64_MIN would be the DELETED marker). */
static inline int64_t str_hash(rpy_str *s) {
    int64_t h = s->hash;
    if (__builtin_expect(((uint64_t)h << 1) == 0, 0))
        return str_hash_slow(s);
    return h;
}

/* A tuple key's hash and equality, walking its key descriptor d (rpy.h);
 * *dp gets the end of d (after a false rpy_key_eq the caller stops
 * looking).  Nothing here allocates (rpy_dict.c). */
uint64_t rpy_key_lane(uint64_t v, const char *d, const char **dp);
bool rpy_key_eq(uint64_t a, uint64_t b, const char *d, const char **dp);

static inline int64_t custom_hash(const rpy_dict *d, uint64_t key) {
    const char *end;
    return not_deleted((int64_t)rpy_key_lane(key, d->key_desc->data, &end));
}

static inline bool custom_eq(const rpy_dict *d, uint64_t a, uint64_t b) {
    const char *end;
    return rpy_key_eq(a, b, d->key_desc->data, &end);
}

__attribute__((always_inline)) static inline int64_t hash_key(int kind, const rpy_dict *d, uint64_t key) {
    switch (kind) {
    case RPY_KEY_INT: return rpy_hash_int((int64_t)key);
    case RPY_KEY_FLOAT: return rpy_hash_float(as_double(key));
    case RPY_KEY_STR: return str_hash(as_str(key));
    case RPY_KEY_IDENTITY: return identity_hash(key);
    default: return custom_hash(d, key);
    }
}

static inline bool str_contents_eq(const rpy_str *a, const rpy_str *b) {
    return a->length == b->length && rpy_bytes_equal(a->data, b->data, a->length);
}

/* k (stored, with hash kh) is key (with hash h)?  Strings and custom keys
 * compare hashes first; the others are cheaper to compare directly. */
__attribute__((always_inline)) static inline bool same_key(int kind, const rpy_dict *d, uint64_t k, int64_t kh,
                                                           uint64_t key, int64_t h) {
    switch (kind) {
    case RPY_KEY_INT:
    case RPY_KEY_IDENTITY: return k == key;
    /* Identical bits also make NaN find itself. */
    case RPY_KEY_FLOAT: return k == key || as_double(k) == as_double(key);
    case RPY_KEY_STR: return k == key || (kh == h && str_contents_eq(as_str(k), as_str(key)));
    /* The very same tuple is always the key (even holding a NaN). */
    default: return k == key || (kh == h && custom_eq(d, k, key));
    }
}


/* KeyError(key), with CPython's message (repr(key)). */
void rpy_dict_key_error(rpy_dict *d, uint64_t key);

/* For sets of instances (rpy_set.c): a's keys that are (keep) or are
 * not in b, as a new set. */
rpy_dict *rpy_dict_set_filter(rpy_dict *a, rpy_dict *b, bool keep);

#endif
