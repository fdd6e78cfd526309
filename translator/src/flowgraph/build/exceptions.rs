//! Exceptions in flow graphs: `raise`, `try`/`except`/`else`/`finally`.
//!
//! Inside a `try`, every operation that can raise ends its block, which
//! becomes a raising block: its last exit, the exception edge, leads to
//! the handlers with the exception (`Constant::CaughtException`) in a
//! hidden state name. A `raise` inside a `try` jumps straight there.
//! `finally` bodies are emitted once per way out (normal, exception,
//! `return`, `break`, `continue`).

use super::*;

/// An enclosing `try`: operations that can raise get an exception edge to
/// its handlers, carrying the exception under `exc_name`.
pub(super) struct TryCtx {
    exc_name: Rc<str>,
    exc_edges: Vec<Pending>,
}

/// An enclosing `finally` body, run before a `return` (and before a
/// `break`/`continue` of a loop that contains the `try`) leaves it.
pub(super) struct FinallyCtx {
    body: Rc<[ast::Stmt]>,
    /// `loops.len()` and `tries.len()` outside the `try`.
    loop_depth: usize,
    try_depth: usize,
}

/// The nearest class all of `classes` derive from (`BaseException` for
/// none: a bare `except`).
pub(super) fn common_base(p: &Program, classes: &[ClassId]) -> ClassId {
    let mut it = classes.iter();
    let Some(&first) = it.next() else {
        return crate::parse::program::BASE_EXCEPTION;
    };
    it.fold(first, |acc, &c| {
        p.mro(acc)
            .find(|&k| p.is_subclass(c, k))
            .unwrap_or(crate::parse::program::BASE_EXCEPTION)
    })
}

/// High-level operations that can raise, so inside a `try` they end
/// their block with an exception edge.
pub(super) fn can_raise(op: &HlOp) -> bool {
    !matches!(
        op,
        HlOp::Truth
            | HlOp::Compare(_)
            | HlOp::IsInstance(_)
            | HlOp::IsBuiltinType(_)
            | HlOp::RangeNext
            | HlOp::Downcast(_)
            | HlOp::Unary(UnOp::Not)
            | HlOp::SetGlobal(_)
            | HlOp::IterStart
            | HlOp::NotNone
            | HlOp::JitHint(_)
            | HlOp::Hint(..)
    )
}

impl Builder<'_> {
    /// Inside a `try`: the operation just emitted ends its block, which
    /// gets an exception edge to the handlers (added when they are built)
    /// after its normal exit into a new block.
    pub(super) fn split_after_raising_op(&mut self, v: Value, span: Span) -> Value {
        let (from, mut state) = self.current.take().expect("emitting into unreachable code");
        self.graph.block_mut(from).raising = true;
        let ctx = self.tries.last().unwrap();
        let mut exc_state = state.clone();
        exc_state.insert(
            ctx.exc_name.clone(),
            Value::Const(Constant::CaughtException),
        );
        let held = self.hidden("result");
        state.insert(held.clone(), v);
        let names: Vec<Rc<str>> = state.keys().cloned().collect();
        let edge = Pending {
            from,
            exitcase: None,
            state,
        };
        let (block, mut new_state, _) = self.link_to_new_block(vec![edge], &names, span, None);
        let v = new_state.shift_remove(&held).unwrap();
        self.current = Some((block, new_state));
        self.tries.last_mut().unwrap().exc_edges.push(Pending {
            from,
            exitcase: None,
            state: exc_state,
        });
        v
    }

    /// `raise E(...)`, `raise E` or a bare `raise` in a handler.
    pub(super) fn raise_stmt(&mut self, r: &ast::StmtRaise) -> Result<(), Diagnostic> {
        let span = self.span(r);
        if r.cause.is_some() {
            return Err(self.unsupported(r, "`raise ... from ...`"));
        }
        let exc = match &r.exc {
            None => {
                let Some(name) = self.handling.last().cloned() else {
                    return Err(Diagnostic::error(
                        span,
                        "a bare `raise` is only supported inside an `except` block",
                    ));
                };
                self.state()[&name].clone()
            }
            Some(e) => match self.expr(e)? {
                Value::Const(Constant::Class(c)) if !self.program.is_exception_class(c) => {
                    return Err(Diagnostic::error(
                        span,
                        format!(
                            "exceptions must derive from BaseException: `{}` does not",
                            self.program.class(c).name
                        ),
                    ));
                }
                Value::Const(Constant::Class(c)) => self.emit(
                    HlOp::Call {
                        keywords: Rc::from([]),
                    },
                    vec![Value::Const(Constant::Class(c))],
                    span,
                    None,
                ),
                v => v,
            },
        };
        if self.current.is_some() {
            self.raise_value(exc, span);
        }
        Ok(())
    }

    /// Raises `exc`: a jump to the handlers of the enclosing `try`, or a
    /// raise operation that leaves the function.
    pub(super) fn raise_value(&mut self, exc: Value, span: Span) {
        match self.tries.last() {
            Some(ctx) => {
                let name = ctx.exc_name.clone();
                let (from, mut state) = self.current.take().unwrap();
                state.insert(name, exc);
                self.tries.last_mut().unwrap().exc_edges.push(Pending {
                    from,
                    exitcase: None,
                    state,
                });
            }
            None => {
                self.emit_op(HlOp::Raise, vec![exc], span, None);
                self.current = None;
            }
        }
    }

    /// Before a `return` (`loop_depth` 0) or a `break`/`continue` of the
    /// loop at `loop_depth`: the `finally` bodies being left, innermost
    /// first, each emitted outside its own `try`.
    pub(super) fn run_finallies(&mut self, loop_depth: usize) {
        let mut i = self.finallies.len();
        while i > 0 && self.current.is_some() {
            i -= 1;
            if self.finallies[i].loop_depth < loop_depth {
                break;
            }
            let body = self.finallies[i].body.clone();
            let inner_tries = self.tries.split_off(self.finallies[i].try_depth);
            let inner_finallies = self.finallies.split_off(i);
            self.stmts(&body);
            self.finallies.extend(inner_finallies);
            self.tries.extend(inner_tries);
        }
    }

    pub(super) fn try_stmt(&mut self, t: &ast::StmtTry) -> Result<(), Diagnostic> {
        let span = self.span(t);
        if t.finalbody.is_empty() {
            return self.try_except(t, span);
        }
        self.finallies.push(FinallyCtx {
            body: t.finalbody.clone().into(),
            loop_depth: self.loops.len(),
            try_depth: self.tries.len(),
        });
        // The body starts a block of its own, so that the first raising
        // block it makes holds nothing from before the `try`.
        let entry = self.goto();
        self.join(entry, span);
        let exc_name = self.hidden("exc");
        self.tries.push(TryCtx {
            exc_name: exc_name.clone(),
            exc_edges: vec![],
        });
        let inner = if t.handlers.is_empty() {
            self.stmts(&t.body);
            Ok(())
        } else {
            self.try_except(t, span)
        };
        let ctx = self.tries.pop().unwrap();
        self.finallies.pop();
        inner?;
        // Leaving normally: run the body, go on.
        let normal = self.goto();
        self.join(normal, span);
        self.stmts(&t.finalbody);
        let after = self.goto();
        // Leaving with an exception: run the body, raise it again.
        self.join(ctx.exc_edges, span);
        if self.current.is_some() {
            self.stmts(&t.finalbody);
            if self.current.is_some() {
                let exc = self.state()[&exc_name].clone();
                self.raise_value(exc, span);
            }
        }
        self.join(after, span);
        Ok(())
    }

    /// `try`/`except`/`else` (the `finally` part is `try_stmt`'s).
    pub(super) fn try_except(&mut self, t: &ast::StmtTry, span: Span) -> Result<(), Diagnostic> {
        // The body starts a block of its own, so that the first raising
        // block it makes holds nothing from before the `try`.
        let entry = self.goto();
        self.join(entry, span);
        let exc_name = self.hidden("exc");
        self.tries.push(TryCtx {
            exc_name: exc_name.clone(),
            exc_edges: vec![],
        });
        self.stmts(&t.body);
        let ctx = self.tries.pop().unwrap();
        let mut after = self.goto();
        if !t.orelse.is_empty() {
            self.join(after, span);
            self.stmts(&t.orelse);
            after = self.goto();
        }
        self.join(ctx.exc_edges, span);
        for h in &t.handlers {
            if self.current.is_none() {
                break;
            }
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hspan = self.span(h);
            let exc = self.state()[&exc_name].clone();
            let matched = match &h.type_ {
                None => vec![],
                Some(ty) => {
                    let classes = self.handler_classes(ty)?;
                    let cond = self.emit(
                        HlOp::IsInstance(classes.clone().into()),
                        vec![exc.clone()],
                        hspan,
                        None,
                    );
                    let (yes, no) = self.branch(cond);
                    self.join(yes, hspan);
                    // The handler continues here; the next one tests `no`.
                    self.handler_body(h, &exc_name, &classes, &mut after)?;
                    self.join(no, hspan);
                    continue;
                }
            };
            self.handler_body(h, &exc_name, &matched, &mut after)?;
        }
        // No handler matched: on to the enclosing handlers or the caller.
        if self.current.is_some() {
            let exc = self.state()[&exc_name].clone();
            self.raise_value(exc, span);
        }
        self.join(after, span);
        Ok(())
    }

    /// One `except` clause's body, with `as name` bound to the exception
    /// seen as the clause's classes; its end joins `after`.
    pub(super) fn handler_body(
        &mut self,
        h: &ast::ExceptHandlerExceptHandler,
        exc_name: &Rc<str>,
        classes: &[ClassId],
        after: &mut Vec<Pending>,
    ) -> Result<(), Diagnostic> {
        if self.current.is_none() {
            return Ok(());
        }
        let hspan = self.span(h);
        if let Some(name) = &h.name {
            let exc = self.state()[exc_name].clone();
            let class = common_base(self.program, classes);
            let v = self.emit(
                HlOp::Downcast(class),
                vec![exc],
                hspan,
                Some(name.as_str().into()),
            );
            let target = ast::Expr::Name(ast::ExprName {
                range: h.range,
                id: name.clone(),
                ctx: ast::ExprContext::Store,
            });
            self.assign(&target, v)?;
        }
        self.handling.push(exc_name.clone());
        self.stmts(&h.body);
        self.handling.pop();
        if let Some(name) = &h.name {
            // Python unbinds the name at the end of the clause.
            if self.current.is_some() {
                self.state().shift_remove(name.as_str());
            }
        }
        after.extend(self.goto());
        Ok(())
    }

    /// The classes an `except` clause names (a class or a tuple).
    pub(super) fn handler_classes(&mut self, ty: &ast::Expr) -> Result<Vec<ClassId>, Diagnostic> {
        let exprs: Vec<&ast::Expr> = match ty {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut out = vec![];
        for e in exprs {
            match self.expr(e)? {
                Value::Const(Constant::Class(c)) if self.program.is_exception_class(c) => {
                    out.push(c)
                }
                _ => {
                    return Err(Diagnostic::error(
                        self.span(e),
                        "`except` takes exception classes (or a tuple of them)",
                    ))
                }
            }
        }
        Ok(out)
    }
}
