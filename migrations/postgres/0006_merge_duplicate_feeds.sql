-- One row per feed, as migrations/sqlite/0006_merge_duplicate_feeds.sql. The
-- command line used to store a feed URL as typed and the bot its normalised form
-- (`FeedUrl`), so `https://Example.org/feed` and `https://example.org/feed` could
-- be two feeds, each fetched. Every http(s) URL is rewritten here to the form
-- `FeedUrl` gives (scheme and host in lower case, no default port, an empty path
-- written '/', no fragment), and rows that meet on one form are merged into the
-- oldest: its items and its servers' subscriptions gain those of the others, and
-- it counts as primed if any of them was. URLs with user information
-- ('user@host') keep their authority as it is; finer differences
-- (percent-encoding, '..' segments, international host names) are left alone.

CREATE TEMP TABLE feed_forms AS
SELECT f.id,
       lower(m[1]) || '://'
       || regexp_replace(
              CASE WHEN position('@' IN m[2]) > 0 THEN m[2] ELSE lower(m[2]) END,
              CASE WHEN lower(m[1]) = 'https' THEN ':443$' ELSE ':80$' END,
              '')
       || CASE WHEN m[3] = '' OR left(m[3], 1) = '?' THEN '/' || m[3] ELSE m[3] END AS norm
FROM feeds f,
     -- scheme, authority (up to the first '/', '?' or '#'), path and query
     regexp_match(f.url, '^(https?)://([^/?#]*)([^#]*)', 'i') AS m;

-- Each duplicate and the row it merges into (the oldest of its form).
CREATE TEMP TABLE feed_merges AS
SELECT f.id AS dup, k.keep
FROM feed_forms f
JOIN (SELECT norm, min(id) AS keep FROM feed_forms GROUP BY norm HAVING count(*) > 1) k
    ON f.norm = k.norm
WHERE f.id <> k.keep;

-- An item both rows saw stays the kept row's.
INSERT INTO items (feed_id, item_key, article_id, seen_at, announced)
SELECT m.keep, i.item_key, i.article_id, i.seen_at, i.announced
FROM items i JOIN feed_merges m ON i.feed_id = m.dup
ON CONFLICT DO NOTHING;
DELETE FROM items WHERE feed_id IN (SELECT dup FROM feed_merges);

-- A server that followed both keeps its subscription to the kept row.
INSERT INTO guild_feeds (guild_id, feed_id, topic, added_at, added_by)
SELECT g.guild_id, m.keep, g.topic, g.added_at, g.added_by
FROM guild_feeds g JOIN feed_merges m ON g.feed_id = m.dup
ON CONFLICT DO NOTHING;
DELETE FROM guild_feeds WHERE feed_id IN (SELECT dup FROM feed_merges);

-- Its items are recorded: later ones are news, whichever row first saw the feed.
UPDATE feeds SET primed = true
WHERE id IN (SELECT m.keep FROM feed_merges m JOIN feeds d ON d.id = m.dup WHERE d.primed);

DELETE FROM feeds WHERE id IN (SELECT dup FROM feed_merges);

UPDATE feeds SET url = ff.norm
FROM feed_forms ff
WHERE ff.id = feeds.id AND ff.norm <> feeds.url;

DROP TABLE feed_merges;
DROP TABLE feed_forms;
