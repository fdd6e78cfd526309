//! Phase 9, compile: fills the build folder with the runtime sources and a
//! Makefile generated from Makefile.template, then runs `make` there.
//!
//! Entry points: [`write_build_files`] and [`run_make`].

use crate::diagnostics::{Diagnostic, Result};
use std::path::Path;
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
    ("rpy_dict.c", include_str!("../../../runtime/rpy_dict.c")),
    (
        "rpy_format.c",
        include_str!("../../../runtime/rpy_format.c"),
    ),
    (
        "rpy_strops.c",
        include_str!("../../../runtime/rpy_strops.c"),
    ),
    (
        "rpy_unicode.c",
        include_str!("../../../runtime/rpy_unicode.c"),
    ),
];

pub struct MakefileVars<'a> {
    pub cc: &'a str,
    pub llvm_link: &'a str,
    /// `-O0` .. `-O3`.
    pub opt: &'a str,
    /// `-g` to keep debug information, or empty.
    pub debug: &'a str,
    pub output: &'a Path,
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
        .replace("@OPT@", vars.opt)
        .replace("@DEBUG@", vars.debug)
        .replace("@RUNTIME_SRCS@", &srcs.join(" "))
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

pub fn run_make(build_dir: &Path) -> Result<()> {
    let out = Command::new("make")
        .arg("-s")
        .arg("-C")
        .arg(build_dir)
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
