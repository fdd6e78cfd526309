# expect-error: line 1: no entry point
def main(argv):
    return 0
