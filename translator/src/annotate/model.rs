//! The annotation lattice: what the annotator knows about a value.
//!
//! `Impossible` is the bottom (no value seen yet). Two annotations unify
//! only when a single machine representation serves both, so translated
//! code never changes behaviour: an int and a float are not merged (CPython
//! would print `1` and `1.0` differently); None merges only with types that
//! have a null (strings).

use crate::flowgraph::ir::{Builtin, Constant, FuncId};
use std::fmt;

#[derive(Clone, PartialEq, Debug)]
pub enum SomeValue {
    Impossible,
    None,
    Bool,
    Int,
    Float,
    Str {
        can_be_none: bool,
    },
    Func(FuncId),
    Builtin(Builtin),
    /// A list with items of one type (only `argv` for now).
    List(Box<SomeValue>),
}

impl SomeValue {
    pub fn of_constant(c: &Constant) -> SomeValue {
        match c {
            Constant::None => SomeValue::None,
            Constant::Bool(_) => SomeValue::Bool,
            Constant::Int(_) => SomeValue::Int,
            Constant::Float(_) => SomeValue::Float,
            Constant::Str(_) => SomeValue::Str { can_be_none: false },
            Constant::Func(f) => SomeValue::Func(*f),
            Constant::Builtin(b) => SomeValue::Builtin(*b),
            Constant::Undefined => SomeValue::Impossible,
        }
    }

    /// Int-like values: Python's bool is a subclass of int.
    pub fn is_intlike(&self) -> bool {
        matches!(self, SomeValue::Int | SomeValue::Bool)
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, SomeValue::Int | SomeValue::Bool | SomeValue::Float)
    }

    /// The least annotation covering both, or `None` when no single
    /// representation can hold both.
    pub fn union(&self, other: &SomeValue) -> Option<SomeValue> {
        use SomeValue::*;
        Some(match (self, other) {
            (Impossible, x) | (x, Impossible) => x.clone(),
            (a, b) if a == b => a.clone(),
            (Str { can_be_none: a }, Str { can_be_none: b }) => Str {
                can_be_none: *a || *b,
            },
            (None, Str { .. }) | (Str { .. }, None) => Str { can_be_none: true },
            (List(a), List(b)) => List(Box::new(a.union(b)?)),
            _ => return Option::None,
        })
    }
}

impl fmt::Display for SomeValue {
    /// Python's own words for the type, used in messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SomeValue::Impossible => write!(f, "nothing"),
            SomeValue::None => write!(f, "None"),
            SomeValue::Bool => write!(f, "bool"),
            SomeValue::Int => write!(f, "int"),
            SomeValue::Float => write!(f, "float"),
            SomeValue::Str { can_be_none: false } => write!(f, "str"),
            SomeValue::Str { can_be_none: true } => write!(f, "str or None"),
            SomeValue::Func(_) => write!(f, "function"),
            SomeValue::Builtin(b) => write!(f, "builtin `{}`", b.name()),
            SomeValue::List(item) => write!(f, "list[{item}]"),
        }
    }
}

/// "an int", "a str": the article that reads naturally in a message.
pub fn with_article(s: &SomeValue) -> String {
    let text = s.to_string();
    match text.chars().next() {
        Some('i') | Some('N') => format!("an {text}").replace("an None", "None"),
        _ => format!("a {text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::SomeValue::*;

    #[test]
    fn union_keeps_representations_apart() {
        assert_eq!(Int.union(&Impossible), Some(Int));
        assert_eq!(Int.union(&Float), Option::None);
        assert_eq!(Int.union(&Bool), Option::None);
        assert_eq!(
            None.union(&Str { can_be_none: false }),
            Some(Str { can_be_none: true })
        );
        assert_eq!(None.union(&Int), Option::None);
    }
}
