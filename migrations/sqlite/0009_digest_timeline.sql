-- A digest may carry the timeline picture of its topics (issue #16, point 2):
-- 1 when the moderator asked for it.
ALTER TABLE digests ADD COLUMN timeline INTEGER NOT NULL DEFAULT 0;
-- The PNG drawn when the post was built, sent with it as a file: a retry sends
-- the same picture the first attempt did.
ALTER TABLE digest_outbox ADD COLUMN attachment BLOB;
