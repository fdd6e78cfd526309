//! The parse phase's part of `rpython.rlib` support: module-level
//! `JitDriver(...)` objects and the decorators that give functions hints.

use super::consteval::ConstEnv;
use super::program::{Global, ModuleId};
use super::Loader;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{Builtin, Constant};
use crate::rlib::{FuncHint, JitDriverDesc, JitDriverId, RlibFn};
use rustpython_parser::ast::{self, Ranged};

/// The shim module translated from its source instead of being known by
/// name.
pub(super) const RSTRING_MODULE: &str = "rpython.rlib.rstring";

impl Loader<'_> {
    fn const_env(&self, module: ModuleId, file: u32) -> ConstEnv<'_> {
        ConstEnv {
            module: &self.modules[module.0 as usize],
            modules: &self.modules,
            file,
        }
    }

    fn rlib_value(&self, module: ModuleId, file: u32, e: &ast::Expr) -> Option<RlibFn> {
        match self.const_env(module, file).eval(e) {
            Ok(Constant::Builtin(Builtin::Rlib(f))) => Some(f),
            _ => None,
        }
    }

    pub(super) fn is_jit_driver(&self, module: ModuleId, file: u32, value: &ast::Expr) -> bool {
        matches!(value, ast::Expr::Call(c)
            if self.rlib_value(module, file, &c.func) == Some(RlibFn::JitDriver))
    }

    /// `name = JitDriver(greens=[...], reds=[...], ...)` at module level:
    /// the names must be string constants; other keywords
    /// (`get_printable_location`, ...) are for the JIT and ignored.
    pub(super) fn jit_driver(
        &mut self,
        module: ModuleId,
        file: u32,
        assign: &ast::StmtAssign,
    ) -> Result<(), Diagnostic> {
        let span = Span::new(file, assign.start().into(), assign.end().into());
        let [ast::Expr::Name(target)] = assign.targets.as_slice() else {
            return Err(Diagnostic::error(
                span,
                "a JitDriver must be bound to a single module-level name",
            ));
        };
        let ast::Expr::Call(call) = &*assign.value else {
            unreachable!("checked by is_jit_driver")
        };
        if !call.args.is_empty() {
            return Err(Diagnostic::error(
                span,
                "JitDriver takes keyword arguments: JitDriver(greens=[...], reds=[...])",
            ));
        }
        let mut desc = JitDriverDesc {
            name: target.id.to_string(),
            greens: vec![],
            reds: vec![],
        };
        for kw in &call.keywords {
            let into = match kw.arg.as_ref().map(|a| a.as_str()) {
                Some("greens") => &mut desc.greens,
                Some("reds") => &mut desc.reds,
                _ => continue,
            };
            let kspan = Span::new(file, kw.value.start().into(), kw.value.end().into());
            let names = match &kw.value {
                ast::Expr::List(l) => &l.elts,
                ast::Expr::Tuple(t) => &t.elts,
                _ => {
                    return Err(Diagnostic::error(
                        kspan,
                        "greens and reds must be lists of variable names",
                    ))
                }
            };
            for n in names {
                match n {
                    ast::Expr::Constant(ast::ExprConstant {
                        value: ast::Constant::Str(s),
                        ..
                    }) => into.push(s.clone()),
                    _ => {
                        return Err(Diagnostic::error(
                            kspan,
                            "greens and reds must be lists of variable names (strings)",
                        ))
                    }
                }
            }
        }
        let id = JitDriverId(self.jit_drivers.len() as u32);
        self.jit_drivers.push(desc);
        self.modules[module.0 as usize]
            .globals
            .insert(target.id.to_string(), Global::JitDriver(id));
        Ok(())
    }

    /// The hints of a function's decorators; any decorator other than the
    /// `rpython.rlib` ones is outside the subset.
    pub(super) fn decorators(
        &self,
        module: ModuleId,
        file: u32,
        def: &ast::StmtFunctionDef,
    ) -> Result<Vec<FuncHint>, Diagnostic> {
        let mut hints = vec![];
        for d in &def.decorator_list {
            let span = Span::new(file, d.start().into(), d.end().into());
            let hint = match d {
                // `@specialize.argtype(0)` and the like.
                ast::Expr::Call(c) => match &*c.func {
                    ast::Expr::Attribute(a)
                        if self.rlib_value(module, file, &a.value) == Some(RlibFn::Specialize) =>
                    {
                        Some(FuncHint::Specialize)
                    }
                    _ => None,
                },
                _ => match self.rlib_value(module, file, d) {
                    Some(RlibFn::Decorator(h)) => Some(h),
                    _ => None,
                },
            };
            match hint {
                Some(h) => hints.push(h),
                None => {
                    return Err(Diagnostic::error(
                        span,
                        format!("decorator on `{}` is not supported", def.name),
                    )
                    .with_help(
                        "the translator accepts the hints of rpython.rlib (jit.elidable, \
                         jit.unroll_safe, jit.dont_look_inside, objectmodel.always_inline, \
                         specialize.argtype(...), ...); other decorators change the function \
                         at run time",
                    ))
                }
            }
        }
        Ok(hints)
    }
}
