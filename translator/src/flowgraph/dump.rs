//! A stable text form of a graph at any level, for golden tests and
//! `--dump-graphs`. Blocks print in depth-first order from the start.

use super::ir::Graph;
use std::fmt::{Display, Write};

/// `var_note` adds a suffix to each variable (its annotation or
/// low-level type).
pub fn dump_graph<Op: Display>(
    graph: &Graph<Op>,
    var_note: &dyn Fn(super::ir::VarId) -> String,
) -> String {
    let mut out = String::new();
    let name = |v| format!("{}{}", graph.var_display(v), var_note(v));
    writeln!(out, "graph {}", graph.name).unwrap();
    for b in graph.reachable_blocks() {
        let block = graph.block(b);
        let inputs: Vec<String> = block.inputargs.iter().map(|&v| name(v)).collect();
        let tag = if b == graph.returnblock {
            " (return)"
        } else {
            ""
        };
        writeln!(out, "  {b}({}){tag}:", inputs.join(", ")).unwrap();
        for op in &block.operations {
            let args: Vec<String> = op.args.iter().map(|a| a.to_string()).collect();
            writeln!(
                out,
                "    {} = {}({})",
                name(op.result),
                op.op,
                args.join(", ")
            )
            .unwrap();
        }
        if let Some(sw) = &block.exitswitch {
            writeln!(out, "    switch {sw}").unwrap();
        }
        for (i, l) in block.exits.iter().enumerate() {
            let args: Vec<String> = l.args.iter().map(|a| a.to_string()).collect();
            let case = match l.exitcase {
                Some(c) => format!("{c}: "),
                None if block.raising && i + 1 == block.exits.len() => "except: ".to_string(),
                None => String::new(),
            };
            writeln!(out, "    {case}goto {}({})", l.target, args.join(", ")).unwrap();
        }
    }
    out
}
