//! Phase 7, database: collects everything the program needs at run time
//! (functions, string constants, runtime helpers) in a deterministic order
//! and gives each function its symbol name. Read-only over the graphs.
//!
//! Entry point: [`build_database`].

use crate::flowgraph::ir::{Constant, FuncId, PrebuiltId, Value};
use crate::rtype::classes::ClassLayout;
use crate::rtype::LlProgram;
use crate::stackcheck::Recursion;
use indexmap::{IndexMap, IndexSet};
use std::rc::Rc;

/// How the collector sees one type (`rpy_type_info` in rpy.h).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeDesc {
    pub tid: u32,
    pub name: String,
    pub fixed_size: u32,
    pub gcptr_offsets: Vec<u32>,
    pub item_size: u32,
    pub items_offset: u32,
    pub length_offset: u32,
    pub extra_bytes: u32,
    pub items_are_gcptrs: bool,
}

/// A type of `size` bytes holding no GC pointers.
fn fixed(tid: u32, name: &str, size: u32) -> TypeDesc {
    TypeDesc {
        tid,
        name: name.to_string(),
        fixed_size: size,
        gcptr_offsets: vec![],
        item_size: 0,
        items_offset: 0,
        length_offset: 0,
        extra_bytes: 0,
        items_are_gcptrs: false,
    }
}

/// The runtime's own types, laid out as in rpy.h.
fn runtime_types() -> Vec<TypeDesc> {
    vec![
        // header, hash, length, nchars, then `length` bytes and a NUL.
        TypeDesc {
            item_size: 1,
            items_offset: 32,
            length_offset: 16,
            extra_bytes: 1,
            ..fixed(TID_STR, "str", 32)
        },
        // header, length, items (an rpy_array), start (the slot of item 0).
        TypeDesc {
            gcptr_offsets: vec![16],
            ..fixed(TID_LIST, "list", 32)
        },
        // header, length, used, kinds, key descriptor, then hashes, keys, values
        // and index, then a set's pop finger (rpy_dict).
        TypeDesc {
            gcptr_offsets: vec![40, 48, 56, 64],
            ..fixed(TID_DICT, "dict", 80)
        },
        array(3, "array[ptr]", 8, true),
        array(4, "array[i64]", 8, false),
        array(5, "array[f64]", 8, false),
        array(6, "array[u8]", 1, false),
    ]
}

const TID_STR: u32 = 1;
const TID_LIST: u32 = 2;
const TID_DICT: u32 = 7;

/// An `rpy_array`: header, length (its capacity), items.
fn array(tid: u32, name: &str, item_size: u32, gcptrs: bool) -> TypeDesc {
    TypeDesc {
        tid,
        name: name.to_string(),
        fixed_size: 16,
        gcptr_offsets: vec![],
        item_size,
        items_offset: 16,
        length_offset: 8,
        extra_bytes: 0,
        items_are_gcptrs: gcptrs,
    }
}

pub struct Database {
    /// Every type the collector may meet, by type id.
    pub types: Vec<TypeDesc>,
    /// Functions in emission order (entry point first, then by discovery
    /// along calls), with their symbol names.
    pub functions: IndexMap<FuncId, String>,
    /// Distinct string constants in order of first use.
    pub strings: IndexSet<Rc<str>>,
    /// Distinct bytes constants in order of first use.
    pub bytes: IndexSet<Rc<[u8]>>,
    /// Functions used as values, in order of first use: at run time a
    /// function value is its position here, an index into the table of
    /// function pointers that `IndirectCall` loads from.
    pub function_values: IndexSet<FuncId>,
    /// The prebuilt instances the program reads, directly or through
    /// another's fields, in order of first use.
    pub prebuilt: IndexSet<PrebuiltId>,
    pub recursion: Recursion,
}

/// The constants the program uses at run time, each once, in order of
/// first use.
#[derive(Default)]
struct Constants {
    strings: IndexSet<Rc<str>>,
    bytes: IndexSet<Rc<[u8]>>,
    function_values: IndexSet<FuncId>,
    prebuilt: IndexSet<PrebuiltId>,
}

impl Constants {
    fn note(&mut self, c: &Constant, program: &LlProgram) {
        match c {
            Constant::Str(s) => {
                self.strings.insert(s.clone());
            }
            Constant::Bytes(b) => {
                self.bytes.insert(b.clone());
            }
            Constant::Func(f) => {
                self.function_values.insert(*f);
            }
            // With what its fields hold.
            Constant::Prebuilt(p, _) if self.prebuilt.insert(*p) => {
                for field in program.prebuilt[p.index()].fields.iter().flatten() {
                    self.note(field, program);
                }
            }
            _ => {}
        }
    }
}

pub fn build_database(program: &LlProgram, recursion: Recursion) -> Database {
    let mut functions = IndexMap::new();
    let mut constants = Constants::default();
    let mut used_symbols = std::collections::HashSet::new();
    // The `__repr__` methods the runtime calls back (rpy_instance_repr)
    // are reached through it, not through a call in a graph.
    let repr_methods = program.classes.text_tables.values().flat_map(|t| {
        program.classes.tables[t.0 as usize]
            .entries
            .iter()
            .filter_map(|e| match e {
                Some(Constant::Func(f)) if program.graphs.contains_key(f) => Some(*f),
                _ => None,
            })
    });
    let mut roots: Vec<FuncId> = std::iter::once(program.entry)
        .chain(program.module_inits.iter().copied())
        .collect();
    for f in repr_methods {
        if !roots.contains(&f) {
            roots.push(f);
        }
    }
    let mut queue: std::collections::VecDeque<FuncId> = roots.iter().copied().collect();
    let mut seen: std::collections::HashSet<FuncId> = roots.into_iter().collect();
    while let Some(f) = queue.pop_front() {
        let ll = &program.graphs[&f];
        // Python qualified names; a numeric suffix keeps symbols unique.
        let mut symbol = format!("py.{}", ll.graph.name);
        let mut n = 1;
        while !used_symbols.insert(symbol.clone()) {
            n += 1;
            symbol = format!("py.{}.{n}", ll.graph.name);
        }
        functions.insert(f, symbol);
        for b in ll.graph.reachable_blocks() {
            let block = ll.graph.block(b);
            let values = block
                .operations
                .iter()
                .flat_map(|op| op.args.iter())
                .chain(block.exits.iter().flat_map(|l| l.args.iter()));
            for v in values {
                if let Value::Const(c) = v {
                    constants.note(c, program);
                }
            }
            for op in &block.operations {
                for callee in program.classes.callees(&op.op) {
                    if seen.insert(callee) {
                        queue.push_back(callee);
                    }
                }
            }
        }
    }
    // Every table is emitted, also one whose reads the optimiser removed.
    for table in &program.classes.tables {
        for e in table.entries.iter().flatten() {
            constants.note(e, program);
        }
    }
    let mut types = runtime_types();
    for layout in program.classes.classes.values() {
        let gcptr_offsets = layout
            .fields
            .iter()
            .enumerate()
            .filter(|(_, (_, t))| t.is_gc_ptr())
            .map(|(i, _)| ClassLayout::field_offset(i as u32))
            .collect();
        types.push(TypeDesc {
            tid: layout.tid,
            name: layout.name.clone(),
            fixed_size: layout.size(),
            gcptr_offsets,
            item_size: 0,
            items_offset: 0,
            length_offset: 0,
            extra_bytes: 0,
            items_are_gcptrs: false,
        });
    }
    for (items, &tid) in &program.classes.tuples {
        let gcptr_offsets = items
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_gc_ptr())
            .map(|(i, _)| ClassLayout::field_offset(i as u32))
            .collect();
        types.push(TypeDesc {
            tid,
            name: format!("tuple{tid}"),
            fixed_size: (8 + 8 * items.len() as u32).max(16),
            gcptr_offsets,
            item_size: 0,
            items_offset: 0,
            length_offset: 0,
            extra_bytes: 0,
            items_are_gcptrs: false,
        });
    }
    // Function descriptors: prebuilt, holding a code address.
    types.push(fixed(program.func_desc_tid, "function", 16));
    // The module variables: one prebuilt object.
    types.push(TypeDesc {
        tid: program.globals_tid,
        name: "globals".to_string(),
        fixed_size: (8 + 8 * program.globals.len() as u32).max(16),
        gcptr_offsets: program
            .globals
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_gc_ptr())
            .map(|(i, _)| ClassLayout::field_offset(i as u32))
            .collect(),
        item_size: 0,
        items_offset: 0,
        length_offset: 0,
        extra_bytes: 0,
        items_are_gcptrs: false,
    });
    Database {
        types,
        functions,
        strings: constants.strings,
        bytes: constants.bytes,
        function_values: constants.function_values,
        prebuilt: constants.prebuilt,
        recursion,
    }
}
