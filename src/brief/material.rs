//! What a brief reads: the topic's articles newest first, a page at a time, and
//! of each page only the kinds of items the brief still lacks. A brief shows the
//! newest developments of each kind, so once it holds [`ENOUGH`] items of a kind
//! on topic, older articles' rows of that kind are never read; and it reads no
//! more than [`ROWS_AT_MOST`] rows in all, on topic or not, so a topic that its
//! articles only mention (a transcript's one question on Korea among fifty)
//! does not read every row of hundreds of articles to find a few items about
//! it. A brief thus costs the same on a store of one year or of ten, and for a
//! window of a week or of five years.
//!
//! Pending items stay right under these bounds: what closes an item is always
//! reported after it, in an article read before it (newest first), and outcomes
//! are read for every page from which pending items are read.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use crate::model::Extraction;
use crate::relevance::Relevance;
use crate::store::{ItemKinds, SINCE_LIMIT, Store, StoreError, StoredArticle, Window};

/// On-topic items of each kind a brief reads before it stops reading that kind:
/// three times the lines a brief shows, so merging reports of one event and the
/// window on the developments' own dates still leave a full section.
pub const ENOUGH: usize = 36;

/// Rows a brief reads at most, every kind together: about 10 ms of decoding on
/// the 2-core build machine. Official transcripts hold dozens of quotes and
/// outcomes each, so this, not [`ENOUGH`], is what stops most briefs of topics
/// such texts only mention.
pub const ROWS_AT_MOST: usize = 1_500;

/// Articles read in the first round trip; the next pages grow (twice as many,
/// as far as the row budget left allows at the rows per article seen so far).
const FIRST_PAGE: usize = 8;

/// Articles a brief without a window searches for first: most briefs need no
/// more, and a search for the newest few costs less than one for hundreds.
const FIRST_SEARCH: usize = 64;

/// The most articles one brief looks at, whatever the window.
pub const ARTICLES_AT_MOST: usize = SINCE_LIMIT as usize;

/// What the brief still reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wanted {
    meetings: usize,
    statements: usize,
    pending: usize,
    /// Rows still allowed, every kind together.
    rows: usize,
}

impl Wanted {
    fn kinds(self) -> ItemKinds {
        let open = |n: usize| n > 0 && self.rows > 0;
        ItemKinds {
            meetings: open(self.meetings),
            statements: open(self.statements),
            pending: open(self.pending),
            outcomes: open(self.pending),
        }
    }

    /// Counts a page: its rows as read, its items on topic as kept.
    fn take(&mut self, rows: usize, kept: &[StoredArticle]) {
        let count = |f: fn(&Extraction) -> usize| kept.iter().map(|a| f(&a.extraction)).sum();
        self.rows = self.rows.saturating_sub(rows);
        self.meetings = self.meetings.saturating_sub(count(|x| x.meetings.len()));
        self.statements = self
            .statements
            .saturating_sub(count(|x| x.statements.len()));
        self.pending = self.pending.saturating_sub(count(|x| x.pending.len()));
    }
}

/// Every row of an article's extraction, outcomes included.
fn rows_of(m: &StoredArticle) -> usize {
    let x = &m.extraction;
    x.meetings.len() + x.statements.len() + x.pending.len() + x.outcomes.len()
}

/// The next page's size: twice the last, but no more articles than the rows
/// left would cover at the rows per article read so far.
fn next_page(page: usize, wanted: Wanted, rows_read: usize, articles_read: usize) -> usize {
    let per_article = rows_read.div_ceil(articles_read.max(1)).max(1);
    (page * 2).min(wanted.rows.div_ceil(per_article)).max(1)
}

/// The topic's on-topic items, newest articles first: every kind until it has
/// [`ENOUGH`] items or the brief has read [`ROWS_AT_MOST`] rows, from articles
/// published since `since` (any age without it).
pub async fn read(
    store: &dyn Store,
    aliases: &[String],
    since: Option<DateTime<Utc>>,
) -> Result<Vec<StoredArticle>, StoreError> {
    let window = |n| since.map_or(Window::Latest(n), Window::Since);
    let mut searched = FIRST_SEARCH;
    let mut articles = store.topic_articles(aliases, window(searched)).await?;
    let relevance = Relevance::new(aliases);
    let mut wanted = Wanted {
        meetings: ENOUGH,
        statements: ENOUGH,
        pending: ENOUGH,
        rows: ROWS_AT_MOST,
    };
    let mut out = Vec::new();
    let (mut from, mut page, mut rows_read) = (0, FIRST_PAGE, 0);
    loop {
        let kinds = wanted.kinds();
        if !kinds.any() {
            break;
        }
        if from >= articles.len() {
            // The newest articles ran out with kinds still wanted: search further.
            if since.is_some() || articles.len() < searched || searched >= ARTICLES_AT_MOST {
                break;
            }
            searched = ARTICLES_AT_MOST;
            // Those read already are left out, should articles have come in
            // between the two searches.
            let read: HashSet<_> = out.iter().map(|m: &StoredArticle| m.article.id).collect();
            articles = store.topic_articles(aliases, window(searched)).await?;
            articles.retain(|a| !read.contains(&a.id));
            from = 0;
            continue;
        }
        let to = (from + page).min(articles.len());
        let read = store
            .material_of(articles[from..to].to_vec(), kinds)
            .await?;
        let rows: usize = read.iter().map(rows_of).sum();
        let kept = relevance.on_topic(read);
        wanted.take(rows, &kept);
        out.extend(kept);
        rows_read += rows;
        from = to;
        page = next_page(page, wanted, rows_read, out.len());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(rows: usize) -> Wanted {
        Wanted {
            meetings: ENOUGH,
            statements: ENOUGH,
            pending: ENOUGH,
            rows,
        }
    }

    #[test]
    fn pages_double_while_the_row_budget_lasts() {
        // 8 articles gave 80 rows: 10 per article, 1,000 rows left.
        assert_eq!(next_page(8, wanted(1_000), 80, 8), 16);
        // 24 articles gave 1,200 rows: 50 per article, 300 left cover 6.
        assert_eq!(next_page(16, wanted(300), 1_200, 24), 6);
    }

    #[test]
    fn a_kind_stops_when_enough_of_it_is_on_topic_and_all_when_the_rows_run_out() {
        let mut w = wanted(100);
        let kept = vec![StoredArticle {
            article: crate::developments::ArticleRef {
                id: crate::model::ArticleId(1),
                url: "https://news.example/1".into(),
                outlet: "Example".into(),
                title: "Story".into(),
                published: Utc::now(),
            },
            extraction: Extraction {
                statements: (0..ENOUGH)
                    .map(|i| crate::model::Statement {
                        speaker: crate::model::ActorName::new("Ana Veld").unwrap(),
                        quote: format!("Quote {i}"),
                        speech: crate::model::Speech::Direct,
                        audience: None,
                        evidence: crate::model::Evidence {
                            sentence: format!("\"Quote {i}\", Veld said."),
                            span: crate::model::Span::new(0, 10),
                        },
                    })
                    .collect(),
                ..Default::default()
            },
            contexts: Default::default(),
        }];
        w.take(60, &kept);
        let k = w.kinds();
        assert!(k.meetings && k.pending && k.outcomes && !k.statements);
        w.take(40, &[]);
        assert!(!w.kinds().any());
    }
}
