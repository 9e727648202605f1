//! A meeting told as what someone said, agreed or offered: "Chile and Bolivia
//! agreed on Tuesday to resume talks", "Veld said on Monday she would meet Lund",
//! "On Tuesday, the two agreed to meet again", "Lund invited Veld on Monday to
//! visit Lima". The verb that governs the meeting has its own time: the day
//! before the meeting's cue is when it was said, agreed or offered, not when the
//! meeting is or was, and a commitment or an offer to meet puts the meeting ahead
//! whatever the tense of the verb that makes it.

use super::super::dates;
use super::super::lexicon::LEXICON;
use super::super::words::Words;
use crate::model::MeetingStatus;

/// What the governing verb does to the meeting it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governs {
    /// "agreed", "decided", "pledged": the meeting is to come.
    Commitment,
    /// "offered", "invited", "proposed": the meeting is an offer.
    Offer,
    /// "said", "told", "announced": only the telling is dated.
    Telling,
}

/// A verb of saying, deciding or offering before the cue: what it does to the
/// meeting, and the first word after its own time phrase (where what it
/// governs begins).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Governor {
    pub after: usize,
    pub governs: Governs,
}

fn governs(key: &str) -> Option<Governs> {
    match key {
        "agreed" | "agree" | "agrees" | "decided" | "decide" | "decides" | "pledged"
        | "promised" | "vowed" | "resolved" => Some(Governs::Commitment),
        "offered" | "offers" | "invited" | "invites" | "proposed" | "proposes" | "suggested"
        | "urged" | "asked" => Some(Governs::Offer),
        k if LEXICON.reported_that.contains(k) => Some(Governs::Telling),
        _ => None,
    }
}

/// Verbs that take a person before their time phrase: "told reporters on
/// Tuesday", "invited Lund on Monday to visit".
fn takes_an_object(key: &str) -> bool {
    matches!(
        key,
        "told" | "tells" | "invited" | "invites" | "urged" | "asked" | "assured" | "informed"
    )
}

/// A word of a time phrase that may stand between a verb and what it governs:
/// "on Tuesday", "last week", "in principle", "on March 3", "late on Monday".
fn time_word(word: &str, key: &str) -> bool {
    matches!(
        key,
        "on" | "in"
            | "last"
            | "this"
            | "earlier"
            | "late"
            | "early"
            | "yesterday"
            | "today"
            | "tonight"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "principle"
            | "weekend"
    ) || (dates::month(word).is_some() && word.starts_with(char::is_uppercase))
        || dates::weekday_name(word)
        || word.chars().all(|c| c.is_ascii_digit())
}

/// The time phrase starting at `k`, if any: where it ends.
fn time_phrase(words: Words, k: usize, end: usize) -> Option<usize> {
    let stop = (k..end)
        .find(|&x| !time_word(words[x], words.key(x)))
        .unwrap_or(end);
    // one word of time alone is a time ("yesterday"), a preposition alone is not
    let told = stop > k && !(stop == k + 1 && matches!(words.key(k), "on" | "in" | "this"));
    told.then_some(stop)
}

/// The last verb of saying, deciding or offering between `left` and the cue
/// that governs it: no comma or relative pronoun stands between what it
/// governs and the cue ("X, who said on Monday …, met Y"). What it governs
/// begins after its time phrase, if it has one (for "told" or "invited", after
/// whom it addressed: "told reporters on Tuesday that").
pub fn governor(words: Words, left: usize, cue: usize) -> Option<Governor> {
    let verb = (left..cue)
        .rev()
        .find(|&k| governs(words.key(k)).is_some())?;
    let governs = governs(words.key(verb))?;
    let after = time_phrase(words, verb + 1, cue)
        .or_else(|| {
            if !takes_an_object(words.key(verb)) {
                return None;
            }
            (verb + 2..(verb + 5).min(cue)).find_map(|k| time_phrase(words, k, cue))
        })
        .unwrap_or(verb + 1);
    let direct = (after..cue).all(|k| !matches!(words.key(k), "," | "who" | "which" | ";"));
    direct.then_some(Governor { after, governs })
}

/// Where the meeting's own date may start: after the time phrase of the verb
/// that governs it, for before that stands when it was said or agreed ("On
/// Tuesday, the two agreed to meet again" gives no date).
pub fn own_time_from(words: Words, left: usize, cue: usize) -> usize {
    governor(words, left, cue).map_or(left, |g| g.after)
}

/// "agreed on Tuesday to resume talks", "offered last week to host the talks":
/// the status a committing or offering verb gives the meeting of its infinitive.
pub fn status_of_infinitive(words: Words, left: usize, cue: usize) -> Option<MeetingStatus> {
    let g = governor(words, left, cue)?;
    if words.key_at(g.after) != Some("to") || cue > g.after + 2 {
        return None;
    }
    match g.governs {
        Governs::Commitment => Some(MeetingStatus::Planned),
        Governs::Offer => Some(MeetingStatus::Proposed),
        Governs::Telling => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{d, met};
    use crate::model::MeetingStatus::{Held, Planned, Proposed};

    /// Class: the day of a verb of saying, agreeing or offering dates the
    /// telling, not the meeting it governs; a day after the cue still dates it.
    /// (Published Wednesday 2030-06-12.)
    #[test]
    fn the_day_something_was_said_or_agreed_is_not_the_meeting_s() {
        for text in [
            "Ana Veld said on Tuesday she would meet Per Lund.",
            "Ana Veld agreed on Tuesday to meet Per Lund in Lima.",
            "On Tuesday, Ana Veld and Per Lund agreed to meet again.",
            "Chile and Peru on Tuesday agreed to a new round of talks.",
            "Ana Veld invited Per Lund on Tuesday to visit Lima.",
            "Ana Veld told reporters on Tuesday that she would meet Per Lund in Lima.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].2, None, "{text}: {v:?}");
        }
        let v = met("Ana Veld said on Tuesday she would meet Per Lund on Friday.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-06-14")), "{v:?}");
        // no verb of telling between: the day is the meeting's
        let v = met("On Tuesday, Ana Veld met Per Lund in Lima.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-06-11")), "{v:?}");
        let v =
            met("Ana Veld, who said on Monday the border must reopen, met Per Lund on Tuesday.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-06-11")), "{v:?}");
    }

    /// Class: a commitment or an offer to hold talks is a meeting to come,
    /// whatever the tense of the verb that makes it and whatever time phrase
    /// stands between ("decided last week to resume negotiations").
    #[test]
    fn a_commitment_or_offer_to_talk_is_not_a_meeting_held() {
        for (text, status) in [
            (
                "Chile and Bolivia agreed on Tuesday to resume talks on the sea.",
                Planned,
            ),
            ("Chile and Bolivia decided to resume negotiations.", Planned),
            (
                "Chile and Bolivia decided last week to resume negotiations.",
                Planned,
            ),
            (
                "Ana Veld offered on Monday to host talks between Chile and Peru.",
                Proposed,
            ),
        ] {
            let v = met(text);
            assert_eq!(v.first().map(|m| m.1), Some(status), "{text}: {v:?}");
        }
        // what was done, not decided: held
        let v = met("Chile and Bolivia on Tuesday resumed negotiations in Lima.");
        assert_eq!(v.first().map(|m| m.1), Some(Held), "{v:?}");
    }
}
