//! What the parse phase hands to the flow-graph builder: the modules of the
//! program, their translation-time globals, and every module-level function.

use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{Constant, FuncId};
use indexmap::IndexMap;
use rustpython_parser::ast;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ModuleId(pub u32);

/// A module of the standard library the translator knows (used through
/// attribute access such as `sys.argv`), as opposed to a `.py` file of the
/// program.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinModule {
    Sys,
    Math,
    Os,
    Time,
}

impl BuiltinModule {
    pub fn from_name(name: &str) -> Option<BuiltinModule> {
        Some(match name {
            "sys" => BuiltinModule::Sys,
            "math" => BuiltinModule::Math,
            "os" => BuiltinModule::Os,
            "time" => BuiltinModule::Time,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            BuiltinModule::Sys => "sys",
            BuiltinModule::Math => "math",
            BuiltinModule::Os => "os",
            BuiltinModule::Time => "time",
        }
    }
}

/// What a module-level name is bound to at translation time.
#[derive(Clone, Debug)]
pub enum Global {
    Const(Constant),
    Func(FuncId),
    Module(ModuleId),
    BuiltinModule(BuiltinModule),
}

pub struct Module {
    pub name: String,
    pub file: u32,
    pub globals: IndexMap<String, Global>,
}

pub struct Param {
    pub name: Rc<str>,
    pub default: Option<Constant>,
    pub span: Span,
}

pub struct Function {
    pub module: ModuleId,
    pub name: String,
    pub file: u32,
    pub params: Vec<Param>,
    pub def: ast::StmtFunctionDef,
    /// Why this function is outside the subset; reported only if the
    /// program actually reaches it (`def target(*args)` is fine unused).
    pub unsupported: Option<Diagnostic>,
}

pub struct Program {
    pub modules: Vec<Module>,
    pub functions: Vec<Function>,
    pub entry: FuncId,
}

impl Program {
    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.index()]
    }
    pub fn module(&self, id: ModuleId) -> &Module {
        &self.modules[id.0 as usize]
    }
    /// `module.name`, the name used in dumps and symbols.
    pub fn qualname(&self, id: FuncId) -> String {
        let f = self.function(id);
        format!("{}.{}", self.module(f.module).name, f.name)
    }
}
