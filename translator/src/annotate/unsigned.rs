//! `r_uint` (rpython.rlib.rarithmetic): unsigned 64-bit words.
//!
//! The shim package defines what CPython does with them, and so what
//! translated code must do: arithmetic with an int or r_uint operand wraps
//! modulo 2**64 and gives an r_uint, `//` `%` `>>` are unsigned,
//! comparisons take the other operand as a 64-bit word. An r_uint never
//! merges with an int (a negative int would compare differently).

use super::model::{with_article, SomeValue, Types};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::{BinOp, CmpOp, UnOp};

type RuleResult = Result<SomeValue, Diagnostic>;

/// An int-like operand that mixes with an r_uint.
fn word(s: &SomeValue) -> bool {
    matches!(s, SomeValue::Int | SomeValue::Bool | SomeValue::Unsigned)
}

fn involved(l: &SomeValue, r: &SomeValue) -> bool {
    *l == SomeValue::Unsigned || *r == SomeValue::Unsigned
}

/// `l op r` when one side is an r_uint; None when neither is.
pub fn binary(
    p: &Types,
    op: BinOp,
    l: &SomeValue,
    r: &SomeValue,
    span: Span,
) -> Option<RuleResult> {
    if !involved(l, r) {
        return None;
    }
    let refuse = |why: &str| {
        Some(Err(Diagnostic::error(
            span,
            format!(
                "`{}` of {} and {} is not supported{why}",
                op.symbol(),
                with_article(l, p),
                with_article(r, p)
            ),
        )))
    };
    if !word(l) || !word(r) {
        return match (l, r) {
            (SomeValue::Float, _) | (_, SomeValue::Float) => {
                refuse(": convert the r_uint with float(x) first")
            }
            _ => refuse(""),
        };
    }
    match op {
        BinOp::Add
        | BinOp::Sub
        | BinOp::Mul
        | BinOp::FloorDiv
        | BinOp::Mod
        | BinOp::BitAnd
        | BinOp::BitOr
        | BinOp::BitXor
        | BinOp::LShift
        | BinOp::RShift => Some(Ok(SomeValue::Unsigned)),
        BinOp::TrueDiv => refuse(": convert with float(x) first"),
        _ => refuse(""),
    }
}

pub fn unary(op: UnOp, a: &SomeValue) -> Option<RuleResult> {
    match (op, a) {
        (UnOp::Neg | UnOp::Pos | UnOp::Invert, SomeValue::Unsigned) => {
            Some(Ok(SomeValue::Unsigned))
        }
        _ => None,
    }
}

pub fn compare(
    p: &Types,
    op: CmpOp,
    l: &SomeValue,
    r: &SomeValue,
    span: Span,
) -> Option<RuleResult> {
    if !involved(l, r) || matches!(op, CmpOp::In | CmpOp::NotIn) {
        return None;
    }
    if word(l) && word(r) && !matches!(op, CmpOp::Is | CmpOp::IsNot) {
        return Some(Ok(SomeValue::Bool));
    }
    Some(Err(Diagnostic::error(
        span,
        format!(
            "comparing {} with {} is not supported",
            with_article(l, p),
            with_article(r, p)
        ),
    )))
}
