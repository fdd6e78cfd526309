# expect-error: line 2: only imports, constants and function definitions are allowed at module level
print("hello")

def entry_point(argv):
    return 0
