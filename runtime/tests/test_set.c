/* Tests for sets (rpy_set.c, which hands sets of instances to rpy_dict.c).
 *
 * Linked with the whole runtime like test_dict.c, and run by `make test`
 * with the default nursery, with RPY_GC_NURSERY=4096, with that plus
 * RPY_GC_DEBUG=1, and with RPY_GC_STRESS=1 (a collection at every
 * allocation): no test holds an unrooted GC pointer across anything that
 * can allocate, so stress mode moves every set and key they use.
 *
 * Sets are used as generated code uses them: through rpy_set_* and
 * rpy_dict_key_at only.  Sets of ints, bools, floats and tuples of them
 * iterate in CPython's order, which a program shows when it prints one:
 * the expected orders below are what CPython 3.11 prints for the same
 * operations (the Python is beside each), and a long random run of int
 * set operations is compared with checksums of the orders a Python script
 * saw (set_cases.h).  CPython salts string hashes per process, so sets
 * holding strings have no order to match and are checked for contents.
 * Sets of instances iterate in insertion order, checked against the model
 * of dict_keys.h.
 */
#define _POSIX_C_SOURCE 200809L

#include "dict_keys.h"
#include "check.h"
#include "set_cases.h"

const rpy_location rpy_locations[] = {{"test_set.c", "test", "", 1}};

/* RPY_GC_STRESS is on (for the summary line: the tests run in full,
 * a few seconds even so). */
static bool stress;

#define COUNT(a) ((int64_t)(sizeof(a) / sizeof(a)[0]))

static rpy_dict *new_set(int32_t kind, uint32_t key_tid) { return rpy_dict_new(kind, key_tid, 0, NULL); }
static rpy_dict *int_set(void) { return new_set(RPY_KEY_INT, RPY_TID_ARRAY_I64); }
static rpy_dict *float_set(void) { return new_set(RPY_KEY_FLOAT, RPY_TID_ARRAY_F64); }

/* A new set of these keys (int, or bool with key_tid ARRAY_U8), added
 * one by one in order. */
static rpy_dict *set_of(uint32_t key_tid, const int64_t *keys, int64_t n) {
    void **f = frame(1);
    f[0] = new_set(RPY_KEY_INT, key_tid);
    for (int64_t i = 0; i < n; i++)
        rpy_set_add(DICT(0), (uint64_t)keys[i]);
    rpy_dict *s = DICT(0);
    unframe(f);
    return s;
}
static rpy_dict *int_set_of(const int64_t *keys, int64_t n) { return set_of(RPY_TID_ARRAY_I64, keys, n); }

static rpy_dict *float_set_of(const double *keys, int64_t n) {
    void **f = frame(1);
    f[0] = float_set();
    for (int64_t i = 0; i < n; i++)
        rpy_set_add(DICT(0), bits(keys[i]));
    rpy_dict *s = DICT(0);
    unframe(f);
    return s;
}

/* Iterating over s gives exactly these keys (as words), in this order. */
static bool order_is(rpy_dict *s, const uint64_t *want, int64_t n) {
    int64_t k = 0;
    for (int64_t pos = rpy_set_next(s, 0); pos >= 0; pos = rpy_set_next(s, pos + 1), k++)
        if (k >= n || rpy_dict_key_at(s, pos) != want[k])
            return false;
    return k == n && s->length == n;
}

static bool int_order_is(rpy_dict *s, const int64_t *want, int64_t n) {
    return order_is(s, (const uint64_t *)(const void *)want, n);
}

/* By bits: the sign of a zero counts. */
static bool float_order_is(rpy_dict *s, const double *want, int64_t n) {
    uint64_t w[64];
    for (int64_t i = 0; i < n && i < 64; i++)
        w[i] = bits(want[i]);
    return n <= 64 && order_is(s, w, n);
}

/* A set of pairs iterates over (want[0], want[1]), (want[2], want[3])... */
static bool pair_order_is(rpy_dict *s, const int64_t *want, int64_t n_pairs) {
    int64_t k = 0;
    for (int64_t pos = rpy_set_next(s, 0); pos >= 0; pos = rpy_set_next(s, pos + 1), k++) {
        const pair *p = (const pair *)(uintptr_t)rpy_dict_key_at(s, pos);
        if (k >= n_pairs || p->a != want[2 * k] || p->b != want[2 * k + 1])
            return false;
    }
    return k == n_pairs && s->length == n_pairs;
}

/* sum((i + 1) * k for i, k in enumerate(s)) modulo 2**64: set_cases.h's
 * scripts compute the same, so it pins down the order. */
static uint64_t checksum(rpy_dict *s) {
    uint64_t sum = 0, i = 0;
    for (int64_t pos = rpy_set_next(s, 0); pos >= 0; pos = rpy_set_next(s, pos + 1))
        sum += ++i * rpy_dict_key_at(s, pos);
    return sum;
}

/* s.remove(key) of a missing key raises KeyError: want. */
static void check_remove_error(rpy_dict *s, uint64_t key, const char *want) {
    bool was = rpy_set_discard(s, key, true);
    check(!was && raised(RPY_EXC_KEY, want), "set.remove(missing): KeyError: %s", want);
}

/* ---- int and bool sets -------------------------------------------------------- */

/* a = set(); [a.add(x) for x in (5, 1, 9, 3, 7)]; b likewise from
 * (4, 9, 5, 8); then list(a), list(b), list(a | b), list(a & b),
 * list(b & a), list(a - b), list(b - a) print these in CPython 3.11. */
static const int64_t a_keys[] = {5, 1, 9, 3, 7}, b_keys[] = {4, 9, 5, 8};
static const int64_t a_order[] = {1, 3, 5, 7, 9}, b_order[] = {8, 9, 4, 5}, a_or_b[] = {1, 3, 4, 5, 7, 8, 9},
                     a_and_b[] = {9, 5}, a_minus_b[] = {1, 3, 7}, b_minus_a[] = {8, 4};

static void test_int_sets(void) {
    void **f = frame(4);
    f[0] = int_set_of(a_keys, 5);
    f[1] = int_set_of(b_keys, 4);
    check(DICT(0)->values == NULL && DICT(0)->index == NULL && DICT(0)->length == 5,
          "an int set is a table: no values, no index");
    check(int_order_is(DICT(0), a_order, 5) && int_order_is(DICT(1), b_order, 4), "a and b in CPython's order");
    check(rpy_set_contains(DICT(0), 9) && !rpy_set_contains(DICT(0), 4) && no_exception(), "membership");
    f[2] = rpy_set_union(DICT(0), DICT(1));
    check(int_order_is(DICT(2), a_or_b, 7), "a | b");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    check(int_order_is(DICT(2), a_and_b, 2), "a & b");
    f[2] = rpy_set_intersection(DICT(1), DICT(0));
    check(int_order_is(DICT(2), a_and_b, 2), "b & a");
    f[2] = rpy_set_difference(DICT(0), DICT(1));
    check(int_order_is(DICT(2), a_minus_b, 3), "a - b");
    f[2] = rpy_set_difference(DICT(1), DICT(0));
    check(int_order_is(DICT(2), b_minus_a, 2), "b - a");
    f[2] = rpy_set_copy(DICT(0));
    check(int_order_is(DICT(2), a_order, 5) && DICT(2) != DICT(0), "a.copy()");

    f[3] = int_set();
    f[2] = rpy_set_union(DICT(3), DICT(3));
    check(DICT(2)->length == 0 && DICT(2) != DICT(3), "empty | empty: a new empty set");
    f[2] = rpy_set_intersection(DICT(0), DICT(3));
    check(DICT(2)->length == 0, "a & empty");
    f[2] = rpy_set_difference(DICT(0), DICT(3));
    check(int_order_is(DICT(2), a_order, 5), "a - empty");
    f[2] = rpy_set_difference(DICT(3), DICT(0));
    check(DICT(2)->length == 0 && !rpy_set_contains(DICT(2), 5), "empty - a");

    static const int64_t a2[] = {7, 3, 9, 1, 5};
    f[2] = int_set_of(a2, 5);
    check(rpy_set_eq(DICT(0), DICT(2)) && rpy_set_eq(DICT(2), DICT(0)), "sets equal whatever the order of adds");
    check(rpy_set_discard(DICT(2), 3, true) && !rpy_set_eq(DICT(0), DICT(2)), "different lengths");
    rpy_set_add(DICT(2), 4);
    check(!rpy_set_eq(DICT(0), DICT(2)) && !rpy_set_eq(DICT(2), DICT(0)), "same length, different keys");
    check(rpy_set_eq(DICT(3), DICT(3)) && !rpy_set_eq(DICT(3), DICT(0)), "empty == empty");

    check(!rpy_set_discard(DICT(2), 100, false) && no_exception(), "set.discard(100)");
    check_remove_error(DICT(2), 100, "100");
    check_remove_error(DICT(2), (uint64_t)-3, "-3");
    check_remove_error(DICT(2), (uint64_t)INT64_MIN, "-9223372036854775808");
    check_remove_error(DICT(3), 5, "5");
    check(rpy_set_discard(DICT(2), 4, true) && !rpy_set_contains(DICT(2), 4) && DICT(2)->length == 4,
          "set.remove(4)");

    /* s = set(); [s.add(x) for x in (1, 2, 3, 4)]; s.discard(3); s.add(11)
     * gives [1, 2, 11, 4]: 11 takes the slot 3 left; then s.add(19);
     * s.add(27) grow the table: [1, 2, 4, 11, 19, 27]. */
    static const int64_t d_keys[] = {1, 2, 3, 4}, d_order[] = {1, 2, 11, 4}, g_order[] = {1, 2, 4, 11, 19, 27};
    f[2] = int_set_of(d_keys, 4);
    rpy_set_discard(DICT(2), 3, false);
    rpy_set_add(DICT(2), 11);
    check(int_order_is(DICT(2), d_order, 4), "a new key takes the slot a discarded one left");
    rpy_set_add(DICT(2), 19);
    rpy_set_add(DICT(2), 27);
    check(int_order_is(DICT(2), g_order, 6), "growing re-adds the keys in slot order");
    /* set(range(0, 64, 8)) built by adds: all start at slot 0. */
    static const int64_t c_keys[] = {0, 8, 16, 24, 32, 40, 48, 56}, c_order[] = {0, 32, 8, 40, 16, 48, 24, 56};
    f[2] = int_set_of(c_keys, 8);
    check(int_order_is(DICT(2), c_order, 8), "colliding keys probe as CPython's");
    /* hash(-1) == hash(-2) == -2, hash(2**61 + 4) == hash(5), and
     * hash(-2**63) == -4: adding -1, -2, 2**61 + 4, 5, -2**63. */
    static const int64_t h_keys[] = {-1, -2, 2305843009213693956, 5, INT64_MIN},
                         h_order[] = {5, 2305843009213693956, -2, INT64_MIN, -1};
    f[2] = int_set_of(h_keys, 5);
    check(int_order_is(DICT(2), h_order, 5), "keys with equal hashes");

    /* Equal sizes, different layouts: a = set(); [a.add(x) for x in
     * (1, 9, 17)]; b likewise from (17, 9, 1); a & b loops over b, b & a
     * over a, and a | b grows the copy of a before adding b:
     * list(a & b), list(b & a), list(a | b) are [17, 9, 1], [1, 9, 17],
     * [1, 17, 9]. */
    static const int64_t e1[] = {1, 9, 17}, e2[] = {17, 9, 1}, e_or[] = {1, 17, 9};
    f[2] = int_set_of(e1, 3);
    f[3] = int_set_of(e2, 3);
    f[0] = rpy_set_intersection(DICT(2), DICT(3));
    check(int_order_is(DICT(0), e2, 3), "a & b of equal sizes loops over b");
    f[0] = rpy_set_intersection(DICT(3), DICT(2));
    check(int_order_is(DICT(0), e1, 3), "b & a loops over a");
    f[0] = rpy_set_union(DICT(2), DICT(3));
    check(int_order_is(DICT(0), e_or, 3), "a | b resizes before merging");

    /* Bools: s = set(); s.add(True); s.add(False) prints {False, True}. */
    static const int64_t tf[] = {1, 0}, ft[] = {0, 1};
    f[2] = set_of(RPY_TID_ARRAY_U8, tf, 2);
    check(int_order_is(DICT(2), ft, 2) && rpy_set_contains(DICT(2), 1), "bool set: {False, True}");
    rpy_set_discard(DICT(2), 1, true);
    check_remove_error(DICT(2), 1, "True");
    f[2] = set_of(RPY_TID_ARRAY_U8, ft, 1);
    check_remove_error(DICT(2), 1, "True");
    rpy_set_discard(DICT(2), 0, true);
    check_remove_error(DICT(2), 0, "False");
    unframe(f);
}

/* ---- float sets --------------------------------------------------------------- */

static void test_float_sets(void) {
    void **f = frame(2);
    f[0] = float_set();
    rpy_set_add(DICT(0), bits(-0.0));
    rpy_set_add(DICT(0), bits(0.0));
    check(DICT(0)->length == 1 && rpy_dict_key_at(DICT(0), rpy_set_next(DICT(0), 0)) == bits(-0.0),
          "-0.0 and 0.0 are one key, the first one added kept");
    check(rpy_set_contains(DICT(0), bits(0.0)) && rpy_set_contains(DICT(0), bits(-0.0)), "either finds it");
    check(rpy_set_discard(DICT(0), bits(0.0), true) && DICT(0)->length == 0, "set.remove(0.0) removes -0.0");
    check_remove_error(DICT(0), bits(-0.0), "-0.0");
    check_remove_error(DICT(0), bits(1.5), "1.5");
    check_remove_error(DICT(0), bits(NAN), "nan");
    check_remove_error(DICT(0), bits(-INFINITY), "-inf");
    check_remove_error(DICT(0), bits(1e300), "1e+300");
    check_remove_error(DICT(0), bits(1e16), "1e+16");
    /* A NaN is found by its bits (CPython: by its identity). */
    rpy_set_add(DICT(0), bits(NAN));
    rpy_set_add(DICT(0), bits(NAN));
    rpy_set_add(DICT(0), bits(-NAN));
    check(DICT(0)->length == 2 && rpy_set_contains(DICT(0), bits(NAN)), "NaN keys by their bits");

    /* s = set(); [s.add(x) for x in (0.5, -0.0, 1.5, 2.25, 1e300, inf,
     * -inf, 3.0, 0.1, -7.75, 0.0, 1e-300, 2.0**61, 1.0)]; list(s) */
    static const double keys[] = {0.5, -0.0,  1.5,     2.25, 1e300,         INFINITY, -INFINITY,
                                  3.0, 0.1,   -7.75,   0.0,  1e-300,        0x1p61,   1.0};
    static const double order[] = {0.5, -0.0,   2.25,   1.5,       3.0,   0.1,  0x1p61,
                                   1.0, INFINITY, 1e-300, -INFINITY, -7.75, 1e300};
    f[0] = float_set_of(keys, COUNT(keys));
    check(float_order_is(DICT(0), order, COUNT(order)), "a float set in CPython's order");
    /* hash(1.0) == hash(1): a float set of integral values orders as
     * the int set would.  [s.add(float(x)) for x in (16, 1, 2, 3, 4)] */
    static const double ints[] = {16.0, 1.0, 2.0, 3.0, 4.0}, ints_order[] = {1.0, 2.0, 3.0, 4.0, 16.0};
    f[1] = float_set_of(ints, 5);
    check(float_order_is(DICT(1), ints_order, 5), "integral floats hash as ints");
    f[1] = rpy_set_difference(DICT(0), DICT(1));
    check(DICT(1)->length == COUNT(order) - 2 && !rpy_set_contains(DICT(1), bits(3.0)), "float set difference");
    unframe(f);
}

/* ---- constant displays ------------------------------------------------------ */

/* rpy_set_of_constants(s) for s holding the display's items added in
 * order iterates as list({...}) does in CPython 3.11, which differs from
 * adding the same items one by one: list({16, 1, 2, 3, 4}) is
 * [16, 1, 2, 3, 4] while s = set(); [s.add(x) for x in (16, 1, 2, 3, 4)]
 * gives [1, 2, 3, 4, 16].  Each case below is such a pair: `display`
 * from python3 -c 'print(list({...}))', `added` from the adds. */
static bool constants_case(const int64_t *items, int64_t n, const int64_t *added, const int64_t *display,
                           int64_t n_keys) {
    void **f = frame(2);
    f[0] = int_set_of(items, n);
    f[1] = rpy_set_of_constants(DICT(0));
    bool ok = f[1] != f[0] && int_order_is(DICT(0), added, n_keys) && int_order_is(DICT(1), display, n_keys);
    unframe(f);
    return ok;
}

static void test_constants(void) {
    static const int64_t c1[] = {16, 1, 2, 3, 4}, c1_added[] = {1, 2, 3, 4, 16};
    check(constants_case(c1, 5, c1_added, c1, 5), "{16, 1, 2, 3, 4} iterates 16, 1, 2, 3, 4");
    static const int64_t c2[] = {1, 9, 17, 25, 33, 2}, c2_added[] = {1, 33, 2, 9, 17, 25},
                         c2_display[] = {1, 2, 33, 17, 9, 25};
    check(constants_case(c2, 6, c2_added, c2_display, 6), "{1, 9, 17, 25, 33, 2}");
    static const int64_t c3[] = {3, 3, 11, 19}, c3_added[] = {11, 19, 3}, c3_display[] = {19, 3, 11};
    check(constants_case(c3, 4, c3_added, c3_display, 3), "{3, 3, 11, 19}");
    static const int64_t c4[] = {100, 200, 300, 400, 500, 600, 700, 800, 900},
                         c4_added[] = {800, 100, 900, 200, 300, 400, 500, 600, 700},
                         c4_display[] = {800, 900, 100, 200, 300, 400, 500, 600, 700};
    check(constants_case(c4, 9, c4_added, c4_display, 9), "{100, 200, ..., 900}");

    /* list({0.0, -0.0, 1.5, 8.0}) is [0.0, 1.5, 8.0]; and
     * list({(5, 6), (1, 2), (3, 4), (7, 8), (9, 10)}) is
     * [(9, 10), (1, 2), (3, 4), (5, 6), (7, 8)]. */
    void **f = frame(3);
    static const double fl[] = {0.0, -0.0, 1.5, 8.0}, fl_display[] = {0.0, 1.5, 8.0};
    f[0] = float_set_of(fl, 4);
    f[1] = rpy_set_of_constants(DICT(0));
    check(float_order_is(DICT(1), fl_display, 3), "{0.0, -0.0, 1.5, 8.0}");
    static const int64_t tu[] = {5, 6, 1, 2, 3, 4, 7, 8, 9, 10}, tu_display[] = {9, 10, 1, 2, 3, 4, 5, 6, 7, 8};
    f[0] = tuple_dict(d_ii, 0);
    for (int i = 0; i < 10; i += 2) {
        f[2] = new_pair(tu[i], tu[i + 1]);
        rpy_set_add(DICT(0), PTR(f[2]));
    }
    f[1] = rpy_set_of_constants(DICT(0));
    check(pair_order_is(DICT(1), tu_display, 5), "a display of tuples");
    unframe(f);
}

/* ---- in-place operators ----------------------------------------------------- */

/* a |= b, a -= b and a &= b change a itself, as CPython's do: every name
 * for a sees the change, and a copy taken before does not. */
static void test_in_place(void) {
    void **f = frame(5);
    f[0] = int_set_of(a_keys, 5);
    f[1] = f[0]; /* alias = a */
    f[2] = int_set_of(b_keys, 4);
    f[3] = rpy_set_copy(DICT(0));
    rpy_set_update(DICT(0), DICT(2));
    check(DICT(1) == DICT(0) && int_order_is(DICT(1), a_or_b, 7), "a |= b changes a, seen through an alias");
    check(int_order_is(DICT(3), a_order, 5) && int_order_is(DICT(2), b_order, 4), "not a copy of a, nor b");
    rpy_set_update(DICT(0), DICT(0));
    check(int_order_is(DICT(1), a_or_b, 7), "a |= a");

    /* With a as a | b above: a -= b leaves [1, 3, 7] ... */
    rpy_set_difference_update(DICT(0), DICT(2));
    check(int_order_is(DICT(1), a_minus_b, 3), "a -= b");
    /* ... and a = set(a_keys); a &= b leaves [9, 5], as a & b. */
    f[0] = f[3];
    f[1] = f[0];
    rpy_set_intersection_update(DICT(0), DICT(2));
    check(DICT(1) == DICT(0) && int_order_is(DICT(1), a_and_b, 2) && int_order_is(DICT(2), b_order, 4),
          "a &= b changes a");
    rpy_set_intersection_update(DICT(0), DICT(0));
    check(int_order_is(DICT(1), a_and_b, 2), "a &= a");
    rpy_set_difference_update(DICT(0), DICT(0));
    check(DICT(1)->length == 0 && rpy_set_next(DICT(1), 0) == -1, "a -= a empties a");
    rpy_set_add(DICT(0), 42);
    check(DICT(1)->length == 1 && rpy_set_contains(DICT(1), 42), "and a is usable after");

    /* s = set(); [s.add(i) for i in range(200)]; t likewise from the i
     * in range(200) with i % 5 != 0; s -= t; s.add(300); list(s) is
     * [0, 5, ..., 40, 300, 45, ..., 195]: the discards leave over a
     * quarter of the slots dummy, so -= shrinks the table from 512 slots
     * to 256, where 300 probes from slot 44. */
    f[0] = int_set();
    f[1] = int_set();
    for (int64_t i = 0; i < 200; i++) {
        rpy_set_add(DICT(0), (uint64_t)i);
        if (i % 5 != 0)
            rpy_set_add(DICT(1), (uint64_t)i);
    }
    rpy_set_difference_update(DICT(0), DICT(1));
    rpy_set_add(DICT(0), 300);
    int64_t fifths[41];
    for (int64_t i = 0, k = 0; i < 40; i++) {
        fifths[k++] = 5 * i;
        if (5 * i == 40)
            fifths[k++] = 300;
    }
    check(int_order_is(DICT(0), fifths, 41), "s -= t shrinks the table as CPython's");

    /* Sets of instances (rpy_dict.c) change in place too. */
    f[0] = new_set(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR);
    f[2] = new_set(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR);
    for (int64_t i = 0; i < 6; i++) {
        f[4] = new_node(i);
        rpy_set_add(DICT(0), PTR(f[4]));
        if (i % 2 == 1)
            rpy_set_add(DICT(2), PTR(f[4]));
    }
    f[1] = f[0];
    f[3] = rpy_set_copy(DICT(0));
    rpy_set_intersection_update(DICT(0), DICT(2));
    bool ok = DICT(1)->length == 3 && DICT(3)->length == 6;
    int64_t want = 1;
    for (int64_t pos = rpy_set_next(DICT(1), 0); pos >= 0; pos = rpy_set_next(DICT(1), pos + 1), want += 2)
        ok &= node_value(rpy_dict_key_at(DICT(1), pos)) == want;
    rpy_set_difference_update(DICT(3), DICT(0));
    ok &= DICT(3)->length == 3 && DICT(1)->length == 3;
    rpy_set_update(DICT(0), DICT(3));
    ok &= DICT(1)->length == 6;
    check(ok && no_exception(), "in-place ops on sets of instances");
    unframe(f);
}

/* ---- tuple sets -------------------------------------------------------------- */

/* A set of ("s<i>", i % 7) for lo <= i < hi, added upwards or downwards. */
static rpy_dict *si_set_range(int64_t lo, int64_t hi, bool reverse) {
    void **f = frame(2);
    f[0] = tuple_dict(d_si, 0);
    char buf[32];
    for (int64_t k = lo; k < hi; k++) {
        int64_t i = reverse ? hi - 1 - (k - lo) : k;
        snprintf(buf, sizeof buf, "s%lld", (long long)i);
        f[1] = new_si(buf, i % 7);
        rpy_set_add(DICT(0), PTR(f[1]));
        garbage((int)(i % 3));
    }
    rpy_dict *s = DICT(0);
    unframe(f);
    return s;
}

/* The set (in f[k]) holds ("s<i>", i % 7) for lo <= i < hi and nothing
 * else: each member is in the range and seen once, and fresh equal
 * tuples are found. */
static bool si_members_are(void **f, int k, int64_t lo, int64_t hi) {
    static unsigned char seen[1000];
    memset(seen, 0, sizeof seen);
    bool ok = DICT(k)->length == hi - lo;
    for (int64_t pos = rpy_set_next(DICT(k), 0); ok && pos >= 0; pos = rpy_set_next(DICT(k), pos + 1)) {
        uint64_t t = rpy_dict_key_at(DICT(k), pos);
        int64_t i = str_number(slot(t, 0));
        ok = i >= lo && i < hi && !seen[i] && (int64_t)slot(t, 1) == i % 7;
        if (ok)
            seen[i] = 1;
    }
    void **g = frame(1);
    char buf[32];
    for (int64_t i = lo; ok && i < hi; i++) {
        snprintf(buf, sizeof buf, "s%lld", (long long)i);
        g[0] = new_si(buf, i % 7);
        ok = rpy_set_contains(DICT(k), PTR(g[0]));
    }
    unframe(g);
    return ok;
}

static void test_tuple_sets(void) {
    void **f = frame(5);
    /* (str, int): fresh young tuples and strings on both sides. */
    f[0] = si_set_range(0, 300, false);
    f[1] = si_set_range(200, 500, false);
    rpy_gc_collect();
    f[2] = rpy_set_union(DICT(0), DICT(1));
    check(si_members_are(f, 2, 0, 500), "a | b of (str, int) sets");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    check(si_members_are(f, 2, 200, 300), "a & b");
    f[2] = rpy_set_difference(DICT(0), DICT(1));
    check(si_members_are(f, 2, 0, 200), "a - b");
    f[2] = rpy_set_difference(DICT(1), DICT(0));
    check(si_members_are(f, 2, 300, 500), "b - a");
    f[2] = si_set_range(0, 300, true);
    check(rpy_set_eq(DICT(0), DICT(2)) && rpy_set_eq(DICT(2), DICT(0)), "equal tuple sets built in opposite orders");
    f[3] = new_si("s5", 5);
    check(rpy_set_discard(DICT(2), PTR(f[3]), true) && !rpy_set_eq(DICT(0), DICT(2)), "one member fewer: unequal");
    f[3] = new_si("s5", 6);
    rpy_set_add(DICT(2), PTR(f[3]));
    check(!rpy_set_eq(DICT(0), DICT(2)), "same length, one member differs: unequal");
    f[3] = new_si("s5", 6);
    rpy_set_discard(DICT(2), PTR(f[3]), true);
    f[3] = new_si("s5", 5);
    rpy_set_add(DICT(2), PTR(f[3]));
    check(rpy_set_eq(DICT(0), DICT(2)), "equal again");
    f[3] = new_si("s999", 0);
    check_remove_error(DICT(2), PTR(f[3]), "('s999', 0)");
    f[3] = new_si(NULL, 5);
    check_remove_error(DICT(2), PTR(f[3]), "(None, 5)");
    f[2] = rpy_set_copy(DICT(0));
    rpy_set_update(DICT(2), DICT(1));
    check(si_members_are(f, 2, 0, 500) && si_members_are(f, 0, 0, 300), "a.copy() |= b");
    /* set(list) of fresh tuples, each twice. */
    f[3] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    for (int64_t i = 0; i < 600; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "s%lld", (long long)(i % 300));
        f[4] = new_si(buf, i % 300 % 7);
        rpy_list_append(LIST(3), PTR(f[4]));
    }
    f[2] = tuple_dict(d_si, 0);
    rpy_set_add_all(DICT(2), LIST(3));
    check(si_members_are(f, 2, 0, 300) && rpy_set_eq(DICT(2), DICT(0)), "set(list of tuples)");

    /* (int, int) in CPython's order:
     *   p = set(); [p.add((i % 5, i // 5)) for i in range(23)]
     *   p.discard((2, 2)); p.discard((0, 0)); p.add((7, 7)); p.add((0, 0))
     *   q = set(); [q.add((i % 4, i % 3)) for i in range(12)]
     *   list(p), list(p | q), list(p & q), list(q & p), list(p - q), list(q - p) */
    static const int64_t p_order[] = {4, 0, 4, 3, 3, 1, 0, 2, 1, 0, 1, 3, 7, 7, 4, 2, 3, 0, 3, 3, 0, 1, 2,
                                      4, 1, 2, 0, 4, 2, 1, 3, 2, 4, 1, 0, 0, 1, 1, 0, 3, 2, 0, 1, 4, 2, 3};
    static const int64_t p_or_q[] = {0, 1, 2, 4, 4, 0, 1, 2, 0, 4, 2, 1, 4, 3, 3, 1, 0, 2, 2, 2, 1, 0, 3, 2,
                                     1, 3, 4, 1, 7, 7, 0, 0, 1, 1, 0, 3, 2, 0, 4, 2, 3, 0, 1, 4, 2, 3, 3, 3};
    static const int64_t p_and_q[] = {0, 1, 1, 2, 2, 1, 0, 0, 3, 1, 1, 1, 2, 0, 3, 0, 0, 2, 1, 0, 3, 2};
    static const int64_t p_minus_q[] = {2, 4, 4, 0, 0, 4, 7, 7, 4, 3, 4, 1, 0, 3, 4, 2, 1, 4, 2, 3, 3, 3, 1, 3};
    static const int64_t q_minus_p[] = {2, 2};
    f[0] = tuple_dict(d_ii, 0);
    f[1] = tuple_dict(d_ii, 0);
    for (int64_t i = 0; i < 23; i++) {
        f[2] = new_pair(i % 5, i / 5);
        rpy_set_add(DICT(0), PTR(f[2]));
    }
    static const int64_t p_edits[][3] = {{0, 2, 2}, {0, 0, 0}, {1, 7, 7}, {1, 0, 0}}; /* add?, a, b */
    for (int i = 0; i < 4; i++) {
        f[2] = new_pair(p_edits[i][1], p_edits[i][2]);
        if (p_edits[i][0])
            rpy_set_add(DICT(0), PTR(f[2]));
        else
            rpy_set_discard(DICT(0), PTR(f[2]), true);
    }
    for (int64_t i = 0; i < 12; i++) {
        f[2] = new_pair(i % 4, i % 3);
        rpy_set_add(DICT(1), PTR(f[2]));
    }
    check(pair_order_is(DICT(0), p_order, 23) && no_exception(), "a set of pairs in CPython's order");
    f[2] = rpy_set_union(DICT(0), DICT(1));
    check(pair_order_is(DICT(2), p_or_q, 24), "p | q");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    check(pair_order_is(DICT(2), p_and_q, 11), "p & q");
    f[2] = rpy_set_intersection(DICT(1), DICT(0));
    check(pair_order_is(DICT(2), p_and_q, 11), "q & p");
    f[2] = rpy_set_difference(DICT(0), DICT(1));
    check(pair_order_is(DICT(2), p_minus_q, 12), "p - q");
    f[2] = rpy_set_difference(DICT(1), DICT(0));
    check(pair_order_is(DICT(2), q_minus_p, 1), "q - p");
    f[2] = new_pair(-5, 2);
    check_remove_error(DICT(1), PTR(f[2]), "(-5, 2)");

    /* (float, float): s = set(); [s.add(t) for t in ((0.0, -0.0),
     * (-0.0, 0.0), (1.0, 2.0), (2.0, 1.0), (0.5, 0.25), (-1.5, 1e300))];
     * list(s) is [(0.5, 0.25), (1.0, 2.0), (2.0, 1.0), (0.0, -0.0),
     * (-1.5, 1e+300)]: the second tuple equals the first, which stays. */
    static const double ff_keys[] = {0.0, -0.0, -0.0, 0.0, 1.0, 2.0, 2.0, 1.0, 0.5, 0.25, -1.5, 1e300};
    static const double ff_order[] = {0.5, 0.25, 1.0, 2.0, 2.0, 1.0, 0.0, -0.0, -1.5, 1e300};
    f[0] = tuple_dict(d_ff, 0);
    for (int i = 0; i < 12; i += 2) {
        f[2] = new_ff(ff_keys[i], ff_keys[i + 1]);
        rpy_set_add(DICT(0), PTR(f[2]));
    }
    bool ok = DICT(0)->length == 5;
    int64_t k = 0;
    for (int64_t pos = rpy_set_next(DICT(0), 0); ok && pos >= 0; pos = rpy_set_next(DICT(0), pos + 1), k += 2)
        ok = slot(rpy_dict_key_at(DICT(0), pos), 0) == bits(ff_order[k]) &&
             slot(rpy_dict_key_at(DICT(0), pos), 1) == bits(ff_order[k + 1]);
    check(ok, "a set of (float, float) in CPython's order, signs of zero kept");

    f[0] = tuple_dict(d_fs, 0);
    f[2] = new_fs(0.0, "x");
    rpy_set_add(DICT(0), PTR(f[2]));
    f[2] = new_fs(-0.0, "x");
    rpy_set_add(DICT(0), PTR(f[2]));
    check(DICT(0)->length == 1 && rpy_set_contains(DICT(0), PTR(f[2])), "(0.0, 'x') and (-0.0, 'x') are one key");
    check(rpy_set_discard(DICT(0), PTR(f[2]), true) && DICT(0)->length == 0, "removed by the other zero");
    check_remove_error(DICT(0), PTR(f[2]), "(-0.0, 'x')");

    /* 1-tuples: s = set(); [s.add((3 * i,)) for i in range(12)];
     * s.discard((9,)); list(s) */
    static const int64_t t1_order[] = {6, 12, 18, 15, 21, 24, 30, 27, 33, 0, 3};
    f[0] = tuple_dict(d_t1, 0);
    for (int64_t i = 0; i < 12; i++) {
        f[2] = new_t1(3 * i);
        rpy_set_add(DICT(0), PTR(f[2]));
    }
    f[2] = new_t1(9);
    rpy_set_discard(DICT(0), PTR(f[2]), false);
    ok = DICT(0)->length == 11;
    k = 0;
    for (int64_t pos = rpy_set_next(DICT(0), 0); ok && pos >= 0; pos = rpy_set_next(DICT(0), pos + 1))
        ok = (int64_t)slot(rpy_dict_key_at(DICT(0), pos), 0) == t1_order[k++];
    check(ok, "a set of 1-tuples in CPython's order");
    check_remove_error(DICT(0), PTR(f[2]), "(9,)");
    f[0] = tuple_dict(d_t0, 0);
    f[2] = new_t0();
    check_remove_error(DICT(0), PTR(f[2]), "()");
    rpy_set_add(DICT(0), PTR(f[2]));
    f[2] = new_t0();
    rpy_set_add(DICT(0), PTR(f[2]));
    check(DICT(0)->length == 1 && rpy_set_contains(DICT(0), PTR(f[2])), "() is one key");

    /* Nested tuples hold strings: contents only. */
    f[0] = tuple_dict(d_nest, 0);
    f[1] = tuple_dict(d_nest, 0);
    for (int64_t i = 0; i < 200; i++) {
        f[2] = new_nest(i, -i, i % 2 ? "odd" : "even");
        rpy_set_add(DICT(0), PTR(f[2]));
        f[2] = new_nest(199 - i, i - 199, (199 - i) % 2 ? "odd" : "even");
        rpy_set_add(DICT(1), PTR(f[2]));
        garbage((int)(i % 4));
    }
    check(DICT(0)->length == 200 && rpy_set_eq(DICT(0), DICT(1)), "sets of nested tuples equal");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    f[3] = rpy_set_difference(DICT(0), DICT(1));
    check(DICT(2)->length == 200 && DICT(3)->length == 0, "& and - of nested tuple sets");
    f[2] = new_nest(5, -5, "even");
    check(!rpy_set_contains(DICT(0), PTR(f[2])), "((5, -5), 'even') is not a member");
    check_remove_error(DICT(0), PTR(f[2]), "((5, -5), 'even')");
    unframe(f);
}

/* ---- string sets ---------------------------------------------------------------- */

/* The set (in f[k]) holds "s<i>" for lo <= i < hi and nothing else. */
static bool str_members_are(void **f, int k, int64_t lo, int64_t hi) {
    static unsigned char seen[1000];
    memset(seen, 0, sizeof seen);
    bool ok = DICT(k)->length == hi - lo;
    for (int64_t pos = rpy_set_next(DICT(k), 0); ok && pos >= 0; pos = rpy_set_next(DICT(k), pos + 1)) {
        int64_t i = str_number(rpy_dict_key_at(DICT(k), pos));
        ok = i >= lo && i < hi && !seen[i];
        if (ok)
            seen[i] = 1;
    }
    void **g = frame(1);
    for (int64_t i = lo; ok && i < hi; i++) {
        g[0] = new_strf("s%lld", (long long)i);
        ok = rpy_set_contains(DICT(k), PTR(g[0]));
    }
    unframe(g);
    return ok;
}

static void test_str_sets(void) {
    void **f = frame(4);
    f[0] = new_set(RPY_KEY_STR, RPY_TID_ARRAY_PTR);
    f[1] = new_set(RPY_KEY_STR, RPY_TID_ARRAY_PTR);
    for (int i = 0; i < 400; i++) {
        f[2] = new_strf("s%d", i);
        rpy_set_add(DICT(0), PTR(f[2]));
        f[2] = new_strf("s%d", i + 200);
        rpy_set_add(DICT(1), PTR(f[2]));
        garbage(i % 5);
    }
    check(str_members_are(f, 0, 0, 400) && str_members_are(f, 1, 200, 600), "string sets of young strings");
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    check(str_members_are(f, 2, 200, 400), "&");
    f[2] = rpy_set_union(DICT(0), DICT(1));
    check(str_members_are(f, 2, 0, 600), "|");
    f[2] = rpy_set_difference(DICT(1), DICT(0));
    check(str_members_are(f, 2, 400, 600), "-");
    rpy_gc_collect();
    f[3] = rpy_set_copy(DICT(2));
    rpy_set_intersection_update(DICT(2), DICT(0));
    check(DICT(2)->length == 0 && str_members_are(f, 3, 400, 600), "&= to nothing, the copy intact");
    f[2] = new_str("s7");
    check(rpy_set_discard(DICT(0), PTR(f[2]), true) && !rpy_set_contains(DICT(0), PTR(f[2])), "remove('s7')");
    f[2] = new_str("abc");
    check_remove_error(DICT(0), PTR(f[2]), "'abc'");
    f[2] = new_str("a'b");
    check_remove_error(DICT(0), PTR(f[2]), "\"a'b\"");
    /* A prebuilt (static, possibly read-only) string as a member. */
    static struct {
        rpy_hdr hdr;
        int64_t hash, length, nchars;
        char data[8];
    } prebuilt = {{RPY_TID_STR, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0, 3, 3, "s42"};
    check(rpy_set_contains(DICT(0), PTR(&prebuilt)), "a prebuilt string finds its equal");
    rpy_set_discard(DICT(0), PTR(&prebuilt), true);
    rpy_set_add(DICT(0), PTR(&prebuilt));
    f[2] = new_str("s42");
    check(rpy_set_contains(DICT(0), PTR(f[2])) && DICT(0)->length == 399, "and is a member itself");
    unframe(f);
}

/* ---- sets of instances ---------------------------------------------------------- */

/* The set (in f[k]) iterates over n nodes valued first, first + step... */
static bool nodes_are(void **f, int k, int64_t first, int64_t step, int64_t n) {
    int64_t i = 0;
    for (int64_t pos = rpy_set_next(DICT(k), 0); pos >= 0; pos = rpy_set_next(DICT(k), pos + 1), i++)
        if (i >= n || node_value(rpy_dict_key_at(DICT(k), pos)) != first + i * step)
            return false;
    return i == n && DICT(k)->length == n;
}

/* Young nodes added, surviving many minor collections: found, in
 * insertion order, through every operation. */
static void test_identity_sets(int64_t n) {
    void **f = frame(4);
    f[0] = new_set(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR);
    f[1] = rpy_list_new(RPY_TID_ARRAY_PTR, n, n); /* the same nodes */
    uint64_t minor0 = stats().minor_collections;
    for (int64_t i = 0; i < n; i++) {
        f[2] = new_node(i);
        list_set(LIST(1), i, PTR(f[2]));
        rpy_set_add(DICT(0), PTR(f[2]));
        garbage((int)(i % 7));
    }
    int bad = 0;
    for (int64_t i = 0; i < n; i++)
        bad += !rpy_set_contains(DICT(0), list_at(LIST(1), i));
    f[2] = new_node(0);
    check(bad == 0 && nodes_are(f, 0, 0, 1, n) && !rpy_set_contains(DICT(0), PTR(f[2])),
          "%lld moved instances found, in insertion order", (long long)n);
    check_remove_error(DICT(0), PTR(f[2]), "");
    /* Discard the even ones, add them again: they come last. */
    for (int64_t i = 0; i < n; i += 2)
        bad += !rpy_set_discard(DICT(0), list_at(LIST(1), i), true);
    for (int64_t i = 0; i < n; i += 2)
        rpy_set_add(DICT(0), list_at(LIST(1), i));
    int64_t i = 0, pos;
    for (pos = rpy_set_next(DICT(0), 0); pos >= 0; pos = rpy_set_next(DICT(0), pos + 1), i++) {
        int64_t want = i < n / 2 ? 2 * i + 1 : 2 * (i - n / 2);
        bad += node_value(rpy_dict_key_at(DICT(0), pos)) != want;
    }
    check(bad == 0 && i == n && DICT(0)->length == n, "re-added instances come last");

    /* copy, difference, union, intersection, eq with fresh young keys. */
    f[0] = rpy_set_copy(DICT(0));
    f[2] = new_set(RPY_KEY_IDENTITY, RPY_TID_ARRAY_PTR);
    for (int64_t j = 0; j < n; j++)
        rpy_set_add(DICT(2), list_at(LIST(1), j));
    f[3] = rpy_set_copy(DICT(2));
    for (int64_t j = 0; j < 50; j++) {
        node *x = new_node(n + j);
        rpy_set_add(DICT(3), PTR(x));
    }
    garbage(500);
    check(DICT(3)->length == n + 50 && !rpy_set_eq(DICT(2), DICT(3)) && rpy_set_eq(DICT(0), DICT(2)),
          "copy + 50 young ones");
    f[3] = rpy_set_difference(DICT(3), DICT(2));
    check(nodes_are(f, 3, n, 1, 50), "difference: the 50 young ones");
    f[3] = rpy_set_union(DICT(2), DICT(3));
    garbage(200);
    check(nodes_are(f, 3, 0, 1, n + 50), "union: a's, then b's new ones");
    f[3] = rpy_set_intersection(DICT(3), DICT(2));
    check(nodes_are(f, 3, 0, 1, n) && rpy_set_eq(DICT(3), DICT(2)), "intersection in the first set's order");
    rpy_set_clear(DICT(3));
    check(DICT(3)->length == 0 && rpy_set_next(DICT(3), 0) == -1 && !rpy_set_contains(DICT(3), list_at(LIST(1), 0)),
          "clear");
    uint64_t minors = stats().minor_collections - minor0;
    check(minors > 0 || stats().nursery_size > 1000000, "some minor collections happened (%llu)",
          (unsigned long long)minors);
    unframe(f);
}

/* ---- empty sets and allocation -------------------------------------------------- */

/* Empty table sets share static arrays, which must never be written (nor
 * go through the write barrier, which would make them roots). */
static void test_empty_sets(void) {
    void **f = frame(3);
    uint64_t roots = stats().prebuilt_roots;
    f[0] = new_set(RPY_KEY_STR, RPY_TID_ARRAY_PTR);
    f[1] = rpy_set_copy(DICT(0));
    rpy_set_update(DICT(1), DICT(0));
    rpy_set_difference_update(DICT(1), DICT(0));
    rpy_set_intersection_update(DICT(1), DICT(0));
    rpy_set_clear(DICT(1));
    f[2] = new_str("x");
    bool ok = !rpy_set_contains(DICT(0), PTR(f[2])) && !rpy_set_discard(DICT(0), PTR(f[2]), false);
    f[2] = rpy_set_union(DICT(0), DICT(1));
    ok &= DICT(2)->length == 0 && rpy_set_next(DICT(2), 0) == -1 && rpy_set_eq(DICT(0), DICT(1));
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    f[2] = rpy_set_difference(DICT(0), DICT(1));
    f[2] = tuple_dict(d_ii, 0);
    f[2] = rpy_set_copy(DICT(2));
    ok &= DICT(2)->length == 0;
    check(ok && stats().prebuilt_roots == roots && no_exception(), "the shared empty arrays stay untouched");
    /* Cleared, a set is usable again. */
    f[0] = int_set_of(a_keys, 5);
    rpy_set_clear(DICT(0));
    check(DICT(0)->length == 0 && rpy_set_next(DICT(0), 0) == -1 && !rpy_set_contains(DICT(0), 5), "clear");
    for (int64_t i = 0; i < 5; i++)
        rpy_set_add(DICT(0), (uint64_t)a_keys[i]);
    check(int_order_is(DICT(0), a_order, 5) && stats().prebuilt_roots == roots, "usable after clear");
    unframe(f);
}

/* contains, discard, next, eq and adding a present key allocate nothing
 * (hashing a fresh string caches its hash in place). */
static void test_no_allocation(void) {
    void **f = frame(4);
    f[0] = new_set(RPY_KEY_STR, RPY_TID_ARRAY_PTR);
    for (int i = 0; i < 100; i++) {
        f[1] = new_strf("w%d", i);
        rpy_set_add(DICT(0), PTR(f[1]));
    }
    f[1] = new_str("w50");
    f[2] = rpy_set_copy(DICT(0));
    f[3] = tuple_dict(d_nest, 0);
    for (int64_t i = 0; i < 100; i++) {
        f[1] = new_nest(i, i * 3, "w");
        rpy_set_add(DICT(3), PTR(f[1]));
    }
    f[1] = new_str("w50");
    uint64_t before = stats().bytes_allocated;
    bool ok = rpy_set_contains(DICT(0), PTR(f[1])) && rpy_set_next(DICT(0), 0) >= 0;
    rpy_set_add(DICT(0), PTR(f[1]));
    ok &= rpy_set_eq(DICT(0), DICT(2)) && rpy_set_discard(DICT(2), PTR(f[1]), true);
    ok &= !rpy_set_discard(DICT(2), PTR(f[1]), false) && !rpy_set_eq(DICT(0), DICT(2));
    uint64_t after = stats().bytes_allocated;
    check(ok && before == after && no_exception(), "str sets: contains, add present, discard, eq allocate nothing");
    f[1] = new_nest(50, 150, "w");
    f[2] = new_nest(50, 150, "x");
    before = stats().bytes_allocated;
    ok = rpy_set_contains(DICT(3), PTR(f[1])) && !rpy_set_contains(DICT(3), PTR(f[2]));
    rpy_set_add(DICT(3), PTR(f[1]));
    ok &= rpy_set_discard(DICT(3), PTR(f[1]), true) && DICT(3)->length == 99;
    rpy_set_add(DICT(3), PTR(f[1])); /* into the slot just left */
    after = stats().bytes_allocated;
    check(ok && before == after && no_exception(), "tuple sets: contains, add, discard allocate nothing");
    unframe(f);
}

/* ---- random operations against the model (dict_keys.h) ----------------------- */

/* The live model entries sorted by key id, to find keys by binary search
 * (the model's own search is linear).  Float ids are bits, equal as keys
 * when equal as bits except for the zeros. */
static struct {
    uint64_t id;
    int64_t i;
} by_id[MODEL_MAX];
static int64_t n_by_id;

static uint64_t norm_id(int kind, uint64_t id) { return kind == R_FLOAT && id == bits(-0.0) ? bits(0.0) : id; }

static int cmp_by_id(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void index_model(int kind) {
    n_by_id = 0;
    for (int64_t i = 0; i < model_used; i++)
        if (model[i].live) {
            by_id[n_by_id].id = norm_id(kind, model[i].key);
            by_id[n_by_id++].i = i;
        }
    qsort(by_id, (size_t)n_by_id, sizeof by_id[0], cmp_by_id);
}

/* The model entry (index_model'ed) of the key; -1 if none. */
static int64_t find_indexed(int kind, uint64_t key) {
    uint64_t id = norm_id(kind, id_of_key(kind, key));
    int64_t lo = 0, hi = n_by_id;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (by_id[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n_by_id && by_id[lo].id == id ? by_id[lo].i : -1;
}

/* The set holds the model's keys and no other, each once, and a set of
 * instances holds them in the model's (insertion) order. */
static bool set_matches_model(rpy_dict *s, int kind) {
    static unsigned char seen[MODEL_MAX];
    memset(seen, 0, (size_t)model_used);
    index_model(kind);
    int64_t n = 0, last = -1;
    for (int64_t pos = rpy_set_next(s, 0); pos >= 0; pos = rpy_set_next(s, pos + 1), n++) {
        int64_t i = find_indexed(kind, rpy_dict_key_at(s, pos));
        if (i < 0 || seen[i] || (kind == R_IDENTITY && i < last))
            return false;
        seen[i] = 1;
        last = i;
    }
    return n == model_len && s->length == model_len;
}

/* Marks (in *keep) the model entries whose keys the set f[k] holds. */
static void mark_members(void **f, int k, int kind, unsigned char *keep) {
    memset(keep, 0, (size_t)model_used);
    index_model(kind);
    for (int64_t pos = rpy_set_next(DICT(k), 0); pos >= 0; pos = rpy_set_next(DICT(k), pos + 1)) {
        int64_t i = find_indexed(kind, rpy_dict_key_at(DICT(k), pos));
        if (i >= 0)
            keep[i] = 1;
    }
}

/* f[F_COPY] = a new set of a few random keys, plus about `twentieths`
 * / 20 of the set's own. */
static void make_other(void **f, int kind, int32_t key_kind, rpy_str *desc, int64_t range, uint64_t twentieths) {
    f[F_COPY] = rpy_dict_new(key_kind, key_tid_of(kind), 0, desc);
    if (twentieths > 0)
        for (int64_t pos = rpy_set_next(DICT(F_DICT), 0); pos >= 0; pos = rpy_set_next(DICT(F_DICT), pos + 1))
            if (rnd() % 20 < twentieths)
                rpy_set_add(DICT(F_COPY), rpy_dict_key_at(DICT(F_DICT), pos));
    int n = (int)(rnd() % 20);
    for (int k = 0; k < n; k++) {
        uint64_t key = make_key(f, kind, random_id(kind, range)); /* before DICT(): it may move the set */
        rpy_set_add(DICT(F_COPY), key);
    }
}

static void test_random(int kind, int64_t n_ops, int64_t range) {
    static unsigned char keep[MODEL_MAX];
    void **f = frame(F_SLOTS);
    rpy_str *desc = kind == R_CUSTOM ? d_ii : kind == R_NESTED ? d_nest : NULL;
    int key_kind = kind == R_INT        ? RPY_KEY_INT
                   : kind == R_FLOAT    ? RPY_KEY_FLOAT
                   : kind == R_STR      ? RPY_KEY_STR
                   : kind == R_IDENTITY ? RPY_KEY_IDENTITY
                                        : RPY_KEY_CUSTOM;
    f[F_DICT] = rpy_dict_new(key_kind, key_tid_of(kind), 0, desc);
    if (kind == R_IDENTITY) {
        f[F_POOL] = rpy_list_new(RPY_TID_ARRAY_PTR, range, range);
        for (int64_t i = 0; i < range; i++) {
            node *x = new_node(i);
            list_set(LIST(F_POOL), i, PTR(x));
        }
    }
    model_used = model_len = 0;
    int64_t next_node_id = range, first_bad = -1;
    int bad = 0;
    for (int64_t op = 0; op < n_ops && bad == 0; op++) {
        uint64_t r = rnd() % 1000;
        uint64_t id = random_id(kind, range);
        if (r < 380) { /* add */
            uint64_t key = make_key(f, kind, id);
            uint64_t mid = model_id(kind, id, key); /* before add may move the key */
            rpy_set_add(DICT(F_DICT), key);
            model_set(kind, mid, 0);
        } else if (r < 580) { /* in */
            uint64_t key = make_key(f, kind, id);
            int64_t i = model_find(kind, model_id(kind, id, key));
            bad += rpy_set_contains(DICT(F_DICT), key) != (i >= 0);
        } else if (r < 700) { /* remove / discard */
            uint64_t key = make_key(f, kind, id);
            int64_t i = model_find(kind, model_id(kind, id, key));
            bool must = rnd() % 2;
            bad += rpy_set_discard(DICT(F_DICT), key, must) != (i >= 0);
            if (i >= 0)
                model_del(i);
            else if (must)
                bad += !raised(RPY_EXC_KEY, kind == R_IDENTITY ? "" : NULL);
        } else if (r < 740) { /* check everything */
            bad += !set_matches_model(DICT(F_DICT), kind);
        } else if (r < 760) { /* copy, compare, keep using the copy */
            f[F_COPY] = rpy_set_copy(DICT(F_DICT));
            bad += !rpy_set_eq(DICT(F_DICT), DICT(F_COPY)) || !rpy_set_eq(DICT(F_COPY), DICT(F_DICT));
            f[F_DICT] = f[F_COPY];
        } else if (r < 761 && rnd() % 8 == 0) { /* clear, rarely: the sets should grow big */
            rpy_set_clear(DICT(F_DICT));
            model_used = model_len = 0;
        } else if (r < 820) { /* s |= t, or s = s | t */
            make_other(f, kind, key_kind, desc, range, 0);
            if (r < 790)
                rpy_set_update(DICT(F_DICT), DICT(F_COPY));
            else
                f[F_DICT] = rpy_set_union(DICT(F_DICT), DICT(F_COPY));
            /* t's new keys come last, in t's order (which matters for instances only) */
            for (int64_t pos = rpy_set_next(DICT(F_COPY), 0); pos >= 0; pos = rpy_set_next(DICT(F_COPY), pos + 1))
                model_set(kind, id_of_key(kind, rpy_dict_key_at(DICT(F_COPY), pos)), 0);
        } else if (r < 850) { /* s -= t, or s = s - t */
            make_other(f, kind, key_kind, desc, range, rnd() % 16 == 0 ? 16 : 0);
            if (r < 835)
                rpy_set_difference_update(DICT(F_DICT), DICT(F_COPY));
            else
                f[F_DICT] = rpy_set_difference(DICT(F_DICT), DICT(F_COPY));
            mark_members(f, F_COPY, kind, keep);
            for (int64_t i = model_used - 1; i >= 0; i--)
                if (model[i].live && keep[i])
                    model_del(i);
        } else if (r < 870) { /* s &= t, or s = s & t, t holding most of s */
            make_other(f, kind, key_kind, desc, range, 19);
            mark_members(f, F_COPY, kind, keep);
            if (r < 860)
                rpy_set_intersection_update(DICT(F_DICT), DICT(F_COPY));
            else
                f[F_DICT] = rpy_set_intersection(DICT(F_DICT), DICT(F_COPY));
            for (int64_t i = model_used - 1; i >= 0; i--)
                if (model[i].live && !keep[i])
                    model_del(i);
        } else if (r < 900 && kind == R_IDENTITY) {
            /* A new node in a pool slot; the old one, if a member, stays
             * in the set (and the model) under its own id. */
            node *x = new_node(next_node_id++);
            list_set(LIST(F_POOL), (int64_t)(rnd() % (uint64_t)range), PTR(x));
        } else {
            garbage((int)(rnd() % 100));
        }
        f[F_COPY] = NULL;
        if (bad != 0 && first_bad < 0)
            first_bad = op;
    }
    bad += !set_matches_model(DICT(F_DICT), kind);
    check(bad == 0 && no_exception(), "random %s set: %lld ops, %lld live at the end (first failure at op %lld)",
          rkind_names[kind], (long long)n_ops, (long long)model_len, (long long)first_bad);
    unframe(f);
}

/* ---- int sets against CPython's orders ------------------------------------------ */

/* set_cases.h's random_checksums script, step by step (each rnd() drawn
 * in the same order). */
static uint64_t cs_state = 0x243F6A8885A308D3u;
static uint64_t cs_rnd(void) {
    cs_state ^= cs_state << 13;
    cs_state ^= cs_state >> 7;
    cs_state ^= cs_state << 17;
    return cs_state;
}

static uint64_t cs_key(uint64_t span) {
    uint64_t r = cs_rnd();
    int64_t v = (int64_t)(r % span) - (int64_t)(span / 2);
    if (r % 41 == 0)
        v += ((int64_t)1 << 61) - 1;
    else if (r % 43 == 0)
        v = INT64_MIN + (int64_t)(r % 5);
    return (uint64_t)v;
}

static void test_random_checksums(void) {
    void **f = frame(5); /* four sets and a list */
    for (int i = 0; i < 4; i++)
        f[i] = int_set();
    uint64_t hits = 0;
    int64_t n_out = 0, first_bad = -1;
    int bad_errors = 0;
    static const uint64_t spans[] = {40, 600, 5000};
    for (int phase = 0; phase < 3; phase++) {
        uint64_t span = spans[phase];
        for (int op = 0; op < 6000; op++) {
            uint64_t r = cs_rnd() % 100;
            int i = (int)(cs_rnd() % 4), j = (int)(cs_rnd() % 4), t = (int)(cs_rnd() % 4);
            if (r < 36) {
                rpy_set_add(DICT(i), cs_key(span));
            } else if (r < 48) {
                hits += rpy_set_discard(DICT(i), cs_key(span), false);
            } else if (r < 52) {
                uint64_t k = cs_key(span);
                if (rpy_set_discard(DICT(i), k, true)) {
                    hits += 1;
                } else {
                    char msg[32];
                    snprintf(msg, sizeof msg, "%lld", (long long)(int64_t)k);
                    bad_errors += !raised(RPY_EXC_KEY, msg);
                    hits += 2;
                }
            } else if (r < 60) {
                hits += rpy_set_contains(DICT(i), cs_key(span));
            } else if (r < 64) {
                int64_t n = (int64_t)(cs_rnd() % (span / 4 + 2));
                f[4] = rpy_list_new(RPY_TID_ARRAY_I64, 0, n);
                for (int64_t k = 0; k < n; k++)
                    rpy_list_append(LIST(4), cs_key(span));
                rpy_set_add_all(DICT(i), LIST(4));
                f[4] = NULL;
            } else if (r < 67) {
                f[t] = rpy_set_copy(DICT(i));
            } else if (r < 71) {
                f[t] = rpy_set_union(DICT(i), DICT(j));
            } else if (r < 75) {
                f[t] = rpy_set_intersection(DICT(i), DICT(j));
            } else if (r < 79) {
                f[t] = rpy_set_difference(DICT(i), DICT(j));
            } else if (r < 84) {
                rpy_set_update(DICT(i), DICT(j));
            } else if (r < 88) {
                rpy_set_intersection_update(DICT(i), DICT(j));
            } else if (r < 92) {
                rpy_set_difference_update(DICT(i), DICT(j));
            } else if (r < 95) {
                hits += rpy_set_eq(DICT(i), DICT(j));
            } else if (r < 96) {
                rpy_set_clear(DICT(i));
            } else {
                garbage(3); /* Python does nothing here */
            }
            if (op % 200 == 199) {
                uint64_t cp = hits;
                for (int k = 0; k < 4; k++)
                    cp = cp * 1000003u + checksum(DICT(k)) + (uint64_t)DICT(k)->length;
                if (n_out < COUNT(random_checksums) && cp != random_checksums[n_out] && first_bad < 0)
                    first_bad = n_out;
                n_out++;
            }
        }
    }
    check(n_out == COUNT(random_checksums) && first_bad < 0 && bad_errors == 0 && no_exception(),
          "18000 random int set operations iterate as in CPython (first checkpoint off: %lld)",
          (long long)first_bad);
    unframe(f);
}

/* set_cases.h's big_checksums script: sets past 50000 keys (where
 * CPython grows by 2x instead of 4x), a big one minus a smaller one
 * (copy then discards) and in-place operations. */
static uint64_t big_key(int64_t n) { return (uint64_t)(n * 2654435761 % ((int64_t)1 << 32) - ((int64_t)1 << 31)); }

static void test_big_sets(void) {
    void **f = frame(3);
    f[0] = int_set();
    f[1] = int_set();
    uint64_t got[7];
    for (int64_t n = 0; n < 120000; n++)
        rpy_set_add(DICT(0), big_key(n));
    got[0] = checksum(DICT(0));
    for (int64_t n = 0; n < 120000; n += 3)
        rpy_set_discard(DICT(0), big_key(n), false);
    got[1] = checksum(DICT(0));
    for (int64_t n = 0; n < 120000; n += 7)
        rpy_set_add(DICT(1), big_key(n));
    f[2] = rpy_set_difference(DICT(0), DICT(1));
    got[2] = checksum(DICT(2));
    f[2] = rpy_set_intersection(DICT(0), DICT(1));
    got[3] = checksum(DICT(2));
    f[2] = rpy_set_difference(DICT(1), DICT(0));
    got[4] = checksum(DICT(2));
    rpy_set_difference_update(DICT(0), DICT(1));
    got[5] = checksum(DICT(0));
    rpy_set_update(DICT(0), DICT(1));
    got[6] = checksum(DICT(0));
    int bad = 0;
    for (int k = 0; k < 7; k++)
        if (got[k] != big_checksums[k]) {
            printf("  (big set checksum %d: 0x%016llx, CPython's 0x%016llx)\n", k, (unsigned long long)got[k],
                   (unsigned long long)big_checksums[k]);
            bad++;
        }
    check(bad == 0 && DICT(0)->length == 85715 && no_exception(), "big int sets iterate as in CPython");
    unframe(f);
}

int64_t rpy_entry_point(rpy_list *argv) {
    (void)argv;
    const char *v = getenv("RPY_GC_STRESS");
    stress = v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
    test_int_sets();
    test_float_sets();
    test_constants();
    test_in_place();
    test_tuple_sets();
    test_str_sets();
    test_identity_sets(20000);
    test_empty_sets();
    test_no_allocation();
    for (int k = 0; k < N_RKINDS; k++) {
        test_random(k, 20000, 200);
        test_random(k, 30000, 3000);
    }
    test_random_checksums();
    test_big_sets();
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    rpy_gc_stats s = stats();
    printf("test_set (nursery %llu bytes%s%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", stress ? ", stress" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
