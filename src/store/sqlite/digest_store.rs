//! `DigestStore` on SQLite (columns and table from `0004_digest_schedule.sql`).
//!
//! Writes that must not interleave start with `BEGIN IMMEDIATE`, which takes
//! SQLite's write lock up front; the `next_run_at = ?` guard in `commit_run` then
//! also covers another process on the same file. SQLite deployments run one
//! sender, but the lease makes a second one harmless too.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::SqliteStore;
use crate::store::digest::{
    DigestId, DigestRun, DigestSchedule, DigestSpec, DigestStore, OutboxPost, PostStatus,
    cadence_columns, cadence_from_columns, topics_from_json, topics_json, zone_from_column,
};
use crate::store::guild::GuildId;
use crate::store::{QueryContext, StoreError, from_ts, ts};

const SCHEDULE_COLUMNS: &str = "id, guild_id, channel_id, time_of_day, timezone, topics, cadence, weekday, cron, \
     skip_empty, next_run_at, covered_until, paused_reason, paused_at, created_at";

const OUTBOX_COLUMNS: &str = "id, digest_id, guild_id, channel_id, run_at, covers_from, covers_until, nonce, \
     payload, status, attempts, next_attempt_at, last_error, message_id, sent_at";

fn schedule_from_row(r: &SqliteRow) -> Result<DigestSchedule, StoreError> {
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
            skip_empty: r.get::<i64, _>("skip_empty") != 0,
        },
        next_run_at: r.get::<Option<i64>, _>("next_run_at").map(from_ts),
        covered_until: r.get::<Option<i64>, _>("covered_until").map(from_ts),
        paused_reason: r.get("paused_reason"),
        paused_at: r.get::<Option<i64>, _>("paused_at").map(from_ts),
        created_at: from_ts(r.get("created_at")),
    })
}

fn post_from_row(r: &SqliteRow) -> Result<OutboxPost, StoreError> {
    Ok(OutboxPost {
        id: r.get("id"),
        digest: DigestId(r.get("digest_id")),
        guild: GuildId(r.get::<i64, _>("guild_id") as u64),
        channel: r.get::<i64, _>("channel_id") as u64,
        run_at: from_ts(r.get("run_at")),
        covers_from: from_ts(r.get("covers_from")),
        covers_until: from_ts(r.get("covers_until")),
        nonce: r.get("nonce"),
        payload: r.get("payload"),
        status: PostStatus::parse(r.get::<String, _>("status").as_str())?,
        attempts: r.get("attempts"),
        next_attempt_at: from_ts(r.get("next_attempt_at")),
        last_error: r.get("last_error"),
        message_id: r.get("message_id"),
        sent_at: r.get::<Option<i64>, _>("sent_at").map(from_ts),
    })
}

#[async_trait]
impl DigestStore for SqliteStore {
    async fn save_digest(
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
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?) \
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
        .bind(weekday)
        .bind(cron)
        .bind(i64::from(spec.skip_empty))
        .bind(ts(next_run_at))
        .bind(ts(now))
        .bind(ts(now))
        .fetch_one(self.pool())
        .await
        .ctx("save digest")?;
        Ok(DigestId(id))
    }

    async fn digest_schedules(&self, guild: GuildId) -> Result<Vec<DigestSchedule>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {SCHEDULE_COLUMNS} FROM digests WHERE guild_id = ? ORDER BY channel_id"
        ))
        .bind(guild.db())
        .fetch_all(self.pool())
        .await
        .ctx("digest schedules")?;
        rows.iter().map(schedule_from_row).collect()
    }

    async fn due_digests(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<DigestSchedule>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {SCHEDULE_COLUMNS} FROM digests WHERE paused_reason IS NULL \
             AND (next_run_at IS NULL OR next_run_at <= ?) ORDER BY next_run_at, id LIMIT ?"
        ))
        .bind(ts(now))
        .bind(limit as i64)
        .fetch_all(self.pool())
        .await
        .ctx("due digests")?;
        rows.iter().map(schedule_from_row).collect()
    }

    async fn commit_run(&self, run: &DigestRun, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self
            .pool()
            .begin_with("BEGIN IMMEDIATE")
            .await
            .ctx("begin digest run")?;
        // `IS` compares NULL with NULL as equal: a row never scheduled is taken once.
        let moved = sqlx::query(
            "UPDATE digests SET next_run_at = ?, covered_until = ? \
             WHERE id = ? AND next_run_at IS ? AND paused_reason IS NULL",
        )
        .bind(ts(run.next_run_at))
        .bind(ts(run.covers_until))
        .bind(run.digest.0)
        .bind(run.expected_next_run.map(ts))
        .execute(&mut *tx)
        .await
        .ctx("advance digest")?
        .rows_affected();
        if moved != 1 {
            tx.rollback().await.ctx("roll back digest run")?;
            return Ok(false);
        }
        if let Some(post) = &run.post {
            // A run already queued (same digest and due time) is not queued twice.
            sqlx::query(
                "INSERT INTO digest_outbox (digest_id, guild_id, channel_id, run_at, covers_from, covers_until, \
                 nonce, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(run.digest.0)
            .bind(run.guild.db())
            .bind(run.channel as i64)
            .bind(ts(run.run_at))
            .bind(ts(run.covers_from))
            .bind(ts(run.covers_until))
            .bind(&post.nonce)
            .bind(&post.payload)
            .bind(ts(now))
            .bind(ts(now))
            .execute(&mut *tx)
            .await
            .ctx("queue digest post")?;
        }
        tx.commit().await.ctx("commit digest run")?;
        Ok(true)
    }

    async fn claim_outbox(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxPost>, StoreError> {
        // A digest turned off (`/digest off`) takes its queued posts with it.
        sqlx::query(
            "UPDATE digest_outbox SET status = 'failed', last_error = 'digest turned off', lease_until = NULL \
             WHERE status = 'pending' AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.id = digest_outbox.digest_id)",
        )
        .execute(self.pool())
        .await
        .ctx("drop posts of removed digests")?;
        let rows = sqlx::query(&format!(
            "UPDATE digest_outbox SET lease_until = ?, attempts = attempts + 1 WHERE id IN ( \
                 SELECT id FROM digest_outbox WHERE status = 'pending' AND next_attempt_at <= ? \
                 AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, id LIMIT ?) \
             RETURNING {OUTBOX_COLUMNS}"
        ))
        .bind(ts(lease_until))
        .bind(ts(now))
        .bind(ts(now))
        .bind(limit as i64)
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

    async fn mark_sent(
        &self,
        post: i64,
        message_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE digest_outbox SET status = 'sent', sent_at = ?, message_id = ?, lease_until = NULL, \
             last_error = NULL WHERE id = ?",
        )
        .bind(ts(now))
        .bind(message_id)
        .bind(post)
        .execute(self.pool())
        .await
        .ctx("mark post sent")?;
        Ok(())
    }

    async fn retry_later(
        &self,
        post: i64,
        next_attempt_at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE digest_outbox SET next_attempt_at = ?, last_error = ?, lease_until = NULL \
             WHERE id = ? AND status = 'pending'",
        )
        .bind(ts(next_attempt_at))
        .bind(error)
        .bind(post)
        .execute(self.pool())
        .await
        .ctx("reschedule post")?;
        Ok(())
    }

    async fn fail_post(
        &self,
        post: i64,
        error: &str,
        pause: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self
            .pool()
            .begin_with("BEGIN IMMEDIATE")
            .await
            .ctx("begin post failure")?;
        sqlx::query(
            "UPDATE digest_outbox SET status = 'failed', last_error = ?, lease_until = NULL WHERE id = ?",
        )
        .bind(error)
        .bind(post)
        .execute(&mut *tx)
        .await
        .ctx("mark post failed")?;
        if let Some(reason) = pause {
            // Hand the window back only if no later digest has moved past it.
            sqlx::query(
                "UPDATE digests SET paused_reason = ?, paused_at = ?, \
                 covered_until = CASE WHEN covered_until = o.covers_until THEN o.covers_from ELSE covered_until END \
                 FROM (SELECT digest_id, covers_from, covers_until FROM digest_outbox WHERE id = ?) AS o \
                 WHERE digests.id = o.digest_id",
            )
            .bind(reason)
            .bind(ts(now))
            .bind(post)
            .execute(&mut *tx)
            .await
            .ctx("pause digest")?;
        }
        tx.commit().await.ctx("commit post failure")?;
        Ok(())
    }

    async fn outbox(&self, digest: Option<DigestId>) -> Result<Vec<OutboxPost>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM digest_outbox WHERE ? IS NULL OR digest_id = ? ORDER BY id"
        ))
        .bind(digest.map(|d| d.0))
        .bind(digest.map(|d| d.0))
        .fetch_all(self.pool())
        .await
        .ctx("outbox")?;
        rows.iter().map(post_from_row).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveTime};

    use super::*;
    use crate::store::digest::{Cadence, NewPost};

    async fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        (dir, SqliteStore::open(&url).await.unwrap())
    }

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2024-07-01T08:00:00Z")
            .unwrap()
            .to_utc()
    }

    #[tokio::test]
    async fn a_run_is_taken_once_and_a_claimed_post_is_not_claimed_again() {
        let (_d, s) = store().await;
        let spec = DigestSpec {
            channel: 9,
            cadence: Cadence::Weekly {
                weekday: chrono::Weekday::Tue,
                time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            },
            timezone: chrono_tz::UTC,
            topics: vec![],
            skip_empty: true,
        };
        let id = s.save_digest(GuildId(1), &spec, t0(), t0()).await.unwrap();
        let due = s.due_digests(t0(), 10).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].spec, spec);
        let run = DigestRun {
            digest: id,
            guild: GuildId(1),
            channel: 9,
            expected_next_run: Some(t0()),
            run_at: t0(),
            next_run_at: t0() + Duration::days(7),
            covers_from: t0() - Duration::days(7),
            covers_until: t0(),
            post: Some(NewPost {
                nonce: "n1".into(),
                payload: "{}".into(),
            }),
        };
        assert!(s.commit_run(&run, t0()).await.unwrap());
        assert!(!s.commit_run(&run, t0()).await.unwrap(), "the guard holds");
        assert_eq!(s.outbox(Some(id)).await.unwrap().len(), 1);
        assert!(s.due_digests(t0(), 10).await.unwrap().is_empty());

        let lease = t0() + Duration::minutes(2);
        let claimed = s.claim_outbox(t0(), lease, 10).await.unwrap();
        assert_eq!(claimed.len(), 1);
        assert_eq!(claimed[0].attempts, 1);
        assert!(s.claim_outbox(t0(), lease, 10).await.unwrap().is_empty());
        // The lease runs out: another sender may take it.
        assert_eq!(s.claim_outbox(lease, lease, 10).await.unwrap().len(), 1);

        s.fail_post(claimed[0].id, "gone", Some("channel gone"), t0())
            .await
            .unwrap();
        let d = &s.digest_schedules(GuildId(1)).await.unwrap()[0];
        assert_eq!(d.paused_reason.as_deref(), Some("channel gone"));
        assert_eq!(d.covered_until, Some(t0() - Duration::days(7)));
        assert!(
            s.due_digests(t0() + Duration::days(30), 10)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(s.outbox(None).await.unwrap()[0].status, PostStatus::Failed);

        // Queued posts of a digest turned off are dropped, not sent.
        let run = DigestRun {
            digest: id,
            run_at: t0() + Duration::days(1),
            expected_next_run: Some(t0() + Duration::days(7)),
            post: Some(NewPost {
                nonce: "n2".into(),
                payload: "{}".into(),
            }),
            ..run
        };
        s.save_digest(GuildId(1), &spec, t0() + Duration::days(7), t0())
            .await
            .unwrap();
        assert!(s.commit_run(&run, t0()).await.unwrap());
        use crate::store::guild::GuildStore;
        assert_eq!(s.remove_digests(GuildId(1), None).await.unwrap(), 1);
        assert!(s.claim_outbox(lease, lease, 10).await.unwrap().is_empty());
        let last = s.outbox(None).await.unwrap().pop().unwrap();
        assert_eq!(last.status, PostStatus::Failed);
        assert_eq!(last.last_error.as_deref(), Some("digest turned off"));
    }
}
