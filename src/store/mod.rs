//! The store: feeds, items, articles, extracted developments and topics.
//!
//! `Store` is the one interface the core uses; SQLite (embedded default, one file)
//! and PostgreSQL (several processes) implement it and pass the same conformance
//! tests. Each method is one unit of work; `commit_fetch` in particular writes a
//! whole fetch (items, articles, extractions, the feed's new validators) in one
//! transaction, so a crash can neither lose nor repeat an item.
//!
//! # Layout
//!
//! The traits are written once for both databases; only what the two SQL
//! dialects force apart is written per backend.
//!
//! - this file, [`guild`], [`digest`]: the traits and the types they speak.
//! - `common`: the traits implemented once, for every `Backend`.
//! - `backend`: what a database provides (running a statement, and the
//!   operations each dialect writes its own way), with the list of those and why.
//! - `sql`: the statements both run, one function each, `$n` placeholders.
//! - `statement`: a statement's text and arguments, built once, bound per backend.
//! - `rows`: one row type per table, decoded from either database.
//! - `stored`: how a time is kept (unix seconds in SQLite, `timestamptz` in
//!   PostgreSQL), so that one row type and one statement serve both.
//! - [`sqlite`], [`postgres`]: opening each database, and its own statements.

pub mod alert;
mod backend;
mod common;
mod database_url;
pub mod digest;
pub mod guild;
pub mod postgres;
mod rows;
mod sql;
pub mod sqlite;
mod statement;
mod stored;

use std::collections::HashSet;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::developments::ArticleRef;
use crate::feeds::ItemKey;
use crate::feeds::fetch::Validators;
use crate::ingest::ArticleKey;
pub(crate) use crate::model::ArticleId;
use crate::model::{Article, Extraction, TopicName};

pub use database_url::{DatabaseUrl, StoreKind};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the store at {url}: {}", without_repeats(&source.to_string()))]
    Open { url: String, source: sqlx::Error },
    #[error("cannot migrate the store: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("store query failed ({what}): {source}")]
    Query {
        what: &'static str,
        source: sqlx::Error,
    },
    #[error("stored data is corrupt ({what}): {detail}")]
    Corrupt { what: &'static str, detail: String },
    #[error("unsupported DATABASE_URL {0:?}: use sqlite://FILE or postgres://...")]
    Unsupported(String),
    #[error(
        "there is no store at {0} (check the path; `readout ingest` or `readout migrate` creates one)"
    )]
    Missing(String),
}

/// A cause chain without a part said twice in a row: sqlx prefixes its
/// configuration errors with "error with configuration" and so does the error it
/// wraps, which read "error with configuration: error with configuration: ...".
fn without_repeats(message: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in message.split(": ") {
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    parts.join(": ")
}

/// Attaches the name of the query to a sqlx error. A column that does not decode
/// (JSON that does not parse, a date that is no date) is corrupt data, whichever
/// backend read it.
pub(crate) trait QueryContext<T> {
    fn ctx(self, what: &'static str) -> Result<T, StoreError>;
}

impl<T> QueryContext<T> for Result<T, sqlx::Error> {
    fn ctx(self, what: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| match source {
            sqlx::Error::ColumnDecode { index, source } => StoreError::Corrupt {
                what,
                detail: format!("column {index}: {source}"),
            },
            source => StoreError::Query { what, source },
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FeedId(pub i64);

/// A feed and its health, as moderators see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRecord {
    pub id: FeedId,
    pub url: String,
    pub title: Option<String>,
    pub added_at: DateTime<Utc>,
    pub validators: Validators,
    pub body_hash: Option<String>,
    pub last_fetch_at: Option<DateTime<Utc>>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub failing_since: Option<DateTime<Utc>>,
    /// Set when the feed failed for too long; cleared by a moderator's retry.
    pub paused_reason: Option<String>,
    pub next_fetch_at: DateTime<Utc>,
    pub interval_secs: i64,
    /// Whether the first fetch has been recorded (later items are announced).
    pub primed: bool,
}

/// One item of a fetch. Items already stored are skipped by the store itself, so a
/// replayed fetch (after a crash) changes nothing.
#[derive(Debug, Clone)]
pub struct IngestItem {
    pub key: ItemKey,
    /// Which stored article the item is: ingest decides (see `ArticleKey`), and
    /// items of any feed with the same key share one article.
    pub article_key: ArticleKey,
    /// The article behind the item with what was extracted from it.
    pub article: Article,
    pub extraction: Extraction,
}

/// A successful fetch with a body, to be written in one transaction.
#[derive(Debug, Clone)]
pub struct FetchCommit {
    pub feed: FeedId,
    pub at: DateTime<Utc>,
    pub title: Option<String>,
    pub validators: Validators,
    pub body_hash: String,
    pub next_fetch_at: DateTime<Utc>,
    pub items: Vec<IngestItem>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Items this fetch added (skipping those already stored).
    pub new_items: usize,
    /// Articles among them; they are announced only when `announced` is true.
    pub new_articles: Vec<ArticleRef>,
    /// False on a feed's first fetch: its backlog is recorded, not announced.
    pub announced: bool,
}

/// A topic and the words that mean it ("ukraine": Ukraine, Ukrainian, Kyiv, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub name: TopicName,
    pub aliases: Vec<String>,
}

/// Whose topics: the deployment's defaults or one Discord server's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Guild(u64),
}

impl Scope {
    pub(crate) fn id(self) -> i64 {
        match self {
            Scope::Global => 0,
            // Discord ids fit in 63 bits; the cast keeps the bit pattern regardless.
            Scope::Guild(g) => g as i64,
        }
    }
}

/// Which articles a brief looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Everything published since this time (`--since 7d`).
    Since(DateTime<Utc>),
    /// The most recent articles, whatever their age: a store may hold only old news.
    Latest(usize),
}

/// Which kinds of extracted items to read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemKinds {
    pub meetings: bool,
    pub statements: bool,
    pub pending: bool,
    /// What closes pending items: only wanted beside them.
    pub outcomes: bool,
}

impl ItemKinds {
    pub const ALL: ItemKinds = ItemKinds {
        meetings: true,
        statements: true,
        pending: true,
        outcomes: true,
    };

    pub fn any(self) -> bool {
        self.meetings || self.statements || self.pending || self.outcomes
    }
}

/// An article with everything extracted from it, as the brief reads them.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub article: ArticleRef,
    pub extraction: Extraction,
    /// The context of each item, for per-item topic relevance.
    pub contexts: Contexts,
}

/// The context of each item, found at ingest (`relevance::ArticleContext`): the
/// paragraph that holds its evidence (cut around it when long), and the article's
/// headline after it for an event whose paragraph names no country. In the order
/// of the extraction's
/// items: element `i` of `meetings` belongs to `extraction.meetings[i]`. Empty
/// where unknown (items stored before paragraphs were kept), and the brief then
/// reads the evidence sentence instead. Outcomes have none here: they are
/// matched to pending items by action, never placed by topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contexts {
    pub meetings: Vec<String>,
    pub statements: Vec<String>,
    pub pending: Vec<String>,
}

/// Everything the core needs from a store. Each concern is its own trait (content
/// here; guild settings, digests and the outbox in their own modules) so that each
/// can be read, implemented and tested on its own; `Store` is all of them, and every
/// backend implements every one.
pub trait Store:
    ContentStore + guild::GuildStore + digest::DigestStore + alert::AlertStore
{
}

impl<T: ContentStore + guild::GuildStore + digest::DigestStore + alert::AlertStore> Store for T {}

/// Feeds, items, articles, extractions and topics: what ingest writes and the brief
/// reads.
#[async_trait]
pub trait ContentStore: Send + Sync {
    /// Adds a feed (idempotent: adding a known URL returns the existing record).
    async fn add_feed(&self, url: &str, now: DateTime<Utc>) -> Result<FeedRecord, StoreError>;
    async fn feed_by_url(&self, url: &str) -> Result<Option<FeedRecord>, StoreError>;
    async fn feeds(&self) -> Result<Vec<FeedRecord>, StoreError>;
    /// Which of these keys the feed already has, so ingest skips fetching and
    /// extracting them.
    async fn known_keys(
        &self,
        feed: FeedId,
        keys: &[ItemKey],
    ) -> Result<HashSet<ItemKey>, StoreError>;
    /// Writes a fetch in one transaction (see the module doc).
    async fn commit_fetch(&self, commit: FetchCommit) -> Result<IngestReport, StoreError>;
    /// A 304 or an unchanged body: only the schedule moves.
    async fn record_unchanged(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        next_fetch_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// A failed fetch; `paused` set when the feed has failed for too long.
    async fn record_failure(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        error: &str,
        next_fetch_at: DateTime<Utc>,
        paused: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Clears a pause and schedules the feed now.
    async fn resume_feed(&self, feed: FeedId, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// Claims up to `limit` feeds that are due at `now` (not paused, not leased by a
    /// live lease) for `worker` until `now + lease`, soonest due first. Several
    /// processes share the feeds this way: each due feed goes to one claimer, and
    /// a claimer that dies releases its feeds when the lease runs out. Recording the
    /// fetch (`commit_fetch`, `record_unchanged`, `record_failure`) ends the lease.
    async fn claim_due_feeds(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease: std::time::Duration,
        limit: usize,
    ) -> Result<Vec<FeedRecord>, StoreError>;
    /// Hands a claimed feed back before its lease runs out: a watcher shutting
    /// down returns the feeds it claimed but did not start, so another process
    /// polls them now. False when `worker` did not hold it.
    async fn release_lease(&self, feed: FeedId, worker: &str) -> Result<bool, StoreError>;
    /// Extends `worker`'s leases on `feeds` to `now + lease`, for a claimer still
    /// working on them (slow article pages), so no other claimer takes them
    /// meanwhile. Feeds already recorded, or taken by another after the lease ran
    /// out, are left alone; returns how many leases were extended.
    async fn renew_leases(
        &self,
        worker: &str,
        feeds: &[FeedId],
        now: DateTime<Utc>,
        lease: std::time::Duration,
    ) -> Result<usize, StoreError>;

    async fn upsert_topic(&self, scope: Scope, topic: &Topic) -> Result<(), StoreError>;
    async fn remove_topic(&self, scope: Scope, name: &TopicName) -> Result<bool, StoreError>;
    async fn topics(&self, scope: Scope) -> Result<Vec<Topic>, StoreError>;

    /// Articles mentioning any alias (title or text), newest first, with their
    /// extractions and the paragraph around each item (`StoredArticle::contexts`).
    async fn topic_material(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<StoredArticle>, StoreError> {
        let articles = self.topic_articles(aliases, window).await?;
        self.material_of(articles, ItemKinds::ALL).await
    }

    /// Articles mentioning any alias (title or text), newest first, without
    /// their extractions: a brief reads those a few at a time (`material_of`).
    async fn topic_articles(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<ArticleRef>, StoreError>;

    /// These articles, in the order given, with the kinds of items asked for
    /// and the paragraph around each: a brief that has enough meetings reads no
    /// more meeting rows.
    async fn material_of(
        &self,
        articles: Vec<ArticleRef>,
        kinds: ItemKinds,
    ) -> Result<Vec<StoredArticle>, StoreError>;

    /// Row counts per table, for `readout store stats`.
    async fn stats(&self) -> Result<Vec<(String, i64)>, StoreError>;
    /// Bytes the store takes on disk (the SQLite file's pages, the PostgreSQL
    /// database), for `readout store stats`.
    async fn database_bytes(&self) -> Result<i64, StoreError>;
}

/// The tables `stats` counts, in the order `readout store stats` prints them.
pub(crate) const COUNTED_TABLES: [&str; 12] = [
    "feeds",
    "items",
    "articles",
    "meetings",
    "statements",
    "pending",
    "outcomes",
    "topics",
    "guild_feeds",
    "guild_settings",
    "digests",
    "digest_outbox",
];

/// At most this many articles for a `Window::Since` search, and for a brief's
/// search of any window (`brief::material`): a week of a busy topic, more than
/// any brief reads, and a bound on the work one request can cause.
pub(crate) const SINCE_LIMIT: i64 = 500;

/// Opens the store a `DATABASE_URL` names and brings its schema up to date.
pub async fn open(url: &DatabaseUrl) -> Result<Arc<dyn Store>, StoreError> {
    Ok(match url.kind() {
        StoreKind::Sqlite => Arc::new(sqlite::SqliteStore::open(url.as_str()).await?),
        StoreKind::Postgres => Arc::new(postgres::PostgresStore::open(url.as_str()).await?),
    })
}

/// Opens a store that must exist already, for commands that only read: a
/// mistyped SQLite path used to create an empty store and report "nothing found".
pub async fn open_existing(url: &DatabaseUrl) -> Result<Arc<dyn Store>, StoreError> {
    if let Some(path) = url.sqlite_file() {
        if !path.exists() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
    }
    open(url).await
}

/// Opens the store a `DATABASE_URL` names, which applies pending migrations, and
/// returns every applied migration (version, description), oldest first: what
/// `readout migrate` prints.
pub async fn migrate(url: &DatabaseUrl) -> Result<Vec<(i64, String)>, StoreError> {
    match url.kind() {
        StoreKind::Sqlite => {
            sqlite::SqliteStore::open(url.as_str())
                .await?
                .applied_migrations()
                .await
        }
        StoreKind::Postgres => {
            postgres::PostgresStore::open(url.as_str())
                .await?
                .applied_migrations()
                .await
        }
    }
}

/// The aliases worth searching for, white space collapsed: an alias without a
/// letter or digit would match nothing (or everything) and is dropped.
pub(crate) fn searchable_aliases(aliases: &[String]) -> Vec<String> {
    aliases
        .iter()
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|a| a.chars().any(char::is_alphanumeric))
        .collect()
}

/// The lease end as a timestamp; a lease too long for the calendar is capped at a
/// century, which no worker outlives.
pub(crate) fn lease_end(now: DateTime<Utc>, lease: std::time::Duration) -> DateTime<Utc> {
    chrono::Duration::from_std(lease)
        .ok()
        .and_then(|d| now.checked_add_signed(d))
        .unwrap_or_else(|| now + chrono::Duration::days(36_500))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_said_twice_is_said_once() {
        assert_eq!(
            without_repeats(
                "error with configuration: error with configuration: unknown value \"bogus\""
            ),
            "error with configuration: unknown value \"bogus\""
        );
        assert_eq!(without_repeats("a: b: a"), "a: b: a");
    }
}
