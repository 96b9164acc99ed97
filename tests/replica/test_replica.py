"""Smoke tests of the replica server itself: if these fail, every crawl test is suspect."""

from __future__ import annotations

import gzip
import re
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.replica.server import ReplicaServer
from tests.replica.site import Replica

SIZES = {"nxzx": 45, "ahsz-zxta": 31, "ahsz-rdjy": 16, "kjj": 11}


@pytest.fixture(scope="module")
def rs() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles=SIZES, mode="thread") as server:
        yield server


@pytest.fixture()
def client(rs: ReplicaServer) -> Iterator[httpx.Client]:
    rs.control.reset()
    with httpx.Client(trust_env=False, timeout=5) as c:
        yield c


def test_starts_fast_and_has_one_port_per_origin() -> None:
    t0 = time.monotonic()
    with ReplicaServer(articles={"nxzx": 20_000}, mode="thread") as server:
        assert time.monotonic() - t0 < 1.0
        assert list(server.ports) == ["www.nxzx.gov.cn"]
        r = httpx.get(server.url("nxzx", "/zxgz/tagz/index_999.html"), trust_env=False)
        assert r.status_code == 200 and "createPageHTML(1000, 999" in r.text


def test_trs_listing_paginates_newest_first(rs: ReplicaServer, client: httpx.Client) -> None:
    base = rs.base_url("www.nxzx.gov.cn")
    truth = rs.control.truth("nxzx")
    seen: list[str] = []
    for page in ["index.html", "index_1.html", "index_2.html"]:
        r = client.get(base + "zxgz/tagz/" + page)
        assert r.status_code == 200
        assert "createPageHTML(3," in r.text
        seen += ["/zxgz/tagz/" + h for h in re.findall(r'href="\./(\d{6}/t\d{8}_\d+\.html)"', r.text)]
    assert seen == [t.path for t in truth]
    assert client.get(base + "zxgz/tagz/index_3.html").status_code == 404


def test_ahsz_listing_pager_and_article(rs: ReplicaServer, client: httpx.Client) -> None:
    base = rs.base_url("ahsz-zxta").rstrip("/")
    r = client.get(base + "/public/column/6596221?type=4&action=list&pageIndex=1")
    links = re.findall(r'<li><a href="(/public/6596221/\d+\.html)"', r.text)
    assert len(links) == 15 and "共3页" in r.text and "pageIndex=2" in r.text
    assert "http://www.example.com/" in r.text
    truth = rs.control.truth("ahsz-zxta", links[0])[0]
    art = client.get(base + links[0])
    assert art.headers["content-type"].lower() == "text/html;charset=utf-8"
    assert truth.title in art.text and truth.first_paragraph in art.text
    assert f"办复类别:{truth.reply_class}类" in art.text or f"办复类别：{truth.reply_class}类" in art.text
    assert 'class="table_suoyin"' in art.text and "扫一扫在手机打开当前页" in art.text


def test_conditional_get_gzip_head(rs: ReplicaServer, client: httpx.Client) -> None:
    truth = rs.control.truth("nxzx")[0]
    url = rs.url("nxzx", truth.path)
    r = client.get(url, headers={"accept-encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip" and truth.last_paragraph in r.text
    etag, lm = r.headers["etag"], r.headers["last-modified"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    assert client.get(url, headers={"if-modified-since": lm}).status_code == 304
    head = client.head(url, headers={"accept-encoding": "identity"})
    assert head.content == b"" and int(head.headers["content-length"]) > 10_000
    rs.control.change("nxzx", truth.path)
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert rs.control.truth("nxzx", truth.path)[0].first_paragraph in changed.text
    statuses = [e["status"] for e in rs.control.log() if e["path"] == truth.path]
    assert statuses == [200, 304, 304, 200, 200]


def test_gb18030_pages_declare_charset_in_meta_only(rs: ReplicaServer, client: httpx.Client) -> None:
    truth = next(t for t in rs.control.truth("nxzx") if t.encoding == "gb18030")
    r = client.get(rs.url("nxzx", truth.path))
    assert r.headers["content-type"] == "text/html"
    assert b"charset=gb2312" in r.content
    assert truth.title in r.content.decode("gb18030")


def test_robots_and_private_link(rs: ReplicaServer, client: httpx.Client) -> None:
    for site, listing in [("nxzx", "/zxgz/tagz/index.html"), ("kjj", "/public/column/2655573?pageIndex=1")]:
        robots = client.get(rs.url(site, "/robots.txt")).text
        disallowed = re.search(r"Disallow: (\S+)", robots).group(1)
        page = client.get(rs.url(site, listing)).text
        assert re.search(r'href="\.?' + re.escape(disallowed.replace("/zxgz/tagz/", "/")), page) or disallowed in page


def test_control_add_blank_redesign(rs: ReplicaServer, client: httpx.Client) -> None:
    new = rs.control.add("ahsz-rdjy", 2)
    r = client.get(rs.url("ahsz-rdjy", "/public/column/6596231?type=4&action=list&pageIndex=1"))
    assert re.findall(r'<li><a href="(/public/6596231/\d+\.html)"', r.text)[:2] == new
    rs.control.blank("ahsz-rdjy", new[0])
    blank = client.get(rs.url("ahsz-rdjy", new[0])).text
    assert re.search(r'<div class="j-fontContent newscontnet" id="zoom">\s*</div>', blank)
    rs.control.redesign("ahsz-rdjy")
    r = client.get(rs.url("ahsz-rdjy", "/public/column/6596231?type=4&action=list&pageIndex=1"))
    assert "/public/6596231/" not in r.text.split('class="sidebar"')[0]


def test_attachments_are_real_files(rs: ReplicaServer, client: httpx.Client) -> None:
    truth = rs.control.truth("kjj", 5)[0]
    assert [a["path"][-4:] for a in truth.attachments] == [".pdf", "docx"]
    pdf = client.get(rs.url("kjj", truth.attachments[0]["path"]))
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    docx = client.get(rs.url("kjj", truth.attachments[1]["path"]))
    assert docx.content.startswith(b"PK")


def test_faults(rs: ReplicaServer, client: httpx.Client) -> None:
    base = rs.base_url("nxzx")
    r = client.get(base + "_fault/status/429?retry_after=3")
    assert r.status_code == 429 and r.headers["retry-after"] == "3"
    codes = [client.get(base + "_fault/flaky/t1?fail=2").status_code for _ in range(3)]
    assert codes == [503, 503, 200]
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(base + "_fault/drop")
    with pytest.raises(httpx.ReadError):
        client.get(rs.raw_base_url + "_fault/reset")
    with pytest.raises(httpx.ReadTimeout):
        client.get(base + "_fault/hang", timeout=0.3)
    with pytest.raises(httpx.DecodingError):
        client.get(base + "_fault/bad-gzip")
    with client.stream("GET", base + "_fault/huge?size=3000000") as s:
        assert sum(len(c) for c in s.iter_raw()) == 3_000_000
    assert client.get(base + "_fault/png").headers["content-type"] == "image/png"


def test_pinned_fault_on_article(rs: ReplicaServer, client: httpx.Client) -> None:
    path = rs.control.truth("kjj")[0].path
    rs.control.fault("kjj", path, "flaky", fail=1, status=502)
    assert client.get(rs.url("kjj", path)).status_code == 502
    assert client.get(rs.url("kjj", path)).status_code == 200


def test_process_mode_http_control() -> None:
    with ReplicaServer(articles={"kjj": 7}, mode="process") as server:
        new = server.control.add("kjj", 1)
        r = httpx.get(server.url("kjj", new[0]), headers={"accept-encoding": "gzip"}, trust_env=False)
        assert r.status_code == 200 and server.control.truth("kjj", new[0])[0].title in r.text
        assert server.control.count("kjj") == 8
        assert [e["path"] for e in server.control.log()] == [new[0]]


def test_generator_is_deterministic_and_lazy() -> None:
    a, b = Replica({"nxzx": 50_000}), Replica({"nxzx": 50_000})
    ta, tb = a.truth("nxzx", 31_337)[0], b.truth("nxzx", 31_337)[0]
    assert ta == tb
    page = a.page("www.nxzx.gov.cn", ta.path)
    assert page is not None and page.body == b.page("www.nxzx.gov.cn", ta.path).body
    assert gzip.decompress(gzip.compress(page.body)) == page.body


def test_golden_pages_served_byte_exact(rs: ReplicaServer, client: httpx.Client) -> None:
    golden = pytest.importorskip("tests.replica.golden_cases")
    cases = golden.load_cases()
    if not cases:
        pytest.skip("no golden cases yet")
    for case in cases:
        r = client.get(rs.url("nxzx", f"/_golden/{case.name}"), headers={"accept-encoding": "identity"})
        assert r.status_code == 200 and r.content == case.body
        assert r.headers.get("content-type") == case.content_type
    on_origin = [c for c in cases if c.host in rs.ports]
    for case in on_origin[:3]:
        assert client.get(rs.url(case.host, case.path)).content == case.body
