-- The crawl frontier: every URL a source has discovered and where it stands, so a crawl
-- killed at any point resumes from here with nothing lost and nothing fetched twice.

CREATE TABLE IF NOT EXISTS frontier (
    source          VARCHAR NOT NULL,
    url             VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,      -- article | attachment
    state           VARCHAR NOT NULL,      -- pending | done | failed | skipped
    listed_title    VARCHAR,
    listed_date     DATE,
    referrer        VARCHAR,               -- listing page or document that linked it
    discovered_at   TIMESTAMP NOT NULL,
    discovered_run  VARCHAR,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      VARCHAR,
    last_fetch_id   BIGINT,
    etag            VARCHAR,
    last_modified   VARCHAR,
    updated_at      TIMESTAMP,
    PRIMARY KEY (source, url)
);
