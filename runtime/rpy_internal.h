/* Helpers shared between the runtime's own C files (and its tests).
 * Generated code never calls these; the public ABI is rpy.h. */
#ifndef RPY_INTERNAL_H
#define RPY_INTERNAL_H

#include <stdint.h>

/* Write out whatever rpy_write_* has buffered (rpy_io.c). */
void rpy_io_flush(void);
/* write(2) all of p[0..n-1] to fd, retrying short writes and EINTR;
 * gives up silently on other errors (there is nowhere to report them). */
void rpy_fd_write_all(int fd, const char *p, int64_t n);

/* Longest output of rpy_format_float, including the NUL. */
#define RPY_FLOAT_REPR_MAX 32
/* repr(x) as CPython prints it, NUL-terminated; returns the length. */
int rpy_format_float(double x, char *buf);

/* Decode one code point from p[0..avail-1] (avail >= 1), storing the
 * number of bytes used in *len.  Bytes that do not start a well-formed
 * UTF-8 sequence decode one at a time to U+DC80..U+DCFF, which is what
 * Python's surrogateescape gives for the same bytes in argv (rpy_str.c). */
int32_t rpy_utf8_next(const unsigned char *p, int64_t avail, int *len);

#endif
