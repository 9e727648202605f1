//! Statements on one Discord server's settings. Every one filters on
//! `guild_id`, which is what keeps servers apart.

use chrono::{DateTime, Utc};

use super::{feeds, qualified};
use crate::model::TopicName;
use crate::store::FeedId;
use crate::store::guild::GuildId;
use crate::store::statement::Statement;

/// Follows a feed, or files it under a new topic when the server already does.
/// PostgreSQL adds `RETURNING` to tell the two apart (see `Backend`).
pub(crate) fn follow_feed<'a>(
    guild: GuildId,
    feed: FeedId,
    topic: Option<&'a TopicName>,
    added_by: Option<u64>,
    now: DateTime<Utc>,
) -> Statement<'a> {
    Statement::new(
        "follow feed",
        "INSERT INTO guild_feeds (guild_id, feed_id, topic, added_at, added_by) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (guild_id, feed_id) DO UPDATE SET topic = excluded.topic",
    )
    .bind(guild.db())
    .bind(feed.0)
    .bind(topic.map(TopicName::as_str))
    .bind(now)
    // Discord ids fit in 63 bits; the cast keeps the bit pattern.
    .bind(added_by.map(|u| u as i64))
}

/// Stops the server following the feed at `url`.
pub(crate) fn unfollow_feed(guild: GuildId, url: &str) -> Statement<'_> {
    Statement::new(
        "unfollow feed",
        "DELETE FROM guild_feeds WHERE guild_id = $1 AND feed_id = (SELECT id FROM feeds WHERE url = $2)",
    )
    .bind(guild.db())
    .bind(url)
}

/// The server's feeds with their shared health, oldest follow first.
pub(crate) fn feeds_of(guild: GuildId) -> Statement<'static> {
    Statement::new(
        "guild feeds",
        format!(
            "SELECT {}, g.topic AS g_topic, g.added_at AS g_added_at, g.added_by AS g_added_by \
             FROM guild_feeds g JOIN feeds f ON f.id = g.feed_id WHERE g.guild_id = $1 \
             ORDER BY g.added_at, f.id",
            qualified("f", feeds::COLUMNS)
        ),
    )
    .bind(guild.db())
}

/// The server's moderator role (a row only when it changed a setting).
pub(crate) fn moderator_role(guild: GuildId) -> Statement<'static> {
    Statement::new(
        "guild settings",
        "SELECT moderator_role FROM guild_settings WHERE guild_id = $1",
    )
    .bind(guild.db())
}

/// Sets or clears the server's moderator role.
pub(crate) fn set_moderator_role(
    guild: GuildId,
    role: Option<u64>,
    now: DateTime<Utc>,
) -> Statement<'static> {
    Statement::new(
        "set moderator role",
        "INSERT INTO guild_settings (guild_id, moderator_role, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (guild_id) DO UPDATE SET moderator_role = excluded.moderator_role, \
         updated_at = excluded.updated_at",
    )
    .bind(guild.db())
    .bind(role.map(|r| r as i64))
    .bind(now)
}

/// Deletes one channel's digest, or all of the server's (`None`).
pub(crate) fn remove_digests(guild: GuildId, channel: Option<u64>) -> Statement<'static> {
    Statement::new(
        "remove digests",
        "DELETE FROM digests WHERE guild_id = $1 AND ($2 IS NULL OR channel_id = $2)",
    )
    .bind(guild.db())
    .bind(channel.map(|c| c as i64))
}
