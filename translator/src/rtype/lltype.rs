//! Low-level types: what a value is in memory and in registers.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum LlType {
    /// No value at run time (None, or the result of print).
    Void,
    Bool,
    /// A signed 64-bit machine word (Python int).
    Signed,
    /// An IEEE double (Python float).
    Float,
    /// A pointer to an `rpy_str`, possibly null (None).
    StrPtr,
    /// A pointer to an `rpy_list_str`.
    ListStrPtr,
}

impl fmt::Display for LlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            LlType::Void => "Void",
            LlType::Bool => "Bool",
            LlType::Signed => "Signed",
            LlType::Float => "Float",
            LlType::StrPtr => "Ptr(Str)",
            LlType::ListStrPtr => "Ptr(List(Str))",
        };
        f.write_str(s)
    }
}
