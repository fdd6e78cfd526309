//! Which names Python code binds, shared by the parse phase (module
//! variables) and the flow-graph builder (function locals).

use rustpython_parser::ast;
use std::collections::HashSet;

/// The names an assignment target binds.
pub fn collect_target_names(e: &ast::Expr, out: &mut HashSet<String>) {
    match e {
        ast::Expr::Name(n) => {
            out.insert(n.id.to_string());
        }
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| collect_target_names(e, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|e| collect_target_names(e, out)),
        _ => {}
    }
}

/// The names a block of statements binds (not descending into nested
/// functions or comprehensions). Python's scoping rule: a name assigned
/// anywhere in a function is local to it everywhere in it.
pub fn collect_assigned_names(body: &[ast::Stmt], out: &mut HashSet<String>) {
    let target = collect_target_names;
    for s in body {
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, out)),
            ast::Stmt::AugAssign(a) => target(&a.target, out),
            ast::Stmt::AnnAssign(a) => target(&a.target, out),
            ast::Stmt::FunctionDef(d) => {
                out.insert(d.name.to_string());
            }
            ast::Stmt::For(f) => {
                target(&f.target, out);
                collect_assigned_names(&f.body, out);
                collect_assigned_names(&f.orelse, out);
            }
            ast::Stmt::While(w) => {
                collect_assigned_names(&w.body, out);
                collect_assigned_names(&w.orelse, out);
            }
            ast::Stmt::If(i) => {
                collect_assigned_names(&i.body, out);
                collect_assigned_names(&i.orelse, out);
            }
            ast::Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        target(v, out);
                    }
                }
                collect_assigned_names(&w.body, out);
            }
            ast::Stmt::Try(t) => {
                collect_assigned_names(&t.body, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        out.insert(n.to_string());
                    }
                    collect_assigned_names(&h.body, out);
                }
                collect_assigned_names(&t.orelse, out);
                collect_assigned_names(&t.finalbody, out);
            }
            _ => {}
        }
    }
}
