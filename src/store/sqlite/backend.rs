//! `Backend` on SQLite: the shared statements run on the pool, writes that must
//! not interleave begin with `BEGIN IMMEDIATE` (SQLite's write lock taken up
//! front, so a second writer waits instead of failing on upgrade), and SQLite's
//! own statements where the dialects differ (see `store::backend`).

use std::collections::HashSet;

use async_trait::async_trait;
use sqlx::query::{Query, QueryAs};
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{FromRow, Sqlite};

use super::SqliteStore;
use crate::feeds::ItemKey;
use crate::store::backend::Backend;
use crate::store::guild::GuildId;
use crate::store::rows::{ArticleRow, ExtractionRows, FeedRow, OutboxRow, StoredRow};
use crate::store::sql::{digests, feeds};
use crate::store::statement::Statement;
use crate::store::stored::StoredTime;
use crate::store::{
    ArticleId, FeedId, FetchCommit, IngestReport, ItemKinds, QueryContext, StoreError, Window,
};

/// A shared statement as a SQLite query.
pub(super) fn query<'q>(
    s: &'q Statement<'_>,
) -> Result<Query<'q, Sqlite, SqliteArguments<'q>>, StoreError> {
    Ok(sqlx::query_with(s.sql(), s.arguments::<Sqlite>()?))
}

/// A shared query as a SQLite query of rows `R`.
fn query_as<'q, R>(
    s: &'q Statement<'_>,
) -> Result<QueryAs<'q, Sqlite, R, SqliteArguments<'q>>, StoreError>
where
    R: for<'r> FromRow<'r, SqliteRow>,
{
    Ok(sqlx::query_as_with(s.sql(), s.arguments::<Sqlite>()?))
}

/// `n` numbered placeholders from `$first` on, for an `IN (...)` list.
pub(super) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many values one statement binds at most in a list: under SQLite's limit
/// on bound parameters (32766 since 3.32, 999 before).
pub(super) const LIST_CHUNK: usize = 500;

#[async_trait]
impl Backend for SqliteStore {
    async fn execute(&self, s: &Statement<'_>) -> Result<u64, StoreError> {
        let done = query(s)?.execute(&self.pool).await.ctx(s.what())?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<R: StoredRow>(&self, s: &Statement<'_>) -> Result<Vec<R>, StoreError> {
        query_as(s)?.fetch_all(&self.pool).await.ctx(s.what())
    }

    async fn fetch_optional<R: StoredRow>(
        &self,
        s: &Statement<'_>,
    ) -> Result<Option<R>, StoreError> {
        query_as(s)?.fetch_optional(&self.pool).await.ctx(s.what())
    }

    async fn write_guarded(
        &self,
        what: &'static str,
        guard: &Statement<'_>,
        then: &[Statement<'_>],
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await.ctx(what)?;
        let changed = query(guard)?
            .execute(&mut *tx)
            .await
            .ctx(guard.what())?
            .rows_affected();
        if changed != 1 {
            tx.rollback().await.ctx(what)?;
            return Ok(false);
        }
        for s in then {
            query(s)?.execute(&mut *tx).await.ctx(s.what())?;
        }
        tx.commit().await.ctx(what)?;
        Ok(true)
    }

    async fn select_known_keys(
        &self,
        feed: FeedId,
        keys: &[ItemKey],
    ) -> Result<HashSet<ItemKey>, StoreError> {
        let mut known = HashSet::new();
        for chunk in keys.chunks(LIST_CHUNK) {
            let sql = format!(
                "SELECT item_key FROM items WHERE feed_id = $1 AND item_key IN ({})",
                placeholders(2, chunk.len())
            );
            let mut q = sqlx::query_scalar::<_, String>(&sql).bind(feed.0);
            for k in chunk {
                q = q.bind(k.as_str());
            }
            let found = q.fetch_all(&self.pool).await.ctx("known keys")?;
            known.extend(found.into_iter().map(ItemKey::from_stored));
        }
        Ok(known)
    }

    async fn write_fetch(&self, commit: &FetchCommit) -> Result<IngestReport, StoreError> {
        super::commit::write_fetch(&self.pool, commit).await
    }

    /// One statement, so SQLite's single writer makes the claim atomic: no other
    /// process can claim between the choice of feeds and the lease.
    async fn lease_due_feeds(
        &self,
        worker: &str,
        now: StoredTime,
        until: StoredTime,
        limit: i64,
    ) -> Result<Vec<FeedRow>, StoreError> {
        let sql = format!(
            "UPDATE feeds SET leased_by = $1, lease_until = $2 WHERE id IN ( \
                 SELECT id FROM feeds WHERE paused_reason IS NULL AND next_fetch_at <= $3 \
                 AND (lease_until IS NULL OR lease_until <= $3) ORDER BY next_fetch_at, id LIMIT $4) \
             RETURNING {}",
            feeds::COLUMNS
        );
        sqlx::query_as(&sql)
            .bind(worker)
            .bind(until)
            .bind(now)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .ctx("claim due feeds")
    }

    async fn extend_leases(
        &self,
        worker: &str,
        feeds: &[FeedId],
        until: StoredTime,
    ) -> Result<u64, StoreError> {
        let sql = format!(
            "UPDATE feeds SET lease_until = $1 WHERE leased_by = $2 AND id IN ({})",
            placeholders(3, feeds.len())
        );
        let mut q = sqlx::query(&sql).bind(until).bind(worker);
        for f in feeds {
            q = q.bind(f.0);
        }
        let done = q.execute(&self.pool).await.ctx("renew leases")?;
        Ok(done.rows_affected())
    }

    async fn search(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<ArticleRow>, StoreError> {
        super::search::search(&self.pool, aliases, window).await
    }

    async fn load_extraction_rows(
        &self,
        ids: &[ArticleId],
        kinds: ItemKinds,
    ) -> Result<ExtractionRows, StoreError> {
        super::extraction::load(&self.pool, ids, kinds).await
    }

    async fn size_on_disk(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(&self.pool)
        .await
        .ctx("database size")
    }

    /// Looks first, then upserts: SQLite has no `xmax` to tell an inserted row
    /// from an updated one.
    async fn upsert_guild_feed(
        &self,
        guild: GuildId,
        feed: FeedId,
        upsert: Statement<'_>,
    ) -> Result<bool, StoreError> {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM guild_feeds WHERE guild_id = $1 AND feed_id = $2")
                .bind(guild.db())
                .bind(feed.0)
                .fetch_optional(&self.pool)
                .await
                .ctx("guild feed exists")?;
        self.execute(&upsert).await?;
        Ok(exists.is_none())
    }

    async fn select_known_actors(
        &self,
        pattern: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT name FROM ( \
                 SELECT speaker AS name FROM statements \
                 UNION ALL SELECT j.value AS name FROM meetings, json_each(meetings.participants) j \
                 UNION ALL SELECT j.value AS name FROM pending, json_each(pending.actors) j \
             ) WHERE name LIKE $1 ESCAPE '\\' GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT $2",
        )
        .bind(pattern)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .ctx("known actors")
    }

    async fn lease_outbox(
        &self,
        now: StoredTime,
        lease_until: StoredTime,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let sql = format!(
            "UPDATE digest_outbox SET lease_until = $1, attempts = attempts + 1 WHERE id IN ( \
                 SELECT id FROM digest_outbox WHERE status = 'pending' AND next_attempt_at <= $2 \
                 AND (lease_until IS NULL OR lease_until <= $2) ORDER BY next_attempt_at, id LIMIT $3) \
             RETURNING {}",
            digests::OUTBOX_COLUMNS
        );
        sqlx::query_as(&sql)
            .bind(lease_until)
            .bind(now)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .ctx("claim outbox")
    }
}
