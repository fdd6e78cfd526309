//! Codegen units (`--jobs N`): the finished module is cut into N modules
//! that the build folder's Makefile compiles in parallel and joins with
//! ThinLTO, which still inlines across them.
//!
//! Every unit starts as the whole module (a copy; the last one is the
//! module itself) in which only its own functions keep their bodies; the
//! others become declarations. Unit 0 also owns every global: the other
//! units declare them, so there is one type table, one set of exception
//! tables, one module-variables object and one copy of each prebuilt
//! string. Definitions become external with hidden visibility, so units
//! can call each other; the link internalises them again.

use crate::database::Database;
use crate::flowgraph::ir::FuncId;
use crate::rtype::LlProgram;
use inkwell::llvm_sys;
use inkwell::module::{Linkage, Module};
use inkwell::values::{AsValueRef, FunctionValue, GlobalValue};
use inkwell::GlobalVisibility;
use std::collections::HashMap;

/// Which unit defines each program function: consecutive runs of the
/// database order (callers and callees found together stay together),
/// balanced by number of operations.
pub(super) fn assign_units(program: &LlProgram, db: &Database, n: usize) -> HashMap<String, usize> {
    let size = |f: &FuncId| -> usize {
        let g = &program.graphs[f].graph;
        g.blocks.iter().map(|b| b.operations.len() + 1).sum()
    };
    let total: usize = db.functions.keys().map(size).sum();
    let mut done = 0;
    db.functions
        .iter()
        .map(|(f, symbol)| {
            // The unit whose share of the total this function starts in.
            let unit = (done * n / total.max(1)).min(n - 1);
            done += size(f);
            (symbol.clone(), unit)
        })
        .collect()
}

/// Turns `unit` (a copy of the whole module, or the module itself for the
/// last unit: cloning a large module costs a second) into unit `k`: only
/// the bodies of the functions assigned to `k` stay (every function
/// outside the program, such as `main`, belongs to unit 0).
pub(super) fn keep_unit<'ctx>(unit: &Module<'ctx>, units: &HashMap<String, usize>, k: usize) {
    let functions: Vec<FunctionValue> = unit.get_functions().collect();
    for f in functions {
        if f.count_basic_blocks() == 0 {
            continue;
        }
        let name = f.get_name().to_str().unwrap_or("").to_string();
        if units.get(&name).copied().unwrap_or(0) == k {
            if name != "main" {
                f.set_linkage(Linkage::External);
                f.as_global_value().set_visibility(GlobalVisibility::Hidden);
            }
        } else {
            to_declaration(unit, f, &name);
        }
    }
    let globals: Vec<GlobalValue> = unit.get_globals().collect();
    for g in globals {
        if g.get_initializer().is_none() {
            continue;
        }
        if k != 0 {
            // SAFETY: a null initializer turns a global variable into a
            // declaration (GlobalVariable::setInitializer(nullptr)).
            unsafe {
                llvm_sys::core::LLVMSetInitializer(g.as_value_ref(), std::ptr::null_mut());
            }
        }
        g.set_linkage(Linkage::External);
        g.set_visibility(GlobalVisibility::Hidden);
    }
}

/// Replaces the definition `f` by a declaration of the same name and type
/// (RAUW keeps every call and table entry pointing at it).
fn to_declaration<'ctx>(unit: &Module<'ctx>, f: FunctionValue<'ctx>, name: &str) {
    // SAFETY: renaming frees the name for the declaration; `f` has no
    // uses left after RAUW, so deleting it leaves nothing dangling.
    unsafe {
        llvm_sys::core::LLVMSetValueName2(f.as_value_ref(), c"".as_ptr(), 0);
    }
    let decl = unit.add_function(name, f.get_type(), Some(Linkage::External));
    decl.as_global_value()
        .set_visibility(GlobalVisibility::Hidden);
    f.replace_all_uses_with(decl);
    unsafe { f.delete() };
}
