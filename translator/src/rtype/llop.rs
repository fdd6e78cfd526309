//! Low-level operations, with their effects in one table (`effects`) that
//! passes consult instead of keeping lists of op names.

use crate::flowgraph::ir::FuncId;
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IntOp {
    Add,
    /// Addition clamped to the int limits (range loop counters).
    AddSat,
    Sub,
    Mul,
    /// Python floor division; ZeroDivisionError on 0.
    FloorDiv,
    /// Python modulo (sign of the divisor); ZeroDivisionError on 0.
    Mod,
    /// ValueError on a negative count; counts >= 64 give 0 (wrap).
    LShift,
    /// ValueError on a negative count; counts >= 64 give 0 or -1.
    RShift,
    And,
    Or,
    Xor,
    /// ValueError on a negative exponent.
    Pow,
    Neg,
    Invert,
    Abs,
    Min,
    Max,
}

impl IntOp {
    pub fn arity(self) -> usize {
        match self {
            IntOp::Neg | IntOp::Invert | IntOp::Abs => 1,
            _ => 2,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    Neg,
    Abs,
    Min,
    Max,
}

impl FloatOp {
    pub fn arity(self) -> usize {
        match self {
            FloatOp::Neg | FloatOp::Abs => 1,
            _ => 2,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl Cmp {
    pub fn holds(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Cmp::Lt => o == Less,
            Cmp::Le => o != Greater,
            Cmp::Eq => o == Equal,
            Cmp::Ne => o != Equal,
            Cmp::Gt => o == Greater,
            Cmp::Ge => o != Less,
        }
    }
}

/// What `print` writes for one value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WriteKind {
    Int,
    Float,
    Bool,
    /// A string, or "None" for null.
    Str,
    /// One byte given as an int constant (separators, newline).
    Char,
}

#[derive(Clone, PartialEq, Debug)]
pub enum LlOp {
    SameAs,
    /// Wrapping integer arithmetic (RPython semantics).
    Int(IntOp),
    /// The same, raising OverflowError instead of wrapping.
    IntOvf(IntOp),
    IntCmp(Cmp),
    Float(FloatOp),
    FloatCmp(Cmp),
    /// Exact comparison of an int (first) with a float (second).
    IntFloatCmp(Cmp),
    /// Correctly rounded int / int.
    IntTrueDiv,
    BoolNot,
    CastBoolToInt,
    CastIntToFloat,
    /// int(f): OverflowError or ValueError for inf, nan and huge values.
    CastFloatToInt,
    IntIsTrue,
    FloatIsTrue,
    /// Non-null and non-empty.
    StrIsTrue,
    PtrIsNull,
    PtrNonNull,
    StrEq,
    /// int(s): ValueError on a malformed string.
    StrToInt,
    ListLen,
    /// IndexError when out of range; negative indices count from the end.
    ListGetItem,
    Write(WriteKind),
    DirectCall(FuncId),
    /// RecursionError when the stack is nearly exhausted.
    StackCheck,
    /// ValueError "range() arg 3 must not be zero".
    CheckRangeStep,
    /// UnboundLocalError for the named local unless the flag is true.
    CheckBound(std::rc::Rc<str>),
}

/// Effect flags of an operation.
#[derive(Clone, Copy, Debug)]
pub struct Effects {
    /// May raise an exception (today: end the program with an error).
    pub can_raise: bool,
    /// No effect but its result: may be removed if unused, folded if its
    /// arguments are constant.
    pub is_pure: bool,
}

impl LlOp {
    pub fn effects(&self) -> Effects {
        use LlOp::*;
        let pure = Effects {
            can_raise: false,
            is_pure: true,
        };
        let raising = Effects {
            can_raise: true,
            is_pure: false,
        };
        let effect = Effects {
            can_raise: false,
            is_pure: false,
        };
        match self {
            SameAs | IntCmp(_) | FloatCmp(_) | IntFloatCmp(_) | BoolNot | CastBoolToInt
            | CastIntToFloat | IntIsTrue | FloatIsTrue | StrIsTrue | PtrIsNull | PtrNonNull
            | StrEq | ListLen => pure,
            Int(op) => match op {
                IntOp::FloorDiv | IntOp::Mod | IntOp::LShift | IntOp::RShift | IntOp::Pow => {
                    raising
                }
                _ => pure,
            },
            Float(op) => match op {
                FloatOp::TrueDiv | FloatOp::FloorDiv | FloatOp::Mod | FloatOp::Pow => raising,
                _ => pure,
            },
            IntOvf(_) | IntTrueDiv | CastFloatToInt | StrToInt | ListGetItem | StackCheck
            | CheckRangeStep | CheckBound(_) => raising,
            // A call may print or raise; without an effect analysis of the
            // callee it is neither pure nor raise-free.
            DirectCall(_) => raising,
            Write(_) => effect,
        }
    }
}

impl fmt::Display for LlOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lower = |x: &dyn fmt::Debug| format!("{x:?}").to_lowercase();
        match self {
            LlOp::Int(op) => write!(f, "int_{}", lower(op)),
            LlOp::IntOvf(op) => write!(f, "int_{}_ovf", lower(op)),
            LlOp::IntCmp(c) => write!(f, "int_{}", lower(c)),
            LlOp::Float(op) => write!(f, "float_{}", lower(op)),
            LlOp::FloatCmp(c) => write!(f, "float_{}", lower(c)),
            LlOp::IntFloatCmp(c) => write!(f, "int_float_{}", lower(c)),
            LlOp::Write(k) => write!(f, "write_{}", lower(k)),
            LlOp::DirectCall(func) => write!(f, "direct_call[{func}]"),
            LlOp::CheckBound(name) => write!(f, "check_bound[{name}]"),
            other => {
                // CamelCase to snake_case.
                let name = format!("{other:?}");
                let mut out = String::new();
                for (i, ch) in name.chars().enumerate() {
                    if ch.is_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.push(ch.to_ascii_lowercase());
                }
                f.write_str(&out)
            }
        }
    }
}
