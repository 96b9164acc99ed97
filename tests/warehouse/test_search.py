"""Chinese full-text search: ranking, filters, exact phrases, SQL access, CLI."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from typer.testing import CliRunner

from tests.warehouse.conftest import make_doc
from warehouse.search import search, search_archive, snippet

FILLER = "宿州市人民政府办公室印发有关工作方案的通知，请各单位认真贯彻落实。" * 8


@pytest.fixture
def corpus(archive):
    docs = [
        # the query term once, deep in a long body
        make_doc("https://a.gov.cn/body.html", "关于城市管理工作的通知",
                 FILLER + "其中包括数据中心。" + FILLER,
                 source="ahsz-kjj", published_at=dt.datetime(2024, 5, 1)),
        # the query term in the title
        make_doc("https://a.gov.cn/title.html", "关于加快数据中心建设的提案答复",
                 FILLER + "我局将认真研究。",
                 source="ahsz-zxta", published_at=dt.datetime(2023, 3, 1), issuer="宿州市科技局"),
        # the bigrams of the term, but never the term itself
        make_doc("https://a.gov.cn/scattered.html", "统计数据发布",
                 "本季度数据已发布。市民服务中心照常开放。" + FILLER,
                 source="ahsz-kjj", published_at=dt.datetime(2024, 7, 1)),
        make_doc("https://a.gov.cn/latin.html", "5G基站建设情况",
                 "全市新建5G基站120个，AI应用场景10个。", source="ahsz-kjj",
                 published_at=dt.datetime(2024, 8, 1)),
        make_doc("https://a.gov.cn/other.html", "宁夏政协提案工作", FILLER, source="nxzx-tagz"),
    ]  # fmt: skip
    archive.load_documents([(d, None) for d in docs])
    return archive


def test_title_match_ranks_above_single_body_mention(corpus):
    hits = search_archive(corpus.path, "数据中心")
    assert [h.url for h in hits] == ["https://a.gov.cn/title.html", "https://a.gov.cn/body.html"]
    assert hits[0].score > hits[1].score
    assert "【数据中心】" in hits[1].snippet
    assert hits[0].issuer == "宿州市科技局"


def test_filters_by_source_and_date(corpus):
    assert [h.url for h in search_archive(corpus.path, "数据中心", source="ahsz-kjj")] == [
        "https://a.gov.cn/body.html"
    ]
    assert [h.url for h in search_archive(corpus.path, "数据中心", since="2024-01-01")] == [
        "https://a.gov.cn/body.html"
    ]
    with pytest.raises(ValueError):
        search_archive(corpus.path, "数据中心", since="yesterday")


def test_two_character_words_several_words_latin_and_single_characters(corpus):
    assert {h.url for h in search_archive(corpus.path, "提案")} == {
        "https://a.gov.cn/title.html", "https://a.gov.cn/other.html"
    }  # fmt: skip
    assert [h.url for h in search_archive(corpus.path, "数据 发布")] == ["https://a.gov.cn/scattered.html"]
    assert [h.url for h in search_archive(corpus.path, "5g")] == ["https://a.gov.cn/latin.html"]
    assert [h.url for h in search_archive(corpus.path, "AI 基站")] == ["https://a.gov.cn/latin.html"]
    assert "https://a.gov.cn/latin.html" in {h.url for h in search_archive(corpus.path, "站")}
    assert search_archive(corpus.path, "不存在的词语") == []
    assert search_archive(corpus.path, "   ") == []


def test_search_from_sql(corpus):
    con = duckdb.connect(str(corpus.path), read_only=True)
    rows = con.execute("SELECT url FROM search_documents('数据中心')").fetchall()
    con.close()
    assert [r[0] for r in rows] == ["https://a.gov.cn/title.html", "https://a.gov.cn/body.html"]


def test_search_through_the_sandboxed_query_command(corpus):
    from warehouse.query import run_query

    res = run_query(corpus.path, "SELECT url, title FROM search_documents('数据中心') LIMIT 1")
    assert res.rows[0][0] == "https://a.gov.cn/title.html"


def test_limit_and_no_write_on_read_only(corpus):
    con = duckdb.connect(str(corpus.path), read_only=True)
    assert len(search(con, "提案", limit=1)) == 1
    con.close()


def test_snippet_marks_every_match():
    text = "前言" * 50 + "数据中心和数据中心" + "后记" * 50
    s = snippet(text, ["数据中心"])
    assert s.startswith("…") and s.endswith("…")
    assert s.count("【数据中心】") == 2


def test_cli_search_prints_title_date_issuer_url(corpus):
    from flows.cli import app

    result = CliRunner().invoke(app, ["--db", str(corpus.path), "search", "数据中心", "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "关于加快数据中心建设的提案答复" in result.output
    assert "2023-03-01" in result.output and "宿州市科技局" in result.output
    assert "https://a.gov.cn/title.html" in result.output
    missing = CliRunner().invoke(app, ["--db", str(corpus.path.parent / "none.duckdb"), "search", "x"])
    assert missing.exit_code == 1


def test_results_survive_compaction(corpus):
    from flows.cli import app

    before = search_archive(corpus.path, "数据中心")
    corpus.compact_search_index()
    assert search_archive(corpus.path, "数据中心") == before
    result = CliRunner().invoke(app, ["--db", str(corpus.path), "compact"])
    assert result.exit_code == 0 and "compacted" in result.output, result.output
    assert search_archive(corpus.path, "数据中心") == before
    with duckdb.connect(str(corpus.path), read_only=True) as con:  # the table kept its constraints
        nulls = con.execute(
            "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'search_postings' "
            "AND constraint_type = 'NOT NULL'"
        ).fetchone()[0]
    assert nulls == 3
    missing = CliRunner().invoke(app, ["--db", str(corpus.path.parent / "none.duckdb"), "compact"])
    assert missing.exit_code == 1 and "no archive" in missing.output


def test_batch_terms_counts_title_and_body_per_document():
    """Expectations worked out by hand from the texts."""
    from warehouse import tokens

    def bigram(a: str, b: str) -> int:
        return ((ord(a) - 0x3400) << 15) | (ord(b) - 0x3400)

    got = tokens.batch_terms(["数据中心", "", "AB 数据"], ["数据数据 ab12 x", "中心中心", "据中"])
    rows = {
        (int(t), int(d)): (float(a), float(b))
        for t, d, a, b in zip(got.term, got.doc, got.tf_title, got.tf_body, strict=True)
    }
    assert rows == {
        (bigram("数", "据"), 0): (1, 2),  # title once, body twice
        (bigram("据", "中"), 0): (1, 0),
        (bigram("中", "心"), 0): (1, 0),
        (bigram("据", "数"), 0): (0, 1),
        (tokens.word_key("ab12"), 0): (0, 1),  # "x" is one letter: not a word
        (bigram("中", "心"), 1): (0, 2),
        (bigram("心", "中"), 1): (0, 1),
        (bigram("数", "据"), 2): (1, 0),
        (tokens.word_key("ab"), 2): (1, 0),  # lowercased
        (bigram("据", "中"), 2): (0, 1),
    }
    assert list(got.term) == sorted(got.term)  # stored in term order
    assert tokens.query_terms("AB") == [tokens.word_key("ab")]


def test_index_follows_a_reparse_that_changes_the_text_of_the_same_url(archive):
    """A batch tokenized ahead of the merge must not index text that did not land."""
    old = make_doc("https://a.gov.cn/p.html", "旧标题", "关于营商环境的答复。" + FILLER)
    archive.load_documents([(old, None)])
    new = make_doc("https://a.gov.cn/p.html", "新标题", "关于乡村振兴的答复。" + FILLER)
    archive.load_documents([(new, None), (old, None), (new, None)])  # the last one wins
    with duckdb.connect(str(archive.path), read_only=True) as con:
        assert [h.url for h in search(con, "乡村振兴")] == ["https://a.gov.cn/p.html"]
        assert search(con, "营商环境") == []
