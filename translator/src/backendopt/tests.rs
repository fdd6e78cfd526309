use crate::flowgraph::dump::dump_graph;
use crate::flowgraph::verify::verify_graph;
use crate::rtype::LlGraph;
use crate::testing::{front, golden, optimized, rtyped};

const SRC: &str = r#"
SCALE = 4

def f(n):
    k = SCALE * 2 + 1
    if k > 5:
        n = n + k
    else:
        n = n - 1
    x = -7 // 2
    y = 7 % 0
    return n * x + y

def entry_point(argv):
    return f(len(argv))
"#;

fn dump(ll: &LlGraph) -> String {
    dump_graph(&ll.graph, &|v| format!(": {}", ll.types[v.index()]))
}

#[test]
fn constants_fold_and_dead_branches_go() {
    let fr = front(SRC);
    let f = fr.func("f");
    let before = rtyped(&fr);
    golden("rtype_constfold_before", &dump(&before.graphs[&f]));
    let (after, stats) = optimized(&fr);
    let g = &after.graphs[&f];
    assert_eq!(verify_graph(&g.graph), Ok(()));
    golden("constfold_after", &dump(g));
    let text = dump(g);
    // SCALE * 2 + 1 > 5 is decided: one path remains, with the constants
    // folded into it; 7 % 0 must stay, to raise at run time.
    assert!(!text.contains("switch"), "{text}");
    assert!(text.contains("int_mod((7), (0))"), "{text}");
    assert!(
        text.contains("int_add(v0_n, (9))") || text.contains("int_add(v0, (9))"),
        "{text}"
    );
    assert!(
        stats.ops_folded >= 3 && stats.switches_folded >= 1,
        "{stats:?}"
    );
    assert!(stats.ops_after < stats.ops_before);
}

#[test]
fn folding_never_hides_a_runtime_error() {
    use super::constfold::eval_llop;
    use crate::flowgraph::ir::Constant::{Float, Int};
    use crate::rtype::llop::{IntOp, LlOp};
    let f2i = |f: f64| eval_llop(&LlOp::CastFloatToInt, &[&Float(f)], false);
    assert_eq!(f2i(-9.223372036854775808e18), Some(Int(i64::MIN)));
    assert_eq!(f2i(-9.25e18), None);
    assert_eq!(f2i(9.223372036854775808e18), None);
    assert_eq!(f2i(f64::NAN), None);
    assert_eq!(f2i(-3.99), Some(Int(-3)));
    assert_eq!(
        eval_llop(&LlOp::Int(IntOp::FloorDiv), &[&Int(7), &Int(0)], false),
        None
    );
    assert_eq!(
        eval_llop(&LlOp::Int(IntOp::Pow), &[&Int(2), &Int(-1)], false),
        None
    );
    assert_eq!(
        eval_llop(&LlOp::IntOvf(IntOp::Add), &[&Int(i64::MAX), &Int(1)], false),
        None
    );
    assert_eq!(
        eval_llop(&LlOp::Int(IntOp::Add), &[&Int(i64::MAX), &Int(1)], false),
        Some(Int(i64::MIN))
    );
}

const VECTORS: &str = r#"
class Vec3(object):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def sub(self, o):
        return Vec3(self.x - o.x, self.y - o.y, self.z - o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

def dist2(a, b):
    d = a.sub(b)
    return d.dot(d)

def divmod_pair(a, b):
    return a // b, a % b

def split(n):
    q, r = divmod_pair(n, 7)
    return q * 10 + r

def keep(a, b):
    return a.sub(b)

def entry_point(argv):
    a = Vec3(1.0, 2.0, 3.0)
    print(dist2(a, Vec3(0.5, 0.5, 0.5)), split(len(argv)), keep(a, a).x)
    return 0
"#;

fn ops_named(ll: &LlGraph, name: &str) -> usize {
    dump(ll).matches(name).count()
}

#[test]
fn inlining_copies_small_callees_into_callers() {
    let fr = front(VECTORS);
    let (after, stats) = optimized(&fr);
    let g = &after.graphs[&fr.func("dist2")];
    assert_eq!(verify_graph(&g.graph), Ok(()));
    // sub, Vec3.__init__ (inside sub) and dot are all copied in.
    assert_eq!(ops_named(g, "direct_call"), 0, "{}", dump(g));
    assert!(stats.calls_inlined >= 3, "{stats:?}");
    // The caller's own calls stay calls when inlining is off.
    let mut ll = crate::testing::rtyped(&fr);
    let mut opts = crate::testing::all_passes();
    opts.inline = false;
    let off = super::optimize_program(&mut ll, opts);
    assert_eq!(off.calls_inlined, 0);
    assert_eq!(ops_named(&ll.graphs[&fr.func("dist2")], "direct_call"), 2);
}

#[test]
fn temporaries_that_do_not_escape_are_removed() {
    let fr = front(VECTORS);
    let before = rtyped(&fr);
    golden(
        "backendopt_dist2_before",
        &dump(&before.graphs[&fr.func("dist2")]),
    );
    let (after, stats) = optimized(&fr);
    let dist2 = &after.graphs[&fr.func("dist2")];
    golden("backendopt_dist2_after", &dump(dist2));
    assert_eq!(ops_named(dist2, "malloc"), 0, "{}", dump(dist2));
    assert_eq!(ops_named(dist2, "getfield[class"), 6, "{}", dump(dist2));
    // A tuple returned and unpacked at once.
    let split = &after.graphs[&fr.func("split")];
    assert_eq!(ops_named(split, "new_tuple"), 0, "{}", dump(split));
    // What escapes stays: `keep` returns its new vector.
    let keep = &after.graphs[&fr.func("keep")];
    assert_eq!(ops_named(keep, "malloc"), 1, "{}", dump(keep));
    assert!(stats.mallocs_removed >= 2, "{stats:?}");
    // With the pass off, dist2 allocates its difference.
    let mut ll = crate::testing::rtyped(&fr);
    let mut opts = crate::testing::all_passes();
    opts.mallocremoval = false;
    let off = super::optimize_program(&mut ll, opts);
    assert_eq!(off.mallocs_removed, 0);
    assert_eq!(ops_named(&ll.graphs[&fr.func("dist2")], "malloc"), 1);
}

const ALIASES: &str = r#"
class Box(object):
    def __init__(self, v):
        self.v = v

def bump(b, other):
    b.v = b.v + 1
    return other.v

def twice(n):
    b = Box(n)
    # b is both arguments: a write through one name is seen by the other.
    return bump(b, b)

def pick(n, flag):
    a = Box(n)
    c = Box(n * 2)
    if flag:
        a = c
    c.v = 100
    return a.v

def entry_point(argv):
    print(twice(len(argv)), pick(1, len(argv) > 1), pick(1, len(argv) > 5))
    return 0
"#;

#[test]
fn aliases_of_one_object_share_its_fields() {
    let fr = front(ALIASES);
    let (after, _) = optimized(&fr);
    let twice = &after.graphs[&fr.func("twice")];
    assert_eq!(verify_graph(&twice.graph), Ok(()));
    // Removed, and what it returns is the bumped field: n + 1.
    assert_eq!(ops_named(twice, "malloc"), 0, "{}", dump(twice));
    assert!(dump(twice).contains("int_add"), "{}", dump(twice));
    // In `pick`, `a` is one of two objects depending on the path: both
    // lifetimes join at the `if`, and the object `c` names is also `a`
    // on one path, so the pass must keep them apart or keep them real.
    let pick = &after.graphs[&fr.func("pick")];
    assert_eq!(verify_graph(&pick.graph), Ok(()));
}

const INDEXING: &str = r#"
def total(lst):
    s = 0
    for i in range(len(lst)):
        s += lst[i]
    return s

def other(a, b):
    s = 0
    for i in range(len(a)):
        s += b[i]
    return s

def shrinks(lst):
    s = 0
    for i in range(len(lst)):
        s += lst[i]
        if s > 10:
            lst.pop()
    return s

def from_anywhere(lst, i):
    s = 0
    while i < len(lst):
        s += lst[i]
        i += 1
    return s

def ring(lst, k):
    return lst[k % len(lst)]

def counter(n):
    i = 0
    while i < n:
        i = ovfcheck(i + 1)
    return ovfcheck(i - 1)

def entry_point(argv):
    l = [1, 2, 3]
    print(total(l), other(l, l), shrinks(l), from_anywhere(l, -1), ring(l, 5),
          counter(len(argv)))
    return 0
"#;

#[test]
fn index_checks_go_only_where_a_test_proves_them() {
    let src = format!("from rpython.rlib.rarithmetic import ovfcheck\n{INDEXING}");
    let fr = front(&src);
    let (after, stats) = optimized(&fr);
    let graph = |name: &str| &after.graphs[&fr.func(name)];
    for name in [
        "total",
        "other",
        "shrinks",
        "from_anywhere",
        "ring",
        "counter",
    ] {
        assert_eq!(verify_graph(&graph(name).graph), Ok(()), "{name}");
    }
    golden("checkremoval_total_after", &dump(graph("total")));
    assert_eq!(ops_named(graph("total"), "list_get_item_unchecked"), 1);
    assert_eq!(ops_named(graph("ring"), "list_get_item_unchecked"), 1);
    // The test is on another list; the list may shrink; the start may be
    // negative: each keeps its check.
    for name in ["other", "shrinks", "from_anywhere"] {
        let g = graph(name);
        assert_eq!(ops_named(g, "unchecked"), 0, "{name}: {}", dump(g));
        assert_eq!(ops_named(g, "list_get_item["), 1, "{name}: {}", dump(g));
    }
    // i + 1 under `i < n` cannot overflow, nor i - 1 of i >= 0.
    let counter = graph("counter");
    assert_eq!(ops_named(counter, "_ovf"), 0, "{}", dump(counter));
    assert!(stats.overflow_checks_removed >= 2, "{stats:?}");
    assert!(stats.bounds_checks_removed >= 2, "{stats:?}");
    let mut ll = crate::testing::rtyped(&fr);
    let mut opts = crate::testing::all_passes();
    opts.checkremoval = false;
    let off = super::optimize_program(&mut ll, opts);
    assert_eq!(off.bounds_checks_removed + off.overflow_checks_removed, 0);
    assert_eq!(ops_named(&ll.graphs[&fr.func("total")], "unchecked"), 0);
}

const TEXT: &str = r#"
def checksum(s):
    h = 0
    for c in s:
        h = (h * 33 + ord(c)) & 0xffff
    return h

def field(line, eq):
    return int(line[eq + 1:])

def keeps(s):
    out = []
    for c in s:
        out.append(ord(c))
    return c

def entry_point(argv):
    print(checksum("héllo"), field("x=12", 1), keeps("ab"))
    return 0
"#;

#[test]
fn characters_and_slices_read_once_are_never_built() {
    let fr = front(TEXT);
    let (after, stats) = optimized(&fr);
    let checksum = &after.graphs[&fr.func("checksum")];
    assert_eq!(verify_graph(&checksum.graph), Ok(()));
    golden(
        "fusion_checksum_before",
        &dump(&rtyped(&fr).graphs[&fr.func("checksum")]),
    );
    golden("fusion_checksum_after", &dump(checksum));
    // The loop's `c` was also carried to the next lap (Python keeps it
    // after the loop); with that dead input gone, ord(c) reads in place.
    assert_eq!(
        ops_named(checksum, "str_code_point_at"),
        1,
        "{}",
        dump(checksum)
    );
    assert_eq!(
        ops_named(checksum, "str_iter_item"),
        0,
        "{}",
        dump(checksum)
    );
    let field = &after.graphs[&fr.func("field")];
    assert_eq!(ops_named(field, "str_to_int_slice"), 1, "{}", dump(field));
    assert_eq!(ops_named(field, "str_slice"), 0, "{}", dump(field));
    // `c` is returned after the loop: the character must exist.
    let keeps = &after.graphs[&fr.func("keeps")];
    assert_eq!(ops_named(keeps, "str_iter_item"), 1, "{}", dump(keeps));
    assert!(
        stats.ops_fused >= 2 && stats.inputs_removed > 0,
        "{stats:?}"
    );
    let mut ll = crate::testing::rtyped(&fr);
    let mut opts = crate::testing::all_passes();
    opts.fusion = false;
    let off = super::optimize_program(&mut ll, opts);
    assert_eq!(off.ops_fused, 0);
    assert_eq!(
        ops_named(&ll.graphs[&fr.func("checksum")], "str_code_point_at"),
        0
    );
}
