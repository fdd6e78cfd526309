//! Emission of one low-level graph as an LLVM function: a basic block per
//! graph block, a phi per block input, and each operation as a few
//! instructions; checks that raise branch to a cold block calling
//! `rpy_raise`.

mod exceptions;
mod lists;
mod memory;
mod phis;

use super::tbaa::Access;
use super::{const_zero, CodegenCx};
use crate::abi::{ExcKind, RuntimeFn};
use crate::diagnostics::{Diagnostic, Result};
use crate::flowgraph::ir::{Constant, MathFn, Operation, Value, VarId};
use crate::rtype::classes::ClassLayout;
use crate::rtype::llop::{Cmp, FloatOp, FormatPiece, IntOp, LlOp, WriteKind};
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

/// `RPY_GCFLAG_TRACK_YOUNG_PTRS` in rpy.h.
const GCFLAG_TRACK_YOUNG_PTRS: u64 = 2;

fn int_predicate(c: Cmp) -> IntPredicate {
    match c {
        Cmp::Lt => IntPredicate::SLT,
        Cmp::Le => IntPredicate::SLE,
        Cmp::Eq => IntPredicate::EQ,
        Cmp::Ne => IntPredicate::NE,
        Cmp::Gt => IntPredicate::SGT,
        Cmp::Ge => IntPredicate::SGE,
    }
}

fn uint_predicate(c: Cmp) -> IntPredicate {
    match c {
        Cmp::Lt => IntPredicate::ULT,
        Cmp::Le => IntPredicate::ULE,
        Cmp::Eq => IntPredicate::EQ,
        Cmp::Ne => IntPredicate::NE,
        Cmp::Gt => IntPredicate::UGT,
        Cmp::Ge => IntPredicate::UGE,
    }
}

/// Byte offset of `nchars` in an rpy_str (rpy.h).
const STR_NCHARS_OFFSET: u32 = 24;
/// Where `rpy_str` keeps its length in bytes and its data.
const STR_LENGTH_OFFSET: u32 = 16;
const STR_DATA_OFFSET: u32 = 32;
/// Comparisons with string constants up to this long are inlined.
const INLINE_STR_EQ_MAX: usize = 16;

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
    /// This function's shadow-stack frame (its root slots), if any.
    frame: Option<inkwell::values::PointerValue<'ctx>>,
    /// Where an exception leaves the function: frame released, a zero
    /// result returned; callers check `rpy_exc_value`.
    exc_exit: Option<BasicBlock<'ctx>>,
    /// Shared by every site without inlined frames where an exception
    /// leaves the function: one call recording the traceback entry, its
    /// location a phi (a block and a call per site made up a tenth of
    /// the instructions of large programs).
    traceback_exit: std::cell::Cell<Option<(BasicBlock<'ctx>, PhiValue<'ctx>)>>,
    /// While emitting a raising block: its exception link.
    landing: Option<Landing>,
    /// The operation being emitted (for traceback locations).
    cur_span: crate::diagnostics::Span,
    cur_inlined_from: Option<std::rc::Rc<crate::flowgraph::ir::InlineSite>>,
}

/// The exception edge of the raising block being emitted. Its arguments
/// are read when an exception happens; a GC reference that the gc
/// transform reloads after the raising call is read from its root slot.
struct Landing {
    link: crate::flowgraph::ir::Link,
    restores: HashMap<VarId, u32>,
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
        frame: None,
        exc_exit: None,
        traceback_exit: Default::default(),
        landing: None,
        cur_span: ll.graph.span,
        cur_inlined_from: None,
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
        let plan = phis::plan(g, |x, v| self.may_forward(x, v));
        for b in g.block_ids() {
            let mut phis = vec![];
            self.b.position_at_end(self.blocks[b.index()]);
            for &v in &g.block(b).inputargs {
                let phi = match (
                    b == g.startblock || plan.forwarded.contains_key(&v) || plan.dead.contains(&v),
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
        self.b.position_at_end(self.blocks[g.startblock.index()]);
        self.enter_frame()?;
        self.emit_exc_exit()?;
        let mut reachable = vec![false; g.blocks.len()];
        for &b in &plan.order {
            reachable[b.index()] = true;
        }
        // Nothing branches to an unreachable block.
        for b in g.block_ids().filter(|b| !reachable[b.index()]) {
            self.b.position_at_end(self.blocks[b.index()]);
            self.b.build_unreachable()?;
        }
        for &b in &plan.order {
            self.b.position_at_end(self.blocks[b.index()]);
            let block = g.block(b);
            for v in block.inputargs.iter().filter(|v| !plan.dead.contains(v)) {
                if let Some(value) = plan.forwarded.get(v) {
                    let value = self.value(value);
                    self.values.insert(*v, value);
                }
            }
            // Branches and returns keep the location of the block's last
            // operation; a block without operations gets the def line.
            self.set_location(g.span);
            self.landing = block.raising.then(|| Landing {
                link: block.exits.last().unwrap().clone(),
                restores: block
                    .operations
                    .iter()
                    .filter_map(|op| match op.op {
                        LlOp::GcRestoreRoot(slot) => Some((op.result, slot)),
                        _ => None,
                    })
                    .collect(),
            });
            for op in &block.operations {
                // The line table maps inlined code to its call.
                self.set_location(match &op.inlined_from {
                    Some(site) => site.outermost_call(),
                    None => op.span,
                });
                self.cur_span = op.span;
                self.cur_inlined_from = op.inlined_from.clone();
                self.emit_op(op)?;
            }
            self.landing = None;
            let normal_exits = if block.raising {
                &block.exits[..block.exits.len() - 1]
            } else {
                &block.exits[..]
            };
            if b == g.returnblock {
                self.leave_frame()?;
                let v = block.inputargs[0];
                match self.values.get(&v) {
                    Some(v) => self.b.build_return(Some(v))?,
                    None => self.b.build_return(None)?,
                };
                continue;
            }
            match (&block.exitswitch, normal_exits) {
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
                        if self.phis[link.target.index()].iter().all(Option::is_none) {
                            targets[link.exitcase.unwrap() as usize] =
                                Some(self.blocks[link.target.index()]);
                            continue;
                        }
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

    /// Reserves and zeroes the root slots: the collector scans every slot
    /// below the top, so none may hold a stale pointer.
    fn enter_frame(&mut self) -> CgResult<()> {
        let n = self.ll.gc_root_slots;
        if n == 0 {
            return Ok(());
        }
        let ptr = self.cg.cx.ptr_type(AddressSpace::default());
        let top = self.cg.shadowstack_top.as_pointer_value();
        let base = self
            .load(ptr, top, "frame", Access::ShadowStackTop)?
            .into_pointer_value();
        for i in 0..n {
            let slot = self.slot(base, i)?;
            self.store(slot, ptr.const_null(), Access::RootSlot)?;
        }
        let new_top = self.slot(base, n)?;
        self.store(top, new_top, Access::ShadowStackTop)?;
        self.frame = Some(base);
        Ok(())
    }

    fn leave_frame(&self) -> CgResult<()> {
        if let Some(base) = self.frame {
            self.store(
                self.cg.shadowstack_top.as_pointer_value(),
                base,
                Access::ShadowStackTop,
            )?;
        }
        Ok(())
    }

    /// The type id in the header of a non-null object.
    fn load_tid(&self, obj: inkwell::values::PointerValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        Ok(self
            .load(self.cg.cx.i32_type(), obj, "tid", Access::HeaderTid)?
            .into_int_value())
    }

    /// The entry of table `t` for the type of `obj`.
    /// Calls `fptr`, one of `callees`, with `args`. Every callee has the
    /// same machine signature (the annotator unified the family): the
    /// first one's is taken.
    fn call_through(
        &self,
        fptr: inkwell::values::PointerValue<'ctx>,
        callees: &[crate::flowgraph::ir::FuncId],
        args: &[Value],
    ) -> CgResult<Option<BasicValueEnum<'ctx>>> {
        let first = callees[0];
        let target = &self.program.graphs[&first];
        let params = &target.graph.block(target.graph.startblock).inputargs;
        let args: Vec<BasicMetadataValueEnum> = params
            .iter()
            .zip(args)
            .filter(|(p, _)| target.types[p.index()] != LlType::Void)
            .map(|(_, a)| self.value(a).into())
            .collect();
        let fn_type = self.cg.functions[&first].get_type();
        let call = self.b.build_indirect_call(fn_type, fptr, &args, "")?;
        if callees.iter().any(|f| self.cg.raising.contains(f)) {
            self.check_exception()?;
        }
        Ok(call.try_as_basic_value().basic())
    }

    fn table_entry(
        &self,
        t: crate::rtype::llop::TableId,
        obj: &Value,
        elem: inkwell::types::BasicTypeEnum<'ctx>,
    ) -> CgResult<BasicValueEnum<'ctx>> {
        let table = &self.program.classes.tables[t.0 as usize];
        let obj = self.value(obj).into_pointer_value();
        let tid = self.load_tid(obj)?;
        let i32t = self.cg.cx.i32_type();
        let idx = self
            .b
            .build_int_sub(tid, i32t.const_int(table.min_tid as u64, false), "")?;
        let idx = self.b.build_int_z_extend(idx, self.cg.cx.i64_type(), "")?;
        let g = self.cg.tables[t.0 as usize].as_pointer_value();
        // SAFETY (LLVM semantics): the receiver's type is in the table's
        // range (the annotator proved it is an instance of its class).
        let p = unsafe { self.b.build_in_bounds_gep(elem, g, &[idx], "")? };
        self.b.build_load(elem, p, "")
    }

    fn set_location(&self, span: crate::diagnostics::Span) {
        if let (Some(sp), Some((d, sources))) = (self.subprogram, &self.cg.debug) {
            self.b
                .set_current_debug_location(d.location(self.cg.cx, sp, span, sources));
        }
    }

    /// Whether block input `x` may be emitted as `v` (a value of the same
    /// LLVM type; a None-typed variable is a null of the input's type).
    fn may_forward(&self, x: VarId, v: &Value) -> bool {
        // An input without an LLVM type (Void) has no phi to save.
        let Some(want) = self.cg.basic_type(self.ll.types[x.index()]) else {
            return false;
        };
        match v {
            Value::Var(y) => {
                let ty = self.ll.types[y.index()];
                ty != LlType::Void && self.cg.basic_type(ty) == Some(want)
            }
            Value::Const(c) => c.is_value() && self.constant(c).get_type() == want,
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
        super::constant_value(self.cg, c)
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
        if f.can_raise() {
            self.check_exception()?;
        }
        Ok(call.try_as_basic_value().basic())
    }

    /// A value passed where the ABI wants type `t`: small enums are
    /// int32_t, and keys and values travel as 64-bit patterns.
    fn value_to_abi(
        &self,
        v: BasicValueEnum<'ctx>,
        t: crate::abi::AbiTy,
    ) -> CgResult<BasicValueEnum<'ctx>> {
        use crate::abi::AbiTy;
        let i64t = self.cg.cx.i64_type();
        Ok(match (t, v) {
            (AbiTy::I32, BasicValueEnum::IntValue(i)) if i.get_type().get_bit_width() == 64 => self
                .b
                .build_int_truncate(i, self.cg.cx.i32_type(), "")?
                .into(),
            (AbiTy::I64, BasicValueEnum::IntValue(i)) if i.get_type().get_bit_width() < 64 => {
                self.b.build_int_z_extend(i, i64t, "")?.into()
            }
            (AbiTy::I64, BasicValueEnum::FloatValue(f)) => self.b.build_bit_cast(f, i64t, "")?,
            (AbiTy::I64, BasicValueEnum::PointerValue(p)) => {
                self.b.build_ptr_to_int(p, i64t, "")?.into()
            }
            _ => v,
        })
    }

    /// A 64-bit pattern (or other ABI result) as a value of type `t`.
    fn value_from_abi(
        &self,
        v: BasicValueEnum<'ctx>,
        t: inkwell::types::BasicTypeEnum<'ctx>,
    ) -> CgResult<BasicValueEnum<'ctx>> {
        use inkwell::types::BasicTypeEnum as T;
        Ok(match (v, t) {
            (BasicValueEnum::IntValue(i), T::IntType(ti))
                if i.get_type().get_bit_width() > ti.get_bit_width() =>
            {
                self.b.build_int_truncate(i, ti, "")?.into()
            }
            (BasicValueEnum::IntValue(i), T::FloatType(tf)) => self.b.build_bit_cast(i, tf, "")?,
            (BasicValueEnum::IntValue(i), T::PointerType(tp)) => {
                self.b.build_int_to_ptr(i, tp, "")?.into()
            }
            _ => v,
        })
    }

    /// A string builder's storage in this function's frame (allocated in
    /// the entry block, so loops reuse it).
    fn builder_slot(&self) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        let entry = self.func.get_first_basic_block().expect("has a body");
        let b = self.cg.cx.create_builder();
        match entry.get_first_instruction() {
            Some(i) => b.position_before(&i),
            None => b.position_at_end(entry),
        }
        let ty = self
            .cg
            .cx
            .i64_type()
            .array_type(crate::abi::BUILDER_BYTES / 8);
        b.build_alloca(ty, "builder")
    }

    fn format(&self, pieces: &[FormatPiece], args: &[Value]) -> CgResult<BasicValueEnum<'ctx>> {
        use crate::abi::Helper as H;
        let sb = self.builder_slot()?;
        let call = |h: H, extra: &[BasicMetadataValueEnum<'ctx>]| -> CgResult<()> {
            let mut all: Vec<BasicMetadataValueEnum> = vec![sb.into()];
            all.extend_from_slice(extra);
            self.call_rt(RuntimeFn::Helper(h), &all)?;
            Ok(())
        };
        call(H::BuilderInit, &[])?;
        let mut next = args.iter();
        for p in pieces {
            let arg = if p.takes_arg() {
                Some(self.value(next.next().expect("one argument per piece")))
            } else {
                None
            };
            let spec = |s: &str| -> BasicMetadataValueEnum<'ctx> { self.cg.cstring(s).into() };
            match p {
                FormatPiece::Lit(s) => {
                    let n = self.cg.cx.i64_type().const_int(s.len() as u64, false);
                    call(H::BuilderAddBytes, &[self.cg.cstring(s).into(), n.into()])?
                }
                FormatPiece::AddStr => call(H::BuilderAddStr, &[arg.unwrap().into()])?,
                FormatPiece::AddInt => call(H::BuilderAddInt, &[arg.unwrap().into()])?,
                FormatPiece::AddFloat => call(H::BuilderAddFloat, &[arg.unwrap().into()])?,
                FormatPiece::PercentInt(s) => {
                    call(H::BuilderFormatInt, &[spec(s), arg.unwrap().into()])?
                }
                FormatPiece::PercentFloat(s) => {
                    call(H::BuilderFormatFloat, &[spec(s), arg.unwrap().into()])?
                }
                FormatPiece::PercentStr(s) => {
                    call(H::BuilderFormatStr, &[spec(s), arg.unwrap().into()])?
                }
                FormatPiece::SpecInt(s) => {
                    call(H::BuilderFormatSpecInt, &[spec(s), arg.unwrap().into()])?
                }
                FormatPiece::SpecFloat(s) => {
                    call(H::BuilderFormatSpecFloat, &[spec(s), arg.unwrap().into()])?
                }
                FormatPiece::SpecStr(s) => {
                    call(H::BuilderFormatSpecStr, &[spec(s), arg.unwrap().into()])?
                }
                FormatPiece::Repr(d) => {
                    let bits = self.value_to_abi(arg.unwrap(), crate::abi::AbiTy::I64)?;
                    call(H::BuilderAddValueRepr, &[bits.into(), spec(d)])?
                }
            }
        }
        Ok(self
            .call_rt(RuntimeFn::Helper(H::BuilderFinish), &[sb.into()])?
            .expect("a string"))
    }

    /// An LLVM intrinsic of one double, e.g. `llvm.sqrt`.
    fn call_intrinsic(
        &self,
        name: &str,
        x: inkwell::values::FloatValue<'ctx>,
    ) -> CgResult<inkwell::values::FloatValue<'ctx>> {
        let f64t = self.cg.cx.f64_type();
        let decl = Intrinsic::find(name)
            .and_then(|i| i.get_declaration(&self.cg.module, &[f64t.into()]))
            .expect("LLVM knows its float intrinsics");
        Ok(self
            .b
            .build_call(decl, &[x.into()], "")?
            .try_as_basic_value()
            .basic()
            .expect("returns a double")
            .into_float_value())
    }

    /// A math module function; isnan/isinf are comparisons.
    fn math(&self, m: MathFn, args: &[Value]) -> CgResult<Option<BasicValueEnum<'ctx>>> {
        let x: Vec<BasicMetadataValueEnum> = args.iter().map(|a| self.value(a).into()).collect();
        let f = x[0].into_float_value();
        match m {
            MathFn::Isnan => Ok(Some(
                self.b
                    .build_float_compare(FloatPredicate::UNO, f, f, "isnan")?
                    .into(),
            )),
            MathFn::Isinf => {
                let abs = self.call_intrinsic("llvm.fabs", f)?;
                let inf = self.cg.cx.f64_type().const_float(f64::INFINITY);
                Ok(Some(
                    self.b
                        .build_float_compare(FloatPredicate::OEQ, abs, inf, "isinf")?
                        .into(),
                ))
            }
            MathFn::Fabs => Ok(Some(self.call_intrinsic("llvm.fabs", f)?.into())),
            // Inline: the hot case is one instruction.
            MathFn::Sqrt => {
                let zero = self.cg.cx.f64_type().const_zero();
                let neg = self
                    .b
                    .build_float_compare(FloatPredicate::OLT, f, zero, "")?;
                self.raise_if(neg, ExcKind::Value, "math domain error")?;
                Ok(Some(self.call_intrinsic("llvm.sqrt", f)?.into()))
            }
            MathFn::Log if x.len() == 2 => self.call_rt(RuntimeFn::MathLogBase, &x),
            _ => self.call_rt(RuntimeFn::Math(m), &x),
        }
    }

    /// The generational write barrier: tells the collector before a GC
    /// reference is stored into an object outside the nursery.
    fn write_barrier(&self, obj: inkwell::values::PointerValue<'ctx>) -> CgResult<()> {
        let i32t = self.cg.cx.i32_type();
        let flags_ptr = self.field_ptr(obj, 4)?;
        let flags = self
            .load(i32t, flags_ptr, "gcflags", Access::HeaderGcFlags)?
            .into_int_value();
        let track = self
            .b
            .build_and(flags, i32t.const_int(GCFLAG_TRACK_YOUNG_PTRS, false), "")?;
        let needed = self
            .b
            .build_int_compare(IntPredicate::NE, track, i32t.const_zero(), "")?;
        let slow = self.cg.cx.append_basic_block(self.func, "write_barrier");
        let cont = self.cg.cx.append_basic_block(self.func, "stored");
        self.b.build_conditional_branch(needed, slow, cont)?;
        self.b.position_at_end(slow);
        self.call_rt(RuntimeFn::GcWriteBarrier, &[obj.into()])?;
        self.b.build_unconditional_branch(cont)?;
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
            LlOp::SameAs | LlOp::JitHint(crate::rlib::JitHint::Promote) => self
                .cg
                .basic_type(self.ll.types[op.result.index()])
                .map(|_| self.value(&op.args[0])),
            // Until the JIT exists, its hints generate nothing.
            LlOp::JitHint(_) => None,
            LlOp::Int(iop) => Some(self.int_op(*iop, &op.args, false, &name)?.into()),
            LlOp::IntOvf(iop) => Some(self.int_op(*iop, &op.args, true, &name)?.into()),
            LlOp::IntCmp(c) | LlOp::UintCmp(c) => {
                let pred = if matches!(op.op, LlOp::UintCmp(_)) {
                    uint_predicate(*c)
                } else {
                    int_predicate(*c)
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
            LlOp::CastUintToFloat => Some(
                self.b
                    .build_unsigned_int_to_float(
                        self.int(&op.args[0]),
                        self.cg.cx.f64_type(),
                        &name,
                    )?
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
            LlOp::StrEq => match (&op.args[0], &op.args[1]) {
                (s, Value::Const(Constant::Str(c))) | (Value::Const(Constant::Str(c)), s)
                    if !matches!(s, Value::Const(_)) && c.len() <= INLINE_STR_EQ_MAX =>
                {
                    Some(self.str_eq_const(s, c, &name)?.into())
                }
                _ => self.call_rt(
                    RuntimeFn::StrEq,
                    &[
                        self.value(&op.args[0]).into(),
                        self.value(&op.args[1]).into(),
                    ],
                )?,
            },
            LlOp::StrToInt => {
                self.call_rt(RuntimeFn::StrToInt, &[self.value(&op.args[0]).into()])?
            }
            LlOp::ListLen => Some(self.list_len(&op.args[0])?.into()),
            LlOp::ListGetItem(..)
            | LlOp::ListSetItem(..)
            | LlOp::ListGetItemUnchecked(..)
            | LlOp::ListSetItemUnchecked(..)
            | LlOp::NewList(_)
            | LlOp::ListAppend(..)
            | LlOp::ListPop(..)
            | LlOp::ListDel(_)
            | LlOp::ListInsert(_)
            | LlOp::ListExtend
            | LlOp::ListReverse
            | LlOp::ListClear
            | LlOp::ListMul
            | LlOp::ListConcat
            | LlOp::ListSlice
            | LlOp::ListIndex(_)
            | LlOp::ListCount(_)
            | LlOp::ListRemove(_)
            | LlOp::ListContains(_)
            | LlOp::ListSortKeyed(_) => self.list_op(op, &name)?,
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
                if self.cg.raising.contains(callee) {
                    self.check_exception()?;
                }
                call.try_as_basic_value().basic()
            }
            LlOp::Math(m) => self.math(*m, &op.args)?,
            LlOp::CallHelper(h) => {
                let mut args: Vec<BasicMetadataValueEnum> = vec![];
                for (a, t) in op.args.iter().zip(h.params()) {
                    let v = self.value(a);
                    args.push(self.value_to_abi(v, *t)?.into());
                }
                let r = self.call_rt(RuntimeFn::Helper(*h), &args)?;
                match (r, self.cg.basic_type(self.ll.types[op.result.index()])) {
                    (Some(r), Some(t)) => Some(self.value_from_abi(r, t)?),
                    _ => None,
                }
            }
            LlOp::StrCmp(c) => {
                let args = [
                    self.value(&op.args[0]).into(),
                    self.value(&op.args[1]).into(),
                ];
                let r = self
                    .call_rt(RuntimeFn::Helper(crate::abi::Helper::StrCmp), &args)?
                    .expect("an int")
                    .into_int_value();
                let zero = self.cg.cx.i32_type().const_zero();
                Some(
                    self.b
                        .build_int_compare(int_predicate(*c), r, zero, &name)?
                        .into(),
                )
            }
            LlOp::StrLen => {
                let s = self.value(&op.args[0]).into_pointer_value();
                let p = self.field_ptr(s, STR_NCHARS_OFFSET)?;
                Some(self.load(self.cg.cx.i64_type(), p, &name, Access::StrNchars)?)
            }
            LlOp::Format(pieces) => Some(self.format(pieces, &op.args)?),
            LlOp::StackCheck => {
                // The check says whether it raised: no reload of
                // rpy_exc_value on the path that did not.
                let raised = self
                    .call_rt(RuntimeFn::StackCheck, &[])?
                    .expect("rpy_stack_check returns a bool")
                    .into_int_value();
                self.branch_if_raised(raised)?;
                None
            }
            LlOp::Malloc(c) => {
                let tid = self.program.classes.classes[c].tid;
                let tid = self.cg.cx.i32_type().const_int(tid as u64, false);
                self.call_rt(RuntimeFn::GcMalloc, &[tid.into()])?
            }
            LlOp::GetField(f) => {
                let layout = &self.program.classes.classes[&f.class];
                let ty = layout.fields[f.index as usize].1;
                let t = self.cg.basic_type(ty).expect("fields have storage");
                let obj = self.value(&op.args[0]).into_pointer_value();
                let p = self.field_ptr(obj, ClassLayout::field_offset(f.index))?;
                Some(self.load(t, p, &name, Access::Field(f.index))?)
            }
            LlOp::SetField(f) => {
                let layout = &self.program.classes.classes[&f.class];
                let ty = layout.fields[f.index as usize].1;
                let obj = self.value(&op.args[0]).into_pointer_value();
                let value = self.value(&op.args[1]);
                if ty.is_gc_ptr() && !matches!(op.args[1], Value::Const(Constant::None)) {
                    self.write_barrier(obj)?;
                }
                let p = self.field_ptr(obj, ClassLayout::field_offset(f.index))?;
                self.store(p, value, Access::Field(f.index))?;
                None
            }
            LlOp::GetGlobal(g) => {
                let t = self
                    .cg
                    .basic_type(self.program.globals[g.index()])
                    .expect("module variables have storage");
                let obj = self.cg.globals_object.as_pointer_value();
                let p = self.field_ptr(obj, ClassLayout::field_offset(g.0))?;
                Some(self.load(t, p, &name, Access::Field(g.0))?)
            }
            LlOp::GetGlobalChecked(g) => {
                let var = &self.program.global_names[g.index()];
                let msg = format!("name '{var}' is not defined");
                match self.cg.basic_type(self.program.globals[g.index()]) {
                    Some(t) => {
                        let obj = self.cg.globals_object.as_pointer_value();
                        let p = self.field_ptr(obj, ClassLayout::field_offset(g.0))?;
                        let v = self.load(t, p, &name, Access::Field(g.0))?;
                        let unset = self.b.build_is_null(v.into_pointer_value(), "")?;
                        self.raise_if(unset, ExcKind::Name, &msg)?;
                        Some(v)
                    }
                    // Never set at all.
                    None => {
                        let always = self.cg.cx.bool_type().const_all_ones();
                        self.raise_if(always, ExcKind::Name, &msg)?;
                        None
                    }
                }
            }
            LlOp::SetGlobal(g) => {
                let obj = self.cg.globals_object.as_pointer_value();
                if self.program.globals[g.index()].is_gc_ptr()
                    && !matches!(op.args[0], Value::Const(Constant::None))
                {
                    self.write_barrier(obj)?;
                }
                let value = self.value(&op.args[0]);
                let p = self.field_ptr(obj, ClassLayout::field_offset(g.0))?;
                self.store(p, value, Access::Field(g.0))?;
                None
            }
            LlOp::CheckNotNone(attr) => {
                let obj = self.value(&op.args[0]).into_pointer_value();
                let null = self.b.build_is_null(obj, "")?;
                let msg = format!("'NoneType' object has no attribute '{attr}'");
                self.raise_if(null, ExcKind::Attribute, &msg)?;
                None
            }
            LlOp::CheckCallable => {
                let f = self.value(&op.args[0]).into_pointer_value();
                let null = self.b.build_is_null(f, "")?;
                self.raise_if(null, ExcKind::Type, "'NoneType' object is not callable")?;
                None
            }
            LlOp::InstanceOf { min, max } => {
                let obj = self.value(&op.args[0]).into_pointer_value();
                let null = self.b.build_is_null(obj, "")?;
                let here = self.b.get_insert_block().unwrap();
                let check = self.cg.cx.append_basic_block(self.func, "isinstance");
                let done = self.cg.cx.append_basic_block(self.func, "isinstance.done");
                self.b.build_conditional_branch(null, done, check)?;
                self.b.position_at_end(check);
                let tid = self.load_tid(obj)?;
                let i32t = self.cg.cx.i32_type();
                let rel = self
                    .b
                    .build_int_sub(tid, i32t.const_int(*min as u64, false), "")?;
                let inside = self.b.build_int_compare(
                    IntPredicate::ULE,
                    rel,
                    i32t.const_int((max - min) as u64, false),
                    "",
                )?;
                self.b.build_unconditional_branch(done)?;
                self.b.position_at_end(done);
                let boolt = self.cg.cx.bool_type();
                let phi = self.b.build_phi(boolt, &name)?;
                phi.add_incoming(&[(&boolt.const_zero(), here), (&inside, check)]);
                Some(phi.as_basic_value())
            }
            LlOp::PtrEq | LlOp::PtrNe => {
                let pred = if op.op == LlOp::PtrEq {
                    IntPredicate::EQ
                } else {
                    IntPredicate::NE
                };
                let a = self.value(&op.args[0]).into_pointer_value();
                let b = self.value(&op.args[1]).into_pointer_value();
                Some(self.b.build_int_compare(pred, a, b, &name)?.into())
            }
            LlOp::MethodCall(t) => {
                let ptr = self.cg.cx.ptr_type(AddressSpace::default());
                let fptr = self
                    .table_entry(*t, &op.args[0], ptr.into())?
                    .into_pointer_value();
                let callees = self.program.classes.callees(&op.op);
                self.call_through(fptr, &callees, &op.args)?
            }
            LlOp::IndirectCall(_) => {
                let callees = self.program.classes.callees(&op.op);
                let ptr = self.cg.cx.ptr_type(AddressSpace::default());
                // The address after the descriptor's header.
                let desc = self.value(&op.args[0]).into_pointer_value();
                let slot = self.field_ptr(desc, crate::rtype::classes::HEADER_BYTES)?;
                let fptr = self.b.build_load(ptr, slot, "")?.into_pointer_value();
                self.call_through(fptr, &callees, &op.args[1..])?
            }
            LlOp::LoadClassAttr(t) => match self.cg.basic_type(self.ll.types[op.result.index()]) {
                Some(elem) => Some(self.table_entry(*t, &op.args[0], elem)?),
                None => None,
            },
            LlOp::Raise => {
                let exc = self.value(&op.args[0]);
                self.store(self.cg.exc_value.as_pointer_value(), exc, Access::ExcValue)?;
                self.propagate()?;
                // Nothing follows a raise; later code in this LLVM block
                // is unreachable.
                let dead = self.cg.cx.append_basic_block(self.func, "after_raise");
                self.b.position_at_end(dead);
                None
            }
            LlOp::NewTuple(tid) => {
                let t = self.cg.cx.i32_type().const_int(*tid as u64, false);
                self.call_rt(RuntimeFn::GcMalloc, &[t.into()])?
            }
            LlOp::TupleInit(i) => {
                let obj = self.value(&op.args[0]).into_pointer_value();
                let arg = &op.args[1];
                let is_ptr = match arg {
                    Value::Var(v) => self.ll.types[v.index()].is_gc_ptr(),
                    Value::Const(Constant::Str(_)) => true,
                    Value::Const(_) => false,
                };
                let is_void =
                    matches!(arg, Value::Var(v) if self.ll.types[v.index()] == LlType::Void);
                if is_ptr {
                    self.write_barrier(obj)?;
                }
                if !is_void {
                    let p = self.field_ptr(obj, ClassLayout::field_offset(*i))?;
                    self.store(p, self.value(arg), Access::TupleItem(*i))?;
                }
                None
            }
            LlOp::TupleGetItem(i) => match self.cg.basic_type(self.ll.types[op.result.index()]) {
                Some(t) => {
                    let obj = self.value(&op.args[0]).into_pointer_value();
                    let p = self.field_ptr(obj, ClassLayout::field_offset(*i))?;
                    Some(self.load(t, p, &name, Access::TupleItem(*i))?)
                }
                None => None,
            },
            LlOp::TupleGetItemAt => match self.cg.basic_type(self.ll.types[op.result.index()]) {
                Some(t) => {
                    let cx = self.cg.cx;
                    let obj = self.value(&op.args[0]).into_pointer_value();
                    let i = self.int(&op.args[1]);
                    let slot = self
                        .b
                        .build_int_mul(i, cx.i64_type().const_int(8, false), "")?;
                    let header = cx
                        .i64_type()
                        .const_int(ClassLayout::field_offset(0) as u64, false);
                    let offset = self.b.build_int_add(slot, header, "")?;
                    // SAFETY (LLVM semantics): the loop tested the index
                    // against the tuple's length.
                    let p = unsafe {
                        self.b
                            .build_in_bounds_gep(cx.i8_type(), obj, &[offset], "")?
                    };
                    // Untagged: which item it is is known only at run time.
                    Some(self.b.build_load(t, p, &name)?)
                }
                None => None,
            },
            LlOp::ListCheckLen(n) => {
                let len = self.list_len(&op.args[0])?;
                let k = len.get_type().const_int(*n as u64, false);
                let more = self.b.build_int_compare(IntPredicate::SGT, len, k, "")?;
                let msg = format!("too many values to unpack (expected {n})");
                self.raise_if(more, ExcKind::Value, &msg)?;
                let len = self.list_len(&op.args[0])?;
                let fewer = self.b.build_int_compare(IntPredicate::SLT, len, k, "")?;
                // CPython says how many there were: a runtime-formatted message.
                self.raise_through_if(
                    fewer,
                    RuntimeFn::Helper(crate::abi::Helper::RaiseUnpackShort),
                    &[k.into(), len.into()],
                )?;
                None
            }
            LlOp::ListCheckLenAtLeast(n) => {
                let len = self.list_len(&op.args[0])?;
                let k = len.get_type().const_int(*n as u64, false);
                let fewer = self.b.build_int_compare(IntPredicate::SLT, len, k, "")?;
                self.raise_through_if(
                    fewer,
                    RuntimeFn::Helper(crate::abi::Helper::RaiseUnpackAtLeast),
                    &[k.into(), len.into()],
                )?;
                None
            }
            LlOp::GcSaveRoot(n) => {
                let slot = self.slot(self.frame.expect("a frame"), *n)?;
                self.store(slot, self.value(&op.args[0]), Access::RootSlot)?;
                None
            }
            LlOp::GcRestoreRoot(n) => {
                let ptr = self.cg.cx.ptr_type(AddressSpace::default());
                let slot = self.slot(self.frame.expect("a frame"), *n)?;
                Some(self.load(ptr, slot, &name, Access::RootSlot)?)
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
                // CPython 3.11's wording differs between // and %.
                let msg = if iop == IntOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                self.raise_if(zero, ExcKind::ZeroDivision, msg)?;
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
            IntOp::UFloorDiv | IntOp::UMod => {
                let zero = b.build_int_compare(IntPredicate::EQ, y, k(0), "")?;
                let msg = if iop == IntOp::UMod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                self.raise_if(zero, ExcKind::ZeroDivision, msg)?;
                if iop == IntOp::UFloorDiv {
                    b.build_int_unsigned_div(x, y, name)?
                } else {
                    b.build_int_unsigned_rem(x, y, name)?
                }
            }
            IntOp::URShift => {
                let neg = b.build_int_compare(IntPredicate::SLT, y, k(0), "")?;
                self.raise_if(neg, ExcKind::Value, "negative shift count")?;
                let big = b.build_int_compare(IntPredicate::SGT, y, k(63), "")?;
                let count = b.build_select(big, k(0), y, "")?.into_int_value();
                let shifted = b.build_right_shift(x, count, false, "")?;
                b.build_select(big, k(0), shifted, name)?.into_int_value()
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
            FloatOp::Abs => self.call_intrinsic("llvm.fabs", x)?,
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
    /// `s == "c"` for a short constant: null check, length check and a
    /// memcmp of constant size, which LLVM turns into a few loads and
    /// compares (no call, no loop).
    fn str_eq_const(
        &self,
        s: &Value,
        c: &std::rc::Rc<str>,
        name: &str,
    ) -> CgResult<IntValue<'ctx>> {
        let b = &self.b;
        let cx = self.cg.cx;
        let i64t = cx.i64_type();
        let p = self.value(s).into_pointer_value();
        let start = b.get_insert_block().unwrap();
        let len_bb = cx.append_basic_block(self.func, "streq_len");
        let data_bb = cx.append_basic_block(self.func, "streq_data");
        let done = cx.append_basic_block(self.func, "streq_done");
        b.build_conditional_branch(b.build_is_null(p, "")?, done, len_bb)?;
        b.position_at_end(len_bb);
        let len = self
            .load(
                i64t,
                self.field_ptr(p, STR_LENGTH_OFFSET)?,
                "",
                Access::StrLength,
            )?
            .into_int_value();
        let n = i64t.const_int(c.len() as u64, false);
        let same_len = b.build_int_compare(IntPredicate::EQ, len, n, "")?;
        b.build_conditional_branch(same_len, data_bb, done)?;
        b.position_at_end(data_bb);
        let same_data = if c.is_empty() {
            cx.bool_type().const_all_ones()
        } else {
            let memcmp = self.cg.module.get_function("memcmp").unwrap_or_else(|| {
                let ptr = cx.ptr_type(inkwell::AddressSpace::default());
                let ty = cx
                    .i32_type()
                    .fn_type(&[ptr.into(), ptr.into(), i64t.into()], false);
                self.cg.module.add_function("memcmp", ty, None)
            });
            let cdata = self.field_ptr(self.cg.strings[c].as_pointer_value(), STR_DATA_OFFSET)?;
            let r = b
                .build_call(
                    memcmp,
                    &[
                        self.field_ptr(p, STR_DATA_OFFSET)?.into(),
                        cdata.into(),
                        n.into(),
                    ],
                    "",
                )?
                .try_as_basic_value()
                .basic()
                .expect("memcmp returns an int")
                .into_int_value();
            b.build_int_compare(IntPredicate::EQ, r, r.get_type().const_zero(), "")?
        };
        b.build_unconditional_branch(done)?;
        b.position_at_end(done);
        let f = cx.bool_type().const_zero();
        let phi = b.build_phi(cx.bool_type(), name)?;
        phi.add_incoming(&[(&f, start), (&f, len_bb), (&same_data, data_bb)]);
        Ok(phi.as_basic_value().into_int_value())
    }

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
        let len = self
            .load(self.cg.cx.i64_type(), len_ptr, "", Access::StrLength)?
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
}
