//! Alerts: a server follows a topic in a channel and gets one card per new
//! development (see `crate::alerts`). The store keeps each alert, the events it
//! has taken in, and queues its cards in the digests' outbox, so they are
//! delivered by the same sender, exactly once.
//!
//! A scan commits in one transaction guarded by the alert's `scan_seq`: the
//! events it saw, the card (if any) and the earliest time of the next card. Two
//! scanners that read the same state cannot both commit, so no event is posted
//! twice.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use super::digest::{AlertId, Delivery, NewPost, RoleId};
use super::guild::GuildId;
use crate::model::TopicName;

/// Which developments an alert posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AlertScope {
    /// Meetings held, newly planned or called off.
    Meetings,
    /// Pending items done, dropped or newly overdue.
    Pending,
    #[default]
    All,
}

impl AlertScope {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertScope::Meetings => "meetings",
            AlertScope::Pending => "pending",
            AlertScope::All => "all",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<Self, StoreError> {
        match s {
            "meetings" => Ok(AlertScope::Meetings),
            "pending" => Ok(AlertScope::Pending),
            "all" => Ok(AlertScope::All),
            other => Err(StoreError::Corrupt {
                what: "alert scope",
                detail: other.to_string(),
            }),
        }
    }
}

/// What a moderator configures with `/alert add`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertSpec {
    pub topic: TopicName,
    pub scope: AlertScope,
    pub channel: u64,
    /// A message in the channel or thread, or a post of the forum per card.
    pub delivery: Delivery,
    /// The one role a card pings, if any (never @everyone).
    pub ping: Option<RoleId>,
}

/// An alert with its scanner state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub id: AlertId,
    pub guild: GuildId,
    pub spec: AlertSpec,
    pub created_at: DateTime<Utc>,
    /// The guard of the next scan's commit.
    pub scan_seq: i64,
    /// Whether a first scan recorded what was already there (without posting).
    pub primed: bool,
    /// No card before this time.
    pub next_post_at: Option<DateTime<Utc>>,
    pub paused_reason: Option<String>,
}

/// One scan's decision for one alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertScan {
    pub alert: AlertId,
    pub guild: GuildId,
    pub channel: u64,
    /// The `scan_seq` the scanner read: the guard.
    pub expected_seq: i64,
    /// Event keys taken in by this scan (posted, or seen without posting).
    pub seen: Vec<String>,
    /// The card, when something is to be posted.
    pub post: Option<NewPost>,
    /// The earliest time of the next card, when this scan posts one.
    pub next_post_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait AlertStore: Send + Sync {
    /// Creates or replaces the alert of `spec.topic` in `spec.channel` (a paused
    /// one resumes). The events it has already taken in stay taken.
    async fn save_alert(
        &self,
        guild: GuildId,
        spec: &AlertSpec,
        now: DateTime<Utc>,
    ) -> Result<AlertId, StoreError>;

    /// One server's alerts, by topic and channel.
    async fn guild_alerts(&self, guild: GuildId) -> Result<Vec<Alert>, StoreError>;

    /// Removes a server's alerts on `topic` (in `channel`, or in every channel)
    /// and what they had seen; returns how many.
    async fn remove_alerts(
        &self,
        guild: GuildId,
        topic: &TopicName,
        channel: Option<u64>,
    ) -> Result<u64, StoreError>;

    /// Every alert that is not paused, oldest first.
    async fn active_alerts(&self) -> Result<Vec<Alert>, StoreError>;

    /// The event keys an alert has taken in.
    async fn seen_events(&self, alert: AlertId) -> Result<Vec<String>, StoreError>;

    /// Applies a scan in one transaction (see the module doc); false, changing
    /// nothing, when another scan or a moderator changed the alert first.
    async fn commit_scan(&self, scan: &AlertScan, now: DateTime<Utc>) -> Result<bool, StoreError>;
}
