//! The evaluation format of `../shared/eval/FORMAT.md`: article and story files in,
//! one prediction per article (and the brief state per story) out, as JSON lines.

use std::io::Write;
use std::path::PathBuf;

use crate::extract::Extractor;

/// Reads every article and story under `paths` and writes one JSON line per
/// article, then one per story with the brief state after its last article.
pub fn run(
    paths: &[PathBuf],
    extractor: &dyn Extractor,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let _ = (paths, extractor, out);
    anyhow::bail!("not implemented yet")
}
