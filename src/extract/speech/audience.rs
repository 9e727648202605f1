//! To whom a statement was made: "told reporters", "told ABC News", "said on
//! state television", "speaking to X".

use super::*;

/// The audience of a verb of telling: "told reporters", "told ABC News", and "said on
/// state television" / "speaking to X".
pub(super) fn audience(doc: &Doc, i: usize, v: usize) -> Option<String> {
    let words = doc.words(i);
    let verb = words.key(v);
    let from = if LEXICON.audience_verbs.contains(verb) {
        v + 1
    } else if matches!(words.get(v + 1).copied(), Some("on" | "to")) {
        // "said on state television", "wrote on X": a channel, not a time.
        let media = (v + 2..(v + 5).min(words.len())).any(|k| {
            matches!(
                words.key(k),
                "television" | "tv" | "radio" | "x" | "twitter" | "telegram" | "channel"
            )
        });
        if !media && words[v + 1] == "on" {
            return None;
        }
        v + 2
    } else {
        return None;
    };
    let stop = |w: &str| {
        matches!(
            w,
            "that"
                | ","
                | "."
                | "after"
                | "on"
                | "in"
                | "at"
                | "when"
                | "before"
                | "“"
                | "\""
                | ":"
                | "about"
                | "earlier"
                | "later"
                | "last"
                | "yesterday"
                | "today"
                | "afterwards"
                | "during"
                | "while"
                | "by"
        )
    };
    let end = (from..words.len())
        .find(|&k| stop(words[k]) || (k > from && words[k] == "the"))
        .unwrap_or(words.len());
    if end == from || end - from > 5 {
        return None;
    }
    let a = words[from..end].join(" ");
    if matches!(a.as_str(), "him" | "her" | "them" | "me" | "us") {
        return None;
    }
    Some(a)
}
