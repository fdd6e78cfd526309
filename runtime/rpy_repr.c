/* repr() of containers, as print() and str() show them: the translator
 * describes the value's type in a small descriptor string and this file
 * walks the value by it.  Descriptors:
 *
 *     i  int            f  float          b  bool         n  None
 *     s  str or None    Lx list of x      Dkv dict of k to v
 *     T<n>;x1...xn  tuple of n items (n in decimal)   Sx set of x
 *
 * e.g. "LT2;is" is list[tuple[int, str]].  A tuple's layout (one 8-byte
 * slot per item) is in rpy_internal.h; a NULL tuple shows as None, as an
 * optional one would.  rpy_dict.c hashes and compares tuple keys by the
 * same descriptors (rpy_desc_skip is shared).  Nothing here allocates from
 * the GC heap (the builder's text is malloc'd), so the value need not be
 * rooted. */

#include <stdlib.h>
#include <string.h>

#include "rpy.h"
#include "rpy_internal.h"

static void add_text(rpy_builder *b, const char *s) { rpy_builder_add_bytes(b, s, (int64_t)strlen(s)); }

const char *rpy_desc_skip(const char *d) {
    switch (*d++) {
    case 'L':
    case 'S':
        return rpy_desc_skip(d);
    case 'D':
        return rpy_desc_skip(rpy_desc_skip(d));
    case 'T': {
        int64_t n;
        d = rpy_desc_tuple(d, &n);
        while (n-- > 0)
            d = rpy_desc_skip(d);
        return d;
    }
    default:
        return d;
    }
}

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
    case 'L': {
        rpy_list *l = (rpy_list *)(uintptr_t)v;
        rpy_builder_add_bytes(b, "[", 1);
        for (int64_t i = 0; i < l->length; i++) {
            if (i > 0)
                rpy_builder_add_bytes(b, ", ", 2);
            add_repr(b, rpy_list_get(l, i), d);
        }
        rpy_builder_add_bytes(b, "]", 1);
        return rpy_desc_skip(d);
    }
    case 'S': {
        rpy_dict *set = (rpy_dict *)(uintptr_t)v;
        if (set->length == 0) {
            add_text(b, "set()");
            return rpy_desc_skip(d);
        }
        rpy_builder_add_bytes(b, "{", 1);
        bool first = true;
        for (int64_t e = rpy_set_next(set, 0); e >= 0; e = rpy_set_next(set, e + 1)) {
            if (!first)
                rpy_builder_add_bytes(b, ", ", 2);
            first = false;
            add_repr(b, rpy_dict_key_at(set, e), d);
        }
        rpy_builder_add_bytes(b, "}", 1);
        return rpy_desc_skip(d);
    }
    case 'D': {
        rpy_dict *dict = (rpy_dict *)(uintptr_t)v;
        const char *vd = rpy_desc_skip(d);
        rpy_builder_add_bytes(b, "{", 1);
        bool first = true;
        for (int64_t e = rpy_dict_next(dict, 0); e >= 0; e = rpy_dict_next(dict, e + 1)) {
            if (!first)
                rpy_builder_add_bytes(b, ", ", 2);
            first = false;
            add_repr(b, rpy_dict_key_at(dict, e), d);
            rpy_builder_add_bytes(b, ": ", 2);
            add_repr(b, rpy_dict_value_at(dict, e), vd);
        }
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
        rpy_builder_add_bytes(b, "(", 1);
        for (int64_t i = 0; i < n; i++) {
            if (i > 0)
                rpy_builder_add_bytes(b, ", ", 2);
            d = add_repr(b, rpy_tuple_item(v, i), d);
        }
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

void rpy_builder_add_value_repr(rpy_builder *b, uint64_t value, const char *desc) { add_repr(b, value, desc); }

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
