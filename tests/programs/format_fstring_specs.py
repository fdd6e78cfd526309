class Pt(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def entry_point(argv):
    x = 3.14159265
    y = -1234.5678
    n = 1234567
    m = -42
    s = "abc"
    u = "é漢"
    print(f"[{x:>8.3f}] [{x:<8.3f}] [{x:^9.2f}] [{x:08.3f}] [{x:+.1f}] [{y: .2f}] [{y:,.2f}] [{y:_.1f}]")
    print(f"[{n:,}] [{m:,}] [{n:_}] [{n:08d}] [{m:08d}] [{n:>10}] [{n:<10}|] [{n:^11}] [{m:+d}] [{n: d}]")
    print(f"[{x:.2e}] [{y:.3E}] [{n:e}] [{x:g}] [{y:g}] [{1e-7:g}] [{1e20:G}] [{x:.3g}] [{x:%}] [{0.125:.1%}]")
    print(f"[{s!r}] [{s:^10}] [{s:*>6}] [{s:-<6}] [{s:.2}] [{s:>5.1}] [{u:^6}] [{u!r}] [{s!s}]")
    print(f"[{n:x}] [{n:X}] [{n:#x}] [{n:o}] [{n:#o}] [{n:b}] [{255:#b}] [{255:08b}] [{m:x}] [{n:#_x}]")
    print(f"[{True}] [{False!r}] [{None}] [{[1, 2]}] [{(3, 'q')}] [{ {'k': 1} }] [{x!r}] [{1.0}] [{-0.0}]")
    pt = Pt(2, 5)
    print(f"pt=({pt.x}, {pt.y}) sum={pt.x + pt.y} prod={pt.x * pt.y:04d} {'nested'!r:>10}")
    xs = [1, 2, 3]
    print(f"{len(xs)} items, first={xs[0]}, last={xs[-1]}, {sum(xs) / len(xs):.3f}")
    print(f"{{literal}} {{{n}}} {'}'}")
    print(f"{n=}", f"{x = :.2f}", f"{s=!s}")
    print(f"{x:10}|{n:10}|{s:10}|{True:>6}|")
    print(f"{12.0:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.5:.0f} {1e100:.2e} {123.456:.0e}")
    print("{} {} {}".format(1, "two", 3.0), "{2}{1}{0}".format("a", "b", "c"), "{0}{0}".format("x"))
    print("{name} is {age:>3} years, {0:.1f}m".format(1.805, name="Ann", age=7))
    print("[{:>8.3f}] [{:,}] [{!r}] [{:^7}] [{:#x}] [{:+}]".format(x, n, s, s, 255, m))
    print("{}%".format(50), "{{}}".format(), "{0!r:>8}".format("q"), "{:.3}".format("abcdef"))
    print("{:08.2f}|{:<6d}|{:e}".format(-3.14159, 42, 0.000123))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
