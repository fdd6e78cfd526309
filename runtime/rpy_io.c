/* Buffered stdout and the text forms of values (str(int), repr(float)).
 *
 * We keep our own buffer instead of stdio so that generated code pays for
 * a memcpy per write and nothing else, and so that rpy_raise can flush it
 * before writing the error to stderr.
 */
#define _POSIX_C_SOURCE 200809L

#include "rpy.h"
#include "rpy_internal.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUT_SIZE (64 * 1024)
static char out_buf[OUT_SIZE];
static size_t out_len;

void rpy_fd_write_all(int fd, const char *p, int64_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, (size_t)n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        p += w;
        n -= w;
    }
}

void rpy_io_flush(void) {
    /* Empty the buffer before writing so a second flush (e.g. the atexit
     * one after rpy_raise already flushed) cannot repeat output. */
    size_t n = out_len;
    out_len = 0;
    rpy_fd_write_all(1, out_buf, (int64_t)n);
}

void rpy_write_bytes(const char *p, int64_t n) {
    if (n <= 0)
        return;
    if ((uint64_t)n > OUT_SIZE - out_len) {
        rpy_io_flush();
        if (n >= OUT_SIZE) { /* would not fit anyway: skip the copy */
            rpy_fd_write_all(1, p, n);
            return;
        }
    }
    memcpy(out_buf + out_len, p, (size_t)n);
    out_len += (size_t)n;
}

void rpy_write_char(int32_t byte) {
    if (out_len == OUT_SIZE)
        rpy_io_flush();
    out_buf[out_len++] = (char)byte;
}

void rpy_write_str(rpy_str *s) {
    if (s == NULL)
        rpy_write_bytes("None", 4);
    else
        rpy_write_bytes(s->data, s->length);
}

void rpy_write_bool(bool value) {
    if (value)
        rpy_write_bytes("True", 4);
    else
        rpy_write_bytes("False", 5);
}

void rpy_write_int(int64_t value) {
    char buf[24];
    char *p = buf + sizeof buf;
    /* Work on the magnitude as unsigned so INT64_MIN needs no special case. */
    uint64_t m = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m != 0);
    if (value < 0)
        *--p = '-';
    rpy_write_bytes(p, buf + sizeof buf - p);
}

void rpy_write_float(double value) {
    char buf[RPY_FLOAT_REPR_MAX];
    int n = rpy_format_float(value, buf);
    rpy_write_bytes(buf, n);
}

/* ---- repr(float) ------------------------------------------------------
 *
 * CPython prints the shortest decimal that reads back as the same double,
 * choosing the one nearest the true value when several of that length do.
 * We get candidate digits from the C library, which rounds correctly
 * (glibc does), and use strtod, also correctly rounded, as the judge of
 * "reads back".  Three facts keep the number of attempts small:
 *  - a double's round-trip interval is narrower than 10^-15 relative, so
 *    it holds at most one 15-significant-digit decimal: if the rounded
 *    15-digit form fails no shorter form can succeed, and if it works
 *    the shortest form is it minus trailing zeros;
 *  - with 16 digits the interval may miss the nearest candidate yet hold
 *    its neighbour on the other side of x (the interval is lopsided at
 *    powers of two), so that neighbour gets a try too;
 *  - 17 correctly rounded digits always read back.
 */

/* A decimal d[0].d[1]..d[nd-1] x 10^exp10, digits as ASCII. */
typedef struct {
    char d[20];
    int nd;
    int exp10;
} decimal;

static double decimal_value(const decimal *dec) {
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.*se%d", dec->nd, dec->d, dec->exp10 - dec->nd + 1);
    return strtod(tmp, NULL);
}

/* x rounded to `prec` significant digits; x positive and finite. */
static void round_to_digits(double x, int prec, decimal *dec) {
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
    /* tmp is "D.DDDDe+XX", or "De+XX" when prec == 1. */
    const char *p = tmp;
    dec->nd = 0;
    while (*p != 'e') {
        if (*p != '.')
            dec->d[dec->nd++] = *p;
        p++;
    }
    dec->exp10 = atoi(p + 1);
}

static void strip_trailing_zeros(decimal *dec) {
    while (dec->nd > 1 && dec->d[dec->nd - 1] == '0')
        dec->nd--;
}

/* Move dec one unit in its last digit up (dir > 0) or down (dir < 0),
 * renormalising when the leading digit carries or vanishes. */
static void step_last_digit(decimal *dec, int dir) {
    int i = dec->nd - 1;
    if (dir > 0) {
        while (i >= 0 && dec->d[i] == '9')
            dec->d[i--] = '0';
        if (i >= 0) {
            dec->d[i]++;
        } else { /* 99..9 -> 100..0: one more place before the point */
            dec->d[0] = '1';
            dec->exp10++;
        }
    } else {
        while (i >= 0 && dec->d[i] == '0')
            dec->d[i--] = '9';
        dec->d[i]--; /* i >= 0: the leading digit is never 0 */
        if (dec->d[0] == '0') {
            /* 1.00eK -> 0.99eK: the neighbour at this precision is
             * 9.99e(K-1), so shift the nines up and append one more. */
            memmove(dec->d, dec->d + 1, (size_t)(dec->nd - 1));
            dec->d[dec->nd - 1] = '9';
            dec->exp10--;
        }
    }
}

/* Does dec, or failing that its neighbour on the far side of x, read back
 * as x?  Leaves the winner in dec. */
static bool round_trips(double x, decimal *dec) {
    double back = decimal_value(dec);
    if (back == x)
        return true;
    decimal other = *dec;
    step_last_digit(&other, back < x ? 1 : -1);
    if (decimal_value(&other) != x)
        return false;
    *dec = other;
    return true;
}

static void shortest_digits(double x, decimal *dec) {
    if (x < 9007199254740992.0 && x == floor(x)) {
        /* Whole numbers below 2^53 are exact and their neighbours are at
         * most 1 apart, so their plain decimal digits are the answer. */
        char tmp[24];
        int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)x);
        memcpy(dec->d, tmp, (size_t)n);
        dec->nd = n;
        dec->exp10 = n - 1;
    } else if (x < DBL_MIN) {
        /* Subnormals have fewer significant bits, so their intervals are
         * wide and the 15-digit shortcut below does not hold: search. */
        int prec = 1;
        do
            round_to_digits(x, prec, dec);
        while (!round_trips(x, dec) && ++prec <= 17);
    } else {
        round_to_digits(x, 15, dec);
        if (decimal_value(dec) != x) {
            round_to_digits(x, 16, dec);
            if (!round_trips(x, dec))
                round_to_digits(x, 17, dec);
        }
    }
    strip_trailing_zeros(dec);
}

int rpy_format_float(double x, char *buf) {
    if (isnan(x)) { /* CPython shows no sign on a NaN */
        strcpy(buf, "nan");
        return 3;
    }
    char *p = buf;
    if (signbit(x)) {
        *p++ = '-';
        x = -x;
    }
    if (isinf(x)) {
        strcpy(p, "inf");
        return (int)(p - buf) + 3;
    }
    if (x == 0) {
        strcpy(p, "0.0");
        return (int)(p - buf) + 3;
    }
    decimal dec;
    shortest_digits(x, &dec);
    int e = dec.exp10;
    if (e >= -4 && e < 16) { /* CPython's switch-over points */
        if (e < 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = -1; i > e; i--)
                *p++ = '0';
            memcpy(p, dec.d, (size_t)dec.nd);
            p += dec.nd;
        } else {
            int intdigits = e + 1;
            for (int i = 0; i < intdigits; i++)
                *p++ = i < dec.nd ? dec.d[i] : '0';
            *p++ = '.';
            if (dec.nd > intdigits) {
                memcpy(p, dec.d + intdigits, (size_t)(dec.nd - intdigits));
                p += dec.nd - intdigits;
            } else {
                *p++ = '0'; /* repr always shows a fractional part */
            }
        }
    } else {
        *p++ = dec.d[0];
        if (dec.nd > 1) {
            *p++ = '.';
            memcpy(p, dec.d + 1, (size_t)(dec.nd - 1));
            p += dec.nd - 1;
        }
        p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    *p = '\0';
    return (int)(p - buf);
}
