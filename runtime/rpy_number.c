/* Arithmetic whose Python meaning differs from the plain C operator:
 * int ** int, float %, //, **, int(float), int-vs-float comparison and
 * int / int.  Results and error messages follow CPython 3.11.
 */
#include "rpy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- int ** int --------------------------------------------------------- */

int64_t rpy_int_pow(int64_t base, int64_t exp, bool check_ovf) {
    if (exp < 0) {
        rpy_raise(RPY_EXC_VALUE,
                  "negative exponent in int ** int is not supported by the "
                  "translator (the result would be a float)");
        return 0;
    }
    if (!check_ovf) {
        /* Unsigned arithmetic wraps modulo 2^64 without undefined
         * behaviour, which is exactly RPython's wrapping semantics. */
        uint64_t b = (uint64_t)base, r = 1;
        for (uint64_t e = (uint64_t)exp; e != 0; e >>= 1) {
            if (e & 1)
                r *= b;
            b *= b;
        }
        return (int64_t)r;
    }
    int64_t r = 1;
    for (;;) {
        if ((exp & 1) && __builtin_mul_overflow(r, base, &r))
            goto overflow;
        exp >>= 1;
        if (exp == 0)
            return r;
        /* Squaring only happens when a later bit still needs base^(2^k).
         * If the square overflows, so does the result: base^(2^k) for
         * k >= 1 is a perfect square, never exactly 2^63, and r is
         * non-zero (base == 0 squares to 0 without overflowing). */
        if (__builtin_mul_overflow(base, base, &base))
            goto overflow;
    }
overflow:
    rpy_raise(RPY_EXC_OVERFLOW, "integer overflow");
    return 0;
}

/* ---- float %, //, ** ------------------------------------------------- */

/* Python's x % y takes the sign of y.  fmod is exact and takes the sign of
 * x; when the signs disagree, adding y fixes it (this sum may round, as
 * it does in CPython). */
static double python_mod(double b, double rem) {
    if (rem == 0)
        return copysign(0.0, b); /* 0 takes y's sign too: -1.0 % 1.0 == 0.0 */
    if ((rem < 0) != (b < 0))
        rem += b;
    return rem;
}

double rpy_float_mod(double a, double b) {
    if (b == 0) {
        rpy_raise(RPY_EXC_ZERO_DIVISION, "float modulo");
        return 0;
    }
    return python_mod(b, fmod(a, b));
}

double rpy_float_floordiv(double a, double b) {
    if (b == 0) {
        rpy_raise(RPY_EXC_ZERO_DIVISION, "float floor division by zero");
        return 0;
    }
    /* a - fmod(a, b) is (nearly) an exact multiple of b, so this quotient
     * is close to an integer; the adjustments below make it agree with the
     * modulo above, so that a == (a // b) * b + a % b as far as rounding
     * allows. */
    double rem = fmod(a, b);
    double q = (a - rem) / b;
    if (rem != 0 && (rem < 0) != (b < 0))
        q -= 1.0;
    if (q == 0) /* -0.0 when the true quotient is negative */
        return copysign(0.0, a / b);
    double fl = floor(q);
    if (q - fl > 0.5) /* q was a rounded integer from below */
        fl += 1.0;
    return fl;
}

static bool is_odd_integer(double x) {
    return fmod(fabs(x), 2.0) == 1.0;
}

double rpy_float_pow(double a, double b) {
    /* C's pow() agrees with IEEE 754 on most special cases, but Python
     * differs (errors instead of inf/nan) and libms have had bugs, so
     * every non-finite or degenerate case is settled here. */
    if (b == 0)
        return 1.0; /* even 0 ** 0 and nan ** 0 */
    if (isnan(a))
        return a;
    if (isnan(b))
        return a == 1.0 ? 1.0 : b;
    if (isinf(b)) {
        double m = fabs(a);
        if (m == 1.0)
            return 1.0;
        /* Growing to infinity or shrinking to zero */
        return (b > 0) == (m > 1.0) ? INFINITY : 0.0;
    }
    if (isinf(a)) {
        bool odd = is_odd_integer(b);
        if (b > 0)
            return odd ? a : INFINITY;
        return odd ? copysign(0.0, a) : 0.0;
    }
    if (a == 0) {
        if (b < 0) {
            rpy_raise(RPY_EXC_ZERO_DIVISION,
                      "0.0 cannot be raised to a negative power");
            return 0;
        }
        return is_odd_integer(b) ? a : 0.0;
    }
    bool negate = false;
    if (a < 0) {
        if (b != floor(b)) {
            /* CPython returns a complex number, or fails when its
             * magnitude |a| ** b overflows. */
            if (isinf(pow(-a, b)))
                rpy_raise(RPY_EXC_OVERFLOW, "complex exponentiation");
            else
                rpy_raise(RPY_EXC_VALUE,
                          "negative number cannot be raised to a fractional "
                          "power (complex result not supported)");
            return 0;
        }
        a = -a;
        negate = is_odd_integer(b);
    }
    if (a == 1.0) /* (-1) ** huge_even_or_odd: exact, never a libm call */
        return negate ? -1.0 : 1.0;
    double r = pow(a, b);
    /* Inputs are finite here, so an infinite result is an overflow.
     * Underflow to 0 is silently accepted, as in CPython. */
    if (isinf(r)) {
        rpy_raise(RPY_EXC_OVERFLOW, "(34, 'Numerical result out of range')");
        return 0;
    }
    return negate ? -r : r;
}

/* ---- conversions and mixed comparisons ------------------------------- */

#define TWO_63 9223372036854775808.0

int64_t rpy_float_to_int(double f) {
    if (isinf(f)) {
        rpy_raise(RPY_EXC_OVERFLOW, "cannot convert float infinity to integer");
        return 0;
    }
    if (isnan(f)) {
        rpy_raise(RPY_EXC_VALUE, "cannot convert float NaN to integer");
        return 0;
    }
    double t = trunc(f);
    /* Both bounds are powers of two and so exact; -2^63 itself fits. */
    if (t >= TWO_63 || t < -TWO_63) {
        rpy_raise(RPY_EXC_OVERFLOW,
                  "int too large to convert to a 64-bit machine integer");
        return 0;
    }
    return (int64_t)t;
}

int32_t rpy_int_float_compare(int64_t i, double f) {
    /* Converting i to double could round (above 2^53), so instead bring
     * f to the integers: outside [-2^63, 2^63) the answer is obvious,
     * inside, trunc(f) converts exactly and the fraction breaks ties. */
    if (isnan(f))
        return 2;
    if (f >= TWO_63)
        return -1;
    if (f < -TWO_63)
        return 1;
    double t = trunc(f);
    int64_t ti = (int64_t)t;
    if (i != ti)
        return i < ti ? -1 : 1;
    double frac = f - t; /* exact */
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

/* ---- int / int ------------------------------------------------------- */

#define TWO_53 ((uint64_t)1 << 53)

double rpy_int_truediv(int64_t a, int64_t b) {
    uint64_t ua = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    /* Both operands convert exactly, and IEEE division rounds once. This
     * also gives 0 / -5 == -0.0 as in CPython. */
    if (ua <= TWO_53 && ub <= TWO_53)
        return (double)a / (double)b;
    if (ua == 0)
        return b < 0 ? -0.0 : 0.0;
    /* Scale the numerator so the integer quotient lands in [2^62, 2^64):
     * that is 63 or 64 bits, 10 or more beyond a double's 53.  Folding a
     * non-zero remainder into the lowest bit ("sticky bit") keeps ties
     * and near-ties apart, so the single correctly rounded u64 -> double
     * conversion rounds the quotient exactly as the true ratio would. */
    int la = 64 - __builtin_clzll(ua);
    int lb = 64 - __builtin_clzll(ub);
    int shift = 63 + lb - la; /* in [0, 126]: la <= 64, lb >= 1 */
    unsigned __int128 num = (unsigned __int128)ua << shift;
    uint64_t q = (uint64_t)(num / ub);
    if (num % ub != 0)
        q |= 1;
    /* The ratio lies within [2^-63, 2^63], far from subnormals and
     * overflow, so scaling by a power of two is exact. */
    double r = ldexp((double)q, -shift);
    return (a < 0) != (b < 0) ? -r : r;
}

/* ---- divmod and round ---------------------------------------------- */

void rpy_float_divmod_check(double b) {
    if (b == 0.0)
        rpy_raise(RPY_EXC_ZERO_DIVISION, "float divmod()");
}

int64_t rpy_float_round_to_int(double x) {
    /* nearbyint rounds halfway cases to even in the default mode. */
    return rpy_float_to_int(isfinite(x) ? nearbyint(x) : x);
}

/* round(x, n) as CPython computes it: x's exact decimal expansion (a
 * double has one, of at most 1074 fraction digits) rounded half to even
 * at the n-th digit after the point (before it for n < 0), then read
 * back, correctly rounded, by strtod. */
double rpy_float_round(double x, int64_t n) {
    if (!isfinite(x) || x == 0.0 || n > 323)
        return x;
    if (n < -308)
        return 0.0 * x;
    static char buf[1500];
    int len = snprintf(buf, sizeof buf, "%.1100f", fabs(x));
    if (len <= 0 || len >= (int)sizeof buf)
        return x;
    /* The digits without the point; `point` of them are before it. */
    char digits[1500];
    int nd = 0, point = 0;
    for (int i = 0; i < len; i++) {
        if (buf[i] == '.')
            point = nd;
        else
            digits[nd++] = buf[i];
    }
    int64_t keep = point + n; /* digits kept */
    char out[1600];
    if (keep < 0) {
        /* Below half a unit of the last kept place: zero. */
        return copysign(0.0, x);
    }
    int k = (int)keep;
    bool up = false;
    if (k < nd && digits[k] >= '5') {
        bool rest_nonzero = false;
        for (int i = k + 1; i < nd; i++)
            rest_nonzero |= digits[i] != '0';
        bool last_odd = k > 0 && (digits[k - 1] - '0') % 2 == 1;
        up = digits[k] > '5' || rest_nonzero || last_odd;
    }
    int m = 0;
    out[m++] = '0'; /* room for a carry */
    for (int i = 0; i < k && i < nd; i++)
        out[m++] = digits[i];
    for (int i = nd; i < k; i++)
        out[m++] = '0';
    if (up) {
        int i = m - 1;
        while (out[i] == '9')
            out[i--] = '0';
        out[i]++;
    }
    snprintf(out + m, sizeof out - (size_t)m, "e%lld", (long long)-n);
    double r = strtod(out, NULL);
    if (isinf(r)) {
        rpy_raise(RPY_EXC_OVERFLOW, "rounded value too large to represent");
        return 0.0;
    }
    return copysign(r, x);
}

/* round(v, n) of an int: v itself for n >= 0, else rounded half to even
 * to a multiple of 10**-n. */
int64_t rpy_int_round(int64_t v, int64_t n) {
    if (n >= 0)
        return v;
    if (n < -19)
        return 0;
    __int128 p = 1;
    for (int64_t i = 0; i < -n; i++)
        p *= 10;
    __int128 a = v < 0 ? -(__int128)v : v;
    __int128 q = a / p, r = a % p;
    if (2 * r > p || (2 * r == p && q % 2 == 1))
        q++;
    __int128 res = q * p;
    if (v < 0)
        res = -res;
    if (res > INT64_MAX || res < INT64_MIN) {
        rpy_raise(RPY_EXC_OVERFLOW, "Python int too large to convert to C int64");
        return 0;
    }
    return (int64_t)res;
}
