//! The fuzzer's inputs: a seeded random number generator, token soup,
//! random programs whose parts mostly agree on types (so that many reach
//! the annotator, the rtyper and the passes after them), and mutations
//! of real programs.

/// xorshift64*: small, fast and good enough to pick tokens.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that seeds 1, 2, 3 differ at once.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "def", "class", "if", "elif", "else", "while", "for", "in", "return", "yield", "lambda",
    "try", "except", "finally", "raise", "with", "as", "import", "from", "pass", "break",
    "continue", "global", "nonlocal", "del", "assert", "not", "and", "or", "is", "None", "True",
    "False", "async", "await", "match", "case",
];

#[rustfmt::skip]
const NAMES: &[&str] = &[
    "x", "y", "n", "s", "lst", "d", "argv", "entry_point", "target", "self", "len", "print",
    "range", "list", "dict", "set", "tuple", "str", "int", "float", "bool", "bytes",
    "isinstance", "super", "sorted", "min", "max", "sum", "abs", "enumerate", "zip", "reversed",
    "ord", "chr", "repr", "hash", "divmod", "round", "pow", "open", "iter", "next", "A", "B",
    "f", "g", "e", "Exception", "ValueError", "KeyError", "IndexError", "StopIteration",
    "object", "math", "sys", "os", "time", "__init__", "__name__", "append", "pop", "get",
    "items", "join", "split", "format", "sqrt", "r_uint", "intmask", "ovfcheck",
    "StringBuilder", "JitDriver",
];

#[rustfmt::skip]
const OPERATORS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "~", "<", ">", "<=", ">=",
    "==", "!=", "=", "+=", "-=", "*=", "//=", "%=", "|=", "&=", "**=", "(", ")", "[", "]", "{",
    "}", ",", ":", ".", ";", "->", "@", ":=", "*", "**", "...",
];

#[rustfmt::skip]
const INTS: &[&str] = &["0", "1", "-1", "2", "3", "7", "10", "63", "64", "255", "0x7f", "0b101", "1_000"];

#[rustfmt::skip]
const FLOATS: &[&str] = &["1.5", "0.0", "-0.0", "2.5e-3", "1e308", "float('nan')"];

#[rustfmt::skip]
const STRS: &[&str] = &[
    "\"s\"", "''", "'abc'", "\"a\\nb\"", "\"12\"", "\"%d %s\"", "\"{}\"", "\"\"\"doc\"\"\"",
    "r'\\d'", "'é'", "f\"{x}\"",
];

/// Literals at the edges: too big, of unsupported kinds, odd escapes.
#[rustfmt::skip]
const ODD_LITERALS: &[&str] = &[
    "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "18446744073709551616", "0o17", "1e309", "3j", "b\"xy\"", "b''", "'\\u00e9'", "'\\x00'",
    "f\"{x!r:>8}\"", "...", "None",
];

/// Token soup: lines of random tokens at random depths.
pub fn token_soup(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(12) {
        out.push_str(&"    ".repeat(rng.below(4)));
        if rng.chance(5) {
            out.push_str(rng.pick(&["\t", " ", "  ", "   "]));
        }
        for _ in 0..1 + rng.below(8) {
            out.push_str(random_token(rng));
            out.push(' ');
        }
        if rng.chance(30) {
            out.push(':');
        }
        out.push('\n');
    }
    out
}

fn random_token(rng: &mut Rng) -> &'static str {
    match rng.below(13) {
        0..=2 => rng.pick(KEYWORDS),
        3..=5 => rng.pick(NAMES),
        6..=8 => rng.pick(OPERATORS),
        9 => rng.pick(INTS),
        10 => rng.pick(FLOATS),
        11 => rng.pick(ODD_LITERALS),
        _ => rng.pick(STRS),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Int,
    Float,
    Str,
    Bool,
    List,
    Dict,
    Tuple,
    Set,
    Inst,
}

const TYPES: &[Ty] = &[
    Ty::Int,
    Ty::Float,
    Ty::Str,
    Ty::Bool,
    Ty::List,
    Ty::Dict,
    Ty::Tuple,
    Ty::Set,
    Ty::Inst,
];

/// What a random program has defined, and where the generator is.
struct Gen<'r> {
    rng: &'r mut Rng,
    /// `class A` (attribute `v`, `method(x)`) and `class B(A)`.
    class: bool,
    /// `class E(Exception)`.
    exc: bool,
    /// `f(int) -> int` and `g(str) -> str`.
    funcs: bool,
    /// `gen(n)` yields ints.
    generator: bool,
    math: bool,
    /// `r_uint`, `intmask` and `ovfcheck` are imported.
    rlib: bool,
    /// Percent of expressions given a random type instead of the one asked
    /// for: type errors for the annotator to find.
    chaos: usize,
    /// The variables in scope and their types.
    vars: Vec<(&'static str, Ty)>,
    /// Loops around the current statement (`break`, `continue`).
    loops: usize,
}

impl Gen<'_> {
    fn any_type(&mut self) -> Ty {
        let ty = self.rng.pick(TYPES);
        if ty == Ty::Inst && !self.class {
            Ty::Int
        } else {
            ty
        }
    }

    /// A type that str(), comparisons and formatting all take.
    fn scalar(&mut self) -> Ty {
        self.rng
            .pick(&[Ty::Int, Ty::Float, Ty::Str, Ty::Bool, Ty::Tuple])
    }

    fn expr(&mut self, ty: Ty, depth: usize) -> String {
        if self.rng.chance(self.chaos) {
            let other = self.any_type();
            return self.typed(other, depth);
        }
        self.typed(ty, depth)
    }

    fn leaf(&mut self, ty: Ty) -> String {
        let vars: Vec<&str> = self
            .vars
            .iter()
            .filter(|(_, t)| *t == ty)
            .map(|(n, _)| *n)
            .collect();
        if !vars.is_empty() && self.rng.chance(70) {
            return self.rng.pick(&vars).to_string();
        }
        let r = &mut *self.rng;
        if r.chance(2) {
            return r.pick(ODD_LITERALS).to_string();
        }
        match ty {
            Ty::Int => r.pick(INTS).to_string(),
            Ty::Float => r.pick(FLOATS).to_string(),
            Ty::Str => r.pick(STRS).to_string(),
            Ty::Bool => r.pick(&["True", "False"]).to_string(),
            Ty::List => r.pick(&["[1, 2, 3]", "[]", "[0]"]).to_string(),
            Ty::Dict => r.pick(&["{1: 2}", "{}", "{0: 0, 5: 7}"]).to_string(),
            Ty::Tuple => r.pick(&["(1, 2)", "(0, -1)"]).to_string(),
            Ty::Set => r.pick(&["{1, 2}", "set()", "{0}"]).to_string(),
            Ty::Inst if self.class => r.pick(&["A(1)", "B(2)"]).to_string(),
            Ty::Inst => "None".to_string(),
        }
    }

    fn typed(&mut self, ty: Ty, depth: usize) -> String {
        if depth == 0 || self.rng.chance(25) {
            return self.leaf(ty);
        }
        let d = depth - 1;
        use Ty::*;
        macro_rules! e {
            ($t:expr) => {
                self.expr($t, d)
            };
        }
        match ty {
            Int => match self.rng.below(18) {
                0..=2 => {
                    let op = self
                        .rng
                        .pick(&["+", "-", "*", "//", "%", "&", "|", "^", ">>"]);
                    format!("({} {op} {})", e!(Int), e!(Int))
                }
                3 => format!("({} << {})", e!(Int), self.rng.below(70)),
                4 => {
                    let of = self.rng.pick(&[Str, List, Dict]);
                    format!("len({})", e!(of))
                }
                5 => format!("{}({})", self.rng.pick(&["-", "abs", "~", "int"]), e!(Int)),
                6 => format!("int({})", e!(Float)),
                7 => format!("{}[{}]", e!(List), e!(Int)),
                8 => format!("{}[{}]", e!(Dict), e!(Int)),
                9 => format!("{}.get({}, {})", e!(Dict), e!(Int), e!(Int)),
                10 => format!("{}[{}]", e!(Tuple), self.rng.pick(&[0, 1, 1, 0, -1, 2])),
                11 => {
                    let f = self.rng.pick(&["sum", "min", "max", "len"]);
                    format!("{f}({})", e!(List))
                }
                12 => {
                    let m = self.rng.pick(&["find", "count", "index", "rfind"]);
                    format!("{}.{m}({})", e!(Str), e!(Str))
                }
                13 if self.class => format!("{}.v", e!(Inst)),
                14 if self.class => format!("{}.method({})", e!(Inst), e!(Int)),
                15 if self.funcs => format!("f({})", e!(Int)),
                16 => format!("({} if {} else {})", e!(Int), e!(Bool), e!(Int)),
                _ => match self.rng.below(10) {
                    0 => format!("({} ** {})", e!(Int), self.rng.below(5)),
                    1 => format!("divmod({}, {})[0]", e!(Int), e!(Int)),
                    2 => format!("int({}, 16)", e!(Str)),
                    3 => format!("ord({})", e!(Str)),
                    4 => format!("sum(i * 2 for i in {})", e!(List)),
                    5 => format!("len({})", e!(Set)),
                    6 if self.rlib => {
                        let op = self.rng.pick(&["*", "+", "//", ">>", "-"]);
                        format!("intmask(r_uint({}) {op} r_uint({}))", e!(Int), e!(Int))
                    }
                    7 => format!("max({}, key=lambda i: i % 3)", e!(List)),
                    8 if self.funcs => format!("f(x={})", e!(Int)),
                    _ => format!("min({}, {})", e!(Int), e!(Int)),
                },
            },
            Float => match self.rng.below(7) {
                0..=2 => {
                    let op = self.rng.pick(&["+", "-", "*", "/", "%", "**"]);
                    format!("({} {op} {})", e!(Float), e!(Float))
                }
                3 => format!("float({})", e!(Int)),
                4 => format!("({} / {})", e!(Int), e!(Int)),
                5 if self.math => {
                    let f = self.rng.pick(&["sqrt", "floor", "sin", "log", "fabs"]);
                    format!("math.{f}({})", e!(Float))
                }
                _ => format!("round({}, {})", e!(Float), self.rng.below(4)),
            },
            Str => match self.rng.below(14) {
                0 | 1 => format!("({} + {})", e!(Str), e!(Str)),
                2 => format!("({} * {})", e!(Str), e!(Int)),
                3 => {
                    let of = self.scalar();
                    format!("{}({})", self.rng.pick(&["str", "repr"]), e!(of))
                }
                4 => format!("{}[{}]", e!(Str), e!(Int)),
                5 => format!("{}[{}:{}]", e!(Str), e!(Int), e!(Int)),
                6 => {
                    let m = self
                        .rng
                        .pick(&["upper", "strip", "lower", "lstrip", "rstrip"]);
                    format!("{}.{m}()", e!(Str))
                }
                7 => format!("\" \".join([{}, {}])", e!(Str), e!(Str)),
                8 => format!("{}.replace({}, {})", e!(Str), e!(Str), e!(Str)),
                9 => format!("chr({})", e!(Int)),
                11 => format!("\"-\".join({}.split(\",\"))", e!(Str)),
                10 => format!("\"%d-%s\" % ({}, {})", e!(Int), e!(Str)),
                12 => match self.rng.below(4) {
                    0 => match (
                        self.target_of(Float),
                        self.target_of(Int),
                        self.target_of(Str),
                    ) {
                        (Some(a), Some(b), Some(c)) => {
                            format!("f\"{{{a}:.3f}}|{{{b}:>5}}|{{{c}!r}}\"")
                        }
                        _ => "\"no f-string\"".to_string(),
                    },
                    1 => format!("\"%5.2f %x\" % ({}, {})", e!(Float), e!(Int)),
                    2 => format!("\"{{:>6}}{{:08.2f}}\".format({}, {})", e!(Int), e!(Float)),
                    _ => {
                        let m = self.rng.pick(&[
                            "zfill(6)",
                            "center(9, '*')",
                            "partition(',')[2]",
                            "ljust(4)",
                        ]);
                        format!("{}.{m}", e!(Str))
                    }
                },
                _ => {
                    let (a, b) = (self.scalar(), self.rng.pick(&[Int, Str]));
                    format!("\"{{}} {{:>4}}\".format({}, {})", e!(a), e!(b))
                }
            },
            Bool => match self.rng.below(13) {
                0..=2 => {
                    let op = self.rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
                    let of = self.scalar();
                    format!("({} {op} {})", e!(of), e!(of))
                }
                3 => format!("({} in {})", e!(Int), e!(List)),
                4 => format!("({} in {})", e!(Str), e!(Str)),
                5 => format!("(not {})", e!(Bool)),
                6 => {
                    let op = self.rng.pick(&["and", "or"]);
                    format!("({} {op} {})", e!(Bool), e!(Bool))
                }
                7 if self.class => format!("isinstance({}, B)", e!(Inst)),
                8 => format!("{}.startswith({})", e!(Str), e!(Str)),
                9 => format!("any(i > {} for i in {})", e!(Int), e!(List)),
                10 => format!("({} in {})", e!(Int), e!(Set)),
                11 if self.class => format!("({} is None)", e!(Inst)),
                _ => format!("({} in {})", e!(Int), e!(Dict)),
            },
            List => match self.rng.below(13) {
                0 => format!("[{}, {}]", e!(Int), e!(Int)),
                1 => format!("[{} for i in range({})]", e!(Int), e!(Int)),
                2 => format!("({} + {})", e!(List), e!(List)),
                3 => format!("({} * {})", e!(List), e!(Int)),
                4 => format!("{}[{}:{}]", e!(List), e!(Int), e!(Int)),
                5 => format!("sorted({})", e!(List)),
                6 => format!("list(range({}))", e!(Int)),
                7 => format!("[i * 2 for i in {} if i > {}]", e!(List), e!(Int)),
                8 if self.generator => format!("list(gen({}))", e!(Int)),
                9 => format!("sorted({}, key=lambda i: -i)", e!(List)),
                10 => format!("sorted({})", e!(Set)),
                11 => format!("[len(w) for w in {}.split()]", e!(Str)),
                _ => format!("list({}.keys())", e!(Dict)),
            },
            Dict => match self.rng.below(3) {
                0 => format!("{{{}: {}}}", e!(Int), e!(Int)),
                1 => format!("{{i: {} for i in range({})}}", e!(Int), e!(Int)),
                _ => format!("{}.copy()", e!(Dict)),
            },
            Set => match self.rng.below(5) {
                0 => format!("set({})", e!(List)),
                1 => {
                    let op = self.rng.pick(&["|", "&", "-"]);
                    format!("({} {op} {})", e!(Set), e!(Set))
                }
                2 => format!("{{i % 4 for i in {}}}", e!(List)),
                3 => format!("{}.copy()", e!(Set)),
                _ => format!("{{{}, {}}}", e!(Int), e!(Int)),
            },
            Tuple => match self.rng.below(2) {
                0 => format!("({}, {})", e!(Int), e!(Int)),
                _ => format!("divmod({}, {})", e!(Int), e!(Int)),
            },
            Inst => match self.rng.below(4) {
                0 => format!("A({})", e!(Int)),
                1 => format!("B({})", e!(Int)),
                2 => format!("(None if {} else {})", e!(Bool), e!(Inst)),
                _ => format!("({} if {} else {})", e!(Inst), e!(Bool), e!(Inst)),
            },
        }
    }

    /// A local variable of type `ty` to assign to (module variables,
    /// in capitals, are read-only).
    fn target_of(&mut self, ty: Ty) -> Option<&'static str> {
        let vars: Vec<&'static str> = self
            .vars
            .iter()
            .filter(|(n, t)| *t == ty && n.starts_with(|c: char| c.is_lowercase()))
            .map(|(n, _)| *n)
            .collect();
        (!vars.is_empty()).then(|| self.rng.pick(&vars))
    }

    fn block(&mut self, indent: usize, depth: usize, out: &mut String) {
        for _ in 0..1 + self.rng.below(3) {
            self.statement(indent, depth, out);
        }
    }

    /// A nested block with `names` in scope.
    fn nested(
        &mut self,
        indent: usize,
        depth: usize,
        names: &[(&'static str, Ty)],
        out: &mut String,
    ) {
        let before = self.vars.len();
        self.vars.extend_from_slice(names);
        self.block(indent + 1, depth - 1, out);
        self.vars.truncate(before);
    }

    fn statement(&mut self, indent: usize, depth: usize, out: &mut String) {
        use Ty::*;
        let pad = "    ".repeat(indent);
        let line = match self.rng.below(if depth == 0 { 9 } else { 25 }) {
            0..=2 => {
                let ty = self.any_type();
                match self.target_of(ty) {
                    Some(v) => format!("{v} = {}", self.expr(ty, 3)),
                    None => format!("print({})", self.expr(ty, 2)),
                }
            }
            3 => {
                let (ty, op) = self.rng.pick(&[
                    (Int, "+="),
                    (Int, "-="),
                    (Int, "<<="),
                    (Str, "+="),
                    (Float, "*="),
                    (List, "+="),
                ]);
                match self.target_of(ty) {
                    Some(v) => format!("{v} {op} {}", self.expr(ty, 2)),
                    None => "pass".to_string(),
                }
            }
            4 => {
                let ty = self.rng.pick(&[Int, Float, Str, Bool, List, Dict, Tuple]);
                let more = if self.rng.chance(20) {
                    ", sep=\"\", end=\"!\\n\""
                } else {
                    ""
                };
                format!("print({}{more})", self.expr(ty, 2))
            }
            5 => {
                let Some(l) = self.target_of(List) else {
                    return out.push_str(&format!("{pad}pass\n"));
                };
                match self.rng.below(8) {
                    0 => format!("{l}.append({})", self.expr(Int, 2)),
                    1 => format!("{l}.insert({}, {})", self.expr(Int, 1), self.expr(Int, 1)),
                    2 => format!("{l}.pop()"),
                    3 => format!("{l}.sort(reverse={})", self.expr(Bool, 1)),
                    4 => format!("{l}.extend({})", self.expr(List, 2)),
                    5 => format!("{l}[{}] = {}", self.expr(Int, 1), self.expr(Int, 2)),
                    6 => format!("del {l}[{}]", self.expr(Int, 1)),
                    _ => format!(
                        "{l}[{}:{}] = {}",
                        self.expr(Int, 1),
                        self.expr(Int, 1),
                        self.expr(List, 1)
                    ),
                }
            }
            6 => {
                let Some(d) = self.target_of(Dict) else {
                    return out.push_str(&format!("{pad}pass\n"));
                };
                match self.rng.below(4) {
                    0 => format!("{d}[{}] = {}", self.expr(Int, 1), self.expr(Int, 2)),
                    1 => format!("del {d}[{}]", self.expr(Int, 1)),
                    2 => format!(
                        "{d}.setdefault({}, {})",
                        self.expr(Int, 1),
                        self.expr(Int, 1)
                    ),
                    _ => format!("{d}.update({})", self.expr(Dict, 1)),
                }
            }
            7 if self.vars.iter().any(|(_, t)| *t == Inst) => match self.rng.below(2) {
                0 => format!("a.v = {}", self.expr(Int, 2)),
                _ => format!("n = a.method({})", self.expr(Int, 2)),
            },
            7 => format!("assert {}, {}", self.expr(Bool, 2), self.expr(Str, 1)),
            8 => {
                let mut choices = vec!["return 0", "pass", "raise ValueError(\"v\")"];
                if self.loops > 0 {
                    choices.extend(["break", "continue"]);
                }
                if self.exc {
                    choices.push("raise E(\"e\")");
                }
                self.rng.pick(&choices).to_string()
            }
            9 | 10 => {
                out.push_str(&format!("{pad}if {}:\n", self.expr(Bool, 2)));
                self.nested(indent, depth, &[], out);
                if self.rng.chance(30) {
                    out.push_str(&format!("{pad}elif {}:\n", self.expr(Bool, 2)));
                    self.nested(indent, depth, &[], out);
                }
                if self.rng.chance(50) {
                    out.push_str(&format!("{pad}else:\n"));
                    self.nested(indent, depth, &[], out);
                }
                return;
            }
            11 => {
                out.push_str(&format!("{pad}while {}:\n", self.expr(Bool, 2)));
                self.loops += 1;
                self.nested(indent, depth, &[], out);
                self.loops -= 1;
                if self.rng.chance(20) {
                    out.push_str(&format!("{pad}else:\n"));
                    self.nested(indent, depth, &[], out);
                }
                return;
            }
            12 => {
                let (head, names): (String, &[(&'static str, Ty)]) = match self.rng.below(6) {
                    0 => (format!("i in range({})", self.expr(Int, 1)), &[("i", Int)]),
                    1 => (format!("c in {}", self.expr(Str, 1)), &[("c", Str)]),
                    2 => (format!("k in {}", self.expr(Dict, 1)), &[("k", Int)]),
                    3 => (
                        format!("i, j in enumerate({})", self.expr(List, 1)),
                        &[("i", Int), ("j", Int)],
                    ),
                    4 if self.generator => {
                        (format!("j in gen({})", self.expr(Int, 1)), &[("j", Int)])
                    }
                    _ => (
                        format!("k, j in {}.items()", self.expr(Dict, 1)),
                        &[("k", Int), ("j", Int)],
                    ),
                };
                out.push_str(&format!("{pad}for {head}:\n"));
                self.loops += 1;
                self.nested(indent, depth, names, out);
                self.loops -= 1;
                if self.rng.chance(15) {
                    out.push_str(&format!("{pad}else:\n"));
                    self.nested(indent, depth, &[], out);
                }
                return;
            }
            13 => {
                out.push_str(&format!("{pad}try:\n"));
                self.nested(indent, depth, &[], out);
                let mut handlers = vec![
                    "ValueError",
                    "(KeyError, IndexError)",
                    "ZeroDivisionError",
                    "Exception",
                ];
                if self.exc {
                    handlers.push("E");
                }
                let handler = self.rng.pick(&handlers);
                if self.rng.chance(50) {
                    out.push_str(&format!("{pad}except {handler} as e:\n"));
                    out.push_str(&format!("{pad}    print(str(e))\n"));
                } else {
                    out.push_str(&format!("{pad}except {handler}:\n"));
                    self.nested(indent, depth, &[], out);
                }
                if self.rng.chance(30) {
                    out.push_str(&format!("{pad}finally:\n"));
                    self.nested(indent, depth, &[], out);
                }
                return;
            }
            14 => {
                // A nested function reading the enclosing variables.
                out.push_str(&format!("{pad}def h(i):\n"));
                // Only its parameter: a local of the enclosing function
                // assigned later would be refused.
                let outer = std::mem::replace(&mut self.vars, vec![("i", Int)]);
                out.push_str(&format!("{pad}    return {}\n", self.expr(Int, 2)));
                self.vars = outer;
                format!("x = h({})", self.expr(Int, 1))
            }
            16 => {
                // `finally` alone, perhaps leaving the loop or the
                // function from it.
                out.push_str(&format!("{pad}try:\n"));
                self.nested(indent, depth, &[], out);
                out.push_str(&format!("{pad}finally:\n"));
                self.nested(indent, depth, &[], out);
                return;
            }
            17 => match self.rng.below(3) {
                0 => "x, n = n, x".to_string(),
                1 => format!(
                    "x, n = divmod({}, {})",
                    self.expr(Int, 1),
                    self.expr(Int, 1)
                ),
                _ => format!("x, s = {}, {}", self.expr(Int, 1), self.expr(Str, 1)),
            },
            18 => {
                let (place, ty) = match self.rng.below(3) {
                    0 if self.target_of(List).is_some() => ("lst[0]", Int),
                    1 if self.target_of(Dict).is_some() => ("d[1]", Int),
                    _ if self.vars.iter().any(|(_, t)| *t == Inst) => ("a.v", Int),
                    _ => ("x", Int),
                };
                let op = self.rng.pick(&["+=", "-=", "*=", "|=", "//="]);
                format!("{place} {op} {}", self.expr(ty, 1))
            }
            19 => {
                out.push_str(&format!("{pad}while True:\n"));
                self.loops += 1;
                self.nested(indent, depth, &[], out);
                self.loops -= 1;
                "    break".to_string()
            }
            21 => match self.target_of(Set) {
                Some(st) => {
                    let m = self.rng.pick(&["add", "discard", "remove"]);
                    format!("{st}.{m}({})", self.expr(Int, 1))
                }
                None => "pass".to_string(),
            },
            22 => {
                // Only its parameter, as for `h` below.
                let outer = std::mem::replace(&mut self.vars, vec![("i", Int)]);
                out.push_str(&format!("{pad}fn = lambda i: i * {}\n", self.expr(Int, 1)));
                self.vars = outer;
                format!("x = fn({})", self.expr(Int, 1))
            }
            23 => {
                let (head, names): (&str, &[(&'static str, Ty)]) = match self.rng.below(2) {
                    0 => ("p, q in [(1, 2), (3, 4)]", &[("p", Int), ("q", Int)]),
                    _ => ("e in st", &[("e", Int)]),
                };
                out.push_str(&format!("{pad}for {head}:\n"));
                self.loops += 1;
                self.nested(indent, depth, names, out);
                self.loops -= 1;
                return;
            }
            24 => {
                out.push_str(&format!("{pad}try:\n"));
                self.nested(indent, depth, &[], out);
                out.push_str(&format!("{pad}except IndexError:\n"));
                self.nested(indent, depth, &[], out);
                out.push_str(&format!("{pad}else:\n"));
                self.nested(indent, depth, &[], out);
                return;
            }
            20 if self.rlib => {
                out.push_str(&format!("{pad}try:\n"));
                let op = self.rng.pick(&["+", "-", "*", "<<"]);
                out.push_str(&format!(
                    "{pad}    x = ovfcheck({} {op} {})\n",
                    self.expr(Int, 1),
                    self.expr(Int, 1)
                ));
                out.push_str(&format!("{pad}except OverflowError:\n"));
                "    x = -1".to_string()
            }
            _ => {
                out.push_str(&format!(
                    "{pad}with open({}, \"r\") as fh:\n",
                    self.expr(Str, 1)
                ));
                "    print(fh.read())".to_string()
            }
        };
        out.push_str(&pad);
        out.push_str(&line);
        out.push('\n');
    }
}

/// The variables entry_point starts with.
const LOCALS: &[(&str, Ty, &str)] = &[
    ("x", Ty::Int, "len(argv)"),
    ("n", Ty::Int, "3"),
    ("fl", Ty::Float, "1.5"),
    ("s", Ty::Str, "argv[0]"),
    ("b", Ty::Bool, "x > 1"),
    ("lst", Ty::List, "[1, 2, 3]"),
    ("d", Ty::Dict, "{1: 2}"),
    ("t", Ty::Tuple, "(1, 2)"),
    ("st", Ty::Set, "{1, 2}"),
];

/// A random program shaped like a target.
pub fn random_program(rng: &mut Rng) -> String {
    let chaos = if rng.chance(50) { 0 } else { 1 + rng.below(10) };
    let mut g = Gen {
        class: rng.chance(50),
        exc: rng.chance(30),
        funcs: rng.chance(50),
        generator: rng.chance(20),
        math: rng.chance(30),
        rlib: rng.chance(20),
        rng,
        chaos,
        vars: vec![],
        loops: 0,
    };
    let mut out = String::new();
    if g.math {
        out.push_str("import math\n");
    }
    if g.rlib {
        out.push_str("from rpython.rlib.rarithmetic import r_uint, intmask, ovfcheck\n");
    }
    if g.rng.chance(30) {
        out.push_str(&format!("K = {}\n", g.expr(Ty::Int, 1)));
        g.vars.push(("K", Ty::Int));
    }
    if g.rng.chance(15) {
        out.push_str(&format!("TABLE = {}\n", g.expr(Ty::List, 1)));
        if g.rng.chance(50) {
            out.push_str("for i in range(3):\n    TABLE.append(i * i)\n");
        }
        g.vars.push(("TABLE", Ty::List));
    }
    if g.exc {
        out.push_str(g.rng.pick(&[
            "class E(Exception):\n    pass\n",
            "class E(ValueError):\n    def __init__(self, msg):\n        ValueError.__init__(self, msg)\n",
            "class E(Exception):\n    def __init__(self, msg):\n        super().__init__(msg)\n        self.code = 3\n",
        ]));
    }
    if g.class {
        out.push_str("class A(object):\n    def __init__(self, v):\n        self.v = v\n");
        out.push_str("    def method(self, x):\n");
        let module_vars = std::mem::replace(&mut g.vars, vec![("x", Ty::Int)]);
        g.block(2, 1, &mut out);
        out.push_str(&format!("        return {}\n", g.expr(Ty::Int, 2)));
        out.push_str("class B(A):\n    def method(self, x):\n");
        let base = g
            .rng
            .pick(&["", "super().method(x) + ", "A.method(self, x) - "]);
        out.push_str(&format!("        return {base}{}\n", g.expr(Ty::Int, 2)));
        g.vars = module_vars;
    }
    if g.funcs {
        let module_vars = std::mem::replace(&mut g.vars, vec![("x", Ty::Int)]);
        out.push_str("def f(x):\n");
        g.block(1, 1, &mut out);
        out.push_str(&format!("    return {}\n", g.expr(Ty::Int, 2)));
        g.vars = vec![("s", Ty::Str)];
        out.push_str(&format!("def g(s):\n    return {}\n", g.expr(Ty::Str, 2)));
        g.vars = module_vars;
    }
    if g.generator {
        out.push_str(
            "def gen(n):\n    i = 0\n    while i < n:\n        yield i * 2\n        i += 1\n",
        );
    }
    out.push_str("def entry_point(argv):\n");
    for &(name, ty, init) in LOCALS {
        out.push_str(&format!("    {name} = {init}\n"));
        g.vars.push((name, ty));
    }
    if g.class {
        out.push_str("    a = A(x)\n");
        g.vars.push(("a", Ty::Inst));
    }
    g.block(1, 3, &mut out);
    out.push_str("    return 0\n\ndef target(*args):\n    return entry_point, None\n");
    out
}

/// One to three random changes to a real program.
pub fn mutate(rng: &mut Rng, text: &str, corpus: &[String]) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    if lines.is_empty() {
        return token_soup(rng);
    }
    for _ in 0..1 + rng.below(3) {
        let i = rng.below(lines.len());
        match rng.below(10) {
            0 => {
                if lines.len() > 1 {
                    lines.remove(i);
                }
            }
            1 => lines.insert(i, lines[i].clone()),
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => {
                // Re-indent: one level more or less, or a stray space/tab.
                let l = &lines[i];
                lines[i] = match rng.below(4) {
                    0 => format!("    {l}"),
                    1 => l.strip_prefix("    ").unwrap_or(l).to_string(),
                    2 => format!(" {l}"),
                    _ => format!("\t{}", l.trim_start()),
                };
            }
            4 | 5 => {
                // Replace one word or operator by another token.
                let mut words: Vec<String> = lines[i].split(' ').map(String::from).collect();
                let w = rng.below(words.len());
                let indent = words[w].len() - words[w].trim_start().len();
                words[w] = format!("{}{}", &words[w][..indent], random_token(rng));
                lines[i] = words.join(" ");
            }
            6 => {
                // A random statement or keyword, at the line's depth.
                let l = &lines[i];
                let pad = l[..l.len() - l.trim_start().len()].to_string();
                let stmt = if rng.chance(50) {
                    random_statement(rng)
                } else {
                    format!("{} {}", rng.pick(KEYWORDS), random_expr(rng))
                };
                let new: Vec<String> = stmt.lines().map(|s| format!("{pad}{s}")).collect();
                lines.splice(i..i, new);
            }
            7 => {
                // A line from another program.
                let other: Vec<&str> = corpus[rng.below(corpus.len())].lines().collect();
                if !other.is_empty() {
                    lines.insert(i, rng.pick(&other).to_string());
                }
            }
            8 => {
                // Another expression on the right of `=` or after `return`.
                let l = lines[i].clone();
                let cut = l
                    .find(" = ")
                    .map(|k| k + 3)
                    .or_else(|| l.find("return ").map(|k| k + 7));
                if let Some(cut) = cut {
                    lines[i] = format!("{}{}", &l[..cut], random_expr(rng));
                }
            }
            _ => {
                // Cut the text short, in the middle of a line.
                let mut text = lines.join("\n");
                let cut = rng.below(text.len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|&c| text.is_char_boundary(c))
                    .unwrap_or(0);
                text.truncate(cut);
                return text;
            }
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// A generator that knows nothing of the program it writes for.
fn blind(rng: &mut Rng) -> Gen<'_> {
    let vars = LOCALS.iter().map(|&(n, t, _)| (n, t)).collect();
    Gen {
        rng,
        class: true,
        exc: false,
        funcs: true,
        generator: false,
        math: true,
        rlib: false,
        chaos: 20,
        vars,
        loops: 1,
    }
}

fn random_expr(rng: &mut Rng) -> String {
    let mut g = blind(rng);
    let ty = g.any_type();
    g.expr(ty, 2)
}

fn random_statement(rng: &mut Rng) -> String {
    let mut out = String::new();
    blind(rng).statement(0, 1, &mut out);
    out
}
