//! The driver: runs the phases in order, each timed, and owns all file
//! system work (reading the target, dumps, the build folder).
//!
//! Entry points: [`translate`], and [`check`] for the phases that can
//! reject a program.

pub mod progress;
pub mod timer;

use crate::annotate::Annotations;
use crate::backendopt::{self, BackendOptOptions};
use crate::diagnostics::{Diagnostic, SourceMap};
use crate::flowgraph::dump::dump_graph;
use crate::flowgraph::ir::Graph;
use crate::rtype::{self, LlProgram, RtypeOptions};
use crate::{annotate, compile, database, flowgraph, gctransform, parse, source, stackcheck};
use progress::Progress;
pub use progress::ProgressMode;
use std::path::{Path, PathBuf};
use timer::Timings;

#[derive(Clone, Debug)]
pub struct Options {
    pub target: PathBuf,
    /// 0 to 3.
    pub opt_level: u8,
    pub output: Option<PathBuf>,
    pub build_dir: Option<PathBuf>,
    /// Stop after writing the build folder.
    pub source_only: bool,
    pub cc: String,
    pub llvm_link: String,
    pub overflow_checks: bool,
    pub constfold: bool,
    pub inline: bool,
    pub mallocremoval: bool,
    pub checkremoval: bool,
    pub fusion: bool,
    pub dump_graphs: Option<PathBuf>,
    /// With `dump_graphs`: only functions whose name contains this.
    pub dump_only: Option<String>,
    /// DWARF line tables mapping the binary to the .py sources.
    pub debug_info: bool,
    /// Profile-guided build: train with these arguments (None: the
    /// target's `profopt_args`, else none).
    pub profopt: Option<Option<String>>,
    /// Codegen units compiled in parallel (`--jobs`); None: one per core
    /// for programs large enough to gain from it.
    pub jobs: Option<usize>,
    /// How progress shows on stderr (the caller decides: a line only when
    /// stderr is a terminal and not `--batch`, plain lines otherwise).
    pub progress: ProgressMode,
}

impl Options {
    /// The command line's defaults for `target` (-O2, clang-19, every pass
    /// on, a temporary build folder), with no progress output: what the
    /// library's own callers start from.
    pub fn new(target: PathBuf) -> Options {
        Options {
            target,
            opt_level: 2,
            output: None,
            build_dir: None,
            source_only: false,
            cc: "clang-19".into(),
            llvm_link: "llvm-link-19".into(),
            overflow_checks: false,
            constfold: true,
            inline: true,
            mallocremoval: true,
            checkremoval: true,
            fusion: true,
            dump_graphs: None,
            dump_only: None,
            debug_info: false,
            profopt: None,
            jobs: None,
            progress: ProgressMode::Off,
        }
    }
}

pub struct Outcome {
    pub timings: Timings,
    pub output: PathBuf,
    pub build_dir: PathBuf,
    pub stats: backendopt::Stats,
    pub sizes: Vec<GraphSizes>,
    /// Prebuilt constants in the database (strings today).
    pub prebuilt_constants: usize,
    pub classes: usize,
    pub gc: gctransform::GcStats,
}

/// How big the program is after a phase, for `--stats`.
pub struct GraphSizes {
    pub phase: &'static str,
    pub functions: usize,
    pub blocks: usize,
    pub operations: usize,
}

impl GraphSizes {
    fn of<'g, Op: 'g>(
        phase: &'static str,
        graphs: impl Iterator<Item = &'g Graph<Op>>,
    ) -> GraphSizes {
        let mut s = GraphSizes {
            phase,
            functions: 0,
            blocks: 0,
            operations: 0,
        };
        for g in graphs {
            s.functions += 1;
            let reachable = g.reachable_blocks();
            s.blocks += reachable.len();
            s.operations += reachable
                .iter()
                .map(|&b| g.block(b).operations.len())
                .sum::<usize>();
        }
        s
    }
}

struct Built {
    output: PathBuf,
    build_dir: PathBuf,
    stats: backendopt::Stats,
    sizes: Vec<GraphSizes>,
    prebuilt_constants: usize,
    classes: usize,
    gc: gctransform::GcStats,
}

/// A failed translation: the errors and the sources to render them with.
pub struct Failure {
    pub errors: Vec<Diagnostic>,
    pub sources: SourceMap,
    pub timings: Timings,
}

pub fn translate(opts: &Options) -> Result<Outcome, Box<Failure>> {
    let mut sources = SourceMap::default();
    let mut t = Timings::default();
    let mut progress = reporter(opts.progress);
    let result = check_phases(opts, &mut sources, &mut t, &mut progress)
        .and_then(|c| build_phases(opts, c, &sources, &mut t, &mut progress));
    // Whatever the caller prints next starts on a clean line.
    progress.clear();
    match result {
        Ok(b) => Ok(Outcome {
            timings: t,
            output: b.output,
            build_dir: b.build_dir,
            stats: b.stats,
            sizes: b.sizes,
            prebuilt_constants: b.prebuilt_constants,
            classes: b.classes,
            gc: b.gc,
        }),
        Err(errors) => Err(Box::new(Failure {
            errors,
            sources,
            timings: t,
        })),
    }
}

/// Every phase up to the database: all that can reject a program (and
/// the transforms after them), without generating code or writing files
/// (except `--dump-graphs`). For tests that feed the translator many
/// programs; `build_dir`, `output`, `cc` and the like are not used.
pub fn check(opts: &Options) -> Result<Timings, Box<Failure>> {
    let mut sources = SourceMap::default();
    let mut t = Timings::default();
    let mut progress = reporter(opts.progress);
    let result = check_phases(opts, &mut sources, &mut t, &mut progress);
    progress.clear();
    match result {
        Ok(_) => Ok(t),
        Err(errors) => Err(Box::new(Failure {
            errors,
            sources,
            timings: t,
        })),
    }
}

type PhaseResult<T> = Result<T, Vec<Diagnostic>>;

type Reporter = Progress<std::io::Stderr>;

fn reporter(mode: ProgressMode) -> Reporter {
    match mode {
        ProgressMode::Line => Progress::new(Some(std::io::stderr())),
        ProgressMode::Plain => Progress::plain(std::io::stderr()),
        ProgressMode::Off => Progress::new(None),
    }
}

/// Runs one phase, timed and named on the progress line. `f` is given the
/// callback through which a phase that counts reports how many functions
/// it has done.
fn phase<T>(
    t: &mut Timings,
    progress: &mut Reporter,
    name: &'static str,
    f: impl FnOnce(&mut dyn FnMut(usize)) -> T,
) -> T {
    progress.start(name);
    t.time(name, || f(&mut |n| progress.count(n)))
}

/// What the checking phases hand to the building ones.
struct Checked {
    program_profopt_args: Option<String>,
    ll: LlProgram,
    db: database::Database,
    stats: backendopt::Stats,
    sizes: Vec<GraphSizes>,
    gc: gctransform::GcStats,
}

fn check_phases(
    opts: &Options,
    sources: &mut SourceMap,
    t: &mut Timings,
    p: &mut Reporter,
) -> PhaseResult<Checked> {
    let program = phase(t, p, "parse", |_| {
        parse::parse_program(&opts.target, sources)
    })?;
    let program_profopt_args = match program.modules[0].globals.get("profopt_args") {
        Some(crate::parse::program::Global::Const(crate::flowgraph::ir::Constant::Str(s))) => {
            Some(s.to_string())
        }
        _ => None,
    };
    let flow = phase(t, p, "flowgraph", |count| {
        flowgraph::build_flow_graphs(&program, count)
    })?;
    dump(opts, "1-flow", flow.graphs.values(), |_, _| String::new())?;
    let mut sizes = vec![GraphSizes::of("flowgraph", flow.graphs.values())];
    let ann: Annotations = phase(t, p, "annotate", |count| {
        annotate::annotate_program(&program, &flow, count)
    })?;
    dump(
        opts,
        "2-annotated",
        flow.graphs
            .iter()
            .filter(|(f, _)| ann.bindings.contains_key(*f))
            .map(|(_, g)| g),
        |g, v| format!(": {}", ann.binding(g.func, v)),
    )?;
    let rtype_opts = RtypeOptions {
        overflow_checks: opts.overflow_checks,
    };
    let mut ll = phase(t, p, "rtype", |count| {
        rtype::rtype_program(&program, &flow, &ann, rtype_opts, count)
    })?;
    verify_all(&ll)?;
    sizes.push(GraphSizes::of(
        "rtype",
        ll.graphs.values().map(|g| &g.graph),
    ));
    dump_ll(opts, "3-rtyped", &ll)?;
    let bopts = BackendOptOptions {
        constfold: opts.constfold && opts.opt_level > 0,
        inline: opts.inline && opts.opt_level > 0,
        mallocremoval: opts.mallocremoval && opts.opt_level > 0,
        checkremoval: opts.checkremoval && opts.opt_level > 0,
        fusion: opts.fusion && opts.opt_level > 0,
        overflow_checks: opts.overflow_checks,
    };
    let stats = phase(t, p, "backendopt", |_| {
        backendopt::optimize_program(&mut ll, bopts)
    });
    verify_all(&ll)?;
    sizes.push(GraphSizes::of(
        "backendopt",
        ll.graphs.values().map(|g| &g.graph),
    ));
    dump_ll(opts, "4-optimized", &ll)?;
    let recursion = phase(t, p, "stackcheckinsertion", |_| {
        stackcheck::insert_stack_checks(&mut ll)
    });
    let gc = phase(t, p, "gctransform", |count| {
        gctransform::transform_program(&mut ll, count)
    });
    verify_all(&ll)?;
    dump_ll(opts, "5-gctransformed", &ll)?;
    let db = phase(t, p, "database", |_| {
        database::build_database(&ll, recursion)
    });
    Ok(Checked {
        program_profopt_args,
        ll,
        db,
        stats,
        sizes,
        gc,
    })
}

fn build_phases(
    opts: &Options,
    c: Checked,
    sources: &SourceMap,
    t: &mut Timings,
    p: &mut Reporter,
) -> PhaseResult<Built> {
    let stem = opts
        .target
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("program")
        .to_string();
    let build_dir = match &opts.build_dir {
        Some(d) => d.clone(),
        None => std::env::temp_dir().join(format!("translate-{stem}-{}", std::process::id())),
    };
    let source_opts = source::SourceOptions {
        sources,
        debug_info: opts.debug_info.then_some(sources),
        optimized: opts.opt_level > 0,
        write_text: opts.build_dir.is_some() || opts.source_only,
        jobs: codegen_units(opts, &c.ll)?,
    };
    let files = phase(t, p, "source", |count| {
        source::generate_source(&c.ll, &c.db, &build_dir, &source_opts, count)
    })?;
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{stem}-c")));
    let output = absolute(&output);
    let opt = format!("-O{}", opts.opt_level);
    let debug_flag = if opts.debug_info { "-g" } else { "" };
    let profopt_args = profopt_args(opts, &c.program_profopt_args);
    let vars = compile::MakefileVars {
        debug: debug_flag,
        cc: &opts.cc,
        llvm_link: &opts.llvm_link,
        opt: &opt,
        output: &output,
        profopt_args: &profopt_args,
        units: &files.units,
    };
    compile::write_build_files(&build_dir, &vars)?;
    if !opts.source_only {
        phase(t, p, "compile", |_| compile::run_make(&build_dir, &vars))?;
        if opts.profopt.is_some() {
            phase(t, p, "profopt", |_| compile::run_profopt(&build_dir))?;
        }
        if opts.build_dir.is_none() {
            // A temporary folder: nothing in it is needed any more.
            let _ = std::fs::remove_dir_all(&build_dir);
        }
    }
    Ok(Built {
        output,
        build_dir,
        stats: c.stats,
        sizes: c.sizes,
        prebuilt_constants: c.db.strings.len(),
        classes: c.ll.classes.classes.len(),
        gc: c.gc,
    })
}

/// A program this small (operations over all functions) stays one unit:
/// ThinLTO's extra steps cost more than the parallel compile saves.
const MIN_OPERATIONS_PER_UNIT: usize = 6_000;

/// How many codegen units to compile in parallel: `--jobs`, or one per
/// core (at most one per `MIN_OPERATIONS_PER_UNIT` operations).
fn codegen_units(opts: &Options, ll: &rtype::LlProgram) -> PhaseResult<usize> {
    let n = match opts.jobs {
        Some(n) => n.max(1),
        None => {
            let operations: usize = ll
                .graphs
                .values()
                .flat_map(|g| &g.graph.blocks)
                .map(|b| b.operations.len())
                .sum();
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let n = cores.min(operations / MIN_OPERATIONS_PER_UNIT).max(1);
            // Without lld there is no ThinLTO here: one unit, quietly.
            if n > 1 && !compile::has_lld(&opts.cc) {
                return Ok(1);
            }
            n
        }
    };
    if n > 1 && opts.jobs.is_some() && !compile::has_lld(&opts.cc) {
        return Err(vec![Diagnostic::global(format!(
            "--jobs {n} joins its units with ThinLTO, which needs lld (`ld.lld`) beside {}; install lld-19 or use --jobs 1",
            opts.cc
        ))]);
    }
    Ok(n)
}

/// The training arguments: `--profoptargs`, else the target's module-level
/// `profopt_args` string, else none (split on whitespace).
fn profopt_args(opts: &Options, from_target: &Option<String>) -> Vec<String> {
    let text = match &opts.profopt {
        Some(Some(given)) => Some(given.as_str()),
        _ => from_target.as_deref(),
    };
    text.map(|s| s.split_whitespace().map(String::from).collect())
        .unwrap_or_default()
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

/// The verifier between passes: a failure is a translator bug, reported
/// as an internal error rather than a panic.
fn verify_all(ll: &LlProgram) -> PhaseResult<()> {
    let mut errors = vec![];
    for g in ll.graphs.values() {
        if let Err(e) = crate::flowgraph::verify::verify_graph(&g.graph) {
            errors.extend(
                e.into_iter()
                    .map(|m| Diagnostic::global(format!("internal error: invalid graph: {m}"))),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn dump_ll(opts: &Options, stage: &str, ll: &LlProgram) -> PhaseResult<()> {
    dump(opts, stage, ll.graphs.values().map(|g| &g.graph), |g, v| {
        format!(": {}", ll.graphs[&g.func].types[v.index()])
    })
}

/// `--dump-graphs DIR`: per function and stage, a text file and a
/// Graphviz file; with `--only NAME`, only functions whose qualified name
/// contains NAME. `note` gives the suffix of a variable (its type).
fn dump<'g, Op: std::fmt::Display + 'g>(
    opts: &Options,
    stage: &str,
    graphs: impl Iterator<Item = &'g crate::flowgraph::ir::Graph<Op>>,
    note: impl Fn(&crate::flowgraph::ir::Graph<Op>, crate::flowgraph::ir::VarId) -> String,
) -> PhaseResult<()> {
    let Some(dir) = &opts.dump_graphs else {
        return Ok(());
    };
    let wanted = |name: &str| match &opts.dump_only {
        Some(only) => name.contains(only.as_str()),
        None => true,
    };
    let dir = dir.join(stage);
    let io = |e: std::io::Error| {
        vec![Diagnostic::global(format!(
            "cannot write graph dumps to {}: {e}",
            dir.display()
        ))]
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    for g in graphs.filter(|g| wanted(&g.name)) {
        let note = |v| note(g, v);
        std::fs::write(dir.join(format!("{}.txt", g.name)), dump_graph(g, &note)).map_err(io)?;
        let dot = crate::flowgraph::dump::dot_graph(g, &note);
        std::fs::write(dir.join(format!("{}.dot", g.name)), dot).map_err(io)?;
    }
    Ok(())
}
