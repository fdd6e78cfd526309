/* Exceptions: raising built-in exceptions from the runtime, the traceback
 * of the exception in flight, and the report of an uncaught one.
 *
 * The traceback is a list of locations, innermost first: the raise, then
 * one entry per frame the exception leaves.  It is printed the other way
 * round, like CPython's "most recent call last".  Long runs of the same
 * location (deep recursion) are folded as CPython folds them.
 */
#include "rpy.h"
#include "rpy_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *rpy_exc_value;

static int32_t *tb_locs;
static size_t tb_len, tb_cap;

/* Called on every exceptional exit of generated code: kept out of line
 * (and cold), so that each call site stays one call instead of an inlined
 * copy of the growth logic. */
__attribute__((noinline, cold)) void rpy_traceback_add(int32_t loc) {
    if (tb_len == tb_cap) {
        size_t cap = tb_cap ? 2 * tb_cap : 64;
        int32_t *p = realloc(tb_locs, cap * sizeof *p);
        if (p == NULL)
            return; /* a shorter traceback is better than none */
        tb_locs = p;
        tb_cap = cap;
    }
    tb_locs[tb_len++] = loc;
}

void *rpy_exc_catch(void) {
    void *e = rpy_exc_value;
    rpy_exc_value = NULL;
    tb_len = 0;
    return e;
}

/* A string object for msg, outside the GC heap (it is only ever read). */
static rpy_str *static_str(const char *msg) {
    size_t n = msg ? strlen(msg) : 0;
    rpy_str *s = malloc(sizeof(rpy_str) + n + 1);
    if (s == NULL)
        return NULL;
    s->hdr.tid = RPY_TID_STR;
    s->hdr.gcflags = RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS;
    s->hash = 0;
    s->length = (int64_t)n;
    if (n)
        memcpy(s->data, msg, n);
    s->data[n] = '\0';
    int64_t nchars = 0;
    for (size_t i = 0; i < n; nchars++) {
        int used;
        rpy_utf8_next((const unsigned char *)s->data + i, (int64_t)(n - i), &used);
        i += (size_t)used;
    }
    s->nchars = nchars;
    return s;
}

static rpy_str empty_str = {{RPY_TID_STR, RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS}, 0, 0, 0};

/* MemoryError cannot allocate: one instance, made at the first raise of
 * anything (while memory is still there) and kept. */
static void *memory_error;

static void *new_exception(int32_t kind, rpy_str *msg) {
    uint32_t tid = rpy_exc_kind_tids[kind];
    /* The message is static data, so no root is needed across the
     * allocation. */
    char *e = rpy_gc_malloc(tid);
    if (e == NULL)
        return NULL;
    memcpy(e + rpy_exc_message_offset, &msg, sizeof msg);
    return e;
}

void rpy_raise_unpack_short(int64_t expected, int64_t got) {
    char msg[96];
    snprintf(msg, sizeof msg, "not enough values to unpack (expected %lld, got %lld)", (long long)expected,
             (long long)got);
    rpy_raise(RPY_EXC_VALUE, msg);
}

void rpy_raise_unpack_at_least(int64_t expected, int64_t got) {
    char msg[96];
    snprintf(msg, sizeof msg, "not enough values to unpack (expected at least %lld, got %lld)",
             (long long)expected, (long long)got);
    rpy_raise(RPY_EXC_VALUE, msg);
}

void rpy_raise(int32_t kind, const char *msg) {
    if (kind == RPY_EXC_MEMORY) {
        if (memory_error == NULL) {
            /* Out of memory before anything was raised: say so plainly. */
            rpy_io_flush();
            static const char text[] = "MemoryError\n";
            rpy_fd_write_all(2, text, (int64_t)sizeof text - 1);
            exit(1);
        }
        rpy_exc_value = memory_error;
        return;
    }
    rpy_str *s = (msg == NULL || msg[0] == '\0') ? &empty_str : static_str(msg);
    if (s == NULL) {
        rpy_raise(RPY_EXC_MEMORY, NULL);
        return;
    }
    void *e = new_exception(kind, s);
    if (e != NULL) /* else rpy_gc_malloc raised MemoryError */
        rpy_exc_value = e;
}

void rpy_exc_init(void) {
    /* Outside the GC heap, so it never moves and needs no root. */
    uint32_t tid = rpy_exc_kind_tids[RPY_EXC_MEMORY];
    uint32_t size = rpy_type_table[tid].fixed_size;
    char *e = calloc(1, size);
    if (e == NULL)
        return;
    rpy_hdr *h = (rpy_hdr *)e;
    h->tid = tid;
    h->gcflags = RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS;
    rpy_str *msg = &empty_str;
    memcpy(e + rpy_exc_message_offset, &msg, sizeof msg);
    memory_error = e;
}

void rpy_stack_overflow(void) {
    rpy_raise(RPY_EXC_RECURSION, "maximum recursion depth exceeded");
}

static void put(const char *s) { rpy_fd_write_all(2, s, (int64_t)strlen(s)); }

static void put_location(const rpy_location *l) {
    char line[32];
    snprintf(line, sizeof line, "%d", (int)l->line);
    put("  File \"");
    put(l->file);
    put("\", line ");
    put(line);
    put(", in ");
    put(l->func);
    put("\n");
    if (l->text[0] != '\0') {
        put("    ");
        put(l->text);
        put("\n");
    }
}

_Noreturn void rpy_report_uncaught(void) {
    rpy_io_flush();
    put("Traceback (most recent call last):\n");
    /* Outermost first; a location repeated more than 3 times in a row is
     * printed 3 times and then counted, as CPython does. */
    size_t i = tb_len;
    while (i > 0) {
        size_t j = i - 1, run = 1;
        while (j > 0 && tb_locs[j - 1] == tb_locs[i - 1]) {
            j--;
            run++;
        }
        size_t shown = run > 3 ? 3 : run;
        for (size_t k = 0; k < shown; k++)
            put_location(&rpy_locations[tb_locs[i - 1]]);
        if (run > 3) {
            char text[80];
            snprintf(text, sizeof text, "  [Previous line repeated %zu more times]\n",
                     run - 3);
            put(text);
        }
        i -= run;
    }
    char *e = rpy_exc_value;
    uint32_t tid = ((rpy_hdr *)e)->tid;
    const char *name = rpy_type_names[tid] ? rpy_type_names[tid] : "Exception";
    rpy_str *msg;
    memcpy(&msg, e + rpy_exc_message_offset, sizeof msg);
    put(name);
    if (msg != NULL && msg->length > 0) {
        put(": ");
        rpy_fd_write_all(2, msg->data, msg->length);
    }
    put("\n");
    exit(1);
}
