//! To whom a statement was made: "told reporters", "told ABC News", "said on
//! state television", "speaking to X".

use super::*;

/// The audience of a verb of telling: "told reporters", "told ABC News", and "said on
/// state television" / "speaking to X".
pub(super) fn audience(doc: &Doc, i: usize, v: usize) -> Option<String> {
    let words = doc.words(i);
    after_the_verb(words, v).or_else(|| opening(words, v))
}

/// The audience told right after the verb at `v` ("told reporters that …"): the
/// words a reported clause starts after.
pub(super) fn audience_after_verb(doc: &Doc, i: usize, v: usize) -> Option<String> {
    after_the_verb(doc.words(i), v)
}

/// "Speaking to reporters in Oslo, X said …", "Addressing the council, X
/// said …", "In an interview with the BBC, X said …": the audience named by the
/// phrase that opens the sentence, before the verb of saying at `v`.
fn opening(words: Words, v: usize) -> Option<String> {
    let from = match (words.key_at(0)?, words.key_at(1)) {
        ("speaking" | "talking", Some("to" | "with")) => 2,
        ("addressing", _) => 1,
        ("in", Some("an"))
            if words.key_at(2) == Some("interview") && words.key_at(3) == Some("with") =>
        {
            4
        }
        _ => return None,
    };
    let comma = (from..v).find(|&k| words[k] == ",")?;
    named(words, from, comma)
}

fn after_the_verb(words: Words, v: usize) -> Option<String> {
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
    named(words, from, words.len())
}

/// The audience named from word `from` on, before `limit`: up to the first word
/// that ends it ("reporters" in "told reporters on Monday that …").
fn named(words: Words, from: usize, limit: usize) -> Option<String> {
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
    let end = (from..limit)
        .find(|&k| stop(words[k]) || (k > from && words[k] == "the"))
        .unwrap_or(limit);
    if end == from || end - from > 5 {
        return None;
    }
    let a = words[from..end].join(" ");
    if matches!(a.as_str(), "him" | "her" | "them" | "me" | "us") {
        return None;
    }
    Some(a)
}
