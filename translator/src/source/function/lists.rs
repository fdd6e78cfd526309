//! Code for list operations: length, indexing and stores inline (with
//! Python's negative indices and IndexError), the rest as calls to the
//! runtime's rpy_list_* functions, which take items as 64-bit patterns.

use super::{CgResult, FunctionCx};
use crate::abi::{ExcKind, RuntimeFn};
use crate::flowgraph::ir::{Constant, Operation, Value};
use crate::rtype::classes::ClassLayout;
use crate::rtype::llop::{ItemKind, ListLayout, LlOp};
use crate::rtype::lltype::LlType;
use crate::source::tbaa::Access;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

/// Offsets in `rpy_list` and `rpy_array` (rpy.h).
const LIST_LENGTH: u32 = 8;
const LIST_ITEMS: u32 = 16;
const LIST_START: u32 = 24;
const ARRAY_LENGTH: u32 = 8;
const ARRAY_ITEMS: u32 = 16;

impl<'a, 'ctx> FunctionCx<'a, 'ctx> {
    pub(super) fn list_len(&self, list: &Value) -> CgResult<IntValue<'ctx>> {
        let p = self.value(list).into_pointer_value();
        let len_ptr = self.field_ptr(p, LIST_LENGTH)?;
        Ok(self
            .load(self.cg.cx.i64_type(), len_ptr, "len", Access::ListLength)?
            .into_int_value())
    }

    fn items_array(&self, list: &Value) -> CgResult<PointerValue<'ctx>> {
        let p = self.value(list).into_pointer_value();
        let ptr = self.cg.cx.ptr_type(AddressSpace::default());
        let slot = self.field_ptr(p, LIST_ITEMS)?;
        Ok(self
            .load(ptr, slot, "items", Access::ListItems)?
            .into_pointer_value())
    }

    /// The memory type of an item.
    fn item_type(&self, kind: ItemKind) -> BasicTypeEnum<'ctx> {
        let cx = self.cg.cx;
        match kind {
            ItemKind::Ptr => cx.ptr_type(AddressSpace::default()).into(),
            ItemKind::I64 => cx.i64_type().into(),
            ItemKind::F64 => cx.f64_type().into(),
            ItemKind::U8 => cx.i8_type().into(),
        }
    }

    /// Where item `i` is in the items array: `i`, or `start + i` for a
    /// list laid out with a front offset.
    fn slot_index(
        &self,
        list: &Value,
        i: IntValue<'ctx>,
        layout: ListLayout,
    ) -> CgResult<IntValue<'ctx>> {
        Ok(match layout {
            ListLayout::Packed => i,
            ListLayout::FrontOffset => {
                let p = self.value(list).into_pointer_value();
                let start_ptr = self.field_ptr(p, LIST_START)?;
                let start = self
                    .load(self.cg.cx.i64_type(), start_ptr, "start", Access::ListStart)?
                    .into_int_value();
                self.b.build_int_nsw_add(start, i, "")?
            }
        })
    }

    /// The slot of item `i` (already checked against the length).
    fn item_slot(
        &self,
        list: &Value,
        array: PointerValue<'ctx>,
        i: IntValue<'ctx>,
        kind: ItemKind,
        layout: ListLayout,
    ) -> CgResult<PointerValue<'ctx>> {
        let i = self.slot_index(list, i, layout)?;
        let base = self.field_ptr(array, ARRAY_ITEMS)?;
        // SAFETY (LLVM semantics): the caller checked i against the length.
        unsafe {
            self.b
                .build_in_bounds_gep(self.item_type(kind), base, &[i], "item")
        }
    }

    /// `index` as a position in the list, raising IndexError (`msg`)
    /// outside it; negative indices count from the end.
    fn checked_index(&self, list: &Value, index: &Value, msg: &str) -> CgResult<IntValue<'ctx>> {
        let b = &self.b;
        let i64t = self.cg.cx.i64_type();
        let len = self.list_len(list)?;
        let i = self.int(index);
        let negative = b.build_int_compare(IntPredicate::SLT, i, i64t.const_zero(), "")?;
        let wrapped = b.build_int_add(i, len, "")?;
        let i = b.build_select(negative, wrapped, i, "")?.into_int_value();
        // One unsigned compare checks both ends.
        let out = b.build_int_compare(IntPredicate::UGE, i, len, "")?;
        self.raise_if(out, ExcKind::Index, msg)?;
        Ok(i)
    }

    fn load_item(
        &self,
        slot: PointerValue<'ctx>,
        kind: ItemKind,
        name: &str,
    ) -> CgResult<BasicValueEnum<'ctx>> {
        let v = self.load(self.item_type(kind), slot, name, Access::ArrayItem(kind))?;
        Ok(match kind {
            ItemKind::U8 => {
                let byte = v.into_int_value();
                self.b
                    .build_int_compare(IntPredicate::NE, byte, byte.get_type().const_zero(), name)?
                    .into()
            }
            _ => v,
        })
    }

    fn store_item(
        &self,
        array: PointerValue<'ctx>,
        slot: PointerValue<'ctx>,
        v: &Value,
        kind: ItemKind,
    ) -> CgResult<()> {
        let value = match (kind, v) {
            (ItemKind::Ptr, Value::Const(Constant::None)) => self
                .cg
                .cx
                .ptr_type(AddressSpace::default())
                .const_null()
                .into(),
            (ItemKind::Ptr, _) => {
                self.write_barrier(array)?;
                self.value(v)
            }
            (ItemKind::U8, _) => self
                .b
                .build_int_z_extend(self.int(v), self.cg.cx.i8_type(), "")?
                .into(),
            _ => self.value(v),
        };
        self.store(slot, value, Access::ArrayItem(kind))
    }

    /// An item as the 64-bit pattern the runtime's list functions take.
    fn item_bits(&self, v: &Value, kind: ItemKind) -> CgResult<IntValue<'ctx>> {
        let i64t = self.cg.cx.i64_type();
        let is_void = matches!(v, Value::Var(x) if self.ll.types[x.index()] == LlType::Void)
            || matches!(v, Value::Const(Constant::None));
        if is_void {
            return Ok(i64t.const_zero());
        }
        Ok(match kind {
            ItemKind::I64 => self.int(v),
            ItemKind::F64 => self
                .b
                .build_bit_cast(self.value(v), i64t, "")?
                .into_int_value(),
            ItemKind::U8 => self.b.build_int_z_extend(self.int(v), i64t, "")?,
            ItemKind::Ptr => {
                self.b
                    .build_ptr_to_int(self.value(v).into_pointer_value(), i64t, "")?
            }
        })
    }

    /// `list.append(item)`: with room in the array, a store and a new
    /// length inline (the item kind is known here, so no type-table
    /// lookups as in the runtime's generic append); a full array goes to
    /// the runtime, which grows it.
    fn list_append(
        &self,
        list: &Value,
        item: &Value,
        kind: ItemKind,
        layout: ListLayout,
    ) -> CgResult<()> {
        let cx = self.cg.cx;
        let i64t = cx.i64_type();
        let len = self.list_len(list)?;
        let array = self.items_array(list)?;
        let cap = self
            .load(
                i64t,
                self.field_ptr(array, ARRAY_LENGTH)?,
                "cap",
                Access::ArrayLength,
            )?
            .into_int_value();
        let end = self.slot_index(list, len, layout)?;
        let room = self
            .b
            .build_int_compare(IntPredicate::SLT, end, cap, "room")?;
        let fast = cx.append_basic_block(self.func, "append_fast");
        let slow = cx.append_basic_block(self.func, "append_slow");
        let done = cx.append_basic_block(self.func, "append_done");
        self.b.build_conditional_branch(room, fast, slow)?;
        self.b.position_at_end(fast);
        let slot = self.item_slot(list, array, len, kind, layout)?;
        self.store_item(array, slot, item, kind)?;
        let p = self.value(list).into_pointer_value();
        let new_len = self
            .b
            .build_int_nsw_add(len, i64t.const_int(1, false), "")?;
        self.store(self.field_ptr(p, LIST_LENGTH)?, new_len, Access::ListLength)?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(slow);
        let bits = self.item_bits(item, kind)?;
        self.call_rt(RuntimeFn::ListAppendGrow, &[p.into(), bits.into()])?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// Only lists laid out with a front offset may have their start moved.
    fn list_delete_fn(layout: ListLayout) -> RuntimeFn {
        match layout {
            ListLayout::Packed => RuntimeFn::ListDelete,
            ListLayout::FrontOffset => RuntimeFn::ListDeleteFromFront,
        }
    }

    pub(super) fn list_op(
        &self,
        op: &Operation<LlOp>,
        name: &str,
    ) -> CgResult<Option<BasicValueEnum<'ctx>>> {
        let a = &op.args;
        let cx = self.cg.cx;
        let i32 = |v: u64| cx.i32_type().const_int(v, false);
        let ptr_arg = |v: &Value| self.value(v).into_pointer_value().into();
        Ok(match &op.op {
            LlOp::ListGetItem(kind, layout) => {
                let i = self.checked_index(&a[0], &a[1], "list index out of range")?;
                let slot = self.item_slot(&a[0], self.items_array(&a[0])?, i, *kind, *layout)?;
                Some(self.load_item(slot, *kind, name)?)
            }
            LlOp::ListSetItem(kind, layout) => {
                let i = self.checked_index(&a[0], &a[1], "list assignment index out of range")?;
                let array = self.items_array(&a[0])?;
                let slot = self.item_slot(&a[0], array, i, *kind, *layout)?;
                self.store_item(array, slot, &a[2], *kind)?;
                None
            }
            LlOp::ListGetItemUnchecked(kind, layout) => {
                let array = self.items_array(&a[0])?;
                let slot = self.item_slot(&a[0], array, self.int(&a[1]), *kind, *layout)?;
                Some(self.load_item(slot, *kind, name)?)
            }
            LlOp::ListSetItemUnchecked(kind, layout) => {
                let array = self.items_array(&a[0])?;
                let slot = self.item_slot(&a[0], array, self.int(&a[1]), *kind, *layout)?;
                self.store_item(array, slot, &a[2], *kind)?;
                None
            }
            LlOp::NewList(kind) => self.call_rt(
                RuntimeFn::ListNew,
                &[
                    i32(kind.array_tid() as u64).into(),
                    self.int(&a[0]).into(),
                    self.int(&a[1]).into(),
                ],
            )?,
            LlOp::ListAppend(kind, layout) => {
                self.list_append(&a[0], &a[1], *kind, *layout)?;
                None
            }
            LlOp::ListInsert(kind) => {
                let bits = self.item_bits(&a[2], *kind)?;
                self.call_rt(
                    RuntimeFn::ListInsert,
                    &[ptr_arg(&a[0]), self.int(&a[1]).into(), bits.into()],
                )?
            }
            LlOp::ListPop(kind, layout) => {
                let len = self.list_len(&a[0])?;
                let empty = self.b.build_int_compare(
                    IntPredicate::EQ,
                    len,
                    len.get_type().const_zero(),
                    "",
                )?;
                self.raise_if(empty, ExcKind::Index, "pop from empty list")?;
                let i = self.checked_index(&a[0], &a[1], "pop index out of range")?;
                let slot = self.item_slot(&a[0], self.items_array(&a[0])?, i, *kind, *layout)?;
                let item = self.load_item(slot, *kind, name)?;
                self.call_rt(Self::list_delete_fn(*layout), &[ptr_arg(&a[0]), i.into()])?;
                Some(item)
            }
            LlOp::ListDel(layout) => {
                let i = self.checked_index(&a[0], &a[1], "list assignment index out of range")?;
                self.call_rt(Self::list_delete_fn(*layout), &[ptr_arg(&a[0]), i.into()])?;
                None
            }
            LlOp::ListExtend => {
                self.call_rt(RuntimeFn::ListExtend, &[ptr_arg(&a[0]), ptr_arg(&a[1])])?
            }
            LlOp::ListConcat => {
                self.call_rt(RuntimeFn::ListConcat, &[ptr_arg(&a[0]), ptr_arg(&a[1])])?
            }
            LlOp::ListReverse => self.call_rt(RuntimeFn::ListReverse, &[ptr_arg(&a[0])])?,
            LlOp::ListClear => self.call_rt(RuntimeFn::ListClear, &[ptr_arg(&a[0])])?,
            LlOp::ListMul => self.call_rt(
                RuntimeFn::ListMul,
                &[ptr_arg(&a[0]), self.int(&a[1]).into()],
            )?,
            LlOp::ListSlice => self.call_rt(
                RuntimeFn::ListSlice,
                &[
                    ptr_arg(&a[0]),
                    self.int(&a[1]).into(),
                    self.int(&a[2]).into(),
                    self.int(&a[3]).into(),
                ],
            )?,
            LlOp::ListIndex(eq) | LlOp::ListRemove(eq) | LlOp::ListContains(eq) => {
                let kind = self.kind_of_value(&a[1], *eq);
                let bits = self.item_bits(&a[1], kind)?;
                let zero = cx.i64_type().const_zero();
                // list.index(x, start, stop) has its bounds; the others
                // look everywhere.
                let (start, stop) = match a.get(2..4) {
                    Some([start, stop]) => (self.int(start), self.int(stop)),
                    _ => (zero, cx.i64_type().const_int(i64::MAX as u64, false)),
                };
                let found = self
                    .call_rt(
                        RuntimeFn::ListFind,
                        &[
                            ptr_arg(&a[0]),
                            bits.into(),
                            i32(eq.code() as u64).into(),
                            start.into(),
                            stop.into(),
                        ],
                    )?
                    .unwrap()
                    .into_int_value();
                let missing = self
                    .b
                    .build_int_compare(IntPredicate::SLT, found, zero, "")?;
                match &op.op {
                    LlOp::ListContains(_) => Some(self.b.build_not(missing, name)?.into()),
                    LlOp::ListIndex(_) => {
                        self.raise_not_in_list(missing, &a[1], bits)?;
                        Some(found.into())
                    }
                    _ => {
                        self.raise_if(missing, ExcKind::Value, "list.remove(x): x not in list")?;
                        self.call_rt(RuntimeFn::ListDelete, &[ptr_arg(&a[0]), found.into()])?;
                        None
                    }
                }
            }
            LlOp::ListCount(eq) => {
                let kind = self.kind_of_value(&a[1], *eq);
                let bits = self.item_bits(&a[1], kind)?;
                self.call_rt(
                    RuntimeFn::ListCount,
                    &[ptr_arg(&a[0]), bits.into(), i32(eq.code() as u64).into()],
                )?
            }
            LlOp::ListSortKeyed(spec) => {
                let null = cx.ptr_type(inkwell::AddressSpace::default()).const_null();
                let keyfn = match spec.key {
                    Some((f, item, key)) => self
                        .key_adapter(f, item, key, &spec.env)?
                        .as_global_value()
                        .as_pointer_value(),
                    None => null,
                };
                let env = match a.get(2) {
                    Some(closure) => self.value(closure).into_pointer_value(),
                    None => null,
                };
                let kinds: Vec<_> = spec.kinds.iter().map(|k| i32(*k as u64)).collect();
                let init = cx.i32_type().const_array(&kinds);
                let g = self
                    .cg
                    .module
                    .add_global(init.get_type(), None, "rpy.sortkinds");
                g.set_initializer(&init);
                g.set_constant(true);
                g.set_linkage(inkwell::module::Linkage::Private);
                let tuple = cx.bool_type().const_int(spec.tuple_key as u64, false);
                let args = [
                    ptr_arg(&a[0]),
                    null.into(),
                    keyfn.into(),
                    env.into(),
                    g.as_pointer_value().into(),
                    i32(spec.kinds.len() as u64).into(),
                    tuple.into(),
                    self.value(&a[1]).into(),
                ];
                self.call_rt(RuntimeFn::Helper(crate::abi::Helper::ListSortKeyed), &args)?
            }
            other => unreachable!("not a list operation: {other}"),
        })
    }

    /// `uint64_t adapter(uint64_t item, void *env)`: calls the key
    /// function `f` on the item given as a 64-bit pattern and returns the
    /// key as one (the runtime's sort calls it; an exception stays in
    /// rpy_exc_value). A closure's captured values, of types `env`, come
    /// first, read from the env tuple.
    fn key_adapter(
        &self,
        f: crate::flowgraph::ir::FuncId,
        item: LlType,
        key: LlType,
        env: &[LlType],
    ) -> CgResult<inkwell::values::FunctionValue<'ctx>> {
        if let Some(a) = self.cg.key_adapters.borrow().get(&f) {
            return Ok(*a);
        }
        let cx = self.cg.cx;
        let i64t = cx.i64_type();
        let n = self.cg.key_adapters.borrow().len();
        let adapter = self.cg.module.add_function(
            &format!("rpy.sortkey.{n}"),
            i64t.fn_type(
                &[i64t.into(), cx.ptr_type(Default::default()).into()],
                false,
            ),
            Some(inkwell::module::Linkage::Private),
        );
        let b = cx.create_builder();
        b.position_at_end(cx.append_basic_block(adapter, "entry"));
        let bits = adapter.get_nth_param(0).unwrap().into_int_value();
        let arg: inkwell::values::BasicValueEnum = match self.cg.basic_type(item) {
            Some(inkwell::types::BasicTypeEnum::FloatType(t)) => b.build_bit_cast(bits, t, "")?,
            Some(inkwell::types::BasicTypeEnum::PointerType(t)) => {
                b.build_int_to_ptr(bits, t, "")?.into()
            }
            Some(inkwell::types::BasicTypeEnum::IntType(t)) if t.get_bit_width() < 64 => {
                b.build_int_truncate(bits, t, "")?.into()
            }
            _ => bits.into(),
        };
        let callee = self.cg.functions[&f];
        let mut args: Vec<inkwell::values::BasicMetadataValueEnum> = vec![];
        let env_ptr = adapter.get_nth_param(1).unwrap().into_pointer_value();
        for (i, t) in env.iter().enumerate() {
            if let Some(t) = self.cg.basic_type(*t) {
                let off = i64t.const_int(ClassLayout::field_offset(i as u32) as u64, false);
                // SAFETY (LLVM semantics): the tuple layout puts field i there.
                let p = unsafe { b.build_in_bounds_gep(cx.i8_type(), env_ptr, &[off], "field")? };
                args.push(b.build_load(t, p, "captured")?.into());
            }
        }
        if callee.count_params() as usize > args.len() {
            args.push(arg.into());
        }
        let r = b
            .build_call(callee, &args, "key")?
            .try_as_basic_value()
            .basic();
        let out = match (r, key) {
            (Some(v), LlType::Float) => b.build_bit_cast(v, i64t, "")?.into_int_value(),
            (Some(inkwell::values::BasicValueEnum::PointerValue(p)), _) => {
                b.build_ptr_to_int(p, i64t, "")?
            }
            (Some(inkwell::values::BasicValueEnum::IntValue(i)), _)
                if i.get_type().get_bit_width() < 64 =>
            {
                b.build_int_z_extend(i, i64t, "")?
            }
            (Some(v), _) => v.into_int_value(),
            (None, _) => i64t.const_zero(),
        };
        b.build_return(Some(&out))?;
        self.cg.key_adapters.borrow_mut().insert(f, adapter);
        Ok(adapter)
    }

    /// How a searched-for value travels: by its machine type.
    /// list.index's ValueError: "<repr(x)> is not in list", as CPython.
    fn raise_not_in_list(
        &self,
        missing: IntValue<'ctx>,
        item: &Value,
        bits: IntValue<'ctx>,
    ) -> CgResult<()> {
        let t = match item {
            Value::Var(x) => self.ll.types[x.index()],
            Value::Const(Constant::Int(_)) => LlType::Signed,
            Value::Const(Constant::Float(_)) => LlType::Float,
            Value::Const(Constant::Bool(_)) => LlType::Bool,
            Value::Const(Constant::Str(_)) => LlType::StrPtr,
            Value::Const(_) => LlType::Void,
        };
        let desc = match t {
            LlType::Signed => "i",
            LlType::Float => "f",
            LlType::Bool => "b",
            LlType::StrPtr => "s",
            LlType::Void => "n",
            // An instance shows its address under CPython: no text to match.
            _ => return self.raise_if(missing, ExcKind::Value, "list.index(x): x not in list"),
        };
        self.raise_through_if(
            missing,
            RuntimeFn::Helper(crate::abi::Helper::RaiseNotInList),
            &[bits.into(), self.cg.cstring(desc).into()],
        )
    }

    fn kind_of_value(&self, v: &Value, _eq: crate::rtype::llop::EqKind) -> ItemKind {
        let t = match v {
            Value::Var(x) => self.ll.types[x.index()],
            Value::Const(Constant::Int(_)) => LlType::Signed,
            Value::Const(Constant::Float(_)) => LlType::Float,
            Value::Const(Constant::Bool(_)) => LlType::Bool,
            Value::Const(_) => LlType::StrPtr,
        };
        match t {
            LlType::Signed => ItemKind::I64,
            LlType::Float => ItemKind::F64,
            LlType::Bool => ItemKind::U8,
            _ => ItemKind::Ptr,
        }
    }
}
