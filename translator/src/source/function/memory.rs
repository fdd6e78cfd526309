//! Addresses and tagged memory accesses: every load and store of
//! generated code goes through `load` / `store`, which attach the
//! alias-analysis tag of what they touch (see `source::tbaa`).

use super::{CgResult, FunctionCx};
use crate::source::tbaa::Access;
use inkwell::values::BasicValueEnum;
use inkwell::AddressSpace;

impl<'a, 'ctx> FunctionCx<'a, 'ctx> {
    /// Slot `i` of the shadow-stack frame at `base`.
    pub(super) fn slot(
        &self,
        base: inkwell::values::PointerValue<'ctx>,
        i: u32,
    ) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        let ptr = self.cg.cx.ptr_type(AddressSpace::default());
        let idx = self.cg.cx.i64_type().const_int(i as u64, false);
        // SAFETY (LLVM semantics): in bounds of the frame reserved above.
        unsafe { self.b.build_in_bounds_gep(ptr, base, &[idx], "slot") }
    }

    /// A pointer `offset` bytes into the object `obj`.
    pub(super) fn field_ptr(
        &self,
        obj: inkwell::values::PointerValue<'ctx>,
        offset: u32,
    ) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        let i8t = self.cg.cx.i8_type();
        let off = self.cg.cx.i64_type().const_int(offset as u64, false);
        // SAFETY (LLVM semantics): the layout puts the field there.
        unsafe { self.b.build_in_bounds_gep(i8t, obj, &[off], "field") }
    }

    /// A load tagged for alias analysis (see `tbaa`).
    pub(super) fn load(
        &self,
        ty: impl inkwell::types::BasicType<'ctx>,
        ptr: inkwell::values::PointerValue<'ctx>,
        name: &str,
        access: Access,
    ) -> CgResult<BasicValueEnum<'ctx>> {
        let v = self.b.build_load(ty, ptr, name)?;
        if let Some(inst) = inkwell::values::BasicValue::as_instruction_value(&v) {
            self.cg.tbaa.mark(inst, access);
        }
        Ok(v)
    }

    /// A store tagged for alias analysis (see `tbaa`).
    pub(super) fn store(
        &self,
        ptr: inkwell::values::PointerValue<'ctx>,
        value: impl inkwell::values::BasicValue<'ctx>,
        access: Access,
    ) -> CgResult<()> {
        let inst = self.b.build_store(ptr, value)?;
        self.cg.tbaa.mark(inst, access);
        Ok(())
    }
}
