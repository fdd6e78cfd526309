/* open() and file objects (rpy.h states the contract).
 *
 * Each file object is a malloc'ed struct in a table indexed by handle, so
 * the collector never sees it.  Handles are not reused: a closed file
 * keeps its entry (without its buffer), which lets a stale handle find it
 * closed and get the error message CPython gives for that kind of file.
 *
 * One buffer per file serves one direction at a time: bytes read ahead
 * (buf[pos..end)) or bytes waiting to be written (buf[0..wlen)).  Turning
 * from writing to reading writes the buffer out; turning from reading to
 * writing moves the file offset back over what was read ahead, so that
 * the write lands where the program's reading stopped.
 *
 * Text reading keeps no decoded text: code points and newlines are worked
 * out from the raw bytes as the program takes them, so the read-ahead is
 * all there is to undo before a write.  What read(2) brings in is checked
 * as strict UTF-8 at once, a chunk of RPY_FILE_BUFFER bytes together with
 * the incomplete character left at the end of the one before: that is
 * how CPython's text files feed their decoder, so a decoding error names
 * the position CPython's does.  buf[pos..checked) has been checked;
 * buf[checked..end) is such an incomplete character.
 */
#define _POSIX_C_SOURCE 200809L

#include "rpy.h"
#include "rpy_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* Room for a chunk plus what a reader may keep from the one before: up to
 * three bytes of an incomplete character and a "\r" waiting to see
 * whether "\n" follows. */
#define BUFFER_SIZE (RPY_FILE_BUFFER + 8)

typedef struct file {
    int fd;
    bool readable, writable, binary;
    bool line_buffered; /* a text file on a terminal, as in CPython */
    bool closed;
    char *buf; /* BUFFER_SIZE bytes; NULL once closed */
    int64_t pos, checked, end; /* reading */
    int64_t wlen;              /* writing */
} file;

static file **files;
static int64_t nfiles, files_cap;

static void memory_error(void) { rpy_raise(RPY_EXC_MEMORY, ""); }

/* ---- writing ---------------------------------------------------------------- */

/* write(2) all of p[0..n-1]: 0, or the errno that stopped it. */
static int write_all(int fd, const char *p, int64_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, (size_t)n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        p += w;
        n -= w;
    }
    return 0;
}

/* Writes the buffered bytes out: 0, or the errno of a failure, which
 * loses them (keeping them would only fail again at every flush). */
static int flush_writes(file *f) {
    int64_t n = f->wlen;
    f->wlen = 0;
    return n > 0 ? write_all(f->fd, f->buf, n) : 0;
}

/* At exit (returning from the entry point, an uncaught exception, any
 * exit()), as CPython's shutdown does: print's buffer first, then the
 * files still open, in the order they were opened.  Registered by the
 * first open(), so after rpy_main.c's rpy_io_flush and run before it;
 * errors have no one to go to. */
static void flush_at_exit(void) {
    rpy_io_flush();
    for (int64_t h = 0; h < nfiles; h++)
        if (!files[h]->closed)
            (void)flush_writes(files[h]);
}

/* Before a write: forgets the read-ahead, moving the file offset back to
 * where the program stopped reading.  An offset that cannot move (a pipe,
 * a terminal) loses the read-ahead, as nothing can give it back. */
static void stop_reading(file *f) {
    int64_t ahead = f->end - f->pos;
    if (ahead > 0)
        (void)lseek(f->fd, (off_t)-ahead, SEEK_CUR);
    f->pos = f->checked = f->end = 0;
}

/* Appends p[0..n-1] to the write buffer, writing it out when full; big
 * writes go straight through.  False after raising. */
static bool buffer_write(file *f, const char *p, int64_t n) {
    if (n > RPY_FILE_BUFFER - f->wlen) {
        int e = flush_writes(f);
        bool direct = e == 0 && n >= RPY_FILE_BUFFER;
        if (direct)
            e = write_all(f->fd, p, n);
        if (e != 0) {
            rpy_raise_errno(e, NULL);
            return false;
        }
        if (direct)
            return true;
    }
    memcpy(f->buf + f->wlen, p, (size_t)n);
    f->wlen += n;
    return true;
}

/* ---- reading ---------------------------------------------------------------- */

/* Moves what is left of the read-ahead to the start of the buffer and
 * reads the next chunk after it; in a text file, checks the chunk as
 * UTF-8 (a chunk that fails is dropped, as CPython's decoder has
 * consumed it when it fails).  Returns the bytes read, 0 at end of file,
 * -1 after raising. */
static int64_t fill(file *f) {
    int64_t keep = f->end - f->pos;
    memmove(f->buf, f->buf + f->pos, (size_t)keep);
    f->checked -= f->pos;
    f->end = keep;
    f->pos = 0;
    int64_t room = BUFFER_SIZE - keep < RPY_FILE_BUFFER ? BUFFER_SIZE - keep : RPY_FILE_BUFFER;
    ssize_t got;
    do
        got = read(f->fd, f->buf + keep, (size_t)room);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
        rpy_raise_errno(errno, NULL);
        return -1;
    }
    f->end += got;
    if (f->binary) {
        f->checked = f->end;
        return got;
    }
    int64_t nchars;
    int64_t ok = rpy_utf8_check(f->buf + f->checked, f->end - f->checked, got == 0, &nchars);
    if (ok < 0) {
        f->end = f->checked;
        return -1;
    }
    f->checked += ok;
    return got;
}

/* Text or bytes being gathered for a result, outside the GC heap. */
typedef struct gather {
    char *p;
    int64_t n, cap;
    char small[256];
} gather;

static void gather_init(gather *g) {
    g->p = g->small;
    g->n = 0;
    g->cap = (int64_t)sizeof g->small;
}

static void gather_free(gather *g) {
    if (g->p != g->small)
        free(g->p);
}

static bool gather_add(gather *g, const char *p, int64_t n) {
    if (n > g->cap - g->n) {
        int64_t cap = g->cap;
        while (n > cap - g->n) {
            if (cap > INT64_MAX / 2) {
                memory_error();
                return false;
            }
            cap *= 2;
        }
        char *q = g->p == g->small ? malloc((size_t)cap) : realloc(g->p, (size_t)cap);
        if (q == NULL) {
            memory_error();
            return false;
        }
        if (g->p == g->small)
            memcpy(q, g->small, (size_t)g->n);
        g->p = q;
        g->cap = cap;
    }
    memcpy(g->p + g->n, p, (size_t)n);
    g->n += n;
    return true;
}

/* The gathered text or bytes as a new object (freeing the gather). */
static rpy_str *gathered(file *f, gather *g) {
    rpy_str *r = f->binary ? rpy_bytes_from(g->p, g->n) : rpy_str_from_bytes(g->p, g->n);
    gather_free(g);
    return r;
}

/* Takes bytes from a binary file into g: up to want of them (want < 0:
 * all), and for a line up to and including the first "\n".  False after
 * raising. */
static bool take_bytes(file *f, gather *g, int64_t want, bool line) {
    for (int64_t got = 0; want < 0 || got < want;) {
        if (f->pos == f->end) {
            int64_t r = fill(f);
            if (r <= 0)
                return r == 0;
        }
        int64_t k = f->end - f->pos;
        if (want >= 0 && k > want - got)
            k = want - got;
        const char *p = f->buf + f->pos;
        const char *nl = line ? memchr(p, '\n', (size_t)k) : NULL;
        if (nl != NULL)
            k = nl - p + 1;
        if (!gather_add(g, p, k))
            return false;
        f->pos += k;
        got += k;
        if (nl != NULL)
            break;
    }
    return true;
}

/* The same for a text file, counting code points and turning "\r\n" and
 * a lone "\r" into "\n". */
static bool take_text(file *f, gather *g, int64_t want, bool line) {
    int64_t got = 0;
    for (;;) {
        if (got == want)
            return true;
        while (f->pos == f->checked) {
            int64_t r = fill(f);
            if (r <= 0) /* at the end, fill has checked the last bytes too */
                return r == 0;
        }
        const char *b = f->buf;
        int64_t i = f->pos, from = i;
        bool done = false;
        while (i < f->checked) {
            unsigned char c = (unsigned char)b[i];
            if ((c & 0xC0) != 0x80) { /* a code point starts here */
                if (got == want) {
                    done = true;
                    break;
                }
                got++;
            }
            if (c == '\n' && line) {
                i++;
                done = true;
                break;
            }
            if (c != '\r') {
                i++;
                continue;
            }
            if (!gather_add(g, b + from, i - from) || !gather_add(g, "\n", 1))
                return false;
            if (i + 1 == f->end) { /* what follows decides: read on */
                f->pos = i;
                if (fill(f) < 0)
                    return false; /* the "\r" stays for next time */
                b = f->buf;
                i = f->pos;
            }
            i += i + 1 < f->end && b[i + 1] == '\n' ? 2 : 1;
            from = i;
            if (line) {
                done = true;
                break;
            }
        }
        if (!gather_add(g, b + from, i - from))
            return false;
        f->pos = i;
        if (done)
            return true;
    }
}

/* The rest of the file in one go, as CPython's read() decodes it: one
 * chunk from the first byte not yet checked to the end. */
static rpy_str *read_all(file *f) {
    int64_t have = f->end - f->pos, unchecked = f->checked - f->pos;
    int64_t cap = have + RPY_FILE_BUFFER;
    struct stat st;
    off_t at = lseek(f->fd, 0, SEEK_CUR);
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) && at >= 0 && st.st_size > at)
        cap = have + (int64_t)(st.st_size - at) + 1; /* + 1: the end shows without growing */
    char *p = malloc((size_t)cap);
    if (p == NULL) {
        memory_error();
        return NULL;
    }
    memcpy(p, f->buf + f->pos, (size_t)have);
    f->pos = f->checked = f->end = 0;
    int64_t n = have;
    for (;;) {
        if (n == cap) {
            char *q = cap <= INT64_MAX / 2 ? realloc(p, (size_t)cap * 2) : NULL;
            if (q == NULL) {
                free(p);
                memory_error();
                return NULL;
            }
            p = q;
            cap *= 2;
        }
        ssize_t got = read(f->fd, p + n, (size_t)(cap - n));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            free(p);
            rpy_raise_errno(errno, NULL);
            return NULL;
        }
        if (got == 0)
            break;
        n += got;
    }
    rpy_str *r;
    if (f->binary) {
        r = rpy_bytes_from(p, n);
    } else {
        int64_t nchars, k = 0;
        if (rpy_utf8_check(p + unchecked, n - unchecked, true, &nchars) < 0) {
            free(p);
            return NULL;
        }
        for (int64_t i = 0; i < n; i++) { /* newlines, in place */
            if (p[i] != '\r') {
                p[k++] = p[i];
                continue;
            }
            p[k++] = '\n';
            if (i + 1 < n && p[i + 1] == '\n')
                i++;
        }
        r = rpy_str_from_bytes(p, k);
    }
    free(p);
    return r;
}

/* ---- checks ------------------------------------------------------------------- */

enum op { OP_READ, OP_READLINE, OP_READLINES, OP_WRITE };

/* The file behind h, ready for op; NULL after raising what CPython raises
 * for a closed file or the wrong direction.  Text files check closed
 * first; binary ones check the direction first (except in readlines,
 * which IOBase implements) and name the operation. */
static file *usable(int64_t h, enum op op) {
    file *f = h >= 0 && h < nfiles ? files[h] : NULL;
    bool closed = f == NULL || f->closed;
    bool binary = f != NULL && f->binary;
    bool allowed = f != NULL && (op == OP_WRITE ? f->writable : f->readable);
    const char *closed_msg = "I/O operation on closed file.";
    if (binary && op != OP_READLINES) {
        if (!allowed) {
            rpy_raise(RPY_EXC_UNSUPPORTED_OPERATION, op == OP_WRITE ? "write" : "read");
            return NULL;
        }
        closed_msg = op == OP_READ ? "read of closed file" : op == OP_READLINE ? "readline of closed file"
                                                                                : "write to closed file";
    }
    if (closed) {
        rpy_raise(RPY_EXC_VALUE, closed_msg);
        return NULL;
    }
    if (!allowed) {
        rpy_raise(RPY_EXC_UNSUPPORTED_OPERATION, !binary ? (op == OP_WRITE ? "not writable" : "not readable")
                                                         : "read");
        return NULL;
    }
    if (op != OP_WRITE && f->wlen > 0) {
        int e = flush_writes(f);
        if (e != 0) {
            rpy_raise_errno(e, NULL);
            return NULL;
        }
    }
    if (op == OP_WRITE)
        stop_reading(f);
    return f;
}

/* ---- the API ------------------------------------------------------------------ */

static void value_error(const char *msg) { rpy_raise(RPY_EXC_VALUE, msg); }

int64_t rpy_file_open(rpy_str *path, rpy_str *mode) {
    /* What io.open checks, in its order, then what FileIO checks. */
    const char *m = mode->data;
    int64_t mlen = mode->length;
    if (memchr(m, '\0', (size_t)mlen) != NULL) {
        value_error("embedded null character");
        return -1;
    }
    bool creating = false, reading = false, writing = false, appending = false, plus = false, text = false,
         binary = false, bad = false;
    for (int64_t i = 0; i < mlen && !bad; i++) {
        switch (m[i]) {
        case 'x': creating = true; break;
        case 'r': reading = true; break;
        case 'w': writing = true; break;
        case 'a': appending = true; break;
        case '+': plus = true; break;
        case 't': text = true; break;
        case 'b': binary = true; break;
        default: bad = true; break;
        }
        bad |= memchr(m + i + 1, m[i], (size_t)(mlen - i - 1)) != NULL; /* each at most once */
    }
    if (bad) {
        char *msg = malloc((size_t)mlen + 32);
        if (msg == NULL) {
            memory_error();
            return -1;
        }
        snprintf(msg, (size_t)mlen + 32, "invalid mode: '%s'", m);
        value_error(msg);
        free(msg);
        return -1;
    }
    if (text && binary) {
        value_error("can't have text and binary mode at once");
        return -1;
    }
    int kinds = creating + reading + writing + appending;
    if (kinds > 1) {
        value_error("must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (memchr(path->data, '\0', (size_t)path->length) != NULL) {
        value_error("embedded null byte");
        return -1;
    }
    if (kinds == 0) {
        value_error("Must have exactly one of create/read/write/append mode and at most one plus");
        return -1;
    }

    int flags = O_CLOEXEC | (plus ? O_RDWR : reading ? O_RDONLY : O_WRONLY);
    if (writing)
        flags |= O_CREAT | O_TRUNC;
    else if (appending)
        flags |= O_CREAT | O_APPEND;
    else if (creating)
        flags |= O_CREAT | O_EXCL;
    /* data[length] is NUL: the data are the C string of the path. */
    int fd;
    do
        fd = open(path->data, flags, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        rpy_raise_errno(errno, path);
        return -1;
    }
    /* open(2) lets a directory be opened for reading; CPython refuses. */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        rpy_raise_errno(EISDIR, path);
        return -1;
    }
    if (appending) /* so that reading with "a+" starts at the end, as in CPython */
        (void)lseek(fd, 0, SEEK_END);

    file *f = malloc(sizeof *f);
    char *buf = malloc(BUFFER_SIZE);
    static bool registered;
    if (!registered)
        registered = atexit(flush_at_exit) == 0;
    if (nfiles == files_cap && f != NULL && buf != NULL) {
        int64_t cap = files_cap ? 2 * files_cap : 16;
        file **t = realloc(files, (size_t)cap * sizeof *t);
        if (t != NULL) {
            files = t;
            files_cap = cap;
        }
    }
    if (f == NULL || buf == NULL || nfiles == files_cap) {
        free(f);
        free(buf);
        close(fd);
        memory_error();
        return -1;
    }
    f->fd = fd;
    f->readable = reading || plus;
    f->writable = !reading || plus;
    f->binary = binary;
    f->line_buffered = !binary && isatty(fd);
    f->closed = false;
    f->buf = buf;
    f->pos = f->checked = f->end = f->wlen = 0;
    files[nfiles] = f;
    return nfiles++;
}

rpy_str *rpy_file_read(int64_t h, int64_t n) {
    file *f = usable(h, OP_READ);
    if (f == NULL)
        return NULL;
    if (n < 0)
        return read_all(f);
    gather g;
    gather_init(&g);
    if (!(f->binary ? take_bytes(f, &g, n, false) : take_text(f, &g, n, false))) {
        gather_free(&g);
        return NULL;
    }
    return gathered(f, &g);
}

/* readline() on a file already checked. */
static rpy_str *read_line(file *f) {
    gather g;
    gather_init(&g);
    if (!(f->binary ? take_bytes(f, &g, -1, true) : take_text(f, &g, -1, true))) {
        gather_free(&g);
        return NULL;
    }
    return gathered(f, &g);
}

rpy_str *rpy_file_readline(int64_t h) {
    file *f = usable(h, OP_READLINE);
    return f == NULL ? NULL : read_line(f);
}

bool rpy_file_more(int64_t h) {
    file *f = usable(h, OP_READLINES);
    if (f == NULL)
        return false;
    if (f->pos < f->end)
        return true;
    return fill(f) > 0;
}

rpy_list *rpy_file_readlines(int64_t h) {
    file *f = usable(h, OP_READLINES);
    if (f == NULL)
        return NULL;
    rpy_list *l = rpy_list_new(RPY_TID_ARRAY_PTR, 0, 0);
    while (l != NULL) {
        RPY_PUSH_ROOT(l);
        rpy_str *s = read_line(f);
        RPY_POP_ROOT(l);
        if (s == NULL)
            return NULL;
        if (s->length == 0)
            break;
        RPY_PUSH_ROOT(l);
        rpy_list_append(l, (uint64_t)(uintptr_t)s);
        RPY_POP_ROOT(l);
        if (rpy_exc_value != NULL)
            return NULL;
    }
    return l;
}

int64_t rpy_file_write(int64_t h, rpy_str *s) {
    file *f = usable(h, OP_WRITE);
    if (f == NULL || !buffer_write(f, s->data, s->length))
        return -1;
    if (f->line_buffered &&
        (memchr(s->data, '\n', (size_t)s->length) != NULL || memchr(s->data, '\r', (size_t)s->length) != NULL)) {
        int e = flush_writes(f);
        if (e != 0) {
            rpy_raise_errno(e, NULL);
            return -1;
        }
    }
    return f->binary ? s->length : s->nchars;
}

void rpy_file_flush(int64_t h) {
    file *f = h >= 0 && h < nfiles ? files[h] : NULL;
    if (f == NULL || f->closed) {
        rpy_raise(RPY_EXC_VALUE, "I/O operation on closed file.");
        return;
    }
    int e = flush_writes(f);
    if (e != 0)
        rpy_raise_errno(e, NULL);
}

void rpy_file_close(int64_t h) {
    file *f = h >= 0 && h < nfiles ? files[h] : NULL;
    if (f == NULL || f->closed)
        return;
    int e = flush_writes(f);
    if (close(f->fd) < 0 && errno != EINTR && e == 0)
        e = errno;
    f->closed = true;
    f->fd = -1;
    free(f->buf);
    f->buf = NULL;
    if (e != 0)
        rpy_raise_errno(e, NULL);
}

bool rpy_file_closed(int64_t h) {
    file *f = h >= 0 && h < nfiles ? files[h] : NULL;
    return f == NULL || f->closed;
}

