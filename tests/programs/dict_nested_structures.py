class Student(object):
    def __init__(self, name, grades):
        self.name = name
        self.grades = grades


TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""


def word_freq(text):
    freq = {}
    for line in text.splitlines():
        for raw in line.split():
            w = raw.strip(",.").lower()
            freq[w] = freq.get(w, 0) + 1
    return freq


def group_by_len(words):
    groups = {}
    for w in words:
        n = len(w)
        if n not in groups:
            groups[n] = []
        groups[n].append(w)
    return groups


def entry_point(argv):
    freq = word_freq(TEXT)
    top = sorted(list(freq.items()), key=lambda kv: (-kv[1], kv[0]))
    print(len(freq), top[:6])
    groups = group_by_len(sorted(list(freq.keys())))
    for n in sorted(list(groups.keys())):
        print(n, groups[n])
    index = {}
    for lineno, line in enumerate(TEXT.splitlines(), 1):
        for w in line.split():
            key = w.strip(",.").lower()
            if key not in index:
                index[key] = []
            if lineno not in index[key]:
                index[key].append(lineno)
    print(index["it"], index["light"], index["age"], index.get("nothing", []))
    grid = {}
    for r in range(3):
        for c in range(4):
            grid[(r, c)] = r * 10 + c
    print(grid[(2, 3)], len(grid), [grid[(1, c)] for c in range(4)])
    studs = {"ann": Student("ann", [90, 85]), "bob": Student("bob", [70])}
    studs["cid"] = Student("cid", [])
    studs["bob"].grades.append(95)
    for name, st in studs.items():
        avg = sum(st.grades) / len(st.grades) if len(st.grades) > 0 else 0.0
        print(name, st.grades, "%.2f" % avg)
    tree = {"root": {"a": [1, 2], "b": [3]}, "leaf": {"c": []}}
    tree["leaf"]["d"] = [4, 5, 6]
    tree["root"]["a"].extend([7])
    print(tree)
    total = 0
    for outer in tree.values():
        for inner in outer.values():
            total += sum(inner)
    print(total, sorted(list(tree["root"].keys())), len(tree["leaf"]))
    inverted = {}
    for k, v in freq.items():
        if v not in inverted:
            inverted[v] = []
        inverted[v].append(k)
    print(sorted(list(inverted.keys())), sorted(inverted[2]))
    dl = {1: [1.5, 2.5], 2: [0.25]}
    dl[3] = [x * 2.0 for x in dl[1]]
    print(dl, {dk: sum(dv) for dk, dv in dl.items()})
    dt = {"pts": [(0, 0), (1, 2)], "more": [(5, -1)]}
    dt["pts"].append((3, 3))
    print(dt, sorted(dt["pts"] + dt["more"]))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
