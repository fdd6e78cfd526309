/* The runtime's own types, described exactly as generated code describes
 * them in rpy_type_table (the translator's database phase).  Each test
 * program defines its own table and starts it with these entries:
 *
 *     const rpy_type_info rpy_type_table[] = {
 *         RPY_RUNTIME_TYPE_ENTRIES,
 *         [T_MINE] = {...},
 *     };
 */
#ifndef RPY_TEST_RUNTIME_TYPES_H
#define RPY_TEST_RUNTIME_TYPES_H

#include <stddef.h>

#include "../rpy.h"

_Static_assert(sizeof(rpy_str) == 32 && offsetof(rpy_str, length) == 16, "rpy_str layout");
_Static_assert(sizeof(rpy_list) == 32 && offsetof(rpy_list, length) == 8 && offsetof(rpy_list, items) == 16 &&
                   offsetof(rpy_list, start) == 24,
               "rpy_list layout");
_Static_assert(sizeof(rpy_array) == 16 && offsetof(rpy_array, length) == 8, "rpy_array layout");

_Static_assert(sizeof(rpy_dict) == 80 && offsetof(rpy_dict, hashes) == 40 && offsetof(rpy_dict, index) == 64,
               "rpy_dict layout");
/* key_desc (offset 32) points to prebuilt static data: not traced. */
_Static_assert(offsetof(rpy_dict, key_desc) == 32, "rpy_dict key descriptor");

static const uint32_t rpy_test_list_gcptrs[] = {16};
static const uint32_t rpy_test_dict_gcptrs[] = {40, 48, 56, 64}; /* hashes, keys, values, index */

#define RPY_RUNTIME_TYPE_ENTRIES                                                                                   \
    [RPY_TID_STR] = {.fixed_size = 32, .item_size = 1, .items_offset = 32, .length_offset = 16, .extra_bytes = 1}, \
    [RPY_TID_LIST] = {.fixed_size = 32, .n_gcptrs = 1, .gcptr_offsets = rpy_test_list_gcptrs},                     \
    [RPY_TID_ARRAY_PTR] = {.fixed_size = 16, .item_size = 8, .items_offset = 16, .length_offset = 8,               \
                           .items_are_gcptrs = 1},                                                                 \
    [RPY_TID_ARRAY_I64] = {.fixed_size = 16, .item_size = 8, .items_offset = 16, .length_offset = 8},              \
    [RPY_TID_ARRAY_F64] = {.fixed_size = 16, .item_size = 8, .items_offset = 16, .length_offset = 8},              \
    [RPY_TID_ARRAY_U8] = {.fixed_size = 16, .item_size = 1, .items_offset = 16, .length_offset = 8},              \
    [RPY_TID_DICT] = {.fixed_size = sizeof(rpy_dict), .n_gcptrs = 4, .gcptr_offsets = rpy_test_dict_gcptrs}

/* Exceptions raised by the runtime are instances of one class per
 * rpy_exc_kind (generated code emits the real hierarchy): a header and
 * the message, as rpy_exc.c needs them.  A test program gives them the
 * type ids base .. base + RPY_EXC_KIND_COUNT - 1:
 *
 *     [...] = { RPY_RUNTIME_TYPE_ENTRIES, RPY_TEST_EXC_ENTRIES(T_EXC), ... };
 *     const uint32_t rpy_exc_kind_tids[] = RPY_TEST_EXC_KIND_TIDS(T_EXC);
 */
typedef struct rpy_test_exc {
    rpy_hdr hdr;
    rpy_str *message;
} rpy_test_exc;
static const uint32_t rpy_test_exc_gcptrs[] = {offsetof(rpy_test_exc, message)};

#define RPY_TEST_EXC_ENTRY(tid) \
    [tid] = {.fixed_size = sizeof(rpy_test_exc), .n_gcptrs = 1, .gcptr_offsets = rpy_test_exc_gcptrs}
#define RPY_TEST_EXC_ENTRIES(b)                                                                            \
    RPY_TEST_EXC_ENTRY((b) + 0), RPY_TEST_EXC_ENTRY((b) + 1), RPY_TEST_EXC_ENTRY((b) + 2),                  \
        RPY_TEST_EXC_ENTRY((b) + 3), RPY_TEST_EXC_ENTRY((b) + 4), RPY_TEST_EXC_ENTRY((b) + 5),              \
        RPY_TEST_EXC_ENTRY((b) + 6), RPY_TEST_EXC_ENTRY((b) + 7), RPY_TEST_EXC_ENTRY((b) + 8),              \
        RPY_TEST_EXC_ENTRY((b) + 9), RPY_TEST_EXC_ENTRY((b) + 10), RPY_TEST_EXC_ENTRY((b) + 11),            \
        RPY_TEST_EXC_ENTRY((b) + 12), RPY_TEST_EXC_ENTRY((b) + 13), RPY_TEST_EXC_ENTRY((b) + 14),           \
        RPY_TEST_EXC_ENTRY((b) + 15), RPY_TEST_EXC_ENTRY((b) + 16), RPY_TEST_EXC_ENTRY((b) + 17),           \
        RPY_TEST_EXC_ENTRY((b) + 18), RPY_TEST_EXC_ENTRY((b) + 19), RPY_TEST_EXC_ENTRY((b) + 20)
#define RPY_TEST_EXC_KIND_TIDS(b)                                                                          \
    {(b) + 0,  (b) + 1,  (b) + 2,  (b) + 3,  (b) + 4,  (b) + 5,  (b) + 6,  (b) + 7,  (b) + 8,  (b) + 9,        \
     (b) + 10, (b) + 11, (b) + 12, (b) + 13, (b) + 14, (b) + 15, (b) + 16, (b) + 17, (b) + 18, (b) + 19,       \
     (b) + 20}
/* Their Python names, for rpy_type_names (tracebacks):
 *
 *     const char *const rpy_type_names[T_COUNT] = { RPY_TEST_EXC_NAMES(T_EXC), ... };
 */
#define RPY_TEST_EXC_NAMES(b) \
    [(b) + RPY_EXC_ZERO_DIVISION] = "ZeroDivisionError", \
    [(b) + RPY_EXC_OVERFLOW] = "OverflowError", \
    [(b) + RPY_EXC_VALUE] = "ValueError", \
    [(b) + RPY_EXC_INDEX] = "IndexError", \
    [(b) + RPY_EXC_RECURSION] = "RecursionError", \
    [(b) + RPY_EXC_MEMORY] = "MemoryError", \
    [(b) + RPY_EXC_TYPE] = "TypeError", \
    [(b) + RPY_EXC_ASSERTION] = "AssertionError", \
    [(b) + RPY_EXC_UNBOUND_LOCAL] = "UnboundLocalError", \
    [(b) + RPY_EXC_ATTRIBUTE] = "AttributeError", \
    [(b) + RPY_EXC_KEY] = "KeyError", \
    [(b) + RPY_EXC_NAME] = "NameError", \
    [(b) + RPY_EXC_OS] = "OSError", \
    [(b) + RPY_EXC_FILE_NOT_FOUND] = "FileNotFoundError", \
    [(b) + RPY_EXC_PERMISSION] = "PermissionError", \
    [(b) + RPY_EXC_IS_A_DIRECTORY] = "IsADirectoryError", \
    [(b) + RPY_EXC_NOT_A_DIRECTORY] = "NotADirectoryError", \
    [(b) + RPY_EXC_FILE_EXISTS] = "FileExistsError", \
    [(b) + RPY_EXC_UNICODE_DECODE] = "UnicodeDecodeError", \
    [(b) + RPY_EXC_UNSUPPORTED_OPERATION] = "io.UnsupportedOperation", \
    [(b) + RPY_EXC_RUNTIME] = "RuntimeError"
_Static_assert(RPY_EXC_KIND_COUNT == 21, "RPY_TEST_EXC_ENTRIES, _KIND_TIDS and _NAMES list every kind");

/* A function's root slots, zeroed, as generated code allocates them. */
static inline void **frame(size_t n) {
    void **base = rpy_shadowstack_top;
    for (size_t i = 0; i < n; i++)
        base[i] = NULL;
    rpy_shadowstack_top = base + n;
    return base;
}

static inline void unframe(void **base) { rpy_shadowstack_top = base; }


#endif
