//! Reading diplomatic developments out of article text.
//!
//! `Extractor` is the seam: the built-in rule-based extractor (offline, deterministic)
//! and the optional LLM extractor both fill the same `Extraction`, and both pass the
//! same validation (every quote and evidence sentence must be in the text).

use crate::model::{Article, Extraction};

/// Reads one article. Infallible by design: a broken or empty article yields an
/// empty extraction, never an error that would stop ingesting a feed.
pub trait Extractor: Send + Sync {
    fn extract(&self, article: &Article) -> Extraction;
}

/// The default engine. (Placeholder until the rule families land.)
#[derive(Debug, Default, Clone)]
pub struct RuleExtractor;

impl RuleExtractor {
    pub fn new() -> Self {
        RuleExtractor
    }
}

impl Extractor for RuleExtractor {
    fn extract(&self, _article: &Article) -> Extraction {
        Extraction::default()
    }
}
