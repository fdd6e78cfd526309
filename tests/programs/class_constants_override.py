# args: 4
"""Class-level constants of every kind (int, float, bool, str, None) overridden per subclass at different depths, read through self.X inside inherited methods, through base-typed variables, and through the class name."""
import sys

BASE_RATE = 10


class Animal(object):
    LEGS = 4
    SOUND = "..."
    WEIGHT = 1.0
    CAN_FLY = False
    PREDATOR = None
    RATE = BASE_RATE * 2

    def __init__(self, age):
        self.age = age

    def describe(self):
        print(self.SOUND, self.LEGS, self.WEIGHT, self.CAN_FLY, self.PREDATOR, self.RATE, "age", self.age)

    def food(self):
        return self.WEIGHT * self.RATE + self.LEGS

    def legs_total(self, n):
        return self.LEGS * n


class Dog(Animal):
    SOUND = "woof"
    WEIGHT = 20.5


class Puppy(Dog):
    WEIGHT = 4.25
    RATE = 35

    def describe(self):
        print("puppy!")
        Dog.describe(self)


class Bird(Animal):
    LEGS = 2
    SOUND = "tweet"
    WEIGHT = 0.125
    CAN_FLY = True
    PREDATOR = "cat"


class Penguin(Bird):
    CAN_FLY = False
    SOUND = "squawk"
    WEIGHT = 15.0
    PREDATOR = "seal"
    RATE = BASE_RATE // 3


class Snake(Animal):
    LEGS = 0
    SOUND = "hiss"


def make(i):
    k = i % 6
    if k == 0:
        return Animal(i)
    if k == 1:
        return Dog(i)
    if k == 2:
        return Puppy(i)
    if k == 3:
        return Bird(i)
    if k == 4:
        return Penguin(i)
    return Snake(i)


def flyers(a, b, c):
    n = 0
    if a.CAN_FLY:
        n += 1
    if b.CAN_FLY:
        n += 1
    if c.CAN_FLY:
        n += 1
    return n


def entry_point(argv):
    n = int(argv[1])
    total_food = 0.0
    total_legs = 0
    hunted = 0
    for i in range(12):
        a = make(i)
        a.describe()
        total_food += a.food()
        total_legs += a.legs_total(n)
        if a.PREDATOR is not None:
            hunted += 1
        if a.SOUND == "woof":
            print("  a dog barks")
    print("food", total_food, "legs", total_legs, "hunted", hunted)
    print("flyers", flyers(Bird(1), Penguin(2), Dog(3)), flyers(Bird(1), Bird(2), Snake(3)))
    print("by class", Animal.LEGS, Dog.SOUND, Puppy.WEIGHT, Puppy.LEGS, Penguin.RATE, Bird.PREDATOR, Snake.CAN_FLY)
    p = Puppy(n)
    print("puppy food", p.food(), p.RATE, p.SOUND)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
