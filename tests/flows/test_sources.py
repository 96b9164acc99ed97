"""Source config: the shipped entries, --base-url rebasing and pagination as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.discover import listing_url
from flows.sources import get_source, load_sources


def test_shipped_sources_cover_the_seed_sites() -> None:
    sources = load_sources()
    assert set(sources) == {"nxzx-tagz", "ahsz-zxta", "ahsz-rdjy", "ahsz-kjj"}
    nxzx = sources["nxzx-tagz"]
    assert nxzx.is_article("http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html")
    assert not nxzx.is_article("http://www.nxzx.gov.cn/zxgz/tagz/index_1.html")
    assert not nxzx.is_article("http://www.example.com/zxgz/tagz/202310/t20231010_780703.html")
    assert sources["ahsz-kjj"].is_article("https://kjj.ahsz.gov.cn/public/2655573/191401491.html")


def test_pagination_styles() -> None:
    nxzx = get_source("nxzx-tagz")
    start = nxzx.start_urls[0]
    assert [listing_url(nxzx, start, k) for k in range(3)] == [
        "http://www.nxzx.gov.cn/zxgz/tagz/index.html",
        "http://www.nxzx.gov.cn/zxgz/tagz/index_1.html",
        "http://www.nxzx.gov.cn/zxgz/tagz/index_2.html",
    ]
    zxta = get_source("ahsz-zxta")
    assert listing_url(zxta, zxta.start_urls[0], 2) == (
        "https://www.ahsz.gov.cn/public/column/6596221?type=4&action=list&pageIndex=3"
    )


def test_rebasing_moves_start_urls_hosts_and_patterns() -> None:
    src = get_source("ahsz-zxta").rebased("http://127.0.0.1:8001/mirror/")
    assert src.start_urls == (
        "http://127.0.0.1:8001/mirror/public/column/6596221?type=4&action=list&pageIndex=1",
    )
    assert src.allowed_hosts == frozenset({"127.0.0.1:8001"})
    assert src.is_article("http://127.0.0.1:8001/mirror/public/6596221/1.html")
    assert not src.is_article("http://127.0.0.1:8002/mirror/public/6596221/1.html")  # another port
    assert src.rebased_from == "https://www.ahsz.gov.cn"
    with pytest.raises(ValueError):
        get_source("ahsz-zxta").rebased("ftp://mirror/")


def test_config_errors_name_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "s.toml"
    bad.write_text('[sources.x]\ntitle = "x"\nstart_urls = ["http://a/"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="source 'x': missing key"):
        load_sources(bad)
    bad.write_text('[sources.y]\ntitle = "y"\nbogus = 1\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown keys"):
        load_sources(bad)
    with pytest.raises(KeyError, match="unknown source"):
        get_source("nope")
