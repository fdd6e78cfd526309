//! What the annotator knows about lists (RPython's ListDef): every list
//! created at one place in the program, and every list that flows into
//! the same variable as another, shares one item type. Lists are
//! mutable, so a store through one reference must be seen by every other:
//! list definitions that meet are merged (union-find) and their item
//! types unified.

use super::model::SomeValue;
use crate::diagnostics::Span;
use crate::flowgraph::ir::{BlockId, FuncId, VarId};
use indexmap::IndexSet;
use std::collections::HashMap;
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ListId(pub u32);

impl fmt::Display for ListId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "list{}", self.0)
    }
}

#[derive(Default)]
pub struct ListDefs {
    parent: Vec<ListId>,
    /// At roots: the item type, and where it was first given.
    item: Vec<SomeValue>,
    item_span: Vec<Option<Span>>,
    /// At roots: blocks that read items (re-flowed when the type grows).
    readers: Vec<IndexSet<(FuncId, BlockId)>>,
    by_site: HashMap<(FuncId, VarId, u8), ListId>,
    /// Blocks to re-flow because a list they read changed.
    dirty: Vec<(FuncId, BlockId)>,
}

impl ListDefs {
    pub fn find(&self, mut id: ListId) -> ListId {
        while self.parent[id.0 as usize] != id {
            id = self.parent[id.0 as usize];
        }
        id
    }

    /// The list created by the operation defining `site` (the same one
    /// every time the annotator flows that operation again).
    pub fn at_site(&mut self, f: FuncId, site: VarId) -> ListId {
        self.at_site_part(f, site, 0)
    }

    /// As `at_site`, for operations that make several item definitions
    /// (a dict's keys are part 0, its values part 1).
    pub fn at_site_part(&mut self, f: FuncId, site: VarId, part: u8) -> ListId {
        if let Some(&id) = self.by_site.get(&(f, site, part)) {
            return self.find(id);
        }
        let id = self.fresh(SomeValue::Impossible);
        self.by_site.insert((f, site, part), id);
        id
    }

    pub fn fresh(&mut self, item: SomeValue) -> ListId {
        let id = ListId(self.parent.len() as u32);
        self.parent.push(id);
        self.item.push(item);
        self.item_span.push(None);
        self.readers.push(IndexSet::new());
        id
    }

    pub fn item(&self, id: ListId) -> &SomeValue {
        &self.item[self.find(id).0 as usize]
    }

    pub fn item_span(&self, id: ListId) -> Option<Span> {
        self.item_span[self.find(id).0 as usize]
    }

    pub fn add_reader(&mut self, id: ListId, f: FuncId, b: BlockId) {
        let r = self.find(id);
        self.readers[r.0 as usize].insert((f, b));
    }

    /// Sets the item type of `id`'s list (already unified by the caller).
    pub fn set_item(&mut self, id: ListId, item: SomeValue, span: Span) {
        let r = self.find(id).0 as usize;
        if self.item[r] != item {
            self.item[r] = item;
            self.item_span[r].get_or_insert(span);
            let readers: Vec<_> = self.readers[r].iter().copied().collect();
            self.dirty.extend(readers);
        }
    }

    /// Makes `a` and `b` one list definition with item type `item`.
    pub fn link(&mut self, a: ListId, b: ListId, item: SomeValue) -> ListId {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return ra;
        }
        let (root, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[other.0 as usize] = root;
        let moved = std::mem::take(&mut self.readers[other.0 as usize]);
        self.readers[root.0 as usize].extend(moved);
        let span = self.item_span[root.0 as usize].or(self.item_span[other.0 as usize]);
        self.item_span[root.0 as usize] = span;
        self.item[root.0 as usize] = item;
        let readers: Vec<_> = self.readers[root.0 as usize].iter().copied().collect();
        self.dirty.extend(readers);
        root
    }

    /// Whether `s` is or holds (at any depth) the list `id`: storing such
    /// a value into `id` would give it an infinite item type.
    pub fn mentions(&self, s: &SomeValue, id: ListId) -> bool {
        let target = self.find(id);
        let mut seen = vec![];
        let mut todo = vec![s.clone()];
        while let Some(s) = todo.pop() {
            let ids = match s {
                SomeValue::List(l) | SomeValue::Set(l) => vec![l],
                SomeValue::Dict(k, v) => vec![k, v],
                SomeValue::Tuple(items) => {
                    todo.extend(items);
                    continue;
                }
                _ => continue,
            };
            for l in ids {
                let root = self.find(l);
                if root == target {
                    return true;
                }
                if !seen.contains(&root) {
                    seen.push(root);
                    todo.push(self.item(root).clone());
                }
            }
        }
        false
    }

    pub fn take_dirty(&mut self) -> Vec<(FuncId, BlockId)> {
        std::mem::take(&mut self.dirty)
    }
}
