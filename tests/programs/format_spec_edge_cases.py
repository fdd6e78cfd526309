def entry_point(argv):
    n = 1234
    m = -56
    x = 2.5
    print("[%-08d] [%+-6d] [%#5x] [%#-8o] [% -5d] [%.3d] [%8.3d] [%-+.2f] [%#.0f] [%#g]" % (n, n, n, n, n, n, m, x, x, x))
    print(f"[{n:=+8}] [{m:=8}] [{n:+,}] [{x:,.0f}] [{x:#.0f}] [{x:#g}] [{65:c}] [{n:=^10}] [{m:0=8}] [{x:010.2%}]")
    print(f"[{n:#010x}] [{m:#x}] [{m:#b}] [{n:^+9}] [{x:^+9.1f}]")
    print("[%5.1s] [%.0s]" % ("abc", "abc"))
    print(f"[{0.0:g}] [{-0.0:g}] [{1e-4:g}] [{123456.0:g}] [{1234567.0:g}] [{x:.0e}] [{1e-320:g}] [{5e-324!r}]")
    print(f"[{1e16:.0f}] [{2.0**70:.0f}] [{0.1:.30f}] [{1/3:.17g}] [{1e300*10:f}] [{-1e300*10:e}] [{1e300*10-1e300*10:g}]")
    print("%.0f %.1f %.2f %.3f" % (0.125, 0.125, 0.125, 0.125), "%.20e" % 0.1, "%g %g" % (1e-5, 0.0001))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
