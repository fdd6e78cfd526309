/* Bytes: rpy_str objects holding raw bytes, with nchars == length (rpy.h
 * states the contract).  Everything here keeps that invariant, which is
 * why bytes need their own slice, concat and repeat: the string versions
 * count UTF-8 code points afresh where pieces meet.
 *
 * GC discipline as in rpy_str.c: a function that allocates roots its
 * arguments and holds offsets, never pointers into an object, across the
 * allocation.
 */
#include "rpy.h"
#include "rpy_internal.h"

#include <stdio.h>
#include <string.h>

static void *memory_error(void) {
    rpy_raise(RPY_EXC_MEMORY, "");
    return NULL;
}

/* A new bytes object of n bytes, zeroed; b'' is the prebuilt "". */
static rpy_str *bytes_alloc(int64_t n) { return rpy_str_alloc(n, n); }

rpy_str *rpy_bytes_from(const char *p, int64_t n) {
    if (n == 1 && (unsigned char)p[0] < 0x80)
        return rpy_str_ascii(p[0]); /* one ASCII byte: already bytes-shaped */
    rpy_str *b = bytes_alloc(n);
    if (b != NULL && n > 0)
        memcpy(b->data, p, (size_t)n);
    return b;
}

int64_t rpy_bytes_getitem(rpy_str *b, int64_t i) {
    int64_t n = b->length;
    if (i < 0)
        i += n;
    if ((uint64_t)i >= (uint64_t)n) {
        rpy_raise(RPY_EXC_INDEX, "index out of range");
        return 0;
    }
    return (unsigned char)b->data[i];
}

rpy_str *rpy_bytes_slice(rpy_str *b, int64_t start, int64_t stop, int64_t step) {
    int64_t n = b->length, count;
    if (!rpy_slice_adjust(n, &start, &stop, &step, &count))
        return NULL;
    if (count == n && step == 1)
        return b; /* immutable: the whole is itself */
    if (count == 1 && (unsigned char)b->data[start] < 0x80)
        return rpy_str_ascii(b->data[start]);
    RPY_PUSH_ROOT(b);
    rpy_str *r = bytes_alloc(count);
    RPY_POP_ROOT(b);
    if (r == NULL || count == 0)
        return r;
    if (step == 1) {
        memcpy(r->data, b->data + start, (size_t)count);
    } else {
        for (int64_t k = 0; k < count; k++) /* no overflow: inside b */
            r->data[k] = b->data[start + k * step];
    }
    return r;
}

rpy_str *rpy_bytes_concat(rpy_str *a, rpy_str *b) {
    if (a->length == 0)
        return b;
    if (b->length == 0)
        return a;
    int64_t n;
    if (__builtin_add_overflow(a->length, b->length, &n))
        return memory_error();
    RPY_PUSH_ROOT(a);
    RPY_PUSH_ROOT(b);
    rpy_str *r = bytes_alloc(n);
    RPY_POP_ROOT(b);
    RPY_POP_ROOT(a);
    if (r == NULL)
        return NULL;
    memcpy(r->data, a->data, (size_t)a->length);
    memcpy(r->data + a->length, b->data, (size_t)b->length);
    return r;
}

rpy_str *rpy_bytes_repeat(rpy_str *b, int64_t n) {
    if (n <= 0 || b->length == 0)
        return bytes_alloc(0);
    if (n == 1)
        return b;
    int64_t total;
    if (__builtin_mul_overflow(b->length, n, &total)) {
        rpy_raise(RPY_EXC_OVERFLOW, "repeated bytes are too long");
        return NULL;
    }
    RPY_PUSH_ROOT(b);
    rpy_str *r = bytes_alloc(total);
    RPY_POP_ROOT(b);
    if (r == NULL)
        return NULL;
    if (b->length == 1) {
        memset(r->data, b->data[0], (size_t)total);
    } else { /* one copy, then the result doubles itself */
        memcpy(r->data, b->data, (size_t)b->length);
        for (int64_t done = b->length; done < total;) {
            int64_t k = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)k);
            done += k;
        }
    }
    return r;
}

/* ---- repr() ------------------------------------------------------------ */

/* How repr shows byte c inside `quote`: its escape (or c itself) into
 * out, which has room for 4 bytes; returns the length. */
static int escape_byte(unsigned char c, char quote, char *out) {
    static const char hex[] = "0123456789abcdef";
    if (c == (unsigned char)quote || c == '\\') {
        out[0] = '\\';
        out[1] = (char)c;
        return 2;
    }
    if (c == '\t' || c == '\n' || c == '\r') {
        out[0] = '\\';
        out[1] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        return 2;
    }
    if (c < 0x20 || c >= 0x7f) {
        out[0] = '\\';
        out[1] = 'x';
        out[2] = hex[c >> 4];
        out[3] = hex[c & 15];
        return 4;
    }
    out[0] = (char)c;
    return 1;
}

rpy_str *rpy_bytes_repr(rpy_str *b) {
    bool single = memchr(b->data, '\'', (size_t)b->length) != NULL;
    bool dbl = memchr(b->data, '"', (size_t)b->length) != NULL;
    char quote = single && !dbl ? '"' : '\'';
    char buf[4];
    int64_t size = 3; /* b'' */
    for (int64_t i = 0; i < b->length; i++)
        size += escape_byte((unsigned char)b->data[i], quote, buf);
    RPY_PUSH_ROOT(b);
    rpy_str *r = rpy_str_alloc(size, size); /* all ASCII */
    RPY_POP_ROOT(b);
    if (r == NULL)
        return NULL;
    char *out = r->data;
    *out++ = 'b';
    *out++ = quote;
    for (int64_t i = 0; i < b->length; i++)
        out += escape_byte((unsigned char)b->data[i], quote, out);
    *out = quote;
    return r;
}

/* ---- UTF-8 ----------------------------------------------------------------- */

/* Raises UnicodeDecodeError for bytes [start, end) of p, as CPython's
 * codec words it. */
static void decode_error(const char *p, int64_t start, int64_t end, const char *reason) {
    char msg[160];
    if (end - start == 1)
        snprintf(msg, sizeof msg, "'utf-8' codec can't decode byte 0x%02x in position %lld: %s",
                 (unsigned)(unsigned char)p[start], (long long)start, reason);
    else
        snprintf(msg, sizeof msg, "'utf-8' codec can't decode bytes in position %lld-%lld: %s", (long long)start,
                 (long long)(end - 1), reason);
    rpy_raise(RPY_EXC_UNICODE_DECODE, msg);
}

/* bytes.decode() and text files (rpy_file.c) both decode with this. */
int64_t rpy_utf8_check(const char *p, int64_t n, bool final, int64_t *nchars) {
    const unsigned char *u = (const unsigned char *)p;
    int64_t i = 0, count = 0;
    for (; i < n; count++) {
        unsigned c = u[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        /* The allowed range of the second byte rules out overlong forms,
         * surrogates and code points above U+10FFFF (Unicode table 3-7);
         * the lead bytes C0, C1 and F5..FF can start nothing. */
        int need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            decode_error(p, i, i + 1, "invalid start byte");
            return -1;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k == n) { /* every byte so far fits: cut short */
                if (!final) {
                    *nchars = count;
                    return i; /* the rest may come with more data */
                }
                decode_error(p, i, n, "unexpected end of data");
                return -1;
            }
            if (u[i + k] < lo || u[i + k] > hi) {
                decode_error(p, i, i + k, "invalid continuation byte");
                return -1;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        i += need + 1;
    }
    *nchars = count;
    return n;
}

rpy_str *rpy_bytes_decode_utf8(rpy_str *b) {
    int64_t n = b->length, nchars;
    if (rpy_utf8_check(b->data, n, true, &nchars) < 0)
        return NULL;
    if (nchars == n)
        return b; /* ASCII: the same bytes make the same str */
    RPY_PUSH_ROOT(b);
    rpy_str *r = rpy_str_alloc(n, nchars);
    RPY_POP_ROOT(b);
    if (r != NULL)
        memcpy(r->data, b->data, (size_t)n);
    return r;
}

rpy_str *rpy_str_encode_utf8(rpy_str *s) {
    /* Stored strings are their UTF-8 already; one with a byte per code
     * point is bytes-shaped as it stands. */
    if (s->nchars == s->length)
        return s;
    RPY_PUSH_ROOT(s);
    rpy_str *r = bytes_alloc(s->length);
    RPY_POP_ROOT(s);
    if (r != NULL)
        memcpy(r->data, s->data, (size_t)s->length);
    return r;
}
