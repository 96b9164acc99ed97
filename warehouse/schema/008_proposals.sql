-- Proposals and their paper trail: which pages reply to, report on or copy which proposal.
--
-- Two tables are written as pages load (warehouse/paper_trail.py, one call per batch,
-- and again by `reparse`): what each current page says about proposals (proposal_refs,
-- from parsers/proposal_key.py) and which bodies are near-duplicates (MinHash bands and
-- signatures, warehouse/near_dupes.py, and the pairs they found). Everything else is a
-- view over those and `documents`, so a page loaded later (the original after its copy,
-- the lead reply after the co-handling one) changes the answer without rewriting rows.

CREATE TABLE IF NOT EXISTS proposal_refs (
    url             VARCHAR NOT NULL,     -- the page (documents.url)
    role            VARCHAR NOT NULL,     -- reply | report
    proposal_key    VARCHAR,              -- <body>|<session>|<number>; NULL: a report naming a title only
    body            VARCHAR,
    kind            VARCHAR,              -- proposal | suggestion
    session         VARCHAR,
    proposal_no     VARCHAR,              -- normalised: 0321
    proposal_title  VARCHAR,              -- as the reply prints it
    title_norm      VARCHAR,              -- compared between replies and reports
    proposer        VARCHAR,
    handling        VARCHAR,              -- lead | co, when the reply says (主办 | 协办, 会办)
    handling_label  VARCHAR,              -- 主办 | 协办 | 会办 as printed
    bureau          VARCHAR,              -- the replying unit (联系单位, else 发布机构, else 来源)
    report_text     VARCHAR               -- a report known by title: its title and opening, where
                                          -- the proposer's name is looked for (the views never
                                          -- read the archive's bodies)
);

CREATE TABLE IF NOT EXISTS text_signatures (
    url             VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,     -- the version the signature was computed from
    minhash         BLOB NOT NULL,        -- 128 x uint32, little-endian
    copy_rank       VARCHAR NOT NULL      -- of two same_text pages the larger is the copy
                                          -- (paper_trail.copy_rank)
);
CREATE TABLE IF NOT EXISTS text_bands (
    bucket          BIGINT NOT NULL,      -- hash of one band of a signature (band number mixed in)
    url             VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS text_links (
    url             VARCHAR NOT NULL,     -- the pair in URL order (url < other_url)
    other_url       VARCHAR NOT NULL,
    score           DOUBLE NOT NULL,      -- estimated Jaccard similarity of the bodies' shingles
    copy_url        VARCHAR NOT NULL      -- which of the two is the copy
);

CREATE OR REPLACE MACRO paper_url_key(u) AS regexp_replace(rtrim(u, '/'), '^https?://', '');

-- Copies: `repost` (the page names the other as its original, 原文链接) and `same_text`.
-- (the original is matched as printed, or with the other scheme: equality joins only)
CREATE OR REPLACE VIEW document_links AS
SELECT d.url, coalesce(o.url, o2.url, d.original_url) AS other_url, 'repost' AS kind,
       1.0::DOUBLE AS score
FROM documents d
LEFT JOIN documents o ON o.url = d.original_url
LEFT JOIN documents o2 ON o2.url = CASE WHEN d.original_url LIKE 'https://%'
                                        THEN 'http://' || d.original_url[9:]
                                        ELSE 'https://' || d.original_url[8:] END
WHERE d.original_url IS NOT NULL AND paper_url_key(d.original_url) <> paper_url_key(d.url)
UNION ALL
SELECT url, other_url, 'same_text', score FROM text_links;

-- proposal_refs with reports known by title resolved to the proposal whose replies print
-- that title, when the report also names one of its proposers.
CREATE OR REPLACE VIEW proposal_refs_resolved AS
SELECT url, role, proposal_key, handling, handling_label, bureau, 'number' AS matched_by
FROM proposal_refs WHERE proposal_key IS NOT NULL
UNION ALL
SELECT DISTINCT r.url, 'report', k.proposal_key, NULL, NULL, NULL, 'title'
FROM proposal_refs r
JOIN (SELECT DISTINCT proposal_key, title_norm, proposer FROM proposal_refs
      WHERE role = 'reply' AND title_norm IS NOT NULL AND proposer IS NOT NULL) k
  ON k.title_norm = r.title_norm
WHERE r.proposal_key IS NULL
  AND list_bool_or(list_transform(string_split(k.proposer, '、'),
        n -> length(n) >= 2 AND contains(r.report_text, n)));

-- Which page is a copy of which. A page naming its original (原文链接) is a copy of it.
-- Of two same_text pages, the copy is the one that names an original, else the one not
-- on a government site, else the later published, else the larger URL (text_links.copy_url,
-- decided when the pair is found); and only when the two do not disagree on the proposal or
-- on the replying bureau (two bureaus' replies to one proposal can read alike and are both
-- replies).
CREATE OR REPLACE VIEW document_copies AS
WITH refs AS (
    SELECT url, min(proposal_key) AS proposal_key, count(DISTINCT proposal_key) AS keys,
           min(bureau) AS bureau
    FROM proposal_refs_resolved GROUP BY url
),
ranked AS (
    SELECT l.copy_url AS copy, CASE WHEN l.copy_url = l.url THEN l.other_url ELSE l.url END AS original,
           ra.proposal_key AS ka, rb.proposal_key AS kb, ra.bureau AS ba, rb.bureau AS bb
    FROM text_links l
    LEFT JOIN refs ra ON ra.url = l.url
    LEFT JOIN refs rb ON rb.url = l.other_url
),
pairs AS (
    SELECT url AS copy, other_url AS original, 0 AS priority FROM document_links WHERE kind = 'repost'
    UNION ALL
    SELECT copy, original, 1
    FROM ranked
    WHERE ka IS NULL OR kb IS NULL OR (ka = kb AND (ba IS NULL OR bb IS NULL OR ba = bb))
)
SELECT copy AS url, arg_min(original, (priority, original)) AS original
FROM pairs GROUP BY copy;

-- Every page in a proposal's paper trail: `reply` (a bureau's answer; `handling` lead or
-- co where the reply says 主办 / 协办 / 会办), `report` (news about the proposal or its
-- reply), `repost` (a copy of either on another site; `copy_of` names the page copied).
CREATE OR REPLACE VIEW proposal_links AS
WITH refs AS (SELECT * FROM proposal_refs_resolved),
copies AS (SELECT * FROM document_copies)
SELECT DISTINCT r.proposal_key, r.url,
       CASE WHEN c.url IS NOT NULL THEN 'repost' ELSE r.role END AS role,
       r.handling, r.handling_label, r.bureau, r.matched_by, c.original AS copy_of
FROM refs r LEFT JOIN copies c ON c.url = r.url
UNION
SELECT o.proposal_key, c.url, 'repost', o.handling, o.handling_label, o.bureau, o.matched_by,
       c.original
FROM copies c JOIN refs o ON o.url = c.original
WHERE c.url NOT IN (SELECT url FROM refs);

-- One row per proposal (政协提案) or suggestion (人大代表建议).
CREATE OR REPLACE VIEW proposals AS
WITH links AS (SELECT * FROM proposal_links),
attrs AS (
    SELECT proposal_key, any_value(body) AS body, any_value(kind) AS kind,
           any_value(session) AS session, any_value(proposal_no) AS proposal_no
    FROM proposal_refs WHERE proposal_key IS NOT NULL GROUP BY proposal_key
)
SELECT l.proposal_key, a.body, a.kind, a.session, a.proposal_no,
       coalesce(mode(r.proposal_title) FILTER (WHERE l.role = 'reply' AND l.handling = 'lead'),
                mode(r.proposal_title) FILTER (WHERE l.role = 'reply'),
                mode(r.proposal_title)) AS proposal_title,
       coalesce(mode(r.proposer) FILTER (WHERE l.role = 'reply' AND l.handling = 'lead'),
                mode(r.proposer) FILTER (WHERE l.role = 'reply'),
                mode(r.proposer)) AS proposer,
       count(DISTINCT l.url) FILTER (WHERE l.role = 'reply') AS replies,
       min(d.published_at) FILTER (WHERE l.role = 'reply') AS first_reply_at
FROM links l
JOIN attrs a ON a.proposal_key = l.proposal_key
LEFT JOIN proposal_refs r ON r.url = l.url AND r.proposal_key = l.proposal_key
LEFT JOIN documents d ON d.url = l.url
GROUP BY l.proposal_key, a.body, a.kind, a.session, a.proposal_no;
