import sys
from typing import Dict, List, Optional


class Node(object):
    def __init__(self, value: int, next: "Optional[Node]" = None) -> None:
        self.value: int = value
        self.next = next


def total(head: Optional[Node]) -> int:
    s = 0
    node = head
    while node is not None:
        s += node.value
        node = node.next
    return s


def collect(n: int) -> list[str]:
    names: list[str] = []
    for i in range(n):
        names.append("n%d" % i)
    return names


def nothing_yet() -> List[int]:
    empty: List[int] = []
    return empty


def counts(words: list[str]) -> Dict[str, int]:
    d: dict[str, int] = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d


def scale(x: float, k: float = 2.0) -> float:
    return x * k


def maybe_name(flag: bool) -> Optional[str]:
    if flag:
        return "yes"
    return None


def pair() -> tuple[int, str]:
    return 1, "one"


def entry_point(argv: list[str]) -> int:
    head = Node(1, Node(2, Node(3)))
    print(total(head), total(None))
    print(collect(3), nothing_yet(), len(nothing_yet()))
    print(counts(["a", "b", "a"]))
    print(scale(1.5), scale(2.0, 0.5))
    print(maybe_name(True), maybe_name(False))
    print(pair())
    ratio: float = 0.5
    print(ratio)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
