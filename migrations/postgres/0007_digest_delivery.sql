-- Where a digest is delivered (issue #16, point 3): as a message in a channel
-- or thread ('message'), or as a new post of a forum channel ('forum_post',
-- titled with the topics and date); and the one role it may ping.
ALTER TABLE digests ADD COLUMN delivery text NOT NULL DEFAULT 'message';
-- A Discord role id; NULL pings nobody.
ALTER TABLE digests ADD COLUMN role_id bigint;
-- The outbox row keeps the delivery it was built for, so a digest changed
-- between build and send still sends the body it built.
ALTER TABLE digest_outbox ADD COLUMN delivery text NOT NULL DEFAULT 'message';
