/* Tests for strings, the builder and formatting (rpy_str.c,
 * rpy_strops.c, rpy_format.c, rpy_unicode.c).
 *
 * Linked with the whole runtime like test_list.c, and run the same three
 * ways by `make test`: default nursery, RPY_GC_NURSERY=4096 (collections
 * every few dozen strings) and that with RPY_GC_DEBUG=1, which poisons
 * the nursery after each collection, so a pointer the runtime failed to
 * root or reload shows up as garbage text or a bad type id.
 *
 * Most expected values are tables computed with CPython 3.11
 * (str_cases.h); the checks of results also compare nchars with an
 * independent count of the code points.  The test keeps GC pointers the
 * way generated code does: in shadow-stack slots (frame()), reloaded
 * after anything that can collect.
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "check.h"
#include "runtime_types.h"
#include "str_cases.h"

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
const rpy_location rpy_locations[] = {{"test_str.c", "test", "", 1}};

/* ---- checks and helpers ---------------------------------------------- */

#define STR(k) ((rpy_str *)f[k])
#define LIST(k) ((rpy_list *)f[k])
#define PTR(p) ((uint64_t)(uintptr_t)(p))

static rpy_gc_stats stats(void) {
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    return s;
}

/* Something to collect. */
static void garbage(int n) {
    for (int i = 0; i < n; i++) {
        node *x = rpy_gc_malloc(T_NODE);
        x->value = i;
    }
}

/* Code points of p as CPython's surrogateescape decoding counts them
 * (each byte of an ill-formed sequence is one), written apart from the
 * runtime's decoder: decode greedily, then refuse overlong forms,
 * surrogates and values above U+10FFFF. */
static int64_t ref_nchars(const char *p, size_t n) {
    static const uint32_t min_cp[] = {0, 0x80, 0x800, 0x10000};
    const unsigned char *u = (const unsigned char *)p;
    int64_t count = 0;
    for (size_t i = 0; i < n; count++) {
        unsigned c = u[i];
        size_t need = c >= 0xF8 ? 9 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        bool ok = c < 0x80 || (need <= 3 && (c & 0xC0) == 0xC0 && i + need < n);
        uint32_t cp = c & (0x3F >> need);
        for (size_t k = 1; ok && k <= need; k++) {
            ok = (u[i + k] & 0xC0) == 0x80;
            cp = cp << 6 | (u[i + k] & 0x3F);
        }
        if (ok && need > 0)
            ok = cp >= min_cp[need] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        i += ok ? need + 1 : 1;
    }
    return count;
}

/* r is a well-formed string object holding exactly want. */
static bool is_str(const rpy_str *r, const char *want) {
    size_t n = strlen(want);
    return r != NULL && r->hdr.tid == RPY_TID_STR && r->length == (int64_t)n && memcmp(r->data, want, n) == 0 &&
           r->data[n] == '\0' && r->nchars == ref_nchars(want, n);
}

/* For messages: the text of a string or "(null)". */
static const char *text(const rpy_str *s) { return s != NULL ? s->data : "(null)"; }

/* The exception in flight is of this kind (and message, unless NULL);
 * it is taken either way. */
static bool raised(int kind, const char *msg) {
    exc *e = rpy_exc_catch();
    if (e == NULL || e->hdr.tid != (uint32_t)(T_EXC + kind))
        return false;
    return msg == NULL || (e->message != NULL && e->message->length == (int64_t)strlen(msg) &&
                           memcmp(e->message->data, msg, strlen(msg)) == 0);
}

/* No exception in flight (taking any that is, so one failure does not
 * cascade). */
static bool calm(void) { return rpy_exc_catch() == NULL; }

static rpy_str *S(const char *t) { return rpy_str_from_bytes(t, (int64_t)strlen(t)); }
static rpy_str *S_or_null(const char *t) { return t != NULL ? S(t) : NULL; }

static bool list_is(const rpy_list *l, const char *const *want) {
    int64_t n = 0;
    while (want[n] != NULL)
        n++;
    if (l == NULL || l->length != n || l->items->hdr.tid != RPY_TID_ARRAY_PTR)
        return false;
    for (int64_t i = 0; i < n; i++) {
        rpy_str *x;
        memcpy(&x, l->items->items + 8 * i, sizeof x);
        if (!is_str(x, want[i]))
            return false;
    }
    return true;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- making, indexing, slicing ----------------------------------------- */

static void test_basics(void) {
    void **f = frame(4);
    /* Prebuilt: the empty string and one-character ASCII strings are
     * shared static objects. */
    f[0] = S("");
    check(is_str(STR(0), "") && (STR(0)->hdr.gcflags & RPY_GCFLAG_PREBUILT), "empty string is prebuilt");
    f[0] = S("hello");
    rpy_str *h = rpy_str_getitem(STR(0), 1);
    check(h == rpy_str_ascii('e') && is_str(h, "e"), "s[i] of ASCII is prebuilt");
    check(rpy_str_getitem(STR(0), 4) == rpy_str_getitem(STR(0), -1), "s[-1]");
    check(!rpy_gc_is_young(h), "prebuilt strings are not in the nursery");
    check(is_str(rpy_str_of_bool(true), "True") && is_str(rpy_str_of_bool(false), "False"), "str(bool)");
    check(rpy_str_chr('A') == rpy_str_ascii('A'), "chr(65) is prebuilt");

    /* Embedded NUL bytes are ordinary characters. */
    f[1] = rpy_str_from_bytes("a\0b", 3);
    check(STR(1)->length == 3 && STR(1)->nchars == 3 && STR(1)->data[3] == '\0', "NUL inside");
    check(rpy_str_ord(rpy_str_getitem(STR(1), 1)) == 0, "ord of NUL");
    f[2] = rpy_str_from_bytes("b", 1);
    check(rpy_str_find(STR(1), STR(2), 0, INT64_MAX) == 2, "find past NUL");

    /* concat and repeat, and seams between stray bytes. */
    f[1] = S("h\303\251");
    f[2] = S("llo");
    check(is_str(rpy_str_concat(STR(1), STR(2)), "h\303\251llo"), "concat");
    check(rpy_str_concat(STR(1), S("")) == STR(1), "s + '' is s");
    f[1] = S("ab\303");
    f[2] = S("\251cd");
    f[3] = rpy_str_concat(STR(1), STR(2));
    check(STR(1)->nchars == 3 && STR(2)->nchars == 3 && is_str(STR(3), "ab\303\251cd") && STR(3)->nchars == 5,
          "stray bytes glued into one character");
    f[1] = S("\251\303");
    check(is_str(rpy_str_repeat(STR(1), 3), "\251\303\251\303\251\303"), "repeat across a seam");
    f[1] = S("ab");
    check(is_str(rpy_str_repeat(STR(1), 5), "ababababab") && is_str(rpy_str_repeat(STR(1), 0), "") &&
              is_str(rpy_str_repeat(STR(1), -3), "") && rpy_str_repeat(STR(1), 1) == STR(1),
          "repeat");
    f[1] = S("\342\202\254");
    check(is_str(rpy_str_repeat(STR(1), 4), "\342\202\254\342\202\254\342\202\254\342\202\254"), "repeat euro");
    check(rpy_str_repeat(STR(1), INT64_MAX / 2) == NULL && raised(RPY_EXC_OVERFLOW, "repeated string is too long"),
          "repeat overflow");
    check(rpy_str_repeat(STR(1), INT64_MAX / 4) == NULL && raised(RPY_EXC_MEMORY, NULL), "repeat out of memory");

    /* ord and chr */
    check(rpy_str_ord(S("\360\235\204\236")) == 0x1D11E && rpy_str_ord(S("\377")) == 0xDCFF, "ord");
    check(rpy_str_ord(S("ab")) == 0 &&
              raised(RPY_EXC_TYPE, "ord() expected a character, but string of length 2 found"),
          "ord('ab')");
    check(rpy_str_ord(S("")) == 0 && raised(RPY_EXC_TYPE, "ord() expected a character, but string of length 0 found"),
          "ord('')");
    check(is_str(rpy_str_chr(0xE9), "\303\251") && is_str(rpy_str_chr(0x20AC), "\342\202\254") &&
              is_str(rpy_str_chr(0x10FFFF), "\364\217\277\277") && is_str(rpy_str_chr(0xDCFF), "\377"),
          "chr");
    check(rpy_str_chr(0x110000) == NULL && raised(RPY_EXC_VALUE, "chr() arg not in range(0x110000)"), "chr(big)");
    check(rpy_str_chr(-1) == NULL && raised(RPY_EXC_VALUE, "chr() arg not in range(0x110000)"), "chr(-1)");
    for (int32_t c = 0; c < 0x110000; c += 0x3FF) /* ord(chr(c)) == c but for surrogates */
        if (c < 0xD800 || c > 0xDFFF)
            check(rpy_str_ord(rpy_str_chr(c)) == c, "ord(chr(%d))", c);

    /* str() of numbers */
    for (size_t k = 0; k < COUNT(int_text_cases); k++) {
        const int_text_case *t = &int_text_cases[k];
        check(is_str(rpy_str_of_int(t->v), t->str), "str(%lld)", (long long)t->v);
        check(is_str(rpy_str_int_to_base(t->v, 16), t->hex), "hex(%lld)", (long long)t->v);
        check(is_str(rpy_str_int_to_base(t->v, 8), t->oct), "oct(%lld)", (long long)t->v);
        check(is_str(rpy_str_int_to_base(t->v, 2), t->bin), "bin(%lld)", (long long)t->v);
    }
    for (size_t k = 0; k < COUNT(float_text_cases); k++)
        check(is_str(rpy_str_of_float(float_text_cases[k].v), float_text_cases[k].str), "str(%s)",
              float_text_cases[k].str);
    unframe(f);
}

static void test_getitem_slice(void) {
    void **f = frame(1);
    for (size_t k = 0; k < COUNT(getitem_cases); k++) {
        const getitem_case *t = &getitem_cases[k];
        f[0] = S(t->s);
        rpy_str *r = rpy_str_getitem(STR(0), t->i);
        if (t->want == NULL)
            check(r == NULL && raised(RPY_EXC_INDEX, "string index out of range"), "%s[%lld] raises", t->s,
                  (long long)t->i);
        else
            check(is_str(r, t->want), "%s[%lld]: got %s", t->s, (long long)t->i, text(r));
        /* A loop's index (never negative) reads the same character, or
         * its code point in place. */
        int64_t n = STR(0)->nchars;
        if (t->want != NULL && t->i >= 0 && t->i < n) {
            rpy_str *c = rpy_str_iter_item(STR(0), t->i);
            int64_t want = rpy_str_ord(c);
            check(is_str(c, t->want), "iter item %s[%lld]", t->s, (long long)t->i);
            check(rpy_str_code_point_at(STR(0), t->i) == want, "code point %s[%lld]", t->s, (long long)t->i);
        }
    }
    for (size_t k = 0; k < COUNT(slice_cases); k++) {
        const slice_case *t = &slice_cases[k];
        f[0] = S(t->s);
        rpy_str *r = rpy_str_slice(STR(0), t->start, t->stop, t->step);
        check(r != NULL && r->length == (int64_t)strlen(t->want) && memcmp(r->data, t->want, (size_t)r->length) == 0 &&
                  r->nchars == t->nchars && r->data[r->length] == '\0',
              "%s[%lld:%lld:%lld]: got %s", t->s, (long long)t->start, (long long)t->stop, (long long)t->step, text(r));
    }
    f[0] = S("abc");
    check(rpy_str_slice(STR(0), 0, 3, 0) == NULL && raised(RPY_EXC_VALUE, "slice step cannot be zero"), "step 0");
    check(rpy_str_slice(STR(0), INT64_MIN, INT64_MAX, 1) == STR(0), "s[:] is s");
    unframe(f);
}

/* Walking a multi-byte string by index, forwards, backwards and at
 * random, with collections in between (the position cache is keyed by
 * address and GC epoch). */
static void test_index_walks(void) {
    void **f = frame(3);
    static const char *const pieces[] = {"a", "\303\251", "\342\202\254", "\360\235\204\236", "\377", "b"};
    enum { N = 3000 };
    int64_t want[N];
    rpy_builder_space space;
    rpy_builder *b = (rpy_builder *)(void *)&space;
    rpy_builder_init(b);
    unsigned seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245 + 12345;
        int k = (int)(seed >> 16) % 6;
        rpy_builder_add_bytes(b, pieces[k], (int64_t)strlen(pieces[k]));
        static const int64_t cps[] = {'a', 0xE9, 0x20AC, 0x1D11E, 0xDCFF, 'b'};
        want[i] = cps[k];
    }
    f[0] = rpy_builder_finish(b);
    check(STR(0)->nchars == N, "built %d code points: %lld", N, (long long)STR(0)->nchars);
    bool ok = true;
    for (int i = 0; i < N && ok; i++)
        ok = rpy_str_ord(rpy_str_getitem(STR(0), i)) == want[i];
    check(ok, "forward walk");
    ok = true;
    for (int i = N - 1; i >= 0 && ok; i--) {
        ok = rpy_str_ord(rpy_str_getitem(STR(0), i)) == want[i];
        if (i % 97 == 0)
            garbage(50);
    }
    check(ok, "backward walk with collections");
    ok = true;
    for (int j = 0; j < 2000 && ok; j++) {
        seed = seed * 1103515245 + 12345;
        int i = (int)(seed >> 8) % N;
        ok = rpy_str_ord(rpy_str_getitem(STR(0), i - N)) == want[i];
    }
    check(ok, "random walk");
    /* A new string where an old one was: after a collection the nursery
     * is reused, so the new string may get the old address. */
    f[1] = S("\303\251\303\251xyz");
    check(rpy_str_ord(rpy_str_getitem(STR(1), 4)) == 'z', "lookup before collection");
    rpy_gc_minor_collect();
    f[2] = S("xy\303\251zzz");
    check(rpy_str_ord(rpy_str_getitem(STR(2), 4)) == 'z' && rpy_str_ord(rpy_str_getitem(STR(2), 2)) == 0xE9,
          "lookup after the address may be reused");
    unframe(f);
}

/* ---- searching ---------------------------------------------------------- */

static void test_find(void) {
    void **f = frame(2);
    for (size_t k = 0; k < COUNT(find_cases); k++) {
        const find_case *t = &find_cases[k];
        f[0] = S(t->s);
        f[1] = S(t->sub);
        int64_t got = rpy_str_find(STR(0), STR(1), t->start, t->end);
        int64_t rgot = rpy_str_rfind(STR(0), STR(1), t->start, t->end);
        check(got == t->find && rgot == t->rfind, "'%s'.find/rfind('%s', %lld, %lld): %lld %lld, want %lld %lld",
              t->s, t->sub, (long long)t->start, (long long)t->end, (long long)got, (long long)rgot,
              (long long)t->find, (long long)t->rfind);
        for (int rev = 0; rev < 2; rev++) {
            int64_t want = rev ? t->rfind : t->find;
            int64_t i = rpy_str_index(STR(0), STR(1), t->start, t->end, rev);
            if (want < 0)
                check(raised(RPY_EXC_VALUE, "substring not found"), "index raises");
            else
                check(i == want && calm(), "index");
        }
    }
    for (size_t k = 0; k < COUNT(match_cases); k++) {
        const match_case *t = &match_cases[k];
        f[0] = S(t->s);
        f[1] = S(t->sub);
        check(rpy_str_count(STR(0), STR(1)) == t->count, "'%s'.count('%s')", t->s, t->sub);
        check(rpy_str_contains(STR(0), STR(1)) == t->contains, "'%s' in '%s'", t->sub, t->s);
        check(rpy_str_startswith(STR(0), STR(1)) == t->starts, "'%s'.startswith('%s')", t->s, t->sub);
        check(rpy_str_endswith(STR(0), STR(1)) == t->ends, "'%s'.endswith('%s')", t->s, t->sub);
    }
    unframe(f);
}

static void test_strip(void) {
    void **f = frame(2);
    for (size_t k = 0; k < COUNT(strip_cases); k++) {
        const strip_case *t = &strip_cases[k];
        const char *want[3] = {t->strip, t->lstrip, t->rstrip};
        for (int which = 0; which < 3; which++) {
            f[0] = S(t->s);
            f[1] = S_or_null(t->chars);
            rpy_str *r = rpy_str_strip(STR(0), STR(1), which);
            check(is_str(r, want[which]), "strip %d of '%s' by '%s': '%s'", which, t->s, t->chars ? t->chars : "None",
                  text(r));
        }
    }
    unframe(f);
}

/* ---- case and character classes ----------------------------------------- */

static void test_case(void) {
    void **f = frame(1);
    for (size_t k = 0; k < COUNT(case_cases); k++) {
        const case_case *t = &case_cases[k];
        f[0] = S(t->s);
        rpy_str *lo = rpy_str_lower(STR(0));
        check(lo != NULL && lo->length == (int64_t)strlen(t->lower) && memcmp(lo->data, t->lower, strlen(t->lower)) == 0 &&
                  lo->nchars == t->lower_nchars,
              "'%s'.lower(): '%s'", t->s, text(lo));
        rpy_str *up = rpy_str_upper(STR(0));
        check(up != NULL && up->length == (int64_t)strlen(t->upper) && memcmp(up->data, t->upper, strlen(t->upper)) == 0 &&
                  up->nchars == t->upper_nchars,
              "'%s'.upper(): '%s'", t->s, text(up));
        for (int kind = 0; kind < 6; kind++)
            check(rpy_str_is(STR(0), kind) == (t->is[kind] == '1'), "'%s'.is kind %d", t->s, kind);
    }
    unframe(f);
}

/* Every code point's properties through the string functions, summed
 * and compared with CPython's sums.  The strings under test live outside
 * the GC heap, like prebuilt constants. */
static void test_census(void) {
    struct {
        rpy_hdr hdr;
        int64_t hash, length, nchars;
        char data[8];
    } one = {{RPY_TID_STR, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0, 0, 1, {0}};
    rpy_str *s = (rpy_str *)(void *)&one;
    for (size_t k = 0; k < COUNT(class_censuses); k++) {
        const class_census *t = &class_censuses[k];
        int64_t counts[6] = {0};
        uint64_t lsum = 0, usum = 0;
        for (int32_t c = t->lo; c < t->hi; c++) {
            if (c >= 0xD800 && c < 0xE000)
                continue;
            memset(one.data, 0, sizeof one.data);
            one.length = rpy_utf8_encode(c, one.data);
            for (int kind = 0; kind < 6; kind++)
                counts[kind] += rpy_str_is(s, kind);
            rpy_str *lo = rpy_str_lower(s), *up = rpy_str_upper(s);
            for (int64_t i = 0; i < lo->length;) {
                int len;
                lsum += (uint64_t)c * 31 + (uint64_t)rpy_utf8_next((const unsigned char *)lo->data + i, lo->length - i, &len);
                i += len;
            }
            for (int64_t i = 0; i < up->length;) {
                int len;
                usum += (uint64_t)c * 31 + (uint64_t)rpy_utf8_next((const unsigned char *)up->data + i, up->length - i, &len);
                i += len;
            }
        }
        for (int kind = 0; kind < 6; kind++)
            check(counts[kind] == t->counts[kind], "U+%04X..U+%04X: kind %d count %lld, want %lld", t->lo, t->hi - 1,
                  kind, (long long)counts[kind], (long long)t->counts[kind]);
        check(lsum == t->lower_sum && usum == t->upper_sum, "U+%04X..U+%04X: case mapping sums", t->lo, t->hi - 1);
    }
    for (size_t k = 0; k < COUNT(printable_censuses); k++) {
        const printable_census *t = &printable_censuses[k];
        int64_t n = 0;
        for (int32_t c = t->lo; c < t->hi; c++) {
            char esc[12];
            /* repr() escapes quotes and backslashes, printable as they are */
            n += rpy_repr_escape(c, '\'', false, esc) == 0 || c == '\'' || c == '\\';
        }
        check(n == t->printable, "U+%04X..U+%04X: %lld printable, want %lld", t->lo, t->hi - 1, (long long)n,
              (long long)t->printable);
    }
}

/* ---- replace, split, join, padding ------------------------------------------ */

static void test_replace(void) {
    void **f = frame(3);
    for (size_t k = 0; k < COUNT(replace_cases); k++) {
        const replace_case *t = &replace_cases[k];
        f[0] = S(t->s);
        f[1] = S(t->old);
        f[2] = S(t->new_);
        rpy_str *r = rpy_str_replace(STR(0), STR(1), STR(2), t->count);
        check(r != NULL && r->length == (int64_t)strlen(t->want) && memcmp(r->data, t->want, strlen(t->want)) == 0 &&
                  r->nchars == t->nchars,
              "'%s'.replace('%s', '%s', %lld): '%s'", t->s, t->old, t->new_, (long long)t->count, text(r));
    }
    unframe(f);
}

static void test_split(void) {
    void **f = frame(2);
    for (size_t k = 0; k < COUNT(split_cases); k++) {
        const split_case *t = &split_cases[k];
        for (int rev = 0; rev < 2; rev++) {
            f[0] = S(t->s);
            f[1] = S_or_null(t->sep);
            rpy_list *l = rev ? rpy_str_rsplit(STR(0), STR(1), t->maxsplit) : rpy_str_split(STR(0), STR(1), t->maxsplit);
            if (t->exc >= 0)
                check(l == NULL && raised(t->exc, "empty separator"), "split by '' raises");
            else
                check(list_is(l, rev ? t->rsplit : t->split), "'%s'.%ssplit(%s, %lld)", t->s, rev ? "r" : "",
                      t->sep ? t->sep : "None", (long long)t->maxsplit);
        }
    }
    for (size_t k = 0; k < COUNT(splitlines_cases); k++) {
        f[0] = S(splitlines_cases[k].s);
        check(list_is(rpy_str_splitlines(STR(0)), splitlines_cases[k].lines), "splitlines %zu", k);
    }
    /* list(s): one string per code point, each one character long. */
    const struct {
        const char *s;
        const char *const *chars;
    } chars_cases[] = {
        {"", (const char *const[]){NULL}},
        {"ab", (const char *const[]){"a", "b", NULL}},
        {"a\303\251\344\270\255\360\237\230\200", (const char *const[]){"a", "\303\251", "\344\270\255", "\360\237\230\200", NULL}},
    };
    for (size_t k = 0; k < COUNT(chars_cases); k++) {
        f[0] = S(chars_cases[k].s);
        rpy_list *l = rpy_str_chars(STR(0));
        bool ones = l != NULL;
        for (int64_t i = 0; ones && i < l->length; i++) {
            rpy_str *c;
            memcpy(&c, rpy_list_item0(l, 8) + 8 * i, sizeof c);
            ones = c->nchars == 1;
        }
        check(ones && list_is(l, chars_cases[k].chars), "chars %zu", k);
    }
    unframe(f);
}

/* A list of strings made from texts, in f[slot]. */
static void make_list(void **f, int slot, const char *const *texts) {
    f[slot] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    for (int i = 0; texts[i] != NULL; i++) {
        rpy_str *x = S(texts[i]);
        rpy_list_append(LIST(slot), PTR(x));
    }
}

static void test_join(void) {
    void **f = frame(2);
    for (size_t k = 0; k < COUNT(join_cases); k++) {
        const join_case *t = &join_cases[k];
        make_list(f, 1, t->items);
        f[0] = S(t->sep);
        rpy_str *r = rpy_str_join(STR(0), LIST(1));
        check(r != NULL && r->length == (int64_t)strlen(t->want) && memcmp(r->data, t->want, strlen(t->want)) == 0 &&
                  r->nchars == t->nchars,
              "'%s'.join: '%s'", t->sep, text(r));
    }
    make_list(f, 1, (const char *const[]){"a", "b", NULL});
    rpy_list_append(LIST(1), 0);
    f[0] = S(",");
    check(rpy_str_join(STR(0), LIST(1)) == NULL &&
              raised(RPY_EXC_TYPE, "sequence item 2: expected str instance, NoneType found"),
          "join with None");
    unframe(f);
}

static void test_pad(void) {
    void **f = frame(2);
    for (size_t k = 0; k < COUNT(pad_cases); k++) {
        const pad_case *t = &pad_cases[k];
        f[0] = S(t->s);
        f[1] = S_or_null(t->fill);
        check(is_str(rpy_str_zfill(STR(0), t->width), t->zfill), "'%s'.zfill(%lld)", t->s, (long long)t->width);
        const char *want[3] = {t->ljust, t->rjust, t->center};
        for (int which = 0; which < 3; which++) {
            rpy_str *r = rpy_str_pad(STR(0), t->width, STR(1), which);
            check(is_str(r, want[which]), "pad %d '%s' %lld '%s': '%s'", which, t->s, (long long)t->width,
                  t->fill ? t->fill : " ", text(r));
        }
    }
    f[0] = S("ab");
    f[1] = S("xy");
    check(rpy_str_pad(STR(0), 5, STR(1), 0) == NULL &&
              raised(RPY_EXC_TYPE, "The fill character must be exactly one character long"),
          "fill of two characters");
    unframe(f);
}

/* ---- repr, comparisons, hashes ---------------------------------------- */

static void test_repr(void) {
    void **f = frame(1);
    for (size_t k = 0; k < COUNT(repr_cases); k++) {
        const repr_case *t = &repr_cases[k];
        f[0] = S(t->s);
        rpy_str *r = rpy_str_repr(STR(0));
        check(is_str(r, t->repr), "repr(%s): %s, want %s", t->s, text(r), t->repr);
        rpy_builder_space space;
        rpy_builder *b = (rpy_builder *)(void *)&space;
        rpy_builder_init(b);
        rpy_builder_format_str(b, "%a", STR(0));
        r = rpy_builder_finish(b);
        check(is_str(r, t->ascii), "ascii(%s): %s, want %s", t->s, text(r), t->ascii);
    }
    check(is_str(rpy_str_repr(NULL), "None"), "repr(None)");
    unframe(f);
}

static void test_cmp_hash(void) {
    static const char *const sorted[] = {"", "A", "Z", "a", "ab", "abc", "abd", "b", "\302\200", "\303\251",
                                         "\342\202\254", "\357\277\277", "\360\235\204\236"};
    void **f = frame(2);
    for (size_t i = 0; i < COUNT(sorted); i++)
        for (size_t j = 0; j < COUNT(sorted); j++) {
            f[0] = S(sorted[i]);
            f[1] = S(sorted[j]);
            int want = (i > j) - (i < j);
            check(rpy_str_cmp(STR(0), STR(1)) == want, "cmp('%s', '%s')", sorted[i], sorted[j]);
            check((rpy_str_hash(STR(0)) == rpy_str_hash(STR(1))) == (i == j), "hash('%s') vs hash('%s')", sorted[i],
                  sorted[j]);
        }
    /* Cached, stable across collections, never 0; and spread out. */
    f[0] = S("some string");
    int64_t h = rpy_str_hash(STR(0));
    garbage(2000);
    check(h != 0 && STR(0)->hash == h && rpy_str_hash(STR(0)) == h && rpy_str_hash(S("some string")) == h,
          "hash cached and stable");
    check(rpy_str_hash(rpy_str_ascii('x')) == rpy_str_hash(S("xy")) == false, "prebuilt hash");
    enum { N = 4096 };
    static uint8_t buckets[N];
    memset(buckets, 0, sizeof buckets);
    int used = 0;
    for (int i = 0; i < N; i++) {
        char t[16];
        snprintf(t, sizeof t, "key%d", i);
        uint64_t hv = (uint64_t)rpy_str_hash(S(t));
        used += buckets[hv % N]++ == 0;
    }
    /* Random placement fills 1 - 1/e of the buckets: about 2589. */
    check(used > 2450, "hashes spread out: %d of %d buckets", used, N);
    unframe(f);
}

/* ---- parsing numbers ---------------------------------------------------- */

static void test_parse(void) {
    void **f = frame(1);
    for (size_t k = 0; k < COUNT(float_parse_cases); k++) {
        const float_parse_case *t = &float_parse_cases[k];
        f[0] = S(t->s);
        double got = rpy_str_to_float(STR(0));
        if (t->exc >= 0) {
            check(raised(t->exc, t->err), "float('%s') raises %s", t->s, t->err);
        } else {
            bool same = isnan(t->want) ? isnan(got) && signbit(got) == signbit(t->want)
                                       : got == t->want && signbit(got) == signbit(t->want);
            check(same && calm(), "float('%s') = %.17g, want %.17g", t->s, got, t->want);
        }
    }
    for (size_t k = 0; k < COUNT(int_parse_cases); k++) {
        const int_parse_case *t = &int_parse_cases[k];
        f[0] = S(t->s);
        int64_t got = rpy_str_to_int_base(STR(0), t->base);
        if (t->exc >= 0)
            check(raised(t->exc, t->err), "int('%s', %lld) raises %s", t->s, (long long)t->base, t->err);
        else
            check(got == t->want && calm(), "int('%s', %lld) = %lld", t->s, (long long)t->base, (long long)got);
    }
    /* int(s[a:b]) parsed in place agrees with int() of the slice, value
     * or error, with the text between other characters (ASCII or not)
     * and the bounds given from either end. */
    for (size_t k = 0; k < COUNT(int_parse_cases); k++) {
        const int_parse_case *t = &int_parse_cases[k];
        if (t->base != 10 || strlen(t->s) > 200)
            continue;
        for (int wide = 0; wide < 2; wide++) {
            char buf[256];
            snprintf(buf, sizeof buf, "%s%s%s", wide ? "\303\251=" : "k=", t->s, wide ? ";\342\202\254" : ";x");
            f[0] = S(buf);
            int64_t start = 2, stop = STR(0)->nchars - 2;
            for (int from_end = 0; from_end < 2; from_end++) {
                int64_t a = from_end ? start - STR(0)->nchars : start, b = from_end ? -2 : stop;
                int64_t got = rpy_str_to_int_slice(STR(0), a, b);
                if (t->exc >= 0)
                    check(raised(t->exc, t->err), "int('%s'[%lld:%lld]) raises %s", buf, (long long)a, (long long)b,
                          t->err);
                else
                    check(got == t->want && calm(), "int('%s'[%lld:%lld]) = %lld", buf, (long long)a, (long long)b,
                          (long long)got);
            }
        }
    }
    f[0] = S("12345");
    check(rpy_str_to_int_slice(STR(0), INT64_MIN, INT64_MAX) == 12345 && calm(), "int(s[:])");
    check(rpy_str_to_int_slice(STR(0), 1, 3) == 23 && calm(), "int(s[1:3])");
    check(rpy_str_to_int_slice(STR(0), 4, 1) == 0 &&
              raised(RPY_EXC_VALUE, "invalid literal for int() with base 10: ''"),
          "int(s[4:1])");
    /* CPython's digit limit: not for powers of two, and before a bad
     * character but after bad underscores. */
    char *ones = malloc(4400);
    memset(ones, '1', 4301);
    ones[4301] = '\0';
    static const char limit[] = "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; "
                                "use sys.set_int_max_str_digits() to increase the limit";
    f[0] = S(ones);
    check(rpy_str_to_int_base(STR(0), 7) == 0 && raised(RPY_EXC_VALUE, limit), "4301 digits base 7");
    check(rpy_str_to_int_base(STR(0), 10) == 0 && raised(RPY_EXC_VALUE, limit), "4301 digits base 10");
    check(rpy_str_to_int_base(STR(0), 16) == 0 &&
              raised(RPY_EXC_OVERFLOW, "int too large to convert to a 64-bit machine integer"),
          "4301 digits base 16");
    strcpy(ones + 4301, "x");
    f[0] = S(ones);
    check(rpy_str_to_int_base(STR(0), 7) == 0 && raised(RPY_EXC_VALUE, limit), "limit before a bad character");
    free(ones);
    unframe(f);
}

/* ---- the builder and formatting ------------------------------------------ */

static void test_builder(void) {
    rpy_builder_space space;
    rpy_builder *b = (rpy_builder *)(void *)&space;
    void **f = frame(2);
    /* Growing well past the inline buffer, across collections. */
    rpy_builder_init(b);
    char want[20000];
    size_t n = 0;
    for (int i = 0; n < 19000; i++) {
        f[0] = S(i % 3 == 0 ? "\303\251" : "ab");
        rpy_builder_add_str(b, STR(0));
        rpy_builder_add_int(b, i);
        n += (size_t)snprintf(want + n, sizeof want - n, "%s%d", i % 3 == 0 ? "\303\251" : "ab", i);
    }
    f[1] = rpy_builder_finish(b);
    check(is_str(STR(1), want), "long builder");
    /* Reusable after finish; the other add functions. */
    rpy_builder_add_str(b, NULL);
    rpy_builder_add_float(b, 0.1);
    rpy_builder_add_int(b, INT64_MIN);
    rpy_builder_add_float(b, -1e16);
    rpy_builder_add_bytes(b, "!", 1);
    check(is_str(rpy_builder_finish(b), "None0.1-9223372036854775808-1e+16!"), "add functions");
    check(is_str(rpy_builder_finish(b), ""), "empty builder");
    rpy_builder_add_bytes(b, "q", 1);
    check(rpy_builder_finish(b) == rpy_str_ascii('q'), "one ASCII character is prebuilt");
    /* After an error the builder drops its text; finishing it gives no
     * string, and MemoryError if the error was caught meanwhile. */
    rpy_builder_add_bytes(b, "abc", 3);
    rpy_builder_format_spec_int(b, "q", 5);
    check(raised(RPY_EXC_VALUE, "Unknown format code 'q' for object of type 'int'"), "bad spec raises");
    rpy_builder_add_bytes(b, "def", 3);
    check(rpy_builder_finish(b) == NULL && raised(RPY_EXC_MEMORY, NULL), "failed builder");
    rpy_builder_add_bytes(b, "ok", 2);
    check(is_str(rpy_builder_finish(b), "ok"), "builder usable again");
    unframe(f);
}

static double parse_double(const char *t) { return strtod(t, NULL); }

static void test_format_table(void) {
    void **f = frame(1);
    for (size_t k = 0; k < COUNT(fmt_cases); k++) {
        const fmt_case *t = &fmt_cases[k];
        rpy_builder_space space;
        rpy_builder *b = (rpy_builder *)(void *)&space;
        rpy_builder_init(b);
        f[0] = t->kind == 's' ? S(t->value) : NULL;
        rpy_builder_add_bytes(b, "<", 1);
        switch (t->kind) {
        case 'i':
            if (t->pct)
                rpy_builder_format_int(b, t->spec, strtoll(t->value, NULL, 10));
            else
                rpy_builder_format_spec_int(b, t->spec, strtoll(t->value, NULL, 10));
            break;
        case 'f':
            if (t->pct)
                rpy_builder_format_float(b, t->spec, parse_double(t->value));
            else
                rpy_builder_format_spec_float(b, t->spec, parse_double(t->value));
            break;
        default:
            if (t->pct)
                rpy_builder_format_str(b, t->spec, STR(0));
            else
                rpy_builder_format_spec_str(b, t->spec, STR(0));
        }
        if (t->want == NULL) {
            exc *e = rpy_exc_value;
            const char *got = e != NULL && e->message != NULL ? e->message->data : "(none)";
            check(raised(t->exc, t->err), "%s %s of %s: raise kind %d '%s', got '%s'", t->pct ? "%" : "format",
                  t->spec, t->value, t->exc, t->err, got);
            rpy_builder_init(b); /* what the generated code's handler would not do, but harmless */
            continue;
        }
        rpy_builder_add_bytes(b, ">", 1);
        rpy_str *r = rpy_builder_finish(b);
        char want[2048];
        snprintf(want, sizeof want, "<%s>", t->want);
        check(calm() && is_str(r, want), "%s '%s' of %s: got %s, want %s", t->pct ? "%" : "format", t->spec, t->value,
              text(r), want);
    }
    unframe(f);
}

/* ---- under memory pressure --------------------------------------------- */

/* Long operations with every intermediate rooted only by the runtime,
 * in a tiny nursery. */
static void test_pressure(int rounds) {
    void **f = frame(6);
    for (int round = 0; round < rounds; round++) {
        /* "w0 é w1 é ... " joined, split, and joined back. */
        f[0] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
        for (int i = 0; i < 300; i++) {
            char t[32];
            snprintf(t, sizeof t, "w%d\303\251%d", i, round);
            rpy_str *x = S(t);
            rpy_list_append(LIST(0), PTR(x));
        }
        f[1] = S(" \342\200\250");
        f[2] = rpy_str_join(STR(1), LIST(0));
        f[3] = rpy_str_split(STR(2), NULL, -1);
        bool ok = LIST(3) != NULL && LIST(3)->length == 300;
        for (int i = 0; ok && i < 300; i++) {
            rpy_str *a, *c;
            memcpy(&a, LIST(0)->items->items + 8 * i, sizeof a);
            memcpy(&c, LIST(3)->items->items + 8 * i, sizeof c);
            ok = rpy_str_eq(a, c) && a->nchars == c->nchars;
        }
        check(ok, "split(join(x)) == x, round %d", round);
        f[4] = S("\303\251");
        f[5] = S("E");
        f[2] = rpy_str_replace(STR(2), STR(4), STR(5), -1);
        f[2] = rpy_str_upper(STR(2));
        f[2] = rpy_str_lower(STR(2));
        f[3] = rpy_str_rsplit(STR(2), STR(1), 7);
        check(LIST(3) != NULL && LIST(3)->length == 8, "rsplit with maxsplit, round %d", round);
        f[2] = rpy_str_slice(STR(2), INT64_MAX, INT64_MIN, -3);
        f[2] = rpy_str_slice(STR(2), INT64_MIN, INT64_MAX, -1);
        check(STR(2) != NULL && STR(2)->nchars == ref_nchars(STR(2)->data, (size_t)STR(2)->length),
              "nchars after slicing, round %d", round);
        f[3] = rpy_str_splitlines(STR(1));
        f[2] = rpy_str_concat(STR(2), rpy_str_repeat(STR(1), 3));
        f[2] = rpy_str_pad(STR(2), STR(2)->nchars + 5, STR(4), 2);
        f[2] = rpy_str_zfill(STR(2), STR(2)->nchars + 2);
        f[2] = rpy_str_strip(STR(2), STR(4), 0);
        check(STR(2) != NULL && STR(2)->data[0] == '0' && calm(), "zfill then strip, round %d", round);
        f[2] = rpy_str_repr(STR(2));
        check(STR(2) != NULL && STR(2)->data[0] == '\'', "repr, round %d", round);
    }
    unframe(f);
}

/* Big inputs: the searches and builders must stay linear. */
static void test_big(void) {
    void **f = frame(4);
    f[0] = S("ab");
    f[0] = rpy_str_repeat(STR(0), 1 << 20); /* 2 MiB */
    f[1] = S("ba");
    check(rpy_str_count(STR(0), STR(1)) == (1 << 20) - 1, "count in 2 MiB");
    f[2] = S("x");
    f[3] = rpy_str_replace(STR(0), STR(1), STR(2), -1);
    check(STR(3) != NULL && STR(3)->length == (2 << 20) - ((1 << 20) - 1), "replace in 2 MiB");
    f[1] = S("bb");
    check(rpy_str_rfind(STR(0), STR(1), 0, INT64_MAX) == -1 && rpy_str_find(STR(0), STR(1), 0, INT64_MAX) == -1,
          "no match in 2 MiB");
    f[1] = S("\303\251");
    f[1] = rpy_str_repeat(STR(1), 1 << 18);
    int64_t sum = 0;
    for (int64_t i = 0; i < STR(1)->nchars; i += 1)
        sum += rpy_str_ord(rpy_str_getitem(STR(1), i));
    check(sum == (int64_t)0xE9 << 18, "indexing 256 Ki two-byte characters");
    f[2] = rpy_str_split(STR(0), STR(2), -1); /* no 'x': one piece, the string itself */
    check(LIST(2) != NULL && LIST(2)->length == 1, "split without a match");
    unframe(f);
}

/* ---- fast paths ------------------------------------------------------------
 *
 * The one-byte-per-character paths (split, strip, find, case mapping), the
 * word-at-a-time scans and the short copies are checked against plain
 * byte loops written here, on strings of every length around the word
 * sizes, with whitespace, control characters and stray bytes (a one-byte
 * string's bytes above 0x7f) in every position. */

/* A deterministic byte generator. */
static uint64_t rng_state = 88172645463325252u;
static unsigned next_rand(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state >> 11);
}

/* Bytes for the scans: letters mostly, some whitespace of every kind,
 * control characters that are not whitespace, and stray bytes. */
static char random_byte(void) {
    static const char pool[] = "abcXYZ09,.;=  \t\n\v\f\r\x1c\x1d\x1e\x1f\x01\x7f\x21\x20";
    unsigned r = next_rand() % 40;
    if (r < 4) /* a stray byte: a continuation byte, or one that never starts a character */
        return (char)(r < 3 ? 0x80 + next_rand() % 64 : 0xf8 + next_rand() % 8);
    return pool[next_rand() % (sizeof pool - 1)];
}

static bool ref_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

/* The words of p[0..n-1] (one byte per character) as split() cuts them. */
static int ref_split(const char *p, int64_t n, int64_t *b0, int64_t *b1, int max) {
    int k = 0;
    for (int64_t i = 0; i < n;) {
        while (i < n && ref_space((unsigned char)p[i]))
            i++;
        if (i == n)
            break;
        int64_t start = i;
        while (i < n && !ref_space((unsigned char)p[i]))
            i++;
        if (k < max) {
            b0[k] = start;
            b1[k] = i;
        }
        k++;
    }
    return k;
}

static bool piece_is(const rpy_list *l, int64_t i, const char *p, int64_t n) {
    rpy_str *x;
    memcpy(&x, l->items->items + 8 * i, sizeof x);
    return x != NULL && x->length == n && x->nchars == n && memcmp(x->data, p, (size_t)n) == 0 && x->data[n] == '\0';
}

/* Hash of the old definition (a zero-padded last word), which prebuilt
 * strings' hashes, computed by the translator, were made with. */
static int64_t ref_hash(const char *p, int64_t n) {
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = (uint64_t)n * k;
    int64_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = ((h << 23 | h >> 41) ^ w) * k;
    }
    if (i < n) {
        uint64_t w = 0;
        memcpy(&w, p + i, (size_t)(n - i));
        h = ((h << 23 | h >> 41) ^ w) * k;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93u;
    h ^= h >> 32;
    int64_t r = (int64_t)h;
    return r == 0 || r == INT64_MIN ? 1 : r;
}

static void test_fast_paths(int rounds) {
    void **f = frame(3);
    char buf[80], want[80];
    enum { MAXW = 64 };
    int64_t b0[MAXW], b1[MAXW];
    bool split_ok = true, strip_ok = true, case_ok = true, hash_ok = true, find_ok = true;
    for (int round = 0; round < rounds; round++) {
        int64_t n = round % 70;
        for (int64_t i = 0; i < n; i++)
            buf[i] = random_byte();
        f[0] = rpy_str_from_bytes(buf, n);
        if (!check(STR(0)->nchars == n, "a one-byte string of %lld bytes", (long long)n))
            break;
        /* split() */
        int k = ref_split(buf, n, b0, b1, MAXW);
        f[1] = rpy_str_split(STR(0), NULL, -1);
        bool ok = LIST(1) != NULL && LIST(1)->length == k;
        for (int i = 0; ok && i < k; i++)
            ok = piece_is(LIST(1), i, buf + b0[i], b1[i] - b0[i]);
        split_ok &= ok;
        /* strip(), lstrip(), rstrip() of whitespace */
        int64_t lo = 0, hi = n;
        while (lo < hi && ref_space((unsigned char)buf[lo]))
            lo++;
        while (hi > lo && ref_space((unsigned char)buf[hi - 1]))
            hi--;
        for (int which = 0; which < 3; which++) {
            int64_t a = which == 2 ? 0 : lo, z = which == 1 ? n : hi;
            if (which == 1)
                for (a = 0; a < n && ref_space((unsigned char)buf[a]);)
                    a++;
            if (which == 2)
                for (z = n; z > 0 && ref_space((unsigned char)buf[z - 1]);)
                    z--;
            rpy_str *r = rpy_str_strip(STR(0), NULL, which);
            strip_ok &= r != NULL && r->length == z - a && r->nchars == z - a && memcmp(r->data, buf + a, (size_t)(z - a)) == 0;
        }
        /* strip(chars) with a stray byte among the chars */
        f[1] = rpy_str_from_bytes("a \x80", 3);
        {
            int64_t a = 0, z = n;
            while (a < z && (buf[a] == 'a' || buf[a] == ' ' || (unsigned char)buf[a] == 0x80))
                a++;
            while (z > a && (buf[z - 1] == 'a' || buf[z - 1] == ' ' || (unsigned char)buf[z - 1] == 0x80))
                z--;
            rpy_str *r = rpy_str_strip(STR(0), STR(1), 0);
            strip_ok &= r != NULL && r->length == z - a && memcmp(r->data, buf + a, (size_t)(z - a)) == 0;
        }
        /* lower() and upper(): ASCII letters flip, nothing else */
        for (int up = 0; up < 2; up++) {
            for (int64_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)buf[i];
                want[i] = (char)(up ? (c >= 'a' && c <= 'z' ? c - 32 : c) : (c >= 'A' && c <= 'Z' ? c + 32 : c));
            }
            rpy_str *r = up ? rpy_str_upper(STR(0)) : rpy_str_lower(STR(0));
            case_ok &= r != NULL && r->length == n && r->nchars == n && memcmp(r->data, want, (size_t)n) == 0 &&
                       r->data[n] == '\0';
        }
        /* the hash, whatever the length of the last word */
        hash_ok &= rpy_str_hash(STR(0)) == ref_hash(buf, n);
        /* find() of a needle made of the string's own bytes */
        if (n >= 3) {
            int64_t at = (int64_t)(next_rand() % (unsigned)(n - 2)), len = 1 + (int64_t)(next_rand() % 3);
            if (at + len > n)
                len = n - at;
            f[1] = rpy_str_from_bytes(buf + at, len);
            int64_t first = -1;
            for (int64_t i = 0; i + len <= n && first < 0; i++)
                if (memcmp(buf + i, buf + at, (size_t)len) == 0)
                    first = i;
            find_ok &= STR(1)->nchars == len && rpy_str_find(STR(0), STR(1), 0, INT64_MAX) == first;
        }
    }
    check(split_ok, "split() of one-byte strings, as a byte loop cuts them");
    check(strip_ok, "strip() of one-byte strings, as a byte loop strips them");
    check(case_ok, "lower()/upper() of one-byte strings, as a byte loop maps them");
    check(hash_ok, "hash of every short length, as the zero-padded definition");
    check(find_ok, "find() of one-byte strings");
    check(calm(), "no exception from the fast paths");

    /* The translator's precomputed hashes (translator/src/abi.rs). */
    check(rpy_str_hash(S("")) == 1 && rpy_str_hash(S("a")) == 8689639128358868068 &&
              rpy_str_hash(S("hello")) == 4122017273362627754 && rpy_str_hash(S("exactly8")) == 5621985565985028967 &&
              rpy_str_hash(S("a longer string, \303\251 \342\234\223")) == -423261539573942200,
          "hashes agree with the translator's");

    /* Edge cases of split(): empty, all whitespace, more words than the
     * counting pass keeps (CUTS_MAX), a control character that is not
     * whitespace inside an eight-byte word, stray bytes. */
    f[0] = S("");
    check(rpy_str_split(STR(0), NULL, -1)->length == 0, "''.split()");
    f[0] = S(" \t\n\v\f\r\x1c\x1d\x1e\x1f   ");
    check(rpy_str_split(STR(0), NULL, -1)->length == 0 && is_str(rpy_str_strip(STR(0), NULL, 0), ""),
          "all-whitespace split() and strip()");
    f[0] = S("abcdefg\x01hijklmnop qrstuvw\x1fxyz");
    f[1] = rpy_str_split(STR(0), NULL, -1);
    check(list_is(LIST(1), (const char *const[]){"abcdefg\x01hijklmnop", "qrstuvw", "xyz", NULL}),
          "split() past a control character inside a word");
    f[0] = rpy_str_from_bytes("\xff\xfe ab\x80\x81\x82\x83\x84\x85\x86\x87 c", 15);
    f[1] = rpy_str_split(STR(0), NULL, -1);
    check(STR(0)->nchars == 15 && LIST(1)->length == 3 && piece_is(LIST(1), 0, "\xff\xfe", 2) &&
              piece_is(LIST(1), 1, "ab\x80\x81\x82\x83\x84\x85\x86\x87", 10) && piece_is(LIST(1), 2, "c", 1),
          "split() of stray bytes");
    {
        enum { W = 1000 };
        static char big[W * 8];
        int64_t len = 0;
        for (int i = 0; i < W; i++)
            len += snprintf(big + len, sizeof big - (size_t)len, i % 7 == 0 ? "\t w%d\n" : "w%d ", i);
        f[0] = rpy_str_from_bytes(big, len);
        f[1] = rpy_str_split(STR(0), NULL, -1);
        bool ok = LIST(1) != NULL && LIST(1)->length == W;
        for (int i = 0; ok && i < W; i++) {
            char w[16];
            int wn = snprintf(w, sizeof w, "w%d", i);
            ok = piece_is(LIST(1), i, w, wn);
        }
        check(ok, "split() of %d words", W);
        /* the same words by a separator, both ways, and replaced */
        len = 0;
        for (int i = 0; i < W; i++)
            len += snprintf(big + len, sizeof big - (size_t)len, "%sw%d", i > 0 ? ";" : "", i);
        f[0] = rpy_str_from_bytes(big, len);
        f[2] = S(";");
        for (int rev = 0; rev < 2; rev++) {
            f[1] = rev ? rpy_str_rsplit(STR(0), STR(2), -1) : rpy_str_split(STR(0), STR(2), -1);
            ok = LIST(1) != NULL && LIST(1)->length == W;
            for (int i = 0; ok && i < W; i++) {
                char w[16];
                int wn = snprintf(w, sizeof w, "w%d", i);
                ok = piece_is(LIST(1), i, w, wn);
            }
            check(ok, "%ssplit(';') into %d pieces", rev ? "r" : "", W);
        }
        f[1] = S(";;");
        rpy_str *r = rpy_str_replace(STR(0), STR(2), STR(1), -1);
        ok = r != NULL && r->length == len + W - 1;
        for (int64_t i = 0, j = 0; ok && i < len; i++) {
            ok = r->data[j++] == big[i];
            if (ok && big[i] == ';')
                ok = r->data[j++] == ';';
        }
        check(ok, "replace() of %d occurrences", W - 1);
        f[1] = S("");
        r = rpy_str_replace(STR(0), STR(2), STR(1), 600);
        check(r != NULL && r->length == len - 600 && rpy_str_count(r, STR(2)) == W - 1 - 600,
              "replace() of 600 of %d occurrences", W - 1);
    }

    /* find() whose needle's first byte is everywhere: the candidates give
     * way to memmem after a few misses. */
    {
        static char hay[300];
        memset(hay, 'a', sizeof hay);
        memcpy(hay + 290, "ab", 2);
        f[0] = rpy_str_from_bytes(hay, sizeof hay);
        f[1] = S("ab");
        check(rpy_str_find(STR(0), STR(1), 0, INT64_MAX) == 290 && rpy_str_find(STR(0), STR(1), 291, INT64_MAX) == -1 &&
                  rpy_str_count(STR(0), STR(1)) == 1,
              "find() with a common first byte");
        f[1] = S("aab");
        check(rpy_str_find(STR(0), STR(1), 0, INT64_MAX) == 289 && rpy_str_find(STR(0), STR(1), 0, 291) == -1,
              "find() with a common first byte, bounded");
        f[1] = S("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab");
        check(rpy_str_find(STR(0), STR(1), 0, INT64_MAX) == 290 - 100, "find() of a long needle");
        f[1] = S("ba");
        check(rpy_str_find(STR(0), STR(1), 0, INT64_MAX) == 291 && rpy_str_contains(STR(0), STR(1)), "find('ba')");
    }

    /* Multi-byte strings keep the general paths. */
    f[0] = S("  \303\251t\303\251 \342\200\203x\302\240 ");
    f[1] = rpy_str_split(STR(0), NULL, -1);
    check(list_is(LIST(1), (const char *const[]){"\303\251t\303\251", "x", NULL}), "split() of a multi-byte string");
    check(is_str(rpy_str_strip(STR(0), NULL, 0), "\303\251t\303\251 \342\200\203x"), "strip() of a multi-byte string");

    /* join() of pieces of every short length, by one- and two-byte
     * separators (the short copies). */
    for (int seplen = 0; seplen <= 2; seplen++) {
        f[1] = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
        char expect[2000];
        int64_t len = 0;
        for (int i = 0; i < 40; i++) {
            char piece[40];
            for (int j = 0; j < i % 20; j++)
                piece[j] = (char)('a' + (i + j) % 26);
            rpy_str *x = rpy_str_from_bytes(piece, i % 20);
            rpy_list_append(LIST(1), PTR(x));
            if (i > 0) {
                memcpy(expect + len, "+-", (size_t)seplen);
                len += seplen;
            }
            memcpy(expect + len, piece, (size_t)(i % 20));
            len += i % 20;
        }
        f[2] = rpy_str_from_bytes("+-", seplen);
        rpy_str *r = rpy_str_join(STR(2), LIST(1));
        check(r != NULL && r->length == len && memcmp(r->data, expect, (size_t)len) == 0 && r->data[len] == '\0' &&
                  r->nchars == len,
              "join() of short pieces by a %d-byte separator", seplen);
    }

    /* Equality of every short length, differing at every position. */
    {
        bool ok = true;
        char a[40], b[40];
        for (int64_t n = 0; n < 40; n++) {
            for (int64_t i = 0; i < n; i++)
                a[i] = b[i] = (char)('a' + i % 26);
            f[0] = rpy_str_from_bytes(a, n);
            f[1] = rpy_str_from_bytes(b, n);
            ok &= rpy_str_eq(STR(0), STR(1));
            for (int64_t pos = 0; pos < n; pos++) {
                b[pos] = 'Z';
                f[1] = rpy_str_from_bytes(b, n);
                ok &= !rpy_str_eq(STR(0), STR(1)) && !rpy_str_eq(STR(1), STR(0));
                b[pos] = a[pos];
            }
        }
        check(ok, "equality of strings of every short length");
    }

    /* Plain "%d" (with or without its '%', and its twins %i %u) is str(v). */
    {
        static const char *const specs[] = {"%d", "d", "%i", "%u"};
        static const int64_t values[] = {0, 7, -1, 1234567890123, INT64_MAX, INT64_MIN};
        bool ok = true;
        for (size_t i = 0; i < COUNT(specs); i++)
            for (size_t j = 0; j < COUNT(values); j++) {
                rpy_builder_space space;
                rpy_builder *b = (rpy_builder *)(void *)&space;
                rpy_builder_init(b);
                rpy_builder_add_bytes(b, "x", 1);
                rpy_builder_format_int(b, specs[i], values[j]);
                rpy_str *r = rpy_builder_finish(b);
                char want[32];
                snprintf(want, sizeof want, "x%lld", (long long)values[j]);
                ok &= is_str(r, want);
            }
        check(ok && calm(), "plain %%d formats as str()");
    }

    /* ord() and s[i] (negative too) */
    f[0] = S("a\303\251");
    f[1] = rpy_str_from_bytes("\xff", 1);
    check(rpy_str_ord(rpy_str_ascii('a')) == 'a' && rpy_str_ord(rpy_str_ascii(0)) == 0 &&
              rpy_str_ord(rpy_str_getitem(STR(0), 1)) == 0xe9 && rpy_str_ord(STR(1)) == 0xdcff && calm(),
          "ord() of ASCII, multi-byte and stray characters");
    rpy_str_ord(STR(0));
    check(raised(RPY_EXC_TYPE, "ord() expected a character, but string of length 2 found"), "ord() of two characters");
    rpy_str_ord(S(""));
    check(raised(RPY_EXC_TYPE, "ord() expected a character, but string of length 0 found"), "ord('')");
    f[0] = S("abc");
    check(is_str(rpy_str_getitem(STR(0), -1), "c") && is_str(rpy_str_getitem(STR(0), -3), "a") && calm(),
          "s[-1], s[-3]");
    rpy_str_getitem(STR(0), -4);
    check(raised(RPY_EXC_INDEX, "string index out of range"), "s[-4] of 'abc'");
    unframe(f);
}

int64_t rpy_entry_point(rpy_list *argv) {
    (void)argv;
    rpy_gc_stats s = stats();
    bool debug = s.debug;
    test_basics();
    test_getitem_slice();
    test_index_walks();
    test_find();
    test_strip();
    test_case();
    if (!debug) /* a million code points through the functions: slow with heap checks */
        test_census();
    test_replace();
    test_split();
    test_join();
    test_pad();
    test_repr();
    test_cmp_hash();
    test_parse();
    test_builder();
    test_format_table();
    test_pressure(debug ? 10 : 40);
    test_big();
    test_fast_paths(debug ? 300 : 3000);
    check(rpy_exc_value == NULL, "no exception left over");
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    s = stats();
    printf("test_str (nursery %llu bytes%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
