//! `key=len` (and the other one-argument builtins) as a key function:
//! `sorted(words, key=len)` becomes `sorted(words, key=lambda item:
//! len(item))` when the module is parsed, so sort, sorted, min and max
//! (and any function taking a key) get a function value, as they do for a
//! lambda. A builtin used as a key is otherwise a value the translator
//! has no representation for.
//!
//! The lambda has the builtin name's source range, so messages about it
//! point at `len`. Nothing is rewritten in a module that binds the name
//! itself anywhere (`def len(...)`, `len = ...`): there `len` may not be
//! the builtin.

use rustpython_parser::ast;
use std::collections::HashSet;

/// Builtins of one argument that make sense as sort or min/max keys.
const KEY_BUILTINS: &[&str] = &[
    "len", "abs", "str", "repr", "int", "float", "ord", "hash", "bool",
];

/// The module body with every `key=<builtin>` keyword argument turned
/// into a lambda calling it.
pub(super) fn desugar_builtin_keys(body: Vec<ast::Stmt>) -> Vec<ast::Stmt> {
    use rustpython_ast::fold::Foldable;
    let mut bound = HashSet::new();
    let mut finder = BoundNames { names: &mut bound };
    for s in &body {
        rustpython_ast::Visitor::visit_stmt(&mut finder, s.clone());
    }
    let candidates: HashSet<&str> = KEY_BUILTINS
        .iter()
        .copied()
        .filter(|b| !bound.contains(*b))
        .collect();
    if candidates.is_empty() {
        return body;
    }
    let mut rewriter = KeyRewriter { candidates };
    body.into_iter()
        .map(|s| {
            let Ok(s) = s.fold(&mut rewriter);
            s
        })
        .collect()
}

/// Every name bound anywhere in the module, in any scope: assignment and
/// loop targets, `def`, `class`, parameters, imports.
struct BoundNames<'a> {
    names: &'a mut HashSet<String>,
}

impl rustpython_ast::Visitor for BoundNames<'_> {
    fn visit_expr_name(&mut self, node: ast::ExprName) {
        if !matches!(node.ctx, ast::ExprContext::Load) {
            self.names.insert(node.id.to_string());
        }
    }
    fn visit_stmt_function_def(&mut self, node: ast::StmtFunctionDef) {
        self.names.insert(node.name.to_string());
        for a in node
            .args
            .posonlyargs
            .iter()
            .chain(&node.args.args)
            .chain(&node.args.kwonlyargs)
        {
            self.names.insert(a.def.arg.to_string());
        }
        for s in node.body {
            self.visit_stmt(s);
        }
    }
    fn visit_stmt_class_def(&mut self, node: ast::StmtClassDef) {
        self.names.insert(node.name.to_string());
        for s in node.body {
            self.visit_stmt(s);
        }
    }
    fn visit_alias(&mut self, node: ast::Alias) {
        let name = node.asname.as_ref().unwrap_or(&node.name);
        self.names.insert(name.to_string());
    }
}

struct KeyRewriter<'a> {
    candidates: HashSet<&'a str>,
}

impl rustpython_ast::Fold<ast::text_size::TextRange> for KeyRewriter<'_> {
    super::names::fold_keeping_ranges!();

    fn fold_keyword(&mut self, k: ast::Keyword) -> Result<ast::Keyword, Self::Error> {
        let is_key = k.arg.as_ref().is_some_and(|a| a.as_str() == "key");
        match k.value {
            ast::Expr::Name(n)
                if is_key
                    && matches!(n.ctx, ast::ExprContext::Load)
                    && self.candidates.contains(n.id.as_str()) =>
            {
                Ok(ast::Keyword {
                    range: k.range,
                    arg: k.arg,
                    value: lambda_calling(n),
                })
            }
            value => {
                let value = rustpython_ast::fold::Foldable::fold(value, self)?;
                Ok(ast::Keyword { value, ..k })
            }
        }
    }
}

/// `lambda item: f(item)` for the builtin name `f`, at its range.
fn lambda_calling(f: ast::ExprName) -> ast::Expr {
    let range = f.range;
    let param = ast::Identifier::new("item");
    let arg = |ctx| {
        ast::Expr::Name(ast::ExprName {
            range,
            id: param.clone(),
            ctx,
        })
    };
    ast::Expr::Lambda(ast::ExprLambda {
        range,
        args: Box::new(ast::Arguments {
            range: Default::default(),
            posonlyargs: vec![],
            args: vec![ast::ArgWithDefault {
                range: Default::default(),
                def: ast::Arg {
                    range,
                    arg: param.clone(),
                    annotation: None,
                    type_comment: None,
                },
                default: None,
            }],
            vararg: None,
            kwonlyargs: vec![],
            kwarg: None,
        }),
        body: Box::new(ast::Expr::Call(ast::ExprCall {
            range,
            func: Box::new(ast::Expr::Name(f)),
            args: vec![arg(ast::ExprContext::Load)],
            keywords: vec![],
        })),
    })
}
