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
