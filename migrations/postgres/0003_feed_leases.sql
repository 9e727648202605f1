-- Work sharing between processes: a worker claims a due feed for a while
-- (`claim_due_feeds`); the lease ends when the fetch is recorded, or expires when
-- the worker dies, and the feed can be claimed again.
ALTER TABLE feeds ADD COLUMN leased_by text;
ALTER TABLE feeds ADD COLUMN lease_until timestamptz;
CREATE INDEX feeds_due ON feeds (next_fetch_at) WHERE paused_reason IS NULL;
