//! Phase 7, gc transform: makes every GC reference that is live across an
//! operation that can collect visible to the moving collector.
//!
//! Before such an operation each live reference is saved in a root slot
//! of the function's shadow-stack frame; after it, the reference is read
//! back into a fresh variable (the collector may have moved the object)
//! and later uses in the block are renamed. Variables are local to their
//! block (links pass values explicitly), so liveness is a backward scan of
//! one block. The frame itself (reserving and zeroing the slots on entry,
//! releasing them on return) is emitted by the source phase from
//! `LlGraph::gc_root_slots`.
//!
//! Entry point: [`transform_program`].

use crate::flowgraph::ir::{FuncId, Operation, Value, VarId};
use crate::rtype::llop::LlOp;
use crate::rtype::{LlGraph, LlProgram};
use indexmap::IndexMap;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, Default)]
pub struct GcStats {
    /// Functions that can trigger a collection.
    pub collecting_functions: usize,
    /// Root slots saved before collecting operations, over all graphs.
    pub roots_saved: usize,
    /// Functions that need a shadow-stack frame.
    pub functions_with_frames: usize,
}

/// `progress` is told how many functions are done after each one.
pub fn transform_program(program: &mut LlProgram, progress: &mut dyn FnMut(usize)) -> GcStats {
    let collects = collecting_functions(program);
    let mut stats = GcStats {
        collecting_functions: collects.values().filter(|c| **c).count(),
        ..GcStats::default()
    };
    let tables = &program.classes;
    let mut results = vec![];
    for (&f, ll) in &program.graphs {
        let can_collect = |op: &LlOp| match op {
            // Raising allocates the exception, so inside a `try` (where
            // the handler reads the block's values) any operation that
            // can raise can collect; see transform_graph.
            op if op.allocates() => true,
            LlOp::DirectCall(g) => collects.get(g).copied().unwrap_or(true),
            LlOp::MethodCall(_) | LlOp::IndirectCall(_) => tables
                .callees(op)
                .iter()
                .any(|g| collects.get(g).copied().unwrap_or(true)),
            _ => false,
        };
        let mut ll = ll.clone();
        let saved = transform_graph(&mut ll, &can_collect);
        stats.roots_saved += saved;
        if ll.gc_root_slots > 0 {
            stats.functions_with_frames += 1;
        }
        results.push((f, ll));
        progress(results.len());
    }
    for (f, ll) in results {
        program.graphs[&f] = ll;
    }
    stats
}

/// Which functions can collect: those that allocate, call one that can
/// (a fixpoint over the call graph; unknown callees collect), or catch an
/// exception: raising allocates the exception object, and a function that
/// catches one returns normally after that allocation, so its callers'
/// references may have moved.
fn collecting_functions(program: &LlProgram) -> IndexMap<FuncId, bool> {
    let mut collects: IndexMap<FuncId, bool> = program.graphs.keys().map(|f| (*f, false)).collect();
    loop {
        let mut changed = false;
        for (&f, ll) in &program.graphs {
            if collects[&f] {
                continue;
            }
            let any = ll
                .graph
                .blocks
                .iter()
                .flat_map(|b| b.operations.iter().map(move |op| (b.raising, op)))
                .any(|(raising_block, op)| match &op.op {
                    op if op.allocates() => true,
                    op if raising_block && op.effects().can_raise => true,
                    LlOp::DirectCall(_) | LlOp::MethodCall(_) | LlOp::IndirectCall(_) => program
                        .classes
                        .callees(&op.op)
                        .iter()
                        .any(|g| collects.get(g).copied().unwrap_or(true)),
                    _ => false,
                });
            if any {
                collects[&f] = true;
                changed = true;
            }
        }
        if !changed {
            return collects;
        }
    }
}

/// Rewrites one graph; returns the number of roots saved.
fn transform_graph(ll: &mut LlGraph, can_collect: &dyn Fn(&LlOp) -> bool) -> usize {
    // An exception raised in a raising block is caught in this function,
    // whose handler uses the block's values: raising allocates the
    // exception (a collection may move them), so there every operation
    // that can raise counts as collecting. Elsewhere an exception leaves
    // the function and its values are never used again.
    let collects_here = |op: &LlOp, raising_block: bool| {
        can_collect(op) || (raising_block && op.effects().can_raise)
    };
    let mut max_slots = 0u32;
    let mut saved_total = 0;
    for b in ll.graph.block_ids().collect::<Vec<_>>() {
        let block = ll.graph.block(b).clone();
        let raising_block = block.raising;
        let is_gc = |v: VarId, ll: &LlGraph| ll.types[v.index()].is_gc_ptr();
        // live_after[i]: GC variables used after operation i.
        let mut live: HashSet<VarId> = HashSet::new();
        for l in &block.exits {
            live.extend(
                l.args
                    .iter()
                    .filter_map(Value::as_var)
                    .filter(|v| is_gc(*v, ll)),
            );
        }
        let mut live_after = vec![HashSet::new(); block.operations.len()];
        for (i, op) in block.operations.iter().enumerate().rev() {
            live.remove(&op.result);
            live_after[i] = live.clone();
            live.extend(
                op.args
                    .iter()
                    .filter_map(Value::as_var)
                    .filter(|v| is_gc(*v, ll)),
            );
        }
        let mut slots: IndexMap<VarId, u32> = IndexMap::new();
        let mut rename: HashMap<VarId, VarId> = HashMap::new();
        // The slot already holds the current value of this variable.
        let mut in_slot: HashSet<VarId> = HashSet::new();
        let mut out: Vec<Operation<LlOp>> = vec![];
        let renamed = |v: &Value, rename: &HashMap<VarId, VarId>| match v {
            Value::Var(x) => Value::Var(*rename.get(x).unwrap_or(x)),
            c => c.clone(),
        };
        for (i, op) in block.operations.iter().enumerate() {
            let mut op = op.clone();
            op.args = op.args.iter().map(|a| renamed(a, &rename)).collect();
            if !collects_here(&op.op, raising_block) || live_after[i].is_empty() {
                out.push(op);
                continue;
            }
            let mut across: Vec<VarId> = live_after[i].iter().copied().collect();
            across.sort();
            for &v in &across {
                let n = slots.len() as u32;
                let slot = *slots.entry(v).or_insert(n);
                if in_slot.insert(v) {
                    let current = *rename.get(&v).unwrap_or(&v);
                    let r = ll.new_var(crate::rtype::lltype::LlType::Void, op.span);
                    out.push(Operation::new(
                        LlOp::GcSaveRoot(slot),
                        vec![Value::Var(current)],
                        r,
                        op.span,
                    ));
                    saved_total += 1;
                }
            }
            let span = op.span;
            out.push(op);
            for &v in &across {
                let ty = ll.types[v.index()];
                let fresh = ll.new_var(ty, span);
                ll.graph.vars[fresh.index()].name = ll.graph.vars[v.index()].name.clone();
                out.push(Operation::new(
                    LlOp::GcRestoreRoot(slots[&v]),
                    vec![],
                    fresh,
                    span,
                ));
                rename.insert(v, fresh);
            }
        }
        max_slots = max_slots.max(slots.len() as u32);
        let blk = ll.graph.block_mut(b);
        blk.operations = out;
        if let Some(sw) = &blk.exitswitch {
            blk.exitswitch = Some(renamed(sw, &rename));
        }
        for l in &mut blk.exits {
            l.args = l.args.iter().map(|a| renamed(a, &rename)).collect();
        }
    }
    ll.gc_root_slots = max_slots;
    saved_total
}

#[cfg(test)]
mod tests;
