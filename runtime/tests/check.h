/* The runtime tests' counting check: a failure prints FAIL and the
 * formatted reason; each program prints its totals at the end. */
#ifndef RPY_TESTS_CHECK_H
#define RPY_TESTS_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static int passed, failed;

/* Counts one check; returns ok, so a test can stop after a failure. */
static bool check(bool ok, const char *fmt, ...) {
    if (ok) {
        passed++;
        return true;
    }
    failed++;
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL: ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    return false;
}

#endif
