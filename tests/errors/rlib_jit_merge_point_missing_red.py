# expect-error: line 10: jit_merge_point() must pass exactly the greens and reds of `driver` by keyword; missing: acc
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=['pc'], reds=['acc'])

def run(n):
    pc = 0
    acc = 0
    while pc < n:
        driver.jit_merge_point(pc=pc)
        acc += pc
        pc += 1
    return acc

def entry_point(argv):
    print(run(10))
    return 0
