//! Prebuilt instances: a module-level `X = Class(args)` whose arguments are
//! translation-time constants and whose `__init__` only stores them (or
//! other constants) in attributes of `self` is built at translation time,
//! as RPython builds every module-level object, and emitted as static
//! data. Any other instance creation runs in the module's start-up code.

use super::consteval::ConstEnv;
use super::program::{Function, Global, Module, ModuleId, PrebuiltInstance};
use super::Loader;
use crate::annotate::callargs::{match_call_args, ArgSource};
use crate::diagnostics::Span;
use crate::flowgraph::ir::{ClassId, Constant, PrebuiltId};
use rustpython_parser::ast::{self, Ranged};
use std::collections::HashMap;
use std::rc::Rc;

impl Loader<'_> {
    /// The prebuilt instance `value` makes, if it can be made now.
    pub(super) fn try_prebuilt(
        &mut self,
        module: ModuleId,
        file: u32,
        value: &ast::Expr,
    ) -> Option<Constant> {
        let ast::Expr::Call(call) = value else {
            return None;
        };
        let ast::Expr::Name(name) = &*call.func else {
            return None;
        };
        let Some(&Global::Class(class)) = self.modules[module.0 as usize]
            .globals
            .get(name.id.as_str())
        else {
            return None;
        };
        if self.is_builtin_subclass(class) || self.classes[class.index()].generator.is_some() {
            return None;
        }
        let env = ConstEnv {
            module: &self.modules[module.0 as usize],
            modules: &self.modules,
            file,
        };
        let mut args = vec![];
        for a in call
            .args
            .iter()
            .chain(call.keywords.iter().map(|k| &k.value))
        {
            args.push(env.eval(a).ok()?);
        }
        let keywords: Option<Vec<Rc<str>>> = (call.keywords.iter())
            .map(|k| k.arg.as_ref().map(|a| Rc::from(a.as_str())))
            .collect();
        let fields = match self.find_init(class) {
            None if args.is_empty() => vec![],
            None => return None,
            Some(init) => {
                let init = &self.functions[init.index()];
                let span = Span::new(file, call.start().into(), call.end().into());
                let n_pos = call.args.len() + 1; // self first
                let sources = match_call_args(init, n_pos, &keywords?, span).ok()?;
                let mut params = HashMap::new();
                for (p, source) in init.params.iter().zip(&sources).skip(1) {
                    let c = match source {
                        ArgSource::Given(i) => args[*i - 1].clone(),
                        ArgSource::Default(c) => c.clone(),
                    };
                    params.insert(p.name.clone(), c);
                }
                self.init_stores(init, &params)?
            }
        };
        let id = PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(PrebuiltInstance { class, fields });
        Some(Constant::Prebuilt(id, class))
    }

    /// What `__init__` stores in `self`, given its arguments; None unless
    /// its body is only such stores (of constant expressions of the
    /// parameters and module constants), `pass` and a docstring.
    fn init_stores(
        &self,
        init: &Function,
        params: &HashMap<Rc<str>, Constant>,
    ) -> Option<Vec<(Rc<str>, Constant, Span)>> {
        let this = init.params.first()?.name.clone();
        // The parameters as constants, over the module's own names.
        let home = &self.modules[init.module.0 as usize];
        let mut scope = Module {
            name: home.name.clone(),
            file: home.file,
            globals: home.globals.clone(),
            init: None,
        };
        for (name, c) in params {
            scope
                .globals
                .insert(name.to_string(), Global::Const(c.clone()));
        }
        let env = ConstEnv {
            module: &scope,
            modules: &self.modules,
            file: init.file,
        };
        let mut stores: Vec<(Rc<str>, Constant, Span)> = vec![];
        for stmt in &init.def.body {
            let (target, value) = match stmt {
                ast::Stmt::Pass(_) => continue,
                ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => continue,
                ast::Stmt::Assign(a) if a.targets.len() == 1 => (&a.targets[0], &*a.value),
                ast::Stmt::AnnAssign(a) if a.value.is_some() => {
                    (&*a.target, a.value.as_deref().unwrap())
                }
                _ => return None,
            };
            let ast::Expr::Attribute(attr) = target else {
                return None;
            };
            if !matches!(&*attr.value, ast::Expr::Name(n) if *n.id.as_str() == *this) {
                return None;
            }
            if names_self(value, &this) {
                return None;
            }
            let c = env.eval(value).ok()?;
            let span = Span::new(init.file, stmt.start().into(), stmt.end().into());
            let name: Rc<str> = attr.attr.as_str().into();
            stores.retain(|(n, _, _)| *n != name);
            stores.push((name, c, span));
        }
        Some(stores)
    }

    /// The `__init__` instances of `class` run, if any.
    fn find_init(&self, class: ClassId) -> Option<crate::flowgraph::ir::FuncId> {
        let mut c = Some(class);
        while let Some(k) = c {
            if let Some(&f) = self.classes[k.index()].methods.get("__init__") {
                return Some(f);
            }
            c = self.classes[k.index()].base;
        }
        None
    }

    /// Exceptions keep their message in a hidden field set when they are
    /// made: they are never prebuilt.
    fn is_builtin_subclass(&self, class: ClassId) -> bool {
        let mut c = Some(class);
        while let Some(k) = c {
            if self.builtin_classes.values().any(|&b| b == k) {
                return true;
            }
            c = self.classes[k.index()].base;
        }
        false
    }
}

/// Whether `e` may read `self` (an expression of a kind not looked into
/// counts as reading it).
fn names_self(e: &ast::Expr, this: &str) -> bool {
    let mut found = false;
    walk_names(e, &mut |n| found |= n.is_empty() || n == this);
    found
}

fn walk_names(e: &ast::Expr, f: &mut dyn FnMut(&str)) {
    match e {
        ast::Expr::Name(n) => f(n.id.as_str()),
        ast::Expr::BinOp(b) => {
            walk_names(&b.left, f);
            walk_names(&b.right, f);
        }
        ast::Expr::UnaryOp(u) => walk_names(&u.operand, f),
        ast::Expr::Attribute(a) => walk_names(&a.value, f),
        ast::Expr::Call(c) => {
            walk_names(&c.func, f);
            c.args.iter().for_each(|a| walk_names(a, f));
            c.keywords.iter().for_each(|k| walk_names(&k.value, f));
        }
        ast::Expr::Constant(_) => {}
        // Anything else: treated as naming `self`, so the store is left
        // to start-up code.
        _ => f(""),
    }
}

#[cfg(test)]
mod tests {
    use crate::flowgraph::ir::Constant;
    use crate::parse::program::Global;

    /// Which module-level instances are built at translation time, with
    /// their fields, and which are left to start-up code.
    #[test]
    fn instances_whose_init_only_stores_constants_are_prebuilt() {
        let (program, _) = crate::testing::parse(
            r#"
SCALE = 3
class P(object):
    def __init__(self, x, y=2, label="p"):
        "doc"
        self.x = x * SCALE
        self.y = y
        self.label = label
class Q(P):
    pass
class R(object):
    def __init__(self, n):
        self.items = [n]
class S(object):
    def __init__(self, n):
        print(n)
        self.n = n
class E(Exception):
    pass
class W(object):
    def __init__(self, inner):
        self.inner = inner
A = P(1)
B = Q(2, label="q", y=5)
C = R(1)
D = S(1)
F = E("x")
G = P(len(SCALE))
H = W(A)
def entry_point(argv):
    return 0
"#,
        )
        .unwrap_or_else(|(e, s)| panic!("{}", crate::testing::render(&e, &s)));
        let globals = &program.modules[0].globals;
        let prebuilt = |name: &str| match globals.get(name) {
            Some(Global::Const(Constant::Prebuilt(p, _))) => Some(&program.prebuilt[p.index()]),
            _ => None,
        };
        let fields = |name: &str| -> Vec<String> {
            (prebuilt(name).unwrap().fields.iter())
                .map(|(n, c, _)| format!("{n}={c}"))
                .collect()
        };
        assert_eq!(fields("A"), ["x=3", "y=2", "label=\"p\""]);
        assert_eq!(fields("B"), ["x=6", "y=5", "label=\"q\""]);
        // A list, a print, an exception, a call that fails: start-up code.
        for name in ["C", "D", "F", "G"] {
            assert!(prebuilt(name).is_none(), "{name} is prebuilt");
        }
        // A prebuilt instance may hold another (an argument is a constant).
        assert!(matches!(
            &prebuilt("H").unwrap().fields[0].1,
            Constant::Prebuilt(p, _) if program.prebuilt[p.index()].fields.len() == 3
        ));
    }
}
