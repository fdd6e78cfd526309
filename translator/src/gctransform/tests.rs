use crate::flowgraph::dump::dump_graph;
use crate::rtype::llop::LlOp;
use crate::testing::{front, golden, optimized};

const TREE: &str = "class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right

def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))

def size(n):
    if n.left is None:
        return 1
    return 1 + size(n.left) + size(n.right)

def entry_point(argv):
    print(size(make(3)))
    return 0
";

#[test]
fn references_live_across_collections_are_saved_and_reloaded() {
    let fr = front(TREE);
    let (mut ll, _) = optimized(&fr);
    let stats = super::transform_program(&mut ll, &mut |_| {});
    let make = &ll.graphs[&fr.func("make")];
    // The first subtree is live across the second call and the malloc;
    // the second across the malloc: two slots.
    assert_eq!(make.gc_root_slots, 2);
    golden(
        "gctransform_make_tree",
        &dump_graph(&make.graph, &|v| format!(": {}", make.types[v.index()])),
    );
    // `size` allocates nothing and calls only itself: no frame.
    assert_eq!(ll.graphs[&fr.func("size")].gc_root_slots, 0);
    assert_eq!(stats.collecting_functions, 2); // make, entry_point
    for ll in ll.graphs.values() {
        crate::flowgraph::verify::verify_graph(&ll.graph).unwrap();
    }
}

#[test]
fn no_save_without_a_later_use() {
    let fr = front(
        "class A(object):\n    def __init__(self, x):\n        self.x = x\n\ndef entry_point(argv):\n    a = A(1)\n    b = A(2)\n    print(b.x)\n    return 0\n",
    );
    let (mut ll, _) = optimized(&fr);
    super::transform_program(&mut ll, &mut |_| {});
    let g = &ll.graphs[&fr.func("entry_point")];
    let saves: Vec<_> = g
        .graph
        .blocks
        .iter()
        .flat_map(|b| &b.operations)
        .filter(|op| matches!(op.op, LlOp::GcSaveRoot(_)))
        .collect();
    // `a` is dead after its creation; only argv could need saving, and
    // it is not used after the first allocation either.
    assert!(saves.is_empty(), "unexpected saves: {}", saves.len());
}
