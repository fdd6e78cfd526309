//! Phase 5, backendopt: optimisations on low-level graphs, run in a fixed
//! order. Each pass is one file with one entry point; every pass leaves a
//! graph the verifier accepts.
//!
//! Entry point: [`optimize_program`].

pub mod checkremoval;
pub mod constfold;
pub mod deadcode;
pub mod fusion;
pub mod inline;
pub mod mallocremoval;

#[cfg(test)]
mod tests;

use crate::rtype::LlProgram;

#[derive(Clone, Copy, Debug, Default)]
pub struct BackendOptOptions {
    pub constfold: bool,
    pub inline: bool,
    pub mallocremoval: bool,
    pub checkremoval: bool,
    pub fusion: bool,
    pub overflow_checks: bool,
}

/// What the passes did, for `--stats` and `--timings-json`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub ops_before: usize,
    pub ops_after: usize,
    pub calls_inlined: usize,
    pub mallocs_removed: usize,
    pub ops_folded: usize,
    pub copies_removed: usize,
    pub switches_folded: usize,
    pub ops_removed: usize,
    pub blocks_removed: usize,
    pub inputs_removed: usize,
    pub bounds_checks_removed: usize,
    pub overflow_checks_removed: usize,
    pub ops_fused: usize,
    /// From rtype's class-hierarchy analysis (see `ClassLayouts`).
    pub method_calls_devirtualized: usize,
    pub method_calls_dispatched: usize,
}

impl Stats {
    /// Every counter by name, for `--stats` and `--timings-json`.
    pub fn counters(&self) -> [(&'static str, usize); 15] {
        [
            ("ops_before", self.ops_before),
            ("ops_after", self.ops_after),
            ("calls_inlined", self.calls_inlined),
            ("mallocs_removed", self.mallocs_removed),
            ("ops_folded", self.ops_folded),
            ("copies_removed", self.copies_removed),
            ("switches_folded", self.switches_folded),
            ("ops_removed", self.ops_removed),
            ("blocks_removed", self.blocks_removed),
            ("inputs_removed", self.inputs_removed),
            ("bounds_checks_removed", self.bounds_checks_removed),
            ("overflow_checks_removed", self.overflow_checks_removed),
            ("ops_fused", self.ops_fused),
            (
                "method_calls_devirtualized",
                self.method_calls_devirtualized,
            ),
            ("method_calls_dispatched", self.method_calls_dispatched),
        ]
    }
}

fn count_ops(program: &LlProgram) -> usize {
    program
        .graphs
        .values()
        .flat_map(|g| &g.graph.blocks)
        .map(|b| b.operations.len())
        .sum()
}

pub fn optimize_program(program: &mut LlProgram, opts: BackendOptOptions) -> Stats {
    let mut stats = Stats {
        ops_before: count_ops(program),
        method_calls_devirtualized: program.classes.method_calls_devirtualized,
        method_calls_dispatched: program.classes.method_calls_dispatched,
        ..Stats::default()
    };
    if opts.inline {
        inline::inline_program(program, &mut stats);
    }
    let shrinking = match opts.checkremoval {
        true => checkremoval::shrinking_functions(program),
        false => Default::default(),
    };
    for (f, ll) in program.graphs.iter_mut() {
        if opts.mallocremoval {
            mallocremoval::remove_mallocs(ll, &mut stats);
        }
        if opts.constfold {
            constfold::constant_fold_graph(ll, opts.overflow_checks, &mut stats);
        }
        if opts.fusion {
            // Fusion needs exact use counts: dead loop inputs gone first.
            deadcode::remove_dead_code(ll, &mut stats);
            fusion::fuse_operations(ll, &mut stats);
        }
        if opts.checkremoval {
            checkremoval::remove_proven_checks(ll, shrinking.contains(f), &mut stats);
        }
        deadcode::remove_dead_code(ll, &mut stats);
        debug_assert_eq!(crate::flowgraph::verify::verify_graph(&ll.graph), Ok(()));
    }
    stats.ops_after = count_ops(program);
    stats
}
