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
    // and reported clauses; speech acts and joint speakers leave them be.
    let subject = st.out[before..]
        .first()
        .map(|s| s.speaker.to_string())
        .filter(|s| !s.contains(" and "))
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
    match speaker::local_subject(doc, i, v, last, st.last_group.as_deref()) {
        speaker::Local::Own(s) => Some(s),
        speaker::Local::Coordinated => st.out[first..]
            .last()
            .map(subject_of)
            .or_else(|| subject(doc, i, v, last)),
        speaker::Local::Unknown => subject(doc, i, v, last),
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

/// The quotations of sentence `i` that are speech, not titles or scare quotes.
fn speech_quotes<'d>(doc: &'d Doc, i: usize) -> Vec<&'d Quote> {
    quotes_in(doc, i)
        .filter(|q| !is_title_or_scare(doc, i, q))
        .collect()
}

/// Index of the first token at or after byte `pos` in sentence `i`.
fn tok_at(doc: &Doc, i: usize, pos: usize) -> usize {
    doc.toks[i].partition_point(|t| t.start < pos)
}

fn is_speech_verb(w: &str) -> bool {
    LEXICON.speech.contains(lower(w).as_ref())
}

/// The top-level quotations that start in sentence `i`.
fn quotes_in<'d>(doc: &'d Doc, i: usize) -> impl Iterator<Item = &'d Quote> {
    let span = doc.sentences[i].span;
    let from = doc.quotes.partition_point(|q| q.outer.start < span.start);
    doc.quotes[from..]
        .iter()
        .take_while(move |q| q.outer.start < span.end)
        .filter(|q| !q.nested)
}

/// Whether the quotation reads as a title, a name or a scare quote.
fn is_title_or_scare(doc: &Doc, i: usize, q: &Quote) -> bool {
    let inner = &doc.text[q.inner.start..q.inner.end];
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() < 3 {
        return true;
    }
    let caps = words.iter().filter(|w| is_capitalised(w)).count();
    let ends_like_speech = inner.trim_end().ends_with(['.', '?', '!', ',']);
    if caps * 10 >= words.len() * 6 && !ends_like_speech {
        return true;
    }
    let k = tok_at(doc, i, q.outer.start);
    k > 0 && TITLE_CUES.contains(&doc.toks[i][k - 1].text(doc.text).to_lowercase().as_str())
}

fn direct(doc: &Doc, i: usize, st: &mut State) {
    let sent = doc.sentences[i].span;
    let quotes: Vec<&Quote> = quotes_in(doc, i).collect();
    let words = doc.words(i);
    let mut prev_speaker: Option<(Subject, Option<String>)> = None;
    for (n, q) in quotes.iter().enumerate() {
        if is_title_or_scare(doc, i, q) {
            continue;
        }
        let open = tok_at(doc, i, q.outer.start);
        let close = tok_at(doc, i, q.outer.end);
        let next_open = quotes
            .get(n + 1)
            .map_or(words.len(), |nq| tok_at(doc, i, nq.outer.start));
        let person_before = doc.mentions[i]
            .iter()
            .find(|m| m.kind == ActorKind::Person && !m.possessive && m.last <= open)
            .map(|m| m.name.clone());
        let last = person_before.as_deref().or(st.last_person.as_deref());
        let place = QuotePlace {
            n,
            open,
            close,
            next_open,
        };
        let mut found = said_after_quote(doc, i, &place, last)
            .or_else(|| said_before_quote(doc, i, &quotes, &place, last, prev_speaker.as_ref()));
        // A quotation opening its sentence with no attribution goes on from the
        // last speaker of this or the previous paragraph.
        if found.is_none() && q.outer.start == sent.start {
            let para = doc.sentences[i].para;
            if let Some((name, aud, p)) = &st.last_speaker
                && para <= p + 1
            {
                found = Some((
                    Subject {
                        name: name.clone(),
                        person: true,
                    },
                    aud.clone(),
                ));
            }
        }
        if let Some((who, aud)) = found {
            let end = q.inner.end.min(sent.end.max(q.inner.start));
            st.push(
                doc,
                &who,
                Span::new(q.inner.start, end),
                Speech::Direct,
                aud.clone(),
                i,
            );
            prev_speaker = Some((who, aud));
        }
    }
}

/// Where quotation `n` of a sentence stands, in words: its opening and closing
/// marks, and where the next quotation opens.
struct QuotePlace {
    n: usize,
    open: usize,
    close: usize,
    next_open: usize,
}

/// A speaker with the audience the verb names.
type Attributed = (Subject, Option<String>);

/// Attribution after the quotation: ", Brek said" or ", said Brek".
fn said_after_quote(
    doc: &Doc,
    i: usize,
    at: &QuotePlace,
    last: Option<&str>,
) -> Option<Attributed> {
    let words = doc.words(i);
    let mut k = at.close;
    while k < at.next_open && words[k] == "," {
        k += 1;
    }
    let v = (k..at.next_open.min(k + 9))
        .find(|&v| is_speech_verb(words[v]) && doc.toks[i][v].kind == TokKind::Word)?;
    let who = if v == k {
        phrase_after(doc, i, v + 1)
    } else {
        subject(doc, i, v, last)
    }?;
    Some((who, audience(doc, i, v)))
}

/// Attribution before the quotation: "Brek said:", "Brek said there was “…”",
/// or "… as Minister Kim put it, “…”" (the previous quotation's speaker).
fn said_before_quote(
    doc: &Doc,
    i: usize,
    quotes: &[&Quote],
    at: &QuotePlace,
    last: Option<&str>,
    prev_speaker: Option<&Attributed>,
) -> Option<Attributed> {
    let (words, open, n) = (doc.words(i), at.open, at.n);
    if open == 0 {
        return None;
    }
    let from = clause_start(doc, i, open.saturating_sub(1));
    let from = if n > 0 {
        from.max(tok_at(doc, i, quotes[n - 1].outer.end))
    } else {
        from
    };
    let q = quotes[n];
    if let Some(v) = (from..open).rev().find(|&v| is_speech_verb(words[v])) {
        let inner_words = doc.text[q.inner.start..q.inner.end]
            .split_whitespace()
            .count();
        if open - v <= 2 || inner_words >= 5 {
            let who = if v == from && n > 0 {
                prev_speaker.map(|p| p.0.clone())
            } else {
                subject(doc, i, v, last)
            };
            if let Some(w) = who {
                return Some((w, audience(doc, i, v)));
            }
        }
    }
    (words.get(open - 1) == Some(&","))
        .then(|| prev_speaker.cloned())
        .flatten()
}

/// The audience of a verb of telling: "told reporters", "told ABC News", and "said on
/// state television" / "speaking to X".
fn audience(doc: &Doc, i: usize, v: usize) -> Option<String> {
    let words = doc.words(i);
    let verb = words.key(v);
    let from = if LEXICON.audience_verbs.contains(verb) {
        v + 1
    } else if matches!(words.get(v + 1).copied(), Some("on" | "to")) {
        // "said on state television", "wrote on X": a channel, not a time.
        let media = (v + 2..(v + 5).min(words.len())).any(|k| {
            matches!(
                words.key(k),
                "television" | "tv" | "radio" | "x" | "twitter" | "telegram" | "channel"
            )
        });
        if !media && words[v + 1] == "on" {
            return None;
        }
        v + 2
    } else {
        return None;
    };
    let stop = |w: &str| {
        matches!(
            w,
            "that"
                | ","
                | "."
                | "after"
                | "on"
                | "in"
                | "at"
                | "when"
                | "before"
                | "“"
                | "\""
                | ":"
                | "about"
                | "earlier"
                | "later"
                | "last"
                | "yesterday"
                | "today"
                | "afterwards"
                | "during"
                | "while"
                | "by"
        )
    };
    let end = (from..words.len())
        .find(|&k| stop(words[k]) || (k > from && words[k] == "the"))
        .unwrap_or(words.len());
    if end == from || end - from > 5 {
        return None;
    }
    let a = words[from..end].join(" ");
    if matches!(a.as_str(), "him" | "her" | "them" | "me" | "us") {
        return None;
    }
    Some(a)
}

/// Words that may stand between a verb of saying and its clause.
const ADVERBIAL: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "during",
    "late",
    "earlier",
    "later",
    "last",
    "this",
    "again",
    "also",
    "separately",
    "afterwards",
    "publicly",
    "repeatedly",
    "privately",
    "today",
    "yesterday",
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "statement",
    "interview",
    "post",
    "news",
    "conference",
    "briefing",
    "television",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "morning",
    "evening",
    "night",
    "afternoon",
    "state",
    "radio",
    "separate",
    "weekly",
    "x",
    "social",
    "media",
    "written",
    "issued",
    "on",
    "by",
    "phone",
];

/// Words that can open a reported clause without "that".
fn opens_clause(w: &str) -> bool {
    let l = w.to_lowercase();
    matches!(
        l.as_str(),
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "there"
            | "its"
            | "his"
            | "her"
            | "their"
            | "this"
            | "these"
            | "those"
            | "no"
            | "all"
            | "both"
            | "neither"
            | "any"
            | "such"
            | "some"
            | "talks"
            | "only"
    ) || is_capitalised(w)
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Object pronouns that may stand between a verb of telling and its clause.
const OBJECTS: &[&str] = &["him", "her", "them", "us", "me", "reporters", "journalists"];

/// "declined to say which states asked", "would not say": a refusal to speak
/// reports nothing said.
fn withheld(words: Words, v: usize) -> bool {
    let before = |n: usize| v.checked_sub(n).map(|k| words.key(k));
    matches!(before(1), Some("not" | "never"))
        || (before(1) == Some("to")
            && matches!(
                before(2),
                Some("declined" | "refused" | "declining" | "refusing")
            ))
}

/// A verb of reporting at word `v`, one word or two ("made clear"): its length.
fn reporting_verb(words: Words, v: usize) -> Option<usize> {
    if !words.starts(v, starts::REPORTED) {
        return None;
    }
    let w = words.key(v);
    if LEXICON.reported_that.contains(w) || LEXICON.reported_more.contains(w) {
        return Some(1);
    }
    if !LEXICON.reported_that_first.contains(w) {
        return None;
    }
    let next = words.key_at(v + 1)?;
    let phrase = format!("{w} {next}");
    (LEXICON.reported_that.contains(&phrase) || LEXICON.reported_more.contains(&phrase))
        .then_some(2)
}

/// Where the reported clause after the verb at `v..v + len` starts, if one does:
/// after "that" (past an audience, an object, adverbials or a parenthesis), or
/// right away for verbs that take a bare clause ("said the talks …").
fn clause_after(
    words: Words,
    v: usize,
    len: usize,
    end: usize,
    aud: Option<&str>,
) -> Option<usize> {
    let from = v + len;
    let that_at = (from..end.min(from + 14)).find(|&k| words[k] == "that");
    if let Some(t) = that_at {
        let parenthesis = words.get(from) == Some(&",") && t > from + 1 && words[t - 1] == ",";
        // "said early on Saturday that", "said in a televised speech that": an
        // adverbial phrase, opened by a preposition or adverb, with no other clause.
        let adverbial = words.key_at(from).is_some_and(|w| {
            matches!(
                w,
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "early"
                    | "late"
                    | "later"
                    | "earlier"
                    | "again"
                    | "also"
                    | "publicly"
                    | "repeatedly"
                    | "privately"
                    | "separately"
                    | "yesterday"
                    | "today"
                    | "last"
                    | "this"
                    | "via"
                    | "through"
                    | "over"
            )
        }) && (from..t).all(|k| {
            !matches!(words[k], "“" | "”" | "\"" | ";" | ".") && reporting_verb(words, k).is_none()
        });
        let plain = (from..t).all(|k| {
            let x = words[k];
            ADVERBIAL.contains(&words.key(k))
                || OBJECTS.contains(&x)
                || is_capitalised(x)
                || x.chars().all(|c| c.is_ascii_digit())
                || aud.is_some_and(|a| a.split(' ').any(|p| p == x))
        });
        if parenthesis || plain || adverbial {
            return Some(t + 1);
        }
    }
    if !LEXICON.reported_bare.contains(words.key(v)) {
        return None;
    }
    let mut c = from;
    if let Some(a) = aud {
        c += a.split(' ').count();
    } else if words.get(c).is_some_and(|w| OBJECTS.contains(w)) {
        c += 1;
    }
    (c < end && opens_clause(words[c])).then_some(c)
}

/// The first person named before word `end` of sentence `i`: whom a closing
/// attribution's "his" refers to.
fn person_in_clause<'d>(doc: &'d Doc, i: usize, end: usize) -> Option<&'d str> {
    doc.mentions[i]
        .iter()
        .find(|m| m.kind == ActorKind::Person && m.last <= end && !m.possessive)
        .map(|m| m.name.as_str())
}

/// Whether the verb at `v` attributes a quotation just before it: "“…,” Ana Veld
/// said" or "“…,” said Ana Veld".
///
/// A quotation closed after a full stop ended its sentence: a verb after it starts
/// a new one ("“… at the same table.” He said Turkey was ready …").
fn attributes_quote(words: Words, v: usize) -> bool {
    let Some(q) = (v.saturating_sub(9)..v)
        .rev()
        .find(|&k| matches!(words[k], "”" | "\""))
    else {
        return false;
    };
    if q > 0 && words[q - 1] == "." && words.get(q + 1).is_some_and(|w| is_capitalised(w)) {
        return false;
    }
    (q + 1..v).all(|k| !matches!(words.key(k), "and" | "but" | "while" | "then" | ";"))
}

fn reported(doc: &Doc, i: usize, st: &mut State) {
    let words = doc.words(i);
    let toks = &doc.toks[i];
    let sent = doc.sentences[i].span;
    let quotes = speech_quotes(doc, i);
    let inside_quote = |pos: usize| {
        quotes
            .iter()
            .any(|q| q.outer.start <= pos && pos < q.outer.end)
    };
    let sentence_end = sentence_end(words);
    let last = st.last_person.clone();
    let before = st.out.len();
    let mut taken = false;
    let mut v = 0;
    while v < sentence_end {
        let w = words.key(v);
        // "according to X, …" and "…, according to X."
        if w == "according" && words.get(v + 1) == Some(&"to") {
            if !taken {
                taken = according_to(doc, i, v, sentence_end, &quotes, st);
            }
            v += 2;
            continue;
        }
        let Some(len) = reporting_verb(words, v) else {
            v += 1;
            continue;
        };
        // What someone would not say is not said, nor anything the sentence goes
        // on to ask ("declined to say which states had asked for the delay").
        if withheld(words, v) {
            break;
        }
        if inside_quote(toks[v].start) {
            v += 1;
            continue;
        }
        let aud = audience(doc, i, v);
        let clause = clause_after(words, v, len, sentence_end, aud.as_deref());
        let explicit_that = clause.is_some_and(|c| words[c - 1] == "that");
        if attributes_quote(words, v) && !explicit_that {
            v += 1;
            continue;
        }
        if let Some(c) = clause
            && sentence_end > c + 2
            && !quotes.iter().any(|q| q.outer.start >= toks[c].start)
        {
            let e = content_end(words, c, sentence_end);
            // A participle ("…, adding that") reports the sentence's speaker.
            let speaker = if w.ends_with("ing") {
                st.out[before..].first().map(|s| Subject {
                    name: s.speaker.to_string(),
                    person: true,
                })
            } else {
                speaker_at(doc, i, v, st, before)
            };
            if let Some(who) = speaker
                && e > c
            {
                st.push(
                    doc,
                    &who,
                    Span::new(toks[c].start, toks[e - 1].end.min(sent.end)),
                    Speech::Reported,
                    aud.clone(),
                    i,
                );
                taken = true;
                v = e;
                continue;
            }
        } else if clause.is_none() && !taken {
            let at = Attribution {
                verb: v,
                len,
                sentence_end,
                audience: aud.clone(),
            };
            taken = said_after(doc, i, &at, &quotes, last.as_deref(), st);
        }
        v += len;
    }
}

/// Where what a verb of saying reports, starting at word `c`, ends: at the end
/// of the sentence, at a semicolon, at ", according to", or at ", and said".
fn content_end(words: Words, c: usize, sentence_end: usize) -> usize {
    (c..sentence_end)
        .find(|&k| {
            words[k] == ";"
                || (words[k] == "," && words.get(k + 1) == Some(&"according"))
                || (words[k] == ","
                    && words.get(k + 1) == Some(&"and")
                    && (k + 2..(k + 5).min(sentence_end))
                        .any(|j| reporting_verb(words, j).is_some()))
                || (words[k] == "and" && reporting_verb(words, k + 1).is_some())
        })
        .unwrap_or(sentence_end)
}

/// "according to X, …" and "…, according to X." at word `v`: the clause on the
/// other side of the phrase is X's, unless a quotation fills it. Returns whether
/// a statement was taken.
fn according_to(
    doc: &Doc,
    i: usize,
    v: usize,
    sentence_end: usize,
    quotes: &[&Quote],
    st: &mut State,
) -> bool {
    let (words, toks) = (doc.words(i), &doc.toks[i]);
    let Some(who) = phrase_after(doc, i, v + 2) else {
        return false;
    };
    let (a, b) = if v == 0 {
        let c = (v..words.len())
            .find(|&k| words[k] == ",")
            .map_or(words.len(), |c| c + 1);
        (c, sentence_end)
    } else {
        let e = if words[v - 1] == "," { v - 1 } else { v };
        (clause_start(doc, i, v), e)
    };
    if b <= a + 2
        || quotes
            .iter()
            .any(|q| q.outer.start >= toks[a].start && q.outer.end <= toks[b - 1].end)
    {
        return false;
    }
    let span = Span::new(toks[a].start, toks[b - 1].end);
    st.push(doc, &who, span, Speech::Reported, None, i);
    true
}

/// A verb of saying with nothing said after it: where it stands, how many words
/// it runs, where the sentence ends, and whom it addresses.
struct Attribution {
    verb: usize,
    len: usize,
    sentence_end: usize,
    audience: Option<String>,
}

/// "…, the ministry said.": the clause before the attribution's comma is its
/// subject's, when only an adverbial follows the verb. Returns whether a
/// statement was taken.
fn said_after(
    doc: &Doc,
    i: usize,
    at: &Attribution,
    quotes: &[&Quote],
    last: Option<&str>,
    st: &mut State,
) -> bool {
    let (words, toks) = (doc.words(i), &doc.toks[i]);
    let v = at.verb;
    let rest_is_adverbial =
        (v + at.len..at.sentence_end).all(|k| words[k] != "that") && at.sentence_end - v <= 10;
    let comma = (0..v).rev().find(|&k| words[k] == ",");
    let Some(cm) = comma else { return false };
    if !rest_is_adverbial
        || cm < 4
        || v - cm > 9
        || quotes.iter().any(|q| q.outer.start < toks[cm].start)
    {
        return false;
    }
    let Some(who) = subject_from(doc, i, cm + 1, v, person_in_clause(doc, i, cm).or(last)) else {
        return false;
    };
    let start = clause_start(doc, i, cm);
    if super::clauses::INTRO.contains(&words.key(start)) {
        return false;
    }
    let span = Span::new(toks[start].start, toks[cm - 1].end);
    st.push(doc, &who, span, Speech::Reported, at.audience.clone(), i);
    true
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
}
