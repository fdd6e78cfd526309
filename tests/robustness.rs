//! The translator never panics: every test program, cut short, with lines
//! dropped or characters swapped (deterministically), goes through every
//! phase up to writing the build folder, and must come out as success or
//! as diagnostics.

use std::path::{Path, PathBuf};
use translator::driver::{translate, Options};

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("tests");
    let mut v = vec![];
    for dir in ["programs", "errors"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|e| e == "py") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

/// Variants of `text`: prefixes, one line dropped, two characters swapped.
fn mutations(text: &str, seed: u64) -> Vec<String> {
    let mut out = vec![];
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len().max(1);
    for k in 1..8 {
        out.push(chars[..n * k / 8].iter().collect());
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut rng = seed;
    let mut next = || {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (rng >> 33) as usize
    };
    for _ in 0..4 {
        if lines.is_empty() {
            break;
        }
        let drop = next() % lines.len();
        out.push(
            lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    for _ in 0..4 {
        let mut c = chars.clone();
        let (a, b) = (
            next() % n.min(c.len().max(1)),
            next() % n.min(c.len().max(1)),
        );
        if a < c.len() && b < c.len() {
            c.swap(a, b);
        }
        out.push(c.into_iter().collect());
    }
    out
}

#[test]
fn mutated_programs_never_panic_the_translator() {
    let scratch = std::env::temp_dir().join(format!("translate-robustness-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    std::panic::set_hook(Box::new(|_| {})); // report below, not per panic
    let mut panics = vec![];
    let mut runs = 0;
    for (i, src) in sources().iter().enumerate() {
        let text = std::fs::read_to_string(src).unwrap();
        for (j, variant) in mutations(&text, i as u64 + 1).into_iter().enumerate() {
            let file = scratch.join(format!("m{i}_{j}.py"));
            std::fs::write(&file, &variant).unwrap();
            let opts = Options {
                output: Some(scratch.join("never-built")),
                build_dir: Some(scratch.join("build")),
                source_only: true,
                debug_info: j % 2 == 0,
                ..Options::new(file.clone())
            };
            runs += 1;
            if std::panic::catch_unwind(|| translate(&opts).is_ok()).is_err() {
                panics.push(format!(
                    "{} (variant {j} of {})",
                    file.display(),
                    src.display()
                ));
                continue; // keep the file for reproduction
            }
            let _ = std::fs::remove_file(&file);
        }
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "robustness: {} passed, {} failed",
        runs - panics.len(),
        panics.len()
    );
    assert!(
        panics.is_empty(),
        "the translator panicked on:\n{}",
        panics.join("\n")
    );
    let _ = std::fs::remove_dir_all(&scratch);
}
