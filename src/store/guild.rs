//! What each Discord server configures: the feeds it follows, its moderator role,
//! its digests; plus the actor names the bot offers in autocomplete.
//!
//! Every method takes the server's `GuildId` and touches only that server's rows,
//! so no command can read or change another server's settings. Feeds themselves
//! stay global (`ContentStore::add_feed`): one fetch of a URL serves every server
//! that follows it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{FeedId, FeedRecord, StoreError};
use crate::model::{ActorName, TopicName};

/// A Discord server (guild) id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GuildId(pub u64);

impl GuildId {
    /// The column value: Discord ids fit in 63 bits; the cast keeps the bit pattern.
    pub(crate) fn db(self) -> i64 {
        self.0 as i64
    }
}

/// A feed as one server follows it, with the shared health record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildFeed {
    pub feed: FeedRecord,
    /// The topic the moderator filed it under, if any.
    pub topic: Option<TopicName>,
    pub added_at: DateTime<Utc>,
    pub added_by: Option<u64>,
}

/// A server's settings; `Default` is what a server that changed nothing gets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuildSettings {
    /// Members with this role are moderators besides those with Manage Server.
    pub moderator_role: Option<u64>,
}

/// Per-server configuration (see the module doc).
#[async_trait]
pub trait GuildStore: Send + Sync {
    /// Makes `guild` follow an existing feed. Returns false when it already did (the
    /// topic is then updated).
    async fn follow_feed(
        &self,
        guild: GuildId,
        feed: FeedId,
        topic: Option<&TopicName>,
        added_by: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Stops `guild` following the feed at `url`; other servers keep it. Returns
    /// false when this server did not follow it.
    async fn unfollow_feed(&self, guild: GuildId, url: &str) -> Result<bool, StoreError>;
    /// The feeds `guild` follows, oldest first.
    async fn guild_feeds(&self, guild: GuildId) -> Result<Vec<GuildFeed>, StoreError>;

    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError>;
    /// Sets or clears (`None`) the moderator role.
    async fn set_moderator_role(
        &self,
        guild: GuildId,
        role: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Removes the digest of one channel, or all of the server's digests (`None`).
    /// Returns how many were removed.
    async fn remove_digests(&self, guild: GuildId, channel: Option<u64>)
    -> Result<u64, StoreError>;

    /// Speakers and meeting participants whose name contains `needle` (case
    /// insensitive), most frequently mentioned first: the person autocomplete.
    async fn known_actors(&self, needle: &str, limit: usize) -> Result<Vec<ActorName>, StoreError>;
}
