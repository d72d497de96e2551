-- claimtrace store, schema version 2: indexes for the claims explorer.
-- A claim page is "newest first, with filters": attributions carry a copy of their article's date and outlet
-- (an article's date and outlet never change once stored), so each common filter walks one index already in
-- date order and stops at the page size instead of sorting every match.

ALTER TABLE attributions ADD COLUMN published TEXT;
ALTER TABLE attributions ADD COLUMN outlet_id INTEGER REFERENCES outlets(id);
UPDATE attributions SET
    published = (SELECT published FROM articles WHERE articles.id = attributions.article_id),
    outlet_id = (SELECT outlet_id FROM articles WHERE articles.id = attributions.article_id);

CREATE INDEX attributions_published ON attributions(published, id);
CREATE INDEX attributions_outlet_published ON attributions(outlet_id, published, id);
DROP INDEX attributions_certainty;
CREATE INDEX attributions_certainty_published ON attributions(certainty_label, published, id);
CREATE INDEX attributions_value ON attributions(certainty_value);

DROP INDEX events_type;
CREATE INDEX events_type_status ON events(type, status, attribution_id);

-- Actors are searched by word ("Belmora" finds "Belmora's navy"), through full-text search.
CREATE VIRTUAL TABLE events_fts USING fts5(actor_text, target_text, content='events', content_rowid='id');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, actor_text, target_text) VALUES (new.id, new.actor_text, new.target_text);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, actor_text, target_text)
    VALUES ('delete', old.id, old.actor_text, old.target_text);
END;
