"""`sources check` (good, dead, redesigned), `sources add`, platform templates, and bad configuration."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows import prefect_api
from flows.cli import app
from flows.crawl_many import crawl_many
from flows.crawl_options import CrawlOptions
from flows.sources import ConfigError, load_sources
from tests.replica.hosts import ColumnPlan, HostPlan, HostsServer
from tests.replica.server import ReplicaServer

SHIPPED = Path(__file__).resolve().parents[2] / "flows" / "sources.toml"


@pytest.fixture(scope="module")
def site():
    with ReplicaServer(articles={"ahsz-zxta": 20, "kjj": 12}, mode="thread") as rs:
        yield rs


def _run(*args: str, db: Path, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["--db", str(db), *args], env=env, catch_exceptions=False)


def test_check_a_good_source_prints_its_article_and_writes_nothing(site, db_path: Path) -> None:
    result = _run("sources", "check", "ahsz-zxta", "--base-url", site.base_url("ahsz-zxta"), db=db_path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    newest = site.control.truth("ahsz-zxta")[0]  # the first link on the first listing page
    assert "ahsz-zxta" in out and "allows the listing" in out
    assert "2/2" in out  # both listing pages probed read
    assert "proposal_reply" in out and newest.title in out
    assert newest.published_at.replace("T", " ") in out  # 2024-06-... hh:mm as the page prints it
    assert "column: confirmed" in out and "ok" in out
    assert not db_path.exists() and not db_path.parent.exists()  # nothing written


def test_check_a_dead_source_fails(db_path: Path) -> None:
    result = _run("sources", "check", "ahsz-kjj", "--base-url", "http://127.0.0.1:9/", db=db_path)
    assert result.exit_code == 1
    assert "unreachable" in result.stdout and "FAIL" in result.stdout
    assert "column: unconfirmed" in result.stdout


def test_check_a_redesigned_source_fails_and_says_so(db_path: Path) -> None:
    with ReplicaServer(articles={"kjj": 12}, mode="thread") as rs:
        rs.control.redesign("kjj")
        result = _run("sources", "check", "ahsz-kjj", "--base-url", rs.base_url("kjj"), db=db_path)
    assert result.exit_code == 1
    assert "1/1" in result.stdout  # the listing was read ...
    assert "no article links" in result.stdout and "redesigned" in result.stdout  # ... but holds none


def test_add_recognises_the_platform_probes_and_appends(site, tmp_path: Path, db_path: Path) -> None:
    conf = tmp_path / "sources.toml"
    conf.write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    env = {"GOVARCHIVE_SOURCES": str(conf), "GOVARCHIVE_ALLOW_PRIVATE": "1"}
    listing = site.url("kjj", "/public/column/2655573?type=4&action=list&pageIndex=1")
    result = _run("sources", "add", listing, "--name", "kjj-mirror", db=db_path, env=env)
    assert result.exit_code == 0, result.output
    text = conf.read_text(encoding="utf-8")
    assert "[sources.kjj-mirror]" in text and 'platform = "anhui-public"' in text
    assert 'column = "2655573"' in text and 'scheme = "http"' in text
    added = load_sources(conf)["kjj-mirror"]
    assert added.start_urls == (listing,)
    assert added.is_article(site.url("kjj", "/public/2655573/191401000.html"))
    assert added.title == "政府信息公开"  # the listing page's own column name
    # the same column again is a duplicate; a listing with no articles is probed and not added
    again = _run("sources", "add", listing, "--name", "kjj-again", db=db_path, env=env)
    assert again.exit_code == 2 and "already the listing of source 'kjj-mirror'" in again.stderr
    dead = _run("sources", "add", "http://127.0.0.1:9/public/column/1?type=4", db=db_path, env=env)
    assert dead.exit_code == 1 and "not added" in dead.stderr
    assert conf.read_text(encoding="utf-8") == text
    unknown = _run("sources", "add", "http://127.0.0.1:9/some/page.html", db=db_path, env=env)
    assert unknown.exit_code == 2 and "not a listing URL of a known platform" in unknown.stderr


def test_add_refuses_a_private_address_unless_allowed(site, tmp_path: Path, db_path: Path) -> None:
    conf = tmp_path / "sources.toml"
    conf.write_text("", encoding="utf-8")
    listing = site.url("kjj", "/public/column/2655573?type=4&action=list&pageIndex=1")
    result = _run("sources", "add", listing, db=db_path, env={"GOVARCHIVE_SOURCES": str(conf)})
    assert result.exit_code == 1 and "not added" in result.stderr
    assert conf.read_text(encoding="utf-8") == ""


def test_articles_under_another_unit_id_belong_to_the_column_they_are_listed_in(tmp_path: Path, monkeypatch) -> None:
    """The platform's shape, not a guessed unit id: replies of column 2655040 live under unit 6596299."""
    plans = [HostPlan("127.0.0.5", (ColumnPlan("2655040", 9, unit="6596299"),))]
    with HostsServer(plans) as hs:
        conf = tmp_path / "sources.toml"
        conf.write_text(hs.sources_toml(rps=0), encoding="utf-8")
        monkeypatch.setenv("GOVARCHIVE_SOURCES", str(conf))
        (summary,) = asyncio.run(crawl_many(None, str(tmp_path / "a.duckdb"), CrawlOptions()))
        paths = [e["path"] for e in hs.log.snapshot()]
    assert summary.status == "finished" and summary.counts.new == 9, summary.line()
    assert sum(p.startswith("/public/6596299/") for p in paths) == 9


# --- bad configuration: one line naming the file, the source and the key; nothing starts ---

GOOD = '''
[sources.a]
title = "A"
platform = "anhui-public"
host = "a.example.gov.cn"
column = "1"
schedule = "0 6 * * *"
'''

BAD = {
    "unknown key": (GOOD + 'colum = "2"\n', "source 'a', key 'colum': unknown key"),
    "bad regex": (GOOD + "article_pattern = '^/public/(\\d+.html$'\n", "source 'a', key 'article_pattern': bad regular expression"),
    "bad cron": (GOOD.replace("0 6 * * *", "61 6 * * *"), "source 'a', key 'schedule': '61 6 * * *' is not a valid cron"),
    "short cron": (GOOD.replace("0 6 * * *", "daily"), "source 'a', key 'schedule'"),
    "duplicate name": (GOOD + GOOD, "source 'a': duplicate name"),
    "host collision (pace)": (GOOD + GOOD.replace("sources.a", "sources.b").replace('"1"', '"2"') + "rps = 5\n",
                              "source 'b', key 'rps': host a.example.gov.cn is also crawled by 'a'"),
    "host collision (listing)": (GOOD + GOOD.replace("sources.a", "sources.b"),
                                 "source 'b', key 'start_urls': https://a.example.gov.cn/public/column/1"),
    "unknown platform": (GOOD.replace("anhui-public", "anhui-pubic"), "source 'a', key 'platform'"),
    "bad time zone": (GOOD + 'schedule_timezone = "Asia/Shang_hai"\n', "source 'a', key 'schedule_timezone'"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_configuration_is_one_line_naming_file_source_and_key(case: str, tmp_path: Path) -> None:
    text, expected = BAD[case]
    conf = tmp_path / "sources.toml"
    conf.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_sources(conf)
    message = str(err.value)
    assert message.startswith(f"{conf}: ") and "\n" not in message
    assert expected in message, message


def test_bad_configuration_stops_the_cli_before_anything_starts(tmp_path: Path, db_path: Path) -> None:
    conf = tmp_path / "sources.toml"
    conf.write_text(BAD["bad cron"][0], encoding="utf-8")
    env = {"GOVARCHIVE_SOURCES": str(conf)}
    for args in (("crawl", "all"), ("sources",), ("sources", "check")):
        result = _run(*args, db=db_path, env=env)
        assert result.exit_code == 2, (args, result.output)
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("error: ") and str(conf) in line and "key 'schedule'" in line
    assert not db_path.exists()
    assert prefect_api._early is None  # not even the crawl's early Prefect API server
