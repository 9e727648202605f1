//! The rows of `digests` and `digest_outbox`.

use sqlx::FromRow;
use sqlx::types::Json;

use crate::store::StoreError;
use crate::store::digest::{
    AlertId, Delivery, DigestId, DigestSchedule, DigestSpec, OutboxPost, PostOwner, PostStatus,
    RoleId, cadence_from_columns, topic_names, zone_from_column,
};
use crate::store::guild::GuildId;
use crate::store::stored::{ClockTime, StoredTime};

/// A `digests` row (the columns of `sql::digests::SCHEDULE_COLUMNS`).
#[derive(Debug, FromRow)]
pub(crate) struct ScheduleRow {
    id: i64,
    guild_id: i64,
    channel_id: i64,
    time_of_day: ClockTime,
    timezone: String,
    topics: Json<Vec<String>>,
    cadence: String,
    /// `smallint` in PostgreSQL, so `i16` on both sides.
    weekday: Option<i16>,
    cron: Option<String>,
    skip_empty: bool,
    next_run_at: Option<StoredTime>,
    covered_until: Option<StoredTime>,
    paused_reason: Option<String>,
    paused_at: Option<StoredTime>,
    created_at: StoredTime,
    delivery: String,
    role_id: Option<i64>,
    timeline: bool,
}

impl TryFrom<ScheduleRow> for DigestSchedule {
    type Error = StoreError;

    fn try_from(r: ScheduleRow) -> Result<Self, StoreError> {
        Ok(DigestSchedule {
            id: DigestId(r.id),
            // Discord ids fit in 63 bits; the casts keep the bit pattern.
            guild: GuildId(r.guild_id as u64),
            spec: DigestSpec {
                channel: r.channel_id as u64,
                delivery: Delivery::parse(&r.delivery)?,
                ping: r.role_id.map(|id| RoleId(id as u64)),
                cadence: cadence_from_columns(&r.cadence, r.weekday, r.cron, r.time_of_day)?,
                timezone: zone_from_column(&r.timezone)?,
                topics: topic_names(&r.topics.0)?,
                skip_empty: r.skip_empty,
                timeline: r.timeline,
            },
            next_run_at: r.next_run_at.map(StoredTime::utc),
            covered_until: r.covered_until.map(StoredTime::utc),
            paused_reason: r.paused_reason,
            paused_at: r.paused_at.map(StoredTime::utc),
            created_at: r.created_at.utc(),
        })
    }
}

/// A `digest_outbox` row (the columns of `sql::digests::OUTBOX_COLUMNS`).
#[derive(Debug, FromRow)]
pub(crate) struct OutboxRow {
    id: i64,
    digest_id: Option<i64>,
    alert_id: Option<i64>,
    guild_id: i64,
    channel_id: i64,
    delivery: String,
    run_at: StoredTime,
    covers_from: StoredTime,
    covers_until: StoredTime,
    nonce: String,
    payload: String,
    status: String,
    /// `integer` in PostgreSQL, so `i32` on both sides.
    attempts: i32,
    next_attempt_at: StoredTime,
    last_error: Option<String>,
    message_id: Option<String>,
    sent_at: Option<StoredTime>,
    attachment: Option<Vec<u8>>,
}

impl TryFrom<OutboxRow> for OutboxPost {
    type Error = StoreError;

    fn try_from(r: OutboxRow) -> Result<Self, StoreError> {
        Ok(OutboxPost {
            id: r.id,
            owner: match (r.digest_id, r.alert_id) {
                (Some(d), None) => PostOwner::Digest(DigestId(d)),
                (None, Some(a)) => PostOwner::Alert(AlertId(a)),
                (d, a) => {
                    return Err(StoreError::Corrupt {
                        what: "outbox owner",
                        detail: format!("digest {d:?}, alert {a:?}"),
                    });
                }
            },
            guild: GuildId(r.guild_id as u64),
            channel: r.channel_id as u64,
            delivery: Delivery::parse(&r.delivery)?,
            run_at: r.run_at.utc(),
            covers_from: r.covers_from.utc(),
            covers_until: r.covers_until.utc(),
            nonce: r.nonce,
            payload: r.payload,
            status: PostStatus::parse(&r.status)?,
            attempts: i64::from(r.attempts),
            next_attempt_at: r.next_attempt_at.utc(),
            last_error: r.last_error,
            message_id: r.message_id,
            sent_at: r.sent_at.map(StoredTime::utc),
            attachment: r.attachment,
        })
    }
}

/// Posts in the order `claim_outbox` promises (`RETURNING` has none of its
/// own): soonest attempt first.
pub(crate) fn attempt_order(rows: Vec<OutboxRow>) -> Result<Vec<OutboxPost>, StoreError> {
    let mut posts = rows
        .into_iter()
        .map(OutboxPost::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    posts.sort_by_key(|p| (p.next_attempt_at, p.id));
    Ok(posts)
}
