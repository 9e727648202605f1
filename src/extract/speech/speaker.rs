//! Who speaks in one clause of a sentence that may hold several: "Its promise was
//! never kept, and Kurti has long said …" is Kurti's, and "… and welcomed the plan"
//! goes on with the subject of the verb before it.
//!
//! Two people joined by "and" speak together ("The Vice President and the President
//! reaffirmed …"), and "they" or "the two leaders" is the last such pair.

use super::super::Doc;
use super::super::actors::ActorKind;
use super::super::clauses::{Subject, clause_start, subject_from};
use super::super::words::Words;

/// Conjunctions that open a new clause with its own subject after a comma.
const CLAUSE_CONJ: &[&str] = &[
    "and", "but", "while", "whereas", "although", "though", "yet",
];

/// Words that may stand between a subject and its verb (adverbs, auxiliaries).
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "long",
    "again",
    "further",
    "then",
    "later",
    "once",
    "repeatedly",
    "publicly",
    "privately",
    "strongly",
    "firmly",
    "already",
    "is",
    "was",
    "were",
    "are",
    "would",
    "will",
    "not",
    "only",
    "jointly",
    "both",
    "each",
    "warmly",
    "separately",
    "earlier",
    "previously",
    "likewise",
    "similarly",
    "additionally",
];

/// Words that mean the last pair of speakers.
const GROUP_WORDS: &[&str] = &["they", "both"];

/// How the verb at `v` finds its subject.
pub enum Local {
    /// The verb has a subject of its own in its clause.
    Own(Subject),
    /// "… and welcomed": coordinated, the subject of the verb before it.
    Coordinated,
    /// No subject could be read.
    Unknown,
}

/// Where the clause of the verb at `v` starts: after the last quote mark, colon or
/// semicolon (`clause_start`), or after ", and" / ", but" / "while" that opens a
/// new clause before it.
pub fn local_start(doc: &Doc, i: usize, v: usize) -> usize {
    let words = doc.words(i);
    let start = clause_start(doc, i, v);
    (start..v)
        .rev()
        .find(|&k| {
            CLAUSE_CONJ.contains(&words.key(k))
                && k > start
                && matches!(words[k - 1], "," | ";")
                && k + 1 < v
        })
        .map_or(start, |k| k + 1)
}

/// The subject of the verb at `v` in its own clause, or whether it is coordinated
/// with the verb before it. `last` is the person the text was last about, `group`
/// the last pair of joint speakers.
pub fn local_subject(
    doc: &Doc,
    i: usize,
    v: usize,
    last: Option<&str>,
    group: Option<&str>,
) -> Local {
    let words = doc.words(i);
    let start = local_start(doc, i, v);
    let mut end = v;
    while end > start && BETWEEN.contains(&words.key(end - 1)) {
        end -= 1;
    }
    if end == start || (end == start + 1 && matches!(words.key(start), "and" | ",")) {
        return Local::Coordinated;
    }
    if matches!(words.key(end - 1), "and") {
        return Local::Coordinated;
    }
    if let Some(s) = joint(doc, i, start, end) {
        return Local::Own(s);
    }
    if end == start + 1 && GROUP_WORDS.contains(&words.key(start)) || is_pair(words, start, end) {
        return group.map_or(Local::Unknown, |g| {
            Local::Own(Subject {
                name: g.to_string(),
                person: false,
            })
        });
    }
    subject_from(doc, i, start, end, last).map_or(Local::Unknown, Local::Own)
}

/// "the two leaders", "both ministers", "the leaders": the pair just named.
fn is_pair(words: Words, start: usize, end: usize) -> bool {
    let n = end - start;
    if !(2..=3).contains(&n) {
        return false;
    }
    let first = words.key(start);
    let head = words.key(end - 1);
    matches!(first, "the" | "both")
        && (n == 2 || matches!(words.key(start + 1), "two" | "three"))
        && matches!(
            head,
            "leaders" | "ministers" | "presidents" | "sides" | "men" | "women" | "officials"
        )
}

/// Two or three people joined by "and" as one subject: "A and B".
pub fn joint(doc: &Doc, i: usize, start: usize, end: usize) -> Option<Subject> {
    let words = doc.words(i);
    let and = (start..end).find(|&k| words.key(k) == "and")?;
    if (start..end).any(|k| words[k] == "," || words[k] == "“") {
        return None;
    }
    let people: Vec<&str> = doc.mentions[i]
        .iter()
        .filter(|m| m.first >= start && m.last <= end && !m.possessive)
        .filter(|m| m.kind == ActorKind::Person)
        .map(|m| m.name.as_str())
        .collect();
    let before = doc.mentions[i]
        .iter()
        .any(|m| m.first >= start && m.last <= and && m.kind == ActorKind::Person);
    if people.len() < 2 || !before || people.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
    Some(Subject {
        name: people.join(" and "),
        person: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn local(text: &str, verb: &str, group: Option<&str>) -> Option<String> {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let words = doc.words(0);
        let v = words.raw().iter().rposition(|w| *w == verb)?;
        match local_subject(&doc, 0, v, None, group) {
            Local::Own(s) => Some(s.name),
            Local::Coordinated => Some("<coordinated>".into()),
            Local::Unknown => None,
        }
    }

    #[test]
    fn a_clause_after_comma_and_has_its_own_subject() {
        assert_eq!(
            local(
                "The old accord was never honoured, and Ola Brek has long said it was dead.",
                "said",
                None
            )
            .as_deref(),
            Some("Ola Brek")
        );
    }

    #[test]
    fn a_verb_after_and_is_coordinated() {
        assert_eq!(
            local(
                "Ola Brek praised the accord and welcomed the new timetable.",
                "welcomed",
                None
            )
            .as_deref(),
            Some("<coordinated>")
        );
    }

    #[test]
    fn two_people_joined_by_and_speak_together_and_they_is_the_pair() {
        assert_eq!(
            local(
                "Foreign Minister Ola Brek and Prime Minister Tam Ruen reaffirmed their ties.",
                "reaffirmed",
                None
            )
            .as_deref(),
            Some("Ola Brek and Tam Ruen")
        );
        assert_eq!(
            local(
                "They also condemned the attacks.",
                "condemned",
                Some("Ola Brek and Tam Ruen")
            )
            .as_deref(),
            Some("Ola Brek and Tam Ruen")
        );
        assert_eq!(
            local(
                "The two leaders stressed the need for calm.",
                "stressed",
                Some("Ola Brek and Tam Ruen")
            )
            .as_deref(),
            Some("Ola Brek and Tam Ruen")
        );
    }

    /// "The Vice President and the President" after "Vice President A met
    /// President B" are A and B together: a vice president is not "the President".
    #[test]
    fn a_vice_president_and_the_president_speak_together() {
        let doc = Doc::read(
            "Vice President Ana Veld met President Tam Ruen of Chile in Lima. \
             The Vice President and the President reaffirmed their commitment to the accord.",
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let words = doc.words(1);
        let v = words
            .raw()
            .iter()
            .position(|w| *w == "reaffirmed")
            .unwrap_or(0);
        let speaker = match local_subject(&doc, 1, v, None, None) {
            Local::Own(s) => Some(s.name),
            _ => None,
        };
        assert_eq!(speaker.as_deref(), Some("Ana Veld and Tam Ruen"));
    }
}
