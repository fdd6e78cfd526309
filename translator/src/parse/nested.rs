//! Lambdas and functions defined inside functions, lifted to functions of
//! their module (RPython had neither). A lifted function may read module
//! names, call itself, and read the enclosing function's variables: those
//! become its leading parameters (`Function::captures`), and the value of
//! the `def` or lambda carries them.
//!
//! Python reads a free variable when the closure runs, not when it is
//! made; capturing the value is the same only if nothing assigns the
//! variable after the closure exists. So each captured variable must be
//! assigned only before the definition and outside any loop around it;
//! otherwise the function is marked unsupported with a message at its
//! definition, reported if the program reaches it.

use super::Loader;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::FuncId;
use crate::parse::program::Param;
use rustpython_ast::Visitor;
use rustpython_parser::ast::{self, Ranged};
use std::collections::HashSet;
use std::rc::Rc;

/// The lambdas and nested `def`s directly inside a body (not those
/// inside them: each lifted function is searched in turn).
#[derive(Default)]
struct FindNested {
    found: Vec<Nested>,
}

enum Nested {
    Lambda(ast::ExprLambda),
    Def(ast::StmtFunctionDef),
}

/// The generated visitor stops at keywords, comprehensions and `with`
/// items; these descend into their expressions.
macro_rules! descend_everywhere_impl {
    () => {
        fn visit_keyword(&mut self, node: ast::Keyword) {
            self.visit_expr(node.value);
        }
        fn visit_comprehension(&mut self, node: ast::Comprehension) {
            self.visit_expr(node.target);
            self.visit_expr(node.iter);
            for e in node.ifs {
                self.visit_expr(e);
            }
        }
        fn visit_withitem(&mut self, node: ast::WithItem) {
            self.visit_expr(node.context_expr);
            if let Some(v) = node.optional_vars {
                self.visit_expr(*v);
            }
        }
    };
}

pub(super) use descend_everywhere_impl as descend_everywhere;

impl Visitor for FindNested {
    descend_everywhere_impl!();
    fn visit_expr_lambda(&mut self, node: ast::ExprLambda) {
        self.found.push(Nested::Lambda(node));
    }
    fn visit_stmt_function_def(&mut self, node: ast::StmtFunctionDef) {
        self.found.push(Nested::Def(node));
    }
    fn visit_stmt_class_def(&mut self, _node: ast::StmtClassDef) {}
}

/// The names an expression or body reads.
#[derive(Default)]
struct ReadNames {
    names: HashSet<String>,
}

impl Visitor for ReadNames {
    descend_everywhere_impl!();
    fn visit_expr_name(&mut self, node: ast::ExprName) {
        if matches!(node.ctx, ast::ExprContext::Load) {
            self.names.insert(node.id.to_string());
        }
    }
}

/// Where a function body binds names (assignment targets, `for`
/// targets, `del`, nested `def`s, `except ... as`, imports), and where its
/// loops are, `for`/`while` statements and comprehensions alike. Nested
/// functions are other scopes: not entered.
#[derive(Default)]
struct Bindings {
    at: Vec<(String, u32)>,
    loops: Vec<(u32, u32)>,
}

impl Bindings {
    fn of(body: &[ast::Stmt]) -> Bindings {
        let mut b = Bindings::default();
        for s in body {
            b.visit_stmt(s.clone());
        }
        b
    }

    fn loop_at(&mut self, range: ast::text_size::TextRange) {
        self.loops.push((range.start().into(), range.end().into()));
    }

    /// Where a closure defined at `def_start` is made for the last time:
    /// the start of the outermost loop around it, or the definition.
    fn last_made(&self, def_start: u32) -> u32 {
        self.loops
            .iter()
            .filter(|(s, e)| *s <= def_start && def_start < *e)
            .map(|(s, _)| *s)
            .min()
            .unwrap_or(def_start)
    }
}

impl Visitor for Bindings {
    descend_everywhere_impl!();
    fn visit_expr_name(&mut self, node: ast::ExprName) {
        if !matches!(node.ctx, ast::ExprContext::Load) {
            self.at
                .push((node.id.to_string(), node.range.start().into()));
        }
    }
    fn visit_stmt_function_def(&mut self, node: ast::StmtFunctionDef) {
        self.at
            .push((node.name.to_string(), node.range.start().into()));
    }
    fn visit_expr_lambda(&mut self, _node: ast::ExprLambda) {}
    fn visit_stmt_class_def(&mut self, node: ast::StmtClassDef) {
        self.at
            .push((node.name.to_string(), node.range.start().into()));
    }
    fn visit_excepthandler_except_handler(&mut self, node: ast::ExceptHandlerExceptHandler) {
        if let Some(n) = &node.name {
            self.at.push((n.to_string(), node.range.start().into()));
        }
        self.generic_visit_excepthandler_except_handler(node);
    }
    fn visit_alias(&mut self, node: ast::Alias) {
        let bound = node.asname.as_ref().unwrap_or(&node.name);
        let first = bound.as_str().split('.').next().unwrap_or_default();
        self.at.push((first.to_string(), node.range.start().into()));
    }
    fn visit_stmt_for(&mut self, node: ast::StmtFor) {
        self.loop_at(node.range);
        self.generic_visit_stmt_for(node);
    }
    fn visit_stmt_while(&mut self, node: ast::StmtWhile) {
        self.loop_at(node.range);
        self.generic_visit_stmt_while(node);
    }
    fn visit_expr_list_comp(&mut self, node: ast::ExprListComp) {
        self.loop_at(node.range);
        self.generic_visit_expr_list_comp(node);
    }
    fn visit_expr_set_comp(&mut self, node: ast::ExprSetComp) {
        self.loop_at(node.range);
        self.generic_visit_expr_set_comp(node);
    }
    fn visit_expr_dict_comp(&mut self, node: ast::ExprDictComp) {
        self.loop_at(node.range);
        self.generic_visit_expr_dict_comp(node);
    }
    fn visit_expr_generator_exp(&mut self, node: ast::ExprGeneratorExp) {
        self.loop_at(node.range);
        self.generic_visit_expr_generator_exp(node);
    }
}

fn params_of(args: &ast::Arguments) -> impl Iterator<Item = &ast::ArgWithDefault> {
    args.posonlyargs.iter().chain(&args.args)
}

impl Loader<'_> {
    /// Lifts the lambdas and nested functions of `func`; the caller lifts
    /// theirs in turn (they are appended to the functions).
    pub(super) fn lift_nested(&mut self, func: FuncId) {
        let outer = &self.functions[func.index()];
        let mut finder = FindNested::default();
        for s in outer.def.body.clone() {
            finder.visit_stmt(s);
        }
        if finder.found.is_empty() {
            return;
        }
        let (module, file) = (outer.module, outer.file);
        // The enclosing function's locals: its parameters (with what it
        // captures itself) and every name it binds.
        let mut enclosing: HashSet<String> =
            outer.params.iter().map(|p| p.name.to_string()).collect();
        let bindings = Bindings::of(&outer.def.body);
        // Module-level code binds module variables, which any function
        // may read.
        if !outer.is_module_init {
            super::names::collect_assigned_names(&outer.def.body, &mut enclosing);
        }
        for nested in finder.found {
            let (def, own_name) = match nested {
                Nested::Def(d) => {
                    let name = d.name.to_string();
                    (d, Some(name))
                }
                Nested::Lambda(l) => (lambda_as_def(l), None),
            };
            let start: u32 = def.range.start().into();
            let span = Span::new(file, start, def.range.end().into());
            let mut reads = ReadNames::default();
            for s in def.body.clone() {
                reads.visit_stmt(s);
            }
            let mut own: HashSet<String> = params_of(&def.args)
                .map(|a| a.def.arg.to_string())
                .collect();
            super::names::collect_assigned_names(&def.body, &mut own);
            own.extend(own_name.clone());
            let mut free: Vec<&String> = reads
                .names
                .iter()
                .filter(|n| enclosing.contains(*n) && !own.contains(*n))
                .collect();
            free.sort();
            let id = FuncId(self.functions.len() as u32);
            // Default values must be module-level constants, as for any
            // function (`lambda x, n=n: ...` reads a local: refused here).
            let mut f = match self.function(module, file, def, None) {
                Ok(f) => f,
                Err(d) => {
                    self.errors.push(d);
                    continue;
                }
            };
            f.nested_name = own_name;
            let what = if f.nested_name.is_some() {
                format!("function `{}`", f.name)
            } else {
                "this lambda".to_string()
            };
            let last_made = bindings.last_made(start);
            let rebound = free.iter().find(|n| {
                bindings
                    .at
                    .iter()
                    .any(|(b, at)| b == **n && *at >= last_made)
            });
            if let Some(name) = rebound {
                let when = if last_made < start {
                    "in the loop around it"
                } else {
                    "after it"
                };
                f.unsupported.get_or_insert(
                    Diagnostic::error(
                        span,
                        format!(
                            "{what} reads `{name}`, which the enclosing function assigns {when}: a closure that sees later assignments is not supported"
                        ),
                    )
                    .with_help("assign the variable only before the definition, or pass the value as an argument"),
                );
            }
            let captures: Vec<Rc<str>> = free.iter().map(|n| Rc::from(n.as_str())).collect();
            let mut params: Vec<Param> = captures
                .iter()
                .map(|n| Param {
                    name: n.clone(),
                    default: None,
                    span,
                })
                .collect();
            params.append(&mut f.params);
            f.params = params;
            f.captures = captures;
            self.nested.insert((file, start), id);
            self.functions.push(f);
        }
    }
}

/// `lambda args: expr` as `def <lambda>(args): return expr`.
fn lambda_as_def(l: ast::ExprLambda) -> ast::StmtFunctionDef {
    let range = l.range;
    ast::StmtFunctionDef {
        range,
        name: ast::Identifier::new("<lambda>"),
        args: l.args,
        body: vec![ast::Stmt::Return(ast::StmtReturn {
            range: l.body.range(),
            value: Some(l.body),
        })],
        decorator_list: vec![],
        returns: None,
        type_comment: None,
        type_params: vec![],
    }
}
