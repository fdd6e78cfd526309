//! The `translate` command line: build folders, timings, refusals and
//! reproducible output.

use std::path::{Path, PathBuf};
use std::process::Command;

fn translate() -> Command {
    Command::new(env!("CARGO_BIN_EXE_translate"))
}

fn fib() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("targets/targetfib.py")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("translate-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn source_writes_a_build_folder_that_make_finishes() {
    let d = scratch("source");
    let build = d.join("build");
    let out = d.join("fib-c");
    let t = translate()
        .args(["--batch", "--source", "--build-dir"])
        .arg(&build)
        .arg("--output")
        .arg(&out)
        .arg(fib())
        .output()
        .unwrap();
    assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
    for f in [
        "Makefile",
        "program.ll",
        "program.bc",
        "rpy.h",
        "rpy_main.c",
    ] {
        assert!(build.join(f).exists(), "{f} missing from the build folder");
    }
    assert!(!out.exists(), "--source must not build the binary");
    let make = Command::new("make")
        .arg("-s")
        .arg("-C")
        .arg(&build)
        .output()
        .unwrap();
    assert!(
        make.status.success(),
        "{}",
        String::from_utf8_lossy(&make.stderr)
    );
    let run = Command::new(&out).arg("20").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "fib( 20 ) = 6765\n");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn timings_cover_every_phase() {
    let d = scratch("timings");
    let json = d.join("t.json");
    let t = translate()
        .arg("--batch")
        .arg("--output")
        .arg(d.join("fib-c"))
        .arg("--timings-json")
        .arg(&json)
        .arg(fib())
        .output()
        .unwrap();
    assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
    let text = std::fs::read_to_string(&json).unwrap();
    let table = String::from_utf8_lossy(&t.stderr);
    for phase in [
        "parse",
        "flowgraph",
        "annotate",
        "rtype",
        "backendopt",
        "stackcheckinsertion",
        "database",
        "source",
        "compile",
    ] {
        assert!(
            text.contains(&format!("{{\"name\":\"{phase}\",\"seconds\":")),
            "{phase} missing from {text}"
        );
        assert!(
            table.contains(&format!("[Timer] {phase} ")),
            "{phase} missing from the table:\n{table}"
        );
    }
    assert!(
        text.contains("\"total_seconds\":") && text.contains("\"peak_rss_kib\":"),
        "{text}"
    );
    assert!(table.contains("[Timer] Total:"), "{table}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn jit_level_is_refused_with_a_reason() {
    let t = translate().arg("-Ojit").arg(fib()).output().unwrap();
    assert_eq!(t.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&t.stderr).contains("-Ojit is not available yet"));
}

#[test]
fn the_same_input_gives_byte_identical_ir() {
    let d = scratch("repro");
    let mut texts = vec![];
    let mut binaries = vec![];
    for k in 0..2 {
        let build = d.join(format!("b{k}"));
        let out = d.join(format!("fib{k}-c"));
        let t = translate()
            .args(["--batch", "--build-dir"])
            .arg(&build)
            .arg("--output")
            .arg(&out)
            .arg(fib())
            .output()
            .unwrap();
        assert!(t.status.success());
        texts.push(std::fs::read(build.join("program.ll")).unwrap());
        binaries.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(texts[0], texts[1]);
    assert!(
        binaries[0] == binaries[1],
        "two translations give different binaries"
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// `--jobs 2`: two codegen units in the build folder, joined by ThinLTO;
/// the binary behaves the same and is byte-identical from one
/// translation to the next.
#[test]
fn jobs_split_the_program_into_units_reproducibly() {
    let d = scratch("jobs");
    let mut binaries = vec![];
    for k in 0..2 {
        let build = d.join(format!("b{k}"));
        let out = d.join(format!("fib{k}-c"));
        let t = translate()
            .args(["--batch", "--jobs", "2", "--build-dir"])
            .arg(&build)
            .arg("--output")
            .arg(&out)
            .arg(fib())
            .output()
            .unwrap();
        assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
        for f in ["program0.bc", "program1.bc", "program0.native.o"] {
            assert!(build.join(f).exists(), "{f} missing from the build folder");
        }
        let makefile = std::fs::read_to_string(build.join("Makefile")).unwrap();
        assert!(makefile.contains("\nLINK_MODE = thin\n"), "{makefile}");
        let run = Command::new(&out).arg("20").output().unwrap();
        assert_eq!(String::from_utf8_lossy(&run.stdout), "fib( 20 ) = 6765\n");
        binaries.push(std::fs::read(&out).unwrap());
    }
    assert!(binaries[0] == binaries[1], "two translations differ");
    let _ = std::fs::remove_dir_all(&d);
}

/// Errors in independent places (here three branches of one loop) are
/// reported in one run, in source order; code after an error is not
/// followed, so it adds no errors of its own.
#[test]
fn independent_errors_are_reported_together() {
    let d = scratch("errors");
    let prog = d.join("three.py");
    std::fs::write(
        &prog,
        "def run(code):\n    acc = 0\n    for op in code:\n        if op == 1:\n            acc = acc + \"x\"\n        elif op == 2:\n            acc = acc - 1\n        elif op == 3:\n            acc.append(1)\n        else:\n            print(len(acc))\n    return acc\n\n\ndef entry_point(argv):\n    print(run([1, 2, 3]))\n    return 0\n\n\ndef target(*args):\n    return entry_point, None\n",
    )
    .unwrap();
    let t = translate().arg("--batch").arg(&prog).output().unwrap();
    assert_eq!(t.status.code(), Some(1));
    let err = String::from_utf8_lossy(&t.stderr);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(|l| l.split(": error: ").next().unwrap())
        .collect();
    let want: Vec<String> = [5, 9, 11]
        .iter()
        .map(|n| format!("{}:{n}:", prog.display()))
        .collect();
    assert_eq!(lines.len(), 3, "{err}");
    for (got, want) in lines.iter().zip(&want) {
        assert!(got.starts_with(want.as_str()), "{err}");
    }
    assert!(err.contains("translation failed: 3 errors"), "{err}");
    // A function whose graph cannot be built: the functions it names are
    // still checked.
    std::fs::write(
        &prog,
        "def g(y):\n    return foo + y\n\n\ndef entry_point(argv):\n    v = eval(\"1\")\n    print(g(2))\n    return 0\n\n\ndef target(*args):\n    return entry_point, None\n",
    )
    .unwrap();
    let t = translate().arg("--batch").arg(&prog).output().unwrap();
    let err = String::from_utf8_lossy(&t.stderr);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert!(
        errors.len() == 2
            && errors[0].contains(":2:12: error: name `foo`")
            && errors[1].contains(":6:9: error: `eval`"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_missing_target_is_an_error_not_a_panic() {
    let t = translate().arg("/nonexistent/prog.py").output().unwrap();
    assert_eq!(t.status.code(), Some(1));
    let err = String::from_utf8_lossy(&t.stderr);
    assert!(err.contains("cannot read /nonexistent/prog.py"), "{err}");
}

#[test]
fn debug_info_maps_code_to_python_lines() {
    let d = scratch("dwarf");
    let out = d.join("fib-c");
    let t = translate()
        .args(["--batch", "-O0", "--output"])
        .arg(&out)
        .arg(fib())
        .output()
        .unwrap();
    assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
    let nm = Command::new("llvm-nm-19")
        .arg(&out)
        .output()
        .expect("llvm-nm-19 (from llvm-19) runs");
    let symbols = String::from_utf8_lossy(&nm.stdout);
    let addr = symbols
        .lines()
        .find(|l| l.ends_with(" py.__main__.fib"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no py.__main__.fib symbol in:\n{symbols}"));
    let a2l = Command::new("llvm-addr2line-19")
        .args(["-f", "-e"])
        .arg(&out)
        .arg(format!("0x{addr}"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&a2l.stdout);
    // `def fib(n):` is line 8 of targets/targetfib.py.
    assert!(text.contains("targetfib.py:8"), "{text}");
    let lines = Command::new("llvm-dwarfdump-19")
        .arg("--debug-info")
        .arg(&out)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&lines.stdout);
    assert!(
        info.contains("DW_AT_name\t(\"__main__.fib\")") || info.contains("(\"__main__.fib\")"),
        "Python qualified name missing"
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// `--profopt`: an instrumented build trains with `--profoptargs`, the
/// phase is timed, and the rebuilt binary behaves as the plain one.
#[test]
fn profopt_trains_and_rebuilds() {
    let d = scratch("profopt");
    let build = d.join("build");
    let out = d.join("fib-c");
    let t = translate()
        .args(["--batch", "--profopt", "--profoptargs", "18", "--build-dir"])
        .arg(&build)
        .arg("--output")
        .arg(&out)
        .arg(fib())
        .output()
        .unwrap();
    assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
    let table = String::from_utf8_lossy(&t.stderr);
    assert!(table.contains("[Timer] profopt "), "{table}");
    // The training run left its profile, which the final link used.
    assert!(build.join("profile.profdata").exists());
    let makefile = std::fs::read_to_string(build.join("Makefile")).unwrap();
    assert!(makefile.contains("PROFOPT_ARGS = '18'\n"), "{makefile}");
    let run = Command::new(&out).arg("20").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "fib( 20 ) = 6765\n");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn dump_graphs_writes_text_and_dot_for_the_functions_asked_for() {
    let d = scratch("dump");
    let dumps = d.join("graphs");
    let t = translate()
        .args(["--batch", "--source", "--build-dir"])
        .arg(d.join("build"))
        .arg("--dump-graphs")
        .arg(&dumps)
        .args(["--only", "fib"])
        .arg(fib())
        .output()
        .unwrap();
    assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
    for stage in [
        "1-flow",
        "2-annotated",
        "3-rtyped",
        "4-optimized",
        "5-gctransformed",
    ] {
        let mut names: Vec<String> = std::fs::read_dir(dumps.join(stage))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["__main__.fib.dot", "__main__.fib.txt"], "{stage}");
        let text = std::fs::read_to_string(dumps.join(stage).join("__main__.fib.txt")).unwrap();
        let dot = std::fs::read_to_string(dumps.join(stage).join("__main__.fib.dot")).unwrap();
        assert!(dot.starts_with("digraph \"__main__.fib\" {"), "{dot}");
        // One node per block and one edge per link, as in the text.
        let blocks = text.lines().filter(|l| l.starts_with("  block")).count();
        let links = text.lines().filter(|l| l.contains("goto ")).count();
        assert_eq!(dot.matches(" [label=").count(), blocks + links, "{dot}");
        assert_eq!(dot.matches(" -> ").count(), links, "{dot}");
        assert!(blocks > 1 && links > 1, "{text}");
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// Not a terminal (a pipe, as under make, CI or a redirection): a plain
/// line as each phase starts, never a carriage return or an escape
/// sequence.
#[test]
fn stderr_that_is_not_a_terminal_gets_plain_lines() {
    let d = scratch("plain");
    let t = translate()
        .args(["--source", "--build-dir"])
        .arg(d.join("build"))
        .arg(fib())
        .output()
        .unwrap();
    assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
    let err = String::from_utf8_lossy(&t.stderr);
    assert!(
        err.starts_with("[translate] parse\n[translate] flowgraph\n"),
        "{err:?}"
    );
    assert!(
        err.contains("\n[translate] source\n[Timer] Timings:\n"),
        "{err:?}"
    );
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    let _ = std::fs::remove_dir_all(&d);
}

/// On a terminal (a pseudo-terminal made by util-linux's `script`), each
/// phase is shown on one self-overwriting line, cleared before the timer
/// table; `--batch` asks for plain lines instead.
#[test]
fn a_terminal_gets_a_progress_line_cleared_before_the_table() {
    let d = scratch("tty");
    let run = |batch: &str| {
        let command = format!(
            "'{}' {batch} --source --build-dir '{}' '{}'",
            env!("CARGO_BIN_EXE_translate"),
            d.join("build").display(),
            fib().display()
        );
        let t = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .output()
            .expect("script (util-linux) runs");
        assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stdout));
        String::from_utf8_lossy(&t.stdout).into_owned()
    };
    let shown = run("");
    for phase in ["parse", "annotate", "rtype", "database", "source"] {
        assert!(
            shown.contains(&format!("\r\x1b[K[translate] {phase}")),
            "{shown:?}"
        );
    }
    assert!(shown.contains("\r\x1b[K[Timer] Timings:"), "{shown:?}");
    assert_eq!(shown.matches("[Timer] Timings:").count(), 1, "{shown:?}");
    let batch = run("--batch");
    assert!(!batch.contains('\x1b'), "{batch:?}");
    assert!(batch.starts_with("[translate] parse\r\n"), "{batch:?}");
    let _ = std::fs::remove_dir_all(&d);
}
