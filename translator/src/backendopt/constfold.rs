//! Constant folding and propagation on low-level graphs.
//!
//! Does: replaces copies (`same_as` of a variable) by the original;
//! evaluates operations whose arguments are all constants when the
//! evaluation cannot raise (so `x // 0` stays for the runtime to raise);
//! replaces a block input that receives the same constant on every incoming
//! link by that constant; turns a switch on a constant into a plain exit.
//! Does not: remove the blocks this makes unreachable (see `deadcode`), or
//! reason about non-constant values (ranges, known bits).

use super::Stats;
use crate::flowgraph::ir::{Constant, Graph, Value, VarId};
use crate::pyarith;
use crate::rtype::llop::{Cmp, FloatOp, IntOp, LlOp};
use crate::rtype::LlGraph;
use std::collections::HashMap;

pub fn constant_fold_graph(ll: &mut LlGraph, overflow_checks: bool, stats: &mut Stats) {
    loop {
        let mut known: HashMap<VarId, Value> = HashMap::new();
        let mut changed = fold_operations(&mut ll.graph, &mut known, overflow_checks, stats);
        changed |= propagate_into_blocks(&mut ll.graph, &mut known);
        substitute(&mut ll.graph, &known);
        changed |= fold_switches(&mut ll.graph, stats);
        if !changed {
            break;
        }
    }
}

/// What `v` is known to be, following chains (a copy of an input that
/// later turned out constant is that constant).
fn resolve(v: &Value, known: &HashMap<VarId, Value>) -> Value {
    let mut cur = v.clone();
    while let Value::Var(var) = &cur {
        match known.get(var) {
            Some(next) => cur = next.clone(),
            None => break,
        }
    }
    cur
}

fn fold_operations(
    graph: &mut Graph<LlOp>,
    known: &mut HashMap<VarId, Value>,
    ovf: bool,
    stats: &mut Stats,
) -> bool {
    let mut changed = false;
    for block in &mut graph.blocks {
        let mut kept = Vec::with_capacity(block.operations.len());
        for mut op in std::mem::take(&mut block.operations) {
            op.args = op.args.iter().map(|a| resolve(a, known)).collect();
            if let (LlOp::SameAs, [Value::Var(v)]) = (&op.op, op.args.as_slice()) {
                // A copy: uses read the original (variables are local to
                // their block, so this stays within it).
                known.insert(op.result, Value::Var(*v));
                stats.copies_removed += 1;
                changed = true;
                continue;
            }
            let consts: Option<Vec<&Constant>> = op.args.iter().map(Value::as_const).collect();
            if let Some(result) = consts.and_then(|c| eval_llop(&op.op, &c, ovf)) {
                known.insert(op.result, Value::Const(result));
                stats.ops_folded += 1;
                changed = true;
                continue;
            }
            kept.push(op);
        }
        block.operations = kept;
    }
    changed
}

/// A block input fed the same constant by every link becomes that constant.
fn propagate_into_blocks(graph: &mut Graph<LlOp>, known: &mut HashMap<VarId, Value>) -> bool {
    // For each input: the one constant every link gives it, or None once a
    // link gives a variable or a different constant.
    let mut incoming: HashMap<VarId, Option<Constant>> = HashMap::new();
    for b in graph.reachable_blocks() {
        for link in &graph.block(b).exits {
            let inputs = &graph.block(link.target).inputargs;
            for (arg, &input) in link.args.iter().zip(inputs) {
                // The undefined placeholder is never propagated: it has
                // no value an operation could use.
                let c = resolve(arg, known)
                    .as_const()
                    .filter(|c| c.is_value())
                    .cloned();
                let entry = incoming.entry(input).or_insert_with(|| c.clone());
                if *entry != c {
                    *entry = None;
                }
            }
        }
    }
    let (start, ret) = (graph.startblock, graph.returnblock);
    let mut drop: HashMap<usize, Vec<usize>> = HashMap::new(); // block -> input positions
    for (b, block) in graph.blocks.iter().enumerate() {
        if b == start.index() || b == ret.index() {
            continue; // parameters come from callers; the result goes to them
        }
        let positions: Vec<usize> = block
            .inputargs
            .iter()
            .enumerate()
            .filter(|(_, v)| matches!(incoming.get(v), Some(Some(_))))
            .map(|(i, _)| i)
            .collect();
        if !positions.is_empty() {
            drop.insert(b, positions);
        }
    }
    if drop.is_empty() {
        return false;
    }
    for block in &mut graph.blocks {
        for link in &mut block.exits {
            if let Some(positions) = drop.get(&link.target.index()) {
                for &i in positions.iter().rev() {
                    link.args.remove(i);
                    link.arg_spans.remove(i);
                }
            }
        }
    }
    for (b, positions) in drop {
        for &i in positions.iter().rev() {
            let v = graph.blocks[b].inputargs.remove(i);
            known.insert(
                v,
                Value::Const(incoming[&v].clone().expect("a single constant")),
            );
        }
    }
    true
}

fn substitute(graph: &mut Graph<LlOp>, known: &HashMap<VarId, Value>) {
    if known.is_empty() {
        return;
    }
    for block in &mut graph.blocks {
        for op in &mut block.operations {
            for a in &mut op.args {
                *a = resolve(a, known);
            }
        }
        if let Some(sw) = &block.exitswitch {
            block.exitswitch = Some(resolve(sw, known));
        }
        for l in &mut block.exits {
            for a in &mut l.args {
                *a = resolve(a, known);
            }
        }
    }
}

fn fold_switches(graph: &mut Graph<LlOp>, stats: &mut Stats) -> bool {
    let mut changed = false;
    for block in &mut graph.blocks {
        if let Some(Value::Const(Constant::Bool(b))) = block.exitswitch {
            block.exits.retain(|l| l.exitcase == Some(b));
            for l in &mut block.exits {
                l.exitcase = None;
            }
            block.exitswitch = None;
            stats.switches_folded += 1;
            changed = true;
        }
    }
    changed
}

/// The value of `op` on constant arguments, or `None` when it cannot be
/// known at translation time or would raise.
pub fn eval_llop(op: &LlOp, args: &[&Constant], ovf: bool) -> Option<Constant> {
    use Constant::{Bool as B, Float as F, Int as I};
    let int = |i: usize| match args.get(i) {
        Some(I(v)) => Some(*v),
        _ => None,
    };
    let float = |i: usize| match args.get(i) {
        Some(F(v)) => Some(*v),
        _ => None,
    };
    Some(match op {
        LlOp::SameAs => args[0].clone(),
        LlOp::Int(iop) | LlOp::IntOvf(iop) => {
            let checked = ovf || matches!(op, LlOp::IntOvf(_));
            let a = int(0)?;
            let b = if iop.arity() == 2 { int(1)? } else { 0 };
            I(match iop {
                IntOp::Add => pyarith::int_add(a, b, checked)?,
                IntOp::AddSat => a.saturating_add(b),
                IntOp::Sub => pyarith::int_sub(a, b, checked)?,
                IntOp::Mul => pyarith::int_mul(a, b, checked)?,
                IntOp::FloorDiv => pyarith::int_floordiv(a, b, checked)?,
                IntOp::Mod => pyarith::int_mod(a, b)?,
                IntOp::LShift => pyarith::int_lshift(a, b, checked)?,
                IntOp::RShift => pyarith::int_rshift(a, b)?,
                IntOp::And => a & b,
                IntOp::Or => a | b,
                IntOp::Xor => a ^ b,
                IntOp::Pow => pyarith::int_pow(a, b, checked)?,
                IntOp::Neg => pyarith::int_neg(a, checked)?,
                IntOp::Invert => !a,
                IntOp::Abs => {
                    if a < 0 {
                        pyarith::int_neg(a, checked)?
                    } else {
                        a
                    }
                }
                IntOp::UFloorDiv => (a as u64).checked_div(b as u64)? as i64,
                IntOp::UMod => (a as u64).checked_rem(b as u64)? as i64,
                IntOp::URShift if b < 0 => return None,
                IntOp::URShift if b >= 64 => 0,
                IntOp::URShift => ((a as u64) >> b) as i64,
                IntOp::Min => {
                    if b < a {
                        b
                    } else {
                        a
                    }
                }
                IntOp::Max => {
                    if b > a {
                        b
                    } else {
                        a
                    }
                }
            })
        }
        LlOp::IntCmp(c) => B(c.holds(int(0)?.cmp(&int(1)?))),
        LlOp::UintCmp(c) => B(c.holds((int(0)? as u64).cmp(&(int(1)? as u64)))),
        LlOp::FloatCmp(c) => {
            let (a, b) = (float(0)?, float(1)?);
            B(match a.partial_cmp(&b) {
                Some(o) => c.holds(o),
                None => *c == Cmp::Ne,
            })
        }
        LlOp::IntFloatCmp(c) => B(match pyarith::int_float_cmp(int(0)?, float(1)?) {
            Some(o) => c.holds(o),
            None => *c == Cmp::Ne,
        }),
        LlOp::Float(fop) => {
            let a = float(0)?;
            let b = if fop.arity() == 2 { float(1)? } else { 0.0 };
            F(match fop {
                FloatOp::Add => a + b,
                FloatOp::Sub => a - b,
                FloatOp::Mul => a * b,
                FloatOp::TrueDiv => pyarith::float_truediv(a, b)?,
                FloatOp::FloorDiv => pyarith::float_floordiv(a, b)?,
                FloatOp::Mod => pyarith::float_mod(a, b)?,
                FloatOp::Pow => return None, // libm and CPython's special cases: left to the runtime
                FloatOp::Neg => -a,
                FloatOp::Abs => a.abs(),
                FloatOp::Min => {
                    if b < a {
                        b
                    } else {
                        a
                    }
                }
                FloatOp::Max => {
                    if b > a {
                        b
                    } else {
                        a
                    }
                }
            })
        }
        LlOp::IntTrueDiv => {
            let (a, b) = (int(0)?, int(1)?);
            if b == 0 || a.unsigned_abs() >= 1 << 53 || b.unsigned_abs() >= 1 << 53 {
                return None;
            }
            F(a as f64 / b as f64)
        }
        LlOp::BoolNot => match args[0] {
            B(b) => B(!b),
            _ => return None,
        },
        LlOp::CastBoolToInt => match args[0] {
            B(b) => I(*b as i64),
            _ => return None,
        },
        LlOp::CastIntToFloat => F(int(0)? as f64),
        LlOp::CastUintToFloat => F(int(0)? as u64 as f64),
        LlOp::CastFloatToInt => {
            let f = float(0)?;
            // Exactly the floats whose integer part fits in 64 bits; the
            // rest (and nan) raise at run time.
            if !(-9.223372036854775808e18..9.223372036854775808e18).contains(&f) {
                return None;
            }
            I(f as i64)
        }
        LlOp::IntIsTrue => B(int(0)? != 0),
        LlOp::FloatIsTrue => B(float(0)? != 0.0),
        LlOp::StrIsTrue => match args[0] {
            Constant::Str(s) => B(!s.is_empty()),
            Constant::None => B(false),
            _ => return None,
        },
        LlOp::PtrIsNull => B(matches!(args[0], Constant::None)),
        LlOp::PtrNonNull => B(!matches!(args[0], Constant::None)),
        LlOp::StrEq => match (args[0], args[1]) {
            (Constant::Str(a), Constant::Str(b)) => B(a == b),
            _ => return None,
        },
        LlOp::CheckRangeStep if int(0)? != 0 => Constant::None,
        LlOp::CheckBound(_) if matches!(args[0], B(true)) => Constant::None,
        _ => return None,
    })
}
