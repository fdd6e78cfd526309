//! The runtime ABI: the functions generated code calls, one enum mirroring
//! `runtime/rpy.h` (change both together). Each is declared in the module
//! the first time it is used.

use crate::annotate::listdef::ListDefs;
use crate::annotate::model::SomeValue;
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
    /// `l.append(x)` when the array is full (the common case is inline).
    ListAppendGrow,
    ListInsert,
    ListDelete,
    ListDeleteFromFront,
    ListMul,
    ListSlice,
    ListExtend,
    ListConcat,
    ListReverse,
    ListClear,
    ListFind,
    ListCount,
    Math(MathFn),
    MathLogBase,
    /// A helper of the string/dict runtime, described by the table below.
    Helper(Helper),
}

/// A C type of the runtime ABI.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AbiTy {
    I64,
    I32,
    F64,
    Bool,
    Ptr,
    Void,
}

/// What a helper may do besides computing its result.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HelperEffect {
    /// Reads memory only: removable, never collects or raises.
    Pure,
    /// Writes non-GC memory (a string builder) or caches: never collects.
    Effect,
    /// May raise, and so allocate the exception: may collect.
    Raise,
}

/// One line per helper: variant = C name (parameters) -> result, effect.
/// Mirrors the declarations in runtime/rpy.h.
macro_rules! helpers {
    ($($v:ident = $name:literal ($($p:ident),*) -> $r:ident, $eff:ident;)*) => {
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum Helper { $($v),* }
        impl Helper {
            pub fn name(self) -> &'static str {
                match self { $(Helper::$v => $name),* }
            }
            pub fn params(self) -> &'static [AbiTy] {
                match self { $(Helper::$v => &[$(AbiTy::$p),*]),* }
            }
            pub fn ret(self) -> AbiTy {
                match self { $(Helper::$v => AbiTy::$r),* }
            }
            pub fn effect(self) -> HelperEffect {
                match self { $(Helper::$v => HelperEffect::$eff),* }
            }
        }
    };
}

helpers! {
    StrConcat = "rpy_str_concat" (Ptr, Ptr) -> Ptr, Raise;
    StrRepeat = "rpy_str_repeat" (Ptr, I64) -> Ptr, Raise;
    StrOfInt = "rpy_str_of_int" (I64) -> Ptr, Raise;
    StrOfFloat = "rpy_str_of_float" (F64) -> Ptr, Raise;
    StrOfUint = "rpy_str_of_uint" (I64) -> Ptr, Raise;
    RaiseUnpackShort = "rpy_raise_unpack_short" (I64, I64) -> Void, Raise;
    RaiseUnpackAtLeast = "rpy_raise_unpack_at_least" (I64, I64) -> Void, Raise;
    RaiseNotInList = "rpy_raise_not_in_list" (I64, Ptr) -> Void, Raise;
    StrOfBool = "rpy_str_of_bool" (Bool) -> Ptr, Raise;
    StrRepr = "rpy_str_repr" (Ptr) -> Ptr, Raise;
    StrGetItem = "rpy_str_getitem" (Ptr, I64) -> Ptr, Raise;
    StrIterItem = "rpy_str_iter_item" (Ptr, I64) -> Ptr, Raise;
    StrCodePointAt = "rpy_str_code_point_at" (Ptr, I64) -> I64, Pure;
    StrToIntSlice = "rpy_str_to_int_slice" (Ptr, I64, I64) -> I64, Raise;
    StrSlice = "rpy_str_slice" (Ptr, I64, I64, I64) -> Ptr, Raise;
    StrCmp = "rpy_str_cmp" (Ptr, Ptr) -> I32, Pure;
    StrHash = "rpy_str_hash" (Ptr) -> I64, Effect;
    StrFind = "rpy_str_find" (Ptr, Ptr, I64, I64) -> I64, Pure;
    StrRfind = "rpy_str_rfind" (Ptr, Ptr, I64, I64) -> I64, Pure;
    StrPartitionAt = "rpy_str_partition_at" (Ptr, Ptr, Bool) -> I64, Raise;
    FloatDivmodCheck = "rpy_float_divmod_check" (F64) -> Void, Raise;
    FloatRoundToInt = "rpy_float_round_to_int" (F64) -> I64, Raise;
    FloatRound = "rpy_float_round" (F64, I64) -> F64, Raise;
    IntRound = "rpy_int_round" (I64, I64) -> I64, Raise;
    HashInt = "rpy_hash_int" (I64) -> I64, Pure;
    HashFloat = "rpy_hash_float" (F64) -> I64, Pure;
    StrIndex = "rpy_str_index" (Ptr, Ptr, I64, I64, Bool) -> I64, Raise;
    StrCount = "rpy_str_count" (Ptr, Ptr) -> I64, Pure;
    StrContains = "rpy_str_contains" (Ptr, Ptr) -> Bool, Pure;
    StrStartswith = "rpy_str_startswith" (Ptr, Ptr) -> Bool, Pure;
    StrEndswith = "rpy_str_endswith" (Ptr, Ptr) -> Bool, Pure;
    StrStrip = "rpy_str_strip" (Ptr, Ptr, I32) -> Ptr, Raise;
    StrLower = "rpy_str_lower" (Ptr) -> Ptr, Raise;
    StrUpper = "rpy_str_upper" (Ptr) -> Ptr, Raise;
    StrReplace = "rpy_str_replace" (Ptr, Ptr, Ptr, I64) -> Ptr, Raise;
    StrSplit = "rpy_str_split" (Ptr, Ptr, I64) -> Ptr, Raise;
    StrRsplit = "rpy_str_rsplit" (Ptr, Ptr, I64) -> Ptr, Raise;
    StrSplitlines = "rpy_str_splitlines" (Ptr) -> Ptr, Raise;
    StrJoin = "rpy_str_join" (Ptr, Ptr) -> Ptr, Raise;
    StrIs = "rpy_str_is" (Ptr, I32) -> Bool, Pure;
    StrOrd = "rpy_str_ord" (Ptr) -> I64, Raise;
    StrChr = "rpy_str_chr" (I64) -> Ptr, Raise;
    StrToFloat = "rpy_str_to_float" (Ptr) -> F64, Raise;
    StrZfill = "rpy_str_zfill" (Ptr, I64) -> Ptr, Raise;
    StrPad = "rpy_str_pad" (Ptr, I64, Ptr, I32) -> Ptr, Raise;
    StrIntToBase = "rpy_str_int_to_base" (I64, I32) -> Ptr, Raise;
    StrToIntBase = "rpy_str_to_int_base" (Ptr, I64) -> I64, Raise;
    BuilderInit = "rpy_builder_init" (Ptr) -> Void, Effect;
    BuilderAddBytes = "rpy_builder_add_bytes" (Ptr, Ptr, I64) -> Void, Effect;
    BuilderAddStr = "rpy_builder_add_str" (Ptr, Ptr) -> Void, Effect;
    BuilderAddInt = "rpy_builder_add_int" (Ptr, I64) -> Void, Effect;
    BuilderAddFloat = "rpy_builder_add_float" (Ptr, F64) -> Void, Effect;
    BuilderFormatInt = "rpy_builder_format_int" (Ptr, Ptr, I64) -> Void, Effect;
    BuilderFormatFloat = "rpy_builder_format_float" (Ptr, Ptr, F64) -> Void, Effect;
    BuilderFormatStr = "rpy_builder_format_str" (Ptr, Ptr, Ptr) -> Void, Effect;
    BuilderFormatSpecInt = "rpy_builder_format_spec_int" (Ptr, Ptr, I64) -> Void, Raise;
    BuilderFormatSpecFloat = "rpy_builder_format_spec_float" (Ptr, Ptr, F64) -> Void, Raise;
    BuilderFormatSpecStr = "rpy_builder_format_spec_str" (Ptr, Ptr, Ptr) -> Void, Raise;
    BuilderFinish = "rpy_builder_finish" (Ptr) -> Ptr, Raise;
    BuilderAddValueRepr = "rpy_builder_add_value_repr" (Ptr, I64, Ptr) -> Void, Effect;
    // Keys and values travel as 64-bit patterns (I64), converted by the
    // code generator.
    DictNew = "rpy_dict_new" (I32, I32, I32, Ptr) -> Ptr, Raise;
    DictLookup = "rpy_dict_lookup" (Ptr, I64) -> I64, Pure;
    DictGetItem = "rpy_dict_getitem" (Ptr, I64) -> I64, Raise;
    DictSetItem = "rpy_dict_setitem" (Ptr, I64, I64) -> Void, Raise;
    DictDelItem = "rpy_dict_delitem" (Ptr, I64, Bool) -> Bool, Raise;
    DictPop = "rpy_dict_pop" (Ptr, I64) -> I64, Raise;
    DictPopDefault = "rpy_dict_pop_default" (Ptr, I64, I64) -> I64, Effect;
    DictIterNext = "rpy_dict_iter_next" (Ptr, I64, I64) -> I64, Raise;
    DictKeyAt = "rpy_dict_key_at" (Ptr, I64) -> I64, Pure;
    DictGet = "rpy_dict_get" (Ptr, I64, I64) -> I64, Pure;
    DictSetDefault = "rpy_dict_setdefault" (Ptr, I64, I64) -> I64, Raise;
    DictCopy = "rpy_dict_copy" (Ptr) -> Ptr, Raise;
    DictClear = "rpy_dict_clear" (Ptr) -> Void, Effect;
    DictUpdate = "rpy_dict_update" (Ptr, Ptr) -> Void, Raise;
    DictKeys = "rpy_dict_keys" (Ptr) -> Ptr, Raise;
    DictValues = "rpy_dict_values" (Ptr) -> Ptr, Raise;
    DictItems = "rpy_dict_items" (Ptr, I32) -> Ptr, Raise;
    DictEq = "rpy_dict_eq" (Ptr, Ptr, I32) -> Bool, Pure;
    SetAdd = "rpy_set_add" (Ptr, I64) -> Void, Raise;
    SetContains = "rpy_set_contains" (Ptr, I64) -> Bool, Pure;
    SetDiscard = "rpy_set_discard" (Ptr, I64, Bool) -> Bool, Raise;
    SetIterNext = "rpy_set_iter_next" (Ptr, I64, I64) -> I64, Raise;
    SetCopy = "rpy_set_copy" (Ptr) -> Ptr, Raise;
    SetClear = "rpy_set_clear" (Ptr) -> Void, Effect;
    SetUpdate = "rpy_set_update" (Ptr, Ptr) -> Void, Raise;
    SetDifferenceUpdate = "rpy_set_difference_update" (Ptr, Ptr) -> Void, Raise;
    SetIntersectionUpdate = "rpy_set_intersection_update" (Ptr, Ptr) -> Void, Raise;
    SetEq = "rpy_set_eq" (Ptr, Ptr) -> Bool, Pure;
    SetAddAll = "rpy_set_add_all" (Ptr, Ptr) -> Void, Raise;
    SetAddDictKeys = "rpy_set_add_dict_keys" (Ptr, Ptr) -> Void, Raise;
    SetAddChars = "rpy_set_add_chars" (Ptr, Ptr) -> Void, Raise;
    ListEq = "rpy_list_eq" (Ptr, Ptr, I32) -> Bool, Pure;
    ListCompare = "rpy_list_compare" (Ptr, Ptr, I32, I32) -> Bool, Pure;
    SetOfConstants = "rpy_set_of_constants" (Ptr) -> Ptr, Raise;
    SetPop = "rpy_set_pop" (Ptr) -> I64, Raise;
    SetList = "rpy_set_list" (Ptr) -> Ptr, Raise;
    StrChars = "rpy_str_chars" (Ptr) -> Ptr, Raise;
    SetUnion = "rpy_set_union" (Ptr, Ptr) -> Ptr, Raise;
    SetIntersection = "rpy_set_intersection" (Ptr, Ptr) -> Ptr, Raise;
    SetDifference = "rpy_set_difference" (Ptr, Ptr) -> Ptr, Raise;
    ListSortKeyed = "rpy_list_sort_keyed_env" (Ptr, Ptr, Ptr, Ptr, Ptr, I32, Bool, Bool) -> Void, Raise;
    ListSumInt = "rpy_list_sum_int" (Ptr) -> I64, Pure;
    ListSumFloat = "rpy_list_sum_float" (Ptr, F64) -> F64, Pure;
    ListMinMax = "rpy_list_minmax" (Ptr, I32, Bool) -> I64, Raise;
    ListAny = "rpy_list_any" (Ptr, I32, Bool) -> Bool, Pure;
    BytesGetItem = "rpy_bytes_getitem" (Ptr, I64) -> I64, Raise;
    BytesSlice = "rpy_bytes_slice" (Ptr, I64, I64, I64) -> Ptr, Raise;
    BytesConcat = "rpy_bytes_concat" (Ptr, Ptr) -> Ptr, Raise;
    BytesRepeat = "rpy_bytes_repeat" (Ptr, I64) -> Ptr, Raise;
    BytesRepr = "rpy_bytes_repr" (Ptr) -> Ptr, Raise;
    BytesDecodeUtf8 = "rpy_bytes_decode_utf8" (Ptr) -> Ptr, Raise;
    StrEncodeUtf8 = "rpy_str_encode_utf8" (Ptr) -> Ptr, Raise;
    OsOpen = "rpy_os_open" (Ptr, I64, I64) -> I64, Raise;
    OsRead = "rpy_os_read" (I64, I64) -> Ptr, Raise;
    OsWrite = "rpy_os_write" (I64, Ptr) -> I64, Raise;
    OsClose = "rpy_os_close" (I64) -> Void, Raise;
    TimeTime = "rpy_time_time" () -> F64, Effect;
    TimePerfCounter = "rpy_time_perf_counter" () -> F64, Effect;
    SysWrite = "rpy_sys_write" (I64, Ptr) -> I64, Raise;
    ListSetSlice = "rpy_list_setslice" (Ptr, I64, I64, I64, Ptr) -> Void, Raise;
    ListDelSlice = "rpy_list_delslice" (Ptr, I64, I64, I64) -> Void, Raise;
    FileOpen = "rpy_file_open" (Ptr, Ptr) -> I64, Raise;
    FileRead = "rpy_file_read" (I64, I64) -> Ptr, Raise;
    FileReadline = "rpy_file_readline" (I64) -> Ptr, Raise;
    FileReadlines = "rpy_file_readlines" (I64) -> Ptr, Raise;
    FileWrite = "rpy_file_write" (I64, Ptr) -> I64, Raise;
    FileFlush = "rpy_file_flush" (I64) -> Void, Raise;
    FileClose = "rpy_file_close" (I64) -> Void, Raise;
    FileClosed = "rpy_file_closed" (I64) -> Bool, Effect;
    FileMore = "rpy_file_more" (I64) -> Bool, Raise;
}

/// Bytes a string builder needs in the caller's frame (RPY_BUILDER_BYTES).
pub const BUILDER_BYTES: u32 = 128;

/// Built-in exception kinds, numbered as `enum rpy_exc_kind` in rpy.h.
#[derive(Clone, Copy, Debug)]
pub enum ExcKind {
    ZeroDivision = 0,
    Overflow = 1,
    Value = 2,
    Index = 3,
    Type = 6,
    UnboundLocal = 8,
    Attribute = 9,
    Name = 11,
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
            RuntimeFn::ListAppendGrow => "rpy_list_append_grow",
            RuntimeFn::ListInsert => "rpy_list_insert",
            RuntimeFn::ListDelete => "rpy_list_delete",
            RuntimeFn::ListDeleteFromFront => "rpy_list_delete_from_front",
            RuntimeFn::ListMul => "rpy_list_mul",
            RuntimeFn::ListSlice => "rpy_list_slice",
            RuntimeFn::ListExtend => "rpy_list_extend",
            RuntimeFn::ListConcat => "rpy_list_concat",
            RuntimeFn::ListReverse => "rpy_list_reverse",
            RuntimeFn::ListClear => "rpy_list_clear",
            RuntimeFn::ListFind => "rpy_list_find",
            RuntimeFn::ListCount => "rpy_list_count",
            RuntimeFn::MathLogBase => "rpy_math_log_base",
            RuntimeFn::Helper(h) => h.name(),
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
            RuntimeFn::Helper(h) => {
                let ty = |t: AbiTy| -> Option<inkwell::types::BasicTypeEnum<'ctx>> {
                    Some(match t {
                        AbiTy::I64 => i64t.into(),
                        AbiTy::I32 => i32t.into(),
                        AbiTy::F64 => f64t.into(),
                        AbiTy::Bool => boolt.into(),
                        AbiTy::Ptr => ptr.into(),
                        AbiTy::Void => return None,
                    })
                };
                let params: Vec<BasicMetadataTypeEnum> = h
                    .params()
                    .iter()
                    .map(|&t| ty(t).expect("no void parameters").into())
                    .collect();
                match ty(h.ret()) {
                    Some(r) => inkwell::types::BasicType::fn_type(&r, &params, false),
                    None => void.fn_type(&params, false),
                }
            }
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
            RuntimeFn::StackCheck => boolt.fn_type(&[], false),
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
            RuntimeFn::ListAppendGrow | RuntimeFn::ListDelete | RuntimeFn::ListDeleteFromFront => {
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
                &p(&[
                    ptr.into(),
                    i64t.into(),
                    i32t.into(),
                    i64t.into(),
                    i64t.into(),
                ]),
                false,
            ),
            RuntimeFn::ListCount => {
                i64t.fn_type(&p(&[ptr.into(), i64t.into(), i32t.into()]), false)
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
        if let RuntimeFn::Helper(h) = self {
            return h.effect() == HelperEffect::Raise;
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
                | RuntimeFn::ListNew
                | RuntimeFn::ListAppendGrow
                | RuntimeFn::ListInsert
                | RuntimeFn::ListMul
                | RuntimeFn::ListSlice
                | RuntimeFn::ListExtend
                | RuntimeFn::ListConcat
                | RuntimeFn::MathLogBase
        )
    }
}

/// How `rpy_builder_add_value_repr` reads a value of this type (the
/// descriptor language of rpy_repr.c), or None if the runtime cannot show
/// it (instances, functions).
pub fn repr_desc(s: &SomeValue, lists: &ListDefs) -> Option<String> {
    repr_desc_with(s, lists, &|_| None)
}

/// `repr_desc`, where an instance of a class is described by `instance`
/// (`O<table>;` for one shown by its `__repr__`), if it can be shown.
pub fn repr_desc_with(
    s: &SomeValue,
    lists: &ListDefs,
    instance: &dyn Fn(crate::flowgraph::ir::ClassId) -> Option<String>,
) -> Option<String> {
    let repr_desc = |s: &SomeValue, lists: &ListDefs| repr_desc_with(s, lists, instance);
    Some(match s {
        SomeValue::Instance { class, .. } => instance(*class)?,
        SomeValue::Int => "i".into(),
        SomeValue::Float => "f".into(),
        SomeValue::Bool => "b".into(),
        SomeValue::None | SomeValue::Impossible => "n".into(),
        SomeValue::Str { .. } => "s".into(),
        SomeValue::List(id) => format!("L{}", repr_desc(lists.item(*id), lists)?),
        SomeValue::Set(id) => format!("S{}", repr_desc(lists.item(*id), lists)?),
        SomeValue::Dict(k, v) => format!(
            "D{}{}",
            repr_desc(lists.item(*k), lists)?,
            repr_desc(lists.item(*v), lists)?
        ),
        SomeValue::Tuple(items) => {
            let mut d = format!("T{};", items.len());
            for i in items {
                d.push_str(&repr_desc(i, lists)?);
            }
            d
        }
        _ => return None,
    })
}

/// The hash `rpy_str_hash` (runtime/rpy_str.c) caches in a string, so that
/// prebuilt string constants carry it from the start and are never
/// written: they can be constant globals, whose length and bytes LLVM then
/// knows. 0 means "not computed" and INT64_MIN is reserved by dicts; both
/// become 1, as in the runtime.
pub fn str_hash(bytes: &[u8]) -> i64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap());
        h = (h.rotate_left(23) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^= h >> 32;
    match h as i64 {
        0 | i64::MIN => 1,
        -1 => -2,
        x => x,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn str_hash_matches_the_runtime() {
        // Values printed by the runtime's hash_bytes (x86-64, little endian).
        let cases: [(&str, i64); 5] = [
            ("", 1),
            ("a", 8689639128358868068),
            ("hello", 4122017273362627754),
            ("exactly8", 5621985565985028967),
            ("a longer string, é ✓", -423261539573942200),
        ];
        for (s, h) in cases {
            assert_eq!(super::str_hash(s.as_bytes()), h, "{s:?}");
        }
    }
}
