//! Where one event's clause ends: at words that start another event ("said",
//! "while", ", and" before a new subject), and where it goes on through lists of
//! names and titles (", and Minister X", "— A, B and C —") and demonstratives
//! ("held that session").

use super::super::actors::has_joiner;
use super::super::clauses::relative_opener;
use super::super::lexicon::{LEXICON, starts};
use super::super::tokens::is_capitalised;
use super::super::words::Words;

/// Words that close one event's clause and open another's.
/// "about", "regarding" and "concerning" open the topic of talks, "according" their
/// source: neither names a party.
const BOUNDARIES: &[&str] = &[
    ";",
    "after",
    "before",
    "when",
    "while",
    "where",
    "since",
    "but",
    "although",
    "that",
    "who",
    "which",
    "—",
    "about",
    "regarding",
    "concerning",
    "according",
];

/// Nouns of time a demonstrative "that" may stand before.
const TIME_UNITS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "time",
];

/// Nouns of a meeting a demonstrative "that" may stand before ("A and B held
/// that session", "at that summit").
const EVENT_NOUNS: &[&str] = &[
    "meeting",
    "meetings",
    "session",
    "summit",
    "call",
    "visit",
    "round",
    "conversation",
    "encounter",
    "conference",
    "gathering",
    "dinner",
    "trip",
];

/// "hosted his counterparts — A, B and C — at the State Department": a dash that
/// opens or closes a list of names set off by a pair of dashes names the people
/// of the words before it; no clause begins there.
fn dashed_names(words: Words, k: usize) -> bool {
    if words[k] != "—" {
        return false;
    }
    let in_list = |j: usize| {
        let w = words[j];
        is_capitalised(w) || matches!(w, "," | "and" | "." | "-")
    };
    let closes = |from: usize| (from..words.len()).take_while(|&j| in_list(j)).last();
    let closing = |j: usize| words.get(j) == Some(&"—");
    // Opening: names follow and another dash closes them.
    let opens = closes(k + 1).is_some_and(|last| closing(last + 1) && last > k + 1);
    // Closing: names precede, back to an opening dash.
    let mut j = k;
    while j > 0 && in_list(j - 1) {
        j -= 1;
    }
    opens || (j + 1 < k && j > 0 && words[j - 1] == "—")
}

/// Whether word `k` ends one event's clause: a boundary word, ", and", or a verb
/// of saying (what follows is what was said, not who said it).
pub fn is_boundary(words: Words, k: usize) -> bool {
    let w = words.key(k);
    // "in April of that year", "later that day", "held that session": a
    // demonstrative, no clause.
    let that_time = w == "that"
        && words
            .key_at(k + 1)
            .is_some_and(|n| TIME_UNITS.contains(&n) || EVENT_NOUNS.contains(&n));
    (BOUNDARIES.contains(&w) && !that_time && !dashed_names(words, k))
        || (words[k] == ","
            && words
                .get(k + 1)
                .is_some_and(|n| matches!(*n, "and" | "but"))
            && !appositive_list(words, k)
            && !appositive_objects(words, k)
            && !repeated_preposition(words, k)
            && !last_of_a_list(words, k)
            && !subject_list(words, k)
            && !list_of_compounds(words, k))
        || (words.starts(k, starts::REPORTED) && LEXICON.reported_that.contains(w))
        || future_predicate(words, k)
        || sequel_predicate(words, k)
        || attribution_colon(words, k)
}

/// "The following is attributed to Spokesperson Ana Veld: Deputy Secretary Per
/// Lund met …": the colon after an attribution opens what is attributed; the
/// spokesperson before it tells the meeting and is no party to it.
fn attribution_colon(words: Words, k: usize) -> bool {
    words[k] == ":" && (k.saturating_sub(8)..k).any(|j| words.key(j) == "attributed")
}

/// "held talks with A on Monday and later sat down with B", "met A, then called
/// B": "and" before an adverb of sequence, or ", then", opens a second predicate
/// of the same subject, a meeting of its own; B did not meet A.
fn sequel_predicate(words: Words, k: usize) -> bool {
    let and_later = words.key(k) == "and"
        && words
            .key_at(k + 1)
            .is_some_and(|n| matches!(n, "later" | "then" | "afterwards" | "subsequently"));
    // ", then held a call with B": a lower-case predicate follows.
    let comma_then = words[k] == ","
        && words.get(k + 1) == Some(&"then")
        && words
            .get(k + 2)
            .is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
    and_later || comma_then
}

/// "met in Rome on Saturday and agreed to meet again next week": "and" opening a
/// second predicate that looks ahead starts another event, told by the same
/// subject.
pub fn future_predicate(words: Words, k: usize) -> bool {
    words.key(k) == "and"
        && words.key_at(k + 1).is_some_and(|n| {
            matches!(n, "will" | "would" | "shall")
                || (matches!(
                    n,
                    "agreed"
                        | "plan"
                        | "plans"
                        | "planned"
                        | "hope"
                        | "hoped"
                        | "promised"
                        | "pledged"
                        | "decided"
                        | "intend"
                        | "intends"
                        | "expect"
                        | "expects"
                ) && words.key_at(k + 2) == Some("to"))
        })
}

/// "Adviser A of Chile, Adviser B of Peru, and Adviser C of Bolivia gathered in
/// Lima", "Per Lund, the Swedish foreign minister, and Ana Veld, his Norwegian
/// counterpart, met": ", and" before the last of a list of names that opens the
/// sentence (each name ending before its comma, or an office set off after it),
/// before any meeting cue, goes on with the list of those who meet. After a cue
/// (", and C met D") it opens another event.
fn subject_list(words: Words, k: usize) -> bool {
    let item = k + 2 + usize::from(words.key_at(k + 2) == Some("the"));
    let cue_at = |j: usize| words.starts(j, starts::MEETING);
    let name_before = k > 0 && is_capitalised(words[k - 1]) && (0..k).any(|j| words[j] == ",");
    words.key_at(k + 1) == Some("and")
        && words.get(item).is_some_and(|w| is_capitalised(w))
        && (name_before || office_set_off(words, k))
        && !(0..k).any(cue_at)
        && (item..words.len()).any(cue_at)
}

/// Whether the comma at `k` closes an office set off after a name ("Per Lund,
/// the Swedish foreign minister,").
fn office_set_off(words: Words, k: usize) -> bool {
    (k.saturating_sub(8)..k)
        .rev()
        .find(|&j| words[j] == ",")
        .is_some_and(|open| {
            open > 0
                && is_capitalised(words[open - 1])
                && (open + 1..k).any(|j| LEXICON.titles.contains(words.key(j)))
        })
}

/// "…, Minister of Foreign Affairs of Mali Abdoulaye Diop, and Minister of Foreign
/// Affairs of Niger Bakary Yaou Sangaré.": ", and" before the last item of a list
/// of offices and names that closes the sentence goes on with the list.
/// Only the place and time may follow the last item ("…, and the United Kingdom
/// at the White House today"), up to the end of the sentence or of its clause.
fn last_of_a_list(words: Words, k: usize) -> bool {
    let item = k + 2 + usize::from(words.key_at(k + 2) == Some("the"));
    words.key_at(k + 1) == Some("and")
        && words.get(item).is_some_and(|w| is_capitalised(w))
        && (item..words.len())
            .take_while(|&j| !matches!(words.key(j), "where" | "which" | "who" | "when" | ";"))
            .all(|j| {
                let w = words[j];
                is_capitalised(w)
                    || w.chars().all(|c| c.is_ascii_digit())
                    || matches!(
                        words.key(j),
                        "of" | "the"
                            | "and"
                            | "for"
                            | "at"
                            | "in"
                            | "on"
                            | "during"
                            | "today"
                            | "yesterday"
                            | ","
                            | "."
                            | "("
                            | ")"
                    )
            })
}

/// "the Japan-Chile, Japan-Peru, and Chile-Peru summits": ", and" between two
/// compounds of names continues a list of the sides of meetings; it opens no
/// clause.
fn list_of_compounds(words: Words, k: usize) -> bool {
    let before = (k.saturating_sub(4)..k)
        .rev()
        .take_while(|&j| is_capitalised(words[j]))
        .any(|j| has_joiner(words[j]));
    let after = (k + 2..(k + 6).min(words.len()))
        .take_while(|&j| is_capitalised(words[j]))
        .any(|j| has_joiner(words[j]));
    before && after
}

/// "delegations led by Norway's negotiator, Ana Veld, and by Per Lund", "talks
/// with the minister, Ana Veld, and with Per Lund": ", and" followed by the
/// preposition that introduced the name before it joins a second phrase of the
/// same kind, no new clause.
fn repeated_preposition(words: Words, k: usize) -> bool {
    if words.key_at(k + 1) != Some("and") {
        return false;
    }
    let Some(p) = words
        .key_at(k + 2)
        .filter(|p| matches!(*p, "by" | "with" | "from"))
    else {
        return false;
    };
    (k.saturating_sub(10)..k).any(|j| words.key(j) == p)
}

/// "met with Ana Veld, Chief Foreign Policy Advisor, and Per Lund, Chief
/// National Security Advisor, to President X": ", and" between names that each
/// carry a title set off by commas goes on with the list, unless what follows
/// the last one tells an event or a saying of its own.
fn appositive_objects(words: Words, k: usize) -> bool {
    let item = k + 2;
    if words.key_at(k + 1) != Some("and") || !words.get(item).is_some_and(|w| is_capitalised(w)) {
        return false;
    }
    let mut e = item;
    while e < words.len() && is_capitalised(words[e]) {
        e += 1;
    }
    let set_off = e - item >= 2 && words.get(e) == Some(&",");
    // The item before is a name set off the same way: ", Name, …, and".
    let name_before = (1..k)
        .rev()
        .find(|&j| words[j] == ",")
        .is_some_and(|j| is_capitalised(words[j - 1]));
    set_off
        && name_before
        && !(e..words.len())
            .any(|j| words.starts(j, starts::REPORTED) || words.starts(j, starts::MEETING))
}

/// "Serbia's prime minister, Ana Veld, and Kosovo's prime minister, Per Lund, …",
/// "the commander of Chile's army, Ana Veld, and the head of Peru's navy, Per
/// Lund, will meet": the comma at `k` closes a name set off by commas and ", and"
/// goes on with another "X's …" or another office set off before its name: a
/// list of people, not a new clause.
fn appositive_list(words: Words, k: usize) -> bool {
    // "X's envoy, A, and its minister, B": a possessive name or determiner.
    let possessive_next = words.get(k + 2).is_some_and(|n| {
        (is_capitalised(n) && (n.ends_with("'s") || n.ends_with("’s")))
            || matches!(*n, "its" | "his" | "her" | "their")
    });
    if !possessive_next && !office_before_name(words, k + 2) {
        return false;
    }
    let mut j = k;
    while j > 0 && k - j < 5 && is_capitalised(words[j - 1]) {
        j -= 1;
    }
    j < k && j > 0 && words[j - 1] == ","
}

/// "the head of Peru's navy, Per Lund, …" from `k`: "the", a lower-case office
/// and its "of …" (no verb, no cue), then a capitalised name set off by commas
/// or closing the sentence.
fn office_before_name(words: Words, k: usize) -> bool {
    if words.key_at(k) != Some("the") || words.get(k + 1).is_none_or(|w| is_capitalised(w)) {
        return false;
    }
    let Some(open) = (k + 1..(k + 9).min(words.len())).find(|&j| words[j] == ",") else {
        return false;
    };
    let plain = (k + 1..open).all(|j| {
        !words.starts(j, starts::MEETING)
            && !words.starts(j, starts::REPORTED)
            && !AUXILIARIES_OF_A_CLAUSE.contains(&words.key(j))
    });
    let name_end = (open + 1..words.len())
        .take_while(|&j| is_capitalised(words[j]))
        .last();
    // The name is set off by a comma or ends the sentence.
    plain
        && name_end.is_some_and(|e| {
            e > open + 1 && words.get(e + 1).is_none_or(|w| matches!(*w, "," | "."))
        })
}

/// Words that make a run of words a clause of its own, not an office's name.
const AUXILIARIES_OF_A_CLAUSE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says",
];

/// "Ana Veld, who said the border must reopen, met Per Lund": a relative clause
/// set off by commas between the subject and its verb. When the clause boundary
/// at `left` lies inside one that closes before the cue at `first`, returns the
/// closing comma (where the cue's own clause goes on) and where "who" stands.
pub fn closed_relative(words: Words, left: usize, first: usize) -> Option<(usize, usize)> {
    // `left` may be the closing comma itself
    let from = left - usize::from(left > 0 && words[left] == ",");
    let who = relative_opener(words, from)?;
    let close = (who + 1..first).find(|&k| words[k] == ",")?;
    (close >= left).then_some((close, who))
}
