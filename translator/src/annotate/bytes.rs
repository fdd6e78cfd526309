//! `bytes`: literals, what `os.read` returns and `str.encode()`. Indexing
//! gives ints; the rest (slices, +, *, comparisons, `in`) gives bytes or
//! bools as in CPython. Only the UTF-8 codec exists.

use super::model::{with_article, SomeValue, Types};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::BinOp;
use crate::flowgraph::ir::{Constant, Value};

type AResult = Result<SomeValue, Diagnostic>;

/// `bytes op x` / `x op bytes` for + and *; None when neither side is
/// bytes.
pub fn bytes_binary(
    p: &Types,
    op: BinOp,
    l: &SomeValue,
    r: &SomeValue,
    span: Span,
) -> Option<AResult> {
    use SomeValue::*;
    Some(match (op, l, r) {
        (BinOp::Add, Bytes, Bytes) => Ok(Bytes),
        (BinOp::Mul, Bytes, Int | Bool) | (BinOp::Mul, Int | Bool, Bytes) => Ok(Bytes),
        (_, Bytes, _) | (_, _, Bytes) => Err(Diagnostic::error(
            span,
            format!(
                "unsupported operand types for {}: {} and {}",
                op.symbol(),
                l.describe(p),
                r.describe(p)
            ),
        )),
        _ => return Option::None,
    })
}

/// The codec argument of encode()/decode(): absent or a constant naming
/// UTF-8.
fn check_utf8(name: &str, codec: &[Value], span: Span) -> Result<(), Diagnostic> {
    match codec {
        [] => Ok(()),
        [Value::Const(Constant::Str(s))]
            if matches!(&*s.to_ascii_lowercase(), "utf-8" | "utf8" | "utf_8") =>
        {
            Ok(())
        }
        _ => Err(Diagnostic::error(
            span,
            format!("{name}() supports only the UTF-8 codec, named by a constant: {name}('utf-8')"),
        )),
    }
}

/// `s.encode(...)` on a str and the methods of bytes.
pub fn bytes_method(
    p: &Types,
    receiver: &SomeValue,
    name: &str,
    args: &[SomeValue],
    values: &[Value],
    keywords: &[std::rc::Rc<str>],
    span: Span,
) -> Option<AResult> {
    let result = match (receiver, name) {
        (SomeValue::Str { can_be_none: false }, "encode") => SomeValue::Bytes,
        (SomeValue::Bytes, "decode") => SomeValue::Str { can_be_none: false },
        (SomeValue::Bytes, other) => {
            return Some(Err(Diagnostic::error(
                span,
                format!("bytes has no method `{other}` the translator supports (decode)"),
            )))
        }
        _ => return None,
    };
    if !keywords.is_empty() || args.len() > 1 {
        return Some(Err(Diagnostic::error(
            span,
            format!("{name}() takes at most one argument, the codec"),
        )));
    }
    if let Some(a) = args.first() {
        if !matches!(a, SomeValue::Str { can_be_none: false }) {
            return Some(Err(Diagnostic::error(
                span,
                format!("{name}() takes a codec name, not {}", with_article(a, p)),
            )));
        }
    }
    Some(check_utf8(name, values, span).map(|()| result))
}
