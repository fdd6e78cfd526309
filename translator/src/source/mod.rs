//! Phase 8, source: the LLVM IR module, built with inkwell, written to the
//! build folder as `program.ll` and `program.bc`.
//!
//! Every type, global and function prototype is declared first, then the
//! bodies are emitted (one `FunctionCx` per function, see `function`).
//!
//! Entry point: [`generate_source`].

mod debuginfo;
mod function;
pub mod runtime_abi;

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
use runtime_abi::RuntimeFn;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Type ids and flags of the object header, as in rpy.h.
const TID_STR: u64 = 1;
const GCFLAG_PREBUILT: u64 = 1;

pub struct SourceFiles {
    pub ll: PathBuf,
    pub bc: PathBuf,
}

/// The module-level codegen context: types, globals and functions.
pub(crate) struct CodegenCx<'ctx> {
    pub cx: &'ctx Context,
    pub module: Module<'ctx>,
    pub functions: HashMap<FuncId, FunctionValue<'ctx>>,
    pub strings: HashMap<Rc<str>, GlobalValue<'ctx>>,
    runtime: std::cell::RefCell<HashMap<RuntimeFn, FunctionValue<'ctx>>>,
    cstrings: std::cell::RefCell<HashMap<String, GlobalValue<'ctx>>>,
    /// `rpy_list_str`: header, length, items.
    pub list_str_type: StructType<'ctx>,
    /// `rpy_str` without its data: header, hash, length, nchars.
    pub str_head_type: StructType<'ctx>,
    /// With `-g` (and at -O0): debug information and the sources it maps.
    pub debug: Option<(debuginfo::DebugInfo<'ctx>, &'ctx SourceMap)>,
}

impl<'ctx> CodegenCx<'ctx> {
    pub fn basic_type(&self, t: LlType) -> Option<BasicTypeEnum<'ctx>> {
        Some(match t {
            LlType::Void => return None,
            LlType::Bool => self.cx.bool_type().into(),
            LlType::Signed => self.cx.i64_type().into(),
            LlType::Float => self.cx.f64_type().into(),
            LlType::StrPtr | LlType::ListStrPtr => self.cx.ptr_type(AddressSpace::default()).into(),
        })
    }

    pub fn runtime_fn(&self, f: RuntimeFn) -> FunctionValue<'ctx> {
        if let Some(v) = self.runtime.borrow().get(&f) {
            return *v;
        }
        let func =
            self.module
                .add_function(f.name(), f.signature(self.cx), Some(Linkage::External));
        if f.is_noreturn() {
            for attr in ["noreturn", "cold", "nounwind"] {
                let kind = Attribute::get_named_enum_kind_id(attr);
                func.add_attribute(
                    AttributeLoc::Function,
                    self.cx.create_enum_attribute(kind, 0),
                );
            }
        }
        self.runtime.borrow_mut().insert(f, func);
        func
    }

    /// A NUL-terminated C string constant (error messages).
    pub fn cstring(&self, text: &str) -> PointerValue<'ctx> {
        if let Some(g) = self.cstrings.borrow().get(text) {
            return g.as_pointer_value();
        }
        let init = self.cx.const_string(text.as_bytes(), true);
        let n = self.cstrings.borrow().len();
        let g = self
            .module
            .add_global(init.get_type(), None, &format!("rpy.msg.{n}"));
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_unnamed_addr(true);
        self.cstrings.borrow_mut().insert(text.to_string(), g);
        g.as_pointer_value()
    }

    /// A prebuilt `rpy_str` object for a string constant.
    fn declare_string(&mut self, index: usize, s: &Rc<str>) {
        let i32t = self.cx.i32_type();
        let i64t = self.cx.i64_type();
        let data = self.cx.const_string(s.as_bytes(), true);
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
            i64t.const_zero().into(),
            i64t.const_int(s.len() as u64, false).into(),
            i64t.const_int(s.chars().count() as u64, false).into(),
            data.into(),
        ]);
        let g = self
            .module
            .add_global(ty, None, &format!("rpy.str.{index}"));
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        self.strings.insert(s.clone(), g);
    }
}

/// Options of the source phase.
pub struct SourceOptions<'a> {
    /// Emit DWARF line tables and subprograms for these sources.
    pub debug_info: Option<&'a SourceMap>,
    pub optimized: bool,
}

pub fn generate_source(
    program: &LlProgram,
    db: &Database,
    build_dir: &Path,
    opts: &SourceOptions,
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
    let mut cg = CodegenCx {
        cx: &context,
        module,
        functions: HashMap::new(),
        strings: HashMap::new(),
        runtime: Default::default(),
        cstrings: Default::default(),
        list_str_type: context
            .struct_type(&[i32t.into(), i32t.into(), i64t.into(), ptr.into()], false),
        debug: None,
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
    if let Some(sources) = opts.debug_info {
        cg.debug = Some((
            debuginfo::DebugInfo::new(&context, &cg.module, sources, opts.optimized),
            sources,
        ));
    }
    for (&f, symbol) in &db.functions {
        function::emit_function(&cg, &program.graphs[&f], program, &db.recursion, symbol)?;
    }
    if let Some((d, _)) = &cg.debug {
        d.finalize();
    }
    emit_entry_wrapper(&cg, program)?;
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
    let files = SourceFiles {
        ll: build_dir.join("program.ll"),
        bc: build_dir.join("program.bc"),
    };
    cg.module.print_to_file(&files.ll).map_err(|e| {
        vec![Diagnostic::global(format!(
            "cannot write {}: {}",
            files.ll.display(),
            e.to_string()
        ))]
    })?;
    if !cg.module.write_bitcode_to_path(&files.bc) {
        return Err(vec![Diagnostic::global(format!(
            "cannot write {}",
            files.bc.display()
        ))]);
    }
    Ok(files)
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
    let call = b.build_call(callee, &args, "exitcode").map_err(internal)?;
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
