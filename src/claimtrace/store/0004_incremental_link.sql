-- claimtrace store, schema version 4: state for incremental linking.
-- The link step only looks at articles it has not linked yet, and compares them with the signatures kept here
-- rather than rebuilding its LSH index from every article. A store upgraded from version 3 has no rows here,
-- so its next link is a full rebuild that fills them.

-- One row per linked article, with its shingle MinHash (NULL when it has no shingles and matches nothing):
-- a narrow copy, so reading every signature does not walk the article texts.
CREATE TABLE linked_articles (
    article_id      INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    shingle_minhash BLOB
);

-- One row per distinct claim wording (normalised content tokens and names): its first attribution, which
-- carries the wording's claim matches, and the MinHash of its tokens for LSH. Later mentions with the same
-- wording join that first one directly.
CREATE TABLE claim_wordings (
    wording        TEXT PRIMARY KEY,           -- hex digest of the sorted tokens and names
    attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
    minhash        BLOB NOT NULL               -- 64 x uint32 little-endian
) WITHOUT ROWID;
