//! Classes in flow graphs: attribute access, method calls, `super()`,
//! `isinstance` and the narrowing of a local after it.

use super::*;
use crate::parse::program::EXC_MESSAGE;

impl Builder<'_> {
    /// `C.name`: a method (as a plain function, `Base.__init__(self)`) or
    /// a class-level constant, resolved when the graph is built.
    pub(super) fn class_attribute(&self, c: ClassId, name: &str, span: Span) -> ExprResult {
        if let Some(f) = self.program.lookup_method(c, name) {
            return Ok(Value::Const(Constant::Func(f)));
        }
        if let Some((_, v)) = self.program.lookup_class_attr(c, name) {
            return Ok(Value::Const(v.clone()));
        }
        Err(Diagnostic::error(
            span,
            format!(
                "class `{}` has no attribute `{name}`",
                self.program.class(c).name
            ),
        ))
    }

    /// The class whose method is being built, for `super()`.
    pub(super) fn enclosing_class(&self) -> Option<ClassId> {
        self.program.function(self.graph.func).class
    }

    /// `super().name`: the method `name` of the enclosing class's base,
    /// known statically, as a function taking `self` first (with `self`).
    /// `None` for `BaseException.__init__`, which `exception_init` does.
    pub(super) fn super_method(
        &mut self,
        call: &ast::ExprCall,
        name: &str,
        span: Span,
    ) -> Result<(Option<Value>, Value), Diagnostic> {
        let Some(class) = self.enclosing_class() else {
            return Err(Diagnostic::error(
                span,
                "`super()` is only supported inside a method",
            ));
        };
        if !call.args.is_empty() || !call.keywords.is_empty() {
            return Err(self.unsupported(call, "`super()` with arguments (write `super()`)"));
        }
        let desc = self.program.class(class);
        let found = desc.base.and_then(|b| self.program.lookup_method(b, name));
        let exception_init =
            found.is_none() && name == "__init__" && self.program.is_exception_class(class);
        if found.is_none() && !exception_init {
            return Err(Diagnostic::error(
                span,
                format!("no base class of `{}` has a method `{name}`", desc.name),
            ));
        }
        let Some(self_name) = self
            .program
            .function(self.graph.func)
            .params
            .first()
            .map(|p| p.name.clone())
        else {
            return Err(Diagnostic::error(
                span,
                "`super()` needs the method's `self` parameter",
            ));
        };
        let this = match self.current.as_ref().and_then(|(_, s)| s.get(&self_name)) {
            Some(v) => v.clone(),
            None => {
                return Err(Diagnostic::error(
                    span,
                    format!("`super()` needs `{self_name}` to be bound"),
                ))
            }
        };
        Ok((found.map(|f| Value::Const(Constant::Func(f))), this))
    }

    /// A class named by `e` (`ValueError`, a user exception class) whose
    /// `name` is BaseException's `__init__`: no class on its way up
    /// defines one.
    pub(super) fn exception_class_without_init(
        &self,
        e: &ast::Expr,
        name: &str,
    ) -> Option<ClassId> {
        let ast::Expr::Name(n) = e else { return None };
        if name != "__init__" || self.locals.contains(n.id.as_str()) {
            return None;
        }
        let class = match self.program.module(self.module).globals.get(n.id.as_str()) {
            Some(Global::Class(c)) => *c,
            None => *self.program.builtin_classes.get(n.id.as_str())?,
            _ => return None,
        };
        (self.program.is_exception_class(class)
            && self.program.lookup_method(class, "__init__").is_none())
        .then_some(class)
    }

    /// `BaseException.__init__(this, *args)` inside an exception class
    /// `class`: sets what str(e) gives, as CPython does from `e.args`:
    /// "" for no argument, str(arg) for one (repr(arg) for a KeyError),
    /// str of the tuple for several.
    pub(super) fn exception_init(
        &mut self,
        class: ClassId,
        this: Value,
        call: &ast::ExprCall,
        span: Span,
    ) -> ExprResult {
        if let Some(k) = call.keywords.first() {
            return Err(self.unsupported(k, "keyword arguments to an exception's `__init__`"));
        }
        let args: Vec<&ast::Expr> = call.args.iter().collect();
        let mut values = self.eval_all(&args)?;
        let key_error = self.program.is_key_error_class(class);
        let message = match values.len() {
            0 => Value::Const(Constant::Str("".into())),
            1 => {
                let f = if key_error {
                    Builtin::Repr
                } else {
                    Builtin::Str
                };
                let arg = values.pop().unwrap();
                self.emit(
                    HlOp::Call {
                        keywords: Rc::from([]),
                    },
                    vec![Value::Const(Constant::Builtin(f)), arg],
                    span,
                    None,
                )
            }
            _ => {
                let tuple = self.emit(HlOp::NewTuple, values, span, None);
                self.emit(
                    HlOp::Call {
                        keywords: Rc::from([]),
                    },
                    vec![Value::Const(Constant::Builtin(Builtin::Str)), tuple],
                    span,
                    None,
                )
            }
        };
        self.emit(
            HlOp::SetAttr(EXC_MESSAGE.into()),
            vec![this, message],
            span,
            None,
        );
        Ok(Value::Const(Constant::None))
    }

    /// A name bound to a module or class, whose attributes are resolved
    /// when the graph is built rather than read at run time.
    pub(super) fn is_namespace(&self, e: &ast::Expr) -> bool {
        let ast::Expr::Name(n) = e else { return false };
        if self.locals.contains(n.id.as_str()) {
            return false;
        }
        matches!(
            self.program.module(self.module).globals.get(n.id.as_str()),
            Some(Global::Module(_) | Global::BuiltinModule(_) | Global::Class(_))
        )
    }

    /// `isinstance(x, C)` or `isinstance(x, (C1, C2))` with classes.
    pub(super) fn isinstance_call(
        &mut self,
        c: &ast::ExprCall,
    ) -> Result<Option<Value>, Diagnostic> {
        let ast::Expr::Name(n) = &*c.func else {
            return Ok(None);
        };
        if n.id.as_str() != "isinstance" || !self.is_builtin("isinstance") {
            return Ok(None);
        }
        let span = self.span(c);
        let [obj, classes] = c.args.as_slice() else {
            return Err(Diagnostic::error(span, "isinstance() takes 2 arguments"));
        };
        let class_exprs: Vec<&ast::Expr> = match classes {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut ids = vec![];
        let mut builtin_types = vec![];
        for e in class_exprs {
            if let Some(t) = self.builtin_type_name(e) {
                builtin_types.push(t);
                continue;
            }
            match self.expr(e)? {
                Value::Const(Constant::Class(k)) => ids.push(k),
                _ => {
                    return Err(Diagnostic::error(
                        self.span(e),
                        "isinstance() is supported with classes defined in the program or built-in types (or a tuple of them)",
                    ))
                }
            }
        }
        let op = match (ids.is_empty(), builtin_types.is_empty()) {
            (_, true) => HlOp::IsInstance(ids.into()),
            (true, false) => HlOp::IsBuiltinType(builtin_types.into()),
            (false, false) => return Err(Diagnostic::error(
                self.span(classes),
                "isinstance() with both classes of the program and built-in types is not supported",
            )
            .with_help("test them separately: `isinstance(x, C) or isinstance(x, int)`")),
        };
        let v = self.expr(obj)?;
        Ok(Some(self.emit(op, vec![v], span, None)))
    }

    /// `int`, `str`, `list`... naming the built-in type (not shadowed).
    fn builtin_type_name(&self, e: &ast::Expr) -> Option<crate::flowgraph::hlop::BuiltinType> {
        let ast::Expr::Name(n) = e else {
            return None;
        };
        let name = n.id.as_str();
        if !self.is_builtin(name) {
            return None;
        }
        crate::flowgraph::hlop::BuiltinType::from_name(name)
    }

    /// `isinstance(x, C)` (true) or `not isinstance(x, C)` (false) on a
    /// local `x`: the branch where it holds knows `x` is a `C`.
    pub(super) fn isinstance_test(
        &self,
        test: &ast::Expr,
    ) -> Option<(Rc<str>, Vec<ClassId>, bool)> {
        let (call, positive) = match test {
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => match &*u.operand {
                ast::Expr::Call(c) => (c, false),
                _ => return None,
            },
            ast::Expr::Call(c) => (c, true),
            _ => return None,
        };
        let ast::Expr::Name(f) = &*call.func else {
            return None;
        };
        if f.id.as_str() != "isinstance" || !self.is_builtin("isinstance") {
            return None;
        }
        let [ast::Expr::Name(x), classes] = call.args.as_slice() else {
            return None;
        };
        if !self.locals.contains(x.id.as_str()) {
            return None;
        }
        let exprs: Vec<&ast::Expr> = match classes {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut ids = vec![];
        for e in exprs {
            let ast::Expr::Name(n) = e else { return None };
            match self.program.module(self.module).globals.get(n.id.as_str()) {
                Some(Global::Class(c)) => ids.push(*c),
                None => ids.push(*self.program.builtin_classes.get(n.id.as_str())?),
                _ => return None,
            }
        }
        Some((x.id.as_str().into(), ids, positive))
    }

    /// The locals a test proves not None: when it is true, and when it
    /// is false (`x is not None and y is not None`, `x is None or ...`).
    pub(super) fn none_tests(&self, test: &ast::Expr) -> (Vec<Rc<str>>, Vec<Rc<str>>) {
        match test {
            ast::Expr::BoolOp(b) => {
                let mut out = (vec![], vec![]);
                for v in &b.values {
                    let (t, f) = self.none_tests(v);
                    match b.op {
                        ast::BoolOp::And => out.0.extend(t),
                        ast::BoolOp::Or => out.1.extend(f),
                    }
                }
                out
            }
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                let (t, f) = self.none_tests(&u.operand);
                (f, t)
            }
            _ => match self.none_test(test) {
                Some((name, true)) => (vec![name], vec![]),
                Some((name, false)) => (vec![], vec![name]),
                None => (vec![], vec![]),
            },
        }
    }

    /// `x is not None` / `x is None` (or `!=`/`==`) on a local: its name,
    /// and whether the test being true means x is not None.
    /// `isinstance(x, str)` (built-in types only) counts as `x is not
    /// None` when it holds.
    fn none_test(&self, test: &ast::Expr) -> Option<(Rc<str>, bool)> {
        if let ast::Expr::Call(call) = test {
            return self.builtin_isinstance_test(call);
        }
        let ast::Expr::Compare(c) = test else {
            return None;
        };
        let (ast::Expr::Name(x), [op], [ast::Expr::Constant(k)]) =
            (&*c.left, c.ops.as_slice(), c.comparators.as_slice())
        else {
            return None;
        };
        if !matches!(k.value, ast::Constant::None) || !self.locals.contains(x.id.as_str()) {
            return None;
        }
        match op {
            ast::CmpOp::IsNot | ast::CmpOp::NotEq => Some((x.id.as_str().into(), true)),
            ast::CmpOp::Is | ast::CmpOp::Eq => Some((x.id.as_str().into(), false)),
            _ => None,
        }
    }

    fn builtin_isinstance_test(&self, call: &ast::ExprCall) -> Option<(Rc<str>, bool)> {
        let (ast::Expr::Name(f), [ast::Expr::Name(x), types]) = (&*call.func, call.args.as_slice())
        else {
            return None;
        };
        if f.id.as_str() != "isinstance"
            || !self.is_builtin("isinstance")
            || !self.locals.contains(x.id.as_str())
        {
            return None;
        }
        let all_builtin = match types {
            ast::Expr::Tuple(t) => t.elts.iter().all(|e| self.builtin_type_name(e).is_some()),
            e => self.builtin_type_name(e).is_some(),
        };
        all_builtin.then(|| (x.id.as_str().into(), true))
    }

    /// Rebinds local `name` to itself known not to be None (on the
    /// branch where a test said so).
    pub(super) fn narrow_not_none(&mut self, name: &Rc<str>, span: Span) {
        let Some((_, state)) = &self.current else {
            return;
        };
        let Some(v) = state.get(name).cloned() else {
            return;
        };
        if matches!(v, Value::Const(_)) || state.contains_key(&bound_flag(name)) {
            return;
        }
        let origin = state.origins.get(name).copied();
        let narrowed = self.emit(HlOp::NotNone, vec![v], span, Some(name.clone()));
        self.state().insert(name.clone(), narrowed);
        if let Some(o) = origin {
            self.state().origins.insert(name.clone(), o);
        }
    }

    /// Rebinds local `name` to itself seen as an instance of `classes`.
    pub(super) fn narrow(&mut self, name: &Rc<str>, classes: &[ClassId], span: Span) {
        let Some((_, state)) = &self.current else {
            return;
        };
        let Some(v) = state.get(name).cloned() else {
            return;
        };
        if matches!(v, Value::Const(_)) || state.contains_key(&bound_flag(name)) {
            return;
        }
        let class = common_base(self.program, classes);
        let origin = state.origins.get(name).copied();
        let narrowed = self.emit(HlOp::Downcast(class), vec![v], span, Some(name.clone()));
        self.state().insert(name.clone(), narrowed);
        if let Some(o) = origin {
            self.state().origins.insert(name.clone(), o);
        }
    }
}
