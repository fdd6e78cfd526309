//! The graphs of generator functions (see `GeneratorPart`): the maker
//! stores its arguments in a new generator object; the resume function
//! dispatches on the object's resume point, and each `yield` saves the
//! frame state in the object and returns True, to be restored in a block
//! the dispatch jumps to on the next call.

use super::{Builder, ExprResult, State};
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::{CmpOp, HlOp};
use crate::flowgraph::ir::{BlockId, ClassId, Constant, Link, Value};
use crate::parse::generators::{arg_field, saved_field, GEN_PARAM, STATE_FIELD, VALUE_FIELD};
use rustpython_parser::ast;
use std::rc::Rc;

fn int(i: i64) -> Value {
    Value::Const(Constant::Int(i))
}

impl Builder<'_> {
    /// The maker's body: a new generator object holding the arguments,
    /// not started.
    pub(super) fn build_maker(&mut self, class: ClassId, span: Span) {
        let gen = self.emit(
            HlOp::Call {
                keywords: Rc::from([]),
            },
            vec![Value::Const(Constant::Class(class))],
            span,
            None,
        );
        self.set_field(&gen, STATE_FIELD.into(), int(0), span);
        let params: Vec<Rc<str>> = self
            .program
            .function(self.graph.func)
            .params
            .iter()
            .map(|p| p.name.clone())
            .collect();
        for p in params {
            let v = self.state()[&p].clone();
            self.set_field(&gen, arg_field(&p), v, span);
        }
        self.emit_return(gen, span);
    }

    /// Stores into the generator object, which is never None: nothing
    /// can raise, so the block is not split even inside a `try`, and the
    /// values at hand stay valid.
    fn set_field(&mut self, obj: &Value, field: Rc<str>, v: Value, span: Span) {
        self.emit_op(HlOp::SetAttr(field), vec![obj.clone(), v], span, None);
    }

    fn gen(&mut self) -> Value {
        self.state()[GEN_PARAM].clone()
    }

    /// The resume function's entry: marks the generator running (so an
    /// exception leaves it finished) and, when it has not started, loads
    /// the arguments. The other resume points are dispatched to by
    /// `resume_dispatch` once the body is built.
    pub(super) fn resume_prologue(&mut self, maker_params: &[Rc<str>], span: Span) {
        let gen = self.gen();
        let point = self.emit_op(
            HlOp::GetAttr(STATE_FIELD.into()),
            vec![gen.clone()],
            span,
            None,
        );
        self.set_field(&gen, STATE_FIELD.into(), int(-1), span);
        let resume_point = self.hidden("resume");
        self.state().insert(resume_point.clone(), point.clone());
        let start = self.emit(HlOp::Compare(CmpOp::Eq), vec![point, int(0)], span, None);
        let (t, e) = self.branch(start);
        self.resume_dispatch_from = Some((e, resume_point.clone()));
        self.join(t, span);
        self.state().shift_remove(&resume_point);
        let gen = self.gen();
        for p in maker_params {
            let v = self.emit_op(
                HlOp::GetAttr(arg_field(p)),
                vec![gen.clone()],
                span,
                Some(p.clone()),
            );
            self.state().insert(p.clone(), v);
        }
    }

    /// `yield value`: saves every local in the generator, sets the resume
    /// point and returns True; building goes on in the block that restores
    /// them. The expression's value is None (nothing is ever sent).
    pub(super) fn yield_value(&mut self, y: &ast::ExprYield) -> ExprResult {
        let span = self.span(y);
        if self.resume_dispatch_from.is_none() {
            return Err(Diagnostic::error(
                span,
                "`yield` outside a generator function",
            ));
        }
        if !self.finallies.is_empty() {
            return Err(Diagnostic::error(
                span,
                "`yield` inside `try` with `finally` is not supported: CPython runs the `finally` clause when an unfinished generator is discarded, which translated code cannot do",
            )
            .with_help("move the `yield` out of the `try`, or catch the exceptions with `except` instead"));
        }
        let value = match &y.value {
            Some(e) => self.expr(e)?,
            None => Value::Const(Constant::None),
        };
        let gen = self.gen();
        self.set_field(&gen, VALUE_FIELD.into(), value, span);
        self.resumes.push(BlockId(u32::MAX));
        let k = self.resumes.len();
        let Some((_, state)) = &self.current else {
            return Ok(Value::Const(Constant::None));
        };
        let saved: Vec<(Rc<str>, Value)> = state
            .iter()
            .filter(|(n, _)| &***n != GEN_PARAM)
            .map(|(n, v)| (n.clone(), v.clone()))
            .collect();
        let origins = state.origins.clone();
        for (name, v) in &saved {
            if let Value::Var(_) = v {
                self.set_field(&gen, saved_field(k, name), v.clone(), span);
            }
        }
        self.set_field(&gen, STATE_FIELD.into(), int(k as i64), span);
        let Some((from, _)) = self.current.take() else {
            return Ok(Value::Const(Constant::None));
        };
        let target = self.graph.returnblock;
        self.graph.block_mut(from).exits.push(Link {
            target,
            args: vec![Value::Const(Constant::Bool(true))],
            arg_spans: vec![span],
            exitcase: None,
            span,
        });
        // The resume point: only the generator comes in.
        let g = self.graph.new_var(None, span);
        let block = self.graph.new_block(vec![g]);
        self.resumes[k - 1] = block;
        let mut state = State::new();
        state.insert(GEN_PARAM.into(), Value::Var(g));
        self.current = Some((block, state));
        for (name, v) in saved {
            let restored = match v {
                Value::Var(_) => {
                    let shown = (!name.starts_with('$')).then(|| name.clone());
                    self.emit_op(
                        HlOp::GetAttr(saved_field(k, &name)),
                        vec![Value::Var(g)],
                        span,
                        shown,
                    )
                }
                constant => constant,
            };
            self.state().insert(name.clone(), restored);
            if let Some(o) = origins.get(&name) {
                self.state().origins.insert(name, *o);
            }
        }
        Ok(Value::Const(Constant::None))
    }

    /// After the body: the entry's other branch jumps to the block of
    /// the resume point stored in the generator; -1 (finished) returns
    /// False.
    pub(super) fn resume_dispatch(&mut self, span: Span) {
        let Some((pending, point_name)) = self.resume_dispatch_from.take() else {
            return;
        };
        self.join(pending, span);
        for (i, block) in self.resumes.clone().into_iter().enumerate() {
            if self.current.is_none() {
                break;
            }
            let point = self.state()[&point_name].clone();
            let here = self.emit(
                HlOp::Compare(CmpOp::Eq),
                vec![point.clone(), int(i as i64 + 1)],
                span,
                None,
            );
            let (t, e) = self.branch(here);
            for p in t {
                self.add_link(p, block, &[GEN_PARAM.into()], span);
            }
            self.join(e, span);
        }
        if self.current.is_some() {
            self.emit_return(Value::Const(Constant::Bool(false)), span);
        }
    }
}
