//! The graph verifier: checks the invariants every pass must keep, at any
//! IR level. It collects every problem instead of stopping at the first.
//!
//! - each variable is defined once (as a block input or an operation result);
//! - a block uses only its own inputs and results defined earlier in it;
//! - a link passes exactly as many values as its target has inputs;
//! - a block with an exit switch has two exits, for false and for true;
//!   otherwise at most one, without an exit case;
//! - the return block has one input and no exits (another block without
//!   exits ends in a call that never returns).

use super::ir::{Graph, Value, VarId};
use std::collections::HashSet;

pub fn verify_graph<Op>(graph: &Graph<Op>) -> Result<(), Vec<String>> {
    let mut errors = vec![];
    let mut defined_anywhere = HashSet::new();
    let mut err = |b: String| errors.push(format!("{}: {b}", graph.name));
    for b in graph.reachable_blocks() {
        let block = graph.block(b);
        let mut local: HashSet<VarId> = HashSet::new();
        let define = |v: VarId,
                      local: &mut HashSet<VarId>,
                      defined: &mut HashSet<VarId>,
                      err: &mut dyn FnMut(String)| {
            if !defined.insert(v) {
                err(format!("{b}: {v} defined twice"));
            }
            local.insert(v);
        };
        for &v in &block.inputargs {
            define(v, &mut local, &mut defined_anywhere, &mut err);
        }
        let check = |v: &Value, local: &HashSet<VarId>, what: &str, err: &mut dyn FnMut(String)| {
            if let Value::Var(var) = v {
                if !local.contains(var) {
                    err(format!(
                        "{b}: {what} uses {var}, which is not defined in this block"
                    ));
                }
            }
        };
        for op in &block.operations {
            for a in &op.args {
                check(a, &local, "an operation", &mut err);
            }
            define(op.result, &mut local, &mut defined_anywhere, &mut err);
        }
        if let Some(sw) = &block.exitswitch {
            check(sw, &local, "the exit switch", &mut err);
            let cases: Vec<_> = block.exits.iter().map(|l| l.exitcase).collect();
            if cases.len() != 2 || !cases.contains(&Some(false)) || !cases.contains(&Some(true)) {
                err(format!(
                    "{b}: a switch needs exits for false and true, has {cases:?}"
                ));
            }
        } else if block.raising {
            if block.exits.is_empty() || block.exits.len() > 2 {
                err(format!(
                    "{b}: a raising block needs an exception exit and at most one other"
                ));
            }
        } else if block.exits.len() > 1 || block.exits.iter().any(|l| l.exitcase.is_some()) {
            err(format!(
                "{b}: without a switch a block has at most one plain exit"
            ));
        }
        for l in &block.exits {
            for a in &l.args {
                check(a, &local, "a link", &mut err);
            }
            let n = graph.block(l.target).inputargs.len();
            if n != l.args.len() {
                err(format!(
                    "{b}: link to {} passes {} values for {n} inputs",
                    l.target,
                    l.args.len()
                ));
            }
        }
    }
    let ret = graph.block(graph.returnblock);
    if ret.inputargs.len() != 1 || !ret.exits.is_empty() {
        err("the return block must have one input and no exits".to_string());
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
