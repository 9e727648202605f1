//! What the word lists say about each word of a sentence, asked once, and
//! which words can be part of a name (particles, places after "in", forms of
//! address).

use super::*;

/// Name particles written in lower case inside a name ("bin", "al", "van"; the
/// Portuguese "e" of "Correia e Silva"), of people and of places ("Sharm
/// el-Sheikh", "Dar es Salaam").
pub(crate) const PARTICLES: &[&str] = &[
    "bin", "al", "el", "de", "del", "da", "do", "das", "dos", "du", "van", "von", "der", "la",
    "le", "ibn", "di", "ben", "abu", "e", "es",
];

/// Prepositions after which an unknown capitalised pair is a place.
pub(super) const PLACE_PREPS: &[&str] = &[
    "in", "at", "from", "near", "to", "toward", "towards", "outside", "across", "into",
];

/// Words after which "from" or "to" leads to whoever speaks or is spoken to, not
/// to a place: "a call from Antony Blinken", "spoke to Sergei Lavrov".
pub(super) const ADDRESS: &[&str] = &[
    "call",
    "calls",
    "message",
    "messages",
    "letter",
    "letters",
    "invitation",
    "spoke",
    "spoken",
    "speak",
    "talked",
    "talk",
    "wrote",
    "written",
];

/// Whether the preposition at `prep` follows a word of address (`ADDRESS`).
pub(super) fn addressed(text: &str, toks: &[Tok], prep: usize) -> bool {
    prep > 0
        && matches!(toks[prep].text(text), "from" | "to")
        && ADDRESS.contains(&toks[prep - 1].text(text))
}

/// Whether word `i` can be part of a person's name; `compound` says whether it is a
/// compound of actors ("Armenian-Azerbaijani"), which is not.
pub(super) fn is_name_token(text: &str, toks: &[Tok], i: usize, compound: bool) -> bool {
    let t = toks[i];
    if t.kind != TokKind::Word || compound {
        return false;
    }
    let w = t.text(text);
    if is_capitalised(w) {
        return true;
    }
    // "al-Harith", or a particle between two capitalised words.
    if let Some((head, tail)) = w.split_once('-') {
        return PARTICLES.contains(&head) && is_capitalised(tail);
    }
    // "von der Leyen", "de la Cruz": a particle may follow another.
    let word_at = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.text(text))
    };
    let name_after = |k: usize| {
        word_at(k).is_some_and(|n| {
            is_capitalised(n)
                || (PARTICLES.contains(&n) && word_at(k + 1).is_some_and(is_capitalised))
        })
    };
    let name_before = i > 0
        && word_at(i - 1).is_some_and(|p| {
            is_capitalised(p)
                || (PARTICLES.contains(&p) && i > 1 && word_at(i - 2).is_some_and(is_capitalised))
        });
    PARTICLES.contains(&w) && name_after(i + 1) && name_before
}

/// Longest title phrase starting at word `i` (of the lower-case `keys`), in words.
pub(super) fn title_len(keys: &[Key], masks: &[u32], i: usize) -> usize {
    let lx = &*LEXICON;
    if masks.get(i).is_none_or(|m| m & starts::TITLE == 0) {
        return 0;
    }
    let mut best = 0;
    let mut phrase = String::new();
    for (k, w) in keys[i..].iter().take(lx.title_max_words).enumerate() {
        if k > 0 {
            phrase.push(' ');
        }
        // "the Vice President's meetings": a possessive ends the title
        let owner = bare(w);
        if owner != w.as_ref() {
            phrase.push_str(owner);
            if k > 0 && lx.titles.contains(&phrase) {
                best = k + 1;
            }
            break;
        }
        phrase.push_str(w);
        if lx.titles.contains(&phrase) {
            best = k + 1;
        }
        if !lx.title_prefixes.contains(&phrase) {
            break;
        }
    }
    best
}

/// Longest known phrase starting at word `i` (of the lower-case `keys`): its
/// length and what it names.
pub(super) fn known_at(keys: &[Key], masks: &[u32], i: usize) -> Option<(usize, &'static Known)> {
    let first = keys.get(i)?;
    let known_first = |w: &str| LEXICON.mask(w) & starts::KNOWN != 0;
    if masks[i] & starts::KNOWN == 0 && (bare(first) == first.as_ref() || !known_first(bare(first)))
    {
        return None;
    }
    let mut best = None;
    let mut phrase = String::new();
    for (k, w) in keys[i..].iter().take(LEXICON.known_max_words).enumerate() {
        if k > 0 {
            phrase.push(' ');
        }
        phrase.push_str(w);
        let found = LEXICON
            .known
            .get(&phrase)
            .or_else(|| LEXICON.known.get(bare(&phrase)));
        let found = found.or_else(|| {
            phrase
                .strip_prefix("the ")
                .and_then(|r| LEXICON.known.get(r))
        });
        if let Some(f) = found {
            best = Some((k + 1, f));
        }
        // No longer entry starts with the words so far ("the" may be dropped).
        let grows = |p: &str| p == "the" || LEXICON.known_prefixes.contains(p);
        if !grows(&phrase) && !phrase.strip_prefix("the ").is_some_and(grows) {
            break;
        }
    }
    best
}

/// What the word lists say about each word of one sentence, asked once. Both passes
/// over the actors ask the same questions of the same words many times (is a title
/// starting here, a known name, a word of a name), and the phrase look-ups behind
/// them were most of the extractor's time.
pub struct Lookups {
    title: Vec<u8>,
    known: Vec<Option<(u8, &'static Known)>>,
    name: Vec<bool>,
    /// Word `i` is a compound of actors ("Armenian-Azerbaijani").
    pub(super) compound: Vec<bool>,
}

impl Lookups {
    pub fn read(text: &str, toks: &[Tok], keys: &[Key], masks: &[u32]) -> Self {
        let short = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
        let compound: Vec<bool> = (0..toks.len())
            .map(|i| compound(text, toks, i).is_some())
            .collect();
        Lookups {
            title: (0..keys.len())
                .map(|i| short(title_len(keys, masks, i)))
                .collect(),
            known: (0..keys.len())
                .map(|i| known_at(keys, masks, i).map(|(n, k)| (short(n), k)))
                .collect(),
            name: (0..toks.len())
                .map(|i| is_name_token(text, toks, i, compound[i]))
                .collect(),
            compound,
        }
    }

    /// Length in words of the longest title starting at word `i` (0: none).
    pub(super) fn title(&self, i: usize) -> usize {
        self.title.get(i).map_or(0, |&n| usize::from(n))
    }

    /// The longest known name starting at word `i`: its length and what it names.
    pub(super) fn known(&self, i: usize) -> Option<(usize, &'static Known)> {
        let (n, k) = (*self.known.get(i)?)?;
        Some((usize::from(n), k))
    }

    /// Whether word `i` can be part of a person's name.
    pub(super) fn name(&self, i: usize) -> bool {
        self.name.get(i).copied().unwrap_or(false)
    }
}

/// The look-up form of every token of a sentence (lower case, borrowed when the
/// word already is).
pub fn keys_of<'a>(text: &'a str, toks: &[Tok]) -> Vec<Key<'a>> {
    toks.iter().map(|t| lower(t.text(text))).collect()
}

pub(super) fn title_case(word: &str) -> String {
    if word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && word.chars().count() > 1
    {
        let mut out = String::new();
        let mut start = true;
        for c in word.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphanumeric();
        }
        out
    } else {
        word.to_string()
    }
}
