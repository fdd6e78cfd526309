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
}

pub fn build_flow_graphs(program: &Program) -> Result<FlowGraphs> {
    let mut graphs = IndexMap::new();
    let mut queue = std::collections::VecDeque::from([program.entry]);
    let mut errors = vec![];
    let mut seen = std::collections::HashSet::from([program.entry]);
    while let Some(f) = queue.pop_front() {
        match build::build_graph(program, f) {
            Ok(g) => {
                debug_assert_eq!(verify::verify_graph(&g), Ok(()));
                for b in &g.blocks {
                    for op in &b.operations {
                        for a in &op.args {
                            if let Value::Const(Constant::Func(callee)) = a {
                                if seen.insert(*callee) {
                                    queue.push_back(*callee);
                                }
                            }
                        }
                    }
                }
                graphs.insert(f, g);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(FlowGraphs { graphs })
    } else {
        Err(errors)
    }
}
