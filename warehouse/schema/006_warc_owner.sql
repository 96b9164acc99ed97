-- Which WARC files are this archive's own (warehouse/warc_owner.py). Archives in one folder
-- share `warc/`, and orphan adoption must take in only records this archive wrote.

-- The archive's id, in the name (`govarchive-<id>-...`) and the warcinfo record
-- (`isPartOf: govarchive-<id>`) of every WARC file it writes from now on.
CREATE TABLE IF NOT EXISTS archive_identity (
    archive_id      VARCHAR NOT NULL,   -- 16 hex digits
    created_at      TIMESTAMP DEFAULT now()
);
INSERT INTO archive_identity (archive_id)
SELECT substr(md5(gen_random_uuid()::VARCHAR), 1, 16)
WHERE NOT EXISTS (SELECT 1 FROM archive_identity);

-- Files written before files carried an id are this archive's when rows its own writers
-- recorded refer to them. A row adopted as an orphan proves nothing: adoption used to take
-- in every archive's records, and that is the bug this migration ends.
CREATE TABLE IF NOT EXISTS warc_legacy_files (
    warc_file       VARCHAR PRIMARY KEY,  -- relative to the database's folder
    fetches         BIGINT,               -- rows of this archive referring to it at attribution
    attributed_at   TIMESTAMP DEFAULT now()
);
INSERT INTO warc_legacy_files (warc_file, fetches)
SELECT warc_file, count(*) FROM fetches
WHERE warc_file IS NOT NULL AND kind IS DISTINCT FROM 'orphan'
GROUP BY warc_file
ON CONFLICT DO NOTHING;

-- WARC files in the folder that are neither this archive's nor named as another's: left
-- alone, never adopted, and noted here once (with a warning line) by the writer that met them.
CREATE TABLE IF NOT EXISTS warc_unattributed (
    warc_file       VARCHAR PRIMARY KEY,
    bytes           BIGINT,
    referenced      BIGINT,               -- rows of this archive referring to it (orphans adopted before 006)
    reason          VARCHAR,
    noted_at        TIMESTAMP DEFAULT now()
);
