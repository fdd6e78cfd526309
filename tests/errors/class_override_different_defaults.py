# expect-error: line 21: the overrides of method `scaled` take different parameters or defaults
class Meter(object):
    def scaled(self, x, k=2):
        return x * k


class Inch(Meter):
    def scaled(self, x, k=3):
        return x * k + 1


def pick(n):
    if n > 1:
        return Meter()
    return Inch()


def entry_point(argv):
    m = pick(len(argv))
    print(m.scaled(4, 5))
    print(m.scaled(4))
    return 0
