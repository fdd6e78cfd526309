//! Calls of `rpython.rlib` functions that the builder settles itself:
//! `we_are_translated()` is a constant (so the CPython-only branch of an
//! `if` is never built), `ovfcheck(a + b)` marks its operation as checked,
//! and the JIT hints become operations that stay in every graph.

use super::{Builder, ExprResult};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::{BinOp, HlOp};
use crate::flowgraph::ir::{Builtin, Constant, Value};
use crate::parse::program::Global;
use crate::rlib::{JitDriverId, JitHint, RlibFn};
use rustpython_parser::ast;

impl Builder<'_> {
    /// `e` names an `rpython.rlib` function (`promote`, `jit.promote`).
    fn static_rlib(&self, e: &ast::Expr) -> Option<RlibFn> {
        let globals = &self.program.module(self.module).globals;
        match e {
            ast::Expr::Name(n) if !self.locals.contains(n.id.as_str()) => {
                match globals.get(n.id.as_str()) {
                    Some(Global::Const(Constant::Builtin(Builtin::Rlib(f)))) => Some(*f),
                    _ => None,
                }
            }
            ast::Expr::Attribute(a) => {
                let ast::Expr::Name(n) = &*a.value else {
                    return None;
                };
                if self.locals.contains(n.id.as_str()) {
                    return None;
                }
                match globals.get(n.id.as_str()) {
                    Some(Global::BuiltinModule(m)) => match m.member(a.attr.as_str()) {
                        Some(Constant::Builtin(Builtin::Rlib(f))) => Some(f),
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn jit_driver_of(&self, e: &ast::Expr) -> Option<JitDriverId> {
        let ast::Expr::Name(n) = e else { return None };
        if self.locals.contains(n.id.as_str()) {
            return None;
        }
        match self.program.module(self.module).globals.get(n.id.as_str()) {
            Some(Global::JitDriver(d)) => Some(*d),
            _ => None,
        }
    }

    /// The value of the call if it is one the builder handles.
    pub(super) fn rlib_call(&mut self, c: &ast::ExprCall) -> Result<Option<Value>, Diagnostic> {
        let span = self.span(c);
        if let ast::Expr::Attribute(a) = &*c.func {
            if let Some(d) = self.jit_driver_of(&a.value) {
                return self.jit_driver_call(d, a.attr.as_str(), c, span).map(Some);
            }
        }
        let Some(f) = self.static_rlib(&c.func) else {
            return Ok(None);
        };
        let positional = |n: usize| -> Result<(), Diagnostic> {
            if c.args.len() == n {
                Ok(())
            } else {
                Err(Diagnostic::error(
                    span,
                    format!(
                        "{}() takes {n} positional argument{}, got {}",
                        f.name(),
                        if n == 1 { "" } else { "s" },
                        c.args.len()
                    ),
                ))
            }
        };
        match f {
            RlibFn::WeAreTranslated | RlibFn::WeAreJitted => {
                positional(0)?;
                Ok(Some(Value::Const(Constant::Bool(
                    f == RlibFn::WeAreTranslated,
                ))))
            }
            RlibFn::Promote | RlibFn::Hint => {
                // hint()'s keywords are instructions for the JIT, not values.
                positional(1)?;
                let x = self.expr(&c.args[0])?;
                Ok(Some(self.emit(
                    HlOp::JitHint(JitHint::Promote),
                    vec![x],
                    span,
                    None,
                )))
            }
            RlibFn::Ovfcheck => {
                positional(1)?;
                self.ovfcheck(&c.args[0], span).map(Some)
            }
            RlibFn::JitDriver | RlibFn::Specialize | RlibFn::Decorator(_) => {
                Err(Diagnostic::error(
                    span,
                    format!(
                        "`{}` can only be used at module level (JitDriver) or as a decorator",
                        f.name()
                    ),
                ))
            }
            RlibFn::Intmask | RlibFn::RUint => Ok(None),
        }
    }

    /// `ovfcheck(x op y)`: the arithmetic operation, raising OverflowError
    /// where it would wrap around.
    fn ovfcheck(&mut self, arg: &ast::Expr, span: Span) -> ExprResult {
        let not_op = || {
            Diagnostic::error(
                span,
                "ovfcheck() takes an arithmetic operation on ints, such as ovfcheck(a + b)",
            )
        };
        let (op, left, right) = match arg {
            ast::Expr::BinOp(b) => {
                let op = match b.op {
                    ast::Operator::Add => BinOp::Add,
                    ast::Operator::Sub => BinOp::Sub,
                    ast::Operator::Mult => BinOp::Mul,
                    ast::Operator::FloorDiv => BinOp::FloorDiv,
                    ast::Operator::Mod => BinOp::Mod,
                    ast::Operator::LShift => BinOp::LShift,
                    _ => return Err(not_op()),
                };
                let l = self.expr(&b.left)?;
                let held = self.hold(l);
                let r = self.expr(&b.right)?;
                (op, self.take(&held), r)
            }
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => {
                let x = self.expr(&u.operand)?;
                (BinOp::Sub, Value::Const(Constant::Int(0)), x)
            }
            _ => return Err(not_op()),
        };
        Ok(self.emit(HlOp::Ovfcheck(op), vec![left, right], span, None))
    }

    /// `driver.jit_merge_point(pc=pc, ...)` / `driver.can_enter_jit(...)`:
    /// every green and red variable passed by keyword.
    fn jit_driver_call(
        &mut self,
        d: JitDriverId,
        method: &str,
        c: &ast::ExprCall,
        span: Span,
    ) -> ExprResult {
        let desc = &self.program.jit_drivers[d.0 as usize];
        let hint = match method {
            "jit_merge_point" => JitHint::MergePoint(d),
            "can_enter_jit" => JitHint::CanEnterJit(d),
            _ => {
                return Err(Diagnostic::error(
                    span,
                    format!("JitDriver `{}` has no method `{method}` the translator knows (jit_merge_point, can_enter_jit)", desc.name),
                ))
            }
        };
        if !c.args.is_empty() {
            return Err(Diagnostic::error(
                span,
                format!("{method}() takes the driver's variables by keyword: name=value"),
            ));
        }
        let given: Vec<&str> = c
            .keywords
            .iter()
            .filter_map(|k| k.arg.as_ref().map(|a| a.as_str()))
            .collect();
        let wanted: Vec<&str> = desc.live_names().collect();
        let missing: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|w| !given.contains(w))
            .collect();
        let extra: Vec<&str> = given
            .iter()
            .copied()
            .filter(|g| !wanted.contains(g))
            .collect();
        if !missing.is_empty() || !extra.is_empty() || given.len() != c.keywords.len() {
            let mut msg = format!(
                "{method}() must pass exactly the greens and reds of `{}` by keyword",
                desc.name
            );
            if !missing.is_empty() {
                msg += &format!("; missing: {}", missing.join(", "));
            }
            if !extra.is_empty() {
                msg += &format!("; not a green or red: {}", extra.join(", "));
            }
            return Err(Diagnostic::error(span, msg));
        }
        // Operands in the driver's order (greens, then reds), whatever the
        // order of the keywords; evaluated in the call's order.
        let exprs: Vec<&ast::Expr> = c.keywords.iter().map(|k| &k.value).collect();
        let values = self.eval_all(&exprs)?;
        let args = wanted
            .iter()
            .map(|w| values[given.iter().position(|g| g == w).unwrap()].clone())
            .collect();
        self.emit(HlOp::JitHint(hint), args, span, None);
        Ok(Value::Const(Constant::None))
    }
}
