/* Expected results for test_file.c, computed with CPython 3.11 (open()
 * on a file holding `data`, UTF-8 text mode unless said) and pasted in.
 * Lists are their items joined by "\036", which no item holds. */
#ifndef RPY_TEST_FILE_CASES_H
#define RPY_TEST_FILE_CASES_H

#include <stdint.h>

/* open(existing_file, mode): NULL when it opens, else the ValueError's
 * message. */
static const struct {
    const char *mode;
    const char *error;
} mode_cases[] = {
    {"r", NULL},
    {"rb", NULL},
    {"br", NULL},
    {"rt", NULL},
    {"tr", NULL},
    {"r+", NULL},
    {"+r", NULL},
    {"rb+", NULL},
    {"b+r", NULL},
    {"+br", NULL},
    {"w", NULL},
    {"wb", NULL},
    {"bw", NULL},
    {"wt", NULL},
    {"w+", NULL},
    {"w+b", NULL},
    {"a", NULL},
    {"ab", NULL},
    {"a+", NULL},
    {"+ab", NULL},
    {"x", NULL},
    {"xb", NULL},
    {"x+", NULL},
    {"q", "invalid mode: 'q'"},
    {"rw", "must have exactly one of create/read/write/append mode"},
    {"", "Must have exactly one of create/read/write/append mode and at most one plus"},
    {"rr", "invalid mode: 'rr'"},
    {"rb+x", "must have exactly one of create/read/write/append mode"},
    {"wa", "must have exactly one of create/read/write/append mode"},
    {"rbb", "invalid mode: 'rbb'"},
    {"U", "invalid mode: 'U'"},
    {"rU", "invalid mode: 'rU'"},
    {"t", "Must have exactly one of create/read/write/append mode and at most one plus"},
    {"tb", "can't have text and binary mode at once"},
    {"bt", "can't have text and binary mode at once"},
    {"rtb", "can't have text and binary mode at once"},
    {"r++", "invalid mode: 'r++'"},
    {"+", "Must have exactly one of create/read/write/append mode and at most one plus"},
    {"b", "Must have exactly one of create/read/write/append mode and at most one plus"},
    {"r b", "invalid mode: 'r b'"},
    {"ww", "invalid mode: 'ww'"},
    {"xw", "must have exactly one of create/read/write/append mode"},
    {"ax", "must have exactly one of create/read/write/append mode"},
    {"rt+b", "can't have text and binary mode at once"},
    {"\303\251", "invalid mode: '\303\251'"},
    {"r\303\251", "invalid mode: 'r\303\251'"},
    {"Rb", "invalid mode: 'Rb'"},
    {"wU", "invalid mode: 'wU'"},
};

/* Text read: read(), readlines() (items joined by \036), read(k)
 * until "" for k = 1, 2, 3, 7 (pieces joined by \036); binary
 * readlines() the same way. */
typedef struct read_case {
    const char *data;
    const char *all;
    const char *lines;
    const char *pieces[4];
    const char *blines;
} read_case;
static const read_case read_cases[] = {
    {"", "", "", {"", "", "", ""}, ""},
    {"a", "a", "a", {"a", "a", "a", "a"}, "a"},
    {"\012", "\012", "\012", {"\012", "\012", "\012", "\012"}, "\012"},
    {"abc", "abc", "abc", {"a\036b\036c", "ab\036c", "abc", "abc"}, "abc"},
    {"abc\012", "abc\012", "abc\012", {"a\036b\036c\036\012", "ab\036c\012", "abc\036\012", "abc\012"}, "abc\012"},
    {"one\012two\012three", "one\012two\012three", "one\012\036two\012\036three", {"o\036n\036e\036\012\036t\036w\036o\036\012\036t\036h\036r\036e\036e", "on\036e\012\036tw\036o\012\036th\036re\036e", "one\036\012tw\036o\012t\036hre\036e", "one\012two\036\012three"}, "one\012\036two\012\036three"},
    {"one\012two\012three\012", "one\012two\012three\012", "one\012\036two\012\036three\012", {"o\036n\036e\036\012\036t\036w\036o\036\012\036t\036h\036r\036e\036e\036\012", "on\036e\012\036tw\036o\012\036th\036re\036e\012", "one\036\012tw\036o\012t\036hre\036e\012", "one\012two\036\012three\012"}, "one\012\036two\012\036three\012"},
    {"a\015\012b\015c\012d\015", "a\012b\012c\012d\012", "a\012\036b\012\036c\012\036d\012", {"a\036\012\036b\036\012\036c\036\012\036d\036\012", "a\012\036b\012\036c\012\036d\012", "a\012b\036\012c\012\036d\012", "a\012b\012c\012d\036\012"}, "a\015\012\036b\015c\012\036d\015"},
    {"\015", "\012", "\012", {"\012", "\012", "\012", "\012"}, "\015"},
    {"\015\015\012\012\015", "\012\012\012\012", "\012\036\012\036\012\036\012", {"\012\036\012\036\012\036\012", "\012\012\036\012\012", "\012\012\012\036\012", "\012\012\012\012"}, "\015\015\012\036\012\036\015"},
    {"\015\012", "\012", "\012", {"\012", "\012", "\012", "\012"}, "\015\012"},
    {"x\015", "x\012", "x\012", {"x\036\012", "x\012", "x\012", "x\012"}, "x\015"},
    {"\012\012\012", "\012\012\012", "\012\036\012\036\012", {"\012\036\012\036\012", "\012\012\036\012", "\012\012\012", "\012\012\012"}, "\012\036\012\036\012"},
    {"h\303\251llo\012w\303\266rld\015\012\344\270\255\346\226\207\015\360\237\230\200!", "h\303\251llo\012w\303\266rld\012\344\270\255\346\226\207\012\360\237\230\200!", "h\303\251llo\012\036w\303\266rld\012\036\344\270\255\346\226\207\012\036\360\237\230\200!", {"h\036\303\251\036l\036l\036o\036\012\036w\036\303\266\036r\036l\036d\036\012\036\344\270\255\036\346\226\207\036\012\036\360\237\230\200\036!", "h\303\251\036ll\036o\012\036w\303\266\036rl\036d\012\036\344\270\255\346\226\207\036\012\360\237\230\200\036!", "h\303\251l\036lo\012\036w\303\266r\036ld\012\036\344\270\255\346\226\207\012\036\360\237\230\200!", "h\303\251llo\012w\036\303\266rld\012\344\270\255\346\226\207\036\012\360\237\230\200!"}, "h\303\251llo\012\036w\303\266rld\015\012\036\344\270\255\346\226\207\015\360\237\230\200!"},
    {"\303\251\015\303\251\015\012\303\251\012", "\303\251\012\303\251\012\303\251\012", "\303\251\012\036\303\251\012\036\303\251\012", {"\303\251\036\012\036\303\251\036\012\036\303\251\036\012", "\303\251\012\036\303\251\012\036\303\251\012", "\303\251\012\303\251\036\012\303\251\012", "\303\251\012\303\251\012\303\251\012"}, "\303\251\015\303\251\015\012\036\303\251\012"},
    {"no newline at all", "no newline at all", "no newline at all", {"n\036o\036 \036n\036e\036w\036l\036i\036n\036e\036 \036a\036t\036 \036a\036l\036l", "no\036 n\036ew\036li\036ne\036 a\036t \036al\036l", "no \036new\036lin\036e a\036t a\036ll", "no newl\036ine at \036all"}, "no newline at all"},
};

/* UnicodeDecodeError messages: read(); readline() until ""; read(1000)
 * until ""; read(100) then read().  Small files as they are; big ones
 * are `size` bytes of 'a' with `bad` at offset `at`. */
static const struct {
    const char *data;
    int64_t n;
    const char *msg[4];
} decode_cases[] = {
    {"ab\377cd", 5, {"'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"}},
    {"ab\303", 3, {"'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data", "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data"}},
    {"\342\202", 2, {"'utf-8' codec can't decode bytes in position 0-1: unexpected end of data", "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data", "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data", "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"}},
    {"ok\012\355\240\200\012", 7, {"'utf-8' codec can't decode byte 0xed in position 3: invalid continuation byte", "'utf-8' codec can't decode byte 0xed in position 3: invalid continuation byte", "'utf-8' codec can't decode byte 0xed in position 3: invalid continuation byte", "'utf-8' codec can't decode byte 0xed in position 3: invalid continuation byte"}},
    {"x\360\237\230", 4, {"'utf-8' codec can't decode bytes in position 1-3: unexpected end of data", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"}},
    {"\303(", 2, {"'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte", "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte", "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte", "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte"}},
    {"line\012\200", 6, {"'utf-8' codec can't decode byte 0x80 in position 5: invalid start byte", "'utf-8' codec can't decode byte 0x80 in position 5: invalid start byte", "'utf-8' codec can't decode byte 0x80 in position 5: invalid start byte", "'utf-8' codec can't decode byte 0x80 in position 5: invalid start byte"}},
    {"\364\220\200\200", 4, {"'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte", "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte", "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte", "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte"}},
    {"abc\015\012\300\257", 7, {"'utf-8' codec can't decode byte 0xc0 in position 5: invalid start byte", "'utf-8' codec can't decode byte 0xc0 in position 5: invalid start byte", "'utf-8' codec can't decode byte 0xc0 in position 5: invalid start byte", "'utf-8' codec can't decode byte 0xc0 in position 5: invalid start byte"}},
    {"\303\251\303\251\303\251\351", 7, {"'utf-8' codec can't decode byte 0xe9 in position 6: unexpected end of data", "'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data"}},
};
static const struct {
    int64_t size, at;
    unsigned char bad;
    int64_t seam_at; /* where the two bytes of seam go, if any */
    const char *seam;
    const char *msg[4];
} big_decode_cases[] = {
    {30000, 5000, 0xff, 0, NULL, {"'utf-8' codec can't decode byte 0xff in position 5000: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 5000: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 5000: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 5000: invalid start byte"}},
    {30000, 8191, 0xff, 0, NULL, {"'utf-8' codec can't decode byte 0xff in position 8191: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 8191: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 8191: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 8191: invalid start byte"}},
    {30000, 8192, 0xff, 0, NULL, {"'utf-8' codec can't decode byte 0xff in position 8192: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"}},
    {30000, 8500, 0xff, 0, NULL, {"'utf-8' codec can't decode byte 0xff in position 8500: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 308: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 308: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 308: invalid start byte"}},
    {30000, 12000, 0x80, 0, NULL, {"'utf-8' codec can't decode byte 0x80 in position 12000: invalid start byte", "'utf-8' codec can't decode byte 0x80 in position 3808: invalid start byte", "'utf-8' codec can't decode byte 0x80 in position 3808: invalid start byte", "'utf-8' codec can't decode byte 0x80 in position 3808: invalid start byte"}},
    {30000, 16384, 0xff, 0, NULL, {"'utf-8' codec can't decode byte 0xff in position 16384: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 8192: invalid start byte"}},
    {30000, 20000, 0xc3, 0, NULL, {"'utf-8' codec can't decode byte 0xc3 in position 20000: invalid continuation byte", "'utf-8' codec can't decode byte 0xc3 in position 3616: invalid continuation byte", "'utf-8' codec can't decode byte 0xc3 in position 3616: invalid continuation byte", "'utf-8' codec can't decode byte 0xc3 in position 11808: invalid continuation byte"}},
    {30000, 29999, 0xe2, 0, NULL, {"'utf-8' codec can't decode byte 0xe2 in position 29999: unexpected end of data", "'utf-8' codec can't decode byte 0xe2 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xe2 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xe2 in position 21807: unexpected end of data"}},
    {8192, 8191, 0xc3, 0, NULL, {"'utf-8' codec can't decode byte 0xc3 in position 8191: unexpected end of data", "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data"}},
    {16385, 16384, 0xf0, 0, NULL, {"'utf-8' codec can't decode byte 0xf0 in position 16384: unexpected end of data", "'utf-8' codec can't decode byte 0xf0 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xf0 in position 0: unexpected end of data", "'utf-8' codec can't decode byte 0xf0 in position 8192: unexpected end of data"}},
    {30000, 20000, 0xff, 8191, "\303\251", {"'utf-8' codec can't decode byte 0xff in position 20000: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 3616: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 3616: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 11809: invalid start byte"}},
    {30000, 20000, 0xff, 8191, "\015\012", {"'utf-8' codec can't decode byte 0xff in position 20000: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 3616: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 3616: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 11808: invalid start byte"}},
    {30000, 20000, 0xff, 16383, "\015\015", {"'utf-8' codec can't decode byte 0xff in position 20000: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 3616: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 3616: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 11808: invalid start byte"}},
    {30000, 16385, 0xff, 16383, "\303\251", {"'utf-8' codec can't decode byte 0xff in position 16385: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", "'utf-8' codec can't decode byte 0xff in position 8193: invalid start byte"}},
};

/* (99 'a' and a newline) 300 times with byte 5000 0xff: four readline()s,
 * "!" and the message for an error (the chunk that failed is lost). */
static const char *const after_error[] = {"!'utf-8' codec can't decode byte 0xff in position 5000: invalid start byte", "aaaaaaa\012", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\012", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\012"};

#endif
