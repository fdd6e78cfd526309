//! Phase 9, compile: fills the build folder with the runtime sources and a
//! Makefile generated from Makefile.template, then runs `make` there.
//!
//! Entry points: [`write_build_files`] and [`run_make`].

use crate::diagnostics::{Diagnostic, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const MAKEFILE_TEMPLATE: &str = include_str!("../../../Makefile.template");

/// The runtime, embedded so the translator is self-contained.
const RUNTIME_FILES: &[(&str, &str)] = &[
    ("rpy.h", include_str!("../../../runtime/rpy.h")),
    (
        "rpy_internal.h",
        include_str!("../../../runtime/rpy_internal.h"),
    ),
    ("rpy_main.c", include_str!("../../../runtime/rpy_main.c")),
    ("rpy_io.c", include_str!("../../../runtime/rpy_io.c")),
    (
        "rpy_number.c",
        include_str!("../../../runtime/rpy_number.c"),
    ),
    ("rpy_str.c", include_str!("../../../runtime/rpy_str.c")),
    ("rpy_gc.c", include_str!("../../../runtime/rpy_gc.c")),
    ("rpy_exc.c", include_str!("../../../runtime/rpy_exc.c")),
    ("rpy_list.c", include_str!("../../../runtime/rpy_list.c")),
    ("rpy_math.c", include_str!("../../../runtime/rpy_math.c")),
    (
        "rpy_hashtable.h",
        include_str!("../../../runtime/rpy_hashtable.h"),
    ),
    ("rpy_dict.c", include_str!("../../../runtime/rpy_dict.c")),
    ("rpy_set.c", include_str!("../../../runtime/rpy_set.c")),
    (
        "rpy_format.c",
        include_str!("../../../runtime/rpy_format.c"),
    ),
    ("rpy_repr.c", include_str!("../../../runtime/rpy_repr.c")),
    (
        "rpy_strops.c",
        include_str!("../../../runtime/rpy_strops.c"),
    ),
    (
        "rpy_unicode.c",
        include_str!("../../../runtime/rpy_unicode.c"),
    ),
    ("rpy_bytes.c", include_str!("../../../runtime/rpy_bytes.c")),
    ("rpy_os.c", include_str!("../../../runtime/rpy_os.c")),
    ("rpy_file.c", include_str!("../../../runtime/rpy_file.c")),
];

pub struct MakefileVars<'a> {
    pub cc: &'a str,
    pub llvm_link: &'a str,
    /// `-O0` .. `-O3`.
    pub opt: &'a str,
    /// `-g` to keep debug information, or empty.
    pub debug: &'a str,
    pub output: &'a Path,
    /// The training run's arguments for `make profopt`.
    pub profopt_args: &'a [String],
    /// The program's codegen units: bitcode file stems in the build folder.
    pub units: &'a [String],
}

impl MakefileVars<'_> {
    /// Several units are joined with ThinLTO; one is linked and optimised
    /// with the runtime as a single module.
    fn thin(&self) -> bool {
        self.units.len() > 1
    }
}

/// `args` as one line of a Makefile recipe: each argument single-quoted
/// for the shell, and `$` doubled for make.
fn shell_words(args: &[String]) -> String {
    args.iter()
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")).replace('$', "$$"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Makefile text: the template with its `@NAME@` placeholders filled.
pub fn render_makefile(vars: &MakefileVars) -> String {
    let srcs: Vec<&str> = RUNTIME_FILES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| n.ends_with(".c"))
        .collect();
    MAKEFILE_TEMPLATE
        .replace("@CC@", vars.cc)
        .replace("@LLVM_LINK@", vars.llvm_link)
        // opt comes with llvm-link: llvm-link-19 -> opt-19.
        .replace("@LLVM_OPT@", &vars.llvm_link.replace("llvm-link", "opt"))
        .replace(
            "@LLVM_PROFDATA@",
            &vars.llvm_link.replace("llvm-link", "llvm-profdata"),
        )
        .replace("@PROFOPT_ARGS@", &shell_words(vars.profopt_args))
        .replace("@OPT@", vars.opt)
        .replace("@DEBUG@", vars.debug)
        .replace("@RUNTIME_SRCS@", &srcs.join(" "))
        .replace("@UNITS@", &vars.units.join(" "))
        .replace("@LINK_MODE@", if vars.thin() { "thin" } else { "whole" })
        .replace("@OUTPUT@", &vars.output.display().to_string())
}

pub fn write_build_files(build_dir: &Path, vars: &MakefileVars) -> Result<()> {
    let io = |p: &Path, e: std::io::Error| {
        vec![Diagnostic::global(format!(
            "cannot write {}: {e}",
            p.display()
        ))]
    };
    for (name, text) in RUNTIME_FILES {
        let p = build_dir.join(name);
        std::fs::write(&p, text).map_err(|e| io(&p, e))?;
    }
    let p = build_dir.join("Makefile");
    std::fs::write(&p, render_makefile(vars)).map_err(|e| io(&p, e))
}

/// Where the runtime's bitcode for these compiler settings is kept
/// between translations (it only changes with the translator and the
/// flags): `$XDG_CACHE_HOME/rpython-translate/runtime-<hash>`, or under
/// `~/.cache`. None when there is no such folder to use.
fn runtime_cache(vars: &MakefileVars) -> Option<PathBuf> {
    use std::hash::{Hash, Hasher};
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let mut h = std::hash::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    (vars.cc, vars.opt).hash(&mut h);
    for (name, text) in RUNTIME_FILES {
        (name, text).hash(&mut h);
    }
    Some(
        base.join("rpython-translate")
            .join(format!("runtime-{:016x}", h.finish())),
    )
}

/// What make builds from the runtime sources: bitcode to link with the
/// program (`whole`), or ThinLTO objects (`thin`).
fn runtime_bitcode_names(thin: bool) -> impl Iterator<Item = String> {
    let ext = if thin { "thin.o" } else { "bc" };
    RUNTIME_FILES
        .iter()
        .filter_map(|(n, _)| n.strip_suffix(".c"))
        .map(move |stem| format!("{stem}.{ext}"))
}

/// Copies the cached runtime bitcode into the build folder (after the
/// sources, so make sees it up to date); false if it is not all there.
fn use_cached_runtime(cache: &Path, build_dir: &Path, thin: bool) -> bool {
    let all_there = runtime_bitcode_names(thin).all(|n| cache.join(&n).is_file());
    all_there
        && runtime_bitcode_names(thin)
            .all(|n| std::fs::copy(cache.join(&n), build_dir.join(&n)).is_ok())
}

/// Keeps the runtime bitcode make just built; best effort (a cache that
/// cannot be written only costs time). Each file lands whole: written to
/// a temporary name, then renamed.
fn fill_runtime_cache(cache: &Path, build_dir: &Path, thin: bool) {
    if std::fs::create_dir_all(cache).is_err() {
        return;
    }
    for n in runtime_bitcode_names(thin) {
        let tmp = cache.join(format!("{n}.{}.tmp", std::process::id()));
        if std::fs::copy(build_dir.join(&n), &tmp).is_ok() {
            let _ = std::fs::rename(&tmp, cache.join(&n));
        }
        let _ = std::fs::remove_file(&tmp);
    }
}

pub fn run_make(build_dir: &Path, vars: &MakefileVars) -> Result<()> {
    let cache = runtime_cache(vars);
    let thin = vars.thin();
    let cached = cache
        .as_deref()
        .is_some_and(|c| use_cached_runtime(c, build_dir, thin));
    make(build_dir, None, vars.units.len())?;
    if let (Some(c), false) = (&cache, cached) {
        fill_runtime_cache(c, build_dir, thin);
    }
    Ok(())
}

/// Whether the C compiler `cc` (a command line such as `ccache clang-19`:
/// its last word) finds lld, which the ThinLTO build of several codegen
/// units links with.
pub fn has_lld(cc: &str) -> bool {
    let Some(compiler) = cc.split_whitespace().last() else {
        return false;
    };
    // clang prints the bare name back when it finds no such program.
    Command::new(compiler)
        .arg("-print-prog-name=ld.lld")
        .output()
        .is_ok_and(|out| {
            let path = String::from_utf8_lossy(&out.stdout);
            let path = path.trim();
            out.status.success() && path != "ld.lld" && Path::new(path).exists()
        })
}

/// `make profopt` in the build folder (after `run_make`): the
/// profile-guided rebuild of the binary.
pub fn run_profopt(build_dir: &Path) -> Result<()> {
    make(build_dir, Some("profopt"), 1)
}

fn make(build_dir: &Path, target: Option<&str>, units: usize) -> Result<()> {
    // One job per unit even beyond the cores: a --cc wrapper such as
    // distcc may run them elsewhere.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = cores.max(units);
    let out = Command::new("make")
        .arg("-s")
        .arg(format!("-j{jobs}"))
        .arg("-C")
        .arg(build_dir)
        .args(target)
        .output()
        .map_err(|e| vec![Diagnostic::global(format!("cannot run make: {e}"))])?;
    if !out.status.success() {
        return Err(vec![Diagnostic::global(format!(
            "building the binary failed in {}:\n{}{}",
            build_dir.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makefile_has_every_placeholder_filled() {
        let text = render_makefile(&MakefileVars {
            cc: "clang-19",
            llvm_link: "llvm-link-19",
            opt: "-O2",
            debug: "-g",
            output: Path::new("/tmp/prog-c"),
            profopt_args: &["it's".to_string(), "$HOME".to_string()],
            units: &["program".to_string()],
        });
        let unfilled = text
            .split('@')
            .skip(1)
            .step_by(2)
            .any(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
        assert!(!unfilled, "unfilled placeholder in:\n{text}");
        assert!(text.contains("CC = clang-19\n"));
        assert!(text.contains("OUTPUT = /tmp/prog-c\n"));
        assert!(text.contains("RUNTIME_SRCS = rpy_main.c "));
        // Quoted for the shell, `$` escaped for make.
        assert!(
            text.contains("PROFOPT_ARGS = 'it'\\''s' '$$HOME'\n"),
            "{text}"
        );
    }

    /// Every runtime source the runtime's own Makefile builds is embedded
    /// (a file added there and forgotten here would fail to link).
    #[test]
    fn every_runtime_source_is_embedded() {
        let makefile = include_str!("../../../runtime/Makefile");
        // `SRCS = a.c b.c \` and its continuation lines.
        let start = makefile
            .find("\nSRCS = ")
            .expect("runtime/Makefile sets SRCS")
            + 8;
        let mut srcs = String::new();
        for line in makefile[start..].lines() {
            srcs.push_str(line.trim_end_matches('\\'));
            srcs.push(' ');
            if !line.ends_with('\\') {
                break;
            }
        }
        for src in srcs.split_whitespace() {
            assert!(
                RUNTIME_FILES.iter().any(|(n, _)| *n == src),
                "{src} is not in RUNTIME_FILES"
            );
        }
    }
}
