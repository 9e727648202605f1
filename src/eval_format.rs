//! The evaluation format of `../shared/eval/FORMAT.md`: article and story files in,
//! one prediction per article (and the brief state per story) out, as JSON lines.
