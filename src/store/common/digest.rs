//! `DigestStore` on any backend.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::fetch_one;
use crate::store::StoreError;
use crate::store::backend::Backend;
use crate::store::digest::{
    DigestId, DigestRun, DigestSchedule, DigestSpec, DigestStore, OutboxPost,
};
use crate::store::guild::GuildId;
use crate::store::rows::{self, OutboxRow, ScheduleRow};
use crate::store::sql::digests as sql;

#[async_trait]
impl<B: Backend> DigestStore for B {
    async fn save_digest(
        &self,
        guild: GuildId,
        spec: &DigestSpec,
        next_run_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<DigestId, StoreError> {
        let (id,): (i64,) = fetch_one(self, &sql::save(guild, spec, next_run_at, now)).await?;
        Ok(DigestId(id))
    }

    async fn digest_schedules(&self, guild: GuildId) -> Result<Vec<DigestSchedule>, StoreError> {
        schedules(self.fetch_all(&sql::of_guild(guild)).await?)
    }

    async fn due_digests(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<DigestSchedule>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        schedules(self.fetch_all(&sql::due(now, limit)).await?)
    }

    /// The guard is the schedule's own row: `advance` changes it only while it
    /// still has the run read, and the post is queued in the same transaction.
    async fn commit_run(&self, run: &DigestRun, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let queue: Vec<_> = run
            .post
            .iter()
            .map(|post| sql::queue_post(run, post, now))
            .collect();
        self.write_guarded("digest run", &sql::advance(run), &queue)
            .await
    }

    async fn claim_outbox(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxPost>, StoreError> {
        // A digest turned off (`/digest off`) takes its queued posts with it.
        self.execute(&sql::drop_orphan_posts()).await?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self
            .lease_outbox(now.into(), lease_until.into(), limit)
            .await?;
        rows::attempt_order(rows)
    }

    async fn mark_sent(
        &self,
        post: i64,
        message_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.execute(&sql::mark_sent(post, message_id, now))
            .await
            .map(drop)
    }

    async fn retry_later(
        &self,
        post: i64,
        next_attempt_at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError> {
        self.execute(&sql::reschedule(post, next_attempt_at, error))
            .await
            .map(drop)
    }

    /// The post is marked failed and its digest paused in one transaction; an
    /// unknown post changes nothing.
    async fn fail_post(
        &self,
        post: i64,
        error: &str,
        pause: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        // The post's owner is a digest or an alert: one of the two matches.
        let pause: Vec<_> = pause
            .map(|reason| {
                [
                    sql::pause_for(post, reason, now),
                    sql::pause_alert_for(post, reason, now),
                ]
            })
            .into_iter()
            .flatten()
            .collect();
        self.write_guarded("post failure", &sql::mark_failed(post, error), &pause)
            .await
            .map(drop)
    }

    async fn outbox(&self, digest: Option<DigestId>) -> Result<Vec<OutboxPost>, StoreError> {
        let rows: Vec<OutboxRow> = self.fetch_all(&sql::outbox(digest)).await?;
        rows.into_iter().map(OutboxPost::try_from).collect()
    }
}

fn schedules(rows: Vec<ScheduleRow>) -> Result<Vec<DigestSchedule>, StoreError> {
    rows.into_iter().map(DigestSchedule::try_from).collect()
}
