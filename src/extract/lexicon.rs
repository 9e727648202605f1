//! The word lists the rules read, kept as plain data files under `lexicon/` so that
//! adding a country, a title or a verb of saying is a one-line change with no code.
//!
//! The files are compiled in with `include_str!` and parsed once, on first use.

use std::collections::{HashMap as StdMap, HashSet as StdSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::words::Words;

/// A small, fast hash for the word look-ups: every word of every article is looked
/// up several times, and SipHash's protection against chosen keys buys nothing for
/// lists compiled into the program.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<WordHasher>>;
pub type HashSet<K> = StdSet<K, BuildHasherDefault<WordHasher>>;

/// The forms of a state in its formal style ("the Republic of Korea", "the
/// Kingdom of Saudi Arabia"), lower case: "of" after one goes on with the name.
pub const STATE_FORMS: &[&str] = &[
    "republic",
    "kingdom",
    "state",
    "sultanate",
    "commonwealth",
    "principality",
    "duchy",
    "emirate",
    "federation",
    "confederation",
];

/// What a capitalised word or phrase stands for when it is a known name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// A country by its common English name (also reached from capitals).
    Country(String),
    /// A nationality adjective ("Russian"): names the country, but in front of a
    /// name it is a description, not an actor.
    Demonym(String),
    /// An organisation by its common name.
    Org(String),
}

impl Known {
    pub fn canonical(&self) -> &str {
        match self {
            Known::Country(c) | Known::Demonym(c) | Known::Org(c) => c,
        }
    }
}

/// A list of phrases indexed by first word, so testing a word against the whole
/// list costs one hash look-up.
#[derive(Debug, Default)]
pub struct Phrases {
    list: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
    /// This list's bit in `Lexicon::mask`: a word without it starts no phrase here.
    bit: u32,
}

impl Phrases {
    pub fn new(mut list: Vec<Vec<String>>, bit: u32) -> Self {
        list.retain(|p| !p.is_empty());
        // Longest first, so "plan is to" wins over "plan to".
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (n, p) in list.iter().enumerate() {
            by_first.entry(p[0].clone()).or_default().push(n);
        }
        Phrases {
            list,
            by_first,
            bit,
        }
    }

    /// Index of the longest phrase starting at word `i`.
    pub fn index_at(&self, words: Words, i: usize) -> Option<usize> {
        if i >= words.len() || !words.starts(i, self.bit) {
            return None;
        }
        let cands = self.by_first.get(words.key(i))?;
        cands
            .iter()
            .copied()
            .find(|&n| phrase_at(words, i, &self.list[n]))
    }

    /// Length of the longest phrase starting at word `i`.
    pub fn at(&self, words: Words, i: usize) -> Option<usize> {
        self.index_at(words, i).map(|n| self.list[n].len())
    }

    /// The first phrase found in `words[range]`: its position and length.
    pub fn find(&self, words: Words, range: std::ops::Range<usize>) -> Option<(usize, usize)> {
        let end = range.end.min(words.len());
        (range.start..end).find_map(|i| self.at(words, i).filter(|n| i + n <= end).map(|n| (i, n)))
    }
}

/// A word's look-up form: lower case with straight apostrophes, borrowed from the
/// text when the word already is.
pub type Key<'a> = std::borrow::Cow<'a, str>;

/// A word in lower case with straight apostrophes, borrowed when it already is.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    // Most words are ASCII: a byte scan, and no Unicode case tables.
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        };
    }
    if word.chars().any(|c| c.is_uppercase() || c == '’') {
        std::borrow::Cow::Owned(
            word.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Bits of `Lexicon::mask`: the lists a word starts an entry of. Every word of an
/// article is looked up once for all of them (`Doc::read`), so a rule asking "could
/// a title, a known name, a cue start here?" tests a bit instead of hashing the word
/// again; only a word that does start an entry is looked up further.
pub mod starts {
    pub const TITLE: u32 = 1;
    pub const KNOWN: u32 = 1 << 1;
    pub const ACTION: u32 = 1 << 2;
    pub const MEETING: u32 = 1 << 3;
    /// A verb of reporting ("said") or the first word of one ("made clear").
    pub const REPORTED: u32 = 1 << 4;
    pub const FUTURE: u32 = 1 << 5;
    pub const CANCELLED: u32 = 1 << 6;
    pub const PROPOSED: u32 = 1 << 7;
    pub const PLANNED: u32 = 1 << 8;
    pub const HELD: u32 = 1 << 9;
    pub const AWAITING: u32 = 1 << 10;
    pub const TOOK_PART: u32 = 1 << 11;
    pub const WILL_TAKE_PART: u32 = 1 << 12;
    pub const DEADLINE: u32 = 1 << 13;
    /// A speech act taking a noun phrase ("reaffirmed"), or the first word of one.
    pub const ACT: u32 = 1 << 14;
}

/// A meeting cue: the words, the status a past-tense use implies, and the kind.
#[derive(Debug, Clone)]
pub struct MeetingCue {
    pub words: Vec<String>,
    pub past_status: Option<crate::model::MeetingStatus>,
    pub kind: crate::model::MeetingKind,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Lower-cased phrase (words joined by one space) to what it names.
    pub known: HashMap<String, Known>,
    /// Longest known phrase in words, to bound the look-ahead.
    pub known_max_words: usize,
    /// Lower-cased title phrases.
    pub titles: HashSet<String>,
    pub title_max_words: usize,
    /// First words of titles and of known names (the TITLE and KNOWN bits of `mask`).
    pub title_first: HashSet<String>,
    pub known_first: HashSet<String>,
    /// Every shorter run of leading words of a title and of a known name: a phrase
    /// look-up stops growing as soon as no entry can start with it.
    pub title_prefixes: HashSet<String>,
    pub known_prefixes: HashSet<String>,
    /// Lower-cased verbs of saying (single words and phrases).
    pub speech: HashSet<String>,
    pub reported_that: HashSet<String>,
    /// More verbs of reporting, for the speech rules only.
    pub reported_more: HashSet<String>,
    /// First words of the reported_that phrases of two words or more.
    pub reported_that_first: HashSet<String>,
    pub reported_bare: HashSet<String>,
    pub audience_verbs: HashSet<String>,
    /// Verbs that deny what their "that" clause tells.
    pub denials: HashSet<String>,
    /// Speech acts whose object is what was said ("reaffirmed the commitment").
    pub acts: HashSet<String>,
    /// First words of the acts of two words or more.
    pub acts_first: HashSet<String>,
    /// Phrases that make a sentence of a speech a courtesy ("thank you").
    pub courtesy: Vec<String>,
    pub meeting: Vec<MeetingCue>,
    /// Meeting cues by first word, longest first.
    pub meeting_first: HashMap<String, Vec<usize>>,
    pub future: Phrases,
    pub hypothetical: HashSet<String>,
    pub possibility: HashSet<String>,
    pub cancelled: Phrases,
    /// Phrases that make a meeting proposed, planned or held.
    pub proposed_cues: Phrases,
    pub planned_cues: Phrases,
    pub held_cues: Phrases,
    /// "took part", "was led by": who took part in a meeting told before.
    pub took_part: Phrases,
    /// "will attend", "will take part": who will take part in one to come.
    pub will_take_part: Phrases,
    /// Any form of an announceable action (lower case, words joined by a space) to
    /// its base form.
    pub actions: HashMap<String, String>,
    pub actions_max_words: usize,
    /// First words of the action forms (the ACTION bit of `mask`).
    pub action_first: HashSet<String>,
    /// The past forms of the actions (the first form listed after the base).
    pub past: HashSet<String>,
    /// Phrases that report a response still awaited.
    pub awaiting: Phrases,
    /// Present-tense schedules and deadlines ("expires on", "has until").
    pub deadline: Phrases,
    /// Words stripped from the front of a capitalised run ("The", "On", "Monday").
    pub function: HashSet<String>,
    /// Words that make a capitalised run a thing rather than a person.
    pub thing: HashSet<String>,
    /// Nouns of place that make a capitalised run beside them a place.
    pub place_noun: HashSet<String>,
    /// Word to the lists it starts an entry of (bits of `starts`).
    first: HashMap<String, u32>,
}

/// Lines of a data file without comments and blanks, grouped under `[section]`.
fn sections(src: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::default();
    let mut current = String::new();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
            continue;
        }
        out.entry(current.clone())
            .or_default()
            .push(line.to_string());
    }
    out
}

/// The normal form of a phrase for look-up: lower case, curly apostrophes
/// straightened, single spaces.
pub fn key(phrase: &str) -> String {
    if !phrase.contains(char::is_whitespace) {
        return lower(phrase).into_owned();
    }
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

/// A section's entries as look-up keys.
fn set(v: Option<Vec<String>>) -> HashSet<String> {
    v.unwrap_or_default().iter().map(|s| key(s)).collect()
}

/// The proper word prefixes of phrases of words joined by one space: "united",
/// "united arab" for "united arab emirates".
fn word_prefixes<'a>(phrases: impl Iterator<Item = &'a String>) -> HashSet<String> {
    phrases
        .flat_map(|p| p.match_indices(' ').map(|(at, _)| p[..at].to_string()))
        .collect()
}

fn words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect()
}

impl Lexicon {
    fn load() -> Self {
        let mut lx = Lexicon::default();
        lx.load_places();
        lx.load_orgs();
        lx.load_titles();
        let mut verbs = sections(include_str!("lexicon/verbs.txt"));
        verbs.extend(sections(include_str!("lexicon/speech.txt")));
        lx.load_speech(&mut verbs);
        lx.load_cues(&mut verbs);
        lx.load_actions(verbs.remove("actions").unwrap_or_default());
        lx.load_meeting_cues(verbs.remove("meeting").unwrap_or_default());
        lx.known_prefixes = word_prefixes(lx.known.keys());
        lx.title_prefixes = word_prefixes(lx.titles.iter());
        let mut w = sections(include_str!("lexicon/words.txt"));
        lx.function = set(w.remove("function"));
        lx.thing = set(w.remove("thing"));
        lx.place_noun = set(w.remove("place_noun"));
        lx.first = lx.first_words();
        lx
    }

    /// Adds a known name of a country, body or nationality; the first spelling
    /// listed wins a clash.
    fn add_known(&mut self, phrase: &str, k: Known) {
        let kk = key(phrase);
        if kk.is_empty() {
            return;
        }
        self.known_max_words = self.known_max_words.max(kk.split(' ').count());
        if let Some(f) = kk.split(' ').next() {
            self.known_first.insert(f.to_string());
        }
        self.known.entry(kk).or_insert(k);
    }

    /// places.txt: each country with its other names, demonyms and capitals.
    fn load_places(&mut self) {
        for line in sections(include_str!("lexicon/places.txt"))
            .remove("")
            .unwrap_or_default()
        {
            let mut cols = line.split('|').map(str::trim);
            let name = cols.next().unwrap_or_default().to_string();
            self.add_known(&name, Known::Country(name.clone()));
            for n in cols.next().unwrap_or_default().split(',') {
                self.add_known(n.trim(), Known::Country(name.clone()));
            }
            for d in cols.next().unwrap_or_default().split(',') {
                self.add_known(d.trim(), Known::Demonym(name.clone()));
            }
            for c in cols.next().unwrap_or_default().split(',') {
                self.add_known(c.trim(), Known::Country(name.clone()));
            }
        }
    }

    /// orgs.txt: each organisation with its other names.
    fn load_orgs(&mut self) {
        for line in sections(include_str!("lexicon/orgs.txt"))
            .remove("")
            .unwrap_or_default()
        {
            let mut cols = line.split('|').map(str::trim);
            let name = cols.next().unwrap_or_default().to_string();
            self.add_known(&name, Known::Org(name.clone()));
            for a in cols.next().unwrap_or_default().split(',') {
                self.add_known(a.trim(), Known::Org(name.clone()));
            }
        }
    }

    /// titles.txt: titles, and their plurals ("Presidents X and Y", "foreign
    /// ministers").
    fn load_titles(&mut self) {
        for t in sections(include_str!("lexicon/titles.txt"))
            .remove("")
            .unwrap_or_default()
        {
            let t = key(&t);
            self.title_max_words = self.title_max_words.max(t.split(' ').count());
            if let Some(f) = t.split(' ').next() {
                self.title_first.insert(f.to_string());
                self.title_first.insert(format!("{f}s"));
            }
            self.titles.insert(format!("{t}s"));
            self.titles.insert(t);
        }
    }

    /// The sections of speech.txt and verbs.txt about saying.
    fn load_speech(&mut self, verbs: &mut HashMap<String, Vec<String>>) {
        self.speech = set(verbs.remove("speech"));
        self.reported_that = set(verbs.remove("reported_that"));
        self.reported_more = set(verbs.remove("reported_that_more"));
        self.reported_that_first = self
            .reported_that
            .iter()
            .chain(&self.reported_more)
            .filter_map(|p| p.split_once(' ').map(|(f, _)| f.to_string()))
            .collect();
        self.reported_bare = set(verbs.remove("reported_bare"));
        self.audience_verbs = set(verbs.remove("audience_verbs"));
        self.denials = set(verbs.remove("denials"));
        self.acts = set(verbs.remove("acts"));
        self.courtesy = verbs.remove("courtesy").unwrap_or_default();
        self.acts_first = self
            .acts
            .iter()
            .filter_map(|p| p.split_once(' ').map(|(f, _)| f.to_string()))
            .collect();
        self.hypothetical = set(verbs.remove("hypothetical"));
        self.possibility = set(verbs.remove("possibility"));
    }

    /// The phrase lists of verbs.txt that cue a status or a commitment.
    fn load_cues(&mut self, verbs: &mut HashMap<String, Vec<String>>) {
        let mut phrases = |name: &str, bit: u32| {
            let v = verbs.remove(name).unwrap_or_default();
            Phrases::new(v.iter().map(|s| words(s)).collect(), bit)
        };
        self.future = phrases("future", starts::FUTURE);
        self.cancelled = phrases("cancelled", starts::CANCELLED);
        self.proposed_cues = phrases("proposed_cues", starts::PROPOSED);
        self.planned_cues = phrases("planned_cues", starts::PLANNED);
        self.held_cues = phrases("held_cues", starts::HELD);
        self.awaiting = phrases("awaiting", starts::AWAITING);
        self.deadline = phrases("deadline", starts::DEADLINE);
        self.took_part = phrases("took_part", starts::TOOK_PART);
        self.will_take_part = phrases("will_take_part", starts::WILL_TAKE_PART);
    }

    /// The [actions] of verbs.txt: each base form with its other forms, the
    /// first of them its past.
    fn load_actions(&mut self, lines: Vec<String>) {
        for line in lines {
            let (base, forms) = line.split_once('|').unwrap_or((&line, ""));
            let base = key(base);
            if let Some(p) = forms.split(',').next().map(key).filter(|p| !p.is_empty()) {
                self.past.insert(p);
            }
            for f in std::iter::once(base.as_str()).chain(forms.split(',').map(str::trim)) {
                let f = key(f);
                if !f.is_empty() {
                    self.action_first
                        .insert(f.split(' ').next().unwrap_or_default().to_string());
                    self.actions_max_words = self.actions_max_words.max(f.split(' ').count());
                    self.actions.entry(f).or_insert_with(|| base.clone());
                }
            }
        }
    }

    /// The [meeting] cues of verbs.txt, longest first so "held talks" wins over
    /// "talks".
    fn load_meeting_cues(&mut self, lines: Vec<String>) {
        for line in lines {
            let mut cols = line.split('|').map(str::trim);
            let w = words(cols.next().unwrap_or_default());
            let past_status = cols.next().and_then(crate::model::MeetingStatus::parse);
            let kind = cols
                .next()
                .and_then(crate::model::MeetingKind::parse)
                .unwrap_or(crate::model::MeetingKind::Unknown);
            if !w.is_empty() {
                self.meeting.push(MeetingCue {
                    words: w,
                    past_status,
                    kind,
                });
            }
        }
        self.meeting
            .sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        for (n, c) in self.meeting.iter().enumerate() {
            self.meeting_first
                .entry(c.words[0].clone())
                .or_default()
                .push(n);
        }
    }

    /// Every word that starts an entry of a list, with the bits of those lists.
    fn first_words(&self) -> HashMap<String, u32> {
        let mut first: HashMap<String, u32> = HashMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = &String>, bit: u32| {
            for w in words {
                *first.entry(w.clone()).or_default() |= bit;
            }
        };
        mark(&mut self.title_first.iter(), starts::TITLE);
        mark(&mut self.known_first.iter(), starts::KNOWN);
        mark(&mut self.action_first.iter(), starts::ACTION);
        mark(&mut self.meeting_first.keys(), starts::MEETING);
        mark(
            &mut self
                .reported_that
                .iter()
                .chain(&self.reported_more)
                .filter(|p| !p.contains(' '))
                .chain(&self.reported_that_first),
            starts::REPORTED,
        );
        mark(
            &mut self
                .acts
                .iter()
                .filter(|p| !p.contains(' '))
                .chain(&self.acts_first),
            starts::ACT,
        );
        for p in [
            &self.future,
            &self.cancelled,
            &self.proposed_cues,
            &self.planned_cues,
            &self.held_cues,
            &self.awaiting,
            &self.deadline,
            &self.took_part,
            &self.will_take_part,
        ] {
            mark(&mut p.by_first.keys(), p.bit);
        }
        first
    }

    /// The lists `key` (a lower-case word) starts an entry of: bits of `starts`.
    pub fn mask(&self, key: &str) -> u32 {
        self.first.get(key).copied().unwrap_or(0)
    }

    /// `mask` of each of a sentence's keys.
    pub fn masks(&self, keys: &[Key]) -> Vec<u32> {
        keys.iter().map(|k| self.mask(k)).collect()
    }

    /// What a phrase names, if it is in the lists.
    pub fn lookup(&self, phrase: &str) -> Option<&Known> {
        let k = key(phrase);
        self.known
            .get(&k)
            .or_else(|| k.strip_prefix("the ").and_then(|rest| self.known.get(rest)))
    }
}

/// Whether `phrase` (lower-case words) starts at word `i` of `words`.
pub fn phrase_at(words: Words, i: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && i + phrase.len() <= words.len()
        && phrase
            .iter()
            .enumerate()
            .all(|(n, p)| words.key(i + n) == p)
}

/// The lists, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of<'a>(ws: &[&'a str]) -> (Vec<&'a str>, Vec<Key<'a>>, Vec<u32>) {
        let keys: Vec<Key> = ws.iter().map(|w| lower(w)).collect();
        let masks = LEXICON.masks(&keys);
        (ws.to_vec(), keys, masks)
    }

    #[test]
    fn capitals_and_demonyms_name_their_country() {
        assert_eq!(
            LEXICON.lookup("Paris"),
            Some(&Known::Country("France".into()))
        );
        assert_eq!(
            LEXICON.lookup("Kremlin"),
            Some(&Known::Country("Russia".into()))
        );
        assert_eq!(
            LEXICON.lookup("the Kremlin"),
            Some(&Known::Country("Russia".into()))
        );
        assert_eq!(
            LEXICON.lookup("Japanese"),
            Some(&Known::Demonym("Japan".into()))
        );
    }

    #[test]
    fn organisations_are_known_by_their_descriptions() {
        assert_eq!(
            LEXICON
                .lookup("the Western military alliance")
                .map(Known::canonical),
            Some("NATO")
        );
        assert_eq!(
            LEXICON.lookup("EU").map(Known::canonical),
            Some("European Union")
        );
    }

    /// A phrase list is only searched from words carrying its bit: every phrase of
    /// every list must be found from its own words.
    #[test]
    fn every_phrase_is_found_from_its_first_word() {
        let lists = [
            &LEXICON.future,
            &LEXICON.cancelled,
            &LEXICON.proposed_cues,
            &LEXICON.planned_cues,
            &LEXICON.held_cues,
            &LEXICON.awaiting,
            &LEXICON.deadline,
            &LEXICON.took_part,
            &LEXICON.will_take_part,
        ];
        for p in lists {
            for phrase in &p.list {
                let ws: Vec<&str> = phrase.iter().map(String::as_str).collect();
                let (raw, keys, masks) = words_of(&ws);
                let w = Words::new(&raw, &keys, &masks);
                assert_eq!(p.at(w, 0), Some(phrase.len()), "{phrase:?}");
            }
        }
        for c in &LEXICON.meeting {
            assert_ne!(
                LEXICON.mask(&c.words[0]) & starts::MEETING,
                0,
                "{:?}",
                c.words
            );
        }
        for v in &LEXICON.reported_that {
            let first = v.split(' ').next().unwrap_or_default();
            assert_ne!(LEXICON.mask(first) & starts::REPORTED, 0, "{v:?}");
        }
    }

    #[test]
    fn titles_and_cues_are_loaded() {
        assert!(LEXICON.titles.contains("foreign minister"));
        assert!(LEXICON.titles.contains("secretary of state"));
        assert!(LEXICON.speech.contains("insisted"));
        assert!(LEXICON.meeting.iter().any(|c| c.words == ["held", "talks"]));
        assert!(LEXICON.function.contains("friday"));
        assert!(LEXICON.thing.contains("council"));
        assert_eq!(
            LEXICON.actions.get("handed over").map(String::as_str),
            Some("deliver")
        );
        let (raw, keys, masks) = words_of(&["Waiting", "for", "news"]);
        let w = Words::new(&raw, &keys, &masks);
        assert_eq!(LEXICON.awaiting.at(w, 0), Some(2));
        let (raw, keys, masks) = words_of(&["the", "plan", "is", "to"]);
        let w = Words::new(&raw, &keys, &masks);
        assert_eq!(LEXICON.future.at(w, 1), Some(3));
    }
}
