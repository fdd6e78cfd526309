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
    let mut prebuilt_seen = std::collections::HashSet::new();
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
                        let Value::Const(c) = a else {
                            continue;
                        };
                        // A prebuilt instance brings what its fields hold.
                        let mut constants = vec![c.clone()];
                        while let Some(c) = constants.pop() {
                            let class = match c {
                                Constant::Func(callee) => {
                                    if seen.insert(callee) {
                                        queue.push_back(callee);
                                        reached_from.insert(callee, (f, span));
                                    }
                                    continue;
                                }
                                Constant::Class(c) => c,
                                Constant::Prebuilt(p, c) => {
                                    if prebuilt_seen.insert(p) {
                                        let fields = &program.prebuilt[p.index()].fields;
                                        constants.extend(fields.iter().map(|(_, c, _)| c.clone()));
                                    }
                                    c
                                }
                                _ => continue,
                            };
                            // A referenced class (or an instance of it) brings
                            // the methods of its whole hierarchy: calls on its
                            // instances may dispatch to any of them.
                            if classes_seen.insert(class) {
                                let root = program.mro(class).last().unwrap_or(class);
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
            Err(e) => {
                // How the entry point gets here, as the annotator says it.
                let short = |g: FuncId| {
                    let q = program.qualname(g);
                    q.rsplit('.').next().unwrap_or(&q).to_string()
                };
                let mut notes = vec![];
                let mut cur = f;
                while let Some(&(caller, span)) = reached_from.get(&cur) {
                    if notes.len() > reached_from.len() {
                        break;
                    }
                    notes.push((
                        span,
                        format!("`{}` is reached from `{}` here", short(cur), short(caller)),
                    ));
                    cur = caller;
                }
                errors.extend(e.into_iter().map(|d| {
                    notes
                        .iter()
                        .fold(d, |d, (span, msg)| d.with_note(Some(*span), msg.clone()))
                }));
                // No graph to follow: the module functions its source
                // names are reached anyway, so their own errors are
                // reported in the same run.
                for (callee, span) in functions_named_in(program, f) {
                    if seen.insert(callee) {
                        queue.push_back(callee);
                        reached_from.insert(callee, (f, span));
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(FlowGraphs {
            graphs,
            reached_from,
            deferred_errors,
        })
    } else {
        errors.sort_by_key(|d| d.span.map(|s| (s.file, s.start)));
        errors.truncate(crate::diagnostics::MAX_ERRORS);
        Err(errors)
    }
}

/// The module-level functions whose names the source of `f` reads (what
/// its graph would have called, had it been built), with where.
fn functions_named_in(program: &Program, f: FuncId) -> Vec<(FuncId, crate::diagnostics::Span)> {
    use rustpython_ast::Visitor;
    use rustpython_parser::ast;
    #[derive(Default)]
    struct Names(Vec<(String, ast::text_size::TextRange)>);
    impl Visitor for Names {
        fn visit_expr_name(&mut self, node: ast::ExprName) {
            if matches!(node.ctx, ast::ExprContext::Load) {
                self.0.push((node.id.to_string(), node.range));
            }
        }
    }
    let func = program.function(f);
    let mut names = Names::default();
    for s in func.def.body.clone() {
        names.visit_stmt(s);
    }
    let globals = &program.module(func.module).globals;
    names
        .0
        .iter()
        .filter_map(|(n, range)| match globals.get(n.as_str()) {
            Some(crate::parse::program::Global::Func(g)) => Some((
                *g,
                crate::diagnostics::Span::new(func.file, range.start().into(), range.end().into()),
            )),
            _ => None,
        })
        .collect()
}
