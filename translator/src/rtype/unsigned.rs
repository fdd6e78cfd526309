//! Lowering of `r_uint` values (see annotate/unsigned.rs for what they
//! mean): a Signed machine word whose division, modulo, right shift,
//! comparisons and conversion to float are the unsigned ones. Adding,
//! multiplying and the bitwise operations are the same bits either way,
//! and never raise OverflowError (they wrap by definition).

use super::llop::{Cmp, IntOp, LlOp};
use super::lltype::LlType;
use super::lower::{LResult, Lowerer};
use crate::diagnostics::Span;
use crate::flowgraph::hlop::{BinOp, CmpOp};
use crate::flowgraph::ir::{Value, VarId};

impl Lowerer<'_> {
    pub(super) fn unsigned_binary(
        &mut self,
        b: BinOp,
        l: &Value,
        r: &Value,
        result: VarId,
        span: Span,
    ) -> LResult {
        let words = self.words(l, r, span);
        let op = match b {
            BinOp::Add => IntOp::Add,
            BinOp::Sub => IntOp::Sub,
            BinOp::Mul => IntOp::Mul,
            BinOp::FloorDiv => IntOp::UFloorDiv,
            BinOp::Mod => IntOp::UMod,
            BinOp::LShift => IntOp::LShift,
            BinOp::RShift => IntOp::URShift,
            BinOp::BitAnd => IntOp::And,
            BinOp::BitOr => IntOp::Or,
            BinOp::BitXor => IntOp::Xor,
            BinOp::TrueDiv | BinOp::Pow => unreachable!("annotator rejects {b:?} on r_uint"),
        };
        self.push(LlOp::Int(op), words, result, span);
        Ok(())
    }

    /// `l c r` with an r_uint on at least one side: the other operand is
    /// taken as a 64-bit word, as the shim's comparisons do.
    pub(super) fn unsigned_compare(
        &mut self,
        c: CmpOp,
        l: &Value,
        r: &Value,
        result: VarId,
        span: Span,
    ) -> LResult {
        let words = self.words(l, r, span);
        let cmp = match c {
            CmpOp::Lt => Cmp::Lt,
            CmpOp::Le => Cmp::Le,
            CmpOp::Eq => Cmp::Eq,
            CmpOp::Ne => Cmp::Ne,
            CmpOp::Gt => Cmp::Gt,
            CmpOp::Ge => Cmp::Ge,
            _ => unreachable!("annotator rejects {c:?} with an r_uint"),
        };
        self.push(LlOp::UintCmp(cmp), words, result, span);
        Ok(())
    }

    /// Both operands as machine words (a bool operand becomes 0 or 1).
    fn words(&mut self, l: &Value, r: &Value, span: Span) -> Vec<Value> {
        vec![
            self.convert(l, LlType::Signed, span),
            self.convert(r, LlType::Signed, span),
        ]
    }

    /// float(u).
    pub(super) fn unsigned_to_float(&mut self, v: &Value, result: VarId, span: Span) {
        self.push(LlOp::CastUintToFloat, vec![v.clone()], result, span);
    }
}
