# args: 5 7
"""A small expression interpreter: AST node classes with one eval method per class (virtual calls), environments as linked frames, let/if/loop nodes, a constant-folding simplifier returning new nodes, and a tree dump."""
import sys


class Env(object):
    def __init__(self, name, value, parent):
        self.name = name
        self.value = value
        self.parent = parent


def lookup(env, name):
    while env is not None:
        if env.name == name:
            return env.value
        env = env.parent
    return -1


def env_depth(env):
    n = 0
    while env is not None:
        n += 1
        env = env.parent
    return n


class Node(object):
    KIND = "node"

    def eval(self, env):
        return 0

    def size(self):
        return 1

    def simplify(self):
        return self

    def const_value(self):
        return 0

    def dump(self, depth):
        print(depth, self.KIND)


class Num(Node):
    KIND = "num"

    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value

    def const_value(self):
        return self.value

    def dump(self, depth):
        print(depth, self.KIND, self.value)


class Var(Node):
    KIND = "var"

    def __init__(self, name):
        self.name = name

    def eval(self, env):
        return lookup(env, self.name)

    def dump(self, depth):
        print(depth, self.KIND, self.name)


class BinOp(Node):
    KIND = "binop"
    OP = "?"

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def apply(self, a, b):
        return 0

    def eval(self, env):
        a = self.left.eval(env)
        b = self.right.eval(env)
        return self.apply(a, b)

    def size(self):
        return 1 + self.left.size() + self.right.size()

    def simplify(self):
        l = self.left.simplify()
        r = self.right.simplify()
        if isinstance(l, Num) and isinstance(r, Num):
            return Num(self.apply(l.const_value(), r.const_value()))
        self.left = l
        self.right = r
        return self

    def dump(self, depth):
        print(depth, self.KIND, self.OP)
        self.left.dump(depth + 1)
        self.right.dump(depth + 1)


class Add(BinOp):
    OP = "+"

    def apply(self, a, b):
        return a + b


class Sub(BinOp):
    OP = "-"

    def apply(self, a, b):
        return a - b


class Mul(BinOp):
    OP = "*"

    def apply(self, a, b):
        return a * b


class Div(BinOp):
    OP = "//"

    def apply(self, a, b):
        if b == 0:
            return 0
        return a // b


class Mod(BinOp):
    OP = "%"

    def apply(self, a, b):
        if b == 0:
            return 0
        return a % b


class Less(BinOp):
    OP = "<"

    def apply(self, a, b):
        if a < b:
            return 1
        return 0


class Let(Node):
    KIND = "let"

    def __init__(self, name, value, body):
        self.name = name
        self.value = value
        self.body = body

    def eval(self, env):
        v = self.value.eval(env)
        return self.body.eval(Env(self.name, v, env))

    def size(self):
        return 1 + self.value.size() + self.body.size()

    def simplify(self):
        self.value = self.value.simplify()
        self.body = self.body.simplify()
        return self

    def dump(self, depth):
        print(depth, self.KIND, self.name)
        self.value.dump(depth + 1)
        self.body.dump(depth + 1)


class If(Node):
    KIND = "if"

    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def eval(self, env):
        if self.cond.eval(env) != 0:
            return self.then.eval(env)
        return self.orelse.eval(env)

    def size(self):
        return 1 + self.cond.size() + self.then.size() + self.orelse.size()

    def simplify(self):
        c = self.cond.simplify()
        t = self.then.simplify()
        e = self.orelse.simplify()
        if isinstance(c, Num):
            if c.const_value() != 0:
                return t
            return e
        return If(c, t, e)

    def dump(self, depth):
        print(depth, self.KIND)
        self.cond.dump(depth + 1)
        self.then.dump(depth + 1)
        self.orelse.dump(depth + 1)


class SumLoop(Node):
    """sum of body for name in range(lo, hi)"""
    KIND = "sum"

    def __init__(self, name, lo, hi, body):
        self.name = name
        self.lo = lo
        self.hi = hi
        self.body = body

    def eval(self, env):
        lo = self.lo.eval(env)
        hi = self.hi.eval(env)
        total = 0
        for i in range(lo, hi):
            total += self.body.eval(Env(self.name, i, env))
        return total

    def size(self):
        return 1 + self.lo.size() + self.hi.size() + self.body.size()

    def simplify(self):
        self.lo = self.lo.simplify()
        self.hi = self.hi.simplify()
        self.body = self.body.simplify()
        return self

    def dump(self, depth):
        print(depth, self.KIND, self.name)
        self.lo.dump(depth + 1)
        self.hi.dump(depth + 1)
        self.body.dump(depth + 1)


class Depth(Node):
    """how many bindings are visible"""
    KIND = "depth"

    def eval(self, env):
        return env_depth(env)


def build_program():
    # let a = x * y in
    #   let b = a - 3 in
    #     if a < b + 10 then sum(i in 0..b: (i * i) % 7 + depth) else -1
    body = Add(Mod(Mul(Var("i"), Var("i")), Num(7)), Depth())
    loop = SumLoop("i", Num(0), Var("b"), body)
    cond = Less(Var("a"), Add(Var("b"), Num(10)))
    inner = Let("b", Sub(Var("a"), Num(3)), If(cond, loop, Num(-1)))
    return Let("a", Mul(Var("x"), Var("y")), inner)


def build_constant():
    # (2 + 3) * (10 // (4 - 4)) + (17 % 5) * (if 1 < 2 then 6 else 7)
    left = Mul(Add(Num(2), Num(3)), Div(Num(10), Sub(Num(4), Num(4))))
    right = Mul(Mod(Num(17), Num(5)), If(Less(Num(1), Num(2)), Num(6), Num(7)))
    return Add(left, right)


def entry_point(argv):
    x = int(argv[1])
    y = int(argv[2])
    env = Env("x", x, Env("y", y, None))
    prog = build_program()
    print("size", prog.size())
    print("result", prog.eval(env))
    prog.dump(0)
    c = build_constant()
    print("constant size", c.size(), "value", c.eval(None))
    s = c.simplify()
    print("simplified size", s.size(), "value", s.eval(None), isinstance(s, Num))
    s.dump(0)
    # mixed: partially constant
    m = Add(Mul(Num(3), Num(4)), Mul(Var("x"), Sub(Num(9), Num(2))))
    print("mixed before", m.size(), m.eval(env))
    m2 = m.simplify()
    print("mixed after", m2.size(), m2.eval(env), m2 is m)
    m2.dump(0)
    # an unknown variable gives -1
    print("unknown", Var("zz").eval(env))
    # deep left-leaning chain of additions
    chain = Num(0)
    for i in range(1, 200):
        chain = Add(chain, Num(i))
    print("chain", chain.size(), chain.eval(None))
    folded = chain.simplify()
    print("chain folded", folded.size(), folded.eval(None))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
