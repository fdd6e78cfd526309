//! Matching a call's positional and keyword arguments to a function's
//! parameters. The annotator uses it to check calls, the rtyper to order
//! the arguments of the direct call it emits.

use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::Constant;
use crate::parse::program::Function;
use std::rc::Rc;

/// Where the value for one parameter comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ArgSource {
    /// Index into the call's argument list (callee excluded).
    Given(usize),
    Default(Constant),
}

pub fn match_call_args(
    f: &Function,
    n_positional: usize,
    keywords: &[Rc<str>],
    span: Span,
) -> Result<Vec<ArgSource>, Diagnostic> {
    let n = f.params.len();
    if n_positional > n {
        // A closure's captured variables are its first parameters, not
        // the caller's business.
        let hidden = f.captures.len();
        return Err(Diagnostic::error(
            span,
            format!(
                "`{}` called with {} positional arguments, takes {}",
                f.name,
                n_positional - hidden,
                n - hidden
            ),
        ));
    }
    let mut sources: Vec<Option<ArgSource>> = (0..n)
        .map(|i| (i < n_positional).then_some(ArgSource::Given(i)))
        .collect();
    for (k, kw) in keywords.iter().enumerate() {
        let mut named = f.params.iter().skip(f.captures.len());
        let Some(i) = named
            .position(|p| p.name == *kw)
            .map(|i| i + f.captures.len())
        else {
            return Err(Diagnostic::error(
                span,
                format!("`{}` has no parameter named `{kw}`", f.name),
            ));
        };
        if sources[i].is_some() {
            return Err(Diagnostic::error(
                span,
                format!("`{}` got several values for parameter `{kw}`", f.name),
            ));
        }
        sources[i] = Some(ArgSource::Given(n_positional + k));
    }
    sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| match s {
            Some(s) => Ok(s),
            None => match &f.params[i].default {
                Some(d) => Ok(ArgSource::Default(d.clone())),
                None => Err(Diagnostic::error(
                    span,
                    format!(
                        "`{}` called without a value for parameter `{}`",
                        f.name, f.params[i].name
                    ),
                )),
            },
        })
        .collect()
}
