//! Which quotes a brief shows: a transcript's housekeeping ("Thank you all.",
//! "Yeah.", "Good morning.") is speech, but it says nothing a desk could report.

/// Words of courtesy and assent that carry no statement on their own.
const HOUSEKEEPING: &[&str] = &[
    "thank",
    "thanks",
    "you",
    "all",
    "everyone",
    "everybody",
    "very",
    "much",
    "so",
    "yeah",
    "yes",
    "no",
    "ok",
    "okay",
    "right",
    "sure",
    "well",
    "good",
    "morning",
    "afternoon",
    "evening",
    "hello",
    "hi",
    "please",
    "again",
    "and",
    "oh",
    "uh",
    "um",
];

/// Whether a quote is housekeeping: every word of it is a word of courtesy or
/// assent, so it makes no statement.
pub fn is_housekeeping(quote: &str) -> bool {
    quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| HOUSEKEEPING.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courtesy_and_assent_are_housekeeping_and_statements_are_not() {
        for q in [
            "Thank you all.",
            "Yeah.",
            "Okay, thank you very much.",
            "Good morning, everyone",
        ] {
            assert!(is_housekeeping(q), "{q}");
        }
        for q in [
            "Yes. The envoy met the council in Port-au-Prince.",
            "No deal is possible without a ceasefire.",
            "Thank you for the aid you sent to Gaza.",
        ] {
            assert!(!is_housekeeping(q), "{q}");
        }
    }
}
