-- Issue 17 (linking cost): which state of `text_bands` a writing process's in-memory band
-- index describes (warehouse/band_index.py). Every write of the bands through
-- paper_trail.update replaces the one token; an index kept under another token is stale
-- and is rebuilt from the tables. Empty: no index may be trusted (an older archive, a
-- backfill). Anything else that edits text_bands / text_signatures must empty this table.
CREATE TABLE IF NOT EXISTS text_bands_state (
    token           BIGINT NOT NULL
);
