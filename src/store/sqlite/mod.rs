//! The embedded store: one SQLite file in WAL mode, so the CLI, the watcher and the
//! bot can read while one of them writes. Topic search uses FTS5.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Row, Sqlite, Transaction};

mod digest_store;
mod guild;

use super::{
    ContentStore, Contexts, FeedId, FeedRecord, FetchCommit, IngestReport, QueryContext, Scope,
    StoreError, StoredArticle, Topic, Window, from_ts, fts_any_phrase, lease_end, ts,
};
use crate::developments::ArticleRef;
use crate::feeds::ItemKey;
use crate::feeds::fetch::Validators;
use crate::model::{
    ActorName, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Outcome,
    OutcomeKind, Pending, Span, Speech, Statement, TopicName,
};
use crate::relevance::ArticleContext;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the file a `sqlite://PATH` URL names and runs
    /// pending migrations.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(|source| StoreError::Open {
                url: url.to_string(),
                source,
            })?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        // Processes starting together on a new file can get "database is locked"
        // straight away (SQLite skips the busy handler where waiting could
        // deadlock, as when switching the new file to WAL): try again for a while.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            match Self::connect(url, opts.clone()).await {
                Err(e) if is_locked(&e) && std::time::Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                result => return result,
            }
        }
    }

    async fn connect(url: &str, opts: SqliteConnectOptions) -> Result<Self, StoreError> {
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(opts)
            .await
            .map_err(|source| StoreError::Open {
                url: url.to_string(),
                source,
            })?;
        migrate_exclusively(&pool).await?;
        // One line per pool: a process that opened its store twice shows here.
        tracing::debug!(store = url, "opened the store");
        Ok(SqliteStore { pool })
    }

    /// The pool, for adapters that add their own tables (bot settings, digests).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The migration versions applied to this file, oldest first, for
    /// `readout migrate`.
    pub async fn applied_migrations(&self) -> Result<Vec<(i64, String)>, StoreError> {
        sqlx::query_as(
            "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version",
        )
        .fetch_all(&self.pool)
        .await
        .ctx("applied migrations")
    }
}

/// SQLITE_BUSY ("database is locked") when opening or migrating.
fn is_locked(e: &StoreError) -> bool {
    let source = match e {
        StoreError::Open { source, .. } => source,
        StoreError::Migrate(sqlx::migrate::MigrateError::Execute(source))
        | StoreError::Migrate(sqlx::migrate::MigrateError::ExecuteMigration(source, _)) => source,
        _ => return false,
    };
    matches!(source, sqlx::Error::Database(d) if d.code().as_deref() == Some("5"))
}

/// Runs pending migrations inside one `BEGIN IMMEDIATE` transaction: sqlx does not
/// lock SQLite while it migrates, so processes opening a new file together each
/// saw it empty and each tried to create the tables ("table feeds already
/// exists"). Holding the write lock from the check to the last migration makes the
/// others wait (the busy timeout) and then find the schema up to date.
async fn migrate_exclusively(pool: &SqlitePool) -> Result<(), StoreError> {
    let mut tx = pool
        .begin_with("BEGIN IMMEDIATE")
        .await
        .map_err(|e| StoreError::Migrate(e.into()))?;
    MIGRATOR.run(&mut *tx).await?;
    tx.commit()
        .await
        .map_err(|e| StoreError::Migrate(e.into()))?;
    Ok(())
}

const FEED_COLUMNS: &str = "id, url, title, added_at, etag, last_modified, body_hash, last_fetch_at, last_success_at, \
     last_error, failing_since, paused_reason, next_fetch_at, interval_secs, primed";

pub(super) fn feed_from_row(r: &SqliteRow) -> FeedRecord {
    FeedRecord {
        id: FeedId(r.get("id")),
        url: r.get("url"),
        title: r.get("title"),
        added_at: from_ts(r.get("added_at")),
        validators: Validators {
            etag: r.get("etag"),
            last_modified: r.get("last_modified"),
        },
        body_hash: r.get("body_hash"),
        last_fetch_at: r.get::<Option<i64>, _>("last_fetch_at").map(from_ts),
        last_success_at: r.get::<Option<i64>, _>("last_success_at").map(from_ts),
        last_error: r.get("last_error"),
        failing_since: r.get::<Option<i64>, _>("failing_since").map(from_ts),
        paused_reason: r.get("paused_reason"),
        next_fetch_at: from_ts(r.get("next_fetch_at")),
        interval_secs: r.get("interval_secs"),
        primed: r.get::<i64, _>("primed") != 0,
    }
}

fn names_json(names: &[ActorName]) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "[]".into())
}

fn names_from_json(what: &'static str, s: &str) -> Result<Vec<ActorName>, StoreError> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
        what,
        detail: e.to_string(),
    })
}

fn evidence_from_row(r: &SqliteRow) -> Evidence {
    Evidence {
        sentence: r.get("evidence"),
        span: Span::new(
            r.get::<i64, _>("span_start") as usize,
            r.get::<i64, _>("span_end") as usize,
        ),
    }
}

/// The stored paragraph of an item; empty for items stored before paragraphs were.
fn context_from_row(r: &SqliteRow) -> String {
    r.get::<Option<String>, _>("context").unwrap_or_default()
}

/// An article's extraction with the paragraph around each item.
type Loaded = (Extraction, Contexts);

fn date_from_text(what: &'static str, s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|d| {
        NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| StoreError::Corrupt {
            what,
            detail: e.to_string(),
        })
    })
    .transpose()
}

/// Inserts every extracted item of one article, each with the paragraph of `text`
/// that holds its evidence.
async fn insert_extraction(
    tx: &mut Transaction<'_, Sqlite>,
    article_id: i64,
    article: &ArticleContext<'_>,
    x: &Extraction,
) -> Result<(), StoreError> {
    let context = |e: &Evidence| article.of(e.span.start, e.span.end);
    for m in &x.meetings {
        sqlx::query(
            "INSERT INTO meetings (article_id, participants, status, date, place, kind, evidence, span_start, span_end, context) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(article_id)
        .bind(names_json(&m.participants))
        .bind(m.status.as_str())
        .bind(m.date.map(|d| d.to_string()))
        .bind(&m.place)
        .bind(m.kind.as_str())
        .bind(&m.evidence.sentence)
        .bind(m.evidence.span.start as i64)
        .bind(m.evidence.span.end as i64)
        .bind(context(&m.evidence))
        .execute(&mut **tx)
        .await
        .ctx("insert meeting")?;
    }
    for s in &x.statements {
        sqlx::query(
            "INSERT INTO statements (article_id, speaker, quote, direct, audience, evidence, span_start, span_end, context) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(article_id)
        .bind(s.speaker.as_str())
        .bind(&s.quote)
        .bind(s.speech == Speech::Direct)
        .bind(&s.audience)
        .bind(&s.evidence.sentence)
        .bind(s.evidence.span.start as i64)
        .bind(s.evidence.span.end as i64)
        .bind(article.of_quote(s.evidence.span.start, s.evidence.span.end))
        .execute(&mut **tx)
        .await
        .ctx("insert statement")?;
    }
    for p in &x.pending {
        sqlx::query(
            "INSERT INTO pending (article_id, what, actors, due_text, due_date, evidence, span_start, span_end, context) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(article_id)
        .bind(&p.what)
        .bind(names_json(&p.actors))
        .bind(p.due.as_ref().map(|d| d.text.clone()))
        .bind(p.due.as_ref().and_then(|d| d.date).map(|d| d.to_string()))
        .bind(&p.evidence.sentence)
        .bind(p.evidence.span.start as i64)
        .bind(p.evidence.span.end as i64)
        .bind(context(&p.evidence))
        .execute(&mut **tx)
        .await
        .ctx("insert pending")?;
    }
    for o in &x.outcomes {
        sqlx::query(
            "INSERT INTO outcomes (article_id, kind, actors, what, evidence, span_start, span_end, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(article_id)
        .bind(match o.kind {
            OutcomeKind::Done => "done",
            OutcomeKind::Abandoned => "abandoned",
        })
        .bind(names_json(&o.actors))
        .bind(&o.what)
        .bind(&o.evidence.sentence)
        .bind(o.evidence.span.start as i64)
        .bind(o.evidence.span.end as i64)
        .bind(context(&o.evidence))
        .execute(&mut **tx)
        .await
        .ctx("insert outcome")?;
    }
    Ok(())
}

impl SqliteStore {
    /// The extractions of these articles with each item's paragraph, four
    /// queries in all (one per table) rather than four per article; articles
    /// without any extracted item are absent from the map.
    async fn load_extractions(&self, ids: &[i64]) -> Result<HashMap<i64, Loaded>, StoreError> {
        let mut out = HashMap::new();
        // Chunks keep each statement within SQLite's limit on bound parameters.
        for chunk in ids.chunks(500) {
            out.extend(self.load_extraction_chunk(chunk).await?);
        }
        Ok(out)
    }

    /// `load_extractions` for at most a few hundred articles.
    async fn load_extraction_chunk(&self, ids: &[i64]) -> Result<HashMap<i64, Loaded>, StoreError> {
        let mut out: HashMap<i64, Loaded> = HashMap::new();
        let list = vec!["?"; ids.len()].join(",");
        let sql = format!("SELECT * FROM meetings WHERE article_id IN ({list}) ORDER BY id");
        for r in bind_all(sqlx::query(&sql), ids)
            .fetch_all(&self.pool)
            .await
            .ctx("load meetings")?
        {
            let (x, c) = out.entry(r.get("article_id")).or_default();
            c.meetings.push(context_from_row(&r));
            let status: String = r.get("status");
            let kind: String = r.get("kind");
            x.meetings.push(Meeting {
                participants: names_from_json("meeting participants", r.get("participants"))?,
                status: MeetingStatus::parse(&status).ok_or(StoreError::Corrupt {
                    what: "meeting status",
                    detail: status.clone(),
                })?,
                date: date_from_text("meeting date", r.get("date"))?,
                place: r.get("place"),
                kind: MeetingKind::parse(&kind).ok_or(StoreError::Corrupt {
                    what: "meeting kind",
                    detail: kind.clone(),
                })?,
                evidence: evidence_from_row(&r),
            });
        }
        let sql = format!("SELECT * FROM statements WHERE article_id IN ({list}) ORDER BY id");
        for r in bind_all(sqlx::query(&sql), ids)
            .fetch_all(&self.pool)
            .await
            .ctx("load statements")?
        {
            let (x, c) = out.entry(r.get("article_id")).or_default();
            c.statements.push(context_from_row(&r));
            let speaker: String = r.get("speaker");
            x.statements.push(Statement {
                speaker: ActorName::new(&speaker).ok_or(StoreError::Corrupt {
                    what: "statement speaker",
                    detail: "blank".into(),
                })?,
                quote: r.get("quote"),
                speech: if r.get::<bool, _>("direct") {
                    Speech::Direct
                } else {
                    Speech::Reported
                },
                audience: r.get("audience"),
                evidence: evidence_from_row(&r),
            });
        }
        let sql = format!("SELECT * FROM pending WHERE article_id IN ({list}) ORDER BY id");
        for r in bind_all(sqlx::query(&sql), ids)
            .fetch_all(&self.pool)
            .await
            .ctx("load pending")?
        {
            let (x, c) = out.entry(r.get("article_id")).or_default();
            c.pending.push(context_from_row(&r));
            let due_text: Option<String> = r.get("due_text");
            let due_date = date_from_text("pending due date", r.get("due_date"))?;
            x.pending.push(Pending {
                what: r.get("what"),
                actors: names_from_json("pending actors", r.get("actors"))?,
                due: due_text.map(|text| Due {
                    text,
                    date: due_date,
                }),
                evidence: evidence_from_row(&r),
            });
        }
        let sql = format!("SELECT * FROM outcomes WHERE article_id IN ({list}) ORDER BY id");
        for r in bind_all(sqlx::query(&sql), ids)
            .fetch_all(&self.pool)
            .await
            .ctx("load outcomes")?
        {
            let (x, c) = out.entry(r.get("article_id")).or_default();
            c.outcomes.push(context_from_row(&r));
            let kind: String = r.get("kind");
            x.outcomes.push(Outcome {
                kind: match kind.as_str() {
                    "done" => OutcomeKind::Done,
                    "abandoned" => OutcomeKind::Abandoned,
                    _ => {
                        return Err(StoreError::Corrupt {
                            what: "outcome kind",
                            detail: kind,
                        });
                    }
                },
                actors: names_from_json("outcome actors", r.get("actors"))?,
                what: r.get("what"),
                evidence: evidence_from_row(&r),
            });
        }
        Ok(out)
    }
}

/// Above this many matches a topic search walks the articles newest first and
/// keeps those in the match set (cost: the articles walked until `limit` are
/// found) instead of fetching every match to sort them (cost: every match). A
/// common topic (thousands of matches among a million articles) takes ~1 ms
/// the first way and tens of ms the second; a rare one the reverse.
const SCAN_BY_DATE_ABOVE: i64 = 1000;

impl SqliteStore {
    /// How many articles match the FTS query, counting no further than `cap + 1`.
    async fn count_matches(&self, query: &str, cap: i64) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
        )
        .bind(query)
        .bind(cap + 1)
        .fetch_one(&self.pool)
        .await
        .ctx("count topic matches")
    }

    /// Topic search for a rare topic: every match, looked up and sorted.
    async fn search_by_match(
        &self,
        query: &str,
        since: i64,
        limit: i64,
    ) -> Result<Vec<SqliteRow>, StoreError> {
        sqlx::query(
            "SELECT a.id, a.url, a.outlet, a.title, a.published FROM articles_fts f JOIN articles a ON a.id = f.rowid \
             WHERE articles_fts MATCH ? AND a.published >= ? ORDER BY a.published DESC, a.id DESC LIMIT ?",
        )
        .bind(query)
        .bind(since)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .ctx("topic search")
    }

    /// Topic search for a common topic: the publication index walked newest
    /// first, each article kept when its id is in the match set. `INDEXED BY` and
    /// the `+` (which stops `id` from driving the lookup) pin this plan, which the
    /// planner would otherwise not choose without statistics.
    async fn search_by_date(
        &self,
        query: &str,
        since: i64,
        limit: i64,
    ) -> Result<Vec<SqliteRow>, StoreError> {
        sqlx::query(
            "SELECT a.id, a.url, a.outlet, a.title, a.published FROM articles a INDEXED BY articles_published \
             WHERE +a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND a.published >= ? \
             ORDER BY a.published DESC, a.id DESC LIMIT ?",
        )
        .bind(query)
        .bind(since)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .ctx("topic search by date")
    }
}

/// Binds every id, in order, to the `?` placeholders of an `IN (...)` list.
fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    ids: &[i64],
) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    for id in ids {
        q = q.bind(*id);
    }
    q
}

#[async_trait]
impl ContentStore for SqliteStore {
    async fn add_feed(&self, url: &str, now: DateTime<Utc>) -> Result<FeedRecord, StoreError> {
        sqlx::query("INSERT INTO feeds (url, added_at, next_fetch_at) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING")
            .bind(url)
            .bind(ts(now))
            .bind(ts(now))
            .execute(&self.pool)
            .await
            .ctx("add feed")?;
        self.feed_by_url(url).await?.ok_or(StoreError::Corrupt {
            what: "feed",
            detail: format!("{url} vanished after insert"),
        })
    }

    async fn feed_by_url(&self, url: &str) -> Result<Option<FeedRecord>, StoreError> {
        let row = sqlx::query(&format!("SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?"))
            .bind(url)
            .fetch_optional(&self.pool)
            .await
            .ctx("feed by url")?;
        Ok(row.as_ref().map(feed_from_row))
    }

    async fn feeds(&self) -> Result<Vec<FeedRecord>, StoreError> {
        let rows = sqlx::query(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY id"))
            .fetch_all(&self.pool)
            .await
            .ctx("list feeds")?;
        Ok(rows.iter().map(feed_from_row).collect())
    }

    async fn known_keys(
        &self,
        feed: FeedId,
        keys: &[ItemKey],
    ) -> Result<HashSet<ItemKey>, StoreError> {
        let mut known = HashSet::new();
        for chunk in keys.chunks(500) {
            let placeholders = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT item_key FROM items WHERE feed_id = ? AND item_key IN ({placeholders})"
            );
            let mut q = sqlx::query_scalar::<_, String>(&sql).bind(feed.0);
            for k in chunk {
                q = q.bind(k.as_str());
            }
            known.extend(
                q.fetch_all(&self.pool)
                    .await
                    .ctx("known keys")?
                    .into_iter()
                    .map(ItemKey::from_stored),
            );
        }
        Ok(known)
    }

    async fn commit_fetch(&self, c: FetchCommit) -> Result<IngestReport, StoreError> {
        // IMMEDIATE takes the write lock up front: a transaction that starts as a reader
        // and upgrades fails at once when another writer is active, instead of waiting.
        let mut tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .ctx("begin fetch")?;
        let primed: bool = sqlx::query_scalar::<_, i64>("SELECT primed FROM feeds WHERE id = ?")
            .bind(c.feed.0)
            .fetch_one(&mut *tx)
            .await
            .ctx("feed primed")?
            != 0;
        let mut report = IngestReport {
            announced: primed,
            ..Default::default()
        };
        for item in &c.items {
            let inserted = sqlx::query(
                "INSERT INTO items (feed_id, item_key, seen_at, announced) VALUES (?, ?, ?, ?) \
                 ON CONFLICT (feed_id, item_key) DO NOTHING",
            )
            .bind(c.feed.0)
            .bind(item.key.as_str())
            .bind(ts(c.at))
            .bind(primed)
            .execute(&mut *tx)
            .await
            .ctx("insert item")?
            .rows_affected();
            if inserted == 0 {
                continue;
            }
            report.new_items += 1;
            let a = &item.article;
            let key = item.article_key.as_str();
            let new_id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO articles (key, url, outlet, title, published, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
                 ON CONFLICT (key) DO NOTHING RETURNING id",
            )
            .bind(key)
            .bind(&a.url)
            .bind(&a.outlet)
            .bind(&a.title)
            .bind(ts(a.published))
            .bind(&a.text)
            .bind(ts(c.at))
            .fetch_optional(&mut *tx)
            .await
            .ctx("insert article")?;
            let article_id = match new_id {
                Some(id) => {
                    insert_extraction(
                        &mut tx,
                        id,
                        &ArticleContext::new(&a.title, &a.text),
                        &item.extraction,
                    )
                    .await?;
                    report.new_articles.push(ArticleRef {
                        id: id.to_string(),
                        url: a.url.clone(),
                        outlet: a.outlet.clone(),
                        title: a.title.clone(),
                        // As stored (whole seconds), so the announcement and a
                        // later brief show the same time.
                        published: from_ts(ts(a.published)),
                    });
                    id
                }
                // The same article through another feed: link the item to it.
                None => sqlx::query_scalar("SELECT id FROM articles WHERE key = ?")
                    .bind(key)
                    .fetch_one(&mut *tx)
                    .await
                    .ctx("existing article")?,
            };
            sqlx::query("UPDATE items SET article_id = ? WHERE feed_id = ? AND item_key = ?")
                .bind(article_id)
                .bind(c.feed.0)
                .bind(item.key.as_str())
                .execute(&mut *tx)
                .await
                .ctx("link item")?;
        }
        sqlx::query(
            "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?, body_hash = ?, last_fetch_at = ?, \
             last_success_at = ?, last_error = NULL, failing_since = NULL, paused_reason = NULL, next_fetch_at = ?, primed = 1, \
             leased_by = NULL, lease_until = NULL WHERE id = ?",
        )
        .bind(&c.title)
        .bind(&c.validators.etag)
        .bind(&c.validators.last_modified)
        .bind(&c.body_hash)
        .bind(ts(c.at))
        .bind(ts(c.at))
        .bind(ts(c.next_fetch_at))
        .bind(c.feed.0)
        .execute(&mut *tx)
        .await
        .ctx("update feed after fetch")?;
        tx.commit().await.ctx("commit fetch")?;
        Ok(report)
    }

    async fn record_unchanged(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        next_fetch_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE feeds SET last_fetch_at = ?, last_success_at = ?, last_error = NULL, failing_since = NULL, \
             next_fetch_at = ?, leased_by = NULL, lease_until = NULL WHERE id = ?",
        )
        .bind(ts(at))
        .bind(ts(at))
        .bind(ts(next_fetch_at))
        .bind(feed.0)
        .execute(&self.pool)
        .await
        .ctx("record unchanged")?;
        Ok(())
    }

    async fn record_failure(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        error: &str,
        next_fetch_at: DateTime<Utc>,
        paused: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE feeds SET last_fetch_at = ?, last_error = ?, failing_since = COALESCE(failing_since, ?), \
             next_fetch_at = ?, paused_reason = COALESCE(?, paused_reason), leased_by = NULL, lease_until = NULL \
             WHERE id = ?",
        )
        .bind(ts(at))
        .bind(error)
        .bind(ts(at))
        .bind(ts(next_fetch_at))
        .bind(paused)
        .bind(feed.0)
        .execute(&self.pool)
        .await
        .ctx("record failure")?;
        Ok(())
    }

    async fn resume_feed(&self, feed: FeedId, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE feeds SET paused_reason = NULL, failing_since = NULL, next_fetch_at = ? WHERE id = ?")
            .bind(ts(now))
            .bind(feed.0)
            .execute(&self.pool)
            .await
            .ctx("resume feed")?;
        Ok(())
    }

    /// One statement, so SQLite's single writer makes the claim atomic: no other
    /// process can claim between the choice of feeds and the lease.
    async fn claim_due_feeds(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: usize,
    ) -> Result<Vec<FeedRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "UPDATE feeds SET leased_by = ?, lease_until = ? WHERE id IN ( \
                 SELECT id FROM feeds WHERE paused_reason IS NULL AND next_fetch_at <= ? \
                 AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_fetch_at, id LIMIT ?) \
             RETURNING {FEED_COLUMNS}"
        ))
        .bind(worker)
        .bind(ts(lease_end(now, lease)))
        .bind(ts(now))
        .bind(ts(now))
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await
        .ctx("claim due feeds")?;
        let mut feeds: Vec<FeedRecord> = rows.iter().map(feed_from_row).collect();
        feeds.sort_by_key(|f| (f.next_fetch_at, f.id));
        Ok(feeds)
    }

    async fn release_lease(&self, feed: FeedId, worker: &str) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "UPDATE feeds SET leased_by = NULL, lease_until = NULL WHERE id = ? AND leased_by = ?",
        )
        .bind(feed.0)
        .bind(worker)
        .execute(&self.pool)
        .await
        .ctx("release lease")?
        .rows_affected();
        Ok(n > 0)
    }

    async fn renew_leases(
        &self,
        worker: &str,
        feeds: &[FeedId],
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<usize, StoreError> {
        if feeds.is_empty() {
            return Ok(0);
        }
        let marks = vec!["?"; feeds.len()].join(", ");
        let sql =
            format!("UPDATE feeds SET lease_until = ? WHERE leased_by = ? AND id IN ({marks})");
        let mut q = sqlx::query(&sql)
            .bind(ts(lease_end(now, lease)))
            .bind(worker);
        for f in feeds {
            q = q.bind(f.0);
        }
        let n = q
            .execute(&self.pool)
            .await
            .ctx("renew leases")?
            .rows_affected();
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    async fn upsert_topic(&self, scope: Scope, topic: &Topic) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO topics (guild_id, name, aliases) VALUES (?, ?, ?) \
             ON CONFLICT (guild_id, name) DO UPDATE SET aliases = excluded.aliases",
        )
        .bind(scope.id())
        .bind(topic.name.as_str())
        .bind(serde_json::to_string(&topic.aliases).unwrap_or_else(|_| "[]".into()))
        .execute(&self.pool)
        .await
        .ctx("upsert topic")?;
        Ok(())
    }

    async fn remove_topic(&self, scope: Scope, name: &TopicName) -> Result<bool, StoreError> {
        let n = sqlx::query("DELETE FROM topics WHERE guild_id = ? AND name = ?")
            .bind(scope.id())
            .bind(name.as_str())
            .execute(&self.pool)
            .await
            .ctx("remove topic")?
            .rows_affected();
        Ok(n > 0)
    }

    async fn topics(&self, scope: Scope) -> Result<Vec<Topic>, StoreError> {
        let rows = sqlx::query("SELECT name, aliases FROM topics WHERE guild_id = ? ORDER BY name")
            .bind(scope.id())
            .fetch_all(&self.pool)
            .await
            .ctx("list topics")?;
        rows.iter()
            .map(|r| {
                let name: String = r.get("name");
                let aliases: String = r.get("aliases");
                Ok(Topic {
                    name: TopicName::parse(&name).map_err(|detail| StoreError::Corrupt {
                        what: "topic name",
                        detail,
                    })?,
                    aliases: serde_json::from_str(&aliases).map_err(|e| StoreError::Corrupt {
                        what: "topic aliases",
                        detail: e.to_string(),
                    })?,
                })
            })
            .collect()
    }

    async fn topic_material(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<StoredArticle>, StoreError> {
        let Some(query) = fts_any_phrase(aliases) else {
            return Ok(Vec::new());
        };
        let (since, limit) = match window {
            Window::Since(t) => (ts(t), super::SINCE_LIMIT),
            Window::Latest(n) => (i64::MIN, n as i64),
        };
        let rows = if self.count_matches(&query, SCAN_BY_DATE_ABOVE).await? > SCAN_BY_DATE_ABOVE {
            self.search_by_date(&query, since, limit).await?
        } else {
            self.search_by_match(&query, since, limit).await?
        };
        let ids: Vec<i64> = rows.iter().map(|r| r.get("id")).collect();
        let mut extractions = self.load_extractions(&ids).await?;
        Ok(rows
            .iter()
            .map(|r| {
                let id: i64 = r.get("id");
                let (extraction, contexts) = extractions.remove(&id).unwrap_or_default();
                StoredArticle {
                    article: ArticleRef {
                        id: id.to_string(),
                        url: r.get("url"),
                        outlet: r.get("outlet"),
                        title: r.get("title"),
                        published: from_ts(r.get("published")),
                    },
                    extraction,
                    contexts,
                }
            })
            .collect())
    }

    async fn stats(&self) -> Result<Vec<(String, i64)>, StoreError> {
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

    async fn database_bytes(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(&self.pool)
        .await
        .ctx("database size")
    }
}
