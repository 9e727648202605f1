//! `GuildStore` on PostgreSQL (tables from `migrations/postgres/0002_guilds.sql`).
//! Every query filters on `guild_id`, which is what keeps servers apart. Same
//! answers as the SQLite implementation: digest times to the minute, names
//! ordered by code point (`COLLATE "C"`, SQLite's binary order) whatever the
//! database's collation.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::postgres::PgRow;

use super::{FEED_COLUMNS, PostgresStore, feed_from_row, retry, whole_seconds};
use crate::model::{ActorName, TopicName};
use crate::store::guild::{GuildFeed, GuildId, GuildSettings, GuildStore};
use crate::store::{FeedId, QueryContext, StoreError};

fn corrupt(what: &'static str, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: detail.to_string(),
    }
}

fn guild_feed_from_row(r: &PgRow) -> Result<GuildFeed, StoreError> {
    let topic: Option<String> = r.try_get("g_topic").ctx("decode guild feed")?;
    Ok(GuildFeed {
        feed: feed_from_row(r).ctx("decode guild feed")?,
        topic: topic
            .map(|t| TopicName::parse(&t).map_err(|e| corrupt("guild feed topic", e)))
            .transpose()?,
        added_at: r.try_get("g_added_at").ctx("decode guild feed")?,
        added_by: r
            .try_get::<Option<i64>, _>("g_added_by")
            .ctx("decode guild feed")?
            .map(|u| u as u64),
    })
}

impl PostgresStore {
    /// Follows a feed (or refiles it under a new topic); true when it is new.
    /// `xmax = 0` tells an inserted row from an updated one in one statement.
    async fn upsert_guild_feed(
        &self,
        guild: GuildId,
        feed: FeedId,
        topic: Option<&TopicName>,
        added_by: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        sqlx::query_scalar(
            "INSERT INTO guild_feeds (guild_id, feed_id, topic, added_at, added_by) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (guild_id, feed_id) DO UPDATE SET topic = excluded.topic RETURNING (xmax = 0)",
        )
        .bind(guild.db())
        .bind(feed.0)
        .bind(topic.map(TopicName::as_str))
        .bind(whole_seconds(now))
        .bind(added_by.map(|u| u as i64))
        .fetch_one(&self.pool)
        .await
        .ctx("follow feed")
    }

    /// Stops one server following a feed by URL.
    async fn delete_guild_feed(&self, guild: GuildId, url: &str) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "DELETE FROM guild_feeds WHERE guild_id = $1 AND feed_id = (SELECT id FROM feeds WHERE url = $2)",
        )
        .bind(guild.db())
        .bind(url)
        .execute(&self.pool)
        .await
        .ctx("unfollow feed")?
        .rows_affected();
        Ok(n > 0)
    }

    /// A server's feeds with their shared health, oldest follow first.
    async fn select_guild_feeds(&self, guild: GuildId) -> Result<Vec<GuildFeed>, StoreError> {
        let columns = FEED_COLUMNS
            .split(", ")
            .map(|c| format!("f.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = sqlx::query(&format!(
            "SELECT {columns}, g.topic AS g_topic, g.added_at AS g_added_at, g.added_by AS g_added_by \
             FROM guild_feeds g JOIN feeds f ON f.id = g.feed_id WHERE g.guild_id = $1 ORDER BY g.added_at, f.id"
        ))
        .bind(guild.db())
        .fetch_all(&self.pool)
        .await
        .ctx("guild feeds")?;
        rows.iter().map(guild_feed_from_row).collect()
    }

    /// A server's moderator role, if it set one.
    async fn select_moderator_role(&self, guild: GuildId) -> Result<Option<i64>, StoreError> {
        let role: Option<Option<i64>> =
            sqlx::query_scalar("SELECT moderator_role FROM guild_settings WHERE guild_id = $1")
                .bind(guild.db())
                .fetch_optional(&self.pool)
                .await
                .ctx("guild settings")?;
        Ok(role.flatten())
    }

    /// Sets or clears a server's moderator role.
    async fn upsert_moderator_role(
        &self,
        guild: GuildId,
        role: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, moderator_role, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (guild_id) DO UPDATE SET moderator_role = excluded.moderator_role, \
             updated_at = excluded.updated_at",
        )
        .bind(guild.db())
        .bind(role.map(|r| r as i64))
        .bind(whole_seconds(now))
        .execute(&self.pool)
        .await
        .ctx("set moderator role")?;
        Ok(())
    }

    /// Deletes one channel's digest, or all of a server's.
    async fn delete_digests(
        &self,
        guild: GuildId,
        channel: Option<u64>,
    ) -> Result<u64, StoreError> {
        let n = sqlx::query(
            "DELETE FROM digests WHERE guild_id = $1 AND ($2::bigint IS NULL OR channel_id = $2)",
        )
        .bind(guild.db())
        .bind(channel.map(|c| c as i64))
        .execute(&self.pool)
        .await
        .ctx("remove digests")?
        .rows_affected();
        Ok(n)
    }

    /// Names of speakers, participants and pending actors containing `pattern`
    /// (a LIKE pattern with `\` escapes), most mentioned first.
    async fn select_known_actors(
        &self,
        pattern: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT name FROM ( \
                 SELECT speaker AS name FROM statements \
                 UNION ALL SELECT jsonb_array_elements_text(participants) FROM meetings \
                 UNION ALL SELECT jsonb_array_elements_text(actors) FROM pending \
             ) n WHERE name ILIKE $1 ESCAPE '\\' GROUP BY name ORDER BY COUNT(*) DESC, name COLLATE \"C\" LIMIT $2",
        )
        .bind(pattern)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .ctx("known actors")
    }
}

#[async_trait]
impl GuildStore for PostgresStore {
    async fn follow_feed(
        &self,
        guild: GuildId,
        feed: FeedId,
        topic: Option<&TopicName>,
        added_by: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        retry::transient("follow feed", || {
            self.upsert_guild_feed(guild, feed, topic, added_by, now)
        })
        .await
    }

    async fn unfollow_feed(&self, guild: GuildId, url: &str) -> Result<bool, StoreError> {
        retry::transient("unfollow feed", || self.delete_guild_feed(guild, url)).await
    }

    async fn guild_feeds(&self, guild: GuildId) -> Result<Vec<GuildFeed>, StoreError> {
        retry::transient("guild feeds", || self.select_guild_feeds(guild)).await
    }

    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let role = retry::transient("guild settings", || self.select_moderator_role(guild)).await?;
        Ok(GuildSettings {
            moderator_role: role.map(|r| r as u64),
        })
    }

    async fn set_moderator_role(
        &self,
        guild: GuildId,
        role: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        retry::transient("set moderator role", || {
            self.upsert_moderator_role(guild, role, now)
        })
        .await
    }

    async fn remove_digests(
        &self,
        guild: GuildId,
        channel: Option<u64>,
    ) -> Result<u64, StoreError> {
        retry::transient("remove digests", || self.delete_digests(guild, channel)).await
    }

    async fn known_actors(&self, needle: &str, limit: usize) -> Result<Vec<ActorName>, StoreError> {
        // Our own escape character, so `%` and `_` typed by a user match themselves.
        let pattern = format!(
            "%{}%",
            needle
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let names =
            retry::transient("known actors", || self.select_known_actors(&pattern, limit)).await?;
        Ok(names.iter().filter_map(|n| ActorName::new(n)).collect())
    }
}
