-- Alerts (issue #16, point 1): a server follows a topic in a channel, and each
-- development newly added to it (a meeting held, planned or called off; a
-- pending item done, dropped or newly overdue) is posted once, batched per
-- alert, through the same outbox as digests.

CREATE TABLE alerts (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    topic         TEXT    NOT NULL,
    -- 'meetings', 'pending' or 'all'
    what          TEXT    NOT NULL,
    channel_id    INTEGER NOT NULL,
    -- 'message' (a channel or thread) or 'forum_post' (a post per card)
    delivery      TEXT    NOT NULL DEFAULT 'message',
    -- the one role a card pings; NULL pings nobody
    role_id       INTEGER,
    created_at    INTEGER NOT NULL,
    -- bumped by every scan that commits: the guard that lets only one of two
    -- scanners record a batch
    scan_seq      INTEGER NOT NULL DEFAULT 0,
    -- set by the first scan, which records what is already there without posting
    primed_at     INTEGER,
    -- no card before this time (a burst waits and goes as one card)
    next_post_at  INTEGER,
    paused_reason TEXT,
    paused_at     INTEGER,
    UNIQUE (guild_id, topic, channel_id)
);

-- The developments an alert has taken in (posted, or seen when it started), by
-- a key that names the event, not the article: five reports of one meeting are
-- one key.
CREATE TABLE alert_seen (
    alert_id  INTEGER NOT NULL,
    event_key TEXT    NOT NULL,
    seen_at   INTEGER NOT NULL,
    PRIMARY KEY (alert_id, event_key)
);

-- The outbox gains a second kind of owner: a post belongs to a digest or to an
-- alert. SQLite cannot drop a NOT NULL, so the table is rebuilt.
CREATE TABLE digest_outbox_new (
    id              INTEGER PRIMARY KEY,
    digest_id       INTEGER,
    alert_id        INTEGER,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    run_at          INTEGER NOT NULL,
    covers_from     INTEGER NOT NULL,
    covers_until    INTEGER NOT NULL,
    nonce           TEXT    NOT NULL UNIQUE,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    message_id      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    delivery        TEXT    NOT NULL DEFAULT 'message',
    UNIQUE (digest_id, run_at),
    CHECK ((digest_id IS NULL) <> (alert_id IS NULL))
);
INSERT INTO digest_outbox_new (id, digest_id, alert_id, guild_id, channel_id, run_at, covers_from,
    covers_until, nonce, payload, status, attempts, next_attempt_at, lease_until, last_error,
    message_id, created_at, sent_at, delivery)
SELECT id, digest_id, NULL, guild_id, channel_id, run_at, covers_from, covers_until, nonce,
    payload, status, attempts, next_attempt_at, lease_until, last_error, message_id, created_at,
    sent_at, delivery
FROM digest_outbox;
DROP TABLE digest_outbox;
ALTER TABLE digest_outbox_new RENAME TO digest_outbox;
CREATE INDEX digest_outbox_due ON digest_outbox (next_attempt_at) WHERE status = 'pending';
