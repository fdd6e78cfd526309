//! Tuple comparisons, lowered to comparisons of their items.

use super::llop::{IntOp, LlOp};
use super::lltype::LlType;
use super::lltype_of;
use super::lower::{LResult, Lowerer};
use crate::annotate::model::SomeValue;
use crate::diagnostics::Span;
use crate::flowgraph::hlop::CmpOp;
use crate::flowgraph::ir::{Constant, Value, VarId};

impl Lowerer<'_> {
    /// `a c b` on tuples, as CPython: the first position where the items
    /// differ decides (with `c`), else the lengths do. Every item
    /// comparison is computed (they have no effects) and combined without
    /// branches, from the last position to the first:
    /// `decided_i = strict_i or (eq_i and decided_{i+1})`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn tuple_compare(
        &mut self,
        c: CmpOp,
        l: &Value,
        a: &[SomeValue],
        r: &Value,
        b: &[SomeValue],
        result: VarId,
        span: Span,
    ) -> LResult {
        let (la, lb) = (a.len(), b.len());
        let (equality, by_length, strict) = match c {
            CmpOp::Eq => (true, la == lb, None),
            CmpOp::Ne => (true, la == lb, None),
            CmpOp::Lt => (false, la < lb, Some(CmpOp::Lt)),
            CmpOp::Le => (false, la <= lb, Some(CmpOp::Lt)),
            CmpOp::Gt => (false, la > lb, Some(CmpOp::Gt)),
            CmpOp::Ge => (false, la >= lb, Some(CmpOp::Gt)),
            _ => unreachable!("not an ordering or equality: {c:?}"),
        };
        let mut decided = Value::Const(Constant::Int(by_length as i64));
        if !(equality && la != lb) {
            for i in (0..la.min(lb)).rev() {
                let x = self.tmp(
                    LlOp::TupleGetItem(i as u32),
                    vec![l.clone()],
                    lltype_of(&a[i]),
                    span,
                );
                let y = self.tmp(
                    LlOp::TupleGetItem(i as u32),
                    vec![r.clone()],
                    lltype_of(&b[i]),
                    span,
                );
                let eq = self.compare_value(CmpOp::Eq, &x, &a[i], &y, &b[i], span)?;
                decided = self.tmp(
                    LlOp::Int(IntOp::And),
                    vec![eq, decided],
                    LlType::Signed,
                    span,
                );
                if let Some(s) = strict {
                    let st = self.compare_value(s, &x, &a[i], &y, &b[i], span)?;
                    decided = self.tmp(
                        LlOp::Int(IntOp::Or),
                        vec![st, decided],
                        LlType::Signed,
                        span,
                    );
                }
            }
        }
        let truth = self.tmp(LlOp::IntIsTrue, vec![decided], LlType::Bool, span);
        let op = if c == CmpOp::Ne {
            LlOp::BoolNot
        } else {
            LlOp::SameAs
        };
        self.push(op, vec![truth], result, span);
        Ok(())
    }

    /// `x c y` as an int 0 or 1.
    fn compare_value(
        &mut self,
        c: CmpOp,
        x: &Value,
        sx: &SomeValue,
        y: &Value,
        sy: &SomeValue,
        span: Span,
    ) -> Result<Value, Vec<crate::diagnostics::Diagnostic>> {
        let v = self.ll.new_var(LlType::Bool, span);
        self.compare_as(c, x, sx.clone(), y, sy.clone(), v, span)?;
        Ok(self.convert(&Value::Var(v), LlType::Signed, span))
    }
}
