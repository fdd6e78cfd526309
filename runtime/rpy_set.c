/* Sets (rpy.h states the contract).
 *
 * Why a second table.  A program may print a set, or loop over one, and
 * CPython's order is then part of what it prints.  CPython keeps a set
 * in an open-addressing table of (hash, key) slots and iterates over the
 * slots in order, so the order follows the hashes, the table's size and
 * the history of insertions, deletions and resizes.  Sets here are laid
 * out and grown exactly the same way (the same probe sequence, the same
 * resize points and sizes, the same slot-order copies), and keys hash as
 * in CPython (ints, floats, bools, tuples of them), so they iterate in
 * CPython's order.  Strings hash differently, but CPython salts string
 * hashes per process, so no program can depend on that order.
 *
 * Sets of instances stay rpy_dicts without values (rpy_dict.c): their
 * identity hashes are addresses that change when the collector promotes
 * an object, which rpy_dict.c knows how to repair, and CPython's order
 * for them follows addresses, so no order is more right than another.
 * Every function here hands such a set (index != NULL) to rpy_dict.c.
 *
 * Layout of a table set (index == NULL, values == NULL):
 *   - hashes and keys: the slots, a power of two of them (none at all,
 *     the shared empty arrays, until the first insertion: CPython's
 *     empty set has 8); a slot is FREE (hash -1: no CPython hash is -1),
 *     a DUMMY left by a deletion (hash RPY_DICT_DELETED), or live;
 *   - length: live slots (CPython's `used`);
 *   - used: live and DUMMY slots (CPython's `fill`).
 * Probing: from slot hash & mask, look at that slot and the next
 * LINEAR_PROBES ones (when they fit before the end), then jump by the
 * perturbation recurrence (perturb >>= 5 first, then i = 5i + 1 +
 * perturb).  A new key takes the last DUMMY on its probe path, else the
 * FREE slot that ended it (as CPython 3.11 does, measured); taking a FREE slot may grow the table, when
 * 5 * fill >= 3 * mask, to the smallest power of two above 4 * length (2 *
 * length past 50000 keys), re-adding the live slots in slot order.
 *
 * GC discipline as in rpy_dict.c: functions that allocate root what they
 * hold across it (keys only when they are GC pointers) and reload it;
 * stores into a keys array that may be old go after before_stores. */
#include "rpy.h"
#include "rpy_hashtable.h"
#include "rpy_internal.h"

#define SLOT_FREE (-1)
#define SLOT_DUMMY RPY_DICT_DELETED
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define MIN_SLOTS 8
/* Bigger tables could not be allocated anyway. */
#define MAX_SLOTS ((int64_t)1 << 56)

static inline bool is_table(const rpy_dict *s) { return s->index == NULL; }
static inline bool is_live(int64_t h) { return h != SLOT_FREE && h != SLOT_DUMMY; }
static inline int64_t slot_count(const rpy_dict *s) { return s->hashes->length; }
/* An empty set with no slots yet sizes itself as CPython's 8-slot one. */
static inline uint64_t mask_of(const rpy_dict *s) {
    int64_t n = slot_count(s);
    return (uint64_t)(n > 0 ? n : MIN_SLOTS) - 1;
}

/* ---- probing ---------------------------------------------------------------- */

/* The slot holding key (hash h), or -1; on a miss *free_out gets the slot
 * a new key takes (the last DUMMY passed, else the FREE slot that ended
 * the search).  The table has slots, and at least one is FREE. */
__attribute__((always_inline)) static inline int64_t probe(int kind, const rpy_dict *s, uint64_t key, int64_t h,
                                                           int64_t *free_out) {
    const int64_t *hashes = words(s->hashes);
    const rpy_array *keys = s->keys;
    uint32_t ksize = item_size(keys);
    uint64_t mask = (uint64_t)slot_count(s) - 1, perturb = (uint64_t)h, i = perturb & mask;
    int64_t free_slot = -1;
    for (;;) {
        uint64_t last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
        for (uint64_t j = i; j <= last; j++) {
            int64_t hj = hashes[j];
            if (hj == SLOT_FREE) {
                *free_out = free_slot >= 0 ? free_slot : (int64_t)j;
                return -1;
            }
            if (hj == h) {
                if (same_key(kind, s, get(keys, ksize, (int64_t)j), hj, key, h))
                    return (int64_t)j;
            } else if (hj == SLOT_DUMMY) {
                free_slot = (int64_t)j;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* probe() for a set of any kind, with a known hash (or hashing the key
 * when h_out is not NULL).  An empty set (maybe without slots) has no
 * key, and no free slot either. */
static int64_t find(const rpy_dict *s, uint64_t key, int64_t h, int64_t *h_out, int64_t *free_out) {
    switch (s->key_kind) {
#define CASE(K)                                   \
    case K:                                       \
        if (h_out != NULL)                        \
            *h_out = h = hash_key(K, s, key);     \
        if (slot_count(s) == 0)                   \
            return -1;                            \
        return probe(K, s, key, h, free_out);
        CASE(RPY_KEY_INT)
        CASE(RPY_KEY_FLOAT)
        CASE(RPY_KEY_STR)
    default:
        CASE(RPY_KEY_CUSTOM)
#undef CASE
    }
}

/* Puts a key known to be absent into a table without DUMMY slots: the
 * first FREE slot of its probe path. */
static void insert_clean(int64_t *hashes, rpy_array *keys, uint32_t ksize, uint64_t mask, uint64_t key, int64_t h) {
    uint64_t perturb = (uint64_t)h, i = perturb & mask;
    for (;;) {
        uint64_t last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
        for (uint64_t j = i; j <= last; j++) {
            if (hashes[j] == SLOT_FREE) {
                hashes[j] = h;
                put(keys, ksize, (int64_t)j, key);
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int64_t hash_of(const rpy_dict *s, uint64_t key) {
    switch (s->key_kind) {
    case RPY_KEY_INT: return hash_key(RPY_KEY_INT, s, key);
    case RPY_KEY_FLOAT: return hash_key(RPY_KEY_FLOAT, s, key);
    case RPY_KEY_STR: return hash_key(RPY_KEY_STR, s, key);
    default: return hash_key(RPY_KEY_CUSTOM, s, key);
    }
}

/* ---- resizing ------------------------------------------------------------- */

/* New slots, the smallest power of two (at least 8) above min_used, and
 * the live keys re-added in slot order.  Roots the set (updating *sp) and
 * *hold when keys are GC pointers.  False with MemoryError raised. */
static bool resize(rpy_dict **sp, int64_t min_used, uint64_t *hold) {
    int64_t n = MIN_SLOTS;
    while (n <= min_used) {
        if (n >= MAX_SLOTS) {
            memory_error();
            return false;
        }
        n <<= 1;
    }
    rpy_dict *s = *sp;
    uint32_t key_tid = s->keys->hdr.tid;
    bool hold_root = hold != NULL && tid_holds_gcptrs(key_tid);
    if (hold_root)
        RPY_PUSH_ROOT(*hold);
    RPY_PUSH_ROOT(s);
    rpy_array *hashes = rpy_gc_malloc_varsize(RPY_TID_ARRAY_I64, n), *keys = NULL;
    RPY_PUSH_ROOT(hashes);
    if (hashes != NULL)
        keys = rpy_gc_malloc_varsize(key_tid, n);
    RPY_POP_ROOT(hashes);
    RPY_POP_ROOT(s);
    if (hold_root)
        RPY_POP_ROOT(*hold);
    *sp = s;
    if (keys == NULL)
        return false;

    /* No allocation from here on: nothing moves. */
    int64_t *new_hashes = words(hashes);
    for (int64_t i = 0; i < n; i++)
        new_hashes[i] = SLOT_FREE;
    before_stores(keys);
    uint32_t ksize = item_size(keys);
    const int64_t *old_hashes = words(s->hashes);
    for (int64_t j = 0; j < slot_count(s); j++)
        if (is_live(old_hashes[j]))
            insert_clean(new_hashes, keys, ksize, (uint64_t)n - 1, get(s->keys, ksize, j), old_hashes[j]);
    before_dict_stores(s);
    s->hashes = hashes;
    s->keys = keys;
    s->used = s->length;
    return true;
}

static inline int64_t growth_target(const rpy_dict *s) { return s->length > 50000 ? s->length * 2 : s->length * 4; }

/* ---- adding ----------------------------------------------------------------- */

/* Adds key (hash h) if absent.  Roots and updates *sp; false with
 * MemoryError raised. */
static bool add_hashed(rpy_dict **sp, uint64_t key, int64_t h) {
    if (slot_count(*sp) == 0 && !resize(sp, 0, &key))
        return false;
    rpy_dict *s = *sp;
    int64_t free_slot;
    if (find(s, key, h, NULL, &free_slot) >= 0)
        return true;
    int64_t *hashes = words(s->hashes);
    bool was_free = hashes[free_slot] == SLOT_FREE;
    hashes[free_slot] = h;
    rpy_array *keys = s->keys;
    before_stores(keys);
    put(keys, item_size(keys), free_slot, key);
    s->length++;
    if (!was_free)
        return true;
    s->used++;
    if ((uint64_t)s->used * 5 < mask_of(s) * 3)
        return true;
    return resize(sp, growth_target(s), NULL);
}

/* Adds every live key of other, in its slot order, as CPython's
 * set_merge: one resize up front, and into an empty table a plain copy of
 * the slots when the sizes match and other has no DUMMY, else clean
 * insertions.  Roots other; false with MemoryError raised. */
static bool merge(rpy_dict **sp, rpy_dict *other) {
    rpy_dict *s = *sp;
    if (other == s || other->length == 0)
        return true;
    RPY_PUSH_ROOT(other);
    bool ok = true;
    if ((uint64_t)(s->used + other->length) * 5 >= mask_of(s) * 3)
        ok = resize(sp, (s->length + other->length) * 2, NULL);
    else if (slot_count(s) == 0)
        ok = resize(sp, 0, NULL);
    other = rpy_shadowstack_top[-1];
    s = *sp;
    if (!ok) {
        RPY_POP_ROOT(other);
        return false;
    }
    uint32_t ksize = item_size(other->keys);
    const int64_t *from = words(other->hashes);
    int64_t n = slot_count(other);
    if (s->used == 0) {
        /* Nothing to collide with: no allocation, nothing moves. */
        int64_t *to = words(s->hashes);
        rpy_array *keys = s->keys;
        before_stores(keys);
        bool same_shape = slot_count(s) == n && other->used == other->length;
        for (int64_t j = 0; j < n; j++) {
            if (!is_live(from[j]))
                continue;
            uint64_t key = get(other->keys, ksize, j);
            if (same_shape) {
                to[j] = from[j];
                put(keys, ksize, j, key);
            } else {
                insert_clean(to, keys, ksize, mask_of(s), key, from[j]);
            }
        }
        s->length = s->used = other->length;
    } else {
        for (int64_t j = 0; ok && j < n; j++) {
            other = rpy_shadowstack_top[-1];
            int64_t h = words(other->hashes)[j];
            if (is_live(h))
                ok = add_hashed(sp, get(other->keys, ksize, j), h);
        }
    }
    RPY_POP_ROOT(other);
    return ok;
}

/* A new empty set of s's key type (a table set: s is one). */
static rpy_dict *new_like(const rpy_dict *s) {
    return rpy_dict_new(s->key_kind, s->keys->hdr.tid, 0, s->key_desc);
}

/* ---- the ABI ---------------------------------------------------------------- */

void rpy_set_add(rpy_dict *s, uint64_t key) {
    if (!is_table(s)) {
        rpy_dict_setitem(s, key, 0);
        return;
    }
    add_hashed(&s, key, hash_of(s, key));
}

bool rpy_set_contains(rpy_dict *s, uint64_t key) {
    if (!is_table(s))
        return rpy_dict_lookup(s, key) >= 0;
    int64_t h, free_slot;
    return find(s, key, 0, &h, &free_slot) >= 0;
}

bool rpy_set_discard(rpy_dict *s, uint64_t key, bool must_exist) {
    if (!is_table(s))
        return rpy_dict_delitem(s, key, must_exist);
    int64_t h, free_slot;
    int64_t slot = find(s, key, 0, &h, &free_slot);
    if (slot < 0) {
        if (must_exist)
            rpy_dict_key_error(s, key);
        return false;
    }
    words(s->hashes)[slot] = SLOT_DUMMY;
    /* A zero needs no barrier, and frees the key for the collector. */
    put(s->keys, item_size(s->keys), slot, 0);
    s->length--;
    return true;
}

int64_t rpy_set_next(rpy_dict *s, int64_t pos) {
    if (!is_table(s))
        return rpy_dict_next(s, pos);
    const int64_t *hashes = words(s->hashes);
    for (int64_t i = pos < 0 ? 0 : pos; i < slot_count(s); i++)
        if (is_live(hashes[i]))
            return i;
    return -1;
}

void rpy_set_clear(rpy_dict *s) {
    if (!is_table(s)) {
        rpy_dict_clear(s);
        return;
    }
    /* Static arrays, never young: no barrier. */
    s->hashes = rpy_empty_array(RPY_TID_ARRAY_I64);
    s->keys = rpy_empty_array(s->keys->hdr.tid);
    s->length = 0;
    s->used = 0;
}

/* CPython's set_copy: a new set, then a merge. */
rpy_dict *rpy_set_copy(rpy_dict *s) {
    if (!is_table(s))
        return rpy_dict_copy(s);
    RPY_PUSH_ROOT(s);
    rpy_dict *r = new_like(s);
    RPY_POP_ROOT(s);
    if (r == NULL)
        return NULL;
    RPY_PUSH_ROOT(r);
    bool ok = merge(&r, s);
    RPY_POP_ROOT(r);
    return ok ? r : NULL;
}

void rpy_set_update(rpy_dict *s, rpy_dict *other) {
    if (!is_table(s)) {
        rpy_dict_update(s, other);
        return;
    }
    RPY_PUSH_ROOT(s);
    merge(&s, other);
    RPY_POP_ROOT(s);
}

void rpy_set_add_all(rpy_dict *s, rpy_list *l) {
    for (int64_t i = 0; i < l->length; i++) {
        uint64_t item = rpy_list_get(l, i);
        RPY_PUSH_ROOT(s);
        RPY_PUSH_ROOT(l);
        rpy_set_add(s, item);
        RPY_POP_ROOT(l);
        RPY_POP_ROOT(s);
        if (rpy_exc_value != NULL)
            return;
    }
}

void rpy_set_add_dict_keys(rpy_dict *s, rpy_dict *d) {
    RPY_PUSH_ROOT(d);
    RPY_PUSH_ROOT(s);
    /* One resize up front, as CPython's set_update_internal for a dict. */
    if (is_table(s) && (uint64_t)(s->used + d->length) * 5 >= mask_of(s) * 3) {
        bool ok = resize(&s, (s->length + d->length) * 2, NULL);
        rpy_shadowstack_top[-1] = s;
        d = rpy_shadowstack_top[-2];
        if (!ok)
            goto out;
    }
    for (int64_t i = rpy_dict_next(d, 0); i >= 0; i = rpy_dict_next(d, i + 1)) {
        rpy_set_add(s, get(d->keys, item_size(d->keys), i));
        s = rpy_shadowstack_top[-1];
        d = rpy_shadowstack_top[-2];
        if (rpy_exc_value != NULL)
            break;
    }
out:
    RPY_POP_ROOT(s);
    RPY_POP_ROOT(d);
}

void rpy_set_add_chars(rpy_dict *s, rpy_str *str) {
    for (int64_t i = 0; i < str->nchars; i++) {
        RPY_PUSH_ROOT(s);
        RPY_PUSH_ROOT(str);
        rpy_str *c = rpy_str_getitem(str, i);
        if (c != NULL)
            rpy_set_add(rpy_shadowstack_top[-2], (uint64_t)(uintptr_t)c);
        RPY_POP_ROOT(str);
        RPY_POP_ROOT(s);
        if (rpy_exc_value != NULL)
            return;
    }
}

rpy_dict *rpy_set_union(rpy_dict *a, rpy_dict *b) {
    bool same = a == b;
    RPY_PUSH_ROOT(b);
    rpy_dict *r = rpy_set_copy(a);
    b = rpy_shadowstack_top[-1];
    if (r != NULL && !same) {
        RPY_PUSH_ROOT(r);
        rpy_set_update(r, b);
        RPY_POP_ROOT(r);
        if (rpy_exc_value != NULL)
            r = NULL;
    }
    RPY_POP_ROOT(b);
    return r;
}

/* The keys of `from` (in its slot order) that are (keep) or are not in
 * `in`, added to a new set; every key when `in` is NULL. */
static rpy_dict *filter(rpy_dict *from, rpy_dict *in, bool keep) {
    RPY_PUSH_ROOT(from);
    RPY_PUSH_ROOT(in);
    rpy_dict *r = new_like(from);
    RPY_PUSH_ROOT(r);
    bool ok = r != NULL;
    for (int64_t j = 0; ok; j++) {
        from = rpy_shadowstack_top[-3];
        in = rpy_shadowstack_top[-2];
        if (j >= slot_count(from))
            break;
        int64_t h = words(from->hashes)[j], free_slot;
        if (!is_live(h))
            continue;
        uint64_t key = get(from->keys, item_size(from->keys), j);
        if (in == NULL || (find(in, key, h, NULL, &free_slot) >= 0) == keep) {
            r = rpy_shadowstack_top[-1];
            ok = add_hashed(&r, key, h);
            rpy_shadowstack_top[-1] = r;
        }
    }
    r = rpy_shadowstack_top[-1];
    RPY_POP_ROOT(r);
    RPY_POP_ROOT(in);
    RPY_POP_ROOT(from);
    return ok ? r : NULL;
}

/* CPython loops over the smaller set (b when the sizes are equal) and
 * looks its keys up in the other. */
rpy_dict *rpy_set_intersection(rpy_dict *a, rpy_dict *b) {
    if (!is_table(a))
        return rpy_dict_set_filter(a, b, true);
    if (a == b)
        return rpy_set_copy(a);
    return b->length > a->length ? filter(a, b, true) : filter(b, a, true);
}

/* CPython copies a and discards b's keys when a is over four times
 * bigger; else it adds a's keys missing from b to a new set. */
rpy_dict *rpy_set_difference(rpy_dict *a, rpy_dict *b) {
    if (!is_table(a))
        return rpy_dict_set_filter(a, b, false);
    if ((a->length >> 2) <= b->length)
        return filter(a, b, false);
    RPY_PUSH_ROOT(b);
    rpy_dict *r = rpy_set_copy(a);
    b = rpy_shadowstack_top[-1];
    RPY_POP_ROOT(b);
    if (r != NULL) {
        RPY_PUSH_ROOT(r);
        rpy_set_difference_update(r, b);
        RPY_POP_ROOT(r);
    }
    return rpy_exc_value != NULL ? NULL : r;
}

/* s -= other: discards (which never resize), then, as CPython does, a
 * resize when over a quarter of the slots are DUMMY. */
void rpy_set_difference_update(rpy_dict *s, rpy_dict *other) {
    if (s == other) {
        rpy_set_clear(s);
        return;
    }
    for (int64_t pos = rpy_set_next(other, 0); pos >= 0; pos = rpy_set_next(other, pos + 1))
        rpy_set_discard(s, rpy_dict_key_at(other, pos), false);
    if (!is_table(s) || (uint64_t)(s->used - s->length) <= mask_of(s) / 4)
        return;
    RPY_PUSH_ROOT(s);
    resize(&s, growth_target(s), NULL);
    RPY_POP_ROOT(s);
}

/* s &= other: CPython computes the intersection and swaps it in. */
void rpy_set_intersection_update(rpy_dict *s, rpy_dict *other) {
    RPY_PUSH_ROOT(s);
    rpy_dict *r = rpy_set_intersection(s, other);
    s = rpy_shadowstack_top[-1];
    RPY_POP_ROOT(s);
    if (r == NULL)
        return;
    before_dict_stores(s);
    s->hashes = r->hashes;
    s->keys = r->keys;
    s->index = r->index;
    s->length = r->length;
    s->used = r->used;
}

bool rpy_set_eq(rpy_dict *a, rpy_dict *b) {
    if (!is_table(a))
        return rpy_dict_eq(a, b, RPY_EQ_BITS);
    if (a == b)
        return true;
    if (a->length != b->length)
        return false;
    uint32_t ksize = item_size(a->keys);
    for (int64_t j = 0; j < slot_count(a); j++) {
        int64_t h = words(a->hashes)[j], free_slot;
        if (is_live(h) && find(b, get(a->keys, ksize, j), h, NULL, &free_slot) < 0)
            return false;
    }
    return true;
}

/* A display of constants, {1, 2, 3}, given s with its items added in
 * order: CPython's compiler makes a frozenset of them, then remakes it
 * by adding its own items in its order (merging constants), and the
 * display copies that at run time. */
rpy_dict *rpy_set_of_constants(rpy_dict *s) {
    if (!is_table(s))
        return s;
    rpy_dict *remade = filter(s, NULL, true);
    return remade != NULL ? rpy_set_copy(remade) : NULL;
}

/* CPython's set.pop(): the first live slot from the finger on (wrapping
 * around), which then points past it. */
uint64_t rpy_set_pop(rpy_dict *s) {
    if (s->length == 0) {
        rpy_raise(RPY_EXC_KEY, "'pop from an empty set'");
        return 0;
    }
    if (!is_table(s)) {
        int64_t e = rpy_dict_last_entry(s);
        uint64_t key = rpy_dict_key_at(s, e);
        rpy_dict_delete_entry(s, e);
        return key;
    }
    int64_t *hashes = words(s->hashes);
    uint64_t mask = mask_of(s), i = (uint64_t)s->finger & mask;
    while (!is_live(hashes[i]))
        i = (i + 1) & mask;
    uint64_t key = get(s->keys, item_size(s->keys), (int64_t)i);
    hashes[i] = SLOT_DUMMY;
    put(s->keys, item_size(s->keys), (int64_t)i, 0);
    s->length--;
    s->finger = (int64_t)i + 1;
    return key;
}

int64_t rpy_set_iter_next(rpy_dict *s, int64_t pos, int64_t length_at_start) {
    if (s->length != length_at_start) {
        rpy_raise(RPY_EXC_RUNTIME, "Set changed size during iteration");
        return -1;
    }
    return rpy_set_next(s, pos);
}

rpy_list *rpy_set_list(rpy_dict *s) {
    RPY_PUSH_ROOT(s);
    rpy_list *l = rpy_list_new(s->keys->hdr.tid, s->length, s->length);
    RPY_POP_ROOT(s);
    if (l == NULL)
        return NULL;
    /* No allocation from here on. */
    rpy_array *dst = l->items;
    uint32_t size = item_size(s->keys);
    if (s->length > 0) /* else dst is a shared static array */
        before_stores(dst);
    int64_t j = 0;
    for (int64_t pos = rpy_set_next(s, 0); pos >= 0; pos = rpy_set_next(s, pos + 1))
        put(dst, size, j++, rpy_dict_key_at(s, pos));
    return l;
}
