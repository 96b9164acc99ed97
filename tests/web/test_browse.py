"""The result lists the web pages read (warehouse/browse.py): exact words, facet counts that
agree with the narrowed lists, paging, and the same answer on a connection used twice.

Expectations come from the documents written here: which hold the word as typed, and
how many of them each source and reply class has."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.conftest import make_doc
from warehouse import browse
from warehouse.archive import Archive

FILLER = "宿州市人民政府办公室印发有关工作方案的通知，请各单位认真贯彻落实。"


@pytest.fixture
def con(tmp_path: Path):  # noqa: ANN201
    docs = [
        make_doc("https://a.gov.cn/1.html", "关于加快数据中心建设的提案答复", FILLER + "我局将认真研究。",
                 source="ahsz-zxta", reply_class="A", published_at=dt.datetime(2023, 3, 1)),
        make_doc("https://a.gov.cn/2.html", "城市管理通知", FILLER + "其中包括数据中心。" + FILLER,
                 source="ahsz-kjj", published_at=dt.datetime(2024, 5, 1)),
        # every bigram of 数据中心 (数据 据中 中心), never the word itself
        make_doc("https://a.gov.cn/3.html", "统计通报", "这些数据中有误。市民服务中心照常开放。" + FILLER,
                 source="ahsz-kjj", published_at=dt.datetime(2024, 7, 1)),
        make_doc("https://a.gov.cn/4.html", "数据中心运维情况", "全市Data Center建成3个。" + FILLER,
                 source="ahsz-zxta", reply_class="B", published_at=dt.datetime(2022, 1, 9)),
        make_doc("https://a.gov.cn/5.html", "宁夏政协提案工作", FILLER, source="nxzx-tagz",
                 reply_class="A"),
    ]  # fmt: skip
    db = tmp_path / "archive.duckdb"
    with Archive(db) as archive:
        archive.load_documents([(d, None) for d in docs])
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def _urls(results: browse.Results) -> list[str]:
    return [r.url for r in results.rows]


def test_only_documents_holding_the_word_as_typed(con) -> None:  # noqa: ANN001
    results = browse.run(con, browse.Query(q="数据中心"))
    assert sorted(_urls(results)) == ["https://a.gov.cn/1.html", "https://a.gov.cn/2.html",
                                      "https://a.gov.cn/4.html"]  # fmt: skip
    assert results.total == 3 and not results.capped
    assert dict(results.facets["source"]) == {"ahsz-zxta": 2, "ahsz-kjj": 1}
    assert dict(results.facets["reply_class"]) == {"A": 1, "B": 1}
    assert dict(results.facets["year"]) == {"2022": 1, "2023": 1, "2024": 1}
    # the title match ranks first; the snippet text is the page's body
    assert results.rows[0].url in ("https://a.gov.cn/1.html", "https://a.gov.cn/4.html")
    assert all("数据中心" in (r.text + (r.title or "")) for r in results.rows)


def test_latin_words_match_in_any_case(con) -> None:  # noqa: ANN001
    assert _urls(browse.run(con, browse.Query(q="data center"))) == ["https://a.gov.cn/4.html"]
    assert _urls(browse.run(con, browse.Query(q="CENTER 数据中心"))) == ["https://a.gov.cn/4.html"]


def test_a_facet_count_is_the_size_of_the_list_it_narrows_to(con) -> None:  # noqa: ANN001
    everything = browse.run(con, browse.Query(q="数据中心"))
    for name, values in everything.facets.items():
        for value, count in values:
            narrowed = browse.run(con, browse.Query(q="数据中心", filters={name: value}))
            assert narrowed.total == count == len(narrowed.rows), (name, value)
    both = browse.run(con, browse.Query(q="数据中心", filters={"source": "ahsz-zxta", "reply_class": "B"}))
    assert _urls(both) == ["https://a.gov.cn/4.html"]


def test_paging_sorting_and_a_connection_used_twice(con) -> None:  # noqa: ANN001
    by_date = browse.run(con, browse.Query(q="数据中心", sort="date"))
    assert _urls(by_date) == ["https://a.gov.cn/2.html", "https://a.gov.cn/1.html", "https://a.gov.cn/4.html"]
    pages = [browse.run(con, browse.Query(q="数据中心", sort="date", page=p, per_page=2)) for p in (1, 2)]
    assert [_urls(p) for p in pages] == [_urls(by_date)[:2], _urls(by_date)[2:]]
    assert pages[0].pages == 2
    # the temporary result of one request leaves nothing behind for the next
    assert browse.run(con, browse.Query(q="提案")).total == 2
    assert browse.run(con, browse.Query(q="数据中心"), everything=True).total == 3


def test_no_words_lists_every_document(con) -> None:  # noqa: ANN001
    results = browse.run(con, browse.Query(filters={"reply_class": "A"}))
    assert results.total == 2
    assert sorted(_urls(results)) == ["https://a.gov.cn/1.html", "https://a.gov.cn/5.html"]
    assert dict(browse.run(con, browse.Query()).facets["source"]) == {"ahsz-zxta": 2, "ahsz-kjj": 2, "nxzx-tagz": 1}
