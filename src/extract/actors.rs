//! Actors named in a sentence: people (title + name, or a name the article has
//! already introduced), countries (by name, capital or seat of government) and
//! organisations.
//!
//! A person's name is a run of capitalised words that the lists do not know. Titles,
//! nationalities and countries in front of it are stripped ("Kazakh Foreign Minister
//! Murat Nurtleu") and kept as the person's affiliation, so "his Kazakh counterpart"
//! can be resolved later. A lone unknown word is a name only when a title stands
//! before it or the article introduced it as a surname; two unknown words after
//! "in" or "at" are a place.

use std::collections::HashMap;

use crate::model::Span;

use super::bodies;
use super::lexicon::{Key, Known, LEXICON, key, lower, starts};
use super::tokens::{Tok, TokKind, bare, is_capitalised};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    Country,
    Org,
}

/// One actor named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Tokens `first..last` of the sentence (the name itself, without titles).
    pub first: usize,
    pub last: usize,
    /// The whole mention including titles and nationality in front.
    pub span: Span,
    /// The fullest form of the name known so far.
    pub name: String,
    pub kind: ActorKind,
    /// A title stood in front of the name.
    pub titled: bool,
    /// The country or organisation the mention carries ("Russian", "of Armenia").
    pub affiliation: Option<String>,
    /// Ends in "'s": the name qualifies something else ("Oman's foreign minister").
    pub possessive: bool,
    /// A country or organisation used as a modifier ("Kremlin aide", "U.S. envoy"),
    /// or standing after "in"/"at": a description or a place, not an actor.
    pub modifier: bool,
    /// A country named through a group of its people ("EU officials", "the Indian
    /// and Pakistani commissioners"): it takes part in meetings as that country.
    pub group: bool,
    /// One side of a compound that names both ("an India-EU summit", "a
    /// Japan-China ministers' meeting"), not its broker ("Saudi-brokered"): when
    /// people meet, the side one of them acts for.
    pub side: bool,
    /// The title in front of the name, lower case ("foreign minister").
    pub title: Option<String>,
}

/// The Arabic article as it is written before a surname.
const ARTICLES: &[&str] = &[
    "al-", "Al-", "el-", "El-", "ad-", "ash-", "as-", "at-", "az-", "ar-",
];

/// Full names of the people an article introduces, by surname and by first name, so
/// a later "Lavrov" or "Kim" finds "Sergei Lavrov" or "Kim Seo-yeon".
#[derive(Debug, Default, Clone)]
pub struct Registry {
    by_word: HashMap<String, String>,
    affiliation: HashMap<String, String>,
    /// How often each full name is mentioned, surnames included.
    count: HashMap<String, usize>,
    /// Title to the first person introduced with it.
    by_title: HashMap<String, Option<String>>,
    /// Every full name, in the order introduced.
    names: Vec<String>,
    /// Person to the title they were first introduced with.
    title_of: HashMap<String, String>,
    /// Countries the article names, so "the North" can find "North Korea".
    countries: Vec<String>,
}

impl Registry {
    /// Adds a full name (two words or more).
    pub fn add(&mut self, full: &str, affiliation: Option<&str>) {
        let words: Vec<&str> = full.split_whitespace().collect();
        if words.len() < 2 {
            return;
        }
        // Any word of the name finds it: "Serrano" for "Paulina Serrano Vidal", "Kim"
        // for "Kim Seo-yeon". The surname is tried first, so it wins a clash.
        let last = words.len() - 1;
        for w in std::iter::once(words[last]).chain(words[..last].iter().copied()) {
            if PARTICLES.contains(&w) {
                continue;
            }
            // "al-Sisi" is "Sisi" again later: the Arabic article is left off.
            let bare = ARTICLES
                .iter()
                .find_map(|a| w.strip_prefix(a))
                .filter(|b| b.chars().next().is_some_and(char::is_uppercase));
            for w in std::iter::once(w).chain(bare) {
                self.by_word
                    .entry(key(w))
                    .or_insert_with(|| full.to_string());
            }
        }
        if !self.names.iter().any(|n| n == full) {
            self.names.push(full.to_string());
        }
        if let Some(a) = affiliation {
            self.affiliation
                .entry(full.to_string())
                .or_insert_with(|| a.to_string());
        }
    }

    /// Adds a person named elsewhere (a headline) with the title they bear,
    /// unless the text introduced someone else with that title.
    pub fn adopt(&mut self, full: &str, affiliation: Option<&str>, title: &str) {
        self.add(full, affiliation);
        self.add_title(title, full);
        self.add_title_of(full, title);
    }

    /// Records that `full` bears `title`, so "the Secretary" can find them.
    /// The first person introduced with a title keeps it: in a readout, "the
    /// Minister" is the ministry's own minister, named first.
    pub fn add_title(&mut self, title: &str, full: &str) {
        self.by_title
            .entry(title.to_string())
            .or_insert_with(|| Some(full.to_string()));
    }

    /// Records the title a person was introduced with ("foreign minister"), so "the
    /// two ministers" can find them among the parties of a meeting.
    pub fn add_title_of(&mut self, full: &str, title: &str) {
        self.title_of
            .entry(full.to_string())
            .or_insert_with(|| title.to_string());
    }

    /// Records a country the article names.
    pub fn add_country(&mut self, country: &str) {
        if !self.countries.iter().any(|c| c == country) {
            self.countries.push(country.to_string());
        }
    }

    /// "the North" for the one country named "North …" (likewise South, East,
    /// West) in an article that names it.
    pub fn by_compass(&self, point: &str) -> Option<&str> {
        let prefix = format!("{point} ");
        let mut fits = self.countries.iter().filter(|c| c.starts_with(&prefix));
        let first = fits.next()?;
        fits.next().is_none().then_some(first.as_str())
    }

    /// The title `person` was introduced with, lower case.
    /// A surname introduced with a title ("Minister Lavrov") lends it to the full
    /// name.
    pub fn title_of(&self, person: &str) -> Option<&str> {
        self.title_of
            .get(person)
            .or_else(|| {
                let last = person.rsplit(' ').next()?;
                (last != person).then(|| self.title_of.get(last)).flatten()
            })
            .map(String::as_str)
    }

    /// The person acting for `country` in a role ("the foreign ministers of A and
    /// B"): among those affiliated with it, one whose title fits, else one
    /// introduced without a title; never one whose title is another role (a
    /// president is not "the foreign minister"), so then `None`. Without a role,
    /// anyone affiliated. Ties go to the one the article names most; a tie there
    /// too is `None`.
    pub fn of_country_as(&self, country: &str, role: Option<fn(&str) -> bool>) -> Option<&str> {
        let mut people: Vec<(&str, bool, usize)> = self
            .affiliation
            .iter()
            .filter(|(_, c)| c.as_str() == country)
            .filter_map(|(p, _)| {
                let fits = match (role, self.title_of(p)) {
                    (None, _) => true,
                    (Some(role), Some(t)) => role(t).then_some(true)?,
                    (Some(_), None) => false,
                };
                Some((p.as_str(), fits, self.mentions_of(p)))
            })
            .collect();
        people.sort_by_key(|&(p, fits, n)| (!fits, std::cmp::Reverse(n), p));
        match people.as_slice() {
            [(p, _, _)] => Some(p),
            [(p, fa, a), (_, fb, b), ..] if fa > fb || (fa == fb && a > b) => Some(p),
            _ => None,
        }
    }

    /// The one person introduced with `title`. A surname recorded with it ("State
    /// Councilor Qin") is the full name introduced elsewhere ("Qin Gang").
    pub fn by_title(&self, title: &str) -> Option<&str> {
        let p = self.by_title.get(title).and_then(|x| x.as_deref())?;
        Some(if p.contains(' ') {
            p
        } else {
            self.full(p).unwrap_or(p)
        })
    }

    /// The fuller form of a name of two words or more that leaves words out at
    /// the end ("Edmundo González" for "Edmundo González Urrutia"): Spanish and
    /// Portuguese double surnames are often shortened. Only when one name fits.
    pub fn fuller(&self, name: &str) -> Option<&str> {
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() < 2 {
            return None;
        }
        let mut fits = self.names.iter().filter(|n| {
            let w: Vec<&str> = n.split(' ').collect();
            w.len() > words.len() && w[..words.len()] == words[..]
        });
        let first = fits.next()?;
        fits.next().is_none().then_some(first.as_str())
    }

    /// The full name for a one-word mention, if the article introduced one.
    pub fn full(&self, word: &str) -> Option<&str> {
        self.by_word.get(&key(word)).map(String::as_str)
    }

    /// Whether the article names anyone acting for `country`.
    pub fn names_someone_of(&self, country: &str) -> bool {
        self.affiliation.values().any(|c| c == country)
    }

    /// The person acting for `country`: the only one affiliated with it, or the one
    /// the article names most often when several are.
    pub fn of_country(&self, country: &str) -> Option<&str> {
        self.of_country_as(country, None)
    }

    /// Counts a mention of a full name.
    pub fn count(&mut self, full: &str) {
        *self.count.entry(full.to_string()).or_default() += 1;
    }

    /// How often the article names `full` (surnames included).
    pub fn mentions_of(&self, full: &str) -> usize {
        self.count.get(full).copied().unwrap_or(0)
    }

    pub fn affiliation(&self, person: &str) -> Option<&str> {
        self.affiliation.get(person).map(String::as_str)
    }
}

/// Name particles written in lower case inside a name ("bin", "al", "van").
const PARTICLES: &[&str] = &[
    "bin", "al", "el", "de", "del", "da", "do", "das", "dos", "du", "van", "von", "der", "la",
    "le", "ibn", "di", "ben", "abu",
];

/// Prepositions after which an unknown capitalised pair is a place.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "from", "near", "to", "toward", "towards", "outside", "across", "into",
];

/// Words after which "from" or "to" leads to whoever speaks or is spoken to, not
/// to a place: "a call from Antony Blinken", "spoke to Sergei Lavrov".
const ADDRESS: &[&str] = &[
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
fn addressed(text: &str, toks: &[Tok], prep: usize) -> bool {
    prep > 0
        && matches!(toks[prep].text(text), "from" | "to")
        && ADDRESS.contains(&toks[prep - 1].text(text))
}

/// Whether word `i` can be part of a person's name; `compound` says whether it is a
/// compound of actors ("Armenian-Azerbaijani"), which is not.
fn is_name_token(text: &str, toks: &[Tok], i: usize, compound: bool) -> bool {
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
fn title_len(keys: &[Key], masks: &[u32], i: usize) -> usize {
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
fn known_at(keys: &[Key], masks: &[u32], i: usize) -> Option<(usize, &'static Known)> {
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
    compound: Vec<bool>,
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
    fn title(&self, i: usize) -> usize {
        self.title.get(i).map_or(0, |&n| usize::from(n))
    }

    /// The longest known name starting at word `i`: its length and what it names.
    fn known(&self, i: usize) -> Option<(usize, &'static Known)> {
        let (n, k) = (*self.known.get(i)?)?;
        Some((usize::from(n), k))
    }

    /// Whether word `i` can be part of a person's name.
    fn name(&self, i: usize) -> bool {
        self.name.get(i).copied().unwrap_or(false)
    }
}

/// The look-up form of every token of a sentence (lower case, borrowed when the
/// word already is).
pub fn keys_of<'a>(text: &'a str, toks: &[Tok]) -> Vec<Key<'a>> {
    toks.iter().map(|t| lower(t.text(text))).collect()
}

fn title_case(word: &str) -> String {
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

/// Finds the actors named in the tokens of one sentence.
#[cfg(test)]
pub fn mentions(text: &str, toks: &[Tok], reg: &Registry) -> Vec<Mention> {
    let keys = keys_of(text, toks);
    let masks = LEXICON.masks(&keys);
    mentions_keyed(text, toks, &Lookups::read(text, toks, &keys, &masks), reg)
}

/// What stands in front of a name: titles, affiliations and function words,
/// read from token `i`.
struct Front {
    /// Where the name proper may start.
    j: usize,
    titled: bool,
    /// The last title read, lower case.
    title: Option<String>,
    affiliation: Option<String>,
}

/// A run of titles and affiliations with no name after them (`front` read from
/// `run_start`): "the Secretary" is the one person the article introduced with
/// that title; "the Pakistani commissioners" a country through a group of its
/// people; a known name standing alone is itself an actor.
fn titles_alone(
    text: &str,
    toks: &[Tok],
    reg: &Registry,
    run_start: usize,
    front: Front,
    out: &[Mention],
) -> Option<Mention> {
    let Front {
        j,
        titled,
        title,
        affiliation,
    } = front;
    let by_title = title
        .as_deref()
        .filter(|_| affiliation.is_none())
        .and_then(|t| reg.by_title(t));
    let definite = |k: usize| toks[k].text(text).eq_ignore_ascii_case("the");
    // "Assistant to the President Tam Ruen": the end of another's title.
    let in_title = run_start >= 3
        && definite(run_start - 1)
        && toks[run_start - 2].text(text) == "to"
        && is_capitalised(toks[run_start - 3].text(text));
    if let Some(p) = by_title
        && (definite(run_start) || (run_start > 0 && definite(run_start - 1)))
        && !in_title
    {
        return Some(Mention {
            first: run_start,
            last: j,
            span: Span::new(toks[run_start].start, toks[j - 1].end),
            name: p.to_string(),
            kind: ActorKind::Person,
            titled: true,
            affiliation: reg.affiliation(p).map(str::to_string),
            possessive: false,
            modifier: false,
            group: false,
            side: false,
            title,
        });
    }
    let a =
        affiliation.filter(|_| !titled || title.as_deref().is_some_and(|t| t.ends_with('s')))?;
    let mut m = known_mention(text, toks, run_start, j, a, out);
    if titled {
        m.group = true;
        m.modifier = false;
    }
    Some(m)
}

/// "Minister of Foreign Affairs of the Republic of Kazakhstan": the "of"
/// phrases after a formal title at `j`, read to where the name may start, with
/// the country the office is of. "Director General of Military Operations, Major
/// General X": capitalised words that end before a comma or a lower-case word are
/// what the office is of, not a name.
fn office_of(text: &str, toks: &[Tok], look: &Lookups, mut j: usize) -> (usize, Option<String>) {
    let mut affiliation = None;
    // "for" leads to a portfolio, never to the country the office is of: the
    // "Special Representative for North Korea" is no North Korean.
    while let Some(prep) = toks
        .get(j)
        .map(|t| t.text(text))
        .filter(|p| matches!(*p, "of" | "for"))
    {
        let of = prep == "of";
        let mut k = j + 1;
        while toks
            .get(k)
            .is_some_and(|t| matches!(t.text(text), "the" | "Republic" | "State" | "of"))
        {
            k += 1;
        }
        if of && let Some((n, found)) = look.known(k) {
            affiliation = Some(found.canonical().to_string());
            j = k + n;
            continue;
        }
        let mut e = k;
        while toks
            .get(e)
            .is_some_and(|t| t.kind == TokKind::Word && is_capitalised(t.text(text)))
        {
            e += 1;
        }
        let closed = toks
            .get(e)
            .is_none_or(|t| matches!(t.text(text), "," | ")" | ";" | "."));
        // "Deputy Prime Minister for Reintegration Oleg Serebrian": a name may
        // close the run; the portfolio is what comes before it.
        let portfolio = (k..e)
            .take_while(|&x| portfolio_word(toks[x].text(text)))
            .count();
        if portfolio > 0 && e - (k + portfolio) >= 2 {
            j = k + portfolio;
            break;
        }
        if of && e > k && closed && !(k..e).any(|x| look.title(x) > 0) {
            j = e;
            continue;
        }
        break;
    }
    (j, affiliation)
}

/// A word that names a field of government rather than a person: "Reintegration",
/// "Development", "Security", "Affairs". Names do not end so.
fn portfolio_word(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tion", "sion", "ment", "ity", "ence", "ance", "ics", "ure", "ism", "ship", "ness",
        "affairs",
    ];
    word.len() > 4
        && ENDINGS.iter().any(|e| {
            (word.len().checked_sub(e.len()))
                .and_then(|at| word.get(at..))
                .is_some_and(|end| end.eq_ignore_ascii_case(e))
        })
}

/// Strips function words, titles and affiliations from the front of a run of
/// capitalised words at `i` ("Minister of Foreign Affairs of the Republic of
/// Kazakhstan", "Parliament Speaker", "Russian Foreign Minister").
fn front(text: &str, toks: &[Tok], look: &Lookups, i: usize) -> Front {
    let mut titled = false;
    let mut title: Option<String> = None;
    let mut affiliation: Option<String> = None;
    let mut j = i;
    while let Some(t) = toks.get(j) {
        if t.kind != TokKind::Word {
            break;
        }
        let w = t.text(text);
        let tl = look.title(j);
        if tl > 0 {
            titled = true;
            title = Some(
                (j..j + tl)
                    .map(|x| toks[x].text(text).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            j += tl;
            // A role in lower case ("the ministers of A and B") leaves the country
            // an actor.
            if is_capitalised(toks[j - tl].text(text)) {
                let (end, of) = office_of(text, toks, look, j);
                j = end;
                affiliation = of.or(affiliation);
            }
            continue;
        }
        if !titled && is_capitalised(w) && LEXICON.function.contains(lower(bare(w)).as_ref()) {
            j += 1;
            continue;
        }
        if let Some((n, found)) = look.known(j) {
            let after = j + n;
            let next_is_name = toks
                .get(after)
                .is_some_and(|_| look.name(after) || look.title(after) > 0);
            let possessive = bare(toks[after - 1].text(text)) != toks[after - 1].text(text);
            if next_is_name && !possessive {
                // "Special Envoy for Sudan X", "Ambassador to Norway X": the
                // country is the post, not the envoy's own.
                let post = j > 0 && matches!(toks[j - 1].text(text), "for" | "to");
                if !post {
                    affiliation = Some(found.canonical().to_string());
                }
                j = after;
                continue;
            }
        }
        // "SDF commander Mazloum Abdi", "PKK leaders": an acronym in front of a
        // title is the body the person serves.
        if bodies::acronym(w) && look.title(j + 1) > 0 {
            affiliation = Some(w.to_string());
            j += 1;
            continue;
        }
        // An unknown word in front of a title describes the person ("Parliament
        // Speaker", "Ruritanian Foreign Minister").
        if is_capitalised(w) && bare(w) == w && look.title(j + 1) > 0 {
            j += 1;
            continue;
        }
        // Two such words: "Vice Unification Minister".
        if is_capitalised(w)
            && toks
                .get(j + 1)
                .is_some_and(|t| is_capitalised(t.text(text)) && bare(t.text(text)) == t.text(text))
            && look.title(j + 2) > 0
            && look.title(j + 1) == 0
        {
            j += 2;
            continue;
        }
        break;
    }
    Front {
        j,
        titled,
        title,
        affiliation,
    }
}

/// `mentions` with the sentence's word look-ups (`Lookups`) read once.
pub fn mentions_keyed(text: &str, toks: &[Tok], look: &Lookups, reg: &Registry) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if look.compound[i]
            && let Some(ms) = compound(text, toks, i)
        {
            out.extend(ms);
            i += 1;
            continue;
        }
        // "The North" opening a sentence: the article would read it as a name.
        let at = if toks[i].text(text) == "The" {
            i + 1
        } else {
            i
        };
        if at < toks.len()
            && let Some(m) = compass(text, toks, at, reg)
        {
            out.push(m);
            i = at + 1;
            continue;
        }
        if !look.name(i) && look.title(i) == 0 {
            i += 1;
            continue;
        }
        let (m, next) = run_at(text, toks, look, reg, i, &out);
        out.extend(m);
        i = next;
    }
    office_before_name(text, toks, look, &mut out);
    out
}

/// The run of titles, affiliations and capitalised words at `run_start`: the
/// actor it names, if any, and where the next run may start.
fn run_at(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    reg: &Registry,
    run_start: usize,
    out: &[Mention],
) -> (Option<Mention>, usize) {
    let before_name = front(text, toks, look, run_start);
    let j = before_name.j;
    let k = name_end(text, toks, look, j);
    if k == j {
        let next = j.max(run_start + 1);
        return (
            titles_alone(text, toks, reg, run_start, before_name, out),
            next,
        );
    }
    if let Some((n, found)) = look.known(j)
        && n >= k - j
    {
        let k = j + n;
        let mut m = known_mention(text, toks, j, k, found.canonical().to_string(), out);
        m.span = Span::new(toks[run_start].start, toks[k - 1].end);
        // A nationality is an actor only through a group of its people.
        let demonym = matches!(found, Known::Demonym(_));
        if demonym {
            m.group = true;
            m.modifier = false;
        }
        return ((!demonym || demonym_group(text, toks, k)).then_some(m), k);
    }
    let span = Span::new(toks[run_start].start, toks[k - 1].end);
    // "the Syrian Democratic Forces": a nationality opening a body's name is
    // part of it. Not who backs it: "the Kurdish-led Syrian Democratic Forces".
    let body_from = (run_start..k)
        .find(|&x| {
            let w = toks[x].text(text);
            !LEXICON.function.contains(lower(w).as_ref()) && !backer(w)
        })
        .unwrap_or(j);
    if !before_name.titled
        && bodies::names_a_body(text, toks, body_from, k, || group_at(text, toks, k))
    {
        return (body(text, toks, body_from, k, span, out), k);
    }
    (person(text, toks, reg, run_start, before_name, k, span), k)
}

/// Where the name proper that starts at `j` ends: capitalised words, up to a
/// title, a line break, a dateline or a possessive.
fn name_end(text: &str, toks: &[Tok], look: &Lookups, j: usize) -> usize {
    let mut k = j;
    while k < toks.len()
        && look.name(k)
        && (k == j
            || (look.title(k) == 0
                && !line_break_before(text, toks, k)
                && !dateline_after_name(text, toks, look, j, k)))
    {
        k += 1;
        if toks[k - 1].text(text).ends_with("'s") || toks[k - 1].text(text).ends_with("’s") {
            break;
        }
    }
    k
}

/// A body the lists do not know, named by words `first..end` (`bodies`). "The
/// Kurdistan Workers' Party (PKK)": the acronym in brackets is the body just
/// named, no second one.
fn body(
    text: &str,
    toks: &[Tok],
    first: usize,
    end: usize,
    span: Span,
    out: &[Mention],
) -> Option<Mention> {
    let restated = first >= 2
        && toks[first - 1].text(text) == "("
        && out.last().is_some_and(|m| m.last == first - 1);
    if restated {
        return None;
    }
    let mut name: Vec<&str> = (first..end).map(|x| toks[x].text(text)).collect();
    if let Some(last) = name.last_mut() {
        *last = bare(last);
    }
    let mut m = known_mention(text, toks, first, end, name.join(" "), out);
    m.span = span;
    Some(m)
}

/// A person the lists do not know, named by the capitalised words from
/// `before_name.j` to `k`, unless they name a thing or a place.
fn person(
    text: &str,
    toks: &[Tok],
    reg: &Registry,
    run_start: usize,
    before_name: Front,
    k: usize,
    span: Span,
) -> Option<Mention> {
    let (mut j, mut titled) = (before_name.j, before_name.titled);
    let words: Vec<&str> = (j..k).map(|x| toks[x].text(text)).collect();
    let last_word = words.last().copied().unwrap_or_default();
    let possessive = bare(last_word) != last_word;
    let is_thing = words.iter().any(|w| LEXICON.thing.contains(&key(bare(w))));
    let after_prep = run_start > 0
        && PLACE_PREPS.contains(&toks[run_start - 1].text(text))
        && !titled
        && !addressed(text, toks, run_start - 1);
    let full: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(n, w)| {
            let w = if n + 1 == words.len() { bare(w) } else { w };
            title_case(w)
        })
        .collect();
    let mut name = full.join(" ");
    if is_thing {
        // "Commission Wang Yi": a body's name in front of a person's.
        let t = words
            .iter()
            .rposition(|w| LEXICON.thing.contains(&key(bare(w))))
            .unwrap_or(0);
        if full.len() - t - 1 < 2 {
            return None;
        }
        name = full[t + 1..].join(" ");
        j += t + 1;
        titled = true;
    }
    let full: Vec<&str> = name.split(' ').collect();
    let is_person = if full.len() >= 2 {
        (!after_prep || reg.full(full[full.len() - 1]).is_some())
            && !names_a_place(text, toks, run_start, k, titled)
    } else {
        titled || reg.full(full[0]).is_some()
    };
    if !is_person {
        return None;
    }
    let resolved = if full.len() == 1 {
        reg.full(full[0]).map(str::to_string)
    } else {
        reg.fuller(&name).map(str::to_string)
    };
    let name = resolved.unwrap_or(name);
    Some(Mention {
        first: j,
        last: k,
        span,
        affiliation: before_name
            .affiliation
            .or_else(|| reg.affiliation(&name).map(str::to_string)),
        name,
        kind: ActorKind::Person,
        titled,
        possessive,
        modifier: false,
        group: false,
        side: false,
        title: before_name.title,
    })
}

/// "the Minister of Foreign Affairs of the Republic of Chile, Ola Brek": a
/// country named through an office, set off by a comma before a person, is that
/// person's country, not a second party. Honorifics may stand between
/// ("…, Mr. Ola Brek").
fn office_before_name(text: &str, toks: &[Tok], look: &Lookups, out: &mut [Mention]) {
    for n in 1..out.len() {
        let (before, after) = out.split_at_mut(n);
        let (c, p) = (&mut before[n - 1], &mut after[0]);
        let gap = p.first.saturating_sub(c.last);
        // "the commander of the Syrian Democratic Forces, Mazloum Abdi": a body
        // after a title and "of" is an office too.
        let mut start = c.first;
        while start > 0 && backer(toks[start - 1].text(text)) {
            start -= 1;
        }
        let of = match start.checked_sub(1).map(|k| toks[k].text(text)) {
            Some("the") => start.checked_sub(2),
            _ => start.checked_sub(1),
        }
        .filter(|&k| toks[k].text(text) == "of");
        let title_of = of.is_some_and(|k| k > 0 && look.title(k - 1) > 0);
        let office =
            c.kind != ActorKind::Person && (look.title(c.first) > 0 || title_of) && !c.possessive;
        let apposed = toks.get(c.last).is_some_and(|t| t.text(text) == ",")
            && (1..=3).contains(&gap)
            && p.kind == ActorKind::Person;
        if office && apposed {
            c.modifier = true;
            if p.affiliation.is_none() {
                p.affiliation = Some(c.name.clone());
            }
        }
    }
}

/// "Kurdish-led", "Iranian-backed": who stands behind the body named next.
fn backer(word: &str) -> bool {
    word.ends_with("-led") || word.ends_with("-backed")
}

/// Whether a line ends before token `k`. A name does not run over a line: a
/// briefing's header gives the speaker and the dateline on lines of their own
/// ("DEPUTY SPOKESPERSON TAM RUEN" / "WASHINGTON, D.C.").
fn line_break_before(text: &str, toks: &[Tok], k: usize) -> bool {
    k > 0 && text[toks[k - 1].end..toks[k].start].contains('\n')
}

/// "SPOKESPERSON TAM RUEN LIMA, THURSDAY": in a header set in capitals, a
/// country or capital after a name of two words or more is the dateline, even
/// where the lines of the header were run together.
fn dateline_after_name(text: &str, toks: &[Tok], look: &Lookups, j: usize, k: usize) -> bool {
    let caps = |x: usize| {
        let w = toks[x].text(text);
        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
    };
    k >= j + 2 && (j..=k).all(caps) && matches!(look.known(k), Some((_, Known::Country(_))))
}

/// "the Fukushima Daiichi site", "the northern province of Cabo Delgado": an
/// untitled run that a noun of place follows, or that follows "province of",
/// names a place; "Cabo Delgado" is no one a reader could meet.
fn names_a_place(text: &str, toks: &[Tok], first: usize, end: usize, titled: bool) -> bool {
    let place = |k: usize| {
        toks.get(k)
            .is_some_and(|t| LEXICON.place_noun.contains(&key(t.text(text))))
    };
    let of_place = first >= 2 && toks[first - 1].text(text) == "of" && place(first - 2);
    !titled && (place(end) || of_place)
}

/// "the North has rejected the offer": a compass point after "the", not followed
/// by a name, stands for the one country of the article named with it.
fn compass(text: &str, toks: &[Tok], i: usize, reg: &Registry) -> Option<Mention> {
    let w = toks[i].text(text);
    if !matches!(w.as_bytes().first(), Some(b'N' | b'S' | b'E' | b'W')) {
        return None;
    }
    let point = bare(w);
    let after_the = i > 0 && toks[i - 1].text(text).eq_ignore_ascii_case("the");
    if !matches!(point, "North" | "South" | "East" | "West")
        || !after_the
        || toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokKind::Word && is_capitalised(n.text(text)))
    {
        return None;
    }
    let country = reg.by_compass(point)?;
    Some(Mention {
        first: i,
        last: i + 1,
        span: Span::new(toks[i].start, toks[i].end),
        name: country.to_string(),
        kind: ActorKind::Country,
        titled: false,
        affiliation: None,
        possessive: bare(w) != w,
        modifier: false,
        group: false,
        side: false,
        title: None,
    })
}

/// Participles after which a named first part acts: "Saudi-brokered talks".
const AGENT_PARTICIPLES: &[&str] = &[
    "brokered",
    "mediated",
    "hosted",
    "led",
    "backed",
    "sponsored",
    "organised",
    "organized",
    "chaired",
];

/// The actors of a hyphenated compound at token `i`: "Armenian-Azerbaijani talks"
/// and "an India-EU summit" name both sides, "Saudi-brokered talks" the broker.
/// A compound the lists know whole ("Guinea-Bissau") or with an unknown part
/// ("Alma-Ata") is left to the rest of the reading.
fn compound(text: &str, toks: &[Tok], i: usize) -> Option<Vec<Mention>> {
    let t = toks[i];
    let word = t.text(text);
    if t.kind != TokKind::Word || !word.contains(['-', '‑']) {
        return None;
    }
    if !is_capitalised(word) {
        return None;
    }
    let mut parts: Vec<&str> = word.split(['-', '‑']).collect();
    let mut broker = false;
    if parts
        .last()
        .is_some_and(|p| AGENT_PARTICIPLES.contains(&lower(p).as_ref()))
    {
        parts.pop();
        broker = true;
    } else if parts.len() < 2 {
        return None;
    }
    if parts.is_empty() || !parts.iter().all(|p| is_capitalised(p)) {
        return None;
    }
    if LEXICON.lookup(word).is_some() {
        return None;
    }
    let known: Vec<&Known> = parts
        .iter()
        .map(|p| LEXICON.lookup(p))
        .collect::<Option<_>>()?;
    let possessive = bare(word) != word;
    Some(
        known
            .into_iter()
            .map(|k| Mention {
                first: i,
                last: i + 1,
                span: Span::new(t.start, t.end),
                name: k.canonical().to_string(),
                kind: if matches!(k, Known::Org(_)) {
                    ActorKind::Org
                } else {
                    ActorKind::Country
                },
                titled: false,
                affiliation: None,
                possessive,
                modifier: false,
                group: true,
                side: !broker,
                title: None,
            })
            .collect(),
    )
}

fn known_mention(
    text: &str,
    toks: &[Tok],
    first: usize,
    last: usize,
    name: String,
    _prev: &[Mention],
) -> Mention {
    let last_word = toks[last - 1].text(text);
    let possessive = bare(last_word) != last_word;
    // Every country is in the lists; a name they do not know is a body
    // (`bodies`).
    let kind = match LEXICON.lookup(&name) {
        Some(Known::Org(_)) | None => ActorKind::Org,
        _ => ActorKind::Country,
    };
    // A lower-case noun right after ("U.S. envoy", "Kremlin aide") makes it a modifier;
    // so does a place preposition before.
    let next_lower = toks.get(last).is_some_and(|t| {
        let w = t.text(text);
        t.kind == TokKind::Word
            && !is_capitalised(w)
            && (LEXICON.titles.contains(&key(w)) || NOUN_AFTER.contains(&w))
    });
    // "in Ohrid, North Macedonia": a country after a place is part of the place.
    let after_place = first >= 3
        && toks[first - 1].text(text) == ","
        && is_capitalised(toks[first - 2].text(text))
        && PLACE_PREPS.contains(&toks[first - 3].text(text));
    // "in Beirut", "to the United Nations": a place or an addressee, not a party.
    let before = if first > 0 && toks[first - 1].text(text).eq_ignore_ascii_case("the") {
        first - 1
    } else {
        first
    };
    // "a delegation from X" is X acting; "the envoy for X" describes the envoy.
    let from_group = before >= 2
        && toks[before - 1].text(text) == "from"
        && GROUPS.contains(&lower(toks[before - 2].text(text)).as_ref());
    let prep = before > 0 && {
        let p = lower(toks[before - 1].text(text));
        PLACE_PREPS.contains(&p.as_ref()) || p == "for"
    };
    let after_prep = (prep && !from_group) || after_place;
    let group = group_at(text, toks, last);
    Mention {
        first,
        last,
        span: Span::new(toks[first].start, toks[last - 1].end),
        name,
        kind,
        titled: false,
        affiliation: None,
        possessive,
        modifier: (next_lower && !group) || after_prep,
        group,
        side: false,
        title: None,
    }
}

/// Groups of people through whom a country acts ("U.S. officials").
const GROUPS: &[&str] = &[
    "officials",
    "delegation",
    "delegations",
    "negotiators",
    "diplomats",
    "side",
    "team",
    "teams",
    "envoys",
    "commissioners",
    "ministers",
    "leaders",
    "representatives",
    "militaries",
    "governments",
    "commanders",
    "generals",
    "chiefs",
    "mediators",
    "lawmakers",
];

/// Whether a nationality at tokens ending before `k` names a group: "Indian and
/// Pakistani commissioners", "Saudi envoys".
fn demonym_group(text: &str, toks: &[Tok], k: usize) -> bool {
    let mut k = k;
    // "Indian and Pakistani commissioners": look past the coordinated nationality.
    if toks.get(k).is_some_and(|t| t.text(text) == "and")
        && toks
            .get(k + 1)
            .is_some_and(|t| is_capitalised(t.text(text)))
    {
        k += 2;
    }
    group_at(text, toks, k)
}

/// Words of rank, service or field between a nationality and its group: "Thai
/// army commanders", "U.S. military officials", "Chinese foreign ministry
/// officials", "senior Russian diplomats".
const GROUP_MODIFIERS: &[&str] = &[
    "army",
    "military",
    "defence",
    "defense",
    "foreign",
    "ministry",
    "security",
    "trade",
    "intelligence",
    "border",
    "naval",
    "navy",
    "senior",
    "top",
    "government",
    "technical",
    "health",
    "finance",
    "energy",
    "peace",
    "police",
    "coast",
    "guard",
];

/// Whether a group of people starts at token `k`, past at most two words of rank
/// or service ("army commanders", "foreign ministry officials").
fn group_at(text: &str, toks: &[Tok], k: usize) -> bool {
    (k..k + 3)
        .take_while(|&j| {
            j == k
                || toks
                    .get(j - 1)
                    .is_some_and(|t| GROUP_MODIFIERS.contains(&t.text(text)))
        })
        .any(|j| toks.get(j).is_some_and(|t| GROUPS.contains(&t.text(text))))
}

/// Nouns that make a country in front of them a modifier.
const NOUN_AFTER: &[&str] = &[
    "climate",
    "conference",
    "summit",
    "talks",
    "meeting",
    "peacekeeping",
    "mission",
    "agency",
    "resolution",
    "nuclear",
    "border",
    "election",
    "aide",
    "aides",
    "official",
    "officials",
    "troops",
    "forces",
    "army",
    "military",
    "government",
    "delegation",
    "delegations",
    "side",
    "negotiators",
    "diplomats",
    "diplomat",
    "team",
    "teams",
    "counterpart",
    "counterparts",
    "foreign",
    "ministry",
    "state",
    "embassy",
    "president",
    "leader",
    "leaders",
    "navy",
    "soldiers",
    "citizens",
    "people",
    "sanctions",
    "tariffs",
    "goods",
    "imports",
    "exports",
    "media",
    "television",
    "officers",
    "police",
    "lawmakers",
    "lawmaker",
    "proposal",
    "proposals",
    "plan",
    "offer",
    "response",
    "demand",
    "demands",
    "position",
];

/// First pass over the whole article: every full person name, with affiliation.
pub fn build_registry(text: &str, sentences: &[Vec<Tok>], looks: &[Lookups]) -> Registry {
    let mut reg = Registry::default();
    let empty = Registry::default();
    for (toks, look) in sentences.iter().zip(looks) {
        let ms = mentions_keyed(text, toks, look, &empty);
        for (n, m) in ms.iter().enumerate() {
            if m.kind == ActorKind::Country {
                reg.add_country(&m.name);
            }
            if m.kind != ActorKind::Person {
                continue;
            }
            // Apposition: "Guyana's foreign minister, Ana Veld" is Guyana's.
            // The mention's first token, titles included ("Additional Secretary X").
            let run = toks.partition_point(|t| t.start < m.span.start);
            let appositive = || {
                let comma = run.checked_sub(1).filter(|&c| toks[c].text(text) == ",")?;
                ms[..n]
                    .iter()
                    .rev()
                    .take_while(|q| q.kind != ActorKind::Person)
                    .find(|q| q.possessive && q.kind != ActorKind::Person && comma - q.last <= 7)
                    .map(|q| q.name.clone())
            };
            // "his Chilean counterpart, Ana Veld": a nationality before the comma.
            let demonym = || {
                let comma = run.checked_sub(1).filter(|&c| toks[c].text(text) == ",")?;
                (comma.saturating_sub(4)..comma).find_map(|k| match look.known(k) {
                    Some((_, Known::Demonym(c))) => Some(c.clone()),
                    _ => None,
                })
            };
            // "President Tam Ruen of Chile", "Tam Ruen, the prime minister of
            // Chile", "Tam Ruen, Chile's envoy": a country just after the name.
            let after = || {
                let q = ms[n + 1..]
                    .first()
                    .filter(|q| q.kind == ActorKind::Country)?;
                let gap: Vec<&str> = (m.last..q.first).map(|k| toks[k].text(text)).collect();
                let of_next = matches!(gap.as_slice(), ["of"] | ["of", "the"]);
                let appositive = gap.first() == Some(&",")
                    && gap.len() <= 7
                    && !gap[1..].contains(&",")
                    && (q.possessive || gap.ends_with(&["of"]) || gap.ends_with(&["of", "the"]));
                (of_next || appositive).then(|| q.name.clone())
            };
            // "a Saudi delegation led by Ambassador Tam Ruen", "Chile's team, led by
            // Tam Ruen": the leader acts for the delegation's country.
            let led_by = || {
                let by = run.checked_sub(1).filter(|&b| toks[b].text(text) == "by")?;
                let led = by.checked_sub(1).filter(|&l| toks[l].text(text) == "led")?;
                let from = led.saturating_sub(5);
                let known = (from..led).rev().find_map(|k| match look.known(k) {
                    Some((_, Known::Demonym(c))) => Some(c.clone()),
                    _ => None,
                });
                known.or_else(|| {
                    ms[..n]
                        .iter()
                        .rev()
                        .find(|q| q.kind == ActorKind::Country && q.first >= from && q.last <= led)
                        .map(|q| q.name.clone())
                })
            };
            let aff = m
                .affiliation
                .clone()
                .or_else(appositive)
                .or_else(demonym)
                .or_else(after)
                .or_else(led_by);
            reg.add(&m.name, aff.as_deref());
            register_titles(text, toks, look, run, m, &mut reg);
        }
    }
    reg
}

/// Records the titles `m` bears, so a later "the Secretary" or "the Deputy Prime
/// Minister" finds them. `run` is the mention's first token, titles included.
fn register_titles(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    run: usize,
    m: &Mention,
    reg: &mut Registry,
) {
    let Some(t) = &m.title else { return };
    // "Deputy Prime Minister, Minister of Foreign Affairs X": the title before
    // the comma is X's too.
    if let Some(comma) = run.checked_sub(1).filter(|&c| toks[c].text(text) == ",")
        && let Some(x) = (comma.saturating_sub(6)..comma)
            .find(|&x| look.title(x) > 0 && x + look.title(x) == comma)
    {
        let earlier: Vec<String> = (x..comma)
            .map(|y| toks[y].text(text).to_lowercase())
            .collect();
        reg.add_title(&earlier.join(" "), &m.name);
    }
    // "Secretary of State X" is also "the Secretary".
    let words: Vec<&str> = t.split(' ').collect();
    reg.add_title(t, &m.name);
    reg.add_title_of(&m.name, t);
    if words.len() > 1 {
        reg.add_title(words[0], &m.name);
        reg.add_title(words[words.len() - 1], &m.name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    /// The look-ups of a text read as one sentence.
    fn lookups_of(s: &str) -> Lookups {
        let toks = tokenize(s, 0, s.len());
        let keys = keys_of(s, &toks);
        Lookups::read(s, &toks, &keys, &LEXICON.masks(&keys))
    }

    /// The look-ups stop growing a phrase once no entry starts with it, and test a
    /// word's bit before hashing it: neither may hide an entry of the lists.
    #[test]
    fn every_title_and_known_name_is_found_whole() {
        for t in &LEXICON.titles {
            let n = tokenize(t, 0, t.len()).len();
            assert_eq!(lookups_of(t).title(0), n, "title {t:?}");
        }
        for (k, known) in &LEXICON.known {
            let n = tokenize(k, 0, k.len()).len();
            assert_eq!(
                lookups_of(k).known(0).map(|(n, f)| (n, f.canonical())),
                Some((n, known.canonical())),
                "known name {k:?}"
            );
        }
    }

    fn names(s: &str, reg: &Registry) -> Vec<(String, ActorKind, bool)> {
        let toks = tokenize(s, 0, s.len());
        mentions(s, &toks, reg)
            .into_iter()
            .map(|m| (m.name, m.kind, m.modifier))
            .collect()
    }

    #[test]
    fn a_portfolio_after_for_is_no_part_of_the_name_and_no_country() {
        let reg = Registry::default();
        let v = names(
            "Deputy Prime Minister for Reintegration Ola Brek met Tam Ruen.",
            &reg,
        );
        assert_eq!(v[0].0, "Ola Brek", "{v:?}");
        let toks = tokenize("Special Envoy for Norway Ola Brek met Tam Ruen.", 0, 47);
        let m = mentions(
            "Special Envoy for Norway Ola Brek met Tam Ruen.",
            &toks,
            &reg,
        );
        assert!(
            m.iter().all(|m| m.affiliation.as_deref() != Some("Norway")),
            "{m:?}"
        );
        let v = names("Regarding Chilean exports, Ola Brek met Tam Ruen.", &reg);
        assert!(v.iter().all(|n| !n.0.starts_with("Regarding")), "{v:?}");
    }

    #[test]
    fn titles_in_a_row_are_all_the_persons() {
        let text = "Deputy Prime Minister, Minister of Foreign Affairs Ola Brek spoke.";
        let toks = tokenize(text, 0, text.len());
        let look = lookups_of(text);
        let reg = build_registry(text, &[toks], &[look]);
        assert_eq!(reg.by_title("deputy prime minister"), Some("Ola Brek"));
    }

    #[test]
    fn nationalities_before_a_group_with_its_rank_or_service_are_parties() {
        let reg = Registry::default();
        let parties = |s: &str| -> Vec<String> {
            names(s, &reg)
                .into_iter()
                .filter(|(_, _, modifier)| !modifier)
                .map(|(n, _, _)| n)
                .collect()
        };
        assert_eq!(
            parties("Thai and Cambodian army commanders met in Poipet."),
            ["Thailand", "Cambodia"]
        );
        assert_eq!(
            parties(
                "Two senior Indian military officials held talks with Chinese foreign ministry officials."
            ),
            ["India", "China"]
        );
        assert_eq!(
            parties("Indian army trucks crossed the border."),
            Vec::<String>::new(),
            "a nationality before things is no party"
        );
    }

    #[test]
    fn titles_and_nationalities_are_stripped_from_names() {
        let reg = Registry::default();
        let s = "Ruritanian Foreign Minister Tomas Vell met Secretary of State Ann Orr in Paris.";
        assert_eq!(
            names(s, &reg),
            [
                ("Tomas Vell".to_string(), ActorKind::Person, false),
                ("Ann Orr".to_string(), ActorKind::Person, false),
                ("France".to_string(), ActorKind::Country, true)
            ]
        );
    }

    #[test]
    fn a_title_makes_an_unknown_single_word_a_name() {
        let s = "Ambassador Quill arrived.";
        assert_eq!(names(s, &Registry::default())[0].0, "Quill");
    }

    #[test]
    fn surnames_resolve_to_the_full_name_introduced_earlier() {
        let mut reg = Registry::default();
        reg.add("Marta Quell", Some("Norway"));
        assert_eq!(names("Later Quell said no.", &reg)[0].0, "Marta Quell");
        assert_eq!(reg.of_country("Norway"), Some("Marta Quell"));
    }

    #[test]
    fn capitals_stand_for_countries_and_modifiers_are_marked() {
        let reg = Registry::default();
        assert_eq!(
            names("Moscow said no.", &reg),
            [("Russia".to_string(), ActorKind::Country, false)]
        );
        assert_eq!(
            names("The U.S. troops left.", &reg)[0],
            ("United States".to_string(), ActorKind::Country, true)
        );
        assert_eq!(
            names("U.S. officials said no.", &reg)[0],
            ("United States".to_string(), ActorKind::Country, false)
        );
        assert_eq!(names("the Western military alliance", &reg)[0].0, "NATO");
    }

    #[test]
    fn nationalities_with_a_plural_role_are_their_countries() {
        let reg = Registry::default();
        let v = names(
            "A meeting of the Chilean and Peruvian commissioners was set.",
            &reg,
        );
        let countries: Vec<&str> = v.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(countries, ["Chile", "Peru"]);
    }

    #[test]
    fn unknown_pairs_after_in_are_places_and_things_are_not_people() {
        let reg = Registry::default();
        assert!(names("They met in Port Vila.", &reg).is_empty());
        assert!(names("The Harbour Council voted.", &reg).is_empty());
    }

    #[test]
    fn a_name_ends_with_its_line_or_at_the_dateline() {
        let reg = Registry::default();
        let v = names(
            "DEPUTY SPOKESPERSON TAM RUEN\nLIMA, PERU\n\nMR. RUEN: Hello.",
            &reg,
        );
        assert_eq!(v[0].0, "Tam Ruen", "{v:?}");
        let v = names(
            "DEPUTY SPOKESPERSON TAM RUEN NAIROBI, THURSDAY. MR. RUEN: Hi.",
            &reg,
        );
        assert_eq!(v[0].0, "Tam Ruen", "{v:?}");
    }

    #[test]
    fn an_office_set_off_before_a_name_is_that_persons_country() {
        let reg = Registry::default();
        let s =
            "A call came from the Minister of Foreign Affairs of the Republic of Chile, Ola Brek.";
        let toks = tokenize(s, 0, s.len());
        let ms = mentions(s, &toks, &reg);
        let chile = ms.iter().find(|m| m.name == "Chile");
        assert!(chile.is_none_or(|m| m.modifier), "Chile is no party here");
        let brek = ms.iter().find(|m| m.name == "Ola Brek");
        assert_eq!(brek.and_then(|m| m.affiliation.as_deref()), Some("Chile"));
    }

    #[test]
    fn names_beside_a_noun_of_place_are_places() {
        let reg = Registry::default();
        assert!(names("Water flowed from the Tova Marren site.", &reg).is_empty());
        assert!(names("Troops stayed in the province of Bela Oruma.", &reg).is_empty());
        assert_eq!(names("Tova Marren arrived.", &reg).len(), 1);
    }

    #[test]
    fn affiliation_comes_from_of_after_a_title() {
        let s = "Minister of Foreign Affairs of the Republic of Norway Ola Brek spoke.";
        let toks = tokenize(s, 0, s.len());
        let m = &mentions(s, &toks, &Registry::default())[0];
        assert_eq!(m.name, "Ola Brek");
        assert!(m.titled);
        assert_eq!(m.affiliation.as_deref(), Some("Norway"));
    }

    #[test]
    fn particles_may_follow_one_another_inside_a_name() {
        let reg = Registry::default();
        let v = names("Commission President Ana von der Veld arrived.", &reg);
        assert_eq!(v[0].0, "Ana von der Veld");
        let v = names("Maria de la Cruz spoke.", &reg);
        assert_eq!(v[0].0, "Maria de la Cruz");
    }

    #[test]
    fn the_leader_of_a_delegation_acts_for_its_country() {
        for text in [
            "A Chilean delegation led by Ambassador Tam Ruen arrived.",
            "Chile's negotiating team, led by Tam Ruen, arrived.",
        ] {
            let toks = tokenize(text, 0, text.len());
            let reg = build_registry(text, std::slice::from_ref(&toks), &[lookups_of(text)]);
            assert_eq!(reg.affiliation("Tam Ruen"), Some("Chile"), "{text}");
        }
    }

    #[test]
    fn a_surname_without_its_arabic_article_is_the_full_name() {
        let mut reg = Registry::default();
        reg.add("Faisal al-Qahtani", None);
        assert_eq!(
            names("Later Qahtani said no.", &reg)[0].0,
            "Faisal al-Qahtani"
        );
        assert_eq!(reg.full("al-Qahtani"), Some("Faisal al-Qahtani"));
        // A lower-case remainder is no name ("al-" before a digit or a word).
        reg.add("Omar ad-din", None);
        assert_eq!(reg.full("din"), None);
    }

    #[test]
    fn a_shortened_double_surname_is_the_full_name() {
        let mut reg = Registry::default();
        reg.add("Edmundo Brek Ruen", None);
        assert_eq!(names("Edmundo Brek left.", &reg)[0].0, "Edmundo Brek Ruen");
        // Not when two introduced names fit.
        reg.add("Edmundo Brek Lund", None);
        assert_eq!(names("Edmundo Brek left.", &reg)[0].0, "Edmundo Brek");
    }

    #[test]
    fn a_surname_recorded_with_a_title_finds_the_full_name() {
        let mut reg = Registry::default();
        reg.add("Tam Ruen", Some("Chile"));
        reg.add_title("state councilor", "Tam");
        reg.add_title_of("Ruen", "foreign minister");
        assert_eq!(reg.by_title("state councilor"), Some("Tam Ruen"));
        assert_eq!(reg.title_of("Tam Ruen"), Some("foreign minister"));
        let minister: fn(&str) -> bool = |t| t.contains("minister");
        let leader: fn(&str) -> bool = |t| t.contains("president");
        assert_eq!(reg.of_country_as("Chile", Some(minister)), Some("Tam Ruen"));
        assert_eq!(
            reg.of_country_as("Chile", Some(leader)),
            None,
            "a minister is no leader"
        );
    }

    #[test]
    fn compounds_of_actors_and_the_north() {
        let mut reg = Registry::default();
        assert_eq!(
            names("The Armenian-Azerbaijani talks ended.", &reg)
                .iter()
                .map(|x| x.0.as_str())
                .collect::<Vec<_>>(),
            ["Armenia", "Azerbaijan"]
        );
        assert!(names("They met in Alma-Ata.", &reg).is_empty());
        assert!(
            names("The North said no.", &reg).is_empty(),
            "no North named"
        );
        reg.add_country("North Korea");
        reg.add_country("South Korea");
        assert_eq!(names("The North said no.", &reg)[0].0, "North Korea");
        assert_eq!(
            names("Talks with the South ended.", &reg)[0].0,
            "South Korea"
        );
        assert!(
            names("The North Sea froze.", &reg)
                .iter()
                .all(|x| x.0 != "North Korea")
        );
    }
}
