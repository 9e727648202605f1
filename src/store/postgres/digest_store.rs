//! `DigestStore` on PostgreSQL (columns and table from
//! `migrations/postgres/*_digest_schedule.sql`), for several processes on one
//! database:
//!
//! - `commit_run`'s `UPDATE ... WHERE id = $ AND next_run_at IS NOT DISTINCT FROM $`
//!   makes a second scheduler wait for the first one's row lock, then find the run
//!   gone and change nothing (READ COMMITTED re-checks the condition);
//! - `claim_outbox` takes rows with `FOR UPDATE SKIP LOCKED` and leases them, so
//!   concurrent senders split the outbox between them instead of queueing on it.
//!
//! Every operation goes through the store's transient-error retry; each is safe to
//! repeat (a replayed `commit_run` finds its run taken).
//!
//! A submodule of the PostgreSQL store, so it can use the store's private `retry`
//! module.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::postgres::PgRow;

use super::PostgresStore;
use super::retry;
use crate::store::digest::{
    DigestId, DigestRun, DigestSchedule, DigestSpec, DigestStore, OutboxPost, PostStatus,
    cadence_columns, cadence_from_columns, topics_from_json, topics_json, zone_from_column,
};
use crate::store::guild::GuildId;
use crate::store::{QueryContext, StoreError, from_ts, ts};

/// Times are stored to the whole second, like the SQLite store keeps them.
fn whole(t: DateTime<Utc>) -> DateTime<Utc> {
    from_ts(ts(t))
}

/// Columns read from `digests`: `time_of_day` (a `time`) as `HH:MM` and `topics`
/// (jsonb) as JSON text, the forms the shared column codecs read.
const SCHEDULE_COLUMNS: &str = "id, guild_id, channel_id, to_char(time_of_day::time, 'HH24:MI') AS time_of_day, \
     timezone, topics::text AS topics, \
     cadence, weekday::bigint AS weekday, cron, skip_empty, next_run_at, covered_until, paused_reason, \
     paused_at, created_at";

/// Columns read from `digest_outbox` as `o`.
const OUTBOX_COLUMNS: &str = "o.id, o.digest_id, o.guild_id, o.channel_id, o.run_at, o.covers_from, \
     o.covers_until, o.nonce, o.payload, o.status, o.attempts::bigint AS attempts, o.next_attempt_at, \
     o.last_error, o.message_id, o.sent_at";

fn schedule_from_row(r: &PgRow) -> Result<DigestSchedule, StoreError> {
    let time: String = r.get("time_of_day");
    let topics: String = r.get("topics");
    Ok(DigestSchedule {
        id: DigestId(r.get("id")),
        guild: GuildId(r.get::<i64, _>("guild_id") as u64),
        spec: DigestSpec {
            channel: r.get::<i64, _>("channel_id") as u64,
            cadence: cadence_from_columns(
                r.get::<String, _>("cadence").as_str(),
                r.get("weekday"),
                r.get("cron"),
                &time,
            )?,
            timezone: zone_from_column(&r.get::<String, _>("timezone"))?,
            topics: topics_from_json(&topics)?,
            skip_empty: r.get("skip_empty"),
        },
        next_run_at: r.get("next_run_at"),
        covered_until: r.get("covered_until"),
        paused_reason: r.get("paused_reason"),
        paused_at: r.get("paused_at"),
        created_at: r.get("created_at"),
    })
}

fn post_from_row(r: &PgRow) -> Result<OutboxPost, StoreError> {
    Ok(OutboxPost {
        id: r.get("id"),
        digest: DigestId(r.get("digest_id")),
        guild: GuildId(r.get::<i64, _>("guild_id") as u64),
        channel: r.get::<i64, _>("channel_id") as u64,
        run_at: r.get("run_at"),
        covers_from: r.get("covers_from"),
        covers_until: r.get("covers_until"),
        nonce: r.get("nonce"),
        payload: r.get("payload"),
        status: PostStatus::parse(r.get::<String, _>("status").as_str())?,
        attempts: r.get("attempts"),
        next_attempt_at: r.get("next_attempt_at"),
        last_error: r.get("last_error"),
        message_id: r.get("message_id"),
        sent_at: r.get("sent_at"),
    })
}

impl PostgresStore {
    async fn save_digest_row(
        &self,
        guild: GuildId,
        spec: &DigestSpec,
        next_run_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<DigestId, StoreError> {
        let (cadence, weekday, cron, time) = cadence_columns(&spec.cadence);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO digests (guild_id, channel_id, time_of_day, timezone, topics, cadence, weekday, cron, \
             skip_empty, next_run_at, covered_until, paused_reason, paused_at, created_at, updated_at) \
             VALUES ($1, $2, $3::time, $4, $5::jsonb, $6, $7, $8, $9, $10, NULL, NULL, NULL, $11, $11) \
             ON CONFLICT (guild_id, channel_id) DO UPDATE SET time_of_day = excluded.time_of_day, \
             timezone = excluded.timezone, topics = excluded.topics, cadence = excluded.cadence, \
             weekday = excluded.weekday, cron = excluded.cron, skip_empty = excluded.skip_empty, \
             next_run_at = excluded.next_run_at, paused_reason = NULL, paused_at = NULL, \
             updated_at = excluded.updated_at RETURNING id",
        )
        .bind(guild.db())
        .bind(spec.channel as i64)
        .bind(time)
        .bind(spec.timezone.name())
        .bind(topics_json(&spec.topics))
        .bind(cadence)
        .bind(weekday.map(|d| d as i16))
        .bind(cron)
        .bind(spec.skip_empty)
        .bind(whole(next_run_at))
        .bind(whole(now))
        .fetch_one(self.pool())
        .await
        .ctx("save digest")?;
        Ok(DigestId(id))
    }

    async fn select_digest_schedules(
        &self,
        guild: Option<GuildId>,
        due_at: Option<DateTime<Utc>>,
        limit: i64,
    ) -> Result<Vec<DigestSchedule>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {SCHEDULE_COLUMNS} FROM digests \
             WHERE ($1::bigint IS NULL OR guild_id = $1) \
             AND ($2::timestamptz IS NULL OR (paused_reason IS NULL AND (next_run_at IS NULL OR next_run_at <= $2))) \
             ORDER BY CASE WHEN $2::timestamptz IS NULL THEN channel_id END, next_run_at NULLS FIRST, id LIMIT $3"
        ))
        .bind(guild.map(GuildId::db))
        .bind(due_at.map(whole))
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("digest schedules")?;
        rows.iter().map(schedule_from_row).collect()
    }

    async fn commit_digest_run(
        &self,
        run: &DigestRun,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await.ctx("begin digest run")?;
        let moved = sqlx::query(
            "UPDATE digests SET next_run_at = $1, covered_until = $2 \
             WHERE id = $3 AND next_run_at IS NOT DISTINCT FROM $4 AND paused_reason IS NULL",
        )
        .bind(whole(run.next_run_at))
        .bind(whole(run.covers_until))
        .bind(run.digest.0)
        .bind(run.expected_next_run.map(whole))
        .execute(&mut *tx)
        .await
        .ctx("advance digest")?
        .rows_affected();
        if moved != 1 {
            tx.rollback().await.ctx("roll back digest run")?;
            return Ok(false);
        }
        if let Some(post) = &run.post {
            sqlx::query(
                "INSERT INTO digest_outbox (digest_id, guild_id, channel_id, run_at, covers_from, covers_until, \
                 nonce, payload, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(run.digest.0)
            .bind(run.guild.db())
            .bind(run.channel as i64)
            .bind(whole(run.run_at))
            .bind(whole(run.covers_from))
            .bind(whole(run.covers_until))
            .bind(&post.nonce)
            .bind(&post.payload)
            .bind(whole(now))
            .execute(&mut *tx)
            .await
            .ctx("queue digest post")?;
        }
        tx.commit().await.ctx("commit digest run")?;
        Ok(true)
    }

    async fn lease_outbox_posts(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxPost>, StoreError> {
        // A digest turned off (`/digest off`) takes its queued posts with it.
        sqlx::query(
            "UPDATE digest_outbox o SET status = 'failed', last_error = 'digest turned off', lease_until = NULL \
             WHERE o.status = 'pending' AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.id = o.digest_id)",
        )
        .execute(self.pool())
        .await
        .ctx("drop posts of removed digests")?;
        let rows = sqlx::query(&format!(
            "WITH c AS (SELECT id FROM digest_outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
                 AND (lease_until IS NULL OR lease_until <= $1) ORDER BY next_attempt_at, id LIMIT $2 \
                 FOR UPDATE SKIP LOCKED) \
             UPDATE digest_outbox o SET lease_until = $3, attempts = o.attempts + 1 FROM c WHERE o.id = c.id \
             RETURNING {OUTBOX_COLUMNS}"
        ))
        .bind(whole(now))
        .bind(limit)
        .bind(whole(lease_until))
        .fetch_all(self.pool())
        .await
        .ctx("claim outbox")?;
        let mut posts = rows
            .iter()
            .map(post_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        posts.sort_by_key(|p| (p.next_attempt_at, p.id));
        Ok(posts)
    }

    async fn mark_post_sent(
        &self,
        post: i64,
        message_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE digest_outbox SET status = 'sent', sent_at = $1, message_id = $2, lease_until = NULL, \
             last_error = NULL WHERE id = $3",
        )
        .bind(whole(now))
        .bind(message_id)
        .bind(post)
        .execute(self.pool())
        .await
        .ctx("mark post sent")?;
        Ok(())
    }

    async fn reschedule_post(
        &self,
        post: i64,
        at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE digest_outbox SET next_attempt_at = $1, last_error = $2, lease_until = NULL \
             WHERE id = $3 AND status = 'pending'",
        )
        .bind(whole(at))
        .bind(error)
        .bind(post)
        .execute(self.pool())
        .await
        .ctx("reschedule post")?;
        Ok(())
    }

    async fn fail_post_row(
        &self,
        post: i64,
        error: &str,
        pause: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await.ctx("begin post failure")?;
        sqlx::query(
            "UPDATE digest_outbox SET status = 'failed', last_error = $1, lease_until = NULL WHERE id = $2",
        )
        .bind(error)
        .bind(post)
        .execute(&mut *tx)
        .await
        .ctx("mark post failed")?;
        if let Some(reason) = pause {
            // Hand the window back only if no later digest has moved past it.
            sqlx::query(
                "UPDATE digests d SET paused_reason = $1, paused_at = $2, covered_until = \
                 CASE WHEN d.covered_until = o.covers_until THEN o.covers_from ELSE d.covered_until END \
                 FROM digest_outbox o WHERE o.id = $3 AND d.id = o.digest_id",
            )
            .bind(reason)
            .bind(whole(now))
            .bind(post)
            .execute(&mut *tx)
            .await
            .ctx("pause digest")?;
        }
        tx.commit().await.ctx("commit post failure")?;
        Ok(())
    }

    async fn select_outbox_posts(
        &self,
        digest: Option<DigestId>,
    ) -> Result<Vec<OutboxPost>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM digest_outbox o WHERE $1::bigint IS NULL OR o.digest_id = $1 ORDER BY o.id"
        ))
        .bind(digest.map(|d| d.0))
        .fetch_all(self.pool())
        .await
        .ctx("outbox")?;
        rows.iter().map(post_from_row).collect()
    }
}

#[async_trait]
impl DigestStore for PostgresStore {
    async fn save_digest(
        &self,
        guild: GuildId,
        spec: &DigestSpec,
        next_run_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<DigestId, StoreError> {
        retry::transient("save digest", || {
            self.save_digest_row(guild, spec, next_run_at, now)
        })
        .await
    }

    async fn digest_schedules(&self, guild: GuildId) -> Result<Vec<DigestSchedule>, StoreError> {
        retry::transient("digest schedules", || {
            self.select_digest_schedules(Some(guild), None, i64::MAX)
        })
        .await
    }

    async fn due_digests(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<DigestSchedule>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        retry::transient("due digests", || {
            self.select_digest_schedules(None, Some(now), limit)
        })
        .await
    }

    async fn commit_run(&self, run: &DigestRun, now: DateTime<Utc>) -> Result<bool, StoreError> {
        retry::transient("commit digest run", || self.commit_digest_run(run, now)).await
    }

    async fn claim_outbox(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxPost>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        retry::transient("claim outbox", || {
            self.lease_outbox_posts(now, lease_until, limit)
        })
        .await
    }

    async fn mark_sent(
        &self,
        post: i64,
        message_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        retry::transient("mark post sent", || {
            self.mark_post_sent(post, message_id, now)
        })
        .await
    }

    async fn retry_later(
        &self,
        post: i64,
        next_attempt_at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError> {
        retry::transient("reschedule post", || {
            self.reschedule_post(post, next_attempt_at, error)
        })
        .await
    }

    async fn fail_post(
        &self,
        post: i64,
        error: &str,
        pause: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        retry::transient("fail post", || self.fail_post_row(post, error, pause, now)).await
    }

    async fn outbox(&self, digest: Option<DigestId>) -> Result<Vec<OutboxPost>, StoreError> {
        retry::transient("outbox", || self.select_outbox_posts(digest)).await
    }
}
