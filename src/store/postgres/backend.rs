//! `Backend` on PostgreSQL: every statement and transaction goes through
//! `retry::transient` (each is safe to repeat), and PostgreSQL's own statements
//! where the dialects differ (see `store::backend`).

use std::collections::HashSet;

use async_trait::async_trait;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::query::{Query, QueryAs};
use sqlx::{FromRow, Postgres};

use super::{PostgresStore, retry};
use crate::feeds::ItemKey;
use crate::store::backend::Backend;
use crate::store::guild::GuildId;
use crate::store::rows::{ArticleRow, ExtractionRows, FeedRow, OutboxRow, StoredRow};
use crate::store::sql::{digests, feeds, qualified};
use crate::store::statement::Statement;
use crate::store::stored::StoredTime;
use crate::store::{
    ArticleId, FeedId, FetchCommit, IngestReport, ItemKinds, QueryContext, StoreError, Window,
};

/// A shared statement as a PostgreSQL query.
pub(super) fn query<'q>(
    s: &'q Statement<'_>,
) -> Result<Query<'q, Postgres, PgArguments>, StoreError> {
    Ok(sqlx::query_with(s.sql(), s.arguments::<Postgres>()?))
}

/// A shared query as a PostgreSQL query of rows `R`.
fn query_as<'q, R>(
    s: &'q Statement<'_>,
) -> Result<QueryAs<'q, Postgres, R, PgArguments>, StoreError>
where
    R: for<'r> FromRow<'r, PgRow>,
{
    Ok(sqlx::query_as_with(s.sql(), s.arguments::<Postgres>()?))
}

#[async_trait]
impl Backend for PostgresStore {
    async fn execute(&self, s: &Statement<'_>) -> Result<u64, StoreError> {
        retry::transient(s.what(), || async {
            let done = query(s)?.execute(&self.pool).await.ctx(s.what())?;
            Ok(done.rows_affected())
        })
        .await
    }

    async fn fetch_all<R: StoredRow>(&self, s: &Statement<'_>) -> Result<Vec<R>, StoreError> {
        retry::transient(s.what(), || async {
            query_as(s)?.fetch_all(&self.pool).await.ctx(s.what())
        })
        .await
    }

    async fn fetch_optional<R: StoredRow>(
        &self,
        s: &Statement<'_>,
    ) -> Result<Option<R>, StoreError> {
        retry::transient(s.what(), || async {
            query_as(s)?.fetch_optional(&self.pool).await.ctx(s.what())
        })
        .await
    }

    /// Under READ COMMITTED, a second writer's guard waits for the first one's
    /// row lock, then re-checks its condition and finds the row changed.
    async fn write_guarded(
        &self,
        what: &'static str,
        guard: &Statement<'_>,
        then: &[Statement<'_>],
    ) -> Result<bool, StoreError> {
        retry::transient(what, || async {
            let mut tx = self.pool.begin().await.ctx(what)?;
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
        })
        .await
    }

    /// One query, the keys as an array.
    async fn select_known_keys(
        &self,
        feed: FeedId,
        keys: &[ItemKey],
    ) -> Result<HashSet<ItemKey>, StoreError> {
        let keys: Vec<&str> = keys.iter().map(ItemKey::as_str).collect();
        let known: Vec<String> = retry::transient("known keys", || async {
            sqlx::query_scalar(
                "SELECT item_key FROM items WHERE feed_id = $1 AND item_key = ANY($2)",
            )
            .bind(feed.0)
            .bind(&keys)
            .fetch_all(&self.pool)
            .await
            .ctx("known keys")
        })
        .await?;
        Ok(known.into_iter().map(ItemKey::from_stored).collect())
    }

    async fn write_fetch(&self, commit: &FetchCommit) -> Result<IngestReport, StoreError> {
        retry::transient("commit fetch", || {
            super::commit::write_fetch(&self.pool, commit)
        })
        .await
    }

    /// `SKIP LOCKED` makes a concurrent claimer pass over the rows this one is
    /// taking instead of waiting for them; the lease condition is re-checked on
    /// the locked row, so a feed claimed and committed meanwhile is not claimed
    /// twice.
    async fn lease_due_feeds(
        &self,
        worker: &str,
        now: StoredTime,
        until: StoredTime,
        limit: i64,
    ) -> Result<Vec<FeedRow>, StoreError> {
        let sql = format!(
            "WITH due AS ( \
                 SELECT id FROM feeds \
                 WHERE paused_reason IS NULL AND next_fetch_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) \
                 ORDER BY next_fetch_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) \
             UPDATE feeds f SET leased_by = $3, lease_until = $4 FROM due WHERE f.id = due.id \
             RETURNING {}",
            qualified("f", feeds::COLUMNS)
        );
        retry::transient("claim due feeds", || async {
            sqlx::query_as(&sql)
                .bind(now)
                .bind(limit)
                .bind(worker)
                .bind(until)
                .fetch_all(&self.pool)
                .await
                .ctx("claim due feeds")
        })
        .await
    }

    async fn extend_leases(
        &self,
        worker: &str,
        feeds: &[FeedId],
        until: StoredTime,
    ) -> Result<u64, StoreError> {
        let ids: Vec<i64> = feeds.iter().map(|f| f.0).collect();
        retry::transient("renew leases", || async {
            let done = sqlx::query(
                "UPDATE feeds SET lease_until = $1 WHERE leased_by = $2 AND id = ANY($3)",
            )
            .bind(until)
            .bind(worker)
            .bind(&ids)
            .execute(&self.pool)
            .await
            .ctx("renew leases")?;
            Ok(done.rows_affected())
        })
        .await
    }

    async fn search(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<ArticleRow>, StoreError> {
        retry::transient("topic search", || {
            super::search::search(&self.pool, aliases, window)
        })
        .await
    }

    async fn load_extraction_rows(
        &self,
        ids: &[ArticleId],
        kinds: ItemKinds,
    ) -> Result<ExtractionRows, StoreError> {
        retry::transient("load extractions", || {
            super::extraction::load(&self.pool, ids, kinds)
        })
        .await
    }

    /// The database's size on disk, indexes and TOAST included.
    async fn size_on_disk(&self) -> Result<i64, StoreError> {
        retry::transient("database size", || async {
            sqlx::query_scalar("SELECT pg_database_size(current_database())")
                .fetch_one(&self.pool)
                .await
                .ctx("database size")
        })
        .await
    }

    /// `xmax = 0` tells an inserted row from an updated one in one statement.
    async fn upsert_guild_feed(
        &self,
        _guild: GuildId,
        _feed: FeedId,
        upsert: Statement<'_>,
    ) -> Result<bool, StoreError> {
        let upsert = upsert.with_tail("RETURNING (xmax = 0)");
        let (new,): (bool,) = self
            .fetch_optional(&upsert)
            .await?
            .ok_or(sqlx::Error::RowNotFound)
            .ctx(upsert.what())?;
        Ok(new)
    }

    /// Names ordered by code point (`COLLATE "C"`, SQLite's binary order)
    /// whatever the database's collation.
    async fn select_known_actors(
        &self,
        pattern: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        retry::transient("known actors", || async {
            sqlx::query_scalar(
                "SELECT name FROM ( \
                     SELECT speaker AS name FROM statements \
                     UNION ALL SELECT jsonb_array_elements_text(participants) FROM meetings \
                     UNION ALL SELECT jsonb_array_elements_text(actors) FROM pending \
                 ) n WHERE name ILIKE $1 ESCAPE '\\' GROUP BY name ORDER BY COUNT(*) DESC, name COLLATE \"C\" LIMIT $2",
            )
            .bind(pattern)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .ctx("known actors")
        })
        .await
    }

    /// Takes rows with `FOR UPDATE SKIP LOCKED` and leases them, so concurrent
    /// senders split the outbox between them instead of queueing on it.
    async fn lease_outbox(
        &self,
        now: StoredTime,
        lease_until: StoredTime,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let sql = format!(
            "WITH c AS (SELECT id FROM digest_outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
                 AND (lease_until IS NULL OR lease_until <= $1) ORDER BY next_attempt_at, id LIMIT $2 \
                 FOR UPDATE SKIP LOCKED) \
             UPDATE digest_outbox o SET lease_until = $3, attempts = o.attempts + 1 FROM c WHERE o.id = c.id \
             RETURNING {}",
            qualified("o", digests::OUTBOX_COLUMNS)
        );
        retry::transient("claim outbox", || async {
            sqlx::query_as(&sql)
                .bind(now)
                .bind(limit)
                .bind(lease_until)
                .fetch_all(&self.pool)
                .await
                .ctx("claim outbox")
        })
        .await
    }
}
