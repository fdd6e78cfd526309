//! High-level operations: Python's operations on not-yet-typed values. The
//! annotator gives them meaning per argument type; the rtyper lowers them.

use std::fmt;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// A piece of an f-string.
#[derive(Clone, PartialEq, Debug)]
pub enum FPiece {
    Lit(Rc<str>),
    /// The next argument: `repr` for `!r`, then formatted with `spec`
    /// (the format-spec mini-language; empty for str()).
    Field {
        repr: bool,
        spec: Rc<str>,
    },
}

/// A built-in type named in `isinstance`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinType {
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    List,
    Dict,
    Tuple,
    Set,
}

impl BuiltinType {
    pub const ALL: [BuiltinType; 9] = [
        BuiltinType::Int,
        BuiltinType::Bool,
        BuiltinType::Float,
        BuiltinType::Str,
        BuiltinType::Bytes,
        BuiltinType::List,
        BuiltinType::Dict,
        BuiltinType::Tuple,
        BuiltinType::Set,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BuiltinType::Int => "int",
            BuiltinType::Bool => "bool",
            BuiltinType::Float => "float",
            BuiltinType::Str => "str",
            BuiltinType::Bytes => "bytes",
            BuiltinType::List => "list",
            BuiltinType::Dict => "dict",
            BuiltinType::Tuple => "tuple",
            BuiltinType::Set => "set",
        }
    }

    pub fn from_name(name: &str) -> Option<BuiltinType> {
        BuiltinType::ALL.into_iter().find(|t| t.name() == name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum HlOp {
    Binary(BinOp),
    /// `x op= y`: as Binary, except that a list on the left is changed in
    /// place (`+=` extends it) and is the result.
    InplaceBinary(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    /// `bool(x)`: the truth value used by conditions.
    Truth,
    /// `operator.index(x)`: the argument must be an int (range bounds).
    Index,
    /// ValueError "range() arg 3 must not be zero" when the arg is 0.
    CheckRangeStep,
    /// The next counter of a range loop: `i + step`, saturating at the
    /// int limits, so a range ending near them stops instead of wrapping
    /// around into another lap.
    RangeNext,
    /// UnboundLocalError for the named local unless the flag is true.
    CheckBound(Rc<str>),
    GetItem,
    /// `seq[index] = value`.
    SetItem,
    /// `seq[lo:hi:step]`; a missing part is None.
    GetSlice,
    /// A list display `[a, b, ...]` (a new list each time).
    NewList,
    /// A dict display `{k1: v1, ...}`: arguments k1, v1, k2, v2, ...
    NewDict,
    /// A set display `{a, b, ...}`; `constants` when CPython's compiler
    /// folds every item to a constant (see the builder's
    /// `folds_to_constant`), which changes how CPython builds it.
    NewSet {
        constants: bool,
    },
    /// An f-string (or `"...".format(...)` of a constant): literal
    /// pieces and one argument per field.
    FString(Rc<[FPiece]>),
    /// `del seq[key]`.
    DelItem,
    /// Iteration by position, for `for x in seq`: IterStart(seq), before
    /// the loop, is what lets IterPos notice that seq changed size (a
    /// dict's or set's length, else 0); IterPos(seq, i, start) is the
    /// position of the next item at or after i (lists: i; dicts skip
    /// deleted entries; RuntimeError if a dict or set changed size),
    /// IterMore(seq, pos) whether there is one, and IterItem(seq, pos) the
    /// item there.
    IterStart,
    IterPos,
    IterMore,
    IterItem,
    /// A tuple display `(a, b, ...)`.
    NewTuple,
    /// The value, on a path where a test proved it is not None.
    NotNone,
    /// `seq[lo:hi:st] = items` (arguments seq, lo, hi, st, items; None
    /// for a missing bound).
    SetSlice,
    /// `del seq[lo:hi:st]`.
    DelSlice,
    /// Runs a generator to its next `yield` (true) or its end (false).
    GenResume,
    /// `iter(x[, helper])`: a generator is its own iterator; any other
    /// `x` is passed to the call site's helper generator function (see
    /// parse/iterators.rs).
    Iter,
    /// The value of a `def` or lambda that captures variables of the
    /// enclosing function: the arguments are their values, in the order
    /// of `Function::captures`.
    MakeClosure(crate::flowgraph::ir::FuncId),
    /// Unpacking into n targets: the value must have exactly n items
    /// (checked when translating for tuples, at run time for lists).
    CheckUnpack(usize),
    /// Unpacking into n targets and a starred one: ValueError unless the
    /// value (a list or str; a tuple is checked when translating) has at
    /// least n items.
    CheckUnpackStarred(usize),
    /// What the starred target of `a, *rest, z = v` gets: a new list of
    /// v's items from `start` to `after` before the end.
    StarredItems {
        start: usize,
        after: usize,
    },
    /// `obj.name`, read on an instance.
    GetAttr(Rc<str>),
    /// `obj.name = value`.
    SetAttr(Rc<str>),
    /// Reads a module variable (set by module-level code at start-up).
    GetGlobal(crate::flowgraph::ir::GlobalId),
    /// Module-level code binds a module variable.
    SetGlobal(crate::flowgraph::ir::GlobalId),
    /// `obj.name(args...)`: a method call on an instance; the last
    /// `keywords.len()` arguments are passed by keyword.
    CallMethod {
        name: Rc<str>,
        keywords: Rc<[Rc<str>]>,
    },
    /// `isinstance(obj, (C1, C2, ...))` with classes known when the graph
    /// is built.
    IsInstance(Rc<[crate::flowgraph::ir::ClassId]>),
    /// `isinstance(obj, (int, str, ...))` with built-in types: known from
    /// the annotation, except None-or-not for values that may be None.
    IsBuiltinType(Rc<[BuiltinType]>),
    /// `raise args[0]`: leaves the function with the exception.
    Raise,
    /// The caught exception seen as an instance of this class (an
    /// `except C as e` clause, after the isinstance test).
    Downcast(crate::flowgraph::ir::ClassId),
    /// `args[0](args[1..])`; the last `keywords.len()` arguments are passed
    /// by keyword, with these names.
    Call {
        keywords: Rc<[Rc<str>]>,
    },
    /// `ovfcheck(x op y)` on ints: OverflowError instead of wrapping.
    Ovfcheck(BinOp),
    /// A hint for the JIT (`promote(x)` has x as its result; the others
    /// none).
    JitHint(crate::rlib::JitHint),
    /// A PEP 484 annotation on the value (a parameter on entry, a return
    /// value, an annotated assignment): the value must have that type, and
    /// the result is the value with exactly that type. The text names what
    /// is annotated, for messages.
    Hint(Rc<TypeHint>, Rc<str>),
}

impl fmt::Display for HlOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HlOp::Binary(op) => write!(f, "{}", format!("{op:?}").to_lowercase()),
            HlOp::InplaceBinary(op) => write!(f, "inplace_{}", format!("{op:?}").to_lowercase()),
            HlOp::Unary(op) => write!(f, "{}", format!("{op:?}").to_lowercase()),
            HlOp::Compare(op) => write!(f, "{}", format!("{op:?}").to_lowercase()),
            HlOp::Truth => write!(f, "bool"),
            HlOp::Index => write!(f, "index"),
            HlOp::CheckRangeStep => write!(f, "check_range_step"),
            HlOp::RangeNext => write!(f, "range_next"),
            HlOp::CheckBound(name) => write!(f, "check_bound[{name}]"),
            HlOp::GetItem => write!(f, "getitem"),
            HlOp::SetItem => write!(f, "setitem"),
            HlOp::GetSlice => write!(f, "getslice"),
            HlOp::NewList => write!(f, "newlist"),
            HlOp::NewTuple => write!(f, "newtuple"),
            HlOp::GenResume => write!(f, "gen_resume"),
            HlOp::SetSlice => write!(f, "setslice"),
            HlOp::DelSlice => write!(f, "delslice"),
            HlOp::NotNone => write!(f, "not_none"),
            HlOp::Iter => write!(f, "iter"),
            HlOp::MakeClosure(func) => write!(f, "make_closure[{func}]"),
            HlOp::CheckUnpack(n) => write!(f, "check_unpack[{n}]"),
            HlOp::CheckUnpackStarred(n) => write!(f, "check_unpack_starred[{n}]"),
            HlOp::StarredItems { start, after } => write!(f, "starred_items[{start}:-{after}]"),
            HlOp::GetAttr(name) => write!(f, "getattr[{name}]"),
            HlOp::Raise => write!(f, "raise"),
            HlOp::Downcast(c) => write!(f, "downcast[{c}]"),
            HlOp::SetAttr(name) => write!(f, "setattr[{name}]"),
            HlOp::NewDict => write!(f, "newdict"),
            HlOp::NewSet { constants: false } => write!(f, "newset"),
            HlOp::NewSet { constants: true } => write!(f, "newset[constants]"),
            HlOp::FString(pieces) => write!(f, "fstring[{} pieces]", pieces.len()),
            HlOp::DelItem => write!(f, "delitem"),
            HlOp::IterStart => write!(f, "iter_start"),
            HlOp::IterPos => write!(f, "iter_pos"),
            HlOp::IterMore => write!(f, "iter_more"),
            HlOp::IterItem => write!(f, "iter_item"),
            HlOp::GetGlobal(g) => write!(f, "getglobal[{g}]"),
            HlOp::SetGlobal(g) => write!(f, "setglobal[{g}]"),
            HlOp::CallMethod { name, keywords } if keywords.is_empty() => {
                write!(f, "call_method[{name}]")
            }
            HlOp::CallMethod { name, keywords } => {
                write!(f, "call_method[{name};{}]", keywords.join(","))
            }
            HlOp::IsInstance(classes) => {
                let names: Vec<String> = classes.iter().map(|c| c.to_string()).collect();
                write!(f, "isinstance[{}]", names.join(","))
            }
            HlOp::IsBuiltinType(types) => {
                let names: Vec<&str> = types.iter().map(|t| t.name()).collect();
                write!(f, "isinstance[{}]", names.join(","))
            }
            HlOp::Call { keywords } if keywords.is_empty() => write!(f, "simple_call"),
            HlOp::Call { keywords } => write!(f, "call[{}]", keywords.join(",")),
            HlOp::Ovfcheck(op) => write!(f, "{}_ovf", format!("{op:?}").to_lowercase()),
            HlOp::JitHint(h) => write!(f, "{h}"),
            HlOp::Hint(t, _) => write!(f, "hint[{t}]"),
        }
    }
}

/// A PEP 484 type hint the translator understands (`int`, `list[str]`,
/// `Optional[Node]`, `dict[str, int]`, `tuple[int, float]`, a class...).
#[derive(Clone, PartialEq, Debug)]
pub enum TypeHint {
    Int,
    Float,
    Bool,
    Str,
    Bytes,
    NoneType,
    List(Box<TypeHint>),
    Set(Box<TypeHint>),
    Dict(Box<TypeHint>, Box<TypeHint>),
    Tuple(Vec<TypeHint>),
    /// `Optional[T]`, `T | None`.
    Optional(Box<TypeHint>),
    Instance(crate::flowgraph::ir::ClassId),
}

impl fmt::Display for TypeHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeHint::Int => write!(f, "int"),
            TypeHint::Float => write!(f, "float"),
            TypeHint::Bool => write!(f, "bool"),
            TypeHint::Str => write!(f, "str"),
            TypeHint::Bytes => write!(f, "bytes"),
            TypeHint::NoneType => write!(f, "None"),
            TypeHint::List(t) => write!(f, "list[{t}]"),
            TypeHint::Set(t) => write!(f, "set[{t}]"),
            TypeHint::Dict(k, v) => write!(f, "dict[{k}, {v}]"),
            TypeHint::Tuple(items) => {
                let items: Vec<String> = items.iter().map(|i| i.to_string()).collect();
                write!(f, "tuple[{}]", items.join(", "))
            }
            TypeHint::Optional(t) => write!(f, "Optional[{t}]"),
            TypeHint::Instance(c) => write!(f, "{c}"),
        }
    }
}
