//! Statements on alerts, the events they have taken in, and their cards.

use chrono::{DateTime, Utc};

use crate::model::TopicName;
use crate::store::alert::{AlertScan, AlertSpec};
use crate::store::digest::{AlertId, NewPost};
use crate::store::guild::GuildId;
use crate::store::statement::Statement;

/// The columns of an `AlertRow`.
pub(crate) const ALERT_COLUMNS: &str = "id, guild_id, topic, what, channel_id, delivery, role_id, \
     created_at, scan_seq, primed_at, next_post_at, paused_reason";

/// Creates or replaces the alert of a topic in a channel, resuming it.
pub(crate) fn save<'a>(guild: GuildId, spec: &'a AlertSpec, now: DateTime<Utc>) -> Statement<'a> {
    Statement::new(
        "save alert",
        "INSERT INTO alerts (guild_id, topic, what, channel_id, role_id, created_at, delivery) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (guild_id, topic, channel_id) DO UPDATE SET what = excluded.what, \
         delivery = excluded.delivery, \
         role_id = excluded.role_id, paused_reason = NULL, paused_at = NULL, \
         scan_seq = alerts.scan_seq + 1 RETURNING id",
    )
    .bind(guild.db())
    .bind(spec.topic.as_str())
    .bind(spec.scope.as_str())
    // Discord ids fit in 63 bits; the casts keep the bit pattern.
    .bind(spec.channel as i64)
    .bind(spec.ping.map(|r| r.0 as i64))
    .bind(now)
    .bind(spec.delivery.as_str())
}

pub(crate) fn of_guild(guild: GuildId) -> Statement<'static> {
    Statement::new(
        "guild alerts",
        format!(
            "SELECT {ALERT_COLUMNS} FROM alerts WHERE guild_id = $1 ORDER BY topic, channel_id"
        ),
    )
    .bind(guild.db())
}

pub(crate) fn active() -> Statement<'static> {
    Statement::new(
        "active alerts",
        format!("SELECT {ALERT_COLUMNS} FROM alerts WHERE paused_reason IS NULL ORDER BY id"),
    )
}

/// The events of the alerts about to be removed go first.
pub(crate) fn remove_seen<'a>(
    guild: GuildId,
    topic: &'a TopicName,
    channel: Option<u64>,
) -> Statement<'a> {
    Statement::new(
        "forget alert events",
        "DELETE FROM alert_seen WHERE alert_id IN (SELECT id FROM alerts WHERE guild_id = $1 \
         AND topic = $2 AND ($3 IS NULL OR channel_id = $3))",
    )
    .bind(guild.db())
    .bind(topic.as_str())
    .bind(channel.map(|c| c as i64))
}

pub(crate) fn remove<'a>(
    guild: GuildId,
    topic: &'a TopicName,
    channel: Option<u64>,
) -> Statement<'a> {
    Statement::new(
        "remove alerts",
        "DELETE FROM alerts WHERE guild_id = $1 AND topic = $2 AND ($3 IS NULL OR channel_id = $3)",
    )
    .bind(guild.db())
    .bind(topic.as_str())
    .bind(channel.map(|c| c as i64))
}

pub(crate) fn seen(alert: AlertId) -> Statement<'static> {
    Statement::new(
        "alert events",
        "SELECT event_key FROM alert_seen WHERE alert_id = $1",
    )
    .bind(alert.0)
}

/// The guard of a scan: the alert still has the sequence number read and is
/// not paused.
pub(crate) fn advance(scan: &AlertScan, now: DateTime<Utc>) -> Statement<'static> {
    Statement::new(
        "advance alert",
        "UPDATE alerts SET scan_seq = scan_seq + 1, primed_at = COALESCE(primed_at, $1), \
         next_post_at = COALESCE($2, next_post_at) \
         WHERE id = $3 AND scan_seq = $4 AND paused_reason IS NULL",
    )
    .bind(now)
    .bind(scan.next_post_at)
    .bind(scan.alert.0)
    .bind(scan.expected_seq)
}

pub(crate) fn see<'a>(alert: AlertId, key: &'a str, now: DateTime<Utc>) -> Statement<'a> {
    Statement::new(
        "record alert event",
        "INSERT INTO alert_seen (alert_id, event_key, seen_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(alert.0)
    .bind(key)
    .bind(now)
}

/// A card, due now, in the digests' outbox.
pub(crate) fn queue_card<'a>(
    scan: &AlertScan,
    post: &'a NewPost,
    now: DateTime<Utc>,
) -> Statement<'a> {
    Statement::new(
        "queue alert card",
        "INSERT INTO digest_outbox (alert_id, guild_id, channel_id, run_at, covers_from, covers_until, \
         nonce, payload, next_attempt_at, created_at, delivery) \
         VALUES ($1, $2, $3, $4, $4, $4, $5, $6, $4, $4, $7) ON CONFLICT DO NOTHING",
    )
    .bind(scan.alert.0)
    .bind(scan.guild.db())
    .bind(scan.channel as i64)
    .bind(now)
    .bind(post.nonce.as_str())
    .bind(post.payload.as_str())
    .bind(post.delivery.as_str())
}
