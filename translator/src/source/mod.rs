//! Phase 8, source: the LLVM IR module, built with inkwell, written to the
//! build folder as `program.bc` (or one bitcode file per codegen unit) and,
//! when the folder is kept, as text in `program.ll`.
//!
//! Every type, global and function prototype is declared first, then the
//! bodies are emitted (one `FunctionCx` per function, see `function`).
//!
//! Entry point: [`generate_source`].

mod debuginfo;
mod function;
mod gctables;
mod tbaa;
mod units;

use crate::abi::RuntimeFn;
use crate::database::Database;
use crate::diagnostics::{Diagnostic, Result, SourceMap};
use crate::flowgraph::ir::FuncId;
use crate::rtype::lltype::LlType;
use crate::rtype::LlProgram;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::targets::{InitializationConfig, Target, TargetMachine};
use inkwell::types::{BasicMetadataTypeEnum, BasicTypeEnum, StructType};
use inkwell::values::{FunctionValue, GlobalValue, PointerValue};
use inkwell::AddressSpace;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

/// Type ids and flags of the object header, as in rpy.h.
const TID_STR: u64 = 1;
const GCFLAG_PREBUILT: u64 = 1;
const GCFLAG_TRACK_YOUNG_PTRS: u64 = 2;

/// What the source phase wrote to the build folder.
pub struct SourceFiles {
    /// The codegen units' bitcode file stems (`program`, or `program0`
    /// ... with several units).
    pub units: Vec<String>,
}

/// The module-level codegen context: types, globals and functions.
pub(crate) struct CodegenCx<'ctx> {
    pub cx: &'ctx Context,
    pub module: Module<'ctx>,
    pub functions: HashMap<FuncId, FunctionValue<'ctx>>,
    pub strings: HashMap<Rc<str>, GlobalValue<'ctx>>,
    pub bytes: HashMap<Rc<[u8]>, GlobalValue<'ctx>>,
    runtime: std::cell::RefCell<HashMap<RuntimeFn, FunctionValue<'ctx>>>,
    cstrings: std::cell::RefCell<HashMap<String, GlobalValue<'ctx>>>,
    /// `rpy_str` without its data: header, hash, length, nchars.
    pub str_head_type: StructType<'ctx>,
    /// With `-g` (and at -O0): debug information and the sources it maps.
    pub debug: Option<(debuginfo::DebugInfo<'ctx>, &'ctx SourceMap)>,
    /// The per-type-id tables of `LlProgram::classes`, by `TableId`.
    pub tables: Vec<GlobalValue<'ctx>>,
    /// The static descriptor of each function used as a value (see
    /// `LlType::FuncPtr`).
    pub function_descriptors: HashMap<FuncId, GlobalValue<'ctx>>,
    /// The static objects of the prebuilt instances the program uses.
    pub prebuilt: HashMap<crate::flowgraph::ir::PrebuiltId, GlobalValue<'ctx>>,
    /// `rpy_shadowstack_top`, defined by the runtime.
    pub shadowstack_top: GlobalValue<'ctx>,
    /// `rpy_exc_value`: the exception being raised, or null.
    pub exc_value: GlobalValue<'ctx>,
    /// The prebuilt object whose fields are the module variables.
    pub globals_object: GlobalValue<'ctx>,
    /// `uint64_t f(uint64_t)` adapters for sort key functions, by function.
    pub key_adapters: std::cell::RefCell<HashMap<FuncId, FunctionValue<'ctx>>>,
    /// Functions that may raise (their callers check after the call).
    pub raising: std::collections::HashSet<FuncId>,
    /// Traceback locations (file, line, function) by index, with the
    /// source text of the line.
    locations: std::cell::RefCell<indexmap::IndexMap<(u32, u32, String), String>>,
    sources: &'ctx SourceMap,
    /// Alias-analysis tags for generated loads and stores.
    pub tbaa: tbaa::Tbaa<'ctx>,
}

impl<'ctx> CodegenCx<'ctx> {
    pub fn basic_type(&self, t: LlType) -> Option<BasicTypeEnum<'ctx>> {
        Some(match t {
            LlType::Void => return None,
            LlType::Bool => self.cx.bool_type().into(),
            LlType::Signed => self.cx.i64_type().into(),
            LlType::Float => self.cx.f64_type().into(),
            LlType::StrPtr
            | LlType::ListPtr
            | LlType::DictPtr
            | LlType::InstPtr
            | LlType::FuncPtr
            | LlType::TuplePtr => self.cx.ptr_type(AddressSpace::default()).into(),
        })
    }

    pub fn runtime_fn(&self, f: RuntimeFn) -> FunctionValue<'ctx> {
        if let Some(v) = self.runtime.borrow().get(&f) {
            return *v;
        }
        let func =
            self.module
                .add_function(f.name(), f.signature(self.cx), Some(Linkage::External));
        let attrs: &[&str] = if f.is_noreturn() {
            &["noreturn", "cold", "nounwind"]
        } else if f.is_cold() {
            &["cold", "nounwind"]
        } else {
            &[]
        };
        for attr in attrs {
            let kind = Attribute::get_named_enum_kind_id(attr);
            func.add_attribute(
                AttributeLoc::Function,
                self.cx.create_enum_attribute(kind, 0),
            );
        }
        self.runtime.borrow_mut().insert(f, func);
        func
    }

    /// (file, line, function, text) of every location, by index.
    pub fn locations_snapshot(&self) -> Vec<(String, u32, String, String)> {
        self.locations
            .borrow()
            .iter()
            .map(|((file, line, func), text)| {
                (
                    self.sources.files[*file as usize].path.clone(),
                    *line,
                    func.clone(),
                    text.clone(),
                )
            })
            .collect()
    }

    /// The index of a traceback location in `rpy_locations`.
    pub fn location(&self, span: crate::diagnostics::Span, func: &str) -> usize {
        let file = self.sources.file(span);
        let (line, _) = file.line_col(span.start);
        let text = file.line_text(line).trim().to_string();
        let mut locs = self.locations.borrow_mut();
        // "mod.Class.method" prints as "method", as CPython does.
        let short = func.rsplit('.').next().unwrap_or(func);
        let key = (span.file, line, short.to_string());
        let (i, _) = locs.insert_full(key, text);
        i
    }

    /// A NUL-terminated C string constant (error messages).
    pub fn cstring(&self, text: &str) -> PointerValue<'ctx> {
        self.cstring_named(text, "rpy.msg")
    }

    pub fn cstring_named(&self, text: &str, prefix: &str) -> PointerValue<'ctx> {
        if let Some(g) = self.cstrings.borrow().get(text) {
            return g.as_pointer_value();
        }
        let init = self.cx.const_string(text.as_bytes(), true);
        let n = self.cstrings.borrow().len();
        let g = self
            .module
            .add_global(init.get_type(), None, &format!("{prefix}.{n}"));
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_unnamed_addr(true);
        self.cstrings.borrow_mut().insert(text.to_string(), g);
        g.as_pointer_value()
    }

    /// A prebuilt `rpy_str` object for a string constant.
    fn declare_string(&mut self, index: usize, s: &Rc<str>) {
        let g = self.prebuilt_str(&format!("rpy.str.{index}"), s.as_bytes(), s.chars().count());
        self.strings.insert(s.clone(), g);
    }

    /// A bytes constant: an `rpy_str` whose nchars is its length.
    fn declare_bytes(&mut self, index: usize, b: &Rc<[u8]>) {
        let g = self.prebuilt_str(&format!("rpy.bytes.{index}"), b, b.len());
        self.bytes.insert(b.clone(), g);
    }

    fn prebuilt_str(&mut self, symbol: &str, bytes: &[u8], nchars: usize) -> GlobalValue<'ctx> {
        let i32t = self.cx.i32_type();
        let i64t = self.cx.i64_type();
        let data = self.cx.const_string(bytes, true);
        let ty = self.cx.struct_type(
            &[
                i32t.into(),
                i32t.into(),
                i64t.into(),
                i64t.into(),
                i64t.into(),
                data.get_type().into(),
            ],
            false,
        );
        let init = ty.const_named_struct(&[
            i32t.const_int(TID_STR, false).into(),
            i32t.const_int(GCFLAG_PREBUILT, false).into(),
            i64t.const_int(crate::abi::str_hash(bytes) as u64, false)
                .into(),
            i64t.const_int(bytes.len() as u64, false).into(),
            i64t.const_int(nchars as u64, false).into(),
            data.into(),
        ]);
        let g = self.module.add_global(ty, None, symbol);
        g.set_initializer(&init);
        // Its hash is already there, so nothing ever writes to it.
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        g
    }
}

/// The LLVM value of a constant that exists at run time.
pub(crate) fn constant_value<'ctx>(
    cg: &CodegenCx<'ctx>,
    c: &crate::flowgraph::ir::Constant,
) -> inkwell::values::BasicValueEnum<'ctx> {
    use crate::flowgraph::ir::Constant;
    let cx = cg.cx;
    match c {
        Constant::Int(i) => cx.i64_type().const_int(*i as u64, true).into(),
        Constant::Bool(b) => cx.bool_type().const_int(*b as u64, false).into(),
        Constant::Float(f) => cx.f64_type().const_float(*f).into(),
        Constant::Str(s) => cg.strings[s].as_pointer_value().into(),
        Constant::Bytes(b) => cg.bytes[b].as_pointer_value().into(),
        // None in a pointer-typed place is the null pointer.
        Constant::None => cx.ptr_type(AddressSpace::default()).const_null().into(),
        Constant::Func(f) => match cg.function_descriptors.get(f) {
            Some(d) => d.as_pointer_value().into(),
            None => unreachable!("the database lists every function used as a value"),
        },
        Constant::Prebuilt(p, _) => cg.prebuilt[p].as_pointer_value().into(),
        Constant::Builtin(_)
        | Constant::Class(_)
        | Constant::Undefined
        | Constant::CaughtException => {
            unreachable!("{c} has no run-time value")
        }
    }
}

pub(crate) fn const_zero(t: BasicTypeEnum) -> inkwell::values::BasicValueEnum {
    use inkwell::types::BasicTypeEnum as T;
    match t {
        T::IntType(t) => t.const_zero().into(),
        T::FloatType(t) => t.const_zero().into(),
        T::PointerType(t) => t.const_null().into(),
        other => unreachable!("no zero for {other:?}"),
    }
}

/// Functions that may raise an exception: they contain an operation that
/// can raise, or call such a function (a fixpoint over the call graph).
fn raising_functions(program: &LlProgram) -> std::collections::HashSet<FuncId> {
    use crate::rtype::llop::LlOp;
    let mut raising = std::collections::HashSet::new();
    loop {
        let before = raising.len();
        for (&f, ll) in &program.graphs {
            if raising.contains(&f) {
                continue;
            }
            let raises = ll
                .graph
                .blocks
                .iter()
                .flat_map(|b| &b.operations)
                .any(|op| match &op.op {
                    LlOp::DirectCall(_) | LlOp::MethodCall(_) | LlOp::IndirectCall(_) => program
                        .classes
                        .callees(&op.op)
                        .iter()
                        .any(|g| raising.contains(g)),
                    other => other.effects().can_raise,
                });
            if raises {
                raising.insert(f);
            }
        }
        if raising.len() == before {
            return raising;
        }
    }
}

/// Options of the source phase.
pub struct SourceOptions<'a> {
    /// Every source file, for traceback locations.
    pub sources: &'a SourceMap,
    /// Emit DWARF line tables and subprograms for these sources.
    pub debug_info: Option<&'a SourceMap>,
    pub optimized: bool,
    /// Also write the module as text (`program.ll`), for people: only
    /// worth its time in a build folder that is kept.
    pub write_text: bool,
    /// Codegen units: with more than one, the module is split (see
    /// `units`) and joined again by ThinLTO.
    pub jobs: usize,
}

/// `progress` is told how many function bodies are emitted after each one.
pub fn generate_source(
    program: &LlProgram,
    db: &Database,
    build_dir: &Path,
    opts: &SourceOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<SourceFiles> {
    let context = Context::create();
    let module = context.create_module("program");
    Target::initialize_native(&InitializationConfig::default()).map_err(|e| {
        vec![Diagnostic::global(format!(
            "cannot initialise LLVM's native target: {e}"
        ))]
    })?;
    let triple = TargetMachine::get_default_triple();
    module.set_triple(&triple);
    if let Ok(target) = Target::from_triple(&triple) {
        if let Some(tm) = target.create_target_machine(
            &triple,
            "x86-64",
            "",
            inkwell::OptimizationLevel::Default,
            inkwell::targets::RelocMode::PIC,
            inkwell::targets::CodeModel::Default,
        ) {
            module.set_data_layout(&tm.get_target_data().get_data_layout());
        }
    }
    let i32t = context.i32_type();
    let i64t = context.i64_type();
    let ptr = context.ptr_type(AddressSpace::default());
    let shadowstack_top = module.add_global(ptr, None, "rpy_shadowstack_top");
    shadowstack_top.set_linkage(Linkage::External);
    let exc_value = module.add_global(ptr, None, "rpy_exc_value");
    exc_value.set_linkage(Linkage::External);
    let globals_object = declare_globals_object(&context, &module, program);
    let mut cg = CodegenCx {
        cx: &context,
        module,
        functions: HashMap::new(),
        strings: HashMap::new(),
        bytes: HashMap::new(),
        runtime: Default::default(),
        cstrings: Default::default(),
        debug: None,
        tables: vec![],
        function_descriptors: HashMap::new(),
        prebuilt: HashMap::new(),
        shadowstack_top,
        exc_value,
        globals_object,
        key_adapters: Default::default(),
        raising: raising_functions(program),
        locations: Default::default(),
        sources: opts.sources,
        tbaa: tbaa::Tbaa::new(&context),
        str_head_type: context.struct_type(
            &[
                i32t.into(),
                i32t.into(),
                i64t.into(),
                i64t.into(),
                i64t.into(),
            ],
            false,
        ),
    };
    for (i, s) in db.strings.iter().enumerate() {
        cg.declare_string(i, s);
    }
    for (i, b) in db.bytes.iter().enumerate() {
        cg.declare_bytes(i, b);
    }
    gctables::emit_prebuilt_instances(&mut cg, program, &db.prebuilt);
    // Prototypes first, so bodies can call functions defined later.
    for (&f, symbol) in &db.functions {
        let ll = &program.graphs[&f];
        let params: Vec<BasicMetadataTypeEnum> = ll
            .graph
            .block(ll.graph.startblock)
            .inputargs
            .iter()
            .filter_map(|v| cg.basic_type(ll.types[v.index()]).map(Into::into))
            .collect();
        let fn_type = match cg.basic_type(ll.return_type()) {
            Some(t) => inkwell::types::BasicType::fn_type(&t, &params, false),
            None => context.void_type().fn_type(&params, false),
        };
        let func = cg
            .module
            .add_function(symbol, fn_type, Some(Linkage::Internal));
        cg.functions.insert(f, func);
    }
    gctables::emit_type_table(&cg, &db.types);
    gctables::emit_dispatch_tables(&mut cg, program);
    gctables::emit_function_descriptors(&mut cg, program, &db.function_values);
    if let Some(sources) = opts.debug_info {
        cg.debug = Some((
            debuginfo::DebugInfo::new(&context, &cg.module, sources, opts.optimized),
            sources,
        ));
    }
    for (i, (&f, symbol)) in db.functions.iter().enumerate() {
        function::emit_function(&cg, &program.graphs[&f], program, &db.recursion, symbol)?;
        progress(i + 1);
    }
    if let Some((d, _)) = &cg.debug {
        d.finalize();
    }
    emit_entry_wrapper(&cg, program)?;
    gctables::emit_instance_repr(&cg, program).map_err(|e| {
        vec![Diagnostic::global(format!(
            "internal error in code generation: {e}"
        ))]
    })?;
    gctables::emit_exception_tables(&cg, program);
    if let Err(e) = cg.module.verify() {
        return Err(vec![Diagnostic::global(format!(
            "internal error: LLVM rejected the generated module: {}",
            e.to_string()
        ))]);
    }
    std::fs::create_dir_all(build_dir).map_err(|e| {
        vec![Diagnostic::global(format!(
            "cannot create {}: {e}",
            build_dir.display()
        ))]
    })?;
    if opts.write_text {
        let ll = build_dir.join("program.ll");
        cg.module.print_to_file(&ll).map_err(|e| {
            vec![Diagnostic::global(format!(
                "cannot write {}: {}",
                ll.display(),
                e.to_string()
            ))]
        })?;
    }
    let write = |module: &Module, stem: &str| {
        let bc = build_dir.join(format!("{stem}.bc"));
        match module.write_bitcode_to_path(&bc) {
            true => Ok(stem.to_string()),
            false => Err(vec![Diagnostic::global(format!(
                "cannot write {}",
                bc.display()
            ))]),
        }
    };
    let units = if opts.jobs <= 1 {
        vec![write(&cg.module, "program")?]
    } else {
        let assigned = units::assign_units(program, db, opts.jobs);
        let last = opts.jobs - 1;
        let mut stems = vec![];
        for k in 0..=last {
            // The last unit is the module itself, the others copies.
            let copy = (k < last).then(|| cg.module.clone());
            let unit = copy.as_ref().unwrap_or(&cg.module);
            units::keep_unit(unit, &assigned, k);
            debug_assert!(unit.verify().is_ok(), "unit {k}: {:?}", unit.verify());
            stems.push(write(unit, &format!("program{k}"))?);
        }
        stems
    };
    Ok(SourceFiles { units })
}

/// The module variables live in one prebuilt object (header, then one
/// 8-byte field per variable, zero until module-level code sets it): the
/// collector finds the objects they point to through the write barrier,
/// as for any prebuilt object.
fn declare_globals_object<'ctx>(
    cx: &'ctx Context,
    module: &Module<'ctx>,
    program: &LlProgram,
) -> GlobalValue<'ctx> {
    let i32t = cx.i32_type();
    let i64t = cx.i64_type();
    let n = program.globals.len().max(1) as u32;
    let ty = cx.struct_type(
        &[i32t.into(), i32t.into(), i64t.array_type(n).into()],
        false,
    );
    let init = ty.const_named_struct(&[
        i32t.const_int(program.globals_tid as u64, false).into(),
        i32t.const_int(GCFLAG_PREBUILT | GCFLAG_TRACK_YOUNG_PTRS, false)
            .into(),
        i64t.array_type(n).const_zero().into(),
    ]);
    let g = module.add_global(ty, None, "rpy.globals");
    g.set_initializer(&init);
    g.set_linkage(Linkage::Private);
    g.set_alignment(8);
    g
}

/// `int64_t rpy_entry_point(rpy_list_str *argv)`, called by the runtime's
/// main: calls the translated entry point and turns its result into the
/// exit code (None is 0).
fn emit_entry_wrapper(cg: &CodegenCx, program: &LlProgram) -> Result<()> {
    let i64t = cg.cx.i64_type();
    let ptr = cg.cx.ptr_type(AddressSpace::default());
    let wrapper = cg.module.add_function(
        "rpy_entry_point",
        i64t.fn_type(&[ptr.into()], false),
        Some(Linkage::External),
    );
    let bb = cg.cx.append_basic_block(wrapper, "entry");
    let b = cg.cx.create_builder();
    b.position_at_end(bb);
    let entry = &program.graphs[&program.entry];
    let callee = cg.functions[&program.entry];
    let argv = wrapper.get_nth_param(0).unwrap();
    let args: Vec<_> = if callee.count_params() == 1 {
        vec![argv.into()]
    } else {
        vec![]
    };
    let internal = |e: inkwell::builder::BuilderError| {
        vec![Diagnostic::global(format!(
            "internal error in code generation: {e}"
        ))]
    };
    let report = cg.cx.append_basic_block(wrapper, "uncaught");
    // An exception that reached here: traceback, exit code 1.
    let check_raised = |b: &inkwell::builder::Builder| -> Result<()> {
        let exc = b
            .build_load(ptr, cg.exc_value.as_pointer_value(), "exc")
            .map_err(internal)?
            .into_pointer_value();
        let raised = b.build_is_not_null(exc, "raised").map_err(internal)?;
        let done = cg.cx.append_basic_block(wrapper, "done");
        b.build_conditional_branch(raised, report, done)
            .map_err(internal)?;
        b.position_at_end(done);
        Ok(())
    };
    // Module-level code first, as Python runs it on import.
    for init in &program.module_inits {
        b.build_call(cg.functions[init], &[], "")
            .map_err(internal)?;
        check_raised(&b)?;
    }
    let call = b.build_call(callee, &args, "exitcode").map_err(internal)?;
    check_raised(&b)?;
    let done = b.get_insert_block().expect("positioned");
    b.position_at_end(report);
    b.build_call(cg.runtime_fn(RuntimeFn::ReportUncaught), &[], "")
        .map_err(internal)?;
    b.build_unreachable().map_err(internal)?;
    b.position_at_end(done);
    let code = match (entry.return_type(), call.try_as_basic_value().basic()) {
        (LlType::Signed, Some(v)) => v.into_int_value(),
        (LlType::Bool, Some(v)) => b
            .build_int_z_extend(v.into_int_value(), i64t, "code")
            .map_err(internal)?,
        _ => i64t.const_zero(),
    };
    b.build_return(Some(&code)).map_err(internal)?;
    Ok(())
}
