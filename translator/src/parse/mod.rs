//! Phase 1, parse and import: reads the target and the modules it imports
//! from its folder, checks that module-level code is limited to imports,
//! constants and functions, and evaluates the constants.
//!
//! Entry point: [`parse_program`].

mod builtin_keys;
pub mod consteval;
pub mod generators;
pub mod iterators;
pub mod names;
mod nested;
mod prebuilt;
pub mod program;
mod rlib;

use crate::diagnostics::{Diagnostic, Result, SourceMap, Span};
use crate::flowgraph::ir::ClassId;
use crate::flowgraph::ir::FuncId;
use crate::flowgraph::ir::GlobalId;
use crate::rlib::{FuncHint, JitDriverDesc};
use consteval::ConstEnv;
use indexmap::IndexMap;
use program::{
    BuiltinModule, ClassDesc, Function, GeneratorPart, Global, GlobalVar, Module, ModuleId, Param,
    Program,
};
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub fn parse_program(target: &Path, sources: &mut SourceMap) -> Result<Program> {
    let mut loader = Loader {
        folder: target.parent().map(Path::to_path_buf).unwrap_or_default(),
        sources,
        modules: vec![],
        functions: vec![],
        classes: vec![],
        builtin_classes: IndexMap::new(),
        global_vars: vec![],
        module_inits: vec![],
        jit_drivers: vec![],
        nested: HashMap::new(),
        loading: vec![],
        errors: vec![],
        prebuilt: vec![],
    };
    loader.add_builtin_classes();
    let main = loader.load_file(target, "__main__".to_string(), None)?;
    // Functions lifted from others are appended as they are found.
    let mut f = 0;
    while f < loader.functions.len() {
        // A resume function shares its maker's body, whose nested
        // functions are lifted once, from the maker.
        if !matches!(
            loader.functions[f].generator,
            Some(GeneratorPart::Resume { .. })
        ) {
            loader.lift_nested(FuncId(f as u32));
            loader.lift_iter_calls(FuncId(f as u32));
            loader.make_generator(FuncId(f as u32));
        }
        f += 1;
    }
    if !loader.errors.is_empty() {
        return Err(loader.errors);
    }
    let entry = find_entry_point(&loader.modules[main.0 as usize], &loader.functions)?;
    // The built-in classes belong to a `builtins` module, added last so
    // that the target stays module 0.
    let builtins = ModuleId(loader.modules.len() as u32);
    loader.modules.push(Module {
        name: "builtins".to_string(),
        file: 0,
        globals: IndexMap::new(),
        init: None,
    });
    for &c in loader.builtin_classes.values() {
        loader.classes[c.index()].module = builtins;
    }
    Ok(Program {
        modules: loader.modules,
        functions: loader.functions,
        classes: loader.classes,
        entry,
        builtin_classes: loader.builtin_classes,
        global_vars: loader.global_vars,
        module_inits: loader.module_inits,
        jit_drivers: loader.jit_drivers,
        nested: loader.nested,
        prebuilt: loader.prebuilt,
    })
}

/// RPython's convention: `target()` returns `(entry_point, None)`. We read
/// that return statement rather than running code; without a `target`, a
/// function named `entry_point` is used.
fn find_entry_point(module: &Module, functions: &[Function]) -> Result<FuncId> {
    if let Some(Global::Func(t)) = module.globals.get("target") {
        let def = &functions[t.index()].def;
        for stmt in &def.body {
            if let ast::Stmt::Return(ast::StmtReturn { value: Some(v), .. }) = stmt {
                let first = match &**v {
                    ast::Expr::Tuple(t) => t.elts.first(),
                    other => Some(other),
                };
                if let Some(ast::Expr::Name(n)) = first {
                    if let Some(Global::Func(f)) = module.globals.get(n.id.as_str()) {
                        return Ok(*f);
                    }
                }
            }
        }
    }
    if let Some(Global::Func(f)) = module.globals.get("entry_point") {
        return Ok(*f);
    }
    Err(vec![Diagnostic::error(
        Span::new(module.file, 0, 0),
        "no entry point: define `def entry_point(argv):` and `def target(*args): return entry_point, None`",
    )])
}

struct Loader<'s> {
    folder: PathBuf,
    sources: &'s mut SourceMap,
    modules: Vec<Module>,
    functions: Vec<Function>,
    classes: Vec<ClassDesc>,
    builtin_classes: IndexMap<String, ClassId>,
    global_vars: Vec<GlobalVar>,
    module_inits: Vec<FuncId>,
    jit_drivers: Vec<JitDriverDesc>,
    nested: HashMap<(u32, u32), FuncId>,
    /// Names of modules being loaded, to report import cycles.
    loading: Vec<String>,
    errors: Vec<Diagnostic>,
    prebuilt: Vec<program::PrebuiltInstance>,
}

impl Loader<'_> {
    fn add_builtin_classes(&mut self) {
        for &(name, base) in program::BUILTIN_EXCEPTIONS {
            let id = ClassId(self.classes.len() as u32);
            let base = base.map(|b| self.builtin_classes[b]);
            if let Some(b) = base {
                self.classes[b.index()].subclasses.push(id);
            }
            self.classes.push(ClassDesc {
                module: ModuleId(u32::MAX), // set once `builtins` exists
                name: name.to_string(),
                span: Span::new(0, 0, 0),
                base,
                subclasses: vec![],
                methods: IndexMap::new(),
                attrs: IndexMap::new(),
                generator: None,
            });
            self.builtin_classes.insert(name.to_string(), id);
        }
    }

    fn load_file(
        &mut self,
        path: &Path,
        name: String,
        import_span: Option<Span>,
    ) -> Result<ModuleId> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let msg = format!("cannot read {}: {e}", path.display());
            vec![match import_span {
                Some(s) => Diagnostic::error(s, msg),
                None => Diagnostic::global(msg),
            }]
        })?;
        self.load_text(path.display().to_string(), text, name)
    }

    fn load_text(&mut self, display: String, text: String, name: String) -> Result<ModuleId> {
        let file = self.sources.add(display.clone(), text);
        let source = &self.sources.files[file as usize].text;
        let module_ast =
            rustpython_parser::parse(source, rustpython_parser::Mode::Module, &display).map_err(
                |e| {
                    let off: u32 = e.offset.into();
                    vec![Diagnostic::error(
                        Span::new(file, off, off + 1),
                        format!("syntax error: {}", e.error),
                    )]
                },
            )?;
        let ast::Mod::Module(mut m) = module_ast else {
            unreachable!("parsed in module mode")
        };
        m.body = builtin_keys::desugar_builtin_keys(m.body);
        self.loading.push(name.clone());
        let id = ModuleId(self.modules.len() as u32);
        self.modules.push(Module {
            name,
            file,
            globals: IndexMap::new(),
            init: None,
        });
        let mut init = ModuleInit {
            assignments: count_assignments(&m.body),
            body: vec![],
        };
        for stmt in m.body {
            if let Err(d) = self.module_statement(id, file, stmt, &mut init) {
                self.errors.push(d);
            }
        }
        if !init.body.is_empty() {
            self.add_module_init(id, file, init.body);
        }
        self.loading.pop();
        Ok(id)
    }

    /// The module's top-level code that must run at start-up becomes a
    /// function `<module>` without parameters.
    fn add_module_init(&mut self, module: ModuleId, file: u32, body: Vec<ast::Stmt>) {
        let range = ast::text_size::TextRange::new(body[0].start(), body[body.len() - 1].end());
        let def = ast::StmtFunctionDef {
            range,
            name: ast::Identifier::new("<module>"),
            args: Box::new(ast::Arguments {
                range: Default::default(),
                posonlyargs: vec![],
                args: vec![],
                vararg: None,
                kwonlyargs: vec![],
                kwarg: None,
            }),
            body,
            decorator_list: vec![],
            returns: None,
            type_comment: None,
            type_params: vec![],
        };
        let id = FuncId(self.functions.len() as u32);
        self.functions.push(Function {
            module,
            name: "<module>".to_string(),
            file,
            params: vec![],
            class: None,
            def,
            unsupported: None,
            is_module_init: true,
            hints: vec![],
            nested_name: None,
            captures: vec![],
            generator: None,
        });
        self.modules[module.0 as usize].init = Some(id);
        self.module_inits.push(id);
    }

    /// Module-level code that runs at start-up: the names it binds become
    /// module variables.
    fn run_at_startup(&mut self, module: ModuleId, stmt: ast::Stmt, init: &mut ModuleInit) {
        let mut bound = HashSet::new();
        names::collect_assigned_names(std::slice::from_ref(&stmt), &mut bound);
        let mut bound: Vec<String> = bound.into_iter().collect();
        bound.sort();
        for name in bound {
            let globals = &self.modules[module.0 as usize].globals;
            if !matches!(globals.get(&name), Some(Global::Var(_))) {
                let id = GlobalId(self.global_vars.len() as u32);
                self.global_vars.push(GlobalVar {
                    module,
                    name: name.clone(),
                });
                self.modules[module.0 as usize]
                    .globals
                    .insert(name, Global::Var(id));
            }
        }
        init.body.push(stmt);
    }

    fn import_module(&mut self, name: &str, span: Span) -> std::result::Result<Global, Diagnostic> {
        if let Some(b) = BuiltinModule::from_name(name) {
            return Ok(Global::BuiltinModule(b));
        }
        if let Some(pos) = self.modules.iter().position(|m| m.name == name) {
            if self.loading.iter().any(|l| l == name) {
                return Err(Diagnostic::error(
                    span,
                    format!("circular import of module `{name}`"),
                ));
            }
            return Ok(Global::Module(ModuleId(pos as u32)));
        }
        if name == rlib::RSTRING_MODULE {
            // Plain restricted Python: translated like the program's own
            // modules, from the shim's source built into the translator.
            let text = include_str!("../../../rpython/rlib/rstring.py").to_string();
            let id = self.load_text("rpython/rlib/rstring.py".into(), text, name.into());
            return id.map(Global::Module).map_err(|mut errs| {
                let first = errs.remove(0);
                self.errors.extend(errs);
                first
            });
        }
        if name.contains('.') {
            return Err(Diagnostic::error(
                span,
                format!("cannot import `{name}`: packages are not supported yet"),
            ));
        }
        let path = self.folder.join(format!("{name}.py"));
        if !path.exists() {
            return Err(Diagnostic::error(
                span,
                format!(
                    "cannot import `{name}`: no file {} and not a module the translator knows",
                    path.display()
                ),
            ));
        }
        match self.load_file(&path, name.to_string(), Some(span)) {
            Ok(id) => Ok(Global::Module(id)),
            Err(mut errs) => {
                let first = errs.remove(0);
                self.errors.extend(errs);
                Err(first)
            }
        }
    }

    fn module_statement(
        &mut self,
        module: ModuleId,
        file: u32,
        stmt: ast::Stmt,
        init: &mut ModuleInit,
    ) -> std::result::Result<(), Diagnostic> {
        let span = Span::new(file, stmt.start().into(), stmt.end().into());
        match stmt {
            ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => Ok(()), // docstring
            ast::Stmt::Import(imp) => {
                for alias in &imp.names {
                    if alias.asname.is_none() && alias.name.contains('.') {
                        let (package, last) = alias.name.rsplit_once('.').unwrap();
                        return Err(Diagnostic::error(
                            span,
                            format!(
                                "`import {}` binds the package name, which is not supported",
                                alias.name
                            ),
                        )
                        .with_help(format!("write `from {package} import {last}`")));
                    }
                    let g = self.import_module(alias.name.as_str(), span)?;
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    self.modules[module.0 as usize].globals.insert(bound, g);
                }
                Ok(())
            }
            ast::Stmt::ImportFrom(imp) => {
                let Some(from) = &imp.module else {
                    return Err(Diagnostic::error(
                        span,
                        "relative imports are not supported",
                    ));
                };
                if from.as_str() == "rpython.rlib" {
                    // `from rpython.rlib import jit`: the submodules.
                    for alias in &imp.names {
                        let g =
                            self.import_module(&format!("rpython.rlib.{}", alias.name), span)?;
                        let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                        self.modules[module.0 as usize].globals.insert(bound, g);
                    }
                    return Ok(());
                }
                let source = match self.import_module(from.as_str(), span)? {
                    Global::Module(m) => m,
                    Global::BuiltinModule(b) => {
                        for alias in &imp.names {
                            let Some(c) = b.member(alias.name.as_str()) else {
                                return Err(Diagnostic::error(
                                    span,
                                    format!(
                                        "`{from}.{}` is not supported by the translator yet",
                                        alias.name
                                    ),
                                ));
                            };
                            let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                            self.modules[module.0 as usize]
                                .globals
                                .insert(bound, Global::Const(c));
                        }
                        return Ok(());
                    }
                    _ => {
                        return Err(Diagnostic::error(
                            span,
                            format!(
                            "`from {from} import ...` is not supported yet; use `import {from}`"
                        ),
                        ))
                    }
                };
                for alias in &imp.names {
                    let found = self.modules[source.0 as usize]
                        .globals
                        .get(alias.name.as_str())
                        .cloned();
                    let Some(g) = found else {
                        return Err(Diagnostic::error(
                            span,
                            format!("cannot import name `{}` from `{from}`", alias.name),
                        ));
                    };
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    self.modules[module.0 as usize].globals.insert(bound, g);
                }
                Ok(())
            }
            ast::Stmt::Assign(ref a) if self.is_jit_driver(module, file, &a.value) => {
                self.jit_driver(module, file, a)
            }
            // A name bound once to a value known at translation time is a
            // constant; anything else runs at start-up.
            ast::Stmt::Assign(ref a)
                if matches!(a.targets.as_slice(), [ast::Expr::Name(t)] if init.assignments.get(t.id.as_str()) == Some(&1))
                    && self.try_constant(module, file, &a.targets[0], &a.value) =>
            {
                Ok(())
            }
            ast::Stmt::AnnAssign(ref a)
                if matches!(&*a.target, ast::Expr::Name(t) if init.assignments.get(t.id.as_str()) == Some(&1))
                    && a.value
                        .as_ref()
                        .is_some_and(|v| self.try_constant(module, file, &a.target, v)) =>
            {
                Ok(())
            }
            ast::Stmt::Assign(_)
            | ast::Stmt::AugAssign(_)
            | ast::Stmt::AnnAssign(_)
            | ast::Stmt::For(_)
            | ast::Stmt::While(_)
            | ast::Stmt::Try(_)
            | ast::Stmt::Assert(_)
            | ast::Stmt::Expr(_) => {
                self.run_at_startup(module, stmt, init);
                Ok(())
            }
            ast::Stmt::FunctionDef(def) => {
                let id = FuncId(self.functions.len() as u32);
                let f = self.function(module, file, def, None)?;
                let name = f.name.clone();
                self.functions.push(f);
                self.modules[module.0 as usize]
                    .globals
                    .insert(name, Global::Func(id));
                Ok(())
            }
            ast::Stmt::If(i) if is_main_guard(&i.test) => Ok(()),
            ast::Stmt::If(_) => {
                self.run_at_startup(module, stmt, init);
                Ok(())
            }
            ast::Stmt::ClassDef(def) => self.class(module, file, span, def),
            _ => Err(
                Diagnostic::error(span, "this statement is not supported at module level")
                    .with_help("put this code inside a function called from entry_point"),
            ),
        }
    }

    /// Binds `target` to the value of `value` if it can be computed at
    /// translation time.
    fn try_constant(
        &mut self,
        module: ModuleId,
        file: u32,
        target: &ast::Expr,
        value: &ast::Expr,
    ) -> bool {
        let ast::Expr::Name(name) = target else {
            return false;
        };
        let env = ConstEnv {
            module: &self.modules[module.0 as usize],
            modules: &self.modules,
            file,
        };
        let c = match env.eval(value) {
            Ok(c) => c,
            Err(_) => match self.try_prebuilt(module, file, value) {
                Some(c) => c,
                None => return false,
            },
        };
        self.modules[module.0 as usize]
            .globals
            .insert(name.id.to_string(), Global::Const(c));
        true
    }

    fn class(
        &mut self,
        module: ModuleId,
        file: u32,
        span: Span,
        def: ast::StmtClassDef,
    ) -> std::result::Result<(), Diagnostic> {
        let name = def.name.to_string();
        let base = match def.bases.as_slice() {
            [] => None,
            [ast::Expr::Name(n)] if n.id.as_str() == "object" => None,
            [ast::Expr::Name(n)] => match self.modules[module.0 as usize].globals.get(n.id.as_str()) {
                Some(Global::Class(c)) => Some(*c),
                None if self.builtin_classes.contains_key(n.id.as_str()) => {
                    Some(self.builtin_classes[n.id.as_str()])
                }
                _ => {
                    return Err(Diagnostic::error(
                        span,
                        format!("the base of class `{name}` must be a class defined before it, not `{}`", n.id),
                    ))
                }
            },
            _ => {
                return Err(Diagnostic::error(
                    span,
                    format!("class `{name}` has several bases or a computed base: only single inheritance is supported"),
                ))
            }
        };
        if !def.keywords.is_empty() || !def.decorator_list.is_empty() {
            return Err(Diagnostic::error(span, format!("class `{name}` uses a metaclass, keywords or decorators, which are not supported")));
        }
        let id = ClassId(self.classes.len() as u32);
        let mut desc = ClassDesc {
            module,
            name: name.clone(),
            span,
            base,
            subclasses: vec![],
            methods: IndexMap::new(),
            attrs: IndexMap::new(),
            generator: None,
        };
        for stmt in def.body {
            let sspan = Span::new(file, stmt.start().into(), stmt.end().into());
            match stmt {
                ast::Stmt::Pass(_) => {}
                ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => {}
                ast::Stmt::FunctionDef(f) => {
                    let fid = FuncId(self.functions.len() as u32);
                    let func = self.function(module, file, f, Some(id))?;
                    desc.methods.insert(func.name.clone(), fid);
                    self.functions.push(func);
                }
                ast::Stmt::Assign(a) => {
                    let [ast::Expr::Name(target)] = a.targets.as_slice() else {
                        return Err(Diagnostic::error(
                            sspan,
                            "a class attribute assignment must bind a single name",
                        ));
                    };
                    let env = ConstEnv {
                        module: &self.modules[module.0 as usize],
                        modules: &self.modules,
                        file,
                    };
                    desc.attrs
                        .insert(target.id.to_string(), env.eval(&a.value)?);
                }
                _ => {
                    return Err(Diagnostic::error(
                        sspan,
                        "only methods and constant attributes are allowed in a class body",
                    ))
                }
            }
        }
        if let Some(b) = base {
            self.classes[b.index()].subclasses.push(id);
        }
        self.classes.push(desc);
        self.modules[module.0 as usize]
            .globals
            .insert(name, Global::Class(id));
        Ok(())
    }

    fn function(
        &self,
        module: ModuleId,
        file: u32,
        def: ast::StmtFunctionDef,
        class: Option<ClassId>,
    ) -> std::result::Result<Function, Diagnostic> {
        let span = Span::new(file, def.range.start().into(), def.range.end().into());
        let mut unsupported = None;
        let args = &def.args;
        if args.vararg.is_some() || args.kwarg.is_some() || !args.kwonlyargs.is_empty() {
            unsupported = Some(Diagnostic::error(span, format!("function `{}` uses *args, **kwargs or keyword-only parameters, which are not supported yet", def.name)));
        }
        let hints = match self.decorators(module, file, &def) {
            Ok(hints) => hints,
            Err(d) => {
                unsupported = Some(d);
                vec![]
            }
        };
        if hints.contains(&FuncHint::NotRpython) {
            unsupported = Some(Diagnostic::error(
                span,
                format!("`{}` is marked @not_rpython: it runs only under CPython, but translated code calls it", def.name),
            ));
        }
        let env = ConstEnv {
            module: &self.modules[module.0 as usize],
            modules: &self.modules,
            file,
        };
        let mut params = vec![];
        for a in args.posonlyargs.iter().chain(&args.args) {
            let default = match &a.default {
                Some(d) => Some(env.eval(d)?),
                None => None,
            };
            let pspan = Span::new(file, a.def.range.start().into(), a.def.range.end().into());
            params.push(Param {
                name: a.def.arg.as_str().into(),
                default,
                span: pspan,
            });
        }
        Ok(Function {
            module,
            name: def.name.to_string(),
            file,
            params,
            class,
            def,
            unsupported,
            is_module_init: false,
            hints,
            nested_name: None,
            captures: vec![],
            generator: None,
        })
    }
}

/// Module-level code collected for the `<module>` function.
struct ModuleInit {
    /// How many statements of the module bind each name.
    assignments: HashMap<String, usize>,
    body: Vec<ast::Stmt>,
}

/// How many top-level statements bind each name (a name bound once to a
/// constant stays a constant).
fn count_assignments(body: &[ast::Stmt]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for stmt in body {
        if matches!(
            stmt,
            ast::Stmt::FunctionDef(_)
                | ast::Stmt::ClassDef(_)
                | ast::Stmt::Import(_)
                | ast::Stmt::ImportFrom(_)
        ) {
            continue;
        }
        let mut bound = HashSet::new();
        names::collect_assigned_names(std::slice::from_ref(stmt), &mut bound);
        for name in bound {
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    counts
}

fn is_main_guard(test: &ast::Expr) -> bool {
    if let ast::Expr::Compare(c) = test {
        if let (ast::Expr::Name(n), [ast::CmpOp::Eq]) = (&*c.left, c.ops.as_slice()) {
            return n.id.as_str() == "__name__";
        }
    }
    false
}
