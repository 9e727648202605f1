//! Who said what. Direct speech is a quotation with an attribution next to it
//! ("…,” Brek said; Brek said: “…”), or a quotation opening a paragraph that goes on
//! from the last speaker. Reported speech is the clause after a verb of saying
//! ("said that …", "told reporters the talks …"), after "according to X," or before a
//! closing attribution ("…, the ministry said."). Transcript turns ("MR. DALE: …")
//! are direct statements of the labelled speaker.
//!
//! Quotations that are titles, names or scare quotes are not statements: they are
//! short, written in title case, or follow "the", "titled", "called".

mod acts;
mod audience;
mod direct;
mod reported;
mod speaker;
mod turns;

use crate::model::{ActorName, Span, Speech, Statement};

use super::Doc;
use super::actors::ActorKind;
use super::clauses::{Subject, clause_start, phrase_after, subject, subject_from};
use super::lexicon::{LEXICON, lower, starts};
use super::quotes::Quote;
use super::tokens::{TokKind, is_capitalised};
use super::words::Words;

use audience::*;
use direct::*;
use reported::*;

/// What the speech rules found, and whom each sentence is about (for pronouns in
/// the other rule families).
pub struct Said {
    pub statements: Vec<Statement>,
    /// Per sentence: the person the sentence is about (its speaker, or the first
    /// person it names), or the last such person before it.
    pub subjects: Vec<Option<String>>,
    /// Stretches of text a named person speaks in the first person: quotations and
    /// transcript turns, so that "I met X" inside them has a subject.
    pub voices: Vec<Voice>,
}

/// Text spoken by one person: "I" in it is that person.
pub struct Voice {
    pub span: Span,
    pub speaker: String,
}

impl Said {
    /// Who speaks the text at byte `at`, if a named person's quotation or turn holds it.
    pub fn voice_at(&self, at: usize) -> Option<&str> {
        self.voices
            .iter()
            .find(|v| v.span.start <= at && at < v.span.end)
            .map(|v| v.speaker.as_str())
    }

    /// The text is `writer`'s own (a statement or speech its title attributes):
    /// "I" outside the quotations of others is the writer.
    pub fn speak_for_the_text(&mut self, writer: String, len: usize) {
        // After the quotations, so that theirs are found first.
        self.voices.push(Voice {
            span: Span { start: 0, end: len },
            speaker: writer,
        });
    }
}

/// Words before a quotation that make it a name or a title, not speech.
const TITLE_CUES: &[&str] = &[
    "the",
    "titled",
    "entitled",
    "called",
    "dubbed",
    "named",
    "so-called",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "of",
    "as",
];

pub fn statements(doc: &Doc) -> Said {
    let mut st = State {
        out: Vec::new(),
        last_person: None,
        last_speaker: None,
        last_group: None,
    };
    let interview = turns::interview_labels(doc);
    let mut turn: Option<turns::Turn> = None;
    let mut subjects = Vec::with_capacity(doc.sentences.len());
    let mut i = 0;
    while i < doc.sentences.len() {
        let s = &doc.sentences[i];
        if s.heading {
            turn = None;
            subjects.push(st.last_person.clone());
            i += 1;
            continue;
        }
        let new_para = i == 0 || doc.sentences[i - 1].para != s.para;
        let label = new_para.then(|| turns::label(doc, i, &interview)).flatten();
        if let Some((l, _)) = &label {
            turn = turns::speaker(doc, l);
        } else if new_para && turns::is_reporting(doc, i) {
            // Quotations in an unlabelled paragraph: the transcript gave way to prose.
            turn = None;
        }
        if new_para && let Some(t) = turn.clone() {
            let j = turns::paragraph_end(doc, i);
            let asked = turns::turn_end(doc, i, j) < j;
            i = turn_paragraph(doc, i, &t, label.map_or(0, |l| l.1), &mut st, &mut subjects);
            if asked {
                turn = Some(turns::Turn::Question);
            }
            continue;
        }
        if label.is_some() {
            // A label that names no one ("LIVE:"): its paragraph is not prose.
            let j = turns::paragraph_end(doc, i);
            for k in i..=j {
                turn_subject(doc, k, &mut st, &mut subjects);
            }
            i = j + 1;
            continue;
        }
        subjects.push(sentence(doc, i, &mut st));
        i += 1;
    }
    st.out.sort_by_key(|s| s.evidence.span.start);
    let voices = voices(&st.out);
    Said {
        statements: st.out,
        subjects,
        voices,
    }
}

/// Where each direct statement's words stand in the text: the quotation is an exact
/// substring of its evidence.
fn voices(statements: &[Statement]) -> Vec<Voice> {
    statements
        .iter()
        .filter(|s| s.speech == Speech::Direct)
        .filter_map(|s| {
            let at = s.evidence.span.start + s.evidence.sentence.find(s.quote.as_str())?;
            Some(Voice {
                span: Span {
                    start: at,
                    end: at + s.quote.len(),
                },
                speaker: s.speaker.to_string(),
            })
        })
        .collect()
}

/// Reads the speech of one prose sentence. Returns whom its pronouns mean: its
/// speaker, or whom the text was about.
fn sentence(doc: &Doc, i: usize, st: &mut State) -> Option<String> {
    let before = st.out.len();
    let person_before = st.last_person.clone();
    direct(doc, i, st);
    reported(doc, i, st);
    // The meeting and pending rules read pronouns by the speakers of quotations
    // and reported clauses; speech acts and joint speakers leave them be, and so
    // do speakers no "he" or "she" can stand for ("She met X, officials said",
    // "…, the ministry said"): the pronoun goes on with whom the text was about.
    let subject = st.out[before..]
        .first()
        .map(|s| s.speaker.to_string())
        .filter(|s| !s.contains(" and ") && (st.last_person.as_ref() == Some(s) || a_role(s)))
        .or(person_before);
    acts::acts(doc, i, st, before);
    if st.out.len() == before
        && let Some(m) = doc.mentions[i]
            .iter()
            .find(|m| m.kind == ActorKind::Person && !m.possessive)
        && !pronoun_before(doc.words(i), m.first)
    {
        st.last_person = Some(m.name.clone());
    }
    subject
}

/// "The representative of Chile said her delegation …": a speaker named by a
/// person's office is someone a "he" or "she" can stand for.
fn a_role(speaker: &str) -> bool {
    speaker
        .split(' ')
        .next()
        .is_some_and(|w| LEXICON.titles.contains(lower(w).as_ref()))
}

/// "Last month he flew to Bangkok, where he met General Tam Ruen": a sentence
/// whose subject is a pronoun goes on about the person the text was about; the
/// person it names after the pronoun is the one acted on, not the next "he".
fn pronoun_before(words: Words, first: usize) -> bool {
    (0..first.min(words.len())).any(|k| matches!(words.key(k), "he" | "she"))
}

/// Reads the paragraph of sentence `i` inside a transcript turn: the speaker's
/// statement (its first `skip` bytes are the label), then whatever speech the
/// speaker reports in it. Returns the sentence after the paragraph.
fn turn_paragraph(
    doc: &Doc,
    i: usize,
    turn: &turns::Turn,
    skip: usize,
    st: &mut State,
    subjects: &mut Vec<Option<String>>,
) -> usize {
    let j = turns::paragraph_end(doc, i);
    let turns::Turn::Speaker(who) = turn else {
        for k in i..=j {
            turn_subject(doc, k, st, subjects);
        }
        return j + 1;
    };
    let e = turns::turn_end(doc, i, j);
    turns::paragraph(doc, i, e, skip, who, st);
    for k in i..=j {
        let person = st.last_person.clone();
        if k <= e {
            sentence(doc, k, st);
        }
        st.last_person = person;
        turn_subject(doc, k, st, subjects);
    }
    j + 1
}

/// Whom the pronouns of sentence `k` of a labelled turn mean: the person the
/// speaker last talked about, which the sentence's first person then becomes.
fn turn_subject(doc: &Doc, k: usize, st: &mut State, subjects: &mut Vec<Option<String>>) {
    subjects.push(st.last_person.clone());
    if let Some(m) = doc.mentions[k]
        .iter()
        .find(|m| m.kind == ActorKind::Person && !m.possessive)
    {
        st.last_person = Some(m.name.clone());
    }
}

struct State {
    out: Vec<Statement>,
    /// The person the text was last about.
    last_person: Option<String>,
    /// The last speaker of a quotation and the paragraph it was in.
    last_speaker: Option<(String, Option<String>, usize)>,
    /// The last people who spoke together ("A and B"), for "they".
    last_group: Option<String>,
}

impl State {
    fn push(
        &mut self,
        doc: &Doc,
        speaker: &Subject,
        quote: Span,
        speech: Speech,
        audience: Option<String>,
        i: usize,
    ) {
        let Some(name) = ActorName::new(&speaker.name) else {
            return;
        };
        let q = trim_quote(doc.text, quote);
        if q.is_empty() {
            return;
        }
        if speaker.person {
            self.last_person = Some(speaker.name.clone());
        }
        if speaker.name.contains(" and ") {
            self.last_group = Some(speaker.name.clone());
        }
        if speech == Speech::Direct {
            self.last_speaker = Some((
                speaker.name.clone(),
                audience.clone(),
                doc.sentences[i].para,
            ));
        }
        self.out.push(Statement {
            speaker: name,
            quote: doc.text[q.start..q.end].to_string(),
            speech,
            audience,
            evidence: doc.evidence(i),
        });
    }
}

/// Trims white space and a trailing comma or dash from quoted words.
fn trim_quote(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let t = s.trim_start();
    let start = span.start + (s.len() - t.len());
    let t = t
        .trim_end()
        .trim_end_matches([',', '—', '–', ';', ':'])
        .trim_end();
    Span::new(start, start + t.len())
}

/// The speaker of a statement, as a subject for the next verb of its sentence.
fn subject_of(s: &Statement) -> Subject {
    Subject {
        name: s.speaker.to_string(),
        person: !s.speaker.to_string().contains(" and "),
    }
}

/// The speaker of the verb at word `v` of sentence `i`: the subject of its own
/// clause, or for a coordinated verb ("… and stressed") the speaker of the
/// sentence's last statement (`first` is where the sentence's statements start).
fn speaker_at(doc: &Doc, i: usize, v: usize, st: &State, first: usize) -> Option<Subject> {
    let last = st.last_person.as_deref();
    let pair = st.last_group.clone().or_else(|| pair_just_named(doc, i));
    match speaker::local_subject(doc, i, v, last, pair.as_deref()) {
        speaker::Local::Own(s) => Some(s),
        speaker::Local::Coordinated => st.out[first..]
            .last()
            .map(subject_of)
            .or_else(|| subject(doc, i, v, last)),
        speaker::Local::Unknown => subject(doc, i, v, last),
    }
}

/// "A met B on Monday. The two leaders underscored …", "… They reaffirmed …":
/// the two people the sentence before named, and no one else, are the pair
/// "they" and "the two leaders" stand for when no pair has spoken yet.
fn pair_just_named(doc: &Doc, i: usize) -> Option<String> {
    let j = i.checked_sub(1)?;
    let mut people: Vec<&str> = Vec::new();
    for m in doc.mentions[j]
        .iter()
        .filter(|m| m.kind == ActorKind::Person && !m.possessive)
    {
        if !people.contains(&m.name.as_str()) {
            people.push(&m.name);
        }
    }
    match people[..] {
        [a, b] => Some(format!("{a} and {b}")),
        _ => None,
    }
}

/// The number of words of a sentence without its closing stops.
fn sentence_end(words: Words) -> usize {
    let mut e = words.len();
    while e > 0 && matches!(words[e - 1], "." | "!" | "?") {
        e -= 1;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    pub(super) fn said(text: &str) -> Vec<(String, String, bool, Option<String>)> {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        statements(&doc)
            .statements
            .into_iter()
            .map(|s| {
                (
                    s.speaker.to_string(),
                    s.quote,
                    s.speech == Speech::Direct,
                    s.audience,
                )
            })
            .collect()
    }

    /// Class: a verb of saying inside a relative clause set off by commas
    /// reports only up to the comma that closes it; the main clause goes on
    /// with its subject's own news.
    #[test]
    fn what_is_said_in_a_relative_clause_ends_with_it() {
        for text in [
            "Ana Veld, who said the border must reopen, met Per Lund on Tuesday.",
            "Ana Veld, who told reporters that the border must reopen, flew to Lima.",
        ] {
            let v = said(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, "Ana Veld");
            assert_eq!(v[0].1, "the border must reopen", "{text}");
        }
    }

    /// Classes: a speaker described by a diplomatic role of a country, with no
    /// name ("Sweden's ambassador said", "the Swedish delegate said", as
    /// "Sweden's envoy" was); an unnamed source described after its head noun
    /// ("officials familiar with the talks said", "a source close to the
    /// delegation said"). The description is the speaker.
    #[test]
    fn described_speakers_without_names_speak() {
        for (text, who) in [
            (
                "Sweden's ambassador said the vote was premature.",
                "Sweden's ambassador",
            ),
            (
                "The Swedish delegate said the vote was premature.",
                "Swedish delegate",
            ),
            (
                "Officials familiar with the talks said no agreement had been reached.",
                "Officials familiar with the talks",
            ),
            (
                "A source close to the delegation said the talks had stalled.",
                "source close to the delegation",
            ),
        ] {
            let v = said(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, who);
        }
    }

    /// Class: "the two leaders" or "they" speaking right after a sentence that
    /// named two people ("A met B on Monday. The two leaders underscored …"):
    /// the pair is the speaker.
    #[test]
    fn the_two_leaders_just_named_speak_together() {
        let v = said(
            "Ana Veld met Per Lund in Oslo on Monday. The two leaders underscored the strength of the alliance.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Ana Veld and Per Lund");
        let v = said("Ana Veld met Per Lund and Tam Ruen on Monday. They reaffirmed the accord.");
        assert!(v.is_empty(), "three people named: no pair: {v:?}");
    }

    /// Class: a participle of saying after a comma ("said the talks were
    /// useful, adding that a deal was near") reports a second clause of the
    /// same speaker, a statement of its own.
    #[test]
    fn a_participle_of_saying_reports_a_second_clause() {
        let v = said("Ana Veld said the talks were useful, adding that a deal was near.");
        let quotes: Vec<&str> = v.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(quotes, ["the talks were useful", "a deal was near"]);
        assert!(v.iter().all(|s| s.0 == "Ana Veld"), "{v:?}");
        let v = said("Ana Veld said the talks, lasting two days, were useful.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: an attribution set off by commas inside the clause it reports
    /// ("The proposal, Ana Veld argued, would only prolong the war"): the whole
    /// sentence is the statement, what was said running on both sides; an
    /// opening phrase before a plain "said" is no such attribution.
    #[test]
    fn an_attribution_inside_the_clause_reports_the_sentence() {
        let v = said("The proposal, Ana Veld argued, would only prolong the war.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Ana Veld");
        assert_eq!(
            v[0].1,
            "The proposal, Ana Veld argued, would only prolong the war"
        );
        let v = said("In Oslo, Ana Veld said the talks were useful.");
        assert_eq!(v[0].1, "the talks were useful");
    }

    /// Classes of a clause said without "that": its subject has no article
    /// ("said progress had been made", "warned sanctions would follow", "said
    /// more work was needed": a finite verb right after the noun phrase opens
    /// the clause; "said today was …" stays unread); phrases of where and when
    /// stand before it ("said in a statement on Tuesday the talks …"); it opens
    /// with a possessive "her" ("said her country …", where "told her the
    /// talks …" names whom she told).
    #[test]
    fn a_clause_said_may_open_with_a_bare_noun() {
        for (text, quote) in [
            (
                "Ana Veld said progress had been made.",
                "progress had been made",
            ),
            (
                "Ana Veld, speaking after the talks, said negotiations would resume.",
                "negotiations would resume",
            ),
            (
                "Per Lund warned sanctions would follow.",
                "sanctions would follow",
            ),
            (
                "Ana Veld said more work was needed.",
                "more work was needed",
            ),
            (
                "Ana Veld said last week's attack was unacceptable.",
                "last week's attack was unacceptable",
            ),
            (
                "Ana Veld said in a statement on Tuesday the talks had been useful.",
                "the talks had been useful",
            ),
            (
                "Ana Veld said her country would not recognise the vote.",
                "her country would not recognise the vote",
            ),
            (
                "Ana Veld told her the talks had been useful.",
                "the talks had been useful",
            ),
        ] {
            let v = said(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].1, quote, "{text}");
            assert!(!v[0].2);
        }
        assert!(said("Ana Veld said today was a good day.").is_empty());
    }

    /// Class: the audience named by the phrase that opens the sentence
    /// ("Speaking to reporters in Oslo, X said …", "In an interview with the BBC,
    /// X said …"); a phrase of another kind names none.
    #[test]
    fn an_opening_phrase_names_the_audience() {
        for (text, want) in [
            (
                "Speaking to reporters in Oslo, Ana Veld said the talks would resume.",
                Some("reporters"),
            ),
            (
                "In an interview with the BBC, Ana Veld said the talks would resume.",
                Some("the BBC"),
            ),
            (
                "Addressing the council on Monday, Ana Veld said the talks would resume.",
                Some("the council"),
            ),
            (
                "Speaking in Oslo, Ana Veld said the talks would resume.",
                None,
            ),
        ] {
            let s = said(text);
            assert_eq!(s.len(), 1, "{text}: {s:?}");
            assert_eq!(s[0].3.as_deref(), want, "{text}");
        }
    }

    /// Class: a closing attribution whose speaker is set off by commas ("…, the
    /// foreign minister, Ana Veld, said") or follows the verb ("…, said Ana Veld,
    /// the foreign minister"): the clause before it is the speaker's.
    #[test]
    fn a_closing_attribution_with_its_speaker_set_off() {
        for text in [
            "Ruritania would not back down, the foreign minister, Ana Veld, said on Monday.",
            "Ruritania would not back down, said Ana Veld, the foreign minister.",
            "Ruritania would not back down, Chile's foreign minister, Ana Veld, told reporters.",
        ] {
            let s = said(text);
            assert_eq!(s.len(), 1, "{text}: {s:?}");
            assert_eq!(s[0].0, "Ana Veld", "{text}");
            assert_eq!(s[0].1, "Ruritania would not back down", "{text}");
        }
    }

    /// Class: an attribution set off by commas and followed by "and" or "but"
    /// ("X met Y on Monday, Chilean officials said, and the two agreed …") closes
    /// the clause before it, as one at the sentence's end does; it is no
    /// parenthesis inside one clause ("The talks, he said, were constructive").
    #[test]
    fn an_attribution_before_and_closes_the_clause_before_it() {
        let s = said(
            "Per Lund met Ana Veld in Santiago on Wednesday, Chilean officials said, and the \
             two agreed to set up a commission.",
        );
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].0, "Chilean officials", "{s:?}");
        assert_eq!(
            s[0].1, "Per Lund met Ana Veld in Santiago on Wednesday",
            "{s:?}"
        );
        let v = super::super::meetings::tests::met(
            "Per Lund met Ana Veld in Santiago on Wednesday, Chilean officials said, and the \
             two agreed to set up a commission.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            v[0].0,
            ["Per Lund", "Ana Veld"],
            "the teller is no party: {v:?}"
        );
    }

    /// Class: "X was quoted as saying …", "the agency quoted X as saying …": the
    /// one quoted is the speaker.
    #[test]
    fn the_one_quoted_as_saying_is_the_speaker() {
        for text in [
            "Ana Veld was quoted as saying that the talks had stalled.",
            "Ana Veld was quoted by the state agency as saying that the talks had stalled.",
            "The state news agency quoted Ana Veld as saying that the talks had stalled.",
        ] {
            let s = said(text);
            assert_eq!(s.len(), 1, "{text}: {s:?}");
            assert_eq!(s[0].0, "Ana Veld", "{text}");
            assert_eq!(s[0].1, "the talks had stalled", "{text}");
        }
    }

    /// "As X said, <clause>": the main clause after the comma is X's. A clause
    /// with a verb of saying of its own is its own speaker's.
    #[test]
    fn as_someone_said_reports_the_main_clause() {
        let v = said("As Ola Brek said on Monday, the border will stay closed until June.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Ola Brek");
        assert_eq!(v[0].1, "the border will stay closed until June");
        assert!(!v[0].2);
        let v = said("As Ola Brek has underscored, the world cannot look away.");
        assert_eq!(
            v.first().map(|s| s.1.as_str()),
            Some("the world cannot look away")
        );
        assert!(said("As expected, the border will stay closed until June.").is_empty());
        let v = said("As Ola Brek announced the deal, Tam Ruen said the border would reopen.");
        assert!(
            v.iter().all(|s| !s.1.contains("Tam Ruen said")),
            "one speaker's clause stops before another's: {v:?}"
        );
        assert!(
            v.iter()
                .any(|s| s.0 == "Tam Ruen" && s.1 == "the border would reopen"),
            "{v:?}"
        );
    }

    /// "My administration", "our government" name no speaker a reader can use.
    #[test]
    fn a_first_person_description_is_no_speaker() {
        let v = said("My first administration said the sanctions would stay in place.");
        assert!(v.iter().all(|s| !s.0.starts_with("My")), "{v:?}");
        let v = said("Our government said the sanctions would stay in place.");
        assert!(v.iter().all(|s| !s.0.starts_with("Our")), "{v:?}");
        let v = said("The Kenyan government said the sanctions would stay in place.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn a_refusal_to_say_reports_nothing() {
        let v = said(
            "No new date was given, and Ola Brek declined to say which states had asked for it.",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = said("Ola Brek would not say whether the talks would resume.");
        assert!(v.is_empty(), "{v:?}");
        let v = said("Ola Brek said the talks would resume.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn quotations_split_around_the_attribution_are_two_statements() {
        let v = said(
            "“We came to listen,” Foreign Minister Ola Brek told reporters, “and we listened.”",
        );
        assert_eq!(v.len(), 2);
        assert_eq!(
            v[0],
            (
                "Ola Brek".into(),
                "We came to listen".into(),
                true,
                Some("reporters".into())
            )
        );
        assert_eq!(v[1].1, "and we listened.");
    }

    #[test]
    fn inverted_attribution_and_pronouns_are_resolved() {
        let v = said(
            "Tam Ruen arrived late. “The door is still open,” he said. “It is up to them,” said Ruen.",
        );
        assert_eq!(
            v.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
            ["Tam Ruen", "Tam Ruen"]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_statements() {
        let v = said(
            "The envoy called the plan a “nonstarter” and praised the “Harbour Peace Accord” instead.",
        );
        assert!(v.iter().all(|s| !s.2));
    }

    #[test]
    fn a_paragraph_opening_quotation_continues_the_last_speaker() {
        let v = said("“We are ready to talk,” Ola Brek said.\n\n“But not at any price.”");
        assert_eq!(
            v[1],
            (
                "Ola Brek".into(),
                "But not at any price.".into(),
                true,
                None
            )
        );
    }

    #[test]
    fn reported_speech_takes_the_clause_after_the_verb() {
        let v = said("Ola Brek said on Monday that the talks would resume in July.");
        assert_eq!(
            v,
            [(
                "Ola Brek".into(),
                "the talks would resume in July".into(),
                false,
                None
            )]
        );
        let v = said("The envoy, Tam Ruen, told journalists the border would reopen soon.");
        assert_eq!(v[0].0, "Tam Ruen");
        assert_eq!(v[0].1, "the border would reopen soon");
        assert_eq!(v[0].3.as_deref(), Some("journalists"));
    }

    #[test]
    fn a_verb_after_a_quotation_closed_by_a_full_stop_starts_a_new_report() {
        let v = said(
            "“We came to listen,” Ola Brek said, “and we listened.” He said the harbour talks would resume in July.",
        );
        assert_eq!(v.len(), 3, "{v:?}");
        assert_eq!(
            v[2],
            (
                "Ola Brek".into(),
                "the harbour talks would resume in July".into(),
                false,
                None
            )
        );
    }

    #[test]
    fn closing_attributions_and_according_to_are_reported_speech() {
        let v = said("The summit has been postponed, Ruritania's foreign ministry said on Friday.");
        assert_eq!(v[0].0, "Ruritania's foreign ministry");
        assert_eq!(v[0].1, "The summit has been postponed");
        let v = said("According to Radio Harbour, the envoy will travel next week.");
        assert_eq!(v[0].0, "Radio Harbour");
        assert_eq!(v[0].1, "the envoy will travel next week");
        // A report speaks for its publisher; an official stays the official.
        let v = said("According to a report from Radio Harbour, the envoy will travel next week.");
        assert_eq!(v[0].0, "Radio Harbour");
        let v = said(
            "According to a senior official from the Harbour Ministry, the envoy will travel next week.",
        );
        assert!(v[0].0.starts_with("senior official"), "{:?}", v[0].0);
    }

    /// Class: a title set off after a name ("Ana Veld, Chile's foreign minister,
    /// met …") is that person's, so a later "the minister said" is theirs.
    #[test]
    fn a_title_set_off_after_a_name_finds_its_bearer_later() {
        for text in [
            "Ana Veld, Chile's foreign minister, met Per Lund on Monday. The minister said \
             the talks had been useful.",
            "Ana Veld, the foreign minister, met Per Lund on Monday. The minister said the \
             talks had been useful.",
        ] {
            let v = said(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, "Ana Veld", "{text}");
        }
    }

    #[test]
    fn transcript_turns_are_direct_statements_of_the_labelled_speaker() {
        let v = said(
            "SPOKESPERSON ANA VELD\n\nMS. VELD: Good morning.\n\nQUESTION: Any news?\n\nMS. VELD: We expect a reply from the other side soon.",
        );
        assert_eq!(
            v,
            [(
                "Ana Veld".into(),
                "We expect a reply from the other side soon.".into(),
                true,
                Some("reporters".into())
            )]
        );
    }

    /// Class: a follow-up article quotes people by surname alone ("Lund said
    /// …", "“…,” Lund told reporters"): a capitalised word the lists do not know
    /// that opens its clause before a verb of saying is the speaker; a plural
    /// noun of people there is not ("Participants acknowledged …").
    #[test]
    fn a_surname_alone_before_a_verb_of_saying_speaks() {
        let v = said("Lund said the talks with Chile were useful.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Lund");
        let v = said("“We are close to a deal,” Lund told reporters.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].0.as_str(), v[0].2), ("Lund", true));
        let v = said("Participants acknowledged the importance of the new agency.");
        assert!(v.iter().all(|s| s.0 != "Participants"), "{v:?}");
    }
}
