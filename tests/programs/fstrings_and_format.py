def entry_point(argv):
    n = 1234567
    x = 3.14159265
    name = "bob"
    flag = True
    print(f"n={n} x={x} name={name} flag={flag}")
    print(f"{x:.3f}|{x:>10.2f}|{n:,}|{n:>12,}|{n:08d}|{n:x}|{n:#o}")
    print(f"{name!r} {name:>6}|{name:<6}|{name:^7}|{name:*^9}")
    print(f"{[1, 2]} {(1, 'a')} {None} {-0.0} {1e20} {x:e} {x:g} {0.5:%}")
    print(f"{n + 1} {len(name)} {'lit'} {{braces}}")
    print(f"{flag!r} {3.0!r} {x:+.2f} {-n:,}")
    print(f"{n:_} {255:b} {255:X}")
    print("{} + {} = {}".format(1, 2, 1 + 2), "{0}{1}{0}".format("a", "b"))
    print("{name}: {score:.1f} {0!r}".format("pos", name="amy", score=9.25))
    print("{:>8}|{:<4}|".format("right", 7), "{{literal}}".format())
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
