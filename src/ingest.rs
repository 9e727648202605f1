//! Ingest: one feed fetch (or file read) → items → articles (full text fetched when
//! the feed carries only a summary) → extraction → one store transaction.
//!
//! Items the store already has are skipped before any page is fetched or any text
//! extracted, so re-reading a feed costs one query.

mod article_key;
mod pages;

pub use article_key::ArticleKey;
pub use pages::PagePolicy;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::clock::Clock;
use crate::extract::Extractor;
use crate::feeds::fetch::{CacheHints, Expect, FetchError, Fetched, Fetcher, Validators};
use crate::feeds::parse::ParseError;
use crate::feeds::{FeedItem, FeedUrl, FeedUrlError, ParsedFeed, parse_feed};
use crate::metrics::{METRICS, Poll};
use crate::model::{Article, Extraction};
use crate::store::{FeedRecord, FetchCommit, IngestItem, IngestReport, Store, StoreError};
use crate::validate::validate;

/// Below this many characters the feed's text is a teaser, and the article page is
/// fetched for the full text.
pub const SUMMARY_MAX_CHARS: usize = 700;

/// How far past "now" a publication date may lie: a feed that misstates its time
/// zone is a few hours ahead. A later date (9999-12-31, the year 100000) is not a
/// date, and would head every brief until then.
pub const MAX_FUTURE_SKEW: chrono::TimeDelta = chrono::TimeDelta::hours(24);

/// The date an article is filed under: the feed's, unless it is missing or lies
/// more than [`MAX_FUTURE_SKEW`] ahead, in which case the time it was read.
pub fn publication_date(given: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    match given {
        Some(d) if d <= now + MAX_FUTURE_SKEW => d,
        Some(d) => {
            tracing::debug!(date = %d, "publication date in the future; using the time read");
            now
        }
        None => now,
    }
}

/// Schedules the next poll from the server's cache hints and the feed's TTL.
pub type NextPoll<'a> = dyn Fn(&CacheHints, Option<Duration>) -> DateTime<Utc> + Send + Sync + 'a;

/// Where a feed comes from: the web, or a file (tests, the demo, offline use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedSource {
    Url(FeedUrl),
    File(PathBuf),
}

impl FeedSource {
    /// `http(s)://…` (in any case) is a URL, normalised as the bot normalises it
    /// so both add the same feed; anything else is a path.
    pub fn parse(arg: &str) -> Result<Self, FeedUrlError> {
        if FeedUrl::looks_like_one(arg) {
            Ok(FeedSource::Url(FeedUrl::parse(arg)?))
        } else {
            Ok(FeedSource::File(PathBuf::from(arg)))
        }
    }

    /// The identity the store keeps for the feed: the normalised URL, or
    /// `file://` + the absolute path.
    pub fn store_url(&self) -> String {
        match self {
            FeedSource::Url(u) => u.to_string(),
            FeedSource::File(p) => {
                let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
                format!("file://{}", abs.display())
            }
        }
    }
}

#[derive(Debug, Error)]
pub enum IngestError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("{0}")]
    Parse(#[from] ParseError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl IngestError {
    /// The wait the feed's server asked for, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            IngestError::Fetch(e) => e.retry_after(),
            _ => None,
        }
    }

    /// The short reason shown to moderators and stored as the feed's last error.
    pub fn reason(&self) -> String {
        match self {
            IngestError::Read { .. } => "unreadable file".into(),
            IngestError::Fetch(e) => e.to_string(),
            IngestError::Parse(ParseError::NotAFeed) => "not a feed".into(),
            IngestError::Parse(e) => e.to_string(),
            IngestError::Store(_) => "store error".into(),
        }
    }
}

/// What one fetch of one feed did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchResult {
    /// 304, or the same bytes as last time: nothing parsed.
    Unchanged,
    Ingested(IngestReport),
}

/// The ingest pipeline with its dependencies.
#[derive(Clone)]
pub struct Ingestor {
    pub store: Arc<dyn Store>,
    pub extractor: Arc<dyn Extractor>,
    pub fetcher: Fetcher,
    pub clock: Arc<dyn Clock>,
    /// Fetch article pages for summary-only items (off for offline runs).
    pub fetch_pages: bool,
    /// How those pages are fetched: per-host slots and one budget per feed.
    pub pages: PagePolicy,
}

impl Ingestor {
    /// Reads or fetches `source` once and stores what is new.
    pub async fn ingest(
        &self,
        source: &FeedSource,
        next_in: Duration,
    ) -> Result<(FeedRecord, FetchResult), IngestError> {
        let now = self.clock.now();
        let feed = self.store.add_feed(&source.store_url(), now).await?;
        match self.read_source(&feed, source, next_in, now).await {
            Ok(result) => Ok((feed, result)),
            Err(e) => {
                self.record_failure(&feed, &e, now).await;
                Err(e)
            }
        }
    }

    /// Records a failed read on the feed as the watcher does: moderators see the
    /// reason as its last error, and its next poll backs off (or waits as long as
    /// the server asked). Before, a failed `ingest URL` left the feed subscribed
    /// with no error.
    async fn record_failure(&self, feed: &FeedRecord, e: &IngestError, now: DateTime<Utc>) {
        let failing_since = feed.failing_since.or(Some(now));
        let next = crate::watch::schedule::next_after_error(now, failing_since, e.retry_after());
        let reason = e.reason();
        if let Err(se) = self
            .store
            .record_failure(feed.id, now, &reason, next, None)
            .await
        {
            tracing::error!(feed = %feed.url, error = %se, "cannot record the failure");
        }
    }

    async fn read_source(
        &self,
        feed: &FeedRecord,
        source: &FeedSource,
        next_in: Duration,
        now: DateTime<Utc>,
    ) -> Result<FetchResult, IngestError> {
        let fetched = match source {
            FeedSource::File(p) => Fetched::Body {
                bytes: read_file(p, self.fetcher.config().max_body_bytes)?,
                final_url: source.store_url(),
                validators: Validators::default(),
                cache: Default::default(),
            },
            FeedSource::Url(u) => {
                self.fetcher
                    .fetch(u.as_str(), Expect::Feed, &feed.validators)
                    .await?
            }
        };
        let next = now
            + chrono::Duration::from_std(next_in).unwrap_or_else(|_| chrono::Duration::minutes(10));
        self.store_fetched(feed, fetched, &|_, _| next).await
    }

    /// Stores a fetched body (or records a 304), skipping the parse when the body
    /// hash is unchanged. `next` schedules the following poll from the server's
    /// cache hints and the feed's TTL (known only once the body is parsed).
    pub async fn store_fetched(
        &self,
        feed: &FeedRecord,
        fetched: Fetched,
        next: &NextPoll<'_>,
    ) -> Result<FetchResult, IngestError> {
        let now = self.clock.now();
        let (bytes, final_url, validators, cache) = match fetched {
            Fetched::NotModified { cache } => {
                self.store
                    .record_unchanged(feed.id, now, next(&cache, None))
                    .await?;
                return Ok(FetchResult::Unchanged);
            }
            Fetched::Body {
                bytes,
                final_url,
                validators,
                cache,
            } => (bytes, final_url, validators, cache),
        };
        let hash = hex::encode(Sha256::digest(&bytes));
        if feed.body_hash.as_deref() == Some(hash.as_str()) {
            self.store
                .record_unchanged(feed.id, now, next(&cache, None))
                .await?;
            return Ok(FetchResult::Unchanged);
        }
        let base = final_url.starts_with("http").then_some(final_url.as_str());
        let parsed = parse_feed(&bytes, base)?;
        let next_fetch_at = next(&cache, parsed.ttl);
        let keys: Vec<_> = parsed.items.iter().map(|i| i.key.clone()).collect();
        let known = self.store.known_keys(feed.id, &keys).await?;
        let outlet = outlet_name(&parsed, &final_url);
        let new: Vec<&FeedItem> = parsed
            .items
            .iter()
            .filter(|i| !known.contains(&i.key))
            .collect();
        let items = self.read_items(new, &outlet, feed, now).await;
        let report = self
            .store
            .commit_fetch(FetchCommit {
                feed: feed.id,
                at: now,
                title: parsed.title.clone(),
                validators,
                body_hash: hash,
                next_fetch_at,
                items,
            })
            .await?;
        METRICS.poll(Poll::Ingested);
        METRICS.items_ingested.inc_by(report.new_items as u64);
        Ok(FetchResult::Ingested(report))
    }

    /// The new items as articles with their extractions: the teasers' pages are
    /// fetched together first (see [`pages`]), then each article is extracted.
    async fn read_items(
        &self,
        new: Vec<&FeedItem>,
        outlet: &str,
        feed: &FeedRecord,
        now: DateTime<Utc>,
    ) -> Vec<IngestItem> {
        let pages = if self.fetch_pages {
            pages::page_texts(&self.fetcher, &self.pages, &new).await
        } else {
            vec![None; new.len()]
        };
        let mut items = Vec::new();
        for (item, page) in new.into_iter().zip(pages) {
            let article = article_for(item, page, outlet, &feed.url, now);
            let read = crate::extract::extract_guarded(self.extractor.as_ref(), &article)
                .unwrap_or_else(|| {
                    METRICS.extraction_failed.inc();
                    tracing::error!(article = %article.url, "the extractor failed on this article: stored without developments");
                    Extraction::default()
                });
            let (extraction, rejected) = validate(&article, read);
            if rejected.total() > 0 {
                METRICS.extraction_rejected.inc_by(rejected.total() as u64);
                tracing::warn!(article = %article.url, ?rejected, "extracted items not found in the text were dropped");
            }
            items.push(IngestItem {
                key: item.key.clone(),
                article_key: ArticleKey::of(feed.id, &item.key, &article.url),
                article,
                extraction,
            });
        }
        items
    }
}

/// The article for an item: its page's main text when that is longer than the
/// feed's own (a teaser), else the feed's text.
fn article_for(
    item: &FeedItem,
    page: Option<String>,
    outlet: &str,
    feed_url: &str,
    now: DateTime<Utc>,
) -> Article {
    let own = item.best_text().unwrap_or("");
    let text = match page {
        Some(full) if full.len() > own.len() => full,
        _ => own.to_string(),
    };
    Article {
        id: item.key.as_str().to_string(),
        feed: Some(feed_url.to_string()),
        outlet: outlet.to_string(),
        url: item.link.clone().unwrap_or_default(),
        title: item.title.clone(),
        published: publication_date(item.published, now),
        text,
    }
}

/// A feed file's bytes, decompressed when it is gzip (told by its first two
/// bytes, whatever its name: a `feed.xml.gz`, or a body saved as it came over
/// the wire). Once decompressed it may hold at most `limit` bytes, the limit of
/// a fetched body, so a small file that inflates to gigabytes stops there.
fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    use std::io::{Error, ErrorKind, Read};
    let failed = |source| IngestError::Read {
        path: path.display().to_string(),
        source,
    };
    let bytes = std::fs::read(path).map_err(failed)?;
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut inflated = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes.as_slice())
        .take(limit.saturating_add(1))
        .read_to_end(&mut inflated)
        .map_err(|e| failed(Error::new(e.kind(), format!("not valid gzip: {e}"))))?;
    if inflated.len() as u64 > limit {
        return Err(failed(Error::new(
            ErrorKind::InvalidData,
            format!("larger than {limit} bytes once decompressed"),
        )));
    }
    Ok(inflated)
}

/// The outlet a reader recognises: the feed's title, else the site's host name.
fn outlet_name(feed: &ParsedFeed, final_url: &str) -> String {
    if let Some(t) = feed.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    feed.site
        .as_deref()
        .or(Some(final_url))
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_urls_or_paths() {
        assert_eq!(
            FeedSource::parse("https://x.org/feed").unwrap(),
            FeedSource::Url(FeedUrl::parse("https://x.org/feed").unwrap())
        );
        assert_eq!(
            FeedSource::parse("HTTPS://X.org/feed").unwrap().store_url(),
            "https://x.org/feed"
        );
        assert!(FeedSource::parse("https://").is_err());
        assert!(matches!(
            FeedSource::parse("feeds/a.xml").unwrap(),
            FeedSource::File(_)
        ));
        assert!(
            FeedSource::parse("/tmp/a.xml")
                .unwrap()
                .store_url()
                .starts_with("file:///tmp/a.xml")
        );
    }

    #[test]
    fn dates_far_in_the_future_are_replaced_by_the_time_read() {
        let now = "2024-08-01T08:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let soon = now + chrono::TimeDelta::hours(10);
        let past = now - chrono::TimeDelta::days(400);
        assert_eq!(publication_date(Some(soon), now), soon);
        assert_eq!(publication_date(Some(past), now), past);
        assert_eq!(publication_date(None, now), now);
        for far in [
            "2024-08-03T08:00:00Z",
            "2300-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            let far = far.parse::<DateTime<Utc>>().unwrap();
            assert_eq!(publication_date(Some(far), now), now, "{far}");
        }
        assert_eq!(publication_date(Some(DateTime::<Utc>::MAX_UTC), now), now);
    }

    #[test]
    fn outlets_come_from_the_title_or_the_host() {
        let mut f = ParsedFeed {
            title: Some(" Wire ".into()),
            site: None,
            ttl: None,
            items: vec![],
        };
        assert_eq!(outlet_name(&f, "https://www.example.org/rss"), "Wire");
        f.title = None;
        assert_eq!(
            outlet_name(&f, "https://www.example.org/rss"),
            "example.org"
        );
    }
}
