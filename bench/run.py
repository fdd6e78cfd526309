#!/usr/bin/env python3
"""Benchmark harness: every program in ../shared/bench (and targets/*.py),
translated with `translate -O2`, translated with `translate -O2 --profopt`
(profile-guided, trained on the same arguments as the timed runs), under
CPython, under PyPy3 and, where one exists, the C reference version.

    python3 bench/run.py [--quick] [--runs N] [--out PATH] [--only NAME,NAME]
                         [--systems translated,profopt,cpython,pypy3,c] [--install]
                         [--scaling-sizes N,N | --no-scaling]

For each program: translate it, plain and with --profopt (recording
per-phase times and the translator's peak RSS), run every system once and
check its stdout against expected/<name>.out (<name>.small.out with
--quick; for targets/ programs, against CPython's output), then one warm-up
run per system and --runs rounds interleaved across systems (A B C A B C
...). Wall time is time.perf_counter around the process, peak RSS is
ru_maxrss from os.wait4. CPython and PyPy3 run with the repository root on
PYTHONPATH, for the rpython.rlib shim in rpython/.

Translation scaling: synthetic programs of about 1000, 10000 and 100000
lines (bench/gen_scaling.py; 1000 and 10000 with --quick; --scaling-sizes
to choose, --no-scaling to skip; with --only, only when the list includes
`scaling`) are each translated once with `translate -O2`, recording the
translator's wall time, peak RSS and phase times, and the binary's stdout is
checked against python3's.

Writes PATH (default bench/results.json) and Markdown tables beside it
(PATH with .md), and prints them. Exit status: 0 when everything that
ran printed the expected output (programs that do not translate yet are
expected); 1 if a system printed the wrong output, failed or timed out, or
a scaling program did not translate or printed the wrong output; 2 if the
harness itself could not run.

Python 3.11 standard library only.
"""

import argparse
import ast
import datetime
import difflib
import json
import math
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TRANSLATE = os.path.join(ROOT, "target", "release", "translate")
TARGETS_DIR = os.path.join(ROOT, "targets")

SYSTEMS = ["translated", "profopt", "cpython", "pypy3", "c"]
LABELS = {"translated": "translated", "profopt": "profopt", "cpython": "CPython",
          "pypy3": "PyPy3", "c": "C"}
# The systems built by the translator: "translated" is `translate -O2`,
# "profopt" is `translate -O2 --profopt` trained on the timed runs' arguments.
TRANSLATED_SYSTEMS = ("translated", "profopt")

# Default arguments for targets/*.py that do not define BENCH_ARGS
# (and BENCH_ARGS_QUICK for --quick): name -> (default, quick). In either,
# "{root}" stands for the repository root (the runs happen in a scratch
# folder), e.g. "{root}/Cargo.lock".
TARGET_ARGS = {
    "targetfib": ("32", "27"),
}

# Translation scaling: sizes (lines asked of gen_scaling.py) by default and
# with --quick, and the timing phases that make up the "front half" (all
# before the C/LLVM source is written and compiled).
GEN_SCALING = os.path.join(HERE, "gen_scaling.py")
SCALING_SIZES = (1000, 10000, 100000)
SCALING_SIZES_QUICK = (1000, 10000)
FRONT_PHASES = ("parse", "flowgraph", "annotate", "rtype", "backendopt",
                "stackcheckinsertion", "gctransform", "database")


def python_env():
    """The environment of CPython and PyPy3 runs: the repository root on
    PYTHONPATH, so that targets can `import rpython.rlib...` (the shim in
    rpython/)."""
    env = dict(os.environ)
    old = env.get("PYTHONPATH")
    env["PYTHONPATH"] = ROOT + (os.pathsep + old if old else "")
    return env


def describe_args(words):
    """The size column of a target: its arguments, a run of one repeated
    argument shown once with a count ("Cargo.lock x10")."""
    out = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] == words[i]:
            j += 1
        out.append(words[i] if j - i == 1 else "%s x%d" % (words[i], j - i))
        i = j
    return " ".join(out)


class HarnessError(Exception):
    pass


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- programs

def read_sizes(bench_dir):
    path = os.path.join(bench_dir, "sizes.txt")
    progs = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split()
            if len(fields) < 3:
                raise HarnessError("%s: bad line %r" % (path, line))
            progs.append((fields[0], fields[1], fields[2]))
    return progs


def module_string_constants(path):
    """Module-level `NAME = "..."` assignments of a Python file."""
    with open(path) as f:
        tree = ast.parse(f.read(), path)
    consts = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            consts[node.targets[0].id] = node.value.value
    return consts


def collect_programs(bench_dir, quick):
    """List of dicts: name, kind, source, args, expected (bytes or None)."""
    progs = []
    suffix = ".small.out" if quick else ".out"
    for name, default, small in read_sizes(bench_dir):
        source = os.path.join(bench_dir, name + ".py")
        if not os.path.exists(source):
            raise HarnessError("%s is listed in sizes.txt but missing" % source)
        exp_path = os.path.join(bench_dir, "expected", name + suffix)
        if not os.path.exists(exp_path):
            raise HarnessError("missing expected output %s" % exp_path)
        with open(exp_path, "rb") as f:
            expected = f.read()
        c_source = os.path.join(bench_dir, "c", name + ".c")
        progs.append({
            "name": name, "kind": "bench", "source": source,
            "args": [small if quick else default], "expected": expected,
            "expected_from": os.path.relpath(exp_path, ROOT),
            "has_c": os.path.exists(c_source),
        })
    if os.path.isdir(TARGETS_DIR):
        for fn in sorted(os.listdir(TARGETS_DIR)):
            if not fn.endswith(".py"):
                continue
            name = fn[:-3]
            source = os.path.join(TARGETS_DIR, fn)
            consts = module_string_constants(source)
            default, small = TARGET_ARGS.get(name, ("", ""))
            default = consts.get("BENCH_ARGS", default)
            small = consts.get("BENCH_ARGS_QUICK", small or default)
            words = shlex.split(small if quick else default)
            progs.append({
                "name": name, "kind": "target", "source": source,
                "args": [w.replace("{root}", ROOT) for w in words],
                "size": describe_args([w.replace("{root}/", "") for w in words]),
                "expected": None,
                "expected_from": "python3 output", "has_c": False,
            })
    return progs


# ---------------------------------------------------------------- running

def run_capture(cmd, cwd, timeout, env=None):
    """One run with stdout/stderr captured: (returncode, stdout, stderr);
    returncode None on timeout. env None: this process's environment."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, b"", b""
    return p.returncode, p.stdout, p.stderr


# Peak RSS. ru_maxrss of a process started straight from this (Python)
# process is never below the harness's own RSS (~15 MB): Linux carries the
# pre-exec address space's high-water mark over exec, and subprocess forks
# or vforks from Python's address space. So each timed run is started by a
# small /bin/sh that forks the program in the background, prints its pid and
# exits; this process is a child subreaper (prctl PR_SET_CHILD_SUBREAPER), so
# the orphaned program is re-parented here and os.wait4 on its pid gives its
# own peak RSS (above a ~1 MB floor, like /usr/bin/time). The wall time,
# perf_counter around the whole launch, includes sh's fork (~1 ms).
LAUNCH = 'out=$1; shift; "$@" </dev/null >"$out" 2>&1 & echo $!'
PR_SET_CHILD_SUBREAPER = 36
_subreaper = None


def subreaper():
    """True once this process is a child subreaper (Linux only)."""
    global _subreaper
    if _subreaper is None:
        _subreaper = False
        if sys.platform.startswith("linux") and os.path.exists("/bin/sh"):
            try:
                import ctypes
                libc = ctypes.CDLL(None, use_errno=True)
                _subreaper = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
            except (OSError, AttributeError):
                pass
    return _subreaper


def run_timed(cmd, cwd, timeout, output=os.devnull, env=None):
    """One run, stdout and stderr to the file `output`: (returncode, wall
    seconds, peak RSS KiB). returncode is negative for a signal, None on
    timeout. env None: this process's environment.

    A program that exits within about a millisecond, before the /bin/sh that
    launched it, is sometimes reaped by that sh (dash), and os.wait4 finds
    no child (about 1 launch in 100 for /bin/true): such a run is lost, and
    started again."""
    for _ in range(20):
        got = _run_timed_once(cmd, cwd, timeout, output, env)
        if got is not None:
            return got
    raise HarnessError("%s: the launching sh reaped it 20 times in a row" % cmd[0])


def _run_timed_once(cmd, cwd, timeout, output, env):
    """run_timed's one attempt; None when the run was reaped by sh."""
    t0 = time.perf_counter()
    if subreaper():
        sh = subprocess.Popen(["/bin/sh", "-c", LAUNCH, "sh", output] + cmd, cwd=cwd,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=env)
        text = sh.stdout.read()
        sh.wait()
        try:
            pid = int(text)
        except ValueError:
            raise HarnessError("could not start %s (sh said %r)" % (cmd[0], text))
    else:
        with open(output, "wb") as f:
            p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=f, stderr=f,
                                 env=env)
        pid = p.pid
    timed_out = []

    def kill():
        timed_out.append(True)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    try:
        _, status, ru = os.wait4(pid, 0)
    except ChildProcessError:
        if not subreaper():
            raise
        return None   # reaped by the sh that started it: see run_timed
    except BaseException:
        kill()   # e.g. ^C: the background program ignores SIGINT
        os.waitpid(pid, 0)
        raise
    finally:
        if timer:
            timer.cancel()
    wall = time.perf_counter() - t0
    if not subreaper():
        p.returncode = os.waitstatus_to_exitcode(status)  # already reaped
    if timed_out:
        return None, wall, ru.ru_maxrss
    return os.waitstatus_to_exitcode(status), wall, ru.ru_maxrss  # KiB on Linux


def exit_status(rc):
    if rc is None:
        return "TIMEOUT"
    if rc < 0:
        try:
            return "FAILED: %s" % signal.Signals(-rc).name
        except ValueError:
            return "FAILED: signal %d" % -rc
    return "FAILED: exit %d" % rc


def diff_head(expected, got, n=20):
    a = expected.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, "expected", "got"))
    head = "".join(lines[:n])
    if len(lines) > n:
        head += "... (%d more diff lines)\n" % (len(lines) - n)
    return head


def version_of(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        return p.stdout.decode("utf-8", "replace").strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return None


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return None


# ---------------------------------------------------------------- systems

def install_pypy3():
    """apt-get install -y pypy3 (as setup.sh does: sudo when not root)."""
    prefix = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            return "not root and no sudo to install it"
        prefix = ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = prefix + ["apt-get", "install", "-y", "-q", "pypy3"]
    log("installing pypy3: %s" % " ".join(cmd))
    p = subprocess.run(cmd, env=env)
    if p.returncode != 0:
        log("apt-get install failed; running apt-get update and retrying")
        subprocess.run(prefix + ["apt-get", "update"], env=env)
        p = subprocess.run(cmd, env=env)
    if p.returncode != 0 or not shutil.which("pypy3"):
        return "apt-get install pypy3 failed"
    return None


def build_c(bench_dir, scratch):
    """Copies c/ into scratch and builds it with its Makefile (gcc -O2
    -ffp-contract=off). Returns (folder, None) or (None, reason)."""
    src = os.path.join(bench_dir, "c")
    if not os.path.isdir(src):
        return None, "no c/ folder"
    for tool in ("make", "gcc"):
        if not shutil.which(tool):
            return None, "%s not on PATH" % tool
    dst = os.path.join(scratch, "c")
    shutil.copytree(src, dst)
    log("building the C references in %s" % dst)
    p = subprocess.run(["make", "-s", "-C", dst], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode != 0:
        log(p.stdout.decode("utf-8", "replace"))
        return None, "make -C c failed"
    return dst, None


def first_error_line(stderr, source_dir):
    lines = [l.strip() for l in stderr.decode("utf-8", "replace").splitlines()]
    lines = [l for l in lines if l and not l.startswith("[Timer]")]
    for l in lines:
        if "error" in l.lower() or "panicked" in l:
            break
    else:
        l = lines[-1] if lines else "no message"
    # Paths are long and the same for every line; keep the file name.
    for prefix in (source_dir + os.sep, ROOT + os.sep):
        l = l.replace(prefix, "")
    return l


def translate(prog, scratch, timeout, profopt=False):
    """`translate -O2` of the program; with profopt, `--profopt` trained on
    the arguments of the timed runs (the translator splits them on
    whitespace), into a binary of its own. Returns (info, binary or None)."""
    name = prog["name"]
    tag = ".profopt" if profopt else ""
    binary = os.path.join(scratch, name + ("-profopt" if profopt else "-c"))
    tjson = os.path.join(scratch, name + tag + ".timings.json")
    cmd = [TRANSLATE, "-O2", "--batch", "--timings-json", tjson]
    if profopt:
        # `--profoptargs=...` in one word, so that arguments starting with
        # "-" are not taken for options.
        cmd += ["--profopt", "--profoptargs=" + " ".join(prog["args"])]
    cmd += ["--output", binary, prog["source"]]
    errpath = os.path.join(scratch, name + tag + ".translate.stderr")
    rc, wall, rss = run_timed(cmd, ROOT, timeout, output=errpath)
    with open(errpath, "rb") as f:
        err = f.read()
    info = {"status": "ok", "phases": {}, "total": None, "peak_rss_kib": None,
            "wall": round(wall, 4), "peak_rss_kib_with_children": rss}
    if rc is None:
        info["status"] = "does not translate: timed out after %d s" % timeout
        return info, None
    if rc != 0 or not os.path.exists(binary):
        info["status"] = "does not translate: " + first_error_line(err, os.path.dirname(prog["source"]))
        return info, None
    try:
        with open(tjson) as f:
            tj = json.load(f)
        for ph in tj.get("phases", []):
            info["phases"][ph["name"]] = info["phases"].get(ph["name"], 0.0) + ph["seconds"]
        info["total"] = tj.get("total_seconds")
        rsss = [ph["peak_rss_kib"] for ph in tj.get("phases", []) if "peak_rss_kib" in ph]
        info["peak_rss_kib"] = max(rsss) if rsss else None
    except (OSError, ValueError, KeyError, TypeError) as e:
        info["timings_error"] = "could not read %s: %s" % (tjson, e)
    return info, binary


# ---------------------------------------------------------------- per program

def bench_program(prog, systems, avail, c_dir, python, scratch, opts, problems):
    name = prog["name"]
    res = {"kind": prog["kind"], "source": os.path.relpath(prog["source"], ROOT),
           "size": prog.get("size", " ".join(prog["args"])), "args": prog["args"],
           "expected": prog["expected_from"], "systems": {}, "translation": None,
           "profopt_translation": None}
    cmds = {}
    py_env = python_env()
    envs = {"cpython": py_env, "pypy3": py_env}
    for s in systems:
        if s in avail and avail[s] is not None:
            res["systems"][s] = {"status": "not available: " + avail[s]}
            continue
        if s in TRANSLATED_SYSTEMS:
            profopt = s == "profopt"
            key = "profopt_translation" if profopt else "translation"
            plain = res["translation"]
            if profopt and plain is not None and plain["status"] != "ok":
                # --profopt only adds a step after the -O2 build: it would
                # fail the same way (or time out again).
                status = "does not translate (as with -O2; not tried)"
                res["systems"][s] = {"status": status}
                res[key] = {"status": status, "phases": {}, "total": None,
                            "peak_rss_kib": None}
                log("%s: --profopt %s" % (name, status))
                continue
            log("%s: translating%s" % (name, " with --profopt" if profopt else ""))
            info, binary = translate(prog, scratch, opts.translate_timeout, profopt)
            res[key] = info
            if binary is None:
                res["systems"][s] = {"status": info["status"]}
                log("%s: %s%s" % (name, "--profopt " if profopt else "", info["status"]))
                continue
            log("%s: translated%s in %.2f s" % (
                name, " with --profopt" if profopt else "", info["total"] or info["wall"]))
            cmds[s] = [binary] + prog["args"]
        elif s == "cpython":
            cmds[s] = [python, prog["source"]] + prog["args"]
        elif s == "pypy3":
            cmds[s] = ["pypy3", prog["source"]] + prog["args"]
        elif s == "c":
            if not prog["has_c"]:
                res["systems"][s] = {"status": "no C version"}
                continue
            cmds[s] = [os.path.join(c_dir, name)] + prog["args"]

    # Reference output: expected/ for bench programs, python3 for targets.
    expected = prog["expected"]
    if expected is None:
        rc, out, err = run_capture([python, prog["source"]] + prog["args"], scratch,
                                   opts.timeout, env=py_env)
        if rc != 0:
            raise HarnessError("%s: the python3 reference run failed (%s): %s" % (
                name, exit_status(rc), err.decode("utf-8", "replace")[-500:]))
        expected = out

    # Check each system's output once; only correct ones are timed.
    timed = []
    for s in systems:
        if s not in cmds:
            continue
        rc, out, err = run_capture(cmds[s], scratch, opts.timeout, env=envs.get(s))
        if rc == 0 and out == expected:
            res["systems"][s] = {"status": "ok"}
            timed.append(s)
            continue
        if rc == 0:
            status = "WRONG OUTPUT"
            detail = diff_head(expected, out)
        else:
            status = exit_status(rc)
            detail = err.decode("utf-8", "replace")[-1000:]
            if out != expected:
                detail += diff_head(expected, out)
        res["systems"][s] = {"status": status}
        msg = "%s: %s %s (command: %s)\n%s" % (
            name, LABELS[s], status, " ".join(shlex.quote(c) for c in cmds[s]), detail)
        problems.append(msg)
        log(msg)

    # One warm-up run each, then interleaved rounds.
    samples = dict((s, []) for s in timed)
    for rnd in range(opts.runs + 1):
        for s in list(timed):
            rc, wall, rss = run_timed(cmds[s], scratch, opts.timeout, env=envs.get(s))
            if rc != 0:
                status = exit_status(rc)
                res["systems"][s] = {"status": status}
                problems.append("%s: %s %s during timing" % (name, LABELS[s], status))
                log(problems[-1])
                timed.remove(s)
                continue
            if rnd > 0:
                samples[s].append((wall, rss))
    for s in timed:
        walls = [w for w, _ in samples[s]]
        rsss = [r for _, r in samples[s]]
        res["systems"][s].update({
            "median": round(statistics.median(walls), 6),
            "min": round(min(walls), 6), "max": round(max(walls), 6),
            "rss_kib": int(statistics.median(rsss)),
            "times": [round(w, 6) for w in walls], "rss_samples": rsss,
        })
    res["systems"] = dict((s, res["systems"][s]) for s in SYSTEMS if s in res["systems"])
    line = ", ".join("%s %.3f s" % (LABELS[s], res["systems"][s]["median"]) for s in timed)
    log("%s: %s" % (name, line or "nothing timed"))
    return res


# ---------------------------------------------------------------- scaling

def bench_scaling(sizes, python, scratch, opts, problems):
    """The translation-scaling section: one record per size (ascending),
    each with the growth of the total translation time against the previous
    size's, relative to the growth in lines."""
    rows = []
    for n in sizes:
        rows.append(scale_one(n, python, scratch, opts, problems))
    prev = None
    for row in rows:
        row["growth"] = None
        if prev is not None and prev["total"] and row["total"]:
            time_ratio = row["total"] / prev["total"]
            line_ratio = row["lines"] / prev["lines"]
            row["growth"] = {"time_ratio": round(time_ratio, 4),
                             "line_ratio": round(line_ratio, 4),
                             "value": round(time_ratio / line_ratio, 4)}
        prev = row
    return rows


def scale_one(n, python, scratch, opts, problems):
    """Generates a program of about n lines, translates it with `translate
    -O2` (wall time, wait4 peak RSS, phase times), runs the binary and
    compares its stdout with python3's."""
    name = "scaling%d" % n
    source = os.path.join(scratch, name + ".py")
    log("%s: generating (bench/gen_scaling.py %d)" % (name, n))
    with open(source, "wb") as f:
        p = subprocess.run([python, GEN_SCALING, str(n)], stdout=f, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise HarnessError("bench/gen_scaling.py %d failed: %s" % (
            n, p.stderr.decode("utf-8", "replace")[-500:]))
    with open(source, "rb") as f:
        lines = f.read().count(b"\n")
    log("%s: translating %d lines" % (name, lines))
    info, binary = translate({"name": name, "source": source, "args": []}, scratch,
                             opts.translate_timeout)
    phases = info["phases"]
    row = {"size": n, "lines": lines, "status": info["status"], "output": "not run",
           "wall": info["wall"], "peak_rss_kib_with_children": info["peak_rss_kib_with_children"],
           "peak_rss_kib": info["peak_rss_kib"], "phases": phases,
           "front_half": None, "source": None, "compile": None, "total": info["total"]}
    if "timings_error" in info:
        row["timings_error"] = info["timings_error"]
    if phases:
        row["front_half"] = round(sum(phases.get(ph, 0.0) for ph in FRONT_PHASES), 6)
        row["source"] = phases.get("source")
        row["compile"] = phases.get("compile")
    if binary is None:
        problems.append("%s (%d lines): %s" % (name, lines, info["status"]))
        log(problems[-1])
        return row
    log("%s: translated in %.2f s (wall %.2f s, peak RSS %.0f MiB)" % (
        name, info["total"] or info["wall"], info["wall"],
        info["peak_rss_kib_with_children"] / 1024.0))
    rc, expected, err = run_capture([python, source], scratch, opts.timeout, env=python_env())
    if rc != 0:
        row["output"] = "python3 reference run %s" % exit_status(rc)
        problems.append("%s: the python3 reference run failed (%s): %s" % (
            name, exit_status(rc), err.decode("utf-8", "replace")[-500:]))
        log(problems[-1])
        return row
    rc, out, err = run_capture([binary], scratch, opts.timeout)
    if rc == 0 and out == expected:
        row["output"] = "ok"
        return row
    if rc == 0:
        row["output"] = "WRONG OUTPUT"
        detail = diff_head(expected, out)
    else:
        row["output"] = exit_status(rc)
        detail = err.decode("utf-8", "replace")[-1000:]
        if out != expected:
            detail += diff_head(expected, out)
    problems.append("%s: translated %s (command: %s)\n%s" % (
        name, row["output"], shlex.quote(binary), detail))
    log(problems[-1])
    return row


# ---------------------------------------------------------------- report

RATIO_KEYS = ("vs_cpython", "vs_pypy3", "to_c", "profopt_vs_o2")


def ratios(res):
    """speed-up vs CPython, vs PyPy3 (their time / translated time), ratio
    to C (translated time / C time) and profopt vs -O2 (translated time /
    profopt time), None where a number is missing."""
    def med(s):
        e = res["systems"].get(s)
        return e.get("median") if e else None
    t = med("translated")
    out = dict((k, None) for k in RATIO_KEYS)
    if t:
        if med("profopt"):
            out["profopt_vs_o2"] = t / med("profopt")
        if med("cpython"):
            out["vs_cpython"] = med("cpython") / t
        if med("pypy3"):
            out["vs_pypy3"] = med("pypy3") / t
        if med("c"):
            out["to_c"] = t / med("c")
    return out


def geomean(xs):
    xs = [x for x in xs if x]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def short_status(status):
    if status.startswith("does not translate"):
        return "does not translate"
    if status.startswith("not available") or status == "no C version":
        return "-"
    return status


def cell_time(res, s):
    e = res["systems"].get(s)
    if e is None:
        return "-"
    if "median" in e:
        return "%.3f" % e["median"]
    return short_status(e["status"])


def fmt_ratio(x):
    if x is None:
        return "-"
    return "%.2fx" % x if x < 100 else "%.0fx" % x


def markdown(report):
    meta = report["meta"]
    progs = report["programs"]
    lines = ["# Benchmark results", ""]
    if progs:
        lines += programs_markdown(report)
    else:
        lines += ["%s; translation scaling only." % meta["date"], ""]
    if report.get("scaling"):
        lines += scaling_markdown(report["scaling"])
    env = meta["versions"]
    lines.append("Environment: %s; CPython `%s`; PyPy3 `%s`; C `%s` (-O2 -ffp-contract=off); "
                 "%d CPUs; load average before/after: %s / %s." % (
                     meta["machine"], env.get("cpython"), env.get("pypy3") or "-",
                     env.get("gcc") or "-", meta["cpus"], meta["loadavg_before"],
                     meta["loadavg_after"]))
    lines.append("")
    return "\n".join(lines)


def programs_markdown(report):
    """The main table (programs x systems), its notes, as a list of lines."""
    meta = report["meta"]
    progs = report["programs"]
    lines = []
    lines.append("%s; %s sizes; median of %d runs after one warm-up, systems interleaved; "
                 "wall seconds (time.perf_counter), peak RSS in KiB (wait4 ru_maxrss)." % (
                     meta["date"], "small (--quick)" if meta["quick"] else "default",
                     meta["runs"]))
    lines.append("")
    lines.append("| program | size | translated s | profopt s | CPython s | PyPy3 s | C s "
                 "| speed-up vs CPython | vs PyPy3 | ratio to C | profopt vs -O2 "
                 "| translated RSS KiB | translate s |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, res in progs.items():
        r = ratios(res)
        tr = res["systems"].get("translated", {})
        tinfo = res["translation"] or {}
        ttotal = tinfo.get("total") if tinfo.get("status") == "ok" else None
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, res["size"] or "-",
            cell_time(res, "translated"), cell_time(res, "profopt"),
            cell_time(res, "cpython"), cell_time(res, "pypy3"), cell_time(res, "c"),
            fmt_ratio(r["vs_cpython"]), fmt_ratio(r["vs_pypy3"]), fmt_ratio(r["to_c"]),
            fmt_ratio(r["profopt_vs_o2"]),
            tr.get("rss_kib", "-"), "%.2f" % ttotal if ttotal is not None else "-"))
    g = report["geomean"]
    lines.append("| **geometric mean** | | | | | | | %s | %s | %s | %s | | |" % tuple(
        fmt_ratio(g[k]["value"]) + " (n=%d)" % g[k]["n"]
        for k in ("vs_cpython", "vs_pypy3", "to_c", "profopt_vs_o2")))
    lines.append("")
    lines.append("Speed-ups are CPython (or PyPy3) time / translated time; ratio to C is "
                 "translated time / C time; profopt vs -O2 is translated (-O2) time / "
                 "profopt (-O2 --profopt) time. \"-\": does not apply or not measured.")
    notes = []
    for s, why in meta["skipped_systems"].items():
        notes.append("%s: skipped (%s)" % (LABELS[s], why))
    for name, res in progs.items():
        for s, e in res["systems"].items():
            st = e["status"]
            if st != "ok" and not st.startswith("not available") and st != "no C version":
                notes.append("%s, %s: %s" % (name, LABELS[s], st))
    if notes:
        lines.append("")
        lines.append("Notes:")
        lines.append("")
        for n in notes:
            lines.append("- " + n.replace("|", "\\|"))
    lines.append("")
    return lines


def fmt_secs(x):
    return "-" if x is None else "%.2f" % x


def scaling_markdown(rows):
    """The "Translation scaling" table and its notes, as a list of lines."""
    lines = ["## Translation scaling", ""]
    lines.append("Synthetic programs from bench/gen_scaling.py, each translated once with "
                 "`translate -O2`; phase seconds from --timings-json, peak RSS from wait4 "
                 "ru_maxrss of the translate process (largest of it and the clang / "
                 "llvm-link processes it ran).")
    lines.append("")
    lines.append("| lines | front half s | source s | compile (LLVM and link) s | total s "
                 "| peak RSS MiB | growth vs previous (time ratio / line ratio) |")
    lines.append("|---|---|---|---|---|---|---|")
    notes = []
    for row in rows:
        if row["status"] != "ok":
            lines.append("| %d | %s | | | | | |" % (row["lines"], short_status(row["status"])))
            notes.append("%d lines: %s" % (row["lines"], row["status"]))
            continue
        g = row.get("growth")
        growth = "-" if g is None else "%.2f (%.2fx / %.2fx)" % (
            g["value"], g["time_ratio"], g["line_ratio"])
        rss = row["peak_rss_kib_with_children"]
        lines.append("| %d | %s | %s | %s | %s | %s | %s |" % (
            row["lines"], fmt_secs(row["front_half"]), fmt_secs(row["source"]),
            fmt_secs(row["compile"]), fmt_secs(row["total"]),
            "-" if rss is None else "%.0f" % (rss / 1024.0), growth))
        if row["output"] != "ok":
            notes.append("%d lines: the binary's output: %s" % (row["lines"], row["output"]))
    lines.append("")
    lines.append("Front half: parse, flowgraph, annotate, rtype, backendopt, "
                 "stackcheckinsertion, gctransform and database; source: building and "
                 "writing the program's LLVM module (program.bc, or one bitcode file per "
                 "codegen unit); compile: `make` in the build folder (one module: llvm-link "
                 "with the runtime, opt internalize/globaldce, clang -O2 on the whole module "
                 "and the link; several units, as `translate` chooses for large programs on "
                 "a machine with several cores: ThinLTO, each unit's code generation a "
                 "job of its own). Growth: this "
                 "size's total / the previous size's, divided by the ratio of their "
                 "line counts (1.00: time grows linearly with lines; below 1: more slowly, "
                 "e.g. while fixed costs dominate; above 1: faster than linearly).")
    if notes:
        lines.append("")
        lines.append("Notes:")
        lines.append("")
        for n in notes:
            lines.append("- " + n.replace("|", "\\|"))
    lines.append("")
    return lines


# ---------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-dir", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "bench")),
                    help="benchmark programs (default: ../shared/bench from the repo root)")
    ap.add_argument("--quick", action="store_true", help="use the small sizes")
    ap.add_argument("--runs", type=int, default=5, help="timed rounds (default 5)")
    ap.add_argument("--out", default=os.path.join(HERE, "results.json"),
                    help="results JSON (default bench/results.json); the table goes beside it as .md")
    ap.add_argument("--only", help="comma list of program names")
    ap.add_argument("--systems", help="comma list among %s (default: all available)" % ",".join(SYSTEMS))
    ap.add_argument("--install", action="store_true",
                    help="apt-get install -y pypy3 when it is not on PATH")
    ap.add_argument("--python", default=sys.executable,
                    help="CPython interpreter (default: the python3 running this script)")
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds per run before it counts as TIMEOUT (default 300)")
    ap.add_argument("--translate-timeout", type=float, default=600,
                    help="seconds per translation (default 600)")
    ap.add_argument("--scaling-sizes",
                    help="comma list of line counts for the translation-scaling section "
                         "(default %s; with --quick %s)" % (
                             ",".join(map(str, SCALING_SIZES)),
                             ",".join(map(str, SCALING_SIZES_QUICK))))
    ap.add_argument("--no-scaling", action="store_true",
                    help="skip the translation-scaling section")
    ap.add_argument("--keep", action="store_true",
                    help="keep the scratch folder (binaries, C builds, translator logs)")
    opts = ap.parse_args(argv)
    if opts.runs < 1:
        ap.error("--runs must be at least 1")
    if opts.scaling_sizes is not None:
        try:
            sizes = [int(w) for w in opts.scaling_sizes.split(",") if w.strip()]
        except ValueError:
            ap.error("--scaling-sizes takes a comma list of line counts, e.g. 1000,10000")
        if not sizes or min(sizes) < 1:
            ap.error("--scaling-sizes takes a comma list of positive line counts")
        opts.scaling_sizes = sorted(set(sizes))
    return opts


def main(argv):
    opts = parse_args(argv)
    bench_dir = os.path.abspath(opts.bench_dir)
    if not os.path.isdir(bench_dir):
        raise HarnessError("no bench folder at %s (use --bench-dir)" % bench_dir)

    systems = SYSTEMS
    if opts.systems:
        systems = [s.strip() for s in opts.systems.split(",") if s.strip()]
        bad = [s for s in systems if s not in SYSTEMS]
        if bad:
            raise HarnessError("unknown system(s) %s; choose among %s" % (
                ", ".join(bad), ", ".join(SYSTEMS)))
        systems = [s for s in SYSTEMS if s in systems]

    progs = collect_programs(bench_dir, opts.quick)
    scaling = not opts.no_scaling
    if opts.only:
        wanted = [n.strip() for n in opts.only.split(",") if n.strip()]
        # `scaling` in --only selects the translation-scaling section.
        scaling = scaling and "scaling" in wanted
        wanted = [n for n in wanted if n != "scaling"]
        names = [p["name"] for p in progs]
        bad = [n for n in wanted if n not in names]
        if bad:
            raise HarnessError("unknown program(s) %s; known: %s" % (
                ", ".join(bad), ", ".join(names + ["scaling"])))
        progs = [p for p in progs if p["name"] in wanted]
    opts.scaling = []
    if scaling:
        opts.scaling = opts.scaling_sizes or list(
            SCALING_SIZES_QUICK if opts.quick else SCALING_SIZES)

    scratch = tempfile.mkdtemp(prefix="bench-")
    try:
        return run_all(opts, bench_dir, systems, progs, scratch)
    finally:
        if opts.keep:
            log("scratch folder kept: %s" % scratch)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def run_all(opts, bench_dir, systems, progs, scratch):
    # Which systems can run here; avail[s] is None when available, else why not.
    avail = {}
    skipped = {}
    translating = (progs and any(s in systems for s in TRANSLATED_SYSTEMS)) or opts.scaling
    if translating and not os.access(TRANSLATE, os.X_OK):
        raise HarnessError("%s not found; run `cargo build --release` (or `make build`)" % TRANSLATE)
    if progs and "pypy3" in systems and not shutil.which("pypy3"):
        why = "pypy3 not on PATH; --install runs apt-get install -y pypy3"
        if opts.install:
            err = install_pypy3()
            why = err
        if why:
            avail["pypy3"] = why
            skipped["pypy3"] = why
            log("PyPy3 skipped: %s" % why)
    c_dir = None
    if "c" in systems and any(p["has_c"] for p in progs):
        c_dir, why = build_c(bench_dir, scratch)
        if why:
            avail["c"] = why
            skipped["c"] = why
            log("C skipped: %s" % why)

    versions = {"cpython": version_of([opts.python, "--version"])}
    if "pypy3" in systems and "pypy3" not in avail:
        # Two lines: "Python 3.9.16 (...)" and "[PyPy 7.3.11 ...]".
        p = subprocess.run(["pypy3", "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        versions["pypy3"] = " ".join(p.stdout.decode("utf-8", "replace").split())
    if c_dir:
        versions["gcc"] = version_of(["gcc", "--version"])
    if translating:
        versions["translate"] = version_of([TRANSLATE, "--version"])

    problems = []
    load_before = loadavg()
    results = {}
    for prog in progs:
        results[prog["name"]] = bench_program(prog, systems, avail, c_dir, opts.python,
                                              scratch, opts, problems)
    scaling = []
    if opts.scaling:
        scaling = bench_scaling(opts.scaling, opts.python, scratch, opts, problems)
    load_after = loadavg()

    g = {}
    for key in RATIO_KEYS:
        xs = [ratios(r)[key] for r in results.values()]
        xs = [x for x in xs if x]
        g[key] = {"value": geomean(xs), "n": len(xs)}
    report = {
        "meta": {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "quick": opts.quick, "runs": opts.runs, "bench_dir": bench_dir,
            "systems": systems, "skipped_systems": skipped,
            "translate_command": "translate -O2 --batch --timings-json <json> --output <bin> <prog>",
            "profopt_translate_command": ("translate -O2 --batch --timings-json <json> --profopt "
                                          "--profoptargs=<args> --output <bin> <prog>"),
            "scaling_sizes": opts.scaling,
            "scaling_command": ("python3 bench/gen_scaling.py <size> > <prog>; translate -O2 "
                                "--batch --timings-json <json> --output <bin> <prog>"),
            "front_half_phases": list(FRONT_PHASES),
            "rss_method": ("wait4 ru_maxrss, launched through /bin/sh as a child subreaper"
                           if subreaper() else
                           "wait4 ru_maxrss of a direct child (floor: the harness's own RSS)"),
            "machine": platform.machine(), "cpus": os.cpu_count() or 0,
            "loadavg_before": load_before, "loadavg_after": load_after,
            "versions": versions,
        },
        "programs": results,
        "geomean": g,
        "scaling": scaling,
        "problems": problems,
    }

    out = os.path.abspath(opts.out)
    md_path = os.path.splitext(out)[0] + ".md"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    table = markdown(report)
    with open(md_path, "w") as f:
        f.write(table)
    print(table, flush=True)
    log("wrote %s and %s" % (out, md_path))
    if problems:
        log("\n%d problem(s): a system (or a scaling program) printed the wrong output "
            "or failed:" % len(problems))
        for p in problems:
            log(p.rstrip())
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except HarnessError as e:
        log("bench: error: %s" % e)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        import traceback
        traceback.print_exc()
        log("bench: the harness itself failed")
        sys.exit(2)
