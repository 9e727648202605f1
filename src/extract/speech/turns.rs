//! Transcripts and interviews: a turn opens with a speaker label ("SECRETARY
//! BLINKEN:", "THE PRESIDENT:", "Karaosmanoğlu:") and runs over the unlabelled
//! paragraphs after it until the next label. Each substantive paragraph of a turn
//! is one direct statement; questions ("Q", "QUESTION:", the interviewer) and
//! courtesies ("Good morning", "thank you for that introduction") are not.
//!
//! "THE PRESIDENT" is the person the text introduced with that title. A label in
//! mixed case counts only when it opens two paragraphs or more (an interview), so
//! that "Note: …" or a heading with a colon is not a speaker.

use crate::model::{ActorName, Span, Speech, Statement};

use super::super::Doc;
use super::super::clauses::Subject;
use super::super::lexicon::{LEXICON, key, lower};
use super::State;

/// Labels that are not people ("QUESTION:", "MODERATOR:").
const ANON_LABELS: &[&str] = &[
    "q",
    "question",
    "reporter",
    "moderator",
    "audience",
    "operator",
    "participant",
    "staff",
];

/// Honorifics dropped from a label before its title or name is read.
const HONORIFICS: &[&str] = &["the", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"];

/// Paragraphs of a turn with fewer words outside courtesies are not statements.
const MIN_WORDS: usize = 8;

/// The turn a transcript is in.
#[derive(Debug, Clone)]
pub(super) enum Turn {
    /// A person speaks: each paragraph is their statement.
    Speaker(Subject),
    /// A question or a moderator: its paragraphs are no one's statement.
    Question,
}

/// The label opening the paragraph of sentence `i`, and its length in bytes from
/// the sentence start (0 when the sentence splitter already cut it off).
pub(super) fn label(doc: &Doc, i: usize, interview: &[String]) -> Option<(String, usize)> {
    let s = &doc.sentences[i];
    if let Some(l) = &s.label {
        return Some((l.clone(), 0));
    }
    if i > 0 && doc.sentences[i - 1].para == s.para {
        return None;
    }
    let text = &doc.text[s.span.start..s.span.end];
    // "Q Mr. President, …": a question without a colon.
    if text.starts_with("Q ") {
        return Some(("Q".into(), 2));
    }
    let colon = text.find(": ")?;
    let l = &text[..colon];
    interview
        .iter()
        .any(|x| x == l)
        .then(|| (l.to_string(), colon + 2))
}

/// Labels in mixed case that open two paragraphs or more: an interview's speakers.
pub(super) fn interview_labels(doc: &Doc) -> Vec<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if s.label.is_some() || (i > 0 && doc.sentences[i - 1].para == s.para) {
            continue;
        }
        let text = &doc.text[s.span.start..s.span.end];
        let Some(colon) = text.find(": ") else {
            continue;
        };
        let l = &text[..colon];
        let words: Vec<&str> = l.split_whitespace().collect();
        let capitalised = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if words.is_empty() || words.len() > 3 || !capitalised {
            continue;
        }
        match seen.iter_mut().find(|x| x.0 == l) {
            Some(x) => x.1 += 1,
            None => seen.push((l.to_string(), 1)),
        }
    }
    seen.into_iter().filter(|x| x.1 >= 2).map(|x| x.0).collect()
}

/// Who speaks under `label`: a person the article introduced, the holder of a
/// title ("THE PRESIDENT"), or for a name of two words or more in capitals, that
/// name; questions and moderators are a `Question`. None for labels that name no
/// one ("LIVE:", the interviewer's outlet).
pub(super) fn speaker(doc: &Doc, label: &str) -> Option<Turn> {
    let words: Vec<&str> = label
        .split_whitespace()
        .filter(|w| !HONORIFICS.contains(&lower(w).as_ref()))
        .collect();
    let surname = *words.last()?;
    if ANON_LABELS.contains(&lower(label).as_ref())
        || ANON_LABELS.contains(&lower(surname).as_ref())
    {
        return Some(Turn::Question);
    }
    let person = |name: &str| {
        Some(Turn::Speaker(Subject {
            name: name.to_string(),
            person: true,
        }))
    };
    let title = key(&words.join(" "));
    if LEXICON.titles.contains(&title) {
        // A label's title is the host's, whom the headline names.
        return (doc.registry.by_headline_title(&title))
            .or_else(|| doc.registry.by_title(&title))
            .and_then(person);
    }
    if let Some(full) = doc.registry.full(surname) {
        return person(full);
    }
    // Unknown one-word labels ("LIVE:", "DOHA:") and mixed-case labels that are no
    // known person (the interviewer's outlet) are not speakers.
    let in_capitals = label.chars().all(|c| !c.is_lowercase());
    if words.len() < 2 || !in_capitals {
        return None;
    }
    let mut c = surname.chars();
    let name: String = c
        .next()?
        .to_uppercase()
        .chain(c.flat_map(char::to_lowercase))
        .collect();
    person(&name)
}

/// The last sentence of the paragraph of sentence `i`.
pub(super) fn paragraph_end(doc: &Doc, i: usize) -> usize {
    let mut j = i;
    while j + 1 < doc.sentences.len() && doc.sentences[j + 1].para == doc.sentences[i].para {
        j += 1;
    }
    j
}

/// Whether the paragraph of sentence `i` quotes someone: news prose, which no
/// transcript turn runs into.
pub(super) fn is_reporting(doc: &Doc, i: usize) -> bool {
    let j = paragraph_end(doc, i);
    let span = Span::new(doc.sentences[i].span.start, doc.sentences[j].span.end);
    doc.text[span.start..span.end].contains(['“', '"'])
}

/// Whether a sentence is a courtesy: a greeting, thanks, a welcome, applause.
fn is_courtesy(sentence: &str) -> bool {
    let l = sentence.to_lowercase().replace('’', "'");
    LEXICON.courtesy.iter().any(|c| l.contains(c.as_str()))
}

/// The paragraph of sentences `first..=last` (its first `skip` bytes a label) as
/// one direct statement of `who`, unless it is mostly courtesy or a stage note.
pub(super) fn paragraph(
    doc: &Doc,
    first: usize,
    last: usize,
    skip: usize,
    who: &Subject,
    st: &mut State,
) {
    let start = doc.sentences[first].span.start + skip;
    let text = |k: usize| {
        let s = doc.sentences[k].span;
        &doc.text[s.start.max(start)..s.end]
    };
    if text(first).trim_start().starts_with('(') && first == last {
        return;
    }
    let words: usize = (first..=last)
        .filter(|&k| !is_courtesy(text(k)))
        .map(|k| {
            text(k)
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
        })
        .sum();
    let Some(name) = ActorName::new(&who.name) else {
        return;
    };
    // A paragraph that ends in a question asks; it does not state.
    if words < MIN_WORDS || text(last).trim_end().ends_with('?') {
        return;
    }
    let span = Span::new(start, doc.sentences[last].span.end);
    st.out.push(Statement {
        speaker: name,
        quote: doc.text[span.start..span.end].trim().to_string(),
        speech: Speech::Direct,
        audience: Some("reporters".into()),
        evidence: doc.evidence_span(span),
    });
}

/// Where a turn's paragraph stops early: at a question asked inside it ("… Q Why
/// do you think …"). The last sentence of the turn's part.
pub(super) fn turn_end(doc: &Doc, first: usize, last: usize) -> usize {
    (first + 1..=last)
        .find(|&k| {
            let s = doc.sentences[k].span;
            doc.text[s.start..s.end].starts_with("Q ")
        })
        .map_or(last, |k| k - 1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::said;

    #[test]
    fn a_turn_runs_over_unlabelled_paragraphs_until_the_next_label() {
        let v = said(
            "Secretary Ola Brek spoke to the press.\n\nSECRETARY BREK: Good morning, everyone. Welcome.\n\nOur two countries have worked together on the harbour for many years now.\n\nWe will keep doing so.\n\nQUESTION: What about the border?\n\nSECRETARY BREK: The border talks resume in July, and we expect progress there.",
        );
        let quotes: Vec<&str> = v.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(
            quotes,
            [
                "Our two countries have worked together on the harbour for many years now.",
                "The border talks resume in July, and we expect progress there."
            ],
            "{v:?}"
        );
        assert!(v.iter().all(|s| s.0 == "Ola Brek" && s.2));
    }

    /// The speakers of `text` under the headline `title`.
    fn speakers_under(title: &str, text: &str) -> Vec<String> {
        let doc = crate::extract::Doc::read_titled(
            text,
            title,
            chrono::NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let said = super::super::statements(&doc);
        said.statements
            .iter()
            .map(|s| s.speaker.to_string())
            .collect()
    }

    /// Class: "THE PRESIDENT:" in the transcript of "Remarks by President X" is
    /// X, the host, though the text introduces another president first.
    #[test]
    fn a_title_label_is_the_host_the_headline_names() {
        let speakers = speakers_under(
            "Remarks by President Ola Brek Before Departure",
            "Q Can I ask about Ruritania?\n\nTHE PRESIDENT: I met President Tam Ruen in Lima \
             on Monday, and we agreed to keep talking.",
        );
        assert_eq!(speakers, ["Ola Brek"], "{speakers:?}");
        // A title-case headline runs words into the name; the text tells where
        // it ends.
        let speakers = speakers_under(
            "Remarks by President Brek Providing an Update on the Talks",
            "THE PRESIDENT: I met President Tam Ruen and Brek's envoy in Lima on Monday, and \
             we agreed to keep talking.",
        );
        assert_eq!(speakers, ["Brek"], "{speakers:?}");
    }

    #[test]
    fn a_paragraph_that_asks_is_no_statement() {
        let v = said(
            "Secretary Ola Brek spoke to the press.\n\nSECRETARY BREK: We have met the other side twice this month, and both meetings went well. But what comes after the next round of talks?",
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn interview_labels_in_mixed_case_and_title_labels() {
        let v = said(
            "Harbour Weekly spoke to analyst Tam Ruen about the talks.\n\nHarbour Weekly: Will the talks resume soon?\n\nRuen: Probably in July, once both cabinets have approved the new mandate.\n\nHarbour Weekly: And then?\n\nRuen: Then the hard part starts, because the border question is still open.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, "Tam Ruen");
        assert!(v[0].1.starts_with("Probably in July"));
        let v = said(
            "President Ola Brek spoke to reporters.\n\nQ Will you meet Tam Ruen?\n\nTHE PRESIDENT: I expect to see him next month, when the summit opens in the capital. Q And the border?",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Ola Brek");
        assert_eq!(
            v[0].1,
            "I expect to see him next month, when the summit opens in the capital."
        );
    }
}
