//! When an action is due: the time phrase after it ("by the end of May", "within
//! 60 days", "before the two meet again"), told apart from what only looks like
//! one ("by Norway", "by radio links", "this Administration"), and left out of
//! the action's description.

use crate::model::Due;

use super::super::Doc;
use super::super::clauses::relative_opener;
use super::super::dates;
use super::super::lexicon::LEXICON;
use super::super::words::Words;

/// The words of an action's description without its due phrase: up to where the
/// due phrase begins, or after it when it comes first ("decide | this week | on
/// the request").
pub(super) fn before_due<'d, 'a>(doc: &Doc, words: Words<'d, 'a>) -> (Words<'d, 'a>, Option<Due>) {
    match due_at(doc, words) {
        Some((0, end, d)) => (words.from(end), Some(d)),
        // "to produce, in the coming weeks, a list of steps": a due phrase set off
        // by commas between the verb and its object.
        Some((1, end, d)) if words.get(0) == Some(&",") && words.get(end) == Some(&",") => {
            (words.from(end + 1), Some(d))
        }
        Some((pos, _, d)) => (words.slice(0..pos), Some(d)),
        None => (words, None),
    }
}

/// Where the clause of an action that starts at `from` ends for its due
/// phrase: at a comma before an attribution ("will resume talks, the ministry
/// said on Tuesday"), or at the comma closing the relative clause the action is
/// told in ("X, who said the border must reopen, met Y on Tuesday"). The time
/// of the telling, or of the main clause's event, is no deadline.
pub(super) fn action_clause_end(words: Words, from: usize) -> usize {
    let attribution = |k: usize| {
        (k + 1..(k + 6).min(words.len()))
            .take_while(|&j| words[j] != ",")
            .any(|j| LEXICON.reported_that.contains(words.key(j)))
    };
    let in_relative = from > 0 && relative_opener(words, from - 1).is_some();
    (from..words.len())
        .find(|&k| words[k] == "," && (in_relative || attribution(k)))
        .unwrap_or(words.len())
}

/// The due phrase after the action, and its date where it names one.
pub(super) fn due(doc: &Doc, words: Words) -> Option<Due> {
    due_at(doc, words).map(|(_, _, d)| d)
}

/// Nouns that make a "by" phrase a deadline even without a calendar date ("by the
/// time the talks resume", "by the end of the session").
const TIME_NOUNS: &[&str] = &[
    "end",
    "middle",
    "start",
    "beginning",
    "close",
    "time",
    "deadline",
    "then",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "evening",
    "night",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "session",
    "summit",
];

/// Seasons, parts of a year and events a deadline may be set by ("by spring",
/// "this quarter", "by the next round").
const OTHER_TIMES: &[&str] = &[
    "spring", "summer", "autumn", "fall", "winter", "round", "meeting", "quarter", "half",
];

/// Whether an article at `j` opens the object after a complete time phrase ("by
/// March 10 | a list of the members", "within 15 days | a decree"): it follows a
/// number or a plural unit, where no time phrase goes on.
fn object_after_time(words: Words, j: usize) -> bool {
    matches!(words.key(j), "a" | "an" | "the")
        && j > 0
        && (words[j - 1].starts_with(|c: char| c.is_ascii_digit())
            || matches!(words.key(j - 1), "days" | "weeks" | "months" | "years"))
}

/// The due phrase and where in `words` it starts and ends, so the description of
/// the action can leave it out ("provide a response | before the two meet again").
fn due_at(doc: &Doc, words: Words) -> Option<(usize, usize, Due)> {
    const OPENERS: &[&str] = &[
        "by", "before", "within", "until", "next", "this", "later", "in", "on", "tomorrow", "today",
    ];
    // Openers of a clause ("before the two meet again") keep their "and".
    const CLAUSAL: &[&str] = &["before", "until"];
    // Words that end a time phrase: what follows is the action's object or another
    // clause ("this week | on a request", "by the end of May | and").
    const STOPS: &[&str] = &[
        "on",
        "to",
        "for",
        "at",
        "with",
        "over",
        "whether",
        "and",
        "that",
        "after",
        "so",
        "as",
        "if",
        "while",
        "targeting",
        "against",
    ];
    let opens = |j: usize| {
        let w = words.key(j);
        (OPENERS.contains(&w) && !matches!(words[j], "in" | "on"))
            || (matches!(words[j], "in" | "on")
                && words.key_at(j + 1).is_some_and(|n| {
                    // "in the coming weeks", not "on the Geneva invitation" nor
                    // "on the bill | next week" (a time phrase of its own follows).
                    (n == "the"
                        && (j + 2..words.len().min(j + 5))
                            .take_while(|&x| !OPENERS.contains(&words.key(x)))
                            .any(|x| TIME_NOUNS.contains(&words.key(x))))
                        || dates::starts(&words[j + 1..], doc.published, true)
                }))
            || dates::in_period(&words[j..], doc.published).is_some()
    };
    let mut from = 0;
    while let Some(pos) = (from..words.len()).find(|&j| opens(j)) {
        let clause_end = (pos..words.len())
            .find(|&j| matches!(words[j], "," | "." | ";"))
            .unwrap_or(words.len())
            .min(pos + 7);
        let clausal = CLAUSAL.contains(&words.key(pos));
        let end = (pos + 2..clause_end)
            .find(|&j| {
                let w = words.key(j);
                (STOPS.contains(&w) && !(clausal && w == "and")) || object_after_time(words, j)
            })
            .unwrap_or(clause_end);
        let phrase = &words[pos..end];
        let date = dates::end_of(phrase, doc.published)
            .or_else(|| dates::in_period(phrase, doc.published))
            .or_else(|| dates::span_end(phrase, doc.published))
            .or_else(|| dates::part_of_month(phrase, doc.published))
            .or_else(|| dates::find(phrase, doc.published, true).map(|d| d.0));
        if no_deadline(doc, words, pos, end, date) {
            from = pos + 1;
            continue;
        }
        // "within 30 days, by March 16": a day that restates the period is the
        // due's day.
        let (end, date) = restated_day(doc, words, end).map_or((end, date), |(e, d)| (e, Some(d)));
        return Some((
            pos,
            end,
            Due {
                text: words[pos..end].join(" ").replace(" , ", ", "),
                date,
            },
        ));
    }
    None
}

/// ", by March 16" right after a due phrase ending at `end`: where it ends, and
/// the day it names.
fn restated_day(doc: &Doc, words: Words, end: usize) -> Option<(usize, chrono::NaiveDate)> {
    if words.get(end) != Some(&",")
        || !matches!(words.key_at(end + 1), Some("by" | "on" | "before"))
    {
        return None;
    }
    let stop = (end + 2..words.len().min(end + 6))
        .find(|&j| matches!(words[j], "," | "." | ";"))
        .unwrap_or(words.len().min(end + 6));
    let (day, at) = dates::find(&words[end + 2..stop], doc.published, true)?;
    (at == 0).then_some((stop, day))
}

/// Whether the phrase `pos..end` opened by "by", "this" or "next" names no time:
/// "by Hamas", "by Norway by the end of June" (a name right after "by" is its
/// agent), "by the military-led governments of Mali", "this Administration" (no
/// date, time word or number).
fn no_deadline(
    doc: &Doc,
    words: Words,
    pos: usize,
    end: usize,
    date: Option<chrono::NaiveDate>,
) -> bool {
    let timeless = matches!(words.key(pos), "by" | "this" | "next")
        && date.is_none()
        && !has_time_word(words, pos + 1..end);
    // "release its next report before the end of the month": "next" and "this"
    // name a time only with a time word right after them ("next week", "this
    // spring"); "its next report" is a thing.
    let a_thing = matches!(words.key(pos), "this" | "next")
        && !has_time_word(words, pos + 1..(pos + 2).min(end))
        && dates::find(&words[pos + 1..(pos + 2).min(end)], doc.published, true).is_none();
    let agent = words.key(pos) == "by"
        && words.get(pos + 1).is_some_and(|n| {
            n.chars().next().is_some_and(char::is_uppercase)
                && !TIME_NOUNS.contains(&words.key(pos + 1))
                && dates::find(&words[pos + 1..pos + 2], doc.published, true).is_none()
                && dates::end_of(&words[pos..pos + 2], doc.published).is_none()
        });
    timeless || a_thing || agent || means_before_time(doc, words, pos, end)
}

/// Whether the words of `range` hold a time word or a number ("the end",
/// "spring", "15").
fn has_time_word(words: Words, range: std::ops::Range<usize>) -> bool {
    range.into_iter().any(|j| {
        TIME_NOUNS.contains(&words.key(j))
            || OTHER_TIMES.contains(&words.key(j))
            || words[j].starts_with(|c: char| c.is_ascii_digit())
    })
}

/// "connected by radio links within ten days", "linked by telephone hotlines by
/// the end of the week": a "by" phrase naming a means runs into the time phrase
/// after it, and only that time phrase is the deadline. A means is a "by" phrase
/// with no date, time word or number before the next "by", "within", "before" or
/// "until".
fn means_before_time(doc: &Doc, words: Words, pos: usize, end: usize) -> bool {
    if words.key(pos) != "by" {
        return false;
    }
    let Some(time) =
        (pos + 2..end).find(|&j| matches!(words.key(j), "by" | "within" | "before" | "until"))
    else {
        return false;
    };
    let means = &words[pos + 1..time];
    !has_time_word(words, pos + 1..time)
        && dates::find(means, doc.published, true).is_none()
        && dates::in_period(means, doc.published).is_none()
}
