//! Direct speech: a quotation with its attribution before or after it ("…,”
//! Brek said; Brek said: “…”), titles and scare quotes left out.

use super::*;

/// The quotations of sentence `i` that are speech, not titles or scare quotes.
pub(super) fn speech_quotes<'d>(doc: &'d Doc, i: usize) -> Vec<&'d Quote> {
    quotes_in(doc, i)
        .filter(|q| !is_title_or_scare(doc, i, q))
        .collect()
}

/// Index of the first token at or after byte `pos` in sentence `i`.
pub(super) fn tok_at(doc: &Doc, i: usize, pos: usize) -> usize {
    doc.toks[i].partition_point(|t| t.start < pos)
}

pub(super) fn is_speech_verb(w: &str) -> bool {
    LEXICON.speech.contains(lower(w).as_ref())
}

/// The top-level quotations that start in sentence `i`.
pub(super) fn quotes_in<'d>(doc: &'d Doc, i: usize) -> impl Iterator<Item = &'d Quote> {
    let span = doc.sentences[i].span;
    let from = doc.quotes.partition_point(|q| q.outer.start < span.start);
    doc.quotes[from..]
        .iter()
        .take_while(move |q| q.outer.start < span.end)
        .filter(|q| !q.nested)
}

/// Whether the quotation reads as a title, a name or a scare quote.
pub(super) fn is_title_or_scare(doc: &Doc, i: usize, q: &Quote) -> bool {
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

pub(super) fn direct(doc: &Doc, i: usize, st: &mut State) {
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
pub(super) struct QuotePlace {
    n: usize,
    open: usize,
    close: usize,
    next_open: usize,
}

/// A speaker with the audience the verb names.
type Attributed = (Subject, Option<String>);

/// Attribution after the quotation: ", Brek said" or ", said Brek".
pub(super) fn said_after_quote(
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
pub(super) fn said_before_quote(
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
