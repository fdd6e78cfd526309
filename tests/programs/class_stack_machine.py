# args: 10
"""A stack virtual machine: instruction objects linked into a program (jump targets are instance attributes set after construction), a machine object with a linked-cell stack and named registers, and an execute method per instruction class; runs a factorial loop, a gcd loop and a sum of squares."""
import sys


class Cell(object):
    def __init__(self, value, below):
        self.value = value
        self.below = below


class Machine(object):
    def __init__(self):
        self.top = None
        self.depth = 0
        self.max_depth = 0
        self.r0 = 0
        self.r1 = 0
        self.r2 = 0
        self.steps = 0
        self.halted = False

    def push(self, v):
        self.top = Cell(v, self.top)
        self.depth += 1
        if self.depth > self.max_depth:
            self.max_depth = self.depth

    def pop(self):
        c = self.top
        self.top = c.below
        self.depth -= 1
        return c.value

    def get(self, reg):
        if reg == 0:
            return self.r0
        if reg == 1:
            return self.r1
        return self.r2

    def put(self, reg, v):
        if reg == 0:
            self.r0 = v
        elif reg == 1:
            self.r1 = v
        else:
            self.r2 = v

    def run(self, first, limit=100000):
        pc = first
        while pc is not None and not self.halted and self.steps < limit:
            self.steps += 1
            pc = pc.execute(self)
        return self.steps


class Instr(object):
    NAME = "instr"

    def __init__(self):
        self.next = None

    def execute(self, m):
        return self.next


class Push(Instr):
    NAME = "push"

    def __init__(self, value):
        Instr.__init__(self)
        self.value = value

    def execute(self, m):
        m.push(self.value)
        return self.next


class Load(Instr):
    NAME = "load"

    def __init__(self, reg):
        Instr.__init__(self)
        self.reg = reg

    def execute(self, m):
        m.push(m.get(self.reg))
        return self.next


class Store(Instr):
    NAME = "store"

    def __init__(self, reg):
        Instr.__init__(self)
        self.reg = reg

    def execute(self, m):
        m.put(self.reg, m.pop())
        return self.next


class BinaryInstr(Instr):
    def compute(self, a, b):
        return 0

    def execute(self, m):
        b = m.pop()
        a = m.pop()
        m.push(self.compute(a, b))
        return self.next


class AddI(BinaryInstr):
    NAME = "add"

    def compute(self, a, b):
        return a + b


class SubI(BinaryInstr):
    NAME = "sub"

    def compute(self, a, b):
        return a - b


class MulI(BinaryInstr):
    NAME = "mul"

    def compute(self, a, b):
        return a * b


class ModI(BinaryInstr):
    NAME = "mod"

    def compute(self, a, b):
        return a % b


class JumpIfZero(Instr):
    NAME = "jz"

    def __init__(self):
        Instr.__init__(self)
        self.target = None

    def execute(self, m):
        if m.pop() == 0:
            return self.target
        return self.next


class Jump(Instr):
    NAME = "jmp"

    def __init__(self):
        Instr.__init__(self)
        self.target = None

    def execute(self, m):
        return self.target


class Halt(Instr):
    NAME = "halt"

    def execute(self, m):
        m.halted = True
        return None


class Assembler(object):
    def __init__(self):
        self.first = None
        self.last = None
        self.count = 0

    def emit(self, instr):
        if self.last is None:
            self.first = instr
        else:
            self.last.next = instr
        self.last = instr
        self.count += 1
        return instr


def factorial_program(n):
    # r0 = n; r1 = 1; while r0 != 0: r1 = r1 * r0; r0 = r0 - 1
    asm = Assembler()
    asm.emit(Push(n))
    asm.emit(Store(0))
    asm.emit(Push(1))
    asm.emit(Store(1))
    loop = asm.emit(Load(0))
    exit_jump = JumpIfZero()
    asm.emit(exit_jump)
    asm.emit(Load(1))
    asm.emit(Load(0))
    asm.emit(MulI())
    asm.emit(Store(1))
    asm.emit(Load(0))
    asm.emit(Push(1))
    asm.emit(SubI())
    asm.emit(Store(0))
    back = Jump()
    asm.emit(back)
    back.target = loop
    done = asm.emit(Load(1))
    exit_jump.target = done
    asm.emit(Halt())
    return asm


def gcd_program(a, b):
    # r0 = a; r1 = b; while r1 != 0: r2 = r0 % r1; r0 = r1; r1 = r2
    asm = Assembler()
    asm.emit(Push(a))
    asm.emit(Store(0))
    asm.emit(Push(b))
    asm.emit(Store(1))
    loop = asm.emit(Load(1))
    exit_jump = JumpIfZero()
    asm.emit(exit_jump)
    asm.emit(Load(0))
    asm.emit(Load(1))
    asm.emit(ModI())
    asm.emit(Store(2))
    asm.emit(Load(1))
    asm.emit(Store(0))
    asm.emit(Load(2))
    asm.emit(Store(1))
    back = Jump()
    asm.emit(back)
    back.target = loop
    done = asm.emit(Load(0))
    exit_jump.target = done
    # falls off the end without Halt
    return asm


def squares_program(n):
    # pushes 1*1, 2*2, ..., n*n then adds them all up
    asm = Assembler()
    for i in range(1, n + 1):
        asm.emit(Push(i))
        asm.emit(Push(i))
        asm.emit(MulI())
    for i in range(n - 1):
        asm.emit(AddI())
    asm.emit(Halt())
    return asm


def listing(asm, limit):
    pc = asm.first
    i = 0
    while pc is not None and i < limit:
        print("  ", i, pc.NAME)
        pc = pc.next
        i += 1


def entry_point(argv):
    n = int(argv[1])
    fact = factorial_program(n)
    listing(fact, 6)
    m = Machine()
    steps = m.run(fact.first)
    print("factorial", n, m.pop(), "steps", steps, "instructions", fact.count, "halted", m.halted, "depth", m.depth)

    g = gcd_program(n * 1071, 462)
    m2 = Machine()
    m2.run(g.first)
    print("gcd", m2.pop(), "steps", m2.steps, "halted", m2.halted, "registers", m2.r0, m2.r1, m2.r2)

    sq = squares_program(n * 3)
    m3 = Machine()
    m3.run(sq.first)
    print("squares", m3.pop(), "max depth", m3.max_depth, "depth", m3.depth, "steps", m3.steps)

    # a step limit stops an endless loop
    asm = Assembler()
    spin = asm.emit(Push(1))
    asm.emit(Store(2))
    j = Jump()
    asm.emit(j)
    j.target = spin
    m4 = Machine()
    print("limited", m4.run(asm.first, limit=1000), m4.run(asm.first, 1500), m4.halted, m4.r2)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
