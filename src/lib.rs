//! # Readout
//!
//! Watches news feeds, reads every new article, keeps a store of the latest
//! diplomatic developments and answers "what is going on with X?" with a brief:
//! who met, what was said, what is pending, every claim linked to its sentence.
//!
//! # Layout
//!
//! The flow runs one way; each stage is a module with one job:
//!
//! - [`model`]: the domain types every stage speaks (`Article`, `Extraction`, ...).
//! - [`extract`]: the `Extractor` trait and the rule-based extractor.
//! - [`developments`]: merging reports across articles, tracking pending items.
//! - [`eval_format`]: reading and writing the evaluation format (`readout extract`).

pub mod cli;
pub mod developments;
pub mod eval_format;
pub mod extract;
pub mod model;
