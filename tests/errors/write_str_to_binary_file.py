# expect-error: line 4: write() of a str to a binary file (it takes bytes)
def entry_point(argv):
    with open("/tmp/rpy-test-never-written.bin", "wb") as f:
        f.write("text")
    return 0
