//! The `rpython.rlib` API the translator knows by name.
//!
//! Under CPython these come from the pure-Python shim package in the
//! repository's `rpython/` folder; when translating, the names below are
//! recognised instead of the shim's code being translated. The JIT hints
//! stay in the graphs (flow, annotated and low-level) so that a JIT
//! generator can find them later; until it exists they cost nothing in the
//! binary. `rpython.rlib.rstring` is not in this table: its shim is plain
//! restricted Python and is translated like the program's own modules.

use std::fmt;

/// A module of the `rpython.rlib` package with names the translator knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RlibModule {
    Jit,
    Rarithmetic,
    Objectmodel,
}

impl RlibModule {
    pub fn from_name(dotted: &str) -> Option<RlibModule> {
        Some(match dotted {
            "rpython.rlib.jit" => RlibModule::Jit,
            "rpython.rlib.rarithmetic" => RlibModule::Rarithmetic,
            "rpython.rlib.objectmodel" => RlibModule::Objectmodel,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            RlibModule::Jit => "rpython.rlib.jit",
            RlibModule::Rarithmetic => "rpython.rlib.rarithmetic",
            RlibModule::Objectmodel => "rpython.rlib.objectmodel",
        }
    }

    /// The member `name`, if the translator supports it.
    pub fn member(self, name: &str) -> Option<RlibFn> {
        use RlibFn::*;
        Some(match (self, name) {
            (RlibModule::Jit, "JitDriver") => JitDriver,
            (RlibModule::Jit, "promote") => Promote,
            (RlibModule::Jit, "promote_string") => Promote,
            (RlibModule::Jit, "hint") => Hint,
            (RlibModule::Jit, "we_are_jitted") => WeAreJitted,
            (RlibModule::Jit, "elidable") => Decorator(FuncHint::Elidable),
            (RlibModule::Jit, "unroll_safe") => Decorator(FuncHint::UnrollSafe),
            (RlibModule::Jit, "dont_look_inside") => Decorator(FuncHint::DontLookInside),
            (RlibModule::Jit, "look_inside") => Decorator(FuncHint::LookInside),
            (RlibModule::Rarithmetic, "intmask") => Intmask,
            (RlibModule::Rarithmetic, "r_int64") => Intmask,
            (RlibModule::Rarithmetic, "ovfcheck") => Ovfcheck,
            (RlibModule::Rarithmetic, "r_uint") => RUint,
            (RlibModule::Objectmodel, "we_are_translated") => WeAreTranslated,
            (RlibModule::Objectmodel, "specialize") => Specialize,
            (RlibModule::Objectmodel, "always_inline") => Decorator(FuncHint::AlwaysInline),
            (RlibModule::Objectmodel, "dont_inline") => Decorator(FuncHint::DontInline),
            (RlibModule::Objectmodel, "not_rpython") => Decorator(FuncHint::NotRpython),
            _ => return None,
        })
    }

    /// Integer constants of the module (`LONG_BIT`).
    pub fn constant(self, name: &str) -> Option<i64> {
        match (self, name) {
            (RlibModule::Rarithmetic, "LONG_BIT") => Some(64),
            _ => None,
        }
    }
}

/// A function or object of `rpython.rlib` used in the program.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum RlibFn {
    /// `intmask(x)`, `r_int64(x)`: ints are already 64-bit machine words.
    Intmask,
    /// `r_uint(x)`: the unsigned 64-bit word with x's low bits.
    RUint,
    /// `ovfcheck(a op b)`: the operation raises OverflowError instead of
    /// wrapping around.
    Ovfcheck,
    /// `promote(x)`: the JIT should treat x as a constant.
    Promote,
    /// `hint(x, ...)`: x, with hints for the JIT.
    Hint,
    WeAreTranslated,
    WeAreJitted,
    /// The class; instances are made at module level only.
    JitDriver,
    /// `specialize.argtype(...)` and friends, used as decorators.
    Specialize,
    Decorator(FuncHint),
}

impl RlibFn {
    pub fn name(self) -> &'static str {
        match self {
            RlibFn::Intmask => "intmask",
            RlibFn::Ovfcheck => "ovfcheck",
            RlibFn::RUint => "r_uint",
            RlibFn::Promote => "promote",
            RlibFn::Hint => "hint",
            RlibFn::WeAreTranslated => "we_are_translated",
            RlibFn::WeAreJitted => "we_are_jitted",
            RlibFn::JitDriver => "JitDriver",
            RlibFn::Specialize => "specialize",
            RlibFn::Decorator(h) => h.name(),
        }
    }
}

/// What a decorator from `rpython.rlib` says about a function. Recorded on
/// the function (and shown in graph dumps) for the optimiser and the JIT.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum FuncHint {
    Elidable,
    UnrollSafe,
    DontLookInside,
    LookInside,
    AlwaysInline,
    DontInline,
    NotRpython,
    /// `@specialize.argtype(...)`, `.memo()`, `.call_location()`: accepted;
    /// the function is still annotated once, so calls with different
    /// argument types are reported as a type conflict.
    Specialize,
}

impl FuncHint {
    pub fn name(self) -> &'static str {
        match self {
            FuncHint::Elidable => "elidable",
            FuncHint::UnrollSafe => "unroll_safe",
            FuncHint::DontLookInside => "dont_look_inside",
            FuncHint::LookInside => "look_inside",
            FuncHint::AlwaysInline => "always_inline",
            FuncHint::DontInline => "dont_inline",
            FuncHint::NotRpython => "not_rpython",
            FuncHint::Specialize => "specialize",
        }
    }
}

/// A JIT hint kept as an operation in the graphs.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum JitHint {
    /// `driver.jit_merge_point(**live)`: the start of the interpreter's
    /// main loop body; arguments are the driver's greens then reds.
    MergePoint(JitDriverId),
    /// `driver.can_enter_jit(**live)`: a backward jump of the user program.
    CanEnterJit(JitDriverId),
    /// `promote(x)` / `hint(x, ...)`: the result is x.
    Promote,
}

impl fmt::Display for JitHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JitHint::MergePoint(d) => write!(f, "jit_merge_point[driver{}]", d.0),
            JitHint::CanEnterJit(d) => write!(f, "can_enter_jit[driver{}]", d.0),
            JitHint::Promote => write!(f, "jit_promote"),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct JitDriverId(pub u32);

/// A module-level `JitDriver(greens=[...], reds=[...])`.
#[derive(Clone, Debug)]
pub struct JitDriverDesc {
    /// The module-level name it is bound to.
    pub name: String,
    pub greens: Vec<String>,
    pub reds: Vec<String>,
}

impl JitDriverDesc {
    /// Every live variable, greens first: the order of the hint's operands.
    pub fn live_names(&self) -> impl Iterator<Item = &str> {
        self.greens.iter().chain(&self.reds).map(String::as_str)
    }
}
