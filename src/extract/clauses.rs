//! Who a clause is about: the subject noun phrase in front of a verb. Shared by the
//! speech, meeting and pending rules, which all need "who did it".
//!
//! The subject is found the way a reader does: skip an opening adverbial ("In a
//! statement on Monday,"), take the first actor of the noun phrase, or the person
//! named in an apposition ("Oman's foreign minister, Badr Albusaidi,"), or a
//! described source ("a senior U.S. official"), or resolve a pronoun to the last
//! person the text was about.

use super::Doc;
use super::actors::{ActorKind, INSTITUTIONS};
use super::lexicon::key;
use super::tokens::{TokKind, is_capitalised};
use super::words::Words;

/// Words that open an adverbial before the subject ("In a statement, ...").
pub const INTRO: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "under",
    "speaking",
    "according",
    "asked",
    "during",
    "separately",
    "earlier",
    "later",
    "last",
    "meanwhile",
    "before",
    "while",
    "when",
    "since",
    "for",
    "with",
    "following",
    "also",
    "still",
    "instead",
    "but",
    "and",
    "yet",
    "on",
    "from",
    "until",
    "as",
    "through",
    "despite",
    "by",
    "once",
    "next",
];

/// Words that may stand between a subject and its verb.
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "then",
    "later",
    "again",
    "separately",
    "previously",
    "long",
    "already",
    "further",
    "repeatedly",
    "publicly",
    "privately",
    "once",
    "earlier",
    "first",
    "never",
    "always",
    "is",
    "was",
    "were",
    "are",
    "would",
    "will",
    "had",
    "not",
    "only",
    "briefly",
    "quickly",
    "himself",
    "herself",
    "themselves",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// A subject, resolved as far as the text allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub name: String,
    pub person: bool,
}

/// "Ana Veld, who said the border must reopen, met Per Lund": where the "who"
/// or "which" stands that opens the relative clause set off by a comma in which
/// word `k` stands (no comma between them), if `k` stands in one. Meetings,
/// speech and pending each end what they read at the comma that closes it.
pub fn relative_opener(words: Words, k: usize) -> Option<usize> {
    let who = (0..=k.min(words.len().checked_sub(1)?))
        .rev()
        .take_while(|&j| words[j] != ",")
        .find(|&j| matches!(words.key(j), "who" | "which"))?;
    (who > 0 && words[who - 1] == ",").then_some(who)
}

/// Where the clause holding token `at` of sentence `i` starts: after the last quote
/// mark, semicolon, colon or dash before it.
pub fn clause_start(doc: &Doc, i: usize, at: usize) -> usize {
    let toks = &doc.toks[i];
    (0..at.min(toks.len()))
        .rev()
        .find(|&k| {
            matches!(
                toks[k].text(doc.text),
                "”" | "\"" | ";" | ":" | "—" | "–" | "“"
            )
        })
        .map_or(0, |k| k + 1)
}

/// The subject of the verb at token `verb` of sentence `i`. `last` is the person
/// the text was last about, for pronouns.
pub fn subject(doc: &Doc, i: usize, verb: usize, last: Option<&str>) -> Option<Subject> {
    subject_from(doc, i, clause_start(doc, i, verb), verb, last)
}

/// The subject of the verb at token `verb`, looking no further back than `start`.
pub fn subject_from(
    doc: &Doc,
    i: usize,
    start: usize,
    verb: usize,
    last: Option<&str>,
) -> Option<Subject> {
    let words = doc.words(i);
    let mut start = start;
    let mut end = verb;
    // "X, who said": the subject is X.
    if end > start && words[end - 1].eq_ignore_ascii_case("who") {
        end -= 1;
        if end > start && words[end - 1] == "," {
            end -= 1;
        }
        return mention_ending_at(doc, i, start, end);
    }
    while end > start && BETWEEN.contains(&words[end - 1].to_lowercase().as_str()) {
        end -= 1;
    }
    if end <= start {
        return None;
    }
    // Skip an opening adverbial up to its comma.
    if INTRO.contains(&words[start].to_lowercase().as_str())
        && let Some(c) = (start..end).find(|&k| words[k] == ",")
    {
        start = c + 1;
    }
    // A coordinated verb ("met X and said"): the subject is the sentence's.
    let segment_end = (start..end).find(|&k| words[k] == ",").unwrap_or(end);
    let seg = start..segment_end;
    if seg.len() == 1 && PRONOUNS.contains(&words[start].to_lowercase().as_str()) {
        let w = words[start].to_lowercase();
        if w == "he" || w == "she" {
            return last.map(|n| Subject {
                name: n.to_string(),
                person: true,
            });
        }
        return None;
    }
    subject_in_segment(doc, i, seg, end, last)
}

/// The subject read from the words `seg` before the verb (up to the first comma;
/// `end` is where the words before the verb end, an apposition included): a
/// person named there, a described source ("a senior State Department
/// official"), or a country or body.
fn subject_in_segment(
    doc: &Doc,
    i: usize,
    seg: std::ops::Range<usize>,
    end: usize,
    last: Option<&str>,
) -> Option<Subject> {
    let toks = &doc.toks[i];
    let words = doc.words(i);
    let segment_end = seg.end;
    let ms = &doc.mentions[i];
    let in_seg = |a: usize, b: usize| ms.iter().filter(move |m| m.first >= a && m.last <= b);
    let seg_words = &words[seg.clone()];
    // Apposition: "Guyana's foreign minister, Ronald Persaud, told".
    if segment_end < end
        && let Some(m) = in_seg(segment_end + 1, end)
            .find(|m| m.kind == ActorKind::Person && m.first == segment_end + 1)
    {
        return Some(Subject {
            name: m.name.clone(),
            person: true,
        });
    }
    // "A senior Trump administration official": the head noun is the speaker, not
    // the name inside the phrase.
    let head_is_name = in_seg(seg.start, seg.end).any(|m| m.last == seg.end);
    if !head_is_name && let Some(name) = described(seg_words) {
        // "his spokesperson": the spokesperson of the person just named.
        let name = match (name.split_once(' '), last) {
            (Some(("his" | "her" | "His" | "Her", rest)), Some(p)) => format!("{p}'s {rest}"),
            _ => name,
        };
        return Some(Subject {
            name,
            person: false,
        });
    }
    if let Some(m) =
        in_seg(seg.start, seg.end).find(|m| m.kind == ActorKind::Person && !m.possessive)
    {
        return Some(Subject {
            name: m.name.clone(),
            person: true,
        });
    }
    if let Some(m) = in_seg(seg.start, seg.end).find(|m| !m.possessive && !m.modifier)
        && seg_words.len() <= m.last - m.first + 1
    {
        return Some(Subject {
            name: surface(doc, i, m),
            person: false,
        });
    }
    // A described source: "a senior State Department official", "EU officials".
    described(seg_words)
        .map(|name| Subject {
            name,
            person: false,
        })
        .filter(|_| {
            toks[seg.start..seg.end]
                .iter()
                .all(|t| t.kind == TokKind::Word || matches!(t.text(doc.text), "’" | "'" | "-"))
        })
}

/// A country or body as the text names it ("the White House", "Moscow"), without
/// the article: the reader's name for it.
fn surface(doc: &Doc, i: usize, m: &super::actors::Mention) -> String {
    let toks = &doc.toks[i];
    let words: Vec<&str> = toks[m.first..m.last]
        .iter()
        .map(|t| t.text(doc.text))
        .collect();
    let words = if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        &words[1..]
    } else {
        &words[..]
    };
    if words.is_empty() {
        m.name.clone()
    } else {
        words.join(" ")
    }
}

/// Nouns a described source ends in: a speaker or a body ("a government source",
/// "the foreign ministry").
const DESCRIBED_HEADS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "office",
    "army",
    "military",
    "government",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "representative",
    "mission",
    "embassy",
    "presidency",
    "department",
    "cabinet",
    "council",
    "commission",
    "agency",
    "statement",
    "envoy",
    "envoys",
    "ambassador",
    "ambassadors",
    "delegate",
    "delegates",
    "negotiator",
    "negotiators",
    "delegation",
    "side",
    "forces",
    "command",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "leadership",
    "administration",
    "authorities",
    "report",
    "media",
    "television",
    "police",
    "secretariat",
    "chair",
    "co-chairs",
    "member",
    "members",
    "programme",
    "program",
    "committee",
    "organisation",
    "organization",
];

/// A described source as a name: the noun phrase without its article, when it is
/// short and ends in a noun for a speaker or a body.
fn described(words: &[&str]) -> Option<String> {
    let mut w = words;
    while let Some(first) = w.first() {
        if matches!(first.to_lowercase().as_str(), "a" | "an" | "the" | "one") {
            w = &w[1..];
        } else {
            break;
        }
    }
    // "My first administration", "our government": the writer's or the
    // speaker's own side, no name a reader can use (as "I" is none).
    let first_person = w
        .first()
        .is_some_and(|f| matches!(f.to_lowercase().as_str(), "my" | "our" | "your"));
    if w.is_empty() || w.len() > 8 || first_person {
        return None;
    }
    // "a government source in New Delhi": the head stands before the preposition;
    // "officials familiar with the talks", "a source close to the delegation",
    // "diplomats briefed on the matter": before the words that describe it.
    let head_at = w
        .iter()
        .position(|x| {
            matches!(
                *x,
                "in" | "at"
                    | "from"
                    | "of"
                    | "for"
                    | "familiar"
                    | "close"
                    | "briefed"
                    | "involved"
                    | "knowledgeable"
            )
        })
        .unwrap_or(w.len());
    if head_at == 0 {
        return None;
    }
    let head = key(w[head_at - 1]);
    if !DESCRIBED_HEADS.contains(&head.as_str()) {
        return None;
    }
    Some(w.join(" ").replace(" ’s", "’s").replace(" 's", "'s"))
}

/// The mention whose last token is `end - 1` (or the last mention before `end`).
fn mention_ending_at(doc: &Doc, i: usize, start: usize, end: usize) -> Option<Subject> {
    doc.mentions[i]
        .iter()
        .rfind(|m| m.first >= start && m.last <= end && !m.possessive)
        .map(|m| Subject {
            name: m.name.clone(),
            person: m.kind == ActorKind::Person,
        })
}

/// The noun phrase right after token `at` (an inverted "said Foreign Minister X" or
/// "according to X"): the first actor before a comma or the end.
pub fn phrase_after(doc: &Doc, i: usize, at: usize) -> Option<Subject> {
    let words = doc.words(i);
    let end = (at..words.len())
        .find(|&k| matches!(words[k], "," | "." | ";" | "“" | "\""))
        .unwrap_or(words.len());
    if end <= at {
        return None;
    }
    if let Some(m) = doc.mentions[i]
        .iter()
        .find(|m| m.first >= at && m.last <= end && !m.possessive)
        .filter(|m| {
            !(m.group
                && words
                    .key_at(m.last)
                    .is_some_and(|w| INSTITUTIONS.contains(&w)))
        })
    {
        return Some(Subject {
            name: m.name.clone(),
            person: m.kind == ActorKind::Person,
        });
    }
    let seg = &words[at..end];
    // An outlet or body named in capitals ("a report from Radio Free Wire").
    let named = || {
        let caps: Vec<&str> = seg
            .iter()
            .copied()
            .skip_while(|w| !is_capitalised(w))
            .collect();
        (!caps.is_empty() && caps.len() <= 5 && caps.iter().all(|w| is_capitalised(w))).then(|| {
            Subject {
                name: caps.join(" "),
                person: false,
            }
        })
    };
    match described(seg) {
        // A document speaks for whoever published it: "a report from ABC News" is
        // ABC News, while "an official from the ministry" stays the official.
        Some(name) if DOCUMENTS.contains(&name.split(' ').next().unwrap_or_default()) => named()
            .or(Some(Subject {
                name,
                person: false,
            })),
        Some(name) => Some(Subject {
            name,
            person: false,
        }),
        None => named(),
    }
}

/// Nouns for a published text rather than a person.
const DOCUMENTS: &[&str] = &[
    "report",
    "reports",
    "statement",
    "article",
    "broadcast",
    "interview",
    "investigation",
    "analysis",
    "editorial",
];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn subj(text: &str, verb: &str, last: Option<&str>) -> Option<String> {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let words = doc.words(0);
        let v = words.raw().iter().position(|w| *w == verb)?;
        subject(&doc, 0, v, last).map(|s| s.name)
    }

    #[test]
    fn the_subject_skips_titles_adverbials_and_appositions() {
        assert_eq!(
            subj(
                "In a statement, Foreign Minister Ola Brek said so.",
                "said",
                None
            )
            .as_deref(),
            Some("Ola Brek")
        );
        assert_eq!(
            subj(
                "Ruritania's envoy, Tam Ruen, told reporters so.",
                "told",
                None
            )
            .as_deref(),
            Some("Tam Ruen")
        );
        assert_eq!(
            subj("Ola Brek, a veteran diplomat, also said so.", "said", None).as_deref(),
            Some("Ola Brek")
        );
    }

    #[test]
    fn pronouns_take_the_last_person_and_sources_are_described() {
        assert_eq!(
            subj("He said so.", "said", Some("Ola Brek")).as_deref(),
            Some("Ola Brek")
        );
        assert_eq!(
            subj("A senior U.S. official said so.", "said", None).as_deref(),
            Some("senior U.S. official")
        );
        assert_eq!(
            subj("Moscow said so.", "said", None).as_deref(),
            Some("Moscow")
        );
    }
}
