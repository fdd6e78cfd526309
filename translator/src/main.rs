//! `translate`: the command-line front end of the translator.

use clap::Parser;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use translator::driver::{self, Options, ProgressMode};

#[derive(Parser, Debug)]
#[command(
    name = "translate",
    version,
    about = "Translate an RPython-style Python 3 program into a standalone binary"
)]
struct Cli {
    /// The target program: defines entry_point(argv) and target(*args).
    target: PathBuf,
    /// Optimisation level: 0, 1, 2 (default), 3, or jit.
    #[arg(short = 'O', default_value = "2", value_name = "LEVEL")]
    opt: String,
    /// Where to write the binary (default: ./<target stem>-c).
    #[arg(long)]
    output: Option<PathBuf>,
    /// Build folder to use and keep (default: a temporary folder, removed
    /// after a successful build).
    #[arg(long)]
    build_dir: Option<PathBuf>,
    /// Stop after writing the build folder; `make` in it finishes the build.
    #[arg(long)]
    source: bool,
    /// C compiler used for the runtime and the final link.
    #[arg(long, default_value = "clang-19")]
    cc: String,
    /// LLVM bitcode linker.
    #[arg(long, default_value = "llvm-link-19")]
    llvm_link: String,
    /// No interactive output: plain `[translate] PHASE` lines instead of
    /// the self-overwriting progress line, no `wrote` line; the timing
    /// table is still printed. (When stderr is not a terminal, progress
    /// is always plain lines.)
    #[arg(long)]
    batch: bool,
    /// Write per-phase timings as JSON to this file.
    #[arg(long, value_name = "PATH")]
    timings_json: Option<PathBuf>,
    /// Every int operation that overflows 64 bits raises OverflowError
    /// (by default ints wrap around, as in RPython).
    #[arg(long)]
    overflow_checks: bool,
    /// Turn off constant folding (backendopt).
    #[arg(long)]
    no_constfold: bool,
    /// Turn off inlining (backendopt).
    #[arg(long)]
    no_inline: bool,
    /// Turn off malloc removal (backendopt).
    #[arg(long)]
    no_mallocremoval: bool,
    /// Turn off the removal of proven index and overflow checks (backendopt).
    #[arg(long)]
    no_checkremoval: bool,
    /// Turn off the fusion of operation pairs (backendopt).
    #[arg(long)]
    no_fusion: bool,
    /// Write a text dump and a Graphviz .dot file of every function's graph after each phase here.
    #[arg(long, value_name = "DIR")]
    dump_graphs: Option<PathBuf>,
    /// With --dump-graphs: only functions whose qualified name contains NAME.
    #[arg(long, value_name = "NAME", requires = "dump_graphs")]
    only: Option<String>,
    /// Emit DWARF debug information (line tables mapping the binary to the
    /// .py sources); always on at -O0.
    #[arg(short = 'g')]
    debug: bool,
    /// Print what each optimisation pass did.
    #[arg(long)]
    stats: bool,
    /// Profile-guided build (RPython's --profopt): an instrumented binary
    /// runs once as training, then the binary is rebuilt with the profile.
    #[arg(long)]
    profopt: bool,
    /// The training run's arguments (default: the target's module-level
    /// `profopt_args` string, else none).
    #[arg(long, value_name = "ARGS", requires = "profopt")]
    profoptargs: Option<String>,
    /// Split code generation into N units that make compiles in parallel
    /// and ThinLTO joins (default: one per core for large programs).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
}

/// The phases recurse over the AST (the parser too), so a deeply nested
/// expression needs more stack than a main thread has. 1 GiB of address
/// space is reserved, not used.
const TRANSLATOR_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    let cli = Cli::parse();
    std::thread::Builder::new()
        .stack_size(TRANSLATOR_STACK)
        .spawn(move || run(cli))
        .expect("a thread for the translator")
        .join()
        .unwrap_or(ExitCode::from(101))
}

fn run(cli: Cli) -> ExitCode {
    let opt_level = match cli.opt.as_str() {
        "0" | "1" | "2" | "3" => cli.opt.parse().unwrap(),
        "jit" => {
            eprintln!("error: -Ojit is not available yet: the JIT generator is not implemented; use -O2 or -O3");
            return ExitCode::from(2);
        }
        other => {
            eprintln!(
                "error: unknown optimisation level -O{other}; use -O0, -O1, -O2, -O3 or -Ojit"
            );
            return ExitCode::from(2);
        }
    };
    let opts = Options {
        target: cli.target.clone(),
        opt_level,
        output: cli.output.clone(),
        build_dir: cli.build_dir.clone(),
        source_only: cli.source,
        cc: cli.cc.clone(),
        llvm_link: cli.llvm_link.clone(),
        overflow_checks: cli.overflow_checks,
        constfold: !cli.no_constfold,
        inline: !cli.no_inline,
        mallocremoval: !cli.no_mallocremoval,
        checkremoval: !cli.no_checkremoval,
        fusion: !cli.no_fusion,
        dump_graphs: cli.dump_graphs.clone(),
        dump_only: cli.only.clone(),
        debug_info: cli.debug || opt_level == 0,
        profopt: cli.profopt.then(|| cli.profoptargs.clone()),
        jobs: cli.jobs,
        progress: if !cli.batch && std::io::stderr().is_terminal() {
            ProgressMode::Line
        } else {
            ProgressMode::Plain
        },
    };
    if opts.progress == ProgressMode::Line {
        // A panic's message must not be appended to the progress line.
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            eprint!("\r\x1b[K");
            report(info)
        }));
    }
    match driver::translate(&opts) {
        Ok(outcome) => {
            eprint!("{}", outcome.timings.table());
            let counters = outcome.stats.counters();
            if cli.stats {
                for s in &outcome.sizes {
                    eprintln!(
                        "[stats] after {:<11} functions {}, blocks {}, operations {}",
                        s.phase, s.functions, s.blocks, s.operations
                    );
                }
                eprintln!("[stats] prebuilt constants {}", outcome.prebuilt_constants);
                eprintln!("[stats] classes {}", outcome.classes);
                let gc = &outcome.gc;
                eprintln!(
                    "[stats] gctransform: functions that can collect {}, with root frames {}, roots saved {}",
                    gc.collecting_functions, gc.functions_with_frames, gc.roots_saved
                );
                let text: Vec<String> = counters.iter().map(|(k, v)| format!("{k} {v}")).collect();
                eprintln!("[stats] backendopt: {}", text.join(", "));
            }
            if let Some(path) = &cli.timings_json {
                let fields: Vec<String> = counters
                    .iter()
                    .map(|(k, v)| format!("\"{k}\":{v}"))
                    .collect();
                let extra = [("backendopt", format!("{{{}}}", fields.join(",")))];
                if let Err(e) = std::fs::write(path, outcome.timings.to_json(&extra)) {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    return ExitCode::from(1);
                }
            }
            if cli.source {
                eprintln!(
                    "[translate] build folder written: {} (run `make -C {}`)",
                    outcome.build_dir.display(),
                    outcome.build_dir.display()
                );
            } else if !cli.batch {
                eprintln!("[translate] wrote {}", outcome.output.display());
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for e in &failure.errors {
                eprint!("{}", e.render(&failure.sources));
            }
            let n = failure.errors.len();
            eprintln!(
                "translation failed: {n} error{}",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
    }
}
