//! The graph model shared by every level (RPython's): a graph is a set of
//! blocks; a block has input variables, a list of operations in SSA form and
//! exits; an exit is a link that carries values into the target block's
//! input variables. Every graph has one start block and one return block
//! (whose single input variable is the return value).
//!
//! The model is generic over the operation set: `Graph<HlOp>` comes out of
//! the flow-graph builder, `Graph<LlOp>` out of the rtyper, so a graph that
//! has not been rtyped cannot reach the backend.

use crate::diagnostics::Span;
use std::fmt;
use std::rc::Rc;

macro_rules! id_type {
    ($name:ident, $prefix:literal) => {
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(VarId, "v");
id_type!(BlockId, "block");
id_type!(FuncId, "func");
id_type!(ClassId, "class");
id_type!(GlobalId, "global");
id_type!(PrebuiltId, "prebuilt");

/// Functions and values the translator knows by name: Python builtins and
/// members of built-in modules.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Builtin {
    Print,
    Len,
    Int,
    Float,
    Abs,
    Min,
    Max,
    Bool,
    Str,
    Repr,
    Ord,
    Chr,
    Hex,
    Oct,
    Bin,
    Sorted,
    Sum,
    Set,
    Any,
    All,
    DivMod,
    Round,
    Hash,
    Math(MathFn),
    /// A function or object of `rpython.rlib`.
    Rlib(crate::rlib::RlibFn),
    Io(IoFn),
    /// `typing.Optional` and the like: meaningful in type hints only.
    Typing(&'static str),
}

/// Low-level I/O: the functions of `os` on file descriptors, and
/// `sys.stdout` / `sys.stderr` (objects with `write` and `flush`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum IoFn {
    OsOpen,
    OsRead,
    OsWrite,
    OsClose,
    /// The builtin `open`, which makes file objects.
    Open,
    Stdout,
    Stderr,
    /// `time.time()`: seconds since the epoch, a float.
    Time,
    /// `time.perf_counter()` and `time.monotonic()`: a monotonic clock.
    PerfCounter,
}

impl IoFn {
    pub fn name(self) -> &'static str {
        match self {
            IoFn::OsOpen => "os.open",
            IoFn::OsRead => "os.read",
            IoFn::OsWrite => "os.write",
            IoFn::OsClose => "os.close",
            IoFn::Open => "open",
            IoFn::Stdout => "sys.stdout",
            IoFn::Stderr => "sys.stderr",
            IoFn::Time => "time.time",
            IoFn::PerfCounter => "time.perf_counter",
        }
    }
}

/// The functions of the `math` module.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum MathFn {
    Sqrt,
    Exp,
    Log,
    Log10,
    Sin,
    Cos,
    Tan,
    Atan,
    Fabs,
    Atan2,
    Hypot,
    Fmod,
    Pow,
    Floor,
    Ceil,
    Isnan,
    Isinf,
}

impl MathFn {
    pub const ALL: [MathFn; 17] = [
        MathFn::Sqrt,
        MathFn::Exp,
        MathFn::Log,
        MathFn::Log10,
        MathFn::Sin,
        MathFn::Cos,
        MathFn::Tan,
        MathFn::Atan,
        MathFn::Fabs,
        MathFn::Atan2,
        MathFn::Hypot,
        MathFn::Fmod,
        MathFn::Pow,
        MathFn::Floor,
        MathFn::Ceil,
        MathFn::Isnan,
        MathFn::Isinf,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MathFn::Sqrt => "sqrt",
            MathFn::Exp => "exp",
            MathFn::Log => "log",
            MathFn::Log10 => "log10",
            MathFn::Sin => "sin",
            MathFn::Cos => "cos",
            MathFn::Tan => "tan",
            MathFn::Atan => "atan",
            MathFn::Fabs => "fabs",
            MathFn::Atan2 => "atan2",
            MathFn::Hypot => "hypot",
            MathFn::Fmod => "fmod",
            MathFn::Pow => "pow",
            MathFn::Floor => "floor",
            MathFn::Ceil => "ceil",
            MathFn::Isnan => "isnan",
            MathFn::Isinf => "isinf",
        }
    }

    pub fn from_name(name: &str) -> Option<MathFn> {
        MathFn::ALL.into_iter().find(|f| f.name() == name)
    }

    /// How many arguments it takes (`log` takes 1 or 2).
    pub fn arity(self) -> std::ops::RangeInclusive<usize> {
        match self {
            MathFn::Atan2 | MathFn::Hypot | MathFn::Fmod | MathFn::Pow => 2..=2,
            MathFn::Log => 1..=2,
            _ => 1..=1,
        }
    }
}

impl Builtin {
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Math(m) => m.name(),
            Builtin::Rlib(f) => f.name(),
            Builtin::Io(f) => f.name(),
            Builtin::Typing(n) => n,
            Builtin::Print => "print",
            Builtin::Len => "len",
            Builtin::Int => "int",
            Builtin::Float => "float",
            Builtin::Abs => "abs",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Bool => "bool",
            Builtin::Str => "str",
            Builtin::Repr => "repr",
            Builtin::Ord => "ord",
            Builtin::Chr => "chr",
            Builtin::Hex => "hex",
            Builtin::Oct => "oct",
            Builtin::Bin => "bin",
            Builtin::Sorted => "sorted",
            Builtin::Sum => "sum",
            Builtin::Set => "set",
            Builtin::Any => "any",
            Builtin::All => "all",
            Builtin::DivMod => "divmod",
            Builtin::Round => "round",
            Builtin::Hash => "hash",
        }
    }

    /// A name of `typing` usable in hints.
    pub fn typing_form(name: &str) -> Option<Builtin> {
        const FORMS: [&str; 10] = [
            "List", "Dict", "Set", "Tuple", "Optional", "Union", "Any", "Callable", "Iterator",
            "Iterable",
        ];
        FORMS
            .iter()
            .find(|f| **f == name)
            .map(|f| Builtin::Typing(f))
    }

    pub fn from_name(name: &str) -> Option<Builtin> {
        Some(match name {
            "print" => Builtin::Print,
            "len" => Builtin::Len,
            "int" => Builtin::Int,
            "float" => Builtin::Float,
            "abs" => Builtin::Abs,
            "min" => Builtin::Min,
            "max" => Builtin::Max,
            "bool" => Builtin::Bool,
            "str" => Builtin::Str,
            "repr" => Builtin::Repr,
            "ord" => Builtin::Ord,
            "chr" => Builtin::Chr,
            "hex" => Builtin::Hex,
            "oct" => Builtin::Oct,
            "bin" => Builtin::Bin,
            "sorted" => Builtin::Sorted,
            "sum" => Builtin::Sum,
            "set" => Builtin::Set,
            "any" => Builtin::Any,
            "all" => Builtin::All,
            "divmod" => Builtin::DivMod,
            "round" => Builtin::Round,
            "hash" => Builtin::Hash,
            "open" => Builtin::Io(IoFn::Open),
            _ => return None,
        })
    }
}

/// A value known at translation time.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    /// A `bytes` literal.
    Bytes(Rc<[u8]>),
    Func(FuncId),
    Builtin(Builtin),
    /// A user class (called to instantiate, or given to isinstance).
    Class(ClassId),
    /// An instance of the class built at translation time
    /// (`Program::prebuilt`), emitted as static data.
    Prebuilt(PrebuiltId, ClassId),
    /// The value of a local on a path where it is unbound; never read
    /// (a bound flag guards every read).
    Undefined,
    /// On the exception link of a raising block: the exception that the
    /// block's last operation raised (RPython's `last_exc_value`).
    CaughtException,
}

impl Constant {
    /// A real value that passes can be propagated into the operations
    /// using it; placeholders (the unbound local, the caught exception)
    /// cannot.
    pub fn is_value(&self) -> bool {
        !matches!(self, Constant::Undefined | Constant::CaughtException)
    }
}

impl PartialEq for Constant {
    fn eq(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            // Bitwise, so that 0.0 and -0.0 stay distinct constants.
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Func(a), Func(b)) => a == b,
            (Builtin(a), Builtin(b)) => a == b,
            (Class(a), Class(b)) => a == b,
            (Prebuilt(a, _), Prebuilt(b, _)) => a == b,
            (Undefined, Undefined) => true,
            (CaughtException, CaughtException) => true,
            _ => false,
        }
    }
}
impl Eq for Constant {}

impl fmt::Display for Constant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::None => write!(f, "None"),
            Constant::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::Float(x) => write!(f, "{x:?}"),
            Constant::Str(s) => write!(f, "{s:?}"),
            Constant::Bytes(b) => write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Constant::Func(id) => write!(f, "{id}"),
            Constant::Builtin(b) => write!(f, "<builtin {}>", b.name()),
            Constant::Class(c) => write!(f, "{c}"),
            Constant::Prebuilt(p, _) => write!(f, "{p}"),
            Constant::Undefined => write!(f, "<undefined>"),
            Constant::CaughtException => write!(f, "<caught exception>"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Var(VarId),
    Const(Constant),
}

impl Value {
    pub fn as_var(&self) -> Option<VarId> {
        match self {
            Value::Var(v) => Some(*v),
            Value::Const(_) => None,
        }
    }
    pub fn as_const(&self) -> Option<&Constant> {
        match self {
            Value::Const(c) => Some(c),
            Value::Var(_) => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Var(v) => write!(f, "{v}"),
            Value::Const(c) => write!(f, "({c})"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Operation<Op> {
    pub op: Op,
    pub args: Vec<Value>,
    pub result: VarId,
    /// The Python expression this operation comes from.
    pub span: Span,
    /// Set when inlining copied this operation from another function:
    /// the call it replaced, so tracebacks still show that frame.
    pub inlined_from: Option<Rc<InlineSite>>,
}

impl<Op> Operation<Op> {
    pub fn new(op: Op, args: Vec<Value>, result: VarId, span: Span) -> Operation<Op> {
        Operation {
            op,
            args,
            result,
            span,
            inlined_from: None,
        }
    }
}

/// A call whose callee's body was copied into the caller (backendopt's
/// inlining). The Python frames an operation runs in are: the callee
/// (at the operation's own span), then the caller at `call_span`, and so
/// on outwards through `outer`.
#[derive(Debug)]
pub struct InlineSite {
    /// The inlined function's name (as in tracebacks and dumps).
    pub callee: Rc<str>,
    /// The call, in the caller's code.
    pub call_span: Span,
    /// Where the caller's own code was inlined from, if it was.
    pub outer: Option<Rc<InlineSite>>,
}

impl InlineSite {
    /// The call in the function that holds the operation now.
    pub fn outermost_call(&self) -> Span {
        match &self.outer {
            Some(o) => o.outermost_call(),
            None => self.call_span,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Link {
    pub target: BlockId,
    pub args: Vec<Value>,
    /// For a block with an exit switch: the value of the switch that
    /// selects this link. `None` for the single exit of a plain block.
    pub exitcase: Option<bool>,
    /// Parallel to `args`: where each carried value was bound in the
    /// Python source (the assignment), for messages.
    pub arg_spans: Vec<Span>,
    /// The statement this edge comes from (a `return`, the end of a loop
    /// body, an `if`), for messages about the values it carries.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Block<Op> {
    pub inputargs: Vec<VarId>,
    pub operations: Vec<Operation<Op>>,
    /// A bool value choosing between two exits, or `None` for one exit (or
    /// none: the return block).
    pub exitswitch: Option<Value>,
    pub exits: Vec<Link>,
    /// The block's operations may raise an exception that this function
    /// catches: the last exit is then taken instead of the others, and may
    /// pass `Constant::CaughtException`. (Inside a `try`, the builder
    /// gives each operation that can raise a block of its own.)
    pub raising: bool,
}

impl<Op> Block<Op> {
    pub fn new(inputargs: Vec<VarId>) -> Block<Op> {
        Block {
            inputargs,
            operations: vec![],
            exitswitch: None,
            exits: vec![],
            raising: false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct VarInfo {
    /// The Python name the variable holds, if any (for dumps and messages).
    pub name: Option<Rc<str>>,
    /// Where the value was produced.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Graph<Op> {
    pub name: String,
    pub func: FuncId,
    pub blocks: Vec<Block<Op>>,
    pub vars: Vec<VarInfo>,
    pub startblock: BlockId,
    pub returnblock: BlockId,
    pub span: Span,
}

impl<Op> Graph<Op> {
    pub fn block(&self, id: BlockId) -> &Block<Op> {
        &self.blocks[id.index()]
    }
    pub fn block_mut(&mut self, id: BlockId) -> &mut Block<Op> {
        &mut self.blocks[id.index()]
    }
    pub fn new_var(&mut self, name: Option<Rc<str>>, span: Span) -> VarId {
        self.vars.push(VarInfo { name, span });
        VarId(self.vars.len() as u32 - 1)
    }
    pub fn new_block(&mut self, inputargs: Vec<VarId>) -> BlockId {
        self.blocks.push(Block::new(inputargs));
        BlockId(self.blocks.len() as u32 - 1)
    }
    pub fn block_ids(&self) -> impl Iterator<Item = BlockId> {
        (0..self.blocks.len() as u32).map(BlockId)
    }
    pub fn return_var(&self) -> VarId {
        self.block(self.returnblock).inputargs[0]
    }

    /// Blocks reachable from the start block, in depth-first preorder
    /// (deterministic: exits are followed in order).
    pub fn reachable_blocks(&self) -> Vec<BlockId> {
        let mut seen = vec![false; self.blocks.len()];
        let mut order = vec![];
        let mut stack = vec![self.startblock];
        while let Some(b) = stack.pop() {
            if std::mem::replace(&mut seen[b.index()], true) {
                continue;
            }
            order.push(b);
            for link in self.block(b).exits.iter().rev() {
                if !seen[link.target.index()] {
                    stack.push(link.target);
                }
            }
        }
        order
    }

    /// Number of links entering each block.
    pub fn predecessor_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.blocks.len()];
        for b in self.reachable_blocks() {
            for link in &self.block(b).exits {
                counts[link.target.index()] += 1;
            }
        }
        counts
    }

    pub fn var_display(&self, v: VarId) -> String {
        match &self.vars[v.index()].name {
            Some(n) => format!("{v}_{n}"),
            None => format!("{v}"),
        }
    }
}
