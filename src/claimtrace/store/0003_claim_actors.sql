-- claimtrace store, schema version 3: claims searchable by the actors of the events reported under them.
-- The actors are copied onto the claim and indexed with its content, so "claims about Belmora" is one
-- full-text lookup returning claim ids, with no per-event lookups.

ALTER TABLE attributions ADD COLUMN actors TEXT;  -- actor texts of its events, "; "-joined, NULL when none
UPDATE attributions SET actors = (
    SELECT group_concat(actor_text, '; ') FROM events WHERE events.attribution_id = attributions.id
);

DROP TRIGGER attributions_fts_insert;
DROP TRIGGER attributions_fts_delete;
DROP TABLE attributions_fts;
CREATE VIRTUAL TABLE attributions_fts USING fts5(content_text, source_text, actors, content='attributions',
                                                 content_rowid='id');
INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild');
CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, content_text, source_text, actors)
    VALUES (new.id, new.content_text, new.source_text, new.actors);
END;
CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content_text, source_text, actors)
    VALUES ('delete', old.id, old.content_text, old.source_text, old.actors);
END;
