-- Foundation schema: raw fetches (pointing into WARC files), document versions,
-- parse errors and crawl runs. `documents` is a view: one row per URL, latest version.

CREATE SEQUENCE IF NOT EXISTS fetch_id_seq START 1;

CREATE TABLE IF NOT EXISTS fetches (
    fetch_id        BIGINT PRIMARY KEY DEFAULT nextval('fetch_id_seq'),
    run_id          VARCHAR,
    source          VARCHAR,
    kind            VARCHAR,          -- page | listing | attachment | robots
    url             VARCHAR NOT NULL,
    final_url       VARCHAR,
    status          INTEGER,          -- NULL when no HTTP response was had
    ok              BOOLEAN NOT NULL,
    error           VARCHAR,
    content_type    VARCHAR,
    headers         JSON,             -- [[name, value], ...] as received
    redirects       JSON,             -- [{"url": ..., "status": ...}, ...]
    payload_sha256  VARCHAR,
    size            BIGINT,
    truncated       BOOLEAN DEFAULT false,
    warc_file       VARCHAR,          -- relative to the database's folder
    warc_offset     BIGINT,
    warc_length     BIGINT,
    warc_record_id  VARCHAR,
    fetched_at      TIMESTAMP NOT NULL,
    elapsed_ms      DOUBLE
);

CREATE TABLE IF NOT EXISTS document_versions (
    url             VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,
    is_current      BOOLEAN NOT NULL,
    first_seen      TIMESTAMP NOT NULL,
    last_seen       TIMESTAMP NOT NULL,
    fetch_id        BIGINT,           -- the fetch this version was first parsed from
    last_fetch_id   BIGINT,
    final_url       VARCHAR,
    site            VARCHAR,
    source          VARCHAR,
    title           VARCHAR,
    published_at    TIMESTAMP,
    source_name     VARCHAR,
    reporter        VARCHAR,
    editor          VARCHAR,
    original_url    VARCHAR,
    body_text       VARCHAR,
    body_html       VARCHAR,
    fetched_at      TIMESTAMP,
    parser_version  VARCHAR,
    metadata        JSON,
    index_no        VARCHAR,
    info_category   VARCHAR,
    issuer          VARCHAR,
    written_date    DATE,
    publish_date    TIMESTAMP,
    doc_no          VARCHAR,
    validity        VARCHAR,
    effective_date  DATE,
    expiry_date     DATE,
    doc_name        VARCHAR,
    consult_org     VARCHAR,
    consult_phone   VARCHAR,
    proposal_no     VARCHAR,
    session         VARCHAR,
    proposer        VARCHAR,
    proposal_title  VARCHAR,
    reply_class     VARCHAR,
    contact_unit    VARCHAR,
    contact_phone   VARCHAR,
    attachments     STRUCT(name VARCHAR, url VARCHAR)[],
    doc_type        VARCHAR,
    adapter         VARCHAR,
    encoding        VARCHAR,
    encoding_confidence DOUBLE,
    warnings        VARCHAR[],
    PRIMARY KEY (url, content_sha256)
);

CREATE TABLE IF NOT EXISTS parse_errors (
    fetch_id        BIGINT NOT NULL,
    url             VARCHAR NOT NULL,
    kind            VARCHAR,
    message         VARCHAR,
    parser_version  VARCHAR,
    recorded_at     TIMESTAMP NOT NULL,
    resolved        BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id          VARCHAR PRIMARY KEY,
    source          VARCHAR,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    status          VARCHAR,          -- running | finished | failed | interrupted
    discovered      BIGINT DEFAULT 0,
    fetched         BIGINT DEFAULT 0,
    new             BIGINT DEFAULT 0,
    changed         BIGINT DEFAULT 0,
    unchanged       BIGINT DEFAULT 0,
    failed          BIGINT DEFAULT 0,
    notes           VARCHAR
);

CREATE OR REPLACE VIEW documents AS
SELECT
    url, final_url, site, source, title, published_at, source_name, reporter, editor,
    original_url, body_text, body_html, content_sha256, fetched_at, parser_version, metadata,
    index_no, info_category, issuer, written_date, publish_date, doc_no, validity,
    effective_date, expiry_date, doc_name, consult_org, consult_phone,
    proposal_no, session, proposer, proposal_title, reply_class, contact_unit, contact_phone,
    attachments, doc_type, adapter, encoding, encoding_confidence, warnings,
    first_seen, last_seen, fetch_id
FROM document_versions
WHERE is_current;
