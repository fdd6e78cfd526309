//! Phase 2, flow graphs: every function reachable from the entry point
//! becomes a graph of blocks in SSA form (see `ir`).
//!
//! Entry point: [`build_flow_graphs`].

pub mod build;
pub mod dump;
pub mod hlop;
pub mod ir;
pub mod simplify;
pub mod verify;

#[cfg(test)]
mod tests;

use crate::diagnostics::Result;
use crate::parse::program::Program;
use hlop::HlOp;
use indexmap::IndexMap;
use ir::{Constant, FuncId, Graph, Value};

/// The graphs of all functions reachable from the entry point by
/// reference, in discovery order (deterministic).
pub struct FlowGraphs {
    pub graphs: IndexMap<FuncId, Graph<HlOp>>,
    /// For each function but the entry point: the function that first
    /// referenced it and where, so messages can say how it is reached.
    pub reached_from: IndexMap<FuncId, (FuncId, crate::diagnostics::Span)>,
    /// Methods of referenced classes whose graphs could not be built: an
    /// error only if the annotator finds the method is actually called.
    pub deferred_errors: IndexMap<FuncId, Vec<crate::diagnostics::Diagnostic>>,
}

impl FlowGraphs {
    /// `entry_point -> f -> g`, as (caller name, call site) pairs from the
    /// entry point down to `f`'s caller.
    pub fn call_chain(&self, f: FuncId) -> Vec<(String, crate::diagnostics::Span)> {
        let mut chain = vec![];
        let mut cur = f;
        while let Some(&(caller, span)) = self.reached_from.get(&cur) {
            if chain.len() > self.graphs.len() {
                break;
            }
            chain.push((self.graphs[&caller].name.clone(), span));
            cur = caller;
        }
        chain.reverse();
        chain
    }
}

/// `progress` is told how many graphs are built after each one.
pub fn build_flow_graphs(program: &Program, progress: &mut dyn FnMut(usize)) -> Result<FlowGraphs> {
    let mut graphs = IndexMap::new();
    // Module-level code runs before the entry point, so it is reachable.
    let roots: Vec<FuncId> = program
        .module_inits
        .iter()
        .copied()
        .chain([program.entry])
        .collect();
    let mut queue: std::collections::VecDeque<FuncId> = roots.iter().copied().collect();
    let mut errors = vec![];
    let mut seen: std::collections::HashSet<FuncId> = roots.into_iter().collect();
    let mut reached_from = IndexMap::new();
    let mut deferred_errors = IndexMap::new();
    let mut classes_seen = std::collections::HashSet::new();
    let mut lazy = std::collections::HashSet::new();
    while let Some(f) = queue.pop_front() {
        match build::build_graph(program, f) {
            Ok(g) => {
                debug_assert_eq!(verify::verify_graph(&g), Ok(()));
                // A generator made here may be resumed.
                if let Some(crate::parse::program::GeneratorPart::Maker { resume, .. }) =
                    program.function(f).generator
                {
                    if seen.insert(resume) {
                        queue.push_back(resume);
                        reached_from.insert(resume, (f, g.span));
                    }
                }
                // Functions referenced by operations or carried along links
                // (`h = helper` before a branch) are all reachable.
                for b in &g.blocks {
                    let in_ops = b
                        .operations
                        .iter()
                        .flat_map(|op| op.args.iter().map(move |a| (a, op.span)));
                    let in_links = b
                        .exits
                        .iter()
                        .flat_map(|l| l.args.iter().map(move |a| (a, l.span)));
                    let closures = b.operations.iter().filter_map(|op| match op.op {
                        HlOp::MakeClosure(f) => Some((f, op.span)),
                        _ => None,
                    });
                    for (callee, span) in closures {
                        if seen.insert(callee) {
                            queue.push_back(callee);
                            reached_from.insert(callee, (f, span));
                        }
                    }
                    for (a, span) in in_ops.chain(in_links) {
                        if let Value::Const(Constant::Func(callee)) = a {
                            if seen.insert(*callee) {
                                queue.push_back(*callee);
                                reached_from.insert(*callee, (f, span));
                            }
                        }
                        // A referenced class brings the methods of its
                        // whole hierarchy: calls on its instances may
                        // dispatch to any of them.
                        if let Value::Const(Constant::Class(c)) = a {
                            if classes_seen.insert(*c) {
                                let root = program.mro(*c).last().unwrap_or(*c);
                                for k in program.subtree(root) {
                                    for &m in program.class(k).methods.values() {
                                        if seen.insert(m) {
                                            queue.push_back(m);
                                            reached_from.insert(m, (f, span));
                                            lazy.insert(m);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                graphs.insert(f, g);
                progress(graphs.len());
            }
            Err(e) if lazy.contains(&f) => {
                deferred_errors.insert(f, e);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(FlowGraphs {
            graphs,
            reached_from,
            deferred_errors,
        })
    } else {
        Err(errors)
    }
}
