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

mod front;
mod groups;
mod lookups;
mod scan;

use std::collections::HashMap;

use crate::model::Span;

use super::bodies;
use super::lexicon::{Key, Known, LEXICON, STATE_FORMS, key, lower, starts};
use super::tokens::{Tok, TokKind, bare, is_capitalised};

use front::*;
pub(crate) use groups::INSTITUTIONS;
use groups::*;
pub(crate) use lookups::PARTICLES;
use lookups::*;
pub use lookups::{Lookups, keys_of};
pub use scan::mentions_keyed;
use scan::*;
pub(crate) use scan::{AGENT_PARTICIPLES, has_joiner, names_sides};

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
    /// A second spelling of a full name to the first ("Sergey Lavrov" to
    /// "Sergei Lavrov").
    spelling: HashMap<String, String>,
    /// Title to the first person the headline names with it ("Remarks by
    /// President X and President Y": X), whoever the text introduces with it.
    headline_title: HashMap<String, String>,
}

/// The words of a headline's name that the text uses, capitalised, as words
/// ("President Biden Providing an Update": "Biden"); the name whole when the text
/// uses none or all of them.
fn words_the_text_uses(name: &str, text: &str) -> String {
    let used: Vec<&str> = name
        .split(' ')
        .filter(|w| {
            text.match_indices(w).any(|(i, _)| {
                let before = text[..i].chars().next_back();
                let after = text[i + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .collect();
    if used.is_empty() {
        name.to_string()
    } else {
        used.join(" ")
    }
}

impl Registry {
    /// Adds a full name (two words or more).
    pub fn add(&mut self, full: &str, affiliation: Option<&str>) {
        // "Sergei Lavrov" and, in a quoted readout, "Sergey Lavrov": one person.
        if let Some(first) = self.spelled_before(full) {
            let first = first.to_string();
            self.spelling.insert(full.to_string(), first.clone());
            return self.add(&first, affiliation);
        }
        // "President Macron of France": a surname alone acts for its country
        // too, though it is no full name to find others by.
        if let Some(a) = affiliation {
            self.affiliation
                .entry(full.to_string())
                .or_insert_with(|| a.to_string());
        }
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
    }

    /// Adds a person named elsewhere (a headline) with the title they bear,
    /// unless the text introduced someone else with that title; a transcript's
    /// label with that title is theirs all the same (`by_headline_title`), under
    /// the name the text gives them.
    pub fn adopt(&mut self, full: &str, affiliation: Option<&str>, title: &str, text: &str) {
        let as_told = self
            .told_as(full)
            .map_or_else(|| words_the_text_uses(full, text), str::to_string);
        self.add(full, affiliation);
        self.add_title(title, full);
        self.add_title_of(full, title);
        self.headline_title
            .entry(title.to_string())
            .or_insert(as_told);
    }

    /// The name the text gives a person a title-case headline names: every word
    /// of a name of the text among the headline's ("First Lady Jill Biden":
    /// "Jill Biden"), else the one name of the text with its surname there
    /// ("President Biden Providing an Update": "Joe Biden"). A headline runs its
    /// capitalised words together; the text says where a name ends.
    fn told_as(&self, headline_name: &str) -> Option<&str> {
        let words: Vec<&str> = headline_name.split(' ').collect();
        let within = |n: &&String| {
            let w: Vec<&str> = n.split(' ').collect();
            w.len() >= 2 && w.iter().all(|x| words.contains(x))
        };
        if let Some(n) = self.names.iter().find(within) {
            return Some(n);
        }
        let mut by_surname = self
            .names
            .iter()
            .filter(|n| n.rsplit(' ').next().is_some_and(|s| words.contains(&s)));
        let first = by_surname.next()?;
        by_surname.next().is_none().then_some(first.as_str())
    }

    /// The person the headline names first with `title`: who "THE PRESIDENT:"
    /// is in the transcript of "Remarks by President X and President Y", though
    /// the text introduces Y with the title first.
    pub fn by_headline_title(&self, title: &str) -> Option<&str> {
        self.headline_title.get(title).map(String::as_str)
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

    /// The one person the article introduced as `country`'s `title` ("Chilean
    /// Foreign Minister Ana Veld" for "Chile's foreign minister").
    pub fn holder_of(&self, country: &str, title: &str) -> Option<&str> {
        let mut holders = self
            .affiliation
            .iter()
            .filter(|(p, c)| c.as_str() == country && self.title_of(p) == Some(title))
            .map(|(p, _)| p.as_str());
        let one = holders.next()?;
        holders.next().is_none().then_some(one)
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

    /// The full name ending in a surname with its particles ("van Dalen" after
    /// "Mr.", "de la Cruz" after "Ms."), if the article introduced one: the
    /// honorific is no first name.
    pub fn by_particled_surname(&self, name: &str) -> Option<&str> {
        let words: Vec<&str> = name.split(' ').collect();
        let (last, particles) = words.split_last()?;
        if particles.is_empty() || !particles.iter().all(|w| PARTICLES.contains(w)) {
            return None;
        }
        self.full(last).filter(|full| {
            full.len() > name.len()
                && full.ends_with(name)
                && full[..full.len() - name.len()].ends_with(' ')
        })
    }

    /// The full name introduced before that `full` spells another way: the same
    /// surname and the same number of words, the first name one letter apart
    /// ("Sergei" and "Sergey", "Mykhailo" and "Mykhaylo").
    fn spelled_before(&self, full: &str) -> Option<&str> {
        let words: Vec<&str> = full.split(' ').collect();
        if words.len() < 2 || self.names.iter().any(|n| n == full) {
            return None;
        }
        self.names.iter().map(String::as_str).find(|n| {
            let other: Vec<&str> = n.split(' ').collect();
            other.len() == words.len()
                && other[1..] == words[1..]
                && words[0].chars().count() >= 4
                && one_letter_apart(other[0], words[0])
        })
    }

    /// The first spelling of a full name the article spells two ways.
    pub fn first_spelling(&self, full: &str) -> Option<&str> {
        self.spelling.get(full).map(String::as_str)
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

/// Whether two words differ by one letter changed, added or dropped.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1,
        1 => (0..long.len()).any(|k| long[..k] == short[..k] && long[k + 1..] == short[k..]),
        _ => false,
    }
}

/// Finds the actors named in the tokens of one sentence.
#[cfg(test)]
pub fn mentions(text: &str, toks: &[Tok], reg: &Registry) -> Vec<Mention> {
    let keys = keys_of(text, toks);
    let masks = LEXICON.masks(&keys);
    mentions_keyed(text, toks, &Lookups::read(text, toks, &keys, &masks), reg)
}

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
                let of_next =
                    matches!(gap.as_slice(), ["of"] | ["of", "the"]) || formal_state_name(&gap);
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
            register_appositive_title(text, toks, look, m, &mut reg);
        }
    }
    reg
}

/// "of the Republic of", "of the Federal Democratic Republic of", "of the
/// Kingdom of": the words between a person and their country when the country
/// is named in its formal style.
fn formal_state_name(gap: &[&str]) -> bool {
    let inner = match gap {
        ["of", "the", inner @ .., "of"] | ["of", inner @ .., "of"] => inner,
        _ => return false,
    };
    (1..=5).contains(&inner.len())
        && inner.iter().all(|w| is_capitalised(w))
        && inner
            .last()
            .is_some_and(|w| STATE_FORMS.contains(&lower(w).as_ref()))
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
    // "Secretary of State X" is also "the Secretary", and "Foreign Minister X"
    // "the Minister"; but a Vice President is not "the President", nor a Deputy
    // Minister "the Minister": a word of rank makes the head another office.
    record_title(reg, t, &m.name);
}

/// Records that `name` bears `title` ("secretary of state"), and the words it
/// is called by later: its first ("the Secretary") and, unless a word of rank
/// makes it a lower office, its last ("the Minister").
fn record_title(reg: &mut Registry, title: &str, name: &str) {
    let words: Vec<&str> = title.split(' ').collect();
    reg.add_title(title, name);
    reg.add_title_of(name, title);
    if words.len() > 1 {
        reg.add_title(words[0], name);
        if !RANKS_BELOW.contains(&words[0]) {
            reg.add_title(words[words.len() - 1], name);
        }
    }
}

/// "Ana Veld, Chile's foreign minister, met …", "Per Lund, the defence
/// minister, said": the title set off after a name is that person's too, so a
/// later "the minister" finds them.
fn register_appositive_title(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    m: &Mention,
    reg: &mut Registry,
) {
    if m.kind != ActorKind::Person || m.title.is_some() {
        return;
    }
    let at = |k: usize| toks.get(k).map(|t| t.text(text));
    if at(m.last) != Some(",") {
        return;
    }
    // Past "the", "its", or a possessive country ("Chile's").
    let mut x = m.last + 1;
    let opener = at(x).unwrap_or_default();
    if matches!(
        opener.to_lowercase().as_str(),
        "the" | "its" | "his" | "her"
    ) || opener.ends_with("'s")
        || opener.ends_with("’s")
    {
        x += 1;
    }
    let n = look.title(x);
    if n == 0 || !matches!(at(x + n), Some("," | ".")) {
        return;
    }
    let title: Vec<String> = (x..x + n)
        .map(|y| toks[y].text(text).to_lowercase())
        .collect();
    record_title(reg, &title.join(" "), &m.name);
}

/// Words of rank before an office that make it another, lower one.
const RANKS_BELOW: &[&str] = &["vice", "deputy", "assistant", "under", "associate"];

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
    fn a_briefing_s_q_opens_a_question_not_a_name() {
        let reg = Registry::default();
        let found = names("Q Yeah. Did President Tam Ruen call?", &reg);
        assert!(
            found.iter().all(|(n, _, _)| !n.starts_with('Q')),
            "{found:?}"
        );
        // Inside a line it is a letter like any other: "Q Street".
        let found = names("They met at the Q Street office of Ana Veld.", &reg);
        assert!(found.iter().any(|(n, _, _)| n == "Ana Veld"), "{found:?}");
    }

    /// Class: a question's auxiliary before "I" ("Can I ask …", "Could I just
    /// say …") is no first word of a name; "Will" before a surname still is one.
    #[test]
    fn an_auxiliary_before_i_opens_a_question_not_a_name() {
        let reg = Registry::default();
        let found = names(
            "Can I ask about China? Could I just say that Tam Ruen agreed?",
            &reg,
        );
        assert!(
            found
                .iter()
                .all(|(n, _, _)| !n.starts_with("Can") && !n.starts_with("Could")),
            "{found:?}"
        );
        let found = names("Will Okafor met Tam Ruen.", &reg);
        assert!(
            found.iter().any(|(n, _, _)| n == "Will Okafor"),
            "{found:?}"
        );
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

    /// Class: a country after a city and a comma ("in Arica, Chile") is part of
    /// the place; after another country ("from Chile, Peru and Bolivia") it is the
    /// next item of a list of countries.
    #[test]
    fn a_country_after_a_city_is_the_place_after_a_country_a_list() {
        let reg = Registry::default();
        let v = names("Ministers from Chile, Peru and Bolivia met.", &reg);
        let peru = v.iter().find(|m| m.0 == "Peru");
        assert_eq!(peru.map(|m| m.2), Some(false), "{v:?}");
        let v = names("Ministers met in Arica, Chile on Monday.", &reg);
        let chile = v.iter().find(|m| m.0 == "Chile");
        assert!(chile.is_none_or(|m| m.2), "{v:?}");
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
        assert!(names("They met in Port Talen.", &reg).is_empty());
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

    /// Class: one person given two offices in a row, the first set off by a
    /// comma ("the Chairperson-in-Office of the OSCE, Minister for Foreign
    /// Affairs of Finland X"): the body of the first office is no second party.
    #[test]
    fn a_second_office_before_a_name_keeps_the_first_office_a_title() {
        let reg = Registry::default();
        let s = "Ana Veld had a phone conversation with the Chairperson-in-Office of the \
                 OSCE, Minister for Foreign Affairs of Finland Ola Brek.";
        let toks = tokenize(s, 0, s.len());
        let ms = mentions(s, &toks, &reg);
        let osce = ms.iter().find(|m| m.name == "OSCE");
        assert!(osce.is_none_or(|m| m.modifier), "{ms:?}");
        assert!(
            ms.iter().any(|m| m.name == "Ola Brek" && !m.modifier),
            "{ms:?}"
        );
        // Two people, each with an office, stay two parties.
        let s = "Ana Veld met the Chairperson of the OSCE, Ola Brek, and Tam Ruen.";
        let toks = tokenize(s, 0, s.len());
        let ms = mentions(s, &toks, &reg);
        assert!(
            ms.iter().any(|m| m.name == "Tam Ruen" && !m.modifier),
            "{ms:?}"
        );
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
        let v = names("Prime Minister Tam Ruen e Silva spoke.", &reg);
        assert_eq!(v[0].0, "Tam Ruen e Silva");
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

    /// Class: an office "of" a body whose name runs into the person's and ends at
    /// a comma ("Director of the Policy Council Ana Veld, as well as …"): the
    /// name after the body's noun is the person.
    #[test]
    fn a_name_after_the_body_of_an_office_is_the_person() {
        let reg = Registry::default();
        let v = names(
            "Director of the Policy Council Ana Veld, as well as two aides, left.",
            &reg,
        );
        assert_eq!(v[0].0, "Ana Veld", "{v:?}");
        assert_eq!(v[0].1, ActorKind::Person);
    }

    /// Class: "I" after a title ("the first foreign leader I spoke with") is the
    /// speaker, no name.
    #[test]
    fn i_after_a_title_is_no_name() {
        let reg = Registry::default();
        let v = names("He was the first foreign leader I spoke with.", &reg);
        assert!(v.is_empty(), "{v:?}");
    }

    /// Class: honorifics of address ("the Honorable X", "His Excellency X",
    /// "His Majesty King X") are no part of the name.
    #[test]
    fn honorifics_of_address_are_no_part_of_the_name() {
        let reg = Registry::default();
        for (text, name) in [
            ("Tam Ruen met the Honorable Ola Brek.", "Ola Brek"),
            ("Tam Ruen met His Excellency Ola Brek.", "Ola Brek"),
            ("Tam Ruen met His Majesty King Ola Brek II.", "Ola Brek II"),
            ("Tam Ruen met His Highness Sheikh Ola Brek.", "Ola Brek"),
        ] {
            let v = names(text, &reg);
            assert_eq!(v.len(), 2, "{text}: {v:?}");
            assert_eq!(v[1].0, name, "{text}");
        }
    }

    /// Class: a document named for a place ("the Aqaba Communiqué", with its
    /// accent) is a thing, not a person.
    #[test]
    fn a_communique_is_no_person() {
        let reg = Registry::default();
        let v = names(
            "It resulted in the Lima Communiqué, with commitments by Chile.",
            &reg,
        );
        assert!(v.iter().all(|n| n.1 != ActorKind::Person), "{v:?}");
    }

    /// Class: an office for a region ("Senior Advisor for Africa X", "Minister
    /// for the Middle East X"): the region is the portfolio, not part of the name.
    #[test]
    fn a_region_an_office_is_for_is_no_part_of_the_name() {
        let reg = Registry::default();
        for (s, want) in [
            (
                "Ana Veld met Senior Advisor for Africa Ola Brek.",
                "Ola Brek",
            ),
            (
                "Ana Veld met the Minister for the Middle East Ola Brek.",
                "Ola Brek",
            ),
        ] {
            let v = names(s, &reg);
            assert!(v.iter().any(|n| n.0 == want), "{s}: {v:?}");
        }
    }

    /// Class: a portfolio of several fields after "for", joined by commas and
    /// "and", before a name ("Under Secretary for Economic Growth, Energy, and
    /// the Environment Ana Veld"): the name is what follows the last field.
    #[test]
    fn a_portfolio_of_several_fields_is_no_part_of_the_name() {
        let reg = Registry::default();
        for text in [
            "Under Secretary for Economic Growth, Energy, and the Environment Ana Veld left.",
            "Under Secretary for Civilian Security, Democracy, and Human Rights Ana Veld left.",
            "Special Advisor for International Disability Rights Ana Veld left.",
            "Deputy Adviser for Cyber and Emerging Technology Ana Veld left.",
            // Regions are a portfolio too, after "of State" as after the title.
            "Minister of State for Europe and North America Ana Veld left.",
            "Minister of State for the Middle East Ana Veld left.",
            "Special Envoy for Central Asia Ana Veld left.",
            "Special Coordinator for the Middle East Peace Process Ana Veld left.",
            // Heads of agencies and coordinators are titles.
            "USAID Deputy Administrator for Management and Resources Ana Veld left.",
            "Indo-Pacific Coordinator Ana Veld left.",
            // A headline's verb in title case ends the name.
            "Assistant Secretary for Consular Affairs Ana Veld Travels to the region.",
        ] {
            let v = names(text, &reg);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, "Ana Veld", "{text}");
        }
    }

    /// Class: one person spelled two ways in one article ("Sergei" and
    /// "Sergey"): the first spelling throughout.
    #[test]
    fn a_second_spelling_of_a_name_is_the_first() {
        let mut reg = Registry::default();
        reg.add("Tamas Ruen", None);
        reg.add("Tamaz Ruen", None);
        assert_eq!(names("Tamaz Ruen left.", &reg)[0].0, "Tamas Ruen");
        // Another first name is another person.
        reg.add("Ana Ruen", None);
        assert_eq!(names("Ana Ruen left.", &reg)[0].0, "Ana Ruen");
        assert!(one_letter_apart("Sergei", "Sergey"));
        assert!(one_letter_apart("Mykhailo", "Mykhaylo"));
        assert!(!one_letter_apart("Maria", "Mario Jr"));
    }

    /// Class: an office of a chain of bodies ("Minister of the Liaison
    /// Department of the Central Committee of the Party of Chile Ana Veld") names
    /// one person, of the country at its end.
    #[test]
    fn an_office_of_a_chain_of_bodies_is_no_party() {
        let reg = Registry::default();
        let v = names(
            "Minister of the International Liaison Department of the Central Committee \
             of the Communist Party of Chile Ana Veld left.",
            &reg,
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Ana Veld");
        // A name before "of" is still a name.
        let v = names("Minister of Trade Ana Veld of Chile left.", &reg);
        assert_eq!(v[0].0, "Ana Veld", "{v:?}");
    }

    /// Class: a regnal number after a name ("King Abdul Rahim II", "Pope Leo
    /// XIV") is written as given, not as a word in capitals.
    #[test]
    fn a_regnal_number_keeps_its_capitals() {
        let reg = Registry::default();
        assert_eq!(
            names("King Tamar Brek II left.", &reg)[0].0,
            "Tamar Brek II"
        );
        assert_eq!(names("PRESIDENT XI: Thank you.", &reg)[0].0, "Xi");
    }

    /// Class: a surname with its particles after an honorific ("Mr. van Dalen",
    /// "Ms. de la Cruz") is the full name introduced before.
    #[test]
    fn a_surname_with_its_particles_is_the_full_name() {
        let mut reg = Registry::default();
        reg.add("Geert van Dalen", None);
        reg.add("Anna de la Cruz", None);
        assert_eq!(names("Mr. van Dalen left.", &reg)[0].0, "Geert van Dalen");
        assert_eq!(names("Ms. de la Cruz left.", &reg)[0].0, "Anna de la Cruz");
        // Another family of the same surname is not that person.
        assert_eq!(names("Mr. de Dalen left.", &reg)[0].0, "de Dalen");
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
