-- The researcher's archive: revisit-aware WARC index, stable version ids, attachments,
-- sources, a Chinese full-text index (bigram postings) and convenience views.

-- Raw archive: which WARC record type holds a fetch, and which fetch a revisit points at.
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS warc_type VARCHAR;      -- response | revisit
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS revisit_of BIGINT;      -- fetch_id of the stored payload
UPDATE fetches SET warc_type = 'response' WHERE warc_file IS NOT NULL AND warc_type IS NULL;

-- Every version gets a stable integer id (search postings and attachments point at it).
CREATE SEQUENCE IF NOT EXISTS version_id_seq START 1;
ALTER TABLE document_versions ADD COLUMN IF NOT EXISTS version_id BIGINT;
UPDATE document_versions SET version_id = nextval('version_id_seq') WHERE version_id IS NULL;

CREATE TABLE IF NOT EXISTS attachments (
    version_id      BIGINT NOT NULL,
    url             VARCHAR NOT NULL,     -- the document's URL
    content_sha256  VARCHAR NOT NULL,
    position        INTEGER NOT NULL,     -- order in the body, from 0
    name            VARCHAR,
    attachment_url  VARCHAR
);
INSERT INTO attachments (version_id, url, content_sha256, position, name, attachment_url)
SELECT version_id, url, content_sha256, a.pos - 1, a.att.name, a.att.url
FROM (SELECT version_id, url, content_sha256,
             unnest(attachments) AS att, generate_subscripts(attachments, 1) AS pos
      FROM document_versions WHERE len(attachments) > 0) AS a;

CREATE TABLE IF NOT EXISTS sources (
    name            VARCHAR PRIMARY KEY,
    title           VARCHAR,
    base_url        VARCHAR,
    schedule        VARCHAR,
    first_seen      TIMESTAMP,
    last_seen       TIMESTAMP
);
INSERT INTO sources (name, first_seen, last_seen)
SELECT source, min(first_seen), max(last_seen) FROM document_versions
WHERE source IS NOT NULL GROUP BY source
ON CONFLICT DO NOTHING;

-- Full-text index, maintained in the same transaction as every load (warehouse/search_index.py).
-- term: a Han character bigram packed as ((cp1 - 0x3400) << 15) | (cp2 - 0x3400), or a
-- Latin/digit word as 2^30 + a hash (warehouse/tokens.py); field: 0 title, 1 body.
CREATE TABLE IF NOT EXISTS search_postings (
    term            INTEGER NOT NULL,
    version_id      BIGINT NOT NULL,
    field           UTINYINT NOT NULL,
    tf              USMALLINT NOT NULL
);
CREATE TABLE IF NOT EXISTS search_docs (
    version_id      BIGINT NOT NULL,
    url             VARCHAR NOT NULL,
    source          VARCHAR,
    published_at    TIMESTAMP,
    title_len       INTEGER NOT NULL,
    body_len        INTEGER NOT NULL
);

CREATE OR REPLACE VIEW documents AS
SELECT
    url, final_url, site, source, title, published_at, source_name, reporter, editor,
    original_url, body_text, body_html, content_sha256, fetched_at, parser_version, metadata,
    index_no, info_category, issuer, written_date, publish_date, doc_no, validity,
    effective_date, expiry_date, doc_name, consult_org, consult_phone,
    proposal_no, session, proposer, proposal_title, reply_class, contact_unit, contact_phone,
    attachments, doc_type, adapter, encoding, encoding_confidence, warnings,
    first_seen, last_seen, fetch_id, version_id
FROM document_versions
WHERE is_current;

-- Proposal (政协提案) and suggestion (人大代表建议) replies with their reply columns.
CREATE OR REPLACE VIEW replies AS
SELECT
    url, source, site, title, published_at, issuer,
    CASE WHEN doc_type = 'suggestion_reply' OR title LIKE '%建议%答复%' THEN 'suggestion'
         ELSE 'proposal' END AS reply_kind,
    session, proposal_no, proposer, proposal_title, reply_class,
    contact_unit, contact_phone, attachments, body_text, first_seen, last_seen, version_id
FROM documents
WHERE doc_type IN ('proposal_reply', 'suggestion_reply')
   OR proposal_no IS NOT NULL OR reply_class IS NOT NULL;

-- Documents carrying a 政府信息公开 header (索引号, 发布机构, 文号 ...).
CREATE OR REPLACE VIEW disclosures AS
SELECT
    url, source, site, title, published_at,
    index_no, info_category, issuer, written_date, publish_date, doc_no, validity,
    effective_date, expiry_date, doc_name, consult_org, consult_phone,
    metadata, attachments, body_text, first_seen, last_seen, version_id
FROM documents
WHERE doc_type = 'disclosure'
   OR coalesce(index_no, info_category, issuer, doc_no, validity, doc_name, consult_org) IS NOT NULL
   OR written_date IS NOT NULL OR publish_date IS NOT NULL;

-- One row per source: how much it holds and its newest document.
CREATE OR REPLACE VIEW latest_by_source AS
SELECT
    coalesce(source, '(manual)') AS source,
    count(*) AS documents,
    count(*) FILTER (WHERE proposal_no IS NOT NULL OR reply_class IS NOT NULL) AS replies,
    max(published_at) AS newest_published_at,
    arg_max(title, coalesce(published_at, first_seen)) AS newest_title,
    arg_max(url, coalesce(published_at, first_seen)) AS newest_url,
    max(last_seen) AS last_seen
FROM documents
GROUP BY ALL;

-- All versions of a URL, oldest first, numbered (a changed page keeps its old text here).
CREATE OR REPLACE VIEW document_history AS
SELECT
    url, row_number() OVER (PARTITION BY url ORDER BY first_seen, version_id) AS version,
    is_current, first_seen, last_seen, content_sha256, title, published_at, body_text,
    fetch_id, last_fetch_id, version_id
FROM document_versions;

-- Full-text search from SQL: SELECT * FROM search_documents('数据中心') LIMIT 10.
-- Han bigram BM25 (title weighted 5x), every bigram required, exact phrase checked.
-- The `govarchive search` command runs an equivalent, faster plan (warehouse/search.py).
CREATE OR REPLACE MACRO search_keys(q) AS
    list_filter(
        list_transform(range(greatest(length(q) - 1, 0)),
            i -> CASE WHEN unicode(substr(q, i + 1, 1)) BETWEEN 13312 AND 40959
                       AND unicode(substr(q, i + 2, 1)) BETWEEN 13312 AND 40959
                      THEN ((unicode(substr(q, i + 1, 1)) - 13312) << 15)
                           | (unicode(substr(q, i + 2, 1)) - 13312) END),
        k -> k IS NOT NULL);

CREATE OR REPLACE MACRO search_documents(q) AS TABLE
WITH keys AS (SELECT DISTINCT unnest(search_keys(q)) AS term),
stats AS (SELECT count(*)::DOUBLE AS n, avg(title_len) AS avg_t, avg(body_len) AS avg_b
          FROM search_docs),
hits AS (SELECT p.* FROM search_postings p JOIN keys USING (term)),
df AS (SELECT term, count(DISTINCT version_id)::DOUBLE AS df FROM hits GROUP BY term),
scored AS (
    SELECT h.version_id,
           sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
               * (CASE WHEN h.field = 0
                       THEN 5.0 * h.tf / (0.25 + 0.75 * d.title_len / greatest(stats.avg_t, 1))
                       ELSE h.tf / (0.25 + 0.75 * d.body_len / greatest(stats.avg_b, 1)) END)
               * 2.2 / (1.2 + CASE WHEN h.field = 0
                       THEN 5.0 * h.tf / (0.25 + 0.75 * d.title_len / greatest(stats.avg_t, 1))
                       ELSE h.tf / (0.25 + 0.75 * d.body_len / greatest(stats.avg_b, 1)) END))
               AS score,
           count(DISTINCT h.term) AS matched
    FROM hits h JOIN df USING (term) JOIN search_docs d USING (version_id), stats
    GROUP BY h.version_id
)
SELECT doc.url, doc.title, doc.published_at, doc.issuer, doc.source, s.score
FROM scored s JOIN documents doc USING (version_id)
WHERE s.matched = (SELECT count(*) FROM keys)
  AND contains(lower(coalesce(doc.title, '') || ' ' || coalesce(doc.body_text, '')), lower(q))
ORDER BY s.score DESC;
