# Methods of classes whose only instances are prebuilt (also reached
# through another prebuilt instance's field), and __str__ of them.


class Animal(object):
    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " speaks"

    def __str__(self):
        return "Animal " + self.name


class Dog(Animal):
    def speak(self):
        return self.name + " barks"


class Owner(object):
    def __init__(self, pet):
        self.pet = pet


class Hamster(object):
    def __init__(self, name):
        self.name = name

    def squeak(self):
        return self.name + " squeaks"


class Home(object):
    def __init__(self, pet):
        self.pet = pet


class Greeter(object):
    def hello(self):
        return "hello"


CAT = Animal("cat")
REX = Dog("rex")
BOB = Owner(Dog("fido"))
GREETER = Greeter()
HAMMY = Hamster("hammy")
HOME = Home(HAMMY)


def entry_point(argv):
    print(CAT.speak(), REX.speak())
    print(CAT, REX, "%s" % REX, f"{CAT}")
    print(BOB.pet.speak(), str(BOB.pet))
    print(GREETER.hello(), HOME.pet.squeak())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
