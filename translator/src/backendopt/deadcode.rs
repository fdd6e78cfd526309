//! Dead code removal on low-level graphs.
//!
//! Does: removes block inputs that nothing reads (also those only passed
//! around a loop, like a `for` variable unused after it), pure operations
//! whose result is never used (repeatedly, so chains die together), drops
//! unreachable blocks, merges blocks that only jump into each other, and
//! ends a block at an operation that always raises. Does not: remove
//! operations that may raise (their error is behaviour).

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
    stats.inputs_removed += remove_dead_inputs(ll);
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

/// Removes the inputs of blocks (other than the start and return blocks)
/// whose value no operation, switch or live input reads, with the values
/// links pass for them. Returns how many went.
fn remove_dead_inputs(ll: &mut LlGraph) -> usize {
    let graph = &mut ll.graph;
    let mut live: HashSet<VarId> = HashSet::new();
    for block in &graph.blocks {
        let read = block
            .operations
            .iter()
            .flat_map(|op| &op.args)
            .chain(&block.exitswitch);
        live.extend(read.filter_map(Value::as_var));
    }
    for b in [graph.startblock, graph.returnblock] {
        live.extend(graph.block(b).inputargs.iter().copied());
    }
    // A value passed into a live input is live.
    loop {
        let before = live.len();
        for block in &graph.blocks {
            for link in &block.exits {
                let params = &graph.block(link.target).inputargs;
                for (arg, p) in link.args.iter().zip(params) {
                    if let (Value::Var(a), true) = (arg, live.contains(p)) {
                        live.insert(*a);
                    }
                }
            }
        }
        if live.len() == before {
            break;
        }
    }
    let keep: Vec<Vec<bool>> = graph
        .blocks
        .iter()
        .map(|b| b.inputargs.iter().map(|p| live.contains(p)).collect())
        .collect();
    let mut removed = 0;
    for (b, block) in graph.blocks.iter_mut().enumerate() {
        let k = &keep[b];
        removed += k.iter().filter(|x| !**x).count();
        let mut i = 0;
        block.inputargs.retain(|_| (k[i], i += 1).0);
        for link in &mut block.exits {
            let k = &keep[link.target.index()];
            let mut i = 0;
            link.args.retain(|_| (k[i], i += 1).0);
            let mut i = 0;
            link.arg_spans.retain(|_| (k[i], i += 1).0);
        }
    }
    removed
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
