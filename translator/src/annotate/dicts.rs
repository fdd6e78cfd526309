//! Annotation of dicts and of iteration by position. A dict's keys and
//! values are two item definitions (see `listdef`): every store
//! generalizes them, every read registers the block as a reader.

use super::listdef::ListId;
use super::model::{with_article, SomeValue};
use super::Annotator;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{BlockId, FuncId, VarId};
use std::rc::Rc;

type AResult = Result<SomeValue, Diagnostic>;

/// Keys the runtime can hash: ints, bools, floats, strings, instances
/// (by identity) and None-less tuples of those are planned; tuples are
/// not supported yet.
fn hashable(s: &SomeValue) -> bool {
    match s {
        SomeValue::Int
        | SomeValue::Bool
        | SomeValue::Float
        | SomeValue::Str { can_be_none: false }
        | SomeValue::Instance { .. } => true,
        // Compared by contents: items the runtime can hash and compare
        // without knowing classes (no instances, which move).
        SomeValue::Tuple(items) => items.iter().all(|i| match i {
            SomeValue::Str { .. } | SomeValue::None => true,
            SomeValue::Instance { .. } => false,
            other => hashable(other),
        }),
        _ => false,
    }
}

/// The dict methods the translator knows: name, (min, max) arguments.
pub const DICT_METHODS: &[(&str, usize, usize)] = &[
    ("get", 1, 2),
    ("keys", 0, 0),
    ("values", 0, 0),
    ("items", 0, 0),
    ("pop", 1, 2),
    ("setdefault", 2, 2),
    ("update", 1, 1),
    ("copy", 0, 0),
    ("clear", 0, 0),
];

impl Annotator<'_> {
    fn store_key(&mut self, keys: ListId, key: &SomeValue, span: Span) -> Result<(), Diagnostic> {
        if !hashable(key) {
            return Err(Diagnostic::error(
                span,
                format!(
                    "{} as a dict key is not supported",
                    with_article(key, &self.types())
                ),
            ));
        }
        self.store_item(keys, key, span)
    }

    pub(super) fn new_dict(
        &mut self,
        f: FuncId,
        site: VarId,
        args: &[SomeValue],
        span: Span,
    ) -> AResult {
        let keys = self.lists.borrow_mut().at_site_part(f, site, 0);
        let values = self.lists.borrow_mut().at_site_part(f, site, 1);
        for kv in args.chunks(2) {
            self.store_key(keys, &kv[0], span)?;
            self.store_item(values, &kv[1], span)?;
        }
        Ok(SomeValue::Dict(keys, values))
    }

    pub(super) fn new_set(
        &mut self,
        f: FuncId,
        site: VarId,
        args: &[SomeValue],
        span: Span,
    ) -> AResult {
        let items = self.lists.borrow_mut().at_site(f, site);
        for a in args {
            self.store_key(items, a, span)?;
        }
        Ok(SomeValue::Set(items))
    }

    /// `set()` or `set(list)`.
    pub(super) fn set_builtin(
        &mut self,
        f: FuncId,
        b: BlockId,
        site: VarId,
        args: &[SomeValue],
        span: Span,
    ) -> AResult {
        let items = self.lists.borrow_mut().at_site(f, site);
        match args {
            [] => {}
            // set(s) copies, set(d) takes the keys.
            [SomeValue::List(id) | SomeValue::Set(id) | SomeValue::Dict(id, _)] => {
                let item = self.read_items(*id, f, b);
                if item != SomeValue::Impossible {
                    self.store_key(items, &item, span)?;
                }
            }
            [SomeValue::Str { can_be_none: false }] => {
                self.store_key(items, &SomeValue::Str { can_be_none: false }, span)?;
            }
            [SomeValue::Tuple(members)] => {
                for m in members {
                    self.store_key(items, m, span)?;
                }
            }
            _ => {
                return Err(Diagnostic::error(
                    span,
                    "set() takes nothing, a list, a set, a dict, a tuple or a str (other iterables are not supported yet; write a set comprehension)",
                ))
            }
        }
        Ok(SomeValue::Set(items))
    }

    pub(super) fn set_method(
        &mut self,
        f: FuncId,
        b: BlockId,
        items: ListId,
        name: &Rc<str>,
        args: &[SomeValue],
        span: Span,
    ) -> AResult {
        let arity = match &**name {
            "add" | "remove" | "discard" | "update" => 1,
            "clear" | "copy" | "pop" => 0,
            _ => {
                return Err(Diagnostic::error(
                    span,
                    format!("set has no method `{name}` the translator supports"),
                ))
            }
        };
        if args.len() != arity {
            return Err(Diagnostic::error(
                span,
                format!("set.{name}() takes {arity} argument(s), got {}", args.len()),
            ));
        }
        match &**name {
            "add" | "remove" | "discard" => {
                self.store_key(items, &args[0], span)?;
                Ok(SomeValue::None)
            }
            "update" => match &args[0] {
                SomeValue::Set(other) => {
                    let t = self.types();
                    SomeValue::Set(items)
                        .union(&SomeValue::Set(*other), &t)
                        .ok_or_else(|| {
                            Diagnostic::error(span, "set.update() with a set of another item type")
                        })?;
                    Ok(SomeValue::None)
                }
                other => Err(Diagnostic::error(
                    span,
                    format!(
                        "set.update() of {} is not supported",
                        with_article(other, &self.types())
                    ),
                )),
            },
            "copy" => Ok(SomeValue::Set(items)),
            "pop" => Ok(self.read_items(items, f, b)),
            _ => Ok(SomeValue::None), // clear
        }
    }

    pub(super) fn dict_getitem(
        &mut self,
        f: FuncId,
        b: BlockId,
        keys: ListId,
        values: ListId,
        key: &SomeValue,
        span: Span,
    ) -> AResult {
        self.store_key(keys, key, span)?;
        Ok(self.read_items(values, f, b))
    }

    pub(super) fn dict_setitem(
        &mut self,
        keys: ListId,
        values: ListId,
        key: &SomeValue,
        value: &SomeValue,
        span: Span,
    ) -> AResult {
        self.store_key(keys, key, span)?;
        self.store_item(values, value, span)?;
        Ok(SomeValue::None)
    }

    pub(super) fn delitem(&mut self, args: &[SomeValue], span: Span) -> AResult {
        match &args[0] {
            SomeValue::Dict(keys, _) => {
                self.store_key(*keys, &args[1], span)?;
                Ok(SomeValue::None)
            }
            SomeValue::List(_) if matches!(args[1], SomeValue::Int | SomeValue::Bool) => {
                Ok(SomeValue::None)
            }
            other => Err(Diagnostic::error(
                span,
                format!(
                    "`del` of an item of {} is not supported",
                    with_article(other, &self.types())
                ),
            )),
        }
    }

    /// IterPos / IterMore / IterItem of `for x in seq`.
    pub(super) fn iter_op(
        &mut self,
        f: FuncId,
        b: BlockId,
        op: &crate::flowgraph::hlop::HlOp,
        seq: &SomeValue,
        span: Span,
    ) -> AResult {
        use crate::flowgraph::hlop::HlOp;
        let item = match seq {
            SomeValue::List(id) => match op {
                HlOp::IterItem => self.read_items(*id, f, b),
                _ => SomeValue::Impossible,
            },
            SomeValue::Dict(keys, _) | SomeValue::Set(keys) => match op {
                HlOp::IterItem => self.read_items(*keys, f, b),
                _ => SomeValue::Impossible,
            },
            SomeValue::Str { can_be_none: false } => SomeValue::Str { can_be_none: false },
            SomeValue::Tuple(items) => match op {
                HlOp::IterItem => self.tuple_item(items, span)?,
                _ => SomeValue::Impossible,
            },
            SomeValue::Bytes => SomeValue::Int,
            SomeValue::File { binary } => match op {
                HlOp::IterPos => SomeValue::Int,
                _ => return Ok(self.file_iter(*op == HlOp::IterItem, *binary)),
            },
            SomeValue::Instance {
                class,
                can_be_none: false,
            } if self.program.class(*class).generator.is_some() => {
                // IterMore resumes the generator, IterItem reads what it
                // yielded.
                let resume = self.program.class(*class).generator.unwrap();
                match op {
                    HlOp::IterMore => {
                        let args = std::slice::from_ref(seq);
                        return self.call_function(f, b, resume, args, 1, &[], span);
                    }
                    HlOp::IterItem => {
                        let field = crate::parse::generators::VALUE_FIELD.into();
                        return self.getattr(f, b, &field, seq, span);
                    }
                    _ => SomeValue::Impossible,
                }
            }
            other => {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "iterating over {} is not supported yet",
                        with_article(other, &self.types())
                    ),
                ))
            }
        };
        Ok(match op {
            HlOp::IterPos => SomeValue::Int,
            HlOp::IterMore => SomeValue::Bool,
            _ => item,
        })
    }

    /// What `for x in t` gives for a tuple: the items' common type, when
    /// they are laid out alike (the loop reads the slot at its index).
    fn tuple_item(&self, items: &[SomeValue], span: Span) -> AResult {
        let types = self.types();
        let mut common = SomeValue::Impossible;
        for item in items {
            common = common.union(item, &types).ok_or_else(|| {
                Diagnostic::error(
                    span,
                    format!(
                        "iterating over a tuple of {} and {} is not supported: its items need one type",
                        common.describe(&types),
                        item.describe(&types)
                    ),
                )
            })?;
        }
        // Strs, or instances of classes of one hierarchy, share their
        // layout whatever their union; anything else must be alike.
        let alike = |a: &SomeValue| match (a, &common) {
            (SomeValue::Str { .. }, SomeValue::Str { .. }) => true,
            (SomeValue::Instance { .. }, SomeValue::Instance { .. }) => true,
            (a, c) => a == c,
        };
        if !items.iter().all(alike) {
            return Err(Diagnostic::error(
                span,
                format!(
                    "iterating over {} is not supported: its items are laid out differently",
                    with_article(&SomeValue::Tuple(items.to_vec()), &types)
                ),
            ));
        }
        Ok(common)
    }

    /// `next(g)` (resuming it) and `iter(g)` of a generator; `iter(seq)`
    /// calls the site's helper generator (args[1]).
    pub(super) fn generator_op(
        &mut self,
        f: FuncId,
        b: BlockId,
        op: &crate::flowgraph::hlop::HlOp,
        args: &[SomeValue],
        span: Span,
    ) -> AResult {
        let it = &args[0];
        let resume = match it {
            SomeValue::Instance {
                class,
                can_be_none: false,
            } => self.program.class(*class).generator,
            _ => None,
        };
        if let (None, Some(SomeValue::Func(helper))) = (resume, args.get(1)) {
            return self.call_function(f, b, *helper, &args[..1], 1, &[], span);
        }
        let Some(resume) = resume else {
            let what = match op {
                crate::flowgraph::hlop::HlOp::Iter => "iter",
                _ => "next",
            };
            return Err(Diagnostic::error(
                span,
                format!(
                    "{what}() of {}: it is not an iterator",
                    with_article(it, &self.types())
                ),
            )
            .with_help(
                "`it = iter(seq)` makes an iterator over a sequence; `next(it)` then works",
            ));
        };
        match op {
            crate::flowgraph::hlop::HlOp::Iter => Ok(it.clone()),
            _ => self.call_function(f, b, resume, std::slice::from_ref(it), 1, &[], span),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn dict_method(
        &mut self,
        f: FuncId,
        b: BlockId,
        site: VarId,
        (keys, values): (ListId, ListId),
        name: &Rc<str>,
        args: &[SomeValue],
        span: Span,
    ) -> AResult {
        let Some(&(_, min, max)) = DICT_METHODS.iter().find(|(n, ..)| *n == &**name) else {
            return Err(Diagnostic::error(
                span,
                format!("dict has no method `{name}` the translator supports"),
            ));
        };
        if args.len() < min || args.len() > max {
            return Err(Diagnostic::error(
                span,
                format!(
                    "dict.{name}() takes {min} to {max} arguments, got {}",
                    args.len()
                ),
            ));
        }
        let with_default = |this: &mut Self, value: SomeValue, dflt: Option<&SomeValue>| match dflt
        {
            None => Ok(value),
            Some(d) => value.union(d, &this.types()).ok_or_else(|| {
                Diagnostic::error(
                    span,
                    format!(
                        "the default of dict.{name}() is {}, but the values are {}",
                        with_article(d, &this.types()),
                        value.describe(&this.types())
                    ),
                )
            }),
        };
        match &**name {
            "get" => {
                self.store_key(keys, &args[0], span)?;
                let v = self.read_items(values, f, b);
                let dflt = args.get(1).cloned().unwrap_or(SomeValue::None);
                with_default(self, v, Some(&dflt))
            }
            "pop" => {
                self.store_key(keys, &args[0], span)?;
                let v = self.read_items(values, f, b);
                with_default(self, v, args.get(1))
            }
            "setdefault" => {
                self.store_key(keys, &args[0], span)?;
                self.store_item(values, &args[1], span)?;
                Ok(self.read_items(values, f, b))
            }
            "keys" | "values" => {
                let of = if &**name == "keys" { keys } else { values };
                let list = self.lists.borrow_mut().at_site(f, site);
                let item = self.read_items(of, f, b);
                self.store_item(list, &item, span)?;
                Ok(SomeValue::List(list))
            }
            "items" => {
                let list = self.lists.borrow_mut().at_site(f, site);
                let k = self.read_items(keys, f, b);
                let v = self.read_items(values, f, b);
                self.store_item(list, &SomeValue::Tuple(vec![k, v]), span)?;
                Ok(SomeValue::List(list))
            }
            "update" => match &args[0] {
                SomeValue::Dict(k2, v2) => {
                    let k = self.read_items(*k2, f, b);
                    let v = self.read_items(*v2, f, b);
                    self.store_item(keys, &k, span)?;
                    self.store_item(values, &v, span)?;
                    Ok(SomeValue::None)
                }
                other => Err(Diagnostic::error(
                    span,
                    format!(
                        "dict.update() of {} is not supported",
                        with_article(other, &self.types())
                    ),
                )),
            },
            "copy" => Ok(SomeValue::Dict(keys, values)),
            _ => Ok(SomeValue::None), // clear
        }
    }
}
