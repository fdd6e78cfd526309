//! Lowering of calls: of functions (directly, or through the table of
//! function values), closures, bound methods, methods (directly or
//! through a type-id table), classes (instantiation) and builtins.

use super::llop::{FormatPiece, LlOp, TableId};
use super::lltype::LlType;
use super::lltype_of;
use super::lower::{LResult, Lowerer};
use crate::annotate::callargs::{match_call_args, ArgSource};
use crate::annotate::model::SomeValue;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::ir::{Builtin, ClassId, Constant, FuncId, Value, VarId};
use crate::parse::program::EXC_MESSAGE;
use std::rc::Rc;

impl Lowerer<'_> {
    /// `args[0](args[1..])` where args[0] is the function `callee`, with
    /// defaults filled in.
    pub(super) fn direct_call(
        &mut self,
        callee: FuncId,
        args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        let desc = self.program.function(callee);
        let n_pos = args.len() - 1 - keywords.len();
        let sources = match_call_args(desc, n_pos, keywords, span).map_err(|d| vec![d])?;
        let call_args = sources
            .iter()
            .map(|s| match s {
                ArgSource::Given(i) => args[1 + i].clone(),
                ArgSource::Default(c) => Value::Const(c.clone()),
            })
            .collect();
        self.push(LlOp::DirectCall(callee), call_args, result, span);
        Ok(())
    }

    /// A call of `callee` (the annotation of args[0], the called value)
    /// with args[1..], keywords last.
    pub(super) fn call(
        &mut self,
        callee: SomeValue,
        args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        match callee {
            SomeValue::Closure(callee, env) => {
                // The captured values, then the arguments given.
                let mut all = vec![args[0].clone()];
                for (i, s) in env.iter().enumerate() {
                    let v = self.tmp(
                        LlOp::TupleGetItem(i as u32),
                        vec![args[0].clone()],
                        lltype_of(s),
                        span,
                    );
                    all.push(v);
                }
                all.extend_from_slice(&args[1..]);
                self.direct_call(callee, &all, keywords, result, span)
            }
            SomeValue::Func(callee) => self.direct_call(callee, args, keywords, result, span),
            SomeValue::Funcs {
                functions,
                can_be_none,
            } => {
                if can_be_none {
                    self.tmp(
                        LlOp::CheckCallable,
                        vec![args[0].clone()],
                        LlType::Void,
                        span,
                    );
                }
                match functions[..] {
                    [one] => self.direct_call(one, args, keywords, result, span),
                    _ => self.indirect_call(&functions, args, keywords, result, span),
                }
            }
            SomeValue::BoundMethod { class, name } => {
                self.method_call(class, &name, args, keywords, result, span)
            }
            SomeValue::Builtin(Builtin::Sorted) => {
                // A copy, sorted in place.
                let n_pos = args.len() - keywords.len();
                let to_list = match self.s(&args[1]) {
                    SomeValue::Set(_) => Some(crate::abi::Helper::SetList),
                    SomeValue::Str { .. } => Some(crate::abi::Helper::StrChars),
                    _ => None,
                };
                if let Some(helper) = to_list {
                    let arg = vec![args[1].clone()];
                    self.push(LlOp::CallHelper(helper), arg, result, span);
                    // The new list is the call's result, annotated as a list.
                    let list = Value::Var(result);
                    return self.list_sort_copy(&list, result, &args[n_pos..], keywords, span);
                }
                let all = vec![
                    args[1].clone(),
                    Value::Const(Constant::Int(i64::MIN)),
                    Value::Const(Constant::Int(i64::MAX)),
                    Value::Const(Constant::Int(1)),
                ];
                self.push(LlOp::ListSlice, all, result, span);
                self.list_sort_copy(&args[1], result, &args[n_pos..], keywords, span)
            }
            SomeValue::Builtin(Builtin::Set) => self.set_builtin(&args[1..], result, span),
            SomeValue::Builtin(Builtin::Print) if !keywords.is_empty() => {
                self.print(&args[1..], keywords, result, span)
            }
            SomeValue::Builtin(b) => self.builtin(b, &args[1..], result, span),
            SomeValue::Class(c) => self.instantiate(c, args, keywords, result, span),
            other => unreachable!("annotator accepted a call of {other}"),
        }
    }

    /// `obj.name(...)` where `name` is an instance attribute holding a
    /// function value: the field is read, then called.
    pub(super) fn call_field(
        &mut self,
        name: &Rc<str>,
        args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        let class = self.receiver_class(&args[0]);
        self.check_not_none(&args[0], name, span);
        let owner = (self.program.mro(class))
            .find(|k| self.ann.classes.attr(*k, name).is_some())
            .expect("the annotator read the attribute");
        let callee = self.ann.classes.attr(owner, name).unwrap().value.clone();
        let (field, ty) = (self.layouts)
            .field(self.program, &self.ann.classes, class, name)
            .expect("a function value has storage");
        let value = self.tmp(LlOp::GetField(field), vec![args[0].clone()], ty, span);
        let mut call_args = vec![value];
        call_args.extend_from_slice(&args[1..]);
        self.call(callee, &call_args, keywords, result, span)
    }

    /// A call of a function value that may be any of `callees` (which the
    /// annotator checked take the arguments alike): through the table of
    /// functions, by the value's number.
    pub(super) fn indirect_call(
        &mut self,
        callees: &Rc<[FuncId]>,
        args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        let mut call_args = vec![args[0].clone()];
        call_args.extend(self.arrange_args(callees[0], &args[1..], keywords, span)?);
        let set = self.layouts.func_set(callees);
        self.push(LlOp::IndirectCall(set), call_args, result, span);
        Ok(())
    }

    /// The arguments of a call to `callee` in parameter order; `args`
    /// excludes the callee and passes keywords last.
    pub(super) fn arrange_args(
        &self,
        callee: FuncId,
        args: &[Value],
        keywords: &[Rc<str>],
        span: Span,
    ) -> Result<Vec<Value>, Vec<Diagnostic>> {
        let desc = self.program.function(callee);
        let n_pos = args.len() - keywords.len();
        let sources = match_call_args(desc, n_pos, keywords, span).map_err(|d| vec![d])?;
        Ok(sources
            .iter()
            .map(|s| match s {
                ArgSource::Given(i) => args[*i].clone(),
                ArgSource::Default(c) => Value::Const(c.clone()),
            })
            .collect())
    }

    pub(super) fn instantiate(
        &mut self,
        class: ClassId,
        args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        self.push(LlOp::Malloc(class), vec![], result, span);
        if self.program.is_exception_class(class) {
            // str(e) is BaseException's str() of the positional
            // arguments; an `__init__` of the class may set it again.
            let positional = &args[1..args.len() - keywords.len()];
            let message = self.exception_args_text(class, positional, span);
            let name: Rc<str> = EXC_MESSAGE.into();
            let (field, _) = self
                .layouts
                .field(self.program, &self.ann.classes, class, &name)
                .expect("BaseException has a message field");
            self.tmp(
                LlOp::SetField(field),
                vec![Value::Var(result), message],
                LlType::Void,
                span,
            );
        }
        if let Some(init) = self.program.lookup_method(class, "__init__") {
            let mut given = vec![Value::Var(result)];
            given.extend_from_slice(&args[1..]);
            let call_args = self.arrange_args(init, &given, keywords, span)?;
            self.tmp(LlOp::DirectCall(init), call_args, LlType::Void, span);
        }
        Ok(())
    }

    /// str() of an exception made with these arguments: "" for none,
    /// str() of one (repr() for a KeyError), the repr of their tuple for
    /// several. CPython makes that text when it is shown; made here, when
    /// the exception is, it is the same only for values that cannot change
    /// and whose text runs no user code: numbers, strs, None and tuples of
    /// them. Any other argument gives "" (documented).
    fn exception_args_text(&mut self, class: ClassId, args: &[Value], span: Span) -> Value {
        let key_error = self.program.is_key_error_class(class);
        fn fixed_text(s: &SomeValue) -> bool {
            match s {
                SomeValue::Int
                | SomeValue::Unsigned
                | SomeValue::Float
                | SomeValue::Bool
                | SomeValue::Str { .. }
                | SomeValue::None => true,
                // The runtime's repr of a tuple has no code for r_uint.
                SomeValue::Tuple(items) => items
                    .iter()
                    .all(|i| *i != SomeValue::Unsigned && fixed_text(i)),
                _ => false,
            }
        }
        match args {
            [m] if fixed_text(&self.s(m)) => self.str_of(m, key_error, span),
            [_, _, ..] if args.iter().all(|a| fixed_text(&self.s(a))) => {
                let mut pieces = vec![];
                let mut texts = vec![];
                for (i, a) in args.iter().enumerate() {
                    let sep = if i == 0 { "(" } else { ", " };
                    pieces.push(FormatPiece::Lit(sep.into()));
                    pieces.push(FormatPiece::AddStr);
                    texts.push(self.str_of(a, true, span));
                }
                pieces.push(FormatPiece::Lit(")".into()));
                self.tmp(LlOp::Format(pieces.into()), texts, LlType::StrPtr, span)
            }
            _ => Value::Const(Constant::Str("".into())),
        }
    }

    pub(super) fn call_method(
        &mut self,
        name: &Rc<str>,
        args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        if matches!(self.s(&args[0]), SomeValue::List(_)) && &**name == "sort" {
            let n_pos = args.len() - keywords.len();
            return self.list_sort(&args[0], &args[n_pos..], keywords, result, span);
        }
        if matches!(self.s(&args[0]), SomeValue::List(_)) {
            return self.list_method(name, args, result, span);
        }
        let class = self.receiver_class(&args[0]);
        self.check_not_none(&args[0], name, span);
        self.method_call(class, name, args, keywords, result, span)
    }

    /// Calls method `name` of args[0], an instance of `class` (or of a
    /// subclass) that is not None: directly when one method can run,
    /// else through the table of the type ids.
    pub(super) fn method_call(
        &mut self,
        class: ClassId,
        name: &Rc<str>,
        args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        let targets = crate::annotate::method_targets(self.program, &self.ann.classes, class, name)
            .expect("annotator checked the method exists");
        let arranged: Vec<Vec<Value>> = targets
            .iter()
            .map(|t| self.arrange_args(*t, args, keywords, span))
            .collect::<Result<_, _>>()?;
        if arranged.windows(2).any(|w| w[0] != w[1]) {
            return Err(vec![Diagnostic::error(
                span,
                format!("the overrides of method `{name}` take different parameters or defaults, which is not supported for a call that can reach several of them"),
            )]);
        }
        match targets.as_slice() {
            // No instance of the receiver's class or of a subclass is
            // ever made (a narrowing `isinstance` that is never true):
            // the call cannot happen, its result is Impossible and the
            // block ends here.
            [] => {}
            [single] => {
                self.layouts.method_calls_devirtualized += 1;
                self.push(LlOp::DirectCall(*single), arranged[0].clone(), result, span)
            }
            _ => {
                self.layouts.method_calls_dispatched += 1;
                let table = self.method_table(class, name);
                self.push(LlOp::MethodCall(table), arranged[0].clone(), result, span);
            }
        }
        Ok(())
    }

    /// The table of `name` by type id for instances of `class`.
    pub(super) fn method_table(&mut self, class: ClassId, name: &Rc<str>) -> TableId {
        let (program, ann) = (self.program, self.ann);
        self.layouts.table(
            program,
            class,
            name,
            super::classes::TableKind::Method,
            |k| {
                // Only instantiated classes have annotated methods.
                ann.classes
                    .instantiated
                    .contains(&k)
                    .then(|| program.lookup_method(k, name).map(Constant::Func))
                    .flatten()
            },
        )
    }
}
