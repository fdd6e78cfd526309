class Item(object):
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty


def entry_point(argv):
    items = [Item("widget", 2.5, 4), Item("gadget", 13.125, 1), Item("thingamajig", 0.075, 250)]
    print("{:<12}|{:>8}|{:>5}|{:>10}".format("name", "price", "qty", "total"))
    print("-" * 38)
    grand = 0.0
    for it in items:
        t = it.price * it.qty
        grand += t
        print("{:<12.12}|{:>8.3f}|{:>5d}|{:>10,.2f}".format(it.name, it.price, it.qty, t))
    print("{:>38}".format("grand total: {:.2f}".format(grand)))
    print("{0} {1} {0} {2}".format("a", "b", "c"), "{1}-{0}".format(1, 2), "{}{}{}".format(1, 2.0, "3"))
    print("{x}+{y}={z}".format(x=1, y=2, z=3), "{a} {0} {b} {1}".format("p0", "p1", a="A", b="B"))
    print("{0:>5}".format("x"))
    print("{:+d} {:+d} {: d} {:d}".format(5, -5, 5, 0), "{:x} {:X} {:o} {:b} {:#b}".format(255, 255, 8, 5, 5))
    print("{:e} {:.1e} {:E} {:g} {:.2g} {:G}".format(12345.678, 0.000321, 1e-10, 1e-5, 1234.5, 1e30))
    print("{:%} {:.0%} {:.2%}".format(0.25, 1.0, 1.0 / 3.0))
    print("{:08.3f} {:+08.2f} {:-8.1f}| {:<8.1f}| {:^8.1f}|".format(3.14159, 2.5, -1.0, 7.25, 7.25))
    print("{:*^11} {:->7} {:=<7} {:_^6}".format("mid", "r", "l", "c"))
    print("{:,} {:,} {:_} {:,.3f} {:015,.2f}".format(1234567890, -987654, 10 ** 8, 1234.5678, 98765.4321))
    print("{!r} {!s} {!r:>8} {!r}".format("q", "q", "w", 1.5))
    print("{} {} {}".format(True, None, ["1", "a"]), "{:>6}|{:<6}|".format(True, False))
    print("{{}} {{{}}} {{{{}}}}".format("in"), "{}".format("{}"))
    print("{:10}|{:<10}|{:>10}|{:^10}|".format(42, 42, 42, 42))
    print("{:10}|{:<10}|{:>10}|{:^10}|".format("s", "s", "s", "s"))
    print("{:.0f} {:.0f} {:.0f} {:.0f} {:.1f} {:.2f}".format(0.5, 1.5, 2.5, -3.5, 0.05, 2.675))
    print("{:.3} {:.3} {:.10}".format(3.14159, 1234.5, 1.0 / 7.0), "{}".format(1e16), "{}".format(1.0e-5))
    print("{:5}|{:>5}|{:^5}|".format("é漢", "🎉", "ü"))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
