//! Structural clean-up shared by every IR level: merges a block into its
//! only predecessor when that predecessor jumps to it unconditionally, and
//! drops blocks that cannot be reached. Does not look at operations.

use super::ir::{BlockId, Graph, Value, VarId};
use std::collections::HashMap;

pub fn simplify_graph<Op: Clone>(graph: &mut Graph<Op>) {
    join_blocks(graph);
    remove_unreachable_blocks(graph);
}

pub fn join_blocks<Op: Clone>(graph: &mut Graph<Op>) {
    let preds = graph.predecessor_counts();
    for b in graph.reachable_blocks() {
        loop {
            let block = graph.block(b);
            if block.exitswitch.is_some() || block.exits.len() != 1 || block.raising {
                break;
            }
            let link = &block.exits[0];
            let t = link.target;
            // A raising block's handler covers exactly its operations:
            // operations before it must not join it.
            if t == b
                || t == graph.returnblock
                || t == graph.startblock
                || preds[t.index()] != 1
                || graph.block(t).raising
            {
                break;
            }
            let renames: HashMap<VarId, Value> = graph
                .block(t)
                .inputargs
                .iter()
                .copied()
                .zip(link.args.iter().cloned())
                .collect();
            let target = std::mem::replace(graph.block_mut(t), super::ir::Block::new(vec![]));
            let subst = |v: &Value| match v {
                Value::Var(var) => renames.get(var).cloned().unwrap_or_else(|| v.clone()),
                c => c.clone(),
            };
            let block = graph.block_mut(b);
            for mut op in target.operations {
                op.args = op.args.iter().map(subst).collect();
                block.operations.push(op);
            }
            block.exitswitch = target.exitswitch.as_ref().map(subst);
            block.exits = target
                .exits
                .into_iter()
                .map(|mut l| {
                    l.args = l.args.iter().map(subst).collect();
                    l
                })
                .collect();
        }
    }
}

/// Renumbers blocks so that only reachable ones (and the return block)
/// remain, in depth-first order from the start block.
pub fn remove_unreachable_blocks<Op: Clone>(graph: &mut Graph<Op>) {
    let mut order = graph.reachable_blocks();
    if !order.contains(&graph.returnblock) {
        order.push(graph.returnblock);
    }
    let mut new_id = vec![None; graph.blocks.len()];
    for (i, b) in order.iter().enumerate() {
        new_id[b.index()] = Some(BlockId(i as u32));
    }
    let mut old = std::mem::take(&mut graph.blocks);
    for b in &order {
        let mut block = std::mem::replace(&mut old[b.index()], super::ir::Block::new(vec![]));
        for l in &mut block.exits {
            l.target = new_id[l.target.index()].expect("link to a reachable block");
        }
        graph.blocks.push(block);
    }
    graph.startblock = new_id[graph.startblock.index()].unwrap();
    graph.returnblock = new_id[graph.returnblock.index()].unwrap();
}
