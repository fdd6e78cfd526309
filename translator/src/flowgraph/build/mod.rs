//! Builds the flow graph of one Python function from its AST.
//!
//! The builder keeps a frame state (Python local name -> value) for the
//! block being filled. Every control-flow edge is first a `Pending` edge
//! carrying the state at its source; `join` turns a set of pending edges
//! into a new block whose input variables are the names defined on every
//! incoming path, so variables stay local to the block that defines them.
//! Chains of trivial blocks are merged afterwards by `simplify`.

use super::hlop::{BinOp, CmpOp, HlOp, UnOp};
use super::ir::{BlockId, Builtin, ClassId, Constant, FuncId, Graph, Link, Value};
use crate::diagnostics::{Diagnostic, Span};
use crate::parse::consteval;
use crate::parse::names::collect_assigned_names;
use crate::parse::program::{GeneratorPart, Global, Program};
use indexmap::IndexMap;
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

mod assign;
mod classes;
mod closures;
mod exceptions;
mod generators;
mod hints;
mod loops;
mod sugar;
use loops::Comprehension;
mod rlib;
mod strings;
use exceptions::{can_raise, common_base, FinallyCtx, TryCtx};

/// The frame state: what each name holds, and where it was bound (for
/// messages that name both places of a type conflict).
#[derive(Clone, Default)]
struct State {
    values: IndexMap<Rc<str>, Value>,
    origins: HashMap<Rc<str>, Span>,
}

impl State {
    fn new() -> State {
        State::default()
    }
}

impl std::ops::Deref for State {
    type Target = IndexMap<Rc<str>, Value>;
    fn deref(&self) -> &Self::Target {
        &self.values
    }
}

impl std::ops::DerefMut for State {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.values
    }
}

/// Hidden state names start with `$`; the bound flag of local `x` is
/// `$bound:x`, a bool that is false on paths where `x` is unbound.
const BOUND_PREFIX: &str = "$bound:";

fn bound_flag(name: &str) -> Rc<str> {
    format!("{BOUND_PREFIX}{name}").into()
}

fn is_flag(name: &str) -> bool {
    name.starts_with(BOUND_PREFIX)
}

/// Rebuilds `state` with exactly `names`, in that order: an unbound local
/// gets the undefined placeholder, a bound flag its value (true where the
/// state has the local and no flag of its own).
fn conform(state: &mut State, names: &[Rc<str>]) {
    let mut out = State::new();
    for n in names {
        let v = match (state.get(n), n.strip_prefix(BOUND_PREFIX)) {
            (Some(v), _) => v.clone(),
            (None, Some(local)) => Value::Const(Constant::Bool(state.contains_key(local))),
            (None, None) => Value::Const(Constant::Undefined),
        };
        out.insert(n.clone(), v);
    }
    out.origins = std::mem::take(&mut state.origins);
    *state = out;
}

struct Pending {
    from: BlockId,
    exitcase: Option<bool>,
    state: State,
}

struct LoopCtx {
    header: BlockId,
    header_names: Vec<Rc<str>>,
    breaks: Vec<Pending>,
}

/// Builds the graph of `func`; errors are collected, not stopped at.
pub fn build_graph(program: &Program, func: FuncId) -> Result<Graph<HlOp>, Vec<Diagnostic>> {
    let f = program.function(func);
    if let Some(d) = &f.unsupported {
        return Err(vec![d.clone()]);
    }
    let span = Span::new(f.file, f.def.range.start().into(), f.def.range.end().into());
    let mut graph = Graph {
        name: program.qualname(func),
        func,
        blocks: vec![],
        vars: vec![],
        startblock: BlockId(0),
        returnblock: BlockId(0),
        span,
    };
    let mut state = State::new();
    let mut inputs = vec![];
    for p in &f.params {
        let v = graph.new_var(Some(p.name.clone()), p.span);
        inputs.push(v);
        state.insert(p.name.clone(), Value::Var(v));
        state.origins.insert(p.name.clone(), p.span);
    }
    graph.startblock = graph.new_block(inputs);
    let ret = graph.new_var(Some("result".into()), span);
    graph.returnblock = graph.new_block(vec![ret]);
    // A lifted `def` calls itself by its own name (a generator's resume
    // function: its maker).
    if let Some(own) = &f.nested_name {
        let itself = match f.generator {
            Some(GeneratorPart::Resume { maker, .. }) => maker,
            _ => func,
        };
        state.insert(own.as_str().into(), Value::Const(Constant::Func(itself)));
    }
    let mut locals = HashSet::new();
    for p in &f.params {
        locals.insert(p.name.to_string());
    }
    collect_assigned_names(&f.def.body, &mut locals);
    if f.is_module_init {
        // Module-level code binds module variables, not locals.
        let globals = &program.module(f.module).globals;
        locals.retain(|n| !matches!(globals.get(n), Some(Global::Var(_))));
    }
    let mut b = Builder {
        program,
        file: f.file,
        module: f.module,
        graph,
        current: Some((BlockId(0), state)),
        loops: vec![],
        tries: vec![],
        finallies: vec![],
        handling: vec![],
        errors: vec![],
        locals,
        hidden_counter: 0,
        // A generator's return hint describes what it yields (an
        // `Iterator[int]`), which the translator does not check.
        return_hint: f.def.returns.clone().filter(|_| f.generator.is_none()),
        resume_dispatch_from: None,
        resumes: vec![],
    };
    b.current.as_mut().unwrap().0 = b.graph.startblock;
    if let Some(GeneratorPart::Resume { maker, .. }) = f.generator {
        let params: Vec<Rc<str>> = program
            .function(maker)
            .params
            .iter()
            .map(|p| p.name.clone())
            .collect();
        b.resume_prologue(&params, span);
    }
    if let Err(d) = b.hint_parameters(&f.def.args) {
        b.errors.push(d);
    }
    let end = Span::new(span.file, span.end, span.end);
    match f.generator {
        Some(GeneratorPart::Maker { class, .. }) => b.build_maker(class, span),
        Some(GeneratorPart::Resume { .. }) => {
            b.stmts(&f.def.body);
            if b.current.is_some() {
                b.emit_return(Value::Const(Constant::Bool(false)), end);
            }
            b.resume_dispatch(span);
        }
        None => {
            b.stmts(&f.def.body);
            if b.current.is_some() {
                b.emit_return(Value::Const(Constant::None), end);
            }
        }
    }
    if !b.errors.is_empty() {
        return Err(b.errors);
    }
    let mut graph = b.graph;
    super::simplify::simplify_graph(&mut graph);
    Ok(graph)
}

struct Builder<'p> {
    program: &'p Program,
    tries: Vec<TryCtx>,
    finallies: Vec<FinallyCtx>,
    /// The state names holding the exceptions being handled (innermost
    /// last), for a bare `raise`.
    handling: Vec<Rc<str>>,
    file: u32,
    module: crate::parse::program::ModuleId,
    graph: Graph<HlOp>,
    /// The block being filled and its frame state; `None` after a return,
    /// break or continue (the code that follows is unreachable).
    current: Option<(BlockId, State)>,
    loops: Vec<LoopCtx>,
    errors: Vec<Diagnostic>,
    locals: HashSet<String>,
    hidden_counter: u32,
    /// The function's `-> T`, applied to every value it returns.
    return_hint: Option<Box<ast::Expr>>,
    /// In a generator's resume function: the entry's edges taken when
    /// the generator has started, and the state name of its resume point.
    resume_dispatch_from: Option<(Vec<Pending>, Rc<str>)>,
    /// The block each `yield` resumes in, by resume point (from 1).
    resumes: Vec<BlockId>,
}

type ExprResult = Result<Value, Diagnostic>;

impl Builder<'_> {
    fn span(&self, node: &impl Ranged) -> Span {
        Span::new(self.file, node.start().into(), node.end().into())
    }

    fn unsupported(&self, node: &impl Ranged, what: &str) -> Diagnostic {
        Diagnostic::error(
            self.span(node),
            format!("{what} is not supported by the translator yet"),
        )
    }

    /// A name for a compiler temporary kept in the frame state; `$` keeps
    /// it apart from Python names.
    fn hidden(&mut self, what: &str) -> Rc<str> {
        self.hidden_counter += 1;
        format!("${what}{}", self.hidden_counter).into()
    }

    fn state(&mut self) -> &mut State {
        &mut self
            .current
            .as_mut()
            .expect("emitting into unreachable code")
            .1
    }

    fn emit(&mut self, op: HlOp, args: Vec<Value>, span: Span, name: Option<Rc<str>>) -> Value {
        let raising = !self.tries.is_empty() && can_raise(&op);
        let v = self.emit_op(op, args, span, name);
        if raising {
            self.split_after_raising_op(v, span)
        } else {
            v
        }
    }

    fn emit_op(&mut self, op: HlOp, args: Vec<Value>, span: Span, name: Option<Rc<str>>) -> Value {
        let result = self.graph.new_var(name, span);
        let block = self
            .current
            .as_ref()
            .expect("emitting into unreachable code")
            .0;
        self.graph
            .block_mut(block)
            .operations
            .push(super::ir::Operation::new(op, args, result, span));
        Value::Var(result)
    }

    /// Ends the current block with a single pending exit.
    fn goto(&mut self) -> Vec<Pending> {
        match self.current.take() {
            Some((from, state)) => vec![Pending {
                from,
                exitcase: None,
                state,
            }],
            None => vec![],
        }
    }

    /// Ends the current block with a two-way switch on `cond` (a bool).
    fn branch(&mut self, cond: Value) -> (Vec<Pending>, Vec<Pending>) {
        let Some((from, state)) = self.current.take() else {
            return (vec![], vec![]);
        };
        if let Value::Const(Constant::Bool(b)) = cond {
            let p = vec![Pending {
                from,
                exitcase: None,
                state,
            }];
            return if b { (p, vec![]) } else { (vec![], p) };
        }
        self.graph.block_mut(from).exitswitch = Some(cond);
        let f = Pending {
            from,
            exitcase: Some(false),
            state: state.clone(),
        };
        let t = Pending {
            from,
            exitcase: Some(true),
            state,
        };
        (vec![t], vec![f])
    }

    /// Starts a new block reached by all of `edges`; its inputs are the
    /// names bound on any incoming path. A local bound on only some paths
    /// gets a hidden flag saying whether it is bound (see `bound_flag`).
    fn join(&mut self, mut edges: Vec<Pending>, span: Span) {
        if edges.is_empty() {
            self.current = None;
            return;
        }
        // Python locals on any edge; compiler temporaries only when on all.
        let mut names: Vec<Rc<str>> = vec![];
        for e in &edges {
            for n in e.state.keys() {
                let hidden_partial = n.starts_with('$')
                    && !is_flag(n)
                    && !edges.iter().all(|e| e.state.contains_key(n));
                if !names.contains(n) && !hidden_partial {
                    names.push(n.clone());
                }
            }
        }
        self.complete_states(&mut edges, &names);
        let names: Vec<Rc<str>> = edges[0].state.keys().cloned().collect();
        let (block, state, _) = self.link_to_new_block(edges, &names, span, None);
        self.current = Some((block, state));
    }

    /// Gives every edge a value for each of `names` (an undefined
    /// placeholder where it is unbound) and a bound flag for each local
    /// that is unbound on some edge, so all states have the same keys in
    /// the same order.
    fn complete_states(&mut self, edges: &mut [Pending], names: &[Rc<str>]) {
        let mut order: Vec<Rc<str>> = vec![];
        for n in names.iter().filter(|n| !is_flag(n)) {
            order.push(n.clone());
            let flag = bound_flag(n);
            let needs_flag = edges
                .iter()
                .any(|e| !e.state.contains_key(n) || e.state.contains_key(&flag));
            if needs_flag {
                order.push(flag);
            }
        }
        for e in edges.iter_mut() {
            conform(&mut e.state, &order);
        }
    }

    /// Starts a block reached by `edges`, which all carry `names`. A name
    /// that is the same constant on every edge stays that constant instead
    /// of becoming an input; for a loop header (`loop_assigned` given: the
    /// locals its body assigns) that holds for constants the body never
    /// reassigns. Returns the block, its state and its input names.
    fn link_to_new_block(
        &mut self,
        edges: Vec<Pending>,
        names: &[Rc<str>],
        span: Span,
        loop_assigned: Option<&HashSet<String>>,
    ) -> (BlockId, State, Vec<Rc<str>>) {
        let constant = |n: &Rc<str>| -> Option<Value> {
            let v = edges[0].state.get(n)?;
            if !matches!(v, Value::Const(c) if c.is_value()) {
                return None;
            }
            let stays = match loop_assigned {
                None => edges.iter().all(|e| e.state.get(n) == Some(v)),
                Some(assigned) => {
                    let local = n.strip_prefix(BOUND_PREFIX).unwrap_or(n);
                    !local.starts_with('$') && !assigned.contains(local)
                }
            };
            stays.then(|| v.clone())
        };
        let mut state = State::new();
        let mut inputs = vec![];
        let mut input_names = vec![];
        for n in names {
            let value = match constant(n) {
                Some(c) => c,
                None => {
                    let v = self.graph.new_var(
                        if n.starts_with('$') {
                            None
                        } else {
                            Some(n.clone())
                        },
                        span,
                    );
                    inputs.push(v);
                    input_names.push(n.clone());
                    Value::Var(v)
                }
            };
            state.insert(n.clone(), value);
            if let Some(origin) = edges[0].state.origins.get(n) {
                state.origins.insert(n.clone(), *origin);
            }
        }
        let target = self.graph.new_block(inputs);
        for e in edges {
            self.add_link(e, target, &input_names, span);
        }
        (target, state, input_names)
    }

    fn add_link(&mut self, e: Pending, target: BlockId, names: &[Rc<str>], span: Span) {
        let args = names.iter().map(|n| e.state[n].clone()).collect();
        let arg_spans = names
            .iter()
            .map(|n| e.state.origins.get(n).copied().unwrap_or(span))
            .collect();
        let exitcase = e.exitcase;
        self.graph.block_mut(e.from).exits.push(Link {
            target,
            args,
            arg_spans,
            exitcase,
            span,
        });
    }

    fn emit_return(&mut self, value: Value, span: Span) {
        let value = match self.hint_return(value.clone(), span) {
            Ok(v) => v,
            Err(d) => {
                self.errors.push(d);
                value
            }
        };
        let (from, _) = self.current.take().expect("return from unreachable code");
        let target = self.graph.returnblock;
        let link = Link {
            target,
            args: vec![value],
            arg_spans: vec![span],
            exitcase: None,
            span,
        };
        self.graph.block_mut(from).exits.push(link);
    }

    // ---- statements -------------------------------------------------------

    fn stmts(&mut self, body: &[ast::Stmt]) {
        for s in body {
            if self.current.is_none() {
                return; // unreachable code after return/break/continue
            }
            if let Err(d) = self.stmt(s) {
                self.errors.push(d);
                let Some((_, state)) = &mut self.current else {
                    return;
                };
                // The names the statement would have bound count as bound,
                // so that reading them later is not reported too.
                let mut names = std::collections::HashSet::new();
                crate::parse::names::collect_assigned_names(std::slice::from_ref(s), &mut names);
                let mut names: Vec<String> = names.into_iter().collect();
                names.sort();
                for name in names {
                    state.shift_remove(&bound_flag(&name));
                    state.insert(name.into(), Value::Const(Constant::None));
                }
            }
        }
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), Diagnostic> {
        match s {
            ast::Stmt::Expr(e) => {
                self.expr(&e.value)?;
            }
            ast::Stmt::Pass(_) => {}
            // `a, b = x, y`: no tuple is built.
            ast::Stmt::Assign(a)
                if matches!(
                    (a.targets.as_slice(), &*a.value),
                    ([ast::Expr::Tuple(t)], ast::Expr::Tuple(v)) if t.elts.len() == v.elts.len()
                        && !t.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)))
                ) =>
            {
                let (ast::Expr::Tuple(t), ast::Expr::Tuple(v)) = (&a.targets[0], &*a.value) else {
                    unreachable!()
                };
                let values = self.eval_all(&v.elts.iter().collect::<Vec<_>>())?;
                let held: Vec<Rc<str>> = values.into_iter().map(|x| self.hold(x)).collect();
                for (target, h) in t.elts.iter().zip(held) {
                    let x = self.take(&h);
                    self.assign(target, x)?;
                }
            }
            ast::Stmt::Assign(a) => {
                let v = self.expr(&a.value)?;
                for t in &a.targets {
                    self.assign(t, v.clone())?;
                }
            }
            ast::Stmt::AnnAssign(a) => match &a.value {
                Some(value) => {
                    let v = self.expr(value)?;
                    let what = match &*a.target {
                        ast::Expr::Name(n) => format!("variable `{}`", n.id),
                        ast::Expr::Attribute(t) => format!("attribute `{}`", t.attr),
                        _ => "this value".to_string(),
                    };
                    let v = self.apply_hint(v, &a.annotation, &what)?;
                    self.assign(&a.target, v)?;
                }
                None => return Err(self.unsupported(s, "a bare annotation without a value")),
            },
            ast::Stmt::AugAssign(a) if matches!(&*a.target, ast::Expr::Attribute(_)) => {
                let ast::Expr::Attribute(t) = &*a.target else {
                    unreachable!()
                };
                let span = self.span(s);
                let obj = self.expr(&t.value)?;
                let name: Rc<str> = t.attr.as_str().into();
                // Held from before the first operation that can raise: in
                // a `try`, each such operation ends its block, and the
                // object must be carried into the next.
                let held_obj = self.hold(obj);
                let obj = self.state()[&held_obj].clone();
                let old = self.emit(
                    HlOp::GetAttr(name.clone()),
                    vec![obj],
                    self.span(&*a.target),
                    None,
                );
                let held = self.hold(old);
                let rhs = self.expr(&a.value)?;
                let old = self.take(&held);
                let Some(op) = binop(a.op) else {
                    return Err(self.unsupported(s, "the `@` operator"));
                };
                let v = self.emit(HlOp::InplaceBinary(op), vec![old, rhs], span, None);
                let obj = self.take(&held_obj);
                self.emit(HlOp::SetAttr(name), vec![obj, v], span, None);
            }
            // `seq[i] op= v`: seq and i are evaluated once.
            ast::Stmt::AugAssign(a) if matches!(&*a.target, ast::Expr::Subscript(t) if !matches!(&*t.slice, ast::Expr::Slice(_))) =>
            {
                let ast::Expr::Subscript(t) = &*a.target else {
                    unreachable!()
                };
                let span = self.span(s);
                let ci = self.eval_all(&[&t.value, &t.slice])?;
                let (held_seq, held_idx) = (self.hold(ci[0].clone()), self.hold(ci[1].clone()));
                let (seq, idx) = (
                    self.state()[&held_seq].clone(),
                    self.state()[&held_idx].clone(),
                );
                let old = self.emit(HlOp::GetItem, vec![seq, idx], self.span(&*a.target), None);
                let held = self.hold(old);
                let rhs = self.expr(&a.value)?;
                let old = self.take(&held);
                let Some(op) = binop(a.op) else {
                    return Err(self.unsupported(s, "the `@` operator"));
                };
                let v = self.emit(HlOp::InplaceBinary(op), vec![old, rhs], span, None);
                let (seq, idx) = (self.take(&held_seq), self.take(&held_idx));
                self.emit(HlOp::SetItem, vec![seq, idx, v], span, None);
            }
            ast::Stmt::AugAssign(a) => {
                let ast::Expr::Name(n) = &*a.target else {
                    return Err(self.unsupported(&*a.target, "augmented assignment to this target"));
                };
                let old = self.load_name(n)?;
                let held = self.hold(old);
                let rhs = self.expr(&a.value)?;
                let old = self.take(&held);
                let Some(op) = binop(a.op) else {
                    return Err(self.unsupported(s, "the `@` operator"));
                };
                let v = self.emit(
                    HlOp::InplaceBinary(op),
                    vec![old, rhs],
                    self.span(s),
                    Some(n.id.as_str().into()),
                );
                self.assign(&a.target, v)?;
            }
            ast::Stmt::Return(r) => {
                let mut v = match &r.value {
                    Some(e) => self.expr(e)?,
                    None => Value::Const(Constant::None),
                };
                if self.resume_dispatch_from.is_some() {
                    // A generator's `return` ends it: its resume function
                    // returns False.
                    if v != Value::Const(Constant::None) {
                        return Err(Diagnostic::error(
                            self.span(s),
                            "`return` with a value in a generator is not supported",
                        )
                        .with_help("use a bare `return`"));
                    }
                    v = Value::Const(Constant::Bool(false));
                }
                let held = self.hold(v);
                self.run_finallies(0);
                if self.current.is_some() {
                    let v = self.take(&held);
                    self.emit_return(v, self.span(s));
                }
            }
            ast::Stmt::If(i) => {
                let (t, f) = self.condition(&i.test)?;
                let span = self.span(s);
                let narrowing = self.isinstance_test(&i.test);
                let (not_none_if_true, not_none_if_false) = self.none_tests(&i.test);
                self.join(t, span);
                if let Some((name, classes, true)) = &narrowing {
                    self.narrow(name, classes, span);
                }
                for name in &not_none_if_true {
                    self.narrow_not_none(name, span);
                }
                self.stmts(&i.body);
                let mut after = self.goto();
                self.join(f, span);
                if let Some((name, classes, false)) = &narrowing {
                    self.narrow(name, classes, span);
                }
                for name in &not_none_if_false {
                    self.narrow_not_none(name, span);
                }
                self.stmts(&i.orelse);
                after.extend(self.goto());
                self.join(after, span);
            }
            ast::Stmt::While(w) => self.while_loop(w)?,
            ast::Stmt::For(f) => self.for_loop(f)?,
            ast::Stmt::Break(_) => {
                if self.loops.is_empty() {
                    return Err(Diagnostic::error(self.span(s), "`break` outside a loop"));
                }
                self.run_finallies(self.loops.len());
                let Some((from, state)) = self.current.take() else {
                    return Ok(());
                };
                let ctx = self.loops.last_mut().unwrap();
                ctx.breaks.push(Pending {
                    from,
                    exitcase: None,
                    state,
                });
            }
            ast::Stmt::Continue(_) => {
                if self.loops.is_empty() {
                    return Err(Diagnostic::error(self.span(s), "`continue` outside a loop"));
                }
                self.run_finallies(self.loops.len());
                if self.current.is_some() {
                    self.continue_loop();
                }
            }
            ast::Stmt::Global(_) | ast::Stmt::Nonlocal(_) => {
                return Err(Diagnostic::error(
                    self.span(s),
                    "`global` and `nonlocal` are not supported: module-level names are constants",
                )
                .with_help("pass the value as an argument and return the new value"));
            }
            ast::Stmt::FunctionDef(d) => {
                // Lifted to the module by the parse phase: the name is bound
                // to that function.
                let f = self.lifted(d.range)?;
                let value = self.function_value(f, self.span(s))?;
                self.state().insert(d.name.as_str().into(), value);
            }
            ast::Stmt::ClassDef(_) => {
                return Err(self.unsupported(s, "a class definition inside a function"))
            }
            ast::Stmt::Try(t) => self.try_stmt(t)?,
            ast::Stmt::TryStar(_) => return Err(self.unsupported(s, "`except*`")),
            ast::Stmt::Raise(r) => self.raise_stmt(r)?,
            ast::Stmt::Assert(a) => {
                let span = self.span(s);
                let (ok, failed) = self.condition(&a.test)?;
                self.join(failed, span);
                if self.current.is_some() {
                    let class = Value::Const(Constant::Class(
                        self.program.builtin_classes["AssertionError"],
                    ));
                    let mut args = vec![class];
                    if let Some(msg) = &a.msg {
                        args.push(self.expr(msg)?);
                    }
                    let exc = self.emit(
                        HlOp::Call {
                            keywords: Rc::from([]),
                        },
                        args,
                        span,
                        None,
                    );
                    self.raise_value(exc, span);
                }
                self.join(ok, span);
                if let Some((name, classes, true)) = self.isinstance_test(&a.test) {
                    self.narrow(&name, &classes, span);
                }
                for name in self.none_tests(&a.test).0 {
                    self.narrow_not_none(&name, span);
                }
            }
            ast::Stmt::With(w) => {
                let desugared = self.with_as_try(&w.items, &w.body, w.range);
                self.stmt(&desugared)?;
            }
            ast::Stmt::Delete(d) => {
                for t in &d.targets {
                    let ast::Expr::Subscript(sub) = t else {
                        return Err(self.unsupported(t, "`del` of anything but `seq[key]`"));
                    };
                    if let ast::Expr::Slice(sl) = &*sub.slice {
                        let operands = self.slice_operands(&sub.value, sl)?;
                        self.emit(HlOp::DelSlice, operands, self.span(t), None);
                        continue;
                    }
                    let ci = self.eval_all(&[&sub.value, &sub.slice])?;
                    let span = self.span(t);
                    self.emit(HlOp::DelItem, ci, span, None);
                }
            }
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => {
                return Err(self
                    .unsupported(s, "an import inside a function")
                    .with_help("move the import to the top of the module"))
            }
            _ => return Err(self.unsupported(s, "this statement")),
        }
        Ok(())
    }

    /// `seq[lo:hi:st]`'s operands, evaluated in order: seq, lo, hi, st
    /// (None where missing).
    fn slice_operands(
        &mut self,
        seq: &ast::Expr,
        sl: &ast::ExprSlice,
    ) -> Result<Vec<Value>, Diagnostic> {
        let none = Value::Const(Constant::None);
        let parts: Vec<&ast::Expr> = [&sl.lower, &sl.upper, &sl.step]
            .into_iter()
            .flatten()
            .map(|b| &**b)
            .collect();
        let mut exprs = vec![seq];
        exprs.extend(parts);
        let mut values = self.eval_all(&exprs)?.into_iter();
        let seq = values.next().unwrap();
        let mut bound = |b: &Option<Box<ast::Expr>>| match b {
            Some(_) => values.next().unwrap(),
            None => none.clone(),
        };
        let (lo, hi, st) = (bound(&sl.lower), bound(&sl.upper), bound(&sl.step));
        Ok(vec![seq, lo, hi, st])
    }

    // ---- conditions -------------------------------------------------------

    /// Compiles `test` as control flow: the edges taken when it is true and
    /// when it is false. `and`, `or` and `not` become jumps, so their
    /// operands need not share a type.
    fn condition(&mut self, test: &ast::Expr) -> Result<(Vec<Pending>, Vec<Pending>), Diagnostic> {
        let span = self.span(test);
        match test {
            ast::Expr::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                let mut short = vec![]; // edges that decide the whole expression
                let n = b.values.len();
                for (k, v) in b.values.iter().enumerate() {
                    let (t, f) = self.condition(v)?;
                    let (go_on, decided) = if is_and { (t, f) } else { (f, t) };
                    short.extend(decided);
                    if k + 1 < n {
                        self.join(go_on, span);
                        if self.current.is_none() {
                            break;
                        }
                    } else {
                        let (t, f) = if is_and {
                            (go_on, short)
                        } else {
                            (short, go_on)
                        };
                        return Ok((t, f));
                    }
                }
                Ok(if is_and {
                    (vec![], short)
                } else {
                    (short, vec![])
                })
            }
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                let (t, f) = self.condition(&u.operand)?;
                Ok((f, t))
            }
            ast::Expr::Compare(c) if c.ops.len() > 1 => {
                let mut left = self.expr(&c.left)?;
                let mut falses = vec![];
                for (k, (op, right)) in c.ops.iter().zip(&c.comparators).enumerate() {
                    let op = self.cmpop(*op, test)?;
                    let held_left = self.hold(left);
                    let right = self.expr(right)?;
                    left = self.take(&held_left);
                    let r = self.emit(HlOp::Compare(op), vec![left, right.clone()], span, None);
                    let (t, f) = self.branch(r);
                    falses.extend(f);
                    if k + 1 == c.ops.len() {
                        return Ok((t, falses));
                    }
                    // Carry the middle operand into the next comparison.
                    let held = self.hidden("cmp");
                    let mut t = t;
                    for p in &mut t {
                        p.state.insert(held.clone(), right.clone());
                    }
                    self.join(t, span);
                    if self.current.is_none() {
                        return Ok((vec![], falses));
                    }
                    left = self.state().shift_remove(&held).unwrap();
                }
                unreachable!("a chain has at least two comparisons")
            }
            _ => {
                let v = self.expr(test)?;
                let c = self.truth(v, span);
                Ok(self.branch(c))
            }
        }
    }

    fn truth(&mut self, v: Value, span: Span) -> Value {
        match &v {
            Value::Const(Constant::Bool(_)) => v,
            Value::Const(Constant::Int(i)) => Value::Const(Constant::Bool(*i != 0)),
            Value::Const(Constant::None) => Value::Const(Constant::Bool(false)),
            _ => self.emit(HlOp::Truth, vec![v], span, None),
        }
    }

    /// A value computed differently on the edges in `t` and `f`: each
    /// closure fills the hidden result name on its side.
    fn select(
        &mut self,
        t: Vec<Pending>,
        f: Vec<Pending>,
        span: Span,
        on_true: &mut dyn FnMut(&mut Self) -> ExprResult,
        on_false: &mut dyn FnMut(&mut Self) -> ExprResult,
    ) -> ExprResult {
        let result = self.hidden("r");
        self.join(t, span);
        if self.current.is_some() {
            let v = on_true(self)?;
            self.state().insert(result.clone(), v);
        }
        let mut after = self.goto();
        self.join(f, span);
        if self.current.is_some() {
            let v = on_false(self)?;
            self.state().insert(result.clone(), v);
        }
        after.extend(self.goto());
        self.join(after, span);
        Ok(self
            .state()
            .shift_remove(&result)
            .expect("both sides bind the result"))
    }

    // ---- expressions ------------------------------------------------------

    fn expr(&mut self, e: &ast::Expr) -> ExprResult {
        let span = self.span(e);
        match e {
            ast::Expr::Constant(c) => Ok(Value::Const(consteval::literal(&c.value, span)?)),
            ast::Expr::Name(n) => self.load_name(n),
            ast::Expr::BinOp(b) => {
                let Some(op) = binop(b.op) else {
                    return Err(self.unsupported(e, "the `@` operator"));
                };
                let lr = self.eval_all(&[&b.left, &b.right])?;
                Ok(self.emit(HlOp::Binary(op), lr, span, None))
            }
            ast::Expr::UnaryOp(u) => {
                if let (ast::UnaryOp::USub, ast::Expr::Constant(c)) = (u.op, &*u.operand) {
                    // Negative literals are constants; this also admits
                    // -9223372036854775808, whose digits alone overflow.
                    match &c.value {
                        ast::Constant::Int(i)
                            if i64::try_from(i).is_err() && (-i.clone()) == i64::MIN.into() =>
                        {
                            return Ok(Value::Const(Constant::Int(i64::MIN)));
                        }
                        ast::Constant::Int(_) | ast::Constant::Float(_) => {
                            match consteval::literal(&c.value, span)? {
                                Constant::Int(i) => return Ok(Value::Const(Constant::Int(-i))),
                                Constant::Float(f) => return Ok(Value::Const(Constant::Float(-f))),
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                }
                let v = self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::USub => UnOp::Neg,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                };
                // Sign changes of constants (`-k` with k = 2) stay constants,
                // so the annotator sees them (10 ** -k is a float).
                match (op, &v) {
                    (UnOp::Neg, Value::Const(Constant::Int(i))) if *i != i64::MIN => {
                        return Ok(Value::Const(Constant::Int(-i)))
                    }
                    (UnOp::Neg, Value::Const(Constant::Float(f))) => {
                        return Ok(Value::Const(Constant::Float(-f)))
                    }
                    (UnOp::Pos, Value::Const(Constant::Int(_) | Constant::Float(_))) => {
                        return Ok(v)
                    }
                    _ => {}
                }
                Ok(self.emit(HlOp::Unary(op), vec![v], span, None))
            }
            ast::Expr::Compare(c) => {
                if c.ops.len() == 1 {
                    let op = self.cmpop(c.ops[0], e)?;
                    let lr = self.eval_all(&[&c.left, &c.comparators[0]])?;
                    return Ok(self.emit(HlOp::Compare(op), lr, span, None));
                }
                // a < b < c: each middle operand evaluated once, stop at
                // the first false comparison.
                let (t, f) = self.condition(e)?;
                self.select(
                    t,
                    f,
                    span,
                    &mut |_| Ok(Value::Const(Constant::Bool(true))),
                    &mut |_| Ok(Value::Const(Constant::Bool(false))),
                )
            }
            ast::Expr::BoolOp(b) => self.boolop_value(b, 0),
            ast::Expr::IfExp(i) => {
                let (t, f) = self.condition(&i.test)?;
                self.select(t, f, span, &mut |s| s.expr(&i.body), &mut |s| {
                    s.expr(&i.orelse)
                })
            }
            ast::Expr::Call(c) => self.call(c),
            ast::Expr::Subscript(s) => {
                if let ast::Expr::Slice(sl) = &*s.slice {
                    let operands = self.slice_operands(&s.value, sl)?;
                    return Ok(self.emit(HlOp::GetSlice, operands, span, None));
                }
                let vi = self.eval_all(&[&s.value, &s.slice])?;
                Ok(self.emit(HlOp::GetItem, vi, span, None))
            }
            ast::Expr::Attribute(a) => self.attribute(a),
            ast::Expr::List(l) => {
                let items = self.eval_all(&l.elts.iter().collect::<Vec<_>>())?;
                Ok(self.emit(HlOp::NewList, items, span, None))
            }
            ast::Expr::ListComp(c) => {
                self.comprehension(Comprehension::List(&c.elt), &c.generators, c.range)
            }
            ast::Expr::Tuple(t) => {
                let items = self.eval_all(&t.elts.iter().collect::<Vec<_>>())?;
                Ok(self.emit(HlOp::NewTuple, items, span, None))
            }
            ast::Expr::Dict(d) => {
                if d.keys.iter().any(|k| k.is_none()) {
                    return Err(self.unsupported(e, "`**` in a dict display"));
                }
                let mut parts: Vec<&ast::Expr> = vec![];
                for (k, v) in d.keys.iter().zip(&d.values) {
                    parts.push(k.as_ref().unwrap());
                    parts.push(v);
                }
                let args = self.eval_all(&parts)?;
                Ok(self.emit(HlOp::NewDict, args, self.span(e), None))
            }
            ast::Expr::DictComp(c) => self.comprehension(
                Comprehension::Dict(&c.key, &c.value),
                &c.generators,
                c.range,
            ),
            ast::Expr::Set(s) => {
                let args = self.eval_all(&s.elts.iter().collect::<Vec<_>>())?;
                // CPython builds a display of three or more constants
                // from a prebuilt frozenset, which may order the items
                // differently from adding them one by one.
                let constants = s.elts.len() > 2 && s.elts.iter().all(folds_to_constant);
                Ok(self.emit(HlOp::NewSet { constants }, args, self.span(e), None))
            }
            ast::Expr::SetComp(c) => {
                self.comprehension(Comprehension::Set(&c.elt), &c.generators, c.range)
            }
            ast::Expr::Yield(y) => self.yield_value(y),
            ast::Expr::Lambda(l) => {
                let f = self.lifted(l.range)?;
                self.function_value(f, self.span(e))
            }
            ast::Expr::GeneratorExp(_) => Err(Diagnostic::error(
                self.span(e),
                "a generator expression is supported only as the single argument of sum, min, max, sorted, set, list, any, all, str.join or list.extend",
            )
            .with_help("use a list comprehension: [x for x in ...]")),
            ast::Expr::JoinedStr(j) => self.fstring(j),
            _ => Err(self.unsupported(e, "this expression")),
        }
    }

    /// Evaluates `exprs` left to right. A later operand may contain control
    /// flow (`and`, `or`, `x if c else y`) and so start new blocks: earlier
    /// results ride along in the frame state under hidden names, so every
    /// value returned is defined in the block current at the end.
    fn eval_all(&mut self, exprs: &[&ast::Expr]) -> Result<Vec<Value>, Diagnostic> {
        let mut held = vec![];
        for e in exprs {
            let v = self.expr(e)?;
            let h = self.hidden("arg");
            self.state().insert(h.clone(), v);
            held.push(h);
        }
        Ok(held
            .iter()
            .map(|h| {
                self.state()
                    .shift_remove(h)
                    .expect("held values survive joins")
            })
            .collect())
    }

    /// Keeps `v` alive across code that may start new blocks; `take` gets
    /// it back in the block current then.
    fn hold(&mut self, v: Value) -> Rc<str> {
        let h = self.hidden("held");
        self.state().insert(h.clone(), v);
        h
    }

    fn take(&mut self, h: &Rc<str>) -> Value {
        self.state()
            .shift_remove(h)
            .expect("held values survive joins")
    }

    /// `a or b` / `a and b` as a value: the first operand that decides, so
    /// the operands must share a type (the annotator checks).
    fn boolop_value(&mut self, b: &ast::ExprBoolOp, k: usize) -> ExprResult {
        let v = self.expr(&b.values[k])?;
        if k + 1 == b.values.len() {
            return Ok(v);
        }
        let span = self.span(b);
        let c = self.truth(v.clone(), span);
        let (t, f) = self.branch(c);
        let is_and = matches!(b.op, ast::BoolOp::And);
        let (rest, decided) = if is_and { (t, f) } else { (f, t) };
        // The deciding edges carry `v` to the join under a hidden name.
        let held = self.hidden("v");
        let mut decided = decided;
        for p in &mut decided {
            p.state.insert(held.clone(), v.clone());
        }
        self.select(
            rest,
            decided,
            span,
            &mut |s| s.boolop_value(b, k + 1),
            &mut |s| Ok(s.state().shift_remove(&held).unwrap()),
        )
    }

    fn load_name(&mut self, n: &ast::ExprName) -> ExprResult {
        let name = n.id.as_str();
        let span = self.span(n);
        if let Some((_, state)) = &self.current {
            if let Some(v) = state.get(name) {
                let v = v.clone();
                if v == Value::Const(Constant::Undefined) {
                    return Err(Diagnostic::error(
                        span,
                        format!("local variable `{name}` is used before it is assigned"),
                    ));
                }
                let flag = bound_flag(name);
                if let Some(f) = state.get(&flag).cloned() {
                    // Bound on some paths only: check at run time, once.
                    self.emit(HlOp::CheckBound(name.into()), vec![f], span, None);
                    self.state().shift_remove(&flag);
                    // Inside a `try` the check ended its block: the value
                    // now arrives under a new variable.
                    return Ok(self.state()[name].clone());
                }
                if let Value::Const(Constant::Func(f)) = v {
                    // A closure naming itself: itself with what it captured.
                    if !self.program.function(f).captures.is_empty() {
                        return self.function_value(f, span);
                    }
                }
                return Ok(v);
            }
        }
        if self.locals.contains(name) {
            return Err(Diagnostic::error(
                span,
                format!("local variable `{name}` is used before it is assigned"),
            )
            .with_help("no path to this point assigns it; assign it first"));
        }
        self.global(name, span)
    }

    /// In module-level code, the module variable a name binds.
    fn module_var(&self, name: &str) -> Option<crate::flowgraph::ir::GlobalId> {
        if !self.program.function(self.graph.func).is_module_init {
            return None;
        }
        match self.program.module(self.module).globals.get(name) {
            Some(Global::Var(g)) => Some(*g),
            _ => None,
        }
    }

    fn global(&mut self, name: &str, span: Span) -> ExprResult {
        match self.program.module(self.module).globals.get(name) {
            Some(Global::Var(g)) => Ok(self.emit(HlOp::GetGlobal(*g), vec![], span, None)),
            Some(Global::Const(c)) => Ok(Value::Const(c.clone())),
            Some(Global::Func(f)) => Ok(Value::Const(Constant::Func(*f))),
            Some(Global::Class(c)) => Ok(Value::Const(Constant::Class(*c))),
            Some(Global::Module(_)) | Some(Global::BuiltinModule(_)) => Err(Diagnostic::error(
                span,
                format!("module `{name}` cannot be used as a value"),
            )),
            Some(Global::JitDriver(_)) => Err(Diagnostic::error(
                span,
                format!("JitDriver `{name}` can only be used as `{name}.jit_merge_point(...)` or `{name}.can_enter_jit(...)`"),
            )),
            None => match Builtin::from_name(name) {
                Some(b) => Ok(Value::Const(Constant::Builtin(b))),
                None => match self.program.builtin_classes.get(name) {
                    Some(c) => Ok(Value::Const(Constant::Class(*c))),
                    None => Err(match sugar::unsupported_builtin(name) {
                        Some((why, help)) => {
                            let d = Diagnostic::error(span, format!("`{name}` {why}"));
                            match help {
                                Some(h) => d.with_help(h),
                                None => d,
                            }
                        }
                        None => Diagnostic::error(span, format!("name `{name}` is not defined")),
                    }),
                },
            },
        }
    }

    fn attribute(&mut self, a: &ast::ExprAttribute) -> ExprResult {
        let span = self.span(a);
        if let ast::Expr::Name(n) = &*a.value {
            if !self.locals.contains(n.id.as_str()) {
                match self.program.module(self.module).globals.get(n.id.as_str()) {
                    Some(Global::Module(m)) => {
                        let module = self.program.module(*m);
                        return match module.globals.get(a.attr.as_str()) {
                            Some(Global::Const(c)) => Ok(Value::Const(c.clone())),
                            Some(Global::Func(f)) => Ok(Value::Const(Constant::Func(*f))),
                            Some(Global::Class(c)) => Ok(Value::Const(Constant::Class(*c))),
                            Some(Global::Var(g)) => {
                                let g = *g;
                                Ok(self.emit(HlOp::GetGlobal(g), vec![], span, None))
                            }
                            _ => Err(Diagnostic::error(
                                span,
                                format!("module `{}` has no attribute `{}`", module.name, a.attr),
                            )),
                        };
                    }
                    Some(Global::BuiltinModule(m)) => {
                        if let Some(c) = m.member(a.attr.as_str()) {
                            return Ok(Value::Const(c));
                        }
                        return Err(Diagnostic::error(
                            span,
                            format!(
                                "`{}.{}` is not supported by the translator yet",
                                m.name(),
                                a.attr
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }
        let obj = self.expr(&a.value)?;
        if let Value::Const(Constant::Class(c)) = obj {
            return self.class_attribute(c, a.attr.as_str(), span);
        }
        Ok(self.emit(HlOp::GetAttr(a.attr.as_str().into()), vec![obj], span, None))
    }

    fn call(&mut self, c: &ast::ExprCall) -> ExprResult {
        let span = self.span(c);
        if let Some(v) = self.isinstance_call(c)? {
            return Ok(v);
        }
        if let Some(v) = self.rlib_call(c)? {
            return Ok(v);
        }
        if let Some(v) = self.builtin_call_sugar(c)? {
            return Ok(v);
        }
        if let ast::Expr::Attribute(a) = &*c.func {
            if let ast::Expr::Constant(ast::ExprConstant {
                value: ast::Constant::Str(fmt),
                ..
            }) = &*a.value
            {
                if a.attr.as_str() == "format" {
                    return self.str_format(fmt, c, span);
                }
            }
        }
        if let ast::Expr::Attribute(a) = &*c.func {
            if let ast::Expr::Call(inner) = &*a.value {
                if matches!(&*inner.func, ast::Expr::Name(n) if n.id.as_str() == "super" && !self.locals.contains("super"))
                {
                    let (func, this) = self.super_method(inner, a.attr.as_str(), span)?;
                    let Some(func) = func else {
                        let class = self.enclosing_class().expect("super() checked it");
                        return self.exception_init(class, this, c, span);
                    };
                    let (args, keywords) = self.call_args(c, vec![])?;
                    let mut all = vec![func, this];
                    all.extend(args);
                    return Ok(self.emit(HlOp::Call { keywords }, all, span, None));
                }
            }
            if let Some(class) = self.exception_class_without_init(&a.value, a.attr.as_str()) {
                // `ValueError.__init__(self, msg)`: BaseException's.
                let Some(first) = c.args.first() else {
                    return Err(Diagnostic::error(
                        span,
                        "`__init__` of an exception class needs the instance as first argument",
                    ));
                };
                let this = self.expr(first)?;
                let rest = ast::ExprCall {
                    args: c.args[1..].to_vec(),
                    ..c.clone()
                };
                return self.exception_init(class, this, &rest, span);
            }
            if !self.is_namespace(&a.value) {
                let (args, keywords) = self.call_args(c, vec![&a.value])?;
                return Ok(self.emit(
                    HlOp::CallMethod {
                        name: a.attr.as_str().into(),
                        keywords,
                    },
                    args,
                    span,
                    None,
                ));
            }
        }
        let (args, keywords) = self.call_args(c, vec![&c.func])?;
        Ok(self.emit(HlOp::Call { keywords }, args, span, None))
    }

    /// Evaluates `first` then the call's arguments; keyword arguments come
    /// last, named by the returned list.
    fn call_args<'e>(
        &mut self,
        c: &'e ast::ExprCall,
        mut exprs: Vec<&'e ast::Expr>,
    ) -> Result<(Vec<Value>, Rc<[Rc<str>]>), Diagnostic> {
        for a in &c.args {
            if matches!(a, ast::Expr::Starred(_)) {
                return Err(self.unsupported(a, "`*args` in a call"));
            }
            exprs.push(a);
        }
        let mut keywords: Vec<Rc<str>> = vec![];
        for k in &c.keywords {
            let Some(name) = &k.arg else {
                return Err(self.unsupported(k, "`**kwargs` in a call"));
            };
            keywords.push(name.as_str().into());
            exprs.push(&k.value);
        }
        let args = self.eval_all(&exprs)?;
        Ok((args, keywords.into()))
    }
}

impl Builder<'_> {
    fn cmpop(&self, op: ast::CmpOp, e: &ast::Expr) -> Result<CmpOp, Diagnostic> {
        cmpop(op).ok_or_else(|| self.unsupported(e, "`in` on these values"))
    }
}

fn binop(op: ast::Operator) -> Option<BinOp> {
    Some(match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitAnd => BinOp::BitAnd,
        ast::Operator::BitOr => BinOp::BitOr,
        ast::Operator::BitXor => BinOp::BitXor,
        ast::Operator::MatMult => return None,
    })
}

fn cmpop(op: ast::CmpOp) -> Option<CmpOp> {
    Some(match op {
        ast::CmpOp::Lt => CmpOp::Lt,
        ast::CmpOp::LtE => CmpOp::Le,
        ast::CmpOp::Eq => CmpOp::Eq,
        ast::CmpOp::NotEq => CmpOp::Ne,
        ast::CmpOp::Gt => CmpOp::Gt,
        ast::CmpOp::GtE => CmpOp::Ge,
        ast::CmpOp::Is => CmpOp::Is,
        ast::CmpOp::IsNot => CmpOp::IsNot,
        ast::CmpOp::In => CmpOp::In,
        ast::CmpOp::NotIn => CmpOp::NotIn,
    })
}

/// Whether CPython's compiler folds e to a constant (literals, and unary
/// and binary operators and tuples over them, as its AST optimizer
/// does; a division or modulo by a literal zero stays an operation).
fn folds_to_constant(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) => true,
        ast::Expr::UnaryOp(u) => folds_to_constant(&u.operand),
        ast::Expr::BinOp(b) => {
            let by_zero = matches!(
                b.op,
                ast::Operator::Div | ast::Operator::FloorDiv | ast::Operator::Mod
            ) && matches!(&*b.right, ast::Expr::Constant(c)
                if matches!(c.value, ast::Constant::Int(ref i) if i.to_string() == "0"));
            !by_zero
                && !matches!(b.op, ast::Operator::MatMult)
                && folds_to_constant(&b.left)
                && folds_to_constant(&b.right)
        }
        ast::Expr::Tuple(t) => t.elts.iter().all(folds_to_constant),
        _ => false,
    }
}
