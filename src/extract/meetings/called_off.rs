//! A meeting to come that a later sentence calls off by pointing back at it.
//!
//! News copy tells a plan and then its fate: "Ana Veld and Per Lund were due to
//! meet in Lima on Friday. The meeting was cancelled after the border clash."
//! The second sentence names no one, so no meeting is read from it; but it
//! changes what the reader must be told about the first. A sentence whose subject
//! is "the meeting" (or "the talks", "the summit", "the visit", "the trip", "the
//! call") and whose verb calls it off ("was cancelled", "has been postponed",
//! "was called off", "did not take place") calls off the meeting to come told in
//! the sentence or two before it. One put off to a day the sentence names
//! ("postponed until May 3") is still to come.

use crate::model::{Meeting, MeetingStatus};

use super::super::Doc;
use super::super::dates;
use super::super::lexicon::LEXICON;
use super::super::words::Words;

/// Nouns by which a sentence points back at a meeting just told.
const MEETING_REFERENCES: &[&str] = &[
    "meeting", "meetings", "talks", "summit", "visit", "trip", "call", "session", "round",
];

/// How many sentences back the meeting pointed at may have been told.
const BACK: usize = 2;

/// Calls off each meeting to come that a later sentence calls off (see the
/// module's doc). `decided` holds each meeting with its sentence.
pub fn called_off_after(doc: &Doc, decided: &mut [(Meeting, bool, usize)]) {
    for j in 0..doc.sentences.len() {
        if decided.iter().any(|(_, _, i)| *i == j) {
            continue;
        }
        let words = doc.words(j);
        let Some(noun) = pointed_back(words) else {
            continue;
        };
        let Some((verb, len)) = LEXICON.cancelled.find(words, noun + 1..noun + 8) else {
            continue;
        };
        if put_off_to_a_day(doc, words, verb + len) {
            continue;
        }
        let told = decided.iter_mut().rev().find(|(m, _, i)| {
            *i < j
                && *i + BACK >= j
                && matches!(m.status, MeetingStatus::Planned | MeetingStatus::Proposed)
        });
        if let Some((m, _, _)) = told {
            m.status = MeetingStatus::Cancelled;
        }
    }
}

/// Where "the meeting" (or another meeting noun after "the", "that" or "this")
/// stands as the sentence's subject: among its first words ("But the talks…",
/// "However, the visit…").
fn pointed_back(words: Words) -> Option<usize> {
    (0..words.len().min(5)).find_map(|k| {
        let noun = k + 1;
        (matches!(words.key(k), "the" | "that" | "this")
            && words
                .key_at(noun)
                .is_some_and(|n| MEETING_REFERENCES.contains(&n)))
        .then_some(noun)
    })
}

/// "postponed until May 3", "put off to next week": a day after the verb that
/// ends at `from` keeps the meeting to come.
fn put_off_to_a_day(doc: &Doc, words: Words, from: usize) -> bool {
    (from..words.len().min(from + 3)).any(|k| {
        matches!(words.key(k), "until" | "till" | "to")
            && dates::find(&words.raw()[k + 1..], doc.published, true).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::met;
    use crate::model::MeetingStatus;

    /// Class: a sentence that calls off "the meeting", "the talks" or "the
    /// visit" without naming anyone calls off the meeting to come just told.
    #[test]
    fn the_meeting_called_off_after_it_was_told() {
        for fate in [
            "The meeting was cancelled after the border clash.",
            "But the talks were called off on Thursday.",
            "However, the visit has been postponed.",
        ] {
            let v = met(&format!(
                "Ana Veld and Per Lund were due to meet in Lima on Friday. {fate}"
            ));
            assert_eq!(v.len(), 1, "{v:?}");
            assert_eq!(v[0].1, MeetingStatus::Cancelled, "{fate}");
        }
        // Put off to a day it names, it is still to come.
        let v = met(
            "Ana Veld and Per Lund were due to meet in Lima on Friday. The meeting was \
             postponed until July 3.",
        );
        assert_eq!(
            v.first().map(|m| m.1),
            Some(MeetingStatus::Planned),
            "{v:?}"
        );
        // A meeting that took place is not called off by another's fate.
        let v = met("Ana Veld met Per Lund in Lima on Monday. The summit was cancelled.");
        assert_eq!(v.first().map(|m| m.1), Some(MeetingStatus::Held), "{v:?}");
    }
}
