//! The runtime functions generated code calls: one enum mirroring
//! `runtime/rpy.h` (change both together). Each is declared in the module
//! the first time it is used.

use crate::flowgraph::ir::MathFn;
use inkwell::context::Context;
use inkwell::types::{BasicMetadataTypeEnum, FunctionType};
use inkwell::AddressSpace;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum RuntimeFn {
    Raise,
    StackCheck,
    WriteInt,
    WriteFloat,
    WriteBool,
    WriteStr,
    WriteChar,
    IntPow,
    FloatMod,
    FloatFloorDiv,
    FloatPow,
    FloatToInt,
    IntFloatCompare,
    IntTrueDiv,
    StrToInt,
    StrEq,
    GcMalloc,
    GcWriteBarrier,
    TracebackAdd,
    ExcCatch,
    ReportUncaught,
    ListNew,
    ListAppend,
    ListInsert,
    ListDelete,
    ListMul,
    ListSlice,
    ListExtend,
    ListConcat,
    ListReverse,
    ListClear,
    ListFind,
    ListCount,
    ListSort,
    Math(MathFn),
    MathLogBase,
}

/// Built-in exception kinds, numbered as `enum rpy_exc_kind` in rpy.h.
#[derive(Clone, Copy, Debug)]
pub enum ExcKind {
    ZeroDivision = 0,
    Overflow = 1,
    Value = 2,
    Index = 3,
    UnboundLocal = 8,
    Attribute = 9,
}

impl RuntimeFn {
    pub fn name(self) -> &'static str {
        match self {
            RuntimeFn::Raise => "rpy_raise",
            RuntimeFn::StackCheck => "rpy_stack_check",
            RuntimeFn::WriteInt => "rpy_write_int",
            RuntimeFn::WriteFloat => "rpy_write_float",
            RuntimeFn::WriteBool => "rpy_write_bool",
            RuntimeFn::WriteStr => "rpy_write_str",
            RuntimeFn::WriteChar => "rpy_write_char",
            RuntimeFn::IntPow => "rpy_int_pow",
            RuntimeFn::FloatMod => "rpy_float_mod",
            RuntimeFn::FloatFloorDiv => "rpy_float_floordiv",
            RuntimeFn::FloatPow => "rpy_float_pow",
            RuntimeFn::FloatToInt => "rpy_float_to_int",
            RuntimeFn::IntFloatCompare => "rpy_int_float_compare",
            RuntimeFn::IntTrueDiv => "rpy_int_truediv",
            RuntimeFn::StrToInt => "rpy_str_to_int",
            RuntimeFn::StrEq => "rpy_str_eq",
            RuntimeFn::GcMalloc => "rpy_gc_malloc",
            RuntimeFn::GcWriteBarrier => "rpy_gc_write_barrier",
            RuntimeFn::TracebackAdd => "rpy_traceback_add",
            RuntimeFn::ExcCatch => "rpy_exc_catch",
            RuntimeFn::ReportUncaught => "rpy_report_uncaught",
            RuntimeFn::ListNew => "rpy_list_new",
            RuntimeFn::ListAppend => "rpy_list_append",
            RuntimeFn::ListInsert => "rpy_list_insert",
            RuntimeFn::ListDelete => "rpy_list_delete",
            RuntimeFn::ListMul => "rpy_list_mul",
            RuntimeFn::ListSlice => "rpy_list_slice",
            RuntimeFn::ListExtend => "rpy_list_extend",
            RuntimeFn::ListConcat => "rpy_list_concat",
            RuntimeFn::ListReverse => "rpy_list_reverse",
            RuntimeFn::ListClear => "rpy_list_clear",
            RuntimeFn::ListFind => "rpy_list_find",
            RuntimeFn::ListCount => "rpy_list_count",
            RuntimeFn::ListSort => "rpy_list_sort",
            RuntimeFn::MathLogBase => "rpy_math_log_base",
            RuntimeFn::Math(m) => match m {
                MathFn::Sqrt => "rpy_math_sqrt",
                MathFn::Exp => "rpy_math_exp",
                MathFn::Log => "rpy_math_log",
                MathFn::Log10 => "rpy_math_log10",
                MathFn::Sin => "rpy_math_sin",
                MathFn::Cos => "rpy_math_cos",
                MathFn::Tan => "rpy_math_tan",
                MathFn::Atan => "rpy_math_atan",
                MathFn::Fabs => "rpy_math_fabs",
                MathFn::Atan2 => "rpy_math_atan2",
                MathFn::Hypot => "rpy_math_hypot",
                MathFn::Fmod => "rpy_math_fmod",
                MathFn::Pow => "rpy_math_pow",
                MathFn::Floor => "rpy_math_floor",
                MathFn::Ceil => "rpy_math_ceil",
                // Inlined as comparisons, never called.
                MathFn::Isnan | MathFn::Isinf => unreachable!("inlined"),
            },
        }
    }

    pub fn signature<'ctx>(self, cx: &'ctx Context) -> FunctionType<'ctx> {
        let i64t = cx.i64_type();
        let i32t = cx.i32_type();
        let f64t = cx.f64_type();
        let boolt = cx.bool_type();
        let ptr = cx.ptr_type(AddressSpace::default());
        let void = cx.void_type();
        let p = |ts: &[BasicMetadataTypeEnum<'ctx>]| ts.to_vec();
        match self {
            RuntimeFn::Raise => void.fn_type(&p(&[i32t.into(), ptr.into()]), false),
            RuntimeFn::Math(m) => {
                let ret: inkwell::types::BasicTypeEnum = match m {
                    MathFn::Floor | MathFn::Ceil => i64t.into(),
                    _ => f64t.into(),
                };
                let params = vec![f64t.into(); *m.arity().start()];
                inkwell::types::BasicType::fn_type(&ret, &params, false)
            }
            RuntimeFn::MathLogBase => f64t.fn_type(&p(&[f64t.into(), f64t.into()]), false),
            RuntimeFn::StackCheck => void.fn_type(&[], false),
            RuntimeFn::WriteInt => void.fn_type(&p(&[i64t.into()]), false),
            RuntimeFn::WriteFloat => void.fn_type(&p(&[f64t.into()]), false),
            RuntimeFn::WriteBool => void.fn_type(&p(&[boolt.into()]), false),
            RuntimeFn::WriteStr => void.fn_type(&p(&[ptr.into()]), false),
            RuntimeFn::WriteChar => void.fn_type(&p(&[i32t.into()]), false),
            RuntimeFn::IntPow => i64t.fn_type(&p(&[i64t.into(), i64t.into(), boolt.into()]), false),
            RuntimeFn::FloatMod | RuntimeFn::FloatFloorDiv | RuntimeFn::FloatPow => {
                f64t.fn_type(&p(&[f64t.into(), f64t.into()]), false)
            }
            RuntimeFn::FloatToInt => i64t.fn_type(&p(&[f64t.into()]), false),
            RuntimeFn::IntFloatCompare => i32t.fn_type(&p(&[i64t.into(), f64t.into()]), false),
            RuntimeFn::IntTrueDiv => f64t.fn_type(&p(&[i64t.into(), i64t.into()]), false),
            RuntimeFn::StrToInt => i64t.fn_type(&p(&[ptr.into()]), false),
            RuntimeFn::StrEq => boolt.fn_type(&p(&[ptr.into(), ptr.into()]), false),
            RuntimeFn::GcMalloc => ptr.fn_type(&p(&[i32t.into()]), false),
            RuntimeFn::GcWriteBarrier => void.fn_type(&p(&[ptr.into()]), false),
            RuntimeFn::TracebackAdd => void.fn_type(&p(&[i32t.into()]), false),
            RuntimeFn::ExcCatch => ptr.fn_type(&[], false),
            RuntimeFn::ReportUncaught => void.fn_type(&[], false),
            RuntimeFn::ListNew => ptr.fn_type(&p(&[i32t.into(), i64t.into(), i64t.into()]), false),
            RuntimeFn::ListAppend | RuntimeFn::ListDelete => {
                void.fn_type(&p(&[ptr.into(), i64t.into()]), false)
            }
            RuntimeFn::ListInsert => {
                void.fn_type(&p(&[ptr.into(), i64t.into(), i64t.into()]), false)
            }
            RuntimeFn::ListMul => ptr.fn_type(&p(&[ptr.into(), i64t.into()]), false),
            RuntimeFn::ListSlice => ptr.fn_type(
                &p(&[ptr.into(), i64t.into(), i64t.into(), i64t.into()]),
                false,
            ),
            RuntimeFn::ListExtend => void.fn_type(&p(&[ptr.into(), ptr.into()]), false),
            RuntimeFn::ListConcat => ptr.fn_type(&p(&[ptr.into(), ptr.into()]), false),
            RuntimeFn::ListReverse | RuntimeFn::ListClear => void.fn_type(&p(&[ptr.into()]), false),
            RuntimeFn::ListFind => i64t.fn_type(
                &p(&[ptr.into(), i64t.into(), i32t.into(), i64t.into()]),
                false,
            ),
            RuntimeFn::ListCount => {
                i64t.fn_type(&p(&[ptr.into(), i64t.into(), i32t.into()]), false)
            }
            RuntimeFn::ListSort => {
                void.fn_type(&p(&[ptr.into(), i32t.into(), boolt.into()]), false)
            }
        }
    }

    /// Never returns: lets LLVM treat the paths that call it as cold.
    pub fn is_noreturn(self) -> bool {
        matches!(self, RuntimeFn::ReportUncaught)
    }

    /// Rarely called: the paths that raise.
    pub fn is_cold(self) -> bool {
        matches!(
            self,
            RuntimeFn::Raise | RuntimeFn::TracebackAdd | RuntimeFn::ReportUncaught
        )
    }

    /// May set `rpy_exc_value`: generated code checks it after the call.
    pub fn can_raise(self) -> bool {
        if let RuntimeFn::Math(m) = self {
            return !matches!(m, MathFn::Fabs | MathFn::Atan | MathFn::Atan2);
        }
        matches!(
            self,
            RuntimeFn::IntPow
                | RuntimeFn::FloatMod
                | RuntimeFn::FloatFloorDiv
                | RuntimeFn::FloatPow
                | RuntimeFn::FloatToInt
                | RuntimeFn::StrToInt
                | RuntimeFn::GcMalloc
                | RuntimeFn::StackCheck
                | RuntimeFn::ListNew
                | RuntimeFn::ListAppend
                | RuntimeFn::ListInsert
                | RuntimeFn::ListMul
                | RuntimeFn::ListSlice
                | RuntimeFn::ListExtend
                | RuntimeFn::ListConcat
                | RuntimeFn::MathLogBase
        )
    }
}
