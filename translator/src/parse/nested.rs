//! Lambdas and functions defined inside functions, lifted to functions of
//! their module (RPython had neither). A lifted function may read module
//! names and call itself, but not read the enclosing function's locals:
//! there are no closures yet, so such a function is marked unsupported
//! with a message at its definition, reported if the program reaches it.

use super::Loader;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::FuncId;
use rustpython_ast::Visitor;
use rustpython_parser::ast::{self, Ranged};
use std::collections::HashSet;

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
macro_rules! descend_everywhere {
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

impl Visitor for FindNested {
    descend_everywhere!();
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
    descend_everywhere!();
    fn visit_expr_name(&mut self, node: ast::ExprName) {
        if matches!(node.ctx, ast::ExprContext::Load) {
            self.names.insert(node.id.to_string());
        }
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
        // The enclosing function's locals: its parameters and every name
        // it binds.
        let mut enclosing: HashSet<String> = params_of(&outer.def.args)
            .map(|a| a.def.arg.to_string())
            .collect();
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
            if let Some(first) = free.first() {
                let what = if f.nested_name.is_some() {
                    format!("function `{}`", f.name)
                } else {
                    "this lambda".to_string()
                };
                f.unsupported.get_or_insert(
                    Diagnostic::error(
                        span,
                        format!(
                            "{what} reads `{first}` from the enclosing function; closures are not supported yet"
                        ),
                    )
                    .with_help("pass the value as an argument, or define the function at module level"),
                );
            }
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
