//! Loops: `while`, `for` over a range (a counted loop) or over a sequence
//! (iteration by position), and list comprehensions, which become loops.

use super::{conform, Builder, ExprResult, LoopCtx, Pending};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::{CmpOp, HlOp};
use crate::flowgraph::ir::{Constant, Value};
use crate::parse::names::{collect_assigned_names, collect_target_names, rename_names};
use rustpython_parser::ast;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

impl Builder<'_> {
    pub(super) fn continue_loop(&mut self) {
        let ctx = self.loops.last().unwrap();
        let (header, names) = (ctx.header, ctx.header_names.clone());
        let (from, mut state) = self.current.take().unwrap();
        conform(&mut state, &names);
        let span = self.graph.span;
        self.add_link(
            Pending {
                from,
                exitcase: None,
                state,
            },
            header,
            &names,
            span,
        );
    }

    /// Opens a loop header reached from the current block. Its inputs are
    /// the names bound now and the locals the loop body assigns (bound in
    /// a later iteration by an earlier one), so back edges pass them all.
    pub(super) fn open_loop(&mut self, mut assigned: HashSet<String>, span: Span) {
        // Module variables live outside the frame state.
        assigned.retain(|n| self.module_var(n).is_none());
        let mut edges = self.goto();
        let mut names: Vec<Rc<str>> = edges[0].state.keys().cloned().collect();
        let mut new: Vec<&String> = assigned
            .iter()
            .filter(|n| !edges[0].state.contains_key(n.as_str()))
            .collect();
        new.sort(); // deterministic input order
        names.extend(new.into_iter().map(|n| Rc::from(n.as_str())));
        self.complete_states(&mut edges, &names);
        let names: Vec<Rc<str>> = edges[0].state.keys().cloned().collect();
        let (header, state, header_names) =
            self.link_to_new_block(edges, &names, span, Some(&assigned));
        self.current = Some((header, state));
        self.loops.push(LoopCtx {
            header,
            header_names,
            breaks: vec![],
        });
    }

    pub(super) fn close_loop(&mut self, exit: Vec<Pending>, orelse: &[ast::Stmt], span: Span) {
        // The body ends by jumping back to the header.
        if self.current.is_some() {
            self.continue_loop();
        }
        let ctx = self.loops.pop().unwrap();
        self.join(exit, span);
        self.stmts(orelse);
        let mut after = self.goto();
        after.extend(ctx.breaks);
        self.join(after, span);
    }

    pub(super) fn while_loop(&mut self, w: &ast::StmtWhile) -> Result<(), Diagnostic> {
        let span = self.span(w);
        let mut assigned = HashSet::new();
        collect_assigned_names(&w.body, &mut assigned);
        self.open_loop(assigned, span);
        let (t, f) = match self.condition(&w.test) {
            Ok(x) => x,
            Err(d) => {
                self.loops.pop();
                return Err(d);
            }
        };
        self.join(t, span);
        for name in self.none_tests(&w.test).0 {
            self.narrow_not_none(&name, span);
        }
        self.stmts(&w.body);
        self.close_loop(f, &w.orelse, span);
        Ok(())
    }

    /// `for x in range(...)` becomes a counted loop on a hidden counter, so
    /// rebinding `x` in the body does not change the iteration.
    pub(super) fn for_loop(&mut self, f: &ast::StmtFor) -> Result<(), Diagnostic> {
        let span = self.span(f);
        // The builtin range, unless a local or a module-level name shadows it.
        let shadowed = !self.is_builtin("range");
        let range_call = match &*f.iter {
            ast::Expr::Call(call)
                if matches!(&*call.func, ast::Expr::Name(n) if n.id.as_str() == "range")
                    && !shadowed =>
            {
                Some(call)
            }
            _ => None,
        };
        let Some(call) = range_call else {
            if let ast::Expr::Tuple(t) = &*f.iter {
                // `for x in (a, b, c)`: the items are evaluated once, before
                // the loop, as for a list display, which can be iterated
                // by position whatever the item count.
                let mut as_list = f.clone();
                as_list.iter = Box::new(ast::Expr::List(ast::ExprList {
                    range: t.range,
                    elts: t.elts.clone(),
                    ctx: ast::ExprContext::Load,
                }));
                return self.sequence_loop(&as_list, span);
            }
            return self.sequence_loop(f, span);
        };
        if !call.keywords.is_empty() || call.args.is_empty() || call.args.len() > 3 {
            return Err(self.unsupported(
                &*f.iter,
                "range() with keywords, or without 1 to 3 arguments,",
            ));
        }
        let values = self.eval_all(&call.args.iter().collect::<Vec<_>>())?;
        let mut bounds = vec![];
        for (a, v) in call.args.iter().zip(values) {
            bounds.push(match v {
                Value::Const(Constant::Int(_)) => v,
                Value::Const(Constant::Bool(b)) => Value::Const(Constant::Int(b as i64)),
                _ => self.emit(HlOp::Index, vec![v], self.span(a), None),
            });
        }
        let (start, stop, step) = match bounds.len() {
            1 => (
                Value::Const(Constant::Int(0)),
                bounds[0].clone(),
                Value::Const(Constant::Int(1)),
            ),
            2 => (
                bounds[0].clone(),
                bounds[1].clone(),
                Value::Const(Constant::Int(1)),
            ),
            _ => (bounds[0].clone(), bounds[1].clone(), bounds[2].clone()),
        };
        let step_sign = match &step {
            // A zero step raises ValueError when the loop starts, as in
            // CPython (code before it runs first).
            Value::Const(Constant::Int(s)) if *s != 0 => Some(*s > 0),
            _ => {
                self.emit(HlOp::CheckRangeStep, vec![step.clone()], span, None);
                None
            }
        };
        let (counter, stop_name, step_name) =
            (self.hidden("i"), self.hidden("stop"), self.hidden("step"));
        self.state().insert(counter.clone(), start);
        self.state().insert(stop_name.clone(), stop);
        self.state().insert(step_name.clone(), step);
        let mut assigned = HashSet::new();
        collect_assigned_names(&f.body, &mut assigned);
        collect_target_names(&f.target, &mut assigned);
        self.open_loop(assigned, span);
        let i = self.state()[&counter].clone();
        let stop = self.state()[&stop_name].clone();
        let step = self.state()[&step_name].clone();
        let cmp = |up: bool| HlOp::Compare(if up { CmpOp::Lt } else { CmpOp::Gt });
        let cond = match step_sign {
            Some(up) => self.emit(cmp(up), vec![i.clone(), stop], span, None),
            None => {
                let up = self.emit(
                    HlOp::Compare(CmpOp::Gt),
                    vec![step.clone(), Value::Const(Constant::Int(0))],
                    span,
                    None,
                );
                let (t, e) = self.branch(up);
                let result = self.hidden("more");
                self.join(t, span);
                let args = vec![
                    self.state()[&counter].clone(),
                    self.state()[&stop_name].clone(),
                ];
                let c = self.emit(cmp(true), args, span, None);
                self.state().insert(result.clone(), c);
                let mut after = self.goto();
                self.join(e, span);
                let args = vec![
                    self.state()[&counter].clone(),
                    self.state()[&stop_name].clone(),
                ];
                let c = self.emit(cmp(false), args, span, None);
                self.state().insert(result.clone(), c);
                after.extend(self.goto());
                self.join(after, span);
                self.state().shift_remove(&result).unwrap()
            }
        };
        let (t, exit) = self.branch(cond);
        self.join(t, span);
        let i = self.state()[&counter].clone();
        let step = self.state()[&step_name].clone();
        let next = self.emit(HlOp::RangeNext, vec![i.clone(), step], span, None);
        self.state().insert(counter.clone(), next);
        if let Err(d) = self.assign(&f.target, i) {
            self.loops.pop();
            return Err(d);
        }
        self.stmts(&f.body);
        self.close_loop(exit, &f.orelse, span);
        if let Some((_, state)) = &mut self.current {
            for n in [&counter, &stop_name, &step_name] {
                state.shift_remove(n);
            }
        }
        Ok(())
    }

    /// Whether `name` still means the builtin: no local or module-level
    /// name shadows it.
    pub(super) fn is_builtin(&self, name: &str) -> bool {
        !self.locals.contains(name) && !self.program.module(self.module).globals.contains_key(name)
    }

    /// `for x in seq`, `for i, x in enumerate(seq[, start])` and
    /// `for a, b in zip(s1, s2, ...)`: for a list, an index loop that reads
    /// `len(seq)` on every lap, as Python's list iterator does (the list
    /// may grow meanwhile).
    pub(super) fn sequence_loop(&mut self, f: &ast::StmtFor, span: Span) -> Result<(), Diagnostic> {
        let call = match &*f.iter {
            ast::Expr::Call(c) if c.keywords.is_empty() => match &*c.func {
                ast::Expr::Name(n) if self.is_builtin(n.id.as_str()) => Some((n.id.as_str(), c)),
                _ => None,
            },
            _ => None,
        };
        match call {
            Some(("enumerate", c)) if (1..=2).contains(&c.args.len()) => {
                let start = c.args.get(1);
                self.zip_loop(f, &c.args[..1], Some(start), span)
            }
            Some(("zip", c)) if !c.args.is_empty() => self.zip_loop(f, &c.args, None, span),
            Some(("reversed", c)) if c.args.len() == 1 => self.reversed_loop(f, &c.args[0]),
            _ => self.zip_loop(f, std::slice::from_ref(&*f.iter), None, span),
        }
    }

    /// Iterates over several sequences at once, by position, stopping at
    /// the end of the shortest (checked in order, as zip does); with
    /// `enumerate`, a counter comes first.
    fn zip_loop(
        &mut self,
        f: &ast::StmtFor,
        seqs: &[ast::Expr],
        enumerate: Option<Option<&ast::Expr>>,
        span: Span,
    ) -> Result<(), Diagnostic> {
        // A `range(...)` among them is a counter of its own; the others
        // are iterated by position. Arguments are evaluated in order.
        let ranges: Vec<Option<(&[ast::Expr], i64)>> = seqs
            .iter()
            .map(|e| self.range_lane(e))
            .collect::<Result<_, _>>()?;
        let mut exprs: Vec<&ast::Expr> = vec![];
        for (e, range) in seqs.iter().zip(&ranges) {
            match range {
                Some((args, _)) => exprs.extend(args.iter()),
                None => exprs.push(e),
            }
        }
        if let Some(Some(start)) = enumerate {
            exprs.push(start);
        }
        let mut values = self.eval_all(&exprs)?.into_iter();
        let mut names = vec![];
        for range in &ranges {
            let (i, s, start) = (self.hidden("i"), self.hidden("seq"), self.hidden("start"));
            let Some((args, step)) = range else {
                let v = values.next().unwrap();
                let started = self.emit(HlOp::IterStart, vec![v.clone()], span, None);
                self.state().insert(start.clone(), started);
                self.state()
                    .insert(i.clone(), Value::Const(Constant::Int(0)));
                self.state().insert(s.clone(), v);
                names.push((i, s, start, None));
                continue;
            };
            let mut bounds = vec![];
            for a in args.iter() {
                bounds.push(match values.next().unwrap() {
                    Value::Const(Constant::Bool(b)) => Value::Const(Constant::Int(b as i64)),
                    v @ Value::Const(Constant::Int(_)) => v,
                    v => self.emit(HlOp::Index, vec![v], self.span(a), None),
                });
            }
            let (first, stop) = match &bounds[..] {
                [stop] => (Value::Const(Constant::Int(0)), stop.clone()),
                [first, stop, ..] => (first.clone(), stop.clone()),
                [] => unreachable!("range_lane checked 1 to 3 arguments"),
            };
            // The counter, and the stop under `seq`.
            self.state().insert(i.clone(), first);
            self.state().insert(s.clone(), stop);
            names.push((i, s, start, Some(*step)));
        }
        let count = match enumerate {
            Some(Some(_)) => Some(values.next().unwrap()),
            Some(None) => Some(Value::Const(Constant::Int(0))),
            None => None,
        };
        let count_name = self.hidden("count");
        if let Some(c) = count.clone() {
            self.state().insert(count_name.clone(), c);
        }
        let mut assigned = HashSet::new();
        collect_assigned_names(&f.body, &mut assigned);
        collect_target_names(&f.target, &mut assigned);
        self.open_loop(assigned, span);
        let mut exits = vec![];
        let mut positions = vec![];
        for (i, s, start, range_step) in &names {
            let (iv, sv) = (self.state()[i].clone(), self.state()[s].clone());
            let cond = if let Some(step) = range_step {
                let up = HlOp::Compare(if *step > 0 { CmpOp::Lt } else { CmpOp::Gt });
                let more = self.emit(up, vec![iv.clone(), sv], span, None);
                positions.push(self.hold(iv));
                more
            } else {
                let started = self.state()[start].clone();
                let pos = self.emit(HlOp::IterPos, vec![sv, iv, started], span, None);
                let held = self.hold(pos);
                let (pv, sv) = (self.state()[&held].clone(), self.state()[s].clone());
                positions.push(held);
                self.emit(HlOp::IterMore, vec![sv, pv], span, None)
            };
            let (t, exit) = self.branch(cond);
            exits.extend(exit);
            self.join(t, span);
        }
        let mut items = vec![];
        for ((i, s, _, range_step), held) in names.iter().zip(positions) {
            if let Some(step) = range_step {
                let n = self.state()[&held].clone();
                let step = Value::Const(Constant::Int(*step));
                let next = self.emit(HlOp::RangeNext, vec![n, step], span, None);
                self.state().insert(i.clone(), next);
                items.push(held);
                continue;
            }
            // Reading a file's line can raise: inside a `try` the block
            // ends there, and values come back under new variables.
            let (sv, pos) = (self.state()[s].clone(), self.state()[&held].clone());
            let item = self.emit(HlOp::IterItem, vec![sv, pos], span, None);
            items.push(self.hold(item));
            let pos = self.take(&held);
            let one = Value::Const(Constant::Int(1));
            let next = self.emit(HlOp::RangeNext, vec![pos, one], span, None);
            self.state().insert(i.clone(), next);
        }
        if count.is_some() {
            let n = self.state()[&count_name].clone();
            let held = self.hold(n.clone());
            let one = Value::Const(Constant::Int(1));
            let next = self.emit(HlOp::RangeNext, vec![n, one], span, None);
            self.state().insert(count_name.clone(), next);
            items.insert(0, held);
        }
        let result = self.assign_items(&f.target, items, seqs.len() > 1 || count.is_some(), span);
        if let Err(d) = result {
            self.loops.pop();
            return Err(d);
        }
        self.stmts(&f.body);
        self.close_loop(exits, &f.orelse, span);
        if let Some((_, state)) = &mut self.current {
            state.shift_remove(&count_name);
            for (i, s, start, _) in &names {
                state.shift_remove(i);
                state.shift_remove(s);
                state.shift_remove(start);
            }
        }
        Ok(())
    }

    /// For `range(...)` given to `zip` or `enumerate`: its arguments and
    /// step (a constant; a step known only at run time is refused, since
    /// its check would come after later arguments are evaluated).
    fn range_lane<'e>(
        &self,
        e: &'e ast::Expr,
    ) -> Result<Option<(&'e [ast::Expr], i64)>, Diagnostic> {
        let ast::Expr::Call(c) = e else {
            return Ok(None);
        };
        if !matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "range")
            || !self.is_builtin("range")
        {
            return Ok(None);
        }
        if !c.keywords.is_empty() || c.args.is_empty() || c.args.len() > 3 {
            return Err(self.unsupported(e, "range() with keywords, or without 1 to 3 arguments,"));
        }
        let step = match c.args.get(2) {
            None => 1,
            Some(a) => match int_literal(a) {
                Some(s) if s != 0 => s,
                _ => {
                    return Err(Diagnostic::error(
                        self.span(a),
                        "range() in `zip` or `enumerate` needs a constant step other than 0",
                    )
                    .with_help("loop over the range itself, or compute the step's sign first"))
                }
            },
        };
        Ok(Some((&c.args[..], step)))
    }

    /// Binds the held `items` to `target`: one item as it is, several as
    /// a tuple, unpacked directly when the target is a tuple of as many
    /// names (no tuple is built).
    fn assign_items(
        &mut self,
        target: &ast::Expr,
        items: Vec<Rc<str>>,
        as_tuple: bool,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let elts = match target {
            ast::Expr::Tuple(t) => Some(&t.elts),
            ast::Expr::List(l) => Some(&l.elts),
            _ => None,
        };
        match elts {
            Some(elts) if as_tuple && elts.len() == items.len() => {
                for (e, h) in elts.iter().zip(&items) {
                    let v = self.take(h);
                    self.assign(e, v)?;
                }
                Ok(())
            }
            _ if as_tuple => {
                let values: Vec<Value> = items.iter().map(|h| self.take(h)).collect();
                let t = self.emit(HlOp::NewTuple, values, span, None);
                self.assign(target, t)
            }
            _ => {
                let v = self.take(&items[0]);
                self.assign(target, v)
            }
        }
    }

    /// `[elt for x in seq if cond ...]`, `{elt for ...}`, `{key: value for
    /// ...}`: a new container filled by nested `for` and `if` statements.
    /// The loop variables are the comprehension's own, as in Python 3:
    /// they get hidden names (`x` becomes `x$comp1`) in everything but the
    /// first iterable, which runs in the enclosing scope, so an `x` of the
    /// function is neither changed nor forced to the same type.
    pub(super) fn comprehension(
        &mut self,
        kind: Comprehension,
        generators: &[ast::Comprehension],
        range: ast::text_size::TextRange,
    ) -> ExprResult {
        let span = Span::new(self.file, range.start().into(), range.end().into());
        if let Some((kind, generators)) = self.own_scope(&kind, generators) {
            return self.comprehension_body(kind.as_ref(), &generators, range, span);
        }
        self.comprehension_body(kind, generators, range, span)
    }

    /// The comprehension with its loop variables renamed, or None when it
    /// holds a lambda (which reads the variables by their names).
    fn own_scope(
        &mut self,
        kind: &Comprehension,
        generators: &[ast::Comprehension],
    ) -> Option<(OwnedComprehension, Vec<ast::Comprehension>)> {
        let mut targets = HashSet::new();
        for g in generators {
            collect_target_names(&g.target, &mut targets);
        }
        let mut targets: Vec<String> = targets.into_iter().collect();
        targets.sort();
        let map: HashMap<String, String> = targets
            .into_iter()
            .map(|t| {
                let hidden = self.hidden("comp");
                let new = format!("{t}{hidden}");
                (t, new)
            })
            .collect();
        let r = |e: &ast::Expr| rename_names(e, &map);
        let kind = match *kind {
            Comprehension::List(e) => OwnedComprehension::List(r(e)?),
            Comprehension::Set(e) => OwnedComprehension::Set(r(e)?),
            Comprehension::Dict(k, v) => OwnedComprehension::Dict(r(k)?, r(v)?),
            Comprehension::AnyAll(e, all) => OwnedComprehension::AnyAll(r(e)?, all),
        };
        let mut renamed = vec![];
        for (i, g) in generators.iter().enumerate() {
            renamed.push(ast::Comprehension {
                target: r(&g.target)?,
                iter: if i == 0 { g.iter.clone() } else { r(&g.iter)? },
                ifs: g.ifs.iter().map(r).collect::<Option<_>>()?,
                ..g.clone()
            });
        }
        Some((kind, renamed))
    }

    fn comprehension_body(
        &mut self,
        kind: Comprehension,
        generators: &[ast::Comprehension],
        range: ast::text_size::TextRange,
        span: Span,
    ) -> ExprResult {
        let container = match kind {
            Comprehension::List(_) => self.emit(HlOp::NewList, vec![], span, None),
            Comprehension::Set(_) => {
                self.emit(HlOp::NewSet { constants: false }, vec![], span, None)
            }
            Comprehension::Dict(..) => self.emit(HlOp::NewDict, vec![], span, None),
            // The result so far, which the first deciding item replaces.
            Comprehension::AnyAll(_, all) => Value::Const(Constant::Bool(all)),
        };
        let held = self.hold(container);
        let mut targets = HashSet::new();
        for g in generators {
            if g.is_async {
                return Err(Diagnostic::error(
                    span,
                    "async comprehensions are not supported",
                ));
            }
            collect_target_names(&g.target, &mut targets);
        }
        let mut targets: Vec<String> = targets.into_iter().collect();
        targets.sort();
        let saved: Vec<(String, Option<Rc<str>>)> = targets
            .iter()
            .map(|t| {
                let v = self
                    .current
                    .as_ref()
                    .and_then(|(_, s)| s.get(t.as_str()).cloned());
                (t.clone(), v.map(|v| self.hold(v)))
            })
            .collect();
        // The store inside `if` statements inside `for` statements.
        let name = |id: &str, ctx: ast::ExprContext| {
            ast::Expr::Name(ast::ExprName {
                range,
                id: ast::Identifier::new(id),
                ctx,
            })
        };
        let call = |method: &str, arg: &ast::Expr| {
            ast::Stmt::Expr(ast::StmtExpr {
                range,
                value: Box::new(ast::Expr::Call(ast::ExprCall {
                    range,
                    func: Box::new(ast::Expr::Attribute(ast::ExprAttribute {
                        range,
                        value: Box::new(name(&held, ast::ExprContext::Load)),
                        attr: ast::Identifier::new(method),
                        ctx: ast::ExprContext::Load,
                    })),
                    args: vec![arg.clone()],
                    keywords: vec![],
                })),
            })
        };
        let store = match kind {
            Comprehension::List(elt) => call("append", elt),
            Comprehension::Set(elt) => call("add", elt),
            Comprehension::Dict(key, value) => ast::Stmt::Assign(ast::StmtAssign {
                range,
                targets: vec![ast::Expr::Subscript(ast::ExprSubscript {
                    range,
                    value: Box::new(name(&held, ast::ExprContext::Load)),
                    slice: Box::new(key.clone()),
                    ctx: ast::ExprContext::Store,
                })],
                value: Box::new(value.clone()),
                type_comment: None,
            }),
            // `if elt: result = True; break` (all: `if not elt`), so the
            // generator stops at the first deciding item, as CPython's.
            Comprehension::AnyAll(elt, all) => {
                let test = match all {
                    false => elt.clone(),
                    true => ast::Expr::UnaryOp(ast::ExprUnaryOp {
                        range,
                        op: ast::UnaryOp::Not,
                        operand: Box::new(elt.clone()),
                    }),
                };
                let decided = ast::Expr::Constant(ast::ExprConstant {
                    range,
                    value: ast::Constant::Bool(!all),
                    kind: None,
                });
                ast::Stmt::If(ast::StmtIf {
                    range,
                    test: Box::new(test),
                    body: vec![
                        ast::Stmt::Assign(ast::StmtAssign {
                            range,
                            targets: vec![name(&held, ast::ExprContext::Store)],
                            value: Box::new(decided),
                            type_comment: None,
                        }),
                        ast::Stmt::Break(ast::StmtBreak { range }),
                    ],
                    orelse: vec![],
                })
            }
        };
        let mut body = vec![store];
        for g in generators.iter().rev() {
            for cond in g.ifs.iter().rev() {
                body = vec![ast::Stmt::If(ast::StmtIf {
                    range,
                    test: Box::new(cond.clone()),
                    body,
                    orelse: vec![],
                })];
            }
            body = vec![ast::Stmt::For(ast::StmtFor {
                range,
                target: Box::new(g.target.clone()),
                iter: Box::new(g.iter.clone()),
                body,
                orelse: vec![],
                type_comment: None,
            })];
        }
        for t in &targets {
            self.locals.insert(t.clone());
        }
        self.stmts(&body);
        if self.current.is_none() {
            return Err(Diagnostic::error(
                span,
                "this comprehension never completes",
            ));
        }
        for (t, h) in saved {
            match h {
                Some(h) => {
                    let v = self.take(&h);
                    self.state().insert(t.as_str().into(), v);
                }
                None => {
                    self.state().shift_remove(t.as_str());
                }
            }
        }
        Ok(self.take(&held))
    }
}

/// What a comprehension builds, with its element expression(s).
pub(super) enum Comprehension<'e> {
    List(&'e ast::Expr),
    Set(&'e ast::Expr),
    Dict(&'e ast::Expr, &'e ast::Expr),
    /// `any(elt for ...)` (false) or `all(...)` (true), over one `for`.
    AnyAll(&'e ast::Expr, bool),
}

/// A comprehension whose expressions were rewritten (renamed variables).
enum OwnedComprehension {
    List(ast::Expr),
    Set(ast::Expr),
    Dict(ast::Expr, ast::Expr),
    AnyAll(ast::Expr, bool),
}

impl OwnedComprehension {
    fn as_ref(&self) -> Comprehension<'_> {
        match self {
            OwnedComprehension::List(e) => Comprehension::List(e),
            OwnedComprehension::Set(e) => Comprehension::Set(e),
            OwnedComprehension::Dict(k, v) => Comprehension::Dict(k, v),
            OwnedComprehension::AnyAll(e, all) => Comprehension::AnyAll(e, *all),
        }
    }
}

impl Builder<'_> {
    /// `min(items, key=f)` / `max(items, key=f)`, built as the loop CPython
    /// runs: the first item whose key is strictly smaller (larger) than
    /// every earlier one wins; no items is ValueError.
    pub(super) fn min_max_key(
        &mut self,
        is_max: bool,
        items: &ast::Expr,
        key: &ast::Expr,
        range: ast::text_size::TextRange,
    ) -> ExprResult {
        let span = Span::new(self.file, range.start().into(), range.end().into());
        let [first, x, k, best, best_key] =
            ["first", "x", "k", "best", "bestkey"].map(|w| self.hidden(w));
        let name = |id: &str, ctx: ast::ExprContext| {
            ast::Expr::Name(ast::ExprName {
                range,
                id: ast::Identifier::new(id),
                ctx,
            })
        };
        let load = |id: &str| name(id, ast::ExprContext::Load);
        let assign = |target: &str, value: ast::Expr| {
            ast::Stmt::Assign(ast::StmtAssign {
                range,
                targets: vec![name(target, ast::ExprContext::Store)],
                value: Box::new(value),
                type_comment: None,
            })
        };
        let constant = |b: bool| {
            ast::Expr::Constant(ast::ExprConstant {
                range,
                value: ast::Constant::Bool(b),
                kind: None,
            })
        };
        let better = ast::Expr::BoolOp(ast::ExprBoolOp {
            range,
            op: ast::BoolOp::Or,
            values: vec![
                load(&first),
                ast::Expr::Compare(ast::ExprCompare {
                    range,
                    left: Box::new(load(&k)),
                    ops: vec![if is_max {
                        ast::CmpOp::Gt
                    } else {
                        ast::CmpOp::Lt
                    }],
                    comparators: vec![load(&best_key)],
                }),
            ],
        });
        let call_key = ast::Expr::Call(ast::ExprCall {
            range,
            func: Box::new(key.clone()),
            args: vec![load(&x)],
            keywords: vec![],
        });
        let message = format!(
            "{}() arg is an empty sequence",
            if is_max { "max" } else { "min" }
        );
        let raise = ast::Stmt::Raise(ast::StmtRaise {
            range,
            exc: Some(Box::new(ast::Expr::Call(ast::ExprCall {
                range,
                func: Box::new(load("ValueError")),
                args: vec![ast::Expr::Constant(ast::ExprConstant {
                    range,
                    value: ast::Constant::Str(message),
                    kind: None,
                })],
                keywords: vec![],
            }))),
            cause: None,
        });
        let body = vec![
            assign(&first, constant(true)),
            ast::Stmt::For(ast::StmtFor {
                range,
                target: Box::new(name(&x, ast::ExprContext::Store)),
                iter: Box::new(items.clone()),
                body: vec![
                    assign(&k, call_key),
                    ast::Stmt::If(ast::StmtIf {
                        range,
                        test: Box::new(better),
                        body: vec![
                            assign(&best, load(&x)),
                            assign(&best_key, load(&k)),
                            assign(&first, constant(false)),
                        ],
                        orelse: vec![],
                    }),
                ],
                orelse: vec![],
                type_comment: None,
            }),
            ast::Stmt::If(ast::StmtIf {
                range,
                test: Box::new(load(&first)),
                body: vec![raise],
                orelse: vec![],
            }),
        ];
        let names = [&first, &x, &k, &best, &best_key];
        for n in names {
            self.locals.insert(n.to_string());
        }
        self.stmts(&body);
        if self.current.is_none() {
            return Err(Diagnostic::error(span, "this call never returns"));
        }
        let result = self.state().get(&*best).cloned();
        for n in names {
            self.state().shift_remove(&**n);
        }
        // Read after the loop as Python would: unbound only when the
        // ValueError above was raised, so the check never fails here.
        result.ok_or_else(|| Diagnostic::error(span, "min()/max() with key= needs items"))
    }
}

impl Builder<'_> {
    /// `for x in reversed(seq)`: by position from the end, as
    /// `for i in range(len(seq) - 1, -1, -1): x = seq[i]` with seq
    /// evaluated once.
    fn reversed_loop(&mut self, f: &ast::StmtFor, seq: &ast::Expr) -> Result<(), Diagnostic> {
        let range = f.range;
        if let ast::Expr::Call(c) = seq {
            if matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "range")
                && self.is_builtin("range")
            {
                return self.reversed_range_loop(f, c);
            }
        }
        let [s, i] = ["seq", "i"].map(|w| self.hidden(w));
        self.locals.insert(s.to_string());
        self.locals.insert(i.to_string());
        let name = |id: &str, ctx: ast::ExprContext| {
            ast::Expr::Name(ast::ExprName {
                range,
                id: ast::Identifier::new(id),
                ctx,
            })
        };
        let int = |v: i64| {
            ast::Expr::Constant(ast::ExprConstant {
                range,
                value: ast::Constant::Int(v.into()),
                kind: None,
            })
        };
        let call = |func: &str, args: Vec<ast::Expr>| {
            ast::Expr::Call(ast::ExprCall {
                range,
                func: Box::new(name(func, ast::ExprContext::Load)),
                args,
                keywords: vec![],
            })
        };
        let last = ast::Expr::BinOp(ast::ExprBinOp {
            range,
            left: Box::new(call("len", vec![name(&s, ast::ExprContext::Load)])),
            op: ast::Operator::Sub,
            right: Box::new(int(1)),
        });
        let mut body = vec![ast::Stmt::Assign(ast::StmtAssign {
            range,
            targets: vec![(*f.target).clone()],
            value: Box::new(ast::Expr::Subscript(ast::ExprSubscript {
                range,
                value: Box::new(name(&s, ast::ExprContext::Load)),
                slice: Box::new(name(&i, ast::ExprContext::Load)),
                ctx: ast::ExprContext::Load,
            })),
            type_comment: None,
        })];
        body.extend(f.body.iter().cloned());
        let stmts = vec![
            ast::Stmt::Assign(ast::StmtAssign {
                range,
                targets: vec![name(&s, ast::ExprContext::Store)],
                value: Box::new(seq.clone()),
                type_comment: None,
            }),
            ast::Stmt::For(ast::StmtFor {
                range,
                target: Box::new(name(&i, ast::ExprContext::Store)),
                iter: Box::new(call("range", vec![last, int(-1), int(-1)])),
                body,
                orelse: f.orelse.clone(),
                type_comment: None,
            }),
        ];
        self.stmts(&stmts);
        Ok(())
    }
}

impl Builder<'_> {
    /// `for i in reversed(range(n))` / `reversed(range(a, b))`: the range
    /// counting down, `range(n - 1, -1, -1)` / `range(b - 1, a - 1, -1)`.
    fn reversed_range_loop(
        &mut self,
        f: &ast::StmtFor,
        c: &ast::ExprCall,
    ) -> Result<(), Diagnostic> {
        let range = c.range;
        let minus_one = |e: &ast::Expr| {
            ast::Expr::BinOp(ast::ExprBinOp {
                range,
                left: Box::new(e.clone()),
                op: ast::Operator::Sub,
                right: Box::new(ast::Expr::Constant(ast::ExprConstant {
                    range,
                    value: ast::Constant::Int(1.into()),
                    kind: None,
                })),
            })
        };
        let neg_one = ast::Expr::Constant(ast::ExprConstant {
            range,
            value: ast::Constant::Int((-1).into()),
            kind: None,
        });
        let args = match (c.args.as_slice(), c.keywords.is_empty()) {
            ([n], true) => vec![minus_one(n), neg_one.clone(), neg_one],
            ([a, b], true) => {
                // a before b, as Python evaluates them.
                let mut bound = vec![];
                for e in [a, b] {
                    let h = self.hidden("bound");
                    self.locals.insert(h.to_string());
                    self.stmts(&[ast::Stmt::Assign(ast::StmtAssign {
                        range,
                        targets: vec![ast::Expr::Name(ast::ExprName {
                            range,
                            id: ast::Identifier::new(&*h),
                            ctx: ast::ExprContext::Store,
                        })],
                        value: Box::new(e.clone()),
                        type_comment: None,
                    })]);
                    bound.push(ast::Expr::Name(ast::ExprName {
                        range,
                        id: ast::Identifier::new(&*h),
                        ctx: ast::ExprContext::Load,
                    }));
                }
                vec![minus_one(&bound[1]), minus_one(&bound[0]), neg_one]
            }
            _ => {
                return Err(self.unsupported(c, "reversed() of a range with a step"));
            }
        };
        if self.current.is_none() {
            return Ok(());
        }
        let mut down = f.clone();
        down.iter = Box::new(ast::Expr::Call(ast::ExprCall {
            range,
            func: c.func.clone(),
            args,
            keywords: vec![],
        }));
        self.for_loop(&down)
    }
}

/// The value of an int literal, negative ones included.
fn int_literal(e: &ast::Expr) -> Option<i64> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => i64::try_from(i).ok(),
            _ => None,
        },
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => {
            int_literal(&u.operand)?.checked_neg()
        }
        _ => None,
    }
}
