//! What is pending and what is reported done.
//!
//! A pending item is an announced action: a future cue ("will", "is to", "is due
//! to", "expected to", "agreed to", "asks X to") followed by an action verb from the
//! lexicon ("provide", "send", "decide"), or a response still awaited ("still waiting
//! for a response", "expires on"). A negated action or one under "if" is not
//! pending. Meetings are left to `meetings`: a planned meeting is not a pending item.
//!
//! An outcome is the same kind of action in the past tense ("handed over the
//! message", "issued their statement") or a refusal ("declined the invitation"): a
//! later article reporting it closes the pending item.

mod candidates;
mod due_phrase;
mod shown;
mod sides;

use crate::model::{ActorName, Outcome, OutcomeKind, Pending};

pub use candidates::Candidate;
use due_phrase::{action_clause_end, before_due, due};
pub use sides::sides_of_the_meeting;

use super::Doc;
use super::clauses::{clause_start, subject_from};
use super::lexicon::{LEXICON, starts};
use super::linear::LinearModel;
use super::tokens::is_capitalised;
use super::words::Words;

/// Cues whose object stands between them and "to" ("asks the envoy to name").
const OBJECT_CUES: &[&str] = &[
    "asks",
    "asked",
    "directed",
    "urged",
    "expect",
    "expects",
    "expected",
    "giving",
    "gives",
    "called",
    "wants",
    "invited",
    "pledged",
    "promised",
    "vowed",
    "agreed",
    "instructs",
    "instructed",
    "commits",
    "requests",
    "requested",
    "tasked",
    "mandated",
    "urges",
    "invites",
    "directs",
    "asking",
    "urging",
];

/// Nouns for meetings: "the talks are due to open" is a meeting, left to `meetings`.
const MEETING_NOUNS: &[&str] = &[
    "talks",
    "meeting",
    "meetings",
    "round",
    "summit",
    "session",
    "negotiations",
    "consultations",
];

/// Words allowed between a cue and the action.
const ADVERBS: &[&str] = &[
    "also",
    "indeed",
    "then",
    "probably",
    "gradually",
    "still",
    "soon",
    "formally",
    "now",
    "first",
    "jointly",
    "again",
    "likely",
    "quickly",
    "swiftly",
    "finally",
    "officially",
    "be",
    "able",
    "in",
    "principle",
];

/// Words that end the object of an action.
const OBJECT_END: &[&str] = &[
    ",", ".", ";", ":", "—", "–", "”", "\"", "(", ")", "and", "but", "while", "which", "who", "if",
];

pub fn pending(
    doc: &Doc,
    subjects: &[Option<String>],
    model: &LinearModel,
) -> (Vec<Pending>, Vec<Outcome>) {
    let mut pend = Vec::new();
    let mut outs = Vec::new();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        if sentence.heading {
            continue;
        }
        let words = doc.words(i);
        let last = subjects[i].as_deref();
        let kept: Vec<candidates::Candidate> = candidates::of_sentence(doc, i, last)
            .into_iter()
            .filter(|c| {
                model.accepts(&c.features)
                    && !c.refused
                    && !shown::due_in_an_earlier_year(&c.item, doc.published)
            })
            .collect();
        pend.extend(
            kept.iter()
                .filter(|c| !kept.iter().any(|outer| inside(c, outer)))
                .map(|c| shown::without_dangling_ends(c.item.clone())),
        );
        outcomes(doc, i, words, last, &mut outs);
    }
    (pend, outs)
}

/// Whether candidate `c` starts inside what `outer` promises: "delay the release
/// of hostages due on Saturday" is one item, not also "due on Saturday".
fn inside(c: &candidates::Candidate, outer: &candidates::Candidate) -> bool {
    c.verb > outer.verb && c.verb < outer.verb + outer.reach
}

/// The candidates of the whole article, for training and inspection.
pub fn all_candidates(doc: &Doc, subjects: &[Option<String>]) -> Vec<Candidate> {
    (0..doc.sentences.len())
        .filter(|&i| !doc.sentences[i].heading)
        .flat_map(|i| candidates::of_sentence(doc, i, subjects[i].as_deref()))
        .collect()
}

/// A response still awaited ("still waiting for a reply") or an expiry with its
/// date, found at word `at` (`len` words), with how many words the cue and its
/// object run.
fn awaited(
    doc: &Doc,
    i: usize,
    words: Words,
    at: usize,
    len: usize,
    last: Option<&str>,
) -> Option<(Pending, usize)> {
    let (described, _) = before_due(doc, words.from(at + len));
    let what = object(described, 0).unwrap_or_default();
    let reach = len + what.split(' ').filter(|w| !w.is_empty()).count();
    // "has not yet decided whether to join", "has not said whether it will
    // accept": a decision awaited.
    let decision = (at..at + len).any(|k| matches!(words.key(k), "decided" | "whether"))
        || words.key_at(at + len) == Some("whether");
    let lemma = if words.key(at).starts_with("expire") {
        "expire"
    } else if decision {
        "decide"
    } else {
        "respond"
    };
    let due = due(doc, words.slice(at..action_clause_end(words, at).max(at)));
    // "The current authorisation expires": what lapses, when the text names it.
    let lapsing = (lemma == "expire" && what.is_empty())
        .then(|| clause_subject(words, at, at + len, false))
        .flatten();
    // "has not said whether it will accept": the phrase ends in the "whether"
    // of what is to be decided.
    let whether = if words.key(at + len - 1) == "whether" {
        "whether "
    } else {
        ""
    };
    let what = match lapsing {
        Some(s) => format!("{s} {}", words[at..at + len].join(" ")),
        None => format!("{lemma} {whether}{what}").trim().to_string(),
    };
    // An expiry is pending only with the date it falls on.
    let item = Pending {
        what,
        actors: actors_of(doc, i, at, last),
        due,
        evidence: doc.evidence(i),
    };
    (lemma != "expire" || item.due.as_ref().is_some_and(|d| d.date.is_some()))
        .then_some((item, reach))
}

/// The action (any form) at word `v`, longest first.
fn action_at(words: Words, v: usize) -> Option<(usize, usize, String)> {
    if !words.starts(v, starts::ACTION) {
        return None;
    }
    (1..=LEXICON.actions_max_words).rev().find_map(|n| {
        if v + n > words.len() {
            return None;
        }
        let phrase = words.slice(v..v + n).phrase_key();
        LEXICON
            .actions
            .get(&phrase)
            .map(|base| (v, n, base.clone()))
    })
}

/// Whether the cue at `k` sits in a relative clause ("a mechanism which would
/// restore") or has a meeting for subject ("the talks are due to open"): a
/// description, not an announced action.
fn describes(words: Words, k: usize) -> bool {
    let start = (0..k)
        .rev()
        .find(|&j| matches!(words[j], "," | ";" | ":"))
        .map_or(0, |j| j + 1);
    let relative = (k > 0 && matches!(words.key(k - 1), "that" | "who"))
        || (start..k).any(|j| matches!(words.key(j), "which" | "whose"));
    // The meeting is the subject: "the talks are due to open", not "the co-chairs
    // of the talks are due to circulate".
    let meeting_subject = (k.saturating_sub(3)..k).any(|j| {
        MEETING_NOUNS.contains(&words.key(j))
            && !(j >= 1 && words[j - 1] == "of")
            && !(j >= 2 && words[j - 2] == "of")
    });
    relative || meeting_subject
}

/// Whether the clause of word `k` is a condition or a possibility.
fn hypothetical(words: Words, k: usize) -> bool {
    let from = k.saturating_sub(8);
    (from..words.len().min(k + 12)).any(|j| LEXICON.hypothetical.contains(words.key(j)))
        || (k.saturating_sub(2)..k).any(|j| LEXICON.possibility.contains(words.key(j)))
}

/// The object of an action: words after it to the end of its clause, at most ten,
/// without a dangling function word where the limit cut a phrase ("a plan for").
fn object(words: Words, from: usize) -> Option<String> {
    let mut end = (from..words.len())
        .find(|&j| OBJECT_END.contains(&words[j]) && !joins_modifiers(words, j))
        .unwrap_or(words.len())
        .min(from + 10);
    while end > from && DANGLING.contains(&words.key(end - 1)) {
        end -= 1;
    }
    (end > from).then(|| words[from..end].join(" "))
}

/// "The draft map, which Peru submitted on Monday, …", "the response that Chile
/// sent": an action told in a relative clause has the noun before the relative
/// as its object. The verb at `k` follows "which" or "that" and a capitalised
/// subject, within four words; the noun phrase runs back to its determiner or
/// the clause's start, four words at most.
fn relative_object(words: Words, k: usize) -> Option<String> {
    let r = (k.saturating_sub(4)..k)
        .rev()
        .find(|&j| matches!(words.key(j), "which" | "that"))?;
    // Only the relative's subject stands between it and the verb.
    if (r + 1..k).any(|j| !is_capitalised(words[j]) && words.key(j) != "the") {
        return None;
    }
    let end = if r > 0 && words[r - 1] == "," {
        r - 1
    } else {
        r
    };
    // The noun phrase: after its determiner ("studying the map that …"), or
    // from the clause's start, four words at most.
    let start = (end.saturating_sub(5)..end)
        .rev()
        .find(|&j| {
            matches!(words[j], "," | ";" | ":" | "—" | "“" | "\"")
                || matches!(
                    words.key(j),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                )
        })
        .map_or(end.saturating_sub(4), |j| j + 1);
    (end > start).then(|| words[start..end].join(" "))
}

/// "The soldiers were handed over on Tuesday to a humanitarian commission":
/// whom a passive action went to, a few words after the verb. A promise may
/// name only them ("they would be handed over to the commission").
fn recipient(words: Words, from: usize) -> Option<String> {
    let to = (from..(from + 6).min(words.len()))
        .take_while(|&j| !matches!(words[j], "," | ";" | "."))
        .find(|&j| words.key(j) == "to")?;
    object(words, to + 1)
}

/// "economic and military aid", "his Chilean and Peruvian counterparts": an "and"
/// between two modifiers joins them inside one noun phrase; it ends no object.
fn joins_modifiers(words: Words, j: usize) -> bool {
    const ENDINGS: &[&str] = &[
        "ic", "al", "ary", "ian", "ean", "ese", "ish", "ive", "ous", "ern", "ful",
    ];
    let modifier = |k: usize| {
        k < words.len() && {
            let w = words.key(k);
            w.len() > 4 && ENDINGS.iter().any(|e| w.ends_with(e))
        }
    };
    words[j] == "and" && j > 0 && modifier(j - 1) && modifier(j + 1)
}

/// The subject of a passive commitment ("the remaining tanks | will be moved
/// back") or of a lapsing deadline ("the current authorisation | expires"): what
/// the item is about, which its description must name, since the verb alone
/// ("moved back", "expires") says nothing. The words from the start of the clause
/// to the cue at `at`, or for an object cue between it and its "to" (`end` is the
/// word after it: "expects | the remaining commitments | to be honoured"), without
/// a leading article or preposition or a trailing auxiliary; none when that is a
/// pronoun, empty or longer than a noun phrase runs.
fn clause_subject(words: Words, at: usize, end: usize, object_cue: bool) -> Option<String> {
    let (mut start, mut end) = if object_cue {
        (at + 1, end.saturating_sub(1))
    } else {
        let start = (0..at)
            .rev()
            .find(|&j| SUBJECT_START.contains(&words.key(j)))
            .map_or(0, |j| j + 1);
        (start, at)
    };
    while start < end && matches!(words.key(start), "the" | "a" | "an" | "for" | "of") {
        start += 1;
    }
    while end > start && AUXILIARIES.contains(&words.key(end - 1)) {
        end -= 1;
    }
    let n = end - start;
    let pronoun = n == 1 && PRONOUNS.contains(&words.key(start));
    (n > 0 && n <= 8 && !pronoun).then(|| words[start..end].join(" "))
}

/// Verbs that end a subject where the cue begins after them ("is | due to be").
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would",
];

/// Words after which a clause, and its subject, begins.
const SUBJECT_START: &[&str] = &[
    ",",
    ";",
    ":",
    "—",
    "–",
    "“",
    "”",
    "\"",
    "(",
    "and",
    "but",
    "that",
    "which",
    "while",
    "as",
    "said",
    "says",
    "added",
    "announced",
    "confirmed",
];

/// Verbs of telling after "declined to" / "refused to": a refusal to comment.
/// ("declined to name", "refused to answer" may refuse what was awaited: left
/// out.)
const REFUSED_TO_TELL: &[&str] = &[
    "say",
    "comment",
    "confirm",
    "specify",
    "elaborate",
    "disclose",
    "detail",
    "identify",
    "speculate",
    "reveal",
    "be",
];

/// Subjects that name nothing by themselves.
const PRONOUNS: &[&str] = &[
    "it", "they", "this", "these", "those", "he", "she", "we", "i", "you", "which", "who", "all",
];

/// Words a description cannot end on.
pub(super) const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "to", "for", "with", "and", "or", "by", "before", "after", "on", "in",
    "at", "from", "that", "its", "their", "his", "her", "this", "next", "until", "within", "as",
];

/// Who is to act: the subject of the cue at `at`, read in the content of a
/// verb of saying when one comes before ("X said Norway would consider" is
/// Norway's), and every party of a coordinated subject ("Norway and Sweden
/// agreed to").
fn actors_of(doc: &Doc, i: usize, at: usize, last: Option<&str>) -> Vec<ActorName> {
    let (start, teller) = content_start(doc, i, at);
    if let Some(names) = coordinated(doc, i, start, at) {
        return names;
    }
    let words = doc.words(i);
    // "The ministry said it would publish": "it" and "they" are the teller.
    let subject = match teller {
        Some(verb) if matches!(words.key_at(start), Some("it" | "they")) => {
            subject_from(doc, i, clause_start(doc, i, verb), verb, last).filter(|s| !s.person)
        }
        _ => subject_from(doc, i, start, at, last),
    };

    subject
        .and_then(|s| ActorName::new(&s.name))
        .into_iter()
        .collect()
}

/// "The ministry said a reply would be sent next week": a passive promise (its
/// cue at `at`) names no actor of its own; the one who tells of it gives the
/// undertaking. The candidates are weighed without it: it only tells the reader.
pub(super) fn teller_of_passive(
    doc: &Doc,
    i: usize,
    at: usize,
    last: Option<&str>,
) -> Option<ActorName> {
    let words = doc.words(i);
    let passive = (at + 1..(at + 3).min(words.len())).any(|k| words.key(k) == "be");
    let verb = content_start(doc, i, at).1.filter(|_| passive)?;
    let teller = subject_from(doc, i, clause_start(doc, i, verb), verb, last)?;
    ActorName::new(&teller.name)
}

/// Where the clause of the cue at `at` starts: after the last verb of saying
/// before it (and after its "that": "told reporters that"), else where
/// `clause_start` puts it; and that verb, if any.
fn content_start(doc: &Doc, i: usize, at: usize) -> (usize, Option<usize>) {
    let words = doc.words(i);
    let start = clause_start(doc, i, at);
    let Some(verb) = (start..at).rev().find(|&k| {
        LEXICON.reported_that.contains(words.key(k)) && !words[k].starts_with(char::is_uppercase)
    }) else {
        return (start, None);
    };
    let content = (verb + 1..at.min(verb + 6))
        .find(|&k| words.key(k) == "that")
        .map_or(verb + 1, |k| k + 1);
    (content, Some(verb))
}

/// "Norway and Sweden agreed to", "Mali, Niger and Burkina Faso will": a subject
/// made only of named parties joined by commas and "and" names them all.
fn coordinated(doc: &Doc, i: usize, start: usize, at: usize) -> Option<Vec<ActorName>> {
    let words = doc.words(i);
    let mut end = at;
    while end > start && AUXILIARIES.contains(&words.key(end - 1)) {
        end -= 1;
    }
    let parties: Vec<_> = doc.mentions[i]
        .iter()
        .filter(|m| m.first >= start && m.last <= end && !m.possessive && !m.modifier)
        .collect();
    let named = |k: usize| parties.iter().any(|m| m.first <= k && k < m.last);
    let joined =
        (start..end).all(|k| named(k) || matches!(words.key(k), "," | "and" | "the" | "both"));
    (parties.len() >= 2 && joined).then(|| {
        parties
            .iter()
            .filter_map(|m| ActorName::new(&m.name))
            .collect()
    })
}

/// Whether the word at `k` stands under a future or a negation ("will have
/// delivered", "has not sent", "were not in place").
fn unrealised(words: Words, k: usize) -> bool {
    (k.saturating_sub(3)..k).any(|b| {
        matches!(
            words.key(b),
            "will" | "would" | "to" | "not" | "never" | "if" | "could"
        )
    })
}

/// "The hotlines … were in place by February 24", "the mechanism is up and
/// running", "the truce was in force": a thing said to be working after a
/// form of "be" at `k`.
fn in_place_at(words: Words, k: usize) -> bool {
    const STATES: &[&[&str]] = &[
        &["in", "place"],
        &["in", "force"],
        &["in", "operation"],
        &["up", "and", "running"],
        &["operational"],
    ];
    k > 0
        && matches!(words.key(k - 1), "is" | "are" | "was" | "were" | "been")
        && STATES.iter().any(|state| {
            state
                .iter()
                .enumerate()
                .all(|(n, w)| words.key_at(k + n) == Some(*w))
        })
}

/// The outcome of a thing said to be in place at `k`: it was set up ("set up
/// hotlines between front-line commanders"), so a promise to set it up, link
/// or connect by it is kept.
fn set_up(doc: &Doc, i: usize, words: Words, k: usize, last: Option<&str>) -> Option<Outcome> {
    let subject = clause_subject(words, k, k, false)?;
    Some(Outcome {
        kind: OutcomeKind::Done,
        actors: actors_of(doc, i, k, last),
        what: format!("set up {subject}"),
        evidence: doc.evidence(i),
    })
}

/// What an action done at `k` (`len` words, base form `base`) did: a passive
/// one to its subject, and to whom ("deliver the soldiers to a humanitarian
/// commission"); an active one to its object, or to the noun a relative clause
/// it stands in hangs from ("the map, which Peru sent").
fn done_what(words: Words, k: usize, len: usize, base: String, passive: bool) -> String {
    if passive {
        let subject = clause_subject(words, k, k, false)
            .map(|s| format!(" {s}"))
            .unwrap_or_default();
        let to = recipient(words, k + len)
            .map(|r| format!(" to {r}"))
            .unwrap_or_default();
        return format!("{base}{subject}{to}");
    }
    let what = match relative_object(words, k).or_else(|| object(words, k + len)) {
        Some(o) => format!("{base} {o}"),
        None => base,
    };
    match place_of_where(words, k) {
        Some(place) => format!("{what} at {place}"),
        None => what,
    }
}

/// "while clearing the pilot area near the temple, where the teams began work
/// on Monday": an action told in a ", where" clause took place at what the
/// words before it name; they say which promised work began or was done there.
/// Ten words at most, back to the clause's comma.
fn place_of_where(words: Words, k: usize) -> Option<String> {
    let r = (k.saturating_sub(6)..k)
        .rev()
        .take_while(|&j| !matches!(words[j], "," | ";"))
        .find(|&j| words.key(j) == "where")?;
    if r == 0 || words[r - 1] != "," {
        return None;
    }
    let end = r - 1;
    let start = (end.saturating_sub(10)..end)
        .rev()
        .find(|&j| matches!(words[j], "," | ";" | ":" | "—"))
        .map_or(end.saturating_sub(10), |j| j + 1);
    (end > start).then(|| words[start..end].join(" "))
}

/// Actions reported done or refused in sentence `i`.
fn outcomes(doc: &Doc, i: usize, words: Words, last: Option<&str>, out: &mut Vec<Outcome>) {
    for k in 0..words.len() {
        let w = words.key(k);
        // "declined", or "would not attend": the awaited answer came, and it is no.
        let will_not = k >= 2
            && matches!(words.key(k - 2), "would" | "will")
            && words.key(k - 1) == "not"
            && matches!(w, "attend" | "participate" | "come" | "join" | "take");
        // "declined to say which states asked for the delay", "refused to
        // comment": a refusal to tell is no answer to anything awaited.
        let to_tell = matches!(w, "declined" | "refused")
            && words.key_at(k + 1) == Some("to")
            && words
                .key_at(k + 2)
                .is_some_and(|v| REFUSED_TO_TELL.contains(&v));
        // "has shelved the plan", "postponed the reopening indefinitely": given up.
        // "would no longer send the map": the actor gives the promise up.
        let no_longer = k >= 2
            && words.key(k - 2) == "no"
            && words.key(k - 1) == "longer"
            && action_at(words, k).is_some();
        let given_up = matches!(w, "dropped" | "abandoned" | "shelved" | "scrapped")
            || no_longer
            || (w == "postponed"
                && (k + 1..(k + 10).min(words.len())).any(|j| words.key(j) == "indefinitely"));
        let refused =
            will_not || given_up || (!to_tell && matches!(w, "declined" | "rejected" | "refused"));
        // "the commission was set up", "the detainees were freed": a passive
        // participle, whatever its form, reports the action done to its subject.
        // So does "arrived" ("Peru's draft map arrived in Santiago"): what
        // arrived was delivered.
        let arrived = w == "arrived";
        let passive = arrived || (k > 0 && matches!(words.key(k - 1), "was" | "were" | "been"));
        let done = if refused {
            None
        } else if arrived {
            Some((k, 1, "deliver".to_string()))
        } else {
            action_at(words, k).filter(|(_, n, base)| {
                let form = words.slice(k..k + n).phrase_key();
                passive || (LEXICON.past.contains(&form) && form != *base)
            })
        };
        if !refused && done.is_none() {
            if in_place_at(words, k) && !unrealised(words, k) {
                out.extend(set_up(doc, i, words, k, last));
            }
            continue;
        }
        if !will_not && !no_longer && unrealised(words, k) {
            continue;
        }
        let what = match done {
            Some((_, len, base)) => done_what(words, k, len, base, passive),
            // A refusal answers whatever the sentence is about; a plan given up
            // closes the promise the sentence names.
            None if given_up => format!("give up {}", words.raw().join(" ")),
            None => format!("refuse {}", words.raw().join(" ")),
        };
        out.push(Outcome {
            kind: if refused {
                OutcomeKind::Abandoned
            } else {
                OutcomeKind::Done
            },
            actors: actors_of(doc, i, k, last),
            what,
            evidence: doc.evidence(i),
        });
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::extract::lexicon::{Key, lower};
    use chrono::NaiveDate;

    pub(crate) fn read(text: &str) -> (Vec<Pending>, Vec<Outcome>) {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let said = super::super::speech::statements(&doc);
        pending(&doc, &said.subjects, &crate::extract::PENDING_MODEL)
    }

    #[test]
    fn indirect_questions_threats_and_a_second_wait_are_no_items() {
        let (p, _) = read(
            "Committees will meet next week to decide how the units will be folded into \
             the army, and Damascus will present a list of posts by the end of the month.",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].what.starts_with("present a list"), "{p:?}");
        let (p, _) = read(
            "Ola Brek said the group had until Saturday to free the hostages, or he would \
             propose cancelling the ceasefire.",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        let (p, _) = read(
            "The North has not answered calls on that line since April, and there was no \
             response from Pyongyang by late Tuesday.",
        );
        assert!(p.len() <= 1, "{p:?}");
    }

    /// Class: the time of an attribution after the action ("…, the ministry
    /// said on Tuesday") or of the main clause after a relative clause the
    /// action is told in ("X, who said the border must reopen, met Y on
    /// Tuesday") is no deadline; a time in the action's own clause still is.
    #[test]
    fn the_time_of_the_telling_is_no_deadline() {
        for text in [
            "Chile will present a written proposal, the ministry said on Tuesday.",
            "Chile will present a written proposal, Ana Veld told reporters on Tuesday.",
            "Ana Veld, who said Chile would present a written proposal, met Per Lund on Tuesday.",
        ] {
            let (p, _) = read(text);
            assert!(p.iter().all(|x| x.due.is_none()), "{text}: {p:?}");
        }
        let (p, _) = read("Chile will present a written proposal on Friday, the ministry said.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].due.is_some(), "{p:?}");
    }

    /// Class: an action negated at its cue ("would not respond to threats",
    /// "will never recognise", "has no plans to reopen") is refused, not
    /// pending; "will not only X" still undertakes X.
    #[test]
    fn a_refused_action_is_no_item() {
        for text in [
            "Ana Veld said the government would not respond to threats.",
            "Sweden has no plans to reopen its embassy in Oslo.",
            "Per Lund said Sweden would never recognise the annexation.",
        ] {
            let (p, _) = read(text);
            assert!(p.is_empty(), "{text}: {p:?}");
        }
        let (p, _) = read("Norway will respond to the proposal by Friday, Ana Veld said.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    /// Class: an object cue ("asked Norway to submit", "asked Ana Veld to report
    /// back") names who must act between itself and its "to"; the one who asked
    /// is no actor of the item.
    #[test]
    fn who_is_asked_to_act_is_the_actor() {
        for (text, want) in [
            (
                "Sweden asked Norway to submit its proposals in writing by next week.",
                "Norway",
            ),
            (
                "The council asked Ana Veld to report back by June.",
                "Ana Veld",
            ),
            // Class: the one granted time to act ("has given X until Friday to").
            (
                "Chile has given Peru until Friday to respond to its proposal.",
                "Peru",
            ),
            (
                "The mediators gave Ana Veld until March 31 to submit her list.",
                "Ana Veld",
            ),
        ] {
            let (p, _) = read(text);
            assert_eq!(p.len(), 1, "{text}: {p:?}");
            let actors: Vec<&str> = p[0].actors.iter().map(|a| a.as_str()).collect();
            assert_eq!(actors, [want], "{text}");
        }
    }

    /// Class: a passive promise told by someone ("the ministry said a reply
    /// would be sent next week") names no actor of its own: the teller gives the
    /// undertaking.
    #[test]
    fn the_teller_of_a_passive_promise_is_its_actor() {
        let (p, _) = read("Chile said a response would be sent to Peru by Friday.");
        assert_eq!(p.len(), 1, "{p:?}");
        let actors: Vec<&str> = p[0].actors.iter().map(|a| a.as_str()).collect();
        assert_eq!(actors, ["Chile"]);
    }

    #[test]
    fn a_question_commits_no_one() {
        let (p, _) = read("Is Chile prepared to release the prisoners by Friday?");
        assert!(p.is_empty(), "{p:?}");
        let (p, _) = read("Q Will you sign the accord by Friday?");
        assert!(p.is_empty(), "{p:?}");
        let (p, _) = read("Chile will release the prisoners by Friday, the minister said.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    #[test]
    fn passive_commitments_with_a_due_date_are_pending() {
        let (p, _) = read("A technical committee is to be formed within 30 days.");
        assert_eq!(p.len(), 1, "{p:?}");
        let (p, _) = read("The talks will be held in Lima next week.");
        assert!(p.is_empty(), "a meeting's own course is no promise: {p:?}");
    }

    /// A passive commitment is described by what it is done to: "moved back" alone
    /// says nothing.
    #[test]
    fn a_passive_commitment_names_what_it_is_done_to() {
        let whats = |text: &str| read(text).0.into_iter().map(|p| p.what).collect::<Vec<_>>();
        assert_eq!(
            whats("The remaining mines will be destroyed by April 30."),
            ["remaining mines to be destroyed"]
        );
        assert_eq!(
            whats("A spokesman said the 40 prisoners would be released within a week."),
            ["40 prisoners to be released"]
        );
        assert_eq!(
            whats("The envoy asked for the remaining funds to be transferred by Friday."),
            ["remaining funds to be transferred"]
        );
    }

    /// Class: a "by", "this" or "next" phrase with no date, time word or number
    /// is an agent or a thing, no deadline ("named by the governments of the
    /// region", "this administration"); with one it is ("by spring", "next month").
    #[test]
    fn a_by_phrase_without_a_time_is_no_deadline() {
        let due = |text: &str| {
            let (p, _) = read(text);
            p.first()
                .and_then(|p| p.due.as_ref().map(|d| d.text.clone()))
        };
        assert_eq!(
            due("A new envoy will be named by the governments of the region."),
            None
        );
        assert_eq!(
            due("This administration will double the aid to the region."),
            None
        );
        assert_eq!(
            due("The envoy will be named by spring, officials said.").as_deref(),
            Some("by spring")
        );
        assert_eq!(
            due("Chile will release the prisoners next month.").as_deref(),
            Some("next month")
        );
    }

    /// Class: a means ("by radio links", "by courier") before a time phrase is
    /// part of the action; the time phrase after it is the deadline.
    #[test]
    fn a_means_before_a_time_phrase_is_no_deadline() {
        let (p, _) = read("Border posts are to be connected by radio links within ten days.");
        let due = p[0].due.as_ref().map(|d| d.text.as_str());
        assert_eq!(due, Some("within ten days"), "{p:?}");
        assert!(p[0].what.contains("by radio links"), "{p:?}");
        let (p, _) = read("Ruritania will send the list by courier by the end of the week.");
        let due = p[0].due.as_ref().map(|d| d.text.as_str());
        assert_eq!(due, Some("by the end of the week"), "{p:?}");
        let (p, _) = read("Ruritania will send the list by the end of the week.");
        let due = p[0].due.as_ref().map(|d| d.text.as_str());
        assert_eq!(due, Some("by the end of the week"), "{p:?}");
    }

    /// Class: "the priority was to", "the aim is to" describe an aim and commit
    /// no one; "X is to" does.
    #[test]
    fn an_aim_is_no_commitment() {
        let (p, _) = read("Ana Obi said the priority was to stop attacks from spreading.");
        assert!(p.is_empty(), "{p:?}");
        let (p, _) = read("The aim is to reduce tensions along the border.");
        assert!(p.is_empty(), "{p:?}");
        let (p, _) = read("Chile is to release the prisoners by May.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    /// A time phrase ends where the object it was put before begins.
    #[test]
    fn an_object_after_its_due_phrase_is_no_part_of_it() {
        let (p, _) = read("The rebels agreed to hand over by June 10 a list of their fighters.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].due.as_ref().map(|d| d.text.as_str()),
            Some("by June 10")
        );
        assert!(p[0].what.ends_with("a list of their fighters"), "{p:?}");
        let (p, _) = read("The ministry promised to publish within 30 days a report on the flood.");
        assert_eq!(
            p[0].due.as_ref().map(|d| d.text.as_str()),
            Some("within 30 days")
        );
    }

    /// A deadline of something's own course names that thing.
    #[test]
    fn a_lapsing_deadline_names_what_lapses() {
        let whats = |text: &str| read(text).0.into_iter().map(|p| p.what).collect::<Vec<_>>();
        assert_eq!(
            whats("The current grazing accord expires on 15 March."),
            ["current grazing accord expires"]
        );
    }

    /// "by June" is a deadline, the end of the month; "by Hamas" stays an agent.
    #[test]
    fn a_month_after_by_is_a_deadline() {
        let (p, _) = read("The rebels pledged to hand over their heavy weapons by June.");
        let due = p.first().and_then(|p| p.due.clone());
        assert_eq!(due.map(|d| d.text), Some("by June".to_string()), "{p:?}");
    }

    #[test]
    fn a_deadline_inside_a_promise_is_part_of_it() {
        let (p, _) =
            read("The group said it would delay the release of prisoners due on Saturday.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].what.starts_with("delay the release"), "{p:?}");
    }

    #[test]
    fn a_deadline_between_verb_and_object_is_left_out_of_the_description() {
        let (p, _) =
            read("The council is expected to decide this week on a request to reopen the port.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].what, "decide on a request to reopen the port");
        assert_eq!(
            p[0].due.as_ref().map(|d| d.text.as_str()),
            Some("this week")
        );
    }

    #[test]
    fn a_description_cut_at_ten_words_does_not_end_on_a_function_word() {
        let raw = [
            "a", "plan", "for", "new", "crossing", "lanes", "along", "its", "border", "with",
            "the", "river",
        ];
        let keys: Vec<Key> = raw.iter().map(|w| lower(w)).collect();
        let masks = vec![0; raw.len()];
        assert_eq!(
            object(Words::new(&raw, &keys, &masks), 0).as_deref(),
            Some("a plan for new crossing lanes along its border")
        );
    }

    #[test]
    fn time_phrases_end_before_what_follows_and_agents_are_no_deadlines() {
        let (p, _) =
            read("Ruritania will announce new sanctions later this week targeting shipping firms.");
        assert_eq!(
            p[0].due.as_ref().map(|d| d.text.as_str()),
            Some("later this week")
        );
        let (p, _) = read("Ruritania will submit proposals drafted by Norway by the end of June.");
        assert_eq!(
            p[0].due.as_ref().map(|d| d.text.as_str()),
            Some("by the end of June")
        );
        let (p, _) = read("Ruritania will give its answer on the invitation by Tuesday.");
        assert_eq!(p[0].what, "give its answer on the invitation");
        let (p, _) = read("Ruritania will reply before the two ministers meet again.");
        assert_eq!(
            p[0].due.as_ref().map(|d| d.text.as_str()),
            Some("before the two ministers meet again")
        );
    }

    /// "in April", "in late April 2031", "in 2031" after the action is its due
    /// time: the end of that month or year. A past year ("first promised in
    /// 2019") is no due.
    #[test]
    fn a_month_or_year_after_in_is_the_due_period() {
        let cases = [
            (
                "Norway is due to receive the first tranche in April.",
                "in April",
                (2031, 4, 30),
            ),
            (
                "Norway will publish the report in late July 2030.",
                "in late July 2030",
                (2030, 7, 31),
            ),
            (
                "Norway will publish the report in 2031.",
                "in 2031",
                (2031, 12, 31),
            ),
            // A due phrase set off by commas between the verb and its object.
            (
                "Norway will present, in July 2030, its proposals for the office.",
                "in July 2030",
                (2030, 7, 31),
            ),
            // "its next report" is a thing, not a time: the due phrase is after it.
            (
                "Norway will release its next report before the end of July 2030.",
                "before the end of July 2030",
                (2030, 7, 31),
            ),
            // A part of a month after "by" is a deadline too.
            (
                "Norway will report back to the council by mid-July.",
                "by mid-July",
                (2030, 7, 15),
            ),
        ];
        for (text, phrase, (y, m, d)) in cases {
            let (p, _) = read(text);
            let due = p
                .first()
                .and_then(|x| x.due.as_ref())
                .map(|d| (d.text.as_str(), d.date));
            assert_eq!(
                due,
                Some((phrase, NaiveDate::from_ymd_opt(y, m, d))),
                "{text}"
            );
        }
        let (p, _) = read("Norway will publish the report, first promised in 2019.");
        assert!(p.iter().all(|x| x.due.is_none()), "{p:?}");
        // The object after a due phrase set off by commas is the item's.
        let (p, _) = read("Norway will present, in July 2030, its proposals for the office.");
        assert_eq!(
            p.first().map(|x| x.what.as_str()),
            Some("present its proposals for the office")
        );
    }

    /// The actors are the subject of the content a verb of saying reports, all
    /// the parties of a coordinated subject, and for "it" or "they" the body
    /// that said it.
    #[test]
    fn actors_are_who_is_to_act_not_who_told_it() {
        let actors = |text: &str| {
            let (p, _) = read(text);
            p.first()
                .map(|x| x.actors.iter().map(|a| a.to_string()).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(
            actors("Ola Brek said Norway would send its reply by Friday."),
            ["Norway"]
        );
        assert_eq!(
            actors("Norway and Oman agreed to expand exchanges between students."),
            ["Norway", "Oman"]
        );
        assert_eq!(
            actors("The Foreign Ministry said it would publish the report on Monday."),
            ["Foreign Ministry"]
        );
        assert!(actors("Ola Brek said it would send a delegation.").is_empty());
    }

    /// "has until March 31 to submit": the due time before the action is its
    /// due; "on the bill" before "next week" is the object, not a time.
    #[test]
    fn a_due_before_the_action_and_an_object_before_the_due_are_told_apart() {
        let (p, _) = read("Norway has until 30 June to submit its reply.");
        let due = p
            .first()
            .and_then(|x| x.due.as_ref())
            .map(|d| d.text.as_str());
        assert_eq!(due, Some("until 30 June"));
        let (p, _) = read("The parliament will vote on the bill next week.");
        let first = p
            .first()
            .map(|x| (x.what.as_str(), x.due.as_ref().map(|d| d.text.as_str())));
        assert_eq!(first, Some(("vote on the bill", Some("next week"))));
    }

    /// A deadline in a clause of time ("before the option expires in October")
    /// is when another action is due, not a second item; alone it is one.
    #[test]
    fn a_deadline_in_a_clause_of_time_is_no_item_of_its_own() {
        let (p, _) =
            read("Norway must decide on the request before the mandate expires in October.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].what, "decide on the request");
        let (p, _) = read("The mandate expires in October.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    /// The futures of the police, a sports team or a share price commit no
    /// government: a mixed digest's items of that kind are not pending.
    #[test]
    fn futures_outside_diplomacy_are_not_pending() {
        for text in [
            "Police will reopen the road in an hour.",
            "The team will play its next match on Sunday.",
            "Shares in the firm will rise, analysts said.",
            // a briefing's turns
            "Our next question will go to Ana Veld with Reuters.",
            "The last question will go to Per Lund from the Lima Post.",
        ] {
            assert!(read(text).0.is_empty(), "{text}");
        }
        assert_eq!(
            read("The police chief said Norway would send a delegation next week.")
                .0
                .len(),
            1
        );
    }

    #[test]
    fn announced_actions_are_pending_with_actor_and_due() {
        let (p, _) = read("Ruritania will send its reply by the end of the month.");
        assert_eq!(p.len(), 1);
        // The description and the deadline are kept apart.
        assert_eq!(p[0].what, "send its reply");
        let due = p[0].due.as_ref().map(|d| (d.text.as_str(), d.date));
        assert_eq!(
            due,
            Some((
                "by the end of the month",
                NaiveDate::from_ymd_opt(2030, 6, 30)
            ))
        );
    }

    #[test]
    fn two_actions_in_one_sentence_are_two_items() {
        let (p, _) = read(
            "The council asks the envoy to name a mediator within 30 days and to present a report in July.",
        );
        assert_eq!(
            p.iter()
                .map(|p| p.what.split(' ').next().unwrap_or(""))
                .collect::<Vec<_>>(),
            ["name", "present"]
        );
    }

    #[test]
    fn negations_conditions_and_meetings_are_not_pending() {
        assert!(read("We will not give up on the talks.").0.is_empty());
        assert!(
            read("If the talks fail, Ruritania will impose new tariffs.")
                .0
                .is_empty()
        );
        assert!(read("Ola Brek will meet Tam Ruen on Friday.").0.is_empty());
    }

    /// Class: a plan shelved, scrapped or postponed indefinitely is given up;
    /// postponed to a date, it is not.
    #[test]
    fn a_plan_shelved_is_given_up() {
        for text in [
            "Norway has postponed the reopening of its consulate in Arica indefinitely.",
            "Norway has shelved the reopening of its consulate in Arica.",
        ] {
            let (_, o) = read(text);
            assert_eq!(o.len(), 1, "{text}: {o:?}");
            assert_eq!(o[0].kind, OutcomeKind::Abandoned, "{text}");
            assert!(o[0].what.starts_with("give up"), "{text}: {o:?}");
        }
        let (_, o) = read("Norway has postponed the reopening of its consulate until May.");
        assert!(o.is_empty(), "{o:?}");
    }

    /// Class: a response still awaited, told as waited for, as not given yet
    /// ("has not yet replied to", "had not yet responded to") or as promised
    /// ("promised a reply within days"); a decision awaited ("has not yet
    /// decided whether", "has not said whether").
    #[test]
    fn awaited_responses_are_pending() {
        let (p, _) = read("We are still waiting for a response from the other side.");
        assert_eq!(p.len(), 1);
        for text in [
            "Norway has not yet replied to the Swedish note.",
            "Sweden had not yet responded to the proposal on Monday, officials said.",
            "Norway promised a reply within days.",
        ] {
            let (p, _) = read(text);
            assert_eq!(p.len(), 1, "{text}: {p:?}");
            assert!(p[0].what.starts_with("respond"), "{text}: {p:?}");
        }
        // a decision awaited
        for (text, what) in [
            (
                "Norway has not yet decided whether to join the talks.",
                "decide whether to join the talks",
            ),
            (
                "Sweden has not said whether it will accept the offer.",
                "decide whether it will accept the offer",
            ),
        ] {
            let (p, _) = read(text);
            assert_eq!(p.len(), 1, "{text}: {p:?}");
            assert_eq!(p[0].what, what, "{text}");
        }
    }

    /// Class: a refusal to tell ("declined to say which members asked for the
    /// delay", "refused to comment") answers nothing awaited: no outcome.
    #[test]
    fn a_refusal_to_comment_is_no_outcome() {
        for text in [
            "No new date was given, and Ola Brek declined to say which members had asked \
             for the delay.",
            "The ministry refused to comment on the talks.",
        ] {
            let (_, o) = read(text);
            assert!(
                o.iter().all(|o| o.kind != OutcomeKind::Abandoned),
                "{text}: {o:?}"
            );
        }
        let (_, o) = read("The army declined the invitation to the talks.");
        assert!(o.iter().any(|o| o.kind == OutcomeKind::Abandoned), "{o:?}");
    }

    /// Class: a day that restates a period ("within 30 days, by July 12") is
    /// the due's day, so later reports due that day join the item.
    #[test]
    fn a_day_restating_a_period_is_the_due_day() {
        let (p, _) = read(
            "Both armies are to pull heavy artillery back from the frontier within 30 days, by \
             July 12.",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        let due = p[0].due.as_ref();
        assert_eq!(
            due.map(|d| d.text.as_str()),
            Some("within 30 days, by July 12")
        );
        assert_eq!(
            due.and_then(|d| d.date),
            NaiveDate::from_ymd_opt(2030, 7, 12)
        );
    }

    /// Class: a passive action done names whom it went to ("were handed over on
    /// Tuesday to a humanitarian commission"), so it closes a promise that
    /// names only them ("they would be handed over to the commission").
    #[test]
    fn a_passive_action_done_names_whom_it_went_to() {
        let (_, o) = read(
            "The soldiers were handed over on Tuesday to a humanitarian commission of the Church.",
        );
        assert!(
            o.iter().any(|o| o.kind == OutcomeKind::Done
                && o.what.contains("soldiers")
                && o.what.contains("to a humanitarian commission")),
            "{o:?}"
        );
    }

    /// Class: a passive commitment set off by commas after a noun phrase ("the
    /// last 500 kilograms, due to be destroyed by March 15, …") is said of that
    /// noun phrase, which the item names (the clause after the comma has none).
    #[test]
    fn a_passive_due_in_apposition_names_the_noun_before_it() {
        let (p, _) = read(
            "The last 500 kilograms of explosives, due to be destroyed by March 15, had not \
             yet been handed over.",
        );
        assert!(
            p.iter()
                .any(|p| p.what.contains("500 kilograms of explosives")),
            "{p:?}"
        );
    }

    /// Class: an action told in a ", where" clause took place at what the words
    /// before the clause name ("near the crossing, where teams began work").
    #[test]
    fn work_begun_where_a_place_is_named_is_work_at_that_place() {
        let (_, o) = read(
            "Two soldiers were hurt while clearing the pilot area near the Lima crossing, \
             where teams began work on Monday.",
        );
        assert!(
            o.iter().any(|o| o.what.starts_with("begin work")
                && o.what.contains("pilot area near the Lima crossing")),
            "{o:?}"
        );
    }

    /// Class: a promise its actor gives up ("would no longer send the map") and
    /// a thing promised that "arrived" (delivered, whoever carried it) are
    /// outcomes, the one given up and the other done.
    #[test]
    fn a_promise_no_longer_kept_and_a_thing_that_arrived_are_outcomes() {
        let (_, o) = read("Peru said it would no longer send the draft map.");
        assert!(o.iter().any(|o| o.kind == OutcomeKind::Abandoned), "{o:?}");
        let (_, o) = read("Peru's draft map arrived in Santiago on Monday.");
        assert!(
            o.iter().any(|o| o.kind == OutcomeKind::Done
                && o.what.starts_with("deliver")
                && o.what.contains("map")),
            "{o:?}"
        );
        // A plan that will go ahead is no outcome.
        let (_, o) = read("Peru said it would send the draft map on Monday.");
        assert!(o.is_empty(), "{o:?}");
    }

    /// Class: an action told done in a relative clause ("the draft map, which
    /// Peru submitted on Monday", "the map that Peru sent") has the noun before
    /// the relative as its object, so it answers the promise to send that map.
    #[test]
    fn a_past_action_in_a_relative_clause_takes_its_antecedent() {
        for (text, want) in [
            (
                "The draft map, which Peru submitted on Monday, will be discussed in April.",
                "draft map",
            ),
            ("Chile is studying the map that Peru sent on Monday.", "map"),
        ] {
            let (_, o) = read(text);
            assert!(
                o.iter()
                    .any(|o| o.kind == OutcomeKind::Done && o.what.ends_with(want)),
                "{text}: {o:?}"
            );
        }
    }

    #[test]
    fn past_actions_and_refusals_are_outcomes() {
        let (_, o) = read(
            "The envoy handed over the letter on Monday, and the army declined the invitation.",
        );
        assert_eq!(
            o.iter()
                .map(|o| (o.kind, o.what.as_str()))
                .collect::<Vec<_>>(),
            [
                (OutcomeKind::Done, "deliver the letter on Monday"),
                (
                    OutcomeKind::Abandoned,
                    "refuse The envoy handed over the letter on Monday , and the army declined the invitation ."
                )
            ]
        );
    }

    /// Class: a thing said to be working ("were in place", "is up and running",
    /// "was in force") was set up; under a negation or a future it was not.
    #[test]
    fn a_thing_in_place_was_set_up() {
        let done = |text: &str| {
            let (_, o) = read(text);
            o.iter()
                .filter(|o| o.kind == OutcomeKind::Done)
                .map(|o| o.what.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            done("The radio links between the two border posts were in place by May 3."),
            ["set up radio links between the two border posts"]
        );
        assert_eq!(
            done("Officials said the joint monitoring cell is up and running."),
            ["set up joint monitoring cell"]
        );
        assert!(done("The radio links were not in place by May 3.").is_empty());
        assert!(done("The radio links will be in place by May 3.").is_empty());
        assert!(done("Sanctions remain in place.").is_empty());
    }

    /// A passive participle reports the action done to its subject, whatever the
    /// participle's form ("was set up", "were freed"); under a future it does not.
    #[test]
    fn a_passive_participle_is_an_outcome_for_its_subject() {
        let (_, o) = read("The joint border commission was set up last week.");
        let what: Vec<&str> = o.iter().map(|o| o.what.as_str()).collect();
        assert_eq!(what, ["set up joint border commission"]);
        let (_, o) = read("The joint border commission will be set up next week.");
        assert!(o.is_empty(), "{o:?}");
    }

    /// Class: a present-tense deadline or schedule ("expires on", "takes effect",
    /// "has until … to", "gave X until … to"): no modal, yet an awaited step with
    /// its date.
    #[test]
    fn present_tense_deadlines_are_pending() {
        let (p, _) = read("The grain corridor agreement expires on 30 June.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].due.as_ref().and_then(|d| d.date),
            NaiveDate::from_ymd_opt(2030, 6, 30)
        );
        let (p, _) = read("Ruritania has until Friday to answer the request from the council.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].what.starts_with("answer the request"), "{}", p[0].what);
        // A time granted to others is theirs: "gave X until … to".
        let (p, _) = read("The ministers gave negotiators until mid-July to finish the text.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].what.starts_with("finish the text"), "{}", p[0].what);
        assert_eq!(
            p[0].due.as_ref().and_then(|d| d.date),
            NaiveDate::from_ymd_opt(2030, 7, 15)
        );
    }

    /// Class: a commitment whose verb is no listed action ("pledged to reopen",
    /// "is due to elect … on 14 June"): the cue and its deadline decide, whatever
    /// the verb.
    #[test]
    fn commitments_with_any_verb_are_pending() {
        let (p, _) =
            read("Ruritania pledged to reopen the northern crossing by the end of the month.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].what.starts_with("reopen the northern crossing"),
            "{}",
            p[0].what
        );
        let (p, _) = read("The assembly is due to elect a new chair of the commission on 14 June.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].what.starts_with("elect a new chair"), "{}", p[0].what);
    }

    /// Class: a norm, not a commitment ("should be respected"): no one is bound to
    /// a step a later article could report done.
    /// Class: an "and" between two modifiers ("economic and military aid") is
    /// inside the object, not its end.
    #[test]
    fn modifiers_joined_by_and_stay_in_the_object() {
        let (p, _) = read("Chile will send economic and military aid to Peru by Friday.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].what.contains("military aid"), "{:?}", p[0].what);
        let (p, _) = read("Chile will submit a proposal and wait for the reply by Friday.");
        assert!(p.iter().all(|x| !x.what.contains("wait")), "{p:?}");
    }

    #[test]
    fn norms_are_not_pending() {
        let (p, _) = read("Borders should be respected by all sides, the statement said.");
        assert!(p.is_empty(), "{p:?}");
    }

    /// "The United States will": a verb of saying inside a name ("States") is
    /// no saying before the cue; "Per Lund states that" is.
    #[test]
    fn a_name_holding_a_verb_of_saying_says_nothing() {
        let said_before = |text: &str| {
            let doc = Doc::read(text, NaiveDate::from_ymd_opt(2030, 6, 12).unwrap());
            let subjects = vec![None; doc.sentences.len()];
            let c = all_candidates(&doc, &subjects);
            c[0].features.iter().any(|f| f == "said_before")
        };
        assert!(!said_before(
            "The United States will open a consulate in Tam Ruen's capital."
        ));
        assert!(said_before(
            "Per Lund states that Norway will open a consulate."
        ));
    }

    /// The shipped weights parse, and the model is not the bootstrap one.
    #[test]
    fn the_shipped_pending_model_is_trained() {
        let tsv = include_str!("../weights/pending.tsv");
        assert!(LinearModel::parse(tsv).is_ok());
        assert!(
            tsv.lines().count() > 50,
            "weights/pending.tsv looks untrained"
        );
    }
}
