/* String operations: int(s) and ==.
 *
 * Strings are UTF-8.  int(s) has to look at code points because CPython
 * accepts Unicode whitespace and Unicode decimal digits, and its error
 * message quotes the string the way repr() would.
 */
#include "rpy.h"
#include "rpy_internal.h"

#include <stdio.h>
#include <string.h>

bool rpy_str_eq(rpy_str *a, rpy_str *b) {
    if (a == b) /* also None == None */
        return true;
    if (a == NULL || b == NULL)
        return false;
    return a->length == b->length && memcmp(a->data, b->data, (size_t)a->length) == 0;
}

/* ---- UTF-8 ------------------------------------------------------------ */

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

/* ---- character classes (Unicode 14.0, as in CPython 3.11) ------------- */

/* Whitespace that int() strips.  Note U+001C..U+001F are str.isspace()
 * but int() rejects them: CPython only maps non-ASCII spaces to ' '. */
static bool is_int_space(int32_t c) {
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Every Unicode decimal digit belongs to a run of ten consecutive code
 * points valued 0..9; these are the code points of the zeros. */
static const int32_t digit_zeros[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,
    0xbe6,   0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,
    0x1090,  0x17e0,  0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,
    0x1c40,  0x1c50,  0xa620,  0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,
    0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0,
    0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
};

/* Value 0..9 of a decimal digit, or -1. */
static int digit_value(int32_t c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    int lo = 0, hi = (int)(sizeof digit_zeros / sizeof digit_zeros[0]);
    while (lo < hi) { /* find the last zero <= c */
        int mid = (lo + hi) / 2;
        if (digit_zeros[mid] <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && c - digit_zeros[lo - 1] < 10)
        return c - digit_zeros[lo - 1];
    return -1;
}

/* Assigned code points that repr() escapes (str.isprintable() is false):
 * controls, separators other than ' ', format characters, surrogates and
 * private use.  Unassigned code points are not listed (repr escapes them,
 * we print them as they are). */
static const int32_t unprintable[][2] = {
    {0x0, 0x1f},         {0x7f, 0xa0},        {0xad, 0xad},       {0x600, 0x605},
    {0x61c, 0x61c},      {0x6dd, 0x6dd},      {0x70f, 0x70f},     {0x890, 0x891},
    {0x8e2, 0x8e2},      {0x1680, 0x1680},    {0x180e, 0x180e},   {0x2000, 0x200f},
    {0x2028, 0x202f},    {0x205f, 0x2064},    {0x2066, 0x206f},   {0x3000, 0x3000},
    {0xd800, 0xf8ff},    {0xfeff, 0xfeff},    {0xfff9, 0xfffb},   {0x110bd, 0x110bd},
    {0x110cd, 0x110cd},  {0x13430, 0x13438},  {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a},
    {0xe0001, 0xe0001},  {0xe0020, 0xe007f},  {0xf0000, 0xffffd}, {0x100000, 0x10fffd},
};

static bool is_printable(int32_t c) {
    for (size_t i = 0; i < sizeof unprintable / sizeof unprintable[0]; i++)
        if (c >= unprintable[i][0] && c <= unprintable[i][1])
            return false;
    return true;
}

/* ---- repr() for error messages --------------------------------------- */

/* CPython formats the message with %.200R: the repr is cut after 200
 * code points, even inside an escape or before the closing quote. */
#define REPR_MAX_CHARS 200

typedef struct {
    char *p;   /* next free byte */
    int left;  /* code points still allowed */
} repr_out;

static void put_ascii(repr_out *o, const char *s) {
    for (; *s != '\0' && o->left > 0; s++, o->left--)
        *o->p++ = *s;
}

static void put_repr(repr_out *o, const unsigned char *s, int64_t n) {
    bool has_single = memchr(s, '\'', (size_t)n) != NULL;
    bool has_double = memchr(s, '"', (size_t)n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    char q[2] = {quote, '\0'};
    put_ascii(o, q);
    for (int64_t i = 0; i < n && o->left > 0;) {
        int len;
        int32_t c = rpy_utf8_next(s + i, n - i, &len);
        char esc[12];
        if (c == quote || c == '\\') {
            snprintf(esc, sizeof esc, "\\%c", (char)c);
            put_ascii(o, esc);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            put_ascii(o, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
        } else if (c >= 0x20 && c < 0x7f) {
            esc[0] = (char)c;
            esc[1] = '\0';
            put_ascii(o, esc);
        } else if (!is_printable(c)) {
            const char *fmt = c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x";
            snprintf(esc, sizeof esc, fmt, (unsigned)c);
            put_ascii(o, esc);
        } else { /* printable non-ASCII: copy the original bytes */
            memcpy(o->p, s + i, (size_t)len);
            o->p += len;
            o->left--;
        }
        i += len;
    }
    put_ascii(o, q);
    *o->p = '\0';
}

/* ---- int(s) ---------------------------------------------------------- */

/* CPython refuses to convert more decimal digits than this by default
 * (sys.get_int_max_str_digits()), before looking at the value. */
#define MAX_STR_DIGITS 4300

static int64_t invalid_literal(rpy_str *s) {
    static const char prefix[] = "invalid literal for int() with base 10: ";
    /* Each repr code point needs at most 10 bytes (\UXXXXXXXX). */
    char msg[sizeof prefix + REPR_MAX_CHARS * 10 + 1];
    memcpy(msg, prefix, sizeof prefix);
    repr_out o = {msg + sizeof prefix - 1, REPR_MAX_CHARS};
    put_repr(&o, (const unsigned char *)s->data, s->length);
    rpy_raise(RPY_EXC_VALUE, msg);
    return 0;
}

/* The code point at byte offset i of s (its size in *len), or -1 at the
 * end of the string. */
static int32_t char_at(const rpy_str *s, int64_t i, int *len) {
    if (i >= s->length) {
        *len = 0;
        return -1;
    }
    return rpy_utf8_next((const unsigned char *)s->data + i, s->length - i, len);
}

int64_t rpy_str_to_int(rpy_str *s) {
    if (s == NULL) { /* an Optional[str] that was None */
        rpy_raise(RPY_EXC_TYPE, "int() argument must be a string, a bytes-like object "
                                "or a real number, not 'NoneType'");
        return 0;
    }
    int64_t i = 0;
    int len;
    int32_t c = char_at(s, i, &len);
    while (is_int_space(c))
        c = char_at(s, i += len, &len);
    bool negative = c == '-';
    if (c == '+' || c == '-')
        c = char_at(s, i += len, &len);
    /* Digits with single underscores between them.  Accumulate the
     * magnitude, remembering (not raising) overflow because a later
     * syntax error must win, as in CPython. */
    if (digit_value(c) < 0)
        return invalid_literal(s);
    uint64_t mag = 0;
    bool too_big = false, after_underscore = false;
    int64_t ndigits = 0;
    for (;; c = char_at(s, i += len, &len)) {
        int d = digit_value(c);
        if (d >= 0) {
            if (mag > (UINT64_MAX - (uint64_t)d) / 10)
                too_big = true;
            else
                mag = mag * 10 + (uint64_t)d;
            ndigits++;
            after_underscore = false;
        } else if (c == '_' && !after_underscore) {
            after_underscore = true;
        } else {
            break;
        }
    }
    if (after_underscore) /* "1_" or "1__2" */
        return invalid_literal(s);
    if (ndigits > MAX_STR_DIGITS) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "Exceeds the limit (%d digits) for integer string conversion: "
                 "value has %lld digits; use sys.set_int_max_str_digits() to "
                 "increase the limit",
                 MAX_STR_DIGITS, (long long)ndigits);
        rpy_raise(RPY_EXC_VALUE, msg);
        return 0;
    }
    while (is_int_space(c))
        c = char_at(s, i += len, &len);
    if (c != -1)
        return invalid_literal(s);
    uint64_t limit = negative ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
    if (too_big || mag > limit) {
        rpy_raise(RPY_EXC_OVERFLOW, "int too large to convert to a 64-bit machine integer");
        return 0;
    }
    return negative ? (int64_t)(0 - mag) : (int64_t)mag;
}
