# str(), repr(), print, f-strings and % of an instance that may be None:
# "None", or the class's __str__ / __repr__ (through subclasses too).


class Animal:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "animal " + self.name

    def __repr__(self):
        return "Animal(%r)" % self.name


class Dog(Animal):
    def __str__(self):
        return "dog " + self.name

    def __repr__(self):
        return "Dog(%r)" % self.name


class Pet:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Pet#%d" % self.n


def find(animals, name):
    for a in animals:
        if a.name == name:
            return a
    return None


def entry_point(argv):
    zoo = [Animal("cat"), Dog("rex")]
    for name in ["cat", "rex", "emu"]:
        a = find(zoo, name)
        print(a)
        print(str(a), repr(a))
        print(f"found: {a} / {a!r}")
        print("%s | %r" % (a, a))
    pet = None
    if len(argv) > 5:
        pet = Pet(1)
    print(pet, str(pet))
    pet = Pet(2)
    print(pet)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
