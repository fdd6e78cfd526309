/* The os module's file descriptor functions and sys.stdout/stderr.write
 * (rpy.h states the contract).
 *
 * Errors become OSError or the subclass CPython picks for errno, with
 * CPython's message: "[Errno N] <strerror text>", followed for os.open by
 * ": " and repr(path) (rpy_raise_errno, which open() in rpy_file.c uses
 * too).  Calls interrupted by a signal are retried (PEP 475), except
 * close(2): on Linux the descriptor is gone even then.
 */
#define _POSIX_C_SOURCE 200809L

#include "rpy.h"
#include "rpy_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* The exception kind CPython raises for errno e. */
static int32_t kind_of_errno(int e) {
    switch (e) {
    case ENOENT:
        return RPY_EXC_FILE_NOT_FOUND;
    case EACCES:
    case EPERM:
        return RPY_EXC_PERMISSION;
    case EISDIR:
        return RPY_EXC_IS_A_DIRECTORY;
    case ENOTDIR:
        return RPY_EXC_NOT_A_DIRECTORY;
    case EEXIST:
        return RPY_EXC_FILE_EXISTS;
    default:
        return RPY_EXC_OS;
    }
}

/* Shared with rpy_file.c (rpy_internal.h). */
void rpy_raise_errno(int e, rpy_str *path) {
    char head[160];
    int k = snprintf(head, sizeof head, "[Errno %d] %s", e, strerror(e));
    if (k < 0)
        k = 0;
    if ((size_t)k >= sizeof head)
        k = (int)sizeof head - 1;
    if (path == NULL) {
        rpy_raise(kind_of_errno(e), head);
        return;
    }
    rpy_str *r = rpy_str_repr(path); /* may collect; nothing else is held */
    if (r == NULL)
        return; /* MemoryError is set */
    size_t n = (size_t)k + 2 + (size_t)r->length;
    char *msg = malloc(n + 1);
    if (msg == NULL) {
        rpy_raise(RPY_EXC_MEMORY, "");
        return;
    }
    memcpy(msg, head, (size_t)k);
    memcpy(msg + k, ": ", 2);
    memcpy(msg + k + 2, r->data, (size_t)r->length);
    msg[n] = '\0';
    /* A NUL inside the repr cannot happen (repr escapes it), so the C
     * string carries the whole message. */
    rpy_raise(kind_of_errno(e), msg);
    free(msg);
}

/* v fits in a C int; else raises OverflowError as CPython's argument
 * conversion does. */
static bool fits_int(int64_t v) {
    if (v >= INT_MIN && v <= INT_MAX)
        return true;
    rpy_raise(RPY_EXC_OVERFLOW, "Python int too large to convert to C int");
    return false;
}

int64_t rpy_os_open(rpy_str *path, int64_t flags, int64_t mode) {
    if (!fits_int(flags) || !fits_int(mode))
        return -1;
    if (memchr(path->data, '\0', (size_t)path->length) != NULL) {
        rpy_raise(RPY_EXC_VALUE, "embedded null byte");
        return -1;
    }
    /* data[length] is always NUL, so the data are a C string.  Stray
     * bytes (argv's undecodable ones) are stored as themselves, which is
     * what surrogateescape would hand to the system too. */
    int fd;
    do
        fd = open(path->data, (int)flags | O_CLOEXEC, (mode_t)mode);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        rpy_raise_errno(errno, path);
        return -1;
    }
    return fd;
}

rpy_str *rpy_os_read(int64_t fd, int64_t n) {
    if (!fits_int(fd))
        return NULL;
    if (n < 0) { /* CPython: errno = EINVAL, then its usual error */
        rpy_raise_errno(EINVAL, NULL);
        return NULL;
    }
    /* Read outside the GC heap, then copy exactly what came: a big n
     * costs address space only (malloc'ed pages untouched by the read
     * are never committed), not a big object in the heap. */
    char small[4096];
    char *buf = small;
    if ((uint64_t)n > sizeof small) {
        if ((uint64_t)n > (uint64_t)SSIZE_MAX || (buf = malloc((size_t)n)) == NULL) {
            rpy_raise(RPY_EXC_MEMORY, "");
            return NULL;
        }
    }
    ssize_t got;
    do
        got = read((int)fd, buf, (size_t)n);
    while (got < 0 && errno == EINTR);
    int e = errno;
    rpy_str *r = NULL;
    if (got < 0)
        rpy_raise_errno(e, NULL);
    else
        r = rpy_bytes_from(buf, got);
    if (buf != small)
        free(buf);
    return r;
}

int64_t rpy_os_write(int64_t fd, rpy_str *data) {
    if (!fits_int(fd))
        return -1;
    /* CPython's print() buffers in sys.stdout and os.write bypasses that
     * buffer, so there text written with os.write(1, ...) can come out
     * before earlier print output.  Translated programs are judged by
     * their output, so we flush print's buffer first and keep the order
     * the program wrote things in (for fd 2 as well, so that a terminal
     * shows both streams interleaved as written). */
    if (fd == 1 || fd == 2)
        rpy_io_flush();
    ssize_t w;
    do
        w = write((int)fd, data->data, (size_t)data->length);
    while (w < 0 && errno == EINTR);
    if (w < 0) {
        rpy_raise_errno(errno, NULL);
        return -1;
    }
    return w;
}

void rpy_os_close(int64_t fd) {
    if (!fits_int(fd))
        return;
    if (close((int)fd) < 0 && errno != EINTR)
        rpy_raise_errno(errno, NULL);
}

static double clock_seconds(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double rpy_time_time(void) { return clock_seconds(CLOCK_REALTIME); }

double rpy_time_perf_counter(void) { return clock_seconds(CLOCK_MONOTONIC); }

int64_t rpy_sys_write(int64_t which, rpy_str *s) {
    if (which == 2)
        rpy_fd_write_all(2, s->data, s->length); /* CPython's stderr is line-buffered: near enough */
    else
        rpy_write_str(s);
    return s->nchars;
}
