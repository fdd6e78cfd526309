import os
import sys
import time


def entry_point(argv):
    t0 = time.time()
    p0 = time.perf_counter()
    acc = 0
    for i in range(200000):
        acc = (acc + i * i) % 1000003
    t1 = time.time()
    p1 = time.perf_counter()
    print(acc, t1 >= t0, p1 >= p0, t0 > 1600000000.0)
    print(p1 - p0 >= 0.0, (t1 - t0) < 3600.0)
    sys.stdout.write("write no newline|")
    sys.stdout.write("then newline\n")
    n = sys.stdout.write("count é\n")
    print("written", n)
    sys.stderr.write("to stderr\n")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ", end=".\n")
    print(1, 2.5, None, True, [1], (2,), {"k": "v"}, sep=" | ")
    print("no end", end="")
    print(" -- continued", end="\n")
    print()
    print("", end="")
    print("multi\nline", "é", sep="\t")
    print("err line", 42, sep=":", file=sys.stderr)
    print("err no end", end="!\n", file=sys.stderr)
    print(file=sys.stderr)
    sys.stdout.flush()
    k = os.write(1, b"os.write raw\n")
    os.write(1, "utf8 é漢\n".encode("utf-8"))
    os.write(2, b"os.write to fd 2\n")
    print("after os.write", k)
    sys.stdout.write("x" * 5 + "\n")
    sys.stdout.flush()
    print("end")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
