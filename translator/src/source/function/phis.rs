//! Which block inputs need a phi. Graphs pass every live value along every
//! link, RPython style, so most block inputs receive one and the same
//! value on every incoming link: all inputs of a block with a single
//! predecessor, and values that flow unchanged around a loop. Those inputs
//! are emitted as that value itself; only the others become phis. LLVM
//! would remove the redundant phis too, but cleaning them up cost a
//! quarter of clang's time on large programs.

use crate::flowgraph::ir::{BlockId, Graph, Value, VarId};
use crate::rtype::llop::LlOp;
use std::collections::{HashMap, HashSet};

pub(super) struct PhiPlan {
    /// Reachable blocks in reverse postorder: a block's dominators come
    /// before it, so a forwarded input's value exists when it is needed.
    pub order: Vec<BlockId>,
    /// Block inputs that are another value (not a phi).
    pub forwarded: HashMap<VarId, Value>,
    /// Block inputs that no operation, switch or return ever reads
    /// (unbound-local flags after their last test, values kept for a
    /// path that no longer uses them): no phi either.
    pub dead: HashSet<VarId>,
}

/// `may_forward(input, value)` says whether `input` can be replaced by
/// `value` as far as the LLVM types go.
pub(super) fn plan(graph: &Graph<LlOp>, may_forward: impl Fn(VarId, &Value) -> bool) -> PhiPlan {
    let order = reverse_postorder(graph);
    // incoming[block][input]: what each link into the block passes, or
    // None where the value is not an ordinary graph value (the caught
    // exception, an unbound local, a GC reference reloaded after the
    // raising call).
    let mut incoming: Vec<Vec<Vec<Option<Value>>>> = graph
        .block_ids()
        .map(|b| vec![vec![]; graph.block(b).inputargs.len()])
        .collect();
    for &b in &order {
        let block = graph.block(b);
        let reloaded: Vec<VarId> = block
            .operations
            .iter()
            .filter(|op| matches!(op.op, LlOp::GcRestoreRoot(_)))
            .map(|op| op.result)
            .collect();
        for (n, link) in block.exits.iter().enumerate() {
            let exceptional = block.raising && n == block.exits.len() - 1;
            for (i, arg) in link.args.iter().enumerate() {
                let opaque = match arg {
                    Value::Const(c) => !c.is_value(),
                    Value::Var(v) => exceptional && reloaded.contains(v),
                };
                incoming[link.target.index()][i].push((!opaque).then(|| arg.clone()));
            }
        }
    }
    let mut forwarded: HashMap<VarId, Value> = HashMap::new();
    let resolve = |forwarded: &HashMap<VarId, Value>, v: &Value| {
        let mut v = v.clone();
        while let Value::Var(x) = v {
            match forwarded.get(&x) {
                Some(next) => v = next.clone(),
                None => break,
            }
        }
        v
    };
    // Trivial phis (every incoming value the same, or the input itself
    // around a loop) to a fixpoint: forwarding one input can make another
    // trivial. In strict SSA the single value then dominates the block.
    loop {
        let mut changed = false;
        for &b in &order {
            if b == graph.startblock {
                continue;
            }
            for (i, &x) in graph.block(b).inputargs.iter().enumerate() {
                if forwarded.contains_key(&x) {
                    continue;
                }
                let mut only: Option<Value> = None;
                let mut trivial = true;
                for arg in &incoming[b.index()][i] {
                    let Some(arg) = arg else {
                        trivial = false;
                        break;
                    };
                    let arg = resolve(&forwarded, arg);
                    if arg == Value::Var(x) {
                        continue;
                    }
                    match &only {
                        None => only = Some(arg),
                        Some(o) if *o == arg => {}
                        Some(_) => {
                            trivial = false;
                            break;
                        }
                    }
                }
                if let (true, Some(v)) = (trivial, only) {
                    if may_forward(x, &v) {
                        forwarded.insert(x, v);
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let resolved = forwarded
        .keys()
        .map(|&x| (x, resolve(&forwarded, &Value::Var(x))))
        .collect();
    let dead = dead_inputs(graph, &order);
    PhiPlan {
        order,
        forwarded: resolved,
        dead,
    }
}

/// Inputs of reachable blocks whose value is never read: liveness flows
/// backwards from operations, switches and the returned value along links.
fn dead_inputs(graph: &Graph<LlOp>, order: &[BlockId]) -> HashSet<VarId> {
    let mut live: HashSet<VarId> = HashSet::new();
    let mut work: Vec<VarId> = vec![];
    let mark = |v: &Value, live: &mut HashSet<VarId>, work: &mut Vec<VarId>| {
        if let Value::Var(x) = v {
            if live.insert(*x) {
                work.push(*x);
            }
        }
    };
    // Where each variable is passed: (target block, input position).
    let mut passed: HashMap<VarId, Vec<(BlockId, usize)>> = HashMap::new();
    for &b in order {
        let block = graph.block(b);
        for op in &block.operations {
            for a in &op.args {
                mark(a, &mut live, &mut work);
            }
        }
        if let Some(sw) = &block.exitswitch {
            mark(sw, &mut live, &mut work);
        }
        for link in &block.exits {
            for (i, a) in link.args.iter().enumerate() {
                if let Value::Var(x) = a {
                    passed.entry(*x).or_default().push((link.target, i));
                }
            }
        }
    }
    mark(&Value::Var(graph.return_var()), &mut live, &mut work);
    // Backwards: an input is live if something reads it; what every link
    // passes into a live input is live.
    let mut inputs_of: HashMap<VarId, (BlockId, usize)> = HashMap::new();
    for &b in order {
        for (i, &x) in graph.block(b).inputargs.iter().enumerate() {
            inputs_of.insert(x, (b, i));
        }
    }
    let mut into: HashMap<(BlockId, usize), Vec<VarId>> = HashMap::new();
    for (&x, uses) in &passed {
        for &u in uses {
            into.entry(u).or_default().push(x);
        }
    }
    while let Some(x) = work.pop() {
        let Some(&pos) = inputs_of.get(&x) else {
            continue;
        };
        for &y in into.get(&pos).into_iter().flatten() {
            mark(&Value::Var(y), &mut live, &mut work);
        }
    }
    order
        .iter()
        .filter(|&&b| b != graph.startblock)
        .flat_map(|&b| graph.block(b).inputargs.iter().copied())
        .filter(|x| !live.contains(x))
        .collect()
}

/// Blocks reachable from the start, in reverse postorder (deterministic:
/// exits are followed in order).
fn reverse_postorder<Op>(graph: &Graph<Op>) -> Vec<BlockId> {
    let mut seen = vec![false; graph.blocks.len()];
    let mut post = vec![];
    // (block, next exit to visit)
    let mut stack = vec![(graph.startblock, 0)];
    seen[graph.startblock.index()] = true;
    while let Some((b, next)) = stack.last_mut() {
        let exits = &graph.block(*b).exits;
        if let Some(link) = exits.get(*next) {
            *next += 1;
            let t = link.target;
            if !std::mem::replace(&mut seen[t.index()], true) {
                stack.push((t, 0));
            }
        } else {
            post.push(*b);
            stack.pop();
        }
    }
    post.reverse();
    post
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;
    use crate::flowgraph::ir::Constant;
    use crate::flowgraph::ir::Link;

    fn link(target: BlockId, args: Vec<Value>) -> Link {
        let n = args.len();
        Link {
            target,
            args,
            exitcase: None,
            arg_spans: vec![Span::default(); n],
            span: Span::default(),
        }
    }

    #[test]
    fn loop_invariant_and_single_predecessor_inputs_are_forwarded() {
        // start(n) -> head(a, i) ; head -> body(a2, i2) | exit(a3)
        // body -> head(a2, i2 + 1)   [i2+1 is an op result: a real phi]
        let mut g: Graph<LlOp> = Graph {
            name: "f".into(),
            func: crate::flowgraph::ir::FuncId(0),
            blocks: vec![],
            vars: vec![],
            startblock: BlockId(0),
            returnblock: BlockId(0),
            span: Span::default(),
        };
        let sp = Span::default();
        let n = g.new_var(None, sp);
        let a = g.new_var(None, sp);
        let i = g.new_var(None, sp);
        let a2 = g.new_var(None, sp);
        let i2 = g.new_var(None, sp);
        let next = g.new_var(None, sp);
        let a3 = g.new_var(None, sp);
        let cond = g.new_var(None, sp);
        let start = g.new_block(vec![n]);
        let result = g.new_var(None, sp);
        g.returnblock = g.new_block(vec![result]);
        let head = g.new_block(vec![a, i]);
        let body = g.new_block(vec![a2, i2]);
        let exit = g.new_block(vec![a3]);
        g.block_mut(start).exits = vec![link(
            head,
            vec![Value::Var(n), Value::Const(Constant::Int(0))],
        )];
        g.block_mut(head).exitswitch = Some(Value::Var(cond));
        let mut to_body = link(body, vec![Value::Var(a), Value::Var(i)]);
        to_body.exitcase = Some(true);
        let mut to_exit = link(exit, vec![Value::Var(a)]);
        to_exit.exitcase = Some(false);
        g.block_mut(head).exits = vec![to_exit, to_body];
        g.block_mut(body).exits = vec![link(head, vec![Value::Var(a2), Value::Var(next)])];
        let ret = g.returnblock;
        g.block_mut(exit).exits = vec![link(ret, vec![Value::Var(a3)])];
        let plan = plan(&g, |_, _| true);
        assert_eq!(plan.order[0], start);
        // `a` only ever receives `n` (itself around the loop).
        assert_eq!(plan.forwarded.get(&a), Some(&Value::Var(n)));
        assert_eq!(plan.forwarded.get(&a2), Some(&Value::Var(n)));
        assert_eq!(plan.forwarded.get(&a3), Some(&Value::Var(n)));
        assert_eq!(plan.forwarded.get(&i2), Some(&Value::Var(i)));
        // `i` receives 0 and `next`: it stays a phi.
        assert!(!plan.forwarded.contains_key(&i));
        // No operation reads `i` (the loop body is empty): no phi either.
        assert!(plan.dead.contains(&i));
        assert!(!plan.dead.contains(&a3));
        // A type mismatch keeps the phi.
        let strict = super::plan(&g, |x, _| x != a);
        assert!(!strict.forwarded.contains_key(&a));
        assert_eq!(strict.forwarded.get(&a2), Some(&Value::Var(a)));
    }
}
