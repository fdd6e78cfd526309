//! The values of lifted `def`s and lambdas (see parse/nested.rs): a
//! function, or a closure carrying what it captured.

use super::{bound_flag, Builder, ExprResult};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::HlOp;
use crate::flowgraph::ir::{Constant, FuncId, Value};
use rustpython_parser::ast;

impl Builder<'_> {
    /// The function the parse phase lifted from the lambda or `def` here.
    pub(super) fn lifted(&self, range: ast::text_size::TextRange) -> Result<FuncId, Diagnostic> {
        let start: u32 = range.start().into();
        let span = Span::new(self.file, start, range.end().into());
        let Some(&f) = self.program.nested.get(&(self.file, start)) else {
            return Err(Diagnostic::error(
                span,
                "this function could not be lifted (see the error at its parameters)",
            ));
        };
        match &self.program.function(f).unsupported {
            Some(d) => Err(d.clone()),
            None => Ok(f),
        }
    }

    /// The value of a lifted `def` or lambda where it is defined: the
    /// function, with the current values of what it captures.
    pub(super) fn function_value(&mut self, f: FuncId, span: Span) -> ExprResult {
        let captures = &self.program.function(f).captures;
        if captures.is_empty() {
            return Ok(Value::Const(Constant::Func(f)));
        }
        let mut values = vec![];
        for name in captures {
            let state = &self.current.as_ref().expect("a definition runs").1;
            let v = state.get(&**name).cloned();
            let maybe_unbound = state.contains_key(&bound_flag(name));
            match v {
                Some(v) if v != Value::Const(Constant::Undefined) && !maybe_unbound => {
                    values.push(v)
                }
                _ => {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "this function reads `{name}` from the enclosing function, which may not be assigned yet where the function is defined"
                        ),
                    )
                    .with_help("assign the variable on every path before the definition"))
                }
            }
        }
        Ok(self.emit(HlOp::MakeClosure(f), values, span, None))
    }
}
