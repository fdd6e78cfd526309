import sys


def entry_point(argv):
    words = ["apple", "banana", "cherry", "avocado", "blueberry", "cranberry", "apple"]
    lengths = {w: len(w) for w in words}
    print(lengths)
    by_letter = {w[0]: w for w in words if len(w) > 5}
    print(by_letter)
    squares = {i * i for i in range(-5, 6)}
    print(len(squares), 16 in squares, 17 in squares)
    pairs = {i * 10 + j for i in range(3) for j in range(3) if i != j}
    print(len(pairs))
    inverted = {v: k for k, v in lengths.items()}
    print(inverted)
    firsts = {w[0] for w in words}
    print(sorted([c for c in firsts]))
    print(sum(x * x for x in range(10)), min(len(w) for w in words), max(len(w) for w in words))
    print(", ".join(w.upper() for w in words if "an" in w))
    print(sorted(w[::-1] for w in words))
    total = 0.0
    total += sum(float(i) / 2 for i in range(5))
    print(total)
    nested = {i: {j: i * j for j in range(3)} for i in range(3)}
    print(nested)
    w = "outer"
    print([w for w in words][0], w)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
