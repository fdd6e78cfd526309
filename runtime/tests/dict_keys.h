/* What test_dict.c and test_set.c share: the program's types (the
 * runtime's, one exception class per kind, instances and tuples), the
 * helpers that build keys the way generated code builds them, and the
 * random keys and insertion-ordered model of their randomized tests.
 * Each program includes this once, defines rpy_locations itself and
 * uses part of the rest (hence static inline: unused is no warning). */
#ifndef RPY_TEST_DICT_KEYS_H
#define RPY_TEST_DICT_KEYS_H

#include "../rpy.h"
#include "../rpy_internal.h"
#include "runtime_types.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the test program's types ---------------------------------------- */

/* One exception class per rpy_exc_kind (T_EXC + kind), a node (an
 * instance keyed by identity) and tuples keyed by contents, laid out as
 * the translator lays tuples out (one 8-byte slot per item after the
 * header): a pair (int, int), and T_SI (str or None, int), T_FS (float,
 * str), T_FF (float, float), T_NEST ((int, int), str), T_NS (None, str),
 * T_SFB (str, float, bool), T_T1 (int,) and T_T0 (). */
enum {
    T_EXC = RPY_TID_FIRST_USER,
    T_NODE = T_EXC + RPY_EXC_KIND_COUNT,
    T_PAIR,
    T_SI,
    T_FS,
    T_FF,
    T_NEST,
    T_NS,
    T_SFB,
    T_T1,
    T_T0,
    T_COUNT
};

typedef struct node {
    rpy_hdr hdr;
    int64_t value;
} node;

typedef struct pair {
    rpy_hdr hdr;
    int64_t a, b;
} pair;

typedef rpy_test_exc exc;

/* Byte offsets of the GC pointers in tuples: slot i is at 8 + 8 * i. */
static const uint32_t slot0_ptr[] = {8}, slot1_ptr[] = {16}, slots01_ptr[] = {8, 16};

const rpy_type_info rpy_type_table[] = {
    RPY_RUNTIME_TYPE_ENTRIES,
    RPY_TEST_EXC_ENTRIES(T_EXC),
    [T_NODE] = {.fixed_size = sizeof(node)},
    [T_PAIR] = {.fixed_size = sizeof(pair)},
    [T_SI] = {.fixed_size = 24, .n_gcptrs = 1, .gcptr_offsets = slot0_ptr},
    [T_FS] = {.fixed_size = 24, .n_gcptrs = 1, .gcptr_offsets = slot1_ptr},
    [T_FF] = {.fixed_size = 24},
    [T_NEST] = {.fixed_size = 24, .n_gcptrs = 2, .gcptr_offsets = slots01_ptr},
    [T_NS] = {.fixed_size = 24, .n_gcptrs = 2, .gcptr_offsets = slots01_ptr},
    [T_SFB] = {.fixed_size = 32, .n_gcptrs = 1, .gcptr_offsets = slot0_ptr},
    [T_T1] = {.fixed_size = 16},
    [T_T0] = {.fixed_size = 16}, /* objects are at least 16 bytes */
};
const uint32_t rpy_type_count = T_COUNT;
const uint32_t rpy_exc_kind_tids[] = RPY_TEST_EXC_KIND_TIDS(T_EXC);
const char *const rpy_type_names[T_COUNT] = {[T_EXC + RPY_EXC_KEY] = "KeyError",
                                             [T_EXC + RPY_EXC_MEMORY] = "MemoryError",
                                             [T_EXC + RPY_EXC_TYPE] = "TypeError"};
const uint32_t rpy_exc_message_offset = offsetof(exc, message);

/* ---- checks and helpers ---------------------------------------------- */

static inline rpy_gc_stats stats(void) {
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    return s;
}

#define DICT(k) ((rpy_dict *)f[k])
#define LIST(k) ((rpy_list *)f[k])
#define STR(k) ((rpy_str *)f[k])
#define PTR(p) ((uint64_t)(uintptr_t)(p))

static inline uint64_t bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static inline double as_double(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

/* The message of an rpy_str as a C string (static buffer). */
static inline const char *cstr(const rpy_str *s) {
    static char buf[512];
    if (s == NULL)
        return "(null)";
    int64_t n = s->length < (int64_t)sizeof buf - 1 ? s->length : (int64_t)sizeof buf - 1;
    memcpy(buf, s->data, (size_t)n);
    buf[n] = '\0';
    return buf;
}

/* The exception in flight is of this kind and has this message (NULL:
 * any); it is taken either way. */
static inline bool raised(int kind, const char *msg) {
    exc *e = rpy_exc_catch();
    if (e == NULL || e->hdr.tid != (uint32_t)(T_EXC + kind))
        return false;
    if (msg == NULL)
        return true;
    bool same = e->message != NULL && e->message->length == (int64_t)strlen(msg) &&
                memcmp(e->message->data, msg, strlen(msg)) == 0;
    if (!same)
        printf("  (message was [%s], expected [%s])\n", cstr(e->message), msg);
    return same;
}

static inline bool no_exception(void) { return rpy_exc_value == NULL; }

static inline node *new_node(int64_t value) {
    node *n = rpy_gc_malloc(T_NODE);
    n->value = value;
    return n;
}

static inline pair *new_pair(int64_t a, int64_t b) {
    pair *p = rpy_gc_malloc(T_PAIR);
    p->a = a;
    p->b = b;
    return p;
}

static inline rpy_str *new_str(const char *text) {
    int64_t len = (int64_t)strlen(text);
    rpy_str *s = rpy_gc_malloc_varsize(RPY_TID_STR, len);
    memcpy(s->data, text, (size_t)len);
    int64_t nchars = 0;
    for (int64_t i = 0; i < len; i++)
        nchars += ((unsigned char)text[i] & 0xC0) != 0x80;
    s->nchars = nchars;
    return s;
}

static inline rpy_str *new_strf(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return new_str(buf);
}

/* Something to collect. */
static inline void garbage(int n) {
    for (int i = 0; i < n; i++)
        new_node(-i);
}

static inline uint64_t array_get(const rpy_array *a, int64_t i) {
    if (rpy_type_table[a->hdr.tid].item_size == 1)
        return (unsigned char)a->items[i];
    uint64_t v;
    memcpy(&v, a->items + 8 * i, 8);
    return v;
}

static inline uint64_t list_at(const rpy_list *l, int64_t i) { return array_get(l->items, i); }

/* l[i] = v, as generated code stores an item. */
static inline void list_set(rpy_list *l, int64_t i, uint64_t v) {
    rpy_array *a = l->items;
    if (rpy_type_table[a->hdr.tid].items_are_gcptrs && (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS))
        rpy_gc_write_barrier(a);
    memcpy(a->items + 8 * i, &v, 8);
}

static inline int64_t node_value(uint64_t p) {
    const node *n = (const node *)(uintptr_t)p;
    return n != NULL && n->hdr.tid == T_NODE ? n->value : INT64_MIN;
}

static inline int64_t str_number(uint64_t p) {
    const rpy_str *s = (const rpy_str *)(uintptr_t)p;
    if (s == NULL || s->hdr.tid != RPY_TID_STR || s->length < 2)
        return INT64_MIN;
    return strtoll(s->data + 1, NULL, 10);
}

/* ---- tuple keys (RPY_KEY_CUSTOM) --------------------------------------------
 *
 * Tuples are built as generated code builds them: an object of the
 * tuple's own type id (T_PAIR, T_SI... above: one 8-byte slot per item
 * after the header, the slots holding strings or nested tuples listed as
 * GC pointers), the items stored right after the allocation (a young
 * object: no barrier), their own GC parts allocated first and reloaded
 * from root slots.  Key descriptors are prebuilt strings, as the
 * translator emits them.  The tests' KeyError messages are what python3
 * prints for `{}[key]` or `set().remove(key)`.  tuple_dict(desc, 0) makes
 * a set. */

#define DESC(name, text)                                                                                  \
    static struct {                                                                                       \
        rpy_hdr hdr;                                                                                      \
        int64_t hash, length, nchars;                                                                     \
        char data[sizeof text];                                                                           \
    } name##_s = {{RPY_TID_STR, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0, sizeof text - 1, \
                  sizeof text - 1, text};                                                                 \
    static rpy_str *const name = (rpy_str *)(void *)&name##_s

DESC(d_ii, "T2;ii");
DESC(d_si, "T2;si");
DESC(d_fs, "T2;fs");
DESC(d_ff, "T2;ff");
DESC(d_nest, "T2;T2;iis");
DESC(d_ns, "T2;ns");
DESC(d_sfb, "T3;sfb");
DESC(d_t1, "T1;i");
DESC(d_t0, "T0;");

static inline rpy_dict *tuple_dict(rpy_str *desc, uint32_t value_tid) {
    return rpy_dict_new(RPY_KEY_CUSTOM, RPY_TID_ARRAY_PTR, value_tid, desc);
}

/* Slot i of a tuple, and its pieces. */
static inline uint64_t slot(uint64_t t, int i) { return ((const uint64_t *)(uintptr_t)t)[1 + i]; }
static inline bool str_is(uint64_t s, const char *text) {
    const rpy_str *p = (const rpy_str *)(uintptr_t)s;
    if (p == NULL || text == NULL)
        return p == NULL && text == NULL;
    return p->length == (int64_t)strlen(text) && memcmp(p->data, text, (size_t)p->length) == 0;
}

/* (s, v) with s None when NULL */
static inline uint64_t *new_si(const char *s, int64_t v) {
    void **f = frame(1);
    f[0] = s != NULL ? new_str(s) : NULL;
    uint64_t *t = rpy_gc_malloc(T_SI);
    t[1] = PTR(f[0]);
    t[2] = (uint64_t)v;
    unframe(f);
    return t;
}

static inline uint64_t *new_fs(double x, const char *s) {
    void **f = frame(1);
    f[0] = new_str(s);
    uint64_t *t = rpy_gc_malloc(T_FS);
    t[1] = bits(x);
    t[2] = PTR(f[0]);
    unframe(f);
    return t;
}

static inline uint64_t *new_ff(double x, double y) {
    uint64_t *t = rpy_gc_malloc(T_FF);
    t[1] = bits(x);
    t[2] = bits(y);
    return t;
}

/* ((a, b), s) */
static inline uint64_t *new_nest(int64_t a, int64_t b, const char *s) {
    void **f = frame(2);
    f[0] = new_pair(a, b);
    f[1] = new_str(s);
    uint64_t *t = rpy_gc_malloc(T_NEST);
    t[1] = PTR(f[0]);
    t[2] = PTR(f[1]);
    unframe(f);
    return t;
}

/* (None, s) */
static inline uint64_t *new_ns(const char *s) {
    void **f = frame(1);
    f[0] = new_str(s);
    uint64_t *t = rpy_gc_malloc(T_NS);
    t[1] = 0;
    t[2] = PTR(f[0]);
    unframe(f);
    return t;
}

/* (s, x, b): the bool in the slot's first byte (`junk` above it, which
 * must be ignored). */
static inline uint64_t *new_sfb(const char *s, double x, bool b, uint64_t junk) {
    void **f = frame(1);
    f[0] = new_str(s);
    uint64_t *t = rpy_gc_malloc(T_SFB);
    t[1] = PTR(f[0]);
    t[2] = bits(x);
    t[3] = junk << 8;
    *(unsigned char *)&t[3] = b;
    unframe(f);
    return t;
}

static inline uint64_t *new_t1(int64_t v) {
    uint64_t *t = rpy_gc_malloc(T_T1);
    t[1] = (uint64_t)v;
    return t;
}

static inline uint64_t *new_t0(void) { return rpy_gc_malloc(T_T0); }

/* ---- random operations against a model ------------------------------------
 *
 * The model is a list of (key id, value, live) in insertion order,
 * searched linearly.  A key id stands for the key: the int itself, the
 * float's bits (compared with ==, or identical bits), "k<id>" for a
 * string (a fresh object each time), the node whose value is the id
 * (a pool of nodes, renewed now and then), the pair (id / 64, id % 64),
 * or the nested tuple ((id % 64, id / 64), "k<id % 3>").  A set's model
 * ignores the values, and its order too unless the set is of instances. */

enum { R_INT, R_FLOAT, R_STR, R_IDENTITY, R_CUSTOM, R_NESTED, N_RKINDS };
static const char *const rkind_names[] = {"int", "float", "str", "identity", "tuple", "nested tuple"};

#define MODEL_MAX 100000
static struct {
    uint64_t key;
    int64_t value;
    bool live;
} model[MODEL_MAX];
static int64_t model_used, model_len;

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static inline uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static const double float_pool[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0, 1e300, -1e-300, INFINITY, -INFINITY,
                                    3.0, 4.0, 1e16, 0.1, 0.2, 0.30000000000000004, 5e-324, 2305843009213693951.0};

static inline bool model_eq(int kind, uint64_t a, uint64_t b) {
    if (kind == R_FLOAT)
        return a == b || as_double(a) == as_double(b);
    return a == b;
}

static inline int64_t model_find(int kind, uint64_t key) {
    for (int64_t i = 0; i < model_used; i++)
        if (model[i].live && model_eq(kind, model[i].key, key))
            return i;
    return -1;
}

static inline void model_set(int kind, uint64_t key, int64_t value) {
    int64_t i = model_find(kind, key);
    if (i >= 0) {
        model[i].value = value;
        return;
    }
    if (model_used == MODEL_MAX) { /* compact */
        int64_t j = 0;
        for (int64_t k = 0; k < model_used; k++)
            if (model[k].live)
                model[j++] = model[k];
        model_used = j;
    }
    model[model_used].key = key;
    model[model_used].value = value;
    model[model_used].live = true;
    model_used++;
    model_len++;
}

static inline void model_del(int64_t i) {
    model[i].live = false;
    model_len--;
    while (model_used > 0 && !model[model_used - 1].live)
        model_used--;
}

/* A random key id for this kind. */
static inline uint64_t random_id(int kind, int64_t range) {
    switch (kind) {
    case R_INT: {
        int64_t v = (int64_t)(rnd() % (uint64_t)range) - range / 2;
        if (rnd() % 50 == 0) /* far away, with a hash that collides with v's */
            v += (int64_t)(((uint64_t)1 << 61) - 1);
        return (uint64_t)v;
    }
    case R_FLOAT: {
        uint64_t r = rnd();
        size_t np = sizeof float_pool / sizeof float_pool[0];
        if (r % 4 == 0)
            return bits(float_pool[(r >> 8) % np]);
        if (r % 23 == 1)
            return bits(NAN);
        return bits((double)((int64_t)((r >> 8) % (uint64_t)range) - range / 2) * 0.75);
    }
    default: return rnd() % (uint64_t)range;
    }
}

/* Key id of a key stored in the dict or set. */
static inline uint64_t id_of_key(int kind, uint64_t key) {
    switch (kind) {
    case R_STR: return (uint64_t)str_number(key);
    case R_IDENTITY: return (uint64_t)node_value(key);
    case R_CUSTOM: {
        const pair *p = (const pair *)(uintptr_t)key;
        return (uint64_t)(p->a * 64 + p->b);
    }
    case R_NESTED: {
        const pair *p = (const pair *)(uintptr_t)slot(key, 0);
        return (uint64_t)(p->b * 64 + p->a);
    }
    default: return key;
    }
}

/* The keys array for each kind. */
static inline uint32_t key_tid_of(int kind) {
    return kind == R_INT ? RPY_TID_ARRAY_I64 : kind == R_FLOAT ? RPY_TID_ARRAY_F64 : RPY_TID_ARRAY_PTR;
}

/* Frame slots of the random tests (F_DICT holds the dict or set tested). */
enum { F_DICT, F_POOL, F_KEY, F_VALUE, F_COPY, F_LIST, F_SLOTS };

/* The key for id into f[F_KEY] (allocating for str and tuples); returns
 * it as the dict or set wants it. */
static inline uint64_t make_key(void **f, int kind, uint64_t id) {
    switch (kind) {
    case R_STR: f[F_KEY] = new_strf("k%lld", (long long)id); return PTR(f[F_KEY]);
    case R_IDENTITY: return list_at(LIST(F_POOL), (int64_t)id);
    case R_CUSTOM: f[F_KEY] = new_pair((int64_t)id / 64, (int64_t)id % 64); return PTR(f[F_KEY]);
    case R_NESTED: {
        char buf[32];
        snprintf(buf, sizeof buf, "k%d", (int)(id % 3));
        f[F_KEY] = new_nest((int64_t)id % 64, (int64_t)id / 64, buf);
        return PTR(f[F_KEY]);
    }
    default: return id;
    }
}
/* The model's id of a key made from a random id: identity keys are
 * named by their node's value, as pool slots get new nodes. */
static inline uint64_t model_id(int kind, uint64_t id, uint64_t key) {
    return kind == R_IDENTITY ? (uint64_t)node_value(key) : id;
}

/* The key again after an allocation (it may have moved). */
static inline uint64_t reload_key(void **f, int kind, uint64_t id) {
    if (kind == R_STR || kind >= R_CUSTOM)
        return PTR(f[F_KEY]);
    return make_key(f, kind, id);
}

#endif
