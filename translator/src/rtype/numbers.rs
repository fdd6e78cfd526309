//! divmod(), round() and hash(): numeric builtins lowered to int and float
//! operations and a few runtime helpers (which carry CPython's messages and
//! its exact rounding).

use super::llop::{FloatOp, IntOp, LlOp};
use super::lltype::LlType;
use super::lower::{LResult, Lowerer};
use crate::abi::Helper;
use crate::annotate::model::SomeValue;
use crate::diagnostics::Span;
use crate::flowgraph::ir::{Builtin, Value, VarId};

impl Lowerer<'_> {
    pub(super) fn number_builtin(
        &mut self,
        b: Builtin,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let result_type = self.s(&Value::Var(result));
        match b {
            Builtin::DivMod => {
                let floats =
                    matches!(result_type, SomeValue::Tuple(ref t) if t[0] == SomeValue::Float);
                let (q, r, ty) = if floats {
                    let x = self.convert(&args[0], LlType::Float, span);
                    let y = self.convert(&args[1], LlType::Float, span);
                    self.tmp(
                        LlOp::CallHelper(Helper::FloatDivmodCheck),
                        vec![y.clone()],
                        LlType::Void,
                        span,
                    );
                    let q = self.tmp(
                        LlOp::Float(FloatOp::FloorDiv),
                        vec![x.clone(), y.clone()],
                        LlType::Float,
                        span,
                    );
                    let r = self.tmp(LlOp::Float(FloatOp::Mod), vec![x, y], LlType::Float, span);
                    (q, r, LlType::Float)
                } else {
                    let x = self.convert(&args[0], LlType::Signed, span);
                    let y = self.convert(&args[1], LlType::Signed, span);
                    let div = self.int_op(IntOp::FloorDiv);
                    let q = self.tmp(div, vec![x.clone(), y.clone()], LlType::Signed, span);
                    let r = self.tmp(LlOp::Int(IntOp::Mod), vec![x, y], LlType::Signed, span);
                    (q, r, LlType::Signed)
                };
                let tid = self.layouts.tuple_tid(&[ty, ty]);
                self.push(LlOp::NewTuple(tid), vec![], result, span);
                for (i, v) in [q, r].into_iter().enumerate() {
                    self.tmp(
                        LlOp::TupleInit(i as u32),
                        vec![Value::Var(result), v],
                        LlType::Void,
                        span,
                    );
                }
            }
            Builtin::Round => {
                let x = self.s(&args[0]);
                let (h, call) = match (args, x) {
                    ([a], SomeValue::Float) => (Some(Helper::FloatRoundToInt), vec![a.clone()]),
                    ([a], _) => (None, vec![self.convert(a, LlType::Signed, span)]),
                    ([a, n], SomeValue::Float) => {
                        let n = self.convert(n, LlType::Signed, span);
                        (Some(Helper::FloatRound), vec![a.clone(), n])
                    }
                    ([a, n], _) => {
                        let a = self.convert(a, LlType::Signed, span);
                        let n = self.convert(n, LlType::Signed, span);
                        (Some(Helper::IntRound), vec![a, n])
                    }
                    _ => unreachable!("annotator checks round()'s arguments"),
                };
                match h {
                    Some(h) => self.push(LlOp::CallHelper(h), call, result, span),
                    None => self.push(LlOp::SameAs, call, result, span),
                }
            }
            Builtin::Hash => {
                let (h, v) = match self.s(&args[0]) {
                    SomeValue::Float => (Helper::HashFloat, args[0].clone()),
                    SomeValue::Str { .. } => (Helper::StrHash, args[0].clone()),
                    _ => (
                        Helper::HashInt,
                        self.convert(&args[0], LlType::Signed, span),
                    ),
                };
                self.push(LlOp::CallHelper(h), vec![v], result, span);
            }
            _ => unreachable!("not a numeric builtin: {}", b.name()),
        }
        Ok(())
    }
}
