//! PEP 484 type hints: parameter, return and variable annotations become
//! `hint` operations that the annotator checks against what it infers
//! (and that settle what inference alone cannot, such as the item type of
//! a list that starts empty).

use super::{Builder, ExprResult};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::{HlOp, TypeHint};
use crate::flowgraph::ir::Value;
use crate::parse::program::Global;
use rustpython_parser::ast::{self, Ranged};
use std::rc::Rc;

const SUPPORTED: &str = "the translator understands int, float, bool, str, bytes, None, list[T], set[T], dict[K, V], tuple[A, B, ...], Optional[T], T | None and class names (also typing's List, Set, Dict, Tuple)";

impl Builder<'_> {
    /// The type a hint expression names.
    pub(super) fn type_hint(&self, e: &ast::Expr) -> Result<TypeHint, Diagnostic> {
        let span = self.span(e);
        let unknown = |what: String| {
            Diagnostic::error(
                span,
                format!("{what} is not a type hint the translator understands"),
            )
            .with_help(SUPPORTED)
        };
        match e {
            ast::Expr::Constant(ast::ExprConstant {
                value: ast::Constant::None,
                ..
            }) => Ok(TypeHint::NoneType),
            // A forward reference: "Node".
            ast::Expr::Constant(ast::ExprConstant {
                value: ast::Constant::Str(s),
                ..
            }) => {
                use rustpython_parser::Parse;
                let parsed = ast::Expr::parse_starts_at(s, "<hint>", e.start())
                    .map_err(|_| unknown(format!("the string `{s}`")))?;
                self.type_hint(&parsed)
            }
            ast::Expr::Name(n) => self
                .named_hint(n.id.as_str())
                .ok_or_else(|| unknown(format!("`{}`", n.id))),
            ast::Expr::Attribute(a) => {
                // typing.List and friends.
                self.named_hint(a.attr.as_str())
                    .ok_or_else(|| unknown(format!("`{}`", a.attr)))
            }
            ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::BitOr) => {
                let (l, r) = (self.type_hint(&b.left)?, self.type_hint(&b.right)?);
                match (l, r) {
                    (TypeHint::NoneType, t) | (t, TypeHint::NoneType) => Ok(optional(t)),
                    _ => Err(unknown("a union of two types".into())),
                }
            }
            ast::Expr::Subscript(s) => {
                let base = match &*s.value {
                    ast::Expr::Name(n) => n.id.as_str(),
                    ast::Expr::Attribute(a) => a.attr.as_str(),
                    _ => return Err(unknown("this subscript".into())),
                };
                let args: Vec<&ast::Expr> = match &*s.slice {
                    ast::Expr::Tuple(t) => t.elts.iter().collect(),
                    one => vec![one],
                };
                let mut hints = vec![];
                for a in &args {
                    hints.push(self.type_hint(a)?);
                }
                let arity = |n: usize| {
                    if hints.len() == n {
                        Ok(())
                    } else {
                        Err(Diagnostic::error(
                            span,
                            format!(
                                "`{base}[...]` takes {n} type{}",
                                if n == 1 { "" } else { "s" }
                            ),
                        ))
                    }
                };
                match base {
                    "list" | "List" => {
                        arity(1)?;
                        Ok(TypeHint::List(Box::new(hints.remove(0))))
                    }
                    "set" | "Set" => {
                        arity(1)?;
                        Ok(TypeHint::Set(Box::new(hints.remove(0))))
                    }
                    "dict" | "Dict" => {
                        arity(2)?;
                        let v = hints.pop().unwrap();
                        Ok(TypeHint::Dict(Box::new(hints.pop().unwrap()), Box::new(v)))
                    }
                    "tuple" | "Tuple" => Ok(TypeHint::Tuple(hints)),
                    "Optional" => {
                        arity(1)?;
                        Ok(optional(hints.remove(0)))
                    }
                    other => Err(unknown(format!("`{other}[...]`"))),
                }
            }
            _ => Err(unknown("this expression".into())),
        }
    }

    fn named_hint(&self, name: &str) -> Option<TypeHint> {
        if let Some(Global::Class(c)) = self.program.module(self.module).globals.get(name) {
            return Some(TypeHint::Instance(*c));
        }
        Some(match name {
            "int" => TypeHint::Int,
            "float" => TypeHint::Float,
            "bool" => TypeHint::Bool,
            "str" => TypeHint::Str,
            "bytes" => TypeHint::Bytes,
            "None" => TypeHint::NoneType,
            _ => {
                let c = self.program.builtin_classes.get(name)?;
                TypeHint::Instance(*c)
            }
        })
    }

    /// `value` passed through the hint `annotation` (the result has the
    /// hinted type; the annotator reports a mismatch at the hint).
    pub(super) fn apply_hint(
        &mut self,
        value: Value,
        annotation: &ast::Expr,
        what: &str,
    ) -> ExprResult {
        let hint = self.type_hint(annotation)?;
        let span = self.span(annotation);
        Ok(self.emit(
            HlOp::Hint(Rc::new(hint), what.into()),
            vec![value],
            span,
            None,
        ))
    }

    /// On entry: every annotated parameter goes through its hint.
    pub(super) fn hint_parameters(&mut self, args: &ast::Arguments) -> Result<(), Diagnostic> {
        for a in args.posonlyargs.iter().chain(&args.args) {
            let Some(annotation) = &a.def.annotation else {
                continue;
            };
            let name = a.def.arg.as_str();
            let v = self.state()[name].clone();
            let hinted = self.apply_hint(v, annotation, &format!("parameter `{name}`"))?;
            self.state().insert(name.into(), hinted);
        }
        Ok(())
    }

    /// The value a `return` gives, through the function's `-> T`.
    pub(super) fn hint_return(&mut self, value: Value, span: Span) -> ExprResult {
        let Some(returns) = self.return_hint.clone() else {
            return Ok(value);
        };
        let hint = self.type_hint(&returns)?;
        let what: Rc<str> = if matches!(value, Value::Const(crate::flowgraph::ir::Constant::None))
            && hint != TypeHint::NoneType
            && !matches!(hint, TypeHint::Optional(_))
        {
            // Also the implicit `return None` at the end of the body.
            "the return value (None here)".into()
        } else {
            "the return value".into()
        };
        let _ = span;
        Ok(self.emit(
            HlOp::Hint(Rc::new(hint), what),
            vec![value],
            self.span(&*returns),
            None,
        ))
    }
}

fn optional(t: TypeHint) -> TypeHint {
    match t {
        TypeHint::Optional(_) | TypeHint::NoneType => t,
        t => TypeHint::Optional(Box::new(t)),
    }
}
