//! Reading diplomatic developments out of article text.
//!
//! `Extractor` is the seam: the built-in rule-based extractor (offline, deterministic)
//! and the optional LLM extractor both fill the same `Extraction`, and both pass the
//! same validation (every quote and evidence sentence must be in the text).
//!
//! The rule extractor works in passes over one shared reading of the article
//! (`Doc`): sentences, their words, quotations and the actors they name. Then each
//! family of rules reads what it needs: `speech` (who said what), `meetings` (who
//! met), `pending` (what is announced and what is reported done).

mod actors;
mod bodies;
mod clauses;
mod dates;
mod lexicon;
mod linear;
mod meetings;
mod pending;
mod quotes;
mod sentences;
mod speech;
mod telling_day;
mod tokens;
pub mod train;
mod words;

use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;

use crate::model::{Article, Evidence, Extraction, Span};

use actors::{Mention, Registry};
use lexicon::Key;
pub use linear::{LinearModel, Row};
use meetings::MEETING_MODELS;
pub use meetings::MeetingModels;
use quotes::Quote;
use sentences::Sentence;
use tokens::Tok;
use words::Words;

/// Reads one article. Infallible by design: a broken or empty article yields an
/// empty extraction, never an error that would stop ingesting a feed.
pub trait Extractor: Send + Sync {
    fn extract(&self, article: &Article) -> Extraction;
}

/// What `extractor` reads in `article`, or `None` when it panicked. The rules are
/// meant never to, but a defect met on one article's wording (a slice read
/// backwards, as an official text once caused) must cost that article its
/// developments, not the feed its round nor a batch its other articles; the
/// caller stores the article all the same and says so.
pub fn extract_guarded(extractor: &dyn Extractor, article: &Article) -> Option<Extraction> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(article))).ok()
}

/// The model that decides which pending candidates are commitments, as shipped in
/// the crate (`weights/pending.tsv`, written by `cargo run --release --example train`).
pub(crate) static PENDING_MODEL: LazyLock<LinearModel> = LazyLock::new(|| {
    LinearModel::parse(include_str!("weights/pending.tsv"))
        .expect("weights/pending.tsv parses (a unit test reads it)")
});

/// The default engine: rules over word lists (see `lexicon/`) that find
/// candidates, and small linear models (see `weights/`) that decide them.
#[derive(Debug, Default, Clone)]
pub struct RuleExtractor {
    /// Replace the shipped models (training and cross-validation).
    pending: Option<Arc<LinearModel>>,
    meetings: Option<Arc<MeetingModels>>,
}

impl RuleExtractor {
    pub fn new() -> Self {
        RuleExtractor::default()
    }

    /// The same rules decided by other models.
    pub fn with_models(pending: LinearModel, meetings: MeetingModels) -> Self {
        RuleExtractor {
            pending: Some(Arc::new(pending)),
            meetings: Some(Arc::new(meetings)),
        }
    }
}

impl Extractor for RuleExtractor {
    fn extract(&self, article: &Article) -> Extraction {
        let doc = Doc::read_titled(
            readable_part(&article.text),
            &article.title,
            telling_day::day_of_telling(article),
        );
        let said = said_in(&doc, &article.title);
        let models = self.meetings.as_deref().unwrap_or(&MEETING_MODELS);
        let meetings = meetings::meetings(&doc, &article.title, &said, models);
        let model = self.pending.as_deref().unwrap_or(&PENDING_MODEL);
        let (mut pending, outcomes) = pending::pending(&doc, &said.subjects, model);
        pending::sides_of_the_meeting(&doc, &meetings, &mut pending);
        cap(Extraction {
            meetings,
            statements: said.statements,
            pending,
            outcomes,
        })
    }
}

/// What the article's people say, and who speaks its first person: a named
/// speaker inside their quotation or turn, the author its title names elsewhere
/// ("Statement from President X on …"). Training reads candidates through the
/// same function, so the two never see an article apart.
pub(crate) fn said_in(doc: &Doc, title: &str) -> speech::Said {
    let mut said = speech::statements(doc);
    if let Some(writer) = meetings::author(title, doc.published) {
        said.speak_for_the_text(writer, doc.text.len());
    }
    said
}

/// Most bytes of an article the rules read: fifteen times the longest article
/// page of the sample (17 KB). The rules' memory grows with the text (a 4.9 MB
/// item took 238 MB); the article itself is stored whole.
pub const MAX_TEXT_READ: usize = 256 * 1024;

/// The text up to [`MAX_TEXT_READ`], cut after the last paragraph or sentence
/// that fits (a prefix, so every span stays a span of the whole text).
fn readable_part(text: &str) -> &str {
    if text.len() <= MAX_TEXT_READ {
        return text;
    }
    let mut cut = MAX_TEXT_READ;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let end = head
        .rfind("\n\n")
        .or_else(|| head.rfind(". ").map(|i| i + 1))
        .unwrap_or(cut);
    &text[..end]
}

/// Most items of one kind read from one sentence: room for a minister who "met
/// A, B, C … separately" (one meeting each), while a sentence that repeats a
/// promise a thousand times is one promise to a reader (one 1.6 MB sentence of
/// "we will respond" was 99,000 pending items, 648 MB of output).
pub const MAX_ITEMS_PER_SENTENCE: usize = 12;

/// Most items of one kind read from one article: more than a brief shows, and a
/// bound on what one hostile item costs the store.
pub const MAX_ITEMS_PER_ARTICLE: usize = 100;

/// The extraction within [`MAX_ITEMS_PER_SENTENCE`] and [`MAX_ITEMS_PER_ARTICLE`],
/// keeping the first items in text order.
pub fn cap(x: Extraction) -> Extraction {
    Extraction {
        meetings: capped(x.meetings, |m| m.evidence.span),
        statements: capped(x.statements, |s| s.evidence.span),
        pending: capped(x.pending, |p| p.evidence.span),
        outcomes: capped(x.outcomes, |o| o.evidence.span),
    }
}

fn capped<T>(items: Vec<T>, sentence: impl Fn(&T) -> Span) -> Vec<T> {
    let mut per_sentence: std::collections::HashMap<Span, usize> = Default::default();
    items
        .into_iter()
        .filter(|item| {
            let n = per_sentence.entry(sentence(item)).or_default();
            *n += 1;
            *n <= MAX_ITEMS_PER_SENTENCE
        })
        .take(MAX_ITEMS_PER_ARTICLE)
        .collect()
}

/// One article as the rules see it.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub published: NaiveDate,
    pub sentences: Vec<Sentence>,
    /// Words of each sentence.
    pub toks: Vec<Vec<Tok>>,
    /// The same words as text, read once: every rule family walks them.
    words: Vec<Vec<&'a str>>,
    /// Their look-up keys (lower case, straight apostrophes).
    keys: Vec<Vec<Key<'a>>>,
    /// The lists each word starts an entry of (`lexicon::starts`).
    masks: Vec<Vec<u32>>,
    /// Actors named in each sentence.
    pub mentions: Vec<Vec<Mention>>,
    pub registry: Registry,
    /// Every quotation of the article, in order.
    pub quotes: Vec<Quote>,
}

impl<'a> Doc<'a> {
    pub fn read(text: &'a str, published: NaiveDate) -> Self {
        Self::read_titled(text, "", published)
    }

    /// Reads `text` with the people its headline names by title known from the
    /// start, so "the President" of a readout headlined "Readout of President X's
    /// Call" is X. A person the text itself introduces with a title keeps it.
    pub fn read_titled(text: &'a str, title: &str, published: NaiveDate) -> Self {
        let sentences = sentences::split(text);
        let toks: Vec<Vec<Tok>> = sentences
            .iter()
            .map(|s| tokens::tokenize(text, s.span.start, s.span.end))
            .collect();
        // What the lists say of every word, read once for both passes over the actors.
        let keys: Vec<Vec<Key<'a>>> = toks.iter().map(|t| actors::keys_of(text, t)).collect();
        let masks: Vec<Vec<u32>> = keys.iter().map(|ks| lexicon::LEXICON.masks(ks)).collect();
        let looks: Vec<actors::Lookups> = toks
            .iter()
            .zip(&keys)
            .zip(&masks)
            .map(|((t, k), m)| actors::Lookups::read(text, t, k, m))
            .collect();
        let mut registry = actors::build_registry(text, &toks, &looks);
        for (name, affiliation, office) in meetings::titled_people(title, published) {
            registry.adopt(&name, affiliation.as_deref(), &office, text);
        }
        let mentions: Vec<Vec<Mention>> = toks
            .iter()
            .zip(&looks)
            .map(|(t, l)| actors::mentions_keyed(text, t, l, &registry))
            .collect();
        for m in mentions
            .iter()
            .flatten()
            .filter(|m| m.kind == actors::ActorKind::Person)
        {
            registry.count(&m.name);
        }
        let mut quotes = quotes::find(text);
        quotes.sort_by_key(|q| q.outer.start);
        let words = toks
            .iter()
            .map(|ts| ts.iter().map(|t| t.text(text)).collect())
            .collect();
        Doc {
            text,
            published,
            sentences,
            toks,
            words,
            keys,
            masks,
            mentions,
            registry,
            quotes,
        }
    }

    /// The evidence for sentence `i`: its text and span.
    pub fn evidence(&self, i: usize) -> Evidence {
        self.evidence_span(self.sentences[i].span)
    }

    pub fn evidence_span(&self, span: Span) -> Evidence {
        Evidence {
            sentence: self.text[span.start..span.end].to_string(),
            span,
        }
    }

    /// Whether word `k` of sentence `i` stands inside a quotation.
    pub fn in_quote(&self, i: usize, k: usize) -> bool {
        self.quote_words(i, k).is_some()
    }

    /// The words of sentence `i` inside the quotation that holds word `k`, if any.
    pub fn quote_words(&self, i: usize, k: usize) -> Option<(usize, usize)> {
        let toks = &self.toks[i];
        let at = toks.get(k)?.start;
        // Quotations are sorted by start and do not overlap, nested ones aside.
        let n = self.quotes.partition_point(|q| q.outer.start <= at);
        let q = self.quotes[..n]
            .iter()
            .rev()
            .take(2)
            .find(|q| at < q.outer.end)?;
        let a = toks.partition_point(|t| t.start < q.inner.start);
        let b = toks.partition_point(|t| t.start < q.inner.end);
        Some((a, b))
    }

    /// The words of sentence `i`, with their keys.
    pub fn words(&self, i: usize) -> Words<'_, 'a> {
        Words::new(&self.words[i], &self.keys[i], &self.masks[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    pub(crate) fn article(text: &str) -> Article {
        Article {
            id: "t".into(),
            feed: None,
            outlet: "Test".into(),
            url: "https://example.org/t".into(),
            title: "t".into(),
            published: Utc
                .with_ymd_and_hms(2030, 6, 12, 12, 0, 0)
                .single()
                .expect("valid date"),
            text: text.into(),
        }
    }

    /// A panic inside an extractor costs the article its developments, not the
    /// caller its run: `extract_guarded` answers `None` and the process goes on.
    #[test]
    fn a_panicking_extractor_is_contained() {
        struct Broken;
        impl Extractor for Broken {
            fn extract(&self, _: &Article) -> Extraction {
                let words: Vec<&str> = Vec::new();
                let (from, to) = (std::hint::black_box(2), std::hint::black_box(1));
                let _ = &words[from..to];
                Extraction::default()
            }
        }
        let article = article("Ana Veld met Per Lund in Lima on Monday.");
        assert!(extract_guarded(&Broken, &article).is_none());
        let read = extract_guarded(&RuleExtractor::new(), &article);
        assert_eq!(read.map(|x| x.meetings.len()), Some(1));
    }

    fn parties_of(x: &Extraction) -> Vec<Vec<&str>> {
        x.meetings
            .iter()
            .map(|m| m.participants.iter().map(|p| p.as_str()).collect())
            .collect()
    }

    /// Class: a statement or speech its title attributes to one person is that
    /// person's: "I" outside others' quotations is the writer. A title naming no
    /// one leaves "I" unnamed.
    #[test]
    fn the_writer_a_title_names_is_the_first_person() {
        let text = "I spoke with Prime Minister Ola Brek yesterday about the harvest.";
        let mut a = article(text);
        a.title = "Statement from President Tam Ruen on the Harvest".into();
        let x = RuleExtractor::new().extract(&a);
        assert_eq!(parties_of(&x), [vec!["Tam Ruen", "Ola Brek"]]);
        a.title = "A statement on the harvest".into();
        assert!(RuleExtractor::new().extract(&a).meetings.is_empty());
    }

    /// Class: a readout says "the President" or "the Secretary" for the person its
    /// headline names with that title; a capitalised headline's "Before Marine One
    /// Departure" is no part of the name.
    #[test]
    fn a_title_the_headline_gives_a_person_is_that_person() {
        let mut a = article(
            "The President spoke today with Prime Minister Ola Brek of Norway. The President said: \u{201c}We stand together.\u{201d}",
        );
        a.title =
            "Readout of President Tam Ruen's Call with Prime Minister Ola Brek of Norway".into();
        let x = RuleExtractor::new().extract(&a);
        assert_eq!(parties_of(&x), [vec!["Tam Ruen", "Ola Brek"]]);
        assert!(
            x.statements
                .iter()
                .any(|s| s.speaker.as_str() == "Tam Ruen"),
            "{:?}",
            x.statements
        );
        // Class: a headline's event noun after a name without a possessive
        // ("Vice President X Call with Y") is no part of the name.
        a.title =
            "Readout of President Tam Ruen Call with Prime Minister Ola Brek of Norway".into();
        let x = RuleExtractor::new().extract(&a);
        assert_eq!(parties_of(&x), [vec!["Tam Ruen", "Ola Brek"]]);
        a.title = "Remarks by President Tam Ruen Before Marine One Departure".into();
        let x = RuleExtractor::new().extract(&a);
        assert!(!x.statements.is_empty());
        assert!(
            x.statements
                .iter()
                .all(|s| s.speaker.as_str() == "Tam Ruen"),
            "{:?}",
            x.statements
        );
    }

    /// One sentence repeating a promise, then many sentences each with one: before,
    /// every repetition was an item (99,000 from one 1.6 MB sentence).
    #[test]
    fn items_are_capped_per_sentence_and_per_article() {
        let one = format!(
            "\u{201c}{}\u{201d} Blinken said. ",
            "we will respond ".repeat(2_000)
        );
        let many = "Ruritania will send its reply next week, Ola Brek said. ".repeat(300);
        let x = RuleExtractor::new().extract(&article(&format!("{one}{many}")));
        let mut per_sentence: std::collections::HashMap<Span, usize> = Default::default();
        for p in &x.pending {
            *per_sentence.entry(p.evidence.span).or_default() += 1;
        }
        assert!(
            per_sentence.values().all(|n| *n <= MAX_ITEMS_PER_SENTENCE),
            "{per_sentence:?}"
        );
        assert_eq!(x.pending.len(), MAX_ITEMS_PER_ARTICLE);
        assert!(x.statements.len() <= MAX_ITEMS_PER_ARTICLE);
    }

    #[test]
    fn only_the_first_part_of_a_huge_text_is_read() {
        let first = "Foreign Minister Ola Brek met his counterpart Tam Ruen in Oslo on Monday. ";
        let last = "Foreign Minister Ola Brek met his counterpart Ivo Stan in Rome on Monday.";
        let text = format!(
            "{first}{}{last}",
            "Nothing happened. ".repeat(MAX_TEXT_READ / 18)
        );
        let x = RuleExtractor::new().extract(&article(&text));
        let met: Vec<String> = x
            .meetings
            .iter()
            .flat_map(|m| m.participants.iter().map(|p| p.as_str().to_string()))
            .collect();
        assert!(met.iter().any(|p| p.contains("Ruen")), "{met:?}");
        assert!(!met.iter().any(|p| p.contains("Stan")), "{met:?}");
        let cut = readable_part(&text);
        assert!(
            cut.len() <= MAX_TEXT_READ && cut.ends_with("happened."),
            "{}",
            &cut[cut.len() - 20..]
        );
    }

    #[test]
    fn every_span_is_its_evidence() {
        let a = article(
            "Foreign Minister Ola Brek met his counterpart Tam Ruen in Oslo on Monday. “We agreed a lot,” Brek told reporters. Ruen said his government would reply by the end of the month.",
        );
        let x = RuleExtractor::new().extract(&a);
        assert!(!x.meetings.is_empty() && !x.statements.is_empty() && !x.pending.is_empty());
        for e in x
            .meetings
            .iter()
            .map(|m| &m.evidence)
            .chain(x.statements.iter().map(|s| &s.evidence))
            .chain(x.pending.iter().map(|p| &p.evidence))
        {
            assert_eq!(&a.text[e.span.start..e.span.end], e.sentence);
        }
    }
}
