//! Dead code removal on low-level graphs.
//!
//! Does: removes pure operations whose result is never used (repeatedly,
//! so chains die together), drops unreachable blocks, merges blocks that
//! only jump into each other, and ends a block at an operation that
//! always raises. Does not: remove unused block inputs
//! across loops, or operations that may raise (their error is behaviour).

use super::Stats;
use crate::flowgraph::ir::{Value, VarId};
use crate::flowgraph::simplify;
use crate::rtype::LlGraph;
use std::collections::HashSet;

pub fn remove_dead_code(ll: &mut LlGraph, stats: &mut Stats) {
    let before = ll.graph.blocks.len();
    // Merging blocks can bring a constant into an operation that always
    // raises (check_bound of a local unbound on that path); what follows
    // it is dead, so cut there and merge again.
    loop {
        simplify::remove_unreachable_blocks(&mut ll.graph);
        simplify::join_blocks(&mut ll.graph);
        if !end_blocks_at_certain_raises(ll) {
            break;
        }
    }
    simplify::remove_unreachable_blocks(&mut ll.graph);
    stats.blocks_removed += before.saturating_sub(ll.graph.blocks.len());
    loop {
        let mut used: HashSet<VarId> = HashSet::new();
        for block in &ll.graph.blocks {
            let vars = block
                .operations
                .iter()
                .flat_map(|op| op.args.iter())
                .chain(block.exitswitch.iter())
                .chain(block.exits.iter().flat_map(|l| l.args.iter()));
            used.extend(vars.filter_map(Value::as_var));
        }
        let mut removed = 0;
        for block in &mut ll.graph.blocks {
            let n = block.operations.len();
            block
                .operations
                .retain(|op| !op.op.effects().is_pure || used.contains(&op.result));
            removed += n - block.operations.len();
        }
        if removed == 0 {
            break;
        }
        stats.ops_removed += removed;
    }
}

/// An operation that raises whatever happens ends its block: the
/// operations after it and the block's exits are dropped (the block ends
/// like one whose call never returns). True if a block changed.
fn end_blocks_at_certain_raises(ll: &mut LlGraph) -> bool {
    use crate::flowgraph::ir::Constant;
    use crate::rtype::llop::LlOp;
    let mut changed = false;
    for block in ll.graph.blocks.iter_mut().filter(|b| !b.raising) {
        let always_raises =
            |op: &crate::flowgraph::ir::Operation<LlOp>| match (&op.op, op.args.first()) {
                (LlOp::CheckBound(_), Some(Value::Const(Constant::Bool(false)))) => true,
                (LlOp::CheckRangeStep, Some(Value::Const(Constant::Int(0)))) => true,
                _ => false,
            };
        if let Some(i) = block.operations.iter().position(always_raises) {
            if i + 1 < block.operations.len() || !block.exits.is_empty() {
                block.operations.truncate(i + 1);
                block.exitswitch = None;
                block.exits.clear();
                changed = true;
            }
        }
    }
    changed
}
