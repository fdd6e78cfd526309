/* Tests for dicts and sets (rpy_dict.c).
 *
 * Linked with the whole runtime like test_list.c, and run by `make test`
 * with the default nursery, with RPY_GC_NURSERY=4096 (a minor collection
 * every hundred or so allocations) and with that plus RPY_GC_DEBUG=1,
 * whose heap check after each collection catches a missing write barrier.
 *
 * GC pointers are held the way generated code holds them: in
 * shadow-stack slots (frame()), reloaded after anything that can collect.
 * The hash() values of ints and floats were computed with CPython
 * (dict_cases.h), as were the expected KeyError messages.  Each key kind
 * also runs a long random sequence of operations checked against a plain
 * C model of an insertion-ordered dict.
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "dict_cases.h"
#include "check.h"
#include "runtime_types.h"

#include <math.h>
#include <stdarg.h>
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
const rpy_location rpy_locations[] = {{"test_dict.c", "test", "", 1}};

/* ---- checks and helpers ---------------------------------------------- */

static rpy_gc_stats stats(void) {
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    return s;
}

#define DICT(k) ((rpy_dict *)f[k])
#define LIST(k) ((rpy_list *)f[k])
#define STR(k) ((rpy_str *)f[k])
#define PTR(p) ((uint64_t)(uintptr_t)(p))

static uint64_t bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static double as_double(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

/* The message of an rpy_str as a C string (static buffer). */
static const char *cstr(const rpy_str *s) {
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
static bool raised(int kind, const char *msg) {
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

static bool no_exception(void) { return rpy_exc_value == NULL; }

static node *new_node(int64_t value) {
    node *n = rpy_gc_malloc(T_NODE);
    n->value = value;
    return n;
}

static pair *new_pair(int64_t a, int64_t b) {
    pair *p = rpy_gc_malloc(T_PAIR);
    p->a = a;
    p->b = b;
    return p;
}

static rpy_str *new_str(const char *text) {
    int64_t len = (int64_t)strlen(text);
    rpy_str *s = rpy_gc_malloc_varsize(RPY_TID_STR, len);
    memcpy(s->data, text, (size_t)len);
    int64_t nchars = 0;
    for (int64_t i = 0; i < len; i++)
        nchars += ((unsigned char)text[i] & 0xC0) != 0x80;
    s->nchars = nchars;
    return s;
}

static rpy_str *new_strf(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return new_str(buf);
}

/* Something to collect. */
static void garbage(int n) {
    for (int i = 0; i < n; i++)
        new_node(-i);
}

static uint64_t array_get(const rpy_array *a, int64_t i) {
    if (rpy_type_table[a->hdr.tid].item_size == 1)
        return (unsigned char)a->items[i];
    uint64_t v;
    memcpy(&v, a->items + 8 * i, 8);
    return v;
}

static uint64_t key_at(const rpy_dict *d, int64_t e) { return array_get(d->keys, e); }
static uint64_t value_at(const rpy_dict *d, int64_t e) { return array_get(d->values, e); }
static uint64_t list_at(const rpy_list *l, int64_t i) { return array_get(l->items, i); }

/* l[i] = v, as generated code stores an item. */
static void list_set(rpy_list *l, int64_t i, uint64_t v) {
    rpy_array *a = l->items;
    if (rpy_type_table[a->hdr.tid].items_are_gcptrs && (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS))
        rpy_gc_write_barrier(a);
    memcpy(a->items + 8 * i, &v, 8);
}

static int64_t node_value(uint64_t p) {
    const node *n = (const node *)(uintptr_t)p;
    return n != NULL && n->hdr.tid == T_NODE ? n->value : INT64_MIN;
}

static int64_t str_number(uint64_t p) {
    const rpy_str *s = (const rpy_str *)(uintptr_t)p;
    if (s == NULL || s->hdr.tid != RPY_TID_STR || s->length < 2)
        return INT64_MIN;
    return strtoll(s->data + 1, NULL, 10);
}

/* Iterating with rpy_dict_next gives these int keys, in this order. */
static bool int_keys_are(rpy_dict *d, const int64_t *want, int64_t n) {
    int64_t k = 0;
    for (int64_t e = rpy_dict_next(d, 0); e >= 0; e = rpy_dict_next(d, e + 1)) {
        if (k >= n || (int64_t)key_at(d, e) != want[k])
            return false;
        k++;
    }
    return k == n && d->length == n;
}

static rpy_dict *int_dict(void) { return rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, RPY_TID_ARRAY_I64, NULL); }
static rpy_dict *int_set(void) { return rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, 0, NULL); }

/* ---- hash() ---------------------------------------------------------- */

static void test_hashes(void) {
    size_t n = sizeof int_hash_cases / sizeof int_hash_cases[0];
    for (size_t i = 0; i < n; i++) {
        int64_t v = int_hash_cases[i].v, h = rpy_hash_int(v);
        check(h == int_hash_cases[i].hash, "hash(%lld) = %lld, CPython says %lld", (long long)v, (long long)h,
              (long long)int_hash_cases[i].hash);
    }
    n = sizeof float_hash_cases / sizeof float_hash_cases[0];
    for (size_t i = 0; i < n; i++) {
        int64_t h = rpy_hash_float(as_double(float_hash_cases[i].bits));
        check(h == float_hash_cases[i].hash, "hash(%s) = %lld, CPython says %lld", float_hash_cases[i].repr,
              (long long)h, (long long)float_hash_cases[i].hash);
    }
    check(rpy_hash_float(NAN) == 0 && rpy_hash_float(-NAN) == 0, "hash(nan) is 0 here");
    /* hash(float(i)) == hash(i) whenever the float is exact. */
    uint64_t x = 88172645463325252u;
    int bad = 0;
    for (int i = 0; i < 100000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int64_t v = (int64_t)(x >> (x & 63)); /* every magnitude */
        if (i & 1)
            v = -v;
        double d = (double)v;
        if (d >= 9223372036854775808.0 || (int64_t)d != v)
            continue; /* not exact */
        bad += rpy_hash_float(d) != rpy_hash_int(v);
    }
    check(bad == 0, "hash(float(i)) == hash(i) for exact floats (%d differ)", bad);
    check(rpy_hash_float(-0.0) == rpy_hash_float(0.0), "hash(-0.0) == hash(0.0)");
}

/* ---- int keys: the basics ---------------------------------------------- */

static void test_int_basics(void) {
    void **f = frame(2);
    f[0] = int_dict();
    check(DICT(0)->length == 0 && rpy_dict_lookup(DICT(0), 5) == -1 && rpy_dict_next(DICT(0), 0) == -1,
          "new dict is empty");
    rpy_dict_getitem(DICT(0), 5);
    check(raised(RPY_EXC_KEY, "5"), "d[5] on an empty dict: KeyError: 5");
    rpy_dict_getitem(DICT(0), (uint64_t)-3);
    check(raised(RPY_EXC_KEY, "-3"), "KeyError: -3");
    rpy_dict_getitem(DICT(0), (uint64_t)INT64_MIN);
    check(raised(RPY_EXC_KEY, "-9223372036854775808"), "KeyError: -9223372036854775808");
    check(!rpy_dict_delitem(DICT(0), 5, false) && no_exception(), "discard of a missing key");
    rpy_dict_delitem(DICT(0), 5, true);
    check(raised(RPY_EXC_KEY, "5"), "del d[5] when missing: KeyError: 5");
    rpy_dict_pop(DICT(0), 7);
    check(raised(RPY_EXC_KEY, "7"), "d.pop(7) when missing: KeyError: 7");
    check(rpy_dict_pop_default(DICT(0), 7, 99) == 99 && no_exception(), "d.pop(7, 99)");
    rpy_dict_last_entry(DICT(0));
    check(raised(RPY_EXC_KEY, "'popitem(): dictionary is empty'"), "popitem() on an empty dict");

    for (int64_t i = 0; i < 1000; i++)
        rpy_dict_setitem(DICT(0), (uint64_t)(i * 7 - 3000), (uint64_t)i);
    check(DICT(0)->length == 1000, "1000 entries");
    int bad = 0;
    for (int64_t i = 0; i < 1000; i++)
        bad += rpy_dict_getitem(DICT(0), (uint64_t)(i * 7 - 3000)) != (uint64_t)i;
    for (int64_t i = 0; i < 1000; i++)
        bad += rpy_dict_lookup(DICT(0), (uint64_t)(i * 7 - 2999)) != -1;
    check(bad == 0 && no_exception(), "every key found, no other");
    rpy_dict_setitem(DICT(0), (uint64_t)(7 * 10 - 3000), 12345);
    check(DICT(0)->length == 1000 && rpy_dict_getitem(DICT(0), (uint64_t)(7 * 10 - 3000)) == 12345 &&
              (int64_t)key_at(DICT(0), 10) == 7 * 10 - 3000,
          "overwriting keeps the entry in place");

    /* Order: insertion order, deleted keys gone, re-inserted keys last. */
    f[0] = int_dict();
    for (int64_t i = 1; i <= 5; i++)
        rpy_dict_setitem(DICT(0), (uint64_t)i, (uint64_t)(i * 10));
    rpy_dict_delitem(DICT(0), 2, true);
    rpy_dict_setitem(DICT(0), 2, 99);
    rpy_dict_setitem(DICT(0), 1, 11);
    rpy_dict_delitem(DICT(0), 4, true);
    static const int64_t order1[] = {1, 3, 5, 2};
    check(int_keys_are(DICT(0), order1, 4), "order after del and re-insert: 1 3 5 2");
    f[1] = rpy_dict_values(DICT(0));
    check(LIST(1)->length == 4 && list_at(LIST(1), 0) == 11 && list_at(LIST(1), 1) == 30 &&
              list_at(LIST(1), 2) == 50 && list_at(LIST(1), 3) == 99,
          "values in order: 11 30 50 99");
    f[1] = rpy_dict_keys(DICT(0));
    check(LIST(1)->length == 4 && LIST(1)->items->hdr.tid == RPY_TID_ARRAY_I64 && list_at(LIST(1), 0) == 1 &&
              list_at(LIST(1), 3) == 2,
          "keys list");
    check(rpy_dict_pop(DICT(0), 3) == 30 && DICT(0)->length == 3, "d.pop(3)");
    check(rpy_dict_pop_default(DICT(0), 5, 0) == 50 && DICT(0)->length == 2, "d.pop(5, 0)");
    check(rpy_dict_next(DICT(0), -5) >= 0 && rpy_dict_next(DICT(0), 1000) == -1, "next() bounds");
    /* Empty dicts share static arrays, which must never be written (nor
     * go through the write barrier, which would make them roots). */
    uint64_t roots = stats().prebuilt_roots;
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_PTR, NULL);
    f[1] = rpy_dict_keys(DICT(0));
    check(LIST(1)->length == 0, "keys of an empty dict");
    f[1] = rpy_dict_values(DICT(0));
    check(LIST(1)->length == 0, "values of an empty dict");
    f[1] = rpy_dict_copy(DICT(0));
    rpy_dict_update(DICT(1), DICT(0));
    rpy_dict_clear(DICT(1));
    check(DICT(1)->length == 0 && rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_STR), "copy, update, clear of empty dicts");
    rpy_dict_delete_entry(DICT(0), 0); /* not an entry: ignored */
    check(stats().prebuilt_roots == roots && no_exception(), "the shared empty arrays stay untouched");

    /* popitem: last inserted first, then empty. */
    f[0] = int_dict();
    for (int64_t i = 0; i < 100; i++)
        rpy_dict_setitem(DICT(0), (uint64_t)(i * 31 % 100), (uint64_t)i);
    for (int64_t i = 0; i < 100; i += 3)
        rpy_dict_delitem(DICT(0), (uint64_t)(i * 31 % 100), true);
    bad = 0;
    int64_t popped = 0;
    for (int64_t i = 99; i >= 0; i--) {
        if (i % 3 == 0)
            continue;
        int64_t e = rpy_dict_last_entry(DICT(0));
        bad += e < 0 || (int64_t)key_at(DICT(0), e) != i * 31 % 100 || (int64_t)value_at(DICT(0), e) != i;
        rpy_dict_delete_entry(DICT(0), e);
        popped++;
        bad += rpy_dict_lookup(DICT(0), (uint64_t)(i * 31 % 100)) != -1;
    }
    check(bad == 0 && popped == 66 && DICT(0)->length == 0, "popitem() order, %lld popped", (long long)popped);
    rpy_dict_last_entry(DICT(0));
    check(raised(RPY_EXC_KEY, "'popitem(): dictionary is empty'"), "popitem() once empty");
    rpy_dict_setitem(DICT(0), 42, 1);
    check(DICT(0)->length == 1 && rpy_dict_getitem(DICT(0), 42) == 1, "usable after popping everything");

    /* popitem stays O(1): a million pops of a big dict, interleaved with
     * inserts, would take minutes if each scanned the deleted tail. */
    f[0] = int_dict();
    for (int64_t i = 0; i < 200000; i++)
        rpy_dict_setitem(DICT(0), (uint64_t)i, (uint64_t)i);
    bad = 0;
    for (int64_t i = 199999; i >= 0; i--) {
        int64_t e = rpy_dict_last_entry(DICT(0));
        bad += (int64_t)key_at(DICT(0), e) != i;
        rpy_dict_delete_entry(DICT(0), e);
        if (i % 1000 == 0) { /* and churn: pop/insert at a steady size */
            for (int k = 0; k < 1000; k++) {
                rpy_dict_setitem(DICT(0), (uint64_t)(1000000 + k), 0);
                rpy_dict_delete_entry(DICT(0), rpy_dict_last_entry(DICT(0)));
            }
        }
    }
    check(bad == 0 && DICT(0)->length == 0 && DICT(0)->used == 0, "200000 popitems in order");

    /* Deletions of the last entry hand its number back, but its index slot
     * stays a DUMMY: a long insert/delete cycle must still rebuild. */
    f[0] = int_dict();
    rpy_dict_setitem(DICT(0), 1, 1);
    for (int64_t i = 0; i < 100000; i++) {
        rpy_dict_setitem(DICT(0), (uint64_t)(i + 2), 0);
        rpy_dict_delitem(DICT(0), (uint64_t)(i + 2), true);
    }
    check(DICT(0)->length == 1 && rpy_dict_lookup(DICT(0), 12345) == -1 && rpy_dict_getitem(DICT(0), 1) == 1,
          "insert/delete cycles of the last entry");
    /* Deleting the first entry over and over keeps the table small. */
    f[0] = int_dict();
    for (int64_t i = 0; i < 100000; i++) {
        rpy_dict_setitem(DICT(0), (uint64_t)i, (uint64_t)i);
        if (i >= 10)
            rpy_dict_delitem(DICT(0), (uint64_t)(i - 10), true);
    }
    check(DICT(0)->length == 10 && DICT(0)->index->length - 2 <= 64 && rpy_dict_getitem(DICT(0), 99995) == 99995,
          "a sliding window of 10 keys stays in a small table (%lld slots)",
          (long long)(DICT(0)->index->length - 2));
    unframe(f);
}

/* Colliding keys: multiples of a big power of two share their low bits,
 * and keys equal modulo 2**61 - 1 share the whole hash. */
static void test_collisions(void) {
    void **f = frame(1);
    f[0] = int_dict();
    const int64_t P = ((int64_t)1 << 61) - 1;
    int bad = 0;
    for (int64_t i = 0; i < 3000; i++) {
        rpy_dict_setitem(DICT(0), (uint64_t)(i << 20), (uint64_t)i);
        rpy_dict_setitem(DICT(0), (uint64_t)(i + P), (uint64_t)-i);
        rpy_dict_setitem(DICT(0), (uint64_t)(i + 2 * P), (uint64_t)(i + 7));
    }
    for (int64_t i = 0; i < 3000; i++) {
        bad += rpy_dict_getitem(DICT(0), (uint64_t)(i << 20)) != (uint64_t)i;
        bad += rpy_dict_getitem(DICT(0), (uint64_t)(i + P)) != (uint64_t)-i;
        bad += rpy_dict_getitem(DICT(0), (uint64_t)(i + 2 * P)) != (uint64_t)(i + 7);
    }
    check(bad == 0 && DICT(0)->length == 9000 && no_exception(), "colliding int keys");
    unframe(f);
}

/* ---- string keys ---------------------------------------------------------- */

static void key_error_str(const char *key, const char *want) {
    void **f = frame(2);
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[1] = new_str(key);
    rpy_dict_getitem(DICT(0), PTR(f[1]));
    check(raised(RPY_EXC_KEY, want), "KeyError for str key: %s", want);
    unframe(f);
}

static void test_str_keys(void) {
    void **f = frame(3);
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    for (int i = 0; i < 500; i++) {
        f[1] = new_strf("key%d", i);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)i);
    }
    check(DICT(0)->length == 500, "500 str keys");
    int bad = 0;
    for (int i = 0; i < 500; i++) {
        f[1] = new_strf("key%d", i); /* another object, same contents */
        bad += rpy_dict_getitem(DICT(0), PTR(f[1])) != (uint64_t)i;
        bad += STR(1)->hash == 0; /* cached by the lookup */
        f[1] = new_strf("key%d!", i);
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) != -1;
    }
    check(bad == 0 && no_exception(), "str keys found by contents, hash cached");
    f[1] = new_str("key7");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 777);
    int64_t e = rpy_dict_lookup(DICT(0), PTR(f[1]));
    check(DICT(0)->length == 500 && e == 7 && (rpy_str *)(uintptr_t)key_at(DICT(0), e) != STR(1),
          "d[equal str] = v keeps the first key object");
    f[1] = new_str("");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 1);
    f[1] = new_str("");
    check(rpy_dict_getitem(DICT(0), PTR(f[1])) == 1, "the empty string is a key");
    /* A prebuilt (static, possibly read-only) string key. */
    static struct {
        rpy_hdr hdr;
        int64_t hash, length, nchars;
        char data[8];
    } prebuilt = {{RPY_TID_STR, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0, 4, 4, "key9"};
    check(rpy_dict_getitem(DICT(0), PTR(&prebuilt)) == 9, "prebuilt string key");
    rpy_dict_setitem(DICT(0), PTR(&prebuilt), 10);
    check(rpy_dict_getitem(DICT(0), PTR(&prebuilt)) == 10, "prebuilt key setitem");
    unframe(f);

    key_error_str("abc", "'abc'");
    key_error_str("", "''");
    key_error_str("a'b", "\"a'b\"");
    key_error_str("a\"b", "'a\"b'");
    key_error_str("a'b\"c", "'a\\'b\"c'");
    key_error_str("tab\there\nnl\\", "'tab\\there\\nnl\\\\'");
    key_error_str("\x01\x7f", "'\\x01\\x7f'");
    key_error_str("h\xc3\xa9llo", "'h\xc3\xa9llo'");
    key_error_str("bad\xff", "'bad\\udcff'");
}

/* One key object in two dicts, looked up and stored alternately; after
 * its deletion; and keys found by their own objects after the entries
 * are renumbered. */
static void test_last_found(void) {
    void **f = frame(4);
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[1] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[2] = new_str("w");
    rpy_dict_setitem(DICT(0), PTR(f[2]), 1); /* entry 0 of d0 holds this object */
    f[3] = new_str("x");
    rpy_dict_setitem(DICT(1), PTR(f[3]), 5);
    f[3] = new_str("w"); /* an equal string, another object, entry 1 of d1 */
    rpy_dict_setitem(DICT(1), PTR(f[3]), 7);
    check(rpy_dict_lookup(DICT(0), PTR(f[2])) == 0 && rpy_dict_getitem(DICT(1), PTR(f[2])) == 7 &&
              rpy_dict_getitem(DICT(0), PTR(f[2])) == 1 && rpy_dict_lookup(DICT(1), PTR(f[2])) == 1,
          "the same key object looked up in two dicts");
    rpy_dict_setitem(DICT(0), PTR(f[2]), 42);
    rpy_dict_setitem(DICT(1), PTR(f[2]), 43);
    check(rpy_dict_getitem(DICT(0), PTR(f[2])) == 42 && rpy_dict_getitem(DICT(1), PTR(f[3])) == 43 &&
              DICT(0)->length == 1 && DICT(1)->length == 2,
          "setitem right after a lookup of the same key");
    check(rpy_dict_delitem(DICT(0), PTR(f[2]), true) && rpy_dict_lookup(DICT(0), PTR(f[2])) == -1 && no_exception(),
          "a deleted key is not found again");
    rpy_dict_setitem(DICT(0), PTR(f[2]), 9);
    check(rpy_dict_getitem(DICT(0), PTR(f[2])) == 9 && DICT(0)->length == 1, "and it can come back");
    /* Renumbering: many keys in, most deleted, more in (the table is
     * rebuilt and entries compacted), each key found by its own object. */
    f[1] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    for (int i = 0; i < 300; i++) {
        f[3] = new_strf("k%d", i);
        rpy_list_append((rpy_list *)f[1], PTR(f[3]));
        rpy_dict_setitem(DICT(0), PTR(f[3]), (uint64_t)i);
    }
    rpy_list *keys = f[1];
    for (int i = 0; i < 300; i++)
        if (i % 3 != 0) {
            uint64_t k;
            memcpy(&k, ((rpy_list *)f[1])->items->items + 8 * i, 8);
            rpy_dict_lookup(DICT(0), k); /* remembered, then deleted */
            rpy_dict_delitem(DICT(0), k, true);
        }
    for (int i = 0; i < 600; i++) {
        f[3] = new_strf("m%d", i);
        rpy_dict_setitem(DICT(0), PTR(f[3]), 1000);
    }
    int bad = 0;
    keys = f[1];
    for (int i = 0; i < 300; i++) {
        uint64_t k;
        memcpy(&k, keys->items->items + 8 * i, 8);
        int64_t e = rpy_dict_lookup(DICT(0), k);
        bad += (i % 3 == 0) != (e >= 0);
        if (e >= 0)
            bad += rpy_dict_getitem(DICT(0), k) != (uint64_t)i || rpy_dict_lookup(DICT(0), k) != e;
    }
    check(bad == 0 && no_exception(), "keys found after deletions and renumbering");
    unframe(f);
}

/* ---- float keys ------------------------------------------------------------- */

static void test_float_keys(void) {
    void **f = frame(1);
    f[0] = rpy_dict_new(RPY_KEY_FLOAT, RPY_TID_ARRAY_F64, RPY_TID_ARRAY_I64, NULL);
    rpy_dict_setitem(DICT(0), bits(0.0), 1);
    check(rpy_dict_getitem(DICT(0), bits(-0.0)) == 1, "-0.0 finds 0.0");
    rpy_dict_setitem(DICT(0), bits(-0.0), 2);
    check(DICT(0)->length == 1 && key_at(DICT(0), 0) == bits(0.0) && value_at(DICT(0), 0) == 2,
          "d[-0.0] = 2 keeps the key 0.0");
    rpy_dict_setitem(DICT(0), bits(NAN), 3);
    check(rpy_dict_getitem(DICT(0), bits(NAN)) == 3 && rpy_dict_lookup(DICT(0), bits(-NAN)) == -1,
          "a NaN key is found by its bits only");
    rpy_dict_setitem(DICT(0), bits(1.5), 4);
    rpy_dict_setitem(DICT(0), bits(INFINITY), 5);
    rpy_dict_setitem(DICT(0), bits(1e300), 6);
    check(DICT(0)->length == 5 && rpy_dict_getitem(DICT(0), bits(INFINITY)) == 5 &&
              rpy_dict_getitem(DICT(0), bits(1e300)) == 6 && rpy_dict_getitem(DICT(0), bits(1.5)) == 4,
          "float keys");
    int bad = 0;
    for (int i = 0; i < 2000; i++)
        rpy_dict_setitem(DICT(0), bits(i * 0.25), (uint64_t)i);
    for (int i = 0; i < 2000; i++)
        bad += rpy_dict_getitem(DICT(0), bits(i * 0.25)) != (uint64_t)i;
    check(bad == 0 && no_exception(), "2000 float keys");
    /* KeyError shows repr(key), as CPython. */
    f[0] = rpy_dict_new(RPY_KEY_FLOAT, RPY_TID_ARRAY_F64, RPY_TID_ARRAY_I64, NULL);
    size_t n = sizeof float_hash_cases / sizeof float_hash_cases[0];
    for (size_t i = 0; i < n; i++) {
        rpy_dict_getitem(DICT(0), float_hash_cases[i].bits);
        check(raised(RPY_EXC_KEY, float_hash_cases[i].repr), "KeyError: %s", float_hash_cases[i].repr);
    }
    rpy_dict_getitem(DICT(0), bits(NAN));
    check(raised(RPY_EXC_KEY, "nan"), "KeyError: nan");
    unframe(f);
}

/* ---- bools: one-byte values and keys -------------------------------------- */

static void test_bools(void) {
    void **f = frame(2);
    f[0] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, RPY_TID_ARRAY_U8, NULL);
    for (int64_t i = 0; i < 300; i++)
        rpy_dict_setitem(DICT(0), (uint64_t)i, (uint64_t)(i % 3 == 0));
    int bad = 0;
    for (int64_t i = 0; i < 300; i++)
        bad += rpy_dict_getitem(DICT(0), (uint64_t)i) != (uint64_t)(i % 3 == 0);
    check(bad == 0, "bool values");
    f[1] = rpy_dict_values(DICT(0));
    check(LIST(1)->length == 300 && LIST(1)->items->hdr.tid == RPY_TID_ARRAY_U8 && list_at(LIST(1), 3) == 1 &&
              list_at(LIST(1), 4) == 0,
          "values list of bools");
    check(rpy_dict_pop(DICT(0), 6) == 1 && rpy_dict_pop(DICT(0), 7) == 0, "pop of bool values");

    f[0] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_U8, RPY_TID_ARRAY_I64, NULL);
    rpy_dict_setitem(DICT(0), 1, 10);
    rpy_dict_setitem(DICT(0), 0, 20);
    rpy_dict_setitem(DICT(0), 1, 30);
    check(DICT(0)->length == 2 && rpy_dict_getitem(DICT(0), 1) == 30 && rpy_dict_getitem(DICT(0), 0) == 20 &&
              key_at(DICT(0), 0) == 1,
          "bool keys");
    rpy_dict_delitem(DICT(0), 1, true);
    rpy_dict_getitem(DICT(0), 1);
    check(raised(RPY_EXC_KEY, "True"), "KeyError: True");
    unframe(f);
}

/* ---- identity keys ----------------------------------------------------------- */

static void test_identity_basics(void) {
    void **f = frame(3);
    f[0] = rpy_dict_new(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[1] = new_node(1);
    f[2] = new_node(1); /* equal value, different object */
    rpy_dict_setitem(DICT(0), PTR(f[1]), 10);
    check(rpy_dict_getitem(DICT(0), PTR(f[1])) == 10 && rpy_dict_lookup(DICT(0), PTR(f[2])) == -1,
          "identity keys compare by address");
    rpy_dict_getitem(DICT(0), PTR(f[2]));
    check(raised(RPY_EXC_KEY, ""), "KeyError for an instance has no message");
    rpy_dict_getitem(DICT(0), 0);
    check(raised(RPY_EXC_KEY, "None"), "KeyError: None");
    rpy_dict_setitem(DICT(0), 0, 20);
    check(rpy_dict_getitem(DICT(0), 0) == 20 && DICT(0)->length == 2, "None is a key");
    /* The key moves: a minor collection copies it out of the nursery. */
    bool young = rpy_gc_is_young(f[1]);
    rpy_gc_minor_collect();
    check(!young || !rpy_gc_is_young(f[1]), "the key was promoted");
    check(rpy_dict_getitem(DICT(0), PTR(f[1])) == 10, "found after it moved");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 11);
    check(DICT(0)->length == 2 && rpy_dict_getitem(DICT(0), PTR(f[1])) == 11, "no duplicate after it moved");
    /* popitem of a key that moved since it was filed. */
    f[2] = new_node(2);
    rpy_dict_setitem(DICT(0), PTR(f[2]), 30);
    rpy_gc_minor_collect();
    int64_t e = rpy_dict_last_entry(DICT(0));
    check(e >= 0 && key_at(DICT(0), e) == PTR(f[2]), "popitem finds the moved key");
    rpy_dict_delete_entry(DICT(0), e);
    check(DICT(0)->length == 2 && rpy_dict_lookup(DICT(0), PTR(f[2])) == -1, "and deletes it");
    /* del of a moved key. */
    f[2] = new_node(3);
    rpy_dict_setitem(DICT(0), PTR(f[2]), 40);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 12);
    rpy_gc_minor_collect();
    check(rpy_dict_delitem(DICT(0), PTR(f[2]), true) && DICT(0)->length == 2, "del d[moved key]");
    check(rpy_dict_getitem(DICT(0), PTR(f[1])) == 12 && rpy_dict_getitem(DICT(0), 0) == 20, "others intact");
    unframe(f);
}

/* The bookkeeping of young entries at its edges. */
static void test_identity_refiling(void) {
    void **f = frame(4);
    f[0] = rpy_dict_new(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[1] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 8);
    /* Five old keys, then a young one; popping it and an old one hands
     * their entry numbers back, and a young key takes the lower one. */
    for (int64_t i = 0; i < 5; i++) {
        node *x = new_node(i);
        rpy_list_append(LIST(1), PTR(x));
    }
    rpy_gc_minor_collect();
    for (int64_t i = 0; i < 5; i++)
        rpy_dict_setitem(DICT(0), list_at(LIST(1), i), (uint64_t)i);
    f[2] = new_node(5);
    rpy_dict_setitem(DICT(0), PTR(f[2]), 5);
    rpy_dict_delete_entry(DICT(0), rpy_dict_last_entry(DICT(0)));
    rpy_dict_delete_entry(DICT(0), rpy_dict_last_entry(DICT(0)));
    f[3] = new_node(6);
    rpy_dict_setitem(DICT(0), PTR(f[3]), 6);
    check(DICT(0)->used == 5, "entry 4 reused");
    rpy_gc_minor_collect();
    check(rpy_dict_getitem(DICT(0), PTR(f[3])) == 6 && rpy_dict_lookup(DICT(0), PTR(f[2])) == -1 &&
              rpy_dict_getitem(DICT(0), list_at(LIST(1), 0)) == 0,
          "a young key in a reused entry is refiled after it moves");

    /* A full table (USABLE 0) of young keys, all moving at once: refiling
     * cannot take FREE slots, so it starts over. */
    f[0] = rpy_dict_new(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[1] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 85);
    for (int64_t i = 0; i < 85; i++) { /* 85 fill the 128-slot table */
        node *x = new_node(i);
        rpy_list_append(LIST(1), PTR(x));
        rpy_dict_setitem(DICT(0), list_at(LIST(1), i), (uint64_t)i);
    }
    rpy_gc_minor_collect();
    f[2] = new_node(-1);
    bool ok = rpy_dict_lookup(DICT(0), PTR(f[2])) == -1;
    for (int64_t i = 0; i < 85; i++)
        ok &= rpy_dict_getitem(DICT(0), list_at(LIST(1), i)) == (uint64_t)i;
    rpy_dict_setitem(DICT(0), PTR(f[2]), 85);
    ok &= DICT(0)->length == 86 && rpy_dict_getitem(DICT(0), PTR(f[2])) == 85;
    check(ok && no_exception(), "a full table of moved keys");
    unframe(f);
}

/* Many instances inserted while young, surviving many minor collections
 * (with a tiny nursery, hundreds): every lookup must still find them. */
static void test_identity_gc(int64_t n) {
    void **f = frame(4);
    f[0] = rpy_dict_new(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[1] = rpy_list_new(RPY_TID_ARRAY_PTR, n, n); /* the same nodes, in order */
    f[2] = rpy_dict_new(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR, 0, NULL); /* a set of them */
    uint64_t minor0 = stats().minor_collections;
    int bad = 0;
    for (int64_t i = 0; i < n; i++) {
        f[3] = new_node(i);
        list_set(LIST(1), i, PTR(f[3]));
        rpy_dict_setitem(DICT(0), PTR(f[3]), (uint64_t)i);
        rpy_dict_setitem(DICT(2), PTR(f[3]), 0);
        garbage((int)(i % 7));
        if (i % 997 == 0) { /* a sample of the earlier ones */
            for (int64_t j = 0; j <= i; j += 13)
                bad += rpy_dict_getitem(DICT(0), list_at(LIST(1), j)) != (uint64_t)j;
        }
    }
    check(bad == 0 && no_exception(), "identity keys found while growing");
    for (int64_t i = 0; i < n; i++)
        bad += rpy_dict_getitem(DICT(0), list_at(LIST(1), i)) != (uint64_t)i ||
               rpy_dict_lookup(DICT(2), list_at(LIST(1), i)) < 0;
    check(bad == 0 && DICT(0)->length == n && DICT(2)->length == n, "all %lld identity keys found",
          (long long)n);
    /* Setting them again must not add any. */
    for (int64_t i = 0; i < n; i++) {
        garbage(3);
        rpy_dict_setitem(DICT(0), list_at(LIST(1), i), (uint64_t)(i + 1));
    }
    check(DICT(0)->length == n, "re-setting moved keys adds nothing (length %lld)", (long long)DICT(0)->length);
    for (int64_t i = 0; i < n; i += 2)
        bad += !rpy_dict_delitem(DICT(0), list_at(LIST(1), i), true);
    for (int64_t i = 0; i < n; i++)
        bad += rpy_dict_lookup(DICT(0), list_at(LIST(1), i)) != -1 ? (i % 2 == 0)
                                                                     : (i % 2 == 1);
    check(bad == 0 && DICT(0)->length == n / 2 && no_exception(), "deleting every other one");
    /* Sets of instances: copy, intersection, difference, union, eq, with
     * fresh young keys on both sides. */
    f[3] = rpy_dict_copy(DICT(2));
    for (int64_t i = 0; i < 50; i++) {
        node *x = new_node(-1);
        rpy_dict_setitem(DICT(3), PTR(x), 0);
    }
    garbage(500);
    check(DICT(3)->length == n + 50 && !rpy_dict_eq(DICT(2), DICT(3), RPY_EQ_BITS), "copy + 50 young ones");
    f[3] = rpy_set_difference(DICT(3), DICT(2));
    check(DICT(3)->length == 50, "difference: the 50 young ones");
    f[3] = rpy_set_union(DICT(2), DICT(3));
    garbage(200);
    check(DICT(3)->length == n + 50, "union");
    f[3] = rpy_set_intersection(DICT(3), DICT(2));
    check(DICT(3)->length == n && rpy_dict_eq(DICT(3), DICT(2), RPY_EQ_BITS) &&
              rpy_dict_eq(DICT(2), DICT(3), RPY_EQ_BITS),
          "intersection == the original set");
    uint64_t minors = stats().minor_collections - minor0;
    check(minors > 0 || stats().nursery_size > 1000000, "some minor collections happened (%llu)",
          (unsigned long long)minors);
    unframe(f);
}

/* ---- tuple keys (RPY_KEY_CUSTOM) --------------------------------------------
 *
 * Tuples are built as generated code builds them: an object of the
 * tuple's own type id (T_PAIR, T_SI... above: one 8-byte slot per item
 * after the header, the slots holding strings or nested tuples listed as
 * GC pointers), the items stored right after the allocation (a young
 * object: no barrier), their own GC parts allocated first and reloaded
 * from root slots.  Key descriptors are prebuilt strings, as the
 * translator emits them.  The KeyError messages are what python3 prints
 * for `{}[key]`. */

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

static rpy_dict *tuple_dict(rpy_str *desc, uint32_t value_tid) {
    return rpy_dict_new(RPY_KEY_CUSTOM, RPY_TID_ARRAY_PTR, value_tid, desc);
}

/* Slot i of a tuple, and its pieces. */
static uint64_t slot(uint64_t t, int i) { return ((const uint64_t *)(uintptr_t)t)[1 + i]; }
static bool str_is(uint64_t s, const char *text) {
    const rpy_str *p = (const rpy_str *)(uintptr_t)s;
    if (p == NULL || text == NULL)
        return p == NULL && text == NULL;
    return p->length == (int64_t)strlen(text) && memcmp(p->data, text, (size_t)p->length) == 0;
}

/* (s, v) with s None when NULL */
static uint64_t *new_si(const char *s, int64_t v) {
    void **f = frame(1);
    f[0] = s != NULL ? new_str(s) : NULL;
    uint64_t *t = rpy_gc_malloc(T_SI);
    t[1] = PTR(f[0]);
    t[2] = (uint64_t)v;
    unframe(f);
    return t;
}

static uint64_t *new_fs(double x, const char *s) {
    void **f = frame(1);
    f[0] = new_str(s);
    uint64_t *t = rpy_gc_malloc(T_FS);
    t[1] = bits(x);
    t[2] = PTR(f[0]);
    unframe(f);
    return t;
}

static uint64_t *new_ff(double x, double y) {
    uint64_t *t = rpy_gc_malloc(T_FF);
    t[1] = bits(x);
    t[2] = bits(y);
    return t;
}

/* ((a, b), s) */
static uint64_t *new_nest(int64_t a, int64_t b, const char *s) {
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
static uint64_t *new_ns(const char *s) {
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
static uint64_t *new_sfb(const char *s, double x, bool b, uint64_t junk) {
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

static uint64_t *new_t1(int64_t v) {
    uint64_t *t = rpy_gc_malloc(T_T1);
    t[1] = (uint64_t)v;
    return t;
}

static uint64_t *new_t0(void) { return rpy_gc_malloc(T_T0); }

/* d[key] (in f[k]) raises KeyError: want */
static void check_key_error(void **f, int d, int k, const char *want) {
    rpy_dict_getitem(DICT(d), PTR(f[k]));
    check(raised(RPY_EXC_KEY, want), "KeyError: %s", want);
}

static const int64_t PRIME61 = ((int64_t)1 << 61) - 1;

/* (int, int): many keys, some pairs with equal hashes (x and x + 2**61 - 1
 * hash alike), found again through fresh tuples, deleted, re-inserted. */
static void test_tuple_int_pairs(int64_t n) {
    void **f = frame(3);
    f[0] = tuple_dict(d_ii, RPY_TID_ARRAY_I64);
    uint64_t minor0 = stats().minor_collections;
    for (int64_t i = 0; i < n; i++) {
        f[1] = new_pair(i % 100 - 50, i / 100);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)i);
        f[1] = new_pair(i % 100 - 50, i / 100 + PRIME61);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)-i);
        garbage((int)(i % 3));
        if (i == n / 2)
            rpy_gc_collect();
    }
    check(DICT(0)->length == 2 * n && no_exception(), "%lld (int, int) keys", (long long)(2 * n));
    int bad = 0;
    for (int64_t i = 0; i < n; i++) {
        f[1] = new_pair(i % 100 - 50, i / 100);
        bad += rpy_dict_getitem(DICT(0), PTR(f[1])) != (uint64_t)i;
        f[1] = new_pair(i % 100 - 50, i / 100 + PRIME61);
        bad += rpy_dict_getitem(DICT(0), PTR(f[1])) != (uint64_t)-i;
        f[1] = new_pair(i % 100 - 50, i / 100 + 2 * PRIME61); /* same hash again, absent */
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) != -1;
        f[1] = new_pair(i / 100, i % 100 - 50); /* swapped: absent unless symmetric */
        int64_t e = rpy_dict_lookup(DICT(0), PTR(f[1]));
        bad += e >= 0 && !((int64_t)slot(key_at(DICT(0), e), 0) == i / 100 &&
                           (int64_t)slot(key_at(DICT(0), e), 1) == i % 100 - 50);
    }
    check(bad == 0 && no_exception(), "(int, int) keys found through equal tuples, colliding ones kept apart");

    /* del every third (x, y), pop every fifth (x, y + P), then re-insert
     * the first ones: they go last. */
    for (int64_t i = 0; i < n; i++) {
        if (i % 3 == 0) {
            f[1] = new_pair(i % 100 - 50, i / 100);
            bad += !rpy_dict_delitem(DICT(0), PTR(f[1]), true);
        }
        if (i % 5 == 0) {
            f[1] = new_pair(i % 100 - 50, i / 100 + PRIME61);
            bad += rpy_dict_pop(DICT(0), PTR(f[1])) != (uint64_t)-i;
        }
    }
    int64_t live = 2 * n - (n + 2) / 3 - (n + 4) / 5;
    check(bad == 0 && DICT(0)->length == live && no_exception(), "del and pop of tuple keys");
    for (int64_t i = 0; i < n; i++) {
        f[1] = new_pair(i % 100 - 50, i / 100);
        bad += (rpy_dict_lookup(DICT(0), PTR(f[1])) >= 0) != (i % 3 != 0);
        f[1] = new_pair(i % 100 - 50, i / 100 + PRIME61);
        bad += (rpy_dict_lookup(DICT(0), PTR(f[1])) >= 0) != (i % 5 != 0);
    }
    check(bad == 0, "deleted tuple keys gone, the others there");
    for (int64_t i = 0; i < n; i += 3) {
        f[1] = new_pair(i % 100 - 50, i / 100);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)(i + 1000000));
        f[1] = new_pair(i % 100 - 50, i / 100); /* again: no new entry */
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)(i + 2000000));
    }
    check(DICT(0)->length == live + (n + 2) / 3, "re-inserted");
    /* Iteration order: the survivors as inserted, then the re-inserted. */
    int64_t e = rpy_dict_next(DICT(0), 0);
    for (int64_t i = 0; i < n; i++) {
        if (i % 3 != 0) {
            uint64_t k = key_at(DICT(0), e);
            bad += (int64_t)slot(k, 0) != i % 100 - 50 || (int64_t)slot(k, 1) != i / 100 ||
                   value_at(DICT(0), e) != (uint64_t)i;
            e = rpy_dict_next(DICT(0), e + 1);
        }
        if (i % 5 != 0) {
            uint64_t k = key_at(DICT(0), e);
            bad += (int64_t)slot(k, 0) != i % 100 - 50 || (int64_t)slot(k, 1) != i / 100 + PRIME61 ||
                   value_at(DICT(0), e) != (uint64_t)-i;
            e = rpy_dict_next(DICT(0), e + 1);
        }
    }
    for (int64_t i = 0; i < n; i += 3) {
        uint64_t k = key_at(DICT(0), e);
        bad += (int64_t)slot(k, 0) != i % 100 - 50 || (int64_t)slot(k, 1) != i / 100 ||
               value_at(DICT(0), e) != (uint64_t)(i + 2000000);
        e = rpy_dict_next(DICT(0), e + 1);
    }
    check(bad == 0 && e == -1, "iteration in insertion order");
    f[2] = rpy_dict_keys(DICT(0));
    check(LIST(2)->length == DICT(0)->length && list_at(LIST(2), 0) == key_at(DICT(0), rpy_dict_next(DICT(0), 0)),
          "list(d) of tuple keys");
    /* popitem takes the last re-inserted one. */
    e = rpy_dict_last_entry(DICT(0));
    int64_t last = (n - 1) / 3 * 3;
    check(e >= 0 && (int64_t)slot(key_at(DICT(0), e), 1) == last / 100, "popitem() of a tuple-keyed dict");
    rpy_dict_delete_entry(DICT(0), e);
    f[1] = new_pair(last % 100 - 50, last / 100);
    check(rpy_dict_lookup(DICT(0), PTR(f[1])) == -1 && rpy_dict_pop_default(DICT(0), PTR(f[1]), 77) == 77,
          "and it is gone");
    check(stats().minor_collections > minor0 || stats().nursery_size > 1000000, "collections happened");

    f[1] = new_pair(1000, 2);
    check_key_error(f, 0, 1, "(1000, 2)");
    f[1] = new_pair(-1, -7);
    rpy_dict_delitem(DICT(0), PTR(f[1]), true);
    check(raised(RPY_EXC_KEY, "(-1, -7)"), "del d[(-1, -7)]: KeyError: (-1, -7)");
    f[1] = new_pair(INT64_MIN, 0);
    rpy_dict_pop(DICT(0), PTR(f[1]));
    check(raised(RPY_EXC_KEY, "(-9223372036854775808, 0)"), "d.pop(missing): KeyError");
    f[0] = tuple_dict(d_ii, 0);
    f[1] = new_pair(1, 2);
    check_key_error(f, 0, 1, "(1, 2)");
    rpy_dict_delitem(DICT(0), PTR(f[1]), true);
    check(raised(RPY_EXC_KEY, "(1, 2)"), "set.remove((1, 2)): KeyError: (1, 2)");
    unframe(f);
}

/* (str or None, int) */
static void test_tuple_str_keys(int64_t n) {
    void **f = frame(3);
    f[0] = tuple_dict(d_si, RPY_TID_ARRAY_I64);
    char buf[32];
    for (int64_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 50));
        f[1] = new_si(buf, i / 50);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)i);
        garbage((int)(i % 4));
    }
    int bad = 0;
    for (int64_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 50));
        f[1] = new_si(buf, i / 50);
        bad += rpy_dict_getitem(DICT(0), PTR(f[1])) != (uint64_t)i;
        f[1] = new_si(buf, i / 50 + n);
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) != -1;
        snprintf(buf, sizeof buf, "t%lld", (long long)(i % 50));
        f[1] = new_si(buf, i / 50);
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) != -1;
    }
    check(bad == 0 && DICT(0)->length == n && no_exception(), "%lld (str, int) keys found by contents",
          (long long)n);
    for (int64_t i = 0; i < n; i += 2) {
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 50));
        f[1] = new_si(buf, i / 50);
        bad += !rpy_dict_delitem(DICT(0), PTR(f[1]), false);
    }
    for (int64_t i = 0; i < n; i += 4) {
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 50));
        f[1] = new_si(buf, i / 50);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)(i + 1));
    }
    int64_t e = rpy_dict_next(DICT(0), 0);
    for (int64_t i = 1; i < n; i += 2) {
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 50));
        uint64_t k = key_at(DICT(0), e);
        bad += !str_is(slot(k, 0), buf) || (int64_t)slot(k, 1) != i / 50 || value_at(DICT(0), e) != (uint64_t)i;
        e = rpy_dict_next(DICT(0), e + 1);
    }
    for (int64_t i = 0; i < n; i += 4) {
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 50));
        uint64_t k = key_at(DICT(0), e);
        bad += !str_is(slot(k, 0), buf) || (int64_t)slot(k, 1) != i / 50 || value_at(DICT(0), e) != (uint64_t)i + 1;
        e = rpy_dict_next(DICT(0), e + 1);
    }
    check(bad == 0 && e == -1 && DICT(0)->length == n / 2 + (n + 3) / 4, "(str, int): del, re-insert, order");

    /* None is not "None", and both are keys. */
    f[0] = tuple_dict(d_si, RPY_TID_ARRAY_I64);
    f[1] = new_si(NULL, 1);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 10);
    f[1] = new_si("None", 1);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 20);
    f[1] = new_si("", 1);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 30);
    f[1] = new_si(NULL, 1);
    bad = rpy_dict_getitem(DICT(0), PTR(f[1])) != 10;
    f[1] = new_si("None", 1);
    bad += rpy_dict_getitem(DICT(0), PTR(f[1])) != 20;
    f[1] = new_si("", 1);
    bad += rpy_dict_getitem(DICT(0), PTR(f[1])) != 30;
    check(bad == 0 && DICT(0)->length == 3 && no_exception(), "(None, 1), ('None', 1), ('', 1) are three keys");
    f[1] = new_si(NULL, 5);
    check_key_error(f, 0, 1, "(None, 5)");
    f[1] = new_si("a", 3);
    check_key_error(f, 0, 1, "('a', 3)");
    f[1] = new_si("it's", 1);
    check_key_error(f, 0, 1, "(\"it's\", 1)");
    f[1] = new_si("h\xc3\xa9", 0);
    check_key_error(f, 0, 1, "('h\xc3\xa9', 0)");
    unframe(f);
}

/* (float, str) and (float, float): 0.0 and -0.0 are one key, NaN only
 * finds the very same tuple. */
static void test_tuple_float_keys(int64_t n) {
    void **f = frame(3);
    f[0] = tuple_dict(d_fs, RPY_TID_ARRAY_I64);
    f[1] = new_fs(0.0, "x");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 1);
    f[1] = new_fs(-0.0, "x");
    check(rpy_dict_getitem(DICT(0), PTR(f[1])) == 1, "(-0.0, 'x') finds (0.0, 'x')");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 2);
    check(DICT(0)->length == 1 && slot(key_at(DICT(0), 0), 0) == bits(0.0) && value_at(DICT(0), 0) == 2,
          "d[(-0.0, 'x')] = 2 keeps the key (0.0, 'x')");
    f[1] = new_fs(0.0, "y");
    check(rpy_dict_lookup(DICT(0), PTR(f[1])) == -1, "(0.0, 'y') is another key");
    f[2] = new_fs(NAN, "x");
    rpy_dict_setitem(DICT(0), PTR(f[2]), 3);
    check(rpy_dict_getitem(DICT(0), PTR(f[2])) == 3, "a tuple holding NaN finds itself");
    f[1] = new_fs(NAN, "x");
    check(rpy_dict_lookup(DICT(0), PTR(f[1])) == -1, "an equal-looking tuple with NaN does not");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 4);
    check(DICT(0)->length == 3 && rpy_dict_getitem(DICT(0), PTR(f[2])) == 3 &&
              rpy_dict_getitem(DICT(0), PTR(f[1])) == 4,
          "two NaN keys, each its own");
    check(rpy_dict_delitem(DICT(0), PTR(f[2]), true) && DICT(0)->length == 2, "del of the NaN key by identity");
    int bad = 0;
    char buf[32];
    for (int64_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "f%d", (int)(i % 10));
        f[1] = new_fs((double)(i / 10) * 0.25 - 7, buf);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)i);
    }
    for (int64_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "f%d", (int)(i % 10));
        f[1] = new_fs((double)(i / 10) * 0.25 - 7, buf);
        bad += rpy_dict_getitem(DICT(0), PTR(f[1])) != (uint64_t)i;
        f[1] = new_fs((double)(i / 10) * 0.25 - 7 + 0.125, buf);
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) != -1;
    }
    check(bad == 0 && DICT(0)->length == n + 2 && no_exception(), "%lld (float, str) keys", (long long)n);
    f[0] = tuple_dict(d_fs, 0);
    f[1] = new_fs(1.5, "x");
    check_key_error(f, 0, 1, "(1.5, 'x')");
    f[1] = new_fs(-0.0, "y");
    check_key_error(f, 0, 1, "(-0.0, 'y')");
    f[1] = new_fs(NAN, "z");
    check_key_error(f, 0, 1, "(nan, 'z')");
    f[1] = new_fs(1e300, "a");
    check_key_error(f, 0, 1, "(1e+300, 'a')");
    f[1] = new_fs(INFINITY, "b");
    check_key_error(f, 0, 1, "(inf, 'b')");
    f[1] = new_fs(1e16, "c");
    check_key_error(f, 0, 1, "(1e+16, 'c')");

    /* (float, float): signs of zero anywhere; hash((1.0, 2.0)) is
     * hash((1, 2)), as Python's 1.0 == 1 asks. */
    f[0] = tuple_dict(d_ff, RPY_TID_ARRAY_I64);
    f[1] = new_ff(0.0, -0.0);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 1);
    f[1] = new_ff(-0.0, 0.0);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 2);
    f[1] = new_ff(1.0, 2.0);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 3);
    f[1] = new_ff(2.0, 1.0);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 4);
    check(DICT(0)->length == 3 && value_at(DICT(0), 0) == 2, "(0.0, -0.0) == (-0.0, 0.0); (1.0, 2.0) != (2.0, 1.0)");
    f[2] = tuple_dict(d_ii, RPY_TID_ARRAY_I64);
    f[1] = new_pair(1, 2);
    rpy_dict_setitem(DICT(2), PTR(f[1]), 0);
    int64_t hf = ((const int64_t *)(const void *)DICT(0)->hashes->items)[1];
    int64_t hi = ((const int64_t *)(const void *)DICT(2)->hashes->items)[0];
    int64_t hs = ((const int64_t *)(const void *)DICT(0)->hashes->items)[2];
    check(hf == hi && hf != hs, "hash((1.0, 2.0)) == hash((1, 2)) != hash((2.0, 1.0))");
    unframe(f);
}

/* ((int, int), str) */
static void test_tuple_nested_keys(int64_t n) {
    void **f = frame(3);
    f[0] = tuple_dict(d_nest, RPY_TID_ARRAY_F64);
    char buf[32];
    /* Key i is ((i % 30, i / 90), "n<i / 30 % 3>"). */
    for (int64_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "n%d", (int)(i / 30 % 3));
        f[1] = new_nest(i % 30, i / 90, buf);
        rpy_dict_setitem(DICT(0), PTR(f[1]), bits((double)i / 4));
        garbage((int)(i % 2));
    }
    int bad = 0;
    for (int64_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "n%d", (int)(i / 30 % 3));
        f[1] = new_nest(i % 30, i / 90, buf);
        bad += as_double(rpy_dict_getitem(DICT(0), PTR(f[1]))) != (double)i / 4;
        f[1] = new_nest(i % 30, i / 90, "m");
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) != -1;
        f[1] = new_nest(i % 30 + 30, i / 90, buf);
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) != -1;
    }
    check(bad == 0 && DICT(0)->length == n && no_exception(), "%lld ((int, int), str) keys", (long long)n);
    for (int64_t i = 0; i < n; i += 7) {
        snprintf(buf, sizeof buf, "n%d", (int)(i / 30 % 3));
        f[1] = new_nest(i % 30, i / 90, buf);
        bad += as_double(rpy_dict_pop(DICT(0), PTR(f[1]))) != (double)i / 4;
    }
    check(bad == 0 && DICT(0)->length == n - (n + 6) / 7, "pop of nested keys");
    f[1] = new_nest(1, 2, "x");
    check_key_error(f, 0, 1, "((1, 2), 'x')");
    f[1] = new_nest(-5, 0, "a\nb");
    check_key_error(f, 0, 1, "((-5, 0), 'a\\nb')");
    unframe(f);
}

/* The other item kinds and sizes: None, bool, 1-tuples, (). */
static void test_tuple_other_keys(void) {
    void **f = frame(3);
    f[0] = tuple_dict(d_ns, RPY_TID_ARRAY_I64);
    f[1] = new_ns("a");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 1);
    f[1] = new_ns("b");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 2);
    f[1] = new_ns("a");
    check(DICT(0)->length == 2 && rpy_dict_getitem(DICT(0), PTR(f[1])) == 1, "(None, str) keys");
    f[1] = new_ns("c");
    check_key_error(f, 0, 1, "(None, 'c')");

    f[0] = tuple_dict(d_sfb, RPY_TID_ARRAY_I64);
    f[1] = new_sfb("a", 1.5, true, 0);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 1);
    f[1] = new_sfb("a", 1.5, false, 0);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 2);
    f[1] = new_sfb("a", 1.5, true, 0xabcdef); /* only the first byte counts */
    bool ok = DICT(0)->length == 2 && rpy_dict_getitem(DICT(0), PTR(f[1])) == 1;
    f[1] = new_sfb("a", 1.5, false, 0x77);
    ok &= rpy_dict_getitem(DICT(0), PTR(f[1])) == 2;
    check(ok && no_exception(), "(str, float, bool) keys");
    f[1] = new_sfb("a", 1.5, true, 0x55);
    rpy_dict_delitem(DICT(0), PTR(f[1]), true);
    check_key_error(f, 0, 1, "('a', 1.5, True)");
    f[1] = new_sfb("b", -2.0, false, 0);
    check_key_error(f, 0, 1, "('b', -2.0, False)");

    f[0] = tuple_dict(d_t1, RPY_TID_ARRAY_I64);
    for (int64_t i = 0; i < 100; i++) {
        f[1] = new_t1(i);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)i);
    }
    f[1] = new_t1(42);
    check(DICT(0)->length == 100 && rpy_dict_getitem(DICT(0), PTR(f[1])) == 42, "1-tuple keys");
    f[1] = new_t1(5);
    rpy_dict_delitem(DICT(0), PTR(f[1]), true);
    check_key_error(f, 0, 1, "(5,)");

    f[0] = tuple_dict(d_t0, RPY_TID_ARRAY_I64);
    f[1] = new_t0();
    check_key_error(f, 0, 1, "()");
    rpy_dict_setitem(DICT(0), PTR(f[1]), 7);
    f[1] = new_t0();
    rpy_dict_setitem(DICT(0), PTR(f[1]), 8);
    f[1] = new_t0();
    check(DICT(0)->length == 1 && rpy_dict_getitem(DICT(0), PTR(f[1])) == 8, "() is one key");
    unframe(f);
}

/* Sets of tuples: |, &, -, ==, |=, set(list). */
static rpy_dict *si_set_range(int64_t lo, int64_t hi, bool reverse) {
    void **f = frame(2);
    f[0] = tuple_dict(d_si, 0);
    char buf[32];
    for (int64_t k = lo; k < hi; k++) {
        int64_t i = reverse ? hi - 1 - (k - lo) : k;
        snprintf(buf, sizeof buf, "s%lld", (long long)i);
        f[1] = new_si(buf, i % 7);
        rpy_dict_setitem(DICT(0), PTR(f[1]), 0);
    }
    rpy_dict *s = DICT(0);
    unframe(f);
    return s;
}

/* The set's members are ("s<i>", i % 7) for i = first, first + 1, ... */
static bool si_members_are(rpy_dict *s, int64_t first, int64_t n) {
    char buf[32];
    int64_t i = first, e;
    for (e = rpy_dict_next(s, 0); e >= 0; e = rpy_dict_next(s, e + 1), i++) {
        snprintf(buf, sizeof buf, "s%lld", (long long)i);
        if (!str_is(slot(key_at(s, e), 0), buf) || (int64_t)slot(key_at(s, e), 1) != i % 7)
            return false;
    }
    return i == first + n && s->length == n;
}

static void test_tuple_sets(void) {
    void **f = frame(5);
    f[0] = si_set_range(0, 300, false);
    f[1] = si_set_range(200, 500, false);
    f[2] = rpy_set_union(DICT(0), DICT(1));
    check(si_members_are(DICT(2), 0, 500), "a | b of tuple sets, in order");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    check(si_members_are(DICT(2), 200, 100), "a & b");
    f[2] = rpy_set_difference(DICT(0), DICT(1));
    check(si_members_are(DICT(2), 0, 200), "a - b");
    f[2] = rpy_set_difference(DICT(1), DICT(0));
    check(si_members_are(DICT(2), 300, 200), "b - a");
    f[2] = si_set_range(0, 300, true);
    check(rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS) && rpy_dict_eq(DICT(2), DICT(0), RPY_EQ_BITS),
          "equal tuple sets built in opposite orders");
    f[3] = new_si("s5", 5);
    rpy_dict_delitem(DICT(2), PTR(f[3]), true);
    check(!rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS) && no_exception(), "one member fewer: unequal");
    f[3] = new_si("s5", 6);
    rpy_dict_setitem(DICT(2), PTR(f[3]), 0);
    check(!rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS), "same length, one member differs: unequal");
    f[3] = new_si("s5", 6);
    rpy_dict_delitem(DICT(2), PTR(f[3]), true);
    f[3] = new_si("s5", 5);
    rpy_dict_setitem(DICT(2), PTR(f[3]), 0);
    check(rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS), "equal again");
    f[3] = new_si("s999", 0);
    rpy_dict_delitem(DICT(2), PTR(f[3]), true);
    check(raised(RPY_EXC_KEY, "('s999', 0)"), "set.remove(missing tuple): KeyError");
    /* |= and set(list) of fresh equal tuples. */
    f[2] = rpy_dict_copy(DICT(0));
    rpy_dict_update(DICT(2), DICT(1));
    check(si_members_are(DICT(2), 0, 500) && si_members_are(DICT(0), 0, 300), "a.copy() |= b");
    f[3] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    for (int64_t i = 0; i < 600; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 300));
        f[4] = new_si(buf, i % 300 % 7);
        rpy_list_append(LIST(3), PTR(f[4]));
    }
    f[2] = tuple_dict(d_si, 0);
    rpy_set_add_all(DICT(2), LIST(3));
    check(si_members_are(DICT(2), 0, 300) && rpy_dict_eq(DICT(2), DICT(0), RPY_EQ_BITS), "set(list of tuples)");
    /* Sets of nested tuples. */
    f[0] = tuple_dict(d_nest, 0);
    f[1] = tuple_dict(d_nest, 0);
    for (int64_t i = 0; i < 200; i++) {
        f[2] = new_nest(i, -i, i % 2 ? "odd" : "even");
        rpy_dict_setitem(DICT(0), PTR(f[2]), 0);
        f[2] = new_nest(199 - i, i - 199, (199 - i) % 2 ? "odd" : "even");
        rpy_dict_setitem(DICT(1), PTR(f[2]), 0);
    }
    check(DICT(0)->length == 200 && rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS), "sets of nested tuples equal");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    f[3] = rpy_set_difference(DICT(0), DICT(1));
    check(DICT(2)->length == 200 && DICT(3)->length == 0, "& and - of nested tuple sets");
    unframe(f);
}

/* d == d2 for tuple-keyed dicts, and copies. */
static void test_tuple_dict_eq(void) {
    void **f = frame(4);
    f[0] = tuple_dict(d_ii, RPY_TID_ARRAY_I64);
    f[1] = tuple_dict(d_ii, RPY_TID_ARRAY_I64);
    for (int64_t i = 0; i < 500; i++) {
        f[2] = new_pair(i, i % 5);
        rpy_dict_setitem(DICT(0), PTR(f[2]), (uint64_t)i);
        f[2] = new_pair(499 - i, (499 - i) % 5);
        rpy_dict_setitem(DICT(1), PTR(f[2]), (uint64_t)(499 - i));
    }
    check(rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS) && rpy_dict_eq(DICT(1), DICT(0), RPY_EQ_BITS),
          "equal tuple-keyed dicts, built in opposite orders");
    f[2] = new_pair(0, 0);
    rpy_dict_setitem(DICT(1), PTR(f[2]), 99);
    check(!rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS), "a value differs");
    f[2] = new_pair(0, 0);
    rpy_dict_delitem(DICT(1), PTR(f[2]), true);
    f[2] = new_pair(0, 1);
    rpy_dict_setitem(DICT(1), PTR(f[2]), 0);
    check(!rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS), "a key differs");
    f[3] = rpy_dict_copy(DICT(0));
    f[2] = new_pair(7, 2);
    check(rpy_dict_eq(DICT(0), DICT(3), RPY_EQ_BITS) && rpy_dict_getitem(DICT(3), PTR(f[2])) == 7 &&
              DICT(3)->key_desc == d_ii,
          "copy of a tuple-keyed dict");
    rpy_dict_setitem(DICT(3), PTR(f[2]), 70);
    check(rpy_dict_getitem(DICT(0), PTR(f[2])) == 7, "the copy is independent");

    /* Keys compared with ==: 0.0 == -0.0, NaN == NaN only for the same
     * tuple (as CPython: d == d.copy() holds with a NaN key). */
    f[0] = tuple_dict(d_fs, RPY_TID_ARRAY_I64);
    f[1] = tuple_dict(d_fs, RPY_TID_ARRAY_I64);
    f[2] = new_fs(0.0, "z");
    rpy_dict_setitem(DICT(0), PTR(f[2]), 1);
    f[2] = new_fs(-0.0, "z");
    rpy_dict_setitem(DICT(1), PTR(f[2]), 1);
    check(rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS), "{(0.0, 'z'): 1} == {(-0.0, 'z'): 1}");
    f[2] = new_fs(NAN, "n");
    rpy_dict_setitem(DICT(0), PTR(f[2]), 2);
    f[3] = rpy_dict_copy(DICT(0));
    check(rpy_dict_eq(DICT(0), DICT(3), RPY_EQ_BITS), "a dict with a NaN key equals its copy");
    f[2] = new_fs(NAN, "n");
    rpy_dict_setitem(DICT(1), PTR(f[2]), 2);
    check(!rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS), "but not a dict with another NaN tuple");
    unframe(f);
}

/* Lookups, hits, deletes and eq allocate nothing with tuple keys either
 * (hashing a fresh string caches its hash in place). */
static void test_tuple_no_allocation(void) {
    void **f = frame(4);
    f[0] = tuple_dict(d_nest, RPY_TID_ARRAY_I64);
    for (int64_t i = 0; i < 100; i++) {
        f[1] = new_nest(i, i * 3, "w");
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)i);
    }
    f[1] = new_nest(50, 150, "w");
    f[2] = new_nest(50, 150, "x");
    f[3] = rpy_dict_copy(DICT(0));
    uint64_t before = stats().bytes_allocated;
    bool ok = rpy_dict_lookup(DICT(0), PTR(f[1])) == 50 && rpy_dict_getitem(DICT(0), PTR(f[1])) == 50;
    ok &= rpy_dict_lookup(DICT(0), PTR(f[2])) == -1;
    rpy_dict_setitem(DICT(0), PTR(f[1]), 5000);
    ok &= rpy_dict_eq(DICT(3), DICT(3), RPY_EQ_BITS) && !rpy_dict_eq(DICT(0), DICT(3), RPY_EQ_BITS);
    ok &= rpy_dict_pop_default(DICT(0), PTR(f[1]), 1) == 5000 && rpy_dict_delitem(DICT(3), PTR(f[1]), true);
    ok &= !rpy_dict_delitem(DICT(3), PTR(f[1]), false);
    rpy_dict_setitem(DICT(0), PTR(f[1]), 1); /* room was left by the deletion */
    uint64_t after = stats().bytes_allocated;
    check(ok && before == after && no_exception(), "tuple keys: lookup, set, eq, pop, del allocate nothing");
    unframe(f);
}

/* rpy_dict_new checks what it is given. */
DESC(d_bad1, "T2;i");
DESC(d_bad2, "T2;iLi");
DESC(d_bad3, "T2;iix");
DESC(d_bad4, "T;i");
DESC(d_bad5, "i");
DESC(d_bad6, "T1;Dii");
DESC(d_bad7, "");

static void test_tuple_key_desc_checks(void) {
    void **f = frame(1);
    f[0] = rpy_dict_new(RPY_KEY_CUSTOM, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    check(f[0] == NULL && raised(RPY_EXC_TYPE, NULL), "tuple keys without a descriptor: TypeError");
    rpy_str *bad[] = {d_bad1, d_bad2, d_bad3, d_bad4, d_bad5, d_bad6, d_bad7};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        f[0] = rpy_dict_new(RPY_KEY_CUSTOM, RPY_TID_ARRAY_PTR, 0, bad[i]);
        check(f[0] == NULL && raised(RPY_EXC_TYPE, NULL), "bad key descriptor \"%s\": TypeError", bad[i]->data);
    }
    f[0] = rpy_dict_new(RPY_KEY_CUSTOM, RPY_TID_ARRAY_I64, 0, d_ii);
    check(f[0] == NULL && raised(RPY_EXC_TYPE, NULL), "tuple keys in an I64 array: TypeError");
    f[0] = rpy_dict_new(9, RPY_TID_ARRAY_I64, 0, NULL);
    check(f[0] == NULL && raised(RPY_EXC_TYPE, NULL), "unknown key kind: TypeError");
    f[0] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, 0, d_ii);
    check(f[0] != NULL && DICT(0)->key_desc == NULL && no_exception(), "a descriptor is ignored for int keys");
    unframe(f);
}

/* The hashes spread: n distinct small pairs fill about as many distinct
 * low-16-bit values as random numbers would, and no (a, b) shares its
 * hash with (b, a). */
static void test_tuple_hash_quality(void) {
    void **f = frame(2);
    f[0] = tuple_dict(d_ii, 0);
    for (int64_t i = 0; i < 4096; i++) {
        f[1] = new_pair(i % 64, i / 64);
        rpy_dict_setitem(DICT(0), PTR(f[1]), 0);
    }
    static unsigned char seen[65536];
    memset(seen, 0, sizeof seen);
    const int64_t *h = (const int64_t *)(const void *)DICT(0)->hashes->items;
    int distinct = 0, swapped = 0;
    for (int64_t e = 0; e < 4096; e++) {
        distinct += !seen[h[e] & 0xffff];
        seen[h[e] & 0xffff] = 1;
        int64_t a = e % 64, b = e / 64;
        swapped += a != b && h[e] == h[b + 64 * a];
    }
    /* Random: 65536 * (1 - exp(-4096 / 65536)) = 3971 expected. */
    check(distinct > 3850 && swapped == 0,
          "(int, int) hashes spread: %d distinct low 16 bits of 4096, %d swaps collide", distinct, swapped);
    unframe(f);
}

/* ---- sets ------------------------------------------------------------------- */

static rpy_dict *int_set_of(const int64_t *keys, int n) {
    rpy_dict *s = int_set();
    for (int i = 0; i < n; i++)
        rpy_dict_setitem(s, (uint64_t)keys[i], 0);
    return s;
}

static void test_sets(void) {
    void **f = frame(4);
    static const int64_t a[] = {5, 1, 9, 3, 7}, b[] = {4, 9, 5, 8};
    f[0] = int_set_of(a, 5);
    f[1] = int_set_of(b, 4);
    check(DICT(0)->values == NULL && DICT(0)->length == 5, "a set has no values");
    check(rpy_dict_getitem(DICT(0), 9) == 1 && no_exception(), "membership");
    f[2] = rpy_set_union(DICT(0), DICT(1));
    static const int64_t u[] = {5, 1, 9, 3, 7, 4, 8};
    check(int_keys_are(DICT(2), u, 7), "a | b in order");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    static const int64_t in[] = {5, 9};
    check(int_keys_are(DICT(2), in, 2), "a & b in a's order");
    f[2] = rpy_set_intersection(DICT(1), DICT(0));
    static const int64_t in2[] = {9, 5};
    check(int_keys_are(DICT(2), in2, 2), "b & a in b's order");
    f[2] = rpy_set_difference(DICT(0), DICT(1));
    static const int64_t d[] = {1, 3, 7};
    check(int_keys_are(DICT(2), d, 3), "a - b");
    f[2] = rpy_set_difference(DICT(1), DICT(0));
    static const int64_t d2[] = {4, 8};
    check(int_keys_are(DICT(2), d2, 2), "b - a");
    f[3] = int_set();
    f[2] = rpy_set_union(DICT(3), DICT(3));
    check(DICT(2)->length == 0, "empty | empty");
    f[2] = rpy_set_intersection(DICT(0), DICT(3));
    check(DICT(2)->length == 0, "a & empty");
    f[2] = rpy_set_difference(DICT(0), DICT(3));
    check(int_keys_are(DICT(2), a, 5), "a - empty");
    f[2] = rpy_set_difference(DICT(3), DICT(0));
    check(DICT(2)->length == 0, "empty - a");

    static const int64_t a2[] = {7, 3, 9, 1, 5};
    f[2] = int_set_of(a2, 5);
    check(rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS), "sets equal in any order");
    rpy_dict_delitem(DICT(2), 3, true);
    check(!rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS), "different lengths");
    rpy_dict_setitem(DICT(2), 4, 0);
    check(!rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS), "same length, different keys");
    check(rpy_dict_eq(DICT(3), DICT(3), RPY_EQ_BITS), "empty == empty");

    /* remove / discard / pop */
    rpy_dict_delitem(DICT(2), 100, true);
    check(raised(RPY_EXC_KEY, "100"), "set.remove(100): KeyError: 100");
    check(!rpy_dict_delitem(DICT(2), 100, false) && no_exception(), "set.discard(100)");
    rpy_dict_last_entry(DICT(3));
    check(raised(RPY_EXC_KEY, "'pop from an empty set'"), "set().pop()");
    /* |= */
    rpy_dict_update(DICT(0), DICT(1));
    check(int_keys_are(DICT(0), u, 7), "a |= b");
    rpy_dict_update(DICT(0), DICT(0));
    check(int_keys_are(DICT(0), u, 7), "a |= a");

    /* String sets, with young strings on both sides. */
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, 0, NULL);
    f[1] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, 0, NULL);
    for (int i = 0; i < 400; i++) {
        f[2] = new_strf("s%d", i);
        rpy_dict_setitem(DICT(0), PTR(f[2]), 0);
        f[2] = new_strf("s%d", i + 200);
        rpy_dict_setitem(DICT(1), PTR(f[2]), 0);
    }
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    int bad = DICT(2)->length != 200;
    for (int64_t e = rpy_dict_next(DICT(2), 0), k = 200; e >= 0; e = rpy_dict_next(DICT(2), e + 1), k++)
        bad += str_number(key_at(DICT(2), e)) != k;
    f[3] = rpy_set_union(DICT(0), DICT(1));
    bad += DICT(3)->length != 600;
    for (int64_t e = rpy_dict_next(DICT(3), 0), k = 0; e >= 0; e = rpy_dict_next(DICT(3), e + 1), k++)
        bad += str_number(key_at(DICT(3), e)) != k;
    f[3] = rpy_set_difference(DICT(1), DICT(0));
    bad += DICT(3)->length != 200;
    for (int64_t e = rpy_dict_next(DICT(3), 0), k = 400; e >= 0; e = rpy_dict_next(DICT(3), e + 1), k++)
        bad += str_number(key_at(DICT(3), e)) != k;
    check(bad == 0, "string sets: &, |, - and their order");
    f[2] = rpy_dict_keys(DICT(3));
    check(LIST(2)->length == 200 && LIST(2)->items->hdr.tid == RPY_TID_ARRAY_PTR &&
              str_number(list_at(LIST(2), 0)) == 400 && str_number(list_at(LIST(2), 199)) == 599,
          "list(set of str)");
    unframe(f);
}

/* ---- update, copy, clear, eq ------------------------------------------------ */

static void test_update_copy_clear(void) {
    void **f = frame(3);
    f[0] = int_dict();
    f[1] = int_dict();
    for (int64_t i = 0; i < 10; i++)
        rpy_dict_setitem(DICT(0), (uint64_t)i, (uint64_t)i);
    for (int64_t i = 5; i < 15; i++)
        rpy_dict_setitem(DICT(1), (uint64_t)(19 - i), (uint64_t)(100 + i));
    rpy_dict_update(DICT(0), DICT(1));
    static const int64_t order[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 13, 12, 11, 10};
    check(int_keys_are(DICT(0), order, 15), "update: new keys last, in other's order");
    check(rpy_dict_getitem(DICT(0), 9) == 110 && rpy_dict_getitem(DICT(0), 5) == 114 &&
              rpy_dict_getitem(DICT(0), 4) == 4,
          "update overwrites values");

    f[2] = rpy_dict_copy(DICT(0));
    check(rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS) && int_keys_are(DICT(2), order, 15), "copy equals");
    rpy_dict_setitem(DICT(2), 100, 1);
    rpy_dict_delitem(DICT(2), 0, true);
    check(DICT(0)->length == 15 && rpy_dict_lookup(DICT(0), 100) == -1 && rpy_dict_getitem(DICT(0), 0) == 0,
          "copy is independent");
    rpy_dict_clear(DICT(2));
    check(DICT(2)->length == 0 && rpy_dict_next(DICT(2), 0) == -1 && rpy_dict_lookup(DICT(2), 5) == -1,
          "clear");
    rpy_dict_setitem(DICT(2), 5, 55);
    check(DICT(2)->length == 1 && rpy_dict_getitem(DICT(2), 5) == 55, "usable after clear");
    f[2] = rpy_dict_copy(DICT(1));
    rpy_dict_clear(DICT(1));
    check(DICT(2)->length == 10 && DICT(1)->length == 0, "clear leaves the copy alone");
    f[2] = rpy_dict_copy(DICT(1));
    check(DICT(2)->length == 0 && DICT(2)->value_tid == RPY_TID_ARRAY_I64, "copy of an empty dict");
    rpy_dict_setitem(DICT(2), 1, 2);
    check(DICT(1)->length == 0 && rpy_dict_getitem(DICT(2), 1) == 2, "copy of empty, then insert");
    f[2] = int_set();
    rpy_dict_setitem(DICT(2), 3, 0);
    f[2] = rpy_dict_copy(DICT(2));
    check(DICT(2)->values == NULL && DICT(2)->length == 1 && rpy_dict_lookup(DICT(2), 3) == 0, "copy of a set");
    /* A set updated from a dict: keys only. */
    rpy_dict_update(DICT(2), DICT(0));
    check(DICT(2)->length == 15 && DICT(2)->values == NULL, "set |= dict keys");

    /* eq with each kind of value. */
    f[0] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, RPY_TID_ARRAY_F64, NULL);
    f[1] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, RPY_TID_ARRAY_F64, NULL);
    rpy_dict_setitem(DICT(0), 1, bits(0.0));
    rpy_dict_setitem(DICT(0), 2, bits(1.5));
    rpy_dict_setitem(DICT(1), 2, bits(1.5));
    rpy_dict_setitem(DICT(1), 1, bits(-0.0));
    check(rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_FLOAT) && !rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS),
          "float values: 0.0 == -0.0 by value, not by bits");
    rpy_dict_setitem(DICT(0), 3, bits(NAN));
    rpy_dict_setitem(DICT(1), 3, bits(NAN));
    check(!rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_FLOAT), "nan values are unequal");
    f[0] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, RPY_TID_ARRAY_PTR, NULL);
    f[1] = rpy_dict_new(RPY_KEY_INT, RPY_TID_ARRAY_I64, RPY_TID_ARRAY_PTR, NULL);
    f[2] = new_str("x");
    rpy_dict_setitem(DICT(0), 1, PTR(f[2]));
    f[2] = new_str("x");
    rpy_dict_setitem(DICT(1), 1, PTR(f[2]));
    rpy_dict_setitem(DICT(0), 2, 0);
    rpy_dict_setitem(DICT(1), 2, 0);
    check(rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_STR) && !rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_BITS),
          "str values compare by contents (None == None)");
    f[2] = new_str("y");
    rpy_dict_setitem(DICT(1), 1, PTR(f[2]));
    check(!rpy_dict_eq(DICT(0), DICT(1), RPY_EQ_STR), "different str values");
    unframe(f);
}

/* ---- no allocation where generated code may assume none ------------------ */

static void test_no_allocation(void) {
    void **f = frame(3);
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    for (int i = 0; i < 100; i++) {
        f[1] = new_strf("w%d", i);
        rpy_dict_setitem(DICT(0), PTR(f[1]), (uint64_t)i);
    }
    f[1] = new_str("w50");
    f[2] = rpy_dict_copy(DICT(0));
    uint64_t before = stats().bytes_allocated;
    bool ok = rpy_dict_lookup(DICT(0), PTR(f[1])) == 50 && rpy_dict_getitem(DICT(0), PTR(f[1])) == 50;
    rpy_dict_setitem(DICT(0), PTR(f[1]), 5000); /* an existing key */
    ok &= rpy_dict_next(DICT(0), 10) == 10 && rpy_dict_eq(DICT(0), DICT(0), RPY_EQ_BITS);
    ok &= !rpy_dict_eq(DICT(0), DICT(2), RPY_EQ_BITS);
    ok &= rpy_dict_pop_default(DICT(0), PTR(f[1]), 1) == 5000 && rpy_dict_delitem(DICT(2), PTR(f[1]), true);
    ok &= !rpy_dict_delitem(DICT(2), PTR(f[1]), false);
    rpy_dict_delete_entry(DICT(0), rpy_dict_last_entry(DICT(0)));
    rpy_dict_setitem(DICT(0), PTR(f[1]), 1); /* room was left by the deletions */
    uint64_t after = stats().bytes_allocated;
    check(ok && before == after && no_exception(), "lookup, get, set existing, next, eq, pop, del: no allocation");
    unframe(f);
}

/* ---- the collector: dicts of strings growing across collections -------- */

static void test_word_count(int n_words, int distinct) {
    void **f = frame(3);
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    uint64_t minor0 = stats().minor_collections;
    for (int i = 0; i < n_words; i++) {
        int w = (int)((uint64_t)i * 2654435761u % (uint64_t)distinct);
        f[1] = new_strf("word%d", w); /* a fresh string each time, as split() gives */
        int64_t e = rpy_dict_lookup(DICT(0), PTR(f[1]));
        uint64_t count = e >= 0 ? value_at(DICT(0), e) : 0;
        rpy_dict_setitem(DICT(0), PTR(f[1]), count + 1);
    }
    int bad = 0;
    int64_t total = 0;
    for (int64_t e = rpy_dict_next(DICT(0), 0); e >= 0; e = rpy_dict_next(DICT(0), e + 1))
        total += (int64_t)value_at(DICT(0), e);
    for (int w = 0; w < distinct; w++) {
        f[1] = new_strf("word%d", w);
        bad += rpy_dict_lookup(DICT(0), PTR(f[1])) < 0;
    }
    check(bad == 0 && total == n_words && DICT(0)->length == distinct, "word count: %d words, %d distinct",
          n_words, distinct);
    /* Values that are GC pointers too: a dict of str -> str whose arrays
     * are old while it keeps receiving young strings. */
    f[0] = rpy_dict_new(RPY_KEY_STR, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_PTR, NULL);
    for (int i = 0; i < n_words / 4; i++) {
        f[1] = new_strf("k%d", i % distinct);
        f[2] = new_strf("v%d", i);
        rpy_dict_setitem(DICT(0), PTR(f[1]), PTR(f[2]));
        garbage(i % 5);
    }
    bad = 0;
    int last_round = (n_words / 4 - 1) / distinct;
    for (int k = 0; k < distinct; k++) {
        int i = last_round * distinct + k;
        if (i >= n_words / 4)
            i -= distinct;
        f[1] = new_strf("k%d", k);
        bad += str_number(rpy_dict_getitem(DICT(0), PTR(f[1]))) != i;
    }
    f[2] = rpy_dict_values(DICT(0));
    for (int k = 0; k < LIST(2)->length; k++)
        bad += str_number(list_at(LIST(2), k)) < 0;
    check(bad == 0 && no_exception(), "str -> str dict, last values win");
    check(stats().minor_collections > minor0 || stats().nursery_size > 1000000, "collections happened");
    unframe(f);
}

/* ---- random operations against a model ------------------------------------
 *
 * The model is a list of (key id, value, live) in insertion order,
 * searched linearly.  A key id stands for the key: the int itself, the
 * float's bits (compared with ==, or identical bits), "k<id>" for a
 * string (a fresh object each time), the node whose value is the id
 * (a pool of nodes, renewed now and then), the pair (id / 64, id % 64),
 * or the nested tuple ((id % 64, id / 64), "k<id % 3>"). */

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
static uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static const double float_pool[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0, 1e300, -1e-300, INFINITY, -INFINITY,
                                    3.0, 4.0, 1e16, 0.1, 0.2, 0.30000000000000004, 5e-324, 2305843009213693951.0};

static bool model_eq(int kind, uint64_t a, uint64_t b) {
    if (kind == R_FLOAT)
        return a == b || as_double(a) == as_double(b);
    return a == b;
}

static int64_t model_find(int kind, uint64_t key) {
    for (int64_t i = 0; i < model_used; i++)
        if (model[i].live && model_eq(kind, model[i].key, key))
            return i;
    return -1;
}

static void model_set(int kind, uint64_t key, int64_t value) {
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

static void model_del(int64_t i) {
    model[i].live = false;
    model_len--;
    while (model_used > 0 && !model[model_used - 1].live)
        model_used--;
}

/* A random key id for this kind. */
static uint64_t random_id(int kind, int64_t range) {
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

/* Key id of a key stored in the dict. */
static uint64_t id_of_key(int kind, uint64_t key) {
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

/* The tids and value representation for each kind: str keys get GC
 * pointer values (nodes), tuple keys float values. */
static uint32_t key_tid_of(int kind) {
    return kind == R_INT ? RPY_TID_ARRAY_I64 : kind == R_FLOAT ? RPY_TID_ARRAY_F64 : RPY_TID_ARRAY_PTR;
}
static uint32_t value_tid_of(int kind) {
    return kind == R_STR ? RPY_TID_ARRAY_PTR : kind >= R_CUSTOM ? RPY_TID_ARRAY_F64 : RPY_TID_ARRAY_I64;
}
static int64_t value_of(int kind, uint64_t v) {
    if (kind == R_STR)
        return node_value(v);
    if (kind >= R_CUSTOM)
        return (int64_t)as_double(v);
    return (int64_t)v;
}

/* Frame slots of test_random: */
enum { F_DICT, F_POOL, F_KEY, F_VALUE, F_COPY, F_LIST, F_SLOTS };

/* The key for id into f[F_KEY] (allocating for str and tuples); returns
 * it as the dict wants it. */
static uint64_t make_key(void **f, int kind, uint64_t id) {
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
static uint64_t model_id(int kind, uint64_t id, uint64_t key) {
    return kind == R_IDENTITY ? (uint64_t)node_value(key) : id;
}

/* The key again after an allocation (it may have moved). */
static uint64_t reload_key(void **f, int kind, uint64_t id) {
    if (kind == R_STR || kind >= R_CUSTOM)
        return PTR(f[F_KEY]);
    return make_key(f, kind, id);
}

static uint64_t make_value(void **f, int kind, int64_t v) {
    if (kind == R_STR) {
        f[F_VALUE] = new_node(v);
        return PTR(f[F_VALUE]);
    }
    if (kind >= R_CUSTOM)
        return bits((double)v);
    return (uint64_t)v;
}

static bool dict_matches_model(rpy_dict *d, int kind, bool is_set) {
    if (d->length != model_len)
        return false;
    int64_t e = rpy_dict_next(d, 0);
    for (int64_t i = 0; i < model_used; i++) {
        if (!model[i].live)
            continue;
        if (e < 0 || id_of_key(kind, key_at(d, e)) != model[i].key)
            return false;
        if (!is_set && value_of(kind, value_at(d, e)) != model[i].value)
            return false;
        e = rpy_dict_next(d, e + 1);
    }
    return e == -1;
}

static void test_random(int kind, bool is_set, int64_t n_ops, int64_t range) {
    void **f = frame(F_SLOTS);
    rpy_str *desc = kind == R_CUSTOM ? d_ii : kind == R_NESTED ? d_nest : NULL;
    int key_kind = kind == R_INT        ? RPY_KEY_INT
                   : kind == R_FLOAT    ? RPY_KEY_FLOAT
                   : kind == R_STR      ? RPY_KEY_STR
                   : kind == R_IDENTITY ? RPY_KEY_IDENTITY
                                        : RPY_KEY_CUSTOM; /* both tuple kinds */
    uint32_t vtid = is_set ? 0 : value_tid_of(kind);
    f[F_DICT] = rpy_dict_new(key_kind, key_tid_of(kind), vtid, desc);
    if (kind == R_IDENTITY) {
        f[F_POOL] = rpy_list_new(RPY_TID_ARRAY_PTR, range, range);
        for (int64_t i = 0; i < range; i++) {
            node *x = new_node(i);
            list_set(LIST(F_POOL), i, PTR(x));
        }
    }
    model_used = model_len = 0;
    int64_t next_node_id = range;
    int bad = 0, bad_order = 0;
    int64_t first_bad = -1;
    for (int64_t op = 0; op < n_ops && bad + bad_order == 0; op++) {
        uint64_t r = rnd() % 1000;
        uint64_t id = random_id(kind, range);
        int64_t v = (int64_t)(rnd() % 1000000);
        if (r < 400) { /* d[k] = v */
            uint64_t key = make_key(f, kind, id);
            uint64_t value = make_value(f, kind, v);
            key = reload_key(f, kind, id);
            /* Before setitem, which may collect and move the key. */
            uint64_t mid = model_id(kind, id, key);
            rpy_dict_setitem(DICT(F_DICT), key, value);
            model_set(kind, mid, is_set ? 0 : v);
        } else if (r < 600) { /* d[k], k in d */
            uint64_t key = make_key(f, kind, id);
            int64_t i = model_find(kind, model_id(kind, id, key));
            int64_t e = rpy_dict_lookup(DICT(F_DICT), key);
            if ((e >= 0) != (i >= 0) || (e >= 0 && id_of_key(kind, key_at(DICT(F_DICT), e)) != model[i].key))
                bad++;
            uint64_t got = rpy_dict_getitem(DICT(F_DICT), key);
            if (i < 0)
                bad += !raised(RPY_EXC_KEY, kind == R_IDENTITY ? "" : NULL);
            else if (!is_set && value_of(kind, got) != model[i].value)
                bad++;
        } else if (r < 700) { /* del d[k] / discard */
            uint64_t key = make_key(f, kind, id);
            int64_t i = model_find(kind, model_id(kind, id, key));
            bool must = rnd() % 2;
            bool was = rpy_dict_delitem(DICT(F_DICT), key, must);
            if (was != (i >= 0))
                bad++;
            if (i >= 0)
                model_del(i);
            else if (must)
                bad += !raised(RPY_EXC_KEY, NULL);
        } else if (r < 780) { /* pop */
            uint64_t key = make_key(f, kind, id);
            int64_t i = model_find(kind, model_id(kind, id, key));
            uint64_t dflt = make_value(f, kind, -5);
            key = reload_key(f, kind, id);
            uint64_t got = rnd() % 2 ? rpy_dict_pop_default(DICT(F_DICT), key, dflt) : rpy_dict_pop(DICT(F_DICT), key);
            if (i >= 0) {
                if (!is_set && value_of(kind, got) != model[i].value)
                    bad++;
                model_del(i);
            } else if (rpy_exc_value != NULL) {
                bad += !raised(RPY_EXC_KEY, NULL);
            } else if (!is_set && value_of(kind, got) != -5) {
                bad++;
            }
        } else if (r < 830) { /* popitem */
            int64_t e = rpy_dict_last_entry(DICT(F_DICT));
            if (model_len == 0) {
                bad += e != -1 || !raised(RPY_EXC_KEY, NULL);
            } else {
                int64_t i = model_used - 1;
                if (e < 0 || id_of_key(kind, key_at(DICT(F_DICT), e)) != model[i].key)
                    bad++;
                else
                    rpy_dict_delete_entry(DICT(F_DICT), e);
                model_del(i);
            }
        } else if (r < 860) { /* check everything */
            bad_order += !dict_matches_model(DICT(F_DICT), kind, is_set);
        } else if (r < 870) { /* copy, compare, keep using the copy */
            f[F_COPY] = rpy_dict_copy(DICT(F_DICT));
            bad += !rpy_dict_eq(DICT(F_DICT), DICT(F_COPY), RPY_EQ_BITS);
            f[F_DICT] = f[F_COPY];
            f[F_COPY] = NULL;
        } else if (r < 875) { /* keys and values lists */
            f[F_LIST] = rpy_dict_keys(DICT(F_DICT));
            int64_t k = 0;
            for (int64_t i = 0; i < model_used; i++)
                if (model[i].live)
                    bad += id_of_key(kind, list_at(LIST(F_LIST), k++)) != model[i].key;
            bad += k != LIST(F_LIST)->length;
            if (!is_set) {
                f[F_LIST] = rpy_dict_values(DICT(F_DICT));
                k = 0;
                for (int64_t i = 0; i < model_used; i++)
                    if (model[i].live)
                        bad += value_of(kind, list_at(LIST(F_LIST), k++)) != model[i].value;
            }
        } else if (r < 877) { /* clear */
            rpy_dict_clear(DICT(F_DICT));
            model_used = model_len = 0;
        } else if (r < 880) { /* update from a fresh dict of a few keys */
            f[F_COPY] = rpy_dict_new(key_kind, key_tid_of(kind), vtid, desc);
            int n = (int)(rnd() % 20);
            for (int k = 0; k < n; k++) {
                uint64_t kid = random_id(kind, range);
                int64_t kv = (int64_t)(rnd() % 1000);
                uint64_t key = make_key(f, kind, kid);
                uint64_t value = make_value(f, kind, kv);
                key = reload_key(f, kind, kid);
                rpy_dict_setitem(DICT(F_COPY), key, value);
                /* apply to the model later, in the copy's order */
            }
            rpy_dict_update(DICT(F_DICT), DICT(F_COPY));
            for (int64_t e = rpy_dict_next(DICT(F_COPY), 0); e >= 0; e = rpy_dict_next(DICT(F_COPY), e + 1)) {
                uint64_t kid = id_of_key(kind, key_at(DICT(F_COPY), e));
                model_set(kind, kid, is_set ? 0 : value_of(kind, value_at(DICT(F_COPY), e)));
            }
            f[F_COPY] = NULL;
        } else if (r < 900 && kind == R_IDENTITY) {
            /* A new node in a pool slot; the old one, if a key, stays in
             * the dict (and the model) under its own id. */
            node *x = new_node(next_node_id++);
            list_set(LIST(F_POOL), (int64_t)(rnd() % (uint64_t)range), PTR(x));
        } else { /* garbage */
            garbage((int)(rnd() % 100));
        }
        if (bad + bad_order != 0 && first_bad < 0)
            first_bad = op;
    }
    bad_order += !dict_matches_model(DICT(F_DICT), kind, is_set);
    check(bad == 0 && bad_order == 0 && no_exception(),
          "random %s %s: %lld ops, %lld live at the end (first failure at op %lld)", rkind_names[kind],
          is_set ? "set" : "dict", (long long)n_ops, (long long)model_len, (long long)first_bad);
    unframe(f);
}

int64_t rpy_entry_point(rpy_list *argv) {
    (void)argv;
    rpy_gc_stats s = stats();
    /* Debug mode checks the heap at every collection, which a tiny
     * nursery makes frequent: smaller runs keep it quick. */
    bool small = s.debug;
    test_hashes();
    test_int_basics();
    test_collisions();
    test_str_keys();
    test_last_found();
    test_float_keys();
    test_bools();
    test_identity_basics();
    test_identity_refiling();
    test_identity_gc(small ? 3000 : 20000);
    test_tuple_int_pairs(small ? 2000 : 20000);
    test_tuple_str_keys(small ? 2000 : 20000);
    test_tuple_float_keys(small ? 2000 : 10000);
    test_tuple_nested_keys(small ? 2000 : 10000);
    test_tuple_other_keys();
    test_tuple_sets();
    test_tuple_dict_eq();
    test_tuple_no_allocation();
    test_tuple_key_desc_checks();
    test_tuple_hash_quality();
    test_sets();
    test_update_copy_clear();
    test_no_allocation();
    test_word_count(small ? 20000 : 200000, small ? 700 : 5000);
    for (int k = 0; k < N_RKINDS; k++) {
        test_random(k, false, small ? 6000 : 40000, 300);
        test_random(k, true, small ? 3000 : 20000, 200);
        test_random(k, false, small ? 3000 : 20000, 3000);
    }
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    s = stats();
    printf("test_dict (nursery %llu bytes%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
