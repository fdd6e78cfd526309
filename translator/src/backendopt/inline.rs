//! Inlining: copies the body of small functions into their callers.
//!
//! Does: visits the call graph bottom-up (callees before callers, so a
//! callee is inlined with what was already inlined into it) and replaces
//! each `direct_call` of a small function by a copy of its graph. The
//! caller's block is split at the call; the values the rest of the block
//! needs travel through every copied block as extra inputs (RPython's
//! "passon" variables), and the copy's return block jumps to the rest.
//! Copied operations remember the call they came from, so a traceback
//! still shows the inlined function's frame.
//!
//! Does not: inline functions that can take part in a recursion, calls
//! inside a `try` (a raising block: its handler would have to catch every
//! operation of the copy), functions with JIT hints (the JIT must see
//! them as calls), `@dont_inline` functions, or into a caller that has
//! grown past `MAX_CALLER_SIZE`. `@always_inline` skips the size limit.

use super::Stats;
use crate::flowgraph::ir::{Block, BlockId, FuncId, InlineSite, Link, Operation, Value, VarId};
use crate::rlib::FuncHint;
use crate::rtype::llop::LlOp;
use crate::rtype::{LlGraph, LlProgram};
use petgraph::algo::tarjan_scc;
use petgraph::graphmap::DiGraphMap;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A callee with at most this many operations is inlined. Small enough
/// that constructors, accessors and vector arithmetic qualify (what
/// malloc removal needs to see whole), large enough to leave loops with
/// real work as calls for LLVM to judge.
pub const INLINE_THRESHOLD: usize = 32;

/// A caller stops taking inlined code past this many operations.
pub const MAX_CALLER_SIZE: usize = 2000;

pub fn inline_program(program: &mut LlProgram, stats: &mut Stats) {
    let mut calls: DiGraphMap<FuncId, (), std::hash::RandomState> = DiGraphMap::new();
    for (&f, ll) in &program.graphs {
        calls.add_node(f);
        for op in ll.graph.blocks.iter().flat_map(|b| &b.operations) {
            for callee in program.classes.callees(&op.op) {
                calls.add_edge(f, callee, ());
            }
        }
    }
    // Tarjan's algorithm yields callees before their callers.
    let sccs = tarjan_scc(&calls);
    let mut recursive: HashSet<FuncId> = HashSet::new();
    for scc in &sccs {
        if scc.len() > 1 || calls.contains_edge(scc[0], scc[0]) {
            recursive.extend(scc.iter().copied());
        }
    }
    for scc in &sccs {
        for &f in scc {
            inline_into(program, f, &recursive, stats);
        }
    }
}

fn size(ll: &LlGraph) -> usize {
    ll.graph
        .reachable_blocks()
        .iter()
        .flat_map(|&b| &ll.graph.block(b).operations)
        .filter(|op| !matches!(op.op, LlOp::SameAs))
        .count()
}

/// Whether calls to `f` may be replaced by its body, whatever the caller.
fn inlinable(program: &LlProgram, f: FuncId, recursive: &HashSet<FuncId>) -> bool {
    let hints = program.func_hints.get(&f).map_or(&[][..], |h| &h[..]);
    let jit_visible = hints
        .iter()
        .any(|h| !matches!(h, FuncHint::AlwaysInline | FuncHint::Specialize));
    let Some(ll) = program.graphs.get(&f) else {
        return false;
    };
    let has_jit_hint = ll
        .graph
        .blocks
        .iter()
        .flat_map(|b| &b.operations)
        .any(|op| matches!(op.op, LlOp::JitHint(_)));
    if recursive.contains(&f) || jit_visible || has_jit_hint || f == program.entry {
        return false;
    }
    hints.contains(&FuncHint::AlwaysInline) || size(ll) <= INLINE_THRESHOLD
}

fn inline_into(
    program: &mut LlProgram,
    caller: FuncId,
    recursive: &HashSet<FuncId>,
    stats: &mut Stats,
) {
    let mut verdicts: HashMap<FuncId, bool> = HashMap::new();
    // A method table may name a function that never got a graph.
    let Some(ll) = program.graphs.get(&caller) else {
        return;
    };
    let mut ll = ll.clone();
    let mut grown = size(&ll);
    let mut inlined_any = false;
    // Only the caller's own calls are candidates, never those inside a
    // copied body: that keeps mutual recursion through non-recursive
    // callees from inlining forever.
    let mut todo: Vec<(BlockId, usize)> = ll
        .graph
        .reachable_blocks()
        .into_iter()
        .rev()
        .map(|b| (b, 0))
        .collect();
    while let Some((b, start)) = todo.pop() {
        if ll.graph.block(b).raising {
            continue;
        }
        let ops = &ll.graph.block(b).operations[start..];
        let site = ops.iter().position(|op| {
            let LlOp::DirectCall(callee) = op.op else {
                return false;
            };
            callee != caller
                && *verdicts
                    .entry(callee)
                    .or_insert_with(|| inlinable(program, callee, recursive))
        });
        let Some(i) = site.map(|i| start + i) else {
            continue;
        };
        let LlOp::DirectCall(callee) = ll.graph.block(b).operations[i].op else {
            unreachable!()
        };
        let callee_ll = &program.graphs[&callee];
        let callee_size = size(callee_ll);
        let forced = program
            .func_hints
            .get(&callee)
            .is_some_and(|h| h.contains(&FuncHint::AlwaysInline));
        let params = &callee_ll.graph.block(callee_ll.graph.startblock).inputargs;
        let fits = forced || grown + callee_size <= MAX_CALLER_SIZE;
        if !fits || params.len() != ll.graph.block(b).operations[i].args.len() {
            // Leave this call; the rest of the block may hold others.
            todo.push((b, i + 1));
            continue;
        }
        let rest = inline_call(&mut ll, b, i, callee_ll);
        grown += callee_size;
        stats.calls_inlined += 1;
        inlined_any = true;
        todo.push((rest, 0));
    }
    if inlined_any {
        crate::flowgraph::simplify::remove_unreachable_blocks(&mut ll.graph);
        program.graphs[&caller] = ll;
    }
}

/// The variables defined in block `b` up to operation `i` (excluded) that
/// the operations after `i` or the block's exits use, in a fixed order.
fn live_after(ll: &LlGraph, b: BlockId, i: usize) -> Vec<VarId> {
    let block = ll.graph.block(b);
    let defined: HashSet<VarId> = block
        .inputargs
        .iter()
        .copied()
        .chain(block.operations[..i].iter().map(|op| op.result))
        .collect();
    let mut live = vec![];
    let mut seen = HashSet::new();
    let uses = block.operations[i + 1..]
        .iter()
        .flat_map(|op| &op.args)
        .chain(&block.exitswitch)
        .chain(block.exits.iter().flat_map(|l| &l.args));
    for v in uses.filter_map(Value::as_var) {
        if defined.contains(&v) && seen.insert(v) {
            live.push(v);
        }
    }
    live
}

fn fresh_copy(ll: &mut LlGraph, v: VarId) -> VarId {
    let info = ll.graph.vars[v.index()].clone();
    let ty = ll.types[v.index()];
    let n = ll.new_var(ty, info.span);
    ll.graph.vars[n.index()].name = info.name;
    n
}

fn renamed(v: &Value, map: &HashMap<VarId, VarId>) -> Value {
    match v {
        Value::Var(var) => Value::Var(*map.get(var).unwrap_or(var)),
        c => c.clone(),
    }
}

/// Moves what follows operation `i` of block `b` (operations and exits)
/// to a new block that the operation at `i` (with everything before it)
/// jumps to. Returns the new block; its inputs are the call's result and the
/// values it needs from before, renamed.
fn split_after(ll: &mut LlGraph, b: BlockId, i: usize) -> BlockId {
    let live = live_after(ll, b, i);
    let result = ll.graph.block(b).operations[i].result;
    let span = ll.graph.block(b).operations[i].span;
    let mut map = HashMap::new();
    let mut inputs = vec![];
    for &v in &live {
        let n = fresh_copy(ll, v);
        map.insert(v, n);
        inputs.push(n);
    }
    // The call's result moves to the new block as its first input; the
    // call itself gets a fresh result that the link passes.
    let call_result = fresh_copy(ll, result);
    inputs.insert(0, result);
    let block = ll.graph.block_mut(b);
    block.operations[i].result = call_result;
    let rest_ops = block.operations.split_off(i + 1);
    let exitswitch = block.exitswitch.take();
    let exits = std::mem::take(&mut block.exits);
    let rest = ll.graph.new_block(inputs);
    let mut args = vec![Value::Var(call_result)];
    args.extend(live.iter().map(|&v| Value::Var(v)));
    ll.graph.block_mut(b).exits = vec![plain_link(rest, args, span)];
    let r = ll.graph.block_mut(rest);
    r.operations = rest_ops
        .into_iter()
        .map(|mut op| {
            op.args = op.args.iter().map(|a| renamed(a, &map)).collect();
            op
        })
        .collect();
    r.exitswitch = exitswitch.map(|s| renamed(&s, &map));
    r.exits = exits
        .into_iter()
        .map(|mut l| {
            l.args = l.args.iter().map(|a| renamed(a, &map)).collect();
            l
        })
        .collect();
    rest
}

fn plain_link(target: BlockId, args: Vec<Value>, span: crate::diagnostics::Span) -> Link {
    Link {
        target,
        arg_spans: vec![span; args.len()],
        args,
        exitcase: None,
        span,
    }
}

/// The inline site of an operation copied from a callee: the callee's
/// own sites (if the operation was inlined into the callee) end at the
/// new call site.
fn rebase(from: &Option<Rc<InlineSite>>, site: &Rc<InlineSite>) -> Rc<InlineSite> {
    match from {
        None => site.clone(),
        Some(s) => Rc::new(InlineSite {
            callee: s.callee.clone(),
            call_span: s.call_span,
            outer: Some(rebase(&s.outer, site)),
        }),
    }
}

/// Replaces the call at operation `i` of block `b` by a copy of `callee`.
/// Returns the block holding what followed the call.
fn inline_call(ll: &mut LlGraph, b: BlockId, i: usize, callee: &LlGraph) -> BlockId {
    let rest = split_after(ll, b, i);
    // After the split, block `b` ends with the call and jumps to `rest`
    // with (result, live...).
    let call = ll.graph.block_mut(b).operations.pop().unwrap();
    let link = ll.graph.block_mut(b).exits.pop().unwrap();
    let live: Vec<Value> = link.args[1..].to_vec();
    let site = Rc::new(InlineSite {
        callee: callee.graph.name.as_str().into(),
        call_span: call.span,
        outer: call.inlined_from.clone(),
    });
    let cg = &callee.graph;
    let blocks = cg.reachable_blocks();
    let mut var_map: HashMap<VarId, VarId> = HashMap::new();
    let mut block_map: HashMap<BlockId, BlockId> = HashMap::new();
    for &cb in &blocks {
        block_map.insert(cb, ll.graph.new_block(vec![]));
    }
    let mut copy_var = |ll: &mut LlGraph, v: VarId| -> VarId {
        *var_map.entry(v).or_insert_with(|| {
            let n = ll.new_var(callee.types[v.index()], cg.vars[v.index()].span);
            ll.graph.vars[n.index()].name = cg.vars[v.index()].name.clone();
            n
        })
    };
    let live_vars: Vec<VarId> = live.iter().filter_map(Value::as_var).collect();
    for &cb in &blocks {
        let src: &Block<LlOp> = cg.block(cb);
        // This block's own copies of the caller's live values.
        let passon: Vec<VarId> = live_vars.iter().map(|&v| fresh_copy(ll, v)).collect();
        let mut inputs: Vec<VarId> = src.inputargs.iter().map(|&v| copy_var(ll, v)).collect();
        inputs.extend(&passon);
        let mut ops = Vec::with_capacity(src.operations.len());
        for op in &src.operations {
            let args = op
                .args
                .iter()
                .map(|a| match a {
                    Value::Var(v) => Value::Var(copy_var(ll, *v)),
                    c => c.clone(),
                })
                .collect();
            let result = copy_var(ll, op.result);
            ops.push(Operation {
                op: op.op.clone(),
                args,
                result,
                span: op.span,
                inlined_from: Some(rebase(&op.inlined_from, &site)),
            });
        }
        let mut map_value = |ll: &mut LlGraph, a: &Value| match a {
            Value::Var(v) => Value::Var(copy_var(ll, *v)),
            c => c.clone(),
        };
        let exitswitch = src.exitswitch.as_ref().map(|s| map_value(ll, s));
        let mut exits = vec![];
        if cb == cg.returnblock {
            let mut args = vec![map_value(ll, &Value::Var(src.inputargs[0]))];
            args.extend(passon.iter().map(|&v| Value::Var(v)));
            exits.push(plain_link(rest, args, call.span));
        }
        for l in &src.exits {
            let mut args: Vec<Value> = l.args.iter().map(|a| map_value(ll, a)).collect();
            args.extend(passon.iter().map(|&v| Value::Var(v)));
            exits.push(Link {
                target: block_map[&l.target],
                arg_spans: vec![l.span; args.len()],
                args,
                exitcase: l.exitcase,
                span: l.span,
            });
        }
        let nb = ll.graph.block_mut(block_map[&cb]);
        nb.inputargs = inputs;
        nb.operations = ops;
        nb.exitswitch = exitswitch;
        nb.exits = exits;
        nb.raising = src.raising;
    }
    let mut args = call.args.clone();
    args.extend(live);
    ll.graph.block_mut(b).exits = vec![plain_link(block_map[&cg.startblock], args, call.span)];
    rest
}
