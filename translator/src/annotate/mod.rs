//! Phase 3, annotate: whole-program type inference. Starting from the entry
//! point with `argv: list[str]`, annotations flow along links and into
//! called functions until nothing changes (a fixpoint). A value that would
//! need two incompatible types is an error naming both places.
//!
//! Entry point: [`annotate_program`]. Operation rules live in `rules`.

pub mod callargs;
pub mod model;
pub mod rules;

#[cfg(test)]
mod tests;

use crate::diagnostics::{Diagnostic, Result, Span};
use crate::flowgraph::hlop::HlOp;
use crate::flowgraph::ir::{BlockId, FuncId, Graph, Value, VarId};
use crate::flowgraph::FlowGraphs;
use crate::parse::program::Program;
use indexmap::IndexMap;
use model::{with_article, SomeValue};
use std::collections::{HashMap, HashSet, VecDeque};

/// The annotator's results, read by the rtyper.
pub struct Annotations {
    /// Per annotated function, the annotation of each variable.
    pub bindings: IndexMap<FuncId, Vec<SomeValue>>,
    /// Blocks that execution can reach, per function.
    pub reached: HashSet<(FuncId, BlockId)>,
}

impl Annotations {
    pub fn binding(&self, f: FuncId, v: VarId) -> &SomeValue {
        &self.bindings[&f][v.index()]
    }
    pub fn value(&self, f: FuncId, v: &Value) -> SomeValue {
        match v {
            Value::Var(var) => self.binding(f, *var).clone(),
            Value::Const(c) => SomeValue::of_constant(c),
        }
    }
}

pub fn annotate_program(program: &Program, flow: &FlowGraphs) -> Result<Annotations> {
    let mut a = Annotator {
        program,
        flow,
        bindings: IndexMap::new(),
        first_span: HashMap::new(),
        queue: VecDeque::new(),
        queued: HashSet::new(),
        reached: HashSet::new(),
        callers: HashMap::new(),
    };
    let entry = program.entry;
    let g = &flow.graphs[&entry];
    let start = g.block(g.startblock);
    if start.inputargs.len() != 1 {
        return Err(vec![Diagnostic::error(
            g.span,
            "entry_point must take exactly one argument, argv",
        )]);
    }
    let argv = SomeValue::List(Box::new(SomeValue::Str { can_be_none: false }));
    a.ensure_function(entry);
    a.generalize(entry, start.inputargs[0], argv, g.span, None)
        .map_err(|d| vec![d])?;
    a.schedule(entry, g.startblock);
    while let Some((f, b)) = a.queue.pop_front() {
        a.queued.remove(&(f, b));
        a.flow_block(f, b)
            .map_err(|d| vec![with_call_chain(d, flow, f)])?;
    }
    let ret = a.bindings[&entry][g.return_var().index()].clone();
    if !matches!(
        ret,
        SomeValue::Int | SomeValue::None | SomeValue::Impossible | SomeValue::Bool
    ) {
        return Err(vec![Diagnostic::error(
            g.span,
            format!(
                "entry_point must return an int (the exit code), but it returns {}",
                with_article(&ret)
            ),
        )]);
    }
    Ok(Annotations {
        bindings: a.bindings,
        reached: a.reached,
    })
}

struct Annotator<'a> {
    program: &'a Program,
    flow: &'a FlowGraphs,
    bindings: IndexMap<FuncId, Vec<SomeValue>>,
    /// Where each variable first got its annotation, for messages.
    first_span: HashMap<(FuncId, VarId), Span>,
    queue: VecDeque<(FuncId, BlockId)>,
    queued: HashSet<(FuncId, BlockId)>,
    reached: HashSet<(FuncId, BlockId)>,
    /// Blocks to re-flow when a function's return annotation changes.
    callers: HashMap<FuncId, Vec<(FuncId, BlockId)>>,
}

/// How a conflicting annotation came about, for the message.
pub(crate) enum Conflict<'s> {
    Variable,
    Argument { callee: &'s str },
}

impl<'a> Annotator<'a> {
    fn graph(&self, f: FuncId) -> &'a Graph<HlOp> {
        &self.flow.graphs[&f]
    }

    fn ensure_function(&mut self, f: FuncId) {
        if !self.bindings.contains_key(&f) {
            let n = self.graph(f).vars.len();
            self.bindings.insert(f, vec![SomeValue::Impossible; n]);
        }
    }

    fn schedule(&mut self, f: FuncId, b: BlockId) {
        self.reached.insert((f, b));
        if self.queued.insert((f, b)) {
            self.queue.push_back((f, b));
        }
    }

    fn value(&self, f: FuncId, v: &Value) -> SomeValue {
        match v {
            Value::Var(var) => self.bindings[&f][var.index()].clone(),
            Value::Const(c) => SomeValue::of_constant(c),
        }
    }

    /// Unifies `new` into the annotation of `var`; true if it changed.
    fn generalize(
        &mut self,
        f: FuncId,
        var: VarId,
        new: SomeValue,
        span: Span,
        conflict: Option<Conflict>,
    ) -> std::result::Result<bool, Diagnostic> {
        let old = self.bindings[&f][var.index()].clone();
        let Some(joined) = old.union(&new) else {
            return Err(self.conflict_error(
                f,
                var,
                &old,
                &new,
                span,
                conflict.unwrap_or(Conflict::Variable),
            ));
        };
        if joined == old {
            return Ok(false);
        }
        self.first_span.entry((f, var)).or_insert(span);
        self.bindings[&f][var.index()] = joined;
        Ok(true)
    }

    fn conflict_error(
        &self,
        f: FuncId,
        var: VarId,
        old: &SomeValue,
        new: &SomeValue,
        span: Span,
        conflict: Conflict,
    ) -> Diagnostic {
        let g = self.graph(f);
        let first = self.first_span.get(&(f, var)).copied();
        let (msg, help) = match conflict {
            Conflict::Argument { callee } => {
                let pname = g.vars[var.index()].name.as_deref().unwrap_or("?");
                (format!("argument `{pname}` of `{callee}` is {} here and {} in another call", with_article(new), with_article(old)),
                 "a parameter has one type for all calls; convert the argument (e.g. with float()) or use two functions")
            }
            Conflict::Variable if var == g.return_var() => (
                format!(
                    "function `{}` returns {} here and {} elsewhere",
                    short_name(&g.name),
                    with_article(new),
                    with_article(old)
                ),
                "every return of a function must give the same type",
            ),
            Conflict::Variable => match &g.vars[var.index()].name {
                Some(name) => (
                    format!(
                        "variable `{name}` is {} here and {} elsewhere",
                        with_article(new),
                        with_article(old)
                    ),
                    if old.is_numeric() && new.is_numeric() {
                        "ints and floats are kept apart: write a float literal (e.g. 0.0) or convert with float()"
                    } else {
                        "use a separate variable for each type"
                    },
                ),
                None => (
                    format!(
                        "this expression gives {} on one path and {} on another",
                        with_article(new),
                        with_article(old)
                    ),
                    "both branches must give the same type",
                ),
            },
        };
        let mut d = Diagnostic::error(span, msg).with_help(help);
        if let Some(first) = first {
            if first != span {
                d = d.with_note(Some(first), format!("it was given type {old} here"));
            }
        }
        d
    }

    fn flow_block(&mut self, f: FuncId, b: BlockId) -> std::result::Result<(), Diagnostic> {
        let g = self.graph(f);
        let block = g.block(b);
        for op in &block.operations {
            let args: Vec<SomeValue> = op.args.iter().map(|a| self.value(f, a)).collect();
            if args.contains(&SomeValue::Impossible) {
                // An operand with no value yet (a loop variable before the
                // back edge is annotated): this block is flowed again when
                // its inputs change.
                return Ok(());
            }
            let result = match &op.op {
                HlOp::Call { keywords } => self.call(f, b, op, &args, keywords)?,
                other => rules::annotate_op(other, &op.args, &args, op.span)?,
            };
            if result == SomeValue::Impossible {
                // A call whose result is not known yet (or never returns):
                // the rest of the block waits for it.
                return Ok(());
            }
            self.generalize(f, op.result, result, op.span, None)?;
        }
        for link in &block.exits {
            let target_inputs = &g.block(link.target).inputargs;
            let mut changed = !self.reached.contains(&(f, link.target));
            for (k, (arg, &target)) in link.args.iter().zip(target_inputs).enumerate() {
                let s = self.value(f, arg);
                let span = link.arg_spans[k];
                changed |= self.generalize(f, target, s, span, None)?;
            }
            if changed {
                self.schedule(f, link.target);
            }
            if link.target == g.returnblock && changed {
                for caller in self.callers.get(&f).cloned().unwrap_or_default() {
                    self.schedule(caller.0, caller.1);
                }
            }
        }
        Ok(())
    }

    fn call(
        &mut self,
        f: FuncId,
        b: BlockId,
        op: &crate::flowgraph::ir::Operation<HlOp>,
        args: &[SomeValue],
        keywords: &[std::rc::Rc<str>],
    ) -> std::result::Result<SomeValue, Diagnostic> {
        let n_pos = args.len() - 1 - keywords.len();
        match &args[0] {
            SomeValue::Func(callee) => {
                let callee = *callee;
                let desc = self.program.function(callee);
                let sources = callargs::match_call_args(desc, n_pos, keywords, op.span)?;
                if !self.flow.graphs.contains_key(&callee) {
                    unreachable!("flow graphs cover every referenced function");
                }
                self.ensure_function(callee);
                let cg = self.graph(callee);
                let params = cg.block(cg.startblock).inputargs.clone();
                let mut changed = !self.reached.contains(&(callee, cg.startblock));
                for (param, src) in params.iter().zip(&sources) {
                    let s = match src {
                        callargs::ArgSource::Given(i) => args[1 + i].clone(),
                        callargs::ArgSource::Default(c) => SomeValue::of_constant(c),
                    };
                    changed |= self.generalize(
                        callee,
                        *param,
                        s,
                        op.span,
                        Some(Conflict::Argument { callee: &desc.name }),
                    )?;
                }
                if changed {
                    self.schedule(callee, cg.startblock);
                }
                let deps = self.callers.entry(callee).or_default();
                if !deps.contains(&(f, b)) {
                    deps.push((f, b));
                }
                Ok(self.bindings[&callee][cg.return_var().index()].clone())
            }
            SomeValue::Builtin(builtin) => {
                rules::annotate_builtin_call(*builtin, &args[1..], keywords, op.span)
            }
            other => Err(Diagnostic::error(
                op.span,
                format!("{} is not callable", with_article(other)),
            )),
        }
    }
}

fn short_name(qualname: &str) -> &str {
    qualname.rsplit('.').next().unwrap_or(qualname)
}

/// Adds "reached from" notes: how the entry point gets to `f`.
fn with_call_chain(mut d: Diagnostic, flow: &FlowGraphs, f: FuncId) -> Diagnostic {
    let chain = flow.call_chain(f);
    let mut callee = short_name(&flow.graphs[&f].name).to_string();
    for (caller, span) in chain.into_iter().rev() {
        d = d.with_note(
            Some(span),
            format!("`{callee}` is reached from `{}` here", short_name(&caller)),
        );
        callee = short_name(&caller).to_string();
    }
    d
}
