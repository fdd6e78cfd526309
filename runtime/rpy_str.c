/* Strings: allocation, UTF-8, indexing, slicing, comparing, hashing,
 * case mapping and character classes (rpy.h states the contract).
 * Searching, splitting and the like, and int(s) and float(s), are in
 * rpy_strops.c; the builder, repr() and formatting in rpy_format.c; the
 * Unicode tables in rpy_unicode.c.
 *
 * Strings are UTF-8 and Python indexes them by code point.  A string
 * whose code points are all one byte (nchars == length) is indexed
 * directly.  Others are walked from whichever is nearest of the start,
 * the end and the position of the previous lookup (`cursor`), so a loop
 * over s[i] costs O(1) per step rather than O(i).
 *
 * Bytes that are not UTF-8 (only argv brings them) stand for U+DC80..
 * U+DCFF, one code point each, like CPython's surrogateescape.  Python
 * keeps such surrogates apart, but glued together here they may spell a
 * real character.  Gluing can only change the decoding when the text
 * after the seam starts with a continuation byte, so whatever builds a
 * string from pieces checks that byte at each seam and counts the code
 * points afresh when it is one.
 *
 * GC discipline: a function that allocates roots its string arguments
 * and holds byte offsets, never pointers into a string, across the
 * allocation.
 */
#include "rpy.h"
#include "rpy_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

static void *memory_error(void) {
    rpy_raise(RPY_EXC_MEMORY, "");
    return NULL;
}

/* ---- prebuilt strings ------------------------------------------------ */

/* Static data cannot initialise a flexible array member, so prebuilt
 * strings use this twin of rpy_str with room for a short text.  They are
 * never moved or freed (PREBUILT) and hold no GC pointers, so the
 * collector never needs to hear about them; only their hash is written. */
typedef struct {
    rpy_hdr hdr;
    int64_t hash, length, nchars;
    char data[8];
} short_str;
_Static_assert(offsetof(short_str, data) == offsetof(rpy_str, data), "short_str mirrors rpy_str");

#define PREBUILT (RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS)
#define SHORT(text) {{RPY_TID_STR, PREBUILT}, 0, sizeof text - 1, sizeof text - 1, text}
static short_str empty_str = SHORT(""), true_str = SHORT("True"), false_str = SHORT("False");

#define CHAR1(c) {{RPY_TID_STR, PREBUILT}, 0, 1, 1, {(char)(c)}}
#define CHAR4(c) CHAR1(c), CHAR1((c) + 1), CHAR1((c) + 2), CHAR1((c) + 3)
#define CHAR16(c) CHAR4(c), CHAR4((c) + 4), CHAR4((c) + 8), CHAR4((c) + 12)
#define CHAR64(c) CHAR16(c), CHAR16((c) + 16), CHAR16((c) + 32), CHAR16((c) + 48)
static short_str ascii_strs[128] = {CHAR64(0), CHAR64(64)};

static inline rpy_str *prebuilt(short_str *s) { return (rpy_str *)(void *)s; }

rpy_str *rpy_str_ascii(int c) { return prebuilt(&ascii_strs[c & 0x7f]); }

rpy_str *rpy_str_alloc(int64_t n, int64_t nchars) {
    if (n == 0)
        return prebuilt(&empty_str);
    rpy_str *s = rpy_gc_malloc_varsize(RPY_TID_STR, n);
    if (s != NULL)
        s->nchars = nchars;
    return s;
}

rpy_str *rpy_str_alloc_unfilled(int64_t n, int64_t nchars) {
    if (n == 0)
        return prebuilt(&empty_str);
    rpy_str *s = rpy_gc_malloc_varsize_unfilled(RPY_TID_STR, n);
    if (s != NULL)
        s->nchars = nchars;
    return s;
}

bool rpy_str_eq(rpy_str *a, rpy_str *b) {
    if (a == b) /* also None == None */
        return true;
    if (a == NULL || b == NULL)
        return false;
    return a->length == b->length && rpy_bytes_equal(a->data, b->data, a->length);
}

/* ---- UTF-8 ------------------------------------------------------------ */

static inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Eight bytes at p are all ASCII. */
static inline bool ascii8(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return (w & 0x8080808080808080u) == 0;
}

int32_t rpy_utf8_next(const unsigned char *p, int64_t avail, int *len) {
    unsigned c = p[0];
    if (c < 0x80) {
        *len = 1;
        return (int32_t)c;
    }
    /* The second byte's allowed range excludes overlong forms, UTF-16
     * surrogates and code points above U+10FFFF (Unicode table 3-7). */
    int need;
    uint32_t cp;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        goto bad;
    }
    if (avail <= need)
        goto bad;
    for (int i = 1; i <= need; i++) {
        unsigned b = p[i];
        if (b < lo || b > hi)
            goto bad;
        lo = 0x80;
        hi = 0xBF;
        cp = cp << 6 | (b & 0x3F);
    }
    *len = need + 1;
    return (int32_t)cp;
bad:
    *len = 1;
    return (int32_t)(0xDC00 + c);
}

int rpy_utf8_encode(int32_t c, char *out) {
    unsigned char *o = (unsigned char *)out;
    uint32_t u = (uint32_t)c;
    if (u < 0x80) {
        o[0] = (unsigned char)u;
        return 1;
    }
    if (u >= 0xDC80 && u <= 0xDCFF) { /* the byte it escapes */
        o[0] = (unsigned char)(u - 0xDC00);
        return 1;
    }
    if (u < 0x800) {
        o[0] = (unsigned char)(0xC0 | u >> 6);
        o[1] = (unsigned char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000) {
        o[0] = (unsigned char)(0xE0 | u >> 12);
        o[1] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (u & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | u >> 18);
    o[1] = (unsigned char)(0x80 | (u >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (u & 0x3F));
    return 4;
}

int64_t rpy_utf8_count(const char *p, int64_t n) {
    const unsigned char *u = (const unsigned char *)p;
    int64_t i = 0, count = 0;
    while (i < n) {
        if (n - i >= 8 && ascii8(u + i)) {
            i += 8;
            count += 8;
        } else if (u[i] < 0x80) {
            i++;
            count++;
        } else {
            int len;
            rpy_utf8_next(u + i, n - i, &len);
            i += len;
            count++;
        }
    }
    return count;
}

int64_t rpy_utf8_prev(const char *p, int64_t b) {
    const unsigned char *u = (const unsigned char *)p;
    if (!is_cont(u[b - 1]))
        return b - 1;
    /* A continuation byte ends a longer character only if the nearest
     * byte before it that is not one starts a character of exactly that
     * length; otherwise it is a stray byte, a code point of its own. */
    for (int64_t j = b - 2; j >= 0 && j >= b - 4; j--) {
        if (!is_cont(u[j])) {
            int len;
            rpy_utf8_next(u + j, b - j, &len);
            return len == b - j ? j : b - 1;
        }
    }
    return b - 1;
}

bool rpy_str_is_boundary(const rpy_str *s, int64_t off) {
    const unsigned char *u = (const unsigned char *)s->data;
    if (off <= 0 || off >= s->length || !is_cont(u[off]))
        return true;
    /* A byte that is not a continuation byte always starts a character;
     * off is inside the nearest such one if that one reaches past it. */
    for (int64_t j = off - 1; j >= 0 && j >= off - 3; j--) {
        if (!is_cont(u[j])) {
            int len;
            rpy_utf8_next(u + j, s->length - j, &len);
            return j + len <= off;
        }
    }
    return true;
}

/* The byte offset k code points after the one starting at byte b. */
static int64_t skip_forward(const unsigned char *u, int64_t n, int64_t b, int64_t k) {
    while (k > 0 && b < n) {
        if (k >= 8 && n - b >= 8 && ascii8(u + b)) {
            b += 8;
            k -= 8;
            continue;
        }
        if (u[b] < 0x80) {
            b++;
        } else {
            int len;
            rpy_utf8_next(u + b, n - b, &len);
            b += len;
        }
        k--;
    }
    return b;
}

/* The byte offset k code points before the one starting at byte b. */
static int64_t skip_backward(const char *p, int64_t b, int64_t k) {
    const unsigned char *u = (const unsigned char *)p;
    while (k > 0 && b > 0) {
        if (k >= 8 && b >= 8 && ascii8(u + b - 8)) {
            b -= 8;
            k -= 8;
        } else {
            b = rpy_utf8_prev(p, b);
            k--;
        }
    }
    return b;
}

/* Where the last lookup in a multi-byte string ended.  Keyed by address
 * and GC epoch: an address names one object until a collection moves or
 * frees it. */
static struct {
    const rpy_str *s;
    uint64_t epoch;
    int64_t index, offset;
} cursor;

int64_t rpy_str_offset(rpy_str *s, int64_t i) {
    int64_t n = s->nchars;
    if (n == s->length)
        return i;
    int64_t from_i = 0, from_b = 0;
    if (n - i < i) {
        from_i = n;
        from_b = s->length;
    }
    uint64_t epoch = rpy_gc_epoch();
    if (cursor.s == s && cursor.epoch == epoch) {
        int64_t d = cursor.index - i, best = from_i - i;
        if ((d < 0 ? -d : d) < (best < 0 ? -best : best)) {
            from_i = cursor.index;
            from_b = cursor.offset;
        }
    }
    int64_t b;
    if (i >= from_i)
        b = skip_forward((const unsigned char *)s->data, s->length, from_b, i - from_i);
    else
        b = skip_backward(s->data, from_b, from_i - i);
    cursor.s = s;
    cursor.epoch = epoch;
    cursor.index = i;
    cursor.offset = b;
    return b;
}

/* ---- making strings --------------------------------------------------- */

rpy_str *rpy_str_bytes_slice(rpy_str *s, int64_t b0, int64_t b1, int64_t nchars) {
    int64_t n = b1 - b0;
    if (n == s->length)
        return s;
    if (n == 1 && (unsigned char)s->data[b0] < 0x80)
        return rpy_str_ascii(s->data[b0]);
    RPY_PUSH_ROOT(s);
    rpy_str *r = rpy_str_alloc_unfilled(n, nchars);
    RPY_POP_ROOT(s);
    if (r != NULL)
        rpy_copy_short(r->data, s->data + b0, n);
    return r;
}

rpy_str *rpy_str_from_bytes(const char *p, int64_t n) {
    if (n == 1 && (unsigned char)p[0] < 0x80)
        return rpy_str_ascii(p[0]);
    rpy_str *s = rpy_str_alloc_unfilled(n, n > 0 ? rpy_utf8_count(p, n) : 0);
    if (s != NULL && n > 0)
        memcpy(s->data, p, (size_t)n);
    return s;
}

/* Text glued after other text starting with this string's first byte
 * may change how the other text decodes (see the top of the file). */
static inline bool risky_seam(const rpy_str *s) { return s->length > 0 && is_cont((unsigned char)s->data[0]); }

rpy_str *rpy_str_concat(rpy_str *a, rpy_str *b) {
    if (a->length == 0)
        return b;
    if (b->length == 0)
        return a;
    int64_t n;
    if (__builtin_add_overflow(a->length, b->length, &n))
        return memory_error();
    RPY_PUSH_ROOT(a);
    RPY_PUSH_ROOT(b);
    rpy_str *r = rpy_str_alloc_unfilled(n, a->nchars + b->nchars);
    RPY_POP_ROOT(b);
    RPY_POP_ROOT(a);
    if (r == NULL)
        return NULL;
    memcpy(r->data, a->data, (size_t)a->length);
    memcpy(r->data + a->length, b->data, (size_t)b->length);
    if (risky_seam(b))
        r->nchars = rpy_utf8_count(r->data, n);
    return r;
}

rpy_str *rpy_str_repeat(rpy_str *s, int64_t n) {
    if (n <= 0 || s->length == 0)
        return prebuilt(&empty_str);
    if (n == 1)
        return s;
    int64_t total;
    if (__builtin_mul_overflow(s->length, n, &total)) {
        rpy_raise(RPY_EXC_OVERFLOW, "repeated string is too long");
        return NULL;
    }
    RPY_PUSH_ROOT(s);
    rpy_str *r = rpy_str_alloc_unfilled(total, s->nchars * n); /* nchars <= length */
    RPY_POP_ROOT(s);
    if (r == NULL)
        return NULL;
    if (s->length == 1) {
        memset(r->data, s->data[0], (size_t)total);
    } else { /* one copy, then the result doubles itself */
        memcpy(r->data, s->data, (size_t)s->length);
        for (int64_t done = s->length; done < total;) {
            int64_t k = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)k);
            done += k;
        }
    }
    if (risky_seam(s))
        r->nchars = rpy_utf8_count(r->data, total);
    return r;
}

/* ---- str() of numbers --------------------------------------------------- */

/* The decimal digits of m, after a '-' if negative. */
static rpy_str *decimal(uint64_t m, bool negative) {
    if (!negative && m < 10)
        return rpy_str_ascii('0' + (int)m);
    char buf[24];
    char *p = buf + sizeof buf;
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m != 0);
    if (negative)
        *--p = '-';
    int64_t n = buf + sizeof buf - p;
    rpy_str *s = rpy_str_alloc_unfilled(n, n);
    if (s != NULL)
        memcpy(s->data, p, (size_t)n);
    return s;
}

/* The magnitude as unsigned, so INT64_MIN needs no special case. */
rpy_str *rpy_str_of_int(int64_t v) { return decimal(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0); }

rpy_str *rpy_str_of_uint(uint64_t v) { return decimal(v, false); }

rpy_str *rpy_str_of_float(double v) {
    char buf[RPY_FLOAT_REPR_MAX];
    int n = rpy_format_float(v, buf);
    rpy_str *s = rpy_str_alloc(n, n);
    if (s != NULL)
        memcpy(s->data, buf, (size_t)n);
    return s;
}

rpy_str *rpy_str_of_bool(bool v) { return prebuilt(v ? &true_str : &false_str); }

/* ---- indexing and comparing ---------------------------------------------- */

__attribute__((noinline)) static rpy_str *getitem_slow(rpy_str *s, int64_t i) {
    int64_t n = s->nchars;
    if (i < 0)
        i += n;
    if ((uint64_t)i >= (uint64_t)n) {
        rpy_raise(RPY_EXC_INDEX, "string index out of range");
        return NULL;
    }
    int64_t b = rpy_str_offset(s, i);
    unsigned char c = (unsigned char)s->data[b];
    if (c < 0x80)
        return rpy_str_ascii(c);
    int len = 1;
    if (n != s->length)
        rpy_utf8_next((const unsigned char *)s->data + b, s->length - b, &len);
    return rpy_str_bytes_slice(s, b, b + len, 1);
}

/* Inlined into the program (see rpy_list_append): an ASCII character of
 * an ASCII string at an index in range (s[-1] included) is a load and a
 * table lookup. */
__attribute__((always_inline)) rpy_str *rpy_str_getitem(rpy_str *s, int64_t i) {
    int64_t n = s->length;
    uint64_t j = (uint64_t)(i < 0 ? i + n : i);
    if (__builtin_expect(s->nchars == n && j < (uint64_t)n, 1)) {
        unsigned char c = (unsigned char)s->data[j];
        if (c < 0x80)
            return prebuilt(&ascii_strs[c]);
    }
    return getitem_slow(s, i);
}

__attribute__((always_inline)) rpy_str *rpy_str_iter_item(rpy_str *s, int64_t i) {
    return rpy_str_getitem(s, i);
}

/* As ord(s[i]): the character's bytes decoded on their own (a stray
 * byte of malformed text decodes differently next to what follows). */
__attribute__((noinline)) static int64_t code_point_slow(rpy_str *s, int64_t i) {
    int len;
    int64_t b = rpy_str_offset(s, i);
    const unsigned char *u = (const unsigned char *)s->data + b;
    if (*u < 0x80)
        return *u;
    rpy_utf8_next(u, s->length - b, &len);
    return rpy_utf8_next(u, len, &len);
}

__attribute__((always_inline)) int64_t rpy_str_code_point_at(rpy_str *s, int64_t i) {
    /* One byte per character may still be a malformed byte. */
    if (__builtin_expect(s->nchars == s->length && (unsigned char)s->data[i] < 0x80, 1))
        return (unsigned char)s->data[i];
    return code_point_slow(s, i);
}

/* Byte length of the code point at byte b. */
static inline int char_len(const rpy_str *s, int64_t b) {
    const unsigned char *u = (const unsigned char *)s->data + b;
    if (*u < 0x80)
        return 1;
    int len;
    rpy_utf8_next(u, s->length - b, &len);
    return len;
}

/* The next code point of s in a walk by `step` (non-zero). */
static inline int64_t step_from(const rpy_str *s, int64_t b, int64_t step) {
    if (step > 0)
        return skip_forward((const unsigned char *)s->data, s->length, b, step);
    return skip_backward(s->data, b, -step);
}

rpy_str *rpy_str_slice(rpy_str *s, int64_t start, int64_t stop, int64_t step) {
    int64_t n = s->nchars, count;
    if (!rpy_slice_adjust(n, &start, &stop, &step, &count))
        return NULL;
    if (count == 0)
        return prebuilt(&empty_str);
    if (step == 1) {
        int64_t b0 = start, b1 = start + count;
        if (n != s->length) {
            b0 = rpy_str_offset(s, start);
            b1 = rpy_str_offset(s, start + count);
        }
        return rpy_str_bytes_slice(s, b0, b1, count);
    }
    bool risky = false;
    if (n == s->length) {
        RPY_PUSH_ROOT(s);
        rpy_str *r = rpy_str_alloc_unfilled(count, count);
        RPY_POP_ROOT(s);
        if (r == NULL)
            return NULL;
        for (int64_t k = 0; k < count; k++) { /* no overflow: inside s */
            char c = s->data[start + k * step];
            r->data[k] = c;
            risky |= is_cont((unsigned char)c);
        }
        if (risky)
            r->nchars = rpy_utf8_count(r->data, count);
        return r;
    }
    /* Walk twice: once to size the result, once (after the allocation,
     * which may move s) to copy. */
    int64_t first = rpy_str_offset(s, start), total = 0;
    for (int64_t k = 0, b = first; k < count; k++) {
        total += char_len(s, b);
        if (k + 1 < count)
            b = step_from(s, b, step);
    }
    RPY_PUSH_ROOT(s);
    rpy_str *r = rpy_str_alloc_unfilled(total, count);
    RPY_POP_ROOT(s);
    if (r == NULL)
        return NULL;
    char *out = r->data;
    for (int64_t k = 0, b = first; k < count; k++) {
        int len = char_len(s, b);
        memcpy(out, s->data + b, (size_t)len);
        risky |= is_cont((unsigned char)*out);
        out += len;
        if (k + 1 < count)
            b = step_from(s, b, step);
    }
    if (risky)
        r->nchars = rpy_utf8_count(r->data, total);
    return r;
}

int32_t rpy_str_cmp(rpy_str *a, rpy_str *b) {
    int64_t n = a->length < b->length ? a->length : b->length;
    int c = memcmp(a->data, b->data, (size_t)n);
    if (c != 0)
        return c < 0 ? -1 : 1;
    return (a->length > b->length) - (a->length < b->length);
}

/* Eight bytes at a time: each word is folded into the state with a
 * multiply, and a final mix spreads every input bit over the result. */
static uint64_t hash_bytes(const unsigned char *p, int64_t n) {
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = (uint64_t)n * k;
    int64_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = ((h << 23 | h >> 41) ^ w) * k;
    }
    if (i < n) { /* the last 1..7 bytes, zero-extended */
        const unsigned char *q = p + i;
        int64_t r = n - i;
        uint64_t w;
        if (r >= 4) { /* two loads that may overlap, the second shifted into place */
            uint32_t lo, hi;
            memcpy(&lo, q, 4);
            memcpy(&hi, q + r - 4, 4);
            w = lo | ((uint64_t)hi >> (8 * (8 - r))) << 32;
        } else {
            w = q[0] | (uint64_t)q[r / 2] << (8 * (r / 2)) | (uint64_t)q[r - 1] << (8 * (r - 1));
        }
        h = ((h << 23 | h >> 41) ^ w) * k;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93u;
    h ^= h >> 32;
    return h;
}

int64_t rpy_str_hash(rpy_str *s) {
    if (s->hash != 0)
        return s->hash;
    int64_t h = (int64_t)hash_bytes((const unsigned char *)s->data, s->length);
    /* 0 means "not computed"; dicts reserve INT64_MIN (RPY_DICT_DELETED)
     * and sets -1, which no CPython hash is either (rpy_set.c). */
    if (h == 0 || h == INT64_MIN)
        h = 1;
    else if (h == -1)
        h = -2;
    s->hash = h;
    return h;
}

__attribute__((noinline)) static int64_t ord_slow(rpy_str *s) {
    if (s->nchars != 1) {
        char msg[100];
        snprintf(msg, sizeof msg, "ord() expected a character, but string of length %lld found",
                 (long long)s->nchars);
        rpy_raise(RPY_EXC_TYPE, msg);
        return 0;
    }
    int len;
    return rpy_utf8_next((const unsigned char *)s->data, s->length, &len);
}

/* Inlined into the program, as rpy_str_getitem is: `for c in s: ord(c)`
 * over ASCII text becomes loads and compares. */
__attribute__((always_inline)) int64_t rpy_str_ord(rpy_str *s) {
    if (__builtin_expect(s->length == 1 && (unsigned char)s->data[0] < 0x80, 1))
        return (unsigned char)s->data[0];
    return ord_slow(s);
}

rpy_str *rpy_str_chr(int64_t i) {
    if (i < 0 || i >= 0x110000) {
        rpy_raise(RPY_EXC_VALUE, "chr() arg not in range(0x110000)");
        return NULL;
    }
    if (i < 0x80)
        return rpy_str_ascii((int)i);
    char buf[4];
    int n = rpy_utf8_encode((int32_t)i, buf);
    rpy_str *s = rpy_str_alloc(n, rpy_utf8_count(buf, n));
    if (s != NULL)
        memcpy(s->data, buf, (size_t)n);
    return s;
}

/* ---- character classes and case ---------------------------------------- */

/* The code point at byte i of u[0..n-1], its size in *len. */
static inline int32_t next_char(const unsigned char *u, int64_t i, int64_t n, int *len) {
    if (u[i] < 0x80) {
        *len = 1;
        return u[i];
    }
    return rpy_utf8_next(u + i, n - i, len);
}

static inline unsigned uflags(int32_t c) { return rpy_unicode(c)->flags; }

bool rpy_str_is(rpy_str *s, int32_t kind) {
    static const unsigned masks[] = {
        RPY_U_DIGIT, RPY_U_ALPHA, RPY_U_ALPHA | RPY_U_DECIMAL | RPY_U_DIGIT | RPY_U_NUMERIC, RPY_U_SPACE,
    };
    const unsigned char *u = (const unsigned char *)s->data;
    int64_t n = s->length;
    if (n == 0)
        return false;
    bool cased = false;
    for (int64_t i = 0; i < n;) {
        int len;
        unsigned f = uflags(next_char(u, i, n, &len));
        i += len;
        switch (kind) {
        case 4: /* isupper: no lowercase or titlecase, some uppercase */
            if (f & (RPY_U_LOWER | RPY_U_TITLE))
                return false;
            cased |= (f & RPY_U_UPPER) != 0;
            break;
        case 5: /* islower */
            if (f & (RPY_U_UPPER | RPY_U_TITLE))
                return false;
            cased |= (f & RPY_U_LOWER) != 0;
            break;
        default:
            if (kind < 0 || kind > 3 || !(f & masks[kind]))
                return false;
        }
    }
    return kind < 4 || cased;
}

/* Unicode's Final_Sigma condition for the capital sigma at bytes
 * [i, i + len) of u[0..n-1]: a cased letter before it and none after it,
 * looking past case-ignorable characters either way. */
static bool final_sigma(const unsigned char *u, int64_t n, int64_t i, int len) {
    int64_t j = i;
    unsigned f = 0;
    do {
        if (j == 0)
            return false;
        j = rpy_utf8_prev((const char *)u, j);
        int l;
        f = uflags(next_char(u, j, n, &l));
    } while (f & RPY_U_CASE_IGNORABLE);
    if (!(f & RPY_U_CASED))
        return false;
    for (j = i + len; j < n;) {
        int l;
        f = uflags(next_char(u, j, n, &l));
        j += l;
        if (!(f & RPY_U_CASE_IGNORABLE))
            return !(f & RPY_U_CASED);
    }
    return true;
}

/* The case mapping of the code point c at bytes [i, i + len) of u: its
 * UTF-8 into out (at most 8 bytes) and the number of bytes, with the
 * number of code points in *nchars. */
static int map_case(const unsigned char *u, int64_t n, int64_t i, int len, int32_t c, bool upper, char *out,
                    int64_t *nchars) {
    const rpy_uchar *info = rpy_unicode(c);
    if (info->flags & (upper ? RPY_U_SPECIAL_UPPER : RPY_U_SPECIAL_LOWER)) {
        const char *m = rpy_unicode_special(c, upper);
        int k = (int)strlen(m);
        memcpy(out, m, (size_t)k);
        *nchars = rpy_utf8_count(m, k);
        return k;
    }
    *nchars = 1;
    int32_t m = c + (upper ? info->upper : info->lower);
    if (m == 0x3C3 && c == 0x3A3 && final_sigma(u, n, i, len))
        m = 0x3C2;
    if (m == c) { /* unchanged, stray bytes included */
        memcpy(out, u + i, (size_t)len);
        return len;
    }
    return rpy_utf8_encode(m, out);
}

static rpy_str *change_case(rpy_str *s, bool upper) {
    int64_t n = s->length;
    if (s->nchars == n) {
        RPY_PUSH_ROOT(s);
        rpy_str *r = rpy_str_alloc_unfilled(n, n);
        RPY_POP_ROOT(s);
        if (r == NULL)
            return NULL;
        unsigned char lo = upper ? 'a' : 'A', flip = 'a' - 'A';
        int64_t i = 0;
        /* Eight bytes at a time: with the top bits cleared, adding
         * 0x80 - lo sets a byte's top bit when it is >= lo, and adding
         * 0x80 - lo - 26 when it is >= lo + 26 (no carry leaves a byte);
         * bytes above 0x7f (stray bytes) are left out.  The letters' top
         * bits, shifted down to 0x20, flip their case. */
        const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
        for (; n - i >= 8; i += 8) {
            uint64_t w;
            memcpy(&w, s->data + i, 8);
            uint64_t low7 = w & ~tops;
            uint64_t letters = (low7 + (0x80 - lo) * ones) & ~(low7 + (0x80 - lo - 26) * ones) & ~w & tops;
            w ^= letters >> 2;
            memcpy(r->data + i, &w, 8);
        }
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s->data[i];
            r->data[i] = (char)((unsigned char)(c - lo) < 26 ? c ^ flip : c);
        }
        return r;
    }
    /* Mappings change lengths, so size the result first.  A mapped
     * character never starts with a continuation byte: no seam risk. */
    const unsigned char *u = (const unsigned char *)s->data;
    int64_t size = 0, nchars = 0;
    char buf[8];
    for (int64_t i = 0; i < n;) {
        int len;
        int32_t c = next_char(u, i, n, &len);
        int64_t k;
        size += map_case(u, n, i, len, c, upper, buf, &k);
        nchars += k;
        i += len;
    }
    RPY_PUSH_ROOT(s);
    rpy_str *r = rpy_str_alloc_unfilled(size, nchars);
    RPY_POP_ROOT(s);
    if (r == NULL)
        return NULL;
    u = (const unsigned char *)s->data;
    char *out = r->data;
    for (int64_t i = 0; i < n;) {
        int len;
        int32_t c = next_char(u, i, n, &len);
        int64_t k;
        out += map_case(u, n, i, len, c, upper, out, &k);
        i += len;
    }
    return r;
}

rpy_str *rpy_str_lower(rpy_str *s) { return change_case(s, false); }
rpy_str *rpy_str_upper(rpy_str *s) { return change_case(s, true); }

/* ---- repr() --------------------------------------------------------------- */

char rpy_repr_quote(const char *p, int64_t n) {
    bool single = memchr(p, '\'', (size_t)n) != NULL;
    bool dbl = memchr(p, '"', (size_t)n) != NULL;
    return single && !dbl ? '"' : '\'';
}

int rpy_repr_escape(int32_t c, char quote, bool ascii, char *out) {
    if (c == quote || c == '\\')
        return snprintf(out, 11, "\\%c", (char)c);
    if (c == '\t' || c == '\n' || c == '\r')
        return snprintf(out, 11, "\\%c", c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
    if (c >= 0x20 && c < 0x7f)
        return 0;
    if (c >= 0x80 && !ascii && (uflags(c) & RPY_U_PRINTABLE))
        return 0;
    const char *fmt = c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x";
    return snprintf(out, 11, fmt, (unsigned)c);
}
