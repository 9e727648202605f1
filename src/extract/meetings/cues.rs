//! Where a sentence's meeting cues stand, grouped by clause, and how far the
//! clause of a cue reaches to the right (time adverbs, a purpose, a trailing
//! attribution and another "with" end it).

use crate::model::MeetingKind;

use super::super::lexicon::{LEXICON, MeetingCue, phrase_at, starts};
use super::super::tokens::is_capitalised;
use super::super::words::Words;
use super::boundaries::is_boundary;
use super::status::no_meeting;

/// Cues of a sentence grouped by clause: (position, length, cue).
pub(super) fn find_cues(words: Words) -> Vec<Vec<(usize, usize, &'static MeetingCue)>> {
    let mut groups: Vec<Vec<(usize, usize, &'static MeetingCue)>> = Vec::new();
    let mut k = 0;
    let mut boundary_since_last = true;
    let mut purpose_since_last = false;
    while k < words.len() {
        let lw = words.key(k);
        if is_boundary(words, k) {
            boundary_since_last = true;
        }
        purpose_since_last |= purpose_at(words, k);
        let cues = if words.starts(k, starts::MEETING) {
            LEXICON.meeting_first.get(lw)
        } else {
            None
        };
        let direct = cues
            .and_then(|c| {
                c.iter()
                    .map(|&n| &LEXICON.meeting[n])
                    .find(|c| phrase_at(words, k, &c.words))
            })
            .map(|c| (c.words.len(), c));
        // "spoke yesterday with", "spoke on Saturday by phone": a time adverb
        // between a verb of speaking and the rest of its cue, which wins over
        // the verb alone ("X and Y spoke on Monday").
        let split = || {
            if !SPLIT_VERBS.contains(&lw) {
                return None;
            }
            let j = adverbs_after(words, k + 1);
            if j == k + 1 {
                return None;
            }
            cues?.iter().map(|&n| &LEXICON.meeting[n]).find_map(|c| {
                (c.words.len() > 1 && phrase_at(words, j, &c.words[1..]))
                    .then(|| (j - k + c.words.len() - 1, c))
            })
        };
        let found = match direct {
            Some((1, _)) => split().or(direct),
            _ => direct.or_else(split),
        };
        match found {
            Some((len, c)) if !no_meeting(words, k) => {
                // "spoke with X to coordinate efforts, including talks between
                // A and B": talks with their own parties, inside a purpose, are
                // another event than the one the purpose is of.
                let apart = (purpose_since_last && own_between(words, k, len, c))
                    || another_means(words, groups.last(), k, c);
                // "called X on Monday to discuss the summit": a meeting noun in
                // the purpose of a meeting verb is what they discussed.
                if !boundary_since_last
                    && !apart
                    && purpose_since_last
                    && topic_of_the_purpose(groups.last(), c)
                {
                    k += len;
                    continue;
                }
                if boundary_since_last || apart || groups.is_empty() {
                    groups.push(Vec::new());
                }
                if let Some(g) = groups.last_mut() {
                    g.push((k, len, c));
                }
                boundary_since_last = false;
                purpose_since_last = false;
                k += len;
            }
            _ => k += 1,
        }
    }
    groups
}

/// "spoke with X by phone on Monday and met him in Oslo on Wednesday": a verb of
/// meeting by other means than the cue before it, joined by "and", tells a
/// second event ("met X and held talks on trade" is one).
fn another_means(
    words: Words,
    group: Option<&Vec<(usize, usize, &'static MeetingCue)>>,
    k: usize,
    c: &MeetingCue,
) -> bool {
    let Some(&(at, len, before)) = group.and_then(|g| g.last()) else {
        return false;
    };
    let definite = |kind: MeetingKind| kind != MeetingKind::Unknown;
    definite(before.kind)
        && definite(c.kind)
        && before.kind != c.kind
        && c.past_status.is_some()
        && (at + len..k).any(|j| words.key(j) == "and")
}

/// Whether the cue `c` is a meeting noun after a verb of meeting of the group
/// before it, whose purpose names it ("met X to prepare the summit").
fn topic_of_the_purpose(
    group: Option<&Vec<(usize, usize, &'static MeetingCue)>>,
    c: &MeetingCue,
) -> bool {
    let noun = c.past_status.is_none() && !c.words.iter().any(|w| w.ends_with("ing"));
    let verb_before = group.is_some_and(|g| g.iter().any(|b| b.2.past_status.is_some()));
    noun && verb_before
}

/// Whether the cue at `k` is a meeting noun followed by its own "between"
/// ("talks in Lima between A and B"): it names its parties itself.
pub(super) fn own_between(words: Words, k: usize, len: usize, c: &MeetingCue) -> bool {
    let noun = c.past_status.is_none() && !words.key(k).ends_with("ing");
    let end = k + len;
    noun && (end..(end + 5).min(words.len()))
        .take_while(|&j| !matches!(words[j], "," | ";" | "(" | ")"))
        .any(|j| words.key(j) == "between")
}

/// Verbs whose cue may be interrupted by a time adverb ("spoke yesterday with").
pub(super) const SPLIT_VERBS: &[&str] = &["spoke", "spoken", "speak", "speaks", "speaking"];

/// Time words that may stand inside a cue.
pub(super) const TIME_ADVERBS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "again",
    "also",
    "then",
    "first",
    "on",
    "this",
    "last",
    "late",
    "early",
    "morning",
    "afternoon",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The first word at or after `from` that is not a time adverb ("briefly",
/// "yesterday", "on Monday morning"), at most four words on.
pub(super) fn adverbs_after(words: Words, from: usize) -> usize {
    let mut j = from;
    while j < words.len() && j < from + 4 {
        let w = words.key(j);
        if TIME_ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly")) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Purpose clauses after a cue ("hosted X at the White House to reinforce the
/// partnership between A and B") tell why they met, not who met. The "to" of a
/// schedule ("talks are due to open in Oslo on Thursday", "set to resume",
/// "expected to begin") is no purpose: its verb is the meeting's own, and the
/// place and day after it are the meeting's.
pub(super) fn purpose_at(words: Words, k: usize) -> bool {
    let scheduled = k > 0 && SCHEDULED.contains(&words.key(k - 1));
    !scheduled
        && words.key(k) == "to"
        && words.get(k + 1).is_some_and(|n| {
            n.chars().all(|c| c.is_ascii_lowercase())
                && n.len() > 2
                && !matches!(
                    *n,
                    "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
                )
        })
}

/// Words before a "to" that put the meeting on a calendar rather than give a
/// purpose ("due to", "set to", "scheduled to", "slated to").
const SCHEDULED: [&str; 4] = ["due", "set", "scheduled", "slated"];

/// ", and this morning with B" after "spoke by phone last night with A": the
/// same verb goes on with another party, so the clause goes on too.
pub(super) fn another_with(words: Words, k: usize) -> bool {
    if words[k] != "," || words.key_at(k + 1) != Some("and") {
        return false;
    }
    let mut j = k + 2;
    while j < words.len()
        && j < k + 6
        && (TIME_ADVERBS.contains(&words.key(j))
            || matches!(words.key(j), "this" | "on" | "last" | "the"))
    {
        j += 1;
    }
    j > k + 2 && words.key_at(j) == Some("with")
}

/// ", the bloc's spokesperson, Ola Brek, announced on Monday.": the comma at `k`
/// opens the attribution that closes the sentence, or its clause (", Chilean
/// officials said, and …"); the speaker told the event and is no party to it.
pub(super) fn trailing_attribution(words: Words, k: usize) -> bool {
    if words[k] != "," {
        return false;
    }
    let end = (k + 16).min(words.len());
    let Some(verb) = (k + 2..end).find(|&j| LEXICON.reported_that.contains(words.key(j))) else {
        return false;
    };
    // Only the time or the channel of the telling may follow the verb, up to
    // the sentence's end or to a comma that opens the next clause ("…, Chilean
    // officials said, and the two agreed …": the attribution is a parenthesis).
    // The tail is six words at most, so the comma is looked for no further.
    let next_clause = (verb + 1..(verb + 8).min(words.len())).find(|&j| {
        words[j] == ","
            && matches!(
                words.key_at(j + 1),
                Some("and" | "but" | "although" | "though" | "while" | "as")
            )
    });
    let tail = verb + 1..next_clause.unwrap_or(words.len());
    tail.len() <= 6
        && tail.into_iter().all(|j| {
            let w = words.key(j);
            TIME_ADVERBS.contains(&w)
                || matches!(w, "." | "," | "on" | "in" | "a" | "statement" | "reporters")
        })
}

/// "X told Y during a phone call that …", "X assured Y in a call": the cue is an
/// adverbial of the telling, so the verb of saying opens no clause between the
/// teller and the cue (as it does before the content: "X said that A met B").
pub(super) fn told_during(words: Words, k: usize, first: usize) -> bool {
    LEXICON.reported_that.contains(words.key(k))
        && !is_capitalised(words[k])
        && (k + 1..first).all(|j| !matches!(words.key(j), "that" | "," | "and"))
        && (first.saturating_sub(4).max(k + 1)..first)
            .any(|j| matches!(words.key(j), "during" | "in" | "at" | "on" | "over"))
}

/// "X spoke with Y and reaffirmed the U.S. commitment to Tunisia", "met Y and
/// welcomed Z's release": "and" before a verb of saying or of a speech act
/// opens a second predicate of the subject; what it names is what was said,
/// not who met.
fn then_said(words: Words, k: usize) -> bool {
    words.key(k) == "and"
        && words.get(k + 1).is_some_and(|v| !is_capitalised(v))
        && words.key_at(k + 1).is_some_and(|v| {
            LEXICON.speech.contains(v)
                || LEXICON.acts.contains(v)
                || LEXICON.reported_that.contains(v)
                || LEXICON.reported_more.contains(v)
        })
}

/// Where the clause of a cue ends, looking right from `from`: at a boundary, but
/// past a parenthetical relative clause ("The round, which began on Monday, was
/// led by …").
pub(super) fn right_edge(words: Words, from: usize, limit: usize) -> usize {
    let mut k = from;
    while k < limit {
        let w = words.key(k);
        if matches!(w, "which" | "who") && k > 0 && words[k - 1] == "," {
            match (k + 1..limit).find(|&j| words[j] == ",") {
                Some(c) => {
                    k = c + 1;
                    continue;
                }
                None => return k,
            }
        }
        if ((is_boundary(words, k) && !LEXICON.reported_that.contains(w))
            || purpose_at(words, k)
            || trailing_attribution(words, k)
            || then_said(words, k))
            && !another_with(words, k)
        {
            return k;
        }
        k += 1;
    }
    limit
}
