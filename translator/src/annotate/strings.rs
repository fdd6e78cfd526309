//! Annotation of string operations: `+`, `*`, `%` formatting, indexing,
//! slicing, comparisons, `in`, and the str methods. Strings are immutable,
//! so no definition is shared between values (unlike lists).

use super::model::{with_article, SomeValue, Types};
use super::Annotator;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::BinOp;
use crate::flowgraph::ir::{BlockId, Constant, FuncId, Value, VarId};
use crate::pyformat::{self, ConvClass};
use std::rc::Rc;

type AResult = Result<SomeValue, Diagnostic>;

const STR: SomeValue = SomeValue::Str { can_be_none: false };

/// What an argument of a str method must be.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ArgKind {
    Str,
    /// A str or None (None meaning the default, e.g. whitespace).
    StrOrNone,
    Int,
}

/// What a str method returns.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Returns {
    Str,
    Int,
    Bool,
    ListOfStr,
    /// partition/rpartition: (str, str, str).
    StrTriple,
}

/// The str methods the translator knows: name, required and optional
/// arguments (in order), and the result.
pub const STR_METHODS: &[(&str, &[ArgKind], &[ArgKind], Returns)] = {
    use ArgKind::*;
    &[
        ("join", &[], &[], Returns::Str), // checked separately: a list of str
        ("split", &[], &[StrOrNone, Int], Returns::ListOfStr),
        ("rsplit", &[], &[StrOrNone, Int], Returns::ListOfStr),
        ("splitlines", &[], &[], Returns::ListOfStr),
        ("strip", &[], &[StrOrNone], Returns::Str),
        ("lstrip", &[], &[StrOrNone], Returns::Str),
        ("rstrip", &[], &[StrOrNone], Returns::Str),
        ("startswith", &[Str], &[], Returns::Bool),
        ("endswith", &[Str], &[], Returns::Bool),
        ("find", &[Str], &[Int, Int], Returns::Int),
        ("rfind", &[Str], &[Int, Int], Returns::Int),
        ("index", &[Str], &[Int, Int], Returns::Int),
        ("rindex", &[Str], &[Int, Int], Returns::Int),
        ("count", &[Str], &[], Returns::Int),
        ("replace", &[Str, Str], &[Int], Returns::Str),
        ("lower", &[], &[], Returns::Str),
        ("upper", &[], &[], Returns::Str),
        ("isdigit", &[], &[], Returns::Bool),
        ("isalpha", &[], &[], Returns::Bool),
        ("isalnum", &[], &[], Returns::Bool),
        ("isspace", &[], &[], Returns::Bool),
        ("isupper", &[], &[], Returns::Bool),
        ("islower", &[], &[], Returns::Bool),
        ("zfill", &[Int], &[], Returns::Str),
        ("ljust", &[Int], &[Str], Returns::Str),
        ("rjust", &[Int], &[Str], Returns::Str),
        ("center", &[Int], &[Str], Returns::Str),
        ("partition", &[Str], &[], Returns::StrTriple),
        ("rpartition", &[Str], &[], Returns::StrTriple),
    ]
};

pub fn str_method_info(name: &str) -> Option<(&'static [ArgKind], &'static [ArgKind], Returns)> {
    STR_METHODS
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|(_, req, opt, ret)| (*req, *opt, *ret))
}

fn arg_ok(kind: ArgKind, s: &SomeValue) -> bool {
    match kind {
        ArgKind::Str => matches!(s, SomeValue::Str { can_be_none: false }),
        ArgKind::StrOrNone => matches!(s, SomeValue::Str { .. } | SomeValue::None),
        ArgKind::Int => matches!(s, SomeValue::Int | SomeValue::Bool),
    }
}

/// `str op x` / `x op str` for + * %.
pub fn str_binary(
    p: &Types,
    op: BinOp,
    values: &[Value],
    l: &SomeValue,
    r: &SomeValue,
    span: Span,
) -> Option<AResult> {
    use SomeValue::*;
    Some(match (op, l, r) {
        (BinOp::Add, Str { can_be_none: false }, Str { can_be_none: false }) => Ok(STR),
        (BinOp::Mul, Str { can_be_none: false }, Int | Bool)
        | (BinOp::Mul, Int | Bool, Str { can_be_none: false }) => Ok(STR),
        (BinOp::Mod, Str { .. }, _) => percent_format(p, &values[0], r, span),
        (_, Str { .. }, _) | (_, _, Str { .. }) => Err(Diagnostic::error(
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

/// The values a `%` formats: the items of a tuple, or the one value.
pub fn percent_args(r: &SomeValue) -> Vec<SomeValue> {
    match r {
        SomeValue::Tuple(items) => items.clone(),
        other => vec![other.clone()],
    }
}

fn percent_format(p: &Types, fmt: &Value, r: &SomeValue, span: Span) -> AResult {
    let Value::Const(Constant::Str(fmt)) = fmt else {
        return Err(
            Diagnostic::error(span, "the format string of `%` must be a constant string")
                .with_help("write the format string literally: \"%d items\" % n"),
        );
    };
    let pieces = pyformat::parse_percent(fmt).map_err(|m| Diagnostic::error(span, m))?;
    let args = percent_args(r);
    let specs: Vec<_> = pyformat::specs(&pieces).collect();
    if specs.len() > args.len() {
        return Err(Diagnostic::error(
            span,
            "not enough arguments for format string",
        ));
    }
    if specs.len() < args.len() {
        return Err(Diagnostic::error(
            span,
            "not all arguments converted during string formatting",
        ));
    }
    for (spec, arg) in specs.iter().zip(&args) {
        use SomeValue::*;
        let ok = match spec.class() {
            ConvClass::Text => {
                matches!(arg, Int | Bool | Float | Str { .. } | None)
                    || super::rules::showable(p, arg)
                    || super::rules::text_instance(p, arg, spec.conv == 'r')
                    || (spec.conv == 's' && super::rules::exception_instance(p, arg))
            }
            ConvClass::Integer | ConvClass::Float => matches!(arg, Int | Bool | Float),
            ConvClass::IntegerOnly => matches!(arg, Int | Bool),
        };
        if !ok {
            return Err(Diagnostic::error(
                span,
                format!(
                    "`{}` of {} is not supported",
                    spec.text,
                    with_article(arg, p)
                ),
            ));
        }
    }
    Ok(STR)
}

/// `s[i]` and `s[a:b:c]`.
pub fn str_getitem(p: &Types, index: &SomeValue, span: Span) -> AResult {
    match index {
        SomeValue::Int | SomeValue::Bool => Ok(STR),
        other => Err(Diagnostic::error(
            span,
            format!("string indices must be ints, not {}", other.describe(p)),
        )),
    }
}

impl Annotator<'_> {
    /// Annotates the `__str__` / `__repr__` methods that turning these
    /// arguments (or the instances inside tuples, lists, sets and dicts
    /// among them) into text calls.
    pub(super) fn text_methods(
        &mut self,
        f: FuncId,
        b: BlockId,
        op: &crate::flowgraph::ir::Operation<crate::flowgraph::hlop::HlOp>,
        args: &[SomeValue],
    ) -> Result<(), Diagnostic> {
        let mut instances = vec![];
        let mut seen = std::collections::HashSet::new();
        for a in args {
            self.instances_inside(a, &mut instances, &mut seen);
        }
        for a in instances {
            let SomeValue::Instance { class, .. } = a else {
                continue;
            };
            let a = SomeValue::Instance {
                class,
                can_be_none: false,
            };
            for repr in [false, true] {
                let Some(name) = super::text_method(self.program, class, repr) else {
                    continue;
                };
                let receiver = std::slice::from_ref(&a);
                let r = self.call_method(f, b, op, &Rc::from(name), receiver, &[])?;
                if !matches!(
                    r,
                    SomeValue::Str { can_be_none: false } | SomeValue::Impossible
                ) {
                    return Err(Diagnostic::error(
                        op.span,
                        format!(
                            "`{}.{name}` returns {}, not a str",
                            self.program.class(class).name,
                            super::model::with_article(&r, &self.types())
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `s` if it is an instance, and the instances its items may be.
    fn instances_inside(
        &self,
        s: &SomeValue,
        out: &mut Vec<SomeValue>,
        seen: &mut std::collections::HashSet<crate::annotate::listdef::ListId>,
    ) {
        let items = |id, out: &mut Vec<SomeValue>, seen: &mut std::collections::HashSet<_>| {
            if seen.insert(id) {
                let item = self.lists.borrow().item(id).clone();
                self.instances_inside(&item, out, seen);
            }
        };
        match s {
            SomeValue::Instance { .. } => out.push(s.clone()),
            SomeValue::Tuple(t) => t.iter().for_each(|x| self.instances_inside(x, out, seen)),
            SomeValue::List(id) | SomeValue::Set(id) => items(*id, out, seen),
            SomeValue::Dict(k, v) => {
                items(*k, out, seen);
                items(*v, out, seen);
            }
            _ => {}
        }
    }

    pub(super) fn str_method(
        &mut self,
        f: crate::flowgraph::ir::FuncId,
        site: VarId,
        name: &Rc<str>,
        args: &[SomeValue],
        keywords: &[Rc<str>],
        span: Span,
    ) -> AResult {
        let p = Types {
            program: self.program,
            lists: &self.lists,
        };
        let Some((required, optional, returns)) = str_method_info(name) else {
            return Err(Diagnostic::error(
                span,
                format!("str has no method `{name}` the translator supports"),
            ));
        };
        if !keywords.is_empty() {
            return Err(Diagnostic::error(
                span,
                format!("keyword arguments to str.{name}() are not supported yet"),
            ));
        }
        if &**name == "join" {
            let ok = match args {
                [SomeValue::List(id)] => matches!(
                    p.lists.borrow().item(*id),
                    SomeValue::Str { can_be_none: false } | SomeValue::Impossible
                ),
                _ => false,
            };
            if !ok {
                return Err(Diagnostic::error(
                    span,
                    match args {
                        [a] => format!(
                            "str.join() of {} is not supported: it takes a list of strings",
                            with_article(a, &p)
                        ),
                        _ => format!("str.join() takes 1 argument, got {}", args.len()),
                    },
                ));
            }
            return Ok(STR);
        }
        let n = args.len();
        if n < required.len() || n > required.len() + optional.len() {
            return Err(Diagnostic::error(
                span,
                format!(
                    "str.{name}() takes {} argument{}, got {n}",
                    if optional.is_empty() {
                        required.len().to_string()
                    } else {
                        format!("{} to {}", required.len(), required.len() + optional.len())
                    },
                    if required.len() + optional.len() == 1 {
                        ""
                    } else {
                        "s"
                    }
                ),
            ));
        }
        for (a, kind) in args.iter().zip(required.iter().chain(optional)) {
            if !arg_ok(*kind, a) {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "argument of str.{name}() is {}, which is not supported",
                        with_article(a, &p)
                    ),
                ));
            }
        }
        Ok(match returns {
            Returns::Str => STR,
            Returns::Int => SomeValue::Int,
            Returns::Bool => SomeValue::Bool,
            Returns::ListOfStr => {
                let id = self.lists.borrow_mut().at_site(f, site);
                self.store_item(id, &STR, span)?;
                SomeValue::List(id)
            }
            Returns::StrTriple => SomeValue::Tuple(vec![STR, STR, STR]),
        })
    }
}
