//! Phase 7, database: collects everything the program needs at run time
//! (functions, string constants, runtime helpers) in a deterministic order
//! and gives each function its symbol name. Read-only over the graphs.
//!
//! Entry point: [`build_database`].

use crate::flowgraph::ir::{Constant, FuncId, Value};
use crate::rtype::LlProgram;
use crate::stackcheck::Recursion;
use indexmap::{IndexMap, IndexSet};
use std::rc::Rc;

pub struct Database {
    /// Functions in emission order (entry point first, then by discovery
    /// along calls), with their symbol names.
    pub functions: IndexMap<FuncId, String>,
    /// Distinct string constants in order of first use.
    pub strings: IndexSet<Rc<str>>,
    pub recursion: Recursion,
}

pub fn build_database(program: &LlProgram, recursion: Recursion) -> Database {
    let mut functions = IndexMap::new();
    let mut strings = IndexSet::new();
    let mut used_symbols = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::from([program.entry]);
    let mut seen = std::collections::HashSet::from([program.entry]);
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
                if let Value::Const(Constant::Str(s)) = v {
                    strings.insert(s.clone());
                }
            }
            for op in &block.operations {
                if let crate::rtype::llop::LlOp::DirectCall(callee) = op.op {
                    if seen.insert(callee) {
                        queue.push_back(callee);
                    }
                }
            }
        }
    }
    Database {
        functions,
        strings,
        recursion,
    }
}
