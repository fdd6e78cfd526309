//! Phase 6, stack-check insertion: every function that can take part in a
//! recursion (it is in a cycle of the call graph) checks the remaining
//! stack on entry, so deep recursion raises RecursionError instead of
//! crashing. Functions outside cycles cannot nest deeper than the call
//! graph and get no check.
//!
//! Entry point: [`insert_stack_checks`].

use crate::flowgraph::ir::{FuncId, Operation};
use crate::rtype::llop::LlOp;
use crate::rtype::lltype::LlType;
use crate::rtype::LlProgram;
use petgraph::algo::tarjan_scc;
use petgraph::graphmap::DiGraphMap;

/// Returns how many functions got a check.
pub fn insert_stack_checks(program: &mut LlProgram) -> usize {
    let mut calls: DiGraphMap<FuncId, (), std::hash::RandomState> = DiGraphMap::new();
    for (&f, ll) in &program.graphs {
        calls.add_node(f);
        for block in &ll.graph.blocks {
            for op in &block.operations {
                if let LlOp::DirectCall(callee) = op.op {
                    calls.add_edge(f, callee, ());
                }
            }
        }
    }
    let mut recursive = vec![];
    for scc in tarjan_scc(&calls) {
        if scc.len() > 1 || calls.contains_edge(scc[0], scc[0]) {
            recursive.extend(scc);
        }
    }
    recursive.sort();
    for f in &recursive {
        let ll = &mut program.graphs[f];
        let span = ll.graph.span;
        let result = ll.new_var(LlType::Void, span);
        let start = ll.graph.startblock;
        ll.graph.block_mut(start).operations.insert(
            0,
            Operation {
                op: LlOp::StackCheck,
                args: vec![],
                result,
                span,
            },
        );
    }
    recursive.len()
}
