//! `GuildStore` on SQLite (tables from `0002_guilds.sql`). Every query filters on
//! `guild_id`, which is what keeps servers apart.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{SqliteStore, feed_from_row};
use crate::model::{ActorName, TopicName};
use crate::store::guild::{GuildFeed, GuildId, GuildSettings, GuildStore};
use crate::store::{FeedId, QueryContext, StoreError, from_ts, ts};

fn corrupt(what: &'static str, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: detail.to_string(),
    }
}

#[async_trait]
impl GuildStore for SqliteStore {
    async fn follow_feed(
        &self,
        guild: GuildId,
        feed: FeedId,
        topic: Option<&TopicName>,
        added_by: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let existed: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM guild_feeds WHERE guild_id = ? AND feed_id = ?")
                .bind(guild.db())
                .bind(feed.0)
                .fetch_optional(self.pool())
                .await
                .ctx("guild feed exists")?;
        sqlx::query(
            "INSERT INTO guild_feeds (guild_id, feed_id, topic, added_at, added_by) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT (guild_id, feed_id) DO UPDATE SET topic = excluded.topic",
        )
        .bind(guild.db())
        .bind(feed.0)
        .bind(topic.map(TopicName::as_str))
        .bind(ts(now))
        .bind(added_by.map(|u| u as i64))
        .execute(self.pool())
        .await
        .ctx("follow feed")?;
        Ok(existed.is_none())
    }

    async fn unfollow_feed(&self, guild: GuildId, url: &str) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "DELETE FROM guild_feeds WHERE guild_id = ? AND feed_id = (SELECT id FROM feeds WHERE url = ?)",
        )
        .bind(guild.db())
        .bind(url)
        .execute(self.pool())
        .await
        .ctx("unfollow feed")?
        .rows_affected();
        Ok(n > 0)
    }

    async fn guild_feeds(&self, guild: GuildId) -> Result<Vec<GuildFeed>, StoreError> {
        let rows = sqlx::query(
            "SELECT f.id, f.url, f.title, f.added_at, f.etag, f.last_modified, f.body_hash, f.last_fetch_at, \
             f.last_success_at, f.last_error, f.failing_since, f.paused_reason, f.next_fetch_at, f.interval_secs, \
             f.primed, g.topic AS g_topic, g.added_at AS g_added_at, g.added_by AS g_added_by \
             FROM guild_feeds g JOIN feeds f ON f.id = g.feed_id WHERE g.guild_id = ? ORDER BY g.added_at, f.id",
        )
        .bind(guild.db())
        .fetch_all(self.pool())
        .await
        .ctx("guild feeds")?;
        rows.iter()
            .map(|r| {
                let topic: Option<String> = r.get("g_topic");
                Ok(GuildFeed {
                    feed: feed_from_row(r),
                    topic: topic
                        .map(|t| TopicName::parse(&t).map_err(|e| corrupt("guild feed topic", e)))
                        .transpose()?,
                    added_at: from_ts(r.get("g_added_at")),
                    added_by: r.get::<Option<i64>, _>("g_added_by").map(|u| u as u64),
                })
            })
            .collect()
    }

    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let role: Option<Option<i64>> =
            sqlx::query_scalar("SELECT moderator_role FROM guild_settings WHERE guild_id = ?")
                .bind(guild.db())
                .fetch_optional(self.pool())
                .await
                .ctx("guild settings")?;
        Ok(GuildSettings {
            moderator_role: role.flatten().map(|r| r as u64),
        })
    }

    async fn set_moderator_role(
        &self,
        guild: GuildId,
        role: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, moderator_role, updated_at) VALUES (?, ?, ?) \
             ON CONFLICT (guild_id) DO UPDATE SET moderator_role = excluded.moderator_role, updated_at = excluded.updated_at",
        )
        .bind(guild.db())
        .bind(role.map(|r| r as i64))
        .bind(ts(now))
        .execute(self.pool())
        .await
        .ctx("set moderator role")?;
        Ok(())
    }

    async fn remove_digests(
        &self,
        guild: GuildId,
        channel: Option<u64>,
    ) -> Result<u64, StoreError> {
        let n =
            sqlx::query("DELETE FROM digests WHERE guild_id = ? AND (? IS NULL OR channel_id = ?)")
                .bind(guild.db())
                .bind(channel.map(|c| c as i64))
                .bind(channel.map(|c| c as i64))
                .execute(self.pool())
                .await
                .ctx("remove digests")?
                .rows_affected();
        Ok(n)
    }

    async fn known_actors(&self, needle: &str, limit: usize) -> Result<Vec<ActorName>, StoreError> {
        // LIKE with our own escape character, so `%` and `_` typed by a user match
        // themselves.
        let pattern = format!(
            "%{}%",
            needle
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM ( \
                 SELECT speaker AS name FROM statements \
                 UNION ALL SELECT j.value AS name FROM meetings, json_each(meetings.participants) j \
                 UNION ALL SELECT j.value AS name FROM pending, json_each(pending.actors) j \
             ) WHERE name LIKE ? ESCAPE '\\' GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT ?",
        )
        .bind(pattern)
        .bind(limit as i64)
        .fetch_all(self.pool())
        .await
        .ctx("known actors")?;
        Ok(names.iter().filter_map(|n| ActorName::new(n)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ContentStore;

    async fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let s = SqliteStore::open(&url).await.unwrap();
        (dir, s)
    }

    #[tokio::test]
    async fn servers_see_only_their_own_feeds_and_settings() {
        let (_d, s) = store().await;
        let now = Utc::now();
        let (a, b) = (GuildId(1), GuildId(2));
        let f = s.add_feed("https://example.org/rss", now).await.unwrap();
        assert!(s.follow_feed(b, f.id, None, Some(7), now).await.unwrap());
        assert!(!s.follow_feed(b, f.id, None, Some(7), now).await.unwrap());
        assert!(s.guild_feeds(a).await.unwrap().is_empty());
        assert!(!s.unfollow_feed(a, "https://example.org/rss").await.unwrap());
        assert_eq!(s.guild_feeds(b).await.unwrap().len(), 1);

        s.set_moderator_role(b, Some(42), now).await.unwrap();
        assert_eq!(s.guild_settings(a).await.unwrap().moderator_role, None);
        assert_eq!(s.guild_settings(b).await.unwrap().moderator_role, Some(42));

        assert_eq!(s.remove_digests(a, None).await.unwrap(), 0);
        assert!(s.unfollow_feed(b, "https://example.org/rss").await.unwrap());
    }
}
