-- Issue 19: a fetch failure's kind in its own column (warehouse/fetch_failure.py lists the
-- kinds), so the stats and failures views group by a value instead of a message's prefix.
-- Rows written before this migration take the kind their message starts with (the fetcher
-- wrote every message as "<kind>: ..."), or 'status' / 'no_response' from the status.
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS failure_kind VARCHAR;
UPDATE fetches SET failure_kind = CASE
        WHEN error IS NOT NULL AND split_part(error, ':', 1) = 'fetch' THEN 'no_response'
        WHEN error IS NOT NULL THEN split_part(error, ':', 1)
        WHEN status IS NULL THEN 'no_response'
        WHEN status = 304 OR status BETWEEN 200 AND 299 THEN NULL
        ELSE 'status' END
    WHERE failure_kind IS NULL;
