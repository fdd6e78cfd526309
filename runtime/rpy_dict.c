/* Dicts and sets: insertion-ordered hash tables (rpy.h states the
 * contract).
 *
 * Layout.  Entries live in parallel arrays in insertion order: hashes
 * (int64), keys and values (a set has no values array).  `index` is an
 * open-addressing table of entry numbers: FREE, DUMMY (a deleted entry
 * used to be reachable through this slot, so probing must go on past it)
 * or an entry.  The number of slots n is a power of two, and the index
 * array has three more words after the slots:
 *   - USABLE: how many entries may still be added before a rebuild.  It
 *     is not simply capacity - used because deleting the last entry gives
 *     its number back (so popitem() stays O(1): the last entry is always
 *     live) while its index slot stays DUMMY; counting index slots this
 *     way keeps at least n/3 of them FREE, so every probe ends.
 *   - EPOCH and YOUNG_FROM: for identity keys, see below; 0 otherwise.
 * An empty dict shares static arrays of capacity 0 (USABLE 0), so
 * creating one allocates only the dict, and the first insert builds the
 * real table.  Probing follows the usual perturbation recurrence
 * (i = 5i + 1 + perturb, perturb shifted right each step): the high bits
 * of the hash join in, and once perturb is 0 the recurrence visits every
 * slot.
 *
 * Rebuilds.  When USABLE reaches 0, every live entry moves into new
 * arrays sized for 1.5 times the live count, so deleted entries and
 * DUMMY slots disappear and a dict that keeps inserting and deleting
 * does O(1) amortised work per operation.
 *
 * Identity keys under a moving collector.  An instance has no hash
 * field, and its address changes once, when a minor collection copies it
 * out of the nursery (the old generation never moves objects).  So an
 * identity key is hashed by its current address, and the table goes
 * stale for keys that were young when filed and have been promoted
 * since.  Staleness never gives a wrong hit (keys are compared by their
 * current address, which the collector updates in the keys array); it
 * can only make a present key look missing.  Hence:
 *   - `hashes` keeps the hash each entry is filed under, so its slot can
 *     always be found again;
 *   - EPOCH is 0 if no entry was filed under a nursery address, else 1 +
 *     the collector's epoch (rpy_gc_epoch) when the last one was; such
 *     entries are all at or after entry YOUNG_FROM (entries are added in
 *     order, and rebuilds keep the order);
 *   - a lookup that misses while EPOCH is set and a collection has
 *     happened since refiles the entries from YOUNG_FROM on whose keys
 *     moved (no allocation, so lookups still never collect), then tries
 *     again.
 * So a key is normally refiled once, when it is promoted, and dicts of
 * old or prebuilt objects never are.  Every insert is a miss, so a stale
 * table is repaired before a duplicate could be added.  (Tuple keys
 * hash by contents, never by address, so they need none of this.)
 *
 * Tuple keys (RPY_KEY_CUSTOM).  The dict keeps the key descriptor
 * (rpy.h) and walks each key by it, as repr() does (rpy_repr.c): see
 * "tuple keys" below.
 *
 * GC discipline, as in rpy_list.c: slots past `used` are zero; functions
 * that allocate root their GC arguments (items only when they are GC
 * pointers) and reload them; stores of GC pointers into an array or into
 * the dict go through the write barrier when the target has
 * TRACK_YOUNG_PTRS (a new array, even a big one born outside the
 * nursery, gets the flag at the first collection it survives, so the
 * check comes after the last allocation); lookup, next, getitem's hit
 * path, delete and eq never allocate.
 */
#include "rpy.h"
#include "rpy_internal.h"
#include "rpy_hashtable.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FREE (-1)
#define DUMMY (-2)
#define MIN_SLOTS 8
#define PERTURB_SHIFT 5
/* Bigger tables could not be allocated anyway; this keeps the sizing
 * arithmetic far from overflow. */
#define MAX_ENTRIES ((int64_t)1 << 56)

/* ---- the index and the shared empty arrays ------------------------------- */

/* The index's slots and its bookkeeping words. */
#define INDEX_EXTRA 3
static inline uint64_t index_mask(const rpy_array *ix) { return (uint64_t)(ix->length - INDEX_EXTRA - 1); }
static inline int64_t *usable_of(const rpy_array *ix) { return &words(ix)[ix->length - 3]; }
static inline int64_t *epoch_of(const rpy_array *ix) { return &words(ix)[ix->length - 2]; }
static inline int64_t *young_from_of(const rpy_array *ix) { return &words(ix)[ix->length - 1]; }

/* Shared by every empty dict: capacity 0, never written (USABLE 0 sends
 * the first insert to a rebuild, and a lookup finds slot 0 FREE). */
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
static struct {
    rpy_hdr hdr;
    int64_t length;
    int64_t words[1 + INDEX_EXTRA];
} empty_index = {{RPY_TID_ARRAY_I64, STATIC_FLAGS}, 1 + INDEX_EXTRA, {FREE, 0, 0, 0}};

static inline bool known_array_tid(uint32_t tid) { return tid >= RPY_TID_ARRAY_PTR && tid <= RPY_TID_ARRAY_U8; }
static inline rpy_array *empty_array(uint32_t tid) { return (rpy_array *)(void *)&empty_arrays[tid]; }
rpy_array *rpy_empty_array(uint32_t tid) { return empty_array(tid); }
static inline rpy_array *static_index(void) { return (rpy_array *)(void *)&empty_index; }

/* ---- hashing ------------------------------------------------------------ */

/* CPython hashes numbers modulo this Mersenne prime, so that equal ints
 * and floats hash alike. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

int64_t rpy_hash_int(int64_t v) {
    uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    /* 2**61 is 1 modulo the prime, so the bits above 61 fold down. */
    uint64_t r = (a & HASH_MODULUS) + (a >> 61);
    if (r >= HASH_MODULUS)
        r -= HASH_MODULUS;
    int64_t h = v < 0 ? -(int64_t)r : (int64_t)r;
    return h == -1 ? -2 : h; /* -1 is CPython's error return */
}

/* NaN hashes to 0, as before CPython 3.10 (which hashes it by object
 * identity; a NaN here has none, and NaN keys are found by their bits). */
int64_t rpy_hash_float(double v) {
    if (isnan(v))
        return 0;
    if (isinf(v))
        return v > 0 ? 314159 : -314159;
    int e;
    double m = frexp(fabs(v), &e);
    if (m == 0)
        return 0;
    /* |v| = x * 2**k exactly, with x a 53-bit integer below the prime.
     * As 2**61 is 1 modulo the prime, multiplying by 2**k is rotating x
     * left by k mod 61 within 61 bits. */
    uint64_t x = (uint64_t)ldexp(m, 53);
    int r = (e - 53) % 61;
    if (r < 0)
        r += 61;
    x = ((x << r) & HASH_MODULUS) | (x >> (61 - r));
    int64_t h = v < 0 ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* ---- tuple keys -------------------------------------------------------------
 *
 * A tuple hashes as CPython's tuples do (the xxHash-style loop of its
 * tuplehash): each item's hash (its "lane") goes into a 64-bit
 * accumulator in order, so that every item and its position count ((1, 2)
 * and (2, 1) differ), then the item count.  Being CPython's hash matters
 * beyond speed: a set's iteration order follows its hashes (rpy_set.c).
 * A nested tuple's lane is its own hash.  Lanes: hash(int) for ints and
 * bools (0/1), hash(float) for floats (so 0.0 and -0.0 agree, and 1.0 and
 * 1 as in Python), rpy_str_hash (cached in the string) for strings
 * (CPython's are salted per process, so no order depends on them), and
 * one constant for None, whether an 'n' item or a NULL string or tuple
 * (CPython 3.11 hashes None by its address).  Nothing here allocates. */

#define XXPRIME_1 11400714785074694791u
#define XXPRIME_2 14029467366897019727u
#define XXPRIME_5 2870177450012600261u
#define NONE_LANE 0x5bd1e9955bd1e995u

static inline uint64_t rotl64(uint64_t x, int r) { return x << r | x >> (64 - r); }

static inline uint64_t tuple_step(uint64_t acc, uint64_t lane) { return rotl64(acc + lane * XXPRIME_2, 31) * XXPRIME_1; }

static inline uint64_t tuple_finish(uint64_t acc, int64_t n) {
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539u);
    return acc == (uint64_t)-1 ? 1546275796u : acc;
}

static inline uint64_t str_lane(rpy_str *s) {
    if (s == NULL)
        return NONE_LANE;
    int64_t h = s->hash;
    return (uint64_t)(h != 0 ? h : rpy_str_hash(s));
}

/* The lane of value v of descriptor d; *dp gets the end of d. */
uint64_t rpy_key_lane(uint64_t v, const char *d, const char **dp) {
    switch (*d++) {
    case 'i': *dp = d; return (uint64_t)rpy_hash_int((int64_t)v);
    case 'f': *dp = d; return (uint64_t)rpy_hash_float(as_double(v));
    case 'b': *dp = d; return (v & 0xff) != 0;
    case 's': *dp = d; return str_lane(as_str(v));
    case 'T': {
        if (v == 0) {
            *dp = rpy_desc_skip(d - 1);
            return NONE_LANE;
        }
        int64_t n;
        d = rpy_desc_tuple(d, &n);
        uint64_t acc = XXPRIME_5;
        for (int64_t i = 0; i < n; i++)
            acc = tuple_step(acc, rpy_key_lane(rpy_tuple_item(v, i), d, &d));
        *dp = d;
        return tuple_finish(acc, n);
    }
    default: /* 'n'; rpy_dict_new admits nothing else */
        *dp = rpy_desc_skip(d - 1);
        return NONE_LANE;
    }
}

/* Item by item with Python's ==; on a true result *dp gets the end of d
 * (after a false one the caller stops looking). */
bool rpy_key_eq(uint64_t a, uint64_t b, const char *d, const char **dp) {
    switch (*d++) {
    case 'i': *dp = d; return a == b;
    case 'f': *dp = d; return as_double(a) == as_double(b);
    case 'b': *dp = d; return ((a & 0xff) != 0) == ((b & 0xff) != 0);
    case 's': {
        *dp = d;
        rpy_str *x = as_str(a), *y = as_str(b);
        if (x == y)
            return true;
        if (x == NULL || y == NULL || x->length != y->length)
            return false;
        if (x->hash != 0 && y->hash != 0 && x->hash != y->hash)
            return false;
        return memcmp(x->data, y->data, (size_t)x->length) == 0;
    }
    case 'T': {
        if (a == b || a == 0 || b == 0) {
            *dp = rpy_desc_skip(d - 1);
            return a == b;
        }
        int64_t n;
        d = rpy_desc_tuple(d, &n);
        for (int64_t i = 0; i < n; i++)
            if (!rpy_key_eq(rpy_tuple_item(a, i), rpy_tuple_item(b, i), d, &d))
                return false;
        *dp = d;
        return true;
    }
    default: /* 'n' */
        *dp = rpy_desc_skip(d - 1);
        return true;
    }
}

/* A well-formed key descriptor item (hashable: no L, S, D), or NULL. */
static const char *valid_key_item(const char *d, int depth) {
    switch (*d++) {
    case 'i':
    case 'f':
    case 'b':
    case 'n':
    case 's': return d;
    case 'T': {
        if (depth > 100 || *d < '0' || *d > '9')
            return NULL;
        int64_t n = 0;
        while (*d >= '0' && *d <= '9') {
            n = n * 10 + (*d++ - '0');
            if (n > 1000000)
                return NULL;
        }
        if (*d++ != ';')
            return NULL;
        while (n-- > 0)
            if ((d = valid_key_item(d, depth + 1)) == NULL)
                return NULL;
        return d;
    }
    default: return NULL;
    }
}

static bool valid_key_desc(const rpy_str *desc) {
    if (desc == NULL || desc->data[0] != 'T')
        return false;
    const char *end = valid_key_item(desc->data, 0);
    return end != NULL && *end == '\0';
}

/* The hash of entry e's key now, to look it up elsewhere: an identity
 * key's stored hash (the one it is filed under) may predate a move. */
static inline int64_t current_hash(const rpy_dict *d, int64_t e) {
    if (d->key_kind == RPY_KEY_IDENTITY)
        return identity_hash(get(d->keys, 8, e));
    return words(d->hashes)[e];
}


/* Never 0, which means "no young keys". */
static inline uint64_t current_epoch(void) { return rpy_gc_epoch() + 1; }

static inline bool is_young_key(uint64_t key) { return key != 0 && rpy_gc_is_young((const void *)(uintptr_t)key); }

/* Files entry e under hash h in the first non-entry slot of its probe
 * sequence (a fresh table has no DUMMY slots, so the first FREE one). */
static inline void file_entry(rpy_array *ix, int64_t h, int64_t e) {
    int64_t *slots = words(ix);
    uint64_t mask = index_mask(ix), perturb = (uint64_t)h, i = perturb & mask;
    while (slots[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    slots[i] = e;
}

/* Files every live entry under its current hash, without allocating. */
static void refile_all(rpy_dict *d) {
    rpy_array *ix = d->index;
    int64_t n = (int64_t)index_mask(ix) + 1;
    int64_t *slots = words(ix), *hashes = words(d->hashes);
    for (int64_t i = 0; i < n; i++)
        slots[i] = FREE;
    int64_t first_young = -1;
    for (int64_t e = 0; e < d->used; e++) {
        if (hashes[e] == RPY_DICT_DELETED)
            continue;
        uint64_t key = get(d->keys, 8, e);
        if (first_young < 0 && is_young_key(key))
            first_young = e;
        hashes[e] = identity_hash(key);
        file_entry(ix, hashes[e], e);
    }
    *usable_of(ix) = d->hashes->length - d->used;
    *epoch_of(ix) = first_young >= 0 ? (int64_t)current_epoch() : 0;
    *young_from_of(ix) = first_young >= 0 ? first_young : 0;
}

/* After a minor collection: moves the entries whose keys were young when
 * filed (all at or after YOUNG_FROM) to the slots of their new
 * addresses.  Each leaves a DUMMY behind, and any FREE slot it takes is
 * counted against USABLE, so at least a third of the slots stay FREE;
 * should USABLE run out, every entry is refiled from scratch instead. */
__attribute__((noinline)) static void refile_moved(rpy_dict *d) {
    rpy_array *ix = d->index;
    int64_t *slots = words(ix), *hashes = words(d->hashes);
    uint64_t mask = index_mask(ix);
    int64_t first_young = -1;
    for (int64_t e = *young_from_of(ix); e < d->used; e++) {
        if (hashes[e] == RPY_DICT_DELETED)
            continue;
        uint64_t key = get(d->keys, 8, e);
        if (first_young < 0 && is_young_key(key))
            first_young = e;
        int64_t h = identity_hash(key);
        if (h == hashes[e])
            continue; /* it was old already */
        uint64_t perturb = (uint64_t)hashes[e], i = perturb & mask;
        while (slots[i] != e) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        slots[i] = DUMMY;
        perturb = (uint64_t)h;
        i = perturb & mask;
        while (slots[i] >= 0) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        if (slots[i] == FREE) {
            if (*usable_of(ix) == 0) {
                refile_all(d);
                return;
            }
            (*usable_of(ix))--;
        }
        slots[i] = e;
        hashes[e] = h;
    }
    *epoch_of(ix) = first_young >= 0 ? (int64_t)current_epoch() : 0;
    *young_from_of(ix) = first_young >= 0 ? first_young : 0;
}

/* After a miss: true if the table may have been stale (and is now
 * repaired). */
static bool repaired_identity_table(rpy_dict *d) {
    int64_t epoch = *epoch_of(d->index);
    if (epoch == 0 || (uint64_t)epoch == current_epoch())
        return false;
    refile_moved(d);
    return true;
}

/* ---- probing ---------------------------------------------------------------- */

/* The entry holding key (hash h), or -1.  *slot_out gets the key's slot,
 * or on a miss the slot a new entry should take: the first DUMMY passed,
 * else the FREE one that ended the search.  For identity keys the result
 * is only final together with the epoch check (find_key). */
__attribute__((always_inline)) static inline int64_t probe(int kind, const rpy_dict *d, uint64_t key, int64_t h,
                                                           int64_t *slot_out) {
    const rpy_array *ix = d->index, *keys = d->keys;
    const int64_t *slots = words(ix), *hashes = words(d->hashes);
    uint32_t ksize = kind == RPY_KEY_INT ? item_size(keys) : 8;
    uint64_t mask = index_mask(ix), perturb = (uint64_t)h, i = perturb & mask;
    int64_t first_dummy = -1;
    for (;;) {
        int64_t e = slots[i];
        if (e >= 0) {
            if (same_key(kind, d, get(keys, ksize, e), hashes[e], key, h)) {
                *slot_out = (int64_t)i;
                return e;
            }
        } else if (e == FREE) {
            *slot_out = first_dummy >= 0 ? first_dummy : (int64_t)i;
            return -1;
        } else if (first_dummy < 0) {
            first_dummy = (int64_t)i;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

__attribute__((always_inline)) static inline int64_t find_key(int kind, rpy_dict *d, uint64_t key, int64_t h,
                                                              int64_t *slot_out) {
    int64_t e = probe(kind, d, key, h, slot_out);
    if (kind == RPY_KEY_IDENTITY && e < 0 && repaired_identity_table(d))
        e = probe(kind, d, key, h, slot_out);
    return e;
}

/* find_key for a dict of any kind, hashing the key too. */
static int64_t find_any(rpy_dict *d, uint64_t key, int64_t *h_out, int64_t *slot_out) {
    int64_t h;
    switch (d->key_kind) {
#define CASE(K)                                   \
    case K:                                       \
        h = hash_key(K, d, key);                  \
        *h_out = h;                               \
        return find_key(K, d, key, h, slot_out);
        CASE(RPY_KEY_INT)
        CASE(RPY_KEY_FLOAT)
        CASE(RPY_KEY_STR)
        CASE(RPY_KEY_IDENTITY)
    default:
        CASE(RPY_KEY_CUSTOM)
#undef CASE
    }
}

/* The slot holding entry e: on the probe sequence of the hash it was
 * filed under, even if its key has moved since. */
static int64_t slot_of_entry(rpy_dict *d, int64_t e) {
    const rpy_array *ix = d->index;
    const int64_t *slots = words(ix);
    uint64_t mask = index_mask(ix), perturb = (uint64_t)words(d->hashes)[e], i = perturb & mask;
    while (slots[i] != e) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

/* ---- KeyError --------------------------------------------------------------- */

/* CPython prints a KeyError as repr(key). */
static void raise_key_error_str(rpy_str *r) {
    if (r == NULL) /* repr ran out of memory: MemoryError is set */
        return;
    char *msg = malloc((size_t)r->length + 1);
    if (msg == NULL) {
        memory_error();
        return;
    }
    memcpy(msg, r->data, (size_t)r->length);
    msg[r->length] = '\0';
    rpy_raise(RPY_EXC_KEY, msg);
    free(msg);
}

/* Identity keys (instances) get no message: CPython's would show the
 * object's address, which means nothing here.  None is shown. */
__attribute__((noinline, cold)) void rpy_dict_key_error(rpy_dict *d, uint64_t key) {
    char buf[RPY_FLOAT_REPR_MAX > 32 ? RPY_FLOAT_REPR_MAX : 32];
    switch (d->key_kind) {
    case RPY_KEY_INT:
        if (d->keys->hdr.tid == RPY_TID_ARRAY_U8)
            snprintf(buf, sizeof buf, "%s", key ? "True" : "False");
        else
            snprintf(buf, sizeof buf, "%lld", (long long)(int64_t)key);
        rpy_raise(RPY_EXC_KEY, buf);
        return;
    case RPY_KEY_FLOAT:
        rpy_format_float(as_double(key), buf);
        rpy_raise(RPY_EXC_KEY, buf);
        return;
    case RPY_KEY_STR: raise_key_error_str(rpy_str_repr(as_str(key))); return;
    case RPY_KEY_IDENTITY: rpy_raise(RPY_EXC_KEY, key == 0 ? "None" : ""); return;
    default: {
        /* repr(key) by its descriptor: the builder's text is malloc'd, so
         * only finishing it allocates, and nothing is held across that. */
        rpy_builder_space space;
        rpy_builder *b = (rpy_builder *)(void *)&space;
        rpy_builder_init(b);
        rpy_builder_add_value_repr(b, key, d->key_desc->data);
        raise_key_error_str(rpy_builder_finish(b));
        return;
    }
    }
}

/* ---- building tables ------------------------------------------------------ */

static inline int64_t capacity_of(int64_t slots) { return slots * 2 / 3; }

/* Moves the live entries of *dp, in order, into new arrays with room for
 * at least `needed` entries.  Roots the dict and updates *dp; the caller
 * roots whatever else it holds.  False with MemoryError raised. */
static bool rebuild(rpy_dict **dp, int64_t needed) {
    if (needed > MAX_ENTRIES) {
        memory_error();
        return false;
    }
    int64_t n = MIN_SLOTS;
    while (capacity_of(n) < needed)
        n *= 2;
    int64_t cap = capacity_of(n);
    rpy_dict *d = *dp;
    uint32_t key_tid = d->keys->hdr.tid, value_tid = d->value_tid;
    rpy_array *hashes, *keys = NULL, *values = NULL, *ix = NULL;
    RPY_PUSH_ROOT(d);
    hashes = rpy_gc_malloc_varsize(RPY_TID_ARRAY_I64, cap);
    RPY_PUSH_ROOT(hashes);
    if (hashes != NULL)
        keys = rpy_gc_malloc_varsize(key_tid, cap);
    RPY_PUSH_ROOT(keys);
    if (keys != NULL && value_tid != 0)
        values = rpy_gc_malloc_varsize(value_tid, cap);
    RPY_PUSH_ROOT(values);
    if (keys != NULL && (value_tid == 0 || values != NULL))
        ix = rpy_gc_malloc_varsize(RPY_TID_ARRAY_I64, n + INDEX_EXTRA);
    RPY_POP_ROOT(values);
    RPY_POP_ROOT(keys);
    RPY_POP_ROOT(hashes);
    RPY_POP_ROOT(d);
    *dp = d;
    if (ix == NULL)
        return false;

    /* No allocation from here on: nothing moves. */
    int64_t *slots = words(ix), *new_hashes = words(hashes);
    const int64_t *old_hashes = words(d->hashes);
    for (int64_t i = 0; i < n; i++)
        slots[i] = FREE;
    uint32_t ksize = item_size(keys), vsize = values ? item_size(values) : 0;
    before_stores(keys);
    before_stores(values);
    bool identity = d->key_kind == RPY_KEY_IDENTITY;
    int64_t first_young = -1;
    int64_t j = 0;
    for (int64_t e = 0; e < d->used; e++) {
        if (old_hashes[e] == RPY_DICT_DELETED)
            continue;
        uint64_t key = get(d->keys, ksize, e);
        int64_t h = old_hashes[e];
        if (identity) {
            h = identity_hash(key);
            if (first_young < 0 && is_young_key(key))
                first_young = j;
        }
        new_hashes[j] = h;
        put(keys, ksize, j, key);
        if (values != NULL)
            put(values, vsize, j, get(d->values, vsize, e));
        file_entry(ix, h, j);
        j++;
    }
    *usable_of(ix) = cap - j;
    *epoch_of(ix) = first_young >= 0 ? (int64_t)current_epoch() : 0;
    *young_from_of(ix) = first_young >= 0 ? first_young : 0;
    before_dict_stores(d);
    d->hashes = hashes;
    d->keys = keys;
    d->values = values;
    d->index = ix;
    d->used = j;
    return true;
}

/* Room for one more entry, growing by half the live count. */
__attribute__((noinline)) static bool grow_holding(rpy_dict **dp, uint64_t *key, uint64_t *value) {
    rpy_dict *d = *dp;
    bool key_ptr = holds_gcptrs(d->keys), value_ptr = d->value_tid != 0 && tid_holds_gcptrs(d->value_tid);
    if (key_ptr)
        RPY_PUSH_ROOT(*key);
    if (value_ptr)
        RPY_PUSH_ROOT(*value);
    bool ok = rebuild(dp, d->length + (d->length >> 1) + 1);
    if (value_ptr)
        RPY_POP_ROOT(*value);
    if (key_ptr)
        RPY_POP_ROOT(*key);
    return ok;
}

/* Adds a new entry for key (known to be absent, with hash h) in `slot`;
 * USABLE must be positive. */
static inline void add_entry(rpy_dict *d, int64_t slot, uint64_t key, int64_t h, uint64_t value) {
    rpy_array *ix = d->index;
    int64_t e = d->used;
    words(d->hashes)[e] = h;
    rpy_array *keys = d->keys;
    before_stores(keys);
    put(keys, d->key_kind == RPY_KEY_INT ? item_size(keys) : 8, e, key);
    rpy_array *values = d->values;
    if (values != NULL) {
        before_stores(values);
        put(values, item_size(values), e, value);
    }
    words(ix)[slot] = e;
    (*usable_of(ix))--;
    d->used = e + 1;
    d->length++;
    /* A miss came first, so a set EPOCH is current.  YOUNG_FROM may be
     * past e if trailing entries were deleted. */
    if (d->key_kind == RPY_KEY_IDENTITY && is_young_key(key)) {
        if (*epoch_of(ix) == 0 || *young_from_of(ix) > e)
            *young_from_of(ix) = e;
        *epoch_of(ix) = (int64_t)current_epoch();
    }
}

/* d[key] = value where key has hash h and the probe gave (e, slot).
 * Returns d, which may have moved, or NULL with MemoryError raised. */
static rpy_dict *store_found(rpy_dict *d, int64_t e, int64_t slot, uint64_t key, int64_t h, uint64_t value) {
    if (e >= 0) {
        rpy_array *values = d->values;
        if (values != NULL) {
            before_stores(values);
            put(values, item_size(values), e, value);
        }
        return d;
    }
    if (*usable_of(d->index) == 0) {
        if (!grow_holding(&d, &key, &value))
            return NULL;
        if (d->key_kind == RPY_KEY_IDENTITY)
            h = identity_hash(key); /* the key may have moved too */
        const rpy_array *ix = d->index;
        uint64_t mask = index_mask(ix), perturb = (uint64_t)h, i = perturb & mask;
        while (words(ix)[i] != FREE) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        slot = (int64_t)i;
    }
    add_entry(d, slot, key, h, value);
    return d;
}

/* d[key] = value with the hash already known (from another dict of the
 * same kind, by current_hash). */
static rpy_dict *store_hashed(rpy_dict *d, uint64_t key, int64_t h, uint64_t value) {
    int64_t slot, e;
    switch (d->key_kind) {
    case RPY_KEY_INT: e = find_key(RPY_KEY_INT, d, key, h, &slot); break;
    case RPY_KEY_FLOAT: e = find_key(RPY_KEY_FLOAT, d, key, h, &slot); break;
    case RPY_KEY_STR: e = find_key(RPY_KEY_STR, d, key, h, &slot); break;
    case RPY_KEY_IDENTITY: e = find_key(RPY_KEY_IDENTITY, d, key, h, &slot); break;
    default: e = find_key(RPY_KEY_CUSTOM, d, key, h, &slot); break;
    }
    return store_found(d, e, slot, key, h, value);
}

/* Removes entry e, found in `slot`.  Trailing deleted entries give their
 * numbers back, so the last entry is always live (popitem is O(1));
 * their slots stay DUMMY and USABLE does not grow back. */
static void remove_entry(rpy_dict *d, int64_t slot, int64_t e) {
    words(d->index)[slot] = DUMMY;
    int64_t *hashes = words(d->hashes);
    hashes[e] = RPY_DICT_DELETED;
    /* Zeroes need no barrier, and free the objects for the collector. */
    put(d->keys, item_size(d->keys), e, 0);
    if (d->values != NULL)
        put(d->values, item_size(d->values), e, 0);
    d->length--;
    int64_t used = d->used;
    while (used > 0 && hashes[used - 1] == RPY_DICT_DELETED)
        used--;
    d->used = used;
}

/* ---- the ABI ------------------------------------------------------------- */

rpy_dict *rpy_dict_new(int32_t key_kind, uint32_t key_tid, uint32_t value_tid, rpy_str *key_desc) {
    if (!known_array_tid(key_tid) || (value_tid != 0 && !known_array_tid(value_tid))) {
        rpy_raise(RPY_EXC_TYPE, "rpy_dict_new: unknown array type id");
        return NULL;
    }
    if (key_kind < RPY_KEY_INT || key_kind > RPY_KEY_CUSTOM) {
        rpy_raise(RPY_EXC_TYPE, "rpy_dict_new: unknown key kind");
        return NULL;
    }
    if (key_kind == RPY_KEY_CUSTOM) {
        if (key_tid != RPY_TID_ARRAY_PTR || !valid_key_desc(key_desc)) {
            rpy_raise(RPY_EXC_TYPE, "rpy_dict_new: tuple keys need an ARRAY_PTR keys array and a key descriptor");
            return NULL;
        }
    } else {
        key_desc = NULL;
    }
    /* key_desc is prebuilt: it stays put while this collects. */
    rpy_dict *d = rpy_gc_malloc(RPY_TID_DICT);
    if (d == NULL)
        return NULL;
    d->key_kind = key_kind;
    d->value_tid = value_tid;
    d->key_desc = key_desc;
    /* Static arrays, never young: no barrier. */
    d->hashes = empty_array(RPY_TID_ARRAY_I64);
    d->keys = empty_array(key_tid);
    d->values = value_tid != 0 ? empty_array(value_tid) : NULL;
    /* A set of anything but instances is rpy_set.c's table, marked by
     * having no index. */
    d->index = value_tid == 0 && key_kind != RPY_KEY_IDENTITY ? NULL : static_index();
    return d;
}

/* A new empty dict like d (values or not) with room for n entries. */
static rpy_dict *new_like(rpy_dict *d, bool with_values, int64_t n) {
    uint32_t value_tid = with_values ? d->value_tid : 0;
    rpy_dict *r = rpy_dict_new(d->key_kind, d->keys->hdr.tid, value_tid, d->key_desc);
    if (r == NULL || n == 0)
        return r;
    return rebuild(&r, n) ? r : NULL;
}

int64_t rpy_dict_lookup(rpy_dict *d, uint64_t key) {
    int64_t slot;
    switch (d->key_kind) {
    case RPY_KEY_INT: return find_key(RPY_KEY_INT, d, key, hash_key(RPY_KEY_INT, d, key), &slot);
    case RPY_KEY_STR: return find_key(RPY_KEY_STR, d, key, hash_key(RPY_KEY_STR, d, key), &slot);
    default: {
        int64_t h;
        return find_any(d, key, &h, &slot);
    }
    }
}

uint64_t rpy_dict_getitem(rpy_dict *d, uint64_t key) {
    int64_t e = rpy_dict_lookup(d, key);
    if (__builtin_expect(e < 0, 0)) {
        rpy_dict_key_error(d, key);
        return 0;
    }
    rpy_array *values = d->values;
    if (values == NULL) /* a set: membership was the question */
        return 1;
    return get(values, item_size(values), e);
}

void rpy_dict_setitem(rpy_dict *d, uint64_t key, uint64_t value) {
    int64_t slot, e, h;
    switch (d->key_kind) {
    case RPY_KEY_INT:
        h = hash_key(RPY_KEY_INT, d, key);
        e = find_key(RPY_KEY_INT, d, key, h, &slot);
        break;
    case RPY_KEY_STR:
        h = hash_key(RPY_KEY_STR, d, key);
        e = find_key(RPY_KEY_STR, d, key, h, &slot);
        break;
    default: e = find_any(d, key, &h, &slot); break;
    }
    store_found(d, e, slot, key, h, value);
}

bool rpy_dict_delitem(rpy_dict *d, uint64_t key, bool must_exist) {
    int64_t h, slot;
    int64_t e = find_any(d, key, &h, &slot);
    if (e < 0) {
        if (must_exist)
            rpy_dict_key_error(d, key);
        return false;
    }
    remove_entry(d, slot, e);
    return true;
}

uint64_t rpy_dict_pop(rpy_dict *d, uint64_t key) {
    int64_t h, slot;
    int64_t e = find_any(d, key, &h, &slot);
    if (e < 0) {
        rpy_dict_key_error(d, key);
        return 0;
    }
    uint64_t v = d->values != NULL ? get(d->values, item_size(d->values), e) : 0;
    remove_entry(d, slot, e);
    return v;
}

uint64_t rpy_dict_pop_default(rpy_dict *d, uint64_t key, uint64_t dflt) {
    int64_t h, slot;
    int64_t e = find_any(d, key, &h, &slot);
    if (e < 0)
        return dflt;
    uint64_t v = d->values != NULL ? get(d->values, item_size(d->values), e) : 0;
    remove_entry(d, slot, e);
    return v;
}

int64_t rpy_dict_next(rpy_dict *d, int64_t i) {
    const int64_t *hashes = words(d->hashes);
    for (i = i < 0 ? 0 : i; i < d->used; i++)
        if (hashes[i] != RPY_DICT_DELETED)
            return i;
    return -1;
}

int64_t rpy_dict_iter_next(rpy_dict *d, int64_t i, int64_t length_at_start) {
    if (d->length != length_at_start) {
        rpy_raise(RPY_EXC_RUNTIME, "dictionary changed size during iteration");
        return -1;
    }
    return rpy_dict_next(d, i);
}

/* CPython's messages are repr()s of a string argument, quotes included. */
int64_t rpy_dict_last_entry(rpy_dict *d) {
    if (d->length == 0) {
        rpy_raise(RPY_EXC_KEY, "'popitem(): dictionary is empty'");
        return -1;
    }
    return d->used - 1;
}

void rpy_dict_delete_entry(rpy_dict *d, int64_t entry) {
    if (entry < 0 || entry >= d->used || words(d->hashes)[entry] == RPY_DICT_DELETED)
        return; /* not a live entry: nothing to find in the index */
    remove_entry(d, slot_of_entry(d, entry), entry);
}

void rpy_dict_clear(rpy_dict *d) {
    /* Static arrays, never young: no barrier.  The old arrays become
     * garbage, as in CPython, rather than being zeroed for reuse. */
    d->hashes = empty_array(RPY_TID_ARRAY_I64);
    d->keys = empty_array(d->keys->hdr.tid);
    d->values = d->value_tid != 0 ? empty_array(d->value_tid) : NULL;
    d->index = static_index();
    d->length = 0;
    d->used = 0;
}

/* A copy of array a, or a itself if it is a shared static one.  Roots a
 * (the caller roots the rest). */
static rpy_array *clone_array(rpy_array *a) {
    if (a == NULL || (a->hdr.gcflags & RPY_GCFLAG_PREBUILT))
        return a;
    RPY_PUSH_ROOT(a);
    rpy_array *r = rpy_gc_malloc_varsize(a->hdr.tid, a->length);
    RPY_POP_ROOT(a);
    if (r == NULL)
        return NULL;
    before_stores(r);
    memcpy(r->items, a->items, (size_t)a->length * item_size(a));
    return r;
}

static rpy_array **dict_field(rpy_dict *d, int k) {
    switch (k) {
    case 0: return &d->hashes;
    case 1: return &d->keys;
    case 2: return &d->values;
    default: return &d->index;
    }
}

/* Same entries, same index (so the same epoch: the keys are the same
 * objects at the same addresses). */
rpy_dict *rpy_dict_copy(rpy_dict *d) {
    RPY_PUSH_ROOT(d);
    rpy_dict *r = rpy_dict_new(d->key_kind, d->keys->hdr.tid, d->value_tid, d->key_desc);
    RPY_PUSH_ROOT(r);
    bool ok = r != NULL;
    /* One array at a time, each kept in r (rooted) as soon as it exists;
     * r stays empty (length 0) until all are there. */
    for (int k = 0; ok && k < 4; k++) {
        d = rpy_shadowstack_top[-2];
        rpy_array *src = *dict_field(d, k);
        rpy_array *a = clone_array(src);
        ok = a != NULL || src == NULL;
        r = rpy_shadowstack_top[-1];
        before_dict_stores(r);
        *dict_field(r, k) = a;
    }
    RPY_POP_ROOT(r);
    RPY_POP_ROOT(d);
    if (!ok)
        return NULL;
    r->length = d->length;
    r->used = d->used;
    return r;
}

/* d.update(other); false with MemoryError raised. */
static bool update(rpy_dict *d, rpy_dict *other) {
    if (other == d || other->length == 0)
        return true;
    RPY_PUSH_ROOT(other);
    /* Room for all of other up front: no rebuild midway, and none at all
     * when d already has the room. */
    if (*usable_of(d->index) < other->length) {
        bool ok = rebuild(&d, d->length + other->length);
        other = rpy_shadowstack_top[-1];
        if (!ok) {
            RPY_POP_ROOT(other);
            return false;
        }
    }
    RPY_PUSH_ROOT(d);
    bool ok = true;
    for (int64_t e = 0; ok; e++) {
        d = rpy_shadowstack_top[-1];
        other = rpy_shadowstack_top[-2];
        if (e >= other->used)
            break;
        if (words(other->hashes)[e] == RPY_DICT_DELETED)
            continue;
        uint64_t key = get(other->keys, item_size(other->keys), e);
        uint64_t value = other->values != NULL ? get(other->values, item_size(other->values), e) : 0;
        ok = store_hashed(d, key, current_hash(other, e), value) != NULL;
    }
    RPY_POP_ROOT(d);
    RPY_POP_ROOT(other);
    return ok;
}

void rpy_dict_update(rpy_dict *d, rpy_dict *other) { update(d, other); }

/* A new list of one column (keys or values) of the live entries. */
static rpy_list *column(rpy_dict *d, bool values) {
    uint32_t tid = values ? d->value_tid : d->keys->hdr.tid;
    if (tid == 0) /* values of a set: there are none */
        return rpy_list_new(RPY_TID_ARRAY_I64, 0, 0);
    RPY_PUSH_ROOT(d);
    rpy_list *l = rpy_list_new(tid, d->length, d->length);
    RPY_POP_ROOT(d);
    if (l == NULL)
        return NULL;
    rpy_array *src = values ? d->values : d->keys, *dst = l->items;
    uint32_t size = item_size(src);
    const int64_t *hashes = words(d->hashes);
    if (d->length > 0) /* else dst is a shared static array */
        before_stores(dst);
    int64_t j = 0;
    for (int64_t e = 0; e < d->used; e++)
        if (hashes[e] != RPY_DICT_DELETED)
            put(dst, size, j++, get(src, size, e));
    return l;
}

rpy_list *rpy_dict_keys(rpy_dict *d) { return column(d, false); }
rpy_list *rpy_dict_values(rpy_dict *d) { return column(d, true); }

uint64_t rpy_dict_key_at(rpy_dict *d, int64_t entry) {
    return get(d->keys, item_size(d->keys), entry);
}

uint64_t rpy_dict_value_at(rpy_dict *d, int64_t entry) {
    return get(d->values, item_size(d->values), entry);
}

uint64_t rpy_dict_get(rpy_dict *d, uint64_t key, uint64_t dflt) {
    int64_t e = rpy_dict_lookup(d, key);
    if (e < 0)
        return dflt;
    return get(d->values, item_size(d->values), e);
}

uint64_t rpy_dict_setdefault(rpy_dict *d, uint64_t key, uint64_t dflt) {
    int64_t e = rpy_dict_lookup(d, key);
    if (e >= 0)
        return get(d->values, item_size(d->values), e);
    /* Inserting may grow the dict and so collect: the default (often
     * made just for this call) is returned from its root, not from a
     * stale local. */
    bool value_ptr = d->value_tid != 0 && tid_holds_gcptrs(d->value_tid);
    if (value_ptr)
        RPY_PUSH_ROOT(dflt);
    rpy_dict_setitem(d, key, dflt);
    if (value_ptr)
        RPY_POP_ROOT(dflt);
    return dflt;
}

/* d.items(): each tuple is the translator's layout for a pair, header
 * then one 8-byte slot per item, so key and value bits go in as they
 * are. */
rpy_list *rpy_dict_items(rpy_dict *d, uint32_t tuple_tid) {
    RPY_PUSH_ROOT(d);
    rpy_list *l = rpy_list_new(RPY_TID_ARRAY_PTR, 0, d->length);
    RPY_POP_ROOT(d);
    if (l == NULL)
        return NULL;
    for (int64_t e = 0;; e++) {
        e = rpy_dict_next(d, e);
        if (e < 0)
            break;
        RPY_PUSH_ROOT(d);
        RPY_PUSH_ROOT(l);
        uint64_t *t = rpy_gc_malloc(tuple_tid);
        RPY_POP_ROOT(l);
        RPY_POP_ROOT(d);
        if (t == NULL)
            return NULL;
        /* A new (young) tuple needs no write barrier. */
        t[1] = get(d->keys, item_size(d->keys), e);
        t[2] = get(d->values, item_size(d->values), e);
        RPY_PUSH_ROOT(d);
        rpy_list_append(l, (uint64_t)(uintptr_t)t);
        RPY_POP_ROOT(d);
        if (rpy_exc_value != NULL)
            return NULL;
    }
    return l;
}

/* ---- sets of instances (rpy_set.c has the ABI) ------------------------------ */

/* a's keys that are (keep == true) or are not in b, in a's order.  The
 * result is sized for all of a's keys up front, so filling it never
 * allocates and nothing moves meanwhile. */
rpy_dict *rpy_dict_set_filter(rpy_dict *a, rpy_dict *b, bool keep) {
    int64_t n = a->length;
    if (keep && b->length < n)
        n = b->length;
    RPY_PUSH_ROOT(a);
    RPY_PUSH_ROOT(b);
    rpy_dict *r = new_like(a, false, n);
    RPY_POP_ROOT(b);
    RPY_POP_ROOT(a);
    if (r == NULL)
        return NULL;
    const rpy_array *keys = a->keys;
    uint32_t ksize = item_size(keys);
    for (int64_t e = 0; e < a->used; e++) {
        if (words(a->hashes)[e] == RPY_DICT_DELETED)
            continue;
        uint64_t key = get(keys, ksize, e);
        int64_t h = current_hash(a, e), slot;
        bool in_b = false;
        switch (b->key_kind) {
        case RPY_KEY_INT: in_b = find_key(RPY_KEY_INT, b, key, h, &slot) >= 0; break;
        case RPY_KEY_FLOAT: in_b = find_key(RPY_KEY_FLOAT, b, key, h, &slot) >= 0; break;
        case RPY_KEY_STR: in_b = find_key(RPY_KEY_STR, b, key, h, &slot) >= 0; break;
        case RPY_KEY_IDENTITY: in_b = find_key(RPY_KEY_IDENTITY, b, key, h, &slot) >= 0; break;
        default: in_b = find_key(RPY_KEY_CUSTOM, b, key, h, &slot) >= 0; break;
        }
        if (in_b == keep)
            store_hashed(r, key, h, 0); /* never grows: sized for n */
    }
    return r;
}

bool rpy_dict_eq(rpy_dict *a, rpy_dict *b, int32_t value_eq_kind) {
    if (a == b)
        return true;
    if (a->length != b->length)
        return false;
    bool values = a->values != NULL && b->values != NULL;
    uint32_t ksize = item_size(a->keys), vsize = values ? item_size(a->values) : 0;
    for (int64_t e = 0; e < a->used; e++) {
        if (words(a->hashes)[e] == RPY_DICT_DELETED)
            continue;
        uint64_t key = get(a->keys, ksize, e);
        int64_t h = current_hash(a, e), slot, f;
        switch (b->key_kind) {
        case RPY_KEY_INT: f = find_key(RPY_KEY_INT, b, key, h, &slot); break;
        case RPY_KEY_FLOAT: f = find_key(RPY_KEY_FLOAT, b, key, h, &slot); break;
        case RPY_KEY_STR: f = find_key(RPY_KEY_STR, b, key, h, &slot); break;
        case RPY_KEY_IDENTITY: f = find_key(RPY_KEY_IDENTITY, b, key, h, &slot); break;
        default: f = find_key(RPY_KEY_CUSTOM, b, key, h, &slot); break;
        }
        if (f < 0)
            return false;
        if (!values)
            continue;
        uint64_t x = get(a->values, vsize, e), y = get(b->values, vsize, f);
        if (!rpy_items_equal(x, y, value_eq_kind))
            return false;
    }
    return true;
}
