# args: 17 40
"""Early returns from inside nested loops and long elif chains."""
import sys


def grade(score):
    if score >= 90:
        return 5
    elif score >= 80:
        return 4
    elif score >= 70:
        return 3
    elif score >= 60:
        return 2
    elif score >= 50:
        return 1
    else:
        return 0


def first_square_sum(n):
    for a in range(1, n):
        for b in range(a, n):
            if a * a + b * b == n:
                return a * 1000 + b
    return 0


def find_in_while(limit, target_value):
    i = 0
    while True:
        if i * i > limit:
            return -1
        if i * i == target_value:
            return i
        i += 1


def bucket(x):
    r = x % 7
    if r == 0:
        v = 10
    elif r == 1:
        v = 20
    elif r == 2 or r == 3:
        v = 30
    elif r == 4 and x > 20:
        v = 40
    elif r == 4:
        v = 45
    elif not r == 5:
        v = 50
    else:
        v = 60
    return v


def fizz(n):
    if n % 15 == 0:
        print("FizzBuzz")
    elif n % 5 == 0:
        print("Buzz")
    elif n % 3 == 0:
        print("Fizz")
    else:
        print(n)


def fsign(x):
    if x > 0.5:
        return 2.0
    elif x > 0.0:
        return 1.0
    elif x == 0.0:
        return 0.0
    return -1.0


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    for s in range(35, 101, 5):
        print(s, grade(s))
    print(first_square_sum(25), first_square_sum(a * 5), first_square_sum(b), first_square_sum(3))
    print(find_in_while(1000, 144), find_in_while(1000, 145), find_in_while(b * b, b * b))
    total = 0
    for i in range(b):
        total += bucket(i)
    print(total)
    for i in range(1, a):
        fizz(i)
    print(fsign(0.7), fsign(0.2), fsign(0.0), fsign(-3.0), fsign(a / b))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
