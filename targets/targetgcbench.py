"""GCBench: an allocation benchmark after Hans Boehm's GCBench.

usage: targetgcbench-c [MAX_DEPTH]     (default 12)

Builds many complete binary trees of Node(left, right), each with
2**(depth+1)-1 nodes, at depths 4, 6, ... MAX_DEPTH: top-down (allocate a
node, then fill in its children) and bottom-up (allocate the children
first). Each depth allocates about the same number of nodes in total, so
small depths build many trees and large depths few. Meanwhile a "stretch"
tree deeper than any other is built once and dropped, and a long-lived tree
and a long-lived list of floats stay reachable for the whole run; they are
checked at the end. Prints node counts and check values, never timings.
"""
import sys

from rpython.rlib.jit import elidable

BENCH_ARGS = "14"
BENCH_ARGS_QUICK = "8"

MAX_DEPTH = 12
MIN_DEPTH = 4


class Node(object):
    """A tree node; i and j are payload, as in the original."""

    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.i = 0
        self.j = 0


@elidable
def tree_size(depth):
    """Nodes in a complete binary tree of this depth."""
    return (1 << (depth + 1)) - 1


@elidable
def num_iters(depth, stretch_depth):
    """How many trees of `depth` make as many nodes as two stretch trees."""
    return 2 * tree_size(stretch_depth) // tree_size(depth)


def populate(depth, node):
    """Grow a tree below `node` top-down: the parent exists before its
    children."""
    if depth <= 0:
        return
    depth -= 1
    node.left = Node(None, None)
    node.right = Node(None, None)
    populate(depth, node.left)
    populate(depth, node.right)


def make_tree(depth):
    """Build a tree bottom-up: the children exist before their parent."""
    if depth <= 0:
        return Node(None, None)
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def count_nodes(node):
    """Nodes in the tree below (and including) node."""
    n = 1
    if node.left is not None:
        n += count_nodes(node.left)
    if node.right is not None:
        n += count_nodes(node.right)
    return n


def tree_depth(node):
    """Length of the leftmost path (all paths in a complete tree)."""
    d = 0
    while node.left is not None:
        node = node.left
        d += 1
    return d


def time_construction(depth, stretch_depth):
    """Build num_iters trees of `depth` each way; returns the node count of
    the last tree of each kind, added up."""
    iters = num_iters(depth, stretch_depth)
    print("Creating %d trees of depth %d" % (iters, depth))
    checked = 0
    temp = Node(None, None)
    for i in range(iters):
        temp = Node(None, None)
        populate(depth, temp)
    checked += count_nodes(temp)
    print("\tTop down construction: last tree has %d nodes" % count_nodes(temp))
    for i in range(iters):
        temp = make_tree(depth)
    checked += count_nodes(temp)
    print("\tBottom up construction: last tree has %d nodes" % count_nodes(temp))
    return checked


def entry_point(argv):
    max_depth = MAX_DEPTH
    if len(argv) > 1:
        max_depth = int(argv[1])
    if max_depth < MIN_DEPTH:
        print("MAX_DEPTH must be at least %d" % MIN_DEPTH)
        return 2
    stretch_depth = max_depth + 2
    long_lived_depth = max_depth
    array_size = tree_size(max_depth + 2) // 2

    print("Garbage Collector Test")
    print(" Stretching memory with a binary tree of depth %d" % stretch_depth)
    stretch = make_tree(stretch_depth)
    print(" Stretch tree has %d nodes" % count_nodes(stretch))
    stretch = Node(None, None)

    print(" Creating a long-lived binary tree of depth %d" % long_lived_depth)
    long_lived = Node(None, None)
    populate(long_lived_depth, long_lived)

    print(" Creating a long-lived array of %d floats" % array_size)
    array = [0.0] * array_size
    for i in range(array_size // 2):
        array[i] = 1.0 / (i + 1)

    total = 0
    depth = MIN_DEPTH
    while depth <= max_depth:
        total += time_construction(depth, stretch_depth)
        depth += 2

    ok = True
    nodes = count_nodes(long_lived)
    if nodes != tree_size(long_lived_depth) or tree_depth(long_lived) != long_lived_depth:
        ok = False
    probe = array_size // 4
    if array[probe] != 1.0 / (probe + 1) or array[array_size - 1] != 0.0:
        ok = False
    float_sum = 0.0
    for i in range(array_size):
        float_sum += array[i]
    print(" Long-lived tree: %d nodes, depth %d" % (nodes, tree_depth(long_lived)))
    print(" Long-lived array: element %d is 1/%d, sum %.9f" % (probe, probe + 1, float_sum))
    print(" Nodes checked in the last trees: %d" % total)
    if ok:
        print(" Long-lived data intact")
        return 0
    print(" Long-lived data DAMAGED")
    return 1


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
