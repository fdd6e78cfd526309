//! The programs of ../shared/bench translate and print exactly their
//! expected output at the small sizes (sizes.txt), also with a small
//! nursery and the collector's heap checks. Programs listed in NOT_YET
//! must still fail to translate: when one starts to work, move it out of
//! the list so that its output is checked from then on.
//!
//! Skipped (with a message) when ../shared/bench is not there.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Bench programs the translator does not accept yet, and why.
const NOT_YET: &[(&str, &str)] = &[];

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/bench")
        .to_path_buf()
}

#[test]
fn bench_programs_match_their_expected_output() {
    let dir = bench_dir();
    let Ok(sizes) = std::fs::read_to_string(dir.join("sizes.txt")) else {
        eprintln!("skipped: no {}", dir.display());
        return;
    };
    let scratch = std::env::temp_dir().join(format!("translate-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let mut failures = vec![];
    for line in sizes
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (name, small) = (fields[0], fields[2]);
        let binary = scratch.join(name);
        let out = Command::new(env!("CARGO_BIN_EXE_translate"))
            .args(["--batch", "--output"])
            .arg(&binary)
            .arg(dir.join(format!("{name}.py")))
            .output()
            .expect("the translate binary runs");
        let expected_failure = NOT_YET.iter().find(|(n, _)| *n == name);
        match (out.status.success(), expected_failure) {
            (false, Some(_)) => continue,
            (true, Some((_, why))) => {
                failures.push(format!(
                    "{name} translates now (it was listed as needing {why}): remove it from NOT_YET"
                ));
                continue;
            }
            (false, None) => {
                failures.push(format!(
                    "{name} does not translate:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                ));
                continue;
            }
            (true, None) => {}
        }
        let expected =
            std::fs::read(dir.join("expected").join(format!("{name}.small.out"))).unwrap();
        for env in [
            vec![],
            vec![("RPY_GC_NURSERY", "65536"), ("RPY_GC_DEBUG", "1")],
        ] {
            let run = Command::new(&binary)
                .arg(small)
                .envs(env.iter().copied())
                .output()
                .unwrap();
            if !run.status.success() || run.stdout != expected {
                failures.push(format!(
                    "{name} {small} ({env:?}): exit {:?}, output differs from expected/{name}.small.out\n{}",
                    run.status.code(),
                    String::from_utf8_lossy(&run.stderr)
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
