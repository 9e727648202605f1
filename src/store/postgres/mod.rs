//! The PostgreSQL store, for deployments where several processes (watchers, bots)
//! share one database. Same tables and behaviour as the SQLite store (the
//! conformance suite in `tests/it/store_conformance.rs` runs both), with three
//! differences that only PostgreSQL can offer:
//!
//! - topic search is PostgreSQL full-text search: stored `tsvector` columns with
//!   GIN indexes, one phrase query per alias OR-ed together (see the migration for
//!   how tokens are made to match SQLite's FTS5);
//! - due feeds are claimed with `FOR UPDATE SKIP LOCKED`, so concurrent workers
//!   never claim the same feed;
//! - connections come from a bounded pool, and every operation is retried on
//!   transient errors (dropped connection, restart, deadlock), which is safe because
//!   every operation is idempotent (`commit_fetch` skips what it already stored).
//!
//! Migrations run under sqlx's PostgreSQL advisory lock, on a connection of their
//! own, so processes starting together apply each migration once.

mod digest_store;
mod extraction;
mod guild;
mod retry;

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};
use sqlx::{ConnectOptions, Connection, Postgres, Row, Transaction};

use super::{
    ContentStore, FeedId, FeedRecord, FetchCommit, IngestItem, IngestReport, QueryContext, Scope,
    StoreError, StoredArticle, Topic, Window, from_ts, lease_end, searchable_aliases, ts,
};
use crate::developments::ArticleRef;
use crate::feeds::ItemKey;
use crate::feeds::fetch::Validators;
use crate::model::TopicName;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// How many connections one process may hold, and how long it waits for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolLimits {
    /// Upper bound per process: PostgreSQL's own `max_connections` (100 by default)
    /// is shared by every watcher and bot process.
    pub max_connections: u32,
    /// How long an operation waits for a free connection before failing.
    pub acquire_timeout: Duration,
    /// Server-side limit on one statement, so a runaway query cannot hold a
    /// connection (and its locks) forever.
    pub statement_timeout: Duration,
}

impl Default for PoolLimits {
    fn default() -> Self {
        PoolLimits {
            max_connections: 8,
            acquire_timeout: Duration::from_secs(10),
            statement_timeout: Duration::from_secs(60),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to a `postgres://` URL with the default pool limits and applies
    /// pending migrations.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_with(url, PoolLimits::default()).await
    }

    /// Connects with explicit pool limits and applies pending migrations.
    pub async fn open_with(url: &str, limits: PoolLimits) -> Result<Self, StoreError> {
        let open_err = |source| StoreError::Open {
            url: crate::config::redacted_url(url),
            source,
        };
        let opts = PgConnectOptions::from_str(url)
            .map_err(open_err)?
            .application_name("readout")
            .options([
                (
                    "statement_timeout",
                    format!("{}ms", limits.statement_timeout.as_millis()),
                ),
                // The server's NOTICEs ("relation already exists, skipping" on
                // every start) would reach the log at INFO level.
                ("client_min_messages", "warning".to_string()),
            ]);
        migrate(&opts).await.map_err(|e| match e {
            MigrateFailure::Connect(source) => open_err(source),
            MigrateFailure::Migrate(m) => StoreError::Migrate(m),
        })?;
        let pool = PgPoolOptions::new()
            .max_connections(limits.max_connections)
            .min_connections(0)
            .acquire_timeout(limits.acquire_timeout)
            // A connection killed by a restart is found dead here and replaced,
            // instead of failing the caller's first query.
            .test_before_acquire(true)
            .idle_timeout(Duration::from_secs(300))
            .max_lifetime(Duration::from_secs(1800))
            .connect_lazy_with(opts);
        // One line per pool: a process that opened its store twice shows here.
        tracing::debug!(store = %crate::config::redacted_url(url), "opened the store");
        Ok(PostgresStore { pool })
    }

    /// The pool, for adapters that add their own tables (bot settings, digests).
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The migration versions applied to this database, oldest first, for
    /// `readout migrate`.
    pub async fn applied_migrations(&self) -> Result<Vec<(i64, String)>, StoreError> {
        retry::transient("applied migrations", || async {
            sqlx::query_as::<_, (i64, String)>(
                "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version",
            )
            .fetch_all(&self.pool)
            .await
            .ctx("applied migrations")
        })
        .await
    }
}

enum MigrateFailure {
    Connect(sqlx::Error),
    Migrate(sqlx::migrate::MigrateError),
}

/// Applies pending migrations on a connection of its own. sqlx's migrator holds a
/// session advisory lock while it works, so concurrent starts wait for each other
/// and apply each version once; a dedicated connection guarantees the lock dies
/// with it even when a migration fails halfway (a pooled connection would be
/// returned to the pool still holding the lock).
async fn migrate(opts: &PgConnectOptions) -> Result<(), MigrateFailure> {
    let mut conn = opts.connect().await.map_err(MigrateFailure::Connect)?;
    // `run_direct` rather than `run`: `run` over `&mut PgConnection` makes the
    // future not `Send` (a higher-ranked `Acquire` bound), and `open` must be
    // spawnable.
    let result = MIGRATOR.run_direct(&mut conn).await;
    // The migrations are applied (or failed) either way; closing only tidies up.
    let _ = conn.close().await;
    result.map_err(MigrateFailure::Migrate)
}

/// Times are kept to the second, as the SQLite store keeps them, so both stores
/// give back the same values.
fn whole_seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    from_ts(ts(t))
}

/// The windows `search_articles` tries before searching everything, in days back
/// from the newest article.
const SEARCH_WINDOWS_DAYS: [i64; 3] = [7, 60, 365];

/// Inserts the articles of new items that are not stored yet, in feed order (so
/// ids follow it, as in the SQLite store), and returns every item's article id by
/// key with whether this call inserted it.
///
/// Each key is inserted once (the first item carrying it), and `WHERE NOT EXISTS`
/// skips known articles before an id is drawn, keeping the id sequence free of
/// gaps; `ON CONFLICT` still covers another process inserting the same article
/// meanwhile, which the final lookup then finds.
async fn insert_articles(
    tx: &mut Transaction<'_, Postgres>,
    fresh: &[(&IngestItem, String)],
    at: DateTime<Utc>,
) -> Result<HashMap<String, (i64, bool)>, StoreError> {
    let mut once: HashSet<&str> = HashSet::new();
    let firsts: Vec<&(&IngestItem, String)> = fresh
        .iter()
        .filter(|(_, key)| once.insert(key.as_str()))
        .collect();
    let keys: Vec<&str> = firsts.iter().map(|(_, k)| k.as_str()).collect();
    let urls: Vec<&str> = firsts.iter().map(|(i, _)| i.article.url.as_str()).collect();
    let outlets: Vec<&str> = firsts
        .iter()
        .map(|(i, _)| i.article.outlet.as_str())
        .collect();
    let titles: Vec<&str> = firsts
        .iter()
        .map(|(i, _)| i.article.title.as_str())
        .collect();
    let published: Vec<DateTime<Utc>> = firsts
        .iter()
        .map(|(i, _)| whole_seconds(i.article.published))
        .collect();
    let texts: Vec<&str> = firsts
        .iter()
        .map(|(i, _)| i.article.text.as_str())
        .collect();
    let inserted: Vec<(i64, String)> = sqlx::query_as(
        "INSERT INTO articles (key, url, outlet, title, published, text, ingested_at) \
         SELECT k, u, o, ti, p, tx, $7 FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], \
         $5::timestamptz[], $6::text[]) WITH ORDINALITY AS t(k, u, o, ti, p, tx, n) \
         WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.key = t.k) ORDER BY n \
         ON CONFLICT (key) DO NOTHING RETURNING id, key",
    )
    .bind(&keys)
    .bind(&urls)
    .bind(&outlets)
    .bind(&titles)
    .bind(&published)
    .bind(&texts)
    .bind(at)
    .fetch_all(&mut **tx)
    .await
    .ctx("insert articles")?;
    let mut ids: HashMap<String, (i64, bool)> = inserted
        .into_iter()
        .map(|(id, key)| (key, (id, true)))
        .collect();
    let missing: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| !ids.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        // Already stored (through another feed): link to them.
        let existing: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, key FROM articles WHERE key = ANY($1)")
                .bind(&missing)
                .fetch_all(&mut **tx)
                .await
                .ctx("existing articles")?;
        ids.extend(existing.into_iter().map(|(id, key)| (key, (id, false))));
    }
    Ok(ids)
}

const FEED_COLUMNS: &str = "id, url, title, added_at, etag, last_modified, body_hash, last_fetch_at, last_success_at, \
     last_error, failing_since, paused_reason, next_fetch_at, interval_secs, primed";

fn feed_from_row(r: &PgRow) -> Result<FeedRecord, sqlx::Error> {
    Ok(FeedRecord {
        id: FeedId(r.try_get("id")?),
        url: r.try_get("url")?,
        title: r.try_get("title")?,
        added_at: r.try_get("added_at")?,
        validators: Validators {
            etag: r.try_get("etag")?,
            last_modified: r.try_get("last_modified")?,
        },
        body_hash: r.try_get("body_hash")?,
        last_fetch_at: r.try_get("last_fetch_at")?,
        last_success_at: r.try_get("last_success_at")?,
        last_error: r.try_get("last_error")?,
        failing_since: r.try_get("failing_since")?,
        paused_reason: r.try_get("paused_reason")?,
        next_fetch_at: r.try_get("next_fetch_at")?,
        interval_secs: r.try_get("interval_secs")?,
        primed: r.try_get("primed")?,
    })
}

fn feeds_from_rows(rows: &[PgRow]) -> Result<Vec<FeedRecord>, StoreError> {
    rows.iter()
        .map(feed_from_row)
        .collect::<Result<_, _>>()
        .ctx("decode feed")
}

impl PostgresStore {
    /// Inserts the feed unless its URL is known.
    async fn insert_feed(&self, url: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO feeds (url, added_at, next_fetch_at) VALUES ($1, $2, $2) ON CONFLICT (url) DO NOTHING",
        )
        .bind(url)
        .bind(whole_seconds(now))
        .execute(&self.pool)
        .await
        .ctx("add feed")?;
        Ok(())
    }

    /// One feed by URL.
    async fn select_feed_by_url(&self, url: &str) -> Result<Option<FeedRecord>, StoreError> {
        let row = sqlx::query(&format!("SELECT {FEED_COLUMNS} FROM feeds WHERE url = $1"))
            .bind(url)
            .fetch_optional(&self.pool)
            .await
            .ctx("feed by url")?;
        row.as_ref()
            .map(feed_from_row)
            .transpose()
            .ctx("decode feed")
    }

    /// Every feed, oldest first.
    async fn select_feeds(&self) -> Result<Vec<FeedRecord>, StoreError> {
        let rows = sqlx::query(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY id"))
            .fetch_all(&self.pool)
            .await
            .ctx("list feeds")?;
        feeds_from_rows(&rows)
    }

    /// The subset of `keys` stored for the feed: one query, the keys as an array.
    async fn select_known_keys(
        &self,
        feed: FeedId,
        keys: &[String],
    ) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar("SELECT item_key FROM items WHERE feed_id = $1 AND item_key = ANY($2)")
            .bind(feed.0)
            .bind(keys)
            .fetch_all(&self.pool)
            .await
            .ctx("known keys")
    }

    /// One attempt at `commit_fetch`: the whole fetch in one transaction, in a
    /// fixed number of statements however many items it carries (items, articles
    /// and each extraction table are written as arrays).
    ///
    /// The feed row is locked first, so two processes committing the same feed
    /// run one after the other and the second finds every item already stored.
    async fn commit_fetch_once(&self, c: &FetchCommit) -> Result<IngestReport, StoreError> {
        let mut tx = self.pool.begin().await.ctx("begin fetch")?;
        let primed: bool = sqlx::query_scalar("SELECT primed FROM feeds WHERE id = $1 FOR UPDATE")
            .bind(c.feed.0)
            .fetch_one(&mut *tx)
            .await
            .ctx("feed primed")?;
        let at = whole_seconds(c.at);
        let keys: Vec<&str> = c.items.iter().map(|i| i.key.as_str()).collect();
        let known: HashSet<String> = sqlx::query_scalar(
            "SELECT item_key FROM items WHERE feed_id = $1 AND item_key = ANY($2)",
        )
        .bind(c.feed.0)
        .bind(&keys)
        .fetch_all(&mut *tx)
        .await
        .ctx("stored items")?
        .into_iter()
        .collect();
        // New items in feed order, each key once, with the key of their article.
        let mut taken: HashSet<&str> = HashSet::new();
        let fresh: Vec<(&IngestItem, String)> = c
            .items
            .iter()
            .filter(|i| !known.contains(i.key.as_str()) && taken.insert(i.key.as_str()))
            .map(|i| (i, i.article_key.as_str().to_string()))
            .collect();
        let ids = insert_articles(&mut tx, &fresh, at).await?;

        let mut report = IngestReport {
            announced: primed,
            new_items: fresh.len(),
            ..Default::default()
        };
        let mut extractions = extraction::Batch::default();
        let mut item_articles = Vec::with_capacity(fresh.len());
        let mut reported: HashSet<i64> = HashSet::new();
        for (item, key) in &fresh {
            let (id, new) = *ids.get(key.as_str()).ok_or_else(|| StoreError::Corrupt {
                what: "article",
                detail: format!("{key} neither inserted nor found"),
            })?;
            item_articles.push(id);
            if new && reported.insert(id) {
                extractions.push(id, &item.article, &item.extraction);
                let a = &item.article;
                report.new_articles.push(ArticleRef {
                    id: id.to_string(),
                    url: a.url.clone(),
                    outlet: a.outlet.clone(),
                    title: a.title.clone(),
                    published: whole_seconds(a.published),
                });
            }
        }
        let fresh_keys: Vec<&str> = fresh.iter().map(|(i, _)| i.key.as_str()).collect();
        sqlx::query(
            "INSERT INTO items (feed_id, item_key, article_id, seen_at, announced) \
             SELECT $1, k, a, $4, $5 FROM UNNEST($2::text[], $3::bigint[]) AS t(k, a) \
             ON CONFLICT (feed_id, item_key) DO NOTHING",
        )
        .bind(c.feed.0)
        .bind(&fresh_keys)
        .bind(&item_articles)
        .bind(at)
        .bind(primed)
        .execute(&mut *tx)
        .await
        .ctx("insert items")?;
        extractions.insert(&mut tx).await?;
        sqlx::query(
            "UPDATE feeds SET title = COALESCE($1, title), etag = $2, last_modified = $3, body_hash = $4, \
             last_fetch_at = $5, last_success_at = $5, last_error = NULL, failing_since = NULL, paused_reason = NULL, \
             next_fetch_at = $6, primed = true, leased_by = NULL, lease_until = NULL WHERE id = $7",
        )
        .bind(&c.title)
        .bind(&c.validators.etag)
        .bind(&c.validators.last_modified)
        .bind(&c.body_hash)
        .bind(at)
        .bind(whole_seconds(c.next_fetch_at))
        .bind(c.feed.0)
        .execute(&mut *tx)
        .await
        .ctx("update feed after fetch")?;
        tx.commit().await.ctx("commit fetch")?;
        Ok(report)
    }

    /// Moves the schedule after a 304 or an unchanged body, ending any lease.
    async fn update_unchanged(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        next_fetch_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE feeds SET last_fetch_at = $1, last_success_at = $1, last_error = NULL, failing_since = NULL, \
             next_fetch_at = $2, leased_by = NULL, lease_until = NULL WHERE id = $3",
        )
        .bind(whole_seconds(at))
        .bind(whole_seconds(next_fetch_at))
        .bind(feed.0)
        .execute(&self.pool)
        .await
        .ctx("record unchanged")?;
        Ok(())
    }

    /// Records a failed fetch, keeping the time the failures started, ending any
    /// lease.
    async fn update_failure(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        error: &str,
        next_fetch_at: DateTime<Utc>,
        paused: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE feeds SET last_fetch_at = $1, last_error = $2, failing_since = COALESCE(failing_since, $1), \
             next_fetch_at = $3, paused_reason = COALESCE($4, paused_reason), leased_by = NULL, lease_until = NULL \
             WHERE id = $5",
        )
        .bind(whole_seconds(at))
        .bind(error)
        .bind(whole_seconds(next_fetch_at))
        .bind(paused)
        .bind(feed.0)
        .execute(&self.pool)
        .await
        .ctx("record failure")?;
        Ok(())
    }

    /// Clears a pause and makes the feed due now.
    async fn update_resume(&self, feed: FeedId, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE feeds SET paused_reason = NULL, failing_since = NULL, next_fetch_at = $1 WHERE id = $2",
        )
        .bind(whole_seconds(now))
        .bind(feed.0)
        .execute(&self.pool)
        .await
        .ctx("resume feed")?;
        Ok(())
    }

    /// Leases due feeds to `worker`. `SKIP LOCKED` makes a concurrent claimer pass
    /// over the rows this one is taking instead of waiting for them; the lease
    /// condition is re-checked on the locked row, so a feed claimed and committed
    /// meanwhile is not claimed twice.
    async fn lease_due_feeds(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<FeedRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "WITH due AS ( \
                 SELECT id FROM feeds \
                 WHERE paused_reason IS NULL AND next_fetch_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) \
                 ORDER BY next_fetch_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) \
             UPDATE feeds f SET leased_by = $3, lease_until = $4 FROM due WHERE f.id = due.id \
             RETURNING {}",
            FEED_COLUMNS
                .split(", ")
                .map(|c| format!("f.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .bind(whole_seconds(now))
        .bind(limit)
        .bind(worker)
        .bind(whole_seconds(until))
        .fetch_all(&self.pool)
        .await
        .ctx("claim due feeds")?;
        let mut feeds = feeds_from_rows(&rows)?;
        // RETURNING has no order of its own.
        feeds.sort_by_key(|f| (f.next_fetch_at, f.id));
        Ok(feeds)
    }

    /// Moves the end of `worker`'s leases on `ids` to `until`.
    async fn extend_leases(
        &self,
        worker: &str,
        ids: &[i64],
        until: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let n =
            sqlx::query("UPDATE feeds SET lease_until = $1 WHERE leased_by = $2 AND id = ANY($3)")
                .bind(whole_seconds(until))
                .bind(worker)
                .bind(ids)
                .execute(&self.pool)
                .await
                .ctx("renew leases")?
                .rows_affected();
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// Ends `worker`'s lease on the feed, if it holds it.
    async fn unlease_feed(&self, feed: FeedId, worker: &str) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "UPDATE feeds SET leased_by = NULL, lease_until = NULL WHERE id = $1 AND leased_by = $2",
        )
        .bind(feed.0)
        .bind(worker)
        .execute(&self.pool)
        .await
        .ctx("release lease")?
        .rows_affected();
        Ok(n > 0)
    }

    /// Inserts or replaces a topic's aliases in a scope.
    async fn upsert_topic_row(&self, scope: Scope, topic: &Topic) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO topics (guild_id, name, aliases) VALUES ($1, $2, $3) \
             ON CONFLICT (guild_id, name) DO UPDATE SET aliases = excluded.aliases",
        )
        .bind(scope.id())
        .bind(topic.name.as_str())
        .bind(sqlx::types::Json(&topic.aliases))
        .execute(&self.pool)
        .await
        .ctx("upsert topic")?;
        Ok(())
    }

    /// Deletes a topic from a scope.
    async fn delete_topic(&self, scope: Scope, name: &TopicName) -> Result<bool, StoreError> {
        let n = sqlx::query("DELETE FROM topics WHERE guild_id = $1 AND name = $2")
            .bind(scope.id())
            .bind(name.as_str())
            .execute(&self.pool)
            .await
            .ctx("remove topic")?
            .rows_affected();
        Ok(n > 0)
    }

    /// A scope's topics by name, in code-point order (SQLite's) whatever the
    /// database's collation.
    async fn select_topics(&self, scope: Scope) -> Result<Vec<Topic>, StoreError> {
        let rows: Vec<(String, sqlx::types::Json<Vec<String>>)> = sqlx::query_as(
            "SELECT name, aliases FROM topics WHERE guild_id = $1 ORDER BY name COLLATE \"C\"",
        )
        .bind(scope.id())
        .fetch_all(&self.pool)
        .await
        .ctx("list topics")?;
        rows.into_iter()
            .map(|(name, aliases)| {
                Ok(Topic {
                    name: TopicName::parse(&name).map_err(|detail| StoreError::Corrupt {
                        what: "topic name",
                        detail,
                    })?,
                    aliases: aliases.0,
                })
            })
            .collect()
    }

    /// Articles whose title or text contains any alias as a phrase, newest first,
    /// at most `limit`, none published before `since`.
    ///
    /// A common topic matches thousands of articles, and fetching every match to
    /// sort them costs tens of milliseconds; so the search starts with the most
    /// recent week and widens (two months, a year, everything) only while it finds
    /// fewer than `limit`. The answer is the same: when a window holds `limit`
    /// matches, no older article can be among the newest `limit`.
    async fn search_articles(
        &self,
        aliases: &[String],
        since: Option<DateTime<Utc>>,
        limit: i64,
    ) -> Result<Vec<ArticleRef>, StoreError> {
        let Some(newest) = self.newest_published().await? else {
            return Ok(Vec::new());
        };
        let mut cutoffs: Vec<Option<DateTime<Utc>>> = SEARCH_WINDOWS_DAYS
            .iter()
            .map(|d| newest - chrono::Duration::days(*d))
            .filter(|c| since.is_none_or(|s| *c > s))
            .map(Some)
            .collect();
        cutoffs.push(since);
        let mut found = Vec::new();
        for cutoff in cutoffs {
            found = self.search_window(aliases, cutoff, limit).await?;
            if found.len() as i64 >= limit {
                break;
            }
        }
        Ok(found)
    }

    /// The publication time of the newest article: where search windows start.
    async fn newest_published(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        sqlx::query_scalar("SELECT max(published) FROM articles")
            .fetch_one(&self.pool)
            .await
            .ctx("newest article")
    }

    /// One window of `search_articles`. Each alias becomes one `phraseto_tsquery`,
    /// OR-ed together; the placeholders are numbered, so aliases never become SQL.
    async fn search_window(
        &self,
        aliases: &[String],
        since: Option<DateTime<Utc>>,
        limit: i64,
    ) -> Result<Vec<ArticleRef>, StoreError> {
        let tsquery = (1..=aliases.len())
            .map(|i| format!("phraseto_tsquery('readout_search', readout_search_text(${i}))"))
            .collect::<Vec<_>>()
            .join(" || ");
        let limit_at = aliases.len() + 1;
        let since_clause = match since {
            Some(_) => format!("AND a.published >= ${}", limit_at + 1),
            None => String::new(),
        };
        let sql = format!(
            "SELECT a.id, a.url, a.outlet, a.title, a.published FROM articles a \
             WHERE (a.title_search @@ ({tsquery}) OR a.text_search @@ ({tsquery})) {since_clause} \
             ORDER BY a.published DESC, a.id DESC LIMIT ${limit_at}"
        );
        let mut q = sqlx::query_as::<_, (i64, String, String, String, DateTime<Utc>)>(&sql);
        for a in aliases {
            q = q.bind(a);
        }
        q = q.bind(limit);
        if let Some(t) = since {
            q = q.bind(whole_seconds(t));
        }
        let rows = q.fetch_all(&self.pool).await.ctx("topic search")?;
        Ok(rows
            .into_iter()
            .map(|(id, url, outlet, title, published)| ArticleRef {
                id: id.to_string(),
                url,
                outlet,
                title,
                published,
            })
            .collect())
    }

    /// Row counts of the content tables.
    async fn count_rows(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let mut out = Vec::new();
        for table in super::COUNTED_TABLES {
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&self.pool)
                .await
                .ctx("count rows")?;
            out.push((table.to_string(), n));
        }
        Ok(out)
    }

    /// The database's size on disk, indexes and TOAST included.
    async fn select_database_bytes(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT pg_database_size(current_database())")
            .fetch_one(&self.pool)
            .await
            .ctx("database size")
    }
}

#[async_trait]
impl ContentStore for PostgresStore {
    async fn add_feed(&self, url: &str, now: DateTime<Utc>) -> Result<FeedRecord, StoreError> {
        retry::transient("add feed", || self.insert_feed(url, now)).await?;
        self.feed_by_url(url).await?.ok_or(StoreError::Corrupt {
            what: "feed",
            detail: format!("{url} vanished after insert"),
        })
    }

    async fn feed_by_url(&self, url: &str) -> Result<Option<FeedRecord>, StoreError> {
        retry::transient("feed by url", || self.select_feed_by_url(url)).await
    }

    async fn feeds(&self) -> Result<Vec<FeedRecord>, StoreError> {
        retry::transient("list feeds", || self.select_feeds()).await
    }

    async fn known_keys(
        &self,
        feed: FeedId,
        keys: &[ItemKey],
    ) -> Result<HashSet<ItemKey>, StoreError> {
        let keys: Vec<String> = keys.iter().map(|k| k.as_str().to_string()).collect();
        let known = retry::transient("known keys", || self.select_known_keys(feed, &keys)).await?;
        Ok(known.into_iter().map(ItemKey::from_stored).collect())
    }

    async fn commit_fetch(&self, commit: FetchCommit) -> Result<IngestReport, StoreError> {
        retry::transient("commit fetch", || self.commit_fetch_once(&commit)).await
    }

    async fn record_unchanged(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        next_fetch_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        retry::transient("record unchanged", || {
            self.update_unchanged(feed, at, next_fetch_at)
        })
        .await
    }

    async fn record_failure(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        error: &str,
        next_fetch_at: DateTime<Utc>,
        paused: Option<&str>,
    ) -> Result<(), StoreError> {
        retry::transient("record failure", || {
            self.update_failure(feed, at, error, next_fetch_at, paused)
        })
        .await
    }

    async fn resume_feed(&self, feed: FeedId, now: DateTime<Utc>) -> Result<(), StoreError> {
        retry::transient("resume feed", || self.update_resume(feed, now)).await
    }

    async fn claim_due_feeds(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: usize,
    ) -> Result<Vec<FeedRecord>, StoreError> {
        let until = lease_end(now, lease);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        retry::transient("claim due feeds", || {
            self.lease_due_feeds(worker, now, until, limit)
        })
        .await
    }

    async fn release_lease(&self, feed: FeedId, worker: &str) -> Result<bool, StoreError> {
        retry::transient("release lease", || self.unlease_feed(feed, worker)).await
    }

    async fn renew_leases(
        &self,
        worker: &str,
        feeds: &[FeedId],
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<usize, StoreError> {
        let until = lease_end(now, lease);
        let ids: Vec<i64> = feeds.iter().map(|f| f.0).collect();
        retry::transient("renew leases", || self.extend_leases(worker, &ids, until)).await
    }

    async fn upsert_topic(&self, scope: Scope, topic: &Topic) -> Result<(), StoreError> {
        retry::transient("upsert topic", || self.upsert_topic_row(scope, topic)).await
    }

    async fn remove_topic(&self, scope: Scope, name: &TopicName) -> Result<bool, StoreError> {
        retry::transient("remove topic", || self.delete_topic(scope, name)).await
    }

    async fn topics(&self, scope: Scope) -> Result<Vec<Topic>, StoreError> {
        retry::transient("list topics", || self.select_topics(scope)).await
    }

    async fn topic_material(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<StoredArticle>, StoreError> {
        let aliases = searchable_aliases(aliases);
        if aliases.is_empty() {
            return Ok(Vec::new());
        }
        let (since, limit) = match window {
            Window::Since(t) => (Some(t), super::SINCE_LIMIT),
            Window::Latest(n) => (None, i64::try_from(n).unwrap_or(i64::MAX)),
        };
        retry::transient("topic material", || async {
            let articles = self.search_articles(&aliases, since, limit).await?;
            let ids: Vec<i64> = articles.iter().filter_map(|a| a.id.parse().ok()).collect();
            let mut extractions = extraction::load(&self.pool, &ids).await?;
            Ok(articles
                .into_iter()
                .map(|article| {
                    let (extraction, contexts) = article
                        .id
                        .parse()
                        .ok()
                        .and_then(|id: i64| extractions.remove(&id))
                        .unwrap_or_default();
                    StoredArticle {
                        article,
                        extraction,
                        contexts,
                    }
                })
                .collect())
        })
        .await
    }

    async fn stats(&self) -> Result<Vec<(String, i64)>, StoreError> {
        retry::transient("count rows", || self.count_rows()).await
    }

    async fn database_bytes(&self) -> Result<i64, StoreError> {
        retry::transient("database size", || self.select_database_bytes()).await
    }
}
