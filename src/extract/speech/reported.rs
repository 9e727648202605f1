//! Reported speech: the clause after a verb of saying ("said that …", "told
//! reporters the talks …"), after "according to X," or before a closing
//! attribution ("…, the ministry said.").

use super::*;
use crate::extract::clauses::relative_opener;

/// Words that may stand between a verb of saying and its clause.
pub(super) const ADVERBIAL: &[&str] = &[
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
pub(super) fn opens_clause(w: &str) -> bool {
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
pub(super) const OBJECTS: &[&str] = &["him", "her", "them", "us", "me", "reporters", "journalists"];

/// "declined to say which states asked", "would not say": a refusal to speak
/// reports nothing said.
pub(super) fn withheld(words: Words, v: usize) -> bool {
    let before = |n: usize| v.checked_sub(n).map(|k| words.key(k));
    matches!(before(1), Some("not" | "never"))
        || (before(1) == Some("to")
            && matches!(
                before(2),
                Some("declined" | "refused" | "declining" | "refusing")
            ))
}

/// A verb of reporting at word `v`, one word or two ("made clear"): its length.
pub(super) fn reporting_verb(words: Words, v: usize) -> Option<usize> {
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
pub(super) fn clause_after(
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
    // "told her the talks …" names whom she told; "said her country …" opens
    // the clause with a possessive.
    let possessive_her =
        words.key_at(c) == Some("her") && words.get(c + 1).is_some_and(|n| !opens_clause(n));
    if let Some(a) = aud {
        c += a.split(' ').count();
    } else if words.get(c).is_some_and(|w| OBJECTS.contains(w)) && !possessive_her {
        c += 1;
    }
    c = past_adverbials(words, c, end);
    (c < end && (opens_clause(words[c]) || bare_noun_subject(words, c))).then_some(c)
}

/// "said in a statement on Tuesday the talks had been useful": phrases of where,
/// when and how, each opened by a preposition and closed by a capitalised word
/// or a noun, between a verb of saying and the clause it reports without
/// "that". Where the clause starts (`c` itself when no such phrase stands
/// there): at a word that opens a clause and has a finite verb within four words.
fn past_adverbials(words: Words, c: usize, end: usize) -> usize {
    const PREPOSITIONS: &[&str] = &["in", "on", "at", "during", "after", "before"];
    if !words
        .get(c)
        .is_some_and(|_| PREPOSITIONS.contains(&words.key(c)))
    {
        return c;
    }
    let finite_soon = |k: usize| (k + 1..(k + 5).min(end)).any(|j| FINITE.contains(&words.key(j)));
    (c + 2..(c + 10).min(end))
        .take_while(|&k| !matches!(words[k], "," | ";" | "“" | "\"" | "that"))
        .find(|&k| {
            matches!(
                words.key(k),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            ) && !PREPOSITIONS.contains(&words.key(k - 1))
                && !matches!(words.key(k - 1), "the" | "a" | "an" | "with" | "of" | "to")
                && finite_soon(k)
        })
        .unwrap_or(c)
}

/// Finite verbs that show a clause has begun: its subject stands right before.
const FINITE: &[&str] = &[
    "had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "can", "should",
    "must", "might", "may", "remained", "remain", "remains",
];

/// "said progress had been made", "warned sanctions would follow", "said more
/// work was needed", "said last week's attack was unacceptable": a noun phrase
/// with no article (a mass or plural noun needs none), up to four lower-case
/// words, opens the clause said when a finite verb follows it at once.
fn bare_noun_subject(words: Words, c: usize) -> bool {
    /// Words no such noun phrase holds: the clause said would have begun
    /// elsewhere ("said on Monday", "said to be", "said today").
    const NOT_IN_A_NOUN_PHRASE: &[&str] = &[
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "of",
        "from",
        "and",
        "or",
        "but",
        "that",
        "it",
        "today",
        "yesterday",
        "tonight",
        "now",
        "then",
        "not",
        "also",
        "so",
        "as",
    ];
    let phrase = (c..(c + 4).min(words.len())).take_while(|&k| {
        words[k]
            .chars()
            .all(|ch| ch.is_lowercase() || matches!(ch, '\'' | '’' | '-'))
            && !NOT_IN_A_NOUN_PHRASE.contains(&words.key(k))
            && !FINITE.contains(&words.key(k))
    });
    phrase
        .last()
        .is_some_and(|last| words.key_at(last + 1).is_some_and(|n| FINITE.contains(&n)))
}

/// The first person named before word `end` of sentence `i`: whom a closing
/// attribution's "his" refers to.
pub(super) fn person_in_clause<'d>(doc: &'d Doc, i: usize, end: usize) -> Option<&'d str> {
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
pub(super) fn attributes_quote(words: Words, v: usize) -> bool {
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

/// The reported speech of sentence `i`: each verb of saying with the clause it
/// reports, "according to X", and a closing attribution ("…, the ministry said").
pub(super) fn reported(doc: &Doc, i: usize, st: &mut State) {
    let words = doc.words(i);
    let toks = &doc.toks[i];
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
        if !taken && let Some(e) = as_said(doc, i, (v, len), sentence_end, &quotes, st) {
            taken = true;
            v = e;
            continue;
        }
        if !taken
            && quotes.is_empty()
            && let Some(e) = parenthetical(doc, i, (v, len), sentence_end, st, before)
        {
            taken = true;
            v = e;
            continue;
        }
        let clause = clause_after(
            words,
            v,
            len,
            sentence_end,
            audience_after_verb(doc, i, v).as_deref(),
        );
        let aud = audience(doc, i, v);
        let explicit_that = clause.is_some_and(|c| words[c - 1] == "that");
        if attributes_quote(words, v) && !explicit_that {
            v += 1;
            continue;
        }
        // "…, said Ana Veld, the foreign minister.": no clause follows the name.
        let inverted = v > 0 && words[v - 1] == "," && named_right_after(doc, i, v + len).is_some();
        if let Some(c) = clause
            && sentence_end > c + 2
            && !quotes.iter().any(|q| q.outer.start >= toks[c].start)
            && !inverted
        {
            if let Some(e) = report_clause(doc, i, (v, c), sentence_end, aud.clone(), st, before) {
                taken = true;
                v = e;
                continue;
            }
        } else if (clause.is_none() || inverted) && !taken {
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

/// The clause that the verb of saying at word `v` reports, from word `c`, as a
/// statement of the verb's speaker; a participle ("…, adding that") reports the
/// sentence's first speaker. `before` is where this sentence's statements begin
/// in `st.out`. Returns where the clause ends when a statement was made.
fn report_clause(
    doc: &Doc,
    i: usize,
    (v, c): (usize, usize),
    sentence_end: usize,
    audience: Option<String>,
    st: &mut State,
    before: usize,
) -> Option<usize> {
    let words = doc.words(i);
    let toks = &doc.toks[i];
    let sent = doc.sentences[i].span;
    let e = relative_end(words, v, c).unwrap_or_else(|| content_end(words, c, sentence_end));
    let quoted = quoted_as_saying(doc, i, v, st.last_person.as_deref());
    let speaker = if quoted.is_some() {
        quoted
    } else if words.key(v).ends_with("ing") {
        st.out[before..].first().map(|s| Subject {
            name: s.speaker.to_string(),
            person: true,
        })
    } else {
        speaker_at(doc, i, v, st, before)
    };
    let who = speaker.filter(|_| e > c)?;
    let span = Span::new(toks[c].start, toks[e - 1].end.min(sent.end));
    st.push(doc, &who, span, Speech::Reported, audience, i);
    Some(e)
}

/// "The proposal, Ana Veld argued, would only prolong the war", "The talks, he
/// said, were constructive": an attribution set off by commas inside the clause
/// it reports. The statement is the whole sentence, attribution included (what
/// was said runs on both sides of it). Returns where the sentence ends.
fn parenthetical(
    doc: &Doc,
    i: usize,
    (v, len): (usize, usize),
    sentence_end: usize,
    st: &mut State,
    before: usize,
) -> Option<usize> {
    let words = doc.words(i);
    let after = v + len;
    let open = (v.saturating_sub(5)..v).rev().find(|&k| words[k] == ",")?;
    let speaker_only = (open + 1..v).all(|k| {
        is_capitalised(words[k]) || matches!(words.key(k), "he" | "she" | "they" | "officials")
    });
    if open == 0 || words.get(after) != Some(&",") || sentence_end < after + 3 || !speaker_only {
        return None;
    }
    // "X met Y on Monday, Chilean officials said, and the two agreed …": "and"
    // after the attribution opens a clause of its own; the attribution closes
    // the clause before it, as one at the end of a sentence does.
    if matches!(words.key_at(after + 1), Some("and" | "but")) && !is_capitalised(words[v]) {
        let at = Attribution {
            verb: v,
            len,
            sentence_end: after,
            audience: None,
        };
        let last = st.last_person.clone();
        return said_after(doc, i, &at, &[], last.as_deref(), st).then_some(after);
    }
    let who = speaker_at(doc, i, v, st, before)?;
    let toks = &doc.toks[i];
    let span = Span::new(toks[0].start, toks[sentence_end - 1].end);
    st.push(doc, &who, span, Speech::Reported, None, i);
    Some(sentence_end)
}

/// "Ana Veld, who said on Monday that the border must reopen, met Per Lund": a
/// verb of saying inside a relative clause set off by commas reports up to the
/// comma that closes it; the sentence goes on with its own subject's news.
fn relative_end(words: Words, v: usize, c: usize) -> Option<usize> {
    relative_opener(words, v).filter(|&who| v - who <= 4)?;
    (c..words.len())
        .find(|&k| words[k] == ",")
        .filter(|&k| k > c)
}

/// Where what a verb of saying reports, starting at word `c`, ends: at the end
/// of the sentence, at a semicolon, at ", according to", at ", and said", or at
/// a comma before a named speaker of a verb of saying of their own ("announced
/// the deal, Tam Ruen said …").
pub(super) fn content_end(words: Words, c: usize, sentence_end: usize) -> usize {
    let another_speaker = |k: usize| {
        words.get(k + 1).is_some_and(|w| is_capitalised(w))
            && (k + 2..(k + 5).min(sentence_end)).any(|j| reporting_verb(words, j).is_some())
    };
    (c..sentence_end)
        .find(|&k| {
            words[k] == ";"
                || (words[k] == "," && words.get(k + 1) == Some(&"according"))
                || (words[k] == "," && another_speaker(k))
                || (words[k] == ","
                    && words.get(k + 1) == Some(&"and")
                    && (k + 2..(k + 5).min(sentence_end))
                        .any(|j| reporting_verb(words, j).is_some()))
                || (words[k] == "and" && reporting_verb(words, k + 1).is_some())
                // "…, adding that a deal was near": a participle of saying
                // reports a second clause, the same speaker's.
                || (words[k] == ","
                    && words.key_at(k + 1).is_some_and(|w| w.ends_with("ing"))
                    && reporting_verb(words, k + 1).is_some())
        })
        .unwrap_or(sentence_end)
}

/// "As X has underscored, the world cannot look away", "As she told reporters on
/// Monday, the border stays closed": a sentence opened by "As" and a verb of
/// saying with no object reports, after its comma, the main clause as X's. Not
/// when the main clause has a verb of saying of its own ("As X announced the
/// deal, Y said …"). Returns where the clause ends.
fn as_said(
    doc: &Doc,
    i: usize,
    (v, len): (usize, usize),
    sentence_end: usize,
    quotes: &[&Quote],
    st: &mut State,
) -> Option<usize> {
    let (words, toks) = (doc.words(i), &doc.toks[i]);
    if words.key_at(0) != Some("as") || v < 2 {
        return None;
    }
    let comma = (v + len..sentence_end).find(|&k| words[k] == ",")?;
    let no_object = comma - (v + len) <= 4
        && (v + len..comma).all(|k| {
            !matches!(
                words.key(k),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
        });
    let e = content_end(words, comma + 1, sentence_end);
    let reports_again = (comma + 1..e).any(|k| reporting_verb(words, k).is_some());
    if !no_object || reports_again || (1..v).any(|k| words[k] == ",") || e < comma + 4 {
        return None;
    }
    let (a, b) = (toks[comma + 1].start, toks[e - 1].end);
    if quotes.iter().any(|q| q.outer.start < b && q.outer.end > a) {
        return None;
    }
    let who = subject_from(doc, i, 1, v, st.last_person.as_deref())?;
    st.push(doc, &who, Span::new(a, b), Speech::Reported, None, i);
    Some(e)
}

/// "according to X, …" and "…, according to X." at word `v`: the clause on the
/// other side of the phrase is X's, unless a quotation fills it. Returns whether
/// a statement was taken.
pub(super) fn according_to(
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
pub(super) struct Attribution {
    verb: usize,
    len: usize,
    sentence_end: usize,
    audience: Option<String>,
}

/// "…, the ministry said.": the clause before the attribution's comma is its
/// subject's, when only an adverbial follows the verb. Returns whether a
/// statement was taken.
pub(super) fn said_after(
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
    let Some(cm) = attribution_comma(doc, i, v) else {
        return false;
    };
    if !rest_is_adverbial
        || cm < 4
        || v - cm > 12
        || quotes.iter().any(|q| q.outer.start < toks[cm].start)
    {
        return false;
    }
    let who = if cm + 1 == v {
        // "…, said Ana Veld, the foreign minister.": the speaker follows the verb.
        named_right_after(doc, i, v + at.len)
    } else {
        subject_from(doc, i, cm + 1, v, person_in_clause(doc, i, cm).or(last))
    };
    let Some(who) = who else {
        return false;
    };
    let start = clause_start(doc, i, cm);
    if crate::extract::clauses::INTRO.contains(&words.key(start)) {
        return false;
    }
    let span = Span::new(toks[start].start, toks[cm - 1].end);
    st.push(doc, &who, span, Speech::Reported, at.audience.clone(), i);
    true
}

/// The comma that opens a closing attribution before the verb at `v`: the last
/// one, or, when the speaker is set off by commas of their own ("…, the foreign
/// minister, Ana Veld, said"), the comma before the speaker's title.
fn attribution_comma(doc: &Doc, i: usize, v: usize) -> Option<usize> {
    let words = doc.words(i);
    let last = (0..v).rev().find(|&k| words[k] == ",")?;
    if last + 1 != v {
        return Some(last);
    }
    // "Ana Veld, said": a name closed by its comma; the verb has a subject only
    // if that name is one.
    let named = |a: usize, b: usize| {
        doc.mentions[i]
            .iter()
            .any(|m| m.kind == ActorKind::Person && m.first == a && m.last + 1 >= b)
    };
    let Some(name_comma) = (0..last).rev().find(|&k| words[k] == ",") else {
        return Some(last);
    };
    if last - name_comma > 5 || !named(name_comma + 1, last) {
        return Some(last);
    }
    // "…, the foreign minister, Ana Veld,": a short title phrase before the name.
    let title_comma = (0..name_comma).rev().find(|&k| words[k] == ",");
    Some(match title_comma {
        Some(t) if name_comma - t <= 6 && title_phrase(&words[t + 1..name_comma]) => t,
        _ => name_comma,
    })
}

/// "the foreign minister", "Chile's foreign minister", "a ministry spokesperson":
/// a determiner or a possessive, then lower-case words.
fn title_phrase(ws: &[&str]) -> bool {
    let Some((first, rest)) = ws.split_first() else {
        return false;
    };
    let opens = matches!(
        first.to_lowercase().as_str(),
        "the" | "a" | "an" | "its" | "his" | "her"
    ) || first.ends_with("'s")
        || first.ends_with("’s");
    opens
        && !rest.is_empty()
        && rest
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// The person named right at word `at` ("said Ana Veld, the foreign minister").
fn named_right_after(doc: &Doc, i: usize, at: usize) -> Option<Subject> {
    doc.mentions[i]
        .iter()
        .find(|m| m.kind == ActorKind::Person && m.first == at)
        .map(|m| Subject {
            name: m.name.clone(),
            person: true,
        })
}

/// "X was quoted (by the agency) as saying …", "the agency quoted X as saying
/// …": the one quoted is the speaker of what "saying" reports, not whoever spoke
/// first in the sentence.
fn quoted_as_saying(doc: &Doc, i: usize, v: usize, last: Option<&str>) -> Option<Subject> {
    let words = doc.words(i);
    if v == 0 || words.key(v) != "saying" || words.key(v - 1) != "as" {
        return None;
    }
    let q = (v.saturating_sub(8)..v - 1).rfind(|&k| words.key(k) == "quoted")?;
    if let Some(s) = named_right_after(doc, i, q + 1) {
        return Some(s);
    }
    let passive = q > 0 && matches!(words.key(q - 1), "was" | "were" | "is" | "are" | "been");
    passive
        .then(|| crate::extract::clauses::subject(doc, i, q - 1, last))
        .flatten()
}
