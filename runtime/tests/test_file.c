/* Tests for open() and file objects (rpy_file.c).
 *
 * Linked with the whole runtime like test_bytes.c and run the same ways
 * by `make test`, stress mode included: every GC pointer the test holds
 * across an allocation sits in a shadow-stack slot (frame()) and is
 * reloaded from there.  Files live in a mkdtemp directory, removed at
 * the end.  Expected reads, error messages and decoding errors were
 * computed with CPython (file_cases.h); files bigger than the runtime's
 * buffer (RPY_FILE_BUFFER) are checked against a model built here, with
 * multi-byte characters and "\r\n" placed across the buffer's edges.
 * What happens at exit is checked in forked children whose output goes
 * to pipes.
 */
#define _POSIX_C_SOURCE 200809L

#include "../rpy.h"
#include "../rpy_internal.h"
#include "check.h"
#include "file_cases.h"
#include "runtime_types.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the test program's types ---------------------------------------- */

/* One exception class per rpy_exc_kind (T_EXC + kind). */
enum { T_EXC = RPY_TID_FIRST_USER, T_COUNT = T_EXC + RPY_EXC_KIND_COUNT };

typedef rpy_test_exc exc;

const rpy_type_info rpy_type_table[] = {
    RPY_RUNTIME_TYPE_ENTRIES,
    RPY_TEST_EXC_ENTRIES(T_EXC),
};
const uint32_t rpy_type_count = T_COUNT;
const uint32_t rpy_exc_kind_tids[] = RPY_TEST_EXC_KIND_TIDS(T_EXC);
const char *const rpy_type_names[T_COUNT] = {
    RPY_TEST_EXC_NAMES(T_EXC),
};
const uint32_t rpy_exc_message_offset = offsetof(exc, message);
const rpy_location rpy_locations[] = {{"test_file.c", "test", "", 1}};

/* ---- checks and helpers ---------------------------------------------- */

#define STR(k) ((rpy_str *)f[k])
#define LIST(k) ((rpy_list *)f[k])
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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

static rpy_str *S(const char *t) { return rpy_str_from_bytes(t, (int64_t)strlen(t)); }

/* Code points in the well-formed UTF-8 p[0..n-1], counted apart from the
 * runtime: every byte that is not a continuation byte starts one. */
static int64_t utf8_chars(const char *p, int64_t n) {
    int64_t count = 0;
    for (int64_t i = 0; i < n; i++)
        count += ((unsigned char)p[i] & 0xC0) != 0x80;
    return count;
}

/* r is a str holding exactly the UTF-8 want[0..n-1] (binary: a bytes
 * object). */
static bool holds(const rpy_str *r, const char *want, int64_t n, bool binary) {
    return r != NULL && r->hdr.tid == RPY_TID_STR && r->length == n && memcmp(r->data, want, (size_t)n) == 0 &&
           r->data[n] == '\0' && r->nchars == (binary ? n : utf8_chars(want, n));
}

static bool is_text(const rpy_str *r, const char *want) { return holds(r, want, (int64_t)strlen(want), false); }
static bool is_bytes(const rpy_str *r, const char *want) { return holds(r, want, (int64_t)strlen(want), true); }

/* A list of strings (bytes when binary) holding the items of `joined`,
 * which separates them by "\036" ("" is no item). */
static bool list_holds(const rpy_list *l, const char *joined, bool binary) {
    if (l == NULL || l->hdr.tid != RPY_TID_LIST || l->items->hdr.tid != RPY_TID_ARRAY_PTR)
        return false;
    int64_t i = 0;
    for (const char *p = joined; *p != '\0'; i++) {
        size_t n = strcspn(p, "\036");
        rpy_str *s;
        if (i >= l->length)
            return false;
        memcpy(&s, l->items->items + 8 * i, sizeof s);
        if (!holds(s, p, (int64_t)n, binary))
            return false;
        p += n + (p[n] != '\0');
    }
    return i == l->length;
}

static char tmpdir[64];

/* dir/name into out. */
static const char *in_tmp(char *out, size_t size, const char *name) {
    snprintf(out, size, "%s/%s", tmpdir, name);
    return out;
}

static void put_file(const char *path, const char *data, int64_t n) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, data, (size_t)n) != (ssize_t)n) {
        perror(path);
        exit(2);
    }
    close(fd);
}

/* The whole file, malloc'ed, its size in *n (-1 if it cannot be read). */
static char *get_file(const char *path, int64_t *n) {
    int fd = open(path, O_RDONLY);
    *n = -1;
    if (fd < 0)
        return NULL;
    struct stat st;
    fstat(fd, &st);
    char *p = malloc((size_t)st.st_size + 1);
    ssize_t got = read(fd, p, (size_t)st.st_size);
    close(fd);
    *n = got;
    p[got > 0 ? got : 0] = '\0';
    return p;
}

/* The file holds exactly want[0..n-1]. */
static bool file_is(const char *path, const char *want, int64_t n) {
    int64_t got;
    char *p = get_file(path, &got);
    bool ok = p != NULL && got == n && memcmp(p, want, (size_t)n) == 0;
    free(p);
    return ok;
}

/* open(path, mode) with both made into strings here. */
static int64_t open_file(const char *path, const char *mode) {
    void **f = frame(2);
    f[0] = rpy_str_from_bytes(path, (int64_t)strlen(path));
    f[1] = S(mode);
    int64_t h = rpy_file_open(STR(0), STR(1));
    unframe(f);
    return h;
}

/* f.write(text) of a str (or bytes when binary) made here. */
static int64_t write_text(int64_t h, const char *p, int64_t n, bool binary) {
    void **f = frame(1);
    f[0] = binary ? rpy_bytes_from(p, n) : rpy_str_from_bytes(p, n);
    int64_t r = rpy_file_write(h, STR(0));
    unframe(f);
    return r;
}

static int64_t write_str(int64_t h, const char *t) { return write_text(h, t, (int64_t)strlen(t), false); }

/* ---- open() ------------------------------------------------------------------ */

static void test_modes(void) {
    char path[256];
    in_tmp(path, sizeof path, "modes");
    put_file(path, "", 0);
    for (size_t k = 0; k < COUNT(mode_cases); k++) {
        const char *mode = mode_cases[k].mode;
        if (strchr(mode, 'x') != NULL && mode_cases[k].error == NULL)
            unlink(path);
        int64_t h = open_file(path, mode);
        if (mode_cases[k].error == NULL) {
            check(h >= 0 && calm() && !rpy_file_closed(h), "open(f, '%s') opens, got %s", mode, pending());
            rpy_file_close(h);
            check(calm() && rpy_file_closed(h), "and closes");
        } else {
            const char *msg = pending();
            check(h == -1 && raised(RPY_EXC_VALUE, mode_cases[k].error), "open(f, '%s'): want %s, got %s", mode,
                  mode_cases[k].error, msg);
        }
        put_file(path, "", 0);
    }
    /* A NUL: in the mode it is found first; in the path after io.open's
     * own checks of the mode, before FileIO's. */
    void **f = frame(2);
    f[0] = S(path);
    f[1] = rpy_str_from_bytes("r\0", 2);
    check(rpy_file_open(STR(0), STR(1)) == -1 && raised(RPY_EXC_VALUE, "embedded null character"),
          "NUL in the mode");
    f[0] = rpy_str_from_bytes("a\0b", 3);
    static const struct {
        const char *mode, *msg;
    } nul_path[] = {
        {"r", "embedded null byte"},
        {"", "embedded null byte"},
        {"q", "invalid mode: 'q'"},
        {"rw", "must have exactly one of create/read/write/append mode"},
    };
    for (size_t k = 0; k < COUNT(nul_path); k++) {
        f[1] = S(nul_path[k].mode);
        const char *msg = pending();
        check(rpy_file_open(STR(0), STR(1)) == -1 && raised(RPY_EXC_VALUE, nul_path[k].msg),
              "open('a\\0b', '%s'): %s, got %s", nul_path[k].mode, nul_path[k].msg, msg);
    }
    unframe(f);
    unlink(path);
}

/* open(path, mode) fails with kind and "[Errno N] <strerror>: <quoted>". */
static void open_fails(const char *path, const char *mode, int kind, int err, const char *quoted) {
    char want[512];
    snprintf(want, sizeof want, "[Errno %d] %s: %s", err, strerror(err), quoted);
    int64_t h = open_file(path, mode);
    const char *msg = pending();
    check(h == -1 && raised(kind, want), "open(%s, %s): want %s, got %s", path, mode, want, msg);
}

static void test_open_errors(void) {
    int64_t h = open_file("nope.txt", "r");
    check(h == -1 && raised(RPY_EXC_FILE_NOT_FOUND, "[Errno 2] No such file or directory: 'nope.txt'"),
          "open('nope.txt'): FileNotFoundError as CPython words it");
    char path[256], quoted[300];
    snprintf(quoted, sizeof quoted, "'%s'", tmpdir);
    static const char *const dir_modes[] = {"r", "rb", "r+", "w", "a", "ab+"};
    for (size_t k = 0; k < COUNT(dir_modes); k++)
        open_fails(tmpdir, dir_modes[k], RPY_EXC_IS_A_DIRECTORY, EISDIR, quoted);
    open_fails(tmpdir, "x", RPY_EXC_FILE_EXISTS, EEXIST, quoted);
    in_tmp(path, sizeof path, "no/such/dir");
    snprintf(quoted, sizeof quoted, "'%s'", path);
    open_fails(path, "w", RPY_EXC_FILE_NOT_FOUND, ENOENT, quoted);
    in_tmp(path, sizeof path, "it's");
    snprintf(quoted, sizeof quoted, "\"%s\"", path);
    open_fails(path, "rb", RPY_EXC_FILE_NOT_FOUND, ENOENT, quoted);

    in_tmp(path, sizeof path, "plain");
    put_file(path, "x", 1);
    snprintf(quoted, sizeof quoted, "'%s'", path);
    open_fails(path, "x", RPY_EXC_FILE_EXISTS, EEXIST, quoted);
    open_fails(path, "xb+", RPY_EXC_FILE_EXISTS, EEXIST, quoted);
    check(file_is(path, "x", 1), "x mode leaves an existing file alone");
    char below[300];
    snprintf(below, sizeof below, "%s/below", path);
    snprintf(quoted, sizeof quoted, "'%s'", below);
    open_fails(below, "r", RPY_EXC_NOT_A_DIRECTORY, ENOTDIR, quoted);
    if (geteuid() != 0) { /* root may open anything */
        chmod(path, 0);
        snprintf(quoted, sizeof quoted, "'%s'", path);
        open_fails(path, "r", RPY_EXC_PERMISSION, EACCES, quoted);
        open_fails(path, "a", RPY_EXC_PERMISSION, EACCES, quoted);
        chmod(path, 0600);
    }
    unlink(path);

    /* x creates. */
    in_tmp(path, sizeof path, "fresh");
    h = open_file(path, "x");
    check(h >= 0 && write_str(h, "new") == 3 && calm(), "x mode creates a file");
    rpy_file_close(h);
    check(calm() && file_is(path, "new", 3), "and writes it");
    unlink(path);
}

/* The descriptor behind a new file object is close-on-exec: it takes the
 * lowest free number, found just before. */
static void test_cloexec(void) {
    char path[256];
    in_tmp(path, sizeof path, "cloexec");
    put_file(path, "abc", 3);
    int probe = dup(0);
    close(probe);
    int64_t h = open_file(path, "r");
    struct stat a, b;
    bool same = fstat(probe, &a) == 0 && stat(path, &b) == 0 && a.st_ino == b.st_ino;
    check(h >= 0 && same && (fcntl(probe, F_GETFD) & FD_CLOEXEC) != 0, "the descriptor is close-on-exec");
    rpy_file_close(h);
    check(calm() && fcntl(probe, F_GETFD) == -1, "close() closes the descriptor");
    unlink(path);
}

/* ---- reading and writing ----------------------------------------------------- */

static void test_roundtrip(void) {
    void **f = frame(2);
    char path[256];
    in_tmp(path, sizeof path, "round");
    /* Text: write returns code points; NULs and every length of UTF-8. */
    int64_t h = open_file(path, "w");
    check(write_str(h, "h\303\251llo ") == 6 && write_str(h, "\344\270\255\360\237\230\200\n") == 3 &&
              write_text(h, "a\0b\n", 4, false) == 4 && write_str(h, "") == 0 && calm(),
          "text write returns code points");
    rpy_file_close(h);
    const char want[] = "h\303\251llo \344\270\255\360\237\230\200\na\0b\n";
    check(calm() && file_is(path, want, sizeof want - 1), "text written as UTF-8, NUL included");
    h = open_file(path, "r");
    f[0] = rpy_file_read(h, -1);
    check(holds(STR(0), want, sizeof want - 1, false) && STR(0)->nchars == 13 && calm(), "read() gives it back");
    f[0] = rpy_file_read(h, -1);
    check(is_text(STR(0), "") && calm(), "then \"\"");
    f[0] = rpy_file_read(h, 5);
    check(is_text(STR(0), "") && calm(), "and read(5) \"\" at the end");
    rpy_file_close(h);

    /* Binary: bytes, counted in bytes. */
    h = open_file(path, "wb");
    check(write_text(h, "\0\377\303\251\r\n", 6, true) == 6 && calm(), "binary write returns bytes");
    rpy_file_close(h);
    check(file_is(path, "\0\377\303\251\r\n", 6), "bytes written as they are");
    h = open_file(path, "rb");
    f[0] = rpy_file_read(h, 3);
    check(holds(STR(0), "\0\377\303", 3, true), "read(3) of bytes");
    f[0] = rpy_file_read(h, 0);
    check(is_bytes(STR(0), "") && calm(), "read(0)");
    f[0] = rpy_file_read(h, -1);
    check(holds(STR(0), "\251\r\n", 3, true) && calm(), "read() of the rest, \\r\\n untouched");
    rpy_file_close(h);

    /* Empty file. */
    put_file(path, "", 0);
    h = open_file(path, "r");
    f[0] = rpy_file_read(h, -1);
    check(is_text(STR(0), "") && calm(), "read() of an empty file");
    f[0] = rpy_file_readline(h);
    check(is_text(STR(0), "") && calm(), "readline() of an empty file");
    f[0] = rpy_file_readlines(h);
    check(list_holds(LIST(0), "", false) && LIST(0)->length == 0 && calm(), "readlines() of an empty file");
    rpy_file_close(h);
    h = open_file(path, "rb");
    f[0] = rpy_file_read(h, 10);
    check(is_bytes(STR(0), "") && calm(), "read(10) of an empty binary file");
    rpy_file_close(h);

    /* Big strings go around the buffer. */
    f[1] = S("0123456789\303\251\n");
    f[1] = rpy_str_repeat(STR(1), 20000);
    h = open_file(path, "w");
    check(rpy_file_write(h, STR(1)) == 240000 && write_str(h, "end") == 3 && calm(), "a big write");
    rpy_file_close(h);
    h = open_file(path, "r");
    f[0] = rpy_file_read(h, 240000);
    check(STR(0) != NULL && rpy_str_eq(STR(0), STR(1)) && STR(0)->nchars == 240000 && calm(),
          "read(240000) gives it back");
    f[0] = rpy_file_read(h, -1);
    check(is_text(STR(0), "end") && calm(), "then the rest");
    rpy_file_close(h);
    unlink(path);
    unframe(f);
}

/* Each read_case through read(), readlines(), read(k) and binary
 * readlines(), and readline() one by one. */
static void test_read_cases(void) {
    void **f = frame(1);
    char path[256];
    in_tmp(path, sizeof path, "cases");
    static const int64_t ks[] = {1, 2, 3, 7};
    for (size_t c = 0; c < COUNT(read_cases); c++) {
        const read_case *rc = &read_cases[c];
        put_file(path, rc->data, (int64_t)strlen(rc->data));
        int64_t h = open_file(path, "r");
        f[0] = rpy_file_read(h, -1);
        check(is_text(STR(0), rc->all) && calm(), "case %zu: read()", c);
        rpy_file_close(h);
        h = open_file(path, "r");
        f[0] = rpy_file_readlines(h);
        check(list_holds(LIST(0), rc->lines, false) && calm(), "case %zu: readlines()", c);
        rpy_file_close(h);
        /* readline() until "", as readlines() gave them */
        h = open_file(path, "r");
        const char *p = rc->lines;
        bool ok = true;
        for (;;) {
            f[0] = rpy_file_readline(h);
            size_t n = strcspn(p, "\036");
            ok &= holds(STR(0), p, (int64_t)n, false);
            if (STR(0) == NULL || STR(0)->length == 0)
                break;
            p += n + (p[n] != '\0');
        }
        check(ok && calm(), "case %zu: readline()", c);
        rpy_file_close(h);
        for (size_t k = 0; k < COUNT(ks); k++) {
            h = open_file(path, "r");
            p = rc->pieces[k];
            ok = true;
            for (;;) {
                f[0] = rpy_file_read(h, ks[k]);
                size_t n = strcspn(p, "\036");
                ok &= holds(STR(0), p, (int64_t)n, false);
                if (STR(0) == NULL || STR(0)->length == 0)
                    break;
                p += n + (p[n] != '\0');
            }
            check(ok && calm(), "case %zu: read(%lld) piece by piece", c, (long long)ks[k]);
            rpy_file_close(h);
        }
        h = open_file(path, "rb");
        f[0] = rpy_file_readlines(h);
        check(list_holds(LIST(0), rc->blines, true) && calm(), "case %zu: binary readlines()", c);
        rpy_file_close(h);
    }
    unlink(path);
    unframe(f);
}

/* ---- files bigger than the buffer -------------------------------------------- */

typedef struct text {
    char *p;
    int64_t n, cap;
} text;

static void add(text *t, const char *p, int64_t n) {
    if (t->n + n > t->cap) {
        t->cap = 2 * (t->n + n);
        t->p = realloc(t->p, (size_t)t->cap);
    }
    memcpy(t->p + t->n, p, (size_t)n);
    t->n += n;
}

/* Byte offset of code point k of t (or t->n). */
static int64_t char_offset(const text *t, int64_t from, int64_t k) {
    int64_t i = from;
    for (; i < t->n; i++)
        if (((unsigned char)t->p[i] & 0xC0) != 0x80 && k-- == 0)
            return i;
    return t->n;
}

/* `lead` bytes of 'a', then pieces of every UTF-8 length and every
 * newline, several buffers long; some pieces are placed to straddle a
 * buffer edge: a 4-byte character 1..3 bytes before it, "\r\n" and a
 * lone "\r" across it. */
static void make_big(text *raw, int64_t lead) {
    static const char *const pieces[] = {"a", "bc", "\303\251", "\344\270\255", "\360\237\230\200", "\n",
                                         "\r\n", "\r", "xyz", "\316\261\316\262"};
    uint64_t state = 0x2545F4914F6CDD1Du + (uint64_t)lead;
    raw->n = 0;
    for (int64_t i = 0; i < lead; i++)
        add(raw, "a", 1);
    int64_t b = RPY_FILE_BUFFER;
    while (raw->n < 4 * b + 100) {
        int64_t edge = (raw->n / b + 1) * b, gap = edge - raw->n;
        int which = (int)(raw->n / b) % 4;
        if (gap <= 4 && which != 3) { /* the last buffer's edges are left to chance */
            if (which == 0 && gap == 1 + lead % 3) /* 😀 across the edge */
                add(raw, "\360\237\230\200", 4);
            else if (which == 1 && gap == 1) /* "\r" the last byte, "\n" the next */
                add(raw, "\r\n", 2);
            else if (which == 2 && gap == 1) /* a lone "\r" last */
                add(raw, "\rq", 2);
            else
                add(raw, "a", 1);
            continue;
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        const char *p = pieces[state % COUNT(pieces)];
        add(raw, p, (int64_t)strlen(p));
    }
}

/* Universal newlines applied to raw. */
static void translate(const text *raw, text *out) {
    out->n = 0;
    for (int64_t i = 0; i < raw->n; i++) {
        if (raw->p[i] != '\r') {
            add(out, raw->p + i, 1);
            continue;
        }
        add(out, "\n", 1);
        if (i + 1 < raw->n && raw->p[i + 1] == '\n')
            i++;
    }
}

static void test_big_files(void) {
    void **f = frame(1);
    char path[256];
    in_tmp(path, sizeof path, "big");
    text raw = {0}, txt = {0};
    static const int64_t sizes[] = {1, 3, 100, 4095, 8191, 8192, 8193, 20000, 100000};
    for (int64_t lead = 0; lead < 4; lead++) {
        make_big(&raw, lead);
        translate(&raw, &txt);
        put_file(path, raw.p, raw.n);
        for (int binary = 0; binary < 2; binary++) {
            const text *want = binary ? &raw : &txt;
            const char *mode = binary ? "rb" : "r";
            /* read() */
            int64_t h = open_file(path, mode);
            f[0] = rpy_file_read(h, -1);
            check(holds(STR(0), want->p, want->n, binary) && calm(), "lead %lld, %s: read()", (long long)lead,
                  mode);
            rpy_file_close(h);
            /* readline() to the end, against the model's lines */
            h = open_file(path, mode);
            int64_t at = 0, lines = 0;
            bool ok = true;
            while (ok) {
                f[0] = rpy_file_readline(h);
                const char *nl = memchr(want->p + at, '\n', (size_t)(want->n - at));
                int64_t end = nl ? nl - want->p + 1 : want->n;
                ok = holds(STR(0), want->p + at, end - at, binary);
                if (!ok || end == at)
                    break;
                at = end;
                lines++;
            }
            check(ok && at == want->n && calm(), "lead %lld, %s: %lld lines by readline()", (long long)lead, mode,
                  (long long)lines);
            rpy_file_close(h);
            /* read(n) for n around the buffer's size */
            for (size_t k = 0; k < COUNT(sizes); k++) {
                h = open_file(path, mode);
                at = 0;
                ok = true;
                while (ok) {
                    f[0] = rpy_file_read(h, sizes[k]);
                    int64_t end = binary ? (at + sizes[k] < want->n ? at + sizes[k] : want->n)
                                         : char_offset(want, at, sizes[k]);
                    ok = holds(STR(0), want->p + at, end - at, binary);
                    if (!ok || end == at)
                        break;
                    at = end;
                }
                check(ok && at == want->n && calm(), "lead %lld, %s: read(%lld) to the end", (long long)lead, mode,
                      (long long)sizes[k]);
                rpy_file_close(h);
            }
            /* a mix: a line, some code points, the rest */
            h = open_file(path, mode);
            f[0] = rpy_file_readline(h);
            at = STR(0) ? STR(0)->length : 0;
            f[0] = rpy_file_read(h, RPY_FILE_BUFFER + 3);
            int64_t end = binary ? at + RPY_FILE_BUFFER + 3 : char_offset(want, at, RPY_FILE_BUFFER + 3);
            ok = holds(STR(0), want->p + at, end - at, binary);
            f[0] = rpy_file_read(h, -1);
            ok &= holds(STR(0), want->p + end, want->n - end, binary);
            check(ok && calm(), "lead %lld, %s: readline, read(n), read()", (long long)lead, mode);
            rpy_file_close(h);
        }
        /* readlines() gives as many lines as readline() */
        int64_t h = open_file(path, "r");
        f[0] = rpy_file_readlines(h);
        int64_t nl = 0;
        for (int64_t i = 0; i < txt.n; i++)
            nl += txt.p[i] == '\n';
        bool ok = LIST(0) != NULL && LIST(0)->length == nl + (txt.n > 0 && txt.p[txt.n - 1] != '\n');
        for (int64_t i = 0, at = 0; ok && i < LIST(0)->length; i++) {
            rpy_str *s;
            memcpy(&s, LIST(0)->items->items + 8 * i, sizeof s);
            ok = holds(s, txt.p + at, s->length, false);
            at += s->length;
        }
        check(ok && calm(), "lead %lld: readlines()", (long long)lead);
        rpy_file_close(h);
    }
    free(raw.p);
    free(txt.p);
    unlink(path);
    unframe(f);
}

/* ---- decoding errors --------------------------------------------------------- */

/* Reads the file the way `how` says (see file_cases.h), expecting msg. */
static void decode_fails(const char *path, int how, const char *msg, const char *what) {
    void **f = frame(1);
    int64_t h = open_file(path, "r");
    switch (how) {
    case 0: f[0] = rpy_file_read(h, -1); break;
    case 1:
        do
            f[0] = rpy_file_readline(h);
        while (STR(0) != NULL && STR(0)->length > 0);
        break;
    case 2:
        do
            f[0] = rpy_file_read(h, 1000);
        while (STR(0) != NULL && STR(0)->length > 0);
        break;
    default:
        f[0] = rpy_file_read(h, 100);
        if (STR(0) != NULL)
            f[0] = rpy_file_read(h, -1);
        break;
    }
    static const char *const hows[] = {"read()", "readline()s", "read(1000)s", "read(100), read()"};
    const char *got = pending();
    check(STR(0) == NULL && raised(RPY_EXC_UNICODE_DECODE, msg), "%s, %s: want %s, got %s", what, hows[how], msg,
          got);
    rpy_file_close(h);
    check(calm(), "close after a decoding error");
    unframe(f);
}

static void test_decode_errors(void) {
    char path[256], what[64];
    in_tmp(path, sizeof path, "bad");
    for (size_t c = 0; c < COUNT(decode_cases); c++) {
        put_file(path, decode_cases[c].data, decode_cases[c].n);
        snprintf(what, sizeof what, "decode case %zu", c);
        for (int how = 0; how < 4; how++)
            decode_fails(path, how, decode_cases[c].msg[how], what);
    }
    for (size_t c = 0; c < COUNT(big_decode_cases); c++) {
        int64_t n = big_decode_cases[c].size;
        char *data = malloc((size_t)n);
        memset(data, 'a', (size_t)n);
        if (big_decode_cases[c].seam != NULL)
            memcpy(data + big_decode_cases[c].seam_at, big_decode_cases[c].seam, 2);
        data[big_decode_cases[c].at] = (char)big_decode_cases[c].bad;
        put_file(path, data, n);
        free(data);
        snprintf(what, sizeof what, "big decode case %zu", c);
        for (int how = 0; how < 4; how++)
            decode_fails(path, how, big_decode_cases[c].msg[how], what);
    }
    /* After an error, reading goes on with the next chunk. */
    void **f = frame(1);
    char *data = malloc(30000);
    for (int i = 0; i < 30000; i++)
        data[i] = i % 100 == 99 ? '\n' : 'a';
    data[5000] = (char)0xff;
    put_file(path, data, 30000);
    free(data);
    int64_t h = open_file(path, "r");
    for (size_t k = 0; k < COUNT(after_error); k++) {
        f[0] = rpy_file_readline(h);
        const char *msg = pending();
        if (after_error[k][0] == '!')
            check(STR(0) == NULL && raised(RPY_EXC_UNICODE_DECODE, after_error[k] + 1), "readline %zu: want %s, got %s",
                  k, after_error[k] + 1, msg);
        else
            check(is_text(STR(0), after_error[k]) && calm(), "readline %zu after an error", k);
    }
    rpy_file_close(h);
    /* Binary files do not decode. */
    put_file(path, "\377\n\300", 3);
    h = open_file(path, "rb");
    f[0] = rpy_file_readlines(h);
    check(list_holds(LIST(0), "\377\n\036\300", true) && calm(), "binary files take any bytes");
    rpy_file_close(h);
    unframe(f);
    unlink(path);
}

/* ---- modes of use ---------------------------------------------------------- */

static void test_append(void) {
    void **f = frame(1);
    char path[256];
    in_tmp(path, sizeof path, "append");
    put_file(path, "one\n", 4);
    int64_t h = open_file(path, "a");
    check(write_str(h, "two\n") == 4 && calm(), "append");
    rpy_file_close(h);
    h = open_file(path, "ab");
    check(write_text(h, "3\n", 2, true) == 2 && calm(), "append bytes");
    rpy_file_close(h);
    check(file_is(path, "one\ntwo\n3\n", 10), "appended at the end");
    /* a+ reads from the end, as CPython */
    h = open_file(path, "a+");
    f[0] = rpy_file_read(h, -1);
    check(is_text(STR(0), "") && calm(), "a+ starts at the end");
    check(write_str(h, "four\n") == 5 && calm(), "a+ writes");
    f[0] = rpy_file_read(h, -1);
    check(is_text(STR(0), "") && calm(), "and reads on from the end");
    rpy_file_close(h);
    check(file_is(path, "one\ntwo\n3\nfour\n", 15), "a+ appended");
    /* a creates */
    unlink(path);
    h = open_file(path, "a");
    write_str(h, "new");
    rpy_file_close(h);
    check(calm() && file_is(path, "new", 3), "append creates the file");
    unlink(path);
    unframe(f);
}

/* The messages CPython gives (see rpy.h). */
static void test_closed_and_direction(void) {
    void **f = frame(1);
    char path[256];
    in_tmp(path, sizeof path, "dir");
    put_file(path, "x\n", 2);
    const char *closed = "I/O operation on closed file.";
    int U = RPY_EXC_UNSUPPORTED_OPERATION, V = RPY_EXC_VALUE;
    /* text */
    int64_t r = open_file(path, "r"), w = open_file(path, "a");
    check(write_str(r, "x") == -1 && raised(U, "not writable"), "text write on r");
    check(rpy_file_read(w, -1) == NULL && raised(U, "not readable"), "text read on w");
    check(rpy_file_read(w, 3) == NULL && raised(U, "not readable"), "text read(3) on w");
    check(rpy_file_readline(w) == NULL && raised(U, "not readable"), "text readline on w");
    check(rpy_file_readlines(w) == NULL && raised(U, "not readable"), "text readlines on w");
    rpy_file_close(r);
    rpy_file_close(w);
    check(calm() && rpy_file_closed(r) && rpy_file_closed(w), "closed");
    rpy_file_close(r);
    check(calm(), "closing twice is fine");
    for (int k = 0; k < 2; k++) {
        int64_t h = k ? w : r;
        check(rpy_file_read(h, -1) == NULL && raised(V, closed), "text read on closed (%d)", k);
        check(rpy_file_read(h, 1) == NULL && raised(V, closed), "text read(1) on closed (%d)", k);
        check(rpy_file_readline(h) == NULL && raised(V, closed), "text readline on closed (%d)", k);
        check(rpy_file_readlines(h) == NULL && raised(V, closed), "text readlines on closed (%d)", k);
        check(write_str(h, "x") == -1 && raised(V, closed), "text write on closed (%d)", k);
    }
    /* binary: the direction first, and the operation named */
    r = open_file(path, "rb");
    w = open_file(path, "ab");
    int64_t rw = open_file(path, "rb+");
    check(write_text(r, "x", 1, true) == -1 && raised(U, "write"), "binary write on rb");
    check(rpy_file_read(w, 1) == NULL && raised(U, "read"), "binary read on ab");
    check(rpy_file_readline(w) == NULL && raised(U, "read"), "binary readline on ab");
    check(rpy_file_readlines(w) == NULL && raised(U, "read"), "binary readlines on ab");
    rpy_file_close(r);
    rpy_file_close(w);
    rpy_file_close(rw);
    check(calm(), "closed");
    check(rpy_file_read(r, 1) == NULL && raised(V, "read of closed file"), "binary read on closed rb");
    check(rpy_file_read(r, -1) == NULL && raised(V, "read of closed file"), "binary read() on closed rb");
    check(rpy_file_readline(r) == NULL && raised(V, "readline of closed file"), "binary readline on closed rb");
    check(rpy_file_readlines(r) == NULL && raised(V, closed), "binary readlines on closed rb");
    check(write_text(r, "x", 1, true) == -1 && raised(U, "write"), "binary write on closed rb");
    check(rpy_file_read(w, 1) == NULL && raised(U, "read"), "binary read on closed ab");
    check(rpy_file_readline(w) == NULL && raised(U, "read"), "binary readline on closed ab");
    check(rpy_file_readlines(w) == NULL && raised(V, closed), "binary readlines on closed ab");
    check(write_text(w, "x", 1, true) == -1 && raised(V, "write to closed file"), "binary write on closed ab");
    check(rpy_file_read(rw, 1) == NULL && raised(V, "read of closed file"), "binary read on closed rb+");
    check(write_text(rw, "x", 1, true) == -1 && raised(V, "write to closed file"), "binary write on closed rb+");
    /* Handles that never were: closed. */
    static const int64_t bogus[] = {-1, 1000000, INT64_MAX, INT64_MIN};
    for (size_t k = 0; k < COUNT(bogus); k++) {
        check(rpy_file_closed(bogus[k]), "handle %lld is closed", (long long)bogus[k]);
        rpy_file_close(bogus[k]);
        check(calm(), "closing it does nothing");
        check(rpy_file_read(bogus[k], 1) == NULL && raised(V, closed), "reading it raises");
    }
    check(file_is(path, "x\n", 2), "nothing was written");
    unlink(path);
    unframe(f);
}

/* Reads and writes taking turns on "+" files continue from each other;
 * binary results as CPython's. */
static void test_plus(void) {
    void **f = frame(1);
    char path[256];
    in_tmp(path, sizeof path, "plus");
    for (int binary = 0; binary < 2; binary++) {
        const char *mode = binary ? "r+b" : "r+";
        put_file(path, "line1\nline2\nline3\n", 18);
        int64_t h = open_file(path, mode);
        f[0] = rpy_file_readline(h);
        check(holds(STR(0), "line1\n", 6, binary), "%s: readline", mode);
        check(write_text(h, "XX", 2, binary) == 2 && calm(), "%s: then write", mode);
        f[0] = rpy_file_readline(h);
        check(holds(STR(0), "ne2\n", 4, binary) && calm(), "%s: reading goes on after the write", mode);
        rpy_file_close(h);
        check(file_is(path, "line1\nXXne2\nline3\n", 18), "%s: written where reading stopped", mode);

        put_file(path, "line1\nline2\nline3\n", 18);
        h = open_file(path, mode);
        f[0] = rpy_file_read(h, 2);
        write_text(h, "XX", 2, binary);
        f[0] = rpy_file_read(h, -1);
        check(holds(STR(0), "1\nline2\nline3\n", 14, binary) && calm(), "%s: read(2), write, read()", mode);
        rpy_file_close(h);
        check(file_is(path, "liXX1\nline2\nline3\n", 18), "%s: the write after read(2)", mode);

        put_file(path, "line1\nline2\nline3\n", 18);
        h = open_file(path, mode);
        write_text(h, "AB", 2, binary);
        f[0] = rpy_file_readline(h);
        check(holds(STR(0), "ne1\n", 4, binary) && calm(), "%s: write, then readline", mode);
        rpy_file_close(h);
        check(file_is(path, "ABne1\nline2\nline3\n", 18), "%s: the write went first", mode);
    }
    /* Text: the read-ahead undone counts bytes, not code points or
     * translated newlines. */
    put_file(path, "\303\251\r\nb\r\nc", 8);
    int64_t h = open_file(path, "r+");
    f[0] = rpy_file_readline(h);
    check(is_text(STR(0), "\303\251\n"), "r+: a line ending in \\r\\n");
    write_str(h, "Z");
    f[0] = rpy_file_read(h, -1);
    check(is_text(STR(0), "\nc") && calm(), "r+: the rest after the write");
    rpy_file_close(h);
    check(file_is(path, "\303\251\r\nZ\r\nc", 8), "r+: written after the \\r\\n");
    /* w+: reading after a write starts after it. */
    h = open_file(path, "w+");
    write_str(h, "abc");
    f[0] = rpy_file_read(h, -1);
    check(is_text(STR(0), "") && calm() && file_is(path, "abc", 3), "w+: read after write flushes and finds the end");
    rpy_file_close(h);
    unlink(path);
    unframe(f);
}

/* Writes wait in the buffer until it fills, a read, or close. */
static void test_buffering(void) {
    char path[256];
    in_tmp(path, sizeof path, "buffered");
    int64_t h = open_file(path, "w");
    write_str(h, "small");
    check(file_is(path, "", 0), "a small write is buffered");
    char *big = malloc(RPY_FILE_BUFFER + 1);
    memset(big, 'b', RPY_FILE_BUFFER);
    big[RPY_FILE_BUFFER] = '\0';
    check(write_str(h, big) == RPY_FILE_BUFFER && calm(), "a write of a whole buffer");
    int64_t n;
    char *p = get_file(path, &n);
    check(n == 5 + RPY_FILE_BUFFER && memcmp(p, "small", 5) == 0 && p[n - 1] == 'b', "goes out at once, in order");
    free(p);
    int64_t half = RPY_FILE_BUFFER / 2 - 1;
    for (int i = 0; i < 3; i++)
        write_text(h, big, half, false);
    struct stat st;
    stat(path, &st);
    check(st.st_size == 5 + RPY_FILE_BUFFER + 2 * half, "the third write sends out the first two: %lld",
          (long long)st.st_size);
    rpy_file_close(h);
    stat(path, &st);
    check(calm() && st.st_size == 5 + RPY_FILE_BUFFER + 3 * half, "close flushes");
    free(big);

    /* A failing flush raises at close, which closes all the same. */
    if (access("/dev/full", W_OK) == 0) {
        h = open_file("/dev/full", "w");
        check(write_str(h, "lost") == 4 && calm(), "a write to /dev/full is buffered");
        rpy_file_close(h);
        check(raised(RPY_EXC_OS, "[Errno 28] No space left on device") && rpy_file_closed(h),
              "close raises OSError ENOSPC and closes");
        h = open_file("/dev/full", "wb");
        char *block = calloc(1, 2 * RPY_FILE_BUFFER);
        check(write_text(h, block, 2 * RPY_FILE_BUFFER, true) == -1 &&
                  raised(RPY_EXC_OS, "[Errno 28] No space left on device"),
              "a big write raises at once");
        free(block);
        rpy_file_close(h);
        check(calm(), "then close is quiet");
    }
    unlink(path);
}

/* ---- at exit ----------------------------------------------------------------- */

/* Runs body in a child whose stdout and stderr both go to one pipe;
 * returns its exit status and what it wrote. */
static int run_child(void (*body)(void), char *out, size_t size) {
    fflush(stdout);
    rpy_io_flush();
    int po[2];
    if (pipe(po) != 0) {
        perror("pipe");
        exit(2);
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(po[1], 2);
        close(po[0]);
        close(po[1]);
        body();
        _exit(99); /* body exits itself */
    }
    close(po[1]);
    size_t n = 0;
    ssize_t got;
    while (n < size - 1 && (got = read(po[0], out + n, size - 1 - n)) > 0)
        n += (size_t)got;
    out[n] = '\0';
    close(po[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char exit_path[256];

/* print, a file on stdout, and a file of its own left open. */
static void writes_and_exits(bool uncaught) {
    rpy_write_str(S("print\n"));
    int64_t out = open_file("/dev/stdout", "w");
    write_str(out, "file\n");
    int64_t own = open_file(exit_path, "wb");
    write_text(own, "left\0open", 9, true);
    rpy_write_str(S("print2\n"));
    if (uncaught) {
        rpy_raise(RPY_EXC_VALUE, "boom");
        rpy_report_uncaught();
    }
    exit(0);
}

static void exits_normally(void) { writes_and_exits(false); }
static void exits_uncaught(void) { writes_and_exits(true); }

static void test_exit(void) {
    char out[1024];
    in_tmp(exit_path, sizeof exit_path, "at_exit");
    int status = run_child(exits_normally, out, sizeof out);
    check(status == 0 && strcmp(out, "print\nprint2\nfile\n") == 0, "at exit: print's output, then files; got %s",
          out);
    check(file_is(exit_path, "left\0open", 9), "a file left open is flushed at exit");
    unlink(exit_path);
    status = run_child(exits_uncaught, out, sizeof out);
    check(status == 1 &&
              strcmp(out, "print\nprint2\nTraceback (most recent call last):\nValueError: boom\nfile\n") == 0,
          "uncaught exception: print's output, traceback, files; got %s", out);
    check(file_is(exit_path, "left\0open", 9), "a file left open is flushed after an uncaught exception");
    unlink(exit_path);
}

/* ---- under memory pressure --------------------------------------------- */

/* readlines() of many lines: the list grows while strings are made. */
static void test_many_lines(int64_t n) {
    void **f = frame(1);
    char path[256];
    in_tmp(path, sizeof path, "many");
    int64_t h = open_file(path, "w");
    for (int64_t i = 0; i < n; i++) {
        char line[32];
        snprintf(line, sizeof line, i % 3 ? "line %lld\n" : "l\303\251ne %lld\r\n", (long long)i);
        write_str(h, line);
    }
    rpy_file_close(h);
    for (int binary = 0; binary < 2; binary++) {
        h = open_file(path, binary ? "rb" : "r");
        f[0] = rpy_file_readlines(h);
        bool ok = LIST(0) != NULL && LIST(0)->length == n && calm();
        for (int64_t i = 0; ok && i < n; i++) {
            char line[32];
            snprintf(line, sizeof line, i % 3 ? "line %lld\n" : binary ? "l\303\251ne %lld\r\n" : "l\303\251ne %lld\n",
                     (long long)i);
            rpy_str *s;
            memcpy(&s, LIST(0)->items->items + 8 * i, sizeof s);
            ok = holds(s, line, (int64_t)strlen(line), binary);
        }
        check(ok, "readlines() of %lld lines, binary %d", (long long)n, binary);
        rpy_file_close(h);
    }
    unlink(path);
    unframe(f);
}

int64_t rpy_entry_point(rpy_list *argv) {
    (void)argv;
    rpy_gc_stats s;
    rpy_gc_get_stats(&s);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/rpy_test_file.XXXXXX");
    if (mkdtemp(tmpdir) == NULL) {
        perror("mkdtemp");
        return 2;
    }
    test_modes();
    test_open_errors();
    test_cloexec();
    test_roundtrip();
    test_read_cases();
    test_big_files();
    test_decode_errors();
    test_append();
    test_closed_and_direction();
    test_plus();
    test_buffering();
    test_exit();
    test_many_lines(s.debug ? 2000 : 20000);
    check(rmdir(tmpdir) == 0, "the temporary directory is left empty");
    check(rpy_exc_value == NULL, "no exception left over");
    check(rpy_shadowstack_top == rpy_shadowstack_base, "shadow stack balanced at the end");
    rpy_gc_get_stats(&s);
    printf("test_file (nursery %llu bytes%s): %d passed, %d failed\n", (unsigned long long)s.nursery_size,
           s.debug ? ", debug" : "", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
