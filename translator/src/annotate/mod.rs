//! Phase 3, annotate: whole-program type inference. Starting from the entry
//! point with `argv: list[str]`, annotations flow along links and into
//! called functions until nothing changes (a fixpoint). A value that would
//! need two incompatible types is an error naming both places.
//!
//! Entry point: [`annotate_program`]. Operation rules live in `rules`.

mod bytes;
pub mod callargs;
pub mod classdef;
pub(crate) mod dicts;
mod files;
mod functions;
mod hints;
mod io;
pub mod listdef;
pub(crate) mod lists;
pub mod model;
pub mod rules;
pub(crate) mod strings;

#[cfg(test)]
mod tests;
mod unsigned;

use crate::diagnostics::{Diagnostic, Result, Span};
use crate::flowgraph::hlop::HlOp;
use crate::flowgraph::ir::{BlockId, Builtin, ClassId, FuncId, Graph, Value, VarId};
use crate::flowgraph::FlowGraphs;
use crate::parse::program::Program;
use indexmap::IndexMap;
use model::{with_article, SomeValue, Types};

/// The context for unifying and describing annotations, borrowed from
/// the annotator's fields (so other fields can be borrowed mutably).
macro_rules! types {
    ($a:expr) => {
        Types {
            program: $a.program,
            lists: &$a.lists,
        }
    };
}
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

/// The annotator's results, read by the rtyper.
pub struct Annotations {
    /// Per annotated function, the annotation of each variable.
    pub bindings: IndexMap<FuncId, Vec<SomeValue>>,
    /// Blocks that execution can reach, per function.
    pub reached: HashSet<(FuncId, BlockId)>,
    pub classes: classdef::ClassDefs,
    pub lists: listdef::ListDefs,
    /// The annotation of each module variable (`Program::global_vars`).
    pub globals: Vec<SomeValue>,
    /// What each annotated function returns.
    pub returns: IndexMap<FuncId, SomeValue>,
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

/// `progress` is told how many functions have been reached so far, each
/// time that number grows.
pub fn annotate_program(
    program: &Program,
    flow: &FlowGraphs,
    progress: &mut dyn FnMut(usize),
) -> Result<Annotations> {
    let mut a = Annotator {
        program,
        flow,
        bindings: IndexMap::new(),
        first_span: HashMap::new(),
        queue: VecDeque::new(),
        queued: HashSet::new(),
        reached: HashSet::new(),
        callers: HashMap::new(),
        resume: HashMap::new(),
        current_op: 0,
        classes: classdef::ClassDefs::default(),
        families: Default::default(),
        method_sites: HashMap::new(),
        lists: Default::default(),
        globals: vec![ModuleVar::default(); program.global_vars.len()],
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
    let argv = SomeValue::List(
        a.lists
            .borrow_mut()
            .fresh(SomeValue::Str { can_be_none: false }),
    );
    // str(e) of every exception, set when it is created.
    a.classes
        .assign(
            &types!(a),
            crate::parse::program::BASE_EXCEPTION,
            &classdef::EXC_MESSAGE.into(),
            SomeValue::Str { can_be_none: false },
            g.span,
        )
        .map_err(|d| vec![d])?;
    // Instances built at translation time: made, and their attributes
    // assigned, before anything runs.
    for p in &program.prebuilt {
        a.classes.instantiated.insert(p.class);
        let instance = SomeValue::Instance {
            class: p.class,
            can_be_none: false,
        };
        for (name, c, span) in &p.fields {
            a.setattr(name, &instance, &SomeValue::of_constant(c), *span)
                .map_err(|d| vec![d])?;
        }
    }
    a.ensure_function(entry);
    a.generalize(entry, start.inputargs[0], argv, g.span, None)
        .map_err(|d| vec![d])?;
    a.schedule(entry, g.startblock);
    for &init in &program.module_inits {
        a.ensure_function(init);
        a.schedule(init, flow.graphs[&init].startblock);
    }
    let mut reported = 0;
    // A block that fails is not annotated again nor followed further, and
    // the annotation goes on, so independent errors are reported
    // together. (Some errors are reported once only, such as a reached
    // function whose graph could not be built: a second annotation of the
    // block would get past them.)
    let mut failed: IndexMap<(FuncId, BlockId), Diagnostic> = IndexMap::new();
    while let Some((f, b)) = a.queue.pop_front() {
        a.queued.remove(&(f, b));
        if failed.contains_key(&(f, b)) {
            continue;
        }
        if let Err(d) = a.flow_block(f, b) {
            failed
                .entry((f, b))
                .or_insert_with(|| with_call_chain(d, flow, f));
            if failed.len() >= crate::diagnostics::MAX_ERRORS {
                break;
            }
        }
        if a.bindings.len() != reported {
            reported = a.bindings.len();
            progress(reported);
        }
        let dirty = a.lists.borrow_mut().take_dirty();
        for (f, b) in dirty {
            a.schedule(f, b);
        }
    }
    if !failed.is_empty() {
        let mut errors: Vec<Diagnostic> = vec![];
        // One report per place (several blocks can fail on one line).
        for d in failed.into_values() {
            if !errors
                .iter()
                .any(|e| e.span == d.span && e.message == d.message)
            {
                errors.push(d);
            }
        }
        errors.sort_by_key(|d| d.span.map(|s| (s.file, s.start)));
        return Err(errors);
    }
    let unassigned = a.classes.check_unassigned(&types!(a));
    if !unassigned.is_empty() {
        return Err(unassigned);
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
                with_article(
                    &ret,
                    &Types {
                        program,
                        lists: &a.lists
                    }
                )
            ),
        )]);
    }
    let returns = a
        .bindings
        .iter()
        .map(|(f, b)| (*f, b[flow.graphs[f].return_var().index()].clone()))
        .collect();
    Ok(Annotations {
        returns,
        bindings: a.bindings,
        reached: a.reached,
        classes: a.classes,
        lists: a.lists.into_inner(),
        globals: a.globals.into_iter().map(|g| g.value).collect(),
    })
}

/// What the annotator knows of a module variable.
#[derive(Clone, Default)]
struct ModuleVar {
    value: SomeValue,
    /// Where it was first given its annotation.
    first_span: Option<Span>,
    /// Blocks that read it: re-flowed when its annotation grows.
    readers: indexmap::IndexSet<(FuncId, BlockId)>,
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
    /// The call sites to re-flow when a function's return annotation
    /// changes: block and index of the calling operation.
    callers: HashMap<FuncId, indexmap::IndexSet<(FuncId, BlockId, usize)>>,
    /// Where the next flow of a queued block starts: the operation whose
    /// callee's result changed, when nothing else did (absent: the
    /// start). A function with thousands of calls in one block would
    /// otherwise be re-flowed from its start as each callee's result
    /// becomes known, which is quadratic.
    resume: HashMap<(FuncId, BlockId), usize>,
    /// The index of the operation being annotated.
    current_op: usize,
    classes: classdef::ClassDefs,
    /// Functions called through one function value, which share a
    /// machine signature.
    families: functions::Families,
    lists: std::cell::RefCell<listdef::ListDefs>,
    /// Blocks with method calls: re-flowed when a class is first
    /// instantiated (a call may then dispatch to one more method).
    /// By the receiver's class (as annotated at the site), the method
    /// call sites: operation index included, so the block re-flows from
    /// there. Instantiating a class re-flows the sites of it and its bases
    /// only (every site at every new class is quadratic).
    method_sites: HashMap<ClassId, indexmap::IndexSet<(FuncId, BlockId, usize)>>,
    globals: Vec<ModuleVar>,
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

    /// Re-flows the call site's block from the calling operation on.
    fn schedule_call_site(&mut self, (f, b, op): (FuncId, BlockId, usize)) {
        let queued = self.queued.contains(&(f, b));
        let start = self.resume.entry((f, b)).or_insert(op);
        if queued {
            *start = (*start).min(op);
        } else {
            *start = op;
        }
        self.reached.insert((f, b));
        if self.queued.insert((f, b)) {
            self.queue.push_back((f, b));
        }
    }

    fn schedule(&mut self, f: FuncId, b: BlockId) {
        self.resume.insert((f, b), 0);
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
        let Some(joined) = old.union(&new, &types!(self)) else {
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
                (
                    format!(
                        "argument `{pname}` of `{callee}` is {} here and {} in another call",
                        with_article(new, &types!(self)),
                        with_article(old, &types!(self))
                    ),
                    functions::conflict_help(old, new).unwrap_or(
                        "a parameter has one type for all calls; convert the argument (e.g. with float()) or use two functions",
                    ),
                )
            }
            Conflict::Variable if var == g.return_var() => (
                format!(
                    "function `{}` returns {} here and {} elsewhere",
                    short_name(&g.name),
                    with_article(new, &types!(self)),
                    with_article(old, &types!(self))
                ),
                "every return of a function must give the same type",
            ),
            Conflict::Variable => match &g.vars[var.index()].name {
                Some(name) => (
                    format!(
                        "variable `{}` is {} here and {} elsewhere",
                        // A comprehension's own `x` is `x$comp1` inside.
                        name.split('$')
                            .next()
                            .filter(|n| !n.is_empty())
                            .unwrap_or(name),
                        with_article(new, &types!(self)),
                        with_article(old, &types!(self))
                    ),
                    if old.is_numeric() && new.is_numeric() {
                        "ints and floats are kept apart: write a float literal (e.g. 0.0) or convert with float()"
                    } else {
                        functions::conflict_help(old, new)
                            .unwrap_or("use a separate variable for each type")
                    },
                ),
                None => (
                    format!(
                        "this expression gives {} on one path and {} on another",
                        with_article(new, &types!(self)),
                        with_article(old, &types!(self))
                    ),
                    "both branches must give the same type",
                ),
            },
        };
        let mut d = Diagnostic::error(span, msg).with_help(help);
        if let Some(first) = first {
            if first != span {
                d = d.with_note(
                    Some(first),
                    format!("it was given type {} here", old.describe(&types!(self))),
                );
            }
        }
        d
    }

    fn flow_block(&mut self, f: FuncId, b: BlockId) -> std::result::Result<(), Diagnostic> {
        let g = self.graph(f);
        let block = g.block(b);
        let exits: &[crate::flowgraph::ir::Link] = if self.flow_operations(f, b)? {
            &block.exits
        } else if block.raising {
            // The operation stops the block (it always raises, or its
            // result is not known yet): its exception edge is still taken.
            &block.exits[block.exits.len() - 1..]
        } else {
            return Ok(());
        };
        for link in exits {
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
                for site in self.callers.get(&f).cloned().unwrap_or_default() {
                    self.schedule_call_site(site);
                }
            }
        }
        Ok(())
    }

    /// Makes the block a reader of every list, dict and set in `s`, at
    /// any depth: a rule may look at their items without reading one
    /// (printing a list checks that its items can be printed), and must
    /// see them again when their type grows (an empty list printed first
    /// and given instances later). `seen` stops at a list that holds
    /// itself.
    fn watch_items(&self, s: &SomeValue, f: FuncId, b: BlockId, seen: &mut Vec<listdef::ListId>) {
        let ids = match s {
            SomeValue::List(id) | SomeValue::Set(id) => vec![*id],
            SomeValue::Dict(k, v) => vec![*k, *v],
            SomeValue::Tuple(items) => {
                for item in items {
                    self.watch_items(item, f, b, seen);
                }
                return;
            }
            _ => return,
        };
        for id in ids {
            let root = self.lists.borrow().find(id);
            if seen.contains(&root) {
                continue;
            }
            seen.push(root);
            self.lists.borrow_mut().add_reader(root, f, b);
            let item = self.lists.borrow().item(root).clone();
            self.watch_items(&item, f, b, seen);
        }
    }

    /// Annotates the operations of a block; false if one of them stops
    /// it (no value known yet, or a call that never returns).
    fn flow_operations(&mut self, f: FuncId, b: BlockId) -> std::result::Result<bool, Diagnostic> {
        let g = self.graph(f);
        let block = g.block(b);
        // Operations before `start` were annotated by an earlier flow whose
        // inputs have not changed since.
        let start = self.resume.remove(&(f, b)).unwrap_or(0);
        for (i, op) in block.operations.iter().enumerate().skip(start) {
            self.current_op = i;
            let args: Vec<SomeValue> = op.args.iter().map(|a| self.value(f, a)).collect();
            if args.contains(&SomeValue::Impossible) {
                // An operand with no value yet (a loop variable before the
                // back edge is annotated): this block is flowed again when
                // its inputs change.
                return Ok(false);
            }
            for a in &args {
                self.watch_items(a, f, b, &mut vec![]);
            }
            if converts_to_text(&op.op, &args) {
                self.text_methods(f, b, op, &args)?;
            }
            let result = match &op.op {
                HlOp::Call { keywords } => self.call(f, b, op, &args, keywords)?,
                HlOp::CallMethod { name, keywords } => {
                    self.call_method(f, b, op, name, &args, keywords)?
                }
                HlOp::GetAttr(name) => self.getattr(f, b, name, &args[0], op.span)?,
                HlOp::Hint(t, what) => self.hint(f, op.result, t, what, &args[0], op.span)?,
                HlOp::NewList => self.new_list(f, op.result, &args, op.span)?,
                HlOp::NewDict => self.new_dict(f, op.result, &args, op.span)?,
                HlOp::NewSet { .. } => self.new_set(f, op.result, &args, op.span)?,
                HlOp::DelItem => self.delitem(&args, op.span)?,
                HlOp::IterStart => SomeValue::Int,
                HlOp::IterPos | HlOp::IterMore | HlOp::IterItem => {
                    self.iter_op(f, b, &op.op, &args[0], op.span)?
                }
                HlOp::GenResume | HlOp::Iter => self.generator_op(f, b, &op.op, &args, op.span)?,
                HlOp::GetItem if matches!(args[0], SomeValue::Dict(..)) => {
                    let SomeValue::Dict(k, v) = args[0] else {
                        unreachable!()
                    };
                    self.dict_getitem(f, b, k, v, &args[1], op.span)?
                }
                HlOp::SetItem if matches!(args[0], SomeValue::Dict(..)) => {
                    let SomeValue::Dict(k, v) = args[0] else {
                        unreachable!()
                    };
                    self.dict_setitem(k, v, &args[1], &args[2], op.span)?
                }
                HlOp::GetItem if matches!(args[0], SomeValue::List(_)) => {
                    self.list_getitem(f, b, &args, op.span)?
                }
                HlOp::SetItem => self.setitem(&args, op.span)?,
                HlOp::GetSlice => self.getslice(&args, op.span)?,
                HlOp::StarredItems { start, after } => {
                    self.starred_items(f, op.result, &args[0], (*start, *after), op.span)?
                }
                HlOp::SetSlice | HlOp::DelSlice => self.setslice(&args, op.span)?,
                HlOp::Binary(bop)
                    if matches!(args[0], SomeValue::List(_))
                        || matches!(args[1], SomeValue::List(_)) =>
                {
                    self.list_binary(*bop, &args, op.span)?
                }
                HlOp::InplaceBinary(bop) if matches!(args[0], SomeValue::List(_)) => {
                    // The list itself, grown in place.
                    self.list_binary(*bop, &args, op.span)?;
                    args[0].clone()
                }
                HlOp::SetAttr(name) => self.setattr(name, &args[0], &args[1], op.span)?,
                HlOp::GetGlobal(g) => {
                    let var = &mut self.globals[g.index()];
                    var.readers.insert((f, b));
                    var.value.clone()
                }
                HlOp::SetGlobal(g) => {
                    self.set_global(*g, &args[0], op.span)?;
                    SomeValue::None
                }
                HlOp::IsBuiltinType(_) => SomeValue::Bool,
                HlOp::IsInstance(_) => match &args[0] {
                    SomeValue::Instance { .. } | SomeValue::None => SomeValue::Bool,
                    other => {
                        return Err(Diagnostic::error(
                            op.span,
                            format!(
                                "isinstance() of {} is not supported: it is known when translating",
                                with_article(other, &types!(self))
                            ),
                        ))
                    }
                },
                HlOp::Raise => {
                    match &args[0] {
                        SomeValue::Instance { class, .. }
                            if self.program.is_exception_class(*class) => {}
                        other => {
                            return Err(Diagnostic::error(
                                op.span,
                                format!(
                                    "exceptions must derive from BaseException: cannot raise {}",
                                    with_article(other, &types!(self))
                                ),
                            ))
                        }
                    }
                    SomeValue::Impossible
                }
                // The instances of both classes: the narrower one, or none
                // (the branch that narrowed is never taken).
                HlOp::Downcast(class) => match &args[0] {
                    SomeValue::Instance { class: k, .. }
                        if self.program.is_subclass(*k, *class) =>
                    {
                        SomeValue::Instance {
                            class: *k,
                            can_be_none: false,
                        }
                    }
                    SomeValue::Instance { class: k, .. }
                        if self.program.is_subclass(*class, *k) =>
                    {
                        SomeValue::Instance {
                            class: *class,
                            can_be_none: false,
                        }
                    }
                    _ => SomeValue::Impossible,
                },
                other => rules::annotate_op(&types!(self), other, &op.args, &args, op.span)?,
            };
            if result == SomeValue::Impossible {
                // A call whose result is not known yet (or never returns):
                // the rest of the block waits for it.
                return Ok(false);
            }
            self.generalize(f, op.result, result, op.span, None)?;
        }
        Ok(true)
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
                self.call_function(f, b, *callee, &args[1..], n_pos, keywords, op.span)
            }
            SomeValue::BoundMethod { class, name } => {
                let mut method_args = vec![SomeValue::Instance {
                    class: *class,
                    can_be_none: false,
                }];
                method_args.extend_from_slice(&args[1..]);
                let name = name.clone();
                self.call_method(f, b, op, &name, &method_args, keywords)
            }
            SomeValue::Funcs { functions, .. } => {
                // Calling None raises TypeError at run time.
                let callees = functions.clone();
                self.call_functions(f, b, &callees, &args[1..], n_pos, keywords, op.span)
            }
            SomeValue::Closure(callee, env) => {
                let mut all = env.clone();
                all.extend_from_slice(&args[1..]);
                let n_pos = n_pos + env.len();
                self.call_function(f, b, *callee, &all, n_pos, keywords, op.span)
            }
            SomeValue::Class(class) => {
                let class = *class;
                let instance = SomeValue::Instance {
                    class,
                    can_be_none: false,
                };
                if self.classes.instantiated.insert(class) {
                    let sites: Vec<_> = self
                        .program
                        .mro(class)
                        .filter_map(|k| self.method_sites.get(&k))
                        .flat_map(|s| s.iter().copied())
                        .collect();
                    for site in sites {
                        self.schedule_call_site(site);
                    }
                }
                match self.program.lookup_method(class, "__init__") {
                    Some(init) => {
                        let mut init_args = vec![self.self_annotation(init)];
                        init_args.extend_from_slice(&args[1..]);
                        let r = self.call_function(
                            f,
                            b,
                            init,
                            &init_args,
                            n_pos + 1,
                            keywords,
                            op.span,
                        )?;
                        if r == SomeValue::Impossible {
                            return Ok(r);
                        }
                    }
                    None if self.program.is_exception_class(class) && args.len() <= 2 => {}
                    None if args.len() > 1 => {
                        return Err(Diagnostic::error(
                            op.span,
                            format!(
                                "`{}()` takes no arguments: the class has no `__init__`",
                                self.program.class(class).name
                            ),
                        ))
                    }
                    None => {}
                }
                Ok(instance)
            }
            SomeValue::Builtin(Builtin::Set) => {
                self.set_builtin(f, b, op.result, &args[1..], op.span)
            }
            SomeValue::Builtin(Builtin::Io(crate::flowgraph::ir::IoFn::Open)) => {
                self.open_call(&args[1..], &op.args[1..], keywords, op.span)
            }
            SomeValue::Builtin(Builtin::Sorted) => {
                self.sorted(f, b, op.result, &args[1..], keywords, op.span)
            }
            SomeValue::Builtin(builtin) => {
                rules::annotate_builtin_call(&types!(self), *builtin, &args[1..], keywords, op.span)
            }
            other => Err(Diagnostic::error(
                op.span,
                format!("{} is not callable", with_article(other, &types!(self))),
            )),
        }
    }
}

impl<'a> Annotator<'a> {
    /// `self` of a method: an instance of the class that defines it.
    fn self_annotation(&self, method: FuncId) -> SomeValue {
        SomeValue::Instance {
            class: self.program.function(method).class.expect("a method"),
            can_be_none: false,
        }
    }

    /// Flows `args` (callee excluded; keywords last) into `callee`'s
    /// parameters; the result is what it returns so far.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn call_function(
        &mut self,
        f: FuncId,
        b: BlockId,
        callee: FuncId,
        args: &[SomeValue],
        n_pos: usize,
        keywords: &[std::rc::Rc<str>],
        span: Span,
    ) -> std::result::Result<SomeValue, Diagnostic> {
        let desc = self.program.function(callee);
        let sources = callargs::match_call_args(desc, n_pos, keywords, span)?;
        if !self.flow.graphs.contains_key(&callee) {
            let errors = self.flow.deferred_errors.get(&callee);
            let mut d = errors.and_then(|e| e.first()).cloned().unwrap_or_else(|| {
                Diagnostic::error(
                    span,
                    "internal error: no flow graph for the called function",
                )
            });
            d = d.with_note(Some(span), format!("`{}` is called here", desc.name));
            return Err(d);
        }
        self.ensure_function(callee);
        let cg = self.graph(callee);
        let params = cg.block(cg.startblock).inputargs.clone();
        let mut changed = !self.reached.contains(&(callee, cg.startblock));
        for (param, src) in params.iter().zip(&sources) {
            let s = match src {
                callargs::ArgSource::Given(i) => args[*i].clone(),
                callargs::ArgSource::Default(c) => SomeValue::of_constant(c),
            };
            changed |= self.generalize(
                callee,
                *param,
                s,
                span,
                Some(Conflict::Argument { callee: &desc.name }),
            )?;
        }
        if changed {
            self.schedule(callee, cg.startblock);
            self.unify_function_family(callee, span)?;
        }
        self.callers
            .entry(callee)
            .or_default()
            .insert((f, b, self.current_op));
        Ok(self.bindings[&callee][cg.return_var().index()].clone())
    }

    /// The receiver's class, or an error for a value that has no
    /// attributes in this subset.
    fn receiver_class(
        &self,
        obj: &SomeValue,
        what: &str,
        span: Span,
    ) -> std::result::Result<ClassId, Diagnostic> {
        match obj {
            SomeValue::Instance { class, .. } => Ok(*class),
            SomeValue::None => Err(Diagnostic::error(
                span,
                format!("{what} of a value that is always None"),
            )),
            other => Err(Diagnostic::error(
                span,
                format!(
                    "{what} of {} is not supported",
                    with_article(other, &types!(self))
                ),
            )),
        }
    }

    pub(super) fn getattr(
        &mut self,
        f: FuncId,
        b: BlockId,
        name: &Rc<str>,
        obj: &SomeValue,
        span: Span,
    ) -> std::result::Result<SomeValue, Diagnostic> {
        if *obj == SomeValue::None {
            return Ok(SomeValue::Impossible); // AttributeError at run time
        }
        if matches!(obj, SomeValue::File { .. }) && &**name == "closed" {
            return Ok(SomeValue::Bool);
        }
        let class = self.receiver_class(obj, &format!("reading attribute `{name}`"), span)?;
        let root = self.root_class(class);
        self.classes
            .readers
            .entry((root, name.clone()))
            .or_default()
            .insert((f, b, self.current_op));
        if let Some(v) = class_attr_annotation(&types!(self), class, name) {
            return Ok(v);
        }
        if self.program.lookup_method(class, name).is_some() {
            return Ok(SomeValue::BoundMethod {
                class,
                name: name.clone(),
            });
        }
        let (value, changed) = self.classes.read(&types!(self), class, name, span)?;
        if changed.0 {
            self.reflow_readers(root, name);
        }
        Ok(value)
    }

    fn setattr(
        &mut self,
        name: &Rc<str>,
        obj: &SomeValue,
        value: &SomeValue,
        span: Span,
    ) -> std::result::Result<SomeValue, Diagnostic> {
        if *obj == SomeValue::None {
            return Ok(SomeValue::Impossible); // AttributeError at run time
        }
        let class = self.receiver_class(obj, &format!("assigning attribute `{name}`"), span)?;
        let in_class = self
            .program
            .subtree(self.program.mro(class).last().unwrap_or(class));
        if let Some(k) = in_class.iter().find(|k| {
            self.program.class(**k).attrs.contains_key(&**name)
                || self.program.class(**k).methods.contains_key(&**name)
        }) {
            return Err(Diagnostic::error(
                span,
                format!(
                    "assigning `{name}` on an instance, but class `{}` defines `{name}` in its body: not supported",
                    self.program.class(*k).name
                ),
            )
            .with_help("use a different name for the instance attribute"));
        }
        if self
            .classes
            .assign(&types!(self), class, name, value.clone(), span)?
        {
            let root = self.root_class(class);
            self.reflow_readers(root, name);
        }
        Ok(SomeValue::None)
    }

    fn set_global(
        &mut self,
        g: crate::flowgraph::ir::GlobalId,
        value: &SomeValue,
        span: Span,
    ) -> std::result::Result<(), Diagnostic> {
        let old = self.globals[g.index()].value.clone();
        let Some(joined) = old.union(value, &types!(self)) else {
            let name = &self.program.global_vars[g.index()].name;
            let mut d = Diagnostic::error(
                span,
                format!(
                    "module variable `{name}` is {} here and {} elsewhere",
                    with_article(value, &types!(self)),
                    with_article(&old, &types!(self))
                ),
            )
            .with_help("use a separate variable for each type");
            if let Some(first) = self.globals[g.index()].first_span {
                d = d.with_note(
                    Some(first),
                    format!("it was given type {} here", old.describe(&types!(self))),
                );
            }
            return Err(d);
        };
        if joined != old {
            let var = &mut self.globals[g.index()];
            var.first_span.get_or_insert(span);
            var.value = joined;
            for (f, b) in var.readers.clone() {
                self.schedule(f, b);
            }
        }
        Ok(())
    }

    /// The base of every class `class` shares attributes with.
    fn root_class(&self, class: ClassId) -> ClassId {
        self.program.mro(class).last().unwrap_or(class)
    }

    fn reflow_readers(&mut self, root: ClassId, name: &Rc<str>) {
        if let Some(readers) = self.classes.readers.get(&(root, name.clone())).cloned() {
            for site in readers {
                self.schedule_call_site(site);
            }
        }
    }

    fn call_method(
        &mut self,
        f: FuncId,
        b: BlockId,
        op: &crate::flowgraph::ir::Operation<HlOp>,
        name: &Rc<str>,
        args: &[SomeValue],
        keywords: &[Rc<str>],
    ) -> std::result::Result<SomeValue, Diagnostic> {
        if args[0] == SomeValue::None {
            return Ok(SomeValue::Impossible); // AttributeError at run time
        }
        if let SomeValue::List(id) = args[0] {
            return self.list_method(f, b, id, name, &args[1..], keywords, op.span);
        }
        if let SomeValue::Set(items) = args[0] {
            return self.set_method(f, b, items, name, &args[1..], op.span);
        }
        if let SomeValue::Dict(k, v) = args[0] {
            if !keywords.is_empty() {
                return Err(Diagnostic::error(
                    op.span,
                    format!("keyword arguments to dict.{name}() are not supported"),
                ));
            }
            return self.dict_method(f, b, op.result, (k, v), name, &args[1..], op.span);
        }
        if let SomeValue::Builtin(Builtin::Io(stream)) = args[0] {
            return io::stream_method(&types!(self), stream, name, &args[1..], op.span);
        }
        if let SomeValue::File { binary } = args[0] {
            let rest = &args[1..];
            return self.file_method(f, op.result, binary, name, rest, keywords, op.span);
        }
        if name.starts_with('$') {
            // `with` on something other than a file.
            return Err(Diagnostic::error(
                op.span,
                format!(
                    "`with` is supported for files only, not {}",
                    with_article(&args[0], &types!(self))
                ),
            ));
        }
        let values = &op.args[1..];
        if let Some(r) = bytes::bytes_method(
            &types!(self),
            &args[0],
            name,
            &args[1..],
            values,
            keywords,
            op.span,
        ) {
            return r;
        }
        if let SomeValue::Str { can_be_none: false } = args[0] {
            return self.str_method(f, op.result, name, &args[1..], keywords, op.span);
        }
        let class = self.receiver_class(&args[0], &format!("calling method `{name}`"), op.span)?;
        if is_field_call(self.program, class, name) {
            let callee = self.getattr(f, b, name, &args[0], op.span)?;
            self.classes.note_call(&types!(self), class, name);
            if callee == SomeValue::Impossible {
                return Ok(SomeValue::Impossible); // not assigned yet
            }
            let mut call_args = vec![callee];
            call_args.extend_from_slice(&args[1..]);
            return self.call(f, b, op, &call_args, keywords);
        }
        self.method_sites
            .entry(class)
            .or_default()
            .insert((f, b, self.current_op));
        let targets = method_targets(self.program, &self.classes, class, name).map_err(|k| {
            Diagnostic::error(
                op.span,
                format!(
                    "`{}` objects have no method `{name}`",
                    self.program.class(k).name
                ),
            )
        })?;
        let n_pos = args.len() - keywords.len();
        let mut result = SomeValue::Impossible;
        for target in targets {
            let mut call_args = args.to_vec();
            call_args[0] = self.self_annotation(target);
            let r = self.call_function(f, b, target, &call_args, n_pos, keywords, op.span)?;
            result = result.union(&r, &types!(self)).ok_or_else(|| {
                Diagnostic::error(
                    op.span,
                    format!(
                        "the implementations of method `{name}` return different types ({} and {})",
                        result.describe(&types!(self)),
                        r.describe(&types!(self))
                    ),
                )
                .with_help("every override of a method must return the same type")
            })?;
        }
        self.unify_family(
            &targets_of(self.program, &self.classes, class, name),
            1,
            &result,
            op.span,
        )?;
        Ok(result)
    }

    /// The functions one call site may dispatch to are called through one
    /// function pointer, so they must agree on their machine signature:
    /// every parameter from `first` on (methods keep their own `self`),
    /// and the result, get the union of the family's annotations
    /// (RPython's call families).
    pub(super) fn unify_family(
        &mut self,
        targets: &[FuncId],
        first: usize,
        result: &SomeValue,
        span: Span,
    ) -> std::result::Result<(), Diagnostic> {
        if targets.len() < 2 {
            return Ok(());
        }
        let nparams = targets
            .iter()
            .map(|t| {
                self.graph(*t)
                    .block(self.graph(*t).startblock)
                    .inputargs
                    .len()
            })
            .max()
            .unwrap_or(0);
        for i in first..nparams {
            let mut joined = SomeValue::Impossible;
            for &t in targets {
                let g = self.graph(t);
                if let Some(&v) = g.block(g.startblock).inputargs.get(i) {
                    let s = self.bindings[&t][v.index()].clone();
                    joined = joined.union(&s, &types!(self)).unwrap_or(joined);
                }
            }
            for &t in targets {
                let g = self.graph(t);
                if let Some(&v) = g.block(g.startblock).inputargs.get(i) {
                    if self.generalize(t, v, joined.clone(), span, None)? {
                        self.schedule(t, g.startblock);
                    }
                }
            }
        }
        for &t in targets {
            let rv = self.graph(t).return_var();
            if self.generalize(t, rv, result.clone(), span, None)? {
                for site in self.callers.get(&t).cloned().unwrap_or_default() {
                    self.schedule_call_site(site);
                }
            }
        }
        Ok(())
    }
}

/// The method that gives str(x) (repr(x) with `repr`) for x an instance
/// of `class` or of a subclass: `__str__` or `__repr__`, when every class
/// of that subtree has it (by inheritance too), taking `self` alone (so
/// every override is called alike, also by the runtime's call back).
/// Exceptions are apart (their message).
pub fn text_method(p: &Program, class: ClassId, repr: bool) -> Option<&'static str> {
    if p.is_exception_class(class) {
        return None;
    }
    let all_have = |name| {
        p.subtree(class).iter().all(|k| {
            p.lookup_method(*k, name)
                .is_some_and(|m| p.function(m).params.len() == 1)
        })
    };
    if repr {
        return all_have("__repr__").then_some("__repr__");
    }
    if all_have("__str__") {
        return Some("__str__");
    }
    let none_has_str = p
        .subtree(class)
        .iter()
        .all(|k| p.lookup_method(*k, "__str__").is_none());
    (none_has_str && all_have("__repr__")).then_some("__repr__")
}

/// Operations that may turn their arguments into text: print, str(),
/// repr(), f-strings, `%` on a str, str.format.
fn converts_to_text(op: &HlOp, args: &[SomeValue]) -> bool {
    match op {
        HlOp::Call { .. } => matches!(
            args.first(),
            Some(SomeValue::Builtin(
                Builtin::Print | Builtin::Str | Builtin::Repr
            ))
        ),
        HlOp::FString(_) => true,
        HlOp::Binary(crate::flowgraph::hlop::BinOp::Mod) => {
            matches!(args.first(), Some(SomeValue::Str { .. }))
        }
        HlOp::CallMethod { name, .. } => {
            &**name == "format" && matches!(args.first(), Some(SomeValue::Str { .. }))
        }
        _ => false,
    }
}

/// Whether `obj.name(...)` on an instance of `class` calls the function
/// value held in an instance attribute: no class of the hierarchy defines
/// `name` in its body (a method, or a class attribute whose function
/// CPython would bind to the instance).
pub fn is_field_call(p: &Program, class: ClassId, name: &str) -> bool {
    let root = p.mro(class).last().unwrap_or(class);
    !p.subtree(root).into_iter().any(|k| {
        let desc = p.class(k);
        desc.methods.contains_key(name) || desc.attrs.contains_key(name)
    })
}

/// The methods a call `obj.name(...)` on an instance of `class` may run:
/// one per instantiated class at or below `class`. `Err(k)` names an
/// instantiated class without such a method.
pub fn method_targets(
    p: &Program,
    classes: &classdef::ClassDefs,
    class: ClassId,
    name: &str,
) -> std::result::Result<Vec<FuncId>, ClassId> {
    let mut out = indexmap::IndexSet::new();
    for k in p.subtree(class) {
        if classes.instantiated.contains(&k) {
            out.insert(p.lookup_method(k, name).ok_or(k)?);
        }
    }
    Ok(out.into_iter().collect())
}

fn targets_of(
    p: &Program,
    classes: &classdef::ClassDefs,
    class: ClassId,
    name: &str,
) -> Vec<FuncId> {
    method_targets(p, classes, class, name).unwrap_or_default()
}

/// A class-body constant read through an instance: the union over the
/// classes that can be behind it (an override in a subclass counts).
fn class_attr_annotation(p: &Types, class: ClassId, name: &str) -> Option<SomeValue> {
    let mut result: Option<SomeValue> = None;
    if let Some((_, c)) = p.lookup_class_attr(class, name) {
        result = Some(SomeValue::of_constant(c));
    }
    for k in p.subtree(class) {
        if let Some(c) = p.class(k).attrs.get(name) {
            let s = SomeValue::of_constant(c);
            result = Some(match result {
                None => s,
                Some(r) => r.union(&s, p).unwrap_or(r),
            });
        }
    }
    result
}

fn short_name(qualname: &str) -> &str {
    qualname.rsplit('.').next().unwrap_or(qualname)
}

/// Adds "reached from" notes: how the entry point gets to `f`.
fn with_call_chain(mut d: Diagnostic, flow: &FlowGraphs, f: FuncId) -> Diagnostic {
    let chain = flow.call_chain(f);
    let mut callee = short_name(&flow.graphs[&f].name).to_string();
    for (caller, span) in chain.into_iter().rev() {
        // A helper the parse phase made at a call (`iter(seq)`) is
        // reached where the error already points.
        if d.span != Some(span) {
            d = d.with_note(
                Some(span),
                format!("`{callee}` is reached from `{}` here", short_name(&caller)),
            );
        }
        callee = short_name(&caller).to_string();
    }
    d
}
