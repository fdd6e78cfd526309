"""Rpystone: a Dhrystone-style integer benchmark.

usage: targetrpystone-c [LOOPS]     (default 50000)

The classic mix of record copying, small procedures, a global int array,
a 2-D array, string comparison and character loops, written for restricted
Python: the records are instances of one class and the "globals" live on
one module-level instance. It prints the loop count and the final state
(no timings), so the output of a translated binary can be compared with
CPython's byte for byte.
"""
import sys

from rpython.rlib.jit import JitDriver

BENCH_ARGS = "300000"
BENCH_ARGS_QUICK = "15000"

LOOPS = 50000

# Enumeration values.
IDENT1 = 1
IDENT2 = 2
IDENT3 = 3
IDENT4 = 4
IDENT5 = 5

ARRAY_SIZE = 51


class Record(object):
    """One record of the benchmark: a link, a discriminant and three
    components."""

    def __init__(self, ptr_comp, discr, enum_comp, int_comp, str_comp):
        self.ptr_comp = ptr_comp
        self.discr = discr
        self.enum_comp = enum_comp
        self.int_comp = int_comp
        self.str_comp = str_comp

    def copy(self):
        return Record(self.ptr_comp, self.discr, self.enum_comp,
                      self.int_comp, self.str_comp)


def new_record():
    return Record(None, 0, 0, 0, "")


class State(object):
    """The benchmark's global variables."""

    def __init__(self):
        self.int_glob = 0
        self.bool_glob = False
        self.char1_glob = " "
        self.char2_glob = " "
        self.array1_glob = [0] * ARRAY_SIZE
        self.array2_glob = [[0] * ARRAY_SIZE for i in range(ARRAY_SIZE)]
        self.ptr_glb = new_record()
        self.ptr_glb_next = new_record()

    def reset(self):
        self.int_glob = 0
        self.bool_glob = False
        self.char1_glob = " "
        self.char2_glob = " "
        for i in range(ARRAY_SIZE):
            self.array1_glob[i] = 0
            row = self.array2_glob[i]
            for j in range(ARRAY_SIZE):
                row[j] = 0


state = State()

driver = JitDriver(greens=[], reds=["i", "loops", "int_loc1", "int_loc2",
                                    "int_loc3", "enum_loc", "string1_loc"])


class Result(object):
    """The locals of proc0's last round, kept for the report."""

    def __init__(self):
        self.int_loc1 = 0
        self.int_loc2 = 0
        self.int_loc3 = 0
        self.enum_loc = 0
        self.string1_loc = ""
        self.string2_loc = ""


def proc0(loops, result):
    state.ptr_glb_next = new_record()
    state.ptr_glb = Record(state.ptr_glb_next, IDENT1, IDENT3, 40,
                           "DHRYSTONE PROGRAM, SOME STRING")
    string1_loc = "DHRYSTONE PROGRAM, 1'ST STRING"
    string2_loc = ""
    state.array2_glob[8][7] = 10

    int_loc1 = 0
    int_loc2 = 0
    int_loc3 = 0
    enum_loc = 0
    i = 0
    while i < loops:
        driver.jit_merge_point(i=i, loops=loops, int_loc1=int_loc1,
                               int_loc2=int_loc2, int_loc3=int_loc3,
                               enum_loc=enum_loc, string1_loc=string1_loc)
        proc5()
        proc4()
        int_loc1 = 2
        int_loc2 = 3
        string2_loc = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum_loc = IDENT2
        state.bool_glob = not func2(string1_loc, string2_loc)
        while int_loc1 < int_loc2:
            int_loc3 = 5 * int_loc1 - int_loc2
            int_loc3 = proc7(int_loc1, int_loc2)
            int_loc1 += 1
        proc8(state.array1_glob, state.array2_glob, int_loc1, int_loc3)
        state.ptr_glb = proc1(state.ptr_glb)
        char_index = "A"
        while char_index <= state.char2_glob:
            if enum_loc == func1(char_index, "C"):
                enum_loc = proc6(IDENT1)
            char_index = chr(ord(char_index) + 1)
        int_loc3 = int_loc2 * int_loc1
        int_loc2 = int_loc3 // int_loc1
        int_loc2 = 7 * (int_loc3 - int_loc2) - int_loc1
        int_loc1 = proc2(int_loc1)
        i += 1

    result.int_loc1 = int_loc1
    result.int_loc2 = int_loc2
    result.int_loc3 = int_loc3
    result.enum_loc = enum_loc
    result.string1_loc = string1_loc
    result.string2_loc = string2_loc


def proc1(ptr_par_in):
    # The record after ptr_par_in becomes a fresh copy of the global one.
    next_record = state.ptr_glb.copy()
    ptr_par_in.ptr_comp = next_record
    ptr_par_in.int_comp = 5
    next_record.int_comp = ptr_par_in.int_comp
    next_record.ptr_comp = ptr_par_in.ptr_comp
    next_record.ptr_comp = proc3(next_record.ptr_comp)
    if next_record.discr == IDENT1:
        next_record.int_comp = 6
        next_record.enum_comp = proc6(ptr_par_in.enum_comp)
        next_record.ptr_comp = state.ptr_glb.ptr_comp
        next_record.int_comp = proc7(next_record.int_comp, 10)
    else:
        ptr_par_in = next_record.copy()
    next_record.ptr_comp = None
    return ptr_par_in


def proc2(int_par_io):
    int_loc = int_par_io + 10
    enum_loc = IDENT3
    while True:
        if state.char1_glob == "A":
            int_loc -= 1
            int_par_io = int_loc - state.int_glob
            enum_loc = IDENT1
        if enum_loc == IDENT1:
            break
    return int_par_io


def proc3(ptr_par_out):
    if state.ptr_glb is not None:
        ptr_par_out = state.ptr_glb.ptr_comp
    else:
        state.int_glob = 100
    state.ptr_glb.int_comp = proc7(10, state.int_glob)
    return ptr_par_out


def proc4():
    bool_loc = state.char1_glob == "A"
    bool_loc = bool_loc or state.bool_glob
    state.char2_glob = "B"


def proc5():
    state.char1_glob = "A"
    state.bool_glob = False


def proc6(enum_par_in):
    enum_par_out = enum_par_in
    if not func3(enum_par_in):
        enum_par_out = IDENT4
    if enum_par_in == IDENT1:
        enum_par_out = IDENT1
    elif enum_par_in == IDENT2:
        if state.int_glob > 100:
            enum_par_out = IDENT1
        else:
            enum_par_out = IDENT4
    elif enum_par_in == IDENT3:
        enum_par_out = IDENT2
    elif enum_par_in == IDENT4:
        pass
    elif enum_par_in == IDENT5:
        enum_par_out = IDENT3
    return enum_par_out


def proc7(int_par1, int_par2):
    int_loc = int_par1 + 2
    return int_par2 + int_loc


def proc8(array1, array2, int_par1, int_par2):
    int_loc = int_par1 + 5
    array1[int_loc] = int_par2
    array1[int_loc + 1] = array1[int_loc]
    array1[int_loc + 30] = int_loc
    for int_index in range(int_loc, int_loc + 2):
        array2[int_loc][int_index] = int_loc
    array2[int_loc][int_loc - 1] += 1
    array2[int_loc + 20][int_loc] = array1[int_loc]
    state.int_glob = 5


def func1(char_par1, char_par2):
    char_loc1 = char_par1
    char_loc2 = char_loc1
    if char_loc2 != char_par2:
        return IDENT1
    return IDENT2


def func2(str_par1, str_par2):
    int_loc = 1
    char_loc = " "
    while int_loc <= 1:
        if func1(str_par1[int_loc], str_par2[int_loc + 1]) == IDENT1:
            char_loc = "A"
            int_loc += 1
    if char_loc >= "W" and char_loc <= "Z":
        int_loc = 7
    if char_loc == "X":
        return True
    if str_par1 > str_par2:
        int_loc += 7
        return True
    return False


def func3(enum_par_in):
    enum_loc = enum_par_in
    return enum_loc == IDENT3


def record_sum(rec):
    """A number summarising the integer fields of a record."""
    return rec.discr * 1000000 + rec.enum_comp * 10000 + rec.int_comp


def checksum(result):
    """Combine the whole final state into one number, modulo a prime."""
    total = 0
    m = 1000000007
    for i in range(ARRAY_SIZE):
        total = (total * 31 + state.array1_glob[i]) % m
        row = state.array2_glob[i]
        for j in range(ARRAY_SIZE):
            total = (total * 31 + row[j]) % m
    total = (total * 31 + state.int_glob) % m
    total = (total * 31 + record_sum(state.ptr_glb)) % m
    total = (total * 31 + record_sum(state.ptr_glb_next)) % m
    total = (total * 31 + result.int_loc1 + result.int_loc2 + result.int_loc3) % m
    return total


def entry_point(argv):
    loops = LOOPS
    if len(argv) > 1:
        loops = int(argv[1])
    state.reset()
    result = Result()
    proc0(loops, result)
    print("Rpystone: %d loops" % loops)
    print("Int_Glob:", state.int_glob)
    print("Bool_Glob:", state.bool_glob)
    print("Char1_Glob:", state.char1_glob)
    print("Char2_Glob:", state.char2_glob)
    print("Array1_Glob[8]:", state.array1_glob[8])
    print("Array2_Glob[8][7]:", state.array2_glob[8][7])
    glb = state.ptr_glb
    print("Ptr_Glob: discr", glb.discr, "enum", glb.enum_comp,
          "int", glb.int_comp, "str", glb.str_comp)
    nxt = state.ptr_glb_next
    print("Next_Ptr_Glob: discr", nxt.discr, "enum", nxt.enum_comp,
          "int", nxt.int_comp, "str", nxt.str_comp)
    print("Int_1_Loc:", result.int_loc1)
    print("Int_2_Loc:", result.int_loc2)
    print("Int_3_Loc:", result.int_loc3)
    print("Enum_Loc:", result.enum_loc)
    print("Str_1_Loc:", result.string1_loc)
    print("Str_2_Loc:", result.string2_loc)
    print("checksum:", checksum(result))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
