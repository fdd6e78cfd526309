//! Memory layout of instances and the per-type tables behind method
//! calls and class attributes.
//!
//! Type ids are given in preorder of the class hierarchy, so the
//! instances of a class and its subclasses have consecutive ids and
//! `isinstance` is a range check on the header. There are no vtable
//! pointers in objects: a method call loads the function from a table
//! indexed by the receiver's type id (one table per method name and base
//! class), which costs the same two loads and saves a word per object.

use super::llop::{FieldRef, FuncSetId, TableId};
use super::lltype::LlType;
use super::lltype_of;
use crate::annotate::classdef::ClassDefs;
use crate::flowgraph::ir::{ClassId, Constant};
use crate::parse::program::Program;
use indexmap::IndexMap;
use std::rc::Rc;

/// The first type id of program classes (`RPY_TID_FIRST_USER`).
pub const FIRST_USER_TID: u32 = 16;

/// Bytes of the object header (type id and GC flags).
pub const HEADER_BYTES: u32 = 8;

pub struct ClassLayout {
    /// `module.Class`, for symbols and dumps.
    pub name: String,
    /// As a traceback names it: `ValueError`, `MyError` (of the target
    /// module, which runs as `__main__`), `mod.MyError`.
    pub display_name: String,
    pub tid: u32,
    /// The largest type id of the class and its subclasses.
    pub tid_max: u32,
    /// All fields, base-class fields first. Attributes that only ever
    /// hold None need no storage and are left out.
    pub fields: Vec<(Rc<str>, LlType)>,
}

impl ClassLayout {
    /// Every field takes one 8-byte word (a bool uses its first byte), so
    /// offsets do not depend on the target's data layout.
    pub fn field_offset(index: u32) -> u32 {
        HEADER_BYTES + 8 * index
    }
    /// At least 16 bytes: the collector stores a forwarding address after
    /// the header of a moved object.
    pub fn size(&self) -> u32 {
        (HEADER_BYTES + 8 * self.fields.len() as u32).max(16)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum TableKind {
    /// Function pointers.
    Method,
    /// Values of a class-body constant.
    ClassAttr(LlType),
}

pub struct TidTable {
    /// `Class.name`, for the symbol.
    pub name: String,
    pub kind: TableKind,
    pub min_tid: u32,
    /// One entry per type id from `min_tid`; `None` where no instance of
    /// that type can reach the lookup.
    pub entries: Vec<Option<Constant>>,
}

/// The built-in exception raised for each `enum rpy_exc_kind` (rpy.h).
const EXC_KINDS: [&str; 21] = [
    "ZeroDivisionError",
    "OverflowError",
    "ValueError",
    "IndexError",
    "RecursionError",
    "MemoryError",
    "TypeError",
    "AssertionError",
    "UnboundLocalError",
    "AttributeError",
    "KeyError",
    "NameError",
    "OSError",
    "FileNotFoundError",
    "PermissionError",
    "IsADirectoryError",
    "NotADirectoryError",
    "FileExistsError",
    "UnicodeDecodeError",
    "io.UnsupportedOperation",
    "RuntimeError",
];

pub struct ClassLayouts {
    pub classes: IndexMap<ClassId, ClassLayout>,
    /// The type id of the class of each runtime exception kind.
    pub exc_kind_tids: Vec<u32>,
    /// Where exception instances keep their message (`str(e)`).
    pub exc_message_offset: u32,
    pub tables: Vec<TidTable>,
    table_ids: IndexMap<(ClassId, Rc<str>), TableId>,
    /// The type id of each tuple layout (item types), numbered after the
    /// classes.
    pub tuples: IndexMap<Vec<LlType>, u32>,
    /// The sets of functions behind `IndirectCall`s, by `FuncSetId`.
    pub func_sets: indexmap::IndexSet<Rc<[crate::flowgraph::ir::FuncId]>>,
    /// Method calls that class-hierarchy analysis found one target for
    /// (direct calls, which the inliner may then copy), and those that
    /// dispatch through a table; for `--stats`.
    pub method_calls_devirtualized: usize,
    pub method_calls_dispatched: usize,
    /// The text methods the runtime calls back, by the number in their
    /// descriptor `O<n>;` (rpy_repr.c): `__repr__` of the instances
    /// inside containers it shows, `__str__` or `__repr__` of an instance
    /// that may be None; each with its table, dispatched by the generated
    /// `rpy_instance_repr`.
    pub text_tables: IndexMap<(ClassId, Rc<str>), TableId>,
    next_tid: u32,
}

/// The numbers of the `O<n>;` items of a repr descriptor (indexes into
/// `ClassLayouts::text_tables`).
pub fn text_table_numbers(desc: &str) -> Vec<usize> {
    let mut out = vec![];
    let mut rest = desc;
    while let Some(i) = rest.find('O') {
        rest = &rest[i + 1..];
        let end = rest.find(';').expect("O<n>; is closed");
        out.push(rest[..end].parse().expect("a table number"));
        rest = &rest[end + 1..];
    }
    out
}

impl ClassLayouts {
    pub fn new(p: &Program, defs: &ClassDefs) -> ClassLayouts {
        let mut classes = IndexMap::new();
        let mut next_tid = FIRST_USER_TID;
        let roots = (0..p.classes.len() as u32)
            .map(ClassId)
            .filter(|c| p.class(*c).base.is_none());
        for root in roots {
            for c in p.subtree(root) {
                let desc = p.class(c);
                let mut fields = match desc.base {
                    Some(b) => classes
                        .get(&b)
                        .map(|l: &ClassLayout| l.fields.clone())
                        .unwrap_or_default(),
                    None => vec![],
                };
                if let Some(attrs) = defs.attrs.get(&c) {
                    for (name, attr) in attrs {
                        let t = lltype_of(&attr.value);
                        if t != LlType::Void {
                            fields.push((name.clone(), t));
                        }
                    }
                }
                let name = format!("{}.{}", p.module(desc.module).name, desc.name);
                // CPython names the module, except builtins and __main__.
                let display_name =
                    if p.is_builtin_class(c) || p.module(desc.module).name == "__main__" {
                        desc.name.clone()
                    } else {
                        name.clone()
                    };
                classes.insert(
                    c,
                    ClassLayout {
                        name,
                        display_name,
                        tid: next_tid,
                        tid_max: 0,
                        fields,
                    },
                );
                next_tid += 1;
            }
        }
        for c in (0..p.classes.len() as u32).map(ClassId) {
            let max = p.subtree(c).iter().map(|k| classes[k].tid).max().unwrap();
            classes.get_mut(&c).unwrap().tid_max = max;
        }
        let exc_kind_tids = EXC_KINDS
            .iter()
            .map(|k| classes[&p.builtin_classes[*k]].tid)
            .collect();
        let base = &classes[&crate::parse::program::BASE_EXCEPTION];
        let message = base
            .fields
            .iter()
            .position(|(n, _)| &**n == crate::annotate::classdef::EXC_MESSAGE)
            .expect("BaseException has a message field");
        ClassLayouts {
            exc_kind_tids,
            exc_message_offset: ClassLayout::field_offset(message as u32),
            classes,
            tables: vec![],
            table_ids: IndexMap::new(),
            tuples: IndexMap::new(),
            func_sets: Default::default(),
            method_calls_devirtualized: 0,
            method_calls_dispatched: 0,
            text_tables: IndexMap::new(),
            next_tid,
        }
    }

    /// A type id for a type of the program's own (not a class or tuple).
    pub fn new_tid(&mut self) -> u32 {
        self.next_tid += 1;
        self.next_tid - 1
    }

    /// The type id of tuples with these item types.
    pub fn tuple_tid(&mut self, items: &[LlType]) -> u32 {
        if let Some(&t) = self.tuples.get(items) {
            return t;
        }
        let t = self.next_tid;
        self.next_tid += 1;
        self.tuples.insert(items.to_vec(), t);
        t
    }

    /// The id of a set of functions called through a function value.
    pub fn func_set(&mut self, functions: &Rc<[crate::flowgraph::ir::FuncId]>) -> FuncSetId {
        FuncSetId(self.func_sets.insert_full(functions.clone()).0 as u32)
    }

    /// The functions a call operation can run.
    pub fn callees(&self, op: &super::llop::LlOp) -> Vec<crate::flowgraph::ir::FuncId> {
        match op {
            super::llop::LlOp::DirectCall(f) => vec![*f],
            super::llop::LlOp::ListSortKeyed(s) => s.key.iter().map(|k| k.0).collect(),
            // Showing a container of instances calls their `__repr__`.
            super::llop::LlOp::Format(pieces) => pieces
                .iter()
                .filter_map(|p| match p {
                    super::llop::FormatPiece::Repr(d) => Some(d),
                    _ => None,
                })
                .flat_map(|d| text_table_numbers(d))
                .filter_map(|n| self.text_tables.get_index(n).map(|(_, t)| t))
                .flat_map(|t| self.tables[t.0 as usize].entries.iter())
                .filter_map(|e| match e {
                    Some(Constant::Func(f)) => Some(*f),
                    _ => None,
                })
                .collect(),
            super::llop::LlOp::IndirectCall(s) => self.func_sets[s.0 as usize].to_vec(),
            super::llop::LlOp::MethodCall(t) => self.tables[t.0 as usize]
                .entries
                .iter()
                .filter_map(|e| match e {
                    Some(Constant::Func(f)) => Some(*f),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        }
    }

    /// The field `name` of instances of `class`, if it has storage.
    pub fn field(
        &self,
        p: &Program,
        defs: &ClassDefs,
        class: ClassId,
        name: &Rc<str>,
    ) -> Option<(FieldRef, LlType)> {
        let owner = p.mro(class).find(|k| defs.attr(*k, name).is_some())?;
        let layout = &self.classes[&owner];
        let index = layout.fields.iter().position(|(n, _)| n == name)?;
        Some((
            FieldRef {
                class: owner,
                index: index as u32,
                name: name.clone(),
            },
            layout.fields[index].1,
        ))
    }

    /// The table of `name` for instances of `class`, filling each entry
    /// with `entry(k)` for the classes at or below `class`.
    pub fn table(
        &mut self,
        p: &Program,
        class: ClassId,
        name: &Rc<str>,
        kind: TableKind,
        entry: impl Fn(ClassId) -> Option<Constant>,
    ) -> TableId {
        if let Some(&t) = self.table_ids.get(&(class, name.clone())) {
            return t;
        }
        let layout = &self.classes[&class];
        let (min, max) = (layout.tid, layout.tid_max);
        let mut entries = vec![None; (max - min + 1) as usize];
        for k in p.subtree(class) {
            entries[(self.classes[&k].tid - min) as usize] = entry(k);
        }
        let id = TableId(self.tables.len() as u32);
        self.tables.push(TidTable {
            name: format!("{}.{name}", p.class(class).name),
            kind,
            min_tid: min,
            entries,
        });
        self.table_ids.insert((class, name.clone()), id);
        id
    }
}

#[cfg(test)]
mod tests {
    /// EXC_KINDS is indexed by `enum rpy_exc_kind` (rpy.h): RPY_EXC_KEY
    /// is "KeyError", and there is one entry per kind.
    #[test]
    fn exception_kinds_match_the_runtime() {
        let header = include_str!("../../../runtime/rpy.h");
        let mut count = None;
        let mut kinds = 0;
        for line in header.lines() {
            let Some(rest) = line.trim().strip_prefix("RPY_EXC_") else {
                continue;
            };
            let Some((name, value)) = rest.split_once(" = ") else {
                continue;
            };
            let n: usize = value
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .unwrap();
            if name.trim() == "KIND_COUNT" {
                count = Some(n);
                continue;
            }
            // Acronyms keep their capitals; one kind lives in `io`.
            let words = name.trim().replace("OS", "O_S");
            let camel: String = words
                .split('_')
                .map(|w| w[..1].to_string() + &w[1..].to_lowercase())
                .collect();
            let python = match camel.as_str() {
                "UnsupportedOperation" => "io.UnsupportedOperation".to_string(),
                _ => camel + "Error",
            };
            assert_eq!(super::EXC_KINDS[n], python, "kind {n}");
            kinds += 1;
        }
        assert_eq!(count, Some(super::EXC_KINDS.len()));
        assert_eq!(kinds, super::EXC_KINDS.len());
    }
}
