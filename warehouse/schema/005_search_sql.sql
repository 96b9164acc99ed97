-- search_documents() for SQL users, fast on a large archive: each bigram of the word is
-- looked up by its own constant filter (DuckDB folds search_keys('...')[i] to a constant
-- and skips row groups by min/max), and the exact-phrase check runs on the k best only.
-- Words of up to 9 characters (8 bigrams); k defaults to 100.
CREATE OR REPLACE MACRO search_documents(q, k := 100) AS TABLE
WITH keys AS (SELECT search_keys(q)[1:8] AS ks),
hits AS (
    SELECT version_id, weight, 1 AS t FROM search_postings WHERE term = search_keys(q)[1]
    UNION ALL SELECT version_id, weight, 2 FROM search_postings WHERE term = search_keys(q)[2]
    UNION ALL SELECT version_id, weight, 3 FROM search_postings WHERE term = search_keys(q)[3]
    UNION ALL SELECT version_id, weight, 4 FROM search_postings WHERE term = search_keys(q)[4]
    UNION ALL SELECT version_id, weight, 5 FROM search_postings WHERE term = search_keys(q)[5]
    UNION ALL SELECT version_id, weight, 6 FROM search_postings WHERE term = search_keys(q)[6]
    UNION ALL SELECT version_id, weight, 7 FROM search_postings WHERE term = search_keys(q)[7]
    UNION ALL SELECT version_id, weight, 8 FROM search_postings WHERE term = search_keys(q)[8]
),
n AS (SELECT count(*)::DOUBLE AS n FROM search_docs),
df AS (SELECT t, count(*)::DOUBLE AS df FROM hits GROUP BY t),
top AS (
    SELECT h.version_id, sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5)) * h.weight) / 100 AS score
    FROM hits h JOIN df USING (t), n
    GROUP BY h.version_id
    HAVING count(*) = (SELECT len(ks) FROM keys)
    ORDER BY score DESC, h.version_id
    LIMIT k
)
SELECT doc.url, doc.title, doc.published_at, doc.issuer, doc.source, top.score
FROM top JOIN document_versions doc USING (version_id)
-- (the CASE ties the check to the join's output, so it is not pushed into the scan)
WHERE CASE WHEN top.score IS NOT NULL
           THEN contains(lower(coalesce(doc.title, '') || ' ' || coalesce(doc.body_text, '')), lower(q))
      END
ORDER BY top.score DESC, doc.url;
