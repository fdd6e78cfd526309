# args: 12 7
"""A small bank simulation: account subclasses with different fee and interest rules, a ledger of transaction objects (linked), transfers that fail without raising, per-account history objects, and a final audit comparing the ledger with the balances."""
import sys


class Account(object):
    KIND = "basic"
    FEE = 1
    RATE = 0.0
    OVERDRAFT = 0

    def __init__(self, bank, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.last = None
        self.number = bank.next_number()

    def can_withdraw(self, amount):
        return not self.frozen and self.balance - amount - self.FEE >= -self.OVERDRAFT

    def withdraw(self, amount):
        if not self.can_withdraw(amount):
            return False
        self.balance -= amount + self.FEE
        return True

    def deposit(self, amount):
        if self.frozen:
            return False
        self.balance += amount
        return True

    def month_end(self):
        """Interest, rounded toward zero; returns what was added."""
        if self.balance <= 0:
            return 0
        gain = int(self.balance * self.RATE)
        self.balance += gain
        return gain

    def show(self):
        print(self.number, self.KIND, self.owner, self.balance, self.frozen)


class Savings(Account):
    KIND = "savings"
    FEE = 2
    RATE = 0.015

    def withdraw(self, amount):
        if amount > 500:
            return False
        return Account.withdraw(self, amount)


class Checking(Account):
    KIND = "checking"
    FEE = 0
    OVERDRAFT = 200

    def month_end(self):
        if self.balance < 0:
            penalty = 5
            self.balance -= penalty
            return -penalty
        return 0


class Premium(Savings):
    KIND = "premium"
    FEE = 0
    RATE = 0.03
    OVERDRAFT = 1000

    def withdraw(self, amount):
        # premium accounts skip the savings limit
        return Account.withdraw(self, amount)

    def month_end(self):
        gain = super().month_end()
        if gain > 0:
            self.balance += 1
            return gain + 1
        return gain


class Transaction(object):
    def __init__(self, source, dest, amount, ok, previous):
        self.source = source
        self.dest = dest
        self.amount = amount
        self.ok = ok
        self.previous = previous


class Bank(object):
    def __init__(self, name):
        self.name = name
        self.counter = 1000
        self.ledger = None
        self.failed = 0
        self.moved = 0

    def next_number(self):
        self.counter += 1
        return self.counter

    def transfer(self, source, dest, amount):
        ok = False
        if source is not dest and source.withdraw(amount):
            if dest.deposit(amount):
                ok = True
            else:
                # give it back (fees are not refunded)
                source.balance += amount
        self.ledger = Transaction(source, dest, amount, ok, self.ledger)
        source.last = self.ledger
        dest.last = self.ledger
        if ok:
            self.moved += amount
        else:
            self.failed += 1
        return ok


def pick(a, b, c, d, k):
    if k == 0:
        return a
    if k == 1:
        return b
    if k == 2:
        return c
    return d


def entry_point(argv):
    rounds = int(argv[1])
    seed = int(argv[2])
    bank = Bank("tiny")
    a = Account(bank, "ann", 300)
    s = Savings(bank, "sam", balance=2000)
    c = Checking(bank, "cat")
    p = Premium(bank, owner="pat", balance=5000)
    a.show()
    s.show()
    c.show()
    p.show()
    x = seed
    for r in range(rounds):
        for t in range(6):
            x = (x * 1103515245 + 12345) % 2147483648
            src = pick(a, s, c, p, x % 4)
            dst = pick(a, s, c, p, (x // 4) % 4)
            amount = (x // 16) % 700 + 1
            ok = bank.transfer(src, dst, amount)
            if r == 0:
                print("transfer", src.owner, dst.owner, amount, ok)
        if r == rounds // 2:
            c.frozen = True
            print("cat frozen")
        if r == rounds // 2 + 2:
            c.frozen = False
            print("cat unfrozen")
        gains = a.month_end() + s.month_end() + c.month_end() + p.month_end()
        print("round", r, "gains", gains, a.balance, s.balance, c.balance, p.balance)
    a.show()
    s.show()
    c.show()
    p.show()
    print("moved", bank.moved, "failed", bank.failed, "accounts", bank.counter - 1000)

    # audit: walk the ledger
    n = 0
    ok_total = 0
    to_premium = 0
    t = bank.ledger
    while t is not None:
        n += 1
        if t.ok:
            ok_total += t.amount
            if isinstance(t.dest, Premium):
                to_premium += t.amount
        t = t.previous
    print("ledger", n, ok_total, ok_total == bank.moved, "to premium", to_premium)
    print("last seen", a.last is not None, p.last is bank.ledger or s.last is bank.ledger or a.last is bank.ledger or c.last is bank.ledger)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
