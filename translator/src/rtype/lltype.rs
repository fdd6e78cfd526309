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
    /// A pointer to an `rpy_list` (its item kind is in the operations).
    ListPtr,
    DictPtr,
    /// A pointer to a tuple: header, then one 8-byte slot per item (its
    /// layout is in the operations).
    TuplePtr,
    /// A pointer to an instance of a user class, possibly null (None):
    /// header, then the fields of the class and its bases, base first.
    InstPtr,
    /// A function value: a pointer to the function's descriptor, a static
    /// object holding the function's address (null for None). The
    /// collector skips it as it skips every prebuilt object.
    FuncPtr,
}

impl LlType {
    /// A reference the garbage collector must know about when it is live
    /// across an operation that can collect.
    pub fn is_gc_ptr(self) -> bool {
        matches!(
            self,
            LlType::StrPtr | LlType::ListPtr | LlType::DictPtr | LlType::InstPtr | LlType::TuplePtr
        )
    }
}

impl fmt::Display for LlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            LlType::Void => "Void",
            LlType::Bool => "Bool",
            LlType::Signed => "Signed",
            LlType::Float => "Float",
            LlType::StrPtr => "Ptr(Str)",
            LlType::ListPtr => "Ptr(List)",
            LlType::DictPtr => "Ptr(Dict)",
            LlType::TuplePtr => "Ptr(Tuple)",
            LlType::InstPtr => "Ptr(Instance)",
            LlType::FuncPtr => "Ptr(Function)",
        };
        f.write_str(s)
    }
}
