//! `GuildStore` on any backend.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::model::{ActorName, TopicName};
use crate::store::backend::Backend;
use crate::store::guild::{GuildFeed, GuildId, GuildSettings, GuildStore};
use crate::store::rows::GuildFeedRow;
use crate::store::sql::guild as sql;
use crate::store::{FeedId, StoreError};

#[async_trait]
impl<B: Backend> GuildStore for B {
    async fn follow_feed(
        &self,
        guild: GuildId,
        feed: FeedId,
        topic: Option<&TopicName>,
        added_by: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let upsert = sql::follow_feed(guild, feed, topic, added_by, now);
        self.upsert_guild_feed(guild, feed, upsert).await
    }

    async fn unfollow_feed(&self, guild: GuildId, url: &str) -> Result<bool, StoreError> {
        Ok(self.execute(&sql::unfollow_feed(guild, url)).await? > 0)
    }

    async fn guild_feeds(&self, guild: GuildId) -> Result<Vec<GuildFeed>, StoreError> {
        let rows: Vec<GuildFeedRow> = self.fetch_all(&sql::feeds_of(guild)).await?;
        rows.into_iter().map(GuildFeed::try_from).collect()
    }

    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let role: Option<(Option<i64>,)> = self.fetch_optional(&sql::moderator_role(guild)).await?;
        Ok(GuildSettings {
            // Discord ids fit in 63 bits; the cast keeps the bit pattern.
            moderator_role: role.and_then(|(r,)| r).map(|r| r as u64),
        })
    }

    async fn set_moderator_role(
        &self,
        guild: GuildId,
        role: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.execute(&sql::set_moderator_role(guild, role, now))
            .await
            .map(drop)
    }

    async fn remove_digests(
        &self,
        guild: GuildId,
        channel: Option<u64>,
    ) -> Result<u64, StoreError> {
        self.execute(&sql::remove_digests(guild, channel)).await
    }

    async fn known_actors(&self, needle: &str, limit: usize) -> Result<Vec<ActorName>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let names = self
            .select_known_actors(&like_pattern(needle), limit)
            .await?;
        Ok(names.iter().filter_map(|n| ActorName::new(n)).collect())
    }
}

/// A LIKE pattern matching `needle` anywhere, with `\` as the escape character so
/// that `%` and `_` typed by a user match themselves.
fn like_pattern(needle: &str) -> String {
    format!(
        "%{}%",
        needle
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_wildcards_match_themselves() {
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
