//! Static tables: the collector's type descriptors (`rpy_type_table`) and
//! the per-type-id tables behind method calls and class attributes.

use super::CodegenCx;
use crate::database::TypeDesc;
use crate::flowgraph::ir::Constant;
use crate::rtype::classes::TableKind;
use crate::rtype::lltype::LlType;
use crate::rtype::LlProgram;
use inkwell::module::Linkage;
use inkwell::values::BasicValueEnum;
use inkwell::AddressSpace;

/// `const rpy_type_info rpy_type_table[]` and `rpy_type_count`, indexed
/// by type id; unused ids are all zeros.
pub(super) fn emit_type_table(cg: &CodegenCx, types: &[TypeDesc]) {
    let cx = cg.cx;
    let i32t = cx.i32_type();
    let ptr = cx.ptr_type(AddressSpace::default());
    let info = cx.struct_type(
        &[
            i32t.into(),
            i32t.into(),
            ptr.into(),
            i32t.into(),
            i32t.into(),
            i32t.into(),
            i32t.into(),
            i32t.into(),
        ],
        false,
    );
    let count = types.iter().map(|t| t.tid + 1).max().unwrap_or(1);
    let mut rows = vec![info.const_zero(); count as usize];
    for t in types {
        let offsets = if t.gcptr_offsets.is_empty() {
            ptr.const_null()
        } else {
            let vals: Vec<_> = t
                .gcptr_offsets
                .iter()
                .map(|o| i32t.const_int(*o as u64, false))
                .collect();
            let arr = i32t.const_array(&vals);
            let g = cg
                .module
                .add_global(arr.get_type(), None, &format!("rpy.gcptrs.{}", t.name));
            g.set_initializer(&arr);
            g.set_constant(true);
            g.set_linkage(Linkage::Private);
            g.as_pointer_value()
        };
        let k = |v: u32| i32t.const_int(v as u64, false).into();
        rows[t.tid as usize] = info.const_named_struct(&[
            k(t.fixed_size),
            k(t.gcptr_offsets.len() as u32),
            offsets.into(),
            k(t.item_size),
            k(t.items_offset),
            k(t.length_offset),
            k(t.extra_bytes),
            k(t.items_are_gcptrs as u32),
        ]);
    }
    let arr = info.const_array(&rows);
    let g = cg.module.add_global(arr.get_type(), None, "rpy_type_table");
    g.set_initializer(&arr);
    g.set_constant(true);
    let n = cg.module.add_global(i32t, None, "rpy_type_count");
    n.set_initializer(&i32t.const_int(count as u64, false));
    n.set_constant(true);
}

/// What the runtime needs to raise built-in exceptions and to print a
/// traceback: `rpy_locations`, `rpy_type_names`, `rpy_exc_kind_tids` and
/// `rpy_exc_message_offset` (see rpy.h).
pub(super) fn emit_exception_tables<'ctx>(cg: &CodegenCx<'ctx>, program: &LlProgram) {
    let cx = cg.cx;
    let i32t = cx.i32_type();
    let ptr = cx.ptr_type(AddressSpace::default());
    let global = |name: &str, v: BasicValueEnum<'ctx>| {
        let g = cg.module.add_global(v.get_type(), None, name);
        g.set_initializer(&v);
        g.set_constant(true);
    };
    let loc_t = cx.struct_type(&[ptr.into(), ptr.into(), ptr.into(), i32t.into()], false);
    let locs = cg.locations_snapshot();
    let rows: Vec<_> = locs
        .iter()
        .map(|(file, line, func, text)| {
            loc_t.const_named_struct(&[
                cg.cstring_named(file, "rpy.file").into(),
                cg.cstring_named(func, "rpy.func").into(),
                cg.cstring_named(text, "rpy.line").into(),
                i32t.const_int(*line as u64, false).into(),
            ])
        })
        .collect();
    global("rpy_locations", loc_t.const_array(&rows).into());
    let layouts = &program.classes;
    let count = layouts
        .classes
        .values()
        .map(|l| l.tid + 1)
        .max()
        .unwrap_or(1);
    let mut names = vec![ptr.const_null(); count as usize];
    for l in layouts.classes.values() {
        names[l.tid as usize] = cg.cstring_named(&l.display_name, "rpy.typename");
    }
    global("rpy_type_names", ptr.const_array(&names).into());
    let kinds: Vec<_> = layouts
        .exc_kind_tids
        .iter()
        .map(|t| i32t.const_int(*t as u64, false))
        .collect();
    global("rpy_exc_kind_tids", i32t.const_array(&kinds).into());
    global(
        "rpy_exc_message_offset",
        i32t.const_int(layouts.exc_message_offset as u64, false)
            .into(),
    );
}

/// One constant array per table, indexed by `tid - min_tid`.
pub(super) fn emit_dispatch_tables(cg: &mut CodegenCx, program: &LlProgram) {
    let ptr = cg.cx.ptr_type(AddressSpace::default());
    for (i, t) in program.classes.tables.iter().enumerate() {
        let (elem, values): (inkwell::types::BasicTypeEnum, Vec<BasicValueEnum>) = match &t.kind {
            TableKind::Method => (
                ptr.into(),
                t.entries
                    .iter()
                    .map(|e| match e {
                        // A method whose every call site turned out to be
                        // unreachable is not emitted: nothing calls it.
                        Some(Constant::Func(f)) if cg.functions.contains_key(f) => {
                            cg.functions[f].as_global_value().as_pointer_value().into()
                        }
                        _ => ptr.const_null().into(),
                    })
                    .collect(),
            ),
            TableKind::ClassAttr(ty) => {
                let elem = cg.basic_type(*ty).unwrap_or(ptr.into());
                let values = t
                    .entries
                    .iter()
                    .map(|e| match e {
                        Some(c) if cg.basic_type(*ty).is_some() => super::constant_value(cg, c),
                        _ => super::const_zero(elem),
                    })
                    .collect();
                (elem, values)
            }
        };
        let arr = const_array_of(elem, &values);
        let g = cg
            .module
            .add_global(arr.get_type(), None, &format!("rpy.table.{i}.{}", t.name));
        g.set_initializer(&arr);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        cg.tables.push(g);
    }
}

/// The descriptor of each function used as a value: a prebuilt object
/// (header, then the function's address; null for one never called, as
/// nothing reaches a call of it), so that lists, dicts and fields may
/// hold function values like any object pointer.
pub(super) fn emit_function_descriptors(
    cg: &mut CodegenCx,
    program: &LlProgram,
    functions: &indexmap::IndexSet<crate::flowgraph::ir::FuncId>,
) {
    let (i32t, ptr) = (cg.cx.i32_type(), cg.cx.ptr_type(AddressSpace::default()));
    let ty = cg
        .cx
        .struct_type(&[i32t.into(), i32t.into(), ptr.into()], false);
    for (i, f) in functions.iter().enumerate() {
        let address = match cg.functions.get(f) {
            Some(func) => func.as_global_value().as_pointer_value(),
            None => ptr.const_null(),
        };
        let init = ty.const_named_struct(&[
            i32t.const_int(program.func_desc_tid as u64, false).into(),
            i32t.const_int(super::GCFLAG_PREBUILT, false).into(),
            address.into(),
        ]);
        let g = cg.module.add_global(ty, None, &format!("rpy.func.{i}"));
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        cg.function_descriptors.insert(*f, g);
    }
}

/// One static object per prebuilt instance the program uses: the header
/// (its class's type id; prebuilt, so the first store into it goes
/// through the write barrier and makes it a root), then one 8-byte word
/// per field of the layout. Declared first, as their fields may point to
/// one another.
pub(super) fn emit_prebuilt_instances(
    cg: &mut CodegenCx,
    program: &LlProgram,
    used: &indexmap::IndexSet<crate::flowgraph::ir::PrebuiltId>,
) {
    let (i32t, i64t) = (cg.cx.i32_type(), cg.cx.i64_type());
    fn word<'ctx>(cg: &CodegenCx<'ctx>, t: LlType) -> inkwell::types::BasicTypeEnum<'ctx> {
        let i64t = cg.cx.i64_type();
        match t {
            // A bool field uses the first byte of its word.
            LlType::Bool => i64t.into(),
            t => cg.basic_type(t).unwrap_or(i64t.into()),
        }
    }
    let mut types = vec![];
    for &p in used {
        let prebuilt = &program.prebuilt[p.index()];
        let layout = &program.classes.classes[&prebuilt.class];
        let mut fields: Vec<inkwell::types::BasicTypeEnum> = vec![i32t.into(), i32t.into()];
        fields.extend(layout.fields.iter().map(|(_, t)| word(cg, *t)));
        if layout.fields.is_empty() {
            fields.push(i64t.into()); // at least 16 bytes
        }
        let ty = cg.cx.struct_type(&fields, false);
        let g = cg
            .module
            .add_global(ty, None, &format!("rpy.prebuilt.{}", p.0));
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        cg.prebuilt.insert(p, g);
        types.push(ty);
    }
    for (&p, ty) in used.iter().zip(types) {
        let prebuilt = &program.prebuilt[p.index()];
        let layout = &program.classes.classes[&prebuilt.class];
        let flags = super::GCFLAG_PREBUILT | super::GCFLAG_TRACK_YOUNG_PTRS;
        let mut values: Vec<BasicValueEnum> = vec![
            i32t.const_int(layout.tid as u64, false).into(),
            i32t.const_int(flags, false).into(),
        ];
        for ((_, t), value) in layout.fields.iter().zip(&prebuilt.fields) {
            values.push(match (t, value) {
                (LlType::Bool, Some(Constant::Bool(b))) => i64t.const_int(*b as u64, false).into(),
                (_, Some(c)) if !matches!(c, Constant::None) => super::constant_value(cg, c),
                (t, _) => super::const_zero(word(cg, *t)),
            });
        }
        if layout.fields.is_empty() {
            values.push(i64t.const_zero().into());
        }
        cg.prebuilt[&p].set_initializer(&ty.const_named_struct(&values));
    }
}

fn const_array_of<'ctx>(
    elem: inkwell::types::BasicTypeEnum<'ctx>,
    values: &[BasicValueEnum<'ctx>],
) -> inkwell::values::ArrayValue<'ctx> {
    use inkwell::types::BasicTypeEnum as T;
    match elem {
        T::PointerType(t) => t.const_array(
            &values
                .iter()
                .map(|v| v.into_pointer_value())
                .collect::<Vec<_>>(),
        ),
        T::IntType(t) => t.const_array(
            &values
                .iter()
                .map(|v| v.into_int_value())
                .collect::<Vec<_>>(),
        ),
        T::FloatType(t) => t.const_array(
            &values
                .iter()
                .map(|v| v.into_float_value())
                .collect::<Vec<_>>(),
        ),
        other => unreachable!("no tables of {other:?}"),
    }
}

/// `rpy_str *rpy_instance_repr(void *obj, int64_t n)`, which the runtime
/// calls to show an instance (descriptor `O<n>;`, rpy_repr.c): the text
/// method of the object's type through text table n. Not emitted when
/// nothing needs it (the runtime's weak reference is then null).
pub(super) fn emit_instance_repr(cg: &CodegenCx, program: &LlProgram) -> Result<(), String> {
    let layouts = &program.classes;
    if layouts.text_tables.is_empty() {
        return Ok(());
    }
    let cx = cg.cx;
    let (i32t, i64t, ptr) = (
        cx.i32_type(),
        cx.i64_type(),
        cx.ptr_type(AddressSpace::default()),
    );
    let f = cg.module.add_function(
        "rpy_instance_repr",
        ptr.fn_type(&[ptr.into(), i64t.into()], false),
        Some(Linkage::External),
    );
    let (obj, class) = (f.get_nth_param(0).unwrap(), f.get_nth_param(1).unwrap());
    let b = cx.create_builder();
    let entry = cx.append_basic_block(f, "entry");
    let none = cx.append_basic_block(f, "unknown");
    b.position_at_end(none);
    b.build_return(Some(&ptr.const_null()))
        .map_err(|e| e.to_string())?;
    let mut cases = vec![];
    for (n, table) in layouts.text_tables.values().enumerate() {
        let bb = cx.append_basic_block(f, &format!("table{n}"));
        b.position_at_end(bb);
        let t = &layouts.tables[table.0 as usize];
        let tid = b
            .build_load(i32t, obj.into_pointer_value(), "tid")
            .map_err(|e| e.to_string())?
            .into_int_value();
        let index = b
            .build_int_sub(tid, i32t.const_int(t.min_tid as u64, false), "")
            .map_err(|e| e.to_string())?;
        let index = b
            .build_int_z_extend(index, i64t, "")
            .map_err(|e| e.to_string())?;
        let g = cg.tables[table.0 as usize].as_pointer_value();
        // SAFETY (LLVM semantics): the object is an instance of the
        // class or a subclass, whose type ids the table covers.
        let slot =
            unsafe { b.build_in_bounds_gep(ptr, g, &[index], "") }.map_err(|e| e.to_string())?;
        let method = b
            .build_load(ptr, slot, "repr")
            .map_err(|e| e.to_string())?
            .into_pointer_value();
        let fn_type = ptr.fn_type(&[ptr.into()], false);
        let text = b
            .build_indirect_call(fn_type, method, &[obj.into()], "text")
            .map_err(|e| e.to_string())?;
        let text = text
            .try_as_basic_value()
            .basic()
            .expect("__repr__ returns a str");
        b.build_return(Some(&text)).map_err(|e| e.to_string())?;
        cases.push((i64t.const_int(n as u64, false), bb));
    }
    b.position_at_end(entry);
    b.build_switch(class.into_int_value(), none, &cases)
        .map_err(|e| e.to_string())?;
    Ok(())
}
