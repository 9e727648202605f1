//! The optional LLM extractor: `LLM_BASE_URL`, `LLM_API_KEY`, `LLM_MODEL`.

use super::secret::{Secret, redacted_url};
use super::vars::Vars;

/// The optional LLM extractor behind an OpenAI-compatible endpoint.
#[derive(Debug, Clone)]
pub struct LlmConfig {
    pub base_url: String,
    pub api_key: Option<Secret>,
    pub model: String,
}

impl LlmConfig {
    /// `None` without `LLM_BASE_URL`: the rules extract alone.
    pub(super) fn read(vars: &mut Vars) -> Option<Self> {
        let base_url = vars.get("LLM_BASE_URL")?;
        if !url::Url::parse(&base_url).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
            vars.problem(format!(
                "LLM_BASE_URL={:?} is not an http(s) URL, e.g. https://api.openai.com/v1",
                redacted_url(&base_url)
            ));
        }
        Some(LlmConfig {
            base_url,
            api_key: vars.get("LLM_API_KEY").map(Secret::new),
            model: vars
                .get("LLM_MODEL")
                .unwrap_or_else(|| "gpt-4o-mini".into()),
        })
    }
}
