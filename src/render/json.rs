//! The brief as JSON: every item with all its reports, each report with the article
//! and the evidence sentence, so a program can check every claim.

use crate::brief::Brief;

pub fn render(brief: &Brief) -> String {
    serde_json::to_string_pretty(brief)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise brief: {e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TopicName;

    #[test]
    fn an_empty_brief_is_valid_json_with_every_section() {
        let b = crate::brief::assemble(
            TopicName::parse("ukraine").unwrap(),
            chrono::Utc::now(),
            None,
            vec![],
        );
        let v: serde_json::Value = serde_json::from_str(&render(&b)).unwrap();
        for key in ["topic", "as_of", "met", "said", "pending", "sources"] {
            assert!(v.get(key).is_some(), "{key}");
        }
    }
}
