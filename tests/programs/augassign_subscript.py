def entry_point(argv):
    count = [0] * 5
    for i in range(20):
        count[i % 5] += i
    count[-1] -= 100
    fl = [1.5, 2.5]
    fl[0] *= 4.0
    print(count[0], count[1], count[4], fl[0])
    k = 0
    try:
        count[k + 10] += 1
    except IndexError as e:
        print("IndexError", e)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
