//! Fusion of an operation with the one that makes its argument, when
//! nothing else reads that argument: the value in between is never built.
//!
//! Does: `ord(c)` of the character `c` a `for` loop over a str gives
//! becomes a read of its code point (no one-character string, no
//! allocation, nothing to raise); `int(s[a:b])` parses the text in place
//! (the slice is made only to report a malformed literal).
//! Does not: fuse across blocks, or when the intermediate value is read
//! anywhere else (a link, a switch, another operation).

use super::Stats;
use crate::abi::Helper;
use crate::flowgraph::ir::{Constant, Value, VarId};
use crate::rtype::llop::LlOp;
use crate::rtype::LlGraph;
use std::collections::HashMap;

pub fn fuse_operations(ll: &mut LlGraph, stats: &mut Stats) {
    let mut uses: HashMap<VarId, usize> = HashMap::new();
    for block in &ll.graph.blocks {
        let read = block
            .operations
            .iter()
            .flat_map(|op| &op.args)
            .chain(&block.exitswitch)
            .chain(block.exits.iter().flat_map(|l| &l.args));
        for v in read.filter_map(Value::as_var) {
            *uses.entry(v).or_default() += 1;
        }
    }
    for block in &mut ll.graph.blocks {
        let mut made: HashMap<VarId, usize> = HashMap::new();
        let mut dead = vec![];
        for i in 0..block.operations.len() {
            let op = &block.operations[i];
            made.insert(op.result, i);
            let Some(&Value::Var(x)) = op.args.first() else {
                continue;
            };
            let Some(&j) = made.get(&x).filter(|_| uses.get(&x) == Some(&1)) else {
                continue;
            };
            let maker = &block.operations[j];
            let fused = match (&op.op, &maker.op, maker.args.as_slice()) {
                (
                    LlOp::CallHelper(Helper::StrOrd),
                    LlOp::CallHelper(Helper::StrIterItem),
                    [s, index],
                ) => (Helper::StrCodePointAt, vec![s.clone(), index.clone()]),
                (
                    LlOp::StrToInt,
                    LlOp::CallHelper(Helper::StrSlice),
                    [s, lo, hi, Value::Const(Constant::Int(1))],
                ) => (
                    Helper::StrToIntSlice,
                    vec![s.clone(), lo.clone(), hi.clone()],
                ),
                _ => continue,
            };
            let op = &mut block.operations[i];
            op.op = LlOp::CallHelper(fused.0);
            op.args = fused.1;
            dead.push(j);
            stats.ops_fused += 1;
        }
        dead.sort_unstable();
        for j in dead.into_iter().rev() {
            block.operations.remove(j);
        }
    }
}
