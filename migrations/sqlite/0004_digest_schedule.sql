-- Digest scheduling and the outbox of posts to deliver. (Version 4: 3 is the
-- feed leases of the PostgreSQL work.)
--
-- A digest row (from 0002) gains its cadence and the scheduler's state. The
-- scheduler advances `next_run_at` and writes the outbox row in one transaction,
-- guarded by `WHERE id = ? AND next_run_at = ?`, so two schedulers can never both
-- take the same run. The sender marks an outbox row sent only after Discord
-- answered 2xx; the row's `nonce` makes a retry after a lost answer harmless.

-- 'daily' (time_of_day), 'weekly' (weekday + time_of_day) or 'cron' (cron).
ALTER TABLE digests ADD COLUMN cadence TEXT NOT NULL DEFAULT 'daily';
-- 0 = Monday ... 6 = Sunday, for weekly digests.
ALTER TABLE digests ADD COLUMN weekday INTEGER;
-- A cron expression evaluated in `timezone`, for cron digests.
ALTER TABLE digests ADD COLUMN cron TEXT;
-- Post nothing when nothing is new.
ALTER TABLE digests ADD COLUMN skip_empty INTEGER NOT NULL DEFAULT 0;
-- The next due time (UTC seconds); NULL until the scheduler first sees the row.
ALTER TABLE digests ADD COLUMN next_run_at INTEGER;
-- The end of the window the previous digest covered: the next one starts there.
ALTER TABLE digests ADD COLUMN covered_until INTEGER;
-- Set when Discord refused the channel for good (no access, unknown channel);
-- the scheduler skips paused digests until a moderator sets them again.
ALTER TABLE digests ADD COLUMN paused_reason TEXT;
ALTER TABLE digests ADD COLUMN paused_at INTEGER;

CREATE INDEX digests_due ON digests (next_run_at) WHERE paused_reason IS NULL;

CREATE TABLE digest_outbox (
    id              INTEGER PRIMARY KEY,
    -- no foreign key: a digest turned off keeps its delivery history
    digest_id       INTEGER NOT NULL,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    -- the due time this post answers; one post per digest and run
    run_at          INTEGER NOT NULL,
    -- the window the digest covers, so a failed post can hand it back
    covers_from     INTEGER NOT NULL,
    covers_until    INTEGER NOT NULL,
    -- Discord's message nonce (<= 25 characters), sent with enforce_nonce
    nonce           TEXT    NOT NULL UNIQUE,
    -- the exact JSON body to POST
    payload         TEXT    NOT NULL,
    -- 'pending', 'sent' or 'failed'
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- a sender holds the row until this time; another may take it after
    lease_until     INTEGER,
    last_error      TEXT,
    message_id      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    UNIQUE (digest_id, run_at)
);
CREATE INDEX digest_outbox_due ON digest_outbox (next_attempt_at) WHERE status = 'pending';
