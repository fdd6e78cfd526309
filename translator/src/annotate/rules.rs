//! Annotation rules: the result type of each high-level operation for the
//! types of its arguments, or an error in Python's terms.

use super::model::{with_article, SomeValue, Types};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::{BinOp, CmpOp, HlOp, UnOp};
use crate::flowgraph::ir::{Builtin, ClassId, Constant, IoFn, MathFn, Value};
use std::rc::Rc;
use SomeValue::*;

type RuleResult = Result<SomeValue, Diagnostic>;

pub fn annotate_op(
    p: &Types,
    op: &HlOp,
    values: &[Value],
    args: &[SomeValue],
    span: Span,
) -> RuleResult {
    match op {
        HlOp::Binary(b) | HlOp::InplaceBinary(b) => binary(p, *b, values, &args[0], &args[1], span),
        HlOp::Unary(u) => unary(p, *u, &args[0], span),
        HlOp::Ovfcheck(b) => {
            if args.iter().all(SomeValue::is_intlike) {
                Ok(Int)
            } else {
                Err(Diagnostic::error(
                    span,
                    format!(
                        "ovfcheck() applies to int operations, not to {} {} {}",
                        args[0].describe(p),
                        b.symbol(),
                        args[1].describe(p)
                    ),
                ))
            }
        }
        HlOp::JitHint(crate::rlib::JitHint::Promote) => Ok(args[0].clone()),
        HlOp::JitHint(_) => Ok(None),
        HlOp::Compare(c) => compare(p, *c, &args[0], &args[1], span),
        HlOp::Truth => truth(p, &args[0], span),
        HlOp::Index => match &args[0] {
            Int | Bool => Ok(Int),
            other => Err(Diagnostic::error(
                span,
                format!(
                    "range() needs int arguments, got {}",
                    with_article(other, p)
                ),
            )),
        },
        HlOp::CheckRangeStep => Ok(None),
        HlOp::RangeNext => Ok(Int),
        HlOp::CheckBound(_) => Ok(None),
        HlOp::GetItem => getitem(p, &args[0], &args[1], &values[1], span),
        HlOp::NewTuple => Ok(Tuple(args.to_vec())),
        HlOp::NotNone => Ok(match &args[0] {
            None => Impossible,
            Str { .. } => Str { can_be_none: false },
            Instance { class, .. } => Instance {
                class: *class,
                can_be_none: false,
            },
            Funcs { functions, .. } => match functions[..] {
                [one] => Func(one),
                _ => Funcs {
                    functions: functions.clone(),
                    can_be_none: false,
                },
            },
            other => other.clone(),
        }),
        HlOp::MakeClosure(func) => Ok(Closure(*func, args.to_vec())),
        HlOp::FString(pieces) => {
            let fields = pieces.iter().filter_map(|f| match f {
                crate::flowgraph::hlop::FPiece::Field { repr, spec } => Some((*repr, spec)),
                crate::flowgraph::hlop::FPiece::Lit(_) => Option::None,
            });
            for ((repr, spec), a) in fields.zip(args) {
                let ok = if spec.is_empty() || repr {
                    matches!(a, Int | Bool | Float | Str { .. } | None)
                        || showable(p, a)
                        || text_instance(p, a, repr)
                        || (!repr && exception_instance(p, a))
                } else {
                    matches!(a, Int | Bool | Float | Str { can_be_none: false })
                };
                if !ok {
                    let d = Diagnostic::error(
                        span,
                        format!(
                            "formatting {} in an f-string{} is not supported",
                            with_article(a, p),
                            if spec.is_empty() {
                                String::new()
                            } else {
                                format!(" with spec `{spec}`")
                            }
                        ),
                    );
                    return Err(with_text_help(d, p, a));
                }
            }
            Ok(Str { can_be_none: false })
        }
        HlOp::CheckUnpack(n) => match &args[0] {
            Tuple(items) if items.len() == *n => Ok(None),
            Tuple(items) => Err(Diagnostic::error(
                span,
                format!(
                    "cannot unpack a tuple of {} items into {n} targets",
                    items.len()
                ),
            )),
            List(_) => Ok(None),
            other => Err(Diagnostic::error(
                span,
                format!("cannot unpack {}", with_article(other, p)),
            )),
        },
        HlOp::CheckUnpackStarred(n) => match &args[0] {
            List(_) | Str { can_be_none: false } => Ok(None),
            Tuple(items) if items.len() >= *n => Ok(None),
            Tuple(items) => Err(Diagnostic::error(
                span,
                format!(
                    "not enough values to unpack (expected at least {n}, got {})",
                    items.len()
                ),
            )),
            other => Err(Diagnostic::error(
                span,
                format!(
                    "unpacking {} into a starred target is not supported: only a list, a tuple or a str",
                    with_article(other, p)
                ),
            )),
        },
        HlOp::Call { .. }
        | HlOp::NewSet { .. }
        | HlOp::CallMethod { .. }
        | HlOp::GetAttr(_)
        | HlOp::SetAttr(_)
        | HlOp::GetGlobal(_)
        | HlOp::SetGlobal(_)
        | HlOp::NewDict
        | HlOp::DelItem
        | HlOp::IterStart
        | HlOp::IterPos
        | HlOp::IterMore
        | HlOp::IterItem
        | HlOp::GenResume
        | HlOp::Iter
        | HlOp::Raise
        | HlOp::Downcast(_)
        | HlOp::SetItem
        | HlOp::GetSlice
        | HlOp::StarredItems { .. }
        | HlOp::SetSlice
        | HlOp::DelSlice
        | HlOp::NewList
        | HlOp::IsInstance(_)
        | HlOp::IsBuiltinType(_)
        | HlOp::Hint(..) => unreachable!("handled by the annotator"),
    }
}

fn truth(p: &Types, a: &SomeValue, span: Span) -> RuleResult {
    match a {
        Bool
        | Int
        | Unsigned
        | Float
        | None
        | Str { .. }
        | Bytes
        | List(_)
        | Dict(..)
        | Set(_)
        | Tuple(_) => Ok(Bool),
        Instance { class, .. } if !defines_any(p, *class, &["__bool__", "__len__"]) => Ok(Bool),
        other => Err(Diagnostic::error(
            span,
            format!(
                "the truth value of {} is not supported",
                with_article(other, p)
            ),
        )),
    }
}

fn binary(
    p: &Types,
    op: BinOp,
    values: &[Value],
    l: &SomeValue,
    r: &SomeValue,
    span: Span,
) -> RuleResult {
    use BinOp::*;
    let unsupported = || {
        Diagnostic::error(
            span,
            format!(
                "unsupported operand types for {}: {} and {}",
                op.symbol(),
                l.describe(p),
                r.describe(p)
            ),
        )
    };
    if let Some(result) = super::unsigned::binary(p, op, l, r, span) {
        return result;
    }
    if l.is_intlike() && r.is_intlike() {
        return Ok(match op {
            TrueDiv => Float,
            BitAnd | BitOr | BitXor if *l == Bool && *r == Bool => Bool,
            // int ** negative int is a float in Python; known only for a
            // constant exponent. A variable negative exponent raises.
            Pow if matches!(values[1], Value::Const(Constant::Int(e)) if e < 0) => Float,
            _ => Int,
        });
    }
    if l.is_numeric() && r.is_numeric() {
        return match op {
            Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow => Ok(Float),
            _ => Err(unsupported()),
        };
    }
    if let Some(result) = super::strings::str_binary(p, op, values, l, r, span) {
        return result;
    }
    if let Some(result) = super::bytes::bytes_binary(p, op, l, r, span) {
        return result;
    }
    if let (Set(_), Set(_), BitOr | BitAnd | Sub) = (l, r, op) {
        return l.union(r, p).ok_or_else(|| {
            Diagnostic::error(
                span,
                format!(
                    "`{}` of {} and {}: their items differ",
                    op.symbol(),
                    l.describe(p),
                    r.describe(p)
                ),
            )
        });
    }
    Err(unsupported())
}

fn unary(p: &Types, op: UnOp, a: &SomeValue, span: Span) -> RuleResult {
    if let Some(result) = super::unsigned::unary(op, a) {
        return result;
    }
    match (op, a) {
        (UnOp::Not, a) => truth(p, a, span),
        (UnOp::Neg | UnOp::Pos, Int | Bool) => Ok(Int),
        (UnOp::Neg | UnOp::Pos, Float) => Ok(Float),
        (UnOp::Invert, Int | Bool) => Ok(Int),
        (op, a) => {
            let sym = match op {
                UnOp::Neg => "-",
                UnOp::Pos => "+",
                _ => "~",
            };
            Err(Diagnostic::error(
                span,
                format!("bad operand type for unary {sym}: {}", a.describe(p)),
            ))
        }
    }
}

fn compare(p: &Types, op: CmpOp, l: &SomeValue, r: &SomeValue, span: Span) -> RuleResult {
    if matches!(op, CmpOp::In | CmpOp::NotIn) {
        return match r {
            List(id) => {
                let item = p.lists.borrow().item(*id).clone();
                if crate::annotate::lists::comparable_item(&item, &p.lists.borrow())
                    && item.union(l, p).is_some()
                {
                    Ok(Bool)
                } else {
                    Err(Diagnostic::error(
                        span,
                        format!(
                            "`in` with {} and {} is not supported",
                            with_article(l, p),
                            r.describe(p)
                        ),
                    ))
                }
            }
            Str { can_be_none: false } if matches!(l, Str { can_be_none: false }) => Ok(Bool),
            Bytes if *l == Bytes => Ok(Bool),
            Dict(keys, _) | Set(keys) => {
                let key = p.lists.borrow().item(*keys).clone();
                if key.union(l, p).is_some() {
                    Ok(Bool)
                } else {
                    Err(Diagnostic::error(
                        span,
                        format!("`in` with {} and {}", with_article(l, p), r.describe(p)),
                    ))
                }
            }
            Tuple(items) if items.iter().all(|i| i.union(l, p).is_some()) && !items.is_empty() => {
                Ok(Bool)
            }
            other => Err(Diagnostic::error(
                span,
                format!("`in` {} is not supported yet", with_article(other, p)),
            )),
        };
    }
    if let Some(result) = super::unsigned::compare(p, op, l, r, span) {
        return result;
    }
    if let (Instance { class: a, .. }, Instance { class: b, .. }) = (l, r) {
        let identity = matches!(op, CmpOp::Is | CmpOp::IsNot)
            || (matches!(op, CmpOp::Eq | CmpOp::Ne)
                && !defines_any(p, *a, &["__eq__", "__ne__"])
                && !defines_any(p, *b, &["__eq__", "__ne__"]));
        if identity && l.union(r, p).is_some() {
            return Ok(Bool);
        }
    }
    // Functions are compared by identity, `==` as `is`.
    if matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::Eq | CmpOp::Ne)
        && matches!(l, Func(_) | Funcs { .. })
        && matches!(r, Func(_) | Funcs { .. })
    {
        return Ok(Bool);
    }
    if matches!(op, CmpOp::Is | CmpOp::IsNot) {
        return match (l, r) {
            (None, _) | (_, None) => Ok(Bool),
            (List(_), List(_)) if l.union(r, p).is_some() => Ok(Bool),
            _ => Err(Diagnostic::error(
                span,
                format!("`{}` is only supported with None on one side", op.symbol()),
            )
            .with_help("compare values with == or !=")),
        };
    }
    if l.is_numeric() && r.is_numeric() {
        return Ok(Bool);
    }
    if matches!((op, l, r), (CmpOp::Eq | CmpOp::Ne, None, None)) {
        return Ok(Bool);
    }
    if let (Tuple(a), Tuple(b)) = (l, r) {
        // Position by position: equality up to the first difference, the
        // operator itself there.
        for (x, y) in a.iter().zip(b) {
            compare(p, CmpOp::Eq, x, y, span)?;
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                compare(p, op, x, y, span)?;
            }
        }
        return Ok(Bool);
    }
    match (l, r) {
        (Str { .. }, Str { .. }) if matches!(op, CmpOp::Eq | CmpOp::Ne) => Ok(Bool),
        (Set(_), Set(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) && l.union(r, p).is_some() => {
            Ok(Bool)
        }
        (Dict(_, v), Dict(..))
            if matches!(op, CmpOp::Eq | CmpOp::Ne)
                && l.union(r, p).is_some()
                && crate::annotate::lists::comparable_item(
                    p.lists.borrow().item(*v),
                    &p.lists.borrow(),
                ) =>
        {
            Ok(Bool)
        }
        (List(items), List(_))
            if matches!(op, CmpOp::Eq | CmpOp::Ne) && l.union(r, p).is_some() =>
        {
            // Item by item with ==: instances by identity, unless their
            // class defines __eq__ (which the runtime would not call).
            let item = p.lists.borrow().item(*items).clone();
            let innermost = crate::annotate::lists::innermost_item(&item, &p.lists.borrow());
            match innermost {
                Some(ref inst @ Instance { class, .. })
                    if defines_any(p, class, &["__eq__", "__ne__"]) =>
                {
                    Err(Diagnostic::error(
                        span,
                        format!(
                            "comparing lists of {} that define __eq__ is not supported",
                            with_article(inst, p)
                        ),
                    ))
                }
                _ if crate::annotate::lists::comparable_item(&item, &p.lists.borrow()) => Ok(Bool),
                _ => Err(Diagnostic::error(
                    span,
                    format!(
                        "comparing {} with {} is not supported yet",
                        with_article(l, p),
                        with_article(r, p)
                    ),
                )
                .with_help("lists of numbers, strings and instances compare with == and !=")),
            }
        }
        (List(items), List(_)) if l.union(r, p).is_some() => {
            // `< <= > >=`, lexicographic as CPython's.
            let item = p.lists.borrow().item(*items).clone();
            if crate::annotate::lists::orderable_item(&item, &p.lists.borrow()) {
                Ok(Bool)
            } else {
                Err(Diagnostic::error(
                    span,
                    format!(
                        "`{}` between lists of {} is not supported",
                        op.symbol(),
                        with_article(&item, p)
                    ),
                )
                .with_help("lists of ints, floats and strings (or lists of those) can be ordered"))
            }
        }
        (Str { can_be_none: false }, Str { can_be_none: false }) | (Bytes, Bytes) => Ok(Bool),
        (Str { .. }, Str { .. }) => Err(Diagnostic::error(
            span,
            format!(
                "`{}` with a string that may be None is not supported",
                op.symbol()
            ),
        )),
        _ => Err(Diagnostic::error(
            span,
            format!(
                "comparing {} with {} is not supported",
                with_article(l, p),
                with_article(r, p)
            ),
        )
        .with_help(
            "values of different types never compare equal in this subset; convert one side",
        )),
    }
}

/// A constant index into a tuple of `len` items: the position, or
/// Err when out of range; None when the index is not a constant.
pub fn tuple_index(v: &Value, len: usize) -> Option<Result<usize, ()>> {
    let i = match v {
        Value::Const(Constant::Int(i)) => *i,
        Value::Const(Constant::Bool(b)) => *b as i64,
        _ => return Option::None,
    };
    let i = if i < 0 { i + len as i64 } else { i };
    Some(if (0..len as i64).contains(&i) {
        Ok(i as usize)
    } else {
        Err(())
    })
}

/// Whether a class in `class`'s hierarchy defines one of these methods
/// (which the translator does not call implicitly).
fn defines_any(p: &Types, class: ClassId, names: &[&str]) -> bool {
    let root = p.mro(class).last().unwrap_or(class);
    p.subtree(root)
        .iter()
        .any(|k| names.iter().any(|n| p.class(*k).methods.contains_key(*n)))
}

fn getitem(
    p: &Types,
    container: &SomeValue,
    index: &SomeValue,
    index_value: &Value,
    span: Span,
) -> RuleResult {
    match (container, index) {
        (Tuple(items), Int | Bool) => match tuple_index(index_value, items.len()) {
            Some(Ok(i)) => Ok(items[i].clone()),
            Some(Err(())) => Err(Diagnostic::error(span, "tuple index out of range")),
            Option::None => Err(Diagnostic::error(
                span,
                "tuple indices must be constants (each position has its own type)",
            )),
        },
        (List(id), Int | Bool) => Ok(p.lists.borrow().item(*id).clone()),
        (List(_), other) => Err(Diagnostic::error(
            span,
            format!("list indices must be ints, not {}", other.describe(p)),
        )),
        (Str { can_be_none: false }, i) => super::strings::str_getitem(p, i, span),
        (Bytes, Int | Bool) => Ok(Int),
        (other, _) => Err(Diagnostic::error(
            span,
            format!("{} cannot be indexed", with_article(other, p)),
        )),
    }
}

/// A container the runtime can show (print, str, repr, %s).
/// Whether str() (or repr()) of a value of annotation `s` is supported.
pub fn has_text(
    program: &crate::parse::program::Program,
    lists: &super::listdef::ListDefs,
    s: &SomeValue,
    repr: bool,
) -> bool {
    match s {
        Int | Unsigned | Bool | Float | Str { .. } | None | Bytes => true,
        List(_) | Tuple(_) | Dict(..) | Set(_) => shown_whole(program, lists, s),
        Instance {
            class,
            can_be_none: false,
        } => {
            super::text_method(program, *class, repr).is_some()
                || (!repr && program.is_exception_class(*class))
        }
        Instance { class, .. } => super::text_method(program, *class, repr).is_some(),
        _ => false,
    }
}

pub fn showable(p: &Types, s: &SomeValue) -> bool {
    matches!(s, List(_) | Tuple(_) | Dict(..) | Set(_)) && shown_whole(p, &p.lists.borrow(), s)
}

/// Whether the runtime can show container `s` (rpy_repr.c): its items
/// are numbers, strs, containers of such, or instances of classes that
/// all have `__repr__` (called back).
fn shown_whole(
    program: &crate::parse::program::Program,
    lists: &super::listdef::ListDefs,
    s: &SomeValue,
) -> bool {
    let instance = |c| super::text_method(program, c, true).map(|_| String::new());
    crate::abi::repr_desc_with(s, lists, &instance).is_some()
}

/// An instance (or None) whose class gives its text through `__str__` or
/// `__repr__` (see `text_method`).
pub fn text_instance(p: &Types, s: &SomeValue, repr: bool) -> bool {
    matches!(s, Instance { class, .. } if super::text_method(p, *class, repr).is_some())
}

/// Why an instance (or a container of them) cannot be turned into text,
/// and what to do.
pub fn text_help(p: &Types, s: &SomeValue) -> Option<&'static str> {
    if matches!(s, List(_) | Tuple(_) | Dict(..) | Set(_)) {
        // Shown by the runtime, which calls the items' `__repr__` back.
        let lists = p.lists.borrow();
        let shown = |c| super::text_method(p, c, true).map(|_| String::new());
        let any = |_| Some(String::new());
        let only_instances_lack = crate::abi::repr_desc_with(s, &lists, &any).is_some()
            && crate::abi::repr_desc_with(s, &lists, &shown).is_none();
        return only_instances_lack.then_some(
            "the runtime shows the items of a container by their `__repr__`: every class of their hierarchy needs one, taking only `self`",
        );
    }
    let Instance { class, can_be_none } = s else {
        return Option::None;
    };
    if p.is_exception_class(*class) {
        // Its text is its message, which None has not.
        return can_be_none
            .then_some("it may be None: test it (`if e is not None:`) in a local variable first");
    }
    Some(
        if (p.subtree(*class).iter()).any(|k| {
            p.lookup_method(*k, "__str__").is_some() || p.lookup_method(*k, "__repr__").is_some()
        }) {
            "every class of the hierarchy must have `__str__` (or none of them, and all `__repr__`), taking only `self`; repr() needs `__repr__`"
        } else {
            "give the class a `__str__` or `__repr__` method (CPython would show the object's address)"
        },
    )
}

/// Adds `text_help` to an error about turning `s` into text.
fn with_text_help(d: Diagnostic, p: &Types, s: &SomeValue) -> Diagnostic {
    match text_help(p, s) {
        Some(h) => d.with_help(h),
        Option::None => d,
    }
}

/// An exception instance (not None): str() of it is its message. (Its
/// repr() would need the arguments it was made with, which are not kept.)
pub fn exception_instance(p: &Types, s: &SomeValue) -> bool {
    matches!(s, Instance { class, can_be_none: false } if p.is_exception_class(*class))
}

pub fn annotate_builtin_call(
    p: &Types,
    b: Builtin,
    args: &[SomeValue],
    keywords: &[Rc<str>],
    span: Span,
) -> RuleResult {
    if b == Builtin::Print && !keywords.is_empty() {
        // print(..., sep=s, end=s): strings (None means the default).
        let n_pos = args.len() - keywords.len();
        for (k, v) in keywords.iter().zip(&args[n_pos..]) {
            let ok = (matches!(&**k, "sep" | "end") && matches!(v, Str { .. } | None))
                || (&**k == "file"
                    && matches!(v, Builtin(Builtin::Io(IoFn::Stdout | IoFn::Stderr)) | None));
            if !ok {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "print() with {k}={} is not supported yet (sep= and end= take strings, file= sys.stdout or sys.stderr)",
                        with_article(v, p)
                    ),
                ));
            }
        }
        return annotate_builtin_call(p, b, &args[..n_pos], &[], span);
    }
    if !keywords.is_empty() {
        return Err(Diagnostic::error(
            span,
            format!("keyword arguments to {}() are not supported yet", b.name()),
        ));
    }
    let arity = |n: usize| -> Result<(), Diagnostic> {
        if args.len() == n {
            Ok(())
        } else {
            Err(Diagnostic::error(
                span,
                format!(
                    "{}() takes {n} argument{} here, got {}",
                    b.name(),
                    if n == 1 { "" } else { "s" },
                    args.len()
                ),
            ))
        }
    };
    match b {
        Builtin::DivMod => {
            arity(2)?;
            match (&args[0], &args[1]) {
                (a, b) if a.is_intlike() && b.is_intlike() => Ok(Tuple(vec![Int, Int])),
                (a, b) if a.is_numeric() && b.is_numeric() => Ok(Tuple(vec![Float, Float])),
                (a, b) => Err(Diagnostic::error(
                    span,
                    format!(
                        "divmod() of {} and {}: it takes numbers",
                        with_article(a, p),
                        with_article(b, p)
                    ),
                )),
            }
        }
        Builtin::Round => match args {
            [x] if x.is_numeric() => Ok(Int),
            [x, n] if x.is_intlike() && n.is_intlike() => Ok(Int),
            [Float, n] if n.is_intlike() => Ok(Float),
            _ => Err(Diagnostic::error(
                span,
                "round() takes a number and optionally an int number of digits",
            )),
        },
        Builtin::Hash => {
            arity(1)?;
            match &args[0] {
                Int | Bool | Float | Str { can_be_none: false } => Ok(Int),
                other => Err(Diagnostic::error(
                    span,
                    format!(
                        "hash() of {} is not supported (ints, floats and strs are)",
                        with_article(other, p)
                    ),
                )),
            }
        }
        Builtin::Typing(name) => Err(Diagnostic::error(
            span,
            format!("`typing.{name}` can only be used in type hints"),
        )),
        Builtin::Io(f) => super::io::io_call(p, f, args, span),
        Builtin::Rlib(f) => {
            arity(1)?;
            match (f, &args[0]) {
                (crate::rlib::RlibFn::Intmask, Int | Bool | Unsigned) => Ok(Int),
                (crate::rlib::RlibFn::RUint, Int | Bool | Unsigned) => Ok(Unsigned),
                (crate::rlib::RlibFn::RUint, other) => Err(Diagnostic::error(
                    span,
                    format!("r_uint() takes an int, got {}", with_article(other, p)),
                )),
                (crate::rlib::RlibFn::Intmask, other) => Err(Diagnostic::error(
                    span,
                    format!("intmask() takes an int, got {}", with_article(other, p)),
                )),
                _ => unreachable!("{} is handled by the flow-graph builder", f.name()),
            }
        }
        Builtin::Sorted | Builtin::Set => {
            unreachable!("handled by the annotator (it needs item definitions)")
        }
        Builtin::Math(m) => {
            if !m.arity().contains(&args.len()) {
                let (lo, hi) = (m.arity().start().to_owned(), m.arity().end().to_owned());
                let takes = if lo == hi {
                    format!("{lo}")
                } else {
                    format!("{lo} or {hi}")
                };
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "math.{}() takes {takes} argument{}, got {}",
                        m.name(),
                        if hi == 1 { "" } else { "s" },
                        args.len()
                    ),
                ));
            }
            if let Some(bad) = args.iter().find(|a| !a.is_numeric()) {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "math.{}() of {}: it takes numbers",
                        m.name(),
                        with_article(bad, p)
                    ),
                ));
            }
            Ok(match m {
                MathFn::Floor | MathFn::Ceil => Int,
                MathFn::Isnan | MathFn::Isinf => Bool,
                _ => Float,
            })
        }
        Builtin::Print => {
            for a in args {
                let exception = matches!(a, Instance { class, can_be_none: false } if p.is_exception_class(*class));
                if !matches!(a, Int | Unsigned | Float | Bool | None | Str { .. } | Bytes)
                    && !exception
                    && !showable(p, a)
                    && !text_instance(p, a, false)
                {
                    let d = Diagnostic::error(
                        span,
                        format!("printing {} is not supported yet", with_article(a, p)),
                    );
                    return Err(with_text_help(d, p, a));
                }
            }
            Ok(None)
        }
        Builtin::Len => {
            arity(1)?;
            match &args[0] {
                List(_) | Tuple(_) | Dict(..) | Set(_) | Str { can_be_none: false } | Bytes => {
                    Ok(Int)
                }
                other => Err(Diagnostic::error(
                    span,
                    format!("{} has no len()", with_article(other, p)),
                )),
            }
        }
        Builtin::Str | Builtin::Repr => {
            arity(1)?;
            match &args[0] {
                a if has_text(p, &p.lists.borrow(), a, b == Builtin::Repr) => {
                    Ok(Str { can_be_none: false })
                }
                other => Err(with_text_help(
                    Diagnostic::error(
                        span,
                        format!(
                            "{}() of {} is not supported yet",
                            b.name(),
                            with_article(other, p)
                        ),
                    ),
                    p,
                    other,
                )),
            }
        }
        Builtin::Ord => {
            arity(1)?;
            match &args[0] {
                Str { can_be_none: false } => Ok(Int),
                other => Err(Diagnostic::error(
                    span,
                    format!("ord() expected a string, got {}", with_article(other, p)),
                )),
            }
        }
        Builtin::Chr | Builtin::Hex | Builtin::Oct | Builtin::Bin => {
            arity(1)?;
            match &args[0] {
                Int | Bool => Ok(Str { can_be_none: false }),
                other => Err(Diagnostic::error(
                    span,
                    format!(
                        "{}() takes an int, not {}",
                        b.name(),
                        with_article(other, p)
                    ),
                )),
            }
        }
        Builtin::Int if args.len() == 2 => match (&args[0], &args[1]) {
            (Str { can_be_none: false }, Int | Bool) => Ok(Int),
            _ => Err(Diagnostic::error(
                span,
                "int() with a base takes a string and an int",
            )),
        },
        Builtin::Int => {
            arity(1)?;
            match &args[0] {
                Int | Bool | Float => Ok(Int),
                Str { can_be_none: false } => Ok(Int),
                Unsigned => Err(Diagnostic::error(
                    span,
                    "int() of an r_uint is not supported: values from 2**63 up do not fit an int",
                )
                .with_help("intmask(x) gives the int with the same 64 bits")),
                other => Err(Diagnostic::error(
                    span,
                    format!("int() of {} is not supported", with_article(other, p)),
                )),
            }
        }
        Builtin::Float => {
            arity(1)?;
            match &args[0] {
                Int | Unsigned | Bool | Float | Str { can_be_none: false } => Ok(Float),
                other => Err(Diagnostic::error(
                    span,
                    format!("float() of {} is not supported yet", with_article(other, p)),
                )),
            }
        }
        Builtin::Bool => {
            arity(1)?;
            truth(p, &args[0], span)
        }
        Builtin::Abs => {
            arity(1)?;
            match &args[0] {
                Int | Bool => Ok(Int),
                Float => Ok(Float),
                other => Err(Diagnostic::error(
                    span,
                    format!("bad operand type for abs(): {}", other.describe(p)),
                )),
            }
        }
        Builtin::Min | Builtin::Max if args.len() == 1 => match &args[0] {
            // The smallest or largest character.
            s @ Str { can_be_none: false } => Ok(s.clone()),
            List(id) => match p.lists.borrow().item(*id) {
                item @ (Int | Bool | Float | Str { can_be_none: false } | Impossible) => {
                    Ok(item.clone())
                }
                other => Err(Diagnostic::error(
                    span,
                    format!(
                        "{}() of a list of {} is not supported yet",
                        b.name(),
                        other.describe(p)
                    ),
                )),
            },
            other => Err(Diagnostic::error(
                span,
                format!(
                    "{}() of {} is not supported yet",
                    b.name(),
                    with_article(other, p)
                ),
            )),
        },
        Builtin::Sum if args.len() == 2 => {
            // sum(items, start): CPython adds in order from `start`.
            let List(id) = &args[0] else {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "sum() of {} is not supported yet",
                        with_article(&args[0], p)
                    ),
                ));
            };
            let item = p.lists.borrow().item(*id).clone();
            match (&item, &args[1]) {
                (Int | Bool | Impossible, s) if s.is_intlike() => Ok(Int),
                (Float | Impossible, s) if s.is_numeric() => Ok(Float),
                (_, start) => Err(Diagnostic::error(
                    span,
                    format!(
                        "sum() of a list of {} with a start of {} is not supported",
                        item.describe(p),
                        start.describe(p)
                    ),
                )
                .with_help("sum ints from an int and floats from a float or an int")),
            }
        }
        Builtin::Sum | Builtin::Any | Builtin::All => {
            arity(1)?;
            let item = match &args[0] {
                List(id) => p.lists.borrow().item(*id).clone(),
                other => {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "{}() of {} is not supported yet",
                            b.name(),
                            with_article(other, p)
                        ),
                    ))
                }
            };
            match (b, &item) {
                (Builtin::Sum, Int | Bool | Impossible) => Ok(Int),
                (Builtin::Sum, Float) => Ok(Float),
                (
                    Builtin::Any | Builtin::All,
                    Int
                    | Bool
                    | Float
                    | Str { .. }
                    | Instance { .. }
                    | List(_)
                    | Dict(..)
                    | Impossible,
                ) => Ok(Bool),
                _ => Err(Diagnostic::error(
                    span,
                    format!(
                        "{}() of a list of {} is not supported yet",
                        b.name(),
                        item.describe(p)
                    ),
                )),
            }
        }
        Builtin::Min | Builtin::Max => {
            if args.len() != 2 {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "{}() of anything but two numbers is not supported yet",
                        b.name()
                    ),
                ));
            }
            match (&args[0], &args[1]) {
                (Int, Int) => Ok(Int),
                (Float, Float) => Ok(Float),
                (Bool, Bool) => Ok(Bool),
                (x, y) if x.is_numeric() && y.is_numeric() => Err(Diagnostic::error(
                    span,
                    format!(
                        "{}() of {} and {}: the result's type would depend on the values",
                        b.name(),
                        with_article(x, p),
                        with_article(y, p)
                    ),
                )
                .with_help("convert both arguments to the same type, e.g. with float()")),
                (x, y) => Err(Diagnostic::error(
                    span,
                    format!(
                        "{}() of {} and {} is not supported",
                        b.name(),
                        x.describe(p),
                        y.describe(p)
                    ),
                )),
            }
        }
    }
}
