/* String methods that search: find, count, in, startswith, strip,
 * replace, split, splitlines, join, zfill and the justifications; and
 * numbers from text and back: int(s, base), float(s), hex/oct/bin
 * (rpy.h states the contract; rpy_str.c explains the representation).
 *
 * Substrings are searched for as bytes (memchr, glibc's memmem).  In
 * valid UTF-8 a byte match of valid UTF-8 is always a match of code
 * points, but stray bytes (U+DC80..U+DCFF) can match half of a real
 * character, so in multi-byte strings a match also has to start and end
 * at code point boundaries.
 *
 * Functions that produce lists measure first and allocate the list once;
 * they and the others keep GC pointers in shadow-stack slots across
 * allocations (FRAME below) and reload them after.
 */
#define _GNU_SOURCE /* memmem, memrchr */

#include "rpy.h"
#include "rpy_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *memory_error(void) {
    rpy_raise(RPY_EXC_MEMORY, "");
    return NULL;
}

static inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }
static inline bool one_byte_chars(const rpy_str *s) { return s->nchars == s->length; }

/* The code point at byte i of s, its size in *len. */
static inline int32_t char_at(const rpy_str *s, int64_t i, int *len) {
    const unsigned char *u = (const unsigned char *)s->data;
    if (u[i] < 0x80) {
        *len = 1;
        return u[i];
    }
    return rpy_utf8_next(u + i, s->length - i, len);
}

/* The same in any bytes u[0..n-1]. */
static inline int32_t next_char(const unsigned char *u, int64_t i, int64_t n, int *len) {
    if (u[i] < 0x80) {
        *len = 1;
        return u[i];
    }
    return rpy_utf8_next(u + i, n - i, len);
}

/* str.isspace() of an ASCII character, without the table lookup:
 * \t..\r, \x1c..\x1f and ' '. */
static inline bool ascii_space(unsigned c) { return c == ' ' || c - '\t' < 5 || c - 0x1c < 4; }

/* The same as a table indexed by any byte of a one-byte-per-character
 * string, where a byte above 0x7f is a stray byte (U+DC80..U+DCFF),
 * never whitespace: scans of such strings need no decoding at all. */
static const bool space_byte[256] = {
    ['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true, ['\r'] = true,
    [0x1c] = true,  [0x1d] = true,  [0x1e] = true,  [0x1f] = true,  [' '] = true,
};

/* The code point of byte c of a one-byte-per-character string. */
static inline int32_t byte_char(unsigned char c) { return c < 0x80 ? c : 0xDC00 + c; }

/* How many match offsets or word bounds split() and replace() keep from
 * their counting pass, so that the pass that fills the result need not
 * search again; past that many, it searches on from the last one kept. */
#define CUTS_MAX 128

/* Counts code points again if a piece glued in starts with a
 * continuation byte (rpy_str.c explains why). */
static void recount_if(rpy_str *r, bool risky) {
    if (risky)
        r->nchars = rpy_utf8_count(r->data, r->length);
}

/* ---- searching ----------------------------------------------------------- */

static inline bool match_ok(const rpy_str *s, int64_t off, int64_t n) {
    return one_byte_chars(s) || (rpy_str_is_boundary(s, off) && rpy_str_is_boundary(s, off + n));
}

/* Candidates that search_bytes checks before it hands over to memmem. */
#define FALSE_HITS_MAX 8

/* The first occurrence of needle nd[0..nn-1] (nn >= 1) in h[from..to-1],
 * or NULL.  memmem sets up a table for every call (glibc's, for needles
 * longer than two bytes), which costs more than the whole search in the
 * short strings most programs look through; so candidates come from
 * memchr on the needle's first byte, each checked with memcmp, until a
 * few have failed (a common first byte): then memmem, linear in the worst
 * case, takes the rest. */
static const char *search_bytes(const char *h, int64_t from, int64_t to, const char *nd, int64_t nn) {
    if (nn == 1)
        return memchr(h + from, nd[0], (size_t)(to - from));
    for (int hits = 0; to - from >= nn && hits < FALSE_HITS_MAX; hits++) {
        const char *p = memchr(h + from, nd[0], (size_t)(to - from - nn + 1));
        if (p == NULL)
            return NULL;
        if (memcmp(p + 1, nd + 1, (size_t)nn - 1) == 0)
            return p;
        from = p - h + 1;
    }
    if (to - from < nn)
        return NULL;
    return memmem(h + from, (size_t)(to - from), nd, (size_t)nn);
}

/* Byte offset of the first match of sub (not empty) in s's bytes
 * [from, to), or -1. */
static int64_t search(const rpy_str *s, int64_t from, int64_t to, const rpy_str *sub) {
    const char *h = s->data;
    int64_t nn = sub->length;
    while (to - from >= nn) {
        const char *m = search_bytes(h, from, to, sub->data, nn);
        if (m == NULL)
            return -1;
        int64_t off = m - h;
        if (match_ok(s, off, nn))
            return off;
        from = off + 1;
    }
    return -1;
}

/* The last match instead.  Candidates come from memrchr on the needle's
 * last byte, each checked with memcmp. */
static int64_t rsearch(const rpy_str *s, int64_t from, int64_t to, const rpy_str *sub) {
    const char *h = s->data, *nd = sub->data;
    int64_t nn = sub->length;
    while (to - from >= nn) {
        const char *p = memrchr(h + from + nn - 1, nd[nn - 1], (size_t)(to - from - nn + 1));
        if (p == NULL)
            return -1;
        int64_t off = p - h - (nn - 1);
        if (memcmp(h + off, nd, (size_t)nn) == 0 && match_ok(s, off, nn))
            return off;
        to = p - h; /* the next candidate's last byte is before p */
    }
    return -1;
}

/* CPython's find/rfind/index: start and end are clamped as slice bounds
 * are, and an empty sub matches at the start (find) or the end (rfind)
 * of the window unless the window is inverted. */
static int64_t find(rpy_str *s, rpy_str *sub, int64_t start, int64_t end, bool reverse) {
    int64_t n = s->nchars;
    if (end > n)
        end = n;
    else if (end < 0 && (end += n) < 0)
        end = 0;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (end - start < sub->nchars)
        return -1;
    if (sub->length == 0)
        return reverse ? end : start;
    int64_t b0 = start, b1 = end;
    if (!one_byte_chars(s)) {
        b0 = rpy_str_offset(s, start);
        b1 = rpy_str_offset(s, end);
    }
    int64_t off = reverse ? rsearch(s, b0, b1, sub) : search(s, b0, b1, sub);
    if (off < 0 || one_byte_chars(s))
        return off;
    if (reverse)
        return end - rpy_utf8_count(s->data + off, b1 - off);
    return start + rpy_utf8_count(s->data + b0, off - b0);
}

int64_t rpy_str_find(rpy_str *s, rpy_str *sub, int64_t start, int64_t end) {
    return find(s, sub, start, end, false);
}

int64_t rpy_str_rfind(rpy_str *s, rpy_str *sub, int64_t start, int64_t end) {
    return find(s, sub, start, end, true);
}

int64_t rpy_str_partition_at(rpy_str *s, rpy_str *sep, bool reverse) {
    if (sep->length == 0) {
        rpy_raise(RPY_EXC_VALUE, "empty separator");
        return -1;
    }
    return find(s, sep, 0, INT64_MAX, reverse);
}

int64_t rpy_str_index(rpy_str *s, rpy_str *sub, int64_t start, int64_t end, bool reverse) {
    int64_t i = find(s, sub, start, end, reverse);
    if (i < 0)
        rpy_raise(RPY_EXC_VALUE, "substring not found");
    return i;
}

int64_t rpy_str_count(rpy_str *s, rpy_str *sub) {
    if (sub->length == 0)
        return s->nchars + 1;
    int64_t count = 0;
    for (int64_t from = 0, off; (off = search(s, from, s->length, sub)) >= 0; from = off + sub->length)
        count++;
    return count;
}

bool rpy_str_contains(rpy_str *s, rpy_str *sub) {
    return sub->length == 0 || search(s, 0, s->length, sub) >= 0;
}

bool rpy_str_startswith(rpy_str *s, rpy_str *prefix) {
    int64_t n = prefix->length;
    return n <= s->length && memcmp(s->data, prefix->data, (size_t)n) == 0 && rpy_str_is_boundary(s, n);
}

bool rpy_str_endswith(rpy_str *s, rpy_str *suffix) {
    int64_t off = s->length - suffix->length;
    return off >= 0 && memcmp(s->data + off, suffix->data, (size_t)suffix->length) == 0 &&
           rpy_str_is_boundary(s, off);
}

/* ---- strip ------------------------------------------------------------ */

/* The characters to strip: whitespace (chars NULL) or those of chars,
 * ASCII ones in a bitmap. */
typedef struct {
    const rpy_str *chars;
    uint64_t ascii[2];
} char_set;

static void set_init(char_set *set, const rpy_str *chars) {
    set->chars = chars;
    set->ascii[0] = set->ascii[1] = 0;
    if (chars != NULL)
        for (int64_t i = 0; i < chars->length; i++) {
            unsigned char c = (unsigned char)chars->data[i];
            if (c < 0x80)
                set->ascii[c >> 6] |= (uint64_t)1 << (c & 63);
        }
}

static bool in_set(const char_set *set, int32_t c) {
    if (set->chars == NULL)
        return c < 0x80 ? ascii_space((unsigned)c) : (rpy_unicode(c)->flags & RPY_U_SPACE) != 0;
    if (c < 0x80)
        return (set->ascii[c >> 6] >> (c & 63) & 1) != 0;
    for (int64_t i = 0; i < set->chars->length;) {
        int len;
        if (char_at(set->chars, i, &len) == c)
            return true;
        i += len;
    }
    return false;
}

rpy_str *rpy_str_strip(rpy_str *s, rpy_str *chars, int32_t which) {
    char_set set;
    set_init(&set, chars);
    int64_t b0 = 0, b1 = s->length, stripped = 0;
    if (one_byte_chars(s)) { /* byte by byte, nothing to decode */
        const unsigned char *u = (const unsigned char *)s->data;
        if (chars == NULL) {
            while (which != 2 && b0 < b1 && space_byte[u[b0]])
                b0++;
            while (which != 1 && b1 > b0 && space_byte[u[b1 - 1]])
                b1--;
        } else {
            while (which != 2 && b0 < b1 && in_set(&set, byte_char(u[b0])))
                b0++;
            while (which != 1 && b1 > b0 && in_set(&set, byte_char(u[b1 - 1])))
                b1--;
        }
        return rpy_str_bytes_slice(s, b0, b1, b1 - b0);
    }
    if (which != 2) {
        int len;
        while (b0 < b1 && in_set(&set, char_at(s, b0, &len))) {
            b0 += len;
            stripped++;
        }
    }
    if (which != 1) {
        while (b1 > b0) {
            int64_t p = rpy_utf8_prev(s->data, b1);
            int len;
            if (!in_set(&set, char_at(s, p, &len)))
                break;
            b1 = p;
            stripped++;
        }
    }
    return rpy_str_bytes_slice(s, b0, b1, s->nchars - stripped);
}

/* ---- replace ---------------------------------------------------------- */

rpy_str *rpy_str_replace(rpy_str *s, rpy_str *old, rpy_str *new_, int64_t count) {
    if (count < 0)
        count = INT64_MAX;
    int64_t k = 0, cuts[CUTS_MAX];
    if (old->length == 0) { /* new goes before each code point and at the end */
        k = s->nchars < count ? s->nchars + 1 : count;
    } else {
        for (int64_t from = 0, off; k < count && (off = search(s, from, s->length, old)) >= 0;
             from = off + old->length) {
            if (k < CUTS_MAX)
                cuts[k] = off;
            k++;
        }
    }
    if (k == 0)
        return s;
    int64_t size, growth;
    if (__builtin_mul_overflow(k, new_->length - old->length, &growth) ||
        __builtin_add_overflow(s->length, growth, &size)) {
        rpy_raise(RPY_EXC_OVERFLOW, "replace string is too long");
        return NULL;
    }
    FRAME(f, 3);
    f[0] = s;
    f[1] = old;
    f[2] = new_;
    rpy_str *r = rpy_str_alloc_unfilled(size, s->nchars + k * (new_->nchars - old->nchars));
    s = f[0];
    old = f[1];
    new_ = f[2];
    UNFRAME(f);
    if (r == NULL)
        return NULL;
    char *out = r->data;
    int64_t from = 0, nn = new_->length;
    bool risky = nn > 0 && is_cont((unsigned char)new_->data[0]);
    for (int64_t j = 0; j < k; j++) {
        int64_t off = from, skip = old->length;
        if (skip == 0) {
            /* Before code point j: copy the one before (none at j == 0). */
            if (j > 0) {
                int len;
                char_at(s, from, &len);
                off = from + len;
            }
        } else {
            off = j < CUTS_MAX ? cuts[j] : search(s, from, s->length, old);
        }
        rpy_copy_short(out, s->data + from, off - from);
        out += off - from;
        rpy_copy_short(out, new_->data, nn);
        out += nn;
        from = off + skip;
        risky |= from < s->length && is_cont((unsigned char)s->data[from]);
    }
    memcpy(out, s->data + from, (size_t)(s->length - from));
    recount_if(r, risky);
    return r;
}

/* ---- split ------------------------------------------------------------ */

static rpy_list *str_list(int64_t n) { return rpy_list_new(RPY_TID_ARRAY_PTR, n, n); }

/* l[i] = x, with the write barrier generated code would use. */
static void list_put(rpy_list *l, int64_t i, rpy_str *x) {
    rpy_array *a = l->items;
    if (a->hdr.gcflags & RPY_GCFLAG_TRACK_YOUNG_PTRS)
        rpy_gc_write_barrier(a);
    memcpy(rpy_list_item0(l, 8) + 8 * i, &x, sizeof x);
}

/* A piece of s (f[0]) into list f[1] at index i; false when out of
 * memory. */
static bool put_piece(void **f, int64_t i, int64_t b0, int64_t b1, int64_t nchars) {
    rpy_str *s = f[0];
    if (nchars < 0)
        nchars = one_byte_chars(s) ? b1 - b0 : rpy_utf8_count(s->data + b0, b1 - b0);
    rpy_str *x = rpy_str_bytes_slice(s, b0, b1, nchars);
    if (x == NULL)
        return false;
    list_put(f[1], i, x);
    return true;
}

static inline bool space_at(const rpy_str *s, int64_t i, int *len) {
    unsigned char c = (unsigned char)s->data[i];
    if (c < 0x80) {
        *len = 1;
        return ascii_space(c);
    }
    return (rpy_unicode(char_at(s, i, len))->flags & RPY_U_SPACE) != 0;
}

/* The next run of non-whitespace at or after byte *pos: its bytes in
 * [*b0, *b1), *pos moved past it.  With rest, the run goes to the end of
 * s instead, whitespace and all.  False when only whitespace is left. */
static bool next_word(const rpy_str *s, int64_t *pos, bool rest, int64_t *b0, int64_t *b1) {
    int64_t i = *pos, n = s->length;
    int len;
    while (i < n && space_at(s, i, &len))
        i += len;
    if (i == n)
        return false;
    *b0 = i;
    if (rest)
        i = n;
    while (i < n && !space_at(s, i, &len))
        i += len;
    *b1 = *pos = i;
    return true;
}

/* The same from the right: the run ending at or before byte *pos. */
static bool prev_word(const rpy_str *s, int64_t *pos, bool rest, int64_t *b0, int64_t *b1) {
    int64_t i = *pos;
    int len;
    while (i > 0) {
        int64_t p = rpy_utf8_prev(s->data, i);
        if (!space_at(s, p, &len))
            break;
        i = p;
    }
    if (i == 0)
        return false;
    *b1 = i;
    if (rest)
        i = 0;
    while (i > 0) {
        int64_t p = rpy_utf8_prev(s->data, i);
        if (space_at(s, p, &len))
            break;
        i = p;
    }
    *b0 = *pos = i;
    return true;
}

typedef bool (*word_fn)(const rpy_str *, int64_t *, bool, int64_t *, int64_t *);

/* The next word of a one-byte-per-character string, as next_word
 * finds it (without `rest`), by table lookups.  The word's end is looked
 * for eight bytes at a time: every whitespace byte is below 0x21, and
 * (w - 0x21...21) & ~w & 0x80...80 flags the first byte of w below 0x21
 * (bytes above 0x7f never; later flags may be false, which the table
 * sorts out), so one branch per eight bytes replaces one per byte. */
static inline bool next_word_bytes(const rpy_str *s, int64_t *pos, int64_t *b0, int64_t *b1) {
    const unsigned char *u = (const unsigned char *)s->data;
    int64_t i = *pos, n = s->length;
    while (i < n && space_byte[u[i]])
        i++;
    if (i == n)
        return false;
    *b0 = i;
    while (n - i >= 8) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        uint64_t low = (w - 0x2121212121212121u) & ~w & 0x8080808080808080u;
        if (low == 0) {
            i += 8;
            continue;
        }
        i += __builtin_ctzll(low) >> 3;
        if (space_byte[u[i]])
            goto end;
        i++; /* a control character: go on after it */
    }
    while (i < n && !space_byte[u[i]])
        i++;
end:
    *b1 = *pos = i;
    return true;
}

/* s.split() of a one-byte-per-character string, no maxsplit: the first
 * CUTS_MAX words' bounds are kept from the counting pass. */
static rpy_list *split_whitespace_bytes(rpy_str *s) {
    int64_t pos = 0, b0, b1, k = 0, bounds[2 * CUTS_MAX];
    while (next_word_bytes(s, &pos, &b0, &b1)) {
        if (k < CUTS_MAX) {
            bounds[2 * k] = b0;
            bounds[2 * k + 1] = b1;
        }
        k++;
    }
    FRAME(f, 2);
    f[0] = s;
    rpy_list *l = str_list(k);
    f[1] = l;
    for (int64_t i = 0; l != NULL && i < k; i++) {
        if (i < CUTS_MAX) {
            b0 = bounds[2 * i];
            b1 = bounds[2 * i + 1];
            pos = b1;
        } else {
            next_word_bytes(f[0], &pos, &b0, &b1);
        }
        if (!put_piece(f, i, b0, b1, b1 - b0))
            l = NULL;
    }
    if (l != NULL)
        l = f[1];
    UNFRAME(f);
    return l;
}

/* split() / rsplit() without a separator. */
static rpy_list *split_whitespace(rpy_str *s, int64_t maxsplit, bool reverse) {
    if (one_byte_chars(s) && !reverse && maxsplit == INT64_MAX)
        return split_whitespace_bytes(s);
    word_fn word = reverse ? prev_word : next_word;
    int64_t start = reverse ? s->length : 0, pos = start, b0, b1, k = 0;
    while (word(s, &pos, k == maxsplit, &b0, &b1))
        k++;
    FRAME(f, 2);
    f[0] = s;
    rpy_list *l = str_list(k);
    f[1] = l;
    pos = start;
    for (int64_t i = 0; l != NULL && i < k; i++) {
        word(f[0], &pos, i == maxsplit, &b0, &b1);
        if (!put_piece(f, reverse ? k - 1 - i : i, b0, b1, -1))
            l = NULL;
    }
    if (l != NULL)
        l = f[1];
    UNFRAME(f);
    return l;
}

static rpy_list *split(rpy_str *s, rpy_str *sep, int64_t maxsplit, bool reverse) {
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    if (sep == NULL)
        return split_whitespace(s, maxsplit, reverse);
    if (sep->length == 0) {
        rpy_raise(RPY_EXC_VALUE, "empty separator");
        return NULL;
    }
    int64_t k = 1, nn = sep->length, cuts[CUTS_MAX];
    if (reverse) {
        for (int64_t to = s->length, off; k <= maxsplit && (off = rsearch(s, 0, to, sep)) >= 0; to = off) {
            if (k <= CUTS_MAX)
                cuts[k - 1] = off;
            k++;
        }
    } else {
        for (int64_t from = 0, off; k <= maxsplit && (off = search(s, from, s->length, sep)) >= 0;
             from = off + nn) {
            if (k <= CUTS_MAX)
                cuts[k - 1] = off;
            k++;
        }
    }
    FRAME(f, 3);
    f[0] = s;
    f[2] = sep;
    rpy_list *l = str_list(k);
    f[1] = l;
    s = f[0];
    int64_t from = 0, to = s->length;
    for (int64_t i = 0; l != NULL && i < k - 1; i++) {
        s = f[0];
        sep = f[2];
        bool ok;
        if (reverse) {
            int64_t off = i < CUTS_MAX ? cuts[i] : rsearch(s, 0, to, sep);
            ok = put_piece(f, k - 1 - i, off + nn, to, -1);
            to = off;
        } else {
            int64_t off = i < CUTS_MAX ? cuts[i] : search(s, from, s->length, sep);
            ok = put_piece(f, i, from, off, -1);
            from = off + nn;
        }
        if (!ok)
            l = NULL;
    }
    if (l != NULL && put_piece(f, reverse ? 0 : k - 1, from, to, -1))
        l = f[1];
    else
        l = NULL;
    UNFRAME(f);
    return l;
}

rpy_list *rpy_str_split(rpy_str *s, rpy_str *sep, int64_t maxsplit) { return split(s, sep, maxsplit, false); }
rpy_list *rpy_str_rsplit(rpy_str *s, rpy_str *sep, int64_t maxsplit) { return split(s, sep, maxsplit, true); }

/* The line starting at byte *pos: its text in [*b0, *b1), *pos moved
 * past its line break ("\r\n" is one).  False at the end of s. */
static bool next_line(const rpy_str *s, int64_t *pos, int64_t *b0, int64_t *b1) {
    int64_t i = *pos, n = s->length;
    if (i >= n)
        return false;
    *b0 = i;
    while (i < n) {
        int len;
        int32_t c = char_at(s, i, &len);
        if (rpy_unicode(c)->flags & RPY_U_LINEBREAK) {
            *b1 = i;
            i += len;
            if (c == '\r' && i < n && s->data[i] == '\n')
                i++;
            *pos = i;
            return true;
        }
        i += len;
    }
    *b1 = *pos = n;
    return true;
}

rpy_list *rpy_str_splitlines(rpy_str *s) {
    int64_t pos = 0, b0, b1, k = 0;
    while (next_line(s, &pos, &b0, &b1))
        k++;
    FRAME(f, 2);
    f[0] = s;
    rpy_list *l = str_list(k);
    f[1] = l;
    pos = 0;
    for (int64_t i = 0; l != NULL && i < k; i++) {
        next_line(f[0], &pos, &b0, &b1);
        if (!put_piece(f, i, b0, b1, -1))
            l = NULL;
    }
    if (l != NULL)
        l = f[1];
    UNFRAME(f);
    return l;
}

/* list(s): each character of s as a string of its own (for sorted(s),
 * min(s) and max(s)). */
rpy_list *rpy_str_chars(rpy_str *s) {
    int64_t k = s->nchars, pos = 0;
    FRAME(f, 2);
    f[0] = s;
    rpy_list *l = str_list(k);
    f[1] = l;
    for (int64_t i = 0; l != NULL && i < k; i++) {
        int len;
        char_at(f[0], pos, &len);
        if (!put_piece(f, i, pos, pos + len, 1))
            l = NULL;
        pos += len;
    }
    if (l != NULL)
        l = f[1];
    UNFRAME(f);
    return l;
}

/* ---- join ------------------------------------------------------------ */

static inline rpy_str *item(const rpy_list *l, int64_t i) {
    rpy_str *x;
    memcpy(&x, rpy_list_item0(l, 8) + 8 * i, sizeof x);
    return x;
}

static inline bool risky_start(const rpy_str *x) { return x->length > 0 && is_cont((unsigned char)x->data[0]); }

/* How many items ahead join() prefetches: a long list's strings are
 * scattered over the heap, and waiting for each one's header in turn
 * (twice: measuring, then copying) dominated joining a million words. */
#define JOIN_PREFETCH 16

static inline void prefetch_item(const rpy_list *l, int64_t i, int64_t k) {
    if (i + JOIN_PREFETCH < k)
        __builtin_prefetch(item(l, i + JOIN_PREFETCH));
}

rpy_str *rpy_str_join(rpy_str *sep, rpy_list *items) {
    int64_t k = items->length, size = 0, nchars = 0;
    bool risky = false;
    for (int64_t i = 0; i < k; i++) {
        prefetch_item(items, i, k);
        rpy_str *x = item(items, i);
        if (x == NULL) {
            char msg[100];
            snprintf(msg, sizeof msg, "sequence item %lld: expected str instance, NoneType found", (long long)i);
            rpy_raise(RPY_EXC_TYPE, msg);
            return NULL;
        }
        if (__builtin_add_overflow(size, x->length, &size))
            goto too_long;
        nchars += x->nchars;
    }
    if (k == 0)
        return rpy_str_alloc(0, 0);
    if (k == 1)
        return item(items, 0);
    int64_t seps;
    if (__builtin_mul_overflow(k - 1, sep->length, &seps) || __builtin_add_overflow(size, seps, &size))
        goto too_long;
    nchars += (k - 1) * sep->nchars;
    risky |= risky_start(sep);
    FRAME(f, 2);
    f[0] = sep;
    f[1] = items;
    rpy_str *r = rpy_str_alloc_unfilled(size, nchars);
    sep = f[0];
    items = f[1];
    UNFRAME(f);
    if (r == NULL)
        return NULL;
    /* The seams are checked while copying, when each item's first byte
     * is being read anyway (an empty item's is its NUL: no risk), rather
     * than in the measuring pass, which then reads only the headers. */
    char *out = r->data;
    rpy_str *x = item(items, 0);
    rpy_copy_short(out, x->data, x->length);
    out += x->length;
    if (sep->length == 1) { /* " ".join(words) and the like */
        char c = sep->data[0];
        for (int64_t i = 1; i < k; i++) {
            prefetch_item(items, i, k);
            *out++ = c;
            x = item(items, i);
            risky |= is_cont((unsigned char)x->data[0]);
            rpy_copy_short(out, x->data, x->length);
            out += x->length;
        }
    } else {
        for (int64_t i = 1; i < k; i++) {
            prefetch_item(items, i, k);
            rpy_copy_short(out, sep->data, sep->length);
            out += sep->length;
            x = item(items, i);
            risky |= is_cont((unsigned char)x->data[0]);
            rpy_copy_short(out, x->data, x->length);
            out += x->length;
        }
    }
    recount_if(r, risky);
    return r;
too_long:
    rpy_raise(RPY_EXC_OVERFLOW, "join() result is too long for a Python string");
    return NULL;
}

/* ---- zfill and justification -------------------------------------------- */

rpy_str *rpy_str_zfill(rpy_str *s, int64_t width) {
    if (s->nchars >= width)
        return s;
    int64_t fill = width - s->nchars, size;
    if (__builtin_add_overflow(s->length, fill, &size))
        return memory_error();
    RPY_PUSH_ROOT(s);
    rpy_str *r = rpy_str_alloc(size, width);
    RPY_POP_ROOT(s);
    if (r == NULL)
        return NULL;
    /* The zeros go after a sign. */
    int64_t sign = s->length > 0 && (s->data[0] == '+' || s->data[0] == '-');
    memcpy(r->data, s->data, (size_t)sign);
    memset(r->data + sign, '0', (size_t)fill);
    memcpy(r->data + sign + fill, s->data + sign, (size_t)(s->length - sign));
    recount_if(r, sign + fill < r->length && is_cont((unsigned char)r->data[sign + fill]));
    return r;
}

rpy_str *rpy_str_pad(rpy_str *s, int64_t width, rpy_str *fill, int32_t which) {
    if (fill != NULL && fill->nchars != 1) {
        rpy_raise(RPY_EXC_TYPE, "The fill character must be exactly one character long");
        return NULL;
    }
    if (s->nchars >= width)
        return s;
    int64_t marg = width - s->nchars, left = 0;
    if (which == 1)
        left = marg;
    else if (which == 2) /* CPython's rounding: the odd one out goes left only for odd widths */
        left = marg / 2 + (marg & width & 1);
    int64_t flen = fill != NULL ? fill->length : 1, size;
    if (__builtin_mul_overflow(marg, flen, &size) || __builtin_add_overflow(size, s->length, &size))
        return memory_error();
    RPY_PUSH_ROOT(s);
    RPY_PUSH_ROOT(fill);
    rpy_str *r = rpy_str_alloc(size, width);
    RPY_POP_ROOT(fill);
    RPY_POP_ROOT(s);
    if (r == NULL)
        return NULL;
    const char *fb = fill != NULL ? fill->data : " ";
    char *out = r->data;
    for (int64_t i = 0; i < left; i++, out += flen)
        memcpy(out, fb, (size_t)flen);
    memcpy(out, s->data, (size_t)s->length);
    out += s->length;
    for (int64_t i = left; i < marg; i++, out += flen)
        memcpy(out, fb, (size_t)flen);
    recount_if(r, is_cont((unsigned char)fb[0]) || (left > 0 && risky_start(s)));
    return r;
}

/* ---- int(s), float(s), hex/oct/bin ---------------------------------------- */

/* CPython first turns non-ASCII whitespace into ' ' and non-ASCII decimal
 * digits into ASCII ones, then parses ASCII; the parsers here do the same
 * one code point at a time.  Their error messages quote the string as
 * repr() would. */

/* CPython formats some messages with %.200R: the repr is cut after 200
 * code points, even inside an escape or before the closing quote. */
#define REPR_MAX_CHARS 200

/* prefix, then repr(s) cut after max_chars code points, as a malloc'ed C
 * string (NULL when out of memory). */
static char *repr_message(const char *prefix, const rpy_str *s, int64_t max_chars) {
    size_t plen = strlen(prefix);
    /* An input byte gives at most 10 output bytes (\UXXXXXXXX), and an
     * output code point at most 4. */
    int64_t cap = s->length < max_chars ? s->length * 10 + 2 : max_chars * 4;
    char *msg = malloc(plen + (size_t)cap + 1);
    if (msg == NULL)
        return NULL;
    memcpy(msg, prefix, plen);
    char *o = msg + plen;
    int64_t left = max_chars;
    const unsigned char *u = (const unsigned char *)s->data;
    char quote = rpy_repr_quote(s->data, s->length);
    *o++ = quote;
    left--;
    for (int64_t i = 0; i < s->length && left > 0;) {
        int len;
        int32_t c = next_char(u, i, s->length, &len);
        char esc[12];
        int k = rpy_repr_escape(c, quote, false, esc);
        if (k == 0) {
            memcpy(o, u + i, (size_t)len);
            o += len;
            left--;
        }
        for (int j = 0; j < k && left > 0; j++, left--)
            *o++ = esc[j];
        i += len;
    }
    if (left > 0)
        *o++ = quote;
    *o = '\0';
    return msg;
}

static void raise_with_repr(int32_t kind, const char *prefix, const rpy_str *s, int64_t max_chars) {
    char *msg = repr_message(prefix, s, max_chars);
    if (msg == NULL) {
        rpy_raise(RPY_EXC_MEMORY, "");
        return;
    }
    rpy_raise(kind, msg);
    free(msg);
}

/* Whitespace that int() and float() strip.  Note U+001C..U+001F are
 * str.isspace() but these reject them: CPython only maps non-ASCII spaces
 * to ' ' before parsing. */
static bool is_int_space(int32_t c) {
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return (rpy_unicode(c)->flags & RPY_U_SPACE) != 0;
}

/* Every Unicode decimal digit belongs to a run of ten consecutive code
 * points valued 0..9; these are the code points of the zeros. */
static const int32_t digit_zeros[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,
    0xbe6,   0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,
    0x1090,  0x17e0,  0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,
    0x1c40,  0x1c50,  0xa620,  0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,
    0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0,
    0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
};

int rpy_digit_value(int32_t c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c < 0x80)
        return -1;
    int lo = 0, hi = (int)(sizeof digit_zeros / sizeof digit_zeros[0]);
    while (lo < hi) { /* find the last zero <= c */
        int mid = (lo + hi) / 2;
        if (digit_zeros[mid] <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && c - digit_zeros[lo - 1] < 10)
        return c - digit_zeros[lo - 1];
    return -1;
}

/* CPython refuses to convert more digits than this in a base that is not
 * a power of two (sys.get_int_max_str_digits()), before looking at the
 * value. */
#define MAX_STR_DIGITS 4300

static int64_t invalid_literal(rpy_str *s, int64_t base) {
    char prefix[64];
    snprintf(prefix, sizeof prefix, "invalid literal for int() with base %d: ", (int)base);
    raise_with_repr(RPY_EXC_VALUE, prefix, s, REPR_MAX_CHARS);
    return 0;
}

/* The code point at byte offset i of s (its size in *len), or -1 at the
 * end of the string. */
static int32_t char_or_end(const rpy_str *s, int64_t i, int *len) {
    if (i >= s->length) {
        *len = 0;
        return -1;
    }
    return next_char((const unsigned char *)s->data, i, s->length, len);
}

/* Value of c as a digit in base (any Unicode decimal digit counts, as
 * CPython turns those into ASCII first), or -1. */
static int digit_in_base(int32_t c, int base) {
    int d = rpy_digit_value(c);
    if (d < 0 && c >= 0 && c < 0x80) {
        int l = c | 0x20;
        if (l >= 'a' && l <= 'z')
            d = l - 'a' + 10;
    }
    return d < base ? d : -1;
}

int64_t rpy_str_to_int_base(rpy_str *s, int64_t base_arg) {
    if (base_arg != 0 && (base_arg < 2 || base_arg > 36)) {
        rpy_raise(RPY_EXC_VALUE, "int() base must be >= 2 and <= 36, or 0");
        return 0;
    }
    int base = (int)base_arg;
    int64_t i = 0;
    int len;
    int32_t c = char_or_end(s, i, &len);
    while (is_int_space(c))
        c = char_or_end(s, i += len, &len);
    bool negative = c == '-';
    if (c == '+' || c == '-')
        c = char_or_end(s, i += len, &len);
    /* A prefix names the base (base 0) or may repeat it; one underscore
     * may follow it. */
    if (rpy_digit_value(c) == 0 && (base == 0 || base == 16 || base == 8 || base == 2)) {
        int len2;
        int32_t x = char_or_end(s, i + len, &len2) | 0x20;
        int named = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
        if (named != 0 && (base == 0 || base == named)) {
            base = named;
            c = char_or_end(s, i += len + len2, &len);
            if (c == '_')
                c = char_or_end(s, i += len, &len);
        }
    }
    bool no_leading_zeros = base == 0; /* base 0 without a prefix: "010" is refused */
    if (base == 0)
        base = 10;
    /* Digits with single underscores between them.  Accumulate the
     * magnitude, remembering (not raising) overflow because a later
     * syntax error must win, as in CPython. */
    if (digit_in_base(c, base) < 0)
        return invalid_literal(s, base_arg);
    bool leading_zero = digit_in_base(c, base) == 0, nonzero = false;
    uint64_t mag = 0;
    bool too_big = false, after_underscore = false;
    int64_t ndigits = 0;
    for (;; c = char_or_end(s, i += len, &len)) {
        int d = digit_in_base(c, base);
        if (d >= 0) {
            if (mag > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
                too_big = true;
            else
                mag = mag * (uint64_t)base + (uint64_t)d;
            nonzero |= d != 0;
            ndigits++;
            after_underscore = false;
        } else if (c == '_' && !after_underscore) {
            after_underscore = true;
        } else {
            break;
        }
    }
    if (after_underscore || (no_leading_zeros && leading_zero && nonzero))
        return invalid_literal(s, base_arg);
    if ((base & (base - 1)) != 0 && ndigits > MAX_STR_DIGITS) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "Exceeds the limit (%d digits) for integer string conversion: "
                 "value has %lld digits; use sys.set_int_max_str_digits() to "
                 "increase the limit",
                 MAX_STR_DIGITS, (long long)ndigits);
        rpy_raise(RPY_EXC_VALUE, msg);
        return 0;
    }
    while (is_int_space(c))
        c = char_or_end(s, i += len, &len);
    if (c != -1)
        return invalid_literal(s, base_arg);
    uint64_t limit = negative ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
    if (too_big || mag > limit) {
        rpy_raise(RPY_EXC_OVERFLOW, "int too large to convert to a 64-bit machine integer");
        return 0;
    }
    return negative ? (int64_t)(0 - mag) : (int64_t)mag;
}

/* The common case of int(s): an optional sign and at most 18 ASCII
 * digits (which cannot overflow), nothing else. */
/* Whether the ASCII bytes p[0..n-1] are an optional sign and at most 18
 * digits (no overflow possible), and their value. */
static bool plain_decimal_bytes(const unsigned char *p, int64_t n, int64_t *out) {
    int64_t i = 0;
    if (n == 0 || n > 18)
        return false;
    bool negative = p[0] == '-';
    if (p[0] == '-' || p[0] == '+') {
        if (n == 1)
            return false;
        i = 1;
    }
    uint64_t v = 0;
    for (; i < n; i++) {
        unsigned d = (unsigned)p[i] - '0';
        if (d > 9)
            return false;
        v = v * 10 + d;
    }
    *out = negative ? -(int64_t)v : (int64_t)v;
    return true;
}

static bool plain_decimal(const rpy_str *s, int64_t *out) {
    return s->nchars == s->length && plain_decimal_bytes((const unsigned char *)s->data, s->length, out);
}

int64_t rpy_str_to_int_slice(rpy_str *s, int64_t start, int64_t stop) {
    int64_t step = 1, count, v;
    if (s->nchars == s->length && rpy_slice_adjust(s->length, &start, &stop, &step, &count)
        && plain_decimal_bytes((const unsigned char *)s->data + start, count, &v))
        return v;
    rpy_str *slice = rpy_str_slice(s, start, stop, 1);
    if (slice == NULL)
        return 0;
    return rpy_str_to_int(slice);
}

int64_t rpy_str_to_int(rpy_str *s) {
    int64_t v;
    if (s != NULL && plain_decimal(s, &v))
        return v;
    if (s == NULL) { /* an Optional[str] that was None */
        rpy_raise(RPY_EXC_TYPE, "int() argument must be a string, a bytes-like object "
                                "or a real number, not 'NoneType'");
        return 0;
    }
    return rpy_str_to_int_base(s, 10);
}

rpy_str *rpy_str_int_to_base(int64_t v, int32_t base) {
    if (base < 2 || base > 36)
        base = 10;
    char buf[72];
    char *p = buf + sizeof buf;
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = "0123456789abcdefghijklmnopqrstuvwxyz"[m % (uint64_t)base];
        m /= (uint64_t)base;
    } while (m != 0);
    char letter = base == 16 ? 'x' : base == 8 ? 'o' : base == 2 ? 'b' : 0;
    if (letter != 0) {
        *--p = letter;
        *--p = '0';
    }
    if (v < 0)
        *--p = '-';
    int64_t n = buf + sizeof buf - p;
    rpy_str *s = rpy_str_alloc(n, n);
    if (s != NULL)
        memcpy(s->data, p, (size_t)n);
    return s;
}

static double float_error(rpy_str *s) {
    raise_with_repr(RPY_EXC_VALUE, "could not convert string to float: ", s, INT64_MAX);
    return -1.0;
}

static inline bool is_ascii_digit(int c) { return c >= '0' && c <= '9'; }

/* Skips a run of ASCII digits at p[*i]; returns how many there were. */
static int64_t digits(const char *p, int64_t *i) {
    int64_t start = *i;
    while (is_ascii_digit(p[*i]))
        (*i)++;
    return *i - start;
}

static bool word_at(const char *p, const char *word) {
    for (; *word != '\0'; p++, word++)
        if ((*p | 0x20) != *word)
            return false;
    return true;
}

double rpy_str_to_float(rpy_str *s) {
    /* As CPython does: non-ASCII spaces become ' ' and non-ASCII decimal
     * digits their ASCII digit; any other non-ASCII character fails.
     * Underscores must sit between two digits and are dropped. */
    const unsigned char *u = (const unsigned char *)s->data;
    int64_t n = s->length;
    char small[64];
    char *t = n < (int64_t)sizeof small ? small : malloc((size_t)n + 1);
    if (t == NULL)
        return memory_error(), -1.0;
    int64_t m = 0;
    int prev = 0;
    bool ok = true;
    for (int64_t i = 0; i < n && ok;) {
        int len;
        int32_t c = next_char(u, i, n, &len);
        i += len;
        if (c >= 0x80) {
            int d = rpy_digit_value(c);
            c = d >= 0 ? '0' + d : is_int_space(c) ? ' ' : 0;
            ok = c != 0;
        }
        if (c == '_')
            ok = is_ascii_digit(prev);
        else if (prev == '_')
            ok = is_ascii_digit(c);
        if (c != '_')
            t[m++] = (char)c;
        prev = c;
    }
    ok = ok && prev != '_';
    t[m] = '\0';
    /* [sign] (inf | infinity | nan | digits [. digits] | . digits)
     * [e [sign] digits], between ASCII whitespace.  strtod (correctly
     * rounded in glibc) takes the text once its syntax is known good. */
    int64_t i = 0, end = m;
    while (i < end && is_int_space((unsigned char)t[i]))
        i++;
    while (end > i && is_int_space((unsigned char)t[end - 1]))
        end--;
    t[end] = '\0';
    double result = 0.0;
    if (ok) {
        int64_t j = i;
        bool negative = t[j] == '-';
        if (t[j] == '+' || t[j] == '-')
            j++;
        if (word_at(t + j, "infinity") && end - j == 8) {
            result = negative ? -INFINITY : INFINITY;
        } else if (word_at(t + j, "inf") && end - j == 3) {
            result = negative ? -INFINITY : INFINITY;
        } else if (word_at(t + j, "nan") && end - j == 3) {
            result = negative ? -NAN : NAN;
        } else {
            int64_t mantissa = digits(t, &j);
            if (t[j] == '.') {
                j++;
                mantissa += digits(t, &j);
            }
            ok = mantissa > 0;
            if (ok && (t[j] | 0x20) == 'e') {
                j++;
                if (t[j] == '+' || t[j] == '-')
                    j++;
                ok = digits(t, &j) > 0;
            }
            ok = ok && j == end;
            if (ok)
                result = strtod(t + i, NULL);
        }
    }
    if (t != small)
        free(t);
    return ok ? result : float_error(s);
}
