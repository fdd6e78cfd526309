/* Tests for the garbage collector (rpy_gc.c).
 *
 * Linked with the whole runtime like test_runtime.c: rpy_main.c's main()
 * calls rpy_gc_init() and then rpy_entry_point below.  `make test` runs
 * it with the default nursery, with RPY_GC_NURSERY=4096 (a minor
 * collection every hundred or so allocations), with that plus
 * RPY_GC_DEBUG=1 (poisoned nursery, heap verified after each collection),
 * and with RPY_GC_STRESS=1 (a collection at every allocation) alone, with
 * RPY_GC_DEBUG=1 and with both of those and the tiny nursery.  Every test
 * passes under all of them; a test that needs a collection to have
 * happened forces one or checks the collection counters, and no test
 * holds an unrooted pointer across an allocation (stress mode moves the
 * object every time).  Stress mode and RPY_GC_MAX are also tested in
 * child processes that set them, whatever this run's settings.
 *
 * The code imitates what the translator emits: GC pointers that live
 * across an allocation sit in shadow-stack slots and are reloaded after
 * it, and every store of a GC pointer into an object goes through
 * store(), the write-barrier check.  Errors are raised the way rpy.h
 * says: the allocation returns NULL with the exception in rpy_exc_value.
 * What ends or endangers the process (exhausting the shadow stack, a
 * heap-corruption abort, environment settings) runs in a child: forked,
 * or this program run again with a mode as argv[1] and the environment
 * to test.
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "check.h"
#include "runtime_types.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if __has_feature(address_sanitizer) || defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#else
#define UNDER_ASAN 0
#endif

/* ---- the test program's types -------------------------------------- */

enum { T_NODE = RPY_TID_FIRST_USER, T_PTRS, T_BYTES, T_EMPTY, T_MEMORY_ERROR, T_RECURSION_ERROR, T_EXCEPTION, T_COUNT };

typedef struct node {
    rpy_hdr hdr;
    struct node *left, *right;
    int64_t value;
} node;

typedef struct ptrs {
    rpy_hdr hdr;
    int64_t length;
    void *items[];
} ptrs;

typedef struct bytes {
    rpy_hdr hdr;
    int64_t length;
    char data[]; /* length bytes and a NUL */
} bytes;

/* No fields at all; 16 bytes because an object must hold a forwarding
 * address after its header. */
typedef struct empty {
    rpy_hdr hdr;
    int64_t unused;
} empty;

/* Every exception class here is a header and a message. */
typedef struct exc {
    rpy_hdr hdr;
    rpy_str *message;
} exc;

static const uint32_t node_gcptrs[] = {offsetof(node, left), offsetof(node, right)};
static const uint32_t exc_gcptrs[] = {offsetof(exc, message)};

const rpy_type_info rpy_type_table[] = {
    RPY_RUNTIME_TYPE_ENTRIES,
    [T_NODE] = {.fixed_size = sizeof(node), .n_gcptrs = 2, .gcptr_offsets = node_gcptrs},
    [T_PTRS] = {.fixed_size = sizeof(ptrs), .item_size = sizeof(void *), .items_offset = offsetof(ptrs, items),
                .length_offset = offsetof(ptrs, length), .items_are_gcptrs = 1},
    [T_BYTES] = {.fixed_size = sizeof(bytes), .item_size = 1, .items_offset = offsetof(bytes, data),
                 .length_offset = offsetof(bytes, length), .extra_bytes = 1},
    [T_EMPTY] = {.fixed_size = sizeof(empty)},
    [T_MEMORY_ERROR] = {.fixed_size = sizeof(exc), .n_gcptrs = 1, .gcptr_offsets = exc_gcptrs},
    [T_RECURSION_ERROR] = {.fixed_size = sizeof(exc), .n_gcptrs = 1, .gcptr_offsets = exc_gcptrs},
    [T_EXCEPTION] = {.fixed_size = sizeof(exc), .n_gcptrs = 1, .gcptr_offsets = exc_gcptrs},
};
const uint32_t rpy_type_count = T_COUNT;

/* What the translator emits for exceptions, just enough for rpy_exc.c. */
const uint32_t rpy_exc_kind_tids[] = {
    [RPY_EXC_ZERO_DIVISION] = T_EXCEPTION, [RPY_EXC_OVERFLOW] = T_EXCEPTION,
    [RPY_EXC_VALUE] = T_EXCEPTION,         [RPY_EXC_INDEX] = T_EXCEPTION,
    [RPY_EXC_RECURSION] = T_RECURSION_ERROR, [RPY_EXC_MEMORY] = T_MEMORY_ERROR,
    [RPY_EXC_TYPE] = T_EXCEPTION,          [RPY_EXC_ASSERTION] = T_EXCEPTION,
    [RPY_EXC_UNBOUND_LOCAL] = T_EXCEPTION, [RPY_EXC_ATTRIBUTE] = T_EXCEPTION,
    [RPY_EXC_KEY] = T_EXCEPTION,           [RPY_EXC_NAME] = T_EXCEPTION,
    [RPY_EXC_OS] = T_EXCEPTION,            [RPY_EXC_FILE_NOT_FOUND] = T_EXCEPTION,
    [RPY_EXC_PERMISSION] = T_EXCEPTION,    [RPY_EXC_IS_A_DIRECTORY] = T_EXCEPTION,
    [RPY_EXC_NOT_A_DIRECTORY] = T_EXCEPTION, [RPY_EXC_FILE_EXISTS] = T_EXCEPTION,
    [RPY_EXC_UNICODE_DECODE] = T_EXCEPTION, [RPY_EXC_UNSUPPORTED_OPERATION] = T_EXCEPTION,
    [RPY_EXC_RUNTIME] = T_EXCEPTION,
};
_Static_assert(sizeof rpy_exc_kind_tids / sizeof rpy_exc_kind_tids[0] == RPY_EXC_KIND_COUNT,
               "a class for every exception kind");
const char *const rpy_type_names[T_COUNT] = {
    [T_MEMORY_ERROR] = "MemoryError", [T_RECURSION_ERROR] = "RecursionError", [T_EXCEPTION] = "Exception"};
const uint32_t rpy_exc_message_offset = offsetof(exc, message);
const rpy_location rpy_locations[] = {{"test_gc.c", "test", "", 1}};

/* ---- checks and helpers ---------------------------------------------- */

/* RPY_GC_STRESS is on: every allocation collects. */
static bool stress;

/* As rpy_gc.c reads its flags: set, and neither empty nor "0". */
static bool env_set(const char *name) {
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

static rpy_gc_stats stats(void) {
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    return s;
}

static void store(void *obj, void *field, void *value) {
    if (((rpy_hdr *)obj)->gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS)
        rpy_gc_write_barrier(obj);
    *(void **)field = value;
}

static node *new_node(int64_t value) {
    node *n = rpy_gc_malloc(T_NODE);
    n->value = value;
    return n;
}

/* A node with children: they must survive the allocation. */
static node *new_node2(int64_t value, node *left, node *right) {
    void **f = frame(2);
    f[0] = left;
    f[1] = right;
    node *n = new_node(value);
    store(n, &n->left, f[0]);
    store(n, &n->right, f[1]);
    unframe(f);
    return n;
}

static bytes *new_bytes(int64_t length, char fill) {
    bytes *b = rpy_gc_malloc_varsize(T_BYTES, length);
    memset(b->data, fill, (size_t)length);
    return b;
}

/* Something to collect, pointing nowhere.  Under RPY_GC_STRESS a tenth
 * as much: every allocation collects anyway. */
static void garbage(int n) {
    if (stress)
        n = n / 10 + 1;
    for (int i = 0; i < n; i++)
        new_bytes(i % 40, 'g');
}

static bool is_node(const node *n, int64_t value) {
    return n != NULL && n->hdr.tid == T_NODE && n->value == value;
}

/* ---- allocation ------------------------------------------------------ */

static void test_alloc_basics(void) {
    /* After a collection, so that debug mode's poison must be undone.
     * The objects are rooted: under RPY_GC_STRESS every allocation
     * collects, and then where they lie says nothing. */
    rpy_gc_minor_collect();
    uint64_t epoch = rpy_gc_epoch();
    void **f = frame(5);
    node *n = f[0] = rpy_gc_malloc(T_NODE);
    check(n->hdr.tid == T_NODE && n->hdr.gcflags == 0 && n->left == NULL && n->right == NULL && n->value == 0,
          "fresh node: tid %u flags %u", n->hdr.tid, n->hdr.gcflags);
    check(rpy_gc_is_young(n), "a small object starts in the nursery");

    ptrs *p = f[1] = rpy_gc_malloc_varsize(T_PTRS, 5);
    bool zero = true;
    for (int i = 0; i < 5; i++)
        zero &= p->items[i] == NULL;
    check(p->hdr.tid == T_PTRS && p->length == 5 && zero, "fresh pointer array: length %lld", (long long)p->length);
    n = f[0];
    check(rpy_gc_epoch() != epoch || (char *)p >= (char *)(n + 1), "objects do not overlap");

    bytes *b = f[2] = rpy_gc_malloc_varsize(T_BYTES, 7);
    zero = true;
    for (int i = 0; i <= 7; i++)
        zero &= b->data[i] == 0;
    check(b->hdr.tid == T_BYTES && b->length == 7 && zero, "fresh byte string");
    p = f[1];
    check(rpy_gc_epoch() != epoch || (char *)b >= (char *)&p->items[5], "varsize objects do not overlap");

    f[3] = rpy_gc_malloc(T_EMPTY);
    ptrs *z = f[4] = rpy_gc_malloc_varsize(T_PTRS, 0);
    empty *e = f[3];
    check(e->hdr.tid == T_EMPTY && z->length == 0 && (rpy_gc_epoch() != epoch || (char *)z >= (char *)e + 16),
          "empty and zero-length objects");
    n = f[0];
    p = f[1];
    b = f[2];
    check(is_node(n, 0) && p->hdr.tid == T_PTRS && p->length == 5 && b->hdr.tid == T_BYTES && b->length == 7,
          "the first objects are intact after the others");
    unframe(f);
}

/* ---- lists and trees held through the shadow stack ------------------- */

static void test_linked_list(int64_t n) {
    rpy_gc_stats before = stats();
    void **f = frame(1);
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(i);
        store(x, &x->left, f[0]);
        f[0] = x;
        if (i % 7 == 0)
            garbage(3);
    }
    rpy_gc_stats after = stats();
    check(after.minor_collections > before.minor_collections, "list: only %llu minor collections",
          (unsigned long long)(after.minor_collections - before.minor_collections));
    for (int round = 0; round < 2; round++) {
        int64_t count = 0, expect = n - 1;
        bool ok = true;
        for (node *x = f[0]; x != NULL; x = x->left, expect--, count++)
            ok &= is_node(x, expect);
        check(ok && count == n, "list after %s: %lld nodes", round ? "a full collection" : "minor collections",
              (long long)count);
        rpy_gc_collect();
    }
    check(!rpy_gc_is_young(f[0]), "the list head was promoted");
    unframe(f);
}

static node *make_tree(int depth, int64_t *next) {
    rpy_stack_check();
    int64_t value = (*next)++;
    if (depth == 0) {
        garbage(1);
        return new_node(value);
    }
    void **f = frame(1);
    f[0] = make_tree(depth - 1, next);
    node *right = make_tree(depth - 1, next);
    node *n = new_node2(value, f[0], right);
    unframe(f);
    return n;
}

/* Values were given in preorder: returns the next one expected, or -1. */
static int64_t check_tree(const node *n, int depth, int64_t expect) {
    if (!is_node(n, expect))
        return -1;
    expect++;
    if (depth == 0)
        return n->left == NULL && n->right == NULL ? expect : -1;
    expect = check_tree(n->left, depth - 1, expect);
    return expect < 0 ? -1 : check_tree(n->right, depth - 1, expect);
}

static void test_tree(int depth) {
    void **f = frame(1);
    int64_t next = 0;
    f[0] = make_tree(depth, &next);
    check(check_tree(f[0], depth, 0) == next, "tree of depth %d", depth);
    rpy_gc_collect();
    garbage(1000);
    rpy_gc_collect();
    check(check_tree(f[0], depth, 0) == next, "tree of depth %d after full collections", depth);
    unframe(f);
}

/* Two slots naming one object, a cycle and a self-loop. */
static void test_sharing_and_cycles(void) {
    void **f = frame(3);
    f[0] = f[1] = new_node(1);
    f[2] = new_node(2);
    node *a = f[0], *b = f[2];
    store(a, &a->left, b);
    store(b, &b->left, a);
    store(b, &b->right, b);
    for (int round = 0; round < 3; round++) {
        if (round == 2)
            rpy_gc_collect();
        else
            rpy_gc_minor_collect();
        a = f[0];
        b = f[2];
        check(f[0] == f[1] && is_node(a, 1) && is_node(b, 2) && a->left == b && b->left == a && b->right == b,
              "shared object and cycle, round %d", round);
    }
    unframe(f);
}

/* How runtime C code (string helpers and the like) keeps its pointers. */
static bytes *concat(bytes *a, bytes *b, bool force_collection) {
    int64_t n = a->length + b->length;
    RPY_PUSH_ROOT(a);
    RPY_PUSH_ROOT(b);
    if (force_collection)
        rpy_gc_minor_collect();
    bytes *r = rpy_gc_malloc_varsize(T_BYTES, n);
    RPY_POP_ROOT(b);
    RPY_POP_ROOT(a);
    memcpy(r->data, a->data, (size_t)a->length);
    memcpy(r->data + a->length, b->data, (size_t)b->length);
    return r;
}

static void test_root_macros(void) {
    void **top = rpy_shadowstack_top;
    bytes *a = new_bytes(3, 'a');
    RPY_PUSH_ROOT(a); /* the next allocation may collect (RPY_GC_STRESS) */
    bytes *b = new_bytes(4, 'b');
    RPY_POP_ROOT(a);
    bytes *r = concat(a, b, true);
    check(r->length == 7 && memcmp(r->data, "aaabbbb", 8) == 0, "RPY_PUSH_ROOT/RPY_POP_ROOT across a collection");
    check(rpy_shadowstack_top == top, "the root macros leave the shadow stack balanced");
}

/* ---- the write barrier ---------------------------------------------- */

static void test_old_to_young(int64_t chain) {
    void **f = frame(2);
    f[0] = new_node(1);
    rpy_gc_minor_collect();
    node *a = f[0];
    check(!rpy_gc_is_young(a) && (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS),
          "a promoted object is old and tracked (flags %u)", a->hdr.gcflags);

    node *b = new_node(2);
    store(a, &a->left, b);
    check(!(a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS), "the barrier clears TRACK_YOUNG_PTRS");
    /* Only the old object knows b from here on.  c replaces 99 as the
     * right child before any collection, and c's store finds the barrier
     * already done. */
    store(a, &a->right, new_node(99)); /* a is old: it does not move */
    node *c = new_node(3);
    a = f[0];
    store(a, &a->right, c);
    garbage(5000);
    node *d = new_node(4);
    a = f[0];
    node *l = a->left; /* may be old by now: store() checks */
    store(l, &l->right, d);
    rpy_gc_minor_collect();
    a = f[0];
    check(is_node(a->left, 2) && is_node(a->right, 3) && !rpy_gc_is_young(a->left) && !rpy_gc_is_young(a->right),
          "young objects reachable only from an old one survive and move");
    check(is_node(a->left->right, 4), "a store into a freshly promoted object");
    check(a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS, "a remembered object is tracked again");

    /* A long chain hung one node at a time under the same old object. */
    for (int64_t i = 0; i < chain; i++) {
        node *x = new_node(i);
        a = f[0];
        store(x, &x->left, a->right);
        store(a, &a->right, x);
    }
    rpy_gc_collect();
    a = f[0];
    bool ok = true;
    int64_t expect = chain - 1;
    node *x = a->right;
    for (; expect >= 0 && x != NULL; x = x->left, expect--)
        ok &= is_node(x, expect);
    check(ok && expect == -1 && is_node(x, 3), "chain grown under an old object");
    unframe(f);
}

/* ---- prebuilt objects -------------------------------------------------- */

static node prebuilt = {{T_NODE, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, NULL, NULL, 7};
static node prebuilt_leaf = {{T_NODE, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, NULL, NULL, 8};
/* Never written: points only to static data, never traced. */
static node prebuilt_const = {{T_NODE, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, &prebuilt_leaf, NULL, 9};
static struct {
    rpy_hdr hdr;
    int64_t length;
    void *items[4];
} prebuilt_array = {{T_PTRS, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 4, {NULL, NULL, NULL, NULL}};

static void test_prebuilt(int64_t chain_len) {
    uint64_t roots = stats().prebuilt_roots;
    store(&prebuilt, &prebuilt.left, new_node(42));
    check(stats().prebuilt_roots == roots + 1, "a written prebuilt object becomes a root");
    rpy_gc_minor_collect();
    check(prebuilt.hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS, "prebuilt object tracked again");
    garbage(20000);
    node *chain = NULL;
    void **f = frame(1);
    for (int64_t i = 0; i < chain_len; i++) {
        f[0] = chain;
        node *x = new_node(i);
        store(x, &x->left, f[0]);
        chain = x;
    }
    /* A second barrier call, the flag being back: still one root entry. */
    store(&prebuilt, &prebuilt.right, chain);
    check(stats().prebuilt_roots == roots + 1, "a prebuilt object is rooted once");
    f[0] = &prebuilt_const; /* a prebuilt object in a root slot */

    store(&prebuilt_array, &prebuilt_array.items[1], new_node(43));
    store(&prebuilt_array, &prebuilt_array.items[3], new_bytes(100, 'p'));

    for (int round = 0; round < 3; round++) {
        garbage(20000);
        rpy_gc_collect();
    }
    bool ok = true;
    int64_t expect = chain_len - 1;
    node *x = prebuilt.right;
    for (; x != NULL; x = x->left, expect--)
        ok &= is_node(x, expect);
    check(is_node(prebuilt.left, 42) && !rpy_gc_is_young(prebuilt.left), "prebuilt -> young survives collections");
    check(ok && expect == -1, "chain under a prebuilt object survives major collections");
    bytes *b = prebuilt_array.items[3];
    check(is_node(prebuilt_array.items[1], 43) && b->hdr.tid == T_BYTES && b->length == 100 && b->data[99] == 'p' &&
              prebuilt_array.items[0] == NULL,
          "prebuilt array of pointers");
    check(f[0] == &prebuilt_const && prebuilt_const.left == &prebuilt_leaf &&
              prebuilt_const.hdr.gcflags == (RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS) &&
              prebuilt_leaf.hdr.gcflags == prebuilt_const.hdr.gcflags,
          "unwritten prebuilt objects are left alone (flags %u)", prebuilt_const.hdr.gcflags);
    unframe(f);
    /* Dropping the prebuilt references makes the objects collectable. */
    store(&prebuilt, &prebuilt.right, NULL);
    store(&prebuilt_array, &prebuilt_array.items[3], NULL);
}

/* ---- large objects and arrays of pointers ------------------------------ */

/* n >= 8200: an array larger than any nursery object. */
static void test_large(int64_t n) {
    rpy_gc_collect();
    uint64_t old_before = stats().old_bytes;
    void **f = frame(2);
    ptrs *p = rpy_gc_malloc_varsize(T_PTRS, n);
    f[0] = p;
    bool zero = true;
    for (int64_t i = 0; i < n; i++)
        zero &= p->items[i] == NULL;
    check(!rpy_gc_is_young(p) && rpy_gc_is_young_large(p) && !(p->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS) &&
              p->length == n && zero,
          "a large array is born young, outside the nursery, untracked and zeroed");
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(i);
        p = f[0];
        store(p, &p->items[i], x);
    }
    f[1] = new_bytes(100000, 'L');
    check(!rpy_gc_is_young(f[1]) && rpy_gc_is_young_large(f[1]), "a large byte string is born outside the nursery");
    rpy_gc_minor_collect();
    p = f[0];
    bool ok = true;
    for (int64_t i = 0; i < n; i++)
        ok &= is_node(p->items[i], i) && !rpy_gc_is_young(p->items[i]);
    check(ok, "young objects stored in a large array survive a minor collection");
    check(!rpy_gc_is_young_large(p) && !rpy_gc_is_young_large(f[1]) && (p->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS),
          "the large objects are old and tracked after a minor collection (flags %u)", p->hdr.gcflags);
    rpy_gc_collect();
    p = f[0];
    ok = true;
    for (int64_t i = 0; i < n; i++)
        ok &= is_node(p->items[i], i);
    bytes *b = f[1];
    check(ok && b->length == 100000 && b->data[0] == 'L' && b->data[99999] == 'L' && b->data[100000] == 0,
          "large objects survive a major collection");
    uint64_t held = stats().old_bytes - old_before;
    check(held >= 100000 + 8 * (uint64_t)n, "old generation holds the large objects (%llu bytes)",
          (unsigned long long)held);
    unframe(f);
    rpy_gc_collect();
    check(stats().old_bytes <= old_before, "large objects are freed (%llu bytes, was %llu)",
          (unsigned long long)stats().old_bytes, (unsigned long long)old_before);
}

/* An array of arrays of nodes, each level allocated between others. */
static void test_nested_arrays(void) {
    void **f = frame(2);
    f[0] = rpy_gc_malloc_varsize(T_PTRS, 100);
    for (int64_t i = 0; i < 100; i++) {
        f[1] = rpy_gc_malloc_varsize(T_PTRS, 10);
        for (int64_t j = 0; j < 10; j++) {
            node *x = new_node(i * 10 + j);
            ptrs *inner = f[1];
            store(inner, &inner->items[j], x);
            garbage(2);
        }
        ptrs *outer = f[0];
        store(outer, &outer->items[i], f[1]);
    }
    f[1] = NULL;
    for (int round = 0; round < 2; round++) {
        bool ok = true;
        ptrs *outer = f[0];
        for (int64_t i = 0; i < 100; i++) {
            ptrs *inner = outer->items[i];
            ok &= inner->hdr.tid == T_PTRS && inner->length == 10;
            for (int64_t j = 0; ok && j < 10; j++)
                ok &= is_node(inner->items[j], i * 10 + j);
        }
        check(ok, "nested arrays of pointers, round %d", round);
        rpy_gc_collect();
    }
    unframe(f);
}

/* ---- young large objects --------------------------------------------- */

/* Sizes above any nursery's large-object threshold (at most 64 KiB). */
#define LARGE_BYTES 70000
#define LARGE_PTRS 9000

static bool bytes_are(const bytes *b, int64_t n, char fill) {
    if (b == NULL || b->hdr.tid != T_BYTES || b->length != n || b->data[n] != 0)
        return false;
    for (int64_t i = 0; i < n; i++)
        if (b->data[i] != fill)
            return false;
    return true;
}

/* A large array of n new nodes valued base, base + 1, ... */
static ptrs *large_node_array(int64_t n, int64_t base) {
    void **f = frame(1);
    f[0] = rpy_gc_malloc_varsize(T_PTRS, n);
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(base + i);
        ptrs *p = f[0];
        store(p, &p->items[i], x);
    }
    ptrs *p = f[0];
    unframe(f);
    return p;
}

/* The array still holds its nodes, and none of them is in the nursery
 * (the collector updated the pointers to the copies). */
static bool large_nodes_intact(const ptrs *p, int64_t n, int64_t base) {
    if (p == NULL || p->hdr.tid != T_PTRS || p->length != n)
        return false;
    for (int64_t i = 0; i < n; i++)
        if (!is_node(p->items[i], base + i) || rpy_gc_is_young(p->items[i]))
            return false;
    return true;
}

/* Survived a minor collection: old now, so tracked, never in the nursery. */
static bool old_large(const void *p) {
    return p != NULL && !rpy_gc_is_young(p) && !rpy_gc_is_young_large(p) &&
           (((const rpy_hdr *)p)->gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS);
}

/* Big temporaries die young: freed by minor collections, no major one
 * needed (except the ones stress mode makes anyway), the old generation
 * and the heap stay flat. */
static void test_young_large_temporaries(int n) {
    rpy_gc_collect();
    rpy_gc_stats s0 = stats();
    void **f = frame(1);
    uint64_t max_heap = 0, max_young = 0;
    for (int i = 0; i < n; i++) {
        if (i % 2 == 0) {
            bytes *b = new_bytes(LARGE_BYTES + (i % 7) * 10000, 't');
            b->data[0] = 'u';
        } else {
            /* The node first: nothing allocates while the array lives. */
            f[0] = new_node(i);
            ptrs *p = rpy_gc_malloc_varsize(T_PTRS, LARGE_PTRS + i % 1000);
            store(p, &p->items[i % LARGE_PTRS], f[0]);
            f[0] = NULL;
        }
        rpy_gc_stats s = stats();
        max_heap = s.heap_bytes > max_heap ? s.heap_bytes : max_heap;
        max_young = s.young_large_bytes > max_young ? s.young_large_bytes : max_young;
    }
    rpy_gc_minor_collect();
    rpy_gc_stats s1 = stats();
    uint64_t freed = s1.large_freed_young - s0.large_freed_young;
    uint64_t promoted = s1.large_promoted - s0.large_promoted;
    check(freed == (uint64_t)n && promoted == 0, "%d large temporaries: %llu freed young, %llu promoted", n,
          (unsigned long long)freed, (unsigned long long)promoted);
    if (!stress)
        check(s1.major_collections == s0.major_collections, "large temporaries: %llu major collections",
              (unsigned long long)(s1.major_collections - s0.major_collections));
    /* Promoted meanwhile: at most the nodes, which were rooted. */
    check(s1.old_bytes <= s0.old_bytes + (uint64_t)n * sizeof(node), "large temporaries: old generation %llu -> %llu",
          (unsigned long long)s0.old_bytes, (unsigned long long)s1.old_bytes);
    uint64_t biggest = sizeof(bytes) + LARGE_BYTES + 6 * 10000 + 8;
    uint64_t young_bound = s0.young_large_limit > biggest ? s0.young_large_limit : biggest;
    check(max_young <= young_bound && s1.young_large_bytes == 0, "large temporaries: at most %llu young large bytes",
          (unsigned long long)max_young);
    check(max_heap <= s0.heap_bytes + young_bound + 1024 * 1024, "large temporaries: heap %llu -> at most %llu",
          (unsigned long long)s0.heap_bytes, (unsigned long long)max_heap);
    unframe(f);
}

/* Written only through the write barrier, below. */
static struct {
    rpy_hdr hdr;
    int64_t length;
    void *items[2];
} prebuilt_holder = {{T_PTRS, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 2, {NULL, NULL}};

/* A young large object is kept by a minor collection whatever reaches it
 * (each case below is its only way in), its contents intact and its
 * pointers to nursery objects updated; afterwards it is old. */
static void test_young_large_reachability(void) {
    void **f = frame(6);
    f[0] = new_node(-1);
    rpy_gc_minor_collect(); /* f[0] is old */
    rpy_gc_stats s0 = stats();
    uint64_t epoch = rpy_gc_epoch();
    /* (a) The shadow stack: a byte string, and an array of young nodes. */
    f[1] = new_bytes(LARGE_BYTES, 'a');
    f[2] = large_node_array(LARGE_PTRS, 0);
    /* (b) Only an old object, through the write barrier. */
    ptrs *p = large_node_array(LARGE_PTRS, 100000);
    node *old = f[0];
    store(old, &old->left, p);
    /* (c) Only a nursery object (no barrier). */
    f[3] = new_node(-3);
    p = large_node_array(LARGE_PTRS, 200000);
    node *y = f[3];
    store(y, &y->left, p);
    /* (d) Only another young large object (no barrier either). */
    f[4] = rpy_gc_malloc_varsize(T_PTRS, LARGE_PTRS);
    p = large_node_array(LARGE_PTRS, 300000);
    ptrs *holder = f[4];
    store(holder, &holder->items[5], p);
    /* (e) Only a prebuilt object. */
    p = large_node_array(LARGE_PTRS, 400000);
    store(&prebuilt_holder, &prebuilt_holder.items[0], p);
    /* (f) Only the exception in flight (the collector does not care
     * what it is). */
    p = large_node_array(LARGE_PTRS, 500000);
    rpy_exc_value = p;
    old = f[0];
    y = f[3];
    holder = f[4];
    void *larges[] = {f[1], f[2], old->left, y->left, holder, holder->items[5], prebuilt_holder.items[0], rpy_exc_value};
    bool young = true;
    for (size_t i = 0; i < sizeof larges / sizeof *larges; i++)
        young &= rpy_gc_is_young_large(larges[i]);
    /* With a big enough nursery, nothing collected since. */
    if (rpy_gc_epoch() == epoch)
        check(young && !(holder->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS),
              "eight young large objects before the collection");
    rpy_gc_minor_collect();

    bool all_old = true;
    for (size_t i = 0; i < sizeof larges / sizeof *larges; i++)
        all_old &= old_large(larges[i]);
    check(all_old, "young large objects are old and tracked after a minor collection");
    check(bytes_are(f[1], LARGE_BYTES, 'a') && f[1] == larges[0], "(a) a byte string on the shadow stack");
    check(large_nodes_intact(f[2], LARGE_PTRS, 0) && f[2] == larges[1], "(a) an array on the shadow stack");
    old = f[0];
    check(large_nodes_intact((ptrs *)old->left, LARGE_PTRS, 100000) && (void *)old->left == larges[2],
          "(b) an array reachable only from an old object");
    y = f[3];
    check(!rpy_gc_is_young(y) && is_node(y, -3) && large_nodes_intact((ptrs *)y->left, LARGE_PTRS, 200000),
          "(c) an array reachable only from a nursery object");
    holder = f[4];
    check(old_large(holder) && large_nodes_intact(holder->items[5], LARGE_PTRS, 300000),
          "(d) an array reachable only from another young large object");
    check(large_nodes_intact(prebuilt_holder.items[0], LARGE_PTRS, 400000), "(e) an array reachable only from a prebuilt object");
    check(large_nodes_intact(rpy_exc_value, LARGE_PTRS, 500000) && rpy_exc_value == larges[7],
          "(f) an array reachable only as the exception in flight");
    rpy_gc_stats s1 = stats();
    uint64_t kept = 7 * (8 * LARGE_PTRS + sizeof(ptrs)) + LARGE_BYTES;
    check(s1.old_bytes >= s0.old_bytes + kept && s1.young_large_bytes == 0,
          "the survivors count in the old generation (%llu -> %llu bytes)", (unsigned long long)s0.old_bytes,
          (unsigned long long)s1.old_bytes);
    if (rpy_gc_epoch() == epoch + 1)
        check(s1.large_promoted - s0.large_promoted == 8, "8 young large objects promoted, %llu counted",
              (unsigned long long)(s1.large_promoted - s0.large_promoted));

    /* Old now: new young nodes stored into them go through the barrier. */
    old = f[0];
    ptrs *targets[] = {f[2], (ptrs *)old->left, holder, prebuilt_holder.items[0], rpy_exc_value};
    for (int k = 0; k < 5; k++) {
        node *x = new_node(-100 - k);
        old = f[0];
        holder = f[4];
        targets[1] = (ptrs *)old->left; /* none of them moves */
        ptrs *t = targets[k];
        store(t, &t->items[k == 2 ? 1 : 0], x);
        check(!(t->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS), "a store into a promoted large object, %d, is remembered", k);
    }
    garbage(2000);
    rpy_gc_minor_collect();
    bool ok = true;
    for (int k = 0; k < 5; k++) {
        ptrs *t = targets[k];
        node *x = t->items[k == 2 ? 1 : 0];
        ok &= is_node(x, -100 - k) && !rpy_gc_is_young(x) && (t->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS);
    }
    check(ok, "young objects stored into promoted large objects survive");
    rpy_exc_catch();
    unframe(f);
    store(&prebuilt_holder, &prebuilt_holder.items[0], NULL);
    rpy_gc_collect();
    check(stats().old_bytes < s1.old_bytes - kept, "the large objects are freed once dropped (%llu bytes)",
          (unsigned long long)stats().old_bytes);
}

/* Young large objects reachable only from garbage are freed young:
 * from a dead nursery object, from a dead young large object, and from
 * nothing at all. */
static void test_young_large_garbage(void) {
    rpy_gc_minor_collect();
    void **f = frame(2);
    uint64_t epoch = rpy_gc_epoch();
    rpy_gc_stats s0 = stats();
    f[0] = new_node(1);
    f[1] = rpy_gc_malloc_varsize(T_PTRS, LARGE_PTRS);
    node *n = f[0];
    store(n, &n->left, f[1]); /* only the dead node will know it */
    f[0] = rpy_gc_malloc_varsize(T_PTRS, LARGE_PTRS);
    f[1] = new_bytes(LARGE_BYTES, 'd');
    ptrs *p = f[0];
    store(p, &p->items[0], f[1]); /* only the dead array will know it */
    f[1] = new_bytes(LARGE_BYTES, 'e');
    unframe(f);
    bool quiet = rpy_gc_epoch() == epoch; /* no collection meanwhile */
    rpy_gc_minor_collect();
    rpy_gc_stats s1 = stats();
    if (quiet)
        check(s1.large_freed_young - s0.large_freed_young == 4 && s1.large_promoted == s0.large_promoted &&
                  s1.old_bytes <= s0.old_bytes + 1024,
              "dead young large objects are freed by a minor collection: %llu freed, %llu promoted",
              (unsigned long long)(s1.large_freed_young - s0.large_freed_young),
              (unsigned long long)(s1.large_promoted - s0.large_promoted));
    rpy_gc_collect();
    check(stats().old_bytes <= s0.old_bytes + 1024, "and whatever was promoted goes at the next major collection");
}

/* ---- major collections and memory reuse ------------------------------ */

static void test_major_frees(int64_t n) {
    rpy_gc_collect();
    uint64_t base = stats().old_bytes;
    void **f = frame(1);
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(i);
        store(x, &x->left, f[0]);
        f[0] = x;
    }
    rpy_gc_collect();
    uint64_t full = stats().old_bytes;
    check(full >= base + (uint64_t)n * sizeof(node), "%lld live nodes are in the old generation", (long long)n);
    f[0] = NULL;
    uint64_t majors = stats().major_collections;
    rpy_gc_collect();
    check(stats().old_bytes <= base && stats().major_collections == majors + 1,
          "a major collection frees an unreachable list (%llu bytes left, %llu before)",
          (unsigned long long)stats().old_bytes, (unsigned long long)base);
    unframe(f);
}

/* Each round replaces a quarter of the nodes, a different quarter each
 * time, so every page keeps some live nodes: the heap stays flat only if
 * new nodes fill the holes. */
static void test_fragmented_reuse(int64_t n) {
    rpy_gc_collect();
    void **f = frame(1);
    f[0] = rpy_gc_malloc_varsize(T_PTRS, n);
    uint64_t heap[8];
    for (int64_t round = 0; round < 8; round++) {
        for (int64_t i = 0; i < n; i++) {
            if (round > 0 && i % 4 != round % 4)
                continue;
            node *x = new_node(round * n + i);
            ptrs *p = f[0];
            store(p, &p->items[i], x);
        }
        rpy_gc_collect();
        heap[round] = stats().heap_bytes;
    }
    ptrs *p = f[0];
    bool ok = true;
    for (int64_t i = 0; i < n; i++)
        ok &= p->items[i] != NULL && ((node *)p->items[i])->value % n == i;
    check(ok, "nodes replaced round by round");
    check(heap[7] <= heap[3], "freed slots are reused: heap %llu bytes after round 3, %llu after round 7",
          (unsigned long long)heap[3], (unsigned long long)heap[7]);
    unframe(f);
}

static long resident_kib(void) {
    FILE *fp = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (fp == NULL)
        return -1;
    if (fscanf(fp, "%ld %ld", &pages, &resident) != 2)
        resident = -1;
    fclose(fp);
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Objects live about one nursery's worth of allocations, so many are
 * promoted and then die in the old generation: only major collections
 * keep it bounded, and only reuse of freed memory keeps RSS flat. */
static void test_garbage_bounded(void) {
    rpy_gc_collect();
    rpy_gc_stats start = stats();
    int64_t ring_len = (int64_t)(start.nursery_size / sizeof(node));
    void **f = frame(1);
    f[0] = rpy_gc_malloc_varsize(T_PTRS, ring_len);
    long rss_before = resident_kib();
    uint64_t max_old = 0;
    int64_t i = 0;
    for (; i < 40000000 && stats().major_collections < start.major_collections + 10; i++) {
        void *obj = i % 3 == 0 ? (void *)new_bytes(i % 100, (char)i) : (void *)new_node(i);
        ptrs *ring = f[0];
        store(ring, &ring->items[i % ring_len], obj);
        if (i % 1024 == 0 && stats().old_bytes > max_old)
            max_old = stats().old_bytes;
    }
    rpy_gc_stats end = stats();
    check(end.major_collections >= start.major_collections + 10, "garbage loop: %llu major collections in %lld allocations",
          (unsigned long long)(end.major_collections - start.major_collections), (long long)i);
    /* What may accumulate: the 8 MiB floor, what a few minor collections
     * promote, what was alive before. */
    uint64_t bound = 24 * 1024 * 1024 + 2 * start.old_bytes;
    check(max_old < bound, "garbage loop: old generation reached %llu bytes", (unsigned long long)max_old);
    long grown = resident_kib() - rss_before;
    if (!UNDER_ASAN) /* its quarantine holds on to freed memory */
        check(rss_before > 0 && grown < 32 * 1024, "garbage loop: RSS grew by %ld KiB", grown);
    ptrs *ring = f[0];
    bool ok = true;
    for (int64_t k = 0; k < ring_len && k < i; k++) {
        rpy_hdr *h = ring->items[k];
        if (h->tid == T_NODE)
            ok &= ((node *)h)->value % ring_len == k;
        else
            ok &= h->tid == T_BYTES && ((bytes *)h)->length < 100;
    }
    check(ok, "garbage loop: the live ring is intact");
    unframe(f);
}

/* ---- errors ---------------------------------------------------------- */

/* The exception in flight has this class; it is taken, so the next test
 * starts clean. */
static bool raised(uint32_t tid) {
    rpy_hdr *e = rpy_exc_catch();
    return e != NULL && e->tid == tid;
}

static void test_memory_errors(void) {
    void *p = rpy_gc_malloc_varsize(T_BYTES, -1);
    check(p == NULL && raised(T_MEMORY_ERROR), "negative length: MemoryError");
    p = rpy_gc_malloc_varsize(T_PTRS, INT64_MAX / 4);
    check(p == NULL && raised(T_MEMORY_ERROR), "size overflow: MemoryError");
    p = rpy_gc_malloc_varsize(T_BYTES, (int64_t)1 << 45);
    check(p == NULL && raised(T_MEMORY_ERROR), "32 TiB object: MemoryError");
    p = rpy_gc_malloc_varsize(T_BYTES, 3);
    check(p != NULL && rpy_exc_value == NULL, "allocation works after a MemoryError");
}

/* An exception object in flight is a root: it may be young and a
 * handler may allocate before taking it. */
static void test_exception_in_flight(void) {
    rpy_raise(RPY_EXC_VALUE, "boom");
    garbage(20000);
    rpy_gc_collect();
    exc *e = rpy_exc_value;
    check(e != NULL && !rpy_gc_is_young(e) && e->hdr.tid == T_EXCEPTION && e->message->length == 4 &&
              memcmp(e->message->data, "boom", 4) == 0,
          "the exception in flight survives collections");
    rpy_exc_catch();
}

static char child_out[4096], child_err[4096];
static int child_status; /* exit code, or 128 + signal */

static void read_all(int fd, char *buf, size_t cap) {
    size_t n = 0;
    ssize_t r;
    while ((r = read(fd, buf + n, cap - 1 - n)) > 0)
        n += (size_t)r;
    buf[n] = '\0';
    close(fd);
}

/* Runs action() in a child, or with exec_mode this program again with the
 * given environment settings ("NAME=value", NULL-terminated). */
static void run_child(void (*action)(void), const char *exec_mode, const char *const *env) {
    fflush(stdout);
    rpy_io_flush();
    int po[2], pe[2];
    if (pipe(po) != 0 || pipe(pe) != 0) {
        perror("pipe");
        exit(2);
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(po[1]);
        close(pe[0]);
        close(pe[1]);
        if (exec_mode != NULL) {
            unsetenv("RPY_GC_NURSERY");
            unsetenv("RPY_GC_DEBUG");
            unsetenv("RPY_GC_STATS");
            unsetenv("RPY_GC_STRESS");
            unsetenv("RPY_GC_MAX");
            for (; env != NULL && *env != NULL; env++) {
                char name[64];
                size_t n = strcspn(*env, "=");
                snprintf(name, sizeof name, "%.*s", (int)n, *env);
                setenv(name, *env + n + 1, 1);
            }
            execl("/proc/self/exe", "test_gc", exec_mode, (char *)NULL);
            _exit(127);
        }
        action();
        fflush(stdout);
        rpy_io_flush();
        _exit(0);
    }
    close(po[1]);
    close(pe[1]);
    read_all(po[0], child_out, sizeof child_out);
    read_all(pe[0], child_err, sizeof child_err);
    int st;
    waitpid(pid, &st, 0);
    child_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void push_past_limit(void) {
    rpy_gc_minor_collect(); /* RecursionError fits in the nursery */
    void **top = rpy_shadowstack_top;
    rpy_shadowstack_top = rpy_shadowstack_limit + 1;
    rpy_stack_check();
    rpy_shadowstack_top = top;
    printf("%s\n", raised(T_RECURSION_ERROR) ? "RecursionError" : "nothing raised");
}

/* Each frame takes 100000 root slots but writes only one, so the 1 GiB
 * region runs out after about 1300 frames without touching much memory.
 * The slots are not zeroed, so nothing may collect meanwhile: the
 * nursery is emptied first and RecursionError is the only allocation. */
__attribute__((noinline)) static int64_t deep_frames(int64_t n) {
    rpy_stack_check();
    if (rpy_exc_value != NULL)
        return -1;
    void **base = rpy_shadowstack_top;
    rpy_shadowstack_top = base + 100000;
    base[0] = NULL;
    int64_t r = deep_frames(n + 1);
    rpy_shadowstack_top = base;
    return r < 0 ? n : r;
}

static void shadow_stack_exhausted(void) {
    rpy_gc_minor_collect();
    void **top = rpy_shadowstack_top;
    int64_t depth = deep_frames(0);
    printf("%s at depth %lld, %s\n", raised(T_RECURSION_ERROR) ? "RecursionError" : "nothing raised", (long long)depth,
           rpy_shadowstack_top == top ? "balanced" : "unbalanced");
}

/* Under RPY_GC_STRESS, raising RecursionError collects, and the slots
 * these children leave unwritten are then roots: slots earlier tests
 * left stale pointers in.  So a stressed run starts a fresh process
 * (without the GC settings) instead of forking. */
static void test_shadow_stack_limit(void) {
    run_child(stress ? NULL : push_past_limit, stress ? "push-past-limit" : NULL, NULL);
    check(child_status == 0 && strcmp(child_out, "RecursionError\n") == 0,
          "shadow stack past its limit: status %d, '%s' '%s'", child_status, child_out, child_err);
    run_child(stress ? NULL : shadow_stack_exhausted, stress ? "shadow-stack-exhausted" : NULL, NULL);
    long long depth = 0;
    check(child_status == 0 && sscanf(child_out, "RecursionError at depth %lld, balanced", &depth) == 1 &&
              depth > 1000 && depth < 1400,
          "shadow stack exhausted by recursion: status %d, '%s' '%s'", child_status, child_out, child_err);
}

/* ---- RPY_GC_STRESS and RPY_GC_MAX, in a fresh process ------------------ */

/* The stress-mode checks (mode "stress", run with RPY_GC_STRESS=1): every
 * allocation collects, whatever its kind, and structures survive that. */
static void stress_checks(void) {
    void **f = frame(2);
    rpy_gc_stats s0 = stats();
    int64_t n = 640;
    char *first = NULL;
    bool same_place = true, promoted = true;
    for (int64_t i = 0; i < n; i++) {
        node *x = new_node(i);
        if (first == NULL)
            first = (char *)x;
        /* Collected just before: the nursery was empty, and the previous
         * node, rooted, was promoted. */
        same_place &= (char *)x == first;
        promoted &= rpy_gc_is_young(x) && (f[0] == NULL || !rpy_gc_is_young(f[0]));
        store(x, &x->left, f[0]);
        f[0] = x;
    }
    rpy_gc_stats s1 = stats();
    uint64_t minors = s1.minor_collections - s0.minor_collections;
    uint64_t majors = s1.major_collections - s0.major_collections;
    check(minors == (uint64_t)n, "stress: %lld allocations, %llu minor collections", (long long)n,
          (unsigned long long)minors);
    check(majors >= (uint64_t)n / 64 && majors <= (uint64_t)n / 64 + 1,
          "stress: %lld allocations, %llu major collections", (long long)n, (unsigned long long)majors);
    check(same_place && promoted, "stress: each object starts an empty nursery, the one before it was promoted");
    bool ok = true;
    int64_t expect = n - 1;
    for (node *x = f[0]; x != NULL; x = x->left, expect--)
        ok &= is_node(x, expect);
    check(ok && expect == -1, "stress: a list grown one collection at a time");

    /* Varsize objects, in the nursery and large ones. */
    s0 = stats();
    ok = true;
    for (int64_t i = 0; i < 100; i++) {
        f[1] = new_bytes(i, (char)('a' + i % 26));
        ptrs *p = rpy_gc_malloc_varsize(T_PTRS, i % 8);
        bytes *b = f[1];
        ok &= p->length == i % 8 && b->length == i && (i == 0 || b->data[i - 1] == 'a' + i % 26);
    }
    s1 = stats();
    check(ok && s1.minor_collections - s0.minor_collections == 200, "stress: 200 varsize allocations, %llu minor collections",
          (unsigned long long)(s1.minor_collections - s0.minor_collections));
    s0 = stats();
    for (int i = 0; i < 10; i++) {
        bytes *b = new_bytes(100000, 'L');
        ok &= !rpy_gc_is_young(b) && b->data[99999] == 'L';
    }
    s1 = stats();
    check(ok && s1.minor_collections - s0.minor_collections >= 10, "stress: 10 large objects, %llu minor collections",
          (unsigned long long)(s1.minor_collections - s0.minor_collections));

    /* Young objects known only to an old one (the write barrier). */
    ok = true;
    for (int64_t i = 0; i < 200; i++) {
        node *y = new_node(1000 + i);
        node *a = f[0];
        store(y, &y->left, a->right);
        store(a, &a->right, y);
        ok &= !rpy_gc_is_young(a);
    }
    node *a = f[0];
    expect = 1199;
    for (node *x = a->right; x != NULL; x = x->left, expect--)
        ok &= is_node(x, expect) && !rpy_gc_is_young(x->left);
    check(ok && expect == 999, "stress: a chain under an old object");

    int64_t next = 0;
    f[1] = make_tree(8, &next);
    check(check_tree(f[1], 8, 0) == next, "stress: a tree of depth 8");
    unframe(f);
}

/* RPY_GC_MAX as the collector reads it. */
static uint64_t heap_limit(void) {
    const char *v = getenv("RPY_GC_MAX");
    char *end;
    uint64_t n = strtoull(v, &end, 10);
    switch (*end) {
    case 'k': case 'K': return n << 10;
    case 'm': case 'M': return n << 20;
    case 'g': case 'G': return n << 30;
    default: return n;
    }
}

static bool bytes_are_sized(const bytes *b, int64_t n) {
    return b != NULL && b->hdr.tid == T_BYTES && b->length == n && b->data[n] == 0;
}

/* The MemoryError instance is in flight; taken here. */
static bool memory_error_raised(void) {
    rpy_hdr *e = rpy_exc_value;
    bool ok = e != NULL && e->tid == T_MEMORY_ERROR && (e->gcflags & RPY_GCFLAG_PREBUILT);
    rpy_exc_catch();
    return ok && rpy_exc_value == NULL;
}

/* The heap-limit checks (mode "heap-limit", run with RPY_GC_MAX set). */
static void heap_limit_checks(void) {
    uint64_t max = heap_limit();
    rpy_gc_stats s0 = stats();
    uint64_t nursery = s0.nursery_size;
    uint64_t large_threshold = nursery / 8 < 65536 ? nursery / 8 : 65536;
    void **f = frame(2);

    /* Live data a quarter of the limit, small garbage ten times the limit:
     * the nodes (two allocations in three) replace older ones in the ring,
     * so that promoted objects die too.  Every 1000th allocation is a
     * large object besides, not counted: those die young, and no longer
     * need major collections to go. */
    int64_t ring_len = (int64_t)(max / 4 / (sizeof(node) + sizeof(void *)));
    f[0] = rpy_gc_malloc_varsize(T_PTRS, ring_len);
    bool ok = f[0] != NULL;
    uint64_t made = 0;
    int64_t i = 0, nodes = 0;
    for (; ok && made < 10 * max; i++) {
        void *obj;
        if (i % 1000 == 999)
            obj = rpy_gc_malloc_varsize(T_BYTES, (int64_t)(max / 16));
        else if (i % 3 == 0)
            obj = rpy_gc_malloc_varsize(T_BYTES, i % 200);
        else
            obj = rpy_gc_malloc(T_NODE);
        if (obj == NULL) {
            ok = false;
            break;
        }
        if (i % 1000 != 999)
            made += ((rpy_hdr *)obj)->tid == T_NODE ? sizeof(node) : sizeof(bytes) + (uint64_t)((bytes *)obj)->length;
        if (((rpy_hdr *)obj)->tid == T_NODE) {
            ((node *)obj)->value = nodes;
            ptrs *ring = f[0];
            store(ring, &ring->items[nodes++ % ring_len], obj);
        }
    }
    rpy_gc_stats s1 = stats();
    check(ok && rpy_exc_value == NULL, "limit %llu: %llu bytes allocated, live data under the limit: %s after %lld",
          (unsigned long long)max, (unsigned long long)made, ok ? "no MemoryError" : "MemoryError", (long long)i);
    check(s1.major_collections >= s0.major_collections + 2, "limit %llu: %llu major collections",
          (unsigned long long)max, (unsigned long long)(s1.major_collections - s0.major_collections));
    check(s1.peak_old_bytes <= max + nursery, "limit %llu: the old generation peaked at %llu bytes",
          (unsigned long long)max, (unsigned long long)s1.peak_old_bytes);
    ptrs *ring = f[0];
    for (int64_t k = 0; ok && k < ring_len; k++) {
        node *x = ring->items[k];
        ok &= x != NULL && x->hdr.tid == T_NODE && x->value % ring_len == k;
    }
    check(ok, "limit %llu: the live ring is intact", (unsigned long long)max);
    f[0] = NULL;

    /* Large objects only: garbage ten times the limit never fails, live
     * ones fail once they would pass it, young or not. */
    if (max / 8 > large_threshold || stress) {
        for (i = 0; ok && i < 20; i++)
            ok = rpy_gc_malloc_varsize(T_BYTES, (int64_t)(max / 2)) != NULL;
        check(ok && rpy_exc_value == NULL, "limit %llu: large garbage, %lld objects of half the limit",
              (unsigned long long)max, (long long)i);
        f[0] = rpy_gc_malloc_varsize(T_PTRS, 16);
        int64_t kept = 0;
        for (; kept < 16; kept++) {
            bytes *b = rpy_gc_malloc_varsize(T_BYTES, (int64_t)(max / 8));
            if (b == NULL)
                break;
            b->data[0] = (char)kept;
            ptrs *held = f[0];
            store(held, &held->items[kept], b);
        }
        check(kept >= 5 && kept <= 7 && memory_error_raised(), "limit %llu: MemoryError after %lld live large objects of an eighth",
              (unsigned long long)max, (long long)kept);
        ptrs *held = f[0];
        ok = true;
        for (int64_t k = 0; k < kept; k++)
            ok &= bytes_are_sized(held->items[k], (int64_t)(max / 8)) && ((bytes *)held->items[k])->data[0] == (char)k;
        check(ok, "limit %llu: the live large objects are intact", (unsigned long long)max);
        f[0] = NULL;
    }

    /* Live data past the limit. */
    int64_t count = 0, cap = (int64_t)((max + nursery) / sizeof(node)) * 2 + 1000;
    node *x = NULL;
    for (; count < cap; count++) {
        x = rpy_gc_malloc(T_NODE);
        if (x == NULL)
            break;
        x->value = count;
        store(x, &x->left, f[1]);
        f[1] = x;
    }
    uint64_t live = (uint64_t)count * sizeof(node);
    check(x == NULL && memory_error_raised(), "limit %llu: MemoryError after %lld nodes", (unsigned long long)max,
          (long long)count);
    check(live >= max / 2 && live <= max + nursery, "limit %llu: %llu bytes of nodes when MemoryError came",
          (unsigned long long)max, (unsigned long long)live);
    /* A large object checks the limit at once (a small one may still fit
     * in the nursery emptied by the failed allocation). */
    if (max / 2 > large_threshold || stress) {
        void *p = rpy_gc_malloc_varsize(T_BYTES, (int64_t)(max / 2));
        check(p == NULL && memory_error_raised(), "limit %llu: a large object does not fit beside the list",
              (unsigned long long)max);
    }
    ok = true;
    int64_t expect = count - 1;
    for (node *y = f[1]; y != NULL; y = y->left, expect--)
        ok &= is_node(y, expect);
    check(ok && expect == -1, "limit %llu: the list is intact after MemoryError", (unsigned long long)max);

    /* Released, the memory serves again. */
    f[1] = NULL;
    bytes *b = rpy_gc_malloc_varsize(T_BYTES, (int64_t)(max / 2));
    check(b != NULL && rpy_exc_value == NULL && b->length == (int64_t)(max / 2),
          "limit %llu: after the list is dropped, a large object fits", (unsigned long long)max);
    ok = true;
    for (count = 0; ok && count < (int64_t)(max / 4 / sizeof(node)); count++) {
        x = rpy_gc_malloc(T_NODE);
        ok = x != NULL;
        if (ok) {
            x->value = count;
            store(x, &x->left, f[1]);
            f[1] = x;
        }
    }
    for (i = 0; ok && i < (int64_t)(4 * max / sizeof(node)); i++)
        ok = rpy_gc_malloc(T_NODE) != NULL;
    check(ok && rpy_exc_value == NULL, "limit %llu: a new list and more garbage after MemoryError",
          (unsigned long long)max);
    void *p = rpy_gc_malloc_varsize(T_BYTES, (int64_t)max);
    check(p == NULL && memory_error_raised(), "limit %llu: an object larger than the limit", (unsigned long long)max);
    unframe(f);
}

/* Runs this program again in `mode`, whose checks end its output with
 * "checks: P passed, F failed"; they count as this run's. */
static void run_checks(const char *mode, const char *const *env) {
    run_child(NULL, mode, env);
    const char *tail = strstr(child_out, "checks: ");
    int p = 0, fl = -1;
    if (tail != NULL && sscanf(tail, "checks: %d passed, %d failed", &p, &fl) == 2 && fl == 0 && child_status == 0) {
        passed += p;
        return;
    }
    char settings[256] = "";
    for (; *env != NULL; env++)
        snprintf(settings + strlen(settings), sizeof settings - strlen(settings), " %s", *env);
    check(false, "mode %s with%s: status %d, stdout '%s', stderr '%s'", mode, settings, child_status, child_out,
          child_err);
}

static void test_stress_and_limit(void) {
    const char *stress_env[] = {"RPY_GC_STRESS=1", NULL};
    run_checks("stress", stress_env);
    const char *stress_debug_env[] = {"RPY_GC_STRESS=1", "RPY_GC_DEBUG=1", NULL};
    run_checks("stress", stress_debug_env);
    const char *stress_tiny_env[] = {"RPY_GC_STRESS=1", "RPY_GC_NURSERY=4096", "RPY_GC_DEBUG=1", NULL};
    run_checks("stress", stress_tiny_env);

    const char *limit_env[] = {"RPY_GC_MAX=2M", "RPY_GC_NURSERY=262144", NULL};
    run_checks("heap-limit", limit_env);
    const char *limit_default_env[] = {"RPY_GC_MAX=8m", NULL};
    run_checks("heap-limit", limit_default_env);
    const char *limit_tiny_env[] = {"RPY_GC_MAX=1048576", "RPY_GC_NURSERY=4096", "RPY_GC_DEBUG=1", NULL};
    run_checks("heap-limit", limit_tiny_env);
    const char *limit_stress_env[] = {"RPY_GC_MAX=256K", "RPY_GC_STRESS=1", NULL};
    run_checks("heap-limit", limit_stress_env);
    const char *limit_stress_debug_env[] = {"RPY_GC_MAX=64k", "RPY_GC_STRESS=1", "RPY_GC_DEBUG=1", NULL};
    run_checks("heap-limit", limit_stress_debug_env);

    static const char *const bad[] = {"abc", "0", "-5", "+5", " 5", "5 ", "1.5M", "12X", "4KB", "M",
                                      "18446744073709551616", "17179869184G"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char setting[64];
        snprintf(setting, sizeof setting, "RPY_GC_MAX=%s", bad[i]);
        const char *env[] = {setting, NULL};
        run_child(NULL, "nursery-size", env);
        check(child_status == 2 && strstr(child_err, "RPY_GC_MAX") != NULL && child_out[0] == '\0',
              "%s: status %d '%s'", setting, child_status, child_err);
    }
}

/* ---- environment settings, in a fresh process ------------------------ */

/* The modes run by test_environment, each in its own process. */
static int run_mode(const char *mode) {
    if (strcmp(mode, "stress") == 0 || strcmp(mode, "heap-limit") == 0) {
        if (mode[0] == 's')
            stress_checks();
        else
            heap_limit_checks();
        check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
        printf("checks: %d passed, %d failed\n", passed, failed);
        return failed == 0 ? 0 : 1;
    }
    if (strcmp(mode, "push-past-limit") == 0) {
        push_past_limit();
        return 0;
    }
    if (strcmp(mode, "shadow-stack-exhausted") == 0) {
        shadow_stack_exhausted();
        return 0;
    }
    if (strcmp(mode, "stats") == 0) {
        garbage(100000);
        /* Ten large temporaries and three kept ones. */
        void **f = frame(3);
        for (int i = 0; i < 13; i++) {
            bytes *b = new_bytes(LARGE_BYTES, 's');
            if (i % 4 == 3)
                f[i / 4] = b;
        }
        rpy_gc_collect();
        unframe(f);
        return 0;
    }
    if (strcmp(mode, "nursery-size") == 0) {
        rpy_gc_stats s = stats();
        printf("%llu %d\n", (unsigned long long)s.nursery_size, (int)s.debug);
        return 0;
    }
    if (strcmp(mode, "poison") == 0) {
        /* The nursery copy of a promoted object, and a dead object. */
        void **f = frame(1);
        f[0] = new_node(5);
        node *dead = new_node(6);
        node *stale = f[0];
        rpy_gc_minor_collect();
        unsigned char *p = (unsigned char *)dead, *q = (unsigned char *)stale;
        bool poisoned = true;
        for (size_t i = 0; i < sizeof(node); i++)
            poisoned &= p[i] == 0xa5 && q[i] == 0xa5;
        printf("%s\n", poisoned && is_node(f[0], 5) ? "poisoned" : "not poisoned");
        return 0;
    }
    if (strcmp(mode, "corrupt") == 0) {
        /* An invalid pointer where the verifier will walk: it must stop
         * the process before anything else goes wrong. */
        static empty fake = {{9999, 0}, 0};
        void **f = frame(1);
        f[0] = new_node(1);
        rpy_gc_minor_collect();
        node *a = f[0];
        a->left = (node *)&fake;
        rpy_gc_minor_collect();
        printf("not detected\n");
        return 0;
    }
    printf("unknown mode %s\n", mode);
    return 2;
}

static void test_environment(void) {
    const char *stats_env[] = {"RPY_GC_STATS=1", "RPY_GC_NURSERY=65536", NULL};
    run_child(NULL, "stats", stats_env);
    unsigned long long minors = 0, majors = 0, allocated = 0, peak = 0, freed_young = 0, promoted = 0;
    int got = sscanf(child_err,
                     "gc: %llu minor collections, %llu major collections\n"
                     "gc: %llu bytes allocated, peak old generation %llu bytes\n"
                     "gc: %llu large objects freed young, %llu promoted\n",
                     &minors, &majors, &allocated, &peak, &freed_young, &promoted);
    check(child_status == 0 && got == 6 && minors >= 30 && majors >= 1 && allocated >= 2000000 && freed_young == 10 &&
              promoted == 3,
          "RPY_GC_STATS=1: status %d, stderr '%s'", child_status, child_err);

    const char *size_env[] = {"RPY_GC_NURSERY=5000", "RPY_GC_DEBUG=1", NULL};
    run_child(NULL, "nursery-size", size_env);
    check(child_status == 0 && strcmp(child_out, "5000 1\n") == 0, "RPY_GC_NURSERY=5000: '%s'", child_out);
    run_child(NULL, "nursery-size", NULL);
    check(child_status == 0 && strcmp(child_out, "4194304 0\n") == 0, "default nursery: '%s'", child_out);
    const char *bad_env[] = {"RPY_GC_NURSERY=4k", NULL};
    run_child(NULL, "nursery-size", bad_env);
    check(child_status == 2 && strstr(child_err, "RPY_GC_NURSERY") != NULL, "RPY_GC_NURSERY=4k: status %d '%s'",
          child_status, child_err);

    const char *debug_env[] = {"RPY_GC_DEBUG=1", NULL};
    run_child(NULL, "poison", debug_env);
    check(child_status == 0 && strcmp(child_out, "poisoned\n") == 0, "RPY_GC_DEBUG=1 poisons the nursery: '%s'",
          child_out);
    run_child(NULL, "corrupt", debug_env);
    check(child_status == 128 + 6 && strstr(child_err, "rpy gc: heap corrupted: invalid type id") != NULL,
          "RPY_GC_DEBUG=1 verifies the heap: status %d, stderr '%s'", child_status, child_err);
}

int64_t rpy_entry_point(rpy_list *argv) {
    stress = env_set("RPY_GC_STRESS");
    if (argv->length > 1)
        return run_mode(((rpy_str **)(void *)argv->items->items)[1]->data);
    rpy_gc_stats s = stats();
    /* Debug mode verifies the heap at every collection, which a tiny
     * nursery makes frequent: smaller structures keep it quick.  Stress
     * mode collects at every allocation (and marks everything live at
     * every 64th), so its structures are smaller still, and smallest
     * with the two together, which walk the whole heap per allocation. */
    int scale = stress ? (s.debug ? 1 : 10) : s.debug ? 20 : 80;
    test_alloc_basics();
    test_linked_list(2500 * scale);
    test_tree(stress ? (s.debug ? 9 : 12) : s.debug ? 12 : 15);
    test_sharing_and_cycles();
    test_root_macros();
    test_old_to_young(stress ? 1000 * scale : 20000);
    test_prebuilt(stress ? 500 * scale : 3000);
    test_large(stress ? 8200 + 1000 * scale : 20000);
    test_nested_arrays();
    test_young_large_temporaries(stress ? 100 * scale : 2000);
    test_young_large_reachability();
    test_young_large_garbage();
    test_major_frees(stress ? 1250 * scale : 100000);
    test_fragmented_reuse(stress ? 500 * scale : 40000);
    test_garbage_bounded();
    test_memory_errors();
    test_exception_in_flight();
    test_shadow_stack_limit();
    test_environment();
    /* The children set their own GC settings: once per build is enough. */
    if (!s.debug && !stress)
        test_stress_and_limit();
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    s = stats();
    printf("test_gc (nursery %llu bytes%s%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", stress ? ", stress" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
