class Account(object):
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)


class Savings(Account):
    def __init__(self, owner, balance, rate):
        Account.__init__(self, owner, balance)
        self.rate = rate

    def deposit(self, amount):
        Account.deposit(self, amount + amount * self.rate // 100)


def total(accts):
    s = 0
    for a in accts:
        s += a.balance
    return s


def entry_point(argv):
    a = Account("ann", 100)
    b = Savings("bob", 50, 10)
    c = Account("cid", 0)
    accts = [a, b, c]
    alias = accts
    copy = accts[:]
    alias.append(Savings("dee", 5, 50))
    print(len(accts), len(alias), len(copy), total(accts), total(copy))
    for acct in accts:
        acct.deposit(20)
    print([x.balance for x in accts], [x.history for x in accts])
    print(a in accts, accts.index(b), accts.count(c), b in copy, accts[3] in copy)
    copy.remove(b)
    print([x.owner for x in copy], [x.owner for x in accts])
    accts.sort(key=lambda x: x.balance)
    print([x.owner for x in accts])
    accts.reverse()
    print([x.owner for x in accts], accts[0] is b, accts[-1] is c, accts[0] == accts[0])
    popped = accts.pop(1)
    print(popped.owner, popped.balance, len(accts))
    accts.insert(0, popped)
    rich = [x for x in accts if x.balance > 50]
    print([x.owner for x in rich], max(accts, key=lambda x: x.balance).owner)
    grid = [[Account(str(r) + str(col), r * col) for col in range(3)] for r in range(3)]
    grid[1][2].deposit(1000)
    print([[x.balance for x in row] for row in grid])
    row = grid[2]
    row[0] = grid[0][0]
    row[0].deposit(7)
    print(grid[0][0].balance, grid[2][0].balance, grid[2][0] is grid[0][0])
    many = []
    for i in range(5000):
        many.append(Account("x", i))
    keep = many[::1000]
    del many[:]
    print(len(many), [x.balance for x in keep])
    maybe = [a, None, c]
    names = []
    for m in maybe:
        if m is not None:
            names.append(m.owner)
        else:
            names.append("-")
    print(names)
    try:
        copy.remove(Account("ann", 100))
    except ValueError as e:
        print("ValueError remove")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
