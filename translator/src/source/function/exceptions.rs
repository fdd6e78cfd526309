//! How exceptions leave an operation: the check after a call or a
//! runtime function that may raise, the raise of a failed check, and the
//! way out (the raising block's exception link, or out of the function
//! with a traceback entry per Python frame).

use super::{CgResult, FunctionCx};
use crate::abi::{ExcKind, RuntimeFn};
use crate::flowgraph::ir::{Constant, Value};
use crate::rtype::lltype::LlType;
use crate::source::const_zero;
use crate::source::tbaa::Access;
use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicMetadataValueEnum, IntValue};
use inkwell::AddressSpace;

impl<'a, 'ctx> FunctionCx<'a, 'ctx> {
    /// The block where exceptions leave the function.
    pub(super) fn emit_exc_exit(&mut self) -> CgResult<()> {
        let here = self.b.get_insert_block().unwrap();
        let bb = self.cg.cx.append_basic_block(self.func, "exc_exit");
        self.b.position_at_end(bb);
        self.leave_frame()?;
        match self.cg.basic_type(self.ll.return_type()) {
            Some(t) => self.b.build_return(Some(&const_zero(t)))?,
            None => self.b.build_return(None)?,
        };
        self.b.position_at_end(here);
        self.exc_exit = Some(bb);
        Ok(())
    }

    /// Continues where an exception has just been set: along the raising
    /// block's exception link, or out of the function (recording the
    /// traceback entries: one per Python frame, inlined ones included).
    pub(super) fn propagate(&self) -> CgResult<()> {
        let Some(landing) = &self.landing else {
            if self.cur_inlined_from.is_none() {
                let here = self.b.get_insert_block().unwrap();
                let target = self.traceback_exit_from(here)?;
                self.b.build_unconditional_branch(target)?;
                return Ok(());
            }
            let mut span = self.cur_span;
            let mut site = self.cur_inlined_from.as_deref();
            loop {
                let func = site.map_or(&*self.ll.graph.name, |s| &*s.callee);
                let loc = self.cg.location(span, func);
                let loc = self.cg.cx.i32_type().const_int(loc as u64, false);
                self.call_rt(RuntimeFn::TracebackAdd, &[loc.into()])?;
                let Some(s) = site else { break };
                span = s.call_span;
                site = s.outer.as_deref();
            }
            self.b.build_unconditional_branch(self.exc_exit.unwrap())?;
            return Ok(());
        };
        let exc = self.call_rt(RuntimeFn::ExcCatch, &[])?.unwrap();
        let here = self.b.get_insert_block().unwrap();
        let link = &landing.link;
        let ptr = self.cg.cx.ptr_type(AddressSpace::default());
        for (i, arg) in link.args.iter().enumerate() {
            let Some(phi) = self.phis[link.target.index()][i] else {
                continue;
            };
            let v = match arg {
                Value::Const(Constant::CaughtException) => exc,
                Value::Const(Constant::Undefined) => const_zero(phi.as_basic_value().get_type()),
                Value::Var(v) if self.ll.types[v.index()] == LlType::Void => {
                    const_zero(phi.as_basic_value().get_type())
                }
                Value::Var(v) if !self.values.contains_key(v) => {
                    // Reloaded after the raising call: read the slot.
                    let Some(&slot) = landing.restores.get(v) else {
                        panic!(
                            "{}: exception edge passes {v}, not defined yet",
                            self.ll.graph.name
                        );
                    };
                    let p = self.slot(self.frame.expect("a frame"), slot)?;
                    self.load(ptr, p, "", Access::RootSlot)?
                }
                _ => self.value(arg),
            };
            phi.add_incoming(&[(&v, here)]);
        }
        self.b
            .build_unconditional_branch(self.blocks[link.target.index()])?;
        Ok(())
    }

    /// After an operation that may have raised: continues in a new block
    /// if it did not.
    pub(super) fn check_exception(&self) -> CgResult<()> {
        let ptr = self.cg.cx.ptr_type(AddressSpace::default());
        let exc = self
            .load(
                ptr,
                self.cg.exc_value.as_pointer_value(),
                "exc",
                Access::ExcValue,
            )?
            .into_pointer_value();
        let raised = self.b.build_is_not_null(exc, "raised")?;
        self.branch_if_raised(raised)
    }

    /// The shared traceback block, entered from `from` for the current
    /// operation's location.
    pub(super) fn traceback_exit_from(&self, from: BasicBlock<'ctx>) -> CgResult<BasicBlock<'ctx>> {
        let (bb, phi) = match self.traceback_exit.get() {
            Some(t) => t,
            None => {
                let here = self.b.get_insert_block().unwrap();
                let location = self.b.get_current_debug_location();
                let bb = self.cg.cx.append_basic_block(self.func, "traceback");
                self.b.position_at_end(bb);
                self.set_location(self.ll.graph.span);
                let phi = self.b.build_phi(self.cg.cx.i32_type(), "location")?;
                self.call_rt(RuntimeFn::TracebackAdd, &[phi.as_basic_value().into()])?;
                self.b.build_unconditional_branch(self.exc_exit.unwrap())?;
                self.b.position_at_end(here);
                if let Some(l) = location {
                    self.b.set_current_debug_location(l);
                }
                self.traceback_exit.set(Some((bb, phi)));
                (bb, phi)
            }
        };
        let loc = self.cg.location(self.cur_span, &self.ll.graph.name);
        let loc = self.cg.cx.i32_type().const_int(loc as u64, false);
        phi.add_incoming(&[(&loc, from)]);
        Ok(bb)
    }

    /// Continues in a new block unless `raised`, which propagates.
    pub(super) fn branch_if_raised(&self, raised: IntValue<'ctx>) -> CgResult<()> {
        let cont = self.cg.cx.append_basic_block(self.func, "no_exc");
        if self.landing.is_none() && self.cur_inlined_from.is_none() {
            let here = self.b.get_insert_block().unwrap();
            let target = self.traceback_exit_from(here)?;
            self.b.build_conditional_branch(raised, target, cont)?;
            self.b.position_at_end(cont);
            return Ok(());
        }
        let bb = self.cg.cx.append_basic_block(self.func, "exc");
        self.b.build_conditional_branch(raised, bb, cont)?;
        self.b.position_at_end(bb);
        self.propagate()?;
        self.b.position_at_end(cont);
        Ok(())
    }

    /// Continues in a new block when `cond` is false; when it is true,
    /// raises `kind` with `msg`.
    pub(super) fn raise_if(&self, cond: IntValue<'ctx>, kind: ExcKind, msg: &str) -> CgResult<()> {
        let kind = self.cg.cx.i32_type().const_int(kind as u64, false);
        self.raise_through_if(
            cond,
            RuntimeFn::Raise,
            &[kind.into(), self.cg.cstring(msg).into()],
        )
    }

    /// When `cond` holds, calls runtime function `f` (which sets the
    /// exception: a message it formats) and propagates; else goes on.
    pub(super) fn raise_through_if(
        &self,
        cond: IntValue<'ctx>,
        f: RuntimeFn,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> CgResult<()> {
        // Checks that the builder folded away (a constant condition).
        match cond.get_zero_extended_constant() {
            Some(0) => return Ok(()),
            Some(_) => {
                self.call_rt(f, args)?;
                self.propagate()?;
                // Code after an unconditional raise is dead; it still
                // needs a block to go into.
                let dead = self.cg.cx.append_basic_block(self.func, "dead");
                self.b.position_at_end(dead);
                return Ok(());
            }
            None => {}
        }
        let raise = self.cg.cx.append_basic_block(self.func, "raise");
        let cont = self.cg.cx.append_basic_block(self.func, "cont");
        self.b.build_conditional_branch(cond, raise, cont)?;
        self.b.position_at_end(raise);
        self.call_rt(f, args)?;
        self.propagate()?;
        self.b.position_at_end(cont);
        Ok(())
    }
}
