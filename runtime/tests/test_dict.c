/* Tests for dicts (rpy_dict.c); sets have their own, test_set.c.
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
 * C model of an insertion-ordered dict (dict_keys.h).
 */
#define _POSIX_C_SOURCE 200809L

#include "dict_keys.h"
#include "check.h"
#include "dict_cases.h"

const rpy_location rpy_locations[] = {{"test_dict.c", "test", "", 1}};

static uint64_t key_at(const rpy_dict *d, int64_t e) { return array_get(d->keys, e); }
static uint64_t value_at(const rpy_dict *d, int64_t e) { return array_get(d->values, e); }

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
    void **f = frame(3);
    f[0] = rpy_dict_new(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR, RPY_TID_ARRAY_I64, NULL);
    f[1] = rpy_list_new(RPY_TID_ARRAY_PTR, n, n); /* the same nodes, in order */
    uint64_t minor0 = stats().minor_collections;
    int bad = 0;
    for (int64_t i = 0; i < n; i++) {
        f[2] = new_node(i);
        list_set(LIST(1), i, PTR(f[2]));
        rpy_dict_setitem(DICT(0), PTR(f[2]), (uint64_t)i);
        garbage((int)(i % 7));
        if (i % 997 == 0) { /* a sample of the earlier ones */
            for (int64_t j = 0; j <= i; j += 13)
                bad += rpy_dict_getitem(DICT(0), list_at(LIST(1), j)) != (uint64_t)j;
        }
    }
    check(bad == 0 && no_exception(), "identity keys found while growing");
    for (int64_t i = 0; i < n; i++)
        bad += rpy_dict_getitem(DICT(0), list_at(LIST(1), i)) != (uint64_t)i;
    check(bad == 0 && DICT(0)->length == n, "all %lld identity keys found", (long long)n);
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
    uint64_t minors = stats().minor_collections - minor0;
    check(minors > 0 || stats().nursery_size > 1000000, "some minor collections happened (%llu)",
          (unsigned long long)minors);
    unframe(f);
}

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
    f[0] = tuple_dict(d_fs, RPY_TID_ARRAY_I64);
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
    f[0] = tuple_dict(d_ii, RPY_TID_ARRAY_I64); /* a dict: its hashes are in insertion order */
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

/* ---- random operations against a model (dict_keys.h) ---------------------- */

/* The value tid and representation for each kind: str keys get GC
 * pointer values (nodes), tuple keys float values. */
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


static uint64_t make_value(void **f, int kind, int64_t v) {
    if (kind == R_STR) {
        f[F_VALUE] = new_node(v);
        return PTR(f[F_VALUE]);
    }
    if (kind >= R_CUSTOM)
        return bits((double)v);
    return (uint64_t)v;
}

static bool dict_matches_model(rpy_dict *d, int kind) {
    if (d->length != model_len)
        return false;
    int64_t e = rpy_dict_next(d, 0);
    for (int64_t i = 0; i < model_used; i++) {
        if (!model[i].live)
            continue;
        if (e < 0 || id_of_key(kind, key_at(d, e)) != model[i].key)
            return false;
        if (value_of(kind, value_at(d, e)) != model[i].value)
            return false;
        e = rpy_dict_next(d, e + 1);
    }
    return e == -1;
}

static void test_random(int kind, int64_t n_ops, int64_t range) {
    void **f = frame(F_SLOTS);
    rpy_str *desc = kind == R_CUSTOM ? d_ii : kind == R_NESTED ? d_nest : NULL;
    int key_kind = kind == R_INT        ? RPY_KEY_INT
                   : kind == R_FLOAT    ? RPY_KEY_FLOAT
                   : kind == R_STR      ? RPY_KEY_STR
                   : kind == R_IDENTITY ? RPY_KEY_IDENTITY
                                        : RPY_KEY_CUSTOM; /* both tuple kinds */
    uint32_t vtid = value_tid_of(kind);
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
            model_set(kind, mid, v);
        } else if (r < 600) { /* d[k], k in d */
            uint64_t key = make_key(f, kind, id);
            int64_t i = model_find(kind, model_id(kind, id, key));
            int64_t e = rpy_dict_lookup(DICT(F_DICT), key);
            if ((e >= 0) != (i >= 0) || (e >= 0 && id_of_key(kind, key_at(DICT(F_DICT), e)) != model[i].key))
                bad++;
            uint64_t got = rpy_dict_getitem(DICT(F_DICT), key);
            if (i < 0)
                bad += !raised(RPY_EXC_KEY, kind == R_IDENTITY ? "" : NULL);
            else if (value_of(kind, got) != model[i].value)
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
                if (value_of(kind, got) != model[i].value)
                    bad++;
                model_del(i);
            } else if (rpy_exc_value != NULL) {
                bad += !raised(RPY_EXC_KEY, NULL);
            } else if (value_of(kind, got) != -5) {
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
            bad_order += !dict_matches_model(DICT(F_DICT), kind);
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
            f[F_LIST] = rpy_dict_values(DICT(F_DICT));
            k = 0;
            for (int64_t i = 0; i < model_used; i++)
                if (model[i].live)
                    bad += value_of(kind, list_at(LIST(F_LIST), k++)) != model[i].value;
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
                model_set(kind, kid, value_of(kind, value_at(DICT(F_COPY), e)));
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
    bad_order += !dict_matches_model(DICT(F_DICT), kind);
    check(bad == 0 && bad_order == 0 && no_exception(),
          "random %s dict: %lld ops, %lld live at the end (first failure at op %lld)", rkind_names[kind],
          (long long)n_ops, (long long)model_len, (long long)first_bad);
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
    test_tuple_dict_eq();
    test_tuple_no_allocation();
    test_tuple_key_desc_checks();
    test_tuple_hash_quality();
    test_update_copy_clear();
    test_no_allocation();
    test_word_count(small ? 20000 : 200000, small ? 700 : 5000);
    for (int k = 0; k < N_RKINDS; k++) {
        test_random(k, small ? 6000 : 40000, 300);
        test_random(k, small ? 3000 : 20000, 3000);
    }
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    s = stats();
    printf("test_dict (nursery %llu bytes%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
