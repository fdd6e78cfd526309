# Functions as values: several functions behind one variable, list, dict,
# tuple, instance attribute or parameter, called through it.


def op_add(a, b):
    return a + b


def op_sub(a, b):
    return a - b


def op_mul(a, b):
    return a * b


def op_div(a, b):
    if b == 0:
        raise ZeroDivisionError("op_div by zero")
    return a // b


BINARY = [op_add, op_sub, op_mul, op_div]
NAMED = {"add": op_add, "sub": op_sub, "mul": op_mul, "div": op_div}


def fold(f, items, start):
    acc = start
    for x in items:
        acc = f(acc, x)
    return acc


def choose(n):
    if n % 3 == 0:
        return op_add
    elif n % 3 == 1:
        return op_sub
    return op_mul


class Counter:
    def __init__(self):
        self.n = 0


def bump(c, k):
    c.n += k
    return c.n


def reset(c, k):
    c.n = k
    return 0


class Button:
    def __init__(self, label, action):
        self.label = label
        self.action = action
        self.clicks = 0

    def click(self, c):
        self.clicks += 1
        return self.action(c, self.clicks)


def countdown(f, n):
    # Recursion through a function value.
    if n == 0:
        return 0
    return 1 + f(f, n - 1)


def countdown_twice(f, n):
    if n == 0:
        return 0
    return 2 + f(f, n - 1)


def greet(name, punct="!"):
    return "hello " + name + punct


def shout(name, punct="!"):
    return name.upper() + punct


def make_point(x, y):
    return Point(x, y)


def make_origin(x, y):
    return Point(0, 0)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def run_program(code):
    # A tiny stack machine whose opcodes are a table of functions.
    stack = []
    for word in code.split():
        if word in NAMED:
            b = stack.pop()
            a = stack.pop()
            stack.append(NAMED[word](a, b))
        else:
            stack.append(int(word))
    return stack[-1]


def entry_point(argv):
    total = 0
    for i in range(12):
        f = BINARY[i % 4]
        total += f(i + 10, i % 3 + 1)
    print("table:", total)
    print("fold add:", fold(op_add, [1, 2, 3, 4], 0))
    print("fold mul:", fold(op_mul, [1, 2, 3, 4], 1))
    print("fold sub:", fold(op_sub, [1, 2, 3, 4], 100))
    print("choose:", [choose(n)(7, 3) for n in range(6)])
    print("rpn:", run_program("3 4 add 5 mul 6 sub 4 div"))

    c = Counter()
    buttons = [Button("bump", bump), Button("reset", reset), Button("bump", bump)]
    for round in range(3):
        for b in buttons:
            r = b.click(c)
            print(b.label, b.clicks, r, c.n)

    print("recursion:", countdown(countdown, 5), countdown(countdown_twice, 5))
    fs = [greet, shout]
    for g in fs:
        print(g("ann"), g("bob", "?"))

    pair = (op_sub, 100)
    print("pair:", pair[0](pair[1], 1))
    makers = [make_point, make_origin]
    pts = [m(3, 4) for m in makers]
    print("points:", [(p.x, p.y) for p in pts])

    h = op_add
    if len(argv) > 5:
        h = op_mul
    print("is:", h is op_add, h is op_mul, h == op_add, h != op_sub)
    print("in list:", BINARY[2] is op_mul, BINARY[0] is BINARY[1])

    for name in ["div", "add"]:
        try:
            print(name, NAMED[name](7, 0))
        except ZeroDivisionError as e:
            print("caught:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
