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
use std::collections::HashMap;

/// Which functions can call each other recursively: functions in the same
/// cycle of the call graph share a cycle number.
#[derive(Default, Debug)]
pub struct Recursion {
    cycle_of: HashMap<FuncId, usize>,
}

impl Recursion {
    /// True when a call from `caller` to `callee` can recurse. Code
    /// generation keeps such calls real calls (no tail-call elimination),
    /// so the stack check sees the depth and infinite recursion raises
    /// RecursionError as under CPython instead of looping forever.
    pub fn is_recursive_call(&self, caller: FuncId, callee: FuncId) -> bool {
        matches!((self.cycle_of.get(&caller), self.cycle_of.get(&callee)), (Some(a), Some(b)) if a == b)
    }
    pub fn recursive_functions(&self) -> usize {
        self.cycle_of.len()
    }
}

pub fn insert_stack_checks(program: &mut LlProgram) -> Recursion {
    let mut calls: DiGraphMap<FuncId, (), std::hash::RandomState> = DiGraphMap::new();
    for (&f, ll) in &program.graphs {
        calls.add_node(f);
        for block in &ll.graph.blocks {
            for op in &block.operations {
                for callee in program.classes.callees(&op.op) {
                    calls.add_edge(f, callee, ());
                }
            }
        }
    }
    let mut recursive = vec![];
    let mut cycle_of = HashMap::new();
    for (n, scc) in tarjan_scc(&calls).into_iter().enumerate() {
        if scc.len() > 1 || calls.contains_edge(scc[0], scc[0]) {
            for &f in &scc {
                cycle_of.insert(f, n);
            }
            recursive.extend(scc);
        }
    }
    recursive.sort();
    for f in &recursive {
        let ll = &mut program.graphs[f];
        let span = ll.graph.span;
        let result = ll.new_var(LlType::Void, span);
        let start = ll.graph.startblock;
        ll.graph
            .block_mut(start)
            .operations
            .insert(0, Operation::new(LlOp::StackCheck, vec![], result, span));
    }
    Recursion { cycle_of }
}

#[cfg(test)]
mod tests {
    use crate::rtype::llop::LlOp;
    use crate::testing::{front, rtyped};

    #[test]
    fn only_functions_in_call_cycles_check_the_stack() {
        let fr = front(
            "def even(n):\n    if n == 0:\n        return True\n    return odd(n - 1)\n\ndef odd(n):\n    if n == 0:\n        return False\n    return even(n - 1)\n\ndef leaf(n):\n    return n + 1\n\ndef entry_point(argv):\n    print(even(leaf(3)))\n    return 0\n",
        );
        let mut ll = rtyped(&fr);
        let recursion = super::insert_stack_checks(&mut ll);
        let checks = |name: &str| {
            let g = &ll.graphs[&fr.func(name)].graph;
            g.block(g.startblock)
                .operations
                .iter()
                .filter(|op| op.op == LlOp::StackCheck)
                .count()
        };
        assert_eq!(
            (
                checks("even"),
                checks("odd"),
                checks("leaf"),
                checks("entry_point")
            ),
            (1, 1, 0, 0)
        );
        assert!(recursion.is_recursive_call(fr.func("even"), fr.func("odd")));
        assert!(!recursion.is_recursive_call(fr.func("entry_point"), fr.func("even")));
    }
}
