/* repr() of containers, as print() and str() show them: the translator
 * describes the value's type in a small descriptor string and this file
 * walks the value by it.  Descriptors:
 *
 *     i  int            f  float          b  bool         n  None
 *     s  str or None    Lx list of x      Dkv dict of k to v
 *     T<n>;x1...xn  tuple of n items (n in decimal)   Sx set of x
 *     O<t>;  an instance (or None) shown by its class's __repr__, called
 *            through dispatch table t of the program (rpy_instance_repr)
 *
 * e.g. "LT2;is" is list[tuple[int, str]].  A tuple's layout (one 8-byte
 * slot per item) is in rpy_internal.h; a NULL tuple shows as None, as an
 * optional one would.  rpy_dict.c hashes and compares tuple keys by the
 * same descriptors (rpy_desc_skip is shared; keys never hold "O").  The
 * builder's text is malloc'd; only an __repr__ may collect, so each
 * container is rooted while its items are shown, and read again after
 * each. */

#include <stdlib.h>
#include <string.h>

#include "rpy.h"
#include "rpy_internal.h"

static void add_text(rpy_builder *b, const char *s) { rpy_builder_add_bytes(b, s, (int64_t)strlen(s)); }

const char *rpy_desc_skip(const char *d) {
    int64_t n;
    switch (*d++) {
    case 'L':
    case 'S':
        return rpy_desc_skip(d);
    case 'D':
        return rpy_desc_skip(rpy_desc_skip(d));
    case 'T':
        d = rpy_desc_tuple(d, &n);
        while (n-- > 0)
            d = rpy_desc_skip(d);
        return d;
    case 'O':
        return rpy_desc_tuple(d, &n);
    default:
        return d;
    }
}

/* Adds repr(v) by descriptor d; returns the rest of the descriptor, or
 * NULL when an __repr__ raised. */
static const char *add_repr(rpy_builder *b, uint64_t v, const char *d) {
    switch (*d++) {
    case 'i':
        rpy_builder_add_int(b, (int64_t)v);
        return d;
    case 'f': {
        double x;
        memcpy(&x, &v, 8);
        rpy_builder_add_float(b, x);
        return d;
    }
    case 'b':
        add_text(b, (v & 0xff) ? "True" : "False");
        return d;
    case 'n':
        add_text(b, "None");
        return d;
    case 's':
        if (v == 0)
            add_text(b, "None");
        else
            rpy_builder_format_str(b, "%r", (rpy_str *)(uintptr_t)v);
        return d;
    case 'O': {
        int64_t table;
        d = rpy_desc_tuple(d, &table);
        if (v == 0) {
            add_text(b, "None");
            return d;
        }
        rpy_str *s = rpy_instance_repr != NULL ? rpy_instance_repr((void *)(uintptr_t)v, table) : NULL;
        if (s == NULL)
            return NULL;
        rpy_builder_add_str(b, s);
        return d;
    }
    case 'L': {
        FRAME(f, 1);
        f[0] = (void *)(uintptr_t)v;
        rpy_builder_add_bytes(b, "[", 1);
        for (int64_t i = 0; i < ((rpy_list *)f[0])->length; i++) {
            if (i > 0)
                rpy_builder_add_bytes(b, ", ", 2);
            if (add_repr(b, rpy_list_get((rpy_list *)f[0], i), d) == NULL) {
                UNFRAME(f);
                return NULL;
            }
        }
        UNFRAME(f);
        rpy_builder_add_bytes(b, "]", 1);
        return rpy_desc_skip(d);
    }
    case 'S': {
        if (((rpy_dict *)(uintptr_t)v)->length == 0) {
            add_text(b, "set()");
            return rpy_desc_skip(d);
        }
        /* As CPython: the items as they are now, then their reprs (which
         * may change the set).  Without instances nothing can change it,
         * so no copy. */
        FRAME(f, 1);
        f[0] = (void *)(uintptr_t)v;
        bool snapshot = memchr(d, 'O', (size_t)(rpy_desc_skip(d) - d)) != NULL;
        if (snapshot) {
            f[0] = rpy_set_list(f[0]);
            if (f[0] == NULL) {
                UNFRAME(f);
                return NULL;
            }
        }
        rpy_builder_add_bytes(b, "{", 1);
        bool first = true;
        if (snapshot) {
            for (int64_t i = 0; i < ((rpy_list *)f[0])->length; i++) {
                if (!first)
                    rpy_builder_add_bytes(b, ", ", 2);
                first = false;
                if (add_repr(b, rpy_list_get((rpy_list *)f[0], i), d) == NULL) {
                    UNFRAME(f);
                    return NULL;
                }
            }
        } else {
            for (int64_t e = rpy_set_next(f[0], 0); e >= 0; e = rpy_set_next(f[0], e + 1)) {
                if (!first)
                    rpy_builder_add_bytes(b, ", ", 2);
                first = false;
                add_repr(b, rpy_dict_key_at(f[0], e), d);
            }
        }
        UNFRAME(f);
        rpy_builder_add_bytes(b, "}", 1);
        return rpy_desc_skip(d);
    }
    case 'D': {
        const char *vd = rpy_desc_skip(d);
        /* The value is read with the key, as CPython does: the key's
         * __repr__ may change the dict.  A pointer value is rooted
         * meanwhile; numbers must not be (the collector would follow
         * them). */
        bool pointer_value = strchr("ifbn", *vd) == NULL;
        FRAME(f, 2);
        f[0] = (void *)(uintptr_t)v;
        rpy_builder_add_bytes(b, "{", 1);
        bool first = true;
        for (int64_t e = rpy_dict_next(f[0], 0); e >= 0; e = rpy_dict_next(f[0], e + 1)) {
            if (!first)
                rpy_builder_add_bytes(b, ", ", 2);
            first = false;
            uint64_t value = rpy_dict_value_at(f[0], e);
            if (pointer_value)
                f[1] = (void *)(uintptr_t)value;
            if (add_repr(b, rpy_dict_key_at(f[0], e), d) == NULL) {
                UNFRAME(f);
                return NULL;
            }
            if (pointer_value)
                value = (uint64_t)(uintptr_t)f[1];
            rpy_builder_add_bytes(b, ": ", 2);
            if (add_repr(b, value, vd) == NULL) {
                UNFRAME(f);
                return NULL;
            }
        }
        UNFRAME(f);
        rpy_builder_add_bytes(b, "}", 1);
        return rpy_desc_skip(vd);
    }
    case 'T': {
        int64_t n;
        if (v == 0) { /* an optional tuple that is None */
            add_text(b, "None");
            return rpy_desc_skip(d - 1);
        }
        d = rpy_desc_tuple(d, &n);
        FRAME(f, 1);
        f[0] = (void *)(uintptr_t)v;
        rpy_builder_add_bytes(b, "(", 1);
        for (int64_t i = 0; i < n; i++) {
            if (i > 0)
                rpy_builder_add_bytes(b, ", ", 2);
            d = add_repr(b, rpy_tuple_item((uint64_t)(uintptr_t)f[0], i), d);
            if (d == NULL) {
                UNFRAME(f);
                return NULL;
            }
        }
        UNFRAME(f);
        if (n == 1)
            rpy_builder_add_bytes(b, ",", 1);
        rpy_builder_add_bytes(b, ")", 1);
        return d;
    }
    default:
        add_text(b, "?");
        return d;
    }
}

void rpy_builder_add_value_repr(rpy_builder *b, uint64_t value, const char *desc) {
    if (add_repr(b, value, desc) == NULL)
        rpy_builder_abandon(b);
}

__attribute__((noinline, cold)) void rpy_raise_not_in_list(uint64_t value, const char *desc) {
    /* The builder's text is malloc'd: nothing moves until it is finished,
     * and the message is copied to a C string before the raise allocates. */
    rpy_builder_space space;
    rpy_builder *b = (rpy_builder *)(void *)&space;
    rpy_builder_init(b);
    add_repr(b, value, desc);
    add_text(b, " is not in list");
    rpy_str *s = rpy_builder_finish(b);
    if (s == NULL) /* MemoryError is set */
        return;
    char *msg = malloc((size_t)s->length + 1);
    if (msg == NULL) {
        rpy_raise(RPY_EXC_MEMORY, NULL);
        return;
    }
    memcpy(msg, s->data, (size_t)s->length);
    msg[s->length] = '\0';
    rpy_raise(RPY_EXC_VALUE, msg);
    free(msg);
}
