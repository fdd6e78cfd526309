//! A property test of the phases that can reject a program (issue 7:
//! "never a panic"): thousands of generated inputs go through
//! `driver::check` (parse to database, in process), and each must come
//! out accepted, or rejected with diagnostics that all point at
//! `path:line:col` and none of which is an internal error. One input in
//! `FUZZ_IR_EVERY` (default 16), if accepted, also goes through the
//! source phase, which builds and verifies the LLVM module in process
//! (clang never runs). A hang (one input taking more than
//! `PER_INPUT_LIMIT`) fails too.
//!
//! Inputs come from a seeded generator (generate.rs), so a run is
//! reproducible:
//! - token soup: random Python tokens, keywords, literals and indentation;
//! - random programs whose parts mostly agree on types, with a few
//!   expressions of the wrong type in half of them, so that most get past
//!   the parser and many through the annotator and the rtyper;
//! - mutants of the real programs (tests/programs, tests/errors,
//!   targets): lines dropped, duplicated, swapped, re-indented, spliced
//!   from another file, tokens and expressions replaced, statements
//!   inserted, text cut short.
//!
//! `FUZZ_ITERATIONS` (default 20000: 20 to 30 s in release mode on two
//! CPUs) and `FUZZ_SEED` (default 1) choose the run; the report gives
//! how far the inputs of each kind got. A long session, with a new seed
//! and the source phase for every accepted input:
//!
//! ```text
//! FUZZ_ITERATIONS=1000000 FUZZ_SEED=$RANDOM FUZZ_IR_EVERY=1 \
//!     cargo test --release --test fuzz_front_end -- --nocapture
//! ```
//!
//! `FUZZ_SHOW=1` prints the first error of each rejected input, to see
//! what the generator runs into. A failing input is kept in the scratch
//! folder named in the report; `translate --batch --source FILE`
//! reproduces it. An input that kills the process (a stack overflow)
//! cannot be reported: it is the newest file left in the newest
//! `translate-fuzz-PID` folder of the temporary directory, as each input
//! is removed once it has passed.

mod generate;

use generate::{mutate, random_program, token_soup, Rng};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use translator::driver::{check, translate, Failure, Options};

/// No single input may take this long: a hang is a failure too.
const PER_INPUT_LIMIT: Duration = Duration::from_secs(20);

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut files = vec![];
    for dir in ["tests/programs", "tests/errors", "targets"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|e| e == "py") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn options(target: PathBuf) -> Options {
    Options {
        source_only: true,
        ..Options::new(target)
    }
}

/// What one input did.
enum Verdict {
    Accepted,
    /// The phase that rejected it.
    Rejected(&'static str),
    /// A panic, an internal error or a diagnostic without a location.
    Bad(String),
}

/// `path:line:col: error: ...` with line and column from 1.
fn located(first_line: &str, path: &str) -> bool {
    first_line
        .strip_prefix(&format!("{path}:"))
        .and_then(|rest| rest.split_once(": error: "))
        .is_some_and(|(at, _)| {
            let numbers: Vec<Option<u32>> = at.split(':').map(|n| n.parse().ok()).collect();
            numbers.len() == 2 && numbers.iter().all(|n| n.is_some_and(|n| n > 0))
        })
}

/// The phase that rejected a program, and the diagnostics that are bad:
/// internal errors, or without a location in the program.
fn judge(failure: &Failure, path: &str, show: bool) -> (&'static str, Vec<String>) {
    let phase = failure.timings.phases.last().map_or("?", |p| p.name);
    if show {
        let first = failure.errors.first().map(|e| e.render(&failure.sources));
        let first = first.unwrap_or_default();
        eprintln!("fuzz: {phase}: {}", first.lines().next().unwrap_or(""));
    }
    let bad = failure
        .errors
        .iter()
        .map(|e| {
            (
                e.message.starts_with("internal error"),
                e.render(&failure.sources),
            )
        })
        .filter(|(internal, text)| *internal || !located(text.lines().next().unwrap_or(""), path))
        .map(|(_, text)| text)
        .collect();
    (phase, bad)
}

/// Checks `file`; if it is accepted and `generate` is set, also
/// generates its LLVM module in `build` (in process: clang never runs).
fn run_one(file: &Path, build: Option<&Path>, last_panic: &Mutex<String>, show: bool) -> Verdict {
    let opts = options(file.to_path_buf());
    let path = file.display().to_string();
    // Rendering is checked too: a bad span could make it panic.
    let result = std::panic::catch_unwind(|| {
        check(&opts).map_err(|f| judge(&f, &path, show))?;
        if let Some(build) = build {
            let opts = Options {
                build_dir: Some(build.to_path_buf()),
                ..opts.clone()
            };
            translate(&opts).map_err(|f| {
                let (phase, mut bad) = judge(&f, &path, show);
                // After check, nothing may reject the program.
                bad.extend(f.errors.iter().map(|e| e.render(&f.sources)));
                (phase, bad)
            })?;
        }
        Ok(())
    });
    match result {
        Ok(Ok(())) => Verdict::Accepted,
        Ok(Err((phase, bad))) if bad.is_empty() => Verdict::Rejected(phase),
        Ok(Err((_, bad))) => Verdict::Bad(bad.concat()),
        Err(_) => Verdict::Bad(format!("panic: {}", last_panic.lock().unwrap())),
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Sent by the worker: an input is starting, or it broke the front end.
enum Event {
    Start(u64),
    Broke(PathBuf, String),
}

#[test]
fn the_front_end_never_panics_on_generated_programs() {
    let iterations = env_number("FUZZ_ITERATIONS", 20000);
    // The source phase costs ten times as much as all the phases before
    // it (an LLVM context, the module verified and written out).
    let ir_every = env_number("FUZZ_IR_EVERY", 16).max(1);
    let seed = env_number("FUZZ_SEED", 1);
    let scratch = std::env::temp_dir().join(format!("translate-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let last_panic = Arc::new(Mutex::new(String::new()));
    let hook_panic = Arc::clone(&last_panic);
    // Panics are reported with their input below, not as they happen.
    std::panic::set_hook(Box::new(move |info| {
        *hook_panic.lock().unwrap() = info.to_string();
    }));
    let (tx, rx) = mpsc::channel();
    let folder = scratch.clone();
    // The phases recurse over the syntax tree: the stack main.rs gives them.
    let worker = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let corpus = corpus();
            let show = std::env::var_os("FUZZ_SHOW").is_some();
            let mut rng = Rng::new(seed);
            // How far the inputs of each kind got: the generator's reach.
            let mut reach = BTreeMap::<String, u64>::new();
            for i in 0..iterations {
                let (kind, text) = match rng.below(10) {
                    0 => ("soup", token_soup(&mut rng)),
                    1..=5 => ("random", random_program(&mut rng)),
                    _ => {
                        let original = &corpus[rng.below(corpus.len())];
                        ("mutant", mutate(&mut rng, original, &corpus))
                    }
                };
                let file = folder.join(format!("{kind}_{seed}_{i}.py"));
                std::fs::write(&file, &text).unwrap();
                let _ = tx.send(Event::Start(i));
                let build = (i % ir_every == 0).then(|| folder.join("build"));
                let outcome = match run_one(&file, build.as_deref(), &last_panic, show) {
                    Verdict::Accepted => "accepted".to_string(),
                    Verdict::Rejected(phase) => format!("rejected by {phase}"),
                    Verdict::Bad(why) => {
                        let _ = tx.send(Event::Broke(file.clone(), why));
                        "BROKE THE FRONT END".to_string()
                    }
                };
                if !outcome.starts_with("BROKE") {
                    let _ = std::fs::remove_file(&file);
                }
                *reach.entry(format!("{kind:>6}: {outcome}")).or_default() += 1;
            }
            reach
        })
        .unwrap();
    let start = Instant::now();
    let mut failures = vec![];
    let mut current = 0;
    loop {
        match rx.recv_timeout(PER_INPUT_LIMIT) {
            Ok(Event::Start(i)) => current = i,
            Ok(Event::Broke(file, why)) => failures.push(format!("{}: {why}", file.display())),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => panic!(
                "input {current} (kept in {}) took more than {PER_INPUT_LIMIT:?}",
                scratch.display()
            ),
        }
    }
    let reach = worker.join().expect("the worker catches every panic");
    let _ = std::panic::take_hook();
    eprintln!(
        "fuzz: seed {seed}, {iterations} inputs in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    for (what, n) in &reach {
        eprintln!("fuzz: {what:<36} {n:>8}");
    }
    assert!(
        failures.is_empty(),
        "{} of {iterations} inputs broke the front end (kept in {}):\n{}",
        failures.len(),
        scratch.display(),
        failures.join("\n")
    );
    let _ = std::fs::remove_dir_all(&scratch);
}
