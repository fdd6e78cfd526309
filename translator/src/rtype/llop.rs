//! Low-level operations, with their effects in one table (`effects`) that
//! passes consult instead of keeping lists of op names.

use crate::flowgraph::ir::{ClassId, FuncId, MathFn};
use std::fmt;
use std::rc::Rc;

/// A field of an instance: its index in the layout of `class` (the class
/// that owns it; subclasses keep base fields at the same indices).
#[derive(Clone, PartialEq, Debug)]
pub struct FieldRef {
    pub class: ClassId,
    pub index: u32,
    pub name: Rc<str>,
}

/// How a list stores its items (the `rpy_array` type behind it).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ItemKind {
    /// GC pointers (str, instances, lists; None is null).
    Ptr,
    I64,
    F64,
    /// bools, one byte each.
    U8,
}

impl ItemKind {
    /// The `RPY_TID_ARRAY_*` type id of the array.
    pub fn array_tid(self) -> u32 {
        match self {
            ItemKind::Ptr => 3,
            ItemKind::I64 => 4,
            ItemKind::F64 => 5,
            ItemKind::U8 => 6,
        }
    }
    pub fn size(self) -> u32 {
        if self == ItemKind::U8 {
            1
        } else {
            8
        }
    }
}

/// Where item `i` of a list lives in its items array. A list that a
/// `pop(i)` or `del l[i]` may shorten from the front keeps the offset
/// `start` of its first item (`rpy_list.start`), so that deleting item 0
/// is O(1) as in a deque; the runtime never moves the start of any other
/// list, so code for them reads slot `i` without loading `start`. Chosen
/// per list definition (all lists that meet in a variable share it).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ListLayout {
    /// Item i is slot i.
    Packed,
    /// Item i is slot `start + i`.
    FrontOffset,
}

/// How list items compare (`enum rpy_eq_kind` in rpy.h).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EqKind {
    Bits,
    Float,
    Str,
    /// Lists whose items compare with the kind of this runtime code.
    List(u32),
}

impl EqKind {
    /// The runtime's code: a list of lists passes its items' code in the
    /// bits above the low eight (so three levels of nesting fit).
    pub fn code(self) -> u32 {
        match self {
            EqKind::Bits => 0,
            EqKind::Float => 1,
            EqKind::Str => 2,
            EqKind::List(inner) => 3 | inner << 8,
        }
    }
}

/// A per-class table indexed by type id (methods or class attributes);
/// see `rtype::classes`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TableId(pub u32);

/// A set of functions one call site may run through a function value
/// (`ClassLayouts::func_sets`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FuncSetId(pub u32);

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
    /// r_uint // and %: unsigned; ZeroDivisionError on 0.
    UFloorDiv,
    UMod,
    /// r_uint >>: a logical shift (ValueError on a negative count).
    URShift,
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
    /// A hint for the JIT, kept until code generation (which emits
    /// nothing; `promote(x)` gives x).
    JitHint(crate::rlib::JitHint),
    /// Wrapping integer arithmetic (RPython semantics).
    Int(IntOp),
    /// The same, raising OverflowError instead of wrapping.
    IntOvf(IntOp),
    IntCmp(Cmp),
    /// Unsigned comparison of two words (r_uint).
    UintCmp(Cmp),
    Float(FloatOp),
    FloatCmp(Cmp),
    /// Exact comparison of an int (first) with a float (second).
    IntFloatCmp(Cmp),
    /// Correctly rounded int / int.
    IntTrueDiv,
    BoolNot,
    CastBoolToInt,
    CastIntToFloat,
    /// float(u) of an r_uint.
    CastUintToFloat,
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
    ListGetItem(ItemKind, ListLayout),
    /// args: list, index, value.
    ListSetItem(ItemKind, ListLayout),
    /// The same with an index proven in range (backendopt's
    /// `checkremoval`): neither negative nor past the end.
    ListGetItemUnchecked(ItemKind, ListLayout),
    ListSetItemUnchecked(ItemKind, ListLayout),
    /// args: length, capacity; zeroed items.
    NewList(ItemKind),
    /// args: list, item.
    ListAppend(ItemKind, ListLayout),
    /// args: list, index (-1 for the last); IndexError on an empty list
    /// or a bad index.
    ListPop(ItemKind, ListLayout),
    /// `del list[i]`: args list, index; IndexError "list assignment index
    /// out of range".
    ListDel(ListLayout),
    /// args: list, index (clamped as Python does), item.
    ListInsert(ItemKind),
    /// args: list, other list.
    ListExtend,
    ListReverse,
    ListClear,
    /// args: list, count.
    ListMul,
    /// args: a, b.
    ListConcat,
    /// args: list, start, stop, step (missing: i64::MIN, i64::MAX, 1).
    ListSlice,
    /// args: list, item; ValueError when absent.
    ListIndex(EqKind),
    ListCount(EqKind),
    /// args: list, item; ValueError when absent.
    ListRemove(EqKind),
    /// `x in list`.
    ListContains(EqKind),
    /// `l.sort(key=..., reverse=...)`: args list, reverse (a bool).
    ListSortKeyed(Rc<SortSpec>),
    Write(WriteKind),
    DirectCall(FuncId),
    /// A runtime helper (strings, dicts): arguments and result as the ABI
    /// table says.
    CallHelper(crate::abi::Helper),
    /// Orders two strings (rpy_str_cmp against 0).
    StrCmp(Cmp),
    /// `len(s)`: the string's length in code points.
    StrLen,
    /// Builds a string from literal pieces and the arguments (`%`
    /// formatting, f-strings, str.format): one argument per `Arg` piece.
    Format(Rc<[FormatPiece]>),
    /// A function of the math module on floats (`log` with one or two).
    Math(crate::flowgraph::ir::MathFn),
    /// RecursionError when the stack is nearly exhausted.
    StackCheck,
    /// ValueError "range() arg 3 must not be zero".
    CheckRangeStep,
    /// UnboundLocalError for the named local unless the flag is true.
    CheckBound(std::rc::Rc<str>),
    /// A new zeroed instance (may collect; MemoryError).
    Malloc(ClassId),
    GetField(FieldRef),
    /// args: object, value.
    SetField(FieldRef),
    /// Reads a module variable (a field of the prebuilt globals object).
    GetGlobal(crate::flowgraph::ir::GlobalId),
    /// Reads a module variable that holds an object (never None once
    /// set): NameError if module-level code has not set it yet.
    GetGlobalChecked(crate::flowgraph::ir::GlobalId),
    /// Stores into a module variable.
    SetGlobal(crate::flowgraph::ir::GlobalId),
    /// AttributeError "'NoneType' object has no attribute 'name'" when
    /// the pointer is null.
    CheckNotNone(Rc<str>),
    /// Whether the instance's type id is in [min, max] (false for None).
    InstanceOf {
        min: u32,
        max: u32,
    },
    PtrEq,
    PtrNe,
    /// Calls the function that the table holds for the type of args[0]
    /// (the receiver), with all the args.
    MethodCall(TableId),
    /// Calls the function whose descriptor args[0] points to, one of the
    /// set, with the other args.
    IndirectCall(FuncSetId),
    /// TypeError "'NoneType' object is not callable" if the function
    /// value args[0], about to be called, is None.
    CheckCallable,
    /// The value the table holds for the type of args[0].
    LoadClassAttr(TableId),
    /// Raises the exception instance args[0].
    Raise,
    /// A new zeroed tuple of this type id (may collect).
    NewTuple(u32),
    /// Stores args[1] as item `n` of the new tuple args[0] (separate from
    /// the allocation, so the gc transform keeps the items alive across
    /// it).
    TupleInit(u32),
    /// Item `n` of a tuple.
    TupleGetItem(u32),
    /// args: tuple, index; the index is in range and every item is laid
    /// out alike (`for x in t`).
    TupleGetItemAt,
    /// ValueError unless the list has exactly n items (unpacking).
    ListCheckLen(usize),
    /// ValueError unless the list has at least n items (unpacking with a
    /// starred target).
    ListCheckLenAtLeast(usize),
    /// Stores a GC reference in root slot `n` of this function's shadow
    /// stack frame (gctransform).
    GcSaveRoot(u32),
    /// Reads it back after an operation that may have moved the object.
    GcRestoreRoot(u32),
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

/// How a list is sorted: the key function (if any) and how keys compare
/// (`enum rpy_sort_kind` per field; a tuple key has one per field).
#[derive(Clone, Debug, PartialEq)]
pub struct SortSpec {
    /// The key function, the type of the items it takes and of the key
    /// it returns.
    pub key: Option<(FuncId, super::lltype::LlType, super::lltype::LlType)>,
    /// When the key function is a closure, the types of what it captured
    /// (the operation's third argument holds them, as a tuple).
    pub env: Vec<super::lltype::LlType>,
    pub kinds: Vec<i32>,
    pub tuple_key: bool,
}

/// A piece of a string being built (see `LlOp::Format`).
#[derive(Clone, Debug, PartialEq)]
pub enum FormatPiece {
    Lit(Rc<str>),
    /// The next argument, appended as it is (a str; None prints "None"),
    /// or as str(int) / str(float).
    AddStr,
    AddInt,
    AddFloat,
    /// The next argument through one `%` conversion spec (e.g. "%-5d").
    PercentInt(Rc<str>),
    PercentFloat(Rc<str>),
    PercentStr(Rc<str>),
    /// The next argument through a format() spec (e.g. ">8.3f").
    SpecInt(Rc<str>),
    SpecFloat(Rc<str>),
    SpecStr(Rc<str>),
    /// repr() of a container, its type described for the runtime
    /// (`rpy_builder_add_value_repr`).
    Repr(Rc<str>),
}

impl FormatPiece {
    pub fn takes_arg(&self) -> bool {
        !matches!(self, FormatPiece::Lit(_))
    }
}

impl LlOp {
    /// Allocates from the GC heap, so a collection may run.
    pub fn allocates(&self) -> bool {
        use LlOp::*;
        if let CallHelper(h) = self {
            return h.effect() == crate::abi::HelperEffect::Raise;
        }
        matches!(
            self,
            Format(_)
                | ListSortKeyed(_)
                | Malloc(_)
                | NewTuple(_)
                | NewList(_)
                | ListAppend(..)
                | ListInsert(_)
                | ListExtend
                | ListMul
                | ListConcat
                | ListSlice
        )
    }

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
            SameAs
            | IntCmp(_)
            | FloatCmp(_)
            | IntFloatCmp(_)
            | BoolNot
            | CastBoolToInt
            | CastIntToFloat
            | UintCmp(_)
            | CastUintToFloat
            | IntIsTrue
            | FloatIsTrue
            | StrIsTrue
            | PtrIsNull
            | PtrNonNull
            | StrEq
            | ListLen
            | InstanceOf { .. }
            | PtrEq
            | PtrNe
            | LoadClassAttr(_)
            | TupleGetItem(_) => pure,
            TupleGetItemAt => pure,
            NewTuple(_) | ListCheckLen(_) | ListCheckLenAtLeast(_) | CheckCallable => raising,
            ListReverse | ListClear | ListCount(_) | ListContains(_) => effect,
            ListGetItemUnchecked(..) | ListSetItemUnchecked(..) => effect,
            ListGetItem(..) | ListSetItem(..) | NewList(_) | ListAppend(..) | ListPop(..)
            | ListDel(_) | ListInsert(_) | ListExtend | ListMul | ListConcat | ListSlice
            | ListIndex(_) | ListRemove(_) => raising,
            // Reads of mutable memory: removable if unused, never folded.
            GetField(_) | GetGlobal(_) | GcRestoreRoot(_) => effect,
            GetGlobalChecked(_) => raising,
            SetField(_) | SetGlobal(_) | GcSaveRoot(_) | TupleInit(_) | JitHint(_) => effect,
            Malloc(_) | CheckNotNone(_) | MethodCall(_) | IndirectCall(_) | Raise | Format(_)
            | ListSortKeyed(_) => raising,
            StrLen | StrCmp(_) => pure,
            CallHelper(h) => match h.effect() {
                crate::abi::HelperEffect::Pure => pure,
                crate::abi::HelperEffect::Effect => effect,
                crate::abi::HelperEffect::Raise => raising,
            },
            Math(m) => match m {
                MathFn::Fabs | MathFn::Atan | MathFn::Atan2 | MathFn::Isnan | MathFn::Isinf => pure,
                _ => raising,
            },
            Int(op) => match op {
                IntOp::FloorDiv
                | IntOp::Mod
                | IntOp::LShift
                | IntOp::RShift
                | IntOp::Pow
                | IntOp::UFloorDiv
                | IntOp::UMod
                | IntOp::URShift => raising,
                _ => pure,
            },
            Float(op) => match op {
                FloatOp::TrueDiv | FloatOp::FloorDiv | FloatOp::Mod | FloatOp::Pow => raising,
                _ => pure,
            },
            IntOvf(_) | IntTrueDiv | CastFloatToInt | StrToInt | StackCheck | CheckRangeStep
            | CheckBound(_) => raising,
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
        let layout = |l: &ListLayout| match l {
            ListLayout::Packed => "",
            ListLayout::FrontOffset => ", front_offset",
        };
        match self {
            LlOp::Int(op) => write!(f, "int_{}", lower(op)),
            LlOp::IntOvf(op) => write!(f, "int_{}_ovf", lower(op)),
            LlOp::IntCmp(c) => write!(f, "int_{}", lower(c)),
            LlOp::Float(op) => write!(f, "float_{}", lower(op)),
            LlOp::FloatCmp(c) => write!(f, "float_{}", lower(c)),
            LlOp::IntFloatCmp(c) => write!(f, "int_float_{}", lower(c)),
            LlOp::Write(k) => write!(f, "write_{}", lower(k)),
            LlOp::Math(m) => write!(f, "math_{}", m.name()),
            LlOp::CallHelper(h) => write!(f, "{}", h.name().trim_start_matches("rpy_")),
            LlOp::StrLen => write!(f, "str_len"),
            LlOp::ListSortKeyed(s) => match s.key {
                Some((k, ..)) => write!(f, "list_sort[key={k}, kinds={:?}]", s.kinds),
                None => write!(f, "list_sort[kinds={:?}]", s.kinds),
            },
            LlOp::StrCmp(c) => write!(f, "str_cmp_{}", format!("{c:?}").to_lowercase()),
            LlOp::Format(pieces) => {
                write!(f, "format[")?;
                for (i, p) in pieces.iter().enumerate() {
                    if i > 0 {
                        write!(f, " ")?;
                    }
                    match p {
                        FormatPiece::Lit(s) => write!(f, "{s:?}")?,
                        FormatPiece::AddStr => write!(f, "str")?,
                        FormatPiece::AddInt => write!(f, "int")?,
                        FormatPiece::AddFloat => write!(f, "float")?,
                        FormatPiece::PercentInt(s)
                        | FormatPiece::PercentFloat(s)
                        | FormatPiece::PercentStr(s) => write!(f, "{s}")?,
                        FormatPiece::SpecInt(s)
                        | FormatPiece::SpecFloat(s)
                        | FormatPiece::SpecStr(s) => write!(f, "{{:{s}}}")?,
                        FormatPiece::Repr(d) => write!(f, "repr<{d}>")?,
                    }
                }
                write!(f, "]")
            }
            LlOp::DirectCall(func) => write!(f, "direct_call[{func}]"),
            LlOp::JitHint(h) => write!(f, "{h}"),
            LlOp::CheckBound(name) => write!(f, "check_bound[{name}]"),
            LlOp::Malloc(c) => write!(f, "malloc[{c}]"),
            LlOp::GetField(r) => write!(f, "getfield[{}.{}]", r.class, r.name),
            LlOp::SetField(r) => write!(f, "setfield[{}.{}]", r.class, r.name),
            LlOp::GetGlobal(g) => write!(f, "getglobal[{g}]"),
            LlOp::GetGlobalChecked(g) => write!(f, "getglobal_checked[{g}]"),
            LlOp::SetGlobal(g) => write!(f, "setglobal[{g}]"),
            LlOp::CheckNotNone(name) => write!(f, "check_not_none[{name}]"),
            LlOp::InstanceOf { min, max } => write!(f, "instanceof[{min}..{max}]"),
            LlOp::MethodCall(t) => write!(f, "method_call[table{}]", t.0),
            LlOp::IndirectCall(s) => write!(f, "indirect_call[set{}]", s.0),
            LlOp::CheckCallable => write!(f, "check_callable"),
            LlOp::LoadClassAttr(t) => write!(f, "load_class_attr[table{}]", t.0),
            LlOp::ListGetItem(k, l) => write!(f, "list_get_item[{}{}]", lower(k), layout(l)),
            LlOp::ListSetItem(k, l) => write!(f, "list_set_item[{}{}]", lower(k), layout(l)),
            LlOp::ListGetItemUnchecked(k, l) => {
                write!(f, "list_get_item_unchecked[{}{}]", lower(k), layout(l))
            }
            LlOp::ListSetItemUnchecked(k, l) => {
                write!(f, "list_set_item_unchecked[{}{}]", lower(k), layout(l))
            }
            LlOp::ListAppend(k, l) => write!(f, "list_append[{}{}]", lower(k), layout(l)),
            LlOp::ListPop(k, l) => write!(f, "list_pop[{}{}]", lower(k), layout(l)),
            LlOp::ListDel(ListLayout::Packed) => write!(f, "list_del"),
            LlOp::ListDel(ListLayout::FrontOffset) => write!(f, "list_del[front_offset]"),
            LlOp::GcSaveRoot(n) => write!(f, "gc_save_root[{n}]"),
            LlOp::GcRestoreRoot(n) => write!(f, "gc_restore_root[{n}]"),
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
