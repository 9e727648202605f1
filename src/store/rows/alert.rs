//! The rows of `alerts`.

use sqlx::FromRow;

use crate::model::TopicName;
use crate::store::StoreError;
use crate::store::alert::{Alert, AlertScope, AlertSpec};
use crate::store::digest::{AlertId, Delivery, RoleId};
use crate::store::guild::GuildId;
use crate::store::stored::StoredTime;

/// An `alerts` row (the columns of `sql::alerts::ALERT_COLUMNS`).
#[derive(Debug, FromRow)]
pub(crate) struct AlertRow {
    id: i64,
    guild_id: i64,
    topic: String,
    what: String,
    channel_id: i64,
    delivery: String,
    role_id: Option<i64>,
    created_at: StoredTime,
    scan_seq: i64,
    primed_at: Option<StoredTime>,
    next_post_at: Option<StoredTime>,
    paused_reason: Option<String>,
}

impl TryFrom<AlertRow> for Alert {
    type Error = StoreError;

    fn try_from(r: AlertRow) -> Result<Self, StoreError> {
        let topic = TopicName::parse(&r.topic).map_err(|e| StoreError::Corrupt {
            what: "alert topic",
            detail: e.to_string(),
        })?;
        Ok(Alert {
            id: AlertId(r.id),
            // Discord ids fit in 63 bits; the casts keep the bit pattern.
            guild: GuildId(r.guild_id as u64),
            spec: AlertSpec {
                topic,
                scope: AlertScope::parse(&r.what)?,
                channel: r.channel_id as u64,
                delivery: Delivery::parse(&r.delivery)?,
                ping: r.role_id.map(|id| RoleId(id as u64)),
            },
            created_at: r.created_at.utc(),
            scan_seq: r.scan_seq,
            primed: r.primed_at.is_some(),
            next_post_at: r.next_post_at.map(StoredTime::utc),
            paused_reason: r.paused_reason,
        })
    }
}
