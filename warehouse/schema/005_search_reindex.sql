-- The first cut of 004 stored search weights as FLOAT (0..2.2); they are now one byte
-- (x100). Recreate the index tables empty; the migration's Python step rebuilds them
-- from the current documents (warehouse/migrate.py).
DROP TABLE IF EXISTS search_postings;
CREATE TABLE search_postings (
    term            INTEGER NOT NULL,   -- a packed Han bigram or a hashed word (tokens.py)
    version_id      BIGINT NOT NULL,
    weight          UTINYINT NOT NULL   -- BM25 tf part x 100 (0..220), title x5, length-normalized
);
DELETE FROM search_docs;
