//! String-building expressions: f-strings and `"...".format(...)` of a
//! constant string, both one FString operation.

use super::{Builder, ExprResult};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::HlOp;
use crate::flowgraph::ir::{Builtin, Constant, Value};
use rustpython_parser::ast;

impl Builder<'_> {
    /// `"...".format(args)` of a constant string: the same as an f-string
    /// whose fields are the arguments.
    pub(super) fn str_format(&mut self, fmt: &str, c: &ast::ExprCall, span: Span) -> ExprResult {
        use crate::flowgraph::hlop::FPiece;
        use crate::pyformat::{BracePiece, FieldArg};
        let parsed = crate::pyformat::parse_brace_format(fmt)
            .map_err(|m| Diagnostic::error(span, format!("str.format: {m}")))?;
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Err(self.unsupported(c, "`*` or `**` arguments to str.format"));
        }
        let mut exprs: Vec<&ast::Expr> = c.args.iter().collect();
        exprs.extend(c.keywords.iter().map(|k| &k.value));
        let values = self.eval_all(&exprs)?;
        let mut pieces = vec![];
        let mut args = vec![];
        for p in parsed {
            match p {
                BracePiece::Lit(s) => pieces.push(FPiece::Lit(s.into())),
                BracePiece::Field {
                    arg,
                    repr,
                    str_first,
                    spec,
                } => {
                    let i = match &arg {
                        FieldArg::Index(i) if *i < c.args.len() => *i,
                        FieldArg::Index(i) => {
                            return Err(Diagnostic::error(
                                span,
                                format!(
                                    "Replacement index {i} out of range for positional args tuple"
                                ),
                            ))
                        }
                        FieldArg::Name(n) => match c
                            .keywords
                            .iter()
                            .position(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == n))
                        {
                            Some(k) => c.args.len() + k,
                            None => {
                                return Err(Diagnostic::error(
                                    span,
                                    format!("str.format: no argument named `{n}`"),
                                ))
                            }
                        },
                    };
                    let v = values[i].clone();
                    args.push(if str_first && !spec.is_empty() {
                        self.str_call(v, span)
                    } else {
                        v
                    });
                    pieces.push(FPiece::Field {
                        repr,
                        spec: spec.into(),
                    });
                }
            }
        }
        Ok(self.emit(HlOp::FString(pieces.into()), args, span, None))
    }

    /// `f"..."`: literal text and fields, each field's spec a constant.
    pub(super) fn fstring(&mut self, j: &ast::ExprJoinedStr) -> ExprResult {
        use crate::flowgraph::hlop::FPiece;
        let span = self.span(j);
        let mut pieces = vec![];
        let mut fields: Vec<&ast::Expr> = vec![];
        // The fields with `!s` and a spec: str() first (see BracePiece).
        let mut str_first = vec![];
        for v in &j.values {
            match v {
                ast::Expr::Constant(ast::ExprConstant {
                    value: ast::Constant::Str(s),
                    ..
                }) => pieces.push(FPiece::Lit(s.as_str().into())),
                ast::Expr::FormattedValue(fv) => {
                    let repr = match fv.conversion {
                        ast::ConversionFlag::None | ast::ConversionFlag::Str => false,
                        ast::ConversionFlag::Repr => true,
                        ast::ConversionFlag::Ascii => {
                            return Err(self.unsupported(v, "`!a` in an f-string"))
                        }
                    };
                    let mut spec = String::new();
                    if let Some(fs) = &fv.format_spec {
                        let ast::Expr::JoinedStr(parts) = &**fs else {
                            return Err(self.unsupported(&**fs, "this format spec"));
                        };
                        for part in &parts.values {
                            match part {
                                ast::Expr::Constant(ast::ExprConstant {
                                    value: ast::Constant::Str(s),
                                    ..
                                }) => spec.push_str(s),
                                _ => {
                                    return Err(self.unsupported(
                                        part,
                                        "a computed format spec in an f-string",
                                    ))
                                }
                            }
                        }
                    }
                    str_first.push(
                        matches!(fv.conversion, ast::ConversionFlag::Str) && !spec.is_empty(),
                    );
                    pieces.push(FPiece::Field {
                        repr,
                        spec: spec.into(),
                    });
                    fields.push(&fv.value);
                }
                other => return Err(self.unsupported(other, "this part of an f-string")),
            }
        }
        let values = self.eval_all(&fields)?;
        let mut args = vec![];
        for (v, first) in values.into_iter().zip(str_first) {
            args.push(if first { self.str_call(v, span) } else { v });
        }
        Ok(self.emit(HlOp::FString(pieces.into()), args, span, None))
    }

    /// `str(v)`, as the builtin (for a field converted with `!s`).
    fn str_call(&mut self, v: Value, span: Span) -> Value {
        let str_builtin = Value::Const(Constant::Builtin(Builtin::Str));
        let call = HlOp::Call {
            keywords: std::rc::Rc::from([]),
        };
        self.emit(call, vec![str_builtin, v], span, None)
    }
}
