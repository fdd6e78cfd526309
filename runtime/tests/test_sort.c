/* Tests for l.sort(key=..., reverse=...) (rpy_list_sort_keyed in
 * rpy_list.c).
 *
 * Linked with the whole runtime like test_list.c and run the same three
 * ways: default nursery, RPY_GC_NURSERY=4096 (a minor collection every
 * hundred or so allocations; arrays above 512 bytes are born outside the
 * nursery and are old after the next collection, so the sort's array of
 * keys needs its write barrier) and that plus
 * RPY_GC_DEBUG=1, whose heap check after each collection catches a
 * missing root or barrier.
 *
 * Key functions are C functions that behave like generated code: they
 * allocate (new strings through rpy_str_from_bytes, new tuples through
 * rpy_gc_malloc, garbage) and so move everything young, root what they
 * hold, and raise by setting rpy_exc_value.  Expected orders come from
 * CPython 3.11 (tests/sort_cases.h, written by tools/gen_sort_cases.py),
 * NaN included, since the runtime makes CPython's comparisons in
 * CPython's order; large random lists are checked against qsort on
 * (key, index).
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "check.h"
#include "runtime_types.h"
#include "sort_cases.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the test program's types ---------------------------------------- */

/* One exception class per rpy_exc_kind (T_EXC + kind), a node (the
 * items), and the tuples keys are made of: header, then 8-byte slots. */
enum {
    T_EXC = RPY_TID_FIRST_USER,
    T_NODE = T_EXC + RPY_EXC_KIND_COUNT,
    T_IS,  /* (int, str) */
    T_SIF, /* (str, int, float) */
    T_FI,  /* (float, int) */
    T_F1,  /* (float,) */
    T_BI,  /* (bool, int) */
    T_COUNT
};

typedef struct node {
    rpy_hdr hdr;
    int64_t value;
} node;

typedef rpy_test_exc exc;

typedef struct tup_is {
    rpy_hdr hdr;
    int64_t i;
    rpy_str *s;
} tup_is;

typedef struct tup_sif {
    rpy_hdr hdr;
    rpy_str *s;
    int64_t i;
    double f;
} tup_sif;

typedef struct tup_fi {
    rpy_hdr hdr;
    double f;
    int64_t i;
} tup_fi;

typedef struct tup_f1 {
    rpy_hdr hdr;
    double f;
} tup_f1;

typedef struct tup_bi {
    rpy_hdr hdr;
    unsigned char b[8]; /* the bool is b[0]; the rest is not looked at */
    int64_t i;
} tup_bi;

static const uint32_t is_gcptrs[] = {offsetof(tup_is, s)};
static const uint32_t sif_gcptrs[] = {offsetof(tup_sif, s)};

const rpy_type_info rpy_type_table[] = {
    RPY_RUNTIME_TYPE_ENTRIES,
    RPY_TEST_EXC_ENTRIES(T_EXC),
    [T_NODE] = {.fixed_size = sizeof(node)},
    [T_IS] = {.fixed_size = sizeof(tup_is), .n_gcptrs = 1, .gcptr_offsets = is_gcptrs},
    [T_SIF] = {.fixed_size = sizeof(tup_sif), .n_gcptrs = 1, .gcptr_offsets = sif_gcptrs},
    [T_FI] = {.fixed_size = sizeof(tup_fi)},
    [T_F1] = {.fixed_size = sizeof(tup_f1)},
    [T_BI] = {.fixed_size = sizeof(tup_bi)},
};
const uint32_t rpy_type_count = T_COUNT;
const uint32_t rpy_exc_kind_tids[] = RPY_TEST_EXC_KIND_TIDS(T_EXC);
const char *const rpy_type_names[T_COUNT] = {[T_EXC + RPY_EXC_VALUE] = "ValueError",
                                             [T_EXC + RPY_EXC_MEMORY] = "MemoryError"};
const uint32_t rpy_exc_message_offset = offsetof(exc, message);
const rpy_location rpy_locations[] = {{"test_sort.c", "test", "", 1}};

_Static_assert(offsetof(tup_is, s) == 16 && offsetof(tup_sif, f) == 24 && offsetof(tup_bi, i) == 16,
               "tuples: header, then 8-byte slots");

/* ---- checks and helpers ---------------------------------------------- */

static rpy_gc_stats stats(void) {
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    return s;
}

#define LIST(k) ((rpy_list *)f[k])
#define PTR(p) ((uint64_t)(uintptr_t)(p))

/* The exception in flight is of this kind (and message, unless NULL);
 * it is taken either way. */
static bool raised(int kind, const char *msg) {
    exc *e = rpy_exc_catch();
    if (e == NULL || e->hdr.tid != (uint32_t)(T_EXC + kind))
        return false;
    return msg == NULL || (e->message != NULL && e->message->length == (int64_t)strlen(msg) &&
                           memcmp(e->message->data, msg, strlen(msg)) == 0);
}

static node *new_node(int64_t value) {
    node *n = rpy_gc_malloc(T_NODE);
    n->value = value;
    return n;
}

static void garbage(int n) {
    for (int i = 0; i < n; i++)
        new_node(-i);
}

static double as_double(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static uint64_t bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static uint64_t at(const rpy_list *l, int64_t i) {
    if (rpy_type_table[l->items->hdr.tid].item_size == 1)
        return (unsigned char)l->items->items[i];
    uint64_t v;
    memcpy(&v, l->items->items + 8 * i, 8);
    return v;
}

/* l[i] = v, as generated code stores an item. */
static void set_at(rpy_list *l, int64_t i, uint64_t v) {
    rpy_array *a = l->items;
    if (rpy_type_table[a->hdr.tid].item_size == 1) {
        a->items[i] = (char)v;
        return;
    }
    if (rpy_type_table[a->hdr.tid].items_are_gcptrs && (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS))
        rpy_gc_write_barrier(a);
    memcpy(a->items + 8 * i, &v, 8);
}

/* Stores GC pointer v into a field of obj, with the write barrier. */
static void set_field(void *obj, void **field, void *v) {
    if (((rpy_hdr *)obj)->gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS)
        rpy_gc_write_barrier(obj);
    *field = v;
}

static int64_t node_value(uint64_t item) {
    const node *n = (const node *)(uintptr_t)item;
    return n != NULL && n->hdr.tid == T_NODE ? n->value : INT64_MIN;
}

/* A list of n young nodes valued 0, 1, ... */
static rpy_list *node_list(int64_t n) {
    void **f = frame(1);
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, n, n);
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(i);
        set_at(LIST(0), i, PTR(x));
    }
    rpy_list *l = LIST(0);
    unframe(f);
    return l;
}

/* The items are nodes valued want[0], want[1], ... (want NULL: 0, 1, ...) */
static bool nodes_are(const rpy_list *l, int64_t n, const int *want) {
    if (l->length != n || l->items->hdr.tid != RPY_TID_ARRAY_PTR)
        return false;
    for (int64_t i = 0; i < n; i++)
        if (node_value(at(l, i)) != (want ? want[i] : i))
            return false;
    return true;
}

static rpy_str *str_of(const char *text) { return rpy_str_from_bytes(text, (int64_t)strlen(text)); }

static uint64_t rng_state;

static int64_t rnd(int64_t n) { /* 0 <= r < n */
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return (int64_t)((rng_state >> 33) % (uint64_t)n);
}

/* ---- key functions --------------------------------------------------- */

/* What the key functions do besides making keys: how many calls so far,
 * the item (node value) of each, at which call to raise, how much garbage
 * to make per call. */
static struct {
    int64_t calls;
    int64_t *log;
    int64_t log_cap;
    int64_t raise_at;
    int garbage;
} kf = {0, NULL, 0, -1, 0};

static void kf_reset(int64_t n, int garbage_per_call) {
    if (n > kf.log_cap) {
        free(kf.log);
        kf.log = malloc((size_t)n * sizeof *kf.log);
        kf.log_cap = n;
    }
    kf.calls = 0;
    kf.raise_at = -1;
    kf.garbage = garbage_per_call;
}

/* The start of every key function: true if it must raise now. */
static bool kf_enter(int64_t value) {
    if (kf.calls < kf.log_cap)
        kf.log[kf.calls] = value;
    if (kf.calls++ == kf.raise_at) {
        rpy_raise(RPY_EXC_VALUE, "no key for you");
        return true;
    }
    garbage(kf.garbage);
    return false;
}

/* keyfn was called once per item, in index order. */
static bool kf_called_in_order(int64_t n) {
    if (kf.calls != n)
        return false;
    for (int64_t i = 0; i < n; i++)
        if (kf.log[i] != i)
            return false;
    return true;
}

static const sort_case *cur; /* the table case being sorted */

static const int32_t shape_kinds[][3] = {
    [S_INT] = {RPY_SORT_INT},
    [S_FLOAT] = {RPY_SORT_FLOAT},
    [S_STR] = {RPY_SORT_STR},
    [S_BOOL] = {RPY_SORT_BOOL},
    [S_IS] = {RPY_SORT_INT, RPY_SORT_STR},
    [S_SIF] = {RPY_SORT_STR, RPY_SORT_INT, RPY_SORT_FLOAT},
    [S_FI] = {RPY_SORT_FLOAT, RPY_SORT_INT},
    [S_F1] = {RPY_SORT_FLOAT},
    [S_BI] = {RPY_SORT_BOOL, RPY_SORT_INT},
};
static const int32_t shape_nkinds[] = {
    [S_INT] = 1, [S_FLOAT] = 1, [S_STR] = 1, [S_BOOL] = 1, [S_IS] = 2, [S_SIF] = 3, [S_FI] = 2, [S_F1] = 1, [S_BI] = 2,
};
static bool shape_is_tuple(int shape) { return shape >= S_IS; }
static const uint32_t shape_tid[] = {[S_IS] = T_IS, [S_SIF] = T_SIF, [S_FI] = T_FI, [S_F1] = T_F1, [S_BI] = T_BI};

/* Key i of case c as a new object (strings and tuples) or as bits.
 * Allocates; returns 0 with MemoryError pending if that fails. */
static uint64_t make_key(const sort_case *c, int64_t i) {
    switch (c->shape) {
    case S_INT: return (uint64_t)c->ints[i];
    case S_FLOAT: return bits(c->floats[i]);
    case S_BOOL: return c->bools[i];
    case S_STR: return PTR(str_of(c->strs[i]));
    default: break;
    }
    /* A tuple: sometimes its string first, sometimes the tuple first,
     * which then waits in a root slot (and may be old when it gets the
     * string: the barrier). */
    void **f = frame(2);
    if (c->shape == S_SIF && i % 2 == 0)
        f[1] = str_of(c->strs[i]);
    f[0] = rpy_gc_malloc(shape_tid[c->shape]);
    if (f[0] == NULL) {
        unframe(f);
        return 0;
    }
    switch (c->shape) {
    case S_IS: {
        tup_is *t = f[0];
        t->i = c->ints[i];
        rpy_str *s = str_of(c->strs[i]);
        t = f[0];
        set_field(t, (void **)&t->s, s);
        break;
    }
    case S_SIF: {
        tup_sif *t = f[0];
        t->i = c->ints[i];
        t->f = c->floats[i];
        rpy_str *s = f[1] != NULL ? f[1] : str_of(c->strs[i]);
        t = f[0];
        set_field(t, (void **)&t->s, s);
        break;
    }
    case S_FI: {
        tup_fi *t = f[0];
        t->f = c->floats[i];
        t->i = c->ints[i];
        break;
    }
    case S_F1: ((tup_f1 *)f[0])->f = c->floats[i]; break;
    default: {
        tup_bi *t = f[0];
        memset(t->b, 0x5a, sizeof t->b); /* only b[0] is the bool */
        t->b[0] = c->bools[i];
        t->i = c->ints[i];
        break;
    }
    }
    uint64_t key = PTR(f[0]);
    unframe(f);
    return key;
}

/* For table cases: items are nodes valued by their index in the case. */
static uint64_t case_key(uint64_t item) {
    int64_t i = node_value(item);
    if (kf_enter(i))
        return 0;
    return make_key(cur, i);
}

/* ---- the table of CPython's results ----------------------------------- */

/* Case c both ways: nodes keyed by keyfn, then the keys themselves as
 * items with keyfn NULL. */
static void test_case(const sort_case *c, bool reverse) {
    const int *want = reverse ? c->down : c->up;
    const int32_t *kinds = shape_kinds[c->shape];
    int32_t nkinds = shape_nkinds[c->shape];
    bool tuple = shape_is_tuple(c->shape);
    void **f = frame(2);

    f[0] = node_list(c->n);
    cur = c;
    kf_reset(c->n, 3);
    rpy_list_sort_keyed(LIST(0), case_key, kinds, nkinds, tuple, reverse);
    check(rpy_exc_value == NULL && nodes_are(LIST(0), c->n, want), "%s, reverse %d: keyed order", c->name, reverse);
    check(kf_called_in_order(c->n), "%s, reverse %d: one key per item, in order", c->name, reverse);

    /* The keys as the items (bools in a byte array). */
    uint32_t tid = c->shape == S_INT     ? RPY_TID_ARRAY_I64
                   : c->shape == S_FLOAT ? RPY_TID_ARRAY_F64
                   : c->shape == S_BOOL  ? RPY_TID_ARRAY_U8
                                         : RPY_TID_ARRAY_PTR;
    f[0] = rpy_list_new(tid, 0, 0);
    for (int64_t i = 0; i < c->n; i++) {
        uint64_t key = make_key(c, i);
        if (tid == RPY_TID_ARRAY_PTR)
            f[1] = (void *)(uintptr_t)key;
        rpy_list_append(LIST(0), key);
        f[1] = NULL;
    }
    uint64_t *before = malloc((size_t)(c->n + 1) * sizeof *before);
    for (int64_t i = 0; i < c->n; i++)
        before[i] = at(LIST(0), i);
    uint64_t allocated = stats().bytes_allocated;
    rpy_list_sort_keyed(LIST(0), NULL, kinds, nkinds, tuple, reverse);
    bool ok = rpy_exc_value == NULL && LIST(0)->length == c->n;
    for (int64_t i = 0; ok && i < c->n; i++)
        ok = at(LIST(0), i) == before[want[i]];
    check(ok, "%s, reverse %d: items as keys", c->name, reverse);
    check(stats().bytes_allocated == allocated, "%s: no allocation without keyfn", c->name);
    free(before);
    unframe(f);
}

static void test_cases(void) {
    int n = (int)(sizeof sort_cases / sizeof sort_cases[0]);
    for (int k = 0; k < n; k++)
        for (int reverse = 0; reverse < 2; reverse++)
            test_case(&sort_cases[k], reverse);
}

/* The LCG floats of tools/gen_sort_cases.py: runs, stretches, 10% NaN. */
static double *big_floats(uint64_t seed, int n) {
    double *v = malloc((size_t)n * sizeof *v);
    uint64_t state = seed;
    for (int i = 0; i < n; i++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        uint64_t r = state >> 33;
        v[i] = r % 10 == 0 ? NAN : (i / 500) % 2 == 0 ? (double)(i % 500 + (int)(r % 3)) : (double)(r % 1000);
    }
    return v;
}

static const double *big_keys;

static uint64_t big_key(uint64_t item) {
    int64_t i = node_value(item);
    kf_enter(i);
    return bits(big_keys[i]);
}

static void test_big_nan_cases(void) {
    int ncases = (int)(sizeof big_sort_cases / sizeof big_sort_cases[0]);
    const int32_t kinds[] = {RPY_SORT_FLOAT};
    void **f = frame(2);
    for (int k = 0; k < ncases; k++) {
        const big_sort_case *c = &big_sort_cases[k];
        double *keys = big_floats(c->seed, c->n);
        big_keys = keys;
        for (int reverse = 0; reverse < 2; reverse++) {
            f[0] = node_list(c->n);
            kf_reset(c->n, 0);
            rpy_list_sort_keyed(LIST(0), big_key, kinds, 1, false, reverse);
            uint64_t h = 14695981039346656037u;
            for (int i = 0; i < c->n; i++)
                h = (h ^ (uint64_t)node_value(at(LIST(0), i))) * 1099511628211u;
            check(h == (reverse ? c->down : c->up), "%d floats with NaN, reverse %d: CPython's order", c->n,
                  reverse);
            /* The same floats as items: the same order of values. */
            f[1] = rpy_list_new(RPY_TID_ARRAY_F64, c->n, c->n);
            for (int i = 0; i < c->n; i++)
                set_at(LIST(1), i, bits(keys[i]));
            rpy_list_sort_keyed(LIST(1), NULL, kinds, 1, false, reverse);
            bool ok = true;
            for (int i = 0; ok && i < c->n; i++)
                ok = at(LIST(1), i) == bits(keys[node_value(at(LIST(0), i))]);
            check(ok, "%d floats with NaN as items, reverse %d", c->n, reverse);
        }
        free(keys);
    }
    unframe(f);
}

/* ---- large random lists against qsort ------------------------------------ */

enum { R_INT, R_FLOAT, R_STR, R_IS };

static struct {
    int kind;
    bool reverse;
    int64_t *ints;
    double *floats;
} ref;

static void str_text(char *out, int64_t v) { snprintf(out, 16, "k%05lld", (long long)v); }

static int ref_cmp(const void *pa, const void *pb) {
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    int c;
    switch (ref.kind) {
    case R_FLOAT: c = (ref.floats[a] > ref.floats[b]) - (ref.floats[a] < ref.floats[b]); break;
    case R_IS:
        /* ints[i] / 1000 is the int field, ints[i] % 1000 the string's. */
        c = (ref.ints[a] > ref.ints[b]) - (ref.ints[a] < ref.ints[b]);
        break;
    default: c = (ref.ints[a] > ref.ints[b]) - (ref.ints[a] < ref.ints[b]); break; /* "k%05d" sorts as its int */
    }
    if (ref.reverse)
        c = -c;
    return c != 0 ? c : (a > b) - (a < b); /* stable */
}

static uint64_t random_key(uint64_t item) {
    int64_t i = node_value(item);
    if (kf_enter(i))
        return 0;
    char text[16];
    switch (ref.kind) {
    case R_INT: return (uint64_t)ref.ints[i];
    case R_FLOAT: return bits(ref.floats[i]);
    case R_STR: str_text(text, ref.ints[i]); return PTR(str_of(text));
    default: {
        void **f = frame(1);
        f[0] = rpy_gc_malloc(T_IS);
        ((tup_is *)f[0])->i = ref.ints[i] / 1000;
        str_text(text, ref.ints[i] % 1000);
        rpy_str *s = str_of(text);
        tup_is *t = f[0];
        set_field(t, (void **)&t->s, s);
        unframe(f);
        return PTR(t);
    }
    }
}

static void test_random(int kind, int64_t n, bool reverse) {
    static const char *const names[] = {"int", "float", "str", "(int, str)"};
    static const int32_t kinds[][2] = {{RPY_SORT_INT}, {RPY_SORT_FLOAT}, {RPY_SORT_STR}, {RPY_SORT_INT, RPY_SORT_STR}};
    rng_state = (uint64_t)(kind * 2 + reverse + 1);
    ref.kind = kind;
    ref.reverse = reverse;
    ref.ints = malloc((size_t)n * sizeof *ref.ints);
    ref.floats = malloc((size_t)n * sizeof *ref.floats);
    int64_t *order = malloc((size_t)n * sizeof *order);
    for (int64_t i = 0; i < n; i++) {
        /* Plenty of duplicates, and some presorted stretches. */
        int64_t v = (i / 1000) % 3 == 0 ? i % 1000 + rnd(5) : rnd(n / 4 + 1);
        ref.ints[i] = kind == R_INT ? v * 7919 - 3000000 : kind == R_IS ? rnd(10) * 1000 + rnd(100) : v % 100000;
        ref.floats[i] = (double)rnd(2000) * 0.25 - 100.0;
        order[i] = i;
    }
    qsort(order, (size_t)n, sizeof *order, ref_cmp);

    void **f = frame(1);
    f[0] = node_list(n);
    kf_reset(n, 0);
    uint64_t allocated = stats().bytes_allocated;
    rpy_list_sort_keyed(LIST(0), random_key, kinds[kind], kind == R_IS ? 2 : 1, kind == R_IS, reverse);
    if (kind <= R_FLOAT)
        check(stats().bytes_allocated == allocated, "%s keys: the sort allocates nothing", names[kind]);
    bool ok = rpy_exc_value == NULL && LIST(0)->length == n;
    for (int64_t i = 0; ok && i < n; i++)
        ok = node_value(at(LIST(0), i)) == order[i];
    check(ok, "%lld random %s keys, reverse %d, as qsort on (key, index)", (long long)n, names[kind], reverse);
    check(kf_called_in_order(n), "%lld random %s keys: one call per item", (long long)n, names[kind]);
    unframe(f);
    free(order);
    free(ref.ints);
    free(ref.floats);
}

/* ---- raising, empty lists, lists changed by keyfn --------------------- */

static const sort_case *case_of_shape(int shape) {
    int n = (int)(sizeof sort_cases / sizeof sort_cases[0]);
    for (int k = 0; k < n; k++)
        if (sort_cases[k].shape == shape)
            return &sort_cases[k];
    return NULL;
}

static void test_raise(void) {
    void **f = frame(1);
    /* Raise at the first, a middle and the last call: nothing changes. */
    for (int k = 0; k < 3; k++) {
        const sort_case *c = case_of_shape(k == 0 ? S_INT : k == 1 ? S_IS : S_STR);
        const int64_t stops[] = {0, c->n / 2, c->n - 1};
        for (int s = 0; s < 3; s++) {
            f[0] = node_list(c->n);
            if (s == 2)
                rpy_gc_minor_collect(); /* an old list, array and nodes */
            cur = c;
            kf_reset(c->n, 5);
            kf.raise_at = stops[s];
            void **top = rpy_shadowstack_top;
            rpy_list_sort_keyed(LIST(0), case_key, shape_kinds[c->shape], shape_nkinds[c->shape],
                                shape_is_tuple(c->shape), s == 1);
            check(raised(RPY_EXC_VALUE, "no key for you") && kf.calls == stops[s] + 1,
                  "%s: keyfn raising at call %lld", c->name, (long long)stops[s]);
            check(rpy_shadowstack_top == top, "raising keyfn: shadow stack balanced");
            garbage(2000);
            rpy_gc_minor_collect();
            check(nodes_are(LIST(0), c->n, NULL), "%s: list unchanged after keyfn raised at %lld", c->name,
                  (long long)stops[s]);
        }
    }
    /* One item: keyfn still runs (and may raise); empty: it does not. */
    f[0] = node_list(1);
    cur = &sort_cases[0];
    kf_reset(1, 0);
    kf.raise_at = 0;
    rpy_list_sort_keyed(LIST(0), case_key, shape_kinds[S_INT], 1, false, false);
    check(raised(RPY_EXC_VALUE, NULL) && nodes_are(LIST(0), 1, NULL), "one item: keyfn raises");
    kf_reset(1, 0);
    rpy_list_sort_keyed(LIST(0), case_key, shape_kinds[S_INT], 1, false, true);
    check(rpy_exc_value == NULL && kf.calls == 1 && nodes_are(LIST(0), 1, NULL), "one item: one call");
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    kf_reset(1, 0);
    kf.raise_at = 0;
    rpy_list_sort_keyed(LIST(0), case_key, shape_kinds[S_STR], 1, false, false);
    check(rpy_exc_value == NULL && kf.calls == 0 && LIST(0)->length == 0, "empty list: no call");
    rpy_list_sort_keyed(LIST(0), NULL, shape_kinds[S_STR], 1, false, false);
    f[0] = rpy_list_new(RPY_TID_ARRAY_U8, 1, 1);
    rpy_list_sort_keyed(LIST(0), NULL, shape_kinds[S_BOOL], 1, false, true);
    check(rpy_exc_value == NULL && LIST(0)->length == 1 && at(LIST(0), 0) == 0, "no keyfn, zero or one item");
    unframe(f);
}

/* keyfn over lists of floats, ints and bools (a byte each). */
static uint64_t abs_key(uint64_t item) {
    garbage(3);
    return bits(fabs(as_double(item)));
}

static uint64_t str_of_int_key(uint64_t item) { return PTR(rpy_str_of_int((int64_t)item)); }

static uint64_t not_key(uint64_t item) { return item == 0; }

static void test_item_kinds(void) {
    void **f = frame(1);
    static const double fl[] = {-3.0, 2.0, -1.0, 1.0, -2.0, 3.0};
    static const double fl_up[] = {-1.0, 1.0, 2.0, -2.0, -3.0, 3.0}, fl_down[] = {-3.0, 3.0, 2.0, -2.0, -1.0, 1.0};
    static const int64_t in[] = {10, 9, 100, 1, -5, 0};
    static const int64_t in_up[] = {-5, 0, 1, 10, 100, 9}, in_down[] = {9, 100, 10, 1, 0, -5};
    for (int reverse = 0; reverse < 2; reverse++) {
        f[0] = rpy_list_new(RPY_TID_ARRAY_F64, 6, 6);
        for (int i = 0; i < 6; i++)
            set_at(LIST(0), i, bits(fl[i]));
        rpy_list_sort_keyed(LIST(0), abs_key, shape_kinds[S_FLOAT], 1, false, reverse);
        bool ok = true;
        for (int i = 0; i < 6; i++)
            ok &= at(LIST(0), i) == bits((reverse ? fl_down : fl_up)[i]);
        check(ok, "floats, key=abs, reverse %d", reverse);

        f[0] = rpy_list_new(RPY_TID_ARRAY_I64, 6, 6);
        for (int i = 0; i < 6; i++)
            set_at(LIST(0), i, (uint64_t)in[i]);
        rpy_list_sort_keyed(LIST(0), str_of_int_key, shape_kinds[S_STR], 1, false, reverse);
        ok = true;
        for (int i = 0; i < 6; i++)
            ok &= (int64_t)at(LIST(0), i) == (reverse ? in_down : in_up)[i];
        check(ok, "ints, key=str, reverse %d", reverse);
    }
    static const bool bo[] = {0, 1, 1, 0, 1};
    f[0] = rpy_list_new(RPY_TID_ARRAY_U8, 5, 5);
    for (int i = 0; i < 5; i++)
        set_at(LIST(0), i, bo[i]);
    rpy_list_sort_keyed(LIST(0), not_key, shape_kinds[S_BOOL], 1, false, false);
    check(at(LIST(0), 0) == 1 && at(LIST(0), 2) == 1 && at(LIST(0), 3) == 0 && at(LIST(0), 4) == 0,
          "bools, key=not");
    unframe(f);
}

/* A key function with an environment (a closure's captured values): the
 * environment survives the collections the key function causes. */
static uint64_t env_key(uint64_t item, void *env) {
    garbage(3);
    const rpy_str *sign = env;
    return sign->length == 1 && sign->data[0] == '-' ? (uint64_t) - (int64_t)item : item;
}

static void test_key_env(void) {
    void **f = frame(2);
    static const int64_t in[] = {3, 1, 4, 1, 5, 9, 2, 6};
    static const int64_t down[] = {9, 6, 5, 4, 3, 2, 1, 1};
    f[0] = rpy_list_new(RPY_TID_ARRAY_I64, 8, 8);
    for (int i = 0; i < 8; i++)
        set_at(LIST(0), i, (uint64_t)in[i]);
    f[1] = str_of("-");
    rpy_list_sort_keyed_env(LIST(0), NULL, env_key, f[1], shape_kinds[S_INT], 1, false, false);
    bool ok = rpy_exc_value == NULL;
    for (int i = 0; i < 8; i++)
        ok &= (int64_t)at(LIST(0), i) == down[i];
    check(ok, "key with an environment: negated ints sort descending");
    f[1] = str_of("+");
    rpy_list_sort_keyed_env(LIST(0), NULL, env_key, f[1], shape_kinds[S_INT], 1, false, true);
    ok = rpy_exc_value == NULL;
    for (int i = 0; i < 8; i++)
        ok &= (int64_t)at(LIST(0), i) == down[i];
    check(ok, "key with an environment, reverse");
    unframe(f);
}

/* keyfn sees the list empty, as in CPython; changing it makes the sort
 * raise ValueError, the list sorted and the changes dropped. */
static void **watched; /* the root slot holding the list being sorted */
static int64_t seen_len;

static uint64_t appending_key(uint64_t item) {
    int64_t v = node_value(item);
    seen_len += ((rpy_list *)*watched)->length;
    node *x = new_node(-1);
    rpy_list_append(*watched, PTR(x));
    return (uint64_t)(100 - v);
}

static uint64_t peeking_key(uint64_t item) {
    int64_t v = node_value(item);
    seen_len += ((rpy_list *)*watched)->length;
    garbage(10);
    return (uint64_t)(100 - v);
}

static void test_modified(void) {
    void **f = frame(1);
    watched = &f[0];
    const int want[] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    f[0] = node_list(10);
    seen_len = 0;
    rpy_list_sort_keyed(LIST(0), peeking_key, shape_kinds[S_INT], 1, false, false);
    check(rpy_exc_value == NULL && seen_len == 0 && nodes_are(LIST(0), 10, want), "keyfn sees an empty list");
    f[0] = node_list(10);
    seen_len = 0;
    rpy_list_sort_keyed(LIST(0), appending_key, shape_kinds[S_INT], 1, false, false);
    check(raised(RPY_EXC_VALUE, "list modified during sort"), "keyfn appending: ValueError");
    check(nodes_are(LIST(0), 10, want) && seen_len == 45, "keyfn appending: sorted anyway, appends dropped");
    rpy_gc_collect();
    check(nodes_are(LIST(0), 10, want), "keyfn appending: the list survives a collection");
    unframe(f);
}

/* ---- memory, barriers, prebuilt lists ----------------------------------- */

static uint64_t negate(uint64_t item) {
    garbage(20);
    return (uint64_t)-(int64_t)item;
}

static uint64_t neg_node(uint64_t item) {
    int64_t v = node_value(item);
    garbage(20);
    return (uint64_t)-v;
}

static uint64_t str_key(uint64_t item) {
    char text[24];
    snprintf(text, sizeof text, "%08lld", (long long)(1000000 - node_value(item)));
    return PTR(str_of(text));
}

static void test_memory_and_barriers(void) {
    /* Too many items for the buffer: MemoryError, keyfn never called. */
    static rpy_array no_items = {{RPY_TID_ARRAY_I64, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0};
    static rpy_list huge = {{RPY_TID_LIST, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, INT64_MAX / 2 + 1,
                            &no_items, 0};
    kf_reset(1, 0);
    rpy_list_sort_keyed(&huge, case_key, shape_kinds[S_INT], 1, false, false);
    check(raised(RPY_EXC_MEMORY, NULL) && kf.calls == 0 && huge.length == INT64_MAX / 2 + 1 &&
              huge.items == &no_items,
          "a list too long to sort: MemoryError");

    /* A prebuilt list of ints, keyed by a function that collects. */
    static struct {
        rpy_hdr hdr;
        int64_t length;
        int64_t items[6];
    } pre_ints = {{RPY_TID_ARRAY_I64, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 6, {3, -1, 4, 1, -5, 9}};
    static rpy_list pre = {{RPY_TID_LIST, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 6,
                           (rpy_array *)&pre_ints, 0};
    rpy_list_sort_keyed(&pre, negate, shape_kinds[S_INT], 1, false, false);
    static const int64_t sorted_ints[] = {9, 4, 3, 1, -1, -5};
    check(pre.items == (rpy_array *)&pre_ints && pre.length == 6 &&
              memcmp(pre_ints.items, sorted_ints, sizeof sorted_ints) == 0,
          "a prebuilt list, key=negate");

    /* A prebuilt array of young nodes, with string keys. */
    static struct {
        rpy_hdr hdr;
        int64_t length;
        void *items[8];
    } pre_nodes = {{RPY_TID_ARRAY_PTR, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 8, {NULL}};
    static rpy_list pre2 = {{RPY_TID_LIST, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0,
                            (rpy_array *)&pre_nodes, 0};
    for (int i = 0; i < 8; i++) {
        node *x = new_node(i);
        rpy_list_append(&pre2, PTR(x));
    }
    rpy_list_sort_keyed(&pre2, str_key, shape_kinds[S_STR], 1, false, false);
    garbage(3000);
    rpy_gc_collect();
    const int down8[] = {7, 6, 5, 4, 3, 2, 1, 0};
    check(nodes_are(&pre2, 8, down8) && pre2.items == (rpy_array *)&pre_nodes, "a prebuilt array of nodes");

    /* Old list, old array, old nodes; keys made young, collected midway. */
    void **f = frame(1);
    int64_t n = 3000;
    f[0] = node_list(n);
    rpy_gc_collect();
    rpy_list_sort_keyed(LIST(0), str_key, shape_kinds[S_STR], 1, false, true);
    garbage(3000);
    rpy_gc_collect();
    check(nodes_are(LIST(0), n, NULL), "an old list with string keys, reverse");
    rpy_list_sort_keyed(LIST(0), neg_node, shape_kinds[S_INT], 1, false, false);
    bool ok = LIST(0)->length == n;
    for (int64_t i = 0; ok && i < n; i++)
        ok = node_value(at(LIST(0), i)) == n - 1 - i;
    check(ok, "then by -value");

    /* Young strings in an old array, sorted as items. */
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 500);
    rpy_gc_minor_collect();
    for (int i = 0; i < 500; i++) {
        char text[16];
        snprintf(text, sizeof text, "s%04d", (i * 7919) % 500);
        rpy_str *s = str_of(text);
        rpy_list_append(LIST(0), PTR(s));
    }
    rpy_list_sort_keyed(LIST(0), NULL, shape_kinds[S_STR], 1, false, false);
    garbage(3000);
    rpy_gc_minor_collect();
    ok = LIST(0)->length == 500;
    for (int i = 0; ok && i < 500; i++) {
        const rpy_str *s = (const rpy_str *)(uintptr_t)at(LIST(0), i);
        char text[16];
        snprintf(text, sizeof text, "s%04d", i);
        ok = s->hdr.tid == RPY_TID_STR && strcmp(s->data, text) == 0;
    }
    check(ok, "young strings in an old array");
    unframe(f);
}

int64_t rpy_entry_point(rpy_list *argv) {
    (void)argv;
    rpy_gc_stats s = stats();
    /* Debug mode checks the heap at every collection, which a tiny
     * nursery makes frequent: smaller random lists keep it quick. */
    int64_t big = s.debug ? 20000 : 100000;
    test_cases();
    test_big_nan_cases();
    for (int kind = R_INT; kind <= R_IS; kind++)
        for (int reverse = 0; reverse < 2; reverse++)
            test_random(kind, big, reverse);
    test_raise();
    test_item_kinds();
    test_key_env();
    test_modified();
    test_memory_and_barriers();
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    free(kf.log);
    s = stats();
    printf("test_sort (nursery %llu bytes%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
