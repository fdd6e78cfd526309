//! Checking PEP 484 hints (the `hint` operations the builder emits for
//! annotated parameters, return values and assignments) against what the
//! annotator infers. A hint also settles what inference alone cannot: the
//! item type of a list, set or dict that starts empty.

use super::listdef::ListId;
use super::model::{with_article, SomeValue};
use super::Annotator;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::TypeHint;
use crate::flowgraph::ir::{FuncId, VarId};

type AResult = Result<SomeValue, Diagnostic>;

impl Annotator<'_> {
    /// The annotation a hint stands for; its containers' item definitions
    /// belong to the hint's site, so flowing the block again reuses them.
    fn hint_value(
        &mut self,
        f: FuncId,
        site: VarId,
        t: &TypeHint,
        part: &mut u8,
        span: Span,
    ) -> AResult {
        let items =
            |this: &mut Self, item: &TypeHint, part: &mut u8| -> Result<ListId, Diagnostic> {
                let id = this.lists.borrow_mut().at_site_part(f, site, *part);
                *part += 1;
                let v = this.hint_value(f, site, item, part, span)?;
                this.store_item(id, &v, span)?;
                Ok(id)
            };
        Ok(match t {
            TypeHint::Int => SomeValue::Int,
            TypeHint::Float => SomeValue::Float,
            TypeHint::Bool => SomeValue::Bool,
            TypeHint::Str => SomeValue::Str { can_be_none: false },
            TypeHint::Bytes => SomeValue::Bytes,
            TypeHint::NoneType => SomeValue::None,
            TypeHint::Instance(c) => SomeValue::Instance {
                class: *c,
                can_be_none: false,
            },
            TypeHint::List(item) => SomeValue::List(items(self, item, part)?),
            TypeHint::Set(item) => SomeValue::Set(items(self, item, part)?),
            TypeHint::Dict(k, v) => {
                let k = items(self, k, part)?;
                SomeValue::Dict(k, items(self, v, part)?)
            }
            TypeHint::Tuple(ts) => {
                let mut out = vec![];
                for t in ts {
                    out.push(self.hint_value(f, site, t, part, span)?);
                }
                SomeValue::Tuple(out)
            }
            TypeHint::Optional(inner) => match self.hint_value(f, site, inner, part, span)? {
                SomeValue::Str { .. } => SomeValue::Str { can_be_none: true },
                SomeValue::Instance { class, .. } => SomeValue::Instance {
                    class,
                    can_be_none: true,
                },
                other => {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "`Optional[{inner}]` is not supported: {} cannot be None in translated code",
                            with_article(&other, &self.types())
                        ),
                    ))
                }
            },
        })
    }

    /// `hint[t](value)`: value must have type t; the result has exactly t.
    pub(super) fn hint(
        &mut self,
        f: FuncId,
        site: VarId,
        t: &TypeHint,
        what: &str,
        value: &SomeValue,
        span: Span,
    ) -> AResult {
        let mut part = 0;
        let hinted = self.hint_value(f, site, t, &mut part, span)?;
        let types = self.types();
        let fits = match value.union(&hinted, &types) {
            Some(joined) => self.same_type(&joined, &hinted),
            None => false,
        };
        if fits {
            return Ok(hinted);
        }
        let mut d = Diagnostic::error(
            span,
            format!(
                "{what} is annotated `{}` but is {} here",
                hint_text(t, &self.types()),
                with_article(value, &self.types())
            ),
        );
        let help = match (value, &hinted) {
            (SomeValue::Int | SomeValue::Bool, SomeValue::Float) => {
                Some("CPython keeps an int where a float is annotated (it prints 0, not 0.0): write a float, e.g. 0.0 or float(n)")
            }
            (v, h) if v.can_be_none() && !h.can_be_none() => Some("annotate it Optional[...] if it may be None"),
            _ => None,
        };
        if let Some(h) = help {
            d = d.with_help(h);
        }
        Err(d)
    }

    /// The same type, lists and dicts by their (united) definitions.
    fn same_type(&self, a: &SomeValue, b: &SomeValue) -> bool {
        let lists = self.lists.borrow();
        match (a, b) {
            (SomeValue::List(x), SomeValue::List(y)) | (SomeValue::Set(x), SomeValue::Set(y)) => {
                lists.find(*x) == lists.find(*y)
            }
            (SomeValue::Dict(k1, v1), SomeValue::Dict(k2, v2)) => {
                lists.find(*k1) == lists.find(*k2) && lists.find(*v1) == lists.find(*v2)
            }
            (SomeValue::Tuple(xs), SomeValue::Tuple(ys)) => {
                drop(lists);
                xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| self.same_type(x, y))
            }
            _ => a == b,
        }
    }
}

/// The hint as the user wrote it (class names, not ids).
fn hint_text(t: &TypeHint, types: &super::model::Types) -> String {
    match t {
        TypeHint::Instance(c) => types.class(*c).name.clone(),
        TypeHint::List(i) => format!("list[{}]", hint_text(i, types)),
        TypeHint::Set(i) => format!("set[{}]", hint_text(i, types)),
        TypeHint::Dict(k, v) => format!("dict[{}, {}]", hint_text(k, types), hint_text(v, types)),
        TypeHint::Tuple(ts) => {
            let items: Vec<String> = ts.iter().map(|i| hint_text(i, types)).collect();
            format!("tuple[{}]", items.join(", "))
        }
        TypeHint::Optional(i) => format!("Optional[{}]", hint_text(i, types)),
        other => other.to_string(),
    }
}
