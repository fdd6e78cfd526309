//! Lowering of one high-level operation into low-level operations, by the
//! annotations of its arguments.

use super::llop::{Cmp, FloatOp, FormatPiece, IntOp, LlOp, WriteKind};
use super::lltype::LlType;
use super::{lltype_of, LlGraph, RtypeOptions};
use crate::annotate::classdef::EXC_MESSAGE;
use crate::annotate::model::SomeValue;
use crate::annotate::Annotations;
use crate::diagnostics::{Diagnostic, Span};
use crate::flowgraph::hlop::{BinOp, CmpOp, HlOp, UnOp};
use crate::flowgraph::ir::{
    Block, Builtin, ClassId, Constant, FuncId, IoFn, Operation, Value, VarId,
};
use crate::parse::program::Program;
use std::rc::Rc;

pub(super) struct Lowerer<'a> {
    pub program: &'a Program,
    pub ann: &'a Annotations,
    pub func: FuncId,
    pub opts: RtypeOptions,
    pub ll: &'a mut LlGraph,
    pub layouts: &'a mut super::classes::ClassLayouts,
    /// Lists laid out with a front offset (`lists::front_offset_lists`).
    pub front_offset: &'a std::collections::HashSet<crate::annotate::listdef::ListId>,
    pub ops: Vec<Operation<LlOp>>,
}

pub(super) type LResult = Result<(), Vec<Diagnostic>>;

impl Lowerer<'_> {
    /// Lowers every operation of `block`; false if the block stops at a
    /// call that never returns.
    pub fn lower_block(&mut self, block: &Block<HlOp>) -> Result<bool, Vec<Diagnostic>> {
        for op in &block.operations {
            if op.args.iter().any(|a| self.s(a) == SomeValue::Impossible) {
                // The annotator found no value can reach this operand: the
                // operations before raised or never returned.
                return Ok(false);
            }
            self.lower_op(op)?;
            if *self.ann.binding(self.func, op.result) == SomeValue::Impossible {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(super) fn s(&self, v: &Value) -> SomeValue {
        self.ann.value(self.func, v)
    }

    fn is_generator(&self, v: &Value) -> bool {
        match self.s(v) {
            SomeValue::Instance { class, .. } => self.program.class(class).generator.is_some(),
            _ => false,
        }
    }

    pub(super) fn push(&mut self, op: LlOp, args: Vec<Value>, result: VarId, span: Span) {
        self.ops.push(Operation::new(op, args, result, span));
    }

    /// Emits `op` into a fresh variable of type `ty`.
    pub(super) fn tmp(&mut self, op: LlOp, args: Vec<Value>, ty: LlType, span: Span) -> Value {
        let v = self.ll.new_var(ty, span);
        self.push(op, args, v, span);
        Value::Var(v)
    }

    /// Converts an int-like or float value to `to` (Signed or Float).
    pub(super) fn convert(&mut self, v: &Value, to: LlType, span: Span) -> Value {
        // By the low-level type: `v` may be a temporary made while
        // lowering, which has no annotation.
        let from = match v {
            Value::Var(x) => self.ll.types[x.index()],
            Value::Const(_) => lltype_of(&self.s(v)),
        };
        if from == to {
            return v.clone();
        }
        if let Value::Const(c) = v {
            let i = match c {
                Constant::Bool(b) => *b as i64,
                Constant::Int(i) => *i,
                _ => unreachable!("only numbers are converted"),
            };
            return Value::Const(if to == LlType::Float {
                Constant::Float(i as f64)
            } else {
                Constant::Int(i)
            });
        }
        match (from, to) {
            (LlType::Bool, LlType::Signed) => {
                self.tmp(LlOp::CastBoolToInt, vec![v.clone()], to, span)
            }
            (LlType::Signed, LlType::Float) => {
                self.tmp(LlOp::CastIntToFloat, vec![v.clone()], to, span)
            }
            (LlType::Bool, LlType::Float) => {
                let i = self.tmp(LlOp::CastBoolToInt, vec![v.clone()], LlType::Signed, span);
                self.tmp(LlOp::CastIntToFloat, vec![i], to, span)
            }
            _ => unreachable!("conversion from {from} to {to}"),
        }
    }

    pub(super) fn int_op(&self, op: IntOp) -> LlOp {
        if self.opts.overflow_checks && can_overflow(op) {
            LlOp::IntOvf(op)
        } else {
            LlOp::Int(op)
        }
    }

    fn lower_op(&mut self, op: &Operation<HlOp>) -> LResult {
        let (span, result) = (op.span, op.result);
        let args = &op.args;
        match &op.op {
            HlOp::Binary(b)
                if matches!(self.s(&args[0]), SomeValue::List(_))
                    || matches!(self.s(&args[1]), SomeValue::List(_)) =>
            {
                self.list_binary(*b, args, result, span)
            }
            HlOp::InplaceBinary(b) if matches!(self.s(&args[0]), SomeValue::List(_)) => {
                self.list_inplace(*b, args, result, span)
            }
            HlOp::Binary(b) if matches!(self.s(&args[0]), SomeValue::Set(_)) => {
                self.set_binary(*b, false, args, result, span)
            }
            HlOp::InplaceBinary(b) if matches!(self.s(&args[0]), SomeValue::Set(_)) => {
                self.set_binary(*b, true, args, result, span)
            }
            HlOp::Binary(b) | HlOp::InplaceBinary(b)
                if matches!(self.s(&args[0]), SomeValue::Str { .. })
                    || matches!(self.s(&args[1]), SomeValue::Str { .. }) =>
            {
                self.str_binary(*b, args, result, span)
            }
            HlOp::Binary(b) | HlOp::InplaceBinary(b)
                if self.s(&args[0]) == SomeValue::Bytes || self.s(&args[1]) == SomeValue::Bytes =>
            {
                self.bytes_binary(*b, &args[0], &args[1], result, span)
            }
            HlOp::Binary(b) | HlOp::InplaceBinary(b) => {
                self.binary(*b, &args[0], &args[1], result, span)
            }
            HlOp::Ovfcheck(b) => {
                let x = self.convert(&args[0], LlType::Signed, span);
                let y = self.convert(&args[1], LlType::Signed, span);
                let iop = int_binop(*b);
                let op = if can_overflow(iop) {
                    LlOp::IntOvf(iop)
                } else {
                    LlOp::Int(iop)
                };
                self.push(op, vec![x, y], result, span);
                Ok(())
            }
            HlOp::Hint(..) => {
                // The annotator made the value's type exactly the hint's;
                // only a None constant changes representation (to null).
                let v = match &args[0] {
                    Value::Var(x) if self.ll.types[x.index()] == LlType::Void => {
                        Value::Const(Constant::None)
                    }
                    other => other.clone(),
                };
                self.push(LlOp::SameAs, vec![v], result, span);
                Ok(())
            }
            HlOp::JitHint(h) => {
                self.push(LlOp::JitHint(*h), args.to_vec(), result, span);
                Ok(())
            }
            HlOp::GetGlobal(g) => {
                match lltype_of(&self.ann.globals[g.index()]) {
                    // Never set by any module-level code that runs: the
                    // read raises NameError (and the block ends there).
                    LlType::Void if self.ann.globals[g.index()] == SomeValue::Impossible => {
                        self.push(LlOp::GetGlobalChecked(*g), vec![], result, span)
                    }
                    // Only ever None.
                    LlType::Void => self.push(
                        LlOp::SameAs,
                        vec![Value::Const(Constant::None)],
                        result,
                        span,
                    ),
                    // An object that is never None: null means not set yet.
                    _ if !self.ann.globals[g.index()].can_be_none()
                        && lltype_of(&self.ann.globals[g.index()]).is_gc_ptr() =>
                    {
                        self.push(LlOp::GetGlobalChecked(*g), vec![], result, span)
                    }
                    _ => self.push(LlOp::GetGlobal(*g), vec![], result, span),
                }
                Ok(())
            }
            HlOp::SetGlobal(g) => {
                let ty = lltype_of(&self.ann.globals[g.index()]);
                if ty != LlType::Void {
                    let v = self.convert(&args[0], ty, span);
                    self.push(LlOp::SetGlobal(*g), vec![v], result, span);
                }
                Ok(())
            }
            HlOp::Unary(u) => {
                let a = &args[0];
                let sa = self.s(a);
                match (u, &sa) {
                    (UnOp::Not, _) => {
                        let t = self.truth(a, span);
                        self.push(LlOp::BoolNot, vec![t], result, span);
                    }
                    (UnOp::Pos, SomeValue::Float) => {
                        self.push(LlOp::SameAs, vec![a.clone()], result, span)
                    }
                    (UnOp::Neg, SomeValue::Float) => {
                        self.push(LlOp::Float(FloatOp::Neg), vec![a.clone()], result, span)
                    }
                    (UnOp::Pos, _) => {
                        let v = self.convert(a, LlType::Signed, span);
                        self.push(LlOp::SameAs, vec![v], result, span);
                    }
                    (UnOp::Neg, SomeValue::Unsigned) => {
                        // Wraps modulo 2**64 by definition: never OverflowError.
                        self.push(LlOp::Int(IntOp::Neg), vec![a.clone()], result, span)
                    }
                    (UnOp::Neg | UnOp::Invert, _) => {
                        let v = self.convert(a, LlType::Signed, span);
                        let iop = if *u == UnOp::Neg {
                            self.int_op(IntOp::Neg)
                        } else {
                            LlOp::Int(IntOp::Invert)
                        };
                        self.push(iop, vec![v], result, span);
                    }
                }
                Ok(())
            }
            HlOp::Compare(c) => self.compare(*c, &args[0], &args[1], result, span),
            HlOp::Truth => {
                let t = self.truth(&args[0], span);
                self.push(LlOp::SameAs, vec![t], result, span);
                Ok(())
            }
            HlOp::Index => {
                let v = self.convert(&args[0], LlType::Signed, span);
                self.push(LlOp::SameAs, vec![v], result, span);
                Ok(())
            }
            HlOp::CheckRangeStep => {
                self.push(LlOp::CheckRangeStep, vec![args[0].clone()], result, span);
                Ok(())
            }
            HlOp::CheckBound(name) => {
                self.push(LlOp::CheckBound(name.clone()), args.to_vec(), result, span);
                Ok(())
            }
            HlOp::RangeNext => {
                self.push(LlOp::Int(IntOp::AddSat), args.to_vec(), result, span);
                Ok(())
            }
            HlOp::GetItem if matches!(self.s(&args[0]), SomeValue::Tuple(_)) => {
                let SomeValue::Tuple(items) = self.s(&args[0]) else {
                    unreachable!()
                };
                let i = crate::annotate::rules::tuple_index(&args[1], items.len())
                    .expect("annotator: constant index")
                    .expect("annotator: index in range");
                self.push(
                    LlOp::TupleGetItem(i as u32),
                    vec![args[0].clone()],
                    result,
                    span,
                );
                Ok(())
            }
            HlOp::NewDict => self.new_dict(args, result, span),
            HlOp::NewSet { constants } => self.new_set(*constants, args, result, span),
            HlOp::FString(pieces) => self.fstring(pieces, args, result, span),
            HlOp::DelItem => self.delitem(args, result, span),
            HlOp::GenResume => self.iter_op(
                &HlOp::IterMore,
                &[args[0].clone(), args[0].clone()],
                result,
                span,
            ),
            HlOp::Iter if args.len() == 2 && !self.is_generator(&args[0]) => {
                // Any other iterable: the site's helper generator.
                let Value::Const(Constant::Func(helper)) = args[1] else {
                    unreachable!("the builder passes the helper as a constant")
                };
                self.push(
                    LlOp::DirectCall(helper),
                    vec![args[0].clone()],
                    result,
                    span,
                );
                Ok(())
            }
            HlOp::Iter | HlOp::NotNone => {
                self.push(LlOp::SameAs, vec![args[0].clone()], result, span);
                Ok(())
            }
            HlOp::IterStart | HlOp::IterPos | HlOp::IterMore | HlOp::IterItem => {
                self.iter_op(&op.op, args, result, span)
            }
            HlOp::GetItem if matches!(self.s(&args[0]), SomeValue::Dict(..)) => {
                self.dict_getitem(args, result, span)
            }
            HlOp::SetItem if matches!(self.s(&args[0]), SomeValue::Dict(..)) => {
                self.dict_setitem(args, result, span)
            }
            HlOp::GetItem if matches!(self.s(&args[0]), SomeValue::Str { .. }) => {
                self.str_getitem(args, result, span)
            }
            HlOp::GetItem if self.s(&args[0]) == SomeValue::Bytes => {
                self.bytes_getitem(args, result, span)
            }
            HlOp::GetItem => {
                let i = self.convert(&args[1], LlType::Signed, span);
                let kind = self.item_kind(&args[0]);
                let layout = self.list_layout(&args[0]);
                self.push(
                    LlOp::ListGetItem(kind, layout),
                    vec![args[0].clone(), i],
                    result,
                    span,
                );
                Ok(())
            }
            HlOp::SetItem => {
                let i = self.convert(&args[1], LlType::Signed, span);
                let kind = self.item_kind(&args[0]);
                let v = self.item_value(&args[0], &args[2], span);
                let layout = self.list_layout(&args[0]);
                self.push(
                    LlOp::ListSetItem(kind, layout),
                    vec![args[0].clone(), i, v],
                    result,
                    span,
                );
                Ok(())
            }
            HlOp::NewList => self.new_list(args, result, span),
            HlOp::NewTuple => {
                let SomeValue::Tuple(items) = self.ann.binding(self.func, result).clone() else {
                    unreachable!("a tuple display is a tuple")
                };
                self.new_tuple(&items, args, result, span);
                Ok(())
            }
            HlOp::CheckUnpackStarred(n) => {
                let items = match self.s(&args[0]) {
                    SomeValue::List(_) => args[0].clone(),
                    // Counted in characters, not bytes.
                    SomeValue::Str { .. } => self.tmp(
                        LlOp::CallHelper(crate::abi::Helper::StrChars),
                        vec![args[0].clone()],
                        LlType::ListPtr,
                        span,
                    ),
                    // A tuple's length was checked when translating.
                    _ => {
                        let none = vec![Value::Const(Constant::None)];
                        self.push(LlOp::SameAs, none, result, span);
                        return Ok(());
                    }
                };
                self.push(LlOp::ListCheckLenAtLeast(*n), vec![items], result, span);
                Ok(())
            }
            HlOp::CheckUnpack(n) => {
                if matches!(self.s(&args[0]), SomeValue::List(_)) {
                    self.push(LlOp::ListCheckLen(*n), vec![args[0].clone()], result, span);
                } else {
                    self.push(
                        LlOp::SameAs,
                        vec![Value::Const(Constant::None)],
                        result,
                        span,
                    );
                }
                Ok(())
            }
            HlOp::GetSlice if matches!(self.s(&args[0]), SomeValue::Str { .. }) => {
                self.str_slice(args, result, span)
            }
            HlOp::GetSlice if self.s(&args[0]) == SomeValue::Bytes => {
                self.bytes_slice(args, result, span)
            }
            HlOp::GetSlice => self.list_slice(args, result, span),
            HlOp::StarredItems { start, after } => {
                self.starred_items(&args[0], (*start, *after), result, span)
            }
            HlOp::SetSlice | HlOp::DelSlice => self.list_setslice(args, result, span),

            HlOp::MakeClosure(_) => {
                let SomeValue::Closure(_, env) = self.ann.binding(self.func, result).clone() else {
                    unreachable!("the annotator gives closures their captures")
                };
                self.new_tuple(&env, args, result, span);
                Ok(())
            }
            HlOp::Call { keywords } => self.call(self.s(&args[0]), args, keywords, result, span),
            HlOp::CallMethod { name, .. } | HlOp::GetAttr(name) | HlOp::SetAttr(name)
                if self.s(&args[0]) == SomeValue::None =>
            {
                // Always None here: AttributeError.
                self.push(
                    LlOp::CheckNotNone(name.clone()),
                    vec![Value::Const(Constant::None)],
                    result,
                    span,
                );
                Ok(())
            }
            HlOp::CallMethod { name, keywords }
                if matches!(self.s(&args[0]), SomeValue::Instance { .. })
                    && crate::annotate::is_field_call(
                        self.program,
                        self.receiver_class(&args[0]),
                        name,
                    ) =>
            {
                self.call_field(name, args, keywords, result, span)
            }
            HlOp::CallMethod { name, .. }
                if self.s(&args[0]) == SomeValue::Bytes
                    || (matches!(self.s(&args[0]), SomeValue::Str { .. })
                        && &**name == "encode") =>
            {
                self.codec_method(name, args, result, span)
            }
            HlOp::CallMethod { name, .. }
                if matches!(self.s(&args[0]), SomeValue::Builtin(Builtin::Io(_))) =>
            {
                let SomeValue::Builtin(Builtin::Io(stream)) = self.s(&args[0]) else {
                    unreachable!()
                };
                self.stream_method(stream, name, args, result, span)
            }
            HlOp::CallMethod { name, .. } if matches!(self.s(&args[0]), SomeValue::File { .. }) => {
                self.file_method(name, args, result, span)
            }
            HlOp::GetAttr(_) if matches!(self.s(&args[0]), SomeValue::File { .. }) => {
                self.file_closed(&args[0], result, span)
            }
            HlOp::CallMethod { name, .. } if matches!(self.s(&args[0]), SomeValue::Str { .. }) => {
                self.str_method(name, args, result, span)
            }
            HlOp::CallMethod { name, .. } if matches!(self.s(&args[0]), SomeValue::Set(_)) => {
                self.set_method(name, args, result, span)
            }
            HlOp::CallMethod { name, .. } if matches!(self.s(&args[0]), SomeValue::Dict(..)) => {
                self.dict_method(name, args, result, span)
            }
            HlOp::CallMethod { name, keywords } => {
                self.call_method(name, args, keywords, result, span)
            }
            HlOp::GetAttr(name) => self.getattr(name, &args[0], result, span),
            HlOp::Raise => {
                self.push(LlOp::Raise, vec![args[0].clone()], result, span);
                Ok(())
            }
            HlOp::Downcast(_) => {
                self.push(LlOp::SameAs, vec![args[0].clone()], result, span);
                Ok(())
            }
            HlOp::SetAttr(name) => self.setattr(name, &args[0], &args[1], span),
            HlOp::IsBuiltinType(types) => {
                use crate::annotate::model::TypeTest;
                match self.s(&args[0]).isinstance_builtin(types) {
                    TypeTest::Always(b) => self.push(
                        LlOp::SameAs,
                        vec![Value::Const(Constant::Bool(b))],
                        result,
                        span,
                    ),
                    TypeTest::NotNone => {
                        self.push(LlOp::PtrNonNull, vec![args[0].clone()], result, span)
                    }
                }
                Ok(())
            }
            HlOp::IsInstance(classes) => {
                if self.s(&args[0]) == SomeValue::None {
                    self.push(
                        LlOp::SameAs,
                        vec![Value::Const(Constant::Bool(false))],
                        result,
                        span,
                    );
                    return Ok(());
                }
                let mut acc: Option<Value> = None;
                for c in classes.iter() {
                    let l = &self.layouts.classes[c];
                    let (min, max) = (l.tid, l.tid_max);
                    let t = self.tmp(
                        LlOp::InstanceOf { min, max },
                        vec![args[0].clone()],
                        LlType::Bool,
                        span,
                    );
                    acc = Some(match acc {
                        None => t,
                        Some(a) => {
                            let x = self.tmp(LlOp::CastBoolToInt, vec![a], LlType::Signed, span);
                            let y = self.tmp(LlOp::CastBoolToInt, vec![t], LlType::Signed, span);
                            let o =
                                self.tmp(LlOp::Int(IntOp::Or), vec![x, y], LlType::Signed, span);
                            self.tmp(LlOp::IntIsTrue, vec![o], LlType::Bool, span)
                        }
                    });
                }
                self.push(LlOp::SameAs, vec![acc.unwrap()], result, span);
                Ok(())
            }
        }
    }

    /// A tuple of `items` types holding `args` (also a closure's
    /// captured values).
    fn new_tuple(&mut self, items: &[SomeValue], args: &[Value], result: VarId, span: Span) {
        let types: Vec<LlType> = items.iter().map(lltype_of).collect();
        let tid = self.layouts.tuple_tid(&types);
        self.push(LlOp::NewTuple(tid), vec![], result, span);
        for (i, (t, item)) in types.iter().zip(args).enumerate() {
            if *t != LlType::Void {
                self.tmp(
                    LlOp::TupleInit(i as u32),
                    vec![Value::Var(result), item.clone()],
                    LlType::Void,
                    span,
                );
            }
        }
    }

    pub(super) fn truth(&mut self, a: &Value, span: Span) -> Value {
        if let Value::Const(c) = a {
            let b = match c {
                Constant::None => false,
                Constant::Bool(b) => *b,
                Constant::Int(i) => *i != 0,
                Constant::Float(f) => *f != 0.0,
                Constant::Str(s) => !s.is_empty(),
                Constant::Bytes(b) => !b.is_empty(),
                Constant::Func(_)
                | Constant::Builtin(_)
                | Constant::Class(_)
                | Constant::Prebuilt(..)
                | Constant::CaughtException => true,
                Constant::Undefined => unreachable!("reads of unbound locals are rejected"),
            };
            return Value::Const(Constant::Bool(b));
        }
        match self.s(a) {
            SomeValue::Bool => a.clone(),
            SomeValue::Int | SomeValue::Unsigned => {
                self.tmp(LlOp::IntIsTrue, vec![a.clone()], LlType::Bool, span)
            }
            SomeValue::Float => self.tmp(LlOp::FloatIsTrue, vec![a.clone()], LlType::Bool, span),
            SomeValue::Str { .. } | SomeValue::Bytes => {
                self.tmp(LlOp::StrIsTrue, vec![a.clone()], LlType::Bool, span)
            }
            SomeValue::Tuple(items) => Value::Const(Constant::Bool(!items.is_empty())),
            // A dict's length is where a list's is.
            SomeValue::List(_) | SomeValue::Dict(..) | SomeValue::Set(_) => {
                let n = self.tmp(LlOp::ListLen, vec![a.clone()], LlType::Signed, span);
                self.tmp(LlOp::IntIsTrue, vec![n], LlType::Bool, span)
            }
            SomeValue::None => Value::Const(Constant::Bool(false)),
            SomeValue::Instance {
                can_be_none: true, ..
            } => self.tmp(LlOp::PtrNonNull, vec![a.clone()], LlType::Bool, span),
            _ => Value::Const(Constant::Bool(true)),
        }
    }

    fn binary(&mut self, b: BinOp, l: &Value, r: &Value, result: VarId, span: Span) -> LResult {
        if *self.ann.binding(self.func, result) == SomeValue::Unsigned {
            return self.unsigned_binary(b, l, r, result, span);
        }
        let result_type = lltype_of(self.ann.binding(self.func, result));
        let (sl, sr) = (self.s(l), self.s(r));
        if result_type == LlType::Float {
            if b == BinOp::TrueDiv && sl.is_intlike() && sr.is_intlike() {
                let (x, y) = (
                    self.convert(l, LlType::Signed, span),
                    self.convert(r, LlType::Signed, span),
                );
                self.push(LlOp::IntTrueDiv, vec![x, y], result, span);
                return Ok(());
            }
            let (x, y) = (
                self.convert(l, LlType::Float, span),
                self.convert(r, LlType::Float, span),
            );
            let fop = match b {
                BinOp::Add => FloatOp::Add,
                BinOp::Sub => FloatOp::Sub,
                BinOp::Mul => FloatOp::Mul,
                BinOp::TrueDiv => FloatOp::TrueDiv,
                BinOp::FloorDiv => FloatOp::FloorDiv,
                BinOp::Mod => FloatOp::Mod,
                BinOp::Pow => FloatOp::Pow,
                _ => unreachable!("annotator rejects {b:?} on floats"),
            };
            self.push(LlOp::Float(fop), vec![x, y], result, span);
            return Ok(());
        }
        let (x, y) = (
            self.convert(l, LlType::Signed, span),
            self.convert(r, LlType::Signed, span),
        );
        let iop = int_binop(b);
        if result_type == LlType::Bool {
            // bool & bool stays a bool.
            let v = self.tmp(LlOp::Int(iop), vec![x, y], LlType::Signed, span);
            self.push(LlOp::IntIsTrue, vec![v], result, span);
        } else {
            let op = self.int_op(iop);
            self.push(op, vec![x, y], result, span);
        }
        Ok(())
    }

    /// `x in (a, b, c)`: x == a or x == b or x == c, for ints and strings.
    #[allow(clippy::too_many_arguments)]
    fn tuple_contains(
        &mut self,
        l: &Value,
        sl: &SomeValue,
        tuple: &Value,
        items: &[SomeValue],
        negate: bool,
        result: VarId,
        span: Span,
    ) -> LResult {
        let mut any = Value::Const(Constant::Int(0));
        for (i, item) in items.iter().enumerate() {
            let ty = lltype_of(item);
            let x = self.tmp(LlOp::TupleGetItem(i as u32), vec![tuple.clone()], ty, span);
            let eq = match (sl, item) {
                (SomeValue::Str { .. }, SomeValue::Str { .. }) => {
                    self.tmp(LlOp::StrEq, vec![l.clone(), x], LlType::Bool, span)
                }
                (a, b) if a.is_intlike() && b.is_intlike() => {
                    let a = self.convert(l, LlType::Signed, span);
                    let b = self.convert(&x, LlType::Signed, span);
                    self.tmp(LlOp::IntCmp(Cmp::Eq), vec![a, b], LlType::Bool, span)
                }
                (a, b) => {
                    return Err(vec![crate::diagnostics::Diagnostic::error(
                        span,
                        format!("`in` with a {a} and a tuple holding a {b} is not supported yet"),
                    )])
                }
            };
            let eq = self.convert(&eq, LlType::Signed, span);
            any = self.tmp(LlOp::Int(IntOp::Or), vec![any, eq], LlType::Signed, span);
        }
        let found = self.tmp(LlOp::IntIsTrue, vec![any], LlType::Bool, span);
        if negate {
            self.push(LlOp::BoolNot, vec![found], result, span);
        } else {
            self.push(LlOp::SameAs, vec![found], result, span);
        }
        Ok(())
    }

    fn compare(&mut self, c: CmpOp, l: &Value, r: &Value, result: VarId, span: Span) -> LResult {
        let (sl, sr) = (self.s(l), self.s(r));
        self.compare_as(c, l, sl, r, sr, result, span)
    }

    /// `l c r` where l and r are annotated sl and sr (they may be
    /// temporaries of the lowering, which have no annotation).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn compare_as(
        &mut self,
        c: CmpOp,
        l: &Value,
        sl: SomeValue,
        r: &Value,
        sr: SomeValue,
        result: VarId,
        span: Span,
    ) -> LResult {
        if (sl == SomeValue::Unsigned || sr == SomeValue::Unsigned)
            && !matches!(c, CmpOp::In | CmpOp::NotIn)
        {
            return self.unsigned_compare(c, l, r, result, span);
        }
        if let (CmpOp::Eq | CmpOp::Ne, SomeValue::None, SomeValue::None) = (c, &sl, &sr) {
            let same = Value::Const(Constant::Bool(c == CmpOp::Eq));
            self.push(LlOp::SameAs, vec![same], result, span);
            return Ok(());
        }
        if let (SomeValue::Tuple(a), SomeValue::Tuple(b)) = (&sl, &sr) {
            if !matches!(c, CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot) {
                return self.tuple_compare(c, l, a, r, b, result, span);
            }
        }
        if matches!(c, CmpOp::In | CmpOp::NotIn)
            && matches!(sr, SomeValue::Str { .. } | SomeValue::Bytes)
        {
            self.str_contains(l, r, c == CmpOp::NotIn, result, span);
            return Ok(());
        }
        if let (CmpOp::Eq | CmpOp::Ne, SomeValue::Set(_) | SomeValue::Dict(..)) = (c, &sl) {
            self.set_eq([l, r], c == CmpOp::Ne, result, span);
            return Ok(());
        }
        if let (CmpOp::Eq | CmpOp::Ne, SomeValue::List(_)) = (c, &sl) {
            self.list_eq([l, r], c == CmpOp::Ne, result, span);
            return Ok(());
        }
        if let (CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge, SomeValue::List(_)) = (c, &sl) {
            self.list_compare([l, r], c, result, span);
            return Ok(());
        }
        if matches!(c, CmpOp::In | CmpOp::NotIn)
            && matches!(sr, SomeValue::Dict(..) | SomeValue::Set(_))
        {
            self.dict_contains(l, r, c == CmpOp::NotIn, result, span);
            return Ok(());
        }
        if let (CmpOp::In | CmpOp::NotIn, SomeValue::Tuple(items)) = (c, &sr) {
            return self.tuple_contains(l, &sl, r, items, c == CmpOp::NotIn, result, span);
        }
        if let (
            SomeValue::Str { .. } | SomeValue::Bytes,
            SomeValue::Str { .. } | SomeValue::Bytes,
        ) = (&sl, &sr)
        {
            let ordering = match c {
                CmpOp::Lt => Some(Cmp::Lt),
                CmpOp::Le => Some(Cmp::Le),
                CmpOp::Gt => Some(Cmp::Gt),
                CmpOp::Ge => Some(Cmp::Ge),
                _ => None,
            };
            if let Some(cmp) = ordering {
                self.str_compare(cmp, l, r, result, span);
                return Ok(());
            }
        }
        if matches!(c, CmpOp::In | CmpOp::NotIn) {
            let SomeValue::List(id) = sr else {
                unreachable!("annotator: `in` {sr}")
            };
            let eq = super::lists::eq_kind_of(self.ann.lists.item(id), &self.ann.lists);
            // The searched value in the list's representation (an int
            // searched in a list of floats would need a conversion, but
            // the annotator keeps them apart).
            let found = self.tmp(
                LlOp::ListContains(eq),
                vec![r.clone(), l.clone()],
                LlType::Bool,
                span,
            );
            if c == CmpOp::In {
                self.push(LlOp::SameAs, vec![found], result, span);
            } else {
                self.push(LlOp::BoolNot, vec![found], result, span);
            }
            return Ok(());
        }
        let functions = sl.functions().next().is_some() && sr.functions().next().is_some();
        let instances =
            matches!(sl, SomeValue::Instance { .. }) && matches!(sr, SomeValue::Instance { .. });
        if functions || instances {
            // Identity: `is`, or `==` on classes without __eq__; two
            // function values are the same function when their
            // descriptors are.
            let op = if matches!(c, CmpOp::Is | CmpOp::Eq) {
                LlOp::PtrEq
            } else {
                LlOp::PtrNe
            };
            self.push(op, vec![l.clone(), r.clone()], result, span);
            return Ok(());
        }
        if matches!(c, CmpOp::Is | CmpOp::IsNot)
            && matches!(sl, SomeValue::List(_))
            && matches!(sr, SomeValue::List(_))
        {
            let op = if c == CmpOp::Is {
                LlOp::PtrEq
            } else {
                LlOp::PtrNe
            };
            self.push(op, vec![l.clone(), r.clone()], result, span);
            return Ok(());
        }
        let cmp = match c {
            CmpOp::Lt => Cmp::Lt,
            CmpOp::Le => Cmp::Le,
            CmpOp::Eq => Cmp::Eq,
            CmpOp::Ne => Cmp::Ne,
            CmpOp::Gt => Cmp::Gt,
            CmpOp::Ge => Cmp::Ge,
            CmpOp::In | CmpOp::NotIn => unreachable!("handled above"),
            CmpOp::Is | CmpOp::IsNot => {
                let is = c == CmpOp::Is;
                let (op, args) = match (&sl, &sr) {
                    (SomeValue::None, SomeValue::None) => (None, Constant::Bool(is)),
                    (a, SomeValue::None) if a.can_be_none() => (Some(l), Constant::None),
                    (SomeValue::None, b) if b.can_be_none() => (Some(r), Constant::None),
                    _ => (None, Constant::Bool(!is)), // a non-None value is never None
                };
                match op {
                    Some(v) => self.push(
                        if is {
                            LlOp::PtrIsNull
                        } else {
                            LlOp::PtrNonNull
                        },
                        vec![v.clone()],
                        result,
                        span,
                    ),
                    None => self.push(LlOp::SameAs, vec![Value::Const(args)], result, span),
                }
                return Ok(());
            }
        };
        let op_args;
        let op = match (&sl, &sr) {
            (a, b) if a.is_intlike() && b.is_intlike() => {
                op_args = vec![
                    self.convert(l, LlType::Signed, span),
                    self.convert(r, LlType::Signed, span),
                ];
                LlOp::IntCmp(cmp)
            }
            (SomeValue::Float, SomeValue::Float) => {
                op_args = vec![l.clone(), r.clone()];
                LlOp::FloatCmp(cmp)
            }
            (a, SomeValue::Float) if a.is_intlike() => {
                op_args = vec![self.convert(l, LlType::Signed, span), r.clone()];
                LlOp::IntFloatCmp(cmp)
            }
            (SomeValue::Float, b) if b.is_intlike() => {
                // f < i  is  i > f
                op_args = vec![self.convert(r, LlType::Signed, span), l.clone()];
                LlOp::IntFloatCmp(mirror(cmp))
            }
            (
                SomeValue::Str { .. } | SomeValue::Bytes,
                SomeValue::Str { .. } | SomeValue::Bytes,
            ) => {
                let eq = self.tmp(LlOp::StrEq, vec![l.clone(), r.clone()], LlType::Bool, span);
                if cmp == Cmp::Ne {
                    self.push(LlOp::BoolNot, vec![eq], result, span);
                } else {
                    self.push(LlOp::SameAs, vec![eq], result, span);
                }
                return Ok(());
            }
            _ => unreachable!("annotator rejects comparing {sl} with {sr}"),
        };
        self.push(op, op_args, result, span);
        Ok(())
    }

    /// `print(args..., sep=s, end=e)`: each argument written as str()
    /// shows it, separated by sep (default " "), then end (default "\n").
    pub(super) fn print(
        &mut self,
        all_args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        let n_pos = all_args.len() - keywords.len();
        let args = &all_args[..n_pos];
        let sa: Vec<SomeValue> = args.iter().map(|a| self.s(a)).collect();
        let mut sep = None;
        let mut end = None;
        let mut to_stderr = false;
        for (k, v) in keywords.iter().zip(&all_args[n_pos..]) {
            if matches!(v, Value::Const(Constant::None)) {
                continue; // None: the default
            }
            match &**k {
                "sep" => sep = Some(v.clone()),
                "end" => end = Some(v.clone()),
                _ => to_stderr = self.s(v) == SomeValue::Builtin(Builtin::Io(IoFn::Stderr)),
            }
        }
        if to_stderr {
            return self.print_to_stderr(args, sep, end, result, span);
        }
        let write_text =
            |this: &mut Self, text: &Option<Value>, default: u8, result: Option<VarId>| {
                let (kind, arg) = match text {
                    Some(v) => (WriteKind::Str, v.clone()),
                    None => (WriteKind::Char, Value::Const(Constant::Int(default as i64))),
                };
                match result {
                    Some(r) => this.push(LlOp::Write(kind), vec![arg], r, span),
                    None => {
                        this.tmp(LlOp::Write(kind), vec![arg], LlType::Void, span);
                    }
                }
            };
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                write_text(self, &sep, b' ', None);
            }
            let kind = match sa[i] {
                SomeValue::Int => WriteKind::Int,
                SomeValue::Float => WriteKind::Float,
                SomeValue::Bool => WriteKind::Bool,
                _ => WriteKind::Str, // str, or None printed through a null string
            };
            let a = match &sa[i] {
                SomeValue::List(_)
                | SomeValue::Tuple(_)
                | SomeValue::Dict(..)
                | SomeValue::Set(_)
                | SomeValue::Unsigned
                | SomeValue::Bytes
                // An exception prints as str(e), its message; others
                // through `__str__` or `__repr__`.
                | SomeValue::Instance { .. } => self.str_of(a, false, span),
                _ => a.clone(),
            };
            self.tmp(LlOp::Write(kind), vec![a], LlType::Void, span);
        }
        write_text(self, &end, b'\n', Some(result));
        Ok(())
    }

    /// print(..., file=sys.stderr): the whole line is formatted into one
    /// string and written unbuffered, as CPython's stderr does.
    fn print_to_stderr(
        &mut self,
        args: &[Value],
        sep: Option<Value>,
        end: Option<Value>,
        result: VarId,
        span: Span,
    ) -> LResult {
        let text = |v: Option<Value>, default: &str| match v {
            Some(v) => (FormatPiece::AddStr, Some(v)),
            None => (FormatPiece::Lit(default.into()), None),
        };
        let mut pieces = vec![];
        let mut values = vec![];
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                let (p, v) = text(sep.clone(), " ");
                pieces.push(p);
                values.extend(v);
            }
            let s = self.str_of(a, false, span);
            pieces.push(FormatPiece::AddStr);
            values.push(s);
        }
        let (p, v) = text(end, "\n");
        pieces.push(p);
        values.extend(v);
        let line = self.tmp(LlOp::Format(pieces.into()), values, LlType::StrPtr, span);
        self.tmp(
            LlOp::CallHelper(crate::abi::Helper::SysWrite),
            vec![Value::Const(Constant::Int(2)), line],
            LlType::Signed,
            span,
        );
        self.push(
            LlOp::SameAs,
            vec![Value::Const(Constant::None)],
            result,
            span,
        );
        Ok(())
    }

    pub(super) fn builtin(
        &mut self,
        b: Builtin,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let sa: Vec<SomeValue> = args.iter().map(|a| self.s(a)).collect();
        match b {
            Builtin::Print => return self.print(args, &[], result, span),
            Builtin::Io(f) => return self.io_builtin(f, args, result, span),
            // intmask(): ints are machine words already.
            Builtin::Rlib(_) => {
                let v = self.convert(&args[0], LlType::Signed, span);
                self.push(LlOp::SameAs, vec![v], result, span);
            }
            Builtin::Sorted | Builtin::Set => unreachable!("lowered with the call"),
            Builtin::Typing(_) => unreachable!("annotator rejects calling typing forms"),
            Builtin::DivMod | Builtin::Round | Builtin::Hash => {
                return self.number_builtin(b, args, result, span)
            }
            Builtin::Str
            | Builtin::Repr
            | Builtin::Ord
            | Builtin::Chr
            | Builtin::Hex
            | Builtin::Oct
            | Builtin::Bin => return self.str_builtin(b, args, result, span),
            Builtin::Int if args.len() == 2 => return self.str_builtin(b, args, result, span),
            Builtin::Float if matches!(sa[0], SomeValue::Str { .. }) => {
                return self.str_builtin(b, args, result, span)
            }
            Builtin::Len if matches!(sa[0], SomeValue::Str { .. } | SomeValue::Bytes) => {
                self.push(LlOp::StrLen, vec![args[0].clone()], result, span)
            }
            Builtin::Len => match &sa[0] {
                SomeValue::Tuple(items) => {
                    let n = Value::Const(Constant::Int(items.len() as i64));
                    self.push(LlOp::SameAs, vec![n], result, span)
                }
                _ => self.push(LlOp::ListLen, vec![args[0].clone()], result, span),
            },
            Builtin::Int => match sa[0] {
                SomeValue::Str { .. } => {
                    self.push(LlOp::StrToInt, vec![args[0].clone()], result, span)
                }
                SomeValue::Float => {
                    self.push(LlOp::CastFloatToInt, vec![args[0].clone()], result, span)
                }
                _ => {
                    let v = self.convert(&args[0], LlType::Signed, span);
                    self.push(LlOp::SameAs, vec![v], result, span);
                }
            },
            Builtin::Math(m) => {
                let floats: Vec<Value> = args
                    .iter()
                    .map(|a| self.convert(a, LlType::Float, span))
                    .collect();
                self.push(LlOp::Math(m), floats, result, span);
            }
            Builtin::Float if sa[0] == SomeValue::Unsigned => {
                self.unsigned_to_float(&args[0], result, span)
            }
            Builtin::Float => {
                let v = self.convert(&args[0], LlType::Float, span);
                self.push(LlOp::SameAs, vec![v], result, span);
            }
            Builtin::Bool => {
                let t = self.truth(&args[0], span);
                self.push(LlOp::SameAs, vec![t], result, span);
            }
            Builtin::Abs => match sa[0] {
                SomeValue::Float => self.push(
                    LlOp::Float(FloatOp::Abs),
                    vec![args[0].clone()],
                    result,
                    span,
                ),
                _ => {
                    let v = self.convert(&args[0], LlType::Signed, span);
                    let op = self.int_op(IntOp::Abs);
                    self.push(op, vec![v], result, span);
                }
            },
            Builtin::Min | Builtin::Max if args.len() == 1 => {
                let (list, item) = match &sa[0] {
                    // Over the list of its characters.
                    s @ SomeValue::Str { .. } => {
                        let chars = self.tmp(
                            LlOp::CallHelper(crate::abi::Helper::StrChars),
                            vec![args[0].clone()],
                            LlType::ListPtr,
                            span,
                        );
                        (chars, s.clone())
                    }
                    _ => (args[0].clone(), self.list_item(&args[0])),
                };
                let kind = sort_kind(&item);
                let is_max = Value::Const(Constant::Bool(b == Builtin::Max));
                self.push(
                    LlOp::CallHelper(crate::abi::Helper::ListMinMax),
                    vec![list, Value::Const(Constant::Int(kind)), is_max],
                    result,
                    span,
                );
            }
            Builtin::Sum => {
                let start = args.get(1);
                if lltype_of(self.ann.binding(self.func, result)) == LlType::Float {
                    // In order from the start, as CPython 3.11 adds floats.
                    let start = match start {
                        Some(s) => self.convert(s, LlType::Float, span),
                        None => Value::Const(Constant::Float(0.0)),
                    };
                    let h = crate::abi::Helper::ListSumFloat;
                    self.push(
                        LlOp::CallHelper(h),
                        vec![args[0].clone(), start],
                        result,
                        span,
                    );
                } else {
                    // Ints wrap as int arithmetic does, so the start may
                    // be added last.
                    let h = crate::abi::Helper::ListSumInt;
                    let Some(start) = start else {
                        self.push(LlOp::CallHelper(h), vec![args[0].clone()], result, span);
                        return Ok(());
                    };
                    let start = self.convert(start, LlType::Signed, span);
                    let sum = self.tmp(
                        LlOp::CallHelper(h),
                        vec![args[0].clone()],
                        LlType::Signed,
                        span,
                    );
                    let add = self.int_op(IntOp::Add);
                    self.push(add, vec![start, sum], result, span);
                }
            }
            Builtin::Any | Builtin::All => {
                let item = self.list_item(&args[0]);
                let kind = match item {
                    SomeValue::Float | SomeValue::Str { .. } | SomeValue::Bool => sort_kind(&item),
                    _ => 0, // ints, and pointers: None is false
                };
                let all = Value::Const(Constant::Bool(b == Builtin::All));
                self.push(
                    LlOp::CallHelper(crate::abi::Helper::ListAny),
                    vec![args[0].clone(), Value::Const(Constant::Int(kind)), all],
                    result,
                    span,
                );
            }
            Builtin::Min | Builtin::Max => {
                let is_min = b == Builtin::Min;
                match sa[0] {
                    SomeValue::Float => {
                        let op = if is_min { FloatOp::Min } else { FloatOp::Max };
                        self.push(LlOp::Float(op), args.to_vec(), result, span);
                    }
                    SomeValue::Int => {
                        let op = if is_min { IntOp::Min } else { IntOp::Max };
                        self.push(LlOp::Int(op), args.to_vec(), result, span);
                    }
                    _ => {
                        // min/max of two bools: on 0/1 and back.
                        let x = self.convert(&args[0], LlType::Signed, span);
                        let y = self.convert(&args[1], LlType::Signed, span);
                        let op = if is_min { IntOp::Min } else { IntOp::Max };
                        let v = self.tmp(LlOp::Int(op), vec![x, y], LlType::Signed, span);
                        self.push(LlOp::IntIsTrue, vec![v], result, span);
                    }
                }
            }
        }
        Ok(())
    }
}

impl Lowerer<'_> {
    pub(super) fn receiver_class(&self, v: &Value) -> ClassId {
        match self.s(v) {
            SomeValue::Instance { class, .. } => class,
            other => unreachable!("annotator accepted an attribute of {other}"),
        }
    }

    /// AttributeError on None, as CPython, when the receiver may be None.
    pub(super) fn check_not_none(&mut self, obj: &Value, name: &Rc<str>, span: Span) {
        if self.s(obj).can_be_none() {
            self.tmp(
                LlOp::CheckNotNone(name.clone()),
                vec![obj.clone()],
                LlType::Void,
                span,
            );
        }
    }

    /// str(e) of an exception instance: the message it holds.
    pub(super) fn exception_message(&mut self, e: &Value, class: ClassId, span: Span) -> Value {
        let name: Rc<str> = EXC_MESSAGE.into();
        let (field, _) = self
            .layouts
            .field(self.program, &self.ann.classes, class, &name)
            .expect("exceptions have a message field");
        self.tmp(LlOp::GetField(field), vec![e.clone()], LlType::StrPtr, span)
    }

    pub(super) fn getattr(
        &mut self,
        name: &Rc<str>,
        obj: &Value,
        result: VarId,
        span: Span,
    ) -> LResult {
        let class = self.receiver_class(obj);
        self.check_not_none(obj, name, span);
        if let SomeValue::BoundMethod { .. } = self.ann.binding(self.func, result) {
            // The method bound to the instance: the instance itself.
            self.push(LlOp::SameAs, vec![obj.clone()], result, span);
            return Ok(());
        }
        let program = self.program;
        let subtree = program.subtree(class);
        let class_values: Vec<Option<Constant>> = subtree
            .iter()
            .map(|k| program.lookup_class_attr(*k, name).map(|(_, c)| c.clone()))
            .collect();
        if class_values.iter().any(|v| v.is_some()) {
            // A class-body constant: folded when every class agrees.
            if class_values.windows(2).all(|w| w[0] == w[1]) {
                let c = class_values[0].clone().unwrap();
                self.push(LlOp::SameAs, vec![Value::Const(c)], result, span);
            } else {
                let ty = lltype_of(self.ann.binding(self.func, result));
                let table = self.layouts.table(
                    program,
                    class,
                    name,
                    super::classes::TableKind::ClassAttr(ty),
                    |k| program.lookup_class_attr(k, name).map(|(_, c)| c.clone()),
                );
                self.push(LlOp::LoadClassAttr(table), vec![obj.clone()], result, span);
            }
            return Ok(());
        }
        match self.layouts.field(program, &self.ann.classes, class, name) {
            Some((field, _)) => self.push(LlOp::GetField(field), vec![obj.clone()], result, span),
            // Only ever None: nothing stored.
            None => self.push(
                LlOp::SameAs,
                vec![Value::Const(Constant::None)],
                result,
                span,
            ),
        }
        Ok(())
    }

    fn setattr(&mut self, name: &Rc<str>, obj: &Value, value: &Value, span: Span) -> LResult {
        let class = self.receiver_class(obj);
        self.check_not_none(obj, name, span);
        if let Some((field, _)) = self
            .layouts
            .field(self.program, &self.ann.classes, class, name)
        {
            self.tmp(
                LlOp::SetField(field),
                vec![obj.clone(), value.clone()],
                LlType::Void,
                span,
            );
        }
        Ok(())
    }
}

/// `enum rpy_sort_kind` of list items of this annotation.
fn sort_kind(item: &SomeValue) -> i64 {
    match item {
        SomeValue::Float => 1,
        SomeValue::Str { .. } => 2,
        SomeValue::Bool => 3,
        _ => 0,
    }
}

fn mirror(c: Cmp) -> Cmp {
    match c {
        Cmp::Lt => Cmp::Gt,
        Cmp::Le => Cmp::Ge,
        Cmp::Gt => Cmp::Lt,
        Cmp::Ge => Cmp::Le,
        other => other,
    }
}

fn int_binop(b: BinOp) -> IntOp {
    match b {
        BinOp::Add => IntOp::Add,
        BinOp::Sub => IntOp::Sub,
        BinOp::Mul => IntOp::Mul,
        BinOp::FloorDiv => IntOp::FloorDiv,
        BinOp::Mod => IntOp::Mod,
        BinOp::Pow => IntOp::Pow,
        BinOp::LShift => IntOp::LShift,
        BinOp::RShift => IntOp::RShift,
        BinOp::BitAnd => IntOp::And,
        BinOp::BitOr => IntOp::Or,
        BinOp::BitXor => IntOp::Xor,
        BinOp::TrueDiv => unreachable!("true division gives a float"),
    }
}

/// The int operations that can leave the 64-bit range.
fn can_overflow(op: IntOp) -> bool {
    matches!(
        op,
        IntOp::Add
            | IntOp::Sub
            | IntOp::Mul
            | IntOp::FloorDiv
            | IntOp::LShift
            | IntOp::Pow
            | IntOp::Neg
            | IntOp::Abs
    )
}
