/* Process entry and the stack guard.
 *
 * main() wraps the C argv into RPython objects, calls the translated
 * entry_point and turns its result into the exit status (the generated
 * rpy_entry_point reports an uncaught exception itself).
 */
#define _POSIX_C_SOURCE 200809L

#include "rpy.h"
#include "rpy_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define KIB ((uint64_t)1024)
#define MIB (1024 * KIB)
#define GIB (1024 * MIB)

/* Lowest address the stack may reach before we report RecursionError.
 * Stays NULL (check never fires) until main() computes it. */
char *rpy_stack_limit;

/* Deliberately an ordinary external definition: the runtime is linked
 * into the program as bitcode before optimisation, so LLVM sees this body
 * and always_inline makes every call site two compares and one branch.
 * The frame address of whoever we are inlined into is what matters.  The
 * shadow stack has its own end: a recursion that keeps many GC pointers
 * per frame can exhaust it before the C stack. */
__attribute__((always_inline)) bool rpy_stack_check(void) {
    bool c_stack = (uintptr_t)__builtin_frame_address(0) < (uintptr_t)rpy_stack_limit;
    bool shadow_stack = (uintptr_t)rpy_shadowstack_top > (uintptr_t)rpy_shadowstack_limit;
    if (__builtin_expect(c_stack | shadow_stack, 0)) {
        rpy_stack_overflow();
        return true;
    }
    return false;
}

/* How much of the stack generated code may use, measured down from main's
 * frame.  The margin leaves room for the frames between two checks, for
 * the runtime and libc calls made by the deepest frame, and for what lies
 * above main (environment, auxv) that the rlimit also counts. */
static uint64_t usable_stack_bytes(void) {
    uint64_t size = 8 * MIB;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        size = (uint64_t)rl.rlim_cur;
    if (size > GIB) /* "unlimited in practice"; keep the number sane */
        size = GIB;
    uint64_t margin = 256 * KIB;
    if (size < 2 * margin) /* tiny ulimit -s: still allow some recursion */
        margin = size / 2;
    return size - margin;
}

/* Before the entry point runs there is no one to catch MemoryError. */
static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (p == NULL) {
        static const char text[] = "MemoryError\n";
        rpy_fd_write_all(2, text, (int64_t)sizeof text - 1);
        exit(1);
    }
    return p;
}

/* argv's objects are malloc'ed, not collected: flagged as prebuilt, the
 * collector never moves or frees them, and TRACK_YOUNG_PTRS makes stores
 * into them go through the write barrier like any prebuilt object's. */
#define ARGV_GCFLAGS (RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS)

static rpy_str *make_str(const char *text) {
    size_t len = strlen(text);
    rpy_str *s = xmalloc(sizeof(rpy_str) + len + 1);
    s->hdr.tid = RPY_TID_STR;
    s->hdr.gcflags = ARGV_GCFLAGS;
    s->hash = 0;
    s->length = (int64_t)len;
    memcpy(s->data, text, len + 1);
    /* Count code points the way Python would see this argument after
     * surrogateescape decoding, so len() agrees with CPython. */
    int64_t nchars = 0;
    for (size_t i = 0; i < len; nchars++) {
        int used;
        rpy_utf8_next((const unsigned char *)text + i, (int64_t)(len - i), &used);
        i += (size_t)used;
    }
    s->nchars = nchars;
    return s;
}

int main(int argc, char **argv) {
    uint64_t usable = usable_stack_bytes();
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    rpy_stack_limit = (char *)(here > usable ? here - usable : 0);

    /* Output must reach the fd even if something calls exit() directly. */
    atexit(rpy_io_flush);
    rpy_gc_init();
    rpy_exc_init();

    /* argv: a list of strings over an array of exactly argc pointers; a
     * program that appends to it makes rpy_list_append move the items
     * into a GC array. */
    rpy_list *args = xmalloc(sizeof(rpy_list));
    args->hdr.tid = RPY_TID_LIST;
    args->hdr.gcflags = ARGV_GCFLAGS;
    args->length = argc;
    args->start = 0;
    rpy_array *items = xmalloc(sizeof(rpy_array) + sizeof(rpy_str *) * (size_t)argc);
    items->hdr.tid = RPY_TID_ARRAY_PTR;
    items->hdr.gcflags = ARGV_GCFLAGS;
    items->length = argc;
    for (int i = 0; i < argc; i++) {
        rpy_str *s = make_str(argv[i]);
        memcpy(items->items + (size_t)i * sizeof s, &s, sizeof s);
    }
    args->items = items;

    int64_t result = rpy_entry_point(args);
    rpy_io_flush();
    return (int)result;
}
