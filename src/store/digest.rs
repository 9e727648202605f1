//! Digest schedules and the outbox of digest posts.
//!
//! The scheduler and the sender meet only here. The scheduler writes a post and
//! moves its schedule forward in one transaction ([`DigestStore::commit_run`]), and
//! that transaction only succeeds when the schedule still has the run it read, so
//! two schedulers (two processes on one PostgreSQL database) cannot both take it.
//! The sender claims posts with a lease ([`DigestStore::claim_outbox`]): while a
//! lease runs no other sender takes the row, and when a sender dies its lease
//! simply runs out. A row is marked sent only after Discord accepted it; a resend
//! after a crash carries the same nonce, which Discord de-duplicates.

use async_trait::async_trait;
use chrono::{DateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::StoreError;
use super::guild::GuildId;
use super::stored::ClockTime;
use crate::model::TopicName;

/// A digest row's id (the `digests` table of `0002_guilds.sql`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DigestId(pub i64);

/// When a digest falls due, in its time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cadence {
    /// Every day at a local time.
    Daily { time: NaiveTime },
    /// Once a week, on a day at a local time.
    Weekly { weekday: Weekday, time: NaiveTime },
    /// A cron expression (croner syntax, 5 or 6 fields), evaluated in local time.
    Cron(String),
}

/// How a digest reaches its channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delivery {
    /// A message in a text or announcement channel, or in a thread (a thread
    /// takes messages as a channel does).
    #[default]
    Message,
    /// A new post of a forum channel, titled with the topics and the date.
    ForumPost,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Message => "message",
            Delivery::ForumPost => "forum_post",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<Self, StoreError> {
        match s {
            "message" => Ok(Delivery::Message),
            "forum_post" => Ok(Delivery::ForumPost),
            other => Err(StoreError::Corrupt {
                what: "digest delivery",
                detail: other.to_string(),
            }),
        }
    }
}

/// A Discord role a digest pings. Never the server's @everyone role (whose id
/// is the server's): the command refuses it, so a stored one is a real role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoleId(pub u64);

/// What a moderator configures with `/digest set`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSpec {
    pub channel: u64,
    /// A message in the channel or thread, or a post of the forum.
    pub delivery: Delivery,
    /// The one role the digest pings, if any.
    pub ping: Option<RoleId>,
    pub cadence: Cadence,
    /// The zone the cadence is read in: parsed where a moderator typed it, stored
    /// by its IANA name, and parsed back once when the row is read.
    pub timezone: Tz,
    /// Empty: every topic the server follows.
    pub topics: Vec<TopicName>,
    /// Post nothing when nothing is new.
    pub skip_empty: bool,
    /// Attach the timeline picture of the digest's topics.
    pub timeline: bool,
}

/// A digest with its scheduler state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSchedule {
    pub id: DigestId,
    pub guild: GuildId,
    pub spec: DigestSpec,
    /// The next due time; `None` for a row the scheduler has not seen yet.
    pub next_run_at: Option<DateTime<Utc>>,
    /// Where the previous digest's window ended: the next one starts here.
    pub covered_until: Option<DateTime<Utc>>,
    /// Why the digest is paused (Discord refused the channel), if it is.
    pub paused_reason: Option<String>,
    pub paused_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A post to write to the outbox together with a schedule's advance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPost {
    pub nonce: String,
    /// What the payload is: a message body, or a forum post's.
    pub delivery: Delivery,
    /// The exact JSON body to POST to the channel.
    pub payload: String,
    /// A PNG sent with the body as its one file (the digest's timeline).
    pub attachment: Option<Vec<u8>>,
}

/// One scheduler decision: move `digest` from the run it read to `next_run_at`,
/// record the window covered, and queue `post` (none when skipped as empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestRun {
    pub digest: DigestId,
    pub guild: GuildId,
    pub channel: u64,
    /// The run the scheduler read (`None` for a row never scheduled): the guard.
    pub expected_next_run: Option<DateTime<Utc>>,
    /// The due time this run answers (the latest one passed, after downtime).
    pub run_at: DateTime<Utc>,
    pub next_run_at: DateTime<Utc>,
    pub covers_from: DateTime<Utc>,
    pub covers_until: DateTime<Utc>,
    pub post: Option<NewPost>,
}

/// Where an outbox row stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostStatus {
    Pending,
    Sent,
    Failed,
}

impl PostStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Pending => "pending",
            PostStatus::Sent => "sent",
            PostStatus::Failed => "failed",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<Self, StoreError> {
        match s {
            "pending" => Ok(PostStatus::Pending),
            "sent" => Ok(PostStatus::Sent),
            "failed" => Ok(PostStatus::Failed),
            other => Err(StoreError::Corrupt {
                what: "outbox status",
                detail: other.to_string(),
            }),
        }
    }
}

/// An alert row's id (the `alerts` table of `0008_alerts.sql`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AlertId(pub i64);

/// What an outbox post is for: one run of a digest, or one batch of an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostOwner {
    Digest(DigestId),
    Alert(AlertId),
}

/// An outbox row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxPost {
    pub id: i64,
    pub owner: PostOwner,
    pub guild: GuildId,
    pub channel: u64,
    pub delivery: Delivery,
    pub run_at: DateTime<Utc>,
    pub covers_from: DateTime<Utc>,
    pub covers_until: DateTime<Utc>,
    pub nonce: String,
    pub payload: String,
    pub status: PostStatus,
    /// Delivery attempts so far (each claim counts one).
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub message_id: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    /// The PNG sent with the body, if any.
    pub attachment: Option<Vec<u8>>,
}

/// Digest schedules and their outbox (see the module doc).
#[async_trait]
pub trait DigestStore: Send + Sync {
    /// Creates or replaces the digest of `spec.channel` in one statement: cadence,
    /// zone, topics and options, the first due time, and no pause (setting a paused
    /// digest again is how a moderator resumes it).
    async fn save_digest(
        &self,
        guild: GuildId,
        spec: &DigestSpec,
        next_run_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<DigestId, StoreError>;

    /// One server's digests with their state, by channel.
    async fn digest_schedules(&self, guild: GuildId) -> Result<Vec<DigestSchedule>, StoreError>;

    /// Digests that are not paused and due at `now` (or never scheduled), oldest
    /// due first, at most `limit`.
    async fn due_digests(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<DigestSchedule>, StoreError>;

    /// Applies a scheduler decision in one transaction: the schedule moves only if
    /// it still has `run.expected_next_run` and is not paused, and the post is
    /// queued only with it. Returns false (and changes nothing) when another
    /// scheduler, or a moderator, got there first.
    async fn commit_run(&self, run: &DigestRun, now: DateTime<Utc>) -> Result<bool, StoreError>;

    /// Takes up to `limit` pending posts due at `now` whose lease (if any) ran
    /// out, leasing them until `lease_until` and counting an attempt. Concurrent
    /// callers never get the same row while its lease runs. Pending posts of a
    /// digest that was turned off, or of an alert removed, are marked failed
    /// instead of being sent.
    async fn claim_outbox(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxPost>, StoreError>;

    /// Discord accepted the post.
    async fn mark_sent(
        &self,
        post: i64,
        message_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// A transient failure: try again at `next_attempt_at` (the lease is dropped).
    async fn retry_later(
        &self,
        post: i64,
        next_attempt_at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StoreError>;

    /// A refusal that retrying will not fix: the post is marked failed. With
    /// `pause`, its digest (or alert) is paused with that reason as well, and a
    /// digest's window the post covered is handed back, so the first digest after
    /// a resume covers it.
    async fn fail_post(
        &self,
        post: i64,
        error: &str,
        pause: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Outbox rows of one digest (or all, alerts' too), oldest first: for
    /// `/digest list`, operators and tests.
    async fn outbox(&self, digest: Option<DigestId>) -> Result<Vec<OutboxPost>, StoreError>;
}

/// A cadence as the columns store it: `(cadence, weekday, cron, time_of_day)`.
/// A cron digest keeps `time_of_day` at `00:00` (the column predates cron and is
/// not null); only `cron` matters for it.
pub(crate) fn cadence_columns(c: &Cadence) -> (&'static str, Option<i16>, Option<&str>, ClockTime) {
    match c {
        Cadence::Daily { time } => ("daily", None, None, ClockTime::from(*time)),
        Cadence::Weekly { weekday, time } => (
            "weekly",
            // 0..=6: Monday is 0.
            Some(weekday.num_days_from_monday() as i16),
            None,
            ClockTime::from(*time),
        ),
        Cadence::Cron(expr) => (
            "cron",
            None,
            Some(expr.as_str()),
            ClockTime::from(NaiveTime::MIN),
        ),
    }
}

/// The inverse of [`cadence_columns`].
pub(crate) fn cadence_from_columns(
    cadence: &str,
    weekday: Option<i16>,
    cron: Option<String>,
    time_of_day: ClockTime,
) -> Result<Cadence, StoreError> {
    let corrupt = |detail: String| StoreError::Corrupt {
        what: "digest cadence",
        detail,
    };
    let time = time_of_day.time();
    match cadence {
        "daily" => Ok(Cadence::Daily { time }),
        "weekly" => {
            let day = weekday
                .and_then(|d| u8::try_from(d).ok())
                .and_then(|d| Weekday::try_from(d).ok())
                .ok_or_else(|| corrupt(format!("weekday {weekday:?}")))?;
            Ok(Cadence::Weekly { weekday: day, time })
        }
        "cron" => cron
            .map(Cadence::Cron)
            .ok_or_else(|| corrupt("cron digest without an expression".into())),
        other => Err(corrupt(format!("cadence {other:?}"))),
    }
}

/// The zone of a stored row, from its IANA name; a name `chrono_tz` no longer
/// knows is a corrupt row, said with the name.
pub(crate) fn zone_from_column(name: &str) -> Result<Tz, StoreError> {
    name.parse().map_err(|_| StoreError::Corrupt {
        what: "digest time zone",
        detail: format!("{name:?} is not an IANA zone"),
    })
}

/// Topic names from the stored list.
pub(crate) fn topic_names(names: &[String]) -> Result<Vec<TopicName>, StoreError> {
    names
        .iter()
        .map(|t| {
            TopicName::parse(t).map_err(|e| StoreError::Corrupt {
                what: "digest topics",
                detail: e.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_zone_is_read_back_or_named_as_corrupt() {
        assert_eq!(
            zone_from_column("Europe/Paris").unwrap(),
            chrono_tz::Europe::Paris
        );
        let e = zone_from_column("Mars/Olympus_Mons").unwrap_err();
        assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
        assert!(e.to_string().contains("\"Mars/Olympus_Mons\""), "{e}");
    }
}
