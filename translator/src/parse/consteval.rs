//! Evaluation of module-level constant expressions at translation time
//! (`N = 10`, `LIMIT = N * 2 + 1`, `NAME = "x"`), with Python semantics.

use super::program::{Global, Module};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::Constant;
use crate::pyarith;
use rustpython_parser::ast::{self, Ranged};
use std::rc::Rc;

pub struct ConstEnv<'a> {
    pub module: &'a Module,
    pub modules: &'a [Module],
    pub file: u32,
}

impl ConstEnv<'_> {
    fn span(&self, e: &impl Ranged) -> Span {
        Span::new(self.file, e.start().into(), e.end().into())
    }

    pub fn eval(&self, e: &ast::Expr) -> Result<Constant, Diagnostic> {
        let span = self.span(e);
        let not_const = |what: &str| {
            Diagnostic::error(span, format!("{what} cannot be evaluated at translation time"))
                .with_help("module-level names must be constants (numbers, strings, None, and arithmetic on earlier constants); move other code into a function")
        };
        match e {
            ast::Expr::Constant(c) => literal(&c.value, span),
            ast::Expr::Name(n) => match self.module.globals.get(n.id.as_str()) {
                Some(Global::Const(c)) => Ok(c.clone()),
                Some(_) => Err(not_const(&format!("`{}`", n.id))),
                None => Err(Diagnostic::error(
                    span,
                    format!("name `{}` is not defined", n.id),
                )),
            },
            ast::Expr::Attribute(a) => {
                if let ast::Expr::Name(n) = &*a.value {
                    if let Some(Global::Module(m)) = self.module.globals.get(n.id.as_str()) {
                        let module = &self.modules[m.0 as usize];
                        return match module.globals.get(a.attr.as_str()) {
                            Some(Global::Const(c)) => Ok(c.clone()),
                            Some(_) => Err(not_const(&format!("`{}.{}`", n.id, a.attr))),
                            None => Err(Diagnostic::error(
                                span,
                                format!("module `{}` has no constant `{}`", module.name, a.attr),
                            )),
                        };
                    }
                    if let Some(Global::BuiltinModule(m)) = self.module.globals.get(n.id.as_str()) {
                        if let Some(c) = m.member(a.attr.as_str()) {
                            return Ok(c);
                        }
                    }
                }
                Err(not_const("this attribute"))
            }
            // A few builtins of constants (`A_CODE = ord('A')`).
            ast::Expr::Call(c) if c.keywords.is_empty() && c.args.len() == 1 => {
                let ast::Expr::Name(f) = &*c.func else {
                    return Err(not_const("this call"));
                };
                if self.module.globals.contains_key(f.id.as_str()) {
                    return Err(not_const("this call"));
                }
                let arg = self.eval(&c.args[0])?;
                match (f.id.as_str(), &arg) {
                    ("ord", Constant::Str(s)) if s.chars().count() == 1 => {
                        Ok(Constant::Int(s.chars().next().unwrap() as i64))
                    }
                    ("chr", Constant::Int(i)) => u32::try_from(*i)
                        .ok()
                        .and_then(char::from_u32)
                        .map(|ch| Constant::Str(ch.to_string().into()))
                        .ok_or_else(|| not_const("this call")),
                    ("len", Constant::Str(s)) => Ok(Constant::Int(s.chars().count() as i64)),
                    _ => Err(not_const("this call")),
                }
            }
            ast::Expr::UnaryOp(u) => {
                let v = self.eval(&u.operand)?;
                unary(u.op, v).ok_or_else(|| not_const("this operation"))
            }
            ast::Expr::BinOp(b) => {
                let l = self.eval(&b.left)?;
                let r = self.eval(&b.right)?;
                binary(b.op, &l, &r).ok_or_else(|| {
                    Diagnostic::error(
                        span,
                        "this constant expression would raise or is outside the subset",
                    )
                })
            }
            ast::Expr::Compare(c) => {
                let mut left = self.eval(&c.left)?;
                for (op, right) in c.ops.iter().zip(&c.comparators) {
                    let right = self.eval(right)?;
                    if !compare(*op, &left, &right).ok_or_else(|| not_const("this comparison"))? {
                        return Ok(Constant::Bool(false));
                    }
                    left = right;
                }
                Ok(Constant::Bool(true))
            }
            ast::Expr::IfExp(i) => {
                let test = self.eval(&i.test)?;
                let t = truth(&test).ok_or_else(|| not_const("this condition"))?;
                self.eval(if t { &i.body } else { &i.orelse })
            }
            ast::Expr::BoolOp(b) => {
                // Python's value semantics: the first operand that decides.
                let is_and = matches!(b.op, ast::BoolOp::And);
                let mut last = Constant::None;
                for v in &b.values {
                    last = self.eval(v)?;
                    let t = truth(&last).ok_or_else(|| not_const("this operand"))?;
                    if t != is_and {
                        break;
                    }
                }
                Ok(last)
            }
            _ => Err(not_const("this expression")),
        }
    }
}

pub fn literal(c: &ast::Constant, span: Span) -> Result<Constant, Diagnostic> {
    Ok(match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => Constant::Str(Rc::from(s.as_str())),
        ast::Constant::Bytes(b) => Constant::Bytes(Rc::from(b.as_slice())),
        ast::Constant::Int(i) => match i64::try_from(i) {
            Ok(v) => Constant::Int(v),
            Err(_) => {
                return Err(
                    Diagnostic::error(span, "integer literal does not fit in 64 bits")
                        .with_help("translated ints are 64-bit machine words"),
                )
            }
        },
        ast::Constant::Float(f) => Constant::Float(*f),
        _ => {
            return Err(Diagnostic::error(
                span,
                "this kind of literal is not supported by the translator",
            ))
        }
    })
}

/// Ints and bools as an int, for arithmetic (True + 1 == 2).
fn as_int(c: &Constant) -> Option<i64> {
    match c {
        Constant::Int(i) => Some(*i),
        Constant::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        other => as_int(other).map(|i| i as f64),
    }
}

fn unary(op: ast::UnaryOp, v: Constant) -> Option<Constant> {
    Some(match (op, &v) {
        (ast::UnaryOp::USub, Constant::Float(f)) => Constant::Float(-f),
        (ast::UnaryOp::USub, _) => Constant::Int(pyarith::int_neg(as_int(&v)?, true)?),
        (ast::UnaryOp::UAdd, Constant::Float(_)) => v,
        (ast::UnaryOp::UAdd, _) => Constant::Int(as_int(&v)?),
        (ast::UnaryOp::Invert, _) => Constant::Int(!as_int(&v)?),
        (ast::UnaryOp::Not, _) => Constant::Bool(!truth(&v)?),
    })
}

fn truth(v: &Constant) -> Option<bool> {
    Some(match v {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::Float(f) => *f != 0.0,
        Constant::Str(s) => !s.is_empty(),
        _ => return None,
    })
}

/// Module constants never wrap: a constant that would overflow 64 bits is
/// an error here rather than a silently different number.
fn binary(op: ast::Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use ast::Operator::*;
    if let (Constant::Str(a), Constant::Str(b), Add) = (l, r, op) {
        return Some(Constant::Str(Rc::from(format!("{a}{b}"))));
    }
    // bool & bool (and | ^) stays a bool, as in Python.
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            BitAnd => return Some(Constant::Bool(a & b)),
            BitOr => return Some(Constant::Bool(a | b)),
            BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return Some(match op {
            Add => Constant::Int(pyarith::int_add(a, b, true)?),
            Sub => Constant::Int(pyarith::int_sub(a, b, true)?),
            Mult => Constant::Int(pyarith::int_mul(a, b, true)?),
            FloorDiv => Constant::Int(pyarith::int_floordiv(a, b, true)?),
            Mod => Constant::Int(pyarith::int_mod(a, b)?),
            Pow => Constant::Int(pyarith::int_pow(a, b, true)?),
            LShift => Constant::Int(pyarith::int_lshift(a, b, true)?),
            RShift => Constant::Int(pyarith::int_rshift(a, b)?),
            BitAnd => Constant::Int(a & b),
            BitOr => Constant::Int(a | b),
            BitXor => Constant::Int(a ^ b),
            Div if b != 0 && a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) => {
                Constant::Float(a as f64 / b as f64)
            }
            _ => return None,
        });
    }
    let (a, b) = (as_float(l)?, as_float(r)?);
    Some(Constant::Float(match op {
        Add => a + b,
        Sub => a - b,
        Mult => a * b,
        Div => pyarith::float_truediv(a, b)?,
        FloorDiv => pyarith::float_floordiv(a, b)?,
        Mod => pyarith::float_mod(a, b)?,
        _ => return None,
    }))
}

fn compare(op: ast::CmpOp, l: &Constant, r: &Constant) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = match (l, r) {
        (Constant::Str(a), Constant::Str(b)) => a.cmp(b),
        (Constant::Float(a), Constant::Float(b)) => a.partial_cmp(b)?,
        (Constant::Float(a), b) => pyarith::int_float_cmp(as_int(b)?, *a)?.reverse(),
        (a, Constant::Float(b)) => pyarith::int_float_cmp(as_int(a)?, *b)?,
        _ => as_int(l)?.cmp(&as_int(r)?),
    };
    Some(match op {
        ast::CmpOp::Lt => ord == Ordering::Less,
        ast::CmpOp::LtE => ord != Ordering::Greater,
        ast::CmpOp::Eq => ord == Ordering::Equal,
        ast::CmpOp::NotEq => ord != Ordering::Equal,
        ast::CmpOp::Gt => ord == Ordering::Greater,
        ast::CmpOp::GtE => ord != Ordering::Less,
        _ => return None,
    })
}
