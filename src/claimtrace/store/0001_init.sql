-- claimtrace store, schema version 1.
-- One row per stored article; every analysis row points back to its article, so deleting an article cascades.

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started     TEXT NOT NULL,                 -- UTC ISO-8601
    finished    TEXT,                          -- NULL while running or after a crash
    command     TEXT NOT NULL,                 -- "ingest" | "load"
    inputs      TEXT NOT NULL,                 -- JSON list of the paths given
    engine      TEXT NOT NULL,                 -- "local" | "dask" | "parquet"
    n_seen      INTEGER NOT NULL DEFAULT 0,
    n_stored    INTEGER NOT NULL DEFAULT 0,
    n_duplicate INTEGER NOT NULL DEFAULT 0,    -- already in the store (same content hash)
    n_failed    INTEGER NOT NULL DEFAULT 0
);

-- Inputs that could not be read or analysed, keyed by where they came from; a later success removes the row.
CREATE TABLE failures (
    origin       TEXT PRIMARY KEY,             -- "dir/a.html", "batch.jsonl:12", "crawl.warc.gz#3"
    record_id    TEXT NOT NULL,
    reason       TEXT NOT NULL,
    content_hash TEXT,
    run_id       INTEGER REFERENCES runs(id) ON DELETE SET NULL
);

CREATE TABLE outlets (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                  -- meta.site, else the host of meta.url
);

CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,       -- ingest order
    content_hash    TEXT NOT NULL UNIQUE,      -- sha256 of the raw input (html or text): the idempotence key
    record_id       TEXT NOT NULL,             -- the claimtrace/1 "id"
    origin          TEXT NOT NULL,
    outlet_id       INTEGER REFERENCES outlets(id),
    title           TEXT,
    url             TEXT,
    published       TEXT,                      -- YYYY-MM-DD | YYYY-MM | NULL
    published_basis TEXT NOT NULL,
    language        TEXT NOT NULL,
    text            TEXT NOT NULL,
    warnings        TEXT,                      -- JSON list, NULL when none
    record_json     TEXT NOT NULL,             -- the full claimtrace/1 record, exactly as produced
    shingle_minhash BLOB,                      -- MinHash signature (64 x uint32 little-endian) for reprints
    reprint_cluster INTEGER REFERENCES articles(id) ON DELETE SET NULL, -- earliest article of its cluster
    run_id          INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet_id, published);
CREATE INDEX articles_reprint_cluster ON articles(reprint_cluster);

-- Distinct source descriptions across the corpus ("the Washington Post", "three people familiar with the talks").
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,          -- type + normalised name/description
    type        TEXT NOT NULL,                 -- person | organization | media | government | anonymous | group | pronoun
    text        TEXT NOT NULL,                 -- the first surface form seen
    name        TEXT,
    count       INTEGER,
    role        TEXT,
    affiliation TEXT,
    seniority   TEXT,
    former      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_type ON sources(type);

-- Claim clusters: the same claim across articles. Rebuilt by the link step; id = its first attribution's id.
CREATE TABLE claims (
    id                    INTEGER PRIMARY KEY,
    content               TEXT NOT NULL,       -- the earliest report's wording
    n_mentions            INTEGER NOT NULL,
    n_articles            INTEGER NOT NULL,
    n_outlets             INTEGER NOT NULL,
    first_published       TEXT,
    earliest_article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    credited_outlet       TEXT,                -- the outlet credited as the original, else the earliest's outlet
    credited_basis        TEXT NOT NULL        -- "credited" (named by the reports) | "earliest" | "none"
);

CREATE TABLE attributions (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key             TEXT NOT NULL,             -- the record's attribution id ("a1")
    kind            TEXT NOT NULL,
    parent_id       INTEGER REFERENCES attributions(id) ON DELETE SET NULL,
    source_id       INTEGER REFERENCES sources(id),
    source_text     TEXT,
    source_start    INTEGER,
    cue_text        TEXT,
    content_text    TEXT NOT NULL,
    content_start   INTEGER NOT NULL,
    content_end     INTEGER NOT NULL,
    resolved_to     TEXT,
    certainty_value REAL,
    certainty_label TEXT,
    content_norm    TEXT NOT NULL,             -- normalised content tokens, space-separated, for claim matching
    credited_outlet TEXT,                      -- an outlet this claim is credited to in its chain ("citing the Post")
    claim_id        INTEGER REFERENCES claims(id) ON DELETE SET NULL,
    UNIQUE (article_id, key)
);
CREATE INDEX attributions_claim ON attributions(claim_id);
CREATE INDEX attributions_source ON attributions(source_id);
CREATE INDEX attributions_parent ON attributions(parent_id);
CREATE INDEX attributions_certainty ON attributions(certainty_label, certainty_value);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key            TEXT NOT NULL,              -- the record's event id ("e1")
    type           TEXT NOT NULL,              -- PLOVER event type
    mode           TEXT,
    context        TEXT,                       -- JSON list
    trigger_text   TEXT NOT NULL,
    trigger_start  INTEGER NOT NULL,
    actor_text     TEXT,
    target_text    TEXT,
    status         TEXT NOT NULL,
    certainty      REAL,
    attribution_id INTEGER REFERENCES attributions(id) ON DELETE SET NULL, -- the claim it is reported under
    UNIQUE (article_id, key)
);
CREATE INDEX events_attribution ON events(attribution_id);
CREATE INDEX events_type ON events(type, status);
CREATE INDEX events_article ON events(article_id);

-- Link evidence: near-duplicate articles ("reprint") and matched claim mentions ("claim"). Rebuilt by the link step.
CREATE TABLE links (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('reprint', 'claim')),
    article_a     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    article_b     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    attribution_a INTEGER REFERENCES attributions(id) ON DELETE CASCADE,
    attribution_b INTEGER REFERENCES attributions(id) ON DELETE CASCADE,
    score         REAL NOT NULL               -- estimated Jaccard (reprints) or match score (claims)
);
CREATE INDEX links_article_a ON links(kind, article_a);
CREATE INDEX links_article_b ON links(kind, article_b);

-- Per claim cluster and article: the provenance chain that `claimtrace trace` prints.
CREATE TABLE claim_articles (
    claim_id          INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    attribution_id    INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE, -- its first mention there
    position          INTEGER NOT NULL,       -- 0 = earliest report
    credits           TEXT,                   -- outlet this article credits for the claim, if any
    is_origin         INTEGER NOT NULL,       -- the earliest report, or the credited outlet's own article
    adds_own_sourcing INTEGER NOT NULL,       -- cites a source the original report does not
    own_sources       TEXT,                   -- JSON list of those sources
    PRIMARY KEY (claim_id, article_id)
);
CREATE INDEX claim_articles_article ON claim_articles(article_id);

-- Full-text search: article title and text; claim content with its source.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE attributions_fts USING fts5(content_text, source_text, content='attributions',
                                                 content_rowid='id');
CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, content_text, source_text) VALUES (new.id, new.content_text, new.source_text);
END;
CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content_text, source_text)
    VALUES ('delete', old.id, old.content_text, old.source_text);
END;

-- Readable views for sqlite3 and Datasette.
CREATE VIEW claims_view AS
SELECT a.id              AS attribution_id,
       a.claim_id        AS claim_id,
       ar.id             AS article_id,
       ar.title          AS article_title,
       o.name            AS outlet,
       ar.published      AS published,
       a.kind            AS kind,
       a.source_text     AS source,
       s.type            AS source_type,
       a.cue_text        AS cue,
       a.content_text    AS content,
       a.certainty_label AS certainty,
       a.certainty_value AS certainty_value,
       a.credited_outlet AS credits,
       (SELECT group_concat(e.type || ':' || e.status, ', ') FROM events e WHERE e.attribution_id = a.id)
                         AS events,
       (SELECT group_concat(e.actor_text, ', ') FROM events e WHERE e.attribution_id = a.id)
                         AS actors
FROM attributions a
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN outlets o ON o.id = ar.outlet_id
LEFT JOIN sources s ON s.id = a.source_id;

CREATE VIEW articles_view AS
SELECT ar.id, ar.record_id, ar.title, o.name AS outlet, ar.url, ar.published, ar.language,
       ar.reprint_cluster,
       (SELECT count(*) FROM attributions a WHERE a.article_id = ar.id) AS n_attributions,
       (SELECT count(*) FROM events e WHERE e.article_id = ar.id) AS n_events
FROM articles ar LEFT JOIN outlets o ON o.id = ar.outlet_id;

CREATE VIEW events_view AS
SELECT e.id AS event_id, e.article_id, o.name AS outlet, ar.published, e.type, e.mode, e.status, e.certainty,
       e.trigger_text AS trigger, e.actor_text AS actor, e.target_text AS target,
       e.attribution_id, a.source_text AS source, a.claim_id
FROM events e
JOIN articles ar ON ar.id = e.article_id
LEFT JOIN outlets o ON o.id = ar.outlet_id
LEFT JOIN attributions a ON a.id = e.attribution_id;

CREATE VIEW claim_chain_view AS
SELECT ca.claim_id, ca.position, ca.article_id, o.name AS outlet, ar.published, ar.title, ca.credits,
       ca.is_origin, ca.adds_own_sourcing, ca.own_sources, a.source_text AS source, a.content_text AS content
FROM claim_articles ca
JOIN articles ar ON ar.id = ca.article_id
LEFT JOIN outlets o ON o.id = ar.outlet_id
JOIN attributions a ON a.id = ca.attribution_id;

CREATE VIEW reprints_view AS
SELECT ar.reprint_cluster AS cluster, ar.id AS article_id, o.name AS outlet, ar.published, ar.title
FROM articles ar LEFT JOIN outlets o ON o.id = ar.outlet_id
WHERE ar.reprint_cluster IS NOT NULL;
