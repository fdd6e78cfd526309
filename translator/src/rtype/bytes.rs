//! Lowering of `bytes` (an `rpy_str` whose nchars is its length, so the
//! string helpers that only compare or search bytes serve it too) and of
//! the I/O builtins.

use super::llop::LlOp;
use super::lltype::LlType;
use super::lower::{LResult, Lowerer};
use crate::abi::Helper;
use crate::annotate::model::SomeValue;
use crate::diagnostics::Span;
use crate::flowgraph::hlop::BinOp;
use crate::flowgraph::ir::{Constant, IoFn, Value, VarId};

fn int(i: i64) -> Value {
    Value::Const(Constant::Int(i))
}

impl Lowerer<'_> {
    pub(super) fn bytes_getitem(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let i = self.convert(&args[1], LlType::Signed, span);
        self.push(
            LlOp::CallHelper(Helper::BytesGetItem),
            vec![args[0].clone(), i],
            result,
            span,
        );
        Ok(())
    }

    pub(super) fn bytes_slice(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let lo = self.bound(&args[1], i64::MIN, span);
        let hi = self.bound(&args[2], i64::MAX, span);
        let step = self.bound(&args[3], 1, span);
        self.push(
            LlOp::CallHelper(Helper::BytesSlice),
            vec![args[0].clone(), lo, hi, step],
            result,
            span,
        );
        Ok(())
    }

    /// `b1 + b2`, `b * n`, `n * b`.
    pub(super) fn bytes_binary(
        &mut self,
        op: BinOp,
        l: &Value,
        r: &Value,
        result: VarId,
        span: Span,
    ) -> LResult {
        let (h, args) = match (op, self.s(l)) {
            (BinOp::Add, _) => (Helper::BytesConcat, vec![l.clone(), r.clone()]),
            (_, SomeValue::Bytes) => {
                let n = self.convert(r, LlType::Signed, span);
                (Helper::BytesRepeat, vec![l.clone(), n])
            }
            _ => {
                let n = self.convert(l, LlType::Signed, span);
                (Helper::BytesRepeat, vec![r.clone(), n])
            }
        };
        self.push(LlOp::CallHelper(h), args, result, span);
        Ok(())
    }

    /// `b.decode(...)` and `s.encode(...)` (UTF-8, checked by the
    /// annotator).
    pub(super) fn codec_method(
        &mut self,
        name: &str,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let h = match name {
            "decode" => Helper::BytesDecodeUtf8,
            _ => Helper::StrEncodeUtf8,
        };
        self.push(LlOp::CallHelper(h), vec![args[0].clone()], result, span);
        Ok(())
    }

    pub(super) fn io_builtin(
        &mut self,
        f: IoFn,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let ints = |this: &mut Self, vals: &[Value]| -> Vec<Value> {
            vals.iter()
                .map(|v| this.convert(v, LlType::Signed, span))
                .collect()
        };
        let (h, call_args) = match f {
            IoFn::OsOpen => {
                let mut a = vec![args[0].clone()];
                a.extend(ints(self, &args[1..]));
                if a.len() == 2 {
                    a.push(int(0o777));
                }
                (Helper::OsOpen, a)
            }
            IoFn::OsRead => (Helper::OsRead, ints(self, args)),
            IoFn::OsWrite => {
                let mut a = ints(self, &args[..1]);
                a.push(args[1].clone());
                (Helper::OsWrite, a)
            }
            IoFn::OsClose => (Helper::OsClose, ints(self, args)),
            IoFn::Time => (Helper::TimeTime, vec![]),
            IoFn::PerfCounter => (Helper::TimePerfCounter, vec![]),
            IoFn::Open => return self.open_file(args, result, span),
            IoFn::Stdout | IoFn::Stderr => unreachable!("annotator rejects calling {}", f.name()),
        };
        self.push(LlOp::CallHelper(h), call_args, result, span);
        Ok(())
    }

    /// `sys.stdout.write(s)`; `flush()` does nothing: standard output is
    /// flushed at exit and before anything goes to standard error from
    /// the runtime.
    pub(super) fn stream_method(
        &mut self,
        stream: IoFn,
        name: &str,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        if name == "flush" {
            self.push(
                LlOp::SameAs,
                vec![Value::Const(Constant::None)],
                result,
                span,
            );
            return Ok(());
        }
        let fd = if stream == IoFn::Stdout { 1 } else { 2 };
        self.push(
            LlOp::CallHelper(Helper::SysWrite),
            vec![int(fd), args[1].clone()],
            result,
            span,
        );
        Ok(())
    }
}
