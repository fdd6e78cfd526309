//! Lowering of string operations to runtime helpers (rpy_str_*) and of
//! `%` formatting to one `Format` operation (a string builder in the
//! caller's frame).

use super::llop::{Cmp, FormatPiece, IntOp, LlOp};
use super::lltype::LlType;
use super::lower::{LResult, Lowerer};
use crate::abi::Helper;
use crate::annotate::model::SomeValue;
use crate::annotate::strings::percent_args;
use crate::diagnostics::Span;
use crate::flowgraph::hlop::BinOp;
use crate::flowgraph::ir::{Builtin, Constant, Value, VarId};
use crate::pyformat::{self, ConvClass, PercentPiece};
use std::rc::Rc;

/// `which` of rpy_str_strip and rpy_str_pad, `kind` of rpy_str_is.
fn strip_which(name: &str) -> i64 {
    match name {
        "strip" => 0,
        "lstrip" => 1,
        _ => 2,
    }
}

fn int(i: i64) -> Value {
    Value::Const(Constant::Int(i))
}

impl Lowerer<'_> {
    fn helper(&mut self, h: Helper, args: Vec<Value>, ty: LlType, span: Span) -> Value {
        self.tmp(LlOp::CallHelper(h), args, ty, span)
    }

    /// str(v) (or repr(v)) of a value the annotator allows there.
    pub(super) fn str_of(&mut self, v: &Value, repr: bool, span: Span) -> Value {
        let s = self.s(v);
        self.str_of_typed(v, &s, repr, span)
    }

    /// str(v) (or repr(v)) where `s` is v's annotation (v may be a value
    /// made while lowering, which has none of its own).
    fn str_of_typed(&mut self, v: &Value, s: &SomeValue, repr: bool, span: Span) -> Value {
        match s {
            SomeValue::Int => self.helper(Helper::StrOfInt, vec![v.clone()], LlType::StrPtr, span),
            SomeValue::Unsigned => {
                self.helper(Helper::StrOfUint, vec![v.clone()], LlType::StrPtr, span)
            }
            SomeValue::Float => {
                self.helper(Helper::StrOfFloat, vec![v.clone()], LlType::StrPtr, span)
            }
            SomeValue::Bool => {
                self.helper(Helper::StrOfBool, vec![v.clone()], LlType::StrPtr, span)
            }
            SomeValue::Str { .. } if repr => {
                self.helper(Helper::StrRepr, vec![v.clone()], LlType::StrPtr, span)
            }
            SomeValue::Str { can_be_none: false } => v.clone(),
            // A str that may be None: rpy_str_repr gives "None" for null,
            // and so does the builder.
            SomeValue::Str { .. } => self.format(vec![FormatPiece::AddStr], vec![v.clone()], span),
            SomeValue::None => Value::Const(Constant::Str("None".into())),
            // A class with `__str__` / `__repr__`: a call of it; for an
            // instance that may be None, the runtime calls it back unless
            // it is None.
            SomeValue::Instance {
                class,
                can_be_none: true,
            } if crate::annotate::text_method(self.program, *class, repr).is_some() => {
                let name = crate::annotate::text_method(self.program, *class, repr).unwrap();
                let n = self.text_table(*class, name);
                let piece = FormatPiece::Repr(format!("O{n};").into());
                self.format(vec![piece], vec![v.clone()], span)
            }
            SomeValue::Instance { class, .. }
                if crate::annotate::text_method(self.program, *class, repr).is_some() =>
            {
                let name = crate::annotate::text_method(self.program, *class, repr).unwrap();
                let text = self.ll.new_var(LlType::StrPtr, span);
                self.method_call(*class, &name.into(), &[v.clone()], &[], text, span)
                    .expect("the annotator checked the method");
                Value::Var(text)
            }
            // Otherwise the annotator allows str() only of exceptions:
            // their message.
            SomeValue::Instance { class, .. } if !repr => self.exception_message(v, *class, span),
            SomeValue::Bytes => {
                self.helper(Helper::BytesRepr, vec![v.clone()], LlType::StrPtr, span)
            }
            // A container: the runtime shows it, calling back the
            // `__repr__` of instances inside (in a Format of its own, as
            // that may collect).
            other => {
                let (program, ann) = (self.program, self.ann);
                let me = std::cell::RefCell::new(&mut *self);
                let instance = |c: crate::flowgraph::ir::ClassId| {
                    let name = crate::annotate::text_method(program, c, true)?;
                    Some(format!("O{};", me.borrow_mut().text_table(c, name)))
                };
                let Some(d) = crate::abi::repr_desc_with(other, &ann.lists, &instance) else {
                    unreachable!("annotator rejects str() of {other}")
                };
                self.format(vec![FormatPiece::Repr(d.into())], vec![v.clone()], span)
            }
        }
    }

    /// The number of the runtime's text table for method `name` of
    /// instances of `class` (see `ClassLayouts::text_tables`).
    fn text_table(&mut self, class: crate::flowgraph::ir::ClassId, name: &str) -> usize {
        let key = (class, Rc::from(name));
        if let Some(n) = self.layouts.text_tables.get_index_of(&key) {
            return n;
        }
        let table = self.method_table(class, &key.1);
        self.layouts.text_tables.insert_full(key, table).0
    }

    fn format(&mut self, pieces: Vec<FormatPiece>, args: Vec<Value>, span: Span) -> Value {
        self.tmp(LlOp::Format(pieces.into()), args, LlType::StrPtr, span)
    }

    pub(super) fn str_builtin(
        &mut self,
        b: Builtin,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let v = match b {
            Builtin::Str | Builtin::Repr => self.str_of(&args[0], b == Builtin::Repr, span),
            Builtin::Ord => {
                self.helper(Helper::StrOrd, vec![args[0].clone()], LlType::Signed, span)
            }
            Builtin::Chr => {
                let i = self.convert(&args[0], LlType::Signed, span);
                self.helper(Helper::StrChr, vec![i], LlType::StrPtr, span)
            }
            Builtin::Hex | Builtin::Oct | Builtin::Bin => {
                let i = self.convert(&args[0], LlType::Signed, span);
                let base = match b {
                    Builtin::Hex => 16,
                    Builtin::Oct => 8,
                    _ => 2,
                };
                self.helper(
                    Helper::StrIntToBase,
                    vec![i, int(base)],
                    LlType::StrPtr,
                    span,
                )
            }
            Builtin::Int => {
                let base = self.convert(&args[1], LlType::Signed, span);
                self.helper(
                    Helper::StrToIntBase,
                    vec![args[0].clone(), base],
                    LlType::Signed,
                    span,
                )
            }
            Builtin::Float => self.helper(
                Helper::StrToFloat,
                vec![args[0].clone()],
                LlType::Float,
                span,
            ),
            _ => unreachable!("not a string builtin: {b:?}"),
        };
        self.push(LlOp::SameAs, vec![v], result, span);
        Ok(())
    }

    pub(super) fn str_binary(
        &mut self,
        op: BinOp,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        match op {
            BinOp::Add => self.push(
                LlOp::CallHelper(Helper::StrConcat),
                args.to_vec(),
                result,
                span,
            ),
            BinOp::Mul => {
                let (s, n) = match self.s(&args[0]) {
                    SomeValue::Str { .. } => (&args[0], &args[1]),
                    _ => (&args[1], &args[0]),
                };
                let n = self.convert(n, LlType::Signed, span);
                self.push(
                    LlOp::CallHelper(Helper::StrRepeat),
                    vec![s.clone(), n],
                    result,
                    span,
                );
            }
            BinOp::Mod => {
                let v = self.percent_format(&args[0], &args[1], span);
                self.push(LlOp::SameAs, vec![v], result, span);
            }
            _ => unreachable!("annotator rejects str {}", op.symbol()),
        }
        Ok(())
    }

    /// `fmt % args` with a constant fmt (checked by the annotator).
    fn percent_format(&mut self, fmt: &Value, arg: &Value, span: Span) -> Value {
        let Value::Const(Constant::Str(fmt)) = fmt else {
            unreachable!("annotator: constant format")
        };
        let pieces = pyformat::parse_percent(fmt).expect("annotator parsed it");
        let sarg = self.s(arg);
        let items: Vec<Value> = match &sarg {
            SomeValue::Tuple(types) => types
                .iter()
                .enumerate()
                .map(|(i, t)| match super::lltype_of(t) {
                    LlType::Void => Value::Const(Constant::None),
                    ty => self.tmp(LlOp::TupleGetItem(i as u32), vec![arg.clone()], ty, span),
                })
                .collect(),
            _ => vec![arg.clone()],
        };
        let types = percent_args(&sarg);
        let mut out = vec![];
        let mut out_args = vec![];
        let mut next = items.into_iter().zip(types);
        for piece in pieces {
            let spec = match piece {
                PercentPiece::Lit(s) => {
                    out.push(FormatPiece::Lit(s.into()));
                    continue;
                }
                PercentPiece::Spec(spec) => spec,
            };
            let (v, t) = next.next().expect("annotator counted the arguments");
            let text: Rc<str> = spec.text.as_str().into();
            match (spec.class(), &t) {
                (ConvClass::Text, SomeValue::Str { .. }) if spec.conv == 's' && spec.plain => {
                    out.push(FormatPiece::AddStr);
                    out_args.push(v);
                }
                (ConvClass::Text, SomeValue::Str { .. }) => {
                    out.push(FormatPiece::PercentStr(text));
                    out_args.push(v);
                }
                (ConvClass::Text, SomeValue::Int) if spec.plain => {
                    out.push(FormatPiece::AddInt);
                    out_args.push(v);
                }
                (ConvClass::Text, SomeValue::Float) if spec.plain => {
                    out.push(FormatPiece::AddFloat);
                    out_args.push(v);
                }
                (ConvClass::Text, SomeValue::None) if spec.plain => {
                    out.push(FormatPiece::Lit("None".into()));
                }
                (ConvClass::Text, _) => {
                    // str() (repr() for %r) first, then the spec's width
                    // and precision.
                    let s = self.str_of_typed(&v, &t, spec.conv == 'r', span);
                    out.push(FormatPiece::PercentStr(spec.with_conv('s').into()));
                    out_args.push(s);
                }
                (ConvClass::Integer, SomeValue::Float) => {
                    out.push(FormatPiece::PercentFloat(text));
                    out_args.push(v);
                }
                (ConvClass::Integer | ConvClass::IntegerOnly, _) => {
                    out.push(FormatPiece::PercentInt(text));
                    out_args.push(self.convert(&v, LlType::Signed, span));
                }
                (ConvClass::Float, _) => {
                    out.push(FormatPiece::PercentFloat(text));
                    out_args.push(self.convert(&v, LlType::Float, span));
                }
            }
        }
        self.format(out, out_args, span)
    }

    /// An f-string: each field through str() or repr(), then its spec.
    pub(super) fn fstring(
        &mut self,
        pieces: &[crate::flowgraph::hlop::FPiece],
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        use crate::flowgraph::hlop::FPiece;
        let mut out = vec![];
        let mut out_args = vec![];
        let mut next = args.iter();
        for p in pieces {
            let (repr, spec) = match p {
                FPiece::Lit(s) => {
                    out.push(FormatPiece::Lit(s.clone()));
                    continue;
                }
                FPiece::Field { repr, spec } => (*repr, spec.clone()),
            };
            let v = next.next().expect("one argument per field").clone();
            let t = self.s(&v);
            match (&t, repr, spec.is_empty()) {
                (SomeValue::Int, false, true) => {
                    out.push(FormatPiece::AddInt);
                    out_args.push(v);
                }
                (SomeValue::Float, false, true) => {
                    out.push(FormatPiece::AddFloat);
                    out_args.push(v);
                }
                (SomeValue::None, _, true) => out.push(FormatPiece::Lit("None".into())),
                (SomeValue::Str { .. }, false, true) => {
                    out.push(FormatPiece::AddStr);
                    out_args.push(v);
                }
                (_, _, true) | (_, true, false) => {
                    // str() / repr() first (then the spec, applied to the text).
                    let s = self.str_of_typed(&v, &t, repr, span);
                    out.push(if spec.is_empty() {
                        FormatPiece::AddStr
                    } else {
                        FormatPiece::SpecStr(spec)
                    });
                    out_args.push(s);
                }
                (SomeValue::Float, false, false) => {
                    out.push(FormatPiece::SpecFloat(spec));
                    out_args.push(v);
                }
                (SomeValue::Str { .. }, false, false) => {
                    out.push(FormatPiece::SpecStr(spec));
                    out_args.push(v);
                }
                (_, false, false) => {
                    out.push(FormatPiece::SpecInt(spec));
                    out_args.push(self.convert(&v, LlType::Signed, span));
                }
            }
        }
        let s = self.format(out, out_args, span);
        self.push(LlOp::SameAs, vec![s], result, span);
        Ok(())
    }

    /// Ordering comparisons, `in`, indexing and slicing of strings.
    pub(super) fn str_compare(
        &mut self,
        cmp: Cmp,
        l: &Value,
        r: &Value,
        result: VarId,
        span: Span,
    ) {
        self.push(LlOp::StrCmp(cmp), vec![l.clone(), r.clone()], result, span);
    }

    pub(super) fn str_contains(
        &mut self,
        sub: &Value,
        s: &Value,
        negate: bool,
        result: VarId,
        span: Span,
    ) {
        if negate {
            let found = self.helper(
                Helper::StrContains,
                vec![s.clone(), sub.clone()],
                LlType::Bool,
                span,
            );
            self.push(LlOp::BoolNot, vec![found], result, span);
        } else {
            self.push(
                LlOp::CallHelper(Helper::StrContains),
                vec![s.clone(), sub.clone()],
                result,
                span,
            );
        }
    }

    pub(super) fn str_getitem(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let i = self.convert(&args[1], LlType::Signed, span);
        self.push(
            LlOp::CallHelper(Helper::StrGetItem),
            vec![args[0].clone(), i],
            result,
            span,
        );
        Ok(())
    }

    pub(super) fn str_slice(&mut self, args: &[Value], result: VarId, span: Span) -> LResult {
        let lo = self.bound(&args[1], i64::MIN, span);
        let hi = self.bound(&args[2], i64::MAX, span);
        let step = self.bound(&args[3], 1, span);
        self.push(
            LlOp::CallHelper(Helper::StrSlice),
            vec![args[0].clone(), lo, hi, step],
            result,
            span,
        );
        Ok(())
    }

    /// `s.partition(sep)`: with i where sep starts (-1 if absent) and f = 1
    /// if found else 0, the cuts are computed without branches:
    /// partition gives (s[:j], sep[:len(sep)*f], s[j+len(sep)*f:]) with
    /// j = i if found else len(s); rpartition gives (s[:i*f],
    /// sep[:len(sep)*f], s[(i+len(sep))*f:]).
    fn str_partition(
        &mut self,
        s: &Value,
        sep: &Value,
        reverse: bool,
        result: VarId,
        span: Span,
    ) -> LResult {
        let signed = LlType::Signed;
        let rev = Value::Const(Constant::Bool(reverse));
        let i = self.helper(
            Helper::StrPartitionAt,
            vec![s.clone(), sep.clone(), rev],
            signed,
            span,
        );
        let found = self.tmp(
            LlOp::IntCmp(Cmp::Ge),
            vec![i.clone(), int(0)],
            LlType::Bool,
            span,
        );
        let f = self.tmp(LlOp::CastBoolToInt, vec![found], signed, span);
        let n = self.tmp(LlOp::StrLen, vec![s.clone()], signed, span);
        let k = self.tmp(LlOp::StrLen, vec![sep.clone()], signed, span);
        let mul = |this: &mut Self, a: Value, b: Value| {
            this.tmp(LlOp::Int(IntOp::Mul), vec![a, b], signed, span)
        };
        let add = |this: &mut Self, a: Value, b: Value| {
            this.tmp(LlOp::Int(IntOp::Add), vec![a, b], signed, span)
        };
        let kf = mul(self, k, f.clone());
        let i_f = mul(self, i, f.clone());
        let (before_end, after_start) = if reverse {
            (i_f.clone(), add(self, i_f, kf.clone()))
        } else {
            let not_f = self.tmp(LlOp::Int(IntOp::Sub), vec![int(1), f], signed, span);
            let n_not_f = mul(self, n, not_f);
            let j = add(self, i_f, n_not_f);
            (j.clone(), add(self, j, kf.clone()))
        };
        let slice = |this: &mut Self, of: &Value, lo: Value, hi: Value| {
            this.helper(
                Helper::StrSlice,
                vec![of.clone(), lo, hi, int(1)],
                LlType::StrPtr,
                span,
            )
        };
        let before = slice(self, s, int(0), before_end);
        let mid = slice(self, sep, int(0), kf);
        let after = slice(self, s, after_start, int(i64::MAX));
        self.new_str_triple([before, mid, after], result, span);
        Ok(())
    }

    fn new_str_triple(&mut self, items: [Value; 3], result: VarId, span: Span) {
        let tid = self.layouts.tuple_tid(&[LlType::StrPtr; 3]);
        self.push(LlOp::NewTuple(tid), vec![], result, span);
        for (i, item) in items.into_iter().enumerate() {
            self.tmp(
                LlOp::TupleInit(i as u32),
                vec![Value::Var(result), item],
                LlType::Void,
                span,
            );
        }
    }

    pub(super) fn str_method(
        &mut self,
        name: &str,
        args: &[Value],
        result: VarId,
        span: Span,
    ) -> LResult {
        let s = args[0].clone();
        let rest = &args[1..];
        let none = Value::Const(Constant::None);
        let arg_or = |this: &mut Self, i: usize, dflt: Value, ty: LlType| match rest.get(i) {
            Some(v) if ty == LlType::Signed => this.convert(v, LlType::Signed, span),
            Some(v) => v.clone(),
            None => dflt,
        };
        if let "partition" | "rpartition" = name {
            return self.str_partition(&s, &rest[0], name == "rpartition", result, span);
        }
        let (h, call_args) = match name {
            "join" => (Helper::StrJoin, vec![s, rest[0].clone()]),
            "split" | "rsplit" => {
                let sep = arg_or(self, 0, none.clone(), LlType::StrPtr);
                let max = arg_or(self, 1, int(-1), LlType::Signed);
                let h = if name == "split" {
                    Helper::StrSplit
                } else {
                    Helper::StrRsplit
                };
                (h, vec![s, sep, max])
            }
            "splitlines" => (Helper::StrSplitlines, vec![s]),
            "strip" | "lstrip" | "rstrip" => {
                let chars = arg_or(self, 0, none.clone(), LlType::StrPtr);
                let which = Value::Const(Constant::Int(strip_which(name)));
                (Helper::StrStrip, vec![s, chars, which])
            }
            "startswith" => (Helper::StrStartswith, vec![s, rest[0].clone()]),
            "endswith" => (Helper::StrEndswith, vec![s, rest[0].clone()]),
            "find" | "rfind" | "index" | "rindex" => {
                let start = arg_or(self, 1, int(0), LlType::Signed);
                let end = arg_or(self, 2, int(i64::MAX), LlType::Signed);
                let sub = rest[0].clone();
                match name {
                    "find" => (Helper::StrFind, vec![s, sub, start, end]),
                    "rfind" => (Helper::StrRfind, vec![s, sub, start, end]),
                    _ => {
                        let rev = Value::Const(Constant::Bool(name == "rindex"));
                        (Helper::StrIndex, vec![s, sub, start, end, rev])
                    }
                }
            }
            "count" => (Helper::StrCount, vec![s, rest[0].clone()]),
            "replace" => {
                let count = arg_or(self, 2, int(-1), LlType::Signed);
                (
                    Helper::StrReplace,
                    vec![s, rest[0].clone(), rest[1].clone(), count],
                )
            }
            "lower" => (Helper::StrLower, vec![s]),
            "upper" => (Helper::StrUpper, vec![s]),
            "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" => {
                let kind = [
                    "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
                ]
                .iter()
                .position(|k| *k == name)
                .unwrap() as i64;
                (Helper::StrIs, vec![s, int(kind)])
            }
            "zfill" => {
                let w = self.convert(&rest[0], LlType::Signed, span);
                (Helper::StrZfill, vec![s, w])
            }
            "ljust" | "rjust" | "center" => {
                let w = self.convert(&rest[0], LlType::Signed, span);
                let fill = arg_or(self, 1, none, LlType::StrPtr);
                let which = match name {
                    "ljust" => 0,
                    "rjust" => 1,
                    _ => 2,
                };
                (Helper::StrPad, vec![s, w, fill, int(which)])
            }
            other => unreachable!("annotator rejects str.{other}"),
        };
        self.push(LlOp::CallHelper(h), call_args, result, span);
        Ok(())
    }
}
