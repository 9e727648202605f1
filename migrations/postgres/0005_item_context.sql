-- The paragraph of the article that holds each item's evidence sentence, found at
-- ingest, so the brief can tell whether the item itself is about a topic (its
-- names or its paragraph name it) without reading the article's text again.
-- NULL for items stored before this migration: the brief then reads the evidence.
ALTER TABLE meetings ADD COLUMN context TEXT;
ALTER TABLE statements ADD COLUMN context TEXT;
ALTER TABLE pending ADD COLUMN context TEXT;
ALTER TABLE outcomes ADD COLUMN context TEXT;

