//! Type-based alias analysis tags (LLVM `!tbaa` metadata) on the loads
//! and stores generated code makes, so that LLVM's GVN and LICM may keep
//! a value in a register across a store that cannot change it: the length
//! of a list across stores into its items, a field across stores into
//! other fields or into shadow-stack slots.
//!
//! Each `Access` names one kind of memory location, and two different
//! kinds never share an address: an instance field is known by its index
//! alone (fields with different indices are at different offsets, and
//! objects never overlap), an array item by the array's item kind (an
//! array holds one kind for life). Memory that the collector reuses for
//! another object is only reached again through new pointers, after a
//! call that may collect. The runtime's C code carries no tags (it is
//! compiled with -fno-strict-aliasing), so LLVM assumes its accesses, once
//! inlined, may touch anything.

use crate::rtype::llop::ItemKind;
use inkwell::context::Context;
use inkwell::values::{InstructionValue, MetadataValue};
use std::cell::RefCell;
use std::collections::HashMap;

/// A kind of memory location generated code reads or writes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Access {
    /// The type id in an object's header.
    HeaderTid,
    /// The GC flags in an object's header.
    HeaderGcFlags,
    /// The length word of a list (also read, at the same offset, as the
    /// length of a dict or set: `ListLen` serves all three).
    ListLength,
    ListItems,
    ListStart,
    /// The capacity of an `rpy_array`.
    ArrayLength,
    /// An item of an `rpy_array` holding this kind.
    ArrayItem(ItemKind),
    StrLength,
    StrNchars,
    /// Field `i` of an instance (or of the module-variables object).
    Field(u32),
    /// Item `i` of a tuple (or of a closure's captured values).
    TupleItem(u32),
    /// A slot of a shadow-stack frame.
    RootSlot,
    /// The runtime's `rpy_shadowstack_top`.
    ShadowStackTop,
    /// The runtime's `rpy_exc_value`.
    ExcValue,
}

pub(crate) struct Tbaa<'ctx> {
    cx: &'ctx Context,
    kind_id: u32,
    root: MetadataValue<'ctx>,
    tags: RefCell<HashMap<Access, MetadataValue<'ctx>>>,
}

impl<'ctx> Tbaa<'ctx> {
    pub fn new(cx: &'ctx Context) -> Self {
        let root = cx.metadata_node(&[cx.metadata_string("rpy tbaa").into()]);
        Tbaa {
            cx,
            kind_id: cx.get_kind_id("tbaa"),
            root,
            tags: RefCell::new(HashMap::new()),
        }
    }

    /// The access tag for `access`: a scalar type node directly under the
    /// root (so no two kinds alias), used as both base and access type.
    fn tag(&self, access: Access) -> MetadataValue<'ctx> {
        if let Some(&t) = self.tags.borrow().get(&access) {
            return t;
        }
        let cx = self.cx;
        let name = format!("{access:?}");
        let zero = cx.i64_type().const_zero();
        let ty = cx.metadata_node(&[
            cx.metadata_string(&name).into(),
            self.root.into(),
            zero.into(),
        ]);
        let tag = cx.metadata_node(&[ty.into(), ty.into(), zero.into()]);
        self.tags.borrow_mut().insert(access, tag);
        tag
    }

    /// Tags the load or store `inst`.
    pub fn mark(&self, inst: InstructionValue<'ctx>, access: Access) {
        inst.set_metadata(self.tag(access), self.kind_id)
            .expect("a tbaa tag is a metadata node");
    }
}
