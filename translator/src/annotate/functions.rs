//! Function values that may be one of several functions (`Funcs`): their
//! calls, and the families of functions that such calls join. A call
//! through a function value loads the address from the function's
//! descriptor, so every function that may be called at one place must take
//! the same machine arguments and give the same machine result: the members of a
//! family share the union of their parameter and return annotations
//! (RPython's call families). Families merge when a call joins two.

use super::model::{SomeValue, Types};
use super::{callargs, Annotator};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{BlockId, FuncId};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Default)]
pub(super) struct Families {
    /// The family of each function called through a function value.
    family_of: HashMap<FuncId, usize>,
    /// The members of each family, in the order they joined; a family
    /// merged into another is left empty.
    members: Vec<Vec<FuncId>>,
}

impl Families {
    /// Puts `functions` and the families they are in into one family.
    fn join(&mut self, functions: &[FuncId]) {
        let target = functions
            .iter()
            .filter_map(|f| self.family_of.get(f).copied())
            .min()
            .unwrap_or_else(|| {
                self.members.push(vec![]);
                self.members.len() - 1
            });
        for &f in functions {
            match self.family_of.get(&f).copied() {
                Some(k) if k == target => {}
                Some(k) => {
                    let moved = std::mem::take(&mut self.members[k]);
                    for &g in &moved {
                        self.family_of.insert(g, target);
                    }
                    self.members[target].extend(moved);
                }
                None => {
                    self.family_of.insert(f, target);
                    self.members[target].push(f);
                }
            }
        }
    }

    fn family(&self, f: FuncId) -> Option<&[FuncId]> {
        self.family_of.get(&f).map(|&k| &self.members[k][..])
    }
}

impl Annotator<'_> {
    /// A call of a value that may be any of `callees`: each may run, so
    /// each must take the call's arguments the same way.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn call_functions(
        &mut self,
        f: FuncId,
        b: BlockId,
        callees: &[FuncId],
        args: &[SomeValue],
        n_pos: usize,
        keywords: &[Rc<str>],
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        let shapes: Vec<_> = callees
            .iter()
            .map(|c| callargs::match_call_args(self.program.function(*c), n_pos, keywords, span))
            .collect();
        if shapes.iter().all(|s| s.is_err()) {
            // The same mistake whichever function runs.
            return Err(shapes.into_iter().next().unwrap().unwrap_err());
        }
        if shapes
            .windows(2)
            .any(|w| w[0].as_ref().ok() != w[1].as_ref().ok())
        {
            return Err(Diagnostic::error(
                span,
                format!(
                    "this call may run any of the functions {}, which take their parameters differently",
                    self.names(callees)
                ),
            )
            .with_help(
                "functions called through one variable must have the same parameters and defaults",
            ));
        }
        for &callee in callees {
            self.call_function(f, b, callee, args, n_pos, keywords, span)?;
        }
        self.families.join(callees);
        self.unify_function_family(callees[0], span)
    }

    /// Gives every member of `member`'s family (if it has one) the union
    /// of their parameter and return annotations; the result is the
    /// family's return annotation.
    pub(super) fn unify_function_family(
        &mut self,
        member: FuncId,
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        let return_of =
            |a: &Self, g: FuncId| a.bindings[&g][a.flow.graphs[&g].return_var().index()].clone();
        let Some(members) = self.families.family(member).map(<[FuncId]>::to_vec) else {
            return Ok(return_of(self, member));
        };
        let mut result = SomeValue::Impossible;
        for &g in &members {
            let r = return_of(self, g);
            let types = Types {
                program: self.program,
                lists: &self.lists,
            };
            result = result.union(&r, &types).ok_or_else(|| {
                Diagnostic::error(
                    span,
                    format!(
                        "this call may run any of the functions {}, which return different types ({} and {})",
                        self.names(&members),
                        result.describe(&types),
                        r.describe(&types)
                    ),
                )
                .with_help("functions called through one variable must return the same type")
            })?;
        }
        self.unify_family(&members, 0, &result, span)?;
        Ok(result)
    }

    fn names(&self, functions: &[FuncId]) -> String {
        functions
            .iter()
            .map(|c| format!("`{}`", self.program.function(*c).name))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Why two annotations involving functions do not unify, when they do not.
pub(super) fn conflict_help(a: &SomeValue, b: &SomeValue) -> Option<&'static str> {
    use SomeValue::{BoundMethod, Closure, Func, Funcs, None};
    let function = |s: &SomeValue| matches!(s, Func(_) | Funcs { .. } | Closure(..));
    match (a, b) {
        (None, Closure(..)) | (Closure(..), None) => Some(
            "a function that uses variables of an enclosing function (a closure) cannot be None: use one that does nothing in place of None",
        ),
        (BoundMethod { .. }, BoundMethod { .. }) => Some(
            "one variable may hold a method bound to different objects, but not two different methods: store functions that take the object instead",
        ),
        (Closure(..), x) | (x, Closure(..)) if function(x) => Some(
            "a variable may hold one of several functions, but not one that uses variables of an enclosing function (a closure): pass those values as arguments",
        ),
        _ => Option::None,
    }
}
