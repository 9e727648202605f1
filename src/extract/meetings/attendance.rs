//! "X attended the NATO summit", "will take part in the ASEAN foreign ministers'
//! meeting": the body whose summit or meeting someone attends is who they meet.
//!
//! A body's name in front of a meeting noun reads as a modifier ("the NATO
//! summit"), and a modifier is no party: alone, the sentence names one party and
//! tells no meeting. But one who attends a body's summit meets that body, as one
//! who "joined a meeting of EU foreign ministers" meets the EU.

use super::super::Doc;
use super::super::actors::ActorKind;
use super::decide::Clause;
use super::participants::add;

/// Verbs of attending, as the first word of their phrase ("took part in").
const ATTENDING: &[&str] = &[
    "attended",
    "attend",
    "attends",
    "attending",
    "took",
    "take",
    "takes",
    "taking",
    "participated",
    "participate",
    "participates",
    "addressed",
    "address",
    "addresses",
];

/// Nouns of a meeting a body holds.
const GATHERINGS: &[&str] = &[
    "summit",
    "meeting",
    "ministerial",
    "conference",
    "session",
    "summits",
    "meetings",
];

/// Adds the body whose summit or meeting the clause's subject attends (see the
/// module's doc), when the clause names someone besides it.
pub fn body_attended(doc: &Doc, i: usize, clause: &Clause, names: &mut Vec<String>) {
    let (words, left) = (clause.words, clause.left);
    let cue = clause.first();
    if names.is_empty() || !words.key_at(cue).is_some_and(|w| GATHERINGS.contains(&w)) {
        return;
    }
    let Some(verb) = (left..cue)
        .rev()
        .find(|&k| ATTENDING.contains(&words.key(k)))
    else {
        return;
    };
    // "took part in", not "took office".
    let phrasal = matches!(words.key(verb), "took" | "take" | "takes" | "taking");
    if phrasal && words.key_at(verb + 1) != Some("part") {
        return;
    }
    // The body's name stands before the noun, with at most its members'
    // description between ("the ASEAN foreign ministers' meeting").
    let body = doc.mentions[i]
        .iter()
        .find(|m| m.kind == ActorKind::Org && m.first > verb && m.last <= cue && cue - m.last <= 3);
    if let Some(b) = body {
        add(&b.name, names);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::met;

    /// Class: one who attends a body's summit or meeting meets that body.
    #[test]
    fn attending_a_bodys_summit_meets_the_body() {
        let v = met("President Ana Veld attended the NATO summit in Vilnius on Tuesday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "NATO"]);
        let v = met("Ana Veld took part in the ASEAN foreign ministers' meeting in Jakarta.");
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec!["Ana Veld".into(), "ASEAN".into()]),
            "{v:?}"
        );
        // A summit someone only comments on is not attended.
        assert!(met("Ana Veld criticised the NATO summit in Vilnius on Tuesday.").is_empty());
    }
}
