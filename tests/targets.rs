//! The example targets in targets/ translate and behave as under CPython
//! (with the repository's rpython.rlib shim on PYTHONPATH), run with their
//! quick benchmark arguments (`BENCH_ARGS_QUICK`, `{root}` standing for the
//! repository root) and without arguments.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The module-level `BENCH_ARGS_QUICK = "..."` of a target, if any.
fn quick_args(source: &str, root: &Path) -> Vec<String> {
    let Some(line) = source
        .lines()
        .find(|l| l.starts_with("BENCH_ARGS_QUICK = \""))
    else {
        return vec![];
    };
    let value = line
        .trim_start_matches("BENCH_ARGS_QUICK = \"")
        .trim_end_matches('"');
    value
        .replace("{root}", &root.to_string_lossy())
        .split_whitespace()
        .map(String::from)
        .collect()
}

#[test]
fn targets_behave_as_under_cpython() {
    let root = repo_root();
    let scratch = std::env::temp_dir().join(format!("translate-targets-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let mut targets: Vec<PathBuf> = std::fs::read_dir(root.join("targets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    targets.sort();
    assert!(targets.len() >= 6, "targets/ lost programs: {targets:?}");
    let mut failures = vec![];
    for t in &targets {
        let name = t.file_stem().unwrap().to_string_lossy().to_string();
        let binary = scratch.join(&name);
        let out = Command::new(env!("CARGO_BIN_EXE_translate"))
            .args(["--batch", "--output"])
            .arg(&binary)
            .arg(t)
            .output()
            .unwrap();
        if !out.status.success() {
            failures.push(format!(
                "{name}: translation failed\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let source = std::fs::read_to_string(t).unwrap();
        for args in [quick_args(&source, &root), vec![]] {
            let expected = Command::new("python3")
                .env("PYTHONPATH", &root)
                .arg(t)
                .args(&args)
                .output()
                .unwrap();
            let got = Command::new(&binary).args(&args).output().unwrap();
            if got.stdout != expected.stdout || got.status.code() != expected.status.code() {
                failures.push(format!(
                    "{name} {args:?}: differs from python3 (exit {:?} vs {:?})\n--- python3\n{}\n--- translated\n{}",
                    got.status.code(),
                    expected.status.code(),
                    String::from_utf8_lossy(&expected.stdout),
                    String::from_utf8_lossy(&got.stdout)
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
