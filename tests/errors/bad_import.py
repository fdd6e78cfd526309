# expect-error: line 2: cannot import `nosuchmodule`
import nosuchmodule

def entry_point(argv):
    return 0
