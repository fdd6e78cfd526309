import sys
from rpython.rlib.jit import JitDriver, elidable, promote, we_are_jitted, unroll_safe, dont_look_inside, hint
from rpython.rlib.objectmodel import we_are_translated, always_inline, specialize, not_rpython
from rpython.rlib.rarithmetic import intmask, ovfcheck, LONG_BIT, r_int64
from rpython.rlib import jit
from rpython.rlib.rstring import StringBuilder

driver = JitDriver(greens=['pc', 'code'], reds=['acc', 'steps'])


@elidable
def opcode_cost(op):
    if op == '+':
        return 1
    return 2


@unroll_safe
@always_inline
def add_all(items):
    total = 0
    for x in items:
        total += x
    return total


@dont_look_inside
def slow_path(n):
    return n * 3


@specialize.argtype(0)
def twice(x):
    return x + x


@not_rpython
def cpython_only():
    return sys.version


def interpret(code):
    pc = 0
    acc = 0
    steps = 0
    while pc < len(code):
        driver.jit_merge_point(pc=pc, code=code, acc=acc, steps=steps)
        op = code[pc]
        op = jit.promote(op)
        if op == '+':
            acc += 1
        elif op == '-':
            acc -= 1
        elif op == '*':
            acc = slow_path(acc)
        steps += opcode_cost(op)
        pc += 1
        if pc == len(code) and steps < 40:
            pc = 0
            driver.can_enter_jit(code=code, pc=pc, steps=steps, acc=acc)
    return acc * 1000 + steps


def safe_add(a, b):
    try:
        return ovfcheck(a + b)
    except OverflowError:
        return -1


def safe_mul(a, b):
    try:
        return ovfcheck(a * b)
    except OverflowError:
        return -2


def entry_point(argv):
    print(interpret("++*-+"))
    print(add_all([1, 2, 3, 4]), twice(21), promote(7), hint(8, promote=True))
    print(we_are_jitted(), LONG_BIT)
    if we_are_translated():
        print("translated")
    else:
        print("translated")  # the same output under CPython
    if not we_are_translated():
        cpython_only()
    print(intmask(5), r_int64(-3))
    print(safe_add(1, 2), safe_add(9223372036854775807, 1))
    print(safe_mul(3, 4), safe_mul(4611686018427387904, 2), safe_mul(-4611686018427387904, 2))
    try:
        x = ovfcheck(-(-9223372036854775807 - 1))
        print(x)
    except OverflowError:
        print("neg overflow")
    sb = StringBuilder()
    for i in range(5):
        sb.append(str(i))
        sb.append_multiple_char("-", i)
    sb.append_slice("abcdef", 1, 4)
    print(sb.build(), sb.getlength())
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
