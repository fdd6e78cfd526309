//! What the annotator learns about classes (RPython's ClassDef): which
//! classes are instantiated, and on which class each instance attribute
//! lives with the type of its values.
//!
//! An attribute lives on the most general class it is used on: writing
//! `self.x` in a subclass and later reading `obj.x` on the base moves the
//! attribute to the base (its types unified), so that one field serves
//! every instance that can reach the read.

use super::model::{with_article, SomeValue, Types};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{BlockId, ClassId, FuncId};
use indexmap::{IndexMap, IndexSet};
use std::rc::Rc;

pub use crate::parse::program::EXC_MESSAGE;

pub struct Attr {
    pub value: SomeValue,
    /// Where the attribute was first assigned (or read), for messages.
    pub span: Span,
    /// True once some assignment reached it.
    pub assigned: bool,
    pub first_read: Option<Span>,
    /// Read as `obj.name(...)`: a method call, or a call of the function
    /// value the attribute holds.
    pub called: bool,
}

#[derive(Default)]
pub struct ClassDefs {
    /// Classes called somewhere, in the order the annotator met them.
    pub instantiated: IndexSet<ClassId>,
    /// Instance attributes by owning class.
    pub attrs: IndexMap<ClassId, IndexMap<Rc<str>, Attr>>,
    /// The operations reading each attribute, by the root class of the
    /// hierarchy it belongs to and its name (block and operation index):
    /// re-flowed when it changes. An attribute of an unrelated class with
    /// the same name is another attribute.
    pub(super) readers: IndexMap<(ClassId, Rc<str>), IndexSet<(FuncId, BlockId, usize)>>,
}

/// What changed, so the annotator can re-flow the blocks that depend on
/// it.
pub(super) struct Changed(pub bool);

impl ClassDefs {
    pub fn attr(&self, owner: ClassId, name: &str) -> Option<&Attr> {
        self.attrs.get(&owner).and_then(|a| a.get(name))
    }

    /// The class `name` lives on as seen from instances of `c`: an
    /// ancestor that has it, or `c` itself (after moving the attribute up
    /// from any subclass that had it).
    pub(super) fn owner(
        &mut self,
        p: &Types,
        c: ClassId,
        name: &Rc<str>,
        span: Span,
    ) -> Result<(ClassId, Changed), Diagnostic> {
        if let Some(k) = p.mro(c).find(|k| self.attr(*k, name).is_some()) {
            return Ok((k, Changed(false)));
        }
        let mut merged: Option<Attr> = None;
        for sub in p.subtree(c).into_iter().skip(1) {
            let Some(a) = self.attrs.get_mut(&sub).and_then(|m| m.shift_remove(name)) else {
                continue;
            };
            merged = Some(match merged {
                None => a,
                Some(m) => {
                    let Some(value) = m.value.union(&a.value, p) else {
                        return Err(Diagnostic::error(
                            span,
                            format!(
                                "attribute `{name}` is {} in `{}` objects and {} in others that this code also reads",
                                with_article(&a.value, p),
                                p.class(sub).name,
                                with_article(&m.value, p)
                            ),
                        )
                        .with_note(Some(a.span), "assigned here")
                        .with_note(Some(m.span), "and here")
                        .with_help(format!("give `{name}` one type in every class of `{}`'s hierarchy", p.class(c).name)));
                    };
                    Attr {
                        value,
                        span: m.span,
                        assigned: m.assigned || a.assigned,
                        first_read: m.first_read.or(a.first_read),
                        called: m.called || a.called,
                    }
                }
            });
        }
        let moved = merged.is_some();
        let attr = merged.unwrap_or(Attr {
            value: SomeValue::Impossible,
            span,
            assigned: false,
            first_read: None,
            called: false,
        });
        self.attrs.entry(c).or_default().insert(name.clone(), attr);
        Ok((c, Changed(moved)))
    }

    /// Unifies `value` into the attribute; true if its annotation changed.
    pub(super) fn assign(
        &mut self,
        p: &Types,
        c: ClassId,
        name: &Rc<str>,
        value: SomeValue,
        span: Span,
    ) -> Result<bool, Diagnostic> {
        let (owner, moved) = self.owner(p, c, name, span)?;
        let attr = self.attrs[&owner].get_mut(name).unwrap();
        let Some(joined) = attr.value.union(&value, p) else {
            let mut d = Diagnostic::error(
                span,
                format!(
                    "attribute `{name}` of `{}` objects is {} here and {} elsewhere",
                    p.class(owner).name,
                    with_article(&value, p),
                    with_article(&attr.value, p)
                ),
            );
            if attr.span != span {
                d = d.with_note(
                    Some(attr.span),
                    format!("it was given type {} here", attr.value.describe(p)),
                );
            }
            return Err(d.with_help("an attribute has one type in all instances; use a separate attribute for each type"));
        };
        if !attr.assigned {
            attr.assigned = true;
            attr.span = span;
        }
        let changed = joined != attr.value;
        attr.value = joined;
        Ok(changed || moved.0)
    }

    /// The annotation of `obj.name` for `obj` an instance of `c`.
    pub(super) fn read(
        &mut self,
        p: &Types,
        c: ClassId,
        name: &Rc<str>,
        span: Span,
    ) -> Result<(SomeValue, Changed), Diagnostic> {
        let (owner, moved) = self.owner(p, c, name, span)?;
        let attr = self.attrs[&owner].get_mut(name).unwrap();
        attr.first_read.get_or_insert(span);
        Ok((attr.value.clone(), moved))
    }

    /// Notes that `obj.name` of an instance of `c` is called, for the
    /// message if nothing assigns it.
    pub(super) fn note_call(&mut self, p: &Types, c: ClassId, name: &str) {
        if let Some(k) = p.mro(c).find(|k| self.attr(*k, name).is_some()) {
            self.attrs[&k].get_mut(name).unwrap().called = true;
        }
    }

    /// Attributes read but never assigned anywhere: an error at the read.
    pub(super) fn check_unassigned(&self, p: &Types) -> Vec<Diagnostic> {
        let mut out = vec![];
        for (&c, attrs) in &self.attrs {
            // A generator whose `yield` is never reached (it loops over an
            // empty list) reads its fields only in unreachable code.
            if p.class(c).generator.is_some() {
                continue;
            }
            for (name, a) in attrs {
                if !a.assigned && a.called {
                    out.push(
                        Diagnostic::error(
                            a.first_read.unwrap_or(a.span),
                            format!(
                                "`{}` objects have no method `{name}`, and no attribute `{name}` holding a function is assigned",
                                p.class(c).name
                            ),
                        ),
                    );
                } else if !a.assigned {
                    out.push(
                        Diagnostic::error(
                            a.first_read.unwrap_or(a.span),
                            format!(
                                "`{}` objects have no attribute `{name}`: no method of the class or its subclasses assigns it",
                                p.class(c).name
                            ),
                        )
                        .with_help(format!("assign `self.{name}` in `__init__`")),
                    );
                }
            }
        }
        out
    }
}
