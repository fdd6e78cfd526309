//! Removal of index and overflow checks that the graph proves unnecessary.
//!
//! Does: marks `lst[i]` (read or store) unchecked when `i` is known to be
//! non-negative and a test `i < len(lst)` on every path to it holds, or
//! when `i` is a constant below the length `lst` was made with or
//! `x % len(lst)`, in a
//! function that can never shrink a list (no pop, del, clear, remove or
//! slice assignment in it or in anything it may call): lists then only
//! grow while it runs, so what was in range stays in range. Turns `ovf_add(i, 1)` into
//! a plain add where a test `i < n` holds, and `ovf_sub(i, 1)` into a
//! plain subtraction when `i` is non-negative.
//! Does not: reason about functions that may shrink a list, about indices
//! computed from the tested value (`lst[i - 1]`), about tests other than
//! `<` (and its mirrors), or about strings.
//!
//! How: block inputs that always carry one value (a loop's list, its
//! bound) are traced to that value's root; a `<` test gives a fact about
//! two roots in the blocks its exit dominates; non-negative roots are
//! found by an optimistic fixpoint over loop counters.

use super::Stats;
use crate::flowgraph::ir::{BlockId, Constant, Graph, Value, VarId};
use crate::rtype::llop::{Cmp, IntOp, LlOp};
use crate::rtype::lltype::LlType;
use crate::rtype::{LlGraph, LlProgram};
use petgraph::algo::dominators;
use petgraph::graphmap::DiGraphMap;
use std::collections::{HashMap, HashSet};

/// The functions that may shrink a list, directly or through a call.
pub fn shrinking_functions(program: &LlProgram) -> HashSet<crate::flowgraph::ir::FuncId> {
    let mut shrinking = HashSet::new();
    let mut callers: HashMap<_, Vec<_>> = HashMap::new();
    for (&f, ll) in &program.graphs {
        for op in ll.graph.blocks.iter().flat_map(|b| &b.operations) {
            if shrinks_a_list(&op.op) {
                shrinking.insert(f);
            }
            for callee in program.classes.callees(&op.op) {
                if !program.graphs.contains_key(&callee) {
                    shrinking.insert(f);
                }
                callers.entry(callee).or_default().push(f);
            }
        }
    }
    let mut work: Vec<_> = shrinking.iter().copied().collect();
    while let Some(f) = work.pop() {
        for &caller in callers.get(&f).into_iter().flatten() {
            if shrinking.insert(caller) {
                work.push(caller);
            }
        }
    }
    shrinking
}

fn shrinks_a_list(op: &LlOp) -> bool {
    use crate::abi::Helper;
    match op {
        LlOp::ListPop(..) | LlOp::ListDel(_) | LlOp::ListClear | LlOp::ListRemove(_) => true,
        LlOp::CallHelper(h) => matches!(
            h,
            Helper::ListSetSlice | Helper::ListDelSlice | Helper::ListSortKeyed
        ),
        _ => false,
    }
}

pub fn remove_proven_checks(ll: &mut LlGraph, may_shrink_lists: bool, stats: &mut Stats) {
    let graph = &ll.graph;
    let candidate = |op: &LlOp| match op {
        LlOp::ListGetItem(..) | LlOp::ListSetItem(..) => !may_shrink_lists,
        LlOp::IntOvf(IntOp::Add | IntOp::Sub) => true,
        _ => false,
    };
    if !graph
        .blocks
        .iter()
        .flat_map(|b| &b.operations)
        .any(|op| candidate(&op.op))
    {
        return;
    }
    let into = incoming(graph);
    let roots = roots(graph, &into);
    let root = |v: &Value| match v {
        Value::Var(x) => roots[x.index()].clone(),
        c => c.clone(),
    };
    let defs = definitions(graph);
    let facts = facts_by_block(graph, &into, &root);
    let non_negative = non_negative_roots(graph, &into, &roots, &defs, &facts, &ll.types);
    let nn = |v: &Value| match root(v) {
        Value::Const(Constant::Int(i)) => i >= 0,
        Value::Var(r) => non_negative.contains(&r),
        _ => false,
    };
    // (block, operation index, replacement)
    let mut rewrites = vec![];
    for b in graph.reachable_blocks() {
        let known = &facts[&b];
        let below = |v: &Value| {
            let r = root(v);
            known
                .iter()
                .filter(move |(lo, _)| *lo == r)
                .map(|(_, hi)| hi)
        };
        for (i, op) in graph.block(b).operations.iter().enumerate() {
            let new = match (&op.op, op.args.as_slice()) {
                (LlOp::ListGetItem(k, l), [list, index, ..])
                | (LlOp::ListSetItem(k, l), [list, index, ..])
                    if !may_shrink_lists
                        && (in_new_list(&root(list), &root(index), &defs)
                            || modulo_len(&root(index), &root(list), &defs, &root)
                            || nn(index)
                                && below(index)
                                    .any(|hi| is_len_of(hi, &root(list), &defs, &root))) =>
                {
                    stats.bounds_checks_removed += 1;
                    match op.op {
                        LlOp::ListGetItem(..) => LlOp::ListGetItemUnchecked(*k, *l),
                        _ => LlOp::ListSetItemUnchecked(*k, *l),
                    }
                }
                (LlOp::IntOvf(IntOp::Add), [a, Value::Const(Constant::Int(1))])
                    if below(a).next().is_some() =>
                {
                    stats.overflow_checks_removed += 1;
                    LlOp::Int(IntOp::Add)
                }
                (LlOp::IntOvf(IntOp::Sub), [a, Value::Const(Constant::Int(1))]) if nn(a) => {
                    stats.overflow_checks_removed += 1;
                    LlOp::Int(IntOp::Sub)
                }
                _ => continue,
            };
            rewrites.push((b, i, new));
        }
    }
    for (b, i, new) in rewrites {
        ll.graph.block_mut(b).operations[i].op = new;
    }
}

/// Whether `index` is a constant within the length a list was made with
/// (the stores that fill a list display).
fn in_new_list(list: &Value, index: &Value, defs: &HashMap<VarId, (&LlOp, &[Value])>) -> bool {
    let (Value::Var(l), Value::Const(Constant::Int(i))) = (list, index) else {
        return false;
    };
    matches!(
        defs.get(l),
        Some((LlOp::NewList(_), [Value::Const(Constant::Int(n)), ..])) if 0 <= *i && i < n
    )
}

/// Whether `index` is `x % len(list)`: Python's modulo by a positive
/// number is below it and not negative (and by zero it raises).
fn modulo_len(
    index: &Value,
    list: &Value,
    defs: &HashMap<VarId, (&LlOp, &[Value])>,
    root: &dyn Fn(&Value) -> Value,
) -> bool {
    let Value::Var(i) = index else { return false };
    match defs.get(i) {
        Some((LlOp::Int(IntOp::Mod), [_, d])) => is_len_of(&root(d), list, defs, root),
        _ => false,
    }
}

/// Whether root `hi` is `len(list)` of a list whose root is `list`.
fn is_len_of(
    hi: &Value,
    list: &Value,
    defs: &HashMap<VarId, (&LlOp, &[Value])>,
    root: &dyn Fn(&Value) -> Value,
) -> bool {
    match hi {
        Value::Var(h) => matches!(defs.get(h), Some((LlOp::ListLen, [l])) if root(l) == *list),
        _ => false,
    }
}

fn definitions(graph: &Graph<LlOp>) -> HashMap<VarId, (&LlOp, &[Value])> {
    let mut defs = HashMap::new();
    for block in &graph.blocks {
        for op in &block.operations {
            defs.insert(op.result, (&op.op, op.args.as_slice()));
        }
    }
    defs
}

/// The links entering each block, as (block left, exit index).
type Incoming = HashMap<BlockId, Vec<(BlockId, usize)>>;

fn incoming(graph: &Graph<LlOp>) -> Incoming {
    let mut into = Incoming::new();
    for b in graph.reachable_blocks() {
        for (k, link) in graph.block(b).exits.iter().enumerate() {
            into.entry(link.target).or_default().push((b, k));
        }
    }
    into
}

/// For each variable, the value it always equals: itself, or for a block
/// input that every incoming link fills with one value (or with the input
/// itself, around a loop), that value's root. A root is never defined in
/// the same block as a variable traced to it: the block may run again and
/// redefine it while the variable still holds the old value.
fn roots(graph: &Graph<LlOp>, into: &Incoming) -> Vec<Value> {
    let mut root: Vec<Option<Value>> = vec![None; graph.vars.len()];
    let mut home: Vec<Option<BlockId>> = vec![None; graph.vars.len()];
    let reachable = graph.reachable_blocks();
    for &b in &reachable {
        let block = graph.block(b);
        for &p in &block.inputargs {
            home[p.index()] = Some(b);
        }
        for op in &block.operations {
            root[op.result.index()] = Some(Value::Var(op.result));
            home[op.result.index()] = Some(b);
        }
    }
    for &p in &graph.block(graph.startblock).inputargs {
        root[p.index()] = Some(Value::Var(p));
    }
    let mut changed = true;
    while changed {
        changed = false;
        for &b in &reachable {
            if b == graph.startblock {
                continue;
            }
            for (k, &p) in graph.block(b).inputargs.iter().enumerate() {
                let itself = Value::Var(p);
                if root[p.index()].as_ref() == Some(&itself) {
                    continue;
                }
                let mut common: Option<Value> = None;
                let mut conflict = false;
                for &(from, e) in into.get(&b).into_iter().flatten() {
                    let r = match &graph.block(from).exits[e].args[k] {
                        Value::Var(a) => root[a.index()].clone(),
                        c => Some(c.clone()),
                    };
                    match r {
                        None => {}
                        Some(r) if r == itself => {}
                        Some(r) => match &common {
                            None => common = Some(r),
                            Some(c) if *c == r => {}
                            Some(_) => conflict = true,
                        },
                    }
                }
                let defined_here =
                    |r: &Value| matches!(r, Value::Var(v) if home[v.index()] == Some(b));
                let new = match common {
                    Some(c) if !conflict && !defined_here(&c) => Some(c),
                    Some(_) => Some(itself),
                    None => None,
                };
                if new != root[p.index()] {
                    root[p.index()] = new;
                    changed = true;
                }
            }
        }
    }
    root.into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or(Value::Var(VarId(i as u32))))
        .collect()
}

/// The facts `lo < hi` (as roots) that hold in each reachable block: those
/// of each exit of a `<` test that is the only way into a block, in every
/// block that exit dominates.
fn facts_by_block(
    graph: &Graph<LlOp>,
    into: &Incoming,
    root: &dyn Fn(&Value) -> Value,
) -> HashMap<BlockId, Vec<(Value, Value)>> {
    let reachable = graph.reachable_blocks();
    let mut cfg: DiGraphMap<u32, (), std::hash::RandomState> = DiGraphMap::new();
    for &b in &reachable {
        cfg.add_node(b.0);
        for link in &graph.block(b).exits {
            cfg.add_edge(b.0, link.target.0, ());
        }
    }
    let doms = dominators::simple_fast(&cfg, graph.startblock.0);
    let mut own: HashMap<BlockId, (Value, Value)> = HashMap::new();
    for &b in &reachable {
        if let Some(fact) = entry_fact(graph, b, into, root) {
            own.insert(b, fact);
        }
    }
    let mut facts = HashMap::new();
    for &b in &reachable {
        let mut known = vec![];
        let mut cur = Some(b.0);
        while let Some(d) = cur {
            known.extend(own.get(&BlockId(d)).cloned());
            cur = doms.immediate_dominator(d);
        }
        facts.insert(b, known);
    }
    facts
}

/// The fact that entering `b` proves: its only way in is one exit of a
/// block whose switch is a `<`-like test of two ints.
fn entry_fact(
    graph: &Graph<LlOp>,
    b: BlockId,
    into: &Incoming,
    root: &dyn Fn(&Value) -> Value,
) -> Option<(Value, Value)> {
    let [(from, e)] = into.get(&b)?.as_slice() else {
        return None;
    };
    let block = graph.block(*from);
    let taken = block.exits[*e].exitcase?;
    let Some(Value::Var(switch)) = &block.exitswitch else {
        return None;
    };
    let test = block.operations.iter().find(|op| op.result == *switch)?;
    let (LlOp::IntCmp(cmp), [x, y]) = (&test.op, test.args.as_slice()) else {
        return None;
    };
    match (cmp, taken) {
        (Cmp::Lt, true) | (Cmp::Ge, false) => Some((root(x), root(y))),
        (Cmp::Gt, true) | (Cmp::Le, false) => Some((root(y), root(x))),
        _ => None,
    }
}

/// The roots that are never negative: lengths, sums of such, and loop
/// counters that start non-negative and only grow without overflowing
/// (by an add of 1 where a `<` test bounds the value, or a saturating add),
/// found optimistically: every block input is assumed non-negative until
/// an incoming value may not be.
fn non_negative_roots(
    graph: &Graph<LlOp>,
    into: &Incoming,
    roots: &[Value],
    defs: &HashMap<VarId, (&LlOp, &[Value])>,
    facts: &HashMap<BlockId, Vec<(Value, Value)>>,
    types: &[LlType],
) -> HashSet<VarId> {
    let reachable = graph.reachable_blocks();
    let mut bounded_adds: HashSet<VarId> = HashSet::new();
    for &b in &reachable {
        for op in &graph.block(b).operations {
            if let (
                LlOp::Int(IntOp::Add) | LlOp::IntOvf(IntOp::Add),
                [a, Value::Const(Constant::Int(1))],
            ) = (&op.op, op.args.as_slice())
            {
                let r = match a {
                    Value::Var(v) => roots[v.index()].clone(),
                    c => c.clone(),
                };
                if facts[&b].iter().any(|(lo, _)| *lo == r) {
                    bounded_adds.insert(op.result);
                }
            }
        }
    }
    let mut inputs: HashMap<VarId, (BlockId, usize)> = HashMap::new();
    for &b in &reachable {
        if b != graph.startblock {
            for (k, &p) in graph.block(b).inputargs.iter().enumerate() {
                inputs.insert(p, (b, k));
            }
        }
    }
    // Candidates: every int root that is an operation result or a block
    // input other than a parameter of the function; dropped until stable.
    let mut nn: HashSet<VarId> = (0..roots.len() as u32)
        .map(VarId)
        .filter(|v| {
            roots[v.index()] == Value::Var(*v)
                && types[v.index()] == LlType::Signed
                && (inputs.contains_key(v) || defs.contains_key(v))
        })
        .collect();
    loop {
        let holds = |v: &Value, nn: &HashSet<VarId>| match v {
            Value::Const(Constant::Int(i)) => *i >= 0,
            Value::Const(Constant::Bool(_)) => true,
            Value::Var(x) => match &roots[x.index()] {
                Value::Var(r) => nn.contains(r),
                Value::Const(Constant::Int(i)) => *i >= 0,
                _ => false,
            },
            _ => false,
        };
        let mut dropped = vec![];
        for &v in &nn {
            let ok = match defs.get(&v) {
                Some((op, args)) => match (op, args) {
                    (LlOp::ListLen | LlOp::StrLen | LlOp::CastBoolToInt, _) => true,
                    (LlOp::Int(IntOp::AddSat | IntOp::Min), [a, b]) => {
                        holds(a, &nn) && holds(b, &nn)
                    }
                    (LlOp::Int(IntOp::Max), [a, b]) => holds(a, &nn) || holds(b, &nn),
                    (LlOp::Int(IntOp::And), [a, b]) => holds(a, &nn) || holds(b, &nn),
                    // By zero it raises; otherwise it is below the divisor.
                    (LlOp::Int(IntOp::Mod), [_, d]) => holds(d, &nn),
                    (LlOp::Int(IntOp::FloorDiv | IntOp::RShift), [a, b]) => {
                        holds(a, &nn) && holds(b, &nn)
                    }
                    (LlOp::Int(IntOp::Add) | LlOp::IntOvf(IntOp::Add), [a, _])
                        if bounded_adds.contains(&v) =>
                    {
                        holds(a, &nn)
                    }
                    _ => false,
                },
                // A block input: every incoming value.
                None => match inputs.get(&v) {
                    Some(&(b, k)) => into
                        .get(&b)
                        .into_iter()
                        .flatten()
                        .all(|&(from, e)| holds(&graph.block(from).exits[e].args[k], &nn)),
                    None => false,
                },
            };
            if !ok {
                dropped.push(v);
            }
        }
        if dropped.is_empty() {
            break;
        }
        for v in dropped {
            nn.remove(&v);
        }
    }
    nn
}
