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

/* Type ids below RPY_TID_FIRST_USER are the runtime's own types; the
 * translator numbers the program's types (instances, arrays) from there.
 * Type id 0 is never used, so a zeroed header is recognisably invalid. */
enum { RPY_TID_STR = 1, RPY_TID_LIST_STR = 2, RPY_TID_FIRST_USER = 16 };

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
    RPY_EXC_ATTRIBUTE = 9,
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

/* Called by main() before the entry point; reads RPY_GC_NURSERY (bytes)
 * and RPY_GC_DEBUG / RPY_GC_STATS from the environment. */
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

/* --- provided by generated code ------------------------------------ */
/* The translated entry_point(argv); the result is the process exit code. */
int64_t rpy_entry_point(rpy_list_str *argv);

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
