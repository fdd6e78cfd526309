//! `iter(seq)` of a sequence: each call site gets a generator function of
//! its own, `def iter(seq): for item in seq: yield item`, lifted as the
//! parse phase lifts lambdas (keyed by the call's position). A generator
//! is the one iterator object the later phases know; one helper per site
//! keeps its parameter to the one type that site passes. The builder
//! keeps `iter(g)` of a generator `g` as `g` itself, as CPython does.
//! `iter(range(a, b))` gets `def iter(a, b): for item in range(a, b): ...`
//! (a range is not a value here), called with the range's arguments.

use super::Loader;
use crate::flowgraph::ir::FuncId;
use rustpython_ast::Visitor;
use rustpython_parser::ast;
use std::collections::HashSet;

/// The `iter(x)` calls directly inside a body, with the number of
/// arguments of x when it is a call of `range`.
#[derive(Default)]
struct FindIterCalls {
    found: Vec<(ast::text_size::TextRange, Option<usize>)>,
}

/// The arguments of `range(...)` when `e` calls it.
pub fn range_call_args(e: &ast::Expr) -> Option<&[ast::Expr]> {
    match e {
        ast::Expr::Call(c) if c.keywords.is_empty() && (1..=3).contains(&c.args.len()) => {
            match &*c.func {
                ast::Expr::Name(n) if n.id.as_str() == "range" => Some(&c.args),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The parameter names of the helper of `iter(range(...))` with `n`
/// arguments.
pub const RANGE_PARAMS: [&str; 3] = ["$range0", "$range1", "$range2"];

impl Visitor for FindIterCalls {
    super::nested::descend_everywhere!();
    fn visit_expr_call(&mut self, node: ast::ExprCall) {
        if let (ast::Expr::Name(n), 1, true) =
            (&*node.func, node.args.len(), node.keywords.is_empty())
        {
            if n.id.as_str() == "iter" {
                let range = range_call_args(&node.args[0]).map(<[_]>::len);
                self.found.push((node.range, range));
            }
        }
        self.generic_visit_expr_call(node);
    }
    fn visit_expr_lambda(&mut self, _node: ast::ExprLambda) {}
    fn visit_stmt_function_def(&mut self, _node: ast::StmtFunctionDef) {}
    fn visit_stmt_class_def(&mut self, _node: ast::StmtClassDef) {}
}

impl Loader<'_> {
    /// Adds the iterator helpers of `func`'s `iter(...)` calls, where
    /// `iter` is the builtin (neither a local nor a module name).
    pub(super) fn lift_iter_calls(&mut self, func: FuncId) {
        let outer = &self.functions[func.index()];
        let mut finder = FindIterCalls::default();
        for s in outer.def.body.clone() {
            finder.visit_stmt(s);
        }
        if finder.found.is_empty()
            || self.modules[outer.module.0 as usize]
                .globals
                .contains_key("iter")
        {
            return;
        }
        let mut locals: HashSet<String> = outer.params.iter().map(|p| p.name.to_string()).collect();
        super::names::collect_assigned_names(&outer.def.body, &mut locals);
        if locals.contains("iter") {
            return;
        }
        let range_is_builtin = !locals.contains("range")
            && !self.modules[outer.module.0 as usize]
                .globals
                .contains_key("range");
        let (module, file) = (outer.module, outer.file);
        for (range, range_args) in finder.found {
            let def = iterator_def(range, range_args.filter(|_| range_is_builtin));
            let f = self
                .function(module, file, def, None)
                .expect("the helper has no defaults or decorators");
            let id = FuncId(self.functions.len() as u32);
            self.nested.insert((file, range.start().into()), id);
            self.functions.push(f);
        }
    }
}

/// `def iter(seq): for item in seq: yield item` (or, for a range with
/// `range_args` arguments, `def iter(a, ..): for item in range(a, ..)`),
/// every node at the call.
fn iterator_def(
    range: ast::text_size::TextRange,
    range_args: Option<usize>,
) -> ast::StmtFunctionDef {
    let name = |id: &str, ctx| {
        Box::new(ast::Expr::Name(ast::ExprName {
            range,
            id: ast::Identifier::new(id),
            ctx,
        }))
    };
    let params: Vec<&str> = match range_args {
        Some(n) => RANGE_PARAMS[..n].to_vec(),
        None => vec!["seq"],
    };
    let iterable = match range_args {
        Some(_) => Box::new(ast::Expr::Call(ast::ExprCall {
            range,
            func: name("range", ast::ExprContext::Load),
            args: params
                .iter()
                .map(|p| *name(p, ast::ExprContext::Load))
                .collect(),
            keywords: vec![],
        })),
        None => name("seq", ast::ExprContext::Load),
    };
    let yield_item = ast::Stmt::Expr(ast::StmtExpr {
        range,
        value: Box::new(ast::Expr::Yield(ast::ExprYield {
            range,
            value: Some(name("item", ast::ExprContext::Load)),
        })),
    });
    let for_loop = ast::Stmt::For(ast::StmtFor {
        range,
        target: name("item", ast::ExprContext::Store),
        iter: iterable,
        body: vec![yield_item],
        orelse: vec![],
        type_comment: None,
    });
    ast::StmtFunctionDef {
        range,
        name: ast::Identifier::new("iter"),
        args: Box::new(ast::Arguments {
            range: Default::default(),
            posonlyargs: vec![],
            args: params
                .iter()
                .map(|p| ast::ArgWithDefault {
                    range: Default::default(),
                    def: ast::Arg {
                        range,
                        arg: ast::Identifier::new(*p),
                        annotation: None,
                        type_comment: None,
                    },
                    default: None,
                })
                .collect(),
            vararg: None,
            kwonlyargs: vec![],
            kwarg: None,
        }),
        body: vec![for_loop],
        decorator_list: vec![],
        returns: None,
        type_comment: None,
        type_params: vec![],
    }
}
