-- Per-server settings. Every table is keyed by the Discord guild id, so one server
-- can never read or change another's; the global `feeds` table stays shared, so one
-- fetch of a URL serves every server that follows it.

-- Which server follows which feed, and under which topic (optional).
CREATE TABLE guild_feeds (
    guild_id  INTEGER NOT NULL,
    feed_id   INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    topic     TEXT,
    added_at  INTEGER NOT NULL,
    -- the Discord user who added it, for moderators asking "who added this?"
    added_by  INTEGER,
    PRIMARY KEY (guild_id, feed_id)
);
CREATE INDEX guild_feeds_feed ON guild_feeds (feed_id);

-- One row per server that changed a setting; absent means the defaults.
CREATE TABLE guild_settings (
    guild_id        INTEGER PRIMARY KEY,
    -- members with this role count as moderators besides those with Manage Server
    moderator_role  INTEGER,
    updated_at      INTEGER NOT NULL
);

-- Daily digests: a local time of day and an IANA zone, kept apart (not a
-- precomputed UTC instant) so daylight-saving changes move the UTC time. A scheduler
-- adds its own columns (e.g. `next_run_at`) in a later migration; rows have a stable
-- integer id for the outbox to reference.
CREATE TABLE digests (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    -- 'HH:MM', 24-hour, local to `timezone`
    time_of_day TEXT    NOT NULL,
    -- IANA zone name, e.g. 'Europe/Paris'
    timezone    TEXT    NOT NULL,
    -- JSON array of topic names; empty means every topic the server follows
    topics      TEXT    NOT NULL DEFAULT '[]',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (guild_id, channel_id)
);
