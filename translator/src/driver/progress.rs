//! The progress line: while a translation runs and stderr is a terminal,
//! one line shows the current phase and, in phases that count them, how
//! many functions are done (`[translate] annotate: 812 functions`). It
//! overwrites itself (carriage return, clear to end of line), is redrawn
//! at most every `REFRESH`, and is cleared before the driver returns, so
//! the timer table and diagnostics always start on a clean line.
//!
//! Phases know nothing of it: one that counts takes a `&mut dyn
//! FnMut(usize)` and calls it with its running total; the driver turns
//! that into `Progress::count`. Switched off (`--batch`, or stderr not a
//! terminal), every call returns at once and nothing is written.

use std::io::Write;
use std::time::{Duration, Instant};

/// The shortest time between two redraws of a count.
pub const REFRESH: Duration = Duration::from_millis(100);

/// Moves to the start of the line and clears it.
const CLEAR_LINE: &str = "\r\x1b[K";

/// How the translation shows its progress on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressMode {
    /// One self-overwriting line (stderr is a terminal, no `--batch`).
    Line,
    /// A plain line as each phase starts, for logs (`--batch`, or stderr
    /// is not a terminal).
    Plain,
    /// Nothing (the library's own callers: tests, the fuzzer).
    Off,
}

pub struct Progress<W: Write> {
    /// Where the line goes; None: switched off.
    out: Option<W>,
    /// Plain lines, one per phase, instead of the self-overwriting one.
    plain: bool,
    phase: &'static str,
    count: Option<usize>,
    last_draw: Option<Instant>,
    /// A line is on the screen and must be cleared before other output.
    shown: bool,
}

impl<W: Write> Progress<W> {
    pub fn new(out: Option<W>) -> Progress<W> {
        Progress {
            out,
            plain: false,
            phase: "",
            count: None,
            last_draw: None,
            shown: false,
        }
    }

    /// Plain lines on `out`: one per phase as it starts.
    pub fn plain(out: W) -> Progress<W> {
        Progress {
            plain: true,
            ..Progress::new(Some(out))
        }
    }

    /// A phase begins: shown at once (there are a dozen per translation).
    pub fn start(&mut self, phase: &'static str) {
        if self.plain {
            if let Some(out) = &mut self.out {
                let _ = writeln!(out, "[translate] {phase}");
            }
            return;
        }
        if self.out.is_some() {
            self.start_at(phase, Instant::now());
        }
    }

    /// The current phase has done `n` functions; shown if the line was
    /// last drawn at least `REFRESH` ago. Switched off, the clock is not
    /// even read.
    pub fn count(&mut self, n: usize) {
        if self.out.is_some() && !self.plain {
            self.count_at(n, Instant::now());
        }
    }

    fn start_at(&mut self, phase: &'static str, now: Instant) {
        self.phase = phase;
        self.count = None;
        self.draw(now);
    }

    fn count_at(&mut self, n: usize, now: Instant) {
        self.count = Some(n);
        if self
            .last_draw
            .is_none_or(|t| now.saturating_duration_since(t) >= REFRESH)
        {
            self.draw(now);
        }
    }

    /// Removes the line, if one is shown.
    pub fn clear(&mut self) {
        if !self.shown {
            return;
        }
        if let Some(out) = &mut self.out {
            let _ = out.write_all(CLEAR_LINE.as_bytes());
            let _ = out.flush();
        }
        self.shown = false;
    }

    /// The text of the line.
    fn line(&self) -> String {
        match self.count {
            Some(1) => format!("[translate] {}: 1 function", self.phase),
            Some(n) => format!("[translate] {}: {n} functions", self.phase),
            None => format!("[translate] {}", self.phase),
        }
    }

    fn draw(&mut self, now: Instant) {
        let line = self.line();
        if let Some(out) = &mut self.out {
            // One write, so the line never shows half drawn.
            let _ = out.write_all(format!("{CLEAR_LINE}{line}").as_bytes());
            let _ = out.flush();
            self.shown = true;
            self.last_draw = Some(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(p: &Progress<Vec<u8>>) -> String {
        String::from_utf8(p.out.clone().unwrap()).unwrap()
    }

    #[test]
    fn a_phase_is_drawn_at_once_and_counts_at_most_every_refresh() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut p = Progress::new(Some(vec![]));
        p.start_at("annotate", t0);
        assert_eq!(written(&p), "\r\x1b[K[translate] annotate");
        // Within REFRESH of the last draw: remembered, not drawn.
        p.count_at(1, ms(10));
        p.count_at(2, ms(99));
        assert_eq!(written(&p), "\r\x1b[K[translate] annotate");
        assert_eq!(p.line(), "[translate] annotate: 2 functions");
        p.count_at(3, ms(100));
        assert_eq!(
            written(&p),
            "\r\x1b[K[translate] annotate\r\x1b[K[translate] annotate: 3 functions"
        );
        p.count_at(4, ms(150));
        p.count_at(5, ms(201));
        assert!(written(&p).ends_with("\r\x1b[K[translate] annotate: 5 functions"));
        assert_eq!(written(&p).matches('\r').count(), 3);
        // A new phase drops the count and is drawn even within REFRESH.
        p.start_at("rtype", ms(202));
        assert!(written(&p).ends_with("\r\x1b[K[translate] rtype"));
        p.count_at(1, ms(400));
        assert!(written(&p).ends_with("\r\x1b[K[translate] rtype: 1 function"));
    }

    #[test]
    fn clear_erases_the_line_once() {
        let t0 = Instant::now();
        let mut p = Progress::new(Some(vec![]));
        p.clear();
        assert_eq!(written(&p), "", "nothing shown, nothing to clear");
        p.start_at("parse", t0);
        p.clear();
        p.clear();
        assert_eq!(written(&p), "\r\x1b[K[translate] parse\r\x1b[K");
    }

    #[test]
    fn plain_lines_name_each_phase_and_nothing_else() {
        let mut p = Progress::plain(vec![]);
        p.start("parse");
        p.count(3);
        p.start("annotate");
        p.count(812);
        p.clear();
        assert_eq!(written(&p), "[translate] parse\n[translate] annotate\n");
    }

    #[test]
    fn switched_off_it_writes_nothing() {
        let mut p: Progress<Vec<u8>> = Progress::new(None);
        p.start("annotate");
        p.count(7);
        p.clear();
        assert!(p.out.is_none());
        assert!(!p.shown);
    }
}
