//! Lowering of dicts to the runtime's rpy_dict (keys and values as 64-bit
//! patterns in arrays of the item kinds lists use), and of iteration by
//! position over lists, strings and dicts.

use super::lists::item_kind_of;
use super::llop::{Cmp, LlOp};
use super::lltype::LlType;
use super::lower::{LResult, Lowerer};
use crate::abi::Helper;
use crate::annotate::model::SomeValue;
use crate::diagnostics::Span;
use crate::flowgraph::hlop::HlOp;
use crate::flowgraph::ir::{Constant, Value, VarId};

fn int(i: i64) -> Value {
    Value::Const(Constant::Int(i))
}

/// `enum rpy_key_kind` for keys of this annotation.
fn key_kind(key: &SomeValue) -> i64 {
    match key {
        SomeValue::Int | SomeValue::Bool => 0,
        SomeValue::Float => 1,
        SomeValue::Str { .. } => 2,
        SomeValue::Tuple(_) => 4, // by contents, as the descriptor says
        _ => 3,                   // instances, by identity
    }
}

impl Lowerer<'_> {
    /// The last argument of rpy_dict_new: for tuple keys, the runtime's
    /// descriptor of their type (a string constant); otherwise null.
    fn key_desc(&self, key: &SomeValue) -> Value {
        match key {
            SomeValue::Tuple(_) => {
                let desc = crate::abi::repr_desc(key, &self.ann.lists)
                    .expect("the annotator allows only describable tuple keys");
                Value::Const(Constant::Str(desc.into()))
            }
            _ => Value::Const(Constant::None),
        }
    }
}

impl Lowerer<'_> {
    /// Key and value types of a dict (a set's "values" are None).
    fn dict_types(&self, d: &Value) -> (SomeValue, SomeValue) {
        match self.s(d) {
            SomeValue::Dict(k, v) => (
                self.ann.lists.item(k).clone(),
                self.ann.lists.item(v).clone(),
            ),
            SomeValue::Set(k) => (self.ann.lists.item(k).clone(), SomeValue::None),
            other => unreachable!("not a dict: {other}"),
        }
    }

    /// A new empty set for items of this annotation.
    fn new_set_value(&mut self, item: &SomeValue, result: VarId, span: Span) {
        let new_args = vec![
            int(key_kind(item)),
            int(item_kind_of(item).array_tid() as i64),
            int(0),
            self.key_desc(item),
        ];
        self.push(LlOp::CallHelper(Helper::DictNew), new_args, result, span);
    }

    pub(super) fn new_set(
        &mut self,
        constants: bool,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let SomeValue::Set(id) = self.ann.binding(self.func, result).clone() else {
            unreachable!("a set display is a set")
        };
        let item = self.ann.lists.item(id).clone();
        let set = if constants {
            self.ll.new_var(LlType::DictPtr, span)
        } else {
            result
        };
        self.new_set_value(&item, set, span);
        for a in args {
            let k = self.as_item(a, &item, span);
            self.tmp(
                LlOp::CallHelper(Helper::SetAdd),
                vec![Value::Var(set), k],
                LlType::Void,
                span,
            );
        }
        if constants {
            self.push(
                LlOp::CallHelper(Helper::SetOfConstants),
                vec![Value::Var(set)],
                result,
                span,
            );
        }
        Ok(())
    }

    /// `set()` / `set(list)`.
    pub(super) fn set_builtin(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let SomeValue::Set(id) = self.ann.binding(self.func, result).clone() else {
            unreachable!("set() is a set")
        };
        let item = self.ann.lists.item(id).clone();
        self.new_set_value(&item, result, span);
        if let Some(SomeValue::Tuple(members)) = args.first().map(|a| self.s(a)) {
            // Its items one by one, in order, as CPython adds them.
            let from = &args[0];
            for (i, m) in members.iter().enumerate() {
                // The annotator gave every item the set's own type.
                let k = match super::lltype_of(m) {
                    LlType::Void => Value::Const(Constant::None),
                    ty => self.tmp(LlOp::TupleGetItem(i as u32), vec![from.clone()], ty, span),
                };
                let add = vec![Value::Var(result), k];
                self.tmp(LlOp::CallHelper(Helper::SetAdd), add, LlType::Void, span);
            }
            return Ok(());
        }
        if let Some(from) = args.first() {
            // As CPython's set_update_internal: a set merges (slot order,
            // one resize), a dict presizes, other iterables add one by one.
            let helper = match self.s(from) {
                SomeValue::Set(_) => Helper::SetUpdate,
                SomeValue::Dict(..) => Helper::SetAddDictKeys,
                SomeValue::Str { .. } => Helper::SetAddChars,
                _ => Helper::SetAddAll,
            };
            self.tmp(
                LlOp::CallHelper(helper),
                vec![Value::Var(result), from.clone()],
                LlType::Void,
                span,
            );
        }
        Ok(())
    }

    pub(super) fn set_method(
        &mut self,
        name: &str,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let s = args[0].clone();
        let (item, _) = self.dict_types(&s);
        let (h, call_args) = match name {
            "add" => {
                let k = self.as_item(&args[1], &item, span);
                (Helper::SetAdd, vec![s, k])
            }
            "remove" | "discard" => {
                let k = self.as_item(&args[1], &item, span);
                let must = Value::Const(Constant::Bool(name == "remove"));
                // Whether it was there only matters to remove (KeyError).
                self.tmp(
                    LlOp::CallHelper(Helper::SetDiscard),
                    vec![s, k, must],
                    LlType::Bool,
                    span,
                );
                self.push(
                    LlOp::SameAs,
                    vec![Value::Const(Constant::None)],
                    result,
                    span,
                );
                return Ok(());
            }
            "update" => (Helper::SetUpdate, vec![s, args[1].clone()]),
            "copy" => (Helper::SetCopy, vec![s]),
            "clear" => (Helper::SetClear, vec![s]),
            "pop" => (Helper::SetPop, vec![s]),
            other => unreachable!("annotator rejects set.{other}"),
        };
        self.push(LlOp::CallHelper(h), call_args, result, span);
        Ok(())
    }

    /// `a | b`, `a & b`, `a - b` of sets, and in place `a |= b`, `a &= b`,
    /// `a -= b` (which change a, as other names for it see).
    pub(super) fn set_binary(
        &mut self,
        op: crate::flowgraph::hlop::BinOp,
        in_place: bool,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        use crate::flowgraph::hlop::BinOp;
        if in_place {
            let h = match op {
                BinOp::BitOr => Helper::SetUpdate,
                BinOp::BitAnd => Helper::SetIntersectionUpdate,
                _ => Helper::SetDifferenceUpdate,
            };
            self.tmp(LlOp::CallHelper(h), args.to_vec(), LlType::Void, span);
            self.push(LlOp::SameAs, vec![args[0].clone()], result, span);
            return Ok(());
        }
        let h = match op {
            BinOp::BitOr => Helper::SetUnion,
            BinOp::BitAnd => Helper::SetIntersection,
            _ => Helper::SetDifference,
        };
        self.push(LlOp::CallHelper(h), args.to_vec(), result, span);
        Ok(())
    }

    /// `a == b` / `a != b` of sets.
    /// `a == b` of two sets, or of two dicts (values compared by value
    /// for floats and strings, by identity for instances).
    pub(super) fn set_eq(&mut self, args: [&Value; 2], negate: bool, result: VarId, span: Span) {
        let (helper, call) = if let SomeValue::Set(_) = self.s(args[0]) {
            (Helper::SetEq, vec![args[0].clone(), args[1].clone()])
        } else {
            let (_, value) = self.dict_types(args[0]);
            let eq = super::lists::eq_kind_of(&value, &self.ann.lists).code() as i64;
            (
                Helper::DictEq,
                vec![args[0].clone(), args[1].clone(), int(eq)],
            )
        };
        if negate {
            let eq = self.tmp(LlOp::CallHelper(helper), call, LlType::Bool, span);
            self.push(LlOp::BoolNot, vec![eq], result, span);
        } else {
            self.push(LlOp::CallHelper(helper), call, result, span);
        }
    }

    /// A key or value in the dict's representation (a bool stored where
    /// ints are, ...).
    fn as_item(&mut self, v: &Value, item: &SomeValue, span: Span) -> Value {
        match (item, self.s(v)) {
            (SomeValue::Int, SomeValue::Bool) => self.convert(v, LlType::Signed, span),
            (SomeValue::Float, SomeValue::Int | SomeValue::Bool) => {
                self.convert(v, LlType::Float, span)
            }
            _ => v.clone(),
        }
    }

    pub(super) fn new_dict(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let SomeValue::Dict(k, v) = self.ann.binding(self.func, result).clone() else {
            unreachable!("a dict display is a dict")
        };
        let (key, value) = (
            self.ann.lists.item(k).clone(),
            self.ann.lists.item(v).clone(),
        );
        let new_args = vec![
            int(key_kind(&key)),
            int(item_kind_of(&key).array_tid() as i64),
            int(item_kind_of(&value).array_tid() as i64),
            self.key_desc(&key),
        ];
        self.push(LlOp::CallHelper(Helper::DictNew), new_args, result, span);
        for kv in args.chunks(2) {
            let kk = self.as_item(&kv[0], &key, span);
            let vv = self.as_item(&kv[1], &value, span);
            self.tmp(
                LlOp::CallHelper(Helper::DictSetItem),
                vec![Value::Var(result), kk, vv],
                LlType::Void,
                span,
            );
        }
        Ok(())
    }

    pub(super) fn dict_getitem(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let (key, _) = self.dict_types(&args[0]);
        let k = self.as_item(&args[1], &key, span);
        self.push(
            LlOp::CallHelper(Helper::DictGetItem),
            vec![args[0].clone(), k],
            result,
            span,
        );
        Ok(())
    }

    pub(super) fn dict_setitem(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let (key, value) = self.dict_types(&args[0]);
        let k = self.as_item(&args[1], &key, span);
        let v = self.as_item(&args[2], &value, span);
        self.push(
            LlOp::CallHelper(Helper::DictSetItem),
            vec![args[0].clone(), k, v],
            result,
            span,
        );
        Ok(())
    }

    pub(super) fn delitem(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        if let SomeValue::List(_) = self.s(&args[0]) {
            let i = self.convert(&args[1], LlType::Signed, span);
            let layout = self.list_layout(&args[0]);
            self.tmp(
                LlOp::ListDel(layout),
                vec![args[0].clone(), i],
                LlType::Void,
                span,
            );
            self.push(
                LlOp::SameAs,
                vec![Value::Const(Constant::None)],
                result,
                span,
            );
            return Ok(());
        }
        let (key, _) = self.dict_types(&args[0]);
        let k = self.as_item(&args[1], &key, span);
        self.tmp(
            LlOp::CallHelper(Helper::DictDelItem),
            vec![args[0].clone(), k, Value::Const(Constant::Bool(true))],
            LlType::Bool,
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

    /// `key in d`: a lookup that finds an entry.
    pub(super) fn dict_contains(
        &mut self,
        key: &Value,
        d: &Value,
        negate: bool,
        result: VarId,
        span: Span,
    ) {
        let (kt, _) = self.dict_types(d);
        let k = self.as_item(key, &kt, span);
        if let SomeValue::Set(_) = self.s(d) {
            let call = vec![d.clone(), k];
            if negate {
                let found = self.tmp(
                    LlOp::CallHelper(Helper::SetContains),
                    call,
                    LlType::Bool,
                    span,
                );
                self.push(LlOp::BoolNot, vec![found], result, span);
            } else {
                self.push(LlOp::CallHelper(Helper::SetContains), call, result, span);
            }
            return;
        }
        let e = self.tmp(
            LlOp::CallHelper(Helper::DictLookup),
            vec![d.clone(), k],
            LlType::Signed,
            span,
        );
        let cmp = if negate { Cmp::Lt } else { Cmp::Ge };
        self.push(LlOp::IntCmp(cmp), vec![e, int(0)], result, span);
    }

    pub(super) fn dict_method(
        &mut self,
        name: &str,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let d = args[0].clone();
        let (key, value) = self.dict_types(&d);
        let key_arg = |this: &mut Self| this.as_item(&args[1], &key, span);
        let (h, call_args) = match name {
            "get" => {
                let k = key_arg(self);
                let dflt = match args.get(2) {
                    Some(v) => self.as_item(v, &value, span),
                    None => Value::Const(Constant::None),
                };
                (Helper::DictGet, vec![d, k, dflt])
            }
            "pop" if args.len() == 3 => {
                let k = key_arg(self);
                let dflt = self.as_item(&args[2], &value, span);
                (Helper::DictPopDefault, vec![d, k, dflt])
            }
            "pop" => (Helper::DictPop, vec![d.clone(), key_arg(self)]),
            "setdefault" => {
                let k = key_arg(self);
                let v = self.as_item(&args[2], &value, span);
                (Helper::DictSetDefault, vec![d, k, v])
            }
            "keys" => (Helper::DictKeys, vec![d]),
            "values" => (Helper::DictValues, vec![d]),
            "items" => {
                let types = [super::lltype_of(&key), super::lltype_of(&value)];
                let tid = self.layouts.tuple_tid(&types);
                (Helper::DictItems, vec![d, int(tid as i64)])
            }
            "update" => (Helper::DictUpdate, vec![d, args[1].clone()]),
            "copy" => (Helper::DictCopy, vec![d]),
            "clear" => (Helper::DictClear, vec![d]),
            other => unreachable!("annotator rejects dict.{other}"),
        };
        self.push(LlOp::CallHelper(h), call_args, result, span);
        Ok(())
    }

    /// IterPos / IterMore / IterItem (see HlOp).
    pub(super) fn iter_op(
        &mut self,
        op: &HlOp,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let seq = &args[0];
        if *op == HlOp::IterStart {
            let start = match self.s(seq) {
                // A dict's or set's length is where a list's is.
                SomeValue::Dict(..) | SomeValue::Set(_) => {
                    self.tmp(LlOp::ListLen, vec![seq.clone()], LlType::Signed, span)
                }
                _ => int(0),
            };
            self.push(LlOp::SameAs, vec![start], result, span);
            return Ok(());
        }
        let pos = args[1].clone();
        if let SomeValue::File { .. } = self.s(seq) {
            return self.file_iter(op, args, result, span);
        }
        if let SomeValue::Instance { class, .. } = self.s(seq) {
            let resume = self
                .program
                .class(class)
                .generator
                .expect("annotator: a generator");
            match op {
                HlOp::IterPos => self.push(LlOp::SameAs, vec![pos], result, span),
                HlOp::IterMore => {
                    self.push(LlOp::DirectCall(resume), vec![seq.clone()], result, span)
                }
                _ => {
                    let field = crate::parse::generators::VALUE_FIELD.into();
                    return self.getattr(&field, seq, result, span);
                }
            }
            return Ok(());
        }
        match (op, self.s(seq)) {
            (HlOp::IterPos, SomeValue::Set(_)) => self.push(
                LlOp::CallHelper(Helper::SetIterNext),
                vec![seq.clone(), pos, args[2].clone()],
                result,
                span,
            ),
            (HlOp::IterPos, SomeValue::Dict(..)) => self.push(
                LlOp::CallHelper(Helper::DictIterNext),
                vec![seq.clone(), pos, args[2].clone()],
                result,
                span,
            ),
            (HlOp::IterPos, _) => self.push(LlOp::SameAs, vec![pos], result, span),
            (HlOp::IterMore, SomeValue::Tuple(items)) => {
                let n = int(items.len() as i64);
                self.push(LlOp::IntCmp(Cmp::Lt), vec![pos, n], result, span)
            }
            // The index is below the length the loop just tested.
            (_, SomeValue::Tuple(_)) => {
                self.push(LlOp::TupleGetItemAt, vec![seq.clone(), pos], result, span)
            }
            (HlOp::IterMore, SomeValue::Dict(..) | SomeValue::Set(_)) => {
                self.push(LlOp::IntCmp(Cmp::Ge), vec![pos, int(0)], result, span)
            }
            (HlOp::IterMore, s) => {
                let len_op = match s {
                    SomeValue::Str { .. } | SomeValue::Bytes => LlOp::StrLen,
                    _ => LlOp::ListLen,
                };
                let n = self.tmp(len_op, vec![seq.clone()], LlType::Signed, span);
                self.push(LlOp::IntCmp(Cmp::Lt), vec![pos, n], result, span)
            }
            (_, SomeValue::Dict(..) | SomeValue::Set(_)) => self.push(
                LlOp::CallHelper(Helper::DictKeyAt),
                vec![seq.clone(), pos],
                result,
                span,
            ),
            // The index is in range: the loop just tested it.
            (_, SomeValue::Str { .. }) => self.push(
                LlOp::CallHelper(Helper::StrIterItem),
                vec![seq.clone(), pos],
                result,
                span,
            ),
            (_, SomeValue::Bytes) => self.push(
                LlOp::CallHelper(Helper::BytesGetItem),
                vec![seq.clone(), pos],
                result,
                span,
            ),
            _ => {
                let kind = self.item_kind(seq);
                let layout = self.list_layout(seq);
                self.push(
                    LlOp::ListGetItem(kind, layout),
                    vec![seq.clone(), pos],
                    result,
                    span,
                )
            }
        }
        Ok(())
    }
}
