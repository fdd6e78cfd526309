//! Functions whose body yields: each gets a class for its generator
//! objects and a resume function (see `GeneratorPart`).

use super::Loader;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{ClassId, FuncId};
use crate::parse::program::{ClassDesc, Function, GeneratorPart, Param};
use rustpython_ast::Visitor;
use rustpython_parser::ast;

/// The name of the resume function's only parameter, the generator.
pub const GEN_PARAM: &str = "$gen";

/// Finds `yield` in a body, not in the functions and classes it defines.
#[derive(Default)]
struct FindYield {
    found: Option<ast::text_size::TextRange>,
    yield_from: Option<ast::text_size::TextRange>,
}

impl Visitor for FindYield {
    fn visit_expr_yield(&mut self, node: ast::ExprYield) {
        self.found.get_or_insert(node.range);
        self.generic_visit_expr_yield(node);
    }
    fn visit_expr_yield_from(&mut self, node: ast::ExprYieldFrom) {
        self.yield_from.get_or_insert(node.range);
    }
    fn visit_expr_lambda(&mut self, _node: ast::ExprLambda) {}
    fn visit_stmt_function_def(&mut self, _node: ast::StmtFunctionDef) {}
    fn visit_stmt_class_def(&mut self, _node: ast::StmtClassDef) {}
}

impl Loader<'_> {
    /// Makes `func` a generator maker if its body yields.
    pub(super) fn make_generator(&mut self, func: FuncId) {
        let f = &self.functions[func.index()];
        if f.is_module_init || f.generator.is_some() {
            return;
        }
        let mut finder = FindYield::default();
        for s in f.def.body.clone() {
            finder.visit_stmt(s);
        }
        let file = f.file;
        if let Some(r) = finder.yield_from {
            let span = Span::new(file, r.start().into(), r.end().into());
            let d = Diagnostic::error(span, "`yield from` is not supported by the translator yet")
                .with_help("loop over the inner generator and yield each item");
            self.functions[func.index()].unsupported.get_or_insert(d);
            return;
        }
        if finder.found.is_none() {
            return;
        }
        let span = Span::new(file, f.def.range.start().into(), f.def.range.end().into());
        let class = ClassId(self.classes.len() as u32);
        self.classes.push(ClassDesc {
            module: f.module,
            name: "generator".to_string(),
            span,
            base: None,
            subclasses: vec![],
            methods: Default::default(),
            attrs: Default::default(),
            generator: None,
        });
        let resume = FuncId(self.functions.len() as u32);
        self.classes[class.index()].generator = Some(resume);
        let f = &self.functions[func.index()];
        let resume_fn = Function {
            module: f.module,
            name: f.name.clone(),
            file,
            params: vec![Param {
                name: GEN_PARAM.into(),
                default: None,
                span,
            }],
            class: None,
            def: f.def.clone(),
            unsupported: f.unsupported.clone(),
            is_module_init: false,
            hints: vec![],
            nested_name: f.nested_name.clone(),
            captures: vec![],
            generator: Some(GeneratorPart::Resume { class, maker: func }),
        };
        self.functions.push(resume_fn);
        self.functions[func.index()].generator = Some(GeneratorPart::Maker { class, resume });
    }
}

/// The instance fields of a generator: where the maker stores argument
/// `name`, and where `yield` number `k` saves a local.
pub fn arg_field(name: &str) -> std::rc::Rc<str> {
    format!("$arg:{name}").into()
}

pub fn saved_field(k: usize, name: &str) -> std::rc::Rc<str> {
    format!("$y{k}:{name}").into()
}

/// The field holding the resume point (0: not started, k: after yield k,
/// -1: running or finished) and the one holding the last yielded value.
pub const STATE_FIELD: &str = "$state";
pub const VALUE_FIELD: &str = "$value";
