use super::model::SomeValue;
use crate::testing::{annotate, front};

fn return_of(src: &str, func: &str) -> SomeValue {
    let fr = front(src);
    let ann = annotate(&fr).unwrap_or_else(|e| panic!("{e}"));
    let f = fr.func(func);
    ann.binding(f, fr.flow.graphs[&f].return_var()).clone()
}

#[test]
fn arithmetic_results_follow_python_types() {
    let src = |body: &str| {
        format!("def f(n):\n    return {body}\n\ndef entry_point(argv):\n    f(len(argv))\n    return 0\n")
    };
    assert_eq!(return_of(&src("n + 1"), "f"), SomeValue::Int);
    assert_eq!(return_of(&src("n / 2"), "f"), SomeValue::Float);
    assert_eq!(return_of(&src("n * 1.5"), "f"), SomeValue::Float);
    assert_eq!(return_of(&src("n < 3"), "f"), SomeValue::Bool);
    assert_eq!(return_of(&src("True & (n > 0)"), "f"), SomeValue::Bool);
    assert_eq!(return_of(&src("2 ** -1"), "f"), SomeValue::Float);
    assert_eq!(return_of(&src("None"), "f"), SomeValue::None);
}

#[test]
fn recursion_reaches_a_fixpoint() {
    let src = "def fact(n):\n    if n < 2:\n        return 1\n    return n * fact(n - 1)\n\ndef entry_point(argv):\n    return fact(5)\n";
    assert_eq!(return_of(src, "fact"), SomeValue::Int);
}

#[test]
fn none_and_str_merge_into_an_optional_str() {
    let src = "def pick(argv):\n    if len(argv) > 1:\n        return argv[1]\n    return None\n\ndef entry_point(argv):\n    print(pick(argv))\n    return 0\n";
    assert_eq!(return_of(src, "pick"), SomeValue::Str { can_be_none: true });
}

#[test]
fn a_function_that_never_returns_has_no_return_type() {
    let src = "def forever(n):\n    return forever(n + 1)\n\ndef entry_point(argv):\n    forever(0)\n    return 0\n";
    assert_eq!(return_of(src, "forever"), SomeValue::Impossible);
}

#[test]
fn conflicts_name_the_variable_and_both_places() {
    let fr = front("def entry_point(argv):\n    x = 1\n    if len(argv) > 1:\n        x = 2.5\n    print(x)\n    return 0\n");
    let Err(err) = annotate(&fr) else {
        panic!("expected a conflict")
    };
    assert!(err.contains("variable `x` is "), "{err}");
    assert!(err.contains("int") && err.contains("float"), "{err}");
    assert!(err.contains("note: it was given type"), "{err}");
    assert!(
        err.contains("help: ints and floats are kept apart"),
        "{err}"
    );
}
