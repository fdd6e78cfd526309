//! Dead code removal on low-level graphs.
//!
//! Does: removes pure operations whose result is never used (repeatedly,
//! so chains die together), drops unreachable blocks and merges blocks
//! that only jump into each other. Does not: remove unused block inputs
//! across loops, or operations that may raise (their error is behaviour).

use super::Stats;
use crate::flowgraph::ir::{Value, VarId};
use crate::flowgraph::simplify;
use crate::rtype::LlGraph;
use std::collections::HashSet;

pub fn remove_dead_code(ll: &mut LlGraph, stats: &mut Stats) {
    let before = ll.graph.blocks.len();
    simplify::remove_unreachable_blocks(&mut ll.graph);
    simplify::join_blocks(&mut ll.graph);
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
