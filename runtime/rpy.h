/* The runtime ABI shared by generated code and the C runtime.
 *
 * Generated LLVM IR calls only the functions declared here, with exactly
 * these signatures (translator/src/source/runtime_abi.rs mirrors this file;
 * change both together).  Every heap object starts with an rpy_hdr so the
 * collector (later) can find its type; prebuilt objects are emitted by the
 * translator as static data with the same layout.
 */
#ifndef RPY_H
#define RPY_H

#include <stdbool.h>
#include <stdint.h>

typedef struct rpy_hdr {
    uint32_t tid;     /* type id, see RPY_TID_* */
    uint32_t gcflags; /* RPY_GCFLAG_* */
} rpy_hdr;

enum { RPY_TID_STR = 1, RPY_TID_LIST_STR = 2 };
enum { RPY_GCFLAG_PREBUILT = 1 };

/* Immutable string: UTF-8 bytes, `length` bytes long, `nchars` code points.
 * `hash` is 0 until computed.  data[length] is always a NUL byte. */
typedef struct rpy_str {
    rpy_hdr hdr;
    int64_t hash;
    int64_t length;
    int64_t nchars;
    char data[];
} rpy_str;

/* A list of strings (argv for now). */
typedef struct rpy_list_str {
    rpy_hdr hdr;
    int64_t length;
    rpy_str **items;
} rpy_list_str;

/* Built-in exception kinds known to the runtime. The numbering is part of
 * the ABI: the translator passes these as i32 constants. */
enum rpy_exc_kind {
    RPY_EXC_ZERO_DIVISION = 0,
    RPY_EXC_OVERFLOW = 1,
    RPY_EXC_VALUE = 2,
    RPY_EXC_INDEX = 3,
    RPY_EXC_RECURSION = 4,
    RPY_EXC_MEMORY = 5,
    RPY_EXC_TYPE = 6,
    RPY_EXC_ASSERTION = 7,
    RPY_EXC_UNBOUND_LOCAL = 8,
};

/* --- provided by generated code ------------------------------------ */
/* The translated entry_point(argv); the result is the process exit code. */
int64_t rpy_entry_point(rpy_list_str *argv);

/* --- errors ---------------------------------------------------------- */
/* Until exceptions exist every raise is fatal: flush stdout, print
 * "<ExcName>: <msg>" (or just "<ExcName>" when msg is empty) on stderr,
 * exit(1). */
_Noreturn void rpy_raise(int32_t kind, const char *msg);
/* Called by rpy_stack_check when the stack is nearly exhausted. */
_Noreturn void rpy_stack_overflow(void);

/* Deep-recursion guard, called at the start of recursive functions.
 * Cheap: one compare against a limit computed at start-up.
 * (rpy_main.c defines it always_inline, so after linking the bitcode it
 * becomes a compare of the caller's frame address.  Note that LLVM's
 * tail-recursion elimination can still turn `return f(n + 1) + 1` into a
 * loop, so unbounded recursion would hang instead of raising; emitting
 * the recursive calls as `notail call` prevents that.) */
extern char *rpy_stack_limit;
void rpy_stack_check(void);

/* --- output (buffered stdout, flushed at exit and before errors) ------ */
void rpy_write_int(int64_t value);          /* like str(int) */
void rpy_write_float(double value);         /* like repr(float) */
void rpy_write_bool(bool value);            /* True / False */
void rpy_write_str(rpy_str *s);             /* raw text; NULL writes "None" */
void rpy_write_bytes(const char *p, int64_t n);
void rpy_write_char(int32_t byte);          /* one byte, e.g. ' ' or '\n' */

/* --- numbers ------------------------------------------------------- */
/* int ** int for exponent >= 0 (wrapping unless check_ovf); a negative
 * exponent raises ValueError (the result would be a float). */
int64_t rpy_int_pow(int64_t base, int64_t exp, bool check_ovf);
/* Python's float %, // and ** with CPython's error messages. */
double rpy_float_mod(double a, double b);
double rpy_float_floordiv(double a, double b);
double rpy_float_pow(double a, double b);
/* int(f): truncation; inf -> OverflowError, nan -> ValueError, outside
 * 64 bits -> OverflowError. */
int64_t rpy_float_to_int(double f);
/* Exact comparison of an int with a float, as Python does it:
 * returns -1, 0, 1, or 2 when f is NaN. */
int32_t rpy_int_float_compare(int64_t i, double f);
/* Python's round-half-even-free truediv of two ints, correctly rounded
 * (ZeroDivisionError is checked by the caller). */
double rpy_int_truediv(int64_t a, int64_t b);

/* --- strings ------------------------------------------------------- */
/* int(s) with base 10, CPython's rules (whitespace, sign, underscores);
 * ValueError "invalid literal for int() with base 10: '...'" otherwise. */
int64_t rpy_str_to_int(rpy_str *s);
bool rpy_str_eq(rpy_str *a, rpy_str *b);

#endif
