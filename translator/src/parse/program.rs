//! What the parse phase hands to the flow-graph builder: the modules of the
//! program, their translation-time globals, and every module-level function.

use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{ClassId, Constant, FuncId, GlobalId};
use crate::rlib::{FuncHint, JitDriverDesc, JitDriverId, RlibModule};
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
    /// For type hints only (`from typing import Optional, List`).
    Typing,
    Rlib(RlibModule),
}

impl BuiltinModule {
    pub fn from_name(name: &str) -> Option<BuiltinModule> {
        Some(match name {
            "sys" => BuiltinModule::Sys,
            "math" => BuiltinModule::Math,
            "os" => BuiltinModule::Os,
            "time" => BuiltinModule::Time,
            "typing" => BuiltinModule::Typing,
            _ => return RlibModule::from_name(name).map(BuiltinModule::Rlib),
        })
    }
    /// `module.name` when it is a value known at translation time (a
    /// function the translator implements, or a constant).
    pub fn member(self, name: &str) -> Option<Constant> {
        use crate::flowgraph::ir::{Builtin, IoFn, MathFn};
        match self {
            BuiltinModule::Math => Some(match name {
                "pi" => Constant::Float(std::f64::consts::PI),
                "e" => Constant::Float(std::f64::consts::E),
                "tau" => Constant::Float(std::f64::consts::TAU),
                "inf" => Constant::Float(f64::INFINITY),
                "nan" => Constant::Float(f64::NAN),
                _ => Constant::Builtin(Builtin::Math(MathFn::from_name(name)?)),
            }),
            BuiltinModule::Os => Some(match name {
                "open" => Constant::Builtin(Builtin::Io(IoFn::OsOpen)),
                "read" => Constant::Builtin(Builtin::Io(IoFn::OsRead)),
                "write" => Constant::Builtin(Builtin::Io(IoFn::OsWrite)),
                "close" => Constant::Builtin(Builtin::Io(IoFn::OsClose)),
                // Linux's values.
                "O_RDONLY" => Constant::Int(0),
                "O_WRONLY" => Constant::Int(1),
                "O_RDWR" => Constant::Int(2),
                "O_CREAT" => Constant::Int(0o100),
                "O_EXCL" => Constant::Int(0o200),
                "O_TRUNC" => Constant::Int(0o1000),
                "O_APPEND" => Constant::Int(0o2000),
                _ => return None,
            }),
            BuiltinModule::Sys => Some(match name {
                "stdout" => Constant::Builtin(Builtin::Io(IoFn::Stdout)),
                "stderr" => Constant::Builtin(Builtin::Io(IoFn::Stderr)),
                "maxsize" => Constant::Int(i64::MAX),
                _ => return None,
            }),
            BuiltinModule::Time => Some(match name {
                "time" => Constant::Builtin(Builtin::Io(IoFn::Time)),
                "perf_counter" | "monotonic" => Constant::Builtin(Builtin::Io(IoFn::PerfCounter)),
                _ => return None,
            }),
            BuiltinModule::Typing => Builtin::typing_form(name).map(Constant::Builtin),
            // compute_hash(x) is hash(x) for the types hash() takes.
            BuiltinModule::Rlib(RlibModule::Objectmodel) if name == "compute_hash" => {
                Some(Constant::Builtin(Builtin::Hash))
            }
            BuiltinModule::Rlib(m) => match m.constant(name) {
                Some(i) => Some(Constant::Int(i)),
                None => m.member(name).map(|f| Constant::Builtin(Builtin::Rlib(f))),
            },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            BuiltinModule::Sys => "sys",
            BuiltinModule::Math => "math",
            BuiltinModule::Os => "os",
            BuiltinModule::Time => "time",
            BuiltinModule::Typing => "typing",
            BuiltinModule::Rlib(m) => m.name(),
        }
    }
}

/// What a module-level name is bound to at translation time.
#[derive(Clone, Debug)]
pub enum Global {
    Const(Constant),
    Func(FuncId),
    Class(ClassId),
    Module(ModuleId),
    BuiltinModule(BuiltinModule),
    /// A variable that module-level code sets when the program starts
    /// (a list, an instance, or anything not constant at translation time).
    Var(GlobalId),
    /// A module-level `JitDriver(...)`.
    JitDriver(JitDriverId),
}

/// A module-level variable set by its module's initialisation code.
pub struct GlobalVar {
    pub module: ModuleId,
    pub name: String,
}

pub struct Module {
    pub name: String,
    pub file: u32,
    pub globals: IndexMap<String, Global>,
    /// The module's top-level code that runs when the program starts,
    /// as a function without parameters (`<module>` in tracebacks).
    pub init: Option<FuncId>,
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
    /// The class whose body defines this function (a method).
    pub class: Option<ClassId>,
    pub def: ast::StmtFunctionDef,
    /// Why this function is outside the subset; reported only if the
    /// program actually reaches it (`def target(*args)` is fine unused).
    pub unsupported: Option<Diagnostic>,
    /// This is a module's top-level code: assigned names are the
    /// module's variables, not locals.
    pub is_module_init: bool,
    /// What `rpython.rlib` decorators say about it.
    pub hints: Vec<FuncHint>,
    /// A `def` inside a function, lifted to the module: its own name,
    /// by which its body may call it.
    pub nested_name: Option<String>,
    /// The enclosing function's variables a lifted function reads (a
    /// closure): they come first in `params`, and a value of the function
    /// carries them (captured when the `def` or lambda runs).
    pub captures: Vec<Rc<str>>,
    /// A function whose body yields: its part in the generator.
    pub generator: Option<GeneratorPart>,
}

/// A generator function `f` becomes two functions and a class (as in
/// RPython's generator transform): calling `f` runs its *maker*, which
/// only stores the arguments in a new instance of the class; the *resume*
/// function runs the body from where it last stopped up to the next
/// `yield`, storing the yielded value in the instance and returning True,
/// or returns False when the body ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GeneratorPart {
    Maker { class: ClassId, resume: FuncId },
    Resume { class: ClassId, maker: FuncId },
}

/// An instance built at translation time (see `parse::prebuilt`): its
/// class and what its `__init__` stored, with where.
pub struct PrebuiltInstance {
    pub class: ClassId,
    pub fields: Vec<(Rc<str>, Constant, Span)>,
}

/// A class statement: single inheritance, methods and class-level
/// constants (RPython's ClassDesc).
pub struct ClassDesc {
    pub module: ModuleId,
    pub name: String,
    pub span: Span,
    pub base: Option<ClassId>,
    /// Direct subclasses, in definition order.
    pub subclasses: Vec<ClassId>,
    pub methods: IndexMap<String, FuncId>,
    /// Class attributes bound to constants in the class body.
    pub attrs: IndexMap<String, Constant>,
    /// The class of a generator function's objects: its resume function.
    pub generator: Option<FuncId>,
}

pub struct Program {
    pub modules: Vec<Module>,
    pub functions: Vec<Function>,
    pub classes: Vec<ClassDesc>,
    pub entry: FuncId,
    pub global_vars: Vec<GlobalVar>,
    /// Module initialisation functions in the order they run: a module's
    /// imports before the module.
    pub module_inits: Vec<FuncId>,
    /// Python's built-in exception classes (a subset of the hierarchy),
    /// by name; they come first in `classes`.
    pub builtin_classes: IndexMap<String, ClassId>,
    pub jit_drivers: Vec<JitDriverDesc>,
    /// Lambdas and nested `def`s, lifted to functions, by the position
    /// (file, offset) where they start.
    pub nested: std::collections::HashMap<(u32, u32), FuncId>,
    /// Module-level instances built at translation time, by
    /// `PrebuiltId`.
    pub prebuilt: Vec<PrebuiltInstance>,
}

/// `BaseException`: the built-in classes come first, in the order below.
pub const BASE_EXCEPTION: ClassId = ClassId(0);

/// The hidden attribute of `BaseException` holding `str(e)`; the `$`
/// keeps it apart from Python names.
pub const EXC_MESSAGE: &str = "$message";

/// The built-in exception hierarchy the translator knows: (name, base).
/// Bases come before their subclasses.
pub const BUILTIN_EXCEPTIONS: &[(&str, Option<&str>)] = &[
    ("BaseException", None),
    ("Exception", Some("BaseException")),
    ("ArithmeticError", Some("Exception")),
    ("ZeroDivisionError", Some("ArithmeticError")),
    ("OverflowError", Some("ArithmeticError")),
    ("LookupError", Some("Exception")),
    ("IndexError", Some("LookupError")),
    ("KeyError", Some("LookupError")),
    ("ValueError", Some("Exception")),
    ("TypeError", Some("Exception")),
    ("AttributeError", Some("Exception")),
    ("AssertionError", Some("Exception")),
    ("NameError", Some("Exception")),
    ("UnboundLocalError", Some("NameError")),
    ("RuntimeError", Some("Exception")),
    ("RecursionError", Some("RuntimeError")),
    ("NotImplementedError", Some("RuntimeError")),
    ("MemoryError", Some("Exception")),
    ("StopIteration", Some("Exception")),
    ("OSError", Some("Exception")),
    ("FileNotFoundError", Some("OSError")),
    ("PermissionError", Some("OSError")),
    ("IsADirectoryError", Some("OSError")),
    ("NotADirectoryError", Some("OSError")),
    ("FileExistsError", Some("OSError")),
    ("UnicodeError", Some("ValueError")),
    ("UnicodeDecodeError", Some("UnicodeError")),
    // Raised by file objects; its dotted name cannot be written in a
    // program, as CPython's needs `import io`. (CPython's derives from
    // ValueError too.)
    ("io.UnsupportedOperation", Some("OSError")),
];

impl Program {
    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.index()]
    }
    pub fn module(&self, id: ModuleId) -> &Module {
        &self.modules[id.0 as usize]
    }
    pub fn class(&self, id: ClassId) -> &ClassDesc {
        &self.classes[id.index()]
    }

    /// `BaseException` and its subclasses can be raised.
    pub fn is_exception_class(&self, c: ClassId) -> bool {
        self.builtin_classes
            .get("BaseException")
            .is_some_and(|&b| self.is_subclass(c, b))
    }

    /// KeyError or a subclass: str() of one is its argument's repr.
    pub fn is_key_error_class(&self, c: ClassId) -> bool {
        self.builtin_classes
            .get("KeyError")
            .is_some_and(|&k| self.is_subclass(c, k))
    }

    pub fn is_builtin_class(&self, c: ClassId) -> bool {
        c.index() < self.builtin_classes.len()
    }
    /// `module.name` or `module.Class.name`, the name used in dumps and
    /// symbols.
    pub fn qualname(&self, id: FuncId) -> String {
        let f = self.function(id);
        match f.class {
            Some(c) => format!(
                "{}.{}.{}",
                self.module(f.module).name,
                self.class(c).name,
                f.name
            ),
            None => format!("{}.{}", self.module(f.module).name, f.name),
        }
    }

    /// `c` and its bases, nearest first.
    pub fn mro(&self, c: ClassId) -> impl Iterator<Item = ClassId> + '_ {
        std::iter::successors(Some(c), |&k| self.class(k).base)
    }

    pub fn is_subclass(&self, c: ClassId, of: ClassId) -> bool {
        self.mro(c).any(|k| k == of)
    }

    /// The method `name` as seen from class `c` (Python's lookup).
    pub fn lookup_method(&self, c: ClassId, name: &str) -> Option<FuncId> {
        self.mro(c)
            .find_map(|k| self.class(k).methods.get(name).copied())
    }

    /// The class attribute `name` as seen from class `c`.
    pub fn lookup_class_attr(&self, c: ClassId, name: &str) -> Option<(ClassId, &Constant)> {
        self.mro(c)
            .find_map(|k| self.class(k).attrs.get(name).map(|v| (k, v)))
    }

    /// `c` and all its subclasses, in preorder.
    pub fn subtree(&self, c: ClassId) -> Vec<ClassId> {
        let mut out = vec![];
        let mut stack = vec![c];
        while let Some(k) = stack.pop() {
            out.push(k);
            stack.extend(self.class(k).subclasses.iter().rev());
        }
        out
    }
}
