def entry_point(argv):
    n = 42
    m = -7
    x = 3.14159265358979
    y = -0.000123456
    big = 123456789.987654
    s = "text"
    print("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+6d] [% 05d]" % (n, n, n, n, n, n, n, n, n, n))
    print("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%+05d]" % (m, m, m, m, m, m, m))
    print("[%x] [%X] [%#x] [%#X] [%o] [%#o] [%8x] [%-8X] [%08x] [%x]" % (255, 255, 255, 255, 8, 8, 48879, 48879, 48879, -255))
    print("[%f] [%.2f] [%.0f] [%10.3f] [%-10.3f] [%010.3f] [%+.3f] [% .3f] [%.10f]" % (x, x, x, x, x, x, x, x, x))
    print("[%f] [%.2f] [%.0f] [%.0f] [%.0f] [%+f]" % (y, y, 0.5, 1.5, 2.5, 0.0))
    print("[%e] [%.2e] [%E] [%12.3e] [%-12.1e] [%+e] [%e]" % (x, x, big, y, big, x, 0.0))
    print("[%g] [%g] [%g] [%g] [%g] [%.3g] [%.10g] [%G] [%g] [%g]" % (x, y, big, 1e-5, 1e16, x, x, 1e-10, 100000.0, 1000000.0))
    print("[%s] [%10s] [%-10s] [%.2s] [%8.3s] [%r] [%s] [%s] [%s]" % (s, s, s, s, s, s, n, x, True))
    print("[%r] [%r] [%r] [%s] [%r]" % (n, x, "it's", None, [1, 2]))
    print("[%c] [%c] [%c] [%3c] [%-3c]" % (65, 122, 233, 113, 0x6f22))
    print("100%% [%d%%] %%s" % (n,))
    print("%s and %s" % ("a", "b"), "%d items" % 3, "%.1f%%" % 99.5)
    print("%5.1f|%-7.2f|%07.2f|%+07.2f" % (-2.345, 2.345, -2.345, 2.345))
    print("%d %d %d" % (True, False, 3), "%s %s" % (1.0, -0.0), "%f %f %f" % (float("inf"), float("-inf"), float("nan")))
    print("%x %o %d" % (0, 0, 0), "%s" % "", "[%3s]" % "", "%.3s" % "ab")
    print("%s-%s" % ("k", "v"))
    print("%10.4e|%-10.2g|%10g|" % (12345.6789, 0.00001234, 123456789.0))
    print("[%5s] [%-5s]" % ("é", "漢字"))
    print("%i%s%r" % (1, "2", "3"), "%s" % (("tuple",)))
    w = 8
    print("%d" % w * 2, ("%d" % w) * 2, "%s" % (w * 2))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
