//! Who a meeting clause's subject is when the clause does not name it: the
//! names before relative "who", the subject of the sentence's first predicate
//! for a second one joined by "and" or "but", and the subjects of a clause
//! that "after talks mediated by Z" follows.

use super::super::Doc;
use super::super::lexicon::starts;
use super::super::tokens::is_capitalised;
use super::super::words::Words;
use super::boundaries::{closed_relative, future_predicate, is_boundary};
use super::cues::find_cues;
use super::decide::Clause;
use super::no_party::a_place_left;
use super::participants::add;

/// Whether the clause opening at `left` is ", and", ", but" or ", then" right
/// before its cue at `first` with only lower-case words of the predicate between
/// ("and later held a separate call with", "but ended their first session"): a
/// second predicate of the subject. A subject of its own ("and the two", "and
/// they") starts another sentence's worth.
fn second_predicate(words: Words, left: usize, first: usize) -> bool {
    let and = left + usize::from(words.get(left) == Some(&","));
    matches!(words.key_at(and), Some("and" | "but" | "then"))
        && first > and
        && first - and <= 5
        && (and + 1..first).all(|k| {
            let opens_a_subject = k == and + 1
                && matches!(
                    words.key(k),
                    "the" | "both" | "its" | "their" | "his" | "her" | "all" | "each"
                );
            words[k].chars().all(|c| c.is_lowercase() || c == '-')
                && !opens_a_subject
                && !matches!(words.key(k), "they" | "he" | "she" | "we" | "it" | "i")
        })
}

/// "X, who met Y": X takes part; so does X in "X, who said …, met Y", whose
/// clause opens at the comma that closes the relative. "X and Y, who met in
/// Lima on Monday, …": the relative stands for all the names joined by "and"
/// before it.
pub(super) fn subject_of_relative(doc: &Doc, i: usize, clause: &Clause, names: &mut Vec<String>) {
    let words = clause.words;
    let left = match closed_relative(words, clause.left, clause.first()) {
        Some((close, who)) if close == clause.left => who - 1,
        _ if words.key(clause.left) == "who" => clause.left,
        _ => return,
    };
    if left == 0 {
        return;
    }
    let mentions = &doc.mentions[i];
    let Some(mut at) = mentions
        .iter()
        .rposition(|m| m.last <= left && !m.possessive)
    else {
        return;
    };
    let mut antecedent = vec![at];
    // Back through "A, B and C": only commas and "and" between one name (with
    // its title) and the one before; the list must hold an "and".
    while let Some(before) = mentions[..at]
        .iter()
        .rposition(|m| m.last <= mentions[at].first && !m.possessive)
    {
        let from = mentions[before].last;
        let to = (from..mentions[at].first)
            .find(|&k| doc.toks[i][k].start >= mentions[at].span.start)
            .unwrap_or(mentions[at].first);
        if to == from || !(from..to).all(|k| matches!(words.key(k), "," | "and")) {
            break;
        }
        antecedent.push(before);
        at = before;
    }
    // Commas alone join a name and its apposition, not two names.
    let joined = |k: usize| words.key(k) == "and";
    let earliest_end = mentions[at].last;
    if !(earliest_end..mentions[antecedent[0]].first).any(joined) {
        antecedent.truncate(1);
    }
    for &k in antecedent.iter().rev() {
        add(&mentions[k].name, names);
    }
}

/// "X met Y on Monday and will meet Z on Friday", "X received a call from Y, and
/// later held a separate call with Z": a predicate that looks ahead, or a second
/// meeting verb, joined by "and", has the subject of the sentence's first meeting
/// verb.
pub(super) fn subject_of_first_verb(doc: &Doc, i: usize, clause: &Clause, names: &mut Vec<String>) {
    let (words, left) = (clause.words, clause.left);
    if !future_predicate(words, left) && !second_predicate(words, left, clause.first()) {
        return;
    }
    // The comma of ", but" is a boundary of its own: the subject's clause ends
    // before it.
    let before = left - usize::from(left > 0 && words[left - 1] == ",");
    let start = (0..before)
        .rev()
        .find(|&k| is_boundary(words, k))
        .map_or(0, |k| k + 1);
    let verb = find_cues(words)
        .into_iter()
        .flatten()
        .map(|c| c.0)
        .find(|&c| c >= start && c < left);
    let Some(verb) = verb else {
        // "A and B agreed to keep talking, but ended their session": no meeting
        // verb before, so the names that open the sentence are its subject.
        let end = subject_end(doc, i, words, start..left);
        for m in doc.mentions[i].iter().filter(|m| {
            m.first >= start && m.last <= end && !m.possessive && (!m.modifier || m.group)
        }) {
            add(&m.name, names);
        }
        return;
    };
    for m in doc.mentions[i]
        .iter()
        .filter(|m| m.first >= start && m.last <= verb && !m.possessive && !m.modifier)
    {
        add(&m.name, names);
    }
}

/// Where the names opening a clause at `start` end: the first lower-case word
/// outside every name that is not "and", "of" or "the" (the verb, or the noun
/// of "Kenyan and Ugandan diplomats").
fn subject_end(doc: &Doc, i: usize, words: Words, span: std::ops::Range<usize>) -> usize {
    let named = |k: usize| doc.mentions[i].iter().any(|m| m.first <= k && k < m.last);
    span.clone()
        .find(|&k| {
            words[k].chars().next().is_some_and(char::is_lowercase)
                && !matches!(words.key(k), "and" | "of" | "the")
                && !named(k)
        })
        .unwrap_or(span.end)
}

/// "X and Y signed the accord after talks mediated by Z": the subjects of the
/// clause before "after talks" took part in them.
pub(super) fn subjects_of_mediated_talks(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    names: &mut Vec<String>,
) {
    let Clause {
        words, left, right, ..
    } = *clause;
    let first = clause.first();
    // "X told reporters after meeting Y": a gerund cue takes its object at once.
    let gerund = words.key(first).ends_with("ing")
        && words.get(first + 1).is_some_and(|w| is_capitalised(w));
    if matches!(words.key(left), "after" | "following" | "before")
        && first == left + 1
        && (gerund
            || words[first..right]
                .iter()
                .any(|w| matches!(*w, "by" | "with")))
        && !words[first..right].contains(&"between")
    {
        // The subject may stand before a verb of saying: "X said after talks with Y".
        let start = (0..left)
            .rev()
            .find(|&k| is_boundary(words, k) && !words.starts(k, starts::REPORTED))
            .map_or(0, |k| k + 1);
        for m in doc.mentions[i]
            .iter()
            .filter(|m| m.first >= start && m.last <= left && !m.possessive && !m.modifier)
            .filter(|m| !a_place_left(words, m))
        {
            add(&m.name, names);
        }
    }
}
