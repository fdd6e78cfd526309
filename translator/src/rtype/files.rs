//! File objects: handles (ints) given to the runtime's rpy_file_*
//! functions.

use super::llop::LlOp;
use super::lltype::LlType;
use super::lower::{LResult, Lowerer};
use crate::abi::Helper;
use crate::diagnostics::Span;
use crate::flowgraph::hlop::HlOp;
use crate::flowgraph::ir::{Constant, Value, VarId};

impl Lowerer<'_> {
    /// `open(path[, mode])`: args are the path and the mode, if given.
    pub(super) fn open_file(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let mode = args
            .get(1)
            .cloned()
            .unwrap_or(Value::Const(Constant::Str("r".into())));
        self.push(
            LlOp::CallHelper(Helper::FileOpen),
            vec![args[0].clone(), mode],
            result,
            span,
        );
        Ok(())
    }

    /// `f.name(args[1..])`, args[0] being the file.
    pub(super) fn file_method(
        &mut self,
        name: &str,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let f = args[0].clone();
        let (helper, call_args) = match name {
            "read" => {
                let n = match args.get(1) {
                    Some(n) => self.convert(n, LlType::Signed, span),
                    None => Value::Const(Constant::Int(-1)),
                };
                (Helper::FileRead, vec![f, n])
            }
            "readline" => (Helper::FileReadline, vec![f]),
            "readlines" => (Helper::FileReadlines, vec![f]),
            "write" => (Helper::FileWrite, vec![f, args[1].clone()]),
            "flush" => (Helper::FileFlush, vec![f]),
            "close" | "$exit" => (Helper::FileClose, vec![f]),
            "$enter" => {
                self.push(LlOp::SameAs, vec![f], result, span);
                return Ok(());
            }
            other => unreachable!("annotator accepted file.{other}()"),
        };
        self.push(LlOp::CallHelper(helper), call_args, result, span);
        Ok(())
    }

    /// `f.closed`.
    pub(super) fn file_closed(&mut self, f: &Value, result: VarId, span: Span) -> LResult {
        self.push(
            LlOp::CallHelper(Helper::FileClosed),
            vec![f.clone()],
            result,
            span,
        );
        Ok(())
    }

    /// `for line in f`: IterMore asks whether a line remains, IterItem
    /// reads it; the position is not used.
    pub(super) fn file_iter(
        &mut self,
        op: &HlOp,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let (o, a) = match op {
            HlOp::IterPos => (LlOp::SameAs, vec![args[1].clone()]),
            HlOp::IterMore => (LlOp::CallHelper(Helper::FileMore), vec![args[0].clone()]),
            _ => (
                LlOp::CallHelper(Helper::FileReadline),
                vec![args[0].clone()],
            ),
        };
        self.push(o, a, result, span);
        Ok(())
    }
}
