//! Assignment to targets: names (locals or module variables), tuples
//! and lists of targets (with at most one starred), items, slices and
//! attributes.

use super::{bound_flag, Builder};
use crate::diagnostics::Diagnostic;
use crate::flowgraph::hlop::HlOp;
use crate::flowgraph::ir::{Constant, Value};
use rustpython_parser::ast;
use std::rc::Rc;

impl Builder<'_> {
    /// Binds `v` to `target`.
    pub(super) fn assign(&mut self, target: &ast::Expr, v: Value) -> Result<(), Diagnostic> {
        match target {
            ast::Expr::Name(n) if self.module_var(n.id.as_str()).is_some() => {
                let g = self.module_var(n.id.as_str()).unwrap();
                let span = self.span(target);
                self.emit(HlOp::SetGlobal(g), vec![v], span, None);
                Ok(())
            }
            ast::Expr::Name(n) => {
                let name: Rc<str> = n.id.as_str().into();
                // Name the variable after its Python name for dumps and
                // messages; constants stay constants.
                if let Value::Var(var) = v {
                    if self.graph.vars[var.index()].name.is_none() {
                        self.graph.vars[var.index()].name = Some(name.clone());
                    }
                }
                let flag = bound_flag(&name);
                let origin = self.span(target);
                self.state().shift_remove(&flag);
                self.state().origins.insert(name.clone(), origin);
                self.state().insert(name, v);
                Ok(())
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) => {
                let stars: Vec<usize> = (elts.iter().enumerate())
                    .filter(|(_, e)| matches!(e, ast::Expr::Starred(_)))
                    .map(|(i, _)| i)
                    .collect();
                match stars[..] {
                    [] => {}
                    [k] => return self.assign_starred(target, elts, k, v),
                    _ => {
                        return Err(Diagnostic::error(
                            self.span(target),
                            "multiple starred expressions in assignment",
                        ))
                    }
                }
                // Item i of the value for target i, all read before any
                // target is assigned (`a, b = b, a` swaps).
                let span = self.span(target);
                // Inside a `try` each operation may start a new block:
                // the value rides along in the state.
                let held = self.hold(v);
                let v = self.state()[&held].clone();
                self.emit(HlOp::CheckUnpack(elts.len()), vec![v], span, None);
                let mut items = vec![];
                for i in 0..elts.len() {
                    let idx = Value::Const(Constant::Int(i as i64));
                    let v = self.state()[&held].clone();
                    let item = self.emit(HlOp::GetItem, vec![v, idx], span, None);
                    items.push(self.hold(item));
                }
                self.take(&held);
                for (e, h) in elts.iter().zip(items) {
                    let item = self.take(&h);
                    self.assign(e, item)?;
                }
                Ok(())
            }
            ast::Expr::Subscript(s) => {
                if let ast::Expr::Slice(sl) = &*s.slice {
                    let held = self.hold(v);
                    let mut operands = self.slice_operands(&s.value, sl)?;
                    operands.push(self.take(&held));
                    self.emit(HlOp::SetSlice, operands, self.span(target), None);
                    return Ok(());
                }
                let held = self.hold(v);
                let ci = self.eval_all(&[&s.value, &s.slice])?;
                let v = self.take(&held);
                let span = self.span(target);
                self.emit(
                    HlOp::SetItem,
                    vec![ci[0].clone(), ci[1].clone(), v],
                    span,
                    None,
                );
                Ok(())
            }
            ast::Expr::Attribute(a) => {
                let held = self.hold(v);
                let obj = self.expr(&a.value)?;
                let v = self.take(&held);
                let span = self.span(target);
                self.emit(
                    HlOp::SetAttr(a.attr.as_str().into()),
                    vec![obj, v],
                    span,
                    None,
                );
                Ok(())
            }
            _ => Err(Diagnostic::error(
                self.span(target),
                "cannot assign to this expression",
            )),
        }
    }

    /// `a, *rest, z = v`: the items before and after the starred target
    /// by index (from the end for those after), the starred one a slice
    /// of what is left; all read before any target is assigned.
    fn assign_starred(
        &mut self,
        target: &ast::Expr,
        elts: &[ast::Expr],
        star: usize,
        v: Value,
    ) -> Result<(), Diagnostic> {
        let span = self.span(target);
        let (n, after) = (elts.len() as i64, (elts.len() - 1 - star) as i64);
        let int = |i: i64| Value::Const(Constant::Int(i));
        let held = self.hold(v);
        let v = self.state()[&held].clone();
        self.emit(
            HlOp::CheckUnpackStarred(elts.len() - 1),
            vec![v],
            span,
            None,
        );
        let mut items = vec![];
        for i in 0..n {
            let v = self.state()[&held].clone();
            let item = if i < star as i64 {
                self.emit(HlOp::GetItem, vec![v, int(i)], span, None)
            } else if i == star as i64 {
                let (start, after) = (star, after as usize);
                self.emit(HlOp::StarredItems { start, after }, vec![v], span, None)
            } else {
                self.emit(HlOp::GetItem, vec![v, int(i - n)], span, None)
            };
            items.push(self.hold(item));
        }
        self.take(&held);
        for (e, h) in elts.iter().zip(items) {
            let item = self.take(&h);
            let e = match e {
                ast::Expr::Starred(s) => &*s.value,
                e => e,
            };
            self.assign(e, item)?;
        }
        Ok(())
    }
}
