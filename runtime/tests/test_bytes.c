/* Tests for bytes (rpy_bytes.c) and the os / sys.stdout functions
 * (rpy_os.c).
 *
 * Linked with the whole runtime like test_str.c and run the same ways by
 * `make test`, stress mode included: every GC pointer the test holds
 * across an allocation sits in a shadow-stack slot (frame()) and is
 * reloaded from there.  Expected values for slicing, repr and decoding
 * are tables computed with CPython (bytes_cases.h); the os tests compare
 * with the messages CPython gives for the same errors.  Output ordering
 * (print's buffer against sys.stdout.write and os.write) is checked in
 * forked children whose stdout and stderr go to pipes.
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "bytes_cases.h"
#include "check.h"
#include "runtime_types.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the test program's types ---------------------------------------- */

/* One exception class per rpy_exc_kind (T_EXC + kind), then a node. */
enum { T_EXC = RPY_TID_FIRST_USER, T_NODE = T_EXC + RPY_EXC_KIND_COUNT, T_COUNT };

typedef struct node {
    rpy_hdr hdr;
    int64_t value;
} node;

typedef rpy_test_exc exc;

const rpy_type_info rpy_type_table[] = {
    RPY_RUNTIME_TYPE_ENTRIES,
    RPY_TEST_EXC_ENTRIES(T_EXC),
    [T_NODE] = {.fixed_size = sizeof(node)},
};
const uint32_t rpy_type_count = T_COUNT;
const uint32_t rpy_exc_kind_tids[] = RPY_TEST_EXC_KIND_TIDS(T_EXC);
const char *const rpy_type_names[T_COUNT] = {
    RPY_TEST_EXC_NAMES(T_EXC),
};
const uint32_t rpy_exc_message_offset = offsetof(exc, message);
const rpy_location rpy_locations[] = {{"test_bytes.c", "test", "", 1}};

/* ---- checks and helpers ---------------------------------------------- */

#define STR(k) ((rpy_str *)f[k])
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* r is a well-formed bytes object holding exactly p[0..n-1]. */
static bool is_bytes(const rpy_str *r, const char *p, int64_t n) {
    return r != NULL && r->hdr.tid == RPY_TID_STR && r->length == n && r->nchars == n &&
           (n == 0 || memcmp(r->data, p, (size_t)n) == 0) && r->data[n] == '\0';
}

/* Code points in the well-formed UTF-8 p[0..n-1], counted apart from the
 * runtime: every byte that is not a continuation byte starts one. */
static int64_t utf8_chars(const char *p, int64_t n) {
    int64_t count = 0;
    for (int64_t i = 0; i < n; i++)
        count += ((unsigned char)p[i] & 0xC0) != 0x80;
    return count;
}

/* r is a str holding exactly the well-formed UTF-8 want[0..n-1]. */
static bool is_text_n(const rpy_str *r, const char *want, int64_t n) {
    return r != NULL && r->hdr.tid == RPY_TID_STR && r->length == n && memcmp(r->data, want, (size_t)n) == 0 &&
           r->data[n] == '\0' && r->nchars == utf8_chars(want, n);
}

static bool is_text(const rpy_str *r, const char *want) { return is_text_n(r, want, (int64_t)strlen(want)); }

/* The exception in flight is of this kind (and message, unless NULL);
 * it is taken either way. */
static bool raised(int kind, const char *msg) {
    exc *e = rpy_exc_catch();
    if (e == NULL || e->hdr.tid != (uint32_t)(T_EXC + kind))
        return false;
    return msg == NULL || (e->message != NULL && e->message->length == (int64_t)strlen(msg) &&
                           memcmp(e->message->data, msg, strlen(msg)) == 0);
}

/* For failure messages: the pending exception's text, left pending. */
static const char *pending(void) {
    exc *e = rpy_exc_value;
    return e == NULL ? "(none)" : e->message != NULL ? e->message->data : "(no message)";
}

/* No exception in flight (taking any that is, so one failure does not
 * cascade). */
static bool calm(void) { return rpy_exc_catch() == NULL; }

static rpy_str *B(const char *p, int64_t n) { return rpy_bytes_from(p, n); }
static rpy_str *BZ(const char *t) { return rpy_bytes_from(t, (int64_t)strlen(t)); }
static rpy_str *S(const char *t) { return rpy_str_from_bytes(t, (int64_t)strlen(t)); }

/* ---- making, indexing, slicing ----------------------------------------- */

static void test_basics(void) {
    void **f = frame(3);
    f[0] = B("", 0);
    check(is_bytes(STR(0), "", 0) && (STR(0)->hdr.gcflags & RPY_GCFLAG_PREBUILT), "b'' is prebuilt");
    f[0] = B("a", 1);
    check(STR(0) == rpy_str_ascii('a'), "one ASCII byte is the prebuilt one");
    f[0] = B("\377", 1);
    check(is_bytes(STR(0), "\377", 1) && !(STR(0)->hdr.gcflags & RPY_GCFLAG_PREBUILT), "b'\\xff'");
    /* High bytes count one each: nchars is the length, not a UTF-8 count. */
    f[0] = B("a\303\251\0\377z", 6);
    check(is_bytes(STR(0), "a\303\251\0\377z", 6), "bytes keep nchars == length");

    static const struct {
        int64_t i, want; /* want -1: IndexError */
    } items[] = {{0, 'a'}, {1, 0xc3}, {2, 0xa9}, {3, 0}, {4, 0xff}, {5, 'z'}, {6, -1}, {7, -1},
                 {-1, 'z'}, {-2, 0xff}, {-6, 'a'}, {-7, -1}, {INT64_MIN, -1}, {INT64_MAX, -1}};
    for (size_t k = 0; k < COUNT(items); k++) {
        int64_t got = rpy_bytes_getitem(STR(0), items[k].i);
        if (items[k].want < 0)
            check(raised(RPY_EXC_INDEX, "index out of range"), "b[%lld] raises IndexError", (long long)items[k].i);
        else
            check(got == items[k].want && calm(), "b[%lld] == %lld, got %lld", (long long)items[k].i,
                  (long long)items[k].want, (long long)got);
    }
    f[1] = B("", 0);
    rpy_bytes_getitem(STR(1), 0);
    check(raised(RPY_EXC_INDEX, "index out of range"), "b''[0]");
    rpy_bytes_getitem(STR(1), -1);
    check(raised(RPY_EXC_INDEX, "index out of range"), "b''[-1]");
    unframe(f);
}

static void test_slice(void) {
    void **f = frame(2);
    for (size_t k = 0; k < COUNT(bytes_slice_cases); k++) {
        const bytes_slice_case *c = &bytes_slice_cases[k];
        f[0] = B(c->data, c->n);
        f[1] = rpy_bytes_slice(STR(0), c->start, c->stop, c->step);
        check(is_bytes(STR(1), c->want, c->want_n) && calm(), "slice case %zu: [%lld:%lld:%lld] of %lld bytes", k,
              (long long)c->start, (long long)c->stop, (long long)c->step, (long long)c->n);
    }
    f[0] = BZ("abc");
    check(rpy_bytes_slice(STR(0), INT64_MIN, INT64_MAX, 1) == STR(0), "b[:] is b");
    check(rpy_bytes_slice(STR(0), 0, 5, 0) == NULL && raised(RPY_EXC_VALUE, "slice step cannot be zero"),
          "step 0");
    f[1] = rpy_bytes_slice(STR(0), INT64_MIN, INT64_MAX, INT64_MIN);
    check(is_bytes(STR(1), "c", 1) && calm(), "b[::-2**63]");
    f[1] = rpy_bytes_slice(STR(0), INT64_MIN, INT64_MAX, INT64_MAX);
    check(is_bytes(STR(1), "a", 1) && calm(), "b[::2**63-1]");
    /* A slice of UTF-8 that cuts a character stays bytes: one each. */
    f[0] = BZ("h\303\251llo");
    f[1] = rpy_bytes_slice(STR(0), 2, INT64_MAX, 1);
    check(is_bytes(STR(1), "\251llo", 4), "cut through a character");
    f[1] = rpy_bytes_slice(STR(0), INT64_MIN, INT64_MAX, -1);
    check(is_bytes(STR(1), "oll\251\303h", 6), "reversed");
    unframe(f);
}

static void test_concat_repeat(void) {
    void **f = frame(3);
    f[0] = BZ("ab\303");
    f[1] = BZ("\251cd"); /* as str the seam would form 'é' and recount */
    f[2] = rpy_bytes_concat(STR(0), STR(1));
    check(is_bytes(STR(2), "ab\303\251cd", 6), "concat keeps nchars == length");
    f[1] = B("", 0);
    check(rpy_bytes_concat(STR(0), STR(1)) == STR(0) && rpy_bytes_concat(STR(1), STR(0)) == STR(0),
          "b + b'' is b");
    f[1] = B("\0\377", 2);
    f[2] = rpy_bytes_concat(STR(1), STR(1));
    check(is_bytes(STR(2), "\0\377\0\377", 4), "concat with NUL bytes");

    f[0] = BZ("\251x");
    f[1] = rpy_bytes_repeat(STR(0), 3);
    check(is_bytes(STR(1), "\251x\251x\251x", 6), "repeat");
    check(rpy_bytes_repeat(STR(0), 1) == STR(0), "b * 1 is b");
    f[1] = rpy_bytes_repeat(STR(0), 0);
    check(is_bytes(STR(1), "", 0), "b * 0");
    f[1] = rpy_bytes_repeat(STR(0), -5);
    check(is_bytes(STR(1), "", 0), "b * -5");
    f[0] = B("\200", 1);
    f[1] = rpy_bytes_repeat(STR(0), 1000);
    bool ok = STR(1) != NULL && STR(1)->length == 1000 && STR(1)->nchars == 1000;
    for (int i = 0; ok && i < 1000; i++)
        ok = (unsigned char)STR(1)->data[i] == 0x80;
    check(ok, "repeat one byte");
    f[0] = BZ("abc");
    f[1] = rpy_bytes_repeat(STR(0), 1001);
    ok = STR(1) != NULL && STR(1)->length == 3003 && STR(1)->nchars == 3003;
    for (int i = 0; ok && i < 3003; i++)
        ok = STR(1)->data[i] == "abc"[i % 3];
    check(ok, "repeat by doubling");
    check(rpy_bytes_repeat(STR(0), INT64_MAX / 2) == NULL && raised(RPY_EXC_OVERFLOW, "repeated bytes are too long"),
          "repeat overflow");
    unframe(f);
}

/* ---- repr, decode, encode ---------------------------------------------- */

static void test_repr(void) {
    void **f = frame(2);
    for (size_t k = 0; k < COUNT(bytes_repr_cases); k++) {
        const bytes_repr_case *c = &bytes_repr_cases[k];
        f[0] = B(c->data, c->n);
        f[1] = rpy_bytes_repr(STR(0));
        check(is_text(STR(1), c->want) && calm(), "repr case %zu: want %s, got %s", k, c->want,
              STR(1) ? STR(1)->data : "(null)");
    }
    unframe(f);
}

static void test_decode_encode(void) {
    void **f = frame(3);
    for (size_t k = 0; k < COUNT(bytes_decode_cases); k++) {
        const bytes_decode_case *c = &bytes_decode_cases[k];
        f[0] = B(c->data, c->n);
        f[1] = rpy_bytes_decode_utf8(STR(0));
        if (c->want == NULL) {
            const char *msg = pending();
            check(STR(1) == NULL && raised(RPY_EXC_UNICODE_DECODE, c->err), "decode case %zu: want %s, got %s", k,
                  c->err, msg);
            continue;
        }
        check(is_text_n(STR(1), c->want, c->n) && STR(1)->nchars == c->nchars && calm(), "decode case %zu", k);
        /* ... and back: the same bytes. */
        f[2] = rpy_str_encode_utf8(STR(1));
        check(is_bytes(STR(2), c->data, c->n) && calm(), "encode(decode(b)) == b, case %zu", k);
    }
    /* ASCII needs no copy either way. */
    f[0] = BZ("plain");
    check(rpy_bytes_decode_utf8(STR(0)) == STR(0), "ASCII decodes to itself");
    check(rpy_str_encode_utf8(STR(0)) == STR(0), "ASCII encodes to itself");
    /* encode: str -> bytes with one byte per character. */
    f[0] = S("\316\261\316\262\316\263 \360\237\230\200");
    check(STR(0)->nchars == 5, "str nchars");
    f[1] = rpy_str_encode_utf8(STR(0));
    check(is_bytes(STR(1), "\316\261\316\262\316\263 \360\237\230\200", 11) && STR(1) != STR(0),
          "encode gives bytes");
    check(rpy_bytes_getitem(STR(1), 0) == 0xce && rpy_bytes_getitem(STR(1), -1) == 0x80, "encoded bytes index");
    f[2] = rpy_bytes_decode_utf8(STR(1));
    check(is_text(STR(2), "\316\261\316\262\316\263 \360\237\230\200") && rpy_str_eq(STR(2), STR(0)),
          "decode(encode(s)) == s");
    /* A str holding argv's stray byte gives that byte back. */
    f[0] = S("a\377b");
    f[1] = rpy_str_encode_utf8(STR(0));
    check(is_bytes(STR(1), "a\377b", 3), "stray byte encodes as itself");
    f[1] = rpy_bytes_decode_utf8(STR(1));
    check(f[1] == NULL &&
              raised(RPY_EXC_UNICODE_DECODE, "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"),
          "and does not decode strictly");
    unframe(f);
}

/* ---- os ------------------------------------------------------------------ */

static char tmpdir[64];

/* dir/name into out. */
static const char *in_tmp(char *out, size_t size, const char *name) {
    snprintf(out, size, "%s/%s", tmpdir, name);
    return out;
}

/* os.open(path, flags, mode) expecting an error of `kind` whose message
 * is "[Errno N] <text>: '<path>'". */
static void open_fails(const char *path, int64_t flags, int kind, int err, const char *quoted) {
    void **f = frame(1);
    f[0] = S(path);
    int64_t fd = rpy_os_open(STR(0), flags, 0666);
    char want[512];
    snprintf(want, sizeof want, "[Errno %d] %s: %s", err, strerror(err), quoted);
    const char *msg = pending();
    check(fd == -1 && raised(kind, want), "open(%s): want %s, got %s", path, want, msg);
    unframe(f);
}

static void test_os_errors(void) {
    char path[256], quoted[300];
    in_tmp(path, sizeof path, "missing.txt");
    snprintf(quoted, sizeof quoted, "'%s'", path);
    open_fails(path, O_RDONLY, RPY_EXC_FILE_NOT_FOUND, ENOENT, quoted);
    check(strcmp(strerror(ENOENT), "No such file or directory") == 0, "strerror as CPython shows it");
    /* Relative, and the exact text CPython prints. */
    {
        void **f = frame(1);
        f[0] = S("missing-rpy-test-file.txt");
        check(rpy_os_open(STR(0), O_RDONLY, 0777) == -1 &&
                  raised(RPY_EXC_FILE_NOT_FOUND, "[Errno 2] No such file or directory: 'missing-rpy-test-file.txt'"),
              "FileNotFoundError message");
        f[0] = S("");
        check(rpy_os_open(STR(0), O_RDONLY, 0777) == -1 &&
                  raised(RPY_EXC_FILE_NOT_FOUND, "[Errno 2] No such file or directory: ''"),
              "empty path");
        unframe(f);
    }
    /* The path is shown as repr(path) shows it. */
    in_tmp(path, sizeof path, "it's");
    snprintf(quoted, sizeof quoted, "\"%s\"", path);
    open_fails(path, O_RDONLY, RPY_EXC_FILE_NOT_FOUND, ENOENT, quoted);
    in_tmp(path, sizeof path, "h\303\251\tx");
    snprintf(quoted, sizeof quoted, "'%s/h\303\251\\tx'", tmpdir);
    open_fails(path, O_RDONLY, RPY_EXC_FILE_NOT_FOUND, ENOENT, quoted);

    snprintf(quoted, sizeof quoted, "'%s'", tmpdir);
    open_fails(tmpdir, O_WRONLY, RPY_EXC_IS_A_DIRECTORY, EISDIR, quoted);
    open_fails(tmpdir, O_RDONLY | O_CREAT | O_EXCL, RPY_EXC_FILE_EXISTS, EEXIST, quoted);
    in_tmp(path, sizeof path, "plain");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    close(fd);
    in_tmp(path, sizeof path, "plain/below");
    snprintf(quoted, sizeof quoted, "'%s'", path);
    open_fails(path, O_RDONLY, RPY_EXC_NOT_A_DIRECTORY, ENOTDIR, quoted);
    if (geteuid() != 0) { /* root may open anything */
        in_tmp(path, sizeof path, "plain");
        chmod(path, 0);
        snprintf(quoted, sizeof quoted, "'%s'", path);
        open_fails(path, O_RDONLY, RPY_EXC_PERMISSION, EACCES, quoted);
        chmod(path, 0600);
    }
    in_tmp(path, sizeof path, "plain");
    unlink(path);

    /* Arguments CPython refuses before calling anything. */
    void **f = frame(1);
    f[0] = rpy_str_from_bytes("a\0b", 3);
    check(rpy_os_open(STR(0), O_RDONLY, 0777) == -1 && raised(RPY_EXC_VALUE, "embedded null byte"),
          "embedded null byte");
    f[0] = S("x");
    check(rpy_os_open(STR(0), (int64_t)1 << 40, 0777) == -1 &&
              raised(RPY_EXC_OVERFLOW, "Python int too large to convert to C int"),
          "flags beyond C int");
    check(rpy_os_open(STR(0), O_RDONLY, (int64_t)1 << 40) == -1 &&
              raised(RPY_EXC_OVERFLOW, "Python int too large to convert to C int"),
          "mode beyond C int");
    check(rpy_os_read((int64_t)1 << 40, 1) == NULL &&
              raised(RPY_EXC_OVERFLOW, "Python int too large to convert to C int"),
          "fd beyond C int");
    rpy_os_close(INT64_MIN);
    check(raised(RPY_EXC_OVERFLOW, "Python int too large to convert to C int"), "close: fd beyond C int");

    /* A descriptor that is not open: errno 9, no file name, plain OSError. */
    int bad = dup(0);
    close(bad);
    const char *ebadf = "[Errno 9] Bad file descriptor";
    check(rpy_os_read(bad, 10) == NULL && raised(RPY_EXC_OS, ebadf), "read: bad fd");
    check(rpy_os_read(-1, 10) == NULL && raised(RPY_EXC_OS, ebadf), "read: fd -1");
    check(rpy_os_write(bad, STR(0)) == -1 && raised(RPY_EXC_OS, ebadf), "write: bad fd");
    rpy_os_close(bad);
    check(raised(RPY_EXC_OS, ebadf), "close: bad fd");
    rpy_os_close(-1);
    check(raised(RPY_EXC_OS, ebadf), "close: fd -1");
    unframe(f);
}

static void test_os_files(void) {
    void **f = frame(3);
    char path[256];
    f[0] = S(in_tmp(path, sizeof path, "data.bin"));
    int64_t fd = rpy_os_open(STR(0), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    check(fd >= 0 && calm(), "open for writing");
    check((fcntl((int)fd, F_GETFD) & FD_CLOEXEC) != 0, "the fd is close-on-exec, as CPython's");
    f[1] = B("hello\377\0world", 12);
    check(rpy_os_write(fd, STR(1)) == 12 && calm(), "write returns the count");
    f[1] = B("", 0);
    check(rpy_os_write(fd, STR(1)) == 0 && calm(), "write of b''");
    rpy_os_close(fd);
    check(calm(), "close");
    rpy_os_close(fd);
    check(raised(RPY_EXC_OS, "[Errno 9] Bad file descriptor"), "close twice");

    fd = rpy_os_open(STR(0), O_RDONLY, 0777);
    check(fd >= 0 && calm(), "open for reading");
    f[1] = rpy_os_read(fd, 5);
    check(is_bytes(STR(1), "hello", 5) && calm(), "read 5");
    f[1] = rpy_os_read(fd, 0);
    check(is_bytes(STR(1), "", 0) && calm(), "read 0");
    f[1] = rpy_os_read(fd, 1);
    check(is_bytes(STR(1), "\377", 1) && calm(), "read 1 high byte");
    f[1] = rpy_os_read(fd, 100);
    check(is_bytes(STR(1), "\0world", 6) && calm(), "read the rest");
    f[1] = rpy_os_read(fd, 100);
    check(is_bytes(STR(1), "", 0) && calm(), "read at end of file: b''");
    check(rpy_os_read(fd, -1) == NULL && raised(RPY_EXC_OS, "[Errno 22] Invalid argument"), "read(fd, -1)");
    rpy_os_write(fd, STR(0));
    check(raised(RPY_EXC_OS, "[Errno 9] Bad file descriptor"), "write to a read-only fd");
    rpy_os_close(fd);
    check(calm(), "close");

    /* Bigger than read's stack buffer, with a bigger request. */
    fd = rpy_os_open(STR(0), O_WRONLY | O_TRUNC, 0);
    f[1] = BZ("0123456789abcdef");
    f[1] = rpy_bytes_repeat(STR(1), 10000);
    check(rpy_os_write(fd, STR(1)) == 160000 && calm(), "write 160000 bytes");
    rpy_os_close(fd);
    fd = rpy_os_open(STR(0), O_RDONLY, 0);
    f[2] = rpy_os_read(fd, 1 << 20);
    check(STR(2) != NULL && rpy_str_eq(STR(1), STR(2)) && STR(2)->nchars == 160000 && calm(), "read it back");
    f[2] = rpy_os_read(fd, 1 << 20);
    check(is_bytes(STR(2), "", 0) && calm(), "then b''");
    rpy_os_close(fd);
    /* O_EXCL on the file that now exists. */
    check(rpy_os_open(STR(0), O_WRONLY | O_CREAT | O_EXCL, 0644) == -1 && raised(RPY_EXC_FILE_EXISTS, NULL),
          "O_EXCL");
    unlink(path);
    unframe(f);
}

/* ---- output ordering ------------------------------------------------------ */

/* Runs body in a child whose stdout and stderr are pipes (the same pipe
 * when merged); stores what each received. */
static void run_child(void (*body)(void), bool merged, char *out, size_t out_size, char *err, size_t err_size) {
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
        dup2(merged ? po[1] : pe[1], 2);
        close(po[0]);
        close(pe[0]);
        close(po[1]);
        close(pe[1]);
        body();
        rpy_io_flush();
        _exit(0);
    }
    close(po[1]);
    close(pe[1]);
    int status;
    waitpid(pid, &status, 0);
    ssize_t n = read(po[0], out, out_size - 1);
    out[n > 0 ? n : 0] = '\0';
    n = read(pe[0], err, err_size - 1);
    err[n > 0 ? n : 0] = '\0';
    close(po[0]);
    close(pe[0]);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child exited normally");
}

static int64_t sys_results[3];

static void writes_to_stdout(void) {
    void **f = frame(1);
    rpy_write_str(S("print1\n"));
    f[0] = S("sys1 h\303\251\n");
    sys_results[0] = rpy_sys_write(1, STR(0));
    rpy_write_str(S("print2\n"));
    f[0] = BZ("os1\n");
    sys_results[1] = rpy_os_write(1, STR(0));
    rpy_write_str(S("print3\n"));
    f[0] = S("err1\n");
    sys_results[2] = rpy_sys_write(2, STR(0));
    rpy_write_str(S("print4\n"));
    /* The parent sees the return values on stdout. */
    char tail[64];
    snprintf(tail, sizeof tail, "%lld %lld %lld\n", (long long)sys_results[0], (long long)sys_results[1],
             (long long)sys_results[2]);
    rpy_write_bytes(tail, (int64_t)strlen(tail));
    unframe(f);
}

/* Merged streams: os.write(2) flushes print's buffer first; sys.stderr
 * does not (as in CPython, whose sys.stdout buffer is separate). */
static void writes_merged(void) {
    void **f = frame(1);
    rpy_write_str(S("out1\n"));
    f[0] = BZ("err1\n");
    rpy_os_write(2, STR(0));
    rpy_write_str(S("out2\n"));
    f[0] = S("err2\n");
    rpy_sys_write(2, STR(0));
    unframe(f);
}

static void test_output_order(void) {
    char out[1024], err[1024];
    run_child(writes_to_stdout, false, out, sizeof out, err, sizeof err);
    check(strcmp(out, "print1\nsys1 h\303\251\nprint2\nos1\nprint3\nprint4\n8 4 5\n") == 0, "stdout order: got %s",
          out);
    check(strcmp(err, "err1\n") == 0, "stderr: got %s", err);
    run_child(writes_merged, true, out, sizeof out, err, sizeof err);
    check(strcmp(out, "out1\nerr1\nerr2\nout2\n") == 0, "merged order: got %s", out);
}

/* ---- under memory pressure --------------------------------------------- */

/* Builds bytes piece by piece with every intermediate rooted only by
 * the runtime, checking against the same bytes built in C. */
static void test_pressure(int rounds) {
    void **f = frame(4);
    static char ref[4096];
    for (int round = 0; round < rounds; round++) {
        int n = 0;
        f[0] = B("", 0);
        for (int i = 0; i < 200; i++) {
            char piece[3] = {(char)(0x80 + i % 64), (char)i, (char)(round + i)};
            f[1] = B(piece, 3);
            f[0] = rpy_bytes_concat(STR(0), STR(1));
            memcpy(ref + n, piece, 3);
            n += 3;
        }
        check(is_bytes(STR(0), ref, n), "built by concat, round %d", round);
        f[2] = rpy_bytes_slice(STR(0), INT64_MIN, INT64_MAX, -1);
        f[2] = rpy_bytes_slice(STR(2), INT64_MIN, INT64_MAX, -1);
        f[3] = rpy_bytes_repr(STR(2));
        check(rpy_str_eq(STR(0), STR(2)) && STR(3) != NULL && STR(3)->data[0] == 'b', "reversed twice, round %d",
              round);
        f[2] = rpy_bytes_repeat(STR(0), 3);
        f[2] = rpy_bytes_slice(STR(2), n, 2 * n, 1);
        check(rpy_str_eq(STR(0), STR(2)), "repeat then slice, round %d", round);
        int64_t sum = 0, want = 0;
        for (int i = 0; i < n; i++) {
            sum += rpy_bytes_getitem(STR(0), i);
            want += (unsigned char)ref[i];
        }
        check(sum == want, "getitem sum, round %d", round);
        f[1] = S("\303\251t\303\251 ");
        f[1] = rpy_str_encode_utf8(rpy_str_repeat(STR(1), 50));
        f[1] = rpy_bytes_decode_utf8(STR(1));
        check(STR(1) != NULL && STR(1)->nchars == 200 && STR(1)->length == 300 && calm(),
              "encode/decode, round %d", round);
    }
    unframe(f);
}

int64_t rpy_entry_point(rpy_list *argv) {
    (void)argv;
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/rpy_test_bytes.XXXXXX");
    if (mkdtemp(tmpdir) == NULL) {
        perror("mkdtemp");
        return 2;
    }
    test_basics();
    test_slice();
    test_concat_repeat();
    test_repr();
    test_decode_encode();
    test_os_errors();
    test_os_files();
    test_output_order();
    test_pressure(s.debug ? 5 : 30);
    rmdir(tmpdir);
    check(rpy_exc_value == NULL, "no exception left over");
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    rpy_gc_get_stats(&s);
    printf("test_bytes (nursery %llu bytes%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
