//! Malloc removal: scalar replacement of instances and tuples that never
//! escape the function (RPython's malloc removal).
//!
//! Does: groups the variables that one allocation can flow into through
//! links and copies (a "lifetime"). When every use in a lifetime only reads
//! or writes fields (`getfield`, `setfield`, tuple items) or tests for
//! None, and every value entering it comes from an allocation of the same
//! class in this function, the allocations go away: each field becomes a
//! plain variable, carried along the links in place of the pointer
//! (zero until written, as a fresh instance is). After inlining, this
//! removes the temporaries of small methods (`a.sub(b)` read at once)
//! and tuples returned and unpacked.
//!
//! Does not: remove an object that is passed to a call, returned, stored
//! into another object or a container, compared with `is`, or whose class
//! is asked for (`isinstance`, a method table); an object that changes in
//! a `try` block whose handler receives it; lifetimes that mix classes.
//! A removed allocation can no longer fail with MemoryError (as in
//! RPython).

use super::Stats;
use crate::flowgraph::ir::{BlockId, Constant, Operation, Value, VarId};
use crate::rtype::llop::LlOp;
use crate::rtype::lltype::LlType;
use crate::rtype::LlGraph;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What an allocation makes: the removable kinds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Instance(crate::flowgraph::ir::ClassId),
    Tuple(u32),
}

/// A field of a virtual object: (owner class, index) of an instance
/// field, or (0, n) for tuple item n.
type FieldKey = (u32, u32);

fn creation(op: &LlOp) -> Option<Kind> {
    match op {
        LlOp::Malloc(c) => Some(Kind::Instance(*c)),
        LlOp::NewTuple(t) => Some(Kind::Tuple(*t)),
        _ => None,
    }
}

/// Reads and writes of one field through argument 0.
fn field_access(op: &LlOp) -> Option<(FieldKey, bool)> {
    match op {
        LlOp::GetField(f) => Some(((f.class.0, f.index), false)),
        LlOp::SetField(f) => Some(((f.class.0, f.index), true)),
        LlOp::TupleGetItem(n) => Some(((0, *n), false)),
        LlOp::TupleInit(n) => Some(((0, *n), true)),
        _ => None,
    }
}

/// The lifetime (union-find root) of every variable: variables joined by
/// links and copies share one.
fn lifetime_roots(ll: &LlGraph, blocks: &[BlockId]) -> Vec<VarId> {
    let mut parent: Vec<u32> = (0..ll.graph.vars.len() as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }
    let mut union = |a: VarId, b: VarId| {
        let (a, b) = (find(&mut parent, a.0), find(&mut parent, b.0));
        parent[a.max(b) as usize] = a.min(b);
    };
    for &b in blocks {
        let block = ll.graph.block(b);
        for op in &block.operations {
            if let (LlOp::SameAs, [Value::Var(v)]) = (&op.op, op.args.as_slice()) {
                union(op.result, *v);
            }
        }
        for link in &block.exits {
            let target = ll.graph.block(link.target);
            for (a, &input) in link.args.iter().zip(&target.inputargs) {
                if let Value::Var(v) = a {
                    union(*v, input);
                }
            }
        }
    }
    (0..parent.len() as u32)
        .map(|v| VarId(find(&mut parent, v)))
        .collect()
}

/// A lifetime that may be replaced by its fields.
#[derive(Default)]
struct Lifetime {
    kind: Option<Kind>,
    escapes: bool,
    /// The fields some operation reads, with their types; fields only
    /// ever written need no variable.
    fields: BTreeMap<FieldKey, LlType>,
}

impl Lifetime {
    fn is_virtual(&self) -> bool {
        self.kind.is_some() && !self.escapes
    }
}

/// What the analysis found: the lifetimes by root, and for each block
/// which of its inputs name the same object (see `input_aliases`).
struct Analysis {
    roots: Vec<VarId>,
    lifetimes: HashMap<VarId, Lifetime>,
    aliases: HashMap<BlockId, Vec<usize>>,
}

impl Analysis {
    /// The virtual lifetime of `v`, if it has one.
    fn virtual_root(&self, v: VarId) -> Option<VarId> {
        let root = self.roots[v.index()];
        self.lifetimes
            .get(&root)
            .is_some_and(Lifetime::is_virtual)
            .then_some(root)
    }
}

pub fn remove_mallocs(ll: &mut LlGraph, stats: &mut Stats) {
    // Removing one object can free another (a tuple that held it), so
    // repeat while something changes.
    for _ in 0..4 {
        let removed = remove_once(ll);
        stats.mallocs_removed += removed;
        if removed == 0 {
            break;
        }
    }
}

fn remove_once(ll: &mut LlGraph) -> usize {
    let blocks = ll.graph.reachable_blocks();
    let roots = lifetime_roots(ll, &blocks);
    let mut lifetimes = find_escapes(ll, &blocks, &roots);
    if !lifetimes.values().any(Lifetime::is_virtual) {
        return 0;
    }
    let aliases = input_aliases(ll, &blocks, &roots, &mut lifetimes);
    let analysis = Analysis {
        roots,
        lifetimes,
        aliases,
    };
    blocks
        .iter()
        .map(|&b| rewrite_block(ll, b, &analysis))
        .sum()
}

/// Finds, for each lifetime, what made it and whether it escapes.
fn find_escapes(ll: &LlGraph, blocks: &[BlockId], roots: &[VarId]) -> HashMap<VarId, Lifetime> {
    let mut lt: HashMap<VarId, Lifetime> = HashMap::new();
    let g = &ll.graph;
    let escape = |lt: &mut HashMap<VarId, Lifetime>, v: VarId| {
        lt.entry(roots[v.index()]).or_default().escapes = true;
    };
    // Values that come from outside the function or leave it.
    for &v in &g.block(g.startblock).inputargs {
        escape(&mut lt, v);
    }
    for &v in &g.block(g.returnblock).inputargs {
        escape(&mut lt, v);
    }
    for &b in blocks {
        let block = g.block(b);
        // Lifetimes this block creates or writes to.
        let mut mutated: HashSet<VarId> = HashSet::new();
        for op in &block.operations {
            if let Some(kind) = creation(&op.op) {
                let l = lt.entry(roots[op.result.index()]).or_default();
                match l.kind {
                    None => l.kind = Some(kind),
                    Some(k) if k == kind => {}
                    Some(_) => l.escapes = true,
                }
                mutated.insert(roots[op.result.index()]);
            } else if !matches!(op.op, LlOp::SameAs) || op.args[0].as_var().is_none() {
                // Any other result is a pointer from elsewhere.
                escape(&mut lt, op.result);
            }
            let access = field_access(&op.op);
            for (i, a) in op.args.iter().enumerate() {
                let Value::Var(v) = a else { continue };
                let allowed = match (&op.op, i) {
                    (LlOp::SameAs, 0)
                    | (LlOp::CheckNotNone(_), 0)
                    | (LlOp::PtrIsNull, 0)
                    | (LlOp::PtrNonNull, 0) => true,
                    _ => i == 0 && access.is_some(),
                };
                if !allowed {
                    escape(&mut lt, *v);
                }
            }
            if let (Some((key, write)), Some(Value::Var(v))) = (access, op.args.first()) {
                let root = roots[v.index()];
                if write {
                    mutated.insert(root);
                } else {
                    let ty = ll.types[op.result.index()];
                    let l = lt.entry(root).or_default();
                    // One variable per field needs one type for it.
                    if l.fields.insert(key, ty).is_some_and(|old| old != ty) {
                        l.escapes = true;
                    }
                }
            }
        }
        if let Some(Value::Var(v)) = &block.exitswitch {
            escape(&mut lt, *v);
        }
        for (n, link) in block.exits.iter().enumerate() {
            let target = g.block(link.target);
            let is_exception_link = block.raising && n + 1 == block.exits.len();
            for (a, &input) in link.args.iter().zip(&target.inputargs) {
                match a {
                    // An object changed in a raising block may have
                    // changed after the operation that raised: the
                    // handler must see the real one.
                    Value::Var(v) if is_exception_link && mutated.contains(&roots[v.index()]) => {
                        escape(&mut lt, *v)
                    }
                    Value::Var(_) => {}
                    // A constant (None, the caught exception) shares the
                    // target's input with the lifetime.
                    Value::Const(_) => escape(&mut lt, input),
                }
            }
        }
    }
    lt
}

/// Which inputs of each block name the same object: for input position
/// p, the first position holding the same object (p itself if none).
/// Inlining passes an object both as an argument and as a value the
/// caller keeps, so a block often receives one object twice; those
/// inputs must share their fields. Starts from "every two inputs of one
/// lifetime are the same object" and splits positions until each link
/// agrees; a link that gives one object to two positions kept apart
/// makes that lifetime escape.
fn input_aliases(
    ll: &LlGraph,
    blocks: &[BlockId],
    roots: &[VarId],
    lt: &mut HashMap<VarId, Lifetime>,
) -> HashMap<BlockId, Vec<usize>> {
    let g = &ll.graph;
    let is_virtual = |lt: &HashMap<VarId, Lifetime>, v: VarId| {
        lt.get(&roots[v.index()]).is_some_and(Lifetime::is_virtual)
    };
    let mut aliases: HashMap<BlockId, Vec<usize>> = HashMap::new();
    for &b in blocks {
        let inputs = &g.block(b).inputargs;
        let reps = (0..inputs.len())
            .map(|p| {
                let root = roots[inputs[p].index()];
                (0..p)
                    .find(|&q| is_virtual(lt, inputs[q]) && roots[inputs[q].index()] == root)
                    .unwrap_or(p)
            })
            .collect();
        aliases.insert(b, reps);
    }
    // The object a variable of block `b` names: (block, input position)
    // or (block, usize::MAX - operation index) for an allocation.
    let objects_of = |b: BlockId, aliases: &HashMap<BlockId, Vec<usize>>| {
        let block = g.block(b);
        let mut obj: HashMap<VarId, (BlockId, usize)> = HashMap::new();
        for (p, &v) in block.inputargs.iter().enumerate() {
            obj.insert(v, (b, aliases[&b][p]));
        }
        for (i, op) in block.operations.iter().enumerate() {
            if creation(&op.op).is_some() {
                obj.insert(op.result, (b, usize::MAX - i));
            } else if let (LlOp::SameAs, [Value::Var(v)]) = (&op.op, op.args.as_slice()) {
                if let Some(&o) = obj.get(v) {
                    obj.insert(op.result, o);
                }
            }
        }
        obj
    };
    let same_object = |obj: &HashMap<VarId, (BlockId, usize)>, a: &Value, b: &Value| match (a, b) {
        (Value::Var(x), Value::Var(y)) => obj.get(x).is_some() && obj.get(x) == obj.get(y),
        _ => false,
    };
    loop {
        let mut changed = false;
        for &b in blocks {
            let obj = objects_of(b, &aliases);
            for link in &g.block(b).exits {
                let reps = aliases.get_mut(&link.target).unwrap();
                for p in 0..reps.len() {
                    let r = reps[p];
                    if r != p && !same_object(&obj, &link.args[p], &link.args[r]) {
                        reps[p] = p;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    for &b in blocks {
        let obj = objects_of(b, &aliases);
        for link in &g.block(b).exits {
            let reps = &aliases[&link.target];
            for p in 0..reps.len() {
                for q in 0..p {
                    let apart = reps[p] != reps[q];
                    if apart && same_object(&obj, &link.args[p], &link.args[q]) {
                        if let Value::Var(v) = link.args[p] {
                            lt.entry(roots[v.index()]).or_default().escapes = true;
                        }
                    }
                }
            }
        }
    }
    aliases
}

fn zero(ty: LlType) -> Constant {
    match ty {
        LlType::Bool => Constant::Bool(false),
        LlType::Signed => Constant::Int(0),
        LlType::Float => Constant::Float(0.0),
        _ => Constant::None,
    }
}

/// Replaces the virtual objects of block `b` by their fields. Returns how
/// many allocations it removed.
fn rewrite_block(ll: &mut LlGraph, b: BlockId, an: &Analysis) -> usize {
    let mut removed = 0;
    // The current field values of each virtual object of this block, and
    // which object each variable names (copies name the same one).
    let mut objects: Vec<Vec<Value>> = vec![];
    let mut object_of: HashMap<VarId, usize> = HashMap::new();
    let fields_of = |root: VarId| -> Vec<(FieldKey, LlType)> {
        an.lifetimes[&root]
            .fields
            .iter()
            .map(|(k, t)| (*k, *t))
            .collect()
    };
    let old_inputs = std::mem::take(&mut ll.graph.block_mut(b).inputargs);
    let mut inputs = vec![];
    for (p, &v) in old_inputs.iter().enumerate() {
        match an.virtual_root(v) {
            Some(_) if an.aliases[&b][p] != p => {
                let same = object_of[&old_inputs[an.aliases[&b][p]]];
                object_of.insert(v, same);
            }
            Some(root) => {
                let mut vals = vec![];
                for (_, ty) in fields_of(root) {
                    let n = ll.new_var(ty, ll.graph.vars[v.index()].span);
                    inputs.push(n);
                    vals.push(Value::Var(n));
                }
                object_of.insert(v, objects.len());
                objects.push(vals);
            }
            None => inputs.push(v),
        }
    }
    ll.graph.block_mut(b).inputargs = inputs;
    let ops = std::mem::take(&mut ll.graph.block_mut(b).operations);
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        let subject = op.args.first().and_then(Value::as_var);
        if let Some(root) = creation(&op.op).and_then(|_| an.virtual_root(op.result)) {
            let vals = fields_of(root)
                .into_iter()
                .map(|(_, ty)| Value::Const(zero(ty)))
                .collect();
            object_of.insert(op.result, objects.len());
            objects.push(vals);
            removed += 1;
            continue;
        }
        let Some((v, root)) = subject.and_then(|v| an.virtual_root(v).map(|r| (v, r))) else {
            out.push(op);
            continue;
        };
        let obj = object_of[&v];
        let field_index = |key| an.lifetimes[&root].fields.keys().position(|f| *f == key);
        let replacement = match (&op.op, field_access(&op.op)) {
            (LlOp::SameAs, _) => {
                object_of.insert(op.result, obj);
                continue;
            }
            (_, Some((key, false))) => objects[obj][field_index(key).unwrap()].clone(),
            (_, Some((key, true))) => {
                if let Some(k) = field_index(key) {
                    objects[obj][k] = op.args[1].clone();
                }
                Value::Const(Constant::None)
            }
            (LlOp::PtrIsNull, _) => Value::Const(Constant::Bool(false)),
            (LlOp::PtrNonNull, _) => Value::Const(Constant::Bool(true)),
            _ => Value::Const(Constant::None), // check_not_none
        };
        out.push(Operation {
            op: LlOp::SameAs,
            args: vec![replacement],
            ..op
        });
    }
    let block = ll.graph.block_mut(b);
    block.operations = out;
    for link in &mut block.exits {
        let mut args = vec![];
        let reps = &an.aliases[&link.target];
        for (p, a) in std::mem::take(&mut link.args).into_iter().enumerate() {
            match a.as_var().and_then(|v| object_of.get(&v)) {
                // The target's other name for the object takes it.
                Some(_) if reps[p] != p => {}
                Some(&obj) => args.extend(objects[obj].iter().cloned()),
                None => args.push(a),
            }
        }
        link.arg_spans = vec![link.span; args.len()];
        link.args = args;
    }
    removed
}
