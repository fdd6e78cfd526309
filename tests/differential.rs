//! Differential tests: every program in tests/programs/ is run with python3
//! (the oracle) and translated; stdout and the exit code must be identical,
//! also when the translated program runs with a small nursery and the
//! collector's heap checks (RPY_GC_NURSERY, RPY_GC_DEBUG), and with a
//! collection at every allocation (RPY_GC_STRESS).
//! Programs that exit with 0 must also write the same to stderr.
//! A first-line comment `# args: ...` gives the command-line arguments,
//! `# env: NAME=value ...` environment settings for the translated binary.
//!
//! `DIFF_FILTER=substring` runs only matching programs; `DIFF_FLAGS="..."`
//! passes extra options to the translator (e.g. `-O0`).
//!
//! The same harness checks the rejected programs in tests/errors/: each
//! starts with `# expect-error: line N: <substring>`, optionally followed by
//! `# expect-note: <substring>` for a note that must accompany it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn programs(dir: &str) -> Vec<PathBuf> {
    let filter = std::env::var("DIFF_FILTER").unwrap_or_default();
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo_root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    v.sort();
    v
}

fn header(path: &Path, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let first = text.lines().next()?;
    first
        .strip_prefix(&format!("# {key}:"))
        .map(|s| s.trim().to_string())
}

/// `# args: ...` on the first line: the program's command-line arguments.
fn program_args(path: &Path) -> Vec<String> {
    header(path, "args")
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// `# env: NAME=value ...` on the first line: settings for every run of
/// the translated binary (e.g. a heap limit).
fn program_env(path: &Path) -> Vec<(String, String)> {
    header(path, "env")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// What the oracle does: the program under python3, with the repository
/// root (which holds the rpython.rlib shim package) on PYTHONPATH.
fn under_cpython(path: &Path, args: &[String]) -> Result<std::process::Output, String> {
    Command::new("python3")
        .env("PYTHONPATH", repo_root())
        .arg(path)
        .args(args)
        .output()
        .map_err(|e| format!("python3: {e}"))
}

fn scratch_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("translate-difftest-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn translate(program: &Path, output: &Path, extra: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_translate"))
        .args(extra)
        .arg("--batch")
        .arg("--output")
        .arg(output)
        .arg(program)
        .output()
        .expect("the translate binary runs")
}

/// Runs a translated binary; a hang is a failure, not a stuck test run.
fn run_with_timeout(cmd: &mut Command, seconds: u64) -> Result<std::process::Output, String> {
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("running the binary: {e}"))?;
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut v = vec![];
        std::io::Read::read_to_end(&mut stdout, &mut v).map(|_| v)
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = vec![];
        std::io::Read::read_to_end(&mut stderr, &mut v).map(|_| v)
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed().as_secs() >= seconds {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "the translated binary did not finish within {seconds} s"
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    Ok(std::process::Output {
        status,
        stdout: out_reader.join().unwrap().map_err(|e| e.to_string())?,
        stderr: err_reader.join().unwrap().map_err(|e| e.to_string())?,
    })
}

/// Runs `check` on every item with one worker per core; returns the
/// failure messages.
fn run_parallel(
    items: Vec<PathBuf>,
    check: impl Fn(&Path) -> Result<(), String> + Sync,
) -> (usize, Vec<String>) {
    let queue = Mutex::new(items.clone());
    let failures = Mutex::new(vec![]);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let Some(p) = queue.lock().unwrap().pop() else {
                    break;
                };
                if let Err(msg) = check(&p) {
                    failures.lock().unwrap().push(format!(
                        "{}: {msg}",
                        p.file_name().unwrap().to_string_lossy()
                    ));
                }
            });
        }
    });
    (items.len(), failures.into_inner().unwrap())
}

fn report(kind: &str, total: usize, failures: &[String]) {
    for f in failures {
        eprintln!("FAIL {f}\n");
    }
    eprintln!(
        "{kind}: {} passed, {} failed",
        total - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} {kind} failed",
        failures.len()
    );
}

#[test]
fn programs_behave_as_under_cpython() {
    let items = programs("tests/programs");
    assert!(
        !items.is_empty() || std::env::var("DIFF_FILTER").is_ok(),
        "no test programs found"
    );
    // Its own folder: the other tests of this file use siblings of it
    // at the same time, and this one removes its folder when it is done.
    let scratch = scratch_dir().join("programs");
    std::fs::create_dir_all(&scratch).unwrap();
    let extra: Vec<String> = std::env::var("DIFF_FLAGS")
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect();
    let (total, failures) = run_parallel(items, |p| {
        let args = program_args(p);
        let expected = under_cpython(p, &args)?;
        let binary = scratch.join(format!("{}-c", p.file_stem().unwrap().to_string_lossy()));
        let t = translate(p, &binary, &extra);
        if !t.status.success() {
            return Err(format!(
                "translation failed:\n{}",
                String::from_utf8_lossy(&t.stderr)
            ));
        }
        let env = program_env(p);
        let got = run_with_timeout(Command::new(&binary).args(&args).envs(env.clone()), 60)?;
        // Again with a small nursery and the collector's heap checks, so
        // a reference the gc transform failed to save shows up.
        let stressed = run_with_timeout(
            Command::new(&binary)
                .args(&args)
                .envs(env.clone())
                .env("RPY_GC_NURSERY", "65536")
                .env("RPY_GC_DEBUG", "1"),
            60,
        )?;
        if stressed.stdout != got.stdout || stressed.status.code() != got.status.code() {
            return Err(format!(
                "with RPY_GC_NURSERY=65536 RPY_GC_DEBUG=1 the output differs (exit {:?})\n{}",
                stressed.status.code(),
                String::from_utf8_lossy(&stressed.stderr)
            ));
        }
        // And with a collection at every allocation.
        let stressed = run_with_timeout(
            Command::new(&binary)
                .args(&args)
                .envs(env.clone())
                .env("RPY_GC_STRESS", "1"),
            120,
        )?;
        let _ = std::fs::remove_file(&binary);
        if stressed.stdout != got.stdout || stressed.status.code() != got.status.code() {
            return Err(format!(
                "with RPY_GC_STRESS=1 the output differs (exit {:?})\n{}",
                stressed.status.code(),
                String::from_utf8_lossy(&stressed.stderr)
            ));
        }
        if got.stdout != expected.stdout {
            return Err(format!(
                "stdout differs\n--- python3\n{}\n--- translated\n{}\n--- translated stderr\n{}",
                String::from_utf8_lossy(&expected.stdout),
                String::from_utf8_lossy(&got.stdout),
                String::from_utf8_lossy(&got.stderr)
            ));
        }
        if got.status.code() != expected.status.code() {
            return Err(format!(
                "exit code {:?}, python3 gives {:?}\n--- translated stderr\n{}",
                got.status.code(),
                expected.status.code(),
                String::from_utf8_lossy(&got.stderr)
            ));
        }
        // A program that exits normally writes the same to stderr too; one
        // that fails shows the same traceback, frame by frame.
        let (want, have) = if expected.status.success() {
            (
                String::from_utf8_lossy(&expected.stderr).into_owned(),
                String::from_utf8_lossy(&got.stderr).into_owned(),
            )
        } else {
            (
                traceback(&String::from_utf8_lossy(&expected.stderr)),
                traceback(&String::from_utf8_lossy(&got.stderr)),
            )
        };
        if want != have {
            return Err(format!(
                "stderr differs\n--- python3\n{want}\n--- translated\n{have}"
            ));
        }
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&scratch);
    report("differential programs", total, &failures);
}

/// Each backendopt pass can be turned off, and the programs still behave
/// as under CPython without it (stdout and exit code; one run each). To
/// keep CI short, program number i runs with pass i mod 5 off;
/// `DIFF_FLAGS=--no-inline` (etc.) runs the whole suite with one off.
#[test]
fn programs_behave_with_each_pass_off() {
    const FLAGS: [&str; 5] = [
        "--no-inline",
        "--no-mallocremoval",
        "--no-constfold",
        "--no-checkremoval",
        "--no-fusion",
    ];
    let items = programs("tests/programs");
    let all = items.clone();
    let flag_for = |p: &Path| FLAGS[all.iter().position(|q| q == p).unwrap() % FLAGS.len()];
    let scratch = scratch_dir().join("passes-off");
    std::fs::create_dir_all(&scratch).unwrap();
    let (total, failures) = run_parallel(items, |p| {
        let args = program_args(p);
        let expected = under_cpython(p, &args)?;
        let binary = scratch.join(format!("{}-c", p.file_stem().unwrap().to_string_lossy()));
        let flag = flag_for(p);
        let t = translate(p, &binary, &[flag.to_string()]);
        if !t.status.success() {
            return Err(format!(
                "{flag}: translation failed:\n{}",
                String::from_utf8_lossy(&t.stderr)
            ));
        }
        let got = run_with_timeout(Command::new(&binary).args(&args).envs(program_env(p)), 60)?;
        let _ = std::fs::remove_file(&binary);
        if got.stdout != expected.stdout || got.status.code() != expected.status.code() {
            return Err(format!(
                "{flag}: output or exit code differs (exit {:?}, python3 {:?})\n--- python3\n{}\n--- translated\n{}",
                got.status.code(),
                expected.status.code(),
                String::from_utf8_lossy(&expected.stdout),
                String::from_utf8_lossy(&got.stdout)
            ));
        }
        Ok(())
    });
    report("programs with a pass off", total, &failures);
}

/// Split into several codegen units (`--jobs 3`: a program in three
/// modules joined by ThinLTO), a program behaves as it does in one: same
/// stdout, exit code and stderr (tracebacks frame by frame). Every fourth
/// program, to keep CI short; `DIFF_FLAGS=--jobs 3` runs them all.
#[test]
fn programs_behave_split_into_codegen_units() {
    let items: Vec<PathBuf> = programs("tests/programs")
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 4 == 1)
        .map(|(_, p)| p)
        .collect();
    let scratch = scratch_dir().join("units");
    std::fs::create_dir_all(&scratch).unwrap();
    let (total, failures) = run_parallel(items, |p| {
        let args = program_args(p);
        let expected = under_cpython(p, &args)?;
        let binary = scratch.join(format!("{}-c", p.file_stem().unwrap().to_string_lossy()));
        let t = translate(p, &binary, &["--jobs".to_string(), "3".to_string()]);
        if !t.status.success() {
            return Err(format!(
                "--jobs 3: translation failed:\n{}",
                String::from_utf8_lossy(&t.stderr)
            ));
        }
        let got = run_with_timeout(Command::new(&binary).args(&args).envs(program_env(p)), 60)?;
        let _ = std::fs::remove_file(&binary);
        let stderr = |out: &std::process::Output| {
            let text = String::from_utf8_lossy(&out.stderr);
            if out.status.success() {
                text.into_owned()
            } else {
                traceback(&text)
            }
        };
        if got.stdout != expected.stdout
            || got.status.code() != expected.status.code()
            || stderr(&got) != stderr(&expected)
        {
            return Err(format!(
                "--jobs 3: output differs (exit {:?}, python3 {:?})\n--- python3\n{}{}\n--- translated\n{}{}",
                got.status.code(),
                expected.status.code(),
                String::from_utf8_lossy(&expected.stdout),
                stderr(&expected),
                String::from_utf8_lossy(&got.stdout),
                stderr(&got)
            ));
        }
        Ok(())
    });
    report("programs split into codegen units", total, &failures);
}

/// The part of a failing program's stderr that must match CPython's: its
/// traceback without the `<module>` frame (the `__main__` guard that calls
/// entry_point under CPython) and without Python 3.11's caret lines. A
/// RecursionError keeps only its last line: the depth differs.
fn traceback(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    if lines
        .last()
        .is_some_and(|l| l.starts_with("RecursionError"))
    {
        return lines.last().unwrap().to_string();
    }
    let mut out = vec![];
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.starts_with("  File ") && l.ends_with(", in <module>") {
            i += 2;
            continue;
        }
        if !l.trim().is_empty() && l.trim().chars().all(|c| c == '^' || c == '~') {
            i += 1;
            continue;
        }
        out.push(l);
        i += 1;
    }
    out.join("\n")
}

#[test]
fn rejected_programs_get_located_errors() {
    let items = programs("tests/errors");
    let scratch = scratch_dir().join("errors");
    std::fs::create_dir_all(&scratch).unwrap();
    let (total, failures) = run_parallel(items, |p| {
        let spec =
            header(p, "expect-error").ok_or("missing `# expect-error: line N: text` header")?;
        let (line, text) = spec
            .split_once(':')
            .ok_or("header must be `line N: text`")?;
        let line: u32 = line
            .trim()
            .strip_prefix("line ")
            .ok_or("header must start with `line N`")?
            .parse()
            .map_err(|_| "bad line number")?;
        let t = translate(
            p,
            &scratch.join("never-built"),
            &[
                "--source".to_string(),
                "--build-dir".to_string(),
                scratch.to_string_lossy().into(),
            ],
        );
        let stderr = String::from_utf8_lossy(&t.stderr);
        if t.status.code() != Some(1) {
            return Err(format!(
                "expected exit code 1, got {:?}\n{stderr}",
                t.status.code()
            ));
        }
        if stderr.contains("panicked") {
            return Err(format!("the translator panicked:\n{stderr}"));
        }
        let name = p.file_name().unwrap().to_string_lossy();
        let located = format!("{name}:{line}:");
        let first_error = stderr
            .lines()
            .find(|l| l.contains(": error: "))
            .unwrap_or("");
        if !first_error.contains(&located) || !first_error.contains(text.trim()) {
            return Err(format!(
                "expected an error at line {line} containing {:?}, got:\n{stderr}",
                text.trim()
            ));
        }
        // An optional second header line names a note that must follow.
        let text_all = std::fs::read_to_string(p).unwrap();
        if let Some(note) = text_all
            .lines()
            .nth(1)
            .and_then(|l| l.strip_prefix("# expect-note:"))
        {
            if !stderr
                .lines()
                .any(|l| l.contains(": note: ") && l.contains(note.trim()))
            {
                return Err(format!(
                    "expected a note containing {:?}, got:\n{stderr}",
                    note.trim()
                ));
            }
        }
        Ok(())
    });
    report("rejected programs", total, &failures);
}
