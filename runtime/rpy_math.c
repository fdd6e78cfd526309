/* The math module: libm plus CPython's error rules.  A result that is NaN
 * from non-NaN arguments is a domain error (ValueError), an infinite
 * result from finite arguments a range error (OverflowError), both with
 * CPython's messages.  These are small and get inlined into generated
 * code once the runtime's bitcode is linked in. */

#include <math.h>

#include "rpy.h"

static double domain_error(void) {
    rpy_raise(RPY_EXC_VALUE, "math domain error");
    return 0.0;
}

static double range_error(void) {
    rpy_raise(RPY_EXC_OVERFLOW, "math range error");
    return 0.0;
}

/* The checks of one-argument functions; can_overflow says whether an
 * infinite result from a finite argument is an overflow (exp) rather than
 * a pole (log(0), which CPython reports as a domain error). */
static double check1(double x, double r, bool can_overflow) {
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return r;
}

static double check2(double x, double y, double r) {
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error();
    return r;
}

double rpy_math_sqrt(double x) {
    if (x < 0.0)
        return domain_error();
    return sqrt(x);
}

double rpy_math_exp(double x) { return check1(x, exp(x), true); }
double rpy_math_sin(double x) { return check1(x, sin(x), false); }
double rpy_math_cos(double x) { return check1(x, cos(x), false); }
double rpy_math_tan(double x) { return check1(x, tan(x), false); }
double rpy_math_atan(double x) { return atan(x); }
double rpy_math_fabs(double x) { return fabs(x); }

double rpy_math_log(double x) {
    if (x <= 0.0)
        return domain_error();
    return log(x);
}

double rpy_math_log10(double x) {
    if (x <= 0.0)
        return domain_error();
    return log10(x);
}

/* math.log(x, base): log(x) / log(base), so base 1 divides by zero. */
double rpy_math_log_base(double x, double base) {
    if (x <= 0.0 || base <= 0.0)
        return domain_error();
    double d = log(base);
    if (d == 0.0) {
        rpy_raise(RPY_EXC_ZERO_DIVISION, "float division by zero");
        return 0.0;
    }
    return log(x) / d;
}

double rpy_math_atan2(double y, double x) { return atan2(y, x); }

double rpy_math_hypot(double x, double y) {
    /* hypot(inf, nan) is inf, as C99 and CPython agree. */
    return check2(x, y, hypot(x, y));
}

double rpy_math_fmod(double x, double y) {
    if (isinf(x) && !isnan(y))
        return domain_error();
    if (y == 0.0 && !isnan(x))
        return domain_error();
    return fmod(x, y);
}

double rpy_math_pow(double x, double y) {
    /* C's pow already gives Python's answers for the special cases
     * (pow(1, nan) == 1, pow(nan, 0) == 1); what remains is which
     * results are errors. */
    if (x == 0.0 && y < 0.0 && isfinite(y))
        return domain_error();
    double r = pow(x, y);
    return check2(x, y, r);
}

/* floor/ceil return ints: the conversion errors of int(float). */
static int64_t to_int(double r) {
    if (isnan(r)) {
        rpy_raise(RPY_EXC_VALUE, "cannot convert float NaN to integer");
        return 0;
    }
    if (isinf(r)) {
        rpy_raise(RPY_EXC_OVERFLOW, "cannot convert float infinity to integer");
        return 0;
    }
    return rpy_float_to_int(r);
}

int64_t rpy_math_floor(double x) { return to_int(floor(x)); }
int64_t rpy_math_ceil(double x) { return to_int(ceil(x)); }
