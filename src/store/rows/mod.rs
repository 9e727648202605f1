//! The rows the store reads, one type per table, decoded the same way from either
//! backend: each field is a type both drivers decode from their own column type
//! (`StoredTime` for times, `Json` for name lists, `bool` for SQLite's 0/1), and
//! each row turns into its domain type here, once.

mod alert;
mod digest;
mod extraction;

pub(crate) use alert::AlertRow;
pub(crate) use digest::{OutboxRow, ScheduleRow, attempt_order};
pub(crate) use extraction::ExtractionRows;

use sqlx::FromRow;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::types::Json;

use super::guild::GuildFeed;
use super::stored::StoredTime;
use super::{ArticleId, FeedId, FeedRecord, StoreError, Topic};
use crate::developments::ArticleRef;
use crate::feeds::fetch::Validators;
use crate::model::{ActorName, Article, TopicName};

/// A row type both backends decode; every `FromRow` type here is one.
pub(crate) trait StoredRow:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> StoredRow for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

pub(crate) fn corrupt(what: &'static str, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: detail.to_string(),
    }
}

/// A list of names as the extraction tables keep it: a JSON array (text in
/// SQLite, cast to `jsonb` in PostgreSQL), read back as `Json<Vec<ActorName>>`.
pub(crate) fn names_json(names: &[ActorName]) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "[]".into())
}

/// A `feeds` row (the columns of `sql::feeds::COLUMNS`).
#[derive(Debug, FromRow)]
pub(crate) struct FeedRow {
    id: i64,
    url: String,
    title: Option<String>,
    added_at: StoredTime,
    etag: Option<String>,
    last_modified: Option<String>,
    body_hash: Option<String>,
    last_fetch_at: Option<StoredTime>,
    last_success_at: Option<StoredTime>,
    last_error: Option<String>,
    failing_since: Option<StoredTime>,
    paused_reason: Option<String>,
    next_fetch_at: StoredTime,
    interval_secs: i64,
    primed: bool,
}

impl From<FeedRow> for FeedRecord {
    fn from(r: FeedRow) -> Self {
        FeedRecord {
            id: FeedId(r.id),
            url: r.url,
            title: r.title,
            added_at: r.added_at.utc(),
            validators: Validators {
                etag: r.etag,
                last_modified: r.last_modified,
            },
            body_hash: r.body_hash,
            last_fetch_at: r.last_fetch_at.map(StoredTime::utc),
            last_success_at: r.last_success_at.map(StoredTime::utc),
            last_error: r.last_error,
            failing_since: r.failing_since.map(StoredTime::utc),
            paused_reason: r.paused_reason,
            next_fetch_at: r.next_fetch_at.utc(),
            interval_secs: r.interval_secs,
            primed: r.primed,
        }
    }
}

/// Feeds in the order `claim_due_feeds` promises (`RETURNING` has none of its
/// own): soonest due first.
pub(crate) fn due_order(rows: Vec<FeedRow>) -> Vec<FeedRecord> {
    let mut feeds: Vec<FeedRecord> = rows.into_iter().map(FeedRecord::from).collect();
    feeds.sort_by_key(|f| (f.next_fetch_at, f.id));
    feeds
}

/// A `guild_feeds` row joined to its feed.
#[derive(Debug, FromRow)]
pub(crate) struct GuildFeedRow {
    #[sqlx(flatten)]
    feed: FeedRow,
    g_topic: Option<String>,
    g_added_at: StoredTime,
    g_added_by: Option<i64>,
}

impl TryFrom<GuildFeedRow> for GuildFeed {
    type Error = StoreError;

    fn try_from(r: GuildFeedRow) -> Result<Self, StoreError> {
        Ok(GuildFeed {
            feed: r.feed.into(),
            topic: r
                .g_topic
                .map(|t| TopicName::parse(&t).map_err(|e| corrupt("guild feed topic", e)))
                .transpose()?,
            added_at: r.g_added_at.utc(),
            // Discord ids fit in 63 bits; the cast keeps the bit pattern.
            added_by: r.g_added_by.map(|u| u as u64),
        })
    }
}

/// An `articles` row as a brief cites it.
#[derive(Debug, FromRow)]
pub(crate) struct ArticleRow {
    pub(crate) id: ArticleId,
    url: String,
    outlet: String,
    title: String,
    published: StoredTime,
}

impl From<ArticleRow> for ArticleRef {
    fn from(r: ArticleRow) -> Self {
        ArticleRef {
            id: r.id,
            url: r.url,
            outlet: r.outlet,
            title: r.title,
            published: r.published.utc(),
        }
    }
}

/// A newly stored article as the fetch's report names it: published as stored
/// (whole seconds), so the announcement and a later brief show the same time.
pub(crate) fn stored_article(id: ArticleId, a: &Article) -> ArticleRef {
    ArticleRef {
        id,
        url: a.url.clone(),
        outlet: a.outlet.clone(),
        title: a.title.clone(),
        published: StoredTime::from(a.published).utc(),
    }
}

/// A `topics` row.
#[derive(Debug, FromRow)]
pub(crate) struct TopicRow {
    name: String,
    aliases: Json<Vec<String>>,
}

impl TryFrom<TopicRow> for Topic {
    type Error = StoreError;

    fn try_from(r: TopicRow) -> Result<Self, StoreError> {
        Ok(Topic {
            name: TopicName::parse(&r.name).map_err(|detail| corrupt("topic name", detail))?,
            aliases: r.aliases.0,
        })
    }
}
