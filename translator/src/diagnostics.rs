//! Errors the user can act on: `file:line:col: error: message`, the source
//! line with a caret under the construct, and optional notes.
//!
//! Every phase reports problems as `Diagnostic`s; only the driver prints them.

use std::fmt;

/// A byte range inside one source file. `file` indexes `SourceMap::files`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: u32,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: u32, start: u32, end: u32) -> Span {
        Span { file, start, end }
    }
}

pub struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// 1-based line and column (column counted in characters).
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(0, |s| s.chars().count());
        (line as u32 + 1, col as u32 + 1)
    }

    pub fn line_text(&self, line: u32) -> &str {
        let i = (line - 1) as usize;
        let start = self.line_starts[i] as usize;
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[derive(Default)]
pub struct SourceMap {
    pub files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, path: String, text: String) -> u32 {
        self.files.push(SourceFile::new(path, text));
        (self.files.len() - 1) as u32
    }

    pub fn file(&self, span: Span) -> &SourceFile {
        &self.files[span.file as usize]
    }

    /// `path:line` of a span, for messages that mention another place.
    pub fn describe(&self, span: Span) -> String {
        let f = self.file(span);
        let (line, _) = f.line_col(span.start);
        format!("{}:{}", f.path, line)
    }
}

#[derive(Clone, Debug)]
pub struct Note {
    pub span: Option<Span>,
    pub message: String,
}

/// The most errors one run reports.
pub const MAX_ERRORS: usize = 20;

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub span: Option<Span>,
    pub message: String,
    pub notes: Vec<Note>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span: Some(span),
            message: message.into(),
            notes: vec![],
            help: None,
        }
    }

    /// An error not tied to a place in the program (a missing file, a
    /// failing C compiler).
    pub fn global(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span: None,
            message: message.into(),
            notes: vec![],
            help: None,
        }
    }

    pub fn with_note(mut self, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
        self.notes.push(Note {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn render(&self, sources: &SourceMap) -> String {
        let mut out = String::new();
        render_located(&mut out, sources, self.span, "error", &self.message);
        for note in &self.notes {
            render_located(&mut out, sources, note.span, "note", &note.message);
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("  = help: {help}\n"));
        }
        out
    }
}

fn render_located(
    out: &mut String,
    sources: &SourceMap,
    span: Option<Span>,
    kind: &str,
    msg: &str,
) {
    let Some(span) = span else {
        out.push_str(&format!("{kind}: {msg}\n"));
        return;
    };
    let file = sources.file(span);
    let (line, col) = file.line_col(span.start);
    out.push_str(&format!("{}:{}:{}: {kind}: {msg}\n", file.path, line, col));
    let text = file.line_text(line);
    let (end_line, end_col) = file.line_col(span.end.max(span.start));
    let width = if end_line == line && end_col > col {
        (end_col - col) as usize
    } else {
        1
    };
    out.push_str(&format!("{:>5} | {}\n", line, text));
    out.push_str(&format!(
        "      | {}{}\n",
        " ".repeat(col as usize - 1),
        "^".repeat(width)
    ));
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)
    }
}

pub type Result<T> = std::result::Result<T, Vec<Diagnostic>>;

pub fn fail<T>(d: Diagnostic) -> Result<T> {
    Err(vec![d])
}
