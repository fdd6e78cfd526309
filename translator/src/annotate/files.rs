//! `open()` and file objects: `read readline readlines write flush close`,
//! the `closed` attribute, `for line in f` and `with open(...) as f`.
//! Whether a file is binary decides what reading gives (str or bytes),
//! so the mode must be a constant.

use super::model::{with_article, SomeValue};
use super::Annotator;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{Constant, FuncId, Value, VarId};
use std::rc::Rc;

type AResult = Result<SomeValue, Diagnostic>;

/// The methods the translator supports, for messages.
const FILE_METHODS: &str = "read, readline, readlines, write, flush, close";

/// Whether `mode` opens a binary file (the runtime checks the rest of
/// the mode when the file is opened, with CPython's messages).
pub fn binary_mode(mode: &str) -> bool {
    mode.contains('b')
}

fn line_type(binary: bool) -> SomeValue {
    if binary {
        SomeValue::Bytes
    } else {
        SomeValue::Str { can_be_none: false }
    }
}

impl Annotator<'_> {
    /// `open(path[, mode])`.
    pub(super) fn open_call(
        &mut self,
        args: &[SomeValue],
        values: &[Value],
        keywords: &[Rc<str>],
        span: Span,
    ) -> AResult {
        if !keywords.is_empty() || args.is_empty() || args.len() > 2 {
            return Err(Diagnostic::error(
                span,
                "open() takes a path and a mode here (no keyword arguments)",
            ));
        }
        if !matches!(args[0], SomeValue::Str { can_be_none: false }) {
            return Err(Diagnostic::error(
                span,
                format!(
                    "open() takes a str path here, not {}",
                    with_article(&args[0], &self.types())
                ),
            ));
        }
        let mode = match values.get(1) {
            None => "r".into(),
            Some(Value::Const(Constant::Str(m))) => m.clone(),
            Some(_) => {
                return Err(Diagnostic::error(
                    span,
                    "the mode of open() must be a string constant: it decides whether reading gives str or bytes",
                ))
            }
        };
        Ok(SomeValue::File {
            binary: binary_mode(&mode),
        })
    }

    /// `f.name(args)` on a file.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn file_method(
        &mut self,
        f: FuncId,
        site: VarId,
        binary: bool,
        name: &str,
        args: &[SomeValue],
        keywords: &[Rc<str>],
        span: Span,
    ) -> AResult {
        let wrong = |what: &str| Err(Diagnostic::error(span, format!("f.{name}() takes {what}")));
        if !keywords.is_empty() {
            return Err(Diagnostic::error(
                span,
                format!("keyword arguments to file.{name}() are not supported"),
            ));
        }
        let line = line_type(binary);
        match name {
            "read" => match args {
                [] => Ok(line),
                [n] if n.is_intlike() => Ok(line),
                _ => wrong("an optional int"),
            },
            "readline" if args.is_empty() => Ok(line),
            "readlines" if args.is_empty() => {
                let id = self.lists.borrow_mut().at_site(f, site);
                self.store_item(id, &line, span)?;
                Ok(SomeValue::List(id))
            }
            "write" => match args {
                [s] if *s == line => Ok(SomeValue::Int),
                [s] => Err(Diagnostic::error(
                    span,
                    format!(
                        "write() of {} to a {} file (it takes {})",
                        with_article(s, &self.types()),
                        if binary { "binary" } else { "text" },
                        if binary { "bytes" } else { "str" }
                    ),
                )),
                _ => wrong("one argument"),
            },
            "flush" | "close" if args.is_empty() => Ok(SomeValue::None),
            // The calls `with` makes (see the flow graph builder).
            "$enter" => Ok(SomeValue::File { binary }),
            "$exit" => Ok(SomeValue::None),
            "readline" | "readlines" | "flush" | "close" => wrong("no arguments"),
            _ => Err(Diagnostic::error(
                span,
                format!("files have no method `{name}` the translator supports ({FILE_METHODS})"),
            )),
        }
    }

    /// `for line in f`: IterMore reads ahead, IterItem reads the line.
    pub(super) fn file_iter(&self, item: bool, binary: bool) -> SomeValue {
        if item {
            line_type(binary)
        } else {
            SomeValue::Bool
        }
    }
}
