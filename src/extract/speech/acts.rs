//! Speech acts whose object is what was said: "The Vice President reaffirmed the
//! U.S. commitment to …", "They expressed concern over …", "…, noting how the war
//! has …". Official readouts report most of what was said this way; the verbs are
//! the `[acts]` list of `lexicon/speech.txt`.
//!
//! The object runs to the end of its clause: a semicolon, ", and he …", " and
//! welcomed …" (the next act), or a participle that starts another ("…, noting …").
//! An object that is a person or a group of people ("welcomed the delegations") is
//! a greeting, not speech; a passive ("was welcomed") has no speaker.

use crate::model::{Span, Speech};

use super::super::Doc;
use super::super::actors::ActorKind;
use super::super::lexicon::{LEXICON, starts};
use super::super::words::Words;
use super::{State, speaker_at, subject_of};

/// Words that open a prepositional phrase or a clause, not an object.
const NOT_OBJECT: &[&str] = &[
    "that", "to", "in", "on", "at", "for", "with", "by", "from", "about", "during", "after",
    "before", "as", "into", "over", "he", "she", "it", "they", "we", "i", "you", "there", "and",
    "or", "but", "this", "when", "if", "up", "out", "back", "him", "her", "them", "us", "me",
];

/// Verbs that may follow " and " to start a new predicate of the same subject.
const NEXT_PREDICATE: &[&str] = &[
    "discussed",
    "agreed",
    "reviewed",
    "pledged",
    "committed",
    "called",
    "urged",
    "announced",
    "met",
    "spoke",
    "exchanged",
    "signed",
    "launched",
    "encouraged",
    "looked",
    "invited",
    "offered",
    "requested",
    "asked",
    "said",
    "added",
    "also",
];

/// Heads of objects that are people: "welcomed the two delegations".
const PEOPLE: &[&str] = &[
    "delegation",
    "delegations",
    "leaders",
    "leader",
    "guests",
    "guest",
    "counterpart",
    "counterparts",
    "visitors",
    "visitor",
    "minister",
    "ministers",
    "president",
    "officials",
    "representatives",
    "participants",
    "members",
    "ambassador",
    "envoy",
    "everyone",
    "colleagues",
    "team",
    "teams",
    "troops",
    "family",
    "families",
    "him",
    "her",
    "them",
];

/// The act verb at word `v`, one word or two ("made clear"): its length.
fn act_verb(words: Words, v: usize) -> Option<usize> {
    if !words.starts(v, starts::ACT) {
        return None;
    }
    let w = words.key(v);
    if LEXICON.acts.contains(w) {
        return Some(1);
    }
    let next = words.key_at(v + 1)?;
    LEXICON.acts.contains(&format!("{w} {next}")).then_some(2)
}

/// Whether word `k` starts another predicate or clause: "and welcomed", ", and he",
/// ", noting".
fn ends_object(words: Words, k: usize) -> bool {
    let w = words.key(k);
    if matches!(w, ";" | "“" | "\"" | ":" | "(") {
        return true;
    }
    let next = words.key_at(k + 1).unwrap_or_default();
    let verbish = |x: &str| {
        LEXICON.acts.contains(x)
            || LEXICON.reported_that.contains(x)
            || LEXICON.reported_more.contains(x)
            || NEXT_PREDICATE.contains(&x)
    };
    match w {
        "," => {
            matches!(next, "and" | "but" | "while" | "whereas" | "which")
                && words
                    .key_at(k + 2)
                    .is_some_and(|x| verbish(x) || matches!(x, "he" | "she" | "they" | "we"))
                || (next.ends_with("ing") && verbish(next))
                || matches!(next, "while" | "but")
        }
        "and" => verbish(next),
        _ => false,
    }
}

/// Whether the object at `c..e` names people rather than what was said.
fn names_people(doc: &Doc, i: usize, c: usize, e: usize) -> bool {
    let words = doc.words(i);
    let toks = &doc.toks[i];
    let near = toks[(c + 1).min(e - 1)].start;
    // Titles count: "welcomed Prime Minister Tam Ruen".
    let starts_with_person = doc.mentions[i].iter().any(|m| {
        m.kind == ActorKind::Person
            && !m.possessive
            && m.span.start >= toks[c].start
            && m.span.start <= near
    });
    let head_end = (c..e)
        .find(|&k| {
            matches!(
                words.key(k),
                "of" | "to" | "for" | "from" | "at" | "in" | "on" | "," | "and"
            )
        })
        .unwrap_or(e);
    starts_with_person || (head_end > c && PEOPLE.contains(&words.key(head_end - 1)))
}

/// Reads the speech acts of sentence `i`; `first` is the index of the sentence's
/// first statement in `st.out` (found by the other rules).
pub(super) fn acts(doc: &Doc, i: usize, st: &mut State, first: usize) {
    let words = doc.words(i);
    let toks = &doc.toks[i];
    let end = super::sentence_end(words);
    let quotes = super::speech_quotes(doc, i);
    let inside_quote = |pos: usize| {
        quotes
            .iter()
            .any(|q| q.outer.start <= pos && pos < q.outer.end)
    };
    let mut v = 0;
    while v < end {
        let Some(len) = act_verb(words, v) else {
            v += 1;
            continue;
        };
        let c = v + len;
        let passive = v > 0
            && matches!(
                words.key(v - 1),
                "was" | "were" | "been" | "be" | "being" | "is" | "are" | "the" | "a" | "an"
            );
        if passive
            || inside_quote(toks[v].start)
            || c >= end
            || NOT_OBJECT.contains(&words.key(c))
            || !words[c].chars().next().is_some_and(char::is_alphanumeric)
        {
            v += len;
            continue;
        }
        let e = (c + 1..end).find(|&k| ends_object(words, k)).unwrap_or(end);
        let span = Span::new(toks[c].start, toks[e - 1].end);
        let covered = st.out[first..]
            .iter()
            .any(|s| s.evidence.span == doc.sentences[i].span && overlaps(s, span));
        if e < c + 2
            || covered
            || names_people(doc, i, c, e)
            || quotes
                .iter()
                .any(|q| q.outer.start >= span.start && q.outer.start < span.end)
        {
            v += len;
            continue;
        }
        let participle = words.key(v).ends_with("ing");
        let who = if participle {
            st.out[first..].last().map(subject_of)
        } else {
            speaker_at(doc, i, v, st, first)
        };
        if let Some(who) = who {
            st.push(doc, &who, span, Speech::Reported, None, i);
        }
        v = e;
    }
}

/// Whether statement `s` covers part of `span`.
fn overlaps(s: &crate::model::Statement, span: Span) -> bool {
    let start = s.evidence.span.start + s.evidence.sentence.find(&s.quote).unwrap_or(0);
    let end = start + s.quote.len();
    start < span.end && span.start < end
}

#[cfg(test)]
mod tests {
    use super::super::tests::said;

    #[test]
    fn readout_speech_acts_take_their_object_as_what_was_said() {
        let v = said(
            "Vice President Ana Veld met President Tam Ruen in Oslo. The Vice President reaffirmed the commitment of her government to the accord and welcomed the new harbour agreement.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, "Ana Veld");
        assert_eq!(v[0].1, "the commitment of her government to the accord");
        assert_eq!(v[1].0, "Ana Veld");
        assert_eq!(v[1].1, "the new harbour agreement");
        assert!(!v[0].2);
    }

    #[test]
    fn a_participle_act_goes_on_from_the_speaker() {
        let v = said(
            "Ola Brek strongly condemned the shelling of the port, noting how the attacks had cut off aid to the city.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, "Ola Brek");
        assert_eq!(v[1].1, "how the attacks had cut off aid to the city");
    }

    #[test]
    fn greetings_and_passives_are_not_speech() {
        assert!(said("Ola Brek welcomed the two delegations to the capital.").is_empty());
        assert!(said("Ola Brek was welcomed at the airport by the mayor of the city.").is_empty());
        assert!(said("Ola Brek welcomed Prime Minister Tam Ruen to Oslo on Monday.").is_empty());
    }

    #[test]
    fn joint_speakers_and_they() {
        let v = said(
            "Foreign Minister Ola Brek and Prime Minister Tam Ruen reaffirmed their shared commitment to open sea lanes. They also condemned the missile launches over the strait.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, "Ola Brek and Tam Ruen");
        assert_eq!(v[1].0, "Ola Brek and Tam Ruen");
    }
}
