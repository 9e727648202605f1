//! Per-item topic relevance: an item belongs to a topic's brief when the item
//! itself is about the topic, not because its article mentions the topic somewhere.
//!
//! An item is about a topic when one of its own names (participants, speaker,
//! actors) or its context names the topic or one of its aliases (a country's
//! demonym, capital or leader names the country). The context is the paragraph
//! that holds its evidence and, for a meeting, commitment or outcome whose
//! paragraph names no country at all, the article's headline too: a report names
//! its subject at the top ("Colombia and CNEB armed group close Pasto round") and
//! then says "the group will destroy two tonnes of explosives". A paragraph that
//! names a country (a digest's item on Korea under a headline on Venezuela) keeps
//! only itself, unless it names a one-story headline's event by its noun
//! ("briefed him on the postponement" under "Turkey postpones third round of
//! Ethiopia-Somalia talks"); a quotation, which may be about anything, keeps
//! only its paragraph. The context
//! is found once, at ingest ([`ArticleContext`]), and stored beside the item, so a
//! brief only compares a handful of aliases with a few short texts per item it
//! already reads.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::Extraction;
use crate::store::{Contexts, StoredArticle};

/// The paragraph of `text` (paragraphs are separated by a blank line) that holds
/// the byte range `start..end`; every paragraph it touches when it runs over a
/// break. Out-of-range or non-boundary spans give the empty string: the caller
/// falls back to the evidence sentence.
pub fn paragraph_of(text: &str, start: usize, end: usize) -> &str {
    let end = end.max(start);
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return "";
    }
    let from = text[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let to = text[end..].find("\n\n").map_or(text.len(), |i| end + i);
    text[from..to].trim()
}

/// Every alias of the countries (and regional bodies) of the built-in topic
/// list, as one matcher: a paragraph that names none of them reads under its
/// headline.
static ANY_COUNTRY: LazyLock<TopicMatcher> = LazyLock::new(|| {
    let aliases: Vec<String> = (crate::topics::countries().iter())
        .flat_map(|t| t.aliases.iter().cloned())
        .collect();
    TopicMatcher::new(&aliases)
});

/// Each country's aliases as a matcher of its own: how many countries a
/// headline names.
static EACH_COUNTRY: LazyLock<Vec<TopicMatcher>> = LazyLock::new(|| {
    (crate::topics::countries().iter())
        .map(|t| TopicMatcher::new(&t.aliases))
        .collect()
});

/// Whether a headline tells one story: at most one of its parts (between
/// commas, semicolons, colons, dashes) names a country. A digest's headline
/// gives each story a part ("Kenya-Ethiopia row deepens, Somalia votes"); a
/// report's second part says what comes next ("...; third round set for Sept. 17").
fn one_story(title: &str) -> bool {
    let parts = title.split([',', ';', ':', '|', '—']);
    parts.filter(|p| ANY_COUNTRY.names_topic([*p])).count() <= 1
}

/// The stem of the headline's event verb, when it is one that has a noun of its
/// own ("postpones" / "the postponement", "suspends" / "the suspension",
/// "cancels" / "the cancellation", "resumes" / "the resumption"): the verb's
/// letters but its last.
fn event_stem(title: &str) -> Option<String> {
    const EVENT_VERBS: &[&str] = &[
        "postpones",
        "postponed",
        "suspends",
        "suspended",
        "cancels",
        "cancelled",
        "canceled",
        "resumes",
        "resumed",
        "adjourns",
        "adjourned",
        "collapses",
        "collapsed",
    ];
    let verb = words(title)
        .map(str::to_lowercase)
        .find(|w| EVENT_VERBS.contains(&w.as_str()))?;
    let base = verb.trim_end_matches("ed").trim_end_matches('s');
    let stem: String = base
        .chars()
        .take(base.chars().count().saturating_sub(1))
        .collect();
    (stem.len() >= 4).then_some(stem)
}

/// Whether a paragraph names the headline's event by a noun of its stem after
/// "the" or "its" ("the postponement", "its suspension").
fn names_the_event(paragraph: &str, stem: &str) -> bool {
    let lower = paragraph.to_lowercase();
    let mut prev = "";
    for w in words(&lower) {
        let noun =
            w.starts_with(stem) && (w.ends_with("ment") || w.ends_with("ion") || w.ends_with("se"));
        if noun && matches!(prev, "the" | "its" | "their" | "this") {
            return true;
        }
        prev = w;
    }
    false
}

/// How much of a long paragraph around an item's evidence is its context.
const CONTEXT_AROUND: usize = 1_500;

/// One article, read once at ingest for the context of each of its items.
pub struct ArticleContext<'a> {
    text: &'a str,
    /// The headline, when it can place a paragraph that names no country: a
    /// headline naming several ("Morning digest: Japan-China row deepens, Iraq's
    /// blocs start talking") tells which story a paragraph belongs to no better
    /// than the paragraph does.
    title: Option<&'a str>,
    /// A one-story headline with the stem of its event's verb ("Turkey
    /// postpones third round of Ethiopia-Somalia talks": "postpon"): a paragraph
    /// that names that event by its noun ("briefed him on the postponement")
    /// is about the headline's story, whatever countries it names.
    event: Option<(&'a str, String)>,
}

impl<'a> ArticleContext<'a> {
    pub fn new(title: &'a str, text: &'a str) -> Self {
        let title = title.trim();
        // "Japan-China row": each side of a compound counts.
        let spaced = title.replace(['-', '–'], " ");
        let folded = Folded::new([spaced.as_str()]);
        let countries = EACH_COUNTRY.iter().filter(|c| c.named_in(&folded)).count();
        ArticleContext {
            text,
            title: (countries <= 1).then_some(title),
            event: one_story(&spaced)
                .then(|| event_stem(title))
                .flatten()
                .map(|stem| (title, stem)),
        }
    }

    /// The context of a quotation: its paragraph alone. What a speaker says may be
    /// about anything; only its own words or its speaker place it.
    pub fn of_quote(&self, start: usize, end: usize) -> String {
        self.paragraph(start, end).to_string()
    }

    /// The paragraph around `start..end`, at most [`CONTEXT_AROUND`] bytes either
    /// side of it: a page that is one long paragraph would otherwise be stored
    /// whole beside each of its items.
    fn paragraph(&self, start: usize, end: usize) -> &'a str {
        let p = paragraph_of(self.text, start, end);
        if p.len() <= 2 * CONTEXT_AROUND {
            return p;
        }
        // `p` is a slice of the text: where it starts there.
        let base = p.as_ptr() as usize - self.text.as_ptr() as usize;
        let mut from = start.saturating_sub(CONTEXT_AROUND).max(base);
        let mut to = (end + CONTEXT_AROUND).min(base + p.len());
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        &self.text[from..to]
    }

    /// The context of the event (meeting, commitment, outcome) whose evidence spans
    /// `start..end`: its paragraph, followed by the headline when the paragraph
    /// names no country at all, or names a one-story headline's event by its
    /// noun. Empty when the span is not in the text.
    pub fn of(&self, start: usize, end: usize) -> String {
        let paragraph = self.paragraph(start, end);
        if paragraph.is_empty() {
            return String::new();
        }
        match (self.title, &self.event) {
            (Some(title), _) if !ANY_COUNTRY.names_topic([paragraph]) => {
                format!("{paragraph}\n\n{title}")
            }
            (_, Some((title, stem))) if names_the_event(paragraph, stem) => {
                format!("{paragraph}\n\n{title}")
            }
            _ => paragraph.to_string(),
        }
    }
}

/// One alias, folded the way the texts it is looked for in are folded.
#[derive(Debug, Clone)]
struct Alias {
    /// Accents removed, white space collapsed; lower-cased unless `exact`.
    folded: String,
    /// Its first word, looked up in the text's words before any substring search.
    first: String,
    /// Acronyms ("US", "EU", "U.S.") are matched in their own case: "us" and "eu"
    /// are ordinary words (or parts of them) in lower case.
    exact: bool,
}

/// Up to this many aliases a text is scanned for each directly: cheaper than
/// hashing every word of the text first.
const FEW_ALIASES: usize = 12;

/// A compiled list of a topic's aliases: does a text name the topic?
#[derive(Debug, Clone)]
pub struct TopicMatcher {
    aliases: Vec<Alias>,
    /// The aliases by their first word, acronyms (matched in their own case)
    /// apart from the rest (matched lower-cased).
    by_first_exact: HashMap<String, Vec<usize>>,
    by_first_lower: HashMap<String, Vec<usize>>,
}

/// Removes accents (Türkiye = Turkiye), straightens apostrophes and collapses white
/// space, so that the text and the alias meet on the same spelling. Only the
/// characters beyond ASCII are decomposed: official texts are ASCII but for a
/// non-breaking space or a curly quote here and there, and decomposing whole
/// paragraphs for those made up half the time of a brief.
fn fold(s: &str) -> String {
    let straight = |c: char| match c {
        '\u{2019}' | '\u{2018}' => '\'',
        c => c,
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            unicode_normalization::char::decompose_compatible(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    out.push(straight(d));
                }
            });
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an alias is an acronym, matched case-sensitively: it has a dot
/// ("U.S.") or is at most three letters, all capitals ("US", "EU", "AU").
fn is_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    alias.contains('.')
        || (!letters.is_empty() && letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase()))
}

/// The runs of letters and digits of a text.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether `needle` occurs in `hay` with no letter or digit right before or after
/// it, so "Iran" does not match "Irani" or "Tirana".
fn occurs_as_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A text folded once for every matcher that reads it: accents removed, and a
/// lower-cased copy.
pub struct Folded {
    exact: String,
    lower: String,
}

impl Folded {
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        // A line break between texts keeps an alias from spanning two of them.
        let exact = texts.into_iter().map(fold).collect::<Vec<_>>().join(" \n ");
        let lower = exact.to_lowercase();
        Folded { exact, lower }
    }
}

impl TopicMatcher {
    /// Compiles the aliases; blank ones (no letter or digit) are dropped, since they
    /// would match everything or nothing.
    pub fn new(aliases: &[String]) -> Self {
        let aliases: Vec<Alias> = aliases
            .iter()
            .filter(|a| a.chars().any(char::is_alphanumeric))
            .map(|a| {
                let folded = fold(a);
                let exact = is_acronym(&folded);
                let folded = if exact { folded } else { folded.to_lowercase() };
                let first = words(&folded).next().unwrap_or_default().to_string();
                Alias {
                    first,
                    folded,
                    exact,
                }
            })
            .collect();
        let mut by_first_exact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_first_lower: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in aliases.iter().enumerate() {
            let index = if a.exact {
                &mut by_first_exact
            } else {
                &mut by_first_lower
            };
            index.entry(a.first.clone()).or_default().push(i);
        }
        TopicMatcher {
            aliases,
            by_first_exact,
            by_first_lower,
        }
    }

    /// Whether any of the texts names the topic.
    pub fn names_topic<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        self.named_in(&Folded::new(texts))
    }

    /// Whether a folded text names the topic. An alias is searched for only when
    /// its first word is one of the text's words, so a long alias list (every
    /// country) costs a hash look-up per word of the text, not a scan per alias.
    pub fn named_in(&self, text: &Folded) -> bool {
        if self.aliases.len() <= FEW_ALIASES {
            return self.aliases.iter().any(|a| {
                let hay = if a.exact { &text.exact } else { &text.lower };
                occurs_as_words(hay, &a.folded)
            });
        }
        let found_in = |hay: &str, index: &HashMap<String, Vec<usize>>| {
            !index.is_empty()
                && words(hay).any(|w| {
                    index.get(w).is_some_and(|ids| {
                        ids.iter()
                            .any(|&i| occurs_as_words(hay, &self.aliases[i].folded))
                    })
                })
        };
        found_in(&text.exact, &self.by_first_exact) || found_in(&text.lower, &self.by_first_lower)
    }
}

/// The context of item `i`: its stored paragraph, else its evidence sentence.
fn context<'a>(stored: &'a [String], i: usize, evidence: &'a str) -> &'a str {
    stored
        .get(i)
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .unwrap_or(evidence)
}

/// What decides whether an item is about a topic: its names (participants,
/// speaker, actors) or its stored context name the topic or one of its aliases.
/// The article's other paragraphs do not count, and its headline only for events
/// whose paragraph names no country: a digest headlined on Venezuela carries a
/// meeting about Korea, and a quote in a story about one country may be about
/// another.
#[derive(Debug, Clone)]
pub struct Relevance {
    topic: TopicMatcher,
}

impl Relevance {
    pub fn new(aliases: &[String]) -> Self {
        Relevance {
            topic: TopicMatcher::new(aliases),
        }
    }

    /// Keeps the items of an article that are about the topic. Outcomes are kept
    /// whole: they are never shown, only matched against pending items by action,
    /// and the report that closes an item need not repeat its topic.
    fn keep_on_topic(&self, x: Extraction, c: &Contexts) -> Extraction {
        // Many items share a paragraph: each is read once per article. Names and
        // paragraph are read apart, since an alias never spans the two.
        let mut read: HashMap<String, bool> = HashMap::new();
        let mut keep = |names: &[&str], stored: &[String], i: usize, evidence: &str| {
            if self.topic.names_topic(names.iter().copied()) {
                return true;
            }
            let text = context(stored, i, evidence);
            if let Some(&known) = read.get(text) {
                return known;
            }
            let named = self.topic.names_topic([text]);
            read.insert(text.to_string(), named);
            named
        };
        Extraction {
            meetings: (x.meetings.into_iter().enumerate())
                .filter(|(i, it)| {
                    let names: Vec<&str> = it.participants.iter().map(|a| a.as_str()).collect();
                    keep(&names, &c.meetings, *i, &it.evidence.sentence)
                })
                .map(|(_, it)| it)
                .collect(),
            statements: (x.statements.into_iter().enumerate())
                .filter(|(i, it)| {
                    let names = [it.speaker.as_str()];
                    keep(&names, &c.statements, *i, &it.evidence.sentence)
                })
                .map(|(_, it)| it)
                .collect(),
            pending: (x.pending.into_iter().enumerate())
                .filter(|(i, it)| {
                    let names: Vec<&str> = it.actors.iter().map(|a| a.as_str()).collect();
                    keep(&names, &c.pending, *i, &it.evidence.sentence)
                })
                .map(|(_, it)| it)
                .collect(),
            outcomes: x.outcomes,
        }
    }

    /// The material with only the items about the topic; the contexts, consumed,
    /// are left empty.
    pub fn on_topic(&self, material: Vec<StoredArticle>) -> Vec<StoredArticle> {
        material
            .into_iter()
            .map(|s| StoredArticle {
                extraction: self.keep_on_topic(s.extraction, &s.contexts),
                article: s.article,
                contexts: Contexts::default(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(aliases: &[&str]) -> TopicMatcher {
        TopicMatcher::new(&aliases.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn aliases_match_whole_words_across_accents_and_case() {
        let t = m(&["Türkiye", "Ankara", "Turkish"]);
        assert!(t.names_topic(["talks in ankara on Friday"]));
        assert!(t.names_topic(["the Republic of Turkiye"]));
        assert!(t.names_topic(["TURKISH officials"]));
        assert!(!t.names_topic(["Ankaran officials", "turkishness"]));
    }

    #[test]
    fn acronyms_keep_their_case_and_multiword_aliases_their_spacing() {
        let us = m(&["US", "U.S.", "United States"]);
        assert!(us.names_topic(["a US envoy"]));
        assert!(us.names_topic(["the U.S. side"]));
        assert!(us.names_topic(["the United\n States"]));
        assert!(!us.names_topic(["he told us so", "bonus talks"]));
    }

    /// A topic with a long alias list (a region and its capitals, leaders and
    /// blocs) is looked up by each alias's first word: the same rules hold.
    #[test]
    fn a_long_alias_list_matches_as_a_short_one_does() {
        let mut aliases: Vec<String> = (1..=20).map(|i| format!("Capital{i}")).collect();
        aliases.extend(["EU", "Tam Ruen", "Sahel Alliance"].map(String::from));
        let t = TopicMatcher::new(&aliases);
        assert!(aliases.len() > FEW_ALIASES);
        assert!(t.names_topic(["talks in capital7 on Friday"]));
        assert!(t.names_topic(["an EU envoy"]));
        assert!(t.names_topic(["a call with Tam\n Ruen"]));
        assert!(t.names_topic(["the SAHEL ALLIANCE met"]));
        assert!(!t.names_topic(["capital77 and Capital", "eu rules", "Tam Ruenx"]));
        assert!(!t.names_topic(["the Sahel", "Alliance Sahel"]));
    }

    /// A report names its subject in the headline and then leaves it implicit ("the
    /// group will ..."); a paragraph that names a country of its own is about that
    /// country, and a quotation is placed only by its own paragraph.
    #[test]
    fn a_paragraph_naming_no_country_reads_under_the_headline() {
        let title = "Mozambique and insurgent council end Pemba round";
        let text = "PEMBA, May 4 (Wire) - Negotiators ended a round of talks on Sunday.\n\n\
                    The council will hand over 40 rifles by the end of June.\n\n\
                    In Nairobi, Kenyan officials will reopen the border post next week.\n\n\
                    \"We will keep our word,\" the council's envoy said.";
        let article = ArticleContext::new(title, text);
        let span = |needle: &str| {
            let at = text.find(needle).unwrap();
            (at, at + needle.len())
        };
        let mozambique = Relevance::new(&["Mozambique".to_string()]);
        let on_topic = |context: &str| mozambique.topic.names_topic([context]);

        let (s, e) = span("The council will hand over 40 rifles");
        assert!(on_topic(&article.of(s, e)));
        let (s, e) = span("Kenyan officials will reopen");
        assert!(!on_topic(&article.of(s, e)));
        let (s, e) = span("We will keep our word");
        assert!(!on_topic(&article.of_quote(s, e)));
        assert!(on_topic(&article.of(s, e)));
        assert_eq!(article.of(9_999, 10_000), "");
    }

    /// A digest's headline names each of its stories: it places none of its
    /// paragraphs.
    #[test]
    fn a_headline_naming_several_countries_places_no_paragraph() {
        let text = "Negotiators agreed to meet again next week.";
        let digest = ArticleContext::new("Digest: Kenya-Ethiopia row deepens, Somalia votes", text);
        let kenya = Relevance::new(&["Kenya".to_string()]);
        assert!(!kenya.topic.names_topic([digest.of(0, 10).as_str()]));
        let report = ArticleContext::new("Kenya and rebels close a round of talks", text);
        assert!(kenya.topic.names_topic([report.of(0, 10).as_str()]));
    }

    /// Class: a paragraph that names the headline's event by its noun ("briefed
    /// him on the postponement" under "Kenya postpones … Ethiopia-Somalia talks") is
    /// about that story, though it names only one of its countries.
    #[test]
    fn a_paragraph_naming_the_headlines_event_reads_under_it() {
        let title = "Kenya postpones third round of Ethiopia-Somalia talks; no date set";
        let text = "NAIROBI (Wire) - The round has been put off.\n\n\
                    Ana Veld spoke by phone with Per Lund on Sunday and briefed him on the \
                    postponement, according to Ethiopia's foreign ministry.\n\n\
                    Ethiopia's foreign ministry said it remained committed to the process.";
        let article = ArticleContext::new(title, text);
        let somalia = Relevance::new(&["Somalia".to_string()]);
        let on_topic = |needle: &str| {
            let at = text.find(needle).unwrap();
            somalia
                .topic
                .names_topic([article.of(at, at + needle.len()).as_str()])
        };
        assert!(on_topic("Ana Veld spoke by phone"));
        assert!(!on_topic("it remained committed"));
        // A digest's headline tells no one story.
        let digest = ArticleContext::new("Kenya postpones Ethiopia talks, Somalia votes", text);
        let at = text.find("Ana Veld").unwrap();
        assert!(!somalia.topic.names_topic([digest.of(at, at + 8).as_str()]));
    }

    #[test]
    fn a_long_paragraph_is_cut_around_the_evidence() {
        let filler = "Talks went on. ".repeat(1_000);
        let text = format!("{filler}The council will hand over 40 rifles. {filler}");
        let article = ArticleContext::new("Mozambique talks", &text);
        let at = text.find("The council").unwrap();
        let context = article.of_quote(at, at + 10);
        assert!(
            context.len() <= 2 * CONTEXT_AROUND + 10,
            "{}",
            context.len()
        );
        assert!(context.contains("The council will hand over 40 rifles."));
    }

    #[test]
    fn the_paragraph_of_a_span_is_the_one_holding_it() {
        let text = "First para.\n\nSecond para, about Kyiv.\n\nThird.";
        let start = text.find("about").unwrap();
        assert_eq!(
            paragraph_of(text, start, start + 5),
            "Second para, about Kyiv."
        );
        assert_eq!(paragraph_of(text, 0, 5), "First para.");
        let across = text.find("para.").unwrap();
        assert_eq!(
            paragraph_of(text, across, text.find("Second").unwrap() + 3),
            "First para.\n\nSecond para, about Kyiv."
        );
        assert_eq!(paragraph_of(text, 3, 999), "");
    }
}
