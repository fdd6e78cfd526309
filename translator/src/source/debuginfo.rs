//! DWARF debug information: a line table mapping machine code to the `.py`
//! files and lines, and one subprogram per function named by its Python
//! qualified name, so gdb (`break prog.py:12`), perf and addr2line speak
//! Python.

use crate::diagnostics::{SourceMap, Span};
use inkwell::context::Context;
use inkwell::debug_info::{
    AsDIScope, DICompileUnit, DIFile, DIFlags, DIFlagsConstants, DISubprogram, DWARFEmissionKind,
    DWARFSourceLanguage, DebugInfoBuilder,
};
use inkwell::module::{FlagBehavior, Module};
use inkwell::values::FunctionValue;
use std::path::Path;

pub(crate) struct DebugInfo<'ctx> {
    builder: DebugInfoBuilder<'ctx>,
    _unit: DICompileUnit<'ctx>,
    /// One per source file, indexed like `SourceMap::files`.
    files: Vec<DIFile<'ctx>>,
}

fn split(path: &str) -> (String, String) {
    let p = Path::new(path);
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or(p.to_path_buf())
    };
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = p
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    (name, dir)
}

impl<'ctx> DebugInfo<'ctx> {
    pub fn new(
        cx: &'ctx Context,
        module: &Module<'ctx>,
        sources: &SourceMap,
        optimized: bool,
    ) -> DebugInfo<'ctx> {
        let i32t = cx.i32_type();
        module.add_basic_value_flag(
            "Debug Info Version",
            FlagBehavior::Warning,
            i32t.const_int(3, false),
        );
        module.add_basic_value_flag(
            "Dwarf Version",
            FlagBehavior::Warning,
            i32t.const_int(5, false),
        );
        let (name, dir) = split(
            sources
                .files
                .first()
                .map_or("program.py", |f| f.path.as_str()),
        );
        let (builder, unit) = module.create_debug_info_builder(
            true,
            DWARFSourceLanguage::Python,
            &name,
            &dir,
            "translate",
            optimized,
            "",
            0,
            "",
            DWARFEmissionKind::Full,
            0,
            false,
            false,
            "",
            "",
        );
        let files = sources
            .files
            .iter()
            .map(|f| {
                let (name, dir) = split(&f.path);
                builder.create_file(&name, &dir)
            })
            .collect();
        DebugInfo {
            builder,
            _unit: unit,
            files,
        }
    }

    /// Attaches a subprogram to `func`, which comes from the Python
    /// function `qualname` defined at `span`.
    pub fn function(
        &self,
        func: FunctionValue<'ctx>,
        qualname: &str,
        symbol: &str,
        span: Span,
        sources: &SourceMap,
    ) -> DISubprogram<'ctx> {
        let file = self.files[span.file as usize];
        let (line, _) = sources.file(span).line_col(span.start);
        let ty = self
            .builder
            .create_subroutine_type(file, None, &[], DIFlags::PUBLIC);
        let sp = self.builder.create_function(
            file.as_debug_info_scope(),
            qualname,
            Some(symbol),
            file,
            line,
            ty,
            true,
            true,
            line,
            DIFlags::PUBLIC,
            false,
        );
        func.set_subprogram(sp);
        sp
    }

    pub fn location(
        &self,
        cx: &'ctx Context,
        sp: DISubprogram<'ctx>,
        span: Span,
        sources: &SourceMap,
    ) -> inkwell::debug_info::DILocation<'ctx> {
        let (line, col) = sources.file(span).line_col(span.start);
        self.builder
            .create_debug_location(cx, line, col, sp.as_debug_info_scope(), None)
    }

    pub fn finalize(&self) {
        self.builder.finalize();
    }
}
