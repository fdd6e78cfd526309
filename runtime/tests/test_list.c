/* Tests for lists (rpy_list.c).
 *
 * Linked with the whole runtime like test_gc.c: rpy_main.c's main() starts
 * the collector, builds argv and calls rpy_entry_point below.  `make test`
 * runs it with the default nursery, with RPY_GC_NURSERY=4096 (a minor
 * collection every hundred or so allocations) and with that plus
 * RPY_GC_DEBUG=1, where the heap check after each collection also catches
 * a missing write barrier (an old object left pointing into the nursery).
 *
 * The code holds GC pointers the way generated code does: lists live in
 * shadow-stack slots (frame()) and are reloaded after anything that can
 * collect, and a store into an array goes through the write-barrier
 * check (set_at).  Every function is exercised for each item kind by a
 * random sequence of operations checked against a plain C model, pop(0)
 * (rpy_list_delete_from_front) among them, so that each also meets lists
 * whose items start past slot 0; every step also checks that the slots
 * outside the items are zero and that nothing else moved start.  The
 * tables of expected slices, slice assignments and deletions, inserts
 * and stable sort orders were computed with CPython 3.11 and pasted in.
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "list_cases.h"
#include "check.h"
#include "runtime_types.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the test program's types ---------------------------------------- */

/* One exception class per rpy_exc_kind (T_EXC + kind), then a node. */
enum { T_EXC = RPY_TID_FIRST_USER, T_NODE = T_EXC + RPY_EXC_KIND_COUNT, T_COUNT };

typedef struct node {
    rpy_hdr hdr;
    int64_t value;
} node;

typedef rpy_test_exc exc;


const rpy_type_info rpy_type_table[] = {
    RPY_RUNTIME_TYPE_ENTRIES,
    RPY_TEST_EXC_ENTRIES(T_EXC),
    [T_NODE] = {.fixed_size = sizeof(node)},
};
const uint32_t rpy_type_count = T_COUNT;
const uint32_t rpy_exc_kind_tids[] = RPY_TEST_EXC_KIND_TIDS(T_EXC);
const char *const rpy_type_names[T_COUNT] = {[T_EXC + RPY_EXC_VALUE] = "ValueError",
                                             [T_EXC + RPY_EXC_MEMORY] = "MemoryError"};
const uint32_t rpy_exc_message_offset = offsetof(exc, message);
const rpy_location rpy_locations[] = {{"test_list.c", "test", "", 1}};

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

static rpy_str *new_str(const char *text) {
    int64_t len = (int64_t)strlen(text);
    rpy_str *s = rpy_gc_malloc_varsize(RPY_TID_STR, len);
    memcpy(s->data, text, (size_t)len);
    s->nchars = len; /* ASCII here, or not looked at */
    return s;
}

/* Something to collect. */
static void garbage(int n) {
    for (int i = 0; i < n; i++)
        new_node(-i);
}

static double as_double(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static uint64_t bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static uint32_t item_size(const rpy_list *l) { return rpy_type_table[l->items->hdr.tid].item_size; }

/* Slot j of l's array, whatever item it holds (if any). */
static uint64_t slot_at(const rpy_list *l, int64_t j) {
    if (item_size(l) == 1)
        return (unsigned char)l->items->items[j];
    uint64_t v;
    memcpy(&v, l->items->items + 8 * j, 8);
    return v;
}

/* l[i]: slot start + i, as generated code reads a list that pops from
 * the front (every other list has start 0). */
static uint64_t at(const rpy_list *l, int64_t i) { return slot_at(l, l->start + i); }

/* l[i] = v, as generated code stores an item. */
static void set_at(rpy_list *l, int64_t i, uint64_t v) {
    rpy_array *a = l->items;
    int64_t j = l->start + i;
    if (item_size(l) == 1) {
        a->items[j] = (char)v;
        return;
    }
    if (rpy_type_table[a->hdr.tid].items_are_gcptrs && (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS))
        rpy_gc_write_barrier(a);
    memcpy(a->items + 8 * j, &v, 8);
}

/* The items fit in the array from start on, and every other slot is
 * zero (the collector scans them all). */
static bool dead_slots_clear(const rpy_list *l) {
    int64_t cap = l->items->length, s = l->start, n = l->length;
    if (s < 0 || n < 0 || s > cap - n)
        return false;
    for (int64_t j = 0; j < cap; j++)
        if ((j < s || j >= s + n) && slot_at(l, j) != 0)
            return false;
    return true;
}

static int64_t node_value(uint64_t item) {
    const node *n = (const node *)(uintptr_t)item;
    return n != NULL && n->hdr.tid == T_NODE ? n->value : INT64_MIN;
}

/* A list of `n` young nodes valued first, first + 1, ... */
static rpy_list *node_list(int64_t n, int64_t first) {
    void **f = frame(1);
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, n, n);
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(first + i);
        set_at(LIST(0), i, PTR(x));
    }
    rpy_list *l = LIST(0);
    unframe(f);
    return l;
}

/* The items are nodes valued first, first + step, ... */
static bool nodes_are(const rpy_list *l, int64_t n, int64_t first, int64_t step) {
    if (l->length != n || l->items->hdr.tid != RPY_TID_ARRAY_PTR)
        return false;
    for (int64_t i = 0; i < n; i++)
        if (node_value(at(l, i)) != first + i * step)
            return false;
    return true;
}

/* ---- every function, every item kind, against a model ------------------ */

enum { K_NODE, K_INT, K_FLOAT, K_BOOL, K_STR, N_KINDS };

static const struct {
    const char *name;
    uint32_t tid;
    int32_t eq;
} kinds[N_KINDS] = {
    {"node", RPY_TID_ARRAY_PTR, RPY_EQ_BITS}, {"int", RPY_TID_ARRAY_I64, RPY_EQ_BITS},
    {"float", RPY_TID_ARRAY_F64, RPY_EQ_FLOAT}, {"bool", RPY_TID_ARRAY_U8, RPY_EQ_BITS},
    {"str", RPY_TID_ARRAY_PTR, RPY_EQ_STR},
};

/* Items made from v in 0..999, and the number the model keeps for them:
 * order-preserving for every kind but nodes, which compare by identity
 * and so get a fresh number each. */
static int64_t next_node_id = 1000000;

static uint64_t encode(int k, int64_t v) {
    char text[8];
    switch (k) {
    case K_NODE: return PTR(new_node(next_node_id++));
    case K_INT: return (uint64_t)(v - 500);
    case K_FLOAT: return bits((double)(v - 500) * 0.25);
    case K_BOOL: return (uint64_t)(v & 1);
    default: snprintf(text, sizeof text, "%03d", (int)v); return PTR(new_str(text));
    }
}

static int64_t decode(int k, uint64_t item) {
    const rpy_str *s = (const rpy_str *)(uintptr_t)item;
    switch (k) {
    case K_NODE: return node_value(item);
    case K_INT: return (int64_t)item;
    case K_FLOAT: return (int64_t)(as_double(item) * 4);
    case K_BOOL: return (int64_t)item;
    default: return s != NULL && s->hdr.tid == RPY_TID_STR ? strtol(s->data, NULL, 10) : INT64_MIN;
    }
}

typedef struct model {
    int64_t *v;
    int64_t n, cap;
} model;

static void m_reserve(model *m, int64_t n) {
    if (n > m->cap) {
        m->cap = 2 * n;
        m->v = realloc(m->v, (size_t)m->cap * sizeof *m->v);
    }
}

static void m_insert(model *m, int64_t i, int64_t x) {
    m_reserve(m, m->n + 1);
    memmove(m->v + i + 1, m->v + i, (size_t)(m->n - i) * sizeof *m->v);
    m->v[i] = x;
    m->n++;
}

static void m_reverse(model *m) {
    for (int64_t i = 0, j = m->n - 1; i < j; i++, j--) {
        int64_t t = m->v[i];
        m->v[i] = m->v[j];
        m->v[j] = t;
    }
}

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Same items, and zeros in every other slot. */
static bool agrees(const rpy_list *l, const model *m, int k) {
    if (l->hdr.tid != RPY_TID_LIST || l->items->hdr.tid != kinds[k].tid || l->length != m->n ||
        !dead_slots_clear(l))
        return false;
    for (int64_t i = 0; i < m->n; i++)
        if (decode(k, at(l, i)) != m->v[i])
            return false;
    return true;
}

static uint64_t rng_state;

static int64_t rnd(int64_t n) { /* 0 <= r < n */
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (int64_t)(rng_state % (uint64_t)n);
}

/* f[1] = f[0][:], but with its items from slot p (1..3) on when it has
 * two or more: p other items go first, then come off the front. */
static void shifted_copy(void **f, int k) {
    int64_t p = 1 + rnd(3);
    f[1] = rpy_list_new(kinds[k].tid, 0, 0);
    for (int64_t j = 0; j < p; j++) {
        uint64_t item = encode(k, rnd(1000));
        rpy_list_append(LIST(1), item);
    }
    rpy_list_extend(LIST(1), LIST(0));
    for (int64_t j = 0; j < p; j++)
        rpy_list_delete_from_front(LIST(1), 0);
}

/* len random items (len < 0: up to 11) appended to a new list in f[1],
 * recorded in *m; a third of the lists start past slot 0, as
 * shifted_copy's do. */
static void random_other_n(void **f, int k, model *m, int64_t len) {
    m->n = 0;
    f[1] = rpy_list_new(kinds[k].tid, 0, rnd(3) == 0 ? 5 : 0);
    int64_t p = rnd(3) == 0 ? 1 + rnd(3) : 0;
    for (int64_t j = 0; j < p; j++) {
        uint64_t item = encode(k, rnd(1000));
        rpy_list_append(LIST(1), item);
    }
    for (int64_t j = len < 0 ? rnd(12) : len; j > 0; j--) {
        uint64_t item = encode(k, rnd(1000));
        m_insert(m, m->n, decode(k, item)); /* before append may move it */
        rpy_list_append(LIST(1), item);
    }
    for (int64_t j = 0; j < p; j++)
        rpy_list_delete_from_front(LIST(1), 0);
}

static void random_other(void **f, int k, model *m) { random_other_n(f, k, m, -1); }

/* An index for insert or a slice bound: mostly near the list, sometimes
 * far off, sometimes the "missing" sentinel. */
static int64_t random_index(int64_t n, int64_t missing) {
    switch (rnd(10)) {
    case 0: return missing;
    case 1: return rnd(2) ? INT64_MIN + 1 : INT64_MAX - 1;
    default: return rnd(2 * n + 7) - n - 3;
    }
}

enum { OP_APPEND, OP_INSERT, OP_DELETE, OP_POP_FRONT, OP_EXTEND, OP_CONCAT, OP_MUL, OP_SLICE, OP_REVERSE,
       OP_CLEAR, OP_SORT, OP_SORT_KEYED, OP_FIND, OP_COUNT, OP_EQ, OP_SETSLICE, OP_DELSLICE, OP_AGGREGATE, N_OPS };
static const char *const op_names[N_OPS] = {
    "append", "insert", "delete", "delete_from_front", "extend", "concat",   "mul",      "slice",     "reverse",
    "clear",  "sort",   "sort_keyed", "find",          "count",  "eq",       "setslice", "delslice", "sum/min/max/any"};

/* How sort_keyed, min, max and any see each kind's items. */
static const int32_t sort_kinds[N_KINDS] = {RPY_SORT_INT, RPY_SORT_INT, RPY_SORT_FLOAT, RPY_SORT_BOOL, RPY_SORT_STR};

/* Key functions that may collect while the list is detached: the items
 * are their own keys. */
static uint64_t same_key(uint64_t item) {
    garbage(1);
    return item;
}

static uint64_t same_str_key(uint64_t item) {
    void **f = frame(1);
    f[0] = (void *)(uintptr_t)item;
    garbage(1);
    item = PTR(f[0]);
    unframe(f);
    return item;
}

/* The indices l[start:stop:step] takes from a list of n, as a list in
 * f[2] (a slice of 0..n-1, which test_slice_table checks against
 * CPython). */
static void slice_indices(void **f, int64_t n, int64_t start, int64_t stop, int64_t step) {
    f[2] = rpy_list_new(RPY_TID_ARRAY_I64, n, n);
    for (int64_t j = 0; j < n; j++)
        set_at(f[2], j, (uint64_t)j);
    f[2] = rpy_list_slice(f[2], start, stop, step);
}

/* Where Python's l[start:stop] = x puts x in a list of n when the slice
 * is empty (start clamped into 0..n). */
static int64_t insertion_point(int64_t n, int64_t start) {
    if (start < 0)
        return start + n < 0 ? 0 : start + n;
    return start > n ? n : start;
}

static const int64_t random_steps[] = {1, 1, 1, 2, 3, -1, -1, -2, -3, 7, -7, INT64_MAX, INT64_MIN};
#define RANDOM_STEP() random_steps[rnd(sizeof random_steps / sizeof random_steps[0])]

/* Every operation on a list of each kind, checked against the model
 * after each step, and so is where the items are: start moves up only by
 * rpy_list_delete_from_front (one slot at a time); any other function
 * keeps it or resets it to 0, and a list that never lost an item from
 * the front has start 0.  pop(0) is frequent, so most operations also
 * run on lists whose items start past slot 0 (counted in `shifted`). */
static void test_random_ops(int k, int steps) {
    void **f = frame(3);
    model m = {0}, o = {0};
    int64_t done[N_OPS] = {0}, shifted[N_OPS] = {0};
    m_reserve(&m, 64); /* never NULL, even for qsort of nothing */
    m_reserve(&o, 64);
    rng_state = 0x9e3779b97f4a7c15u + (uint64_t)k;
    f[0] = rpy_list_new(kinds[k].tid, 0, 0);
    int step = 0, op = 0;
    bool ok = true, sub_ok = true, start_ok = true;
    bool front_ran = false; /* on f[0] since it was made */
    for (; step < steps && ok && sub_ok && start_ok; step++) {
        int64_t n = m.n, start_before = LIST(0)->start;
        op = (int)rnd(N_OPS + 6);
        if (op >= N_OPS) /* appends and pops from the front are the common case */
            op = op < N_OPS + 3 ? OP_APPEND : OP_POP_FRONT;
        if (n > 150 && op <= OP_EXTEND) /* unless long */
            op = rnd(2) ? OP_DELETE : OP_POP_FRONT;
        if (((op == OP_DELETE || op == OP_POP_FRONT) && n == 0) ||
            ((op == OP_SORT || op == OP_SORT_KEYED) && k == K_NODE) || (op == OP_CLEAR && rnd(4) != 0))
            op = OP_APPEND;
        done[op]++;
        shifted[op] += start_before > 0;
        switch (op) {
        case OP_APPEND: {
            uint64_t item = encode(k, rnd(1000));
            m_insert(&m, n, decode(k, item));
            /* Generated code calls the growing path when the array is full. */
            if (LIST(0)->start + n == LIST(0)->items->length && rnd(2))
                rpy_list_append_grow(LIST(0), item);
            else
                rpy_list_append(LIST(0), item);
            break;
        }
        case OP_INSERT: {
            int64_t i = rnd(8) == 0 ? (rnd(2) ? INT64_MIN : INT64_MAX) : rnd(2 * n + 7) - n - 3;
            uint64_t item = encode(k, rnd(1000));
            int64_t at_i = i < 0 ? (i + n < 0 ? 0 : i + n) : (i > n ? n : i);
            m_insert(&m, at_i, decode(k, item));
            rpy_list_insert(LIST(0), i, item);
            break;
        }
        case OP_DELETE: {
            int64_t i = rnd(n);
            rpy_list_delete(LIST(0), i);
            memmove(m.v + i, m.v + i + 1, (size_t)(n - i - 1) * sizeof *m.v);
            m.n--;
            break;
        }
        case OP_POP_FRONT: {
            int64_t i = rnd(3) ? 0 : rnd(n);
            rpy_list_delete_from_front(LIST(0), i);
            memmove(m.v + i, m.v + i + 1, (size_t)(n - i - 1) * sizeof *m.v);
            m.n--;
            /* The shorter side moved: the items before i when i < n / 2. */
            int64_t want = n == 1 ? 0 : i < n / 2 ? start_before + 1 : start_before;
            sub_ok = LIST(0)->start == want;
            front_ran = true;
            break;
        }
        case OP_EXTEND:
            if (rnd(4) == 0) {
                rpy_list_extend(LIST(0), LIST(0));
                o.n = 0;
                m_reserve(&o, n);
                memcpy(o.v, m.v, (size_t)n * sizeof *m.v);
                o.n = n;
            } else {
                random_other(f, k, &o);
                rpy_list_extend(LIST(0), LIST(1));
            }
            for (int64_t j = 0; j < o.n; j++)
                m_insert(&m, m.n, o.v[j]);
            break;
        case OP_CONCAT: {
            random_other(f, k, &o);
            bool other_first = rnd(2);
            rpy_list *r = other_first ? rpy_list_concat(LIST(1), LIST(0)) : rpy_list_concat(LIST(0), LIST(1));
            f[0] = r;
            for (int64_t j = 0; j < o.n; j++)
                m_insert(&m, other_first ? j : m.n, o.v[j]);
            break;
        }
        case OP_MUL: {
            int64_t times = rnd(6) - 2;
            if (n * times > 300)
                times = 1;
            f[0] = rpy_list_mul(LIST(0), times);
            int64_t total = times > 0 ? n * times : 0;
            m_reserve(&m, total);
            for (int64_t j = n; j < total; j++)
                m.v[j] = m.v[j - n];
            m.n = total;
            break;
        }
        case OP_SLICE: {
            int64_t start = random_index(n, INT64_MIN), stop = random_index(n, INT64_MAX);
            int64_t st = RANDOM_STEP();
            /* The indices it takes, from a list of 0..n-1 sliced alike
             * (checked against CPython by test_slice_table). */
            f[1] = rpy_list_new(RPY_TID_ARRAY_I64, n, n);
            for (int64_t j = 0; j < n; j++)
                set_at(LIST(1), j, (uint64_t)j);
            f[1] = rpy_list_slice(LIST(1), start, stop, st);
            f[0] = rpy_list_slice(LIST(0), start, stop, st);
            o.n = 0;
            m_reserve(&o, LIST(1)->length);
            for (int64_t j = 0; j < LIST(1)->length; j++)
                o.v[o.n++] = m.v[at(LIST(1), j)];
            m_reserve(&m, o.n);
            memcpy(m.v, o.v, (size_t)o.n * sizeof *o.v);
            m.n = o.n;
            break;
        }
        case OP_SETSLICE: {
            int64_t start = random_index(n, INT64_MIN), stop = random_index(n, INT64_MAX);
            int64_t st = RANDOM_STEP();
            slice_indices(f, n, start, stop, st);
            int64_t count = LIST(2)->length;
            bool self = rnd(8) == 0;
            if (self) { /* l[...] = l */
                m_reserve(&o, n);
                memcpy(o.v, m.v, (size_t)n * sizeof *m.v);
                o.n = n;
                f[1] = f[0];
            } else {
                /* Extended slices take exactly count items, bar a few
                 * that must fail. */
                random_other_n(f, k, &o, st == 1 ? -1 : rnd(10) == 0 ? count + 1 : count);
            }
            rpy_list_setslice(LIST(0), start, stop, st, LIST(1));
            if (st != 1 && o.n != count) {
                char msg[128];
                snprintf(msg, sizeof msg, "attempt to assign sequence of size %lld to extended slice of size %lld",
                         (long long)o.n, (long long)count);
                sub_ok = raised(RPY_EXC_VALUE, msg);
            } else if (st != 1) {
                for (int64_t j = 0; j < count; j++)
                    m.v[at(LIST(2), j)] = o.v[j];
            } else {
                int64_t p = count > 0 ? (int64_t)at(LIST(2), 0) : insertion_point(n, start);
                m_reserve(&m, n - count + o.n);
                memmove(m.v + p + o.n, m.v + p + count, (size_t)(n - p - count) * sizeof *m.v);
                memcpy(m.v + p, o.v, (size_t)o.n * sizeof *o.v);
                m.n = n - count + o.n;
            }
            break;
        }
        case OP_DELSLICE: {
            int64_t start = random_index(n, INT64_MIN), stop = random_index(n, INT64_MAX);
            int64_t st = RANDOM_STEP();
            slice_indices(f, n, start, stop, st);
            rpy_list_delslice(LIST(0), start, stop, st);
            for (int64_t j = 0; j < LIST(2)->length; j++)
                m.v[at(LIST(2), j)] = INT64_MIN; /* no item decodes to this */
            int64_t kept = 0;
            for (int64_t j = 0; j < n; j++)
                if (m.v[j] != INT64_MIN)
                    m.v[kept++] = m.v[j];
            m.n = kept;
            break;
        }
        case OP_REVERSE:
            rpy_list_reverse(LIST(0));
            m_reverse(&m);
            break;
        case OP_CLEAR:
            rpy_list_clear(LIST(0));
            m.n = 0;
            break;
        case OP_SORT:
        case OP_SORT_KEYED: {
            bool reverse = rnd(2);
            if (op == OP_SORT) {
                rpy_list_sort(LIST(0), kinds[k].eq, reverse);
            } else {
                rpy_key_fn key = rnd(2) ? NULL : k == K_STR ? same_str_key : same_key;
                rpy_list_sort_keyed(LIST(0), key, &sort_kinds[k], 1, false, reverse);
            }
            qsort(m.v, (size_t)n, sizeof *m.v, cmp_i64);
            if (reverse) /* equal items look alike in the model */
                m_reverse(&m);
            break;
        }
        case OP_AGGREGATE: {
            bool all = rnd(2), want = all;
            int64_t sum = 0, lo = INT64_MAX, hi = INT64_MIN;
            for (int64_t j = 0; j < n; j++) {
                bool truth = k == K_STR || m.v[j] != 0; /* no string is empty */
                if (truth != all)
                    want = !all;
                sum += m.v[j];
                lo = m.v[j] < lo ? m.v[j] : lo;
                hi = m.v[j] > hi ? m.v[j] : hi;
            }
            sub_ok = rpy_list_any(LIST(0), sort_kinds[k], all) == want;
            if (k == K_INT)
                sub_ok &= rpy_list_sum_int(LIST(0)) == sum;
            if (k == K_FLOAT) /* quarters: exact */
                sub_ok &= rpy_list_sum_float(LIST(0), 0.0) * 4 == (double)sum &&
                          rpy_list_sum_float(LIST(0), 0.25) * 4 == (double)sum + 1;
            if (k != K_NODE) {
                for (int max = 0; max < 2; max++) {
                    uint64_t got = rpy_list_minmax(LIST(0), sort_kinds[k], max);
                    if (n == 0)
                        sub_ok &= raised(RPY_EXC_VALUE, max ? "max() arg is an empty sequence"
                                                            : "min() arg is an empty sequence");
                    else
                        sub_ok &= decode(k, got) == (max ? hi : lo);
                }
            }
            break;
        }
        case OP_FIND:
        case OP_COUNT: {
            uint64_t item = encode(k, rnd(1000)); /* for nodes: found nowhere */
            if (n > 0 && rnd(2))
                item = at(LIST(0), rnd(n));
            int64_t x = decode(k, item), want = op == OP_FIND ? -1 : 0;
            /* Bounds from before the start to past the end, both signs. */
            int64_t start = rnd(2 * n + 5) - n - 2, stop = rnd(3) ? INT64_MAX : rnd(2 * n + 5) - n - 2;
            int64_t lo = start < 0 ? (start + n < 0 ? 0 : start + n) : start;
            int64_t hi = stop < 0 ? (stop + n < 0 ? 0 : stop + n) : (stop > n ? n : stop);
            for (int64_t j = 0; j < n; j++)
                if (m.v[j] == x) {
                    if (op == OP_COUNT)
                        want++;
                    else if (j >= lo && j < hi) {
                        want = j;
                        break;
                    }
                }
            int64_t got = op == OP_FIND ? rpy_list_find(LIST(0), item, kinds[k].eq, start, stop)
                                        : rpy_list_count(LIST(0), item, kinds[k].eq);
            sub_ok = got == want;
            break;
        }
        case OP_EQ: {
            if (rnd(2))
                f[1] = rpy_list_slice(LIST(0), INT64_MIN, INT64_MAX, 1);
            else
                shifted_copy(f, k);
            sub_ok = rpy_list_eq(LIST(0), LIST(1), kinds[k].eq) && rpy_list_eq(LIST(0), LIST(0), kinds[k].eq);
            if (n > 0) {
                int64_t j = rnd(n);
                uint64_t item = encode(k, rnd(1000));
                set_at(LIST(1), j, item);
                bool same = decode(k, item) == m.v[j];
                sub_ok &= rpy_list_eq(LIST(0), LIST(1), kinds[k].eq) == same;
                sub_ok &= rpy_list_eq(LIST(1), LIST(0), kinds[k].eq) == same;
            }
            uint64_t item = encode(k, rnd(1000));
            rpy_list_append(LIST(1), item);
            sub_ok &= !rpy_list_eq(LIST(0), LIST(1), kinds[k].eq);
            break;
        }
        }
        f[1] = f[2] = NULL;
        ok = LIST(0) != NULL && rpy_exc_value == NULL && agrees(LIST(0), &m, k);
        if (ok) {
            int64_t st = LIST(0)->start;
            if (op == OP_CONCAT || op == OP_MUL || op == OP_SLICE) {
                front_ran = false; /* a new list */
                start_ok = st == 0;
            } else if (op != OP_POP_FRONT) {
                start_ok = st == start_before || st == 0;
            }
            start_ok &= front_ran || st == 0;
        }
        if (step % 97 == 0)
            rpy_gc_minor_collect(); /* old lists, so that barriers matter */
        else if (step % 1009 == 0)
            rpy_gc_collect();
    }
    check(ok && sub_ok, "%s lists: step %d (%s) disagrees with the model", kinds[k].name, step - 1, op_names[op]);
    check(start_ok, "%s lists: step %d (%s) moved start", kinds[k].name, step - 1, op_names[op]);
    unframe(f);
    free(m.v);
    free(o.v);
    bool all = true;
    for (int op = 0; op < N_OPS; op++) {
        bool skipped = (op == OP_SORT || op == OP_SORT_KEYED) && k == K_NODE;
        if (!skipped && (done[op] == 0 || shifted[op] == 0)) {
            printf("%s lists: %s ran %lld times, %lld with start > 0\n", kinds[k].name, op_names[op],
                   (long long)done[op], (long long)shifted[op]);
            all = false;
        }
    }
    check(all, "%s lists: every operation ran, also on a list starting past slot 0", kinds[k].name);
}

/* ---- rpy_list_new and growth --------------------------------------------- */

static void test_new(void) {
    static const uint32_t tids[] = {RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, RPY_TID_ARRAY_F64, RPY_TID_ARRAY_U8};
    static const int64_t shapes[][2] = {{0, 0}, {3, 0}, {3, 10}, {0, 5}, {100, 1}, {1000, 1000}};
    for (size_t t = 0; t < 4; t++) {
        for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
            int64_t len = shapes[s][0], cap = shapes[s][1];
            rpy_list *l = rpy_list_new(tids[t], len, cap);
            bool zero = true;
            for (int64_t i = 0; l != NULL && i < l->items->length; i++)
                zero &= at(l, i) == 0;
            check(l != NULL && l->hdr.tid == RPY_TID_LIST && l->length == len && l->items->hdr.tid == tids[t] &&
                      l->items->length >= (len > cap ? len : cap) && zero,
                  "rpy_list_new(%u, %lld, %lld)", tids[t], (long long)len, (long long)cap);
        }
    }
}

/* Appends within the capacity keep the array; growth is geometric. */
static void test_append_growth(void) {
    void **f = frame(1);
    f[0] = rpy_list_new(RPY_TID_ARRAY_I64, 0, 10);
    rpy_array *a = LIST(0)->items;
    for (int64_t i = 0; i < 10; i++)
        rpy_list_append(LIST(0), (uint64_t)i);
    check(LIST(0)->items == a && LIST(0)->length == 10, "appends within the capacity keep the array");
    rpy_list_append(LIST(0), 10);
    check(LIST(0)->items->length > 10 && LIST(0)->length == 11 && at(LIST(0), 10) == 10, "append past the capacity");

    int64_t n = 100000, grows = 0, cap = 0;
    f[0] = rpy_list_new(RPY_TID_ARRAY_U8, 0, 0);
    for (int64_t i = 0; i < n; i++) {
        rpy_list_append(LIST(0), (uint64_t)(i % 3 == 0));
        if (LIST(0)->items->length != cap) {
            grows++;
            cap = LIST(0)->items->length;
        }
    }
    bool ok = LIST(0)->length == n;
    for (int64_t i = 0; ok && i < n; i++)
        ok = at(LIST(0), i) == (uint64_t)(i % 3 == 0);
    check(ok, "100000 bools appended");
    /* CPython's rule grows 66 times up to 100000; doubling would be 17. */
    check(grows >= 30 && grows <= 130 && cap >= n && cap <= n + n / 8 + 16,
          "amortised growth: %lld reallocations, capacity %lld", (long long)grows, (long long)cap);
    unframe(f);
}

/* A list of GC pointers to small objects growing across many
 * collections: the nodes must survive and stay in order. */
static void test_growth_across_collections(int64_t n) {
    rpy_gc_stats before = stats();
    void **f = frame(1);
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(i);
        rpy_list_append(LIST(0), PTR(x));
        garbage(3);
    }
    rpy_gc_stats after = stats();
    uint64_t want = after.nursery_size < 65536 ? 100 : 1;
    check(after.minor_collections >= before.minor_collections + want, "growth: %llu minor collections",
          (unsigned long long)(after.minor_collections - before.minor_collections));
    check(nodes_are(LIST(0), n, 0, 1), "%lld nodes appended across collections", (long long)n);
    rpy_gc_collect();
    garbage(10000);
    rpy_gc_collect();
    check(nodes_are(LIST(0), n, 0, 1), "%lld nodes after full collections", (long long)n);
    unframe(f);
}

/* Large arrays grow in place (rpy_gc_resize_large): young and old ones,
 * with the old array in the remembered set when it moves, must keep
 * every item, and the collector's bookkeeping must follow the move. */
static void test_resize_large(void) {
    void **f = frame(2);
    /* What may not be resized: the nursery, prebuilt and small old
     * objects. */
    f[0] = rpy_gc_malloc_varsize(RPY_TID_ARRAY_I64, 4);
    check(!rpy_gc_is_young(f[0]) || rpy_gc_resize_large(f[0], 100) == NULL, "a nursery array is not resized");
    rpy_gc_collect();
    check(rpy_gc_resize_large(f[0], 100) == NULL || stats().nursery_size < 512, "a small old array is not resized");
    f[1] = rpy_list_new(RPY_TID_ARRAY_I64, 0, 0);
    check(rpy_gc_resize_large(LIST(1)->items, 100) == NULL, "the static empty array is not resized");

    /* A young large array: resized, still young, new items zeroed, old
     * address no longer young large. */
    f[0] = rpy_gc_malloc_varsize(RPY_TID_ARRAY_I64, 20000);
    rpy_array *a = f[0];
    if (check(rpy_gc_is_young_large(a), "a 160 KB array is born young and large")) {
        for (int64_t i = 0; i < 20000; i++)
            memcpy(a->items + 8 * i, &i, 8);
        uintptr_t old = (uintptr_t)a;
        uint64_t young_before = stats().young_large_bytes;
        a = rpy_gc_resize_large(a, 500000);
        f[0] = a;
        bool ok = a != NULL && a->length == 500000 && rpy_gc_is_young_large(a) &&
                  ((uintptr_t)a == old || !rpy_gc_is_young_large((void *)old)) &&
                  stats().young_large_bytes == young_before + 480000 * 8;
        for (int64_t i = 0; ok && i < 500000; i++) {
            int64_t v;
            memcpy(&v, a->items + 8 * i, 8);
            ok = v == (i < 20000 ? i : 0);
        }
        check(ok, "a young large array resized in place: items kept, new ones zero, accounting");
        rpy_gc_minor_collect(); /* it survives, through its new address */
        a = f[0];
        check(!rpy_gc_is_young_large(a) && (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS) && a->length == 500000,
              "the resized young array is promoted");
        uint64_t old_before = stats().old_bytes;
        a = rpy_gc_resize_large(a, 600000);
        f[0] = a;
        int64_t v;
        memcpy(&v, a->items + 8 * 19999, 8);
        check(a != NULL && a->length == 600000 && stats().old_bytes == old_before + 100000 * 8 && v == 19999 &&
                  !rpy_gc_is_young_large(a),
              "an old large array resized: accounting, items");
        rpy_gc_collect();
        check(((rpy_array *)f[0])->length == 600000, "a resized array survives a full collection");
    }

    /* An old array of pointers holding young nodes (so it is in the
     * remembered set) grows by append, by much, so realloc likely moves
     * it: the next minor collection must find the young nodes through
     * the array's new address. */
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 30000);
    for (int64_t i = 0; i < 30000; i++) {
        node *x = new_node(i);
        rpy_list_append(LIST(0), PTR(x));
    }
    rpy_gc_collect(); /* list, array and nodes are old */
    bool kept = true;
    for (int round = 0; round < 4; round++) {
        int64_t n = LIST(0)->length;
        /* one young node stored into the old array: the barrier */
        node *x = new_node(-1 - round);
        set_at(LIST(0), round, PTR(x));
        for (int64_t i = n; i < 2 * n; i++) { /* old nodes appended: no allocation but growth */
            rpy_list_append(LIST(0), at(LIST(0), i - n));
        }
        rpy_gc_minor_collect();
        garbage(100);
        kept &= LIST(0)->length == 2 * n;
        for (int r = 0; r <= round; r++)
            kept &= node_value(at(LIST(0), r)) == -1 - r;
    }
    check(kept, "young nodes stored in a remembered array survive its moves");
    rpy_gc_collect();
    bool ok = true;
    for (int64_t i = 0; ok && i < LIST(0)->length; i++) {
        int64_t v = node_value(at(LIST(0), i));
        ok = v != INT64_MIN;
    }
    check(ok && LIST(0)->length == 30000 * 16, "%lld nodes after growing in place", (long long)LIST(0)->length);
    unframe(f);
}

/* argv is malloc'ed with room for exactly argc items: appending moves it
 * into a GC array, which the prebuilt list must keep alive. */
static void test_argv_append(rpy_list *argv) {
    int64_t argc = argv->length;
    check(argv->hdr.tid == RPY_TID_LIST && argv->items->hdr.tid == RPY_TID_ARRAY_PTR && argv->items->length == argc &&
              argv->start == 0 &&
              argv->hdr.gcflags == (RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS) &&
              argv->items->hdr.gcflags == argv->hdr.gcflags,
          "argv's layout");
    char *first = strdup(((rpy_str *)(uintptr_t)at(argv, 0))->data);
    for (int64_t i = 0; i < 3000; i++) {
        char text[32];
        snprintf(text, sizeof text, "arg%lld", (long long)i);
        rpy_str *s = new_str(text);
        rpy_list_append(argv, PTR(s));
        garbage(3);
    }
    rpy_gc_collect();
    garbage(5000);
    rpy_gc_collect();
    bool ok = argv->length == argc + 3000 && strcmp(((rpy_str *)(uintptr_t)at(argv, 0))->data, first) == 0;
    for (int64_t i = 0; ok && i < 3000; i++) {
        char text[32];
        snprintf(text, sizeof text, "arg%lld", (long long)i);
        rpy_str *s = (rpy_str *)(uintptr_t)at(argv, argc + i);
        ok = s->hdr.tid == RPY_TID_STR && strcmp(s->data, text) == 0;
    }
    check(ok && !(argv->items->hdr.gcflags & RPY_GCFLAG_PREBUILT), "3000 strings appended to argv");
    while (argv->length > argc)
        rpy_list_delete(argv, argv->length - 1);
    free(first);
}

/* ---- slices and inserts against CPython ------------------------------------ */

/* Items valued first, first + 1, ... (n of them) in a list of kind tid,
 * with no room to spare. */
static rpy_list *numbered(uint32_t tid, int64_t first, int64_t n) {
    void **f = frame(1);
    f[0] = rpy_list_new(tid, n, n);
    for (int64_t i = 0; i < n; i++) {
        uint64_t item = (uint64_t)(first + i);
        if (tid == RPY_TID_ARRAY_F64)
            item = bits((double)(first + i) + 0.5);
        else if (tid == RPY_TID_ARRAY_PTR)
            item = PTR(new_node(first + i));
        set_at(LIST(0), i, item);
    }
    rpy_list *l = LIST(0);
    unframe(f);
    return l;
}

/* L = [0..6] in a list of each kind (bytes 0..6 in the bool array: the
 * runtime copies bytes whatever they hold). */
static rpy_list *digits(uint32_t tid) { return numbered(tid, 0, 7); }

/* The items as digits, 10 and up as letters from 'a'; "-" for none. */
static void digit_text(const rpy_list *l, char *out) {
    uint32_t tid = l->items->hdr.tid;
    for (int64_t i = 0; i < l->length; i++) {
        uint64_t item = at(l, i);
        int64_t d = tid == RPY_TID_ARRAY_F64   ? (int64_t)as_double(item)
                    : tid == RPY_TID_ARRAY_PTR ? node_value(item)
                                               : (int64_t)item;
        *out++ = d >= 0 && d <= 9 ? (char)('0' + d) : d >= 10 && d < 36 ? (char)('a' + d - 10) : '?';
    }
    if (l->length == 0)
        *out++ = '-';
    *out = '\0';
}

static void test_slice_table(void) {
    static const uint32_t tids[] = {RPY_TID_ARRAY_I64, RPY_TID_ARRAY_F64, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_U8};
    size_t nb = sizeof slice_bounds / sizeof slice_bounds[0], ns = sizeof slice_steps / sizeof slice_steps[0];
    void **f = frame(2);
    for (size_t t = 0; t < 4; t++) {
        f[0] = digits(tids[t]);
        f[1] = rpy_list_new(tids[t], 0, 0);
        int bad = 0;
        for (size_t s = 0; s < ns; s++) {
            for (size_t b1 = 0; b1 < nb; b1++) {
                char row[256];
                snprintf(row, sizeof row, "%s", slice_expect[s][b1]);
                char *save = NULL, *want = strtok_r(row, " ", &save);
                for (size_t b2 = 0; b2 < nb; b2++, want = strtok_r(NULL, " ", &save)) {
                    int64_t start = b1 == 0 ? INT64_MIN : slice_bounds[b1];
                    int64_t stop = b2 == 0 ? INT64_MAX : slice_bounds[b2];
                    rpy_list *r = rpy_list_slice(LIST(0), start, stop, slice_steps[s]);
                    char got[16];
                    digit_text(r, got);
                    if (strcmp(got, want) != 0 && bad++ < 5)
                        check(false, "tid %u: L[%lld:%lld:%lld] gave %s, expected %s", tids[t], (long long)start,
                              (long long)stop, (long long)slice_steps[s], got, want);
                    r = rpy_list_slice(LIST(1), start, stop, slice_steps[s]);
                    if (r->length != 0 && bad++ < 5)
                        check(false, "tid %u: empty[%lld:%lld:%lld] is not empty", tids[t], (long long)start,
                              (long long)stop, (long long)slice_steps[s]);
                }
            }
        }
        check(bad == 0, "tid %u: %zu slices as CPython", tids[t], 2 * nb * nb * ns);
        check(rpy_list_slice(LIST(0), 0, 7, 0) == NULL && raised(RPY_EXC_VALUE, "slice step cannot be zero"),
              "tid %u: step 0 raises ValueError", tids[t]);
    }
    unframe(f);
}

static void test_insert_table(void) {
    void **f = frame(1);
    for (size_t c = 0; c < sizeof insert_cases / sizeof insert_cases[0]; c++) {
        f[0] = rpy_list_new(RPY_TID_ARRAY_I64, 0, 0);
        for (int64_t i = 0; i < 5; i++)
            rpy_list_append(LIST(0), (uint64_t)i);
        rpy_list_insert(LIST(0), insert_cases[c].i, 9);
        char got[16];
        digit_text(LIST(0), got);
        check(strcmp(got, insert_cases[c].want) == 0, "insert(%lld, 9) gave %s, expected %s",
              (long long)insert_cases[c].i, got, insert_cases[c].want);
    }
    /* Into an empty list, with and without room. */
    f[0] = rpy_list_new(RPY_TID_ARRAY_F64, 0, 0);
    rpy_list_insert(LIST(0), -5, bits(2.5));
    rpy_list_insert(LIST(0), 5, bits(3.5));
    rpy_list_insert(LIST(0), 0, bits(1.5));
    char got[16];
    digit_text(LIST(0), got);
    check(strcmp(got, "123") == 0, "inserts into an empty list: %s", got);
    unframe(f);
}

/* ---- slice assignment and deletion against CPython --------------------------- */

/* Word j (from 0) of a row of space-separated words, into out. */
static void word(const char *row, size_t j, char *out, size_t size) {
    for (; j > 0; j--)
        row = strchr(row, ' ') + 1;
    size_t n = strcspn(row, " ");
    snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), row);
}

/* The exception in flight is the ValueError CPython gave as "!m/c"
 * (sizes m and c); it is taken either way. */
static bool size_error(const char *want) {
    long m = 0, c = 0;
    sscanf(want, "!%ld/%ld", &m, &c);
    char msg[128];
    snprintf(msg, sizeof msg, "attempt to assign sequence of size %ld to extended slice of size %ld", m, c);
    return raised(RPY_EXC_VALUE, msg);
}

/* On list(range(n)) of kind tid in f[0]: [start:stop:step] = m letters
 * (f[1]), or del [start:stop:step] when m < 0.  True if the result
 * reads `want` (or the error it names left the list as it was); the
 * result's text goes to got. */
static bool slice_case(void **f, uint32_t tid, int64_t n, int64_t start, int64_t stop, int64_t step, int64_t m,
                       const char *want, char *got) {
    f[0] = numbered(tid, 0, n);
    if (m < 0) {
        rpy_list_delslice(LIST(0), start, stop, step);
    } else {
        f[1] = numbered(tid, 10, m);
        rpy_list_setslice(LIST(0), start, stop, step, LIST(1));
    }
    digit_text(LIST(0), got);
    if (want[0] == '!') {
        char before[64];
        f[1] = numbered(tid, 0, n);
        digit_text(LIST(1), before);
        return size_error(want) && strcmp(got, before) == 0;
    }
    return rpy_exc_value == NULL && strcmp(got, want) == 0 && dead_slots_clear(LIST(0));
}

static void test_setslice_table(void) {
    static const uint32_t tids[] = {RPY_TID_ARRAY_I64, RPY_TID_ARRAY_F64, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_U8};
    size_t nb = sizeof slice_bounds / sizeof slice_bounds[0], ns = sizeof slice_steps / sizeof slice_steps[0];
    void **f = frame(2);
    for (size_t t = 0; t < 4; t++) {
        int bad = 0, cases = 0;
        for (size_t s = 0; s < ns; s++) {
            int64_t step = slice_steps[s];
            for (size_t b1 = 0; b1 < nb; b1++) {
                for (size_t b2 = 0; b2 < nb; b2++) {
                    int64_t start = b1 == 0 ? INT64_MIN : slice_bounds[b1];
                    int64_t stop = b2 == 0 ? INT64_MAX : slice_bounds[b2];
                    char sliced[64], want[64], grown[64], got[64];
                    word(slice_expect[s][b1], b2, sliced, sizeof sliced);
                    int64_t count = strcmp(sliced, "-") == 0 ? 0 : (int64_t)strlen(sliced);
                    /* As many items as the slice has; two more; del. */
                    word(setslice_expect[s][b1], b2, want, sizeof want);
                    if (step == 1)
                        word(setslice_grow_expect[b1], b2, grown, sizeof grown);
                    else
                        snprintf(grown, sizeof grown, "!%lld/%lld", (long long)count + 2, (long long)count);
                    const char *what[3] = {"=", "= (2 more)", "del"};
                    for (int w = 0; w < 3; w++) {
                        cases++;
                        int64_t m = w == 0 ? count : w == 1 ? count + 2 : -1;
                        char del_want[64];
                        if (w == 2)
                            word(delslice_expect[s][b1], b2, del_want, sizeof del_want);
                        const char *expect = w == 0 ? want : w == 1 ? grown : del_want;
                        if (!slice_case(f, tids[t], 7, start, stop, step, m, expect, got) && bad++ < 5)
                            check(false, "tid %u: L[%lld:%lld:%lld] %s gave %s, expected %s", tids[t],
                                  (long long)start, (long long)stop, (long long)step, what[w], got, expect);
                        rpy_exc_catch();
                    }
                }
            }
        }
        check(bad == 0, "tid %u: %d slice assignments and deletions as CPython", tids[t], cases);
        f[0] = digits(tids[t]);
        f[1] = digits(tids[t]);
        rpy_list_setslice(LIST(0), 0, 7, 0, LIST(1));
        check(raised(RPY_EXC_VALUE, "slice step cannot be zero"), "tid %u: L[0:7:0] = ... raises", tids[t]);
        rpy_list_delslice(LIST(0), INT64_MIN, INT64_MAX, 0);
        check(raised(RPY_EXC_VALUE, "slice step cannot be zero"), "tid %u: del L[::0] raises", tids[t]);
        f[1] = rpy_list_new(tids[t], 0, 0);
        rpy_list_delslice(LIST(1), 0, 0, 0);
        check(raised(RPY_EXC_VALUE, "slice step cannot be zero"), "tid %u: del [][0:0:0] raises", tids[t]);
        char got[64];
        digit_text(LIST(0), got);
        check(strcmp(got, "0123456") == 0, "tid %u: step 0 leaves the list alone", tids[t]);
    }
    for (size_t c = 0; c < sizeof slice_small_cases / sizeof slice_small_cases[0]; c++) {
        const slice_small_case *k = &slice_small_cases[c];
        for (size_t t = 0; t < 4; t++) {
            char got[64];
            bool ok = slice_case(f, tids[t], k->n, k->start, k->stop, k->step, k->m, k->want, got);
            check(ok, "tid %u: list(range(%d))[%lld:%lld:%lld] %s %d gave %s, expected %s", tids[t], k->n,
                  (long long)k->start, (long long)k->stop, (long long)k->step, k->m < 0 ? "del" : "= items:", k->m,
                  got, k->want);
            rpy_exc_catch();
        }
    }
    unframe(f);
}

/* a[i:j] = a and friends: the source is read as it was. */
static void test_setslice_self(void) {
    static const uint32_t tids[] = {RPY_TID_ARRAY_I64, RPY_TID_ARRAY_F64, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_U8};
    static const struct {
        int64_t start, stop, step;
        const char *want;
    } cases[] = {
        {1, 3, 1, "001234563456"},      /* a[1:3] = a */
        {INT64_MIN, INT64_MAX, 1, "0123456"},
        {5, 2, 1, "01234012345656"},    /* an insertion */
        {0, 0, 1, "01234560123456"},
        {7, INT64_MAX, 1, "01234560123456"},
        {INT64_MIN, INT64_MAX, -1, "6543210"},
        {6, INT64_MIN, -1, "6543210"},
        {INT64_MIN, INT64_MAX, 2, "!7/4"},
        {INT64_MIN, INT64_MAX, -2, "!7/4"},
    };
    void **f = frame(1);
    for (size_t t = 0; t < 4; t++) {
        for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
            f[0] = digits(tids[t]);
            rpy_list_setslice(LIST(0), cases[c].start, cases[c].stop, cases[c].step, LIST(0));
            char got[64];
            digit_text(LIST(0), got);
            bool ok = cases[c].want[0] == '!' ? size_error(cases[c].want) && strcmp(got, "0123456") == 0
                                              : rpy_exc_value == NULL && strcmp(got, cases[c].want) == 0;
            check(ok, "tid %u: a[%lld:%lld:%lld] = a gave %s, expected %s", tids[t], (long long)cases[c].start,
                  (long long)cases[c].stop, (long long)cases[c].step, got, cases[c].want);
            rpy_exc_catch();
        }
    }
    /* One item: a[::-1] = a and a[::5] = a are fine. */
    f[0] = numbered(RPY_TID_ARRAY_PTR, 4, 1);
    rpy_list_setslice(LIST(0), INT64_MIN, INT64_MAX, -1, LIST(0));
    rpy_list_setslice(LIST(0), INT64_MIN, INT64_MAX, 5, LIST(0));
    check(rpy_exc_value == NULL && nodes_are(LIST(0), 1, 4, 1), "[x][::-1] = itself");
    unframe(f);
}

/* Growth and shrinking at scale: a list of nodes rebuilt by slice
 * assignments across collections, against a model. */
static void test_setslice_big(int64_t rounds) {
    void **f = frame(2);
    f[0] = numbered(RPY_TID_ARRAY_PTR, 0, 0);
    model m = {0};
    m_reserve(&m, 64);
    rng_state = 12345;
    bool ok = true;
    for (int64_t r = 0; r < rounds && ok; r++) {
        int64_t n = m.n, len = rnd(n > 300 ? 10 : 100);
        int64_t start = rnd(n + 1), stop = start + rnd(n - start + 1);
        if (rnd(3) == 0)
            len = stop - start + rnd(3);
        f[1] = numbered(RPY_TID_ARRAY_PTR, 1000 * r, len);
        rpy_list_setslice(LIST(0), start, stop, 1, LIST(1));
        f[1] = NULL;
        /* model: replace [start, stop) by 1000r .. 1000r + len - 1 */
        int64_t total = n - (stop - start) + len;
        m_reserve(&m, total);
        memmove(m.v + start + len, m.v + stop, (size_t)(n - stop) * sizeof *m.v);
        for (int64_t i = 0; i < len; i++)
            m.v[start + i] = 1000 * r + i;
        m.n = total;
        if (rnd(4) == 0) {
            int64_t st = rnd(5) + 1;
            if (rnd(2))
                st = -st;
            int64_t a = rnd(m.n + 2), b = rnd(m.n + 2);
            /* The indices [a:b:st] takes, for bounds 0 <= a, b <= n + 1:
             * backwards, one past the end means the last item. */
            int64_t hi = st > 0 ? m.n : m.n - 1, a1 = a > hi ? hi : a, b1 = b > hi ? hi : b;
            int64_t kept = 0;
            for (int64_t i = 0; i < m.n; i++) {
                bool gone = st > 0 ? (i >= a1 && i < b1 && (i - a1) % st == 0)
                                   : (i <= a1 && i > b1 && (a1 - i) % -st == 0);
                if (!gone)
                    m.v[kept++] = m.v[i];
            }
            m.n = kept;
            rpy_list_delslice(LIST(0), a, b, st);
        }
        ok = rpy_exc_value == NULL && LIST(0)->length == m.n && dead_slots_clear(LIST(0));
        for (int64_t i = 0; ok && i < m.n; i++)
            ok = node_value(at(LIST(0), i)) == m.v[i];
        garbage(20);
        if (r % 50 == 0)
            rpy_gc_minor_collect();
    }
    check(ok, "%lld slice assignments and deletions on a list of nodes", (long long)rounds);
    free(m.v);
    unframe(f);
}

/* ---- sorting ------------------------------------------------------------- */

static int cmp_desc_i64(const void *a, const void *b) { return -cmp_i64(a, b); }

static void test_sort_ints(void) {
    static const int64_t sizes[] = {0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 1000, 5000};
    void **f = frame(1);
    rng_state = 42;
    int bad = 0, runs = 0;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int64_t n = sizes[s];
        int64_t *want = malloc((size_t)(n + 1) * sizeof *want);
        for (int pattern = 0; pattern < 5; pattern++) {
            for (int reverse = 0; reverse < 2; reverse++) {
                f[0] = rpy_list_new(RPY_TID_ARRAY_I64, n, n);
                for (int64_t i = 0; i < n; i++) {
                    int64_t v = pattern == 0   ? (int64_t)(rng_state = rng_state * 6364136223846793005u + 1)
                                : pattern == 1 ? rnd(7) - 3
                                : pattern == 2 ? i
                                : pattern == 3 ? n - i
                                               : (i % 2 ? INT64_MIN : INT64_MAX);
                    want[i] = v;
                    set_at(LIST(0), i, (uint64_t)v);
                }
                qsort(want, (size_t)n, sizeof *want, reverse ? cmp_desc_i64 : cmp_i64);
                rpy_list_sort(LIST(0), RPY_EQ_BITS, reverse);
                bool ok = true;
                for (int64_t i = 0; ok && i < n; i++)
                    ok = (int64_t)at(LIST(0), i) == want[i];
                if (!ok && bad++ < 5)
                    check(false, "sort of %lld ints, pattern %d, reverse %d", (long long)n, pattern, reverse);
                runs++;
            }
        }
        free(want);
    }
    check(bad == 0, "%d int sorts", runs);
    unframe(f);
}

/* Stability shows with floats through 0.0 == -0.0. */
static void test_sort_floats(void) {
    int n = (int)(sizeof sort_floats / sizeof sort_floats[0]);
    void **f = frame(1);
    for (int reverse = 0; reverse < 2; reverse++) {
        f[0] = rpy_list_new(RPY_TID_ARRAY_F64, n, n);
        for (int i = 0; i < n; i++)
            set_at(LIST(0), i, bits(sort_floats[i]));
        rpy_list_sort(LIST(0), RPY_EQ_FLOAT, reverse);
        const int *want = reverse ? sort_floats_down : sort_floats_up;
        bool ok = true;
        for (int i = 0; i < n; i++)
            ok &= at(LIST(0), i) == bits(sort_floats[want[i]]);
        check(ok, "stable float sort, reverse %d", reverse);
    }
    /* NaN: no order promised, but the items stay the same ones. */
    static const double with_nan[] = {3.0, NAN, 1.0, 2.0, NAN, 0.0};
    f[0] = rpy_list_new(RPY_TID_ARRAY_F64, 6, 6);
    for (int i = 0; i < 6; i++)
        set_at(LIST(0), i, bits(with_nan[i]));
    rpy_list_sort(LIST(0), RPY_EQ_FLOAT, false);
    double sum = 0;
    int nans = 0;
    for (int i = 0; i < 6; i++) {
        double d = as_double(at(LIST(0), i));
        nans += isnan(d);
        sum += isnan(d) ? 0 : d;
    }
    check(nans == 2 && sum == 6.0, "a sort with NaNs keeps its items");
    unframe(f);
}

static void test_sort_bools(void) {
    void **f = frame(1);
    for (int reverse = 0; reverse < 2; reverse++) {
        f[0] = rpy_list_new(RPY_TID_ARRAY_U8, 0, 0);
        for (int i = 0; i < 100; i++)
            rpy_list_append(LIST(0), (uint64_t)(i % 7 == 0 || i % 5 == 0));
        rpy_list_sort(LIST(0), RPY_EQ_BITS, reverse);
        int ones = 0;
        bool ordered = true;
        for (int i = 0; i < 100; i++) {
            ones += (int)at(LIST(0), i);
            if (i > 0)
                ordered &= reverse ? at(LIST(0), i - 1) >= at(LIST(0), i) : at(LIST(0), i - 1) <= at(LIST(0), i);
        }
        check(ordered && ones == 32, "bool sort, reverse %d: %d ones", reverse, ones);
    }
    unframe(f);
}

/* Equal strings at distinct addresses keep their order; no collection can
 * happen during the sort, so addresses taken just before it identify
 * the objects. */
static void test_sort_strs(void) {
    int n = (int)(sizeof sort_strs / sizeof sort_strs[0]);
    void **f = frame(1);
    for (int reverse = 0; reverse < 2; reverse++) {
        f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
        for (int i = 0; i < n; i++) {
            rpy_str *s = new_str(sort_strs[i]);
            rpy_list_append(LIST(0), PTR(s));
        }
        uint64_t addr[64];
        for (int i = 0; i < n; i++)
            addr[i] = at(LIST(0), i);
        uint64_t allocated = stats().bytes_allocated;
        rpy_list_sort(LIST(0), RPY_EQ_STR, reverse);
        const int *want = reverse ? sort_strs_down : sort_strs_up;
        bool ok = true;
        for (int i = 0; i < n; i++)
            ok &= at(LIST(0), i) == addr[want[i]];
        check(ok, "stable string sort, reverse %d", reverse);
        check(stats().bytes_allocated == allocated, "sort allocates nothing from the collector");
    }

    /* Many duplicates, past the insertion-sort runs; the hash field (not
     * used by sort) tags each string with its original position. */
    int64_t m = 3000;
    for (int reverse = 0; reverse < 2; reverse++) {
        f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
        rng_state = 7;
        for (int64_t i = 0; i < m; i++) {
            char text[8];
            snprintf(text, sizeof text, "k%d", (int)rnd(10));
            rpy_str *s = new_str(text);
            s->hash = i;
            rpy_list_append(LIST(0), PTR(s));
        }
        rpy_list_sort(LIST(0), RPY_EQ_STR, reverse);
        bool ok = true;
        for (int64_t i = 1; i < m; i++) {
            const rpy_str *a = (rpy_str *)(uintptr_t)at(LIST(0), i - 1), *b = (rpy_str *)(uintptr_t)at(LIST(0), i);
            int c = strcmp(a->data, b->data);
            ok &= (reverse ? c > 0 : c < 0) || (c == 0 && a->hash < b->hash);
        }
        check(ok, "stable sort of %lld strings with duplicates, reverse %d", (long long)m, reverse);
    }

    /* None (NULL) sorts first (CPython would raise TypeError). */
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 3, 3);
    rpy_str *s = new_str("a");
    set_at(LIST(0), 1, PTR(s));
    rpy_list_sort(LIST(0), RPY_EQ_STR, false);
    check(at(LIST(0), 0) == 0 && at(LIST(0), 1) == 0 && at(LIST(0), 2) == PTR(s), "None sorts first");
    unframe(f);
}

/* ---- comparisons ------------------------------------------------------- */

/* l.index(x, start) as rpy_list_find gives it (-1: absent), and l.count(x). */
#define FIND(l, x, eq, start) rpy_list_find(l, (uint64_t)(x), eq, start, INT64_MAX)
#define COUNT(l, x, eq) rpy_list_count(l, (uint64_t)(x), eq)

static void test_equality(void) {
    void **f = frame(3);
    static const double fl[] = {0.0, -0.0, NAN, 1.0};
    f[0] = rpy_list_new(RPY_TID_ARRAY_F64, 4, 4);
    for (int i = 0; i < 4; i++)
        set_at(LIST(0), i, bits(fl[i]));
    const int32_t F = RPY_EQ_FLOAT, B = RPY_EQ_BITS, S = RPY_EQ_STR;
    check(FIND(LIST(0), bits(-0.0), F, 0) == 0 && FIND(LIST(0), bits(0.0), F, 1) == 1 &&
              FIND(LIST(0), bits(NAN), F, 0) == -1 && COUNT(LIST(0), bits(0.0), F) == 2 &&
              COUNT(LIST(0), bits(NAN), F) == 0,
          "float find/count: 0.0 == -0.0, NaN != NaN");
    check(!rpy_list_eq(LIST(0), LIST(0), F), "a list holding NaN is not equal to itself");
    check(FIND(LIST(0), bits(-0.0), B, 0) == 1, "find by bits tells -0.0 from 0.0");
    f[1] = rpy_list_slice(LIST(0), 0, 2, 1);
    f[2] = rpy_list_slice(LIST(0), 1, INT64_MIN, -1);
    check(rpy_list_eq(LIST(1), LIST(2), F) && !rpy_list_eq(LIST(1), LIST(2), B),
          "[0.0, -0.0] == [-0.0, 0.0] as floats, not as bits");

    /* Strings by contents, with None; two lists of equal strings. */
    static const char *const words[] = {NULL, "a", "b", "a", "", NULL};
    for (int k = 0; k < 3; k += 2) {
        f[k] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
        for (int i = 0; i < 6; i++) {
            rpy_str *s = words[i] ? new_str(words[i]) : NULL;
            rpy_list_append(LIST(k), PTR(s));
        }
    }
    f[1] = new_str("a");
    check(FIND(LIST(0), PTR(f[1]), S, 0) == 1 && FIND(LIST(0), PTR(f[1]), S, 2) == 3 &&
              FIND(LIST(0), PTR(f[1]), S, 4) == -1 && COUNT(LIST(0), PTR(f[1]), S) == 2,
          "str find/count by contents");
    check(FIND(LIST(0), 0, S, 0) == 0 && FIND(LIST(0), 0, S, 1) == 5 && COUNT(LIST(0), 0, S) == 2 &&
              FIND(LIST(0), PTR(f[1]), B, 0) == -1,
          "str find/count of None; identity finds nothing");
    check(rpy_list_eq(LIST(0), LIST(2), S) && !rpy_list_eq(LIST(0), LIST(2), B), "equal strings at other addresses");
    set_at(LIST(2), 5, PTR(f[1]));
    check(!rpy_list_eq(LIST(0), LIST(2), S) && !rpy_list_eq(LIST(2), LIST(0), S), "None != 'a'");

    /* Ints and bools; starts outside the list; different lengths. */
    f[0] = rpy_list_new(RPY_TID_ARRAY_I64, 0, 0);
    static const int64_t ints[] = {INT64_MIN, -1, 0, INT64_MAX, -1};
    for (int i = 0; i < 5; i++)
        rpy_list_append(LIST(0), (uint64_t)ints[i]);
    /* A negative start counts from the end, as list.index's. */
    check(FIND(LIST(0), -1, B, -3) == 4 && FIND(LIST(0), -1, B, -10) == 1 && FIND(LIST(0), -1, B, 2) == 4 &&
              FIND(LIST(0), -1, B, 9) == -1 && rpy_list_find(LIST(0), (uint64_t)-1, B, 2, -1) == -1 &&
              COUNT(LIST(0), INT64_MIN, B) == 1,
          "int find/count");
    f[1] = rpy_list_slice(LIST(0), 0, 4, 1);
    check(!rpy_list_eq(LIST(0), LIST(1), B) && rpy_list_eq(LIST(0), LIST(0), B), "lists of different lengths differ");
    f[2] = rpy_list_new(RPY_TID_ARRAY_U8, 3, 3);
    set_at(LIST(2), 1, 1);
    check(FIND(LIST(2), 1, B, 0) == 1 && COUNT(LIST(2), 0, B) == 2, "bool find/count");
    check(rpy_list_eq(NULL, NULL, B) && !rpy_list_eq(LIST(2), NULL, B) && !rpy_list_eq(NULL, LIST(2), B),
          "None lists");

    /* Lists of lists: [[0.0], None] against [[-0.0], None], then [[1.0], None]. */
    const int32_t LF = RPY_EQ_LIST | F << 8, LLF = RPY_EQ_LIST | LF << 8;
    for (int k = 0; k < 2; k++) {
        f[k] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
        f[2] = rpy_list_new(RPY_TID_ARRAY_F64, 1, 1);
        set_at(LIST(2), 0, bits(k ? -0.0 : 0.0));
        rpy_list_append(LIST(k), PTR(f[2]));
        rpy_list_append(LIST(k), 0);
    }
    check(rpy_list_eq(LIST(0), LIST(1), LF) && !rpy_list_eq(LIST(0), LIST(1), RPY_EQ_LIST | B << 8),
          "lists of float lists compare their items as floats");
    check(FIND(LIST(0), 0, LF, 0) == 1 && COUNT(LIST(1), at(LIST(0), 0), LF) == 1, "find/count a list in a list of lists");
    set_at((rpy_list *)(uintptr_t)at(LIST(1), 0), 0, bits(1.0));
    check(!rpy_list_eq(LIST(0), LIST(1), LF) && !rpy_items_equal(at(LIST(0), 0), at(LIST(1), 0), LF),
          "an inner item differs");
    f[2] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    rpy_list_append(LIST(2), PTR(f[0]));
    check(rpy_items_equal(PTR(f[2]), PTR(f[2]), LLF) && !rpy_items_equal(PTR(f[2]), 0, LLF),
          "three levels: a list equals itself, not None");

    /* Orderings: [[0.0]] against [[1.0]] (LIST(0) and LIST(1) without their None). */
    rpy_list_delete(LIST(0), 1);
    rpy_list_delete(LIST(1), 1);
    check(rpy_list_compare(LIST(0), LIST(1), LF, RPY_CMP_LT) && rpy_list_compare(LIST(0), LIST(1), LF, RPY_CMP_LE) &&
              !rpy_list_compare(LIST(0), LIST(1), LF, RPY_CMP_GT) && rpy_list_compare(LIST(1), LIST(0), LF, RPY_CMP_GE),
          "nested lists order by their first differing item");
    f[2] = rpy_list_slice(LIST(0), 0, 0, 1);
    check(rpy_list_compare(LIST(2), LIST(0), LF, RPY_CMP_LT) && !rpy_list_compare(LIST(0), LIST(0), LF, RPY_CMP_LT) &&
              rpy_list_compare(LIST(0), LIST(0), LF, RPY_CMP_GE),
          "a prefix is smaller; equal lists are <= and >=, not <");
    f[2] = rpy_list_new(RPY_TID_ARRAY_I64, 2, 2);
    f[1] = rpy_list_new(RPY_TID_ARRAY_I64, 1, 1);
    set_at(LIST(2), 0, (uint64_t)-5);
    set_at(LIST(1), 0, 3);
    check(rpy_list_compare(LIST(2), LIST(1), B, RPY_CMP_LT) && !rpy_list_compare(LIST(1), LIST(2), B, RPY_CMP_LE),
          "ints compare signed");
    unframe(f);
}

/* ---- errors ----------------------------------------------------------- */

static bool memory_error(const void *result) { return result == NULL && raised(RPY_EXC_MEMORY, NULL); }

static void test_errors(void) {
    void **top = rpy_shadowstack_top;
    check(memory_error(rpy_list_new(RPY_TID_ARRAY_I64, -1, 0)), "negative length");
    check(memory_error(rpy_list_new(RPY_TID_ARRAY_I64, 0, -1)), "negative capacity");
    check(memory_error(rpy_list_new(RPY_TID_ARRAY_PTR, INT64_MAX, 0)), "INT64_MAX items");
    check(memory_error(rpy_list_new(RPY_TID_ARRAY_F64, (int64_t)1 << 61, 0)), "2**61 floats");
    check(memory_error(rpy_list_new(RPY_TID_ARRAY_U8, (int64_t)1 << 45, 0)), "32 TiB of bools");
    check(memory_error(rpy_list_new(RPY_TID_ARRAY_U8, 0, (int64_t)1 << 45)), "32 TiB capacity");

    void **f = frame(1);
    f[0] = rpy_list_new(RPY_TID_ARRAY_I64, 3, 3);
    check(memory_error(rpy_list_mul(LIST(0), INT64_MAX)), "l * INT64_MAX overflows");
    check(memory_error(rpy_list_mul(LIST(0), (int64_t)1 << 40)), "l * 2**40");
    rpy_list *r = rpy_list_mul(LIST(0), -5);
    check(r != NULL && r->length == 0 && r->items->hdr.tid == RPY_TID_ARRAY_I64, "l * -5 is empty");
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    r = rpy_list_mul(LIST(0), INT64_MAX);
    check(r != NULL && r->length == 0 && rpy_exc_value == NULL, "[] * INT64_MAX is empty");
    unframe(f);

    /* Lengths whose sum overflows: refused before the items are looked at. */
    static rpy_array no_items = {{RPY_TID_ARRAY_I64, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0};
    static rpy_list huge = {{RPY_TID_LIST, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, INT64_MAX / 2 + 1,
                            &no_items, 0};
    check(memory_error(rpy_list_concat(&huge, &huge)), "concat overflows");
    rpy_list_extend(&huge, &huge);
    check(memory_error(NULL) && huge.length == INT64_MAX / 2 + 1, "extend overflows");
    check(rpy_shadowstack_top == top, "errors leave the shadow stack balanced");
}

/* What must not collect: delete, clear, reverse, find, count, eq, sort. */
static void test_no_allocation(void) {
    void **f = frame(2);
    f[0] = node_list(50, 0);
    f[1] = node_list(50, 0);
    uint64_t before = stats().bytes_allocated;
    rpy_list_delete(LIST(0), 10);
    rpy_list_delete_from_front(LIST(0), 0);
    rpy_list_delete_from_front(LIST(0), 40);
    rpy_list_reverse(LIST(0));
    rpy_list_find(LIST(0), at(LIST(1), 3), RPY_EQ_BITS, 0, INT64_MAX);
    rpy_list_count(LIST(0), at(LIST(1), 3), RPY_EQ_BITS);
    rpy_list_eq(LIST(0), LIST(1), RPY_EQ_BITS);
    rpy_list_sort(LIST(0), RPY_EQ_BITS, false);
    rpy_list_clear(LIST(1));
    check(stats().bytes_allocated == before,
          "delete, delete_from_front, reverse, find, count, eq, sort and clear allocate nothing");
    check(LIST(1)->length == 0 && LIST(1)->items->hdr.tid == RPY_TID_ARRAY_PTR, "a cleared list");
    rpy_list_append(LIST(1), PTR(NULL));
    check(LIST(1)->length == 1 && at(LIST(1), 0) == 0, "append after clear");
    unframe(f);
}

/* ---- deleting from the front ---------------------------------------------- */

/* The items as digits, as digit_text gives them, and start. */
static bool digits_at(const rpy_list *l, const char *want, int64_t start) {
    char got[64];
    digit_text(l, got);
    return strcmp(got, want) == 0 && l->start == start && dead_slots_clear(l);
}

/* Which side moves, for each kind of item. */
static void test_delete_from_front(void) {
    static const uint32_t tids[] = {RPY_TID_ARRAY_I64, RPY_TID_ARRAY_F64, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_U8};
    void **f = frame(1);
    for (size_t t = 0; t < 4; t++) {
        f[0] = numbered(tids[t], 0, 10);
        rpy_list_delete_from_front(LIST(0), 0); /* nothing moves */
        bool ok = digits_at(LIST(0), "123456789", 1);
        rpy_list_delete_from_front(LIST(0), 3); /* 3 < 9 / 2: 1 2 3 move up */
        ok &= digits_at(LIST(0), "12356789", 2);
        rpy_list_delete_from_front(LIST(0), 4); /* 4 >= 8 / 2: 7 8 9 move down */
        ok &= digits_at(LIST(0), "1235789", 2);
        rpy_list_delete_from_front(LIST(0), 6); /* the last */
        ok &= digits_at(LIST(0), "123578", 2);
        rpy_list_delete(LIST(0), 0); /* keeps start */
        ok &= digits_at(LIST(0), "23578", 2);
        rpy_list_insert(LIST(0), 1, tids[t] == RPY_TID_ARRAY_PTR ? PTR(new_node(9))
                                    : tids[t] == RPY_TID_ARRAY_F64 ? bits(9.5)
                                                                   : 9);
        ok &= digits_at(LIST(0), "293578", 2);
        while (LIST(0)->length > 1)
            rpy_list_delete_from_front(LIST(0), 0);
        ok &= digits_at(LIST(0), "8", 7);
        rpy_list_delete_from_front(LIST(0), 0); /* empty: from slot 0 again */
        ok &= digits_at(LIST(0), "-", 0) && LIST(0)->items->length == 10;
        check(ok, "tid %u: delete_from_front moves the shorter side", tids[t]);
    }
    unframe(f);
}

/* Item v of a queue: a node, or the number (a byte of it for bools). */
static uint64_t queue_item(uint32_t tid, int64_t v) {
    return tid == RPY_TID_ARRAY_PTR ? PTR(new_node(v)) : tid == RPY_TID_ARRAY_U8 ? (uint64_t)(v & 0xff) : (uint64_t)v;
}

static bool is_queue_item(uint32_t tid, uint64_t item, int64_t v) {
    return tid == RPY_TID_ARRAY_PTR ? node_value(item) == v
           : tid == RPY_TID_ARRAY_U8 ? item == (uint64_t)(v & 0xff)
                                     : item == (uint64_t)v;
}

/* A queue (pop(0), append) of steady length: O(1) amortised, in bounded
 * space.  The array is replaced at most once (growth when the first
 * append finds no room at the end), then compacted in place. */
static void test_queue(int64_t n, int64_t rounds, uint32_t tid) {
    void **f = frame(1);
    f[0] = numbered(tid, 0, n);
    int64_t changes = 0, max_cap = 0, next = n;
    rpy_array *a = LIST(0)->items;
    bool ok = true;
    for (int64_t r = 0; r < rounds && ok; r++) {
        ok = is_queue_item(tid, at(LIST(0), 0), r);
        rpy_list_delete_from_front(LIST(0), 0);
        uint64_t item = queue_item(tid, next);
        rpy_list_append(LIST(0), item);
        next++;
        changes += LIST(0)->items != a;
        a = LIST(0)->items;
        max_cap = a->length > max_cap ? a->length : max_cap;
        ok &= LIST(0)->length == n && LIST(0)->start < a->length;
        if (r % 1000 == 0) {
            ok &= dead_slots_clear(LIST(0));
            if (tid == RPY_TID_ARRAY_PTR)
                garbage(100);
        }
    }
    check(ok && dead_slots_clear(LIST(0)), "tid %u: a queue of %lld, %lld times pop(0) and append", tid, (long long)n,
          (long long)rounds);
    check(max_cap < 4 * n && changes <= 1, "tid %u: the queue's capacity stays %lld (< 4 x %lld), %lld new arrays",
          tid, (long long)max_cap, (long long)n, (long long)changes);
    rpy_gc_collect();
    ok = true;
    for (int64_t i = 0; ok && i < n; i++)
        ok = is_queue_item(tid, at(LIST(0), i), rounds + i);
    check(ok, "tid %u: the queue after a collection", tid);
    unframe(f);
}

/* A queue that grows (two appends per pop(0)) past the size of a large
 * array, which grows in place (rpy_gc_resize_large) and then moves its
 * items down to slot 0; across collections, with young nodes stored
 * into the old array. */
static void test_growing_queue(int64_t rounds) {
    void **f = frame(1);
    f[0] = numbered(RPY_TID_ARRAY_PTR, 0, 100);
    int64_t next = 100, first = 0, moved_down = 0;
    bool ok = true;
    for (int64_t r = 0; r < rounds && ok; r++) {
        ok = node_value(at(LIST(0), 0)) == first;
        int64_t start = LIST(0)->start;
        rpy_list_delete_from_front(LIST(0), 0);
        first++;
        for (int j = 0; j < 2; j++) {
            node *x = new_node(next++);
            rpy_list_append(LIST(0), PTR(x));
        }
        moved_down += start > 0 && LIST(0)->start == 0;
        ok &= LIST(0)->length == next - first;
        if (r % 4096 == 0) {
            ok &= dead_slots_clear(LIST(0));
            rpy_gc_minor_collect();
        }
    }
    ok &= dead_slots_clear(LIST(0)) && !rpy_gc_is_young(LIST(0)->items);
    rpy_gc_collect();
    for (int64_t i = 0; ok && i < LIST(0)->length; i++)
        ok = node_value(at(LIST(0), i)) == first + i;
    check(ok && moved_down > 5, "a growing queue of %lld nodes (%lld times compacted or grown)",
          (long long)LIST(0)->length, (long long)moved_down);
    unframe(f);
}

/* The rest of the runtime reads lists from start too: join, repr, set(),
 * sort with keys (which detaches the items while keyfn runs). */
static void **watched; /* the root slot of the list being sorted */

static uint64_t appending_key(uint64_t item) {
    int64_t v = (int64_t)item;
    rpy_list_append(*watched, 7);
    rpy_list_append(*watched, 8);
    rpy_list_delete_from_front(*watched, 0);
    return (uint64_t)-v;
}

static void test_readers(void) {
    void **f = frame(2);
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    static const char *const words[] = {"x", "y", "ab", "c", "d"};
    for (int i = 0; i < 5; i++) {
        rpy_str *s = new_str(words[i]);
        rpy_list_append(LIST(0), PTR(s));
    }
    rpy_list_delete_from_front(LIST(0), 0);
    rpy_list_delete_from_front(LIST(0), 0);
    f[1] = new_str("-");
    rpy_str *r = rpy_str_join(f[1], LIST(0));
    check(LIST(0)->start == 2 && r != NULL && strcmp(r->data, "ab-c-d") == 0, "join from start");

    f[0] = numbered(RPY_TID_ARRAY_I64, 0, 6);
    rpy_list_delete_from_front(LIST(0), 0);
    rpy_list_delete_from_front(LIST(0), 1);
    rpy_builder_space space;
    rpy_builder *b = (rpy_builder *)(void *)&space;
    rpy_builder_init(b);
    rpy_builder_add_value_repr(b, PTR(f[0]), "Li");
    r = rpy_builder_finish(b);
    check(LIST(0)->start == 2 && r != NULL && strcmp(r->data, "[1, 3, 4, 5]") == 0, "repr from start");

    f[1] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, 0, NULL);
    rpy_set_add_all(f[1], LIST(0));
    rpy_dict *set = f[1];
    check(set->length == 4 && !rpy_set_contains(set, 0) && !rpy_set_contains(set, 2) && rpy_set_contains(set, 1) &&
              rpy_set_contains(set, 5),
          "set() from start");

    /* keyfn changes the list: ValueError, the items sorted and back
     * where they were. */
    watched = &f[0];
    rpy_list_sort_keyed(LIST(0), appending_key, &sort_kinds[K_INT], 1, false, false);
    check(raised(RPY_EXC_VALUE, "list modified during sort"), "sort_keyed: a keyfn popping from the front");
    check(digits_at(LIST(0), "5431", 2), "sort_keyed: the items sorted from start");
    rpy_list_sort_keyed(LIST(0), NULL, &sort_kinds[K_INT], 1, false, false);
    check(rpy_exc_value == NULL && digits_at(LIST(0), "1345", 2), "sort_keyed without a key, from start");
    unframe(f);
}

/* ---- write barriers ------------------------------------------------------
 *
 * Each case leaves young nodes reachable only through an old (or
 * prebuilt) array, then collects: they must survive.  Without the barrier
 * the old array keeps pointing at the nursery copies, which hold
 * forwarding addresses (or, in debug mode, poison and a heap-check
 * abort). */

static void test_barriers(void) {
    void **f = frame(3);
    /* Stores into an old array with room: append, insert, extend. */
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 64);
    rpy_gc_minor_collect();
    node *x = new_node(1);
    rpy_list_append(LIST(0), PTR(x));
    rpy_gc_minor_collect();
    x = new_node(0);
    rpy_list_insert(LIST(0), 0, PTR(x));
    rpy_gc_minor_collect();
    f[1] = node_list(10, 2);
    rpy_list_extend(LIST(0), LIST(1));
    f[1] = NULL;
    rpy_gc_minor_collect();
    check(nodes_are(LIST(0), 12, 0, 1), "young items stored into an old array");

    /* An old, full list gets a young array. */
    while (LIST(0)->length < LIST(0)->items->length) {
        x = new_node(LIST(0)->length);
        rpy_list_append(LIST(0), PTR(x));
    }
    int64_t n = LIST(0)->length;
    rpy_gc_minor_collect();
    x = new_node(n);
    rpy_list_append(LIST(0), PTR(x));
    rpy_gc_minor_collect();
    check(nodes_are(LIST(0), n + 1, 0, 1), "an old list grows into a young array");

    /* New lists big enough to be born outside the nursery (rpy_gc.c
     * allocates arrays above 64 KiB as young large objects, old after
     * the next collection), filled with items that are young unless the
     * nursery is too small to hold them all. */
    int64_t big = 65536 / 8 + 8;
    rpy_gc_minor_collect();
    f[1] = node_list(big / 2, 0);
    f[2] = node_list(big - big / 2, big / 2);
    f[0] = rpy_list_concat(LIST(1), LIST(2));
    check(!rpy_gc_is_young(LIST(0)->items), "concat's array is born outside the nursery");
    f[1] = f[2] = NULL;
    rpy_gc_minor_collect();
    check(nodes_are(LIST(0), big, 0, 1), "concat into a large array");
    rpy_gc_minor_collect();
    f[1] = node_list(big / 2, 0);
    f[0] = rpy_list_mul(LIST(1), 2);
    f[1] = NULL;
    rpy_gc_minor_collect();
    bool ok = LIST(0)->length == 2 * (big / 2);
    for (int64_t i = 0; ok && i < LIST(0)->length; i++)
        ok = node_value(at(LIST(0), i)) == i % (big / 2);
    check(ok, "mul into a large array");
    for (int64_t st = 1; st >= -1; st -= 2) {
        rpy_gc_minor_collect();
        f[1] = node_list(big, 0);
        f[0] = rpy_list_slice(LIST(1), INT64_MIN, INT64_MAX, st);
        f[1] = NULL;
        rpy_gc_minor_collect();
        check(st == 1 ? nodes_are(LIST(0), big, 0, 1) : nodes_are(LIST(0), big, big - 1, -1),
              "slice with step %lld into a large array", (long long)st);
    }
    rpy_gc_minor_collect();
    f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, big);
    for (int64_t i = 0; i < 20; i++) {
        x = new_node(i);
        rpy_list_append(LIST(0), PTR(x));
    }
    rpy_gc_minor_collect();
    check(nodes_are(LIST(0), 20, 0, 1), "appends into a large array");

    /* Slice assignments of young nodes into an old array: in place
     * (step 1 and extended), then growing into a large young array. */
    f[0] = node_list(40, 0);
    rpy_gc_minor_collect();
    f[1] = node_list(10, 5);
    rpy_list_setslice(LIST(0), 5, 15, 1, LIST(1));
    f[1] = NULL;
    rpy_gc_minor_collect();
    check(nodes_are(LIST(0), 40, 0, 1), "slice assignment into an old array");
    f[1] = node_list(20, 0);
    f[1] = rpy_list_slice(LIST(1), INT64_MIN, INT64_MAX, -1); /* 19, 18, ..., 0 */
    rpy_list_setslice(LIST(0), 39, INT64_MIN, -2, LIST(1));
    f[1] = NULL;
    rpy_gc_minor_collect();
    ok = LIST(0)->length == 40;
    for (int64_t i = 0; ok && i < 40; i++)
        ok = node_value(at(LIST(0), i)) == (i % 2 ? i / 2 : i);
    check(ok, "extended slice assignment into an old array");
    f[0] = node_list(40, 0);
    rpy_gc_minor_collect();
    f[1] = node_list(big, 40);
    rpy_list_setslice(LIST(0), 40, 40, 1, LIST(1));
    f[1] = NULL;
    check(!rpy_gc_is_young(LIST(0)->items), "a list grown by slice assignment into a large array");
    rpy_gc_minor_collect();
    check(nodes_are(LIST(0), big + 40, 0, 1), "its items survive");
    rpy_list_setslice(LIST(0), 0, 0, 1, LIST(0)); /* doubles it, copying first */
    rpy_gc_minor_collect();
    ok = LIST(0)->length == 2 * (big + 40);
    for (int64_t i = 0; ok && i < LIST(0)->length; i++)
        ok = node_value(at(LIST(0), i)) == i % (big + 40);
    check(ok, "a[0:0] = a on a large list");
    rpy_list_delslice(LIST(0), INT64_MIN, INT64_MAX, 2); /* 1, 3, ..., then 1, 3, ... again */
    rpy_list_delslice(LIST(0), (big + 40) / 2, INT64_MAX, 1);
    rpy_gc_collect();
    check(nodes_are(LIST(0), (big + 40) / 2, 1, 2) && dead_slots_clear(LIST(0)),
          "del a[::2], del a[n:] on a large list");
    unframe(f);

    /* A prebuilt list over a prebuilt array, as the translator emits
     * constants: stores make them roots, growth moves to the GC heap. */
    static struct {
        rpy_hdr hdr;
        int64_t length;
        void *items[4];
    } pre_items = {{RPY_TID_ARRAY_PTR, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 4, {NULL}};
    static rpy_list pre = {{RPY_TID_LIST, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0,
                           (rpy_array *)&pre_items, 0};
    for (int64_t i = 1; i < 4; i++) {
        x = new_node(i);
        rpy_list_append(&pre, PTR(x));
    }
    x = new_node(0);
    rpy_list_insert(&pre, 0, PTR(x));
    garbage(5000);
    rpy_gc_collect();
    check(nodes_are(&pre, 4, 0, 1) && pre.items == (rpy_array *)&pre_items, "stores into a prebuilt array");
    for (int64_t i = 4; i < 1000; i++) {
        x = new_node(i);
        rpy_list_append(&pre, PTR(x));
        garbage(1);
    }
    rpy_gc_collect();
    check(nodes_are(&pre, 1000, 0, 1), "a prebuilt list grown into the GC heap");
    rpy_list_clear(&pre);
    rpy_gc_collect();
    check(pre.length == 0 && pre.items->length == 0, "a prebuilt list cleared");
}

int64_t rpy_entry_point(rpy_list *argv) {
    rpy_gc_stats s = stats();
    /* Debug mode checks the heap at every collection, which a tiny
     * nursery makes frequent: smaller runs keep it quick. */
    bool small = s.debug;
    test_new();
    test_append_growth();
    test_growth_across_collections(small ? 20000 : 100000);
    test_resize_large();
    test_argv_append(argv);
    test_slice_table();
    test_insert_table();
    test_setslice_table();
    test_setslice_self();
    test_setslice_big(small ? 300 : 2000);
    test_sort_ints();
    test_sort_floats();
    test_sort_bools();
    test_sort_strs();
    test_equality();
    test_errors();
    test_no_allocation();
    test_delete_from_front();
    test_queue(1000, small ? 20000 : 100000, RPY_TID_ARRAY_I64);
    test_queue(1000, small ? 5000 : 100000, RPY_TID_ARRAY_PTR);
    test_queue(3, 1000, RPY_TID_ARRAY_U8);
    test_growing_queue(small ? 20000 : 100000);
    test_readers();
    test_barriers();
    for (int k = 0; k < N_KINDS; k++)
        test_random_ops(k, small ? 1500 : 6000);
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    s = stats();
    printf("test_list (nursery %llu bytes%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
