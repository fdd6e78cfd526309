/* Unit tests for the C runtime.
 *
 * Linked with the whole runtime, rpy_main.c included: its main() builds
 * argv and calls the rpy_entry_point below, which runs every check.  Run
 * it through `make test`, which passes the arguments the argv checks
 * expect.  Anything that ends in rpy_raise (and so exit(1)) runs in a
 * forked child whose stdout, stderr and exit status are compared.
 * Expected values were computed with CPython 3.11 and pasted in.
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "check.h"
#include "runtime_types.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* rpy_main.c's main() starts the collector, which reads the type table
 * (generated code defines it): the runtime's own types, as every program
 * has them, and the exception classes below. */
/* Exceptions raised by the runtime are instances of one class per kind
 * (generated code emits the real hierarchy): a header and the message. */
const rpy_type_info rpy_type_table[] = {
    RPY_RUNTIME_TYPE_ENTRIES,
    RPY_TEST_EXC_ENTRIES(RPY_TID_FIRST_USER),
};
const uint32_t rpy_type_count = RPY_TID_FIRST_USER + RPY_EXC_KIND_COUNT;
const uint32_t rpy_exc_kind_tids[] = RPY_TEST_EXC_KIND_TIDS(RPY_TID_FIRST_USER);
const char *const rpy_type_names[RPY_TID_FIRST_USER + RPY_EXC_KIND_COUNT] = {
    [16] = "ZeroDivisionError", [17] = "OverflowError", [18] = "ValueError",
    [19] = "IndexError", [20] = "RecursionError", [21] = "MemoryError",
    [22] = "TypeError", [23] = "AssertionError", [24] = "UnboundLocalError",
    [25] = "AttributeError", [26] = "KeyError", [27] = "NameError",
    [28] = "OSError", [29] = "FileNotFoundError", [30] = "PermissionError",
    [31] = "IsADirectoryError", [32] = "NotADirectoryError", [33] = "FileExistsError",
    [34] = "UnicodeDecodeError", [35] = "UnsupportedOperation",
};
const uint32_t rpy_exc_message_offset = 8;
const rpy_location rpy_locations[] = {{"test.py", "f", "f()", 1}};

static rpy_str *make_str(const char *text) {
    size_t n = strlen(text);
    rpy_str *s = malloc(sizeof(rpy_str) + n + 1);
    s->hdr.tid = RPY_TID_STR;
    s->hdr.gcflags = 0;
    s->hash = 0;
    s->length = (int64_t)n;
    s->nchars = 0; /* not used by the functions under test */
    memcpy(s->data, text, n + 1);
    return s;
}

/* ---- running an action in a child process ----------------------------- */

enum op { OP_MOD, OP_FDIV, OP_POW, OP_TOINT, OP_IPOW, OP_PARSE, OP_RAISE, OP_RECURSE, OP_WRITES, OP_BIG };

typedef struct {
    enum op op;
    double x, y;
    int64_t i, j;
    const char *s;
} call;

static volatile double sink_d;
static volatile int64_t sink_i;

__attribute__((noinline)) static int64_t recurse(int64_t n, int64_t stop) {
    rpy_stack_check();
    if (rpy_exc_value != NULL) /* RecursionError: unwind, as generated code does */
        return 0;
    volatile char pad[128]; /* a realistic frame size */
    pad[0] = (char)n;
    if (n == stop)
        return 0;
    return recurse(n + 1, stop) + pad[0];
}

static void perform(const call *c) {
    switch (c->op) {
    case OP_MOD: sink_d = rpy_float_mod(c->x, c->y); break;
    case OP_FDIV: sink_d = rpy_float_floordiv(c->x, c->y); break;
    case OP_POW: sink_d = rpy_float_pow(c->x, c->y); break;
    case OP_TOINT: sink_i = rpy_float_to_int(c->x); break;
    case OP_IPOW: sink_i = rpy_int_pow(c->i, c->j, c->s != NULL); break;
    case OP_PARSE: sink_i = rpy_str_to_int(c->s != NULL ? make_str(c->s) : NULL); break;
    case OP_RAISE:
        rpy_write_bytes("partial", 7); /* must come out before the error */
        rpy_raise((int32_t)c->i, c->s);
        if (c->j) /* leaving frames: "f" at test.py:1, c->j times */
            for (int64_t k = 0; k < c->j; k++)
                rpy_traceback_add(0);
        break;
    case OP_RECURSE: sink_i = recurse(0, c->i); break;
    case OP_WRITES:
        rpy_write_int(INT64_MIN);
        rpy_write_char(' ');
        rpy_write_int(INT64_MAX);
        rpy_write_char(' ');
        rpy_write_int(0);
        rpy_write_char(' ');
        rpy_write_int(-1);
        rpy_write_char(' ');
        rpy_write_bool(true);
        rpy_write_bool(false);
        rpy_write_char(' ');
        rpy_write_str(NULL);
        rpy_write_str(make_str(" h\xc3\xa9 "));
        rpy_write_float(-0.0);
        rpy_write_char(' ');
        rpy_write_float(1e16);
        rpy_write_bytes("a\0b", 3);
        rpy_write_char('\n');
        break;
    case OP_BIG: /* more than the 64 KiB buffer, in pieces and at once */
        for (int k = 0; k < 70; k++) {
            char chunk[1000];
            memset(chunk, 'a' + k % 26, sizeof chunk);
            rpy_write_bytes(chunk, sizeof chunk);
        }
        static char huge[100000];
        memset(huge, 'z', sizeof huge);
        rpy_write_bytes(huge, sizeof huge);
        rpy_write_char('\n');
        break;
    }
}

static char child_out[200000], child_err[4096];
static int child_status; /* exit code, or 128 + signal */
static bool child_traceback; /* stderr started with the traceback header */

static void read_all(int fd, char *buf, size_t cap) {
    size_t n = 0;
    ssize_t r;
    while ((r = read(fd, buf + n, cap - 1 - n)) > 0)
        n += (size_t)r;
    buf[n] = '\0';
    close(fd);
}

static void run_child(const call *c) {
    fflush(stdout);
    rpy_io_flush();
    int po[2], pe[2];
    if (pipe(po) != 0 || pipe(pe) != 0) {
        perror("pipe");
        exit(2);
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(po[1]);
        close(pe[0]);
        close(pe[1]);
        perform(c);
        if (rpy_exc_value != NULL)
            rpy_report_uncaught();
        rpy_io_flush();
        _exit(0);
    }
    close(po[1]);
    close(pe[1]);
    read_all(po[0], child_out, sizeof child_out); /* stderr output is small */
    read_all(pe[0], child_err, sizeof child_err);
    /* Errors are compared without the traceback header (checked once in
     * test_raise). */
    static const char header[] = "Traceback (most recent call last):\n";
    child_traceback = strncmp(child_err, header, sizeof header - 1) == 0;
    if (child_traceback)
        memmove(child_err, child_err + sizeof header - 1, strlen(child_err) - (sizeof header - 1) + 1);
    int st;
    waitpid(pid, &st, 0);
    child_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* The call must end the process with status 1 and exactly this stderr. */
static void expect_error(const char *what, call c, const char *err) {
    run_child(&c);
    check(child_status == 1 && strcmp(child_err, err) == 0,
          "%s: status %d, stderr '%s', expected '%s'", what, child_status, child_err, err);
}

/* ---- repr(float) ---------------------------------------------------- */

static const struct {
    double x;
    const char *repr;
} repr_cases[] = {
    {0x0.0p+0, "0.0"},
    {-0x0.0p+0, "-0.0"},
    {INFINITY, "inf"},
    {-INFINITY, "-inf"},
    {NAN, "nan"},
    {0x1.0000000000000p+0, "1.0"},
    {-0x1.0000000000000p+0, "-1.0"},
    {0x1.999999999999ap-4, "0.1"},
    {0x1.999999999999ap-3, "0.2"},
    {0x1.3333333333334p-2, "0.30000000000000004"},
    {0x1.3333333333333p-2, "0.3"},
    {0x1.5555555555555p-2, "0.3333333333333333"},
    {0x1.5555555555555p-1, "0.6666666666666666"},
    {0x1.1c37937e08000p+53, "1e+16"},
    {0x1.c6bf526340000p+49, "1000000000000000.0"},
    {0x1.1c37937e07fffp+53, "9999999999999998.0"},
    {0x1.18b54f22aeb00p+50, "1234567890123456.0"},
    {0x1.18b54f22aeb03p+50, "1234567890123456.8"},
    {0x1.b69b4ba630f35p+56, "1.2345678901234568e+17"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.4f8b588e368f1p-17, "1e-05"},
    {0x1.02e4b6ce5dc68p-13, "0.00012345"},
    {0x1.9e3abe16fc70dp-17, "1.2345e-05"},
    {0x1.421f5f40d8376p-23, "1.5e-07"},
    {0x1.0f0cf064dd592p+73, "1e+22"},
    {0x1.b1ae4d6e2ef50p+69, "1e+21"},
    {0x1.52d02c7e14af6p+76, "1e+23"},
    {0x1.249ad2594c37dp+332, "1e+100"},
    {0x1.4ff632b6a83e4p-332, "1.5e-100"},
    {0x1.fe185ca57c517p+78, "6.02214076e+23"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.0000000000001p+53, "9007199254740994.0"},
    {0x1.0000000000000p+63, "9.223372036854776e+18"},
    {0x1.0000000000000p+64, "1.8446744073709552e+19"},
    {0x0.0000000000001p-1022, "5e-324"},
    {-0x0.0000000000001p-1022, "-5e-324"},
    {0x0.0000000000002p-1022, "1e-323"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {0x0.fffffffffffffp-1022, "2.225073858507201e-308"},
    {0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
    {0x1.b2fffffffffffp+8, "434.99999999999994"},
    {0x1.35c28f5c28f5dp+0, "1.2100000000000002"},
    {0x1.9999999999998p-4, "0.09999999999999998"},
    {0x1.9999999999999p-1, "0.7999999999999999"},
    {0x1.edd2f1a9fbe77p+6, "123.456"},
    {-0x1.edd2f1a9fbe77p+6, "-123.456"},
    {0x1.9000000000000p+6, "100.0"},
    {0x1.4000000000000p+1, "2.5"},
    {0x1.0000000000000p-1, "0.5"},
    {0x1.56e1fc2f8f359p-997, "1e-300"},
    {0x1.0000000000000p-20, "9.5367431640625e-07"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {0x0.00000000003e8p-1022, "4.94e-321"},
    {0x1.0000000000001p+0, "1.0000000000000002"},
    {0x1.fffffffffffffp-1, "0.9999999999999999"},
    {0x0.0000000000064p-1022, "4.94e-322"},
    {0x1.ad7f29abcaf48p-24, "1e-07"},
    {0x1.7e43c8800759cp+996, "1e+300"},
    {0x0.05c0ab9347ed7p-1022, "5e-310"},
    {0x1.c7e83209e90b2p+72, "8.41e+21"},
    {0x1.0000000000000p+68, "2.9514790517935283e+20"},
    {0x1.c6bf526340002p+49, "1000000000000000.2"},
    {0x1.1c37937e08000p+52, "5000000000000000.0"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.0624dd2f1a9fcp-10, "0.001"},
    {0x1.2492492492492p-3, "0.14285714285714285"},
    {0x1.f75104d551d69p-16, "3e-05"},
    {0x1.56a95319d63e1p+63, "1.2345678901234567e+19"},
};

static void test_float_repr(void) {
    char buf[RPY_FLOAT_REPR_MAX];
    for (size_t k = 0; k < sizeof repr_cases / sizeof repr_cases[0]; k++) {
        int n = rpy_format_float(repr_cases[k].x, buf);
        check(strcmp(buf, repr_cases[k].repr) == 0 && n == (int)strlen(buf),
              "repr(%a) gave '%s', expected '%s'", repr_cases[k].x, buf, repr_cases[k].repr);
    }
}

/* ---- float %, //, ** over special values ------------------------------ */

/* matrix[op][row] lists, space separated, repr(V[row] <op> V[col]) for
 * each column; "!Z", "!O", "!V" mean ZeroDivisionError, OverflowError,
 * ValueError (exact messages are checked in test_errors). */
static const double V[] = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, -3.0, INFINITY, -INFINITY, NAN};
#define NV (sizeof V / sizeof V[0])
static const char *const matrix[3][NV] = {
    { /* % */
        "!Z !Z 0.0 -0.0 0.0 -0.0 0.0 -0.0 0.0 -0.0 nan",
        "!Z !Z 0.0 -0.0 0.0 -0.0 0.0 -0.0 0.0 -0.0 nan",
        "!Z !Z 0.0 -0.0 0.0 -1.5 1.0 -2.0 1.0 -inf nan",
        "!Z !Z 0.0 -0.0 0.0 -1.0 2.0 -1.0 inf -1.0 nan",
        "!Z !Z 0.5 -0.5 0.0 -2.0 0.5 -2.5 0.5 -inf nan",
        "!Z !Z 0.5 -0.5 0.0 -0.0 0.5 -2.5 inf -2.5 nan",
        "!Z !Z 0.0 -0.0 0.0 -2.0 0.0 -0.0 3.0 -inf nan",
        "!Z !Z 0.0 -0.0 0.0 -0.5 0.0 -0.0 inf -3.0 nan",
        "!Z !Z nan nan nan nan nan nan nan nan nan",
        "!Z !Z nan nan nan nan nan nan nan nan nan",
        "!Z !Z nan nan nan nan nan nan nan nan nan",
    },
    { /* // */
        "!Z !Z 0.0 -0.0 0.0 -0.0 0.0 -0.0 0.0 -0.0 nan",
        "!Z !Z -0.0 0.0 -0.0 0.0 -0.0 0.0 -0.0 0.0 nan",
        "!Z !Z 1.0 -1.0 2.0 -1.0 0.0 -1.0 0.0 -1.0 nan",
        "!Z !Z -1.0 1.0 -2.0 0.0 -1.0 0.0 -1.0 0.0 nan",
        "!Z !Z 0.0 -1.0 1.0 -1.0 0.0 -1.0 0.0 -1.0 nan",
        "!Z !Z -3.0 2.0 -5.0 1.0 -1.0 0.0 -1.0 0.0 nan",
        "!Z !Z 3.0 -3.0 6.0 -2.0 1.0 -1.0 0.0 -1.0 nan",
        "!Z !Z -3.0 3.0 -6.0 1.0 -1.0 1.0 -1.0 0.0 nan",
        "!Z !Z nan nan nan nan nan nan nan nan nan",
        "!Z !Z nan nan nan nan nan nan nan nan nan",
        "!Z !Z nan nan nan nan nan nan nan nan nan",
    },
    { /* ** */
        "1.0 1.0 0.0 !Z 0.0 !Z 0.0 !Z 0.0 inf nan",
        "1.0 1.0 -0.0 !Z 0.0 !Z -0.0 !Z 0.0 inf nan",
        "1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0",
        "1.0 1.0 -1.0 -1.0 !V !V -1.0 -1.0 1.0 1.0 nan",
        "1.0 1.0 0.5 2.0 0.7071067811865476 5.656854249492381 0.125 8.0 0.0 inf nan",
        "1.0 1.0 -2.5 -0.4 !V !V -15.625 -0.064 inf 0.0 nan",
        "1.0 1.0 3.0 0.3333333333333333 1.7320508075688772 0.06415002990995841 27.0 0.037037037037037035 inf 0.0 nan",
        "1.0 1.0 -3.0 -0.3333333333333333 !V !V -27.0 -0.037037037037037035 inf 0.0 nan",
        "1.0 1.0 inf 0.0 inf 0.0 inf 0.0 inf 0.0 nan",
        "1.0 1.0 -inf -0.0 inf 0.0 -inf -0.0 inf 0.0 nan",
        "1.0 1.0 nan nan nan nan nan nan nan nan nan",
    },
};

static double apply(int op, double a, double b) {
    return op == 0 ? rpy_float_mod(a, b) : op == 1 ? rpy_float_floordiv(a, b) : rpy_float_pow(a, b);
}

static void test_float_ops(void) {
    static const char *const opname[] = {"%", "//", "**"};
    for (int op = 0; op < 3; op++) {
        for (size_t r = 0; r < NV; r++) {
            char row[256];
            snprintf(row, sizeof row, "%s", matrix[op][r]);
            char *save = NULL;
            char *tok = strtok_r(row, " ", &save);
            for (size_t col = 0; col < NV; col++, tok = strtok_r(NULL, " ", &save)) {
                double a = V[r], b = V[col];
                if (tok[0] == '!') {
                    const char *name = tok[1] == 'Z' ? "ZeroDivisionError: " : tok[1] == 'O' ? "OverflowError: " : "ValueError: ";
                    call c = {.op = (enum op)op, .x = a, .y = b};
                    run_child(&c);
                    check(child_status == 1 && strncmp(child_err, name, strlen(name)) == 0,
                          "%g %s %g: status %d stderr '%s', expected %s", a, opname[op], b, child_status, child_err, name);
                } else {
                    char got[RPY_FLOAT_REPR_MAX];
                    rpy_format_float(apply(op, a, b), got);
                    check(strcmp(got, tok) == 0, "%g %s %g gave %s, expected %s", a, opname[op], b, got, tok);
                }
            }
        }
    }
    /* Rounding in the sign fix-up, as in CPython. */
    check(rpy_float_mod(-1e-300, 1.0) == 1.0, "-1e-300 %% 1.0");
    check(rpy_float_floordiv(-1e-300, 1.0) == -1.0, "-1e-300 // 1.0");
    check(rpy_float_mod(1e300, -1e-300) == -0x1.5e51cdefa4716p-998, "1e300 %% -1e-300");
    check(rpy_float_pow(2.0, -1080.0) == 0.0, "2.0 ** -1080 underflows quietly");
    check(rpy_float_pow(-1.0, 1e300) == 1.0 && rpy_float_pow(-1.0, 0x1.fffffffffffffp+52) == -1.0, "(-1) ** huge");
    check(rpy_float_pow(-2.0, 3.0) == -8.0 && rpy_float_pow(4.0, 0.5) == 2.0, "small powers");
}

/* ---- int vs float, int / int, int ** int ------------------------------ */

static const struct {
    int64_t i;
    double f;
    int32_t want;
} compare_cases[] = {
    {9007199254740993LL, 0x1.0000000000000p+53, 1},
    {9007199254740992LL, 0x1.0000000000000p+53, 0},
    {9007199254740991LL, 0x1.0000000000000p+53, -1},
    {INT64_MAX, 0x1.0000000000000p+63, -1},
    {INT64_MIN, -0x1.0000000000000p+63, 0},
    {-9223372036854775807LL, -0x1.0000000000000p+63, 1},
    {3, 0x1.c000000000000p+1, -1},
    {-3, -0x1.c000000000000p+1, 1},
    {0, -0x0.0p+0, 0},
    {0, 0x0.0000000000001p-1022, -1},
    {0, -0x0.0000000000001p-1022, 1},
    {4611686018427387905LL, 0x1.0000000000000p+62, 1},
    {-4611686018427387905LL, -0x1.0000000000000p+62, -1},
    {1, NAN, 2},
    {1, INFINITY, -1},
    {1, -INFINITY, 1},
    {INT64_MAX, 0x1.fffffffffffffp+62, 1},
    {9223372036854774784LL, 0x1.fffffffffffffp+62, 0},
    {INT64_MIN, -0x1.0000000000001p+63, 1},
    {123, 0x1.ec00000000000p+6, 0},
    {7, 0x1.7e43c8800759cp+996, -1},
};

static const struct {
    int64_t a, b;
    double want;
} truediv_cases[] = {
    {INT64_MAX, 3, 0x1.5555555555555p+61}, /* 3.0744573456182584e+18 */
    {INT64_MIN, -1, 0x1.0000000000000p+63}, /* 9.223372036854776e+18 */
    {INT64_MIN, INT64_MAX, -0x1.0000000000000p+0}, /* -1.0 */
    {1000000000000000001LL, 1000000000000000000LL, 0x1.0000000000000p+0}, /* 1.0 */
    {1, INT64_MIN, -0x1.0000000000000p-63}, /* -1.0842021724855044e-19 */
    {9007199254740993LL, 1, 0x1.0000000000000p+53}, /* 9007199254740992.0 */
    {9007199254740995LL, 1, 0x1.0000000000002p+53}, /* 9007199254740996.0 */
    {0, -5, -0x0.0p+0}, /* -0.0 */
    {-7, 2, -0x1.c000000000000p+1}, /* -3.5 */
    {INT64_MAX, INT64_MAX, 0x1.0000000000000p+0}, /* 1.0 */
    {INT64_MAX, 4611686018427387904LL, 0x1.0000000000000p+1}, /* 2.0 */
    {6004799503160661LL, 18014398509481986LL, 0x1.5555555555554p-2}, /* 0.33333333333333326 */
    {-36028797018963971LL, 2, -0x1.0000000000000p+54}, /* -1.8014398509481984e+16 */
    {7395308864977387832LL, -66, -0x1.8e1500e50cb37p+56}, /* -1.1205013431783922e+17 */
    {1363974157860798087LL, 63547295744LL, 0x1.47837159a0314p+24}, /* 21463921.35010059 */
    {-2154146310963576526LL, -2500579846692504LL, 0x1.aebab74c1c58dp+9}, /* 861.458718789903 */
    {-697187988275607354LL, 1658797277629762604LL, -0x1.ae62692e87f18p-2}, /* -0.42029728266241895 */
    {-2952225622301071832LL, -1588, 0x1.a6b4f08498d1fp+50}, /* 1859084145025863.8 */
    {2339153633436019486LL, 3249994626LL, 0x1.5732fb0d1a417p+29}, /* 719740769.6378201 */
    {-1589695769437602206LL, -2357897852511252LL, 0x1.5119a803dfc30p+9}, /* 674.20043991495 */
    {6359218025698924370LL, -12, -0x1.d6ad3b35a5932p+58}, /* -5.2993483547491034e+17 */
    {-1537842891513630415LL, -2657779, 0x1.0d70d359d2fdbp+39}, /* 578619550953.4955 */
    {-319832048951238441LL, -15954685044LL, 0x1.31e1c5d2610fep+24}, /* 20046277.82179355 */
    {-2324088206796589828LL, 182, -0x1.6aefe87cdea3ap+53}, /* -1.2769715421959284e+16 */
};

static const struct {
    int64_t base, exp;
    bool ovf;
    int64_t want;
} ipow_cases[] = {
    {2, 62, 1, 4611686018427387904LL},
    {2, 63, 0, INT64_MIN},
    {-2, 63, 1, INT64_MIN},
    {3, 39, 1, 4052555153018976267LL},
    {0, 0, 1, 1},
    {0, 5, 1, 0},
    {-1, 4611686018427387905LL, 1, -1},
    {-1, 4611686018427387904LL, 0, 1},
    {10, 19, 0, -8446744073709551616LL},
    {7, 4611686018427387907LL, 0, 343},
    {-3, 5, 1, -243},
    {INT64_MIN, 1, 1, INT64_MIN},
    {4294967296LL, 1, 1, 4294967296LL},
    {1, INT64_MAX, 1, 1},
    {12345, 4, 1, 23225462820950625LL},
    {3, 1000, 0, 6203307696791771937LL},
};

static void test_int_float(void) {
    for (size_t k = 0; k < sizeof compare_cases / sizeof compare_cases[0]; k++) {
        int32_t got = rpy_int_float_compare(compare_cases[k].i, compare_cases[k].f);
        check(got == compare_cases[k].want, "compare(%lld, %a) gave %d, expected %d",
              (long long)compare_cases[k].i, compare_cases[k].f, got, compare_cases[k].want);
    }
    for (size_t k = 0; k < sizeof truediv_cases / sizeof truediv_cases[0]; k++) {
        double got = rpy_int_truediv(truediv_cases[k].a, truediv_cases[k].b);
        check(memcmp(&got, &truediv_cases[k].want, sizeof got) == 0, "%lld / %lld gave %a, expected %a",
              (long long)truediv_cases[k].a, (long long)truediv_cases[k].b, got, truediv_cases[k].want);
    }
    for (size_t k = 0; k < sizeof ipow_cases / sizeof ipow_cases[0]; k++) {
        int64_t got = rpy_int_pow(ipow_cases[k].base, ipow_cases[k].exp, ipow_cases[k].ovf);
        check(got == ipow_cases[k].want, "%lld ** %lld gave %lld, expected %lld", (long long)ipow_cases[k].base,
              (long long)ipow_cases[k].exp, (long long)got, (long long)ipow_cases[k].want);
    }
    static const struct {
        double f;
        int64_t want;
    } toint[] = {{-0.0, 0}, {2.9, 2}, {-2.9, -2}, {0x1.fffffffffffffp+62, 9223372036854774784LL},
                 {-0x1p63, INT64_MIN}, {1e-300, 0}};
    for (size_t k = 0; k < sizeof toint / sizeof toint[0]; k++)
        check(rpy_float_to_int(toint[k].f) == toint[k].want, "int(%a)", toint[k].f);
}

/* ---- int(str) and str == ------------------------------------------------ */

static void test_parse(void) {
    static const struct {
        const char *s;
        int64_t want;
    } ok[] = {
        {"0", 0}, {"-0", 0}, {" 42 ", 42}, {"+1_000", 1000}, {"0000123", 123},
        {"\t\n\v\f\r -5\r\n", -5}, {"1_2_3", 123}, {"9223372036854775807", INT64_MAX},
        {"-9223372036854775808", INT64_MIN}, {"\xe3\x80\x80 7\xc2\xa0", 7}, /* U+3000, U+00A0 */
        {"\xd9\xa3", 3}, {"\xef\xbc\x91\xef\xbc\x92", 12}, /* Arabic-Indic 3, fullwidth 12 */
        {"\xf0\x9d\x9f\x8e", 0}, {"\xe2\x80\xa8-1\xc2\x85", -1}, /* U+1D7CE; U+2028, U+0085 */
    };
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
        int64_t got = rpy_str_to_int(make_str(ok[k].s));
        check(got == ok[k].want, "int('%s') gave %lld", ok[k].s, (long long)got);
    }
    /* Input and the repr() that CPython puts in the message. */
    static const char *const bad[][2] = {
        {"", "''"}, {" ", "' '"}, {"+", "'+'"}, {"1_", "'1_'"}, {"_1", "'_1'"}, {"1__0", "'1__0'"},
        {"- 5", "'- 5'"}, {"12a", "'12a'"}, {"1.5", "'1.5'"}, {"0x10", "'0x10'"}, {"a'b", "\"a'b\""},
        {"a\"b", "'a\"b'"}, {"'\"", "'\\'\"'"}, {"\\", "'\\\\'"}, {"\x01\x7f", "'\\x01\\x7f'"},
        {"\t\n", "'\\t\\n'"}, {"\x1c" "5", "'\\x1c5'"}, {"\xc3\xa9\xe4\xb8\xad", "'\xc3\xa9\xe4\xb8\xad'"},
        {"\xd9\xa1\xd9\xa2x", "'\xd9\xa1\xd9\xa2x'"}, {"\xc2\xa0x\xe2\x80\x8b", "'\\xa0x\\u200b'"},
        {"\xff" "1", "'\\udcff1'"}, /* invalid UTF-8, as surrogateescape shows it */
        {"\xf3\xa0\x80\x81", "'\\U000e0001'"},
    };
    char want[512];
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        snprintf(want, sizeof want, "ValueError: invalid literal for int() with base 10: %s\n", bad[k][1]);
        expect_error(bad[k][0], (call){.op = OP_PARSE, .s = bad[k][0]}, want);
    }
    /* Long inputs: the repr is cut at 200 characters; more than 4300
     * digits is refused before the value is looked at. */
    static char longx[301], longd[4302], longd_us[8602];
    memset(longx, 'x', 300);
    snprintf(want, sizeof want, "ValueError: invalid literal for int() with base 10: '%.199s\n", longx);
    expect_error("x * 300", (call){.op = OP_PARSE, .s = longx}, want);
    memset(longd, '1', 4301);
    expect_error("4301 digits", (call){.op = OP_PARSE, .s = longd},
                 "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 "
                 "digits; use sys.set_int_max_str_digits() to increase the limit\n");
    for (int k = 0; k < 4300; k++)
        memcpy(longd_us + 2 * k, "1_", 2);
    snprintf(want, sizeof want, "ValueError: invalid literal for int() with base 10: '%.199s\n", longd_us);
    expect_error("1_ * 4300", (call){.op = OP_PARSE, .s = longd_us}, want);
    longd[4300] = '\0';
    check(rpy_str_to_int(make_str(longd + 4281)) == 1111111111111111111LL, "19 ones");
    static const char *const ovf[] = {"9223372036854775808", "-9223372036854775809", "18446744073709551616",
                                      " 99_999_999_999_999_999_999 ", "0000000000000000000000009223372036854775808"};
    for (size_t k = 0; k < sizeof ovf / sizeof ovf[0]; k++)
        expect_error(ovf[k], (call){.op = OP_PARSE, .s = ovf[k]},
                     "OverflowError: int too large to convert to a 64-bit machine integer\n");
    expect_error("4300 ones", (call){.op = OP_PARSE, .s = longd},
                 "OverflowError: int too large to convert to a 64-bit machine integer\n");

    expect_error("int(None)", (call){.op = OP_PARSE, .s = NULL},
                 "TypeError: int() argument must be a string, a bytes-like object or a real number, "
                 "not 'NoneType'\n");

    rpy_str *a = make_str("abc"), *b = make_str("abc"), *c = make_str("abd"), *d = make_str("ab");
    check(rpy_str_eq(a, a) && rpy_str_eq(a, b) && !rpy_str_eq(a, c) && !rpy_str_eq(a, d), "str ==");
    check(rpy_str_eq(NULL, NULL) && !rpy_str_eq(a, NULL) && !rpy_str_eq(NULL, a), "str == None");
}

/* ---- errors, output, stack ------------------------------------------- */

static void test_errors(void) {
    const char *zero = "ZeroDivisionError: 0.0 cannot be raised to a negative power\n";
    const char *range = "OverflowError: (34, 'Numerical result out of range')\n";
    const char *cplx = "ValueError: negative number cannot be raised to a fractional power (complex result not supported)\n";
    const char *inf = "OverflowError: cannot convert float infinity to integer\n";
    const char *big = "OverflowError: int too large to convert to a 64-bit machine integer\n";
    const char *iovf = "OverflowError: integer overflow\n";
    expect_error("1.0 % 0.0", (call){.op = OP_MOD, .x = 1.0, .y = 0.0}, "ZeroDivisionError: float modulo\n");
    expect_error("nan % -0.0", (call){.op = OP_MOD, .x = NAN, .y = -0.0}, "ZeroDivisionError: float modulo\n");
    expect_error("1.0 // -0.0", (call){.op = OP_FDIV, .x = 1.0, .y = -0.0},
                 "ZeroDivisionError: float floor division by zero\n");
    expect_error("0.0 ** -1", (call){.op = OP_POW, .x = 0.0, .y = -1.0}, zero);
    expect_error("-0.0 ** -0.5", (call){.op = OP_POW, .x = -0.0, .y = -0.5}, zero);
    expect_error("1e308 ** 2", (call){.op = OP_POW, .x = 1e308, .y = 2.0}, range);
    expect_error("-2.0 ** 1e300", (call){.op = OP_POW, .x = -2.0, .y = 1e300}, range);
    expect_error("-8.0 ** (1/3)", (call){.op = OP_POW, .x = -8.0, .y = 1.0 / 3}, cplx);
    expect_error("-1e300 ** 1.5", (call){.op = OP_POW, .x = -1e300, .y = 1.5},
                 "OverflowError: complex exponentiation\n");
    expect_error("int(inf)", (call){.op = OP_TOINT, .x = INFINITY}, inf);
    expect_error("int(-inf)", (call){.op = OP_TOINT, .x = -INFINITY}, inf);
    expect_error("int(nan)", (call){.op = OP_TOINT, .x = NAN}, "ValueError: cannot convert float NaN to integer\n");
    expect_error("int(2**63)", (call){.op = OP_TOINT, .x = 0x1p63}, big);
    expect_error("int(-2**63-2048)", (call){.op = OP_TOINT, .x = -0x1.0000000000001p63}, big);
    expect_error("2 ** -1", (call){.op = OP_IPOW, .i = 2, .j = -1},
                 "ValueError: negative exponent in int ** int is not supported by the translator "
                 "(the result would be a float)\n");
    expect_error("2 ** 63", (call){.op = OP_IPOW, .i = 2, .j = 63, .s = ""}, iovf);
    expect_error("3 ** 40", (call){.op = OP_IPOW, .i = 3, .j = 40, .s = ""}, iovf);
    expect_error("-3 ** 41", (call){.op = OP_IPOW, .i = -3, .j = 41, .s = ""}, iovf);
    expect_error("2**32 ** 2", (call){.op = OP_IPOW, .i = 1LL << 32, .j = 2, .s = ""}, iovf);
    expect_error("10 ** 2**62", (call){.op = OP_IPOW, .i = 10, .j = 1LL << 62, .s = ""}, iovf);

    call r = {.op = OP_RAISE, .i = RPY_EXC_INDEX, .s = "list index out of range"};
    run_child(&r);
    check(child_status == 1 && strcmp(child_out, "partial") == 0 && child_traceback &&
              strcmp(child_err, "IndexError: list index out of range\n") == 0,
          "raise: status %d out '%s' err '%s'", child_status, child_out, child_err);
    r = (call){.op = OP_RAISE, .i = RPY_EXC_VALUE, .j = 1, .s = "x"};
    run_child(&r);
    check(strcmp(child_err, "  File \"test.py\", line 1, in f\n    f()\nValueError: x\n") == 0,
          "traceback: '%s'", child_err);
    r = (call){.op = OP_RAISE, .i = RPY_EXC_VALUE, .j = 10, .s = "x"};
    run_child(&r);
    const char *frame = "  File \"test.py\", line 1, in f\n    f()\n";
    char want[1024];
    snprintf(want, sizeof want, "%s%s%s  [Previous line repeated 7 more times]\nValueError: x\n", frame, frame, frame);
    check(strcmp(child_err, want) == 0, "folded traceback: '%s'", child_err);
    r = (call){.op = OP_RAISE, .i = RPY_EXC_MEMORY, .s = ""};
    run_child(&r);
    check(child_status == 1 && strcmp(child_err, "MemoryError\n") == 0, "raise with no message: '%s'", child_err);
    r = (call){.op = OP_RAISE, .i = RPY_EXC_ASSERTION, .s = ""};
    run_child(&r);
    check(strcmp(child_err, "AssertionError\n") == 0, "AssertionError: '%s'", child_err);

    /* Infinite recursion must end in RecursionError, not SIGSEGV; a
     * depth CPython allows (1000) must be fine, and so must far more. */
    expect_error("recursion", (call){.op = OP_RECURSE, .i = -1}, "RecursionError: maximum recursion depth exceeded\n");
    r = (call){.op = OP_RECURSE, .i = 20000};
    run_child(&r);
    check(child_status == 0 && child_err[0] == '\0', "20000 frames: status %d err '%s'", child_status, child_err);
}

static void test_output(void) {
    call c = {.op = OP_WRITES};
    run_child(&c);
    const char want[] = "-9223372036854775808 9223372036854775807 0 -1 TrueFalse None h\xc3\xa9 -0.0 1e+16a\0b\n";
    check(child_status == 0 && memcmp(child_out, want, sizeof want) == 0, "writes gave '%s'", child_out);
    c.op = OP_BIG;
    run_child(&c);
    size_t n = strlen(child_out);
    bool ok = child_status == 0 && n == 170001 && child_out[n - 1] == '\n';
    for (size_t k = 0; ok && k < 70000; k++)
        ok = child_out[k] == 'a' + (char)(k / 1000 % 26);
    for (size_t k = 70000; ok && k < 170000; k++)
        ok = child_out[k] == 'z';
    check(ok, "large output: %zu bytes", n);
}

static rpy_str *arg(const rpy_list *argv, int64_t i) {
    rpy_str *s;
    memcpy(&s, argv->items->items + i * (int64_t)sizeof s, sizeof s);
    return s;
}

static void test_argv(rpy_list *argv) {
    /* make test runs us as: test_runtime one h\xc3\xa9llo a\xffb */
    if (argv->length != 4) {
        check(false, "expected 3 arguments (run through make test), got %lld", (long long)argv->length - 1);
        return;
    }
    const uint32_t flags = RPY_GCFLAG_PREBUILT | RPY_GCFLAG_TRACK_YOUNG_PTRS;
    check(argv->hdr.tid == RPY_TID_LIST && argv->hdr.gcflags == flags, "argv: tid %u flags %u", argv->hdr.tid,
          argv->hdr.gcflags);
    const rpy_array *items = argv->items;
    check(items->hdr.tid == RPY_TID_ARRAY_PTR && items->hdr.gcflags == flags && items->length == 4,
          "argv's items: tid %u flags %u capacity %lld", items->hdr.tid, items->hdr.gcflags, (long long)items->length);
    rpy_str *s = arg(argv, 2);
    check(s->hdr.tid == RPY_TID_STR && s->hdr.gcflags == flags && s->hash == 0 && s->length == 6 && s->nchars == 5 &&
              strcmp(s->data, "h\xc3\xa9llo") == 0 && s->data[6] == '\0',
          "argv[2]: length %lld nchars %lld", (long long)s->length, (long long)s->nchars);
    s = arg(argv, 3);
    check(s->length == 3 && s->nchars == 3, "argv[3] (invalid UTF-8): nchars %lld", (long long)s->nchars);
    check(arg(argv, 1)->nchars == 3 && strcmp(arg(argv, 1)->data, "one") == 0 && arg(argv, 0)->length > 0,
          "argv[0], argv[1]");
}

int64_t rpy_entry_point(rpy_list *argv) {
    test_argv(argv);
    test_float_repr();
    test_float_ops();
    test_int_float();
    test_parse();
    test_errors();
    test_output();
    printf("%d passed, %d failed\n", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
