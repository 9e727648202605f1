-- One row per feed. The command line used to store a feed URL as typed and the bot
-- its normalised form (`FeedUrl`), so `https://Example.org/feed` and
-- `https://example.org/feed` could be two feeds, each fetched. Every http(s) URL
-- is rewritten here to the form `FeedUrl` gives (scheme and host in lower case,
-- no default port, an empty path written '/', no fragment), and rows that meet on
-- one form are merged into the oldest: its items and its servers' subscriptions
-- gain those of the others, and it counts as primed if any of them was. URLs
-- with user information ('user@host') keep their authority as it is; finer
-- differences (percent-encoding, '..' segments, international host names) are
-- left alone.

CREATE TEMP TABLE feed_forms (
    id         INTEGER PRIMARY KEY,
    scheme     TEXT NOT NULL,
    rest       TEXT NOT NULL,
    authority  TEXT,
    tail       TEXT,
    norm       TEXT
);

INSERT INTO feed_forms (id, scheme, rest)
SELECT id, lower(substr(url, 1, instr(url, '://') - 1)), substr(url, instr(url, '://') + 3)
FROM feeds
WHERE lower(substr(url, 1, 7)) = 'http://' OR lower(substr(url, 1, 8)) = 'https://';

-- A fragment never reaches the server.
UPDATE feed_forms SET rest = substr(rest, 1, instr(rest, '#') - 1) WHERE instr(rest, '#') > 0;

-- The authority ends at the first '/' or '?'.
UPDATE feed_forms SET
    authority = CASE
        WHEN instr(rest, '/') = 0 AND instr(rest, '?') = 0 THEN rest
        WHEN instr(rest, '?') = 0 OR (instr(rest, '/') > 0 AND instr(rest, '/') < instr(rest, '?'))
            THEN substr(rest, 1, instr(rest, '/') - 1)
        ELSE substr(rest, 1, instr(rest, '?') - 1)
    END;
UPDATE feed_forms SET tail = substr(rest, length(authority) + 1);

UPDATE feed_forms SET authority = lower(authority) WHERE instr(authority, '@') = 0;
UPDATE feed_forms SET authority = substr(authority, 1, length(authority) - 4)
WHERE scheme = 'https' AND authority LIKE '%:443';
UPDATE feed_forms SET authority = substr(authority, 1, length(authority) - 3)
WHERE scheme = 'http' AND authority LIKE '%:80';
UPDATE feed_forms SET tail = '/' || tail WHERE tail = '' OR substr(tail, 1, 1) = '?';

UPDATE feed_forms SET norm = scheme || '://' || authority || tail;

-- Each duplicate and the row it merges into (the oldest of its form).
CREATE TEMP TABLE feed_merges AS
SELECT f.id AS dup, k.keep AS keep
FROM feed_forms f
JOIN (SELECT norm, min(id) AS keep FROM feed_forms GROUP BY norm HAVING count(*) > 1) k
    ON f.norm = k.norm
WHERE f.id <> k.keep;

-- An item both rows saw stays the kept row's.
INSERT OR IGNORE INTO items (feed_id, item_key, article_id, seen_at, announced)
SELECT m.keep, i.item_key, i.article_id, i.seen_at, i.announced
FROM items i JOIN feed_merges m ON i.feed_id = m.dup;
DELETE FROM items WHERE feed_id IN (SELECT dup FROM feed_merges);

-- A server that followed both keeps its subscription to the kept row.
INSERT OR IGNORE INTO guild_feeds (guild_id, feed_id, topic, added_at, added_by)
SELECT g.guild_id, m.keep, g.topic, g.added_at, g.added_by
FROM guild_feeds g JOIN feed_merges m ON g.feed_id = m.dup;
DELETE FROM guild_feeds WHERE feed_id IN (SELECT dup FROM feed_merges);

-- Its items are recorded: later ones are news, whichever row first saw the feed.
UPDATE feeds SET primed = 1
WHERE id IN (SELECT m.keep FROM feed_merges m JOIN feeds d ON d.id = m.dup WHERE d.primed <> 0);

DELETE FROM feeds WHERE id IN (SELECT dup FROM feed_merges);

UPDATE feeds SET url = (SELECT norm FROM feed_forms WHERE feed_forms.id = feeds.id)
WHERE id IN (SELECT id FROM feed_forms WHERE feed_forms.norm <> feeds.url);

DROP TABLE feed_merges;
DROP TABLE feed_forms;
