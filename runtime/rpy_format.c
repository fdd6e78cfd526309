/* Building strings: the builder, repr(), and one conversion of Python's
 * `%` operator or of format()'s specification mini-language at a time
 * (rpy.h states the contract).
 *
 * The builder keeps its bytes in its own inline buffer and moves them to
 * malloc'ed memory when they outgrow it, so it never holds GC pointers
 * and nothing moves while text is added; only rpy_builder_finish
 * allocates from the collector.  After an error (a bad spec, or malloc
 * failing) the builder frees its memory and ignores further additions,
 * so code that leaves the builder behind as the exception propagates
 * leaks nothing.
 *
 * Numbers, in both languages, are laid out from parts: a sign, a prefix
 * ("0x"), the integer digits (which may be grouped) and the rest (the
 * fraction, an exponent, '%'), padded to the width with the fill
 * character.  Digits of floats come from the C library's printf, which
 * glibc rounds correctly, as CPython's own conversion does, so the two
 * agree digit for digit; repr-style output comes from rpy_format_float.
 */
#include "rpy.h"
#include "rpy_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rpy_builder {
    char *heap; /* NULL while the text fits in `small` */
    int64_t len, cap;
    bool failed; /* an exception was raised: additions are ignored */
    char small[RPY_BUILDER_BYTES - 32];
};
_Static_assert(sizeof(struct rpy_builder) == RPY_BUILDER_BYTES, "rpy_builder must fill RPY_BUILDER_BYTES");
_Static_assert(_Alignof(struct rpy_builder) <= 8, "generated code aligns builders to 8 bytes");
_Static_assert(sizeof(rpy_builder_space) == RPY_BUILDER_BYTES, "rpy_builder_space size");

void rpy_builder_init(rpy_builder *b) {
    b->heap = NULL;
    b->len = 0;
    b->cap = (int64_t)sizeof b->small;
    b->failed = false;
}

static inline char *text_of(rpy_builder *b) { return b->heap != NULL ? b->heap : b->small; }

void rpy_builder_abandon(rpy_builder *b) {
    free(b->heap);
    rpy_builder_init(b);
    b->failed = true;
}

/* Frees the text and raises; the builder stays failed until finished. */
static void fail(rpy_builder *b, int32_t kind, const char *msg) {
    free(b->heap);
    rpy_builder_init(b);
    b->failed = true;
    rpy_raise(kind, msg);
}

__attribute__((noinline)) static char *grow(rpy_builder *b, int64_t n) {
    int64_t need, cap = b->cap * 2;
    if (__builtin_add_overflow(b->len, n, &need))
        goto out_of_memory;
    if (cap < need)
        cap = need;
    char *p = realloc(b->heap, (size_t)cap); /* realloc(NULL) is malloc */
    if (p == NULL)
        goto out_of_memory;
    if (b->heap == NULL)
        memcpy(p, b->small, (size_t)b->len);
    b->heap = p;
    b->cap = cap;
    return p + b->len;
out_of_memory:
    fail(b, RPY_EXC_MEMORY, "");
    return NULL;
}

/* Where the next n bytes go (the caller then adds n to len), or NULL. */
static inline char *reserve(rpy_builder *b, int64_t n) {
    if (b->failed)
        return NULL;
    if (n <= b->cap - b->len)
        return text_of(b) + b->len;
    return grow(b, n);
}

void rpy_builder_add_bytes(rpy_builder *b, const char *p, int64_t n) {
    if (n <= 0)
        return;
    char *d = reserve(b, n);
    if (d == NULL)
        return;
    memcpy(d, p, (size_t)n);
    b->len += n;
}

static void add_char(rpy_builder *b, char c) { rpy_builder_add_bytes(b, &c, 1); }

static void add_cstr(rpy_builder *b, const char *s) { rpy_builder_add_bytes(b, s, (int64_t)strlen(s)); }

/* count copies of the n-byte character c. */
static void add_repeated(rpy_builder *b, const char *c, int n, int64_t count) {
    int64_t size;
    if (count <= 0)
        return;
    if (__builtin_mul_overflow(count, (int64_t)n, &size)) {
        fail(b, RPY_EXC_MEMORY, "");
        return;
    }
    char *d = reserve(b, size);
    if (d == NULL)
        return;
    if (n == 1)
        memset(d, c[0], (size_t)count);
    else
        for (int64_t i = 0; i < count; i++)
            memcpy(d + i * n, c, (size_t)n);
    b->len += size;
}

void rpy_builder_add_str(rpy_builder *b, rpy_str *s) {
    if (s == NULL)
        rpy_builder_add_bytes(b, "None", 4);
    else
        rpy_builder_add_bytes(b, s->data, s->length);
}

/* The digits of m in base (2..16) at the end of buf[0..64]; returns
 * where they start. */
static char *u64_digits(uint64_t m, int base, bool upper, char *end) {
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = end;
    do {
        *--p = digits[m % (uint64_t)base];
        m /= (uint64_t)base;
    } while (m != 0);
    return p;
}

void rpy_builder_add_int(rpy_builder *b, int64_t v) {
    char buf[24], *end = buf + sizeof buf;
    char *p = u64_digits(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, 10, false, end);
    if (v < 0)
        *--p = '-';
    rpy_builder_add_bytes(b, p, end - p);
}

void rpy_builder_add_float(rpy_builder *b, double v) {
    char buf[RPY_FLOAT_REPR_MAX];
    rpy_builder_add_bytes(b, buf, rpy_format_float(v, buf));
}

rpy_str *rpy_builder_finish(rpy_builder *b) {
    if (b->failed) {
        rpy_builder_init(b);
        if (rpy_exc_value == NULL) /* the error was caught meanwhile: still no string */
            rpy_raise(RPY_EXC_MEMORY, "");
        return NULL;
    }
    const char *t = text_of(b);
    int64_t n = b->len;
    rpy_str *s;
    if (n == 1 && (unsigned char)t[0] < 0x80) {
        s = rpy_str_ascii(t[0]);
    } else {
        /* May collect: the text is outside the GC heap. */
        s = rpy_str_alloc_unfilled(n, rpy_utf8_count(t, n));
        if (s != NULL && n > 0)
            memcpy(s->data, t, (size_t)n);
    }
    free(b->heap);
    rpy_builder_init(b);
    return s;
}

/* ---- repr() ------------------------------------------------------------- */

void rpy_builder_add_repr(rpy_builder *b, const char *p, int64_t n, bool ascii) {
    const unsigned char *u = (const unsigned char *)p;
    char quote = rpy_repr_quote(p, n);
    add_char(b, quote);
    int64_t run = 0; /* start of the bytes shown as they are */
    for (int64_t i = 0; i < n;) {
        int len = 1;
        int32_t c = u[i] < 0x80 ? u[i] : rpy_utf8_next(u + i, n - i, &len);
        char esc[12];
        int k = rpy_repr_escape(c, quote, ascii, esc);
        if (k > 0) {
            rpy_builder_add_bytes(b, p + run, i - run);
            rpy_builder_add_bytes(b, esc, k);
            run = i + len;
        }
        i += len;
    }
    rpy_builder_add_bytes(b, p + run, n - run);
    add_char(b, quote);
}

rpy_str *rpy_str_repr(rpy_str *s) {
    rpy_builder_space space;
    rpy_builder *b = (rpy_builder *)(void *)&space;
    rpy_builder_init(b);
    if (s == NULL)
        rpy_builder_add_bytes(b, "None", 4);
    else
        rpy_builder_add_repr(b, s->data, s->length, false);
    return rpy_builder_finish(b);
}

/* ---- layout ------------------------------------------------------------- */

/* How a value is padded: fill character (UTF-8), alignment '<' '>' '^'
 * or '=' (padding after the sign and prefix), width in code points (-1:
 * none), and digit grouping (separator 0, ',' or '_'; group size). */
typedef struct {
    char fill[4];
    int fill_len;
    char align;
    int64_t width;
    char group;
    int group_size;
} layout;

/* A number in parts (see the top of the file).  The digits are ASCII but
 * for %c, where they are one character of digit_chars == 1 code point;
 * zeros are leading zeros to put before them (%-format's precision). */
typedef struct {
    char sign; /* 0, '-', '+' or ' ' */
    const char *prefix;
    const char *digits;
    int64_t ndigits, digit_chars, zeros;
    const char *rest;
    int64_t nrest;
} number;

static void pad_sides(int64_t pad, char align, int64_t *left, int64_t *right) {
    *left = *right = 0;
    if (align == '<')
        *right = pad;
    else if (align == '^') {
        *left = pad / 2;
        *right = pad - *left;
    } else if (align == '>')
        *left = pad;
}

/* text (nbytes, nchars code points) padded as lay says. */
static void emit_text(rpy_builder *b, const char *text, int64_t nbytes, int64_t nchars, const layout *lay) {
    int64_t left, right;
    pad_sides(lay->width > nchars ? lay->width - nchars : 0, lay->align, &left, &right);
    add_repeated(b, lay->fill, lay->fill_len, left);
    rpy_builder_add_bytes(b, text, nbytes);
    add_repeated(b, lay->fill, lay->fill_len, right);
}

/* Grouping: digits in groups of `size` from the right, with zeros in
 * front while the result is shorter than min_width (format()'s zero
 * padding).  A string of t digits grouped is t + (t - 1) / size long, so
 * every length but the multiples of size + 1 (which would start with a
 * separator) is possible: the result is the shortest possible length
 * that holds the digits and reaches min_width. */
static int64_t grouped_length(int64_t nd, int64_t min_width, int size) {
    int64_t t = nd > 0 ? nd : 1, len = t + (t - 1) / size;
    if (min_width <= len)
        return len;
    return min_width % (size + 1) == 0 ? min_width + 1 : min_width;
}

/* The grouped digits into dst[0..len-1], filled from the right. */
static void put_grouped(char *dst, int64_t len, const char *digits, int64_t nd, int size, char sep) {
    for (int64_t j = 0, k = 0; j < len; j++) /* j counts from the right, k digits */
        dst[len - 1 - j] = (j + 1) % (size + 1) == 0 ? sep : k < nd ? digits[nd - 1 - k++] : (k++, '0');
}

static void emit_number(rpy_builder *b, const number *num, const layout *lay) {
    int64_t lead = (num->sign != 0) + (int64_t)strlen(num->prefix);
    int64_t body = num->zeros + num->digit_chars; /* code points of the digits */
    int64_t min_width = 0;
    if (lay->group != 0) {
        /* Zero padding ('0' fill, '=' alignment) becomes grouped digits. */
        if (lay->fill_len == 1 && lay->fill[0] == '0' && lay->align == '=')
            min_width = lay->width - lead - num->nrest;
        body = grouped_length(num->ndigits, min_width, lay->group_size);
    }
    int64_t total = lead + body + num->nrest, pad = lay->width > total ? lay->width - total : 0;
    int64_t left, right, mid = lay->align == '=' ? pad : 0;
    pad_sides(pad, lay->align, &left, &right);
    add_repeated(b, lay->fill, lay->fill_len, left);
    if (num->sign != 0)
        add_char(b, num->sign);
    add_cstr(b, num->prefix);
    add_repeated(b, lay->fill, lay->fill_len, mid);
    if (lay->group != 0) {
        char *d = reserve(b, body);
        if (d == NULL)
            return;
        put_grouped(d, body, num->digits, num->ndigits, lay->group_size, lay->group);
        b->len += body;
    } else {
        add_repeated(b, "0", 1, num->zeros);
        rpy_builder_add_bytes(b, num->digits, num->ndigits);
    }
    rpy_builder_add_bytes(b, num->rest, num->nrest);
    add_repeated(b, lay->fill, lay->fill_len, right);
}

/* ---- digits of floats ------------------------------------------------- */

/* printf-formatted text of a finite x >= 0: into buf (size bytes) or,
 * when longer, a malloc'ed buffer the caller frees.  NULL if out of
 * memory. */
static char *printf_double(char *buf, size_t size, char conv, bool alt, int prec, double x, int *len) {
    char fmt[8] = "%";
    if (alt)
        strcat(fmt, "#");
    strcat(fmt, ".*");
    size_t k = strlen(fmt);
    fmt[k] = conv;
    fmt[k + 1] = '\0';
    int n = snprintf(buf, size, fmt, prec, x);
    if (n < 0)
        return NULL;
    if ((size_t)n >= size) {
        buf = malloc((size_t)n + 1);
        if (buf == NULL)
            return NULL;
        snprintf(buf, (size_t)n + 1, fmt, prec, x);
    }
    *len = n;
    return buf;
}

/* Drops trailing zeros of the fraction, and the point if nothing is left
 * of it; the exponent, if any, moves up. */
static void strip_fraction_zeros(char *t, int *len) {
    char *dot = memchr(t, '.', (size_t)*len);
    if (dot == NULL)
        return;
    char *e = memchr(t, 'e', (size_t)*len);
    char *end = e != NULL ? e : t + *len, *p = end;
    while (p[-1] == '0')
        p--;
    if (p[-1] == '.')
        p--;
    memmove(p, end, (size_t)(t + *len - end));
    *len -= (int)(end - p);
    t[*len] = '\0';
}

/* 'g' for a finite x >= 0, built from 'e' and 'f' rather than taken from
 * printf's %g: glibc picks %#g's form before rounding, so when rounding
 * carries into a new power of ten (%#.2g of 99.99) it loses a digit.
 * The exponent after rounding to p digits decides between the forms.
 * with_dot is format()'s variant for no type with a precision: it
 * switches to an exponent one digit earlier, and a fixed-point result
 * always has a digit after the point. */
static char *general(char *buf, size_t size, bool alt, int prec, double x, bool with_dot, int *len) {
    int p = prec == 0 ? 1 : prec;
    char *t = printf_double(buf, size, 'e', alt, p - 1, x, len);
    if (t == NULL)
        return NULL;
    int exp10 = atoi(strchr(t, 'e') + 1);
    if (exp10 < -4 || exp10 >= p - with_dot) {
        if (!alt)
            strip_fraction_zeros(t, len);
        return t;
    }
    if (t != buf)
        free(t);
    /* Room for ".0" after the digits. */
    t = printf_double(buf, size - 2, 'f', alt, p - 1 - exp10, x, len);
    if (t == NULL || alt)
        return t;
    strip_fraction_zeros(t, len);
    if (with_dot && memchr(t, '.', (size_t)*len) == NULL) {
        if (t != buf) { /* malloc'ed to the byte: make room */
            char *u = realloc(t, (size_t)*len + 3);
            if (u == NULL) {
                free(t);
                return NULL;
            }
            t = u;
        }
        memcpy(t + *len, ".0", 3);
        *len += 2;
    }
    return t;
}

/* Splits the text of a finite number into integer digits and the rest. */
static void split_digits(number *num, const char *t, int64_t len) {
    int64_t i = 0;
    while (i < len && t[i] >= '0' && t[i] <= '9')
        i++;
    num->digits = t;
    num->ndigits = num->digit_chars = i;
    num->rest = t + i;
    num->nrest = len - i;
}

/* Are all the digits before any exponent zeros? */
static bool rounds_to_zero(const char *t, int64_t len) {
    for (int64_t i = 0; i < len && t[i] != 'e' && t[i] != 'E'; i++)
        if (t[i] >= '1' && t[i] <= '9')
            return false;
    return true;
}

typedef struct {
    char conv;      /* e E f F g G, 'r' for repr, 'q' for general() with_dot */
    int prec;
    bool alt;
    bool no_neg_0;  /* format()'s z */
    bool percent;   /* format()'s %: times 100, then a '%' */
    char plus;      /* the sign of a positive number: 0, '+' or ' ' */
} float_style;

static void emit_float(rpy_builder *b, double v, const float_style *st, layout *lay) {
    char buf[400];
    int len = 0;
    char *t = buf;
    bool upper = st->conv == 'E' || st->conv == 'F' || st->conv == 'G';
    bool negative = signbit(v) && !isnan(v); /* CPython never shows a NaN's sign */
    double x = fabs(v);
    if (st->percent)
        x *= 100;
    bool finite = isfinite(x);
    if (!finite) {
        strcpy(buf, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        len = 3;
        lay->group = 0; /* nothing to group, and zero padding is plain */
    } else if (st->conv == 'r') {
        len = rpy_format_float(x, buf);
        if (st->alt && memchr(buf, '.', (size_t)len) == NULL) { /* 1e+16 -> 1.e+16 */
            char *e = memchr(buf, 'e', (size_t)len);
            int at = e != NULL ? (int)(e - buf) : len;
            memmove(buf + at + 1, buf + at, (size_t)(len - at + 1));
            buf[at] = '.';
            len++;
        }
    } else if (st->conv == 'q' || st->conv == 'g' || st->conv == 'G') {
        t = general(buf, sizeof buf, st->alt, st->prec, x, st->conv == 'q', &len);
        if (t != NULL && st->conv == 'G') {
            char *e = memchr(t, 'e', (size_t)len);
            if (e != NULL)
                *e = 'E';
        }
    } else {
        t = printf_double(buf, sizeof buf, st->conv, st->alt, st->prec, x, &len);
    }
    if (t == NULL) {
        fail(b, RPY_EXC_MEMORY, "");
        return;
    }
    if (finite && st->no_neg_0 && rounds_to_zero(t, len))
        negative = false;
    /* Every text buffer has a byte to spare where its NUL was. */
    if (st->percent)
        t[len++] = '%';
    number num = {negative ? '-' : st->plus, "", "", 0, 0, 0, t, len};
    if (finite)
        split_digits(&num, t, len);
    emit_number(b, &num, lay);
    if (t != buf)
        free(t);
}

/* ---- the % operator --------------------------------------------------- */

typedef struct {
    bool ljust, plus, blank, alt, zero;
    int64_t width, prec; /* -1: not given */
    char conv;
} pct_spec;

static bool bad_pct(rpy_builder *b, const char *spec, const char *p) {
    char msg[100];
    unsigned char c = (unsigned char)*p;
    snprintf(msg, sizeof msg, "unsupported format character '%c' (0x%x) at index %d", c >= 0x20 && c < 0x7f ? c : '?',
             c, (int)(p - spec));
    fail(b, RPY_EXC_VALUE, c == 0 ? "incomplete format" : msg);
    return false;
}

/* Digits as %-format reads them; false (ValueError raised) above limit.
 * CPython allows any width that fits a Py_ssize_t (a huge one then runs
 * out of memory) but only an int's worth of precision. */
static bool pct_number(rpy_builder *b, const char **p, int64_t *out, int64_t limit, const char *what) {
    int64_t v = 0;
    for (; **p >= '0' && **p <= '9'; (*p)++) {
        if (v > (limit - (**p - '0')) / 10) {
            fail(b, RPY_EXC_VALUE, what);
            return false;
        }
        v = v * 10 + (**p - '0');
    }
    *out = v;
    return true;
}

static bool parse_pct(rpy_builder *b, const char *spec, pct_spec *ps) {
    if (b->failed)
        return false;
    const char *p = spec;
    if (*p == '%')
        p++;
    ps->ljust = ps->plus = ps->blank = ps->alt = ps->zero = false;
    ps->width = ps->prec = -1;
    for (;; p++) {
        if (*p == '-')
            ps->ljust = true;
        else if (*p == '+')
            ps->plus = true;
        else if (*p == ' ')
            ps->blank = true;
        else if (*p == '#')
            ps->alt = true;
        else if (*p == '0')
            ps->zero = true;
        else
            break;
    }
    if (*p >= '0' && *p <= '9' && !pct_number(b, &p, &ps->width, INT64_MAX, "width too big"))
        return false;
    if (*p == '.') {
        p++;
        if (!pct_number(b, &p, &ps->prec, INT32_MAX, "precision too big"))
            return false;
    }
    while (*p == 'h' || *p == 'l' || *p == 'L')
        p++;
    ps->conv = *p;
    if (*p == '\0' || p[1] != '\0')
        return bad_pct(b, spec, p);
    return true;
}

static char pct_sign(const pct_spec *ps, bool negative) {
    return negative ? '-' : ps->plus ? '+' : ps->blank ? ' ' : 0;
}

/* Numbers pad with zeros after the sign for the 0 flag; - wins over 0. */
static layout pct_layout(const pct_spec *ps, bool numeric) {
    layout lay = {" ", 1, '>', ps->width, 0, 3};
    if (ps->ljust)
        lay.align = '<';
    else if (ps->zero && numeric) {
        lay.fill[0] = '0';
        lay.align = '=';
    }
    return lay;
}

/* %s and friends: text cut to the precision, in code points. */
static void pct_text(rpy_builder *b, const pct_spec *ps, const char *text, int64_t nbytes, int64_t nchars) {
    if (ps->prec >= 0 && ps->prec < nchars) {
        const unsigned char *u = (const unsigned char *)text;
        int64_t i = 0;
        for (int64_t k = 0; k < ps->prec; k++) {
            int len = 1;
            if (u[i] >= 0x80)
                rpy_utf8_next(u + i, nbytes - i, &len);
            i += len;
        }
        nbytes = i;
        nchars = ps->prec;
    }
    layout lay = pct_layout(ps, false);
    emit_text(b, text, nbytes, nchars, &lay);
}

/* An integer given as its sign and magnitude's decimal digits. */
static void pct_integer(rpy_builder *b, const pct_spec *ps, bool negative, const char *digits, int64_t nd) {
    number num = {pct_sign(ps, negative), "", digits, nd, nd, 0, "", 0};
    if (ps->prec > nd)
        num.zeros = ps->prec - nd;
    layout lay = pct_layout(ps, true);
    emit_number(b, &num, &lay);
}

static void pct_char(rpy_builder *b, const pct_spec *ps, int64_t v) {
    if (v < 0 || v >= 0x110000) {
        fail(b, RPY_EXC_OVERFLOW, "%c arg not in range(0x110000)");
        return;
    }
    char buf[4];
    int n = rpy_utf8_encode((int32_t)v, buf);
    pct_text(b, &(pct_spec){.width = ps->width, .prec = -1, .ljust = ps->ljust}, buf, n, rpy_utf8_count(buf, n));
}

static void pct_float(rpy_builder *b, const pct_spec *ps, double v) {
    float_style st = {ps->conv, ps->prec < 0 ? 6 : (int)ps->prec, ps->alt, false, false, pct_sign(ps, false)};
    layout lay = pct_layout(ps, true);
    emit_float(b, v, &st, &lay);
}

static void type_error(rpy_builder *b, const pct_spec *ps, const char *type) {
    char msg[120];
    switch (ps->conv) {
    case 'd': case 'i': case 'u':
        snprintf(msg, sizeof msg, "%%%c format: a real number is required, not %s", ps->conv, type);
        break;
    case 'o': case 'x': case 'X':
        snprintf(msg, sizeof msg, "%%%c format: an integer is required, not %s", ps->conv, type);
        break;
    case 'c':
        snprintf(msg, sizeof msg, "%%c requires int or char");
        break;
    default:
        snprintf(msg, sizeof msg, "must be real number, not %s", type);
    }
    fail(b, RPY_EXC_TYPE, msg);
}

static bool is_float_conv(char c) { return c != 0 && strchr("eEfFgG", c) != NULL; }

void rpy_builder_format_int(rpy_builder *b, const char *spec, int64_t v) {
    /* Plain "%d", by far the most common, is str(v): no spec to parse
     * and nothing to lay out. */
    const char *c = spec + (spec[0] == '%');
    if ((c[0] == 'd' || c[0] == 'i' || c[0] == 'u') && c[1] == '\0') {
        rpy_builder_add_int(b, v);
        return;
    }
    pct_spec ps;
    if (!parse_pct(b, spec, &ps))
        return;
    char buf[72], *end = buf + sizeof buf, *p;
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    switch (ps.conv) {
    case 'd': case 'i': case 'u':
        p = u64_digits(m, 10, false, end);
        pct_integer(b, &ps, v < 0, p, end - p);
        return;
    case 'o': case 'x': case 'X': {
        p = u64_digits(m, ps.conv == 'o' ? 8 : 16, ps.conv == 'X', end);
        number num = {pct_sign(&ps, v < 0), "", p, end - p, end - p, 0, "", 0};
        if (ps.alt)
            num.prefix = ps.conv == 'o' ? "0o" : ps.conv == 'x' ? "0x" : "0X";
        if (ps.prec > num.ndigits)
            num.zeros = ps.prec - num.ndigits;
        layout lay = pct_layout(&ps, true);
        emit_number(b, &num, &lay);
        return;
    }
    case 'c':
        pct_char(b, &ps, v);
        return;
    case 's': case 'r': case 'a':
        p = u64_digits(m, 10, false, end);
        if (v < 0)
            *--p = '-';
        pct_text(b, &ps, p, end - p, end - p);
        return;
    default:
        if (is_float_conv(ps.conv))
            pct_float(b, &ps, (double)v);
        else
            bad_pct(b, spec, spec + strlen(spec) - 1);
    }
}

void rpy_builder_format_float(rpy_builder *b, const char *spec, double v) {
    pct_spec ps;
    if (!parse_pct(b, spec, &ps))
        return;
    switch (ps.conv) {
    case 'd': case 'i': case 'u': {
        if (isinf(v)) {
            fail(b, RPY_EXC_OVERFLOW, "cannot convert float infinity to integer");
            return;
        }
        if (isnan(v)) {
            fail(b, RPY_EXC_VALUE, "cannot convert float NaN to integer");
            return;
        }
        /* int(v) exactly, however large: printf prints a whole double's
         * exact decimal value. */
        double t = trunc(v);
        char buf[400];
        int n = snprintf(buf, sizeof buf, "%.0f", fabs(t));
        pct_integer(b, &ps, t < 0, buf, n);
        return;
    }
    case 's': case 'r': case 'a': {
        char buf[RPY_FLOAT_REPR_MAX];
        int n = rpy_format_float(v, buf);
        pct_text(b, &ps, buf, n, n);
        return;
    }
    case 'o': case 'x': case 'X': case 'c':
        type_error(b, &ps, "float");
        return;
    default:
        if (is_float_conv(ps.conv))
            pct_float(b, &ps, v);
        else
            bad_pct(b, spec, spec + strlen(spec) - 1);
    }
}

void rpy_builder_format_str(rpy_builder *b, const char *spec, rpy_str *s) {
    pct_spec ps;
    if (!parse_pct(b, spec, &ps))
        return;
    const char *text = s != NULL ? s->data : "None";
    int64_t n = s != NULL ? s->length : 4, nchars = s != NULL ? s->nchars : 4;
    switch (ps.conv) {
    case 's':
        pct_text(b, &ps, text, n, nchars);
        return;
    case 'r': case 'a': {
        /* The repr goes through a second builder, to be cut and padded. */
        rpy_builder_space space;
        rpy_builder *r = (rpy_builder *)(void *)&space;
        rpy_builder_init(r);
        if (s == NULL)
            rpy_builder_add_bytes(r, "None", 4);
        else
            rpy_builder_add_repr(r, text, n, ps.conv == 'a');
        if (r->failed) {
            fail(b, RPY_EXC_MEMORY, "");
            return;
        }
        const char *t = text_of(r);
        pct_text(b, &ps, t, r->len, rpy_utf8_count(t, r->len));
        free(r->heap);
        return;
    }
    case 'c':
        if (s != NULL && s->nchars == 1) {
            pct_text(b, &(pct_spec){.width = ps.width, .prec = -1, .ljust = ps.ljust}, text, n, 1);
            return;
        }
        type_error(b, &ps, "str");
        return;
    default:
        if (strchr("diuoxXeEfFgG", ps.conv) != NULL)
            type_error(b, &ps, s != NULL ? "str" : "NoneType");
        else
            bad_pct(b, spec, spec + strlen(spec) - 1);
    }
}

/* ---- format() --------------------------------------------------------- */

typedef struct {
    char fill[4];
    int fill_len;
    bool fill_given;
    char align; /* 0: the type's default */
    char sign;  /* 0, '+', '-', ' ' */
    bool no_neg_0, alt;
    int64_t width, prec; /* -1: not given */
    char group;          /* 0, ',' or '_' */
    int32_t type;        /* a code point; 0: none */
} fmt_spec;

/* Grouping goes with decimal types (type 0: a float's repr-like form),
 * and '_' also with binary, octal and hex, in fours. */
static bool group_allowed(int32_t type, char group) {
    switch (type) {
    case 0: case 'd': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return true;
    case 'b': case 'o': case 'x': case 'X':
        return group == '_';
    default:
        return false;
    }
}

static bool is_align(int32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* CPython names a presentation type in messages by itself when it is
 * printable ASCII and by its hex value otherwise. */
static void type_name(int32_t t, char *out, size_t size) {
    if (t > 32 && t < 128)
        snprintf(out, size, "%c", (char)t);
    else
        snprintf(out, size, "\\x%x", (unsigned)t);
}

__attribute__((format(printf, 3, 4))) static void spec_error(rpy_builder *b, int32_t kind, const char *fmt, ...) {
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fail(b, kind, msg);
}

static void unknown_code(rpy_builder *b, int32_t type, const char *obj_type) {
    char t[16];
    type_name(type, t, sizeof t);
    spec_error(b, RPY_EXC_VALUE, "Unknown format code '%s' for object of type '%s'", t, obj_type);
}

/* A decimal number (any Unicode digits, as CPython reads them) at cps[*i];
 * false with ValueError raised if it overflows. */
static bool spec_integer(rpy_builder *b, const int32_t *cps, int64_t n, int64_t *i, int64_t *out, int64_t *count) {
    int64_t v = 0, start = *i;
    for (int d; *i < n && (d = rpy_digit_value(cps[*i])) >= 0; (*i)++) {
        if (v > (INT64_MAX - d) / 10) {
            fail(b, RPY_EXC_VALUE, "Too many decimal digits in format string");
            return false;
        }
        v = v * 10 + d;
    }
    *out = v;
    *count = *i - start;
    return true;
}

/* [[fill]align][sign][z][#][0][width][grouping][.precision][type], the
 * defaults being the object's: default_type is what decides whether
 * grouping is allowed when no type is given. */
static bool parse_spec(rpy_builder *b, const char *spec, const char *obj_type, int32_t default_type, char default_align,
                       fmt_spec *fs) {
    if (b->failed)
        return false;
    int64_t nbytes = (int64_t)strlen(spec), n = 0;
    int32_t small[64], *cps = nbytes <= 64 ? small : malloc((size_t)nbytes * sizeof *cps);
    if (cps == NULL) {
        fail(b, RPY_EXC_MEMORY, "");
        return false;
    }
    for (int64_t i = 0; i < nbytes;) {
        int len;
        cps[n++] = rpy_utf8_next((const unsigned char *)spec + i, nbytes - i, &len);
        i += len;
    }
    bool ok = false;
    int64_t i = 0, count;
    memset(fs, 0, sizeof *fs);
    fs->fill[0] = ' ';
    fs->fill_len = 1;
    fs->width = fs->prec = -1;
    if (n >= 2 && is_align(cps[1])) {
        fs->fill_len = rpy_utf8_encode(cps[0], fs->fill);
        fs->fill_given = true;
        fs->align = (char)cps[1];
        i = 2;
    } else if (n >= 1 && is_align(cps[0])) {
        fs->align = (char)cps[0];
        i = 1;
    }
    if (i < n && (cps[i] == '+' || cps[i] == '-' || cps[i] == ' '))
        fs->sign = (char)cps[i++];
    if (i < n && cps[i] == 'z') {
        fs->no_neg_0 = true;
        i++;
    }
    if (i < n && cps[i] == '#') {
        fs->alt = true;
        i++;
    }
    /* The 0 flag: zero fill, and for numbers padding after the sign,
     * unless a fill or an alignment was given. */
    if (!fs->fill_given && i < n && cps[i] == '0') {
        fs->fill[0] = '0';
        if (fs->align == 0 && default_align == '>')
            fs->align = '=';
        i++;
    }
    if (!spec_integer(b, cps, n, &i, &fs->width, &count))
        goto done;
    if (count == 0)
        fs->width = -1;
    if (i < n && cps[i] == ',') {
        fs->group = ',';
        i++;
    }
    if (i < n && cps[i] == '_') {
        if (fs->group != 0) {
            fail(b, RPY_EXC_VALUE, "Cannot specify both ',' and '_'.");
            goto done;
        }
        fs->group = '_';
        i++;
    }
    if (i < n && cps[i] == ',' && fs->group == '_') {
        fail(b, RPY_EXC_VALUE, "Cannot specify both ',' and '_'.");
        goto done;
    }
    if (i < n && cps[i] == '.') {
        i++;
        if (!spec_integer(b, cps, n, &i, &fs->prec, &count))
            goto done;
        if (count == 0) {
            fail(b, RPY_EXC_VALUE, "Format specifier missing precision");
            goto done;
        }
    }
    if (n - i > 1) {
        spec_error(b, RPY_EXC_VALUE, "Invalid format specifier '%s' for object of type '%s'", spec, obj_type);
        goto done;
    }
    fs->type = i < n ? cps[i] : 0;
    if (fs->align == 0)
        fs->align = default_align;
    if (fs->group != 0) {
        int32_t t = fs->type != 0 ? fs->type : default_type;
        if (!group_allowed(t, fs->group)) {
            char name[16];
            type_name(t, name, sizeof name);
            spec_error(b, RPY_EXC_VALUE, "Cannot specify '%c' with '%s'.", fs->group, name);
            goto done;
        }
    }
    ok = true;
done:
    if (cps != small)
        free(cps);
    return ok;
}

static layout spec_layout(const fmt_spec *fs) {
    layout lay;
    memcpy(lay.fill, fs->fill, sizeof lay.fill);
    lay.fill_len = fs->fill_len;
    lay.align = fs->align;
    lay.width = fs->width;
    lay.group = fs->group;
    lay.group_size = 3;
    return lay;
}

static void spec_float(rpy_builder *b, const fmt_spec *fs, double v) {
    if (fs->prec > INT32_MAX) {
        fail(b, RPY_EXC_VALUE, "precision too big");
        return;
    }
    float_style st = {(char)fs->type, fs->prec < 0 ? 6 : (int)fs->prec, fs->alt, fs->no_neg_0, false,
                      fs->sign == '-' ? 0 : fs->sign};
    if (fs->type == 0)
        st.conv = fs->prec < 0 ? 'r' : 'q';
    else if (fs->type == 'n')
        st.conv = 'g';
    else if (fs->type == '%') {
        st.conv = 'f';
        st.percent = true;
    }
    layout lay = spec_layout(fs);
    emit_float(b, v, &st, &lay);
}

void rpy_builder_format_spec_int(rpy_builder *b, const char *spec, int64_t v) {
    if (spec[0] == '\0') {
        rpy_builder_add_int(b, v);
        return;
    }
    fmt_spec fs;
    if (!parse_spec(b, spec, "int", 'd', '>', &fs))
        return;
    int32_t t = fs.type != 0 ? fs.type : 'd';
    if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') {
        spec_float(b, &fs, (double)v);
        return;
    }
    if (!(t == 'b' || t == 'c' || t == 'd' || t == 'o' || t == 'x' || t == 'X' || t == 'n')) {
        unknown_code(b, t, "int");
        return;
    }
    if (fs.prec >= 0) {
        fail(b, RPY_EXC_VALUE, "Precision not allowed in integer format specifier");
        return;
    }
    if (fs.no_neg_0) {
        fail(b, RPY_EXC_VALUE, "Negative zero coercion (z) not allowed in integer format specifier");
        return;
    }
    layout lay = spec_layout(&fs);
    if (t == 'c') {
        if (fs.sign != 0) {
            fail(b, RPY_EXC_VALUE, "Sign not allowed with integer format specifier 'c'");
            return;
        }
        if (fs.alt) {
            fail(b, RPY_EXC_VALUE, "Alternate form (#) not allowed with integer format specifier 'c'");
            return;
        }
        if (v < 0 || v >= 0x110000) {
            fail(b, RPY_EXC_OVERFLOW, "%c arg not in range(0x110000)");
            return;
        }
        char buf[4];
        int n = rpy_utf8_encode((int32_t)v, buf);
        number num = {0, "", buf, n, rpy_utf8_count(buf, n), 0, "", 0};
        emit_number(b, &num, &lay);
        return;
    }
    int base = t == 'b' ? 2 : t == 'o' ? 8 : t == 'x' || t == 'X' ? 16 : 10;
    char buf[72], *end = buf + sizeof buf;
    char *p = u64_digits(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, base, t == 'X', end);
    number num = {v < 0 ? '-' : fs.sign == '-' ? 0 : fs.sign, "", p, end - p, end - p, 0, "", 0};
    if (fs.alt && base != 10)
        num.prefix = t == 'b' ? "0b" : t == 'o' ? "0o" : t == 'x' ? "0x" : "0X";
    if (base != 10)
        lay.group_size = 4;
    emit_number(b, &num, &lay);
}

void rpy_builder_format_spec_float(rpy_builder *b, const char *spec, double v) {
    if (spec[0] == '\0') {
        rpy_builder_add_float(b, v);
        return;
    }
    fmt_spec fs;
    if (!parse_spec(b, spec, "float", 0, '>', &fs))
        return;
    int32_t t = fs.type;
    if (!(t == 0 || t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == 'n' || t == '%')) {
        unknown_code(b, t, "float");
        return;
    }
    spec_float(b, &fs, v);
}

void rpy_builder_format_spec_str(rpy_builder *b, const char *spec, rpy_str *s) {
    const char *text = s != NULL ? s->data : "None";
    int64_t n = s != NULL ? s->length : 4, nchars = s != NULL ? s->nchars : 4;
    if (spec[0] == '\0') {
        rpy_builder_add_bytes(b, text, n);
        return;
    }
    fmt_spec fs;
    if (!parse_spec(b, spec, "str", 's', '<', &fs))
        return;
    if (fs.type != 0 && fs.type != 's') {
        unknown_code(b, fs.type, "str");
        return;
    }
    const char *err = NULL;
    if (fs.sign != 0)
        err = fs.sign == ' ' ? "Space not allowed in string format specifier"
                             : "Sign not allowed in string format specifier";
    else if (fs.no_neg_0)
        err = "Negative zero coercion (z) not allowed in string format specifier";
    else if (fs.alt)
        err = "Alternate form (#) not allowed in string format specifier";
    else if (fs.align == '=')
        err = "'=' alignment not allowed in string format specifier";
    if (err != NULL) {
        fail(b, RPY_EXC_VALUE, err);
        return;
    }
    if (fs.prec >= 0 && fs.prec < nchars) {
        n = s != NULL ? rpy_str_offset(s, fs.prec) : fs.prec;
        nchars = fs.prec;
    }
    layout lay = spec_layout(&fs);
    emit_text(b, text, n, nchars, &lay);
}
