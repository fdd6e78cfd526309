//! Helpers for unit tests: run the front phases on a source string, and
//! compare text against golden files in tests/golden/ (`BLESS=1` rewrites
//! them).

use crate::annotate::{annotate_program, Annotations};
use crate::backendopt::{optimize_program, BackendOptOptions, Stats};
use crate::diagnostics::{Diagnostic, SourceMap};
use crate::flowgraph::ir::FuncId;
use crate::flowgraph::{build_flow_graphs, FlowGraphs};
use crate::parse::parse_program;
use crate::parse::program::{Global, Program};
use crate::rtype::{rtype_program, LlProgram, RtypeOptions};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Parses `src` as a target file (written to a fresh temporary folder).
pub fn parse(src: &str) -> Result<(Program, SourceMap), (Vec<Diagnostic>, SourceMap)> {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("translator-unit-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("target.py");
    std::fs::write(&path, src).unwrap();
    let mut sources = SourceMap::default();
    let result = parse_program(&path, &mut sources);
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(p) => Ok((p, sources)),
        Err(e) => Err((e, sources)),
    }
}

pub struct Front {
    pub program: Program,
    pub sources: SourceMap,
    pub flow: FlowGraphs,
}

impl Front {
    pub fn func(&self, name: &str) -> FuncId {
        match self.program.modules[0].globals.get(name) {
            Some(Global::Func(f)) => *f,
            _ => panic!("no function {name}"),
        }
    }
}

pub fn front(src: &str) -> Front {
    let (program, sources) = parse(src).unwrap_or_else(|(e, s)| panic!("{}", render(&e, &s)));
    let flow = build_flow_graphs(&program, &mut |_| {})
        .unwrap_or_else(|e| panic!("{}", render(&e, &sources)));
    Front {
        program,
        sources,
        flow,
    }
}

pub fn render(errors: &[Diagnostic], sources: &SourceMap) -> String {
    errors.iter().map(|e| e.render(sources)).collect()
}

pub fn annotate(f: &Front) -> Result<Annotations, String> {
    annotate_program(&f.program, &f.flow, &mut |_| {}).map_err(|e| render(&e, &f.sources))
}

pub fn rtyped(f: &Front) -> LlProgram {
    let ann = annotate(f).unwrap_or_else(|e| panic!("{e}"));
    rtype_program(
        &f.program,
        &f.flow,
        &ann,
        RtypeOptions::default(),
        &mut |_| {},
    )
    .unwrap_or_else(|e| panic!("{}", render(&e, &f.sources)))
}

/// Every backendopt pass on, as at -O2.
pub fn all_passes() -> BackendOptOptions {
    BackendOptOptions {
        constfold: true,
        inline: true,
        mallocremoval: true,
        checkremoval: true,
        fusion: true,
        overflow_checks: false,
    }
}

pub fn optimized(f: &Front) -> (LlProgram, Stats) {
    let mut ll = rtyped(f);
    let stats = optimize_program(&mut ll, all_passes());
    (ll, stats)
}

/// Compares `actual` with tests/golden/<name>.txt.
pub fn golden(name: &str, actual: &str) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "tests",
        "golden",
        &format!("{name}.txt"),
    ]
    .iter()
    .collect();
    if std::env::var("BLESS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with BLESS=1 to create it",
            path.display()
        )
    });
    assert_eq!(
        expected, actual,
        "golden {name} differs (BLESS=1 updates it after review)"
    );
}
