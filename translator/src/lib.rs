//! The translator: restricted Python 3 to a standalone native binary.
//!
//! The pipeline is the architecture: each phase is a module with one entry
//! point, and `driver` runs them in order, timing each.

pub mod abi;
pub mod annotate;
pub mod backendopt;
pub mod compile;
pub mod database;
pub mod diagnostics;
pub mod driver;
pub mod flowgraph;
pub mod gctransform;
pub mod parse;
pub mod pyarith;
pub mod pyformat;
pub mod rlib;
pub mod rtype;
pub mod source;
pub mod stackcheck;
#[cfg(test)]
mod testing;
