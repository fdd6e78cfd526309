//! Phase 4, rtype: turns each annotated graph into a low-level graph whose
//! variables have machine types (`LlType`) and whose operations are
//! `LlOp`s with one meaning each (int_add, float_mod, write_str, ...).
//!
//! Entry point: [`rtype_program`]. Lowering of single operations is in
//! `lower`.

mod bytes;
mod calls;
pub mod classes;
mod dicts;
mod files;
mod lists;
pub mod llop;
pub mod lltype;
mod lower;
mod numbers;
mod strings;
mod tuples;
mod unsigned;

use crate::annotate::model::SomeValue;
use crate::annotate::Annotations;
use crate::diagnostics::Result;
use crate::flowgraph::ir::{Block, Constant, FuncId, Graph, Value};
use crate::flowgraph::FlowGraphs;
use crate::parse::program::Program;
use indexmap::IndexMap;
use llop::LlOp;
use lltype::LlType;

#[derive(Clone, Copy, Debug, Default)]
pub struct RtypeOptions {
    /// Every int operation that could overflow raises OverflowError
    /// instead of wrapping.
    pub overflow_checks: bool,
}

/// A low-level graph and the type of each of its variables.
#[derive(Clone, Debug)]
pub struct LlGraph {
    pub graph: Graph<LlOp>,
    pub types: Vec<LlType>,
    /// Shadow-stack slots the function reserves for GC roots (set by the
    /// gc transform).
    pub gc_root_slots: u32,
}

impl LlGraph {
    pub fn new_var(
        &mut self,
        ty: LlType,
        span: crate::diagnostics::Span,
    ) -> crate::flowgraph::ir::VarId {
        let v = self.graph.new_var(None, span);
        self.types.push(ty);
        v
    }
    pub fn return_type(&self) -> LlType {
        self.types[self.graph.return_var().index()]
    }
}

pub struct LlProgram {
    /// Low-level graphs of every function that can run, entry point first.
    pub graphs: IndexMap<FuncId, LlGraph>,
    pub entry: FuncId,
    /// Instance layouts, type ids and dispatch tables.
    pub classes: classes::ClassLayouts,
    /// Module initialisation functions, in the order they run before the
    /// entry point.
    pub module_inits: Vec<FuncId>,
    /// The type of each module variable (`Program::global_vars`): they are
    /// the fields of one prebuilt object with type id `globals_tid`.
    pub globals: Vec<LlType>,
    /// Their Python names, for NameError.
    pub global_names: Vec<String>,
    pub globals_tid: u32,
    /// What `rpython.rlib` decorators say about each function that has
    /// any (`@always_inline`, `@elidable`, ...), for the optimiser.
    pub func_hints: IndexMap<FuncId, Vec<crate::rlib::FuncHint>>,
    /// The prebuilt instances (`Program::prebuilt`), by `PrebuiltId`.
    pub prebuilt: Vec<LlPrebuilt>,
    /// The type id of function descriptors (`LlType::FuncPtr`).
    pub func_desc_tid: u32,
}

/// A prebuilt instance as static data: its class, and the value of each
/// field of the class's layout (None: zero, as `__init__` left it).
pub struct LlPrebuilt {
    pub class: crate::flowgraph::ir::ClassId,
    pub fields: Vec<Option<Constant>>,
}

pub fn lltype_of(s: &SomeValue) -> LlType {
    match s {
        SomeValue::Bool => LlType::Bool,
        SomeValue::Int | SomeValue::Unsigned | SomeValue::File { .. } => LlType::Signed,
        SomeValue::Func(_) | SomeValue::Funcs { .. } => LlType::FuncPtr,
        SomeValue::Float => LlType::Float,
        SomeValue::Str { .. } | SomeValue::Bytes => LlType::StrPtr,
        SomeValue::List(_) => LlType::ListPtr,
        SomeValue::Dict(..) | SomeValue::Set(_) => LlType::DictPtr,
        // A bound method is the instance it is bound to.
        SomeValue::Instance { .. } | SomeValue::BoundMethod { .. } => LlType::InstPtr,
        // A closure is the tuple of its captured values.
        SomeValue::Tuple(_) | SomeValue::Closure(..) => LlType::TuplePtr,
        SomeValue::None | SomeValue::Impossible | SomeValue::Builtin(_) | SomeValue::Class(_) => {
            LlType::Void
        }
    }
}

/// `progress` is told how many functions are done after each one.
pub fn rtype_program(
    program: &Program,
    flow: &FlowGraphs,
    ann: &Annotations,
    opts: RtypeOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<LlProgram> {
    let mut graphs = IndexMap::new();
    let mut layouts = classes::ClassLayouts::new(program, &ann.classes);
    let front_offset = lists::front_offset_lists(flow, ann);
    for (&f, hl) in &flow.graphs {
        if !ann.reached.contains(&(f, hl.startblock)) {
            continue; // referenced but never called
        }
        let bindings = &ann.bindings[&f];
        let types: Vec<LlType> = bindings.iter().map(lltype_of).collect();
        let mut ll = LlGraph {
            graph: Graph {
                name: hl.name.clone(),
                func: f,
                blocks: vec![],
                vars: hl.vars.clone(),
                startblock: hl.startblock,
                returnblock: hl.returnblock,
                span: hl.span,
            },
            types,
            gc_root_slots: 0,
        };
        for (i, block) in hl.blocks.iter().enumerate() {
            let id = crate::flowgraph::ir::BlockId(i as u32);
            let mut out = Block::new(block.inputargs.clone());
            if ann.reached.contains(&(f, id)) {
                let mut lowerer = lower::Lowerer {
                    program,
                    ann,
                    func: f,
                    opts,
                    ll: &mut ll,
                    layouts: &mut layouts,
                    front_offset: &front_offset,
                    ops: vec![],
                };
                let complete = lowerer.lower_block(block)?;
                out.operations = lowerer.ops;
                if complete {
                    out.exitswitch = block.exitswitch.clone();
                    out.exits = block.exits.clone();
                    // A value without storage (the None result of
                    // `obj.x = v` carried out of a try block) may have
                    // no defining operation: pass the constant instead.
                    // A variable that never holds a value (a local not
                    // yet bound on any path here, carried to a `finally`
                    // whose other paths bind it to an int) is passed as
                    // unbound, which becomes a zero of the target's type,
                    // not a null pointer.
                    for link in &mut out.exits {
                        for arg in &mut link.args {
                            if let Value::Var(v) = arg {
                                if ll.types[v.index()] == LlType::Void {
                                    *arg = Value::Const(
                                        if *ann.binding(f, *v) == SomeValue::Impossible {
                                            Constant::Undefined
                                        } else {
                                            Constant::None
                                        },
                                    );
                                }
                            }
                        }
                    }
                } else if block.raising {
                    // Only the exception edge remains.
                    out.exits = block.exits[block.exits.len() - 1..].to_vec();
                }
                out.raising = block.raising;
                // Otherwise a call in the block never returns: the block
                // ends there, with no exits.
            }
            ll.graph.blocks.push(out);
        }
        crate::flowgraph::simplify::remove_unreachable_blocks(&mut ll.graph);
        graphs.insert(f, ll);
        progress(graphs.len());
    }
    check_func_sets(&graphs, &layouts)?;
    let prebuilt = (program.prebuilt.iter())
        .map(|p| LlPrebuilt {
            class: p.class,
            fields: (layouts.classes[&p.class].fields.iter())
                .map(|(name, _)| {
                    let stored = p.fields.iter().find(|(n, _, _)| n == name);
                    stored.map(|(_, c, _)| c.clone())
                })
                .collect(),
        })
        .collect();
    Ok(LlProgram {
        prebuilt,
        entry: program.entry,
        module_inits: program
            .module_inits
            .iter()
            .copied()
            .filter(|f| graphs.contains_key(f))
            .collect(),
        globals: ann.globals.iter().map(lltype_of).collect(),
        global_names: program.global_vars.iter().map(|v| v.name.clone()).collect(),
        globals_tid: layouts.new_tid(),
        func_desc_tid: layouts.new_tid(),
        func_hints: graphs
            .keys()
            .map(|&f| (f, program.functions[f.index()].hints.clone()))
            .filter(|(_, h)| !h.is_empty())
            .collect(),
        graphs,
        classes: layouts,
    })
}

/// The functions one indirect call may run must have one machine
/// signature (the annotator unified their families); a difference would
/// pass arguments a callee does not expect.
fn check_func_sets(
    graphs: &IndexMap<FuncId, LlGraph>,
    layouts: &classes::ClassLayouts,
) -> Result<()> {
    let signature = |f: &FuncId| {
        let ll = graphs.get(f)?;
        let params = &ll.graph.block(ll.graph.startblock).inputargs;
        let types: Vec<LlType> = params.iter().map(|v| ll.types[v.index()]).collect();
        Some((types, ll.return_type()))
    };
    for set in &layouts.func_sets {
        let mut signatures = set.iter().filter_map(signature);
        let first = signatures.next();
        if signatures.any(|s| Some(s) != first) {
            return Err(vec![crate::diagnostics::Diagnostic::error(
                graphs[&set[0]].graph.span,
                "internal error: functions called through one function value have different signatures",
            )]);
        }
    }
    Ok(())
}
