//! Stable text and Graphviz forms of a graph at any level, for golden
//! tests and `--dump-graphs`. Blocks print in depth-first order from the
//! start.

use super::ir::{BlockId, Graph, VarId};
use std::fmt::{Display, Write};

/// `var_note` adds a suffix to each variable (its annotation or
/// low-level type).
pub fn dump_graph<Op: Display>(graph: &Graph<Op>, var_note: &dyn Fn(VarId) -> String) -> String {
    let mut out = String::new();
    writeln!(out, "graph {}", graph.name).unwrap();
    for b in graph.reachable_blocks() {
        let (head, body) = block_lines(graph, b, var_note);
        writeln!(out, "  {head}").unwrap();
        for line in body {
            writeln!(out, "    {line}").unwrap();
        }
        for (case, target, args) in exits(graph, b) {
            writeln!(out, "    {case}goto {target}({args})").unwrap();
        }
    }
    out
}

/// The same graph for Graphviz (`dot -Tsvg`): a box per block listing its
/// operations, an arrow per link labelled with its case and arguments.
pub fn dot_graph<Op: Display>(graph: &Graph<Op>, var_note: &dyn Fn(VarId) -> String) -> String {
    let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut out = String::new();
    writeln!(out, "digraph \"{}\" {{", quote(&graph.name)).unwrap();
    writeln!(out, "  node [shape=box, fontname=monospace];").unwrap();
    for b in graph.reachable_blocks() {
        let (head, body) = block_lines(graph, b, var_note);
        let mut label = quote(&head) + "\\l";
        for line in body {
            label += &format!("  {}\\l", quote(&line));
        }
        writeln!(out, "  {b} [label=\"{label}\"];").unwrap();
        for (case, target, args) in exits(graph, b) {
            let text = format!("{}({args})", case.trim_end_matches(": "));
            writeln!(out, "  {b} -> {target} [label=\"{}\"];", quote(&text)).unwrap();
        }
    }
    writeln!(out, "}}").unwrap();
    out
}

/// A block's heading (its inputs) and its operation lines.
fn block_lines<Op: Display>(
    graph: &Graph<Op>,
    b: BlockId,
    var_note: &dyn Fn(VarId) -> String,
) -> (String, Vec<String>) {
    let name = |v| format!("{}{}", graph.var_display(v), var_note(v));
    let block = graph.block(b);
    let inputs: Vec<String> = block.inputargs.iter().map(|&v| name(v)).collect();
    let tag = if b == graph.returnblock {
        " (return)"
    } else {
        ""
    };
    let head = format!("{b}({}){tag}:", inputs.join(", "));
    let mut body = vec![];
    for op in &block.operations {
        let args: Vec<String> = op.args.iter().map(|a| a.to_string()).collect();
        body.push(format!(
            "{} = {}({})",
            name(op.result),
            op.op,
            args.join(", ")
        ));
    }
    if let Some(sw) = &block.exitswitch {
        body.push(format!("switch {sw}"));
    }
    (head, body)
}

/// Each exit of block `b`: its case prefix (`true: `, `except: ` or
/// nothing), target and arguments.
fn exits<Op>(graph: &Graph<Op>, b: BlockId) -> Vec<(String, BlockId, String)> {
    let block = graph.block(b);
    block
        .exits
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let args: Vec<String> = l.args.iter().map(|a| a.to_string()).collect();
            let case = match l.exitcase {
                Some(c) => format!("{c}: "),
                None if block.raising && i + 1 == block.exits.len() => "except: ".to_string(),
                None => String::new(),
            };
            (case, l.target, args.join(", "))
        })
        .collect()
}
