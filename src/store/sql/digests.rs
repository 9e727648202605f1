//! Statements on digest schedules and their outbox.

use chrono::{DateTime, Utc};

use crate::store::digest::{DigestId, DigestRun, DigestSpec, NewPost, cadence_columns};
use crate::store::guild::GuildId;
use crate::store::statement::{Statement, Value};

/// The columns of a `ScheduleRow`.
pub(crate) const SCHEDULE_COLUMNS: &str = "id, guild_id, channel_id, time_of_day, timezone, topics, \
     cadence, weekday, cron, skip_empty, next_run_at, covered_until, paused_reason, paused_at, created_at, \
     delivery, role_id, timeline";

/// The columns of an `OutboxRow`.
pub(crate) const OUTBOX_COLUMNS: &str = "id, digest_id, alert_id, guild_id, channel_id, delivery, run_at, covers_from, \
     covers_until, nonce, payload, status, attempts, next_attempt_at, last_error, message_id, sent_at, \
     attachment";

/// Creates or replaces the digest of a channel: cadence, zone, topics and
/// options, the first due time, and no pause; returns its id.
pub(crate) fn save<'a>(
    guild: GuildId,
    spec: &'a DigestSpec,
    next_run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Statement<'a> {
    let (cadence, weekday, cron, time) = cadence_columns(&spec.cadence);
    let topics: Vec<&str> = spec.topics.iter().map(|t| t.as_str()).collect();
    Statement::new(
        "save digest",
        "INSERT INTO digests (guild_id, channel_id, time_of_day, timezone, topics, cadence, weekday, cron, \
         skip_empty, next_run_at, covered_until, paused_reason, paused_at, created_at, updated_at, \
         delivery, role_id, timeline) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, NULL, NULL, $11, $11, $12, $13, $14) \
         ON CONFLICT (guild_id, channel_id) DO UPDATE SET time_of_day = excluded.time_of_day, \
         timezone = excluded.timezone, topics = excluded.topics, cadence = excluded.cadence, \
         weekday = excluded.weekday, cron = excluded.cron, skip_empty = excluded.skip_empty, \
         next_run_at = excluded.next_run_at, paused_reason = NULL, paused_at = NULL, \
         delivery = excluded.delivery, role_id = excluded.role_id, timeline = excluded.timeline, \
         updated_at = excluded.updated_at RETURNING id",
    )
    .bind(guild.db())
    // Discord ids fit in 63 bits; the cast keeps the bit pattern.
    .bind(spec.channel as i64)
    .bind(time)
    .bind(spec.timezone.name())
    .bind(Value::json(&topics))
    .bind(cadence)
    .bind(weekday)
    .bind(cron)
    .bind(spec.skip_empty)
    .bind(next_run_at)
    .bind(now)
    .bind(spec.delivery.as_str())
    .bind(spec.ping.map(|r| r.0 as i64))
    .bind(spec.timeline)
}

/// A server's digests, by channel.
pub(crate) fn of_guild(guild: GuildId) -> Statement<'static> {
    Statement::new(
        "digest schedules",
        format!("SELECT {SCHEDULE_COLUMNS} FROM digests WHERE guild_id = $1 ORDER BY channel_id"),
    )
    .bind(guild.db())
}

/// Digests not paused and due at `now` (or never scheduled, first), oldest due
/// first.
pub(crate) fn due(now: DateTime<Utc>, limit: i64) -> Statement<'static> {
    Statement::new(
        "due digests",
        format!(
            "SELECT {SCHEDULE_COLUMNS} FROM digests WHERE paused_reason IS NULL \
             AND (next_run_at IS NULL OR next_run_at <= $1) ORDER BY next_run_at NULLS FIRST, id LIMIT $2"
        ),
    )
    .bind(now)
    .bind(limit)
}

/// Moves a digest from the run the scheduler read to the next, recording the
/// window covered; changes nothing when the digest no longer has that run (taken
/// by another scheduler) or is paused. `IS NOT DISTINCT FROM` matches a row never
/// scheduled (NULL) too.
pub(crate) fn advance(run: &DigestRun) -> Statement<'static> {
    Statement::new(
        "advance digest",
        "UPDATE digests SET next_run_at = $1, covered_until = $2 \
         WHERE id = $3 AND next_run_at IS NOT DISTINCT FROM $4 AND paused_reason IS NULL",
    )
    .bind(run.next_run_at)
    .bind(run.covers_until)
    .bind(run.digest.0)
    .bind(run.expected_next_run)
}

/// Queues a run's post, due now; a run already queued (same digest and due
/// time) is not queued twice.
pub(crate) fn queue_post<'a>(
    run: &DigestRun,
    post: &'a NewPost,
    now: DateTime<Utc>,
) -> Statement<'a> {
    Statement::new(
        "queue digest post",
        "INSERT INTO digest_outbox (digest_id, guild_id, channel_id, run_at, covers_from, covers_until, \
         nonce, payload, next_attempt_at, created_at, delivery, attachment) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11) \
         ON CONFLICT DO NOTHING",
    )
    .bind(run.digest.0)
    .bind(run.guild.db())
    .bind(run.channel as i64)
    .bind(run.run_at)
    .bind(run.covers_from)
    .bind(run.covers_until)
    .bind(post.nonce.as_str())
    .bind(post.payload.as_str())
    .bind(now)
    .bind(post.delivery.as_str())
    .bind(post.attachment.as_deref())
}

/// Fails the pending posts of digests turned off (`/digest off`) and of alerts
/// removed (`/alert remove`): they are not sent.
pub(crate) fn drop_orphan_posts() -> Statement<'static> {
    Statement::new(
        "drop posts of removed digests and alerts",
        "UPDATE digest_outbox SET status = 'failed', last_error = CASE WHEN digest_id IS NULL \
         THEN 'alert removed' ELSE 'digest turned off' END, lease_until = NULL \
         WHERE status = 'pending' AND ((digest_id IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.id = digest_outbox.digest_id)) \
         OR (alert_id IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.id = digest_outbox.alert_id)))",
    )
}

/// Discord accepted the post. Its picture is dropped: Discord keeps the file
/// now, and a year of weekly pictures need not stay in the store.
pub(crate) fn mark_sent(post: i64, message_id: Option<&str>, now: DateTime<Utc>) -> Statement<'_> {
    Statement::new(
        "mark post sent",
        "UPDATE digest_outbox SET status = 'sent', sent_at = $1, message_id = $2, lease_until = NULL, \
         last_error = NULL, attachment = NULL WHERE id = $3",
    )
    .bind(now)
    .bind(message_id)
    .bind(post)
}

/// Tries a pending post again at `at`, dropping its lease.
pub(crate) fn reschedule(post: i64, at: DateTime<Utc>, error: &str) -> Statement<'_> {
    Statement::new(
        "reschedule post",
        "UPDATE digest_outbox SET next_attempt_at = $1, last_error = $2, lease_until = NULL \
         WHERE id = $3 AND status = 'pending'",
    )
    .bind(at)
    .bind(error)
    .bind(post)
}

/// Marks a post failed for good.
pub(crate) fn mark_failed(post: i64, error: &str) -> Statement<'_> {
    Statement::new(
        "mark post failed",
        "UPDATE digest_outbox SET status = 'failed', last_error = $1, lease_until = NULL WHERE id = $2",
    )
    .bind(error)
    .bind(post)
}

/// Pauses the post's digest and hands back the window the post covered, only if
/// no later digest has moved past it, so the first digest after a resume covers
/// it.
pub(crate) fn pause_for(post: i64, reason: &str, now: DateTime<Utc>) -> Statement<'_> {
    Statement::new(
        "pause digest",
        "UPDATE digests SET paused_reason = $1, paused_at = $2, \
         covered_until = CASE WHEN covered_until = o.covers_until THEN o.covers_from ELSE covered_until END \
         FROM (SELECT digest_id, covers_from, covers_until FROM digest_outbox WHERE id = $3) AS o \
         WHERE digests.id = o.digest_id",
    )
    .bind(reason)
    .bind(now)
    .bind(post)
}

/// Pauses the post's alert (a channel that refuses the bot): the scanner skips
/// it until a moderator sets it again.
pub(crate) fn pause_alert_for(post: i64, reason: &str, now: DateTime<Utc>) -> Statement<'_> {
    Statement::new(
        "pause alert",
        "UPDATE alerts SET paused_reason = $1, paused_at = $2 \
         WHERE id = (SELECT alert_id FROM digest_outbox WHERE id = $3)",
    )
    .bind(reason)
    .bind(now)
    .bind(post)
}

/// Outbox rows of one digest (or all), oldest first.
pub(crate) fn outbox(digest: Option<DigestId>) -> Statement<'static> {
    Statement::new(
        "outbox",
        format!("SELECT {OUTBOX_COLUMNS} FROM digest_outbox WHERE $1 IS NULL OR digest_id = $1 ORDER BY id"),
    )
    .bind(digest.map(|d| d.0))
}
