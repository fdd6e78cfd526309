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
        ast::Expr::Starred(s) => collect_target_names(&s.value, out),
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

/// Renames the names `map` lists wherever `e` reads or binds them,
/// descending into nested comprehensions (which rename again what they
/// bind). `None` when `e` holds a lambda: its body is a function of its
/// own, lifted from the source, which a renamed copy would not reach.
pub fn rename_names(
    e: &ast::Expr,
    map: &std::collections::HashMap<String, String>,
) -> Option<ast::Expr> {
    use rustpython_ast::fold::Foldable;
    let mut r = Renamer {
        map,
        saw_lambda: false,
    };
    let Ok(out) = e.clone().fold(&mut r);
    (!r.saw_lambda).then_some(out)
}

struct Renamer<'m> {
    map: &'m std::collections::HashMap<String, String>,
    saw_lambda: bool,
}

/// The part of a `rustpython_ast::Fold` impl that every rewrite of ours
/// shares: source ranges are kept as they are, and nothing fails.
macro_rules! fold_keeping_ranges {
    () => {
        type TargetU = rustpython_parser::ast::text_size::TextRange;
        type Error = std::convert::Infallible;
        type UserContext = ();

        fn will_map_user(&mut self, _: &rustpython_parser::ast::text_size::TextRange) {}

        fn map_user(
            &mut self,
            user: rustpython_parser::ast::text_size::TextRange,
            _: (),
        ) -> Result<rustpython_parser::ast::text_size::TextRange, Self::Error> {
            Ok(user)
        }
    };
}
pub(crate) use fold_keeping_ranges;

impl rustpython_ast::Fold<ast::text_size::TextRange> for Renamer<'_> {
    fold_keeping_ranges!();

    fn fold_expr_name(&mut self, mut n: ast::ExprName) -> Result<ast::ExprName, Self::Error> {
        if let Some(new) = self.map.get(n.id.as_str()) {
            n.id = ast::Identifier::new(new.as_str());
        }
        Ok(n)
    }

    fn fold_expr_lambda(&mut self, l: ast::ExprLambda) -> Result<ast::ExprLambda, Self::Error> {
        self.saw_lambda = true;
        Ok(l)
    }
}
