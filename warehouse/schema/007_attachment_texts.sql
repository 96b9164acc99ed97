-- Attachment text (issue 16): what the readers in parsers/attachment_text got out of each
-- archived attachment payload, its search index, and per page how many attachments have text.

CREATE SEQUENCE IF NOT EXISTS attachment_text_id_seq START 1;

-- One row per archived attachment payload (attachment URL x payload sha256), recomputed by
-- `reparse`. text NULL: nothing could be read, the reason in warnings.
CREATE TABLE IF NOT EXISTS attachment_extractions (
    text_id           BIGINT NOT NULL,     -- the search index points at it
    fetch_id          BIGINT,              -- the newest fetch that archived this payload
    attachment_url    VARCHAR NOT NULL,
    page_url          VARCHAR,             -- the page that links it (attachments / frontier)
    name              VARCHAR,             -- as the page names it
    media_type        VARCHAR,             -- sniffed from the bytes
    bytes             BIGINT,
    sha256            VARCHAR NOT NULL,
    text              VARCHAR,
    pages             INTEGER,
    extractor         VARCHAR,
    needs_ocr         BOOLEAN NOT NULL DEFAULT false,
    warnings          VARCHAR[],
    fetched_at        TIMESTAMP,
    extracted_at      TIMESTAMP,
    extractor_version VARCHAR
);

-- OCR of scans, by payload: kept apart so a reparse (which recomputes the extractions)
-- does not throw away minutes of tesseract work.
CREATE TABLE IF NOT EXISTS attachment_ocr (
    sha256            VARCHAR PRIMARY KEY,
    text              VARCHAR,
    pages             INTEGER,
    engine            VARCHAR,
    warnings          VARCHAR[],
    made_at           TIMESTAMP
);

-- Full-text index of attachment text, same layout as search_postings (see 004).
CREATE TABLE IF NOT EXISTS attachment_postings (
    term              INTEGER NOT NULL,
    text_id           BIGINT NOT NULL,
    weight            UTINYINT NOT NULL
);
CREATE TABLE IF NOT EXISTS attachment_search_docs (
    text_id           BIGINT NOT NULL,
    name_len          INTEGER NOT NULL,
    text_len          INTEGER NOT NULL
);

CREATE OR REPLACE VIEW attachment_texts AS
SELECT
    e.attachment_url, e.page_url, e.name, e.media_type, e.bytes, e.sha256,
    coalesce(e.text, o.text) AS text,
    coalesce(e.pages, o.pages) AS pages,
    CASE WHEN e.text IS NULL AND o.text IS NOT NULL THEN e.extractor || '+' || o.engine
         ELSE e.extractor END AS extractor,
    e.needs_ocr,
    CASE WHEN e.text IS NULL AND o.sha256 IS NOT NULL
         THEN list_concat(list_filter(e.warnings, w -> NOT starts_with(w, 'no text layer')),
                          coalesce(o.warnings, []::VARCHAR[]))
         ELSE e.warnings END AS warnings,
    e.fetched_at, e.fetch_id, e.text_id, e.extracted_at
FROM attachment_extractions e
LEFT JOIN attachment_ocr o ON o.sha256 = e.sha256 AND e.needs_ocr;

CREATE OR REPLACE VIEW documents AS
SELECT
    d.url, d.final_url, d.site, d.source, d.title, d.published_at, d.source_name, d.reporter, d.editor,
    d.original_url, d.body_text, d.body_html, d.content_sha256, d.fetched_at, d.parser_version, d.metadata,
    d.index_no, d.info_category, d.issuer, d.written_date, d.publish_date, d.doc_no, d.validity,
    d.effective_date, d.expiry_date, d.doc_name, d.consult_org, d.consult_phone,
    d.proposal_no, d.session, d.proposer, d.proposal_title, d.reply_class, d.contact_unit, d.contact_phone,
    d.attachments, d.doc_type, d.adapter, d.encoding, d.encoding_confidence, d.warnings,
    d.first_seen, d.last_seen, d.fetch_id, d.version_id,
    coalesce(t.attachments_with_text, 0) AS attachments_with_text
FROM document_versions d
LEFT JOIN (
    SELECT a.version_id, count(DISTINCT a.attachment_url) AS attachments_with_text
    FROM attachments a
    SEMI JOIN attachment_texts x ON x.attachment_url = a.attachment_url AND x.text IS NOT NULL
    GROUP BY a.version_id
) t ON t.version_id = d.version_id
WHERE d.is_current;
