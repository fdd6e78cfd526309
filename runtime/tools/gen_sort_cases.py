#!/usr/bin/env python3
"""Writes tests/sort_cases.h, the expected results of test_sort.c, from
the running Python's list.sort (the runtime imitates CPython 3.11; 3.12
sorts the same way, 3.13 orders lists holding NaN differently):

    python3 runtime/tools/gen_sort_cases.py > runtime/tests/sort_cases.h

Each case is a list of keys, one per item, and the orders
sorted(range(n), key=lambda i: keys[i], reverse=False / True) give.
Every float key is made by its own float() call, so NaNs are distinct
objects: a tuple field holding NaN is then never equal to another, which
is how the runtime compares unboxed floats.  The big cases are made by
an LCG that test_sort.c runs too; only a hash of their order is kept.
"""
import math
import random
import sys

SHAPES = ["INT", "FLOAT", "STR", "BOOL", "IS", "SIF", "FI", "F1", "BI"]
M64 = (1 << 64) - 1


def c_str(s):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if 32 <= b < 127 and c not in '"\\?':
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def c_float(x):
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "-INFINITY"
    return repr(x)


def c_bool(b):
    return "1" if b else "0"


def c_int(v):
    if v == -(1 << 63):
        return "INT64_MIN"
    if v == (1 << 63) - 1:
        return "INT64_MAX"
    return "INT64_C(%d)" % v


def key(shape, ints, floats, strs, bools, i):
    f = lambda: float(floats[i])  # a new object each time
    return {
        "INT": lambda: ints[i],
        "FLOAT": f,
        "STR": lambda: strs[i],
        "BOOL": lambda: bools[i],
        "IS": lambda: (ints[i], strs[i]),
        "SIF": lambda: (strs[i], ints[i], f()),
        "FI": lambda: (f(), ints[i]),
        "F1": lambda: (f(),),
        "BI": lambda: (bools[i], ints[i]),
    }[shape]()


NAN = "nan"
WORDS = ["", "a", "ab", "abc", "b", "B", "Z", "\x7f", "\xe9", "\xff", "e\u0301", "\u4e2d", "\u4e2d\u6587",
         "\ud7ff", "\ue000", "\uffff", "\U00010000", "\U0001f600", "a\U0001f600", "aa", "\u0100"]


def case(name, shape, n, ints=None, floats=None, strs=None, bools=None):
    ints = ints or [0] * n
    floats = [str(x) for x in (floats or [0.0] * n)]
    strs = strs or [""] * n
    bools = bools or [False] * n
    assert len(ints) == len(floats) == len(strs) == len(bools) == n
    keys = [key(shape, ints, floats, strs, bools, i) for i in range(n)]
    up = sorted(range(n), key=lambda i: keys[i])
    keys = [key(shape, ints, floats, strs, bools, i) for i in range(n)]
    down = sorted(range(n), key=lambda i: keys[i], reverse=True)
    return dict(name=name, shape=shape, n=n, ints=ints, floats=[float(x) for x in floats], strs=strs,
                bools=bools, up=up, down=down)


def some_floats(rng, n, nan_share, values):
    return [float("nan") if rng.random() < nan_share else float(rng.choice(values)) for _ in range(n)]


def cases():
    rng = random.Random(2024)
    out = []
    r = lambda k, n: [rng.randrange(k) for _ in range(n)]
    out.append(case("ints with duplicates", "INT", 40, ints=r(5, 40)))
    big = [(1 << 63) - 1, -(1 << 63), 0, -1, 1, -(1 << 63), (1 << 63) - 1, 5, 5, -5]
    out.append(case("int extremes", "INT", len(big), ints=big))
    out.append(case("[1, 0, 1]", "INT", 3, ints=[1, 0, 1]))
    out.append(case("two items in order", "INT", 2, ints=[1, 2]))
    out.append(case("two items out of order", "INT", 2, ints=[2, 1]))
    out.append(case("two equal items", "INT", 2, ints=[4, 4]))
    out.append(case("all equal", "INT", 50, ints=[7] * 50))
    out.append(case("ascending then descending", "INT", 100, ints=list(range(50)) + list(range(50, 0, -1))))
    fl = [0.0, -0.0, math.inf, -math.inf, 1.5, -0.0, 0.0, -math.inf, 1e308, -1e-308, 5e-324, 2.5, 1.5]
    out.append(case("signed zeros and infinities", "FLOAT", len(fl), floats=fl))
    for k, fl in enumerate([[3.0, NAN, 1.0, 2.0, NAN, 0.0], [NAN, NAN, 1.0], [NAN, 2.0, 1.0, NAN, 0.0, -1.0],
                            [1.0, NAN, 0.0], [5.0, 4.0, 3.0, 3.0, 2.0, 1.0, NAN, 0.0, -1.0, -2.0],
                            [NAN] * 5, [2.0, 1.0, NAN, 0.0, 3.0, NAN, NAN, -1.0, 4.0, 1.0]]):
        out.append(case("NaN %d" % k, "FLOAT", len(fl), floats=[float(x) for x in fl]))
    out.append(case("NaN in 150 floats", "FLOAT", 150, floats=some_floats(rng, 150, 0.2, range(10))))
    runs = []
    while len(runs) < 700:
        run = sorted(rng.randrange(1000) for _ in range(rng.randrange(1, 150)))
        if rng.random() < 0.3:
            run.reverse()
        runs += [float("nan") if rng.random() < 0.05 else float(x) for x in run]
    runs = runs[:700]
    out.append(case("NaN in runs of 700 floats", "FLOAT", 700, floats=runs))
    out.append(case("floats with duplicates", "FLOAT", 200, floats=some_floats(rng, 200, 0.0, [0.5, -0.0, 0.0, 1.0])))
    words = [rng.choice(WORDS) for _ in range(60)]
    out.append(case("strings by code point", "STR", len(WORDS), strs=WORDS))
    out.append(case("strings with duplicates", "STR", 60, strs=words))
    out.append(case("bools", "BOOL", 30, bools=[bool(x) for x in r(2, 30)]))
    out.append(case("(int, str)", "IS", 60, ints=r(4, 60), strs=[rng.choice(WORDS[:8]) for _ in range(60)]))
    out.append(case("(str, int, float)", "SIF", 80, ints=r(3, 80), strs=[rng.choice(WORDS[:5]) for _ in range(80)],
                    floats=some_floats(rng, 80, 0.1, [0.0, -0.0, 1.0])))
    out.append(case("(float, int) with NaN", "FI", 100, ints=r(3, 100),
                    floats=some_floats(rng, 100, 0.25, [0.0, 1.0, 2.0])))
    out.append(case("(float,) with NaN", "F1", 70, floats=some_floats(rng, 70, 0.2, range(5))))
    out.append(case("(bool, int)", "BI", 40, ints=r(3, 40), bools=[bool(x) for x in r(2, 40)]))
    return out


# ---- the big cases, also generated by test_sort.c --------------------------

def lcg(state):
    state = (state * 6364136223846793005 + 1442695040888963407) & M64
    return state, state >> 33


def big_floats(seed, n):
    """Runs of nearly ascending values, random stretches, 10% NaN."""
    out, state = [], seed
    for i in range(n):
        state, r = lcg(state)
        if r % 10 == 0:
            out.append(float("nan"))
        elif (i // 500) % 2 == 0:
            out.append(float(i % 500 + r % 3))
        else:
            out.append(float(r % 1000))
    return out


def order_hash(order):
    h = 14695981039346656037
    for i in order:
        h = ((h ^ i) * 1099511628211) & M64
    return h


BIG = [(1, 20000), (2, 5000), (3, 777)]


def main():
    w = sys.stdout.write
    w("/* Expected results for test_sort.c, generated by tools/gen_sort_cases.py\n"
      " * with Python %s: see there. */\n" % sys.version.split()[0])
    w("#ifndef RPY_TEST_SORT_CASES_H\n#define RPY_TEST_SORT_CASES_H\n\n"
      "#include <math.h>\n#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n")
    w("enum { %s };\n\n" % ", ".join("S_" + s for s in SHAPES))
    w("typedef struct sort_case {\n    const char *name;\n    int shape;\n    int n;\n"
      "    const int64_t *ints;\n    const double *floats;\n    const char *const *strs;\n"
      "    const bool *bools; /* NULL when the shape has no such field */\n    const int *up, *down; /* sorted(range(n), key=..., reverse=...) */\n"
      "} sort_case;\n\n")
    cs = cases()
    uses = {"INT": "i", "FLOAT": "f", "STR": "s", "BOOL": "b", "IS": "is", "SIF": "sif", "FI": "fi", "F1": "f",
            "BI": "bi"}
    fields = [("i", "ints", "static const int64_t", c_int), ("f", "floats", "static const double", c_float),
              ("s", "strs", "static const char *const", c_str), ("b", "bools", "static const bool", c_bool)]
    for k, c in enumerate(cs):
        for letter, field, decl, conv in fields:
            if letter in uses[c["shape"]]:
                w("%s case%d_%s[] = {%s};\n" % (decl, k, field, ", ".join(map(conv, c[field]))))
        w("static const int case%d_up[] = {%s};\n" % (k, ", ".join(map(str, c["up"]))))
        w("static const int case%d_down[] = {%s};\n\n" % (k, ", ".join(map(str, c["down"]))))
    w("static const sort_case sort_cases[] = {\n")
    for k, c in enumerate(cs):
        arrays = ["case%d_%s" % (k, field) if letter in uses[c["shape"]] else "NULL"
                  for letter, field, _, _ in fields]
        w("    {%s, S_%s, %d, %s, case%d_up, case%d_down},\n"
          % (c_str(c["name"]), c["shape"], c["n"], ", ".join(arrays), k, k))
    w("};\n\n")
    w("/* Floats from the LCG (seed, n), and a hash of their sorted order:\n"
      " * FNV-1a over the indices of sorted(range(n), key=..., reverse=...). */\n")
    w("typedef struct big_sort_case {\n    uint64_t seed;\n    int n;\n    uint64_t up, down;\n} big_sort_case;\n")
    w("static const big_sort_case big_sort_cases[] = {\n")
    for seed, n in BIG:
        keys = big_floats(seed, n)
        up = order_hash(sorted(range(n), key=lambda i: keys[i]))
        down = order_hash(sorted(range(n), key=lambda i: keys[i], reverse=True))
        w("    {%d, %d, UINT64_C(%d), UINT64_C(%d)},\n" % (seed, n, up, down))
    w("};\n\n#endif\n")


main()
