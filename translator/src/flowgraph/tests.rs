use super::dump::dump_graph;
use super::ir::{Constant, Link, Value};
use super::verify::verify_graph;
use crate::testing::{front, golden, parse, render};

const LOOPS: &str = r#"
def f(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0 and i > 2:
            total += i
        i += 1
    else:
        total -= 1
    for k in range(n, 0, -2):
        total += k
    return total

def entry_point(argv):
    return f(len(argv))
"#;

#[test]
fn loops_and_conditions_build_verified_graphs() {
    let fr = front(LOOPS);
    for g in fr.flow.graphs.values() {
        assert_eq!(verify_graph(g), Ok(()));
    }
    let g = &fr.flow.graphs[&fr.func("f")];
    golden("flow_loops", &dump_graph(g, &|_| String::new()));
}

#[test]
fn graphs_are_built_for_reachable_functions_only() {
    let fr = front("def unused():\n    return 1\n\ndef entry_point(argv):\n    return 0\n\ndef target(*args):\n    return entry_point, None\n");
    assert_eq!(
        fr.flow.graphs.len(),
        1,
        "target() and unused() are never called"
    );
}

#[test]
fn a_local_bound_on_one_path_gets_a_runtime_check() {
    let fr = front("def entry_point(argv):\n    if len(argv) > 1:\n        x = 1\n    print(x)\n    return 0\n");
    let dump = dump_graph(&fr.flow.graphs[&fr.func("entry_point")], &|_| String::new());
    assert!(dump.contains("check_bound[x]"), "{dump}");
}

#[test]
fn reading_a_never_assigned_local_is_an_error() {
    let (p, sources) = parse("def entry_point(argv):\n    print(y)\n    y = 2\n    return 0\n")
        .ok()
        .unwrap();
    let errors = super::build_flow_graphs(&p, &mut |_| {})
        .err()
        .expect("an error");
    let text = render(&errors, &sources);
    assert!(
        text.contains(":2:11: error: local variable `y` is used before it is assigned"),
        "{text}"
    );
}

#[test]
fn names_a_failed_statement_binds_bring_no_further_errors() {
    let (p, sources) = parse(
        "def entry_point(argv):\n    a, *b, *rest = argv\n    print(a, rest)\n    return 0\n",
    )
    .ok()
    .unwrap();
    let errors = super::build_flow_graphs(&p, &mut |_| {}).err().unwrap();
    let text = render(&errors, &sources);
    assert_eq!(errors.len(), 1, "{text}");
    assert!(text.contains(":2:5: error: multiple starred"), "{text}");
}

#[test]
fn unsupported_statements_are_errors_with_a_location() {
    let (p, sources) =
        parse("def entry_point(argv):\n    async for x in argv:\n        pass\n    return 0\n")
            .ok()
            .unwrap();
    let text = render(
        &super::build_flow_graphs(&p, &mut |_| {}).err().unwrap(),
        &sources,
    );
    assert!(
        text.contains(":2:5: error: this statement is not supported"),
        "{text}"
    );
}

#[test]
fn the_verifier_reports_broken_graphs() {
    let fr = front("def entry_point(argv):\n    n = len(argv)\n    return n\n");
    let mut g = fr.flow.graphs[&fr.func("entry_point")].clone();
    // A link that passes one value too many, and an operation that uses a
    // variable of another block.
    let ret = g.returnblock;
    let start = g.startblock;
    let stray = g.new_var(None, g.span);
    let extra = g.new_block(vec![stray]);
    g.block_mut(start).exits[0]
        .args
        .push(Value::Const(Constant::Int(1)));
    g.block_mut(start).exits[0].target = ret;
    let foreign = g.block(start).operations[0].result;
    g.block_mut(extra).operations = g.block(start).operations.clone();
    g.block_mut(extra).operations[0].args = vec![Value::Var(foreign)];
    g.block_mut(start).exitswitch = Some(Value::Const(Constant::Bool(true)));
    let span = g.span;
    g.block_mut(start).exits.push(Link {
        target: extra,
        args: vec![Value::Var(foreign)],
        arg_spans: vec![span],
        exitcase: Some(true),
        span,
    });
    g.block_mut(start).exits[0].exitcase = Some(false);
    let errors = verify_graph(&g).unwrap_err().join("\n");
    assert!(errors.contains("passes 2 values for 1 inputs"), "{errors}");
    assert!(errors.contains("not defined in this block"), "{errors}");
    assert!(errors.contains("defined twice"), "{errors}");
}
