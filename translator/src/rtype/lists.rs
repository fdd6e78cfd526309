//! Lowering of list operations: each becomes one low-level list
//! operation that knows how items are stored (`ItemKind`) and, for
//! searches, how they compare (`EqKind`).

use super::llop::{EqKind, ItemKind, ListLayout, LlOp};
use super::lltype::LlType;
use super::lltype_of;
use super::lower::{LResult, Lowerer};
use crate::annotate::listdef::{ListDefs, ListId};
use crate::annotate::model::SomeValue;
use crate::annotate::Annotations;
use crate::diagnostics::Span;
use crate::flowgraph::hlop::{BinOp, CmpOp, HlOp};
use crate::flowgraph::ir::{Constant, Value, VarId};
use crate::flowgraph::FlowGraphs;
use std::collections::HashSet;
use std::rc::Rc;

/// How a list with items annotated `item` stores them.
pub fn item_kind_of(item: &SomeValue) -> ItemKind {
    match super::lltype_of(item) {
        // Ints, r_uints and files are words.
        LlType::Signed => ItemKind::I64,
        LlType::Float => ItemKind::F64,
        LlType::Bool => ItemKind::U8,
        // Pointers, and lists that only ever hold None (or nothing).
        _ => ItemKind::Ptr,
    }
}

pub fn eq_kind_of(item: &SomeValue, lists: &ListDefs) -> EqKind {
    match item {
        SomeValue::Float => EqKind::Float,
        SomeValue::Str { .. } => EqKind::Str,
        SomeValue::List(id) => EqKind::List(eq_kind_of(lists.item(*id), lists).code()),
        _ => EqKind::Bits,
    }
}

/// The list definitions (roots) that a `pop(i)` or `del l[i]` may shorten
/// from the front: those with an index that is not a negative constant
/// (`pop()` and `pop(-1)` take from the end and need no offset).
pub(super) fn front_offset_lists(flow: &FlowGraphs, ann: &Annotations) -> HashSet<ListId> {
    let mut out = HashSet::new();
    for (&f, graph) in &flow.graphs {
        let Some(bindings) = ann.bindings.get(&f) else {
            continue;
        };
        for (i, block) in graph.blocks.iter().enumerate() {
            let id = crate::flowgraph::ir::BlockId(i as u32);
            if !ann.reached.contains(&(f, id)) {
                continue;
            }
            for op in &block.operations {
                let index = match &op.op {
                    HlOp::CallMethod { name, .. } if &**name == "pop" => op.args.get(1),
                    HlOp::DelItem => op.args.get(1),
                    _ => None,
                };
                let Some(index) = index else { continue };
                let Value::Var(list) = &op.args[0] else {
                    continue;
                };
                let SomeValue::List(list) = bindings[list.index()] else {
                    continue;
                };
                if !matches!(index, Value::Const(Constant::Int(n)) if *n < 0) {
                    out.insert(ann.lists.find(list));
                }
            }
        }
    }
    out
}

impl Lowerer<'_> {
    pub(super) fn list_layout(&self, list: &Value) -> ListLayout {
        match self.s(list) {
            SomeValue::List(id) if self.front_offset.contains(&self.ann.lists.find(id)) => {
                ListLayout::FrontOffset
            }
            _ => ListLayout::Packed,
        }
    }

    pub(super) fn list_item(&self, list: &Value) -> SomeValue {
        match self.s(list) {
            SomeValue::List(id) => self.ann.lists.item(id).clone(),
            other => unreachable!("annotator: a list operation on {other}"),
        }
    }

    pub(super) fn item_kind(&self, list: &Value) -> ItemKind {
        item_kind_of(&self.list_item(list))
    }

    /// `v` as the list stores it: None into a pointer list is null (a
    /// Void value), ints stay ints (the annotator unified the types).
    pub(super) fn item_value(&mut self, _list: &Value, v: &Value, _span: Span) -> Value {
        v.clone()
    }

    pub(super) fn new_list(&mut self, items: &[Value], result: VarId, span: Span) -> LResult {
        let kind = item_kind_of(&self.list_item(&Value::Var(result)));
        let n = Value::Const(Constant::Int(items.len() as i64));
        self.push(LlOp::NewList(kind), vec![n.clone(), n], result, span);
        for (i, item) in items.iter().enumerate() {
            let index = Value::Const(Constant::Int(i as i64));
            self.tmp(
                // A new list starts at slot 0, whatever its layout.
                LlOp::ListSetItem(kind, ListLayout::Packed),
                vec![Value::Var(result), index, item.clone()],
                LlType::Void,
                span,
            );
        }
        Ok(())
    }

    pub(super) fn bound(&mut self, v: &Value, missing: i64, span: Span) -> Value {
        match self.s(v) {
            SomeValue::None => Value::Const(Constant::Int(missing)),
            _ => self.convert(v, LlType::Signed, span),
        }
    }

    pub(super) fn list_slice(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let lo = self.bound(&args[1], i64::MIN, span);
        let hi = self.bound(&args[2], i64::MAX, span);
        let step = self.bound(&args[3], 1, span);
        self.push(
            LlOp::ListSlice,
            vec![args[0].clone(), lo, hi, step],
            result,
            span,
        );
        Ok(())
    }

    /// The new list a starred target gets (see `HlOp::StarredItems`).
    pub(super) fn starred_items(
        &mut self,
        seq: &Value,
        (start, after): (usize, usize),
        result: VarId,
        span: Span,
    ) -> LResult {
        let int = |i: i64| Value::Const(Constant::Int(i));
        let stop = match after {
            0 => Value::Const(Constant::None),
            n => int(-(n as i64)),
        };
        let slice = [
            seq.clone(),
            int(start as i64),
            stop,
            Value::Const(Constant::None),
        ];
        match self.s(seq) {
            SomeValue::List(_) => self.list_slice(&slice, result, span),
            SomeValue::Str { .. } => {
                let rest = self.ll.new_var(LlType::StrPtr, span);
                self.str_slice(&slice, rest, span)?;
                let chars = LlOp::CallHelper(crate::abi::Helper::StrChars);
                self.push(chars, vec![Value::Var(rest)], result, span);
                Ok(())
            }
            SomeValue::Tuple(items) => {
                let ty = lltype_of(&self.list_item(&Value::Var(result)));
                let mut values = vec![];
                for (i, item) in items
                    .iter()
                    .enumerate()
                    .take(items.len() - after)
                    .skip(start)
                {
                    let get = LlOp::TupleGetItem(i as u32);
                    let v = self.tmp(get, vec![seq.clone()], lltype_of(item), span);
                    values.push(self.convert(&v, ty.clone(), span));
                }
                self.new_list(&values, result, span)
            }
            other => unreachable!("annotator: starred unpacking of {other}"),
        }
    }

    /// `l[lo:hi:st] = items` (args l, lo, hi, st, items) and
    /// `del l[lo:hi:st]`.
    pub(super) fn list_setslice(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let lo = self.bound(&args[1], i64::MIN, span);
        let hi = self.bound(&args[2], i64::MAX, span);
        let step = self.bound(&args[3], 1, span);
        let mut call = vec![args[0].clone(), lo, hi, step];
        let helper = match args.get(4) {
            Some(items) => {
                call.push(items.clone());
                crate::abi::Helper::ListSetSlice
            }
            None => crate::abi::Helper::ListDelSlice,
        };
        self.push(LlOp::CallHelper(helper), call, result, span);
        Ok(())
    }

    /// `a == b` / `a != b` of lists, item by item.
    pub(super) fn list_eq(&mut self, args: [&Value; 2], negate: bool, result: VarId, span: Span) {
        let eq = eq_kind_of(&self.list_item(args[0]), &self.ann.lists).code() as i64;
        let call = vec![
            args[0].clone(),
            args[1].clone(),
            Value::Const(Constant::Int(eq)),
        ];
        if negate {
            let eq = self.tmp(
                LlOp::CallHelper(crate::abi::Helper::ListEq),
                call,
                LlType::Bool,
                span,
            );
            self.push(LlOp::BoolNot, vec![eq], result, span);
        } else {
            self.push(
                LlOp::CallHelper(crate::abi::Helper::ListEq),
                call,
                result,
                span,
            );
        }
    }

    /// `a < b` (and `<=`, `>`, `>=`) of lists, as CPython's: the first
    /// items that differ decide, else the lengths.
    pub(super) fn list_compare(&mut self, args: [&Value; 2], op: CmpOp, result: VarId, span: Span) {
        let eq = eq_kind_of(&self.list_item(args[0]), &self.ann.lists).code() as i64;
        // `enum rpy_cmp_op` in rpy.h.
        let op = match op {
            CmpOp::Lt => 0,
            CmpOp::Le => 1,
            CmpOp::Gt => 2,
            CmpOp::Ge => 3,
            other => unreachable!("annotator: list ordering with {other:?}"),
        };
        let call = vec![
            args[0].clone(),
            args[1].clone(),
            Value::Const(Constant::Int(eq)),
            Value::Const(Constant::Int(op)),
        ];
        self.push(
            LlOp::CallHelper(crate::abi::Helper::ListCompare),
            call,
            result,
            span,
        );
    }

    pub(super) fn list_binary(
        &mut self,
        op: BinOp,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        match op {
            BinOp::Add => self.push(LlOp::ListConcat, args.to_vec(), result, span),
            _ => {
                let (list, n) = match self.s(&args[0]) {
                    SomeValue::List(_) => (&args[0], &args[1]),
                    _ => (&args[1], &args[0]),
                };
                let n = self.convert(n, LlType::Signed, span);
                self.push(LlOp::ListMul, vec![list.clone(), n], result, span);
            }
        }
        Ok(())
    }

    /// `l += other` extends l; `l *= n` repeats l's items in place.
    pub(super) fn list_inplace(
        &mut self,
        op: BinOp,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let list = args[0].clone();
        let other = match op {
            BinOp::Add => args[1].clone(),
            _ => {
                let n = self.convert(&args[1], LlType::Signed, span);
                let repeated =
                    self.tmp(LlOp::ListMul, vec![list.clone(), n], LlType::ListPtr, span);
                self.tmp(LlOp::ListClear, vec![list.clone()], LlType::Void, span);
                repeated
            }
        };
        self.tmp(
            LlOp::ListExtend,
            vec![list.clone(), other],
            LlType::Void,
            span,
        );
        self.push(LlOp::SameAs, vec![list], result, span);
        Ok(())
    }

    /// `l.sort(key=f, reverse=r)` (keywords only), also for `sorted`.
    /// Sorts the new list `copy` (a copy of `list`, whose annotation it
    /// shares) for `sorted()`.
    pub(super) fn list_sort_copy(
        &mut self,
        list: &Value,
        copy: VarId,
        kw_args: &[Value],
        keywords: &[Rc<str>],
        span: Span,
    ) -> LResult {
        let done = self.ll.new_var(LlType::Void, span);
        self.list_sort_as(list, &Value::Var(copy), kw_args, keywords, done, span)
    }

    pub(super) fn list_sort(
        &mut self,
        list: &Value,
        kw_args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        self.list_sort_as(list, list, kw_args, keywords, result, span)
    }

    /// Sorts `target`, a list annotated as `list` is.
    fn list_sort_as(
        &mut self,
        list: &Value,
        target: &Value,
        kw_args: &[Value],
        keywords: &[Rc<str>],
        result: VarId,
        span: Span,
    ) -> LResult {
        let item = self.list_item(list);
        let mut key = None;
        let mut key_type = item.clone();
        let mut reverse = Value::Const(Constant::Bool(false));
        let mut env = vec![];
        let mut env_value = None;
        // A key function the annotator never reached is never called: the
        // list never holds an item (`sorted([], key=...)`).
        let returns = |func| self.ann.returns.get(&func).cloned();
        for (k, v) in keywords.iter().zip(kw_args) {
            match (&**k, self.s(v)) {
                ("key", SomeValue::Func(func) | SomeValue::Closure(func, _))
                    if returns(func).is_none() => {}
                ("key", SomeValue::Func(func)) => {
                    let ret = self.ann.returns[&func].clone();
                    key = Some((func, super::lltype_of(&item), super::lltype_of(&ret)));
                    key_type = ret;
                }
                ("key", SomeValue::Closure(func, captured)) => {
                    let ret = self.ann.returns[&func].clone();
                    key = Some((func, super::lltype_of(&item), super::lltype_of(&ret)));
                    key_type = ret;
                    env = captured.iter().map(super::lltype_of).collect();
                    env_value = Some(v.clone());
                }
                ("reverse", _) => reverse = self.truth(v, span),
                _ => {}
            }
        }
        let kind = |s: &SomeValue| match s {
            SomeValue::Float => 1,
            SomeValue::Str { .. } => 2,
            SomeValue::Bool => 3,
            _ => 0,
        };
        let (kinds, tuple_key) = match &key_type {
            SomeValue::Tuple(items) => (items.iter().map(kind).collect(), true),
            other => (vec![kind(other)], false),
        };
        let spec = super::llop::SortSpec {
            key,
            env,
            kinds,
            tuple_key,
        };
        let mut args = vec![target.clone(), reverse];
        args.extend(env_value);
        self.push(LlOp::ListSortKeyed(Rc::new(spec)), args, result, span);
        Ok(())
    }

    pub(super) fn list_method(
        &mut self,
        name: &Rc<str>,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let list = args[0].clone();
        let item = self.list_item(&list);
        let kind = item_kind_of(&item);
        let eq = eq_kind_of(&item, &self.ann.lists);
        let int = |s: &mut Self, v: &Value| s.convert(v, LlType::Signed, span);
        let (op, call_args) = match &**name {
            "append" => {
                let layout = self.list_layout(&list);
                (LlOp::ListAppend(kind, layout), vec![list, args[1].clone()])
            }
            "pop" => {
                let i = match args.get(1) {
                    Some(i) => int(self, i),
                    None => Value::Const(Constant::Int(-1)),
                };
                let layout = self.list_layout(&list);
                (LlOp::ListPop(kind, layout), vec![list, i])
            }
            "insert" => {
                let i = int(self, &args[1]);
                (LlOp::ListInsert(kind), vec![list, i, args[2].clone()])
            }
            "extend" => (LlOp::ListExtend, vec![list, args[1].clone()]),
            "reverse" => (LlOp::ListReverse, vec![list]),
            "clear" => (LlOp::ListClear, vec![list]),
            "copy" => {
                let all = vec![
                    list,
                    Value::Const(Constant::Int(i64::MIN)),
                    Value::Const(Constant::Int(i64::MAX)),
                    Value::Const(Constant::Int(1)),
                ];
                (LlOp::ListSlice, all)
            }
            "index" => {
                // list.index(x, start=0, stop=sys.maxsize)
                let mut bound = |i: usize, default: i64| match args.get(i) {
                    Some(v) => int(self, v),
                    None => Value::Const(Constant::Int(default)),
                };
                let start = bound(2, 0);
                let stop = bound(3, i64::MAX);
                (
                    LlOp::ListIndex(eq),
                    vec![list, args[1].clone(), start, stop],
                )
            }
            "count" => (LlOp::ListCount(eq), vec![list, args[1].clone()]),
            "remove" => (LlOp::ListRemove(eq), vec![list, args[1].clone()]),
            "sort" => unreachable!("lowered by list_sort"),
            other => unreachable!("annotator accepted list.{other}()"),
        };
        self.push(op, call_args, result, span);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::rtype::llop::LlOp;
    use crate::testing::{front, rtyped};

    /// The list operations of `name`, as the graph dump prints them.
    fn list_ops(src: &str, name: &str) -> Vec<String> {
        let f = front(src);
        let ll = rtyped(&f);
        let g = &ll.graphs[&f.func(name)].graph;
        g.blocks
            .iter()
            .flat_map(|b| &b.operations)
            .filter(|op| {
                matches!(
                    op.op,
                    LlOp::ListGetItem(..)
                        | LlOp::ListSetItem(..)
                        | LlOp::ListPop(..)
                        | LlOp::ListDel(_)
                )
            })
            .map(|op| op.op.to_string())
            .collect()
    }

    #[test]
    fn only_lists_shortened_from_the_front_get_an_offset() {
        let src = "
def queue(q):
    x = q.pop(0)
    q[0] = x
    return q[1]

def stack(s):
    x = s.pop()
    y = s.pop(-2)
    del s[-1]
    s[0] = x
    return s[0] + y

def at(q, i):
    del q[i]

def entry_point(argv):
    a = [1, 2, 3]
    b = [4, 5, 6]
    c = [7.0, 8.0]
    print(queue(a), stack(b))
    at(c, 0)
    return 0
";
        assert_eq!(
            list_ops(src, "queue"),
            [
                "list_pop[i64, front_offset]",
                "list_set_item[i64, front_offset]",
                "list_get_item[i64, front_offset]"
            ]
        );
        assert_eq!(
            list_ops(src, "stack"),
            [
                "list_pop[i64]",
                "list_pop[i64]",
                "list_del",
                "list_set_item[i64]",
                "list_get_item[i64]"
            ]
        );
        assert_eq!(list_ops(src, "at"), ["list_del[front_offset]"]);
    }
}
