"""The empty program: does nothing and exits with status 0.

usage: targetnop-c

Prints nothing; running it measures process start-up and shut-down (and
for the interpreters, loading this module).
"""
import sys


def entry_point(argv):
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
