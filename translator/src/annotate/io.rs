//! The I/O the translator knows: `os.open/read/write/close` on file
//! descriptors and `sys.stdout` / `sys.stderr` with `write` and `flush`.

use super::model::{with_article, SomeValue, Types};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::IoFn;

type AResult = Result<SomeValue, Diagnostic>;

fn expect(
    p: &Types,
    f: &str,
    what: &[&str],
    args: &[SomeValue],
    span: Span,
) -> Result<(), Diagnostic> {
    let required = what.iter().filter(|w| !w.ends_with('?')).count();
    if args.len() < required || args.len() > what.len() {
        return Err(Diagnostic::error(
            span,
            format!(
                "{f}() takes {} arguments ({}), got {}",
                what.len(),
                what.join(", "),
                args.len()
            ),
        ));
    }
    for (a, w) in args.iter().zip(what) {
        let ok = match w.trim_end_matches('?') {
            "int" => a.is_intlike(),
            "str" => matches!(a, SomeValue::Str { can_be_none: false }),
            "bytes" => *a == SomeValue::Bytes,
            _ => unreachable!("argument kind {w}"),
        };
        if !ok {
            return Err(Diagnostic::error(
                span,
                format!(
                    "{f}() takes {} here, not {}",
                    w.trim_end_matches('?'),
                    with_article(a, p)
                ),
            ));
        }
    }
    Ok(())
}

/// A call of `os.open` and friends.
pub fn io_call(p: &Types, f: IoFn, args: &[SomeValue], span: Span) -> AResult {
    match f {
        IoFn::OsOpen => {
            expect(p, "os.open", &["str", "int", "int?"], args, span).map(|()| SomeValue::Int)
        }
        IoFn::OsRead => {
            expect(p, "os.read", &["int", "int"], args, span).map(|()| SomeValue::Bytes)
        }
        IoFn::OsWrite => {
            expect(p, "os.write", &["int", "bytes"], args, span).map(|()| SomeValue::Int)
        }
        IoFn::OsClose => expect(p, "os.close", &["int"], args, span).map(|()| SomeValue::None),
        IoFn::Time | IoFn::PerfCounter => {
            expect(p, f.name(), &[], args, span).map(|()| SomeValue::Float)
        }
        IoFn::Open => unreachable!("the annotator calls open_call"),
        IoFn::Stdout | IoFn::Stderr => Err(Diagnostic::error(
            span,
            format!("`{}` is not callable", f.name()),
        )),
    }
}

/// `sys.stdout.write(s)` and `.flush()`.
pub fn stream_method(
    p: &Types,
    stream: IoFn,
    name: &str,
    args: &[SomeValue],
    span: Span,
) -> AResult {
    let full = format!("{}.{name}", stream.name());
    match name {
        "write" => expect(p, &full, &["str"], args, span).map(|()| SomeValue::Int),
        "flush" => expect(p, &full, &[], args, span).map(|()| SomeValue::None),
        _ => Err(Diagnostic::error(
            span,
            format!(
                "`{}` has no method `{name}` the translator supports (write, flush)",
                stream.name()
            ),
        )),
    }
}
