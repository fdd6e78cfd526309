def entry_point(argv):
    nums = [3, 1, 4, 1, 5, 9, 2, 6]
    fl = [2.5, -1.0, 0.1, 0.2]
    words = ["pear", "apple", "fig"]
    print(sum(nums), sum(fl), sum([True, False, True]), sum([]))
    print(min(nums), max(nums), min(fl), max(fl), min(words), max(words))
    print(any([0, 0, 3]), any([]), all([1, 2]), all([1, 0]), all([]), any(["", "x"]), all([0.0, 1.0]))
    try:
        print(max([]))
    except ValueError as e:
        print("ValueError", e)
    bools = [False, True]
    print(min(bools), max(bools), min(3, 4), max(2.5, 1.0))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
