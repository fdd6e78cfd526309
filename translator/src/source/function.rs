//! Emission of one low-level graph as an LLVM function: a basic block per
//! graph block, a phi per block input, and each operation as a few
//! instructions; checks that raise branch to a cold block calling
//! `rpy_raise`.

use super::runtime_abi::{ExcKind, RuntimeFn};
use super::CodegenCx;
use crate::diagnostics::{Diagnostic, Result};
use crate::flowgraph::ir::{Constant, Operation, Value, VarId};
use crate::rtype::llop::{Cmp, FloatOp, IntOp, LlOp, WriteKind};
use crate::rtype::lltype::LlType;
use crate::rtype::{LlGraph, LlProgram};
use inkwell::basic_block::BasicBlock;
use inkwell::builder::{Builder, BuilderError};
use inkwell::intrinsics::Intrinsic;
use inkwell::values::{
    BasicMetadataValueEnum, BasicValueEnum, FloatValue, FunctionValue, IntValue, PhiValue,
};
use inkwell::{AddressSpace, FloatPredicate, IntPredicate};
use std::collections::HashMap;

type CgResult<T> = std::result::Result<T, BuilderError>;

struct FunctionCx<'a, 'ctx> {
    cg: &'a CodegenCx<'ctx>,
    ll: &'a LlGraph,
    program: &'a LlProgram,
    recursion: &'a crate::stackcheck::Recursion,
    func: FunctionValue<'ctx>,
    subprogram: Option<inkwell::debug_info::DISubprogram<'ctx>>,
    b: Builder<'ctx>,
    values: HashMap<VarId, BasicValueEnum<'ctx>>,
    blocks: Vec<BasicBlock<'ctx>>,
    phis: Vec<Vec<Option<PhiValue<'ctx>>>>,
}

pub(super) fn emit_function(
    cg: &CodegenCx,
    ll: &LlGraph,
    program: &LlProgram,
    recursion: &crate::stackcheck::Recursion,
    symbol: &str,
) -> Result<()> {
    let func = cg.functions[&ll.graph.func];
    let subprogram = cg
        .debug
        .as_ref()
        .map(|(d, sources)| d.function(func, &ll.graph.name, symbol, ll.graph.span, sources));
    let mut fx = FunctionCx {
        cg,
        ll,
        program,
        recursion,
        func,
        subprogram,
        b: cg.cx.create_builder(),
        values: HashMap::new(),
        blocks: vec![],
        phis: vec![],
    };
    fx.emit().map_err(|e| {
        vec![Diagnostic::global(format!(
            "internal error in code generation of {}: {e}",
            ll.graph.name
        ))]
    })
}

impl<'a, 'ctx> FunctionCx<'a, 'ctx> {
    fn name(&self, v: VarId) -> String {
        self.ll.graph.var_display(v)
    }

    fn emit(&mut self) -> CgResult<()> {
        let g = &self.ll.graph;
        for b in g.block_ids() {
            self.blocks
                .push(self.cg.cx.append_basic_block(self.func, &b.to_string()));
        }
        // Parameters are the start block's inputs; other inputs are phis.
        let mut param = 0;
        for &v in &g.block(g.startblock).inputargs {
            if self.cg.basic_type(self.ll.types[v.index()]).is_some() {
                let p = self.func.get_nth_param(param).unwrap();
                p.set_name(&self.name(v));
                self.values.insert(v, p);
                param += 1;
            }
        }
        for b in g.block_ids() {
            let mut phis = vec![];
            self.b.position_at_end(self.blocks[b.index()]);
            for &v in &g.block(b).inputargs {
                let phi = match (
                    b == g.startblock,
                    self.cg.basic_type(self.ll.types[v.index()]),
                ) {
                    (false, Some(t)) => {
                        let phi = self.b.build_phi(t, &self.name(v))?;
                        self.values.insert(v, phi.as_basic_value());
                        Some(phi)
                    }
                    _ => None,
                };
                phis.push(phi);
            }
            self.phis.push(phis);
        }
        for b in g.block_ids() {
            self.b.position_at_end(self.blocks[b.index()]);
            let block = g.block(b);
            // Branches and returns keep the location of the block's last
            // operation; a block without operations gets the def line.
            self.set_location(g.span);
            for op in &block.operations {
                self.set_location(op.span);
                self.emit_op(op)?;
            }
            if b == g.returnblock {
                let v = block.inputargs[0];
                match self.values.get(&v) {
                    Some(v) => self.b.build_return(Some(v))?,
                    None => self.b.build_return(None)?,
                };
                continue;
            }
            match (&block.exitswitch, block.exits.as_slice()) {
                (_, []) => {
                    self.b.build_unreachable()?;
                }
                (None, [link]) => {
                    let here = self.b.get_insert_block().unwrap();
                    self.add_incoming(link, here);
                    self.b
                        .build_unconditional_branch(self.blocks[link.target.index()])?;
                }
                (Some(sw), links) => {
                    let cond = self.value(sw).into_int_value();
                    let mut targets = [None, None];
                    for link in links {
                        let edge = self.cg.cx.append_basic_block(self.func, "edge");
                        let here = self.b.get_insert_block().unwrap();
                        self.b.position_at_end(edge);
                        self.add_incoming(link, edge);
                        self.b
                            .build_unconditional_branch(self.blocks[link.target.index()])?;
                        self.b.position_at_end(here);
                        targets[link.exitcase.unwrap() as usize] = Some(edge);
                    }
                    self.b.build_conditional_branch(
                        cond,
                        targets[1].unwrap(),
                        targets[0].unwrap(),
                    )?;
                }
                (None, _) => unreachable!("verifier: a block without a switch has one exit"),
            }
        }
        Ok(())
    }

    fn set_location(&self, span: crate::diagnostics::Span) {
        if let (Some(sp), Some((d, sources))) = (self.subprogram, &self.cg.debug) {
            self.b
                .set_current_debug_location(d.location(self.cg.cx, sp, span, sources));
        }
    }

    fn add_incoming(&mut self, link: &crate::flowgraph::ir::Link, from: BasicBlock<'ctx>) {
        let target = link.target.index();
        for (i, arg) in link.args.iter().enumerate() {
            if let Some(phi) = self.phis[target][i] {
                // An unbound local (guarded by its flag), or None flowing
                // into a nullable pointer: zero of the input's type.
                let placeholder = match arg {
                    Value::Const(Constant::Undefined) => true,
                    Value::Var(v) => self.ll.types[v.index()] == LlType::Void,
                    Value::Const(_) => false,
                };
                let v = if placeholder {
                    const_zero(phi.as_basic_value().get_type())
                } else {
                    self.value(arg)
                };
                phi.add_incoming(&[(&v, from)]);
            }
        }
    }

    /// The LLVM value of a graph value (not for Void values).
    fn value(&self, v: &Value) -> BasicValueEnum<'ctx> {
        match v {
            // A None-typed variable where a value is expected can only be
            // a nullable pointer's None.
            Value::Var(var) if self.ll.types[var.index()] == LlType::Void => self
                .cg
                .cx
                .ptr_type(AddressSpace::default())
                .const_null()
                .into(),
            Value::Var(var) => self.values[var],
            Value::Const(c) => self.constant(c),
        }
    }

    fn constant(&self, c: &Constant) -> BasicValueEnum<'ctx> {
        let cx = self.cg.cx;
        match c {
            Constant::Int(i) => cx.i64_type().const_int(*i as u64, true).into(),
            Constant::Bool(b) => cx.bool_type().const_int(*b as u64, false).into(),
            Constant::Float(f) => cx.f64_type().const_float(*f).into(),
            Constant::Str(s) => self.cg.strings[s].as_pointer_value().into(),
            // None in a pointer-typed place is the null pointer.
            Constant::None => cx.ptr_type(AddressSpace::default()).const_null().into(),
            Constant::Func(_) | Constant::Builtin(_) | Constant::Undefined => {
                unreachable!("{c} has no run-time value")
            }
        }
    }

    fn int(&self, v: &Value) -> IntValue<'ctx> {
        self.value(v).into_int_value()
    }

    fn float(&self, v: &Value) -> FloatValue<'ctx> {
        self.value(v).into_float_value()
    }

    fn call_rt(
        &self,
        f: RuntimeFn,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> CgResult<Option<BasicValueEnum<'ctx>>> {
        let call = self.b.build_call(self.cg.runtime_fn(f), args, "")?;
        Ok(call.try_as_basic_value().basic())
    }

    /// Continues in a new block when `cond` is false; when it is true,
    /// raises `kind` with `msg`.
    fn raise_if(&self, cond: IntValue<'ctx>, kind: ExcKind, msg: &str) -> CgResult<()> {
        let raise = self.cg.cx.append_basic_block(self.func, "raise");
        let cont = self.cg.cx.append_basic_block(self.func, "cont");
        self.b.build_conditional_branch(cond, raise, cont)?;
        self.b.position_at_end(raise);
        let kind = self.cg.cx.i32_type().const_int(kind as u64, false);
        self.call_rt(
            RuntimeFn::Raise,
            &[kind.into(), self.cg.cstring(msg).into()],
        )?;
        self.b.build_unreachable()?;
        self.b.position_at_end(cont);
        Ok(())
    }

    fn overflow_intrinsic(
        &self,
        name: &str,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> CgResult<IntValue<'ctx>> {
        let i64t = self.cg.cx.i64_type();
        let f = Intrinsic::find(name).expect("LLVM knows its overflow intrinsics");
        let decl = f.get_declaration(&self.cg.module, &[i64t.into()]).unwrap();
        let pair = self
            .b
            .build_call(decl, &[a.into(), b.into()], "")?
            .try_as_basic_value()
            .basic()
            .unwrap()
            .into_struct_value();
        let overflow = self.b.build_extract_value(pair, 1, "ovf")?.into_int_value();
        self.raise_if(overflow, ExcKind::Overflow, "integer overflow")?;
        Ok(self.b.build_extract_value(pair, 0, "")?.into_int_value())
    }

    fn emit_op(&mut self, op: &Operation<LlOp>) -> CgResult<()> {
        let name = self.name(op.result);
        let value: Option<BasicValueEnum<'ctx>> = match &op.op {
            LlOp::SameAs => self
                .cg
                .basic_type(self.ll.types[op.result.index()])
                .map(|_| self.value(&op.args[0])),
            LlOp::Int(iop) => Some(self.int_op(*iop, &op.args, false, &name)?.into()),
            LlOp::IntOvf(iop) => Some(self.int_op(*iop, &op.args, true, &name)?.into()),
            LlOp::IntCmp(c) => {
                let pred = match c {
                    Cmp::Lt => IntPredicate::SLT,
                    Cmp::Le => IntPredicate::SLE,
                    Cmp::Eq => IntPredicate::EQ,
                    Cmp::Ne => IntPredicate::NE,
                    Cmp::Gt => IntPredicate::SGT,
                    Cmp::Ge => IntPredicate::SGE,
                };
                Some(
                    self.b
                        .build_int_compare(
                            pred,
                            self.int(&op.args[0]),
                            self.int(&op.args[1]),
                            &name,
                        )?
                        .into(),
                )
            }
            LlOp::FloatCmp(c) => {
                let pred = match c {
                    Cmp::Lt => FloatPredicate::OLT,
                    Cmp::Le => FloatPredicate::OLE,
                    Cmp::Eq => FloatPredicate::OEQ,
                    Cmp::Ne => FloatPredicate::UNE,
                    Cmp::Gt => FloatPredicate::OGT,
                    Cmp::Ge => FloatPredicate::OGE,
                };
                Some(
                    self.b
                        .build_float_compare(
                            pred,
                            self.float(&op.args[0]),
                            self.float(&op.args[1]),
                            &name,
                        )?
                        .into(),
                )
            }
            LlOp::IntFloatCmp(c) => {
                let r = self.call_rt(
                    RuntimeFn::IntFloatCompare,
                    &[
                        self.value(&op.args[0]).into(),
                        self.value(&op.args[1]).into(),
                    ],
                )?;
                let r = r.unwrap().into_int_value();
                let i32t = self.cg.cx.i32_type();
                let k = |v: i64| i32t.const_int(v as u64, true);
                // The helper returns -1, 0, 1, or 2 for unordered (NaN).
                let v = match c {
                    Cmp::Lt => self
                        .b
                        .build_int_compare(IntPredicate::EQ, r, k(-1), &name)?,
                    Cmp::Le => self
                        .b
                        .build_int_compare(IntPredicate::SLE, r, k(0), &name)?,
                    Cmp::Eq => self.b.build_int_compare(IntPredicate::EQ, r, k(0), &name)?,
                    Cmp::Ne => self.b.build_int_compare(IntPredicate::NE, r, k(0), &name)?,
                    Cmp::Gt => self.b.build_int_compare(IntPredicate::EQ, r, k(1), &name)?,
                    Cmp::Ge => self
                        .b
                        .build_int_compare(IntPredicate::ULE, r, k(1), &name)?,
                };
                Some(v.into())
            }
            LlOp::Float(fop) => Some(self.float_op(*fop, &op.args, &name)?.into()),
            LlOp::IntTrueDiv => {
                let (a, b) = (self.int(&op.args[0]), self.int(&op.args[1]));
                let zero =
                    self.b
                        .build_int_compare(IntPredicate::EQ, b, b.get_type().const_zero(), "")?;
                self.raise_if(zero, ExcKind::ZeroDivision, "division by zero")?;
                self.call_rt(RuntimeFn::IntTrueDiv, &[a.into(), b.into()])?
            }
            LlOp::BoolNot => Some(self.b.build_not(self.int(&op.args[0]), &name)?.into()),
            LlOp::CastBoolToInt => Some(
                self.b
                    .build_int_z_extend(self.int(&op.args[0]), self.cg.cx.i64_type(), &name)?
                    .into(),
            ),
            LlOp::CastIntToFloat => Some(
                self.b
                    .build_signed_int_to_float(self.int(&op.args[0]), self.cg.cx.f64_type(), &name)?
                    .into(),
            ),
            LlOp::CastFloatToInt => {
                self.call_rt(RuntimeFn::FloatToInt, &[self.value(&op.args[0]).into()])?
            }
            LlOp::IntIsTrue => {
                let a = self.int(&op.args[0]);
                Some(
                    self.b
                        .build_int_compare(IntPredicate::NE, a, a.get_type().const_zero(), &name)?
                        .into(),
                )
            }
            LlOp::FloatIsTrue => {
                let a = self.float(&op.args[0]);
                Some(
                    self.b
                        .build_float_compare(
                            FloatPredicate::UNE,
                            a,
                            a.get_type().const_zero(),
                            &name,
                        )?
                        .into(),
                )
            }
            LlOp::StrIsTrue => Some(self.str_is_true(&op.args[0], &name)?.into()),
            LlOp::PtrIsNull | LlOp::PtrNonNull => {
                let p = self.value(&op.args[0]).into_pointer_value();
                let v = if op.op == LlOp::PtrIsNull {
                    self.b.build_is_null(p, &name)?
                } else {
                    self.b.build_is_not_null(p, &name)?
                };
                Some(v.into())
            }
            LlOp::StrEq => self.call_rt(
                RuntimeFn::StrEq,
                &[
                    self.value(&op.args[0]).into(),
                    self.value(&op.args[1]).into(),
                ],
            )?,
            LlOp::StrToInt => {
                self.call_rt(RuntimeFn::StrToInt, &[self.value(&op.args[0]).into()])?
            }
            LlOp::ListLen => Some(self.list_len(&op.args[0])?.into()),
            LlOp::ListGetItem => Some(self.list_getitem(&op.args[0], &op.args[1], &name)?),
            LlOp::Write(kind) => {
                let (f, arg): (RuntimeFn, BasicMetadataValueEnum) = match kind {
                    WriteKind::Int => (RuntimeFn::WriteInt, self.value(&op.args[0]).into()),
                    WriteKind::Float => (RuntimeFn::WriteFloat, self.value(&op.args[0]).into()),
                    WriteKind::Bool => (RuntimeFn::WriteBool, self.value(&op.args[0]).into()),
                    WriteKind::Str => (RuntimeFn::WriteStr, self.value(&op.args[0]).into()),
                    WriteKind::Char => {
                        let Value::Const(Constant::Int(c)) = op.args[0] else {
                            unreachable!("write_char of a constant")
                        };
                        (
                            RuntimeFn::WriteChar,
                            self.cg.cx.i32_type().const_int(c as u64, false).into(),
                        )
                    }
                };
                self.call_rt(f, &[arg])?;
                None
            }
            LlOp::DirectCall(callee) => {
                let target = &self.program.graphs[callee];
                let params = &target.graph.block(target.graph.startblock).inputargs;
                let args: Vec<BasicMetadataValueEnum> = params
                    .iter()
                    .zip(&op.args)
                    .filter(|(p, _)| target.types[p.index()] != LlType::Void)
                    .map(|(_, a)| self.value(a).into())
                    .collect();
                let call = self.b.build_call(self.cg.functions[callee], &args, "")?;
                if self
                    .recursion
                    .is_recursive_call(self.ll.graph.func, *callee)
                {
                    call.set_tail_call_kind(
                        inkwell::values::LLVMTailCallKind::LLVMTailCallKindNoTail,
                    );
                }
                call.try_as_basic_value().basic()
            }
            LlOp::StackCheck => {
                self.call_rt(RuntimeFn::StackCheck, &[])?;
                None
            }
            LlOp::CheckBound(local) => {
                let bound = self.int(&op.args[0]);
                let unbound = self.b.build_not(bound, "")?;
                let msg = format!("cannot access local variable '{local}' where it is not associated with a value");
                self.raise_if(unbound, ExcKind::UnboundLocal, &msg)?;
                None
            }
            LlOp::CheckRangeStep => {
                let s = self.int(&op.args[0]);
                let zero =
                    self.b
                        .build_int_compare(IntPredicate::EQ, s, s.get_type().const_zero(), "")?;
                self.raise_if(zero, ExcKind::Value, "range() arg 3 must not be zero")?;
                None
            }
        };
        if let Some(v) = value {
            if self.ll.types[op.result.index()] != LlType::Void {
                v.set_name(&name);
                self.values.insert(op.result, v);
            }
        }
        Ok(())
    }

    fn int_op(
        &self,
        iop: IntOp,
        args: &[Value],
        ovf: bool,
        name: &str,
    ) -> CgResult<IntValue<'ctx>> {
        let b = &self.b;
        let i64t = self.cg.cx.i64_type();
        let k = |v: i64| i64t.const_int(v as u64, true);
        let x = self.int(&args[0]);
        let y = if iop.arity() == 2 {
            self.int(&args[1])
        } else {
            k(0)
        };
        Ok(match iop {
            IntOp::Add if ovf => self.overflow_intrinsic("llvm.sadd.with.overflow", x, y)?,
            IntOp::Sub if ovf => self.overflow_intrinsic("llvm.ssub.with.overflow", x, y)?,
            IntOp::Mul if ovf => self.overflow_intrinsic("llvm.smul.with.overflow", x, y)?,
            IntOp::Neg if ovf => self.overflow_intrinsic("llvm.ssub.with.overflow", k(0), x)?,
            IntOp::Add => b.build_int_add(x, y, name)?,
            IntOp::AddSat => {
                let f = Intrinsic::find("llvm.sadd.sat")
                    .unwrap()
                    .get_declaration(&self.cg.module, &[i64t.into()])
                    .unwrap();
                b.build_call(f, &[x.into(), y.into()], name)?
                    .try_as_basic_value()
                    .basic()
                    .unwrap()
                    .into_int_value()
            }
            IntOp::Sub => b.build_int_sub(x, y, name)?,
            IntOp::Mul => b.build_int_mul(x, y, name)?,
            IntOp::Neg => b.build_int_sub(k(0), x, name)?,
            IntOp::And => b.build_and(x, y, name)?,
            IntOp::Or => b.build_or(x, y, name)?,
            IntOp::Xor => b.build_xor(x, y, name)?,
            IntOp::Invert => b.build_xor(x, k(-1), name)?,
            IntOp::FloorDiv | IntOp::Mod => {
                let zero = b.build_int_compare(IntPredicate::EQ, y, k(0), "")?;
                self.raise_if(
                    zero,
                    ExcKind::ZeroDivision,
                    "integer division or modulo by zero",
                )?;
                let minus_one = b.build_int_compare(IntPredicate::EQ, y, k(-1), "")?;
                if ovf && iop == IntOp::FloorDiv {
                    let is_min = b.build_int_compare(IntPredicate::EQ, x, k(i64::MIN), "")?;
                    let both = b.build_and(is_min, minus_one, "")?;
                    self.raise_if(both, ExcKind::Overflow, "integer overflow")?;
                }
                // sdiv/srem of MIN by -1 is undefined in LLVM: divide by 1
                // instead and fix the quotient up (x // -1 == -x, x % -1 == 0).
                let safe_y = b.build_select(minus_one, k(1), y, "")?.into_int_value();
                let q = b.build_int_signed_div(x, safe_y, "")?;
                let r = b.build_int_signed_rem(x, safe_y, "")?;
                // Python rounds toward -inf: adjust when the remainder is
                // non-zero and its sign differs from the divisor's.
                let r_nonzero = b.build_int_compare(IntPredicate::NE, r, k(0), "")?;
                let signs = b.build_xor(r, y, "")?;
                let signs_differ = b.build_int_compare(IntPredicate::SLT, signs, k(0), "")?;
                let adjust = b.build_and(r_nonzero, signs_differ, "")?;
                if iop == IntOp::FloorDiv {
                    let fixed = b.build_int_sub(q, b.build_int_z_extend(adjust, i64t, "")?, "")?;
                    let neg = b.build_int_sub(k(0), x, "")?;
                    b.build_select(minus_one, neg, fixed, name)?
                        .into_int_value()
                } else {
                    let add = b.build_select(adjust, y, k(0), "")?.into_int_value();
                    b.build_int_add(r, add, name)?
                }
            }
            IntOp::LShift | IntOp::RShift => {
                let neg = b.build_int_compare(IntPredicate::SLT, y, k(0), "")?;
                self.raise_if(neg, ExcKind::Value, "negative shift count")?;
                let big = b.build_int_compare(IntPredicate::SGT, y, k(63), "")?;
                if iop == IntOp::RShift {
                    let count = b.build_select(big, k(63), y, "")?.into_int_value();
                    b.build_right_shift(x, count, true, name)?
                } else {
                    let count = b.build_select(big, k(0), y, "")?.into_int_value();
                    let shifted = b.build_left_shift(x, count, "")?;
                    if ovf {
                        // Overflow when shifting back loses bits, or any
                        // non-zero value is shifted by 64 or more.
                        let back = b.build_right_shift(shifted, count, true, "")?;
                        let lost = b.build_int_compare(IntPredicate::NE, back, x, "")?;
                        let nonzero = b.build_int_compare(IntPredicate::NE, x, k(0), "")?;
                        let big_lost = b.build_and(big, nonzero, "")?;
                        let bad = b.build_or(lost, big_lost, "")?;
                        self.raise_if(bad, ExcKind::Overflow, "integer overflow")?;
                    }
                    b.build_select(big, k(0), shifted, name)?.into_int_value()
                }
            }
            IntOp::Pow => {
                let flag = self.cg.cx.bool_type().const_int(ovf as u64, false);
                self.call_rt(RuntimeFn::IntPow, &[x.into(), y.into(), flag.into()])?
                    .unwrap()
                    .into_int_value()
            }
            IntOp::Abs => {
                if ovf {
                    let is_min = b.build_int_compare(IntPredicate::EQ, x, k(i64::MIN), "")?;
                    self.raise_if(is_min, ExcKind::Overflow, "integer overflow")?;
                }
                let negative = b.build_int_compare(IntPredicate::SLT, x, k(0), "")?;
                let neg = b.build_int_sub(k(0), x, "")?;
                b.build_select(negative, neg, x, name)?.into_int_value()
            }
            // Python's min keeps the first of equal values: b only if b < a.
            IntOp::Min => {
                let lt = b.build_int_compare(IntPredicate::SLT, y, x, "")?;
                b.build_select(lt, y, x, name)?.into_int_value()
            }
            IntOp::Max => {
                let gt = b.build_int_compare(IntPredicate::SGT, y, x, "")?;
                b.build_select(gt, y, x, name)?.into_int_value()
            }
        })
    }

    fn float_op(&self, fop: FloatOp, args: &[Value], name: &str) -> CgResult<FloatValue<'ctx>> {
        let b = &self.b;
        let x = self.float(&args[0]);
        let y = if fop.arity() == 2 {
            self.float(&args[1])
        } else {
            x
        };
        let rt = |f: RuntimeFn| -> CgResult<FloatValue<'ctx>> {
            Ok(self
                .call_rt(f, &[x.into(), y.into()])?
                .unwrap()
                .into_float_value())
        };
        Ok(match fop {
            FloatOp::Add => b.build_float_add(x, y, name)?,
            FloatOp::Sub => b.build_float_sub(x, y, name)?,
            FloatOp::Mul => b.build_float_mul(x, y, name)?,
            FloatOp::TrueDiv => {
                let zero =
                    b.build_float_compare(FloatPredicate::OEQ, y, y.get_type().const_zero(), "")?;
                self.raise_if(zero, ExcKind::ZeroDivision, "float division by zero")?;
                b.build_float_div(x, y, name)?
            }
            FloatOp::FloorDiv => rt(RuntimeFn::FloatFloorDiv)?,
            FloatOp::Mod => rt(RuntimeFn::FloatMod)?,
            FloatOp::Pow => rt(RuntimeFn::FloatPow)?,
            FloatOp::Neg => b.build_float_neg(x, name)?,
            FloatOp::Abs => {
                let f64t = self.cg.cx.f64_type();
                let fabs = Intrinsic::find("llvm.fabs")
                    .unwrap()
                    .get_declaration(&self.cg.module, &[f64t.into()])
                    .unwrap();
                b.build_call(fabs, &[x.into()], name)?
                    .try_as_basic_value()
                    .basic()
                    .unwrap()
                    .into_float_value()
            }
            FloatOp::Min => {
                let lt = b.build_float_compare(FloatPredicate::OLT, y, x, "")?;
                b.build_select(lt, y, x, name)?.into_float_value()
            }
            FloatOp::Max => {
                let gt = b.build_float_compare(FloatPredicate::OGT, y, x, "")?;
                b.build_select(gt, y, x, name)?.into_float_value()
            }
        })
    }

    /// `s is not None and len(s) != 0`, without loading through null.
    fn str_is_true(&self, s: &Value, name: &str) -> CgResult<IntValue<'ctx>> {
        let b = &self.b;
        let p = self.value(s).into_pointer_value();
        let start = b.get_insert_block().unwrap();
        let load_bb = self.cg.cx.append_basic_block(self.func, "str_len");
        let done = self.cg.cx.append_basic_block(self.func, "str_true");
        let null = b.build_is_null(p, "")?;
        b.build_conditional_branch(null, done, load_bb)?;
        b.position_at_end(load_bb);
        let len_ptr = b.build_struct_gep(self.cg.str_head_type, p, 3, "")?;
        let len = b
            .build_load(self.cg.cx.i64_type(), len_ptr, "")?
            .into_int_value();
        let nonempty =
            b.build_int_compare(IntPredicate::NE, len, len.get_type().const_zero(), "")?;
        b.build_unconditional_branch(done)?;
        b.position_at_end(done);
        let phi = b.build_phi(self.cg.cx.bool_type(), name)?;
        phi.add_incoming(&[
            (&self.cg.cx.bool_type().const_zero(), start),
            (&nonempty, load_bb),
        ]);
        Ok(phi.as_basic_value().into_int_value())
    }

    fn list_len(&self, list: &Value) -> CgResult<IntValue<'ctx>> {
        let p = self.value(list).into_pointer_value();
        let len_ptr = self.b.build_struct_gep(self.cg.list_str_type, p, 2, "")?;
        Ok(self
            .b
            .build_load(self.cg.cx.i64_type(), len_ptr, "len")?
            .into_int_value())
    }

    fn list_getitem(
        &self,
        list: &Value,
        index: &Value,
        name: &str,
    ) -> CgResult<BasicValueEnum<'ctx>> {
        let b = &self.b;
        let i64t = self.cg.cx.i64_type();
        let len = self.list_len(list)?;
        let i = self.int(index);
        // Negative indices count from the end; then one unsigned compare
        // checks both bounds.
        let negative = b.build_int_compare(IntPredicate::SLT, i, i64t.const_zero(), "")?;
        let wrapped = b.build_int_add(i, len, "")?;
        let i = b.build_select(negative, wrapped, i, "")?.into_int_value();
        let out = b.build_int_compare(IntPredicate::UGE, i, len, "")?;
        self.raise_if(out, ExcKind::Index, "list index out of range")?;
        let p = self.value(list).into_pointer_value();
        let items_ptr = b.build_struct_gep(self.cg.list_str_type, p, 3, "")?;
        let ptr_t = self.cg.cx.ptr_type(AddressSpace::default());
        let items = b
            .build_load(ptr_t, items_ptr, "items")?
            .into_pointer_value();
        // SAFETY: i was checked against the list's length above.
        let slot = unsafe { b.build_in_bounds_gep(ptr_t, items, &[i], "")? };
        b.build_load(ptr_t, slot, name)
    }
}

fn const_zero(t: inkwell::types::BasicTypeEnum) -> BasicValueEnum {
    use inkwell::types::BasicTypeEnum as T;
    match t {
        T::IntType(t) => t.const_zero().into(),
        T::FloatType(t) => t.const_zero().into(),
        T::PointerType(t) => t.const_null().into(),
        other => unreachable!("no zero for {other:?}"),
    }
}
