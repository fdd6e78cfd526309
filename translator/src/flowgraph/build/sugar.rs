//! Calls of builtins that the builder rewrites before building them:
//! `pow(a, b)` is `a ** b`, `min`/`max` with `key=` become a loop, and a
//! generator expression consumed whole becomes a list comprehension.

use super::Builder;
use crate::diagnostics::Diagnostic;
use crate::flowgraph::hlop::{BinOp, HlOp};
use crate::flowgraph::ir::Value;
use rustpython_parser::ast;

impl Builder<'_> {
    /// The value of `c` if it is one of the rewritten calls.
    pub(super) fn builtin_call_sugar(
        &mut self,
        c: &ast::ExprCall,
    ) -> Result<Option<Value>, Diagnostic> {
        if let Some(rewritten) = self.generator_argument_as_list(c) {
            return self.call(&rewritten).map(Some);
        }
        if let (ast::Expr::Name(n), [base, exponent], []) =
            (&*c.func, c.args.as_slice(), c.keywords.as_slice())
        {
            if n.id.as_str() == "pow" && self.is_builtin("pow") {
                let l = self.expr(base)?;
                let held = self.hold(l);
                let r = self.expr(exponent)?;
                let l = self.take(&held);
                return Ok(Some(self.emit(
                    HlOp::Binary(BinOp::Pow),
                    vec![l, r],
                    self.span(c),
                    None,
                )));
            }
        }
        if let (ast::Expr::Name(n), [items], [kw]) =
            (&*c.func, c.args.as_slice(), c.keywords.as_slice())
        {
            let builtin = matches!(n.id.as_str(), "min" | "max")
                && !self.locals.contains(n.id.as_str())
                && !self
                    .program
                    .module(self.module)
                    .globals
                    .contains_key(n.id.as_str());
            if builtin && kw.arg.as_ref().is_some_and(|a| a.as_str() == "key") {
                return self
                    .min_max_key(n.id.as_str() == "max", items, &kw.value, c.range)
                    .map(Some);
            }
        }
        Ok(None)
    }

    /// `sum(x * x for x in v)`: a generator expression given to a function
    /// that consumes all of it at once behaves as the list comprehension,
    /// so it is built as one. (For `any`/`all`, which stop early, or any
    /// other callee, that would change behaviour: those stay unsupported.)
    fn generator_argument_as_list(&self, c: &ast::ExprCall) -> Option<ast::ExprCall> {
        let [ast::Expr::GeneratorExp(g)] = c.args.as_slice() else {
            return None;
        };
        let eager = match &*c.func {
            ast::Expr::Name(n) => {
                matches!(n.id.as_str(), "sum" | "min" | "max" | "sorted" | "set")
                    && !self.locals.contains(n.id.as_str())
                    && !self
                        .program
                        .module(self.module)
                        .globals
                        .contains_key(n.id.as_str())
            }
            ast::Expr::Attribute(a) => matches!(a.attr.as_str(), "join" | "extend"),
            _ => false,
        };
        if !eager {
            return None;
        }
        let mut rewritten = c.clone();
        rewritten.args = vec![ast::Expr::ListComp(ast::ExprListComp {
            range: g.range,
            elt: g.elt.clone(),
            generators: g.generators.clone(),
        })];
        Some(rewritten)
    }
}
