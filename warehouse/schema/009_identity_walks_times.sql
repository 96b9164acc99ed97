-- Issue 20: what a mirror crawl stores, why a listing walk stopped, and which clock a
-- timestamp is on.

-- A page fetched from a mirror (`crawl --base-url`) is archived under the URL actually
-- requested (fetches.url, final_url and the WARC record); the document is known by the
-- configured source's URL, recorded here. NULL: the page was fetched from its own URL.
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS origin_url VARCHAR;
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS origin_final_url VARCHAR;

-- Why the run's listing walk stopped ('reached known articles', 'last page', 'max pages (1)'
-- ...) and whether it saw every listing page it had to: an incremental crawl trusts known
-- pages only after a walk that was complete, so a `--max-pages 1` run leaves no hole.
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS discovery_stop VARCHAR;
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS walk_complete BOOLEAN;

-- Clocks. Two, and every timestamp says which: what a page prints is Beijing time
-- (Asia/Shanghai, UTC+8), kept as printed; what the archive itself records (fetching,
-- first/last seen, runs) is UTC. Both are naive TIMESTAMPs; the comments below (shown
-- by `DESCRIBE`-like tools and `duckdb_columns()`) and docs/warehouse.md say so.
-- A page that prints a date without a time of day has published_date_only = true
-- (its published_at is that day's 00:00); NULL where no date was found, or for a
-- version loaded before this column existed (`govarchive reparse` fills it).
ALTER TABLE document_versions ADD COLUMN IF NOT EXISTS published_date_only BOOLEAN;

-- (keeps 007's attachments_with_text: every redefinition of `documents` carries all columns)
CREATE OR REPLACE VIEW documents AS
SELECT
    d.url, d.final_url, d.site, d.source, d.title, d.published_at, d.source_name, d.reporter, d.editor,
    d.original_url, d.body_text, d.body_html, d.content_sha256, d.fetched_at, d.parser_version, d.metadata,
    d.index_no, d.info_category, d.issuer, d.written_date, d.publish_date, d.doc_no, d.validity,
    d.effective_date, d.expiry_date, d.doc_name, d.consult_org, d.consult_phone,
    d.proposal_no, d.session, d.proposer, d.proposal_title, d.reply_class, d.contact_unit, d.contact_phone,
    d.attachments, d.doc_type, d.adapter, d.encoding, d.encoding_confidence, d.warnings,
    d.first_seen, d.last_seen, d.fetch_id, d.version_id,
    coalesce(t.attachments_with_text, 0) AS attachments_with_text,
    d.published_date_only
FROM document_versions d
LEFT JOIN (
    SELECT a.version_id, count(DISTINCT a.attachment_url) AS attachments_with_text
    FROM attachments a
    SEMI JOIN attachment_texts x ON x.attachment_url = a.attachment_url AND x.text IS NOT NULL
    GROUP BY a.version_id
) t ON t.version_id = d.version_id
WHERE d.is_current;

COMMENT ON COLUMN document_versions.published_at IS 'Beijing time (Asia/Shanghai, UTC+8) as the page prints it; 00:00 with published_date_only when it prints no time';
COMMENT ON COLUMN document_versions.publish_date IS 'Beijing time (Asia/Shanghai, UTC+8): the header''s 发布日期 as printed';
COMMENT ON COLUMN document_versions.published_date_only IS 'true: the page printed a date without a time of day';
COMMENT ON COLUMN document_versions.fetched_at IS 'UTC: when the page was fetched';
COMMENT ON COLUMN document_versions.first_seen IS 'UTC: when this content was first loaded';
COMMENT ON COLUMN document_versions.last_seen IS 'UTC: when this content was last confirmed';
COMMENT ON COLUMN documents.published_at IS 'Beijing time (Asia/Shanghai, UTC+8) as the page prints it; 00:00 with published_date_only when it prints no time';
COMMENT ON COLUMN documents.publish_date IS 'Beijing time (Asia/Shanghai, UTC+8): the header''s 发布日期 as printed';
COMMENT ON COLUMN documents.published_date_only IS 'true: the page printed a date without a time of day';
COMMENT ON COLUMN documents.fetched_at IS 'UTC: when the page was fetched';
COMMENT ON COLUMN documents.first_seen IS 'UTC: when this content was first loaded';
COMMENT ON COLUMN documents.last_seen IS 'UTC: when this content was last confirmed';
COMMENT ON COLUMN fetches.fetched_at IS 'UTC';
COMMENT ON COLUMN crawl_runs.started_at IS 'UTC';
COMMENT ON COLUMN crawl_runs.finished_at IS 'UTC';
COMMENT ON COLUMN frontier.discovered_at IS 'UTC';
COMMENT ON COLUMN frontier.listed_date IS 'Beijing date as the listing prints it';

-- Each attachment a document links, with the newest fetch of it (NULL until one was
-- made): `govarchive raw <fetch_id>` pulls the file out of the WARC archive.
CREATE OR REPLACE VIEW attachment_fetches AS
SELECT a.version_id, a.url AS page_url, a.position, a.name, a.attachment_url,
       f.fetch_id, f.status, f.ok, f.error, f.content_type, f.size, f.fetched_at
FROM attachments a
LEFT JOIN (
    SELECT coalesce(origin_url, url) AS attachment_url, fetch_id, status, ok, error,
           content_type, size, fetched_at
    FROM fetches WHERE kind = 'attachment'
    QUALIFY row_number() OVER (PARTITION BY coalesce(origin_url, url)
                               ORDER BY fetched_at DESC, fetch_id DESC) = 1
) f USING (attachment_url);
