/* The runtime ABI shared by generated code and the C runtime.
 *
 * Generated LLVM IR calls only the functions declared here, with exactly
 * these signatures (translator/src/abi.rs mirrors this file;
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

/* Type ids below RPY_TID_FIRST_USER are the runtime's own types; the
 * translator numbers the program's types (instances, arrays) from there.
 * Type id 0 is never used, so a zeroed header is recognisably invalid. */
enum {
    RPY_TID_STR = 1,
    RPY_TID_LIST = 2,       /* rpy_list, whatever its items */
    RPY_TID_ARRAY_PTR = 3,  /* rpy_array of GC pointers (8-byte items) */
    RPY_TID_ARRAY_I64 = 4,  /* rpy_array of int64_t */
    RPY_TID_ARRAY_F64 = 5,  /* rpy_array of double */
    RPY_TID_ARRAY_U8 = 6,   /* rpy_array of bool (one byte each) */
    RPY_TID_DICT = 7,       /* rpy_dict (also sets), whatever its items */
    RPY_TID_FIRST_USER = 16,
};

/* Header flags.  The translator emits prebuilt objects (constants,
 * module-level instances) as static data with PREBUILT | TRACK_YOUNG_PTRS;
 * the collector never moves or frees them.  TRACK_YOUNG_PTRS is set on
 * every object outside the nursery whose stores the collector must hear
 * about: generated code calls rpy_gc_write_barrier(obj) before storing a
 * GC pointer into obj when this flag is set.  The other flags are the
 * collector's own. */
enum {
    RPY_GCFLAG_PREBUILT = 1,
    RPY_GCFLAG_TRACK_YOUNG_PTRS = 2,
    RPY_GCFLAG_GC_RESERVED = 0xfffffffc, /* bits 2..31: rpy_gc.c */
};

/* Immutable string: UTF-8 bytes, `length` bytes long, `nchars` code points.
 * `hash` is 0 until computed.  data[length] is always a NUL byte. */
typedef struct rpy_str {
    rpy_hdr hdr;
    int64_t hash;
    int64_t length;
    int64_t nchars;
    char data[];
} rpy_str;

/* A resizable list (RPython's): `length` items in use out of the
 * `items->length` the array holds.  The array's type id says what an item
 * is (RPY_TID_ARRAY_*).  Never NULL items array: an empty list has an
 * array of capacity >= 0.
 *
 * Item i of the list is slot `start + i` of its array, and every slot
 * outside [start, start + length) is zero: the collector traces an array
 * of pointers up to its capacity, so a dead slot before `start` must not
 * keep an object alive any more than one past the end.  `start` lets
 * l.pop(0) take the first item in O(1), but only rpy_list_delete_from_front
 * ever makes it non-zero: the translator calls that only for the lists on
 * which the program calls pop(0) (or pop(i) with an i not known to be
 * negative), and generated code for every other list reads and writes
 * items[i] without adding `start`.  So each other runtime function either leaves `start`
 * as it is or resets it to 0 (moving the items to slot 0, e.g. when it
 * copies them into a new array); a list it creates starts at 0, and so
 * must a prebuilt list. */
typedef struct rpy_array {
    rpy_hdr hdr;
    int64_t length; /* capacity, in items */
    char items[];   /* aligned to 8 */
} rpy_array;

typedef struct rpy_list {
    rpy_hdr hdr;
    int64_t length;
    rpy_array *items;
    int64_t start; /* the slot of item 0, see above */
} rpy_list;

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
    RPY_EXC_ATTRIBUTE = 9,
    RPY_EXC_KEY = 10,       /* dicts and sets (rpy_dict.c) */
    RPY_EXC_NAME = 11,      /* a module variable read before it is set */
    RPY_EXC_OS = 12,        /* OSError: the os functions (rpy_os.c) ... */
    RPY_EXC_FILE_NOT_FOUND = 13, /* ... and its subclasses by errno: ENOENT */
    RPY_EXC_PERMISSION = 14,     /* EACCES, EPERM */
    RPY_EXC_IS_A_DIRECTORY = 15, /* EISDIR */
    RPY_EXC_NOT_A_DIRECTORY = 16, /* ENOTDIR */
    RPY_EXC_FILE_EXISTS = 17,    /* EEXIST */
    RPY_EXC_UNICODE_DECODE = 18, /* bytes.decode (rpy_bytes.c) */
    RPY_EXC_UNSUPPORTED_OPERATION = 19, /* io.UnsupportedOperation (rpy_file.c) */
    RPY_EXC_RUNTIME = 20,   /* a dict or set changed size during iteration */
    RPY_EXC_KIND_COUNT = 21, /* rpy_exc_kind_tids has this many entries */
};

/* --- the garbage collector (rpy_gc.c) --------------------------------
 *
 * Precise, moving and generational: objects are bump-allocated in a
 * nursery; a minor collection copies the survivors to the old generation,
 * which is collected by mark and sweep.  Roots are
 *   - the shadow stack: generated code keeps every GC pointer that is live
 *     across an operation that can collect in a slot between
 *     rpy_shadowstack_base and rpy_shadowstack_top, and reloads it from
 *     there afterwards (the object may have moved);
 *   - rpy_exc_value, the exception in flight;
 *   - prebuilt objects written to since the program started (found by the
 *     write barrier).
 * Objects must be at least 16 bytes (header + one word for the forwarding
 * address); rpy_type_info sizes are rounded up by the translator. */

/* How the collector sees one type.  The table is emitted by the
 * translator (database phase), indexed by type id, runtime types
 * included; runtime/tests define their own. */
typedef struct rpy_type_info {
    uint32_t fixed_size;       /* bytes of the fixed part, header included */
    uint32_t n_gcptrs;         /* GC pointers in the fixed part ... */
    const uint32_t *gcptr_offsets; /* ... at these byte offsets */
    /* Variable-sized types (item_size != 0): the object is
     * items_offset + length * item_size + extra_bytes bytes (rounded up
     * to 8), where length is the int64 at length_offset. */
    uint32_t item_size;
    uint32_t items_offset;
    uint32_t length_offset;
    uint32_t extra_bytes;      /* e.g. a string's terminating NUL */
    uint32_t items_are_gcptrs; /* every item is one GC pointer */
} rpy_type_info;
extern const rpy_type_info rpy_type_table[];
extern const uint32_t rpy_type_count;

/* Called by main() before the entry point; reads these environment
 * variables (an invalid value prints a message and exits with status 2):
 *   RPY_GC_NURSERY=bytes  nursery size (default 4 MiB, at least 1024);
 *   RPY_GC_DEBUG=1        poison the nursery and freed objects, verify
 *                         the heap after every collection;
 *   RPY_GC_STATS=1        print collection counts to stderr at exit;
 *   RPY_GC_STRESS=1       for tests: a minor collection at every
 *                         allocation, and a major one at every 64th
 *                         (the inlined fast path always fails, so every
 *                         allocation takes the slow path); combines with
 *                         RPY_GC_DEBUG;
 *   RPY_GC_MAX=size       heap limit: a number of bytes, optionally
 *                         followed by K, M or G (powers of 1024; either
 *                         case).  An allocation raises MemoryError when,
 *                         even after a full collection, the live old
 *                         generation plus the request would exceed it, so
 *                         garbage never exhausts it, only live data.
 *                         Counted are the old objects' bytes and the
 *                         large objects' (young ones included); not the
 *                         nursery, which comes on top, nor free space in
 *                         the collector's pages.
 *                         It is checked when the nursery is full and
 *                         before each large object: the survivors of a
 *                         minor collection may overshoot it by up to one
 *                         nursery, and the allocation that collected then
 *                         fails.  Unset or empty: no limit.
 * The flags are off when unset, empty or "0". */
void rpy_gc_init(void);
/* A zeroed object of a fixed-size type, header filled in.  MemoryError
 * when the heap is exhausted.  The fast path is a bump of the nursery
 * pointer, inlined into generated code once the runtime bitcode is linked. */
void *rpy_gc_malloc(uint32_t tid);
/* A zeroed object of a variable-sized type with `length` items (the length
 * field set); MemoryError if length is negative or too large. */
void *rpy_gc_malloc_varsize(uint32_t tid, int64_t length);
/* Slow path of the write barrier: generated code calls it before storing a
 * GC pointer into `obj` when obj's TRACK_YOUNG_PTRS flag is set. */
void rpy_gc_write_barrier(void *obj);
/* A full (minor + major) collection. */
void rpy_gc_collect(void);

/* The shadow stack grows upwards: a function needing n root slots does
 * `base = rpy_shadowstack_top; rpy_shadowstack_top = base + n;` with the
 * n slots zeroed, and restores rpy_shadowstack_top = base on return.
 * rpy_stack_check() also reports RecursionError if it runs out. */
extern void **rpy_shadowstack_top;
extern void **rpy_shadowstack_base;

/* --- lists (rpy_list.c) ---------------------------------------------
 *
 * Items travel as 64-bit patterns so one function serves every item kind:
 * an int64_t as is, a double's bits, a bool as 0/1, a GC pointer's
 * address.  Functions that allocate keep their GC arguments rooted
 * themselves; they return NULL (or do nothing) with MemoryError set in
 * rpy_exc_value when memory runs out.  Indices given to these functions
 * are already normalised (0 <= i <= length) unless said otherwise. */

/* A new list of `length` zeroed items (0, 0.0, False, None) in an array
 * of type array_tid, with room for at least `capacity` items. */
rpy_list *rpy_list_new(uint32_t array_tid, int64_t length, int64_t capacity);
/* l.append(item) */
void rpy_list_append(rpy_list *l, uint64_t item);
/* l.append(item) for any l, never inlined: generated code has the common
 * case (room after the last item) inline and calls this when the array
 * is full, so each append site does not carry a second copy of it. */
void rpy_list_append_grow(rpy_list *l, uint64_t item);
/* l.insert(i, item), with Python's clamping of any i. */
void rpy_list_insert(rpy_list *l, int64_t i, uint64_t item);
/* Removes item i (0 <= i < length), shifting the rest down; the caller
 * read the item first (l.pop(i)).  Never makes `start` non-zero. */
void rpy_list_delete(rpy_list *l, int64_t i);
/* The same for a list whose items generated code reads with `start`
 * added (pop(0), pop(i) with i maybe >= 0): moves whichever side of item
 * i is shorter, so the items before i move up one slot and `start` grows
 * by one when i < length / 2 (pop(0) then moves nothing), else the items
 * after i move down as in rpy_list_delete.  An emptied list gets start 0.
 * Never allocates. */
void rpy_list_delete_from_front(rpy_list *l, int64_t i);
/* l * n: a new list (n <= 0 gives an empty one). */
rpy_list *rpy_list_mul(rpy_list *l, int64_t n);
/* l[start:stop:step] with Python's rules for any start/stop; a missing
 * bound is INT64_MIN (start) / INT64_MAX (stop), a missing step 1.
 * step 0 raises ValueError "slice step cannot be zero". */
rpy_list *rpy_list_slice(rpy_list *l, int64_t start, int64_t stop, int64_t step);
/* l[start:stop:step] = items, bounds and step as for rpy_list_slice
 * (step 0: ValueError "slice step cannot be zero"); items holds items of
 * the same kind and may be l itself.  Step 1 replaces the range by all of
 * items, growing or shrinking l (an empty range, stop <= start, is an
 * insertion at start); any other step needs exactly as many items as the
 * slice has, else ValueError "attempt to assign sequence of size 3 to
 * extended slice of size 2". */
void rpy_list_setslice(rpy_list *l, int64_t start, int64_t stop, int64_t step, rpy_list *items);
/* del l[start:stop:step], any step (0: ValueError as above); never
 * allocates. */
void rpy_list_delslice(rpy_list *l, int64_t start, int64_t stop, int64_t step);
/* l.extend(other) (other may be l itself). */
void rpy_list_extend(rpy_list *l, rpy_list *other);
/* a + b: a new list. */
rpy_list *rpy_list_concat(rpy_list *a, rpy_list *b);
void rpy_list_reverse(rpy_list *l);
void rpy_list_clear(rpy_list *l);
/* How items compare for index/count/remove/in/==: */
enum rpy_eq_kind {
    RPY_EQ_BITS = 0,  /* ints, bools, instances (identity) */
    RPY_EQ_FLOAT = 1, /* doubles: ==, so 0.0 == -0.0 and NaN != NaN */
    RPY_EQ_STR = 2,   /* rpy_str contents (NULL is None) */
    /* rpy_lists compared with rpy_list_eq, their items with the kind in
     * the bits above the low eight (a list of lists of floats is
     * RPY_EQ_LIST | (RPY_EQ_LIST | RPY_EQ_FLOAT << 8) << 8). */
    RPY_EQ_LIST = 3,
};
/* x == y for two items of the given rpy_eq_kind. */
bool rpy_items_equal(uint64_t x, uint64_t y, int32_t eq_kind);
/* Orderings for rpy_list_compare, as Python's rich comparisons. */
enum rpy_cmp_op { RPY_CMP_LT = 0, RPY_CMP_LE = 1, RPY_CMP_GT = 2, RPY_CMP_GE = 3 };
/* `a op b` for lists (not None) of ints, bools, floats, strings (not
 * None) or lists of those, as CPython: the first items that differ (by
 * ==) decide with `op` (so a NaN there makes every ordering false), else
 * the lengths do. */
bool rpy_list_compare(rpy_list *a, rpy_list *b, int32_t eq_kind, int32_t op);
/* The first index i >= start with l[i] == item, or -1. */
/* l.index(item, start, stop): the first position in [start, stop) (negative
 * bounds count from the end, as list.index's) holding item, or -1. */
int64_t rpy_list_find(rpy_list *l, uint64_t item, int32_t eq_kind, int64_t start, int64_t stop);
int64_t rpy_list_count(rpy_list *l, uint64_t item, int32_t eq_kind);
/* a == b, item by item. */
bool rpy_list_eq(rpy_list *a, rpy_list *b, int32_t eq_kind);
/* Sorts in place, stable, ascending (descending if reverse): ints, floats,
 * bools by value, strings by code point (UTF-8 byte order). */
void rpy_list_sort(rpy_list *l, int32_t eq_kind, bool reverse);

/* How rpy_list_sort_keyed compares keys. A key is one value of kind
 * kinds[0] when nkinds == 1 and tuple_key is false; otherwise a key is a
 * tuple object (a GC pointer to: header, then one 8-byte slot per field,
 * a bool using the slot's first byte) compared field by field, the first
 * unequal field deciding, with field i of kind kinds[i]. */
enum rpy_sort_kind {
    RPY_SORT_INT = 0,   /* int64_t */
    RPY_SORT_FLOAT = 1, /* double; NaN compares as CPython's < does (never less) */
    RPY_SORT_STR = 2,   /* rpy_str *, by code point */
    RPY_SORT_BOOL = 3,  /* one byte, 0 or 1 */
};
/* l.sort(key=keyfn, reverse=reverse), stable, as CPython's list.sort: the
 * keys are computed first, once per item, in order, by keyfn (NULL: the
 * items are the keys); keyfn gets an item's 64-bit pattern and returns
 * the key's, and may allocate or raise: after a raise (rpy_exc_value set)
 * the list is left unchanged and the function returns at once.  Sorting
 * by keys allocates nothing from the GC heap. */
typedef uint64_t (*rpy_key_fn)(uint64_t item);
void rpy_list_sort_keyed(rpy_list *l, rpy_key_fn keyfn, const int32_t *kinds,
                         int32_t nkinds, bool tuple_key, bool reverse);
/* The same with a key function that also gets `env` (a closure's
 * captured values: a GC pointer, kept rooted and passed as it is now on
 * each call, or NULL); keyfn_env is used when not NULL, else keyfn. */
typedef uint64_t (*rpy_key_env_fn)(uint64_t item, void *env);
void rpy_list_sort_keyed_env(rpy_list *l, rpy_key_fn keyfn, rpy_key_env_fn keyfn_env, void *env,
                             const int32_t *kinds, int32_t nkinds, bool tuple_key, bool reverse);
/* sum(l) of ints (wrapping) or floats (added in order); min(l) / max(l)
 * of items of an rpy_sort_kind (ValueError "min() arg is an empty
 * sequence"; the first of equal items wins); any(l) / all(l) (all: true)
 * with kind RPY_SORT_INT also for pointers (None is false). */
int64_t rpy_list_sum_int(rpy_list *l);
double rpy_list_sum_float(rpy_list *l, double start);
uint64_t rpy_list_minmax(rpy_list *l, int32_t kind, bool max);
bool rpy_list_any(rpy_list *l, int32_t kind, bool all);

/* --- strings (rpy_str.c) ---------------------------------------------
 *
 * Strings are immutable UTF-8 rpy_str objects.  New ones live in the GC
 * heap (type RPY_TID_STR, varsize: `length` bytes plus a NUL); string
 * constants are prebuilt static data.  NULL is None where a function says
 * so.  Functions that allocate root their GC arguments themselves and
 * return NULL with MemoryError in rpy_exc_value when memory runs out.
 * Indices are in code points, as in Python; an all-ASCII string
 * (nchars == length) takes the byte-indexed fast path. */
rpy_str *rpy_str_from_bytes(const char *p, int64_t n); /* counts nchars */
rpy_str *rpy_str_concat(rpy_str *a, rpy_str *b);
rpy_str *rpy_str_repeat(rpy_str *s, int64_t n);       /* n <= 0: "" */
rpy_str *rpy_str_of_int(int64_t v);                   /* str(int) */
rpy_str *rpy_str_of_uint(uint64_t v);                 /* str(r_uint) */
rpy_str *rpy_str_of_float(double v);                  /* str(float) */
rpy_str *rpy_str_of_bool(bool v);                     /* "True"/"False" */
rpy_str *rpy_str_repr(rpy_str *s);                    /* repr(s); NULL: "None" */
/* s[i] (negative counts from the end): IndexError "string index out of
 * range". */
rpy_str *rpy_str_getitem(rpy_str *s, int64_t i);
/* The character at 0 <= i < len(s) (a `for` loop's index): never raises,
 * but may allocate (a character outside ASCII). */
rpy_str *rpy_str_iter_item(rpy_str *s, int64_t i);
/* ord(s[i]) for 0 <= i < len(s): neither raises nor allocates. */
int64_t rpy_str_code_point_at(rpy_str *s, int64_t i);
/* s[start:stop:step]: missing bounds as for rpy_list_slice; ValueError
 * "slice step cannot be zero". */
rpy_str *rpy_str_slice(rpy_str *s, int64_t start, int64_t stop, int64_t step);
/* -1, 0, 1 comparing code points (UTF-8 byte order); neither is NULL. */
int32_t rpy_str_cmp(rpy_str *a, rpy_str *b);
/* hash(s), cached in s->hash (never 0 once computed; any stable hash). */
int64_t rpy_str_hash(rpy_str *s);
/* s.find(sub, start, end) in code points; end INT64_MAX for none. */
int64_t rpy_str_find(rpy_str *s, rpy_str *sub, int64_t start, int64_t end);
int64_t rpy_str_rfind(rpy_str *s, rpy_str *sub, int64_t start, int64_t end);
/* Where s.partition(sep) (reverse: rpartition) cuts: the first (last)
 * occurrence's character index, or -1; ValueError "empty separator". */
int64_t rpy_str_partition_at(rpy_str *s, rpy_str *sep, bool reverse);
int64_t rpy_str_count(rpy_str *s, rpy_str *sub);
bool rpy_str_contains(rpy_str *s, rpy_str *sub);      /* sub in s */
bool rpy_str_startswith(rpy_str *s, rpy_str *prefix);
bool rpy_str_endswith(rpy_str *s, rpy_str *suffix);
/* which: 0 strip, 1 lstrip, 2 rstrip; chars NULL: Unicode whitespace. */
rpy_str *rpy_str_strip(rpy_str *s, rpy_str *chars, int32_t which);
rpy_str *rpy_str_lower(rpy_str *s);
rpy_str *rpy_str_upper(rpy_str *s);
rpy_str *rpy_str_replace(rpy_str *s, rpy_str *old, rpy_str *new_, int64_t count); /* count -1: all */
/* s.split(sep, maxsplit) / s.rsplit: sep NULL splits on whitespace runs;
 * maxsplit -1 for no limit; an empty sep raises ValueError "empty
 * separator".  Returns a list of strings (RPY_TID_ARRAY_PTR items). */
rpy_list *rpy_str_split(rpy_str *s, rpy_str *sep, int64_t maxsplit);
rpy_list *rpy_str_rsplit(rpy_str *s, rpy_str *sep, int64_t maxsplit);
rpy_list *rpy_str_splitlines(rpy_str *s);
rpy_list *rpy_str_chars(rpy_str *s);
/* sep.join(items): items is a list of strings (a None item raises
 * TypeError "sequence item N: expected str instance, NoneType found"). */
rpy_str *rpy_str_join(rpy_str *sep, rpy_list *items);
/* str.isdigit() and friends, with Python's Unicode rules as far as the
 * runtime's tables go (ASCII exact): kind 0 isdigit, 1 isalpha, 2 isalnum,
 * 3 isspace, 4 isupper, 5 islower. */
bool rpy_str_is(rpy_str *s, int32_t kind);
/* ord(s): TypeError "ord() expected a character, but string of length N
 * found" unless one code point. */
int64_t rpy_str_ord(rpy_str *s);
/* chr(i): ValueError "chr() arg not in range(0x110000)". */
rpy_str *rpy_str_chr(int64_t i);
/* float(s): ValueError "could not convert string to float: 's'" (repr). */
double rpy_str_to_float(rpy_str *s);
/* s.zfill(width), s.ljust/rjust/center(width[, fillchar]): which 0 ljust,
 * 1 rjust, 2 center; fill is a one-character string or NULL for ' '. */
rpy_str *rpy_str_zfill(rpy_str *s, int64_t width);
rpy_str *rpy_str_pad(rpy_str *s, int64_t width, rpy_str *fill, int32_t which);

/* s.index(sub, start, end) / s.rindex (reverse): as find/rfind but
 * ValueError "substring not found" instead of -1. */
int64_t rpy_str_index(rpy_str *s, rpy_str *sub, int64_t start, int64_t end, bool reverse);
/* hex(v), oct(v), bin(v) for base 16, 8, 2: "0x1f", "-0o17", "0b101". */
rpy_str *rpy_str_int_to_base(int64_t v, int32_t base);
/* int(s, base) for base 0 or 2..36, CPython's rules and message
 * ("invalid literal for int() with base 16: '...'"); base outside that
 * range: ValueError "int() base must be >= 2 and <= 36, or 0". */
int64_t rpy_str_to_int_base(rpy_str *s, int64_t base);

/* Building strings (rpy_format.c): a builder lives in the caller's frame
 * (generated code reserves RPY_BUILDER_BYTES, 8-aligned), holds its bytes
 * outside the GC heap, and rpy_builder_finish makes the string (which may
 * collect; the builder holds no GC pointers).  The add functions append
 * the text of one value; the format functions apply one %-conversion
 * spec exactly as Python's `%` operator does, e.g. "%-5d", "%.3f", "%x",
 * "%5s", "%r", "%c" (spec is NUL-terminated and already checked by the
 * translator to be one valid conversion for that type of value).  Some
 * values still fail ("%c" out of range, "%d" of inf, memory running out):
 * the error is raised at once, the builder frees its text and ignores
 * what follows, and rpy_builder_finish returns NULL with the exception
 * still pending, so checking after finish alone is enough. */
#define RPY_BUILDER_BYTES 128
typedef struct rpy_builder rpy_builder;
void rpy_builder_init(rpy_builder *b);
void rpy_builder_add_bytes(rpy_builder *b, const char *p, int64_t n);
void rpy_builder_add_str(rpy_builder *b, rpy_str *s);   /* NULL: "None" */
void rpy_builder_add_int(rpy_builder *b, int64_t v);
void rpy_builder_add_float(rpy_builder *b, double v);   /* str(float) */
void rpy_builder_format_int(rpy_builder *b, const char *spec, int64_t v);     /* d i o x X c, and e f g... of an int */
void rpy_builder_format_float(rpy_builder *b, const char *spec, double v);    /* e E f F g G, d i of a float (truncates) */
void rpy_builder_format_str(rpy_builder *b, const char *spec, rpy_str *s);    /* s r (NULL: None) */
/* format(v, spec) / f"{v:spec}" / "{:spec}".format(v): Python's format
 * specification mini-language ([[fill]align][sign][z][#][0][width]
 * [grouping][.precision][type]), spec NUL-terminated without the colon.
 * An invalid spec raises ValueError with CPython's message (e.g.
 * "Unknown format code 'd' for object of type 'float'"). */
void rpy_builder_format_spec_int(rpy_builder *b, const char *spec, int64_t v);
void rpy_builder_format_spec_float(rpy_builder *b, const char *spec, double v);
void rpy_builder_format_spec_str(rpy_builder *b, const char *spec, rpy_str *s);
rpy_str *rpy_builder_finish(rpy_builder *b);
/* repr(value) of a container (rpy_repr.c), its type given by a descriptor:
 * i int, f float, b bool, n None, s str (NULL: None), L<x> list,
 * S<x> set, D<k><v> dict, T<n>;<x1>...<xn> tuple (e.g. "LT2;is"; a NULL
 * tuple shows as None), O<t>; an instance shown by its __repr__ (the
 * only thing that may collect; if it raises, the builder is abandoned:
 * rpy_builder_finish returns NULL). */
void rpy_builder_add_value_repr(rpy_builder *b, uint64_t value, const char *desc);

/* --- dicts and sets (rpy_dict.c) -------------------------------------
 *
 * An insertion-ordered hash table (CPython's compact layout), one type
 * for every key and value kind: entries live in parallel arrays (hashes,
 * keys, values) in insertion order, and `index` maps hash slots to entry
 * numbers.  A set shares the struct, without values (values == NULL):
 * a set of instances is such a dict, any other set is rpy_set.c's
 * CPython-shaped table (index == NULL; see "sets" below).  Keys and
 * values travel as 64-bit patterns, as list items do.  Functions that
 * allocate keep their GC arguments rooted themselves and return with
 * MemoryError set when memory runs out. */
enum rpy_key_kind {
    RPY_KEY_INT = 0,      /* int64 (and bool as 0/1): Python's hash(int) */
    RPY_KEY_FLOAT = 1,    /* double bits: hash(float), compared with == */
    RPY_KEY_STR = 2,      /* rpy_str *, by contents (never NULL) */
    RPY_KEY_IDENTITY = 3, /* GC pointer compared by address (instances; NULL is None) */
    RPY_KEY_CUSTOM = 4,   /* tuples, hashed and compared by their key descriptor */
};
/* Tuple keys (RPY_KEY_CUSTOM) are GC pointers to tuples (never NULL), in
 * an RPY_TID_ARRAY_PTR keys array.  The dict reads their type from a key
 * descriptor: a prebuilt rpy_str (never moved nor freed, so not traced)
 * whose NUL-terminated data is the tuple's descriptor in the language of
 * rpy_builder_add_value_repr, restricted to hashable items:
 *     T<n>;x1...xn   with each xi one of  i int, f float, b bool, n None,
 *                    s str or None, or a nested T... (NULL: None)
 * e.g. "T2;ii" (int, int), "T2;T2;iis" ((int, int), str), "T0;" ().
 * A tuple is one 8-byte slot per item after the header (a bool in the
 * slot's first byte, a str or a nested tuple as a pointer).  Items hash
 * as hash() hashes them (ints and floats alike, so 0.0 and -0.0 match;
 * strings by rpy_str_hash), combined in order; keys compare item by item
 * with Python's == (floats by value, so a NaN item makes a tuple unequal
 * to every other tuple; the very same tuple object always matches), and
 * KeyError shows repr(key).  Two dicts compared or combined (eq, update,
 * set operations) must have the same key type. */
/* Marks a deleted entry in `hashes` (a real hash is never this value). */
#define RPY_DICT_DELETED INT64_MIN

typedef struct rpy_dict {
    rpy_hdr hdr;
    int64_t length;       /* live entries */
    int64_t used;         /* entries filled so far, deleted ones included
                           * (a table set: live and dummy slots) */
    int32_t key_kind;     /* enum rpy_key_kind */
    uint32_t value_tid;   /* array tid of values (0: a set) */
    rpy_str *key_desc;    /* RPY_KEY_CUSTOM: the prebuilt key descriptor; else NULL.
                           * Not a GC pointer for the collector (never traced). */
    rpy_array *hashes;    /* RPY_TID_ARRAY_I64, one per entry */
    rpy_array *keys;      /* key_tid array, one per entry */
    rpy_array *values;    /* value_tid array, one per entry; NULL for a set */
    rpy_array *index;     /* RPY_TID_ARRAY_I64 hash slots: -1 free, -2 dummy, else an entry;
                           * then 3 words of rpy_dict.c's bookkeeping (NULL: a table set) */
    int64_t finger;       /* a table set: the slot where set.pop() starts looking */
} rpy_dict;

/* A new empty dict (value_tid an RPY_TID_ARRAY_* tid) or set (value_tid
 * 0); key_tid is the array tid keys are stored in (ARRAY_I64 for ints,
 * ARRAY_U8 bools, ARRAY_F64 floats, ARRAY_PTR strings/instances/tuples).
 * key_desc is the key descriptor for RPY_KEY_CUSTOM (see above) and is
 * ignored (pass NULL) for the other kinds.  An unknown tid or kind, or a
 * missing or malformed descriptor, raises TypeError "rpy_dict_new: ...". */
rpy_dict *rpy_dict_new(int32_t key_kind, uint32_t key_tid, uint32_t value_tid, rpy_str *key_desc);
/* The entry holding key, or -1. */
int64_t rpy_dict_lookup(rpy_dict *d, uint64_t key);
/* d[key]: KeyError with repr(key) as the message when missing. */
uint64_t rpy_dict_getitem(rpy_dict *d, uint64_t key);
/* d[key] = value: a new key goes last. */
void rpy_dict_setitem(rpy_dict *d, uint64_t key, uint64_t value);
/* del d[key] (must_exist: KeyError when missing); returns whether the
 * key was there. */
bool rpy_dict_delitem(rpy_dict *d, uint64_t key, bool must_exist);
/* d.pop(key): KeyError when missing; d.pop(key, dflt) returns dflt. */
uint64_t rpy_dict_pop(rpy_dict *d, uint64_t key);
uint64_t rpy_dict_pop_default(rpy_dict *d, uint64_t key, uint64_t dflt);
/* Iteration: the first live entry >= i, or -1.  Callers read
 * d->keys / d->values at that entry. */
int64_t rpy_dict_next(rpy_dict *d, int64_t i);
/* rpy_dict_next for `for k in d`, given d's length when the loop began:
 * RuntimeError "dictionary changed size during iteration" if it is not
 * d's length now (CPython checks before every item, and before finding
 * there is none). */
int64_t rpy_dict_iter_next(rpy_dict *d, int64_t i, int64_t length_at_start);
/* popitem(): the last live entry (KeyError "popitem(): dictionary is
 * empty"), for the caller to read and then remove with
 * rpy_dict_delete_entry. */
int64_t rpy_dict_last_entry(rpy_dict *d);
void rpy_dict_delete_entry(rpy_dict *d, int64_t entry);
rpy_dict *rpy_dict_copy(rpy_dict *d);
void rpy_dict_clear(rpy_dict *d);
/* d.update(other): other's entries, in its order. */
void rpy_dict_update(rpy_dict *d, rpy_dict *other);
/* list(d) / list(d.values()): new lists of the keys / values, in order. */
rpy_list *rpy_dict_keys(rpy_dict *d);
rpy_list *rpy_dict_values(rpy_dict *d);
/* The key / value of a live entry (see rpy_dict_next). */
uint64_t rpy_dict_key_at(rpy_dict *d, int64_t entry);
uint64_t rpy_dict_value_at(rpy_dict *d, int64_t entry);
/* d.get(key, dflt) and d.setdefault(key, dflt). */
uint64_t rpy_dict_get(rpy_dict *d, uint64_t key, uint64_t dflt);
uint64_t rpy_dict_setdefault(rpy_dict *d, uint64_t key, uint64_t dflt);
/* list(d.items()): new (key, value) tuples of type tuple_tid (header, then
 * the key and the value in 8-byte slots). */
rpy_list *rpy_dict_items(rpy_dict *d, uint32_t tuple_tid);
/* a == b for dicts (values compared with eq_kind). */
bool rpy_dict_eq(rpy_dict *a, rpy_dict *b, int32_t value_eq_kind);
/* --- sets (rpy_set.c) -------------------------------------------------
 *
 * A set is made by rpy_dict_new with value_tid 0, and used only through
 * these functions (and rpy_dict_key_at, to read the key at a position
 * from rpy_set_next).  Sets of ints, bools, floats, strings and tuples
 * iterate in CPython's order (rpy_set.c says how); sets of instances in
 * insertion order.  Two sets given to one function have the same key
 * type.  GC and errors as for dicts. */
void rpy_set_add(rpy_dict *s, uint64_t key);
bool rpy_set_contains(rpy_dict *s, uint64_t key);
/* set.remove (must_exist: KeyError when missing) or set.discard; returns
 * whether the key was there. */
bool rpy_set_discard(rpy_dict *s, uint64_t key, bool must_exist);
/* Iteration: the first position >= pos holding a key, or -1. */
int64_t rpy_set_next(rpy_dict *s, int64_t pos);
/* rpy_set_next for `for x in s`, given s's length when the loop began:
 * RuntimeError "Set changed size during iteration" if it is not s's
 * length now. */
int64_t rpy_set_iter_next(rpy_dict *s, int64_t pos, int64_t length_at_start);
rpy_dict *rpy_set_copy(rpy_dict *s);
void rpy_set_clear(rpy_dict *s);
/* set(l): adds every item of the list l to the set s, in order. */
void rpy_set_add_all(rpy_dict *s, rpy_list *l);
/* set(d): d's keys in its order, after one resize up front as CPython's. */
void rpy_set_add_dict_keys(rpy_dict *s, rpy_dict *d);
/* set(text): each code point as a one-character string. */
void rpy_set_add_chars(rpy_dict *s, rpy_str *text);
/* a | b, a & b, a - b as new sets. */
rpy_dict *rpy_set_union(rpy_dict *a, rpy_dict *b);
rpy_dict *rpy_set_intersection(rpy_dict *a, rpy_dict *b);
rpy_dict *rpy_set_difference(rpy_dict *a, rpy_dict *b);
/* s |= other (also s.update(other)), s -= other and s &= other, in place. */
void rpy_set_update(rpy_dict *s, rpy_dict *other);
void rpy_set_difference_update(rpy_dict *s, rpy_dict *other);
void rpy_set_intersection_update(rpy_dict *s, rpy_dict *other);
bool rpy_set_eq(rpy_dict *a, rpy_dict *b);
/* A new list of s's keys in iteration order (for sorted(s)). */
rpy_list *rpy_set_list(rpy_dict *s);
/* set.pop(): KeyError "pop from an empty set" when empty. */
uint64_t rpy_set_pop(rpy_dict *s);
/* A display of three or more constants, given s holding its items added
 * in order: the set CPython builds for it (a new one; s itself for a set
 * of instances, which no display of constants makes). */
rpy_dict *rpy_set_of_constants(rpy_dict *s);

/* CPython's hash() of an int and of a float (hash(1.0) == hash(1),
 * hash(-1) == -2, modulo 2**61 - 1). */
int64_t rpy_hash_int(int64_t v);
int64_t rpy_hash_float(double v);

/* --- bytes (rpy_bytes.c) ---------------------------------------------
 *
 * A bytes object is an rpy_str (same layout, type RPY_TID_STR) holding
 * raw bytes with nchars == length always, so the string functions that
 * take the one-byte-per-character fast path work on it bytewise.  The
 * functions here keep that invariant; rpy_str_concat and friends, which
 * recount UTF-8, must not be used to build bytes.  GC rules as for
 * strings: arguments are rooted by the callee, NULL with MemoryError. */
/* A new bytes object holding p[0..n-1] (p outside the GC heap). */
rpy_str *rpy_bytes_from(const char *p, int64_t n);
/* b[i] as 0..255 (negative i counts from the end): IndexError "index out
 * of range". */
int64_t rpy_bytes_getitem(rpy_str *b, int64_t i);
/* b[start:stop:step]: missing bounds as for rpy_list_slice; ValueError
 * "slice step cannot be zero". */
rpy_str *rpy_bytes_slice(rpy_str *b, int64_t start, int64_t stop, int64_t step);
/* a + b */
rpy_str *rpy_bytes_concat(rpy_str *a, rpy_str *b);
/* b * n (n <= 0: b''): OverflowError "repeated bytes are too long". */
rpy_str *rpy_bytes_repeat(rpy_str *b, int64_t n);
/* repr(b) as a str: b'...' (b"..." when b holds ' and no "), \xNN escapes. */
rpy_str *rpy_bytes_repr(rpy_str *b);
/* b.decode() (strict UTF-8): UnicodeDecodeError with CPython's message,
 * e.g. "'utf-8' codec can't decode byte 0xff in position 0: invalid
 * start byte".  May return b itself when it is all ASCII. */
rpy_str *rpy_bytes_decode_utf8(rpy_str *b);
/* s.encode() (UTF-8): s's bytes as a bytes object (s itself when it has
 * one byte per character).  Code points a str cannot encode strictly
 * (surrogates, argv's undecodable bytes) give their bytes as stored. */
rpy_str *rpy_str_encode_utf8(rpy_str *s);

/* --- the os module and sys.stdout/stderr (rpy_os.c) ------------------
 *
 * Errors raise OSError or the subclass for errno (RPY_EXC_OS ..
 * RPY_EXC_FILE_EXISTS) with CPython's message "[Errno 2] No such file or
 * directory: 'name'" (the path's part only where CPython gives one); an
 * fd, flags or mode outside C int raises OverflowError "Python int too
 * large to convert to C int".  EINTR is retried. */
/* os.open(path, flags, mode): the new fd (close-on-exec, as CPython's),
 * or -1 after raising; a path holding a NUL raises ValueError "embedded
 * null byte". */
int64_t rpy_os_open(rpy_str *path, int64_t flags, int64_t mode);
/* os.read(fd, n): up to n bytes (b'' at end of file); n < 0 raises
 * OSError "[Errno 22] Invalid argument" as CPython does. */
rpy_str *rpy_os_read(int64_t fd, int64_t n);
/* os.write(fd, data): one write(2), returns the bytes written.  Writing
 * to fd 1 or 2 first flushes the buffered stdout of print. */
int64_t rpy_os_write(int64_t fd, rpy_str *data);
/* os.close(fd) */
void rpy_os_close(int64_t fd);
/* time.time(): seconds since the epoch (CLOCK_REALTIME). */
double rpy_time_time(void);
/* time.perf_counter() and time.monotonic(): CLOCK_MONOTONIC seconds, as
 * CPython on Linux. */
double rpy_time_perf_counter(void);
/* sys.stdout.write(s) (which 1, through print's buffer) or
 * sys.stderr.write(s) (which 2, unbuffered); returns len(s). */
int64_t rpy_sys_write(int64_t which, rpy_str *s);

/* --- open() and file objects (rpy_file.c) ----------------------------
 *
 * A file object is a handle: an int64_t naming an entry of the runtime's
 * table of open files (malloc'ed, never seen by the collector); handles
 * are not reused, so a closed file stays closed.  Text files are UTF-8:
 * reading decodes strictly (UnicodeDecodeError with CPython's message,
 * its position counted from the start of the chunk being decoded, as in
 * CPython) and turns "\r\n" and a lone "\r" into "\n" (universal
 * newlines); writing stores a str's bytes as they are.  Binary files
 * read and write bytes objects.  Writes are buffered (flushed by close(),
 * before a read from the same file, and at exit for files still open,
 * after print's output); a text file on a terminal is line-buffered.
 * With "+", reads and writes may alternate: each continues where the
 * other stopped.  Errors as CPython words them:
 *   - closed: ValueError "I/O operation on closed file." (binary files:
 *     "read of closed file", "readline of closed file", "write to closed
 *     file");
 *   - wrong direction: io.UnsupportedOperation "not readable" / "not
 *     writable" (binary files: "read" / "write", checked before closed);
 *   - from the system: OSError or its subclass for errno (see the os
 *     functions), "[Errno 28] No space left on device".
 * GC arguments are rooted by the callee; results NULL (or -1) after
 * raising. */
/* open(path, mode): a handle >= 0, or -1 after raising.  mode as
 * CPython's: one of r w a x, optionally + and b or t, each at most once,
 * in any order.  Errors: ValueError "invalid mode: 'q'", "must have
 * exactly one of create/read/write/append mode", "can't have text and
 * binary mode at once", "Must have exactly one of create/read/write/append
 * mode and at most one plus" (no r, w, a or x), "embedded null
 * character" (in mode), "embedded null byte" (in path); then the
 * errno's, e.g. FileNotFoundError "[Errno 2] No such file or directory:
 * 'nope.txt'", IsADirectoryError "[Errno 21] Is a directory: 'dir'"
 * (also when reading), FileExistsError for "x". */
int64_t rpy_file_open(rpy_str *path, rpy_str *mode);
/* f.read(n), f.read() when n < 0: up to n code points (text, a str) or
 * bytes (binary, a bytes object), fewer only at end of file ("" there). */
rpy_str *rpy_file_read(int64_t h, int64_t n);
/* f.readline(): the next line with its "\n" (the last may have none); ""
 * at end of file. */
rpy_str *rpy_file_readline(int64_t h);
/* f.readlines(): a list (RPY_TID_ARRAY_PTR items) of the lines left. */
rpy_list *rpy_file_readlines(int64_t h);
/* `for line in f`: whether a line remains (then rpy_file_readline gives
 * it), reading ahead if needed; a closed file raises ValueError "I/O
 * operation on closed file.". */
bool rpy_file_more(int64_t h);
/* f.flush(): writes what is buffered; a closed file raises ValueError
 * "I/O operation on closed file.". */
void rpy_file_flush(int64_t h);
/* f.write(s): returns len(s), code points (text) or bytes (binary). */
int64_t rpy_file_write(int64_t h, rpy_str *s);
/* f.close(): flushes and closes; closing again does nothing.  A failed
 * flush raises, and the file is closed all the same. */
void rpy_file_close(int64_t h);
/* f.closed */
bool rpy_file_closed(int64_t h);

/* --- provided by generated code ------------------------------------ */
/* The translated entry_point(argv); the result is the process exit code. */
int64_t rpy_entry_point(rpy_list *argv);

/* --- exceptions (rpy_exc.c) -----------------------------------------
 *
 * An exception is an instance of a class derived from BaseException.
 * Raising stores it in rpy_exc_value and returns; generated code checks
 * rpy_exc_value after every operation that can raise and either jumps to
 * a handler (taking the exception with rpy_exc_catch) or leaves the
 * function, recording its location with rpy_traceback_add.  C code of the
 * runtime that raises returns a dummy value at once; the caller checks. */
extern void *rpy_exc_value;
/* Raises a new built-in exception of this kind; msg (copied; NULL or ""
 * for none) becomes str(e).  Never fails: MemoryError uses a preallocated
 * instance. */
void rpy_raise(int32_t kind, const char *msg);
/* ValueError "not enough values to unpack (expected N, got M)". */
void rpy_raise_unpack_short(int64_t expected, int64_t got);
void rpy_raise_unpack_at_least(int64_t expected, int64_t got);
/* ValueError "<repr(value)> is not in list" (list.index), the value read
 * as rpy_builder_add_value_repr's descriptor says. */
void rpy_raise_not_in_list(uint64_t value, const char *desc);
/* The exception leaves a frame at this location (index into
 * rpy_locations). */
void rpy_traceback_add(int32_t loc);
/* Takes the exception for a handler: returns it and clears both
 * rpy_exc_value and the recorded traceback. */
void *rpy_exc_catch(void);
/* The entry point returned with an exception: flush stdout, print the
 * traceback and "<ExcName>: <msg>" on stderr as CPython does, exit(1). */
_Noreturn void rpy_report_uncaught(void);
/* Called by rpy_stack_check when the stack is nearly exhausted: raises
 * RecursionError. */
void rpy_stack_overflow(void);

/* Provided by generated code (the source phase): */
typedef struct rpy_location {
    const char *file;
    const char *func;
    const char *text; /* the source line, stripped */
    int32_t line;
} rpy_location;
extern const rpy_location rpy_locations[];
/* The class of each rpy_exc_kind, by type id. */
extern const uint32_t rpy_exc_kind_tids[];
/* Class names by type id, as a traceback prints them (NULL: no class). */
extern const char *const rpy_type_names[];
/* Byte offset of the message (an rpy_str *, never NULL) in exception
 * instances. */
extern const uint32_t rpy_exc_message_offset;

/* Deep-recursion guard, called at the start of recursive functions.
 * Cheap: one compare against a limit computed at start-up.
 * (rpy_main.c defines it always_inline, so after linking the bitcode it
 * becomes a compare of the caller's frame address.  Note that LLVM's
 * tail-recursion elimination can still turn `return f(n + 1) + 1` into a
 * loop, so unbounded recursion would hang instead of raising; emitting
 * the recursive calls as `notail call` prevents that.) */
extern char *rpy_stack_limit;
/* True when it raised: generated code branches on the result instead of
 * reloading rpy_exc_value on the common path. */
bool rpy_stack_check(void);

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
/* divmod(a, b) of floats: ZeroDivisionError "float divmod()" when b is 0. */
void rpy_float_divmod_check(double b);
/* round(x) of a float: the nearest int, halfway cases to even (errors as
 * rpy_float_to_int for inf and nan). */
int64_t rpy_float_round_to_int(double x);
/* round(x, n) of a float, exactly as CPython (half to even on x's exact
 * decimal value); OverflowError "rounded value too large to represent". */
double rpy_float_round(double x, int64_t n);
/* round(v, n) of an int (n < 0 rounds half to even to a power of ten). */
int64_t rpy_int_round(int64_t v, int64_t n);
/* Exact comparison of an int with a float, as Python does it:
 * returns -1, 0, 1, or 2 when f is NaN. */
int32_t rpy_int_float_compare(int64_t i, double f);
/* Python's round-half-even-free truediv of two ints, correctly rounded
 * (ZeroDivisionError is checked by the caller). */
double rpy_int_truediv(int64_t a, int64_t b);

/* --- the math module (rpy_math.c) ----------------------------------
 * libm with CPython's errors: ValueError "math domain error",
 * OverflowError "math range error"; floor/ceil give ints. */
double rpy_math_sqrt(double x);
double rpy_math_exp(double x);
double rpy_math_log(double x);
double rpy_math_log10(double x);
double rpy_math_log_base(double x, double base);
double rpy_math_sin(double x);
double rpy_math_cos(double x);
double rpy_math_tan(double x);
double rpy_math_atan(double x);
double rpy_math_fabs(double x);
double rpy_math_atan2(double y, double x);
double rpy_math_hypot(double x, double y);
double rpy_math_fmod(double x, double y);
double rpy_math_pow(double x, double y);
int64_t rpy_math_floor(double x);
int64_t rpy_math_ceil(double x);

/* --- strings ------------------------------------------------------- */
/* int(s) with base 10, CPython's rules (whitespace, sign, underscores);
 * ValueError "invalid literal for int() with base 10: '...'" otherwise. */
int64_t rpy_str_to_int(rpy_str *s);
/* int(s[start:stop]) (bounds as for rpy_str_slice, step 1), without
 * making the slice unless the text is not a plain decimal. */
int64_t rpy_str_to_int_slice(rpy_str *s, int64_t start, int64_t stop);
bool rpy_str_eq(rpy_str *a, rpy_str *b);

#endif
