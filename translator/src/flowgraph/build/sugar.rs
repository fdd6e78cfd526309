//! Calls of builtins that the builder rewrites before building them:
//! `pow(a, b)` is `a ** b`, `min`/`max` with `key=` become a loop, a
//! generator expression consumed whole becomes a list comprehension, and
//! `dict(zip(k, v))` a dict comprehension. Also what to say of the
//! builtins the translator does not provide.

use super::{Builder, ExprResult};
use crate::diagnostics::Diagnostic;
use crate::flowgraph::hlop::{BinOp, HlOp};
use crate::flowgraph::ir::{Constant, FuncId, Value};
use rustpython_parser::ast;

impl Builder<'_> {
    /// The value of `c` if it is one of the rewritten calls.
    pub(super) fn builtin_call_sugar(
        &mut self,
        c: &ast::ExprCall,
    ) -> Result<Option<Value>, Diagnostic> {
        if let Some(rewritten) = self.generator_argument_as_list(c) {
            return self.call(&rewritten).map(Some);
        }
        if let (ast::Expr::Name(n), [], 0..=1) = (&*c.func, c.keywords.as_slice(), c.args.len()) {
            if n.id.as_str() == "list" && self.is_builtin("list") {
                // `list(x)` is `[v for v in x]`: whatever `for` can
                // iterate over; `list()` is `[]`.
                let elts = vec![];
                let display = match c.args.first() {
                    None => ast::Expr::List(ast::ExprList {
                        range: c.range,
                        elts,
                        ctx: ast::ExprContext::Load,
                    }),
                    Some(ast::Expr::GeneratorExp(g)) => ast::Expr::ListComp(ast::ExprListComp {
                        range: c.range,
                        elt: g.elt.clone(),
                        generators: g.generators.clone(),
                    }),
                    Some(x) => {
                        let (elt, generators) = each_item(x);
                        ast::Expr::ListComp(ast::ExprListComp {
                            range: c.range,
                            elt,
                            generators,
                        })
                    }
                };
                return self.expr(&display).map(Some);
            }
        }
        if let (ast::Expr::Name(n), [], 0..=1) = (&*c.func, c.keywords.as_slice(), c.args.len()) {
            if n.id.as_str() == "dict" && self.is_builtin("dict") {
                if let Some(display) = dict_call_as_display(c) {
                    return self.expr(&display).map(Some);
                }
            }
        }
        if let (ast::Expr::Name(n), [ast::Expr::GeneratorExp(g)], []) =
            (&*c.func, c.args.as_slice(), c.keywords.as_slice())
        {
            let all = n.id.as_str() == "all";
            if (all || n.id.as_str() == "any")
                && self.is_builtin(n.id.as_str())
                && g.generators.len() == 1
            {
                let kind = super::Comprehension::AnyAll(&g.elt, all);
                return self.comprehension(kind, &g.generators, g.range).map(Some);
            }
        }
        if let (ast::Expr::Name(n), 1..=2, []) = (&*c.func, c.args.len(), c.keywords.as_slice()) {
            match n.id.as_str() {
                "next" if self.is_builtin("next") => return self.next_call(c).map(Some),
                "iter" if self.is_builtin("iter") && c.args.len() == 1 => {
                    let start: u32 = c.range.start().into();
                    let helper = self.program.nested.get(&(self.file, start)).copied();
                    if let Some(helper) = helper {
                        if let Some(range_args) = self.range_iterator(helper, &c.args[0]) {
                            // `iter(range(...))`: the helper takes the
                            // range's arguments.
                            let mut args = vec![Value::Const(Constant::Func(helper))];
                            for a in range_args {
                                args.push(self.expr(a)?);
                            }
                            let call = HlOp::Call {
                                keywords: std::rc::Rc::from([]),
                            };
                            return Ok(Some(self.emit(call, args, self.span(c), None)));
                        }
                    }
                    let it = self.expr(&c.args[0])?;
                    let mut args = vec![it];
                    args.extend(helper.map(|h| Value::Const(Constant::Func(h))));
                    return Ok(Some(self.emit(HlOp::Iter, args, self.span(c), None)));
                }
                _ => {}
            }
        }
        if let (ast::Expr::Name(n), [base, exponent], []) =
            (&*c.func, c.args.as_slice(), c.keywords.as_slice())
        {
            if n.id.as_str() == "pow" && self.is_builtin("pow") {
                let l = self.expr(base)?;
                let held = self.hold(l);
                let r = self.expr(exponent)?;
                let l = self.take(&held);
                return Ok(Some(self.emit(
                    HlOp::Binary(BinOp::Pow),
                    vec![l, r],
                    self.span(c),
                    None,
                )));
            }
        }
        if let (ast::Expr::Name(n), [items], [kw]) =
            (&*c.func, c.args.as_slice(), c.keywords.as_slice())
        {
            let builtin = matches!(n.id.as_str(), "min" | "max") && self.is_builtin(n.id.as_str());
            if builtin && kw.arg.as_ref().is_some_and(|a| a.as_str() == "key") {
                return self
                    .min_max_key(n.id.as_str() == "max", items, &kw.value, c.range)
                    .map(Some);
            }
        }
        Ok(None)
    }

    /// `sum(x * x for x in v)`: a generator expression given to a function
    /// that consumes all of it at once behaves as the list comprehension,
    /// so it is built as one. (For `any`/`all`, which stop early, or any
    /// other callee, that would change behaviour: those stay unsupported.)
    fn is_range_call(&self, c: &ast::ExprCall) -> bool {
        matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "range")
            && self.is_builtin("range")
    }

    fn generator_argument_as_list(&self, c: &ast::ExprCall) -> Option<ast::ExprCall> {
        let (elt, generators, range) = match c.args.as_slice() {
            [ast::Expr::GeneratorExp(g)] => (g.elt.clone(), g.generators.clone(), g.range),
            // `sum(gen(n))` of a generator function: as `sum([v for v in gen(n)])`.
            // `sum(range(n))`, `l.extend(range(n))`: as of the list
            // comprehension over the range (a range is only ever iterated).
            [ast::Expr::Call(inner)]
                if self.makes_generator(&inner.func) || self.is_range_call(inner) =>
            {
                let (elt, generators) = each_item(&c.args[0]);
                (elt, generators, inner.range)
            }
            _ => return None,
        };
        // `any`/`all` stop early: only a range, which has no side effects,
        // may be built whole for them.
        let of_range =
            matches!(c.args.as_slice(), [ast::Expr::Call(inner)] if self.is_range_call(inner));
        let eager = match &*c.func {
            ast::Expr::Name(n) => {
                (matches!(n.id.as_str(), "sum" | "min" | "max" | "sorted" | "set")
                    || (of_range && matches!(n.id.as_str(), "any" | "all")))
                    && self.is_builtin(n.id.as_str())
            }
            ast::Expr::Attribute(a) => matches!(a.attr.as_str(), "join" | "extend"),
            _ => false,
        };
        if !eager {
            return None;
        }
        let mut rewritten = c.clone();
        rewritten.args = vec![ast::Expr::ListComp(ast::ExprListComp {
            range,
            elt,
            generators,
        })];
        Some(rewritten)
    }

    /// `f` names a generator function of the module (known when the graph
    /// is built).
    fn makes_generator(&self, f: &ast::Expr) -> bool {
        let ast::Expr::Name(n) = f else {
            return false;
        };
        if self.locals.contains(n.id.as_str()) {
            return false;
        }
        match self.program.module(self.module).globals.get(n.id.as_str()) {
            Some(crate::parse::program::Global::Func(f)) => matches!(
                self.program.function(*f).generator,
                Some(crate::parse::program::GeneratorPart::Maker { .. })
            ),
            _ => false,
        }
    }

    /// The arguments of the range of `iter(range(...))` when the parse
    /// phase gave the call a range helper (see parse/iterators.rs).
    fn range_iterator<'e>(&self, helper: FuncId, arg: &'e ast::Expr) -> Option<&'e [ast::Expr]> {
        let params = &self.program.function(helper).params;
        let args = crate::parse::iterators::range_call_args(arg)?;
        (params[0].name.as_ref() == crate::parse::iterators::RANGE_PARAMS[0]
            && self.is_builtin("range"))
        .then_some(args)
    }

    /// `next(it)` and `next(it, default)` of a generator: resume it; when
    /// it has finished, StopIteration or the default.
    fn next_call(&mut self, c: &ast::ExprCall) -> ExprResult {
        let span = self.span(c);
        let gen = self.expr(&c.args[0])?;
        let held = self.hold(gen.clone());
        // The default is evaluated first, as CPython does, and held (as
        // any value is) across the blocks that resume the generator.
        let default = match c.args.get(1) {
            Some(d) => {
                let v = self.expr(d)?;
                Some(self.hold(v))
            }
            None => None,
        };
        let result = self.hidden("next");
        let gen = self.state()[&held].clone();
        let more = self.emit(HlOp::GenResume, vec![gen], span, None);
        let (yielded, finished) = self.branch(more);
        self.join(yielded, span);
        let gen = self.take(&held);
        if let Some(h) = &default {
            self.take(h);
        }
        let field = crate::parse::generators::VALUE_FIELD.into();
        let v = self.emit(HlOp::GetAttr(field), vec![gen], span, None);
        self.state().insert(result.clone(), v);
        let mut after = self.goto();
        self.join(finished, span);
        if self.current.is_some() {
            match default {
                Some(held_default) => {
                    let d = self.take(&held_default);
                    self.state().insert(result.clone(), d);
                    after.extend(self.goto());
                }
                None => {
                    let class = self.program.builtin_classes["StopIteration"];
                    let exc = self.emit(
                        HlOp::Call {
                            keywords: std::rc::Rc::from([]),
                        },
                        vec![Value::Const(crate::flowgraph::ir::Constant::Class(class))],
                        span,
                        None,
                    );
                    self.raise_value(exc, span);
                }
            }
        }
        self.join(after, span);
        Ok(self
            .state()
            .shift_remove(&result)
            .expect("set on every path"))
    }
}

impl Builder<'_> {
    /// `with m as v: body` as
    /// `$mgr = m; v = $mgr.$enter(); try: body finally: $mgr.$exit()`,
    /// one item at a time. The `$` methods exist for files only (their
    /// exit closes them); CPython would also pass the exception to
    /// `__exit__`, which a file ignores.
    pub(super) fn with_as_try(
        &mut self,
        items: &[ast::WithItem],
        body: &[ast::Stmt],
        range: ast::text_size::TextRange,
    ) -> ast::Stmt {
        let Some((first, rest)) = items.split_first() else {
            return ast::Stmt::If(ast::StmtIf {
                range,
                test: Box::new(ast::Expr::Constant(ast::ExprConstant {
                    range,
                    value: ast::Constant::Bool(true),
                    kind: None,
                })),
                body: body.to_vec(),
                orelse: vec![],
            });
        };
        let mgr = self.hidden("mgr");
        let name = |ctx| {
            ast::Expr::Name(ast::ExprName {
                range,
                id: ast::Identifier::new(&*mgr),
                ctx,
            })
        };
        let call = |method: &str| {
            ast::Expr::Call(ast::ExprCall {
                range,
                func: Box::new(ast::Expr::Attribute(ast::ExprAttribute {
                    range,
                    value: Box::new(name(ast::ExprContext::Load)),
                    attr: ast::Identifier::new(method),
                    ctx: ast::ExprContext::Load,
                })),
                args: vec![],
                keywords: vec![],
            })
        };
        let assign = |target: ast::Expr, value: ast::Expr| {
            ast::Stmt::Assign(ast::StmtAssign {
                range,
                targets: vec![target],
                value: Box::new(value),
                type_comment: None,
            })
        };
        let mut stmts = vec![assign(
            name(ast::ExprContext::Store),
            first.context_expr.clone(),
        )];
        let entered = call("$enter");
        stmts.push(match &first.optional_vars {
            Some(v) => assign((**v).clone(), entered),
            None => ast::Stmt::Expr(ast::StmtExpr {
                range,
                value: Box::new(entered),
            }),
        });
        let inner = if rest.is_empty() {
            body.to_vec()
        } else {
            vec![self.with_as_try(rest, body, range)]
        };
        stmts.push(ast::Stmt::Try(ast::StmtTry {
            range,
            body: inner,
            handlers: vec![],
            orelse: vec![],
            finalbody: vec![ast::Stmt::Expr(ast::StmtExpr {
                range,
                value: Box::new(call("$exit")),
            })],
        }));
        ast::Stmt::If(ast::StmtIf {
            range,
            test: Box::new(ast::Expr::Constant(ast::ExprConstant {
                range,
                value: ast::Constant::Bool(true),
                kind: None,
            })),
            body: stmts,
            orelse: vec![],
        })
    }
}

/// The element and loop of `[v for v in iterable]`.
fn each_item(iterable: &ast::Expr) -> (Box<ast::Expr>, Vec<ast::Comprehension>) {
    use rustpython_parser::ast::Ranged;
    let item = |ctx| {
        Box::new(ast::Expr::Name(ast::ExprName {
            range: iterable.range(),
            id: ast::Identifier::new("$item"),
            ctx,
        }))
    };
    let generators = vec![ast::Comprehension {
        range: Default::default(),
        target: *item(ast::ExprContext::Store),
        iter: iterable.clone(),
        ifs: vec![],
        is_async: false,
    }];
    (item(ast::ExprContext::Load), generators)
}

/// `dict()` is `{}`; `dict(zip(a, b))` and `dict([(k, v), ...])` (a list
/// display or comprehension of pairs) are `{k: v for k, v in ...}`. Other
/// arguments are not rewritten: without types, `dict(x)` could be a copy
/// of a dict as well as pairs, so it stays refused (with a message).
fn dict_call_as_display(c: &ast::ExprCall) -> Option<ast::Expr> {
    let range = c.range;
    let Some(arg) = c.args.first() else {
        return Some(ast::Expr::Dict(ast::ExprDict {
            range,
            keys: vec![],
            values: vec![],
        }));
    };
    let pairs = match arg {
        ast::Expr::Call(z) => {
            matches!(&*z.func, ast::Expr::Name(n) if n.id.as_str() == "zip") && z.args.len() == 2
        }
        ast::Expr::List(_) | ast::Expr::ListComp(_) => true,
        _ => false,
    };
    if !pairs {
        return None;
    }
    let name = |id: &str, ctx| {
        ast::Expr::Name(ast::ExprName {
            range,
            id: ast::Identifier::new(id),
            ctx,
        })
    };
    let (k, v) = ("dict_key", "dict_value");
    Some(ast::Expr::DictComp(ast::ExprDictComp {
        range,
        key: Box::new(name(k, ast::ExprContext::Load)),
        value: Box::new(name(v, ast::ExprContext::Load)),
        generators: vec![ast::Comprehension {
            range: Default::default(),
            target: ast::Expr::Tuple(ast::ExprTuple {
                range,
                elts: vec![
                    name(k, ast::ExprContext::Store),
                    name(v, ast::ExprContext::Store),
                ],
                ctx: ast::ExprContext::Store,
            }),
            iter: arg.clone(),
            ifs: vec![],
            is_async: false,
        }],
    }))
}

/// Python builtins the translator does not provide: why, and what to
/// write instead (so `tuple(x)` is not reported as an undefined name).
pub(super) fn unsupported_builtin(name: &str) -> Option<(&'static str, Option<&'static str>)> {
    const DYNAMIC: &str =
        "is not supported by the translator: the whole program is typed when translating, so code cannot be created or inspected at run time";
    Some(match name {
        "tuple" => (
            "is not supported: a tuple's length and item types must be known when translating",
            Some("write the tuple out, e.g. `(items[0], items[1])`, or keep a list"),
        ),
        "dict" => (
            "is supported only as `dict()`, `dict(zip(keys, values))` or `dict` of a list of pairs written out",
            Some("for a copy of a dict use `d.copy()`; a dict comprehension builds one from anything iterable"),
        ),
        "range" => (
            "is supported only as what a `for` loop or comprehension iterates over (also inside `zip` or `enumerate`), or given whole to `list`, `reversed`, `sum`, `min`, `max`, `sorted`, `set`, `any`, `all` or `extend`",
            Some("to keep numbers, build a list: `list(range(n))`"),
        ),
        "map" | "filter" => (
            "is not supported by the translator",
            Some("use a list comprehension: `[f(x) for x in items]` or `[x for x in items if f(x)]`"),
        ),
        "eval" | "exec" | "compile" | "globals" | "locals" | "vars" | "getattr" | "setattr"
        | "hasattr" | "delattr" | "type" | "id" | "callable" | "__import__" => (DYNAMIC, None),
        "input" | "format" | "frozenset" | "bytearray" | "memoryview" | "complex" | "slice"
        | "ascii" | "breakpoint" | "help" | "dir" | "object" | "property" | "staticmethod"
        | "classmethod" | "aiter" | "anext" => ("is not supported by the translator", None),
        _ => return None,
    })
}
