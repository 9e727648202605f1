-- Feeds, the items seen in them, the articles they point to, and what was extracted
-- from each article, with the evidence sentence and its byte span.
-- Timestamps are UTC unix seconds (INTEGER); calendar dates are 'YYYY-MM-DD' text.

CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    url              TEXT    NOT NULL UNIQUE,
    title            TEXT,
    added_at         INTEGER NOT NULL,
    etag             TEXT,
    last_modified    TEXT,
    body_hash        TEXT,
    last_fetch_at    INTEGER,
    last_success_at  INTEGER,
    last_error       TEXT,
    failing_since    INTEGER,
    paused_reason    TEXT,
    next_fetch_at    INTEGER NOT NULL,
    interval_secs    INTEGER NOT NULL DEFAULT 600,
    -- set after the first successful fetch: later new items are announced
    primed           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    -- canonical link, or feed id + item key when the item has no link: the same
    -- article reached through two feeds is stored once
    key          TEXT    NOT NULL UNIQUE,
    url          TEXT    NOT NULL,
    outlet       TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    published    INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    ingested_at  INTEGER NOT NULL
);
CREATE INDEX articles_published ON articles (published DESC);

CREATE TABLE items (
    feed_id     INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key    TEXT    NOT NULL,
    article_id  INTEGER REFERENCES articles (id),
    seen_at     INTEGER NOT NULL,
    -- false for items recorded on a feed's first fetch (never announced)
    announced   INTEGER NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);

CREATE TABLE meetings (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    participants  TEXT    NOT NULL, -- JSON array of names
    status        TEXT    NOT NULL,
    date          TEXT,
    place         TEXT,
    kind          TEXT    NOT NULL,
    evidence      TEXT    NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL
);
CREATE INDEX meetings_article ON meetings (article_id);

CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker     TEXT    NOT NULL,
    quote       TEXT    NOT NULL,
    direct      INTEGER NOT NULL,
    audience    TEXT,
    evidence    TEXT    NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL
);
CREATE INDEX statements_article ON statements (article_id);

CREATE TABLE pending (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    what        TEXT    NOT NULL,
    actors      TEXT    NOT NULL, -- JSON array of names
    due_text    TEXT,
    due_date    TEXT,
    evidence    TEXT    NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL
);
CREATE INDEX pending_article ON pending (article_id);

CREATE TABLE outcomes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    actors      TEXT    NOT NULL,
    what        TEXT    NOT NULL,
    evidence    TEXT    NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL
);
CREATE INDEX outcomes_article ON outcomes (article_id);

-- guild_id 0 holds deployment-wide topics; a server's own topics override them
CREATE TABLE topics (
    guild_id  INTEGER NOT NULL DEFAULT 0,
    name      TEXT    NOT NULL,
    aliases   TEXT    NOT NULL, -- JSON array
    PRIMARY KEY (guild_id, name)
);

-- Topic search: titles and texts, diacritics folded (Erdoğan = Erdogan).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
