//! The annotation lattice: what the annotator knows about a value.
//!
//! `Impossible` is the bottom (no value seen yet). Two annotations unify
//! only when a single machine representation serves both, so translated
//! code never changes behaviour: an int and a float are not merged (CPython
//! would print `1` and `1.0` differently); None merges only with types that
//! have a null (strings).

use super::listdef::{ListDefs, ListId};
use crate::flowgraph::ir::{Builtin, ClassId, Constant, FuncId};
use crate::parse::program::Program;
use std::cell::RefCell;

/// What unifying or describing annotations needs besides the values: the
/// program (for classes) and the list definitions (merged when two lists
/// meet). Dereferences to the program.
#[derive(Clone, Copy)]
pub struct Types<'a> {
    pub program: &'a Program,
    pub lists: &'a RefCell<ListDefs>,
}

impl std::ops::Deref for Types<'_> {
    type Target = Program;
    fn deref(&self) -> &Program {
        self.program
    }
}
use std::fmt;

#[derive(Clone, PartialEq, Debug, Default)]
pub enum SomeValue {
    #[default]
    Impossible,
    None,
    Bool,
    Int,
    /// `rpython.rlib.rarithmetic.r_uint`: an unsigned 64-bit word.
    Unsigned,
    Float,
    Str {
        can_be_none: bool,
    },
    /// `bytes`: a str object holding raw bytes.
    Bytes,
    Func(FuncId),
    /// One of several functions (sorted; at least two, or one and None),
    /// or None: RPython's PBC of functions. Held as a pointer to the
    /// function's static descriptor and called through it; every function
    /// of a set called at one site shares one machine signature
    /// (`Annotator::unify_family`).
    Funcs {
        functions: std::rc::Rc<[FuncId]>,
        can_be_none: bool,
    },
    /// `obj.name` for a method `name`: the method bound to an instance of
    /// `class` or a subclass, held as the instance and called like
    /// `obj.name(...)` (RPython's bound-method PBC).
    BoundMethod {
        class: ClassId,
        name: std::rc::Rc<str>,
    },
    /// A lifted function with the values it captured (see
    /// `Function::captures`), one type per captured variable.
    Closure(FuncId, Vec<SomeValue>),
    Builtin(Builtin),
    /// A list; its item type is in the list definitions.
    List(ListId),
    /// A dict: the item definitions of its keys and of its values (each
    /// tracked like a list's items).
    Dict(ListId, ListId),
    /// A set: the item definition of its members.
    Set(ListId),
    /// A tuple: one type per position.
    Tuple(Vec<SomeValue>),
    /// A file object of `open()` (a handle into the runtime's table of
    /// files); reading a binary one gives bytes.
    File {
        binary: bool,
    },
    /// A class object itself (a constant: called or given to isinstance).
    Class(ClassId),
    /// An instance of `class` or of one of its subclasses.
    Instance {
        class: ClassId,
        can_be_none: bool,
    },
}

/// What `isinstance(x, <built-in types>)` is, given x's annotation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TypeTest {
    Always(bool),
    /// True unless x is None (a str that may be None).
    NotNone,
}

impl SomeValue {
    /// Annotations are exact (an int is never merged with a bool or a
    /// float), so the answer is known when translating, up to None.
    pub fn isinstance_builtin(&self, types: &[crate::flowgraph::hlop::BuiltinType]) -> TypeTest {
        use crate::flowgraph::hlop::BuiltinType as T;
        let has = |t: T| types.contains(&t);
        match self {
            SomeValue::Bool => TypeTest::Always(has(T::Bool) || has(T::Int)),
            SomeValue::Int => TypeTest::Always(has(T::Int)),
            SomeValue::Float => TypeTest::Always(has(T::Float)),
            SomeValue::Str { can_be_none: true } if has(T::Str) => TypeTest::NotNone,
            SomeValue::Str { .. } => TypeTest::Always(has(T::Str)),
            SomeValue::Bytes => TypeTest::Always(has(T::Bytes)),
            SomeValue::List(_) => TypeTest::Always(has(T::List)),
            SomeValue::Dict(..) => TypeTest::Always(has(T::Dict)),
            SomeValue::Set(_) => TypeTest::Always(has(T::Set)),
            SomeValue::Tuple(_) => TypeTest::Always(has(T::Tuple)),
            _ => TypeTest::Always(false),
        }
    }

    /// An r_uint, or a tuple holding one.
    pub fn holds_unsigned(&self) -> bool {
        match self {
            SomeValue::Unsigned => true,
            SomeValue::Tuple(items) => items.iter().any(SomeValue::holds_unsigned),
            _ => false,
        }
    }

    pub fn of_constant(c: &Constant) -> SomeValue {
        match c {
            Constant::None => SomeValue::None,
            Constant::Bool(_) => SomeValue::Bool,
            Constant::Int(_) => SomeValue::Int,
            Constant::Float(_) => SomeValue::Float,
            Constant::Str(_) => SomeValue::Str { can_be_none: false },
            Constant::Bytes(_) => SomeValue::Bytes,
            Constant::Func(f) => SomeValue::Func(*f),
            Constant::Builtin(b) => SomeValue::Builtin(*b),
            Constant::Class(c) => SomeValue::Class(*c),
            Constant::Prebuilt(_, class) => SomeValue::Instance {
                class: *class,
                can_be_none: false,
            },
            Constant::CaughtException => SomeValue::Instance {
                class: crate::parse::program::BASE_EXCEPTION,
                can_be_none: false,
            },
            Constant::Undefined => SomeValue::Impossible,
        }
    }

    /// The functions a function value may be (none for other values).
    pub fn functions(&self) -> impl Iterator<Item = FuncId> + '_ {
        let all: &[FuncId] = match self {
            SomeValue::Func(f) => std::slice::from_ref(f),
            SomeValue::Funcs { functions, .. } => functions,
            _ => &[],
        };
        all.iter().copied()
    }

    /// Int-like values: Python's bool is a subclass of int.
    pub fn is_intlike(&self) -> bool {
        matches!(self, SomeValue::Int | SomeValue::Bool)
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, SomeValue::Int | SomeValue::Bool | SomeValue::Float)
    }

    /// A type with a null value, None is one of its values.
    pub fn can_be_none(&self) -> bool {
        matches!(
            self,
            SomeValue::None
                | SomeValue::Str { can_be_none: true }
                | SomeValue::Funcs {
                    can_be_none: true,
                    ..
                }
                | SomeValue::Instance {
                    can_be_none: true,
                    ..
                }
        )
    }

    /// The least annotation covering both, or `None` when no single
    /// representation can hold both. Instances of two classes unify to
    /// their nearest common base.
    pub fn union(&self, other: &SomeValue, program: &Types) -> Option<SomeValue> {
        use SomeValue::*;
        Some(match (self, other) {
            (
                Instance {
                    class: a,
                    can_be_none: na,
                },
                Instance {
                    class: b,
                    can_be_none: nb,
                },
            ) => Instance {
                class: program.mro(*a).find(|&k| program.is_subclass(*b, k))?,
                can_be_none: *na || *nb,
            },
            (Tuple(a), Tuple(b)) if a.len() == b.len() => Tuple(
                a.iter()
                    .zip(b)
                    .map(|(x, y)| x.union(y, program))
                    .collect::<Option<Vec<_>>>()?,
            ),
            // The same `def` or lambda run twice: one function, the
            // captured values of either run.
            (Closure(f, a), Closure(g, b)) if f == g && a.len() == b.len() => Closure(
                *f,
                a.iter()
                    .zip(b)
                    .map(|(x, y)| x.union(y, program))
                    .collect::<Option<Vec<_>>>()?,
            ),
            (BoundMethod { class: a, name: x }, BoundMethod { class: b, name: y }) if x == y => {
                BoundMethod {
                    class: program.mro(*a).find(|&k| program.is_subclass(*b, k))?,
                    name: x.clone(),
                }
            }
            (Func(_) | Funcs { .. } | None, Func(_) | Funcs { .. } | None)
                if !matches!((self, other), (None, None)) =>
            {
                let mut all: Vec<FuncId> = self.functions().chain(other.functions()).collect();
                all.sort();
                all.dedup();
                let can_be_none = self.can_be_none() || other.can_be_none();
                match all[..] {
                    [one] if !can_be_none => Func(one),
                    _ => Funcs {
                        functions: all.into(),
                        can_be_none,
                    },
                }
            }
            (None, Instance { class, .. }) | (Instance { class, .. }, None) => Instance {
                class: *class,
                can_be_none: true,
            },
            (Impossible, x) | (x, Impossible) => x.clone(),
            (a, b) if a == b => a.clone(),
            (Str { can_be_none: a }, Str { can_be_none: b }) => Str {
                can_be_none: *a || *b,
            },
            (None, Str { .. }) | (Str { .. }, None) => Str { can_be_none: true },
            (List(a), List(b)) => {
                let (ra, rb) = {
                    let l = program.lists.borrow();
                    (l.find(*a), l.find(*b))
                };
                if ra == rb {
                    return Some(List(ra));
                }
                let (ia, ib) = {
                    let l = program.lists.borrow();
                    (l.item(ra).clone(), l.item(rb).clone())
                };
                let item = ia.union(&ib, program)?;
                // A list and a list of it: one definition would hold itself.
                let lists = program.lists.borrow();
                if lists.mentions(&item, ra) || lists.mentions(&item, rb) {
                    return Option::None;
                }
                drop(lists);
                List(program.lists.borrow_mut().link(ra, rb, item))
            }
            (Set(a), Set(b)) => match List(*a).union(&List(*b), program)? {
                List(id) => Set(id),
                _ => unreachable!("lists unite into a list"),
            },
            (Dict(ka, va), Dict(kb, vb)) => {
                let (List(k), List(v)) = (
                    List(*ka).union(&List(*kb), program)?,
                    List(*va).union(&List(*vb), program)?,
                ) else {
                    unreachable!("lists unite into a list")
                };
                Dict(k, v)
            }
            _ => return Option::None,
        })
    }
}

impl SomeValue {
    /// Python's own words for the type, used in messages.
    pub fn describe(&self, p: &Types) -> String {
        match self {
            SomeValue::Class(c) => format!("class `{}`", p.class(*c).name),
            SomeValue::Instance { class, can_be_none } => format!(
                "{}{}",
                p.class(*class).name,
                if *can_be_none { " or None" } else { "" }
            ),
            SomeValue::Tuple(items) => {
                let items: Vec<String> = items.iter().map(|s| s.describe(p)).collect();
                format!("tuple[{}]", items.join(", "))
            }
            SomeValue::Set(id) => {
                let item = p.lists.borrow().item(*id).clone();
                match item {
                    SomeValue::Impossible => "set".to_string(),
                    item => format!("set[{}]", item.describe(p)),
                }
            }
            SomeValue::Dict(k, v) => {
                let l = p.lists.borrow();
                let (k, v) = (l.item(*k).clone(), l.item(*v).clone());
                drop(l);
                match (k, v) {
                    (SomeValue::Impossible, _) => "dict".to_string(),
                    (k, v) => format!("dict[{}, {}]", k.describe(p), v.describe(p)),
                }
            }
            SomeValue::List(id) => {
                let item = p.lists.borrow().item(*id).clone();
                match item {
                    SomeValue::Impossible => "list".to_string(),
                    item => format!("list[{}]", item.describe(p)),
                }
            }
            SomeValue::Func(f) | SomeValue::Closure(f, _) => {
                format!("function `{}`", p.function(*f).name)
            }
            SomeValue::BoundMethod { class, name } => {
                format!("bound method `{}.{name}`", p.class(*class).name)
            }
            SomeValue::Funcs {
                functions,
                can_be_none,
            } => {
                let names: Vec<String> = functions
                    .iter()
                    .map(|f| format!("`{}`", p.function(*f).name))
                    .collect();
                let none = if *can_be_none { " or None" } else { "" };
                format!("function ({}){none}", names.join(" or "))
            }
            other => other.to_string(),
        }
    }
}

impl fmt::Display for SomeValue {
    /// Classes print as their ids; messages use `describe`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SomeValue::Class(c) => write!(f, "{c}"),
            SomeValue::Instance {
                class,
                can_be_none: false,
            } => write!(f, "Inst({class})"),
            SomeValue::Instance {
                class,
                can_be_none: true,
            } => write!(f, "Inst({class})?"),
            SomeValue::Impossible => write!(f, "nothing"),
            SomeValue::None => write!(f, "None"),
            SomeValue::Bool => write!(f, "bool"),
            SomeValue::Int => write!(f, "int"),
            SomeValue::Unsigned => write!(f, "r_uint"),
            SomeValue::Float => write!(f, "float"),
            SomeValue::Str { can_be_none: false } => write!(f, "str"),
            SomeValue::Str { can_be_none: true } => write!(f, "str or None"),
            SomeValue::Bytes => write!(f, "bytes"),
            SomeValue::File { binary: false } => write!(f, "text file"),
            SomeValue::File { binary: true } => write!(f, "binary file"),
            SomeValue::Func(_) | SomeValue::Closure(..) => write!(f, "function"),
            SomeValue::BoundMethod { class, name } => write!(f, "Method({class}.{name})"),
            SomeValue::Funcs {
                functions,
                can_be_none,
            } => {
                let ids: Vec<String> = functions.iter().map(|f| f.to_string()).collect();
                let none = if *can_be_none { "?" } else { "" };
                write!(f, "functions({}){none}", ids.join(", "))
            }
            SomeValue::Builtin(b) => write!(f, "builtin `{}`", b.name()),
            SomeValue::List(id) => write!(f, "{id}"),
            SomeValue::Dict(k, v) => write!(f, "dict({k}, {v})"),
            SomeValue::Set(id) => write!(f, "set({id})"),
            SomeValue::Tuple(items) => {
                let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
                write!(f, "({})", items.join(", "))
            }
        }
    }
}

/// "an int", "a str": the article that reads naturally in a message.
pub fn with_article(s: &SomeValue, p: &Types) -> String {
    let text = s.describe(p);
    match s {
        SomeValue::None | SomeValue::Class(_) => text,
        SomeValue::Instance { .. } => {
            let article = if text.starts_with(['A', 'E', 'I', 'O', 'U']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {text} instance").replace(" or None instance", " instance or None")
        }
        _ if text.starts_with(['i', 'r']) => format!("an {text}"),
        _ => format!("a {text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::SomeValue::*;
    use crate::parse::program::Program;

    #[test]
    fn union_keeps_representations_apart() {
        let program = Program {
            modules: vec![],
            functions: vec![],
            classes: vec![],
            entry: crate::flowgraph::ir::FuncId(0),
            builtin_classes: Default::default(),
            global_vars: vec![],
            module_inits: vec![],
            jit_drivers: vec![],
            nested: Default::default(),
            prebuilt: vec![],
        };
        let lists = Default::default();
        let p = super::Types {
            program: &program,
            lists: &lists,
        };
        assert_eq!(Int.union(&Impossible, &p), Some(Int));
        assert_eq!(Int.union(&Float, &p), Option::None);
        assert_eq!(Int.union(&Bool, &p), Option::None);
        assert_eq!(
            None.union(&Str { can_be_none: false }, &p),
            Some(Str { can_be_none: true })
        );
        assert_eq!(None.union(&Int, &p), Option::None);
    }
}
