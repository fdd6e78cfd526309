//! Annotation of list operations: displays, indexing, slicing, `+`/`*`
//! and the list methods. Stores generalize the list definition's item
//! type; reads register the block so it is flowed again when it grows.

use super::listdef::{ListDefs, ListId};
use super::model::{with_article, SomeValue, Types};
use super::Annotator;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::BinOp;
use crate::flowgraph::ir::{BlockId, FuncId, VarId};
use std::rc::Rc;

type AResult = Result<SomeValue, Diagnostic>;

/// The list methods the translator knows: name and (min, max) arguments.
pub const LIST_METHODS: &[(&str, usize, usize)] = &[
    ("append", 1, 1),
    ("pop", 0, 1),
    ("insert", 2, 2),
    ("extend", 1, 1),
    ("reverse", 0, 0),
    ("clear", 0, 0),
    ("copy", 0, 0),
    ("index", 1, 3),
    ("count", 1, 1),
    ("remove", 1, 1),
    ("sort", 0, 0),
];

/// Keys `sort` can order: numbers, strings, and tuples of those.
pub fn sortable(s: &SomeValue) -> bool {
    match s {
        SomeValue::Int
        | SomeValue::Bool
        | SomeValue::Float
        | SomeValue::Str { can_be_none: false }
        | SomeValue::Impossible => true,
        SomeValue::Tuple(items) => {
            !items.is_empty()
                && items.iter().all(|i| {
                    matches!(
                        i,
                        SomeValue::Int
                            | SomeValue::Bool
                            | SomeValue::Float
                            | SomeValue::Str { can_be_none: false }
                    )
                })
        }
        _ => false,
    }
}

/// Items that `in`, `index`, `count`, `remove` and `==` can compare:
/// numbers, strings, None, instances (by identity), and lists of those,
/// nested up to three deep.
pub fn comparable_item(s: &SomeValue, lists: &ListDefs) -> bool {
    matches!(
        innermost_item(s, lists),
        Some(
            SomeValue::Int
                | SomeValue::Bool
                | SomeValue::Float
                | SomeValue::Str { .. }
                | SomeValue::Instance { .. }
                | SomeValue::None
                | SomeValue::Impossible
        )
    )
}

/// Items that `< <= > >=` between lists can order: ints, bools, floats,
/// strings that are never None, and lists of those (nested as for ==).
pub fn orderable_item(s: &SomeValue, lists: &ListDefs) -> bool {
    matches!(
        innermost_item(s, lists),
        Some(
            SomeValue::Int
                | SomeValue::Bool
                | SomeValue::Float
                | SomeValue::Str { can_be_none: false }
                | SomeValue::Impossible
        )
    )
}

/// What an item that is a list of lists (of lists...) holds at the
/// bottom; `s` itself when it is not a list. None when the lists nest
/// deeper than the runtime's `rpy_eq_kind` code holds (three levels).
pub fn innermost_item(s: &SomeValue, lists: &ListDefs) -> Option<SomeValue> {
    let mut s = s;
    for _ in 0..=3 {
        match s {
            SomeValue::List(id) => s = lists.item(*id),
            other => return Some(other.clone()),
        }
    }
    None
}

impl Annotator<'_> {
    pub(super) fn types(&self) -> Types<'_> {
        Types {
            program: self.program,
            lists: &self.lists,
        }
    }

    fn item_of(&self, id: ListId) -> SomeValue {
        self.lists.borrow().item(id).clone()
    }

    /// Unifies `value` into the items of list `id`.
    pub(super) fn store_item(
        &mut self,
        id: ListId,
        value: &SomeValue,
        span: Span,
    ) -> Result<(), Diagnostic> {
        if value.holds_unsigned() {
            return Err(Diagnostic::error(
                span,
                "r_uint values cannot be stored in lists, dicts or sets yet",
            )
            .with_help("store intmask(x), the int with the same 64 bits, and r_uint() it back"));
        }
        let old = self.item_of(id);
        let Some(joined) = old.union(value, &self.types()) else {
            let t = self.types();
            let mut d = Diagnostic::error(
                span,
                format!(
                    "this list holds {} and {} is stored into it here",
                    plural(&old, &t),
                    with_article(value, &t)
                ),
            )
            .with_help("a list has one item type; convert the value or use another list");
            if let Some(first) = self.lists.borrow().item_span(id) {
                d = d.with_note(
                    Some(first),
                    format!("its items were given type {} here", old.describe(&t)),
                );
            }
            return Err(d);
        };
        if self.lists.borrow().mentions(&joined, id) {
            return Err(Diagnostic::error(
                span,
                format!(
                    "storing {} here puts a list, dict or set inside itself, which is not supported (its type would be infinite)",
                    with_article(value, &self.types())
                ),
            ));
        }
        self.lists.borrow_mut().set_item(id, joined, span);
        Ok(())
    }

    pub(super) fn read_items(&mut self, id: ListId, f: FuncId, b: BlockId) -> SomeValue {
        self.lists.borrow_mut().add_reader(id, f, b);
        self.item_of(id)
    }

    pub(super) fn new_list(
        &mut self,
        f: FuncId,
        site: VarId,
        items: &[SomeValue],
        span: Span,
    ) -> AResult {
        let id = self.lists.borrow_mut().at_site(f, site);
        for s in items {
            self.store_item(id, s, span)?;
        }
        Ok(SomeValue::List(id))
    }

    pub(super) fn list_getitem(
        &mut self,
        f: FuncId,
        b: BlockId,
        args: &[SomeValue],
        span: Span,
    ) -> AResult {
        let SomeValue::List(id) = args[0] else {
            unreachable!()
        };
        check_index(&args[1], &self.types(), span)?;
        Ok(self.read_items(id, f, b))
    }

    pub(super) fn setitem(&mut self, args: &[SomeValue], span: Span) -> AResult {
        match &args[0] {
            SomeValue::List(id) => {
                check_index(&args[1], &self.types(), span)?;
                self.store_item(*id, &args[2], span)?;
                Ok(SomeValue::None)
            }
            other => Err(Diagnostic::error(
                span,
                format!(
                    "{} does not support item assignment",
                    with_article(other, &self.types())
                ),
            )),
        }
    }

    pub(super) fn getslice(&mut self, args: &[SomeValue], span: Span) -> AResult {
        for bound in &args[1..] {
            if !matches!(bound, SomeValue::Int | SomeValue::Bool | SomeValue::None) {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "slice indices must be ints or None, not {}",
                        bound.describe(&self.types())
                    ),
                ));
            }
        }
        match &args[0] {
            // A slice is a new list with the same item type (RPython
            // shares the list definition).
            SomeValue::List(id) => Ok(SomeValue::List(*id)),
            SomeValue::Str { can_be_none: false } => Ok(SomeValue::Str { can_be_none: false }),
            SomeValue::Bytes => Ok(SomeValue::Bytes),
            other => Err(Diagnostic::error(
                span,
                format!(
                    "slicing {} is not supported yet",
                    with_article(other, &self.types())
                ),
            )),
        }
    }

    /// The list a starred target gets from `seq` (see
    /// `HlOp::StarredItems`): a slice of a list, the characters of a str,
    /// a list of the tuple's items in that range.
    pub(super) fn starred_items(
        &mut self,
        f: FuncId,
        site: VarId,
        seq: &SomeValue,
        (start, after): (usize, usize),
        span: Span,
    ) -> AResult {
        let items: Vec<SomeValue> = match seq {
            SomeValue::List(id) => return Ok(SomeValue::List(*id)),
            SomeValue::Str { can_be_none: false } => vec![seq.clone()],
            SomeValue::Tuple(items) => items[start..items.len() - after].to_vec(),
            _ => return Ok(SomeValue::Impossible),
        };
        let id = self.lists.borrow_mut().at_site(f, site);
        for item in &items {
            self.store_item(id, item, span)?;
        }
        Ok(SomeValue::List(id))
    }

    /// `seq[lo:hi:st] = items` (args seq, lo, hi, st, items) and
    /// `del seq[lo:hi:st]` (no items): lists only, the items of the same
    /// type (they are stored into seq).
    pub(super) fn setslice(&mut self, args: &[SomeValue], span: Span) -> AResult {
        let SomeValue::List(id) = args[0] else {
            return Err(Diagnostic::error(
                span,
                format!(
                    "{} does not support slice assignment or deletion",
                    with_article(&args[0], &self.types())
                ),
            ));
        };
        self.getslice(&args[..4], span)?;
        if let Some(items) = args.get(4) {
            let t = self.types();
            match items {
                SomeValue::List(_) => {
                    SomeValue::List(id).union(items, &t).ok_or_else(|| {
                        Diagnostic::error(
                            span,
                            format!(
                                "assigning {} to a slice of {}",
                                with_article(items, &t),
                                args[0].describe(&t)
                            ),
                        )
                    })?;
                }
                other => {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "slice assignment takes a list here, not {}",
                            with_article(other, &t)
                        ),
                    ))
                }
            }
        }
        Ok(SomeValue::None)
    }

    pub(super) fn list_binary(&mut self, op: BinOp, args: &[SomeValue], span: Span) -> AResult {
        match (op, &args[0], &args[1]) {
            (BinOp::Add, SomeValue::List(_), SomeValue::List(_)) => {
                let t = self.types();
                args[0].union(&args[1], &t).ok_or_else(|| {
                    Diagnostic::error(
                        span,
                        format!(
                            "cannot concatenate {} and {}: their items differ",
                            args[0].describe(&t),
                            args[1].describe(&t)
                        ),
                    )
                })
            }
            (BinOp::Mul, SomeValue::List(id), SomeValue::Int | SomeValue::Bool)
            | (BinOp::Mul, SomeValue::Int | SomeValue::Bool, SomeValue::List(id)) => {
                Ok(SomeValue::List(*id))
            }
            _ => Err(Diagnostic::error(
                span,
                format!(
                    "unsupported operand types for {}: {} and {}",
                    op.symbol(),
                    args[0].describe(&self.types()),
                    args[1].describe(&self.types())
                ),
            )),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn list_method(
        &mut self,
        f: FuncId,
        b: BlockId,
        id: ListId,
        name: &Rc<str>,
        args: &[SomeValue],
        keywords: &[Rc<str>],
        span: Span,
    ) -> AResult {
        let Some(&(_, min, max)) = LIST_METHODS.iter().find(|(n, _, _)| **n == **name) else {
            return Err(Diagnostic::error(
                span,
                format!(
                    "lists have no method `{name}` (or the translator does not support it yet)"
                ),
            ));
        };
        if &**name == "sort" {
            return self.list_sort(f, b, id, args, keywords, span);
        }
        if !keywords.is_empty() {
            return Err(Diagnostic::error(
                span,
                format!("keyword arguments to list.{name}() are not supported yet"),
            ));
        }
        if args.len() < min || args.len() > max {
            return Err(Diagnostic::error(
                span,
                format!(
                    "list.{name}() takes {min}..{max} arguments, got {}",
                    args.len()
                ),
            ));
        }
        let t = self.types();
        let item = self.item_of(id);
        match &**name {
            "append" => {
                self.store_item(id, &args[0], span)?;
                Ok(SomeValue::None)
            }
            "insert" => {
                check_index(&args[0], &t, span)?;
                self.store_item(id, &args[1], span)?;
                Ok(SomeValue::None)
            }
            "pop" => {
                if let Some(i) = args.first() {
                    check_index(i, &t, span)?;
                }
                Ok(self.read_items(id, f, b))
            }
            "extend" => match &args[0] {
                SomeValue::List(_) => {
                    SomeValue::List(id).union(&args[0], &t).ok_or_else(|| {
                        Diagnostic::error(span, "extend() with a list of another item type")
                    })?;
                    Ok(SomeValue::None)
                }
                other => Err(Diagnostic::error(
                    span,
                    format!(
                        "list.extend() of {} is not supported yet",
                        with_article(other, &t)
                    ),
                )),
            },
            "reverse" | "clear" => Ok(SomeValue::None),
            "copy" => Ok(SomeValue::List(id)),
            "index" | "count" | "remove" => {
                if let Some(bound) = args[1..]
                    .iter()
                    .find(|a| !matches!(a, SomeValue::Int | SomeValue::Bool))
                {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "list.index() bounds must be ints, not {}",
                            with_article(bound, &t)
                        ),
                    ));
                }
                if !comparable_item(&item, &self.lists.borrow())
                    || item.union(&args[0], &t).is_none()
                {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "list.{name}() of {} in {} is not supported",
                            with_article(&args[0], &t),
                            SomeValue::List(id).describe(&t)
                        ),
                    ));
                }
                self.lists.borrow_mut().add_reader(id, f, b);
                Ok(if &**name == "remove" {
                    SomeValue::None
                } else {
                    SomeValue::Int
                })
            }
            _ => unreachable!("listed in LIST_METHODS"),
        }
    }

    /// `l.sort(key=f, reverse=r)`: the key function is called on the
    /// items; the keys must be orderable (numbers, strings, or tuples of
    /// those).
    pub(super) fn list_sort(
        &mut self,
        f: FuncId,
        b: BlockId,
        id: ListId,
        args: &[SomeValue],
        keywords: &[Rc<str>],
        span: Span,
    ) -> AResult {
        let n_pos = args.len() - keywords.len();
        if n_pos != 0 {
            return Err(Diagnostic::error(
                span,
                "sort() takes no positional arguments: use key= and reverse=",
            ));
        }
        let item = self.read_items(id, f, b);
        let mut key_type = item.clone();
        for (k, v) in keywords.iter().zip(&args[n_pos..]) {
            match (&**k, v) {
                ("reverse", SomeValue::Bool | SomeValue::Int) => {}
                ("key", SomeValue::Func(_) | SomeValue::Closure(..)) => {
                    if item == SomeValue::Impossible {
                        continue; // no items yet: nothing to call it with
                    }
                    let (key, mut key_args) = match v {
                        SomeValue::Closure(key, env) => (*key, env.clone()),
                        SomeValue::Func(key) => (*key, vec![]),
                        _ => unreachable!(),
                    };
                    key_args.push(item.clone());
                    let n = key_args.len();
                    key_type = self.call_function(f, b, key, &key_args, n, &[], span)?;
                    if key_type == SomeValue::Impossible {
                        return Ok(SomeValue::Impossible); // not known yet
                    }
                }
                ("key", SomeValue::None) => {}
                (k, v) => {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "sort() with {k}={} is not supported",
                            with_article(v, &self.types())
                        ),
                    ))
                }
            }
        }
        if !sortable(&key_type) {
            return Err(Diagnostic::error(
                span,
                format!(
                    "sorting by {} is not supported: keys must be numbers, strings, or tuples of those",
                    with_article(&key_type, &self.types())
                ),
            ));
        }
        Ok(SomeValue::None)
    }

    /// `sorted(l, key=f, reverse=r)`: a sorted copy (of a set: a new
    /// list of its items, made at this call).
    pub(super) fn sorted(
        &mut self,
        f: FuncId,
        b: BlockId,
        site: VarId,
        args: &[SomeValue],
        keywords: &[Rc<str>],
        span: Span,
    ) -> AResult {
        let n_pos = args.len() - keywords.len();
        let id = match args.first() {
            Some(SomeValue::List(id)) if n_pos == 1 => *id,
            Some(SomeValue::Set(items)) if n_pos == 1 => {
                let item = self.read_items(*items, f, b);
                let id = self.lists.borrow_mut().at_site(f, site);
                self.store_item(id, &item, span)?;
                id
            }
            // Its characters.
            Some(s @ SomeValue::Str { can_be_none: false }) if n_pos == 1 => {
                let id = self.lists.borrow_mut().at_site(f, site);
                self.store_item(id, s, span)?;
                id
            }
            other => {
                return Err(Diagnostic::error(
                    span,
                    match other {
                        Some(a) if n_pos == 1 => format!(
                            "sorted() of {} is not supported yet",
                            with_article(a, &self.types())
                        ),
                        _ => "sorted() takes one list".to_string(),
                    },
                ))
            }
        };
        let r = self.list_sort(f, b, id, &args[1..], keywords, span)?;
        if r == SomeValue::Impossible {
            return Ok(r);
        }
        // A new list with the same item definition (as list.copy()).
        Ok(SomeValue::List(id))
    }
}

fn check_index(i: &SomeValue, t: &Types, span: Span) -> Result<(), Diagnostic> {
    match i {
        SomeValue::Int | SomeValue::Bool => Ok(()),
        other => Err(Diagnostic::error(
            span,
            format!("list indices must be ints, not {}", other.describe(t)),
        )),
    }
}

/// "ints", "strs": the items of a list in a message.
fn plural(s: &SomeValue, t: &Types) -> String {
    match s {
        SomeValue::Instance { .. } => format!("{} instances", s.describe(t)),
        other => format!("{}s", other.describe(t)),
    }
}
